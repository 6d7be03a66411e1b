// vmmessages.h — the plain data that crosses between the IDE and a VM host.
//
// Everything here is copied by value: no Value or Obj pointer ever leaves the VM's thread,
// so the same messages can later be serialized for a headless host behind a socket.
// Objects are named by their identity number (Heap::identityOf), which a DSU swap keeps.
#pragma once

#include "control/inspect.h"
#include "dsu/commit/report.h"
#include "dsu/source/differ.h"
#include "runtime/lib/canvas.h"

#include <QMetaType>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace molt::ide {

// What to run: the main module of a project folder and its arguments.
struct RunSpec {
    std::string root;       // absolute folder; module paths are relative to it
    std::string mainModule; // "main.js"
    std::vector<std::string> args;
};

enum class ProgramState {
    NotStarted, // no VM
    Running,    // slices are running
    Paused,     // the VM is alive, no slices run
    Finished,   // threads and timers are done; the VM is kept for inspection and updates
    Failed,     // ended by an uncaught exception, process.exit or a compile error; VM kept
};

struct ProgramStatus {
    ProgramState state = ProgramState::NotStarted;
    int exitCode = 0;
    std::string detail; // "exit code 1", the compile error ...
};

// The inspector's plain snapshots live with the code that takes them (control/inspect.h),
// so a control socket can serve them to an attached IDE; here they keep their IDE names.
using inspect::ClassInfo;
using inspect::FieldInfo;
using inspect::FrameInfo;
using inspect::InstancePage;
using inspect::InstanceQuery;
using inspect::InstanceRow;
using inspect::ObjectFields;
using inspect::ReferrerList;
using inspect::ThreadInfo;

// The answer to an Apply: the generated patch, or why there is none.
struct PatchPreview {
    uint64_t request = 0;
    bool ok = false;
    std::string error;     // compile error text (file:line:col: message, source line, caret)
    std::string errorFile; // relative path of the module the error is in ("" unknown)
    uint32_t errorLine = 0, errorColumn = 0;
    dsu::ChangeSet changes;
    std::string script;                  // the generated patch script
    std::vector<dsu::SourceFile> files;  // the new version that was diffed
    std::vector<dsu::SourceFile> before; // the live source of the same modules
};

// The end of a Commit: committed, rolled back, or refused before it started.
struct UpdateOutcome {
    uint64_t request = 0;
    bool started = false; // false: the user patch did not compile (error) and nothing ran
    std::string error;
    dsu::UpdateReport report;
    std::string script, userPatch;
    std::vector<dsu::SourceFile> before, after; // the program's source on each side
    dsu::ChangeSet changes;
};

// A thread stopped by an exception no frame caught: the IDE's VM suspends it instead of
// ending the program (Scheduler::setSuspendOnUncaught), for the user to restart a frame
// or terminate it.
struct SuspendedThread {
    uint32_t threadId = 0;
    std::string message;           // "RangeError: too many: 3"
    std::vector<FrameInfo> frames; // innermost first; files relative to the project root
};

// A promise rejected with no handler, held by the IDE's VM instead of ending the program
// (Scheduler::holdRejection). The frames that made it have ended, so none can restart: the
// user lets the program go on without it or ends the program (after a revert, if the last
// update caused it).
struct HeldRejection {
    uint32_t id = 0;
    std::string message;           // "Error: x", or node's UnhandledPromiseRejection text
    std::vector<FrameInfo> frames; // where the error was made, innermost first (may be none)
    uint32_t reason = 0;           // the error's identity, for the Inspector
};

// The answer to an evaluation or a field edit (VmHost::evaluate, writeField).
struct EvalResult {
    uint64_t request = 0;
    bool ok = false;       // false: `error` says why (nothing was written)
    std::string text;      // the value as console.log prints it
    uint32_t identity = 0; // non-zero: the value is an object the inspector can show
    std::string error;     // "1:5: ..." for a syntax error, "Uncaught ..." for a throw
    std::string field;     // the edited field ("" for an evaluation)
    // A notice about an evaluation still running (a cancel that was refused): its answer
    // comes later.
    bool interim = false;
};

using FramePtr = std::shared_ptr<const CanvasFrame>;

} // namespace molt::ide

Q_DECLARE_METATYPE(molt::ide::RunSpec)
Q_DECLARE_METATYPE(molt::ide::ProgramStatus)
Q_DECLARE_METATYPE(std::vector<molt::ide::ClassInfo>)
Q_DECLARE_METATYPE(molt::ide::InstancePage)
Q_DECLARE_METATYPE(molt::ide::ObjectFields)
Q_DECLARE_METATYPE(molt::ide::ReferrerList)
Q_DECLARE_METATYPE(std::vector<molt::ide::ThreadInfo>)
Q_DECLARE_METATYPE(molt::ide::PatchPreview)
Q_DECLARE_METATYPE(molt::ide::UpdateOutcome)
Q_DECLARE_METATYPE(molt::ide::FramePtr)
Q_DECLARE_METATYPE(molt::ide::SuspendedThread)
Q_DECLARE_METATYPE(molt::ide::HeldRejection)
Q_DECLARE_METATYPE(molt::ide::EvalResult)
Q_DECLARE_METATYPE(std::vector<molt::dsu::SourceFile>)
