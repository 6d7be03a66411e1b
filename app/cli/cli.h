// cli.h — what the subcommands of `molt` share (DESIGN.md §7: a stable contract).
//
// The command line is strict because a script that misspells an option must not get a
// different update than it asked for: an option the subcommand does not declare, an
// option given twice, a value that is not what the option takes, a directory or a binary
// file where a source is expected — each is a usage error (exit 2) before anything runs.
// Program arguments follow `--`; before it, nothing that starts with '-' is passed on.
//
// Each subcommand declares its options once, on a CommandLine; the same declaration
// parses the arguments and lists the options in `molt help COMMAND`. The parser behind it
// is CLI11, seen only by cli.cpp: its header-only code is compiled once, not per command.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace molt {
class VM;
}

namespace molt::cli {

// The process's exit status (a program's own `process.exit(n)` passes through as n).
enum ExitCode : int {
    Ok = 0,
    UncaughtException = 1, // the hosted stack trace is on stderr
    UsageError = 2,        // also a compile error (file:line:col on stderr); nothing ran
    RolledBack = 3,        // the update rolled back; the program is unchanged
    Unreachable = 4,       // the process behind a control socket cannot be reached
};

class CommandLine {
public:
    // `synopsis` is the usage line without "usage: " ("molt run [OPTIONS] APP.js [ARGS...]").
    CommandLine(std::string command, std::string synopsis);
    ~CommandLine();
    CommandLine(const CommandLine&) = delete;
    CommandLine& operator=(const CommandLine&) = delete;

    // Declares `--name VALUE` (stored in `into`) or a `--name` flag.
    void option(const std::string& name, std::string& into, const std::string& valueName,
                const std::string& description);
    void flag(const std::string& name, bool& into, const std::string& description);

    // Parses the words after the subcommand's name. On a refusal prints it (one line, then
    // the synopsis) and returns UsageError; nullopt when the words are all understood.
    std::optional<int> parse(const std::vector<std::string>& words);

    bool helpRequested() const { return help_; }
    // Words that are not options, in order: those before `--`, and those after it.
    const std::vector<std::string>& operands() const { return operands_; }
    const std::vector<std::string>& afterDashes() const { return afterDashes_; }
    // Every operand, before and after `--` (for commands where `--` only ends the options).
    std::vector<std::string> allOperands() const;
    // Whether the declared option `name` ("--eval") was given (also with an empty value).
    bool given(const std::string& name) const;
    // The names of the options given ("--force"), in the order they were first given.
    std::vector<std::string> parseOrder() const;

    // "options:" and one entry per declared option, wrapped to the terminal's usual width.
    std::string optionsHelp() const;
    const std::string& command() const { return command_; }

    // Prints "molt: MESSAGE" and the synopsis; returns UsageError.
    int refuse(const std::string& message) const;

private:
    struct Declared {
        CLI::Option* option;
        std::string name, valueName, description;
    };
    std::string command_, synopsis_;
    std::unique_ptr<CLI::App> app_;
    std::vector<Declared> declared_;
    std::vector<std::string> operands_, afterDashes_;
    bool help_ = false;
};

// Prints "molt: MESSAGE\n" and where the usage is; returns UsageError.
int usageError(const std::string& message);

// The name of `known` nearest to `unknown` by edit distance, or "" when none is close
// enough to be what was meant.
std::string nearest(const std::string& unknown, const std::vector<std::string>& known);

// Reads a source file the user named; on failure prints why (naming it as given) and
// returns false. Directories, missing files and binary or non-UTF-8 files are refused.
bool readSource(const std::string& path, std::string& text);
// Like readSource, without keeping the text: refuses bad input before anything runs.
bool checkSource(const std::string& path);

// Prints an error already formatted by the runtime or the DSU (file:line:col, the source
// line and a caret), ending it with a newline; returns UsageError.
int printError(const std::string& formatted);

// Parses the number `text` given to `option`: finite, at least `min` (above it when
// `open`), at most `max`. On failure prints why and returns nullopt.
std::optional<double> parseNumber(const CommandLine& line, const std::string& option,
                                  const std::string& text, const std::string& unit, double min,
                                  bool open, double max);

// The subcommands, one file each. `words` are the arguments after the subcommand's name.
int runCommand(const std::vector<std::string>& words);
int diffCommand(const std::vector<std::string>& words);
int refactorCommand(const std::vector<std::string>& words);
int checkCommand(const std::vector<std::string>& words);
int disasmCommand(const std::vector<std::string>& words);
int updateCommand(const std::vector<std::string>& words);
int statusCommand(const std::vector<std::string>& words);
int historyCommand(const std::vector<std::string>& words);
int evalCommand(const std::vector<std::string>& words);
int psCommand(const std::vector<std::string>& words);

// Each subcommand's `molt help COMMAND` text, built from the same declaration.
std::string runHelp();
std::string diffHelp();
std::string refactorHelp();
std::string checkHelp();
std::string disasmHelp();
std::string updateHelp();
std::string statusHelp();
std::string historyHelp();
std::string evalHelp();
std::string psHelp();

// check and disasm: compiles one file alone; prints its bytecode when `printBytecode`.
int compileFile(VM& vm, const std::string& path, bool printBytecode);

} // namespace molt::cli
