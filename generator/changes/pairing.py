"""Pair the paragraphs of two versions of one document, and keep reading order in view.

A paragraph kept word for word is the same paragraph, whatever its number: those pair first, in
order. What is left goes to the comparison engine's aligner
(:func:`generator.analyse.align.align_paragraphs`), which pairs reworded paragraphs by content and
finds merges and splits. :func:`in_order` then keeps the pairs that hold their relative order (a
longest increasing subsequence, the engine's too); any other pair moved.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.analyse.align import align_paragraphs, longest_increasing_subsequence
from generator.model import Paragraph


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
    old: Sequence[Paragraph], old_index: list[int], new: Sequence[Paragraph], new_index: list[int]
) -> list[Pair]:
    """The aligner's pairs among the paragraphs left over. Each goes in as itself alone (its
    sub-paragraphs are compared on their own) under its index, so ids need not be unique."""
    left = [replace(old[i], id=str(i), subparagraphs=()) for i in old_index]
    right = [replace(new[j], id=str(j), subparagraphs=()) for j in new_index]
    alignment = align_paragraphs(left, right)
    return [
        Pair(tuple(int(i) for i in p.left), tuple(int(j) for j in p.right), p.similarity)
        for p in alignment.pairs
    ]


def pair_paragraphs(old: Sequence[Paragraph], new: Sequence[Paragraph]) -> list[Pair]:
    """Every paragraph of both sides in exactly one pair: paired, only old (removed) or only new (added)."""
    pairs = _identical(old, new)
    used_old = {i for p in pairs for i in p.old}
    used_new = {j for p in pairs for j in p.new}
    rest_old = [i for i in range(len(old)) if i not in used_old]
    rest_new = [j for j in range(len(new)) if j not in used_new]
    if rest_old and rest_new:
        pairs.extend(_by_content(old, rest_old, new, rest_new))
        used_old = {i for p in pairs for i in p.old}
        used_new = {j for p in pairs for j in p.new}
    pairs.extend(Pair((i,), ()) for i in range(len(old)) if i not in used_old)
    pairs.extend(Pair((), (j,)) for j in range(len(new)) if j not in used_new)
    return pairs


def in_order(pairs: Sequence[Pair]) -> set[Pair]:
    """The pairs (of both sides) of a longest chain increasing on both sides: those did not move.

    A paragraph moved down past ten others is then one move, not ten paragraphs moved up.
    """
    matched = sorted((p for p in pairs if p.old and p.new), key=lambda p: (p.old[0], p.new[0]))
    keep = longest_increasing_subsequence([p.new[0] for p in matched])
    return {matched[k] for k in keep}
