"""The change report: what changed in the corpus texts between two git revisions, as plain data.

The report is built by :mod:`generator.changes.compare` and read by the renderers; it holds no markup.
Word diffs are the comparison engine's :class:`~generator.analyse.diff.DiffOp` spans. Every
change item says whether it changes the *text* a reader quotes (``is_text_change``): re-wrapped
lines, white space, renumbering and footnote renumbering never do; a word changed, a paragraph or
footnote added, removed or moved, or a printed heading changed always does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.analyse.diff import DiffOp

ParagraphChangeKind = Literal["added", "removed", "changed", "moved", "renumbered", "marks", "emphasis"]
FootnoteChangeKind = Literal["added", "removed", "changed", "renumbered"]
UnitStatus = Literal["added", "removed", "modified"]
DocumentStatus = Literal["added", "removed", "modified", "layout", "renamed"]
LayoutKind = Literal["whitespace", "layout"]


@dataclass(frozen=True, slots=True)
class ParagraphChange:
    """One paragraph that is not the same at both revisions.

    ``kind`` is the main change; ``renumbered`` is also true for a changed or moved paragraph
    whose id changed. ``ops`` is the word diff from ``old_text`` to ``new_text`` (empty unless
    the words differ).
    """

    kind: ParagraphChangeKind
    old_id: str | None
    new_id: str | None
    old_text: str
    new_text: str
    ops: tuple[DiffOp, ...] = ()
    similarity: float | None = None
    renumbered: bool = False
    moved: bool = False
    old_marks: tuple[str, ...] = ()
    """Footnote marks in the old paragraph, in order (for ``marks`` changes)."""
    new_marks: tuple[str, ...] = ()
    location: str = ""
    """Where the paragraph stands at the new revision (``seeds/x.txt:12``), or the old one if removed."""

    @property
    def is_text_change(self) -> bool:
        return self.kind in ("added", "removed", "changed", "marks") or self.moved


@dataclass(frozen=True, slots=True)
class FootnoteChange:
    """A footnote added, removed, reworded or renumbered."""

    kind: FootnoteChangeKind
    old_number: str | None
    new_number: str | None
    old_text: str
    new_text: str
    ops: tuple[DiffOp, ...] = ()
    location: str = ""

    @property
    def is_text_change(self) -> bool:
        return self.kind != "renumbered"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """A metadata field or a printed heading that differs (``title``, ``date``, ``annex.title``)."""

    name: str
    old: str
    new: str
    printed: bool
    """True when the field is text printed in the document (title, headings, adoption line),
    False for catalog metadata (date, source document, fragment flag)."""

    @property
    def is_text_change(self) -> bool:
        return self.printed


@dataclass(frozen=True, slots=True)
class UnitChange:
    """Changes to one resolution, or to the report of a report file."""

    id: str
    label: str
    """How a reader names it: "CND resolution 65/2", "Report: International cooperation ..."."""
    status: UnitStatus
    fields: tuple[FieldChange, ...] = ()
    paragraphs: tuple[ParagraphChange, ...] = ()
    footnotes: tuple[FootnoteChange, ...] = ()
    paragraph_count: int = 0
    """Paragraphs at the new revision (at the old one for a removed unit)."""

    @property
    def is_text_change(self) -> bool:
        return (
            self.status != "modified"
            or any(c.is_text_change for c in self.fields)
            or any(c.is_text_change for c in self.paragraphs)
            or any(c.is_text_change for c in self.footnotes)
        )

    @property
    def is_empty(self) -> bool:
        return self.status == "modified" and not (self.fields or self.paragraphs or self.footnotes)


@dataclass(frozen=True, slots=True)
class DataNote:
    """A warning about the data (parser diagnostic or data check) that appeared or went away."""

    code: str
    message: str
    location: str


@dataclass(frozen=True, slots=True)
class DocumentChange:
    """One corpus file whose bytes differ between the revisions."""

    path: str
    """The file's path at the new revision (at the old one when removed)."""
    status: DocumentStatus
    old_path: str | None = None
    units: tuple[UnitChange, ...] = ()
    layout: LayoutKind | None = None
    """For a file whose text is unchanged: ``whitespace`` when only line breaks and spaces differ,
    ``layout`` when lines moved without changing the text (footnote blocks, page furniture)."""
    notes_added: tuple[DataNote, ...] = ()
    notes_resolved: tuple[DataNote, ...] = ()

    @property
    def is_text_change(self) -> bool:
        return any(u.is_text_change for u in self.units)


@dataclass(frozen=True, slots=True)
class ChangeReport:
    """Every changed corpus file between ``base`` and ``head``, sorted by path."""

    base: str
    head: str
    base_commit: str
    head_commit: str
    seeds: str
    documents: tuple[DocumentChange, ...] = ()

    @property
    def is_text_change(self) -> bool:
        return any(d.is_text_change for d in self.documents)

    @property
    def is_empty(self) -> bool:
        return not self.documents
