"""The site publishes each resolution's Akoma Ntoso document and links it."""

from __future__ import annotations

from pathlib import Path

from akn_helpers import schema_errors
from paths import ROOT, SEEDS

from generator.build import build_site_sources


def test_the_build_writes_and_links_the_documents(tmp_path: Path) -> None:
    report = build_site_sources(SEEDS, (), tmp_path)
    xml = (tmp_path / "data" / "akn" / "cnd-65-2.xml").read_text(encoding="utf-8")
    assert schema_errors(xml) == []
    assert sorted(p.name for p in (tmp_path / "data" / "akn").iterdir()) == [
        "cnd-51-11.xml",
        "cnd-53-8.xml",
        "cnd-65-1.xml",
        "cnd-65-2.xml",
        "cnd-65-3.xml",
        "ctoc-cop-7-2.xml",
    ]
    page = (tmp_path / "resolutions" / "cnd-65-2.md").read_text(encoding="utf-8")
    assert "[Akoma Ntoso XML](../data/akn/cnd-65-2.xml)" in page
    downloads = (tmp_path / "downloads.md").read_text(encoding="utf-8")
    assert "[How the model maps\nto Akoma Ntoso](akn.md)" in downloads
    by_resolution = (tmp_path / "lists" / "downloads.md").read_text(encoding="utf-8")
    assert "| [CND 65&#47;2](../resolutions/cnd-65-2.md) | [XML](../data/akn/cnd-65-2.xml) |" in by_resolution
    assert (tmp_path / "akn.md").is_file()
    assert not [w for w in report.warnings if "Akoma Ntoso" in w]


def test_the_mapping_page_is_in_the_navigation() -> None:
    assert "Akoma Ntoso XML: akn.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
