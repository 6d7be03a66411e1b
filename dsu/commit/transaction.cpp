#include "dsu/commit/transaction.h"

#include "runtime/exec/scheduler.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace molt::dsu {

namespace {
double nowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}
} // namespace

// One class as the update will leave it. `old` is null for an added class.
struct Transaction::Draft {
    Class* old = nullptr;
    Module* module = nullptr; // the module whose binding names the class (may be null)
    std::string bindingName;  // that binding's current name
    ClassDefinition def;      // the new definition (name, superclass, fields, members, statics)
    std::optional<std::string> newSuper; // set by changeSuperclass ("" = none)
    bool removed = false;
    bool fieldsDropped = false; // a field was removed or renamed: its methods are affected
    std::vector<std::pair<std::string, FieldPolicy>> fieldPolicies; // in registration order
    std::vector<InstancePolicy> instancePolicies;
    std::string migrateTo; // removed class: instances become instances of this class
    Value migrateToClosure;
    std::set<std::string> changedMembers; // method names changed or removed (any kind)
    Class* staged = nullptr;              // version mode: the new version's class (null: unchanged)
    std::set<std::string> staticOverrides;            // statics whose value the patch gave
    std::map<std::string, std::string> staticRenames; // new static -> the old one it takes
    Class* built = nullptr;
};

// Version mode: a live module and its staged next version (adoptVersion).
struct Transaction::Adoption {
    Module* live;
    Module* staged;
    std::vector<std::pair<Closure*, Closure*>> functions; // changed function: live -> new
    std::vector<Obj*> rebase; // staged code and classes whose module becomes `live`
    std::vector<std::pair<std::string, Value>> overrides; // setBinding / given values
    Obj* oldExports = nullptr; // the new version assigned module.exports: the new object
    Obj* newExports = nullptr; // takes the old one's identity
    Module* result = nullptr;  // the namespace `live` takes (built by prepare)
};

struct Transaction::Binding {
    enum class Kind { Add, Remove, Rename, Set } kind;
    Module* module;
    std::string name;
    std::string newName;
    Value value;
};

// Everything commit builds; dropping it discards the update.
struct Transaction::Built {
    std::vector<Draft*> order;
    std::vector<Obj*> olds, news;
    std::vector<std::pair<Module*, Module*>> namespaces; // live module -> its new copy
    std::vector<Value> keep;
    std::unordered_map<Class*, Class*> classMap; // old class -> new class
};

Transaction::Transaction(VM& vm, Module* defaultModule)
    : vm_(vm), defaultModule_(defaultModule ? defaultModule : vm.mainModule()) {
    rootId_ = vm_.heap.addRootProvider([this](Tracer& t) { markRoots(t); });
}

Transaction::~Transaction() {
    *alive_ = false;
    stopWaiting();
    discard();
    vm_.heap.removeRootProvider(rootId_);
}

void Transaction::markRoots(Tracer& t) {
    auto markTable = [&](const NameTable& table) {
        for (auto& [k, v] : table) {
            t.mark(k);
            t.mark(v);
        }
    };
    for (auto& d : drafts_) {
        if (d->old) t.mark(d->old);
        if (d->module) t.mark(d->module);
        if (d->def.superclass) t.mark(d->def.superclass);
        markTable(d->def.methods);
        markTable(d->def.getters);
        markTable(d->def.setters);
        markTable(d->def.staticMethods);
        markTable(d->def.staticGetters);
        markTable(d->def.staticSetters);
        for (auto& [n, v] : d->def.statics)
            t.mark(v);
        t.mark(d->def.constructor);
        t.mark(d->def.fieldInit);
        for (auto& [n, p] : d->fieldPolicies)
            t.mark(p.value);
        for (auto& p : d->instancePolicies)
            t.mark(p.closure);
        t.mark(d->migrateToClosure);
        if (d->staged) t.mark(d->staged);
        if (d->built) t.mark(d->built);
    }
    for (auto& b : bindingOps_) {
        if (b.module) t.mark(b.module);
        t.mark(b.value);
    }
    for (const std::vector<Validation>* list : {&systemValidations_, &validations_})
        for (const Validation& v : *list)
            for (Value r : v.roots())
                t.mark(r);
    for (auto& a : adoptions_) {
        t.mark(a->live);
        t.mark(a->staged);
        for (auto& [o, n] : a->functions) {
            t.mark(o);
            t.mark(n);
        }
        for (Obj* o : a->rebase)
            t.mark(o);
        if (a->newExports) t.mark(a->newExports);
        for (auto& [n, v] : a->overrides)
            t.mark(v);
        if (a->result) t.mark(a->result);
    }
    if (built_) {
        for (Obj* o : built_->olds)
            t.mark(o);
        for (Obj* o : built_->news)
            t.mark(o);
        for (auto& [live, copy] : built_->namespaces)
            t.mark(copy);
        for (Value v : built_->keep)
            t.mark(v);
    }
}

bool Transaction::fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
}

// ---------------------------------------------------------------- naming classes

Class* Transaction::findClass(const std::string& name, Module** where, std::string* bindingName) {
    for (Module* m : vm_.modules()) {
        if (isExcluded(m)) continue;
        auto it = m->slotByName.find(name);
        if (it == m->slotByName.end()) continue;
        Value v = m->slots[it->second];
        if (isKind(v, ObjKind::Class)) {
            if (where) *where = m;
            if (bindingName) *bindingName = name;
            return as<Class>(v);
        }
    }
    // The core library: built-in classes are updated like user classes.
    Value g = vm_.global(name);
    if (isKind(g, ObjKind::Class) && as<Class>(g)->name->view() == name) return as<Class>(g);
    return nullptr;
}

Transaction::Draft* Transaction::draftForClass(Class* cls) {
    for (auto& d : drafts_)
        if (d->old == cls) return d.get();
    auto d = std::make_unique<Draft>();
    d->old = cls;
    d->def = readClassDefinition(vm_, cls);
    // The binding that names it, if any.
    for (Module* m : vm_.modules()) {
        if (isExcluded(m)) continue;
        for (size_t i = 0; i < m->slots.size(); ++i)
            if (m->slots[i] == Value::object(cls)) {
                d->module = m;
                d->bindingName = std::string(m->names[i]->view());
            }
    }
    drafts_.push_back(std::move(d));
    return drafts_.back().get();
}

Transaction::Draft* Transaction::draft(const std::string& name) {
    for (auto& d : drafts_)
        if (!d->removed && (d->def.name == name || d->bindingName == name)) return d.get();
    Class* cls = findClass(name);
    if (!cls) {
        fail("unknown class '" + name + "'");
        return nullptr;
    }
    return draftForClass(cls);
}

// ---------------------------------------------------------------- version mode

bool Transaction::isStaged(const Class* c) const {
    return c && std::any_of(adoptions_.begin(), adoptions_.end(),
                            [&](auto& a) { return c->module == a->staged; });
}

Transaction::Draft* Transaction::draftForStaged(const Class* c) {
    for (auto& d : drafts_)
        if (d->staged == c) return d.get();
    return nullptr;
}

Class* Transaction::identity(const Draft* d) const {
    return d->old ? d->old : d->staged;
}

// A superclass as the new version names it: a staged class stands for the draft built
// from it (its live class, or itself when it is new).
Class* Transaction::resolveSuper(Class* super) {
    if (!isStaged(super)) return super;
    Draft* d = draftForStaged(super);
    return d ? identity(d) : super;
}

Class* Transaction::newShape(Draft* d) const {
    return d->staged ? d->staged : d->old;
}

Transaction::Adoption* Transaction::adoptionWith(const std::string& name, bool inNew) {
    for (auto& a : adoptions_) {
        Module* m = inNew ? a->staged : a->live;
        if (m->slotByName.count(name)) return a.get();
    }
    return nullptr;
}

static bool definedIn(Value v, const Module* m) {
    if (isKind(v, ObjKind::Class)) return as<Class>(v)->module == m;
    if (isKind(v, ObjKind::Closure)) return as<Closure>(v)->proto->module == m;
    return false;
}

bool Transaction::adoptVersion(Module* live, Module* staged,
                               const std::map<std::string, std::set<std::string>>& changedMembers) {
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
                d->changedMembers.insert(c->second.begin(), c->second.end());
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
    // Classes of the live version that the new one no longer defines.
    for (auto& [name, slot] : live->slotByName) {
        Value v = live->slots[slot];
        if (!isKind(v, ObjKind::Class) || !definedIn(v, live) || staged->slotByName.count(name))
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
    vm_.heap.forEachObject([&](Obj* o) {
        if ((o->kind == ObjKind::FunctionProto &&
             static_cast<FunctionProto*>(o)->module == staged) ||
            (o->kind == ObjKind::Class && static_cast<Class*>(o)->module == staged))
            ad.rebase.push_back(o);
    });
    return true;
}

// Scripts name a private field as the source does ("#pin"); the runtime's layouts carry
// the declaring class ("#pin@Account", compiler.h).
static std::string privateField(const std::string& field, const std::string& className) {
    if (field.empty() || field[0] != '#' || field.find('@') != std::string::npos) return field;
    return field + "@" + className;
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
        if (removed == drafts_.end())
            return fail("cannot rename '" + from +
                        "': the new version still has it, or the "
                        "live program has no such class");
        if (!added)
            return fail("cannot rename '" + from + "' to '" + to +
                        "': the new version adds no class '" + to + "'");
        added->old = (*removed)->old;
        for (String* f : added->old->fields)
            if (added->staged->findSlot(f) < 0) added->fieldsDropped = true;
        drafts_.erase(removed);
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

static NameTable& tableFor(ClassDefinition& def, Transaction::MemberKind kind) {
    switch (kind) {
    case Transaction::MemberKind::Method: return def.methods;
    case Transaction::MemberKind::Getter: return def.getters;
    case Transaction::MemberKind::Setter: return def.setters;
    case Transaction::MemberKind::StaticMethod: return def.staticMethods;
    case Transaction::MemberKind::StaticGetter: return def.staticGetters;
    case Transaction::MemberKind::StaticSetter: return def.staticSetters;
    }
    return def.methods;
}

bool Transaction::addMethod(const std::string& cls, const std::string& name, Value fn,
                            MemberKind kind) {
    Root keep(vm_.heap, fn);
    Draft* d = draft(cls);
    if (!d) return false;
    NameTable& t = tableFor(d->def, kind);
    String* key = vm_.intern(name);
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
    d->changedMembers.insert(name);
    return true;
}

bool Transaction::replaceMethod(const std::string& cls, const std::string& name, Value fn,
                                MemberKind kind) {
    Root keep(vm_.heap, fn);
    Draft* d = draft(cls);
    if (!d) return false;
    bool isConstructor = name == "constructor" && kind == MemberKind::Method;
    if (versionMode() && fn.isUndefined()) {
        if (!isConstructor && !tableFor(d->def, kind).count(vm_.intern(name)))
            return fail("the new version of '" + cls + "' has no method '" + name + "'");
        return true;
    }
    if (!vm_.isCallable(fn))
        return fail("method '" + name + "' of '" + cls + "' must be a function");
    if (isConstructor) {
        d->def.constructor = fn;
    } else {
        NameTable& t = tableFor(d->def, kind);
        String* key = vm_.intern(name);
        if (!t.count(key))
            return fail("class '" + cls + "' has no method '" + name + "' to replace");
        t[key] = fn;
    }
    d->changedMembers.insert(name);
    return true;
}

bool Transaction::removeMethod(const std::string& cls, const std::string& name, MemberKind kind) {
    Draft* d = draft(cls);
    if (!d) return false;
    NameTable& t = tableFor(d->def, kind);
    if (versionMode()) {
        if (t.count(vm_.intern(name)))
            return fail("the new version of '" + cls + "' still has the method '" + name + "'");
        return true;
    }
    if (!t.erase(vm_.intern(name))) return fail("class '" + cls + "' has no method '" + name + "'");
    d->changedMembers.insert(name);
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
        if (!a || a->live->slotByName.count(name))
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
        if (!a || a->staged->slotByName.count(name))
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
        if (!isExcluded(m) && m->slotByName.count(name)) {
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

// ---------------------------------------------------------------- namespace views

Value Transaction::lookup(bool newVersion, const std::string& name) {
    if (newVersion && built_) {
        for (Draft* d : built_->order)
            if (d->def.name == name) return Value::object(d->built);
        for (auto& b : bindingOps_)
            if (b.kind == Binding::Kind::Add && b.name == name) return b.value;
        for (auto& a : adoptions_)
            if (a->result) {
                auto it = a->result->slotByName.find(name);
                if (it != a->result->slotByName.end()) {
                    Value v = a->result->slots[it->second];
                    if (Draft* d =
                            isKind(v, ObjKind::Class) ? draftForStaged(as<Class>(v)) : nullptr)
                        return d->built ? Value::object(d->built) : v;
                    return v.isEmpty() ? Value::undefined() : v;
                }
            }
    }
    for (Module* m : vm_.modules()) {
        if (isExcluded(m)) continue;
        auto it = m->slotByName.find(name);
        if (it == m->slotByName.end()) continue;
        Value v = m->slots[it->second];
        if (newVersion && built_ && isKind(v, ObjKind::Class)) {
            auto c = built_->classMap.find(as<Class>(v));
            if (c != built_->classMap.end()) return Value::object(c->second);
        }
        return v.isEmpty() ? Value::undefined() : v;
    }
    return vm_.global(name);
}

Value Transaction::instancesOf(bool newVersion, const std::string& className) {
    Value cls = lookup(newVersion, className);
    Array* out = vm_.newArray();
    Root keep(vm_.heap, Value::object(out));
    if (!isKind(cls, ObjKind::Class)) return Value::object(out);
    Class* c = as<Class>(cls);
    bool isNewClass = built_ && std::any_of(built_->order.begin(), built_->order.end(),
                                            [&](Draft* d) { return d->built == c; });
    if (newVersion && isNewClass) {
        for (Obj* o : built_->news)
            if (o->klass == c) vm_.arrayPush(out, Value::object(o));
        // Objects a policy made with the new version's class (`new Address()` in a patch
        // names the staged class, which becomes `c` at the swap).
        for (Draft* d : built_->order)
            if (d->built == c && d->staged)
                for (Value v : allInstancesUncollected(vm_, d->staged))
                    vm_.arrayPush(out, v);
        return Value::object(out);
    }
    for (Value v : allInstances(vm_, c))
        vm_.arrayPush(out, v);
    return Value::object(out);
}

static Value nsGet(VM& vm, Value self, Value* args, int argc);
static Value nsAllInstances(VM& vm, Value self, Value* args, int argc);

static Value makeNamespaceView(VM& vm, bool newVersion) {
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    vm.recordSet(r, vm.intern("version"), vm.istr(newVersion ? "new" : "old"));
    vm.recordSet(r, vm.intern("get"), Value::object(vm.newNative("get", nsGet, 1)));
    vm.recordSet(r, vm.intern("allInstances"),
                 Value::object(vm.newNative("allInstances", nsAllInstances, 1)));
    return Value::object(r);
}

static bool viewIsNew(VM& vm, Value self) {
    if (!isKind(self, ObjKind::Record)) return false;
    Value v = vm.recordGet(as<Record>(self), vm.intern("version"));
    return isString(v) && asString(v)->view() == "new";
}

static Value nsGet(VM& vm, Value self, Value* args, int argc) {
    auto* t = static_cast<Transaction*>(vm.dsuContext);
    if (!t || argc < 1 || !isString(args[0]))
        return vm.throwTypeError("ns.get(name) expects a name during an update");
    return t->lookup(viewIsNew(vm, self), std::string(asString(args[0])->view()));
}

static Value nsAllInstances(VM& vm, Value self, Value* args, int argc) {
    auto* t = static_cast<Transaction*>(vm.dsuContext);
    if (!t || argc < 1 || !isString(args[0]))
        return vm.throwTypeError(
            "ns.allInstances(className) expects a class name during an update");
    return t->instancesOf(viewIsNew(vm, self), std::string(asString(args[0])->view()));
}

// ---------------------------------------------------------------- commit

bool Transaction::prepare(UpdateReport& report) {
    if (injectFailureAt == "prepare") return fail("injected failure in prepare");
    // Garbage must never block an update: only a removed class needs an exact count of
    // live instances, so only then is a full collection worth its cost in the pause.
    // Otherwise a few unreachable instances are migrated along and die later.
    if (std::any_of(drafts_.begin(), drafts_.end(), [](auto& d) { return d->removed; }))
        vm_.heap.collect();
    built_ = std::make_unique<Built>();

    // Every subclass of a changed class is rebuilt too: its layout starts with its parent's.
    const std::vector<Class*> classes = vm_.classes();
    bool grew = true;
    while (grew) {
        grew = false;
        for (Class* c : classes) {
            if (!c->super || isStaged(c)) continue;
            bool parentDrafted = std::any_of(drafts_.begin(), drafts_.end(),
                                             [&](auto& d) { return d->old == c->super; });
            bool drafted =
                std::any_of(drafts_.begin(), drafts_.end(), [&](auto& d) { return d->old == c; });
            if (parentDrafted && !drafted) {
                draftForClass(c);
                grew = true;
            }
        }
    }

    // Resolve superclasses in the new version and order supers first.
    auto newSuperOf = [&](Draft* d) -> Class* {
        if (d->newSuper) {
            if (d->newSuper->empty()) return nullptr;
            for (auto& x : drafts_)
                if (!x->removed && x->def.name == *d->newSuper) return x->old ? x->old : nullptr;
            if (Class* added = addedClass(*d->newSuper)) return added;
            return findClass(*d->newSuper);
        }
        return resolveSuper(d->def.superclass);
    };
    std::vector<Draft*> pending;
    for (auto& d : drafts_)
        if (!d->removed) pending.push_back(d.get());
    for (auto& d : drafts_)
        if (d->removed)
            for (Draft* p : pending)
                if (newSuperOf(p) == d->old)
                    return fail("cannot remove class '" + d->def.name + "': '" + p->def.name +
                                "' still extends it");
    std::unordered_set<Class*> done;
    while (!pending.empty()) {
        bool progress = false;
        for (auto it = pending.begin(); it != pending.end();) {
            Class* super = newSuperOf(*it);
            bool superPending = super && std::any_of(pending.begin(), pending.end(), [&](Draft* p) {
                                    return identity(p) == super && p != *it;
                                });
            if (superPending) {
                ++it;
                continue;
            }
            built_->order.push_back(*it);
            it = pending.erase(it);
            progress = true;
        }
        if (!progress) return fail("the new superclasses form a cycle");
    }

    vm_.classVersion++;
    for (Draft* d : built_->order) {
        ClassDefinition def = d->def;
        // Static fields keep their live values: the program may have changed them since
        // the operations were recorded (commitAsync waits while it runs).
        if (d->old)
            for (auto& [n, v] : def.statics) {
                auto renamed = d->staticRenames.find(n);
                const std::string& from = renamed != d->staticRenames.end() ? renamed->second : n;
                for (size_t i = 0; i < d->old->staticNames.size(); ++i)
                    if (d->old->staticNames[i]->view() == from && !d->staticOverrides.count(n))
                        v = d->old->staticValues[i];
            }
        Class* super = newSuperOf(d);
        if (super) {
            auto m = built_->classMap.find(super);
            def.superclass = m != built_->classMap.end() ? m->second : super;
        } else {
            def.superclass = nullptr;
        }
        if (!d->old && !def.module) def.module = defaultModule_;
        Class* c = createClass(vm_, def);
        built_->keep.push_back(Value::object(c));
        d->built = c;
        built_->classMap[identity(d)] = c;
        // Methods new to this class need it as their home for `super`. The function given
        // may be live elsewhere (another class's method), so the new class gets its own
        // closure over the same code and upvalues: prepare never writes to old objects.
        // Unchanged methods keep their closures; the swap forwards their home to `c`.
        auto rehome = [&](Value& v) {
            if (!isKind(v, ObjKind::Closure)) return;
            Closure* src = as<Closure>(v); // still reachable from the table: the heap does not move
            // The new version's own code already has its home: the staged class, which the
            // swap forwards to `c`. Keeping its closures keeps the identity the swap gives
            // the old method objects (a method taken out as a value runs the new code).
            if (std::any_of(adoptions_.begin(), adoptions_.end(),
                            [&](auto& a) { return src->proto->module == a->staged; }))
                return;
            Closure* copy = vm_.newClosure(src->proto);
            for (uint32_t i = 0; i < src->upvalueCount; ++i)
                copy->upvalues[i] = src->upvalues[i];
            copy->homeClass = c;
            v = Value::object(copy);
        };
        for (auto* table : {&c->ownMethods, &c->ownGetters, &c->ownSetters, &c->staticMethods,
                            &c->staticGetters, &c->staticSetters})
            for (auto& [k, v] : *table)
                if (d->changedMembers.count(std::string(k->view()))) rehome(v);
        if (d->changedMembers.count("constructor")) rehome(c->constructor);
        vm_.finishClass(c); // the flattened tables must see the new closures
        report.classesChanged.push_back(def.name);
    }

    // Namespaces with changed bindings are copied; the copies take the changes.
    for (auto& b : bindingOps_) {
        auto it = std::find_if(built_->namespaces.begin(), built_->namespaces.end(),
                               [&](auto& p) { return p.first == b.module; });
        Module* copy;
        if (it == built_->namespaces.end()) {
            copy = cloneNamespace(vm_, b.module);
            built_->namespaces.emplace_back(b.module, copy);
        } else {
            copy = it->second;
        }
        switch (b.kind) {
        case Binding::Kind::Add: {
            uint32_t slot = uint32_t(copy->slots.size());
            copy->slotByName[b.name] = slot;
            copy->names.push_back(vm_.intern(b.name));
            copy->slots.push_back(b.value);
            break;
        }
        case Binding::Kind::Remove: {
            // Slots keep their indices (compiled code addresses them); the name goes away.
            auto s = copy->slotByName.find(b.name);
            if (s != copy->slotByName.end()) {
                copy->slots[s->second] = Value::undefined();
                copy->slotByName.erase(s);
            }
            break;
        }
        case Binding::Kind::Set: {
            auto s = copy->slotByName.find(b.name);
            if (s != copy->slotByName.end()) copy->slots[s->second] = b.value;
            break;
        }
        case Binding::Kind::Rename: {
            auto s = copy->slotByName.find(b.name);
            if (s == copy->slotByName.end()) break;
            uint32_t slot = s->second;
            copy->slotByName.erase(s);
            copy->slotByName[b.newName] = slot;
            copy->names[slot] = vm_.intern(b.newName);
            break;
        }
        }
    }
    // Version mode: each live module takes the new version's namespace, where a binding
    // of both versions keeps its live value unless the new version redefined it (a class
    // or a function) or the patch gave it one.
    for (auto& a : adoptions_) {
        Module* result = cloneNamespace(vm_, a->staged);
        a->result = result;
        for (auto& [name, slot] : a->staged->slotByName) {
            auto l = a->live->slotByName.find(name);
            if (l != a->live->slotByName.end() && !definedIn(a->staged->slots[slot], a->staged))
                result->slots[slot] = a->live->slots[l->second];
        }
        for (auto& [name, slot] : a->live->slotByName)
            if (!a->staged->slotByName.count(name) && slot < result->slots.size())
                result->slots[slot] = Value::undefined(); // removed: dropped
        for (auto& [name, v] : a->overrides)
            result->slots[result->slotByName.at(name)] = v;
        result->exports = a->live->exports;
        result->moduleObject = a->live->moduleObject;
        result->body = a->live->body;
    }
    return true;
}

bool Transaction::migrate(UpdateReport& report) {
    if (injectFailureAt == "migrate") return fail("injected failure in migrate");
    Value oldNs = makeNamespaceView(vm_, false);
    Root keepOld(vm_.heap, oldNs);
    Value newNs = makeNamespaceView(vm_, true);
    Root keepNew(vm_.heap, newNs);

    // Policies registered on a class apply to its subclasses' instances too, ancestors first.
    auto policyChain = [&](Draft* d) {
        std::vector<Draft*> chain;
        for (Class* c = d->old; c; c = c->super)
            for (auto& x : drafts_)
                if (x->old == c) chain.insert(chain.begin(), x.get());
        return chain;
    };
    // Everything that does not depend on the instance is worked out once per (old class,
    // new class): where each new slot is copied from by default, then the policy steps in
    // registration order (keep and rename are steps too, so the last one for a field wins).
    struct Step {
        int slot;
        const FieldPolicy* policy;
        std::string field;
        int fromSlot; // keep / rename: the old slot, or -1
    };
    struct Plan {
        Draft* draft;
        Class* target;
        std::vector<int> copyFrom; // new slot -> old slot, or -1
        std::vector<Step> steps;
        std::vector<const InstancePolicy*> instancePolicies;
        size_t firstObject, endObject; // range in built_->olds / news
    };
    // A field of the new layout in the old one: by name, and a private field of a renamed
    // class under its old class's name ("#pin@Basket" was "#pin@Cart").
    std::unordered_map<std::string, std::string> oldClassNames;
    for (auto& d : drafts_)
        if (d->old && d->old->name->view() != d->def.name)
            oldClassNames[d->def.name] = std::string(d->old->name->view());
    auto oldSlot = [&](Class* oldClass, const std::string& field) {
        int slot = oldClass->findSlot(vm_.intern(field));
        size_t at = field.find('@');
        if (slot >= 0 || field.empty() || field[0] != '#' || at == std::string::npos) return slot;
        auto renamed = oldClassNames.find(field.substr(at + 1));
        if (renamed == oldClassNames.end()) return slot;
        return oldClass->findSlot(vm_.intern(field.substr(0, at + 1) + renamed->second));
    };
    auto makePlan = [&](Draft* d, Class* oldClass, Class* target) {
        Plan plan{d, target, {}, {}, {}, 0, 0};
        std::vector<const std::pair<std::string, FieldPolicy>*> fieldPolicies;
        for (Draft* x : policyChain(d)) {
            for (auto& fp : x->fieldPolicies)
                fieldPolicies.push_back(&fp);
            // A removed class mapped to another one runs only its own instance policies.
            if (d->migrateTo.empty() || x == d)
                for (auto& ip : x->instancePolicies)
                    plan.instancePolicies.push_back(&ip);
        }
        plan.copyFrom.resize(target->fields.size(), -1);
        for (size_t i = 0; i < target->fields.size(); ++i) {
            std::string from(target->fields[i]->view());
            for (auto* fp : fieldPolicies)
                if (fp->first == from && fp->second.kind == FieldPolicy::Kind::Rename)
                    from = fp->second.from;
            plan.copyFrom[i] = oldSlot(oldClass, from);
        }
        for (auto* fp : fieldPolicies) {
            int slot = target->findSlot(vm_.intern(fp->first));
            if (slot < 0) continue;
            if (fp->second.onlyWhereAbsent && oldSlot(oldClass, fp->first) >= 0) continue;
            int fromSlot = -1;
            if (fp->second.kind == FieldPolicy::Kind::KeepByName)
                fromSlot = oldSlot(oldClass, fp->first);
            if (fp->second.kind == FieldPolicy::Kind::Rename)
                fromSlot = oldSlot(oldClass, fp->second.from);
            plan.steps.push_back({slot, &fp->second, fp->first, fromSlot});
        }
        return plan;
    };

    // Phase 1: every new instance exists, with the fields copied by name, before any policy
    // runs, so a policy can look at any migrated object through newNs. One heap walk finds
    // the instances of every class the update rebuilds.
    std::unordered_map<Class*, std::vector<Value>> instancesByClass;
    for (auto& d : drafts_)
        if (d->old && d->old->instanceKind == ObjKind::Instance) instancesByClass[d->old];
    vm_.heap.forEachObject([&](Obj* o) {
        if (o->kind != ObjKind::Instance) return;
        auto it = instancesByClass.find(o->klass);
        if (it != instancesByClass.end()) it->second.push_back(Value::object(o));
    });
    // Running out of memory halfway would leave the program in a state no rollback can
    // reach cheaply: check first that every copy fits under the heap's limit.
    if (vm_.heap.limit()) {
        std::map<size_t, size_t> countBySize;
        size_t total = 0;
        for (Draft* d : built_->order) {
            if (!d->old || d->built->instanceKind != ObjKind::Instance) continue;
            size_t n = d->built->fields.size();
            size_t count = instancesByClass[d->old].size();
            countBySize[sizeof(Instance) + (n ? n - 1 : 0) * sizeof(Value)] += count;
            total += count;
        }
        size_t growth = 0;
        for (auto& [bytes, count] : countBySize)
            growth += vm_.heap.growthFor(count, bytes);
        if (vm_.heap.footprint() + growth > vm_.heap.limit())
            return fail("out of memory: migrating " + std::to_string(total) + " instances needs " +
                        std::to_string(growth / (1024 * 1024)) +
                        " MB more, beyond the heap limit of " +
                        std::to_string(vm_.heap.limit() / (1024 * 1024)) + " MB");
    }
    std::vector<Plan> plans;
    auto allocate = [&](Plan& plan, Class* oldClass) {
        const std::vector<Value>& olds = instancesByClass[oldClass];
        plan.firstObject = built_->olds.size();
        built_->olds.reserve(built_->olds.size() + olds.size());
        built_->news.reserve(built_->news.size() + olds.size());
        for (Value oldObj : olds) { // old objects stay reachable: nothing has been swapped yet
            Value newObj = vm_.newInstance(plan.target);
            built_->olds.push_back(oldObj.asObject());
            built_->news.push_back(newObj.asObject());
            auto* in = as<Instance>(newObj);
            auto* old = as<Instance>(oldObj);
            for (size_t i = 0; i < plan.copyFrom.size(); ++i)
                if (plan.copyFrom[i] >= 0) in->slots[i] = old->slots[plan.copyFrom[i]];
        }
        plan.endObject = built_->olds.size();
        report.instancesMigrated += plan.endObject - plan.firstObject;
    };
    for (Draft* d : built_->order) {
        // Arrays, strings, maps, ... have no field layout: the swap re-points them at the
        // new class without copying them.
        if (!d->old || d->built->instanceKind != ObjKind::Instance) continue;
        for (auto& [name, p] : d->fieldPolicies)
            report.policiesRun.push_back(d->def.name + "." + name + ": " + p.describe(vm_));
        for (auto& p : d->instancePolicies)
            report.policiesRun.push_back(d->def.name + ": " + p.name);
        plans.push_back(makePlan(d, d->old, d->built));
        allocate(plans.back(), d->old);
    }
    // Instances of removed classes that are mapped to another class.
    for (auto& d : drafts_) {
        if (!d->removed || d->migrateTo.empty()) continue;
        Value target = lookup(true, d->migrateTo);
        if (!isKind(target, ObjKind::Class))
            return fail("migrateInstancesTo: unknown class '" + d->migrateTo + "'");
        if (!d->migrateToClosure.isUndefined())
            d->instancePolicies.push_back({d->migrateToClosure, "to " + d->migrateTo});
        report.policiesRun.push_back(d->def.name + ": instances become " + d->migrateTo);
        plans.push_back(makePlan(d.get(), d->old, as<Class>(target)));
        allocate(plans.back(), d->old);
    }

    // Phase 2: field policies, then instance policies.
    for (const Plan& plan : plans) {
        for (size_t k = plan.firstObject; k < plan.endObject; ++k) {
            Value oldObj = Value::object(built_->olds[k]);
            Value newObj = Value::object(built_->news[k]);
            auto* old = as<Instance>(oldObj);
            for (const Step& step : plan.steps) {
                Value v;
                std::string why;
                switch (step.policy->kind) {
                case FieldPolicy::Kind::KeepByName:
                case FieldPolicy::Kind::Rename:
                    v = step.fromSlot >= 0 ? old->slots[step.fromSlot] : Value::undefined();
                    break;
                case FieldPolicy::Kind::Constant: v = step.policy->value; break;
                case FieldPolicy::Kind::Initializer:
                    if (!callHosted(vm_, step.policy->value, newObj, {}, v, why))
                        return fail("the initializer policy of " + plan.draft->def.name + "." +
                                    step.field + " threw: " + why);
                    break;
                case FieldPolicy::Kind::Computed:
                    if (!callHosted(vm_, step.policy->value, Value::undefined(),
                                    {oldObj, newObj, oldNs, newNs}, v, why))
                        return fail("the policy of " + plan.draft->def.name + "." + step.field +
                                    " threw: " + why);
                    break;
                }
                as<Instance>(newObj)->slots[step.slot] = v;
            }
            for (const InstancePolicy* p : plan.instancePolicies) {
                Value ignored;
                std::string why;
                if (!callHosted(vm_, p->closure, Value::undefined(), {oldObj, newObj, oldNs, newNs},
                                ignored, why))
                    return fail("migration policy '" + p->name + "' of " + plan.draft->def.name +
                                " threw: " + why);
            }
        }
    }
    takeSamples(report);
    return true;
}

// A field value as the Before/After view shows it: primitives as console.log prints them,
// objects by class and identity (following references is the inspector's job).
static std::string renderShort(VM& vm, Value v) {
    if (!v.isObject() || v.asObject()->kind == ObjKind::String) return vm.inspect(v);
    Obj* o = v.asObject();
    std::string cls = o->klass && o->klass->name ? std::string(o->klass->name->view()) : "Object";
    if (o->kind == ObjKind::Array)
        return cls + "(" + std::to_string(static_cast<Array*>(o)->length) + ") #" +
               std::to_string(vm.heap.identityOf(o));
    if (o->kind == ObjKind::Class)
        return "[class " + std::string(static_cast<Class*>(o)->name->view()) + "]";
    return cls + " #" + std::to_string(vm.heap.identityOf(o));
}

void Transaction::takeSamples(UpdateReport& report) {
    report.samples.clear();
    size_t n = std::min(sampleLimit, built_->olds.size());
    for (size_t i = 0; i < n; ++i) {
        auto* old = static_cast<Instance*>(built_->olds[i]);
        auto* now = static_cast<Instance*>(built_->news[i]);
        MigratedInstance m;
        m.identity = vm_.heap.identityOf(old);
        m.oldClass = std::string(old->klass->name->view());
        m.newClass = std::string(now->klass->name->view());
        for (uint32_t k = 0; k < old->slotCount; ++k)
            m.before.emplace_back(std::string(old->klass->fields[k]->view()),
                                  renderShort(vm_, old->slots[k]));
        for (uint32_t k = 0; k < now->slotCount; ++k)
            m.after.emplace_back(std::string(now->klass->fields[k]->view()),
                                 renderShort(vm_, now->slots[k]));
        report.samples.push_back(std::move(m));
    }
}

bool Transaction::validate(UpdateReport& report) {
    if (injectFailureAt == "validate") return fail("injected failure in validate");
    Value oldNs = makeNamespaceView(vm_, false);
    Root keepOld(vm_.heap, oldNs);
    Value newNs = makeNamespaceView(vm_, true);
    Root keepNew(vm_.heap, newNs);
    UpdateView view{vm_, built_->olds, built_->news, {}, {}, {}, oldNs, newNs};
    for (auto& d : drafts_)
        if (d->removed) {
            view.removedClasses.push_back(d->old);
            if (d->migrateTo.empty()) view.unmapped.push_back(d->old);
        }
    // Reachable as the program will be after the swap: an instance that only an object
    // being replaced refers to (a part merged into its owner) is not live then. Counted
    // once, on first use.
    std::optional<std::unordered_map<Class*, size_t>> liveOfRemoved;
    view.liveAfterSwap = [&](Class* cls) -> size_t {
        if (!liveOfRemoved) liveOfRemoved = countLiveAfterSwap(view.unmapped);
        auto it = liveOfRemoved->find(cls);
        return it == liveOfRemoved->end() ? 0 : it->second;
    };
    for (const std::vector<Validation>* list : {&systemValidations_, &validations_})
        for (const Validation& v : *list) {
            report.validationsRun.push_back(v.name());
            std::string why;
            if (!v.run(view, why)) return fail(why);
        }
    return true;
}

std::unordered_map<Class*, size_t>
Transaction::countLiveAfterSwap(const std::vector<Class*>& classes) {
    std::unordered_map<Class*, size_t> live;
    for (Class* c : classes)
        live[c] = 0;
    if (classes.empty()) return live;
    std::unordered_map<Obj*, Obj*> after;
    for (size_t i = 0; i < built_->olds.size(); ++i)
        after[built_->olds[i]] = built_->news[i];
    for (Draft* d : built_->order) {
        if (d->old) after[d->old] = d->built;
        if (d->staged) after[d->staged] = d->built;
    }
    for (auto& [liveNs, copy] : built_->namespaces)
        after[liveNs] = copy;
    for (auto& a : adoptions_) {
        after[a->live] = a->result;
        after[a->staged] = a->result;
        for (auto& [old, replacement] : a->functions)
            after[old] = replacement;
        if (a->oldExports) after[a->oldExports] = a->newExports;
    }
    std::function<Obj*(Obj*)> redirect = [&](Obj* o) {
        auto it = after.find(o);
        return it == after.end() ? o : it->second;
    };
    vm_.heap.forEachReachable(
        [&](Obj* o) {
            if (o->kind != ObjKind::Instance) return;
            auto it = live.find(o->klass);
            if (it != live.end()) ++it->second;
        },
        redirect);
    return live;
}

// The methods an update affects: changed or removed members, and every member of a class
// that lost or renamed a field (its code may name the old field). A thread with a frame in
// one of them blocks the swap.
bool Transaction::safePoint(UpdateReport& report, bool final) {
    if (injectFailureAt == "wait") return fail("injected failure in wait");
    std::unordered_set<const FunctionProto*> affected;
    auto addValue = [&](Value v) {
        if (isKind(v, ObjKind::Closure)) affected.insert(as<Closure>(v)->proto);
    };
    for (auto& d : drafts_) {
        if (!d->old) continue;
        bool all = d->removed || d->fieldsDropped;
        for (auto* table : {&d->old->ownMethods, &d->old->ownGetters, &d->old->ownSetters,
                            &d->old->staticMethods, &d->old->staticGetters, &d->old->staticSetters})
            for (auto& [k, v] : *table)
                if (all || d->changedMembers.count(std::string(k->view()))) addValue(v);
        if (all || d->changedMembers.count("constructor")) addValue(d->old->constructor);
        if (all) addValue(d->old->fieldInit);
    }
    for (auto& a : adoptions_)
        for (auto& [old, replacement] : a->functions)
            affected.insert(old->proto);
    report.blockers.clear();
    blockingFrames_.clear();
    for (Thread* t : vm_.scheduler().threads()) {
        for (size_t i = 0; i < t->frames.size(); ++i) {
            if (!affected.count(t->frames[i].closure->proto)) continue;
            blockingFrames_.emplace_back(t, i);
            std::vector<StackFrameInfo> stack = vm_.captureStack(t);
            const StackFrameInfo& f = stack[t->frames.size() - 1 - i];
            report.blockers.push_back("thread " + std::to_string(t->threadId) + ": " + f.function +
                                      " (" + f.file + ":" + std::to_string(f.line) + ":" +
                                      std::to_string(f.column) + ")");
        }
    }
    if (report.blockers.empty()) return true;
    if (final) {
        std::string list;
        for (auto& b : report.blockers)
            list += (list.empty() ? "" : "; ") + b;
        return fail("no safe point: " + list);
    }
    return false;
}

bool Transaction::swap() {
    std::vector<Obj*> olds, news;
    // Staged classes first: a new class takes the identity of the live class it replaces,
    // which the pairs after these set.
    for (Draft* d : built_->order)
        if (d->staged) {
            olds.push_back(d->staged);
            news.push_back(d->built);
        }
    for (Draft* d : built_->order)
        if (d->old) {
            olds.push_back(d->old);
            news.push_back(d->built);
        }
    for (auto& a : adoptions_) {
        for (auto& [old, replacement] : a->functions) {
            olds.push_back(old);
            news.push_back(replacement);
        }
        if (a->oldExports) {
            olds.push_back(a->oldExports);
            news.push_back(a->newExports);
        }
    }
    olds.insert(olds.end(), built_->olds.begin(), built_->olds.end());
    news.insert(news.end(), built_->news.begin(), built_->news.end());
    std::string error;
    // swapObjects checks its input before it changes anything, so a refusal (which would be
    // a bug in prepare or migrate) still leaves the program untouched: roll back.
    if (!swapObjects(vm_, olds, news, &error))
        return fail("internal error, nothing was changed: " + error);
    for (auto& [live, copy] : built_->namespaces)
        replaceNamespace(vm_, live, copy);
    for (auto& a : adoptions_) {
        for (Obj* o : a->rebase) {
            if (o->kind == ObjKind::FunctionProto) static_cast<FunctionProto*>(o)->module = a->live;
            if (o->kind == ObjKind::Class) static_cast<Class*>(o)->module = a->live;
        }
        replaceNamespace(vm_, a->live, a->result);
    }
    return true;
}

void Transaction::discard() {
    built_.reset();
    for (auto& d : drafts_)
        d->built = nullptr; // nothing built by a rolled-back commit survives it
    vm_.dsuContext = nullptr;
}

void Transaction::rollback() {
    discard();
    drafts_.clear();
    bindingOps_.clear();
    validations_.clear();
    finished_ = true;
}

UpdateReport Transaction::commit() {
    UpdateReport report;
    double start = nowMs();
    auto finish = [&](bool ok) {
        report.totalMs = nowMs() - start;
        report.outcome = ok ? UpdateReport::Outcome::Committed : UpdateReport::Outcome::RolledBack;
        if (!ok) {
            report.rollbackReason = error_;
            discard();
        }
        finished_ = true;
        vm_.dsuContext = nullptr;
        vm_.heap.setCollectionDeferred(false);
        return report;
    };
    if (finished_) {
        fail("the transaction was already committed or rolled back");
        return finish(false);
    }
    if (!error_.empty()) return finish(false);
    vm_.dsuContext = this;
    vm_.heap.setCollectionDeferred(true);
    double t0 = nowMs();
    bool ok = prepare(report);
    double t1 = nowMs();
    report.prepareMs = t1 - t0;
    ok = ok && migrate(report);
    double t2 = nowMs();
    report.migrateMs = t2 - t1;
    ok = ok && validate(report);
    double t3 = nowMs();
    report.validateMs = t3 - t2;
    ok = ok && safePoint(report, true);
    double t4 = nowMs();
    report.waitMs = t4 - t3;
    if (!ok || !swap()) return finish(false);
    report.pauseMs = nowMs() - t0 - report.waitMs; // the program did not run during the commit
    built_.reset();
    return finish(true);
}

void Transaction::commitAsync(std::function<void(const UpdateReport&)> done) {
    // Wait first, then build and swap in one step at the safe point: migrating earlier would
    // let the program change old objects after they were copied.
    //
    // While the program runs, a return barrier on every blocking frame says when it leaves
    // the affected code; only then (or when a blocker could not get a barrier: a thread's
    // first frame, a frame entered from C++) are the threads' stacks searched again.
    waitStart_ = nowMs();
    pendingDone_ = std::move(done);
    struct Waiting {
        bool recheck = true;
        bool polling = false;
    };
    auto waiting = std::make_shared<Waiting>();
    auto attempt = [this, waiting](bool timedOut) -> bool {
        if (!waiting->recheck && !waiting->polling && !timedOut) return false;
        waiting->recheck = false;
        vm_.clearReturnBarriers();
        UpdateReport r;
        if (!safePoint(r, false)) {
            if (!error_.empty() || timedOut) {
                if (error_.empty()) {
                    std::string list;
                    for (auto& b : r.blockers)
                        list += (list.empty() ? "" : "; ") + b;
                    fail("no safe point within " + std::to_string(int(safePointTimeoutMs)) +
                         " ms: " + list);
                }
                r.outcome = UpdateReport::Outcome::RolledBack;
                r.rollbackReason = error_;
                finishWaiting(r);
                return true;
            }
            waiting->polling = false;
            vm_.onReturnBarrier = [waiting] { waiting->recheck = true; };
            for (auto& [thread, frame] : blockingFrames_)
                if (!vm_.setReturnBarrier(thread, frame)) waiting->polling = true;
            return false;
        }
        stopWaiting();
        double waited = nowMs() - waitStart_;
        UpdateReport r2 = commit();
        r2.waitMs += waited;
        r2.totalMs += waited;
        auto done = std::move(pendingDone_);
        pendingDone_ = nullptr;
        done(r2);
        return true;
    };
    waiting_ = true;
    if (attempt(false)) return;
    // The hook may outlive the transaction (a host drops an update it cancelled): it holds
    // only a flag that says whether the transaction still exists.
    std::shared_ptr<bool> alive = alive_;
    vm_.scheduler().addSafePointHook([this, alive, attempt]() {
        if (!*alive || !waiting_) return true;
        return attempt(nowMs() - waitStart_ > safePointTimeoutMs);
    });
}

void Transaction::stopWaiting() {
    if (!waiting_) return;
    waiting_ = false;
    vm_.clearReturnBarriers();
    vm_.onReturnBarrier = nullptr;
}

void Transaction::finishWaiting(UpdateReport report) {
    stopWaiting();
    finished_ = true;
    report.outcome = UpdateReport::Outcome::RolledBack;
    report.waitMs = report.totalMs = nowMs() - waitStart_;
    if (report.rollbackReason.empty()) report.rollbackReason = error_;
    auto done = std::move(pendingDone_);
    pendingDone_ = nullptr;
    if (done) done(report);
}

bool Transaction::cancel() {
    if (!waiting_) return false;
    fail("cancelled while waiting for a safe point");
    UpdateReport r;
    r.rollbackReason = error_;
    finishWaiting(r);
    return true;
}

} // namespace molt::dsu
