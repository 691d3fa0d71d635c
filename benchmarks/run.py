"""Benchmark: the whole generation at N = 100, 250 and 1,000 synthetic resolutions, and lineage recall.

For each N a synthetic corpus (``benchmarks/synthetic.py``) is written to a temporary folder; then one fresh
Python process runs the build's stages in order, as ``generator/build.py`` does, timing each one and reading
its peak resident memory (the kernel's high-water mark, reset before each stage through
``/proc/self/clear_refs``):

    parse        generator.ingest.load_corpus (catalog included)
    link         generator.build_inputs.link_stage
    lineage      generator.analyse.lineage.build_lineage (one process; the two-process run is timed apart)
    comparisons  generator.build_inputs.analyse_stage (default comparisons, topics; given the lineage above)
    export       generator.build_inputs.export_stage (every resolution as Akoma Ntoso XML)
    pages        generator.render.site.render_site (language histories and lineage.json included)
                 + generator.build.write_stage into a fresh docs folder

"generation" is their sum. Also timed, not part of it: parsing in two processes, lineage in two processes.
The MkDocs build of the generated docs runs as a subprocess (its peak memory is the child's ru_maxrss) for the
sizes given by ``--build`` (default all three). Lineage recall is measured at ``--recall`` (200): the pairs
the index + confirmation finds against every pair brute force finds (``bound_pairs``: all pairs that could
reach the threshold, each then scored), for TF-IDF and MinHash. Last, whether a rebuild after a one-word
edit rewrites only the files that depend on it (``--rebuild``, N = 100).

Writes ``benchmarks/results/scale.json`` and the table between the ``scale`` markers of
``benchmarks/README.md``. Run: ``.venv/bin/python -m benchmarks.run`` (the Makefile's ``bench``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULT = ROOT / "benchmarks/results/scale.json"
README = ROOT / "benchmarks/README.md"
MARK_BEGIN, MARK_END = "<!-- scale:begin -->", "<!-- scale:end -->"
STAGES = ("parse", "link", "lineage", "comparisons", "export", "pages")


def _peak_reset() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def _peak_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (a stage's worker processes)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _measure(out: dict[str, Any], name: str, function: Callable[[], Any]) -> Any:
    _peak_reset()
    start, cpu = time.perf_counter(), _cpu()
    value = function()
    out[name] = {
        "seconds": round(time.perf_counter() - start, 3),
        "cpu_seconds": round(_cpu() - cpu, 3),
        "peak_mib": _peak_mib(),
    }
    return value


def _parse_parallel(corpus_dir: Path, workers: int) -> int:
    from generator.ingest import load_catalog, parse_file, seed_files

    catalog = load_catalog(corpus_dir / "catalog.yml")
    files = seed_files(corpus_dir)
    with ProcessPoolExecutor(workers) as pool:
        documents = list(pool.map(parse_file, files, [catalog] * len(files), chunksize=16))
    return len(documents)


def child(corpus_dir: Path, work_dir: Path, workers: int) -> dict[str, Any]:
    """The stages in one fresh process (see the module docstring); returns the figures."""
    from generator.analyse.lineage import build_lineage
    from generator.build import site_data, write_stage
    from generator.build_inputs import analyse_stage, export_stage, link_stage
    from generator.ingest import load_corpus
    from generator.render.site import render_site

    stages: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    corpus = _measure(stages, "parse", lambda: load_corpus(corpus_dir))
    links = _measure(stages, "link", lambda: link_stage(corpus, corpus_dir))
    lineage = _measure(stages, "lineage", lambda: build_lineage(corpus))
    analysis = _measure(
        stages,
        "comparisons",
        lambda: analyse_stage(corpus, corpus_dir, links.resolution_citations, lineage=lineage),
    )
    akn, _ = _measure(stages, "export", lambda: export_stage(corpus, links))
    data = site_data(corpus, links, analysis, akn)
    docs = work_dir / "docs"
    log = _measure(stages, "pages", lambda: write_stage(render_site(data), docs))
    _measure(extra, f"parse_{workers}_processes", lambda: _parse_parallel(corpus_dir, workers))
    parallel = _measure(extra, f"lineage_{workers}_processes", lambda: build_lineage(corpus, workers=workers))
    assert parallel == lineage
    return {
        "stages": stages,
        "parallel": extra,
        "counts": {
            "files": len(corpus.documents),
            "resolutions": len(corpus.resolutions()),
            "paragraphs": sum(len(r.paragraphs()) for r in corpus.resolutions()),
            "lineage_units": lineage.units,
            "lineage_candidates": lineage.candidates,
            "paragraphs_with_lineage": len(lineage.paragraphs),
            "lineage_pairs": sum(len(p.ancestors) for p in lineage.paragraphs),
            "comparisons": len(analysis.comparisons),
            "files_written": len(log.written),
        },
    }


def _mkdocs(work_dir: Path) -> dict[str, Any]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {work_dir / 'docs'}")
    config = config.replace("site_dir: site", f"site_dir: {work_dir / 'site'}")
    config = config.replace("strict: true", "strict: false")
    path = work_dir / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    log = work_dir / "mkdocs.log"
    start = time.perf_counter()
    with log.open("w") as sink:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "mkdocs"), "build", "-q", "-f", str(path)],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    warnings = [line for line in log.read_text().splitlines() if line.startswith("WARNING")]
    return {
        "seconds": round(seconds, 3),
        "peak_mib": round(usage.ru_maxrss / 1024, 1),
        "exit_status": os.waitstatus_to_exitcode(status),
        "warnings": len(warnings),
        "first_warnings": warnings[:3],
    }


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The first run's counts with, per stage, the run of least wall time (the others waited for a core)."""
    best = runs[0]
    for group in ("stages", "parallel"):
        for name in best[group]:
            best[group][name] = min((r[group][name] for r in runs), key=lambda m: m["seconds"])
    best["runs"] = len(runs)
    return best


def _one_size(n: int, build: bool, workers: int, repeat: int) -> dict[str, Any]:
    from benchmarks.synthetic import default_pool, write_corpus

    with tempfile.TemporaryDirectory(prefix=f"atlas-bench-{n}-") as tmp:
        corpus_dir, work_dir = Path(tmp) / "corpus", Path(tmp) / "work"
        work_dir.mkdir()
        start = time.perf_counter()
        write_corpus(corpus_dir, default_pool(ROOT), n)
        synthetic_seconds = round(time.perf_counter() - start, 3)
        command = [sys.executable, "-m", "benchmarks.run", "--child", str(corpus_dir), str(work_dir)]
        runs = []
        for _ in range(repeat):
            done = subprocess.run(
                [*command, "--workers", str(workers)], capture_output=True, text=True, check=False, cwd=ROOT
            )
            if done.returncode != 0:
                raise SystemExit(f"the stages failed at N = {n}:\n{done.stderr}")
            runs.append(json.loads(done.stdout))
        result = _best(runs)
        result["n"] = n
        result["synthetic_corpus_seconds"] = synthetic_seconds
        stages = result["stages"]
        result["generation"] = {
            "seconds": round(sum(stages[s]["seconds"] for s in STAGES), 3),
            "cpu_seconds": round(sum(stages[s]["cpu_seconds"] for s in STAGES), 3),
            "peak_mib": max(stages[s]["peak_mib"] for s in STAGES),
        }
        if build:
            result["mkdocs_build"] = _mkdocs(work_dir)
    return result


def recall(n: int) -> dict[str, Any]:
    """Lineage candidates of each index, confirmed, against brute force, on a parsed synthetic corpus."""
    from benchmarks.synthetic import default_pool, write_corpus
    from generator.analyse.lineage import THRESHOLD, comparable_pairs, confirm, units
    from generator.analyse.lineage_candidates import bound_pairs, minhash_pairs, tfidf_pairs
    from generator.ingest import load_corpus

    with tempfile.TemporaryDirectory(prefix=f"atlas-recall-{n}-") as tmp:
        write_corpus(Path(tmp), default_pool(ROOT), n)
        items = units(load_corpus(Path(tmp)))
    texts = [u.words for u in items]
    start = time.perf_counter()
    brute_candidates = comparable_pairs(bound_pairs(texts, THRESHOLD), items)
    brute = {(i, j) for i, j, _ in confirm(brute_candidates, items)}
    out: dict[str, Any] = {
        "n": n,
        "units": len(items),
        "all_pairs": len(items) * (len(items) - 1) // 2,
        "brute_force_pairs": len(brute),
        "brute_force_seconds": round(time.perf_counter() - start, 3),
    }
    methods: dict[str, Callable[[Sequence[str]], Any]] = {"tfidf": tfidf_pairs, "minhash": minhash_pairs}
    for name, index in methods.items():
        start = time.perf_counter()
        candidates = comparable_pairs(index(texts), items)
        index_seconds = time.perf_counter() - start
        found = {(i, j) for i, j, _ in confirm(candidates, items)}
        out[name] = {
            "candidates": len(candidates),
            "index_seconds": round(index_seconds, 3),
            "total_seconds": round(time.perf_counter() - start, 3),
            "found": len(found),
            "recall": round(len(found & brute) / max(1, len(brute)), 4),
        }
    return out


def rebuild_after_edit(n: int) -> dict[str, Any]:
    """Build N resolutions' docs, double a word in one file's first operative paragraph, build again: what
    the second build rewrites or removes."""
    from benchmarks.synthetic import default_pool, write_corpus
    from generator.build import build_site_sources

    with tempfile.TemporaryDirectory(prefix=f"atlas-rebuild-{n}-") as tmp:
        corpus_dir, docs = Path(tmp) / "corpus", Path(tmp) / "docs"
        paths = write_corpus(corpus_dir, default_pool(ROOT), n)
        first = build_site_sources(corpus_dir, (), docs)
        edited = paths[len(paths) // 2]
        lines = edited.read_text(encoding="utf-8").split("\n")
        first_operative = next(k for k, line in enumerate(lines) if line.startswith("1. "))
        lines[first_operative] = lines[first_operative].replace(" the ", " the the ", 1)
        edited.write_text("\n".join(lines), encoding="utf-8")
        start = time.perf_counter()
        second = build_site_sources(corpus_dir, (), docs)
        return {
            "n": n,
            "edited_file": edited.name,
            "files_first_build": len(first.written) + first.unchanged,
            "rewritten": second.written,
            "removed": second.removed,
            "unchanged": second.unchanged,
            "rebuild_seconds": round(time.perf_counter() - start, 3),
        }


def _exponent(results: list[dict[str, Any]], low: int, high: int, key: str = "seconds") -> float | None:
    by_n = {r["n"]: r["generation"][key] for r in results}
    if low not in by_n or high not in by_n:
        return None
    return round(math.log(by_n[high] / by_n[low]) / math.log(high / low), 3)


def table(report: dict[str, Any]) -> str:
    rows = [
        "| N | files | paragraphs | " + " | ".join(STAGES) + " | **generation** | MkDocs build |",
        "|---|---|---|" + "---|" * len(STAGES) + "---|---|",
    ]
    for r in report["sizes"]:
        cells = [f"{r['stages'][s]['seconds']:.2f} s, {r['stages'][s]['peak_mib']:.0f} MiB" for s in STAGES]
        build = r.get("mkdocs_build")
        build_cell = (
            f"{build['seconds']:.1f} s, {build['peak_mib']:.0f} MiB, exit {build['exit_status']}"
            if build
            else "not run"
        )
        gen = r["generation"]
        rows.append(
            f"| {r['n']} | {r['counts']['files']} | {r['counts']['paragraphs']} | "
            + " | ".join(cells)
            + f" | **{gen['seconds']:.1f} s, {gen['peak_mib']:.0f} MiB** | {build_cell} |"
        )
    lines = [
        "Wall-clock seconds and peak resident memory per stage: the best of "
        f"{report['sizes'][0].get('runs', 1) if report['sizes'] else 1} runs on the shared 2-core machine",
        "(wall time includes waiting for a core while other jobs run; CPU seconds, worker processes",
        "included, are given too). The MkDocs build runs once.",
        "",
        *rows,
        "",
    ]
    for r in report["sizes"]:
        lines.append(f"- N = {r['n']}: generation CPU time {r['generation']['cpu_seconds']:.1f} s.")
    exponent = report.get("growth_exponent_250_to_1000")
    if exponent is not None:
        lines.append(
            f"- From N = 250 to 1,000 generation time grows as N^{exponent} (wall) and "
            f"N^{report['cpu_growth_exponent_250_to_1000']} (CPU); target: at most N^1.2."
        )
    lines.append("")
    for r in report["sizes"]:
        p = r["parallel"]
        parse2 = next(v for k, v in p.items() if k.startswith("parse_"))
        lineage2 = next(v for k, v in p.items() if k.startswith("lineage_"))
        lines.append(
            f"- N = {r['n']}: parse in two processes {parse2['seconds']:.2f} s "
            f"(one: {r['stages']['parse']['seconds']:.2f} s); lineage with `workers=2` "
            f"{lineage2['seconds']:.2f} s (one: {r['stages']['lineage']['seconds']:.2f} s; its products use "
            "two threads either way); lineage: "
            f"{r['counts']['lineage_units']} units, {r['counts']['lineage_candidates']} candidates, "
            f"{r['counts']['lineage_pairs']} confirmed pairs; {r['counts']['comparisons']} comparisons."
        )
    again = report.get("rebuild")
    if again:
        lines.append("")
        lines.append(
            f"Rebuild after doubling a word in op1 of the first resolution of `{again['edited_file']}` "
            f"(N = {again['n']}): {len(again['rewritten'])} of {again['files_first_build']} files rewritten, "
            f"{len(again['removed'])} removed, {again['unchanged']} left alone "
            f"({again['rebuild_seconds']:.1f} s): "
            + ", ".join(f"`{name}`" for name in again["rewritten"][:12])
            + (" …" if len(again["rewritten"]) > 12 else "")
        )
    rec = report.get("recall")
    if rec:
        lines.append("")
        lines.append(
            f"Lineage recall at N = {rec['n']} ({rec['units']} paragraphs, {rec['all_pairs']} pairs; "
            f"brute force finds {rec['brute_force_pairs']} in {rec['brute_force_seconds']:.1f} s):"
        )
        lines.append("")
        lines.append("| index | candidates | index + confirmation | recall |")
        lines.append("|---|---|---|---|")
        for name in ("tfidf", "minhash"):
            m = rec[name]
            lines.append(f"| {name} | {m['candidates']} | {m['total_seconds']:.2f} s | {m['recall']:.4f} |")
    return "\n".join(lines)


def _update_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    begin, end = readme.index(MARK_BEGIN) + len(MARK_BEGIN), readme.index(MARK_END)
    README.write_text(readme[:begin] + "\n" + text + "\n" + readme[end:], encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scale benchmark of the generation (see module docstring).")
    parser.add_argument("--sizes", default="100,250,1000", help="comma-separated numbers of resolutions")
    parser.add_argument("--build", default="100,250,1000", help="sizes whose MkDocs build is timed")
    parser.add_argument("--recall", type=int, default=200, help="N of the recall measurement (0: skip)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2, help="runs per size; each stage's best is kept")
    parser.add_argument(
        "--rebuild", type=int, default=100, help="N of the rebuild-after-edit check (0: skip)"
    )
    parser.add_argument("--child", nargs=2, type=Path, metavar=("CORPUS", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], args.workers), sort_keys=True))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    build = {int(s) for s in args.build.split(",") if s}
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count()}, "sizes": []}
    for n in sizes:
        print(f"N = {n} ...", file=sys.stderr)
        report["sizes"].append(_one_size(n, n in build, args.workers, args.repeat))
    report["growth_exponent_250_to_1000"] = _exponent(report["sizes"], 250, 1000)
    report["cpu_growth_exponent_250_to_1000"] = _exponent(report["sizes"], 250, 1000, "cpu_seconds")
    if args.recall:
        print(f"recall at N = {args.recall} ...", file=sys.stderr)
        report["recall"] = recall(args.recall)
    if args.rebuild:
        print(f"rebuild after one edit at N = {args.rebuild} ...", file=sys.stderr)
        report["rebuild"] = rebuild_after_edit(args.rebuild)
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    text = table(report)
    _update_readme(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
