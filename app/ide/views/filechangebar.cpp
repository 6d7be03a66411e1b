#include "app/ide/views/filechangebar.h"

#include "app/ide/views/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace molt::ide {

FileChangeBar::FileChangeBar(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("fileChangeBar"));
    setAutoFillBackground(true);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(10, 4, 6, 4);
    label_ = new QLabel(this);
    label_->setWordWrap(true);
    row->addWidget(label_, 1);
    buttons_ = new QHBoxLayout;
    row->addLayout(buttons_);
    refreshColors();
    hide();
}

void FileChangeBar::ask(const QString& message, const std::vector<Choice>& choices) {
    // Later, not now: ask() may run from a button's own click.
    while (QLayoutItem* item = buttons_->takeAt(0)) {
        if (QWidget* w = item->widget()) {
            w->setObjectName(QString());
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    label_->setText(message);
    for (const Choice& c : choices) {
        auto* b = new QPushButton(c.text, this);
        b->setObjectName(c.objectName);
        b->setFocusPolicy(Qt::NoFocus); // the editor keeps the keyboard
        std::function<void()> run = c.run;
        connect(b, &QPushButton::clicked, this, [this, run] {
            hide();
            if (run) run();
        });
        buttons_->addWidget(b);
    }
    refreshColors();
    show();
}

QString FileChangeBar::text() const {
    return label_->text();
}

QPushButton* FileChangeBar::button(const QString& objectName) const {
    return findChild<QPushButton*>(objectName);
}

void FileChangeBar::refreshColors() {
    const UiColors& c = uiColors();
    QPalette p = palette();
    p.setColor(QPalette::Window, c.infoBar);
    p.setColor(QPalette::WindowText, c.infoBarText);
    setPalette(p);
    label_->setPalette(p);
}

} // namespace molt::ide
