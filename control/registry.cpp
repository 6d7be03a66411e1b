#include "control/registry.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace molt::control {

namespace {

Result<void> usable(const std::string& dir) {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0) {
        if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
            return Error("cannot create '" + dir + "': " + std::strerror(errno));
        if (::lstat(dir.c_str(), &st) != 0)
            return Error("cannot read '" + dir + "': " + std::strerror(errno));
    }
    if (!S_ISDIR(st.st_mode) || st.st_uid != ::geteuid() || (st.st_mode & 077) != 0)
        return Error("'" + dir + "' is not a directory private to uid " +
                     std::to_string(::geteuid()));
    return {};
}

} // namespace

Result<std::string> registryDirectory() {
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::string dir = runtime && *runtime ? std::string(runtime) + "/molt"
                                          : "/tmp/molt-" + std::to_string(::geteuid());
    TRY(usable(dir));
    return dir;
}

Result<std::string> registerProcess(const RegistryEntry& entry) {
    std::string dir = TRY(registryDirectory());
    std::string file = dir + "/" + std::to_string(entry.pid) + ".json";
    std::string tmp = file + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << Json{{"pid", entry.pid},
                    {"socket", entry.socket},
                    {"main", entry.main},
                    {"started", entry.started}}
                   .dump()
            << "\n";
        if (!out) return Error("cannot write '" + tmp + "'");
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        int e = errno;
        ::unlink(tmp.c_str());
        return Error("cannot write '" + file + "': " + std::strerror(e));
    }
    return file;
}

void unregisterProcess(const std::string& file) {
    if (!file.empty()) ::unlink(file.c_str());
}

Result<std::vector<RegistryEntry>> liveProcesses() {
    std::vector<RegistryEntry> out;
    std::string dir = TRY(registryDirectory());
    DIR* d = ::opendir(dir.c_str());
    if (!d) return Error("cannot list '" + dir + "': " + std::strerror(errno));
    while (dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (name.size() < 6 || name.compare(name.size() - 5, 5, ".json") != 0) continue;
        std::string file = dir + "/" + name;
        std::ifstream in(file);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Json j = Json::parse(text, nullptr, false);
        RegistryEntry entry;
        bool ok = j.is_object() && j.contains("pid") && j["pid"].is_number_integer() &&
                  j.contains("socket") && j["socket"].is_string();
        if (ok) {
            entry.pid = pid_t(j["pid"].get<long>());
            entry.socket = j["socket"].get<std::string>();
            entry.main = j.value("main", "");
            entry.started = j.value("started", "");
        }
        struct stat st {};
        bool alive = ok && entry.pid > 0 && (::kill(entry.pid, 0) == 0 || errno == EPERM) &&
                     ::lstat(entry.socket.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
        if (!alive) {
            ::unlink(file.c_str());
            continue;
        }
        out.push_back(std::move(entry));
    }
    ::closedir(d);
    std::sort(out.begin(), out.end(),
              [](const RegistryEntry& a, const RegistryEntry& b) { return a.pid < b.pid; });
    return out;
}

} // namespace molt::control
