#!/usr/bin/env python3
"""Runner for the DSU scenario tests in tests/dsu/scenarios.

Usage:
  run_dsu_scenario.py --molt PATH [--gc-stress] [--timeout S] [DIR...]
  run_dsu_scenario.py --list [DIR...]

Each scenario is a folder holding
  v1.js          the running program (or v1/main.js, for a program of several modules)
  v2.js          optional: the new version it is updated to (or v2/main.js)
  patch.js       the patch script applied to it (optional when there is a v2)
  scenario.json  {"eval": EXPR or null, "stdout": "...", "exit": N,
                  "stderr": "substring" or ["substring", ...] (optional),
                  "args": ["--safe-point-timeout", "100", ...] (optional),
                  "roundtrip": false (optional: skip the round trip below),
                  "gc_stress": false (optional: skipped under --gc-stress; for programs
                                      too big to collect on every allocation),
                  "report": {"instances_migrated": 0, ...} (optional: the update report,
                            written with --report, must have these values for these keys)}

The runner executes, with the scenario folder as working directory,
  molt run [args] v1.js [--then v2.js] [--patch patch.js] [--eval EXPR]
and checks that stdout equals "stdout" exactly, that the exit code equals "exit" and that
stderr contains every expected substring. `--gc-stress` sets MOLT_GC_STRESS=1; so does
MOLT_GC_STRESS=1 in the runner's own environment (the suite's GC-stress phase sets it for
all of ctest), except for `molt diff`, which runs no program.
Every run sets MOLT_VERIFY_HEAP=1: molt checks the whole heap after each commit and
rollback and aborts with the checker's message (naming object, kind and edge) on a
violation, so a corrupting update fails its scenario even when its output looks right.

Round trip: for a scenario with a v2 and no patch.js, the runner also prints the generated
patch with `molt diff v1 v2`, runs `molt run v1 --then v2 --patch <that script>` and checks
that it behaves exactly like the implicit patch (same stdout, same exit code).
Without DIRs every scenario folder next to this script is run (or listed).
Ends with a line "N passed, M failed"; exits 0 iff every scenario passed.
"""
import argparse, difflib, json, os, shlex, subprocess, sys, tempfile

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


def program(dir_, version):
    """The main module of version v1 or v2 of a scenario (relative path), or None."""
    for rel in (f"{version}.js", os.path.join(version, "main.js")):
        if os.path.isfile(os.path.join(dir_, rel)):
            return rel
    return None


def execute(cmd, dir_, gc_stress, timeout):
    env = dict(os.environ)
    env.pop("MOLT_GC_STRESS", None)
    env["MOLT_VERIFY_HEAP"] = "1"
    if gc_stress:
        env["MOLT_GC_STRESS"] = "1"
    proc = subprocess.run(cmd, cwd=dir_, env=env, capture_output=True, timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def check(spec, code, stdout, stderr, label=""):
    failures = []
    if stdout != spec["stdout"]:
        diff = difflib.unified_diff(spec["stdout"].splitlines(keepends=True), stdout.splitlines(keepends=True),
                                    "expected stdout", "actual stdout")
        text = "".join(line if line.endswith("\n") else line + "\\ no newline at end\n" for line in diff)
        failures.append(f"{label}stdout differs:\n" + text)
    if code != spec["exit"]:
        failures.append(f"{label}exit code {code}, expected {spec['exit']}")
    wanted = spec.get("stderr")
    if wanted is not None:
        for piece in [wanted] if isinstance(wanted, str) else wanted:
            if piece not in stderr:
                failures.append(f"{label}stderr does not contain {piece!r}")
    return failures


def check_report(spec, path, label=""):
    """The keys of spec["report"] must have exactly these values in the report file."""
    wanted = spec.get("report")
    if wanted is None:
        return []
    try:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        return [f"{label}no update report: {e}"]
    return [f"{label}report {key!r} is {report.get(key)!r}, expected {value!r}"
            for key, value in wanted.items() if report.get(key) != value]


def report_args(spec):
    """--report FILE when the scenario checks the report (the caller removes FILE)."""
    if spec.get("report") is None:
        return [], None
    fd, path = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    os.unlink(path)  # molt writes it; a missing file means no report was written
    return ["--report", path], path


def run_one(molt, dir_, gc_stress, timeout):
    """Returns a list of failure descriptions (empty when the scenario passed)."""
    try:
        spec = load(dir_)
    except (OSError, ValueError) as e:
        return [f"bad scenario: {e}"]
    if gc_stress and spec.get("gc_stress", True) is False:
        return []
    v1, v2 = program(dir_, "v1"), program(dir_, "v2")
    has_patch = os.path.isfile(os.path.join(dir_, "patch.js"))
    if not v1:
        return ["bad scenario: missing v1.js"]
    if not v2 and not has_patch:
        return ["bad scenario: missing v2.js or patch.js"]
    tail = []
    if spec.get("eval") is not None:
        tail = ["--eval", spec["eval"]]
    cmd = [molt, "run", *spec.get("args", []), v1]
    if v2:
        cmd += ["--then", v2]
    if has_patch:
        cmd += ["--patch", "patch.js"]
    rargs, rpath = report_args(spec)
    cmd += rargs + tail
    try:
        code, stdout, stderr = execute(cmd, dir_, gc_stress, timeout)
    except subprocess.TimeoutExpired as e:
        return [f"timed out after {timeout} s: {' '.join(cmd)}",
                "stdout so far:\n" + (e.stdout or b"").decode("utf-8", "replace")]
    failures = check(spec, code, stdout, stderr)
    if rpath:
        failures += check_report(spec, rpath)
        if os.path.exists(rpath):
            os.unlink(rpath)
    if failures:
        failures.append(f"command: (cd {shlex.quote(dir_)} && {shlex.join(cmd)})")
        failures.append("stderr:\n" + (stderr if stderr else "(empty)\n"))
        return failures
    # Bad input (exit 2) has nothing to round-trip.
    if v2 and not has_patch and spec["exit"] != 2 and spec.get("roundtrip", True):
        diff_cmd = [molt, "diff", v1, v2]
        dcode, script, derr = execute(diff_cmd, dir_, False, timeout)
        if dcode != 0:
            return [f"round trip: molt diff exited {dcode}", derr]
        with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False, encoding="utf-8") as f:
            f.write(script)
            generated = f.name
        try:
            rargs, rpath = report_args(spec)
            rt = [molt, "run", *spec.get("args", []), v1, "--then", v2, "--patch", generated, *rargs, *tail]
            code, stdout, stderr = execute(rt, dir_, gc_stress, timeout)
            failures = check(spec, code, stdout, stderr, "round trip: ")
            if rpath:
                failures += check_report(spec, rpath, "round trip: ")
                if os.path.exists(rpath):
                    os.unlink(rpath)
            if failures:
                failures.append(f"command: (cd {shlex.quote(dir_)} && {shlex.join(rt)})")
                failures.append("generated patch:\n" + script)
                failures.append("stderr:\n" + (stderr if stderr else "(empty)\n"))
        finally:
            os.unlink(generated)
    return failures


def main():
    ap = argparse.ArgumentParser(description="Runs DSU scenario folders (v1.js + patch.js + scenario.json).")
    ap.add_argument("--molt", help="path to the molt binary")
    ap.add_argument("--gc-stress", action="store_true",
                    help="run with MOLT_GC_STRESS=1 (also when the environment sets it)")
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
    gc_stress = args.gc_stress or os.environ.get("MOLT_GC_STRESS", "0") not in ("", "0")
    timeout = args.timeout or (300 if gc_stress else 60)
    passed = failed = 0
    for d in dirs:
        name = os.path.basename(d.rstrip(os.sep))
        failures = run_one(molt, d, gc_stress, timeout)
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
