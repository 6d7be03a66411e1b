// symbolindex.h — where the classes, methods, fields and functions of a project are defined.
//
// Filled from the same definitions as the outline (tags.scm and fields.scm): files on disk
// with indexFile/indexDirectory, and open editors push their own text after each re-parse,
// so unsaved edits are found too. Go-to-definition asks `find(name)`.
#pragma once

#include "editor/definitions.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace molt::editor {

struct SymbolLocation {
    QString path;
    int line = 1;   // 1-based
    int column = 1; // 1-based, in characters
    SymbolKind kind = SymbolKind::Class;
    QString name;
    QString container; // the class of a method or field
    bool isStatic = false;
    bool isAccessor = false; // a `get` or `set` method
    QString superclass;      // of a class: what `extends` names (Definition::superclass)
    bool operator==(const SymbolLocation&) const = default;
};

class SymbolIndex : public QObject {
    Q_OBJECT
public:
    explicit SymbolIndex(QObject* parent = nullptr);

    // Parses `source` (UTF-8) and replaces what the index knew of `path`.
    void indexSource(const QString& path, const QByteArray& source);
    // Reads and indexes a file; false when it cannot be read.
    bool indexFile(const QString& path);
    // Indexes every *.js file under `dir` (not under node_modules); returns how many.
    int indexDirectory(const QString& dir);
    // Replaces what the index knew of `path` with already extracted definitions.
    void setDefinitions(const QString& path, const std::vector<Internal::Definition>& defs,
                        std::string_view text);
    void removeFile(const QString& path);

    // Every definition named `name`, by file (in the order files were indexed) and line.
    QList<SymbolLocation> find(const QString& name) const;
    // The class named `name`: the one in `preferredPath` if there is one, else the first
    // indexed; files in `skip` are not searched (an open editor answers for its own text).
    std::optional<SymbolLocation> findClass(const QString& name, const QString& preferredPath = {},
                                            const QString& skip = {}) const;

    QList<SymbolLocation> symbolsIn(const QString& path) const { return files_.value(path); }
    QStringList files() const { return order_; }

Q_SIGNALS:
    void fileIndexed(const QString& path);
    void fileRemoved(const QString& path);

private:
    QHash<QString, QList<SymbolLocation>> files_;
    QStringList order_;
};

} // namespace molt::editor
