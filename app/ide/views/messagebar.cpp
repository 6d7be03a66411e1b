#include "app/ide/views/messagebar.h"

#include "app/ide/views/theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace molt::ide {

MessageBar::MessageBar(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("messageBar"));
    setAutoFillBackground(true);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(10, 6, 6, 6);
    auto* texts = new QVBoxLayout;
    texts->setSpacing(2);
    title_ = new QLabel(this);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setWordWrap(true);
    detail_ = new QLabel(this);
    detail_->setWordWrap(true);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    texts->addWidget(title_);
    texts->addWidget(detail_);
    row->addLayout(texts, 1);
    close_ = new QToolButton(this);
    close_->setAutoRaise(true);
    close_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close_->setToolTip(tr("Close"));
    row->addWidget(close_, 0, Qt::AlignTop);
    connect(close_, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBar::showMessage(Kind kind, const QString& title, const QString& detail) {
    kind_ = kind;
    title_->setText(title);
    detail_->setText(detail);
    detail_->setVisible(!detail.isEmpty());
    refreshColors();
    show();
}

QString MessageBar::text() const {
    return detail_->text().isEmpty() ? title_->text() : title_->text() + "\n" + detail_->text();
}

void MessageBar::refreshColors() {
    const UiColors& c = uiColors();
    QColor bg = kind_ == Kind::Error ? c.errorBar : kind_ == Kind::Success ? c.okBar : c.infoBar;
    QColor fg = kind_ == Kind::Error     ? c.errorBarText
                : kind_ == Kind::Success ? c.okBarText
                                         : c.infoBarText;
    QPalette p = palette();
    p.setColor(QPalette::Window, bg);
    p.setColor(QPalette::WindowText, fg);
    setPalette(p);
    for (QLabel* l : {title_, detail_})
        l->setPalette(p);
}

} // namespace molt::ide
