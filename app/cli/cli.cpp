#include "app/cli/cli.h"

#include "runtime/compiler/compiler.h"
#include "runtime/core/assert.h"
#include "runtime/core/vm.h"
#include "runtime/syntax/source_text.h"
#include "runtime/syntax/syntax.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace molt::cli {

namespace {

constexpr size_t kWidth = 90;  // the help's right margin
constexpr size_t kColumn = 24; // where an option's description starts

// Appends `text` wrapped at kWidth, every line but the first indented to kColumn; the
// first continues the line already in `out` (which is kColumn wide, or starts a new line).
void appendWrapped(std::string& out, const std::string& text) {
    size_t column = kColumn;
    bool first = true;
    size_t i = 0;
    while (i < text.size()) {
        size_t end = text.find(' ', i);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(i, end - i);
        i = end + 1;
        if (!first && column + 1 + word.size() > kWidth) {
            out += "\n" + std::string(kColumn, ' ');
            column = kColumn;
            first = true;
        }
        if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        first = false;
    }
    out += "\n";
}

// Edits that turn `a` into `b`: inserting, deleting or replacing a character, or swapping
// two adjacent ones (a slip of the fingers, as in "rnu").
size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min(
                {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::string withoutDashes(const std::string& s) {
    size_t start = s.find_first_not_of('-');
    return start == std::string::npos ? "" : s.substr(start);
}

} // namespace

CommandLine::CommandLine(std::string command, std::string synopsis)
    : command_(std::move(command)), synopsis_(std::move(synopsis)),
      app_(std::make_unique<CLI::App>("", "molt " + command_)) {
    // Unknown words are collected rather than thrown, so that the refusal can name the
    // nearest known option; the help flag is ours, listed with the other options.
    app_->allow_extras();
    app_->set_help_flag();
    app_->add_option("operands", operands_);
    CLI::Option* help = app_->add_flag("--help,-h", help_);
    declared_.push_back({help, "--help", "", "show this help (also: -h)"});
}

CommandLine::~CommandLine() = default;

void CommandLine::option(const std::string& name, std::string& into, const std::string& valueName,
                         const std::string& description) {
    CLI::Option* o = app_->add_option(name, into, description)->type_name(valueName);
    declared_.push_back({o, name, valueName, description});
}

void CommandLine::flag(const std::string& name, bool& into, const std::string& description) {
    CLI::Option* o = app_->add_flag(name, into, description);
    declared_.push_back({o, name, "", description});
}

bool CommandLine::given(const std::string& name) const {
    for (const Declared& d : declared_)
        if (d.name == name) return d.option->count() > 0;
    MOLT_ASSERT(false && "given(): the option is not declared");
    return false;
}

std::optional<int> CommandLine::parse(const std::vector<std::string>& words) {
    auto dashes = std::find(words.begin(), words.end(), "--");
    if (dashes != words.end()) afterDashes_.assign(dashes + 1, words.end());
    // CLI11 takes the words last first.
    std::vector<std::string> reversed(std::make_reverse_iterator(dashes), words.rend());
    std::string failure;
    try {
        app_->parse(reversed);
    } catch (const CLI::ParseError& e) {
        failure = e.what();
    }
    // A repeat is refused, never "the last one wins" (CLI11 reports some as a count).
    for (const Declared& d : declared_)
        if (d.option->count() > 1)
            return refuse("'" + d.name + "' is given " + std::to_string(d.option->count()) +
                          " times; give it once");
    if (!failure.empty()) {
        for (const Declared& d : declared_)
            if (failure.rfind(d.name + ":", 0) == 0 && !d.valueName.empty())
                return refuse("'" + d.name + "' needs a value (" + d.valueName + ")");
        return refuse(failure);
    }
    for (const Declared& d : declared_)
        if (!d.valueName.empty() && d.option->count() > 0 && d.option->results()[0].empty())
            return refuse("'" + d.name + "' needs a value (" + d.valueName + "), not ''");
    for (const std::string& word : app_->remaining()) {
        if (word.empty() || word[0] != '-') return refuse("unexpected argument '" + word + "'");
        std::string name = word.substr(0, word.find('='));
        std::vector<std::string> known;
        for (const Declared& d : declared_)
            known.push_back(d.name);
        std::string hint = nearest(name, known);
        return refuse("unknown option '" + name + "'" +
                      (hint.empty() ? "" : " (did you mean " + hint + "?)"));
    }
    return std::nullopt;
}

std::vector<std::string> CommandLine::allOperands() const {
    std::vector<std::string> all = operands_;
    all.insert(all.end(), afterDashes_.begin(), afterDashes_.end());
    return all;
}

std::vector<std::string> CommandLine::parseOrder() const {
    std::vector<std::string> order;
    for (const CLI::Option* o : app_->parse_order())
        for (const Declared& d : declared_)
            if (d.option == o && std::find(order.begin(), order.end(), d.name) == order.end())
                order.push_back(d.name);
    return order;
}

std::string CommandLine::optionsHelp() const {
    std::string out = "options:\n";
    for (const Declared& d : declared_) {
        std::string head = "  " + d.name + (d.valueName.empty() ? "" : " " + d.valueName);
        if (head.size() + 2 > kColumn)
            head += "\n" + std::string(kColumn, ' ');
        else
            head += std::string(kColumn - head.size(), ' ');
        out += head;
        appendWrapped(out, d.description);
    }
    return out;
}

int CommandLine::refuse(const std::string& message) const {
    std::fprintf(stderr, "molt: %s\nusage: %s\n(`molt help %s` lists its options)\n",
                 message.c_str(), synopsis_.c_str(), command_.c_str());
    return UsageError;
}

int usageError(const std::string& message) {
    std::fprintf(stderr, "molt: %s\n(`molt help` lists the commands)\n", message.c_str());
    return UsageError;
}

std::string nearest(const std::string& unknown, const std::vector<std::string>& known) {
    std::string word = withoutDashes(unknown);
    std::string best;
    size_t bestDistance = 0;
    for (const std::string& k : known) {
        std::string name = withoutDashes(k);
        size_t d = editDistance(word, name);
        // Close enough to be a slip: at most two edits, and fewer than half the name.
        if (d > 2 || 2 * d >= name.size()) continue;
        if (best.empty() || d < bestDistance) {
            best = k;
            bestDistance = d;
        }
    }
    return best;
}

bool readSource(const std::string& path, std::string& text) {
    SourceText read = readSourceText(path);
    if (!read.ok()) {
        std::fprintf(stderr, "molt: %s\n", read.describe(path).c_str());
        return false;
    }
    text = std::move(read.text);
    return true;
}

bool checkSource(const std::string& path) {
    std::string text;
    return readSource(path, text);
}

int printError(const std::string& formatted) {
    std::fputs(formatted.c_str(), stderr);
    if (!formatted.empty() && formatted.back() != '\n') std::fputc('\n', stderr);
    return UsageError;
}

std::optional<double> parseNumber(const CommandLine& line, const std::string& option,
                                  const std::string& text, const std::string& unit, double min,
                                  bool open, double max) {
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    bool ok = error == std::errc() && end == text.data() + text.size() && std::isfinite(value) &&
              (open ? value > min : value >= min) && value <= max;
    if (ok) return value;
    char range[96];
    std::snprintf(range, sizeof range, "%s %.0f and at most %.0f", open ? "above" : "at least", min,
                  max);
    line.refuse("'" + option + "' takes a number of " + unit + " (" + range + "), not '" + text +
                "'");
    return std::nullopt;
}

int compileFile(VM& vm, const std::string& path, bool printBytecode) {
    std::string source;
    if (!readSource(path, source)) return UsageError;
    auto* module = vm.heap.allocate<Module>(ObjKind::Module, vm.moduleClass);
    Root keep(vm.heap, Value::object(module));
    module->displayPath = vm.intern(path);
    auto tree = SyntaxTree::parse(std::move(source), path);
    CompileError error;
    FunctionProto* proto = compileModule(vm, module, *tree, error);
    if (!proto) return printError(error.format());
    if (printBytecode) std::fputs(disassemble(proto).c_str(), stdout);
    return Ok;
}

} // namespace molt::cli
