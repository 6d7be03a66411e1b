// function_values.cpp — Function.prototype.call/apply/bind/toString and the stack
// rewriting behind them (see function_values.h).
#include "runtime/lib/function_values.h"

#include "runtime/lib/hosted_methods.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cstring>

namespace molt {

namespace {

enum class Forward : int32_t { Call, Apply };

// Room for `extra` more values on `t`'s stack, or a RangeError.
bool reserve(VM& vm, Thread* t, size_t extra) {
    if (t->sp + extra + kStackMargin < t->stackEnd) return true;
    vm.throwRangeError("Maximum call stack size exceeded");
    return false;
}

// The natives' bodies run only when C++ calls them without the stack at hand (never from
// VM::call, which goes through pushCall for forwarding natives); they forward by VM::call.
Value callNative(VM& vm, Value self, Value* args, int argc) {
    return vm.call(self, arg(args, argc, 0), argc > 1 ? args + 1 : nullptr, std::max(argc - 1, 0));
}

// callWith(fn, thisValue, ...args) of the hosted built-ins (builtins_support): fn.call without
// reading `call`, which a program can replace.
Value callWithNative(VM& vm, Value, Value* args, int argc) {
    return vm.call(arg(args, argc, 0), arg(args, argc, 1), argc > 2 ? args + 2 : nullptr,
                   std::max(argc - 2, 0));
}

Value applyNative(VM& vm, Value self, Value* args, int argc) {
    Value list = arg(args, argc, 1);
    if (list.isNullish()) return vm.call(self, arg(args, argc, 0), nullptr, 0);
    if (!isKind(list, ObjKind::Array))
        return vm.throwTypeError("CreateListFromArrayLike called on non-object");
    Array* a = as<Array>(list);
    std::vector<Value> copy(a->elements, a->elements + a->length);
    for (Value& v : copy)
        if (v.isEmpty()) v = Value::undefined();
    return vm.call(self, arg(args, argc, 0), copy.data(), int(copy.size()));
}

// A bound function has no body of its own: every call reaches forwardCall through
// pushCall, which knows the Native (and so its data); VM::call never calls `fn` directly
// for a forwarding native.
Value boundNative(VM& vm, Value, Value*, int) {
    return vm.throwTypeError("internal error: a bound function was called without pushCall");
}

Value bindMethod(VM& vm, Value self, Value* args, int argc) {
    if (!vm.isCallable(self)) return vm.throwTypeError("Bind must be called on a function");
    int bound = std::max(argc - 1, 0);
    Array* data = vm.newArray(uint32_t(bound + 2));
    Root keepData(vm.heap, Value::object(data));
    data->elements[0] = self;
    data->elements[1] = arg(args, argc, 0);
    for (int i = 0; i < bound; ++i)
        data->elements[2 + i] = args[1 + i];
    data->length = uint32_t(bound + 2);
    Value name = vm.getProperty(self, vm.names.name);
    if (name.isException()) return name;
    Value length = vm.getProperty(self, vm.names.length);
    if (length.isException()) return length;
    int targetLength = length.isNumber() ? int(std::max(0.0, length.asNumber())) : 0;
    std::string text = "bound " + (isString(name) ? std::string(asString(name)->view()) : "");
    Native* n = vm.newNative(text, boundNative, std::max(targetLength - bound, 0), keepData.value);
    n->flags |= kNativeForwards;
    return Value::object(n);
}

} // namespace

Value bindThis(VM& vm, Value target, Value thisArg) {
    Root keepTarget(vm.heap, target), keepThis(vm.heap, thisArg);
    Array* data = vm.newArray(2);
    Root keepData(vm.heap, Value::object(data));
    data->elements[0] = keepTarget.value;
    data->elements[1] = keepThis.value;
    data->length = 2;
    Native* n = vm.newNative("bound", boundNative, 0, keepData.value);
    n->flags |= kNativeForwards;
    return Value::object(n);
}

Value newCallWith(VM& vm) {
    Native* n = vm.newNative("callWith", callWithNative, 2, Value::undefined());
    n->flags |= kNativeForwards;
    return Value::object(n);
}

void bindThisInto(VM& vm, Value* slot, Value thisArg) {
    if (thisArg.isUndefined()) return;
    Value bound = bindThis(vm, *slot, thisArg);
    *slot = bound;
}

namespace {

Value toStringMethod(VM& vm, Value self, Value*, int) {
    if (!vm.isCallable(self))
        return vm.throwTypeError("Function.prototype.toString requires that 'this' be a Function");
    return functionSourceText(vm, self);
}

} // namespace

bool isBoundFunction(Value v) {
    return isKind(v, ObjKind::Native) && as<Native>(v)->fn == boundNative;
}

bool forwardCall(VM& vm, Thread* t, Native* n, int argc, Value* resultSlot, uint8_t flags) {
    Value* args = t->sp - argc;
    Value* thisSlot = args - 1;
    Root target(vm.heap);
    if (n->fn == boundNative) {
        Array* data = as<Array>(n->data);
        uint32_t extra = data->length - 2;
        if (!reserve(vm, t, extra)) return false;
        std::memmove(args + extra, args, size_t(argc) * sizeof(Value));
        for (uint32_t i = 0; i < extra; ++i)
            args[i] = data->elements[2 + i];
        target.set(data->elements[0]);
        *thisSlot = data->elements[1];
        t->sp += extra;
        argc += int(extra);
    } else if (n->fn == callNative) {
        target.set(*thisSlot);
        *thisSlot = argc > 0 ? args[0] : Value::undefined();
        if (argc > 0) {
            std::memmove(args, args + 1, size_t(argc - 1) * sizeof(Value));
            t->sp -= 1;
            argc -= 1;
        }
    } else if (n->fn == callWithNative) {
        target.set(argc > 0 ? args[0] : Value::undefined());
        *thisSlot = argc > 1 ? args[1] : Value::undefined();
        int dropped = std::min(argc, 2);
        std::memmove(args, args + dropped, size_t(argc - dropped) * sizeof(Value));
        t->sp -= dropped;
        argc -= dropped;
    } else if (n->fn != applyNative) {
        return callHostedMethod(vm, t, n, argc, resultSlot, flags);
    } else {
        target.set(*thisSlot);
        Value thisArg = argc > 0 ? args[0] : Value::undefined();
        Value list = argc > 1 ? args[1] : Value::undefined();
        uint32_t count = 0;
        if (!list.isNullish()) {
            if (!isKind(list, ObjKind::Array)) {
                vm.throwTypeError("CreateListFromArrayLike called on non-object");
                return false;
            }
            count = as<Array>(list)->length;
            if (!reserve(vm, t, count)) return false;
        }
        *thisSlot = thisArg;
        if (count) {
            Array* a = as<Array>(list);
            for (uint32_t i = 0; i < count; ++i)
                args[i] = a->elements[i].isEmpty() ? Value::undefined() : a->elements[i];
        }
        t->sp = args + count;
        argc = int(count);
    }
    // A class here is refused by pushCall as a direct call of it would be.
    return vm.pushCall(t, target.value, argc, resultSlot, flags);
}

bool unwrapBoundConstructor(VM& vm, Thread* t, Value* clsSlot) {
    while (isBoundFunction(*clsSlot)) {
        Array* data = as<Array>(as<Native>(*clsSlot)->data);
        uint32_t extra = data->length - 2;
        if (!reserve(vm, t, extra)) return false;
        Value* args = clsSlot + 2;
        std::memmove(args + extra, args, size_t(t->sp - args) * sizeof(Value));
        for (uint32_t i = 0; i < extra; ++i)
            args[i] = data->elements[2 + i];
        t->sp += extra;
        *clsSlot = data->elements[0];
    }
    return true;
}

Value functionSourceText(VM& vm, Value v) {
    std::string name;
    Obj* o = v.asObject();
    if (o->kind == ObjKind::Class && (o->flags & uint8_t(ClassFlag::FunctionStyle)) &&
        isKind(static_cast<Class*>(o)->constructor, ObjKind::Closure))
        return functionSourceText(vm, static_cast<Class*>(o)->constructor); // `function P…`
    if (o->kind == ObjKind::Closure) {
        FunctionProto* p = static_cast<Closure*>(o)->proto;
        if (p->sourceText) {
            std::string_view text =
                p->sourceText->view().substr(p->sourceStart, p->sourceEnd - p->sourceStart);
            // A static method's text starts at its name, as V8 shows it.
            if (text.starts_with("static") && text.size() > 6 &&
                (text[6] == ' ' || text[6] == '\t' || text[6] == '\n' || text[6] == '*')) {
                text.remove_prefix(6);
                while (!text.empty() && (text[0] == ' ' || text[0] == '\t' || text[0] == '\n'))
                    text.remove_prefix(1);
            }
            return vm.str(text);
        }
        if (p->name) name = std::string(p->name->view());
    } else if (o->kind == ObjKind::Native) {
        if (isBoundFunction(v)) return vm.str("function () { [native code] }");
        String* n = static_cast<Native*>(o)->name;
        if (n) name = std::string(n->view());
    } else if (o->kind == ObjKind::Class) {
        String* n = static_cast<Class*>(o)->name;
        std::string text = "class";
        if (n && n->length) text += " " + std::string(n->view());
        Class* super = static_cast<Class*>(o)->super;
        if (super && super->name && !(super->flags & uint8_t(ClassFlag::Builtin)))
            text += " extends " + std::string(super->name->view());
        return vm.str(text + " { [native code] }");
    }
    return vm.str("function " + name + "() { [native code] }");
}

void installFunctionBuiltins(VM& vm) {
    vm.defineMethod(vm.functionClass, "call", callNative, 1);
    vm.defineMethod(vm.functionClass, "apply", applyNative, 2);
    for (const char* m : {"call", "apply"})
        as<Native>(vm.functionClass->ownMethods[vm.intern(m)])->flags |= kNativeForwards;
    vm.defineMethod(vm.functionClass, "bind", bindMethod, 1);
    vm.defineMethod(vm.functionClass, "toString", toStringMethod, 0);
}

} // namespace molt
