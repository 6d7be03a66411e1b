// historyview.h — every update of this session: its report (phases, pause, instances
// migrated), its patch script, and Revert (a new update back to the source before it).
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
};

class HistoryView : public QWidget {
    Q_OBJECT
public:
    explicit HistoryView(QWidget* parent = nullptr);
    int addUpdate(const UpdateOutcome& outcome, const QString& title); // returns its number
    const QList<HistoryEntry>& entries() const { return entries_; }
    const HistoryEntry* entry(int number) const;
    void select(int number);
    int selectedNumber() const;
    void setEditorAppearance(bool dark, int pointSize);
    QListWidget* list() const { return list_; }
    QPushButton* revertButton() const { return revert_; }
    QsciScintilla* reportView() const { return json_; }
    QsciScintilla* scriptView() const { return script_; }

Q_SIGNALS:
    void revertRequested(int number);
    void beforeAfterRequested(int number);

private:
    void showEntry(int row);
    QList<HistoryEntry> entries_;
    QListWidget* list_;
    QLabel* summary_;
    QTabWidget* tabs_;
    QsciScintilla* json_;
    QsciScintilla* script_;
    QPushButton* revert_;
    QPushButton* beforeAfter_;
};

// "committed in 4.2 ms (pause 0.8 ms), 3 instances migrated" and the phases.
QString describeReport(const dsu::UpdateReport& report);

} // namespace molt::ide
