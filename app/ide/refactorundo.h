// refactorundo.h — what Edit ▸ Undo Refactoring and a refactoring update's Revert undo:
// the committed refactorings, each with its inverse.
//
// Undoing a refactoring is another refactoring, its inverse (computed by the engine when
// the first one was committed), committed the same way. An entry leaves the stack only
// when its undo commits, so an undo that rolls back can be tried again. Every refactoring
// that updated the program also keeps its inverse under its update's history number, even
// after it was undone: a Revert of that update applies the inverse rather than a diff
// back to the older source, which would treat a rename as a removal and drop live state.
#pragma once

#include "dsu/refactor/refactor.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace molt::ide {

class RefactorUndoStack {
public:
    struct Entry {
        QString title; // "rename-field Product cents priceCents"
        dsu::RefactorRequest inverse;
        int historyNumber = 0; // its update in the history; 0: the program was not running
    };

    bool isEmpty() const { return entries_.isEmpty(); }
    int size() const { return int(entries_.size()); }
    const Entry& top() const { return entries_.last(); } // undone first; not when empty
    // The entry committed as update `number`, or -1.
    int indexOfUpdate(int number) const;
    // The inverse of the refactoring committed as update `number`, if it was one.
    std::optional<dsu::RefactorRequest> inverseOfUpdate(int number) const;

    // A refactoring committed (as update `historyNumber`, 0 for none). When it was the
    // undo of entry `undoOf`, that entry goes; otherwise it becomes the top.
    void committed(int undoOf, const QString& title, const dsu::RefactorRequest& inverse,
                   int historyNumber);

private:
    QList<Entry> entries_;
    QHash<int, dsu::RefactorRequest> byUpdate_; // history number -> inverse
};

} // namespace molt::ide
