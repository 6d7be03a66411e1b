#include "editor/symbolindex.h"

#include "runtime/syntax/syntax.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace molt::editor {

namespace {

// 1-based character column of a byte offset in UTF-8 text.
int columnOf(std::string_view text, uint32_t byte) {
    uint32_t lineStart = byte;
    while (lineStart > 0 && text[lineStart - 1] != '\n')
        --lineStart;
    int column = 1;
    for (uint32_t i = lineStart; i < byte && i < text.size(); ++i)
        if ((uint8_t(text[i]) & 0xC0) != 0x80) ++column;
    return column;
}

} // namespace

SymbolIndex::SymbolIndex(QObject* parent) : QObject(parent) {}

void SymbolIndex::indexSource(const QString& path, const QByteArray& source) {
    auto tree = SyntaxTree::parse(source.toStdString(), path.toStdString());
    setDefinitions(path, Internal::extractDefinitions(tree->root(), tree->source()),
                   tree->source());
}

bool SymbolIndex::indexFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return false;
    indexSource(QFileInfo(path).absoluteFilePath(), file.readAll());
    return true;
}

int SymbolIndex::indexDirectory(const QString& dir) {
    int count = 0;
    QDirIterator it(dir, {QStringLiteral("*.js")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QString path = it.next();
        if (path.contains(QLatin1String("/node_modules/"))) continue;
        if (indexFile(path)) ++count;
    }
    return count;
}

void SymbolIndex::setDefinitions(const QString& path, const std::vector<Internal::Definition>& defs,
                                 std::string_view text) {
    QList<SymbolLocation> locations;
    locations.reserve(qsizetype(defs.size()));
    for (const Internal::Definition& d : defs) {
        locations.push_back({path, int(d.row) + 1, columnOf(text, d.startByte), d.kind,
                             QString::fromStdString(d.name), QString::fromStdString(d.container),
                             d.isStatic, d.isAccessor, QString::fromStdString(d.superclass)});
    }
    if (!files_.contains(path)) order_.push_back(path);
    files_.insert(path, std::move(locations));
    Q_EMIT fileIndexed(path);
}

void SymbolIndex::removeFile(const QString& path) {
    if (!files_.remove(path)) return;
    order_.removeAll(path);
    Q_EMIT fileRemoved(path);
}

QList<SymbolLocation> SymbolIndex::find(const QString& name) const {
    QList<SymbolLocation> out;
    for (const QString& path : order_)
        for (const SymbolLocation& loc : files_.value(path))
            if (loc.name == name) out.push_back(loc);
    return out;
}

std::optional<SymbolLocation> SymbolIndex::findClass(const QString& name,
                                                     const QString& preferredPath,
                                                     const QString& skip) const {
    auto classIn = [&](const QString& path) -> std::optional<SymbolLocation> {
        for (const SymbolLocation& loc : files_.value(path))
            if (loc.kind == SymbolKind::Class && loc.name == name) return loc;
        return std::nullopt;
    };
    if (!preferredPath.isEmpty() && preferredPath != skip)
        if (auto found = classIn(preferredPath)) return found;
    for (const QString& path : order_)
        if (path != skip)
            if (auto found = classIn(path)) return found;
    return std::nullopt;
}

} // namespace molt::editor
