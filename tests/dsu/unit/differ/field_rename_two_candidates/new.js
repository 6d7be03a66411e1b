class Point {
  left = 0;
  top = 0;
}
