"""A comparison as a Word redline: a .docx whose changes are Word tracked changes.

The document holds the right-hand text, paragraph by paragraph in its own order, with every change
against the left-hand text as a revision Word and LibreOffice list, accept and reject:

* a kept or reworded paragraph carries the comparison's word diff as ``w:del`` / ``w:ins`` runs
  (:mod:`generator.analyse.diff`), its printed number diffed too ("3." -> "4.");
* a new paragraph is one insertion: its text and its paragraph mark are ``w:ins``;
* a dropped paragraph is one deletion where it stood (after the last paragraph kept in place that
  preceded it in the left text): its text and paragraph mark are ``w:del``;
* a merge deletes the paragraph mark between its sources, a split inserts one;
* a moved paragraph is deleted where it stood and inserted where it is now, so rejecting every change
  gives the left-hand text in its own order.

So accepting every change gives the right-hand text and rejecting every change the left-hand text,
word for word (``tests/export/test_redline.py``). Output is deterministic: one author, a fixed
revision date (:data:`REVISION_DATE`), fixed document properties and zip member times.
"""

from __future__ import annotations

import io
import zipfile
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from generator.analyse.compare import ComparedPair, Comparison, ParagraphInfo
from generator.analyse.diff import DiffOp, OpKind, concat_diffs, word_diff
from generator.invisible import show_invisible

AUTHOR = "Resolution Atlas"
REVISION_DATE = "2000-01-01T00:00:00Z"
"""Every revision's date: fixed, so the same comparison always gives the same bytes."""
_FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
HEADER_PARAGRAPHS = 2
"""Paragraphs before the compared text: the title and a note on how to read the changes."""


@dataclass(slots=True)
class RedlineParagraph:
    """One Word paragraph: its runs and what happened to its paragraph mark."""

    runs: list[DiffOp] = field(default_factory=list)
    mark: OpKind = "equal"


def _numbered(info: ParagraphInfo) -> str:
    return f"{info.number}. {info.text}" if info.number else info.text


def _prefix(info: ParagraphInfo) -> str:
    return f"{info.number}. " if info.number else ""


def _pair_ops(pair: ComparedPair) -> tuple[DiffOp, ...]:
    """The pair's diff with printed numbers; paragraph boundaries inside a merge or split are ``\\n``."""
    if len(pair.left) == 1 and len(pair.right) == 1:
        return concat_diffs(word_diff(_prefix(pair.left[0]), _prefix(pair.right[0])), pair.ops)
    return word_diff("\n".join(map(_numbered, pair.left)), "\n".join(map(_numbered, pair.right)))


def _paragraphs(ops: Sequence[DiffOp]) -> list[RedlineParagraph]:
    """Cut a diff into paragraphs at each ``\\n``; the mark takes the kind of the operation it is in."""
    out = [RedlineParagraph()]
    for op in ops:
        first, *rest = op.text.split("\n")
        if first:
            out[-1].runs.append(DiffOp(op.op, first))
        for piece in rest:
            out[-1].mark = op.op
            out.append(RedlineParagraph([DiffOp(op.op, piece)] if piece else []))
    return out


def _whole(infos: Sequence[ParagraphInfo], kind: OpKind) -> list[RedlineParagraph]:
    return [RedlineParagraph([DiffOp(kind, _numbered(p))], kind) for p in infos]


def redline_paragraphs(comparison: Comparison) -> list[RedlineParagraph]:
    """The compared text as Word paragraphs, in the right-hand order with dropped paragraphs placed."""
    left_index = {pid: i for i, pid in enumerate(comparison.left_order)}
    by_first_right = {pair.right_ids[0]: pair for pair in comparison.pairs}
    only_right = {p.id: p for p in comparison.only_right}
    # The right-hand sequence: pairs kept in place anchor the left-hand text's order.
    sequence: list[ComparedPair | ParagraphInfo] = [
        by_first_right.get(pid) or only_right[pid]
        for pid in comparison.right_order
        if pid in by_first_right or pid in only_right
    ]
    anchors = [i for i, item in enumerate(sequence) if isinstance(item, ComparedPair) and not item.moved]
    anchor_keys = [max(left_index[pid] for pid in _left_ids(sequence[i])) for i in anchors]
    # Left paragraphs shown as deleted: the dropped ones and the sources of moved pairs.
    deleted = [*comparison.only_left, *(p for pair in comparison.pairs if pair.moved for p in pair.left)]
    slots: dict[int, list[ParagraphInfo]] = {}
    for info in sorted(deleted, key=lambda p: left_index[p.id]):
        slot = bisect_left(anchor_keys, left_index[info.id]) - 1
        slots.setdefault(anchors[slot] if slot >= 0 else -1, []).append(info)
    out = _whole(slots.get(-1, []), "delete")
    for i, item in enumerate(sequence):
        if isinstance(item, ParagraphInfo):
            out += _whole([item], "insert")
        elif item.moved:
            out += _whole(item.right, "insert")
        else:
            out += _paragraphs(_pair_ops(item))
        out += _whole(slots.get(i, []), "delete")
    return out


def _left_ids(item: ComparedPair | ParagraphInfo) -> tuple[str, ...]:
    return item.left_ids if isinstance(item, ComparedPair) else ()


# --- the .docx --------------------------------------------------------------------------------------


def _revision(tag: str, ids: Iterator[int]) -> etree._Element:
    element = etree.Element(qn(tag))
    element.set(qn("w:id"), str(next(ids)))
    element.set(qn("w:author"), AUTHOR)
    element.set(qn("w:date"), REVISION_DATE)
    return element


def _run(text: str, kind: OpKind) -> etree._Element:
    run = etree.Element(qn("w:r"))
    t = etree.SubElement(run, qn("w:delText" if kind == "delete" else "w:t"))
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = show_invisible(text)
    return run


_REVISION_TAG: dict[OpKind, str] = {"insert": "w:ins", "delete": "w:del"}


def _fill(p: etree._Element, para: RedlineParagraph, ids: Iterator[int]) -> None:
    if para.mark != "equal":
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.SubElement(p, qn("w:pPr"))
        rpr = etree.SubElement(ppr, qn("w:rPr"))
        rpr.append(_revision(_REVISION_TAG[para.mark], ids))
    for op in para.runs:
        if op.op == "equal":
            p.append(_run(op.text, op.op))
        else:
            wrapper = _revision(_REVISION_TAG[op.op], ids)
            wrapper.append(_run(op.text, op.op))
            p.append(wrapper)


def _title(comparison: Comparison) -> str:
    return f"{comparison.left.symbol} → {comparison.right.symbol}"


def redline_docx(comparison: Comparison) -> bytes:
    """The comparison as a .docx with Word tracked changes (deterministic bytes)."""
    left, right = comparison.left, comparison.right
    doc = Document()
    doc.add_paragraph(show_invisible(_title(comparison)), style="Title")
    note = (
        f"Tracked changes from {left.symbol} ({left.title}) to {right.symbol} ({right.title}), "
        f"paragraph by paragraph in the order of {right.symbol}. Accept all changes to get "
        f"{right.symbol}; reject all to get {left.symbol}. Paragraphs are paired by content; "
        "a moved paragraph is deleted where it stood and inserted where it is now. "
        "Made by Resolution Atlas."
    )
    if comparison.topics:
        note += " Only the paragraphs on the topics " + ", ".join(comparison.topics) + "."
    doc.add_paragraph(show_invisible(note))
    ids = iter(range(1, 1 << 31))
    for para in redline_paragraphs(comparison):
        _fill(doc.add_paragraph()._p, para, ids)
    props = doc.core_properties
    props.author = props.last_modified_by = AUTHOR
    props.title = show_invisible(_title(comparison))
    props.created = props.modified = _FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every member's time fixed, so equal documents are equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()
