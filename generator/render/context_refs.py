"""Contexts of reference pages, the references and instruments index, and the citation graph."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from markupsafe import Markup

from generator.render.context import Context, cited_by_context, href
from generator.render.escape import safe_href, safe_id
from generator.render.inputs import CitationEdge, ReferenceEntry, SiteData
from generator.render.names import SitePaths, body_long, page_title, reference_page

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


GRAPH_PART_EDGES = 200
"""Edges one drawing holds. Mermaid refuses a flowchart of more than 500 edges (its ``maxEdges``) and
showed its raw source instead; a larger graph is drawn in parts of at most this many edges."""


@dataclass(frozen=True, slots=True)
class GraphPart:
    """The edges of some citing texts: one body, one decade of their dates (cut further when large)."""

    path: str
    label: str
    edges: tuple[CitationEdge, ...]


def _graph(page: str, edges: Sequence[CitationEdge], paths: SitePaths) -> Context:
    """Mermaid source (drawn by the browser) and the same edges as a table, linked from ``page``."""
    ids = sorted({e.source for e in edges} | {e.target for e in edges})
    node = {doc_id: f"n{i}" for i, doc_id in enumerate(ids)}
    lines = ["flowchart LR"]
    for doc_id in ids:
        lines.append(f'    {node[doc_id]}["{_mermaid_label(paths.label(doc_id), doc_id)}"]')
    edges = sorted(edges, key=lambda e: (e.source, e.target))
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
    return {"mermaid": Markup("\n".join(lines)) if rows else None, "rows": rows}


def _period(paths: SitePaths, document_id: str) -> tuple[str, str]:
    """(body, decade) of a citing text: ``("sc", "1980s")``; undated texts have their own group."""
    ref = paths.documents.get(document_id)
    body = ref.body if ref and ref.body else "other"
    year = ref.year if ref and ref.year.isdigit() else ""
    return body, f"{year[:3]}0s" if year else "undated"


def graph_parts(data: SiteData, paths: SitePaths) -> list[GraphPart]:
    """The citation graph in parts of at most :data:`GRAPH_PART_EDGES` edges, grouped by the citing
    text's body and decade, a citing text's edges always in one part; none when it fits in one."""
    if len(data.citation_edges) <= GRAPH_PART_EDGES:
        return []
    year = {doc_id: ref.year for doc_id, ref in paths.documents.items()}
    edges = sorted(
        data.citation_edges, key=lambda e: (*_period(paths, e.source), year.get(e.source, ""), e.source)
    )
    parts: list[GraphPart] = []
    for (body, decade), group in groupby(edges, key=lambda e: _period(paths, e.source)):
        by_source = [tuple(g) for _, g in groupby(group, key=lambda e: e.source)]
        chunks: list[list[CitationEdge]] = [[]]
        for source_edges in by_source:
            if chunks[-1] and len(chunks[-1]) + len(source_edges) > GRAPH_PART_EDGES:
                chunks.append([])
            chunks[-1].extend(source_edges)
        for k, chunk in enumerate(chunks, 1):
            name = f"{body}-{decade}" + (f"-{k}" if len(chunks) > 1 else "")
            label = f"{body_long(body)}, {decade}" + (
                f" (part {k} of {len(chunks)})" if len(chunks) > 1 else ""
            )
            parts.append(GraphPart(f"references/graph-{safe_id(name)}.md", label, tuple(chunk)))
    return parts


def graph_context(data: SiteData, paths: SitePaths, parts: Sequence[GraphPart] = ()) -> Context:
    """The citation graph page: the whole graph, or, when it is drawn in ``parts``, the list of them."""
    if parts:
        return {
            "mermaid": None,
            "rows": [],
            "parts": [
                {
                    "label": part.label,
                    "href": href(GRAPH, part.path),
                    "texts": len({e.source for e in part.edges}),
                    "edges": len(part.edges),
                }
                for part in parts
            ],
            "edges": len(data.citation_edges),
            "index_href": None,
        }
    return {
        **_graph(GRAPH, data.citation_edges, paths),
        "parts": [],
        "edges": len(data.citation_edges),
        "index_href": None,
    }


def graph_part_context(part: GraphPart, paths: SitePaths) -> Context:
    """One part of the citation graph: its drawing, its table and the way back to the list of parts."""
    return {
        **_graph(part.path, part.edges, paths),
        "title": page_title(f"Citation graph: {part.label}", "Citation graph"),
        "label": part.label,
        "parts": [],
        "edges": len(part.edges),
        "index_href": href(part.path, GRAPH),
    }
