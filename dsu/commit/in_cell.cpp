// in_cell.cpp — layout updates that keep every object where it is (decision 0004,
// "In-cell migration").
//
// A layout change used to copy each affected instance into a new object and then swap old
// for new with a walk over the whole heap, and to build a new class object swapped for the
// live one the same way. Here, when a commit allows it, the live class object takes the
// built class's layout and members (as a code-only update does with its members) and each
// instance is rewritten in its own cell when the cell has room for the new layout
// (Heap::slotCapacity). Nothing changes identity, so no reference anywhere needs
// rewriting: the only objects that can name the built class are the ones prepare
// allocated (the allocation log), and they are forwarded by a small map.
//
// Order of a commit on this path: prepare builds the classes as before (logging what it
// allocates); migrate works out the slot plans against the old layout, lets the live
// classes take the new layouts (takeLayoutsInCell), then rewrites each instance: its old
// slots go to the undo log first, and the new slots are filled from there, so the built-in
// policies (keep, rename, constant) read old values only. Validation then sees the program
// exactly as the swap will leave it. A rollback (discard) restores every instance's slots
// from the undo log and every class's layout and members from its backup, supers first.
//
// A version update (`--then`, the IDE, `molt update`) takes this path too: its staged
// classes are forwarded to the live ones among the objects its staging made. A declared
// initializer policy (what the generated patch gives a new field) runs after every cell is
// rewritten, with `this` the instance in its new layout, as the copy path gives it the new
// object; a class with one saves all its old slots to the undo log, since hosted code may
// write any of them.
//
// A computed or instance policy of (oldObj, newObj) runs after the initializers and gets,
// for oldObj, its class's old view: one instance of a frozen copy of the old class
// (freezeClass, made before the live class takes the new layout) that takes each
// instance's old slots from the undo log in turn. Reusing one view per class costs a copy
// of the slots per instance and nothing on the heap; the price is that a view is only the
// instance's during the call. A view the policy leaves in the new object is replaced by
// the instance (what the copy path's swap does with an old object); one kept anywhere
// else cannot be found without a heap walk, so the views are revoked when the policies
// end (CellUndo::revokeOldViews): every member of theirs throws, naming the class.
//
// When the copy path stays (mayMigrateInCell, inCellDrafts): hosted code that could tell
// the difference — a policy that also takes the namespaces (oldNs.allInstances would
// answer with the new objects) or a validation that does (oldNs.get and allInstances;
// Validation::seesOnlyTheNewProgram); a
// version update whose staging log the transaction was not given; removed or renamed
// classes; and a class with an instance whose cell is too small, with
// its superclasses (a class stays on the copy path with its whole drafted subtree, so no
// class left behind for the collector ever has a superclass whose layout changed under it).
#include "dsu/commit/operations.h"

namespace molt::dsu {

void forwardObject(VM& vm, Obj* o, MapForwarder& fwd) {
    fwd.changed = false;
    Class* klass = o->klass;
    visitEdges(o, fwd);
    if (o->klass != klass) vm.heap.reindex(o, o->klass);
    if (fwd.changed && (o->kind == ObjKind::Map || o->kind == ObjKind::Set)) {
        auto* m = static_cast<MapObj*>(o); // a forwarded key hashes differently
        m->index.clear();
        for (uint32_t i = 0; i < m->keys.size(); ++i)
            if (!m->keys[i].isEmpty()) m->index[m->keys[i]] = i;
    }
}

void CellUndo::restore() {
    size_t k = 0, v = 0;
    std::vector<Value> now;
    for (const Group& g : groups) {
        now.resize(g.newCount);
        for (; k < g.end && k < done; ++k) {
            auto* in = static_cast<Instance*>(objects[k].asObject());
            std::copy(in->slots, in->slots + g.newCount, now.begin());
            for (uint32_t j = 0; j < g.oldCount; ++j)
                in->slots[j] = g.recoverFrom[j] >= 0 ? now[g.recoverFrom[j]] : values[v++];
            for (uint32_t i = g.oldCount; i < g.newCount; ++i)
                in->slots[i] = Value::undefined(); // spare room again: nothing keeps it alive
            in->slotCount = g.oldCount;
        }
    }
    *this = CellUndo{};
}

bool takesNamespaces(Value policy) {
    if (!isKind(policy, ObjKind::Closure)) return true;
    const FunctionProto* p = as<Closure>(policy)->proto;
    return p->numParams > 2 || p->argumentsSlot != 0 || p->has(FunctionFlag::HasRest);
}

Class* freezeClass(VM& vm, Class* live, Class* super) {
    ClassDefinition def = readClassDefinition(vm, live); // its values stay live's own
    def.superclass = super;
    return createClass(vm, def);
}

static Value keptOldView(VM& vm, Value self, Value*, int) {
    std::string cls = "object";
    if (self.isObject() && self.asObject()->klass)
        cls = std::string(self.asObject()->klass->name->view());
    return vm.throwTypeError("an old " + cls +
                             " a migration policy received was used after the policy "
                             "returned: it stands for the instance only during the call (keep "
                             "the values it holds, not the object)");
}

void CellUndo::revokeOldViews(VM& vm) {
    std::vector<Class*> frozen;
    for (Value c : oldClasses)
        frozen.push_back(as<Class>(c));
    Root guard(vm.heap, Value::object(vm.newNative("old object", keptOldView, 0)));
    for (Value v : oldViews) {
        if (!v.isObject()) continue;
        auto* view = as<Instance>(v);
        ClassDefinition def;
        def.name = std::string(view->klass->name->view());
        for (const NameTable* table :
             {&view->klass->methods, &view->klass->getters, &view->klass->setters})
            for (auto& [name, member] : *table)
                def.getters[name] = def.setters[name] = guard.get();
        for (String* field : view->klass->fields)
            def.getters[field] = def.setters[field] = guard.get();
        Class* revoked = createClass(vm, def); // the view is rooted here: it cannot go
        for (uint32_t i = 0; i < view->slotCount; ++i)
            view->slots[i] = Value::undefined();
        view->slotCount = 0;
        view->klass = revoked;
        vm.heap.reindex(view, revoked);
        frozen.push_back(revoked);
    }
    vm.dropCachesFor(frozen); // the policies' caches name classes that may go now
    oldClasses.clear();
    oldViews.clear();
}

bool Transaction::mayMigrateInCell(std::string* why) const {
    auto no = [&](const char* reason) {
        if (why) *why = reason;
        return false;
    };
    // A version update names its staged classes from the objects its staging made, which
    // the transaction knows only when it was handed them (adoptStagingObjects).
    if (!adoptions_.empty() && !staging_) return no("a version update without its staging log");
    for (auto& d : drafts_) {
        if (d->removed) return no("a class is removed");
        // An initializer sees only the new object; a policy of (oldObj, newObj) gets the
        // old instance's view (oldView); one that also takes the namespaces could ask
        // oldNs.allInstances for old objects that in-cell migration no longer has.
        for (auto& p : d->instancePolicies)
            if (takesNamespaces(p.closure))
                return no("a migration policy that receives the namespaces");
        for (auto& [field, p] : d->fieldPolicies)
            if (p.kind == FieldPolicy::Kind::Computed && takesNamespaces(p.value))
                return no("a computed field policy that receives the namespaces");
    }
    for (const Validation& v : validations_)
        if (!v.seesOnlyTheNewProgram())
            return no("a validation that receives the namespaces");
    for (const Validation& v : systemValidations_)
        if (!v.seesOnlyTheNewProgram()) return no("a host's own system validation");
    return true;
}

std::vector<Transaction::Draft*>
Transaction::inCellDrafts(std::string& why) {
    std::vector<Draft*> out;
    if (!mayMigrateInCell(&why)) return out;
    for (Draft* d : built_->order) {
        if (!d->old || d->inPlace || !d->built) continue;
        if (d->old->instanceKind != ObjKind::Instance ||
            d->built->instanceKind != ObjKind::Instance)
            continue; // arrays, maps, ...: the swap re-points them at the new class
        if (d->old->name->view() != d->def.name) {
            why = "class '" + std::string(d->old->name->view()) + "' is renamed";
            continue;
        }
        // Every instance of the class was allocated with its slot count, so one size
        // class holds them all (migrate checks each cell again as it rewrites it).
        uint32_t oldCount = uint32_t(d->old->fields.size());
        uint32_t newCount = uint32_t(d->built->fields.size());
        if (vm_.heap.indexedCount(d->old) && Heap::slotCapacityFor(oldCount) < newCount) {
            why = "the cells of " + d->def.name + " have no room for " +
                  std::to_string(newCount) + " slots";
            continue;
        }
        out.push_back(d);
    }
    // A class copies with its drafted subclasses: drop every candidate with a drafted
    // descendant that does not migrate in cell.
    for (bool dropped = true; dropped;) {
        dropped = false;
        for (auto& x : drafts_) {
            if (!x->old || x->inPlace || std::count(out.begin(), out.end(), x.get())) continue;
            auto ancestor = std::find_if(out.begin(), out.end(), [&](Draft* d) {
                return x->old != d->old && x->old->isSubclassOf(d->old);
            });
            if (ancestor == out.end()) continue;
            why = (*ancestor)->def.name + "'s subclass " + x->def.name + " is copied";
            out.erase(ancestor);
            dropped = true;
        }
    }
    return out;
}

void Transaction::takeLayoutsInCell(const std::vector<Draft*>& drafts) {
    std::unordered_map<Obj*, Obj*> forward;
    for (Draft* d : drafts) {
        Class* live = d->old;
        d->backup = readClassDefinition(vm_, live);
        d->backupVersion = live->version;
        d->layout = Draft::Layout{live->super, live->fields, live->slotOf, live->ownFieldStart,
                                  live->depth};
        forward[d->built] = live;
        if (d->staged) forward[d->staged] = live; // a version update's class
    }
    // Supers first (built_->order): a class's flattened tables are built from its super's.
    std::vector<Class*> classes;
    for (Draft* d : drafts) {
        Class* live = d->old;
        Class* built = d->built;
        auto super = forward.find(built->super);
        live->super = super == forward.end() ? built->super : static_cast<Class*>(super->second);
        live->fields = built->fields;
        live->slotOf = built->slotOf;
        live->ownFieldStart = built->ownFieldStart;
        live->depth = live->super ? live->super->depth + 1 : 0;
        installMembers(vm_, live, readClassDefinition(vm_, built));
        live->version = built->version;
        d->built = live;
        d->inPlace = true;
        built_->classMap[live] = live;
        classes.push_back(live);
    }
    // What still names a built class is among the objects prepare made: new closures whose
    // home it is, the built classes of the subclasses copied after all, namespace copies.
    MapForwarder fwd{{}, forward};
    for (Obj* o : built_->prepared)
        forwardObject(vm_, o, fwd);
    // A version update's staged class is named by what its staging made (its module, code,
    // closures, new bindings' values) and by nothing older.
    if (staging_)
        for (Obj* o : *staging_)
            forwardObject(vm_, o, fwd);
    for (auto& [old, replacement] : built_->classMap)
        if (auto it = forward.find(replacement); it != forward.end())
            replacement = static_cast<Class*>(it->second);
    // Subclasses copied after all were flattened from the built tables: the same closures.
    vm_.dropCachesFor(classes); // their slot indices belong to the old layout
}

bool Transaction::runPoliciesInCell(const std::vector<Draft*>& inCell,
                                    const std::vector<std::vector<HostedStep>>& fields,
                                    const std::vector<std::vector<const InstancePolicy*>>& wholes) {
    CellUndo& undo = *cellUndo_;
    std::string error;
    size_t k = 0, v = 0; // the instance, and where its saved old slots start
    for (size_t c = 0; c < inCell.size() && error.empty(); ++c) {
        const CellUndo::Group& g = undo.groups[c];
        Value view = undo.oldViews[c];
        for (; k < g.end && error.empty(); v += g.saved.size(), ++k) {
            if (fields[c].empty() && wholes[c].empty()) continue;
            Value obj = undo.objects[k];
            if (view.isObject()) // a class that runs hosted code saved every old slot
                std::copy(undo.values.begin() + v, undo.values.begin() + v + g.oldCount,
                          as<Instance>(view)->slots);
            for (const HostedStep& h : fields[c]) {
                bool initializer = h.policy->kind == FieldPolicy::Kind::Initializer;
                Result<Value> r =
                    initializer ? callHosted(vm_, h.policy->value, obj, {})
                                : callHosted(vm_, h.policy->value, Value::undefined(), {view, obj});
                if (!r) {
                    error = h.policy->where() +
                            (initializer ? "the initializer policy of " : "the policy of ") +
                            inCell[c]->def.name + "." + h.field + " threw: " + r.error().format();
                    break;
                }
                as<Instance>(obj)->slots[h.slot] = r.value();
            }
            for (size_t p = 0; p < wholes[c].size() && error.empty(); ++p) {
                Result<Value> r =
                    callHosted(vm_, wholes[c][p]->closure, Value::undefined(), {view, obj});
                if (!r)
                    error = "migration policy '" + wholes[c][p]->name + "' of " +
                            inCell[c]->def.name + " threw: " + r.error().format();
            }
            // The old object left in the new one stands for the instance, as the copy
            // path's swap makes it (`n.prev = o`, a computed policy returning `o`).
            auto* in = as<Instance>(obj);
            for (uint32_t i = 0; view.isObject() && i < in->slotCount; ++i)
                if (in->slots[i] == view) in->slots[i] = obj;
        }
    }
    undo.revokeOldViews(vm_);
    return error.empty() || fail(error);
}

// The Before/After view for instances migrated in cell: an old slot the migration changed
// is in the undo log, the others are still in the cell.
void Transaction::takeCellSamples(UpdateReport& report) {
    if (!cellUndo_) return;
    const CellUndo& undo = *cellUndo_;
    size_t k = 0, v = 0;
    for (const CellUndo::Group& g : undo.groups)
        for (; k < g.end && k < undo.done && report.samples.size() < sampleLimit; ++k) {
            auto* in = static_cast<Instance*>(undo.objects[k].asObject());
            Draft* d = draftForClass(in->klass);
            const std::vector<String*>& oldFields =
                d->layout ? d->layout->fields : in->klass->fields;
            MigratedInstance m;
            m.identity = vm_.heap.identityOf(in);
            m.oldClass = m.newClass = std::string(in->klass->name->view());
            for (uint32_t j = 0, next = 0; j < g.oldCount && j < oldFields.size(); ++j) {
                Value x = g.recoverFrom[j] >= 0 ? in->slots[g.recoverFrom[j]]
                                                : undo.values[v + next++];
                m.before.emplace_back(std::string(oldFields[j]->view()), renderShort(vm_, x));
            }
            for (uint32_t i = 0; i < in->slotCount; ++i)
                m.after.emplace_back(std::string(in->klass->fields[i]->view()),
                                     renderShort(vm_, in->slots[i]));
            v += g.saved.size();
            report.samples.push_back(std::move(m));
        }
}

} // namespace molt::dsu
