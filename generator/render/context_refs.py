"""Contexts of reference pages, the references and instruments index, and the citation graph."""

from __future__ import annotations

import re
from itertools import groupby

from markupsafe import Markup

from generator.render.context import Context, cited_by_context, href
from generator.render.escape import safe_href, safe_id
from generator.render.inputs import ReferenceEntry, SiteData
from generator.render.names import SitePaths, page_title, reference_page

REFERENCES_INDEX = "references/index.md"
GRAPH = "references/graph.md"

KIND_HEADINGS = {
    "instrument": "Instruments",
    "resolution": "Resolutions outside the corpus",
    "decision": "Decisions",
    "document": "Documents",
    "publication": "Publications",
    "url": "Web pages",
}
_MERMAID_LABEL = re.compile(r"^[A-Za-z0-9 /().,-]+$")


def reference_context(entry: ReferenceEntry, data: SiteData, paths: SitePaths) -> Context:
    page = reference_page(entry.id)
    link: Markup | None = None
    if entry.official_link:
        try:
            link = safe_href(entry.official_link)
        except ValueError:
            link = None
    return {
        "title": page_title(entry.name, entry.id),
        "name": entry.name,
        "kind": KIND_HEADINGS.get(entry.kind, entry.kind),
        "official_link": link,
        "official_text": entry.official_link,
        "details": list(entry.details),
        "cited_by": cited_by_context(entry.cited_by, page, paths),
        "index_href": href(page, REFERENCES_INDEX),
    }


def references_index_context(data: SiteData, paths: SitePaths) -> Context:
    page = REFERENCES_INDEX
    order = list(KIND_HEADINGS)
    entries = sorted(
        data.references,
        key=lambda e: (
            order.index(e.kind) if e.kind in order else len(order),
            e.kind,
            e.name.casefold(),
            e.id,
        ),
    )
    groups = [
        {
            "heading": KIND_HEADINGS.get(kind, kind),
            "anchor": safe_id(re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-") or "other"),
            "rows": [
                {"name": e.name, "href": href(page, reference_page(e.id)), "count": len(e.cited_by)}
                for e in group
            ],
        }
        for kind, group in groupby(entries, key=lambda e: e.kind)
    ]
    return {"groups": groups, "graph_href": href(page, GRAPH)}


def _mermaid_label(text: str, fallback: str) -> str:
    if _MERMAID_LABEL.match(text):
        return text
    return fallback if _MERMAID_LABEL.match(fallback) else "?"


def graph_context(data: SiteData, paths: SitePaths) -> Context:
    """The corpus citation graph: Mermaid source (drawn by the browser) and the same edges as a table."""
    page = GRAPH
    ids = sorted({e.source for e in data.citation_edges} | {e.target for e in data.citation_edges})
    node = {doc_id: f"n{i}" for i, doc_id in enumerate(ids)}
    lines = ["flowchart LR"]
    for doc_id in ids:
        lines.append(f'    {node[doc_id]}["{_mermaid_label(paths.label(doc_id), doc_id)}"]')
    edges = sorted(data.citation_edges, key=lambda e: (e.source, e.target))
    for edge in edges:
        lines.append(f"    {node[edge.source]} -->|{edge.count}| {node[edge.target]}")
    rows = [
        {
            "source": paths.label(e.source),
            "source_href": href(page, paths.page(e.source)) if e.source in paths.documents else None,
            "target": paths.label(e.target),
            "target_href": href(page, paths.page(e.target)) if e.target in paths.documents else None,
            "count": e.count,
        }
        for e in edges
    ]
    return {"mermaid": Markup("\n".join(lines)), "rows": rows}
