"""Benchmark: building the site for 100, 500 and 2,000 generated resolutions; seconds per page.

For each size N, N resolution texts are written in the seeds' plain-text layout (deterministic: one
resolution per file, 6 preambular and 12 operative paragraphs of generated prose, a footnote citing the
Firearms Protocol's Treaty Series entry, and every fifth resolution recalling its predecessor, so the
link stage resolves citations and the analyse stage plans about N/5 comparisons). Then, in this
process, as ``make site`` does:

    generate   generator.build.build_site_sources (ingest, link, analyse, render, write docs/)
    mkdocs     generator.sitebuild.mkdocs_build (``--strict``)

Seconds per page = seconds / generated Markdown pages. The target: the per-page time at 2,000 within
1.3x of the time at 100 (the navigation lists index pages only, so MkDocs does not grow quadratically).
A warm-up build of 20 resolutions runs first so imports and template compilation are not charged to
N = 100. Writes ``benchmarks/results/site.json``. Run: ``.venv/bin/python -m benchmarks.bench_site``.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from generator.build import build_site_sources
from generator.sitebuild import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
RESULT = ROOT / "benchmarks" / "results" / "site.json"
SIZES = (100, 500, 2000)
TARGET_RATIO = 1.3

_VOCABULARY = (
    "illicit trafficking firearms drugs cooperation Member States international regional national "
    "law enforcement training information exchange border control judicial assistance capacity "
    "measures strategies programmes research data collection victims gender prevention organized "
    "crime networks ammunition components tracing marking record-keeping brokering diversion "
    "precursors laboratories seizures investigations prosecutions partnerships resources"
)
WORDS = tuple(_VOCABULARY.split())
LEADS_PRE = ("Recalling", "Noting with concern", "Recognizing", "Bearing in mind", "Welcoming", "Reaffirming")
LEADS_OP = ("Encourages", "Requests", "Invites", "Calls upon", "Urges", "Decides", "Underlines", "Emphasizes")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def resolution_text(k: int, rng: random.Random) -> str:
    """Resolution 70/k as plain text, in the layout of seed 001."""
    lines = [f"Resolution 70/{k}", "", f"Generated resolution {k} on {_sentence(rng, 6)}", ""]
    lines += ["The Commission on Narcotic Drugs,", ""]
    lines += [
        "Recalling the Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their "
        "Parts and Components and Ammunition, supplementing the United Nations Convention against "
        "Transnational Organized Crime,¹",
        "",
    ]
    if k > 1 and k % 5 == 0:
        lines += [f"Recalling also its resolution 70/{k - 1} on {_sentence(rng, 5)},", ""]
    for i in range(5):
        lines += [f"{LEADS_PRE[i % len(LEADS_PRE)]} the {_sentence(rng, rng.randint(18, 40))},", ""]
    for n in range(1, 13):
        end = "." if n == 12 else ";"
        lines += [f"{n}. *{LEADS_OP[n % len(LEADS_OP)]}* {_sentence(rng, rng.randint(20, 50))}{end}", ""]
    lines += ["¹ United Nations, *Treaty Series*, vol. 2326, No. 39574.", ""]
    return "\n".join(lines)


def write_texts(folder: Path, n: int) -> list[Path]:
    rng = random.Random(70)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(1, n + 1):
        path = folder / f"res_70_{k:05d}.txt"
        path.write_text(resolution_text(k, rng), encoding="utf-8")
        paths.append(path)
    return paths


def build_once(n: int, work: Path) -> dict[str, float | int]:
    seeds = work / f"seeds-{n}"
    seeds.mkdir(parents=True)
    texts = write_texts(work / f"texts-{n}", n)
    docs, site = work / f"docs-{n}", work / f"site-{n}"
    start = time.perf_counter()
    report = build_site_sources(seeds, texts, docs)
    generated = time.perf_counter()
    mkdocs_build(docs, site)
    built = time.perf_counter()
    pages = report.pages
    generate_s, mkdocs_s = generated - start, built - generated
    return {
        "resolutions": n,
        "pages": pages,
        "generate_s": round(generate_s, 3),
        "mkdocs_s": round(mkdocs_s, 3),
        "total_s": round(generate_s + mkdocs_s, 3),
        "per_page_ms": round(1000 * (generate_s + mkdocs_s) / pages, 3),
        "generate_per_page_ms": round(1000 * generate_s / pages, 3),
        "mkdocs_per_page_ms": round(1000 * mkdocs_s / pages, 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--out", type=Path, default=RESULT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        work = Path(tmp)
        build_once(20, work / "warm-up")
        runs = []
        for n in args.sizes:
            run = build_once(n, work)
            runs.append(run)
            print(
                f"N={n:>5}: {run['pages']} pages, generate {run['generate_s']} s, "
                f"mkdocs {run['mkdocs_s']} s, {run['per_page_ms']} ms/page"
            )
    first, last = runs[0], runs[-1]
    ratio = float(last["per_page_ms"]) / float(first["per_page_ms"])
    result = {
        "benchmark": "site build (generate + mkdocs build --strict), seconds per page",
        "runs": runs,
        "ratio_largest_to_smallest_per_page": round(ratio, 3),
        "target_ratio": TARGET_RATIO,
        "met": ratio <= TARGET_RATIO,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    sizes = f"N={last['resolutions']} / N={first['resolutions']}"
    print(f"per-page time at {sizes}: {ratio:.2f} (target <= {TARGET_RATIO})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
