// Changes methods the sleeping thread is not in (another method of its class and a method
// of another class): it does not block the update, which commits at once (well within the
// 100 ms safe-point timeout, although the thread sleeps for 10 s).
module.exports = function (dsu) {
  dsu.replaceMethod("Service", "banner", function () {
    return `${this.name} v2`;
  });
  dsu.replaceMethod("Health", "report", function (service) {
    return `${service.name} is healthy (${service.checks} checks)`;
  });
};
