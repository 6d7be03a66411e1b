#include "control/journal.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <openssl/evp.h>
#include <unistd.h>

namespace molt::control {

Journal::~Journal() {
    if (fd_ >= 0) ::close(fd_);
}

Result<void> Journal::open(const std::string& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return Error("cannot open the journal '" + path + "': " + std::strerror(errno));
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
    path_ = path;
    return {};
}

Result<void> Journal::append(const Json& entry) {
    std::string line = entry.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    ssize_t n = ::write(fd_, line.data(), line.size());
    if (n == ssize_t(line.size())) return {};
    return Error("cannot write the journal '" + path_ +
                 "': " + (n < 0 ? std::strerror(errno) : "short write"));
}

std::vector<Json> Journal::read() const {
    std::vector<Json> entries;
    std::ifstream in(path_);
    std::string line;
    while (std::getline(in, line)) {
        Json j = Json::parse(line, nullptr, false);
        if (!j.is_discarded() && j.is_object()) entries.push_back(std::move(j));
    }
    return entries;
}

std::string sourcesDigest(const std::vector<SourceText>& files) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
    const char nul = 0;
    for (const SourceText& f : files) {
        EVP_DigestUpdate(ctx, f.path.data(), f.path.size());
        EVP_DigestUpdate(ctx, &nul, 1);
        EVP_DigestUpdate(ctx, f.text.data(), f.text.size());
        EVP_DigestUpdate(ctx, &nul, 1);
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx, digest, &size);
    EVP_MD_CTX_free(ctx);
    static const char hex[] = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned int i = 0; i < size; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

std::string utcTimestamp() {
    using namespace std::chrono;
    auto now = system_clock::now();
    std::time_t seconds = system_clock::to_time_t(now);
    long ms = long(duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
    return buf;
}

} // namespace molt::control
