// builtins_array.cpp — Array.prototype methods, Array.isArray/of/from, `new Array(n)` and
// Array(n).
//
// Invariants these natives keep:
//   * The methods that take a callback (forEach, map, sort with a comparator, from with a
//     map function, …) are hosted methods (hosted_methods.h): the natives here check their
//     arguments and call a leaf callback themselves; any other callback is called by the
//     loops in runtime/lib/node/internal/builtins_array.js and builtins_sort.js.
//   * A callback or a conversion (toString during the default sort, valueOf in an index
//     argument) runs hosted code, which may change the array: a loop re-reads `a->length`
//     and `a->elements` after it and never caches the elements pointer across one.
//   * Holes (Value::empty()) behave as in JavaScript: skipped by forEach/map/filter/some/
//     every/reduce/indexOf, preserved by map/slice/concat/reverse, read as undefined by
//     find/includes/join/at/iteration, and moved to the end by sort.
//   * Arrays created here are held in a `Root` until returned: every conversion may collect.
//   * The default sort is the same algorithm as the hosted comparator sort (V8's TimSort
//     below 64 elements, a stable merge sort above).
#include "runtime/lib/function_values.h"
#include "runtime/lib/hosted_methods.h"
#include "runtime/lib/natives.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace molt {

namespace {

Value elementOrUndefined(Array* a, uint32_t i) {
    if (i >= a->length) return Value::undefined();
    Value v = a->elements[i];
    return v.isEmpty() ? Value::undefined() : v;
}

Array* thisArray(VM& vm, Value thisValue, const char* method) {
    if (isKind(thisValue, ObjKind::Array)) return as<Array>(thisValue);
    vm.throwTypeError(std::string("Array.prototype.") + method + " called on a non-array");
    return nullptr;
}

#define THIS_ARRAY(method)                                                                         \
    Array* a = thisArray(vm, thisValue, method);                                                   \
    if (!a) return Value::exception()

// The mutating methods on a locked array (object.h, kIntegrityMask) throw what V8 throws
// for the first element write it refuses: adding (push, unshift on a non-extensible
// array), deleting (pop, shift on a sealed one) or assigning (the rest on a frozen one).
enum class Mutation { Add, Remove, Assign };
bool mutationAllowed(VM& vm, Array* a, Mutation m, uint32_t index) {
    if (!(a->flags & kIntegrityMask)) [[likely]] return true;
    if (m == Mutation::Add) {
        vm.throwNotExtensible(std::to_string(index));
        return false;
    }
    if (m == Mutation::Remove && (a->flags & (kSealedFlag | kFrozenFlag))) {
        if (a->length == 0) {
            if (!(a->flags & kFrozenFlag)) return true;
            vm.throwReadOnly(a, "length");
        } else {
            vm.throwUndeletable(a, std::to_string(a->length - 1));
        }
        return false;
    }
    if (m == Mutation::Assign && (a->flags & kFrozenFlag) && index < a->length) {
        vm.throwReadOnly(a, std::to_string(index));
        return false;
    }
    return true;
}

#define MUTATION(kind, index)                                                                      \
    if (!mutationAllowed(vm, a, Mutation::kind, uint32_t(index))) return Value::exception()

#define CALLBACK_ARG(name, i)                                                                      \
    Value name = arg(args, argc, i);                                                               \
    if (!isCallableValue(name)) return throwNotAFunction(vm, name)

bool relativeArg(VM& vm, Value v, int64_t length, int64_t fallback, int64_t& out) {
    if (v.isUndefined()) {
        out = fallback;
        return true;
    }
    double d;
    if (!toIntegerArg(vm, v, d)) return false;
    out = relativeIndex(d, length);
    return true;
}

// ---- length, mutation at the ends

Value arrLength(VM& vm, Value thisValue, Value*, int) {
    if (!isKind(thisValue, ObjKind::Array)) return Value::integer(0);
    return Value::number(double(as<Array>(thisValue)->length));
}

Value arrPush(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("push");
    if (argc > 0) MUTATION(Add, a->length);
    for (int i = 0; i < argc; ++i)
        vm.arrayPush(a, args[i]);
    return Value::number(double(a->length));
}

Value arrPop(VM& vm, Value thisValue, Value*, int) {
    THIS_ARRAY("pop");
    MUTATION(Remove, 0);
    if (a->length == 0) return Value::undefined();
    Value v = elementOrUndefined(a, a->length - 1);
    a->length--;
    return v;
}

Value arrShift(VM& vm, Value thisValue, Value*, int) {
    THIS_ARRAY("shift");
    if (a->flags & kFrozenFlag && a->length > 1) MUTATION(Assign, 0);
    MUTATION(Remove, 0);
    if (a->length == 0) return Value::undefined();
    Value v = elementOrUndefined(a, 0);
    a->elements++;
    a->front++;
    a->capacity--;
    a->length--;
    return v;
}

Value arrUnshift(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("unshift");
    if (argc == 0) return Value::number(double(a->length));
    MUTATION(Add, a->length + uint32_t(argc) - 1);
    uint32_t old = a->length;
    if (a->front >= uint32_t(argc)) {
        // Step back into the room earlier shifts left.
        a->elements -= argc;
        a->front -= uint32_t(argc);
        a->capacity += uint32_t(argc);
    } else {
        vm.arrayReserve(a, old + uint32_t(argc));
        std::memmove(a->elements + argc, a->elements, old * sizeof(Value));
    }
    for (int i = 0; i < argc; ++i)
        a->elements[i] = args[i];
    a->length = old + uint32_t(argc);
    return Value::number(double(a->length));
}

// ---- copying

Value arrSlice(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("slice");
    int64_t len = a->length, from, to;
    if (!relativeArg(vm, arg(args, argc, 0), len, 0, from)) return Value::exception();
    if (!relativeArg(vm, arg(args, argc, 1), len, len, to)) return Value::exception();
    len = a->length; // a valueOf may have shrunk it
    from = std::min(from, len);
    to = std::min(to, len);
    uint32_t count = to > from ? uint32_t(to - from) : 0;
    Array* out = vm.newArray(count);
    for (uint32_t i = 0; i < count; ++i)
        out->elements[i] = a->elements[from + i];
    out->length = count;
    return Value::object(out);
}

Value arrSplice(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("splice");
    MUTATION(Assign, 0);
    if (a->flags & (kNotExtensibleFlag | kSealedFlag)) {
        // Whether the splice changes the length is known only below; refuse any change of
        // it on a sealed or non-extensible array up front (node throws at its first write).
        int64_t len0 = a->length, start0 = 0, del0 = 0;
        if (argc > 0 && !relativeArg(vm, args[0], len0, 0, start0)) return Value::exception();
        double d = argc > 1 ? 0 : double(len0 - start0);
        if (argc > 1 && !toIntegerArg(vm, args[1], d)) return Value::exception();
        del0 = std::clamp<int64_t>(int64_t(d), 0, len0 - start0);
        int64_t added = std::max(argc - 2, 0);
        if (added > del0) MUTATION(Add, len0 + added - del0 - 1);
        if (added < del0 && (a->flags & kSealedFlag)) MUTATION(Remove, 0);
    }
    std::vector<Value> items(args + std::min(argc, 2), args + argc);
    int64_t len = a->length, start;
    if (!relativeArg(vm, arg(args, argc, 0), len, 0, start)) return Value::exception();
    int64_t deleteCount = 0;
    if (argc == 1) {
        deleteCount = len - start;
    } else if (argc >= 2) {
        double d;
        if (!toIntegerArg(vm, args[1], d)) return Value::exception();
        deleteCount = int64_t(std::clamp(d, 0.0, double(len - start)));
    }
    len = a->length;
    start = std::min(start, len);
    deleteCount = std::min(deleteCount, len - start);
    Array* removed = vm.newArray(uint32_t(deleteCount));
    for (int64_t i = 0; i < deleteCount; ++i)
        removed->elements[i] = a->elements[start + i];
    removed->length = uint32_t(deleteCount);
    std::vector<Value> tail(a->elements + start + deleteCount, a->elements + len);
    uint32_t newLength = uint32_t(start + int64_t(items.size()) + int64_t(tail.size()));
    vm.arrayReserve(a, newLength);
    Value* e = a->elements;
    for (size_t i = 0; i < items.size(); ++i)
        e[start + int64_t(i)] = items[i];
    for (size_t i = 0; i < tail.size(); ++i)
        e[start + int64_t(items.size() + i)] = tail[i];
    a->length = newLength;
    return Value::object(removed);
}

Value arrConcat(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("concat");
    std::vector<Value> parts(args, args + argc);
    Array* out = vm.newArray(a->length);
    for (uint32_t i = 0; i < a->length; ++i)
        out->elements[i] = a->elements[i];
    out->length = a->length;
    for (Value p : parts) {
        if (isKind(p, ObjKind::Array)) {
            Array* src = as<Array>(p);
            vm.arrayReserve(out, out->length + src->length);
            for (uint32_t i = 0; i < src->length; ++i)
                out->elements[out->length++] = src->elements[i];
        } else {
            vm.arrayPush(out, p);
        }
    }
    return Value::object(out);
}

Value arrJoin(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("join");
    Value sep = arg(args, argc, 0);
    if (sep.isUndefined()) return arrayJoin(vm, a, ",");
    Value s = toStringValue(vm, sep);
    if (s.isException()) return s;
    Root keep(vm.heap, s);
    return arrayJoin(vm, a, asString(s)->view());
}

Value arrToString(VM& vm, Value thisValue, Value*, int) {
    THIS_ARRAY("toString");
    return arrayJoin(vm, a, ",");
}

Value arrReverse(VM& vm, Value thisValue, Value*, int) {
    THIS_ARRAY("reverse");
    if (a->length > 1) MUTATION(Assign, 0);
    std::reverse(a->elements, a->elements + a->length);
    return thisValue;
}

Value arrToReversed(VM& vm, Value thisValue, Value*, int) {
    THIS_ARRAY("toReversed");
    Array* out = vm.newArray(a->length);
    for (uint32_t i = 0; i < a->length; ++i)
        out->elements[i] = elementOrUndefined(a, a->length - 1 - i);
    out->length = a->length;
    return Value::object(out);
}

// Array.prototype.with: a copy with one element replaced (holes read as undefined).
Value arrWith(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("with");
    Value index = arg(args, argc, 0), v = arg(args, argc, 1);
    Root keepIndex(vm.heap, index);
    double rel;
    if (!toIntegerArg(vm, index, rel)) return Value::exception();
    int64_t len = a->length;
    double actual = rel >= 0 ? rel : double(len) + rel;
    if (actual < 0 || actual >= double(len))
        return vm.throwRangeError("Invalid index : " + vm.toStdString(keepIndex.value));
    Array* out = vm.newArray(uint32_t(len));
    for (int64_t i = 0; i < len; ++i)
        out->elements[i] = elementOrUndefined(a, uint32_t(i));
    out->elements[int64_t(actual)] = v;
    out->length = uint32_t(len);
    return Value::object(out);
}

// Array.prototype.toSpliced: splice's result array without changing this one.
Value arrToSpliced(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("toSpliced");
    std::vector<Value> items(args + std::min(argc, 2), args + argc);
    int64_t len = a->length, start;
    if (!relativeArg(vm, arg(args, argc, 0), len, 0, start)) return Value::exception();
    int64_t skip = 0;
    if (argc == 1) {
        skip = len - start;
    } else if (argc >= 2) {
        double d;
        if (!toIntegerArg(vm, args[1], d)) return Value::exception();
        skip = int64_t(std::clamp(d, 0.0, double(len - start)));
    }
    len = a->length;
    start = std::min(start, len);
    skip = std::min(skip, len - start);
    uint32_t newLength = uint32_t(len - skip + int64_t(items.size()));
    Array* out = vm.newArray(newLength);
    uint32_t k = 0;
    for (int64_t i = 0; i < start; ++i)
        out->elements[k++] = elementOrUndefined(a, uint32_t(i));
    for (Value item : items)
        out->elements[k++] = item;
    for (int64_t i = start + skip; i < len; ++i)
        out->elements[k++] = elementOrUndefined(a, uint32_t(i));
    out->length = k;
    return Value::object(out);
}

// Array.prototype.copyWithin(target, start, end): moves in place, overlaps included.
Value arrCopyWithin(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("copyWithin");
    MUTATION(Assign, 0);
    int64_t len = a->length, target, from, to;
    if (!relativeArg(vm, arg(args, argc, 0), len, 0, target)) return Value::exception();
    if (!relativeArg(vm, arg(args, argc, 1), len, 0, from)) return Value::exception();
    if (!relativeArg(vm, arg(args, argc, 2), len, len, to)) return Value::exception();
    len = a->length;
    target = std::min(target, len);
    from = std::min(from, len);
    to = std::min(to, len);
    int64_t count = std::min(to - from, len - target);
    if (count > 0)
        std::memmove(a->elements + target, a->elements + from, size_t(count) * sizeof(Value));
    return thisValue;
}

Value arrFill(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("fill");
    MUTATION(Assign, 0);
    Value v = arg(args, argc, 0);
    int64_t len = a->length, from, to;
    if (!relativeArg(vm, arg(args, argc, 1), len, 0, from)) return Value::exception();
    if (!relativeArg(vm, arg(args, argc, 2), len, len, to)) return Value::exception();
    to = std::min<int64_t>(to, a->length);
    for (int64_t i = from; i < to; ++i)
        a->elements[i] = v;
    return thisValue;
}

Value arrAt(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("at");
    double rel;
    if (!toIntegerArg(vm, arg(args, argc, 0), rel)) return Value::exception();
    double k = rel >= 0 ? rel : double(a->length) + rel;
    if (k < 0 || k >= double(a->length)) return Value::undefined();
    return elementOrUndefined(a, uint32_t(k));
}

// ---- searching

Value arrIndexOf(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("indexOf");
    Value target = arg(args, argc, 0);
    int64_t len = a->length, from;
    if (!relativeArg(vm, arg(args, argc, 1), len, 0, from)) return Value::exception();
    for (int64_t i = from; i < int64_t(a->length); ++i)
        if (!a->elements[i].isEmpty() && vm.strictEquals(a->elements[i], target))
            return Value::number(double(i));
    return Value::integer(-1);
}

Value arrLastIndexOf(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("lastIndexOf");
    Value target = arg(args, argc, 0);
    int64_t len = a->length;
    int64_t from = len - 1;
    if (argc > 1) {
        double d;
        if (!toIntegerArg(vm, args[1], d)) return Value::exception();
        from = d >= 0 ? int64_t(std::min(d, double(len - 1))) : int64_t(double(len) + d);
    }
    for (int64_t i = std::min<int64_t>(from, int64_t(a->length) - 1); i >= 0; --i)
        if (!a->elements[i].isEmpty() && vm.strictEquals(a->elements[i], target))
            return Value::number(double(i));
    return Value::integer(-1);
}

Value arrIncludes(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("includes");
    Value target = arg(args, argc, 0);
    int64_t len = a->length, from;
    if (!relativeArg(vm, arg(args, argc, 1), len, 0, from)) return Value::exception();
    for (int64_t i = from; i < int64_t(a->length); ++i)
        if (vm.sameValueZero(elementOrUndefined(a, uint32_t(i)), target))
            return Value::boolean(true);
    return Value::boolean(false);
}

// ---- the methods that call back: native halves of hosted methods (hosted_methods.h)
//
// Each checks `this` and the callback as node does. A leaf callback (isLeafFunction: it can
// neither call, loop nor suspend) is called from here, as a nested loop that ends quickly:
// the hosted body's frame would cost about 1.6 times as much per call and buy nothing, since
// such a callback never blocks, switches or reaches a DSU safe point. Any other callback
// gets the hosted body (Value::empty()), with a thisArg bound into it. The loop here has the
// hosted body's semantics (internal/builtins_array.js).

enum class Each { ForEach, Map, Filter, FlatMap, Some, Every, Find, FindIndex, FindLast, FindLastIndex };

Value leafLoop(VM& vm, Each each, Array* a, Value thisValue, Value fn, Value thisArg) {
    uint32_t len = a->length;
    Root out(vm.heap);
    if (each == Each::Map) {
        Array* o = vm.newArray(len);
        out.set(Value::object(o));
        vm.arraySetLength(o, len);
    } else if (each == Each::Filter || each == Each::FlatMap) {
        out.set(Value::object(vm.newArray()));
    }
    bool fromEnd = each == Each::FindLast || each == Each::FindLastIndex;
    bool visitsHoles = each == Each::Find || each == Each::FindIndex || fromEnd;
    for (uint32_t step = 0; step < len; ++step) {
        uint32_t i = fromEnd ? len - 1 - step : step;
        Root v(vm.heap);
        if (i < a->length && !a->elements[i].isEmpty())
            v.set(a->elements[i]);
        else if (!visitsHoles)
            continue;
        Value callArgs[3] = {v.value, Value::number(double(i)), thisValue};
        Root r(vm.heap, vm.call(fn, thisArg, callArgs, 3));
        if (r.value.isException()) return r.value;
        bool yes = VM::truthy(r.value);
        switch (each) {
        case Each::ForEach: break;
        case Each::Map: as<Array>(out.value)->elements[i] = r.value; break;
        case Each::Filter:
            if (yes) vm.arrayPush(as<Array>(out.value), v.value);
            break;
        case Each::FlatMap:
            if (!isKind(r.value, ObjKind::Array)) {
                vm.arrayPush(as<Array>(out.value), r.value);
                break;
            }
            for (uint32_t j = 0; j < as<Array>(r.value)->length; ++j)
                if (Value w = as<Array>(r.value)->elements[j]; !w.isEmpty())
                    vm.arrayPush(as<Array>(out.value), w);
            break;
        case Each::Some:
            if (yes) return Value::boolean(true);
            break;
        case Each::Every:
            if (!yes) return Value::boolean(false);
            break;
        case Each::Find:
        case Each::FindLast:
            if (yes) return v.value;
            break;
        case Each::FindIndex:
        case Each::FindLastIndex:
            if (yes) return Value::number(double(i));
            break;
        }
    }
    switch (each) {
    case Each::Map:
    case Each::Filter:
    case Each::FlatMap: return out.value;
    case Each::Some: return Value::boolean(false);
    case Each::Every: return Value::boolean(true);
    case Each::FindIndex:
    case Each::FindLastIndex: return Value::integer(-1);
    default: return Value::undefined();
    }
}

Value callbackGate(VM& vm, Value thisValue, Value* args, int argc, const char* method, Each each) {
    THIS_ARRAY(method);
    CALLBACK_ARG(fn, 0);
    if (isLeafFunction(fn)) return leafLoop(vm, each, a, thisValue, fn, arg(args, argc, 1));
    bindThisInto(vm, &args[0], arg(args, argc, 1));
    return Value::empty();
}

#define CALLBACK_GATE(function, method, each)                                                      \
    Value function(VM& vm, Value thisValue, Value* args, int argc) {                               \
        return callbackGate(vm, thisValue, args, argc, method, Each::each);                        \
    }

CALLBACK_GATE(arrFind, "find", Find)
CALLBACK_GATE(arrFindIndex, "findIndex", FindIndex)
CALLBACK_GATE(arrFindLast, "findLast", FindLast)
CALLBACK_GATE(arrFindLastIndex, "findLastIndex", FindLastIndex)
CALLBACK_GATE(arrForEach, "forEach", ForEach)
CALLBACK_GATE(arrMap, "map", Map)
CALLBACK_GATE(arrFilter, "filter", Filter)
CALLBACK_GATE(arrSome, "some", Some)
CALLBACK_GATE(arrEvery, "every", Every)
CALLBACK_GATE(arrFlatMap, "flatMap", FlatMap)

// reduce's second argument is the initial value, not a thisArg.
Value reduceGate(VM& vm, Value thisValue, Value* args, int argc, bool fromRight) {
    THIS_ARRAY(fromRight ? "reduceRight" : "reduce");
    CALLBACK_ARG(fn, 0);
    if (!isLeafFunction(fn)) return Value::empty();
    int64_t len = a->length;
    int64_t k = fromRight ? len - 1 : 0;
    int64_t step = fromRight ? -1 : 1;
    auto present = [&](int64_t i) { return i < a->length && !a->elements[i].isEmpty(); };
    Root acc(vm.heap);
    if (argc >= 2) {
        acc.set(args[1]);
    } else {
        while (k >= 0 && k < len && !present(k))
            k += step;
        if (k < 0 || k >= len)
            return vm.throwTypeError("Reduce of empty array with no initial value");
        acc.set(a->elements[k]);
        k += step;
    }
    for (; k >= 0 && k < len; k += step) {
        if (!present(k)) continue;
        Value callArgs[4] = {acc.value, a->elements[k], Value::number(double(k)), thisValue};
        Value r = vm.call(fn, Value::undefined(), callArgs, 4);
        if (r.isException()) return r;
        acc.set(r);
    }
    return acc.value;
}

Value arrReduce(VM& vm, Value t, Value* args, int argc) {
    return reduceGate(vm, t, args, argc, false);
}
Value arrReduceRight(VM& vm, Value t, Value* args, int argc) {
    return reduceGate(vm, t, args, argc, true);
}

// ---- flattening

void flattenInto(VM& vm, Array* out, Array* src, double depth) {
    for (uint32_t i = 0; i < src->length; ++i) {
        Value v = src->elements[i];
        if (v.isEmpty()) continue;
        if (depth >= 1 && isKind(v, ObjKind::Array))
            flattenInto(vm, out, as<Array>(v), depth - 1);
        else
            vm.arrayPush(out, v);
    }
}

Value arrFlat(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("flat");
    double depth = 1;
    if (!arg(args, argc, 0).isUndefined() && !toIntegerArg(vm, args[0], depth))
        return Value::exception();
    Array* out = vm.newArray();
    flattenInto(vm, out, a, depth);
    return Value::object(out);
}

// ---- sorting

// Stable merge sort of `order` (indices into `items`); `less(x, y)` may fail (exception).
template<typename Less> bool mergeSort(std::vector<uint32_t>& order, Less less) {
    std::vector<uint32_t> buffer(order.size());
    for (size_t width = 1; width < order.size(); width *= 2) {
        for (size_t lo = 0; lo < order.size(); lo += 2 * width) {
            size_t mid = std::min(lo + width, order.size());
            size_t hi = std::min(lo + 2 * width, order.size());
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                int r = less(order[j], order[i]); // take from the right only if strictly less
                if (r < 0) return false;
                buffer[k++] = r ? order[j++] : order[i++];
            }
            while (i < mid)
                buffer[k++] = order[i++];
            while (j < hi)
                buffer[k++] = order[j++];
        }
        order.swap(buffer);
    }
    return true;
}

// V8's TimSort for fewer than 64 elements, where it is one run: CountAndMakeRun (an
// ascending or strictly descending prefix, reversed if descending) extended by binary
// insertion. Reproducing it exactly (not just any stable sort) makes inconsistent
// comparators (`(a, b) => a > b`, NaN-producing ones) and comparators with side effects
// behave as in node. `less(x, y)` is compare(x, y) < 0; -1 reports an exception.
template<typename Less> bool smallTimSort(std::vector<uint32_t>& order, Less less) {
    size_t n = order.size();
    if (n < 2) return true;
    size_t run = 2;
    int r = less(order[1], order[0]);
    if (r < 0) return false;
    bool descending = r == 1;
    for (size_t i = 2; i < n; ++i) {
        r = less(order[i], order[i - 1]);
        if (r < 0) return false;
        if (descending ? r == 0 : r == 1) break;
        ++run;
    }
    if (descending) std::reverse(order.begin(), order.begin() + long(run));
    for (size_t start = run; start < n; ++start) {
        uint32_t pivot = order[start];
        size_t left = 0, right = start;
        while (left < right) {
            size_t mid = left + ((right - left) >> 1);
            r = less(pivot, order[mid]);
            if (r < 0) return false;
            if (r == 1)
                right = mid;
            else
                left = mid + 1;
        }
        for (size_t k = start; k > left; --k)
            order[k] = order[k - 1];
        order[left] = pivot;
    }
    return true;
}

// Small arrays sort exactly as V8 does; larger ones with a stable merge sort, which gives
// V8's result whenever the comparator is consistent.
template<typename Less> bool stableSort(std::vector<uint32_t>& order, Less less) {
    if (order.size() < 64) return smallTimSort(order, less);
    return mergeSort(order, less);
}

// Up to this many elements, a leaf comparator (isLeafFunction) is called from here; a longer
// sort, or any other comparator, is the hosted body's (its calls are frames of the thread).
constexpr uint32_t kNativeComparatorSortLimit = 131072;

bool nativeSort(Array* a, Value comparator) {
    return comparator.isUndefined() ||
           (a->length <= kNativeComparatorSortLimit && isLeafFunction(comparator));
}

// Sorts a's defined values by their strings, or with a leaf comparator (otherwise the hosted
// body sorts, with the same algorithms); returns them with a's undefineds after them.
Value sortedValues(VM& vm, Array* a, Value comparator) {
    Array* items = vm.newArray(a->length);
    Root keep(vm.heap, Value::object(items));
    uint32_t undefinedCount = 0;
    for (uint32_t i = 0; i < a->length; ++i) {
        Value v = a->elements[i];
        if (v.isEmpty()) continue;
        if (v.isUndefined())
            undefinedCount++;
        else
            vm.arrayPush(items, v);
    }
    std::vector<uint32_t> order(items->length);
    for (uint32_t i = 0; i < items->length; ++i)
        order[i] = i;
    bool ok;
    if (comparator.isUndefined()) {
        std::vector<std::u16string> keys(items->length);
        for (uint32_t i = 0; i < items->length; ++i) {
            Value v = items->elements[i];
            if (isString(v)) {
                keys[i] = utf8ToUtf16(asString(v)->view());
            } else if (v.isNumber()) {
                std::string s = VM::numberToString(v.asNumber());
                keys[i].assign(s.begin(), s.end());
            } else {
                Value s = vm.toString(v);
                if (s.isException()) return s;
                keys[i] = utf8ToUtf16(asString(s)->view());
            }
        }
        ok = stableSort(order, [&](uint32_t x, uint32_t y) { return keys[x] < keys[y] ? 1 : 0; });
    } else {
        ok = stableSort(order, [&](uint32_t x, uint32_t y) -> int {
            Value callArgs[2] = {items->elements[x], items->elements[y]};
            Value r = vm.call(comparator, Value::undefined(), callArgs, 2);
            if (r.isException()) return -1;
            Value n = vm.toPrimitiveNumber(r);
            if (n.isException()) return -1;
            return n.asNumber() < 0 ? 1 : 0;
        });
    }
    if (!ok) return Value::exception();
    Array* out = vm.newArray(items->length + undefinedCount);
    for (uint32_t i = 0; i < items->length; ++i)
        out->elements[i] = items->elements[order[i]];
    for (uint32_t i = 0; i < undefinedCount; ++i)
        out->elements[items->length + i] = Value::undefined();
    out->length = items->length + undefinedCount;
    return Value::object(out);
}

bool validComparator(VM& vm, Value c) {
    if (c.isUndefined() || isCallableValue(c)) return true;
    vm.throwTypeError("The comparison function must be either a function or undefined");
    return false;
}

// sort and toSorted with a comparator are hosted (its calls are frames of the thread), but
// for a short array and a leaf comparator (nativeSort).
Value arrSort(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("sort");
    if (a->length > 1) MUTATION(Assign, 0);
    Value comparator = arg(args, argc, 0);
    if (!validComparator(vm, comparator)) return Value::exception();
    if (!nativeSort(a, comparator)) return Value::empty();
    Value sorted = sortedValues(vm, a, comparator);
    if (sorted.isException()) return sorted;
    Array* s = as<Array>(sorted);
    uint32_t total = std::max(a->length, s->length);
    if (a->length < total) vm.arraySetLength(a, total);
    for (uint32_t i = 0; i < total; ++i)
        a->elements[i] = i < s->length ? s->elements[i] : Value::empty();
    return thisValue;
}

Value arrToSorted(VM& vm, Value thisValue, Value* args, int argc) {
    THIS_ARRAY("toSorted");
    Value comparator = arg(args, argc, 0);
    if (!validComparator(vm, comparator)) return Value::exception();
    if (!nativeSort(a, comparator)) return Value::empty();
    uint32_t len = a->length;
    Value sorted = sortedValues(vm, a, comparator);
    if (sorted.isException()) return sorted;
    Array* s = as<Array>(sorted);
    while (s->length < len)
        vm.arrayPush(s, Value::undefined()); // holes read as undefined
    return sorted;
}

// ---- iterators

Value arrKeys(VM& vm, Value thisValue, Value*, int) {
    THIS_ARRAY("keys");
    return Value::object(vm.newIterator(thisValue, IterKind::ArrayKeys));
}

Value arrValues(VM& vm, Value thisValue, Value*, int) {
    THIS_ARRAY("values");
    return Value::object(vm.newIterator(thisValue, IterKind::ArrayValues));
}

Value arrEntries(VM& vm, Value thisValue, Value*, int) {
    THIS_ARRAY("entries");
    return Value::object(vm.newIterator(thisValue, IterKind::ArrayEntries));
}

// ---- statics and construction

Value arrayFromArgs(VM& vm, Class* cls, Value* args, int argc) {
    if (argc == 1 && args[0].isNumber()) {
        double n = args[0].asNumber();
        if (!(n >= 0 && n <= 4294967295.0 && n == std::floor(n)))
            return vm.throwRangeError("Invalid array length");
        Array* out = vm.newArray();
        vm.arraySetLength(out, uint32_t(n));
        if (cls) out->klass = cls;
        return Value::object(out);
    }
    Array* out = vm.newArray(uint32_t(argc));
    for (int i = 0; i < argc; ++i)
        out->elements[i] = args[i];
    out->length = uint32_t(argc);
    if (cls) out->klass = cls;
    return Value::object(out);
}

Value arrayConstruct(VM& vm, Class* cls, Value* args, int argc) {
    return arrayFromArgs(vm, cls, args, argc);
}

Value arrayCall(VM& vm, Value, Value* args, int argc) {
    return arrayFromArgs(vm, nullptr, args, argc);
}

Value arrayIsArray(VM&, Value, Value* args, int argc) {
    return Value::boolean(isKind(arg(args, argc, 0), ObjKind::Array));
}

Value arrayOf(VM& vm, Value, Value* args, int argc) {
    Array* out = vm.newArray(uint32_t(argc));
    for (int i = 0; i < argc; ++i)
        out->elements[i] = args[i];
    out->length = uint32_t(argc);
    return Value::object(out);
}

// Array.from: an iterable's values, or an array-like's (anything with a `length`). A leaf map
// function is called from here; any other's calls are hosted (hosted_methods.h): the body
// walks an iterable itself, so its steps and the calls interleave as the spec says, and an
// array-like's values are read here first and the body maps that array. A null source
// throws here, before any call.
Value arrayFrom(VM& vm, Value, Value* args, int argc) {
    Value source = arg(args, argc, 0);
    Value mapFn = arg(args, argc, 1);
    if (!mapFn.isUndefined() && !isCallableValue(mapFn)) return throwNotAFunction(vm, mapFn);
    bool mapped = !mapFn.isUndefined() && !source.isNullish();
    // A leaf map function (isLeafFunction) is called from here, as the other methods do.
    bool callHere = mapped && isLeafFunction(mapFn);
    Value thisArg = arg(args, argc, 2);
    if (mapped && !callHere) bindThisInto(vm, &args[1], thisArg);
    bool iterable = source.isObject() &&
                    (isString(source) || isKind(source, ObjKind::Array) ||
                     isKind(source, ObjKind::Map) || isKind(source, ObjKind::Set) ||
                     isKind(source, ObjKind::Iterator) || isKind(source, ObjKind::Generator));
    if (!iterable && source.isObject() && !isSymbol(source)) {
        // A user iterable: it has a [Symbol.iterator] method.
        Value method = vm.getProperty(source, vm.symbols.iterator);
        if (method.isException()) return method;
        iterable = !method.isNullish();
    }
    if (mapped && iterable && !callHere) return Value::empty();
    if (iterable) {
        // A generator or user iterable is walked by the body (its code runs as frames).
        int hosted = hostedIterable(vm, source);
        if (hosted < 0) return Value::exception();
        if (hosted > 0) {
            if (callHere) bindThisInto(vm, &args[1], thisArg);
            return Value::empty();
        }
    }
    Array* out = vm.newArray();
    Root keep(vm.heap, Value::object(out));
    auto add = [&](Value v) -> bool {
        if (callHere) {
            Value callArgs[2] = {v, Value::number(double(out->length))};
            v = vm.call(mapFn, thisArg, callArgs, 2);
            if (v.isException()) return false;
        }
        vm.arrayPush(out, v);
        return true;
    };
    if (iterable || source.isNullish()) {
        if (!forEachIterable(vm, source, add)) return Value::exception();
        return keep.value;
    }
    if (source.isObject()) {
        Value lenValue = vm.getProperty(source, vm.names.length);
        if (lenValue.isException()) return lenValue;
        Value lenNumber = vm.toPrimitiveNumber(lenValue);
        if (lenNumber.isException()) return lenNumber;
        double len = lenNumber.asNumber();
        len = len != len || len < 0 ? 0 : std::min(std::trunc(len), 4294967295.0);
        vm.arrayReserve(out, uint32_t(std::min(len, 1.0e6)));
        for (uint32_t i = 0; i < uint32_t(len); ++i) {
            // A record without integer-like keys ({length: n}) has no elements to read.
            bool hole = isKind(source, ObjKind::Record) && as<Record>(source)->intPrefix == 0;
            Value v = hole ? Value::undefined() : vm.getIndex(source, Value::number(double(i)));
            if (v.isException()) return v;
            if (!add(v)) return Value::exception();
        }
    }
    if (!mapped || callHere) return keep.value;
    args[0] = keep.value; // the body maps the values (the stack slot keeps them alive)
    return Value::empty();
}

} // namespace

// The modules of the hosted methods' bodies (hosted_methods.h).
constexpr std::string_view kIterationBodies = "internal/builtins_array";
constexpr std::string_view kSortBodies = "internal/builtins_sort";

void installArrayBuiltins(VM& vm) {
    Class* c = vm.arrayClass;
    c->nativeConstruct = arrayConstruct;
    vm.defineGetter(c, "length", arrLength);
    vm.defineMethod(c, "push", arrPush, 1);
    vm.defineMethod(c, "pop", arrPop, 0);
    vm.defineMethod(c, "shift", arrShift, 0);
    vm.defineMethod(c, "unshift", arrUnshift, 1);
    vm.defineMethod(c, "slice", arrSlice, 2);
    vm.defineMethod(c, "splice", arrSplice, 2);
    vm.defineMethod(c, "concat", arrConcat, 1);
    vm.defineMethod(c, "join", arrJoin, 1);
    vm.defineMethod(c, "toString", arrToString, 0);
    vm.defineMethod(c, "reverse", arrReverse, 0);
    vm.defineMethod(c, "toReversed", arrToReversed, 0);
    vm.defineMethod(c, "with", arrWith, 2);
    vm.defineMethod(c, "toSpliced", arrToSpliced, 2);
    vm.defineMethod(c, "copyWithin", arrCopyWithin, 2);
    vm.defineMethod(c, "indexOf", arrIndexOf, 1);
    vm.defineMethod(c, "lastIndexOf", arrLastIndexOf, 1);
    vm.defineMethod(c, "includes", arrIncludes, 1);
    defineHostedMethod(vm, c, "find", arrFind, 1, kIterationBodies);
    defineHostedMethod(vm, c, "findIndex", arrFindIndex, 1, kIterationBodies);
    defineHostedMethod(vm, c, "findLast", arrFindLast, 1, kIterationBodies);
    defineHostedMethod(vm, c, "findLastIndex", arrFindLastIndex, 1, kIterationBodies);
    defineHostedMethod(vm, c, "filter", arrFilter, 1, kIterationBodies);
    defineHostedMethod(vm, c, "map", arrMap, 1, kIterationBodies);
    defineHostedMethod(vm, c, "forEach", arrForEach, 1, kIterationBodies);
    defineHostedMethod(vm, c, "reduce", arrReduce, 1, kIterationBodies);
    defineHostedMethod(vm, c, "reduceRight", arrReduceRight, 1, kIterationBodies);
    defineHostedMethod(vm, c, "some", arrSome, 1, kIterationBodies);
    defineHostedMethod(vm, c, "every", arrEvery, 1, kIterationBodies);
    defineHostedMethod(vm, c, "sort", arrSort, 1, kSortBodies);
    defineHostedMethod(vm, c, "toSorted", arrToSorted, 1, kSortBodies);
    vm.defineMethod(c, "fill", arrFill, 1);
    vm.defineMethod(c, "flat", arrFlat, 0);
    defineHostedMethod(vm, c, "flatMap", arrFlatMap, 1, kIterationBodies);
    vm.defineMethod(c, "at", arrAt, 1);
    vm.defineMethod(c, "keys", arrKeys, 0);
    vm.defineMethod(c, "values", arrValues, 0);
    vm.defineMethod(c, "entries", arrEntries, 0);
    vm.defineStaticMethod(c, "isArray", arrayIsArray, 1);
    vm.defineStaticMethod(c, "of", arrayOf, 0);
    defineHostedMethod(vm, c, "from", arrayFrom, 1, kIterationBodies, true);
    vm.defineStaticMethod(c, "call", arrayCall, 1);
}

} // namespace molt
