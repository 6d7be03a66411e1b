// compiler_calls.cpp — calls, `new`, `super` calls and accesses, and member/subscript reads:
// the expressions that reach through an object to a property or a callee.
#include "runtime/compiler/compiler_internal.h"

namespace molt {

void Compiler::compileArguments(TSNode args, bool& spread, int& argc) {
    std::vector<TSNode> as = namedChildren(args);
    spread = false;
    for (TSNode a : as)
        spread |= is(a, "spread_element");
    if (as.size() > 250) spread = true;
    if (!spread) {
        for (TSNode a : as)
            compileExpression(a);
        argc = int(as.size());
        return;
    }
    emit(Op::Array);
    emitByte(0);
    for (TSNode a : as) {
        if (is(a, "spread_element")) {
            compileExpression(namedChildren(a)[0]);
            emit(Op::ArraySpread);
        } else {
            compileExpression(a);
            emit(Op::ArrayPush);
        }
    }
    argc = -1;
}

// Op argc, or the spread form when the arguments were collected into an array.
void Compiler::emitCall(Op plain, Op spreadForm, bool spread, int argc) {
    if (spread) {
        emit(spreadForm);
        return;
    }
    emit(plain);
    emitByte(uint8_t(argc));
}

void Compiler::compileSuperCall(TSNode n) {
    if (fn_->kind != FnKind::Constructor && fn_->kind != FnKind::Arrow)
        fail(n, "'super' keyword unexpected here");
    if (classes_.empty() || !classes_.back()->hasSuper) fail(n, "'super' keyword unexpected here");
    emit(Op::Undefined);
    if (fn_->kind == FnKind::Arrow) {
        int up = resolveUpvalue(fn_, "this");
        emitOp(Op::GetUpvalue, uint16_t(up));
    } else {
        emitOp(Op::GetLocal, 0);
    }
    bool spread;
    int argc;
    compileArguments(field(n, "arguments"), spread, argc);
    mark(n);
    emitCall(Op::SuperCall, Op::SuperCallSpread, spread, argc);
    emit(Op::InitFields);
    emit(Op::Pop);
}

void Compiler::compileCall(TSNode n, Chain* chain) {
    TSNode callee = unparen(field(n, "function"));
    TSNode args = field(n, "arguments");
    if (is(args, "template_string")) fail(n, "tagged templates are not supported");
    if (is(callee, "super")) {
        compileSuperCall(n);
        return;
    }
    if (is(callee, "import")) fail(n, "import declarations are not supported");
    Chain own;
    Chain* ch = chain ? chain : &own;
    bool optionalCall = !ts_node_is_null(field(n, "optional_chain"));
    bool spread;
    int argc;

    if (is(callee, "member_expression") && !optionalCall) {
        TSNode object = field(callee, "object");
        std::string name = memberName(field(callee, "property"));
        if (is(object, "super")) {
            // super.m(args): `this` is the receiver, lookup starts above the home class.
            emitSuperReceiver(n);
            compileArguments(args, spread, argc);
            if (spread) fail(n, "spread in super method calls is not supported");
            mark(n);
            emit(Op::SuperInvoke);
            emitShort(stringConstant(name));
            emitByte(uint8_t(argc));
            return;
        }
        compileExpression(object, ch);
        if (!ts_node_is_null(field(callee, "optional_chain")))
            ch->exits.push_back(emitJump(Op::JumpIfNullish));
        compileArguments(args, spread, argc);
        mark(field(callee, "property"));
        if (spread) {
            // recv argsArray -> fn recv argsArray
            uint16_t tmp = hiddenLocal();
            emitOp(Op::SetLocal, tmp);
            emit(Op::Pop);
            emit(Op::Dup);
            emit(Op::GetProp);
            emitShort(stringConstant(name));
            emitShort(newCache());
            emit(Op::Swap);
            emitOp(Op::GetLocal, tmp);
            emit(Op::CallSpread);
        } else {
            emit(Op::Invoke);
            emitShort(stringConstant(name));
            emitByte(uint8_t(argc));
            emitShort(newCache());
        }
    } else if (is(callee, "member_expression") || is(callee, "subscript_expression")) {
        // fn this args: evaluate the receiver once, look the function up, swap.
        TSNode object = field(callee, "object");
        bool super = is(object, "super"); // super[key](args)
        if (super)
            emitSuperReceiver(n);
        else
            compileExpression(object, ch);
        if (!ts_node_is_null(field(callee, "optional_chain")))
            ch->exits.push_back(emitJump(Op::JumpIfNullish));
        emit(Op::Dup);
        if (super) {
            compileExpression(field(callee, "index"));
            emit(Op::GetSuperIndex);
        } else if (is(callee, "member_expression")) {
            emit(Op::GetProp);
            emitShort(stringConstant(memberName(field(callee, "property"))));
            emitShort(newCache());
        } else {
            compileExpression(field(callee, "index"));
            emit(Op::GetIndex);
        }
        if (optionalCall) {
            size_t ok = emitJump(Op::JumpIfNotNullishKeep);
            emit(Op::Pop);
            emit(Op::Undefined);
            ch->exits.push_back(emitJump(Op::Jump));
            patchJump(ok);
        }
        emit(Op::Swap);
        compileArguments(args, spread, argc);
        mark(n);
        emitCall(Op::Call, Op::CallSpread, spread, argc);
    } else {
        compileExpression(callee, ch);
        if (optionalCall) ch->exits.push_back(emitJump(Op::JumpIfNullish));
        emit(Op::Undefined);
        compileArguments(args, spread, argc);
        mark(n);
        emitCall(Op::Call, Op::CallSpread, spread, argc);
    }
    recordCalleeText(callee);
    if (!chain)
        for (size_t j : own.exits)
            patchJump(j);
}

void Compiler::recordCalleeText(TSNode callee) {
    std::string_view written = text(callee);
    if (written.find('(') != std::string_view::npos || written.find('\n') != std::string_view::npos)
        return; // V8 abbreviates nested calls as `(...)`; such sites keep the generic message
    if (!fn_->proto->sourceText) fn_->proto->sourceText = moduleSourceText();
    fn_->proto->calleeTexts.push_back(
        {uint32_t(here()), ts_node_start_byte(callee), ts_node_end_byte(callee)});
}

void Compiler::compileNew(TSNode n) {
    TSNode ctor = field(n, "constructor");
    compileExpression(ctor);
    emit(Op::Undefined);
    TSNode args = field(n, "arguments");
    bool spread = false;
    int argc = 0;
    if (!ts_node_is_null(args)) compileArguments(args, spread, argc);
    mark(n);
    emitCall(Op::New, Op::NewSpread, spread, argc);
}

// `this` for a super access: the frame's own, or an arrow's captured one (an arrow with
// no enclosing method has none: node's SyntaxError, at compile time).
void Compiler::emitSuperReceiver(TSNode at) {
    if (fn_->kind == FnKind::Module) fail(at, "'super' keyword unexpected here");
    if (fn_->kind != FnKind::Arrow) return emitOp(Op::GetLocal, 0);
    int up = resolveUpvalue(fn_, "this");
    if (up < 0) fail(at, "'super' keyword unexpected here");
    emitOp(Op::GetUpvalue, uint16_t(up));
}

void Compiler::compileMember(TSNode n, Chain* chain) {
    TSNode object = field(n, "object");
    std::string name = memberName(field(n, "property"));
    if (is(object, "super")) {
        emitSuperReceiver(n);
        mark(n);
        emitOp(Op::GetSuper, stringConstant(name));
        return;
    }
    Chain own;
    Chain* ch = chain ? chain : &own;
    compileExpression(object, ch);
    if (!ts_node_is_null(field(n, "optional_chain")))
        ch->exits.push_back(emitJump(Op::JumpIfNullish));
    mark(field(n, "property"));
    emit(Op::GetProp);
    emitShort(stringConstant(name));
    emitShort(newCache());
    if (!chain)
        for (size_t j : own.exits)
            patchJump(j);
}

void Compiler::compileSubscript(TSNode n, Chain* chain) {
    if (is(field(n, "object"), "super")) {
        emitSuperReceiver(n);
        compileExpression(field(n, "index"));
        mark(n);
        emit(Op::GetSuperIndex);
        return;
    }
    Chain own;
    Chain* ch = chain ? chain : &own;
    compileExpression(field(n, "object"), ch);
    if (!ts_node_is_null(field(n, "optional_chain")))
        ch->exits.push_back(emitJump(Op::JumpIfNullish));
    compileExpression(field(n, "index"));
    mark(n);
    emit(Op::GetIndex);
    if (!chain)
        for (size_t j : own.exits)
            patchJump(j);
}

} // namespace molt
