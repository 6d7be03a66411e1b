// Disassembly of FunctionProto bytecode, driven by the operand table in opcodes.h.
#include "runtime/compiler/compiler.h"
#include "runtime/bytecode/opcodes.h"

#include <cstdio>

namespace molt {

static void disassembleOne(const FunctionProto* p, std::string& out, int depth) {
    std::string indent(size_t(depth) * 2, ' ');
    out += indent + "== " + std::string(p->name ? p->name->view() : "?") + " (params " +
           std::to_string(p->numParams) + ", locals " + std::to_string(p->maxLocals) + ") ==\n";
    const auto& code = p->code;
    std::vector<const FunctionProto*> nested;
    for (size_t pc = 0; pc < code.size();) {
        auto op = Op(code[pc]);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%5zu  ", pc);
        out += indent + buf + opName(op);
        size_t at = pc + 1;
        for (const char* o = opOperands(op); *o; ++o) {
            if (*o == 'b') {
                out += " " + std::to_string(code[at]);
                at += 1;
            } else if (*o == 'w') {
                uint16_t w = uint16_t(code[at] | (code[at + 1] << 8));
                out += " " + std::to_string(w);
                if ((op == Op::Const || op == Op::Closure) && w < p->constants.size()) {
                    Value k = p->constants[w];
                    if (isString(k)) out += " \"" + std::string(asString(k)->view()) + "\"";
                    if (isKind(k, ObjKind::FunctionProto)) nested.push_back(as<FunctionProto>(k));
                }
                at += 2;
            } else {
                uint32_t j = uint32_t(code[at] | (code[at + 1] << 8) | (code[at + 2] << 16) |
                                      (uint32_t(code[at + 3]) << 24));
                out += " ->" + std::to_string(j);
                at += 4;
            }
        }
        out += "\n";
        pc += size_t(opLength(op));
    }
    for (const FunctionProto* n : nested)
        disassembleOne(n, out, depth + 1);
}

std::string disassemble(const FunctionProto* proto) {
    std::string out;
    disassembleOne(proto, out, 0);
    return out;
}

} // namespace molt
