#!/usr/bin/env python3
"""Runner for the Molt language tests in tests/lang.

Usage:
  run_lang_test.py --molt PATH [--node PATH | --no-node] [--timeout 20] FILE.js...
  run_lang_test.py --node-only [--node PATH] FILE.js...   (check expectations against node)
  run_lang_test.py --list                                 (entry points, relative to this dir)

Expectations are comments in the test file:
  // expect: <line>                    one stdout line (one leading space is stripped)
  // expect runtime error: <Name: msg>  exit code 1, stderr line 1 == "Uncaught <Name: msg>"
  // expect compile error: <L:C: msg>   exit code 2, stderr line 1 ends with ":<L:C: msg>"
                                        (for "syntax error" it need only contain it)
  // env: NAME=value                    set in the environment of both molt and node
                                        (e.g. TZ=America/New_York for a Date test)
Unless a file is listed in node-differences.txt (or is a compile-error test, which node
cannot reproduce by definition), node's stdout must equal molt's stdout byte for byte.
Files whose name starts with "_" are helper modules, not entry points.
"""
import argparse, difflib, os, re, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECT = re.compile(r"//\s*expect:(.*)$")
RUNTIME = re.compile(r"//\s*expect runtime error:\s*(.*?)\s*$")
COMPILE = re.compile(r"//\s*expect compile error:\s*(.*?)\s*$")
ENV = re.compile(r"^\s*//\s*env:\s*([A-Za-z_][A-Za-z0-9_]*)=(\S*)\s*$")


def list_tests():
    out = []
    for root, dirs, files in os.walk(HERE):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".js") and not name.startswith("_"):
                out.append(os.path.relpath(os.path.join(root, name), HERE))
    return out


def load_differences():
    skip = set()
    path = os.path.join(HERE, "node-differences.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                entry = line.split("#", 1)[0].strip()
                if entry:
                    skip.add(os.path.normpath(entry))
    return skip


def parse_expectations(path):
    lines, runtime, compile_err = [], None, None
    with open(path, encoding="utf-8") as f:
        for src in f.read().splitlines():
            m = EXPECT.search(src)
            if m:
                text = m.group(1)
                lines.append(text[1:] if text.startswith(" ") else text)
            m = RUNTIME.search(src)
            if m:
                runtime = m.group(1)
            m = COMPILE.search(src)
            if m:
                compile_err = m.group(1)
    return lines, runtime, compile_err


def file_environment(path):
    """The process environment with the file's `// env: NAME=value` lines applied."""
    env = dict(os.environ)
    with open(path, encoding="utf-8") as f:
        for src in f.read().splitlines():
            m = ENV.match(src)
            if m:
                env[m.group(1)] = m.group(2)
    return env


def run(cmd, path, timeout):
    try:
        p = subprocess.run(cmd + [path], cwd=os.path.dirname(path), capture_output=True,
                           timeout=timeout, env=file_environment(path))
    except subprocess.TimeoutExpired:
        return None
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def split_lines(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def diff(expected, actual, a, b):
    return "\n".join(difflib.unified_diff(expected, actual, a, b, lineterm=""))


def check_file(path, args, skip_node):
    """Returns a list of failure messages (empty when the test passes)."""
    expected, runtime, compile_err = parse_expectations(path)
    want_code = 2 if compile_err is not None else 1 if runtime is not None else 0
    errors = []
    molt_out = None
    if not args.node_only:
        res = run([args.molt, "run"], path, args.timeout)
        if res is None:
            return ["molt timed out after %ss" % args.timeout]
        code, molt_out, err = res
        first = err.split("\n", 1)[0].rstrip("\r")
        if code != want_code:
            errors.append("molt exit code %d, expected %d\nstderr:\n%s" % (code, want_code, err))
        if runtime is not None and first != "Uncaught " + runtime:
            errors.append("stderr first line: %r\nexpected:         %r" % (first, "Uncaught " + runtime))
        if compile_err is not None:
            suffix = ":" + compile_err
            # Syntax errors may carry extra detail ("syntax error: unexpected ';'").
            if not (first.endswith(suffix) or ("syntax error" in compile_err and suffix in first)):
                errors.append("stderr first line: %r\nexpected to end with %r" % (first, suffix))
        if split_lines(molt_out) != expected:
            errors.append("stdout differs from expectations:\n"
                          + diff(expected, split_lines(molt_out), "expected", "molt"))
    if skip_node or compile_err is not None:
        return errors
    res = run([args.node], path, args.timeout)
    if res is None:
        return errors + ["node timed out after %ss" % args.timeout]
    code, node_out, err = res
    if args.node_only:
        if code != want_code:
            errors.append("node exit code %d, expected %d\nstderr:\n%s" % (code, want_code, err))
        if runtime is not None and runtime not in [l.rstrip() for l in err.splitlines()]:
            errors.append("node stderr has no line %r:\n%s" % (runtime, err))
        if split_lines(node_out) != expected:
            errors.append("node stdout differs from expectations:\n"
                          + diff(expected, split_lines(node_out), "expected", "node"))
    elif node_out != molt_out:
        errors.append("molt stdout differs from node stdout:\n"
                      + diff(split_lines(node_out), split_lines(molt_out), "node", "molt"))
    return errors


def main():
    ap = argparse.ArgumentParser(description="Run Molt language tests.")
    ap.add_argument("--molt", help="path to the molt executable")
    ap.add_argument("--node", default=shutil.which("node"), help="path to node")
    ap.add_argument("--no-node", action="store_true", help="do not compare with node")
    ap.add_argument("--node-only", action="store_true",
                    help="skip molt; check expectations against node (node-compared files only)")
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--list", action="store_true", help="list entry-point test files")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()

    if args.list:
        print("\n".join(list_tests()))
        return 0
    if not args.node_only and not args.molt:
        ap.error("--molt is required (or use --node-only / --list)")
    use_node = args.node_only or not args.no_node
    if use_node and not (args.node and shutil.which(args.node)):
        print("error: node not found (pass --node PATH, or --no-node to skip the comparison)")
        return 1
    if args.molt:
        args.molt = os.path.abspath(args.molt) if os.path.exists(args.molt) else args.molt

    differences = load_differences()
    failed = skipped = 0
    for name in args.files:
        path = os.path.abspath(name if os.path.exists(name) else os.path.join(HERE, name))
        rel = os.path.normpath(os.path.relpath(path, HERE))
        if not os.path.exists(path):
            print("FAIL %s: no such file" % name)
            failed += 1
            continue
        if args.node_only and (rel in differences or parse_expectations(path)[2] is not None):
            skipped += 1  # Molt-only behaviour: nothing to check against node
            continue
        errors = check_file(path, args, skip_node=not use_node or rel in differences)
        if errors:
            failed += 1
            print("FAIL %s" % rel)
            for e in errors:
                print("  " + e.replace("\n", "\n  "))
    passed = len(args.files) - failed - skipped
    print("%d passed, %d failed%s" % (passed, failed, ", %d skipped (not node-compared)" % skipped
                                       if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
