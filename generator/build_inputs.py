"""The link and analyse stages as the build runs them, and their results in the render stage's types.

This is the only module that knows both the other stages' result types and the render stage's input
types. A configuration file that is absent (``instruments.yml``, ``topics.yml``, ``comparisons.yml`` in
the seeds folder) means an empty registry, taxonomy or plan, which the site shows as such.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from generator.analyse.compare import (
    Comparison,
    compare_resolutions,
    comparison_to_dict,
    default_pairs,
    filter_comparison,
    plan_comparisons,
)
from generator.analyse.lineage import Lineage, build_lineage, lineage_to_dict
from generator.analyse.topics import EMPTY_TAXONOMY, Taxonomy, load_taxonomy, paragraph_topics
from generator.errors import ConfigError
from generator.export import akn_path, export_akn
from generator.export.redline import redline_docx
from generator.link.checks import check_corpus
from generator.link.registry import DEFAULT_REGISTRY, load_registry
from generator.link.resolve import Links, LinkSpan, Target, link_corpus
from generator.model import Corpus, Paragraph, Resolution
from generator.render.inputs import (
    AknFile,
    Citation,
    CitationEdge,
    ClausePair,
    ComparisonView,
    DataNote,
    DiffPiece,
    EarlierUse,
    FootnoteKey,
    ParagraphKey,
    ReferenceEntry,
    Topic,
)
from generator.render.names import SitePaths, paragraph_label, reference_page
from generator.render.richtext import Link, footnote_anchor


@dataclass(frozen=True, slots=True)
class LinkResults:
    paragraph_links: dict[ParagraphKey, tuple[Link, ...]] = field(default_factory=dict)
    footnote_links: dict[FootnoteKey, tuple[Link, ...]] = field(default_factory=dict)
    cited_by: dict[str, tuple[Citation, ...]] = field(default_factory=dict)
    references: tuple[ReferenceEntry, ...] = ()
    citation_edges: tuple[CitationEdge, ...] = ()
    data_notes: tuple[DataNote, ...] = ()
    resolution_citations: Mapping[str, frozenset[str]] = field(default_factory=dict)
    links: Links | None = None
    """The link stage's own result, which the export stage reads (references with their targets)."""


@dataclass(frozen=True, slots=True)
class AnalysisResults:
    comparisons: tuple[ComparisonView, ...] = ()
    topics: tuple[Topic, ...] = ()
    paragraph_topics: dict[ParagraphKey, tuple[str, ...]] = field(default_factory=dict)
    lineage: dict[ParagraphKey, tuple[EarlierUse, ...]] = field(default_factory=dict)
    lineage_data: dict[str, object] = field(default_factory=dict)


# --- link --------------------------------------------------------------------------------------------


def _target(target: Target, paths: SitePaths) -> str | None:
    if target[0] == "resolution":
        document_id, paragraph_id = target[1], target[2]
        if document_id not in paths.documents:
            return None
        page = paths.page(document_id)
        return f"{page}#{paragraph_id}" if paragraph_id else page
    if target[0] == "reference":
        return reference_page(target[1])
    return target[1]


def _links(spans: tuple[LinkSpan, ...], paths: SitePaths) -> tuple[Link, ...]:
    out = []
    for span in spans:
        target = _target(span.target, paths)
        if target is not None:
            out.append(Link(span.start, span.end, target))
    return tuple(out)


def _anchor(corpus: Corpus, owner_id: str, place_id: str) -> str:
    """The page anchor of a citing place: a paragraph id, a report section id, or a footnote (``fn13``)."""
    res = corpus.resolution(owner_id)
    if res is not None and res.paragraph(place_id) is None and place_id.startswith("fn"):
        return footnote_anchor(place_id.removeprefix("fn"))
    return place_id


def _paragraphs(corpus: Corpus) -> dict[tuple[str, str], Paragraph]:
    """Every paragraph of the corpus (reports included) by (document id, paragraph id)."""
    out = {(res.id, p.id): p for res in corpus.resolutions() for p in res.paragraphs()}
    for report in corpus.reports():
        for section in report.sections:
            for para in section.paragraphs:
                out.update({(report.id, p.id): p for p in para.walk()})
    return out


Quotes = dict[tuple[str, str, str, str], str]
"""(target kind, target id, citing document, citing place) -> the words of the first such citation."""


def _quotes(links: Links) -> Quotes:
    out: Quotes = {}
    for cite in links.citations:
        if cite.target is not None and cite.target[0] in ("resolution", "reference"):
            key = (cite.target[0], cite.target[1], cite.place.owner_id, cite.place.paragraph_id)
            out.setdefault(key, cite.span.quote or cite.span.raw)
    return out


def _citations(
    target: tuple[str, str],
    places: tuple[tuple[str, str], ...],
    corpus: Corpus,
    paths: SitePaths,
    paragraphs: dict[tuple[str, str], Paragraph],
    quotes: Quotes,
) -> tuple[Citation, ...]:
    out = []
    for owner_id, place_id in places:
        para = paragraphs.get((owner_id, place_id))
        where = paragraph_label(para) if para else place_id
        out.append(
            Citation(
                owner_id,
                _anchor(corpus, owner_id, place_id),
                f"{paths.label(owner_id)}, {where}",
                quotes.get((*target, owner_id, place_id), ""),
            )
        )
    return tuple(out)


def _registry_path(seeds_dir: Path) -> Path:
    path = seeds_dir / "instruments.yml"
    return path if path.is_file() else DEFAULT_REGISTRY


def link_stage(corpus: Corpus, seeds_dir: Path) -> LinkResults:
    """References, cited-by, the citation graph and data notes of the corpus."""
    registry = load_registry(_registry_path(seeds_dir))
    links: Links = link_corpus(corpus, registry)
    notes = check_corpus(corpus, links, registry)
    paths = SitePaths(corpus)
    paragraphs = _paragraphs(corpus)
    quotes = _quotes(links)
    cited_by = {
        target_id: _citations((kind, target_id), places, corpus, paths, paragraphs, quotes)
        for (kind, target_id), places in links.cited_by.items()
        if kind == "resolution"
    }
    references = tuple(
        ReferenceEntry(
            id=page.id,
            kind=page.kind,
            name=page.title,
            official_link=page.link,
            details=(("Title as cited", page.description), *page.details)
            if page.description and page.description != page.title
            else page.details,
            cited_by=_citations(
                ("reference", page.id),
                links.cited_by.get(("reference", page.id), ()),
                corpus,
                paths,
                paragraphs,
                quotes,
            ),
        )
        for page in links.references.values()
    )
    return LinkResults(
        paragraph_links={key: _links(spans, paths) for key, spans in links.paragraph_spans.items()},
        footnote_links={key: _links(spans, paths) for key, spans in links.footnote_spans.items()},
        cited_by=cited_by,
        references=references,
        citation_edges=tuple(CitationEdge(a, b, n) for (a, b), n in links.edge_counts.items()),
        data_notes=tuple(DataNote(n.path, n.line, n.message, tuple(n.evidence), n.code) for n in notes),
        resolution_citations=links.resolution_citations,
        links=links,
    )


# --- export ------------------------------------------------------------------------------------------


def export_stage(corpus: Corpus, links: LinkResults) -> tuple[dict[str, AknFile], tuple[str, ...]]:
    """Every resolution's Akoma Ntoso document for the site, and a warning for each one refused."""
    if links.links is None:
        return {}, ()
    exported = export_akn(corpus, links.links)
    files = {rid: AknFile(akn_path(rid), xml) for rid, xml in exported.documents.items()}
    return files, tuple(f"{e} (no Akoma Ntoso document)" for e in exported.refused)


# --- analyse -----------------------------------------------------------------------------------------


def _view(comparison: Comparison, topic: str | None) -> ComparisonView:
    pairs = [
        ClausePair(
            status=p.status,
            left=p.left_ids,
            right=p.right_ids,
            similarity=p.similarity,
            diff=tuple(DiffPiece(op.op, op.text) for op in p.ops),
            lead_change=p.lead_change,
            topics=p.topics,
            moved=p.moved,
            exact=p.exact,
        )
        for p in comparison.pairs
    ]
    pairs += [
        ClausePair("only-left", (p.id,), (), p.nearest_similarity, topics=p.topics, nearest=p.nearest)
        for p in comparison.only_left
    ]
    pairs += [
        ClausePair("only-right", (), (p.id,), p.nearest_similarity, topics=p.topics, nearest=p.nearest)
        for p in comparison.only_right
    ]
    return ComparisonView(
        left=comparison.left.id,
        right=comparison.right.id,
        similarity=comparison.similarity,
        exact=comparison.exact,
        pairs=tuple(pairs),
        topic=topic,
        data=comparison_to_dict(comparison) if topic is None else {},
        redline=redline_docx(comparison) if topic is None else b"",
    )


def _taxonomy(seeds_dir: Path) -> Taxonomy:
    path = seeds_dir / "topics.yml"
    return load_taxonomy(path) if path.is_file() else EMPTY_TAXONOMY


PARALLEL_FROM = 40
"""From this many comparisons on, they run in two processes (below it, starting them costs more)."""

_worker: dict[str, object] = {}
"""A worker process's own copy of the resolutions and the taxonomy, sent once when it starts."""


def _start_worker(resolutions: tuple[Resolution, ...], taxonomy: Taxonomy) -> None:
    # One BLAS thread per worker: two workers each running OpenBLAS's own threads on two cores made
    # the stage slower than one process.
    threadpool_limits(limits=1)
    _worker["resolutions"] = resolutions
    _worker["taxonomy"] = taxonomy


def _compare_in_worker(pair: tuple[int, int]) -> Comparison:
    resolutions = _worker["resolutions"]
    taxonomy = _worker["taxonomy"]
    assert isinstance(resolutions, tuple) and isinstance(taxonomy, Taxonomy)
    return compare_resolutions(resolutions[pair[0]], resolutions[pair[1]], taxonomy)


def compare_all(pairs: Sequence[tuple[Resolution, Resolution]], taxonomy: Taxonomy) -> list[Comparison]:
    """Every comparison, in the order of ``pairs``; on both cores when there are many (each stands alone).

    The workers get the resolutions and the taxonomy once, then only pairs of indices.
    """
    workers = min(2, os.cpu_count() or 1)
    if len(pairs) < PARALLEL_FROM or workers < 2:
        return [compare_resolutions(left, right, taxonomy) for left, right in pairs]
    resolutions = tuple({id(r): r for pair in pairs for r in pair}.values())
    index = {id(r): k for k, r in enumerate(resolutions)}
    jobs = [(index[id(left)], index[id(right)]) for left, right in pairs]
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(resolutions, taxonomy)) as pool:
        return list(pool.map(_compare_in_worker, jobs, chunksize=max(1, len(jobs) // (workers * 4))))


def _lineage(lineage: Lineage, views: Sequence[ComparisonView]) -> dict[ParagraphKey, tuple[EarlierUse, ...]]:
    """Each paragraph's earlier near-matches, naming the comparison page of the two resolutions when the
    build has one (in either order)."""
    pages = {(v.left, v.right): v.page_id for v in views if v.topic is None}
    return {
        (entry.resolution_id, entry.paragraph_id): tuple(
            EarlierUse(
                document_id=a.resolution_id,
                paragraph_id=a.paragraph_id,
                date=a.date,
                similarity=a.similarity,
                comparison=pages.get((a.resolution_id, entry.resolution_id))
                or pages.get((entry.resolution_id, a.resolution_id)),
            )
            for a in entry.ancestors
        )
        for entry in lineage.paragraphs
    }


def analyse_stage(
    corpus: Corpus,
    seeds_dir: Path,
    citations: Mapping[str, frozenset[str]],
    lineage: Lineage | None = None,
) -> AnalysisResults:
    """Planned comparisons (with their topic views), every paragraph's topics and its lineage.

    A default comparison (not named in ``comparisons.yml``) that pairs no clause is dropped.

    ``lineage`` is the corpus's lineage when the caller has built it already (the benchmarks time it as
    a stage of its own); otherwise it is built here.
    """
    taxonomy = _taxonomy(seeds_dir)
    plan_path = seeds_dir / "comparisons.yml"
    cites = {k: set(v) for k, v in citations.items()}
    specs = (
        plan_comparisons(corpus, plan_path, cites, taxonomy)
        if plan_path.is_file()
        else default_pairs(corpus, cites)
    )
    pairs: list[tuple[Resolution, Resolution]] = []
    for spec in specs:
        left, right = corpus.resolution(spec.left), corpus.resolution(spec.right)
        if left is None or right is None:
            missing = spec.left if left is None else spec.right
            raise ConfigError(
                str(plan_path), 0, f"planned comparison names {missing!r}, which is not in the corpus"
            )
        pairs.append((left, right))
    views: list[ComparisonView] = []
    for spec, comparison in zip(specs, compare_all(pairs, taxonomy), strict=True):
        if not comparison.pairs and spec.reason != "configured":
            continue  # a default comparison that pairs no clause shows nothing: no page, no JSON
        views.append(_view(comparison, None))
        views.extend(_view(filter_comparison(comparison, [topic]), topic) for topic in spec.views)
    topics = {
        (res.id, pid): found
        for res in corpus.resolutions()
        for pid, found in paragraph_topics(res, taxonomy).items()
        if found
    }
    if lineage is None:
        lineage = build_lineage(corpus)
    return AnalysisResults(
        comparisons=tuple(views),
        topics=tuple(Topic(t.id, t.label, t.description) for t in taxonomy.topics),
        paragraph_topics=topics,
        lineage=_lineage(lineage, views),
        lineage_data=lineage_to_dict(lineage),
    )
