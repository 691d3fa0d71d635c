"""Benchmark: parse the five seeds in-process (``load_corpus(seeds)``, catalog included).

Imports and one warm-up run are not timed. Target (issue 2): under 0.2 s. Writes
``benchmarks/results/parse.json`` and prints a Markdown table row.

Run: ``.venv/bin/python -m benchmarks.bench_parse`` from the repository root.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from generator.ingest import load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RESULT = ROOT / "benchmarks/results/parse.json"
TARGET_SECONDS = 0.2
RUNS = 15


def main() -> None:
    corpus = load_corpus(SEEDS)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        load_corpus(SEEDS)
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    result = {
        "benchmark": "parse the five seeds in-process",
        "files": len(corpus.documents),
        "resolutions": len(corpus.resolutions()),
        "paragraphs": sum(len(r.paragraphs()) for r in corpus.resolutions()),
        "runs": RUNS,
        "best_seconds": round(min(timings), 4),
        "median_seconds": round(median, 4),
        "target_seconds": TARGET_SECONDS,
        "within_target": median < TARGET_SECONDS,
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"| parse the five seeds in-process (`load_corpus`, catalog checks included) | `bench_parse.py` | "
        f"{result['files']} files, {result['resolutions']} resolutions, {result['paragraphs']} paragraphs | "
        f"{result['median_seconds']:.3f} s | {result['best_seconds']:.3f} s | < {TARGET_SECONDS} s |"
    )


if __name__ == "__main__":
    main()
