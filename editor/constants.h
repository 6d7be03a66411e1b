// constants.h — resource paths and the Scintilla numbers the editor reserves.
#pragma once

namespace molt::editor {

// Queries copied into the resources at build time (highlights and tags from the npm
// grammar package, fields from editor/queries/).
inline constexpr const char* kHighlightsQuery = ":/molt/queries/highlights.scm";
inline constexpr const char* kTagsQuery = ":/molt/queries/tags.scm";
inline constexpr const char* kFieldsQuery = ":/molt/queries/fields.scm";

// Styles: 0 is plain text, captures take 1.. and skip Scintilla's predefined 32..39.
inline constexpr int kFirstCaptureStyle = 1;
inline constexpr int kFirstPredefinedStyle = 32;
inline constexpr int kLastPredefinedStyle = 39;

// Margins.
inline constexpr int kLineNumberMargin = 0;
inline constexpr int kSymbolMargin = 1;
inline constexpr int kFoldMargin = 2;

// Indicators (Scintilla leaves 8..31 to the container; QScintilla allocates from 8 up).
inline constexpr int kSyntaxErrorIndicator = 20;
inline constexpr int kErrorIndicator = 21;
inline constexpr int kWarningIndicator = 22;
inline constexpr int kInformationIndicator = 23;

// Markers in the symbol margin (folding uses 25..31).
inline constexpr int kErrorMarker = 10;
inline constexpr int kWarningMarker = 11;
inline constexpr int kInformationMarker = 12;

// Completion: the user list's id, how many identifier characters typed open it without
// Ctrl+Space, and the autocompletion images (one per CompletionKind, from this id up).
inline constexpr int kCompletionListId = 1;
inline constexpr int kCompletionMinPrefix = 3;
inline constexpr int kCompletionFirstImage = 1;
inline constexpr int kCompletionVisibleRows = 12;

// Milliseconds of idle typing before the outline and the symbol index are refreshed.
inline constexpr int kDefaultAnalysisDelayMs = 150;
inline constexpr int kDwellTimeMs = 400;

// A re-parse that changes more than this many bytes styles only the visible lines (plus
// kStyleMarginLines above and below) at once and the rest in idle slices of kIdleStyleBytes.
inline constexpr unsigned kSynchronousStyleBytes = 16 * 1024;
inline constexpr int kStyleMarginLines = 50;
inline constexpr unsigned kIdleStyleBytes = 32 * 1024;

// A keystroke in a text of kBackgroundParseBytes or more with syntax errors re-parses on
// the parse thread once a re-parse of it took kBackgroundParseMs (codeeditor.h).
inline constexpr double kBackgroundParseMs = 1.5;
inline constexpr unsigned kBackgroundParseBytes = 64 * 1024;

} // namespace molt::editor
