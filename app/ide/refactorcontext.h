// refactorcontext.h — what the Refactor menu can offer at the cursor: the class, field or
// method under it, the class whose body holds it, and the classes of the program.
//
// It reads the program's sources with the shared syntax layer (runtime/syntax.h) only to
// decide which menu entries apply and to fill the dialogs; the refactoring engine
// (dsu/refactor.h) checks everything again and has the last word, so a guess here that is
// too generous ends in the engine's file:line:col error, never in a wrong edit.
#pragma once

#include "dsu/source/differ.h"

#include <string>
#include <vector>

namespace molt::ide {

struct OutlineMember {
    std::string name;
    bool isStatic = false;
    bool mayHoldObject = false; // fields: some value assigned may be an instance (new C, a name…)
};

struct ClassOutline {
    std::string name, superclass, module;
    std::vector<OutlineMember> fields;  // declared, and assigned through this.f (instance)
    std::vector<OutlineMember> methods; // without the constructor
    bool hasField(const std::string& name) const;
    bool hasMethod(const std::string& name) const;
};

struct ProgramOutline {
    std::vector<ClassOutline> classes; // in source order, the main module first
    const ClassOutline* find(const std::string& name) const;
    std::vector<const ClassOutline*> subclassesOf(const std::string& name) const;
};

// Parses every file (paths relative to the project, main module first).
ProgramOutline outlineProgram(const std::vector<dsu::SourceFile>& files);

struct RefactorTarget {
    enum class Symbol { None, Class, Field, Method };
    Symbol symbol = Symbol::None;
    std::string className; // the class named, or owning the field or method
    std::string member;    // the field or method ("#f" for a private field)
    bool isStatic = false;
    std::string enclosingClass; // the class whose body holds the cursor ("" outside any)
    // Members of the enclosing class whose names lie in the selection (for split/extract).
    std::vector<std::string> selectedFields, selectedMethods;
};

// What is at byte `position` of `text` (module `path`), with the selection [selStart,
// selEnd) (empty when equal).
RefactorTarget refactorTargetAt(const ProgramOutline& program, const std::string& path,
                                const std::string& text, uint32_t position, uint32_t selStart,
                                uint32_t selEnd);

// Whether the Refactor menu offers `kind` (a dsu::refactorKinds() name) for the target.
bool refactoringApplies(const std::string& kind, const RefactorTarget& target,
                        const ProgramOutline& program);

} // namespace molt::ide
