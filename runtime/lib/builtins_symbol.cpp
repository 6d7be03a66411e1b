// builtins_symbol.cpp — the Symbol global (Symbol(), Symbol.for/keyFor, the well-known
// symbols), a symbol's description/toString/valueOf, and `[Symbol.iterator]` on the built-in
// iterables, so hosted code can ask for their iterators the way a for-of does.
#include "runtime/bytecode/operations.h"
#include "runtime/lib/natives.h"

namespace molt {

void makeWellKnownSymbols(VM& vm); // runtime/core/symbols.cpp

namespace {

Value symbolCall(VM& vm, Value, Value* args, int argc) {
    Value d = arg(args, argc, 0);
    if (!d.isUndefined()) {
        d = vm.toString(d);
        if (d.isException()) return d;
    }
    return Value::object(vm.newSymbol(d));
}

Value symbolConstruct(VM& vm, Class*, Value*, int) {
    return vm.throwTypeError("Symbol is not a constructor");
}

Value symbolFor(VM& vm, Value, Value* args, int argc) {
    Value k = vm.toString(arg(args, argc, 0));
    if (k.isException()) return k;
    Root keep(vm.heap, k);
    return Value::object(vm.registeredSymbol(asString(k)));
}

Value symbolKeyFor(VM& vm, Value, Value* args, int argc) {
    Value s = arg(args, argc, 0);
    if (!isSymbol(s)) return vm.throwTypeError(vm.toStdString(s) + " is not a symbol");
    auto* sym = as<Symbol>(s);
    return (sym->flags & kRegisteredSymbolFlag) ? sym->description : Value::undefined();
}

bool thisSymbol(VM& vm, Value thisValue, const char* method, Symbol*& out) {
    if (isSymbol(thisValue)) {
        out = as<Symbol>(thisValue);
        return true;
    }
    vm.throwTypeError(std::string("Symbol.prototype.") + method +
                      " requires that 'this' be a Symbol");
    return false;
}

Value symbolDescription(VM& vm, Value thisValue, Value*, int) {
    Symbol* s;
    if (!thisSymbol(vm, thisValue, "description", s)) return Value::exception();
    return s->description;
}

Value symbolToString(VM& vm, Value thisValue, Value*, int) {
    Symbol* s;
    if (!thisSymbol(vm, thisValue, "toString", s)) return Value::exception();
    return vm.str(VM::symbolDescriptiveString(s));
}

Value symbolValueOf(VM& vm, Value thisValue, Value*, int) {
    Symbol* s;
    if (!thisSymbol(vm, thisValue, "valueOf", s)) return Value::exception();
    return thisValue;
}

// [Symbol.iterator]() of an array, string, Map or Set: the iterator a for-of would take.
Value builtinIterator(VM& vm, Value thisValue, Value*, int) {
    return iterate(vm, thisValue);
}

// [Symbol.iterator]() of an iterator or a generator: itself.
Value selfIterator(VM&, Value thisValue, Value*, int) {
    return thisValue;
}

void defineSymbolMethod(VM& vm, Class* cls, Symbol* key, const char* name, NativeFn fn) {
    Native* n = vm.newNative(name, fn, 0);
    cls->ownMethods[key] = Value::object(n);
    cls->methods[key] = Value::object(n);
}

} // namespace

void installSymbolBuiltins(VM& vm) {
    Class* c = vm.newBuiltinClass("Symbol");
    vm.symbolClass = c;
    c->instanceKind = ObjKind::Symbol;
    c->nativeConstruct = symbolConstruct;
    makeWellKnownSymbols(vm);
    vm.defineStaticMethod(c, "call", symbolCall, 0);
    vm.defineStaticMethod(c, "for", symbolFor, 1);
    vm.defineStaticMethod(c, "keyFor", symbolKeyFor, 1);
    vm.defineGetter(c, "description", symbolDescription);
    vm.defineMethod(c, "toString", symbolToString, 0);
    vm.defineMethod(c, "valueOf", symbolValueOf, 0);
    vm.defineGlobal("Symbol", Value::object(c));

    Symbol* it = vm.symbols.iterator;
    defineSymbolMethod(vm, vm.arrayClass, it, "values", builtinIterator);
    defineSymbolMethod(vm, vm.stringClass, it, "[Symbol.iterator]", builtinIterator);
    defineSymbolMethod(vm, vm.mapClass, it, "entries", builtinIterator);
    defineSymbolMethod(vm, vm.setClass, it, "values", builtinIterator);
    defineSymbolMethod(vm, vm.iteratorClass, it, "[Symbol.iterator]", selfIterator);
    defineSymbolMethod(vm, vm.generatorClass, it, "[Symbol.iterator]", selfIterator);
}

} // namespace molt
