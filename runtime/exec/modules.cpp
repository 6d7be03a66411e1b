// Modules: every file is a module with its own namespace (Module slots), loaded once and
// cached by absolute path. `require` resolves relative paths ("./x", "../x", with or
// without ".js", or a folder's index.js). A cycle sees the partially filled exports of
// the module still being loaded, as in node. A bare name ("fs", "node:fs") is a core
// module (core_modules.h), never a file.
#include "runtime/compiler/compiler.h"
#include "runtime/core/assert.h"
#include "runtime/core/vm.h"
#include "runtime/exec/core_modules.h"
#include "runtime/exec/mop.h"
#include "runtime/exec/scheduler.h"
#include "runtime/syntax/source_text.h"
#include "runtime/syntax/syntax.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace molt {

static std::string displayPathFor(const std::string& absolute) {
    std::error_code ec;
    fs::path rel = fs::relative(absolute, fs::current_path(ec), ec);
    if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) return rel.string();
    return absolute;
}

static Value requireNative(VM& vm, Value, Value* args, int argc);

// Gives a freshly compiled module its five CommonJS bindings (see kModuleParams in
// compiler.cpp), found by name: an overlay module has them at new slots.
static void bindCommonJs(VM& vm, Module* m, const std::string& absolutePath) {
    Record* exports = vm.newRecord();
    m->exports = Value::object(exports);
    Record* moduleRecord = vm.newRecord();
    m->moduleObject = Value::object(moduleRecord);
    vm.recordSet(moduleRecord, vm.names.exports, m->exports);
    auto set = [&](const char* name, Value v) { m->slots[m->slotByName.at(name)] = v; };
    set("exports", m->exports);
    set("module", m->moduleObject);
    set("__dirname", vm.str(fs::path(absolutePath).parent_path().string()));
    set("__filename", vm.str(absolutePath));
    set("require", Value::object(vm.newNative("require", requireNative, 1)));
}

// Loads, compiles and prepares a module; returns the closure of its top-level code, or
// null with either the compile error in `error` or, when the file is no source text,
// `unread` saying why.
static Closure* prepareModule(VM& vm, Module* m, const std::string& absolutePath,
                              CompileError& error, SourceText& unread,
                              const std::string* givenSource = nullptr,
                              const ModuleCompileOptions& options = {}) {
    std::string source;
    if (givenSource) {
        source = *givenSource;
    } else {
        SourceText read = readSourceText(absolutePath);
        if (!read.ok()) {
            unread = std::move(read);
            return nullptr;
        }
        source = std::move(read.text);
    }
    m->source = source;
    auto tree = SyntaxTree::parse(std::move(source), std::string(m->displayPath->view()));
    FunctionProto* proto = compileModule(vm, m, *tree, error, options);
    if (!proto) return nullptr;
    bindCommonJs(vm, m, absolutePath);
    return vm.newClosure(proto);
}

static Module* newModule(VM& vm, const std::string& absolutePath) {
    auto* m = vm.heap.allocate<Module>(ObjKind::Module, vm.moduleClass);
    Root keep(vm.heap, Value::object(m));
    m->path = vm.intern(absolutePath);
    m->displayPath = vm.intern(displayPathFor(absolutePath));
    return m;
}

// Runs a module's top level once: `state` is 1 while it runs (a cycle sees the partial
// exports), back to 0 if it throws (a later require retries), 2 when done.
static Value runModuleBody(VM& vm, Module* m, Closure* body) {
    m->state = 1;
    Value r = vm.call(Value::object(body), m->exports, nullptr, 0);
    if (r.isException()) {
        m->state = 0;
        return r;
    }
    m->state = 2;
    return vm.recordGet(as<Record>(m->moduleObject), vm.names.exports);
}

Value VM::requireModule(const std::string& absolutePath) {
    auto staged = stagedExports_.find(absolutePath);
    if (staged != stagedExports_.end()) return staged->second;
    auto cached = moduleCache_.find(absolutePath);
    if (cached != moduleCache_.end()) {
        Module* m = cached->second;
        return recordGet(as<Record>(m->moduleObject), names.exports);
    }
    Module* m = newModule(*this, absolutePath);
    moduleList_.push_back(m);
    moduleCache_[absolutePath] = m;
    CompileError error;
    SourceText unread;
    Closure* body = prepareModule(*this, m, absolutePath, error, unread);
    if (!body) {
        moduleCache_.erase(absolutePath);
        moduleList_.pop_back();
        if (unread.failure == SourceText::Failure::Unreadable)
            return throwError(errorClass, "Cannot find module '" + absolutePath + "'");
        if (!unread.ok())
            return throwError(errorClass, unread.describe(displayPathFor(absolutePath)));
        // A compile error anywhere ends the program with exit code 2, as for the main module.
        writeErr(error.format());
        requestExit(2);
        return Value::exception();
    }
    return runModuleBody(*this, m, body);
}

Value VM::requireCoreModule(const std::string& name) {
    std::string key = "node:" + name;
    auto cached = moduleCache_.find(key);
    if (cached != moduleCache_.end())
        return recordGet(as<Record>(cached->second->moduleObject), names.exports);
    Module* m = newModule(*this, key);
    Root keep(heap, Value::object(m));
    m->core = true;
    if (CoreModuleInstaller install = nativeCoreModule(name)) {
        Value exports = install(*this);
        if (exports.isException()) return exports;
        Root keepExports(heap, exports);
        m->exports = exports;
        Record* moduleRecord = newRecord();
        m->moduleObject = Value::object(moduleRecord);
        recordSet(moduleRecord, names.exports, exports);
        m->state = 2;
        moduleList_.push_back(m);
        moduleCache_[key] = m;
        return exports;
    }
    const std::string_view* source = hostedCoreModuleSource(name);
    MOLT_ASSERT(source);
    moduleList_.push_back(m);
    moduleCache_[key] = m;
    CompileError error;
    SourceText unread;
    std::string text(*source);
    Closure* body = prepareModule(*this, m, key, error, unread, &text);
    if (!body) {
        // The sources are part of the binary and its tests compile each of them.
        moduleCache_.erase(key);
        moduleList_.pop_back();
        writeErr(error.format());
        requestExit(2);
        return Value::exception();
    }
    return runModuleBody(*this, m, body);
}

static Value requireNative(VM& vm, Value, Value* args, int argc) {
    if (argc < 1 || !isString(args[0]))
        return vm.throwTypeError("The \"id\" argument must be of type string");
    std::string id(asString(args[0])->view());
    std::string dir;
    Module* caller = nullptr;
    if (Thread* th = vm.currentThread(); th && !th->frames.empty()) {
        caller = th->frames.back().closure->proto->module;
        if (caller && caller->path && !caller->core)
            dir = fs::path(std::string(caller->path->view())).parent_path().string();
    }
    std::string core = coreModuleName(id, caller && caller->core);
    if (!core.empty()) return vm.requireCoreModule(core);
    if (dir.empty()) dir = fs::current_path().string();
    if (!(id.rfind("./", 0) == 0 || id.rfind("../", 0) == 0 || id.rfind("/", 0) == 0))
        return vm.throwError(vm.errorClass,
                             "Cannot find module '" + id + "' (only relative paths are supported)");
    fs::path base = fs::path(id).is_absolute() ? fs::path(id) : fs::path(dir) / id;
    base = base.lexically_normal();
    for (const fs::path& candidate : {base, fs::path(base.string() + ".js"), base / "index.js"}) {
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec))
            return vm.requireModule(fs::absolute(candidate).lexically_normal().string());
    }
    return vm.throwError(vm.errorClass, "Cannot find module '" + id + "'");
}

std::string VM::describeAtThrowSite(Value exception) {
    Root keep(heap, exception);
    std::string text = describeUncaught(exception);
    // "Uncaught TypeError: msg\n    at f (patch.js:3:5)" -> "patch.js:3:5: TypeError: msg"
    const std::string prefix = "Uncaught ";
    size_t at = text.find("\n    at ");
    std::string head = text.substr(0, at);
    if (head.rfind(prefix, 0) == 0) head = head.substr(prefix.size());
    while (!head.empty() && head.back() == '\n')
        head.pop_back();
    if (at != std::string::npos) {
        // "    at fn (file:line:col)": the location is inside the line's last parentheses.
        size_t lineEnd = text.find('\n', at + 1);
        if (lineEnd == std::string::npos) lineEnd = text.size();
        size_t close = text.rfind(')', lineEnd);
        size_t open =
            close == std::string::npos || close < at ? std::string::npos : text.rfind(" (", close);
        if (open != std::string::npos && open > at)
            return text.substr(open + 2, close - open - 2) + ": " + head;
    }
    return head;
}

Result<Module*> VM::stageModuleVersion(Module* live, const std::string& source,
                                       const std::unordered_set<std::string>& unchanged,
                                       const std::string& displayPath) {
    Module* staged = cloneNamespace(*this, live);
    Root keep(heap, Value::object(staged));
    staged->source = source;
    // Messages about the new version name its file; the live module keeps its own name
    // (replaceNamespace does not copy it).
    staged->displayPath = intern(displayPath);
    auto tree = SyntaxTree::parse(source, displayPath);
    CompileError compileError;
    ModuleCompileOptions options;
    options.mode = ModuleCompileOptions::Mode::NextVersion;
    options.unchanged = &unchanged;
    FunctionProto* proto = compileModule(*this, staged, *tree, compileError, options);
    if (!proto) return Error(compileError.format());
    Root keepProto(heap, Value::object(proto));
    // Its own `module` record: `module.exports = ...` of the new version lands there.
    Record* moduleRecord = newRecord();
    staged->moduleObject = Value::object(moduleRecord);
    recordSet(moduleRecord, names.exports, live->exports);
    staged->slots[staged->slotByName.at("module")] = staged->moduleObject;
    Closure* body = newClosure(proto);
    Root keepBody(heap, Value::object(body));
    Value r = call(Value::object(body), staged->exports, nullptr, 0);
    staged->exports = recordGet(moduleRecord, names.exports);
    if (r.isException())
        return Error(exitRequested() ? std::string(live->displayPath->view()) +
                                           ": the new version exited while its definitions ran"
                                     : describeAtThrowSite(takePendingException()));
    return staged;
}

Result<Value> VM::loadDetachedModule(const std::string& path, const std::string& source,
                                     Module* base, Module** out,
                                     const std::vector<SourceOrigin>* origins) {
    std::error_code ec;
    std::string absolute = fs::absolute(path, ec).lexically_normal().string();
    Module* m;
    m = base ? cloneNamespace(*this, base) : newModule(*this, absolute);
    Root keep(heap, Value::object(m));
    if (base) {
        m->path = intern(absolute);
        m->displayPath = intern(displayPathFor(absolute));
    }
    if (out) *out = m;
    CompileError compileError;
    SourceText unread;
    ModuleCompileOptions options;
    if (base) options.mode = ModuleCompileOptions::Mode::Overlay;
    options.origins = origins;
    Closure* body = prepareModule(*this, m, absolute, compileError, unread, &source, options);
    if (!body) return Error(compileError.format());
    Root keepBody(heap, Value::object(body));
    m->state = 1;
    Value r = call(Value::object(body), m->exports, nullptr, 0);
    if (r.isException())
        return Error(exitRequested() ? path + ": exited while loading"
                                     : describeAtThrowSite(takePendingException()));
    m->state = 2;
    return recordGet(as<Record>(m->moduleObject), names.exports);
}

int VM::runTopLevel(const std::string& path, const std::vector<std::string>& argv) {
    return startMain(path, argv, nullptr);
}

int VM::runSource(const std::string& path, const std::string& source) {
    int code = startMain(path, {}, &source);
    if (code != 0) return code;
    return runEventLoop();
}

int VM::startMain(const std::string& path, const std::vector<std::string>& argv,
                  const std::string* source) {
    std::error_code ec;
    std::string absolute = fs::absolute(path, ec).lexically_normal().string();
    scriptPath = absolute;
    scriptArgs = argv;
    Module* m = newModule(*this, absolute);
    moduleList_.push_back(m);
    moduleCache_[absolute] = m;
    mainModule_ = m;
    CompileError error;
    SourceText unread;
    Closure* body = prepareModule(*this, m, absolute, error, unread, source);
    if (!body) {
        if (!unread.ok())
            writeErr("molt: " + unread.describe(path) + "\n");
        else
            writeErr(error.format());
        return 2;
    }
    m->state = 1;
    // The main module's top level runs as the first green thread, so it can sleep, yield
    // and be preempted like any other thread.
    Root keep(heap, Value::object(body));
    mainThread_ = scheduler_->spawn(Value::object(body), m->exports);
    return 0;
}

int VM::runUntilTopLevelDone() {
    Thread* main = mainThread_;
    int code = scheduler_->runUntil([main] { return main->state == ThreadState::Finished; });
    if (exitRequested_) return exitCode_;
    if (mainModule_ && mainThread_->state == ThreadState::Finished) mainModule_->state = 2;
    return code;
}

Result<Value> VM::evaluate(Module* module, const std::string& expression, const std::string& file) {
    Result<Value> closure = compileExpression(module, expression, file);
    if (!closure) return closure;
    Root keep(heap, closure.value());
    return call(closure.value(), module->exports, nullptr, 0);
}

Result<Value> VM::compileExpression(Module* module, const std::string& expression,
                                    const std::string& file, uint32_t firstLine) {
    auto tree = SyntaxTree::parse(expression, file, firstLine);
    CompileError error;
    FunctionProto* proto = compileEval(*this, module, *tree, error);
    if (!proto) return Error(error.format());
    Root keepProto(heap, Value::object(proto));
    return Value::object(newClosure(proto));
}

Result<Value> VM::compileGuardedExpression(Module* module, const std::string& expression,
                                           const std::vector<std::string>& params,
                                           const std::string& file) {
    if (Result<Value> alone = compileExpression(module, expression, file); !alone) return alone;
    std::string list;
    for (const std::string& p : params)
        list += (list.empty() ? "" : ", ") + p;
    std::string wrapper = "(function (" + list + ") { try { return [true, (\n" + expression +
                          "\n)]; } catch (e) { return [false, e]; } })";
    // The expression starts a line of its own, numbered 1, so a trace's line:col are the
    // user's.
    Result<Value> maker = compileExpression(module, wrapper, file, 0);
    if (!maker) return maker;
    Value fn = call(maker.value(), module->exports, nullptr, 0);
    if (fn.isException()) { // only out of memory can do that: the exception is not the program's
        Value exc = takePendingException();
        Root keep(heap, exc);
        return Error("the expression could not start: " + describeAtThrowSite(exc));
    }
    return fn;
}

int VM::runEventLoop() {
    int code = scheduler_->run();
    if (mainModule_) mainModule_->state = 2;
    if (exitRequested_) return exitCode_;
    // The program ended by itself: process.exitCode is its code, and 'exit' listeners run.
    if (code == 0) {
        Value exitCode = getProperty(global("process"), intern("exitCode"));
        if (exitCode.isException()) takePendingException();
        if (exitCode.isNumber()) code = toInt32(exitCode.asNumber());
    }
    return emitProcessExit(*this, code);
}

int VM::runMain(const std::string& path, const std::vector<std::string>& argv) {
    int code = runTopLevel(path, argv);
    if (code != 0) return code;
    return runEventLoop();
}

} // namespace molt
