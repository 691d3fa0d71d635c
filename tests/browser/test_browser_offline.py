"""The offline bundle, unzipped and opened from file:// with every non-file request refused."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect
from sitecheck import BuiltSite, Opener, Watch, screenshot
from test_browser_site import search

pytestmark = pytest.mark.browser

_EXTERNAL_ASSET = re.compile(
    r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\"(?:https?:)?//", re.IGNORECASE
)


def assert_offline(watch: Watch) -> None:
    assert watch.outside_requests == []
    assert watch.console_errors == []
    assert watch.page_errors == []


def test_bundle_references_no_asset_on_the_internet(built_site: BuiltSite) -> None:
    pages = sorted(built_site.offline_root.rglob("*.html"))
    assert len(pages) > 20
    offenders = [
        p.relative_to(built_site.offline_root).as_posix()
        for p in pages
        if _EXTERNAL_ASSET.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert (built_site.offline_root / "assets/vendor/iframe-worker/shim.js").is_file()
    assert (built_site.offline_root / "search/search_index.js").is_file()


def test_navigation_footnotes_and_permalinks_work_from_file(built_site: BuiltSite, open_page: Opener) -> None:
    home = built_site.offline_root / "index.html"
    page, watch = open_page(home.as_uri(), "file://")
    expect(page.locator("h1")).to_contain_text("Resolution Atlas")
    page.locator(".md-tabs__link").filter(has_text="Resolutions").first.click()
    expect(page.locator("h1")).to_contain_text("Resolutions by body and year")
    page.get_by_role("link", name="CND 65/2", exact=True).click()
    assert page.url.endswith("/resolutions/cnd-65-2.html")
    expect(page.locator("#op11")).to_contain_text("providing training")
    page.locator("#pp5 .fn-mark a").click()
    expect(page.locator("#fn-13")).to_be_in_viewport()
    screenshot(page, "offline-resolution-footnote")
    page.goto((built_site.offline_root / "resolutions/cnd-65-2.html").as_uri() + "#op11")
    expect(page.locator("#op11")).to_be_in_viewport()
    assert_offline(watch)


def test_comparison_diffs_work_from_file(built_site: BuiltSite, open_page: Opener) -> None:
    url = (built_site.offline_root / "comparisons/cnd-51-11--cnd-65-2.html").as_uri()
    page, watch = open_page(url, "file://")
    expect(page.locator(".tabbed-block").first.locator("ins").first).to_be_visible()
    expect(page.locator(".tabbed-block").first.locator("del").first).to_be_visible()
    page.get_by_text("Side by side", exact=True).click()
    expect(page.locator(".tabbed-block").nth(2).locator("table")).to_be_visible()
    screenshot(page, "offline-comparison")
    assert_offline(watch)


def test_search_works_from_file(built_site: BuiltSite, open_page: Opener) -> None:
    page, watch = open_page((built_site.offline_root / "index.html").as_uri(), "file://")
    hrefs = search(page, "firearms")
    assert any("/resolutions/cnd-65-2.html" in h for h in hrefs), hrefs
    screenshot(page, "offline-search-firearms")
    assert_offline(watch)


def test_citation_graph_is_drawn_from_the_vendored_mermaid(built_site: BuiltSite, open_page: Opener) -> None:
    page, watch = open_page((built_site.offline_root / "references/graph.html").as_uri(), "file://")
    # Material draws the diagram into a closed shadow root of div.mermaid, replacing pre.mermaid.
    expect(page.locator("div.mermaid").first).to_be_visible(timeout=15000)
    page.wait_for_function("document.querySelector('div.mermaid').getBoundingClientRect().height > 100")
    assert page.locator("pre.mermaid").count() == 0
    assert page.evaluate("typeof mermaid") == "object"
    expect(page.locator("article table").first).to_contain_text("CND 65/2")
    screenshot(page, "offline-citation-graph")
    assert_offline(watch)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_link_of_the_bundle_reaches_a_file_and_anchor_in_it(built_site: BuiltSite) -> None:
    """Links MkDocs does not check (footnote marks and back links, paragraph permalinks are raw HTML)
    and those it rewrote for file:// all land on a file of the bundle and an id in it."""
    root = built_site.offline_root
    pages = {p: _parse(p) for p in sorted(root.rglob("*.html"))}
    # Material's 404 page links from the site root (it is served for any URL); a bundle has no use for it.
    # The Downloads page links to the zip published next to it on the site, not inside the zip itself.
    allowed = {("404.html", None), ("downloads.html", "resolution-atlas-offline.zip")}
    broken = []
    for page, parsed in pages.items():
        for href in parsed.hrefs:
            if href.startswith(("http://", "https://", "mailto:")):
                continue
            name = page.relative_to(root).as_posix()
            if (name, None) in allowed or (name, href) in allowed:
                continue
            path, _, anchor = unquote(href).partition("#")
            target = (page.parent / path).resolve() if path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(root)}: {href} (no file)")
            elif anchor and target.suffix == ".html" and anchor not in pages[target].ids:
                broken.append(f"{page.relative_to(root)}: {href} (no anchor)")
    assert broken == [], "\n".join(broken)
