// transaction.cpp — a transaction's life: its roots, naming the classes operations refer
// to, and rollback.
//
// The transaction is a root provider from construction to destruction: every value an
// operation was given, every draft and everything commit built stays alive while the
// program keeps running (commitAsync) and the collector runs. Rollback only drops what
// the transaction made; nothing it made was reachable from the program before the swap.
#include "dsu/commit/operations.h"

namespace molt::dsu {

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
    auto markDefinition = [&](const ClassDefinition& def) {
        if (def.superclass) t.mark(def.superclass);
        if (def.module) t.mark(def.module);
        markTable(def.methods);
        markTable(def.getters);
        markTable(def.setters);
        markTable(def.staticMethods);
        markTable(def.staticGetters);
        markTable(def.staticSetters);
        for (auto& [n, v] : def.statics)
            t.mark(v);
        t.mark(def.constructor);
        t.mark(def.fieldInit);
    };
    for (auto& [name, m] : frameMappings_)
        for (auto& [local, fn] : m.locals)
            t.mark(fn);
    markMoves(t);
    for (auto& d : drafts_) {
        if (d->old) t.mark(d->old);
        if (d->module) t.mark(d->module);
        markDefinition(d->def);
        if (d->backup) markDefinition(*d->backup);
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
        for (auto& [o, n] : a->rewrittenFunctions) {
            t.mark(o);
            t.mark(n);
        }
    }
    if (staging_)
        for (Obj* o : *staging_)
            t.mark(o);
    if (cellUndo_) { // the old slots: a removed field's value may be held nowhere else
        for (Value o : cellUndo_->objects)
            t.mark(o);
        for (Value v : cellUndo_->values)
            t.mark(v);
        for (const std::vector<Value>* old : {&cellUndo_->oldClasses, &cellUndo_->oldViews})
            for (Value v : *old)
                t.mark(v);
    }
    for (auto [live, next] : swappedRecords_) {
        t.mark(live);
        t.mark(next);
    }
    for (const RewrittenClosure& r : rewritten_) {
        t.mark(r.proto);
        if (r.homeClass) t.mark(r.homeClass);
        for (Upvalue* u : r.upvalues)
            if (u) t.mark(u);
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
        for (Obj* o : built_->prepared)
            t.mark(o);
    }
}

bool Transaction::fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
}

// ---------------------------------------------------------------- naming classes

Class* Transaction::findClass(const std::string& name, Module** where, std::string* bindingName) {
    for (Module* m : vm_.modules()) {
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

void Transaction::discard() {
    // Instances migrated in cell take back their old slots (before their classes their
    // old layouts).
    if (cellUndo_) cellUndo_->restore();
    cellUndo_.reset();
    built_.reset();
    // Live closures that took new code in place get their own back (before the classes,
    // whose backups hold them).
    for (auto it = rewritten_.rbegin(); it != rewritten_.rend(); ++it) {
        it->closure->proto = it->proto;
        it->closure->homeClass = it->homeClass;
        for (uint32_t i = 0; i < it->closure->upvalueCount; ++i)
            it->closure->upvalues[i] = it->upvalues[i];
    }
    rewritten_.clear();
    for (auto it = swappedRecords_.rbegin(); it != swappedRecords_.rend(); ++it)
        swapRecordEntries(it->first, it->second);
    swappedRecords_.clear();
    // Classes updated in place take back their members, supers first (a subclass's
    // flattened tables are built from its superclass's).
    std::vector<Draft*> restored;
    for (auto& d : drafts_)
        if (d->backup) restored.push_back(d.get());
    auto depth = [](Draft* d) { return d->layout ? d->layout->depth : d->old->depth; };
    std::stable_sort(restored.begin(), restored.end(),
                     [&](Draft* a, Draft* b) { return depth(a) < depth(b); });
    std::vector<Class*> classes;
    for (Draft* d : restored) {
        if (d->layout) { // a layout taken in cell
            d->old->super = d->layout->super;
            d->old->fields = std::move(d->layout->fields);
            d->old->slotOf = std::move(d->layout->slotOf);
            d->old->ownFieldStart = d->layout->ownFieldStart;
            d->old->depth = d->layout->depth;
            d->layout.reset();
        }
        installMembers(vm_, d->old, *d->backup);
        d->old->version = d->backupVersion;
        d->backup.reset();
        classes.push_back(d->old);
    }
    vm_.dropCachesFor(classes); // policies and validations may have cached the new members
    for (auto& d : drafts_) {
        d->built = nullptr; // nothing built by a rolled-back commit survives it
        d->inPlace = false;
    }
}

void Transaction::rollback() {
    discard();
    drafts_.clear();
    bindingOps_.clear();
    validations_.clear();
    finished_ = true;
    vm_.heap.verifyAfterUpdate("a rollback");
}

} // namespace molt::dsu
