// frame_plan.h — what the differ says about moving a running frame of a changed method to
// its new code (docs/dsu.md "Update points"). The runtime's compiler numbers the same loops
// the same way (FunctionProto::updatePoints): loops in source order, nested ones by path,
// nested functions not counted. This is the script writer's view of it, for REVIEW lines.
#pragma once

#include "runtime/syntax/syntax.h"

#include <string>

namespace molt::dsu {

// A REVIEW text for a changed method whose frames may be moved at a loop's back-edge (new
// locals and how they start, dropped locals), or why they cannot be (the loop structure
// changed). Empty when neither version has a loop or nothing about the locals changed.
std::string framePlanReview(const SyntaxTree& oldTree, TSNode oldMethod,
                            const SyntaxTree& newTree, TSNode newMethod,
                            const std::string& className, const std::string& method);

} // namespace molt::dsu
