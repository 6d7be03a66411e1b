// journal.h — what is live: one JSON line per update the control channel ran.
//
// Invariants:
//   * Append-only, one complete line per entry written with a single write(2) on a file
//     opened O_APPEND, so a reader (molt history, a tail -f) never sees half an entry and a
//     crash loses at most the entry being written.
//   * Each entry carries everything needed to rebuild the live version: the sources sent
//     (by digest, and in full), the patch script that ran, and the report. A reader can
//     pull the live version back into a repository from the last committed entry.
#pragma once

#include "control/protocol.h"
#include "runtime/core/result.h"

#include <string>
#include <vector>

namespace molt::control {

class Journal {
public:
    Journal() = default;
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Opens (creating, mode 0600) the journal at `path`; an error when it cannot.
    Result<void> open(const std::string& path);
    const std::string& path() const { return path_; }

    // Appends one entry; an error (with the reason) when the write failed.
    Result<void> append(const Json& entry);

    // Every entry, oldest first; lines that are not JSON objects (a torn tail) are skipped.
    std::vector<Json> read() const;

private:
    std::string path_;
    int fd_ = -1;
};

// "sha256:<hex>" of the sources, each as path, NUL, text, NUL, in the order given.
std::string sourcesDigest(const std::vector<SourceText>& files);

// The current time as ISO 8601 UTC with milliseconds ("2026-12-02T04:20:00.123Z").
std::string utcTimestamp();

} // namespace molt::control
