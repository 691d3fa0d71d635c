"""The five seeds against their golden JSON, and the hard cases of each, asserted one by one.

The goldens were written by ``resatlas parse seeds/<file> --catalog seeds/catalog.yml`` and read
paragraph by paragraph beside the seed before they were committed. Regenerate them only after reading
the difference: ``resatlas parse ... > tests/golden/<name>.json``.
"""

from __future__ import annotations

import json

import pytest
from paths import ROOT, SEEDS

from generator.ingest import load_catalog, parse_file
from generator.ingest.grammar import lead_phrase
from generator.model import Document, Resolution
from generator.serialise import document_to_dict

SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def parse_seed(stem: str) -> Document:
    return parse_file(f"seeds/{stem}.txt", load_catalog(SEEDS / "catalog.yml"))


def resolution(stem: str, rid: str) -> Resolution:
    found = next(r for r in parse_seed(stem).resolutions if r.id == rid)
    return found


@pytest.mark.parametrize("stem", SEED_NAMES)
def test_seed_matches_golden(stem: str) -> None:
    golden = json.loads((ROOT / "tests" / "golden" / f"{stem}.json").read_text(encoding="utf-8"))
    assert document_to_dict(parse_seed(stem)) == golden


def test_51_11_has_15_preambular_and_10_operative_paragraphs() -> None:
    res = resolution("000_7ca92a6ec7d13659", "cnd-51-11")
    assert [p.id for p in res.preamble] == [f"pp{i}" for i in range(1, 16)]
    assert [p.id for p in res.operative] == [f"op{i}" for i in range(1, 11)]
    assert res.title == "Links between illicit drug trafficking and illicit firearms trafficking"
    assert res.body_name == "The Commission on Narcotic Drugs"
    assert res.date == "2008-03-14" and res.symbol == "51/11" and not res.fragment


def test_65_2_has_13_preambular_and_16_operative_paragraphs() -> None:
    res = resolution("001_c07e11d1e4a29cf4", "cnd-65-2")
    assert len(res.preamble) == 13 and len(res.operative) == 16
    assert res.headings == ("Resolution 65/2",)
    assert res.title.startswith("Strengthening international cooperation to address the links")


def test_65_2_op3_is_rejoined_across_the_footnote_block() -> None:
    op3 = resolution("001_c07e11d1e4a29cf4", "cnd-65-2").paragraph("op3")
    assert op3 is not None
    assert "the situation of the victims of those crimes, including the families" in op3.text
    assert (op3.source.first_line, op3.source.last_line) == (47, 63)


def test_65_2_op13_is_rejoined_across_a_blank_line() -> None:
    op13 = resolution("001_c07e11d1e4a29cf4", "cnd-65-2").paragraph("op13")
    assert op13 is not None
    assert (
        "responses to threats related to technological developments and the changing modi operandi"
        in op13.text
    )
    emphasised = [op13.text[e.start : e.end] for e in op13.emphasis]
    assert emphasised == ["Invites", "modi operandi"]


def test_file_001_holds_a_fragment_of_65_1_and_of_65_3() -> None:
    doc = parse_seed("001_c07e11d1e4a29cf4")
    assert [(r.id, r.fragment) for r in doc.resolutions] == [
        ("cnd-65-1", True),
        ("cnd-65-2", False),
        ("cnd-65-3", True),
    ]
    first, _, last = doc.resolutions
    assert [p.id for p in first.operative] == ["op16", "op17", "op18"]
    assert last.preamble[-1].text.endswith("an integrated, multidisciplinary,")
    assert [f.number for f in last.footnotes] == ["21", "22", "23", "24"]


def test_lead_phrases() -> None:
    res = resolution("001_c07e11d1e4a29cf4", "cnd-65-2")
    leads = {p.id: p.lead for p in res.paragraphs()}
    assert leads["pp2"] == "Deeply concerned"
    assert leads["pp3"] == "Noting with concern"
    assert leads["pp6"] == "Recalling also"
    assert leads["pp12"] == "Taking note"
    assert leads["op7"] == "Also encourages"
    assert leads["op8"] == "Calls upon"
    assert lead_phrase("Decides for the purpose of this resolution") == "Decides"
    assert lead_phrase("Also calls upon States") == "Also calls upon"
    cop = resolution("003_936b90598207a6a3", "ctoc-cop-7-2")
    assert cop.paragraph("op12").lead == "Takes note with appreciation"  # type: ignore[union-attr]


def test_unicode_superscript_marks_and_their_footnotes() -> None:
    pp5 = resolution("001_c07e11d1e4a29cf4", "cnd-65-2").paragraph("pp5")
    assert pp5 is not None
    (ref,) = pp5.footnotes
    assert ref.number == "13" and pp5.text[: ref.offset].endswith("Psychotropic Substances of 1988,")
    assert "¹" not in pp5.text and "13" not in pp5.text


def test_sup_marks_in_markdown_seed() -> None:
    res = resolution("000_7ca92a6ec7d13659", "cnd-51-11")
    pp1 = res.paragraph("pp1")
    assert pp1 is not None and [f.number for f in pp1.footnotes] == ["68"]
    assert "<sup>" not in pp1.text and not pp1.text.startswith("*")
    assert next((f.number, f.text) for f in res.footnotes) == ("68", "Ibid., vol. 1582, No. 27627.")


def test_7_2_considering_is_rejoined_and_op18_has_inline_subparagraphs() -> None:
    res = resolution("003_936b90598207a6a3", "ctoc-cop-7-2")
    pp9 = res.paragraph("pp9")
    assert pp9 is not None and "combat the illicit manufacturing of and trafficking in firearms" in pp9.text
    op18 = res.paragraph("op18")
    assert op18 is not None
    assert op18.text == "Requests the Secretariat to inform the Working Group about"
    assert [s.id for s in op18.subparagraphs] == ["op18-a", "op18-b", "op18-c", "op18-d"]
    assert op18.subparagraphs[0].text.startswith(
        "the activities of the United Nations Office on Drugs and Crime"
    )


def test_53_8_op4_rejoined_and_adoption_line() -> None:
    res = resolution("004_024c091bda70a48a", "cnd-53-8")
    op4 = res.paragraph("op4")
    assert op4 is not None
    assert "the United Nations Convention against Corruption and other relevant international" in op4.text
    assert [f.number for f in op4.footnotes] == ["9", "10"]
    assert res.adoption == "10th Plenary Meeting 12 March 2010"
    assert res.date == "2010-03-12"
    assert "10th" not in " ".join(p.text for p in res.paragraphs())


def test_report_002_sections_marks_and_numbers() -> None:
    doc = parse_seed("002_d242e9daf6675937")
    assert doc.kind == "report" and doc.report is not None
    report = doc.report
    headings = [(s.number, s.heading) for s in report.sections if s.number]
    assert headings == [
        ("III", "Enhancing international cooperation and assistance modalities and procedures"),
        (
            "IV",
            "Activities carried out by the United Nations for the implementation of resolutions "
            "76/32 and 76/232",
        ),
        ("G", "Crime prevention and criminal justice"),
        ("IV", "Recommendations for consideration by BMS8"),
    ]
    items = report.sections[-1].paragraphs
    assert [p.id for p in items] == ["li1", "li2", "li3"]
    assert items[0].text.endswith("work jointly in border corridors")
    assert [f.number for f in items[0].footnotes] == ["7"]
    everything = " ".join(p.text for p in report.paragraphs())
    assert "350 illegal weapons were seized and 160.000 EUR confiscated." in everything
    assert "seized a total of 594 firearms" in everything
    assert [f.number for f in report.footnotes] == ["1", "2", "3", "4", "5", "6", "7"]
    assert report.footnotes[2].urls == (
        "https://www.eurojust.europa.eu/news/illegal-trade-converted-firearms-halted-slovakia-czech-republic-and-netherlands",
    )
    reasons = {s.reason for s in doc.skipped}
    assert reasons == {"link annotation repeating a footnote URL"}
