#include "runtime/core/member_kind.h"

#include <iterator>

namespace molt {

namespace {

struct KindWords {
    MemberKind kind;
    const char* name;  // in patch scripts
    const char* label; // in prose
};

constexpr KindWords kKinds[] = {
    {MemberKind::Method, "method", "method"},
    {MemberKind::Getter, "getter", "getter"},
    {MemberKind::Setter, "setter", "setter"},
    {MemberKind::StaticMethod, "static", "static method"},
    {MemberKind::StaticGetter, "static getter", "static getter"},
    {MemberKind::StaticSetter, "static setter", "static setter"},
    {MemberKind::Constructor, "constructor", "constructor"},
    {MemberKind::Field, "field", "field"},
    {MemberKind::StaticField, "static field", "static field"},
    {MemberKind::StaticBlock, "static block", "static block"},
};

constexpr bool indexedByKind() {
    for (size_t i = 0; i < std::size(kKinds); ++i)
        if (size_t(kKinds[i].kind) != i) return false;
    return std::size(kKinds) == size_t(MemberKind::StaticBlock) + 1;
}
static_assert(indexedByKind(), "kKinds lists every kind once, in the enum's order");

const KindWords& wordsOf(MemberKind kind) {
    return kKinds[size_t(kind)];
}

} // namespace

const char* memberKindName(MemberKind kind) {
    return wordsOf(kind).name;
}

const char* memberKindLabel(MemberKind kind) {
    return wordsOf(kind).label;
}

std::optional<MemberKind> parseMemberKind(std::string_view word) {
    for (const KindWords& k : kKinds)
        if (word == k.name || word == k.label) return k.kind;
    return std::nullopt;
}

std::string methodKindNames() {
    std::string out;
    for (const KindWords& k : kKinds) {
        if (!isMethodTable(k.kind)) continue;
        if (!out.empty()) out += ", ";
        out += k.name;
    }
    return out;
}

} // namespace molt
