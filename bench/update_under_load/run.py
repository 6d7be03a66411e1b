#!/usr/bin/env python3
"""Updates under load: the shop service (resources/examples/service) started with --control,
driven by wrk on loopback, first alone, then while `molt update` applies UPDATES updates
(v1 -> v2 -> v1 ...). Reports per phase the requests, failures and latency p50/p99/max, the
updates' outcomes and pauses, and whether the state survived: the service's request counter
against what wrk sent, and its orders against the orders it persisted.

usage: python3 bench/update_under_load/run.py [--molt PATH] [--updates N] [--duration S]
                                              [--connections N] [--threads N] [--json OUT.json]
Prints one JSON object. Exit 1 when the target is missed (a failed request or update, lost
state, or p99 during the updates above p99 before plus the longest time an update held the
loop: its pause plus the compile and diff of the new version, which also run on the loop).
"""
import argparse, json, os, re, shutil, socket, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SERVICE = os.path.join(REPO, "resources", "examples", "service")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(args, port, duration):
    out = subprocess.run(["wrk", "-t%d" % args.threads, "-c%d" % args.connections,
                          "-d%ds" % duration, "--latency", "-s", os.path.join(HERE, "mix.lua"),
                          "http://127.0.0.1:%d" % port],
                         capture_output=True, text=True, timeout=duration + 60).stdout
    total = re.search(r"(\d+) requests in", out)
    latency = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", out)
    pct = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not (total and latency and "50" in pct and "99" in pct and rps):
        raise SystemExit("could not read wrk's output:\n" + out)
    return {"requests": int(total.group(1)),
            "requests_per_s": float(rps.group(1)),
            "failed": (sum(int(x) for x in errors.groups()) if errors else 0) +
                      (int(non2xx.group(1)) if non2xx else 0),
            "p50_ms": ms(pct["50"]), "p99_ms": ms(pct["99"]), "max_ms": ms(latency.group(3))}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--molt", default=os.path.join(REPO, "build", "default", "app", "molt"))
    ap.add_argument("--updates", type=int, default=100)
    ap.add_argument("--duration", type=int, default=10, help="seconds of load before the updates")
    ap.add_argument("--interval", type=float, default=0.1, help="seconds between updates")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (scripts/install-deps.sh installs it)")

    work = tempfile.mkdtemp(prefix="molt-under-load-")
    sock = os.path.join(work, "shop.sock")
    port = free_port()
    server = subprocess.Popen([args.molt, "run", os.path.join(SERVICE, "main.js"), "--control", sock,
                               "--", str(port), os.path.join(work, "data")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        if not line.startswith("listening"):
            raise SystemExit("the service did not start: " + server.stderr.read()[-400:])

        def molt(*words):
            return subprocess.run([args.molt, *words], capture_output=True, text=True, timeout=60)

        before = wrk(args, port, args.duration)

        updates = []
        def apply_updates():
            time.sleep(1)  # let wrk's connections open first
            for i in range(args.updates):
                target = "main_v2.js" if i % 2 == 0 else "main.js"
                report = os.path.join(work, "report.json")
                t0 = time.monotonic()
                done = molt("update", sock, os.path.join(SERVICE, target), "--report", report)
                took = (time.monotonic() - t0) * 1000
                with open(report) as f:
                    r = json.load(f)
                updates.append({"to": target, "exit": done.returncode, "outcome": r["outcome"],
                                "pause_ms": r["pause_ms"],
                                # the loop is also held while the new version is compiled and
                                # diffed, before the commit's pause
                                "held_ms": r["pause_ms"] + r.get("version_prepare_ms", 0),
                                "client_ms": took,
                                "reason": r.get("rollback_reason")})
                time.sleep(args.interval)
        # wrk runs for as long as the updates take, with a second of load on each side.
        estimate = 2 + args.updates * (args.interval + 0.1)
        updater = threading.Thread(target=apply_updates)
        updater.start()
        during = wrk(args, port, int(estimate + 0.999))
        updater.join()
        if len(updates) < args.updates:
            raise SystemExit("the updates did not finish")

        counted = molt("eval", sock, "shop.requests").stdout.strip()
        orders = molt("eval", sock, "shop.orders.length").stdout.strip()
        version = molt("eval", sock, "shop.stats().version").stdout.strip()
        with open(os.path.join(work, "data", "orders.jsonl")) as f:
            persisted = sum(1 for _ in f)
        sent = before["requests"] + during["requests"]
        # wrk counts the answers it read; a request in flight when its clock stops is answered
        # by the service but not counted, so the service may count up to one per connection
        # per run more than wrk.
        in_flight = int(counted) - sent
        longest = max(u["pause_ms"] for u in updates)
        longest_held = max(u["held_ms"] for u in updates)
        committed = sum(1 for u in updates if u["outcome"] == "committed")
        state_kept = 0 <= in_flight <= 2 * args.connections and int(orders) == persisted
        result = {
            "updates": args.updates, "committed": committed,
            "pause_ms": {"max": longest,
                         "median": sorted(u["pause_ms"] for u in updates)[len(updates) // 2]},
            "loop_held_ms": {"max": longest_held,
                             "median": sorted(u["held_ms"] for u in updates)[len(updates) // 2]},
            "update_client_ms_median": sorted(u["client_ms"] for u in updates)[len(updates) // 2],
            "before": before, "during": during,
            "service_requests": int(counted), "wrk_requests": sent, "in_flight_uncounted": in_flight,
            "orders_live": int(orders), "orders_persisted": persisted,
            "version_after": int(version), "state_kept": state_kept,
            "alive_after": server.poll() is None,
            "rollbacks": [u for u in updates if u["outcome"] != "committed"][:3],
        }
        result["target_met"] = (committed == args.updates and before["failed"] == 0 and
                                during["failed"] == 0 and state_kept and result["alive_after"] and
                                during["p99_ms"] <= before["p99_ms"] + longest_held)
        text = json.dumps(result, indent=2)
        print(text)
        if args.json:
            with open(args.json, "w") as f:
                f.write(text + "\n")
        return 0 if result["target_met"] else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
