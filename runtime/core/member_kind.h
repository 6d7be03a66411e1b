// member_kind.h — what a class member is, spelled one way everywhere.
//
// Invariants:
//   * The compiler's Op::Method operand, the DSU's method operations, the differ's changes,
//     the patch scripts and the IDE all name a member's kind with this one enum, and turn it
//     into text only through the table in member_kind.cpp. A patch script written by hand
//     and one the differ generated therefore parse the same words.
//   * The first six kinds are the six method tables of a class, in the order Op::Method's
//     operand byte encodes them; the kinds after them are never installed by Op::Method.
//   * A static method's word in a patch script is "static" (the keyword as written before
//     the method), its label in prose is "static method".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace molt {

enum class MemberKind : uint8_t {
    Method,
    Getter,
    Setter,
    StaticMethod,
    StaticGetter,
    StaticSetter,
    Constructor,
    Field,
    StaticField,
    StaticBlock,
};

// The patch-script word: "method", "getter", "setter", "static", "static getter", ...
const char* memberKindName(MemberKind kind);
// The word for prose (comments, messages): as memberKindName, but "static method".
const char* memberKindLabel(MemberKind kind);
// The kind a patch-script word names (memberKindName's inverse, which also accepts
// "static method"); nullopt for any other text.
std::optional<MemberKind> parseMemberKind(std::string_view word);
// The words of the method-table kinds, for an error listing the valid ones:
// "method, getter, setter, static, static getter, static setter".
std::string methodKindNames();

// One of the six method tables (what Op::Method and the DSU's method operations take).
constexpr bool isMethodTable(MemberKind k) {
    return uint8_t(k) <= uint8_t(MemberKind::StaticSetter);
}
constexpr bool isStatic(MemberKind k) {
    return k == MemberKind::StaticMethod || k == MemberKind::StaticGetter ||
           k == MemberKind::StaticSetter || k == MemberKind::StaticField ||
           k == MemberKind::StaticBlock;
}
constexpr bool isAccessor(MemberKind k) {
    return k == MemberKind::Getter || k == MemberKind::Setter || k == MemberKind::StaticGetter ||
           k == MemberKind::StaticSetter;
}
constexpr bool isField(MemberKind k) {
    return k == MemberKind::Field || k == MemberKind::StaticField;
}

} // namespace molt
