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

void Compiler::mark(TSNode n) {
    SourcePosition p = tree_.position(n);
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

void Compiler::emit(Op op) {
    fn_->proto->code.push_back(uint8_t(op));
}
void Compiler::emitByte(uint8_t b) {
    fn_->proto->code.push_back(b);
}
void Compiler::emitShort(uint16_t w) {
    emitByte(uint8_t(w & 0xff));
    emitByte(uint8_t(w >> 8));
}

size_t Compiler::emitJump(Op op) {
    emit(op);
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
    state.proto->file = module_->displayPath;
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
    proto->file = module_->displayPath;
    SourcePosition p = tree_.position(at);
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
        if (state.isGenerator) fail(node, "async generators are not supported");
        if (kind == FnKind::Constructor) fail(node, "Class constructor may not be an async method");
        if (hasChildToken(node, "get") || hasChildToken(node, "set"))
            fail(node, "a getter or setter cannot be async");
        // The body is a generator frame; its start goes to the async driver.
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

// ---------------------------------------------------------------- classes

void Compiler::compileClass(TSNode node, std::string bindingName, bool isDeclaration) {
    TSNode nameNode = field(node, "name");
    std::string name = ts_node_is_null(nameNode) ? bindingName : std::string(text(nameNode));
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
    // The class shape: [name, number of declared fields, declared fields..., written fields...]
    // (class_layout.h). Written fields that are inherited fields or accessors are dropped by
    // Op::Class, which knows the superclass.
    ClassLayout layout = readClassLayout(tree_, node);
    Array* shape = vm_.newArray(uint32_t(layout.fields.size() + 2));
    keep(Value::object(shape));
    vm_.arrayPush(shape, vm_.istr(name));
    vm_.arrayPush(shape, Value::integer(int32_t(layout.declaredCount)));
    for (const LayoutField& f : layout.fields)
        vm_.arrayPush(shape, vm_.istr(memberName(f.nameNode)));
    emitOp(Op::Class, constant(Value::object(shape)));

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
        for (TSNode m : staticMembers) {
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

void Compiler::hoistFunctions(const std::vector<TSNode>& stmts) {
    for (TSNode s : stmts) {
        if (!(is(s, "function_declaration") || is(s, "generator_function_declaration"))) continue;
        std::string name(text(field(s, "name")));
        bool isModuleLevel = fn_->kind == FnKind::Module && fn_->scopeDepth == 0;
        if (!isModuleLevel && resolveLocal(fn_, name) < 0)
            declareLocal(name, false, field(s, "name"));
        else if (!isModuleLevel) {
            // Redeclaring a function in the same scope: reuse the slot.
        }
        FunctionProto* proto = compileFunction(s, FnKind::Function, name);
        emitClosure(proto);
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
        compileExpression(e);
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
                compileClass(value, name, false);
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
    fn_->proto->updatePoints.push_back(std::move(point));
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
    if (!ts_node_is_null(incr)) {
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
    // for await (x of iterable): over a sync iterable (there are no async iterators without
    // Symbol.asyncIterator), each value is awaited. Two awaits per step, and two at the end,
    // are the ticks of the spec's async-from-sync iterator, so the order is node's.
    bool isAwait = hasChildToken(n, "await");
    if (isAwait && !fn_->isAsync)
        fail(n, fn_->kind == FnKind::Module
                    ? "top-level for await...of is not supported (use an async function)"
                    : "for await...of is only valid in async functions");
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
    if (isAwait) {
        mark(n);
        emitYield(); // the value, awaited
        emit(Op::Undefined);
        emitYield();
        emit(Op::Pop);
    }
    compileBinding(field(n, "left"), mode);
    compileStatement(field(n, "body"));
    endScope();
    size_t continueAt = here();
    if (isOf) fn_->proto->forOfBodies.push_back({uint32_t(bodyStart), uint32_t(continueAt), iter});
    emitLoop(loopStart);
    patchJump(exitJump);
    if (isAwait) {
        for (int i = 0; i < 2; ++i) {
            emit(Op::Undefined);
            emitYield();
            emit(Op::Pop);
        }
    }
    popTarget(here(), continueAt);
    endScope();
    exitLoop();
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
            int slot = fn_->targets[--j].iterSlot;
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

bool Compiler::leavingNeedsCode() const {
    return std::any_of(fn_->tries.begin(), fn_->tries.end(),
                       [](const TryRegion& r) { return !ts_node_is_null(r.finallyBody); }) ||
           std::any_of(fn_->targets.begin(), fn_->targets.end(),
                       [](const JumpTarget& t) { return t.iterSlot >= 0; });
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
    }
    if (leavingNeedsCode()) {
        uint16_t slot = hiddenLocal();
        emitOp(Op::SetLocal, slot);
        emit(Op::Pop);
        exitTries(0, 0);
        emitOp(Op::GetLocal, slot);
    }
    mark(n);
    emitReturn();
}

// yield v: the frame suspends with v; next(x) resumes with x as the expression's value,
// throw(e) throws e here, return(r) returns r from here (running the finally blocks).
// yield* it: yields every value of the iterable in turn; the values next() sends are not
// passed on, and the expression's value is undefined (docs/language.md).
void Compiler::compileYield(TSNode n) {
    if (!fn_->isGenerator || fn_->isAsync) fail(n, "yield is only valid in generator functions");
    std::vector<TSNode> cs = namedChildren(n);
    if (!hasChildToken(n, "*")) {
        if (cs.empty())
            emit(Op::Undefined);
        else
            compileExpression(cs[0]);
        mark(n);
        emitYield();
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

// await v: the frame suspends with v (as a yield); the async driver resumes it with v's
// value, or throws v's reason here, one microtask after v settles.
void Compiler::compileAwait(TSNode n) {
    if (!fn_->isAsync) {
        fail(n, fn_->kind == FnKind::Module
                    ? "top-level await is not supported (use an async function)"
                    : "await is only valid in async functions and the top level bodies of modules");
    }
    std::vector<TSNode> cs = namedChildren(n);
    compileExpression(cs[0]);
    mark(n);
    emitYield();
}

void Compiler::emitYield() {
    emitOp(Op::Yield, fn_->generatorSlot);
    size_t toNext = emitJump(Op::ResumeMode);
    // return(r): r is on the stack.
    if (leavingNeedsCode()) {
        uint16_t slot = hiddenLocal();
        emitOp(Op::SetLocal, slot);
        emit(Op::Pop);
        exitTries(0, 0);
        emitOp(Op::GetLocal, slot);
    }
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
