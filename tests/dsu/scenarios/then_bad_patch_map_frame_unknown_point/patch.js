// A typo in the point's name: run() calls this.serve(), not this.serv().
module.exports = function (dsu) {
  dsu.mapFrame("Pump", "run", { at: "call this.serv() in loop 1", locals: { count: (old) => old.rounds } });
};
