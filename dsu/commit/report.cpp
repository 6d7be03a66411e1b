#include "dsu/commit/report.h"

#include "runtime/core/utf8.h"

#include <chrono>
#include <cstdio>

namespace molt::dsu {

double nowMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

static std::string number(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", ms);
    return buf;
}

static std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + jsonQuoted(items[i]);
    return out + "]";
}

std::string UpdateReport::toJson() const {
    std::string out = "{\n";
    out += "  \"outcome\": " +
           jsonQuoted(committed()                     ? "committed"
                      : outcome == Outcome::Validated ? "validated"
                                                      : "rolled_back") +
           ",\n";
    out += "  \"pause_ms\": " + number(pauseMs) + ",\n";
    out += "  \"total_ms\": " + number(totalMs) + ",\n";
    out += "  \"instances_migrated\": " + std::to_string(instancesMigrated) + ",\n";
    out += "  \"path\": " + jsonQuoted(path) + ",\n";
    out += "  \"instances_in_cell\": " + std::to_string(instancesInCell) + ",\n";
    out += "  \"copy_reason\": " +
           (copyReason.empty() ? std::string("null") : jsonQuoted(copyReason)) + ",\n";
    out += "  \"extra_bytes\": " + std::to_string(extraBytes) + ",\n";
    out += "  \"phases\": {\"prepare\": " + number(prepareMs) +
           ", \"migrate\": " + number(migrateMs) + ", \"validate\": " + number(validateMs) +
           ", \"wait\": " + number(waitMs) + ", \"pause\": " + number(pauseMs) + "},\n";
    out += "  \"classes_changed\": " + list(classesChanged) + ",\n";
    out += "  \"classes_updated_in_place\": " + list(classesUpdatedInPlace) + ",\n";
    out += "  \"policies\": " + list(policiesRun) + ",\n";
    out += "  \"validations\": " + list(validationsRun) + ",\n";
    out += "  \"rollback_reason\": " +
           (rollbackReason.empty() ? std::string("null") : jsonQuoted(rollbackReason)) + ",\n";
    out += "  \"blockers\": " + list(blockers) + ",\n";
    out += "  \"frames\": " + list(frames) + ",\n";
    std::string moved;
    for (const FrameTransfer& t : transferred)
        moved += std::string(moved.empty() ? "" : ", ") + "{\"thread\": " +
                 std::to_string(t.thread) + ", \"function\": " + jsonQuoted(t.function) +
                 ", \"loop\": " + jsonQuoted(t.loop) + ", \"file\": " + jsonQuoted(t.file) +
                 ", \"line\": " + std::to_string(t.line) +
                 ", \"column\": " + std::to_string(t.column) + "}";
    out += "  \"transferred\": [" + moved + "]\n";
    return out + "}\n";
}

} // namespace molt::dsu
