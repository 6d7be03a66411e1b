#include "app/ide/project.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace molt::ide {

namespace {
const QString kExamplesResource = QStringLiteral(":/molt/examples");
}

std::optional<QString> readTextFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return std::nullopt;
    return QString::fromUtf8(f.readAll());
}

QString Project::name() const {
    return QFileInfo(root).fileName();
}

QString Project::absolutePath(const QString& relative) const {
    return QDir(root).absoluteFilePath(relative);
}

QString Project::relativePath(const QString& absolute) const {
    return QDir(root).relativeFilePath(absolute);
}

QStringList Project::modules() const {
    QStringList out;
    QDirIterator it(root, {QStringLiteral("*.js")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QString rel = relativePath(it.next());
        if (rel.startsWith(QLatin1String("node_modules/")) || rel.startsWith(QLatin1Char('.')) ||
            rel.contains(QLatin1String("/.")))
            continue;
        out << rel;
    }
    out.sort();
    if (out.removeOne(mainModule)) out.prepend(mainModule);
    return out;
}

bool Project::write(const QString& folder, const std::vector<dsu::SourceFile>& files,
                    QString* error) {
    QString failed;
    for (const dsu::SourceFile& f : files) {
        QString path = QDir(folder).filePath(QString::fromStdString(f.path));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) ||
            out.write(f.text.data(), qint64(f.text.size())) < 0 || !out.commit())
            failed = QObject::tr("Cannot write %1: %2").arg(path, out.errorString());
    }
    if (files.empty()) failed = QObject::tr("The process sent no sources.");
    if (failed.isEmpty()) {
        QSaveFile manifest(QDir(folder).filePath(QStringLiteral("molt.json")));
        QByteArray json =
            QByteArray("{\"main\": \"") + QByteArray::fromStdString(files[0].path) + "\"}\n";
        if (!manifest.open(QIODevice::WriteOnly) || manifest.write(json) < 0 || !manifest.commit())
            failed = QObject::tr("Cannot write the project file in %1").arg(folder);
    }
    if (error) *error = failed;
    return failed.isEmpty();
}

Project Project::open(const QString& folder, QString* error) {
    Project p;
    QFileInfo info(folder);
    if (!info.isDir()) {
        if (error) *error = QObject::tr("%1 is not a folder").arg(folder);
        return {};
    }
    p.root = info.canonicalFilePath();
    QFile config(QDir(p.root).filePath(QStringLiteral("molt.json")));
    if (config.open(QIODevice::ReadOnly)) {
        QJsonObject o = QJsonDocument::fromJson(config.readAll()).object();
        if (o.contains(QLatin1String("main")))
            p.mainModule = o.value(QLatin1String("main")).toString();
        for (const QJsonValue& a : o.value(QLatin1String("args")).toArray())
            p.args << a.toString();
    }
    if (!QFileInfo::exists(p.absolutePath(p.mainModule))) {
        QStringList js = QDir(p.root).entryList({QStringLiteral("*.js")}, QDir::Files);
        if (js.size() != 1) {
            if (error)
                *error = QObject::tr("%1 has no %2: name the main module in molt.json")
                             .arg(p.root, p.mainModule);
            return {};
        }
        p.mainModule = js.first();
    }
    return p;
}

QStringList bundledExamples() {
    return QDir(kExamplesResource).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QString defaultExamplesFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/examples");
}

QString installExample(const QString& name, const QString& targetParent, QString* error) {
    QDir source(kExamplesResource + QLatin1Char('/') + name);
    if (!source.exists()) {
        if (error) *error = QObject::tr("there is no bundled example named %1").arg(name);
        return {};
    }
    QString target = QDir(targetParent).filePath(name);
    if (QFileInfo(target).isDir()) return target; // the user's copy, edits included
    if (!QDir().mkpath(target)) {
        if (error) *error = QObject::tr("cannot create %1").arg(target);
        return {};
    }
    for (const QString& file : source.entryList(QDir::Files)) {
        QString to = QDir(target).filePath(file);
        if (!QFile::copy(source.filePath(file), to)) {
            if (error) *error = QObject::tr("cannot write %1").arg(to);
            return {};
        }
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                      QFile::ReadOther);
    }
    return target;
}

} // namespace molt::ide
