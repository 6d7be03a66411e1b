// patch_writer.cpp — writes a change set as a patch script (differ.h, DESIGN.md §5).
//
// The script is meant to be read and edited by a person before it runs, so it is laid out
// the way one would write it by hand: one section per module, one paragraph per class, one
// `dsu.*` call per change with its default decision in a comment, and `// REVIEW:` above
// every call whose default loses or invents state. Lines stay within 100 columns where a
// call allows it; long comments wrap.
#include "dsu/source/differ.h"
#include "dsu/source/patch_script.h"
#include "runtime/core/utf8.h"

#include <algorithm>
#include <cctype>

#include <string_view>

namespace molt::dsu {

namespace {

constexpr size_t kWidth = 100;

class Writer {
public:
    std::string out;
    std::vector<PatchLineOrigin::Copy> copies; // the source text written as is, so far

    // Records that `text`, about to be appended at `out`'s end after `skip` more bytes, is
    // the source's own text from `from` on.
    void copied(size_t skip, const std::string& text, SourceLocation from) {
        uint32_t start = uint32_t(out.size() + skip);
        copies.push_back({start, uint32_t(start + text.size()), std::move(from)});
    }

    // A comment, wrapped at the width; continuation lines are indented under the text.
    void comment(const std::string& text, const std::string& label = "") {
        std::string first = "  // " + label;
        std::string cont = "  //" + std::string(label.empty() ? 1 : label.size() + 1, ' ');
        std::string line = first;
        bool empty = true;
        size_t i = 0;
        while (i < text.size()) {
            size_t j = text.find(' ', i);
            if (j == std::string::npos) j = text.size();
            std::string word = text.substr(i, j - i);
            i = j + 1;
            if (word.empty()) continue;
            if (!empty && line.size() + 1 + word.size() > kWidth) {
                out += line + "\n";
                line = cont;
                empty = true;
            }
            if (!empty) line += ' ';
            line += word;
            empty = false;
        }
        out += line + "\n";
    }
    void review(std::string text) {
        if (!text.empty() && text.back() != '.' && text.back() != ')') text += '.';
        comment(text, "REVIEW: ");
    }
    // A line of code shown as a comment: never wrapped, so it can be uncommented as is.
    void codeComment(const std::string& code) { out += "  // " + code + "\n"; }

    // A call with its comment after it when both fit on one line, above it otherwise.
    void call(const std::string& code, const std::string& note = "") {
        if (note.empty()) {
            out += "  " + code + "\n";
        } else if (2 + code.size() + 4 + note.size() <= kWidth) {
            out += "  " + code + " // " + note + "\n";
        } else {
            comment(sentence(note));
            out += "  " + code + "\n";
        }
    }
    void blank() {
        if (!out.empty() && out.compare(out.size() - 2, 2, "\n\n") != 0 &&
            out.compare(out.size() - 2, 2, "{\n") != 0)
            out += "\n";
    }

    static std::string sentence(std::string s) {
        if (!s.empty() && s.back() != '.' && s.back() != ')' && s.back() != ';') s += '.';
        if (!s.empty() && s[0] >= 'a' && s[0] <= 'z' && s.compare(0, 4, "dsu.") != 0)
            s[0] = char(s[0] - 'a' + 'A');
        return s;
    }
};

MemberKind methodKind(const Change& c) {
    return c.memberKind.value_or(MemberKind::Method);
}

std::string kindArgument(const Change& c) {
    return methodKindArgument(methodKind(c));
}

std::string kindWord(const Change& c) {
    return memberKindLabel(methodKind(c));
}

// dsu.initializer(function () { return <text>; }) on one line when it fits, else with the
// initializer's own lines re-indented inside the function.
void writeInitializer(Writer& w, const Change& c) {
    std::string head = "dsu.addInstanceVariable(" + jsonQuoted(c.className) + ", " +
                       jsonQuoted(c.name) + ", dsu.initializer(function () {";
    std::string note =
        "Live instances get '" + c.name + "' from its declared initializer (this = the instance).";
    if (c.newText.find('\n') == std::string::npos) {
        std::string code = head + " return " + c.newText + "; }));";
        if (2 + code.size() <= kWidth) {
            w.comment(note);
            w.copied(2 + head.size() + 8, c.newText, c.newTextAt);
            w.call(code);
            return;
        }
    }
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= c.newText.size()) {
        size_t end = c.newText.find('\n', start);
        if (end == std::string::npos) end = c.newText.size();
        std::string line = c.newText.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
        start = end + 1;
    }
    size_t indent = std::string::npos;
    for (size_t i = 1; i < lines.size(); ++i) {
        size_t first = lines[i].find_first_not_of(" \t");
        if (first != std::string::npos) indent = std::min(indent, first);
    }
    w.comment(note);
    w.out += "  " + head + "\n";
    for (size_t i = 0; i < lines.size(); ++i) {
        size_t cut = i == 0 ? 0 : std::min(indent, lines[i].size());
        std::string line = lines[i].substr(cut);
        std::string prefix = i == 0 ? "    return " : line.empty() ? "" : "    ";
        SourceLocation from = c.newTextAt;
        if (i > 0) {
            from.line += uint32_t(i);
            from.column = uint32_t(cut) + 1;
        }
        if (!line.empty()) w.copied(prefix.size(), line, from);
        w.out += prefix + line + (i + 1 == lines.size() ? ";" : "") + "\n";
    }
    w.out += "  }));\n";
}

void writeChange(Writer& w, const Change& c) {
    const std::string cls = jsonQuoted(c.className);
    switch (c.kind) {
    case ChangeKind::ModuleAdded:
        w.comment("A new module: nothing of it is live yet. It is loaded when the program first "
                  "requires it.");
        break;
    case ChangeKind::ModuleRemoved:
        w.comment("This module is no longer part of the program; its live bindings go with it.");
        break;
    case ChangeKind::ClassAdded:
        if (!c.review.empty()) w.review(c.review);
        w.call("dsu.addClass(" + cls + ");", "new class");
        break;
    case ChangeKind::ClassRemoved:
        if (!c.review.empty()) {
            w.review(c.review);
            w.call("dsu.removeClass(" + cls + ");");
        } else {
            w.call("dsu.removeClass(" + cls + ");", "no live instances");
        }
        break;
    case ChangeKind::ClassRenamed:
        w.call("dsu.renameClass(" + jsonQuoted(c.oldName) + ", " + cls + ");",
               "live " + c.oldName + " instances become " + c.name + " instances");
        break;
    case ChangeKind::SuperclassChanged:
        w.comment("Fields are matched by name over the whole layout: a field the old and the new "
                  "layout both have keeps its value.");
        if (!c.review.empty()) w.review(c.review);
        {
            std::string to = c.detail.substr(c.detail.find(" -> ") + 4);
            w.call("dsu.changeSuperclass(" + cls + ", " +
                   (to == "(none)" ? "null" : jsonQuoted(to)) + ");");
        }
        break;
    case ChangeKind::FieldAdded:
        if (c.review.empty()) {
            writeInitializer(w, c);
        } else {
            w.review(c.review);
            if (c.detail == "assigned by the class's methods") {
                w.comment("To give them a value, pass a policy:");
                w.codeComment("dsu.addInstanceVariable(" + cls + ", " + jsonQuoted(c.name) +
                              ", (oldObj, newObj) => ...);");
            }
            w.call("dsu.addInstanceVariable(" + cls + ", " + jsonQuoted(c.name) + ");");
        }
        break;
    case ChangeKind::FieldRemoved:
        w.review(c.review);
        if (!c.detail.empty()) {
            w.comment("If '" + c.oldName +
                      "' was renamed, declare the rename instead of this "
                      "removal:");
            w.codeComment("dsu.renameInstanceVariable(" + cls + ", " + jsonQuoted(c.oldName) +
                          ", \"newName\");");
        }
        w.call("dsu.removeInstanceVariable(" + cls + ", " + jsonQuoted(c.oldName) + ");");
        break;
    case ChangeKind::FieldRenamed:
        w.call("dsu.renameInstanceVariable(" + cls + ", " + jsonQuoted(c.oldName) + ", " +
                   jsonQuoted(c.name) + ");",
               "the values move over");
        break;
    case ChangeKind::MethodAdded:
        if (methodKind(c) == MemberKind::Constructor)
            w.call("dsu.replaceMethod(" + cls + ", \"constructor\");",
                   "an explicit constructor instead of the default one");
        else
            w.call("dsu.addMethod(" + cls + ", " + jsonQuoted(c.name) + kindArgument(c) + ");",
                   "new " + kindWord(c));
        break;
    case ChangeKind::MethodRemoved:
        if (methodKind(c) == MemberKind::Constructor)
            w.call("dsu.replaceMethod(" + cls + ", \"constructor\");",
                   "the default constructor instead of the explicit one");
        else
            w.call("dsu.removeMethod(" + cls + ", " + jsonQuoted(c.oldName) + kindArgument(c) +
                       ");",
                   kindWord(c) + " removed");
        break;
    case ChangeKind::MethodChanged:
        if (!c.review.empty()) w.review(c.review);
        w.call("dsu.replaceMethod(" + cls + ", " + jsonQuoted(c.name) + kindArgument(c) + ");",
               c.detail + " changed");
        break;
    case ChangeKind::StaticFieldAdded:
        w.call("dsu.addStaticField(" + cls + ", " + jsonQuoted(c.name) + ");",
               "its initializer runs once");
        break;
    case ChangeKind::StaticFieldRemoved:
        w.review(c.review);
        w.call("dsu.removeStaticField(" + cls + ", " + jsonQuoted(c.oldName) + ");");
        break;
    case ChangeKind::StaticFieldRenamed:
        w.call("dsu.renameStaticField(" + cls + ", " + jsonQuoted(c.oldName) + ", " +
                   jsonQuoted(c.name) + ");",
               "the live value moves over");
        break;
    case ChangeKind::StaticInitializerChanged:
        w.review(c.review);
        if (c.detail.empty())
            w.comment("No dsu call resets a live static: to take the new value, assign " +
                      c.className + "." + c.name + " once the update is in.");
        break;
    case ChangeKind::FunctionAdded:
        w.call("dsu.addBinding(" + jsonQuoted(c.name) + ");", "new function");
        break;
    case ChangeKind::FunctionRemoved:
        w.call("dsu.removeBinding(" + jsonQuoted(c.oldName) + ");", "function removed");
        break;
    case ChangeKind::FunctionChanged:
        w.call("dsu.replaceFunction(" + jsonQuoted(c.name) + ");", c.detail + " changed");
        break;
    case ChangeKind::BindingAdded:
        w.call("dsu.addBinding(" + jsonQuoted(c.name) + ");", "its initializer runs once");
        break;
    case ChangeKind::BindingRemoved:
        w.review(c.review);
        w.call("dsu.removeBinding(" + jsonQuoted(c.oldName) + ");");
        break;
    case ChangeKind::BindingInitializerChanged: {
        w.review(c.review);
        std::string value = oneLine(c.newText);
        bool literal = c.newText.find('\n') == std::string::npos && value.size() <= 60;
        w.comment("To take the new value:");
        w.codeComment("dsu.setBinding(" + jsonQuoted(c.name) + ", " +
                      (literal ? value : std::string("<the new initializer>")) + ");");
        break;
    }
    case ChangeKind::TopLevelCodeChanged:
        w.comment("top-level statements changed (first difference at " +
                      (c.newAt.line ? c.newAt : c.oldAt).label() +
                      "). An update does not re-run them: the running program keeps what "
                      "the old ones did.",
                  "NOTE: ");
        break;
    }
}

// Which paragraph a change belongs to inside its module.
std::string groupOf(const Change& c) {
    switch (c.kind) {
    case ChangeKind::ModuleAdded:
    case ChangeKind::ModuleRemoved: return "module";
    case ChangeKind::FunctionAdded:
    case ChangeKind::FunctionRemoved:
    case ChangeKind::FunctionChanged:
    case ChangeKind::BindingAdded:
    case ChangeKind::BindingRemoved:
    case ChangeKind::BindingInitializerChanged: return "bindings";
    case ChangeKind::TopLevelCodeChanged: return "top level";
    default: return "class " + c.className;
    }
}

} // namespace

const char* changeKindName(ChangeKind k) {
    switch (k) {
    case ChangeKind::ModuleAdded: return "module added";
    case ChangeKind::ModuleRemoved: return "module removed";
    case ChangeKind::ClassAdded: return "class added";
    case ChangeKind::ClassRemoved: return "class removed";
    case ChangeKind::ClassRenamed: return "class renamed";
    case ChangeKind::SuperclassChanged: return "superclass changed";
    case ChangeKind::FieldAdded: return "field added";
    case ChangeKind::FieldRemoved: return "field removed";
    case ChangeKind::FieldRenamed: return "field renamed";
    case ChangeKind::StaticFieldAdded: return "static field added";
    case ChangeKind::StaticFieldRemoved: return "static field removed";
    case ChangeKind::StaticFieldRenamed: return "static field renamed";
    case ChangeKind::StaticInitializerChanged: return "static initializer changed";
    case ChangeKind::MethodAdded: return "method added";
    case ChangeKind::MethodRemoved: return "method removed";
    case ChangeKind::MethodChanged: return "method changed";
    case ChangeKind::FunctionAdded: return "function added";
    case ChangeKind::FunctionRemoved: return "function removed";
    case ChangeKind::FunctionChanged: return "function changed";
    case ChangeKind::BindingAdded: return "binding added";
    case ChangeKind::BindingRemoved: return "binding removed";
    case ChangeKind::BindingInitializerChanged: return "binding initializer changed";
    case ChangeKind::TopLevelCodeChanged: return "top-level code changed";
    }
    return "change";
}

std::string generatePatchScript(const ChangeSet& changes, const DiffOptions& options,
                                std::vector<PatchLineOrigin>* origins) {
    Writer w;
    w.out = "// Patch generated by `molt diff " + options.oldLabel + " " + options.newLabel +
            "`.\n"
            "// The new version supplies the code and the class layouts; this script says how "
            "the live\n"
            "// state moves over to it. Each line marked REVIEW needs a decision before the "
            "update runs.\n"
            "module.exports = function (dsu) {\n";
    if (changes.empty())
        w.comment("The two versions are equivalent: they differ at most in whitespace and "
                  "comments. Nothing to do.");
    std::string module, group;
    for (const Change& c : changes.changes) {
        if (c.module != module) {
            w.blank();
            w.out += "  // ---- " + c.module + "\n";
            module = c.module;
            group.clear();
        }
        std::string g = groupOf(c);
        if (g != group) {
            w.blank();
            group = g;
            if (c.kind == ChangeKind::ClassRemoved)
                w.comment("class " + c.className + " (" + c.classAt.label() +
                          " in the old version)");
            else if (!c.className.empty())
                w.comment("class " + c.className + " (" + c.classAt.label() + ")");
            else if (g == "bindings")
                w.comment("module-level functions and bindings");
        }
        uint32_t first = uint32_t(std::count(w.out.begin(), w.out.end(), '\n')) + 1;
        uint32_t startByte = uint32_t(w.out.size());
        w.copies.clear();
        writeChange(w, c);
        uint32_t last = uint32_t(std::count(w.out.begin(), w.out.end(), '\n'));
        const SourceLocation& at = c.newAt.line ? c.newAt : c.oldAt.line ? c.oldAt : c.classAt;
        if (origins && last >= first && at.line)
            origins->push_back(
                {first, last, at, startByte, uint32_t(w.out.size()), std::move(w.copies)});
    }
    w.out += "};\n";
    return w.out;
}

std::string locateInSource(const std::string& message, const std::string& label,
                           const std::vector<PatchLineOrigin>& origins) {
    std::string out;
    size_t from = 0;
    for (size_t at = message.find(label + ":"); at != std::string::npos;
         at = message.find(label + ":", from)) {
        size_t p = at + label.size() + 1;
        size_t lineEnd = p;
        while (lineEnd < message.size() && std::isdigit(uint8_t(message[lineEnd])))
            ++lineEnd;
        size_t colEnd = lineEnd;
        if (colEnd < message.size() && message[colEnd] == ':') {
            ++colEnd;
            while (colEnd < message.size() && std::isdigit(uint8_t(message[colEnd])))
                ++colEnd;
        }
        const PatchLineOrigin* origin = nullptr;
        if (lineEnd > p) {
            uint32_t line = uint32_t(std::stoul(message.substr(p, lineEnd - p)));
            for (const PatchLineOrigin& o : origins)
                if (line >= o.firstLine && line <= o.lastLine) origin = &o;
        }
        out += message.substr(from, at - from);
        if (origin) {
            out += origin->at.label() + ":" + std::to_string(origin->at.column);
            from = colEnd;
        } else {
            out += label + ":";
            from = p;
        }
    }
    return out + message.substr(from);
}

} // namespace molt::dsu
