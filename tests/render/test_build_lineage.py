"""Agreed-language lineage on the built site: a paragraph's language history under it, and the JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from paths import SEEDS

from generator.build import build_site_sources
from generator.sitebuild import mkdocs_build


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("lineage") / "docs"
    build_site_sources(SEEDS, (), out)
    return out


def history(page: str, paragraph_id: str) -> str:
    """The language history written under one paragraph (the block after its attribute list)."""
    after = page.split(f"{{: #{paragraph_id} .para ", 1)[1].split("\n", 1)[1]
    match = re.match(r'\n<details class="lineage para-l\d" markdown>\n.*?\n</details>\n', after, re.S)
    assert match, f"no language history under {paragraph_id}"
    return match.group(0)


def test_65_2_op11_shows_its_first_appearance_in_51_11_op6_with_links(docs: Path) -> None:
    page = (docs / "resolutions" / "cnd-65-2.md").read_text(encoding="utf-8")
    block = history(page, "op11")
    assert (
        "<summary>Language history: first appeared in CND 51&#47;11 op6"
        ' <span class="lineage-date">(2008&#45;03&#45;14)</span></summary>' in block
    )
    assert (
        "- [CND 51&#47;11 op6](cnd-51-11.md#op6), 2008&#45;03&#45;14: 83&#37; similar"
        " · [compare the resolutions](../comparisons/cnd-51-11--cnd-65-2.md)\n"
    ) in block
    assert (docs / "comparisons" / "cnd-51-11--cnd-65-2.md").is_file()


def test_cop_7_2_pp3_shows_51_11_op2_and_no_comparison_the_build_lacks(docs: Path) -> None:
    page = (docs / "resolutions" / "ctoc-cop-7-2.md").read_text(encoding="utf-8")
    block = history(page, "pp3")
    assert 'first appeared in CND 51&#47;11 op2 <span class="lineage-date">(2008&#45;03&#45;14)' in block
    assert "- [CND 51&#47;11 op2](cnd-51-11.md#op2), 2008&#45;03&#45;14: 55&#37; similar\n" in block
    assert not (docs / "comparisons" / "cnd-51-11--ctoc-cop-7-2.md").exists()
    assert "comparisons/" not in block


def test_every_comparison_link_of_a_history_names_a_generated_page(docs: Path) -> None:
    linked = set()
    for page in (docs / "resolutions").glob("*.md"):
        for block in re.findall(r"<details class=\"lineage.*?</details>", page.read_text("utf-8"), re.S):
            linked.update(re.findall(r"\]\(\.\./comparisons/([a-z0-9-]+)\.md\)", block))
    assert "cnd-51-11--cnd-65-2" in linked
    assert all((docs / "comparisons" / f"{page_id}.md").is_file() for page_id in linked)


def test_the_oldest_resolution_has_no_language_history(docs: Path) -> None:
    page = (docs / "resolutions" / "cnd-51-11.md").read_text(encoding="utf-8")
    assert 'class="lineage' not in page


def test_lineage_json_holds_both_examples_and_downloads_links_it(docs: Path) -> None:
    def read(name: str) -> Any:
        return json.loads((docs / "data" / "lineage" / name).read_text(encoding="utf-8"))

    index = read("index.json")
    assert index["resolutions"]["cnd-65-2"] == "cnd-65-2.json" and index["method"]
    training = read("cnd-65-2.json")["paragraphs"]["op11"]["first_appearance"]
    assert training["permalink"] == "/resolutions/cnd-51-11/#op6"
    assert training["comparison"] == "cnd-51-11--cnd-65-2"
    firearms = read("ctoc-cop-7-2.json")["paragraphs"]["pp3"]["earlier"]
    assert [(a["resolution"], a["paragraph"]) for a in firearms] == [("cnd-51-11", "op2")]
    files = sorted(p.name for p in (docs / "data" / "lineage").iterdir())
    assert files == sorted(["index.json", *index["resolutions"].values()])
    downloads = (docs / "downloads.md").read_text(encoding="utf-8")
    assert "[lineage/index.json](data/lineage/index.json)" in downloads


def test_the_histories_pass_the_strict_build(docs: Path, tmp_path: Path) -> None:
    """Every link of a history (paragraph permalinks, comparison pages) resolves, anchors included."""
    mkdocs_build(docs, tmp_path / "site")
    html = (tmp_path / "site" / "resolutions" / "cnd-65-2" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../cnd-51-11/#op6">CND 51&#47;11 op6</a>' in html
    assert '<a href="../../comparisons/cnd-51-11--cnd-65-2/">compare the resolutions</a>' in html
