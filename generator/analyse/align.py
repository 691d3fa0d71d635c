"""Pairing the paragraphs of two documents by content.

Each paragraph (its ``full_text``, sub-paragraphs included) becomes a vector of weighted word features:
the normalised content words and the pairs of neighbouring content words, weighted by tf-idf over the
paragraphs of both documents, so that the words every paragraph of a resolution uses ("illicit",
"trafficking") count little and distinctive ones ("judicial", "payment in kind") count much
(:mod:`generator.analyse.features`). Preamble and operative parts are searched together: a preambular
concern can become an operative request.

1. **One-to-one matching, surest pairs first.** The cosine of every left/right pair of vectors is computed
   at once; :func:`scipy.optimize.linear_sum_assignment` picks the one-to-one pairing with the highest
   total among candidate pairs. It runs in rounds, each on the paragraphs still unpaired: (a) pairs beyond
   doubt (:data:`STRONG_THRESHOLD`) anywhere; (b) pairs reaching :data:`MATCH_THRESHOLD` that stand
   between the same two kept pairs in both documents, i.e. in the same place; (c) pairs reaching
   :data:`MATCH_THRESHOLD` anywhere (moves); (d) pairs in the same place reaching the lower
   :data:`GAP_THRESHOLD`. After round (a), a pair that would have to have moved is re-paired with a
   paragraph in its own place scoring within :data:`MOVE_MARGIN`; in rounds (b) and (d) a pair in place
   is refused when either paragraph has a match elsewhere better by more than that margin. So a
   reworded clause that kept its place wins over a near-equal one that would have moved, and needs less
   evidence, but not against a clearly better match. A tiny bonus for the same relative position breaks ties
   between identical paragraphs, so a text aligned with itself pairs each paragraph with itself.
2. **Merges and splits.** A paragraph left over on one side, next to a paired paragraph of its own side,
   that carries a good part of its words into that pair's paragraph on the other side, and adds words
   to it that its neighbour lacks, joins the pair: two left paragraphs and one right is a merge, one
   left and two right a split.
3. **Moves.** The pairs are read in left order; the longest run whose right positions increase too is kept
   in place (:func:`longest_increasing_subsequence`) and every other pair is *moved*. So moves are the
   fewest paragraphs whose relocation explains the new order: inserting, deleting or renumbering
   paragraphs never makes a move, and swapping two neighbours moves one of them, not both.
   A shuffled copy of a resolution therefore comes back as all paragraphs paired, each either in place or
   moved, with exactly ``n - LIS`` of them moved; a reversed copy moves all but one.

Statuses, in order of precedence: ``merged`` / ``split`` (a group), ``moved``, ``unchanged`` (same text),
``changed`` (text differs; see ``similarity``). Paragraphs paired with nothing are ``only_left`` or
``only_right``.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]

from generator.analyse.features import FloatArray, content_words, pair_scores, weights
from generator.analyse.similarity import normalised_words, word_similarity
from generator.model import Paragraph

PairStatus = Literal["unchanged", "changed", "merged", "split", "moved"]

STRONG_THRESHOLD = 0.5
"""Feature cosine above which two paragraphs are counterparts beyond doubt: the first pairs made."""
MATCH_THRESHOLD = 0.15
"""Lowest feature cosine for two paragraphs to be counterparts wherever they stand."""
GAP_THRESHOLD = 0.075
"""Lowest feature cosine for two paragraphs left over between the same two kept pairs (same place in
both documents) to be counterparts."""
GROUP_CARRIED = 0.15
"""Share (by weight) of a left-over paragraph's words that must reappear in the paragraph it joins."""
GROUP_GAIN = 0.08
"""How much more of the joined paragraph (by weight of its words) the group must explain than its
partner alone does."""
MOVE_MARGIN = 0.1
"""How much better a match elsewhere must be to win over a partner in the same place."""
_POSITION_BONUS = 1e-6


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Paragraphs of the two documents that are counterparts, with how far they differ."""

    left: tuple[str, ...]
    """Left paragraph ids, in reading order (two or more for a merge)."""
    right: tuple[str, ...]
    """Right paragraph ids, in reading order (two or more for a split)."""
    status: PairStatus
    similarity: float
    """Word similarity of the joined left texts and the joined right texts, in [0, 1]."""
    moved: bool
    """True when the pair is out of the kept order, whatever its status."""
    score: float
    """The matching score (feature cosine) that paired the first members."""


@dataclass(frozen=True, slots=True)
class Alignment:
    """The pairing of two documents' paragraphs; pairs in the right document's reading order."""

    pairs: tuple[AlignedPair, ...]
    only_left: tuple[str, ...]
    only_right: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Group:
    left: list[int]
    right: list[int]
    score: float


def _side(sequences: list[list[str]]) -> _Side:
    return _Side(stems=[set(s) for s in sequences], sequences=sequences)


def _one_to_one(
    scores: FloatArray, rows: Sequence[int], cols: Sequence[int], threshold: float
) -> list[tuple[int, int]]:
    """The best one-to-one pairing of ``rows`` with ``cols`` among pairs scoring at least ``threshold``."""
    if not rows or not cols:
        return []
    n_left, n_right = scores.shape
    sub = scores[np.ix_(rows, cols)]
    rel_left = (np.asarray(rows) + 0.5) / n_left
    rel_right = (np.asarray(cols) + 0.5) / n_right
    closeness = 1.0 - np.abs(rel_left[:, None] - rel_right[None, :])
    gain = np.where(sub >= threshold, sub + _POSITION_BONUS * closeness, 0.0)
    found, chosen = linear_sum_assignment(gain, maximize=True)
    return sorted((rows[r], cols[c]) for r, c in zip(found, chosen, strict=True) if sub[r, c] >= threshold)


def _spare(pairs: Sequence[tuple[int, int]], scores: FloatArray) -> tuple[list[int], list[int]]:
    """The rows and columns of ``scores`` not in ``pairs``."""
    n_left, n_right = scores.shape
    left = {i for i, _ in pairs}
    right = {j for _, j in pairs}
    return [i for i in range(n_left) if i not in left], [j for j in range(n_right) if j not in right]


def _gaps(
    scores: FloatArray, pairs: Sequence[tuple[int, int]]
) -> list[tuple[tuple[int, int], list[int], list[int]]]:
    """Between consecutive kept pairs: (the pair closing the gap, spare rows, spare columns) in it."""
    ordered = sorted(pairs)
    weights = [float(scores[p]) for p in ordered]
    kept = [ordered[k] for k in longest_increasing_subsequence([j for _, j in ordered], weights)]
    n_left, n_right = scores.shape
    spare_left, spare_right = (set(side) for side in _spare(ordered, scores))
    bounds = [(-1, -1), *kept, (n_left, n_right)]
    return [
        (
            (l1, r1),
            [i for i in range(l0 + 1, l1) if i in spare_left],
            [j for j in range(r0 + 1, r1) if j in spare_right],
        )
        for (l0, r0), (l1, r1) in itertools.pairwise(bounds)
    ]


def _fill_gaps(scores: FloatArray, pairs: list[tuple[int, int]], threshold: float) -> list[tuple[int, int]]:
    """Pair spare paragraphs that stand between the same two kept pairs on both sides.

    A pair is only made if neither paragraph has a spare partner elsewhere that is better by more than
    :data:`MOVE_MARGIN`: being in place decides between near-equals, not against a clearly better match.
    """
    spare_left, spare_right = _spare(pairs, scores)
    found: list[tuple[int, int]] = []
    for _, rows, cols in _gaps(scores, pairs):
        for i, j in _one_to_one(scores, rows, cols, threshold):
            best_elsewhere = max(
                [scores[i, c] for c in spare_right if c != j] + [scores[r, j] for r in spare_left if r != i],
                default=0.0,
            )
            if scores[i, j] >= best_elsewhere - MOVE_MARGIN:
                found.append((i, j))
    return found


def _prefer_in_place(scores: FloatArray, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Re-pair each left paragraph that would have moved with a spare right paragraph in its own place,
    if that one scores within :data:`MOVE_MARGIN` of its partner."""
    ordered = sorted(pairs)
    weights = [float(scores[p]) for p in ordered]
    kept = [ordered[k] for k in longest_increasing_subsequence([j for _, j in ordered], weights)]
    n_left, n_right = scores.shape
    bounds = [(-1, -1), *kept, (n_left, n_right)]
    taken = {j for _, j in ordered}
    out: list[tuple[int, int]] = []
    for i, j in ordered:
        if (i, j) in kept:
            out.append((i, j))
            continue
        k = next(n for n, (left, _) in enumerate(bounds) if left > i)
        low, high = bounds[k - 1][1], bounds[k][1]
        options = [c for c in range(low + 1, high) if c not in taken]
        best = max(options, key=lambda c: (scores[i, c], -c), default=None)
        if best is not None and scores[i, best] >= max(MATCH_THRESHOLD, scores[i, j] - MOVE_MARGIN):
            taken.discard(j)
            taken.add(best)
            out.append((i, best))
        else:
            out.append((i, j))
    return out


def _weight(feats: set[str], idf: dict[str, float]) -> float:
    return sum(idf[f] for f in feats)


def _coverage(target: set[str], sources: list[set[str]], idf: dict[str, float]) -> float:
    total = _weight(target, idf)
    if not total:
        return 0.0
    return _weight(target & set().union(*sources), idf) / total


@dataclass(frozen=True, slots=True)
class _Side:
    """What the merge and split search needs to know about the paragraphs of one document."""

    stems: list[set[str]]
    sequences: list[list[str]]
    """Stemmed content words in reading order."""


def _sequence_coverage(target: Sequence[str], source: Sequence[str]) -> float:
    """Share of ``target``'s words that ``source`` has in the same order."""
    if not target:
        return 0.0
    return word_similarity(target, source) * (len(target) + len(source)) / (2 * len(target))


def _join_leftovers(
    groups: list[_Group],
    spare: list[int],
    side: Literal["left", "right"],
    own: _Side,
    other: _Side,
    idf: dict[str, float],
) -> list[int]:
    """Add each spare paragraph of ``side`` to the group whose paragraph on the other side it completes.

    The spare paragraph must stand next to a member of the group in its own document, carry at least
    :data:`GROUP_CARRIED` of its words into the other paragraph, and make the group explain at least
    :data:`GROUP_GAIN` more of the other paragraph's words, and more of them in order, than before.
    Returns the spare paragraphs left over.
    """
    still_spare: list[int] = []
    for spare_index in spare:
        feats = own.stems[spare_index]
        best: tuple[float, int] | None = None
        for g, group in enumerate(groups):
            members = group.left if side == "left" else group.right
            others = group.right if side == "left" else group.left
            if len(others) != 1 or min(abs(spare_index - m) for m in members) != 1:
                continue
            target = other.stems[others[0]]
            if _coverage(feats, [target], idf) < GROUP_CARRIED:
                continue
            present = [own.stems[m] for m in members]
            gain = _coverage(target, [*present, feats], idf) - _coverage(target, present, idf)
            before = [w for m in members for w in own.sequences[m]]
            after = [w for m in sorted([*members, spare_index]) for w in own.sequences[m]]
            target_words = other.sequences[others[0]]
            in_order = _sequence_coverage(target_words, after) - _sequence_coverage(target_words, before)
            if gain >= GROUP_GAIN and in_order > 0 and (best is None or gain > best[0]):
                best = (gain, g)
        if best is None:
            still_spare.append(spare_index)
            continue
        group = groups[best[1]]
        members = group.left if side == "left" else group.right
        members.append(spare_index)
        members.sort()
    return still_spare


def longest_increasing_subsequence(
    sequence: Sequence[int], weights: Sequence[float] | None = None
) -> list[int]:
    """Indexes into ``sequence`` of a longest strictly increasing subsequence.

    Among several of the same length, the one with the highest total ``weight`` wins, then the one that
    ends earliest: the same input always gives the same answer.
    """
    weight = [float(w) for w in weights] if weights is not None else [0.0] * len(sequence)
    best: list[tuple[int, float]] = []
    previous: list[int] = []
    for i, value in enumerate(sequence):
        here, prev = (1, weight[i]), -1
        for j in range(i):
            candidate = (best[j][0] + 1, best[j][1] + weight[i])
            if sequence[j] < value and candidate > here:
                here, prev = candidate, j
        best.append(here)
        previous.append(prev)
    if not best:
        return []
    end = max(range(len(best)), key=lambda k: (best[k], -k))
    out: list[int] = []
    while end != -1:
        out.append(end)
        end = previous[end]
    return out[::-1]


def _status(group: _Group, same_text: bool, moved: bool) -> PairStatus:
    if len(group.left) > 1:
        return "merged"
    if len(group.right) > 1:
        return "split"
    if moved:
        return "moved"
    return "unchanged" if same_text else "changed"


def align_paragraphs(left: Sequence[Paragraph], right: Sequence[Paragraph]) -> Alignment:
    """Pair the paragraphs of ``left`` with their counterparts in ``right`` by content."""
    left_words = [normalised_words(p.full_text) for p in left]
    right_words = [normalised_words(p.full_text) for p in right]
    left_content = [content_words(w) for w in left_words]
    right_content = [content_words(w) for w in right_words]
    scores = pair_scores(left_words, right_words, left_content, right_content)

    matched = _prefer_in_place(
        scores, _one_to_one(scores, range(len(left)), range(len(right)), STRONG_THRESHOLD)
    )
    matched += _fill_gaps(scores, matched, MATCH_THRESHOLD)
    matched += _one_to_one(scores, *_spare(matched, scores), MATCH_THRESHOLD)
    matched += _fill_gaps(scores, matched, GAP_THRESHOLD)
    groups = [_Group([i], [j], float(scores[i, j])) for i, j in sorted(matched)]

    left_side = _side(left_content)
    right_side = _side(right_content)
    idf = weights([Counter(f) for f in (*left_side.stems, *right_side.stems)])
    paired_left = {i for g in groups for i in g.left}
    paired_right = {j for g in groups for j in g.right}
    spare_l = [i for i in range(len(left)) if i not in paired_left]
    spare_r = [j for j in range(len(right)) if j not in paired_right]
    spare_l = _join_leftovers(groups, spare_l, "left", left_side, right_side, idf)
    spare_r = _join_leftovers(groups, spare_r, "right", right_side, left_side, idf)

    kept = set(longest_increasing_subsequence([g.right[0] for g in groups], [g.score for g in groups]))
    pairs: list[tuple[int, AlignedPair]] = []
    for k, group in enumerate(groups):
        moved = k not in kept
        joined_left = [w for i in group.left for w in left_words[i]]
        joined_right = [w for j in group.right for w in right_words[j]]
        same = [left[i].full_text for i in group.left] == [right[j].full_text for j in group.right]
        pair = AlignedPair(
            left=tuple(left[i].id for i in group.left),
            right=tuple(right[j].id for j in group.right),
            status=_status(group, same, moved),
            similarity=1.0 if same else word_similarity(joined_left, joined_right),
            moved=moved,
            score=round(group.score, 6),
        )
        pairs.append((group.right[0], pair))
    pairs.sort(key=lambda item: item[0])
    return Alignment(
        pairs=tuple(p for _, p in pairs),
        only_left=tuple(left[i].id for i in spare_l),
        only_right=tuple(right[j].id for j in spare_r),
    )
