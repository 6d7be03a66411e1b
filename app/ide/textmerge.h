// textmerge.h — a three-way merge by lines, for reverting one update alone (like
// `git revert`): the change from `base` to `theirs` is carried onto `ours`.
//
// Reverting update #N while later updates stay is merge(base = source after #N,
// ours = the source the program runs now, theirs = source before #N). A region of `base`
// that both sides changed, or a change of `theirs` that touches a line `ours` changed
// (adjacent lines included: their order would be a guess), is a conflict: the merge
// refuses rather than guess, and the caller offers to revert back over the later updates.
#pragma once

#include "dsu/source/differ.h"

#include <optional>
#include <string>
#include <vector>

namespace molt::ide {

// `ours` with the edits from `base` to `theirs`; nullopt when they conflict with ours.
std::optional<std::string> threeWayMerge(const std::string& base, const std::string& ours,
                                         const std::string& theirs);

// What Revert This Update hands the differ: the update's edit (`before` -> `after`) taken
// back out of `live` (the source the program runs now), module by module. A module the
// update did not change stays as it runs; one it added or removed, or whose merge
// conflicts, is listed in `conflicts` and the revert cannot be made alone.
struct RevertAlone {
    std::vector<dsu::SourceFile> target;
    std::vector<std::string> conflicts; // module paths
};
RevertAlone revertAlone(const std::vector<dsu::SourceFile>& live,
                        const std::vector<dsu::SourceFile>& before,
                        const std::vector<dsu::SourceFile>& after);

} // namespace molt::ide
