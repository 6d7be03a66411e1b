const point = { x: 1, y: 2 };
with (point) {
  console.log(x + y);
}
// expect compile error: 2:1: with statements are not supported
