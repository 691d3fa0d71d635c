"""One resolution as an Akoma Ntoso 3.0 document, as the AKN4UN guidelines profile a resolution.

The shape, in the order the schema requires (``statement`` is an "open structure" document)::

    <akomaNtoso>
      <statement name="resolution">   AKN4UN: document type statement, subtype deliberation
        <meta>            FRBR identification, organizations, footnotes without a mark
        <coverPage>       the heading lines printed above the title, as printed
        <preface>         the symbol (docNumber) and the title (docTitle)
        <preamble>        the body line (formula) and the preambular paragraphs (recitals)
        <mainBody>        operative paragraphs (<num>), sub-paragraphs, lettered sections
        <conclusions>     the adoption line
        <attachments>     each annex: <attachment> holding a <doc name="annex">

Every paragraph's text is written as the model has it (``Paragraph.text``: lead phrase included, number
and footnote marks excluded), emphasis as ``<i>``, references as ``<ref href>``
(:mod:`generator.export.refs`), and each footnote as an ``<authorialNote>`` where its mark stood.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from generator.export.eids import AnnexIds, Node, ResolutionIds, Section
from generator.export.frbr import FrbrUri
from generator.export.inline import MarkBuilder, Span, fill
from generator.export.meta import Provenance, component_meta, proprietary, resolution_meta
from generator.export.refs import Href, OwnerKey
from generator.export.tree import element, serialise, text_element
from generator.model import Emphasis, Footnote, FootnoteRef, Paragraph, Resolution


@dataclass(frozen=True, slots=True)
class Export:
    """Everything one resolution's document is made of."""

    resolution: Resolution
    uri: FrbrUri
    ids: ResolutionIds
    wids: Mapping[str, str]
    """``eId`` -> ``wId`` (:mod:`generator.export.wids`)."""
    provenance: Provenance
    hrefs: Mapping[OwnerKey, tuple[Href, ...]]


def num_label(paragraph: Paragraph) -> str | None:
    """The number as printed before the text: "11." for a paragraph, "(a)" for a sub-paragraph."""
    if not paragraph.number:
        return None
    return f"({paragraph.number})" if paragraph.kind == "subparagraph" else f"{paragraph.number}."


class _Writer:
    def __init__(self, export: Export) -> None:
        self.export = export
        self.res = export.resolution
        self.footnotes: dict[str, Footnote] = {}
        for footnote in self.res.footnotes:
            self.footnotes.setdefault(footnote.number, footnote)

    # --- inline text -------------------------------------------------------------------------------

    def _spans(self, key: OwnerKey, text: str, emphasis: tuple[Emphasis, ...]) -> list[Span]:
        spans = [Span(e.start, e.end, "i") for e in emphasis]
        spans += [
            Span(h.start, h.end, "ref", (("href", h.href),))
            for h in self.export.hrefs.get(key, ())
            if h.end <= len(text)
        ]
        return spans

    def _note(self, mark: FootnoteRef, eid: str) -> MarkBuilder:
        def build(parent: etree._Element) -> None:
            attributes = {"eId": eid, "marker": mark.number, "placement": "bottom"}
            note = element("authorialNote", parent, attributes)
            self._footnote_text(note, self.footnotes.get(mark.number))

        return build

    def _footnote_text(self, holder: etree._Element, footnote: Footnote | None) -> None:
        p = element("p", holder)
        if footnote is None:
            p.set("class", "text-missing")  # the text has the mark but no footnote text for it
            return
        key = (self.res.id, f"fn{footnote.number}")
        fill(p, footnote.text, self._spans(key, footnote.text, footnote.emphasis))

    def _text(self, parent: etree._Element, paragraph: Paragraph, eid: str) -> None:
        """The paragraph's text as a ``<p>``, with its footnotes where their marks stood."""
        p = element("p", parent)
        marks = [
            (mark.offset, self._note(mark, f"{eid}__authorialNote_{k}"))
            for k, mark in enumerate(paragraph.footnotes, start=1)
        ]
        key = (self.res.id, paragraph.id)
        fill(p, paragraph.text, self._spans(key, paragraph.text, paragraph.emphasis), marks)

    # --- paragraphs --------------------------------------------------------------------------------

    def _attributes(self, node: Node) -> dict[str, str]:
        return {"eId": node.eid, "wId": self.export.wids.get(node.eid, node.eid)}

    def _block(self, parent: etree._Element, node: Node) -> None:
        """A recital or a list item: blocks only, so its sub-paragraphs are a ``<blockList>``."""
        holder = element(node.element, parent, self._attributes(node))
        label = num_label(node.paragraph)
        if node.element == "item" and label:
            text_element("num", holder, label)
        self._text(holder, node.paragraph, node.eid)
        if node.children:
            items = element("blockList", holder, {"eId": f"{node.eid}__list_1"})
            for child in node.children:
                self._block(items, child)

    def _hierarchy(self, parent: etree._Element, node: Node) -> None:
        """An operative paragraph or sub-paragraph: ``<num>``, then its text, then its sub-paragraphs."""
        holder = element(node.element, parent, self._attributes(node))
        label = num_label(node.paragraph)
        if label:
            text_element("num", holder, label)
        para = node.paragraph
        if not node.children:
            self._text(element("content", holder), para, node.eid)
            return
        if para.text or para.footnotes:
            self._text(element("intro", holder), para, node.eid)
        for child in node.children:
            self._hierarchy(holder, child)

    # --- the parts of the document -----------------------------------------------------------------

    def cover_page(self, parent: etree._Element) -> None:
        if self.res.headings:
            cover = element("coverPage", parent)
            box = element("container", cover, {"name": "headings"})
            for line in self.res.headings:
                text_element("p", box, line)

    def preface(self, parent: etree._Element) -> None:
        preface = element("preface", parent)
        text_element("docNumber", element("p", preface), self.res.symbol)
        if self.res.title:
            text_element("docTitle", element("p", element("longTitle", preface)), self.res.title)

    def preamble(self, parent: etree._Element) -> None:
        if not self.res.body_name and not self.export.ids.preamble:
            return
        preamble = element("preamble", parent)
        if self.res.body_name:
            formula = element("formula", preamble, {"name": "enactingFormula", "eId": "formula_1"})
            text_element("p", formula, self.res.body_name)
        if self.export.ids.preamble:
            recitals = element("recitals", preamble, {"eId": "recs"})
            for node in self.export.ids.preamble:
                self._block(recitals, node)

    def _section(self, parent: etree._Element, section: Section) -> None:
        holder = parent
        if section.letter and section.eid:
            holder = element("section", parent, {"eId": section.eid, "wId": section.eid})
            text_element("num", holder, section.letter)
        for node in section.nodes:
            self._hierarchy(holder, node)

    def main_body(self, parent: etree._Element) -> None:
        body = element("mainBody", parent)
        for section in self.export.ids.sections:
            self._section(body, section)
        if not self.export.ids.sections:
            # a fragment that holds no operative paragraph (the file stops inside the preamble)
            element("omissis", element("p", body, {"class": "not-in-source"}))

    def conclusions(self, parent: etree._Element) -> None:
        if self.res.adoption:
            box = element("container", element("conclusions", parent), {"name": "adoption"})
            text_element("p", box, self.res.adoption)

    def _annex(self, parent: etree._Element, annex: AnnexIds) -> None:
        attachment = element("attachment", parent, {"eId": annex.eid})
        if annex.annex.heading:
            text_element("heading", attachment, annex.annex.heading)
        doc = element("doc", attachment, {"name": "annex"})
        component_meta(doc, self.export.uri, self.res.body, annex.component)
        if annex.annex.title:
            title = element("longTitle", element("preface", doc))
            text_element("docTitle", element("p", title), annex.annex.title)
        body = element("mainBody", doc)
        for node in annex.nodes:
            self._hierarchy(body, node)
        if not annex.nodes:
            element("omissis", element("p", body, {"class": "not-in-source"}))

    def attachments(self, parent: etree._Element) -> None:
        if self.export.ids.annexes:
            holder = element("attachments", parent)
            for annex in self.export.ids.annexes:
                self._annex(holder, annex)

    def notes(self, meta: etree._Element) -> None:
        """Footnotes that no paragraph's mark points to, kept in ``<meta><notes>``."""
        marked = {mark.number for p in self.res.paragraphs() for mark in p.footnotes}
        unmarked = [f for f in self.res.footnotes if f.number not in marked]
        if unmarked:
            notes = element("notes", meta, {"source": "#resatlas"})
            for k, footnote in enumerate(unmarked, start=1):
                note = element("note", notes, {"eId": f"note_{k}", "marker": footnote.number})
                self._footnote_text(note, footnote)


def resolution_document(export: Export) -> str:
    """The resolution as an Akoma Ntoso document (UTF-8 XML text, deterministic)."""
    writer = _Writer(export)
    root = element("akomaNtoso")
    statement = element("statement", root, {"name": "resolution"})
    meta = resolution_meta(statement, export.resolution, export.uri)
    writer.notes(meta)
    proprietary(meta, export.resolution, export.provenance)
    writer.cover_page(statement)
    writer.preface(statement)
    writer.preamble(statement)
    writer.main_body(statement)
    writer.conclusions(statement)
    writer.attachments(statement)
    return serialise(root)
