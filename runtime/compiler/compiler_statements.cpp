// Statements: declarations, control flow (loops, labels, break/continue across try and
// for-of), try/finally, switch, and the generator and async suspension points.
#include "runtime/compiler/compiler_internal.h"
#include "runtime/core/assert.h"
#include "runtime/exec/generator.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace molt {

// ---------------------------------------------------------------- statements

void Compiler::collectVarNames(TSNode n, std::vector<std::pair<std::string, TSNode>>& out) {
    if (is(n, "function_declaration") || is(n, "function_expression") || is(n, "arrow_function") ||
        is(n, "generator_function_declaration") || is(n, "generator_function") ||
        is(n, "class_declaration") || is(n, "class") || is(n, "method_definition"))
        return;
    if (is(n, "variable_declaration")) {
        for (TSNode d : namedChildren(n))
            declarePatternNames(field(d, "name"), out);
    }
    if (is(n, "for_in_statement") && text(field(n, "kind")) == "var")
        declarePatternNames(field(n, "left"), out);
    for (TSNode c : namedChildren(n))
        if (!is(c, "expression_statement")) collectVarNames(c, out);
}

// Declares a block's let/const/class names before any of its code, so functions hoisted to
// the top of the block can refer to them (JavaScript's temporal dead zone, minus the check).
void Compiler::hoistLexicals(const std::vector<TSNode>& stmts) {
    if (fn_->kind == FnKind::Module && fn_->scopeDepth == 0) return; // module slots instead
    for (TSNode s : stmts) {
        std::vector<std::pair<std::string, TSNode>> names;
        bool isConst = false;
        if (is(s, "lexical_declaration")) {
            isConst = text(field(s, "kind")) == "const";
            for (TSNode d : namedChildren(s))
                declarePatternNames(field(d, "name"), names);
        } else if (is(s, "class_declaration")) {
            names.emplace_back(std::string(text(field(s, "name"))), field(s, "name"));
        }
        for (auto& [name, at] : names) {
            declareLocal(name, isConst, at);
            fn_->locals.back().hoisted = true;
        }
    }
}

// The slot of a let/const/class binding being initialized in the current scope.
uint16_t Compiler::bindLexical(const std::string& name, bool isConst, TSNode at) {
    for (size_t i = fn_->locals.size(); i > 0; --i) {
        LocalVar& l = fn_->locals[i - 1];
        if (l.depth != fn_->scopeDepth) break;
        if (l.name == name && l.hoisted) {
            l.hoisted = false;
            return l.slot;
        }
    }
    return declareLocal(name, isConst, at);
}

void Compiler::hoistFunctions(const std::vector<TSNode>& input) {
    std::vector<TSNode> stmts = input;
    if (fn_->kind == FnKind::Module && fn_->scopeDepth == 0) {
        // Constructor functions first, superclasses before subclasses (the class of a
        // subclass is built from its superclass's), then the other functions.
        std::vector<TSNode> ordered;
        for (const ConstructorFunction& cf : constructorFunctions_.functions)
            for (TSNode s : input)
                if (ts_node_eq(s, cf.declaration)) ordered.push_back(s);
        for (TSNode s : input) {
            bool redeclared = is(s, "function_declaration") &&
                              constructorFunctions_.find(text(field(s, "name")));
            if (!redeclared) ordered.push_back(s); // the last declaration of a name wins
        }
        stmts = std::move(ordered);
    }
    for (TSNode s : stmts) {
        if (!(is(s, "function_declaration") || is(s, "generator_function_declaration"))) continue;
        std::string name(text(field(s, "name")));
        bool isModuleLevel = fn_->kind == FnKind::Module && fn_->scopeDepth == 0;
        if (!isModuleLevel && resolveLocal(fn_, name) < 0)
            declareLocal(name, false, field(s, "name"));
        else if (!isModuleLevel) {
            // Redeclaring a function in the same scope: reuse the slot.
        }
        const ConstructorFunction* cf =
            isModuleLevel ? constructorFunctions_.find(name) : nullptr;
        if (cf && ts_node_eq(cf->declaration, s))
            compileConstructorFunction(*cf);
        else
            emitClosure(compileFunction(s, FnKind::Function, name));
        emitSetVariable(name, field(s, "name"), true);
        emit(Op::Pop);
    }
}

void Compiler::compileBlockBody(const std::vector<TSNode>& stmts) {
    beginScope();
    hoistLexicals(stmts);
    hoistFunctions(stmts);
    for (TSNode s : stmts)
        compileStatement(s);
    endScope();
}

void Compiler::compileStatement(TSNode n) {
    std::string_view t = nodeType(n);
    mark(n);
    if (t == "expression_statement") {
        TSNode e = namedChildren(n).empty() ? TSNode{} : namedChildren(n)[0];
        if (ts_node_is_null(e)) return;
        if (fn_->kind == FnKind::Module && fn_->scopeDepth == 0 &&
            constructorFunctions_.isPrototypeStatement(n))
            return; // a method its constructor function's class already has
        if (compileLocalStep(e)) return;
        size_t start = here();
        compileExpression(e);
        if (is(e, "call_expression")) recordCallPoint(e, start);
        emit(Op::Pop);
    } else if (t == "lexical_declaration" || t == "variable_declaration") {
        compileDeclaration(n);
    } else if (t == "function_declaration" || t == "generator_function_declaration") {
        // hoisted by the enclosing block
    } else if (t == "class_declaration") {
        compileClass(n, "", true);
        emit(Op::Pop);
    } else if (t == "statement_block") {
        compileBlockBody(namedChildren(n));
    } else if (t == "if_statement") {
        compileIf(n);
    } else if (t == "for_statement") {
        compileFor(n);
    } else if (t == "for_in_statement") {
        compileForIn(n);
    } else if (t == "while_statement") {
        compileWhile(n);
    } else if (t == "do_statement") {
        compileDoWhile(n);
    } else if (t == "break_statement") {
        compileBreakContinue(n, true);
    } else if (t == "continue_statement") {
        compileBreakContinue(n, false);
    } else if (t == "return_statement") {
        compileReturn(n);
    } else if (t == "throw_statement") {
        compileExpression(namedChildren(n)[0]);
        mark(n);
        emit(Op::Throw);
    } else if (t == "try_statement") {
        compileTry(n);
    } else if (t == "switch_statement") {
        compileSwitch(n);
    } else if (t == "labeled_statement") {
        compileLabeled(n);
    } else if (t == "empty_statement" || t == "comment" || t == "hash_bang_line") {
    } else if (t == "with_statement") {
        fail(n, "with statements are not supported");
    } else if (t == "import_statement" || t == "export_statement") {
        fail(n, "import declarations are not supported");
    } else if (t == "debugger_statement") {
    } else {
        fail(n, std::string(t) + " is not supported");
    }
}

void Compiler::compileDeclaration(TSNode n) {
    bool isVar = is(n, "variable_declaration");
    bool isConst = !isVar && text(field(n, "kind")) == "const";
    BindMode mode = isVar ? BindMode::Var : isConst ? BindMode::Const : BindMode::Let;
    for (TSNode d : namedChildren(n)) {
        TSNode target = field(d, "name");
        TSNode value = field(d, "value");
        if (ts_node_is_null(value)) {
            if (isVar) continue; // `var x;` only declares (hoisted, already undefined)
            if (isConst) fail(d, "Missing initializer in const declaration");
            emit(Op::Undefined);
        } else if (is(target, "identifier") &&
                   (is(value, "arrow_function") || is(value, "function_expression") ||
                    is(value, "class"))) {
            // Anonymous functions and classes take the binding's name, as in JavaScript.
            std::string name(text(target));
            if (is(value, "class"))
                compileClass(value, name, false, true);
            else {
                TSNode fname = field(value, "name");
                FunctionProto* proto = compileFunction(
                    value, is(value, "arrow_function") ? FnKind::Arrow : FnKind::Function,
                    ts_node_is_null(fname) ? name : std::string(text(fname)));
                emitClosure(proto);
            }
        } else {
            compileExpression(value);
        }
        compileBinding(target, mode);
        // A literal initializer is what an update point gives a local new in this version.
        if (!isVar && !ts_node_is_null(value) && is(target, "identifier") &&
            (is(value, "number") || is(value, "string") || is(value, "true") ||
             is(value, "false") || is(value, "null"))) {
            Value v = is(value, "number")   ? Value::number(numberLiteral(value))
                      : is(value, "string") ? keep(vm_.istr(stringLiteral(value)))
                      : is(value, "true")   ? Value::boolean(true)
                      : is(value, "false")  ? Value::boolean(false)
                                            : Value::null();
            uint16_t index = constant(v);
            for (auto it = fn_->locals.rbegin(); it != fn_->locals.rend(); ++it)
                if (it->name == text(target)) {
                    it->initConstant = index;
                    break;
                }
        } else if (!isVar && !ts_node_is_null(value) && is(target, "identifier")) {
            // Any other initializer is evaluated in a frame that moves to this version.
            for (auto it = fn_->locals.rbegin(); it != fn_->locals.rend(); ++it)
                if (it->name == text(target)) {
                    it->initStart = ts_node_start_byte(value);
                    it->initEnd = ts_node_end_byte(value);
                    break;
                }
        }
    }
}

void Compiler::compileIf(TSNode n) {
    compileExpression(field(n, "condition"));
    size_t elseJump = emitJump(Op::JumpIfFalse);
    beginScope();
    compileStatement(field(n, "consequence"));
    endScope();
    TSNode alt = field(n, "alternative");
    if (ts_node_is_null(alt)) {
        patchJump(elseJump);
        return;
    }
    size_t endJump = emitJump(Op::Jump);
    patchJump(elseJump);
    beginScope();
    compileStatement(namedChildren(alt)[0]);
    endScope();
    patchJump(endJump);
}

void Compiler::pushTarget(TSNode, bool isLoop, std::vector<std::string> labels) {
    JumpTarget t;
    t.labels = std::move(labels);
    t.isLoop = isLoop;
    t.tryDepth = fn_->tries.size();
    t.scopeSlot = fn_->nextSlot;
    fn_->targets.push_back(std::move(t));
}

void Compiler::popTarget(size_t breakTo, size_t continueTo) {
    JumpTarget t = std::move(fn_->targets.back());
    fn_->targets.pop_back();
    for (size_t j : t.breakJumps)
        patchJumpTo(j, breakTo);
    for (size_t j : t.continueJumps)
        patchJumpTo(j, continueTo);
}

std::string Compiler::enterLoop() {
    uint32_t index = ++fn_->loopSiblings.back();
    fn_->loopPath.push_back(index);
    fn_->loopSiblings.push_back(0);
    std::string path;
    for (uint32_t i : fn_->loopPath)
        path += (path.empty() ? "" : ".") + std::to_string(i);
    return path;
}

void Compiler::exitLoop() {
    fn_->loopPath.pop_back();
    fn_->loopSiblings.pop_back();
}

void Compiler::recordUpdatePoint(const char* kind, TSNode loop) {
    fn_->proto->updatePoints.push_back(pointHere(kind, loop));
}

void Compiler::recordCallPoint(TSNode call, size_t start) {
    const std::vector<uint8_t>& code = fn_->proto->code;
    size_t last = start;
    for (size_t pc = start; pc < code.size(); pc += size_t(opLength(Op(code[pc]))))
        last = pc;
    Op op = last < code.size() ? Op(code[last]) : Op::Nop;
    if (op != Op::Call && op != Op::Invoke && op != Op::CallSpread && op != Op::SuperInvoke)
        return; // an optional call's jumps follow it: its return is no single place
    TSNode callee = field(call, "function");
    if (ts_node_is_null(callee)) return;
    UpdatePoint point = pointHere("call", call);
    std::string text(this->text(callee));
    uint32_t n = ++fn_->callOrdinals[point.path + "|" + text];
    point.call = text + "#" + std::to_string(n);
    fn_->proto->callPoints.push_back(std::move(point));
}

UpdatePoint Compiler::pointHere(const char* kind, TSNode loop) {
    UpdatePoint point;
    for (uint32_t i : fn_->loopPath)
        point.path += (point.path.empty() ? "" : ".") + std::to_string(i);
    point.kind = kind;
    point.pc = uint32_t(here());
    TSPoint at = ts_node_start_point(loop);
    point.line = at.row + 1;
    point.column = at.column + 1;
    for (const LocalVar& l : fn_->locals) {
        // A generator's own slot is hidden but known: a moved frame gets its Generator.
        bool generator = fn_->isGenerator && l.slot == fn_->generatorSlot;
        if (l.name.empty()) {
            point.hiddenState = point.hiddenState || !generator;
            continue;
        }
        point.locals.push_back({l.name, l.slot, l.initConstant, !l.hoisted, l.initStart, l.initEnd});
    }
    return point;
}

void Compiler::compileFor(TSNode n) {
    std::string loopPath = enterLoop();
    beginScope();
    std::vector<std::string> labels = std::exchange(pendingLabels_, {});
    TSNode init = field(n, "initializer");
    std::vector<uint16_t> loopVars;
    size_t localsBefore = fn_->locals.size();
    if (!ts_node_is_null(init)) {
        if (is(init, "lexical_declaration") || is(init, "variable_declaration"))
            compileDeclaration(init);
        else if (is(init, "expression_statement"))
            compileStatement(init);
    }
    for (size_t i = localsBefore; i < fn_->locals.size(); ++i)
        loopVars.push_back(fn_->locals[i].slot);
    size_t condStart = here();
    recordUpdatePoint("for", n);
    TSNode cond = field(n, "condition");
    size_t exitJump = SIZE_MAX;
    if (!ts_node_is_null(cond) && is(cond, "expression_statement")) {
        compileExpression(namedChildren(cond)[0]);
        exitJump = emitJump(Op::JumpIfFalse);
    }
    pushTarget(n, true, labels);
    beginScope();
    compileStatement(field(n, "body"));
    endScope();
    size_t continueAt = here();
    // Per-iteration bindings: a closure that captured the loop variable keeps this
    // iteration's value; the next iteration starts from a fresh copy in the same slot.
    bool captured = false;
    for (size_t i = localsBefore; i < fn_->locals.size(); ++i)
        captured |= fn_->locals[i].captured;
    if (captured && !loopVars.empty())
        closeFrom(*std::min_element(loopVars.begin(), loopVars.end()));
    TSNode incr = field(n, "increment");
    if (!ts_node_is_null(incr) && !compileLocalStep(incr)) {
        compileExpression(incr);
        emit(Op::Pop);
    }
    emitLoop(condStart);
    if (exitJump != SIZE_MAX) patchJump(exitJump);
    popTarget(here(), continueAt);
    endScope();
    exitLoop();
}

void Compiler::compileForIn(TSNode n) {
    std::vector<std::string> labels = std::exchange(pendingLabels_, {});
    bool isOf = text(field(n, "operator")) == "of";
    if (hasChildToken(n, "await")) {
        compileForAwait(n, std::move(labels));
        return;
    }
    std::string loopPath = enterLoop();
    beginScope();
    compileExpression(field(n, "right"));
    mark(n);
    emit(isOf ? Op::Iter : Op::ForInKeys);
    uint16_t iter = hiddenLocal();
    fn_->locals.back().name = "%iter " + loopPath; // not an identifier: never resolved
    emitOp(Op::SetLocal, iter);
    emit(Op::Pop);
    size_t loopStart = here();
    recordUpdatePoint(isOf ? "for-of" : "for-in", n);
    emitOp(Op::GetLocal, iter);
    size_t exitJump = emitJump(Op::IterNext);
    pushTarget(n, true, labels);
    if (isOf) fn_->targets.back().iterSlot = iter;
    // A for-of closes its iterator (calls return()) when the body throws, as break and
    // return do (exitTries). The body's code range is recorded for the unwinder instead of
    // a handler: a handler would cost every iteration and make the loop header (its update
    // point) untransferable. It starts past IterNext, so a throwing next() closes nothing.
    size_t bodyStart = here();
    beginScope();
    TSNode kindNode = field(n, "kind");
    std::string_view kind = ts_node_is_null(kindNode) ? "" : text(kindNode);
    BindMode mode = kind == "const" ? BindMode::Const
                    : kind == "let" ? BindMode::Let
                    : kind == "var" ? BindMode::Var
                                    : BindMode::Assign;
    compileBinding(field(n, "left"), mode);
    compileStatement(field(n, "body"));
    endScope();
    size_t continueAt = here();
    if (isOf) fn_->proto->forOfBodies.push_back({uint32_t(bodyStart), uint32_t(continueAt), iter});
    emitLoop(loopStart);
    patchJump(exitJump);
    popTarget(here(), continueAt);
    endScope();
    exitLoop();
}

// for await (x of iterable) (docs/language.md): the iterator is the iterable's
// [Symbol.asyncIterator](), or node's async-from-sync wrapper of its [Symbol.iterator]()
// (%asyncIteratorOf, internal/promise.js), so every tick is the spec's. Each step awaits
// next() and checks that its result is an object. Leaving the loop by break, continue
// label or return awaits the iterator's return() (emitAsyncClose, from exitTries); a throw
// from the binding or the body is caught by a handler around them, which calls return(),
// awaits it, ignores what it throws and rethrows. The handler costs two instructions per
// step, which the await of next() dwarfs; the loop header stays outside it, so it remains
// an update point.
void Compiler::compileForAwait(TSNode n, std::vector<std::string> labels) {
    if (!fn_->isAsync)
        fail(n, fn_->kind == FnKind::Module
                    ? "top-level for await...of is not supported: node runs a file that uses "
                      "it as an ES module, and Molt's modules are CommonJS (move it into an "
                      "async function)"
                    : "for await...of is only valid in async functions");
    std::string loopPath = enterLoop();
    beginScope();
    mark(n);
    emitHelperCallee("%asyncIteratorOf");
    compileExpression(field(n, "right"));
    mark(n);
    emit(Op::Call);
    emitByte(1);
    uint16_t iter = hiddenLocal();
    fn_->locals.back().name = "%iter " + loopPath; // not an identifier: never resolved
    emitOp(Op::SetLocal, iter);
    emit(Op::Pop);
    uint16_t value = hiddenLocal();
    uint16_t thrown = hiddenLocal();
    uint16_t closing = hiddenLocal();
    size_t loopStart = here();
    recordUpdatePoint("for-await", n);
    emitHelperCallee("%iterResultObject");
    emitOp(Op::GetLocal, iter);
    mark(n);
    emit(Op::Invoke);
    emitShort(stringConstant("next"));
    emitByte(0);
    emitShort(newCache());
    size_t exitJump = emitAwaitIterStep();
    emitOp(Op::SetLocal, value);
    emit(Op::Pop);
    pushTarget(n, true, labels);
    fn_->targets.back().asyncIterSlot = iter;
    size_t tryBegin = emitJump(Op::TryBegin);
    emitShort(fn_->nextSlot);
    fn_->tries.push_back({TSNode{}, true});
    beginScope();
    TSNode kindNode = field(n, "kind");
    std::string_view kind = ts_node_is_null(kindNode) ? "" : text(kindNode);
    BindMode mode = kind == "const" ? BindMode::Const
                    : kind == "let" ? BindMode::Let
                    : kind == "var" ? BindMode::Var
                                    : BindMode::Assign;
    emitOp(Op::GetLocal, value);
    compileBinding(field(n, "left"), mode);
    compileStatement(field(n, "body"));
    endScope();
    fn_->tries.pop_back();
    emit(Op::TryEnd);
    size_t continueAt = here();
    emitLoop(loopStart);

    // A throw from the binding or the body: close, then rethrow it.
    patchJump(tryBegin);
    emitOp(Op::SetLocal, thrown);
    emit(Op::Pop);
    emitHelperCallee("%asyncCloseOnThrow");
    emitOp(Op::GetLocal, iter);
    emit(Op::Call);
    emitByte(1); // [return()'s result] to await, or undefined
    size_t nothingToAwait = emitJump(Op::JumpIfNullish);
    emitOp(Op::Int, 0);
    emit(Op::GetIndex);
    emitOp(Op::SetLocal, closing);
    emit(Op::Pop);
    size_t swallow = emitJump(Op::TryBegin);
    emitShort(fn_->nextSlot);
    emitOp(Op::GetLocal, closing);
    emitAwait();
    emit(Op::TryEnd);
    patchJump(swallow); // the awaited value, or what the await threw: dropped
    patchJump(nothingToAwait);
    emit(Op::Pop);
    emitOp(Op::GetLocal, thrown);
    emit(Op::Throw);

    patchJump(exitJump);
    emit(Op::Pop); // the done result
    popTarget(here(), continueAt);
    endScope();
    exitLoop();
}

// AsyncIteratorClose on a normal exit: calls return() when the iterator has one, awaits
// it and checks that the result is an object.
void Compiler::emitAsyncClose(uint16_t iterSlot) {
    emitHelperCallee("%iterResultObject");
    emitOp(Op::GetLocal, iterSlot);
    emit(Op::GetProp);
    emitShort(stringConstant("return"));
    emitShort(newCache());
    size_t none = emitJump(Op::JumpIfNullish);
    emitOp(Op::GetLocal, iterSlot);
    emit(Op::Call);
    emitByte(0);
    emitAwait();
    emit(Op::Call);
    emitByte(1);
    emit(Op::Pop);
    size_t done = emitJump(Op::Jump);
    patchJump(none);
    emit(Op::Pop);
    emit(Op::Pop);
    emit(Op::Pop);
    patchJump(done);
}

void Compiler::emitHelperCallee(const char* name) {
    emit(Op::GetGlobal);
    emitShort(stringConstant(name));
    emitShort(newCache());
    emit(Op::Undefined);
}

void Compiler::compileWhile(TSNode n) {
    std::vector<std::string> labels = std::exchange(pendingLabels_, {});
    enterLoop();
    size_t start = here();
    recordUpdatePoint("while", n);
    compileExpression(field(n, "condition"));
    size_t exitJump = emitJump(Op::JumpIfFalse);
    pushTarget(n, true, labels);
    beginScope();
    compileStatement(field(n, "body"));
    endScope();
    emitLoop(start);
    patchJump(exitJump);
    popTarget(here(), start);
    exitLoop();
}

void Compiler::compileDoWhile(TSNode n) {
    std::vector<std::string> labels = std::exchange(pendingLabels_, {});
    enterLoop();
    size_t start = here();
    recordUpdatePoint("do-while", n);
    pushTarget(n, true, labels);
    beginScope();
    compileStatement(field(n, "body"));
    endScope();
    size_t continueAt = here();
    compileExpression(field(n, "condition"));
    size_t exitJump = emitJump(Op::JumpIfFalse);
    emitLoop(start);
    patchJump(exitJump);
    popTarget(here(), continueAt);
    exitLoop();
}

void Compiler::compileLabeled(TSNode n) {
    std::string label(text(field(n, "label")));
    TSNode body = field(n, "body");
    std::string_view t = nodeType(body);
    if (t == "for_statement" || t == "for_in_statement" || t == "while_statement" ||
        t == "do_statement") {
        pendingLabels_.push_back(label);
        compileStatement(body);
        return;
    }
    if (t == "labeled_statement") {
        pendingLabels_.push_back(label);
        compileLabeled(body);
        return;
    }
    // A labeled block (or other statement): only `break label` can target it.
    std::vector<std::string> labels = std::exchange(pendingLabels_, {});
    labels.push_back(label);
    pushTarget(n, false, labels);
    compileStatement(body);
    popTarget(here(), here());
}

// Leaves try regions down to `toDepth`: pops their handlers and runs their finally blocks.
void Compiler::exitTries(size_t toDepth, size_t closeLoopsFrom) {
    auto& tries = fn_->tries;
    size_t j = fn_->targets.size();
    // A loop inside `depth` or more try regions is closed before the one at `depth - 1` ends.
    auto closeLoops = [&](size_t depth) {
        while (j > 0 && j > closeLoopsFrom && fn_->targets[j - 1].tryDepth >= depth) {
            const JumpTarget& target = fn_->targets[--j];
            if (target.asyncIterSlot >= 0) {
                emitAsyncClose(uint16_t(target.asyncIterSlot));
                continue;
            }
            int slot = target.iterSlot;
            if (slot < 0) continue;
            emitOp(Op::GetLocal, uint16_t(slot));
            emit(Op::IterClose);
            emit(Op::Pop);
        }
    };
    for (size_t i = tries.size(); i > toDepth; --i) {
        closeLoops(i);
        TryRegion region = tries[i - 1];
        if (region.handlerActive) emit(Op::TryEnd);
        if (!ts_node_is_null(region.finallyBody)) {
            // The finally block runs outside its own region (and those inside it).
            std::vector<TryRegion> saved(tries.begin() + long(i - 1), tries.end());
            tries.resize(i - 1);
            compileStatement(region.finallyBody);
            tries.insert(tries.end(), saved.begin(), saved.end());
        }
    }
    closeLoops(0);
}

// Leaving the function with the value on the stack: the enclosing finally blocks run first,
// the value kept in a hidden local meanwhile.
void Compiler::exitTriesKeepingValue() {
    if (!leavingNeedsCode()) return;
    uint16_t slot = hiddenLocal();
    emitOp(Op::SetLocal, slot);
    emit(Op::Pop);
    exitTries(0, 0);
    emitOp(Op::GetLocal, slot);
}

bool Compiler::leavingNeedsCode() const {
    return std::any_of(fn_->tries.begin(), fn_->tries.end(),
                       [](const TryRegion& r) { return !ts_node_is_null(r.finallyBody); }) ||
           std::any_of(fn_->targets.begin(), fn_->targets.end(),
                       [](const JumpTarget& t) { return t.iterSlot >= 0 || t.asyncIterSlot >= 0; });
}

void Compiler::compileBreakContinue(TSNode n, bool isBreak) {
    TSNode labelNode = field(n, "label");
    std::string label = ts_node_is_null(labelNode) ? "" : std::string(text(labelNode));
    auto& targets = fn_->targets;
    for (size_t i = targets.size(); i > 0; --i) {
        JumpTarget& t = targets[i - 1];
        bool matches = !label.empty()
                           ? std::find(t.labels.begin(), t.labels.end(), label) != t.labels.end()
                       : isBreak ? t.isLoop || t.isSwitch
                                 : t.isLoop;
        if (!matches) continue;
        if (!isBreak && !t.isLoop)
            fail(n, "Illegal continue statement: '" + label +
                        "' does not denote an iteration statement");
        exitTries(t.tryDepth, isBreak ? i - 1 : i);
        closeFrom(t.scopeSlot);
        size_t j = emitJump(Op::Jump);
        (isBreak ? t.breakJumps : t.continueJumps).push_back(j);
        return;
    }
    if (!label.empty()) fail(n, "Undefined label '" + label + "'");
    fail(n, isBreak ? "Illegal break statement"
                    : "Illegal continue statement: no surrounding iteration statement");
}

void Compiler::compileReturn(TSNode n) {
    if (fn_->kind == FnKind::Module) fail(n, "Illegal return statement");
    std::vector<TSNode> cs = namedChildren(n);
    if (cs.empty()) {
        if (fn_->kind == FnKind::Constructor)
            emitOp(Op::GetLocal, 0);
        else
            emit(Op::Undefined);
    } else {
        compileExpression(cs[0]);
        if (fn_->isAsyncGenerator) emitAwait(); // as the spec's return in an async generator
    }
    exitTriesKeepingValue();
    mark(n);
    emitReturn();
}

// yield v: the frame suspends with v; next(x) resumes with x as the expression's value,
// throw(e) throws e here, return(r) returns r from here (running the finally blocks).
// yield* it: yields every value of the iterable in turn; the values next() sends are not
// passed on, and the expression's value is undefined (docs/language.md).
// In an async generator, `yield v` awaits v and then suspends at an Op::AsyncYield, where
// its driver settles the pending next() (internal/promise.js).
void Compiler::compileYield(TSNode n) {
    if (!fn_->isGenerator || (fn_->isAsync && !fn_->isAsyncGenerator))
        fail(n, "yield is only valid in generator functions");
    std::vector<TSNode> cs = namedChildren(n);
    if (!hasChildToken(n, "*")) {
        if (cs.empty())
            emit(Op::Undefined);
        else
            compileExpression(cs[0]);
        mark(n);
        if (fn_->isAsyncGenerator) {
            emitAwait();
            emitYield(Op::AsyncYield);
            return;
        }
        emitYield();
        return;
    }
    if (fn_->isAsyncGenerator) {
        compileAsyncYieldStar(cs[0]);
        return;
    }
    compileExpression(cs[0]);
    mark(n);
    emit(Op::Iter);
    uint16_t delegate = hiddenLocal();
    emitOp(Op::SetLocal, delegate);
    emit(Op::Pop);
    size_t loopStart = here();
    emitOp(Op::GetLocal, delegate);
    size_t exitJump = emitJump(Op::IterNext);
    emitYield();
    emit(Op::Pop);
    emitLoop(loopStart);
    patchJump(exitJump);
    emit(Op::Undefined);
}

// yield* in an async generator: drives the operand's async iterator (as for await gets
// it) with each request the generator receives — next(v), throw(e) and return(r) go to the
// delegate's next/throw/return (%yieldStarStep) — awaiting each result and yielding its
// value without awaiting it again. The expression's value is the delegate's return value;
// a return() the delegate finishes returns from the generator (running finally blocks).
void Compiler::compileAsyncYieldStar(TSNode operand) {
    emitHelperCallee("%asyncIteratorOf");
    compileExpression(operand);
    emit(Op::Call);
    emitByte(1);
    uint16_t delegate = hiddenLocal();
    emitOp(Op::SetLocal, delegate);
    emit(Op::Pop);
    uint16_t sent = hiddenLocal();
    uint16_t mode = hiddenLocal();
    emit(Op::Undefined);
    emitOp(Op::SetLocal, sent);
    emit(Op::Pop);
    emitOp(Op::Int, uint16_t(ResumeMode::Next));
    emitOp(Op::SetLocal, mode);
    emit(Op::Pop);
    size_t loopStart = here();
    emitHelperCallee("%iterResultObject");
    emitHelperCallee("%yieldStarStep");
    emitOp(Op::GetLocal, delegate);
    emitOp(Op::GetLocal, mode);
    emitOp(Op::GetLocal, sent);
    emit(Op::Call);
    emitByte(3);
    size_t doneJump = emitAwaitIterStep();
    emitOp(Op::AsyncYield, fn_->generatorSlot); // resumes with [sent mode]
    emitOp(Op::SetLocal, mode);
    emit(Op::Pop);
    emitOp(Op::SetLocal, sent);
    emit(Op::Pop);
    emitLoop(loopStart);
    patchJump(doneJump);
    emit(Op::GetProp);
    emitShort(stringConstant("value"));
    emitShort(newCache());
    emitOp(Op::GetLocal, mode);
    emitOp(Op::Int, uint16_t(ResumeMode::Return));
    emit(Op::StrictEq);
    size_t notReturn = emitJump(Op::JumpIfFalse);
    exitTriesKeepingValue();
    emitOp(Op::GeneratorReturn, fn_->generatorSlot);
    patchJump(notReturn);
}

// await v: the frame suspends with v (as a yield); the async driver resumes it with v's
// value, or throws v's reason here, one microtask after v settles.
void Compiler::compileAwait(TSNode n) {
    if (!fn_->isAsync) {
        fail(n, fn_->kind == FnKind::Module
                    ? "top-level await is not supported: node runs a file that uses it as an ES "
                      "module, and Molt's modules are CommonJS (move it into an async function)"
                    : "await is only valid in async functions and the top level bodies of modules");
    }
    std::vector<TSNode> cs = namedChildren(n);
    compileExpression(cs[0]);
    mark(n);
    emitAwait();
}

// With %iterResultObject and a promise of an iterator result on the stack: awaits the
// result, checks it is an object and leaves its value; when it is done, jumps (returned, to
// patch) with the result object on the stack instead.
size_t Compiler::emitAwaitIterStep() {
    emitAwait();
    emit(Op::Call);
    emitByte(1);
    emit(Op::Dup);
    emit(Op::GetProp);
    emitShort(stringConstant("done"));
    emitShort(newCache());
    size_t doneJump = emitJump(Op::JumpIfTrue);
    emit(Op::GetProp);
    emitShort(stringConstant("value"));
    emitShort(newCache());
    return doneJump;
}

// The driver never resumes an await with return(), so it needs no return path.
void Compiler::emitAwait() {
    emitOp(Op::Yield, fn_->generatorSlot);
    size_t toNext = emitJump(Op::ResumeMode);
    emit(Op::Throw); // unreachable: a return() resumption
    patchJump(toNext);
}

void Compiler::emitYield(Op op) {
    emitOp(op, fn_->generatorSlot);
    size_t toNext = emitJump(Op::ResumeMode);
    // return(r): r is on the stack.
    exitTriesKeepingValue();
    emitOp(Op::GeneratorReturn, fn_->generatorSlot);
    patchJump(toNext);
}

void Compiler::compileTry(TSNode n) {
    TSNode body = field(n, "body");
    TSNode handler = field(n, "handler");
    TSNode finalizer = field(n, "finalizer");
    TSNode finallyBody = ts_node_is_null(finalizer) ? TSNode{} : field(finalizer, "body");
    if (ts_node_is_null(handler) && ts_node_is_null(finallyBody))
        fail(n, "Missing catch or finally after try");
    uint16_t closeSlot = fn_->nextSlot;

    // try { body }
    size_t tryBegin = emitJump(Op::TryBegin);
    emitShort(closeSlot);
    fn_->tries.push_back({finallyBody, true});
    compileStatement(body);
    fn_->tries.pop_back();
    emit(Op::TryEnd);
    size_t afterBody = emitJump(Op::Jump);

    size_t finallyThrowBegin = SIZE_MAX;
    std::vector<size_t> toNormalFinally{afterBody};
    if (!ts_node_is_null(handler)) {
        patchJump(tryBegin); // catch: the exception is on the stack
        size_t catchTry = SIZE_MAX;
        if (!ts_node_is_null(finallyBody)) {
            catchTry = emitJump(Op::TryBegin);
            emitShort(closeSlot);
            fn_->tries.push_back({finallyBody, true});
        }
        beginScope();
        TSNode param = field(handler, "parameter");
        if (ts_node_is_null(param))
            emit(Op::Pop);
        else
            compileBinding(param, BindMode::Let);
        compileStatement(field(handler, "body"));
        endScope();
        if (catchTry != SIZE_MAX) {
            fn_->tries.pop_back();
            emit(Op::TryEnd);
            finallyThrowBegin = catchTry;
        }
        toNormalFinally.push_back(emitJump(Op::Jump));
    } else {
        finallyThrowBegin = tryBegin;
    }

    if (!ts_node_is_null(finallyBody)) {
        // Exceptional path: run finally, rethrow.
        patchJump(finallyThrowBegin);
        beginScope();
        uint16_t pendingSlot = hiddenLocal();
        emitOp(Op::SetLocal, pendingSlot);
        emit(Op::Pop);
        compileStatement(finallyBody);
        emitOp(Op::GetLocal, pendingSlot);
        emit(Op::Throw);
        endScope();
        // Normal path.
        for (size_t j : toNormalFinally)
            patchJump(j);
        compileStatement(finallyBody);
    } else {
        for (size_t j : toNormalFinally)
            patchJump(j);
    }
}

void Compiler::compileSwitch(TSNode n) {
    std::vector<std::string> labels = std::exchange(pendingLabels_, {});
    beginScope();
    compileExpression(field(n, "value"));
    uint16_t disc = hiddenLocal();
    emitOp(Op::SetLocal, disc);
    emit(Op::Pop);
    std::vector<TSNode> cases = namedChildren(field(n, "body"));
    std::vector<size_t> caseJumps(cases.size(), SIZE_MAX);
    int defaultIndex = -1;
    for (size_t i = 0; i < cases.size(); ++i) {
        if (is(cases[i], "switch_default")) {
            if (defaultIndex >= 0)
                fail(cases[i], "More than one default clause in switch statement");
            defaultIndex = int(i);
            continue;
        }
        emitOp(Op::GetLocal, disc);
        compileExpression(field(cases[i], "value"));
        emit(Op::StrictEq);
        caseJumps[i] = emitJump(Op::JumpIfTrue);
    }
    size_t noMatch = emitJump(Op::Jump);
    pushTarget(n, false, labels);
    fn_->targets.back().isSwitch = true;
    // Lexical declarations in case bodies share one scope, as in JavaScript.
    std::vector<TSNode> allStmts;
    for (TSNode c : cases)
        for (TSNode s : namedChildren(c))
            if (!is(s, "comment")) allStmts.push_back(s);
    hoistLexicals(allStmts);
    hoistFunctions(allStmts);
    for (size_t i = 0; i < cases.size(); ++i) {
        if (int(i) == defaultIndex)
            patchJump(noMatch), noMatch = SIZE_MAX;
        else
            patchJump(caseJumps[i]);
        TSNode c = cases[i];
        TSNode valueNode = field(c, "value");
        for (TSNode s : namedChildren(c)) {
            if (!ts_node_is_null(valueNode) && ts_node_eq(s, valueNode)) continue;
            compileStatement(s);
        }
    }
    if (noMatch != SIZE_MAX) patchJump(noMatch);
    popTarget(here(), here());
    endScope();
}

} // namespace molt
