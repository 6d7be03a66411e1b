// builtins_iterator.cpp — the iterator protocol on the built-in iterators: the Iterator
// objects of Array/Map/Set keys()/values()/entries() answer next() with { value, done }
// and return themselves from their own iteration, so hosted code can drive them by hand
// exactly as a for-of does.
#include "runtime/bytecode/operations.h"
#include "runtime/core/vm.h"

namespace molt {

namespace {

Value iteratorNextNative(VM& vm, Value thisValue, Value*, int) {
    if (!isKind(thisValue, ObjKind::Iterator))
        return vm.throwTypeError("next method called on incompatible receiver " +
                                 vm.describeReceiver(thisValue));
    bool done;
    Value v = iteratorNext(vm, as<Iterator>(thisValue), done);
    if (v.isException()) return v;
    return iterResult(vm, v, done);
}

} // namespace

void installIteratorBuiltins(VM& vm) {
    vm.defineMethod(vm.iteratorClass, "next", iteratorNextNative, 0);
}

} // namespace molt
