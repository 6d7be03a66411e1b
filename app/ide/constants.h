// constants.h — settings keys, object names and limits of the IDE.
#pragma once

namespace molt::ide::Constants {

// QSettings keys.
inline constexpr const char* kSettingsGeometry = "window/geometry";
inline constexpr const char* kSettingsState = "window/state";
inline constexpr const char* kSettingsTheme = "appearance/theme"; // "light" | "dark"
inline constexpr const char* kSettingsFontSize = "appearance/fontSize";
inline constexpr const char* kSettingsRecent = "projects/recent";
inline constexpr const char* kSettingsLastProject = "projects/last";
inline constexpr const char* kSettingsSaveAndSee = "updates/commitWithoutReview"; // bool
inline constexpr const char* kSettingsConfirmStop = "run/confirmStop"; // bool

inline constexpr int kMaxRecentProjects = 8;
inline constexpr int kDefaultFontSize = 10;
inline constexpr int kInstancePageSize = 200;
inline constexpr int kTranscriptMaxBlocks = 20000;
inline constexpr const char* kDefaultExample = "bounce";
// A commit still running after this long shows the status bar's busy indicator.
inline constexpr int kCommitBusyDelayMs = 200;

// Object names: docks and tool bars (saveState needs them), and widgets the tests find.
inline constexpr const char* kTranscriptDock = "transcriptDock";
inline constexpr const char* kThreadsDock = "threadsDock";
inline constexpr const char* kSuspendedDock = "suspendedDock";
inline constexpr const char* kWorldDock = "worldDock";
inline constexpr const char* kInspectorDock = "inspectorDock";
inline constexpr const char* kPatchDock = "patchDock";
inline constexpr const char* kHistoryDock = "historyDock";
inline constexpr const char* kProjectDock = "projectDock";
inline constexpr const char* kRunToolBar = "runToolBar";

} // namespace molt::ide::Constants
