// framelink.h — one way from a stack frame shown anywhere in the IDE to its source. The
// Suspended and Threads panels keep a frame's location on its row, the Transcript finds it
// in the trace lines the program prints ("    at Pump.run (main.js:12:5)"); all of them
// hand it to MainWindow::openFrame, which maps the file to a module of the project and
// opens it at the line and column. A location is the `file:line:col` text a hosted stack
// trace prints, so the same parser reads a row, a link and a printed trace.
#pragma once

#include <QString>
#include <optional>

class QTreeWidgetItem;

namespace molt::ide {

struct FrameLocation {
    QString file;
    int line = 0;         // 1-based
    int column = 0;       // 1-based
    QString text() const; // "file:line:col"
};

// "file:line:col" (the file may itself hold colons); nullopt for anything else.
std::optional<FrameLocation> parseFrameLocation(const QString& text);

// A frame line of a printed stack trace, "at fn (file:line:col)" or "at file:line:col"
// with any indentation: the location and where its text is in the line.
struct FrameLine {
    FrameLocation location;
    int start = 0; // of the location's text in the line
    int length = 0;
};
std::optional<FrameLine> matchFrameLine(const QString& line);

// The location a panel's frame row carries (column 0's data); empty file on other rows.
void setFrameLocation(QTreeWidgetItem* item, const FrameLocation& location);
FrameLocation frameLocationOf(const QTreeWidgetItem* item);

} // namespace molt::ide
