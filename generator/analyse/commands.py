"""``resatlas compare LEFT RIGHT``: a comparison as a terminal diff, Markdown, JSON or a Word redline.

The text format marks changes so they read without colour too: ``[-deleted-]`` and ``{+inserted+}``
(the markers of ``git diff --word-diff``); with colour on, deletions are also red and struck through,
insertions green and underlined.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TextIO

from generator.analyse.compare import (
    ComparedPair,
    Comparison,
    ParagraphInfo,
    compare_resolutions,
    comparison_to_dict,
    filter_comparison,
)
from generator.analyse.diff import DiffOp, OpKind
from generator.analyse.topics import EMPTY_TAXONOMY, Taxonomy, load_taxonomy
from generator.errors import ConfigError, OptionError
from generator.invisible import show_invisible
from generator.options import input_folder, output_file
from generator.percent import as_percent
from generator.publish import write_file_atomically
from generator.serialise import dump_json

RED_STRIKE = "\x1b[31;9m"
GREEN_UNDERLINE = "\x1b[32;4m"
BOLD = "\x1b[1m"
DIM = "\x1b[2m"
RESET = "\x1b[0m"

TEXT_MARKS = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
COLOUR = {"equal": "", "delete": RED_STRIKE, "insert": GREEN_UNDERLINE}
MARKDOWN_MARKS = {"equal": ("", ""), "delete": ("<del>", "</del>"), "insert": ("<ins>", "</ins>")}


def _use_colour(choice: str, out: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def diff_text(ops: tuple[DiffOp, ...], colour: bool) -> str:
    """A diff as terminal text: ``[-deleted-]{+inserted+}``, coloured when asked."""
    parts = []
    for op in ops:
        start, end = TEXT_MARKS[op.op]
        text = show_invisible(op.text)
        if colour and op.op != "equal":
            parts.append(f"{COLOUR[op.op]}{start}{text}{end}{RESET}")
        else:
            parts.append(f"{start}{text}{end}")
    return "".join(parts)


def _escape_markdown(text: str) -> str:
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in show_invisible(text))


def diff_markdown(ops: tuple[DiffOp, ...]) -> str:
    """A diff as Markdown with ``<del>``/``<ins>``, which render struck through and underlined."""
    return "".join(
        f"{MARKDOWN_MARKS[op.op][0]}{_escape_markdown(op.text)}{MARKDOWN_MARKS[op.op][1]}" for op in ops
    )


def _ids(pair_side: tuple[ParagraphInfo, ...]) -> str:
    return "+".join(p.id for p in pair_side)


def _status(pair: ComparedPair) -> str:
    words: list[str] = [pair.status]
    if pair.moved and pair.status != "moved":
        words.append("moved")
    if not pair.exact:
        words.append(as_percent(pair.similarity, exact=False))
    return ", ".join(words)


def _nearest(para: ParagraphInfo) -> str:
    """The counterpart a paragraph was too far from to be paired with: ``(nearest op4+op5, 17%)``."""
    if not para.nearest or para.nearest_similarity is None:
        return ""
    return f" (nearest {'+'.join(para.nearest)}, {as_percent(para.nearest_similarity, exact=False)})"


def _summary(comparison: Comparison) -> list[str]:
    counts = comparison.counts()
    shown = ("unchanged", "renumbered", "changed", "moved", "merged", "split", "only_left", "only_right")
    parts = [f"{counts[k]} {k.replace('_', '-')}" for k in shown if counts[k]]
    overall = as_percent(comparison.similarity, comparison.exact)
    lines = [f"overall similarity {overall}; " + ", ".join(parts)]
    if counts["lead_changes"]:
        lines.append(f"{counts['lead_changes']} lead phrase changes")
    return lines


def render_text(comparison: Comparison, colour: bool) -> str:
    bold, dim, reset = (BOLD, DIM, RESET) if colour else ("", "", "")
    left, right = comparison.left, comparison.right
    lines = [f"{bold}{left.symbol} ({left.id}) -> {right.symbol} ({right.id}){reset}"]
    if comparison.topics:
        lines.append("topics: " + ", ".join(comparison.topics))
    lines += _summary(comparison)
    for pair in comparison.pairs:
        lines.append("")
        lines.append(f"{bold}{_ids(pair.left)} -> {_ids(pair.right)}{reset}  {dim}{_status(pair)}{reset}")
        if pair.lead_change:
            lines.append(show_invisible(f"lead: {pair.lead_change[0]} -> {pair.lead_change[1]}"))
        lines.append(diff_text(pair.ops, colour))
    unpaired: tuple[tuple[str, tuple[ParagraphInfo, ...], OpKind], ...] = (
        (f"only in {left.id}", comparison.only_left, "delete"),
        (f"only in {right.id}", comparison.only_right, "insert"),
    )
    for title, paras, kind in unpaired:
        if paras:
            lines += ["", f"{bold}{title}{reset}"]
            for para in paras:
                lines.append(f"{para.id}{_nearest(para)}: " + diff_text((DiffOp(kind, para.text),), colour))
    return "\n".join(lines) + "\n"


def render_markdown(comparison: Comparison) -> str:
    left, right = comparison.left, comparison.right
    lines = [f"# {left.symbol} → {right.symbol}", ""]
    if comparison.topics:
        lines += ["Topics: " + ", ".join(comparison.topics), ""]
    lines += [*_summary(comparison), ""]
    lines += ["| Left | Right | Status | Clause |", "|---|---|---|---|"]
    for pair in comparison.pairs:
        status = _status(pair)
        if pair.lead_change:
            status += f"; lead: {pair.lead_change[0]} → {pair.lead_change[1]}"
        lines.append(f"| {_ids(pair.left)} | {_ids(pair.right)} | {status} | {diff_markdown(pair.ops)} |")
    for heading, paras in (
        (f"Only in {left.symbol}", comparison.only_left),
        (f"Only in {right.symbol}", comparison.only_right),
    ):
        if paras:
            lines += ["", f"## {heading}", ""]
            lines += [f"- **{p.id}**{_nearest(p)}: {_escape_markdown(p.text)}" for p in paras]
    return "\n".join(lines) + "\n"


def _taxonomy(seeds: Path, wanted: list[str]) -> Taxonomy:
    path = seeds / "topics.yml"
    if path.exists():
        return load_taxonomy(path)
    if wanted:
        raise ConfigError(str(path), 0, "--topic needs a topic taxonomy, and there is none")
    return EMPTY_TAXONOMY


def compare_command(args: argparse.Namespace, out: TextIO) -> int:
    """Print the comparison of two resolutions of the corpus."""
    from generator.ingest import load_corpus

    seeds = input_folder("--seeds", args.seeds)
    output = getattr(args, "output", None)
    if output:
        output_file("--output", output)
    elif args.format == "docx" and _is_terminal(out):
        raise OptionError("--output", "a .docx is not for a terminal; name a file with --output FILE.docx")
    corpus = load_corpus(seeds, [Path(p) for p in args.extra])
    ids = sorted(r.id for r in corpus.resolutions())
    for resolution_id in (args.left, args.right):
        if corpus.resolution(resolution_id) is None:
            raise ConfigError(
                str(seeds), 0, f"no resolution {resolution_id!r} in the corpus; known: {', '.join(ids)}"
            )
    left = corpus.resolution(args.left)
    right = corpus.resolution(args.right)
    assert left is not None and right is not None
    taxonomy = _taxonomy(seeds, args.topic)
    comparison = compare_resolutions(left, right, taxonomy)
    if args.topic:
        unknown = [t for t in args.topic if taxonomy.get(t) is None]
        if unknown:
            known = ", ".join(taxonomy.ids())
            raise ConfigError(taxonomy.path, 0, f"unknown topic {unknown[0]!r}; known topics: {known}")
        comparison = filter_comparison(comparison, args.topic)
    if args.format == "docx":
        from generator.export.redline import redline_docx

        data = redline_docx(comparison)
    elif args.format == "json":
        data = dump_json(comparison_to_dict(comparison)).encode("utf-8")
    elif args.format == "markdown":
        data = render_markdown(comparison).encode("utf-8")
    else:
        colour = not output and _use_colour(args.color, out)
        data = render_text(comparison, colour).encode("utf-8")
    if output:
        write_file_atomically(Path(output), data)
    elif args.format == "docx":
        out.flush()
        out.buffer.write(data)
        out.buffer.flush()
    else:
        out.write(data.decode("utf-8"))
    return 0


def _is_terminal(out: TextIO) -> bool:
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())
