"""Document ids are permalinks (``/resolutions/<id>/``, ``/reports/<id>/``): made of ``a-z``, ``0-9`` and
single hyphens, whatever the characters of the file name or heading they come from.

:func:`slug` turns any text into such a word: accents dropped (``répört`` -> ``report``), digits of
other scripts read as digits, every other run of characters one hyphen (``S_RES_538 (1983)`` ->
``s-res-538-1983``). A name with nothing left (``日本.txt``) gets a short hash of itself, so that it
is still stable and distinct. Two different names can give one id (``a_b`` and ``a-b``); the corpus
refuses that as two documents claiming one id (:class:`generator.model.Corpus`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePath

SAFE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
"""What a document id looks like: ``cnd-65-2``, ``report-002-d242e9daf6675937``."""

_NOT_ID = re.compile(r"[^a-z0-9]+")


def _ascii_char(char: str) -> str:
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    return unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")


def slug(text: str) -> str:
    """``text`` as id characters: lower-case ASCII letters and digits joined by single hyphens."""
    ascii_text = "".join(_ascii_char(c) for c in text).lower()
    cleaned = _NOT_ID.sub("-", ascii_text).strip("-")
    if cleaned:
        return cleaned
    return "u" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def file_slug(path: str) -> str:
    """The id part a file name gives: its name without the suffix, as :func:`slug` writes it."""
    return slug(PurePath(path).stem)
