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

struct InstancePage {
    std::string module, className;
    int page = 0, pageSize = 0;
    long total = 0; // live instances of the class
    bool found = false;
    std::vector<InstanceRow> rows; // in identity order
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
