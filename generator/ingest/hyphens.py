"""Line-end hyphens: a word the printer broke across two lines is rejoined, a compound keeps its hyphen.

Narrow columns break words at a line end with a hyphen ("thresh-" / "old", "Commis-" / "sions"), and they
also break compounds at their own hyphen ("co-" / "operation", "ex-" / "combatants", "non-" / "alignment").
The text itself decides first: a form printed whole inside a line ("threshold", or "co-operation") is the
form of the broken one. When the text does not print it, UN editorial practice decides: the hyphen stays
after the prefixes it always takes (non-, ex-, self-, quasi-, cross-, half-, all-), between a prefix's
vowel and the same vowel (co-operation, re-emphasize, de-escalation), and before a capital or a digit.
Then the corpus the text is read with (every file of a build: "cease-fire" in the Security Council's
texts of its time), and last the joined word is taken when it is an English word (``wordfreq``).

A line whose hyphen goes ends with :data:`HYPHEN_JOIN` instead, which :func:`~generator.ingest.blocks.
join_lines` joins without a space; each removal is reported as a :class:`~generator.model.Repair`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from generator.model import Repair

HYPHEN_JOIN = "\ue002"
"""Ends a line whose line-end hyphen was removed: the next line continues the word without a space."""

_ENGLISH_WORD = 2.5
"""Zipf frequency (occurrences per billion words, log10) from which a joined form counts as a word."""
_PREFIXES_WITH_HYPHEN = frozenset({"non", "ex", "self", "quasi", "cross", "half", "all"})
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BROKEN = re.compile(r"(?P<left>[^\W\d_]+)-$")
_CONTINUED = re.compile(r"^(?P<right>[^\W\d_]+)(?P<after>-?)")
_REASON = "line-end hyphen removed: the word was broken across two lines"


@cache
def _english_frequencies() -> dict[str, float]:
    """wordfreq's English word list (loaded once, on first use: most texts never need it)."""
    from wordfreq import get_frequency_dict

    return dict(get_frequency_dict("en", wordlist="best"))


@cache
def _zipf(word: str) -> float:
    """The word's Zipf frequency (log10 of occurrences per billion words), as ``wordfreq.zipf_frequency``
    gives it for a single lower-case word, looked up in the list directly."""
    frequency = _english_frequencies().get(word, 0.0)
    return math.log10(frequency) + 9 if frequency > 0 else 0.0


def is_english_word(word: str) -> bool:
    """Is ``word`` a word of written English (by its frequency)?"""
    return _zipf(word.lower()) >= _ENGLISH_WORD


def restore_hyphens(text: str) -> str:
    """A text that kept a join mark (nothing followed the broken line) keeps its hyphen as printed."""
    return text.replace(HYPHEN_JOIN, "-")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words and the hyphenated compounds that texts print inside their lines, lower-cased."""

    words: Counter[str] = field(default_factory=Counter)
    compounds: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of_lines(cls, texts: list[str]) -> Vocabulary:
        # the words broken at a line end are no evidence: the line's last word goes
        joined = "\n".join(
            t.rsplit(maxsplit=1)[0]
            if t.rstrip().endswith("-") and " " in t.strip()
            else ("" if t.rstrip().endswith("-") else t)
            for t in texts
        )
        tokens = Counter(token.lower() for token in _WORD.findall(joined))
        vocabulary = cls()
        for token, count in tokens.items():
            (vocabulary.compounds if "-" in token else vocabulary.words)[token] = count
        return vocabulary

    @classmethod
    def of_texts(cls, texts: list[str]) -> Vocabulary:
        """The vocabulary of whole texts (a corpus), line by line."""
        return cls.of_lines([line.strip() for text in texts for line in text.splitlines()])

    def evidence(self, left: str, right: str) -> bool | None:
        """Keep the hyphen (True), remove it (False), or no evidence (None)."""
        compound, whole = self.compounds[f"{left}-{right}"], self.words[left + right]
        if compound or whole:
            return compound >= whole
        return None


@dataclass(slots=True)
class LineEndHyphens:
    """Decides the hyphen at each line end of one text: from the words the text itself prints inside its
    lines, then by the rules of the module docstring, then from the words of the corpus it belongs to."""

    document: Vocabulary
    corpus: Vocabulary = field(default_factory=Vocabulary)
    repairs: list[Repair] = field(default_factory=list)

    @classmethod
    def for_text(cls, texts: list[str], corpus: Vocabulary | None = None) -> LineEndHyphens:
        return cls(Vocabulary.of_lines(texts), corpus or Vocabulary())

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Does "left-" at a line end followed by "right" keep its hyphen?"""
        if not right[:1].islower():
            return True
        low_left, low_right = left.lower(), right.lower()
        printed = self.document.evidence(low_left, low_right)
        if printed is not None:
            return printed
        if low_left in _PREFIXES_WITH_HYPHEN:
            return True
        if low_left[-1] in "aeiou" and low_left[-1] == low_right[0]:
            return True
        in_corpus = self.corpus.evidence(low_left, low_right)
        if in_corpus is not None:
            return in_corpus
        return not is_english_word(low_left + low_right)

    def decide(self, lines: list[tuple[int, str]]) -> list[str]:
        """The texts of ``lines`` (number, text), in order, with each removable line-end hyphen replaced
        by :data:`HYPHEN_JOIN`; a blank line between the two halves (a page break) is looked across."""
        texts = [text for _, text in lines]
        following = [-1] * len(lines)
        nxt = -1
        for k in range(len(lines) - 1, -1, -1):
            following[k] = nxt
            if texts[k]:
                nxt = k
        for k, (number, text) in enumerate(lines):
            broken = _BROKEN.search(text)
            if broken is None or following[k] < 0:
                continue
            continued = _CONTINUED.match(texts[following[k]])
            if continued is None:
                continue
            left, right = broken.group("left"), continued.group("right")
            if self.keeps_hyphen(left, right):
                continue
            texts[k] = text[:-1] + HYPHEN_JOIN
            before = f"{left}-{right}"
            self.repairs.append(Repair(number, before, left + right, _REASON))
        return texts
