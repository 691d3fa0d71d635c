"""``resatlas parse``: the model of each file as JSON on standard output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from generator.errors import StrictModeError
from generator.ingest import distinct_files, load_catalog, parse_file
from generator.invisible import show_invisible
from generator.serialise import document_to_dict, dump_json


def parse_command(files: list[str], catalog: str | None, strict: bool, out: TextIO) -> int:
    """Parse every file first, so an error leaves no partial output; then print one JSON document.

    One file prints its document object; several print ``{"documents": [...]}``.
    Warnings go to standard error as ``file:line: message``; under ``strict`` they are errors.
    """
    loaded = load_catalog(Path(catalog)) if catalog else None
    distinct_files([Path(f) for f in files])
    documents = [parse_file(Path(f), loaded) for f in files]
    diagnostics = [d for doc in documents for d in doc.diagnostics]
    for diagnostic in diagnostics:
        print(f"resatlas: warning: {show_invisible(str(diagnostic))}", file=sys.stderr)
    if strict and diagnostics:
        first = diagnostics[0]
        raise StrictModeError(first.path, first.line, f"{len(diagnostics)} warning(s) under --strict")
    dicts = [document_to_dict(d) for d in documents]
    payload = dicts[0] if len(dicts) == 1 else {"documents": dicts}
    out.write(dump_json(payload))
    return 0
