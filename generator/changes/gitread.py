"""Read the corpus files of a git revision without checking it out.

``git rev-parse`` names the commit, ``git ls-tree`` lists the folder and one ``git cat-file --batch``
process reads every blob, so a report over hundreds of files costs three git processes per revision.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.errors import AtlasError

CORPUS_SUFFIXES = (".txt", ".md")
CATALOG_NAME = "catalog.yml"
REGISTRY_NAME = "instruments.yml"
CONFIG_NAMES = (CATALOG_NAME, REGISTRY_NAME)


class GitError(AtlasError):
    """A git revision or folder cannot be read. It is about a repository, not a line of a text, so it
    reads ``<repository>: <message>``."""

    def __init__(self, repo: Path | str, message: str) -> None:
        path = str(Path(repo).resolve())
        super().__init__(path, 0, message)
        self.args = (f"{path}: {message}",)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The corpus folder of one revision: file paths (relative to the repository root) and bytes."""

    rev: str
    commit: str
    folder: str
    files: tuple[tuple[str, bytes], ...]
    """Corpus texts and configuration files, sorted by path."""
    exists: bool = True
    """Whether the revision has the corpus folder at all (a pull request may add or remove it)."""

    def get(self, path: str) -> bytes | None:
        return next((data for p, data in self.files if p == path), None)

    def texts(self) -> tuple[tuple[str, bytes], ...]:
        """The corpus texts with their bytes, sorted by path."""
        return tuple((p, data) for p, data in self.files if p.endswith(CORPUS_SUFFIXES))

    def config_path(self, name: str) -> str:
        """Where a configuration file of the corpus folder (``catalog.yml``) is in the repository."""
        return str(PurePosixPath(self.folder) / name) if self.folder else name


def _git(repo: Path, args: list[str], stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError as error:
        raise GitError(repo, "git is not installed or not on PATH") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[-1] if message else f"exit status {done.returncode}"
        raise GitError(repo, f"git {args[0]} failed: {detail}")
    return done.stdout


def resolve_commit(repo: Path, rev: str) -> str:
    """The full commit id that ``rev`` names, or a :class:`GitError` saying the revision is unknown."""
    try:
        _git(repo, ["rev-parse", "--git-dir"])
    except GitError as error:
        raise GitError(repo, "not a git repository (name one with --repo)") from error
    if rev.startswith("-"):
        raise GitError(repo, f"revision {rev!r} must not start with '-'")
    try:
        out = _git(repo, ["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"])
    except GitError as error:
        raise GitError(repo, f"unknown revision {rev!r} ({fetch_hint(repo, rev)})") from error
    return out.decode("ascii").strip()


_COMMIT_ID = re.compile(r"^[0-9a-f]{7,40}$")


def fetch_hint(repo: Path, rev: str) -> str:
    """What to run to get ``rev`` into this clone, so that the same command then works.

    ``origin/main`` is fetched as ``git fetch origin main`` (which updates ``origin/main``); a branch or
    tag ``main`` as ``git fetch origin main:main``; a commit id by itself. With no remote there is
    nothing to fetch from.
    """
    remotes = _git(repo, ["remote"]).decode("utf-8").split()
    remote, _, branch = rev.partition("/")
    if branch and remote in remotes:
        return f"fetch it first: git fetch {remote} {branch}"
    if not remotes:
        return "no branch, tag or commit has that name, and there is no remote to fetch it from"
    default = "origin" if "origin" in remotes else remotes[0]
    if _COMMIT_ID.match(rev):
        return f"the commit is not in this clone; fetch it first: git fetch {default} {rev}"
    return f"fetch it first: git fetch {default} {rev}:{rev}"


def _relative_folder(repo: Path, folder: str) -> str:
    """The corpus folder relative to the repository root, in git's spelling (``seeds``, ``data/seeds``)."""
    path = Path(folder)
    if path.is_absolute():
        top = Path(_git(repo, ["rev-parse", "--show-toplevel"]).decode().strip())
        try:
            path = path.resolve().relative_to(top.resolve())
        except ValueError as error:
            raise GitError(folder, f"the corpus folder is outside the repository {top}") from error
    text = PurePosixPath(path.as_posix()).as_posix()
    return "" if text == "." else text.strip("/")


def _list_blobs(repo: Path, commit: str, folder: str) -> list[tuple[str, str]]:
    """``(path, blob id)`` of the corpus texts, the catalog and the instrument registry in ``folder``."""
    args = ["ls-tree", "-z", "--full-tree", commit]
    if folder:
        args += ["--", folder + "/"]
    entries: list[tuple[str, str]] = []
    for record in _git(repo, args).decode("utf-8").split("\0"):
        if not record:
            continue
        meta, path = record.split("\t", 1)
        mode, kind, blob = meta.split()
        name = PurePosixPath(path).name
        if kind == "blob" and (name.endswith(CORPUS_SUFFIXES) or name in CONFIG_NAMES):
            if mode == SYMLINK_MODE:
                raise GitError(
                    repo,
                    f"{path} is a symbolic link in {commit[:12]}: texts are read from git, which keeps only "
                    "the link, not the text; commit the file itself",
                )
            entries.append((path, blob))
    return sorted(entries)


SYMLINK_MODE = "120000"


def _has_folder(repo: Path, commit: str, folder: str) -> bool:
    if not folder:
        return True
    try:
        kind = _git(repo, ["cat-file", "-t", f"{commit}:{folder}"]).decode("ascii").strip()
    except GitError:
        return False
    return kind == "tree"


def _read_blobs(repo: Path, blobs: list[str]) -> list[bytes]:
    """Read blobs with one ``git cat-file --batch``: each answer is a header line, the bytes and LF."""
    if not blobs:
        return []
    out = _git(repo, ["cat-file", "--batch"], stdin="".join(b + "\n" for b in blobs).encode("ascii"))
    contents: list[bytes] = []
    pos = 0
    for blob in blobs:
        end = out.index(b"\n", pos)
        header = out[pos:end].decode("ascii").split()
        if len(header) != 3 or header[0] != blob:
            raise GitError(repo, f"git cat-file gave no content for blob {blob}")
        size = int(header[2])
        contents.append(out[end + 1 : end + 1 + size])
        pos = end + 1 + size + 1
    return contents


def read_snapshot(repo: Path, rev: str, folder: str) -> Snapshot:
    """The corpus folder ``folder`` (relative to the repository root) as it is at ``rev``."""
    commit = resolve_commit(repo, rev)
    relative = _relative_folder(repo, folder)
    if not _has_folder(repo, commit, relative):
        return Snapshot(rev=rev, commit=commit, folder=relative, files=(), exists=False)
    entries = _list_blobs(repo, commit, relative)
    contents = _read_blobs(repo, [blob for _, blob in entries])
    files = tuple((path, data) for (path, _), data in zip(entries, contents, strict=True))
    return Snapshot(rev=rev, commit=commit, folder=relative, files=files)
