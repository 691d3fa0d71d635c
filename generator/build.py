"""``resatlas build``: the site's Markdown and JSON from the texts. The stage order, stated once:

    ingest  -> the corpus model             (generator.ingest.load_corpus)
    link    -> references, cited-by, notes  (generator.link)
    analyse -> comparisons, topics, lineage (generator.analyse)
    export  -> Akoma Ntoso XML per resolution (generator.export)
    render  -> page sources                 (generator.render.site.render_site)
               + the Changes page of a pull-request preview, from a report that
                 ``resatlas changes --format json`` wrote (generator.changes)
    write   -> docs/, replaced in one step  (generator.render.write); unchanged files kept as they are

Each stage takes the previous stages' values and returns new ones; :mod:`generator.build_inputs` turns
the link and analyse results into the render stage's own input types.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.build_inputs import AnalysisResults, LinkResults, analyse_stage, export_stage, link_stage
from generator.errors import StrictModeError
from generator.invisible import show_invisible
from generator.model import Corpus
from generator.options import input_folder, output_folder
from generator.render.inputs import AknFile, SiteData
from generator.render.site import GENERATED_DIRS, GENERATED_FILES, render_site
from generator.render.write import Owned, WriteLog, write_folder
from generator.textfiles import input_texts

REPO_DOCS = Path(__file__).resolve().parents[1] / "docs"
"""The repository's docs folder: hand-written pages and assets, plus the generated parts (git-ignored)."""
CHANGES_PAGE = "changes.md"
"""The Changes page: written only by a preview build (``--changes``), removed by any other build."""
VENDOR_DIR = "assets/vendor"
"""Third-party scripts copied in at build time (git-ignored), never fetched by the reader's browser."""


@dataclass(slots=True)
class BuildReport:
    """What a build produced: pages, files written or left alone, and the warnings to show."""

    documents: int = 0
    pages: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def ingest_stage(seeds_dir: Path, extra: Sequence[Path]) -> Corpus:
    from generator.ingest import load_corpus

    return load_corpus(seeds_dir, extra)


OWNED = Owned(GENERATED_DIRS, (*GENERATED_FILES, CHANGES_PAGE))
"""What the build owns in the docs folder; everything else there (hand-written pages, vendored
scripts) is kept as it is."""


def write_stage(files: dict[str, str | bytes], out_dir: Path) -> WriteLog:
    """Replace the docs folder in one step by its hand-written part plus the generated files; into
    another folder than the repository's, the hand-written pages are copied too."""
    published = dict(files)
    if out_dir.resolve() != REPO_DOCS:
        published = {**hand_written_files(), **published}
    return write_folder(out_dir, published, OWNED)


def hand_written_files() -> dict[str, bytes]:
    """The repository's hand-written docs (pages, stylesheet), for builds into another folder."""
    out: dict[str, bytes] = {}
    for path in sorted(REPO_DOCS.rglob("*")):
        relative = path.relative_to(REPO_DOCS).as_posix()
        top = relative.split("/", 1)[0]
        if (
            path.is_file()
            and top not in GENERATED_DIRS
            and relative not in GENERATED_FILES
            and not relative.startswith(VENDOR_DIR)
        ):
            out[relative] = path.read_bytes()
    return out


def site_data(
    corpus: Corpus, links: LinkResults, analysis: AnalysisResults, akn: dict[str, AknFile] | None = None
) -> SiteData:
    """The render stage's input from the earlier stages' results."""
    return SiteData(
        corpus=corpus,
        paragraph_links=links.paragraph_links,
        footnote_links=links.footnote_links,
        cited_by=links.cited_by,
        references=links.references,
        citation_edges=links.citation_edges,
        data_notes=links.data_notes,
        comparisons=analysis.comparisons,
        topics=analysis.topics,
        paragraph_topics=analysis.paragraph_topics,
        lineage=analysis.lineage,
        lineage_data=analysis.lineage_data,
        akn=akn or {},
    )


def build_site_sources(
    seeds_dir: Path, extra: Sequence[Path] = (), out_dir: Path = REPO_DOCS, changes: Path | None = None
) -> BuildReport:
    """Generate the site's Markdown and JSON from the texts into ``out_dir``: the stages, in order.

    ``changes`` names a change report (JSON) to publish as the preview's Changes page.
    """
    corpus = ingest_stage(seeds_dir, extra)
    links = link_stage(corpus, seeds_dir)
    analysis = analyse_stage(corpus, seeds_dir, links.resolution_citations)
    akn, refused = export_stage(corpus, links)
    files = render_site(site_data(corpus, links, analysis, akn))
    if changes is not None:
        from generator.changes import load_report, render_changes_page

        files[CHANGES_PAGE] = render_changes_page(load_report(changes))
    log = write_stage(files, out_dir)

    diagnostics = [str(d) for doc in corpus.documents for d in doc.diagnostics]
    notes = [f"{n.path}:{n.line}: {n.message}" for n in links.data_notes]
    return BuildReport(
        documents=len(corpus.documents),
        pages=sum(1 for name in files if name.endswith(".md")),
        written=sorted(log.written),
        unchanged=len(log.unchanged),
        removed=sorted(log.removed),
        warnings=diagnostics + notes + list(refused),
    )


def build_command(args: argparse.Namespace) -> int:
    seeds = input_folder("--seeds", args.seeds)
    out_dir = output_folder("--out", args.out)
    texts = input_texts(args.extra, args.corpus, args.list)
    changes = Path(args.changes) if args.changes else None
    report = build_site_sources(seeds, texts, out_dir, changes)
    for warning in report.warnings:
        print(f"warning: {show_invisible(warning)}", file=sys.stderr)
    print(
        f"resatlas build: {report.documents} documents, {report.pages} pages; "
        f"{len(report.written)} files written, {report.unchanged} unchanged, {len(report.removed)} removed "
        f"-> {out_dir}",
        file=sys.stderr,
    )
    if args.strict and report.warnings:
        raise StrictModeError(str(args.seeds), 0, f"{len(report.warnings)} warnings under --strict")
    return 0
