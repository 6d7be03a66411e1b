// hosted_methods.cpp — the native stubs of the hosted built-in methods and the natives
// their bodies use (see hosted_methods.h).
#include "runtime/lib/hosted_methods.h"

#include "runtime/bytecode/opcodes.h"
#include "runtime/lib/function_values.h"
#include "runtime/lib/natives.h"
#include "runtime/lib/node_support.h"

namespace molt {

namespace {

// Loads the body's module (once per VM: requireCoreModule caches it) and replaces
// [module, export name] in `n->data` by the body. False with an exception pending.
bool loadBody(VM& vm, Native* n) {
    Root keep(vm.heap, Value::object(n));
    Array* where = as<Array>(n->data);
    std::string module(asString(where->elements[0])->view());
    String* exportName = asString(where->elements[1]);
    Value exports = vm.requireCoreModule(module);
    if (exports.isException()) return false;
    Value body = isKind(exports, ObjKind::Record) ? vm.recordGet(as<Record>(exports), exportName)
                                                  : Value::undefined();
    if (!isKind(body, ObjKind::Closure)) {
        vm.throwError(vm.errorClass,
                      "internal error: " + module + " has no " + std::string(exportName->view()));
        return false;
    }
    n->data = body;
    return true;
}

// mapEntryAfter(m, i, entry): the position of m's first live entry at i or later, its key
// and value written to entry[0] and entry[1]; -1 past the end.
Value mapEntryAfter(VM& vm, Value, Value* args, int argc) {
    Value target = arg(args, argc, 0);
    Value entry = arg(args, argc, 2);
    if (!(isKind(target, ObjKind::Map) || isKind(target, ObjKind::Set)) ||
        !isKind(entry, ObjKind::Array) || as<Array>(entry)->length < 2 ||
        !arg(args, argc, 1).isNumber())
        return vm.throwTypeError("mapEntryAfter: expects a Map or Set, a position, an entry");
    MapObj* m = as<MapObj>(target);
    Array* out = as<Array>(entry);
    double from = args[1].asNumber();
    for (size_t i = from > 0 ? size_t(from) : 0; i < m->keys.size(); ++i) {
        if (m->keys[i].isEmpty()) continue;
        out->elements[0] = m->keys[i];
        out->elements[1] = i < m->values.size() ? m->values[i] : m->keys[i];
        return Value::number(double(i));
    }
    return Value::integer(-1);
}

} // namespace

// Caches in p->leaf: 0 not a leaf, 1 a leaf that writes an upvalue, 2 a leaf that writes
// nothing but its locals.
static int leafKind(Value fn) {
    if (!isKind(fn, ObjKind::Closure)) return 0;
    FunctionProto* p = as<Closure>(fn)->proto;
    if (p->leaf >= 0) return p->leaf;
    bool writesUpvalue = false;
    bool leaf = !p->has(FunctionFlag::Generator) && !p->has(FunctionFlag::Constructor) &&
                !p->isAsync && !p->argumentsSlot;
    for (size_t pc = 0; leaf && pc < p->code.size(); pc += size_t(opLength(Op(p->code[pc])))) {
        switch (Op(p->code[pc])) {
        case Op::Const: case Op::Int: case Op::Undefined: case Op::Null: case Op::True:
        case Op::False: case Op::Pop: case Op::Dup: case Op::Dup2: case Op::Swap: case Op::Rot3:
        case Op::GetLocal: case Op::SetLocal: case Op::StoreLocal: case Op::GetUpvalue:
        case Op::GetModule: case Op::GetGlobal: case Op::TypeofGlobal:
        case Op::GetProp: case Op::GetIndex: case Op::Return: case Op::Jump:
        case Op::JumpIfFalse: case Op::JumpIfNotLt: case Op::JumpIfNotLe: case Op::JumpIfNotGt:
        case Op::JumpIfNotGe: case Op::JumpIfTrue: case Op::JumpIfFalseKeep:
        case Op::JumpIfTrueKeep: case Op::JumpIfNotNullishKeep: case Op::JumpIfNullish:
        case Op::JumpIfNotUndefined: case Op::Add: case Op::Sub: case Op::Mul: case Op::Div:
        case Op::Mod: case Op::Pow: case Op::Neg: case Op::ToNumber: case Op::Inc: case Op::Dec:
        case Op::IncLocal: case Op::DecLocal: case Op::BitAnd: case Op::BitOr: case Op::BitXor:
        case Op::BitNot: case Op::Shl: case Op::Shr: case Op::UShr: case Op::Eq: case Op::Ne:
        case Op::StrictEq: case Op::StrictNe: case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge:
        case Op::Not: case Op::Typeof: case Op::Nop: break;
        case Op::SetUpvalue: writesUpvalue = true; break;
        default: leaf = false; break;
        }
    }
    p->leaf = int8_t(!leaf ? 0 : writesUpvalue ? 1 : 2);
    return p->leaf;
}

bool isLeafFunction(Value fn) {
    return leafKind(fn) > 0;
}

bool isPureLeafFunction(Value fn) {
    return leafKind(fn) == 2;
}

Value hostedHelper(VM& vm, std::string_view module, std::string_view name) {
    Value exports = vm.requireCoreModule(std::string(module));
    if (exports.isException()) return exports;
    Value fn = isKind(exports, ObjKind::Record) ? vm.recordGet(as<Record>(exports), vm.intern(name))
                                                : Value::undefined();
    if (!isKind(fn, ObjKind::Closure))
        return vm.throwError(vm.errorClass, "internal error: " + std::string(module) + " has no " +
                                                std::string(name));
    return fn;
}

Value handConstructionTo(VM& vm, Value self, std::string_view module, std::string_view name) {
    Root keep(vm.heap, self);
    Value fn = hostedHelper(vm, module, name);
    if (fn.isException()) return fn;
    vm.constructBody = fn;
    vm.constructThis = keep.value;
    return Value::empty();
}

int hostedIterable(VM& vm, Value v) {
    if (!v.isObject() || isSymbol(v)) return 0;
    switch (v.asObject()->kind) {
    case ObjKind::Array:
    case ObjKind::String:
    case ObjKind::Map:
    case ObjKind::Set:
    case ObjKind::Iterator: return 0;
    case ObjKind::Generator: return 1;
    default: {
        // Only a generator's steps can be frames (a hand-written next() is called nested
        // wherever it is stepped), so only a generator method is worth the hosted walk.
        Value method = vm.getProperty(v, vm.symbols.iterator);
        if (method.isException()) return -1;
        return isKind(method, ObjKind::Closure) &&
               as<Closure>(method)->proto->has(FunctionFlag::Generator);
    }
    }
}

void defineHostedMethod(VM& vm, Class* cls, std::string_view name, NativeFn native, int arity,
                        std::string_view module, bool isStatic) {
    // node names a static method's frame `Function.from`, a namespace's `JSON.parse`.
    bool ofFunction = isStatic && !(cls->flags & kNamespaceClassFlag);
    std::string exportName =
        std::string(ofFunction ? "Function" : cls->name->view()) + "$" + std::string(name);
    Array* where = vm.newArray(2);
    Root keep(vm.heap, Value::object(where));
    where->elements[0] = Value::object(vm.intern(module));
    where->elements[1] = Value::object(vm.intern(exportName));
    where->length = 2;
    Native* n = vm.newNative(name, native, arity, keep.value);
    n->flags |= kNativeForwards;
    if (isStatic) {
        cls->staticMethods[n->name] = Value::object(n);
    } else {
        cls->ownMethods[n->name] = Value::object(n);
        cls->methods[n->name] = Value::object(n);
    }
}

bool callHostedMethod(VM& vm, Thread* t, Native* n, int argc, Value* resultSlot, uint8_t flags) {
    if (argc < n->arity) { // the native half may rewrite any declared argument
        if (t->sp + (n->arity - argc) + kStackMargin >= t->stackEnd) {
            vm.throwRangeError("Maximum call stack size exceeded");
            return false;
        }
        while (argc < n->arity) {
            *t->sp++ = Value::undefined();
            argc++;
        }
    }
    Value* args = t->sp - argc;
    Value r = n->fn(vm, args[-1], args, argc);
    if (r.isException()) return false;
    if (!r.isEmpty()) { // the native half finished the call
        if (!(flags & kFrameDiscard)) *resultSlot = r;
        t->sp = resultSlot + 1;
        return true;
    }
    if (!isKind(n->data, ObjKind::Closure) && !loadBody(vm, n)) return false;
    return vm.pushCall(t, n->data, argc, resultSlot, flags);
}

Value installInternalBuiltinsSupportModule(VM& vm) {
    Record* exports = vm.newRecord();
    Root keep(vm.heap, Value::object(exports));
    exportFunction(vm, exports, "mapEntryAfter", mapEntryAfter, 3);
    exportFunction(vm, exports, "replaceParts", replaceParts, 3);
    Root callWithName(vm.heap, Value::object(vm.intern("callWith")));
    vm.recordSet(exports, asString(callWithName.value), newCallWith(vm));
    exportFunction(vm, exports, "jsonKeys", jsonKeys, 1);
    exportFunction(vm, exports, "jsonQuote", jsonQuote, 1);
    exportFunction(vm, exports, "jsonKey", jsonKey, 2);
    exportFunction(vm, exports, "jsonConcat", jsonConcat, 1);
    exportFunction(vm, exports, "jsonCircularMessage", jsonCircularMessage, 3);
    exportFunction(vm, exports, "jsonDelete", jsonDelete, 2);
    exportFunction(vm, exports, "mapAddEntry", mapAddEntry, 2);
    exportFunction(vm, exports, "setAddValue", setAddValueNative, 2);
    exportFunction(vm, exports, "fromEntriesAdd", fromEntriesAdd, 2);
    return keep.value;
}

} // namespace molt
