#!/usr/bin/env python3
"""The `molt` command line, tested through the binary: one case file is one command.

usage: run_cli_test.py --molt PATH [--timeout S] CASE.json...

A case runs in a fresh copy of programs/ (so that what a command writes, or must not
write, can be checked) and says:
  "args":    the words after `molt` (required)
  "write":   files to create first, {"name": {"text": "..."}} or {"name": {"hex": "00ff"}}
             (binary and non-UTF-8 inputs are made here, not kept in the repository)
  "exit":    the expected exit code (required)
  "stdout", "stderr":          fragments each stream must contain (a string or a list)
  "stdout_is", "stderr_is":    the exact text of the stream
  "stdout_not", "stderr_not":  fragments the stream must not contain
  "absent":  files the command must not have written
  "present": files the command must have written
MOLT_GC_STRESS in the environment passes through to molt.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = {"args", "write", "exit", "stdout", "stderr", "stdout_is", "stderr_is", "stdout_not",
        "stderr_not", "absent", "present", "comment"}


def pieces(value):
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def run_case(molt, path, timeout):
    with open(path, encoding="utf-8") as f:
        case = json.load(f)
    unknown = set(case) - KEYS
    if unknown or "args" not in case or "exit" not in case:
        return [f"bad case: needs args and exit; unknown keys {sorted(unknown)}"]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, "work")
        shutil.copytree(os.path.join(HERE, "programs"), work)
        for name, content in case.get("write", {}).items():
            target = os.path.join(work, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            data = (bytes.fromhex(content["hex"]) if "hex" in content
                    else content["text"].encode("utf-8"))
            with open(target, "wb") as out:
                out.write(data)
        cmd = [molt, *case["args"]]
        try:
            p = subprocess.run(cmd, cwd=work, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return [f"timed out after {timeout} s: molt {' '.join(case['args'])}"]
        out = p.stdout.decode("utf-8", "replace")
        err = p.stderr.decode("utf-8", "replace")
        if p.returncode != case["exit"]:
            failures.append(f"exit {p.returncode}, expected {case['exit']}")
        for name, text in (("stdout", out), ("stderr", err)):
            for piece in pieces(case.get(name)):
                if piece not in text:
                    failures.append(f"{name} does not contain {piece!r}")
            for piece in pieces(case.get(name + "_not")):
                if piece in text:
                    failures.append(f"{name} contains {piece!r}")
            if name + "_is" in case and text != case[name + "_is"]:
                failures.append(f"{name} is {text!r}, expected {case[name + '_is']!r}")
        for name in pieces(case.get("absent")):
            if os.path.exists(os.path.join(work, name)):
                failures.append(f"wrote {name}")
        for name in pieces(case.get("present")):
            if not os.path.exists(os.path.join(work, name)):
                failures.append(f"did not write {name}")
        if failures:
            failures.append("command: molt " + " ".join(repr(a) for a in case["args"]))
            failures.append("stdout:\n" + (out or "(empty)"))
            failures.append("stderr:\n" + (err or "(empty)"))
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--molt", required=True)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("cases", nargs="+")
    a = ap.parse_args()
    molt = os.path.abspath(a.molt)
    failed = 0
    for path in a.cases:
        failures = run_case(molt, path, a.timeout)
        name = os.path.splitext(os.path.basename(path))[0]
        print(f"{'FAIL' if failures else 'ok'}: cli/{name}")
        for line in failures:
            print("  " + line.replace("\n", "\n  "))
        failed += bool(failures)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
