// reportjson.h — an update's report and sources read back from JSON: the control channel's
// answers (SocketVmHost) and the history saved with a project (historystore.h).
#pragma once

#include "control/inspect_json.h"
#include "dsu/commit/report.h"
#include "dsu/source/differ.h"

#include <vector>

namespace molt::ide {

// dsu::UpdateReport::toJson read back; a field that is missing or of another type stays
// at its default.
dsu::UpdateReport reportFromJson(const control::Json& j);
// {"files": [{"path", "text"}, …]}: the files whose path and text are strings.
std::vector<dsu::SourceFile> filesFromJson(const control::Json& result);

} // namespace molt::ide
