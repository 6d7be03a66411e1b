// filechangebar.h — the bar under the editors that says a file changed on disk (or went
// away) and offers what can be done about it: Reload, Reload and Update, Keep Mine ...
//
// Never modal: typing goes on in the editor while it shows, and it sits under the editors
// (like MessageBar) so that appearing never moves the text under the caret.
#pragma once

#include <QWidget>
#include <functional>
#include <vector>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace molt::ide {

class FileChangeBar : public QWidget {
    Q_OBJECT
public:
    struct Choice {
        QString text;       // the button's label, e.g. tr("&Reload")
        QString objectName; // what tests find it by
        std::function<void()> run;
    };
    explicit FileChangeBar(QWidget* parent = nullptr);
    // Shows `message` with one button per choice (the bar hides when one is clicked).
    void ask(const QString& message, const std::vector<Choice>& choices);
    QString text() const;
    QPushButton* button(const QString& objectName) const;
    void refreshColors();

private:
    QLabel* label_;
    QHBoxLayout* buttons_;
};

} // namespace molt::ide
