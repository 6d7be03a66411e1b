#include "runtime/compiler/compiler_internal.h"
#include "runtime/core/assert.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace molt {

// ---------------------------------------------------------------- infrastructure

void Compiler::fail(TSNode n, std::string message) {
    throw CompileFailure{n, std::move(message)};
}

// Where `n` is in the file that generated code stands for (ModuleCompileOptions::origins):
// inside a verbatim range column for column, elsewhere in a range at the range's start.
// Null when `n` is in no range.
const SourceOrigin* Compiler::originOf(TSNode n, SourcePosition& at) const {
    if (!options_.origins) return nullptr;
    uint32_t byte = ts_node_start_byte(n);
    const SourceOrigin* region = nullptr;
    for (const SourceOrigin& o : *options_.origins) {
        if (byte < o.startByte || byte >= o.endByte) continue;
        if (o.verbatim) {
            uint32_t shift = tree_.positionOfByte(byte).column -
                             tree_.positionOfByte(o.startByte).column;
            at = {o.line, o.column + shift};
            return &o;
        }
        if (!region) region = &o;
    }
    if (region) at = {region->line, region->column};
    return region;
}

void Compiler::mark(TSNode n) {
    SourcePosition p = tree_.position(n);
    // A function named after the file its code came from has its positions there.
    if (fn_->proto->file != file_) originOf(n, p);
    if (p.line == fn_->lastLine && p.column == fn_->lastColumn) return;
    fn_->lastLine = p.line;
    fn_->lastColumn = p.column;
    auto& lines = fn_->proto->lines;
    uint32_t pc = uint32_t(here());
    if (!lines.empty() && lines.back().pc == pc)
        lines.back() = {pc, p.line, p.column};
    else
        lines.push_back({pc, p.line, p.column});
}

// Whether the last `length` bytes are one instruction emitted by emit() that no jump can
// target the end of: then the next instruction may be fused into it.
bool Compiler::fusible(size_t length) const {
    size_t size = fn_->proto->code.size();
    return fn_->lastOp != SIZE_MAX && fn_->lastOp + length == size && fn_->targetAt != size;
}

void Compiler::emit(Op op) {
    auto& code = fn_->proto->code;
    // A local assigned and its value dropped (`x = v;`, `let x = v;`) is one StoreLocal.
    if (op == Op::Pop && fusible(3) && Op(code[fn_->lastOp]) == Op::SetLocal) {
        code[fn_->lastOp] = uint8_t(Op::StoreLocal);
        return;
    }
    fn_->lastOp = code.size();
    code.push_back(uint8_t(op));
}
void Compiler::emitByte(uint8_t b) {
    fn_->proto->code.push_back(b);
}
void Compiler::emitShort(uint16_t w) {
    emitByte(uint8_t(w & 0xff));
    emitByte(uint8_t(w >> 8));
}

size_t Compiler::emitJump(Op op) {
    // A comparison tested by a conditional jump (`i < n` in a loop or an if) is one op.
    if (op == Op::JumpIfFalse && fusible(1)) {
        auto& code = fn_->proto->code;
        switch (Op(code.back())) {
        case Op::Lt: code.back() = uint8_t(Op::JumpIfNotLt); break;
        case Op::Le: code.back() = uint8_t(Op::JumpIfNotLe); break;
        case Op::Gt: code.back() = uint8_t(Op::JumpIfNotGt); break;
        case Op::Ge: code.back() = uint8_t(Op::JumpIfNotGe); break;
        default: emit(op); break;
        }
    } else {
        emit(op);
    }
    size_t at = here();
    for (int i = 0; i < 4; ++i)
        emitByte(0xff);
    return at;
}

void Compiler::patchJumpTo(size_t at, size_t target) {
    auto& code = fn_->proto->code;
    for (int i = 0; i < 4; ++i)
        code[at + i] = uint8_t((target >> (8 * i)) & 0xff);
}

void Compiler::patchJump(size_t at) {
    patchJumpTo(at, here());
}

void Compiler::emitLoop(size_t target) {
    size_t at = emitJump(Op::Loop);
    patchJumpTo(at, target);
}

Value Compiler::keep(Value v) {
    vm_.compilerRoots.push_back(v);
    return v;
}

uint16_t Compiler::constant(Value v) {
    auto it = fn_->constantIndex.find(v.bits());
    if (it != fn_->constantIndex.end()) return it->second;
    auto& k = fn_->proto->constants;
    if (k.size() >= 0xffff)
        fail(ts_tree_root_node(tree_.raw()), "too many constants in one function");
    k.push_back(v);
    uint16_t idx = uint16_t(k.size() - 1);
    fn_->constantIndex.emplace(v.bits(), idx);
    return idx;
}

uint16_t Compiler::stringConstant(std::string_view s) {
    return constant(keep(vm_.istr(s)));
}

uint16_t Compiler::memberKeyConstant(TSNode key, const std::string& name) {
    if (!symbolKeySpelling(tree_, key).empty())
        if (Symbol* sym = vm_.wellKnownSymbol(name)) return constant(Value::object(sym));
    return stringConstant(name);
}

uint16_t Compiler::newCache() {
    auto& c = fn_->proto->caches;
    c.emplace_back();
    return uint16_t(c.size() - 1);
}

// ---------------------------------------------------------------- scopes

void Compiler::beginScope() {
    fn_->scopeDepth++;
}

void Compiler::endScope() {
    FunctionState& fs = *fn_;
    int minCaptured = -1;
    uint16_t lowest = fs.nextSlot;
    while (!fs.locals.empty() && fs.locals.back().depth >= fs.scopeDepth) {
        const LocalVar& l = fs.locals.back();
        if (l.nameIndex >= 0) fs.proto->localNames[size_t(l.nameIndex)].end = uint32_t(here());
        if (l.captured) minCaptured = l.slot;
        lowest = std::min(lowest, l.slot);
        fs.locals.pop_back();
    }
    if (minCaptured >= 0) closeFrom(uint16_t(minCaptured));
    fs.scopeDepth--;
    fs.nextSlot = lowest;
}

uint16_t Compiler::declareLocal(const std::string& name, bool isConst, TSNode at) {
    FunctionState& fs = *fn_;
    for (auto it = fs.locals.rbegin(); it != fs.locals.rend() && it->depth == fs.scopeDepth; ++it)
        if (it->name == name && !name.empty()) {
            if (fs.kind == FnKind::Module || fs.scopeDepth > 0)
                fail(at, "Identifier '" + name + "' has already been declared");
        }
    if (fs.nextSlot >= 0xfff0) fail(at, "too many local variables in one function");
    uint16_t slot = fs.nextSlot++;
    fs.maxSlot = std::max(fs.maxSlot, fs.nextSlot);
    fs.locals.push_back({name, fs.scopeDepth, slot, false, isConst});
    if (!name.empty() && fs.proto) {
        fs.locals.back().nameIndex = int32_t(fs.proto->localNames.size());
        fs.proto->localNames.push_back({name, slot, uint32_t(here()), UINT32_MAX});
    }
    return slot;
}

uint16_t Compiler::hiddenLocal() {
    FunctionState& fs = *fn_;
    uint16_t slot = fs.nextSlot++;
    fs.maxSlot = std::max(fs.maxSlot, fs.nextSlot);
    fs.locals.push_back({"", fs.scopeDepth, slot, false, false});
    return slot;
}

int Compiler::resolveLocal(FunctionState* fs, const std::string& name) {
    for (size_t i = fs->locals.size(); i > 0; --i)
        if (fs->locals[i - 1].name == name) return int(i - 1);
    return -1;
}

int Compiler::resolveUpvalue(FunctionState* fs, const std::string& name) {
    if (!fs->enclosing) return -1;
    auto addUpvalue = [&](uint16_t index, bool fromLocal) -> int {
        for (size_t i = 0; i < fs->upvalues.size(); ++i)
            if (fs->upvalues[i].index == index && fs->upvalues[i].fromParentLocal == fromLocal)
                return int(i);
        fs->upvalues.push_back({index, fromLocal, name});
        return int(fs->upvalues.size() - 1);
    };
    FunctionState* parent = fs->enclosing;
    if (name == "this" && parent->kind != FnKind::Arrow && parent->kind != FnKind::Module) {
        return addUpvalue(0, true);
    }
    int local = name == "this" ? -1 : resolveLocal(parent, name);
    if (local >= 0) {
        parent->locals[size_t(local)].captured = true;
        return addUpvalue(parent->locals[size_t(local)].slot, true);
    }
    int up = resolveUpvalue(parent, name);
    if (up >= 0) return addUpvalue(uint16_t(up), false);
    return -1;
}

int Compiler::moduleSlot(const std::string& name) const {
    auto it = module_->slotByName.find(name);
    return it == module_->slotByName.end() ? -1 : int(it->second);
}

void Compiler::emitGetVariable(const std::string& name, TSNode at) {
    int local = resolveLocal(fn_, name);
    if (local >= 0) {
        emitOp(Op::GetLocal, fn_->locals[size_t(local)].slot);
        return;
    }
    int up = resolveUpvalue(fn_, name);
    if (up >= 0) {
        emitOp(Op::GetUpvalue, uint16_t(up));
        return;
    }
    int slot = moduleSlot(name);
    if (slot >= 0) {
        mark(at);
        emitOp(Op::GetModule, uint16_t(slot));
        return;
    }
    mark(at);
    emit(Op::GetGlobal);
    emitShort(stringConstant(name));
    emitShort(newCache());
}

void Compiler::emitSetVariable(const std::string& name, TSNode at, bool initializing) {
    int local = resolveLocal(fn_, name);
    if (local >= 0) {
        if (fn_->locals[size_t(local)].isConst && !initializing)
            fail(at, "Assignment to constant variable '" + name + "'");
        emitOp(Op::SetLocal, fn_->locals[size_t(local)].slot);
        return;
    }
    int up = resolveUpvalue(fn_, name);
    if (up >= 0) {
        // Constness of captured variables is checked where they are declared.
        for (FunctionState* f = fn_->enclosing; f; f = f->enclosing) {
            int l = resolveLocal(f, name);
            if (l >= 0) {
                if (f->locals[size_t(l)].isConst && !initializing)
                    fail(at, "Assignment to constant variable '" + name + "'");
                break;
            }
        }
        emitOp(Op::SetUpvalue, uint16_t(up));
        return;
    }
    int slot = moduleSlot(name);
    if (slot >= 0) {
        if (!initializing && module_->constSlots.count(uint32_t(slot)))
            fail(at, "Assignment to constant variable '" + name + "'");
        mark(at);
        emitOp(initializing ? Op::InitModule : Op::SetModule, uint16_t(slot));
        return;
    }
    mark(at);
    emit(Op::SetGlobal);
    emitShort(stringConstant(name));
    emitShort(newCache());
}

// ---------------------------------------------------------------- module

static const char* kModuleParams[] = {"exports", "require", "module", "__filename", "__dirname"};

FunctionProto* Compiler::compileModuleBody() {
    FunctionState state;
    state.kind = FnKind::Module;
    state.proto = vm_.heap.allocate<FunctionProto>(ObjKind::FunctionProto, vm_.internalClass);
    keep(Value::object(state.proto));
    vm_.registerProto(state.proto);
    state.proto->name = vm_.intern("<module>");
    state.proto->module = module_;
    state.proto->file = file_;
    state.proto->fnFlags = uint8_t(FunctionFlag::Module);
    fn_ = &state;

    using Mode = ModuleCompileOptions::Mode;
    const Mode mode = options_.mode;
    // The names the namespace had before this body was compiled (NextVersion, Overlay).
    std::unordered_set<std::string> inherited;
    for (auto& [name, slot] : module_->slotByName)
        inherited.insert(name);
    std::unordered_set<std::string> declared; // by this body
    auto declareModule = [&](const std::string& name, bool isConst, TSNode at, Value initial) {
        if (!declared.insert(name).second) {
            if (!ts_node_is_null(at))
                fail(at, "Identifier '" + name + "' has already been declared");
            return;
        }
        auto existing = module_->slotByName.find(name);
        if (existing != module_->slotByName.end() && mode == Mode::NextVersion) {
            // Same binding in both versions: same slot, live value kept.
            if (isConst)
                module_->constSlots.insert(existing->second);
            else
                module_->constSlots.erase(existing->second);
            return;
        }
        uint32_t slot = uint32_t(module_->slots.size());
        module_->slotByName[name] = slot; // Overlay: shadows the inherited binding
        module_->names.push_back(vm_.intern(name));
        module_->slots.push_back(initial);
        if (isConst) module_->constSlots.insert(slot);
    };
    for (const char* p : kModuleParams)
        declareModule(p, false, TSNode{}, Value::undefined());

    std::vector<TSNode> stmts = namedChildren(tree_.root());
    constructorFunctions_ = readConstructorFunctions(tree_);
    if (!constructorFunctions_.refusals.empty())
        fail(constructorFunctions_.refusals[0].at, constructorFunctions_.refusals[0].message);
    // Every top-level binding is a module slot, declared before any code runs so that
    // functions can refer to bindings declared further down.
    for (TSNode s : stmts) {
        if (is(s, "export_statement") || is(s, "import_statement"))
            fail(s, "import declarations are not supported");
        if ((is(s, "function_declaration") || is(s, "generator_function_declaration"))) {
            declareModule(std::string(text(field(s, "name"))), false, field(s, "name"),
                          Value::undefined());
        } else if (is(s, "class_declaration")) {
            declareModule(std::string(text(field(s, "name"))), false, field(s, "name"),
                          Value::empty());
        } else if (is(s, "lexical_declaration")) {
            bool isConst = text(field(s, "kind")) == "const";
            std::vector<std::pair<std::string, TSNode>> names;
            for (TSNode d : namedChildren(s))
                declarePatternNames(field(d, "name"), names);
            for (auto& [name, at] : names)
                declareModule(name, isConst, at, Value::empty());
        }
    }
    std::vector<std::pair<std::string, TSNode>> vars;
    for (TSNode s : stmts)
        collectVarNames(s, vars);
    for (auto& [name, at] : vars)
        if (!declared.count(name)) declareModule(name, false, TSNode{}, Value::undefined());

    if (mode == Mode::NextVersion) {
        // A binding the new version no longer declares is gone from its namespace: its
        // code sees the name as a global, like code of a fresh module would.
        for (const std::string& name : inherited) {
            if (declared.count(name)) continue;
            auto slot = module_->slotByName.find(name);
            module_->slots[slot->second] = Value::undefined(); // nothing new refers to it
            module_->slotByName.erase(slot);
        }
    }
    if (mode != Mode::NextVersion) {
        hoistFunctions(stmts);
        for (TSNode s : stmts)
            compileStatement(s);
    } else {
        // Definitions only. A declaration runs when it defines code (a changed or new class
        // or function) or introduces a name the live version does not have.
        auto unchanged = [&](TSNode s) {
            return options_.unchanged &&
                   options_.unchanged->count(std::string(text(field(s, "name"))));
        };
        std::vector<TSNode> functions;
        for (TSNode s : stmts)
            if ((is(s, "function_declaration") || is(s, "generator_function_declaration")) &&
                !unchanged(s))
                functions.push_back(s);
        hoistFunctions(functions);
        for (TSNode s : stmts) {
            if (is(s, "class_declaration")) {
                if (!unchanged(s)) compileStatement(s);
            } else if (isModuleExportsAssignment(s)) {
                // The module's interface: the new version's exports (the staged module has
                // its own `module` record, so nothing live changes here).
                compileStatement(s);
            } else if (is(s, "lexical_declaration") || is(s, "variable_declaration")) {
                std::vector<std::pair<std::string, TSNode>> names;
                for (TSNode d : namedChildren(s))
                    if (is(d, "variable_declarator")) declarePatternNames(field(d, "name"), names);
                if (std::any_of(names.begin(), names.end(),
                                [&](auto& n) { return !inherited.count(n.first); }))
                    compileStatement(s);
                else if (definesClasses(s) &&
                         !std::all_of(names.begin(), names.end(), [&](auto& n) {
                             return options_.unchanged && options_.unchanged->count(n.first);
                         }))
                    compileStatement(s); // `const K = class { ... }` is a class definition

            }
        }
    }
    emit(Op::Undefined);
    emit(Op::Return);
    state.proto->maxLocals = state.maxSlot;
    fn_ = nullptr;
    return state.proto;
}

// `const K = class { ... }` (every declarator binds a name to a class expression): to the
// DSU a class definition like a declaration.
bool Compiler::definesClasses(TSNode s) const {
    std::vector<TSNode> declarators = namedChildren(s);
    return !declarators.empty() && std::all_of(declarators.begin(), declarators.end(), [&](TSNode d) {
        return is(d, "variable_declarator") && is(field(d, "name"), "identifier") &&
               is(field(d, "value"), "class");
    });
}

// `module.exports = ...;`
bool Compiler::isModuleExportsAssignment(TSNode s) const {
    if (!is(s, "expression_statement") || namedChildren(s).size() != 1) return false;
    TSNode e = namedChildren(s)[0];
    if (!is(e, "assignment_expression")) return false;
    TSNode left = field(e, "left");
    return is(left, "member_expression") && text(field(left, "object")) == "module" &&
           text(field(left, "property")) == "exports";
}

FunctionProto* Compiler::compileEvalBody() {
    FunctionState state;
    state.kind = FnKind::Module;
    TSNode root = tree_.root();
    file_ = vm_.intern(tree_.path()); // "--eval" (or the caller's name): not the module's lines
    keep(Value::object(file_));
    state.proto = beginSynthetic(FnKind::Module, "<eval>", root);
    state.proto->fnFlags = uint8_t(FunctionFlag::Module);
    fn_ = &state;
    std::vector<TSNode> stmts = namedChildren(root);
    if (stmts.size() != 1 || !is(stmts[0], "expression_statement") ||
        namedChildren(stmts[0]).size() != 1)
        fail(root, "--eval expects one expression");
    compileExpression(namedChildren(stmts[0])[0]);
    emit(Op::Return);
    state.proto->maxLocals = state.maxSlot;
    fn_ = nullptr;
    return state.proto;
}

// ---------------------------------------------------------------- functions

FunctionProto* Compiler::beginSynthetic(FnKind kind, std::string name, TSNode at) {
    auto* proto = vm_.heap.allocate<FunctionProto>(ObjKind::FunctionProto, vm_.internalClass);
    keep(Value::object(proto));
    vm_.registerProto(proto);
    proto->name = vm_.intern(name);
    proto->module = module_;
    proto->file = file_;
    SourcePosition p = tree_.position(at);
    if (const SourceOrigin* o = originOf(at, p)) proto->file = vm_.intern(o->file);
    proto->defLine = p.line;
    proto->defColumn = p.column;
    return proto;
}

FunctionProto* Compiler::endSynthetic(FunctionState& state, FunctionState* saved) {
    state.proto->maxLocals = state.maxSlot;
    for (auto& u : state.upvalues)
        state.proto->upvalues.push_back({u.index, u.fromParentLocal});
    fn_ = saved;
    return state.proto;
}

FunctionProto* Compiler::compileFunction(TSNode node, FnKind kind, std::string name) {
    FunctionState state;
    state.enclosing = fn_;
    state.kind = kind;
    state.proto = beginSynthetic(kind, name, node);
    uint8_t flags = 0;
    if (kind == FnKind::Arrow) flags |= uint8_t(FunctionFlag::Arrow);
    if (kind == FnKind::Method || kind == FnKind::Constructor)
        flags |= uint8_t(FunctionFlag::Method);
    if (kind == FnKind::Constructor) flags |= uint8_t(FunctionFlag::Constructor);
    state.isGenerator = is(node, "generator_function") ||
                        is(node, "generator_function_declaration") ||
                        (is(node, "method_definition") && hasChildToken(node, "*"));
    state.isAsync = hasChildToken(node, "async");
    if (state.isAsync) {
        if (kind == FnKind::Constructor) fail(node, "Class constructor may not be an async method");
        if (hasChildToken(node, "get") || hasChildToken(node, "set"))
            fail(node, "a getter or setter cannot be async");
        // The body is a generator frame; its start goes to the async driver (an async
        // generator's to the async-generator driver).
        state.isAsyncGenerator = state.isGenerator;
        state.proto->isAsyncGenerator = state.isGenerator;
        state.isGenerator = true;
        state.proto->isAsync = true;
    }
    if (state.isGenerator) {
        if (kind == FnKind::Constructor) fail(node, "Class constructor may not be a generator");
        if (hasChildToken(node, "get") || hasChildToken(node, "set"))
            fail(node, "a getter or setter cannot be a generator");
        flags |= uint8_t(FunctionFlag::Generator);
    }
    state.proto->fnFlags = flags;
    FunctionState* saved = fn_;
    fn_ = &state;

    TSNode params = field(node, "parameters");
    TSNode single = field(node, "parameter");
    std::string selfName;
    TSNode body = field(node, "body");
    if (kind == FnKind::Function &&
        (is(node, "function_expression") || is(node, "generator_function")) &&
        !ts_node_is_null(field(node, "name"))) {
        // A named function expression sees its own name (after the parameters, which win).
        selfName = std::string(text(field(node, "name")));
    }
    if (!ts_node_is_null(single)) {
        state.proto->numParams = 1;
        state.proto->formalLength = 1;
        declareLocal(std::string(text(single)), false, single);
    } else if (!ts_node_is_null(params)) {
        compileParameters(params);
    }
    state.proto->sourceText = moduleSourceText();
    state.proto->sourceStart = ts_node_start_byte(node);
    state.proto->sourceEnd = ts_node_end_byte(node);
    if (kind != FnKind::Arrow && resolveLocal(fn_, "arguments") < 0 && usesArguments(body))
        state.proto->argumentsSlot = declareLocal("arguments", false, node);
    if (!selfName.empty() && resolveLocal(fn_, selfName) < 0) {
        uint16_t slot = declareLocal(selfName, false, field(node, "name"));
        emit(Op::Callee);
        emitOp(Op::SetLocal, slot);
        emit(Op::Pop);
    }
    if (kind == FnKind::Constructor && classes_.back() && !classes_.back()->hasSuper) {
        // A base class initializes its fields before the constructor body runs.
        emit(Op::InitFields);
        emit(Op::Pop);
    }
    if (state.isGenerator) {
        // The call ends here, handing back the Generator; its first next() resumes after.
        state.generatorSlot = hiddenLocal();
        state.proto->generatorSlot = state.generatorSlot;
        mark(node);
        emitOp(Op::GeneratorStart, state.generatorSlot);
    }
    if (is(body, "statement_block")) {
        compileFunctionBody(body, kind);
    } else {
        mark(body);
        compileExpression(body);
        emitReturn(); // an async arrow's body is a generator frame
    }
    return endSynthetic(state, saved);
}

// Whether `n` reads the `arguments` of the function it belongs to: arrow functions see
// their enclosing function's, other functions and classes have their own.
bool Compiler::usesArguments(TSNode n) const {
    if (ts_node_is_null(n)) return false;
    if (is(n, "identifier")) return text(n) == "arguments";
    if (is(n, "function_expression") || is(n, "function_declaration") ||
        is(n, "generator_function") || is(n, "generator_function_declaration") ||
        is(n, "method_definition") || is(n, "class") || is(n, "class_declaration"))
        return false;
    uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i)
        if (usesArguments(ts_node_named_child(n, i))) return true;
    return false;
}

String* Compiler::moduleSourceText() {
    if (!sourceText_) {
        sourceText_ = vm_.newString(tree_.source());
        keep(Value::object(sourceText_));
    }
    return sourceText_;
}

void Compiler::compileParameters(TSNode params) {
    std::vector<TSNode> ps = namedChildren(params);
    // First pass: one slot per parameter, in order, so arguments land where they belong.
    struct Pending {
        TSNode pattern;
        TSNode defaultValue;
        uint16_t slot;
    };
    std::vector<Pending> pending;
    uint16_t count = 0, formalLength = 0;
    bool sawDefault = false;
    for (size_t i = 0; i < ps.size(); ++i) {
        TSNode p = ps[i];
        if (is(p, "rest_pattern")) {
            if (i + 1 != ps.size()) fail(p, "a rest parameter must be last");
            fn_->proto->fnFlags |= uint8_t(FunctionFlag::HasRest);
            TSNode target = namedChildren(p)[0];
            if (is(target, "identifier")) {
                declareLocal(std::string(text(target)), false, target);
            } else {
                uint16_t slot = hiddenLocal();
                pending.push_back({target, TSNode{}, slot});
            }
            continue;
        }
        count++;
        TSNode target = p, def{};
        if (is(p, "assignment_pattern")) {
            target = field(p, "left");
            def = field(p, "right");
            sawDefault = true;
        }
        if (!sawDefault) formalLength = count;
        if (is(target, "identifier")) {
            uint16_t slot = declareLocal(std::string(text(target)), false, target);
            if (!ts_node_is_null(def)) pending.push_back({TSNode{}, def, slot});
        } else {
            uint16_t slot = hiddenLocal();
            pending.push_back({target, def, slot});
        }
    }
    fn_->proto->numParams = count;
    fn_->proto->formalLength = formalLength;
    for (auto& p : pending) {
        if (!ts_node_is_null(p.defaultValue)) {
            emitOp(Op::GetLocal, p.slot);
            size_t skip = emitJump(Op::JumpIfNotUndefined);
            compileExpression(p.defaultValue);
            patchJump(skip);
            if (ts_node_is_null(p.pattern)) {
                emitOp(Op::SetLocal, p.slot);
                emit(Op::Pop);
                continue;
            }
        } else {
            emitOp(Op::GetLocal, p.slot);
        }
        compileBinding(p.pattern, BindMode::Let);
    }
}

void Compiler::compileFunctionBody(TSNode body, FnKind kind) {
    std::vector<TSNode> stmts = namedChildren(body);
    std::vector<std::pair<std::string, TSNode>> vars;
    for (TSNode s : stmts)
        collectVarNames(s, vars);
    for (auto& [name, at] : vars)
        if (resolveLocal(fn_, name) < 0) {
            uint16_t slot = declareLocal(name, false, at);
            (void)slot; // frames start with every local undefined
        }
    hoistLexicals(stmts);
    hoistFunctions(stmts);
    for (TSNode s : stmts)
        compileStatement(s);
    if (kind == FnKind::Constructor)
        emitOp(Op::GetLocal, 0);
    else
        emit(Op::Undefined);
    emitReturn();
}

void Compiler::emitReturn() {
    if (fn_->isGenerator)
        emitOp(Op::GeneratorReturn, fn_->generatorSlot);
    else
        emit(Op::Return);
}

void Compiler::emitClosure(FunctionProto* proto) {
    emitOp(Op::Closure, constant(Value::object(proto)));
}

// ---------------------------------------------------------------- entry points

// Where a compile error is reported: the module's display path when it has one.
static void fillCompileError(CompileError& error, const SyntaxTree& tree, Module* module,
                             SourcePosition p, std::string message) {
    error.file =
        module && module->displayPath ? std::string(module->displayPath->view()) : tree.path();
    error.line = p.line;
    error.column = p.column;
    error.message = std::move(message);
    error.sourceLine = tree.lineText(p.line);
}

FunctionProto* compileEval(VM& vm, Module* module, const SyntaxTree& tree, CompileError& error) {
    size_t rootsBefore = vm.compilerRoots.size();
    if (auto diag = tree.firstError()) {
        fillCompileError(error, tree, nullptr, diag->position, diag->message);
        return nullptr;
    }
    Compiler compiler(vm, module, tree);
    FunctionProto* proto = nullptr;
    try {
        proto = compiler.compileEvalBody();
    } catch (const CompileFailure& f) {
        fillCompileError(error, tree, nullptr, tree.position(f.node), f.message);
    }
    vm.compilerRoots.resize(rootsBefore);
    return proto;
}

FunctionProto* compileModule(VM& vm, Module* module, const SyntaxTree& tree, CompileError& error,
                             const ModuleCompileOptions& options) {
    size_t rootsBefore = vm.compilerRoots.size();
    if (auto diag = tree.firstError()) {
        fillCompileError(error, tree, module, diag->position, diag->message);
        return nullptr;
    }
    Compiler compiler(vm, module, tree, options);
    FunctionProto* proto = nullptr;
    try {
        proto = compiler.compileModuleBody();
    } catch (const CompileFailure& f) {
        fillCompileError(error, tree, module, tree.position(f.node), f.message);
        vm.compilerRoots.resize(rootsBefore);
        return nullptr;
    }
    module->body = proto;
    vm.compilerRoots.resize(rootsBefore);
    return proto;
}

} // namespace molt
