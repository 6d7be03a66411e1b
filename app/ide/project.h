// project.h — a project: a folder of .js modules with a main module; bundled examples.
//
// A folder may hold a `molt.json` ({"main": "app.js", "args": ["10"]}); without it the
// main module is main.js (or the only .js file). Bundled examples are compiled into the
// IDE and copied to a writable folder before they are opened, so editing one never
// touches the installation.
#pragma once

#include "dsu/source/differ.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace molt::ide {

struct Project {
    QString root;                                   // absolute folder
    QString mainModule = QStringLiteral("main.js"); // relative to root
    QStringList args;

    bool isValid() const { return !root.isEmpty(); }
    QString name() const;
    QString absolutePath(const QString& relative) const;
    QString relativePath(const QString& absolute) const;
    // Every .js module under the root (node_modules and hidden folders skipped), main first.
    QStringList modules() const;

    static Project open(const QString& folder, QString* error = nullptr);
    // Writes `files` (paths relative to `folder`, the main module first) and a molt.json
    // naming the main module: a project of sources that came from elsewhere (an attached
    // process's). False with `error` set when a file cannot be written or there is none.
    static bool write(const QString& folder, const std::vector<dsu::SourceFile>& files,
                      QString* error);
};

// The UTF-8 text of the file at `path`; nullopt when it cannot be read.
std::optional<QString> readTextFile(const QString& path);

QStringList bundledExamples(); // "bounce", "service", "shop"
// Copies the bundled example into `targetParent`/name unless it is already there; returns
// the folder, or an empty string with `error` set.
QString installExample(const QString& name, const QString& targetParent, QString* error = nullptr);
// The default parent of installed examples (the user's application data folder).
QString defaultExamplesFolder();

} // namespace molt::ide
