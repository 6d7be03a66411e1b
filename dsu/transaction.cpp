#include "transaction.h"

#include "scheduler.h"

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
    Class* built = nullptr;
};

struct Transaction::Binding {
    enum class Kind { Add, Remove, Rename } kind;
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
        if (d->built) t.mark(d->built);
    }
    for (auto& b : bindingOps_) {
        if (b.module) t.mark(b.module);
        t.mark(b.value);
    }
    for (auto& [n, v] : validations_)
        t.mark(v);
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

// ---------------------------------------------------------------- operations

bool Transaction::addClass(Value cls, Module* module) {
    Root keep(vm_.heap, cls);
    if (!isKind(cls, ObjKind::Class)) return fail("addClass expects a class");
    auto* c = as<Class>(cls);
    std::string name(c->name->view());
    if (findClass(name)) return fail("class '" + name + "' already exists");
    addBinding(name, cls, module);
    return true;
}

bool Transaction::removeClass(const std::string& name) {
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
    Draft* d = draft(removedClass);
    if (!d) return false;
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
    if (!vm_.isCallable(fn))
        return fail("method '" + name + "' of '" + cls + "' must be a function");
    NameTable& t = tableFor(d->def, kind);
    String* key = vm_.intern(name);
    if (t.count(key)) return fail("class '" + cls + "' already has a method '" + name + "'");
    t[key] = fn;
    d->changedMembers.insert(name);
    return true;
}

bool Transaction::replaceMethod(const std::string& cls, const std::string& name, Value fn,
                                MemberKind kind) {
    Root keep(vm_.heap, fn);
    Draft* d = draft(cls);
    if (!d) return false;
    if (!vm_.isCallable(fn))
        return fail("method '" + name + "' of '" + cls + "' must be a function");
    if (name == "constructor" && kind == MemberKind::Method) {
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
    if (!t.erase(vm_.intern(name))) return fail("class '" + cls + "' has no method '" + name + "'");
    d->changedMembers.insert(name);
    return true;
}

bool Transaction::addStaticField(const std::string& cls, const std::string& name, Value initial) {
    Root keep(vm_.heap, initial);
    Draft* d = draft(cls);
    if (!d) return false;
    for (auto& [n, v] : d->def.statics)
        if (n == name) return fail("class '" + cls + "' already has a static field '" + name + "'");
    d->def.statics.emplace_back(name, initial);
    return true;
}

bool Transaction::removeStaticField(const std::string& cls, const std::string& name) {
    Draft* d = draft(cls);
    if (!d) return false;
    auto& s = d->def.statics;
    auto it = std::find_if(s.begin(), s.end(), [&](auto& p) { return p.first == name; });
    if (it == s.end()) return fail("class '" + cls + "' has no static field '" + name + "'");
    s.erase(it);
    return true;
}

bool Transaction::addBinding(const std::string& name, Value initial, Module* module) {
    Root keep(vm_.heap, initial);
    Module* m = module ? module : defaultModule_;
    if (!m) return fail("no module to add '" + name + "' to");
    if (m->slotByName.count(name)) return fail("binding '" + name + "' already exists");
    bindingOps_.push_back({Binding::Kind::Add, m, name, {}, initial});
    return true;
}

bool Transaction::removeBinding(const std::string& name, Module* module) {
    Module* m = module ? module : defaultModule_;
    if (!m || !m->slotByName.count(name)) return fail("unknown binding '" + name + "'");
    bindingOps_.push_back({Binding::Kind::Remove, m, name, {}, Value::undefined()});
    return true;
}

bool Transaction::addValidation(const std::string& name, Value closure) {
    Root keep(vm_.heap, closure);
    if (!vm_.isCallable(closure)) return fail("validation '" + name + "' must be a function");
    validations_.emplace_back(name, closure);
    return true;
}

// ---------------------------------------------------------------- namespace views

Value Transaction::lookup(bool newVersion, const std::string& name) {
    if (newVersion && built_) {
        for (Draft* d : built_->order)
            if (d->def.name == name) return Value::object(d->built);
        for (auto& b : bindingOps_)
            if (b.kind == Binding::Kind::Add && b.name == name) return b.value;
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

// Calls hosted code for a policy or validation; returns false with `why` on a throw.
static bool callHosted(VM& vm, Value fn, Value thisValue, std::vector<Value> args, Value& result,
                       std::string& why) {
    result = vm.call(fn, thisValue, args.data(), int(args.size()));
    if (!result.isException()) return true;
    if (vm.exitRequested()) {
        why = "the program exited";
        return false;
    }
    Value exc = vm.takePendingException();
    Root keep(vm.heap, exc);
    if (vm.instanceOf(exc, vm.errorClass)) {
        Value m = vm.getProperty(exc, vm.names.message);
        if (m.isException()) vm.takePendingException();
        Value n = vm.getProperty(exc, vm.names.name);
        if (n.isException()) vm.takePendingException();
        why = vm.toStdString(n) + ": " + vm.toStdString(m);
    } else {
        why = vm.inspect(exc);
    }
    return false;
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
            if (!c->super) continue;
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
        return d->def.superclass;
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
            bool superPending = std::any_of(pending.begin(), pending.end(),
                                            [&](Draft* p) { return p->old == super && p != *it; });
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
            for (auto& [n, v] : def.statics)
                for (size_t i = 0; i < d->old->staticNames.size(); ++i)
                    if (d->old->staticNames[i]->view() == n) v = d->old->staticValues[i];
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
        if (d->old) built_->classMap[d->old] = c;
        // Methods new to this class need it as their home for `super`. The function given
        // may be live elsewhere (another class's method), so the new class gets its own
        // closure over the same code and upvalues: prepare never writes to old objects.
        // Unchanged methods keep their closures; the swap forwards their home to `c`.
        auto rehome = [&](Value& v) {
            if (!isKind(v, ObjKind::Closure)) return;
            Closure* src = as<Closure>(v); // still reachable from the table: the heap does not move
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
            plan.copyFrom[i] = oldClass->findSlot(vm_.intern(from));
        }
        for (auto* fp : fieldPolicies) {
            int slot = target->findSlot(vm_.intern(fp->first));
            if (slot < 0) continue;
            int fromSlot = -1;
            if (fp->second.kind == FieldPolicy::Kind::KeepByName)
                fromSlot = oldClass->findSlot(vm_.intern(fp->first));
            if (fp->second.kind == FieldPolicy::Kind::Rename)
                fromSlot = oldClass->findSlot(vm_.intern(fp->second.from));
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
    return true;
}

bool Transaction::validate(UpdateReport& report) {
    if (injectFailureAt == "validate") return fail("injected failure in validate");
    // System validations.
    report.validationsRun.push_back("system: no live instance of a removed class");
    for (auto& d : drafts_) {
        if (!d->removed || !d->migrateTo.empty()) continue;
        size_t live = allInstances(vm_, d->old).size();
        if (live)
            return fail("class '" + d->def.name + "' was removed but " + std::to_string(live) +
                        " of its instances are still reachable (map them with migrateInstancesTo)");
    }
    report.validationsRun.push_back("system: migrated objects have their class's layout");
    for (Obj* o : built_->news) {
        auto* in = static_cast<Instance*>(o);
        if (in->slotCount != in->klass->fields.size())
            return fail("a migrated " + std::string(in->klass->name->view()) +
                        " does not have its class's layout");
    }
    report.validationsRun.push_back("system: nothing new refers to a removed class");
    std::unordered_set<Obj*> removed;
    for (auto& d : drafts_)
        if (d->removed) removed.insert(d->old);
    for (Obj* o : built_->news) {
        auto* in = static_cast<Instance*>(o);
        for (uint32_t i = 0; i < in->slotCount; ++i)
            if (in->slots[i].isObject() && removed.count(in->slots[i].asObject()))
                return fail(
                    "a migrated " + std::string(in->klass->name->view()) +
                    " refers to the removed class " +
                    std::string(static_cast<Class*>(in->slots[i].asObject())->name->view()));
    }
    // Application validations.
    Value oldNs = makeNamespaceView(vm_, false);
    Root keepOld(vm_.heap, oldNs);
    Value newNs = makeNamespaceView(vm_, true);
    Root keepNew(vm_.heap, newNs);
    for (auto& [name, fn] : validations_) {
        report.validationsRun.push_back(name);
        Value r;
        std::string why;
        if (!callHosted(vm_, fn, Value::undefined(), {oldNs, newNs}, r, why))
            return fail("validation '" + name + "' threw: " + why);
        if (!VM::truthy(r)) return fail("validation '" + name + "' failed");
    }
    return true;
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
    report.blockers.clear();
    for (Thread* t : vm_.scheduler().threads()) {
        for (size_t i = 0; i < t->frames.size(); ++i) {
            if (!affected.count(t->frames[i].closure->proto)) continue;
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
    std::vector<Obj*> olds = built_->olds, news = built_->news;
    for (auto& [oldClass, newClass] : built_->classMap) {
        olds.push_back(oldClass);
        news.push_back(newClass);
    }
    std::string error;
    // swapObjects checks its input before it changes anything, so a refusal (which would be
    // a bug in prepare or migrate) still leaves the program untouched: roll back.
    if (!swapObjects(vm_, olds, news, &error))
        return fail("internal error, nothing was changed: " + error);
    for (auto& [live, copy] : built_->namespaces)
        replaceNamespace(vm_, live, copy);
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
    double start = nowMs();
    auto attempt = [this, start, done](bool timedOut) -> bool {
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
                UpdateReport failed = r;
                failed.outcome = UpdateReport::Outcome::RolledBack;
                failed.rollbackReason = error_;
                failed.waitMs = failed.totalMs = nowMs() - start;
                finished_ = true;
                done(failed);
                return true;
            }
            return false;
        }
        double waited = nowMs() - start;
        UpdateReport r2 = commit();
        r2.waitMs += waited;
        r2.totalMs += waited;
        done(r2);
        return true;
    };
    if (attempt(false)) return;
    vm_.scheduler().addSafePointHook(
        [this, start, attempt]() { return attempt(nowMs() - start > safePointTimeoutMs); });
}

} // namespace molt::dsu
