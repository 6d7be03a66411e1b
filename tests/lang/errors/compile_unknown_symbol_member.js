// A computed member key may name a well-known symbol; any other property of Symbol is an
// error before the program runs (the layout and the differ need the key).
class Box {
  [Symbol.unknownThing]() { return 1; }
}
// expect compile error: 4:3: [Symbol.unknownThing] is not a well-known symbol Molt supports (Symbol.iterator, Symbol.asyncIterator, Symbol.toPrimitive, Symbol.hasInstance, Symbol.toStringTag)
