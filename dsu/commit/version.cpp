#include "dsu/commit/version.h"
#include "runtime/core/private_name.h"

#include "dsu/source/patch_script.h"
#include "runtime/syntax/constructor_function.h"
#include "runtime/syntax/source_text.h"

#include <filesystem>
#include <map>
#include <set>
#include <unordered_set>

namespace fs = std::filesystem;

namespace molt::dsu {

namespace {

std::string rootOf(VM& vm) {
    Module* main = vm.mainModule();
    if (!main || !main->path) return fs::current_path().string();
    return fs::path(std::string(main->path->view())).parent_path().string();
}

std::string relativeTo(const std::string& root, const std::string& path) {
    std::error_code ec;
    fs::path rel = fs::relative(path, root, ec);
    return ec ? path : rel.generic_string();
}

// The top-level class and function declarations of a module, by name, with their text:
// a declaration whose text did not change keeps its live definition.
std::map<std::string, std::string> declarations(const std::string& source) {
    std::map<std::string, std::string> out;
    auto tree = SyntaxTree::parse(source, "");
    for (TSNode s : namedChildren(tree->root()))
        if (is(s, "class_declaration") || is(s, "function_declaration") ||
            is(s, "generator_function_declaration"))
            out[std::string(tree->text(field(s, "name")))] = std::string(tree->text(s));
        else if (is(s, "lexical_declaration") || is(s, "variable_declaration"))
            // `const K = class { ... }`: a class definition too (the compiler's definesClasses)
            for (TSNode d : namedChildren(s))
                if (is(d, "variable_declarator") && is(field(d, "name"), "identifier") &&
                    is(field(d, "value"), "class"))
                    out[std::string(tree->text(field(d, "name")))] = std::string(tree->text(s));
    // A constructor function's class is its declaration and its prototype statements
    // (`P.prototype.m = function …`, `P.prototype = Object.create(S.prototype)`): a changed
    // prototype method is a changed definition even when the function's text is the same.
    for (const ConstructorFunction& cf : readConstructorFunctions(*tree).functions)
        for (TSNode s : cf.statements)
            out[cf.name] += "\n" + std::string(tree->text(s));
    return out;
}

} // namespace

std::function<std::vector<std::string>(const std::string&)> builtinLayouts(VM& vm) {
    return [&vm](const std::string& name) {
        std::vector<std::string> out;
        Value v = vm.global(name);
        if (!isKind(v, ObjKind::Class) || as<Class>(v)->module) return out; // not a built-in
        for (String* f : as<Class>(v)->fields) // a hidden slot (#properties@Error) is no field
            if (!PrivateName::isPrivate(f->view())) out.emplace_back(f->view());
        return out;
    };
}

std::vector<SourceFile> liveSources(VM& vm) {
    std::vector<SourceFile> out;
    std::string root = rootOf(vm);
    for (Module* m : vm.modules()) {
        if (!m->path || m->core) continue; // core modules come with the binary (decision 0009)
        std::string rel = relativeTo(root, std::string(m->path->view()));
        if (rel.rfind("..", 0) == 0) continue; // outside the program's folder
        SourceFile file{rel, m->source};
        if (m->displayPath) file.displayPath = std::string(m->displayPath->view());
        out.push_back(std::move(file));
    }
    return out;
}

Result<std::vector<SourceFile>> readProgram(const std::string& mainPath,
                                            const std::string& mainName) {
    std::vector<SourceFile> files;
    std::error_code ec;
    fs::path main = fs::absolute(mainPath, ec).lexically_normal();
    fs::path root = main.parent_path();
    std::vector<fs::path> pending{main};
    std::set<fs::path> seen{main};
    while (!pending.empty()) {
        fs::path path = pending.front();
        pending.erase(pending.begin());
        SourceText text = readSourceText(path.string());
        if (!text.ok())
            return Error("molt: " + text.describe(path == main ? mainPath : path.string()) + "\n");
        std::string rel =
            path == main && !mainName.empty() ? mainName : relativeTo(root.string(), path.string());
        SourceFile file{rel, std::move(text.text)};
        // As the user names it: the main module as given, the others next to it.
        file.displayPath =
            path == main
                ? mainPath
                : (fs::path(mainPath).parent_path() / relativeTo(root.string(), path.string()))
                      .lexically_normal()
                      .string();
        files.push_back(std::move(file));
        // Its requires, in source order.
        auto tree = SyntaxTree::parse(files.back().text, rel);
        std::vector<TSNode> stack{tree->root()};
        while (!stack.empty()) {
            TSNode n = stack.back();
            stack.pop_back();
            if (is(n, "call_expression") && tree->text(field(n, "function")) == "require") {
                TSNode args = field(n, "arguments");
                auto list = namedChildren(args);
                if (list.size() == 1 && is(list[0], "string")) {
                    std::string_view quoted = tree->text(list[0]);
                    std::string id(quoted.substr(1, quoted.size() - 2));
                    if (id.rfind("./", 0) == 0 || id.rfind("../", 0) == 0) {
                        fs::path base = (path.parent_path() / id).lexically_normal();
                        bool found = false;
                        for (const fs::path& c :
                             {base, fs::path(base.string() + ".js"), base / "index.js"}) {
                            if (!fs::is_regular_file(c, ec)) continue;
                            if (seen.insert(c).second) pending.push_back(c);
                            found = true;
                            break;
                        }
                        if (!found) {
                            SourcePosition at = tree->position(n);
                            return Error(files.back().displayPath + ":" +
                                         std::to_string(at.line) + ":" +
                                         std::to_string(at.column) + ": Cannot find module '" +
                                         id + "'\n    " + tree->lineText(at.line) + "\n");
                        }
                    }
                }
            }
            auto kids = namedChildren(n);
            for (auto it = kids.rbegin(); it != kids.rend(); ++it)
                stack.push_back(*it);
        }
    }
    return files;
}

struct VersionUpdate::State {
    explicit State(VM& vm) : vm(vm) {}
    VM& vm;
    ChangeSet changes;
    std::string script;
    // Where each part of the generated script came from, so that its errors name the source.
    std::vector<PatchLineOrigin> origins;
    std::string scriptLabel;
    std::string located(const std::string& message) const {
        return locateInSource(message, scriptLabel, origins);
    }
    UpdateReport located(UpdateReport report) const {
        report.rollbackReason = located(report.rollbackReason);
        return report;
    }
    std::unique_ptr<Transaction> tx;
    std::vector<std::unique_ptr<Root>> roots; // the staged modules
    bool prepared = false;
};

VersionUpdate::VersionUpdate(VM& vm) : s_(std::make_unique<State>(vm)) {}
VersionUpdate::~VersionUpdate() = default;

const ChangeSet& VersionUpdate::changes() const {
    return s_->changes;
}

const std::string& VersionUpdate::generatedScript() const {
    return s_->script;
}

Result<void> VersionUpdate::prepare(const NewVersion& next, const UserPatch& userPatch) {
    VM& vm = s_->vm;
    if (s_->prepared) return Error("molt: this update was already prepared");
    s_->prepared = true;
    const std::string root = rootOf(vm);
    std::vector<SourceFile> live = liveSources(vm);
    std::map<std::string, Module*> moduleAt;
    for (Module* m : vm.modules())
        if (m->path && !m->core) moduleAt[relativeTo(root, std::string(m->path->view()))] = m;

    DiffOptions options;
    options.oldLabel =
        relativeTo(fs::current_path().string(),
                   vm.mainModule() ? std::string(vm.mainModule()->path->view()) : root);
    options.newLabel = next.label;
    if (!next.oldLabel.empty()) options.oldLabel = next.oldLabel;
    options.builtinFields = builtinLayouts(vm);
    options.liveInstances = [&](const std::string& module, const std::string& cls) -> long {
        auto m = moduleAt.find(module);
        if (m == moduleAt.end()) return -1;
        auto slot = m->second->slotByName.find(cls);
        if (slot == m->second->slotByName.end()) return -1;
        Value v = m->second->slots[slot->second];
        return isKind(v, ObjKind::Class) ? long(allInstances(vm, as<Class>(v)).size()) : -1;
    };
    DiffError diffError;
    if (!diffSources(live, next.files, s_->changes, diffError, options))
        return Error(diffError.message);
    s_->origins.clear();
    s_->script = generatePatchScript(s_->changes, options, &s_->origins);
    s_->scriptLabel = "(patch generated for " + next.label + ")";

    // What changed in each class, for the safe point: a thread inside changed code blocks.
    std::map<std::string, std::set<std::string>> changedMembers;
    for (const Change& c : s_->changes.changes)
        if (c.kind == ChangeKind::MethodChanged || c.kind == ChangeKind::MethodRemoved)
            changedMembers[c.className].insert(c.kind == ChangeKind::MethodRemoved ? c.oldName
                                                                                   : c.name);

    auto& tx = s_->tx;
    tx = std::make_unique<Transaction>(vm, vm.mainModule());
    tx->safePointTimeoutMs = safePointTimeoutMs;
    Module* base = vm.mainModule();
    // Modules a module requires are staged before it (the reverse of the order the program
    // reads them in), so that a new binding importing a class sees the new version's exports.
    struct ClearStaged {
        VM& vm;
        ~ClearStaged() {
            vm.clearStagedExports();
            vm.heap.stopAllocationLog(); // on an early return; a no-op after the hand-over
        }
    } clearStaged{vm};
    // Everything made from here to the last patch is the staged world: the transaction
    // finds the staged code and forwards references among these objects only (no heap walk).
    vm.heap.startAllocationLog();
    std::vector<const SourceFile*> order;
    for (const SourceFile& f : next.files)
        order.insert(order.begin(), &f);
    for (const SourceFile* file : order) {
        const SourceFile& f = *file;
        auto m = moduleAt.find(f.path);
        if (m == moduleAt.end() || m->second->source == f.text) continue;
        Module* liveModule = m->second;
        std::unordered_set<std::string> unchanged;
        auto before = declarations(liveModule->source);
        for (auto& [name, text] : declarations(f.text)) {
            auto b = before.find(name);
            if (b != before.end() && b->second == text) unchanged.insert(name);
        }
        Module* staged = TRY(vm.stageModuleVersion(
            liveModule, f.text, unchanged, f.displayPath.empty() ? f.path : f.displayPath));
        s_->roots.push_back(std::make_unique<Root>(vm.heap, Value::object(staged)));
        vm.stageExports(std::string(liveModule->path->view()), staged->exports);
        tx->adoptVersion(liveModule, staged, changedMembers, &vm.heap.allocationLog());
        if (liveModule == vm.mainModule()) base = staged;
    }

    // The script's code copied from the new version (declared initializers) is compiled as
    // that version's: its traces name the file the user wrote.
    std::vector<SourceOrigin> sourceOrigins;
    for (const PatchLineOrigin& o : s_->origins) {
        sourceOrigins.push_back({o.startByte, o.endByte, o.at.file(), o.at.line, o.at.column});
        for (const PatchLineOrigin::Copy& c : o.copies)
            sourceOrigins.push_back(
                {c.startByte, c.endByte, c.from.file(), c.from.line, c.from.column, true});
    }
    PatchError patchError;
    if (!loadPatch(vm, *tx, s_->scriptLabel, patchError, &s_->script, base, &sourceOrigins))
        return Error(s_->located(patchError.message));
    if (userPatch.present()) {
        const std::string* text = userPatch.text.empty() ? nullptr : &userPatch.text;
        if (!loadPatch(vm, *tx, userPatch.path.empty() ? "patch.js" : userPatch.path, patchError,
                       text, base))
            return Error(patchError.message);
    }
    tx->adoptStagingObjects(vm.heap.stopAllocationLog());
    if (!tx->error().empty()) return Error("molt: " + tx->error());
    return {};
}

UpdateReport VersionUpdate::commit() {
    if (!s_->tx) {
        UpdateReport r;
        r.rollbackReason = "the update was not prepared";
        return r;
    }
    return s_->located(s_->tx->commit());
}

void VersionUpdate::commitAsync(std::function<void(const UpdateReport&)> done) {
    if (!s_->tx) {
        UpdateReport r;
        r.rollbackReason = "the update was not prepared";
        done(r);
        return;
    }
    s_->tx->safePointTimeoutMs = safePointTimeoutMs;
    s_->tx->commitAsync([s = s_.get(), done = std::move(done)](const UpdateReport& report) {
        done(s->located(report));
    });
}

UpdateReport VersionUpdate::dryRun() {
    if (!s_->tx) {
        UpdateReport r;
        r.rollbackReason = "the update was not prepared";
        return r;
    }
    return s_->located(s_->tx->dryRun());
}

bool VersionUpdate::cancel() {
    return s_->tx && s_->tx->cancel();
}

} // namespace molt::dsu
