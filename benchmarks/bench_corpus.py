"""Benchmark: parse the development corpus in-process, and texts of growing size (issue 10).

1. The whole development corpus (``tests/corpus-real/``, 916 files) read as one corpus, as a build reads
   it: target under 5 s on this machine.
2. Linearity: one text made of real texts of every layout repeated to 1, 4, 16 and 50 MB, each parsed in
   a child process whose peak memory (ru_maxrss) is read: time and memory must grow linearly, and 50 MB
   must parse in under 30 s and 1 GB.

Writes ``benchmarks/results/corpus.json`` and prints Markdown table rows.

Run: ``.venv/bin/python -m benchmarks.bench_corpus`` from the repository root (``--quick`` stops at 16 MB).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.ingest import parse_files

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus-real"
RESULT = ROOT / "benchmarks/results/corpus.json"
CORPUS_TARGET_SECONDS = 5.0
LARGE_TARGET_SECONDS = 30.0
LARGE_TARGET_MIB = 1024
SIZES_MB = (1, 4, 16, 50)
SAMPLES = (
    "cr-unsc/S_RES_0417_1977_EN_GOLD.txt",
    "undocs/A_RES_77_20.txt",
    "railcar-md/A_RES_80_38.md",
    "railcar-raw/A_RES_80_9.txt",
)


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md") and p.name != "SOURCES.md")


def time_corpus() -> dict[str, float | int]:
    files = corpus_files()
    parse_files(files[:20])  # warm-up: imports, regular expressions, the word frequencies
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        documents = parse_files(files)
        best = min(best, time.perf_counter() - start)
    return {
        "files": len(files),
        "resolutions": sum(len(d.resolutions) for d in documents),
        "megabytes": round(sum(p.stat().st_size for p in files) / 1e6, 2),
        "best_seconds": round(best, 3),
    }


def large_text(megabytes: int) -> str:
    piece = "\n\n".join((CORPUS / name).read_text(encoding="utf-8") for name in SAMPLES)
    copies = max(1, int(megabytes * 1e6 / len(piece.encode("utf-8"))))
    return "\n\n".join([piece] * copies)


_CHILD = """
import resource, sys, time
from generator.ingest import parse_file
start = time.perf_counter()
document = parse_file(sys.argv[1])
seconds = time.perf_counter() - start
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(document.resolutions))
"""


def time_large(megabytes: int, folder: Path) -> dict[str, float | int]:
    path = folder / f"large-{megabytes}mb.txt"
    path.write_text(large_text(megabytes), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.split()
    return {
        "megabytes": round(path.stat().st_size / 1e6, 1),
        "seconds": round(float(out[0]), 2),
        "peak_mib": round(int(out[1]) / 1024),
        "resolutions": int(out[2]),
    }


def main() -> None:
    quick = "--quick" in sys.argv
    corpus = time_corpus()
    with tempfile.TemporaryDirectory() as folder:
        large = [time_large(mb, Path(folder)) for mb in SIZES_MB if not (quick and mb > 16)]
    first, last = large[0], large[-1]
    result = {
        "benchmark": "parse the development corpus; parse texts of growing size",
        "corpus": corpus | {"target_seconds": CORPUS_TARGET_SECONDS},
        "large": large,
        "seconds_per_mb_smallest": round(first["seconds"] / first["megabytes"], 3),
        "seconds_per_mb_largest": round(last["seconds"] / last["megabytes"], 3),
        "large_within_target": last["megabytes"] < 45
        or (last["seconds"] < LARGE_TARGET_SECONDS and last["peak_mib"] < LARGE_TARGET_MIB),
        "self_peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"| parse the development corpus in-process | `bench_corpus.py` | {corpus['files']} files, "
        f"{corpus['resolutions']} resolutions, {corpus['megabytes']} MB | {corpus['best_seconds']:.2f} s | "
        f"< {CORPUS_TARGET_SECONDS:.0f} s |"
    )
    for row in large:
        print(
            f"| parse one text of {row['megabytes']} MB | `bench_corpus.py` | "
            f"{row['resolutions']} resolutions | {row['seconds']:.1f} s, {row['peak_mib']} MiB | "
            f"50 MB: < {LARGE_TARGET_SECONDS:.0f} s, "
            f"< {LARGE_TARGET_MIB} MiB |"
        )


if __name__ == "__main__":
    main()
