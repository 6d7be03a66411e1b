// textview.h — a read-only view for text that is not the user's JavaScript: patch diffs,
// JSON update reports, generated patch scripts. It uses QScintilla's own lexers (no
// tree-sitter) and the editor's themes and fonts.
#pragma once

#include "editor/qsci.h"
#include "editor/theme.h"

class QsciLexer;

namespace molt::editor {

class TextView : public QsciScintilla {
    Q_OBJECT
public:
    enum class Kind { Plain, Diff, Json, JavaScript };

    explicit TextView(QWidget* parent = nullptr);

    void setContent(const QString& text, Kind kind);
    Kind kind() const { return kind_; }
    void setTheme(const Theme& theme);
    const Theme& theme() const { return theme_; }
    void setFontFamily(const QString& family);
    void setFontSize(int pointSize);

private:
    void applyTheme();

    Kind kind_ = Kind::Plain;
    Theme theme_;
    QString fontFamily_;
    int fontSize_ = 10;
};

} // namespace molt::editor
