"""Publishing output as a whole or not at all: a folder or a file is replaced in one step.

A command that writes a folder (``resatlas build``'s docs folder, ``resatlas offline``'s site folder)
fills a fresh folder beside it and then swaps the two in one ``rename`` (Linux ``renameat2`` with
``RENAME_EXCHANGE``); a file (the offline zip, a change report) is written to a unique name beside it
and renamed over it. So whatever happens to the process — an error, a full disk, ``SIGKILL`` — readers
of the output (MkDocs, a web server, a person) see the previous complete output or the new one, never a
mix, never a half-written file.

* :func:`output_lock` serialises the commands writing beside one another: an exclusive ``flock`` on the
  folder that holds the output (no lock file is left behind); a second command waits, and says so.
* :func:`clean_stale` removes what a killed command left beside an output (``.docs.new-<hex>``,
  ``.site-offline.zip.<hex>.tmp``); it runs under the lock, so nothing it removes is in use. Those
  names start with a dot and sit outside the output, so they are never published.
* :func:`replaced_folder` yields the fresh folder and swaps it in when the block ends without error.
* :func:`write_file_atomically` writes one file.

Where the system cannot exchange two folders in one step, the old folder is renamed aside first and the
new one renamed in; a kill between the two leaves the old output aside, and :func:`clean_stale` puts it
back before anything else happens.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_WAIT_NOTICE = "resatlas: waiting for another resatlas command writing into {folder}"


def _unique() -> str:
    return secrets.token_hex(6)


def _stale_pattern(target: Path) -> re.Pattern[str]:
    """Names this module gives to work beside ``target``: ``.<name>.new-<hex>``, ``.<name>.old-<hex>``,
    ``.<name>.work-<hex>`` (folders) and ``.<name>.<hex>.tmp`` (files)."""
    name = re.escape(target.name)
    return re.compile(rf"^\.{name}\.(?:(?P<kind>new|old|work)-[0-9a-f]{{12}}|[0-9a-f]{{12}}\.tmp)$")


def sibling(target: Path, kind: str) -> Path:
    """A fresh name beside ``target`` for work in progress (``kind``: new, old or work)."""
    return target.parent / f".{target.name}.{kind}-{_unique()}"


@contextmanager
def output_lock(*targets: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folders holding ``targets`` (each folder once, in a fixed order)."""
    folders: dict[tuple[int, int], Path] = {}
    for target in targets:
        folder = target.absolute().parent
        folder.mkdir(parents=True, exist_ok=True)
        info = folder.stat()
        folders.setdefault((info.st_dev, info.st_ino), folder)
    with ExitStack() as stack:
        for _, folder in sorted(folders.items()):
            fd = os.open(folder, os.O_RDONLY)
            stack.callback(os.close, fd)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                print(_WAIT_NOTICE.format(folder=folder), file=sys.stderr, flush=True)
                fcntl.flock(fd, fcntl.LOCK_EX)
        yield


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def clean_stale(target: Path) -> list[str]:
    """Remove what an interrupted command left beside ``target``; call it under :func:`output_lock`.

    When ``target`` itself is missing and an old complete output was set aside (a kill between the two
    renames of the fallback), that output is put back first. Returns the names removed or restored.
    """
    pattern = _stale_pattern(target)
    parent = target.absolute().parent
    if not parent.is_dir():
        return []
    found = sorted(p for p in parent.iterdir() if pattern.match(p.name))
    done: list[str] = []
    if not os.path.lexists(target):
        aside = [p for p in found if (m := pattern.match(p.name)) and m["kind"] == "old"]
        if aside:
            latest = max(aside, key=lambda p: p.stat().st_mtime)
            os.rename(latest, target)
            found.remove(latest)
            done.append(f"{latest.name} -> {target.name}")
    for path in found:
        _remove(path)
        done.append(path.name)
    return done


def _libc_renameat2() -> Callable[[int, bytes, int, bytes, int], int] | None:
    """glibc's ``renameat2`` (2.28 and later), or None."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    function = getattr(libc, "renameat2", None)
    if function is None:
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths in one step; False when this system or file system cannot."""
    function = _libc_renameat2() if sys.platform.startswith("linux") else None
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(stage: Path, target: Path) -> Path | None:
    """Put the complete folder ``stage`` at ``target``; returns where the previous output now is (to be
    removed), or None when there was none."""
    if not os.path.lexists(target):
        os.rename(stage, target)
        return None
    if exchange(stage, target):
        return stage
    aside = sibling(target, "old")
    os.rename(target, aside)
    os.rename(stage, target)
    return aside


def _new_folder(target: Path) -> Path:
    stage = sibling(target, "new")
    os.mkdir(stage)
    if target.is_dir():
        os.chmod(stage, stat.S_IMODE(target.stat().st_mode))
    return stage


@contextmanager
def replaced_folder(target: Path) -> Iterator[Path]:
    """A fresh empty folder beside ``target``, swapped in for it when the block ends without error (and
    removed when it raises). Use it under :func:`output_lock` after :func:`clean_stale`."""
    stage = _new_folder(target)
    try:
        yield stage
        previous = swap_in(stage, target)
    except BaseException:
        _remove(stage)
        raise
    if previous is not None:
        _remove(previous)


@contextmanager
def work_folder(target: Path) -> Iterator[Path]:
    """A private folder beside ``target`` for intermediate files, removed when the block ends."""
    work = sibling(target, "work")
    os.mkdir(work)
    try:
        yield work
    finally:
        _remove(work)


def temporary_file(target: Path) -> Path:
    """A unique name beside ``target`` to write it under, then :func:`os.replace` it into place."""
    return target.parent / f".{target.name}.{_unique()}.tmp"


@contextmanager
def replaced_file(target: Path) -> Iterator[Path]:
    """A unique path beside ``target`` to write; renamed over ``target`` when the block ends without
    error, removed when it raises."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_file(target)
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_file_atomically(target: Path, data: bytes) -> None:
    """Write ``target`` through a unique file beside it, renamed over it once complete."""
    with replaced_file(target) as temporary, open(temporary, "xb") as handle:
        handle.write(data)


def link_or_copy(source: Path, destination: Path) -> None:
    """``destination`` as a hard link to ``source`` (same bytes, same modification time), or a copy
    that keeps the time where the file system cannot link."""
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, destination, follow_symlinks=False)


def copy_tree(source: Path, destination: Path, skip: Callable[[str], bool] = lambda _: False) -> list[str]:
    """Every file under ``source`` into ``destination`` (linked where possible), except the
    ``source``-relative paths ``skip`` accepts and what lies under them; returns the paths copied.
    Symbolic links are copied as links; devices, sockets and pipes are left out."""
    copied: list[str] = []
    for root, dirs, files in os.walk(source):
        here = Path(root)
        relative_root = here.relative_to(source)
        for name in sorted(dirs):
            relative = (relative_root / name).as_posix()
            full = here / name
            if skip(relative):
                dirs.remove(name)
            elif full.is_symlink():
                dirs.remove(name)
                os.symlink(os.readlink(full), destination / relative)
                copied.append(relative)
            else:
                (destination / relative).mkdir()
        for name in sorted(files):
            relative = (relative_root / name).as_posix()
            full = here / name
            if skip(relative):
                continue
            mode = full.lstat().st_mode
            if stat.S_ISLNK(mode):
                os.symlink(os.readlink(full), destination / relative)
            elif stat.S_ISREG(mode):
                link_or_copy(full, destination / relative)
            else:
                continue
            copied.append(relative)
    return copied
