"""Ingest: text -> model. ``parse_file`` for one file, ``load_corpus`` for a folder of seeds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.ingest.catalog import Catalog, load_catalog, parse_catalog_text
from generator.ingest.parse import parse_text
from generator.ingest.read import decode_source, read_source
from generator.model import Corpus, Document

__all__ = [
    "Catalog",
    "decode_source",
    "load_catalog",
    "load_corpus",
    "parse_catalog_text",
    "parse_file",
    "parse_text",
]

CATALOG_NAME = "catalog.yml"
TEXT_SUFFIXES = (".txt", ".md")


def parse_file(path: Path | str, catalog: Catalog | None = None) -> Document:
    """Read and parse one file."""
    path = Path(path)
    return parse_text(read_source(path), str(path), catalog)


def seed_files(seeds_dir: Path) -> list[Path]:
    """The text files of a seeds folder, in name order."""
    return sorted(p for p in seeds_dir.iterdir() if p.suffix in TEXT_SUFFIXES and p.is_file())


def load_corpus(seeds_dir: Path | str, extra: Sequence[Path | str] = ()) -> Corpus:
    """Parse every text of ``seeds_dir`` with its ``catalog.yml``, then the ``extra`` files without one."""
    seeds_dir = Path(seeds_dir)
    catalog_path = seeds_dir / CATALOG_NAME
    catalog = load_catalog(catalog_path) if catalog_path.exists() else None
    documents = [parse_file(p, catalog) for p in seed_files(seeds_dir)]
    documents.extend(parse_file(Path(p)) for p in extra)
    return Corpus(tuple(documents))
