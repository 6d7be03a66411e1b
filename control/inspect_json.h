// inspect_json.h — the inspector's snapshots (inspect.h) on the control channel.
//
// The process encodes, an attached IDE decodes; both sides are here so the shapes cannot
// drift apart. Decoding is total: a field that is missing or of the wrong type reads as
// its default, since the answer comes from a process that already validated it and a
// newer process may add fields.
#pragma once

#include "control/inspect.h"
#include "control/protocol.h"

namespace molt::inspect {

control::Json toJson(const std::vector<ClassInfo>& classes); // {"classes": [...]}
control::Json toJson(const InstancePage& page);
control::Json toJson(const ObjectFields& object);
control::Json toJson(const std::vector<ThreadInfo>& threads); // {"threads": [...]}
control::Json toJson(const ReferrerList& referrers);

std::vector<ClassInfo> classesFromJson(const control::Json& result);
InstancePage instancesFromJson(const control::Json& result);
ObjectFields objectFromJson(const control::Json& result);
std::vector<ThreadInfo> threadsFromJson(const control::Json& result);
ReferrerList referrersFromJson(const control::Json& result);

} // namespace molt::inspect
