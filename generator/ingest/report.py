"""Reports: prose documents that are not resolutions (002): sections, paragraphs, list items, footnotes.

Grammar::

    report    := head-line? section*
    section   := heading (prose-paragraph | list-item)*
    heading   := roman-or-letter "." title   (level 1 for I, II, ...; level 2 for A, B, ...)
               | short line without final punctuation, followed by prose (level 3)
    list-item := "- " text

Paragraph ids are ``p1, p2, ...`` for prose and ``li1, li2, ...`` for list items, counted over the whole
report, so they stay stable when a heading is added or removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.ingest import grammar
from generator.ingest.assemble import Assembler
from generator.ingest.blocks import Block
from generator.ingest.catalog import CatalogReport
from generator.ingest.ids import file_slug
from generator.ingest.layout import NoteEntry
from generator.ingest.normalise import Line
from generator.ingest.structure import DraftParagraph
from generator.model import Paragraph, Report, ReportSection, SourceSpan

_NUMBERED_HEADING = re.compile(r"^(?P<number>[IVXL]+|[A-H])\.\s+(?P<title>\S.*)$")
_LIST_ITEM = re.compile(r"^[-–•]\s+(?P<text>\S.*)$")


@dataclass(slots=True)
class _Section:
    number: str | None
    heading: str
    level: int
    first_line: int
    items: list[tuple[str, DraftParagraph]] = field(default_factory=list)


def _split_lines(block: Block) -> list[tuple[str, list[Line]]]:
    """Split a block into (kind, lines) pieces: heading, list item or prose."""
    pieces: list[tuple[str, list[Line]]] = []
    lines = block.lines
    first = lines[0].text
    if _NUMBERED_HEADING.match(first):
        heading = [lines[0]]
        rest = lines[1:]
        while (
            rest
            and not _LIST_ITEM.match(rest[0].text)
            and not grammar.ends_clause(heading[-1].text)
            and len(rest[0].text) < 60
        ):
            heading.append(rest[0])
            rest = rest[1:]
        pieces.append(("heading", heading))
        lines = rest
    elif (
        len(lines) > 1 and len(first) < 70 and not grammar.ends_clause(first) and lines[1].text[:1].isupper()
    ):
        pieces.append(("subheading", [lines[0]]))
        lines = lines[1:]
    for line in lines:
        if _LIST_ITEM.match(line.text):
            pieces.append(("item", [line]))
        elif pieces and pieces[-1][0] in ("item", "prose"):
            pieces[-1][1].append(line)
        else:
            pieces.append(("prose", [line]))
    return pieces


def _raw(lines: list[Line]) -> str:
    return Block(lines).raw


def build_report(
    blocks: list[Block], notes: list[NoteEntry], assembler: Assembler, cat: CatalogReport | None
) -> Report:
    """Read a report's blocks into sections (see the module docstring)."""
    sections: list[_Section] = [_Section(None, "", 0, blocks[0].first_line if blocks else 1)]
    head_lines: list[str] = []
    for index, block in enumerate(blocks):
        for kind, lines in _split_lines(block):
            text = _raw(lines)
            if index == 0 and kind == "prose" and len(lines) == 1 and not grammar.ends_clause(text):
                head_lines.append(text)
                continue
            if kind in ("heading", "subheading"):
                match = _NUMBERED_HEADING.match(text)
                number: str | None = match.group("number") if match else None
                title = match.group("title") if match else text
                level = 3 if number is None else (2 if len(number) == 1 and number not in "IVX" else 1)
                sections.append(_Section(number, title, level, lines[0].number))
                continue
            items = sections[-1].items
            previous = _last_item(sections)
            if (
                previous is not None
                and not grammar.ends_clause(previous.raw)
                and (text[:1].islower() or kind == "prose")
                and kind != "item"
            ):
                previous.extend(Block(lines))
                continue
            body = _LIST_ITEM.match(text)
            draft = DraftParagraph(
                "report", None, body.group("text") if body else text, lines[0].number, lines[-1].number
            )
            items.append((kind, draft))
    built = _build_sections(sections, assembler)
    footnotes = tuple(assembler.footnote(n) for n in notes)
    last = max((n.source.last_line for n in footnotes), default=0)
    last = max([last, *(s.source.last_line for s in built)])
    title = cat.title if cat else (head_lines[0] if head_lines else "")
    return Report(
        id=cat.id if cat else f"report-{file_slug(assembler.path)}",
        title=title,
        body=cat.body if cat else "",
        body_name=cat.body_name if cat else (head_lines[0] if head_lines else ""),
        sections=built,
        footnotes=footnotes,
        source=SourceSpan(assembler.path, blocks[0].first_line if blocks else 1, last or 1),
        heading_lines=tuple(head_lines),
    )


def _last_item(sections: list[_Section]) -> DraftParagraph | None:
    for section in reversed(sections):
        if section.items:
            return section.items[-1][1]
        if section.heading:
            return None
    return None


def _build_sections(sections: list[_Section], assembler: Assembler) -> tuple[ReportSection, ...]:
    out: list[ReportSection] = []
    prose = items = 0
    for k, section in enumerate(s for s in sections if s.heading or s.items):
        paragraphs: list[Paragraph] = []
        for kind, draft in section.items:
            if kind == "item":
                items += 1
                pid = f"li{items}"
            else:
                prose += 1
                pid = f"p{prose}"
            paragraphs.append(assembler.paragraph(draft, pid, "report"))
        last = max((p.source.last_line for p in paragraphs), default=section.first_line)
        out.append(
            ReportSection(
                id=f"s{k + 1}",
                number=section.number,
                heading=assembler.inline.parse(section.heading).text,
                level=section.level,
                paragraphs=tuple(paragraphs),
                source=SourceSpan(assembler.path, section.first_line, last),
            )
        )
    return tuple(out)
