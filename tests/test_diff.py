"""Word diffs: whole words only, both texts recoverable, read like an editor's track changes."""

from __future__ import annotations

import pytest

from generator.analyse.diff import DiffOp, concat_diffs, new_text, old_text, tokenize, word_diff


def test_changed_lead_verb_is_replaced_as_a_whole_word() -> None:
    ops = word_diff("Notes that training helps", "Underlines that training helps")
    assert ops == (
        DiffOp("delete", "Notes"),
        DiffOp("insert", "Underlines"),
        DiffOp("equal", " that training helps"),
    )


def test_inserted_word_inside_a_sentence() -> None:
    ops = word_diff(
        "to promote bilateral cooperation, including through programmes",
        "to promote bilateral cooperation, including, where useful, through programmes",
    )
    assert ops == (
        DiffOp("equal", "to promote bilateral cooperation, including"),
        DiffOp("insert", ", where useful,"),
        DiffOp("equal", " through programmes"),
    )


def test_words_sharing_letters_are_not_cut() -> None:
    # Character-level diffs would keep "ing" and "trafficking" fragments; word diffs replace whole words.
    ops = word_diff(
        "providing training in fighting trafficking", "providing training in combating trafficking"
    )
    assert DiffOp("delete", "fighting") in ops
    assert DiffOp("insert", "combating") in ops


def test_semantic_cleanup_merges_scattered_small_equalities() -> None:
    ops = word_diff("the cat sat on the mat", "a dog lay on a rug")
    # "on" alone is not worth keeping between two rewritten halves.
    assert [op.op for op in ops] in (["delete", "insert"], ["delete", "insert", "equal", "delete", "insert"])
    assert old_text(ops) == "the cat sat on the mat"
    assert new_text(ops) == "a dog lay on a rug"


def test_deletion_comes_before_insertion_in_each_change() -> None:
    ops = word_diff("alpha beta gamma", "alpha delta gamma")
    assert ops == (
        DiffOp("equal", "alpha "),
        DiffOp("delete", "beta"),
        DiffOp("insert", "delta"),
        DiffOp("equal", " gamma"),
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("", ""),
        ("", "Inserted paragraph."),
        ("Deleted paragraph.", ""),
        ("Same text.", "Same text."),
        ("Recalling its resolution 76/188,", "Recalling its resolution 77/238,"),
        ("text with private-use \ue000 character", "text with \ue000 private-use character"),
        ("two  spaces\nand a line", "two spaces and a line"),
    ],
)
def test_both_texts_come_back(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new
    assert all(op.text for op in ops)


def test_numbers_are_tokens_of_their_own() -> None:
    ops = word_diff("resolution 76/188 of 2021", "resolution 77/238 of 2022")
    assert DiffOp("delete", "76/188") in ops or DiffOp("delete", "76") in ops
    assert old_text(ops) == "resolution 76/188 of 2021"


def test_tokenize_covers_every_character() -> None:
    text = "Calls upon States, “as appropriate”, to act;\u00a0now — (a) 3D-printing."
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert "printing" in tokens and "3D" in tokens


def test_concat_diffs_joins_runs_of_the_same_kind() -> None:
    ops = concat_diffs(
        (DiffOp("delete", "Considering"), DiffOp("insert", "Noting")),
        (DiffOp("insert", " that"), DiffOp("equal", " the Programme")),
    )
    assert ops == (
        DiffOp("delete", "Considering"),
        DiffOp("insert", "Noting that"),
        DiffOp("equal", " the Programme"),
    )
