"""The change report as JSON, and back: the preview build reads the report the command wrote.

The JSON is the dataclasses field for field, plus ``is_text_change`` on the report, every document,
unit and change, so a script needs no rules of its own to tell text changes from renumbering.
Keys are sorted and there is no timestamp: the same revisions give the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from generator.analyse.diff import DiffOp
from generator.changes.report import (
    ChangeReport,
    DataNote,
    DocumentChange,
    FieldChange,
    FootnoteChange,
    ParagraphChange,
    UnitChange,
)
from generator.errors import AtlasError
from generator.ingest.read import read_source
from generator.serialise import dump_json

SCHEMA_VERSION = 1


def _plain(value: object) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        data = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
        if hasattr(value, "is_text_change"):
            data["is_text_change"] = value.is_text_change
        return data
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def report_to_json(report: ChangeReport) -> str:
    data = _plain(report)
    data["schema_version"] = SCHEMA_VERSION
    return dump_json(data)


def _ops(items: list[dict[str, Any]]) -> tuple[DiffOp, ...]:
    return tuple(DiffOp(i["op"], i["text"]) for i in items)


def _paragraph(d: dict[str, Any]) -> ParagraphChange:
    return ParagraphChange(
        kind=d["kind"],
        old_id=d["old_id"],
        new_id=d["new_id"],
        old_text=d["old_text"],
        new_text=d["new_text"],
        ops=_ops(d["ops"]),
        similarity=d["similarity"],
        renumbered=d["renumbered"],
        moved=d["moved"],
        old_marks=tuple(d["old_marks"]),
        new_marks=tuple(d["new_marks"]),
        location=d["location"],
    )


def _footnote(d: dict[str, Any]) -> FootnoteChange:
    return FootnoteChange(
        d["kind"],
        d["old_number"],
        d["new_number"],
        d["old_text"],
        d["new_text"],
        _ops(d["ops"]),
        d["location"],
    )


def _unit(d: dict[str, Any]) -> UnitChange:
    return UnitChange(
        id=d["id"],
        label=d["label"],
        status=d["status"],
        fields=tuple(FieldChange(f["name"], f["old"], f["new"], f["printed"]) for f in d["fields"]),
        paragraphs=tuple(_paragraph(p) for p in d["paragraphs"]),
        footnotes=tuple(_footnote(f) for f in d["footnotes"]),
        paragraph_count=d["paragraph_count"],
    )


def _note(d: dict[str, Any]) -> DataNote:
    return DataNote(d["code"], d["message"], d["location"])


def _document(d: dict[str, Any]) -> DocumentChange:
    return DocumentChange(
        path=d["path"],
        status=d["status"],
        old_path=d["old_path"],
        units=tuple(_unit(u) for u in d["units"]),
        layout=d["layout"],
        notes_added=tuple(_note(n) for n in d["notes_added"]),
        notes_resolved=tuple(_note(n) for n in d["notes_resolved"]),
    )


def report_from_json(text: str, path: str = "<changes.json>") -> ChangeReport:
    """Read a report written by :func:`report_to_json`; an :class:`AtlasError` when it is not one."""
    try:
        d = json.loads(text)
        if d.get("schema_version") != SCHEMA_VERSION:
            raise AtlasError(path, 1, f"not a change report of schema version {SCHEMA_VERSION}")
        return ChangeReport(
            base=d["base"],
            head=d["head"],
            base_commit=d["base_commit"],
            head_commit=d["head_commit"],
            seeds=d["seeds"],
            documents=tuple(_document(doc) for doc in d["documents"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise AtlasError(path, 1, f"not a change report written by resatlas changes: {error!r}") from error


def load_report(path: Path) -> ChangeReport:
    """Read the JSON report ``resatlas changes --format json --output PATH`` wrote."""
    return report_from_json(read_source(path), str(path))
