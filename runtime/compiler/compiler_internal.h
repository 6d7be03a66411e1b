// compiler_internal.h — the Compiler's state, shared by compiler.cpp (functions, classes,
// statements), compiler_expressions.cpp (expressions and destructuring patterns) and
// compiler_calls.cpp (calls, new, super, member and subscript reads).
//
// Locals live in fixed frame slots (slot 0 is `this`, then parameters); a scope's slots are
// reused once it ends, after closing any upvalue that captured them. Hidden locals (an
// iterator, a switch discriminant, a pending return value) are ordinary slots without a
// name, which keeps the operand stack empty between statements.
//
// Errors inside the compiler are thrown as CompileFailure and caught at compileModule;
// they never leave this component.
#pragma once

#include "runtime/bytecode/opcodes.h"
#include "runtime/compiler/compiler.h"
#include "runtime/syntax/class_layout.h"
#include "runtime/syntax/constructor_function.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace molt {

struct CompileFailure {
    TSNode node;
    std::string message;
};

enum class FnKind { Module, Function, Arrow, Method, Constructor, FieldInit, StaticInit };

struct LocalVar {
    std::string name;
    int depth;
    uint16_t slot;
    bool captured = false;
    bool isConst = false;
    bool hoisted = false; // declared ahead of its statement (let/const/class of a block)
    int32_t initConstant = -1; // a literal initializer's constant index (update points)
    uint32_t initStart = 0, initEnd = 0; // any other initializer's bytes (update points)
    int32_t nameIndex = -1;              // its range in the proto's localNames (-1: hidden)
};

struct UpvalueRef {
    uint16_t index;
    bool fromParentLocal;
    std::string name;
};

// A try region the code is currently inside: exiting it by break/continue/return must pop
// its handler and run its finally block.
struct TryRegion {
    TSNode finallyBody; // null node when there is no finally
    bool handlerActive; // true while the region's handler is installed
};

struct JumpTarget {
    std::vector<std::string> labels;
    bool isLoop;           // continue allowed
    bool isSwitch = false; // unlabeled break allowed
    std::vector<size_t> breakJumps;
    std::vector<size_t> continueJumps;
    size_t tryDepth;    // tries_.size() when the target was entered
    uint16_t scopeSlot; // first slot to close when leaving
    int iterSlot = -1;  // a for-of's iterator, closed (IterClose) when a jump leaves it
    int asyncIterSlot = -1; // a for await's, whose return() is called and awaited
};

// Private names are stored in layouts and method tables as "#name@Class", so a subclass's
// #x and its superclass's #x are different fields, as in JavaScript.
struct ClassContext {
    std::string name;
    std::unordered_set<std::string> privateNames;
    bool hasSuper = false;
};

struct FunctionState {
    FunctionState* enclosing = nullptr;
    FunctionProto* proto = nullptr;
    FnKind kind = FnKind::Function;
    std::vector<LocalVar> locals;
    std::vector<UpvalueRef> upvalues;
    int scopeDepth = 0;
    uint16_t nextSlot = 1;
    uint16_t maxSlot = 1;
    std::vector<JumpTarget> targets;
    std::vector<TryRegion> tries;
    std::unordered_map<uint64_t, uint16_t> constantIndex; // value bits -> index
    uint32_t lastLine = 0, lastColumn = 0;
    // The peepholes' view of the code: where the last instruction emitted by emit() starts,
    // and the last offset asked for by here() (a possible jump target, never fused across).
    size_t lastOp = SIZE_MAX;
    size_t targetAt = SIZE_MAX;
    bool isGenerator = false;
    bool isAsync = false; // also isGenerator: await is a yield to the async driver
    bool isAsyncGenerator = false; // async function*: yield is Op::AsyncYield
    uint16_t generatorSlot = 0; // the local holding the running Generator
    std::vector<uint32_t> loopPath{};        // indices of the loops being compiled
    std::vector<uint32_t> loopSiblings{0};   // loops seen so far at each nesting level
    std::unordered_map<std::string, uint32_t> callOrdinals; // "path|callee" -> calls seen
};

class Compiler {
public:
    Compiler(VM& vm, Module* module, const SyntaxTree& tree, ModuleCompileOptions options = {})
        : vm_(vm), module_(module), tree_(tree), options_(options),
          file_(module ? module->displayPath : nullptr) {}
    FunctionProto* compileModuleBody();
    FunctionProto* compileEvalBody();
    bool isModuleExportsAssignment(TSNode statement) const;
    bool definesClasses(TSNode statement) const;

    // ---- compiler.cpp: infrastructure
    [[noreturn]] void fail(TSNode n, std::string message);
    std::string_view text(TSNode n) const { return tree_.text(n); }
    void mark(TSNode n);
    const SourceOrigin* originOf(TSNode n, SourcePosition& at) const;
    void emit(Op op);
    void emitByte(uint8_t b);
    void emitShort(uint16_t w);
    void emitOp(Op op, uint16_t w) {
        emit(op);
        emitShort(w);
    }
    size_t emitJump(Op op);
    void patchJump(size_t at);
    void patchJumpTo(size_t at, size_t target);
    void emitLoop(size_t target);
    // The next instruction's offset. Asking for it marks the offset as a possible jump
    // target, which the peepholes in emit/emitJump never fuse across.
    bool fusible(size_t length) const;
    size_t here() const { return fn_->targetAt = fn_->proto->code.size(); }
    uint16_t constant(Value v);
    uint16_t stringConstant(std::string_view s);
    // The constant a class member's key is installed under: a well-known symbol for
    // `[Symbol.iterator]`, the interned name otherwise.
    uint16_t memberKeyConstant(TSNode key, const std::string& name);
    uint16_t newCache();
    Value keep(Value v); // roots a freshly allocated compile-time object

    // Scopes and variables
    void beginScope();
    void endScope();
    uint16_t declareLocal(const std::string& name, bool isConst, TSNode at);
    uint16_t hiddenLocal();
    int resolveLocal(FunctionState* fs, const std::string& name);
    int resolveUpvalue(FunctionState* fs, const std::string& name);
    int moduleSlot(const std::string& name) const;
    void emitGetVariable(const std::string& name, TSNode at);
    void emitSetVariable(const std::string& name, TSNode at, bool initializing);
    void closeFrom(uint16_t slot) { emitOp(Op::CloseUpvalues, slot); }

    // Functions and classes
    FunctionProto* compileFunction(TSNode node, FnKind kind, std::string name);
    void compileParameters(TSNode params);
    bool usesArguments(TSNode n) const;
    String* moduleSourceText(); // the whole source as one string, shared by every function
    void compileFunctionBody(TSNode body, FnKind kind);
    void emitClosure(FunctionProto* proto);
    void emitReturn(); // Return, or GeneratorReturn in a generator
    void exitTriesKeepingValue(); // the finally blocks a return runs, the value on the stack kept
    void compileAwait(TSNode n); // a yield of the operand to the async driver
    void emitAwait();            // awaits the value on the stack (a yield to the driver)
    size_t emitAwaitIterStep();  // an awaited next() result's value; the jump when done
    void emitHelperCallee(const char* name); // -> fn this, a promise-runtime helper to Call
    void emitAsyncClose(uint16_t iterSlot);  // for await's AsyncIteratorClose
    void compileForAwait(TSNode n, std::vector<std::string> labels);
    void compileAsyncYieldStar(TSNode operand);
    void compileYield(TSNode n);
    void emitYield(Op op = Op::Yield); // the value on the stack; leaves the value sent by next()
    // A top-level constructor function as its implicit class (decision 0018): pushes it.
    void compileConstructorFunction(const ConstructorFunction& cf);
    // Fails on an assignment to `X.prototype` or `X.prototype.y` that readConstructorFunctions
    // did not take as a method (one inside a function, or of something not a constructor).
    void refusePrototypeAssignment(TSNode target);
    void emitClassShape(const std::string& name, const ClassLayout& layout, uint8_t flags);
    // `bindsModuleName`: a class expression that is the value of a top-level binding
    // (`const K = class { ... }`), which the DSU treats like a declaration of K.
    void compileClass(TSNode node, std::string bindingName, bool isDeclaration,
                      bool bindsModuleName = false);
    Class* liveVersionOf(const std::string& bindingName) const;
    FunctionProto* beginSynthetic(FnKind kind, std::string name, TSNode at);
    FunctionProto* endSynthetic(FunctionState& state, FunctionState* saved);

    // Statements (compiler.cpp)
    void compileStatement(TSNode n);
    void compileBlockBody(const std::vector<TSNode>& stmts);
    void hoistFunctions(const std::vector<TSNode>& stmts);
    void hoistLexicals(const std::vector<TSNode>& stmts);
    uint16_t bindLexical(const std::string& name, bool isConst, TSNode at);
    void collectVarNames(TSNode n, std::vector<std::pair<std::string, TSNode>>& out);
    void compileDeclaration(TSNode n);
    void compileIf(TSNode n);
    void compileFor(TSNode n);
    void compileForIn(TSNode n);
    void compileWhile(TSNode n);
    void compileDoWhile(TSNode n);
    void compileBreakContinue(TSNode n, bool isBreak);
    void compileReturn(TSNode n);
    void compileTry(TSNode n);
    void compileSwitch(TSNode n);
    void compileLabeled(TSNode n);
    // Leaves try regions down to `toDepth` (running finally blocks) and closes the for-of
    // iterators of targets from index `closeLoopsFrom` on, innermost first.
    void exitTries(size_t toDepth, size_t closeLoopsFrom = SIZE_MAX);
    bool leavingNeedsCode() const; // a finally block or a for-of to close on the way out
    void pushTarget(TSNode labelsFrom, bool isLoop, std::vector<std::string> labels);
    void popTarget(size_t breakTo, size_t continueTo);
    // Update points: enterLoop numbers a loop; recordUpdatePoint notes its header (here()).
    std::string enterLoop();
    void exitLoop();
    void recordUpdatePoint(const char* kind, TSNode loop);
    // A call return point for the statement-level call `call` compiled from `start` (the
    // pc before its code), if its last instruction is the call (docs/dsu.md).
    void recordCallPoint(TSNode call, size_t start);
    UpdatePoint pointHere(const char* kind, TSNode at);

    // Expressions (compiler_expressions.cpp)
    struct Chain {
        std::vector<size_t> exits;
    };
    void compileExpression(TSNode n, Chain* chain = nullptr);
    void compileAssignment(TSNode n);
    void compileAugmented(TSNode n);
    void compileUpdate(TSNode n);
    // `i++`, `--i` on a local whose value is not used (a statement, a for loop's update): one
    // IncLocal / DecLocal. False (nothing emitted) for anything else.
    bool compileLocalStep(TSNode n);
    void compileBinary(TSNode n);
    void compileUnary(TSNode n);
    void compileArray(TSNode n);
    void compileRecord(TSNode n);
    void compileRegExpLiteral(TSNode n);
    void compileTemplate(TSNode n);
    // Calls, new, super and member reads (compiler_calls.cpp)
    void compileCall(TSNode n, Chain* chain);
    void recordCalleeText(TSNode callee); // for "x.f is not a function" (FunctionProto)
    void compileNew(TSNode n);
    void compileMember(TSNode n, Chain* chain);
    void emitSuperReceiver(TSNode at);
    void compileSubscript(TSNode n, Chain* chain);
    void compileArguments(TSNode args, bool& spread, int& argc);
    void emitCall(Op plain, Op spreadForm, bool spread, int argc);
    void compileSuperCall(TSNode n);
    // Literals (compiler_expressions.cpp)
    std::string stringLiteral(TSNode n);
    double numberLiteral(TSNode n);
    std::string propertyKey(TSNode key); // identifier, string or number key
    std::string memberName(TSNode property);
    TSNode unparen(TSNode n);

    // Patterns: the value to destructure is on the stack and is consumed.
    enum class BindMode { Let, Const, Var, Assign };
    void compileBinding(TSNode target, BindMode mode);
    void compileArrayPattern(TSNode pattern, BindMode mode);
    void compileObjectPattern(TSNode pattern, BindMode mode);
    void storeTarget(TSNode target, BindMode mode); // consumes the value
    void declarePatternNames(TSNode pattern, std::vector<std::pair<std::string, TSNode>>& out);

    VM& vm_;
    Module* module_;
    const SyntaxTree& tree_;
    ModuleCompileOptions options_;
    String* file_; // what stack traces name as the code's file: the module's, or "--eval"
    FunctionState* fn_ = nullptr;
    std::vector<ClassContext*> classes_;
    ConstructorFunctions constructorFunctions_; // the module's, read once
    String* sourceText_ = nullptr; // moduleSourceText(), created on first use
    std::vector<std::string>
        pendingLabels_; // labels of a labeled statement around the loop being compiled
};

} // namespace molt
