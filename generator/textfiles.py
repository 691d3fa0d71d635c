"""Which text files a build reads besides the seeds: ``--extra`` files, ``--corpus`` folders and
``--list`` files, expanded into one list of paths before any text is read.

* A folder is read recursively: every ``.txt`` and ``.md`` file in it and its sub-folders, sorted by
  path, except ``SOURCES.md`` and ``README.md`` (notes about the texts, not texts) and hidden files and
  folders (names starting with ``.``). Links to folders are not followed.
* A list file names one path a line, relative to the list file's own folder (or absolute): a text or a
  folder, expanded as above. Blank lines and lines starting with ``#`` are skipped.

Every refusal points at what to fix: ``--corpus: tests/x holds no .txt or .md text``, ``corpus.list:3:
no such file or folder: S_RES_1.txt``. A file named twice (by two options, or a list line and a folder)
is refused later by the reader, which names both.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from generator.errors import OptionError, ParseError
from generator.ingest.read import read_source
from generator.options import input_folder

TEXT_SUFFIXES = (".txt", ".md")
NOT_TEXTS = frozenset({"SOURCES.md", "README.md"})
"""File names a corpus folder keeps beside its texts to describe them."""


def folder_texts(folder: Path) -> list[Path]:
    """The texts of ``folder`` and its sub-folders, sorted by path (see the module docstring)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += (
            Path(root) / name
            for name in files
            if name.endswith(TEXT_SUFFIXES) and name not in NOT_TEXTS and not name.startswith(".")
        )
    return sorted(found)


def corpus_folder(value: str | Path) -> list[Path]:
    """The texts of a ``--corpus`` folder; refused when it is not a folder or holds no text."""
    folder = input_folder("--corpus", value)
    texts = folder_texts(folder)
    if not texts:
        raise OptionError("--corpus", f"{value} holds no .txt or .md text")
    return texts


def list_texts(list_file: Path) -> list[Path]:
    """The texts a ``--list`` file names, in its order (a folder line expanded in place)."""
    text = read_source(list_file)
    base = list_file.parent
    out: list[Path] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry in seen:
            raise ParseError(str(list_file), number, f"{entry} is listed already, at line {seen[entry]}")
        seen[entry] = number
        path = base / entry
        if path.is_dir():
            texts = folder_texts(path)
            if not texts:
                raise ParseError(str(list_file), number, f"the folder {entry} holds no .txt or .md text")
            out += texts
        elif path.is_file():
            if not entry.endswith(TEXT_SUFFIXES):
                raise ParseError(str(list_file), number, f"{entry} is not a text: expected .txt or .md")
            out.append(path)
        else:
            raise ParseError(str(list_file), number, f"no such file or folder: {entry} (in {base})")
    if not out:
        raise ParseError(str(list_file), 1, "the list names no text (one path a line, relative to the list)")
    return out


def input_texts(
    extra: Sequence[str | Path] = (), folders: Sequence[str | Path] = (), lists: Sequence[str | Path] = ()
) -> list[Path]:
    """Every text a build reads besides the seeds: ``extra`` files as given, then each folder's texts,
    then each list's. Folders are checked first, so a refused command has read no text."""
    expanded: list[Iterable[Path]] = [[Path(p) for p in extra]]
    expanded += [corpus_folder(folder) for folder in folders]
    expanded += [list_texts(Path(list_file)) for list_file in lists]
    return [path for group in expanded for path in group]
