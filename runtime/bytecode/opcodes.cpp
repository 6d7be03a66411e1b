// The opcode tables' names and operand shapes, generated from MOLT_OPCODES (opcodes.h),
// for the disassembler and the interpreter's instruction lengths.
#include "runtime/bytecode/opcodes.h"

#include <cstddef>

namespace molt {

static const char* const kOpNames[] = {
#define MOLT_OP_NAME(name, operands, desc) #name,
    MOLT_OPCODES(MOLT_OP_NAME)
#undef MOLT_OP_NAME
};
static const char* const kOpOperands[] = {
#define MOLT_OP_OPERANDS(name, operands, desc) operands,
    MOLT_OPCODES(MOLT_OP_OPERANDS)
#undef MOLT_OP_OPERANDS
};

const char* opName(Op op) {
    return kOpNames[size_t(op)];
}
const char* opOperands(Op op) {
    return kOpOperands[size_t(op)];
}
int opLength(Op op) {
    int n = 1;
    for (const char* p = kOpOperands[size_t(op)]; *p; ++p)
        n += *p == 'b' ? 1 : *p == 'w' ? 2 : 4;
    return n;
}

} // namespace molt
