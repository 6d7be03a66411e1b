// result.h — how runtime/ and dsu/ report an error to their caller (STYLE.md, "Errors").
//
// A fallible function returns Result<T>: either its value or an Error. The type is
// [[nodiscard]], so an error cannot be dropped by forgetting to look; TRY(expr) passes an
// error up to the caller and otherwise yields the value, so a sequence of fallible steps
// reads as straight-line code (LibJS's ThrowCompletionOr). No exception crosses the API.
//
// An Error is a message and, when the error is about source text, where in it. Its text
// is formatted in one place, Error::format(): "file:line:col: message" (the compiler's and
// the CLI's convention), or the message alone. The message says what went wrong and names
// what it is about; callers add context by wrapping (Error::context), never by editing it.
//
// TRY uses a GNU statement expression (g++ and clang both have them); a Result that holds
// an error must not be asked for its value (MOLT_ASSERT).
#pragma once

#include "runtime/core/assert.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace molt {

struct SourceLocation {
    std::string file;
    uint32_t line = 0, column = 0; // 1-based; 0 = unknown
};

class Error {
public:
    explicit Error(std::string message, std::optional<SourceLocation> where = std::nullopt)
        : message_(std::move(message)), where_(std::move(where)) {}

    const std::string& message() const { return message_; }
    const std::optional<SourceLocation>& location() const { return where_; }

    // "file:line:col: message", "file: message" without a line, or the message alone.
    std::string format() const {
        if (!where_ || where_->file.empty()) return message_;
        std::string out = where_->file;
        if (where_->line) {
            out += ":" + std::to_string(where_->line);
            if (where_->column) out += ":" + std::to_string(where_->column);
        }
        return out + ": " + message_;
    }

    // The same error with `prefix` before its message ("the policy of C.f threw: ...").
    Error context(const std::string& prefix) const& { return Error(prefix + message_, where_); }

private:
    std::string message_;
    std::optional<SourceLocation> where_;
};

template<typename T> class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        MOLT_ASSERT(ok());
        return std::get<0>(state_);
    }
    const T& value() const& {
        MOLT_ASSERT(ok());
        return std::get<0>(state_);
    }
    T&& value() && {
        MOLT_ASSERT(ok());
        return std::get<0>(std::move(state_));
    }
    const Error& error() const& {
        MOLT_ASSERT(!ok());
        return std::get<1>(state_);
    }
    Error&& error() && {
        MOLT_ASSERT(!ok());
        return std::get<1>(std::move(state_));
    }
    // For TRY: the value, moved out.
    T release() { return std::move(*this).value(); }

private:
    std::variant<T, Error> state_;
};

template<> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)) {}

    bool ok() const { return !error_; }
    explicit operator bool() const { return ok(); }

    const Error& error() const& {
        MOLT_ASSERT(!ok());
        return *error_;
    }
    Error&& error() && {
        MOLT_ASSERT(!ok());
        return std::move(*error_);
    }
    void release() {}

private:
    std::optional<Error> error_;
};

} // namespace molt

// Evaluates `expr` (a Result); on an error returns it from the enclosing function (whose
// return type is some Result), otherwise is the value (nothing, for Result<void>).
#define TRY(expr)                                                                                  \
    ({                                                                                             \
        auto molt_try_result_ = (expr);                                                            \
        if (!molt_try_result_.ok()) return std::move(molt_try_result_).error();                    \
        molt_try_result_.release();                                                                \
    })
