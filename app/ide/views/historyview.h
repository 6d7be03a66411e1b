// historyview.h — every update of this project: its report (phases, pause, instances
// migrated), its patch script, and two reverts. Revert This Update undoes that update alone
// (its edit taken back out of today's source, like `git revert`); Revert to Before goes back
// to the source before it, and so also undoes every later update, which it says. Entries
// from an earlier session of the IDE are marked so, and offer neither.
#pragma once

#include "app/ide/host/vmmessages.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QsciScintilla;
class QTabWidget;

namespace molt::ide {

struct HistoryEntry {
    int number = 0;
    QDateTime time;
    QString title; // "Apply shapes.js", "Revert update #2"
    UpdateOutcome outcome;
    // Applied to a program of an earlier IDE session (read back by historystore.h): shown,
    // never reverted, since the running program is not the one it changed.
    bool earlierSession = false;
};

class HistoryView : public QWidget {
    Q_OBJECT
public:
    explicit HistoryView(QWidget* parent = nullptr);
    int addUpdate(const UpdateOutcome& outcome, const QString& title); // returns its number
    // Replaces the list: another project's updates (empty: none yet). The history is per
    // project, since each entry's source and Revert belong to that project's program.
    void setEntries(const QList<HistoryEntry>& entries);
    const QList<HistoryEntry>& entries() const { return entries_; }
    const HistoryEntry* entry(int number) const;
    void select(int number);
    int selectedNumber() const;
    void setEditorAppearance(bool dark, int pointSize);
    QListWidget* list() const { return list_; }
    QPushButton* revertButton() const { return revert_; }     // this update alone
    QPushButton* revertToButton() const { return revertTo_; } // back to the source before it
    // The committed updates after `number` (a revert to before it undoes them too).
    QList<int> committedAfter(int number) const;
    QsciScintilla* reportView() const { return json_; }
    QLabel* summaryLabel() const { return summary_; } // the selected entry, in words
    QsciScintilla* scriptView() const { return script_; }

Q_SIGNALS:
    void entryAdded(int number); // addUpdate (the window saves the history)
    void revertRequested(int number);   // that update alone
    void revertToRequested(int number); // the source before it, and so every later one
    void beforeAfterRequested(int number);

private:
    void showEntry(int row);
    void addItem(const HistoryEntry& e);
    QList<HistoryEntry> entries_;
    QListWidget* list_;
    QLabel* summary_;
    QTabWidget* tabs_;
    QsciScintilla* json_;
    QsciScintilla* script_;
    QPushButton* revert_;
    QPushButton* revertTo_;
    QPushButton* beforeAfter_;
};

// "committed in 4.2 ms (pause 0.8 ms), 3 instances migrated" and the phases.
QString describeReport(const dsu::UpdateReport& report);

} // namespace molt::ide
