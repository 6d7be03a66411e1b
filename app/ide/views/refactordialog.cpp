#include "app/ide/views/refactordialog.h"

#include "app/ide/qstrings.h"
#include "app/ide/views/editorseam.h"
#include "app/ide/views/textdiff.h"
#include "app/ide/views/theme.h"
#include "editor/qsci.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace molt::ide {

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& i : items)
        out += (out.empty() ? "" : ",") + i;
    return out.empty() ? "-" : out;
}

// The engine speaks to the command line ("rename with --force"); here the flag is a
// checkbox, so its messages name the checkbox instead.
QString inDialogTerms(QString engineText) {
    return engineText.replace(QStringLiteral("rename with --force"),
                              RefactorDialog::tr("tick \u201cAlso rewrite ambiguous sites\u201d"));
}

bool isRename(const std::string& kind) {
    return kind == "rename-class" || kind == "rename-field" || kind == "rename-method";
}

} // namespace

QString refactoringTitle(const std::string& kind) {
    static const std::vector<std::pair<const char*, const char*>> titles = {
        {"rename-class", QT_TR_NOOP("Rename Class…")},
        {"change-superclass", QT_TR_NOOP("Change Superclass…")},
        {"extract-superclass", QT_TR_NOOP("Extract Superclass…")},
        {"inline-superclass", QT_TR_NOOP("Inline Superclass…")},
        {"split-class", QT_TR_NOOP("Split Class…")},
        {"merge-class", QT_TR_NOOP("Merge Class Held by Field…")},
        {"add-field", QT_TR_NOOP("Add Field…")},
        {"rename-field", QT_TR_NOOP("Rename Field…")},
        {"remove-field", QT_TR_NOOP("Remove Field…")},
        {"make-static", QT_TR_NOOP("Make Field Static…")},
        {"make-instance", QT_TR_NOOP("Make Field Instance…")},
        {"push-up-field", QT_TR_NOOP("Push Up Field…")},
        {"pull-down-field", QT_TR_NOOP("Pull Down Field…")},
        {"rename-method", QT_TR_NOOP("Rename Method…")},
        {"push-up-method", QT_TR_NOOP("Push Up Method…")},
        {"pull-down-method", QT_TR_NOOP("Pull Down Method…")},
    };
    for (const auto& [k, title] : titles)
        if (kind == k) return RefactorDialog::tr(title);
    return qs(kind);
}

RefactorDialog::RefactorDialog(const std::string& kind, const RefactorTarget& target,
                               const ProgramOutline& program, std::vector<dsu::SourceFile> sources,
                               bool live, QWidget* parent)
    : QDialog(parent), kind_(kind), target_(target), sources_(std::move(sources)) {
    setObjectName(QStringLiteral("refactorDialog"));
    QString subject = qs(target.className);
    if (!target.member.empty()) subject += QLatin1Char('.') + qs(target.member);
    if (subject.isEmpty()) subject = qs(target.enclosingClass);
    setWindowTitle(
        QStringLiteral("%1 — %2").arg(QString(refactoringTitle(kind)).remove(u'…'), subject));
    resize(980, 720);
    auto* layout = new QVBoxLayout(this);

    auto* mode =
        new QLabel(live ? tr("Commit updates the running program and rewrites the source in one "
                             "transaction; if the update rolls back, both stay as they are.")
                        : tr("The program is not running: Commit rewrites the source only (no live "
                             "update)."),
                   this);
    mode->setObjectName(QStringLiteral("refactorMode"));
    mode->setWordWrap(true);
    layout->addWidget(mode);

    form_ = new QFormLayout;
    layout->addLayout(form_);
    buildArguments(target, program);

    auto* previewRow = new QHBoxLayout;
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("refactorSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    previewButton_ = new QPushButton(tr("&Preview"), this);
    previewButton_->setObjectName(QStringLiteral("refactorPreviewButton"));
    previewButton_->setAutoDefault(false);
    previewRow->addWidget(summary_, 1);
    previewRow->addWidget(previewButton_, 0, Qt::AlignTop);
    layout->addLayout(previewRow);

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("refactorError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setFont(QFont(QStringLiteral("monospace")));
    QPalette p = error_->palette();
    p.setColor(QPalette::WindowText, uiColors().removed);
    error_->setPalette(p);
    error_->hide();
    layout->addWidget(error_);

    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    diff_ = createTextView(tabs_, ViewLanguage::Diff);
    diff_->setObjectName(QStringLiteral("refactorDiff"));
    patch_ = createTextView(tabs_, ViewLanguage::JavaScript);
    patch_->setObjectName(QStringLiteral("refactorPatch"));
    senders_ = new QListWidget(tabs_);
    senders_->setObjectName(QStringLiteral("refactorSenders"));
    senders_->setFont(QFont(QStringLiteral("monospace")));
    tabs_->addTab(diff_, tr("Source diff"));
    tabs_->addTab(patch_, tr("Patch"));
    tabs_->addTab(senders_, tr("Senders"));
    layout->addWidget(tabs_, 1);

    waitingRow_ = new QWidget(this);
    auto* waitLayout = new QHBoxLayout(waitingRow_);
    waitLayout->setContentsMargins(0, 0, 0, 0);
    waitLayout->addWidget(new QLabel(tr("Waiting for a safe point…"), waitingRow_));
    auto* progress = new QProgressBar(waitingRow_);
    progress->setRange(0, 0);
    progress->setMaximumHeight(14);
    progress->setTextVisible(false);
    waitLayout->addWidget(progress, 1);
    cancelUpdate_ = new QPushButton(tr("Cancel update"), waitingRow_);
    cancelUpdate_->setObjectName(QStringLiteral("refactorCancelUpdate"));
    waitLayout->addWidget(cancelUpdate_);
    waitingRow_->hide();
    layout->addWidget(waitingRow_);

    auto* buttons = new QDialogButtonBox(this);
    commit_ = buttons->addButton(tr("&Commit"), QDialogButtonBox::AcceptRole);
    commit_->setObjectName(QStringLiteral("refactorCommit"));
    // No button is the dialog's default: Return is onReturn's, one step per key press.
    commit_->setAutoDefault(false);
    commit_->setToolTip(live ? tr("Update the running program and rewrite the source")
                             : tr("Rewrite the source"));
    cancel_ = buttons->addButton(QDialogButtonBox::Cancel);
    cancel_->setAutoDefault(false);
    layout->addWidget(buttons);

    connect(previewButton_, &QPushButton::clicked, this, [this] { preview(); });
    connect(commit_, &QPushButton::clicked, this, [this] {
        if (previewed_ && !waiting_) Q_EMIT commitRequested();
    });
    connect(cancel_, &QPushButton::clicked, this, &QDialog::reject);
    connect(cancelUpdate_, &QPushButton::clicked, this, &RefactorDialog::cancelUpdateRequested);

    // Nothing to type: the preview is shown at once.
    if (!name_ && !holder_)
        preview();
    else
        invalidate();
    if (name_) {
        name_->setFocus();
        name_->selectAll();
    }
}

QListWidget* RefactorDialog::addChecklist(const QString& label,
                                          const std::vector<std::string>& items,
                                          const std::vector<std::string>& checked) {
    auto* list = new QListWidget(this);
    for (const std::string& i : items) {
        auto* item = new QListWidgetItem(qs(i), list);
        bool on = std::find(checked.begin(), checked.end(), i) != checked.end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    list->setMaximumHeight(std::min(110, 22 * std::max<int>(2, int(items.size())) + 6));
    connect(list, &QListWidget::itemChanged, this, &RefactorDialog::invalidate);
    form_->addRow(label, list);
    return list;
}

std::string RefactorDialog::checkedItems(const QListWidget* list) {
    std::vector<std::string> out;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            out.push_back(list->item(i)->text().toStdString());
    return joined(out);
}

void RefactorDialog::buildArguments(const RefactorTarget& target, const ProgramOutline& program) {
    std::string cls = target.className.empty() ? target.enclosingClass : target.className;
    const ClassOutline* c = program.find(cls);
    auto lineEdit = [this](const QString& label, const QString& text, const QString& hint,
                           const char* objectName) {
        auto* e = new QLineEdit(text, this);
        e->setObjectName(QString::fromLatin1(objectName));
        e->setPlaceholderText(hint);
        connect(e, &QLineEdit::textChanged, this, &RefactorDialog::invalidate);
        form_->addRow(label, e);
        return e;
    };
    form_->addRow(tr("Class:"), new QLabel(qs(cls), this));
    if (!target.member.empty() && kind_ != "add-field")
        form_->addRow(kind_.find("method") != std::string::npos ? tr("Method:") : tr("Field:"),
                      new QLabel(qs(target.member), this));
    if (isRename(kind_)) {
        name_ = lineEdit(tr("New name:"), qs(kind_ == "rename-class" ? cls : target.member), {},
                         "refactorName");
        force_ = new QCheckBox(tr("Also rewrite ambiguous sites (x.%1 where another class, a "
                                  "record or a built-in has the same member)")
                                   .arg(qs(target.member.empty() ? cls : target.member)),
                               this);
        connect(force_, &QCheckBox::toggled, this, &RefactorDialog::invalidate);
        form_->addRow(QString(), force_);
    } else if (kind_ == "add-field") {
        name_ = lineEdit(tr("Field name:"), {}, tr("stock"), "refactorName");
        initializer_ =
            lineEdit(tr("Initializer:"), {}, tr("a JS expression for new instances (empty: none)"),
                     "refactorInitializer");
        existing_ = lineEdit(tr("Existing instances:"), {},
                             tr("optional JS expression for live instances, oldObj in scope "
                                "(empty: the initializer, this = the instance)"),
                             "refactorExisting");
        static_ = new QCheckBox(tr("Static field"), this);
        connect(static_, &QCheckBox::toggled, this, &RefactorDialog::invalidate);
        form_->addRow(QString(), static_);
    } else if (kind_ == "make-static") {
        value_ = lineEdit(tr("Static value:"), {},
                          tr("optional JS expression (empty: the first live instance's value)"),
                          "refactorValue");
    } else if (kind_ == "change-superclass") {
        superclass_ = new QComboBox(this);
        superclass_->setObjectName(QStringLiteral("refactorSuperclass"));
        superclass_->addItem(tr("(none)"), QStringLiteral("-"));
        for (const ClassOutline& other : program.classes)
            if (other.name != cls)
                superclass_->addItem(qs(other.name) +
                                         QStringLiteral("  (%1)").arg(qs(other.module)),
                                     qs(other.name));
        int current = c ? superclass_->findData(qs(c->superclass)) : -1;
        superclass_->setCurrentIndex(std::max(0, current));
        connect(superclass_, &QComboBox::currentIndexChanged, this, &RefactorDialog::invalidate);
        form_->addRow(tr("New superclass:"), superclass_);
    } else if (kind_ == "extract-superclass" || kind_ == "split-class") {
        bool split = kind_ == "split-class";
        name_ = lineEdit(split ? tr("New class:") : tr("New superclass:"), {},
                         split ? tr("Address") : tr("Named"), "refactorName");
        if (split) {
            holder_ =
                lineEdit(tr("Held by field:"), {},
                         tr("the field of %1 that holds the part").arg(qs(cls)), "refactorHolder");
        } else {
            // The class and its siblings (same superclass) may share the new superclass.
            std::vector<std::string> siblings;
            for (const ClassOutline& other : program.classes)
                if (c && other.superclass == c->superclass) siblings.push_back(other.name);
            classes_ = addChecklist(tr("Classes:"), siblings, {cls});
        }
        std::vector<std::string> fieldNames, methodNames;
        if (c) {
            for (const OutlineMember& f : c->fields)
                if (!f.isStatic) fieldNames.push_back(f.name);
            for (const OutlineMember& m : c->methods)
                if (!m.isStatic) methodNames.push_back(m.name);
        }
        fields_ = addChecklist(tr("Fields:"), fieldNames, target.selectedFields);
        methods_ = addChecklist(tr("Methods:"), methodNames, target.selectedMethods);
    }
}

dsu::RefactorRequest RefactorDialog::request() const {
    dsu::RefactorRequest r;
    r.kind = kind_;
    std::string cls = target_.className.empty() ? target_.enclosingClass : target_.className;
    std::string name = name_ ? name_->text().trimmed().toStdString() : std::string();
    if (kind_ == "rename-class") {
        r.args = {cls, name};
    } else if (kind_ == "rename-field" || kind_ == "rename-method") {
        r.args = {cls, target_.member, name};
    } else if (kind_ == "add-field") {
        std::string init = initializer_->text().trimmed().toStdString();
        r.args = {cls, name, init.empty() ? "-" : init};
        if (!existing_->text().trimmed().isEmpty())
            r.options.push_back({"existing", existing_->text().trimmed().toStdString()});
        if (static_->isChecked()) r.options.push_back({"static", "1"});
    } else if (kind_ == "change-superclass") {
        r.args = {cls, superclass_->currentData().toString().toStdString()};
    } else if (kind_ == "extract-superclass") {
        r.args = {name, checkedItems(classes_), checkedItems(fields_), checkedItems(methods_)};
    } else if (kind_ == "split-class") {
        r.args = {cls, name, holder_->text().trimmed().toStdString(), checkedItems(fields_),
                  checkedItems(methods_)};
    } else if (kind_ == "inline-superclass") {
        r.args = {cls};
    } else {
        // A field or method of the class: remove, make static/instance, push up, pull down,
        // merge the class its field holds.
        r.args = {cls, target_.member};
        if (value_ && !value_->text().trimmed().isEmpty())
            r.options.push_back({"value", value_->text().trimmed().toStdString()});
    }
    if (force_ && force_->isChecked()) r.options.push_back({"force", "1"});
    return r;
}

void RefactorDialog::invalidate() {
    previewed_ = false;
    commit_->setEnabled(false);
    summary_->setText(tr("Press Preview (Return) to see the source diff and the patch before "
                         "anything changes; then Commit (Return again)."));
}

bool RefactorDialog::preview() {
    if (waiting_) return false;
    result_ = dsu::refactor(sources_, request());
    previewed_ = result_.ok();
    senders_->clear();
    if (!previewed_) {
        QString text = inDialogTerms(qs(result_.error).trimmed());
        if (!result_.uses.empty()) {
            text += tr("\n\nUses:");
            for (const dsu::SourceSite& use : result_.uses)
                text += QLatin1Char('\n') + qs(use.format());
        }
        error_->setText(text);
        error_->show();
        summary_->setText(tr("The refactoring does not apply: nothing was changed."));
        setViewText(diff_, {});
        setViewText(patch_, {});
        commit_->setEnabled(false);
        return false;
    }
    error_->hide();
    std::string diff;
    for (const dsu::SourceFile& f : result_.files) {
        auto old = std::find_if(sources_.begin(), sources_.end(),
                                [&](const dsu::SourceFile& s) { return s.path == f.path; });
        diff += unifiedDiff(old == sources_.end() ? std::string() : old->text, f.text, f.path);
    }
    setViewText(diff_, qs(diff));
    setViewText(patch_, qs(result_.patch));
    for (const dsu::SourceSite& s : result_.senders) {
        auto* item = new QListWidgetItem(qs(s.format()), senders_);
        if (s.ambiguous) item->setForeground(uiColors().warningText);
    }
    tabs_->setTabText(2, tr("Senders (%1)").arg(result_.senders.size()));
    summary_->setText(qs(result_.summary).trimmed());
    commit_->setEnabled(true);
    return true;
}

void RefactorDialog::onReturn() {
    if (previewed_)
        commit_->click();
    else
        preview();
}

void RefactorDialog::keyPressEvent(QKeyEvent* event) {
    // A line edit passes Return on after its returnPressed, and QDialog would then click a
    // default button: so Return is handled here alone, one step per press. A focused button
    // is clicked; anywhere else Return previews, or commits what was previewed.
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() == Qt::NoModifier) {
        if (auto* button = qobject_cast<QPushButton*>(focusWidget()))
            button->click();
        else
            onReturn();
        return;
    }
    QDialog::keyPressEvent(event);
}

void RefactorDialog::setWaiting(bool waiting) {
    waiting_ = waiting;
    waitingRow_->setVisible(waiting);
    commit_->setEnabled(!waiting && previewed_);
    previewButton_->setEnabled(!waiting);
    cancel_->setEnabled(!waiting);
}

void RefactorDialog::showError(const QString& error) {
    setWaiting(false);
    error_->setText(tr("Nothing was changed:\n") + inDialogTerms(error.trimmed()));
    error_->show();
}

void RefactorDialog::setEditorAppearance(bool dark, int pointSize) {
    molt::ide::setEditorAppearance(diff_, dark, pointSize);
    molt::ide::setEditorAppearance(patch_, dark, pointSize);
}

} // namespace molt::ide
