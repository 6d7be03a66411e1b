// patch_script.h — hosted patch scripts (DESIGN.md §5).
//
// A patch is a module whose `module.exports` is `function (dsu) { ... }`. Loading it runs
// its top level once in its own module namespace (so it can define the classes, methods and
// policies it installs, and `require` helpers next to it); then the function is called with
// a `dsu` object whose methods record operations in a Transaction:
//
//   dsu.addClass(cls)                        dsu.removeClass(name)
//   dsu.renameClass(from, to)                dsu.changeSuperclass(name, superName | null)
//   dsu.addInstanceVariable(cls, field, policy?)   policy: (oldObj, newObj, oldNs, newNs) => value,
//   dsu.removeInstanceVariable(cls, field)          or dsu.constant(v) / dsu.initializer(fn) /
//   dsu.renameInstanceVariable(cls, from, to)       dsu.computed(fn) / dsu.keep() /
//   dsu.rename(from) dsu.setFieldPolicy(cls, field, policy) dsu.migrateInstances(cls, (oldObj,
//   newObj, oldNs, newNs) => { ... }) dsu.migrateInstancesTo(removedCls, targetCls, fn?)
//   dsu.addMethod(cls, name, fn, kind?)      kind: "method" | "getter" | "setter" |
//   dsu.replaceMethod(cls, name, fn, kind?)        "static" | "static getter" | "static setter"
//                                            (member_kind.h's words; any other is a TypeError)
//   dsu.removeMethod(cls, name, kind?)
//   dsu.addStaticField(cls, name, value)     dsu.removeStaticField(cls, name)
//   dsu.renameStaticField(cls, from, to)     (the static `to` takes `from`'s live value)
//   dsu.addBinding(name, value)              dsu.removeBinding(name)
//   dsu.addValidation(name, (oldNs, newNs) => boolean)
//
// A call that cannot apply (an unknown class or field, a clash) throws a TypeError at the
// call site, so the error names the patch file's line and column.
#pragma once

#include "dsu/commit/transaction.h"
#include "runtime/compiler/compiler.h"
#include "runtime/core/member_kind.h"

#include <string>

namespace molt::dsu {

struct PatchError {
    std::string message; // "patch.js:3:5: unknown class 'Prodct'" or a compile error block
};

// Loads the patch at `path` and records its operations in `tx`. Returns false with `error`
// filled when the patch does not compile, is not a function, or throws.
// The patch is evaluated in a copy of `base`'s namespace (the main module's when null):
// free names resolve to that version's bindings. `text`, when given, is the patch's source
// (nothing is read from `path`, which then only names it in messages). `origins`: for a
// generated patch, the parts of `text` that stand for the source's code (compiler.h), so
// that code copied from the source is named after it in traces.
bool loadPatch(VM& vm, Transaction& tx, const std::string& path, PatchError& error,
               const std::string* text = nullptr, Module* base = nullptr,
               const std::vector<SourceOrigin>* origins = nullptr);

// The optional last argument of dsu.addMethod/replaceMethod/removeMethod for `kind`, as a
// patch writer spells it: "" for a plain method or the constructor, else `, "getter"` ...
std::string methodKindArgument(MemberKind kind);

} // namespace molt::dsu
