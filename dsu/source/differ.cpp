// differ.cpp — reads two versions of a program with the shared syntax layer and lists what
// changed between them (differ.h). The script itself is written by patch_writer.cpp.
//
// Texts are compared as token sequences (the leaves of the parse tree, comments skipped),
// so whitespace and comments never count as a change. Each class is read the way the
// compiler reads it (source_model.h): its instance fields by the one layout rule
// (runtime/syntax/class_layout.h), its statics, methods by kind, and the superclass.
//
// Renames are found by substitution. A removed field `a` and an added field `b` of one class
// are a candidate when, after substituting b for a in the old class, (1) the new class no
// longer mentions `a`, (2) every substituted `b` in a member both versions have lines up
// with a `b` of the new version (a longest-common-subsequence alignment of the member's
// tokens: unrelated edits in the same method do not matter, a name substituted in one
// place but not in another does), and (3) the substitution makes at least one member
// identical that was not before. A candidate is taken when it makes more members
// identical than every other candidate sharing one of its names, so two equally good
// pairings are no rename and the result never depends on the order of the search. A class
// rename needs the whole class to be identical modulo its name.
#include "dsu/source/differ.h"
#include "dsu/source/frame_plan.h"
#include "dsu/source/source_model.h"

#include "runtime/core/private_name.h"
#include "runtime/core/vm.h"
#include "runtime/syntax/class_layout.h"
#include "runtime/syntax/constructor_function.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

namespace molt::dsu {

namespace {

using namespace source_model;

// ---------------------------------------------------------------- comparing

std::string changedParts(bool params, bool body) {
    return params && body ? "parameters and body" : params ? "parameters" : "body";
}

std::string plural(long n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

class Differ {
public:
    Differ(const Version& oldV, const Version& newV, const DiffOptions& options,
           std::vector<Change>& out)
        : old_(oldV), new_(newV), options_(options), out_(out) {}

    void run() {
        std::set<std::string> paths;
        for (const ModuleInfo& m : new_.modules)
            paths.insert(m.path);
        for (const ModuleInfo& m : old_.modules)
            paths.insert(m.path);
        for (const std::string& path : paths) {
            const ModuleInfo* o = old_.find(path);
            const ModuleInfo* n = new_.find(path);
            if (o && n)
                diffModule(*o, *n);
            else if (n)
                moduleAdded(*n);
            else
                moduleRemoved(*o);
        }
    }

private:
    const Version& old_;
    const Version& new_;
    const DiffOptions& options_;
    std::vector<Change>& out_;

    Change& add(ChangeKind kind, const std::string& module) {
        Change c{};
        c.kind = kind;
        c.module = module;
        out_.push_back(std::move(c));
        return out_.back();
    }

    std::string removedClassReview(const std::string& module, const std::string& name) {
        std::string migrate = "dsu.migrateInstancesTo(\"" + name + "\", \"Target\", fn)";
        if (!options_.liveInstances)
            return "if any instance of " + name +
                   " is live, the update rolls back unless you "
                   "map them with " +
                   migrate;
        long n = options_.liveInstances(module, name);
        if (n <= 0) return "";
        return plural(n, "live instance", "live instances") +
               ": the update rolls back unless you map them with " + migrate;
    }

    void classAdded(const ModuleInfo& mod, const ClassInfo& c) {
        Change& ch = add(ChangeKind::ClassAdded, mod.path);
        ch.className = ch.name = c.name;
        ch.newAt = ch.classAt = mod.at(c.node);
        ch.policy = "new class";
        ch.detail = c.superName.empty() ? "" : "extends " + c.superName;
    }

    void classRemoved(const ModuleInfo& mod, const ClassInfo& c) {
        Change& ch = add(ChangeKind::ClassRemoved, mod.path);
        ch.className = ch.oldName = ch.name = c.name;
        ch.oldAt = ch.classAt = mod.at(c.node);
        ch.policy = "dropped";
        ch.review = removedClassReview(mod.path, c.name);
        if (options_.liveInstances && ch.review.empty()) ch.detail = "no live instances";
    }

    void moduleAdded(const ModuleInfo& mod) {
        Change& ch = add(ChangeKind::ModuleAdded, mod.path);
        ch.newAt = {mod.path, 1, 1};
        ch.policy = "loaded when first required";
        for (const ClassInfo& c : mod.classes)
            classAdded(mod, c);
    }

    void moduleRemoved(const ModuleInfo& mod) {
        Change& ch = add(ChangeKind::ModuleRemoved, mod.path);
        ch.oldAt = {mod.path, 1, 1};
        ch.policy = "dropped";
        for (const ClassInfo& c : mod.classes)
            classRemoved(mod, c);
    }

    // Old and added classes of one module whose whole text is the same modulo the name.
    // The old name may be reused by an unrelated new class (Job renamed to Task, a new Job
    // declared): the class identical to the old one modulo the name is its new version,
    // unless the class that kept the name is identical to it too.
    std::map<std::string, std::string> classRenames(const ModuleInfo& o, const ModuleInfo& n) {
        std::vector<std::pair<const ClassInfo*, const ClassInfo*>> pairs;
        for (const ClassInfo& oc : o.classes) {
            if (const ClassInfo* same = n.findClass(oc.name); same && same->tokens == oc.tokens)
                continue;
            for (const ClassInfo& nc : n.classes) {
                if (o.findClass(nc.name)) continue;
                Renames r;
                r.identifiers.emplace(oc.name, nc.name);
                if (substitute(oc.tokens, r) == nc.tokens) pairs.emplace_back(&oc, &nc);
            }
        }
        return oneToOne(pairs, [](const ClassInfo* c) { return c->name; });
    }

    // Keeps the pairs whose two sides are in no other pair.
    template<class T, class NameOf>
    static std::map<std::string, std::string> oneToOne(const std::vector<std::pair<T, T>>& pairs,
                                                       NameOf nameOf) {
        std::map<std::string, int> fromCount, toCount;
        for (auto& [a, b] : pairs) {
            fromCount[nameOf(a)]++;
            toCount[nameOf(b)]++;
        }
        std::map<std::string, std::string> out;
        for (auto& [a, b] : pairs)
            if (fromCount[nameOf(a)] == 1 && toCount[nameOf(b)] == 1) out[nameOf(a)] = nameOf(b);
        return out;
    }

    // How well substituting `to` for `from` explains the new class: the number of members
    // the substitution makes identical, or 0 when it is no rename at all — the old name is
    // still used, or a substituted mention does not line up with the new version's.
    static int renameScore(const ClassInfo& oc, const ClassInfo& nc, const Renames& base,
                           const std::string& from, const std::string& to) {
        Renames r = base;
        r.properties[from] = to;
        for (const Member& m : nc.members)
            for (const Token& t : m.tokens)
                if (t.kind == TokenKind::Property && t.text == from) return 0;
        int explained = 0;
        std::vector<bool> inOld, inNew;
        for (const Member& om : oc.members) {
            const Member* nm =
                findMember(nc, std::string(memberKindName(om.kind)) + " " + mappedName(r, om));
            if (!nm) continue;
            Tokens ot = substitute(om.tokens, r);
            if (ot == nm->tokens) {
                if (substitute(om.tokens, base) != nm->tokens) explained++;
                continue;
            }
            align(ot, nm->tokens, inOld, inNew);
            for (size_t i = 0; i < ot.size(); ++i)
                if (ot[i].kind == TokenKind::Property && ot[i].text == to && !inOld[i]) return 0;
        }
        return explained;
    }

    static std::string mappedName(const Renames& r, const Member& m) {
        if (!isField(m.kind)) return m.name;
        auto it = r.properties.find(m.name);
        return it == r.properties.end() ? m.name : it->second;
    }

    static const Member* findMember(const ClassInfo& c, const std::string& key) {
        for (const Member& m : c.members)
            if (m.key == key) return &m;
        return nullptr;
    }

    // The renames among the removed and added fields: a candidate is taken when it explains
    // the new class strictly better than every other candidate sharing one of its names.
    std::map<std::string, std::string> fieldRenames(const ClassInfo& oc, const ClassInfo& nc,
                                                    const Renames& base,
                                                    const std::vector<std::string>& removed,
                                                    const std::vector<std::string>& added) {
        struct Candidate {
            std::string from, to;
            int score;
        };
        std::vector<Candidate> candidates;
        for (const std::string& r : removed)
            for (const std::string& a : added)
                if (PrivateName::isPrivate(r) == PrivateName::isPrivate(a))
                    if (int score = renameScore(oc, nc, base, r, a))
                        candidates.push_back({r, a, score});
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
        std::map<std::string, std::string> out;
        std::set<std::string> used;
        for (const Candidate& c : candidates) {
            if (used.count(c.from) || used.count(c.to)) continue;
            bool best = true;
            for (const Candidate& other : candidates)
                if (&other != &c && (other.from == c.from || other.to == c.to) &&
                    !used.count(other.from) && !used.count(other.to) && other.score >= c.score)
                    best = false;
            if (!best) continue;
            out[c.from] = c.to;
            used.insert(c.from);
            used.insert(c.to);
        }
        return out;
    }

    void classRenamed(const ModuleInfo& o, const ClassInfo& oc, const ModuleInfo& n,
                      const ClassInfo& nc) {
        Change& ch = add(ChangeKind::ClassRenamed, n.path);
        ch.className = ch.name = nc.name;
        ch.oldName = oc.name;
        ch.oldAt = o.at(oc.node);
        ch.newAt = ch.classAt = n.at(nc.node);
        ch.policy = "instances become " + nc.name + " instances";
    }

    void diffModule(const ModuleInfo& o, const ModuleInfo& n) {
        Renames moduleRenames;
        for (auto& [from, to] : classRenames(o, n))
            moduleRenames.identifiers[from] = to;

        // A rename is listed before the class that reuses the old name, whichever comes
        // first in the source: the patch frees the name before it adds the new class.
        std::set<std::string> renameListed;
        auto listRename = [&](const std::string& from) {
            const std::string& to = moduleRenames.identifiers.at(from);
            if (renameListed.insert(from).second)
                classRenamed(o, *o.findClass(from), n, *n.findClass(to));
        };
        for (const ClassInfo& nc : n.classes) {
            if (moduleRenames.identifiers.count(nc.name)) { // the old name, now another class
                listRename(nc.name);
                classAdded(n, nc);
                Change& ch = out_.back();
                ch.detail += std::string(ch.detail.empty() ? "" : "; ") +
                             "reuses the name of the class renamed to " +
                             moduleRenames.identifiers.at(nc.name);
                ch.review = "'" + nc.name + "' now names a different class: the live " + nc.name +
                            " instances become " + moduleRenames.identifiers.at(nc.name) +
                            " instances, and code that names " + nc.name + " gets the new class";
                continue;
            }
            const ClassInfo* oc = o.findClass(nc.name);
            if (!oc) {
                for (auto& [from, to] : moduleRenames.identifiers)
                    if (to == nc.name) {
                        listRename(from);
                        oc = o.findClass(from);
                    }
                if (oc) continue; // identical modulo the name: nothing else changed
            }
            if (!oc) {
                classAdded(n, nc);
                continue;
            }
            diffClass(o, *oc, n, nc, moduleRenames);
        }
        for (const ClassInfo& oc : o.classes)
            if (!n.findClass(oc.name) && !moduleRenames.identifiers.count(oc.name))
                classRemoved(o, oc);

        diffFunctions(o, n, moduleRenames);
        diffBindings(o, n, moduleRenames);
        diffTopLevel(o, n, moduleRenames);
    }

    static std::vector<const Member*> statics(const ClassInfo& c) {
        std::vector<const Member*> out;
        for (const Member& m : c.members)
            if (m.kind == MemberKind::StaticField) out.push_back(&m);
        return out;
    }

    // What happened to the fields of a class in both versions.
    struct ClassPlan {
        std::vector<std::string> removed, added; // instance fields, not counting renames
        std::map<std::string, std::string> renamed, staticRenamed;
        Renames renames; // everything to substitute before comparing the class's members
    };
    std::map<const ClassInfo*, std::map<std::string, std::string>> renamesOf_;
    std::set<const ClassInfo*> planning_;

    ClassPlan planClass(const ModuleInfo& om, const ClassInfo& oc, const ModuleInfo& nm,
                        const ClassInfo& nc, const Renames& moduleRenames) {
        ClassPlan plan;
        plan.renames = moduleRenames;
        // A field an ancestor renamed is renamed in the subclass's methods too.
        planning_.insert(&nc);
        for (const ClassInfo* a : new_.ancestors(nm, nc))
            for (auto& [from, to] : inheritedRenames(*a))
                if (!PrivateName::isPrivate(from)) plan.renames.properties.emplace(from, to);
        planning_.erase(&nc);

        // Instance fields: removed = own in the old version and nowhere in the new layout;
        // added = own in the new version and nowhere in the old layout (a field pulled up
        // into a superclass keeps its values, matched by name).
        std::set<std::string> oldLayout = old_.layout(om, oc), newLayout = new_.layout(nm, nc);
        for (const std::string& f : old_.ownFields(om, oc))
            if (!newLayout.count(f)) plan.removed.push_back(f);
        for (const std::string& f : new_.ownFields(nm, nc))
            if (!oldLayout.count(f)) plan.added.push_back(f);
        std::vector<std::string> staticRemoved, staticAdded;
        for (const Member* m : statics(oc))
            if (!findMember(nc, m->key)) staticRemoved.push_back(m->name);
        for (const Member* m : statics(nc))
            if (!findMember(oc, m->key)) staticAdded.push_back(m->name);

        plan.renamed = fieldRenames(oc, nc, plan.renames, plan.removed, plan.added);
        plan.staticRenamed = fieldRenames(oc, nc, plan.renames, staticRemoved, staticAdded);
        for (auto& [from, to] : plan.renamed)
            plan.renames.properties[from] = to;
        for (auto& [from, to] : plan.staticRenamed)
            plan.renames.properties[from] = to;
        renamesOf_[&nc] = plan.renamed;
        return plan;
    }

    // The field renames of a class of the new version (planned on first use).
    std::map<std::string, std::string> inheritedRenames(const ClassInfo& nc) {
        if (auto it = renamesOf_.find(&nc); it != renamesOf_.end()) return it->second;
        const ModuleInfo* nm = new_.moduleOf(&nc);
        const ModuleInfo* om = nm ? old_.find(nm->path) : nullptr;
        if (!om || planning_.count(&nc)) return {};
        Renames moduleRenames;
        for (auto& [from, to] : classRenames(*om, *nm))
            moduleRenames.identifiers[from] = to;
        const ClassInfo* oc = om->findClass(nc.name);
        if (!oc) return {};
        return planClass(*om, *oc, *nm, nc, moduleRenames).renamed;
    }

    void diffClass(const ModuleInfo& om, const ClassInfo& oc, const ModuleInfo& nm,
                   const ClassInfo& nc, const Renames& moduleRenames) {
        SourceLocation classAt = nm.at(nc.node);
        auto member = [&](ChangeKind kind, const std::string& name) -> Change& {
            Change& ch = add(kind, nm.path);
            ch.className = nc.name;
            ch.name = name;
            ch.classAt = classAt;
            return ch;
        };

        ClassPlan plan = planClass(om, oc, nm, nc, moduleRenames);
        const std::vector<std::string>&removed = plan.removed, &added = plan.added;
        const std::map<std::string, std::string>&renamed = plan.renamed,
                                    &staticRenamed = plan.staticRenamed;
        const Renames& renames = plan.renames;
        std::vector<std::string> newOwn = new_.ownFields(nm, nc);
        std::set<std::string> oldLayout = old_.layout(om, oc), newLayout = new_.layout(nm, nc);

        auto fieldAt = [](const ClassInfo& c, const std::string& name) -> const FieldInfo* {
            for (const FieldInfo& f : c.layout.fields)
                if (f.name == name) return &f;
            return nullptr;
        };
        auto isRenamedTo = [](const std::map<std::string, std::string>& m, const std::string& s) {
            for (auto& [from, to] : m)
                if (to == s) return true;
            return false;
        };

        for (const std::string& to : newOwn)
            for (auto& [from, target] : renamed)
                if (target == to) {
                    Change& ch = member(ChangeKind::FieldRenamed, to);
                    ch.oldName = from;
                    ch.oldAt = om.at(fieldAt(oc, from)->at);
                    ch.newAt = nm.at(fieldAt(nc, to)->at);
                    ch.policy = "rename from " + from;
                }
        for (const std::string& f : added) {
            if (isRenamedTo(renamed, f)) continue;
            const FieldInfo* fi = fieldAt(nc, f);
            Change& ch = member(ChangeKind::FieldAdded, f);
            ch.newAt = nm.at(fi->at);
            if (fi->declared && !ts_node_is_null(fi->value)) {
                ch.newText = nm.text(fi->value);
                ch.newTextAt = nm.at(fi->value);
                bool usesPrivate = false, usesSuper = false;
                for (const Token& t : tokensOf(*nm.tree, fi->value)) {
                    usesPrivate |= t.kind == TokenKind::Property && PrivateName::isPrivate(t.text);
                    usesSuper |= t.kind == TokenKind::Other && t.text == "super";
                }
                bool copyable = !usesPrivate && !usesSuper;
                if (copyable) {
                    ch.policy = "initializer: " + oneLine(ch.newText);
                    ch.detail = "declared with an initializer";
                } else {
                    ch.policy = "undefined";
                    ch.detail = "declared with an initializer that uses private names or super";
                    ch.review = "the initializer of '" + f + "' uses " +
                                (usesPrivate && usesSuper ? "private names and super"
                                 : usesSuper              ? "super"
                                                          : "private names") +
                                " and cannot run outside the class: live instances get "
                                "undefined";
                }
            } else {
                ch.policy = "undefined";
                ch.detail = fi->declared ? "declared without an initializer"
                                         : "assigned by the class's methods";
                ch.review = fi->declared
                                ? "'" + f + "' has no initializer: live instances get undefined"
                                : "'" + f + "' is set by the class's methods (" + ch.newAt.label() +
                                      "), not by an initializer: live instances get undefined";
            }
        }
        for (const std::string& f : removed) {
            if (renamed.count(f)) continue;
            Change& ch = member(ChangeKind::FieldRemoved, f);
            ch.oldName = f;
            ch.oldAt = om.at(fieldAt(oc, f)->at);
            ch.policy = "dropped";
            ch.review = "the values of '" + f + "' in live instances are lost";
            if (!added.empty())
                ch.detail = "not recognized as a rename (declare one with "
                            "dsu.renameInstanceVariable)";
        }

        // Superclass: compared as written, after class renames.
        Tokens oldSuper = substitute(oc.superTokens, renames);
        if (oldSuper != nc.superTokens) {
            Change& ch = member(ChangeKind::SuperclassChanged, nc.name);
            ch.oldAt = om.at(oc.node);
            ch.newAt = classAt;
            ch.oldText = ts_node_is_null(oc.superNode) ? "" : om.text(oc.superNode);
            ch.newText = ts_node_is_null(nc.superNode) ? "" : nm.text(nc.superNode);
            ch.detail = (oc.superName.empty() ? "(none)" : oc.superName) + " -> " +
                        (nc.superName.empty() ? "(none)" : nc.superName);
            ch.policy = "fields matched by name";
            auto names = [](const std::vector<std::string>& fields) {
                std::string out = fields.size() == 1 ? "field " : "fields ";
                for (size_t i = 0; i < fields.size(); ++i)
                    out += (i ? ", '" : "'") + fields[i] + "'";
                return out;
            };
            std::vector<std::string> lost, gained;
            for (const std::string& f : oldLayout)
                if (!newLayout.count(f) && !renamed.count(f) &&
                    std::find(removed.begin(), removed.end(), f) == removed.end())
                    lost.push_back(f);
            for (const std::string& f : newLayout)
                if (!oldLayout.count(f) && !isRenamedTo(renamed, f) &&
                    std::find(added.begin(), added.end(), f) == added.end())
                    gained.push_back(f);
            if (!lost.empty())
                ch.review = "live instances lose inherited " + names(lost) +
                            " (not in the new layout): the values are dropped";
            if (!gained.empty())
                ch.review += std::string(ch.review.empty() ? "" : "; ") +
                             "live instances gain inherited " + names(gained) +
                             ": undefined unless you give a policy with dsu.setFieldPolicy(\"" +
                             nc.name + "\", field, policy)";
        }

        // Methods, in the new source order, then the removed ones in the old order.
        auto isMethod = [](const Member& m) {
            return !isField(m.kind) && m.kind != MemberKind::StaticBlock;
        };
        for (const Member& m : nc.members) {
            if (!isMethod(m)) continue;
            const Member* before = findMember(oc, m.key);
            if (!before) {
                Change& ch = member(ChangeKind::MethodAdded, m.name);
                ch.memberKind = m.kind;
                ch.newAt = nm.at(m.node);
                ch.policy = "new code";
                continue;
            }
            bool params = substitute(before->params, renames) != m.params;
            bool body = substitute(before->body, renames) != m.body;
            if (!params && !body) continue;
            Change& ch = member(ChangeKind::MethodChanged, m.name);
            ch.memberKind = m.kind;
            ch.oldAt = om.at(before->node);
            ch.newAt = nm.at(m.node);
            ch.detail = changedParts(params, body);
            ch.policy = "new code";
            ch.review = framePlanReview(*om.tree, before->node, *nm.tree, m.node, nc.name, m.name);
        }
        for (const Member& m : oc.members) {
            if (!isMethod(m) || findMember(nc, m.key)) continue;
            Change& ch = member(ChangeKind::MethodRemoved, m.name);
            ch.oldName = m.name;
            ch.memberKind = m.kind;
            ch.oldAt = om.at(m.node);
            ch.policy = "dropped";
        }

        // Static fields: a new one runs its initializer once, a kept one keeps its value.
        for (const Member* m : statics(nc))
            for (auto& [from, target] : staticRenamed)
                if (target == m->name) {
                    Change& ch = member(ChangeKind::StaticFieldRenamed, m->name);
                    ch.oldName = from;
                    ch.oldAt = om.at(findMember(oc, "static field " + from)->node);
                    ch.newAt = nm.at(m->node);
                    ch.policy = "rename from " + from;
                }

        for (const Member* m : statics(nc)) {
            if (isRenamedTo(staticRenamed, m->name) || findMember(oc, m->key)) continue;
            Change& ch = member(ChangeKind::StaticFieldAdded, m->name);
            ch.newAt = nm.at(m->node);
            ch.newText = nm.text(m->value);
            ch.policy = "initializer runs once";
        }
        for (const Member* m : statics(oc)) {
            if (staticRenamed.count(m->name) || findMember(nc, m->key)) continue;
            Change& ch = member(ChangeKind::StaticFieldRemoved, m->name);
            ch.oldName = m->name;
            ch.oldAt = om.at(m->node);
            ch.policy = "dropped";
            ch.review = "the live value of static '" + m->name + "' is lost";
        }
        for (const Member* m : statics(nc)) {
            const Member* before = findMember(oc, "static field " + m->name);
            for (auto& [from, to] : staticRenamed)
                if (to == m->name) before = findMember(oc, "static field " + from);
            if (!before || substitute(before->valueTokens, renames) == m->valueTokens) continue;
            Change& ch = member(ChangeKind::StaticInitializerChanged, m->name);
            ch.oldAt = om.at(before->node);
            ch.newAt = nm.at(m->node);
            ch.oldText = om.text(before->value);
            ch.newText = nm.text(m->value);
            ch.policy = "live value kept";
            ch.review = "the initializer of static '" + m->name + "' changed (" +
                        shortText(ch.oldText) + " -> " + shortText(ch.newText) +
                        "); the live value is kept";
        }
        // Static blocks run once, when the class is first defined; an update does not.
        Tokens oldBlocks, newBlocks;
        for (const Member& m : oc.members)
            if (m.kind == MemberKind::StaticBlock) {
                Tokens t = substitute(m.tokens, renames);
                oldBlocks.insert(oldBlocks.end(), t.begin(), t.end());
            }
        TSNode firstNewBlock{};
        for (const Member& m : nc.members)
            if (m.kind == MemberKind::StaticBlock) {
                if (ts_node_is_null(firstNewBlock)) firstNewBlock = m.node;
                newBlocks.insert(newBlocks.end(), m.tokens.begin(), m.tokens.end());
            }
        if (oldBlocks != newBlocks) {
            Change& ch = member(ChangeKind::StaticInitializerChanged, "static {}");
            ch.newAt = nm.at(firstNewBlock);
            ch.detail = "static initialization block";
            ch.policy = "live values kept";
            ch.review = "a static block changed; an update does not run static blocks, so the "
                        "statics keep their live values";
        }
    }

    void diffFunctions(const ModuleInfo& o, const ModuleInfo& n, const Renames& renames) {
        auto find = [](const ModuleInfo& m, const std::string& name) -> const FunctionInfo* {
            for (const FunctionInfo& f : m.functions)
                if (f.name == name) return &f;
            return nullptr;
        };
        for (const FunctionInfo& f : n.functions) {
            const FunctionInfo* before = find(o, f.name);
            if (!before) {
                Change& ch = add(ChangeKind::FunctionAdded, n.path);
                ch.name = f.name;
                ch.newAt = n.at(f.node);
                ch.policy = "new code";
                continue;
            }
            bool params = substitute(before->params, renames) != f.params;
            bool body = substitute(before->body, renames) != f.body;
            if (!params && !body) continue;
            Change& ch = add(ChangeKind::FunctionChanged, n.path);
            ch.name = f.name;
            ch.oldAt = o.at(before->node);
            ch.newAt = n.at(f.node);
            ch.detail = changedParts(params, body);
            ch.policy = "new code";
        }
        for (const FunctionInfo& f : o.functions) {
            if (find(n, f.name)) continue;
            Change& ch = add(ChangeKind::FunctionRemoved, o.path);
            ch.name = ch.oldName = f.name;
            ch.oldAt = o.at(f.node);
            ch.policy = "dropped";
        }
    }

    void diffBindings(const ModuleInfo& o, const ModuleInfo& n, const Renames& renames) {
        auto find = [](const ModuleInfo& m, const std::string& name) -> const BindingInfo* {
            for (const BindingInfo& b : m.bindings)
                if (b.name == name) return &b;
            return nullptr;
        };
        for (const BindingInfo& b : n.bindings) {
            const BindingInfo* before = find(o, b.name);
            if (!before) {
                Change& ch = add(ChangeKind::BindingAdded, n.path);
                ch.name = b.name;
                ch.newAt = n.at(b.at);
                ch.newText = n.text(b.value);
                ch.policy = "initializer runs once";
                continue;
            }
            if (substitute(before->valueTokens, renames) == b.valueTokens) continue;
            Change& ch = add(ChangeKind::BindingInitializerChanged, n.path);
            ch.name = b.name;
            ch.oldAt = o.at(before->at);
            ch.newAt = n.at(b.at);
            ch.oldText = o.text(before->value);
            ch.newText = n.text(b.value);
            ch.policy = "live value kept";
            ch.review = "the initializer of '" + b.name + "' changed (" + shortText(ch.oldText) +
                        " -> " + shortText(ch.newText) + "); the live value is kept";
        }
        for (const BindingInfo& b : o.bindings) {
            if (find(n, b.name)) continue;
            Change& ch = add(ChangeKind::BindingRemoved, o.path);
            ch.name = ch.oldName = b.name;
            ch.oldAt = o.at(b.at);
            ch.oldText = o.text(b.value);
            ch.policy = "dropped";
            ch.review = "the live value of '" + b.name + "' is lost";
        }
    }

    void diffTopLevel(const ModuleInfo& o, const ModuleInfo& n, const Renames& renames) {
        size_t i = 0;
        while (i < o.statements.size() && i < n.statements.size() &&
               substitute(o.statementTokens[i], renames) == n.statementTokens[i])
            ++i;
        if (i == o.statements.size() && i == n.statements.size()) return;
        Change& ch = add(ChangeKind::TopLevelCodeChanged, n.path);
        if (i < o.statements.size()) ch.oldAt = o.at(o.statements[i]);
        if (i < n.statements.size()) ch.newAt = n.at(n.statements[i]);
        ch.detail = plural(long(o.statements.size()), "statement", "statements") + " -> " +
                    plural(long(n.statements.size()), "statement", "statements");
        ch.policy = "not re-run";
    }

    static std::string shortText(const std::string& text) {
        std::string s = oneLine(text);
        if (s.empty()) return "none";
        if (s.size() > 40) s = s.substr(0, 37) + "...";
        return s;
    }
};

} // namespace

std::string oneLine(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool diffSources(const std::vector<SourceFile>& oldFiles, const std::vector<SourceFile>& newFiles,
                 ChangeSet& out, DiffError& error, const DiffOptions& options) {
    out.changes.clear();
    Version oldV, newV;
    if (!parseVersion(oldFiles, false, oldV, error)) return false;
    if (!parseVersion(newFiles, true, newV, error)) return false;
    oldV.builtinFields = newV.builtinFields = options.builtinFields;
    Differ(oldV, newV, options, out.changes).run();
    return true;
}

} // namespace molt::dsu
