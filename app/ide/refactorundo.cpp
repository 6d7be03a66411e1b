#include "app/ide/refactorundo.h"

namespace molt::ide {

int RefactorUndoStack::indexOfUpdate(int number) const {
    for (int i = size() - 1; i >= 0; --i)
        if (entries_[i].historyNumber == number) return i;
    return -1;
}

std::optional<dsu::RefactorRequest> RefactorUndoStack::inverseOfUpdate(int number) const {
    auto it = byUpdate_.find(number);
    if (it == byUpdate_.end()) return std::nullopt;
    return it.value();
}

void RefactorUndoStack::committed(int undoOf, const QString& title,
                                  const dsu::RefactorRequest& inverse, int historyNumber) {
    if (historyNumber > 0) byUpdate_.insert(historyNumber, inverse);
    if (undoOf >= 0 && undoOf < size())
        entries_.removeAt(undoOf);
    else
        entries_.append({title, inverse, historyNumber});
}

} // namespace molt::ide
