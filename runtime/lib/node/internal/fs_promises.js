// internal/fs_promises — fs.promises (also require("fs/promises")).
//
// Every call (readFile, writeFile, appendFile, readdir, stat, lstat, mkdir, rm, rmdir,
// rename, unlink) runs on libuv's thread pool (node_fs.cpp): each call starts a green thread
// of its own whose native call parks it while the pool does the system calls, so the caller
// and every other thread go on; the thread then settles the promise with the result or node's system error, and the handlers
// run as microtasks after that turn, as after node's I/O callbacks.
const pool = require("internal/fs");

function onPool(op) {
  return (...args) => new Promise((resolve, reject) => {
    Thread.spawn(() => {
      let outcome;
      try {
        outcome = op(...args); // [error, value], once the pool is done
      } catch (e) {
        reject(e); // a bad argument, found before any system call
        return;
      }
      if (outcome[0] !== undefined) reject(outcome[0]);
      else resolve(outcome[1]);
    });
  });
}

// (fs, the caller's argument, is no longer needed: nothing here runs a synchronous call.)
function fromSync() {
  return {
    readFile: onPool(pool.readFile),
    writeFile: onPool(pool.writeFile),
    appendFile: onPool(pool.appendFile),
    mkdir: onPool(pool.mkdir),
    readdir: onPool(pool.readdir),
    stat: onPool(pool.stat),
    lstat: onPool(pool.lstat),
    unlink: onPool(pool.unlink),
    rmdir: onPool(pool.rmdir),
    rm: onPool(pool.rm),
    rename: onPool(pool.rename),
  };
}

module.exports = { fromSync };
