"""Invariants of word diffs: both texts come back, and no change starts or ends inside a word."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

try:
    from property.strategies import edited_pairs, messy_texts
except ImportError:  # tests/property/ is not a package
    from strategies import edited_pairs, messy_texts  # type: ignore[no-redef]

from generator.analyse.diff import DiffOp, new_text, old_text, tokenize, word_diff


def _boundaries(text: str) -> set[int]:
    out, pos = {0}, 0
    for token in tokenize(text):
        pos += len(token)
        out.add(pos)
    return out


def _op_edges(ops: tuple[DiffOp, ...], skip: str) -> set[int]:
    out, pos = {0}, 0
    for op in ops:
        if op.op != skip:
            pos += len(op.text)
            out.add(pos)
    return out


def _check(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new
    assert all(op.text for op in ops)
    assert all(a.op != b.op for a, b in itertools.pairwise(ops))
    assert _op_edges(ops, "insert") <= _boundaries(old)
    assert _op_edges(ops, "delete") <= _boundaries(new)


@settings(max_examples=300, deadline=None)
@given(edited_pairs())
def test_edited_clause_diffs_round_trip_on_word_boundaries(pair: tuple[str, str]) -> None:
    _check(*pair)


@settings(max_examples=300, deadline=None)
@given(messy_texts(), messy_texts())
def test_any_texts_diff_round_trip_on_word_boundaries(old: str, new: str) -> None:
    _check(old, new)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_a_text_against_itself_is_one_kept_span(text: str) -> None:
    assert word_diff(text, text) == ((DiffOp("equal", text),) if text else ())
