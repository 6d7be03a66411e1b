#include "app/ide/views/patchpanel.h"

#include "app/ide/qstrings.h"
#include "app/ide/views/editorseam.h"
#include "app/ide/views/textdiff.h"
#include "app/ide/views/theme.h"
#include "editor/qsci.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <cctype>

namespace molt::ide {

namespace {
} // namespace

// ---------------------------------------------------------------- ChangeTableModel

void ChangeTableModel::setChanges(const dsu::ChangeSet& changes) {
    beginResetModel();
    changes_ = changes.changes;
    chosen_.assign(changes_.size(), QString());
    partner_.assign(changes_.size(), -1);
    endResetModel();
}

int ChangeTableModel::reviewCount() const {
    return int(std::count_if(changes_.begin(), changes_.end(),
                             [](const dsu::Change& c) { return !c.review.empty(); }));
}

int ChangeTableModel::unresolvedReviewCount() const {
    int n = 0;
    for (size_t i = 0; i < changes_.size(); ++i)
        n += !changes_[i].review.empty() && chosen_[i].isEmpty();
    return n;
}

const dsu::Change* ChangeTableModel::changeAt(int row) const {
    return row >= 0 && size_t(row) < changes_.size() ? &changes_[size_t(row)] : nullptr;
}

void ChangeTableModel::setChosen(int row, const QString& policy, int partner) {
    if (row < 0 || size_t(row) >= changes_.size()) return;
    chosen_[size_t(row)] = policy;
    partner_[size_t(row)] = partner;
    Q_EMIT dataChanged(index(row, Policy), index(row, Policy));
}

int ChangeTableModel::partnerOf(int row) const {
    return row >= 0 && size_t(row) < partner_.size() ? partner_[size_t(row)] : -1;
}

int ChangeTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(changes_.size());
}
int ChangeTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangeTableModel::data(const QModelIndex& index, int role) const {
    const dsu::Change* c = changeAt(index.row());
    if (!c) return {};
    bool review = !c->review.empty();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Kind: return QString::fromLatin1(dsu::changeKindName(c->kind));
        case Module: return qs(c->module);
        case Class: return qs(c->className);
        case Member: {
            QString name = qs(c->name);
            if (!c->oldName.empty() && c->oldName != c->name)
                name = c->name.empty() ? qs(c->oldName) : qs(c->oldName) + " → " + name;
            if (c->memberKind && *c->memberKind != MemberKind::Method)
                name +=
                    QStringLiteral(" (%1)").arg(QString::fromUtf8(memberKindLabel(*c->memberKind)));
            return name;
        }
        case Policy: {
            const QString& chosen = chosen_[size_t(index.row())];
            return chosen.isEmpty() ? qs(c->policy) : chosen;
        }
        case Review: return review ? QStringLiteral("REVIEW: ") + qs(c->review) : QString();
        }
        break;
    case Qt::FontRole:
        if (index.column() == Policy && !chosen_[size_t(index.row())].isEmpty()) {
            QFont f;
            f.setBold(true); // chosen, not the default
            return f;
        }
        break;
    case Qt::ToolTipRole:
        return qs(c->detail) + (review ? QStringLiteral("\nREVIEW: ") + qs(c->review) : QString());
    case Qt::BackgroundRole:
        if (review) return uiColors().warningBackground;
        break;
    case Qt::ForegroundRole:
        if (review) return uiColors().warningText;
        break;
    case NeedsReviewRole: return review;
    }
    return {};
}

QVariant ChangeTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Kind: return tr("Change");
    case Module: return tr("Module");
    case Class: return tr("Class");
    case Member: return tr("Member");
    case Policy: return tr("Policy");
    case Review: return tr("Review");
    }
    return {};
}

// ---------------------------------------------------------------- PatchPanel

PatchPanel::PatchPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("patchPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* header = new QHBoxLayout;
    title_ = new QLabel(tr("No patch"), this);
    QFont bold = title_->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    title_->setFont(bold);
    summary_ = new QLabel(this);
    header->addWidget(title_);
    header->addSpacing(12);
    header->addWidget(summary_, 1);
    commit_ = new QPushButton(tr("Commit"), this);
    commit_->setObjectName(QStringLiteral("commitButton"));
    commit_->setDefault(true);
    commit_->setToolTip(tr("Update the running program: the generated patch, then your edits "
                           "to it (Ctrl+Return)"));
    commit_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    discard_ = new QPushButton(tr("Discard"), this);
    discard_->setObjectName(QStringLiteral("discardButton"));
    discard_->setToolTip(tr("Close the patch: the program stays as it is"));
    header->addWidget(commit_);
    header->addWidget(discard_);
    layout->addLayout(header);

    auto* guard = new QHBoxLayout;
    blocker_ = new QLabel(this);
    blocker_->setObjectName(QStringLiteral("commitBlocker"));
    blocker_->setWordWrap(true);
    reviewed_ = new QCheckBox(tr("I have reviewed the REVIEW rows"), this);
    reviewed_->setObjectName(QStringLiteral("reviewedBox"));
    guard->addWidget(blocker_, 1);
    guard->addWidget(reviewed_, 0, Qt::AlignTop);
    layout->addLayout(guard);

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("patchError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setFont(QFont(QStringLiteral("monospace")));
    error_->hide();
    layout->addWidget(error_);

    waitingRow_ = new QWidget(this);
    auto* waitLayout = new QHBoxLayout(waitingRow_);
    waitLayout->setContentsMargins(0, 0, 0, 0);
    waitLayout->addWidget(new QLabel(tr("Waiting for a safe point…"), waitingRow_));
    progress_ = new QProgressBar(waitingRow_);
    progress_->setRange(0, 0); // busy: the wait has no known length
    progress_->setMaximumHeight(14);
    progress_->setTextVisible(false);
    waitLayout->addWidget(progress_, 1);
    cancelUpdate_ = new QPushButton(tr("Cancel update"), waitingRow_);
    cancelUpdate_->setObjectName(QStringLiteral("cancelUpdateButton"));
    waitLayout->addWidget(cancelUpdate_);
    waitingRow_->hide();
    layout->addWidget(waitingRow_);

    auto* split = new QSplitter(Qt::Horizontal, this);
    model_ = new ChangeTableModel(this);
    table_ = new QTableView(split);
    table_->setObjectName(QStringLiteral("changeTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    right_ = new QTabWidget(split);
    right_->setDocumentMode(true);
    script_ = createCodeEditor(right_);
    script_->setObjectName(QStringLiteral("patchScript"));
    diff_ = createTextView(right_, ViewLanguage::Diff);
    diff_->setObjectName(QStringLiteral("sourceDiff"));
    right_->addTab(script_, tr("Patch script (editable)"));
    right_->addTab(diff_, tr("Source diff"));
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    table_->setParent(left);
    leftLayout->addWidget(table_, 1);
    policyRow_ = new QWidget(left);
    policyRow_->setObjectName(QStringLiteral("policyRow"));
    auto* policyLayout = new QHBoxLayout(policyRow_);
    policyLayout->setContentsMargins(0, 0, 0, 0);
    policyLabel_ = new QLabel(policyRow_);
    policyBox_ = new QComboBox(policyRow_);
    policyBox_->setObjectName(QStringLiteral("policyBox"));
    policyExpression_ = new QLineEdit(policyRow_);
    policyExpression_->setObjectName(QStringLiteral("policyExpression"));
    policyUse_ = new QPushButton(tr("Use"), policyRow_);
    policyUse_->setObjectName(QStringLiteral("usePolicyButton"));
    policyUse_->setToolTip(tr("Write this policy into the patch script"));
    policyLayout->addWidget(policyLabel_);
    policyLayout->addWidget(policyBox_);
    policyLayout->addWidget(policyExpression_, 1);
    policyLayout->addWidget(policyUse_);
    leftLayout->addWidget(policyRow_);
    policyError_ = new QLabel(left);
    policyError_->setObjectName(QStringLiteral("policyError"));
    policyError_->setWordWrap(true);
    leftLayout->addWidget(policyError_);
    split->addWidget(left);
    split->addWidget(right_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(commit_, &QPushButton::clicked, this, [this] {
        if (commitBlocker().isEmpty()) Q_EMIT commitRequested();
    });
    connect(reviewed_, &QCheckBox::toggled, this, &PatchPanel::updateCommit);
    connect(script_, &QsciScintilla::textChanged, this, &PatchPanel::updateCommit);
    connect(discard_, &QPushButton::clicked, this, &PatchPanel::discardRequested);
    connect(cancelUpdate_, &QPushButton::clicked, this, &PatchPanel::cancelUpdateRequested);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showPolicyChoices(current.row()); });
    connect(policyBox_, &QComboBox::activated, this, [this](int index) {
        const bool expression =
            index >= 0 && index < choices_.size() && choices_[index].needsExpression();
        policyExpression_->setEnabled(expression);
        if (expression)
            policyExpression_->setFocus();
        else
            usePolicy(); // nothing more to ask
    });
    connect(policyExpression_, &QLineEdit::returnPressed, this, &PatchPanel::usePolicy);
    connect(policyUse_, &QPushButton::clicked, this, &PatchPanel::usePolicy);
    connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const dsu::Change* c = model_->changeAt(index.row())) {
            const dsu::SourceLocation& at = c->newAt.line ? c->newAt : c->oldAt;
            if (at.line)
                Q_EMIT changeActivated(qs(at.path.empty() ? c->module : at.path), int(at.line),
                                       int(at.column));
        }
    });
    clear();
}

void PatchPanel::clear() {
    preview_ = {};
    stale_ = false;
    rollback_.clear();
    reviewed_->setChecked(false);
    model_->setChanges({});
    showPolicyChoices(-1);
    script_->setText({});
    setViewText(diff_, {});
    title_->setText(tr("No patch"));
    summary_->setText(tr("Edit a class while the program runs and press Apply (Ctrl+S)."));
    error_->hide();
    discard_->setEnabled(false);
    setWaiting(false);
}

void PatchPanel::setPreview(const PatchPreview& preview, const QString& title,
                            const QString& decisions) {
    preview_ = preview;
    stale_ = false;
    rollback_.clear();
    reviewed_->setChecked(false);
    model_->setChanges(preview.changes);
    showPolicyChoices(-1);
    shownScript_ = qs(preview.script);
    qsizetype end = shownScript_.lastIndexOf(QLatin1String("};"));
    if (!decisions.isEmpty() && end >= 0) shownScript_.insert(end, decisions);
    script_->setText(shownScript_);
    script_->setModified(false);
    std::string diff;
    for (const dsu::SourceFile& f : preview.files) {
        auto old = std::find_if(preview.before.begin(), preview.before.end(),
                                [&](const dsu::SourceFile& b) { return b.path == f.path; });
        diff +=
            unifiedDiff(old == preview.before.end() ? std::string() : old->text, f.text, f.path);
    }
    setViewText(diff_, qs(diff));
    right_->setCurrentWidget(script_);
    title_->setText(title);
    int reviews = model_->reviewCount();
    QString summary = tr("%n change(s)", nullptr, model_->rowCount());
    if (reviews)
        summary += QStringLiteral(" · <span style='color:%1'><b>%2</b></span>")
                       .arg(uiColors().warningText.name(), tr("%n to review", nullptr, reviews));
    summary_->setText(summary);
    error_->hide();
    discard_->setEnabled(true);
    table_->resizeColumnsToContents();
    setWaiting(false);
}

void PatchPanel::setStale(bool stale) {
    if (stale_ == stale) return;
    stale_ = stale;
    updateCommit();
}

void PatchPanel::setRolledBack(const QString& reason, bool retry) {
    rollback_ = retry ? QString() : reason;
    scriptAtRollback_ = script_->text();
    updateCommit();
}

QString PatchPanel::commitBlocker() const {
    if (!preview_.ok) return {};
    if (stale_)
        return tr("The source was edited after this patch was made: Apply (Ctrl+S) to "
                  "review the edit as it is now.");
    QString script = script_->text();
    if (!rollback_.isEmpty() && script == scriptAtRollback_)
        return tr("This patch rolled back (%1) and would again: edit the script, or the "
                  "source and Apply.")
            .arg(rollback_.section(QLatin1Char('\n'), 0, 0));
    for (const dsu::Change& c : preview_.changes.changes) {
        // The differ counted live instances of a removed class: the system validation will
        // roll the update back unless the script maps them.
        bool certain = c.kind == dsu::ChangeKind::ClassRemoved && !c.review.empty() &&
                       std::isdigit(static_cast<unsigned char>(c.review[0]));
        // The generated script names the call in its REVIEW comment: only one more counts.
        // A rename of the class maps them too.
        QString mapping = QStringLiteral("migrateInstancesTo(\"%1\"").arg(qs(c.className));
        QString rename = QStringLiteral("renameClass(\"%1\"").arg(qs(c.className));
        auto maps = [&](const QString& s) { return s.count(mapping) + s.count(rename); };
        if (certain && maps(script) <= maps(qs(preview_.script)))
            return tr("%1 would roll back: %2").arg(qs(c.className), qs(c.review));
    }
    // A policy chosen in the table is a decision: its row needs no other review.
    int reviews = model_->unresolvedReviewCount();
    if (reviews && !reviewed_->isChecked() && script == shownScript_)
        return tr("%n REVIEW row(s): default decisions to check first. Tick the box, or set "
                  "the policy in the script.",
                  nullptr, reviews);
    return {};
}

void PatchPanel::updateCommit() {
    QString blocker = commitBlocker();
    commit_->setEnabled(!waiting_ && preview_.ok && !preview_.script.empty() && blocker.isEmpty());
    commit_->setToolTip(blocker.isEmpty()
                            ? tr("Update the running program: the generated patch, then your "
                                 "edits to it (Ctrl+Return)")
                            : blocker);
    blocker_->setText(blocker);
    blocker_->setVisible(!blocker.isEmpty());
    QPalette p = blocker_->palette();
    p.setColor(QPalette::WindowText, uiColors().warningText);
    blocker_->setPalette(p);
    reviewed_->setVisible(preview_.ok && model_->reviewCount() > 0);
    reviewed_->setEnabled(!waiting_);
}

std::string PatchPanel::userPatch() const {
    QString text = script_->text();
    if (text == qs(preview_.script)) return {};
    return text.toStdString();
}

void PatchPanel::setWaiting(bool waiting) {
    waiting_ = waiting;
    waitingRow_->setVisible(waiting);
    discard_->setEnabled(!waiting && preview_.ok);
    script_->setReadOnly(waiting);
    policyRow_->setEnabled(!waiting);
    updateCommit();
}

void PatchPanel::showPolicyChoices(int row) {
    policyRowIndex_ = row;
    choices_ = policyChoices(preview_.changes, row);
    policyError_->hide();
    policyBox_->clear();
    policyExpression_->clear();
    if (choices_.isEmpty()) {
        policyRow_->hide();
        return;
    }
    const dsu::Change* c = model_->changeAt(row);
    policyLabel_->setText(
        tr("Policy for %1.%2:").arg(qs(c->className), qs(c->name.empty() ? c->oldName : c->name)));
    for (const PolicyChoice& choice : choices_)
        policyBox_->addItem(choice.label);
    policyExpression_->setEnabled(choices_.front().needsExpression());
    policyExpression_->setPlaceholderText(tr("expression: a constant, or of oldObj and newObj"));
    policyRow_->show();
}

bool PatchPanel::usePolicy() {
    const int row = policyRowIndex_;
    const int index = policyBox_->currentIndex();
    if (row < 0 || index < 0 || index >= choices_.size() || script_->isReadOnly()) return false;
    const PolicyChoice choice = choices_[index];
    const QString expression = policyExpression_->text();
    QString error;
    std::optional<QString> script = writePolicyChoice(
        script_->text(), qs(preview_.script), preview_.changes, row, choice, expression, &error);
    if (!script) {
        policyError_->setText(error);
        policyError_->show();
        return false;
    }
    policyError_->hide();
    // Undoable in the script editor, like a hand edit.
    if (*script != script_->text()) replaceEditorText(script_, *script);
    // The other row of a rename given up goes back to its default.
    if (int old = model_->partnerOf(row); old >= 0) model_->setChosen(old, {});
    auto rowOfField = [&](dsu::ChangeKind kind, const QString& name) {
        const dsu::Change* c = model_->changeAt(row);
        for (int r = 0; r < model_->rowCount(); ++r) {
            const dsu::Change* o = model_->changeAt(r);
            if (o->kind == kind && o->module == c->module && o->className == c->className &&
                qs(kind == dsu::ChangeKind::FieldAdded ? o->name : o->oldName) == name)
                return r;
        }
        return -1;
    };
    const dsu::Change* c = model_->changeAt(row);
    switch (choice.kind) {
    case PolicyChoice::Kind::RenameFrom: {
        int removed = rowOfField(dsu::ChangeKind::FieldRemoved, choice.other);
        if (int old = model_->partnerOf(removed); old >= 0) model_->setChosen(old, {});
        model_->setChosen(row, choice.label, removed);
        model_->setChosen(removed, tr("renamed to %1").arg(qs(c->name)), row);
        break;
    }
    case PolicyChoice::Kind::RenamedTo: {
        int added = rowOfField(dsu::ChangeKind::FieldAdded, choice.other);
        if (int old = model_->partnerOf(added); old >= 0) model_->setChosen(old, {});
        model_->setChosen(row, choice.label, added);
        model_->setChosen(added, tr("rename from %1").arg(qs(c->oldName)), row);
        break;
    }
    default: model_->setChosen(row, describeChoice(choice, expression)); break;
    }
    updateCommit();
    return true;
}

void PatchPanel::showError(const QString& error) {
    QPalette p = error_->palette();
    p.setColor(QPalette::WindowText, uiColors().removed);
    error_->setPalette(p);
    error_->setText(tr("Nothing was committed:\n") + error.trimmed());
    error_->show();
    setWaiting(false);
}

void PatchPanel::setEditorAppearance(bool dark, int pointSize) {
    molt::ide::setEditorAppearance(script_, dark, pointSize);
    molt::ide::setEditorAppearance(diff_, dark, pointSize);
}

} // namespace molt::ide
