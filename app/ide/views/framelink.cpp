#include "app/ide/views/framelink.h"

#include <QRegularExpression>
#include <QTreeWidgetItem>

namespace molt::ide {

namespace {
constexpr int kFileRole = Qt::UserRole;
constexpr int kLineRole = Qt::UserRole + 1;
constexpr int kColumnRole = Qt::UserRole + 2;
} // namespace

QString FrameLocation::text() const {
    return QStringLiteral("%1:%2:%3").arg(file).arg(line).arg(column);
}

std::optional<FrameLocation> parseFrameLocation(const QString& text) {
    static const QRegularExpression re(QStringLiteral("^(.+):(\\d+):(\\d+)$"));
    QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch()) return std::nullopt;
    FrameLocation out{m.captured(1), m.captured(2).toInt(), m.captured(3).toInt()};
    if (out.line < 1 || out.column < 1) return std::nullopt;
    return out;
}

std::optional<FrameLine> matchFrameLine(const QString& line) {
    int at = 0;
    while (at < line.size() && line[at].isSpace())
        ++at;
    if (!QStringView(line).mid(at).startsWith(QLatin1String("at "))) return std::nullopt;
    int end = int(line.size());
    while (end > at && line[end - 1].isSpace())
        --end;
    int start = at + 3;
    // "at fn (file:line:col)": the location is inside the line's last parentheses (a
    // function's name may hold some: "at <anonymous> (…)").
    if (end > start && line[end - 1] == QLatin1Char(')')) {
        int open = int(line.lastIndexOf(QLatin1Char('('), end - 1));
        if (open < start) return std::nullopt;
        start = open + 1;
        --end;
    }
    std::optional<FrameLocation> location = parseFrameLocation(line.mid(start, end - start));
    if (!location) return std::nullopt;
    return FrameLine{*location, start, end - start};
}

void setFrameLocation(QTreeWidgetItem* item, const FrameLocation& location) {
    item->setData(0, kFileRole, location.file);
    item->setData(0, kLineRole, location.line);
    item->setData(0, kColumnRole, location.column);
}

FrameLocation frameLocationOf(const QTreeWidgetItem* item) {
    if (!item) return {};
    return {item->data(0, kFileRole).toString(), item->data(0, kLineRole).toInt(),
            item->data(0, kColumnRole).toInt()};
}

} // namespace molt::ide
