#include "runtime/compiler/compiler_internal.h"
#include "runtime/core/assert.h"
#include "runtime/lib/regexp.h"
#include "runtime/core/private_name.h"
#include "runtime/core/utf8.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace molt {

TSNode Compiler::unparen(TSNode n) {
    while (is(n, "parenthesized_expression")) {
        std::vector<TSNode> cs = namedChildren(n);
        if (cs.size() != 1 || is(cs[0], "sequence_expression")) break;
        n = cs[0];
    }
    return n;
}

static void decodeEscape(std::string_view esc, std::string& out) {
    // esc starts with a backslash.
    if (esc.size() < 2) return;
    char c = esc[1];
    switch (c) {
    case 'n': out += '\n'; return;
    case 't': out += '\t'; return;
    case 'r': out += '\r'; return;
    case 'b': out += '\b'; return;
    case 'f': out += '\f'; return;
    case 'v': out += '\v'; return;
    case '0':
        if (esc.size() == 2) {
            out += '\0';
            return;
        }
        break;
    case '\n': return; // line continuation
    case '\r': return;
    case 'x': {
        uint32_t v = uint32_t(std::strtoul(std::string(esc.substr(2, 2)).c_str(), nullptr, 16));
        appendUtf8(out, v);
        return;
    }
    case 'u': {
        uint32_t v;
        if (esc.size() > 2 && esc[2] == '{')
            v = uint32_t(
                std::strtoul(std::string(esc.substr(3, esc.size() - 4)).c_str(), nullptr, 16));
        else
            v = uint32_t(std::strtoul(std::string(esc.substr(2, 4)).c_str(), nullptr, 16));
        appendUtf8(out, v);
        return;
    }
    default: break;
    }
    out.append(esc.substr(1));
}

static std::string decodeStringParts(const SyntaxTree& tree, TSNode n) {
    std::string out;
    for (TSNode c : children(n)) {
        if (is(c, "string_fragment"))
            out.append(tree.text(c));
        else if (is(c, "escape_sequence"))
            decodeEscape(tree.text(c), out);
        else if (is(c, "html_character_reference"))
            out.append(tree.text(c));
    }
    return out;
}

// Joins the surrogate halves that \uD83D\uDE00 escapes produce into one UTF-8 sequence.
static std::string fixSurrogates(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        auto b = uint8_t(s[i]);
        if (b == 0xED && i + 5 < s.size() && (uint8_t(s[i + 1]) & 0xF0) == 0xA0 &&
            uint8_t(s[i + 3]) == 0xED && (uint8_t(s[i + 4]) & 0xF0) == 0xB0) {
            uint32_t hi = 0xD000 | ((uint8_t(s[i + 1]) & 0x3F) << 6) | (uint8_t(s[i + 2]) & 0x3F);
            uint32_t lo = 0xD000 | ((uint8_t(s[i + 4]) & 0x3F) << 6) | (uint8_t(s[i + 5]) & 0x3F);
            appendUtf8(out, 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
            i += 5;
            continue;
        }
        out += char(b);
    }
    return out;
}

std::string Compiler::stringLiteral(TSNode n) {
    return fixSurrogates(decodeStringParts(tree_, n));
}

double Compiler::numberLiteral(TSNode n) {
    std::string s;
    for (char c : text(n))
        if (c != '_') s += c;
    if (!s.empty() && s.back() == 'n') fail(n, "BigInt literals are not supported");
    auto radix = [&](int base) {
        double v = 0;
        for (size_t i = 2; i < s.size(); ++i) {
            char c = s[i];
            int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : 99;
            if (d >= base) fail(n, "invalid number literal");
            v = v * base + d;
        }
        return v;
    };
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) return radix(16);
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) return radix(8);
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) return radix(2);
    if (s.size() > 1 && s[0] == '0' && std::isdigit(uint8_t(s[1])))
        fail(n, "legacy octal literals are not supported");
    return std::strtod(s.c_str(), nullptr);
}

std::string Compiler::memberName(TSNode property) {
    if (is(property, "private_property_identifier")) {
        std::string name(text(property));
        for (size_t i = classes_.size(); i > 0; --i)
            if (classes_[i - 1] && classes_[i - 1]->privateNames.count(name))
                return PrivateName::encode(name, classes_[i - 1]->name);
        fail(property, "Private field '" + name + "' must be declared in an enclosing class");
    }
    return propertyKey(property);
}

std::string Compiler::propertyKey(TSNode key) {
    if (is(key, "string")) return stringLiteral(key);
    if (is(key, "number")) return VM::numberToString(numberLiteral(key));
    if (is(key, "computed_property_name")) {
        if (std::string spelling = symbolKeySpelling(tree_, key); !spelling.empty()) {
            if (!vm_.wellKnownSymbol(spelling))
                fail(key, std::string(text(key)) + " is not a well-known symbol Molt supports "
                                                   "(Symbol.iterator, Symbol.asyncIterator, "
                                                   "Symbol.toPrimitive, Symbol.hasInstance, "
                                                   "Symbol.toStringTag)");
            return spelling;
        }
        std::vector<TSNode> cs = namedChildren(key);
        if (cs.size() != 1 || !is(cs[0], "string"))
            fail(key, "computed member names are supported only with a string literal key "
                      "(`[\"name\"]() {}`) or a well-known symbol (`[Symbol.iterator]() {}`)");
        return stringLiteral(cs[0]);
    }
    return std::string(text(key));
}

// ---------------------------------------------------------------- expressions

void Compiler::compileExpression(TSNode n, Chain* chain) {
    std::string_view t = nodeType(n);
    if (t == "number") {
        double d = numberLiteral(n);
        if (d == std::floor(d) && d >= -32768 && d <= 32767 && !(d == 0 && std::signbit(d))) {
            emitOp(Op::Int, uint16_t(int16_t(d)));
        } else {
            emitOp(Op::Const, constant(Value::number(d)));
        }
    } else if (t == "string") {
        emitOp(Op::Const, stringConstant(stringLiteral(n)));
    } else if (t == "template_string") {
        compileTemplate(n);
    } else if (t == "true") {
        emit(Op::True);
    } else if (t == "false") {
        emit(Op::False);
    } else if (t == "null") {
        emit(Op::Null);
    } else if (t == "undefined") {
        emit(Op::Undefined);
    } else if (t == "identifier") {
        std::string name(text(n));
        if (name == "arguments" && resolveLocal(fn_, name) < 0 &&
            resolveUpvalue(fn_, name) < 0 && moduleSlot(name) < 0)
            fail(n, "arguments is only supported inside a non-arrow function's body");
        emitGetVariable(name, n);
    } else if (t == "this") {
        if (fn_->kind == FnKind::Arrow || fn_->kind == FnKind::Module) {
            if (fn_->kind == FnKind::Module)
                emitOp(Op::GetLocal, 0);
            else {
                int up = resolveUpvalue(fn_, "this");
                if (up < 0)
                    emit(Op::Undefined);
                else
                    emitOp(Op::GetUpvalue, uint16_t(up));
            }
        } else {
            emitOp(Op::GetLocal, 0);
        }
    } else if (t == "parenthesized_expression") {
        std::vector<TSNode> cs = namedChildren(n);
        compileExpression(cs[0]);
    } else if (t == "sequence_expression") {
        std::vector<TSNode> cs = namedChildren(n);
        for (size_t i = 0; i < cs.size(); ++i) {
            compileExpression(cs[i]);
            if (i + 1 < cs.size()) emit(Op::Pop);
        }
    } else if (t == "call_expression") {
        compileCall(n, chain);
    } else if (t == "new_expression") {
        compileNew(n);
    } else if (t == "member_expression") {
        compileMember(n, chain);
    } else if (t == "subscript_expression") {
        compileSubscript(n, chain);
    } else if (t == "assignment_expression") {
        compileAssignment(n);
    } else if (t == "augmented_assignment_expression") {
        compileAugmented(n);
    } else if (t == "update_expression") {
        compileUpdate(n);
    } else if (t == "binary_expression") {
        compileBinary(n);
    } else if (t == "unary_expression") {
        compileUnary(n);
    } else if (t == "ternary_expression") {
        compileExpression(field(n, "condition"));
        size_t elseJump = emitJump(Op::JumpIfFalse);
        compileExpression(field(n, "consequence"));
        size_t endJump = emitJump(Op::Jump);
        patchJump(elseJump);
        compileExpression(field(n, "alternative"));
        patchJump(endJump);
    } else if (t == "array") {
        compileArray(n);
    } else if (t == "object") {
        compileRecord(n);
    } else if (t == "arrow_function") {
        emitClosure(compileFunction(n, FnKind::Arrow, ""));
    } else if (t == "function_expression") {
        TSNode name = field(n, "name");
        emitClosure(compileFunction(n, FnKind::Function,
                                    ts_node_is_null(name) ? "" : std::string(text(name))));
    } else if (t == "class") {
        compileClass(n, "", false);
    } else if (t == "generator_function") {
        TSNode name = field(n, "name");
        emitClosure(compileFunction(n, FnKind::Function,
                                    ts_node_is_null(name) ? "" : std::string(text(name))));
    } else if (t == "yield_expression") {
        compileYield(n);
    } else if (t == "await_expression") {
        compileAwait(n);
    } else if (t == "regex") {
        compileRegExpLiteral(n);
    } else if (t == "super") {
        fail(n, "'super' keyword unexpected here");
    } else if (t == "meta_property") {
        if (text(n) != "new.target") fail(n, std::string(text(n)) + " is not supported");
        // The class `new` was applied to: a constructor's `this` is already an instance of
        // it (the instance exists before the constructors run), so it is `this`'s class.
        // Methods and functions cannot be called with `new` in Molt: undefined there.
        FunctionState* f = fn_;
        while (f && f->kind == FnKind::Arrow)
            f = f->enclosing;
        if (!f || f->kind != FnKind::Constructor) {
            emit(Op::Undefined);
        } else {
            if (fn_->kind == FnKind::Arrow) {
                int up = resolveUpvalue(fn_, "this");
                MOLT_ASSERT(up >= 0); // an arrow in a constructor captures its this
                emitOp(Op::GetUpvalue, uint16_t(up));
            } else {
                emitOp(Op::GetLocal, 0);
            }
            mark(n);
            emit(Op::GetProp);
            emitShort(stringConstant("constructor"));
            emitShort(newCache());
        }
    } else if (t == "spread_element") {
        fail(n, "spread is not supported here");
    } else {
        fail(n, std::string(t) + " is not supported");
    }
}

// A literal is checked (and its pattern compiled and cached) here, so an invalid one is a
// compile error at its position; each evaluation makes a new RegExp over that pattern.
void Compiler::compileRegExpLiteral(TSNode n) {
    TSNode pattern = field(n, "pattern"), flags = field(n, "flags");
    std::string_view patternText = ts_node_is_null(pattern) ? "" : text(pattern);
    std::string_view flagText = ts_node_is_null(flags) ? "" : text(flags);
    if (Result<void> ok = checkRegExpLiteral(vm_, patternText, flagText); !ok)
        fail(n, ok.error().message());
    mark(n);
    emit(Op::GetGlobal);
    emitShort(stringConstant("%RegExpLiteral"));
    emitShort(newCache());
    emit(Op::Undefined);
    emitOp(Op::Const, stringConstant(patternText));
    emitOp(Op::Const, stringConstant(flagText));
    emitCall(Op::Call, Op::CallSpread, false, 2);
}

void Compiler::compileTemplate(TSNode n) {
    int parts = 0;
    std::string pending;
    bool havePending = false;
    auto flush = [&]() {
        if (!havePending) return;
        emitOp(Op::Const, stringConstant(fixSurrogates(pending)));
        pending.clear();
        havePending = false;
        parts++;
    };
    for (TSNode c : children(n)) {
        if (is(c, "string_fragment")) {
            pending.append(text(c));
            havePending = true;
        } else if (is(c, "escape_sequence")) {
            decodeEscape(text(c), pending);
            havePending = true;
        } else if (is(c, "template_substitution")) {
            flush();
            compileExpression(namedChildren(c)[0]);
            parts++;
            if (parts == 255) fail(c, "template literal has too many parts");
        }
    }
    flush();
    if (parts == 0) {
        emitOp(Op::Const, stringConstant(""));
        return;
    }
    mark(n);
    emit(Op::Template);
    emitByte(uint8_t(parts));
}

void Compiler::compileAssignment(TSNode n) {
    TSNode left = unparen(field(n, "left"));
    refusePrototypeAssignment(left);
    TSNode right = field(n, "right");
    if (is(left, "identifier")) {
        std::string name(text(left));
        if (is(right, "arrow_function") || is(right, "function_expression")) {
            TSNode fname = field(right, "name");
            emitClosure(compileFunction(
                right, is(right, "arrow_function") ? FnKind::Arrow : FnKind::Function,
                ts_node_is_null(fname) ? name : std::string(text(fname))));
        } else {
            compileExpression(right);
        }
        emitSetVariable(name, left, false);
    } else if (is(left, "member_expression")) {
        TSNode object = field(left, "object");
        if (is(object, "super")) {
            emitSuperReceiver(n);
            compileExpression(right);
            mark(field(left, "property"));
            emitOp(Op::SetSuper, stringConstant(memberName(field(left, "property"))));
            return;
        }
        compileExpression(object);
        compileExpression(right);
        mark(field(left, "property"));
        emit(Op::SetProp);
        emitShort(stringConstant(memberName(field(left, "property"))));
        emitShort(newCache());
    } else if (is(left, "subscript_expression")) {
        // `super[k] = v` sets on `this` through the superclass's setters, as super.x = v does.
        bool super = is(field(left, "object"), "super");
        if (super)
            emitSuperReceiver(n);
        else
            compileExpression(field(left, "object"));
        compileExpression(field(left, "index"));
        compileExpression(right);
        mark(n);
        emit(super ? Op::SetSuperIndex : Op::SetIndex);
    } else if (is(left, "array_pattern") || is(left, "object_pattern")) {
        compileExpression(right);
        emit(Op::Dup);
        compileBinding(left, BindMode::Assign);
    } else {
        fail(left, "Invalid left-hand side in assignment");
    }
}

static Op binaryOp(std::string_view op) {
    if (op == "+") return Op::Add;
    if (op == "-") return Op::Sub;
    if (op == "*") return Op::Mul;
    if (op == "/") return Op::Div;
    if (op == "%") return Op::Mod;
    if (op == "**") return Op::Pow;
    if (op == "&") return Op::BitAnd;
    if (op == "|") return Op::BitOr;
    if (op == "^") return Op::BitXor;
    if (op == "<<") return Op::Shl;
    if (op == ">>") return Op::Shr;
    if (op == ">>>") return Op::UShr;
    if (op == "==") return Op::Eq;
    if (op == "!=") return Op::Ne;
    if (op == "===") return Op::StrictEq;
    if (op == "!==") return Op::StrictNe;
    if (op == "<") return Op::Lt;
    if (op == "<=") return Op::Le;
    if (op == ">") return Op::Gt;
    if (op == ">=") return Op::Ge;
    if (op == "instanceof") return Op::InstanceOf;
    if (op == "in") return Op::In;
    return Op::Nop;
}

void Compiler::compileAugmented(TSNode n) {
    TSNode left = unparen(field(n, "left"));
    refusePrototypeAssignment(left);
    std::string op(text(field(n, "operator")));
    std::string base = op.substr(0, op.size() - 1);
    bool logical = base == "&&" || base == "||" || base == "??";
    Op jumpOp = base == "&&"   ? Op::JumpIfFalseKeep
                : base == "||" ? Op::JumpIfTrueKeep
                               : Op::JumpIfNotNullishKeep;
    TSNode right = field(n, "right");

    if (is(left, "identifier")) {
        std::string name(text(left));
        emitGetVariable(name, left);
        if (logical) {
            size_t skip = emitJump(jumpOp);
            compileExpression(right);
            emitSetVariable(name, left, false);
            patchJump(skip);
        } else {
            compileExpression(right);
            mark(n);
            emit(binaryOp(base));
            emitSetVariable(name, left, false);
        }
    } else if (is(left, "member_expression")) {
        std::string name = memberName(field(left, "property"));
        uint16_t nameK = stringConstant(name);
        // `super.x += v` reads and writes as super.x
        bool super = is(field(left, "object"), "super");
        auto emitWrite = [&] {
            if (super) return emitOp(Op::SetSuper, nameK);
            emit(Op::SetProp);
            emitShort(nameK);
            emitShort(newCache());
        };
        if (super)
            emitSuperReceiver(n);
        else
            compileExpression(field(left, "object"));
        emit(Op::Dup);
        mark(field(left, "property"));
        if (super) {
            emitOp(Op::GetSuper, nameK);
        } else {
            emit(Op::GetProp);
            emitShort(nameK);
            emitShort(newCache());
        }
        if (logical) {
            size_t keep = emitJump(jumpOp);
            compileExpression(right);
            emitWrite();
            size_t done = emitJump(Op::Jump);
            patchJump(keep);
            emit(Op::Swap);
            emit(Op::Pop);
            patchJump(done);
        } else {
            compileExpression(right);
            mark(n);
            emit(binaryOp(base));
            emitWrite();
        }
    } else if (is(left, "subscript_expression")) {
        bool super = is(field(left, "object"), "super");
        if (super)
            emitSuperReceiver(n);
        else
            compileExpression(field(left, "object"));
        compileExpression(field(left, "index"));
        emit(Op::Dup2);
        mark(n);
        emit(super ? Op::GetSuperIndex : Op::GetIndex);
        Op write = super ? Op::SetSuperIndex : Op::SetIndex;
        if (logical) {
            size_t keep = emitJump(jumpOp);
            compileExpression(right);
            emit(write);
            size_t done = emitJump(Op::Jump);
            patchJump(keep);
            // obj key value -> value
            emit(Op::Rot3);
            emit(Op::Pop);
            emit(Op::Pop);
            patchJump(done);
        } else {
            compileExpression(right);
            emit(binaryOp(base));
            emit(write);
        }
    } else {
        fail(left, "Invalid left-hand side in assignment");
    }
}

bool Compiler::compileLocalStep(TSNode n) {
    if (!is(n, "update_expression")) return false;
    TSNode arg = unparen(field(n, "argument"));
    if (!is(arg, "identifier")) return false;
    int local = resolveLocal(fn_, std::string(text(arg)));
    if (local < 0 || fn_->locals[size_t(local)].isConst) return false; // const: the error path
    mark(n);
    emitOp(text(field(n, "operator")) == "++" ? Op::IncLocal : Op::DecLocal,
           fn_->locals[size_t(local)].slot);
    return true;
}

void Compiler::compileUpdate(TSNode n) {
    TSNode arg = unparen(field(n, "argument"));
    bool inc = text(field(n, "operator")) == "++";
    bool prefix = ts_node_start_byte(field(n, "operator")) < ts_node_start_byte(arg);
    Op step = inc ? Op::Inc : Op::Dec;
    mark(n);
    if (is(arg, "identifier")) {
        std::string name(text(arg));
        emitGetVariable(name, arg);
        if (prefix) {
            emit(step);
            emitSetVariable(name, arg, false);
        } else {
            emit(Op::ToNumber);
            emit(Op::Dup);
            emit(step);
            emitSetVariable(name, arg, false);
            emit(Op::Pop);
        }
    } else if (is(arg, "member_expression")) {
        uint16_t nameK = stringConstant(memberName(field(arg, "property")));
        // `super.x++` reads and writes as super.x (the receiver is `this`), like `super.x += 1`
        bool super = is(field(arg, "object"), "super");
        auto emitWrite = [&] {
            if (super) return emitOp(Op::SetSuper, nameK);
            emit(Op::SetProp);
            emitShort(nameK);
            emitShort(newCache());
        };
        if (super)
            emitSuperReceiver(n);
        else
            compileExpression(field(arg, "object"));
        emit(Op::Dup);
        if (super) {
            emitOp(Op::GetSuper, nameK);
        } else {
            emit(Op::GetProp);
            emitShort(nameK);
            emitShort(newCache());
        }
        if (prefix) {
            emit(step);
            emitWrite();
        } else {
            emit(Op::ToNumber);
            emit(Op::Dup);  // obj old old
            emit(Op::Rot3); // old obj old
            emit(step);     // old obj new
            emitWrite();
            emit(Op::Pop);
        }
    } else if (is(arg, "subscript_expression")) {
        bool super = is(field(arg, "object"), "super");
        if (super)
            emitSuperReceiver(n);
        else
            compileExpression(field(arg, "object"));
        compileExpression(field(arg, "index"));
        emit(Op::Dup2);
        emit(super ? Op::GetSuperIndex : Op::GetIndex);
        Op write = super ? Op::SetSuperIndex : Op::SetIndex;
        if (prefix) {
            emit(step);
            emit(write);
        } else {
            uint16_t tmp = hiddenLocal();
            emit(Op::ToNumber);
            emitOp(Op::SetLocal, tmp);
            emit(step);
            emit(write);
            emit(Op::Pop);
            emitOp(Op::GetLocal, tmp);
        }
    } else {
        fail(arg, "Invalid left-hand side expression in update operation");
    }
}

void Compiler::compileBinary(TSNode n) {
    std::string_view op = text(field(n, "operator"));
    TSNode left = field(n, "left");
    TSNode right = field(n, "right");
    if (op == "&&" || op == "||" || op == "??") {
        compileExpression(left);
        size_t skip = emitJump(op == "&&"   ? Op::JumpIfFalseKeep
                               : op == "||" ? Op::JumpIfTrueKeep
                                            : Op::JumpIfNotNullishKeep);
        compileExpression(right);
        patchJump(skip);
        return;
    }
    if (is(left, "private_property_identifier")) {
        // A brand check: whether `right` has this class's private field or method.
        std::string encoded = memberName(left);
        compileExpression(right);
        mark(n);
        emitOp(Op::HasPrivate, stringConstant(encoded));
        return;
    }
    compileExpression(left);
    compileExpression(right);
    Op o = binaryOp(op);
    if (o == Op::Nop) fail(n, "operator " + std::string(op) + " is not supported");
    mark(n);
    emit(o);
}

void Compiler::compileUnary(TSNode n) {
    std::string_view op = text(field(n, "operator"));
    TSNode arg = field(n, "argument");
    if (op == "typeof") {
        TSNode a = unparen(arg);
        if (is(a, "identifier")) {
            std::string name(text(a));
            if (resolveLocal(fn_, name) < 0 && resolveUpvalue(fn_, name) < 0 &&
                moduleSlot(name) < 0) {
                emit(Op::TypeofGlobal);
                emitShort(stringConstant(name));
                emitShort(newCache());
                return;
            }
        }
        compileExpression(arg);
        emit(Op::Typeof);
        return;
    }
    if (op == "delete") {
        TSNode a = unparen(arg);
        mark(n);
        if (is(a, "member_expression")) {
            compileExpression(field(a, "object"));
            emitOp(Op::DeleteProp, stringConstant(memberName(field(a, "property"))));
        } else if (is(a, "subscript_expression")) {
            compileExpression(field(a, "object"));
            compileExpression(field(a, "index"));
            emit(Op::DeleteIndex);
        } else {
            fail(n, "delete of an unqualified identifier is not supported");
        }
        return;
    }
    compileExpression(arg);
    mark(n);
    if (op == "!")
        emit(Op::Not);
    else if (op == "-")
        emit(Op::Neg);
    else if (op == "+")
        emit(Op::ToNumber);
    else if (op == "~")
        emit(Op::BitNot);
    else if (op == "void") {
        emit(Op::Pop);
        emit(Op::Undefined);
    } else
        fail(n, "operator " + std::string(op) + " is not supported");
}

void Compiler::compileArray(TSNode n) {
    // Holes are commas without an element between them.
    std::vector<TSNode> cs = children(n);
    bool simple = true;
    int count = 0;
    bool expecting = true;
    for (TSNode c : cs) {
        if (!ts_node_is_named(c)) {
            if (text(c) == ",") {
                if (expecting) simple = false;
                expecting = true;
            }
            continue;
        }
        if (is(c, "spread_element")) simple = false;
        count++;
        expecting = false;
    }
    if (simple && count <= 64) {
        for (TSNode c : cs)
            if (ts_node_is_named(c)) compileExpression(c);
        emit(Op::Array);
        emitByte(uint8_t(count));
        return;
    }
    emit(Op::Array);
    emitByte(0);
    expecting = true;
    for (TSNode c : cs) {
        if (!ts_node_is_named(c)) {
            if (text(c) == ",") {
                if (expecting) emit(Op::ArrayHole);
                expecting = true;
            }
            continue;
        }
        expecting = false;
        if (is(c, "spread_element")) {
            compileExpression(namedChildren(c)[0]);
            mark(c);
            emit(Op::ArraySpread);
        } else {
            compileExpression(c);
            emit(Op::ArrayPush);
        }
    }
}

void Compiler::compileRecord(TSNode n) {
    emit(Op::Record);
    for (TSNode c : namedChildren(n)) {
        if (is(c, "pair")) {
            TSNode key = field(c, "key");
            TSNode value = field(c, "value");
            if (is(key, "computed_property_name")) {
                compileExpression(namedChildren(key)[0]);
                compileExpression(value);
                emit(Op::RecordSetComputed);
                continue;
            }
            std::string k = propertyKey(key);
            if (is(value, "class") && ts_node_is_null(field(value, "name"))) {
                compileClass(value, k, false); // { klass: class {} } names the class "klass"
            } else if (is(value, "arrow_function") || is(value, "function_expression")) {
                TSNode fname = field(value, "name");
                emitClosure(compileFunction(
                    value, is(value, "arrow_function") ? FnKind::Arrow : FnKind::Function,
                    ts_node_is_null(fname) ? k : std::string(text(fname))));
            } else {
                compileExpression(value);
            }
            emitOp(Op::RecordSet, stringConstant(k));
        } else if (is(c, "shorthand_property_identifier")) {
            std::string name(text(c));
            emitGetVariable(name, c);
            emitOp(Op::RecordSet, stringConstant(name));
        } else if (is(c, "spread_element")) {
            compileExpression(namedChildren(c)[0]);
            emit(Op::RecordSpread);
        } else if (is(c, "method_definition")) {
            bool getter = hasChildToken(c, "get"), setter = hasChildToken(c, "set");
            TSNode name = field(c, "name");
            // A computed key is evaluated where it stands, before the function is made.
            bool computed =
                is(name, "computed_property_name") &&
                !(namedChildren(name).size() == 1 && is(namedChildren(name)[0], "string"));
            std::string k = computed ? std::string(text(name)) : propertyKey(name);
            if (computed)
                compileExpression(namedChildren(name)[0]);
            else if (getter || setter)
                emitOp(Op::Const, stringConstant(k));
            emitClosure(compileFunction(c, FnKind::Function, k));
            if (getter || setter) {
                emit(Op::RecordAccessor);
                emitByte(setter ? 1 : 0);
            } else if (computed) {
                emit(Op::RecordSetComputed);
            } else {
                emitOp(Op::RecordSet, stringConstant(k));
            }
        } else {
            fail(c, std::string(nodeType(c)) + " is not supported in object literals");
        }
    }
}

// ---------------------------------------------------------------- patterns

void Compiler::declarePatternNames(TSNode p, std::vector<std::pair<std::string, TSNode>>& out) {
    if (ts_node_is_null(p)) return;
    if (is(p, "identifier") || is(p, "shorthand_property_identifier_pattern")) {
        out.emplace_back(std::string(text(p)), p);
    } else if (is(p, "assignment_pattern") || is(p, "object_assignment_pattern")) {
        declarePatternNames(field(p, "left"), out);
    } else if (is(p, "pair_pattern")) {
        declarePatternNames(field(p, "value"), out);
    } else if (is(p, "array_pattern") || is(p, "object_pattern") || is(p, "rest_pattern")) {
        for (TSNode c : namedChildren(p))
            declarePatternNames(c, out);
    }
}

void Compiler::compileBinding(TSNode target, BindMode mode) {
    target = unparen(target);
    if (is(target, "array_pattern"))
        compileArrayPattern(target, mode);
    else if (is(target, "object_pattern"))
        compileObjectPattern(target, mode);
    else
        storeTarget(target, mode);
}

void Compiler::storeTarget(TSNode target, BindMode mode) {
    target = unparen(target);
    if (is(target, "array_pattern") || is(target, "object_pattern")) {
        compileBinding(target, mode);
        return;
    }
    if (is(target, "identifier") || is(target, "shorthand_property_identifier_pattern")) {
        std::string name(text(target));
        if (mode == BindMode::Let || mode == BindMode::Const) {
            bool moduleLevel = fn_->kind == FnKind::Module && fn_->scopeDepth == 0;
            if (!moduleLevel) bindLexical(name, mode == BindMode::Const, target);
            emitSetVariable(name, target, true);
        } else {
            emitSetVariable(name, target, mode == BindMode::Var);
        }
        emit(Op::Pop);
        return;
    }
    if (mode != BindMode::Assign) fail(target, "Invalid destructuring target");
    if (is(target, "member_expression")) {
        compileExpression(field(target, "object"));
        emit(Op::Swap);
        emit(Op::SetProp);
        emitShort(stringConstant(memberName(field(target, "property"))));
        emitShort(newCache());
        emit(Op::Pop);
    } else if (is(target, "subscript_expression")) {
        compileExpression(field(target, "object"));
        compileExpression(field(target, "index"));
        emit(Op::Rot3);
        emit(Op::Rot3);
        emit(Op::SetIndex);
        emit(Op::Pop);
    } else {
        fail(target, "Invalid destructuring assignment target");
    }
}

void Compiler::compileArrayPattern(TSNode pattern, BindMode mode) {
    mark(pattern);
    emit(Op::Iter);
    bool expecting = true;
    for (TSNode c : children(pattern)) {
        if (!ts_node_is_named(c)) {
            if (text(c) == ",") {
                if (expecting) {
                    emit(Op::IterNextOrUndefined);
                    emit(Op::Pop);
                }
                expecting = true;
            }
            continue;
        }
        expecting = false;
        if (is(c, "rest_pattern")) {
            emit(Op::IterRest);
            storeTarget(namedChildren(c)[0], mode);
            continue;
        }
        emit(Op::IterNextOrUndefined);
        if (is(c, "assignment_pattern")) {
            size_t skip = emitJump(Op::JumpIfNotUndefined);
            compileExpression(field(c, "right"));
            patchJump(skip);
            storeTarget(field(c, "left"), mode);
        } else {
            storeTarget(c, mode);
        }
    }
    // An iterator the pattern did not exhaust is closed (IterNextOrUndefined and IterRest
    // leave undefined in its place once it is done).
    emit(Op::IterClose);
    emit(Op::Pop);
}

void Compiler::compileObjectPattern(TSNode pattern, BindMode mode) {
    std::vector<std::string> usedKeys;
    mark(pattern);
    for (TSNode c : namedChildren(pattern)) {
        if (is(c, "shorthand_property_identifier_pattern")) {
            std::string name(text(c));
            usedKeys.push_back(name);
            emit(Op::Dup);
            emit(Op::GetProp);
            emitShort(stringConstant(name));
            emitShort(newCache());
            storeTarget(c, mode);
        } else if (is(c, "object_assignment_pattern")) {
            TSNode left = field(c, "left");
            std::string name(text(left));
            usedKeys.push_back(name);
            emit(Op::Dup);
            emit(Op::GetProp);
            emitShort(stringConstant(name));
            emitShort(newCache());
            size_t skip = emitJump(Op::JumpIfNotUndefined);
            compileExpression(field(c, "right"));
            patchJump(skip);
            storeTarget(left, mode);
        } else if (is(c, "pair_pattern")) {
            TSNode key = field(c, "key");
            TSNode value = field(c, "value");
            emit(Op::Dup);
            if (is(key, "computed_property_name")) {
                compileExpression(namedChildren(key)[0]);
                emit(Op::GetIndex);
            } else {
                std::string k = propertyKey(key);
                usedKeys.push_back(k);
                emit(Op::GetProp);
                emitShort(stringConstant(k));
                emitShort(newCache());
            }
            if (is(value, "assignment_pattern")) {
                size_t skip = emitJump(Op::JumpIfNotUndefined);
                compileExpression(field(value, "right"));
                patchJump(skip);
                storeTarget(field(value, "left"), mode);
            } else {
                storeTarget(value, mode);
            }
        } else if (is(c, "rest_pattern")) {
            Array* keys = vm_.newArray(uint32_t(usedKeys.size()));
            keep(Value::object(keys));
            for (auto& k : usedKeys)
                vm_.arrayPush(keys, vm_.istr(k));
            emitOp(Op::RecordRest, constant(Value::object(keys)));
            storeTarget(namedChildren(c)[0], mode);
        } else {
            fail(c, std::string(nodeType(c)) + " is not supported in patterns");
        }
    }
    emit(Op::Pop);
}

} // namespace molt
