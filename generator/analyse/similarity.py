"""How alike two paragraphs are, on normalised words.

Normalising keeps only words made of letters, case-folded: numbers ("76/188", "2030"), footnote marks
(superscript digits, ``<sup>68</sup>``) and punctuation do not count, and neither does case. The score
is the share of words two texts have in common in the same order (``2 * kept / (len(a) + len(b))``),
so it is 1.0 exactly when the normalised word sequences are equal and 0.0 when they share none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from generator.analyse.lcs import lcs_similarity

_SUP_RE = re.compile(r"<sup>.*?</sup>", re.IGNORECASE | re.DOTALL)
_WORD_RE = re.compile(r"[^\W\d_]+")

STOPWORDS = frozenset(
    """a an and are as at be been by for from has have in into is it its of on or that the their
    them these they this those to was were which with within""".split()  # noqa: SIM905
)
"""Words too common to say anything about what a paragraph is about (used by the aligner)."""


def normalised_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` that count for similarity: letters only, case-folded, in order.

    Hyphenated compounds count as their parts ("drug-traffickers" = "drug traffickers").
    """
    text = _SUP_RE.sub(" ", text)
    text = unicodedata.normalize("NFKC", text)  # superscript digits become digits, which are dropped
    return tuple(w.casefold() for w in _WORD_RE.findall(text))


def word_similarity(left: Sequence[str], right: Sequence[str]) -> float:
    """The in-order overlap of two word sequences, in [0, 1] (``2 * LCS / (len(left) + len(right))``)."""
    return lcs_similarity(left, right)


def similarity(left: str, right: str) -> float:
    """How alike two texts are, in [0, 1]; numbers, footnote marks, punctuation and case do not count."""
    return word_similarity(normalised_words(left), normalised_words(right))
