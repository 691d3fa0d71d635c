"""Resolve the references of a corpus: in-corpus links, reference pages, "cited by", the citation graph.

:func:`link_corpus` reads every paragraph of every resolution and report, and the footnotes its marks
point to (a footnote's references count for the paragraph carrying the mark), and returns
:class:`Links`. Each reference resolves to a target:

* ``("resolution", resolution_id, paragraph_id | None)`` -- a resolution of the corpus ("paragraph 3
  above" is op3 of the citing resolution; "paragraph 24 of resolution 687 (1991)" is op24 of 687);
* ``("reference", reference_page_id)`` -- anything else with a page of its own: resolutions outside
  the corpus, decisions, document symbols, instruments and publications;
* ``("url", url)``.

The issuing body of a bare number comes from the words around it (see
:class:`~generator.link.extract.ReferenceSpan.body`), then from the number's form (``1991/38`` is
ECOSOC, ``2482 (2019)`` the Security Council, ``S-20/2`` and ``217 A (III)`` the General Assembly),
then from the citing resolution's own body.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.link.extract import ANAPHORA, GENERIC_BODIES, ReferenceSpan, extract_references
from generator.link.links import (
    BODY_TITLES,
    Citation,
    Links,
    LinkSpan,
    Place,
    ReferencePage,
    Target,
    mermaid_graph,
    normal_title,
)
from generator.link.registry import Registry
from generator.link.symbols import (
    UNDOCS,
    ResolutionNumber,
    official_link,
    parse_document_symbol,
    resolution_symbol,
)
from generator.model import Corpus, Footnote, Paragraph, Resolution, SourceSpan

__all__ = [
    "Citation",
    "LinkSpan",
    "Links",
    "Place",
    "ReferencePage",
    "Target",
    "decide_body",
    "link_corpus",
    "mermaid_graph",
    "resolution_lookup_key",
]

FORM_BODIES = {"ecosoc": "ecosoc", "sc": "sc", "bare": "sc", "special": "ga", "roman": "ga"}


@dataclass(frozen=True, slots=True)
class _Owner:
    id: str
    body: str
    body_name: str
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    resolution: Resolution | None
    headings: tuple[tuple[str, str, SourceSpan], ...] = ()
    """Report section headings: (section id, heading, source)."""


def _owners(corpus: Corpus) -> tuple[_Owner, ...]:
    owners: list[_Owner] = []
    for document in corpus.documents:
        for r in document.resolutions:
            owners.append(_Owner(r.id, r.body, r.body_name, r.paragraphs(), r.footnotes, r))
        if document.report is not None:
            rep = document.report
            paragraphs = tuple(p for s in rep.sections for para in s.paragraphs for p in para.walk())
            headings = tuple((sec.id, sec.heading, sec.source) for sec in rep.sections)
            owners.append(_Owner(rep.id, rep.body, rep.body_name, paragraphs, rep.footnotes, None, headings))
    return tuple(owners)


def resolution_lookup_key(body: str, session: str | None, number: str) -> tuple[str, str]:
    """The key that matches a citation with a resolution of the corpus: ("cnd", "51/11"), ("sc", "2482")."""
    return (body, number if body == "sc" or session is None else f"{session}/{number}")


def decide_body(span: ReferenceSpan, owner_body: str | None, owner_body_name: str) -> str | None:
    """The issuing body of a cited resolution or decision (see the module docstring)."""
    guess = span.body
    if guess == "self":
        return owner_body
    if guess in GENERIC_BODIES:
        return owner_body if guess and guess in owner_body_name.lower() else None
    if guess is not None:
        return guess
    if span.number is not None and span.number.form in FORM_BODIES:
        return FORM_BODIES[span.number.form]
    return owner_body


def _number_key(number: ResolutionNumber) -> tuple[str | None, str]:
    if number.form in ("sc", "bare"):
        return None, number.number
    return number.session, number.number


def _operative_by_number(resolution: Resolution, number: str, annex_prefix: str | None) -> str | None:
    for p in resolution.paragraphs():
        in_annex = p.id.startswith("annex")
        if p.kind == "subparagraph" or p.number != number:
            continue
        if annex_prefix is None and not in_annex and p.kind == "operative":
            return p.id
        if annex_prefix is not None and in_annex and p.id.split("-", 1)[0] == annex_prefix:
            return p.id
    return None


class _Resolver:
    def __init__(self, corpus: Corpus, registry: Registry) -> None:
        self.registry = registry
        self.index: dict[tuple[str, str], Resolution] = {}
        for r in corpus.resolutions():
            self.index[
                resolution_lookup_key(r.body, str(r.session) if r.session is not None else None, r.number)
            ] = r
        self.pages: dict[str, ReferencePage] = {}
        self.corpus_titles = {normal_title(r.title) for r in corpus.resolutions() if r.title}
        """A cited title that is a corpus resolution's title describes that one, not the cited number."""
        self.last_of_kind: dict[str, str] = {}
        """Kind of instrument -> the one named last in the current text (for "the Convention")."""

    def start(self, owner: _Owner) -> None:
        self.last_of_kind = {}

    def remember(self, spans: tuple[ReferenceSpan, ...]) -> None:
        """Note the instruments named in ``spans`` as the last of their kinds, linking nothing."""
        for span in spans:
            instrument = self.registry.get(span.key) if span.kind == "instrument" else None
            if instrument is not None:
                self.last_of_kind[instrument.kind] = instrument.id

    def resolve(
        self, owner: _Owner, paragraph: Paragraph, span: ReferenceSpan
    ) -> tuple[Target | None, str | None]:
        if span.kind == "url":
            return self._url(span.key), None
        if span.kind == "paragraph":
            if owner.resolution is None:
                return None, None
            in_annex = paragraph.id.startswith("annex") and span.scope == "here"
            prefix = paragraph.id.split("-", 1)[0] if in_annex else None
            found = _operative_by_number(owner.resolution, span.key, prefix)
            return (("resolution", owner.id, found) if found else None), None
        if span.kind in ("resolution", "decision") and span.number is not None:
            body = decide_body(span, owner.body if owner.resolution else None, owner.body_name)
            return self._resolution(span, span.number, body), body
        if span.kind == "document":
            return self._document(span), None
        return self._instrument(span), None

    def _resolution(self, span: ReferenceSpan, number: ResolutionNumber, body: str | None) -> Target:
        if span.kind == "resolution" and body is not None:
            session, num = _number_key(number)
            target = self.index.get(resolution_lookup_key(body, session, num))
            if target is not None:
                para = _operative_by_number(target, span.paragraph, None) if span.paragraph else None
                return ("resolution", target.id, para)
        slug = number.slug()
        word = "resolution" if span.kind == "resolution" else "decision"
        if body is None:
            page_id = f"{word}-{slug}"
            title = f"Resolution {number.key}" if word == "resolution" else f"Decision {number.key}"
        else:
            page_id = f"{body}-{slug}" if word == "resolution" else f"{body}-decision-{slug}"
            title = f"{BODY_TITLES.get(body, body.upper())} {word} {number.key}"
        symbol = resolution_symbol(body, number) if body and word == "resolution" else None
        link = official_link(symbol) if symbol else None
        cited = span.cited_title
        described = cited if cited and normal_title(cited) not in self.corpus_titles else None
        self._page(ReferencePage(page_id, word, title, number.key, link, body, described))
        return ("reference", page_id)

    def _url(self, url: str) -> Target:
        """An ``https://undocs.org/<symbol>`` link is the document's: its page lists who cites it."""
        if url.startswith(UNDOCS):
            try:
                symbol = parse_document_symbol(url.removeprefix(UNDOCS))
            except ValueError:
                return ("url", url)
            page_id = symbol.slug()
            self._page(ReferencePage(page_id, "document", symbol.symbol, symbol.symbol, url))
            return ("reference", page_id)
        return ("url", url)

    def _document(self, span: ReferenceSpan) -> Target:
        symbol = parse_document_symbol(span.key)
        page_id = symbol.slug()
        self._page(
            ReferencePage(page_id, "document", symbol.symbol, symbol.symbol, official_link(symbol.symbol))
        )
        return ("reference", page_id)

    def _instrument(self, span: ReferenceSpan) -> Target | None:
        if span.key.startswith(ANAPHORA):
            named = self.last_of_kind.get(span.key.removeprefix(ANAPHORA))
            return ("reference", named) if named else None
        instrument = self.registry.get(span.key)
        if instrument is None:
            volume, number = span.key.removeprefix("unts-").split("-")
            title = f"United Nations, Treaty Series, vol. {volume}, No. {number}"
            self._page(ReferencePage(span.key, "instrument", title, span.key, None))
        else:
            kind = "publication" if instrument.kind == "publication" else "instrument"
            details = [("Kind", instrument.kind)]
            details += [("Year", str(instrument.year))] if instrument.year else []
            details += [
                ("Treaty Series", f"vol. {t.volume}, No. {t.number}") for t in instrument.treaty_series
            ]
            details += [("Document", instrument.document)] if instrument.document else []
            name = instrument.name
            page = ReferencePage(
                instrument.id, kind, name, instrument.id, instrument.link, None, name, tuple(details)
            )
            self._page(page)
            self.last_of_kind[instrument.kind] = instrument.id
        return ("reference", span.key)

    def _page(self, page: ReferencePage) -> None:
        known = self.pages.get(page.id)
        if known is None or (known.description is None and page.description is not None):
            self.pages[page.id] = page


def _footnotes_of(owner: _Owner, paragraph: Paragraph) -> tuple[Footnote, ...]:
    wanted = [mark.number for mark in paragraph.footnotes]
    return tuple(f for n in wanted for f in owner.footnotes if f.number == n)


def _footnote_refs(
    owner: _Owner,
    number: str,
    registry: Registry,
    cache: dict[tuple[str, str], tuple[ReferenceSpan, ...]],
) -> tuple[ReferenceSpan, ...]:
    footnote = next((f for f in owner.footnotes if f.number == number), None)
    if footnote is None:
        return ()
    return cache.get((owner.id, number)) or extract_references(footnote.text, registry)


def _footnote(
    resolver: _Resolver,
    owner: _Owner,
    paragraph: Paragraph,
    footnote: Footnote,
    citations: list[Citation],
    footnote_spans: dict[tuple[str, str], list[LinkSpan]],
    cache: dict[tuple[str, str], tuple[ReferenceSpan, ...]],
) -> None:
    key = (owner.id, footnote.number)
    first_time = key not in cache
    if first_time:
        cache[key] = extract_references(footnote.text, resolver.registry)
    place = Place(owner.id, paragraph.id, footnote.number, footnote.source.path, footnote.source.first_line)
    for span in cache[key]:
        target, body = resolver.resolve(owner, paragraph, span)
        citations.append(Citation(place, span, target, body))
        if target is not None and first_time:
            footnote_spans.setdefault(key, []).append(LinkSpan(span.start, span.end, target))


def link_corpus(corpus: Corpus, registry: Registry) -> Links:
    """Resolve every reference of every paragraph (and of the footnotes its marks point to)."""
    resolver = _Resolver(corpus, registry)
    citations: list[Citation] = []
    paragraph_spans: dict[tuple[str, str], list[LinkSpan]] = {}
    footnote_spans: dict[tuple[str, str], list[LinkSpan]] = {}
    footnote_cache: dict[tuple[str, str], tuple[ReferenceSpan, ...]] = {}
    heading_spans: dict[tuple[str, str], list[LinkSpan]] = {}
    for owner in _owners(corpus):
        resolver.start(owner)
        for section_id, heading, source in owner.headings:
            place = Place(owner.id, section_id, None, source.path, source.first_line)
            holder = Paragraph(section_id, "report", None, "", heading, source)
            for span in extract_references(heading, registry):
                target, body = resolver.resolve(owner, holder, span)
                citations.append(Citation(place, span, target, body))
                if target is not None:
                    heading_spans.setdefault((owner.id, section_id), []).append(
                        LinkSpan(span.start, span.end, target)
                    )
        for paragraph in owner.paragraphs:
            place = Place(owner.id, paragraph.id, None, paragraph.source.path, paragraph.source.first_line)
            marks = sorted(paragraph.footnotes, key=lambda mark: mark.offset)
            for span in extract_references(paragraph.text, registry):
                while marks and marks[0].offset <= span.start:
                    # a footnote read before the span: "the Protocol" after "...,6" means footnote 6's
                    resolver.remember(_footnote_refs(owner, marks.pop(0).number, registry, footnote_cache))
                target, body = resolver.resolve(owner, paragraph, span)
                citations.append(Citation(place, span, target, body))
                if target is not None:
                    paragraph_spans.setdefault((owner.id, paragraph.id), []).append(
                        LinkSpan(span.start, span.end, target)
                    )
            for footnote in _footnotes_of(owner, paragraph):
                _footnote(resolver, owner, paragraph, footnote, citations, footnote_spans, footnote_cache)
        marked = {mark.number for paragraph in owner.paragraphs for mark in paragraph.footnotes}
        for footnote in owner.footnotes:
            if footnote.number not in marked:
                holder = Paragraph(f"fn{footnote.number}", "annex", None, "", footnote.text, footnote.source)
                _footnote(resolver, owner, holder, footnote, citations, footnote_spans, footnote_cache)
    return _assemble(corpus, citations, paragraph_spans, footnote_spans, heading_spans, resolver.pages)


def _assemble(
    corpus: Corpus,
    citations: list[Citation],
    paragraph_spans: dict[tuple[str, str], list[LinkSpan]],
    footnote_spans: dict[tuple[str, str], list[LinkSpan]],
    heading_spans: dict[tuple[str, str], list[LinkSpan]],
    pages: dict[str, ReferencePage],
) -> Links:
    cited_by: dict[tuple[str, str], list[tuple[str, str]]] = {}
    cites: dict[str, set[str]] = {r.id: set() for r in corpus.resolutions()}
    edges: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for c in citations:
        if c.target is None or c.target[0] == "url":
            continue
        key = (c.target[0], c.target[1])
        citing = (c.place.owner_id, c.place.paragraph_id)
        if c.target[0] == "resolution" and c.target[1] == c.place.owner_id:
            continue  # "paragraph 3 above" links, but is not a citation of another text
        listed = cited_by.setdefault(key, [])
        if citing not in listed:
            listed.append(citing)
        if c.target[0] == "resolution":
            edges.setdefault((c.place.owner_id, c.target[1]), set()).add(citing)
            if c.place.owner_id in cites:
                cites[c.place.owner_id].add(c.target[1])
    return Links(
        citations=tuple(citations),
        paragraph_spans={k: tuple(v) for k, v in sorted(paragraph_spans.items())},
        footnote_spans={k: tuple(v) for k, v in sorted(footnote_spans.items())},
        heading_spans={k: tuple(v) for k, v in sorted(heading_spans.items())},
        references=dict(sorted(pages.items())),
        cited_by={k: tuple(v) for k, v in sorted(cited_by.items())},
        resolution_citations={k: frozenset(v) for k, v in sorted(cites.items())},
        graph_edges=tuple(sorted(edges)),
        edge_counts={edge: len(places) for edge, places in sorted(edges.items())},
    )
