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
#include "runtime/exec/core_modules.h"
#include "runtime/lib/natives.h"
#include "runtime/lib/node_support.h"
#include "runtime/syntax/source_text.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
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

Value writeOrAppend(VM& vm, Value* args, int argc, bool append) {
    std::string path;
    if (!pathArg(vm, arg(args, argc, 0), "path", path)) return Value::exception();
    Value data = arg(args, argc, 1);
    if (!isString(data))
        return throwInvalidArgType(
            vm, "data", "of type string or an instance of Buffer, TypedArray, or DataView", data);
    Encoding encoding = Encoding::Utf8;
    bool given = false;
    Value options = arg(args, argc, 2);
    if (!encodingOption(vm, options, encoding, given)) return Value::exception();
    Value flag = option(vm, options, "flag");
    if (isString(flag) && asString(flag)->view().substr(0, 1) == "a") append = true;
    std::string bytes = encode(asString(data)->view(), encoding);
    if (int err = writeWhole(path, bytes, append ? O_APPEND : O_TRUNC))
        return throwSystemError(vm, err, "open", path);
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

Value fsMkdirSync(VM& vm, Value, Value* args, int argc) {
    std::string path;
    if (!pathArg(vm, arg(args, argc, 0), "path", path)) return Value::exception();
    Value options = arg(args, argc, 1);
    bool recursive = VM::truthy(option(vm, options, "recursive"));
    Value modeValue = options.isNumber() ? options : option(vm, options, "mode");
    mode_t mode = modeValue.isNumber() ? mode_t(modeValue.asNumber()) : 0777;
    if (!recursive) {
        if (::mkdir(path.c_str(), mode) != 0) return throwSystemError(vm, errno, "mkdir", path);
        return Value::undefined();
    }
    // Create each missing ancestor; the result is the first directory made (node's).
    std::vector<std::string> missing;
    std::string at = path;
    while (!at.empty() && !isDirectory(at)) {
        struct stat st {};
        if (::stat(at.c_str(), &st) == 0) return throwSystemError(vm, ENOTDIR, "mkdir", path);
        missing.push_back(at);
        size_t slash = at.find_last_of('/');
        if (slash == std::string::npos) break;
        while (slash > 0 && at[slash - 1] == '/')
            --slash;
        at = at.substr(0, slash);
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it)
        if (::mkdir(it->c_str(), mode) != 0 && errno != EEXIST)
            return throwSystemError(vm, errno == ENOTDIR ? ENOTDIR : errno, "mkdir", path);
    if (missing.empty()) return Value::undefined();
    char resolved[PATH_MAX];
    if (!realpath(missing.back().c_str(), resolved)) return vm.str(missing.back());
    return vm.str(resolved);
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

Value fsReaddirSync(VM& vm, Value, Value* args, int argc) {
    std::string path;
    if (!pathArg(vm, arg(args, argc, 0), "path", path)) return Value::exception();
    std::vector<std::string> names;
    if (int err = listDirectory(path, names)) return throwSystemError(vm, err, "scandir", path);
    Array* out = vm.newArray(uint32_t(names.size()));
    Root keep(vm.heap, Value::object(out));
    for (const std::string& n : names) {
        Root s(vm.heap, vm.str(n));
        vm.arrayPush(out, s.value);
    }
    return keep.value;
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

Value fsRmSync(VM& vm, Value, Value* args, int argc) {
    std::string path;
    if (!pathArg(vm, arg(args, argc, 0), "path", path)) return Value::exception();
    Value options = arg(args, argc, 1);
    bool recursive = VM::truthy(option(vm, options, "recursive"));
    bool force = VM::truthy(option(vm, options, "force"));
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT && force) return Value::undefined();
        return throwSystemError(vm, errno, "lstat", path);
    }
    if (S_ISDIR(st.st_mode) && !recursive) {
        // node's ERR_FS_EISDIR: a SystemError of its own shape.
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
    if (int err = removeTree(path)) {
        if (err == ENOENT && force) return Value::undefined();
        return throwSystemError(vm, err, S_ISDIR(st.st_mode) ? "rmdir" : "unlink", path);
    }
    return Value::undefined();
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

} // namespace

// internal/fs: what fs's natives keep out of the program's reach (fs.Stats may be
// reassigned; this one may not).
Value installInternalFsModule(VM& vm) {
    Record* exports = vm.newRecord();
    Root keep(vm.heap, Value::object(exports));
    Root stats(vm.heap, Value::object(makeStatsClass(vm)));
    vm.recordSet(exports, vm.intern("Stats"), stats.value);
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
    vm.recordSet(fs, vm.intern("promises"), promises);
    return keep.value;
}

} // namespace molt
