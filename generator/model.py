"""The document model: plain, frozen, typed data that remembers where it came from.

Every stage after ingestion reads these classes and returns new values; nothing mutates them.
Ids are permalinks and never change once published:

* resolution ids are ``<body>-<session>-<number>`` in lower case (``cnd-51-11``, ``ctoc-cop-7-2``,
  ``ga-77-71``); Security Council resolutions have no session: ``sc-2482``;
* paragraph ids are ``pp<n>`` for preambular paragraphs (counted, since they carry no number),
  ``op<printed number>`` for operative paragraphs, ``op18-a`` for sub-paragraph (a) of op18,
  ``op18-a-i`` for a sub-sub-paragraph; paragraphs of a lettered section of the operative part
  (Security Council 687) are ``opA1``; paragraphs of an annex ``annex-op3`` (``annex2-op3`` for the
  second annex), unnumbered paragraphs of an annex ``annex-p1``; an unnumbered operative paragraph
  (GA 80/9 "Adopts ...") is ``op-u1``; operative paragraphs of a lettered section (SC 687, sections
  A-I) keep their printed numbers (``op2``) and carry the letter in ``section``;
* report paragraphs are ``p1, p2...`` (prose) and ``li1, li2...`` (list items), counted over the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.errors import ParseError

ParagraphKind = Literal["preambular", "operative", "subparagraph", "annex", "report"]
DocumentKind = Literal["resolutions", "report"]


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where a piece of the model stands in its input file (1-based, inclusive lines)."""

    path: str
    """The input file as it was named to the parser."""
    first_line: int
    last_line: int

    def __str__(self) -> str:
        if self.first_line == self.last_line:
            return f"{self.path}:{self.first_line}"
        return f"{self.path}:{self.first_line}-{self.last_line}"


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote mark in a paragraph's text."""

    number: str
    """The mark as printed ("68", "13")."""
    offset: int
    """Character offset in the owning paragraph's ``text`` where the mark stood (after that character)."""
    line: int
    """Source line of the mark."""


@dataclass(frozen=True, slots=True)
class Emphasis:
    """An italic span of a paragraph's text (lead phrases, titles of publications, *modi operandi*)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a resolution or report as a UN reader numbers it."""

    id: str
    """Permalink id within the resolution: ``pp3``, ``op11``, ``op18-a``."""
    kind: ParagraphKind
    number: str | None
    """The printed number or letter ("11", "a", "iv"); ``None`` for preambular paragraphs."""
    lead: str
    """The lead phrase: "Recalling also", "Noting with concern", "Also encourages"; "" when there is none."""
    text: str
    """The paragraph as printed, lead phrase included, without its number, footnote marks or emphasis
    markup, white space collapsed. For a paragraph with sub-paragraphs: the part before the first one."""
    source: SourceSpan
    footnotes: tuple[FootnoteRef, ...] = ()
    emphasis: tuple[Emphasis, ...] = ()
    subparagraphs: tuple[Paragraph, ...] = ()
    section: str | None = None
    """The lettered section of the operative part ("A"), or the annex heading for annex paragraphs."""

    @property
    def full_text(self) -> str:
        """The text with every sub-paragraph's text appended, as a reader quotes the whole clause."""
        parts = [self.text]
        for sub in self.subparagraphs:
            label = f"({sub.number}) " if sub.number else ""
            parts.append(label + sub.full_text)
        return " ".join(p for p in parts if p)

    def walk(self) -> tuple[Paragraph, ...]:
        """This paragraph followed by all its sub-paragraphs, depth first."""
        out: list[Paragraph] = [self]
        for sub in self.subparagraphs:
            out.extend(sub.walk())
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote's text, with the URLs it names."""

    number: str
    text: str
    source: SourceSpan
    urls: tuple[str, ...] = ()
    emphasis: tuple[Emphasis, ...] = ()
    marks: tuple[FootnoteRef, ...] = ()
    """Footnote marks printed inside the footnote's own text (rare: a note that cites another note)."""


@dataclass(frozen=True, slots=True)
class Annex:
    """An annex to a resolution: a heading, a title and its paragraphs."""

    id: str
    """``annex`` or ``annex2``..."""
    heading: str
    """"Annex", "Annex II"."""
    title: str
    paragraphs: tuple[Paragraph, ...]
    source: SourceSpan


@dataclass(frozen=True, slots=True)
class Resolution:
    """One resolution, whole or a fragment of one."""

    id: str
    """Permalink id: ``cnd-65-2``."""
    symbol: str
    """The resolution's number as its body cites it: "51/11", "2482 (2019)", "A/RES/77/71"."""
    body: str
    """Body code: "cnd", "ga", "sc", "ctoc-cop", "ecosoc", "ccpcj"."""
    body_name: str
    """The issuing body as the text names it: "The Commission on Narcotic Drugs"."""
    session: int | None
    number: str
    title: str
    date: str | None
    """Adoption date, ISO 8601, when known."""
    adoption: str | None
    """The adoption line as printed ("10th Plenary Meeting 12 March 2010"), without its footnote marks;
    two adoption statements of one resolution (one per part) are joined by " | "."""
    fragment: bool
    """True when the file holds only part of the resolution."""
    preamble: tuple[Paragraph, ...]
    operative: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    source: SourceSpan
    annexes: tuple[Annex, ...] = ()
    headings: tuple[str, ...] = ()
    """Heading lines printed above the title that are not the title (agenda items, "Resolution 65/2")."""
    source_document: str | None = None
    """The official document the text comes from, from the catalog ("E/2008/28")."""
    adoption_footnotes: tuple[FootnoteRef, ...] = ()
    """Footnote marks printed after the adoption line ("Adopted at the 2nd meeting. 22"); their offsets
    are in ``adoption``."""

    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph, sub-paragraphs and annexes included, in reading order."""
        out: list[Paragraph] = []
        for para in (*self.preamble, *self.operative):
            out.extend(para.walk())
        for annex in self.annexes:
            for para in annex.paragraphs:
                out.extend(para.walk())
        return tuple(out)

    def marks(self) -> tuple[FootnoteRef, ...]:
        """Every footnote mark of the resolution, in reading order: paragraphs, then the adoption line."""
        refs = [ref for para in self.paragraphs() for ref in para.footnotes]
        return (*refs, *self.adoption_footnotes)

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        return next((p for p in self.paragraphs() if p.id == paragraph_id), None)


@dataclass(frozen=True, slots=True)
class ReportSection:
    """A section of a report (002): heading, its paragraphs and list items."""

    id: str
    """``s1``, ``s2``... in reading order; ``number`` keeps the printed roman numeral or letter."""
    number: str | None
    heading: str
    level: int
    paragraphs: tuple[Paragraph, ...]
    source: SourceSpan


@dataclass(frozen=True, slots=True)
class Report:
    """A document that is not a resolution: a report section with headings, prose and recommendations."""

    id: str
    title: str
    body: str
    body_name: str
    sections: tuple[ReportSection, ...]
    footnotes: tuple[Footnote, ...]
    source: SourceSpan
    heading_lines: tuple[str, ...] = ()
    """Lines printed above the report's text (a running head: "ECOSOC – Commission on Narcotic Drugs")."""

    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for section in self.sections for p in section.paragraphs)


@dataclass(frozen=True, slots=True)
class SkippedLine:
    """A line that carries no text of the document: running head, job number, page number, barcode."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Repair:
    """A change the parser made to the printed characters, always reported: a PDF-split word rejoined."""

    line: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A warning about doubtful structure: a gap in numbering, a footnote mark with no footnote text."""

    path: str
    line: int
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class Document:
    """One input file: the resolutions (or the report) it holds, and what was set aside."""

    path: str
    kind: DocumentKind
    resolutions: tuple[Resolution, ...] = ()
    report: Report | None = None
    front_matter: tuple[tuple[str, str], ...] = ()
    skipped: tuple[SkippedLine, ...] = ()
    repairs: tuple[Repair, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    source_lines: tuple[str, ...] = field(default=(), repr=False)
    """The input's lines as decoded, line endings removed: later stages point at exact lines with them
    instead of reading the file again (which may have changed, or be another git revision's)."""


def _unique_ids(documents: tuple[Document, ...]) -> None:
    """Ids are unique by construction: two documents claiming one id (a resolution's, or a report's:
    they share the site's page names) are an error naming both places, never one page replacing
    the other. The same path twice is one file given twice."""
    first: dict[str, tuple[str, SourceSpan]] = {}
    paths: set[str] = set()
    for document in documents:
        if document.path in paths:
            raise ParseError(document.path, 1, "this file is given twice; give each file once")
        paths.add(document.path)
        owned: list[tuple[str, str, SourceSpan]] = [
            ("resolution", r.id, r.source) for r in document.resolutions
        ]
        if document.report is not None:
            owned.append(("report", document.report.id, document.report.source))
        for kind, doc_id, source in owned:
            if doc_id in first:
                other_kind, other = first[doc_id]
                as_other = "" if other_kind == kind else f" (as a {other_kind})"
                raise ParseError(
                    source.path,
                    source.first_line,
                    f"{kind} {doc_id} is already given by {other.path}:{other.first_line}{as_other}; "
                    "two texts cannot be one document: is one of them mis-headed, misnamed or a copy?",
                )
            first[doc_id] = (kind, source)


@dataclass(frozen=True, slots=True)
class Corpus:
    """Every document of a build, in a stable order (by file name); no two with one id."""

    documents: tuple[Document, ...]
    _resolutions: tuple[Resolution, ...] = field(init=False, repr=False, compare=False)
    _by_id: dict[str, Resolution] = field(init=False, repr=False, compare=False)
    _by_path: dict[str, Document] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        _unique_ids(self.documents)
        # Derived once: pages and links look resolutions up by id tens of thousands of times.
        resolutions = tuple(r for d in self.documents for r in d.resolutions)
        by_id: dict[str, Resolution] = {}
        for res in resolutions:
            by_id.setdefault(res.id, res)
        object.__setattr__(self, "_resolutions", resolutions)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_by_path", {d.path: d for d in self.documents})

    def resolutions(self) -> tuple[Resolution, ...]:
        return self._resolutions

    def resolution(self, resolution_id: str) -> Resolution | None:
        return self._by_id.get(resolution_id)

    def source_lines(self, path: str) -> tuple[str, ...]:
        """The lines of the input ``path`` names; () for a path that is not one of the corpus's."""
        document = self._by_path.get(path)
        return document.source_lines if document is not None else ()

    def reports(self) -> tuple[Report, ...]:
        return tuple(d.report for d in self.documents if d.report is not None)
