"""The Akoma Ntoso export over the development corpus of real texts (``paths.DEV_CORPUS``, read-only).

Each file is its own corpus (the folder holds format pairs and source slips that repeat a resolution).
Every resolution the parser identifies must export, validate strictly and read back as the model's text.
Those it does not identify cannot be named in FRBR; they are parser defects, listed by the expected
failure below so that they stay visible until the parser reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from akn_helpers import by_eid, paragraph_text, strict_schema
from lxml import etree
from paths import DEV_CORPUS

from generator.errors import ExportError
from generator.export import export_akn
from generator.export.eids import resolution_ids
from generator.ingest import parse_file
from generator.link.registry import DEFAULT_REGISTRY, load_registry
from generator.link.resolve import link_corpus
from generator.model import Corpus


@dataclass
class Run:
    exported: int = 0
    problems: list[str] = field(default_factory=list)
    """Invalid documents and texts that do not read back: export defects."""
    refused: list[ExportError] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)


@cache
def run() -> Run:
    registry = load_registry(DEFAULT_REGISTRY)
    schema = strict_schema()
    out = Run()
    files = sorted(p for p in DEV_CORPUS.rglob("*") if p.suffix in (".txt", ".md") and p.name != "SOURCES.md")
    for path in files:
        try:
            document = parse_file(path)
        except Exception as error:  # a parser crash is a parser defect: reported, not hidden
            out.crashed.append(f"{path}: {type(error).__name__}: {error}")
            continue
        corpus = Corpus((document,))
        result = export_akn(corpus, link_corpus(corpus, registry))
        out.refused.extend(result.refused)
        for res in document.resolutions:
            if res.id not in result.documents:
                continue
            out.exported += 1
            root = etree.fromstring(result.documents[res.id].encode("utf-8"))
            if not schema.validate(root):
                out.problems.append(f"{Path(path).name} {res.id}: {schema.error_log.last_error}")
                continue
            elements = by_eid(root)
            for node in resolution_ids(res).walk():
                if paragraph_text(elements[node.eid]) != node.paragraph.text:
                    out.problems.append(f"{Path(path).name} {res.id} {node.eid}: text differs")
    return out


def test_every_identified_resolution_exports_validates_and_reads_back() -> None:
    result = run()
    assert result.exported > 600
    assert result.problems == []


def test_every_resolution_is_identified() -> None:
    result = run()
    assert [str(e) for e in result.refused] == []
    assert result.crashed == []
