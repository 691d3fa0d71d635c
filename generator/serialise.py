"""The model as JSON-ready dicts: the schema of `resatlas parse` and of the site's data/corpus.json."""

from __future__ import annotations

import json
from typing import Any

from generator.model import (
    Annex,
    Diagnostic,
    Document,
    Footnote,
    FootnoteRef,
    Paragraph,
    Report,
    Resolution,
    SourceSpan,
)

SCHEMA_VERSION = 1


def dump_json(value: object) -> str:
    """Deterministic JSON text: sorted keys, two-space indentation, UTF-8 characters kept, final newline."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _source(span: SourceSpan) -> dict[str, Any]:
    return {"path": span.path, "first_line": span.first_line, "last_line": span.last_line}


def _ref_to_dict(f: FootnoteRef) -> dict[str, Any]:
    return {"number": f.number, "offset": f.offset, "line": f.line}


def paragraph_to_dict(p: Paragraph) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": p.id,
        "kind": p.kind,
        "number": p.number,
        "lead": p.lead,
        "text": p.text,
        "footnotes": [_ref_to_dict(f) for f in p.footnotes],
        "emphasis": [[e.start, e.end] for e in p.emphasis],
        "source": _source(p.source),
    }
    if p.section is not None:
        out["section"] = p.section
    if p.subparagraphs:
        out["subparagraphs"] = [paragraph_to_dict(s) for s in p.subparagraphs]
    return out


def footnote_to_dict(f: Footnote) -> dict[str, Any]:
    return {
        "number": f.number,
        "text": f.text,
        "urls": list(f.urls),
        "emphasis": [[e.start, e.end] for e in f.emphasis],
        **({"marks": [_ref_to_dict(m) for m in f.marks]} if f.marks else {}),
        "source": _source(f.source),
    }


def _annex_to_dict(a: Annex) -> dict[str, Any]:
    return {
        "id": a.id,
        "heading": a.heading,
        "title": a.title,
        "paragraphs": [paragraph_to_dict(p) for p in a.paragraphs],
        "source": _source(a.source),
    }


def resolution_to_dict(r: Resolution) -> dict[str, Any]:
    return {
        "id": r.id,
        "symbol": r.symbol,
        "body": r.body,
        "body_name": r.body_name,
        "session": r.session,
        "number": r.number,
        "title": r.title,
        "date": r.date,
        "adoption": r.adoption,
        "adoption_footnotes": [_ref_to_dict(f) for f in r.adoption_footnotes],
        "fragment": r.fragment,
        "source_document": r.source_document,
        "headings": list(r.headings),
        "preamble": [paragraph_to_dict(p) for p in r.preamble],
        "operative": [paragraph_to_dict(p) for p in r.operative],
        "annexes": [_annex_to_dict(a) for a in r.annexes],
        "footnotes": [footnote_to_dict(f) for f in r.footnotes],
        "source": _source(r.source),
    }


def report_to_dict(r: Report) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "body": r.body,
        "body_name": r.body_name,
        "heading_lines": list(r.heading_lines),
        "sections": [
            {
                "id": s.id,
                "number": s.number,
                "heading": s.heading,
                "level": s.level,
                "paragraphs": [paragraph_to_dict(p) for p in s.paragraphs],
                "source": _source(s.source),
            }
            for s in r.sections
        ],
        "footnotes": [footnote_to_dict(f) for f in r.footnotes],
        "source": _source(r.source),
    }


def _diagnostic_to_dict(d: Diagnostic) -> dict[str, Any]:
    return {"path": d.path, "line": d.line, "code": d.code, "message": d.message}


def document_to_dict(d: Document) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "path": d.path,
        "kind": d.kind,
        "front_matter": dict(d.front_matter),
        "resolutions": [resolution_to_dict(r) for r in d.resolutions],
        "report": report_to_dict(d.report) if d.report else None,
        "skipped": [{"line": s.line, "text": s.text, "reason": s.reason} for s in d.skipped],
        "repairs": [
            {"line": r.line, "before": r.before, "after": r.after, "reason": r.reason} for r in d.repairs
        ],
        "diagnostics": [_diagnostic_to_dict(x) for x in d.diagnostics],
    }
