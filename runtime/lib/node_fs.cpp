// node_fs.cpp — node:fs, the synchronous calls. They are natives: each is one or a few
// system calls with no callback into hosted code, so nothing here needs a resumable frame.
//
// Strings are the only data: there is no Buffer. Text is UTF-8 on disk as in the program;
// without an encoding (or with 'latin1'/'binary') a file reads as one character per byte
// (U+0000..U+00FF) and such a string writes back byte for byte, so binary files survive a
// read/write round trip. Malformed UTF-8 read as 'utf8' becomes U+FFFD, as in node.
//
// A failed call throws node's system error (node_support.h) with node's syscall name and
// path, so `err.code === 'ENOENT'` tests and printed messages match node's.
//
// fs.promises' readFile, writeFile, appendFile, readdir, stat, mkdir, rm and unlink run the
// same system calls on libuv's thread pool (uv_queue_work): the native checks its
// arguments on the VM's thread, parks the calling green thread (Scheduler::block), and the
// pool does the calls into plain C++ data (an FsJob) — nothing off the VM's thread touches
// the heap. The completion, back on the loop, builds the result or node's error and
// resumes the thread with [error, value] (internal/fs_promises.js settles the promise).
#include "runtime/exec/core_modules.h"
#include "runtime/exec/scheduler.h"
#include "runtime/lib/natives.h"
#include "runtime/lib/node_support.h"
#include "runtime/syntax/source_text.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>
#include <vector>

namespace molt {

namespace {

enum class Encoding { Utf8, Latin1, Hex, Invalid };

Encoding encodingNamed(std::string_view name) {
    if (name == "utf8" || name == "utf-8" || name == "UTF8" || name == "UTF-8")
        return Encoding::Utf8;
    if (name == "latin1" || name == "binary") return Encoding::Latin1;
    if (name == "hex") return Encoding::Hex;
    return Encoding::Invalid;
}

Value throwInvalidArgType(VM& vm, std::string_view name, std::string_view expected, Value actual) {
    return throwCodedTypeError(vm, "ERR_INVALID_ARG_TYPE",
                               "The \"" + std::string(name) + "\" argument must be " +
                                   std::string(expected) + ". Received " +
                                   describeReceived(vm, actual));
}

// The path argument as a std::string, or false with a TypeError pending.
bool pathArg(VM& vm, Value v, std::string_view name, std::string& out) {
    if (!isString(v)) {
        throwInvalidArgType(vm, name, "of type string or an instance of Buffer or URL", v);
        return false;
    }
    out = std::string(asString(v)->view());
    if (out.find('\0') != std::string::npos) {
        throwCodedTypeError(vm, "ERR_INVALID_ARG_VALUE",
                            "The argument '" + std::string(name) +
                                "' must be a string, Uint8Array, or URL without null bytes. "
                                "Received " +
                                vm.inspect(v));
        return false;
    }
    return true;
}

// options.name of an options record (undefined when absent or not a record).
Value option(VM& vm, Value options, const char* name) {
    if (!isKind(options, ObjKind::Record)) return Value::undefined();
    Value v = vm.recordGet(as<Record>(options), vm.intern(name));
    return v.isEmpty() ? Value::undefined() : v;
}

// The encoding an options argument names ('utf8' or { encoding: 'utf8' }); `given` is
// false when there is none. Returns false with an exception pending for an unknown one.
bool encodingOption(VM& vm, Value options, Encoding& out, bool& given) {
    Value e = isString(options) ? options : option(vm, options, "encoding");
    given = !e.isNullish();
    if (!given) return true;
    out = isString(e) ? encodingNamed(asString(e)->view()) : Encoding::Invalid;
    if (out == Encoding::Invalid) {
        throwCodedTypeError(vm, "ERR_INVALID_ARG_VALUE",
                            "The argument 'encoding' is invalid encoding. Received " +
                                vm.inspect(e));
        return false;
    }
    return true;
}

std::string decode(std::string_view bytes, Encoding encoding) {
    std::string out;
    switch (encoding) {
    case Encoding::Utf8: {
        if (isSourceText(bytes)) return std::string(bytes);
        out.reserve(bytes.size());
        for (size_t i = 0; i < bytes.size();) {
            uint32_t cp = decodeUtf8(bytes, i);
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
            appendUtf8(out, cp);
        }
        return out;
    }
    case Encoding::Latin1:
        out.reserve(bytes.size());
        for (unsigned char c : bytes)
            appendUtf8(out, c);
        return out;
    case Encoding::Hex: {
        static const char digits[] = "0123456789abcdef";
        for (unsigned char c : bytes) {
            out += digits[c >> 4];
            out += digits[c & 15];
        }
        return out;
    }
    case Encoding::Invalid: break;
    }
    return out;
}

std::string encode(std::string_view text, Encoding encoding) {
    if (encoding != Encoding::Latin1) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();)
        out += char(decodeUtf8(text, i) & 0xFF);
    return out;
}

// Reads the whole file at `path`; errno on failure (0 on success), with the syscall named.
int readWhole(const std::string& path, std::string& out, const char*& syscall) {
    syscall = "open";
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    syscall = "read";
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            return err;
        }
        if (n == 0) break;
        out.append(buf, size_t(n));
    }
    ::close(fd);
    return 0;
}

int writeWhole(const std::string& path, std::string_view bytes, int flags) {
    int fd = ::open(path.c_str(), flags | O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) return errno;
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            return err;
        }
        done += size_t(n);
    }
    return ::close(fd) == 0 ? 0 : errno;
}

Value fsReadFileSync(VM& vm, Value, Value* args, int argc) {
    std::string path;
    if (!pathArg(vm, arg(args, argc, 0), "path", path)) return Value::exception();
    Encoding encoding = Encoding::Latin1;
    bool given = false;
    if (!encodingOption(vm, arg(args, argc, 1), encoding, given)) return Value::exception();
    std::string bytes;
    const char* syscall = nullptr;
    if (int err = readWhole(path, bytes, syscall))
        return throwSystemError(vm, err, syscall, std::strcmp(syscall, "open") == 0 ? path : "");
    return vm.str(decode(bytes, encoding));
}

struct WriteArgs {
    std::string path;
    std::string bytes; // encoded
    bool append = false;
};

bool writeArgs(VM& vm, Value* args, int argc, bool append, WriteArgs& out) {
    if (!pathArg(vm, arg(args, argc, 0), "path", out.path)) return false;
    Value data = arg(args, argc, 1);
    if (!isString(data)) {
        throwInvalidArgType(
            vm, "data", "of type string or an instance of Buffer, TypedArray, or DataView", data);
        return false;
    }
    Encoding encoding = Encoding::Utf8;
    bool given = false;
    Value options = arg(args, argc, 2);
    if (!encodingOption(vm, options, encoding, given)) return false;
    Value flag = option(vm, options, "flag");
    if (isString(flag) && asString(flag)->view().substr(0, 1) == "a") append = true;
    out.append = append;
    out.bytes = encode(asString(data)->view(), encoding);
    return true;
}

Value writeOrAppend(VM& vm, Value* args, int argc, bool append) {
    WriteArgs a;
    if (!writeArgs(vm, args, argc, append, a)) return Value::exception();
    if (int err = writeWhole(a.path, a.bytes, a.append ? O_APPEND : O_TRUNC))
        return throwSystemError(vm, err, "open", a.path);
    return Value::undefined();
}

Value fsWriteFileSync(VM& vm, Value, Value* args, int argc) {
    return writeOrAppend(vm, args, argc, false);
}

Value fsAppendFileSync(VM& vm, Value, Value* args, int argc) {
    return writeOrAppend(vm, args, argc, true);
}

Value fsExistsSync(VM&, Value, Value* args, int argc) {
    Value p = arg(args, argc, 0);
    if (!isString(p)) return Value::boolean(false);
    std::string path(asString(p)->view());
    struct stat st {};
    return Value::boolean(path.find('\0') == std::string::npos && ::stat(path.c_str(), &st) == 0);
}

bool isDirectory(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// mkdir, recursive or not: errno (0 on success); `first` is the first directory a
// recursive call made (node's result), empty when it made none.
int makeDirectory(const std::string& path, mode_t mode, bool recursive, std::string& first) {
    if (!recursive) return ::mkdir(path.c_str(), mode) == 0 ? 0 : errno;
    // Create each missing ancestor; the result is the first directory made (node's).
    std::vector<std::string> missing;
    std::string at = path;
    while (!at.empty() && !isDirectory(at)) {
        struct stat st {};
        if (::stat(at.c_str(), &st) == 0) return ENOTDIR;
        missing.push_back(at);
        size_t slash = at.find_last_of('/');
        if (slash == std::string::npos) break;
        while (slash > 0 && at[slash - 1] == '/')
            --slash;
        at = at.substr(0, slash);
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it)
        if (::mkdir(it->c_str(), mode) != 0 && errno != EEXIST) return errno;
    if (missing.empty()) return 0;
    char resolved[PATH_MAX];
    first = realpath(missing.back().c_str(), resolved) ? resolved : missing.back();
    return 0;
}

struct MkdirArgs {
    std::string path;
    mode_t mode = 0777;
    bool recursive = false;
};

bool mkdirArgs(VM& vm, Value* args, int argc, MkdirArgs& out) {
    if (!pathArg(vm, arg(args, argc, 0), "path", out.path)) return false;
    Value options = arg(args, argc, 1);
    out.recursive = VM::truthy(option(vm, options, "recursive"));
    Value modeValue = options.isNumber() ? options : option(vm, options, "mode");
    out.mode = modeValue.isNumber() ? mode_t(modeValue.asNumber()) : 0777;
    return true;
}

Value mkdirResult(VM& vm, const MkdirArgs& a, int err, const std::string& first) {
    if (err) return throwSystemError(vm, err, "mkdir", a.path);
    return first.empty() ? Value::undefined() : vm.str(first);
}

Value fsMkdirSync(VM& vm, Value, Value* args, int argc) {
    MkdirArgs a;
    if (!mkdirArgs(vm, args, argc, a)) return Value::exception();
    std::string first;
    int err = makeDirectory(a.path, a.mode, a.recursive, first);
    return mkdirResult(vm, a, err, first);
}

int listDirectory(const std::string& path, std::vector<std::string>& names) {
    DIR* dir = ::opendir(path.c_str());
    if (!dir) return errno;
    while (dirent* e = ::readdir(dir)) {
        std::string_view n = e->d_name;
        if (n == "." || n == "..") continue;
        names.emplace_back(n);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end()); // libuv's scandir sorts with strcmp
    return 0;
}

Value stringArray(VM& vm, const std::vector<std::string>& names) {
    Array* out = vm.newArray(uint32_t(names.size()));
    Root keep(vm.heap, Value::object(out));
    for (const std::string& n : names) {
        Root s(vm.heap, vm.str(n));
        vm.arrayPush(out, s.value);
    }
    return keep.value;
}

Value fsReaddirSync(VM& vm, Value, Value* args, int argc) {
    std::string path;
    if (!pathArg(vm, arg(args, argc, 0), "path", path)) return Value::exception();
    std::vector<std::string> names;
    if (int err = listDirectory(path, names)) return throwSystemError(vm, err, "scandir", path);
    return stringArray(vm, names);
}

// ---- Stats: a built-in class whose fields are node's, in node's order (the Date fields
// atime/mtime/ctime/birthtime are not there: Molt has no Date yet).
constexpr const char* kStatsFields[] = {"dev",     "mode",    "nlink",   "uid",        "gid",
                                        "rdev",    "blksize", "ino",     "size",       "blocks",
                                        "atimeMs", "mtimeMs", "ctimeMs", "birthtimeMs"};
constexpr uint32_t kModeSlot = 1;

double millis(const timespec& t) {
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

bool statsMode(Value thisValue, mode_t& mode) {
    if (!isKind(thisValue, ObjKind::Instance)) return false;
    Value m = as<Instance>(thisValue)->slots[kModeSlot];
    if (!m.isNumber()) return false;
    mode = mode_t(m.asNumber());
    return true;
}

template<bool (*Test)(mode_t)> Value statsIs(VM&, Value thisValue, Value*, int) {
    mode_t mode = 0;
    return Value::boolean(statsMode(thisValue, mode) && Test(mode));
}
bool modeIsFile(mode_t m) {
    return S_ISREG(m);
}
bool modeIsDirectory(mode_t m) {
    return S_ISDIR(m);
}
bool modeIsSymbolicLink(mode_t m) {
    return S_ISLNK(m);
}
bool modeIsFifo(mode_t m) {
    return S_ISFIFO(m);
}
bool modeIsSocket(mode_t m) {
    return S_ISSOCK(m);
}

Value statsObject(VM& vm, const struct stat& st);

Value statWith(VM& vm, Value* args, int argc, bool followLinks) {
    std::string path;
    if (!pathArg(vm, arg(args, argc, 0), "path", path)) return Value::exception();
    struct stat st {};
    int r = followLinks ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
    if (r != 0) {
        int err = errno;
        Value noThrow = option(vm, arg(args, argc, 1), "throwIfNoEntry");
        if (err == ENOENT && noThrow.isBool() && !noThrow.asBool()) return Value::undefined();
        return throwSystemError(vm, err, followLinks ? "stat" : "lstat", path);
    }
    return statsObject(vm, st);
}

Value statsObject(VM& vm, const struct stat& st) {
    Value stats = coreModuleExport(vm, "internal/fs", "Stats");
    if (stats.isException()) return stats;
    Value out = vm.newInstance(as<Class>(stats));
    Instance* in = as<Instance>(out);
    double values[] = {double(st.st_dev),     double(st.st_mode), double(st.st_nlink),
                       double(st.st_uid),     double(st.st_gid),  double(st.st_rdev),
                       double(st.st_blksize), double(st.st_ino),  double(st.st_size),
                       double(st.st_blocks),  millis(st.st_atim), millis(st.st_mtim),
                       millis(st.st_ctim),    millis(st.st_ctim)};
    for (size_t i = 0; i < std::size(values); ++i)
        in->slots[i] = Value::number(values[i]);
    return out;
}

int removeTree(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return errno;
    if (!S_ISDIR(st.st_mode)) return ::unlink(path.c_str()) == 0 ? 0 : errno;
    std::vector<std::string> names;
    if (int err = listDirectory(path, names)) return err;
    for (const std::string& n : names)
        if (int err = removeTree(path + "/" + n)) return err;
    return ::rmdir(path.c_str()) == 0 ? 0 : errno;
}

Value fsUnlinkSync(VM& vm, Value, Value* args, int argc) {
    std::string path;
    if (!pathArg(vm, arg(args, argc, 0), "path", path)) return Value::exception();
    if (::unlink(path.c_str()) != 0) {
        // Linux says EISDIR for a directory, as node reports it.
        return throwSystemError(vm, errno, "unlink", path);
    }
    return Value::undefined();
}

Value fsRmdirSync(VM& vm, Value, Value* args, int argc) {
    std::string path;
    if (!pathArg(vm, arg(args, argc, 0), "path", path)) return Value::exception();
    if (VM::truthy(option(vm, arg(args, argc, 1), "recursive"))) {
        if (int err = removeTree(path)) return throwSystemError(vm, err, "rmdir", path);
        return Value::undefined();
    }
    if (::rmdir(path.c_str()) != 0) return throwSystemError(vm, errno, "rmdir", path);
    return Value::undefined();
}

struct RmArgs {
    std::string path;
    bool recursive = false;
    bool force = false;
};

bool rmArgs(VM& vm, Value* args, int argc, RmArgs& out) {
    if (!pathArg(vm, arg(args, argc, 0), "path", out.path)) return false;
    Value options = arg(args, argc, 1);
    out.recursive = VM::truthy(option(vm, options, "recursive"));
    out.force = VM::truthy(option(vm, options, "force"));
    return true;
}

// rm's system calls: errno (0 when done, or nothing to do under force) and the syscall that
// failed; `isDirectory` tells a refused directory (no recursive) from other failures.
int removePath(const RmArgs& a, const char*& syscall, bool& isDirectory) {
    struct stat st {};
    isDirectory = false;
    syscall = "lstat";
    if (::lstat(a.path.c_str(), &st) != 0) return errno == ENOENT && a.force ? 0 : errno;
    isDirectory = S_ISDIR(st.st_mode);
    if (isDirectory && !a.recursive) {
        syscall = "rm";
        return EISDIR;
    }
    syscall = isDirectory ? "rmdir" : "unlink";
    int err = removeTree(a.path);
    return err == ENOENT && a.force ? 0 : err;
}

Value rmResult(VM& vm, const RmArgs& a, int err, const char* syscall) {
    if (!err) return Value::undefined();
    if (std::strcmp(syscall, "rm") != 0) return throwSystemError(vm, err, syscall, a.path);
    // node's ERR_FS_EISDIR: a SystemError of its own shape.
    const std::string& path = a.path;
    throwSystemError(vm, EISDIR, "rm", path);
    Value error = vm.takePendingException();
    Root keep(vm.heap, error);
    Instance* in = as<Instance>(error);
    auto set = [&](const char* field, Value v) {
        Root keepValue(vm.heap, v);
        return !vm.setProperty(error, vm.intern(field), keepValue.value).isException();
    };
    Root message(vm.heap,
                 vm.str("Path is a directory: rm returned EISDIR (is a directory) " + path));
    if (!set("message", message.value)) return Value::exception();
    std::string trace(asString(in->slots[in->klass->slotOf.at(vm.names.stack)])->view());
    size_t frames = trace.find('\n');
    Root stack(vm.heap, vm.str("SystemError [ERR_FS_EISDIR]: " +
                               std::string(asString(message.value)->view()) +
                               (frames == std::string::npos ? "" : trace.substr(frames))));
    Root code(vm.heap, vm.istr("ERR_FS_EISDIR"));
    if (!set("stack", stack.value) || !set("errno", Value::integer(EISDIR)) ||
        !set("code", code.value))
        return Value::exception();
    return vm.throwValue(error);
}

Value fsRmSync(VM& vm, Value, Value* args, int argc) {
    RmArgs a;
    if (!rmArgs(vm, args, argc, a)) return Value::exception();
    const char* syscall = "";
    bool isDirectory = false;
    int err = removePath(a, syscall, isDirectory);
    return rmResult(vm, a, err, syscall);
}

Value fsRenameSync(VM& vm, Value, Value* args, int argc) {
    std::string from, to;
    if (!pathArg(vm, arg(args, argc, 0), "oldPath", from)) return Value::exception();
    if (!pathArg(vm, arg(args, argc, 1), "newPath", to)) return Value::exception();
    if (::rename(from.c_str(), to.c_str()) != 0)
        return throwSystemError(vm, errno, "rename", from, to);
    return Value::undefined();
}

Class* makeStatsClass(VM& vm) {
    Class* cls = vm.newBuiltinClass("Stats");
    Root keep(vm.heap, Value::object(cls));
    for (const char* f : kStatsFields) {
        String* n = vm.intern(f);
        cls->slotOf[n] = uint32_t(cls->fields.size());
        cls->fields.push_back(n);
    }
    vm.defineMethod(cls, "isFile", statsIs<modeIsFile>, 0);
    vm.defineMethod(cls, "isDirectory", statsIs<modeIsDirectory>, 0);
    vm.defineMethod(cls, "isSymbolicLink", statsIs<modeIsSymbolicLink>, 0);
    vm.defineMethod(cls, "isFIFO", statsIs<modeIsFifo>, 0);
    vm.defineMethod(cls, "isSocket", statsIs<modeIsSocket>, 0);
    vm.finishClass(cls);
    return cls;
}

Value fsStatSync(VM& vm, Value, Value* args, int argc) {
    return statWith(vm, args, argc, true);
}

Value fsLstatSync(VM& vm, Value, Value* args, int argc) {
    return statWith(vm, args, argc, false);
}

// ---- fs.promises on libuv's thread pool (see the top of the file)

struct FsJob {
    uv_work_t req{};
    VM* vm = nullptr;
    Thread* thread = nullptr;
    std::function<void()> work;       // on the pool: system calls into plain data only
    std::function<Value(VM&)> finish; // on the loop: the result, or an exception pending
};

// [error, value], what the parked thread's native call evaluates to.
Value settlement(VM& vm, Value result) {
    Value error = Value::undefined();
    if (result.isException()) {
        error = vm.takePendingException();
        result = Value::undefined();
    }
    Root keepError(vm.heap, error), keepResult(vm.heap, result);
    Array* a = vm.newArray(2);
    Root keep(vm.heap, Value::object(a));
    vm.arrayPush(a, keepError.value);
    vm.arrayPush(a, keepResult.value);
    return keep.value;
}

void runFsWork(uv_work_t* req) {
    static_cast<FsJob*>(req->data)->work();
}

void finishFsWork(uv_work_t* req, int) {
    std::unique_ptr<FsJob> job(static_cast<FsJob*>(req->data));
    VM& vm = *job->vm;
    Value r = settlement(vm, job->finish(vm));
    vm.scheduler().resume(job->thread, r);
}

// Parks the calling green thread and runs `work` on the pool, then `finish` on the loop;
// where the thread cannot park (hosted code called back from a native), runs both now.
Value onPool(VM& vm, std::function<void()> work, std::function<Value(VM&)> finish) {
    Thread* t = vm.currentThread();
    if (!vm.scheduler().block(t)) {
        work();
        return settlement(vm, finish(vm));
    }
    auto* job = new FsJob;
    job->vm = &vm;
    job->thread = t;
    job->work = std::move(work);
    job->finish = std::move(finish);
    job->req.data = job;
    if (int err = uv_queue_work(vm.scheduler().loop(), &job->req, runFsWork, finishFsWork)) {
        std::unique_ptr<FsJob> failed(job);
        vm.scheduler().resume(t, settlement(vm, throwSystemError(vm, -err, "uv_queue_work", "")));
    }
    return Value::undefined();
}

Value poolReadFile(VM& vm, Value, Value* args, int argc) {
    struct State {
        std::string path, bytes;
        Encoding encoding = Encoding::Latin1;
        const char* syscall = nullptr;
        int err = 0;
    };
    auto st = std::make_shared<State>();
    bool given = false;
    if (!pathArg(vm, arg(args, argc, 0), "path", st->path) ||
        !encodingOption(vm, arg(args, argc, 1), st->encoding, given))
        return Value::exception();
    return onPool(
        vm, [st] { st->err = readWhole(st->path, st->bytes, st->syscall); },
        [st](VM& vm) {
            if (st->err)
                return throwSystemError(vm, st->err, st->syscall,
                                        std::strcmp(st->syscall, "open") == 0 ? st->path : "");
            return vm.str(decode(st->bytes, st->encoding));
        });
}

Value poolWrite(VM& vm, Value* args, int argc, bool append) {
    auto a = std::make_shared<WriteArgs>();
    if (!writeArgs(vm, args, argc, append, *a)) return Value::exception();
    auto err = std::make_shared<int>(0);
    return onPool(
        vm, [a, err] { *err = writeWhole(a->path, a->bytes, a->append ? O_APPEND : O_TRUNC); },
        [a, err](VM& vm) {
            return *err ? throwSystemError(vm, *err, "open", a->path) : Value::undefined();
        });
}

Value poolWriteFile(VM& vm, Value, Value* args, int argc) {
    return poolWrite(vm, args, argc, false);
}

Value poolAppendFile(VM& vm, Value, Value* args, int argc) {
    return poolWrite(vm, args, argc, true);
}

Value poolReaddir(VM& vm, Value, Value* args, int argc) {
    struct State {
        std::string path;
        std::vector<std::string> names;
        int err = 0;
    };
    auto st = std::make_shared<State>();
    if (!pathArg(vm, arg(args, argc, 0), "path", st->path)) return Value::exception();
    return onPool(
        vm, [st] { st->err = listDirectory(st->path, st->names); },
        [st](VM& vm) {
            return st->err ? throwSystemError(vm, st->err, "scandir", st->path)
                           : stringArray(vm, st->names);
        });
}

Value poolStatWith(VM& vm, Value* args, int argc, bool followLinks) {
    struct State {
        std::string path;
        bool followLinks;
        struct stat st {};
        int err = 0;
    };
    auto st = std::make_shared<State>();
    st->followLinks = followLinks;
    if (!pathArg(vm, arg(args, argc, 0), "path", st->path)) return Value::exception();
    return onPool(
        vm,
        [st] {
            const char* p = st->path.c_str();
            int r = st->followLinks ? ::stat(p, &st->st) : ::lstat(p, &st->st);
            st->err = r == 0 ? 0 : errno;
        },
        [st](VM& vm) {
            return st->err ? throwSystemError(vm, st->err, st->followLinks ? "stat" : "lstat",
                                              st->path)
                           : statsObject(vm, st->st);
        });
}

Value poolStat(VM& vm, Value, Value* args, int argc) {
    return poolStatWith(vm, args, argc, true);
}

Value poolLstat(VM& vm, Value, Value* args, int argc) {
    return poolStatWith(vm, args, argc, false);
}

Value poolRmdir(VM& vm, Value, Value* args, int argc) {
    struct State {
        std::string path;
        bool recursive = false;
        int err = 0;
    };
    auto st = std::make_shared<State>();
    if (!pathArg(vm, arg(args, argc, 0), "path", st->path)) return Value::exception();
    st->recursive = VM::truthy(option(vm, arg(args, argc, 1), "recursive"));
    return onPool(
        vm,
        [st] {
            if (st->recursive) st->err = removeTree(st->path);
            else st->err = ::rmdir(st->path.c_str()) == 0 ? 0 : errno;
        },
        [st](VM& vm) {
            return st->err ? throwSystemError(vm, st->err, "rmdir", st->path) : Value::undefined();
        });
}

Value poolRename(VM& vm, Value, Value* args, int argc) {
    struct State {
        std::string from, to;
        int err = 0;
    };
    auto st = std::make_shared<State>();
    if (!pathArg(vm, arg(args, argc, 0), "oldPath", st->from)) return Value::exception();
    if (!pathArg(vm, arg(args, argc, 1), "newPath", st->to)) return Value::exception();
    return onPool(
        vm, [st] { st->err = ::rename(st->from.c_str(), st->to.c_str()) == 0 ? 0 : errno; },
        [st](VM& vm) {
            return st->err ? throwSystemError(vm, st->err, "rename", st->from, st->to)
                           : Value::undefined();
        });
}

Value poolUnlink(VM& vm, Value, Value* args, int argc) {
    auto path = std::make_shared<std::string>();
    auto err = std::make_shared<int>(0);
    if (!pathArg(vm, arg(args, argc, 0), "path", *path)) return Value::exception();
    return onPool(
        vm, [path, err] { *err = ::unlink(path->c_str()) == 0 ? 0 : errno; },
        [path, err](VM& vm) {
            return *err ? throwSystemError(vm, *err, "unlink", *path) : Value::undefined();
        });
}

Value poolMkdir(VM& vm, Value, Value* args, int argc) {
    struct State {
        MkdirArgs a;
        std::string first;
        int err = 0;
    };
    auto st = std::make_shared<State>();
    if (!mkdirArgs(vm, args, argc, st->a)) return Value::exception();
    return onPool(
        vm, [st] { st->err = makeDirectory(st->a.path, st->a.mode, st->a.recursive, st->first); },
        [st](VM& vm) { return mkdirResult(vm, st->a, st->err, st->first); });
}

Value poolRm(VM& vm, Value, Value* args, int argc) {
    struct State {
        RmArgs a;
        const char* syscall = "";
        bool isDirectory = false;
        int err = 0;
    };
    auto st = std::make_shared<State>();
    if (!rmArgs(vm, args, argc, st->a)) return Value::exception();
    return onPool(
        vm, [st] { st->err = removePath(st->a, st->syscall, st->isDirectory); },
        [st](VM& vm) { return rmResult(vm, st->a, st->err, st->syscall); });
}

} // namespace

// internal/fs: what fs's natives keep out of the program's reach (fs.Stats may be
// reassigned; this one may not).
Value installInternalFsModule(VM& vm) {
    Record* exports = vm.newRecord();
    Root keep(vm.heap, Value::object(exports));
    Root stats(vm.heap, Value::object(makeStatsClass(vm)));
    vm.recordSet(exports, vm.intern("Stats"), stats.value);
    // The thread-pool halves of fs.promises (internal/fs_promises.js).
    exportFunction(vm, exports, "readFile", poolReadFile, 2);
    exportFunction(vm, exports, "writeFile", poolWriteFile, 3);
    exportFunction(vm, exports, "appendFile", poolAppendFile, 3);
    exportFunction(vm, exports, "readdir", poolReaddir, 2);
    exportFunction(vm, exports, "stat", poolStat, 2);
    exportFunction(vm, exports, "lstat", poolLstat, 2);
    exportFunction(vm, exports, "rmdir", poolRmdir, 2);
    exportFunction(vm, exports, "rename", poolRename, 2);
    exportFunction(vm, exports, "unlink", poolUnlink, 1);
    exportFunction(vm, exports, "mkdir", poolMkdir, 2);
    exportFunction(vm, exports, "rm", poolRm, 2);
    return keep.value;
}

Value installFsModule(VM& vm) {
    Value statsClass = coreModuleExport(vm, "internal/fs", "Stats");
    if (statsClass.isException()) return statsClass;
    Root stats(vm.heap, statsClass);
    Record* fs = vm.newRecord();
    Root keep(vm.heap, Value::object(fs));
    exportFunction(vm, fs, "readFileSync", fsReadFileSync, 2);
    exportFunction(vm, fs, "writeFileSync", fsWriteFileSync, 3);
    exportFunction(vm, fs, "appendFileSync", fsAppendFileSync, 3);
    exportFunction(vm, fs, "existsSync", fsExistsSync, 1);
    exportFunction(vm, fs, "mkdirSync", fsMkdirSync, 2);
    exportFunction(vm, fs, "readdirSync", fsReaddirSync, 2);
    exportFunction(vm, fs, "unlinkSync", fsUnlinkSync, 1);
    exportFunction(vm, fs, "rmdirSync", fsRmdirSync, 2);
    exportFunction(vm, fs, "rmSync", fsRmSync, 2);
    exportFunction(vm, fs, "renameSync", fsRenameSync, 2);
    exportFunction(vm, fs, "statSync", fsStatSync, 2);
    exportFunction(vm, fs, "lstatSync", fsLstatSync, 2);
    vm.recordSet(fs, vm.intern("Stats"), stats.value);
    // fs.promises: hosted wrappers over the calls above (internal/fs_promises.js).
    Value fromSync = coreModuleExport(vm, "internal/fs_promises", "fromSync");
    if (fromSync.isException()) return fromSync;
    Value self = keep.value;
    Value promises = vm.call(fromSync, Value::undefined(), &self, 1);
    if (promises.isException()) return promises;
    Root keepPromises(vm.heap, promises); // interning the key may collect
    vm.recordSet(fs, vm.intern("promises"), keepPromises.value);
    return keep.value;
}

// The same object as require("fs").promises, as in node.
Value installFsPromisesModule(VM& vm) {
    Value fs = vm.requireCoreModule("fs");
    if (fs.isException()) return fs;
    return vm.recordGet(as<Record>(fs), vm.intern("promises"));
}

} // namespace molt
