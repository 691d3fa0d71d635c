"""The corpus and the comparisons as JSON files for download and reuse.

Deterministic: sorted keys, two-space indentation, no timestamps, so an unchanged corpus gives
byte-identical files.

``data/corpus.json``::

    {"documents": [{"path", "kind", "resolutions": [<resolution>], "report": <report>|null}]}

    <resolution> = {"id", "symbol", "body", "body_name", "session", "number", "title", "date",
                    "adoption", "fragment", "source_document", "source",
                    "paragraphs": [<paragraph>], "footnotes": [<footnote>]}
    <paragraph>  = {"id", "kind", "number", "lead", "text", "source", "footnotes": ["13", ...],
                    "parent": id|null, "section": str|null}
    <footnote>   = {"number", "text", "source", "urls": [...]}

``data/comparisons/<left>--<right>.json`` is the analyse stage's comparison document as it gives it.
"""

from __future__ import annotations

import json
from typing import Any

from generator.model import Corpus, Footnote, Paragraph, Report, Resolution


def dump_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _paragraphs(paragraphs: tuple[Paragraph, ...], parent: str | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for para in paragraphs:
        out.append(
            {
                "id": para.id,
                "kind": para.kind,
                "number": para.number,
                "lead": para.lead,
                "text": para.text,
                "source": str(para.source),
                "footnotes": [ref.number for ref in para.footnotes],
                "parent": parent,
                "section": para.section,
            }
        )
        out.extend(_paragraphs(para.subparagraphs, para.id))
    return out


def _footnotes(footnotes: tuple[Footnote, ...]) -> list[dict[str, Any]]:
    return [
        {"number": f.number, "text": f.text, "source": str(f.source), "urls": list(f.urls)} for f in footnotes
    ]


def resolution_data(res: Resolution) -> dict[str, Any]:
    paragraphs = _paragraphs(res.preamble) + _paragraphs(res.operative)
    for annex in res.annexes:
        paragraphs.extend(_paragraphs(annex.paragraphs))
    return {
        "id": res.id,
        "symbol": res.symbol,
        "body": res.body,
        "body_name": res.body_name,
        "session": res.session,
        "number": res.number,
        "title": res.title,
        "date": res.date,
        "adoption": res.adoption,
        "fragment": res.fragment,
        "source_document": res.source_document,
        "source": str(res.source),
        "paragraphs": paragraphs,
        "footnotes": _footnotes(res.footnotes),
    }


def report_data(report: Report) -> dict[str, Any]:
    return {
        "id": report.id,
        "title": report.title,
        "body": report.body,
        "body_name": report.body_name,
        "source": str(report.source),
        "sections": [
            {
                "id": s.id,
                "number": s.number,
                "heading": s.heading,
                "level": s.level,
                "paragraphs": _paragraphs(s.paragraphs),
            }
            for s in report.sections
        ],
        "footnotes": _footnotes(report.footnotes),
    }


def corpus_data(corpus: Corpus) -> dict[str, Any]:
    return {
        "documents": [
            {
                "path": doc.path,
                "kind": doc.kind,
                "resolutions": [resolution_data(r) for r in doc.resolutions],
                "report": report_data(doc.report) if doc.report else None,
            }
            for doc in corpus.documents
        ]
    }
