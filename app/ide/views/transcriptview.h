// transcriptview.h — the program's console output (stdout, and stderr in red), in batches.
#pragma once

#include <QPlainTextEdit>

namespace molt::ide {

class TranscriptView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit TranscriptView(QWidget* parent = nullptr);
    void appendOutput(const QString& text, bool isError);
    void appendNote(const QString& text); // the IDE's own lines (run, stop, updates)
};

} // namespace molt::ide
