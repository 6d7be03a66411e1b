// theme.h — the IDE's light and dark themes: the application palette (Fusion) and the
// few colours the IDE's own views use for meaning (warnings, added, removed, renamed).
#pragma once

#include <QColor>

namespace molt::ide {

struct UiColors {
    QColor warningBackground, warningText;   // REVIEW rows, rolled-back updates
    QColor added, removed, renamed, changed; // Before/After marks
    QColor errorBar, errorBarText, infoBar, infoBarText, okBar, okBarText;
    QColor worldBackground, worldText;
};

void applyApplicationTheme(bool dark);
bool isDarkTheme();
const UiColors& uiColors();

} // namespace molt::ide
