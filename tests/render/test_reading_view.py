"""The reading view of a comparison page: the right-hand text in its own order, every paragraph marked,
every dropped one placed where it stood, and a summary per part whose counts link to the clauses."""

from __future__ import annotations

import re

import pytest
from paths import SEEDS

from generator.build import build_site_sources
from generator.ingest import load_corpus


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("docs")
    build_site_sources(SEEDS, (), out)
    return (out / "comparisons" / "cnd-51-11--cnd-65-2.md").read_text(encoding="utf-8")


def _reading(page: str) -> str:
    return page.split('=== "Reading"', 1)[1].split('=== "Inline"', 1)[0]


def test_the_reading_view_is_the_first_tab(page: str) -> None:
    assert page.index('=== "Reading"') < page.index('=== "Inline"') < page.index('=== "Side by side"')


def test_every_paragraph_of_65_2_in_its_order_and_the_9_dropped_placed(page: str) -> None:
    anchors = re.findall(r"\{: #read-([a-z0-9-]+) \.clause-head \.reading-([a-z]+) \}", _reading(page))
    right = [a for a, mark in anchors if not a.startswith("dropped-")]
    dropped = [a for a, mark in anchors if a.startswith("dropped-")]
    new = next(r for r in load_corpus(SEEDS).resolutions() if r.id == "cnd-65-2")
    assert right == [p.id for p in (*new.preamble, *new.operative)]  # 29 paragraphs, none twice
    assert len(dropped) == 9
    assert all(mark == "dropped" for a, mark in anchors if a.startswith("dropped-"))
    # A dropped paragraph stands after the last pair kept in place that preceded it: 51/11 op2 (dropped)
    # follows 65/2 op1, the counterpart of 51/11 op1.
    ids = [a for a, _ in anchors]
    assert ids.index("dropped-op2") == ids.index("op1") + 1


def test_marks_say_where_a_paragraph_came_from(page: str) -> None:
    reading = _reading(page)
    assert (
        '<span class="clause-status mark-renumbered">renumbered</span> <span class="clause-score">was op10'
        in (reading)
    )
    assert 'mark-merged">merged</span> <span class="clause-score">from pp11 &#43; pp12' in reading
    # The merge shows where the second source paragraph starts.
    assert '<span class="source-boundary" title="pp12 starts here">¦ pp12</span>' in reading


def test_the_summary_counts_each_part_and_links_to_the_clauses(page: str) -> None:
    summary = re.findall(r"^\*\*(Preamble|Operative part)\*\*: (.*)$", page, flags=re.MULTILINE)
    counts = {
        part: {
            m: (int(n), target) for m, n, target in re.findall(r"\[([a-z]+) (\d+)\]\(#([a-z0-9-]+)\)", line)
        }
        for part, line in summary
    }
    assert sum(n for part in counts.values() for m, (n, _) in part.items() if m != "dropped") == 29
    assert sum(part["dropped"][0] for part in counts.values()) == 9
    anchors = set(re.findall(r"\{: #(read-[a-z0-9-]+) ", page))
    assert all(target in anchors for part in counts.values() for _, target in part.values())


def test_no_pair_below_the_threshold_is_drawn_as_one_clause(page: str) -> None:
    scores = [
        int(s) for s in re.findall(r"(\d+)&#37; similar</span>\n    \{: #read-(?!dropped)", _reading(page))
    ]
    assert scores and min(scores) >= 20
