"""Invariants of the version comparison, on generated resolutions: a text compared with itself has no
change; inserting paragraphs and renumbering the later ones gives exactly those additions; one edited
paragraph gives one change, whose diff gives back both texts."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.changes.compare import compare_paragraphs
from generator.changes.markdown import escape
from generator.invisible import show_invisible
from generator.model import Paragraph, SourceSpan

WORDS = st.sampled_from(
    """firearms trafficking drugs cooperation border information training States Member Office report
    measures illicit criminal law enforcement judicial exchange tracing marking seizures""".split()  # noqa: SIM905
)
SENTENCE = st.lists(WORDS, min_size=4, max_size=14).map(lambda words: " ".join(words).capitalize() + ";")
TEXTS = st.lists(SENTENCE, min_size=1, max_size=12, unique=True)


def numbered(texts: list[str]) -> list[Paragraph]:
    span = SourceSpan("seeds/x.txt", 1, 1)
    return [Paragraph(f"op{n}", "operative", str(n), "", t, span) for n, t in enumerate(texts, start=1)]


@settings(max_examples=40, deadline=None)
@given(TEXTS)
def test_a_text_compared_with_itself_has_no_change(texts: list[str]) -> None:
    assert compare_paragraphs(numbered(texts), numbered(texts), {}) == ()


@settings(max_examples=40, deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(min_value=0), SENTENCE), min_size=1, max_size=3))
def test_inserted_paragraphs_are_the_only_additions(texts: list[str], inserts: list[tuple[int, str]]) -> None:
    new_texts = list(texts)
    added: list[str] = []
    for position, text in inserts:
        if text in new_texts:
            continue
        new_texts.insert(position % (len(new_texts) + 1), text)
        added.append(text)
    changes = compare_paragraphs(numbered(texts), numbered(new_texts), {})
    assert sorted(c.new_text for c in changes if c.kind == "added") == sorted(added)
    assert {c.kind for c in changes} <= {"added", "renumbered"}
    assert not any(c.is_text_change for c in changes if c.kind != "added")


@settings(max_examples=40, deadline=None)
@given(TEXTS, st.integers(min_value=0), WORDS)
def test_one_edited_paragraph_is_one_change_that_diffs_back_to_both_texts(
    texts: list[str], which: int, word: str
) -> None:
    index = which % len(texts)
    edited = texts[index][:-1] + f" and {word}s;"
    if edited in texts:
        return
    new_texts = [*texts[:index], edited, *texts[index + 1 :]]
    (change,) = compare_paragraphs(numbered(texts), numbered(new_texts), {})
    assert (change.kind, change.old_id, change.new_id) == ("changed", f"op{index + 1}", f"op{index + 1}")
    assert "".join(op.text for op in change.ops if op.op != "insert") == texts[index]
    assert "".join(op.text for op in change.ops if op.op != "delete") == edited


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaped_text_holds_no_markup_character_and_unescapes_to_itself(text: str) -> None:
    """Every character comes back, invisible ones as their visible marks (``⟨U+202E⟩``)."""
    escaped = escape(text)
    markup = set("<>*_[](){}`|~\\:/=!+-\"'$@^\n\r\t")
    assert not set(escaped) & markup
    assert html.unescape(escaped) == show_invisible(text)
