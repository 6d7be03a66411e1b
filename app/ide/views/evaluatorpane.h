// evaluatorpane.h — the Inspector's evaluator: an expression evaluated with `this` bound to
// the inspected object (or a suspended frame's `this` and locals), answered in a list.
//
// The pane only asks: the host runs the expression on a green thread between the
// program's slices (VmHost::evaluate), so the program is never stopped or torn. Each
// answer is printed as console.log prints it; an object answer can be selected to
// inspect it. Field edits (the object tree) report their errors here too.
#pragma once

#include "app/ide/host/vmhost.h"

#include <QSet>
#include <QStringList>
#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QToolButton;

namespace molt::ide {

class EvaluatorPane : public QWidget {
    Q_OBJECT
public:
    enum Role { IdentityRole = Qt::UserRole + 1 };
    // Set in the requests of field edits, which the Inspector sends and reports.
    static constexpr uint64_t kFieldEditBit = uint64_t(1) << 63;
    // `target` answers the object to bind `this` to, and its label, when Return is pressed.
    using Target = std::function<std::pair<uint32_t, QString>()>;
    EvaluatorPane(VmHost* host, Target target, QWidget* parent = nullptr);

    // Sends `expression` as if typed (it joins the history).
    void evaluate(const QString& expression);
    // Shows a line the Inspector reports (a field edit's outcome).
    void report(const QString& text, bool isError);
    void setUnavailable(const QString& reason); // empty: available again
    // Ends the evaluations still running, field edits included (Escape in the input, or the
    // Cancel button, which shows while one runs); the program runs on.
    void cancelRunning();
    // A field edit the Inspector sent (its answer is the Inspector's to report), so that
    // Cancel ends it too.
    void noteFieldEdit(uint64_t request);

    QLineEdit* input() const { return input_; }
    QListWidget* output() const { return output_; }
    QToolButton* cancelButton() const { return cancel_; }

Q_SIGNALS:
    void inspectRequested(uint32_t identity, const QString& label);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onEvaluated(const EvalResult& result);
    void addLine(const QString& text, bool isError, uint32_t identity = 0);

    VmHost* host_;
    Target target_;
    QLineEdit* input_;
    QListWidget* output_;
    QLabel* reason_;
    QToolButton* cancel_;
    QStringList history_;
    int historyAt_ = 0;
    uint64_t nextRequest_ = 1;
    QHash<uint64_t, QString> pending_; // request -> the expression, for the answer's label
    QSet<uint64_t> fieldEdits_;        // field edits still running
};

} // namespace molt::ide
