#!/usr/bin/env python3
"""The control channel through the binaries: `molt run --control` in the background, and
`molt update/status/history/eval/ps` (or raw protocol lines) against it.

usage: run_control_test.py --molt PATH CASE

Each CASE is a function below (test_<case>). It runs in a fresh copy of control/ with its
own XDG_RUNTIME_DIR (so `molt ps` sees only this test's processes). No timing is asserted:
waits poll for a condition, with a generous limit that only ends a hung test.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LIMIT_S = 60


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Env:
    def __init__(self, molt, work):
        self.molt = molt
        self.work = work
        self.env = dict(os.environ)
        self.env["XDG_RUNTIME_DIR"] = os.path.join(work, "run")
        os.makedirs(self.env["XDG_RUNTIME_DIR"], mode=0o700)
        self.servers = []

    def path(self, name):
        return os.path.join(self.work, name)

    def molt_cmd(self, *args, user=None, caps=False):
        cmd = [self.molt, *args]
        if user is not None:
            prefix = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups"]
            if caps:
                prefix += ["--inh-caps=+dac_override", "--ambient-caps=+dac_override"]
            cmd = prefix + cmd
        p = subprocess.run(cmd, cwd=self.work, env=self.env, capture_output=True, timeout=LIMIT_S)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def expect(self, code, *args, **kw):
        rc, out, err = self.molt_cmd(*args, **kw)
        check(rc == code, f"molt {' '.join(args)}: exit {rc}, expected {code}\n"
                          f"stdout: {out}\nstderr: {err}")
        return out, err

    def start(self, app, sock="app.sock", extra=(), ready="started"):
        log = open(self.path(sock + ".log"), "wb")
        p = subprocess.Popen([self.molt, "run", app, "--control", sock, *extra], cwd=self.work,
                             env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.servers.append(p)
        deadline = time.time() + LIMIT_S
        while time.time() < deadline:
            if p.poll() is not None:
                raise Failure(f"molt run exited with {p.returncode}:\n{self.log(sock)}")
            if os.path.exists(self.path(sock)) and ready in self.log(sock):
                return p
            time.sleep(0.02)
        raise Failure("the process did not start listening")

    def log(self, sock="app.sock"):
        with open(self.path(sock + ".log"), "rb") as f:
            return f.read().decode("utf-8", "replace")

    def eval(self, expr, sock="app.sock"):
        out, _ = self.expect(0, "eval", sock, expr)
        return out.rstrip("\n")

    def stop(self, p, sock="app.sock"):
        """Ends the program the way an operator can: clears its timer, so it finishes."""
        self.expect(0, "eval", sock, "clearInterval(timer)")
        rc = p.wait(timeout=LIMIT_S)
        check(rc == 0, f"the program ended with {rc}:\n{self.log(sock)}")
        check(not os.path.exists(self.path(sock)), "the socket was not removed at exit")

    def cleanup(self):
        for p in self.servers:
            if p.poll() is None:
                p.kill()
                p.wait()


def raw(path, lines):
    """Sends raw lines on one connection; returns the decoded answers, one per line sent."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(LIMIT_S)
    s.connect(path)
    answers = []
    buf = b""
    for line in lines:
        s.sendall(line)
        while b"\n" not in buf:
            chunk = s.recv(65536)
            if not chunk:
                raise Failure("the process closed the connection")
            buf += chunk
        answer, buf = buf.split(b"\n", 1)
        answers.append(json.loads(answer))
    s.close()
    return answers


def count_of(env):
    text = env.eval("counter.count")
    return int(text)


# ---------------------------------------------------------------- cases

def test_commit_twice_keeps_state(env):
    """A program kept alive by setInterval, updated twice: state kept, sources journaled."""
    p = env.start("counter_v1.js")
    mode = stat.S_IMODE(os.stat(env.path("app.sock")).st_mode)
    check(mode == 0o600, f"the socket's mode is {oct(mode)}, not 0600")
    check(env.eval("counter.describe()").startswith("v1 count="), "not running v1")
    before = count_of(env)
    out, err = env.expect(0, "update", "app.sock", "counter_v2.js", "--eval", "counter.describe()",
                          "--report", "r2.json")
    check(out.startswith("v2 count=") and "step=1" in out, f"--eval after v2 printed {out!r}")
    check("update committed" in err, f"no commit summary: {err!r}")
    with open(env.path("r2.json")) as f:
        check(json.load(f)["outcome"] == "committed", "the report does not say committed")
    check(int(out.split("count=")[1].split()[0]) >= before, "the count went back")
    mid = count_of(env)
    env.expect(0, "update", "app.sock", "counter_v3.js")
    check(env.eval("counter.describe()").startswith("v3 count="), "not running v3")
    check(count_of(env) >= mid, "the count went back after v3")
    # The timer still ticks the (migrated) counter.
    first = count_of(env)
    deadline = time.time() + LIMIT_S
    while count_of(env) == first and time.time() < deadline:
        time.sleep(0.02)
    check(count_of(env) > first, "the timer stopped after the updates")
    status = json.loads(env.expect(0, "status", "app.sock")[0])
    check(status["pid"] == p.pid, "status names another pid")
    check(status["updates_applied"] == 2, f"updates_applied is {status['updates_applied']}")
    check(status["main"] == env.path("counter_v1.js"), f"main is {status['main']}")
    check(status["last_report"]["outcome"] == "committed", "no last report")
    check(status["threads"]["total"] >= 0 and status["heap"]["footprint_bytes"] > 0, "no heap")
    history = [json.loads(l) for l in env.expect(0, "history", "app.sock")[0].splitlines()]
    check(len(history) == 2, f"{len(history)} journal entries, expected 2")
    check(all(h["outcome"] == "committed" for h in history), "an entry is not committed")
    check(history[0]["peer_uid"] == os.getuid(), "the journal does not name the peer's uid")
    check(history[0]["digest"].startswith("sha256:"), "no digest")
    paths = [s["path"] for s in history[0]["sources"]]
    check(paths == ["counter_v2.js", "lib/label.js"], f"v2's sources sent: {paths}")
    with open(env.path("app.sock.journal")) as f:
        check(len(f.read().splitlines()) == 2, "the journal file does not have 2 lines")
    env.stop(p)


def test_rollback_leaves_program_unchanged(env):
    p = env.start("counter_v1.js")
    out, err = env.expect(3, "update", "app.sock", "counter_v2.js", "--patch", "refuse_patch.js",
                          "--eval", "counter.describe()")
    check("rolled back" in err and "counters stay below zero" in err,
          f"the reason is not on stderr: {err!r}")
    check(out.startswith("v1 count="), f"EXPR not evaluated in the unchanged program: {out!r}")
    check(env.eval("counter.step") == "undefined", "the new field leaked into v1")
    status = json.loads(env.expect(0, "status", "app.sock")[0])
    check(status["updates_applied"] == 0 and status["updates_rolled_back"] == 1,
          f"counts: {status['updates_applied']} applied, {status['updates_rolled_back']} rolled back")
    history = [json.loads(l) for l in env.expect(0, "history", "app.sock")[0].splitlines()]
    check([h["outcome"] for h in history] == ["rolled_back"], "the rollback is not journaled")
    # Still updatable afterwards.
    env.expect(0, "update", "app.sock", "counter_v2.js")
    env.stop(p)


def test_dry_run_changes_nothing(env):
    p = env.start("counter_v1.js")
    out, err = env.expect(0, "update", "app.sock", "counter_v2.js", "--dry-run", "--report",
                          "dry.json")
    check("dry run: the update would commit" in err, f"no dry-run summary: {err!r}")
    check("Counter" in err, f"the dry run does not name the changed class: {err!r}")
    check("pause" not in err and "its work before the swap took" in err,
          f"a dry run claims a pause it never made: {err!r}")
    with open(env.path("dry.json")) as f:
        check(json.load(f)["outcome"] == "validated", "the report does not say validated")
    check(env.eval("counter.describe()").startswith("v1 count="), "the dry run swapped")
    check(env.eval("counter.step") == "undefined", "the dry run added the field")
    # A dry run that would roll back says so, with exit 3.
    _, err = env.expect(3, "update", "app.sock", "counter_v2.js", "--dry-run", "--patch",
                        "refuse_patch.js")
    check("counters stay below zero" in err, f"no reason: {err!r}")
    status = json.loads(env.expect(0, "status", "app.sock")[0])
    check(status["updates_applied"] == 0 and status["updates_rolled_back"] == 0,
          "dry runs counted as updates")
    history = [json.loads(l) for l in env.expect(0, "history", "app.sock")[0].splitlines()]
    check([h["dry_run"] for h in history] == [True, True], "dry runs not journaled as such")
    env.stop(p)


def test_bad_input_changes_nothing(env):
    p = env.start("counter_v1.js")
    _, err = env.expect(2, "update", "app.sock", "syntax_error.js")
    check("syntax_error.js:3:" in err, f"no file:line:col: {err!r}")
    _, err = env.expect(2, "update", "app.sock", "missing.js")
    check("missing.js" in err, f"the missing file is not named: {err!r}")
    env.expect(2, "update", "app.sock", "counter_v2.js", "--bogus")
    env.expect(2, "update", "app.sock")
    _, err = env.expect(2, "eval", "app.sock", "counter.(")
    # An --eval that cannot compile is refused before the update is prepared.
    _, err = env.expect(2, "update", "app.sock", "counter_v2.js", "--eval", "counter.(")
    check("--eval:1:1: syntax error" in err, f"the --eval error is not shown: {err!r}")
    check(env.eval("counter.describe()").startswith("v1 count="), "updated despite a bad --eval")
    # Raw protocol: malformed, versionless, unknown and oversized lines get error answers on
    # the same connection, and a good request after them still works.
    big = b'{"v":1,"id":5,"op":"eval","expr":"' + b"x" * (17 * 1024 * 1024) + b'"}\n'
    answers = raw(env.path("app.sock"), [
        b"this is not json\n",
        b'{"id":2,"op":"status"}\n',
        b'{"v":1,"id":3,"op":"reboot"}\n',
        b'{"v":1,"id":4,"op":"commit","files":[]}\n',
        big,
        b'{"v":1,"id":6,"op":"eval","expr":"counter.describe()"}\n',
    ])
    codes = [a.get("error", {}).get("code") for a in answers[:5]]
    check(codes == ["malformed", "unsupported_version", "unknown_op", "bad_request", "too_large"],
          f"error codes {codes}")
    check(answers[2]["id"] == 3, "the unknown op's answer does not carry its id")
    check(answers[5]["ok"] and answers[5]["result"]["value"].startswith("v1 count="),
          f"the connection is not usable after the errors: {answers[5]}")
    status = json.loads(env.expect(0, "status", "app.sock")[0])
    check(status["updates_applied"] == 0 and status["updates_rolled_back"] == 0, "something ran")
    check(env.eval("counter.describe()").startswith("v1 count="), "the program changed")
    env.expect(4, "status", "nobody-listens-here.sock")
    env.stop(p)


def test_second_user_refused(env):
    if os.getuid() != 0 or not shutil.which("setpriv"):
        print("skipped: needs root and setpriv to run a client as another user")
        return
    # The client must be able to run the binary as nobody.
    probe = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                            env.molt, "--version"], capture_output=True)
    if probe.returncode != 0:
        print("skipped: user nobody cannot run " + env.molt)
        return
    os.chmod(env.work, 0o755)
    p = env.start("counter_v1.js")
    # The socket's mode keeps nobody out ...
    _, err = env.expect(4, "status", env.path("app.sock"), user=65534)
    check("ermission denied" in err, f"not refused by the socket's mode: {err!r}")
    # ... and a peer that gets past it (CAP_DAC_OVERRIDE) is refused by its credentials.
    _, err = env.expect(4, "status", env.path("app.sock"), user=65534, caps=True)
    check("refused" in err and "uid 65534" in err, f"not refused by SO_PEERCRED: {err!r}")
    _, err = env.expect(4, "update", env.path("app.sock"), env.path("counter_v2.js"), user=65534,
                        caps=True)
    check("refused a connection from uid 65534" in env.log(), "the refusal is not logged")
    check(env.eval("counter.describe()").startswith("v1 count="), "the refused update ran")
    env.stop(p)


def test_stale_socket_replaced(env):
    p = env.start("counter_v1.js")
    out, _ = env.expect(0, "ps")
    check(f"{p.pid}\t{env.path('app.sock')}\t{env.path('counter_v1.js')}" in out,
          f"molt ps does not list the process: {out!r}")
    # A live socket is not taken over.
    with open(env.path("second.log"), "wb") as log:
        rc = subprocess.run([env.molt, "run", "counter_v1.js", "--control", "app.sock"],
                            cwd=env.work, env=env.env, stdout=log, stderr=subprocess.STDOUT,
                            timeout=LIMIT_S).returncode
    check(rc == 2, f"a second process on a live socket exited {rc}")
    p.kill()
    p.wait()
    check(os.path.exists(env.path("app.sock")), "kill -9 should leave the socket behind")
    env.expect(4, "status", "app.sock")
    out, _ = env.expect(0, "ps")
    check(str(p.pid) not in out, "molt ps lists a killed process")
    check(os.listdir(env.env["XDG_RUNTIME_DIR"] + "/molt") == [], "the stale entry was not removed")
    q = env.start("counter_v1.js")
    check(json.loads(env.expect(0, "status", "app.sock")[0])["pid"] == q.pid,
          "the stale socket was not replaced")
    # Something that is not a socket is never replaced.
    with open(env.path("file.sock"), "w") as f:
        f.write("keep me")
    rc = subprocess.run([env.molt, "run", "counter_v1.js", "--control", "file.sock"],
                        cwd=env.work, env=env.env, capture_output=True, timeout=LIMIT_S)
    check(rc.returncode == 2 and b"not a socket" in rc.stderr, f"file.sock: {rc}")
    with open(env.path("file.sock")) as f:
        check(f.read() == "keep me", "the file was touched")
    # SIGTERM removes the socket and the registry entry.
    q.terminate()
    q.wait(timeout=LIMIT_S)
    check(not os.path.exists(env.path("app.sock")), "SIGTERM left the socket")
    check(os.listdir(env.env["XDG_RUNTIME_DIR"] + "/molt") == [], "SIGTERM left the registry entry")


def test_service_example_updates_and_restores(env):
    """resources/examples/service: serves JSON, is updated to main_v2.js and back while it
    listens (state kept, the new field and handler live), and restores its persisted orders
    after a restart."""
    import urllib.request
    service = os.path.join(HERE, "..", "..", "..", "resources", "examples", "service")
    shutil.copytree(service, env.path("service"))
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()

    def start():
        p = env.start("service/main.js", "shop.sock", ("--", str(port), "data"), ready="listening")
        return p

    def ask(method, path, body=None):
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                     data=body.encode() if body else None)
        try:
            with urllib.request.urlopen(req, timeout=LIMIT_S) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    p = start()
    check("0 orders restored" in env.log("shop.sock"), env.log("shop.sock"))
    check(ask("POST", "/orders", '{"sku":"tea","qty":12}') == (201, {"id": 1, "sku": "tea", "qty": 12, "total": 5400}),
          "v1 did not place the order")
    check(ask("POST", "/orders", '{"sku":"nope","qty":1}')[0] == 404, "an unknown sku was accepted")
    check(ask("POST", "/orders", "not json")[0] == 400, "a body that is not JSON was accepted")
    out, err = env.expect(0, "update", "shop.sock", "service/main_v2.js", "--eval", "shop.stats().version")
    check(out.strip() == "2", f"not running v2 after the update: {out!r} {err!r}")
    # The live order got the new field's initializer; a new one the new constructor's value.
    check(ask("GET", "/orders/1")[1].get("discount") == 0, "the live order lacks the new field")
    check(ask("POST", "/orders", '{"sku":"tea","qty":10}')[1].get("discount") == 450,
          "v2's constructor did not run")
    status, stats = ask("GET", "/stats")
    check(stats == {"version": 2, "requests": 6, "orders": 2, "revenue": 9450, "average": 4725},
          f"v2's stats handler: {stats}")
    env.expect(0, "update", "shop.sock", "service/main.js")
    check(ask("GET", "/stats")[1] == {"version": 1, "requests": 7, "orders": 2, "revenue": 9900},
          "the update back to v1 did not keep the state")
    p.terminate()
    p.wait(timeout=LIMIT_S)
    start()
    check("2 orders restored" in env.log("shop.sock"), "the orders were not persisted: " + env.log("shop.sock"))
    check(ask("GET", "/orders/2")[1] == {"id": 2, "sku": "tea", "qty": 10, "total": 4500},
          "a restored order differs")


def test_ssh_forwarding(env):
    """The documented remote path: `ssh -N -L LOCAL.sock:REMOTE.sock host` forwards the
    control socket, and `molt update LOCAL.sock` commits through it. The 'remote' is this
    machine, through a private sshd on a free loopback port with its own keys and config."""
    sshd = shutil.which("sshd") or "/usr/sbin/sshd"
    check(os.path.exists(sshd) and shutil.which("ssh-keygen") and shutil.which("ssh"),
          "openssh-server and openssh-client are needed (scripts/install-deps.sh installs them)")
    keys = env.path("ssh")
    os.makedirs(keys, mode=0o700)
    for name in ("host", "client"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", os.path.join(keys, name)],
                       check=True, timeout=LIMIT_S)
    shutil.copy(os.path.join(keys, "client.pub"), os.path.join(keys, "authorized_keys"))
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    user = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
    with open(os.path.join(keys, "sshd_config"), "w") as f:
        f.write(f"""ListenAddress 127.0.0.1
Port {port}
HostKey {keys}/host
AuthorizedKeysFile {keys}/authorized_keys
PidFile {keys}/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
AllowStreamLocalForwarding yes
AllowUsers {user}
""")
    os.makedirs("/run/sshd", exist_ok=True)  # sshd's privilege-separation folder
    daemon = subprocess.Popen([sshd, "-D", "-e", "-f", os.path.join(keys, "sshd_config")],
                              stdout=subprocess.DEVNULL, stderr=open(env.path("sshd.log"), "wb"))
    tunnel = None
    try:
        p = env.start("counter_v1.js", "remote.sock")
        local = env.path("local.sock")
        deadline = time.time() + LIMIT_S
        while True:  # sshd may take a moment to listen; ssh exits at once until it does
            tunnel = subprocess.Popen(
                ["ssh", "-N", "-F", "/dev/null", "-i", os.path.join(keys, "client"), "-p", str(port),
                 "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                 "-o", "BatchMode=yes", "-o", "ExitOnForwardFailure=yes", "-o", "LogLevel=ERROR",
                 "-L", f"{local}:{env.path('remote.sock')}", f"{user}@127.0.0.1"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            while tunnel.poll() is None and not os.path.exists(local) and time.time() < deadline:
                time.sleep(0.05)
            if os.path.exists(local):
                break
            err = tunnel.stderr.read().decode("utf-8", "replace") if tunnel.poll() is not None else ""
            check(time.time() < deadline, f"no tunnel: {err}")
            time.sleep(0.2)
        out, err = env.expect(0, "update", "local.sock", "counter_v2.js", "--eval", "counter.describe()")
        check(out.startswith("v2 count=") and "update committed" in err,
              f"the update through the tunnel: {out!r} {err!r}")
        check(env.eval("counter.describe()", "remote.sock").startswith("v2 count="),
              "the process behind the tunnel is not running v2")
        out, _ = env.expect(0, "status", "local.sock")
        check(json.loads(out)["updates_applied"] == 1, f"status through the tunnel: {out}")
        env.stop(p, "remote.sock")
    finally:
        if tunnel and tunnel.poll() is None:
            tunnel.terminate()
            tunnel.wait(timeout=LIMIT_S)
        daemon.terminate()
        daemon.wait(timeout=LIMIT_S)


def test_client_gone_before_its_answer(env):
    """A client that closes its connection while its answer is being computed: writing the
    answer must not kill the process (SIGPIPE; the IDE's Detach hit it)."""
    p = env.start("counter_v1.js")
    slow = "(() => { let s = 0; for (let i = 0; i < 2e7; i++) s += i; return s; })()"
    for i in range(3):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(env.path("app.sock"))
        s.sendall((json.dumps({"v": 1, "id": i + 1, "op": "eval", "expr": slow}) + "\n").encode())
        time.sleep(0.05)  # the process has read it and is evaluating
        s.close()
    time.sleep(0.5)
    check(p.poll() is None, f"the process died (exit {p.returncode}):\n{env.log()}")
    check(env.eval("counter.describe()").startswith("v1 count="), "the process does not answer")
    env.stop(p)


def test_eval_waits_while_requests_are_answered(env):
    """An eval runs on a green thread of its own: it can sleep until something else happens,
    while the program's timer ticks and other requests are answered; a throw is its answer
    and the program runs on."""
    p = env.start("counter_v1.js")
    waiting = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    waiting.settimeout(LIMIT_S)
    waiting.connect(env.path("app.sock"))
    # It ends only once released and once the program's timer has ticked twice meanwhile.
    expr = ("(() => { const before = counter.count;"
            " while (!globalThis.released || counter.count < before + 2) Thread.sleep(2);"
            " return `ticked while waiting: ${counter.count >= before + 2}`; })()")
    waiting.sendall((json.dumps({"v": 1, "id": 1, "op": "eval", "expr": expr}) + "\n").encode())
    # The waiting eval can end only after this connection's eval has been answered.
    status, released = raw(env.path("app.sock"), [
        b'{"v":1,"id":2,"op":"status"}\n',
        b'{"v":1,"id":3,"op":"eval","expr":"globalThis.released = true"}\n'])
    check(status["ok"] and status["result"]["pid"] == p.pid, f"status while waiting: {status}")
    check(released["ok"] and released["result"]["value"] == "true", f"release: {released}")
    buf = b""
    while b"\n" not in buf:
        chunk = waiting.recv(65536)
        check(chunk, "the process closed the waiting connection")
        buf += chunk
    waiting.close()
    answer = json.loads(buf.split(b"\n", 1)[0])
    check(answer["ok"] and answer["result"]["value"] == "ticked while waiting: true",
          f"the waiting eval answered {answer}")
    _, err = env.expect(1, "eval", "app.sock", "(() => { throw new RangeError('nope'); })()")
    check("Uncaught RangeError: nope" in err, f"the throw is not the answer: {err!r}")
    check(env.eval("counter.describe()").startswith("v1 count="), "the program did not run on")
    env.stop(p)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--molt", required=True)
    ap.add_argument("case")
    a = ap.parse_args()
    test = globals().get("test_" + a.case)
    if not test:
        print(f"no such case: {a.case}")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, "work")
        shutil.copytree(os.path.join(HERE, "control"), work)
        env = Env(os.path.abspath(a.molt), work)
        try:
            test(env)
        except (Failure, subprocess.TimeoutExpired) as e:
            print(f"FAIL: control/{a.case}\n  " + str(e).replace("\n", "\n  "))
            for p in env.servers:
                if p.poll() is None:
                    p.kill()
            return 1
        finally:
            env.cleanup()
    print(f"ok: control/{a.case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
