// inspect.h — the inspector's views of a running program as plain data.
//
// Nothing here points into a VM: objects are named by identity number (Heap::identityOf,
// kept by a DSU swap), values are rendered to short strings. So the same structs are what
// the IDE's ThreadVmHost copies off the VM thread, what the control socket serializes for
// an attached IDE (inspect_json.h), and what the views show. No Qt, no runtime headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace molt::inspect {

struct ClassInfo {
    std::string name, module; // module relative to the project root
    std::string superclass;
    std::vector<std::string> fields; // the full layout
    long instances = 0;              // live instances of exactly this class
};

struct InstanceRow {
    uint32_t identity = 0;
    std::string summary; // Product { sku: 'tea', ... } (short)
};

// Which instances of a class, in which order, which page of them.
struct InstanceQuery {
    std::string module, className;
    int page = 0, pageSize = 200;
    // A filter on one field (empty field: every instance). The field's value prints as
    // `value` (a string as itself, anything else as the inspector shows it: 12, true,
    // null, Product#3), or, with `contains`, its print holds `value` ignoring ASCII case.
    std::string whereField, whereValue;
    bool contains = false;
    // The order (empty: by identity): by a field's value, numbers (numerically, NaN last)
    // before strings (by code unit) before booleans (false first) before objects (by
    // identity) before null before undefined; equal values stay in identity order, and
    // `descending` reverses the values' order but not that of equal ones.
    std::string sortField;
    bool descending = false;
    bool operator==(const InstanceQuery&) const = default;
};

struct InstancePage {
    std::string module, className;
    int page = 0, pageSize = 0;
    long total = 0; // live instances of the class
    bool found = false;
    InstanceQuery query;           // what this page answers
    long matched = 0;              // instances the filter keeps (total without one)
    std::string error;             // a query on a field the class does not have; no rows then
    std::vector<InstanceRow> rows; // in the query's order
};

struct FieldInfo {
    std::string name;
    std::string value;     // rendered short, as the inspector shows it
    std::string type;      // "number", "string", "Product", "Array" ...
    uint32_t identity = 0; // non-zero: an object whose fields can be fetched
    bool expandable = false;
};

struct ObjectFields {
    uint32_t identity = 0;
    bool found = false; // false: the object is gone (collected)
    std::string type, summary;
    std::vector<FieldInfo> fields;
    size_t omitted = 0; // elements past the inspector's limit
};

// An object whose edges name the inspected one (Find Objects That Reference This).
struct Referrer {
    uint32_t identity = 0;
    std::string type, summary;
    std::string via; // the field, "[3]", the key; else the kind of edge ("upvalue", "slot"…)
};

constexpr size_t kReferrersShown = 200; // rows of a ReferrerList

struct ReferrerList {
    uint32_t identity = 0;
    bool found = false; // false: the object is gone (collected)
    long total = 0;     // every referrer; `rows` holds the first of them by identity
    std::vector<Referrer> rows;
};

struct FrameInfo {
    std::string function, file;
    uint32_t line = 0, column = 0;
};

struct ThreadInfo {
    uint32_t id = 0;
    std::string name, state;       // "runnable", "sleeping"
    std::vector<FrameInfo> frames; // innermost first
};

} // namespace molt::inspect
