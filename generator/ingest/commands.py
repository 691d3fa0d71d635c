"""``resatlas parse``: the model of each file as JSON on standard output; ``resatlas check``: the
structure check of each file's parse."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from generator.errors import StrictModeError
from generator.ingest import distinct_files, load_catalog, parse_files
from generator.ingest.check import check_document
from generator.invisible import show_invisible
from generator.serialise import document_to_dict, dump_json


def parse_command(files: list[str], catalog: str | None, strict: bool, out: TextIO) -> int:
    """Parse every file first, so an error leaves no partial output; then print one JSON document.

    One file prints its document object; several print ``{"documents": [...]}``.
    Warnings go to standard error as ``file:line: message``; under ``strict`` they are errors.
    """
    loaded = load_catalog(Path(catalog)) if catalog else None
    distinct_files([Path(f) for f in files])
    documents = parse_files([Path(f) for f in files], loaded)
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


CHECK_FOUND = 3
"""Exit status of ``resatlas check`` when it found symptoms (1 stays for errors)."""


def check_command(files: list[str], catalog: str | None, out: TextIO) -> int:
    """Print every symptom of the files' parse as ``file:line: code: message``; 3 when there is one."""
    loaded = load_catalog(Path(catalog)) if catalog else None
    distinct_files([Path(f) for f in files])
    documents = parse_files([Path(f) for f in files], loaded)
    symptoms = [symptom for document in documents for symptom in check_document(document)]
    for symptom in symptoms:
        out.write(f"{show_invisible(str(symptom))}\n")
    return CHECK_FOUND if symptoms else 0
