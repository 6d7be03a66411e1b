// control_client.h — what the operator's subcommands (update, status, history, eval) share:
// one request to a process's control socket and the mapping of its answer to an exit code.
//
// The exit code says whether anything changed: 2 (bad input, refused before anything ran),
// 3 (an update ran and rolled back), 4 (the process could not be reached or refused us).
#pragma once

#include "app/cli/cli.h"
#include "control/protocol.h"

#include <string>

namespace molt::cli {

// Sends `request` to the process at `socket` and waits for its answer. On success returns
// nullopt with `reply` filled (ok or not); otherwise prints why and returns the exit code.
std::optional<int> askProcess(const std::string& socket, const control::Request& request,
                              control::Reply& reply);

// Prints a refused request's reason and returns its exit code (2, or 4 when refused).
int printRefusal(const control::Reply& reply);

} // namespace molt::cli
