"""The offline bundle's zip: reproducible, under one top folder, and nothing is fetched twice."""

from __future__ import annotations

import zipfile
from pathlib import Path

from generator.offline import VENDORED, zip_site


def test_zip_is_byte_reproducible_and_under_one_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "resolutions").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Atlas</h1>\n", encoding="utf-8")
    (site / "resolutions" / "cnd-65-2.html").write_text("<p id='op11'>11.</p>\n", encoding="utf-8")
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    assert zip_site(site, first) == 2
    zip_site(site, second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == [
            "resolution-atlas/index.html",
            "resolution-atlas/resolutions/cnd-65-2.html",
        ]


def test_vendored_scripts_are_pinned_and_land_under_assets_vendor() -> None:
    for item in VENDORED:
        assert item.version[0].isdigit() and "^" not in item.version and "~" not in item.version
        assert item.target.startswith("assets/vendor/")
    offline_config = (Path(__file__).resolve().parents[2] / "mkdocs-offline.yml").read_text(encoding="utf-8")
    for item in VENDORED:
        if item.target.endswith(".js"):
            assert item.target in offline_config
