"""wId: a paragraph keeps its identity when a later version renumbers it."""

from __future__ import annotations

import dataclasses
from functools import cache

from akn_helpers import by_eid, schema_errors
from lxml import etree
from paths import CORPUS, SEEDS

from generator.export import export_akn
from generator.export.eids import resolution_ids
from generator.export.series import previous_versions
from generator.export.wids import first_version, next_version
from generator.ingest import load_corpus
from generator.link.registry import load_registry
from generator.link.resolve import link_corpus
from generator.model import Corpus, Document, Paragraph, Resolution

NEW_TEXT = (
    "Urges Member States to share information on seized firearms and ammunition with the United Nations "
    "Office on Drugs and Crime, in order to identify trafficking routes;"
)


@cache
def seeds() -> Corpus:
    return load_corpus(SEEDS)


def _renumbered(paragraphs: tuple[Paragraph, ...], at: int, new: Paragraph) -> tuple[Paragraph, ...]:
    """``paragraphs`` with ``new`` inserted as operative paragraph ``at``, the later ones renumbered."""
    out = []
    for para in paragraphs:
        number = int(para.number or 0)
        if number == at:
            out.append(new)
        if number >= at:
            shifted = str(number + 1)
            subs = tuple(dataclasses.replace(s, id=f"op{shifted}-{s.number}") for s in para.subparagraphs)
            para = dataclasses.replace(para, id=f"op{shifted}", number=shifted, subparagraphs=subs)
        out.append(para)
    return tuple(out)


def revised(original: Resolution, at: int, new_id: str) -> Resolution:
    """A later version of ``original``: same title, a new operative paragraph ``at``, dated a year on."""
    template = next(p for p in original.operative if p.number == str(at))
    new = dataclasses.replace(
        template, id=f"op{at}", text=NEW_TEXT, lead="Urges", emphasis=(), footnotes=(), subparagraphs=()
    )
    session = (original.session or 0) + 1
    return dataclasses.replace(
        original,
        id=new_id,
        session=session,
        date=f"{int((original.date or '2000')[:4]) + 1}{(original.date or '')[4:]}",
        operative=_renumbered(original.operative, at, new),
    )


def test_seeds_series_follow_title_and_citation_by_title() -> None:
    c = seeds()
    links = link_corpus(c, load_registry(SEEDS / "instruments.yml"))
    # 65/2 recalls "its resolution 51/11 ... on the links between illicit drug trafficking and illicit
    # firearms trafficking", which is 51/11's title
    assert previous_versions(c, links) == {"cnd-65-2": "cnd-51-11"}


def test_an_inserted_paragraph_leaves_the_others_their_wids() -> None:
    original = seeds().resolution("cnd-65-2")
    assert original is not None
    later = revised(original, 6, "cnd-66-2")
    before = resolution_ids(original)
    wids = next_version(resolution_ids(later), later.id, before, first_version(before))
    assert [wids[f"para_{n}"] for n in range(1, 6)] == [f"para_{n}" for n in range(1, 6)]
    assert wids["para_6"] == "para_6-cnd-66-2"  # new, and para_6 is the old paragraph 6's identity
    assert [wids[f"para_{n + 1}"] for n in range(6, 17)] == [f"para_{n}" for n in range(6, 17)]
    assert all(wids[f"rec_{n}"] == f"rec_{n}" for n in range(1, 14))


def test_sub_paragraphs_follow_their_renumbered_paragraph() -> None:
    c = load_corpus(SEEDS, [CORPUS / "S_RES_0687_1991_EN_GOLD.txt"])
    original = c.resolution("sc-687")
    assert original is not None
    later = revised(original, 7, "sc-688")
    before = resolution_ids(original)
    wids = next_version(resolution_ids(later), later.id, before, first_version(before))
    assert wids["para_9"] == "para_8"
    assert wids["para_9__subpara_a"] == "para_8__subpara_a"
    assert wids["para_9__subpara_b"] == "para_8__subpara_b"


def test_the_export_writes_the_series_wids() -> None:
    original = seeds().resolution("cnd-65-2")
    assert original is not None
    later = dataclasses.replace(revised(original, 6, "cnd-66-2"), number="2")
    c = Corpus((Document("a.txt", "resolutions", (original,)), Document("b.txt", "resolutions", (later,))))
    result = export_akn(c, link_corpus(c, load_registry(SEEDS / "instruments.yml")))
    assert result.previous == {"cnd-66-2": "cnd-65-2"}
    xml = result.documents["cnd-66-2"]
    assert schema_errors(xml) == []
    elements = by_eid(etree.fromstring(xml.encode()))
    assert elements["para_12"].get("wId") == "para_11"
    assert elements["para_6"].get("wId") == "para_6-cnd-66-2"
    assert 'previous="cnd-65-2"' in xml
    first = by_eid(etree.fromstring(result.documents["cnd-65-2"].encode()))
    assert all(e.get("wId") == eid for eid, e in first.items() if e.get("wId"))
