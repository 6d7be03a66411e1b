function label(version, count, step) {
  return `${version} count=${count} step=${step}`;
}
module.exports = { label };
