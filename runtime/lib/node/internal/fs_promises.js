// internal/fs_promises — fs.promises over the synchronous natives (node_fs.cpp): each call
// runs its system calls at once and returns a promise settled with the result or the
// error (node's system error, as the sync call throws it). The work is not moved off the
// VM's thread as node's thread pool does; the handlers still run as microtasks.
function fromSync(fs) {
  const wrap = (fn) => (...args) => new Promise((resolve) => resolve(fn(...args)));
  return {
    readFile: wrap(fs.readFileSync),
    writeFile: wrap(fs.writeFileSync),
    appendFile: wrap(fs.appendFileSync),
    mkdir: wrap(fs.mkdirSync),
    readdir: wrap(fs.readdirSync),
    stat: wrap(fs.statSync),
    lstat: wrap(fs.lstatSync),
    unlink: wrap(fs.unlinkSync),
    rmdir: wrap(fs.rmdirSync),
    rm: wrap(fs.rmSync),
    rename: wrap(fs.renameSync),
  };
}

module.exports = { fromSync };
