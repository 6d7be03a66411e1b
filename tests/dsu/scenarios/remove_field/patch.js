// Tokens no longer live in the session objects.
module.exports = function (dsu) {
  dsu.removeInstanceVariable("Session", "token");
  dsu.replaceMethod("Session", "describe", function () {
    return `${this.user} ttl=${this.ttl}`;
  });
};
