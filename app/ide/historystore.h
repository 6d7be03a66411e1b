// historystore.h — a project's Update History kept across restarts, in
// `<project>/.molt/history.json`.
//
// A file in the project, not QSettings keyed by its path: the history goes where the
// project goes (moved, copied, or opened from another machine's checkout), it can be large
// (each entry keeps the source on both sides, for Before/After and the diff), and deleting
// `.molt/` forgets it. Project::modules skips dot folders, so the file is never a module.
//
// Entries read back are marked earlierSession: the program they changed ended with the IDE
// that ran it, so the History view shows them but offers no Revert (a revert is a patch of
// the running program, and that program is another one).
#pragma once

#include "app/ide/views/historyview.h"

#include <QList>
#include <QString>

namespace molt::ide {

// Where the history of the project at `projectRoot` is kept.
QString historyFile(const QString& projectRoot);

// Writes every entry (atomically: a crash leaves the previous file). False, with the reason
// in `error`, when the folder or file cannot be written.
bool saveHistory(const QString& projectRoot, const QList<HistoryEntry>& entries, QString* error);

// The saved entries, oldest first, each marked earlierSession; none when there is no file.
// A file that is not a history this IDE wrote gives none and the reason in `error`.
QList<HistoryEntry> loadHistory(const QString& projectRoot, QString* error);

} // namespace molt::ide
