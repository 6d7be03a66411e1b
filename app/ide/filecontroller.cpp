#include "app/ide/filecontroller.h"

#include "app/ide/views/editorseam.h"
#include "app/ide/views/filechangebar.h"
#include "app/ide/views/messagebar.h"
#include "editor/codeeditor.h"
#include "editor/qsci.h"
#include "editor/symbolindex.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>

namespace molt::ide {

namespace {

// Long enough for an editor's save (write a new file, rename it over the old one) to
// finish before the file is read, short enough to feel immediate.
constexpr int kSettleMs = 60;

QByteArray digest(const QByteArray& bytes) {
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
}

bool readBytes(const QString& path, QByteArray& out) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return false;
    out = f.readAll();
    return true;
}

bool writeBytes(const QString& path, const QByteArray& bytes, QString* error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        if (error) *error = f.errorString();
        return false;
    }
    return true;
}

QString fileName(const QString& module) {
    return QFileInfo(module).fileName();
}

} // namespace

FileController::FileController(QTabWidget* tabs, FileChangeBar* bar, MessageBar* messages,
                               editor::SymbolIndex* symbols, QWidget* dialogParent)
    : QObject(dialogParent), tabs_(tabs), bar_(bar), messages_(messages), symbols_(symbols),
      dialogParent_(dialogParent) {
    settle_.setSingleShot(true);
    settle_.setInterval(kSettleMs);
    connect(&settle_, &QTimer::timeout, this, &FileController::checkPending);
    connect(&watcher_, &QFileSystemWatcher::fileChanged, this, &FileController::onDiskChange);
    // A deleted file that comes back, or a new module: the project's folder changed.
    connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, [this](const QString&) {
        for (const QString& path : std::as_const(deleted_))
            onDiskChange(path);
        Q_EMIT modulesChanged();
    });
    connect(tabs_, &QTabWidget::currentChanged, this, &FileController::showQuestion);
}

void FileController::setProject(const Project& project) {
    questions_.clear();
    questionOrder_.clear();
    bar_->hide();
    for (QsciScintilla* e : editors())
        closeNow(e);
    if (!watcher_.files().isEmpty()) watcher_.removePaths(watcher_.files());
    if (!watcher_.directories().isEmpty()) watcher_.removePaths(watcher_.directories());
    known_.clear();
    deleted_.clear();
    pending_.clear();
    project_ = project;
    if (project_.isValid()) watcher_.addPath(project_.root);
}

QString FileController::moduleOf(const QsciScintilla* editor) {
    return editor ? editor->property("module").toString() : QString();
}

QString FileController::pathOf(const QsciScintilla* editor) const {
    return project_.absolutePath(moduleOf(editor));
}

QList<QsciScintilla*> FileController::editors() const {
    QList<QsciScintilla*> out;
    for (int i = 0; i < tabs_->count(); ++i)
        if (auto* e = qobject_cast<QsciScintilla*>(tabs_->widget(i))) out << e;
    return out;
}

QsciScintilla* FileController::findEditor(const QString& module) const {
    for (QsciScintilla* e : editors())
        if (moduleOf(e) == module) return e;
    return nullptr;
}

QsciScintilla* FileController::editorForPath(const QString& path) const {
    for (QsciScintilla* e : editors())
        if (pathOf(e) == path) return e;
    return nullptr;
}

bool FileController::hasUnsavedEdits() const {
    for (QsciScintilla* e : editors())
        if (e->isModified() || isDeleted(e)) return true;
    return false;
}

bool FileController::isDeleted(const QsciScintilla* editor) const {
    return deleted_.contains(pathOf(editor));
}

void FileController::remember(const QString& path, const QByteArray& bytes) {
    known_.insert(path, digest(bytes));
}

void FileController::watch(const QString& path) {
    // A file replaced by a rename is no longer watched: watch the new one.
    if (!watcher_.files().contains(path) && QFileInfo::exists(path)) watcher_.addPath(path);
}

void FileController::track(QsciScintilla* editor) {
    QString path = pathOf(editor);
    QByteArray bytes;
    if (readBytes(path, bytes)) remember(path, bytes);
    watch(path);
}

// ---------------------------------------------------------------- saving

bool FileController::writeEditor(QsciScintilla* e) {
    QString path = pathOf(e);
    QByteArray bytes = e->text().toUtf8();
    QString error;
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!writeBytes(path, bytes, &error)) {
        messages_->showMessage(MessageBar::Kind::Error, tr("Cannot save %1").arg(path), error);
        return false;
    }
    remember(path, bytes);
    e->setModified(false);
    if (deleted_.remove(path)) {
        dropQuestion(path);
        Q_EMIT tabChanged(e);
    }
    watch(path);
    return true;
}

bool FileController::saveAll() {
    bool ok = true;
    for (QsciScintilla* e : editors())
        if (e->isModified() || isDeleted(e)) ok &= writeEditor(e);
    return ok;
}

bool FileController::writeModule(const QString& module, const QString& text) {
    QString path = project_.absolutePath(module);
    QByteArray bytes = text.toUtf8(), disk;
    if (readBytes(path, disk) && disk == bytes) return true;
    QString error;
    if (!writeBytes(path, bytes, &error)) {
        messages_->showMessage(MessageBar::Kind::Error, tr("Cannot save %1").arg(path), error);
        return false;
    }
    remember(path, bytes);
    if (QsciScintilla* e = findEditor(module); e && deleted_.remove(path)) Q_EMIT tabChanged(e);
    watch(path);
    return true;
}

// ---------------------------------------------------------------- new file, save as

QString FileController::moduleForNewPath(const QString& given, QString* error) const {
    QString name = given.trimmed();
    if (name.isEmpty()) {
        *error = tr("Give the file a name, such as util.js.");
        return {};
    }
    if (!name.endsWith(QLatin1String(".js"))) name += QLatin1String(".js");
    QString path = QDir::cleanPath(QDir(project_.root).absoluteFilePath(name));
    QString module = QDir(project_.root).relativeFilePath(path);
    if (module.startsWith(QLatin1String("..")) || QFileInfo(module).isAbsolute()) {
        *error =
            tr("%1 is outside the project: choose a name inside %2.").arg(given, project_.root);
        return {};
    }
    if (module.startsWith(QLatin1Char('.')) || module.contains(QLatin1String("/.")) ||
        module.startsWith(QLatin1String("node_modules/"))) {
        *error = tr("%1 would be hidden from the project (a hidden folder or node_modules): "
                    "choose another name.")
                     .arg(module);
        return {};
    }
    return module;
}

void FileController::newFile() {
    if (!project_.isValid()) return;
    auto* d = new QInputDialog(dialogParent_);
    d->setObjectName(QStringLiteral("newFileDialog"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setWindowTitle(tr("New File"));
    d->setLabelText(tr("Name of the new module in %1:").arg(project_.name()));
    d->setTextValue(QStringLiteral("untitled.js"));
    connect(d, &QInputDialog::textValueSelected, this, [this](const QString& name) {
        QString error;
        if (!createFile(name, &error))
            messages_->showMessage(MessageBar::Kind::Error,
                                   tr("No file was created: %1").arg(name.trimmed()), error);
    });
    d->open();
}

bool FileController::createFile(const QString& name, QString* error) {
    QString module = moduleForNewPath(name, error);
    if (module.isEmpty()) return false;
    QString path = project_.absolutePath(module);
    if (QFileInfo::exists(path)) {
        *error = tr("%1 already exists: open it from the Project list, or choose another name.")
                     .arg(module);
        return false;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !writeBytes(path, {}, error))
        return false;
    remember(path, {});
    Q_EMIT modulesChanged();
    if (opener_) opener_(module);
    return true;
}

void FileController::saveAs() {
    QPointer<QsciScintilla> e = qobject_cast<QsciScintilla*>(tabs_->currentWidget());
    if (!e || !project_.isValid()) return;
    auto* d = new QFileDialog(dialogParent_, tr("Save As"), project_.root);
    d->setObjectName(QStringLiteral("saveAsDialog"));
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setOption(QFileDialog::DontUseNativeDialog);
    d->setAcceptMode(QFileDialog::AcceptSave);
    d->setNameFilter(tr("JavaScript modules (*.js)"));
    d->setDefaultSuffix(QStringLiteral("js"));
    d->selectFile(fileName(moduleOf(e)));
    connect(d, &QFileDialog::fileSelected, this, [this, e](const QString& path) {
        QString error;
        if (e && !saveAs(e, path, &error))
            messages_->showMessage(MessageBar::Kind::Error, tr("Not saved as %1").arg(path), error);
    });
    d->open();
}

bool FileController::saveAs(QsciScintilla* e, const QString& target, QString* error) {
    QString module = moduleForNewPath(target, error);
    if (module.isEmpty()) return false;
    if (module == moduleOf(e)) return writeEditor(e);
    if (findEditor(module)) {
        *error =
            tr("%1 is open in another tab: close it first, or choose another name.").arg(module);
        return false;
    }
    QString oldPath = pathOf(e), path = project_.absolutePath(module);
    QByteArray bytes = e->text().toUtf8();
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !writeBytes(path, bytes, error))
        return false;
    // The tab follows the copy; the old file stays as it was last saved.
    watcher_.removePath(oldPath);
    known_.remove(oldPath);
    deleted_.remove(oldPath);
    e->setProperty("module", module);
    e->setObjectName(QStringLiteral("editor:") + module);
    if (auto* code = qobject_cast<editor::CodeEditor*>(e)) code->setFilePath(path);
    if (QFileInfo::exists(oldPath)) symbols_->indexFile(oldPath); // F12 still finds it
    remember(path, bytes);
    watch(path);
    e->setModified(false);
    int index = tabs_->indexOf(e);
    tabs_->setTabToolTip(index, path);
    Q_EMIT modulesChanged();
    Q_EMIT tabChanged(e);
    return true;
}

// ---------------------------------------------------------------- closing

void FileController::closeCurrentTab() {
    if (auto* e = qobject_cast<QsciScintilla*>(tabs_->currentWidget())) closeTab(e);
}

void FileController::closeTab(QsciScintilla* e) {
    if (!e) return;
    if (!e->isModified() && !isDeleted(e)) {
        closeNow(e);
        return;
    }
    QString module = moduleOf(e);
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Close %1").arg(fileName(module)),
        isDeleted(e) ? tr("%1 was deleted on disk. Save it again before closing?").arg(module)
                     : tr("Save the changes to %1 before closing?").arg(module),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, dialogParent_);
    box->setObjectName(QStringLiteral("closeTabDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Closing a tab does not change the running program."));
    box->setDefaultButton(QMessageBox::Save);
    QPointer<QsciScintilla> editor = e;
    connect(box, &QMessageBox::finished, this, [this, box, editor](int) {
        if (!editor) return;
        QMessageBox::StandardButton answer = box->standardButton(box->clickedButton());
        if (answer == QMessageBox::Save && !writeEditor(editor)) return;
        if (answer == QMessageBox::Save || answer == QMessageBox::Discard) closeNow(editor);
    });
    box->open();
}

void FileController::closeNow(QsciScintilla* e) {
    QString module = moduleOf(e), path = pathOf(e);
    watcher_.removePath(path);
    known_.remove(path);
    deleted_.remove(path);
    tabs_->removeTab(tabs_->indexOf(e));
    dropQuestion(path);
    // The editor leaves the project's index when it is destroyed; the file on disk stays
    // in it, so F12 still finds what the closed module defines.
    QPointer<editor::SymbolIndex> symbols = symbols_;
    connect(e, &QObject::destroyed, symbols_, [symbols, path] {
        if (symbols && QFileInfo::exists(path)) symbols->indexFile(path);
    });
    e->deleteLater();
    Q_EMIT tabClosed(module);
}

// ---------------------------------------------------------------- changes on disk

void FileController::onDiskChange(const QString& path) {
    pending_.insert(path);
    settle_.start();
}

void FileController::checkNow() {
    settle_.stop();
    for (QsciScintilla* e : editors())
        pending_.insert(pathOf(e));
    checkPending();
}

void FileController::checkPending() {
    const QSet<QString> paths = std::exchange(pending_, {});
    for (const QString& path : paths)
        checkFile(path);
}

void FileController::checkFile(const QString& path) {
    QsciScintilla* e = editorForPath(path);
    if (!e) return;
    QString name = fileName(moduleOf(e));
    QByteArray bytes;
    if (!QFileInfo::exists(path) || !readBytes(path, bytes)) {
        if (deleted_.contains(path)) return;
        deleted_.insert(path);
        Q_EMIT tabChanged(e);
        QPointer<QsciScintilla> editor = e;
        ask(path,
            tr("%1 was deleted on disk. The editor keeps its text; saving writes the "
               "file again. The running program is not affected.")
                .arg(name),
            {{tr("&Save Again"), QStringLiteral("saveAgain"),
              [this, editor] {
                  if (editor) writeEditor(editor);
              }},
             {tr("&Close Tab"), QStringLiteral("closeDeleted"), [this, editor] {
                  if (editor) closeTab(editor);
              }}});
        return;
    }
    watch(path);
    const bool wasDeleted = deleted_.remove(path);
    if (wasDeleted) Q_EMIT tabChanged(e);
    QByteArray d = digest(bytes);
    if (known_.value(path) == d) {
        if (wasDeleted) dropQuestion(path);
        return; // what the IDE itself last read or wrote
    }
    QString text = QString::fromUtf8(bytes);
    if (text == e->text()) {
        known_.insert(path, d);
        if (!wasDeleted) e->setModified(false);
        return;
    }
    if (!e->isModified() && !wasDeleted) {
        reload(e, text, bytes);
        return;
    }
    QPointer<QsciScintilla> editor = e;
    QString module = moduleOf(e);
    std::vector<FileChangeBar::Choice> choices = {
        {tr("&Reload"), QStringLiteral("reload"),
         [this, editor, path] {
             QByteArray now;
             if (editor && readBytes(path, now)) reload(editor, QString::fromUtf8(now), now);
         }},
        {tr("&Keep Mine"), QStringLiteral("keepMine"), [this, path, d] {
             known_.insert(path, d); // not asked again for this version; Save overwrites it
         }}};
    if (staleCheck_ && staleCheck_(module))
        choices.insert(
            choices.begin() + 1,
            {tr("Reload and &Update"), QStringLiteral("reloadAndUpdate"), [this, editor, path] {
                 QByteArray now;
                 if (!editor || !readBytes(path, now)) return;
                 reload(editor, QString::fromUtf8(now), now);
                 dropQuestion(path); // the update is on its way
                 Q_EMIT updateRequested();
             }});
    ask(path,
        tr("%1 changed on disk, and this tab has edits that are not saved. Reload "
           "replaces them with the file (Ctrl+Z brings them back); reloading does not "
           "update the running program.")
            .arg(name),
        choices);
}

void FileController::reload(QsciScintilla* e, const QString& text, const QByteArray& bytes) {
    QString path = pathOf(e);
    replaceEditorText(e, text);
    e->setModified(false);
    remember(path, bytes);
    if (deleted_.remove(path)) Q_EMIT tabChanged(e);
    Q_EMIT tabChanged(e);
    QString module = moduleOf(e);
    if (staleCheck_ && staleCheck_(module))
        offerUpdate(e, tr("%1 was reloaded from disk. The running program still runs the "
                          "version before: reloading does not update it.")
                           .arg(fileName(module)));
    else
        dropQuestion(path);
}

void FileController::offerUpdate(QsciScintilla* e, const QString& message) {
    ask(pathOf(e), message,
        {{tr("&Update the Program"), QStringLiteral("updateProgram"),
          [this] { Q_EMIT updateRequested(); }},
         {tr("&Dismiss"), QStringLiteral("dismiss"), {}}});
}

void FileController::ask(const QString& path, const QString& message,
                         std::vector<FileChangeBar::Choice> choices) {
    for (FileChangeBar::Choice& c : choices) {
        c.run = [this, path, run = std::move(c.run)] {
            questions_.remove(path); // answered; the choice may ask again
            questionOrder_.removeAll(path);
            if (run) run();
            showQuestion();
        };
    }
    questions_.insert(path, {message, std::move(choices)});
    questionOrder_.removeAll(path);
    questionOrder_.append(path);
    bar_->setProperty("path", QString()); // a new question: its buttons are new too
    showQuestion();
}

void FileController::dropQuestion(const QString& path) {
    if (!questions_.remove(path)) return;
    questionOrder_.removeAll(path);
    showQuestion();
}

void FileController::showQuestion() {
    QString path;
    if (auto* current = qobject_cast<QsciScintilla*>(tabs_->currentWidget());
        current && questions_.contains(pathOf(current)))
        path = pathOf(current);
    else if (!questionOrder_.isEmpty())
        path = questionOrder_.last();
    if (path.isEmpty()) {
        bar_->setProperty("path", QString());
        bar_->hide();
        return;
    }
    if (bar_->isVisible() && bar_->property("path").toString() == path &&
        bar_->text() == questions_.value(path).message)
        return; // already shown: its buttons stay
    bar_->setProperty("path", path);
    const Question& q = questions_[path];
    bar_->ask(q.message, q.choices);
}

} // namespace molt::ide
