"""Inline markup of a paragraph: emphasis and footnote marks, and nothing else.

Text is data, never markup: of Markdown, only ``*emphasis*`` / ``**strong**`` (and the ``_`` forms) are
understood, through markdown-it-py with every other rule switched off, so ``<script>``, links, backticks
or ``{{ }}`` stay the characters they are. Both kinds of emphasis are kept as emphasis spans, so no
markup is dropped unrecorded. Footnote marks arrive as the normaliser's mark tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from generator.ingest.hyphens import restore_hyphens
from generator.ingest.normalise import MARK_PATTERN
from generator.model import Emphasis

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class InlineText:
    text: str
    marks: tuple[tuple[str, int], ...]
    """(footnote number, offset in ``text``) for each mark."""
    emphasis: tuple[Emphasis, ...]


class InlineParser:
    """Parses emphasis with markdown-it-py restricted to the emphasis rule."""

    def __init__(self) -> None:
        self._md = MarkdownIt("zero").enable("emphasis")

    def parse(self, raw: str) -> InlineText:
        """Plain text with white space collapsed, the marks' offsets and the emphasis spans."""
        pieces: list[tuple[str, bool]] = []
        depth = 0
        for token in self._md.parseInline(restore_hyphens(raw))[0].children or []:
            if token.type in ("em_open", "strong_open"):
                depth += 1
            elif token.type in ("em_close", "strong_close"):
                depth -= 1
            elif token.type in ("text", "softbreak", "hardbreak"):
                pieces.append((token.content if token.type == "text" else " ", depth > 0))
        return _assemble(pieces)


def _assemble(pieces: list[tuple[str, bool]]) -> InlineText:
    text_parts: list[str] = []
    marks: list[tuple[str, int]] = []
    emphasis: list[Emphasis] = []
    length = 0
    pending_space = False
    for content, emphasised in pieces:
        start: int | None = None
        position = 0
        for match in MARK_PATTERN.finditer(content):
            chunk = content[position : match.start()]
            length, pending_space, start = _append(chunk, text_parts, length, pending_space, start)
            marks.append((match.group(1), length))
            position = match.end()
        length, pending_space, start = _append(content[position:], text_parts, length, pending_space, start)
        if emphasised and start is not None and length > start:
            if emphasis and emphasis[-1].end >= start - 1:
                emphasis[-1] = Emphasis(emphasis[-1].start, length)
            else:
                emphasis.append(Emphasis(start, length))
    return InlineText("".join(text_parts), tuple(marks), tuple(emphasis))


def _append(
    chunk: str, parts: list[str], length: int, pending_space: bool, start: int | None
) -> tuple[int, bool, int | None]:
    """Append ``chunk`` with white space collapsed; return the new length, pending space and span start."""
    if not chunk:
        return length, pending_space, start
    leading = chunk[0].isspace()
    words = _WHITESPACE.split(chunk.strip())
    trailing = chunk[-1].isspace()
    if words == [""]:
        return length, pending_space or leading or trailing, start
    if (pending_space or leading) and length:
        parts.append(" ")
        length += 1
    if start is None:
        start = length
    joined = " ".join(words)
    parts.append(joined)
    length += len(joined)
    return length, trailing, start
