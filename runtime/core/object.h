// object.h — the heap object layouts of the class-based object model.
//
// Every heap object starts with an ObjHeader. The collector is precise and non-moving:
// an object's address is its identity for its whole life, and `id` is the number the
// inspector shows (assigned on first request, carried over by a DSU swap).
//
// The class-based model (DESIGN.md §3):
//   * A Class has a fixed instance layout: its superclass's fields, then its own declared
//     fields, then fields its own methods assign through `this.f =`. An Instance stores
//     exactly layout.size() slots inline, so a field access is one load at a slot index
//     found by an inline cache keyed on the Class pointer.
//   * Method, getter and setter tables are flattened at class creation (inherited entries
//     copied in), so a send is one hash lookup on a cache miss and none on a hit.
//   * A class is never mutated after it is finished, except static fields. A DSU update
//     builds new Class objects; inline caches keyed on the old Class pointer simply miss.
//     That is why there is no DSU check anywhere on the interpreter's hot paths.
//   * Built-in types (Array, String, Number, Map, Set, ...) are Classes too, with native
//     and hosted (core library) methods, so `arr.map(f)` is an ordinary send.
//   * Records are object literals: string keys in insertion order (integer-like keys
//     first, ascending, as in JavaScript).
//
// Edges (LibGC's visit_edges): each layout's `visitEdges(v)` is the one list of the heap
// references that object holds. Marking, the heap checker, the reachability walk and the
// DSU's forwarding are visitors over it, so an edge added here is traced, checked and
// forwarded at once, and a reference left out is a bug in one place, not a disagreement
// between four. A visitor is a template parameter (each call inlines; the mark loop pays no
// indirect call per edge) and offers:
//   * `visit(Value& slot, what)` and `visit(T*& ref, what)`: an edge the visitor may
//     rewrite (swapObjects). A typed reference may be null and is only ever replaced by an
//     object of a kind T can hold, so typed fields stay well typed.
//   * `visitFixed(T* ref, what)`: an edge that must not be rewritten in place: hash-table
//     keys (rewriting one would need a rehash) and the closures of running frames (a frame
//     keeps the code it entered). Strings are never swapped, so fixed string keys lose
//     nothing. `EdgeVisitorBase` gives a visitor that treats both alike.
// `what` names the edge for the heap checker's messages; other visitors ignore it.
// Derived data is not an edge: the key indexes of Record, Map/Set and Class::slotOf repeat
// keys that are visited where they live, and the checker verifies they agree.
#pragma once

#include "runtime/core/value.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace molt {

class VM;
struct Class;
struct String;
struct Module;

struct Thread; // its layout lives with the interpreter's frames, in vm.h

// Every heap object kind and the struct that lays it out. Adding a kind is one entry here
// plus its struct with a `visitEdges` member: the collector, the heap checker, the heap
// walker and the DSU's forwarding all follow from those two. The order matters only to the
// heap walker's statistics; add new kinds at the end.
// clang-format off
#define MOLT_OBJ_KINDS(X)                                                                  \
    X(String, String) X(Array, Array) X(Record, Record) X(Instance, Instance)             \
    X(Class, Class) X(Closure, Closure) X(FunctionProto, FunctionProto) X(Native, Native) \
    X(Upvalue, Upvalue) X(Map, MapObj) X(Set, MapObj) X(Module, Module)                   \
    X(Iterator, Iterator) X(Thread, Thread) X(RegExp, RegExpObj) X(Date, DateObj)         \
    X(Generator, Generator) X(Symbol, Symbol) X(Accessor, AccessorPair)                 \
    X(WeakMap, MapObj) X(WeakSet, MapObj) X(WeakRef, WeakRefObj)

enum class ObjKind : uint8_t {
#define MOLT_KIND_ENUM(kind, type) kind,
    MOLT_OBJ_KINDS(MOLT_KIND_ENUM)
#undef MOLT_KIND_ENUM
    Free, // a swept cell on a free list; never reachable
};
// clang-format on

#define MOLT_KIND_DECLARE(kind, type) struct type;
MOLT_OBJ_KINDS(MOLT_KIND_DECLARE)
#undef MOLT_KIND_DECLARE

const char* objKindName(ObjKind k);

// Whether a reference of static type T* may point at an object of kind `k` (Obj: any live
// kind). The heap checker holds every typed edge to this.
template<typename T> constexpr bool kindFits(ObjKind k) {
    if constexpr (std::is_same_v<T, Obj>) return k != ObjKind::Free;
    bool fits = false;
    // A Symbol is laid out as a String so that it can be a property key (see Symbol below).
    if constexpr (std::is_same_v<T, String>) fits = k == ObjKind::Symbol;
#define MOLT_KIND_FITS(kind, type)                                                                 \
    if constexpr (std::is_same_v<T, type>) fits = fits || k == ObjKind::kind;
    MOLT_OBJ_KINDS(MOLT_KIND_FITS)
#undef MOLT_KIND_FITS
    return fits;
}

// The default for `visitFixed`: hand the visitor a copy, so a rewrite never lands.
template<typename Derived> struct EdgeVisitorBase {
    template<typename T> void visitFixed(T* ref, const char* what) {
        static_cast<Derived*>(this)->visit(ref, what);
    }
};

// Integrity levels (Object.preventExtensions, seal, freeze), in Obj::flags of any kind but
// Class (whose flags are ClassFlag bits), String and Module. Each implies the ones before
// it; none is ever cleared. Every write path checks them on its slow path (VM::setProperty,
// setIndex, deleteKey, the mutating Array methods); the interpreter's fast paths for
// instance fields and array elements take the slow path when any is set, so an object
// that was never locked pays one flag test.
constexpr uint8_t kNotExtensibleFlag = 0x10;
constexpr uint8_t kSealedFlag = 0x20;
constexpr uint8_t kFrozenFlag = 0x40;
constexpr uint8_t kIntegrityMask = kNotExtensibleFlag | kSealedFlag | kFrozenFlag;

// Set on an object while swapObjects rewrites the heap: its `klass` field then holds the
// object that replaces it. Only ever seen inside swapObjects.
constexpr uint8_t kForwardedFlag = 0x80;

struct Obj {
    ObjKind kind;
    uint8_t marked = 0;    // GC mark bit (collector-owned)
    uint8_t cellClass = 0; // allocator size class; 0xff = large object
    uint8_t flags = 0;     // kind-specific flags; kForwardedFlag is reserved for swapObjects
    uint32_t id = 0;       // identity number, 0 until first asked for (Heap::identityOf)
    Class* klass;          // the class for method lookup; never null for receivers
};

// Interned or plain immutable string. UTF-8 bytes; `ascii` strings index by byte, others
// convert to UTF-16 code units on demand for length/charAt/indexing.
//
// Contents are always flat: `chars` points at `length` bytes that never change, either
// the inline cell right after the header or a shared StringBuffer. A buffer is how
// `s += piece` stays amortized linear (VM::concat): every string on a buffer is a
// prefix of its bytes, so when the left operand ends exactly at the buffer's `used`
// mark, the right operand is appended in place and the result shares the buffer. The
// bytes of an existing string are never written, so no reader can tell. Buffers grow
// by doubling into a new buffer (old strings keep the old one), so the bytes copied
// over a chain of n appends are O(n), and memory stays within a small factor of the
// longest live string. The hash is computed on first use (`hash()`): appending to a
// long string must not rescan it. A non-ASCII string keeps its UTF-16 units once an
// indexed read has needed them (utf16Units in natives.h), so a charCodeAt loop over it
// converts it once, not once per character.
struct StringBuffer {
    uint32_t refs;     // strings pointing into it; freed by the last one swept
    uint32_t used;     // bytes written; the next append goes here
    uint32_t capacity; // bytes available in `bytes`
    char bytes[1];
};

struct String : Obj {
    uint32_t length; // bytes
    bool ascii;
    bool interned;
    bool hashed = false;
    uint32_t utf16Length;            // == length when ascii
    uint32_t hashValue = 0;          // valid when `hashed`
    const char* chars;               // the contents, `length` bytes (not NUL-terminated)
    StringBuffer* buffer = nullptr;  // shared builder storage, or null: inline after the header
    std::u16string* utf16 = nullptr; // cached UTF-16 units (non-ASCII only), owned
    char inlineChars[1];             // inline contents when `buffer` is null

    std::string_view view() const { return {chars, length}; }
    template<typename V> void visitEdges(V&) {} // a buffer is malloc'd bytes, not a heap object
    uint32_t hash() {
        if (!hashed) {
            uint32_t h = 2166136261u; // FNV-1a
            for (uint32_t i = 0; i < length; ++i) {
                h ^= uint8_t(chars[i]);
                h *= 16777619u;
            }
            hashValue = h;
            hashed = true;
        }
        return hashValue;
    }
};

// A Symbol value. It is laid out as an interned String (and `interned` is set), so every
// table keyed by String* — record keys, class member tables, static names — takes a symbol
// as a key unchanged: those tables compare keys by address, so a symbol never collides with
// a string of the same text, nor with another symbol of the same description. Its kind
// keeps it apart everywhere else: isString() is false for it, typeof says "symbol", and the
// code that lists keys (Object.keys, for-in, JSON, the inspector) tests isSymbolKey.
//
// Its text (`chars`) is the name the runtime and the DSU spell it by: `@@iterator` for the
// well-known Symbol.iterator (the differ names a `[Symbol.iterator]() {}` member so, and
// VM::memberKey maps that name back to the symbol), `Symbol(desc)` for any other symbol.
// The text is never unique and never used to find a symbol; `description` is what hosted
// code reads (undefined for `Symbol()`). Registered symbols (Symbol.for) are held by the
// VM's registry; the others live as long as they are reachable. See decision 0016.
constexpr uint8_t kRegisteredSymbolFlag = 0x01; // in Obj::flags: made by Symbol.for

struct Symbol : String {
    Value description; // a String, or undefined

    // The text lives right after the Symbol (String's inline cell is inside this layout).
    char* tail() { return reinterpret_cast<char*>(this + 1); }

    template<typename V> void visitEdges(V& v) { v.visit(description, "description"); }
};

// Whether a property key (a String* in a table) is a symbol rather than a string name.
inline bool isSymbolKey(const String* key) {
    return key->kind == ObjKind::Symbol;
}

// Whether `key` is a canonical array index ("0", "17", not "017" or "1e3"), and which.
bool isArrayIndexKey(String* key, uint32_t& index);

// `elements` points `front` slots into its malloc'd block: shift() advances it instead of
// moving the rest (an array used as a queue costs O(1) per shift), unshift() steps back
// into that room first, and arrayReserve reclaims it once it is at least `length` slots.
// `capacity` counts the slots from `elements` on.
//
// `props` holds named properties besides the elements, which only the runtime creates (a
// RegExp match's `index`, `input`, `groups`); user code can read and rewrite them but not
// add new ones, so an ordinary array never has one.
struct Array : Obj {
    uint32_t length = 0;
    uint32_t capacity = 0;
    uint32_t front = 0;
    Value* elements = nullptr; // malloc'd (at elements - front); holes are Value::empty()
    Record* props = nullptr;

    Value* block() const { return elements ? elements - front : nullptr; }

    template<typename V> void visitEdges(V& v) {
        for (uint32_t i = 0; i < length; ++i)
            v.visit(elements[i], "element");
        v.visit(props, "named properties");
    }
};

// Object literal. Small records scan `keys` linearly; past kIndexThreshold live keys an
// index (key -> position) is kept as well, so a record used as a dictionary costs O(1)
// amortized per get, set and delete:
//   * A new string key is appended; positions of existing entries never move, so the
//     index only gains one entry.
//   * A delete leaves a dead entry (its value is Value::empty(), its key stays) and
//     drops the key from the index; every reader of `keys`/`values` skips dead entries
//     (isLive). Dead entries are compacted away once they outnumber the live ones.
//   * Integer-like keys come first, ascending, as in JavaScript. They occupy the first
//     `intPrefix` entries; one larger than every other integer key is O(1) when no
//     string key follows, otherwise it is inserted in place and the index rebuilt.
struct Record : Obj {
    std::vector<String*> keys;
    std::vector<Value> values;
    std::unordered_map<String*, uint32_t>* index = nullptr;
    uint32_t deadCount = 0;
    uint32_t intPrefix = 0; // entries (live or dead) at the front with integer-like keys
    static constexpr size_t kIndexThreshold = 12;
    static constexpr uint8_t kNullPrototypeFlag = 1; // in `flags`: a match's `groups`
    // In `flags`: some value is an AccessorPair (a `get`/`set` in the literal). Readers that
    // see values directly test it before they hand a value out; without it they pay nothing.
    static constexpr uint8_t kAccessorsFlag = 2;

    bool isLive(size_t i) const { return !values[i].isEmpty(); }
    size_t liveCount() const { return keys.size() - deadCount; }
    template<typename V> void visitEdges(V& v) {
        for (String* k : keys)
            v.visitFixed(k, "key");
        for (Value& x : values)
            v.visit(x, "value");
    }
};

// The getter and setter of one record property (`{ get a() {}, set a(v) {} }`), stored as
// the property's value in a Record flagged kAccessorsFlag. It never escapes to hosted code:
// every path that reads a record's values calls the getter instead (VM::recordRead).
struct AccessorPair : Obj {
    Value getter; // a closure, or undefined
    Value setter;

    template<typename V> void visitEdges(V& v) {
        v.visit(getter, "getter");
        v.visit(setter, "setter");
    }
};

struct Instance : Obj {
    uint32_t slotCount;
    Value slots[1]; // slotCount entries (at least one cell is always allocated)

    template<typename V> void visitEdges(V& v) {
        for (uint32_t i = 0; i < slotCount; ++i)
            v.visit(slots[i], "slot");
    }
};

// Open addressing would be faster; these tables are only consulted on cache misses.
using NameTable = std::unordered_map<String*, Value>;

enum class ClassFlag : uint8_t {
    Builtin = 1,  // a runtime class (Array, String, ...), not user code
    Finished = 2, // tables flattened; no more methods can be added
    // It or a superclass has a static [Symbol.hasInstance] method, which `instanceof`
    // calls (set by finishClass, so an ordinary instanceof pays one flag test).
    HasInstance = 4,
    // A constructor function's implicit class (decision 0018): calling it without `new` runs
    // its constructor as a function, and it prints and converts as a function.
    FunctionStyle = 8,
};

struct Class : Obj {
    String* name = nullptr;
    Class* super = nullptr;
    Module* module = nullptr;    // defining module (null for builtins)
    std::vector<String*> fields; // the full layout, inherited first
    std::unordered_map<String*, uint32_t> slotOf;
    uint32_t ownFieldStart = 0;                   // fields[ownFieldStart..] are this class's own
    NameTable methods;                            // flattened, inherited included
    NameTable getters;                            // flattened
    NameTable setters;                            // flattened
    NameTable ownMethods, ownGetters, ownSetters; // as declared in this class
    // Static side: fields in declaration order, static methods and accessors (own only;
    // lookups walk `super`, as static inheritance does in JavaScript).
    std::vector<String*> staticNames;
    std::vector<Value> staticValues;
    NameTable staticMethods, staticGetters, staticSetters;
    Value constructor; // closure, native, or undefined (default constructor)
    Value fieldInit;   // closure that runs this class's own field initializers, or undefined
    ObjKind instanceKind = ObjKind::Instance;                     // what `new` allocates
    Value (*nativeConstruct)(VM&, Class*, Value*, int) = nullptr; // for builtin kinds
    uint32_t depth = 0;                                           // number of superclasses
    uint32_t version = 0;                                         // DSU generation that created it
    // The instance index (heap.h): every Instance allocated with this class, in allocation
    // order, kept by the heap (appended on allocation, pruned of the dead in each sweep). Not
    // an edge: it never keeps an instance alive. Between collections it may still name
    // garbage, and objects whose class was changed since (Heap::instancesOf filters both).
    std::vector<Instance*> instanceIndex;
    bool indexed = false; // registered with the heap's list of indexed classes

    int findSlot(String* name) const {
        auto it = slotOf.find(name);
        return it == slotOf.end() ? -1 : int(it->second);
    }
    bool isSubclassOf(const Class* other) const {
        for (const Class* c = this; c; c = c->super)
            if (c == other) return true;
        return false;
    }

    template<typename V> void visitEdges(V& v) {
        v.visit(name, "name");
        v.visit(super, "superclass");
        v.visit(module, "module");
        for (String* f : fields)
            v.visitFixed(f, "field name"); // slotOf is keyed by these
        for (NameTable* table : {&methods, &getters, &setters, &ownMethods, &ownGetters,
                                 &ownSetters, &staticMethods, &staticGetters, &staticSetters})
            for (auto& [k, x] : *table) {
                v.visitFixed(k, "member name");
                v.visit(x, "member");
            }
        for (String*& s : staticNames)
            v.visit(s, "static name");
        for (Value& x : staticValues)
            v.visit(x, "static value");
        v.visit(constructor, "constructor");
        v.visit(fieldInit, "field initializer");
    }
};

// Source positions for stack traces: one entry each time the position changes.
struct LineEntry {
    uint32_t pc;
    uint32_t line;
    uint32_t column;
};

// A mapped update point (docs/dsu.md, "Update points"): a loop header, where a frame that
// arrived by the back-edge has an empty operand stack and only named locals are live. The
// DSU moves such a frame to the new version's point with the same path ("1", "1.2": loops
// in source order, nested by path), carrying locals by name.
struct UpdatePointLocal {
    std::string name;         // a for-of/for-in iterator is named "%iter <path>"
    uint16_t slot;
    int32_t initConstant = -1; // index in `constants` when declared with a literal
    bool initialized = true;   // false: hoisted, its declaration comes after the loop
    // Any other initializer: its bytes in the function's sourceText (start == end: none),
    // evaluated in the frame when a frame moves to this version (docs/dsu.md).
    uint32_t initStart = 0, initEnd = 0;
};
// A call return point is the same record for a call that is a whole expression statement
// (`this.step();`): pc is its return address, where the operand stack holds only the call's
// result; `call` names it structurally (the callee's text and its ordinal among calls of
// that text on the same loop path: "this.step#1"), `path` is its enclosing loop's ("" for
// none), kind "call".
struct UpdatePoint {
    std::string path;
    std::string kind; // while, do-while, for, for-of, for-in; "call" for a call return
    uint32_t pc;      // the loop header: the back-edge's target (a call's return address)
    uint32_t line, column;
    bool hiddenState = false; // an unnamed local (switch, finally) is live: not transferable
    std::vector<UpdatePointLocal> locals;
    std::string call; // a call return point's callee and ordinal; empty for a loop
};

// Where a named local lives while it is in scope, for a view of a frame (the IDE's frame
// locals, which its evaluator binds): slot `slot` holds `name` for the pcs in [start, end).
// A name declared twice in one function (shadowing) has a range per declaration; the
// innermost at a pc is the one that started last.
struct LocalName {
    std::string name;
    uint16_t slot;
    uint32_t start, end; // end UINT32_MAX: to the end of the function
};

// The body of a for-of loop, for the unwinder: an exception leaving (start, end] — the
// pc of a frame is past the instruction it is in — closes the iterator in local
// `iterSlot` (calls its return()), as JavaScript does. Inner loops come first.
struct ForOfBody {
    uint32_t start, end;
    uint16_t iterSlot;
};

struct UpvalueDesc {
    uint16_t index;
    bool fromParentLocal; // true: parent's local slot; false: parent's upvalue
};

// Inline cache of one property access or send site.
struct InlineCache {
    enum Kind : uint8_t { Field, Method, Getter, Setter };
    Class* klass = nullptr;       // receiver class the entry is valid for (instances only)
    Value value = Value::empty(); // the method, getter or setter
    uint32_t slot = 0;            // the field slot (Field), or a global's index + 1 (GetGlobal)
    Kind kind = Field;
};

enum class FunctionFlag : uint8_t {
    Arrow = 1,       // lexical this
    Method = 2,      // has a home class (super works)
    Static = 4,      // static method: super goes to the superclass's statics
    Constructor = 8, // a class constructor (derived ones call super())
    Derived = 16,    // constructor of a class with `extends`
    HasRest = 32,
    Module = 64,     // a module's top-level code
    Generator = 128, // function*: a call returns a Generator (Op::GeneratorStart)
};

// Where a call site's callee is written: `pc` is the offset just past the call
// instruction (where a failing call's frame has its ip), [start, end) bytes of sourceText.
struct CalleeText {
    uint32_t pc;
    uint32_t start, end;
};

struct FunctionProto : Obj {
    String* name = nullptr;
    Module* module = nullptr;
    String* file = nullptr;
    std::vector<uint8_t> code;
    std::vector<Value> constants;
    std::vector<LineEntry> lines;
    std::vector<UpvalueDesc> upvalues;
    std::vector<InlineCache> caches;
    std::vector<UpdatePoint> updatePoints; // in source order of the loops
    std::vector<UpdatePoint> callPoints;   // statement-level calls' returns, in source order
    std::vector<ForOfBody> forOfBodies;    // innermost first
    std::vector<LocalName> localNames;     // every named local, in declaration order
    uint16_t numParams = 0;    // declared params, not counting rest
    uint16_t formalLength = 0; // fn.length: the params before the first default or rest
    uint16_t maxLocals = 0;
    uint8_t fnFlags = 0;
    uint16_t generatorSlot = 0; // a generator function's local that holds its Generator
    uint16_t argumentsSlot = 0; // the local `arguments` lives in (0: the function has none)
    // An async function: a generator frame (fnFlags has Generator) whose GeneratorStart hands
    // the Generator to the promise runtime's driver instead of returning it (microtasks.h).
    bool isAsync = false;
    // An async generator (isAsync too): GeneratorStart hands the Generator to the promise
    // runtime's async-generator driver, and its `yield`s are Op::AsyncYield.
    bool isAsyncGenerator = false;
    uint32_t defLine = 0, defColumn = 0;
    // The text the function was compiled from, for Function.prototype.toString: a byte
    // range of `sourceText`, the whole module source, shared by every function compiled
    // from it (null for synthetic functions such as field initializers).
    String* sourceText = nullptr;
    uint32_t sourceStart = 0, sourceEnd = 0;
    // The callees of its call sites as written, for `o.missing is not a function` (node
    // names the expression); only simple callees (no call inside, one line), by pc.
    std::vector<CalleeText> calleeTexts;
    // isLeafFunction's answer, once asked (-1: not yet). A proto's code never changes (an
    // update gives the closure a new proto), so it stays true.
    int8_t leaf = -1;

    bool has(FunctionFlag f) const { return fnFlags & uint8_t(f); }

    template<typename V> void visitEdges(V& v) {
        v.visit(name, "name");
        v.visit(module, "module");
        v.visit(file, "file");
        v.visit(sourceText, "source text");
        for (Value& x : constants)
            v.visit(x, "constant");
        // Inline caches are strong: a stale entry only pins an old class until the next miss,
        // and the sweep stays simple. swapObjects clears the entries of swapped classes before
        // it forwards, since a slot index cached for the old layout is wrong for the new one.
        for (InlineCache& ic : caches) {
            v.visit(ic.klass, "inline cache class");
            v.visit(ic.value, "inline cache entry");
        }
    }
};

struct Upvalue : Obj {
    Value* location; // a thread stack slot or a suspended generator's slot while open,
                     // `closed` after
    Value closed;
    Upvalue* nextOpen;                // the owner's open list, sorted by location (descending)
    Generator* suspendedIn = nullptr; // while `location` is a suspended generator's slot

    // While open, the variable is a thread's stack slot (visited again with the stack) or a
    // slot of a suspended generator, which must then live as long as the variable does.
    // `nextOpen` is the owner's list structure, stale once closed, so not an edge.
    template<typename V> void visitEdges(V& v) {
        v.visit(*location, "variable");
        if (suspendedIn) v.visitFixed(suspendedIn, "suspended generator");
    }
};

// A function is also an object: properties assigned to it (`f.cache = new Map()`) go to
// `props`, created on the first such write, so a function that never gets one pays a
// null pointer. `name` and `length` are not in it: they come from the function itself.
struct Closure : Obj {
    FunctionProto* proto;
    Class* homeClass = nullptr; // for super; set when installed as a method
    Record* props = nullptr;
    uint32_t upvalueCount;
    Upvalue* upvalues[1];

    template<typename V> void visitEdges(V& v) {
        v.visit(proto, "function");
        v.visit(homeClass, "home class");
        v.visit(props, "properties");
        for (uint32_t i = 0; i < upvalueCount; ++i)
            v.visit(upvalues[i], "upvalue");
    }
};

using NativeFn = Value (*)(VM& vm, Value thisValue, Value* args, int argc);

// Native::flags bits. A forwarding native (Function.prototype.call and apply, a bound
// function) does not compute a result itself: VM::pushCall rearranges the stack and calls
// its target in the same interpreter loop (runtime/lib/function_values.h), so a call made
// through it is an ordinary frame that can yield, be preempted and recurse as deep as any.
constexpr uint8_t kNativeResumesGenerator = 0x01;
constexpr uint8_t kNativeForwards = 0x02;

struct Native : Obj {
    String* name;
    NativeFn fn;
    int16_t arity;
    Value data;              // optional payload (e.g. the class a bound native belongs to)
    Record* props = nullptr; // properties assigned to it, as Closure::props

    template<typename V> void visitEdges(V& v) {
        v.visit(name, "name");
        v.visit(data, "data");
        v.visit(props, "properties");
    }
};

// The properties assigned to a function (Closure or Native), or null.
inline Record* functionProps(const Obj* o) {
    if (o->kind == ObjKind::Closure) return static_cast<const Closure*>(o)->props;
    if (o->kind == ObjKind::Native) return static_cast<const Native*>(o)->props;
    return nullptr;
}

// Hash key wrapper for Map/Set: SameValueZero over Values.
struct ValueKeyHash {
    size_t operator()(Value v) const;
};
struct ValueKeyEq {
    bool operator()(Value a, Value b) const;
};

// Map and Set keep insertion order in `entries` (tombstoned with empty keys on delete;
// compacted when half are dead) and look keys up through `index`.
//
// WeakMap and WeakSet share the layout; their keys are objects or unregistered symbols.
// To the collector (a visitor with `weakTable`, decision 0017) their edges are weak: a key
// keeps nothing alive, and a WeakMap value is marked only once its key is (an ephemeron),
// so a value that refers back to its own key does not keep the entry. Entries whose key
// died are tombstoned before the sweep. Every other visitor (the checker, the reachability
// walk, swapObjects) sees ordinary edges, so a swap rewrites a key like a Map's and then
// rebuilds the index.
struct MapObj : Obj {
    std::vector<Value> keys;
    std::vector<Value> values; // unused for Set
    std::unordered_map<Value, uint32_t, ValueKeyHash, ValueKeyEq> index;
    uint32_t liveCount = 0;

    template<typename V> void visitEdges(V& v) {
        if constexpr (requires { v.weakTable(this); })
            if (kind == ObjKind::WeakMap || kind == ObjKind::WeakSet) return v.weakTable(this);
        for (Value& x : keys)
            v.visit(x, "key"); // a forwarded key changes its hash: swapObjects rebuilds `index`
        for (Value& x : values)
            v.visit(x, "value");
    }
};

// A WeakRef: `target` is weak to the collector (cleared to undefined once it died), strong
// to every other visitor. The VM keeps a target alive until the end of the job that made
// the WeakRef or last called deref() (VM::keepDuringJob), as JavaScript requires.
struct WeakRefObj : Obj {
    Value target;

    template<typename V> void visitEdges(V& v) {
        if constexpr (requires { v.weakTable(this); })
            return v.weakTable(this);
        else
            v.visit(target, "target");
    }
};

enum class IterKind : uint8_t {
    ArrayValues,
    ArrayKeys,
    ArrayEntries,
    StringChars,
    MapKeys,
    MapValues,
    MapEntries
};

struct Iterator : Obj {
    Value target;
    uint32_t position = 0;
    IterKind iterKind;

    template<typename V> void visitEdges(V& v) { v.visit(target, "target"); }
};

// A Date: one time value (runtime/lib/date_time.h), NaN when the date is invalid.
struct DateObj : Obj {
    double time = 0;

    template<typename V> void visitEdges(V&) {}
};

// A generator (function*) is a hosted frame that can leave the thread and come back. While
// it runs, its frame is an ordinary frame on the resuming thread's stack (so calls, throws,
// preemption and the DSU's safe point treat it like any other); when it yields, the frame's
// slots (locals and operand stack, slot 0 = this), its pc and its try handlers move here and
// the frame is popped. Open upvalues of the frame move with it: `location` points into
// `slots` (which never reallocates while suspended) and `suspendedIn` keeps this object
// alive for them. Resuming copies everything back on top of the resuming thread's stack.
// See docs/decisions/0012-resumable-frames.md.
enum class GeneratorState : uint8_t { SuspendedStart, SuspendedYield, Running, Completed };

struct SavedHandler {
    uint32_t catchPc;
    uint32_t closeFromSlot;
};

struct Generator : Obj {
    Closure* closure = nullptr;
    std::vector<Value> slots;
    std::vector<SavedHandler> handlers;
    Upvalue* openUpvalues = nullptr; // into `slots`, sorted by location (descending)
    uint32_t pc = 0;
    GeneratorState state = GeneratorState::SuspendedStart;
    // A step taken for Op::IterNext (a for-of resumed the frame in place, see interpreter.cpp).
    bool stepReady = false;
    bool stepDone = false;
    Value stepValue;
    // Set by Op::AsyncYield, read and cleared by the async-generator driver: the frame
    // suspended at a `yield`, not at an `await` (internal/promise.js).
    bool asyncYield = false;
    // An async generator's latest suspension was a `yield` (false: an `await`), recorded by
    // the driver's takeAsyncYield; the DSU's safe-point report names the frame by it.
    bool atYield = false;

    bool suspended() const {
        return state == GeneratorState::SuspendedStart || state == GeneratorState::SuspendedYield;
    }
    template<typename V> void visitEdges(V& v) {
        if (closure) v.visitFixed(closure, "suspended frame"); // keeps the code it entered
        for (Value& x : slots)
            v.visit(x, "suspended slot");
        for (Upvalue* u = openUpvalues; u; u = u->nextOpen)
            v.visitFixed(u, "open upvalue");
        v.visit(stepValue, "step value");
    }
};

// A module's namespace: its top-level bindings by slot (let/const/class/function/var),
// plus `module.exports` as a record-like value.
struct Module : Obj {
    String* path = nullptr;        // absolute path
    String* displayPath = nullptr; // as the user named it (for messages)
    std::vector<String*> names;    // binding names, index = slot
    std::vector<Value> slots;
    Value exports;      // module.exports
    Value moduleObject; // the `module` record
    FunctionProto* body = nullptr;
    uint8_t state = 0;  // 0 new, 1 running, 2 done
    bool core = false;  // a core module shipped with the binary (core_modules.h), no program file
    std::string source; // the text it was compiled from (the live version, for the differ)
    std::unordered_map<std::string, uint32_t> slotByName;
    std::unordered_set<uint32_t> constSlots;

    template<typename V> void visitEdges(V& v) {
        v.visit(path, "path");
        v.visit(displayPath, "display path");
        for (String* n : names)
            v.visitFixed(n, "binding name"); // slotByName repeats them
        for (Value& x : slots)
            v.visit(x, "binding");
        v.visit(exports, "exports");
        v.visit(moduleObject, "module object");
        v.visit(body, "body");
    }
};

// A RegExp: its pattern as written and its `lastIndex`. The compiled pattern is shared by
// every RegExp of the same source and flags (a literal evaluated in a loop compiles once)
// and is reference-counted by them, outside the heap (runtime/lib/regexp.h).
struct CompiledRegExp;
void releaseCompiledRegExp(CompiledRegExp* c); // when a RegExp is swept
// `groupNames` holds the interned names of its named groups (null when it has none), so
// a match's `groups` record is filled without interning per match.
struct RegExpObj : Obj {
    String* source = nullptr;
    CompiledRegExp* compiled = nullptr;
    Value lastIndex;
    Array* groupNames = nullptr; // [i]: name of group i+1, or undefined

    template<typename V> void visitEdges(V& v) {
        v.visit(source, "source");
        v.visit(lastIndex, "lastIndex");
        v.visit(groupNames, "group names");
    }
};

// Calls `o`'s visitEdges for its kind. The class pointer is an edge of every object.
template<typename T, typename V> inline void visitEdgesAs(Obj* o, V& v) {
    static_cast<T*>(o)->visitEdges(v);
}
template<typename V> inline void visitEdges(Obj* o, V& v) {
    v.visit(o->klass, "class");
    switch (o->kind) {
#define MOLT_KIND_VISIT(kind, type)                                                                \
    case ObjKind::kind: visitEdgesAs<type>(o, v); break;
        MOLT_OBJ_KINDS(MOLT_KIND_VISIT)
#undef MOLT_KIND_VISIT
    case ObjKind::Free: break;
    }
}

inline bool isKind(Value v, ObjKind k) {
    return v.isObject() && v.asObject()->kind == k;
}

template<typename T> inline T* as(Value v) {
    return static_cast<T*>(v.asObject());
}

inline bool isString(Value v) {
    return isKind(v, ObjKind::String);
}
inline String* asString(Value v) {
    return static_cast<String*>(v.asObject());
}

inline bool isSymbol(Value v) {
    return isKind(v, ObjKind::Symbol);
}

} // namespace molt
