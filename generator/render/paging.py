"""Long lists split over numbered pages, so no page grows with the corpus beyond a bound.

A list becomes as many pages as it takes to keep each page's rows within a budget: ``size`` rows, or,
with ``weigh``, rows whose weights (the characters they write, say) add up to at most ``size``; a row
heavier than the budget gets a page of its own. The first page is at ``first``
(``comparisons/index.md``), the next ones beside it (``comparisons/index-2.md``...) or where ``later``
puts them. Each page's context holds its own rows and the same navigation: every page, labelled with
what it holds, and whether it is the current one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.render.context import Context, href

PAGE_ROWS = 200
"""Rows of an index page: some 400 bytes of HTML each, so a page stays near 100 KB with the theme's."""
PAGE_CHARACTERS = 120_000
"""The Markdown a page of quoted text may hold: about 150 KB of HTML with the theme's, under 300 KB."""

Row = Context


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a paginated list: its path, its rows and the navigation to all pages."""

    path: str
    rows: Sequence[Row]
    number: int
    of: int
    navigation: list[Context]


def sibling_path(first: str, number: int) -> str:
    """``comparisons/index.md`` for page 1, ``comparisons/index-2.md`` for page 2."""
    return first if number == 1 else f"{first.removesuffix('.md')}-{number}.md"


def _chunks(rows: Sequence[Row], size: int, weigh: Callable[[Row], int]) -> list[Sequence[Row]]:
    chunks: list[Sequence[Row]] = []
    start, total = 0, 0
    for k, row in enumerate(rows):
        weight = weigh(row)
        if k > start and total + weight > size:
            chunks.append(rows[start:k])
            start, total = k, 0
        total += weight
    chunks.append(rows[start:])
    return chunks


def _numbers(first_row: int, rows: Sequence[Row]) -> str:
    return f"{first_row + 1}–{first_row + len(rows)}"


def paginate(
    first: str,
    rows: Sequence[Row],
    size: int | None = None,
    weigh: Callable[[Row], int] = lambda row: 1,
    later: Callable[[int], str] | None = None,
    label: Callable[[Row, Row], str] | None = None,
) -> list[Page]:
    """The pages of ``rows`` (always at least one, perhaps empty), ``size`` (default :data:`PAGE_ROWS`)
    a page; ``label(first row, last row)`` names a page in the navigation (default: the row numbers,
    ``201–400``)."""
    chunks = _chunks(rows, PAGE_ROWS if size is None else size, weigh)
    paths = [first] + [(later or (lambda n: sibling_path(first, n)))(n) for n in range(2, len(chunks) + 1)]
    starts = [sum(len(c) for c in chunks[:n]) for n in range(len(chunks))]
    labels = [
        label(chunk[0], chunk[-1]) if label and chunk else _numbers(start, chunk)
        for start, chunk in zip(starts, chunks, strict=True)
    ]
    pages = []
    for number, path in enumerate(paths, 1):
        navigation: list[Context] = [
            {"label": labels[n - 1], "href": href(path, other), "current": n == number}
            for n, other in enumerate(paths, 1)
        ]
        pages.append(Page(path, chunks[number - 1], number, len(paths), navigation if len(paths) > 1 else []))
    return pages
