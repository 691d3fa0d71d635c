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
from generator.ingest.hyphens import HYPHEN_JOIN
from generator.ingest.normalise import Line


@dataclass(slots=True)
class Block:
    lines: list[Line]
    heading: bool = False
    """A heading of the operative part ("Arms Embargo and Inspections", "I" / "Achieving sustainable
    fisheries"): short lines with no clause punctuation between a clause's end and a numbered paragraph."""

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        return self.lines[-1].number

    joined: str | None = None
    """The lines joined once (:attr:`raw`); a block's lines do not change after it is made."""

    @property
    def raw(self) -> str:
        """The block's lines joined with :func:`join_lines`, in time linear in their length."""
        if self.joined is None:
            self.joined = join_all([line.text for line in self.lines])
        return self.joined


_SUSPENDED_HYPHEN_NEXT = ("and ", "or ", "nor ", "to ", "as ", "but ")


def join_lines(before: str, after: str) -> str:
    """Join two lines of one paragraph with a space, or without one after a hyphen that breaks a
    compound (``sub-`` + ``regional``); a suspended hyphen (``intelligence-`` + ``and analysis-sharing``)
    keeps its space."""
    if not before:
        return after
    if before.endswith(HYPHEN_JOIN):
        return before[:-1] + after
    if before.endswith("-") and not before.endswith(" -") and not after.startswith(_SUSPENDED_HYPHEN_NEXT):
        return before + after
    return f"{before} {after}"


def join_all(texts: list[str]) -> str:
    """``texts`` joined two by two with :func:`join_lines`, in time linear in their length."""
    pieces: list[str] = []
    length = 0
    for text in texts:
        if length == 0:
            piece = text
        else:
            tail = _tail(pieces)
            if tail.endswith(HYPHEN_JOIN):
                pieces[-1] = pieces[-1][:-1]
                if not pieces[-1]:
                    pieces.pop()
                length -= 1
                piece = text
            elif (
                tail.endswith("-") and not tail.endswith(" -") and not text.startswith(_SUSPENDED_HYPHEN_NEXT)
            ):
                piece = text
            else:
                piece = " " + text
        if piece:
            pieces.append(piece)
            length += len(piece)
    return "".join(pieces)


def _tail(pieces: list[str]) -> str:
    """The last two characters of the pieces joined."""
    out = ""
    for piece in reversed(pieces):
        out = piece + out
        if len(out) >= 2:
            break
    return out[-2:]


_ABBREVIATION_END = re.compile(r"\b(?:para|paras|No|Nos|vol|vols|chap|sect|Corr|art|p|pp|Add|Rev)\.$")


def _ends_for_new_item(previous: str) -> bool:
    """Could a numbered paragraph or a sub-paragraph start after this line?"""
    text = grammar.without_trailing_marks(previous.rstrip("*"))
    if _ABBREVIATION_END.search(text):
        return False
    return (
        grammar.ends_clause(text)
        or text.endswith((" and", " or"))
        or bool(grammar.OPERATIVE_NUMBER.match(text))
    )


def _starts_new(line: Line, current: list[Line]) -> bool:
    text = line.text
    previous = current[-1]
    if grammar.ANNEX_LINE.match(text) or grammar.ANNEX_LINE.match(previous.text):
        return True

    if (
        grammar.OPERATIVE_NUMBER.match(text)
        or grammar.SCANNED_NUMBER_START.match(text)
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
    ending = grammar.without_trailing_marks(previous.text.rstrip("*"))
    if grammar.opens_operative_paragraph(text) and ending.endswith((",", ";", ".", ":")):
        return True  # "... American Republics, 14" / "Takes note of that report ..."
    if not grammar.opens_preambular_paragraph(text):
        return False
    if ending.endswith((",", ";")):
        return True
    return lost_its_comma(ending, text)


_FUNCTION_WORDS = frozenset(
    [
        "of",
        "the",
        "and",
        "a",
        "an",
        "to",
        "on",
        "in",
        "for",
        "by",
        "with",
        "from",
        "or",
        "at",
        "as",
        "its",
        "their",
        "his",
        "her",
    ]
)


def lost_its_comma(ending: str, text: str) -> bool:
    """A preambular lead and a lower-case word after a full line that ends with neither punctuation nor a
    function word: the paragraph before lost its comma ("... fishing licences" / "Remaining concerned
    that"); "... the Memorandum of" / "Understanding between" goes on."""
    words = text.split()
    last = ending.rsplit(maxsplit=1)[-1] if ending.strip() else ""
    return (
        len(ending) >= 40
        and len(words) > 1
        and words[1][:1].islower()
        and last.isalpha()
        and last.lower() not in _FUNCTION_WORDS
    )


_MAX_HEADING_LINES = 6
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXL]+|[A-Z])\.?$")


_LABELLED_HEADING = re.compile(
    r"^(?:Article|ARTICLE|Part|PART|Chapter|CHAPTER|Section|SECTION|Rule|RULE)\s+(?:\d+[A-Z]?|[IVXLC]+)\.?$"
)
"""A legal text's own heading, alone on its line: "Article 3", "Rule 41", "Part III"."""


def _labelled_heading_length(texts: list[str]) -> int:
    """ "Article 3" / "Scope of application": the label and, when there is one, a short title line."""
    if not texts or not _LABELLED_HEADING.match(texts[0]):
        return 0
    if len(texts) >= 3:
        title, after = texts[1], texts[2]
        short = len(title) < 70 and not grammar.ends_clause(title) and title[:1].isupper()
        if (
            short
            and not grammar.OPERATIVE_NUMBER.match(title)
            and (after[:1].isupper() or after[:1].isdigit())
        ):
            return 2
    return 1


def _heading_length(texts: list[str], after_clause: bool) -> int:
    """How many of ``texts`` (the next non-blank lines) form a heading of the operative part, or 0.

    A heading stands after a clause's end, runs over a few short lines none of which ends a clause, and
    is followed by a numbered paragraph; its first line is not a paragraph's lead ("Acting under Chapter
    VII of the Charter" without its comma is the last preambular paragraph, not a heading).
    """
    if not after_clause or not texts or not texts[0][:1].isupper():
        return 0
    first = texts[0]
    if not _ROMAN_OR_LETTER.match(first) and (
        grammar.opens_preambular_paragraph(first) or grammar.opens_operative_paragraph(first)
    ):
        return 0
    for n, text in enumerate(texts[:_MAX_HEADING_LINES]):
        if grammar.OPERATIVE_NUMBER.match(text):
            return n
        if len(text) > 90 or grammar.ends_clause(text) or grammar.SUBPARAGRAPH.match(text):
            return 0
    return 0


def _ends_clause_line(text: str) -> bool:
    return grammar.ends_clause(text.rstrip("*"))


def split_blocks(lines: list[Line], double_spaced: bool) -> list[Block]:
    """Group content lines into blocks (see the module docstring)."""
    blocks: list[Block] = []
    current: list[Line] = []
    texts = [line.text for line in lines]
    nonblank = [i for i, text in enumerate(texts) if text]
    position = {i: k for k, i in enumerate(nonblank)}
    skip_to = -1
    for index, line in enumerate(lines):
        if index < skip_to:
            continue
        is_break = line.spaces_only if double_spaced else line.blank
        if is_break or (double_spaced and line.blank):
            if is_break and current:
                blocks.append(Block(current))
                current = []
            continue
        after_clause = not current or _ends_clause_line(current[-1].text)
        k = position[index]
        following = [texts[i] for i in nonblank[k : k + _MAX_HEADING_LINES + 1]]
        size = _labelled_heading_length(following) or _heading_length(
            following, after_clause and bool(blocks or current)
        )
        if size:
            if current:
                blocks.append(Block(current))
                current = []
            heading_lines = [lines[i] for i in nonblank[k : k + size]]
            blocks.append(Block(heading_lines, heading=True))
            skip_to = nonblank[k + size]
            continue
        annex_title = bool(blocks) and grammar.ANNEX_LINE.match(blocks[-1].raw) is not None
        if current and annex_title and grammar.OPERATIVE_NUMBER.match(line.text):
            blocks.append(Block(current))  # an annex's title ends where its first paragraph starts
            current = []
        if current and _starts_new(line, current):
            blocks.append(Block(current))
            current = []
        current.append(line)
    if current:
        blocks.append(Block(current))
    return blocks
