#!/usr/bin/python3
"""Ansible module: update a running Molt process through its control socket (`molt update`)."""

DOCUMENTATION = r"""
module: molt_update
short_description: Update a running Molt process through its control socket
description:
  - Runs C(molt update SOCKET MAIN) on the target host. The process must have been started with
    C(molt run APP.js --control SOCKET). The update is Molt's atomic DSU commit; a rollback
    leaves the process unchanged and fails the task, so C(max_fail_percentage: 0) stops a
    rollout at the first host that rolls back.
options:
  socket: {description: The process's control socket., required: true, type: path}
  main: {description: The new version's main module on the target host (its requires are read too)., required: true, type: path}
  patch: {description: A patch script on the target host., type: path}
  dry_run: {description: Compile, diff, migrate and validate without swapping., type: bool, default: false}
  eval: {description: An expression evaluated after the commit; its text is returned as C(eval)., type: str}
  safe_point_timeout: {description: Milliseconds to wait for a safe point., type: int}
  molt: {description: The molt binary., type: path, default: molt}
"""

RETURN = r"""
outcome: {description: committed, validated (a dry run that would commit) or rolled_back, type: str}
report: {description: The update report (pause_ms, instances_migrated, classes_changed, ...), type: dict}
reason: {description: Why the update rolled back or was refused, type: str}
eval: {description: The text of I(eval) after the commit, type: str}
"""

import json
import os
import tempfile

from ansible.module_utils.basic import AnsibleModule

# molt update's exit codes (README, "Production").
OK, BAD_INPUT, ROLLED_BACK, UNREACHABLE = 0, 2, 3, 4


def main():
    module = AnsibleModule(
        argument_spec=dict(
            socket=dict(type="path", required=True),
            main=dict(type="path", required=True),
            patch=dict(type="path"),
            dry_run=dict(type="bool", default=False),
            eval=dict(type="str"),
            safe_point_timeout=dict(type="int"),
            molt=dict(type="path", default="molt"),
        ),
        supports_check_mode=True,
    )
    p = module.params
    dry_run = p["dry_run"] or module.check_mode
    fd, report_path = tempfile.mkstemp(prefix="molt-report-", suffix=".json")
    os.close(fd)
    cmd = [p["molt"], "update", p["socket"], p["main"], "--report", report_path]
    if p["patch"]:
        cmd += ["--patch", p["patch"]]
    if dry_run:
        cmd.append("--dry-run")
    if p["eval"]:
        cmd += ["--eval", p["eval"]]
    if p["safe_point_timeout"] is not None:
        cmd += ["--safe-point-timeout", str(p["safe_point_timeout"])]
    rc, out, err = module.run_command(cmd)
    report = {}
    try:
        with open(report_path) as f:
            report = json.load(f)
    except (OSError, ValueError):
        pass  # refused before an update started: there is no report
    finally:
        os.unlink(report_path)
    result = dict(cmd=cmd, rc=rc, stdout=out, stderr=err, report=report,
                  outcome=report.get("outcome", "refused"))
    if p["eval"] and rc in (OK,):
        result["eval"] = out.rstrip("\n")
    if rc == OK:
        module.exit_json(changed=not dry_run, **result)
    reasons = {BAD_INPUT: "bad input, nothing changed", ROLLED_BACK: "the update rolled back",
               UNREACHABLE: "cannot reach the process"}
    result["reason"] = report.get("rollback_reason") or err.strip()
    module.fail_json(msg="%s: %s" % (reasons.get(rc, "molt update exited with %d" % rc),
                                     result["reason"]), **result)


if __name__ == "__main__":
    main()
