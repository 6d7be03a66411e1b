#include "dsu/commit/policy.h"

namespace molt::dsu {

std::string FieldPolicy::describe(VM& vm) const {
    switch (kind) {
    case Kind::KeepByName: return "keep";
    case Kind::Rename: return "rename from " + from;
    case Kind::Constant: return "constant " + vm.inspect(value);
    case Kind::Initializer: return "initializer";
    case Kind::Computed: return "computed";
    }
    return "?";
}

} // namespace molt::dsu
