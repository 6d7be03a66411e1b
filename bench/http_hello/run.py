#!/usr/bin/env python3
"""Requests per second of a hello-world HTTP server in molt, node --jitless and node, measured
with wrk on loopback in the same run (keep-alive connections).

usage: python3 bench/http_hello/run.py [--molt PATH] [--duration S] [--connections N]
                                       [--threads N] [--server FILE.js] [--path /P]
                                       [--json OUT.json]
Prints one JSON object: per engine the requests/s, bytes/s, errors and the server's peak
resident memory (sampled every 0.2 s), and molt's ratio to each node. `--server stream.js
--path /big` measures 4 MB responses streamed with write/'drain' instead.
"""
import argparse, json, os, re, shutil, socket, subprocess, sys, threading, time

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
    server = subprocess.Popen(cmd + [os.path.join(HERE, args.server), str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        if not line.startswith("listening"):
            return {"error": "server did not start: " + server.stderr.read()[-400:]}
        peak = [0]
        done = threading.Event()

        def sample():
            while not done.is_set():
                try:
                    with open("/proc/%d/status" % server.pid) as f:
                        for row in f:
                            if row.startswith("VmRSS:"):
                                peak[0] = max(peak[0], int(row.split()[1]))
                except OSError:
                    return
                time.sleep(0.2)

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            out = subprocess.run(["wrk", "-t%d" % args.threads, "-c%d" % args.connections,
                                  "-d%ds" % args.duration,
                                  "http://127.0.0.1:%d%s" % (port, args.path)],
                                 capture_output=True, text=True,
                                 timeout=args.duration + 60).stdout
        finally:
            done.set()
            sampler.join()
        rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
        errors = re.search(r"Socket errors: (.*)", out)
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        transfer = re.search(r"Transfer/sec:\s+([\d.]+)([KMG]?B)", out)
        scale = {"B": 1, "KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}
        return {"requests_per_s": float(rps.group(1)) if rps else None,
                "socket_errors": errors.group(1) if errors else None,
                "non_2xx": int(non2xx.group(1)) if non2xx else 0,
                "bytes_per_s": (round(float(transfer.group(1)) * scale[transfer.group(2)])
                                if transfer else None),
                "peak_rss_kb": peak[0],
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
    ap.add_argument("--server", default="server.js")
    ap.add_argument("--path", default="/")
    ap.add_argument("--json")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed")
    engines = {"molt": [args.molt, "run"]}
    node = shutil.which("node")
    if node:
        engines["node --jitless"] = [node, "--jitless"]
        engines["node"] = [node]
    result = {"benchmark": "http_hello", "server": args.server, "path": args.path,
              "duration_s": args.duration,
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
