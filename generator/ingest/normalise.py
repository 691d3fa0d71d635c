"""Normalising an input text into numbered lines. Runs first; every later rule relies on it.

After :func:`normalise`, these hold for every :class:`Line`:

* there is one line per input line, numbered from 1 as an editor numbers them (``\\r\\n`` and a lone
  ``\\r`` both end a line, so CRLF files keep their line numbers);
* ``text`` has no form feed: a form feed (pdftotext's page break) sets ``page_break`` on its line;
* ``text`` has no tab, no no-break space (U+00A0), narrow no-break space (U+202F) or figure space
  (U+2007): each is one ordinary space;
* ``text`` has no leading or trailing white space; a line that had only spaces in it is empty with
  ``spaces_only`` set (double-spaced PDF extractions use such lines as paragraph breaks);
* a footnote mark, printed as Unicode superscript digits (``1988,¹³``), as ``<sup>68</sup>`` or as a
  Markdown footnote reference (``Aspects[^6]``), is the single token ``MARK_OPEN + "68" + MARK_CLOSE``
  (a superscript after a unit of measure, ``m³``, is an exponent and stays as printed);
  ``<sup>`` around anything that is not a number (``10<sup>th</sup>``) is dropped and its text kept;
* ``MARK_OPEN`` and ``MARK_CLOSE`` occur only in mark tokens: the two private-use characters are the
  parser's own, so where a text holds them they are written as the marks ``⟨U+E000⟩`` and ``⟨U+E001⟩``
  (and the data checks report the line), never read as a footnote mark;
* in a text that prints its footnotes as ``1/ S/24476, annex.`` (the Council's documents of 1992-1994),
  those numbers and the marks ``1/`` in the text are mark tokens too;
* no other character is changed: words, punctuation and Markdown emphasis stay as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_MARKDOWN_NOTE_REF = re.compile(r"\[\^(\d+)\](?!:)")
_SUP_TAG = re.compile(r"<sup>\s*([^<]*?)\s*</sup>", re.IGNORECASE)
_SPACES = str.maketrans({"\t": " ", "\u00a0": " ", "\u202f": " ", "\u2007": " "})
MARK_PATTERN = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")
RESERVED = str.maketrans({MARK_OPEN: "⟨U+E000⟩", MARK_CLOSE: "⟨U+E001⟩"})
"""The mark tokens' characters where a text itself holds them: written as visible marks."""


@dataclass(frozen=True, slots=True)
class Line:
    """One normalised input line."""

    number: int
    text: str
    page_break: bool = False
    spaces_only: bool = False
    indent: int = 0
    """How many white-space characters the raw line started with."""

    @property
    def blank(self) -> bool:
        return not self.text


def mark(number: str) -> str:
    """The mark token for footnote ``number``."""
    return f"{MARK_OPEN}{number}{MARK_CLOSE}"


def _sup(match: re.Match[str]) -> str:
    inner = match.group(1)
    return mark(inner) if inner.isdigit() else inner


_UNIT_BEFORE = re.compile(r"(?:^|[\s\d])(?:m|cm|mm|km|dm|ft|in)$")
"""A superscript after a unit of measure (``0.100 m³``) is an exponent, not a footnote mark."""


def _superscript(match: re.Match[str]) -> str:
    if _UNIT_BEFORE.search(match.string[: match.start()]):
        return match.group(0)
    return mark(match.group(0).translate(_SUPERSCRIPT_DIGITS))


def normalise_line(raw: str) -> str:
    """Normalise the characters of one line (no line-ending handling)."""
    text = raw.translate(RESERVED).translate(_SPACES)
    text = _SUP_TAG.sub(_sup, text)
    text = _MARKDOWN_NOTE_REF.sub(lambda m: mark(m.group(1)), text)
    text = _SUPERSCRIPT_RUN.sub(_superscript, text)
    return text.strip()


def normalise(text: str) -> list[Line]:
    """Split a decoded text into normalised lines (see the module docstring for the guarantees)."""
    raw_lines = re.split(r"\r\n|\r|\n", text)
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    lines: list[Line] = []
    for number, raw in enumerate(raw_lines, start=1):
        page_break = "\f" in raw
        raw = raw.replace("\f", "")
        normalised = normalise_line(raw)
        lines.append(
            Line(
                number=number,
                text=normalised,
                page_break=page_break,
                spaces_only=not normalised and any(c in " \t\u00a0\u202f\u2007" for c in raw),
                indent=len(raw) - len(raw.lstrip(" \t\u00a0\u202f\u2007")),
            )
        )
    return _slash_marks(lines)


_SLASH_NOTE = re.compile(r"^(\d{1,2})/\s+(?=\S)")
_SLASH_MARK = re.compile(r"(?<=[^\W\d_]|[,;.:)”’])(\s?)(\d{1,2})/(?=\s|$|[,;.:)])")
_SLASH_MARK_AFTER_YEAR = re.compile(r"(?<=\b\d{4})(\s)(\d{1,2})/(?=\s|$|[,;.:)])")


def _slash_marks(lines: list[Line]) -> list[Line]:
    """The Security Council documents of 1992-1994 mark footnotes "... 1992 1/ and ..." and print them as
    "1/ S/24476, annex.": where a text prints such notes, both become mark tokens. A text with no such note
    line is left alone, so "1/2" and "S/24476" never are marks."""
    if not any(_SLASH_NOTE.match(line.text) for line in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        text = _SLASH_NOTE.sub(lambda m: mark(m.group(1)) + " ", line.text)
        text = _SLASH_MARK.sub(lambda m: m.group(1) + mark(m.group(2)), text)
        text = _SLASH_MARK_AFTER_YEAR.sub(lambda m: m.group(1) + mark(m.group(2)), text)
        out.append(line if text == line.text else replace(line, text=text))
    return out
