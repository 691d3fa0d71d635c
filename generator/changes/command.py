"""``resatlas changes``: the corpus at two git revisions, compared clause by clause."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from generator.changes.compare import compare_versions
from generator.changes.corpus import parse_snapshot
from generator.changes.gitread import read_snapshot
from generator.changes.jsonio import report_to_json
from generator.changes.markdown import render_comment
from generator.changes.report import ChangeReport
from generator.changes.text import render_text
from generator.errors import OptionError
from generator.invisible import show_invisible
from generator.options import input_folder, output_file
from generator.publish import write_file_atomically

EXIT_CHANGED = 3
"""Exit status under ``--fail-on`` when such changes were found (1 stays "error")."""


def build_report(repo: Path, base: str, head: str, seeds: str) -> ChangeReport:
    """Compare the corpus folder ``seeds`` (relative to the repository root) at ``base`` and ``head``."""
    old = read_snapshot(repo, base, seeds)
    new = read_snapshot(repo, head, seeds)
    if not (old.exists or new.exists):
        raise OptionError(
            "--seeds",
            f"no folder {new.folder!r} at {base} ({old.commit[:12]}) or {head} ({new.commit[:12]}); "
            "name the corpus folder relative to the repository root",
        )
    documents = compare_versions(parse_snapshot(old), parse_snapshot(new))
    return ChangeReport(
        base=base,
        head=head,
        base_commit=old.commit,
        head_commit=new.commit,
        seeds=new.folder or ".",
        documents=documents,
    )


def render(report: ChangeReport, form: str, full_report_url: str | None = None) -> str:
    if form == "json":
        return report_to_json(report)
    if form == "markdown":
        return render_comment(report, full_report_url)
    return show_invisible(render_text(report))


def exit_status(report: ChangeReport, fail_on: str | None) -> int:
    if fail_on == "text-change" and report.is_text_change:
        return EXIT_CHANGED
    if fail_on == "any" and not report.is_empty:
        return EXIT_CHANGED
    return 0


def changes_command(args: argparse.Namespace, out: TextIO) -> int:
    head = args.head or "HEAD"
    repo = input_folder("--repo", args.repo)
    output = getattr(args, "output", None)
    if output:
        output_file("--output", output)
    report = build_report(repo, args.base, head, args.seeds)
    text = render(report, args.format, getattr(args, "full_report_url", None))
    if output:
        write_file_atomically(Path(output), text.encode("utf-8"))
    else:
        out.write(text)
    return exit_status(report, args.fail_on)
