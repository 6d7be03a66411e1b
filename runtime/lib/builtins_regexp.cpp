// builtins_regexp.cpp — RegExp (constructor, literals, prototype) and the String methods
// that take a regular expression: match, matchAll, search, replace, replaceAll, split.
//
// Everything here works in UTF-16 code units (regexp.h says why): the subject's cached
// units are matched and every index a script sees is a unit index. Substrings of an ASCII
// subject are cut from its bytes directly.
//
// Hosted code can run in the middle of these operations (a replacer function, a
// `lastIndex` or argument conversion), and it may use the same RegExp: match offsets are
// copied out of PCRE2's match data before any such call, and the subject's units are
// read through a reference that stays valid because the subject string is rooted.
#include "runtime/lib/natives.h"
#include "runtime/lib/regexp.h"

#include <cmath>

namespace molt {

namespace {

RegExpObj* asRegExp(Value v) {
    return isKind(v, ObjKind::RegExp) ? static_cast<RegExpObj*>(v.asObject()) : nullptr;
}

Value throwRegExpError(VM& vm, const std::string& message) {
    return vm.throwError(vm.syntaxErrorClass, message);
}

// A new RegExp over `source` (rooted by the caller) with compiled pattern `c`.
Value newRegExpObject(VM& vm, Class* cls, String* source, CompiledRegExp* c) {
    Root keep(vm.heap, Value::object(source));
    auto* r = vm.heap.allocate<RegExpObj>(ObjKind::RegExp, cls ? cls : vm.regexpClass);
    r->source = source;
    r->compiled = c;
    r->lastIndex = Value::integer(0);
    ++c->refs;
    if (!c->hasNamedGroups) return Value::object(r);
    keep.value = Value::object(r);
    Array* names = vm.newArray(uint32_t(c->groupNames.size()));
    r->groupNames = names;
    for (const std::string& n : c->groupNames) {
        Value name = n.empty() ? Value::undefined() : Value::object(vm.intern(n));
        vm.arrayPush(names, name);
    }
    return keep.value;
}

// new RegExp(source, flags) with both already strings.
Value makeRegExp(VM& vm, Class* cls, String* source, String* flags) {
    Result<CompiledRegExp*> c = regexpCache(vm).get(utf16Units(source), utf16Units(flags));
    if (!c) return throwRegExpError(vm, c.error().message());
    return newRegExpObject(vm, cls, source, c.value());
}

Value regexpConstructWith(VM& vm, Class* cls, Value pattern, Value flags) {
    Root patternRoot(vm.heap, pattern), flagsRoot(vm.heap, flags);
    if (RegExpObj* r = asRegExp(pattern)) {
        patternRoot.value = Value::object(r->source);
        if (flags.isUndefined()) flagsRoot.value = vm.str(r->compiled->flagText);
    } else if (pattern.isUndefined()) {
        patternRoot.value = Value::object(vm.names.empty);
    } else {
        Value s = toStringValue(vm, pattern);
        if (s.isException()) return s;
        patternRoot.value = s;
    }
    if (flagsRoot.value.isUndefined()) {
        flagsRoot.value = Value::object(vm.names.empty);
    } else if (!isString(flagsRoot.value)) {
        Value s = toStringValue(vm, flagsRoot.value);
        if (s.isException()) return s;
        flagsRoot.value = s;
    }
    return makeRegExp(vm, cls, asString(patternRoot.value), asString(flagsRoot.value));
}

Value regexpConstruct(VM& vm, Class* cls, Value* args, int argc) {
    return regexpConstructWith(vm, cls, arg(args, argc, 0), arg(args, argc, 1));
}

// RegExp(x) without `new`: a RegExp argument with no flags comes back as it is.
Value regexpCallNative(VM& vm, Value, Value* args, int argc) {
    Value pattern = arg(args, argc, 0), flags = arg(args, argc, 1);
    if (asRegExp(pattern) && flags.isUndefined()) return pattern;
    return regexpConstructWith(vm, nullptr, pattern, flags);
}

// A literal's evaluation (the compiler emits a call of this with its pattern and flags):
// a fresh object each time, as in JavaScript, over the pattern compiled once.
Value regexpLiteral(VM& vm, Value, Value* args, int argc) {
    return makeRegExp(vm, nullptr, asString(arg(args, argc, 0)), asString(arg(args, argc, 1)));
}

#define THIS_REGEXP(method)                                                                        \
    RegExpObj* re = asRegExp(thisValue);                                                           \
    if (!re)                                                                                       \
    return vm.throwTypeError(std::string("RegExp.prototype.") + method +                           \
                             " requires that 'this' be a RegExp object (got " +                    \
                             vm.describeReceiver(thisValue) + ")")

// ToLength(lastIndex).
bool readLastIndex(VM& vm, RegExpObj* re, double& out) {
    Value v = re->lastIndex;
    if (!v.isNumber()) {
        v = vm.toPrimitiveNumber(v);
        if (v.isException()) return false;
    }
    double d = v.asNumber();
    out = (std::isnan(d) || d <= 0) ? 0 : std::floor(std::min(d, 9007199254740991.0));
    return true;
}

size_t advanceIndex(std::u16string_view units, size_t i, bool unicode) {
    if (unicode && i + 1 < units.size() && units[i] >= 0xd800 && units[i] <= 0xdbff &&
        units[i + 1] >= 0xdc00 && units[i + 1] <= 0xdfff)
        return i + 2;
    return i + 1;
}

// Units [from, to) of `s` as a string.
Value substringOf(VM& vm, String* s, std::u16string_view units, size_t from, size_t to) {
    if (to <= from) return Value::object(vm.names.empty);
    if (s->ascii) return vm.str(s->view().substr(from, to - from));
    return vm.str(utf16ToUtf8(units.substr(from, to - from)));
}

// One match attempt; 1 matched, 0 not, exception (as -1) when PCRE2 gave up.
int matchAt(VM& vm, RegExpObj* re, std::u16string_view units, size_t start, RegExpMatch& m) {
    Result<bool> matched = regexpCache(vm).match(re->compiled, units, start, m);
    if (matched) return matched.value() ? 1 : 0;
    vm.throwError(vm.errorClass, "Regular expression failed: " + matched.error().message());
    return -1;
}

// A null-prototype record with the named groups' values from `values` (1-based by group).
Record* namedGroups(VM& vm, RegExpObj* re, Array* values) {
    Array* names = re->groupNames;
    Record* named = vm.newRecord();
    named->flags |= Record::kNullPrototypeFlag;
    named->keys.reserve(names->length);
    named->values.reserve(names->length);
    for (uint32_t i = 0; i < names->length; ++i)
        if (isString(names->elements[i]))
            vm.recordSet(named, asString(names->elements[i]), values->elements[i + 1]);
    return named;
}

Value indexPair(VM& vm, const RegExpMatch& m, size_t g) {
    if (m.start(g) < 0) return Value::undefined();
    Array* pair = vm.newArray(2);
    vm.arrayPush(pair, Value::number(double(m.start(g))));
    vm.arrayPush(pair, Value::number(double(m.end(g))));
    return Value::object(pair);
}

// The array exec returns for match `m` of `re` on `s`.
Value matchResult(VM& vm, RegExpObj* re, String* s, std::u16string_view units,
                  const RegExpMatch& m) {
    CompiledRegExp* c = re->compiled;
    size_t groups = c->captureCount + 1;
    Array* a = vm.newArray(uint32_t(groups));
    Root arrayRoot(vm.heap, Value::object(a));
    for (size_t g = 0; g < groups; ++g) {
        Value v = m.start(g) < 0 ? Value::undefined()
                                 : substringOf(vm, s, units, size_t(m.start(g)), size_t(m.end(g)));
        vm.arrayPush(a, v);
    }
    Record* props = a->props = vm.newRecord();
    props->keys.reserve(4);
    props->values.reserve(4);
    vm.recordSet(props, vm.names.index, Value::number(double(m.start(0))));
    vm.recordSet(props, vm.names.input, Value::object(s));
    vm.recordSet(props, vm.names.groups, Value::undefined());
    if (c->hasNamedGroups)
        vm.recordSet(props, vm.names.groups, Value::object(namedGroups(vm, re, a)));
    if (c->flags.hasIndices) {
        Array* indices = vm.newArray(uint32_t(groups));
        vm.recordSet(props, vm.names.indices, Value::object(indices));
        for (size_t g = 0; g < groups; ++g) {
            Value pair = indexPair(vm, m, g);
            vm.arrayPush(indices, pair);
        }
        indices->props = vm.newRecord();
        vm.recordSet(indices->props, vm.names.groups, Value::undefined());
        if (c->hasNamedGroups)
            vm.recordSet(indices->props, vm.names.groups,
                         Value::object(namedGroups(vm, re, indices)));
    }
    return arrayRoot.value;
}

// RegExpBuiltinExec: a match array or null, honouring and updating lastIndex.
Value builtinExec(VM& vm, RegExpObj* re, String* s) {
    Root reRoot(vm.heap, Value::object(re)), sRoot(vm.heap, Value::object(s));
    const RegExpFlags& f = re->compiled->flags;
    bool tracks = f.global || f.sticky;
    double last = 0;
    if (tracks && !readLastIndex(vm, re, last)) return Value::exception();
    const std::u16string& units = utf16Units(s);
    if (last > double(units.size())) {
        re->lastIndex = Value::integer(0);
        return Value::null();
    }
    RegExpMatch m;
    int rc = matchAt(vm, re, units, size_t(last), m);
    if (rc < 0) return Value::exception();
    if (rc == 0) {
        if (tracks) re->lastIndex = Value::integer(0);
        return Value::null();
    }
    if (tracks) re->lastIndex = Value::number(double(m.end(0)));
    return matchResult(vm, re, s, units, m);
}

Value stringArgument(VM& vm, Value v) {
    return isString(v) ? v : toStringValue(vm, v);
}

// ---- RegExp.prototype

Value regexpExec(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_REGEXP("exec");
    Root reRoot(vm.heap, thisValue);
    Value s = stringArgument(vm, arg(args, argc, 0));
    if (s.isException()) return s;
    return builtinExec(vm, re, asString(s));
}

Value regexpTest(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_REGEXP("test");
    Root reRoot(vm.heap, thisValue);
    Value sv = stringArgument(vm, arg(args, argc, 0));
    if (sv.isException()) return sv;
    Root sRoot(vm.heap, sv);
    String* s = asString(sv);
    const RegExpFlags& f = re->compiled->flags;
    bool tracks = f.global || f.sticky;
    double last = 0;
    if (tracks && !readLastIndex(vm, re, last)) return Value::exception();
    const std::u16string& units = utf16Units(s);
    RegExpMatch m;
    int rc = last > double(units.size()) ? 0 : matchAt(vm, re, units, size_t(last), m);
    if (rc < 0) return Value::exception();
    if (tracks) re->lastIndex = rc ? Value::number(double(m.end(0))) : Value::integer(0);
    return Value::boolean(rc == 1);
}

std::string regexpText(RegExpObj* re) {
    return "/" + utf16ToUtf8(escapeRegExpSource(utf16Units(re->source))) + "/" +
           re->compiled->flagText;
}

Value regexpToString(VM& vm, Value thisValue, Value*, int) {
    THIS_REGEXP("toString");
    return vm.str(regexpText(re));
}

Value regexpSource(VM& vm, Value thisValue, Value*, int) {
    THIS_REGEXP("source");
    return vm.str(utf16ToUtf8(escapeRegExpSource(utf16Units(re->source))));
}

Value regexpFlags(VM& vm, Value thisValue, Value*, int) {
    THIS_REGEXP("flags");
    return vm.str(re->compiled->flagText);
}

#define REGEXP_FLAG_GETTER(fn, field)                                                              \
    Value fn(VM& vm, Value thisValue, Value*, int) {                                               \
        THIS_REGEXP(#field);                                                                       \
        return Value::boolean(re->compiled->flags.field);                                          \
    }
REGEXP_FLAG_GETTER(regexpGlobal, global)
REGEXP_FLAG_GETTER(regexpIgnoreCase, ignoreCase)
REGEXP_FLAG_GETTER(regexpMultiline, multiline)
REGEXP_FLAG_GETTER(regexpDotAll, dotAll)
REGEXP_FLAG_GETTER(regexpUnicode, unicode)
REGEXP_FLAG_GETTER(regexpSticky, sticky)
REGEXP_FLAG_GETTER(regexpHasIndices, hasIndices)
#undef REGEXP_FLAG_GETTER

Value regexpGetLastIndex(VM& vm, Value thisValue, Value*, int) {
    THIS_REGEXP("lastIndex");
    return re->lastIndex;
}

Value regexpSetLastIndex(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_REGEXP("lastIndex");
    re->lastIndex = arg(args, argc, 0);
    return Value::undefined();
}

// ---- String.prototype methods taking a RegExp

#define THIS_SUBJECT(method)                                                                       \
    if (thisValue.isNullish())                                                                     \
        return vm.throwTypeError(std::string("String.prototype.") + method +                       \
                                 " called on null or undefined");                                  \
    Value subjectValue = stringArgument(vm, thisValue);                                            \
    if (subjectValue.isException()) return subjectValue;                                           \
    Root subjectRoot(vm.heap, subjectValue);                                                       \
    String* s = asString(subjectValue)

// The RegExp argument, or a new one made from it (as `match`/`search` do with a string).
Value regexpArgument(VM& vm, Value v, const char* flags) {
    if (asRegExp(v)) return v;
    return regexpConstructWith(vm, nullptr, v, vm.str(flags));
}

// All matches of a global `re` from lastIndex 0; lastIndex ends at 0.
bool allMatches(VM& vm, RegExpObj* re, std::u16string_view units, std::vector<RegExpMatch>& out) {
    size_t at = 0;
    bool unicode = re->compiled->flags.unicode;
    for (;;) {
        RegExpMatch m;
        int rc = at > units.size() ? 0 : matchAt(vm, re, units, at, m);
        if (rc < 0) return false;
        if (rc == 0) break;
        at = size_t(m.end(0));
        if (m.end(0) == m.start(0)) at = advanceIndex(units, at, unicode);
        out.push_back(std::move(m));
    }
    re->lastIndex = Value::integer(0);
    return true;
}

Value strMatch(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_SUBJECT("match");
    Value rv = regexpArgument(vm, arg(args, argc, 0), "");
    if (rv.isException()) return rv;
    Root reRoot(vm.heap, rv);
    RegExpObj* re = asRegExp(rv);
    if (!re->compiled->flags.global) return builtinExec(vm, re, s);
    const std::u16string& units = utf16Units(s);
    std::vector<RegExpMatch> matches;
    if (!allMatches(vm, re, units, matches)) return Value::exception();
    if (matches.empty()) return Value::null();
    Array* out = vm.newArray(uint32_t(matches.size()));
    Root outRoot(vm.heap, Value::object(out));
    for (const RegExpMatch& m : matches) {
        Value v = substringOf(vm, s, units, size_t(m.start(0)), size_t(m.end(0)));
        vm.arrayPush(out, v);
    }
    return outRoot.value;
}

// An iterator over the exec results, computed eagerly: generators are not in the language
// yet, so the iterator walks an array of the results (for...of, spread, Array.from).
Value strMatchAll(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_SUBJECT("matchAll");
    Value given = arg(args, argc, 0);
    if (RegExpObj* r = asRegExp(given); r && !r->compiled->flags.global)
        return vm.throwTypeError(
            "String.prototype.matchAll called with a non-global RegExp argument");
    Value rv = regexpArgument(vm, given, "g");
    if (rv.isException()) return rv;
    Root reRoot(vm.heap, rv);
    RegExpObj* original = asRegExp(rv);
    double last = 0;
    if (!readLastIndex(vm, original, last)) return Value::exception();
    // The spec's clone: the caller's RegExp keeps its lastIndex.
    Value cv = newRegExpObject(vm, original->klass, original->source, original->compiled);
    Root cloneRoot(vm.heap, cv);
    RegExpObj* re = asRegExp(cv);
    re->lastIndex = Value::number(last);
    Array* out = vm.newArray();
    Root outRoot(vm.heap, Value::object(out));
    const std::u16string& units = utf16Units(s);
    for (;;) {
        Value r = builtinExec(vm, re, s);
        if (r.isException()) return r;
        if (r.isNull()) break;
        vm.arrayPush(out, r);
        Array* a = as<Array>(r);
        if (asString(a->elements[0])->length == 0) {
            double at = 0;
            if (!readLastIndex(vm, re, at)) return Value::exception();
            re->lastIndex =
                Value::number(double(advanceIndex(units, size_t(at), re->compiled->flags.unicode)));
        }
    }
    return Value::object(vm.newIterator(outRoot.value, IterKind::ArrayValues));
}

Value strSearch(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_SUBJECT("search");
    Value rv = regexpArgument(vm, arg(args, argc, 0), "");
    if (rv.isException()) return rv;
    Root reRoot(vm.heap, rv);
    RegExpObj* re = asRegExp(rv);
    RegExpMatch m;
    int rc = matchAt(vm, re, utf16Units(s), 0, m);
    if (rc < 0) return Value::exception();
    return Value::number(rc ? double(m.start(0)) : -1.0);
}

// GetSubstitution: `repl` with $$, $&, $`, $', $n, $nn and $<name> filled in.
void substitute(std::u16string& out, std::u16string_view repl, std::u16string_view str,
                const RegExpMatch& m, const CompiledRegExp* c) {
    size_t groups = c->captureCount;
    auto group = [&](size_t g) {
        if (m.start(g) >= 0) out += str.substr(size_t(m.start(g)), size_t(m.end(g) - m.start(g)));
    };
    for (size_t i = 0; i < repl.size(); ++i) {
        char16_t ch = repl[i];
        if (ch != u'$' || i + 1 == repl.size()) {
            out += ch;
            continue;
        }
        char16_t d = repl[i + 1];
        if (d == u'$') {
            out += u'$';
            ++i;
        } else if (d == u'&') {
            group(0);
            ++i;
        } else if (d == u'`') {
            out += str.substr(0, size_t(m.start(0)));
            ++i;
        } else if (d == u'\'') {
            out += str.substr(std::min(size_t(m.end(0)), str.size()));
            ++i;
        } else if (d >= u'0' && d <= u'9') {
            size_t one = size_t(d - u'0');
            bool twoDigits = i + 2 < repl.size() && repl[i + 2] >= u'0' && repl[i + 2] <= u'9';
            size_t two = twoDigits ? one * 10 + size_t(repl[i + 2] - u'0') : 0;
            if (twoDigits && two >= 1 && two <= groups) {
                group(two);
                i += 2;
            } else if (one >= 1 && one <= groups) {
                group(one);
                i += 1;
            } else {
                out += ch;
            }
        } else if (d == u'<' && c->hasNamedGroups) {
            size_t close = repl.find(u'>', i + 2);
            if (close == std::u16string_view::npos) {
                out += ch;
                continue;
            }
            std::string name = utf16ToUtf8(repl.substr(i + 2, close - i - 2));
            for (size_t g = 0; g < c->groupNames.size(); ++g)
                if (c->groupNames[g] == name) {
                    group(g + 1);
                    break;
                }
            i = close;
        } else {
            out += ch;
        }
    }
}

} // namespace

namespace {

// replaceAll refuses a regexp without the g flag (before it looks at the replacement).
bool replaceAllAllowed(VM& vm, RegExpObj* re, bool all) {
    if (!all || re->compiled->flags.global) return true;
    vm.throwTypeError("String.prototype.replaceAll called with a non-global RegExp argument");
    return false;
}

// The matches that replace or replaceAll replaces: every one for a global regexp (from
// lastIndex 0), else the first (at lastIndex for a sticky one, which is updated). False
// with an exception pending.
bool replacedMatches(VM& vm, RegExpObj* re, const std::u16string& units,
                     std::vector<RegExpMatch>& matches) {
    const RegExpFlags& f = re->compiled->flags;
    if (f.global) return allMatches(vm, re, units, matches);
    double last = 0;
    if (f.sticky && !readLastIndex(vm, re, last)) return false;
    RegExpMatch m;
    int rc = last > double(units.size()) ? 0 : matchAt(vm, re, units, size_t(last), m);
    if (rc < 0) return false;
    if (f.sticky) re->lastIndex = rc ? Value::number(double(m.end(0))) : Value::integer(0);
    if (rc) matches.push_back(std::move(m));
    return true;
}

} // namespace

Value regexpReplace(VM& vm, Value subject, Value regexp, Value replacement, bool all) {
    Root subjectRoot(vm.heap, subject), reRoot(vm.heap, regexp);
    RegExpObj* re = asRegExp(regexp);
    if (!replaceAllAllowed(vm, re, all)) return Value::exception();
    Value r = toStringValue(vm, replacement);
    if (r.isException()) return r;
    std::u16string repl = utf8ToUtf16(asString(r)->view());
    const std::u16string& units = utf16Units(asString(subject));
    std::vector<RegExpMatch> matches;
    if (!replacedMatches(vm, re, units, matches)) return Value::exception();
    if (matches.empty()) return subject;
    std::u16string out;
    size_t last = 0;
    for (const RegExpMatch& m : matches) {
        size_t start = size_t(m.start(0));
        if (start < last) continue;
        out.append(units, last, start - last);
        substitute(out, repl, units, m, re->compiled);
        last = size_t(m.end(0));
    }
    if (last < units.size()) out.append(units, last, std::u16string::npos);
    return vm.str(utf16ToUtf8(out));
}

Value regexpReplaceParts(VM& vm, Value subject, Value regexp, bool all) {
    Root subjectRoot(vm.heap, subject), reRoot(vm.heap, regexp);
    RegExpObj* re = asRegExp(regexp);
    String* s = asString(subject);
    if (!replaceAllAllowed(vm, re, all)) return Value::exception();
    const std::u16string& units = utf16Units(s);
    std::vector<RegExpMatch> matches;
    if (!replacedMatches(vm, re, units, matches)) return Value::exception();
    Array* parts = vm.newArray(uint32_t(2 * matches.size() + 1));
    Root partsRoot(vm.heap, Value::object(parts));
    CompiledRegExp* c = re->compiled;
    size_t last = 0;
    for (const RegExpMatch& m : matches) {
        size_t start = size_t(m.start(0));
        if (start < last) continue;
        vm.arrayPush(parts, substringOf(vm, s, units, last, start));
        // (match, p1..pn, offset, string[, groups]), as node passes them.
        Value result = matchResult(vm, re, s, units, m);
        if (result.isException()) return result;
        Root resultRoot(vm.heap, result);
        Array* callArgs = as<Array>(result);
        Value groups =
            c->hasNamedGroups ? vm.recordGet(callArgs->props, vm.names.groups) : Value::undefined();
        Root groupsRoot(vm.heap, groups);
        Array* fresh = vm.newArray(callArgs->length + 3);
        Root freshRoot(vm.heap, Value::object(fresh));
        for (uint32_t i = 0; i < callArgs->length; ++i)
            fresh->elements[i] = callArgs->elements[i];
        fresh->length = callArgs->length;
        vm.arrayPush(fresh, Value::number(double(start)));
        vm.arrayPush(fresh, subject);
        if (c->hasNamedGroups) vm.arrayPush(fresh, groupsRoot.value);
        vm.arrayPush(parts, Value::object(fresh));
        last = size_t(m.end(0));
    }
    vm.arrayPush(parts, substringOf(vm, s, units, std::min(last, units.size()), units.size()));
    return partsRoot.value;
}

Value regexpSplit(VM& vm, Value subject, Value regexp, Value limitArg) {
    Root subjectRoot(vm.heap, subject), reRoot(vm.heap, regexp);
    RegExpObj* re = asRegExp(regexp);
    String* s = asString(subject);
    uint32_t limit = UINT32_MAX;
    if (!limitArg.isUndefined()) {
        Value n = vm.toPrimitiveNumber(limitArg);
        if (n.isException()) return n;
        limit = uint32_t(VM::toInt32(n.asNumber()));
    }
    Array* out = vm.newArray();
    Root outRoot(vm.heap, Value::object(out));
    if (limit == 0) return outRoot.value;
    const std::u16string& units = utf16Units(s);
    size_t size = units.size();
    RegExpMatch m;
    if (size == 0) {
        int rc = matchAt(vm, re, units, 0, m);
        if (rc < 0) return Value::exception();
        if (rc == 0) vm.arrayPush(out, subject);
        return outRoot.value;
    }
    bool unicode = re->compiled->flags.unicode;
    bool sticky = re->compiled->flags.sticky; // anchored: step q by hand as the spec does
    size_t p = 0, q = 0;
    while (q < size) {
        int rc = matchAt(vm, re, units, q, m);
        if (rc < 0) return Value::exception();
        if (rc == 0) {
            if (!sticky) break;
            q = advanceIndex(units, q, unicode);
            continue;
        }
        size_t start = size_t(m.start(0)), end = std::min(size_t(m.end(0)), size);
        if (start >= size) break;
        if (end == p) {
            q = advanceIndex(units, start, unicode);
            continue;
        }
        RegExpMatch found = m; // the substrings below allocate; nothing matches meanwhile
        vm.arrayPush(out, substringOf(vm, s, units, p, start));
        if (out->length == limit) return outRoot.value;
        for (size_t g = 1; g <= re->compiled->captureCount; ++g) {
            Value v = found.start(g) < 0
                          ? Value::undefined()
                          : substringOf(vm, s, units, size_t(found.start(g)), size_t(found.end(g)));
            vm.arrayPush(out, v);
            if (out->length == limit) return outRoot.value;
        }
        p = end;
        q = p;
    }
    vm.arrayPush(out, substringOf(vm, s, units, p, size));
    return outRoot.value;
}

std::string regexpToText(Value regexp) {
    return regexpText(static_cast<RegExpObj*>(regexp.asObject()));
}

void installRegExpBuiltins(VM& vm) {
    Class* c = vm.regexpClass = vm.newBuiltinClass("RegExp");
    c->instanceKind = ObjKind::RegExp;
    c->nativeConstruct = regexpConstruct;
    vm.defineGlobal("RegExp", Value::object(c));
    vm.defineGlobal("%RegExpLiteral", Value::object(vm.newNative("RegExp", regexpLiteral, 2)));
    vm.defineStaticMethod(c, "call", regexpCallNative, 2);
    vm.defineMethod(c, "exec", regexpExec, 1);
    vm.defineMethod(c, "test", regexpTest, 1);
    vm.defineMethod(c, "toString", regexpToString, 0);
    vm.defineGetter(c, "source", regexpSource);
    vm.defineGetter(c, "flags", regexpFlags);
    vm.defineGetter(c, "global", regexpGlobal);
    vm.defineGetter(c, "ignoreCase", regexpIgnoreCase);
    vm.defineGetter(c, "multiline", regexpMultiline);
    vm.defineGetter(c, "dotAll", regexpDotAll);
    vm.defineGetter(c, "unicode", regexpUnicode);
    vm.defineGetter(c, "sticky", regexpSticky);
    vm.defineGetter(c, "hasIndices", regexpHasIndices);
    vm.defineGetter(c, "lastIndex", regexpGetLastIndex);
    Native* setter = vm.newNative("lastIndex", regexpSetLastIndex, 1);
    c->ownSetters[setter->name] = Value::object(setter);
    c->setters[setter->name] = Value::object(setter);

    Class* str = vm.stringClass;
    vm.defineMethod(str, "match", strMatch, 1);
    vm.defineMethod(str, "matchAll", strMatchAll, 1);
    vm.defineMethod(str, "search", strSearch, 1);
}

} // namespace molt
