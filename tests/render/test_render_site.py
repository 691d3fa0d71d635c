"""The render and write stages on a hand-made corpus, and MkDocs' strict build of what they write."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sample import sample_corpus

from generator.build import write_stage
from generator.render.escape import safe_href
from generator.render.inputs import ClausePair, ComparisonView, DiffPiece, SiteData, Topic
from generator.render.richtext import Link, inline_markup
from generator.render.site import render_site
from generator.sitebuild import SiteBuildError, mkdocs_build

HOSTILE = (
    ' <script>alert(1)</script> {{ x }} {% raw %} *y* [a](javascript:alert(2)) <img src=x onerror="z()">'
)


def comparison() -> ComparisonView:
    pairs = (
        ClausePair(
            "changed",
            ("op1",),
            ("op1",),
            0.61,
            (
                DiffPiece("delete", "Notes"),
                DiffPiece("insert", "Underlines"),
                DiffPiece("equal", " the importance of training"),
                DiffPiece("delete", " for law enforcement officers"),
                DiffPiece("insert", " on illicit firearms trafficking"),
                DiffPiece("equal", ";"),
            ),
            lead_change=("Notes", "Underlines"),
        ),
        ClausePair("only-left", ("op2",), (), None),
        ClausePair("only-right", (), ("op2",), None),
    )
    return ComparisonView(
        "cnd-51-11", "cnd-65-2", 0.4, pairs, data={"left": "cnd-51-11", "right": "cnd-65-2"}
    )


def site_data(hostile: str = "") -> SiteData:
    return SiteData(corpus=sample_corpus(hostile), comparisons=(comparison(),))


def test_every_page_of_the_site_is_generated() -> None:
    files = render_site(site_data())
    assert sorted(files) == [
        "comparisons/cnd-51-11--cnd-65-2.md",
        "comparisons/index.md",
        "data-notes.md",
        "data/comparisons/cnd-51-11--cnd-65-2.json",
        "data/corpus.json",
        "downloads.md",
        "index.md",
        "lists/downloads.md",
        "references/graph.md",
        "references/index.md",
        "reports/report-salw-2022.md",
        "resolutions/cnd-51-11.md",
        "resolutions/cnd-65-2.md",
        "resolutions/index.md",
        "topics/index.md",
    ]


def test_hostile_text_reaches_the_pages_only_as_character_references() -> None:
    files = render_site(site_data(HOSTILE))
    page = files["resolutions/cnd-65-2.md"]
    assert "&#60;script&#62;alert&#40;1&#41;&#60;&#47;script&#62;" in page
    for raw in ("<script", "<img", "{{ x }}", "{% raw %}", "*y*", "](javascript", "onerror="):
        assert raw not in page
        assert raw not in files["data-notes.md"] + files["index.md"]


def test_rendering_is_deterministic() -> None:
    assert render_site(site_data(HOSTILE)) == render_site(site_data(HOSTILE))


def test_paragraph_ids_footnotes_and_links_are_written_for_mkdocs() -> None:
    page = render_site(site_data())["resolutions/cnd-65-2.md"]
    assert "{: #op2-a .para .para-l1 .para-subparagraph }" in page
    assert '<sup class="fn-mark" id="fnref-pp1-13"><a href="#fn-13">13</a></sup>' in page
    assert "{: #fn-13 .footnote-item }" in page
    assert '<a class="fn-back" href="#fnref-pp1-13"' in page
    assert "[CND 51&#47;11](../comparisons/cnd-51-11--cnd-65-2.md)" in page


def test_comparison_page_marks_deletions_and_insertions_and_lists_unmatched_clauses() -> None:
    page = render_site(site_data())["comparisons/cnd-51-11--cnd-65-2.md"]
    assert '<del title="deleted">Notes</del><ins title="inserted">Underlines</ins>' in page
    assert "lead changed: “Notes” → “Underlines”</span>\n    {: #clause-1 .clause-head }\n" in page
    inline, side = page.split('=== "Side by side"')
    assert '=== "Inline"' in inline
    assert "<del" in side and "<ins" in side
    only_left = page.split("{: #only-left }")[1].split("{: #only-right }")[0]
    assert "[op2](../resolutions/cnd-51-11.md#op2)" in only_left
    assert "Requests the Office to report to the Commission" in only_left.replace("&#59;", ";")


def test_links_are_relative_markdown_links_and_unsafe_targets_stay_text() -> None:
    text = "recalls its resolution 51/11 and javascript:alert(1)"
    ref, bad = text.index("its resolution"), text.index("javascript")
    links = [Link(ref, ref + 20, "resolutions/cnd-51-11.md#op6"), Link(bad, len(text), "javascript:alert(1)")]
    markup = inline_markup(text, page="comparisons/a--b.md", links=links)
    assert "[its resolution 51&#47;11](../resolutions/cnd-51-11.md#op6)" in markup
    assert "javascript&#58;alert&#40;1&#41;" in markup
    assert "](javascript" not in markup
    with pytest.raises(ValueError, match="not a safe link target"):
        safe_href("javascript:alert(1)")


def test_write_stage_rewrites_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = write_stage(render_site(site_data()), docs)
    assert "resolutions/cnd-65-2.md" in first.written
    assert write_stage(render_site(site_data()), docs).written == []
    stale = docs / "resolutions" / "cnd-1-1.md"
    stale.write_text("old page\n", encoding="utf-8")
    changed = write_stage(render_site(site_data(" (revised)")), docs)
    assert "resolutions/cnd-65-2.md" in changed.written
    assert "resolutions/cnd-51-11.md" in changed.unchanged
    assert changed.removed == ["resolutions/cnd-1-1.md"]
    assert not stale.exists()


def test_strict_build_passes_and_keeps_resolutions_out_of_the_navigation(tmp_path: Path) -> None:
    write_stage(render_site(site_data(HOSTILE)), tmp_path / "docs")
    mkdocs_build(tmp_path / "docs", tmp_path / "site")
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    nav_links = re.findall(r'<a href="([^"]*)"[^>]*class="md-(?:nav|tabs)__link', home)
    assert "resolutions/" in nav_links
    assert not [href for href in nav_links if "cnd-" in href]
    page = (tmp_path / "site" / "resolutions" / "cnd-65-2" / "index.html").read_text(encoding="utf-8")
    assert 'id="op2-a"' in page and "<script>alert" not in page
    # Every attribute list was consumed by Markdown (none is shown as text), and no id holds one of
    # Python-Markdown's placeholders (what an escaped character in an attribute list turns into).
    leftovers = [
        p.name
        for p in (tmp_path / "site").rglob("*.html")
        if "{:" in (html := p.read_text(encoding="utf-8")) or "wzxhzdk" in html
    ]
    assert leftovers == []
    comparison = (tmp_path / "site" / "comparisons" / "cnd-51-11--cnd-65-2" / "index.html").read_text(
        encoding="utf-8"
    )
    assert 'class="clause-head" id="clause-1"' in comparison


def test_strict_build_fails_on_a_broken_anchor(tmp_path: Path) -> None:
    write_stage(render_site(site_data()), tmp_path / "docs")
    about = tmp_path / "docs" / "about.md"
    about.write_text(
        about.read_text(encoding="utf-8") + "\n[gone](resolutions/cnd-65-2.md#op99)\n", encoding="utf-8"
    )
    with pytest.raises(SiteBuildError, match=r"does not contain an anchor '#op99'"):
        mkdocs_build(tmp_path / "docs", tmp_path / "site")


def test_a_hostile_topic_label_never_reaches_the_theme_unescaped() -> None:
    label = '<script>alert("topic")</script> Training'
    data = SiteData(
        corpus=sample_corpus(),
        topics=(Topic("training", label, "Courses & <b>fellowships</b>"),),
        paragraph_topics={("cnd-65-2", "op1"): ("training",)},
    )
    page = render_site(data)["topics/training.md"]
    assert page.startswith('---\ntitle: "training"\n---\n')
    assert (
        "# &#60;script&#62;alert&#40;&#34;topic&#34;&#41;&#60;&#47;script&#62; Training {: #topic }" in page
    )
    assert "<b>" not in page and "<script" not in page
    assert "[operative paragraph 1](../resolutions/cnd-65-2.md#op1)" in page
