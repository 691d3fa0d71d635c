"""The structure check: what a careful reader would flag in a parse, with no ground truth needed.

Each rule is a small function over one parsed resolution (or document) that yields :class:`Symptom` with
the file and line it points at. ``resatlas check FILE...`` prints them; a clean parse prints nothing.
The parser's own warnings (numbering gaps and repeats, marks without notes, notes without marks, an
unidentified resolution) are symptoms too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.ingest import grammar
from generator.model import Document, Paragraph, Resolution


@dataclass(frozen=True, slots=True, order=True)
class Symptom:
    """One doubtful place of a parse."""

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code}: {self.message}"


_FOOTNOTE_LIKE = re.compile(rf"^\d{{1,3}} (?!{grammar.MONTH}\b)[A-Z]")
_SCANNED_LABEL = re.compile(r"\(a\).*\(6\)")
"""An OCR "(6)" for "(b)": a digit label after a letter one."""
_FURNITURE_INSIDE = re.compile(
    r"\b\d{2}-\d{5}(?: \([A-Z]\))?(?=\s|$)|\*\d{7,}\*|\b\d{1,2}/\d{1,2}\s+\d{2}-\d{5}"
)
_FULL_DATE = re.compile(rf"\b\d{{1,2}} {grammar.MONTH} \d{{4}}\b")
_MERGED_LEAD = re.compile(r"[,;] (?P<lead>[A-Z][a-z]+(?:ing|ed)) (?:that|the|its|with|also|further)\b")
_PROPER_ING = {"Beijing", "Nanjing", "Kunming", "Chongqing", "Xining", "Harbin", "Ming"}
_MAX_FOOTNOTE = 1500
"""Characters: a footnote longer than this swallowed body text (a footnote zone that never closed)."""


def _paragraph_symptoms(para: Paragraph) -> Iterator[tuple[int, str, str]]:
    text = para.text
    line = para.source.first_line
    if grammar.ADOPTION_START.match(text):
        yield line, "adoption-as-paragraph", f"{para.id} starts like an adoption line: {text[:60]!r}"
    if _FOOTNOTE_LIKE.match(text) and para.kind != "subparagraph":
        yield line, "footnote-as-paragraph", f"{para.id} starts like a footnote text: {text[:60]!r}"
    labels = [sub.number or "" for sub in para.subparagraphs]
    digits = [x for x in labels if x.isdigit()]
    if digits and any(x.isalpha() for x in labels):
        printed = ", ".join(f"({x})" for x in digits)
        yield (
            line,
            "scanned-label",
            f"{para.id} mixes letter labels with {printed}: an OCR slip for a letter?",
        )
    elif _SCANNED_LABEL.search(text):
        yield line, "scanned-label", f"{para.id} prints '(a)' and later '(6)': an OCR slip for '(b)'?"
    furniture = _FURNITURE_INSIDE.search(text)
    if furniture:
        yield line, "furniture-in-text", f"{para.id} holds page furniture {furniture.group(0)!r}"
    merged = _MERGED_LEAD.search(text)
    if merged and para.kind == "preambular" and merged.group("lead") not in _PROPER_ING:
        yield line, "merged-paragraphs", f"{para.id} runs on into a new lead {merged.group('lead')!r}?"
    short = len(text.split()) < 2 and not text.endswith(":")
    if para.kind in ("preambular", "operative") and short and not para.subparagraphs:
        yield line, "fragment", f"{para.id} is only {text!r}"


def _paragraphs(res: Resolution) -> Iterator[tuple[int, str, str]]:
    for para in res.paragraphs():
        yield from _paragraph_symptoms(para)


def _order(res: Resolution) -> Iterator[tuple[int, str, str]]:
    if not res.operative:
        return
    first_op = min(p.source.first_line for p in res.operative)
    for para in res.preamble:
        if para.source.first_line > first_op and para.section is None:
            yield (
                para.source.first_line,
                "preamble-after-operative",
                f"{para.id} stands after the operative part",
            )


def _identity(res: Resolution) -> Iterator[tuple[int, str, str]]:
    if res.id.startswith("unidentified"):
        yield res.source.first_line, "unidentified", "no heading or body names this resolution"
    if res.body == "ga" and not res.title:
        yield res.source.first_line, "no-title", f"{res.id} has no title"


def _date(res: Resolution) -> Iterator[tuple[int, str, str]]:
    if res.date and len(res.date) == 10:
        return
    printed = next(
        (m.group(0) for text in (*res.headings, res.adoption or "") for m in [_FULL_DATE.search(text)] if m),
        None,
    )
    if printed:
        what = f"the year {res.date}" if res.date else "no date"
        yield res.source.first_line, "date", f"{res.id} has {what} although its heading prints {printed!r}"


def _footnotes(res: Resolution) -> Iterator[tuple[int, str, str]]:
    for note in res.footnotes:
        if len(note.text) > _MAX_FOOTNOTE:
            yield (
                note.source.first_line,
                "long-footnote",
                f"footnote {note.number} runs to {len(note.text)} characters",
            )


_RULES: tuple[Callable[[Resolution], Iterator[tuple[int, str, str]]], ...] = (
    _paragraphs,
    _order,
    _identity,
    _date,
    _footnotes,
)


def check_document(document: Document) -> list[Symptom]:
    """Every symptom of one parsed file, in line order."""
    out: list[Symptom] = []
    for res in document.resolutions:
        for rule in _RULES:
            out.extend(Symptom(document.path, line, code, message) for line, code, message in rule(res))
    out.extend(
        Symptom(document.path, d.line, d.code, d.message)
        for d in document.diagnostics
        if d.code != "identity"
    )
    return sorted(set(out))
