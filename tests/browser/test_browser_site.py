"""The published site in headless Chromium, checked as a reader uses it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sitecheck import Opener, Watch, screenshot

pytestmark = pytest.mark.browser


def assert_clean(watch: Watch) -> None:
    assert watch.console_errors == []
    assert watch.page_errors == []
    assert watch.dialogs == []


def test_resolution_page_shows_paragraphs_and_footnotes(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/resolutions/cnd-65-2/", server)
    expect(page.locator("h1")).to_contain_text("Resolution 65/2")
    expect(page.locator("#pp1")).to_contain_text("Recognizing that the world drug problem")
    expect(page.locator("#op11")).to_contain_text(
        "providing training in combating illicit firearms trafficking"
    )
    expect(page.locator("#op16")).to_contain_text("Commission on Crime Prevention and Criminal Justice")
    expect(page.locator("#fn-13")).to_contain_text("vol. 1582, No. 27627")
    # The footnote mark after "1988," leads to the footnote, and the footnote leads back.
    page.locator("#pp5 .fn-mark a").click()
    assert page.url.endswith("#fn-13")
    expect(page.locator("#fn-13")).to_be_in_viewport()
    page.locator("#fn-13 .fn-back").first.click()
    expect(page.locator("#pp5")).to_be_in_viewport()
    expect(page.locator(".res-meta")).to_contain_text("E/2022/28")
    screenshot(page, "resolution-cnd-65-2")
    assert_clean(watch)


def test_permalink_scrolls_to_its_paragraph_and_shows_a_link_icon(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/resolutions/cnd-65-2/#op11", server)
    paragraph = page.locator("#op11")
    expect(paragraph).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == "op11"
    top = page.evaluate("document.getElementById('op11').getBoundingClientRect().top")
    assert 0 <= top < 300, f"op11 is {top}px from the top of the window"
    icon = paragraph.locator(".para-link")
    expect(icon).to_have_css("opacity", "0")
    paragraph.hover()
    expect(icon).to_have_css("opacity", "1")
    assert icon.get_attribute("href") == "#op11"
    screenshot(page, "permalink-cnd-65-2-op11")
    assert_clean(watch)


def test_language_history_leads_to_the_first_appearance(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/resolutions/cnd-65-2/#op11", server)
    history = page.locator("#op11 + details.lineage")
    summary = history.locator("summary")
    expect(summary).to_have_text("Language history: first appeared in CND 51/11 op6 (2008-03-14)")
    earlier = history.get_by_role("link", name="CND 51/11 op6", exact=True)
    if history.get_attribute("open") is None:
        expect(earlier).to_be_hidden()
        summary.click()
    expect(earlier).to_be_visible()
    expect(history).to_contain_text("83% similar")
    compare = history.get_by_role("link", name="compare the resolutions")
    assert compare.get_attribute("href") == "../../comparisons/cnd-51-11--cnd-65-2/"
    page.wait_for_timeout(300)  # the chevron's quarter turn, so the screenshot shows it at rest
    screenshot(page, "lineage-cnd-65-2-op11")
    earlier.click()
    page.wait_for_url(f"{server}/resolutions/cnd-51-11/#op6")
    expect(page.locator("#op6")).to_be_in_viewport()
    expect(page.locator("#op6")).to_contain_text("providing training in fighting firearms trafficking")
    assert page.evaluate("document.querySelector(':target').id") == "op6"
    assert_clean(watch)


def test_sub_paragraph_permalinks_use_their_letter(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/resolutions/ctoc-cop-7-2/", server)
    sub_ids = page.eval_on_selector_all(".para-subparagraph", "els => els.map(e => e.id)")
    assert "op18-a" in sub_ids
    assert all(re.fullmatch(r"op\d+-[a-z]+(-[ivx]+)?", pid) for pid in sub_ids), sub_ids
    assert_clean(watch)


def test_comparison_page_shows_insertions_and_deletions(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/comparisons/cnd-51-11--cnd-65-2/", server)
    inline = page.locator(".tabbed-block").first
    expect(inline.locator("ins").first).to_be_visible()
    expect(inline.locator("del").first).to_be_visible()
    assert "underline" in inline.locator("ins").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in inline.locator("del").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine"
    )
    expect(page.locator("article table").first).to_contain_text("Overall similarity")
    screenshot(page, "comparison-reading")
    page.get_by_text("Inline", exact=True).click()
    expect(page.locator(".tabbed-block").nth(1).locator("ins").first).to_be_visible()
    screenshot(page, "comparison-inline")
    page.get_by_text("Side by side", exact=True).click()
    side = page.locator(".tabbed-block").nth(2)
    expect(side.locator("table")).to_be_visible()
    expect(side.locator("del").first).to_be_visible()
    screenshot(page, "comparison-side-by-side")
    assert_clean(watch)


def test_comparison_reading_view_follows_65_2_and_links_its_summary(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/comparisons/cnd-51-11--cnd-65-2/", server)
    reading = page.locator(".tabbed-block").first
    expect(reading).to_be_visible()
    heads = reading.locator(".clause-head")
    assert heads.count() == 29 + 9  # every paragraph of 65/2, and the 9 dropped from 51/11
    assert reading.locator(".clause-head.reading-dropped").count() == 9
    expect(reading.locator(".source-boundary").first).to_be_visible()  # where a merge's sources meet
    summary = page.locator(".reading-summary").first
    summary.get_by_role("link", name=re.compile(r"^merged \d+$")).click()
    expect(page.locator("#read-pp3")).to_be_in_viewport()
    screenshot(page, "comparison-reading-merge")
    assert_clean(watch)


def search(page: Page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=50)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=15000)
    return [href for href in results.evaluate_all("els => els.map(e => e.href)")]


def test_search_for_firearms_finds_65_2(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/", server)
    hrefs = search(page, "firearms")
    assert any("/resolutions/cnd-65-2/" in h for h in hrefs), hrefs
    screenshot(page, "search-firearms")
    assert_clean(watch)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/resolutions/",
        "/comparisons/",
        "/topics/",
        "/topics/training/",
        "/references/",
        "/references/firearms-protocol/",
        "/data-notes/",
        "/downloads/",
        "/about/",
        "/reports/report-salw-cooperation-2022/",
        "/comparisons/ga-77-71--ga-80-38/",
        "/comparisons/cnd-51-11--cnd-65-2--training/",
        "/resolutions/cnd-65-1/",
    ],
)
def test_pages_load_without_errors_or_outside_requests(server: str, open_page: Opener, path: str) -> None:
    page, watch = open_page(f"{server}{path}", server)
    expect(page.locator("h1")).to_be_visible()
    assert "{:" not in page.locator("article").inner_text()
    screenshot(page, "page-" + (path.strip("/").replace("/", "-") or "home"))
    assert watch.outside_requests == []
    assert_clean(watch)


def test_home_page(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/", server)
    expect(page.locator("article")).to_contain_text("What you can do here")
    screenshot(page, "home")
    page.locator(".md-nav__link, .md-tabs__link").filter(has_text="Resolutions").first.click()
    expect(page.locator("h1")).to_contain_text("Resolutions by body and year")
    expect(page.get_by_role("link", name="CND 65/2", exact=True)).to_be_visible()
    screenshot(page, "resolutions-index")
    assert_clean(watch)


def test_readable_on_a_phone(server: str, browser_page_for_phone: Page) -> None:
    page = browser_page_for_phone
    page.goto(f"{server}/resolutions/cnd-65-2/#op11")
    expect(page.locator("#op11")).to_be_in_viewport()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the phone's screen"
    screenshot(page, "phone-resolution")
    page.goto(f"{server}/comparisons/cnd-51-11--cnd-65-2/")
    expect(page.locator(".tabbed-block").first.locator("del").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot(page, "phone-comparison")


def test_dark_palette_follows_the_system_and_the_toggle(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/resolutions/cnd-65-2/", server)
    page.emulate_media(color_scheme="dark")
    page.evaluate("localStorage.clear()")  # forget the palette chosen on the first visit
    page.reload()
    # expect() waits for Material's script to set the scheme; reading the attribute at once raced it
    # whenever the machine was busy (the kill tests run beside this one).
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    screenshot(page, "dark-resolution")
    page.locator("label[title='Switch to light mode']").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert_clean(watch)


def test_print_shows_both_comparison_views_and_no_chrome(server: str, open_page: Opener) -> None:
    page, watch = open_page(f"{server}/comparisons/cnd-51-11--cnd-65-2/", server)
    page.emulate_media(media="print")
    blocks = page.locator(".tabbed-block")
    expect(blocks.nth(0)).to_be_visible()
    expect(blocks.nth(1)).to_be_visible()
    expect(page.locator(".md-header")).to_be_hidden()
    assert "line-through" in blocks.first.locator("del").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine"
    )
    assert_clean(watch)


def test_citation_graph_page_lists_its_edges_without_javascript(server: str, open_page: Opener) -> None:
    """The published site lets Material load Mermaid from its CDN; the same edges are a table too, so the
    page reads with scripts blocked (as here: every request off localhost is refused)."""
    page, watch = open_page(f"{server}/references/graph/", server)
    expect(page.locator("article table").first).to_contain_text("CND 65/2")
    expect(page.locator("article table").first).to_contain_text("CND 51/11")
    assert set(watch.outside_requests) <= {"https://unpkg.com/mermaid@11/dist/mermaid.min.js"}
    assert all("mermaid" in error for error in watch.page_errors), watch.page_errors
