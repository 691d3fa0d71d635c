"""``resatlas export FILE... --format akn [--out DIR]``: resolutions as Akoma Ntoso documents.

The files are read as one corpus (so references between them resolve, and a series among them gives
its later versions their ``wId``s), linked with the instrument registry, and exported. Nothing is
written unless every resolution can be: each that cannot is named as ``file:line: message`` and the
command exits with status 1. One resolution with no ``--out`` goes to standard output; with ``--out``
each is written as ``DIR/<id>.xml``. Reports (``kind: report``) are not resolutions and are skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from generator.errors import ExportError
from generator.export import export_akn
from generator.ingest import load_catalog, parse_file
from generator.link.registry import DEFAULT_REGISTRY, load_registry
from generator.link.resolve import link_corpus
from generator.model import Corpus


def export_command(args: argparse.Namespace, out: TextIO) -> int:
    catalog = load_catalog(Path(args.catalog)) if args.catalog else None
    corpus = Corpus(tuple(parse_file(Path(f), catalog) for f in args.files))
    registry = load_registry(Path(args.instruments) if args.instruments else DEFAULT_REGISTRY)
    result = export_akn(corpus, link_corpus(corpus, registry))
    for diagnostic in (d for document in corpus.documents for d in document.diagnostics):
        print(f"resatlas: warning: {diagnostic}", file=sys.stderr)
    for document in corpus.documents:
        if document.report is not None:
            print(
                f"resatlas: warning: {document.path}:1: a report, not a resolution: skipped", file=sys.stderr
            )
    if result.refused:
        for error in result.refused:
            print(f"resatlas: {error}", file=sys.stderr)
        hint = "" if args.catalog else " (a catalog, --catalog FILE, can name what the texts do not say)"
        print(
            f"resatlas: nothing written: {len(result.refused)} resolution(s) cannot be exported{hint}",
            file=sys.stderr,
        )
        return 1
    if not result.documents:
        raise ExportError(args.files[0], 1, "no resolution to export")
    if args.out is None:
        if len(result.documents) > 1:
            raise ExportError(
                args.files[0], 1, f"{len(result.documents)} resolutions to export: give --out DIR"
            )
        out.write(next(iter(result.documents.values())))
        return 0
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    for resolution_id, xml in result.documents.items():
        (folder / f"{resolution_id}.xml").write_text(xml, encoding="utf-8")
    print(f"resatlas export: {len(result.documents)} documents -> {folder}", file=sys.stderr)
    return 0
