// attachdialog.h — File ▸ Attach to Process…: the processes `molt ps` lists, or a socket path.
#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;
class QLabel;

namespace molt::ide {

class AttachDialog : public QDialog {
    Q_OBJECT
public:
    explicit AttachDialog(QWidget* parent = nullptr);
    // The control socket chosen (from the list or typed); empty when none.
    QString socketPath() const;
    // Reads the registry again (control/registry.h); stale entries are dropped there.
    void refresh();

private:
    QListWidget* list_;
    QLineEdit* path_;
    QLabel* note_;
};

} // namespace molt::ide
