"""The link stage on the real seeds and tests/corpus, through the parser's model."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import load_corpus
from generator.link.registry import default_registry
from generator.link.resolve import Links, link_corpus, mermaid_graph
from generator.model import Corpus

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted(
    p for p in (ROOT / "tests" / "corpus").iterdir() if p.suffix in (".txt", ".md") and p.name != "SOURCES.md"
)


@pytest.fixture(scope="module")
def seeds() -> tuple[Corpus, Links]:
    corpus = load_corpus(ROOT / "seeds")
    return corpus, link_corpus(corpus, default_registry())


@pytest.fixture(scope="module")
def everything() -> tuple[Corpus, Links]:
    corpus = load_corpus(ROOT / "seeds", TEXTS)
    return corpus, link_corpus(corpus, default_registry())


# (citing resolution or report, paragraph, footnote, kind, number, target) -- from reading the seeds
SEED_RESOLUTION_REFERENCES = [
    ("cnd-51-11", "pp2", None, "resolution", "56/24 V", ("reference", "ga-56-24-v")),
    ("cnd-51-11", "pp2", None, "resolution", "57/72", ("reference", "ga-57-72")),
    ("cnd-51-11", "pp2", None, "resolution", "58/241", ("reference", "ga-58-241")),
    ("cnd-51-11", "pp2", None, "resolution", "59/86", ("reference", "ga-59-86")),
    ("cnd-51-11", "pp2", None, "decision", "60/519", ("reference", "ga-decision-60-519")),
    ("cnd-51-11", "pp3", None, "resolution", "1991/38", ("reference", "ecosoc-1991-38")),
    ("cnd-51-11", "pp3", "69", "resolution", "S-17/2", ("reference", "ga-s-17-2")),
    ("cnd-51-11", "pp4", None, "resolution", "50/148", ("reference", "ga-50-148")),
    ("cnd-51-11", "pp5", None, "resolution", "50/148", ("reference", "ga-50-148")),
    ("cnd-51-11", "pp6", "70", "resolution", "S-20/2", ("reference", "ga-s-20-2")),
    ("cnd-65-2", "pp6", None, "resolution", "76/188", ("reference", "ga-76-188")),
    ("cnd-65-2", "pp7", None, "resolution", "51/11", ("resolution", "cnd-51-11", None)),
    ("cnd-65-2", "pp8", "16", "resolution", "S-30/1", ("reference", "ga-s-30-1")),
    ("cnd-65-2", "pp13", "20", "resolution", "70/1", ("reference", "ga-70-1")),
    ("cnd-65-3", "pp3", "24", "resolution", "217 A (III)", ("reference", "ga-217-a-iii")),
    ("report-salw-cooperation-2022", "s10", None, "resolution", "76/32", ("reference", "resolution-76-32")),
    ("report-salw-cooperation-2022", "s10", None, "resolution", "76/232", ("reference", "resolution-76-232")),
    ("report-salw-cooperation-2022", "p1", None, "resolution", "65/4", ("reference", "cnd-65-4")),
    ("report-salw-cooperation-2022", "li1", "7", "resolution", "10/2", ("reference", "ctoc-cop-10-2")),
    ("ctoc-cop-7-2", "pp1", None, "decision", "4/6", ("reference", "ctoc-cop-decision-4-6")),
    ("ctoc-cop-7-2", "pp7", "4", "decision", "60/519", ("reference", "ga-decision-60-519")),
    ("ctoc-cop-7-2", "op12", None, "resolution", "5/4", ("reference", "ctoc-cop-5-4")),
    ("ctoc-cop-7-2", "op12", None, "resolution", "6/2", ("reference", "ctoc-cop-6-2")),
    ("ctoc-cop-7-2", "op16", None, "resolution", "5/4", ("reference", "ctoc-cop-5-4")),
    ("cnd-53-8", "pp3", None, "resolution", "64/182", ("reference", "ga-64-182")),
    ("cnd-53-8", "pp4", None, "resolution", "51/11", ("resolution", "cnd-51-11", None)),
    ("cnd-53-8", "pp4", None, "resolution", "52/9", ("reference", "cnd-52-9")),
    ("cnd-53-8", "pp4", None, "resolution", "64/179", ("reference", "ga-64-179")),
    ("cnd-53-8", "pp4", None, "resolution", "64/182", ("reference", "ga-64-182")),
    ("cnd-53-8", "pp6", "7", "resolution", "S-20/2", ("reference", "ga-s-20-2")),
    ("cnd-53-8", "op2", "8", "resolution", "217 A (III)", ("reference", "ga-217-a-iii")),
    ("cnd-53-8", "op6", None, "paragraph", "3", ("resolution", "cnd-53-8", "op3")),
]


def test_every_seed_resolution_reference_is_resolved(seeds: tuple[Corpus, Links]) -> None:
    _, links = seeds
    found = [
        (c.place.owner_id, c.place.paragraph_id, c.place.footnote, c.span.kind, c.span.key, c.target)
        for c in links.citations
        if c.span.kind in ("resolution", "decision", "paragraph")
    ]
    assert found == SEED_RESOLUTION_REFERENCES


def test_in_corpus_references_are_link_spans_over_the_number(seeds: tuple[Corpus, Links]) -> None:
    corpus, links = seeds
    para = corpus.resolution("cnd-65-2").paragraph("pp7")  # type: ignore[union-attr]
    assert para is not None
    spans = [s for s in links.spans_for("cnd-65-2", "pp7") if s.target[0] == "resolution"]
    assert [(para.text[s.start : s.end], s.target) for s in spans] == [
        ("51/11", ("resolution", "cnd-51-11", None))
    ]
    op6 = corpus.resolution("cnd-53-8").paragraph("op6")  # type: ignore[union-attr]
    assert op6 is not None
    [span] = links.spans_for("cnd-53-8", "op6")
    assert (op6.text[span.start : span.end], span.target) == ("3", ("resolution", "cnd-53-8", "op3"))


def test_every_span_is_the_text_it_claims(everything: tuple[Corpus, Links]) -> None:
    corpus, links = everything
    texts: dict[tuple[str, str], str] = {}
    notes: dict[tuple[str, str], str] = {}
    for r in corpus.resolutions():
        texts.update({(r.id, p.id): p.text for p in r.paragraphs()})
        notes.update({(r.id, f.number): f.text for f in r.footnotes})
    for rep in corpus.reports():
        for s in rep.sections:
            texts.update({(rep.id, p.id): p.text for para in s.paragraphs for p in para.walk()})
        notes.update({(rep.id, f.number): f.text for f in rep.footnotes})
    by_place = {
        (c.place.owner_id, c.place.paragraph_id, c.place.footnote, c.span.start): c.span
        for c in links.citations
    }
    checked = 0
    for (owner, pid), spans in links.paragraph_spans.items():
        for s in spans:
            assert texts[(owner, pid)][s.start : s.end] == by_place[(owner, pid, None, s.start)].raw
            checked += 1
    for (owner, number), spans in links.footnote_spans.items():
        for s in spans:
            assert s.end <= len(notes[(owner, number)])
            checked += 1
    assert checked > 300


def test_ga_77_238_links_into_the_seed_corpus(everything: tuple[Corpus, Links]) -> None:
    _, links = everything
    assert links.resolution_citations["ga-77-238"] == frozenset({"cnd-65-1", "cnd-65-2"})
    assert ("ga-77-238", "pp12") in links.cited_by[("resolution", "cnd-65-2")]
    assert links.cited_by[("resolution", "cnd-65-1")] == (("ga-77-238", "op32"),)
    # CND 65/4 is not in the corpus: a reference page, cited by the report and by 77/238
    assert links.cited_by[("reference", "cnd-65-4")] == (
        ("report-salw-cooperation-2022", "p1"),
        ("ga-77-238", "pp13"),
    )


def test_citations_between_resolutions(seeds: tuple[Corpus, Links], everything: tuple[Corpus, Links]) -> None:
    assert {k: v for k, v in seeds[1].resolution_citations.items() if v} == {
        "cnd-53-8": frozenset({"cnd-51-11"}),
        "cnd-65-2": frozenset({"cnd-51-11"}),
    }
    assert {k: v for k, v in everything[1].resolution_citations.items() if v} == {
        "cnd-53-8": frozenset({"cnd-51-11"}),
        "cnd-65-2": frozenset({"cnd-51-11"}),
        "ga-77-238": frozenset({"cnd-65-1", "cnd-65-2"}),
        "ga-80-38": frozenset({"ga-77-71"}),
        "sc-1454": frozenset({"sc-687"}),
    }


def test_paragraph_of_another_resolution(everything: tuple[Corpus, Links]) -> None:
    _, links = everything
    targets = {
        c.target for c in links.citations if c.place.owner_id == "sc-1454" and c.span.paragraph == "24"
    }
    assert targets == {("resolution", "sc-687", "op24")}


def test_mermaid_graph(seeds: tuple[Corpus, Links]) -> None:
    corpus, links = seeds
    assert mermaid_graph(corpus, links) == (
        "graph LR\n"
        '  cnd_51_11["CND 51/11"]\n'
        '  cnd_53_8["CND 53/8"]\n'
        '  cnd_65_2["CND 65/2"]\n'
        "  cnd_53_8 --> cnd_51_11\n"
        "  cnd_65_2 --> cnd_51_11\n"
    )


def test_reference_pages(seeds: tuple[Corpus, Links]) -> None:
    _, links = seeds
    pages = links.references
    assert (pages["ga-56-24-v"].title, pages["ga-56-24-v"].link) == (
        "General Assembly resolution 56/24 V",
        "https://undocs.org/A/RES/56/24V",
    )
    assert (pages["ecosoc-1991-38"].link, pages["cnd-52-9"].link) == (
        "https://undocs.org/E/RES/1991/38",
        None,
    )
    # the report gives "65/4" the title of 65/2 (a data note): that title does not describe 65/4's page
    assert pages["cnd-65-4"].description is None
    assert pages["doc-a-conf-192-15"].link == "https://undocs.org/A/CONF.192/15"
    # the report's footnote 1 is the bare link https://undocs.org/CTOC/COP/WG.6/2020/4.
    assert links.footnote_spans_for("report-salw-cooperation-2022", "1")[0].target == (
        "reference",
        "doc-ctoc-cop-wg-6-2020-4",
    )
    assert pages["doc-ctoc-cop-wg-6-2020-4"].link == "https://undocs.org/CTOC/COP/WG.6/2020/4"
    assert pages["firearms-protocol"].kind == "instrument"
    firearms_citers = links.cited_by[("reference", "firearms-protocol")]
    assert ("ctoc-cop-7-2", "op2") in firearms_citers
    assert ("report-salw-cooperation-2022", "p3") in firearms_citers


def test_a_cited_title_describes_a_page(everything: tuple[Corpus, Links]) -> None:
    pages = everything[1].references
    assert (
        pages["cnd-65-4"].description
        == "promoting comprehensive and scientific evidence-based early prevention"
    )
    assert (
        pages["ga-76-188"].description
        == "International cooperation to address and counter the world drug problem"
    )


def test_linking_is_deterministic(seeds: tuple[Corpus, Links]) -> None:
    corpus, links = seeds
    assert link_corpus(corpus, default_registry()) == links


def test_short_names_stand_for_the_instrument_named_before(everything: tuple[Corpus, Links]) -> None:
    _, links = everything
    found = {
        (c.place.owner_id, c.place.paragraph_id, c.span.raw, c.target)
        for c in links.citations
        if c.span.key.startswith("anaphora:")
    }
    # 51/11: "Recalling the Political Declaration adopted by the General Assembly at its twentieth special
    # session, in particular paragraph 11 of the Political Declaration"
    assert (
        "cnd-51-11",
        "pp6",
        "the Political Declaration",
        ("reference", "political-declaration-1998"),
    ) in found
    assert ("ctoc-cop-7-2", "op3", "the Protocol", ("reference", "firearms-protocol")) in found
    # 80/9: "...the Protocol to Children, supplementing the United Nations Convention against Transnational
    # Organized Crime,6 ... acceding to the Convention and the Protocol": footnote 6 (Treaty Series vol. 2237)
    # is read before the second "the Protocol"; the first names nothing before it
    assert ("ga-80-9", "annex-op4", "the Protocol", ("reference", "trafficking-in-persons-protocol")) in found
    assert ("ga-80-9", "annex-op4", "the Protocol", None) in found
    # SC 687 names no registered convention before "the Convention": it links nowhere
    assert {t for o, _, _, t in found if o == "sc-687"} == {None}
