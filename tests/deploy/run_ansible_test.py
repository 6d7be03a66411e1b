#!/usr/bin/env python3
"""The Ansible rollout (deploy/ansible) against five local shop services, one control socket
each, with an inventory of `ansible_connection: local` hosts.

usage: run_ansible_test.py --molt PATH CASE
  rollout_commits_everywhere   v2 goes to all five hosts: canary, then batches; each host's
                               report says committed, and each service answers as v2
  canary_dry_run_stops         a patch whose validation fails: the canary's dry run says so, the
                               play fails, and no process is updated
  canary_rollback_stops        the same without dry runs: the canary's update rolls back, the
                               play fails, and no other host is touched
No timing is asserted; waits poll with a limit that only ends a hung test.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SERVICE = os.path.join(REPO, "resources", "examples", "service")
ANSIBLE = os.path.join(REPO, "deploy", "ansible")
HOSTS = ["svc%d" % i for i in range(1, 6)]
LIMIT_S = 120


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Fleet:
    def __init__(self, molt, work):
        self.molt, self.work, self.procs = molt, work, {}
        self.env = dict(os.environ, XDG_RUNTIME_DIR=os.path.join(work, "run"))
        os.makedirs(self.env["XDG_RUNTIME_DIR"], mode=0o700)
        for h in HOSTS:
            log = open(self.path(h + ".log"), "wb")
            self.procs[h] = subprocess.Popen(
                [molt, "run", os.path.join(SERVICE, "main.js"), "--control", self.sock(h), "--",
                 "0", self.path("data-" + h)], env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + LIMIT_S
        for h in HOSTS:
            while "listening" not in self.log(h):
                check(self.procs[h].poll() is None, f"{h} exited: {self.log(h)}")
                check(time.time() < deadline, f"{h} did not start")
                time.sleep(0.05)

    def path(self, *names):
        return os.path.join(self.work, *names)

    def sock(self, host):
        return self.path(host + ".sock")

    def log(self, host):
        with open(self.path(host + ".log"), "rb") as f:
            return f.read().decode("utf-8", "replace")

    def eval(self, host, expr):
        p = subprocess.run([self.molt, "eval", self.sock(host), expr], env=self.env,
                           capture_output=True, text=True, timeout=LIMIT_S)
        check(p.returncode == 0, f"molt eval on {host}: {p.stderr}")
        return p.stdout.strip()

    def inventory(self):
        lines = ["all:", "  vars:", "    ansible_connection: local",
                 "    ansible_python_interpreter: /usr/bin/python3",
                 f"    molt_binary: {self.molt}", "  children:", "    molt_services:",
                 "      hosts:"]
        for h in HOSTS:
            lines += [f"        {h}:", f"          molt_socket: {self.sock(h)}",
                      f"          molt_release_dir: {self.path('releases', h)}"]
        path = self.path("inventory.yml")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        return path

    def rollout(self, source_dir, *extra):
        env = dict(self.env, ANSIBLE_CONFIG=os.path.join(ANSIBLE, "ansible.cfg"),
                   ANSIBLE_LOCAL_TEMP=self.path("ansible-tmp"), ANSIBLE_NOCOLOR="1")
        p = subprocess.run(["ansible-playbook", "-i", self.inventory(),
                            os.path.join(ANSIBLE, "rollout.yml"), "-e", "molt_source_dir=" + source_dir,
                            "-e", "molt_report_dir=" + self.path("reports"), *extra],
                           cwd=ANSIBLE, env=env, capture_output=True, text=True, timeout=LIMIT_S * 3)
        return p.returncode, p.stdout + p.stderr

    def reports(self):
        out = {}
        folder = self.path("reports")
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            with open(os.path.join(folder, name)) as f:
                out[name[:-5]] = json.load(f)
        return out

    def stop(self):
        for p in self.procs.values():
            if p.poll() is None:
                p.terminate()
                p.wait(timeout=LIMIT_S)


def release(work, name, patch=None):
    """A release folder as an operator would ship it: main.js and what it requires."""
    folder = os.path.join(work, name)
    os.makedirs(folder)
    shutil.copy(os.path.join(SERVICE, "main_v2.js"), os.path.join(folder, "main.js"))
    shutil.copy(os.path.join(SERVICE, "store.js"), folder)
    if patch:
        shutil.copy(os.path.join(HERE, patch), folder)
    return folder


def test_rollout_commits_everywhere(fleet):
    rc, out = fleet.rollout(release(fleet.work, "v2"))
    check(rc == 0, "ansible-playbook failed:\n" + out)
    reports = fleet.reports()
    check(sorted(reports) == HOSTS, f"reports for {sorted(reports)}:\n{out}")
    for h in HOSTS:
        r = reports[h]
        check(r["dry_run"] == "validated" and r["outcome"] == "committed", f"{h}: {r}")
        check("Order" in r["report"]["classes_changed"], f"{h}: {r}")
        check(fleet.eval(h, "shop.stats().version") == "2", f"{h} is not running v2")
    # Batches in order: the canary alone first (serial: [1, 50%, 100%]).
    check(out.count("PLAY [Update the running Molt services]") == 3, "not three batches:\n" + out)


def refused_rollout(fleet, *extra):
    rc, out = fleet.rollout(release(fleet.work, "v2-refused", "refuse_patch.js"),
                            "-e", "molt_patch=refuse_patch.js", *extra)
    check(rc != 0, "the playbook succeeded although the canary refused the update:\n" + out)
    reports = fleet.reports()
    check(list(reports) == ["svc1"], f"hosts past the canary were touched: {sorted(reports)}\n{out}")
    r = reports["svc1"]
    check("shops have an empty catalogue" in (r["reason"] or ""), f"no reason in {r}")
    for h in HOSTS:
        check(fleet.eval(h, "shop.stats().version") == "1", f"{h} is not running v1 any more")
    return r


def test_canary_dry_run_stops(fleet):
    r = refused_rollout(fleet)
    check(r["dry_run"] == "rolled_back" and r["outcome"] == "not_attempted", f"the canary: {r}")


def test_canary_rollback_stops(fleet):
    r = refused_rollout(fleet, "-e", "molt_dry_run_first=false")
    check(r["dry_run"] == "skipped" and r["outcome"] == "rolled_back", f"the canary: {r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--molt", required=True)
    ap.add_argument("case")
    a = ap.parse_args()
    test = globals().get("test_" + a.case)
    if not test:
        print(f"no such case: {a.case}")
        return 2
    if not shutil.which("ansible-playbook"):
        print("FAIL: ansible-playbook is not installed (scripts/install-deps.sh installs ansible-core)")
        return 1
    with tempfile.TemporaryDirectory() as work:
        fleet = None
        try:
            fleet = Fleet(os.path.abspath(a.molt), work)
            test(fleet)
        except (Failure, subprocess.TimeoutExpired) as e:
            print(f"FAIL: deploy/{a.case}\n  " + str(e).replace("\n", "\n  "))
            return 1
        finally:
            if fleet:
                fleet.stop()
    print(f"ok: deploy/{a.case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
