"""Small git repositories of seed texts for the ``resatlas changes`` tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_000 = "000_7ca92a6ec7d13659.txt"  # CND 51/11, Markdown-ish with <sup> marks
SEED_001 = "001_c07e11d1e4a29cf4.txt"  # end of 65/1, all of 65/2, start of 65/3, Unicode superscripts
SEED_003 = "003_936b90598207a6a3.txt"  # CTOC/COP 7/2, a preambular paragraph cut by a footnote block
SEED_004 = "004_024c091bda70a48a.txt"  # CND 53/8


FIXED_DATE = "2026-01-01T12:00:00+00:00"
"""Author and commit date of every test commit, so the same edits give the same commit ids."""


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": FIXED_DATE, "GIT_COMMITTER_DATE": FIXED_DATE}
    done = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return done.stdout


class Repo:
    """A git repository holding ``seeds/`` with the catalog and the named seed files, committed."""

    def __init__(self, path: Path, *seeds: str) -> None:
        self.path = path
        (path / "seeds").mkdir(parents=True)
        shutil.copy(SEEDS / "catalog.yml", path / "seeds" / "catalog.yml")
        for name in seeds:
            shutil.copy(SEEDS / name, path / "seeds" / name)
        git(path, "init", "-q", "-b", "main")
        git(path, "config", "core.autocrlf", "false")
        self.commit("base")

    def file(self, name: str) -> Path:
        return self.path / "seeds" / name

    def read(self, name: str) -> str:
        return self.file(name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        self.file(name).write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        text = self.read(name)
        assert text.count(old) == 1, f"{old!r} must occur once in {name}"
        self.write(name, text.replace(old, new))

    def commit(self, message: str) -> None:
        git(self.path, "add", "-A")
        git(self.path, "commit", "-q", "--allow-empty", "-m", message)


def insert_operative(text: str, after: int, new_paragraph: str, first: int = 1, last: int = 10_000) -> str:
    """Insert ``new_paragraph`` as operative paragraph ``after + 1`` and renumber the later ones
    (only numbers from ``first`` to ``last``, so one resolution of a file is renumbered)."""
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        match = re.match(r"^(\d+)\. ", line)
        number = int(match.group(1)) if match else None
        if number == first:
            inside = True
        if inside and number is not None and after < number <= last:
            line = f"{number + 1}. " + line[match.end() :] if match else line
        out.append(line)
        if inside and number == after:
            out += ["", f"{after + 1}. {new_paragraph}"]
        if number == last:
            inside = False
    return "\n".join(out)


def rewrap(text: str, width: int) -> str:
    """Every line longer than ``width`` broken at spaces into lines of at most ``width`` characters."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) > width:
            out.extend(textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False))
        else:
            out.append(line)
    return "\n".join(out)
