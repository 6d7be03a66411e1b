// frame_plan.h — what the differ says about moving a running frame of a changed method to
// its new code (docs/dsu.md "Update points"). The runtime's compiler numbers the same points
// the same way (FunctionProto::updatePoints, callPoints): loops in source order, nested ones
// by path, calls that are whole statements by callee text, loop path and ordinal, nested
// functions not counted. This is the script writer's view of it, for REVIEW lines.
#pragma once

#include "runtime/syntax/syntax.h"

#include <string>

namespace molt::dsu {

// A REVIEW text for a changed method whose frames may be moved at a loop's back-edge or a
// call's return (at which points new locals start how, which are dropped), or why they
// cannot be (the loop structure changed; a call the new version lacks). Empty when the old
// version has no update point, or every point is in both versions and keeps its locals.
std::string framePlanReview(const SyntaxTree& oldTree, TSNode oldMethod,
                            const SyntaxTree& newTree, TSNode newMethod,
                            const std::string& className, const std::string& method);

} // namespace molt::dsu
