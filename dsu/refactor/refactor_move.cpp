// refactor_move.cpp — refactorings that move members between classes: push up / pull down,
// change and extract superclass (and its inverse, inline superclass), split class (and its
// inverse, merge class). Members move as whole lines with their leading comments
// (refactor_model.h), re-indented to their new class.
//
// State: a field that moves keeps every live value, because the patch registers a field
// policy reading the old object on each class whose instances held it (a policy registered
// on a superclass would otherwise give them its initializer). A class that loses a field
// drops its values (said in the patch); a class that gains one gives live instances the
// initializer's value.
#include "dsu/refactor/refactor_internal.h"
#include "runtime/core/private_name.h"

#include <algorithm>

namespace molt::dsu::refactoring {

namespace {

std::string textOf(const Module& m, LineRange r) {
    return m.text().substr(r.start, r.end - r.start);
}

// The member's lines, re-indented for class `to`.
std::string movedLines(const Module& from, const ClassDecl& fc, TSNode member, const Module& toM,
                       const ClassDecl& to) {
    return reindent(textOf(from, memberLines(from, member)), memberIndent(from, fc),
                    memberIndent(toM, to));
}

void keepPolicy(Context& cx, const std::string& cls, const std::string& f) {
    cx.call("dsu.setFieldPolicy(" + jsonQuoted(cls) + ", " + jsonQuoted(f) +
            ", (oldObj) => oldObj." + f + ");");
}

bool usesSuper(const Module& m, TSNode n) {
    bool found = false;
    walk(n, [&](TSNode k) { found = found || is(k, "super"); });
    return found;
}

bool usesPrivate(const Module& m, TSNode n) {
    bool found = false;
    walk(n, [&](TSNode k) { found = found || is(k, "private_property_identifier"); });
    (void)m;
    return found;
}

// `this.x` in `member` naming something `allowed` does not accept.
std::vector<SourceSite> foreignThisUses(const Program& p, const Module& m, TSNode member,
                                        const std::function<bool(const std::string&)>& allowed) {
    std::vector<SourceSite> out;
    walk(member, [&](TSNode n) {
        if (!is(n, "member_expression") || !is(field(n, "object"), "this")) return;
        ThisBinding tb = p.thisAt(m, n);
        if (!tb.cls || tb.staticSide) return;
        std::string name(m.of(field(n, "property")));
        if (!allowed(name)) out.push_back(p.site(m, field(n, "property")));
    });
    return out;
}

// Whether class k (or an ancestor) answers `name` on its instance side.
bool answers(const Program& p, const ClassDecl& k, const std::string& name) {
    if (p.hasInstanceField(k, name)) return true;
    std::vector<const ClassDecl*> chain = p.ancestors(k);
    chain.insert(chain.begin(), &k);
    for (const ClassDecl* c : chain)
        if (const MemberDecl* m = c->member(name, false); m && m->isMethodLike()) return true;
    return false;
}

TSNode statementOf(const ClassDecl& c) {
    return is(c.node, "class_declaration") ? c.node : ts_node_parent(ts_node_parent(c.node));
}

// Makes `c` extend `superText` ("" for none), editing its `extends` clause.
void setExtends(Context& cx, const ClassDecl& c, const std::string& superText) {
    const Module& m = cx.moduleOf(c);
    if (ts_node_is_null(c.heritage)) {
        if (!superText.empty())
            cx.edits.insert(m, ts_node_end_byte(c.nameNode), " extends " + superText);
    } else if (superText.empty()) {
        cx.edits.replace(m, ts_node_end_byte(c.nameNode), ts_node_end_byte(c.heritage), "");
    } else {
        cx.edits.replace(m, c.superExpr, superText);
    }
}

const MemberDecl* needMethod(Context& cx, const ClassDecl& c, const std::string& name) {
    const MemberDecl* m = c.anyMember(name);
    if (m && m->isMethodLike() && m->kind != MemberKind::Constructor) return m;
    cx.failAt(cx.moduleOf(c), c.nameNode, "class " + c.name + " has no method '" + name + "'");
    return nullptr;
}

const MemberDecl* needDeclaredField(Context& cx, const ClassDecl& c, const std::string& name,
                                const char* doing) {
    const MemberDecl* m = c.member(name, false);
    if (m && m->kind == MemberKind::Field) {
        if (PrivateName::isPrivate(name)) {
            cx.failAt(cx.moduleOf(c), m->nameNode,
                      "private field '" + name +
                          "' cannot move: a private name is visible only "
                          "in its own class");
            return nullptr;
        }
        return m;
    }
    if (c.declaresField(name))
        cx.failAt(cx.moduleOf(c), c.nameNode,
                  "field '" + name + "' of " + c.name +
                      " is only assigned in methods; declare it (" + name + ";) to " + doing +
                      " it");
    else
        cx.failAt(cx.moduleOf(c), c.nameNode, "class " + c.name + " has no field '" + name + "'");
    return nullptr;
}

// Inserts several fields (and methods) into c at once, so their order is kept.
void insertMembers(Context& cx, const ClassDecl& c, const std::string& fieldLines,
                   const std::vector<std::string>& methodLines) {
    const Module& m = cx.moduleOf(c);
    if (!fieldLines.empty()) insertField(cx.edits, m, c, fieldLines);
    if (methodLines.empty()) return;
    std::string all;
    for (const std::string& l : methodLines)
        all += (all.empty() ? "" : "\n") + l;
    insertMethod(cx.edits, m, c, all);
}

// A class declaration to insert before `before` (above its leading comments).
std::string classText(const std::string& name, const std::string& superText,
                      const std::string& fieldLines, const std::vector<std::string>& methodLines) {
    std::string s = "class " + name + (superText.empty() ? "" : " extends " + superText) + " {\n";
    s += fieldLines;
    for (size_t i = 0; i < methodLines.size(); ++i)
        s += (i > 0 || !fieldLines.empty() ? "\n" : "") + methodLines[i];
    return s + "}\n\n";
}

} // namespace

// ---------------------------------------------------------------- push up / pull down field

bool pushUpField(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string name = cx.arg(1);
    const Program& p = cx.program;
    const MemberDecl* decl = needDeclaredField(cx, *c, name, "push up");
    if (!decl) return false;
    const ClassDecl* s = p.superOf(*c);
    if (!s)
        return cx.failAt(cx.moduleOf(*c), c->nameNode,
                         "class " + c->name + " has no superclass in the program to push '" + name +
                             "' up to");
    if (const MemberDecl* clash = s->anyMember(name))
        return cx.failAt(cx.moduleOf(*s), clash->nameNode,
                         "'" + name + "' is already a member of " + s->name);
    if (p.hasInstanceField(*s, name))
        return cx.failAt(cx.moduleOf(*s), s->nameNode,
                         "'" + name + "' is already a field of " + s->name);
    const Module& cm = cx.moduleOf(*c);
    std::string text(cm.of(decl->node));
    std::vector<const ClassDecl*> holders;
    for (const ClassDecl* sib : p.subclasses(*s)) {
        const MemberDecl* d = sib->member(name, false);
        if (!d || d->kind != MemberKind::Field) continue;
        if (cx.moduleOf(*sib).of(d->node) != text)
            return cx.failAt(cx.moduleOf(*sib), d->node,
                             sib->name + " declares '" + name + "' differently from " + c->name +
                                 "; make the declarations equal first");
        holders.push_back(sib);
        LineRange r = removalRange(cx.moduleOf(*sib), *sib, d->node);
        cx.edits.replace(cx.moduleOf(*sib), r.start, r.end, "");
    }
    insertField(cx.edits, cx.moduleOf(*s), *s, movedLines(cm, *c, decl->node, cx.moduleOf(*s), *s));
    TSNode value = field(decl->node, "value");
    if (ts_node_is_null(value)) {
        cx.comment("Instances of " + s->name + " and of its other subclasses get undefined.");
        cx.call("dsu.addInstanceVariable(" + jsonQuoted(s->name) + ", " + jsonQuoted(name) + ");");
    } else {
        cx.comment("Instances of " + s->name +
                   " and of its other subclasses get the initializer's value;");
        cx.call("dsu.setFieldPolicy(" + jsonQuoted(s->name) + ", " + jsonQuoted(name) +
                ", dsu.initializer(function () { return " + std::string(cm.of(value)) + "; }));");
    }
    cx.comment("live instances of the classes that declared it keep theirs.");
    for (const ClassDecl* h : holders)
        keepPolicy(cx, h->name, name);
    cx.out.summary = "Pushed field " + name + " up from " + c->name + " to " + s->name + ".";
    cx.out.inverse = {"pull-down-field", {s->name, name}, {}};
    return true;
}

bool pullDownField(Context& cx) {
    const ClassDecl* s = cx.needClass(cx.arg(0));
    if (!s) return false;
    const std::string name = cx.arg(1);
    const Program& p = cx.program;
    const MemberDecl* decl = needDeclaredField(cx, *s, name, "pull down");
    if (!decl) return false;
    const Module& sm = cx.moduleOf(*s);
    std::vector<const ClassDecl*> subs = p.subclasses(*s);
    if (subs.empty())
        return cx.failAt(sm, s->nameNode,
                         "class " + s->name + " has no subclasses to pull '" + name + "' down to");
    std::vector<SourceSite> uses;
    for (TSNode n : thisAccessesIn(p, *s, name))
        uses.push_back(p.site(sm, n));
    if (!uses.empty())
        return cx.failWithUses("field '" + name + "' is used by " + s->name +
                                   "'s own methods; it cannot leave " + s->name + ":",
                               uses);
    LineRange r = removalRange(sm, *s, decl->node);
    cx.edits.replace(sm, r.start, r.end, "");
    std::vector<std::string> names;
    for (const ClassDecl* sub : subs) {
        if (sub->member(name, false)) continue; // it declares its own
        insertField(cx.edits, cx.moduleOf(*sub), *sub,
                    movedLines(sm, *s, decl->node, cx.moduleOf(*sub), *sub));
        names.push_back(sub->name);
    }
    cx.comment("Live instances of " + s->name + " itself drop '" + name +
               "'; the subclasses' keep it.");
    for (const ClassDecl* sub : subs)
        keepPolicy(cx, sub->name, name);
    cx.out.summary =
        "Pulled field " + name + " down from " + s->name + " to " + joinList(names) + ".";
    cx.out.inverse = {"push-up-field", {subs.front()->name, name}, {}};
    return true;
}

// ---------------------------------------------------------------- push up / pull down method

bool pushUpMethod(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string name = cx.arg(1);
    const Program& p = cx.program;
    const MemberDecl* m = needMethod(cx, *c, name);
    if (!m) return false;
    const ClassDecl* s = p.superOf(*c);
    const Module& cm = cx.moduleOf(*c);
    if (!s)
        return cx.failAt(cm, c->nameNode,
                         "class " + c->name + " has no superclass in the program to push '" + name +
                             "' up to");
    if (const MemberDecl* clash = s->member(name, m->isStatic()))
        return cx.failAt(cx.moduleOf(*s), clash->nameNode,
                         s->name + " already defines '" + name + "'; remove or rename one first");
    if (usesPrivate(cm, m->node))
        return cx.failAt(cm, m->nameNode,
                         "method '" + name + "' uses private names of " + c->name + ", which " +
                             s->name + " cannot see");
    if (usesSuper(cm, m->node))
        return cx.failAt(cm, m->nameNode,
                         "method '" + name + "' calls super: in " + s->name +
                             " that would mean another method");
    if (!m->isStatic()) {
        std::vector<SourceSite> foreign = foreignThisUses(
            p, cm, m->node, [&](const std::string& x) { return answers(p, *s, x); });
        if (!foreign.empty())
            return cx.failWithUses("method '" + name + "' uses members " + s->name +
                                       " does not have; push them up first:",
                                   foreign);
    }
    std::string text(cm.of(m->node));
    std::vector<const ClassDecl*> from;
    for (const ClassDecl* sib : p.subclasses(*s)) {
        const MemberDecl* d = sib->member(name, m->isStatic());
        if (!d || cx.moduleOf(*sib).of(d->node) != text) continue;
        from.push_back(sib);
        LineRange r = removalRange(cx.moduleOf(*sib), *sib, d->node);
        cx.edits.replace(cx.moduleOf(*sib), r.start, r.end, "");
    }
    insertMethod(cx.edits, cx.moduleOf(*s), *s, movedLines(cm, *c, m->node, cx.moduleOf(*s), *s));
    cx.comment("Code only: live instances keep their state; the method is now inherited.");
    cx.call("dsu.addMethod(" + jsonQuoted(s->name) + ", " + jsonQuoted(name) +
            methodKindArgument(m->kind) + ");");
    for (const ClassDecl* k : from)
        cx.call("dsu.removeMethod(" + jsonQuoted(k->name) + ", " + jsonQuoted(name) +
                methodKindArgument(m->kind) + ");");
    cx.out.summary = "Pushed method " + name + " up from " + c->name + " to " + s->name + ".";
    cx.out.inverse = {"pull-down-method", {s->name, name}, {}};
    return true;
}

bool pullDownMethod(Context& cx) {
    const ClassDecl* s = cx.needClass(cx.arg(0));
    if (!s) return false;
    const std::string name = cx.arg(1);
    const Program& p = cx.program;
    const MemberDecl* m = needMethod(cx, *s, name);
    if (!m) return false;
    const Module& sm = cx.moduleOf(*s);
    std::vector<const ClassDecl*> subs = p.subclasses(*s);
    if (subs.empty())
        return cx.failAt(sm, s->nameNode,
                         "class " + s->name + " has no subclasses to pull '" + name + "' down to");
    if (usesSuper(sm, m->node))
        return cx.failAt(sm, m->nameNode,
                         "method '" + name +
                             "' calls super: in a subclass that "
                             "would mean another method");
    if (usesPrivate(sm, m->node))
        return cx.failAt(sm, m->nameNode,
                         "method '" + name + "' uses private names of " + s->name +
                             ", which its subclasses cannot see");
    std::vector<SourceSite> uses;
    for (TSNode n : thisAccessesIn(p, *s, name))
        uses.push_back(p.site(sm, n));
    if (!uses.empty())
        return cx.failWithUses("method '" + name + "' is used by " + s->name +
                                   "'s own methods; it cannot leave " + s->name + ":",
                               uses);
    LineRange r = removalRange(sm, *s, m->node);
    cx.edits.replace(sm, r.start, r.end, "");
    cx.comment("Code only: live instances keep their state; instances of " + s->name +
               " itself no longer answer '" + name + "'.");
    cx.call("dsu.removeMethod(" + jsonQuoted(s->name) + ", " + jsonQuoted(name) +
            methodKindArgument(m->kind) + ");");
    std::vector<std::string> names;
    for (const ClassDecl* sub : subs) {
        if (sub->member(name, m->isStatic())) continue; // it overrides
        insertMethod(cx.edits, cx.moduleOf(*sub), *sub,
                     movedLines(sm, *s, m->node, cx.moduleOf(*sub), *sub));
        cx.call("dsu.addMethod(" + jsonQuoted(sub->name) + ", " + jsonQuoted(name) +
                methodKindArgument(m->kind) + ");");
        names.push_back(sub->name);
    }
    cx.out.summary =
        "Pulled method " + name + " down from " + s->name + " to " + joinList(names) + ".";
    cx.out.inverse = {"push-up-method", {subs.front()->name, name}, {}};
    return true;
}

// ---------------------------------------------------------------- change superclass

bool changeSuperclass(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const Program& p = cx.program;
    const Module& cm = cx.moduleOf(*c);
    const std::string target = cx.arg(1);
    const ClassDecl* s = nullptr;
    if (target != "-") {
        s = cx.needClass(target);
        if (!s) return false;
        if (s == c) return cx.failAt(cm, c->nameNode, "a class cannot extend itself");
        std::vector<const ClassDecl*> below = p.descendants(*c);
        if (std::find(below.begin(), below.end(), s) != below.end())
            return cx.failAt(cx.moduleOf(*s), s->nameNode,
                             s->name + " is a subclass of " + c->name + ": that would be a cycle");
        if (s->module != c->module) {
            bool visible = false;
            walk(cm.tree->root(), [&](TSNode n) {
                visible =
                    visible ||
                    ((is(n, "identifier") || is(n, "shorthand_property_identifier_pattern")) &&
                     cm.of(n) == s->name);
            });
            if (!visible)
                return cx.failAt(cm, c->nameNode,
                                 s->name + " is not visible in " + cm.path +
                                     "; require it there first");
        }
    }
    std::string oldSuper = ts_node_is_null(c->superExpr) ? "" : std::string(cm.of(c->superExpr));
    if (oldSuper == (s ? s->name : ""))
        return cx.failAt(cm, c->nameNode,
                         c->name + " already extends " + (s ? s->name : "nothing"));
    if (!s) {
        std::vector<SourceSite> supers;
        walk(c->body, [&](TSNode n) {
            if (is(n, "super")) supers.push_back(p.site(cm, n));
        });
        if (!supers.empty())
            return cx.failWithUses(c->name + " uses super; remove those uses first:", supers);
    }
    // Fields the class would lose: refused while its own code uses them.
    std::vector<std::string> lost;
    std::vector<SourceSite> lostUses;
    std::vector<std::string> gained = s ? p.layout(*s) : std::vector<std::string>{};
    for (const ClassDecl* a : p.ancestors(*c))
        for (const std::string& f : p.layout(*a)) {
            if (std::find(gained.begin(), gained.end(), f) != gained.end() ||
                std::find(lost.begin(), lost.end(), f) != lost.end() || c->declaresField(f))
                continue;
            lost.push_back(f);
            for (const ClassDecl* k : [&] {
                     std::vector<const ClassDecl*> ks = p.descendants(*c);
                     ks.insert(ks.begin(), c);
                     return ks;
                 }())
                for (TSNode n : thisAccessesIn(p, *k, f))
                    lostUses.push_back(p.site(cx.moduleOf(*k), n));
        }
    if (!lostUses.empty())
        return cx.failWithUses(c->name + " would lose inherited fields its code uses:", lostUses);
    setExtends(cx, *c, s ? s->name : "");
    cx.comment("Fields are matched by name over the whole new layout: every field both layouts");
    cx.comment("have keeps its value in every live " + c->name + " (and subclass instance).");
    if (!lost.empty()) cx.comment("Dropped with the old superclass: " + joinList(lost) + ".");
    cx.call("dsu.changeSuperclass(" + jsonQuoted(c->name) + ", " +
            (s ? jsonQuoted(s->name) : "null") + ");");
    std::vector<std::string> before = p.layout(*c);
    for (const std::string& f : before)
        if (std::find(lost.begin(), lost.end(), f) == lost.end()) keepPolicy(cx, c->name, f);
    // Fields gained from the new superclass: what a new instance would get.
    std::vector<const ClassDecl*> above;
    if (s) {
        above = p.ancestors(*s);
        above.insert(above.begin(), s);
    }
    for (const std::string& f : gained) {
        if (std::find(before.begin(), before.end(), f) != before.end()) continue;
        TSNode value{};
        const ClassDecl* from = nullptr;
        for (const ClassDecl* a : above)
            if (const MemberDecl* d = a->member(f, false); d && d->kind == MemberKind::Field && !from) {
                from = a;
                value = field(d->node, "value");
            }
        if (!from || ts_node_is_null(value)) {
            cx.comment("Gained from " + (from ? from->name : s->name) + ": '" + f +
                       "' is undefined in live instances.");
            continue;
        }
        cx.comment("Gained from " + from->name + ": live instances get '" + f +
                   "' from its initializer.");
        cx.call("dsu.setFieldPolicy(" + jsonQuoted(c->name) + ", " + jsonQuoted(f) +
                ", dsu.initializer(function () { return " +
                std::string(cx.moduleOf(*from).of(value)) + "; }));");
    }
    cx.out.summary = c->name + " now extends " + (s ? s->name : "nothing") + " (was " +
                     (oldSuper.empty() ? "nothing" : oldSuper) + ").";
    cx.out.inverse = {"change-superclass", {c->name, oldSuper.empty() ? "-" : oldSuper}, {}};
    return true;
}

// ---------------------------------------------------------------- extract / inline superclass

bool extractSuperclass(Context& cx) {
    const std::string name = cx.arg(0);
    const Program& p = cx.program;
    std::vector<const ClassDecl*> classes;
    for (const std::string& n : splitList(cx.arg(1))) {
        const ClassDecl* c = cx.needClass(n);
        if (!c) return false;
        classes.push_back(c);
    }
    if (classes.empty()) return cx.fail("extract-superclass needs at least one class");
    std::vector<std::string> fields = splitList(cx.arg(2)), methods = splitList(cx.arg(3));
    if (fields.empty() && methods.empty())
        return cx.fail("extract-superclass needs at least one field or method to move");
    if (!cx.needIdentifier(name, "class")) return false;
    const ClassDecl& first = *classes.front();
    const Module& m = cx.moduleOf(first);
    if (const ClassDecl* clash = p.find(name))
        return cx.failAt(cx.moduleOf(*clash), clash->nameNode,
                         "the program already has a class named '" + name + "'");
    TSNode used{};
    walk(m.tree->root(), [&](TSNode n) {
        if (ts_node_is_null(used) && is(n, "identifier") && m.of(n) == name) used = n;
    });
    if (!ts_node_is_null(used))
        return cx.failAt(m, used, "'" + name + "' already names something in " + m.path);
    std::string superText =
        ts_node_is_null(first.superExpr) ? "" : std::string(m.of(first.superExpr));
    for (const ClassDecl* c : classes) {
        const Module& km = cx.moduleOf(*c);
        std::string st = ts_node_is_null(c->superExpr) ? "" : std::string(km.of(c->superExpr));
        if (c->module != first.module || st != superText)
            return cx.failAt(km, c->nameNode,
                             c->name + " and " + first.name +
                                 " must be in one module and have the same superclass");
    }
    // What moves, and from where.
    std::string fieldLines;
    std::vector<std::string> methodLines;
    std::string indent = memberIndent(m, first);
    const std::string newIndent = "  ";
    std::vector<std::vector<TSNode>> removals(classes.size());
    for (const std::string& f : fields) {
        const MemberDecl* d = needDeclaredField(cx, first, f, "move");
        if (!d) return false;
        fieldLines += reindent(textOf(m, memberLines(m, d->node)), indent, newIndent);
        for (size_t i = 0; i < classes.size(); ++i) {
            const MemberDecl* own = i == 0 ? d : needDeclaredField(cx, *classes[i], f, "move");
            if (!own) return false;
            if (m.of(own->node) != m.of(d->node))
                return cx.failAt(m, own->node,
                                 classes[i]->name + " declares '" + f + "' differently from " +
                                     first.name + "; make the declarations equal first");
            removals[i].push_back(own->node);
        }
    }
    std::vector<const MemberDecl*> moved;
    for (const std::string& name2 : methods) {
        const MemberDecl* d = needMethod(cx, first, name2);
        if (!d) return false;
        if (usesPrivate(m, d->node))
            return cx.failAt(m, d->nameNode,
                             "method '" + name2 + "' uses private names of " + first.name +
                                 ", which " + name + " cannot see");
        moved.push_back(d);
        methodLines.push_back(reindent(textOf(m, memberLines(m, d->node)), indent, newIndent));
        for (size_t i = 0; i < classes.size(); ++i)
            if (const MemberDecl* own = classes[i]->member(name2, d->isStatic());
                own && m.of(own->node) == m.of(d->node))
                removals[i].push_back(own->node);
    }
    const ClassDecl* oldSuper = p.superOf(first);
    for (const MemberDecl* d : moved) {
        if (d->isStatic()) continue;
        std::vector<SourceSite> foreign = foreignThisUses(p, m, d->node, [&](const std::string& x) {
            if (std::find(fields.begin(), fields.end(), x) != fields.end() ||
                std::find(methods.begin(), methods.end(), x) != methods.end())
                return true;
            return oldSuper && answers(p, *oldSuper, x);
        });
        if (!foreign.empty())
            return cx.failWithUses("method '" + d->name + "' uses members " + name +
                                       " would not have; choose them too:",
                                   foreign);
    }
    for (size_t i = 0; i < classes.size(); ++i) {
        for (TSNode n : removals[i]) {
            LineRange r = removalRange(m, *classes[i], n, removals[i]);
            cx.edits.replace(m, r.start, r.end, "");
        }
        setExtends(cx, *classes[i], name);
    }
    TSNode anchor = statementOf(first);
    for (const ClassDecl* c : classes)
        if (ts_node_start_byte(statementOf(*c)) < ts_node_start_byte(anchor))
            anchor = statementOf(*c);
    cx.edits.insert(m, memberLines(m, anchor).start,
                    classText(name, superText, fieldLines, methodLines));
    cx.call("dsu.addClass(" + jsonQuoted(name) + ");");
    cx.comment("Fields are matched by name over the whole new layout: every live instance keeps");
    cx.comment("the values of the fields that moved to " + name + ".");
    std::vector<std::string> names;
    for (const ClassDecl* c : classes) {
        cx.call("dsu.changeSuperclass(" + jsonQuoted(c->name) + ", " + jsonQuoted(name) + ");");
        for (const std::string& f : fields)
            keepPolicy(cx, c->name, f);
        names.push_back(c->name);
    }
    cx.out.summary = "Extracted superclass " + name + " of " + joinList(names) + " (fields " +
                     joinList(fields) + ", methods " + joinList(methods) + ").";
    cx.out.inverse = {"inline-superclass", {name}, {}};
    return true;
}

bool inlineSuperclass(Context& cx) {
    const ClassDecl* s = cx.needClass(cx.arg(0));
    if (!s) return false;
    const Program& p = cx.program;
    const Module& sm = cx.moduleOf(*s);
    std::vector<const ClassDecl*> subs = p.subclasses(*s);
    if (subs.empty())
        return cx.failAt(sm, s->nameNode,
                         "class " + s->name + " has no subclasses to inline it into");
    for (const MemberDecl& mem : s->members)
        if (mem.isStatic() || mem.kind == MemberKind::Constructor ||
            PrivateName::isPrivate(mem.name))
            return cx.failAt(sm, ts_node_is_null(mem.nameNode) ? mem.node : mem.nameNode,
                             s->name + " has a constructor, a static or a private member; inline "
                                       "supports plain fields and methods");
    if (!s->inferred.empty())
        return cx.failAt(sm, s->inferred.front().second,
                         s->name +
                             "'s methods assign fields it does not declare; declare them first");
    // The class must be named only by its declaration and the subclasses' extends clauses.
    std::vector<SourceSite> uses;
    for (const Module& m : p.modules)
        walk(m.tree->root(), [&](TSNode n) {
            if (!is(n, "identifier") || m.of(n) != s->name) return;
            if (m.index == s->module && ts_node_eq(n, s->nameNode)) return;
            for (const ClassDecl* sub : subs)
                if (sub->module == m.index && ts_node_eq(n, sub->superExpr)) return;
            uses.push_back(p.site(m, n));
        });
    if (!uses.empty())
        return cx.failWithUses(s->name + " is used by name; only a class its subclasses alone "
                                         "mention can be inlined:",
                               uses);
    std::string superText = ts_node_is_null(s->superExpr) ? "" : std::string(sm.of(s->superExpr));
    std::vector<std::string> fields, methods;
    for (const ClassDecl* sub : subs) {
        const Module& km = cx.moduleOf(*sub);
        std::string fieldLines;
        std::vector<std::string> methodLines;
        for (const MemberDecl& mem : s->members) {
            if (sub->member(mem.name, false)) continue; // overridden
            std::string lines = movedLines(sm, *s, mem.node, km, *sub);
            if (mem.kind == MemberKind::Field)
                fieldLines += lines;
            else
                methodLines.push_back(lines);
        }
        insertMembers(cx, *sub, fieldLines, methodLines);
        setExtends(cx, *sub, superText);
    }
    for (const MemberDecl& mem : s->members)
        (mem.kind == MemberKind::Field ? fields : methods).push_back(mem.name);
    LineRange r = statementLines(sm, statementOf(*s));
    cx.edits.replace(sm, r.start, r.end, "");
    cx.comment("Fields are matched by name over the whole new layout: every live instance of the");
    cx.comment("subclasses keeps its values. A live instance of " + s->name +
               " itself rolls the update back.");
    std::vector<std::string> names;
    for (const ClassDecl* sub : subs) {
        cx.call("dsu.changeSuperclass(" + jsonQuoted(sub->name) + ", " +
                (superText.empty() ? "null" : jsonQuoted(superText)) + ");");
        for (const std::string& f : fields)
            keepPolicy(cx, sub->name, f);
        names.push_back(sub->name);
    }
    cx.call("dsu.removeClass(" + jsonQuoted(s->name) + ");");
    cx.out.summary = "Inlined superclass " + s->name + " into " + joinList(names) + ".";
    cx.out.inverse = {
        "extract-superclass", {s->name, joinList(names), joinList(fields), joinList(methods)}, {}};
    return true;
}

// ---------------------------------------------------------------- split / merge class

bool splitClass(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string part = cx.arg(1), holder = cx.arg(2);
    std::vector<std::string> fields = splitList(cx.arg(3)), methods = splitList(cx.arg(4));
    const Program& p = cx.program;
    const Module& m = cx.moduleOf(*c);
    if (!cx.needIdentifier(part, "class") || !cx.needIdentifier(holder, "field")) return false;
    if (fields.empty()) return cx.fail("split-class needs at least one field to move");
    if (const ClassDecl* clash = p.find(part))
        return cx.failAt(cx.moduleOf(*clash), clash->nameNode,
                         "the program already has a class named '" + part + "'");
    TSNode used{};
    walk(m.tree->root(), [&](TSNode n) {
        if (ts_node_is_null(used) && is(n, "identifier") && m.of(n) == part) used = n;
    });
    if (!ts_node_is_null(used))
        return cx.failAt(m, used, "'" + part + "' already names something in " + m.path);
    if (answers(p, *c, holder) || c->anyMember(holder))
        return cx.failAt(m, c->nameNode, "'" + holder + "' is already a member of " + c->name);
    for (const ClassDecl* d : p.descendants(*c))
        if (d->anyMember(holder) || d->declaresField(holder))
            return cx.failAt(cx.moduleOf(*d), d->nameNode,
                             "'" + holder + "' is already a member of " + d->name);
    std::vector<TSNode> declared;
    std::string fieldLines;
    const std::string indent = memberIndent(m, *c), newIndent = "  ";
    for (const std::string& f : fields) {
        if (PrivateName::isPrivate(f))
            return cx.fail("private field '" + f +
                           "' cannot move: a private name is visible only "
                           "in its own class");
        if (const MemberDecl* d = c->member(f, false); d && d->kind == MemberKind::Field) {
            declared.push_back(d->node);
            fieldLines += reindent(textOf(m, memberLines(m, d->node)), indent, newIndent);
        } else if (c->declaresField(f)) {
            fieldLines += newIndent + f + ";\n";
        } else {
            return cx.failAt(m, c->nameNode, "class " + c->name + " has no field '" + f + "'");
        }
    }
    std::vector<const MemberDecl*> moved;
    std::vector<std::string> methodLines;
    for (const std::string& name : methods) {
        const MemberDecl* d = needMethod(cx, *c, name);
        if (!d) return false;
        if (d->isStatic())
            return cx.failAt(m, d->nameNode, "static method '" + name + "' cannot move to a part");
        std::vector<SourceSite> foreign = foreignThisUses(p, m, d->node, [&](const std::string& x) {
            return std::find(fields.begin(), fields.end(), x) != fields.end() ||
                   std::find(methods.begin(), methods.end(), x) != methods.end();
        });
        if (!foreign.empty())
            return cx.failWithUses("method '" + name + "' uses members that stay in " + c->name +
                                       "; move them too or keep the method:",
                                   foreign);
        if (usesSuper(m, d->node) || usesPrivate(m, d->node))
            return cx.failAt(m, d->nameNode,
                             "method '" + name + "' uses super or private names of " + c->name);
        moved.push_back(d);
        methodLines.push_back(reindent(textOf(m, memberLines(m, d->node)), indent, newIndent));
    }
    // Uses of the moved members from what stays: x.f becomes x.holder.f.
    auto inMoved = [&](TSNode n) {
        for (const MemberDecl* d : moved)
            if (ts_node_start_byte(n) >= ts_node_start_byte(d->node) &&
                ts_node_end_byte(n) <= ts_node_end_byte(d->node))
                return true;
        return false;
    };
    std::vector<std::pair<size_t, TSNode>> rewrite, ambiguous;
    std::vector<std::string> members = fields;
    members.insert(members.end(), methods.begin(), methods.end());
    for (const std::string& f : members)
        for (auto& site : fieldAccesses(p, *c, f, &ambiguous))
            if (!(site.first == c->module && inMoved(site.second))) rewrite.push_back(site);
    if (!ambiguous.empty()) {
        std::vector<SourceSite> sites;
        for (auto& [mi, n] : ambiguous)
            sites.push_back(p.site(p.modules[mi], n, true));
        return cx.failWithUses("these uses may not be " + c->name + "'s; rename them apart first:",
                               sites);
    }
    for (auto& [mi, n] : rewrite)
        cx.edits.insert(p.modules[mi], ts_node_start_byte(n), holder + ".");
    // The holder takes the place of the first declared field that moves.
    std::string holderLine = indent + holder + " = new " + part + "();\n";
    if (!declared.empty()) {
        std::vector<TSNode> rest(declared.begin() + 1, declared.end());
        for (const MemberDecl* d : moved)
            rest.push_back(d->node);
        LineRange first = memberLines(m, declared.front());
        cx.edits.replace(m, first.start, first.end, holderLine);
        for (TSNode n : rest) {
            LineRange r = removalRange(m, *c, n, rest);
            cx.edits.replace(m, r.start, r.end, "");
        }
    } else {
        insertField(cx.edits, m, *c, holderLine);
        std::vector<TSNode> rest;
        for (const MemberDecl* d : moved)
            rest.push_back(d->node);
        for (TSNode n : rest) {
            LineRange r = removalRange(m, *c, n, rest);
            cx.edits.replace(m, r.start, r.end, "");
        }
    }
    cx.edits.insert(m, memberLines(m, statementOf(*c)).start,
                    classText(part, "", fieldLines, methodLines));
    cx.call("dsu.addClass(" + jsonQuoted(part) + ");");
    cx.comment("Each live " + c->name + " (and subclass instance) gets its own " + part +
               ", holding the values of");
    cx.comment("the fields that moved (the old object is only read; identities are kept).");
    cx.call("dsu.setFieldPolicy(" + jsonQuoted(c->name) + ", " + jsonQuoted(holder) +
            ", (oldObj) => {");
    cx.call("  const part = new " + part + "();");
    for (const std::string& f : fields)
        cx.call("  part." + f + " = oldObj." + f + ";");
    cx.call("  return part;");
    cx.call("});");
    for (const std::string& f : fields)
        cx.call("dsu.removeInstanceVariable(" + jsonQuoted(c->name) + ", " + jsonQuoted(f) +
                "); // moved to " + part);
    cx.out.summary = "Split " + joinList(members) + " of " + c->name + " into " + part +
                     ", held by " + c->name + "." + holder + ".";
    cx.out.inverse = {"merge-class", {c->name, holder}, {}};
    return true;
}

bool mergeClass(Context& cx) {
    const ClassDecl* c = cx.needClass(cx.arg(0));
    if (!c) return false;
    const std::string holder = cx.arg(1);
    const Program& p = cx.program;
    const Module& m = cx.moduleOf(*c);
    const MemberDecl* h = c->member(holder, false);
    TSNode value = h && h->kind == MemberKind::Field ? field(h->node, "value") : TSNode{};
    TSNode ctor = is(value, "new_expression") ? field(value, "constructor") : TSNode{};
    const ClassDecl* part = is(ctor, "identifier") ? p.find(m.of(ctor)) : nullptr;
    if (!part)
        return cx.failAt(m, h ? h->nameNode : c->nameNode,
                         c->name + "." + holder + " is not a field declared as " + holder +
                             " = new SomeClass()");
    const Module& pm = cx.moduleOf(*part);
    if (part->module != c->module || !ts_node_is_null(part->heritage) || !part->inferred.empty())
        return cx.failAt(pm, part->nameNode,
                         part->name + " must be in " + m.path +
                             ", extend nothing and declare every field it assigns");
    for (const MemberDecl& mem : part->members) {
        if (mem.isStatic() || mem.kind == MemberKind::Constructor ||
            PrivateName::isPrivate(mem.name))
            return cx.failAt(pm, mem.nameNode,
                             part->name + " has a constructor, a static or a private "
                                          "member; merge supports plain fields and methods");
        if (answers(p, *c, mem.name) || c->anyMember(mem.name))
            return cx.failAt(pm, mem.nameNode,
                             "'" + mem.name + "' is already a member of " + c->name);
    }
    std::vector<SourceSite> uses;
    for (const Module& mod : p.modules)
        walk(mod.tree->root(), [&](TSNode n) {
            if (is(n, "identifier") && mod.of(n) == part->name && !ts_node_eq(n, part->nameNode) &&
                !ts_node_eq(n, ctor))
                uses.push_back(p.site(mod, n));
        });
    // x.holder.f becomes x.f; any other use of the holder is refused.
    std::vector<std::pair<size_t, TSNode>> ambiguous;
    std::vector<std::pair<size_t, TSNode>> sites = fieldAccesses(p, *c, holder, &ambiguous);
    for (auto& [mi, prop] : sites) {
        TSNode access = ts_node_parent(prop);
        TSNode outer = ts_node_parent(access);
        if (!is(outer, "member_expression") || !ts_node_eq(field(outer, "object"), access)) {
            uses.push_back(p.site(p.modules[mi], prop));
            continue;
        }
        cx.edits.replace(p.modules[mi], ts_node_start_byte(prop), ts_node_end_byte(prop) + 1, "");
    }
    for (auto& [mi, n] : ambiguous)
        uses.push_back(p.site(p.modules[mi], n, true));
    if (!uses.empty())
        return cx.failWithUses(part->name + " (or " + c->name + "." + holder +
                                   ") is used other than through " + holder +
                                   ".member; those uses would lose it:",
                               uses);
    std::string fieldLines;
    std::vector<std::string> methodLines;
    std::vector<std::string> fields, methods;
    for (const MemberDecl& mem : part->members) {
        std::string lines = movedLines(pm, *part, mem.node, m, *c);
        if (mem.kind == MemberKind::Field) {
            fieldLines += lines;
            fields.push_back(mem.name);
        } else {
            methodLines.push_back(lines);
            methods.push_back(mem.name);
        }
    }
    LineRange hr = memberLines(m, h->node);
    cx.edits.replace(m, hr.start, hr.end, fieldLines);
    if (!methodLines.empty()) {
        std::string all;
        for (const std::string& l : methodLines)
            all += (all.empty() ? "" : "\n") + l;
        insertMethod(cx.edits, m, *c, all);
    }
    LineRange pr = statementLines(pm, statementOf(*part));
    cx.edits.replace(pm, pr.start, pr.end, "");
    cx.comment("Each live " + c->name + " (and subclass instance) takes back the values its " +
               part->name + " holds;");
    cx.comment("the parts become garbage (one still referenced elsewhere rolls the update back).");
    for (const std::string& f : fields)
        cx.call("dsu.setFieldPolicy(" + jsonQuoted(c->name) + ", " + jsonQuoted(f) +
                ", (oldObj) => oldObj." + holder + "." + f + ");");
    cx.call("dsu.removeInstanceVariable(" + jsonQuoted(c->name) + ", " + jsonQuoted(holder) + ");");
    cx.call("dsu.removeClass(" + jsonQuoted(part->name) + ");");
    cx.out.summary =
        "Merged " + part->name + " (" + c->name + "." + holder + ") back into " + c->name + ".";
    cx.out.inverse = {
        "split-class", {c->name, part->name, holder, joinList(fields), joinList(methods)}, {}};
    return true;
}

} // namespace molt::dsu::refactoring
