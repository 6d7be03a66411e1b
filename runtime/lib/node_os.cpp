// node_os.cpp — node:os, the facts about the machine a program runs on. Everything is read
// when asked (a long-running service sees the current hostname and free memory).
#include "runtime/exec/core_modules.h"
#include "runtime/lib/natives.h"
#include "runtime/lib/node_support.h"

#include <cstdlib>
#include <pwd.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

namespace molt {

namespace {

std::string environment(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

Value osTmpdir(VM& vm, Value, Value*, int) {
    std::string dir = environment("TMPDIR");
    if (dir.empty()) dir = environment("TMP");
    if (dir.empty()) dir = environment("TEMP");
    if (dir.empty()) dir = "/tmp";
    if (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    return vm.str(dir);
}

Value osHomedir(VM& vm, Value, Value*, int) {
    std::string home = environment("HOME");
    if (home.empty())
        if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) home = pw->pw_dir;
    return vm.str(home);
}

Value osHostname(VM& vm, Value, Value*, int) {
    char name[256] = {};
    if (gethostname(name, sizeof name - 1) != 0) return vm.str("localhost");
    return vm.str(name);
}

Value osPlatform(VM& vm, Value, Value*, int) {
    return vm.str("linux");
}

Value osType(VM& vm, Value, Value*, int) {
    utsname u{};
    return vm.str(uname(&u) == 0 ? u.sysname : "Linux");
}

Value osRelease(VM& vm, Value, Value*, int) {
    utsname u{};
    return vm.str(uname(&u) == 0 ? u.release : "");
}

Value osArch(VM& vm, Value, Value*, int) {
    utsname u{};
    std::string machine = uname(&u) == 0 ? u.machine : "";
    if (machine == "x86_64") return vm.str("x64");
    if (machine == "aarch64") return vm.str("arm64");
    return vm.str(machine);
}

Value osUptime(VM&, Value, Value*, int) {
    struct sysinfo info {};
    return Value::number(sysinfo(&info) == 0 ? double(info.uptime) : 0);
}

Value osTotalmem(VM&, Value, Value*, int) {
    struct sysinfo info {};
    if (sysinfo(&info) != 0) return Value::integer(0);
    return Value::number(double(info.totalram) * info.mem_unit);
}

Value osFreemem(VM&, Value, Value*, int) {
    struct sysinfo info {};
    if (sysinfo(&info) != 0) return Value::integer(0);
    return Value::number(double(info.freeram) * info.mem_unit);
}

// One record per online processor. Model and speed are not read (node reads
// /proc/cpuinfo); programs use the count.
Value osCpus(VM& vm, Value, Value*, int) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) n = 1;
    Array* cpus = vm.newArray(uint32_t(n));
    Root keep(vm.heap, Value::object(cpus));
    for (long i = 0; i < n; ++i) {
        Record* cpu = vm.newRecord();
        Root keepCpu(vm.heap, Value::object(cpu));
        Root model(vm.heap, vm.str("unknown"));
        vm.recordSet(cpu, vm.intern("model"), model.value);
        vm.recordSet(cpu, vm.intern("speed"), Value::integer(0));
        Record* times = vm.newRecord();
        Root keepTimes(vm.heap, Value::object(times));
        for (const char* k : {"user", "nice", "sys", "idle", "irq"})
            vm.recordSet(times, vm.intern(k), Value::integer(0));
        vm.recordSet(cpu, vm.intern("times"), keepTimes.value);
        vm.arrayPush(cpus, keepCpu.value);
    }
    return keep.value;
}

} // namespace

Value installOsModule(VM& vm) {
    Record* os = vm.newRecord();
    Root keep(vm.heap, Value::object(os));
    exportFunction(vm, os, "tmpdir", osTmpdir, 0);
    exportFunction(vm, os, "homedir", osHomedir, 0);
    exportFunction(vm, os, "hostname", osHostname, 0);
    exportFunction(vm, os, "platform", osPlatform, 0);
    exportFunction(vm, os, "type", osType, 0);
    exportFunction(vm, os, "release", osRelease, 0);
    exportFunction(vm, os, "arch", osArch, 0);
    exportFunction(vm, os, "uptime", osUptime, 0);
    exportFunction(vm, os, "totalmem", osTotalmem, 0);
    exportFunction(vm, os, "freemem", osFreemem, 0);
    exportFunction(vm, os, "cpus", osCpus, 0);
    Root eol(vm.heap, vm.str("\n"));
    vm.recordSet(os, vm.intern("EOL"), eol.value);
    return keep.value;
}

} // namespace molt
