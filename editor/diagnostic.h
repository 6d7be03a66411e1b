// diagnostic.h — a message about a place in the source, from the parser or the compiler.
#pragma once

#include <QList>
#include <QString>

namespace molt::editor {

struct Diagnostic {
    enum class Severity { Error, Warning, Information };
    int line = 1;   // 1-based, as the compiler reports file:line:col
    int column = 1; // 1-based, in characters
    QString message;
    Severity severity = Severity::Error;
    int length = 0; // characters to underline; 0 underlines the word at the position
    bool operator==(const Diagnostic&) const = default;
};

} // namespace molt::editor
