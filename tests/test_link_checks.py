"""Data checks: the notes the seeds call for, asserted whole, and what the same checks find elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ingest import load_corpus
from generator.link.checks import DataNote, check_corpus
from generator.link.registry import default_registry
from generator.link.resolve import link_corpus

ROOT = Path(__file__).resolve().parents[1]
S000 = "seeds/000_7ca92a6ec7d13659.txt"
S001 = "seeds/001_c07e11d1e4a29cf4.txt"
S002 = "seeds/002_d242e9daf6675937.txt"
S004 = "seeds/004_024c091bda70a48a.txt"
TITLE_65_2 = (
    "Strengthening international cooperation to address the links between illicit drug trafficking and "
    "illicit firearms trafficking"
)


@pytest.fixture(scope="module")
def seed_notes() -> dict[tuple[str, int, str], DataNote]:
    corpus = load_corpus("seeds")
    registry = default_registry()
    notes = check_corpus(corpus, link_corpus(corpus, registry), registry)
    return {(n.path, n.line, n.code): n for n in notes}


def test_the_report_calls_65_2_by_the_number_65_4(seed_notes: dict[tuple[str, int, str], DataNote]) -> None:
    note = seed_notes[(S002, 11, "title-mismatch")]
    assert str(note) == (
        f"{S002}:11: resolution 65/4 is cited with the title of CND 65/2; 65/4 is not in the corpus, "
        "so the number or the title is wrong\n"
        f"    {S002}:11: report-salw-cooperation-2022 p1 cites resolution 65/4 “{TITLE_65_2}”\n"
        f"    {S001}:9-91: CND 65/2 is entitled “{TITLE_65_2}”"
    )


def test_53_8_names_the_single_convention_of_1954(seed_notes: dict[tuple[str, int, str], DataNote]) -> None:
    note = seed_notes[(S004, 9, "instrument-year")]
    named = "Single Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol"
    registered = "Single Convention on Narcotic Drugs, 1961, as amended by the 1972 Protocol"
    assert str(note) == (
        f"{S004}:9: “{named}” names the year 1954, but {registered} dates from 1961\n"
        f"    {S004}:9: cnd-53-8 pp1: “{named}”\n"
        f"    {S004}:23: footnote 1 cites “United Nations, Treaty Series, vol. 976, No. 14152.”\n"
        f"    seeds/instruments.yml:28: {registered} is United Nations, Treaty Series, vol. 976, No. 14152"
    )


def test_51_11_is_identified_only_by_the_catalog_and_by_title(
    seed_notes: dict[tuple[str, int, str], DataNote],
) -> None:
    note = seed_notes[(S000, 3, "unprinted-number")]
    assert str(note) == (
        f"{S000}:3: cnd-51-11 is identified as CND 51/11 only through the catalog and through cnd-65-2's "
        "citation of it by title\n"
        f"    {S000}:3-67: the text of cnd-51-11 prints no resolution number above its first paragraph\n"
        f"    {S001}:27: cnd-65-2 pp7 cites resolution 51/11 of 2008-03-14 “the links between illicit drug "
        "trafficking and illicit firearms trafficking” -- this text's title"
    )


def test_all_seed_notes(seed_notes: dict[tuple[str, int, str], DataNote]) -> None:
    assert sorted(seed_notes) == [
        (S000, 3, "unprinted-number"),
        (S000, 21, "ibid-without-antecedent"),
        (S001, 3, "unprinted-number"),
        (S001, 29, "ibid-without-antecedent"),
        (S002, 11, "title-mismatch"),
        ("seeds/003_936b90598207a6a3.txt", 27, "ibid-without-antecedent"),
        (S004, 9, "instrument-year"),
    ]


def test_what_the_checks_find_in_tests_corpus() -> None:
    texts = sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.suffix in (".txt", ".md"))
    texts = [p.relative_to(ROOT) for p in texts if p.name != "SOURCES.md"]
    corpus = load_corpus("seeds", texts)
    registry = default_registry()
    notes = [
        n
        for n in check_corpus(corpus, link_corpus(corpus, registry), registry)
        if n.path.startswith("tests/")
    ]
    # A/RES/80/9 prints "the Protocol to Children, supplementing the United Nations Convention against
    # Transnational Organized Crime,6": words of the Trafficking in Persons Protocol's name are missing,
    # so its footnote (Treaty Series vol. 2237) stands on the Convention's name.
    assert [(n.path, n.line, n.code) for n in notes] == [
        ("tests/corpus/A_RES_80_9.md", 37, "instrument-footnote"),
    ]
    # with the seeds, GA 77/238 now cites CND 65/1, which prints no number
    assert "ga-77-238" in next(
        str(n)
        for n in check_corpus(corpus, link_corpus(corpus, registry), registry)
        if n.path == S001 and n.line == 3
    )


def test_a_number_that_does_not_fit_its_body() -> None:
    from generator.model import Corpus, Document, Paragraph, Resolution, SourceSpan

    text = (
        "Recalling Economic and Social Council resolution 65/2 and Security Council resolution 2482 (2019),"
    )
    para = Paragraph("pp1", "preambular", None, "Recalling", text, SourceSpan("x.txt", 4, 4))
    resolution = Resolution(
        "cnd-66-1", "66/1", "cnd", "The Commission on Narcotic Drugs", 66, "1", "T", None, None, False,
        (para,), (), (), SourceSpan("x.txt", 1, 9),
    )  # fmt: skip
    corpus = Corpus((Document("x.txt", "resolutions", (resolution,)),))
    registry = default_registry()
    notes = check_corpus(corpus, link_corpus(corpus, registry), registry)
    assert [str(n) for n in notes if n.code == "number-form"] == [
        "x.txt:4: resolution 65/2 is attributed to the Economic and Social Council, "
        "whose resolutions are not numbered like that\n"
        "    x.txt:4: cnd-66-1 pp1 cites resolution 65/2"
    ]
