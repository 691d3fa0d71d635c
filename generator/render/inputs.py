"""What the render stage is given: the corpus and what the link and analyse stages found about it.

These are the render stage's own plain types. ``build.py`` fills them from the other stages' results, so
templates and page contexts never reach into another stage's internals. Every field has an empty
default: a section of the site whose stage produced nothing shows that plainly, never invented data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import Corpus
from generator.render.richtext import Link

ParagraphKey = tuple[str, str]
"""(document id, paragraph id) — ``("cnd-65-2", "op11")``."""
FootnoteKey = tuple[str, str]
"""(document id, footnote number) — ``("cnd-65-2", "13")``."""


@dataclass(frozen=True, slots=True)
class Citation:
    """One paragraph (or footnote) of the corpus that cites something."""

    document_id: str
    anchor: str
    """The citing paragraph's id (``op11``) or footnote anchor (``fn-13``)."""
    label: str
    """How a reader names the place: "CND 65/2, operative paragraph 11"."""
    quote: str = ""
    """The words of the citation as printed ("resolution 51/11 of 14 March 2008")."""


@dataclass(frozen=True, slots=True)
class ReferenceEntry:
    """Something cited that is not a text of the corpus: an instrument, a document, a publication."""

    id: str
    """Page id under ``references/``: ``firearms-protocol``, ``doc-a-conf-192-15``."""
    kind: str
    """"instrument", "resolution", "document", "publication", "url"."""
    name: str
    official_link: str | None = None
    details: tuple[tuple[str, str], ...] = ()
    """Further facts shown on its page: ("Year", "2001"), ("Treaty Series", "vol. 2326, No. 39574")."""
    cited_by: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class DataNote:
    """A doubt about the corpus, with where it is and the evidence; shown, never silently fixed."""

    path: str
    line: int
    message: str
    evidence: tuple[str, ...] = ()
    """Quotations and places that show the problem, each naming its file and line."""
    code: str = ""


@dataclass(frozen=True, slots=True)
class DiffPiece:
    """One run of a word diff: ``op`` is "equal", "insert" or "delete"."""

    op: str
    text: str


@dataclass(frozen=True, slots=True)
class ClausePair:
    """One line of a comparison: a left and/or right paragraph, how they relate, and the diff."""

    status: str
    """"unchanged", "renumbered", "changed", "merged", "split", "moved", "only-left", "only-right"."""
    left: tuple[str, ...]
    right: tuple[str, ...]
    similarity: float | None
    diff: tuple[DiffPiece, ...] = ()
    lead_change: tuple[str, str] | None = None
    topics: tuple[str, ...] = ()
    moved: bool = False
    """The pair's place in the order of the text changed (besides its status)."""
    exact: bool = False
    """The texts are identical (an unchanged, renumbered or merely moved pair)."""
    nearest: tuple[str, ...] = ()
    """For an unpaired paragraph whose pair fell below the comparison's threshold: the other side's
    paragraph ids it was nearest to, with ``similarity`` their similarity."""


@dataclass(frozen=True, slots=True)
class ComparisonView:
    """A comparison of two documents, whole or restricted to topics, as the site shows it."""

    left: str
    right: str
    similarity: float
    pairs: tuple[ClausePair, ...]
    topic: str | None = None
    """The topic id of a topic view; ``None`` for the full comparison."""
    exact: bool = False
    """Every paragraph shown is kept word for word (so the similarity may say 100%)."""
    data: dict[str, object] = field(default_factory=dict)
    """The comparison's JSON document (written to ``data/comparisons/``); empty for topic views."""
    redline: bytes = b""
    """The comparison as a Word redline (``data/comparisons/<left>--<right>.docx``); empty for topic views."""

    @property
    def page_id(self) -> str:
        base = f"{self.left}--{self.right}"
        return f"{base}--{self.topic}" if self.topic else base


@dataclass(frozen=True, slots=True)
class EarlierUse:
    """An earlier paragraph of the corpus whose wording a paragraph repeats (agreed-language lineage)."""

    document_id: str
    paragraph_id: str
    date: str
    similarity: float
    """The comparison engine's similarity of the two paragraph texts, in [0, 1]."""
    comparison: str | None = None
    """The page id of the full comparison of the two resolutions, when this build has that page."""


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class CitationEdge:
    """One document of the corpus citing another (``count`` citing places)."""

    source: str
    target: str
    count: int


@dataclass(frozen=True, slots=True)
class AknFile:
    """A resolution's Akoma Ntoso document and where the site publishes it."""

    path: str
    """Docs-relative: ``data/akn/cnd-65-2.xml``."""
    xml: str


@dataclass(frozen=True, slots=True)
class SiteData:
    """Everything the site is rendered from."""

    corpus: Corpus
    paragraph_links: dict[ParagraphKey, tuple[Link, ...]] = field(default_factory=dict)
    footnote_links: dict[FootnoteKey, tuple[Link, ...]] = field(default_factory=dict)
    cited_by: dict[str, tuple[Citation, ...]] = field(default_factory=dict)
    """Corpus document id -> the places that cite it."""
    references: tuple[ReferenceEntry, ...] = ()
    citation_edges: tuple[CitationEdge, ...] = ()
    comparisons: tuple[ComparisonView, ...] = ()
    topics: tuple[Topic, ...] = ()
    paragraph_topics: dict[ParagraphKey, tuple[str, ...]] = field(default_factory=dict)
    data_notes: tuple[DataNote, ...] = ()
    lineage: dict[ParagraphKey, tuple[EarlierUse, ...]] = field(default_factory=dict)
    """A paragraph's earlier near-matches anywhere in the corpus, oldest (its first appearance) first."""
    lineage_data: dict[str, object] = field(default_factory=dict)
    """The lineage as JSON (``lineage_to_dict``, written split per resolution under ``data/lineage/``);
    empty when the build computed none."""
    akn: dict[str, AknFile] = field(default_factory=dict)
    """Resolution id -> its Akoma Ntoso document, for every resolution the export stage wrote."""
