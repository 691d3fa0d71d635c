"""Browser fixtures: the site and the offline bundle, built once per session, opened in headless Chromium.

The site is generated from the seeds and the real texts of tests/corpus, plus a hostile text
(``fixtures/xss_resolution.txt``), built with ``mkdocs build --strict`` into a temporary folder and
served over HTTP on localhost; the offline bundle is built from the same docs, zipped, and unzipped
into another temporary folder to be opened from ``file://``. Every page a test opens records console
errors and any request that would leave the machine (such requests are aborted, so a test never
depends on the network).
"""

from __future__ import annotations

import functools
import threading
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, Route, sync_playwright
from sitecheck import BuiltSite, Opener, Watch

from generator.build import build_site_sources
from generator.offline import build_offline_bundle
from generator.sitebuild import mkdocs_build

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
XSS_TEXT = Path(__file__).resolve().parent / "fixtures" / "xss_resolution.txt"
CORPUS_TEXTS = sorted(
    p for p in (ROOT / "tests" / "corpus").iterdir() if p.suffix in (".txt", ".md") and p.name != "SOURCES.md"
)
"""The published corpus: the seeds and the real texts of tests/corpus (as ``make site`` builds it)."""
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    base = tmp_path_factory.mktemp("atlas-site")
    docs = base / "docs"
    build_site_sources(SEEDS, [*CORPUS_TEXTS, XSS_TEXT], docs)
    mkdocs_build(docs, base / "site")
    zip_path = base / "resolution-atlas-offline.zip"
    build_offline_bundle(docs, base / "site-offline", zip_path)
    unzipped = base / "unzipped"
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(unzipped)
    return BuiltSite(
        docs=docs, site=base / "site", offline_root=unzipped / "resolution-atlas", zip_path=zip_path
    )


@pytest.fixture(scope="session")
def server(built_site: BuiltSite) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site.site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page_for_phone(browser: Browser) -> Iterator[Page]:
    """A page the size of a phone screen, with touch."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.route(
        "**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort()
    )
    yield context.new_page()
    context.close()


def _is_local(url: str, allowed_prefix: str) -> bool:
    return url.startswith(allowed_prefix) or url.startswith(("data:", "blob:", "about:"))


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Opener]:
    """``open_page(url, allowed_prefix)`` -> (page, watch); requests outside the prefix are aborted."""
    contexts = []

    def opener(url: str, allowed_prefix: str) -> tuple[Page, Watch]:
        watch = Watch()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)

        def route(route: Route) -> None:
            if _is_local(route.request.url, allowed_prefix):
                route.continue_()
            else:
                watch.outside_requests.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))

        def on_dialog(dialog: Dialog) -> None:
            watch.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(url)
        return page, watch

    yield opener
    for context in contexts:
        context.close()
