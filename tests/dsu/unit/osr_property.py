#!/usr/bin/env python3
"""Property test of on-stack replacement (docs/dsu.md "Update points").

For each seed of a fixed list, it writes a program whose thread loops forever in Pump.run
(v1: random locals, a random loop body that stops changing them after three rounds), and a
v2 with random edits of that method: locals added (with a literal, a computed or no
initializer), removed, renamed (as a new local, or carried by a dsu.mapFrame in patch.js),
the arithmetic of the body changed, statements added. It runs
    molt run v1.js --then v2.js [--patch patch.js] --report R.json
and checks against a model of the mapping rules:
  * the first thing v2's loop body prints is every v2 local as the rules define it after the
    move (kept by name, mapped, the literal, the initializer evaluated with the values of
    the locals before it, or undefined);
  * after one round of v2's body they hold what v2's arithmetic makes of that;
  * the report's frame line names the loop and lists kept, new and dropped locals.
In half of the cases (chosen by a second generator, so the other cases stay as they were)
the frame moves at a call return instead: after its three rounds run() waits in
`this.serve();`, whose loop never ends in v1; v2 changes serve() so that it returns, and
prints from right after that call. Both frames move in one update: serve() at its
back-edge, run() armed at the call, moving when serve() returns; the report has both lines.
The seeds are fixed, so a failure is a bug, not chance: rerun one with --seed N --keep DIR.

Usage: osr_property.py --molt PATH [--seeds N] [--seed S] [--keep DIR]
Ends with "N passed, M failed"; exits 0 iff every case passed.
"""
import argparse, json, os, random, shutil, subprocess, sys, tempfile

MOD = 997
POOL = ["alpha", "beta", "gamma", "delta", "eps", "zeta"]


class Case:
    def __init__(self, seed):
        self.rng = rng = random.Random(seed)
        self.seed = seed
        self.via_call = random.Random(seed * 7919 + 1).random() < 0.5
        # v1: locals declared before the loop with literal initializers.
        self.v1 = [(n, rng.randint(0, 20)) for n in rng.sample(POOL[:4], rng.randint(2, 4))]
        self.base = rng.randint(1, 9)  # a field the computed initializers read
        self.v1_body = self.body([n for n, _ in self.v1], rng.randint(1, 3))
        # v2: the edits.
        names = [n for n, _ in self.v1]
        self.v2 = []  # (name, kind, payload): kind in keep, literal, computed, none, mapped
        self.mapped = {}  # v2 name -> v1 name (dsu.mapFrame)
        removed = set()
        if len(names) > 2 and rng.random() < 0.5:
            removed.add(rng.choice(names))
        renamed = {}
        for n in names:
            if n not in removed and rng.random() < 0.3:
                renamed[n] = n + "2"
        for n, init in self.v1:
            if n in removed:
                continue
            if n in renamed:
                new = renamed[n]
                if rng.random() < 0.5:
                    self.mapped[new] = n
                    self.v2.append((new, "mapped", rng.randint(0, 20)))
                else:
                    self.v2.append((new, "literal", rng.randint(0, 20)))
            else:
                self.v2.append((n, "keep", init))
        for extra in POOL[4:]:
            if rng.random() < 0.6:
                kind = rng.choice(["literal", "computed", "none"])
                at = rng.randint(0, len(self.v2))
                earlier = [v[0] for v in self.v2[:at] if v[1] != "none"]
                if kind == "computed":
                    ref = rng.choice(earlier) if earlier else None
                    payload = (rng.randint(1, 4), ref, rng.randint(0, 9))
                else:
                    payload = rng.randint(0, 20)
                self.v2.insert(at, (extra, kind, payload))
        # A computed initializer may only read locals before it: recheck after the inserts.
        for i, (n, kind, payload) in enumerate(self.v2):
            if kind == "computed" and payload[1] is not None:
                before = [v[0] for v in self.v2[:i] if v[1] != "none"]
                if payload[1] not in before:
                    self.v2[i] = (n, kind, (payload[0], None, payload[2]))
        numeric = [n for n, kind, _ in self.v2 if kind != "none"]
        if rng.random() < 0.5:  # change the arithmetic: a new body
            self.v2_body = self.body(numeric, rng.randint(1, 3))
        else:  # keep the body's statements on the locals that remain, maybe add one
            kept = {n: (renamed.get(n, n)) for n, _ in self.v1 if n not in removed}
            self.v2_body = [(kept[t], m, kept.get(s), c) for t, m, s, c in self.v1_body
                            if t in kept and (s is None or s in kept)]
            if rng.random() < 0.7 or not self.v2_body:
                self.v2_body += self.body(numeric, 1)
        # A local declared without initializer is only ever assigned (never read before).
        self.assigned = [n for n, kind, _ in self.v2 if kind == "none" and rng.random() < 0.5]

    def body(self, names, count):
        """Statements `t = (t * m + s + c) % MOD` (s another local or none)."""
        out = []
        for _ in range(count):
            t = self.rng.choice(names)
            s = self.rng.choice(names + [None])
            out.append((t, self.rng.randint(1, 5), s, self.rng.randint(0, 9)))
        return out

    # ---- the model
    @staticmethod
    def run_body(body, env):
        for t, m, s, c in body:
            env[t] = (env[t] * m + (env[s] if s else 0) + c) % MOD

    def expected(self):
        old = {n: v for n, v in self.v1}
        for _ in range(3):
            self.run_body(self.v1_body, old)
        env, kept, new = {}, [], []
        for n, kind, payload in self.v2:
            if kind == "mapped":
                env[n] = old[self.mapped[n]] + 1
                new.append(n + " (mapped)")
            elif kind == "keep":
                env[n] = old[n]
                kept.append(n)
            elif kind == "literal":
                env[n] = payload
                new.append(n + " (its initializer)")
            elif kind == "computed":
                m, ref, c = payload
                env[n] = self.base * m + (env[ref] if ref else 0) + c
                new.append(n + " (its initializer, evaluated)")
            else:
                env[n] = None
                new.append(n + " (undefined)")
        dropped = [n for n, _ in self.v1 if n not in env]
        first = self.show(env)
        self.run_body(self.v2_body, env)
        for n in self.assigned:
            env[n] = 7
        lines = ["v1 rounds=3", "moved " + first, "after " + self.show(env)]
        where = ("call return (call this.serve() in loop 1, v2.js:%d:7; armed: it moves when the "
                 "call returns)" % self.v2_call_line if self.via_call
                 else "loop 1 (while, v2.js:%d:5)" % self.v2_loop_line)
        frames = ["thread 2: Pump.run: transferred at %s; locals kept: %s; new: %s; dropped: %s"
                  % (where, ", ".join(kept) or "none", ", ".join(new) or "none",
                     ", ".join(dropped) or "none")]
        if self.via_call:
            frames.append("thread 2: Pump.serve: transferred at loop 1 (while, v2.js:%d:5); "
                          "locals kept: none; new: none; dropped: none" % self.v2_serve_line)
        return "\n".join(lines) + "\n", frames

    def show(self, env):
        return " ".join("%s=%s" % (n, "undefined" if env[n] is None else env[n])
                        for n, _, _ in self.v2)

    # ---- the sources
    @staticmethod
    def stmt(t, m, s, c):
        return "%s = (%s * %d + %s + %d) %% %d;" % (t, t, m, s if s else "0", c, MOD)

    def source(self, version):
        head = ["// osr_property.py seed %d, %s" % (self.seed, version), "class Pump {",
                "  constructor() {", "    this.rounds = 0;", "    this.base = %d;" % self.base,
                "    this.running = true;", "    this.released = false;", "  }", ""]
        if self.via_call:
            self.v2_serve_line = len(head) + 2
            if version == "v1":
                head += ["  serve() {", "    while (this.rounds >= 3 && !this.released) {",
                         "      Thread.sleep(1);", "    }", "  }", ""]
            else:
                head += ["  serve() {", "    while (this.rounds >= 3 && !this.released) {",
                         "      this.released = true;", "      Thread.sleep(1);", "    }", "  }", ""]
        head += ["  run() {"]
        if version == "v1":
            head += ["    let %s = %d;" % (n, v) for n, v in self.v1]
            loop = ["    while (this.running) {", "      if (this.rounds < 3) {"]
            loop += ["        " + self.stmt(*s) for s in self.v1_body]
            loop += ["        this.rounds += 1;", "      }"]
            loop += ["      this.serve();"] if self.via_call else []
            loop += ["      Thread.sleep(1);", "    }"]
        else:
            for n, kind, payload in self.v2:
                if kind in ("keep", "literal", "mapped"):
                    head.append("    let %s = %d;" % (n, payload))
                elif kind == "computed":
                    m, ref, c = payload
                    head.append("    let %s = this.base * %d + %s + %d;" % (n, m, ref or "0", c))
                else:
                    head.append("    let %s;" % n)
            show = " + \" \" + ".join("\"%s=\" + %s" % (n, n) for n, _, _ in self.v2)
            self.v2_loop_line = len(head) + 1
            self.v2_call_line = len(head) + 2
            loop = ["    while (this.running) {"]
            loop += ["      this.serve();"] if self.via_call else []
            loop += ["      console.log(\"moved \" + %s);" % show]
            loop += ["      " + self.stmt(*s) for s in self.v2_body]
            loop += ["      %s = 7;" % n for n in self.assigned]
            loop += ["      console.log(\"after \" + %s);" % show, "      this.running = false;",
                     "      Thread.sleep(1);", "    }"]
        tail = ["  }", "}", "", "const pump = new Pump();", "Thread.spawn(() => pump.run());",
                "while (pump.rounds < 3) Thread.sleep(1);",
                "console.log(`v1 rounds=${pump.rounds}`);", ""]
        return "\n".join(head + loop + tail)

    def patch(self):
        if not self.mapped:
            return None
        entries = ", ".join("%s: (old) => old.%s + 1" % (n, o) for n, o in self.mapped.items())
        return ("module.exports = function (dsu) {\n"
                "  dsu.mapFrame(\"Pump\", \"run\", { at: \"loop 1\", locals: { %s } });\n"
                "};\n" % entries)


def run_case(molt, seed, keep):
    case = Case(seed)
    work = keep or tempfile.mkdtemp(prefix="osr-property-")
    os.makedirs(work, exist_ok=True)
    try:
        files = {"v1.js": case.source("v1"), "v2.js": case.source("v2")}
        patch = case.patch()
        if patch:
            files["patch.js"] = patch
        for name, text in files.items():
            with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                f.write(text)
        stdout, frame = case.expected()
        report = os.path.join(work, "report.json")
        cmd = [molt, "run", "v1.js", "--then", "v2.js", "--report", report]
        if patch:
            cmd += ["--patch", "patch.js"]
        env = dict(os.environ, MOLT_VERIFY_HEAP="1")
        proc = subprocess.run(cmd, cwd=work, env=env, capture_output=True, timeout=60)
        failures = []
        out = proc.stdout.decode("utf-8", "replace")
        if proc.returncode != 0:
            failures.append("exit code %d: %s" % (proc.returncode, proc.stderr.decode("utf-8", "replace")))
        if out != stdout:
            failures.append("stdout:\n%s\nexpected:\n%s" % (out, stdout))
        try:
            with open(report, encoding="utf-8") as f:
                frames = json.load(f).get("frames")
            if frames != frame:
                failures.append("report frames %r, expected %r" % (frames, frame))
        except (OSError, ValueError) as e:
            failures.append("no report: %s" % e)
        if failures and not keep:
            failures.append("sources:\n" + "\n".join("--- %s\n%s" % kv for kv in files.items()))
        return failures
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--molt", required=True)
    ap.add_argument("--seeds", type=int, default=40, help="seeds 1..N (default 40)")
    ap.add_argument("--seed", type=int, help="run only this seed")
    ap.add_argument("--keep", help="write the case's files to this folder and keep them")
    args = ap.parse_args()
    seeds = [args.seed] if args.seed is not None else range(1, args.seeds + 1)
    passed = failed = 0
    for seed in seeds:
        failures = run_case(os.path.abspath(args.molt), seed, args.keep)
        if failures:
            failed += 1
            print("FAIL seed %d" % seed)
            for f in failures:
                print("  " + f.replace("\n", "\n  "))
        else:
            passed += 1
            print("ok   seed %d" % seed)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
