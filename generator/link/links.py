"""The link stage's results: targets, citing places, link spans, reference pages and the graph.

:func:`generator.link.resolve.link_corpus` builds a :class:`Links`; the site builder reads it and
:func:`mermaid_graph` draws its citation graph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from generator.link.extract import ReferenceSpan
from generator.model import Corpus

ResolutionTarget = tuple[Literal["resolution"], str, str | None]
ReferenceTarget = tuple[Literal["reference"], str]
UrlTarget = tuple[Literal["url"], str]
Target = ResolutionTarget | ReferenceTarget | UrlTarget

BODY_TITLES = {
    "ga": "General Assembly",
    "sc": "Security Council",
    "ecosoc": "Economic and Social Council",
    "cnd": "Commission on Narcotic Drugs",
    "ccpcj": "Commission on Crime Prevention and Criminal Justice",
    "hrc": "Human Rights Council",
    "ctoc-cop": (
        "Conference of the Parties to the United Nations Convention against Transnational Organized Crime"
    ),
}
BODY_SHORT = {"ga": "GA", "sc": "SC", "ecosoc": "ECOSOC", "cnd": "CND", "ccpcj": "CCPCJ", "hrc": "HRC"}
BODY_SHORT["ctoc-cop"] = "UNTOC COP"


@dataclass(frozen=True, slots=True)
class Place:
    """Where a reference stands: a paragraph of a resolution or report, maybe through a footnote."""

    owner_id: str
    """The resolution id ("cnd-65-2") or report id."""
    paragraph_id: str
    """The citing paragraph; a report section's id for its heading; ``fn<number>`` for a footnote that
    no paragraph's mark points to (the parser found no mark for it)."""
    footnote: str | None
    """The footnote number when the reference is in the footnote that the paragraph's mark points to."""
    path: str
    line: int
    """The source line: the paragraph's first line, or the footnote's."""


@dataclass(frozen=True, slots=True)
class LinkSpan:
    """A span of a paragraph's (or footnote's) ``text`` that links somewhere: what C renders."""

    start: int
    end: int
    target: Target


@dataclass(frozen=True, slots=True)
class Citation:
    """One resolved reference."""

    place: Place
    span: ReferenceSpan
    target: Target | None
    """``None`` when the reference names nothing the site can link (a paragraph that does not exist)."""
    body: str | None
    """For resolutions and decisions: the issuing body decided by the resolver."""


@dataclass(frozen=True, slots=True)
class ReferencePage:
    """A page for something the corpus cites but does not hold."""

    id: str
    kind: str
    """resolution | decision | document | instrument | publication."""
    title: str
    key: str
    link: str | None
    """The official link, where one can be built."""
    body: str | None = None
    description: str | None = None
    """The title the first citing text gives it ("entitled ..."), or the instrument's name."""
    details: tuple[tuple[str, str], ...] = ()
    """Facts for its page: ("Year", "2001"), ("Treaty Series", "vol. 2326, No. 39574"), ("Document", ...)."""


@dataclass(frozen=True, slots=True)
class Links:
    """Everything the link stage found. Mappings are sorted by key; tuples are in corpus order."""

    citations: tuple[Citation, ...]
    paragraph_spans: Mapping[tuple[str, str], tuple[LinkSpan, ...]]
    """(owner id, paragraph id) -> linked spans of ``paragraph.text``."""
    footnote_spans: Mapping[tuple[str, str], tuple[LinkSpan, ...]]
    """(owner id, footnote number) -> linked spans of ``footnote.text``."""
    heading_spans: Mapping[tuple[str, str], tuple[LinkSpan, ...]]
    """(report id, section id) -> linked spans of the section's ``heading``."""
    references: Mapping[str, ReferencePage]
    cited_by: Mapping[tuple[str, str], tuple[tuple[str, str], ...]]
    """("resolution", id) or ("reference", id) -> (citing owner id, paragraph id), unique, in corpus order."""
    resolution_citations: Mapping[str, frozenset[str]]
    """Resolution id -> the in-corpus resolutions it cites (itself excluded)."""
    graph_edges: tuple[tuple[str, str], ...]
    """(citing owner id, cited resolution id), sorted, reports included."""
    edge_counts: Mapping[tuple[str, str], int]
    """How many citing places each graph edge stands for."""

    def spans_for(self, owner_id: str, paragraph_id: str) -> tuple[LinkSpan, ...]:
        return self.paragraph_spans.get((owner_id, paragraph_id), ())

    def footnote_spans_for(self, owner_id: str, footnote_number: str) -> tuple[LinkSpan, ...]:
        return self.footnote_spans.get((owner_id, footnote_number), ())

    def cited_by_target(self, target: Target) -> tuple[tuple[str, str], ...]:
        return self.cited_by.get((target[0], target[1]), ())

    @property
    def citations_by_resolution(self) -> Mapping[str, frozenset[str]]:
        """The name engineer A's comparison planner reads."""
        return self.resolution_citations


def _node(owner_id: str) -> str:
    return owner_id.replace("-", "_")


def _label(corpus: Corpus, owner_id: str) -> str:
    r = corpus.resolution(owner_id)
    if r is None:
        return owner_id
    short = BODY_SHORT.get(r.body, r.body.upper())
    number = r.number if r.session is None else f"{r.session}/{r.number}"
    return f"{short} {number}"


def mermaid_graph(corpus: Corpus, links: Links) -> str:
    """The citation graph of the corpus as a Mermaid flowchart (citing -> cited)."""
    nodes = sorted({n for edge in links.graph_edges for n in edge})
    lines = ["graph LR"]
    lines += [f'  {_node(n)}["{_label(corpus, n)}"]' for n in nodes]
    lines += [f"  {_node(a)} --> {_node(b)}" for a, b in links.graph_edges]
    return "\n".join(lines) + "\n"


def normal_title(title: str) -> str:
    """A title reduced for comparison: no leading "the"/"on", case, spaces or punctuation
    ("betwee n" split by a PDF compares equal to "between")."""
    text = re.sub(r"^(?:the|on)\s+", "", title.strip(), flags=re.IGNORECASE)
    return re.sub(r"[^a-z0-9]", "", text.lower())
