// textdiff.h — a unified diff of two texts by lines (for the Patch panel's source diff).
#pragma once

#include <string>

namespace molt::ide {

// "--- a/path\n+++ b/path\n@@ -l,n +l,n @@\n..." with `context` unchanged lines around each
// change; empty when the texts are equal. Lines are aligned by dsu::alignSequences: a
// changed region of more than about 5000 lines a side is shown as replaced whole.
std::string unifiedDiff(const std::string& before, const std::string& after,
                        const std::string& path, int context = 3);

} // namespace molt::ide
