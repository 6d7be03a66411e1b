// differ.h — compares two versions of a program's source and writes the patch script that
// moves a running program from the first to the second (DESIGN.md §5).
//
// The differ is purely syntactic: it reads both versions with the shared tree-sitter layer
// (runtime/syntax.h) and never runs code. Modules are matched by their path relative to
// the program's root (the main module's folder), so "main.js" of the old version is
// compared with "main.js" of the new one.
//
// What the new version means for a running program (decision 0005): the new source is the
// truth for code and structure (class layouts, methods, superclasses); the patch script
// says how live state moves over — which old class becomes which new class, where each
// field of a migrated instance gets its value, which bindings keep their live values — and
// acknowledges every other change, so that a reviewer sees each one. See version.h for how
// each `dsu.*` call of a script is read when a program is updated to a new version.
#pragma once

#include "runtime/core/member_kind.h"
#include "runtime/syntax/syntax.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace molt::dsu {

// One module's source. `path` is relative to the program's root ("main.js", "lib/cart.js").
struct SourceFile {
    std::string path;
    std::string text;
    std::string displayPath = {}; // how messages name the file ("v2/main.js"); empty: `path`
};

struct SourceLocation {
    std::string path;  // relative module path ("" when not applicable)
    uint32_t line = 0; // 1-based; 0 = none
    uint32_t column = 0;
    std::string display = {}; // how messages name the file (the version's displayPath); empty: path

    // The file as messages and generated patches name it, and "file:line".
    const std::string& file() const { return display.empty() ? path : display; }
    std::string label() const { return file() + ":" + std::to_string(line); }
};

enum class ChangeKind {
    ModuleAdded,
    ModuleRemoved,
    ClassAdded,
    ClassRemoved,
    ClassRenamed,      // oldName -> name, bodies identical
    SuperclassChanged, // detail: "Account -> Base" ("(none)" for no superclass)
    FieldAdded,        // instance field (declared or constructor-inferred)
    FieldRemoved,
    FieldRenamed, // oldName -> name
    StaticFieldAdded,
    StaticFieldRemoved,
    StaticFieldRenamed,
    StaticInitializerChanged, // a static field in both versions whose initializer changed
    MethodAdded,              // memberKind says which table: method, getter, setter, static, ...
    MethodRemoved,
    MethodChanged, // detail: "body", "parameters", "parameters and body"
    FunctionAdded, // module-level function declaration
    FunctionRemoved,
    FunctionChanged,
    BindingAdded, // module-level let/const/var
    BindingRemoved,
    BindingInitializerChanged, // the live value is kept
    TopLevelCodeChanged,       // statements that are not declarations: not re-run by an update
};

const char* changeKindName(ChangeKind k); // "field added", ...

struct Change {
    ChangeKind kind;
    std::string module;    // relative path of the module (the new one; the old one for removals)
    std::string className; // the class concerned (its new name; the old name for removals)
    std::string oldName;   // renamed things: the old name; removals: the removed name
    std::string name;      // the new (or only) name of the field, method, binding, class
    std::optional<MemberKind> memberKind; // methods: which table (or Constructor)
    std::string detail;                   // free text shown in the IDE's change table
    std::string policy;                   // the default migration decision, in words: "keep",
                        // "rename from bal", "initializer: 0", "undefined", "dropped",
                        // "new code", "live value kept", "initializer runs once"
    std::string review;     // non-empty: the REVIEW warning written into the script
    SourceLocation oldAt;   // where it is in the old version (when it exists there)
    SourceLocation newAt;   // where it is in the new version (when it exists there)
    SourceLocation classAt; // members: where their class is (new version; old for removals)
    std::string oldText;    // initializers and superclasses: the source text before ...
    std::string newText;    // ... and after (a field's declared initializer when added)
    SourceLocation newTextAt; // where newText starts in the new version
};

struct ChangeSet {
    std::vector<Change> changes; // in a deterministic order: by module, then source order
    bool empty() const { return changes.empty(); }
};

struct DiffError {
    SourceLocation at;
    std::string message; // formatted "path:line:col: message" plus the source line
    bool inNewVersion = false;
};

struct DiffOptions {
    // Counts live instances of a class of the running program (module, class name); the
    // differ writes a REVIEW warning for a removed class that has some. Absent: the
    // warning says the update rolls back if there are any.
    std::function<long(const std::string& module, const std::string& className)> liveInstances;
    // Names shown in the script's header ("molt diff v1.js v2.js").
    std::string oldLabel = "old", newLabel = "new";
    // The instance fields a built-in class gives its subclasses (Error: message, stack), for
    // a superclass name no module defines; empty for a name that is no built-in class. The
    // runtime knows them (dsu::builtinLayouts, version.h). Absent: built-ins add no field.
    std::function<std::vector<std::string>(const std::string& className)> builtinFields;
};

// Compares the two versions. Returns false with `error` set when either version has a
// syntax error (the first one, with its file:line:col).
bool diffSources(const std::vector<SourceFile>& oldFiles, const std::vector<SourceFile>& newFiles,
                 ChangeSet& out, DiffError& error, const DiffOptions& options = {});

// Whitespace runs as single spaces, so multi-line source (an initializer) fits in a
// comment line of a script or a cell of the IDE's change table.
std::string oneLine(std::string_view text);

// The patch script for a change set: deterministic, one `dsu.*` call per change, a comment
// on every default decision and `// REVIEW:` on every decision a person should check.
// `origins`, when given, receives which source construct each change's lines came from.
struct PatchLineOrigin {
    uint32_t firstLine = 0, lastLine = 0; // 1-based lines of the script
    SourceLocation at;                    // the construct in the new version (old for removals)
    uint32_t startByte = 0, endByte = 0;  // the same lines as bytes [start, end) of the script
    // Source text the lines copy as is (a declared initializer), one piece per line: the
    // bytes [startByte, endByte) of the script are the new version's text from `from` on.
    struct Copy {
        uint32_t startByte = 0, endByte = 0;
        SourceLocation from;
    };
    std::vector<Copy> copies;
};
std::string generatePatchScript(const ChangeSet& changes, const DiffOptions& options = {},
                                std::vector<PatchLineOrigin>* origins = nullptr);

// Rewrites each "LABEL:LINE:COL" in `message` (a position in the script generated under
// LABEL) as the position of the source construct that line came from:
// "(patch generated for v2.js):8:7: ..." -> "v2.js:3:3: ...".
std::string locateInSource(const std::string& message, const std::string& label,
                           const std::vector<PatchLineOrigin>& origins);

} // namespace molt::dsu
