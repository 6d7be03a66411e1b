// inspect.cpp — console.log's rendering of values, a transcription of node 20's
// lib/internal/util/inspect.js with its default options (depth 2, breakLength 80,
// compact 3, maxArrayLength 100, maxStringLength 10000).
//
// The shape of the algorithm, kept function for function so the two can be compared:
//   formatValue        primitives, circular references, then formatRaw
//   formatRaw          picks braces/prefix per kind, stops at the depth limit, formats the
//                      entries (formatArray/formatSet/formatMap + formatProperty per key)
//   reduceToSingleString  one line if the entries fit (the "start" slack and breakLength
//                      test of isBelowBreakLength), else one entry per line; arrays of more
//                      than six entries are first grouped into columns (groupArrayElements)
//
// Lengths are measured as node measures them: `.length` (UTF-16 code units) where node uses
// `.length`, and terminal width (wide East Asian characters count 2) where node uses
// getStringWidth. Our strings are UTF-8, so both are computed, never taken from size().
//
// Invariant worth knowing: ctx.currentDepth is deliberately *not* restored when a nested
// formatRaw returns — node uses the depth of the most recently entered object to decide how
// many levels may be combined on one line, and the output depends on that quirk.
#include "runtime/core/private_name.h"
#include "runtime/lib/date_time.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace molt {

namespace {

constexpr int kObjectType = 0;
constexpr int kArrayType = 1;
constexpr int kArrayExtrasType = 2;

struct Ctx {
    explicit Ctx(VM& v) : vm(v) {}
    VM& vm;
    int indentationLvl = 0;
    int currentDepth = 0;
    int depth = 2; // -1: unlimited
    bool showHidden = false;
    int breakLength = 80;
    int compact = 3;
    size_t maxArrayLength = 100;
    size_t maxStringLength = 10000;
    std::vector<Obj*> seen;
    std::vector<std::pair<Obj*, int>> circular;
};

size_t len16(std::string_view s) {
    return utf16LengthOf(s);
}

bool isZeroWidth(uint32_t c) {
    return c <= 0x1F || (c >= 0x7F && c <= 0x9F) || (c >= 0x300 && c <= 0x36F) ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) ||
           (c >= 0xE0100 && c <= 0xE01EF);
}

bool isFullWidth(uint32_t c) {
    return c >= 0x1100 &&
           (c <= 0x115F || c == 0x2329 || c == 0x232A ||
            (c >= 0x2E80 && c <= 0x3247 && c != 0x303F) || (c >= 0x3250 && c <= 0x4DBF) ||
            (c >= 0x4E00 && c <= 0xA4C6) || (c >= 0xA960 && c <= 0xA97C) ||
            (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
            (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6B) ||
            (c >= 0xFF01 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
            (c >= 0x1B000 && c <= 0x1B001) || (c >= 0x1F200 && c <= 0x1F251) ||
            (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x1F680 && c <= 0x1F6FF) ||
            (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD));
}

// node's getStringWidth: columns a terminal needs for s.
size_t stringWidth(std::string_view s) {
    size_t width = 0;
    for (size_t i = 0; i < s.size();) {
        uint32_t c = decodeUtf8(s, i);
        if (c < 0x80) {
            width += c >= 32 ? 1 : 0;
        } else if (isFullWidth(c)) {
            width += 2;
        } else if (!isZeroWidth(c)) {
            width += 1;
        }
    }
    return width;
}

std::string repeat(char c, int n) {
    return n > 0 ? std::string(size_t(n), c) : std::string();
}

std::string hexUpper2(unsigned v) {
    static const char* hex = "0123456789ABCDEF";
    return std::string{hex[(v >> 4) & 15], hex[v & 15]};
}

// node's strEscape: picks the quote that needs no escaping (' then " then `) and escapes
// control characters, the backslash, C1 controls and lone surrogates.
std::string strEscape(std::string_view str) {
    int quote = '\'';
    bool hasSingle = str.find('\'') != std::string_view::npos;
    if (hasSingle) {
        if (str.find('"') == std::string_view::npos) {
            quote = '"';
        } else if (str.find('`') == std::string_view::npos &&
                   str.find("${") == std::string_view::npos) {
            quote = '`';
        }
    }
    std::string out;
    out.reserve(str.size() + 2);
    out += char(quote);
    for (size_t i = 0; i < str.size();) {
        unsigned char b = uint8_t(str[i]);
        if (b < 0x80) {
            if (b < 0x20) {
                switch (b) {
                case '\b': out += "\\b"; break;
                case '\t': out += "\\t"; break;
                case '\n': out += "\\n"; break;
                case '\f': out += "\\f"; break;
                case '\r': out += "\\r"; break;
                default: out += "\\x" + hexUpper2(b);
                }
            } else if (b == '\'' && quote == '\'') {
                out += "\\'";
            } else if (b == '\\') {
                out += "\\\\";
            } else if (b == 0x7F) {
                out += "\\x7F";
            } else {
                out += char(b);
            }
            ++i;
            continue;
        }
        size_t start = i;
        uint32_t cp = decodeUtf8(str, i);
        if (cp >= 0x80 && cp < 0xA0) {
            out += "\\x" + hexUpper2(cp);
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            static const char* hex = "0123456789abcdef";
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hex[(cp >> shift) & 15];
        } else {
            out.append(str.substr(start, i - start));
        }
    }
    out += char(quote);
    return out;
}

bool isIdentifierKey(std::string_view key) {
    if (key.empty()) return false;
    auto alpha = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    if (!alpha(key[0])) return false;
    for (char c : key)
        if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
    return true;
}

std::string formatValue(Ctx& ctx, Value v, int recurseTimes);

std::string formatPrimitive(Ctx& ctx, Value v) {
    if (isString(v)) {
        std::string_view value = asString(v)->view();
        std::string trailer;
        std::string truncated;
        size_t length = len16(value);
        if (length > ctx.maxStringLength) {
            size_t remaining = length - ctx.maxStringLength;
            std::u16string u = utf8ToUtf16(value);
            truncated = utf16ToUtf8(std::u16string_view(u).substr(0, ctx.maxStringLength));
            value = truncated;
            length = ctx.maxStringLength;
            trailer =
                "... " + std::to_string(remaining) + " more character" + (remaining > 1 ? "s" : "");
        }
        if (length > 16 && int(length) > ctx.breakLength - ctx.indentationLvl - 4) {
            // Long strings are split after each newline, one quoted piece per line.
            std::string out;
            std::string joiner = " +\n" + repeat(' ', ctx.indentationLvl + 2);
            size_t pos = 0;
            bool first = true;
            while (pos < value.size()) {
                size_t nl = value.find('\n', pos);
                size_t end = nl == std::string_view::npos ? value.size() : nl + 1;
                if (!first) out += joiner;
                out += strEscape(value.substr(pos, end - pos));
                first = false;
                pos = end;
            }
            return out + trailer;
        }
        return strEscape(value) + trailer;
    }
    if (v.isNumber()) return formatNumberForInspect(v.asNumber());
    if (v.isBool()) return v.asBool() ? "true" : "false";
    if (v.isNull()) return "null";
    return "undefined";
}

std::string joinStrings(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

std::string remainingText(size_t remaining) {
    return "... " + std::to_string(remaining) + " more item" + (remaining > 1 ? "s" : "");
}

// The name node would find on the constructor: the class name, skipping anonymous classes.
std::string constructorNameOf(Class* cls) {
    for (Class* c = cls; c; c = c->super)
        if (c->name && c->name->length) return std::string(c->name->view());
    return "Object";
}

bool isBuiltinErrorClass(VM& vm, Class* c) {
    return c == vm.errorClass || c == vm.typeErrorClass || c == vm.rangeErrorClass ||
           c == vm.referenceErrorClass || c == vm.syntaxErrorClass;
}

// Visible own properties of an instance: layout fields, minus private and unset ones.
void instanceKeys(Instance* inst, std::vector<std::pair<std::string, Value>>& out) {
    Class* cls = inst->klass;
    size_t n = std::min<size_t>(cls->fields.size(), inst->slotCount);
    for (size_t i = 0; i < n; ++i) {
        std::string_view name = cls->fields[i]->view();
        if (PrivateName::isPrivate(name)) continue;
        if (inst->slots[i].isEmpty()) continue;
        out.emplace_back(std::string(name), inst->slots[i]);
    }
}

std::string formatPropertyValue(Ctx& ctx, Value v, int recurseTimes) {
    if (isKind(v, ObjKind::Accessor)) { // node shows an accessor without calling it
        auto* pair = as<AccessorPair>(v);
        if (pair->getter.isUndefined()) return "[Setter]";
        return pair->setter.isUndefined() ? "[Getter]" : "[Getter/Setter]";
    }
    ctx.indentationLvl += 2;
    std::string str = formatValue(ctx, v, recurseTimes);
    ctx.indentationLvl -= 2;
    return str;
}

// A symbol-keyed property travels in the key lists below as its printed name behind a
// 0xff byte, which no hosted string contains (strings are UTF-8), so formatProperty prints
// it as it is (`[Symbol(tag)]: 1`) instead of quoting it.
constexpr char kSymbolKeyMark = '\xff';

std::string keyText(String* key) {
    if (!isSymbolKey(key)) return std::string(key->view());
    return kSymbolKeyMark + ("[" + VM::symbolDescriptiveString(static_cast<Symbol*>(key)) + "]");
}

// A property table's live keys in JavaScript's order: strings as stored, then symbols.
void tableKeys(Record* r, std::vector<std::pair<std::string, Value>>& out) {
    for (int symbols = 0; symbols < 2; ++symbols)
        for (size_t i = 0; i < r->keys.size(); ++i)
            if (r->isLive(i) && isSymbolKey(r->keys[i]) == bool(symbols))
                out.emplace_back(keyText(r->keys[i]), r->values[i]);
}

std::string formatProperty(Ctx& ctx, const std::string& key, Value v, int recurseTimes, int type,
                           bool enumerable = true) {
    std::string str = formatPropertyValue(ctx, v, recurseTimes);
    if (type == kArrayType) return str;
    std::string name;
    if (!key.empty() && key[0] == kSymbolKeyMark)
        name = key.substr(1);
    else if (!enumerable)
        name = "[" + key + "]";
    else if (isIdentifierKey(key))
        name = key;
    else
        name = strEscape(key);
    return name + ": " + str;
}

std::vector<std::string> formatArray(Ctx& ctx, Array* a, int recurseTimes) {
    std::vector<std::string> output;
    size_t maxLength = std::min<size_t>(ctx.maxArrayLength, a->length);
    uint64_t index = 0;
    for (uint32_t k = 0; k < a->length; ++k) {
        if (a->elements[k].isEmpty()) continue;
        if (output.size() >= maxLength) break;
        if (k != index) {
            uint64_t emptyItems = k - index;
            output.push_back("<" + std::to_string(emptyItems) + " empty item" +
                             (emptyItems > 1 ? "s" : "") + ">");
            index = k;
            if (output.size() == maxLength) break;
        }
        output.push_back(formatProperty(ctx, "", a->elements[k], recurseTimes, kArrayType));
        index++;
    }
    uint64_t remaining = a->length - index;
    if (output.size() != maxLength) {
        if (remaining > 0)
            output.push_back("<" + std::to_string(remaining) + " empty item" +
                             (remaining > 1 ? "s" : "") + ">");
    } else if (remaining > 0) {
        output.push_back(remainingText(size_t(remaining)));
    }
    return output;
}

std::vector<std::string> formatMapOrSet(Ctx& ctx, MapObj* m, bool isSet, int recurseTimes) {
    std::vector<std::string> output;
    size_t length = m->liveCount;
    size_t maxLength = std::min(ctx.maxArrayLength, length);
    ctx.indentationLvl += 2;
    size_t i = 0;
    for (size_t k = 0; k < m->keys.size(); ++k) {
        if (m->keys[k].isEmpty()) continue;
        if (i >= maxLength) break;
        std::string entry = formatValue(ctx, m->keys[k], recurseTimes);
        if (!isSet) entry += " => " + formatValue(ctx, m->values[k], recurseTimes);
        output.push_back(std::move(entry));
        i++;
    }
    if (length > maxLength) output.push_back(remainingText(length - maxLength));
    ctx.indentationLvl -= 2;
    return output;
}

// Entries a Map/Set iterator has not produced yet (node's formatIterator preview).
std::vector<std::string> formatIteratorEntries(Ctx& ctx, Iterator* it, int recurseTimes) {
    std::vector<std::string> output;
    auto* m = as<MapObj>(it->target);
    bool isSet = it->target.asObject()->kind == ObjKind::Set;
    ctx.indentationLvl += 2;
    for (size_t k = it->position; k < m->keys.size() && output.size() < ctx.maxArrayLength; ++k) {
        if (m->keys[k].isEmpty()) continue;
        Value key = m->keys[k];
        Value val = isSet ? key : m->values[k];
        if (it->iterKind == IterKind::MapEntries) {
            std::vector<std::string> pair = {formatValue(ctx, key, recurseTimes),
                                             formatValue(ctx, val, recurseTimes)};
            output.push_back("[ " + joinStrings(pair, ", ") + " ]");
        } else {
            output.push_back(
                formatValue(ctx, it->iterKind == IterKind::MapKeys ? key : val, recurseTimes));
        }
    }
    ctx.indentationLvl -= 2;
    return output;
}

bool isBelowBreakLength(Ctx& ctx, const std::vector<std::string>& output, size_t start,
                        const std::string& base) {
    size_t totalLength = output.size() + start;
    if (totalLength + output.size() > size_t(ctx.breakLength)) return false;
    for (const std::string& entry : output) {
        totalLength += len16(entry);
        if (totalLength > size_t(ctx.breakLength)) return false;
    }
    return base.empty() || base.find('\n') == std::string::npos;
}

std::string padStart(const std::string& s, size_t width) {
    size_t len = len16(s);
    return len >= width ? s : std::string(width - len, ' ') + s;
}

std::string padEnd(const std::string& s, size_t width) {
    size_t len = len16(s);
    return len >= width ? s : s + std::string(width - len, ' ');
}

std::vector<std::string> groupArrayElements(Ctx& ctx, std::vector<std::string> output,
                                            Array* value) {
    size_t totalLength = 0;
    size_t maxLength = 0;
    size_t outputLength = output.size();
    if (ctx.maxArrayLength < output.size()) outputLength--; // leave "... more items" out
    const size_t separatorSpace = 2;
    std::vector<size_t> dataLen(outputLength);
    for (size_t i = 0; i < outputLength; ++i) {
        size_t len = stringWidth(output[i]);
        dataLen[i] = len;
        totalLength += len + separatorSpace;
        if (maxLength < len) maxLength = len;
    }
    size_t actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + size_t(ctx.indentationLvl) < size_t(ctx.breakLength) &&
        (double(totalLength) / double(actualMax) > 5 || maxLength <= 6)) {
        const double approxCharHeights = 2.5;
        const double averageBias =
            std::sqrt(double(actualMax) - double(totalLength) / double(output.size()));
        const double biasedMax = std::max(double(actualMax) - 3 - averageBias, 1.0);
        double columnsD = std::min({
            std::round(std::sqrt(approxCharHeights * biasedMax * double(outputLength)) / biasedMax),
            std::floor(double(ctx.breakLength - ctx.indentationLvl) / double(actualMax)),
            double(ctx.compact) * 4,
            15.0,
        });
        if (columnsD <= 1) return output;
        size_t columns = size_t(columnsD);
        std::vector<std::string> tmp;
        std::vector<size_t> maxLineLength;
        for (size_t i = 0; i < columns; ++i) {
            size_t lineLength = 0;
            for (size_t j = i; j < outputLength; j += columns)
                if (dataLen[j] > lineLength) lineLength = dataLen[j];
            maxLineLength.push_back(lineLength + separatorSpace);
        }
        bool padStartOrder = true; // numbers are right-aligned
        for (size_t i = 0; i < output.size(); ++i) {
            Value e = i < value->length ? value->elements[i] : Value::undefined();
            if (!e.isNumber()) {
                padStartOrder = false;
                break;
            }
        }
        for (size_t i = 0; i < outputLength; i += columns) {
            size_t max = std::min(i + columns, outputLength);
            std::string str;
            size_t j = i;
            for (; j < max - 1; ++j) {
                size_t padding = maxLineLength[j - i] + len16(output[j]) - dataLen[j];
                std::string cell = output[j] + ", ";
                str += padStartOrder ? padStart(cell, padding) : padEnd(cell, padding);
            }
            if (padStartOrder) {
                size_t padding =
                    maxLineLength[j - i] + len16(output[j]) - dataLen[j] - separatorSpace;
                str += padStart(output[j], padding);
            } else {
                str += output[j];
            }
            tmp.push_back(std::move(str));
        }
        if (ctx.maxArrayLength < output.size()) tmp.push_back(output[outputLength]);
        return tmp;
    }
    return output;
}

std::string reduceToSingleString(Ctx& ctx, std::vector<std::string> output, const std::string& base,
                                 const std::string& brace0, const std::string& brace1,
                                 int extrasType, int recurseTimes, Array* value) {
    size_t entries = output.size();
    if (extrasType == kArrayExtrasType && entries > 6 && value)
        output = groupArrayElements(ctx, std::move(output), value);
    if (ctx.currentDepth - recurseTimes < ctx.compact && entries == output.size()) {
        size_t start =
            output.size() + size_t(ctx.indentationLvl) + len16(brace0) + len16(base) + 10;
        if (isBelowBreakLength(ctx, output, start, base)) {
            std::string joined = joinStrings(output, ", ");
            if (joined.find('\n') == std::string::npos)
                return (base.empty() ? "" : base + " ") + brace0 + " " + joined + " " + brace1;
        }
    }
    std::string indentation = "\n" + repeat(' ', ctx.indentationLvl);
    return (base.empty() ? "" : base + " ") + brace0 + indentation + "  " +
           joinStrings(output, "," + indentation + "  ") + indentation + brace1;
}

std::string functionBase(VM& vm, Value v) {
    Obj* o = v.asObject();
    std::string name;
    if (o->kind == ObjKind::Class) {
        auto* cls = static_cast<Class*>(o);
        std::string n = cls->name && cls->name->length ? std::string(cls->name->view()) : "";
        if ((cls->flags & uint8_t(ClassFlag::Builtin)) || isBuiltinErrorClass(vm, cls) ||
            (cls->flags & uint8_t(ClassFlag::FunctionStyle)))
            return n.empty() ? "[Function (anonymous)]" : "[Function: " + n + "]";
        std::string base = "class " + (n.empty() ? std::string("(anonymous)") : n);
        if (cls->super && cls->super->name && cls->super->name->length)
            base += " extends " + std::string(cls->super->name->view());
        return "[" + base + "]";
    }
    if (o->kind == ObjKind::Closure) {
        String* n = static_cast<Closure*>(o)->proto->name;
        if (n) name = std::string(n->view());
    } else if (o->kind == ObjKind::Native) {
        String* n = static_cast<Native*>(o)->name;
        if (n) name = std::string(n->view());
    }
    return name.empty() ? "[Function (anonymous)]" : "[Function: " + name + "]";
}

std::string improveStack(std::string stack, const std::string& constructor,
                         const std::string& name) {
    size_t len = name.size();
    bool endsWithError = name.size() >= 5 && name.compare(name.size() - 5, 5, "Error") == 0;
    if (endsWithError && stack.compare(0, len, name) == 0 &&
        (stack.size() == len || stack[len] == ':' || stack[len] == '\n')) {
        const std::string& prototype = constructor;
        if (name != prototype) {
            if (prototype.find(name) != std::string::npos) {
                if (len == 0)
                    stack = prototype + ": " + stack;
                else
                    stack = prototype + stack.substr(len);
            } else {
                stack = prototype + " [" + name + "]" + stack.substr(len);
            }
        }
    }
    return stack;
}

std::vector<std::string> splitLines(const std::string& s) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (;;) {
        size_t nl = s.find('\n', start);
        lines.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) return lines;
        start = nl + 1;
    }
}

// The frames of an error's stack (the text after its header), with a run of more than
// three frames that also appear, in the same order, in its cause's stack shortened to its
// first and last frame around "... N lines matching cause stack trace ...", as node prints
// it: the shared frames are the calls both errors were made under.
std::string collapseCauseFrames(Ctx& ctx, Instance* err, const std::string& frames) {
    VM& vm = ctx.vm;
    std::vector<std::string> lines = splitLines(frames);
    auto join = [&] {
        std::string out;
        for (size_t i = 0; i < lines.size(); ++i)
            out += (i ? "\n" : "") + lines[i];
        return out;
    };
    Value cause =
        err->slotCount > VM::kErrorCauseSlot ? err->slots[VM::kErrorCauseSlot] : Value::empty();
    if (cause.isEmpty() || !isErrorInstance(vm, cause)) return join();
    Value causeStack = as<Instance>(cause)->slots[1];
    if (!isString(causeStack)) return join();
    std::string text(asString(causeStack)->view());
    size_t at = text.find("\n    at");
    if (at == std::string::npos) return join();
    std::vector<std::string> causeLines = splitLines(text.substr(at + 1));
    // The first frame of ours found in the cause's, followed there by enough frames, that
    // starts a run of more than three equal frames.
    for (size_t i = 0; i + 3 < lines.size(); ++i) {
        auto found = std::find(causeLines.begin(), causeLines.end(), lines[i]);
        if (found == causeLines.end()) continue;
        size_t pos = size_t(found - causeLines.begin());
        size_t rest = causeLines.size() - pos;
        if (rest <= 3) continue;
        size_t len = 1, maxLen = std::min(lines.size() - i, rest);
        while (len < maxLen && lines[i + len] == causeLines[pos + len])
            len++;
        if (len <= 3) continue;
        size_t skipped = len - 2;
        lines.erase(lines.begin() + long(i + 1), lines.begin() + long(i + 1 + skipped));
        lines.insert(lines.begin() + long(i + 1), "    ... " + std::to_string(skipped) +
                                                      " lines matching cause stack trace ...");
        break;
    }
    return join();
}

std::string formatError(Ctx& ctx, Instance* err, const std::string& constructor,
                        std::vector<std::pair<std::string, Value>>& keys) {
    VM& vm = ctx.vm;
    Value errValue = Value::object(err);
    auto readString = [&](String* key) -> std::string {
        bool hadPending = vm.hasPendingException();
        Value v = vm.getProperty(errValue, key);
        if (v.isException()) {
            if (!hadPending) vm.takePendingException();
            return "";
        }
        return isString(v) ? std::string(asString(v)->view())
                           : (v.isNullish() ? "" : vm.toStdString(v));
    };
    std::string name = readString(vm.names.name);
    if (name.empty()) name = "Error";
    std::string message = readString(vm.names.message);
    std::string stack = readString(vm.names.stack);
    if (stack.empty()) stack = message.empty() ? name : name + ": " + message;
    // V8 writes the stack's header when the stack is first read, usually by this very
    // print, so a `name` assigned in the constructor shows there; ours was written at
    // construction with the builtin name. Redo the header as V8 would have.
    Class* builtin = err->klass;
    while (builtin && !(builtin->flags & uint8_t(ClassFlag::Builtin)))
        builtin = builtin->super;
    if (builtin && builtin->name) {
        std::string_view header = builtin->name->view();
        size_t len = header.size();
        if (name != header && stack.compare(0, len, header) == 0 &&
            (stack.size() == len || stack[len] == ':' || stack[len] == '\n'))
            stack = name + stack.substr(len);
    }
    // Own keys already visible in the stack text (e.g. a `name` the constructor set).
    keys.erase(
        std::remove_if(keys.begin(), keys.end(),
                       [&](const auto& kv) {
                           if (kv.first != "name" && kv.first != "message" && kv.first != "stack")
                               return false;
                           return isString(kv.second) &&
                                  stack.find(asString(kv.second)->view()) != std::string::npos;
                       }),
        keys.end());
    stack = improveStack(stack, constructor, name);
    long pos = -1;
    if (!message.empty()) {
        size_t at = stack.find(message);
        if (at != std::string::npos && at != 0) pos = long(at + message.size());
    }
    size_t stackStart = stack.find("\n    at", pos < 0 ? 0 : size_t(pos));
    if (stackStart == std::string::npos)
        stack = "[" + stack + "]";
    else
        stack = stack.substr(0, stackStart + 1) +
                collapseCauseFrames(ctx, err, stack.substr(stackStart + 1));
    if (ctx.indentationLvl != 0) {
        std::string indentation = repeat(' ', ctx.indentationLvl);
        std::string out;
        for (char c : stack) {
            out += c;
            if (c == '\n') out += indentation;
        }
        stack = out;
    }
    return stack;
}

std::string formatRaw(Ctx& ctx, Value value, int recurseTimes) {
    VM& vm = ctx.vm;
    Obj* o = value.asObject();
    std::vector<std::pair<std::string, Value>> keys; // own enumerable properties to print
    std::vector<std::string> hiddenKeys;             // showHidden extras (array length)
    std::string base;
    std::string brace0 = "{", brace1 = "}";
    std::string ctxName = "Object"; // what [Name] shows past the depth limit
    int extrasType = kObjectType;
    enum class Entries { None, Array, MapSet, Iter, Promise } entries = Entries::None;

    switch (o->kind) {
    case ObjKind::Array: {
        auto* a = static_cast<Array*>(o);
        brace0 = "[";
        brace1 = "]";
        ctxName = "Array";
        if (a->length == 0 && !ctx.showHidden) return "[]";
        extrasType = kArrayExtrasType;
        entries = Entries::Array;
        if (a->props) tableKeys(a->props, keys);
        break;
    }
    case ObjKind::RegExp: return regexpToText(value);
    case ObjKind::Map:
    case ObjKind::Set: {
        auto* m = static_cast<MapObj*>(o);
        bool isSet = o->kind == ObjKind::Set;
        std::string kind = isSet ? "Set" : "Map";
        std::string ctor = constructorNameOf(o->klass);
        std::string prefix = ctor + "(" + std::to_string(m->liveCount) + ")" +
                             (ctor == kind ? "" : " [" + kind + "]") + " ";
        ctxName = ctor;
        if (m->liveCount == 0) return prefix + "{}";
        brace0 = prefix + "{";
        entries = Entries::MapSet;
        break;
    }
    case ObjKind::Iterator: {
        auto* it = static_cast<Iterator*>(o);
        bool overMap = isKind(it->target, ObjKind::Map) || isKind(it->target, ObjKind::Set);
        if (overMap && (it->iterKind == IterKind::MapKeys || it->iterKind == IterKind::MapValues ||
                        it->iterKind == IterKind::MapEntries)) {
            std::string kind = isKind(it->target, ObjKind::Set) ? "Set" : "Map";
            brace0 = "[" + kind +
                     (it->iterKind == IterKind::MapEntries ? " Entries" : " Iterator") + "] {";
            ctxName = "Object";
            entries = Entries::Iter;
            break;
        }
        const char* tag =
            it->iterKind == IterKind::StringChars ? "String Iterator" : "Array Iterator";
        return std::string("Object [") + tag + "] {}";
    }
    case ObjKind::Date: {
        double t = static_cast<DateObj*>(o)->time;
        return std::isnan(t) ? "Invalid Date" : date::toIsoString(t);
    }
    case ObjKind::Closure:
    case ObjKind::Native: {
        base = functionBase(vm, value);
        Record* props = functionProps(o);
        if (props) tableKeys(props, keys);
        if (keys.empty()) return base;
        ctxName = "Function";
        break;
    }
    case ObjKind::Class: {
        auto* cls = static_cast<Class*>(o);
        if (cls->flags & kNamespaceClassFlag)
            return "Object [" + std::string(cls->name->view()) + "] {}";
        base = functionBase(vm, value);
        if (cls == vm.errorClass)
            keys.emplace_back("stackTraceLimit", Value::integer(10)); // as node shows Error
        for (size_t i = 0; i < cls->staticNames.size() && i < cls->staticValues.size(); ++i) {
            std::string_view n = cls->staticNames[i]->view();
            if (PrivateName::isPrivate(n) && !isSymbolKey(cls->staticNames[i])) continue;
            if (cls->staticValues[i].isEmpty()) continue;
            keys.emplace_back(keyText(cls->staticNames[i]), cls->staticValues[i]);
        }
        if (keys.empty()) return base;
        ctxName = "Function";
        break;
    }
    case ObjKind::Record: {
        auto* r = static_cast<Record*>(o);
        tableKeys(r, keys);
        if (r->flags & Record::kNullPrototypeFlag) {
            ctxName = "Object: null prototype";
            if (keys.empty()) return "[Object: null prototype] {}";
            brace0 = "[Object: null prototype] {";
        }
        if (keys.empty()) return "{}";
        break;
    }
    case ObjKind::Instance: {
        auto* inst = static_cast<Instance*>(o);
        std::string ctor = constructorNameOf(inst->klass);
        ctxName = ctor;
        instanceKeys(inst, keys);
        if (Record* props = vm.errorProperties(inst)) tableKeys(props, keys);
        if (isErrorInstance(vm, value)) {
            keys.erase(std::remove_if(keys.begin(), keys.end(),
                                      [](const auto& kv) {
                                          return kv.first == "message" || kv.first == "stack" ||
                                                 kv.first == "cause";
                                      }),
                       keys.end());
            // `cause` is not enumerable, but node shows it, last and in brackets.
            if (inst->slotCount > VM::kErrorCauseSlot &&
                !inst->slots[VM::kErrorCauseSlot].isEmpty())
                keys.emplace_back(kSymbolKeyMark + std::string("[cause]"),
                                  inst->slots[VM::kErrorCauseSlot]);
            base = formatError(ctx, inst, ctor, keys);
            if (keys.empty()) return base;
            break;
        }
        if (vm.promiseClass && inst->klass->isSubclassOf(vm.promiseClass)) {
            // node's formatPromise: the state, or the result, before the own properties.
            brace0 = ctor == "Promise" ? "Promise {" : ctor + " [Promise] {";
            entries = Entries::Promise;
            break;
        }
        // The core library's AsyncGenerator stands for node's %AsyncGeneratorPrototype%,
        // whose constructor is Object and whose tag is AsyncGenerator.
        if (ctor == "AsyncGenerator" && inst->klass->module && inst->klass->module->core &&
            keys.empty())
            return "Object [AsyncGenerator] {}";
        // node names a [Symbol.toStringTag] that differs from the class: `Square [tag] {}`.
        std::string prefix = ctor;
        Symbol* tagKey = vm.symbols.toStringTag;
        if (inst->klass->getters.count(tagKey) || inst->klass->methods.count(tagKey)) {
            bool hadPending = vm.hasPendingException();
            Value tag = vm.getProperty(value, tagKey);
            if (tag.isException() && !hadPending) vm.takePendingException();
            if (isString(tag) && asString(tag)->length > 0 && asString(tag)->view() != ctor)
                prefix += " [" + std::string(asString(tag)->view()) + "]";
        }
        if (keys.empty()) return prefix + " {}";
        brace0 = prefix + " {";
        break;
    }
    case ObjKind::Generator: return "Object [Generator] {}";
    // node cannot list a weak collection's entries without showHidden, and shows no target.
    case ObjKind::WeakMap: return "WeakMap { <items unknown> }";
    case ObjKind::WeakSet: return "WeakSet { <items unknown> }";
    case ObjKind::WeakRef: return "WeakRef {}";
    default: {
        std::string ctor =
            o->klass ? constructorNameOf(o->klass) : std::string(objKindName(o->kind));
        return ctor + " {}";
    }
    }

    if (ctx.depth >= 0 && recurseTimes > ctx.depth) return "[" + ctxName + "]";
    recurseTimes += 1;
    ctx.seen.push_back(o);
    ctx.currentDepth = recurseTimes;

    std::vector<std::string> output;
    switch (entries) {
    case Entries::Array: output = formatArray(ctx, static_cast<Array*>(o), recurseTimes); break;
    case Entries::MapSet:
        output =
            formatMapOrSet(ctx, static_cast<MapObj*>(o), o->kind == ObjKind::Set, recurseTimes);
        break;
    case Entries::Iter:
        output = formatIteratorEntries(ctx, static_cast<Iterator*>(o), recurseTimes);
        break;
    case Entries::Promise: {
        auto* inst = static_cast<Instance*>(o);
        int state = inst->klass->findSlot(vm.intern("#state@Promise"));
        int result = inst->klass->findSlot(vm.intern("#result@Promise"));
        Value s = state >= 0 ? inst->slots[state] : Value::integer(0);
        if (!s.isNumber() || s.asNumber() == 0) {
            output.push_back("<pending>");
            break;
        }
        std::string text = formatPropertyValue(ctx, inst->slots[result], recurseTimes);
        output.push_back(s.asNumber() == 2 ? "<rejected> " + text : text);
        break;
    }
    case Entries::None: break;
    }
    for (auto& [key, v] : keys)
        output.push_back(formatProperty(ctx, key, v, recurseTimes, extrasType));
    if (ctx.showHidden && o->kind == ObjKind::Array)
        output.push_back(formatProperty(ctx, "length",
                                        Value::number(static_cast<Array*>(o)->length), recurseTimes,
                                        kArrayExtrasType, false));

    for (auto& [obj, index] : ctx.circular) {
        if (obj != o) continue;
        std::string reference = "<ref *" + std::to_string(index) + ">";
        base = base.empty() ? reference : reference + " " + base;
        break;
    }
    ctx.seen.pop_back();

    Array* arrayValue = o->kind == ObjKind::Array ? static_cast<Array*>(o) : nullptr;
    return reduceToSingleString(ctx, std::move(output), base, brace0, brace1, extrasType,
                                recurseTimes, arrayValue);
}

std::string formatValue(Ctx& ctx, Value v, int recurseTimes) {
    if (isSymbol(v)) return VM::symbolDescriptiveString(as<Symbol>(v));
    if (!v.isObject() || isString(v)) return formatPrimitive(ctx, v);
    Obj* o = v.asObject();
    if (std::find(ctx.seen.begin(), ctx.seen.end(), o) != ctx.seen.end()) {
        int index = 0;
        for (auto& [obj, i] : ctx.circular)
            if (obj == o) index = i;
        if (index == 0) {
            index = int(ctx.circular.size()) + 1;
            ctx.circular.emplace_back(o, index);
        }
        return "[Circular *" + std::to_string(index) + "]";
    }
    return formatRaw(ctx, v, recurseTimes);
}

} // namespace

std::string formatNumberForInspect(double d) {
    if (d == 0 && std::signbit(d)) return "-0";
    return VM::numberToString(d);
}

std::string inspectWith(VM& vm, Value v, const InspectOptions& options) {
    Ctx ctx{vm};
    ctx.depth = options.depth;
    ctx.showHidden = options.showHidden;
    return formatValue(ctx, v, 0);
}

std::string VM::inspect(Value v) {
    return inspectWith(*this, v, InspectOptions{});
}

} // namespace molt
