"""Compare two parsed versions of the corpus and build the :class:`ChangeReport`.

Documents pair by path (a file renamed with the same resolutions in it pairs too), resolutions by
id, footnotes by text and then by number, paragraphs by text and then by content
(:mod:`generator.changes.pairing`). Footnote renumbering is applied before footnote marks are
compared, so a footnote inserted early in a file does not make every later mark look changed.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from generator.analyse.diff import word_diff
from generator.changes.pairing import Pair, in_order, pair_paragraphs
from generator.changes.report import (
    DataNote,
    DocumentChange,
    DocumentStatus,
    FieldChange,
    FootnoteChange,
    LayoutKind,
    ParagraphChange,
    ParagraphChangeKind,
    UnitChange,
)
from generator.changes.units import Unit, units_of
from generator.model import Document, Footnote, Paragraph, SourceSpan


@dataclass(frozen=True, slots=True)
class Version:
    """One corpus file at one revision: its bytes, its parsed document and its data notes."""

    path: str
    data: bytes
    document: Document
    notes: tuple[DataNote, ...] = ()


def _compare_fields(old: Unit, new: Unit) -> tuple[FieldChange, ...]:
    before = {f.name: f for f in old.fields}
    after = {f.name: f for f in new.fields}
    changes: list[FieldChange] = []
    for name in [*before, *(n for n in after if n not in before)]:
        was, now = before.get(name), after.get(name)
        old_value = was.value if was else ""
        new_value = now.value if now else ""
        if old_value != new_value:
            printed = any(f.printed for f in (was, now) if f is not None)
            changes.append(FieldChange(name, old_value, new_value, printed))
    return tuple(changes)


def located(span: SourceSpan, path: str = "") -> str:
    """``path:line`` (or ``path:first-last``) of a span, in the file's repository path when given."""
    return str(replace(span, path=path)) if path else str(span)


def compare_footnotes(
    old: Sequence[Footnote], new: Sequence[Footnote], path: str = ""
) -> tuple[tuple[FootnoteChange, ...], dict[str, str]]:
    """Footnote changes and the renumbering ``old number -> new number`` of every kept footnote."""
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for i, note in enumerate(old):
        waiting[note.text].append(i)
    paired: dict[int, int] = {}
    for j, note in enumerate(new):
        queue = waiting.get(note.text)
        if queue:
            paired[queue.popleft()] = j
    free_new = {new[j].number: j for j in range(len(new)) if j not in paired.values()}
    for i, note in enumerate(old):
        if i not in paired and note.number in free_new:
            paired[i] = free_new.pop(note.number)
    changes: list[FootnoteChange] = []
    numbering: dict[str, str] = {}
    for i, j in sorted(paired.items(), key=lambda item: item[1]):
        was, now = old[i], new[j]
        numbering[was.number] = now.number
        if was.text != now.text:
            changes.append(
                FootnoteChange(
                    "changed",
                    was.number,
                    now.number,
                    was.text,
                    now.text,
                    word_diff(was.text, now.text),
                    located(now.source, path),
                )
            )
        elif was.number != now.number:
            changes.append(
                FootnoteChange(
                    "renumbered",
                    was.number,
                    now.number,
                    was.text,
                    now.text,
                    location=located(now.source, path),
                )
            )
    for i, note in enumerate(old):
        if i not in paired:
            changes.append(
                FootnoteChange(
                    "removed", note.number, None, note.text, "", location=located(note.source, path)
                )
            )
    taken = set(paired.values())
    for j, note in enumerate(new):
        if j not in taken:
            changes.append(
                FootnoteChange("added", None, note.number, "", note.text, location=located(note.source, path))
            )
    return tuple(changes), numbering


def _joined(paras: Sequence[Paragraph]) -> tuple[str, str]:
    """The id and text of a paragraph, or of a group merged or split: ``op3 + op4``."""
    return " + ".join(p.id for p in paras), " ".join(p.text for p in paras)


def _paragraph_change(
    was: Sequence[Paragraph],
    now: Sequence[Paragraph],
    pair: Pair,
    moved: bool,
    numbering: Mapping[str, str],
    path: str,
) -> ParagraphChange | None:
    old_id, old_text = _joined(was)
    new_id, new_text = _joined(now)
    old_marks = tuple((numbering.get(r.number, r.number), r.offset) for p in was for r in p.footnotes)
    new_marks = tuple((r.number, r.offset) for p in now for r in p.footnotes)
    kind: ParagraphChangeKind
    if old_text != new_text:
        kind = "changed"
    elif old_marks != new_marks:
        kind = "marks"
    elif moved:
        kind = "moved"
    elif old_id != new_id:
        kind = "renumbered"
    elif [p.emphasis for p in was] != [p.emphasis for p in now]:
        kind = "emphasis"
    else:
        return None
    return ParagraphChange(
        kind=kind,
        old_id=old_id,
        new_id=new_id,
        old_text=old_text,
        new_text=new_text,
        ops=word_diff(old_text, new_text) if kind == "changed" else (),
        similarity=None if pair.similarity is None else round(pair.similarity, 3),
        renumbered=old_id != new_id,
        moved=moved,
        old_marks=tuple(r.number for p in was for r in p.footnotes),
        new_marks=tuple(r.number for p in now for r in p.footnotes),
        location=located(now[0].source, path),
    )


def compare_paragraphs(
    old: Sequence[Paragraph], new: Sequence[Paragraph], numbering: Mapping[str, str], path: str = ""
) -> tuple[ParagraphChange, ...]:
    """Paragraph changes in the new reading order, each removal where its paragraph stood; locations
    name ``path`` when given (the parser may have read the file under another name)."""
    pairs = pair_paragraphs(old, new)
    kept = in_order(pairs)
    new_of_old = {i: p.new[0] for p in pairs if p.new for i in p.old}
    keyed: list[tuple[float, int, ParagraphChange]] = []
    for pair in pairs:
        was = [old[i] for i in pair.old]
        now = [new[j] for j in pair.new]
        if was and now:
            change = _paragraph_change(was, now, pair, pair not in kept, numbering, path)
            if change is not None:
                keyed.append((pair.new[0], 0, change))
        elif now:
            para = now[0]
            change = ParagraphChange(
                "added",
                None,
                para.id,
                "",
                para.text,
                new_marks=tuple(ref.number for ref in para.footnotes),
                location=located(para.source, path),
            )
            keyed.append((pair.new[0], 0, change))
        else:
            para = was[0]
            before = [new_of_old[i] for i in range(pair.old[0]) if i in new_of_old]
            change = ParagraphChange(
                "removed",
                para.id,
                None,
                para.text,
                "",
                old_marks=tuple(ref.number for ref in para.footnotes),
                location=located(para.source, path),
            )
            keyed.append(((max(before) if before else -1) + 0.5, pair.old[0], change))
    keyed.sort(key=lambda item: (item[0], item[1]))
    return tuple(change for _, _, change in keyed)


def compare_units(old: Unit | None, new: Unit | None, path: str = "") -> UnitChange:
    """What changed in one resolution or report; a whole unit added or removed is one change."""
    if old is None and new is not None:
        title = tuple(FieldChange(f.name, "", f.value, True) for f in new.fields if f.name == "title")
        return UnitChange(new.id, new.label, "added", fields=title, paragraph_count=len(new.paragraphs))
    if new is None and old is not None:
        title = tuple(FieldChange(f.name, f.value, "", True) for f in old.fields if f.name == "title")
        return UnitChange(old.id, old.label, "removed", fields=title, paragraph_count=len(old.paragraphs))
    assert old is not None and new is not None
    footnotes, numbering = compare_footnotes(old.footnotes, new.footnotes, path)
    return UnitChange(
        new.id,
        new.label,
        "modified",
        fields=_compare_fields(old, new),
        paragraphs=compare_paragraphs(old.paragraphs, new.paragraphs, numbering, path),
        footnotes=footnotes,
        paragraph_count=len(new.paragraphs),
    )


def _notes(version: Version | None) -> dict[tuple[str, str], DataNote]:
    """The data notes of a version by what they say, not where: a note that only moved is no news."""
    notes: dict[tuple[str, str], DataNote] = {}
    for note in version.notes if version else ():
        notes.setdefault((note.code, note.message), note)
    return notes


def _layout(old: bytes, new: bytes) -> LayoutKind:
    same_words = old.decode("utf-8", "replace").split() == new.decode("utf-8", "replace").split()
    return "whitespace" if same_words else "layout"


def compare_documents(old: Version | None, new: Version | None) -> DocumentChange | None:
    """The change of one file, or ``None`` when it is the same at both revisions."""
    old_units = {u.id: u for u in units_of(old.document)} if old else {}
    new_units = {u.id: u for u in units_of(new.document)} if new else {}
    changes: list[UnitChange] = []
    for unit_id in [*old_units, *(i for i in new_units if i not in old_units)]:
        change = compare_units(old_units.get(unit_id), new_units.get(unit_id), new.path if new else "")
        if not change.is_empty:
            changes.append(change)
    before = _notes(old)
    after = _notes(new)
    notes_added = tuple(note for key, note in sorted(after.items()) if key not in before)
    notes_resolved = tuple(note for key, note in sorted(before.items()) if key not in after)
    same_bytes = old is not None and new is not None and old.path == new.path and old.data == new.data
    if same_bytes and not changes and not (notes_added or notes_resolved):
        return None
    path = new.path if new else old.path if old else ""
    if old is None:
        status: DocumentStatus = "added"
    elif new is None:
        status = "removed"
    elif old.path != new.path:
        status = "renamed"
    elif not changes and not same_bytes:
        status = "layout"
    else:
        status = "modified"
    return DocumentChange(
        path=path,
        status=status,
        old_path=old.path if old and new and old.path != new.path else None,
        units=tuple(changes),
        layout=_layout(old.data, new.data) if status == "layout" and old and new else None,
        notes_added=notes_added,
        notes_resolved=notes_resolved,
    )


def compare_versions(old: Sequence[Version], new: Sequence[Version]) -> tuple[DocumentChange, ...]:
    """Every changed file, sorted by path; a removed file and an added one holding the same
    resolutions are one renamed file."""
    before = {v.path: v for v in old}
    after = {v.path: v for v in new}
    gone = [before[p] for p in sorted(before) if p not in after]
    came = {p: after[p] for p in sorted(after) if p not in before}
    renamed: dict[str, Version] = {}
    for version in gone:
        ids = {u.id for u in units_of(version.document)}
        target = next(
            (p for p, v in came.items() if ids and {u.id for u in units_of(v.document)} == ids), None
        )
        if target is not None:
            renamed[target] = version
            del came[target]
    pairs: list[tuple[Version | None, Version | None]] = []
    for path in sorted({*before, *after}):
        if path in before and path in after:
            pairs.append((before[path], after[path]))
        elif path in after:
            pairs.append((renamed.get(path), after[path]))
        elif before[path] not in renamed.values():
            pairs.append((before[path], None))
    changes = (compare_documents(was, now) for was, now in pairs)
    return tuple(change for change in changes if change is not None)
