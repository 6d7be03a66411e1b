#include "app/ide/historystore.h"

#include "app/ide/host/reportjson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace molt::ide {

using control::Json;

namespace {

constexpr int kFormatVersion = 1;

Json filesJson(const std::vector<dsu::SourceFile>& files) {
    Json out = Json::array();
    for (const dsu::SourceFile& f : files)
        out.push_back({{"path", f.path}, {"text", f.text}});
    return out;
}

Json fieldsJson(const std::vector<std::pair<std::string, std::string>>& fields) {
    Json out = Json::array();
    for (const auto& [name, value] : fields)
        out.push_back(Json::array({name, value}));
    return out;
}

// The report as toJson writes it, with the migrated samples Before/After shows (which the
// process's answer carries beside it, under the same names reportFromJson reads).
Json reportJson(const dsu::UpdateReport& r) {
    Json j = Json::parse(r.toJson(), nullptr, false);
    if (!j.is_object()) j = Json::object();
    Json samples = Json::array();
    for (const dsu::MigratedInstance& m : r.samples)
        samples.push_back({{"identity", m.identity},
                           {"old_class", m.oldClass},
                           {"new_class", m.newClass},
                           {"before", fieldsJson(m.before)},
                           {"after", fieldsJson(m.after)}});
    j["samples"] = samples;
    return j;
}

std::string text(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

QString historyFile(const QString& projectRoot) {
    return QDir(projectRoot).filePath(QStringLiteral(".molt/history.json"));
}

bool saveHistory(const QString& projectRoot, const QList<HistoryEntry>& entries, QString* error) {
    Json list = Json::array();
    for (const HistoryEntry& e : entries) {
        const UpdateOutcome& o = e.outcome;
        list.push_back({{"number", e.number},
                        {"time", e.time.toString(Qt::ISODateWithMs).toStdString()},
                        {"title", e.title.toStdString()},
                        {"started", o.started},
                        {"error", o.error},
                        {"report", reportJson(o.report)},
                        {"script", o.script},
                        {"patch", o.userPatch},
                        {"before", filesJson(o.before)},
                        {"after", filesJson(o.after)}});
    }
    Json doc = {{"molt_history", kFormatVersion}, {"entries", list}};
    QString path = historyFile(projectRoot);
    if (!QDir().mkpath(QFileInfo(path).path())) {
        if (error) *error = QObject::tr("Cannot create %1").arg(QFileInfo(path).path());
        return false;
    }
    QSaveFile f(path);
    QByteArray bytes = QByteArray::fromStdString(doc.dump(1));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        if (error) *error = QObject::tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

QList<HistoryEntry> loadHistory(const QString& projectRoot, QString* error) {
    QList<HistoryEntry> out;
    QFile f(historyFile(projectRoot));
    if (!f.exists()) return out;
    if (!f.open(QIODevice::ReadOnly)) {
        if (error) *error = QObject::tr("Cannot read %1: %2").arg(f.fileName(), f.errorString());
        return out;
    }
    Json doc = Json::parse(f.readAll().toStdString(), nullptr, false);
    auto entries = doc.is_object() ? doc.find("entries") : doc.end();
    if (!doc.is_object() || doc.value("molt_history", 0) != kFormatVersion ||
        entries == doc.end() || !entries->is_array()) {
        if (error)
            *error = QObject::tr("%1 is not an update history this version of Molt wrote; it "
                                 "was left as it is")
                         .arg(f.fileName());
        return out;
    }
    for (const Json& j : *entries) {
        if (!j.is_object()) continue;
        HistoryEntry e;
        // Numbered by position: HistoryView finds an entry by its number.
        e.number = int(out.size()) + 1;
        e.time = QDateTime::fromString(QString::fromStdString(text(j, "time")), Qt::ISODateWithMs);
        e.title = QString::fromStdString(text(j, "title"));
        e.earlierSession = true;
        UpdateOutcome& o = e.outcome;
        o.started = j.value("started", Json()).is_boolean() && j["started"].get<bool>();
        o.error = text(j, "error");
        if (auto r = j.find("report"); r != j.end() && r->is_object()) o.report = reportFromJson(*r);
        o.script = text(j, "script");
        o.userPatch = text(j, "patch");
        for (const char* side : {"before", "after"})
            if (auto files = j.find(side); files != j.end() && files->is_array())
                (side[0] == 'b' ? o.before : o.after) = filesFromJson(Json{{"files", *files}});
        out.append(e);
    }
    return out;
}

} // namespace molt::ide
