"""Text is data, never markup: the one place where corpus text becomes page source.

A generated page is Markdown that Python-Markdown (with pymdown-extensions) turns into HTML, inside
a Material theme that does not escape what it is given. A text brought by a pull request can hold
``<script>``, ``<img onerror=...>``, ``javascript:`` links, Jinja ``{{ }}`` or Markdown syntax; every
one of them must reach the reader as the characters it is. :func:`escape_text` guarantees that by
writing every ASCII punctuation character as a numeric character reference (``&#60;`` for ``<``,
``&#42;`` for ``*``): the browser shows the same characters, while neither Markdown, nor a
pymdown-extension, nor HTML sees a single special character in the text. Letters, digits, spaces and
non-ASCII characters (curly quotes, dashes, accented letters) are left as they are, so search indexes
and page sources stay readable; invisible ones are shown as marks (``⟨U+202E⟩``).

Only the generator's own markup is ever written unescaped, and it is built here from typed values:
identifiers checked against :data:`ID_PATTERN` and link targets checked by :func:`safe_href`.
"""

from __future__ import annotations

import re
import string

from markupsafe import Markup

from generator.invisible import show_invisible

ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
"""What an HTML id or CSS class written by the generator may look like (``op18-a``, ``fn13``)."""

_SAFE_HREF = re.compile(r"^(?:https?://[^\s<>\"'`]+|[A-Za-z0-9_./#-]*)$")
_ESCAPES = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
_ESCAPES.update({ord("\n"): " ", ord("\r"): " ", ord("\t"): " "})


def escape_text(text: str) -> Markup:
    """Corpus text as page source that every layer shows verbatim and none interprets.

    White space characters that would end a Markdown block (line breaks, tabs) become spaces: the
    model's texts have their white space collapsed already, so this never changes a word. Invisible
    characters (a right-to-left override, a zero-width space) are shown as marks, ``⟨U+202E⟩``, and
    never applied (:mod:`generator.invisible`).
    """
    return Markup(show_invisible(text).translate(_ESCAPES))


def safe_id(value: str) -> Markup:
    """An HTML id or class written into markup; anything else is a programming error."""
    if not ID_PATTERN.match(value):
        raise ValueError(f"not a safe identifier for a page: {value!r}")
    return Markup(value)


def safe_href(value: str) -> Markup:
    """A link target written into a Markdown link: a relative page path or an http(s) URL.

    ``javascript:`` and every other scheme are refused, as are characters that could end the link.
    Characters Markdown treats specially inside a URL (parentheses, spaces) are percent-encoded.
    """
    encoded = value.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    if not _SAFE_HREF.match(encoded):
        raise ValueError(f"not a safe link target: {value!r}")
    return Markup(encoded)


def escape_value(value: object) -> Markup:
    """Jinja's ``finalize``: every ``{{ value }}`` of a template is escaped unless it is markup.

    ``None`` prints as nothing; numbers and other values are escaped through their ``str``.
    """
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    return escape_text(str(value))
