"""The benchmarks' synthetic corpus: deterministic, in the seeds' layouts, and it parses back exactly."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from paths import ROOT

from generator.ingest import load_corpus, parse_text
from generator.model import Corpus

sys.path.insert(0, str(ROOT))  # benchmarks/ is a folder of the repository, not an installed package
from benchmarks import layout
from benchmarks.edits import convert_lead, delete_clause, insert_clause, reword
from benchmarks.synthetic import Pool, SynthResolution, default_pool, generate, truth, write_corpus

N = 40


@pytest.fixture(scope="module")
def pool() -> Pool:
    return default_pool(ROOT)


@pytest.fixture(scope="module")
def written(pool: Pool, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    write_corpus(out, pool, N)
    return out


@pytest.fixture(scope="module")
def parsed(written: Path) -> Corpus:
    return load_corpus(written)


def test_pool_holds_real_paragraphs_from_seeds_and_corpus(pool: Pool) -> None:
    assert len(pool.preamble) > 100 and len(pool.operative) > 100
    assert any(
        text.startswith("Underlines that efforts to combat drug trafficking") for _, text in pool.operative
    )
    assert all(text.startswith(lead) for lead, text in pool.preamble + pool.operative)


def test_same_arguments_write_byte_identical_files(pool: Pool, written: Path, tmp_path: Path) -> None:
    write_corpus(tmp_path, pool, N)
    names = sorted(p.name for p in written.iterdir())
    assert names == sorted(p.name for p in tmp_path.iterdir())
    assert {"catalog.yml", "truth.json"} <= set(names)
    for name in names:
        assert (tmp_path / name).read_bytes() == (written / name).read_bytes(), name


def test_another_seed_gives_another_corpus(pool: Pool) -> None:
    assert generate(pool, 5, seed=1) != generate(pool, 5, seed=2)


def test_both_layouts_and_page_breaks_are_written(written: Path, parsed: Corpus) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(written.glob("*.txt"))]
    assert any("<sup>" in t and "\n---\n" in t and "## Resolution " in t for t in texts)
    assert any("¹" in t or "²" in t or "³" in t for t in texts)
    assert any(t.startswith("\n\nResolution ") for t in texts)
    # a footnote block inside a paragraph makes its source span several lines
    spans = [p.source for r in parsed.resolutions() for p in r.paragraphs()]
    assert any(s.last_line > s.first_line for s in spans)


def _assert_parses_back(expected: tuple[SynthResolution, ...], parsed: Corpus) -> None:
    repairs = {d.path: d.repairs for d in parsed.documents}
    assert not [d for doc in parsed.documents for d in doc.diagnostics]
    by_id = {r.id: r for r in parsed.resolutions()}
    assert sorted(by_id) == sorted(r.id for r in expected)
    for res in expected:
        got = by_id[res.id]
        assert got.date == res.date and got.title == res.title
        paragraphs = [*got.preamble, *got.operative]
        assert [p.id for p in paragraphs] == [pid for pid, _ in res.paragraph_ids()], res.id
        for (pid, para), model in zip(res.paragraph_ids(), paragraphs, strict=True):
            text = para.text
            # the parser rejoins words the real texts had split ("terroris m"), and says so
            for repair in repairs[got.source.path]:
                if model.source.first_line <= repair.line <= model.source.last_line:
                    text = text.replace(repair.before, repair.after)
            assert model.text.rstrip(",;.") == text, (res.id, pid)
            # the parser may read a preposition into the lead ("*Calls* for" -> "Calls for")
            assert model.lead.startswith(para.lead), (res.id, pid)
            assert len(model.footnotes) == (para.footnote is not None), (res.id, pid)
        assert len(got.footnotes) == sum(p.footnote is not None for _, p in res.paragraph_ids())


def test_generated_paragraphs_parse_back_to_their_words_without_page_breaks(
    pool: Pool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(layout, "PAGE_BREAK", 0.0)
    write_corpus(tmp_path, pool, N)
    _assert_parses_back(generate(pool, N), load_corpus(tmp_path))


PAGE_BREAK_REPRO = """Resolution 67/2

A title of the resolution

The Commission on Narcotic Drugs,

Recalling its resolution 51/11,

Conscious that proper assessment of medication, while also serve to enable States of the efforts

⁴⁴ A/60/88 and Corr.2, annex; see also General Assembly decision 60/519.

countering the Treaty on the scope of the right to those crimes,

Noting with satisfaction that the international efforts being made in the threat,

1. *Requests* the Executive Director to report to the Commission at its next session;
"""


def test_parser_keeps_a_preambular_paragraph_cut_by_a_footnote_block_in_the_preamble() -> None:
    (res,) = parse_text(PAGE_BREAK_REPRO, "repro.txt", None).resolutions
    assert [p.id for p in (*res.preamble, *res.operative)] == ["pp1", "pp2", "pp3", "op1"]


def test_generated_paragraphs_parse_back_to_their_words_with_page_breaks(pool: Pool, parsed: Corpus) -> None:
    _assert_parses_back(generate(pool, N), parsed)


def test_truth_names_earlier_paragraphs_that_exist(pool: Pool, written: Path) -> None:
    resolutions = generate(pool, N)
    origins = truth(resolutions)
    assert origins == json.loads((written / "truth.json").read_text())
    assert len(origins) > N
    dates = {r.id: r.date for r in resolutions}
    ids = {f"{r.id}#{pid}" for r in resolutions for pid, _ in r.paragraph_ids()}
    for copy, origin in origins.items():
        assert origin in ids
        assert dates[origin.split("#")[0]] < dates[copy.split("#")[0]]


def test_reuse_edits_and_moves_between_preamble_and_operative(pool: Pool) -> None:
    resolutions = generate(pool, 120)
    texts = {f"{r.id}#{pid}": p.text for r in resolutions for pid, p in r.paragraph_ids()}
    origins = truth(resolutions)
    assert sum(texts[copy] != texts[origin] for copy, origin in origins.items()) > len(origins) // 2
    assert any(copy.split("#")[1][:2] != origin.split("#")[1][:2] for copy, origin in origins.items())


def test_edits_keep_the_lead_and_change_words_only_where_they_say() -> None:
    rng = random.Random(3)
    lead, text = (
        "Encourages",
        "Encourages Member States to combat firearms trafficking, in all its aspects, now",
    )
    assert reword(random.Random(1), lead, text)[1] != text
    assert insert_clause(rng, lead, text)[1].startswith("Encourages Member States")
    assert delete_clause(rng, lead, text) == (
        lead,
        "Encourages Member States to combat firearms trafficking, now",
    )
    assert convert_lead("Notes", "Notes that reducing", operative=False) == ("Noting", "Noting that reducing")
    assert convert_lead("Noting", "Noting that reducing", operative=True) == ("Notes", "Notes that reducing")
    assert convert_lead("Decides", "Decides to", operative=False) is None
