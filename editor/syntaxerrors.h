// syntaxerrors.h — every ERROR and MISSING node of a parse, as underlinable ranges.
//
// The messages are the ones the runtime's SyntaxTree::firstError gives for the first error
// ("syntax error: unexpected 'x'", "syntax error: missing ';'"), so the editor shows while
// typing what the compiler will say. A range is never empty: a MISSING node (zero width)
// underlines the character before it, or the one after it at the start of the text.
#pragma once

#include <string>
#include <string_view>
#include <tree_sitter/api.h>
#include <vector>

namespace molt::editor::Internal {

struct SyntaxErrorRange {
    uint32_t begin = 0; // bytes
    uint32_t end = 0;
    std::string message;
};

std::vector<SyntaxErrorRange> collectSyntaxErrors(TSNode root, std::string_view text);

} // namespace molt::editor::Internal
