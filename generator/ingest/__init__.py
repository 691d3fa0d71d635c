"""Ingest: text -> model. ``parse_file`` for one file, ``load_corpus`` for a folder of seeds."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from generator.errors import ParseError
from generator.ingest.catalog import Catalog, load_catalog, parse_catalog_text
from generator.ingest.hyphens import Vocabulary
from generator.ingest.parse import parse_text
from generator.ingest.read import decode_source, read_source
from generator.model import Corpus, Document

__all__ = [
    "Catalog",
    "Vocabulary",
    "decode_source",
    "distinct_files",
    "load_catalog",
    "load_corpus",
    "parse_catalog_text",
    "parse_file",
    "parse_files",
    "parse_text",
]

CATALOG_NAME = "catalog.yml"
TEXT_SUFFIXES = (".txt", ".md")


def parse_file(
    path: Path | str, catalog: Catalog | None = None, vocabulary: Vocabulary | None = None
) -> Document:
    """Read and parse one file (``vocabulary``: the corpus it is read with, see :func:`parse_files`)."""
    path = Path(path)
    return parse_text(read_source(path), str(path), catalog, vocabulary)


def parse_files(paths: Sequence[Path], catalog: Catalog | None = None) -> list[Document]:
    """Parse files as one corpus: each is read with the vocabulary of them all (line-end hyphens)."""
    texts = [read_source(p) for p in paths]
    vocabulary = Vocabulary.of_texts(texts)
    return [parse_text(text, str(p), catalog, vocabulary) for p, text in zip(paths, texts, strict=True)]


def seed_files(seeds_dir: Path) -> list[Path]:
    """The text files of a seeds folder, in name order. A text name that is not a file one can read (a
    symbolic link to nothing) is kept, so that reading it says what is wrong; folders are not texts."""
    return sorted(p for p in seeds_dir.iterdir() if p.suffix in TEXT_SUFFIXES and not p.is_dir())


def distinct_files(paths: Sequence[Path]) -> None:
    """Refuse one file named twice (``a.txt ./a.txt``, or a seed again under ``--extra``): it would
    be one text read twice. Files that cannot be read are left for reading to refuse."""
    seen: dict[tuple[int, int], Path] = {}
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            raise ParseError(str(path), 1, f"this is the file {seen[key]} again; give each file once")
        seen[key] = path


def load_corpus(seeds_dir: Path | str, extra: Sequence[Path | str] = ()) -> Corpus:
    """Parse every text of ``seeds_dir`` with its ``catalog.yml``, then the ``extra`` files without one,
    all read as one corpus (:func:`parse_files`)."""
    seeds_dir = Path(seeds_dir)
    catalog_path = seeds_dir / CATALOG_NAME
    catalog = load_catalog(catalog_path) if os.path.lexists(catalog_path) else None
    seeds = seed_files(seeds_dir)
    extras = [Path(p) for p in extra]
    distinct_files([*seeds, *extras])
    texts = [read_source(p) for p in (*seeds, *extras)]
    vocabulary = Vocabulary.of_texts(texts)
    documents = [
        parse_text(text, str(p), catalog if k < len(seeds) else None, vocabulary)
        for k, (p, text) in enumerate(zip((*seeds, *extras), texts, strict=True))
    ]
    return Corpus(tuple(documents))
