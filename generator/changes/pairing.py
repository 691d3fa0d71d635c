"""Pair the paragraphs of two versions of one document, and keep reading order in view.

A paragraph kept word for word is the same paragraph, whatever its number: those pair first, in
order. What is left goes to the comparison engine's aligner
(:func:`generator.analyse.align.align_paragraphs`), which pairs reworded paragraphs by content and
finds merges and splits; last, a paragraph that kept its id and most of its words pairs with
itself. :func:`in_order` then keeps the pairs that hold their relative order (a longest increasing
subsequence, the engine's too); any other pair moved.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.analyse.align import align_paragraphs, longest_increasing_subsequence
from generator.analyse.similarity import similarity
from generator.model import Paragraph

SAME_ID_SIMILARITY = 0.5
"""Word similarity above which an unpaired paragraph that kept its id counts as edited."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Indexes into the old and new paragraph lists: one each for a kept paragraph, two or more on one
    side for a merge or split, none on one side for an addition or removal."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float | None = None


def _identical(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> list[Pair]:
    waiting: dict[str, deque[int]] = defaultdict(deque)
    for i, para in enumerate(old):
        waiting[para.text].append(i)
    pairs: list[Pair] = []
    for j, para in enumerate(new):
        queue = waiting.get(para.text)
        if queue:
            pairs.append(Pair((queue.popleft(),), (j,), 1.0))
    return pairs


def _by_content(
    old: Sequence[Paragraph], rest_old: set[int], new: Sequence[Paragraph], rest_new: set[int]
) -> list[Pair]:
    """The aligner's pairs among the paragraphs left over.

    The aligner sees every paragraph (its word weights need the whole document) and its pairs are
    kept when all their members were left over. Each paragraph goes in as itself alone, its
    sub-paragraphs being compared on their own, and under its index, so ids need not be unique.
    """
    left = [replace(p, id=str(i), subparagraphs=()) for i, p in enumerate(old)]
    right = [replace(p, id=str(j), subparagraphs=()) for j, p in enumerate(new)]
    pairs: list[Pair] = []
    for aligned in align_paragraphs(left, right).pairs:
        members_old = tuple(int(i) for i in aligned.left)
        members_new = tuple(int(j) for j in aligned.right)
        if set(members_old) <= rest_old and set(members_new) <= rest_new:
            pairs.append(Pair(members_old, members_new, aligned.similarity))
    return pairs


def _same_id(
    old: Sequence[Paragraph], rest_old: set[int], new: Sequence[Paragraph], rest_new: set[int]
) -> list[Pair]:
    """A paragraph still unpaired that kept its id and most of its words was edited, not replaced:
    "(b) To trace firearms found at crime scenes" -> "(b) To trace seized firearms"."""
    by_id = {new[j].id: j for j in sorted(rest_new)}
    pairs: list[Pair] = []
    for i in sorted(rest_old):
        j = by_id.get(old[i].id)
        if j is not None and (score := similarity(old[i].text, new[j].text)) >= SAME_ID_SIMILARITY:
            pairs.append(Pair((i,), (j,), score))
    return pairs


def pair_paragraphs(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> list[Pair]:
    """Every paragraph of both sides in exactly one pair: paired, only old (removed) or only new (added)."""
    pairs = _identical(old, new)
    for step in (_by_content, _same_id):
        rest_old = set(range(len(old))) - {i for p in pairs for i in p.old}
        rest_new = set(range(len(new))) - {j for p in pairs for j in p.new}
        if rest_old and rest_new:
            pairs.extend(step(old, rest_old, new, rest_new))
    rest_old = set(range(len(old))) - {i for p in pairs for i in p.old}
    rest_new = set(range(len(new))) - {j for p in pairs for j in p.new}
    pairs.extend(Pair((i,), ()) for i in sorted(rest_old))
    pairs.extend(Pair((), (j,)) for j in sorted(rest_new))
    return pairs


def in_order(pairs: Sequence[Pair]) -> set[Pair]:
    """The pairs (of both sides) of a longest chain increasing on both sides: those did not move.

    A paragraph moved down past ten others is then one move, not ten paragraphs moved up.
    """
    matched = sorted((p for p in pairs if p.old and p.new), key=lambda p: (p.old[0], p.new[0]))
    keep = longest_increasing_subsequence([p.new[0] for p in matched])
    return {matched[k] for k in keep}
