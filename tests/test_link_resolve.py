"""The resolver and the registry on hand-made model objects and YAML: one behaviour per test."""

from __future__ import annotations

import pytest

from generator.errors import ConfigError
from generator.link.extract import extract_references
from generator.link.registry import default_registry, parse_registry
from generator.link.resolve import decide_body, link_corpus
from generator.model import Corpus, Document, Footnote, FootnoteRef, Paragraph, Resolution, SourceSpan


def _para(
    pid: str, text: str, line: int, number: str | None = None, marks: tuple[FootnoteRef, ...] = ()
) -> Paragraph:
    kind = "operative" if number else "preambular"
    return Paragraph(pid, kind, number, "", text, SourceSpan("x.txt", line, line), footnotes=marks)


def _resolution(
    rid: str,
    body: str,
    session: int,
    number: str,
    paragraphs: list[Paragraph],
    notes: tuple[Footnote, ...] = (),
) -> Resolution:
    return Resolution(
        id=rid,
        symbol=f"{session}/{number}",
        body=body,
        body_name="The Commission on Narcotic Drugs" if body == "cnd" else "The General Assembly",
        session=session,
        number=number,
        title=f"Title of {rid}",
        date=None,
        adoption=None,
        fragment=False,
        preamble=tuple(p for p in paragraphs if p.number is None),
        operative=tuple(p for p in paragraphs if p.number is not None),
        footnotes=notes,
        source=SourceSpan("x.txt", 1, 99),
    )


@pytest.fixture
def corpus() -> Corpus:
    old = _resolution("cnd-1-1", "cnd", 1, "1", [_para("op1", "Decides.", 3, "1")])
    text = "Recalling its resolution 1/1 and General Assembly resolution 70/1,"
    note = Footnote("5", "General Assembly resolution 1/1.", SourceSpan("x.txt", 20, 20))
    new = _resolution(
        "cnd-2-4",
        "cnd",
        2,
        "4",
        [
            _para("pp1", text, 10, marks=(FootnoteRef("5", len(text), 10),)),
            _para("op1", "Urges States.", 12, "1"),
            _para("op2", "Recalls the measures in paragraph 1 above and paragraph 7 above;", 13, "2"),
        ],
        (note,),
    )
    return Corpus((Document("x.txt", "resolutions", (old, new)),))


def test_in_corpus_and_outside(corpus: Corpus) -> None:
    links = link_corpus(corpus, default_registry())
    assert [(s.start, s.end, s.target) for s in links.spans_for("cnd-2-4", "pp1")] == [
        (25, 28, ("resolution", "cnd-1-1", None)),
        (61, 65, ("reference", "ga-70-1")),
    ]
    # the footnote's "General Assembly resolution 1/1" is GA 1/1, not the CND's own 1/1
    assert links.footnote_spans_for("cnd-2-4", "5")[0].target == ("reference", "ga-1-1")
    assert links.cited_by[("reference", "ga-1-1")] == (("cnd-2-4", "pp1"),)
    assert links.cited_by[("resolution", "cnd-1-1")] == (("cnd-2-4", "pp1"),)
    assert links.resolution_citations == {"cnd-1-1": frozenset(), "cnd-2-4": frozenset({"cnd-1-1"})}


def test_paragraph_above_links_to_the_operative_paragraph_or_to_nothing(corpus: Corpus) -> None:
    links = link_corpus(corpus, default_registry())
    assert [s.target for s in links.spans_for("cnd-2-4", "op2")] == [("resolution", "cnd-2-4", "op1")]
    missing = [c for c in links.citations if c.span.kind == "paragraph" and c.target is None]
    assert [(c.place.paragraph_id, c.span.key) for c in missing] == [("op2", "7")]
    # a paragraph of the same resolution is a link, not a citation of another text
    assert ("resolution", "cnd-2-4") not in links.cited_by


@pytest.mark.parametrize(
    ("text", "owner_body", "owner_name", "body"),
    [
        ("in its resolution 1/1", "cnd", "The Commission on Narcotic Drugs", "cnd"),
        ("in Conference resolution 5/4", "ctoc-cop", "The Conference of the Parties to ...", "ctoc-cop"),
        ("in Conference resolution 5/4", "cnd", "The Commission on Narcotic Drugs", None),
        ("pursuant to resolution 1991/38", "cnd", "The Commission on Narcotic Drugs", "ecosoc"),
        ("pursuant to resolution 687 (1991)", "ga", "The General Assembly", "sc"),
        ("see resolution S-20/2", "cnd", "The Commission on Narcotic Drugs", "ga"),
        ("pursuant to resolution 79/54", "ga", "The General Assembly", "ga"),
        ("pursuant to resolution 79/54", None, "United Nations Office on Drugs and Crime", None),
    ],
)
def test_body_decision(text: str, owner_body: str | None, owner_name: str, body: str | None) -> None:
    [span] = extract_references(text)
    assert decide_body(span, owner_body, owner_name) == body


def test_registry_errors_name_the_entry_line() -> None:
    text = (
        "instruments:\n"
        "  - id: a\n    name: A\n    kind: convention\n    aliases: [A]\n"
        "  - id: b\n    name: B\n    kind: poem\n    aliases: [B]\n"
    )
    with pytest.raises(ConfigError) as error:
        parse_registry(text, "seeds/instruments.yml")
    assert str(error.value) == (
        "seeds/instruments.yml:6: unknown kind 'poem'; use one of agenda, charter, convention, declaration, "
        "framework, programme, protocol, publication, rules, treaty"
    )


def test_registry_rejects_a_duplicate_id() -> None:
    entry = "  - id: a\n    name: A\n    kind: convention\n    aliases: [A]\n"
    with pytest.raises(ConfigError, match=r"^seeds/instruments.yml:7: instrument id 'a' is used twice$"):
        parse_registry("instruments:\n" + entry + "\n" + entry, "seeds/instruments.yml")
