#!/usr/bin/env python3
"""Run the Molt benchmark suite against molt, node --jitless and node.

usage: python3 bench/run.py [--molt PATH] [--runs N] [--json OUT.json] [--only NAME...]

Each benchmark is run N times per engine; the median wall time is reported.
Every engine must print the same last stdout line (the checksum); a mismatch
or a failing run is flagged and makes the script exit with status 1.
"""

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
DEFAULT_MOLT = os.path.join(REPO_DIR, "build", "default", "app", "molt")
PREFERRED_ORDER = ["alloc", "fields", "calls", "closures", "arrays", "strings"]


def discover():
    names = [f[:-3] for f in os.listdir(BENCH_DIR) if f.endswith(".js")]
    first = [n for n in PREFERRED_ORDER if n in names]
    rest = sorted(n for n in names if n not in PREFERRED_ORDER)
    return first + rest


class EngineResult:
    def __init__(self):
        self.times = []
        self.lines = []      # last stdout line of each run
        self.error = None    # first failure, as text

    @property
    def median(self):
        return statistics.median(self.times) if self.times and self.error is None else None

    @property
    def checksum(self):
        return self.lines[0] if self.lines else None


def run_once(cmd, timeout):
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=REPO_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, f"timed out after {timeout}s"
    except OSError as e:
        return None, None, f"could not start: {e}"
    elapsed = time.perf_counter() - start
    out = proc.stdout.decode("utf-8", "replace").rstrip("\n").split("\n")
    last = out[-1] if out else ""
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().split("\n")
        return elapsed, last, f"exit code {proc.returncode}: {err[0] if err else ''}"
    return elapsed, last, None


def fmt_time(t):
    return "-" if t is None else f"{t:.3f}"


def fmt_ratio(r):
    return "-" if r is None else f"{r:.2f}x"


def ratio(a, b):
    if a is None or b is None or b <= 0:
        return None
    return a / b


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main():
    ap = argparse.ArgumentParser(description="Run the Molt benchmarks on molt, node --jitless and node.")
    ap.add_argument("--molt", default=DEFAULT_MOLT, help="path to the molt binary (default: %(default)s)")
    ap.add_argument("--runs", type=int, default=3, help="runs per engine and benchmark (default: 3)")
    ap.add_argument("--json", metavar="OUT.json", help="write the results as JSON to this file")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="run only these benchmarks (e.g. alloc strings)")
    ap.add_argument("--node", default="node", help="node executable (default: node)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds before a single run is abandoned")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    names = discover()
    if args.only:
        wanted = [n[:-3] if n.endswith(".js") else n for n in args.only]
        unknown = [n for n in wanted if n not in names]
        if unknown:
            ap.error(f"unknown benchmark(s): {', '.join(unknown)} (available: {', '.join(names)})")
        names = [n for n in names if n in wanted]

    engines = []
    molt = os.path.abspath(args.molt)
    if os.path.isfile(molt) and os.access(molt, os.X_OK):
        engines.append(("molt", lambda f: [molt, "run", f]))
    else:
        print(f"note: molt binary not found at {molt}; skipping the molt column", file=sys.stderr)
        molt = None
    node = shutil.which(args.node) or args.node
    engines.append(("node_jitless", lambda f: [node, "--jitless", f]))
    engines.append(("node", lambda f: [node, f]))

    rows = []
    any_bad = False
    for name in names:
        path = os.path.join(BENCH_DIR, name + ".js")
        results = {e: EngineResult() for e, _ in engines}
        for _ in range(args.runs):
            for engine, make_cmd in engines:
                res = results[engine]
                if res.error is not None:
                    continue
                elapsed, last, err = run_once(make_cmd(path), args.timeout)
                if err is not None:
                    res.error = err
                    continue
                res.times.append(elapsed)
                res.lines.append(last)

        problems = []
        for engine, res in results.items():
            if res.error is not None:
                problems.append(f"{engine} failed: {res.error}")
            elif len(set(res.lines)) > 1:
                problems.append(f"{engine} printed different checksums on different runs")
                res.error = "nondeterministic output"
        reference = results["node"].checksum
        for engine, res in results.items():
            if res.error is None and res.checksum != reference:
                problems.append(f"{engine} checksum differs from node:\n"
                                f"      {engine}: {res.checksum}\n      node: {reference}")
        ok = not problems
        any_bad = any_bad or not ok

        molt_s = results["molt"].median if molt else None
        jit_s = results["node_jitless"].median
        node_s = results["node"].median
        row = {
            "name": name,
            "molt_s": molt_s,
            "node_jitless_s": jit_s,
            "node_s": node_s,
            "ratio_jitless": ratio(molt_s, jit_s),
            "ratio_node": ratio(molt_s, node_s),
            "checksum_ok": ok,
            "checksum": reference,
            "problems": problems,
        }
        rows.append(row)
        status = "ok" if ok else "MISMATCH"
        print(f"  {name}: molt {fmt_time(molt_s)}s, node --jitless {fmt_time(jit_s)}s, "
              f"node {fmt_time(node_s)}s [{status}]", file=sys.stderr)

    # Ratios of a program that computed the wrong result are not meaningful: leave them out.
    gm_jit = geomean([r["ratio_jitless"] for r in rows if r["checksum_ok"]])
    gm_node = geomean([r["ratio_node"] for r in rows if r["checksum_ok"]])

    header = ["benchmark", "molt s", "node --jitless s", "node s", "molt/jitless", "molt/node", "checksum"]
    table = [[r["name"], fmt_time(r["molt_s"]), fmt_time(r["node_jitless_s"]), fmt_time(r["node_s"]),
              fmt_ratio(r["ratio_jitless"]), fmt_ratio(r["ratio_node"]),
              "ok" if r["checksum_ok"] else "MISMATCH"] for r in rows]
    gm_times = [geomean([r[k] for r in rows]) if all(r[k] is not None for r in rows) else None
                for k in ("molt_s", "node_jitless_s", "node_s")]
    table.append(["geomean"] + [fmt_time(t) for t in gm_times] + [fmt_ratio(gm_jit), fmt_ratio(gm_node), ""])
    widths = [max(len(str(row[i])) for row in [header] + table) for i in range(len(header))]

    def line(cells):
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    print(f"runs per engine: {args.runs} (median wall time)" + ("" if molt else "; molt not found, column skipped"))
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in table[:-1]:
        print(line(row))
    print("  ".join("-" * w for w in widths))
    print(line(table[-1]))

    for r in rows:
        for p in r["problems"]:
            print(f"CHECKSUM PROBLEM in {r['name']}: {p}")

    if args.json:
        out = {
            "benchmarks": [{k: r[k] for k in ("name", "molt_s", "node_jitless_s", "node_s", "ratio_jitless",
                                              "ratio_node", "checksum_ok", "checksum", "problems")}
                           for r in rows],
            "geomean_ratio_jitless": gm_jit,
            "geomean_ratio_node": gm_node,
            "runs": args.runs,
            "molt": molt,
        }
        with open(args.json, "w") as f:
            json.dump(out, f, indent=2)
            f.write("\n")

    return 1 if any_bad else 0


if __name__ == "__main__":
    sys.exit(main())
