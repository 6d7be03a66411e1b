// textmerge.h — a three-way merge by lines, for reverting one update alone (like
// `git revert`): the change from `base` to `theirs` is carried onto `ours`.
//
// Reverting update #N while later updates stay is merge(base = source after #N,
// ours = the source the program runs now, theirs = source before #N). A region of `base`
// that both sides changed, or a change of `theirs` that touches a line `ours` changed
// (adjacent lines included: their order would be a guess), is a conflict: the merge
// refuses rather than guess, and the caller offers to revert back over the later updates.
#pragma once

#include <optional>
#include <string>

namespace molt::ide {

// `ours` with the edits from `base` to `theirs`; nullopt when they conflict with ours.
std::optional<std::string> threeWayMerge(const std::string& base, const std::string& ours,
                                         const std::string& theirs);

} // namespace molt::ide
