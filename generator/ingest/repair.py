"""Rejoining words that PDF extraction split ("traffickin g", "Natio ns", "t he").

A pair of adjacent letter runs is rejoined when the joined word is printed elsewhere in the same
document (or in the corpus it is read with), at least one of the two pieces is not, and the two are not
both English words: "Natio" + "ns" -> "Nations" (printed elsewhere;
"Natio" is not a word of the document), while "in to" stays, since "in" and "to" are both words.
Every rejoining is reported as a :class:`~generator.model.Repair` with its line, so nothing is
altered silently.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from generator.ingest.hyphens import Vocabulary, is_english_word
from generator.model import Repair

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
"""A word, or a hyphenated compound as one word ("Secretary-Gen eral" is "Secretary-General" split)."""


@dataclass(slots=True)
class SplitWordRepairer:
    """Knows a document's vocabulary and rejoins split words in its paragraphs."""

    vocabulary: Counter[str]
    corpus: Vocabulary = field(default_factory=Vocabulary)
    """The words of the corpus the document is read with: a joined word the document never prints
    whole may be printed by the others ("Secretary-Gen eral")."""
    repairs: list[Repair] = field(default_factory=list)
    rare: frozenset[str] = frozenset()
    """Words printed at most twice that are no English words: a split word always has such a piece ("Natio",
    "traffickin", "t"), so only pairs with one are tried."""

    def __post_init__(self) -> None:
        self.rare = frozenset(
            word for word, count in self.vocabulary.items() if count <= 2 and not _is_word(word)
        )

    @classmethod
    def for_text(cls, texts: list[str], corpus: Vocabulary | None = None) -> SplitWordRepairer:
        counter: Counter[str] = Counter()
        for text in texts:
            counter.update(_TOKEN.findall(text))
        return cls(counter, corpus or Vocabulary())

    def _printed(self, word: str) -> bool:
        low = word.lower()
        return bool(self.vocabulary[word] or self.corpus.words[low] or self.corpus.compounds[low])

    def _known(self, word: str, own: int) -> bool:
        """Is ``word`` printed in the document beyond the ``own`` times this candidate accounts for?"""
        return self.vocabulary[word] > own

    def _should_join(self, left: str, right: str) -> bool:
        joined = left + right
        if len(joined) < 3 or not self._printed(joined):
            return False
        if right[0].isupper() and not right.isupper():
            return False
        own_left = 2 if left == right else 1
        if self._known(left, own_left) and self._known(right, own_left):
            return False
        return not (_is_word(left) and _is_word(right))  # "possess or" is two words, not "possessor"

    def repair(self, raw: str, lines: list[tuple[int, str]]) -> str:
        """Rejoin split words in ``raw``; ``lines`` are the (number, text) lines the text came from."""
        tokens = list(_TOKEN.finditer(raw))
        out: list[str] = []
        position = 0
        k = 0
        while k < len(tokens):
            left = tokens[k]
            right = tokens[k + 1] if k + 1 < len(tokens) else None
            if (
                right is not None
                and (left.group(0) in self.rare or right.group(0) in self.rare)
                and raw[left.end() : right.start()] == " "
                and _stands_alone(raw, left.start(), right.end())
                and self._should_join(left.group(0), right.group(0))
            ):
                before = raw[left.start() : right.end()]
                after = left.group(0) + right.group(0)
                line = next((n for n, text in lines if before in text), lines[0][0] if lines else 0)
                self.repairs.append(Repair(line, before, after, _REASON))
                out.append(raw[position : left.start()])
                out.append(after)
                position = right.end()
                k += 2
                continue
            k += 1
        out.append(raw[position:])
        return "".join(out)


_REASON = "word split by PDF extraction rejoined (the joined word is printed elsewhere in the document)"


def _is_word(piece: str) -> bool:
    """An English word in its own right (a single letter other than "a" and "I" is a fragment)."""
    if len(piece) == 1:
        return piece in "aAI"
    return "-" not in piece and is_english_word(piece)


def _stands_alone(raw: str, start: int, end: int) -> bool:
    """Not part of a hyphenated or slashed compound, a symbol or a number."""
    before = raw[start - 1] if start > 0 else " "
    after = raw[end] if end < len(raw) else " "
    return before not in "/'’" and not before.isdigit() and after not in "-/'’" and not after.isdigit()
