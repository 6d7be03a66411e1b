function tag(parts) {
  return parts.join("|");
}
const s = tag`a${1}b`;
console.log(s);
// expect compile error: 4:11: tagged templates are not supported
