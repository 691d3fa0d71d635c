"""Parse the corpus files of a :class:`Snapshot` with the ingest stage, from text, never from disk."""

from __future__ import annotations

from generator.changes.compare import Version
from generator.changes.gitread import Snapshot
from generator.errors import AtlasError, ParseError


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ParseError(path, line, f"the file is not UTF-8 (byte {error.start})") from error


def parse_snapshot(snapshot: Snapshot) -> tuple[Version, ...]:
    """Every corpus text of the snapshot, parsed with the snapshot's catalog.

    An error names the revision the way git does (``main:seeds/001.txt:57: ...``), so the reader
    knows which side of the comparison to fix.
    """
    from generator.ingest import parse_catalog_text, parse_text

    catalog_path = snapshot.catalog_path
    try:
        catalog_data = snapshot.get(catalog_path)
        catalog = (
            parse_catalog_text(_decode(catalog_data, catalog_path), catalog_path)
            if catalog_data is not None
            else None
        )
        versions: list[Version] = []
        for path in snapshot.texts():
            data = snapshot.get(path) or b""
            document = parse_text(_decode(data, path), path, catalog)
            versions.append(Version(path, data, document))
    except AtlasError as error:
        raise type(error)(f"{snapshot.rev}:{error.path}", error.line, error.message) from error
    return tuple(versions)
