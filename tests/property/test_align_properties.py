"""Invariants of the alignment.

"All moved" for a shuffled copy: every paragraph is paired with its original and none is changed,
unpaired, merged or split; the pairs kept in place form a longest run in the same order on both sides,
and every other pair is moved. So exactly ``n - LIS(permutation)`` pairs are moved: the fewest moves
that explain the new order (a copy reversed moves all but one; a copy with one paragraph taken from the
end to the front moves that one only).
"""

from __future__ import annotations

import bisect
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

try:
    from property.strategies import OTHER_WORDS, clause_texts, distinct_clause_lists, paragraphs
except ImportError:  # tests/property/ is not a package
    from strategies import OTHER_WORDS, clause_texts, distinct_clause_lists, paragraphs  # type: ignore[no-redef]

from generator.analyse.align import Alignment, align_paragraphs


def _lis_length(sequence: list[int]) -> int:
    """Patience sorting: independent of the aligner's own implementation."""
    tails: list[int] = []
    for value in sequence:
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
        else:
            tails[k] = value
    return len(tails)


def _check_partition(alignment: Alignment, n_left: int, n_right: int) -> None:
    left = [i for p in alignment.pairs for i in p.left] + list(alignment.only_left)
    right = [i for p in alignment.pairs for i in p.right] + list(alignment.only_right)
    assert sorted(left) == sorted(f"op{n}" for n in range(1, n_left + 1))
    assert sorted(right) == sorted(f"op{n}" for n in range(1, n_right + 1))


@settings(max_examples=60, deadline=None)
@given(st.lists(clause_texts(), min_size=0, max_size=15))
def test_a_resolution_aligned_with_itself_is_all_unchanged(texts: list[str]) -> None:
    # Duplicated clauses are allowed here: each must still pair with itself.
    paras = paragraphs(texts)
    alignment = align_paragraphs(paras, paras)
    assert [(p.left, p.right, p.status, p.moved) for p in alignment.pairs] == [
        ((p.id,), (p.id,), "unchanged", False) for p in paras
    ]
    assert alignment.only_left == alignment.only_right == ()


@settings(max_examples=60, deadline=None)
@given(distinct_clause_lists(min_size=1, max_size=15), st.randoms(use_true_random=False))
def test_a_shuffled_copy_is_all_moved(texts: list[str], random: Random) -> None:
    order = list(range(len(texts)))
    random.shuffle(order)
    left = paragraphs(texts)
    right = paragraphs([texts[i] for i in order])  # renumbered in the new order
    alignment = align_paragraphs(left, right)

    new_position = {old: new for new, old in enumerate(order)}
    assert sorted((p.left, p.right) for p in alignment.pairs) == sorted(
        ((f"op{i + 1}",), (f"op{new_position[i] + 1}",)) for i in range(len(texts))
    )
    assert alignment.only_left == alignment.only_right == ()
    assert {p.status for p in alignment.pairs} <= {"unchanged", "moved"}
    assert all((p.status == "moved") == p.moved for p in alignment.pairs)
    moved = sum(p.moved for p in alignment.pairs)
    assert moved == len(texts) - _lis_length([new_position[i] for i in range(len(texts))])
    in_place = sorted((int(p.left[0][2:]), int(p.right[0][2:])) for p in alignment.pairs if not p.moved)
    assert [r for _, r in in_place] == sorted(r for _, r in in_place)


@settings(max_examples=60, deadline=None)
@given(
    distinct_clause_lists(min_size=0, max_size=15),
    clause_texts(words=OTHER_WORDS, min_words=3),
    st.data(),
)
def test_one_inserted_paragraph_is_the_only_change(texts: list[str], new: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(texts)))
    left = paragraphs(texts)
    right = paragraphs([*texts[:at], new, *texts[at:]])  # every later paragraph renumbered
    alignment = align_paragraphs(left, right)
    assert alignment.only_right == (f"op{at + 1}",)
    assert alignment.only_left == ()
    assert [(p.left, p.right, p.status, p.moved) for p in alignment.pairs] == [
        ((f"op{i + 1}",), (f"op{i + 1 + (i >= at)}",), "unchanged", False) for i in range(len(texts))
    ]


@settings(max_examples=60, deadline=None)
@given(st.lists(clause_texts(), max_size=10), st.lists(clause_texts(), max_size=10))
def test_every_paragraph_is_paired_or_listed_once(left_texts: list[str], right_texts: list[str]) -> None:
    alignment = align_paragraphs(paragraphs(left_texts), paragraphs(right_texts))
    _check_partition(alignment, len(left_texts), len(right_texts))
    for pair in alignment.pairs:
        assert 0.0 <= pair.similarity <= 1.0
        assert pair.status in {"unchanged", "changed", "moved", "merged", "split"}
        assert not (len(pair.left) > 1 and len(pair.right) > 1)
