"""Parse the corpus files of a :class:`Snapshot` and find their data notes.

The texts are parsed from the bytes git gave, under their repository paths; the data checks find
exact lines in the documents' own ``source_lines``, so nothing is written or read on disk and the
working tree is never touched. A version's data notes are the parser's warnings on the file and the
data checks that point into it, run against the snapshot's own instrument registry when it has one.
"""

from __future__ import annotations

from generator.changes.compare import Version
from generator.changes.gitread import CATALOG_NAME, REGISTRY_NAME, Snapshot
from generator.changes.report import DataNote
from generator.errors import AtlasError
from generator.ingest import Vocabulary, decode_source, parse_catalog_text, parse_text
from generator.link.checks import DataNote as CheckNote
from generator.link.checks import check_corpus
from generator.link.registry import Registry, default_registry, parse_registry
from generator.link.resolve import link_corpus
from generator.model import Corpus, Document


def _registry(snapshot: Snapshot) -> Registry:
    path = snapshot.config_path(REGISTRY_NAME)
    data = snapshot.get(path)
    return default_registry() if data is None else parse_registry(decode_source(data, path), path)


def _documents(snapshot: Snapshot) -> list[tuple[str, bytes, Document]]:
    catalog_path = snapshot.config_path(CATALOG_NAME)
    catalog_data = snapshot.get(catalog_path)
    catalog = (
        parse_catalog_text(decode_source(catalog_data, catalog_path), catalog_path)
        if catalog_data is not None
        else None
    )
    files = [(path, data, decode_source(data, path)) for path, data in snapshot.texts()]
    vocabulary = Vocabulary.of_texts([text for _, _, text in files])  # as the build reads them
    return [(path, data, parse_text(text, path, catalog, vocabulary)) for path, data, text in files]


def _notes(path: str, document: Document, checks: tuple[CheckNote, ...]) -> tuple[DataNote, ...]:
    notes = [DataNote(d.code, d.message, f"{path}:{d.line}") for d in document.diagnostics]
    notes += [DataNote(n.code, n.message, f"{path}:{n.line}") for n in checks if n.path == document.path]
    return tuple(notes)


def parse_snapshot(snapshot: Snapshot) -> tuple[Version, ...]:
    """Every corpus text of the snapshot, parsed with the snapshot's catalog, with its data notes.

    An error names the revision the way git does (``main:seeds/001.txt:57: ...``), so the reader
    knows which side of the comparison to fix.
    """
    try:
        documents = _documents(snapshot)
        corpus = Corpus(tuple(document for _, _, document in documents))
        registry = _registry(snapshot)
        checks = check_corpus(corpus, link_corpus(corpus, registry), registry)
    except AtlasError as error:
        raise type(error)(f"{snapshot.rev}:{error.path}", error.line, error.message) from error
    return tuple(
        Version(path, data, document, _notes(path, document, checks)) for path, data, document in documents
    )
