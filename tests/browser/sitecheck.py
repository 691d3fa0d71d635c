"""What the browser tests share: the built site's folders, what a page did, screenshots."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@dataclass
class BuiltSite:
    docs: Path
    site: Path
    offline_root: Path
    """The unzipped offline bundle's top folder (holds index.html)."""
    zip_path: Path


@dataclass
class Watch:
    """What a page did that a user would not want: console errors, requests leaving the machine."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


Opener = Callable[[str, str], tuple[Page, "Watch"]]
"""``open_page(url, allowed_prefix)`` -> (page, watch)."""


def screenshot(page: Page, name: str) -> Path:
    """Keep a screenshot of a key page under test-artifacts/ (git-ignored) for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
