#include "editor/findbar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace molt::editor {

FindBar::FindBar(QWidget* parent)
    : QWidget(parent), find_(new QLineEdit(this)), replace_(new QLineEdit(this)),
      caseSensitive_(new QCheckBox(tr("Case"), this)), regex_(new QCheckBox(tr("Regex"), this)),
      wholeWord_(new QCheckBox(tr("Word"), this)), status_(new QLabel(this)) {
    find_->setPlaceholderText(tr("Find"));
    replace_->setPlaceholderText(tr("Replace with"));
    auto* next = new QPushButton(tr("Next"), this);
    auto* previous = new QPushButton(tr("Previous"), this);
    auto* replaceOne = new QPushButton(tr("Replace"), this);
    auto* replaceEvery = new QPushButton(tr("Replace All"), this);
    auto* close = new QPushButton(tr("Close"), this);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 2, 4, 2);
    grid->addWidget(find_, 0, 0);
    grid->addWidget(previous, 0, 1);
    grid->addWidget(next, 0, 2);
    grid->addWidget(caseSensitive_, 0, 3);
    grid->addWidget(regex_, 0, 4);
    grid->addWidget(wholeWord_, 0, 5);
    grid->addWidget(close, 0, 6);
    grid->addWidget(replace_, 1, 0);
    grid->addWidget(replaceOne, 1, 1);
    grid->addWidget(replaceEvery, 1, 2);
    grid->addWidget(status_, 1, 3, 1, 4);
    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(replaceOne, &QPushButton::clicked, this, &FindBar::replace);
    connect(replaceEvery, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QPushButton::clicked, this, &QWidget::hide);
    find_->installEventFilter(this); // Shift+Enter before QLineEdit's returnPressed
    connect(find_, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(replace_, &QLineEdit::returnPressed, this, &FindBar::replace);
}

void FindBar::setEditor(CodeEditor* editor) {
    editor_ = editor;
    status_->clear();
}

FindOptions FindBar::options() const {
    return {find_->text(), caseSensitive_->isChecked(), regex_->isChecked(),
            wholeWord_->isChecked(), true};
}

void FindBar::setFindText(const QString& text) {
    find_->setText(text);
}

void FindBar::setReplaceText(const QString& text) {
    replace_->setText(text);
}

void FindBar::setCaseSensitive(bool on) {
    caseSensitive_->setChecked(on);
}

void FindBar::setRegex(bool on) {
    regex_->setChecked(on);
}

void FindBar::setWholeWord(bool on) {
    wholeWord_->setChecked(on);
}

QString FindBar::status() const {
    return status_->text();
}

void FindBar::showFind() {
    if (editor_ && editor_->hasSelectedText() && !editor_->selectedText().contains(u'\n'))
        find_->setText(editor_->selectedText());
    show();
    find_->setFocus();
    find_->selectAll();
}

void FindBar::report(bool found) {
    status_->setText(found ? QString() : tr("not found"));
}

bool FindBar::findNext() {
    bool found = editor_ && editor_->findNext(options());
    report(found);
    return found;
}

bool FindBar::findPrevious() {
    bool found = editor_ && editor_->findPrevious(options());
    report(found);
    return found;
}

bool FindBar::replace() {
    if (!editor_) return false;
    bool replaced = editor_->replaceCurrent(options(), replace_->text());
    status_->setText(replaced ? tr("1 replaced") : tr("no match selected"));
    return replaced;
}

int FindBar::replaceAll() {
    if (!editor_) return 0;
    int n = editor_->replaceAll(options(), replace_->text());
    status_->setText(tr("%n replaced", nullptr, n));
    return n;
}

void FindBar::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (editor_) editor_->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

bool FindBar::eventFilter(QObject* watched, QEvent* event) {
    if (watched == find_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace molt::editor
