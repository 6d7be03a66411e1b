#!/usr/bin/env python3
"""Runner for the DSU scenario tests in tests/dsu.

Usage:
  run_dsu_scenario.py --molt PATH [--gc-stress] [--timeout S] [DIR...]
  run_dsu_scenario.py --list [DIR...]

Each scenario is a folder holding
  v1.js          the running program
  patch.js       the patch script applied to it
  scenario.json  {"eval": EXPR or null, "stdout": "...", "exit": N,
                  "stderr": "substring" or ["substring", ...] (optional),
                  "args": ["--safe-point-timeout", "100", ...] (optional)}

The runner executes, with the scenario folder as working directory,
  molt run [args] --patch patch.js [--eval EXPR] v1.js
and checks that stdout equals "stdout" exactly, that the exit code equals "exit" and that
stderr contains every expected substring. `--gc-stress` sets MOLT_GC_STRESS=1.
Without DIRs every scenario folder next to this script is run (or listed).
Ends with a line "N passed, M failed"; exits 0 iff every scenario passed.
"""
import argparse, difflib, json, os, shlex, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def list_scenarios():
    out = []
    for name in sorted(os.listdir(HERE)):
        path = os.path.join(HERE, name)
        if os.path.isfile(os.path.join(path, "scenario.json")):
            out.append(path)
    return out


def load(dir_):
    with open(os.path.join(dir_, "scenario.json"), encoding="utf-8") as f:
        spec = json.load(f)
    for key in ("stdout", "exit"):
        if key not in spec:
            raise ValueError(f"scenario.json has no '{key}'")
    return spec


def run_one(molt, dir_, gc_stress, timeout):
    """Returns a list of failure descriptions (empty when the scenario passed)."""
    try:
        spec = load(dir_)
    except (OSError, ValueError) as e:
        return [f"bad scenario: {e}"]
    for f in ("v1.js", "patch.js"):
        if not os.path.isfile(os.path.join(dir_, f)):
            return [f"bad scenario: missing {f}"]
    cmd = [molt, "run", *spec.get("args", []), "--patch", "patch.js"]
    if spec.get("eval") is not None:
        cmd += ["--eval", spec["eval"]]
    cmd.append("v1.js")
    env = dict(os.environ)
    env.pop("MOLT_GC_STRESS", None)
    if gc_stress:
        env["MOLT_GC_STRESS"] = "1"
    try:
        proc = subprocess.run(cmd, cwd=dir_, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return [f"timed out after {timeout} s: {' '.join(cmd)}",
                "stdout so far:\n" + (e.stdout or b"").decode("utf-8", "replace")]
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    failures = []
    if stdout != spec["stdout"]:
        diff = difflib.unified_diff(spec["stdout"].splitlines(keepends=True), stdout.splitlines(keepends=True),
                                    "expected stdout", "actual stdout")
        text = "".join(line if line.endswith("\n") else line + "\\ no newline at end\n" for line in diff)
        failures.append("stdout differs:\n" + text)
    if proc.returncode != spec["exit"]:
        failures.append(f"exit code {proc.returncode}, expected {spec['exit']}")
    wanted = spec.get("stderr")
    if wanted is not None:
        for piece in [wanted] if isinstance(wanted, str) else wanted:
            if piece not in stderr:
                failures.append(f"stderr does not contain {piece!r}")
    if failures:
        failures.append(f"command: (cd {shlex.quote(dir_)} && {shlex.join(cmd)})")
        failures.append("stderr:\n" + (stderr if stderr else "(empty)\n"))
    return failures


def main():
    ap = argparse.ArgumentParser(description="Runs DSU scenario folders (v1.js + patch.js + scenario.json).")
    ap.add_argument("--molt", help="path to the molt binary")
    ap.add_argument("--gc-stress", action="store_true", help="run with MOLT_GC_STRESS=1")
    ap.add_argument("--timeout", type=float, default=None, help="seconds per scenario (default 60, 300 with --gc-stress)")
    ap.add_argument("--list", action="store_true", help="print the scenario folders and exit")
    ap.add_argument("dirs", nargs="*", help="scenario folders (default: all next to this script)")
    args = ap.parse_args()
    dirs = [os.path.abspath(d) for d in args.dirs] or list_scenarios()
    if args.list:
        for d in dirs:
            print(os.path.relpath(d, HERE) if os.path.dirname(d) == HERE else d)
        return 0
    if not args.molt:
        ap.error("--molt is required")
    molt = os.path.abspath(args.molt)
    timeout = args.timeout or (300 if args.gc_stress else 60)
    passed = failed = 0
    for d in dirs:
        name = os.path.basename(d.rstrip(os.sep))
        failures = run_one(molt, d, args.gc_stress, timeout)
        if failures:
            failed += 1
            print(f"FAIL {name}")
            for f in failures:
                print("  " + f.rstrip("\n").replace("\n", "\n  "))
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
