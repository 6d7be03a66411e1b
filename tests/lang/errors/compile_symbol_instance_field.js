// An instance's layout has named fields only: a symbol-keyed instance field is refused.
class Tagged {
  [Symbol.toStringTag] = "Tagged";
}
// expect compile error: 3:3: symbol-keyed instance fields are not supported (an instance's layout has named fields only); use a getter or a method
