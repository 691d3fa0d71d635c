"""Counts and groupings every renderer of a change report shares."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.changes.report import DocumentChange, ParagraphChange, UnitChange

LAYOUT_WORDS = {
    "whitespace": "line breaks and white space only, text unchanged",
    "layout": "layout only (lines moved), text unchanged",
}


@dataclass(frozen=True, slots=True)
class RenumberRun:
    """Consecutive paragraphs renumbered and nothing else: ``op4``..``op17`` became ``op5``..``op18``."""

    changes: tuple[ParagraphChange, ...]

    @property
    def first(self) -> ParagraphChange:
        return self.changes[0]

    @property
    def last(self) -> ParagraphChange:
        return self.changes[-1]


def grouped(changes: Sequence[ParagraphChange]) -> Iterator[ParagraphChange | RenumberRun]:
    """The paragraph changes in order, with each run of pure renumberings folded into one item."""
    run: list[ParagraphChange] = []
    for change in changes:
        if change.kind == "renumbered":
            run.append(change)
            continue
        if run:
            yield RenumberRun(tuple(run))
            run = []
        yield change
    if run:
        yield RenumberRun(tuple(run))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def unit_summary(unit: UnitChange) -> str:
    """One line for a table cell: "1 changed, 1 added, 14 renumbered; 1 footnote changed"."""
    if unit.status == "added":
        return f"added ({_plural(unit.paragraph_count, 'paragraph')})"
    if unit.status == "removed":
        return f"removed ({_plural(unit.paragraph_count, 'paragraph')})"
    kinds: Counter[str] = Counter(c.kind for c in unit.paragraphs)
    parts = [
        f"{kinds[kind]} {word}"
        for kind, word in (
            ("changed", "changed"),
            ("added", "added"),
            ("removed", "removed"),
            ("moved", "moved"),
            ("marks", "with footnote marks changed"),
            ("renumbered", "renumbered"),
            ("emphasis", "with emphasis changed"),
        )
        if kinds[kind]
    ]
    out = []
    if parts:
        out.append(_plural(len(unit.paragraphs), "paragraph") + ": " + ", ".join(parts))
    notes = Counter(c.kind for c in unit.footnotes)
    if notes:
        out.append(
            _plural(len(unit.footnotes), "footnote")
            + ": "
            + ", ".join(f"{n} {k}" for k, n in sorted(notes.items()))
        )
    if unit.fields:
        out.append(", ".join(f.name for f in unit.fields) + " changed")
    return "; ".join(out)


def document_summary(document: DocumentChange) -> str:
    if document.layout is not None:
        return LAYOUT_WORDS[document.layout]
    if document.status == "renamed":
        return f"renamed from {document.old_path}"
    if not document.units:
        return "no change to the texts"
    return ""


def verdict(text_change: bool, documents: int) -> str:
    if documents == 0:
        return "No corpus file changed."
    if text_change:
        return "The texts changed."
    return "No text changed: only line breaks, white space, numbering or catalog data."
