#include "app/ide/host/reportjson.h"

namespace molt::ide {

using control::Json;

namespace {

std::vector<std::string> strings(const Json& j, const char* key) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const Json& s : *it)
        if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

double number(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0;
}

std::vector<std::pair<std::string, std::string>> fieldsFromJson(const Json& j, const char* key) {
    std::vector<std::pair<std::string, std::string>> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const Json& f : *it)
        if (f.is_array() && f.size() == 2 && f[0].is_string() && f[1].is_string())
            out.emplace_back(f[0].get<std::string>(), f[1].get<std::string>());
    return out;
}

// One migrated instance of the update's answer (ControlHost's samplesJson).
dsu::MigratedInstance sampleFromJson(const Json& j) {
    dsu::MigratedInstance m;
    m.identity = uint32_t(number(j, "identity"));
    m.oldClass = j.value("old_class", Json()).is_string() ? j["old_class"].get<std::string>() : "";
    m.newClass = j.value("new_class", Json()).is_string() ? j["new_class"].get<std::string>() : "";
    m.before = fieldsFromJson(j, "before");
    m.after = fieldsFromJson(j, "after");
    return m;
}

} // namespace

// The process's report (dsu::UpdateReport::toJson) read back; what the views show.
dsu::UpdateReport reportFromJson(const Json& j) {
    dsu::UpdateReport r;
    std::string outcome = j.value("outcome", std::string("rolled_back"));
    r.outcome = outcome == "committed"   ? dsu::UpdateReport::Outcome::Committed
                : outcome == "validated" ? dsu::UpdateReport::Outcome::Validated
                                         : dsu::UpdateReport::Outcome::RolledBack;
    r.pauseMs = number(j, "pause_ms");
    r.totalMs = number(j, "total_ms");
    r.instancesMigrated = size_t(number(j, "instances_migrated"));
    r.extraBytes = size_t(number(j, "extra_bytes"));
    if (auto p = j.find("phases"); p != j.end() && p->is_object()) {
        r.prepareMs = number(*p, "prepare");
        r.migrateMs = number(*p, "migrate");
        r.validateMs = number(*p, "validate");
        r.waitMs = number(*p, "wait");
    }
    r.classesChanged = strings(j, "classes_changed");
    r.classesUpdatedInPlace = strings(j, "classes_updated_in_place");
    r.policiesRun = strings(j, "policies");
    r.validationsRun = strings(j, "validations");
    r.blockers = strings(j, "blockers");
    r.frames = strings(j, "frames");
    if (auto moved = j.find("transferred"); moved != j.end() && moved->is_array())
        for (const Json& t : *moved)
            if (t.is_object())
                r.transferred.push_back({uint32_t(number(t, "thread")),
                                         t.value("function", std::string()),
                                         t.value("loop", std::string()),
                                         t.value("file", std::string()),
                                         uint32_t(number(t, "line")), uint32_t(number(t, "column"))});
    if (auto why = j.find("rollback_reason"); why != j.end() && why->is_string())
        r.rollbackReason = why->get<std::string>();
    if (auto samples = j.find("samples"); samples != j.end() && samples->is_array())
        for (const Json& s : *samples)
            if (s.is_object()) r.samples.push_back(sampleFromJson(s));
    return r;
}

std::vector<dsu::SourceFile> filesFromJson(const Json& result) {
    std::vector<dsu::SourceFile> out;
    auto it = result.find("files");
    if (it == result.end() || !it->is_array()) return out;
    for (const Json& f : *it)
        if (f.is_object() && f.value("path", Json()).is_string() &&
            f.value("text", Json()).is_string())
            out.push_back({f["path"].get<std::string>(), f["text"].get<std::string>(),
                           f["path"].get<std::string>()});
    return out;
}

} // namespace molt::ide
