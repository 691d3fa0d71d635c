"""The change report as plain text for a terminal: ``[-deleted-]`` and ``{+inserted+}`` as git's
``--word-diff`` writes them, so the changes read without colour."""

from __future__ import annotations

from generator.analyse.diff import DiffOp
from generator.changes.report import ChangeReport, FootnoteChange, ParagraphChange, UnitChange
from generator.changes.summary import RenumberRun, document_summary, grouped, unit_summary, verdict


def _ops(ops: tuple[DiffOp, ...]) -> str:
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[op.op].format(op.text) for op in ops)


def _paragraph(change: ParagraphChange) -> list[str]:
    if change.kind == "added":
        return [f"  + {change.new_id} added ({change.location})", f"      {change.new_text}"]
    if change.kind == "removed":
        return [f"  - {change.old_id} removed ({change.location})", f"      {change.old_text}"]
    name = f"{change.old_id} -> {change.new_id}" if change.renumbered else f"{change.new_id}"
    moved = " moved" if change.moved else ""
    if change.kind == "changed":
        return [f"  ~ {name}{moved} changed ({change.location})", f"      {_ops(change.ops)}"]
    if change.kind == "marks":
        old, new = ", ".join(change.old_marks) or "none", ", ".join(change.new_marks) or "none"
        return [f"  ~ {name}{moved}: footnote marks {old} -> {new}, words unchanged ({change.location})"]
    if change.kind == "moved":
        return [f"  > {name} moved, text unchanged ({change.location})"]
    return [f"  ~ {name}: emphasis changed, words unchanged ({change.location})"]


def _run(run: RenumberRun) -> str:
    if len(run.changes) == 1:
        return f"  = {run.first.old_id} -> {run.first.new_id} renumbered, text unchanged"
    return (
        f"  = {run.first.old_id}..{run.last.old_id} -> {run.first.new_id}..{run.last.new_id}"
        f" renumbered ({len(run.changes)} paragraphs), text unchanged"
    )


def _footnote(change: FootnoteChange) -> list[str]:
    old, new = change.old_number, change.new_number
    if change.kind == "added":
        return [f"  + footnote {new} added", f"      {change.new_text}"]
    if change.kind == "removed":
        return [f"  - footnote {old} removed", f"      {change.old_text}"]
    name = f"{old} -> {new}" if old != new else f"{new}"
    if change.kind == "renumbered":
        return [f"  = footnote {name} renumbered, text unchanged"]
    return [f"  ~ footnote {name} changed", f"      {_ops(change.ops)}"]


def _unit(unit: UnitChange) -> list[str]:
    lines = [f" {unit.label} ({unit.id}): {unit_summary(unit)}"]
    for field in unit.fields:
        source = "" if field.printed else " (catalog)"
        old = f"[-{field.old}-]" if field.old else ""
        new = f"{{+{field.new}+}}" if field.new else ""
        lines.append(f"  ~ {field.name}{source}: {old}{' ' if old and new else ''}{new}")
    if unit.status != "modified":
        return lines
    for item in grouped(unit.paragraphs):
        lines.extend([_run(item)] if isinstance(item, RenumberRun) else _paragraph(item))
    for note in unit.footnotes:
        lines.extend(_footnote(note))
    return lines


def render_text(report: ChangeReport) -> str:
    base = f"{report.base} ({report.base_commit[:12]})"
    head = f"{report.head} ({report.head_commit[:12]})"
    lines = [
        f"Changes from {base} to {head}, corpus folder {report.seeds}",
        verdict(report.is_text_change, len(report.documents)),
    ]
    for document in report.documents:
        summary = document_summary(document)
        lines += ["", f"{document.path}" + (f": {summary}" if summary else "")]
        for unit in document.units:
            lines += _unit(unit)
        lines += [f"  ! new data note {n.location}: {n.message}" for n in document.notes_added]
        lines += [f"  ! data note no longer raised: {n.message}" for n in document.notes_resolved]
    return "\n".join(lines) + "\n"
