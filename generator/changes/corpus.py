"""Parse the corpus files of a :class:`Snapshot` with the ingest stage, from bytes, never from disk."""

from __future__ import annotations

from generator.changes.compare import Version
from generator.changes.gitread import Snapshot
from generator.errors import AtlasError
from generator.ingest import decode_source, parse_catalog_text, parse_text


def parse_snapshot(snapshot: Snapshot) -> tuple[Version, ...]:
    """Every corpus text of the snapshot, parsed with the snapshot's catalog.

    An error names the revision the way git does (``main:seeds/001.txt:57: ...``), so the reader
    knows which side of the comparison to fix.
    """
    catalog_path = snapshot.catalog_path
    try:
        catalog_data = snapshot.get(catalog_path)
        catalog = (
            parse_catalog_text(decode_source(catalog_data, catalog_path), catalog_path)
            if catalog_data is not None
            else None
        )
        versions: list[Version] = []
        for path in snapshot.texts():
            data = snapshot.get(path) or b""
            versions.append(Version(path, data, parse_text(decode_source(data, path), path, catalog)))
    except AtlasError as error:
        raise type(error)(f"{snapshot.rev}:{error.path}", error.line, error.message) from error
    return tuple(versions)
