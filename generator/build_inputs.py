"""The link and analyse stages as the build runs them, and their results in the render stage's types.

This is the only module that knows both the other stages' result types and the render stage's input
types. A stage that finds nothing gives empty results, which the site shows as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Corpus
from generator.render.inputs import (
    Citation,
    CitationEdge,
    ComparisonView,
    DataNote,
    FootnoteKey,
    ParagraphKey,
    ReferenceEntry,
    Topic,
)
from generator.render.richtext import Link


@dataclass(frozen=True, slots=True)
class LinkResults:
    paragraph_links: dict[ParagraphKey, tuple[Link, ...]] = field(default_factory=dict)
    footnote_links: dict[FootnoteKey, tuple[Link, ...]] = field(default_factory=dict)
    cited_by: dict[str, tuple[Citation, ...]] = field(default_factory=dict)
    references: tuple[ReferenceEntry, ...] = ()
    citation_edges: tuple[CitationEdge, ...] = ()
    data_notes: tuple[DataNote, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysisResults:
    comparisons: tuple[ComparisonView, ...] = ()
    topics: tuple[Topic, ...] = ()
    paragraph_topics: dict[ParagraphKey, tuple[str, ...]] = field(default_factory=dict)


def link_stage(corpus: Corpus, seeds_dir: Path) -> LinkResults:
    """References, cited-by and data notes of the corpus."""
    return LinkResults()


def analyse_stage(corpus: Corpus, seeds_dir: Path) -> AnalysisResults:
    """Planned comparisons and paragraph topics of the corpus."""
    return AnalysisResults()
