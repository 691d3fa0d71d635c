"""The GitHub workflows cannot run here, so the suite checks what can be checked: each file is valid
against GitHub's workflow schema, and every command a step runs exists — make targets in the
Makefile, ``resatlas`` commands (with their options) in generator/cli.py."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.changes.markdown import COMMENT_MARKER
from generator.cli import UsageError, build_parser

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
RESATLAS = {"resatlas", ".venv/bin/resatlas"}


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def make_targets(makefile: Path) -> set[str]:
    """Targets of the Makefile's rules (``name: deps``), not variable assignments (``X := y``)."""
    targets: set[str] = set()
    for line in makefile.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-$() /]+?)\s*:(?![:=])", line)
        if match and not line.startswith(("\t", "#")):
            targets.update(t for t in match.group(1).split() if not t.startswith((".", "$")))
    return targets


def step_commands(script: str) -> list[list[str]]:
    """The commands of a ``run:`` script: continued lines joined, ``&&`` and ``;`` split, expressions
    (``${{ ... }}``) and shell variables replaced by a placeholder word."""
    script = re.sub(r"\$\{\{.*?\}\}", "EXPR", script)
    script = re.sub(r"\\\n", " ", script)
    commands: list[list[str]] = []
    for line in script.splitlines():
        if not line.strip() or line.strip().startswith("#"):
            continue
        for part in re.split(r"&&|;", line):
            words = [re.sub(r"\$\{?\w+\}?", "VALUE", w) for w in shlex.split(part)]
            if words:
                commands.append(words)
    return commands


def command_problem(words: list[str], targets: set[str]) -> str | None:
    """Why a command may not run in a workflow, or ``None`` when it is a make target or resatlas command."""
    if words[0] == "make":
        wanted = [w for w in words[1:] if "=" not in w and not w.startswith("-")]
        missing = [t for t in wanted if t not in targets]
        if not wanted:
            return "make without a target"
        return f"make target(s) {missing} not in the Makefile" if missing else None
    if words[0] in RESATLAS:
        try:
            build_parser().parse_args(words[1:])
        except (SystemExit, UsageError):
            return f"resatlas does not accept {words[1:]}"
        return None
    return f"{words[0]!r} is neither a make target nor a resatlas command"


def all_steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("name", ["publish.yml", "preview.yml"])
def test_workflow_is_valid_against_the_github_schema(name: str) -> None:
    check = Path(sys.executable).parent / "check-jsonschema"
    done = subprocess.run(
        [str(check), "--builtin-schema", "vendor.github-workflows", str(WORKFLOWS / name)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps:\n      - run: make site\n", encoding="utf-8")
    check = Path(sys.executable).parent / "check-jsonschema"
    done = subprocess.run(
        [str(check), "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0  # a job without runs-on is not a workflow


@pytest.mark.parametrize("name", ["publish.yml", "preview.yml"])
def test_every_command_exists(name: str) -> None:
    targets = make_targets(ROOT / "Makefile")
    commands = [c for step in all_steps(load(name)) if "run" in step for c in step_commands(step["run"])]
    assert commands, "a workflow that runs nothing of ours"
    problems = [f"{' '.join(c)}: {p}" for c in commands if (p := command_problem(c, targets))]
    assert problems == []


def test_the_command_check_catches_what_does_not_exist() -> None:
    targets = make_targets(ROOT / "Makefile")
    assert {"site", "offline", "setup", "test"} <= targets
    assert "VENV" not in targets and "BIN" not in targets
    assert command_problem(["make", "publish-everything"], targets) is not None
    assert command_problem([".venv/bin/resatlas", "deploy"], targets) is not None
    assert command_problem(["resatlas", "changes", "--base", "x", "--colour"], targets) is not None
    assert command_problem(["curl", "https://example.org"], targets) is not None
    assert command_problem(["make", "site"], targets) is None
    script = '.venv/bin/resatlas changes --base "$BASE_SHA" \\\n  --format json && make offline'
    assert step_commands(script) == [
        [".venv/bin/resatlas", "changes", "--base", "VALUE", "--format", "json"],
        ["make", "offline"],
    ]


def test_publish_deploys_the_built_site_from_main_only() -> None:
    workflow = load("publish.yml")
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key "on" as True
    uses = [step.get("uses", "") for step in all_steps(workflow)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    runs = [step["run"] for step in all_steps(workflow) if "run" in step]
    assert runs == ["make site", "make offline"]


def test_preview_builds_artifacts_and_keeps_one_comment() -> None:
    workflow = load("preview.yml")
    triggers = workflow[True]
    assert "pull_request" in triggers
    assert "pull_request_target" not in triggers, "would run pull-request code with a write token"
    build, comment = workflow["jobs"]["build"], workflow["jobs"]["comment"]
    assert "permissions" not in build and workflow["permissions"] == {"contents": "read"}
    assert comment["permissions"] == {"pull-requests": "write"}
    assert all("run" not in step for step in comment["steps"]), "the writing job runs no pull-request code"
    runs = " ".join(step["run"] for step in build["steps"] if "run" in step)
    assert "--format markdown" in runs and "make site" in runs and "make offline" in runs
    uploads = [
        s["with"]["name"] for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact")
    ]
    assert uploads == ["site", "site-offline", "changes"]
    script = next(s["with"]["script"] for s in comment["steps"] if "script" in s.get("with", {}))
    assert f"'{COMMENT_MARKER}'" in script
    assert "updateComment" in script and "createComment" in script


@pytest.mark.parametrize("name", ["publish.yml", "preview.yml"])
def test_actions_are_pinned_to_a_major_version(name: str) -> None:
    for step in all_steps(load(name)):
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]
