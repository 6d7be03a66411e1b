#include "app/ide/views/evaluatorpane.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace molt::ide {

EvaluatorPane::EvaluatorPane(VmHost* host, Target target, QWidget* parent)
    : QWidget(parent), host_(host), target_(std::move(target)) {
    setObjectName(QStringLiteral("evaluatorPane"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    output_ = new QListWidget(this);
    output_->setObjectName(QStringLiteral("evaluatorOutput"));
    output_->setWordWrap(true);
    output_->setToolTip(tr("Select an object result to inspect it"));
    layout->addWidget(output_, 1);
    reason_ = new QLabel(this);
    reason_->setWordWrap(true);
    reason_->hide();
    layout->addWidget(reason_);
    input_ = new QLineEdit(this);
    input_->setObjectName(QStringLiteral("evaluatorInput"));
    input_->setPlaceholderText(tr("Expression, with this = the selected object (Return "
                                  "evaluates, Up/Down: history, Escape cancels)"));
    input_->installEventFilter(this);
    cancel_ = new QToolButton(this);
    cancel_->setObjectName(QStringLiteral("evaluatorCancel"));
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("End the running evaluation (Escape); the program runs on"));
    cancel_->hide();
    connect(cancel_, &QToolButton::clicked, this, &EvaluatorPane::cancelRunning);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(input_, 1);
    row->addWidget(cancel_);
    layout->addLayout(row);

    connect(input_, &QLineEdit::returnPressed, this, [this] {
        QString text = input_->text().trimmed();
        if (text.isEmpty()) return;
        input_->clear();
        evaluate(text);
    });
    connect(output_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (!item) return;
        if (uint32_t id = item->data(IdentityRole).toUInt())
            Q_EMIT inspectRequested(id, tr("result #%1").arg(id));
    });
    connect(host_, &VmHost::evaluated, this, &EvaluatorPane::onEvaluated);
}

void EvaluatorPane::evaluate(const QString& expression) {
    if (history_.isEmpty() || history_.last() != expression) history_.append(expression);
    historyAt_ = int(history_.size());
    auto [identity, label] = target_();
    addLine(QStringLiteral("› %1    (this = %2)")
                .arg(expression, label.isEmpty() ? tr("the main module") : label),
            false);
    uint64_t request = nextRequest_++;
    pending_.insert(request, expression);
    cancel_->show();
    host_->evaluate(request, identity, expression.toStdString());
}

void EvaluatorPane::cancelRunning() {
    for (auto it = pending_.begin(); it != pending_.end(); ++it)
        host_->cancelEvaluation(it.key());
    for (uint64_t request : fieldEdits_)
        host_->cancelEvaluation(request);
}

void EvaluatorPane::noteFieldEdit(uint64_t request) {
    fieldEdits_.insert(request);
    cancel_->show();
}

void EvaluatorPane::onEvaluated(const EvalResult& result) {
    if (result.request & kFieldEditBit) { // a field edit: the Inspector reports it
        if (!result.interim && fieldEdits_.remove(result.request))
            cancel_->setVisible(!pending_.isEmpty() || !fieldEdits_.isEmpty());
        return;
    }
    if (result.interim) {
        if (pending_.contains(result.request)) addLine(QString::fromStdString(result.error), true);
        return;
    }
    if (!pending_.remove(result.request)) return;
    cancel_->setVisible(!pending_.isEmpty() || !fieldEdits_.isEmpty());
    if (result.ok)
        addLine(QString::fromStdString(result.text), false, result.identity);
    else
        addLine(QString::fromStdString(result.error), true);
}

void EvaluatorPane::report(const QString& text, bool isError) {
    addLine(text, isError);
}

void EvaluatorPane::addLine(const QString& text, bool isError, uint32_t identity) {
    auto* item = new QListWidgetItem(text, output_);
    if (isError) item->setForeground(QColor(0xc6, 0x28, 0x28));
    if (identity) {
        item->setData(IdentityRole, identity);
        QFont f = item->font();
        f.setUnderline(true);
        item->setFont(f);
    }
    output_->scrollToBottom();
}

void EvaluatorPane::setUnavailable(const QString& reason) {
    input_->setEnabled(reason.isEmpty());
    reason_->setText(reason);
    reason_->setVisible(!reason.isEmpty());
}

bool EvaluatorPane::eventFilter(QObject* watched, QEvent* event) {
    if (watched == input_ && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape &&
        (!pending_.isEmpty() || !fieldEdits_.isEmpty())) {
        cancelRunning();
        return true;
    }
    if (watched == input_ && event->type() == QEvent::KeyPress && !history_.isEmpty()) {
        int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Up || key == Qt::Key_Down) {
            historyAt_ =
                std::clamp(historyAt_ + (key == Qt::Key_Up ? -1 : 1), 0, int(history_.size()));
            input_->setText(historyAt_ < history_.size() ? history_[historyAt_] : QString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace molt::ide
