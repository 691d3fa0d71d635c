"""Similarity on normalised words: numbers, footnote marks, punctuation and case do not count."""

from __future__ import annotations

import pytest

from generator.analyse.similarity import normalised_words, similarity, word_similarity


def test_normalised_words_drop_numbers_marks_and_case() -> None:
    text = "Recalling resolution 76/188 of 16 December 2021,¹³ the <sup>68</sup> Drug-Traffickers"
    assert normalised_words(text) == (
        "recalling",
        "resolution",
        "of",
        "december",
        "the",
        "drug",
        "traffickers",
    )


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Recalling its resolution 51/11 of 2008,", "recalling its resolution 65/2 of 2022;"),
        ("of 1988,¹³ in the preamble", "of 1988,<sup>68</sup> in the preamble"),
        ("drug-traffickers", "drug traffickers"),
    ],
)
def test_texts_equal_once_normalised_score_one(left: str, right: str) -> None:
    assert similarity(left, right) == 1.0


def test_score_is_share_of_words_kept_in_order() -> None:
    # 3 of 4 words kept on each side: 2 * 3 / (4 + 4)
    assert similarity("Notes that training helps", "Underlines that training helps") == pytest.approx(0.75)


def test_unrelated_texts_score_zero() -> None:
    assert similarity("Welcomes the report", "Decides to remain seized") == 0.0


def test_empty_texts() -> None:
    assert similarity("", "") == 1.0
    assert similarity("12", "") == 1.0  # no words on either side
    assert similarity("words", "") == 0.0
    assert word_similarity((), ("a",)) == 0.0


def test_word_order_counts() -> None:
    assert similarity("a b c d", "d c b a") == pytest.approx(0.25)
