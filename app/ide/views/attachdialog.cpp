#include "app/ide/views/attachdialog.h"

#include "control/registry.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace molt::ide {

AttachDialog::AttachDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("attachDialog"));
    setWindowTitle(tr("Attach to Process"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Molt processes started with <tt>--control SOCKET</tt> "
                                    "(<tt>molt ps</tt>):"),
                                 this));
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("attachProcesses"));
    layout->addWidget(list_, 1);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    layout->addWidget(note_);
    layout->addWidget(new QLabel(tr("Control socket:"), this));
    path_ = new QLineEdit(this);
    path_->setObjectName(QStringLiteral("attachSocketPath"));
    path_->setPlaceholderText(tr("/path/to/app.sock"));
    layout->addWidget(path_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Attach"));
    QPushButton* reload = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    connect(reload, &QPushButton::clicked, this, &AttachDialog::refresh);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!socketPath().isEmpty()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(list_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item) path_->setText(item->data(Qt::UserRole).toString());
    });
    connect(list_, &QListWidget::itemDoubleClicked, this, [this] { accept(); });
    layout->addWidget(buttons);
    resize(640, 360);
    refresh();
}

QString AttachDialog::socketPath() const {
    return path_->text().trimmed();
}

void AttachDialog::refresh() {
    list_->clear();
    auto live = control::liveProcesses();
    std::vector<control::RegistryEntry> entries =
        live ? live.value() : std::vector<control::RegistryEntry>{};
    for (const control::RegistryEntry& e : entries) {
        auto* item = new QListWidgetItem(
            tr("%1  %2  (%3, since %4)")
                .arg(e.pid)
                .arg(QFileInfo(QString::fromStdString(e.main)).fileName(),
                     QString::fromStdString(e.socket), QString::fromStdString(e.started)),
            list_);
        item->setData(Qt::UserRole, QString::fromStdString(e.socket));
        item->setToolTip(QString::fromStdString(e.main));
    }
    if (!live)
        note_->setText(
            tr("Cannot read the registry: %1").arg(QString::fromStdString(live.error().message())));
    else if (entries.empty())
        note_->setText(tr("No process with a control socket is running as this user. Start "
                          "one with <tt>molt run APP.js --control SOCKET</tt>, or type a "
                          "socket path below."));
    else
        note_->clear();
}

} // namespace molt::ide
