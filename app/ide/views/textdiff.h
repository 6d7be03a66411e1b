// textdiff.h — a unified diff of two texts by lines (for the Patch panel's source diff).
#pragma once

#include <string>

namespace molt::ide {

// "--- a/path\n+++ b/path\n@@ -l,n +l,n @@\n..." with `context` unchanged lines around each
// change; empty when the texts are equal. Longest-common-subsequence by lines: fine for
// modules of a few thousand lines; larger ones are shown as replaced whole.
std::string unifiedDiff(const std::string& before, const std::string& after,
                        const std::string& path, int context = 3);

} // namespace molt::ide
