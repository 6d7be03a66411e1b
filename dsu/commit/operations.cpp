// operations.cpp — recording the operations of DESIGN.md §5 (addClass, removeClass,
// addInstanceVariable, ..., addValidation) and version mode's adoptVersion.
//
// An operation either applies to the draft or fails with a message naming the class and
// member; the first failure is kept (Transaction::fail) and the transaction then refuses
// to commit. Operations never touch live objects: values passed in are rooted with a
// Root before the first allocation, and kept by the transaction once stored.
#include "dsu/commit/operations.h"

#include "runtime/core/assert.h"
#include "runtime/core/private_name.h"

#include <algorithm>
#include <unordered_set>

namespace molt::dsu {

bool definedIn(Value v, const Module* m) {
    if (isKind(v, ObjKind::Class)) return as<Class>(v)->module == m;
    if (isKind(v, ObjKind::Closure)) return as<Closure>(v)->proto->module == m;
    return false;
}

// Whether `m` binds `name` to a class.
static bool bindsClass(const Module* m, const std::string& name) {
    auto slot = m->slotByName.find(name);
    return slot != m->slotByName.end() && isKind(m->slots[slot->second], ObjKind::Class);
}

// Whether a name changes between holding a class and holding anything else (a function
// becomes a class, a class a `let`): the generated patch removes one and adds the other.
static bool changesKind(const Module* live, const Module* staged, const std::string& name) {
    return live->slotByName.count(name) && staged->slotByName.count(name) &&
           bindsClass(live, name) != bindsClass(staged, name);
}

bool Transaction::adoptVersion(Module* live, Module* staged,
                               const std::map<std::string, std::set<std::string>>& changedMembers,
                               const std::vector<Obj*>* staging) {
    adoptions_.push_back(std::make_unique<Adoption>());
    Adoption& ad = *adoptions_.back();
    ad.live = live;
    ad.staged = staged;
    // Classes and functions the new version defines (a declaration that did not change was
    // not re-run: its binding still holds the live definition).
    for (auto& [name, slot] : staged->slotByName) {
        Value v = staged->slots[slot];
        if (!definedIn(v, staged)) continue;
        auto l = live->slotByName.find(name);
        Value old = l != live->slotByName.end() ? live->slots[l->second] : Value::undefined();
        if (isKind(v, ObjKind::Class)) {
            Class* y = as<Class>(v);
            Draft* d;
            if (isKind(old, ObjKind::Class) && definedIn(old, live)) {
                d = draftForClass(as<Class>(old));
            } else {
                drafts_.push_back(std::make_unique<Draft>());
                d = drafts_.back().get();
            }
            d->staged = y;
            d->module = live;
            d->bindingName = name;
            d->def = readClassDefinition(vm_, y);
            d->def.module = live;
            if (d->old)
                for (String* f : d->old->fields)
                    if (y->findSlot(f) < 0) d->fieldsDropped = true; // old code may name it
            auto c = changedMembers.find(d->def.name);
            if (c != changedMembers.end())
                for (const std::string& m : c->second) // the tables key private ones by class
                    d->changedMembers.insert(PrivateName::encode(m, d->def.name));
            // A changed method keeps its identity, as a changed function does: the old
            // method object becomes the new one (a method taken out as a value, a timer
            // holding it, run the new code).
            if (d->old) {
                std::unordered_set<Closure*> seen;
                auto pair = [&](Value oldV, Value newV) {
                    if (isKind(oldV, ObjKind::Closure) && isKind(newV, ObjKind::Closure) &&
                        seen.insert(as<Closure>(oldV)).second)
                        ad.functions.emplace_back(as<Closure>(oldV), as<Closure>(newV));
                };
                const std::pair<const NameTable*, const NameTable*> tables[] = {
                    {&d->old->ownMethods, &y->ownMethods},
                    {&d->old->ownGetters, &y->ownGetters},
                    {&d->old->ownSetters, &y->ownSetters},
                    {&d->old->staticMethods, &y->staticMethods},
                    {&d->old->staticGetters, &y->staticGetters},
                    {&d->old->staticSetters, &y->staticSetters}};
                for (auto& [oldTable, newTable] : tables)
                    for (auto& [name, v] : *oldTable) {
                        if (!d->changedMembers.count(std::string(name->view()))) continue;
                        auto n = newTable->find(name);
                        if (n != newTable->end()) pair(v, n->second);
                    }
                if (d->changedMembers.count("constructor"))
                    pair(d->old->constructor, y->constructor);
            }
        } else if (isKind(old, ObjKind::Closure) && definedIn(old, live)) {
            ad.functions.emplace_back(as<Closure>(old), as<Closure>(v));
        }
    }
    // Classes of the live version that the new one no longer defines (the name may now
    // hold a function or a plain value).
    for (auto& [name, slot] : live->slotByName) {
        Value v = live->slots[slot];
        if (!isKind(v, ObjKind::Class) || !definedIn(v, live) || bindsClass(staged, name))
            continue;
        Draft* d = draftForClass(as<Class>(v));
        d->removed = true;
    }
    if (staged->exports != live->exports && staged->exports.isObject() &&
        live->exports.isObject() &&
        staged->exports.asObject()->kind == live->exports.asObject()->kind) {
        ad.oldExports = live->exports.asObject();
        ad.newExports = staged->exports.asObject();
    }
    // Code compiled against the staged namespace runs against the live one after the swap.
    // Only objects made since the staging began can name the staged module (it did not
    // exist before, and typed module edges are set when an object is made), so with the
    // allocation log only those are looked at.
    auto rebase = [&](Obj* o) {
        if (o->kind != ObjKind::Free && retargetTypedEdges<Module>(o, staged))
            ad.rebase.push_back(o);
    };
    if (staging)
        for (Obj* o : *staging)
            rebase(o);
    else
        vm_.heap.forEachObject(rebase);
    return true;
}

void Transaction::adoptStagingObjects(std::vector<Obj*> objects) {
    staging_ = std::move(objects);
}

// Scripts name a private field as the source does ("#pin"); the runtime's layouts carry
// the declaring class ("#pin@Account", compiler.h).
static std::string privateField(const std::string& field, const std::string& className) {
    return PrivateName::encode(field, className);
}

template<typename Draft> static std::string oldNameOf(const Draft* d) {
    return d->old ? std::string(d->old->name->view()) : d->def.name;
}

// ---------------------------------------------------------------- operations

bool Transaction::addClass(Value cls, Module* module) {
    Root keep(vm_.heap, cls);
    if (versionMode() && isString(cls)) { // an acknowledgement: the new version defines it
        std::string name(asString(cls)->view());
        for (auto& d : drafts_)
            if (!d->old && d->staged && d->def.name == name) return true;
        return fail("the new version adds no class '" + name + "'");
    }
    if (!isKind(cls, ObjKind::Class)) return fail("addClass expects a class");
    auto* c = as<Class>(cls);
    std::string name(c->name->view());
    if (findClass(name)) return fail("class '" + name + "' already exists");
    addBinding(name, cls, module);
    return true;
}

bool Transaction::removeClass(const std::string& name) {
    if (versionMode()) {
        for (auto& d : drafts_)
            if (d->removed && d->def.name == name) return true;
        return fail("the new version still has a class '" + name + "'");
    }
    Draft* d = draft(name);
    if (!d) return false;
    if (d->old && (d->old->flags & uint8_t(ClassFlag::Builtin)))
        return fail("the built-in class '" + name + "' cannot be removed");
    d->removed = true;
    if (d->module)
        bindingOps_.push_back(
            {Binding::Kind::Remove, d->module, d->bindingName, {}, Value::undefined()});
    return true;
}

bool Transaction::renameClass(const std::string& from, const std::string& to) {
    if (versionMode()) {
        // The live class `from` (which the new version no longer has) becomes the new
        // version's class `to` (which the live version does not have).
        for (auto& d : drafts_)
            if (d->old && d->staged && d->old->name->view() == from && d->def.name == to)
                return true; // already paired
        auto removed = std::find_if(drafts_.begin(), drafts_.end(), [&](auto& d) {
            return d->removed && d->old && d->def.name == from;
        });
        Draft* added = nullptr;
        for (auto& d : drafts_)
            if (!d->old && d->staged && d->def.name == to) added = d.get();
        // Or the new version reuses the name `from` for an unrelated class, which the live
        // class was paired with by name: the live class leaves that pairing, and the class
        // under the old name becomes an added one.
        Draft* reused = nullptr;
        for (auto& d : drafts_)
            if (d->old && d->staged && !d->removed && d->old->name->view() == from &&
                d->def.name == from)
                reused = d.get();
        if (removed == drafts_.end() && !reused)
            return fail("cannot rename '" + from +
                        "': the live program has no such class, or it is "
                        "no longer the class of that name");
        if (!added)
            return fail("cannot rename '" + from + "' to '" + to +
                        "': the new version adds no class '" + to + "'");
        Class* live = reused ? reused->old : (*removed)->old;
        added->old = live;
        for (String* f : added->old->fields)
            if (added->staged->findSlot(f) < 0) added->fieldsDropped = true;
        // The live class's members whose code the renamed class does not have as it is (a
        // member naming the class by its old name, which may now hold another class, has
        // other code) are changed: a thread in one waits or moves to the new code at an
        // update point instead of running on against what the old name holds after the swap.
        auto differs = [](Value a, Value b) {
            return !isKind(a, ObjKind::Closure) || !isKind(b, ObjKind::Closure) ||
                   !sameCode(as<Closure>(a)->proto, as<Closure>(b)->proto);
        };
        const std::pair<const NameTable*, const NameTable*> memberTables[] = {
            {&live->ownMethods, &added->staged->ownMethods},
            {&live->ownGetters, &added->staged->ownGetters},
            {&live->ownSetters, &added->staged->ownSetters},
            {&live->staticMethods, &added->staged->staticMethods},
            {&live->staticGetters, &added->staged->staticGetters},
            {&live->staticSetters, &added->staged->staticSetters}};
        for (auto& [oldTable, newTable] : memberTables)
            for (auto& [name, v] : *oldTable) {
                auto n = newTable->find(name);
                if (n == newTable->end() || differs(v, n->second))
                    added->changedMembers.insert(std::string(name->view()));
            }
        if (differs(live->constructor, added->staged->constructor) &&
            !(live->constructor.isUndefined() && added->staged->constructor.isUndefined()))
            added->changedMembers.insert("constructor");
        if (!reused) {
            drafts_.erase(removed);
            return true;
        }
        // What was recorded for the pairing by name belonged to neither class: the live
        // class's changed methods do not become the reused name's methods, and no policy
        // for the live instances is left on a class that has none.
        std::unordered_set<Closure*> members;
        const NameTable* tables[] = {&live->ownMethods,    &live->ownGetters,
                                     &live->ownSetters,    &live->staticMethods,
                                     &live->staticGetters, &live->staticSetters};
        for (const NameTable* t : tables)
            for (auto& [name, v] : *t)
                if (isKind(v, ObjKind::Closure)) members.insert(as<Closure>(v));
        if (isKind(live->constructor, ObjKind::Closure))
            members.insert(as<Closure>(live->constructor));
        for (auto& ad : adoptions_)
            std::erase_if(ad->functions, [&](auto& pair) { return members.count(pair.first); });
        reused->old = nullptr;
        reused->fieldsDropped = false;
        reused->changedMembers.clear();
        reused->fieldPolicies.clear();
        reused->instancePolicies.clear();
        reused->staticOverrides.clear();
        reused->staticRenames.clear();
        return true;
    }
    Draft* d = draft(from);
    if (!d) return false;
    if (d->old && (d->old->flags & uint8_t(ClassFlag::Builtin)))
        return fail("the built-in class '" + from + "' cannot be renamed");
    if (findClass(to))
        return fail("cannot rename '" + from + "' to '" + to + "': that class exists");
    d->def.name = to;
    if (d->module)
        bindingOps_.push_back(
            {Binding::Kind::Rename, d->module, d->bindingName, to, Value::undefined()});
    return true;
}

Class* Transaction::addedClass(const std::string& name) {
    for (auto& b : bindingOps_)
        if (b.kind == Binding::Kind::Add && b.name == name && isKind(b.value, ObjKind::Class))
            return as<Class>(b.value);
    return nullptr;
}

bool Transaction::changeSuperclass(const std::string& name, const std::string& superName) {
    Draft* d = draft(name);
    if (!d) return false;
    if (versionMode()) {
        Class* super = newShape(d)->super;
        std::string actual = super ? std::string(super->name->view()) : "";
        if (actual == superName) return true;
        return fail("the new version of '" + name + "' extends " +
                    (actual.empty() ? "no class" : "'" + actual + "'") + ", not " +
                    (superName.empty() ? "none" : "'" + superName + "'"));
    }
    if (!superName.empty() && !findClass(superName) && !addedClass(superName) &&
        std::none_of(drafts_.begin(), drafts_.end(),
                     [&](auto& x) { return x->def.name == superName; }))
        return fail("unknown class '" + superName + "'");
    d->newSuper = superName;
    return true;
}

bool Transaction::addInstanceVariable(const std::string& cls, const std::string& field,
                                      FieldPolicy policy) {
    Root keep(vm_.heap, policy.value); // operations allocate before the value is stored
    Draft* d = draft(cls);
    if (!d) return false;
    if (d->old && d->old->instanceKind != ObjKind::Instance)
        return fail("instances of the built-in class '" + cls + "' have no fields");
    if (versionMode()) {
        std::string f = privateField(field, d->def.name);
        if (newShape(d)->findSlot(vm_.intern(f)) < 0)
            return fail("the new version of '" + cls + "' has no field '" + field + "'");
        policy.onlyWhereAbsent = true;
        d->fieldPolicies.emplace_back(f, policy);
        return true;
    }
    // Inherited fields count as the new superclass has them (changeSuperclass may be pending).
    Class* super = d->old ? d->old->super : nullptr;
    if (d->newSuper)
        super = d->newSuper->empty() ? nullptr
                                     : (addedClass(*d->newSuper) ? addedClass(*d->newSuper)
                                                                 : findClass(*d->newSuper));
    if (std::find(d->def.ownFields.begin(), d->def.ownFields.end(), field) !=
            d->def.ownFields.end() ||
        (super && super->findSlot(vm_.intern(field)) >= 0))
        return fail("class '" + cls + "' already has a field '" + field + "'");
    d->def.ownFields.push_back(field);
    d->fieldPolicies.emplace_back(field, policy);
    return true;
}

bool Transaction::removeInstanceVariable(const std::string& cls, const std::string& field) {
    Draft* d = draft(cls);
    if (!d) return false;
    if (versionMode()) {
        if (!d->old || d->old->findSlot(vm_.intern(privateField(field, oldNameOf(d)))) < 0)
            return fail("class '" + cls + "' has no field '" + field + "' to remove");
        if (newShape(d)->findSlot(vm_.intern(privateField(field, d->def.name))) >= 0)
            return fail("the new version of '" + cls + "' still has the field '" + field + "'");
        return true;
    }
    auto it = std::find(d->def.ownFields.begin(), d->def.ownFields.end(), field);
    if (it == d->def.ownFields.end())
        return fail("class '" + cls + "' has no own field '" + field + "'");
    d->def.ownFields.erase(it);
    d->fieldsDropped = true;
    return true;
}

bool Transaction::renameInstanceVariable(const std::string& cls, const std::string& from,
                                         const std::string& to) {
    Draft* d = draft(cls);
    if (!d) return false;
    if (versionMode()) {
        std::string a = privateField(from, oldNameOf(d)), b = privateField(to, d->def.name);
        if (!d->old || d->old->findSlot(vm_.intern(a)) < 0)
            return fail("class '" + cls + "' has no field '" + from + "'");
        if (newShape(d)->findSlot(vm_.intern(b)) < 0)
            return fail("the new version of '" + cls + "' has no field '" + to + "'");
        d->fieldsDropped = true;
        d->fieldPolicies.emplace_back(b, FieldPolicy::rename(a));
        return true;
    }
    auto it = std::find(d->def.ownFields.begin(), d->def.ownFields.end(), from);
    if (it == d->def.ownFields.end())
        return fail("class '" + cls + "' has no own field '" + from + "'");
    if (std::find(d->def.ownFields.begin(), d->def.ownFields.end(), to) != d->def.ownFields.end())
        return fail("class '" + cls + "' already has a field '" + to + "'");
    *it = to;
    d->fieldsDropped = true;
    d->fieldPolicies.emplace_back(to, FieldPolicy::rename(from));
    return true;
}

bool Transaction::setFieldPolicy(const std::string& cls, const std::string& field,
                                 FieldPolicy policy) {
    Root keep(vm_.heap, policy.value);
    Draft* d = draft(cls);
    if (!d) return false;
    if (versionMode()) {
        std::string f = privateField(field, d->def.name);
        if (newShape(d)->findSlot(vm_.intern(f)) < 0)
            return fail("the new version of '" + cls + "' has no field '" + field + "'");
        d->fieldPolicies.emplace_back(f, policy);
        return true;
    }
    d->fieldPolicies.emplace_back(field, policy);
    return true;
}

bool Transaction::migrateInstances(const std::string& cls, Value closure, std::string policyName) {
    Root keep(vm_.heap, closure);
    Draft* d = draft(cls);
    if (!d) return false;
    if (!vm_.isCallable(closure)) return fail("migrateInstances('" + cls + "') expects a function");
    d->instancePolicies.push_back({closure, std::move(policyName)});
    return true;
}

bool Transaction::migrateInstancesTo(const std::string& removedClass, const std::string& target,
                                     Value closure) {
    Root keep(vm_.heap, closure);
    Draft* d = nullptr;
    if (versionMode()) {
        for (auto& x : drafts_)
            if (x->removed && x->def.name == removedClass) d = x.get();
        if (!d) return fail("the new version does not remove a class '" + removedClass + "'");
    } else {
        d = draft(removedClass);
        if (!d) return false;
    }
    d->migrateTo = target;
    d->migrateToClosure = closure;
    return true;
}

static NameTable& tableFor(ClassDefinition& def, MemberKind kind) {
    MOLT_CHECK(isMethodTable(kind), "a method operation takes a method-table kind");
    switch (kind) {
    case MemberKind::Getter: return def.getters;
    case MemberKind::Setter: return def.setters;
    case MemberKind::StaticMethod: return def.staticMethods;
    case MemberKind::StaticGetter: return def.staticGetters;
    case MemberKind::StaticSetter: return def.staticSetters;
    default: return def.methods;
    }
}

// A member as the class's tables key it: a private one (`#clean`, as scripts write it) is
// keyed by its declaring class (`#clean@Tag`), the new name's or, failing that, the old;
// `@@iterator` is the well-known symbol's member (VM::memberKey turns the name into the key).
template<typename Draft>
static std::string memberKey(VM& vm, const Draft* d, NameTable& t, const std::string& name) {
    if (!PrivateName::isPrivate(name) || PrivateName::isEncoded(name)) return name;
    std::string key = PrivateName::encode(name, d->def.name);
    if (t.count(vm.memberKey(key))) return key;
    std::string old = PrivateName::encode(name, oldNameOf(d));
    return t.count(vm.memberKey(old)) ? old : key;
}

bool Transaction::addMethod(const std::string& cls, const std::string& written, Value fn,
                            MemberKind kind) {
    Root keep(vm_.heap, fn);
    Draft* d = draft(cls);
    if (!d) return false;
    NameTable& t = tableFor(d->def, kind);
    const std::string& name = written;
    String* key = vm_.memberKey(memberKey(vm_, d, t, written));
    if (versionMode() && fn.isUndefined()) {
        if (!t.count(key))
            return fail("the new version of '" + cls + "' has no method '" + name + "'");
        return true;
    }
    if (!vm_.isCallable(fn))
        return fail("method '" + name + "' of '" + cls + "' must be a function");
    if (!versionMode() && t.count(key))
        return fail("class '" + cls + "' already has a method '" + name + "'");
    t[key] = fn;
    d->changedMembers.insert(std::string(key->view()));
    return true;
}

bool Transaction::replaceMethod(const std::string& cls, const std::string& name, Value fn,
                                MemberKind kind) {
    Root keep(vm_.heap, fn);
    Draft* d = draft(cls);
    if (!d) return false;
    bool isConstructor = name == "constructor" && kind == MemberKind::Method;
    const std::string key = memberKey(vm_, d, tableFor(d->def, kind), name);
    if (versionMode() && fn.isUndefined()) {
        if (!isConstructor && !tableFor(d->def, kind).count(vm_.memberKey(key)))
            return fail("the new version of '" + cls + "' has no method '" + name + "'");
        return true;
    }
    if (!vm_.isCallable(fn))
        return fail("method '" + name + "' of '" + cls + "' must be a function");
    if (isConstructor) {
        d->def.constructor = fn;
    } else {
        NameTable& t = tableFor(d->def, kind);
        String* k = vm_.memberKey(key);
        if (!t.count(k))
            return fail("class '" + cls + "' has no method '" + name + "' to replace");
        t[k] = fn;
    }
    d->changedMembers.insert(key);
    return true;
}

bool Transaction::removeMethod(const std::string& cls, const std::string& name, MemberKind kind) {
    Draft* d = draft(cls);
    if (!d) return false;
    NameTable& t = tableFor(d->def, kind);
    const std::string key = memberKey(vm_, d, t, name);
    if (versionMode()) {
        if (t.count(vm_.memberKey(key)))
            return fail("the new version of '" + cls + "' still has the method '" + name + "'");
        return true;
    }
    if (!t.erase(vm_.memberKey(key)))
        return fail("class '" + cls + "' has no method '" + name + "'");
    d->changedMembers.insert(key);
    return true;
}

bool Transaction::addStaticField(const std::string& cls, const std::string& name, Value initial) {
    Root keep(vm_.heap, initial);
    Draft* d = draft(cls);
    if (!d) return false;
    auto& s = d->def.statics;
    auto it = std::find_if(s.begin(), s.end(), [&](auto& p) { return p.first == name; });
    if (versionMode()) {
        if (it == s.end())
            return fail("the new version of '" + cls + "' has no static field '" + name + "'");
        if (!initial.isEmpty()) { // a value given: it wins over the initializer and the live value
            it->second = initial;
            d->staticOverrides.insert(name);
        }
        return true;
    }
    if (it != s.end()) return fail("class '" + cls + "' already has a static field '" + name + "'");
    s.emplace_back(name, initial.isEmpty() ? Value::undefined() : initial);
    return true;
}

bool Transaction::removeStaticField(const std::string& cls, const std::string& name) {
    Draft* d = draft(cls);
    if (!d) return false;
    auto& s = d->def.statics;
    auto it = std::find_if(s.begin(), s.end(), [&](auto& p) { return p.first == name; });
    if (versionMode()) {
        if (it != s.end())
            return fail("the new version of '" + cls + "' still has the static field '" + name +
                        "'");
        return true;
    }
    if (it == s.end()) return fail("class '" + cls + "' has no static field '" + name + "'");
    s.erase(it);
    return true;
}

bool Transaction::renameStaticField(const std::string& cls, const std::string& from,
                                    const std::string& to) {
    Draft* d = draft(cls);
    if (!d) return false;
    auto& s = d->def.statics;
    auto has = [&](const std::string& n) {
        return std::any_of(s.begin(), s.end(), [&](auto& p) { return p.first == n; });
    };
    bool oldHas = d->old && std::any_of(d->old->staticNames.begin(), d->old->staticNames.end(),
                                        [&](String* n) { return n->view() == from; });
    if (!oldHas) return fail("class '" + cls + "' has no static field '" + from + "'");
    if (versionMode()) {
        if (!has(to))
            return fail("the new version of '" + cls + "' has no static field '" + to + "'");
        d->staticRenames[to] = from;
        return true;
    }
    if (has(to)) return fail("class '" + cls + "' already has a static field '" + to + "'");
    for (auto& p : s)
        if (p.first == from) p.first = to;
    d->staticRenames[to] = from;
    return true;
}

bool Transaction::addBinding(const std::string& name, Value initial, Module* module) {
    Root keep(vm_.heap, initial);
    if (versionMode() && !module) {
        Adoption* a = adoptionWith(name, true);
        if (!a || (a->live->slotByName.count(name) && !changesKind(a->live, a->staged, name)))
            return fail("the new version adds no binding '" + name + "'");
        if (!initial.isEmpty()) a->overrides.emplace_back(name, initial);
        return true;
    }
    Module* m = module ? module : defaultModule_;
    if (!m) return fail("no module to add '" + name + "' to");
    if (m->slotByName.count(name)) return fail("binding '" + name + "' already exists");
    bindingOps_.push_back(
        {Binding::Kind::Add, m, name, {}, initial.isEmpty() ? Value::undefined() : initial});
    return true;
}

bool Transaction::removeBinding(const std::string& name, Module* module) {
    if (versionMode() && !module) {
        Adoption* a = adoptionWith(name, false);
        if (!a || (a->staged->slotByName.count(name) && !changesKind(a->live, a->staged, name)))
            return fail("the new version does not remove a binding '" + name + "'");
        return true;
    }
    Module* m = module ? module : defaultModule_;
    if (!m || !m->slotByName.count(name)) return fail("unknown binding '" + name + "'");
    bindingOps_.push_back({Binding::Kind::Remove, m, name, {}, Value::undefined()});
    return true;
}

bool Transaction::setBinding(const std::string& name, Value value) {
    Root keep(vm_.heap, value);
    if (versionMode()) {
        Adoption* a = adoptionWith(name, true);
        if (!a) return fail("the new version has no binding '" + name + "'");
        a->overrides.emplace_back(name, value);
        return true;
    }
    for (Module* m : vm_.modules())
        if (m->slotByName.count(name)) {
            bindingOps_.push_back({Binding::Kind::Set, m, name, {}, value});
            return true;
        }
    return fail("unknown binding '" + name + "'");
}

bool Transaction::replaceFunction(const std::string& name, Value fn) {
    Root keep(vm_.heap, fn);
    if (versionMode() && fn.isUndefined()) {
        Adoption* a = adoptionWith(name, true);
        if (!a || !isKind(a->staged->slots[a->staged->slotByName.at(name)], ObjKind::Closure))
            return fail("the new version has no function '" + name + "'");
        return true;
    }
    if (!vm_.isCallable(fn)) return fail("replaceFunction('" + name + "') expects a function");
    return setBinding(name, fn);
}

bool Transaction::addValidation(const std::string& name, Value closure) {
    Root keep(vm_.heap, closure);
    if (!vm_.isCallable(closure)) return fail("validation '" + name + "' must be a function");
    validations_.push_back(Validation::hosted(name, closure));
    return true;
}

void Transaction::addValidation(Validation validation) {
    validations_.push_back(std::move(validation));
}

} // namespace molt::dsu
