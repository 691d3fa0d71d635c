"""Contexts of the site-wide pages: home, the resolutions index, data notes and downloads."""

from __future__ import annotations

from itertools import groupby

from generator.percent import as_percent
from generator.render.context import Context, href
from generator.render.data import LINEAGE_INDEX
from generator.render.escape import safe_id
from generator.render.inputs import SiteData
from generator.render.names import SitePaths, body_long, comparison_page, resolution_label

HOME = "index.md"
RESOLUTIONS_INDEX = "resolutions/index.md"
DATA_NOTES = "data-notes.md"
DOWNLOADS = "downloads.md"


def comparison_links(page: str, data: SiteData, paths: SitePaths) -> list[Context]:
    return [
        {
            "label": f"{paths.label(v.left)} → {paths.label(v.right)}",
            "href": href(page, comparison_page(v.page_id)),
            "similarity": as_percent(v.similarity, v.exact),
            "changed": sum(1 for p in v.pairs if p.status != "unchanged"),
        }
        for v in data.comparisons
        if v.topic is None
    ]


def latest_comparisons(data: SiteData, paths: SitePaths) -> list[Context]:
    """Full comparisons, the one with the most recent right-hand text first."""
    dates = {r.id: r.date or "" for r in data.corpus.resolutions()}
    links = comparison_links(HOME, data, paths)
    views = [v for v in data.comparisons if v.topic is None]
    order = sorted(
        range(len(views)), key=lambda i: (dates.get(views[i].right, ""), views[i].page_id), reverse=True
    )
    return [links[i] for i in order]


def home_context(data: SiteData, paths: SitePaths) -> Context:
    resolutions = data.corpus.resolutions()
    bodies = sorted({r.body for r in resolutions})
    return {
        "resolutions": len(resolutions),
        "reports": len(data.corpus.reports()),
        "bodies": ", ".join(body_long(b) for b in bodies),
        "comparisons": latest_comparisons(data, paths)[:10],
        "resolutions_href": href(HOME, RESOLUTIONS_INDEX),
        "comparisons_href": href(HOME, "comparisons/index.md"),
        "topics_href": href(HOME, "topics/index.md"),
        "references_href": href(HOME, "references/index.md"),
        "graph_href": href(HOME, "references/graph.md"),
        "notes_href": href(HOME, DATA_NOTES),
        "downloads_href": href(HOME, DOWNLOADS),
        "notes": len(data.data_notes),
    }


def resolutions_index_context(data: SiteData, paths: SitePaths) -> Context:
    page = RESOLUTIONS_INDEX
    docs = [paths.documents[r.id] for r in data.corpus.resolutions()]
    fragments = {r.id for r in data.corpus.resolutions() if r.fragment}
    groups: list[Context] = []
    for body, in_body in groupby(sorted(docs, key=lambda d: (d.body, d.year, d.id)), key=lambda d: d.body):
        years: list[Context] = []
        for year, in_year in groupby(in_body, key=lambda d: d.year):
            years.append(
                {
                    "year": year,
                    "rows": [
                        {
                            "label": d.label,
                            "href": href(page, d.page),
                            "title": d.title or "(no title in the source text)",
                            "fragment": d.id in fragments,
                        }
                        for d in in_year
                    ],
                }
            )
        groups.append({"body": body_long(body), "anchor": safe_id(body), "years": years})
    reports = [
        {"label": paths.documents[r.id].title, "href": href(page, paths.page(r.id))}
        for r in data.corpus.reports()
    ]
    return {"groups": groups, "reports": reports}


def data_notes_context(data: SiteData) -> Context:
    notes = sorted(data.data_notes, key=lambda n: (n.path, n.line, n.code, n.message))
    return {
        "notes": [
            {
                "where": f"{n.path}:{n.line}",
                "message": n.message,
                "evidence": list(n.evidence),
                "code": n.code,
            }
            for n in notes
        ]
    }


def _label(data: SiteData, resolution_id: str) -> str:
    res = data.corpus.resolution(resolution_id)
    return resolution_label(res) if res is not None else resolution_id


DOWNLOADS_BY_RESOLUTION = "lists/downloads.md"
"""The first page of each resolution's downloads; the next ones are beside it (``lists/downloads-2.md``)."""


def downloads_context(data: SiteData) -> Context:
    page = DOWNLOADS
    return {
        "corpus_href": href(page, "data/corpus.json"),
        "format_href": href(page, "comparison-json.md"),
        "lineage_href": href(page, LINEAGE_INDEX) if data.lineage_data else None,
        "by_resolution_href": href(page, DOWNLOADS_BY_RESOLUTION),
        "comparisons": sum(1 for v in data.comparisons if v.topic is None),
        "akn_doc_href": href(page, "akn.md"),
        "akn": len(data.akn),
    }


def downloads_by_resolution_context(data: SiteData, paths: SitePaths) -> Context:
    """Each resolution with its Akoma Ntoso XML and the JSON of the comparisons it is the newer text of
    (links relative to the folder every page of the list shares)."""
    page = DOWNLOADS_BY_RESOLUTION
    newer: dict[str, list[str]] = {}
    redlined: set[str] = set()
    for view in data.comparisons:
        if view.topic is None:
            newer.setdefault(view.right, []).append(view.left)
            if view.redline:
                redlined.add(view.page_id)
    rows: list[Context] = []
    for res in data.corpus.resolutions():
        akn = data.akn.get(res.id)
        comparisons = [
            {
                "label": f"from {paths.label(left)}",
                "href": href(page, f"data/comparisons/{left}--{res.id}.json"),
                "docx_href": href(page, f"data/comparisons/{left}--{res.id}.docx")
                if f"{left}--{res.id}" in redlined
                else None,
            }
            for left in newer.get(res.id, [])
        ]
        if akn is None and not comparisons:
            continue
        rows.append(
            {
                "label": _label(data, res.id),
                "href": href(page, paths.page(res.id)),
                "akn_href": href(page, akn.path) if akn else None,
                "comparisons": comparisons,
            }
        )
    return {"title": "Downloads by resolution", "rows": rows, "downloads_href": href(page, DOWNLOADS)}
