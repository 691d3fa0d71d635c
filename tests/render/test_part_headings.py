"""Headings printed inside a resolution's operative part are shown where they stand."""

from __future__ import annotations

from pathlib import Path

from paths import DEV_CORPUS, SEEDS

from generator.build import build_site_sources


def test_a_heading_of_the_operative_part_stands_before_the_paragraph_it_heads(tmp_path: Path) -> None:
    text = DEV_CORPUS / "undocs" / "S_RES_2521_2020.txt"
    build_site_sources(SEEDS, [text], tmp_path)
    page = (tmp_path / "resolutions" / "sc-2521.md").read_text(encoding="utf-8")
    heading = '<p class="part-heading">Arms Embargo and Inspections</p>'
    assert page.count(heading) == 1
    assert page.index(heading) < page.index("{: #op3 ") and page.index("{: #op2 ") < page.index(heading)
