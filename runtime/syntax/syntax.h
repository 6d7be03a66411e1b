// syntax.h — the one syntax layer the compiler, the differ and the editor share.
//
// A SyntaxTree owns a tree-sitter parse of one source text (the JavaScript grammar,
// tree-sitter-javascript 0.21.4). Nodes are plain TSNode values that stay valid while the
// tree lives. Positions reported to users are 1-based lines and 1-based columns counted in
// characters (tree-sitter counts bytes; `position` converts).
//
// A tree with ERROR or MISSING nodes is never compiled: `firstError` reports the earliest
// one as "syntax error: ..." at its position.
#pragma once

#include "runtime/core/member_kind.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tree_sitter/api.h>
#include <vector>

namespace molt {

const TSLanguage* javascriptLanguage();

struct SourcePosition {
    uint32_t line = 1;   // 1-based
    uint32_t column = 1; // 1-based, in characters
};

struct SyntaxDiagnostic {
    SourcePosition position;
    std::string message;
};

class SyntaxTree {
public:
    // Parses `source`. Never fails: errors are nodes in the tree. `firstLine` is the number
    // its first line is reported as: 0 when a line of generated code (a wrapper the user
    // never wrote) comes before the user's text, so that the user's first line is line 1.
    static std::unique_ptr<SyntaxTree> parse(std::string source, std::string path,
                                             uint32_t firstLine = 1);
    ~SyntaxTree();
    SyntaxTree(const SyntaxTree&) = delete;
    SyntaxTree& operator=(const SyntaxTree&) = delete;

    TSNode root() const { return ts_tree_root_node(tree_); }
    const std::string& source() const { return source_; }
    const std::string& path() const { return path_; }
    std::string_view text(TSNode n) const; // empty for a null node (an absent field)
    SourcePosition position(TSNode n) const;
    SourcePosition positionOfByte(uint32_t byte) const;
    std::string lineText(uint32_t line) const; // 1-based, without the newline
    std::optional<SyntaxDiagnostic> firstError() const;
    TSTree* raw() const { return tree_; }

private:
    SyntaxTree() = default;
    TSTree* tree_ = nullptr;
    std::string source_;
    std::string path_;
    std::vector<uint32_t> lineStarts_;
    uint32_t firstLine_ = 1;
};

// Small conveniences over the C API.
inline std::string_view nodeType(TSNode n) {
    return ts_node_type(n);
}
inline bool is(TSNode n, std::string_view type) {
    return !ts_node_is_null(n) && nodeType(n) == type;
}
TSNode field(TSNode n, const char* name);
// The text of `n` in `source`: empty for a null node, cut at the end of `source` (an
// editor's tree may be a keystroke older than its text).
std::string_view nodeText(TSNode n, std::string_view source);
std::vector<TSNode> namedChildren(TSNode n);
std::vector<TSNode> children(TSNode n);               // named and anonymous
bool hasChildToken(TSNode n, std::string_view token); // an anonymous child like "static"
// True when evaluating `n` makes a function or class (a closure over where it runs).
bool makesClosure(TSNode n);
// The kind of a class body's member node (method_definition, field_definition,
// class_static_block) whose key reads `name`; nullopt for any other node.
std::optional<MemberKind> classMemberKind(TSNode member, std::string_view name);

} // namespace molt
