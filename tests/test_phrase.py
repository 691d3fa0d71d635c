"""Phrase search: every occurrence, oldest first, forgiving on white space, case, quotes and dashes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import SEEDS

from generator.analyse.phrase import find_phrase, format_text, occurrences_to_dict
from generator.cli import main
from generator.errors import AtlasError
from generator.ingest import load_corpus
from generator.model import Corpus, Document, Paragraph, Resolution, SourceSpan

SEED_CORPUS = load_corpus(SEEDS)
PHRASE = "exchange information and provide judicial cooperation"


def resolution(res_id: str, date: str | None, *texts: str) -> Resolution:
    span = SourceSpan("made.txt", 1, 1)
    return Resolution(
        id=res_id,
        symbol=res_id,
        body="cnd",
        body_name="The Commission on Narcotic Drugs",
        session=None,
        number="1",
        title="A title",
        date=date,
        adoption=None,
        fragment=False,
        preamble=tuple(Paragraph(f"pp{n}", "preambular", None, "", t, span) for n, t in enumerate(texts, 1)),
        operative=(),
        footnotes=(),
        source=span,
    )


def test_judicial_cooperation_phrase_is_found_in_51_11_then_65_2() -> None:
    found = find_phrase(SEED_CORPUS, PHRASE)
    assert [(o.resolution_id, o.paragraph_id, o.date, o.permalink) for o in found] == [
        ("cnd-51-11", "op7", "2008-03-14", "/resolutions/cnd-51-11/#op7"),
        ("cnd-65-2", "op8", "2022-03", "/resolutions/cnd-65-2/#op8"),
    ]
    assert [o.match for o in found] == [PHRASE, PHRASE]


def test_wrapped_and_capitalised_phrase_reports_the_printed_text() -> None:
    found = find_phrase(SEED_CORPUS, "Exchange   INFORMATION and\n  provide judicial\tcooperation")
    assert [o.match for o in found] == [PHRASE, PHRASE]


def test_phrase_must_end_on_a_word_boundary() -> None:
    assert find_phrase(SEED_CORPUS, "exchange informatio") == ()
    assert len(find_phrase(SEED_CORPUS, "exchange information")) == 2


def test_sub_paragraphs_are_searched_with_their_own_ids() -> None:
    found = find_phrase(SEED_CORPUS, "awareness-raising strategies")
    assert [(o.resolution_id, o.paragraph_id) for o in found] == [("ctoc-cop-7-2", "op18-d")]


def test_quotes_and_dashes_match_their_typographic_variants_and_order_is_by_date() -> None:
    made = Corpus(
        (
            Document(
                "made.txt",
                "resolutions",
                (
                    resolution("cnd-9-1", None, "the “Global Study” – 2020 edition"),
                    resolution(
                        "cnd-5-1",
                        "2012-03",
                        'the "global study" - 2020 edition, and the "Global Study" - 2020',
                    ),
                    resolution("cnd-2-1", "2009-03", "the ‘Global Study’ — 2020"),
                ),
            ),
        )
    )
    found = find_phrase(made, '"Global Study" - 2020')
    assert [(o.resolution_id, o.match) for o in found] == [
        ("cnd-5-1", '"global study" - 2020'),
        ("cnd-5-1", '"Global Study" - 2020'),
        ("cnd-9-1", "“Global Study” – 2020"),
    ]


def test_empty_phrase_is_an_error() -> None:
    with pytest.raises(AtlasError) as caught:
        find_phrase(SEED_CORPUS, " \n ")
    assert (
        str(caught.value)
        == 'PHRASE: the phrase to find is empty; give some words, e.g. "judicial cooperation"'
    )


def test_text_output_shows_each_match_in_context_with_its_permalink() -> None:
    text = format_text(PHRASE, find_phrase(SEED_CORPUS, PHRASE))
    lines = text.splitlines()
    assert lines[0] == f'2 occurrences of "{PHRASE}"'
    assert lines[2] == "2008-03-14  cnd-51-11 op7  /resolutions/cnd-51-11/#op7"
    assert f"to »{PHRASE}« in order to identify" in lines[3]


def test_find_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "find",
                "exchange information and\nprovide JUDICIAL cooperation",
                "--seeds",
                str(SEEDS),
                "--format",
                "json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["phrase"] == "exchange information and provide JUDICIAL cooperation"
    assert data["occurrences"] == occurrences_to_dict(PHRASE, find_phrase(SEED_CORPUS, PHRASE))["occurrences"]
    assert [(o["resolution"], o["paragraph"], o["match"]) for o in data["occurrences"]] == [
        ("cnd-51-11", "op7", PHRASE),
        ("cnd-65-2", "op8", PHRASE),
    ]


def test_find_command_reports_an_empty_phrase_as_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["find", "  ", "--seeds", str(SEEDS)]) == 1
    assert "the phrase to find is empty" in capsys.readouterr().err


_PARAGRAPHS = [(r.id, p.id, p.text) for r in SEED_CORPUS.resolutions() for p in r.paragraphs() if p.text]


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_span_of_words_rewrapped_and_recased_is_found_where_it_is_printed(data: st.DataObject) -> None:
    res_id, pid, text = data.draw(st.sampled_from(_PARAGRAPHS))
    words = text.split(" ")
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, min(len(words), start + 8)))
    printed = " ".join(words[start:end])
    gaps = data.draw(
        st.lists(
            st.sampled_from([" ", "\n", "  ", "\t", " \n  "]), min_size=end - start, max_size=end - start
        )
    )
    query = "".join(
        g + (w.upper() if data.draw(st.booleans()) else w)
        for g, w in zip(gaps, words[start:end], strict=True)
    )
    found = find_phrase(SEED_CORPUS, query)
    assert (res_id, pid, printed) in {(o.resolution_id, o.paragraph_id, o.match) for o in found}
