"""Where the generation spends its time: cProfile's top entries for each stage on a synthetic corpus.

Run: ``.venv/bin/python -m benchmarks.profile N [--top 12]`` from the repository root. Writes nothing; prints,
per stage (parse, link, lineage, comparisons, pages), its wall time and the functions with the most
cumulative and the most own time, so a stage's owner sees the hot spot.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.synthetic import default_pool, write_corpus

ROOT = Path(__file__).resolve().parent.parent


def _profiled(name: str, function: Callable[[], Any], top: int) -> Any:
    profile = cProfile.Profile()
    start = time.perf_counter()
    value = profile.runcall(function)
    print(f"\n=== {name}: {time.perf_counter() - start:.2f} s (under cProfile) ===")
    for order in ("cumulative", "tottime"):
        text = io.StringIO()
        pstats.Stats(profile, stream=text).strip_dirs().sort_stats(order).print_stats(top)
        body = text.getvalue()
        print(body[body.index("   ncalls") :].rstrip())
    return value


def main(argv: Sequence[str] | None = None) -> int:
    from generator.analyse.lineage import build_lineage
    from generator.build import site_data, write_stage
    from generator.build_inputs import analyse_stage, export_stage, link_stage
    from generator.ingest import load_corpus
    from generator.render.site import render_site

    parser = argparse.ArgumentParser(description="cProfile each generation stage on N synthetic resolutions.")
    parser.add_argument("n", type=int)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="atlas-profile-") as tmp:
        corpus_dir = Path(tmp) / "corpus"
        write_corpus(corpus_dir, default_pool(ROOT), args.n)
        corpus = _profiled("parse", lambda: load_corpus(corpus_dir), args.top)
        links = _profiled("link", lambda: link_stage(corpus, corpus_dir), args.top)
        lineage = _profiled("lineage", lambda: build_lineage(corpus), args.top)
        analysis = _profiled(
            "comparisons",
            lambda: analyse_stage(corpus, corpus_dir, links.resolution_citations, lineage=lineage),
            args.top,
        )
        akn, _ = _profiled("export", lambda: export_stage(corpus, links), args.top)
        data = site_data(corpus, links, analysis, akn)
        _profiled("pages", lambda: write_stage(render_site(data), Path(tmp) / "docs"), args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
