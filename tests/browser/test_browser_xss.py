"""Text is data, never markup: a text full of HTML, script, Jinja and Markdown syntax is shown as the
characters it is, in the published site and in the offline bundle, and nothing in it runs."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sitecheck import BuiltSite, Opener, screenshot

pytestmark = pytest.mark.browser

SHOWN_AS_TEXT = {
    ".res-subtitle": ["<script>window.__xss = 1</script>", "{{ 7*7 }}"],
    "#pp1": [
        '<img src="x" onerror="window.__xss = 2">',
        "[click me](javascript:window.__xss=3)",
        '<a href="javascript:window.__xss=4">anchor</a>',
    ],
    "#pp2": ["{{ config }}", "{% if true %}jinja block{% endif %}", "`not code`", "# not a heading"],
    "#op1": [
        "<script>window.__xss = 5</script>",
        "&lt;b&gt; entities",
        '<b onmouseover="window.__xss=6">tags</b>',
        "![image](https://example.org/x.png)",
    ],
    "#op2": ["| table | cell |", '<iframe src="javascript:window.__xss=7"></iframe>', "javascript:alert(8)"],
    "#fn-1": ["<script>window.__xss = 9</script>"],
}


def assert_inert(page: Page) -> None:
    for selector, strings in SHOWN_AS_TEXT.items():
        text = page.locator(selector).inner_text()
        for string in strings:
            assert string in text, f"{selector} does not show {string!r}: {text!r}"
    texts = page.locator(".para, .footnote-item, .res-subtitle")
    assert texts.count() == 6
    page.locator("#op1").hover()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert texts.locator("img, iframe, script, b, strong, code, table").count() == 0
    hrefs = texts.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert all(h.startswith(("https://", "#")) for h in hrefs), hrefs
    assert page.locator("article img, article iframe, article script").count() == 0
    assert page.locator("a[href^='javascript:' i], [onerror], [onmouseover]").count() == 0
    assert page.evaluate("[...document.scripts].some(s => s.textContent.includes('__xss'))") is False
    expect(page.locator("#op1 em")).to_have_text("Requests")


def test_hostile_text_is_shown_not_run_on_the_site(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/resolutions/cnd-99-1/", server)
    assert_inert(page)
    screenshot(page, "xss-site")
    assert watch.dialogs == [] and watch.page_errors == [] and watch.console_errors == []
    assert all(not url.startswith("javascript") for url in watch.outside_requests)


def test_hostile_text_is_shown_not_run_in_the_offline_bundle(
    built_site: BuiltSite, open_page: Opener
) -> None:
    page, watch = open_page((built_site.offline_root / "resolutions/cnd-99-1.html").as_uri(), "file://")
    assert_inert(page)
    assert watch.dialogs == [] and watch.page_errors == [] and watch.console_errors == []
    assert watch.outside_requests == []


def test_hostile_text_in_search_results_stays_text(server: str, open_page: Opener) -> None:
    from test_browser_site import search

    page, watch = open_page(f"{server}/", server)
    hrefs = search(page, "hostile")
    assert any("/resolutions/cnd-99-1/" in h for h in hrefs), hrefs
    results = page.locator(".md-search-result")
    assert results.locator("img, iframe, script").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert watch.dialogs == [] and watch.page_errors == []
