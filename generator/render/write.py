"""Writing the generated files: the output folder is replaced as a whole, and only changed files are new.

:func:`write_folder` fills a fresh folder beside the output (:mod:`generator.publish`) with

* what the output held that the generator does not own (hand-written pages, the stylesheet, anything
  else put there), as it is;
* every generated file: linked from the current output when its bytes are the same (so it keeps its
  modification time and ``mkdocs serve`` or a cache sees only real changes), written otherwise;

and then swaps it in for the output in one step. Files under the generated folders that this build did
not produce (a resolution no longer in the corpus, a stale ``index.md.tmp`` of an older writer) are not
carried over: that is how they are removed. A failed or killed build leaves the output as it was.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.publish import clean_stale, copy_tree, link_or_copy, output_lock, replaced_folder

STALE_SUFFIX = ".tmp"
"""What older writers named a file being written (``index.md.tmp``): never published, always removed."""


@dataclass(slots=True)
class WriteLog:
    """What one build did to the output folder (docs-relative paths, sorted when reported)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Owned:
    """The part of an output folder the generator owns: folders it fills entirely and single files."""

    folders: Collection[str]
    files: Collection[str]

    def __contains__(self, relative: str) -> bool:
        if relative.endswith(STALE_SUFFIX):
            relative = relative.removesuffix(STALE_SUFFIX)
        return relative.split("/", 1)[0] in self.folders or relative in self.files


def _encoded(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _real_folder(stage: Path, relative: str) -> Path:
    """``stage/relative``'s folder, made of real folders (a carried-over link to a folder elsewhere is
    replaced, so no file is ever written outside the output)."""
    folder = stage
    for part in Path(relative).parent.parts:
        folder = folder / part
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            folder.unlink()
        folder.mkdir(exist_ok=True)
    return folder


def _owned_files(out_dir: Path, owned: Owned) -> list[str]:
    found: list[str] = []
    if not out_dir.is_dir():
        return found
    for path in out_dir.rglob("*"):
        relative = path.relative_to(out_dir).as_posix()
        if relative in owned and (path.is_file() or path.is_symlink()):
            found.append(relative)
    return sorted(found)


def write_folder(out_dir: Path, files: Mapping[str, str | bytes], owned: Owned) -> WriteLog:
    """Replace ``out_dir`` by its unowned content plus ``files`` (see the module docstring)."""
    log = WriteLog()
    with output_lock(out_dir):
        clean_stale(out_dir)
        old = out_dir if out_dir.is_dir() else None
        with replaced_folder(out_dir) as stage:
            if old is not None:
                copy_tree(old, stage, skip=lambda relative: relative in owned or relative in files)
            for relative in sorted(files):
                data = _encoded(files[relative])
                target = _real_folder(stage, relative) / Path(relative).name
                previous = old / relative if old is not None else None
                if previous is not None and _same_bytes(previous, data):
                    link_or_copy(previous, target)
                    log.unchanged.append(relative)
                else:
                    target.write_bytes(data)
                    log.written.append(relative)
            log.removed = [r for r in _owned_files(out_dir, owned) if r not in files]
    return log


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return (
            not path.is_symlink()
            and path.is_file()
            and path.stat().st_size == len(data)
            and (path.read_bytes() == data)
        )
    except OSError:
        return False
