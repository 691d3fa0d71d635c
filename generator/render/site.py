"""Every generated file of the site, from the render stage's input: docs-relative path -> content."""

from __future__ import annotations

from typing import Any

from generator.render import context_compare, context_index, context_refs, paging
from generator.render.context import Context, report_context, resolution_context
from generator.render.data import corpus_data, lineage_files
from generator.render.inputs import SiteData
from generator.render.names import SitePaths, comparison_page, reference_page, topic_page
from generator.render.pages import PageSource, environment, render_page
from generator.serialise import dump_json

LISTS = "lists"
"""Where the later pages of a paginated top-level page go (``lists/data-notes-2.md``)."""
GENERATED_DIRS = ("resolutions", "reports", "comparisons", "topics", "references", "data", LISTS)
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
        PageSource(context_index.DOWNLOADS, "downloads.md.j2", context_index.downloads_context(data)),
    ]
    pages += paged_sources(
        context_index.DOWNLOADS_BY_RESOLUTION,
        "downloads_by_resolution.md.j2",
        context_index.downloads_by_resolution_context(data, paths),
    )
    pages += paged_sources(
        context_index.DATA_NOTES,
        "data_notes.md.j2",
        {**context_index.data_notes_context(data), "title": "Data notes"},
        key="notes",
        size=paging.PAGE_CHARACTERS,
        weigh=_note_weight,
        later=lambda n: f"{LISTS}/data-notes-{n}.md",
    )
    for res in data.corpus.resolutions():
        pages.append(PageSource(paths.page(res.id), "resolution.md.j2", resolution_context(res, data, paths)))
    for report in data.corpus.reports():
        pages.append(PageSource(paths.page(report.id), "report.md.j2", report_context(report, data, paths)))
    comparisons = {**context_compare.comparisons_index_context(data, paths), "title": "Comparisons"}
    pages += paged_sources(context_compare.COMPARISONS_INDEX, "comparisons_index.md.j2", comparisons)
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
        pages += paged_sources(
            topic_page(topic.id),
            "topic.md.j2",
            context_compare.topic_context(topic, data, paths),
            key="documents",
            size=paging.PAGE_CHARACTERS,
            weigh=_topic_weight,
            label=_documents_label,
        )
    pages.append(
        PageSource(
            context_refs.REFERENCES_INDEX,
            "references_index.md.j2",
            context_refs.references_index_context(data, paths),
        )
    )
    parts = context_refs.graph_parts(data, paths)
    graph = {**context_refs.graph_context(data, paths, parts), "title": "Citation graph"}
    pages.append(PageSource(context_refs.GRAPH, "graph.md.j2", graph))
    for part in parts:
        pages.append(PageSource(part.path, "graph.md.j2", context_refs.graph_part_context(part, paths)))
    for entry in data.references:
        pages.append(
            PageSource(
                reference_page(entry.id),
                "reference.md.j2",
                context_refs.reference_context(entry, data, paths),
            )
        )
    return pages


def paged_sources(
    first: str, template: str, context: Context, key: str = "rows", **options: Any
) -> list[PageSource]:
    """The pages of an index whose list ``context[key]`` is split by
    :func:`~generator.render.paging.paginate` (with ``options``); each page gets the rest of
    ``context``, its own part of the list, the navigation to all pages, and ``title`` numbered."""
    title = context["title"]
    return [
        PageSource(
            page.path,
            template,
            {
                **context,
                key: page.rows,
                "pages": page.navigation,
                "title": title if page.number == 1 else f"{title}, page {page.number} of {page.of}",
            },
        )
        for page in paging.paginate(first, context[key], **options)
    ]


def _topic_weight(document: Context) -> int:
    """About the Markdown a topic page's document writes: its heading, and each clause quoted and linked."""
    return 80 + sum(len(str(p["text"])) + len(str(p["href"])) + 40 for p in document["paragraphs"])


def _note_weight(note: Context) -> int:
    """About the Markdown a data note writes: its text twice over (punctuation becomes character
    references), and its heading, which the page's table of contents repeats."""
    text = len(note["where"]) + len(note["message"]) + sum(len(e) + 4 for e in note["evidence"])
    return 400 + 2 * text


def _documents_label(first: Context, last: Context) -> str:
    return first["label"] if first is last else f"{first['label']} to {last['label']}"


def render_site(data: SiteData) -> dict[str, str | bytes]:
    """Every generated file: Markdown pages, JSON data and Word redlines, keyed by docs-relative path."""
    env = environment()
    files: dict[str, str | bytes] = {page.path: render_page(env, page) for page in page_sources(data)}
    files["data/corpus.json"] = dump_json(corpus_data(data.corpus))
    if data.lineage_data:
        files.update({path: dump_json(doc) for path, doc in lineage_files(data.lineage_data).items()})
    for view in data.comparisons:
        if view.topic is None:
            files[f"data/comparisons/{view.page_id}.json"] = dump_json(view.data)
            if view.redline:
                files[f"data/comparisons/{view.page_id}.docx"] = view.redline
    for document in data.akn.values():
        files[document.path] = document.xml
    return files
