// commit_pipeline.cpp — the phases of a commit (DESIGN.md §5, transaction.h): prepare
// (build the new classes and namespace copies), migrate, validate, swap.
//
// Until swap, everything new hangs off `built_` and nothing reachable from the program
// points at it: a failure returns false and discard() drops it, so the running program
// keeps its identities and field values. Old objects are only read (a policy receives
// them, the copies take their fields). Collection is deferred for the whole commit
// (commit()), so the pointers gathered in one phase stay valid in the next; the swap is
// a single swapObjects call whose input is checked before it changes anything.
#include "dsu/commit/namespace_view.h"
#include "dsu/commit/operations.h"
#include "runtime/core/private_name.h"
#include "runtime/exec/scheduler.h"

#include <algorithm>
#include <unordered_set>

namespace molt::dsu {

// ---------------------------------------------------------------- version mode in place


// Whether two functions were compiled to the same code: bytecode, constants (nested
// functions compared the same way), upvalues and source positions. The file may differ
// (`--then v2.js`); the module does (the staged one is rebased at the swap).
bool sameCode(const FunctionProto* a, const FunctionProto* b) {
    if (a == b) return true;
    if (a->code != b->code || a->numParams != b->numParams || a->maxLocals != b->maxLocals ||
        a->fnFlags != b->fnFlags || a->generatorSlot != b->generatorSlot ||
        a->upvalues.size() != b->upvalues.size() || a->lines.size() != b->lines.size() ||
        a->constants.size() != b->constants.size() || a->caches.size() != b->caches.size())
        return false;
    if ((a->name ? a->name->view() : "") != (b->name ? b->name->view() : "")) return false;
    for (size_t i = 0; i < a->upvalues.size(); ++i)
        if (a->upvalues[i].index != b->upvalues[i].index ||
            a->upvalues[i].fromParentLocal != b->upvalues[i].fromParentLocal)
            return false;
    for (size_t i = 0; i < a->lines.size(); ++i)
        if (a->lines[i].pc != b->lines[i].pc || a->lines[i].line != b->lines[i].line ||
            a->lines[i].column != b->lines[i].column)
            return false;
    for (size_t i = 0; i < a->constants.size(); ++i) {
        Value x = a->constants[i], y = b->constants[i];
        if (x == y) continue;
        if (isKind(x, ObjKind::FunctionProto) && isKind(y, ObjKind::FunctionProto)) {
            if (!sameCode(as<FunctionProto>(x), as<FunctionProto>(y))) return false;
        } else if (isString(x) && isString(y)) {
            if (asString(x)->view() != asString(y)->view()) return false;
        } else {
            return false;
        }
    }
    return true;
}

// A member whose code the new version did not change (the same compiled code, not only
// what the differ reported) keeps its live closure: a reference the program took to it
// stays the class's member.
void Transaction::keepUnchangedMembers(Draft* d, ClassDefinition& def) {
    const std::pair<NameTable*, const NameTable*> tables[] = {
        {&def.methods, &d->old->ownMethods},         {&def.getters, &d->old->ownGetters},
        {&def.setters, &d->old->ownSetters},         {&def.staticMethods, &d->old->staticMethods},
        {&def.staticGetters, &d->old->staticGetters}, {&def.staticSetters, &d->old->staticSetters}};
    auto keep = [&](Value& now, Value old) {
        if (!isKind(now, ObjKind::Closure) || !isKind(old, ObjKind::Closure) || now == old) return;
        Closure *n = as<Closure>(now), *o = as<Closure>(old);
        if (n->upvalueCount != 0 || o->upvalueCount != 0 || !sameCode(o->proto, n->proto)) return;
        built_->forward[now.asObject()] = old.asObject();
        now = old;
    };
    for (auto& [table, oldTable] : tables)
        for (auto& [name, v] : *table) {
            if (d->changedMembers.count(std::string(name->view()))) continue;
            auto o = oldTable->find(name);
            if (o != oldTable->end()) keep(v, o->second);
        }
    if (!d->changedMembers.count("constructor")) keep(def.constructor, d->old->constructor);
}

// Version mode: the classes updated in place hold the staged class's members now; the
// objects the staging made (the staged module, its code, classes, closures, new bindings'
// values, the patch modules) still name the staged class and the new closures of changed
// members. They are forwarded here, among those objects alone, so the swap has nothing to
// forward for them. The live closure of a changed method or function takes its new code
// in place when it has room for its upvalues (the same count): every reference the program
// holds to it (a method taken out as a value, a timer) then runs the new code without a
// heap walk. The others are still swapped.
bool Transaction::updateStagedInPlace() {
    if (!staging_) return true;
    auto& forward = built_->forward;
    for (Draft* d : built_->order)
        if (d->inPlace && d->staged) forward[d->staged] = d->old;
    std::unordered_set<Obj*> made(staging_->begin(), staging_->end());
    // A new closure the staging made (not a live function a patch named) whose upvalues
    // fit in the live closure.
    std::vector<std::pair<Closure*, Closure*>> rewrite;
    for (auto& a : adoptions_)
        for (auto it = a->functions.begin(); it != a->functions.end();) {
            auto [live, next] = *it;
            if (live->upvalueCount != next->upvalueCount || forward.count(next) ||
                !made.count(next)) {
                ++it;
                continue;
            }
            forward[next] = live;
            rewrite.emplace_back(live, next);
            a->rewrittenFunctions.push_back(*it);
            it = a->functions.erase(it);
        }
    // `module.exports = { ... }` again in the new version: the live exports record (which
    // other modules hold) takes the new record's entries, so it needs no swap either.
    // Only a record the staging made: the new version may export an object the live
    // program made (`module.exports = registry`, a binding of both versions).
    std::vector<std::pair<Record*, Record*>> exportRecords;
    for (auto& a : adoptions_)
        if (a->newExports && a->oldExports->kind == ObjKind::Record &&
            a->newExports->kind == ObjKind::Record && made.count(a->newExports)) {
            forward[a->newExports] = a->oldExports;
            exportRecords.emplace_back(static_cast<Record*>(a->oldExports),
                                       static_cast<Record*>(a->newExports));
            a->oldExports = a->newExports = nullptr;
        }
    if (forward.empty()) return true;
    MapForwarder fwd{{}, forward};
    for (Obj* o : *staging_)
        forwardObject(vm_, o, fwd); // a staged instance now names the live class
    // The classes this commit built or updated (their tables hold the new closures), and
    // the values the patch handed to the transaction.
    for (Draft* d : built_->order)
        if (d->built) visitEdges(d->built, fwd);
    auto fwdValue = [&](Value& v) { fwd.visit(v, nullptr); };
    auto fwdTable = [&](NameTable& t) {
        for (auto& [k, v] : t)
            fwdValue(v);
    };
    for (auto& d : drafts_) {
        for (NameTable* t : {&d->def.methods, &d->def.getters, &d->def.setters,
                             &d->def.staticMethods, &d->def.staticGetters, &d->def.staticSetters})
            fwdTable(*t);
        for (auto& [n, v] : d->def.statics)
            fwdValue(v);
        fwdValue(d->def.constructor);
        fwdValue(d->def.fieldInit);
        for (auto& [n, p] : d->fieldPolicies)
            fwdValue(p.value);
        for (auto& p : d->instancePolicies)
            fwdValue(p.closure);
        fwdValue(d->migrateToClosure);
    }
    for (auto& b : bindingOps_)
        fwdValue(b.value);
    for (auto& a : adoptions_) {
        for (auto& [n, v] : a->overrides)
            fwdValue(v);
        // `module.exports = C` in both versions: the new exports are the live ones now.
        if (a->newExports && fwd.target(a->newExports) == a->oldExports)
            a->oldExports = a->newExports = nullptr;
    }
    for (auto [live, next] : exportRecords) {
        swapRecordEntries(live, next); // a rollback swaps them back
        swappedRecords_.emplace_back(live, next);
    }
    // The new code, in the live closures (the new closures' home classes are forwarded).
    for (auto [live, next] : rewrite) {
        RewrittenClosure saved{live, live->proto, live->homeClass, {}};
        saved.upvalues.assign(live->upvalues, live->upvalues + live->upvalueCount);
        rewritten_.push_back(std::move(saved));
        live->proto = next->proto;
        live->homeClass = next->homeClass;
        for (uint32_t i = 0; i < live->upvalueCount; ++i)
            live->upvalues[i] = next->upvalues[i];
    }
    return true;
}

void swapRecordEntries(Record* a, Record* b) {
    std::swap(a->keys, b->keys);
    std::swap(a->values, b->values);
    std::swap(a->index, b->index);
    std::swap(a->deadCount, b->deadCount);
    std::swap(a->intPrefix, b->intPrefix);
    uint8_t mask = Record::kNullPrototypeFlag;
    uint8_t fa = a->flags & mask, fb = b->flags & mask;
    a->flags = uint8_t((a->flags & ~mask) | fb);
    b->flags = uint8_t((b->flags & ~mask) | fa);
}

const FunctionProto* Transaction::runningProto(const Closure* c) const {
    for (const RewrittenClosure& r : rewritten_)
        if (r.closure == c) return r.proto;
    return c->proto;
}

// ---------------------------------------------------------------- commit

// When the commit may migrate in cell, what prepare allocates is logged: the objects that
// can name a built class, forwarded if a live class takes its place (in_cell.cpp).
bool Transaction::prepare(UpdateReport& report) {
    bool log = mayMigrateInCell() && !vm_.heap.logging();
    if (log) vm_.heap.startAllocationLog();
    bool ok = prepareClasses(report);
    std::vector<Obj*> made = log ? vm_.heap.stopAllocationLog() : std::vector<Obj*>{};
    if (built_) built_->prepared = std::move(made);
    return ok;
}

bool Transaction::prepareClasses(UpdateReport& report) {
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

    // A class whose instances' layout stays is updated in place: its object takes the new
    // members now (a rollback restores them from the backup), so no instance is copied and
    // no reference has to be forwarded. Policies registered on it or an ancestor ask for
    // its instances to be migrated; a class given the instances of a removed one, or
    // renamed, is rebuilt. A class staged by a new version is updated in place when the
    // objects made by the staging are known (adoptStagingObjects): the references to the
    // staged class are then among them (updateStagedInPlace).
    auto updatesInPlace = [&](Draft* d, Class* super, const ClassDefinition& def) {
        if (!d->old || d->removed || (d->staged && !staging_)) return false;
        if (super && built_->classMap.count(super) && built_->classMap.at(super) != super)
            return false; // the superclass is rebuilt: so is this class
        for (auto& x : drafts_) {
            if (x->removed && (x->migrateTo == d->def.name || x->migrateTo == d->bindingName))
                return false;
            if (x->old && d->old->isSubclassOf(x->old) &&
                (!x->fieldPolicies.empty() || !x->instancePolicies.empty()))
                return false;
        }
        return keepsLayout(vm_, d->old, def, super);
    };
    std::vector<Class*> updatedInPlace;

    vm_.startClassGeneration();
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
        Class* c;
        if (updatesInPlace(d, super, def)) {
            c = d->old;
            if (d->staged) keepUnchangedMembers(d, def);
            d->backup = readClassDefinition(vm_, c);
            d->backupVersion = c->version;
            d->inPlace = true;
            installMembers(vm_, c, def);
            c->version = vm_.classGeneration();
            updatedInPlace.push_back(c);
            report.classesUpdatedInPlace.push_back(def.name);
        } else {
            c = createClass(vm_, def);
            built_->keep.push_back(Value::object(c));
        }
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
    if (!updateStagedInPlace()) return false;
    vm_.dropCachesFor(updatedInPlace);

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
        if (slot >= 0 || !PrivateName::isEncoded(field)) return slot;
        // A private field of a renamed class is keyed by the class's old name in old objects.
        auto renamed = oldClassNames.find(std::string(PrivateName::owner(field)));
        if (renamed == oldClassNames.end()) return slot;
        return oldClass->findSlot(
            vm_.intern(PrivateName::encode(PrivateName::written(field), renamed->second)));
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
    // runs, so a policy can look at any migrated object through newNs. The heap's instance
    // index of each class the update rebuilds names its instances: no heap walk.
    // In-cell migration (in_cell.cpp): the classes whose instances all have room take the
    // new layout in their live class object, and each instance is rewritten where it is.
    // The plans are made against the old layout, before the live classes change. Their
    // instances are read from the index only in the rewriting loop, which allocates
    // nothing: one pass over the cells, and no collection in between to free any of them.
    std::string copyReason;
    std::vector<Draft*> inCell = inCellDrafts(copyReason);
    // Per class, the hosted field policies to run once the cells are rewritten (declared
    // initializers and computed policies: the slots whose last policy step is one, a later
    // step for a field overrides it), then its whole-instance policies.
    using Hosted = HostedStep;
    std::vector<std::vector<Hosted>> hosted;
    std::vector<std::vector<const InstancePolicy*>> wholes;
    std::unordered_map<Class*, std::vector<Value>> instancesByClass;
    for (auto& d : drafts_)
        if (d->old && !d->inPlace && d->old->instanceKind == ObjKind::Instance &&
            std::find(inCell.begin(), inCell.end(), d.get()) == inCell.end())
            instancesByClass[d->old] = allInstancesUncollected(vm_, d->old);
    if (!inCell.empty()) {
        cellUndo_ = std::make_unique<CellUndo>();
        CellUndo& undo = *cellUndo_;
        size_t indexed = 0;
        for (Draft* d : inCell) {
            undo.groups.push_back({0, uint32_t(d->old->fields.size()),
                                   uint32_t(d->built->fields.size()), {}, {}});
            indexed += vm_.heap.indexedCount(d->old);
        }
        // Per class, where each new slot's value comes from: an old slot (src >= 0) or a
        // value of its own (fill: absent, a constant, undefined), after the copy by name
        // and the policy steps in order. An old value that ends up in some new slot can be
        // recovered from the cell by a rollback; only the others go to the undo log.
        std::vector<std::vector<int>> srcs;
        std::vector<std::vector<Value>> fills;
        size_t values = 0;
        for (size_t c = 0; c < inCell.size(); ++c) {
            Draft* d = inCell[c];
            CellUndo::Group& g = undo.groups[c];
            Plan plan = makePlan(d, d->old, d->built);
            std::vector<int> src(plan.copyFrom.begin(), plan.copyFrom.end());
            std::vector<Value> fill(g.newCount, Value::empty());
            for (const Step& step : plan.steps) {
                bool fromOld =
                    step.policy->kind != FieldPolicy::Kind::Constant && step.fromSlot >= 0;
                src[step.slot] = fromOld ? step.fromSlot : -1;
                fill[step.slot] = step.policy->kind == FieldPolicy::Kind::Constant
                                      ? step.policy->value
                                      : Value::undefined();
            }
            std::vector<const Step*> last(g.newCount, nullptr);
            for (const Step& step : plan.steps)
                last[step.slot] = &step;
            std::vector<Hosted> calls;
            for (const Step& step : plan.steps) // in registration order: one may read another
                if (last[step.slot] == &step &&
                    (step.policy->kind == FieldPolicy::Kind::Initializer ||
                     step.policy->kind == FieldPolicy::Kind::Computed))
                    calls.push_back({uint32_t(step.slot), step.policy, step.field});
            // Hosted code may write any slot of the instance it runs on, so a rollback
            // cannot recover old values from the cell: all of them go to the undo log.
            bool runsHosted = !calls.empty() || !plan.instancePolicies.empty();
            g.recoverFrom.assign(g.oldCount, -1);
            for (uint32_t i = 0; i < g.newCount && !runsHosted; ++i)
                if (src[i] >= 0 && (g.recoverFrom[src[i]] < 0 || src[i] == int(i)))
                    g.recoverFrom[src[i]] = int(i);
            hosted.push_back(std::move(calls));
            wholes.push_back(plan.instancePolicies);
            for (uint32_t j = 0; j < g.oldCount; ++j)
                if (g.recoverFrom[j] < 0) g.saved.push_back(j);
            values += vm_.heap.indexedCount(d->old) * g.saved.size();
            srcs.push_back(std::move(src));
            fills.push_back(std::move(fill));
            for (auto& [name, p] : d->fieldPolicies)
                report.policiesRun.push_back(d->def.name + "." + name + ": " + p.describe(vm_));
            for (auto& p : d->instancePolicies)
                report.policiesRun.push_back(d->def.name + ": " + p.name);
        }
        // A policy that receives the old object gets its class's old view (in_cell.cpp),
        // made now, while the live classes still have their old layouts and members. Every
        // class migrated in cell is frozen, supers first, so an old view's superclass is
        // as old as it is.
        std::unordered_map<Class*, Class*> frozen; // live class -> its frozen copy
        for (size_t c = 0; c < inCell.size(); ++c) {
            bool needsOld = !wholes[c].empty();
            for (const Hosted& h : hosted[c])
                needsOld |= h.policy->kind == FieldPolicy::Kind::Computed;
            undo.oldViews.push_back(Value::undefined());
            if (needsOld) undo.oldViews.back() = Value::boolean(true); // made below
        }
        bool anyOldView = std::any_of(undo.oldViews.begin(), undo.oldViews.end(),
                                      [](Value v) { return !v.isUndefined(); });
        for (size_t c = 0; c < inCell.size() && anyOldView; ++c) {
            Class* live = inCell[c]->old;
            auto super = frozen.find(live->super);
            Class* copy =
                freezeClass(vm_, live, super == frozen.end() ? live->super : super->second);
            undo.oldClasses.push_back(Value::object(copy));
            frozen[live] = copy;
            if (copy->fields != live->fields)
                return fail("internal error, nothing was changed: the old layout of " +
                            inCell[c]->def.name + " cannot be copied");
            if (!undo.oldViews[c].isUndefined()) undo.oldViews[c] = vm_.newInstance(copy);
        }
        // Reserved now: nothing below allocates (a collection could free garbage instances
        // the loop is about to add to the undo log).
        undo.objects.reserve(indexed);
        undo.values.reserve(values);
        std::vector<Class*> classes; // their old selves, before they take the new layouts
        std::vector<size_t> indexedBefore; // the rest of an index joined it just now:
        for (Draft* d : inCell) {         // staged instances, already in the new layout
            classes.push_back(d->old);
            indexedBefore.push_back(vm_.heap.indexedCount(d->old));
        }
        takeLayoutsInCell(inCell);
        std::vector<Value> old; // one instance's old slots
        for (size_t c = 0; c < inCell.size(); ++c) {
            CellUndo::Group& g = undo.groups[c];
            const std::vector<int>& src = srcs[c];
            const std::vector<Value>& fill = fills[c];
            old.resize(g.oldCount);
            for (size_t x = 0; x < indexedBefore[c]; ++x) {
                Instance* in = classes[c]->instanceIndex[x];
                if (in->klass != classes[c] || in->kind != ObjKind::Instance) continue;
                undo.objects.push_back(Value::object(in));
                g.end = undo.objects.size();
                if (in->slotCount != g.oldCount || Heap::slotCapacity(in) < g.newCount)
                    return fail("internal error, nothing was changed: a " + inCell[c]->def.name +
                                " has an unexpected cell");
                std::copy(in->slots, in->slots + g.oldCount, old.begin());
                for (uint32_t j : g.saved)
                    undo.values.push_back(old[j]);
                for (uint32_t i = 0; i < g.newCount; ++i)
                    if (src[i] != int(i)) in->slots[i] = src[i] >= 0 ? old[src[i]] : fill[i];
                for (uint32_t i = g.newCount; i < g.oldCount; ++i)
                    in->slots[i] = Value::undefined(); // dropped: no stale value behind the count
                in->slotCount = g.newCount;
                undo.done = g.end;
            }
            if (c + 1 < inCell.size()) undo.groups[c + 1].end = g.end;
        }
        report.instancesInCell = undo.objects.size();
        report.instancesMigrated += undo.objects.size();
    }
    // Running out of memory halfway would leave the program in a state no rollback can
    // reach cheaply: check first that every copy fits under the heap's limit.
    if (vm_.heap.limit()) {
        std::map<size_t, size_t> countBySize;
        size_t total = 0;
        for (Draft* d : built_->order) {
            if (!d->old || d->inPlace || d->built->instanceKind != ObjKind::Instance) continue;
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
        if (!d->old || d->inPlace || d->built->instanceKind != ObjKind::Instance) continue;
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

    size_t copied = report.instancesMigrated - report.instancesInCell;
    if (copied) report.copyReason = copyReason;
    report.path = report.instancesInCell && copied ? "in-cell+copy"
                  : report.instancesInCell         ? "in-cell"
                  : copied                         ? "copy"
                                                   : "none";
    // The hosted policies of the classes migrated in cell, instance by instance in each
    // class (the undo log roots the instances while hosted code allocates).
    if (cellUndo_ && !runPoliciesInCell(inCell, hosted, wholes)) return false;
    // Phase 2: field policies, then instance policies.
    for (const Plan& plan : plans) {
        for (size_t k = plan.firstObject; k < plan.endObject; ++k) {
            Value oldObj = Value::object(built_->olds[k]);
            Value newObj = Value::object(built_->news[k]);
            auto* old = as<Instance>(oldObj);
            for (const Step& step : plan.steps) {
                Value v;
                switch (step.policy->kind) {
                case FieldPolicy::Kind::KeepByName:
                case FieldPolicy::Kind::Rename:
                    v = step.fromSlot >= 0 ? old->slots[step.fromSlot] : Value::undefined();
                    break;
                case FieldPolicy::Kind::Constant: v = step.policy->value; break;
                case FieldPolicy::Kind::Initializer:
                case FieldPolicy::Kind::Computed: {
                    bool initializer = step.policy->kind == FieldPolicy::Kind::Initializer;
                    Result<Value> r = initializer
                                          ? callHosted(vm_, step.policy->value, newObj, {})
                                          : callHosted(vm_, step.policy->value, Value::undefined(),
                                                       {oldObj, newObj, oldNs, newNs});
                    if (!r)
                        return fail(
                            step.policy->where() +
                            (initializer ? "the initializer policy of " : "the policy of ") +
                            plan.draft->def.name + "." + step.field +
                            " threw: " + r.error().format());
                    v = r.value();
                    break;
                }
                }
                as<Instance>(newObj)->slots[step.slot] = v;
            }
            for (const InstancePolicy* p : plan.instancePolicies) {
                Result<Value> r =
                    callHosted(vm_, p->closure, Value::undefined(), {oldObj, newObj, oldNs, newNs});
                if (!r)
                    return fail("migration policy '" + p->name + "' of " + plan.draft->def.name +
                                " threw: " + r.error().format());
            }
        }
    }
    takeSamples(report);
    takeCellSamples(report);
    return true;
}

// A field value as the Before/After view shows it: primitives as console.log prints them,
// objects by class and identity (following references is the inspector's job).
std::string renderShort(VM& vm, Value v) {
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
            if (Result<void> r = v.run(view); !r) return fail(r.error().format());
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

bool Transaction::swap() {
    std::vector<Obj*> olds, news;
    // Staged classes first: a new class takes the identity of the live class it replaces,
    // which the pairs after these set.
    for (Draft* d : built_->order)
        if (d->staged && !d->inPlace) {
            olds.push_back(d->staged);
            news.push_back(d->built);
        }
    for (Draft* d : built_->order)
        if (d->old && !d->inPlace) {
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
    // swapObjects checks its input before it changes anything, so a refusal (which would be
    // a bug in prepare or migrate) still leaves the program untouched: roll back. With
    // nothing to forward (only classes updated in place) the heap is not walked at all.
    if (!olds.empty())
        if (auto swapped = swapObjects(vm_, olds, news); !swapped)
            return fail("internal error, nothing was changed: " + swapped.error().message());
    for (auto& d : drafts_) {
        d->backup.reset(); // the members installed in place are the program's now
        d->layout.reset(); // and so are the layouts taken in cell
    }
    cellUndo_.reset(); // the instances migrated in cell keep their new slots
    rewritten_.clear();   // and so is the code the changed closures took
    swappedRecords_.clear();
    for (auto& [live, copy] : built_->namespaces)
        replaceNamespace(vm_, live, copy);
    for (auto& a : adoptions_) {
        for (Obj* o : a->rebase)
            retargetTypedEdges<Module>(o, a->staged, a->live);
        replaceNamespace(vm_, a->live, a->result);
    }
    // A suspended thread never blocks an update (safePoint), but its frames in affected code
    // may not run on: they can only be restarted or dropped.
    for (auto& [t, frameIndex] : staleSuspended_)
        vm_.scheduler().markStale(t, frameIndex);
    staleSuspended_.clear();
    return true;
}

UpdateReport Transaction::commit() {
    UpdateReport report;
    double start = nowMs();
    auto finish = [&](bool ok) {
        report.totalMs = nowMs() - start;
        report.outcome = ok ? UpdateReport::Outcome::Committed : UpdateReport::Outcome::RolledBack;
        if (!ok) {
            report.transferred.clear(); // nothing moved
            report.rollbackReason = error_;
            discard();
        }
        finished_ = true;
        vm_.heap.setCollectionDeferred(false);
        vm_.heap.verifyAfterUpdate(ok ? "a commit" : "a rollback");
        return report;
    };
    if (finished_) {
        fail("the transaction was already committed or rolled back");
        return finish(false);
    }
    if (!error_.empty()) return finish(false);
    VM::UpdateScope scope(vm_, this); // policies and validations see this transaction
    vm_.heap.setCollectionDeferred(true);
    size_t footprint = vm_.heap.footprint();
    double t0 = nowMs();
    // Collection is deferred, so nothing enforces the heap's limit while policies and
    // validations allocate: past it, the update rolls back instead of the program dying.
    auto withinLimit = [&](const char* phase) {
        size_t limit = vm_.heap.limit();
        if (!limit || vm_.heap.footprint() <= limit) return true;
        return fail(std::string("out of memory: the update's ") + phase + " took the heap to " +
                    std::to_string(vm_.heap.footprint() / (1024 * 1024)) +
                    " MB, beyond its limit of " + std::to_string(limit / (1024 * 1024)) + " MB");
    };
    bool ok = prepare(report);
    double t1 = nowMs();
    report.prepareMs = t1 - t0;
    ok = ok && migrate(report) && withinLimit("migration policies");
    double t2 = nowMs();
    report.migrateMs = t2 - t1;
    ok = ok && validate(report) && withinLimit("validations");
    double t3 = nowMs();
    report.validateMs = t3 - t2;
    ok = ok && safePoint(report, true) && prepareTransfers(report);
    double t4 = nowMs();
    report.waitMs = t4 - t3;
    report.extraBytes = vm_.heap.footprint() > footprint ? vm_.heap.footprint() - footprint : 0;
    if (cellUndo_) report.extraBytes += cellUndo_->bytes(); // outside the heap, freed by the swap
    if (ok) {
        for (auto& [frame, why] : frameStatus_)
            report.frames.push_back(frame + ": waited for, it left the affected code");
        frameStatus_.clear();
        applyTransfers(); // the frames point at the new code; the swap follows at once
    }
    if (!ok || !swap()) return finish(false);
    report.pauseMs = nowMs() - t0 - report.waitMs; // the program did not run during the commit
    built_.reset();
    return finish(true);
}

UpdateReport Transaction::dryRun() {
    UpdateReport report;
    double start = nowMs();
    bool ok = !finished_ && error_.empty();
    if (finished_) fail("the transaction was already committed or rolled back");
    if (ok) {
        VM::UpdateScope scope(vm_, this);
        vm_.heap.setCollectionDeferred(true);
        double t0 = nowMs();
        ok = prepare(report);
        double t1 = nowMs();
        report.prepareMs = t1 - t0;
        ok = ok && migrate(report);
        double t2 = nowMs();
        report.migrateMs = t2 - t1;
        ok = ok && validate(report);
        report.validateMs = nowMs() - t2;
        // Who would make a commit wait now; not a failure.
        if (ok) safePoint(report, false);
        blockingFrames_.clear();
    }
    report.totalMs = nowMs() - start;
    report.outcome = ok ? UpdateReport::Outcome::Validated : UpdateReport::Outcome::RolledBack;
    if (!ok) report.rollbackReason = error_;
    discard();
    finished_ = true;
    vm_.heap.setCollectionDeferred(false);
    vm_.heap.verifyAfterUpdate("a dry run");
    return report;
}

} // namespace molt::dsu
