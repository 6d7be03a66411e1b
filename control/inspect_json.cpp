#include "control/inspect_json.h"

namespace molt::inspect {

using control::Json;

namespace {

template<typename T> T get(const Json& j, const char* key, T fallback = T{}) {
    auto it = j.find(key);
    if (it == j.end()) return fallback;
    if constexpr (std::is_same_v<T, std::string>) {
        return it->is_string() ? it->get<std::string>() : fallback;
    } else if constexpr (std::is_same_v<T, bool>) {
        return it->is_boolean() ? it->get<bool>() : fallback;
    } else {
        return it->is_number() ? it->get<T>() : fallback;
    }
}

const Json& array(const Json& j, const char* key) {
    static const Json empty = Json::array();
    auto it = j.find(key);
    return it != j.end() && it->is_array() ? *it : empty;
}

} // namespace

Json toJson(const std::vector<ClassInfo>& classes) {
    Json out = Json::array();
    for (const ClassInfo& c : classes)
        out.push_back({{"name", c.name},
                       {"module", c.module},
                       {"superclass", c.superclass},
                       {"fields", c.fields},
                       {"instances", c.instances}});
    return {{"classes", std::move(out)}};
}

Json toJson(const InstancePage& page) {
    Json rows = Json::array();
    for (const InstanceRow& r : page.rows)
        rows.push_back({{"identity", r.identity}, {"summary", r.summary}});
    const InstanceQuery& q = page.query;
    return {{"module", page.module},
            {"class", page.className},
            {"page", page.page},
            {"page_size", page.pageSize},
            {"total", page.total},
            {"found", page.found},
            {"query",
             {{"where", q.whereField},
              {"value", q.whereValue},
              {"contains", q.contains},
              {"sort", q.sortField},
              {"descending", q.descending}}},
            {"matched", page.matched},
            {"error", page.error},
            {"rows", std::move(rows)}};
}

Json toJson(const ObjectFields& object) {
    Json fields = Json::array();
    for (const FieldInfo& f : object.fields)
        fields.push_back({{"name", f.name},
                          {"value", f.value},
                          {"type", f.type},
                          {"identity", f.identity},
                          {"expandable", f.expandable}});
    return {{"identity", object.identity}, {"found", object.found},
            {"type", object.type},         {"summary", object.summary},
            {"fields", std::move(fields)}, {"omitted", object.omitted}};
}

Json toJson(const std::vector<ThreadInfo>& threads) {
    Json out = Json::array();
    for (const ThreadInfo& t : threads) {
        Json frames = Json::array();
        for (const FrameInfo& f : t.frames)
            frames.push_back({{"function", f.function},
                              {"file", f.file},
                              {"line", f.line},
                              {"column", f.column}});
        out.push_back({{"id", t.id}, {"name", t.name}, {"state", t.state}, {"frames", frames}});
    }
    return {{"threads", std::move(out)}};
}

Json toJson(const ReferrerList& referrers) {
    Json rows = Json::array();
    for (const Referrer& r : referrers.rows)
        rows.push_back(
            {{"identity", r.identity}, {"type", r.type}, {"summary", r.summary}, {"via", r.via}});
    return {{"identity", referrers.identity},
            {"found", referrers.found},
            {"total", referrers.total},
            {"rows", std::move(rows)}};
}

std::vector<ClassInfo> classesFromJson(const Json& result) {
    std::vector<ClassInfo> out;
    for (const Json& c : array(result, "classes")) {
        if (!c.is_object()) continue;
        ClassInfo info;
        info.name = get<std::string>(c, "name");
        info.module = get<std::string>(c, "module");
        info.superclass = get<std::string>(c, "superclass");
        for (const Json& f : array(c, "fields"))
            if (f.is_string()) info.fields.push_back(f.get<std::string>());
        info.instances = get<long>(c, "instances");
        out.push_back(std::move(info));
    }
    return out;
}

InstancePage instancesFromJson(const Json& result) {
    InstancePage page;
    page.module = get<std::string>(result, "module");
    page.className = get<std::string>(result, "class");
    page.page = get<int>(result, "page");
    page.pageSize = get<int>(result, "page_size");
    page.total = get<long>(result, "total");
    page.found = get<bool>(result, "found");
    page.matched = get<long>(result, "matched", page.total);
    page.error = get<std::string>(result, "error");
    if (auto q = result.find("query"); q != result.end() && q->is_object()) {
        page.query.whereField = get<std::string>(*q, "where");
        page.query.whereValue = get<std::string>(*q, "value");
        page.query.contains = get<bool>(*q, "contains");
        page.query.sortField = get<std::string>(*q, "sort");
        page.query.descending = get<bool>(*q, "descending");
    }
    page.query.module = page.module;
    page.query.className = page.className;
    page.query.page = page.page;
    page.query.pageSize = page.pageSize;
    for (const Json& r : array(result, "rows"))
        if (r.is_object())
            page.rows.push_back({get<uint32_t>(r, "identity"), get<std::string>(r, "summary")});
    return page;
}

ObjectFields objectFromJson(const Json& result) {
    ObjectFields o;
    o.identity = get<uint32_t>(result, "identity");
    o.found = get<bool>(result, "found");
    o.type = get<std::string>(result, "type");
    o.summary = get<std::string>(result, "summary");
    o.omitted = get<size_t>(result, "omitted");
    for (const Json& f : array(result, "fields")) {
        if (!f.is_object()) continue;
        o.fields.push_back({get<std::string>(f, "name"), get<std::string>(f, "value"),
                            get<std::string>(f, "type"), get<uint32_t>(f, "identity"),
                            get<bool>(f, "expandable")});
    }
    return o;
}

std::vector<ThreadInfo> threadsFromJson(const Json& result) {
    std::vector<ThreadInfo> out;
    for (const Json& t : array(result, "threads")) {
        if (!t.is_object()) continue;
        ThreadInfo info;
        info.id = get<uint32_t>(t, "id");
        info.name = get<std::string>(t, "name");
        info.state = get<std::string>(t, "state");
        for (const Json& f : array(t, "frames"))
            if (f.is_object())
                info.frames.push_back({get<std::string>(f, "function"), get<std::string>(f, "file"),
                                       get<uint32_t>(f, "line"), get<uint32_t>(f, "column")});
        out.push_back(std::move(info));
    }
    return out;
}

ReferrerList referrersFromJson(const Json& result) {
    ReferrerList out;
    out.identity = get<uint32_t>(result, "identity");
    out.found = get<bool>(result, "found");
    out.total = get<long>(result, "total");
    for (const Json& r : array(result, "rows"))
        if (r.is_object())
            out.rows.push_back({get<uint32_t>(r, "identity"), get<std::string>(r, "type"),
                                get<std::string>(r, "summary"), get<std::string>(r, "via")});
    return out;
}

} // namespace molt::inspect
