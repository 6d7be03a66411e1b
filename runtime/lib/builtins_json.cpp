// builtins_json.cpp — JSON.stringify and JSON.parse, with node 20's (V8 11's) output
// and error messages.
//
// stringify follows the spec's SerializeJSONProperty: toJSON first, then the replacer
// function, then the value's kind. Records serialize their keys, instances their public
// layout fields (an error's message and stack are not enumerable in JavaScript, so they are
// left out), Map/Set/iterators as "{}", functions and undefined are skipped in objects and
// become null in arrays. A cycle is a TypeError whose message traces the cycle the way V8
// does ("--> starting at object with constructor 'Object'" ... "closes the circle").
//
// parse is a recursive-descent parser over UTF-16 code units (ASCII input is parsed as
// bytes, which is the same thing), because V8's messages quote positions in code units
// and show up to ten units of context on each side of a bad token.
//
// A replacer, toJSON, getter or reviver that could block runs in the hosted bodies of
// internal/builtins_json (decision 0019): JSON.stringify and JSON.parse are hosted methods.
// The native half serializes as long as it calls nothing but natives and pure leaf
// functions (isPureLeafFunction): at the first other function it gives up and hands the whole
// call to the body, which starts over; the calls made so far wrote nothing, so starting over
// shows nowhere. A pure function that throws hands over too, so that the body throws it
// where the spec's order of reads does (the native half reads an object's getters before
// serializing its values). parse hands the parsed value and a reviver that is not a leaf
// to the body; a leaf reviver is called from here.
//
// GC: every container under construction is held by a Root; a key is rooted while its
// value is parsed; values produced by toJSON or the replacer are rooted while serialized.
#include "runtime/core/private_name.h"
#include "runtime/core/utf8.h"
#include "runtime/lib/hosted_methods.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace molt {

namespace {

// ---------------------------------------------------------------- stringify

struct PathEntry {
    Obj* object;
    std::string key; // "property 'k'" or "index 3": how this object was reached from its parent
};

// V8's message for a cycle closed by `via` at path[i].
std::string circularMessage(const std::vector<PathEntry>& path, size_t i, const std::string& via);

class JsonWriter {
public:
    // `handOff`: give up (handedOff()) rather than call a function that might block.
    JsonWriter(VM& vm, Value replacerFn, std::vector<std::string> propertyList, bool hasList,
               std::string gap, bool handOff)
        : vm_(vm), replacer_(replacerFn), propertyList_(std::move(propertyList)), hasList_(hasList),
          gap_(std::move(gap)), handOff_(handOff) {}

    // Whether serialize returned -1 to hand the call to the hosted body (no exception pending).
    bool handedOff() const { return handedOff_; }

    // 1: wrote value to out; 0: undefined (nothing written); -1: exception or handed off.
    int serialize(Value holder, const std::string& key, bool keyIsIndex, Value value,
                  std::string& out) {
        Root v(vm_.heap, value);
        if (v.value.isObject() && !isString(v.value) && !isSymbol(v.value)) {
            Value toJSON = findToJSON(v.value);
            if (!toJSON.isEmpty() && isCallableValue(toJSON)) {
                Value k = vm_.str(key);
                Value r = callHere(toJSON, v.value, &k, 1);
                if (r.isException()) return -1;
                v.value = r;
            }
        }
        if (!replacer_.isUndefined()) {
            Value callArgs[2] = {vm_.str(key), v.value};
            Root keepKey(vm_.heap, callArgs[0]);
            Value r = callHere(replacer_, holder, callArgs, 2);
            if (r.isException()) return -1;
            v.value = r;
        }
        Value x = v.value;
        if (x.isNull()) {
            out += "null";
            return 1;
        }
        if (x.isBool()) {
            out += x.asBool() ? "true" : "false";
            return 1;
        }
        if (isString(x)) {
            appendJsonQuoted(out, asString(x)->view());
            return 1;
        }
        if (x.isNumber()) {
            double d = x.asNumber();
            out += std::isfinite(d) ? VM::numberToString(d) : "null";
            return 1;
        }
        if (!x.isObject() || isCallableValue(x) || isSymbol(x)) return 0; // skipped, as undefined
        std::string via = keyIsIndex ? "index " + key : "property '" + key + "'";
        if (!enter(x.asObject(), via)) return -1;
        int r = isKind(x, ObjKind::Array) ? serializeArray(x, out) : serializeObject(x, out);
        path_.pop_back();
        return r;
    }

    // JSON.stringify's wrapper holder {"": value}.
    Value holderFor(Value value) {
        Record* r = vm_.newRecord();
        Root keep(vm_.heap, Value::object(r));
        vm_.recordSet(r, vm_.names.empty, value);
        return keep.value;
    }

private:
    // A call from the serializer; when handing off, only natives and pure leaf functions are
    // called, and a throw hands off as well (see the file's header).
    Value callHere(Value fn, Value thisValue, const Value* args, int argc) {
        if (!handOff_) return vm_.call(fn, thisValue, args, argc);
        bool plainNative = isKind(fn, ObjKind::Native) &&
                           !(as<Native>(fn)->flags & (kNativeForwards | kNativeResumesGenerator));
        if (!plainNative && !isPureLeafFunction(fn)) return handOff();
        Value r = vm_.call(fn, thisValue, args, argc);
        if (r.isException() && !plainNative) {
            vm_.takePendingException();
            return handOff();
        }
        return r;
    }

    Value handOff() {
        handedOff_ = true;
        return Value::exception();
    }

    Value findToJSON(Value v) {
        Obj* o = v.asObject();
        if (o->kind == ObjKind::Record) {
            Value f = vm_.recordGet(static_cast<Record*>(o), vm_.names.toJSON);
            if (!f.isEmpty()) return f;
        }
        if (o->kind == ObjKind::Instance || o->kind == ObjKind::Date)
            return vm_.lookupMethod(o->klass, vm_.names.toJSON);
        return Value::empty();
    }

    bool enter(Obj* o, const std::string& via) {
        for (size_t i = 0; i < path_.size(); ++i) {
            if (path_[i].object != o) continue;
            vm_.throwTypeError(circularMessage(path_, i, via));
            return false;
        }
        path_.push_back({o, via});
        return true;
    }

    int serializeArray(Value arrayValue, std::string& out) {
        Array* a = as<Array>(arrayValue);
        if (a->length == 0) {
            out += "[]";
            return 1;
        }
        std::string stepback = indent_;
        indent_ += gap_;
        out += '[';
        for (uint32_t i = 0; i < a->length; ++i) {
            if (i > 0) out += ',';
            if (!gap_.empty()) out += "\n" + indent_;
            Value e = a->elements[i].isEmpty() ? Value::undefined() : a->elements[i];
            int r = serialize(arrayValue, std::to_string(i), true, e, out);
            if (r < 0) return -1;
            if (r == 0) out += "null";
        }
        if (!gap_.empty()) out += "\n" + stepback;
        out += ']';
        indent_ = stepback;
        return 1;
    }

    // The (key, value) pairs an object contributes, in order; a getter's results are kept
    // alive in `held`. False with an exception pending when a getter throws.
    bool ownProperties(Value obj, std::vector<std::pair<std::string, Value>>& props, Root& held) {
        Obj* o = obj.asObject();
        if (o->kind == ObjKind::Record) {
            auto* r = static_cast<Record*>(o);
            for (size_t i = 0; i < r->keys.size(); ++i)
                if (!r->values[i].isEmpty() && !isSymbolKey(r->keys[i])) {
                    std::string key(r->keys[i]->view());
                    Value v = r->values[i];
                    if ((r->flags & Record::kAccessorsFlag) && isKind(v, ObjKind::Accessor)) {
                        Value getter = as<AccessorPair>(v)->getter;
                        v = getter.isUndefined() ? getter : callHere(getter, obj, nullptr, 0);
                    }
                    if (v.isException()) return false;
                    if (v.isObject()) {
                        Root keep(vm_.heap, v);
                        if (held.value.isUndefined()) held.value = Value::object(vm_.newArray());
                        vm_.arrayPush(as<Array>(held.value), v);
                    }
                    props.emplace_back(std::move(key), v);
                }
        } else if (o->kind == ObjKind::Instance) {
            forEachOwnProperty(vm_, static_cast<Instance*>(o), [&](String* key, Value v) {
                props.emplace_back(std::string(key->view()), v);
            });
        }
        return true;
    }

    int serializeObject(Value obj, std::string& out) {
        std::vector<std::pair<std::string, Value>> props;
        Root keepObj(vm_.heap, obj);
        Root held(vm_.heap); // getter results, only when there are any
        if (!ownProperties(obj, props, held)) return -1;
        if (hasList_) {
            std::vector<std::pair<std::string, Value>> selected;
            for (const std::string& k : propertyList_)
                for (auto& p : props)
                    if (p.first == k) selected.push_back(p);
            props.swap(selected);
        }
        std::string stepback = indent_;
        indent_ += gap_;
        bool any = false;
        out += '{';
        for (auto& [k, v] : props) {
            size_t mark = out.size();
            if (any) out += ',';
            if (!gap_.empty()) out += "\n" + indent_;
            appendJsonQuoted(out, k);
            out += gap_.empty() ? ":" : ": ";
            int r = serialize(obj, k, false, v, out);
            if (r < 0) return -1;
            if (r == 0) {
                out.resize(mark);
                continue;
            }
            any = true;
        }
        if (any && !gap_.empty()) out += "\n" + stepback;
        out += '}';
        indent_ = stepback;
        return 1;
    }

    VM& vm_;
    Value replacer_;
    std::vector<std::string> propertyList_;
    bool hasList_;
    std::string gap_;
    std::string indent_;
    std::vector<PathEntry> path_;
    bool handOff_;
    bool handedOff_ = false;
};

std::string constructorNameForJson(Obj* o) {
    if (o->kind == ObjKind::Array) return "Array";
    if (o->kind == ObjKind::Record) return "Object";
    for (Class* c = o->klass; c; c = c->super)
        if (c->name && c->name->length) return std::string(c->name->view());
    return "Object";
}

std::string circularMessage(const std::vector<PathEntry>& path, size_t i, const std::string& via) {
    std::string msg = "Converting circular structure to JSON\n    --> starting at object "
                      "with constructor '" +
                      constructorNameForJson(path[i].object) + "'";
    std::vector<std::string> lines;
    for (size_t j = i + 1; j < path.size(); ++j)
        lines.push_back("\n    |     " + path[j].key + " -> object with constructor '" +
                        constructorNameForJson(path[j].object) + "'");
    if (lines.size() > 3) { // V8 keeps the first two and the last one
        lines = {lines[0], lines[1], "\n    |     ...", lines.back()};
    }
    for (auto& l : lines)
        msg += l;
    msg += "\n    --- " + via + " closes the circle";
    return msg;
}

// JSON.stringify; with `handOff`, Value::empty() when the call is the hosted body's, with
// the replacer (function or key list) and the gap string left in *replacerOut / *gapOut.
Value stringifyValue(VM& vm, Value value, Value replacer, Value space, bool handOff,
                     Value* replacerOut, Value* gapOut);

} // namespace

Value jsonStringify(VM& vm, Value value, Value replacer, Value space) {
    return stringifyValue(vm, value, replacer, space, false, nullptr, nullptr);
}

namespace {

Value stringifyValue(VM& vm, Value value, Value replacer, Value space, bool handOff,
                     Value* replacerOut, Value* gapOut) {
    Root keepValue(vm.heap, value);
    Root keepReplacer(vm.heap, replacer);
    Value replacerFn = Value::undefined();
    std::vector<std::string> list;
    bool hasList = false;
    if (isCallableValue(replacer)) {
        replacerFn = replacer;
    } else if (isKind(replacer, ObjKind::Array)) {
        hasList = true;
        Array* a = as<Array>(replacer);
        for (uint32_t i = 0; i < a->length; ++i) {
            Value e = a->elements[i];
            std::string item;
            if (isString(e))
                item = std::string(asString(e)->view());
            else if (e.isNumber())
                item = VM::numberToString(e.asNumber());
            else
                continue;
            if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
        }
    }
    std::string gap;
    if (space.isNumber()) {
        double n = std::min(10.0, std::trunc(space.asNumber()));
        if (n >= 1) gap.assign(size_t(n), ' ');
    } else if (isString(space)) {
        std::u16string u = utf8ToUtf16(asString(space)->view());
        if (u.size() > 10) u.resize(10);
        gap = utf16ToUtf8(u);
    }
    // The hosted body takes the call from the start: the replacer could block, or the
    // serializer met a function that could.
    auto handToBody = [&]() -> Value {
        if (hasList) {
            Array* keys = vm.newArray();
            *replacerOut = Value::object(keys);
            for (const std::string& k : list)
                vm.arrayPush(keys, Value::object(vm.intern(k)));
        } else {
            *replacerOut = replacerFn;
        }
        *gapOut = vm.str(gap);
        return Value::empty();
    };
    if (handOff && !replacerFn.isUndefined() && !isPureLeafFunction(replacerFn))
        return handToBody();
    JsonWriter writer(vm, replacerFn, list, hasList, gap, handOff);
    Value holder =
        replacerFn.isUndefined() ? Value::undefined() : writer.holderFor(keepValue.value);
    Root keepHolder(vm.heap, holder);
    std::string out;
    int r = writer.serialize(holder, "", false, keepValue.value, out);
    if (r < 0 && writer.handedOff()) return handToBody();
    if (r < 0) return Value::exception();
    if (r == 0) return Value::undefined();
    return vm.str(out);
}

} // namespace

namespace {

// ---------------------------------------------------------------- parse

template<typename Char> class JsonParser {
public:
    JsonParser(VM& vm, std::basic_string_view<Char> text) : vm_(vm), s_(text) {}

    Value parse() {
        skipWhitespace();
        Value v = parseValue(0);
        if (v.isException()) return v;
        Root keep(vm_.heap, v);
        skipWhitespace();
        if (pos_ < s_.size())
            return fail("Unexpected non-whitespace character after JSON at position " +
                        std::to_string(pos_));
        return keep.value;
    }

private:
    static constexpr size_t kMaxContext = 10;
    static constexpr int kMaxDepth = 5000;

    bool atEnd() const { return pos_ >= s_.size(); }
    Char peek() const { return s_[pos_]; }

    void skipWhitespace() {
        while (pos_ < s_.size() &&
               (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
            ++pos_;
    }

    Value fail(const std::string& message) { return vm_.throwError(vm_.syntaxErrorClass, message); }

    std::string slice(size_t from, size_t to) const {
        std::basic_string_view<Char> piece = s_.substr(from, to - from);
        if constexpr (sizeof(Char) == 1)
            return std::string(piece);
        else
            return utf16ToUtf8(piece);
    }

    bool isSpecialSource() const {
        std::string all = slice(0, s_.size());
        return all == "[object Object]" || all == "undefined" || all == "Infinity" || all == "NaN";
    }

    // V8's report for an unexpected character where a value or punctuation was expected.
    Value unexpectedToken() {
        if (atEnd()) return fail("Unexpected end of JSON input");
        if (isSpecialSource()) return fail("\"" + slice(0, s_.size()) + "\" is not valid JSON");
        std::string token = slice(pos_, pos_ + 1);
        size_t length = s_.size();
        std::string prefix = "Unexpected token '" + token + "', ";
        if (length <= kMaxContext * 2 + 1)
            return fail(prefix + "\"" + slice(0, length) + "\" is not valid JSON");
        if (pos_ < kMaxContext)
            return fail(prefix + "\"" + slice(0, pos_ + kMaxContext) + "\"... is not valid JSON");
        if (pos_ < length - kMaxContext)
            return fail(prefix + "...\"" + slice(pos_ - kMaxContext, pos_ + kMaxContext) +
                        "\"... is not valid JSON");
        return fail(prefix + "...\"" + slice(pos_ - kMaxContext, length) + "\" is not valid JSON");
    }

    Value failAt(const char* what) {
        return fail(std::string(what) + " in JSON at position " + std::to_string(pos_));
    }

    Value parseValue(int depth) {
        if (depth > kMaxDepth) return vm_.throwRangeError("Maximum call stack size exceeded");
        if (atEnd()) return fail("Unexpected end of JSON input");
        Char c = peek();
        switch (c) {
        case '"': return parseString();
        case '{': return parseObject(depth);
        case '[': return parseArray(depth);
        case 't': return parseLiteral("true", Value::boolean(true));
        case 'f': return parseLiteral("false", Value::boolean(false));
        case 'n': return parseLiteral("null", Value::null());
        default:
            if (c == '-' || (c >= '0' && c <= '9')) return parseNumber();
            return unexpectedToken();
        }
    }

    Value parseLiteral(const char* word, Value result) {
        for (const char* p = word; *p; ++p, ++pos_)
            if (atEnd() || peek() != Char(*p)) return unexpectedToken();
        return result;
    }

    bool isDigit(size_t at) const { return at < s_.size() && s_[at] >= '0' && s_[at] <= '9'; }

    Value parseNumber() {
        size_t start = pos_;
        if (peek() == '-') {
            ++pos_;
            if (!isDigit(pos_)) return failAt("No number after minus sign");
        }
        if (peek() == '0') {
            ++pos_;
            if (isDigit(pos_)) return failAt("Unexpected number");
        } else {
            while (isDigit(pos_))
                ++pos_;
        }
        if (!atEnd() && peek() == '.') {
            ++pos_;
            if (!isDigit(pos_)) return failAt("Unterminated fractional number");
            while (isDigit(pos_))
                ++pos_;
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++pos_;
            if (!atEnd() && (peek() == '+' || peek() == '-')) ++pos_;
            if (!isDigit(pos_)) return failAt("Exponent part is missing a number");
            while (isDigit(pos_))
                ++pos_;
        }
        std::string text = slice(start, pos_);
        return Value::number(std::strtod(text.c_str(), nullptr));
    }

    // Reads a string literal into `out` (UTF-8); false with an exception pending on error.
    bool readString(std::string& out) {
        ++pos_;                      // opening quote
        std::u16string pendingUnits; // \u escapes, joined so surrogate pairs combine
        auto flushUnits = [&] {
            if (!pendingUnits.empty()) out += utf16ToUtf8(pendingUnits);
            pendingUnits.clear();
        };
        size_t runStart = pos_;
        for (;;) {
            if (atEnd()) {
                fail("Unterminated string in JSON at position " + std::to_string(pos_));
                return false;
            }
            Char c = peek();
            if (c == '"') {
                if (runStart < pos_) {
                    flushUnits();
                    out += slice(runStart, pos_);
                }
                flushUnits();
                ++pos_;
                return true;
            }
            if (c < 0x20) {
                fail("Bad control character in string literal in JSON at position " +
                     std::to_string(pos_));
                return false;
            }
            if (c != '\\') {
                ++pos_;
                continue;
            }
            if (runStart < pos_) {
                flushUnits();
                out += slice(runStart, pos_);
            }
            ++pos_;
            if (atEnd()) {
                fail("Unexpected end of JSON input");
                return false;
            }
            Char e = peek();
            char16_t unit = 0;
            switch (e) {
            case '"': unit = '"'; break;
            case '\\': unit = '\\'; break;
            case '/': unit = '/'; break;
            case 'b': unit = '\b'; break;
            case 'f': unit = '\f'; break;
            case 'n': unit = '\n'; break;
            case 'r': unit = '\r'; break;
            case 't': unit = '\t'; break;
            case 'u': {
                uint32_t v = 0;
                for (int k = 1; k <= 4; ++k) {
                    if (pos_ + size_t(k) >= s_.size()) {
                        pos_ = s_.size();
                        fail("Unexpected end of JSON input");
                        return false;
                    }
                    int h = hexDigitValue(s_[pos_ + size_t(k)]);
                    if (h < 0) {
                        pos_ += size_t(k);
                        fail("Bad Unicode escape in JSON at position " + std::to_string(pos_));
                        return false;
                    }
                    v = v * 16 + uint32_t(h);
                }
                pos_ += 4;
                unit = char16_t(v);
                break;
            }
            default:
                fail("Bad escaped character in JSON at position " + std::to_string(pos_));
                return false;
            }
            pendingUnits += unit;
            ++pos_;
            runStart = pos_;
        }
    }

    Value parseString() {
        std::string text;
        if (!readString(text)) return Value::exception();
        return vm_.str(text);
    }

    Value parseArray(int depth) {
        ++pos_;
        Array* a = vm_.newArray();
        Root keep(vm_.heap, Value::object(a));
        skipWhitespace();
        if (!atEnd() && peek() == ']') {
            ++pos_;
            return keep.value;
        }
        for (;;) {
            skipWhitespace();
            Value v = parseValue(depth + 1);
            if (v.isException()) return v;
            vm_.arrayPush(a, v);
            skipWhitespace();
            if (!atEnd() && peek() == ',') {
                ++pos_;
                continue;
            }
            if (!atEnd() && peek() == ']') {
                ++pos_;
                return keep.value;
            }
            return failAt("Expected ',' or ']' after array element");
        }
    }

    Value parseObject(int depth) {
        ++pos_;
        Record* r = vm_.newRecord();
        Root keep(vm_.heap, Value::object(r));
        skipWhitespace();
        if (!atEnd() && peek() == '}') {
            ++pos_;
            return keep.value;
        }
        if (atEnd() || peek() != '"') return failAt("Expected property name or '}'");
        for (;;) {
            std::string keyText;
            if (!readString(keyText)) return Value::exception();
            Root key(vm_.heap, Value::object(vm_.intern(keyText)));
            skipWhitespace();
            if (atEnd() || peek() != ':') return failAt("Expected ':' after property name");
            ++pos_;
            skipWhitespace();
            Value v = parseValue(depth + 1);
            if (v.isException()) return v;
            vm_.recordSet(r, asString(key.value), v);
            skipWhitespace();
            if (!atEnd() && peek() == ',') {
                ++pos_;
                skipWhitespace();
                if (atEnd() || peek() != '"') return failAt("Expected double-quoted property name");
                continue;
            }
            if (!atEnd() && peek() == '}') {
                ++pos_;
                return keep.value;
            }
            return failAt("Expected ',' or '}' after property value");
        }
    }

    VM& vm_;
    std::basic_string_view<Char> s_;
    size_t pos_ = 0;
};

// JSON.parse's reviver walk (InternalizeJSONProperty), post-order.
Value internalize(VM& vm, Value holder, Value key, Value reviver) {
    Value val = vm.getIndex(holder, key);
    if (val.isException()) return val;
    Root keepVal(vm.heap, val);
    if (isKind(val, ObjKind::Array)) {
        Array* a = as<Array>(val);
        for (uint32_t i = 0; i < a->length; ++i) {
            Value nv = internalize(vm, val, Value::number(double(i)), reviver);
            if (nv.isException()) return nv;
            if (i < a->length) a->elements[i] = nv.isUndefined() ? Value::empty() : nv;
        }
    } else if (isKind(val, ObjKind::Record)) {
        Record* r = as<Record>(val);
        std::vector<String*> keys;
        for (size_t i = 0; i < r->keys.size(); ++i)
            if (r->isLive(i)) keys.push_back(r->keys[i]);
        for (String* k : keys) {
            Value nv = internalize(vm, val, Value::object(k), reviver);
            if (nv.isException()) return nv;
            if (nv.isUndefined())
                vm.recordDelete(r, k);
            else
                vm.recordSet(r, k, nv);
        }
    }
    Value keyString = toStringValue(vm, key);
    if (keyString.isException()) return keyString;
    Value callArgs[2] = {keyString, keepVal.value};
    Root keepKey(vm.heap, keyString);
    return vm.call(reviver, holder, callArgs, 2);
}

// The native half of JSON.parse (a hosted method): parses, and calls a leaf reviver itself;
// any other reviver gets the hosted body, with the parsed value in place of the text.
Value jsonParse(VM& vm, Value, Value* args, int argc) {
    Value text = toStringValue(vm, arg(args, argc, 0));
    if (text.isException()) return text;
    Value reviver = arg(args, argc, 1);
    Root keepText(vm.heap, text);
    String* s = asString(text);
    Value result;
    if (s->ascii) {
        result = JsonParser<char>(vm, s->view()).parse();
    } else {
        std::u16string u = utf8ToUtf16(s->view());
        result = JsonParser<char16_t>(vm, std::u16string_view(u)).parse();
    }
    if (result.isException() || !isCallableValue(reviver)) return result;
    if (!isLeafFunction(reviver)) {
        args[0] = result; // the stack slot keeps it alive
        return Value::empty();
    }
    Root keepResult(vm.heap, result);
    Record* root = vm.newRecord();
    Root keepRoot(vm.heap, Value::object(root));
    vm.recordSet(root, vm.names.empty, keepResult.value);
    return internalize(vm, keepRoot.value, Value::object(vm.names.empty), reviver);
}

// The native half of JSON.stringify (a hosted method; argc is at least 3): the whole call,
// or the hosted body's, with the replacer and the gap string in place of the arguments.
Value jsonStringifyNative(VM& vm, Value, Value* args, int argc) {
    return stringifyValue(vm, args[0], args[1], args[2], true, &args[1], &args[2]);
}

} // namespace

// ---------------------------------------------------------------- the hosted bodies' natives

Value jsonKeys(VM& vm, Value, Value* args, int argc) {
    Value o = arg(args, argc, 0);
    Array* keys = vm.newArray();
    Root keep(vm.heap, Value::object(keys));
    if (isKind(o, ObjKind::Record)) {
        Record* r = as<Record>(o);
        for (size_t i = 0; i < r->keys.size(); ++i)
            if (!r->values[i].isEmpty() && !isSymbolKey(r->keys[i]))
                vm.arrayPush(keys, Value::object(r->keys[i]));
    } else if (isKind(o, ObjKind::Instance)) {
        forEachOwnProperty(vm, as<Instance>(o),
                           [&](String* key, Value) { vm.arrayPush(keys, Value::object(key)); });
    }
    return keep.value;
}

Value jsonQuote(VM& vm, Value, Value* args, int argc) {
    Value s = arg(args, argc, 0);
    if (!isString(s)) return vm.throwTypeError("jsonQuote: expects a string");
    std::string out;
    appendJsonQuoted(out, asString(s)->view());
    return vm.str(out);
}

// jsonKey(key, colon): a property's `"key":` (or `"key": ` with a gap).
Value jsonKey(VM& vm, Value, Value* args, int argc) {
    Value key = arg(args, argc, 0);
    Value colon = arg(args, argc, 1);
    if (!isString(key) || !isString(colon)) return vm.throwTypeError("jsonKey: expects strings");
    std::string out;
    appendJsonQuoted(out, asString(key)->view());
    out += asString(colon)->view();
    return vm.str(out);
}

// jsonConcat(pieces): the strings of an array, joined.
Value jsonConcat(VM& vm, Value, Value* args, int argc) {
    Value pieces = arg(args, argc, 0);
    if (!isKind(pieces, ObjKind::Array)) return vm.throwTypeError("jsonConcat: expects an array");
    Array* a = as<Array>(pieces);
    size_t size = 0;
    for (uint32_t i = 0; i < a->length; ++i) {
        if (!isString(a->elements[i])) return vm.throwTypeError("jsonConcat: expects strings");
        size += asString(a->elements[i])->length;
    }
    std::string out;
    out.reserve(size);
    for (uint32_t i = 0; i < a->length; ++i)
        out += asString(a->elements[i])->view();
    return vm.str(out);
}

// jsonCircularMessage(path, i, via): path is [object, via, object, via, …].
Value jsonCircularMessage(VM& vm, Value, Value* args, int argc) {
    Value pathValue = arg(args, argc, 0);
    Value at = arg(args, argc, 1);
    Value via = arg(args, argc, 2);
    if (!isKind(pathValue, ObjKind::Array) || !at.isNumber() || !isString(via))
        return vm.throwTypeError("jsonCircularMessage: expects a path, a position, a key");
    Array* a = as<Array>(pathValue);
    std::vector<PathEntry> path;
    for (uint32_t i = 0; i + 1 < a->length; i += 2) {
        Value o = a->elements[i];
        Value k = a->elements[i + 1];
        if (!o.isObject() || !isString(k))
            return vm.throwTypeError("jsonCircularMessage: expects a path, a position, a key");
        path.push_back({o.asObject(), std::string(asString(k)->view())});
    }
    size_t i = size_t(std::max(0.0, at.asNumber())) / 2;
    if (i >= path.size()) return vm.throwTypeError("jsonCircularMessage: position past the path");
    return vm.str(circularMessage(path, i, std::string(asString(via)->view())));
}

// jsonDelete(holder, key): what a reviver's undefined does to its property (an array keeps
// a hole).
Value jsonDelete(VM& vm, Value, Value* args, int argc) {
    Value holder = arg(args, argc, 0);
    Value key = arg(args, argc, 1);
    if (!isString(key)) return vm.throwTypeError("jsonDelete: expects a key");
    if (isKind(holder, ObjKind::Array)) {
        Array* a = as<Array>(holder);
        char* end = nullptr;
        std::string k(asString(key)->view());
        unsigned long i = std::strtoul(k.c_str(), &end, 10);
        if (end && *end == '\0' && i < a->length) a->elements[i] = Value::empty();
    } else if (isKind(holder, ObjKind::Record)) {
        vm.recordDelete(as<Record>(holder), vm.intern(asString(key)->view()));
    }
    return Value::undefined();
}

// The modules of the hosted methods' bodies (hosted_methods.h).
constexpr std::string_view kJsonBodies = "internal/builtins_json";

void installJsonBuiltins(VM& vm) {
    Class* json = newNamespace(vm, "JSON");
    Root keep(vm.heap, Value::object(json));
    defineHostedMethod(vm, json, "stringify", jsonStringifyNative, 3, kJsonBodies, true);
    defineHostedMethod(vm, json, "parse", jsonParse, 2, kJsonBodies, true);
    vm.defineGlobal("JSON", Value::object(json));
}

} // namespace molt
