// builtins_intl.cpp — the `Intl` namespace: DateTimeFormat, NumberFormat and Collator.
//
// A formatter keeps the locales and options it was created with in two private fields
// and formats through intl.cpp on each call, so it holds no ICU object the collector
// would have to finalize. The options are read again per call: a program that mutates the
// options record after construction sees the change, where node would not.
#include "runtime/core/private_name.h"
#include "runtime/lib/date_time.h"
#include "runtime/lib/intl.h"
#include "runtime/lib/natives.h"

#include <cmath>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace molt {

namespace {

constexpr uint32_t kLocalesSlot = 0, kOptionsSlot = 1;

Class* formatterClass(VM& vm, Class* intl, const char* name, NativeFn construct) {
    Class* c = vm.newBuiltinClass(name);
    for (const char* f : {"#locales", "#options"}) {
        String* n = vm.intern(PrivateName::encode(f, name));
        c->slotOf[n] = uint32_t(c->fields.size());
        c->fields.push_back(n);
    }
    c->constructor = Value::object(vm.newNative(name, construct, 2));
    vm.defineStaticValue(intl, name, Value::object(c));
    return c;
}

Value storeArguments(VM&, Value thisValue, Value* args, int argc) {
    if (!isKind(thisValue, ObjKind::Instance)) return Value::undefined();
    auto* in = as<Instance>(thisValue);
    in->slots[kLocalesSlot] = arg(args, argc, 0);
    in->slots[kOptionsSlot] = arg(args, argc, 1);
    return Value::undefined();
}

// Intl.X(...) without `new` constructs, as the spec allows for these three.
Value constructWithoutNew(VM& vm, Value thisValue, Value* args, int argc) {
    return vm.construct(thisValue, args, argc);
}

Instance* thisFormatter(VM& vm, Value thisValue, const char* cls, const char* method) {
    if (isKind(thisValue, ObjKind::Instance) && thisValue.asObject()->klass->name &&
        thisValue.asObject()->klass->name->view() == cls)
        return as<Instance>(thisValue);
    vm.throwTypeError(std::string("Method Intl.") + cls + ".prototype." + method +
                      " called on incompatible receiver " + describeForError(vm, thisValue));
    return nullptr;
}

Value dateTimeFormatFormat(VM& vm, Value thisValue, Value* args, int argc) {
    Instance* f = thisFormatter(vm, thisValue, "DateTimeFormat", "format");
    if (!f) return Value::exception();
    Value when = arg(args, argc, 0);
    double t;
    if (when.isUndefined()) {
        t = date::now();
    } else if (isKind(when, ObjKind::Date)) {
        t = as<DateObj>(when)->time;
    } else {
        Value n = vm.toPrimitiveNumber(when);
        if (n.isException()) return n;
        t = n.asNumber();
    }
    if (!std::isfinite(t) || std::fabs(t) > 8.64e15)
        return vm.throwRangeError("Invalid time value");
    return intl::formatDate(vm, t, f->slots[kLocalesSlot], f->slots[kOptionsSlot],
                            intl::DateStyle::Date, "Intl.DateTimeFormat");
}

Value dateTimeFormatResolvedOptions(VM& vm, Value thisValue, Value*, int) {
    Instance* f = thisFormatter(vm, thisValue, "DateTimeFormat", "resolvedOptions");
    if (!f) return Value::exception();
    Value options = f->slots[kOptionsSlot];
    std::string zone;
    if (options.isObject() && !isString(options)) {
        Value z = vm.getProperty(options, vm.intern("timeZone"));
        if (z.isException()) return z;
        if (!z.isUndefined()) zone = vm.toStdString(z);
    }
    if (zone.empty()) {
        std::unique_ptr<icu::TimeZone> def(icu::TimeZone::createDefault());
        icu::UnicodeString id;
        def->getID(id);
        id.toUTF8String(zone);
        if (zone == "Etc/UTC" || zone == "Etc/GMT" || zone == "GMT") zone = "UTC";
    }
    Value locales = f->slots[kLocalesSlot];
    if (isKind(locales, ObjKind::Array))
        locales = as<Array>(locales)->length ? as<Array>(locales)->elements[0] : Value::undefined();
    std::string locale = isString(locales) ? std::string(asString(locales)->view()) : "en-US";
    Record* r = vm.newRecord();
    Root keep(vm.heap, Value::object(r));
    const std::pair<const char*, std::string> entries[] = {{"locale", locale},
                                                           {"calendar", "gregory"},
                                                           {"numberingSystem", "latn"},
                                                           {"timeZone", zone}};
    for (const auto& [k, v] : entries) {
        Value s = vm.str(v);
        Root keepValue(vm.heap, s);
        vm.recordSet(r, vm.intern(k), s);
    }
    return keep.value;
}

Value numberFormatFormat(VM& vm, Value thisValue, Value* args, int argc) {
    Instance* f = thisFormatter(vm, thisValue, "NumberFormat", "format");
    if (!f) return Value::exception();
    Value n = vm.toPrimitiveNumber(arg(args, argc, 0));
    if (n.isException()) return n;
    return intl::formatNumber(vm, n.asNumber(), f->slots[kLocalesSlot], f->slots[kOptionsSlot]);
}

Value collatorCompare(VM& vm, Value thisValue, Value* args, int argc) {
    Instance* f = thisFormatter(vm, thisValue, "Collator", "compare");
    if (!f) return Value::exception();
    Value a = toStringValue(vm, arg(args, argc, 0));
    if (a.isException()) return a;
    Root keep(vm.heap, a);
    Value b = toStringValue(vm, arg(args, argc, 1));
    if (b.isException()) return b;
    Root keepB(vm.heap, b);
    return intl::compareStrings(vm, asString(a)->view(), asString(b)->view(),
                                f->slots[kLocalesSlot], f->slots[kOptionsSlot]);
}

} // namespace

void installIntlBuiltins(VM& vm) {
    Class* intl = newNamespace(vm, "Intl");
    vm.defineGlobal("Intl", Value::object(intl));
    Class* dtf = formatterClass(vm, intl, "DateTimeFormat", storeArguments);
    vm.defineStaticMethod(dtf, "call", constructWithoutNew, 2);
    vm.defineMethod(dtf, "format", dateTimeFormatFormat, 1);
    vm.defineMethod(dtf, "resolvedOptions", dateTimeFormatResolvedOptions, 0);
    Class* nf = formatterClass(vm, intl, "NumberFormat", storeArguments);
    vm.defineStaticMethod(nf, "call", constructWithoutNew, 2);
    vm.defineMethod(nf, "format", numberFormatFormat, 1);
    Class* coll = formatterClass(vm, intl, "Collator", storeArguments);
    vm.defineStaticMethod(coll, "call", constructWithoutNew, 2);
    vm.defineMethod(coll, "compare", collatorCompare, 2);
}

} // namespace molt
