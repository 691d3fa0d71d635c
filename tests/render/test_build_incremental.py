"""Rebuilding after a seed changes rewrites only the files that depend on it."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.build import build_site_sources

ROOT = Path(__file__).resolve().parents[2]
# Two texts outside the seeds, compared with each other (same title): a comparison the edit must not touch.
GA_PAIR = [ROOT / "tests" / "corpus" / "A_RES_77_71.txt", ROOT / "tests" / "corpus" / "A_RES_80_38.md"]


def test_touching_one_seed_rewrites_only_its_dependent_files(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    docs = tmp_path / "docs"
    first = build_site_sources(seeds, GA_PAIR, docs)
    assert "resolutions/cnd-53-8.md" in first.written
    again = build_site_sources(seeds, GA_PAIR, docs)
    assert again.written == [] and again.removed == []

    seed = seeds / "004_024c091bda70a48a.txt"
    text = seed.read_text(encoding="utf-8")
    old = "*Reaffirming* that, in order to deal with all aspects of the world drug problem"
    assert old in text
    seed.write_text(text.replace(old, old.replace("all aspects", "every aspect")), encoding="utf-8")
    changed = build_site_sources(seeds, GA_PAIR, docs)

    assert "every aspect of the world drug problem" in (docs / "resolutions/cnd-53-8.md").read_text(
        encoding="utf-8"
    )
    assert "resolutions/cnd-53-8.md" in changed.written
    assert "data/corpus.json" in changed.written
    assert "comparisons/cnd-51-11--cnd-53-8.md" in changed.written
    for untouched in (
        "resolutions/cnd-65-2.md",
        "resolutions/cnd-51-11.md",
        "comparisons/cnd-51-11--cnd-65-2.md",
        "comparisons/ga-77-71--ga-80-38.md",
        "resolutions/index.md",
    ):
        assert untouched not in changed.written
    assert len(changed.written) < len(first.written) // 4
