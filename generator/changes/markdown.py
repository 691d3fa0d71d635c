"""The change report as Markdown: a pull-request comment and the site's "Changes" page.

Text is data, never markup. Every string that comes from a text, a file name or a revision goes
through :func:`escape`, which turns HTML and Markdown punctuation into numeric character
references: GitHub and Python-Markdown both show them as the characters they are, and neither
sees an emphasis mark, a link, a tag, a table pipe or a smart symbol in them. Insertions are
``<ins>`` (underlined) and deletions ``<del>`` (struck through), so they read without colour.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.analyse.diff import DiffOp
from generator.changes.report import (
    ChangeReport,
    DocumentChange,
    FieldChange,
    FootnoteChange,
    ParagraphChange,
    UnitChange,
)
from generator.changes.summary import RenumberRun, document_summary, grouped, unit_summary, verdict
from generator.invisible import show_invisible

COMMENT_MARKER = "<!-- resatlas-changes -->"
"""First line of the pull-request comment; the preview workflow finds its earlier comment by it."""
COMMENT_LIMIT = 60_000
"""Bytes a comment may take; GitHub refuses comments over 65,536 characters."""
CONTEXT_WORDS = 12
"""Words of unchanged text kept on each side of a change in a long paragraph."""

_SAFE = set(",.;?")
_ENTITIES = {ch: f"&#{ord(ch)};" for ch in "!\"#$%&'()*+-/:<=>@[\\]^_`{|}~" if ch not in _SAFE} | {
    "\n": "&#10;",
    "\r": "&#13;",
    "\t": "&#9;",
}
_TABLE = str.maketrans(_ENTITIES)


def escape(text: str) -> str:
    """``text`` as inert Markdown: every HTML or Markdown punctuation mark as a character reference,
    every invisible character as a visible mark (``⟨U+202E⟩``)."""
    return show_invisible(text).translate(_TABLE)


def _trim(text: str, keep_start: bool, keep_end: bool) -> str:
    """Shorten a long unchanged span to the words next to the changes around an ellipsis; the white
    space that touches a change stays as it is."""
    words = text.split(" ")
    if len(words) <= 2 * CONTEXT_WORDS + 4:
        return text
    head = " ".join(words[:CONTEXT_WORDS]) + " " if keep_start else ""
    tail = " " + " ".join(words[-CONTEXT_WORDS:]) if keep_end else ""
    return f"{head}…{tail}"


def render_ops(ops: Iterable[DiffOp], trim: bool = True) -> str:
    """A word diff inline: kept text plain, ``<del>`` and ``<ins>`` around the changes."""
    spans = list(ops)
    out: list[str] = []
    for index, span in enumerate(spans):
        if span.op == "equal":
            text = _trim(span.text, index > 0, index < len(spans) - 1) if trim else span.text
            out.append(escape(text))
        elif span.op == "delete":
            out.append(f"<del>{escape(span.text)}</del>")
        else:
            out.append(f"<ins>{escape(span.text)}</ins>")
    return "".join(out)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _id(value: str | None) -> str:
    return f"**{escape(value or '')}**"


def _paragraph_line(change: ParagraphChange) -> str:
    where = f" <small>({escape(change.location)})</small>" if change.location else ""
    if change.kind == "added":
        return f"- {_id(change.new_id)} added{where}<br><ins>{escape(change.new_text)}</ins>"
    if change.kind == "removed":
        return f"- {_id(change.old_id)} removed{where}<br><del>{escape(change.old_text)}</del>"
    name = _id(change.new_id)
    if change.renumbered:
        name = f"{_id(change.old_id)} → {_id(change.new_id)}"
    moved = " moved" if change.moved else ""
    if change.kind == "changed":
        score = f", similarity {change.similarity:.2f}" if change.similarity is not None else ""
        return f"- {name}{moved} changed{score}{where}<br>{render_ops(change.ops)}"
    if change.kind == "marks":
        old, new = ", ".join(change.old_marks) or "none", ", ".join(change.new_marks) or "none"
        return f"- {name}{moved}: footnote marks {escape(old)} → {escape(new)}, words unchanged{where}"
    if change.kind == "moved":
        return f"- {name} moved, text unchanged{where}"
    return f"- {name}: emphasis (italics) changed, words unchanged{where}"


def _run_line(run: RenumberRun) -> str:
    if len(run.changes) == 1:
        return f"- {_id(run.first.old_id)} → {_id(run.first.new_id)} renumbered, text unchanged"
    return (
        f"- {_id(run.first.old_id)}–{_id(run.last.old_id)} → {_id(run.first.new_id)}–{_id(run.last.new_id)}"
        f" renumbered ({len(run.changes)} paragraphs), text unchanged"
    )


def _footnote_line(change: FootnoteChange) -> str:
    if change.kind == "added":
        return f"- footnote {_id(change.new_number)} added:<br><ins>{escape(change.new_text)}</ins>"
    if change.kind == "removed":
        return f"- footnote {_id(change.old_number)} removed:<br><del>{escape(change.old_text)}</del>"
    name = _id(change.new_number)
    if change.old_number != change.new_number:
        name = f"{_id(change.old_number)} → {_id(change.new_number)}"
    if change.kind == "renumbered":
        return f"- footnote {name} renumbered, text unchanged"
    return f"- footnote {name} changed:<br>{render_ops(change.ops, trim=False)}"


def _field_line(change: FieldChange) -> str:
    what = "" if change.printed else " (catalog)"
    old = f"<del>{escape(change.old)}</del>" if change.old else ""
    new = f"<ins>{escape(change.new)}</ins>" if change.new else ""
    arrow = " → " if old and new else ""
    return f"- {escape(change.name)}{what}: {old}{arrow}{new}"


def _unit_lines(unit: UnitChange, level: int) -> list[str]:
    lines = [f"{'#' * level} {escape(unit.label)} ({escape(unit.id)})", ""]
    lines.extend(_field_line(f) for f in unit.fields)
    if unit.status != "modified":
        return [*lines, "", escape(_sentence(unit_summary(unit))), ""]
    for item in grouped(unit.paragraphs):
        lines.append(_run_line(item) if isinstance(item, RenumberRun) else _paragraph_line(item))
    lines.extend(_footnote_line(f) for f in unit.footnotes)
    return [*lines, ""]


def _document_lines(document: DocumentChange, level: int) -> list[str]:
    lines = [f"{'#' * level} {escape(document.path)}", ""]
    summary = document_summary(document)
    if summary:
        lines += [escape(_sentence(summary)), ""]
    for unit in document.units:
        lines += _unit_lines(unit, level + 1)
    if document.notes_added:
        lines += ["New data notes:", ""]
        lines += [f"- {escape(n.location)}: {escape(n.message)}" for n in document.notes_added]
        lines.append("")
    if document.notes_resolved:
        lines += ["Data notes no longer raised:", ""]
        lines += [f"- {escape(n.message)}" for n in document.notes_resolved]
        lines.append("")
    return lines


def _table(report: ChangeReport) -> list[str]:
    lines = ["| File | Resolution | Changes |", "| --- | --- | --- |"]
    for document in report.documents:
        summary = document_summary(document)
        if summary or not document.units:
            lines.append(f"| {escape(document.path)} | | {escape(summary)} |")
        for unit in document.units:
            lines.append(f"| {escape(document.path)} | {escape(unit.label)} | {escape(unit_summary(unit))} |")
    return [*lines, ""]


def _header(report: ChangeReport, level: int, title: str) -> list[str]:
    base = f"{escape(report.base)} ({escape(report.base_commit[:12])})"
    head = f"{escape(report.head)} ({escape(report.head_commit[:12])})"
    lines = [
        f"{'#' * level} {title}",
        "",
        f"From {base} to {head}, corpus folder {escape(report.seeds)}.",
        "",
    ]
    lines += [f"**{verdict(report.is_text_change, len(report.documents))}**", ""]
    return lines + (_table(report) if report.documents else [])


def render_markdown(report: ChangeReport, level: int = 2, title: str = "Changes to the texts") -> str:
    """The whole report; headings start at ``level``."""
    lines = _header(report, level, title)
    for document in report.documents:
        lines += _document_lines(document, level + 1)
    return "\n".join(lines).rstrip("\n") + "\n"


def _id_list(unit: UnitChange, limit: int = 30) -> list[str]:
    """One line per kind of paragraph change, naming at most ``limit`` paragraphs."""
    by_kind: dict[str, list[str]] = {}
    for change in unit.paragraphs:
        by_kind.setdefault(change.kind, []).append(change.new_id or change.old_id or "")
    lines = []
    for kind, ids in by_kind.items():
        more = f" and {len(ids) - limit} more" if len(ids) > limit else ""
        lines.append(f"  - {escape(kind)}: {escape(', '.join(ids[:limit]))}{more}")
    return lines


def render_comment(report: ChangeReport, full_report_url: str | None = None) -> str:
    """The pull-request comment: the whole report when it fits in :data:`COMMENT_LIMIT` bytes,
    otherwise the summary table, the paragraphs changed by kind, and a pointer to the full report."""
    body = COMMENT_MARKER + "\n" + render_markdown(report)
    if len(body.encode("utf-8")) <= COMMENT_LIMIT:
        return body
    where = (
        f"[the full report]({escape(full_report_url)})"
        if full_report_url
        else "the Changes page of the preview build"
    )
    size = len(body.encode("utf-8")) // 1000
    lines = [COMMENT_MARKER, *_header(report, 2, "Changes to the texts (summary)")]
    lines += [f"The full report ({size} KB) is too long for a comment: see {where}.", ""]
    for document in report.documents:
        for unit in document.units:
            lines += [f"- {escape(unit.label)} in {escape(document.path)}", *_id_list(unit)]
    text = "\n".join(lines) + "\n"
    while len(text.encode("utf-8")) > COMMENT_LIMIT:
        lines = [*lines[: len(lines) // 2], "", "… cut here: the full report lists every change.", ""]
        text = "\n".join(lines) + "\n"
    return text


def render_changes_page(report: ChangeReport) -> str:
    """The site's "Changes" page (Markdown for MkDocs) for a pull-request preview build."""
    intro = (
        "This preview was built from a pull request. The page lists, clause by clause, what the pull "
        "request changes in the texts of the corpus. Re-wrapped lines, white space and renumbering are "
        "reported as such, never as changes of the text."
    )
    body = render_markdown(report, level=1, title="Changes")
    first, _, rest = body.partition("\n")
    return f"{first}\n\n{intro}\n{rest}"
