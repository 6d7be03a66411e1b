// private_name.h — how a private name (`#x`) is spelled inside the runtime.
//
// A private name belongs to the class that declares it: `#x` in class A and `#x` in its
// subclass B are two fields, and both live in B's instance layout. The compiler therefore
// keys a private field by its name as written plus its declaring class, `#x@A`, and every
// layout, slot lookup and DSU operation sees that encoded form. Everything a person reads
// (messages, the inspector, patch scripts, generated patches) uses the name as written,
// `#x`: hosted code cannot write `@` in a name, so the encoding cannot collide with a
// name the program spells.
//
// This header is the one place that knows the encoding; code never tests for '#' or '@'
// itself.
#pragma once

#include <string>
#include <string_view>

namespace molt {

struct PrivateName {
    // Whether a name (written or encoded) is a private one.
    static bool isPrivate(std::string_view name) { return !name.empty() && name[0] == '#'; }
    // Whether it carries its declaring class already.
    static bool isEncoded(std::string_view name) {
        return isPrivate(name) && name.find('@') != std::string_view::npos;
    }
    // `#x` declared in `owner` -> `#x@owner`; a public or already encoded name is returned
    // unchanged.
    static std::string encode(std::string_view name, std::string_view owner) {
        if (!isPrivate(name) || isEncoded(name)) return std::string(name);
        std::string out(name);
        out += '@';
        out += owner;
        return out;
    }
    // The name as the source writes it: `#x@A` -> `#x`; other names unchanged.
    static std::string_view written(std::string_view name) {
        if (!isEncoded(name)) return name;
        return name.substr(0, name.find('@'));
    }
    // The declaring class of an encoded name (`#x@A` -> `A`), or empty.
    static std::string_view owner(std::string_view name) {
        if (!isEncoded(name)) return {};
        return name.substr(name.find('@') + 1);
    }
};

} // namespace molt
