// messagebar.h — a bar under the editor area: why an update rolled back, a
// compile error, or that an update committed. Closable; never modal.
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace molt::ide {

class MessageBar : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Error, Info, Success };
    explicit MessageBar(QWidget* parent = nullptr);
    void showMessage(Kind kind, const QString& title, const QString& detail = {});
    QString text() const; // title and detail, for tests and accessibility
    Kind kind() const { return kind_; }
    void refreshColors();

private:
    QLabel* title_;
    QLabel* detail_;
    QToolButton* close_;
    Kind kind_ = Kind::Info;
};

} // namespace molt::ide
