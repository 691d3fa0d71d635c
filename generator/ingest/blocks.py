"""Blocks: the content lines grouped into the pieces a reader sees as one paragraph or heading.

A block ends at a paragraph break (a blank line; in double-spaced PDF text, a line of spaces) and
before any line that can only start something new: a numbered paragraph, a sub-paragraph, a body line,
a resolution heading, an adoption line, or a preambular lead after a line that ended a clause. That
last rule is what splits pdftotext output, which has no blank lines between paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest import grammar
from generator.ingest.normalise import Line


@dataclass(slots=True)
class Block:
    lines: list[Line]

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        return self.lines[-1].number

    @property
    def raw(self) -> str:
        """The block's lines joined with :func:`join_lines`."""
        out = ""
        for line in self.lines:
            out = join_lines(out, line.text)
        return out


_SUSPENDED_HYPHEN_NEXT = ("and ", "or ", "nor ", "to ", "as ", "but ")


def join_lines(before: str, after: str) -> str:
    """Join two lines of one paragraph with a space, or without one after a hyphen that breaks a
    compound (``sub-`` + ``regional``); a suspended hyphen (``intelligence-`` + ``and analysis-sharing``)
    keeps its space."""
    if not before:
        return after
    if before.endswith("-") and not before.endswith(" -") and not after.startswith(_SUSPENDED_HYPHEN_NEXT):
        return before + after
    return f"{before} {after}"


_TRAILING_MARK = re.compile(r"(?<=[,;])\s?\d{1,3}$")
"""A bare footnote mark at the end of a line (``the Meeting,3``) does not hide the comma before it."""


_ABBREVIATION_END = re.compile(r"\b(?:para|paras|No|Nos|vol|vols|chap|sect|Corr|art|p|pp|Add|Rev)\.$")


def _ends_for_new_item(previous: str) -> bool:
    """Could a numbered paragraph or a sub-paragraph start after this line?"""
    text = _TRAILING_MARK.sub("", previous.rstrip("*"))
    if _ABBREVIATION_END.search(text):
        return False
    return (
        grammar.ends_clause(text)
        or text.endswith((" and", " or"))
        or bool(grammar.OPERATIVE_NUMBER.match(text))
    )


def _starts_new(line: Line, previous: Line) -> bool:
    text = line.text
    if (
        grammar.OPERATIVE_NUMBER.match(text)
        or grammar.SUBPARAGRAPH.match(text)
        or grammar.DASH_ITEM.match(text)
    ):
        return _ends_for_new_item(previous.text) or grammar.SECTION_LETTER.match(previous.text) is not None
    if grammar.BODY_LINE.match(text) or grammar.match_heading(text) or grammar.ADOPTION_START.match(text):
        return True
    if grammar.SECTION_LETTER.match(text) or grammar.SECTION_LETTER.match(previous.text):
        return True
    if grammar.match_heading(previous.text) and not grammar.GA_HEADING.match(previous.text.strip("*# ")):
        return True
    if grammar.DATE_LINE.match(previous.text):
        return True
    body = grammar.BODY_LINE.match(previous.text)
    if body and grammar.body_code(body.group("name")):
        return True  # "The Security Council" / "Finds that ..." with no comma after the body's name
    if grammar.OPERATIVE_NUMBER.match(previous.text) and previous.text.endswith("."):
        return False
    ending = _TRAILING_MARK.sub("", previous.text.rstrip("*"))
    return grammar.opens_preambular_paragraph(text) and ending.endswith((",", ";"))


def split_blocks(lines: list[Line], double_spaced: bool) -> list[Block]:
    """Group content lines into blocks (see the module docstring)."""
    blocks: list[Block] = []
    current: list[Line] = []
    for line in lines:
        is_break = line.spaces_only if double_spaced else line.blank
        if is_break or (double_spaced and line.blank):
            if is_break and current:
                blocks.append(Block(current))
                current = []
            continue
        if current and _starts_new(line, current[-1]):
            blocks.append(Block(current))
            current = []
        current.append(line)
    if current:
        blocks.append(Block(current))
    return blocks
