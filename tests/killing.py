"""Running ``resatlas`` in a child process that is killed with SIGKILL at a chosen point.

A point is ``"module:attribute"`` (``"generator.publish:swap_in"``, ``"pathlib:Path.write_bytes"``)
and a call count: the child replaces that function by one that kills the process, with no chance to
clean up, when it is called for the ``nth`` time. That reaches the exact moments a timer would hit
only by luck (between the exchange of two folders and the removal of the old one, say); the tests
also kill at moments chosen by time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

RUNNER = """
import importlib, os, signal, sys
target, nth = sys.argv[1], int(sys.argv[2])
module_name, _, attribute = target.partition(":")
owner = importlib.import_module(module_name)
*parents, name = attribute.split(".")
for part in parents:
    owner = getattr(owner, part)
original = getattr(owner, name)
calls = 0
def kill_on_nth_call(*args, **kwargs):
    global calls
    calls += 1
    if calls == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    return original(*args, **kwargs)
setattr(owner, name, kill_on_nth_call)
from generator.cli import main
sys.exit(main(sys.argv[3:]))
"""

TIMEOUT = 120
"""Seconds a child may take before the test gives up on it (bounded: the suite never hangs)."""


@dataclass(frozen=True, slots=True)
class KillPoint:
    """Where to kill: the ``nth`` call of ``target``; ``why`` names the moment for a failing test, and
    ``leaves`` which output is expected there ("old" before the swap, "new" after it)."""

    target: str
    nth: int
    why: str
    leaves: str

    def __str__(self) -> str:
        return self.why


def resatlas(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``resatlas ARGS`` in a child process, to completion."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def killed_at(point: KillPoint, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``resatlas ARGS`` killed at ``point``; the child must really have been killed there."""
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, point.target, str(point.nth), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, (
        f"{point}: the command was not killed (exit {done.returncode}): {done.stderr[-2000:]}"
    )
    return done


def killed_after(seconds: float, args: list[str], cwd: Path) -> int:
    """``resatlas ARGS`` killed ``seconds`` after it started (or left to finish first); its status."""
    child = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(seconds)
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    return child.wait(timeout=TIMEOUT)
