// symbols.cpp — making Symbol values, the Symbol.for registry, the well-known symbols and
// property keys (decision 0016). A symbol is laid out as a String (object.h), so once a key
// is a String* the tables need nothing else; this file is where values become such keys.
#include "runtime/core/vm.h"

#include <cstring>

namespace molt {

namespace {

// The well-known symbols: the description node prints, the spelling the DSU names a
// member keyed by one (`[Symbol.iterator]() {}` is `@@iterator`), and its slot in
// VM::WellKnownSymbols, in declaration order.
struct WellKnown {
    const char* property; // Symbol.<property>
    const char* spelling;
};
constexpr WellKnown kWellKnown[] = {
    {"iterator", "@@iterator"},       {"asyncIterator", "@@asyncIterator"},
    {"toPrimitive", "@@toPrimitive"}, {"hasInstance", "@@hasInstance"},
    {"toStringTag", "@@toStringTag"},
};
static_assert(sizeof(kWellKnown) / sizeof(kWellKnown[0]) ==
              sizeof(VM::WellKnownSymbols) / sizeof(Symbol*));

Symbol* allocSymbol(VM& vm, std::string_view text, Value description) {
    Root keep(vm.heap, description);
    auto* sym =
        vm.heap.allocate<Symbol>(ObjKind::Symbol, vm.symbolClass, sizeof(Symbol) + text.size() + 1);
    std::memcpy(sym->tail(), text.data(), text.size());
    sym->tail()[text.size()] = '\0';
    sym->chars = sym->tail();
    sym->length = uint32_t(text.size());
    sym->ascii = true;
    for (char c : text)
        if (uint8_t(c) >= 0x80) sym->ascii = false;
    sym->utf16Length = sym->length; // only ever read as a key's text, never indexed
    sym->interned = true;           // a key as it is: getProperty must not re-intern it
    sym->description = keep.value;
    return sym;
}

} // namespace

std::string VM::symbolDescriptiveString(const Symbol* s) {
    std::string text = "Symbol(";
    if (isString(s->description)) text += asString(s->description)->view();
    return text + ")";
}

Symbol* VM::newSymbol(Value description) {
    std::string text = "Symbol(";
    if (isString(description)) text += asString(description)->view();
    text += ")";
    return allocSymbol(*this, text, description);
}

Symbol* VM::registeredSymbol(String* key) {
    std::string k(key->view());
    auto it = symbolRegistry_.find(k);
    if (it != symbolRegistry_.end()) return it->second;
    Symbol* sym = newSymbol(Value::object(key));
    sym->flags |= kRegisteredSymbolFlag;
    symbolRegistry_.emplace(std::move(k), sym);
    return sym;
}

Symbol* VM::wellKnownSymbol(std::string_view spelling) const {
    if (spelling.size() < 3 || spelling[0] != '@' || spelling[1] != '@') return nullptr;
    Symbol* const* slots = reinterpret_cast<Symbol* const*>(&symbols);
    for (size_t i = 0; i < sizeof(kWellKnown) / sizeof(kWellKnown[0]); ++i)
        if (spelling == kWellKnown[i].spelling) return slots[i];
    return nullptr;
}

String* VM::memberKey(std::string_view name) {
    if (Symbol* s = wellKnownSymbol(name)) return s;
    return intern(name);
}

Value VM::toPropertyKey(Value key) {
    if (isSymbol(key)) return key;
    if (isString(key) && asString(key)->interned) return key;
    Value k = isString(key) ? key : toString(key);
    if (k.isException()) return k;
    Root keep(heap, k);
    return Value::object(intern(asString(k)->view()));
}

// Called by installSymbolBuiltins once symbolClass exists.
void makeWellKnownSymbols(VM& vm) {
    Symbol** slots = reinterpret_cast<Symbol**>(&vm.symbols);
    for (size_t i = 0; i < sizeof(kWellKnown) / sizeof(kWellKnown[0]); ++i) {
        std::string description = std::string("Symbol.") + kWellKnown[i].property;
        Value d = vm.istr(description);
        Root keep(vm.heap, d);
        slots[i] = allocSymbol(vm, kWellKnown[i].spelling, d);
        vm.defineStaticValue(vm.symbolClass, kWellKnown[i].property, Value::object(slots[i]));
    }
}

} // namespace molt
