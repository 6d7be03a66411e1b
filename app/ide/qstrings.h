// qstrings.h — the IDE's one conversion from the engine's UTF-8 strings to Qt's.
#pragma once

#include <QString>

#include <string>

namespace molt::ide {

inline QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace molt::ide
