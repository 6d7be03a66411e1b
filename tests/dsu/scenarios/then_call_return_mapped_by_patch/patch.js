// The frame of run() moves at the return of serve(), its counter renamed.
module.exports = function (dsu) {
  dsu.mapFrame("Pump", "run", {
    at: "call this.serve() in loop 1",
    locals: { count: (old) => old.rounds },
  });
};
