// operations.h — the semantics of operators and iteration behind the interpreter's slow
// paths. Each returns Value::exception() with a pending exception on failure.
#pragma once

#include "runtime/bytecode/opcodes.h"
#include "runtime/core/vm.h"

namespace molt {

// a OP b for the arithmetic, bitwise and shift opcodes (ToPrimitive, string concatenation).
Value arithmeticSlow(VM& vm, Op op, Value a, Value b);
// a OP b for Lt, Le, Gt, Ge (strings compare by code units, everything else as numbers).
Value compareSlow(VM& vm, Op op, Value a, Value b);
// An Iterator over arrays, strings, Map, Set (and iterators themselves).
Value iterate(VM& vm, Value iterable);
// The next value; `done` is set at the end.
Value iteratorNext(VM& vm, Iterator* it, bool& done);
// The next value of any iterator: an Iterator directly, anything else (a generator, an
// object with `next`) through its next() method, in a nested loop.
Value stepIterator(VM& vm, Value iterator, bool& done);
// IteratorClose: calls iterator.return() if it has one (a built-in Iterator has none). An
// exception pending on entry wins over anything return() throws and stays pending; without
// one, return()'s own exception is the result.
Value closeIterator(VM& vm, Value iterator);
// { value, done }, the iterator protocol's result.
Value iterResult(VM& vm, Value value, bool done);
// [...iterable] appended to target.
Value spreadInto(VM& vm, Array* target, Value iterable);
// An Iterator over for...in keys (record keys, array indices, public instance fields).
Value forInKeys(VM& vm, Value obj);
// {...src} copied into target.
Value recordSpread(VM& vm, Record* target, Value src);
// key in obj
Value inOperator(VM& vm, Value key, Value obj);
// super.name read in a method of `home` (static when isStatic), `this` being receiver.
Value superGet(VM& vm, Class* home, bool isStatic, Value receiver, String* name);
// super.name = v: a setter found above `home` runs with `this`; otherwise the property is
// written on `this` itself, past any accessor of home's own (JavaScript's [[Set]] with the
// receiver). The result is v.
Value superSet(VM& vm, Class* home, bool isStatic, Value receiver, String* name, Value v);
// delete obj[key]
Value deleteKey(VM& vm, Value obj, Value key);

} // namespace molt
