"""Benchmark: how many comparisons the default plan makes on the development corpus of real texts.

Parses the seeds and the texts of ``tests/dev-corpus.list`` (``tests/corpus-real/`` less the texts that
repeat another's resolution, and the texts of ``tests/corpus/`` it lacks), links them, plans the
comparisons as the build does and runs them, then counts what the build publishes: default comparisons
that pair no clause are not made. The old rule (every cited resolution, every shared title) is counted
beside it. Writes ``benchmarks/results/comparisons.json`` and prints the figures.

Run: ``.venv/bin/python -m benchmarks.bench_comparisons`` from the repository root.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from generator.analyse.compare import plan_comparisons
from generator.analyse.topics import load_taxonomy
from generator.build_inputs import compare_all, link_stage
from generator.ingest import load_corpus
from generator.textfiles import list_texts

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEV_CORPUS = ROOT / "tests/dev-corpus.list"
"""The development corpus less the files that repeat another's resolution (the list says which)."""
RESULT = ROOT / "benchmarks/results/comparisons.json"


def main() -> None:
    files = list_texts(DEV_CORPUS)
    corpus = load_corpus(SEEDS, files)
    links = link_stage(corpus, SEEDS)
    citations = {k: set(v) for k, v in links.resolution_citations.items()}
    specs = plan_comparisons(corpus, SEEDS / "comparisons.yml", citations)
    start = time.perf_counter()
    pairs = [(corpus.resolution(s.left), corpus.resolution(s.right)) for s in specs]
    compared = compare_all([(a, b) for a, b in pairs if a and b], load_taxonomy(SEEDS / "topics.yml"))
    seconds = time.perf_counter() - start
    made = [c for c, s in zip(compared, specs, strict=True) if c.pairs or s.reason == "configured"]
    ids = {r.id for r in corpus.resolutions()}
    old_rule = {
        frozenset((a, b)) for a, cited in citations.items() if a in ids for b in cited if b in ids and b != a
    }
    by_title = Counter(r.title.casefold().strip() for r in corpus.resolutions() if r.title.strip())
    old_rule_count = len(old_rule) + sum(n * (n - 1) // 2 for n in by_title.values())
    resolutions = len(corpus.resolutions())
    result = {
        "benchmark": "default comparisons on the development corpus",
        "files": len(files) + len(list(SEEDS.glob("*.txt"))),
        "resolutions": resolutions,
        "planned": len(specs),
        "planned_by_reason": dict(sorted(Counter(s.reason for s in specs).items())),
        "made": len(made),
        "dropped_no_clause_paired": len(specs) - len(made),
        "per_resolution": round(len(made) / resolutions, 3),
        "most_for_one_newer_resolution": max(Counter(c.right.id for c in made).values()),
        "most_for_one_older_resolution": max(Counter(c.left.id for c in made).values()),
        "old_rule_about": old_rule_count,
        "compare_seconds": round(seconds, 2),
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
