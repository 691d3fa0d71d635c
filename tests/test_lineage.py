"""Lineage: earlier near-matches of every paragraph, on the seeds and on hand-made corpora."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import CORPUS, SEEDS

import generator.analyse.lineage as lineage_module
from generator.analyse.diff import diff_encoded, encode_tokens
from generator.analyse.lcs import lcs_similarity
from generator.analyse.lineage import (
    build_lineage,
    comparable_pairs,
    confirm,
    earlier,
    lineage_to_dict,
    units,
)
from generator.analyse.lineage_candidates import bound_pairs, candidate_pairs, tfidf_pairs, word_overlaps
from generator.analyse.similarity import normalised_words
from generator.analyse.similarity import similarity as engine_similarity
from generator.ingest import load_corpus
from generator.model import Corpus, Document, Paragraph, Resolution, SourceSpan

SEED_CORPUS = load_corpus(SEEDS)

TRAINING_51_11 = (
    "Notes that efforts to combat drug trafficking can be complemented by providing training in fighting "
    "firearms trafficking for law enforcement personnel responsible for investigating such activities"
)


def resolution(res_id: str, date: str | None, *texts: str) -> Resolution:
    span = SourceSpan("made.txt", 1, 1)
    paragraphs = tuple(
        Paragraph(f"op{n}", "operative", str(n), text.split()[0], text, span)
        for n, text in enumerate(texts, 1)
    )
    return Resolution(
        id=res_id,
        symbol=res_id,
        body=res_id.split("-")[0],
        body_name="The Commission on Narcotic Drugs",
        session=None,
        number="1",
        title="A title",
        date=date,
        adoption=None,
        fragment=False,
        preamble=(),
        operative=paragraphs,
        footnotes=(),
        source=span,
    )


def corpus(*resolutions: Resolution) -> Corpus:
    return Corpus((Document("made.txt", "resolutions", tuple(resolutions)),))


def test_training_paragraph_of_65_2_descends_from_51_11_op6() -> None:
    entry = build_lineage(SEED_CORPUS).of("cnd-65-2", "op11")
    assert entry is not None
    first = entry.first_appearance
    assert (first.resolution_id, first.paragraph_id, first.date) == ("cnd-51-11", "op6", "2008-03-14")
    assert first.similarity == pytest.approx(0.8254, abs=1e-4)


def test_cop_7_2_repeats_51_11_on_firearms_and_violence() -> None:
    # 51/11 op2: "Notes that reducing the illicit manufacturing of and trafficking in firearms is a major
    # component of the efforts to reduce the illicit drug supply ..."; 7/2 pp3: "Noting that reducing the
    # illicit manufacturing of and trafficking in firearms, ... is one of the major components of the efforts
    # to reduce the violence ..." -- another body (CTOC COP), six years later, operative become preambular.
    entry = build_lineage(SEED_CORPUS).of("ctoc-cop-7-2", "pp3")
    assert entry is not None
    assert [(a.resolution_id, a.paragraph_id, a.body) for a in entry.ancestors] == [
        ("cnd-51-11", "op2", "cnd")
    ]


def test_seed_lineage_json_names_dates_similarity_and_comparison() -> None:
    data = lineage_to_dict(build_lineage(SEED_CORPUS))
    resolutions = data["resolutions"]
    assert isinstance(resolutions, dict)
    assert resolutions["cnd-65-2"]["op11"] == {
        "date": "2022-03",
        "first_appearance": {
            "resolution": "cnd-51-11",
            "paragraph": "op6",
            "symbol": "51/11",
            "body": "cnd",
            "date": "2008-03-14",
            "similarity": 0.8254,
            "comparison": "cnd-51-11--cnd-65-2",
            "permalink": "/resolutions/cnd-51-11/#op6",
        },
        "earlier": [resolutions["cnd-65-2"]["op11"]["first_appearance"]],
    }
    assert "cnd-51-11" not in resolutions  # the oldest resolution has nothing earlier


def test_seed_lineage_finds_every_pair_that_brute_force_finds() -> None:
    items = units(SEED_CORPUS)
    texts = [u.text for u in items]
    brute = [
        (i, j)
        for i in range(len(items))
        for j in range(len(items))
        if items[i].resolution_id != items[j].resolution_id
        and earlier(items[i].date, items[j].date)
        and engine_similarity(texts[i], texts[j]) >= lineage_module.THRESHOLD
    ]
    found = build_lineage(SEED_CORPUS)
    got = {
        (p.resolution_id, p.paragraph_id, a.resolution_id, a.paragraph_id)
        for p in found.paragraphs
        for a in p.ancestors
    }
    expected = {
        (items[j].resolution_id, items[j].paragraph_id, items[i].resolution_id, items[i].paragraph_id)
        for i, j in brute
    }
    assert got == expected
    assert len(expected) >= 18


def test_both_indexes_propose_the_two_seed_examples() -> None:
    items = units(SEED_CORPUS)
    index = {(u.resolution_id, u.paragraph_id): k for k, u in enumerate(items)}
    examples = {
        (index["cnd-51-11", "op6"], index["cnd-65-2", "op11"]),
        (index["cnd-51-11", "op2"], index["ctoc-cop-7-2", "pp3"]),
    }
    for method in ("tfidf", "minhash"):
        pairs = set(comparable_pairs(candidate_pairs([u.words for u in items], method), items))
        assert examples <= pairs, method


def diff_similarity(left: str, right: str) -> float:
    """The similarity counted from a diff-match-patch diff's kept words: the reference the LCS must equal."""
    a_words, b_words = normalised_words(left), normalised_words(right)
    if not a_words or not b_words:
        return 1.0 if a_words == b_words else 0.0
    a, b, _ = encode_tokens(a_words, b_words)
    kept = sum(len(chars) for kind, chars in diff_encoded(a, b, cleanup=False) if kind == 0)
    return 2 * kept / (len(a_words) + len(b_words))


def test_lcs_similarity_is_the_comparison_engines_similarity_on_the_seeds() -> None:
    seed_units = units(SEED_CORPUS)
    texts = [u.text for u in seed_units]
    pairs = bound_pairs([u.words for u in seed_units], 0.3).tolist()
    assert len(pairs) > 100
    for i, j in pairs:
        assert diff_similarity(texts[i], texts[j]) == engine_similarity(texts[i], texts[j])


_WORDS = st.lists(st.sampled_from(["the", "of", "firearms", "drug", "States", "training", "Member", "and"]))


@settings(max_examples=200, deadline=None)
@given(_WORDS, _WORDS)
def test_lcs_similarity_equals_the_engine_on_generated_texts(left: list[str], right: list[str]) -> None:
    assert diff_similarity(" ".join(left), " ".join(right)) == engine_similarity(
        " ".join(left), " ".join(right)
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f"]), min_size=1, max_size=12), min_size=2)
)
def test_bound_pairs_never_leave_out_a_pair_above_the_threshold(docs: list[list[str]]) -> None:
    bounded = {tuple(p) for p in bound_pairs(docs, 0.5).tolist()}
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if lcs_similarity(tuple(docs[i]), tuple(docs[j])) >= 0.5:
                assert (i, j) in bounded


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=9), min_size=2, max_size=6))
def test_word_overlaps_count_shared_words_with_repeats(docs: list[list[str]]) -> None:
    pairs = [(i, j) for i in range(len(docs)) for j in range(len(docs)) if i != j]
    expected = [sum((Counter(docs[i]) & Counter(docs[j])).values()) for i, j in pairs]
    assert word_overlaps(docs, pairs).tolist() == expected


def test_earlier_compares_dates_at_the_precision_both_have() -> None:
    assert earlier("2008-03-14", "2014-10")
    assert not earlier("2014-10", "2008-03-14")
    assert not earlier("2022-03", "2022-03-14")
    assert not earlier("2022-03-14", "2022-03")
    assert earlier("2022-02-28", "2022-03")


def test_same_session_same_resolution_and_undated_paragraphs_are_not_ancestors() -> None:
    made = corpus(
        resolution("cnd-1-1", "2001-03", TRAINING_51_11, TRAINING_51_11 + " and customs"),
        resolution("cnd-1-2", "2001-03-20", TRAINING_51_11),
        resolution("cnd-9-1", None, TRAINING_51_11),
        resolution("cnd-2-1", "2002-03", "Also " + TRAINING_51_11),
    )
    found = build_lineage(made, method="tfidf")
    assert [(p.resolution_id, p.paragraph_id) for p in found.paragraphs] == [("cnd-2-1", "op1")]
    assert [(a.resolution_id, a.paragraph_id) for a in found.paragraphs[0].ancestors] == [
        ("cnd-1-1", "op1"),
        ("cnd-1-1", "op2"),
        ("cnd-1-2", "op1"),
    ]


def test_ancestors_are_listed_oldest_first_across_bodies() -> None:
    made = corpus(
        resolution("cnd-3-1", "2003-03", TRAINING_51_11 + " at sea"),
        resolution("ctoc-cop-1-1", "2001-10", TRAINING_51_11),
        resolution("ga-2-1", "2002-12", TRAINING_51_11 + " and border guards"),
    )
    entry = build_lineage(made).of("cnd-3-1", "op1")
    assert entry is not None
    assert [a.body for a in entry.ancestors] == ["ctoc", "ga"]
    assert entry.first_appearance.resolution_id == "ctoc-cop-1-1"


def test_scoring_in_two_processes_gives_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    items = units(SEED_CORPUS)
    pairs = comparable_pairs(tfidf_pairs([u.words for u in items]), items)
    monkeypatch.setattr(lineage_module, "PARALLEL_FROM", 0)
    assert confirm(pairs, items, workers=2) == confirm(pairs, items, workers=1)
    assert confirm(pairs, items, workers=1) == confirm(pairs, items, similarity=engine_similarity)


@pytest.fixture(scope="module")
def real_corpus() -> Corpus:
    extra = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".md"} and p.name != "SOURCES.md")
    return load_corpus(SEEDS, extra)


def test_ga_80_38_takes_most_of_its_language_from_77_71(real_corpus: Corpus) -> None:
    found = build_lineage(real_corpus)
    entries = found.for_resolution("ga-80-38")
    from_77_71 = [p for p in entries if p.first_appearance.resolution_id == "ga-77-71"]
    assert len(from_77_71) >= 40
    assert all(a.date < "2025-12-01" for p in entries for a in p.ancestors)


def test_real_corpus_lineage_equals_the_exhaustive_reference(real_corpus: Corpus) -> None:
    # bound_pairs keeps every pair that could reach the threshold (tested above), so scoring all of them
    # is the all-pairs answer; the index must find the same pairs.
    items = units(real_corpus)
    reference = confirm(comparable_pairs(bound_pairs([u.words for u in items], 0.5), items), items)
    expected = {
        (items[j].resolution_id, items[j].paragraph_id, items[i].resolution_id, items[i].paragraph_id)
        for i, j, _ in reference
    }
    found = build_lineage(real_corpus)
    got = {
        (p.resolution_id, p.paragraph_id, a.resolution_id, a.paragraph_id)
        for p in found.paragraphs
        for a in p.ancestors
    }
    assert len(expected) > 150
    assert got == expected
