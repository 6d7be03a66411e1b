// opcodes.h — every bytecode instruction, defined once.
//
// X(name, operands, description). Operand letters: 'b' u8, 'w' u16, 'j' u32 absolute jump
// target. The table generates the Op enum, the operand sizes the disassembler uses, and
// the dispatch table of the interpreter (computed goto).
//
// Frame layout: base[0] is `this`, base[1..numParams] the parameters, then the function's
// locals (a fixed number of slots, `maxLocals`, reserved at entry), then the operand stack.
// Statements start and end with an empty operand stack: iterators, switch discriminants
// and the like live in hidden local slots. That is what lets a `catch` reset the stack to
// base + maxLocals without knowing which expression threw.
//
// Stack notation in the descriptions: `a b -> c` pops b then a and pushes c.
#pragma once

#include "runtime/core/member_kind.h"

#include <cstdint>

namespace molt {

#define MOLT_OPCODES(X)                                                                            \
    X(Const, "w", "-> constants[w]")                                                               \
    X(Int, "w", "-> small integer (int16 in w)")                                                   \
    X(Undefined, "", "-> undefined")                                                               \
    X(Null, "", "-> null")                                                                         \
    X(True, "", "-> true")                                                                         \
    X(False, "", "-> false")                                                                       \
    X(Pop, "", "a ->")                                                                             \
    X(Dup, "", "a -> a a")                                                                         \
    X(Dup2, "", "a b -> a b a b")                                                                  \
    X(Swap, "", "a b -> b a")                                                                      \
    X(Rot3, "", "a b c -> c a b")                                                                  \
    X(GetLocal, "w", "-> local[w]")                                                                \
    X(SetLocal, "w", "a -> a (local[w] = a)")                                                      \
    X(StoreLocal, "w", "a -> (local[w] = a; SetLocal then Pop)")                                   \
    X(GetUpvalue, "w", "-> upvalue[w]")                                                            \
    X(SetUpvalue, "w", "a -> a")                                                                   \
    X(CloseUpvalues, "w", "close upvalues of locals >= slot w")                                    \
    X(GetModule, "w", "-> module slot w (TDZ-checked)")                                            \
    X(SetModule, "w", "a -> a (module slot w)")                                                    \
    X(InitModule, "w", "a -> a (module slot w, initializing a let/const/class)")                   \
    X(GetGlobal, "ww", "-> global named constants[w1]; cache w2")                                  \
    X(TypeofGlobal, "ww", "-> typeof global named constants[w1] (no ReferenceError)")              \
    X(SetGlobal, "ww", "a -> a (assigns an existing global)")                                      \
    X(GetProp, "ww", "obj -> obj.constants[w1]; cache w2")                                         \
    X(SetProp, "ww", "obj v -> v (obj.constants[w1] = v); cache w2")                               \
    X(GetIndex, "", "obj key -> obj[key]")                                                         \
    X(SetIndex, "", "obj key v -> v")                                                              \
    X(DeleteProp, "w", "obj -> bool")                                                              \
    X(DeleteIndex, "", "obj key -> bool")                                                          \
    X(GetSuper, "w", "this -> super.constants[w]")                                                 \
    X(GetSuperIndex, "", "this key -> super[key]")                                                 \
    X(SetSuper, "w", "this v -> v (super.constants[w] = v)")                                       \
    X(SetSuperIndex, "", "this key v -> v (super[key] = v)")                                       \
    X(Call, "b", "fn this args... -> result")                                                      \
    X(CallSpread, "", "fn this argsArray -> result")                                               \
    X(Invoke, "wbw", "recv args... -> recv.constants[w1](args); argc b; cache w2")                 \
    X(SuperInvoke, "wb", "this args... -> super.constants[w](args)")                               \
    X(New, "b", "cls placeholder args... -> instance")                                             \
    X(NewSpread, "", "cls placeholder argsArray -> instance")                                      \
    X(SuperCall, "b", "placeholder this args... -> this (runs the superclass constructor)")        \
    X(SuperCallSpread, "", "placeholder this argsArray -> this")                                   \
    X(InitFields, "", "-> result (runs this class's field initializers on this)")                  \
    X(Return, "", "a -> (returns a)")                                                              \
    X(ReturnBarrier, "",                                                                           \
      "(a return barrier's trampoline: resumes the caller, see VM::setReturnBarrier)")             \
    X(Closure, "w", "-> closure of constants[w]")                                                  \
    X(Jump, "j", "jump")                                                                           \
    X(Loop, "j", "backward jump; a preemption point")                                              \
    X(JumpIfFalse, "j", "a -> (jump if falsy)")                                                    \
    X(JumpIfNotLt, "j", "a b -> (jump unless a < b; Lt then JumpIfFalse)")                         \
    X(JumpIfNotLe, "j", "a b -> (jump unless a <= b)")                                             \
    X(JumpIfNotGt, "j", "a b -> (jump unless a > b)")                                              \
    X(JumpIfNotGe, "j", "a b -> (jump unless a >= b)")                                             \
    X(JumpIfTrue, "j", "a -> (jump if truthy)")                                                    \
    X(JumpIfFalseKeep, "j", "a -> a if jumping (falsy), else ->")                                  \
    X(JumpIfTrueKeep, "j", "a -> a if jumping (truthy), else ->")                                  \
    X(JumpIfNotNullishKeep, "j", "a -> a if jumping (not nullish), else ->")                       \
    X(JumpIfNullish, "j", "a -> a; if nullish replace by undefined and jump")                      \
    X(JumpIfNotUndefined, "j", "a -> a if jumping, else -> (for defaults)")                        \
    X(Add, "", "a b -> a + b")                                                                     \
    X(Sub, "", "a b -> a - b")                                                                     \
    X(Mul, "", "a b -> a * b")                                                                     \
    X(Div, "", "a b -> a / b")                                                                     \
    X(Mod, "", "a b -> a % b")                                                                     \
    X(Pow, "", "a b -> a ** b")                                                                    \
    X(Neg, "", "a -> -a")                                                                          \
    X(ToNumber, "", "a -> +a")                                                                     \
    X(Inc, "", "a -> ToNumber(a) + 1")                                                             \
    X(Dec, "", "a -> ToNumber(a) - 1")                                                             \
    X(IncLocal, "w", "local[w] = ToNumber(local[w]) + 1 (`i++` as a statement)")                   \
    X(DecLocal, "w", "local[w] = ToNumber(local[w]) - 1 (`i--` as a statement)")                   \
    X(BitAnd, "", "a b -> a & b")                                                                  \
    X(BitOr, "", "a b -> a | b")                                                                   \
    X(BitXor, "", "a b -> a ^ b")                                                                  \
    X(BitNot, "", "a -> ~a")                                                                       \
    X(Shl, "", "a b -> a << b")                                                                    \
    X(Shr, "", "a b -> a >> b")                                                                    \
    X(UShr, "", "a b -> a >>> b")                                                                  \
    X(Eq, "", "a b -> a == b")                                                                     \
    X(Ne, "", "a b -> a != b")                                                                     \
    X(StrictEq, "", "a b -> a === b")                                                              \
    X(StrictNe, "", "a b -> a !== b")                                                              \
    X(Lt, "", "a b -> a < b")                                                                      \
    X(Le, "", "a b -> a <= b")                                                                     \
    X(Gt, "", "a b -> a > b")                                                                      \
    X(Ge, "", "a b -> a >= b")                                                                     \
    X(Not, "", "a -> !a")                                                                          \
    X(Typeof, "", "a -> typeof a")                                                                 \
    X(InstanceOf, "", "a cls -> a instanceof cls")                                                 \
    X(In, "", "key obj -> key in obj")                                                             \
    X(HasPrivate, "w", "obj -> #name in obj, the encoded private name constants[w]")               \
    X(Throw, "", "a -> (throws a)")                                                                \
    X(TryBegin, "jw", "push handler: catch at j, close upvalues from local w")                     \
    X(TryEnd, "", "pop the innermost handler")                                                     \
    X(Array, "b", "a1..an -> [a1..an]")                                                            \
    X(ArrayPush, "", "arr v -> arr")                                                               \
    X(ArraySpread, "", "arr iterable -> arr")                                                      \
    X(ArrayHole, "", "arr -> arr (appends a hole)")                                                \
    X(Record, "", "-> {}")                                                                         \
    X(RecordSet, "w", "rec v -> rec (rec[constants[w]] = v)")                                      \
    X(RecordSetComputed, "", "rec key v -> rec")                                                   \
    X(RecordSpread, "", "rec src -> rec")                                                          \
    X(RecordAccessor, "b", "rec key fn -> rec (defines a getter, or with b = 1 a setter)")         \
    X(RecordRest, "w", "src -> src rest (keys not in constants[w], an array)")                     \
    X(Template, "b", "a1..an -> string concatenation of ToString(ai)")                             \
    X(Iter, "", "iterable -> iterator")                                                            \
    X(IterNext, "j", "iter -> value, or pops iter and jumps to j when done")                       \
    X(IterNextOrUndefined, "", "iter -> iter value (undefined when done)")                         \
    X(IterRest, "", "iter -> iter array-of-remaining")                                             \
    X(IterClose, "", "iter -> iter.return() (undefined for built-in iterators)")                   \
    X(ForInKeys, "", "obj -> iterator over its keys")                                              \
    X(Class, "w", "super -> class (constants[w] is the class shape: name, own fields)")            \
    X(Method, "wb", "cls closure -> cls; installs constants[w] as MemberKind b")                   \
    X(SetConstructor, "", "cls closure -> cls")                                                    \
    X(SetFieldInit, "", "cls closure -> cls")                                                      \
    X(FinishClass, "", "cls -> cls (flattens inherited tables)")                                   \
    X(RunStaticInit, "", "cls closure -> cls (calls closure with this = cls)")                     \
    X(DefineStatic, "w", "cls v -> (defines static field constants[w])")                           \
    X(Callee, "", "-> the running closure (a named function expression's own name)")               \
    X(GeneratorStart, "w",                                                                         \
      "(a function* after its parameters) local w = a new Generator; returns it")                  \
    X(Yield, "w", "a -> (suspends into the Generator in local w; resumes with: sent mode)")        \
    X(AsyncYield, "w", "a -> (an async generator's yield: as Yield, flagged for its driver)")      \
    X(ResumeMode, "j",                                                                             \
      "sent mode -> sent: next jumps to j, throw throws sent, return falls through")               \
    X(GeneratorReturn, "w", "a -> (the Generator in local w completes with a)")                    \
    X(Nop, "", "")

enum class Op : uint8_t {
#define MOLT_OP_ENUM(name, operands, desc) name,
    MOLT_OPCODES(MOLT_OP_ENUM)
#undef MOLT_OP_ENUM
        Count_
};

const char* opName(Op op);
const char* opOperands(Op op);
// Total instruction length (opcode byte plus operands).
int opLength(Op op);

} // namespace molt
