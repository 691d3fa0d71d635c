"""Benchmark: compare GA 77/71 (2022) with 80/38 (2025) clause by clause.

Times :func:`generator.analyse.compare.compare_resolutions` (alignment, merges/splits, moves, every word
diff and the paragraphs' topics) on the parsed texts; parsing is done once beforehand and not timed.
Target: under 0.5 s. Writes ``benchmarks/results/compare.json`` and prints a Markdown table row.

Run: ``.venv/bin/python -m benchmarks.bench_compare`` from the repository root.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from generator.analyse.align import align_paragraphs
from generator.analyse.compare import compare_resolutions, units
from generator.analyse.topics import load_taxonomy
from generator.ingest import parse_file

ROOT = Path(__file__).resolve().parent.parent
LEFT = ROOT / "tests/corpus/A_RES_77_71.txt"
RIGHT = ROOT / "tests/corpus/A_RES_80_38.md"
RESULT = ROOT / "benchmarks/results/compare.json"
TARGET_SECONDS = 0.5
RUNS = 15


def _timings(function: object, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    (left,) = parse_file(LEFT).resolutions
    (right,) = parse_file(RIGHT).resolutions
    taxonomy = load_taxonomy(ROOT / "seeds/topics.yml")
    comparison = compare_resolutions(left, right, taxonomy)
    full = _timings(lambda: compare_resolutions(left, right, taxonomy), RUNS)
    align_only = _timings(lambda: align_paragraphs(units(left), units(right)), RUNS)
    result = {
        "benchmark": f"compare {left.id} -> {right.id}",
        "paragraphs": {"left": len(units(left)), "right": len(units(right))},
        "pairs": len(comparison.pairs),
        "runs": RUNS,
        "compare_best_seconds": round(min(full), 4),
        "compare_median_seconds": round(statistics.median(full), 4),
        "align_median_seconds": round(statistics.median(align_only), 4),
        "target_seconds": TARGET_SECONDS,
        "within_target": statistics.median(full) < TARGET_SECONDS,
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print("| benchmark | paragraphs | median | best | alignment only | target |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {result['benchmark']} | {len(units(left))} × {len(units(right))} | "
        f"{result['compare_median_seconds']} s | {result['compare_best_seconds']} s | "
        f"{result['align_median_seconds']} s | < {TARGET_SECONDS} s |"
    )


if __name__ == "__main__":
    main()
