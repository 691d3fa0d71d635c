"""The ``resatlas`` commands. Thin: each command parses its arguments and calls one stage.

Every refusal exits with status 1 and one line on standard error, never a traceback:

* an :class:`~generator.errors.AtlasError`, printed as ``file:line: message`` (or ``--option: message``);
* a usage error (an unknown option, a missing argument), printed as ``argparse`` words it, with a
  hint when a file name starting with ``-`` was taken for an option;
* an operating-system error no stage turned into a message (a full disk, a folder one may not write),
  printed as ``file: reason``;
* anything else is a bug: ``internal error`` with the exception and where it was raised
  (``RESATLAS_TRACEBACK=1`` shows the whole traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from generator.errors import AtlasError, os_reason
from generator.invisible import show_invisible

Handler = Callable[[argparse.Namespace], int]


def _cmd_parse(args: argparse.Namespace) -> int:
    from generator.ingest.commands import parse_command

    return parse_command(args.files, catalog=args.catalog, strict=args.strict, out=sys.stdout)


def _cmd_check(args: argparse.Namespace) -> int:
    from generator.ingest.commands import check_command

    return check_command(args.files, catalog=args.catalog, out=sys.stdout)


def _cmd_compare(args: argparse.Namespace) -> int:
    from generator.analyse.commands import compare_command

    return compare_command(args, out=sys.stdout)


def _cmd_build(args: argparse.Namespace) -> int:
    from generator.build import build_command

    return build_command(args)


def _cmd_offline(args: argparse.Namespace) -> int:
    from generator.offline import offline_command

    return offline_command(args)


def _cmd_changes(args: argparse.Namespace) -> int:
    from generator.changes import changes_command

    return changes_command(args, out=sys.stdout)


def _cmd_export(args: argparse.Namespace) -> int:
    from generator.export.command import export_command

    return export_command(args, out=sys.stdout)


def _cmd_find(args: argparse.Namespace) -> int:
    from generator.analyse.phrase import find_command

    return find_command(args, out=sys.stdout)


class UsageError(Exception):
    """The command line does not parse: ``argparse``'s message, raised instead of exiting with 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message.removeprefix('argument ')} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="resatlas",
        description="Read, compare and publish UN resolutions clause by clause.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="print the document model of text files as JSON")
    p.add_argument("files", nargs="+", help="resolution text files")
    p.add_argument("--catalog", help="catalog YAML naming what the texts do not say themselves")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.set_defaults(handler=_cmd_parse)

    p = sub.add_parser("check", help="list what a careful reader would flag in the parse of text files")
    p.add_argument("files", nargs="+", help="resolution text files")
    p.add_argument("--catalog", help="catalog YAML naming what the texts do not say themselves")
    p.set_defaults(handler=_cmd_check)

    p = sub.add_parser("export", help="write resolutions as Akoma Ntoso (AKN4UN) XML documents")
    p.add_argument("files", nargs="+", help="resolution text files, read as one corpus")
    p.add_argument("--format", choices=["akn"], required=True, help="akn: Akoma Ntoso 3.0, AKN4UN profile")
    p.add_argument("--out", default=None, help="folder for DIR/<id>.xml (default: one document to stdout)")
    p.add_argument("--catalog", help="catalog YAML naming what the texts do not say themselves")
    p.add_argument("--instruments", help="instrument registry YAML (default: the seeds' instruments.yml)")
    p.set_defaults(handler=_cmd_export)

    p = sub.add_parser("compare", help="compare two resolutions clause by clause")
    p.add_argument("left", help="resolution id, e.g. cnd-51-11")
    p.add_argument("right", help="resolution id, e.g. cnd-65-2")
    p.add_argument("--topic", action="append", default=[], help="only clauses on this topic (repeatable)")
    p.add_argument(
        "--format",
        choices=["text", "markdown", "json", "docx"],
        default="text",
        help="docx: a Word redline with tracked changes",
    )
    p.add_argument("--output", default=None, help="write to this file instead of standard output")
    p.add_argument("--seeds", default="seeds", help="folder of texts with catalog.yml")
    p.add_argument("--extra", action="append", default=[], help="more text files to load")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    p.set_defaults(handler=_cmd_compare)

    p = sub.add_parser("find", help="find a phrase across the corpus, oldest first")
    p.add_argument("phrase")
    p.add_argument("--seeds", default="seeds")
    p.add_argument("--extra", action="append", default=[])
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=_cmd_find)

    p = sub.add_parser("build", help="generate the site's Markdown and JSON into docs/")
    p.add_argument("--seeds", default="seeds")
    p.add_argument("--extra", action="append", default=[], help="more text files to include")
    p.add_argument(
        "--corpus",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of texts, read recursively (.txt and .md; SOURCES.md and README.md left out)",
    )
    p.add_argument(
        "--list",
        action="append",
        default=[],
        metavar="FILE",
        help="a file naming texts or folders, one a line, relative to the file",
    )
    p.add_argument("--out", default="docs")
    p.add_argument("--strict", action="store_true")
    p.add_argument(
        "--changes",
        help="a change report (resatlas changes --format json --output FILE) to publish as the Changes page",
    )
    p.set_defaults(handler=_cmd_build)

    p = sub.add_parser("offline", help="build the offline HTML bundle as a zip")
    p.add_argument("--out", default="site-offline.zip")
    p.add_argument("--docs", default="docs", help="the generated docs folder (resatlas build --out)")
    p.add_argument(
        "--site-dir", default="site-offline", help="where the offline site is built before zipping"
    )
    p.set_defaults(handler=_cmd_offline)

    p = sub.add_parser("changes", help="report clause-level changes between two git revisions")
    p.add_argument("--base", required=True, help="the revision before (a branch, tag or commit)")
    p.add_argument("--head", default=None, help="the revision after (default: HEAD)")
    p.add_argument("--repo", default=".", help="the git repository (default: the current folder)")
    p.add_argument("--seeds", default="seeds", help="corpus folder, relative to the repository root")
    p.add_argument("--format", choices=["markdown", "json", "text"], default="text")
    p.add_argument(
        "--fail-on",
        choices=["text-change", "any"],
        default=None,
        help="exit with status 3 when the texts changed (text-change) or when any file changed (any)",
    )
    p.add_argument("--output", default=None, help="write the report to this file instead of stdout")
    p.add_argument(
        "--full-report-url", default=None, help="where a Markdown report too long for a comment points"
    )
    p.set_defaults(handler=_cmd_changes)
    return parser


def _dash_hint(argv: Sequence[str]) -> str:
    """A hint when an argument that names a file was read as an option because it starts with ``-``."""
    for arg in argv:
        if arg.startswith("-") and arg not in ("-", "--") and "=" not in arg and os.path.lexists(arg):
            return f"; {arg} was read as an option: to name that file, write ./{arg}"
    return ""


def _internal_error(error: Exception) -> str:
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return (
        f"internal error{where}: {type(error).__name__}: {error} "
        "(a bug: please report it; RESATLAS_TRACEBACK=1 shows the traceback)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:
        print(f"{error}{_dash_hint(argv)}", file=sys.stderr)
        return 1
    handler: Handler = args.handler
    try:
        return handler(args)
    except AtlasError as error:
        print(f"resatlas: {show_invisible(str(error))}", file=sys.stderr)
    except OSError as error:
        where = error.filename if error.filename is not None else args.command
        print(f"resatlas: {where}: {os_reason(error)}", file=sys.stderr)
    except KeyboardInterrupt:
        print("resatlas: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("RESATLAS_TRACEBACK"):
            raise
        print(f"resatlas: {_internal_error(error)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
