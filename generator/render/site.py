"""Every generated file of the site, from the render stage's input: docs-relative path -> content."""

from __future__ import annotations

from generator.render import context_compare, context_index, context_refs
from generator.render.context import report_context, resolution_context
from generator.render.data import corpus_data
from generator.render.inputs import SiteData
from generator.render.names import SitePaths, comparison_page, reference_page, topic_page
from generator.render.pages import PageSource, environment, render_page
from generator.serialise import dump_json

GENERATED_DIRS = ("resolutions", "reports", "comparisons", "topics", "references", "data")
"""Folders of the docs folder that the generator owns entirely (stale files there are removed)."""
GENERATED_FILES = (context_index.HOME, context_index.DATA_NOTES, context_index.DOWNLOADS)
"""Single generated pages outside those folders."""


def page_sources(data: SiteData) -> list[PageSource]:
    """Every page of the site with its template and context, in a stable order."""
    paths = SitePaths(data.corpus)
    pages = [
        PageSource(context_index.HOME, "home.md.j2", context_index.home_context(data, paths)),
        PageSource(
            context_index.RESOLUTIONS_INDEX,
            "resolutions_index.md.j2",
            context_index.resolutions_index_context(data, paths),
        ),
        PageSource(context_index.DATA_NOTES, "data_notes.md.j2", context_index.data_notes_context(data)),
        PageSource(context_index.DOWNLOADS, "downloads.md.j2", context_index.downloads_context(data)),
    ]
    for res in data.corpus.resolutions():
        pages.append(PageSource(paths.page(res.id), "resolution.md.j2", resolution_context(res, data, paths)))
    for report in data.corpus.reports():
        pages.append(PageSource(paths.page(report.id), "report.md.j2", report_context(report, data, paths)))
    pages.append(
        PageSource(
            context_compare.COMPARISONS_INDEX,
            "comparisons_index.md.j2",
            context_compare.comparisons_index_context(data, paths),
        )
    )
    for view in data.comparisons:
        pages.append(
            PageSource(
                comparison_page(view.page_id),
                "comparison.md.j2",
                context_compare.comparison_context(view, data, paths),
            )
        )
    pages.append(
        PageSource(
            context_compare.TOPICS_INDEX,
            "topics_index.md.j2",
            context_compare.topics_index_context(data, paths),
        )
    )
    for topic in data.topics:
        pages.append(
            PageSource(topic_page(topic.id), "topic.md.j2", context_compare.topic_context(topic, data, paths))
        )
    pages.append(
        PageSource(
            context_refs.REFERENCES_INDEX,
            "references_index.md.j2",
            context_refs.references_index_context(data, paths),
        )
    )
    pages.append(PageSource(context_refs.GRAPH, "graph.md.j2", context_refs.graph_context(data, paths)))
    for entry in data.references:
        pages.append(
            PageSource(
                reference_page(entry.id),
                "reference.md.j2",
                context_refs.reference_context(entry, data, paths),
            )
        )
    return pages


def render_site(data: SiteData) -> dict[str, str | bytes]:
    """Every generated file: Markdown pages, JSON data and Word redlines, keyed by docs-relative path."""
    env = environment()
    files: dict[str, str | bytes] = {page.path: render_page(env, page) for page in page_sources(data)}
    files["data/corpus.json"] = dump_json(corpus_data(data.corpus))
    if data.lineage_data:
        files["data/lineage.json"] = dump_json(data.lineage_data)
    for view in data.comparisons:
        if view.topic is None:
            files[f"data/comparisons/{view.page_id}.json"] = dump_json(view.data)
            if view.redline:
                files[f"data/comparisons/{view.page_id}.docx"] = view.redline
    for document in data.akn.values():
        files[document.path] = document.xml
    return files
