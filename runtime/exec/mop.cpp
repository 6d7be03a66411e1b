#include "runtime/exec/mop.h"

#include "runtime/core/private_name.h"
#include "runtime/exec/scheduler.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <unordered_map>

namespace molt {

ClassDefinition readClassDefinition(VM& vm, Class* cls) {
    ClassDefinition def;
    def.name = std::string(cls->name->view());
    def.superclass = cls->super;
    for (size_t i = cls->ownFieldStart; i < cls->fields.size(); ++i)
        def.ownFields.emplace_back(cls->fields[i]->view());
    def.methods = cls->ownMethods;
    def.getters = cls->ownGetters;
    def.setters = cls->ownSetters;
    for (size_t i = 0; i < cls->staticNames.size(); ++i)
        def.statics.emplace_back(std::string(cls->staticNames[i]->view()), cls->staticValues[i]);
    def.staticMethods = cls->staticMethods;
    def.staticGetters = cls->staticGetters;
    def.staticSetters = cls->staticSetters;
    def.constructor = cls->constructor;
    def.fieldInit = cls->fieldInit;
    def.module = cls->module;
    def.instanceKind = cls->instanceKind;
    def.nativeConstruct = cls->nativeConstruct;
    def.flags = uint8_t(cls->flags & ~uint8_t(ClassFlag::Finished));
    (void)vm;
    return def;
}

Class* createClass(VM& vm, const ClassDefinition& def) {
    String* name = vm.intern(def.name);
    Root keepName(vm.heap, Value::object(name));
    auto* c = vm.heap.allocate<Class>(ObjKind::Class, vm.classClass);
    vm.registerClass(c);
    c->name = name;
    c->super = def.superclass;
    c->module = def.module;
    c->version = vm.classGeneration();
    Root keep(vm.heap, Value::object(c));
    c->instanceKind = def.instanceKind;
    c->nativeConstruct = def.nativeConstruct;
    c->flags = def.flags;
    if (c->super) {
        c->fields = c->super->fields;
        c->slotOf = c->super->slotOf;
        c->depth = c->super->depth + 1;
    }
    c->ownFieldStart = uint32_t(c->fields.size());
    for (const std::string& f : def.ownFields) {
        String* s = vm.intern(f);
        if (c->slotOf.count(s)) continue;
        c->slotOf[s] = uint32_t(c->fields.size());
        c->fields.push_back(s);
    }
    c->ownMethods = def.methods;
    c->ownGetters = def.getters;
    c->ownSetters = def.setters;
    for (auto& [n, v] : def.statics) {
        c->staticNames.push_back(vm.intern(n));
        c->staticValues.push_back(v);
    }
    c->staticMethods = def.staticMethods;
    c->staticGetters = def.staticGetters;
    c->staticSetters = def.staticSetters;
    c->constructor = def.constructor;
    c->fieldInit = def.fieldInit;
    vm.finishClass(c);
    return c;
}

bool keepsLayout(VM& vm, const Class* cls, const ClassDefinition& def, const Class* super) {
    if (cls->super != super || cls->instanceKind != def.instanceKind ||
        cls->nativeConstruct != def.nativeConstruct || cls->name->view() != def.name)
        return false;
    size_t inherited = super ? super->fields.size() : 0;
    if (cls->ownFieldStart != inherited) return false;
    // createClass's rule: own fields in order, a name already in the layout skipped.
    size_t next = inherited;
    for (const std::string& f : def.ownFields) {
        String* s = vm.intern(f);
        auto slot = cls->slotOf.find(s);
        if (slot != cls->slotOf.end() && slot->second < next) continue;
        if (next >= cls->fields.size() || cls->fields[next] != s) return false;
        ++next;
    }
    return next == cls->fields.size();
}

void installMembers(VM& vm, Class* cls, const ClassDefinition& def) {
    cls->ownMethods = def.methods;
    cls->ownGetters = def.getters;
    cls->ownSetters = def.setters;
    cls->staticNames.clear();
    cls->staticValues.clear();
    for (auto& [n, v] : def.statics) {
        cls->staticNames.push_back(vm.intern(n)); // the pair is pushed before the next allocation
        cls->staticValues.push_back(v);
    }
    cls->staticMethods = def.staticMethods;
    cls->staticGetters = def.staticGetters;
    cls->staticSetters = def.staticSetters;
    cls->constructor = def.constructor;
    cls->fieldInit = def.fieldInit;
    cls->module = def.module;
    cls->flags = def.flags;
    vm.finishClass(cls);
}

Value readInstanceVariable(VM& vm, Value obj, std::string_view name) {
    if (!isKind(obj, ObjKind::Instance))
        return vm.throwTypeError("readInstanceVariable: not an instance");
    auto* in = as<Instance>(obj);
    int slot = in->klass->findSlot(vm.intern(name));
    if (slot < 0)
        return vm.throwTypeError(std::string(in->klass->name->view()) + " has no field '" +
                                 std::string(name) + "'");
    Value v = in->slots[slot];
    return v.isEmpty() ? Value::undefined() : v;
}

Value writeInstanceVariable(VM& vm, Value obj, std::string_view name, Value v) {
    if (!isKind(obj, ObjKind::Instance))
        return vm.throwTypeError("writeInstanceVariable: not an instance");
    auto* in = as<Instance>(obj);
    Root keep(vm.heap, v);
    int slot = in->klass->findSlot(vm.intern(name));
    if (slot < 0)
        return vm.throwTypeError(std::string(in->klass->name->view()) + " has no field '" +
                                 std::string(name) + "'");
    in->slots[slot] = v;
    return v;
}

std::vector<Value> allInstances(VM& vm, Class* cls, bool includeSubclasses) {
    vm.heap.collect();
    std::vector<Value> out;
    vm.heap.forEachObject([&](Obj* o) {
        if (o->kind == ObjKind::Class || o->kind == ObjKind::Free) return;
        if (o->klass == cls || (includeSubclasses && o->klass && o->klass->isSubclassOf(cls)))
            out.push_back(Value::object(o));
    });
    // Heap order is allocation-block order; identity order is what a person expects.
    std::sort(out.begin(), out.end(), [&](Value a, Value b) {
        return vm.heap.identityOf(a.asObject()) < vm.heap.identityOf(b.asObject());
    });
    return out;
}

std::vector<Value> allInstancesUncollected(VM& vm, Class* cls) {
    std::vector<Value> out;
    out.reserve(vm.heap.indexedCount(cls));
    vm.heap.forEachInstanceOf(cls, [&](Instance* o) { out.push_back(Value::object(o)); });
    return out;
}

Module* cloneNamespace(VM& vm, Module* ns) {
    auto* m = vm.heap.allocate<Module>(ObjKind::Module, vm.moduleClass);
    m->path = ns->path;
    m->displayPath = ns->displayPath;
    m->names = ns->names;
    m->slots = ns->slots;
    m->exports = ns->exports;
    m->moduleObject = ns->moduleObject;
    m->body = ns->body;
    m->state = ns->state;
    m->source = ns->source;
    m->slotByName = ns->slotByName;
    m->constSlots = ns->constSlots;
    return m;
}

void replaceNamespace(VM& vm, Module* target, Module* newNs) {
    (void)vm;
    // Functions address module bindings by slot, so the target keeps its identity and takes
    // the new table wholesale: code compiled against the new namespace uses the same slots.
    target->names = newNs->names;
    target->slots = newNs->slots;
    target->slotByName = newNs->slotByName;
    target->constSlots = newNs->constSlots;
    target->exports = newNs->exports;
    target->moduleObject = newNs->moduleObject;
    target->body = newNs->body;
    target->source = newNs->source;
}

namespace {
// Rewrites references to forwarded objects. An old object carries kForwardedFlag and the
// new object in its `klass` field for the duration of the swap, so a reference costs one
// header load instead of a hash lookup.
// The same visitor serves the heap's edges (visitEdges, inlined) and the VM's roots
// (EdgeVisitor). Fixed edges keep their target: a running frame keeps its closure.
class Forwarder final : public EdgeVisitor, public EdgeVisitorBase<Forwarder> {
public:
    static Obj* target(Obj* o) {
        return (o->flags & kForwardedFlag) ? reinterpret_cast<Obj*>(o->klass) : o;
    }
    void visit(Value& v) override {
        if (v.isObject() && (v.asObject()->flags & kForwardedFlag))
            v = Value::object(target(v.asObject()));
    }
    void visit(Obj*& o) override {
        if (o && (o->flags & kForwardedFlag)) o = target(o);
    }
    void visit(Value& v, const char*) { Forwarder::visit(v); }
    template<typename T> void visit(T*& ref, const char*) {
        if (ref && (ref->flags & kForwardedFlag)) ref = static_cast<T*>(target(ref));
    }
};
} // namespace

Result<void> swapObjects(VM& vm, const std::vector<Obj*>& olds, const std::vector<Obj*>& news) {
    auto fail = [](std::string m) { return Error("swapObjects: " + std::move(m)); };
    if (olds.size() != news.size()) return fail("the two lists differ in length");
    for (size_t i = 0; i < olds.size(); ++i) {
        if (!olds[i] || !news[i]) return fail("null object");
        if (olds[i]->kind != news[i]->kind) return fail("objects of different kinds");
    }
    for (size_t i = 0; i < olds.size(); ++i) {
        if (olds[i]->flags & kForwardedFlag) {
            for (size_t j = 0; j < i; ++j)
                olds[j]->flags &= uint8_t(~kForwardedFlag);
            return fail("an object appears twice");
        }
        olds[i]->flags |= kForwardedFlag; // klass is overwritten below, once all checks passed
    }
    // From here on nothing can fail: the step is atomic with respect to hosted code.
    bool classesSwapped = false;
    std::vector<Class*> oldClasses(olds.size());
    for (size_t i = 0; i < olds.size(); ++i) {
        news[i]->id = vm.heap.identityOf(olds[i]);
        classesSwapped |= olds[i]->kind == ObjKind::Class;
        oldClasses[i] = olds[i]->klass;
        olds[i]->klass = reinterpret_cast<Class*>(news[i]);
    }
    Forwarder fwd;
    vm.heap.forEachObject([&](Obj* o) {
        if (o->flags & kForwardedFlag) return; // the old objects are about to become garbage
        bool rehash = false;
        if (o->kind == ObjKind::Map || o->kind == ObjKind::Set || o->kind == ObjKind::WeakMap ||
            o->kind == ObjKind::WeakSet)
            for (Value k : static_cast<MapObj*>(o)->keys)
                rehash |= k.isObject() && (k.asObject()->flags & kForwardedFlag);
        // A cache entry's slot index belongs to the old layout: drop it rather than forward it.
        if (classesSwapped && o->kind == ObjKind::FunctionProto) {
            for (InlineCache& ic : static_cast<FunctionProto*>(o)->caches)
                if (ic.klass && (ic.klass->flags & kForwardedFlag)) ic = InlineCache{};
        }
        Class* klass = o->klass;
        visitEdges(o, fwd);
        if (o->klass != klass) vm.heap.reindex(o, o->klass); // an instance the swap re-classed
        if (rehash) {
            // Identity-keyed entries hash differently now: rebuild the index.
            auto* m = static_cast<MapObj*>(o);
            m->index.clear();
            for (uint32_t i = 0; i < m->keys.size(); ++i)
                if (!m->keys[i].isEmpty()) m->index[m->keys[i]] = i;
        }
    });
    vm.visitRoots(fwd);
    if (classesSwapped) vm.forgetPrototypeViews(); // the next read makes the new classes' views
    // The old objects are garbage now; give them back their class so the heap stays walkable.
    for (size_t i = 0; i < olds.size(); ++i) {
        olds[i]->klass = oldClasses[i];
        olds[i]->flags &= uint8_t(~kForwardedFlag);
    }
    return {};
}

std::string heapDigest(VM& vm) {
    vm.heap.collect();
    std::vector<Obj*> objects;
    vm.heap.forEachObject([&](Obj* o) { objects.push_back(o); });
    for (Obj* o : objects)
        vm.heap.identityOf(o);
    std::sort(objects.begin(), objects.end(), [](Obj* a, Obj* b) { return a->id < b->id; });
    uint64_t h = 1469598103934665603ull;
    auto mix = [&](uint64_t x) {
        for (int i = 0; i < 8; ++i) {
            h ^= (x >> (8 * i)) & 0xff;
            h *= 1099511628211ull;
        }
    };
    auto mixValue = [&](Value v) {
        if (v.isObject()) {
            Obj* t = v.asObject();
            mix(0x0b1ec7);
            mix(t->kind == ObjKind::String ? static_cast<String*>(t)->hash()
                                           : vm.heap.identityOf(t));
        } else if (v.isNumber()) {
            double d = v.asNumber();
            uint64_t bits;
            std::memcpy(&bits, &d, sizeof bits);
            mix(bits);
        } else {
            mix(v.bits());
        }
    };
    size_t counted = 0;
    for (Obj* o : objects) {
        if (o->kind == ObjKind::FunctionProto || o->kind == ObjKind::Upvalue) continue;
        counted++;
        mix(o->id);
        mix(uint64_t(o->kind));
        if (o->klass) mix(vm.heap.identityOf(o->klass));
        switch (o->kind) {
        case ObjKind::Instance: {
            auto* in = static_cast<Instance*>(o);
            for (uint32_t i = 0; i < in->slotCount; ++i)
                mixValue(in->slots[i]);
            break;
        }
        case ObjKind::Array: {
            auto* a = static_cast<Array*>(o);
            mix(a->length);
            for (uint32_t i = 0; i < a->length; ++i)
                mixValue(a->elements[i]);
            break;
        }
        case ObjKind::Record: {
            auto* r = static_cast<Record*>(o);
            for (size_t i = 0; i < r->keys.size(); ++i) {
                if (!r->isLive(i)) continue;
                mix(r->keys[i]->hash());
                mixValue(r->values[i]);
            }
            break;
        }
        case ObjKind::Map:
        case ObjKind::Set: {
            auto* m = static_cast<MapObj*>(o);
            for (Value v : m->keys)
                mixValue(v);
            for (Value v : m->values)
                mixValue(v);
            break;
        }
        case ObjKind::Module: {
            auto* m = static_cast<Module*>(o);
            for (Value v : m->slots)
                mixValue(v);
            break;
        }
        case ObjKind::Date: mixValue(Value::number(static_cast<DateObj*>(o)->time)); break;
        case ObjKind::Class: {
            auto* c = static_cast<Class*>(o);
            mix(c->fields.size());
            for (Value v : c->staticValues)
                mixValue(v);
            break;
        }
        default: break;
        }
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "objects=%zu digest=%016llx", counted,
                  static_cast<unsigned long long>(h));
    return buf;
}

// ---------------------------------------------------------------- the Molt global

static Class* requireClass(VM& vm, Value v, const char* op) {
    if (isKind(v, ObjKind::Class)) return as<Class>(v);
    vm.throwTypeError(std::string("Molt.") + op + " expects a class");
    return nullptr;
}

static Value moltAllInstances(VM& vm, Value, Value* args, int argc) {
    Class* c = requireClass(vm, arg(args, argc, 0), "allInstances");
    if (!c) return Value::exception();
    std::vector<Value> found = allInstances(vm, c, VM::truthy(arg(args, argc, 1)));
    Array* a = vm.newArray(uint32_t(found.size()));
    for (Value v : found)
        a->elements[a->length++] = v;
    return Value::object(a);
}

static Value moltClassOf(VM& vm, Value, Value* args, int argc) {
    Class* c = vm.classOf(arg(args, argc, 0));
    if (isString(arg(args, argc, 0))) c = vm.stringClass;
    return c ? Value::object(c) : Value::undefined();
}

// A field name as hosted code writes it: `#x` is the private field of the nearest class in
// `o`'s chain that declares one (the encoded `#x@A` is accepted too).
static std::string fieldKey(VM& vm, Value o, std::string_view name) {
    if (!PrivateName::isPrivate(name) || PrivateName::isEncoded(name) ||
        !isKind(o, ObjKind::Instance))
        return std::string(name);
    for (Class* c = as<Instance>(o)->klass; c; c = c->super) {
        std::string key = PrivateName::encode(name, c->name->view());
        if (c->findSlot(vm.intern(key)) >= 0) return key;
    }
    return std::string(name);
}

static Value moltRead(VM& vm, Value, Value* args, int argc) {
    Value name = arg(args, argc, 1);
    if (!isString(name)) return vm.throwTypeError("Molt.readInstanceVariable expects a field name");
    Value o = arg(args, argc, 0);
    return readInstanceVariable(vm, o, fieldKey(vm, o, asString(name)->view()));
}

static Value moltWrite(VM& vm, Value, Value* args, int argc) {
    Value name = arg(args, argc, 1);
    if (!isString(name))
        return vm.throwTypeError("Molt.writeInstanceVariable expects a field name");
    Value o = arg(args, argc, 0);
    return writeInstanceVariable(vm, o, fieldKey(vm, o, asString(name)->view()),
                                 arg(args, argc, 2));
}

// Whether a name is one a program wrote: not a private slot that a built-in class keeps for
// itself (Error's `#properties`), which no program can declare or read.
static bool writtenByProgram(const Class* c, std::string_view name) {
    std::string_view owner = PrivateName::owner(name);
    if (owner.empty()) return true;
    for (; c; c = c->super)
        if (c->name->view() == owner) return !(c->flags & uint8_t(ClassFlag::Builtin));
    return true;
}

static Value namesArray(VM& vm, const NameTable& t) {
    std::vector<std::string> names;
    for (auto& [k, v] : t)
        names.emplace_back(PrivateName::written(k->view()));
    std::sort(names.begin(), names.end());
    Array* a = vm.newArray();
    Root keep(vm.heap, Value::object(a));
    for (auto& n : names)
        vm.arrayPush(a, vm.istr(n));
    return Value::object(a);
}

static Value moltReadClassDefinition(VM& vm, Value, Value* args, int argc) {
    Class* c = requireClass(vm, arg(args, argc, 0), "readClassDefinition");
    if (!c) return Value::exception();
    ClassDefinition def = readClassDefinition(vm, c);
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    vm.recordSet(r, "name", vm.istr(def.name));
    vm.recordSet(r, "superclass", def.superclass ? Value::object(def.superclass) : Value::null());
    // Names as the program writes them (`#p`, not the runtime's `#p@A`), without the
    // slots built-in classes keep for themselves. Each array is in the record before
    // anything is pushed into it.
    Array* fields = vm.newArray();
    vm.recordSet(r, "fields", Value::object(fields));
    for (auto& f : def.ownFields)
        if (writtenByProgram(c, f)) vm.arrayPush(fields, vm.istr(PrivateName::written(f)));
    Array* layout = vm.newArray();
    vm.recordSet(r, "layout", Value::object(layout));
    for (String* f : c->fields)
        if (writtenByProgram(c, f->view()))
            vm.arrayPush(layout, vm.istr(PrivateName::written(f->view())));
    vm.recordSet(r, "methods", namesArray(vm, def.methods));
    vm.recordSet(r, "getters", namesArray(vm, def.getters));
    vm.recordSet(r, "setters", namesArray(vm, def.setters));
    Array* statics = vm.newArray();
    vm.recordSet(r, "staticFields", Value::object(statics));
    for (auto& [n, v] : def.statics)
        vm.arrayPush(statics, vm.istr(n));
    vm.recordSet(r, "staticMethods", namesArray(vm, def.staticMethods));
    return Value::object(r);
}

static Value moltIdentity(VM& vm, Value, Value* args, int argc) {
    Value v = arg(args, argc, 0);
    if (!v.isObject()) return vm.throwTypeError("Molt.identityOf expects an object");
    return Value::number(double(vm.heap.identityOf(v.asObject())));
}

static Value moltCheckHeap(VM& vm, Value, Value*, int) {
    return vm.str(vm.heap.verify());
}
static Value moltGc(VM& vm, Value, Value*, int) {
    vm.heap.collect();
    return Value::undefined();
}
static Value moltHeapDigest(VM& vm, Value, Value*, int) {
    return vm.str(heapDigest(vm));
}

void installMopBuiltins(VM& vm) {
    Class* molt = vm.newBuiltinClass("Molt");
    vm.defineGlobal("Molt", Value::object(molt));
    vm.defineStaticMethod(molt, "allInstances", moltAllInstances, 1);
    vm.defineStaticMethod(molt, "classOf", moltClassOf, 1);
    vm.defineStaticMethod(molt, "readInstanceVariable", moltRead, 2);
    vm.defineStaticMethod(molt, "writeInstanceVariable", moltWrite, 3);
    vm.defineStaticMethod(molt, "readClassDefinition", moltReadClassDefinition, 1);
    vm.defineStaticMethod(molt, "identityOf", moltIdentity, 1);
    vm.defineStaticMethod(molt, "checkHeap", moltCheckHeap, 0);
    vm.defineStaticMethod(molt, "gc", moltGc, 0);
    vm.defineStaticMethod(molt, "heapDigest", moltHeapDigest, 0);
}

} // namespace molt
