// transaction.h — an atomic update of a running program (DESIGN.md §5).
//
// A Transaction records operations; nothing in the running program changes until commit.
// Commit:
//   1. prepare   collect garbage (garbage never blocks an update), then build a new Class
//                for every changed class and for every subclass of one (layouts propagate
//                down the hierarchy), supers first — or, when its layout, superclass and kind
//                stay, update the live class in place (no instance is copied; in version
//                mode the staged objects are made to name the live class and the live
//                closures of changed functions take their new code: decision 0004); build
//                changed module namespaces as copies;
//   2. migrate   create a new instance for every live instance of a rebuilt class and fill
//                it with the policies (policy.h); old objects are only read. Or, when no
//                hosted code could tell (in_cell.cpp), the live class takes the new layout
//                and each instance is rewritten in its own cell, its old slots kept in an
//                undo log until the swap: nothing is copied, and the swap walks nothing
//                (a policy of the old object reads an old view of it, valid during the call);
//   3. validate  system validations, then application validations (oldNs, newNs) -> bool;
//   4. wait      for a safe point: no green thread has a frame in an affected method (a
//                changed or removed method, or any method of a class that lost or renamed a
//                field: its code may name the old field. Adding a field affects no running
//                code: field accesses go through caches keyed on the class, which refill);
//   5. swap      one swapObjects call replaces old classes and instances by the new ones
//                everywhere, and changed namespaces take their new bindings.
// A failure in 1-4 (a policy or validation that throws or says no, a removed class with
// live instances, an unknown class or field, the safe point never coming) discards every
// new object: the running program is exactly as it was. Step 5 cannot fail.
//
// Identity is kept: the new object of a migrated instance takes over its identity number,
// and every reference (heap, stacks, closures, globals, module bindings, statics, Map/Set
// keys) reaches it after the swap.
#pragma once

#include "dsu/commit/policy.h"
#include "dsu/commit/report.h"
#include "dsu/commit/validation.h"
#include "runtime/core/member_kind.h"
#include "runtime/core/vm.h"
#include "runtime/exec/mop.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace molt::dsu {

struct CellUndo;
struct HostedStep;

class Transaction {
public:
    // beginTransaction. `defaultModule` is where added classes and bindings go (the main
    // module when null).
    explicit Transaction(VM& vm, Module* defaultModule = nullptr);
    ~Transaction(); // an uncommitted transaction is rolled back: nothing was changed
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // ---- class operations (classes are named as their module binding names them).
    // Values passed in are kept alive by the transaction from the moment of the call.
    // Each returns false and records an error (see error()) when the operation cannot
    // apply; a transaction with an error refuses to commit.
    bool addClass(Value cls, Module* module = nullptr); // a class built elsewhere (a patch script)
    bool removeClass(const std::string& name);
    bool renameClass(const std::string& from, const std::string& to);
    bool changeSuperclass(const std::string& name, const std::string& superName); // "" = none
    bool addInstanceVariable(const std::string& cls, const std::string& field,
                             FieldPolicy policy = {});
    bool removeInstanceVariable(const std::string& cls, const std::string& field);
    bool renameInstanceVariable(const std::string& cls, const std::string& from,
                                const std::string& to);
    // Sets the policy of a field that exists in the new layout (overrides keep-by-name).
    bool setFieldPolicy(const std::string& cls, const std::string& field, FieldPolicy policy);
    bool migrateInstances(const std::string& cls, Value closure, std::string policyName = "custom");
    // Instances of a removed class become instances of `target` (fields copied by name,
    // then `closure`, if any, as an instance policy).
    bool migrateInstancesTo(const std::string& removedClass, const std::string& target,
                            Value closure = Value::undefined());
    // `kind` is one of the method tables (isMethodTable); a constructor is the Method
    // "constructor".
    bool addMethod(const std::string& cls, const std::string& name, Value fn,
                   MemberKind kind = MemberKind::Method);
    bool replaceMethod(const std::string& cls, const std::string& name, Value fn,
                       MemberKind kind = MemberKind::Method);
    bool removeMethod(const std::string& cls, const std::string& name,
                      MemberKind kind = MemberKind::Method);
    bool addStaticField(const std::string& cls, const std::string& name, Value initial);
    bool removeStaticField(const std::string& cls, const std::string& name);
    // The static `to` takes the live value of the static `from`.
    bool renameStaticField(const std::string& cls, const std::string& from, const std::string& to);
    // ---- module-level bindings
    bool addBinding(const std::string& name, Value initial, Module* module = nullptr);
    bool removeBinding(const std::string& name, Module* module = nullptr);
    // The binding `name` (in any module of the program) takes `value` (version mode: a
    // binding of both versions takes it instead of keeping its live value).
    bool setBinding(const std::string& name, Value value);
    // A module-level function: version mode acknowledges the new version's code (or uses
    // `fn` when given); otherwise the binding takes `fn`.
    bool replaceFunction(const std::string& name, Value fn);
    // ---- validations (validation.h), run after the system validations, in order
    bool addValidation(const std::string& name, Value closure); // (oldNs, newNs) -> boolean
    void addValidation(Validation validation);
    // The system validations every commit runs first (validations::system()); a host may
    // add its own or compose them.
    std::vector<Validation>& systemValidations() { return systemValidations_; }

    // ---- version mode (version.h)
    // The live module `live` goes to the version staged in `staged`
    // (VM::stageModuleVersion). Classes, functions and bindings are matched by name now, so
    // that the operations recorded afterwards (a patch script) can refer to them, and are
    // read in version mode from then on (see version.h). `changedMembers` names, per class
    // of the new version, the members whose code changed or went away (the differ's
    // findings): a thread inside one of them keeps the safe point away.
    // `staging`, when given, lists every object allocated since the staging of the new
    // version began (Heap::startAllocationLog): the staged code is found among them instead
    // of by walking the heap.
    bool adoptVersion(Module* live, Module* staged,
                      const std::map<std::string, std::set<std::string>>& changedMembers,
                      const std::vector<Obj*>* staging = nullptr);
    // Hands over the objects made while the new version was staged and its patches loaded
    // (the allocation log, stopped after the last patch). With them, a staged class that
    // keeps its live class's layout is updated in place: the live class takes its members
    // and every reference the staged objects hold to the staged class (or to a changed
    // method's new closure) is forwarded among them alone — no heap walk. Without them,
    // every staged class is rebuilt and swapped. The transaction keeps them alive.
    void adoptStagingObjects(std::vector<Obj*> objects);
    bool versionMode() const { return !adoptions_.empty(); }

    // Safe-point timeout for commitAsync (default 2 s).
    double safePointTimeoutMs = 2000;
    // How many migrated instances the report shows before and after (UpdateReport::samples).
    size_t sampleLimit = 200;

    // Abandons the transaction: nothing was changed, and nothing will be.
    void rollback();
    // Commits now: the caller guarantees no hosted code is running (between scheduler
    // slices, or before/after the program). If a thread is inside an affected method the
    // update rolls back naming it.
    UpdateReport commit();
    // Prepares, migrates and validates now; then lets the program run and swaps at the
    // first safe point, or rolls back after safePointTimeoutMs. `done` receives the report.
    void commitAsync(std::function<void(const UpdateReport&)> done);
    // A dry run (`molt update --dry-run`): prepares, migrates and validates now, then
    // discards everything built, as a rollback does. The report's outcome is Validated (a
    // commit would swap at the first safe point; `blockers` names the threads that would
    // make it wait now) or RolledBack with the reason a commit would roll back.
    UpdateReport dryRun();
    // Gives up an update that commitAsync is still waiting for: `done` receives a rolled-back
    // report ("cancelled while waiting for a safe point") and nothing was changed. False when
    // no wait is in progress (the update already ended).
    bool cancel();
    bool waiting() const { return waiting_; }

    const std::string& error() const { return error_; }
    VM& vm() { return vm_; }

    // Used by the namespace views handed to hosted policies and validations.
    Value lookup(bool newVersion, const std::string& name);
    Value instancesOf(bool newVersion, const std::string& className);

    // ---- update points (update_points.cpp, docs/dsu.md "Update points")
    // A blocking frame of `cls.method` is never moved to the new code: the update waits.
    bool waitFor(const std::string& cls, const std::string& method);
    // How a frame of `cls.method` moves: at the loop `at` ("loop 1.2"), or at the return of
    // the call `at` names ("call this.step()", "call this.step() #2 in loop 1"; "" = infer),
    // with the named locals computed by calling each function with a record of the old
    // frame's locals (and `this`). Fails when the old version of the method has no such point.
    bool mapFrame(const std::string& cls, const std::string& method, const std::string& at,
                  std::vector<std::pair<std::string, Value>> locals);

    // Fault injection for tests: fail at the named phase ("prepare", "migrate", "validate",
    // "wait") with a synthetic reason.
    std::string injectFailureAt;

private:
    struct Draft;
    struct Binding;
    struct Built;
    struct Adoption;
    Draft* draft(const std::string& name);
    Class* newShape(Draft* d) const; // the class whose layout the update gives d's instances
    Adoption* adoptionWith(const std::string& name, bool inNew);
    bool isStaged(const Class* c) const;
    Draft* draftForStaged(const Class* c);
    Class* identity(const Draft* d) const;
    Class* resolveSuper(Class* super);
    Draft* draftForClass(Class* cls);
    Class* findClass(const std::string& name, Module** where = nullptr,
                     std::string* bindingName = nullptr);
    Class* addedClass(const std::string& name); // a class added by this transaction
    bool fail(std::string message);
    bool prepare(UpdateReport& report);
    bool migrate(UpdateReport& report);
    bool validate(UpdateReport& report);
    bool safePoint(UpdateReport& report, bool final);
    bool swap();
    // Update points: why the frame cannot move to new code ("" = it can, at its next
    // back-edge), the points it would move between, and the moves themselves.
    struct FrameMove;
    std::string transferRefusal(Thread* t, size_t frameIndex, const UpdatePoint** from,
                                const UpdatePoint** to, Closure** replacement);
    std::string callRefusal(Thread* t, size_t frameIndex, const FunctionProto* old,
                            Closure* replacement, const UpdatePoint** from,
                            const UpdatePoint** to, Closure** out);
    std::string suspendedRefusal(const Generator* g); // "" = it moves when resumed
    bool parkAtUpdatePoint(Thread* t);
    bool prepareTransfers(UpdateReport& report);
    bool evaluateInitializer(FrameMove& move, size_t local, Value& out);
    void applyTransfers();
    void releaseParked();
    void markMoves(Tracer& t);
    void stopWaiting(bool release = true); // release: requeue the threads parked at update points
    void finishWaiting(UpdateReport report);
    void takeSamples(UpdateReport& report);
    std::unordered_map<Class*, size_t> countLiveAfterSwap(const std::vector<Class*>& classes);
    void discard();
    void markRoots(Tracer& t);
    bool updateStagedInPlace(); // prepare's forwarding among the staging objects
    bool prepareClasses(UpdateReport& report);
    // In-cell migration (in_cell.cpp, decision 0004): whether this commit may migrate in
    // cell at all, the classes that will (each instance's cell has room for the new
    // layout), and the step that gives their live class objects the built layouts.
    bool mayMigrateInCell(std::string* why = nullptr) const;
    std::vector<Draft*> inCellDrafts(std::string& why);
    void takeLayoutsInCell(const std::vector<Draft*>& drafts);
    void takeCellSamples(UpdateReport& report);
    // Runs, instance by instance, the hosted policies of the classes migrated in cell (per
    // class: its field policies, then its whole-instance ones), the old ones given the
    // old view; then revokes the views. False (the reason recorded) when one throws.
    bool runPoliciesInCell(const std::vector<Draft*>& inCell,
                           const std::vector<std::vector<HostedStep>>& fields,
                           const std::vector<std::vector<const InstancePolicy*>>& wholes);
    void keepUnchangedMembers(Draft* d, ClassDefinition& def);
    const FunctionProto* runningProto(const Closure* c) const;

    VM& vm_;
    Module* defaultModule_;
    std::string error_;
    std::vector<std::unique_ptr<Draft>> drafts_;
    std::vector<Binding> bindingOps_;
    std::vector<Validation> systemValidations_ = validations::system();
    std::vector<Validation> validations_;
    std::vector<std::unique_ptr<Adoption>> adoptions_;
    std::vector<std::pair<Thread*, size_t>> blockingFrames_; // found by the last safePoint
    // Frames of suspended threads in affected code (the last safePoint): stale after the swap.
    std::vector<std::pair<Thread*, size_t>> staleSuspended_;
    std::unordered_map<const FunctionProto*, Closure*> replacements_; // old code -> new
    std::unordered_map<const FunctionProto*, std::string> methodNames_; // "Pump.run"
    std::set<std::string> waitFor_;                                       // "Pump.run"
    struct FrameMapping {
        std::string at;       // a loop path ("1.2"), or "" to infer
        std::string call;     // or a call return point: its UpdatePoint::call ("this.step#1")
        std::string callPath; // and its enclosing loop's path
        std::string callName; // as the report names it: "call this.step() in loop 1"
        std::vector<std::pair<std::string, Value>> locals;
    };
    std::map<std::string, FrameMapping> frameMappings_; // by "Pump.run"
    bool allTransferable_ = false; // the last safePoint found only frames that can move
    std::vector<Thread*> parked_;             // held at an update point until the commit ends
    std::vector<std::unique_ptr<FrameMove>> moves_; // found by the last safePoint
    std::map<std::string, std::string> frameStatus_; // "thread 2: Pump.run" -> why it waits
    size_t suspendedBlockers_ = 0; // suspended generators in affected code, same check
    std::unique_ptr<Built> built_;
    // Version mode: the objects made while staging (adoptStagingObjects), and the live
    // closures of changed methods and functions that prepare gave their new code in place,
    // with what they held before (restored by a rollback, dropped by the swap).
    std::optional<std::vector<Obj*>> staging_;
    struct RewrittenClosure {
        Closure* closure;
        FunctionProto* proto;
        Class* homeClass;
        std::vector<Upvalue*> upvalues;
    };
    std::vector<RewrittenClosure> rewritten_;
    // Live exports records that took the new version's entries (live, new): swapped back by
    // a rollback.
    std::vector<std::pair<Record*, Record*>> swappedRecords_;
    // In-cell migration: the old slots of the instances migrated in their cells (restored
    // by a rollback).
    std::unique_ptr<CellUndo> cellUndo_;
    size_t rootId_;
    bool finished_ = false;
    bool waiting_ = false; // commitAsync is waiting for a safe point
    double waitStart_ = 0;
    std::function<void(const UpdateReport&)> pendingDone_;
    std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

} // namespace molt::dsu
