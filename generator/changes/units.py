"""A resolution or a report seen the same way for comparison: an id, fields, paragraphs, footnotes.

Paragraphs are flattened in reading order (sub-paragraphs and annexes included), so a change in
(b) of op18 is a change of ``op18-b`` and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Document, Footnote, Paragraph, Report, Resolution

# (name, printed?): printed fields are text a reader sees; the others come from the catalog.
RESOLUTION_FIELDS: tuple[tuple[str, bool], ...] = (
    ("symbol", False),
    ("body", False),
    ("body_name", True),
    ("session", False),
    ("number", False),
    ("title", True),
    ("date", False),
    ("adoption", True),
    ("fragment", False),
    ("headings", True),
    ("source_document", False),
)


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    value: str
    printed: bool


@dataclass(frozen=True, slots=True)
class Unit:
    """One resolution, or the report of a report file."""

    id: str
    label: str
    fields: tuple[Field, ...]
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return " | ".join(_show(v) for v in value)
    return str(value)


def resolution_label(resolution: Resolution) -> str:
    body = resolution.body.upper().replace("-", "/")
    return f"{body} resolution {resolution.symbol}"


def _resolution_unit(resolution: Resolution) -> Unit:
    fields = [Field(name, _show(getattr(resolution, name)), printed) for name, printed in RESOLUTION_FIELDS]
    for annex in resolution.annexes:
        fields.append(Field(f"{annex.id}.heading", annex.heading, True))
        fields.append(Field(f"{annex.id}.title", annex.title, True))
    return Unit(
        id=resolution.id,
        label=resolution_label(resolution),
        fields=tuple(fields),
        paragraphs=resolution.paragraphs(),
        footnotes=resolution.footnotes,
    )


def _report_unit(report: Report) -> Unit:
    fields = [
        Field("title", report.title, True),
        Field("body", report.body, False),
        Field("body_name", report.body_name, True),
    ]
    paragraphs: list[Paragraph] = []
    for section in report.sections:
        heading = f"{section.number} {section.heading}" if section.number else section.heading
        fields.append(Field(f"{section.id}.heading", heading, True))
        for para in section.paragraphs:
            paragraphs.extend(para.walk())
    return Unit(
        id=report.id,
        label=f"Report {report.id}",
        fields=tuple(fields),
        paragraphs=tuple(paragraphs),
        footnotes=report.footnotes,
    )


def units_of(document: Document) -> tuple[Unit, ...]:
    """The units of a parsed file in file order."""
    units = [_resolution_unit(r) for r in document.resolutions]
    if document.report is not None:
        units.append(_report_unit(document.report))
    return tuple(units)
