"""Index pages split over numbered pages, and the citation graph drawn in parts, at any corpus size."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from sample import para, resolution

from generator.build import write_stage
from generator.model import Corpus, Document
from generator.render import context_refs, paging
from generator.render.context_refs import GRAPH_PART_EDGES, graph_parts
from generator.render.inputs import CitationEdge, ComparisonView, DataNote, SiteData, Topic
from generator.render.names import SitePaths
from generator.render.paging import paginate
from generator.render.site import render_site
from generator.sitebuild import mkdocs_build


def test_rows_are_split_into_pages_that_all_list_every_page() -> None:
    rows = [{"n": k} for k in range(450)]
    pages = paginate("comparisons/index.md", rows)
    assert [(p.path, len(p.rows), p.number, p.of) for p in pages] == [
        ("comparisons/index.md", 200, 1, 3),
        ("comparisons/index-2.md", 200, 2, 3),
        ("comparisons/index-3.md", 50, 3, 3),
    ]
    assert [p.rows[0]["n"] for p in pages] == [0, 200, 400]
    second = pages[1].navigation
    assert [(n["label"], str(n["href"]), n["current"]) for n in second] == [
        ("1–200", "index.md", False),
        ("201–400", "index-2.md", True),
        ("401–450", "index-3.md", False),
    ]


def test_one_page_needs_no_navigation_and_an_empty_list_is_one_empty_page() -> None:
    assert [(p.path, len(p.rows), p.navigation) for p in paginate("a.md", [{}] * 3)] == [("a.md", 3, [])]
    assert [(p.path, len(p.rows)) for p in paginate("a.md", [])] == [("a.md", 0)]


def test_weighed_rows_fill_a_page_up_to_its_budget_and_a_heavy_row_gets_its_own() -> None:
    rows = [{"w": w, "name": f"r{k}"} for k, w in enumerate([40, 50, 20, 500, 10, 90])]
    pages = paginate(
        "data-notes.md",
        rows,
        size=100,
        weigh=lambda r: int(r["w"]),
        later=lambda n: f"lists/data-notes-{n}.md",
        label=lambda a, b: f"{a['name']} to {b['name']}",
    )
    assert [[r["name"] for r in p.rows] for p in pages] == [["r0", "r1"], ["r2"], ["r3"], ["r4", "r5"]]
    assert [p.path for p in pages] == ["data-notes.md", *(f"lists/data-notes-{n}.md" for n in (2, 3, 4))]
    assert [str(n["href"]) for n in pages[2].navigation] == [
        "../data-notes.md",
        "data-notes-2.md",
        "data-notes-3.md",
        "data-notes-4.md",
    ]
    assert pages[0].navigation[3]["label"] == "r4 to r5"


def _corpus(n: int) -> Corpus:
    texts = tuple(
        resolution(
            f"cnd-{k}-1",
            f"{k}/1",
            f"{1950 + k // 10}-01-01",
            (),
            (para("op1", "operative", "1", "Urges.", 1),),
        )
        for k in range(1, n + 1)
    )
    return Corpus((Document(path="t", kind="resolutions", resolutions=texts),))


def test_a_large_citation_graph_is_drawn_in_parts_of_bounded_size_by_decade() -> None:
    corpus = _corpus(120)
    ids = [r.id for r in corpus.resolutions()]
    edges = tuple(CitationEdge(a, b, 1) for k, a in enumerate(ids) for b in ids[max(0, k - 5) : k])
    parts = graph_parts(SiteData(corpus=corpus, citation_edges=edges), SitePaths(corpus))
    assert all(len(p.edges) <= GRAPH_PART_EDGES for p in parts)
    assert Counter(e for p in parts for e in p.edges) == Counter(edges)
    assert [(p.path, p.label) for p in parts] == [
        ("references/graph-cnd-1950s-1.md", "Commission on Narcotic Drugs, 1950s (part 1 of 3)"),
        ("references/graph-cnd-1950s-2.md", "Commission on Narcotic Drugs, 1950s (part 2 of 3)"),
        ("references/graph-cnd-1950s-3.md", "Commission on Narcotic Drugs, 1950s (part 3 of 3)"),
        ("references/graph-cnd-1960s.md", "Commission on Narcotic Drugs, 1960s"),
    ]
    for part in parts:  # a citing text's edges stay in one part
        sources = {e.source for e in part.edges}
        assert all(e in part.edges for e in edges if e.source in sources)
    small = SiteData(corpus=corpus, citation_edges=edges[:GRAPH_PART_EDGES])
    assert graph_parts(small, SitePaths(corpus)) == []


def test_a_large_site_has_no_page_over_its_bound_and_splits_the_lineage() -> None:
    corpus = _corpus(600)
    ids = [r.id for r in corpus.resolutions()]
    edges = tuple(CitationEdge(a, b, 1) for k, a in enumerate(ids) for b in ids[max(0, k - 2) : k])
    views = tuple(ComparisonView(a, b, 0.5, ()) for a, b in pairwise(ids))
    notes = tuple(DataNote("seeds/x.txt", k, "a note " * 40, ("evidence " * 20,), "code") for k in range(900))
    lineage = {"method": "tfidf", "resolutions": {rid: {"op1": {"date": "1950"}} for rid in ids}}
    files = render_site(
        SiteData(
            corpus=corpus, citation_edges=edges, comparisons=views, data_notes=notes, lineage_data=lineage
        )
    )
    largest = max(len(text.encode()) for path, text in files.items() if path.endswith(".md"))
    assert largest < 150_000
    assert "comparisons/index-3.md" in files and "lists/data-notes-2.md" in files
    assert "\n{: .page-list }\n" in files["comparisons/index-2.md"]
    assert "references/graph-cnd-1960s.md" in files and "``` mermaid" not in files["references/graph.md"]
    assert "data/lineage.json" not in files and "data/lineage/cnd-600-1.json" in files


def test_paginated_pages_and_graph_parts_pass_the_strict_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page link, navigation between pages and graph part resolves (small bounds, a small site)."""
    monkeypatch.setattr(paging, "PAGE_ROWS", 3)
    monkeypatch.setattr(paging, "PAGE_CHARACTERS", 600)
    monkeypatch.setattr(context_refs, "GRAPH_PART_EDGES", 4)
    corpus = _corpus(24)
    ids = [r.id for r in corpus.resolutions()]
    edges = tuple(CitationEdge(a, b, 1) for k, a in enumerate(ids) for b in ids[max(0, k - 2) : k])
    views = tuple(ComparisonView(a, b, 0.5, ()) for a, b in pairwise(ids[:8]))
    notes = tuple(DataNote("seeds/x.txt", k, "a note", ("evidence",), "code") for k in range(12))
    topic = Topic("urging", "Urging", "Clauses that urge.")
    data = SiteData(
        corpus=corpus,
        citation_edges=edges,
        comparisons=views,
        data_notes=notes,
        topics=(topic,),
        paragraph_topics={(rid, "op1"): ("urging",) for rid in ids},
    )
    files = render_site(data)
    assert {
        "comparisons/index-3.md",
        "lists/data-notes-2.md",
        "lists/downloads-2.md",
        "topics/urging-2.md",
    } <= set(files)
    assert "references/graph-cnd-1950s-1.md" in files
    write_stage(files, tmp_path / "docs")
    mkdocs_build(tmp_path / "docs", tmp_path / "site")
    part = (tmp_path / "site" / "references" / "graph-cnd-1950s-1" / "index.html").read_text(encoding="utf-8")
    assert 'class="mermaid"' in part and "The whole graph, part by part" in part
    second = (tmp_path / "site" / "comparisons" / "index-2" / "index.html").read_text(encoding="utf-8")
    navigation = '<p class="page-list">Pages of comparisons: <a href="../">1–3</a> · <strong>4–6</strong> · '
    assert navigation in second
