// Class declarations and expressions: the shape constant, members, field initializers
// and static blocks, following the layout analysis in runtime/syntax/.
#include "runtime/compiler/compiler_internal.h"
#include "runtime/core/assert.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace molt {

// The class shape Op::Class takes: [name, number of declared fields, ClassFlag bits,
// declared fields..., written fields...] (class_layout.h). Written fields that are inherited
// fields or accessors are dropped by Op::Class, which knows the superclass.
void Compiler::emitClassShape(const std::string& name, const ClassLayout& layout, uint8_t flags) {
    Array* shape = vm_.newArray(uint32_t(layout.fields.size() + 3));
    keep(Value::object(shape));
    vm_.arrayPush(shape, vm_.istr(name));
    vm_.arrayPush(shape, Value::integer(int32_t(layout.declaredCount)));
    vm_.arrayPush(shape, Value::integer(flags));
    for (const LayoutField& f : layout.fields)
        vm_.arrayPush(shape, vm_.istr(memberName(f.nameNode)));
    emitOp(Op::Class, constant(Value::object(shape)));
}

// `function P(x) { this.x = x; }` and its top-level `P.prototype.m = function …` statements as
// one class P: the methods are installed here, the statements themselves compile to nothing.
// The constructor is P compiled as the function it is (its own `this`, an implicit
// `return undefined`, which `new` turns into the instance), so calling P without `new` runs
// it with `this` undefined, as strict-mode node does (ClassFlag::FunctionStyle).
void Compiler::compileConstructorFunction(const ConstructorFunction& cf) {
    ClassContext ctx;
    ctx.name = cf.name;
    classes_.push_back(&ctx);
    mark(cf.declaration);
    if (cf.superName.empty())
        emit(Op::Undefined);
    else
        compileExpression(cf.superNode); // built before this one (hoistFunctions)
    emitClassShape(cf.name, readConstructorLayout(tree_, cf), uint8_t(ClassFlag::FunctionStyle));
    for (const PrototypeMethod& m : cf.methods) {
        FunctionProto* proto = compileFunction(m.function, FnKind::Method, m.name);
        emitClosure(proto);
        emit(Op::Method);
        emitShort(stringConstant(m.name));
        emitByte(uint8_t(MemberKind::Method));
    }
    emitClosure(compileFunction(cf.declaration, FnKind::Function, cf.name));
    emit(Op::SetConstructor);
    emit(Op::FinishClass);
    classes_.pop_back();
}

void Compiler::refusePrototypeAssignment(TSNode target) {
    target = unparen(target);
    if (!is(target, "member_expression") && !is(target, "subscript_expression")) return;
    auto isPrototype = [&](TSNode n) {
        return is(n, "member_expression") && text(field(n, "property")) == "prototype";
    };
    // `P.prototype = v` for a name P, and `anything.prototype.k = v` / `[k] = v`; a record's
    // own key named prototype (`config.prototype = v`) is left alone.
    bool replaces = isPrototype(target) && is(field(target, "object"), "identifier");
    if (!replaces && !isPrototype(unparen(field(target, "object")))) return;
    fail(target, "assigning to a prototype is supported only for a constructor function, as a "
                 "top-level statement `P.prototype.name = function (…) {…}` of the module that "
                 "declares `function P` (decision 0018)");
}

// ---------------------------------------------------------------- classes

// NextVersion: the live class that a top-level class definition bound to `bindingName` is
// the next version of (the staged namespace still holds the live value), or null.
Class* Compiler::liveVersionOf(const std::string& bindingName) const {
    if (options_.mode != ModuleCompileOptions::Mode::NextVersion || fn_->kind != FnKind::Module ||
        fn_->scopeDepth != 0)
        return nullptr;
    int slot = moduleSlot(bindingName);
    if (slot < 0 || !isKind(module_->slots[size_t(slot)], ObjKind::Class)) return nullptr;
    auto* live = as<Class>(module_->slots[size_t(slot)]);
    bool sameModule = live->module && live->module->path && module_->path &&
                      live->module->path->view() == module_->path->view();
    return sameModule ? live : nullptr;
}

void Compiler::compileClass(TSNode node, std::string bindingName, bool isDeclaration,
                            bool bindsModuleName) {
    TSNode nameNode = field(node, "name");
    std::string name = ts_node_is_null(nameNode) ? bindingName : std::string(text(nameNode));
    // The next version of a live class (DSU, docs/dsu.md "Namespace state"): a static field
    // both versions have keeps its live value, and it is in place before any new static
    // initializer runs, so `static budget = Jobs.made * 2` reads the live count. The live
    // class is held in a local the static initializer reads as an upvalue.
    Class* live = isDeclaration || bindsModuleName
                      ? liveVersionOf(isDeclaration ? name : bindingName)
                      : nullptr;
    const std::string liveLocal = "<live " + name + ">"; // no source can spell it
    if (live) {
        emitGetVariable(isDeclaration ? name : bindingName, node);
        emitOp(Op::SetLocal, declareLocal(liveLocal, true, node));
        emit(Op::Pop);
    }
    TSNode heritage{};
    for (TSNode c : namedChildren(node))
        if (is(c, "class_heritage")) heritage = c;
    TSNode body = field(node, "body");

    ClassContext ctx;
    ctx.name = name;
    ctx.hasSuper = !ts_node_is_null(heritage);
    // A named class expression binds its name inside its own body.
    bool innerBinding = !isDeclaration && !ts_node_is_null(nameNode);
    uint16_t innerSlot = 0;
    if (innerBinding) {
        beginScope();
        innerSlot = declareLocal(name, true, nameNode);
    }
    std::vector<TSNode> members = namedChildren(body);
    for (TSNode m : members) {
        TSNode key = is(m, "field_definition") ? field(m, "property") : field(m, "name");
        if (is(key, "private_property_identifier")) ctx.privateNames.insert(std::string(text(key)));
    }
    classes_.push_back(&ctx);

    mark(node);
    if (ctx.hasSuper) {
        std::vector<TSNode> hs = namedChildren(heritage);
        if (hs.empty()) fail(heritage, "missing superclass expression");
        compileExpression(hs[0]);
    } else {
        emit(Op::Undefined);
    }
    emitClassShape(name, readClassLayout(tree_, node), 0);

    TSNode ctorNode{};
    std::vector<TSNode> instanceFields, staticMembers;
    for (TSNode m : members) {
        if (is(m, "method_definition")) {
            TSNode keyNode = field(m, "name");
            std::string mname = memberName(keyNode);
            bool isStatic = hasChildToken(m, "static");
            if (mname == "constructor" && !isStatic) {
                ctorNode = m;
                continue;
            }
            MemberKind kind = MemberKind::Method;
            if (hasChildToken(m, "get"))
                kind = isStatic ? MemberKind::StaticGetter : MemberKind::Getter;
            else if (hasChildToken(m, "set"))
                kind = isStatic ? MemberKind::StaticSetter : MemberKind::Setter;
            else if (isStatic)
                kind = MemberKind::StaticMethod;
            FunctionProto* proto = compileFunction(m, FnKind::Method, displayMemberName(mname));
            if (isStatic) proto->fnFlags |= uint8_t(FunctionFlag::Static);
            emitClosure(proto);
            emit(Op::Method);
            emitShort(memberKeyConstant(keyNode, mname));
            emitByte(uint8_t(kind));
        } else if (is(m, "field_definition")) {
            if (!hasChildToken(m, "static") &&
                !symbolKeySpelling(tree_, field(m, "property")).empty())
                fail(field(m, "property"),
                     "symbol-keyed instance fields are not supported (an instance's layout has "
                     "named fields only); use a getter or a method");
            if (hasChildToken(m, "static"))
                staticMembers.push_back(m);
            else
                instanceFields.push_back(m);
        } else if (is(m, "class_static_block")) {
            staticMembers.push_back(m);
        }
    }

    // Constructor (compiled or default).
    if (!ts_node_is_null(ctorNode)) {
        FunctionProto* proto = compileFunction(ctorNode, FnKind::Constructor, name);
        if (ctx.hasSuper) proto->fnFlags |= uint8_t(FunctionFlag::Derived);
        emitClosure(proto);
    } else {
        FunctionState state;
        state.enclosing = fn_;
        state.kind = FnKind::Constructor;
        state.proto = beginSynthetic(FnKind::Constructor, name, node);
        state.proto->fnFlags = uint8_t(FunctionFlag::Method) | uint8_t(FunctionFlag::Constructor);
        FunctionState* saved = fn_;
        fn_ = &state;
        if (ctx.hasSuper) {
            // constructor(...args) { super(...args); }
            state.proto->fnFlags |= uint8_t(FunctionFlag::Derived) | uint8_t(FunctionFlag::HasRest);
            uint16_t rest = declareLocal("", false, node);
            emit(Op::Undefined);
            emitOp(Op::GetLocal, 0);
            emitOp(Op::GetLocal, rest);
            emit(Op::SuperCallSpread);
            emit(Op::Pop);
            emit(Op::InitFields);
            emit(Op::Pop);
        } else {
            emit(Op::InitFields);
            emit(Op::Pop);
        }
        emitOp(Op::GetLocal, 0);
        emit(Op::Return);
        emitClosure(endSynthetic(state, saved));
    }
    emit(Op::SetConstructor);

    // Instance field initializers, run with `this` = the new instance.
    if (!instanceFields.empty()) {
        FunctionState state;
        state.enclosing = fn_;
        state.kind = FnKind::FieldInit;
        state.proto = beginSynthetic(FnKind::FieldInit, "<fields of " + name + ">", node);
        state.proto->fnFlags = uint8_t(FunctionFlag::Method);
        FunctionState* saved = fn_;
        fn_ = &state;
        for (TSNode f : instanceFields) {
            TSNode value = field(f, "value");
            std::string fname = memberName(field(f, "property"));
            emitOp(Op::GetLocal, 0);
            if (ts_node_is_null(value))
                emit(Op::Undefined);
            else
                compileExpression(value);
            mark(f);
            emit(Op::SetProp);
            emitShort(stringConstant(fname));
            emitShort(newCache());
            emit(Op::Pop);
        }
        emit(Op::Undefined);
        emit(Op::Return);
        emitClosure(endSynthetic(state, saved));
        emit(Op::SetFieldInit);
    }
    emit(Op::FinishClass);
    if (innerBinding) emitOp(Op::SetLocal, innerSlot);

    // The binding exists before static initializers run, so they can name the class.
    if (isDeclaration) {
        if (!(fn_->kind == FnKind::Module && fn_->scopeDepth == 0))
            bindLexical(name, false, nameNode);
        emitSetVariable(name, nameNode, true);
    }

    if (!staticMembers.empty()) {
        FunctionState state;
        state.enclosing = fn_;
        state.kind = FnKind::StaticInit;
        state.proto = beginSynthetic(FnKind::StaticInit, "<static " + name + ">", node);
        state.proto->fnFlags = uint8_t(FunctionFlag::Method) | uint8_t(FunctionFlag::Static);
        FunctionState* saved = fn_;
        fn_ = &state;
        auto staticKey = [&](TSNode m) { return field(m, "property"); };
        auto keepsLiveValue = [&](TSNode m) {
            if (!live || !is(m, "field_definition") ||
                !symbolKeySpelling(tree_, staticKey(m)).empty())
                return false;
            std::string key = memberName(staticKey(m));
            return std::any_of(live->staticNames.begin(), live->staticNames.end(),
                               [&](String* s) { return s->view() == key; });
        };
        if (live) {
            // Every static field first, in source order: a kept one with its live value, a
            // new one undefined until its initializer runs below.
            int up = resolveUpvalue(fn_, liveLocal);
            MOLT_CHECK(up >= 0, "the live class is in scope of its static initializer");
            for (TSNode m : staticMembers) {
                if (!is(m, "field_definition")) continue;
                emitOp(Op::GetLocal, 0);
                if (keepsLiveValue(m)) {
                    emitOp(Op::GetUpvalue, uint16_t(up));
                    emit(Op::GetProp);
                    emitShort(stringConstant(memberName(staticKey(m))));
                    emitShort(newCache());
                } else {
                    emit(Op::Undefined);
                }
                mark(m);
                emitOp(Op::DefineStatic, memberKeyConstant(staticKey(m), memberName(staticKey(m))));
            }
        }
        for (TSNode m : staticMembers) {
            if (keepsLiveValue(m)) continue; // its initializer ran when the class was first defined
            if (is(m, "class_static_block")) {
                beginScope();
                TSNode block = field(m, "body");
                std::vector<TSNode> stmts = namedChildren(block);
                hoistFunctions(stmts);
                for (TSNode s : stmts)
                    compileStatement(s);
                endScope();
                continue;
            }
            emitOp(Op::GetLocal, 0);
            TSNode value = field(m, "value");
            if (ts_node_is_null(value))
                emit(Op::Undefined);
            else
                compileExpression(value);
            mark(m);
            TSNode key = field(m, "property");
            emitOp(Op::DefineStatic, memberKeyConstant(key, memberName(key)));
        }
        emit(Op::Undefined);
        emit(Op::Return);
        emitClosure(endSynthetic(state, saved));
        emit(Op::RunStaticInit);
        emit(Op::Pop);
    }
    if (innerBinding) endScope();
    classes_.pop_back();
}

} // namespace molt
