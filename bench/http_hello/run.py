#!/usr/bin/env python3
"""Requests per second of a hello-world HTTP server in molt, node --jitless and node, measured
with wrk on loopback in the same run (keep-alive connections).

usage: python3 bench/http_hello/run.py [--molt PATH] [--duration S] [--connections N]
                                       [--threads N] [--json OUT.json]
Prints one JSON object: per engine the requests/s and errors, and molt's ratio to each node.
"""
import argparse, json, os, re, shutil, socket, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def measure(cmd, args):
    port = free_port()
    server = subprocess.Popen(cmd + [os.path.join(HERE, "server.js"), str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        if not line.startswith("listening"):
            return {"error": "server did not start: " + server.stderr.read()[-400:]}
        out = subprocess.run(["wrk", "-t%d" % args.threads, "-c%d" % args.connections,
                              "-d%ds" % args.duration, "http://127.0.0.1:%d/" % port],
                             capture_output=True, text=True, timeout=args.duration + 60).stdout
        rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
        errors = re.search(r"Socket errors: (.*)", out)
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        return {"requests_per_s": float(rps.group(1)) if rps else None,
                "socket_errors": errors.group(1) if errors else None,
                "non_2xx": int(non2xx.group(1)) if non2xx else 0,
                "alive_after": server.poll() is None}
    finally:
        server.kill()
        server.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--molt", default=os.path.join(REPO, "build", "default", "app", "molt"))
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--json")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed")
    engines = {"molt": [args.molt, "run"]}
    node = shutil.which("node")
    if node:
        engines["node --jitless"] = [node, "--jitless"]
        engines["node"] = [node]
    result = {"benchmark": "http_hello", "duration_s": args.duration,
              "connections": args.connections, "engines": {}}
    for name, cmd in engines.items():
        result["engines"][name] = measure(cmd, args)
    molt = result["engines"]["molt"].get("requests_per_s")
    for name in ("node --jitless", "node"):
        other = result["engines"].get(name, {}).get("requests_per_s")
        if molt and other:
            result["molt / " + name] = round(molt / other, 3)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")
    ok = all(e.get("requests_per_s") for e in result["engines"].values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
