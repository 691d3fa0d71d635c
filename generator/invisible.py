"""Invisible characters in a text are shown, never applied.

A right-to-left override (U+202E) makes a page display the words after it reversed; a zero-width
space (U+200B), an isolate (U+2066-U+2069) or a soft hyphen (U+00AD) changes what a reader sees, or
what a search finds, without being seen; a control character (U+001B) can drive a terminal. The model
keeps such characters as they are (text is data), and everything that shows text to a person — the
site's pages, the pull-request comment, the terminal output of ``compare``, ``find`` and ``changes``
— writes each of them as a visible mark, ``⟨U+202E⟩``. The data checks report every line holding one
(:func:`generator.link.checks.check_invisible`). JSON keeps the characters themselves.

Invisible means: Unicode category ``Cf`` (format), and ``Cc`` (control) other than tab, line feed,
carriage return and form feed, which the parser handles as white space.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

MARK = "⟨U+{:04X}⟩"
"""How an invisible character is shown."""

_WHITE_CONTROLS = frozenset("\t\n\r\f")
_CANDIDATE = re.compile(r"[^\t\n\r\f\x20-\x7e]")
"""Characters that may be invisible: anything but printable ASCII and the white-space controls."""
_CONTROL_NAMES = {0x1B: "ESCAPE", 0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x7F: "DELETE"}


@cache
def is_invisible(char: str) -> bool:
    category = unicodedata.category(char)
    return category == "Cf" or (category == "Cc" and char not in _WHITE_CONTROLS)


def _shown(match: re.Match[str]) -> str:
    char = match.group(0)
    return MARK.format(ord(char)) if is_invisible(char) else char


def show_invisible(text: str) -> str:
    """``text`` with every invisible character written as its visible mark (``⟨U+202E⟩``)."""
    return _CANDIDATE.sub(_shown, text)


def invisible_characters(text: str) -> list[str]:
    """The invisible characters of ``text``, each once, in order of first appearance."""
    found = dict.fromkeys(m.group(0) for m in _CANDIDATE.finditer(text) if is_invisible(m.group(0)))
    return list(found)


def describe(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "CONTROL CHARACTER")
    return f"U+{ord(char):04X} {name}"
