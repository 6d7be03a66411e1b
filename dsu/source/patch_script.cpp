#include "dsu/source/patch_script.h"

#include "runtime/syntax/source_text.h"
#include "runtime/core/member_kind.h"

#include <filesystem>

namespace molt::dsu {

namespace {

Transaction* activeTransaction(VM& vm) {
    return vm.activeUpdate();
}

Value arg(Value* args, int argc, int i) {
    return i < argc ? args[i] : Value::undefined();
}

// A string argument (a class, field or method name), or a class value (its name).
bool nameArg(VM& vm, Value* args, int argc, int i, std::string& out, const char* what) {
    Value v = arg(args, argc, i);
    if (isString(v)) {
        out = std::string(asString(v)->view());
        return true;
    }
    if (isKind(v, ObjKind::Class)) {
        out = std::string(as<Class>(v)->name->view());
        return true;
    }
    vm.throwTypeError(std::string(what) + " must be a name (a string)");
    return false;
}

Value result(VM& vm, Transaction& tx, bool ok) {
    if (ok) return Value::undefined();
    return vm.throwTypeError(tx.error());
}

// The patch's line that is calling a dsu.* method: "patch.js:4:7".
std::string callSite(VM& vm) {
    std::vector<StackFrameInfo> frames = vm.captureStack(nullptr, 1);
    if (frames.empty() || frames[0].file.empty()) return "";
    return frames[0].file + ":" + std::to_string(frames[0].line) + ":" +
           std::to_string(frames[0].column);
}

// Policies made by dsu.constant(...) etc. are records {policy: kind, value, from}.
bool readPolicy(VM& vm, Value v, FieldPolicy& out) {
    if (v.isUndefined()) {
        out = FieldPolicy::keep();
        return true;
    }
    if (vm.isCallable(v)) {
        out = FieldPolicy::computed(v);
        return true;
    }
    if (isKind(v, ObjKind::Record)) {
        auto* r = as<Record>(v);
        Value kind = vm.recordGet(r, vm.intern("policy"));
        Value value = vm.recordGet(r, vm.intern("value"));
        if (value.isEmpty()) value = Value::undefined();
        std::string k = isString(kind) ? std::string(asString(kind)->view()) : "";
        if (k == "keep")
            out = FieldPolicy::keep();
        else if (k == "constant")
            out = FieldPolicy::constant(value);
        else if (k == "initializer" && vm.isCallable(value))
            out = FieldPolicy::initializer(value);
        else if (k == "computed" && vm.isCallable(value))
            out = FieldPolicy::computed(value);
        else if (k == "rename" && isString(value))
            out = FieldPolicy::rename(std::string(asString(value)->view()));
        else {
            vm.throwTypeError("not a migration policy");
            return false;
        }
        return true;
    }
    vm.throwTypeError(
        "a migration policy must be a function or a dsu policy (dsu.constant(v), ...)");
    return false;
}

// A policy argument, remembering which line of the patch gave it.
bool policyArg(VM& vm, Value v, FieldPolicy& out) {
    if (!readPolicy(vm, v, out)) return false;
    out.declaredAt = callSite(vm);
    return true;
}

bool kindArg(VM& vm, Value v, MemberKind& out) {
    if (v.isUndefined()) {
        out = MemberKind::Method;
        return true;
    }
    if (!isString(v)) {
        vm.throwTypeError("a method kind must be a string: one of " + methodKindNames());
        return false;
    }
    std::string k(asString(v)->view());
    std::optional<MemberKind> kind = parseMemberKind(k);
    if (!kind || !isMethodTable(*kind)) {
        vm.throwTypeError("unknown method kind '" + k + "': use one of " + methodKindNames());
        return false;
    }
    out = *kind;
    return true;
}

// The transaction a patch is recording into, or a TypeError when no patch is loading.
Transaction* requireTransaction(VM& vm) {
    Transaction* tx = activeTransaction(vm);
    if (!tx) vm.throwTypeError("dsu operations can only be called while a patch is loading");
    return tx;
}

Value dsuAddClass(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    return result(vm, *tx, tx->addClass(arg(args, argc, 0)));
}

Value dsuRemoveClass(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c;
    if (!nameArg(vm, args, argc, 0, c, "the class")) return Value::exception();
    return result(vm, *tx, tx->removeClass(c));
}

Value dsuRenameClass(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string a, b;
    if (!nameArg(vm, args, argc, 0, a, "the class") ||
        !nameArg(vm, args, argc, 1, b, "the new name"))
        return Value::exception();
    return result(vm, *tx, tx->renameClass(a, b));
}

Value dsuChangeSuperclass(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, s;
    if (!nameArg(vm, args, argc, 0, c, "the class")) return Value::exception();
    if (!arg(args, argc, 1).isNullish() && !nameArg(vm, args, argc, 1, s, "the superclass"))
        return Value::exception();
    return result(vm, *tx, tx->changeSuperclass(c, s));
}

Value dsuAddInstanceVariable(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, f;
    FieldPolicy p;
    if (!nameArg(vm, args, argc, 0, c, "the class") ||
        !nameArg(vm, args, argc, 1, f, "the field") || !policyArg(vm, arg(args, argc, 2), p))
        return Value::exception();
    return result(vm, *tx, tx->addInstanceVariable(c, f, p));
}

Value dsuRemoveInstanceVariable(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, f;
    if (!nameArg(vm, args, argc, 0, c, "the class") || !nameArg(vm, args, argc, 1, f, "the field"))
        return Value::exception();
    return result(vm, *tx, tx->removeInstanceVariable(c, f));
}

Value dsuRenameInstanceVariable(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, a, b;
    if (!nameArg(vm, args, argc, 0, c, "the class") ||
        !nameArg(vm, args, argc, 1, a, "the field") ||
        !nameArg(vm, args, argc, 2, b, "the new field name"))
        return Value::exception();
    return result(vm, *tx, tx->renameInstanceVariable(c, a, b));
}

Value dsuSetFieldPolicy(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, f;
    FieldPolicy p;
    if (!nameArg(vm, args, argc, 0, c, "the class") ||
        !nameArg(vm, args, argc, 1, f, "the field") || !policyArg(vm, arg(args, argc, 2), p))
        return Value::exception();
    return result(vm, *tx, tx->setFieldPolicy(c, f, p));
}

Value dsuMigrateInstances(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c;
    if (!nameArg(vm, args, argc, 0, c, "the class")) return Value::exception();
    return result(vm, *tx, tx->migrateInstances(c, arg(args, argc, 1)));
}

Value dsuMigrateInstancesTo(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, t;
    if (!nameArg(vm, args, argc, 0, c, "the removed class") ||
        !nameArg(vm, args, argc, 1, t, "the target class"))
        return Value::exception();
    return result(vm, *tx, tx->migrateInstancesTo(c, t, arg(args, argc, 2)));
}

template<bool (Transaction::*Op)(const std::string&, const std::string&, Value, MemberKind)>
Value dsuMethodOp(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, m;
    MemberKind kind;
    // (cls, name, fn, kind?) or, acknowledging the new version's code, (cls, name, kind?).
    Value fn = arg(args, argc, 2);
    Value kindValue = arg(args, argc, 3);
    if (isString(fn)) {
        kindValue = fn;
        fn = Value::undefined();
    }
    if (!nameArg(vm, args, argc, 0, c, "the class") ||
        !nameArg(vm, args, argc, 1, m, "the method") || !kindArg(vm, kindValue, kind))
        return Value::exception();
    return result(vm, *tx, (tx->*Op)(c, m, fn, kind));
}

Value dsuRemoveMethod(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, m;
    MemberKind kind;
    if (!nameArg(vm, args, argc, 0, c, "the class") ||
        !nameArg(vm, args, argc, 1, m, "the method") || !kindArg(vm, arg(args, argc, 2), kind))
        return Value::exception();
    return result(vm, *tx, tx->removeMethod(c, m, kind));
}

Value dsuAddStaticField(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, f;
    if (!nameArg(vm, args, argc, 0, c, "the class") || !nameArg(vm, args, argc, 1, f, "the field"))
        return Value::exception();
    return result(vm, *tx, tx->addStaticField(c, f, argc > 2 ? args[2] : Value::empty()));
}

Value dsuRenameStaticField(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, a, b;
    if (!nameArg(vm, args, argc, 0, c, "the class") ||
        !nameArg(vm, args, argc, 1, a, "the static field") ||
        !nameArg(vm, args, argc, 2, b, "the new name"))
        return Value::exception();
    return result(vm, *tx, tx->renameStaticField(c, a, b));
}

Value dsuRemoveStaticField(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, f;
    if (!nameArg(vm, args, argc, 0, c, "the class") || !nameArg(vm, args, argc, 1, f, "the field"))
        return Value::exception();
    return result(vm, *tx, tx->removeStaticField(c, f));
}

Value dsuAddBinding(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string n;
    if (!nameArg(vm, args, argc, 0, n, "the binding")) return Value::exception();
    return result(vm, *tx, tx->addBinding(n, argc > 1 ? args[1] : Value::empty()));
}

Value dsuSetBinding(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string n;
    if (!nameArg(vm, args, argc, 0, n, "the binding")) return Value::exception();
    return result(vm, *tx, tx->setBinding(n, arg(args, argc, 1)));
}

Value dsuReplaceFunction(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string n;
    if (!nameArg(vm, args, argc, 0, n, "the function")) return Value::exception();
    return result(vm, *tx, tx->replaceFunction(n, arg(args, argc, 1)));
}

Value dsuRemoveBinding(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string n;
    if (!nameArg(vm, args, argc, 0, n, "the binding")) return Value::exception();
    return result(vm, *tx, tx->removeBinding(n));
}

Value dsuAddValidation(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string n;
    if (!nameArg(vm, args, argc, 0, n, "the validation's name")) return Value::exception();
    return result(vm, *tx, tx->addValidation(n, arg(args, argc, 1)));
}

Value dsuWaitFor(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, m;
    if (!nameArg(vm, args, argc, 0, c, "the class") || !nameArg(vm, args, argc, 1, m, "the method"))
        return Value::exception();
    return result(vm, *tx, tx->waitFor(c, m));
}

// dsu.mapFrame(cls, method, { at: "loop 1", locals: { name: (old) => value } })
Value dsuMapFrame(VM& vm, Value, Value* args, int argc) {
    Transaction* tx = requireTransaction(vm);
    if (!tx) return Value::exception();
    std::string c, m;
    if (!nameArg(vm, args, argc, 0, c, "the class") || !nameArg(vm, args, argc, 1, m, "the method"))
        return Value::exception();
    Value spec = arg(args, argc, 2);
    if (!isKind(spec, ObjKind::Record)) {
        vm.throwTypeError("mapFrame: the third argument must be { at: \"loop 1\", locals: { name: (old) => value } }");
        return Value::exception();
    }
    std::string at;
    Value atValue = vm.recordGet(as<Record>(spec), vm.intern("at"));
    if (!atValue.isEmpty() && !atValue.isUndefined()) {
        if (!isKind(atValue, ObjKind::String)) {
            vm.throwTypeError("mapFrame: 'at' must be a string such as \"loop 1\"");
            return Value::exception();
        }
        at = std::string(as<String>(atValue)->view());
    }
    std::vector<std::pair<std::string, Value>> locals;
    Value localsValue = vm.recordGet(as<Record>(spec), vm.intern("locals"));
    if (!localsValue.isEmpty() && !localsValue.isUndefined()) {
        if (!isKind(localsValue, ObjKind::Record)) {
            vm.throwTypeError("mapFrame: 'locals' must be an object of functions");
            return Value::exception();
        }
        auto* r = as<Record>(localsValue);
        for (size_t i = 0; i < r->keys.size(); ++i)
            if (r->isLive(i)) locals.emplace_back(std::string(r->keys[i]->view()), r->values[i]);
    }
    return result(vm, *tx, tx->mapFrame(c, m, at, std::move(locals)));
}

Value makePolicy(VM& vm, const char* kind, Value value) {
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    vm.recordSet(r, "policy", vm.istr(kind));
    vm.recordSet(r, "value", value);
    return Value::object(r);
}

Value dsuKeep(VM& vm, Value, Value*, int) {
    return makePolicy(vm, "keep", Value::undefined());
}
Value dsuConstant(VM& vm, Value, Value* args, int argc) {
    return makePolicy(vm, "constant", arg(args, argc, 0));
}
Value dsuInitializer(VM& vm, Value, Value* args, int argc) {
    return makePolicy(vm, "initializer", arg(args, argc, 0));
}
Value dsuComputed(VM& vm, Value, Value* args, int argc) {
    return makePolicy(vm, "computed", arg(args, argc, 0));
}
Value dsuRename(VM& vm, Value, Value* args, int argc) {
    return makePolicy(vm, "rename", arg(args, argc, 0));
}

Value makeDsuObject(VM& vm) {
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    struct Entry {
        const char* name;
        NativeFn fn;
        int arity;
    };
    const Entry entries[] = {
        {"addClass", dsuAddClass, 1},
        {"removeClass", dsuRemoveClass, 1},
        {"renameClass", dsuRenameClass, 2},
        {"changeSuperclass", dsuChangeSuperclass, 2},
        {"addInstanceVariable", dsuAddInstanceVariable, 3},
        {"removeInstanceVariable", dsuRemoveInstanceVariable, 2},
        {"renameInstanceVariable", dsuRenameInstanceVariable, 3},
        {"setFieldPolicy", dsuSetFieldPolicy, 3},
        {"migrateInstances", dsuMigrateInstances, 2},
        {"migrateInstancesTo", dsuMigrateInstancesTo, 3},
        {"addMethod", dsuMethodOp<&Transaction::addMethod>, 3},
        {"replaceMethod", dsuMethodOp<&Transaction::replaceMethod>, 3},
        {"removeMethod", dsuRemoveMethod, 2},
        {"addStaticField", dsuAddStaticField, 3},
        {"removeStaticField", dsuRemoveStaticField, 2},
        {"renameStaticField", dsuRenameStaticField, 3},
        {"addBinding", dsuAddBinding, 2},
        {"removeBinding", dsuRemoveBinding, 1},
        {"setBinding", dsuSetBinding, 2},
        {"replaceFunction", dsuReplaceFunction, 2},
        {"addValidation", dsuAddValidation, 2},
        {"waitFor", dsuWaitFor, 2},
        {"mapFrame", dsuMapFrame, 3},
        {"keep", dsuKeep, 0},
        {"constant", dsuConstant, 1},
        {"initializer", dsuInitializer, 1},
        {"computed", dsuComputed, 1},
        {"rename", dsuRename, 1},
    };
    for (const Entry& e : entries)
        vm.recordSet(r, e.name, Value::object(vm.newNative(e.name, e.fn, e.arity)));
    return Value::object(r);
}

} // namespace

bool loadPatch(VM& vm, Transaction& tx, const std::string& path, PatchError& error,
               const std::string* text, Module* base,
               const std::vector<SourceOrigin>* origins) {
    std::string source;
    if (text) {
        source = *text;
    } else {
        SourceText read = readSourceText(path);
        if (!read.ok()) {
            error.message = "molt: " + read.describe(path) + "\n";
            return false;
        }
        source = std::move(read.text);
    }
    VM::UpdateScope scope(vm, &tx);
    Module* patchModule = nullptr;
    Result<Value> loaded =
        vm.loadDetachedModule(path, source, base ? base : vm.mainModule(), &patchModule, origins);
    Root keepModule(vm.heap, patchModule ? Value::object(patchModule) : Value::undefined());
    if (!loaded) {
        const std::string& why = loaded.error().message();
        error.message = why + (why.empty() || why.back() == '\n' ? "" : "\n");
        return false;
    }
    Value fn = loaded.value();
    Root keepFn(vm.heap, fn);
    if (!vm.isCallable(fn)) {
        error.message =
            path + ": a patch must export a function: module.exports = function (dsu) { ... }\n";
        return false;
    }
    Value dsu = makeDsuObject(vm);
    Root keepDsu(vm.heap, dsu);
    Value r = vm.call(fn, Value::undefined(), &dsu, 1);
    if (r.isException()) {
        error.message = vm.hasPendingException()
                            ? vm.describeAtThrowSite(vm.takePendingException()) + "\n"
                            : path + ": the patch exited\n";
        return false;
    }
    return true;
}

std::string methodKindArgument(MemberKind kind) {
    if (kind == MemberKind::Method || kind == MemberKind::Constructor) return "";
    return std::string(", \"") + memberKindName(kind) + "\"";
}

} // namespace molt::dsu
