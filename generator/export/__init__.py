"""Export: every resolution of the corpus as an Akoma Ntoso 3.0 document in the AKN4UN profile (and,
in :mod:`generator.export.redline`, a comparison as a Word redline).

:func:`export_akn` takes the corpus and the link stage's :class:`~generator.link.links.Links` and runs,
in this order:

    ids       every paragraph's element and eId        (eids.resolution_ids)
    uris      every resolution's FRBR Work IRI         (frbr.resolution_uri)
    series    each resolution's previous version       (series.previous_versions)
    wIds      identities across versions, oldest first (wids.first_version, wids.next_version)
    refs      citations as hrefs to FRBR IRIs          (refs.reference_hrefs)
    documents the XML of each resolution               (akn.resolution_document)

A resolution the format cannot name (an Akoma Ntoso Work IRI needs the issuing body, the number and the
adoption date) or cannot write (a character XML 1.0 cannot carry) is refused with an
:class:`~generator.errors.ExportError` naming its file and line; the others are exported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.errors import ExportError
from generator.export.akn import Export, resolution_document
from generator.export.eids import ResolutionIds, resolution_ids
from generator.export.frbr import FrbrUri, resolution_uri
from generator.export.meta import Provenance
from generator.export.refs import Targets, reference_hrefs
from generator.export.series import previous_versions
from generator.export.wids import WorkIds, first_version, next_version
from generator.link.links import Links
from generator.model import Corpus, Resolution

__all__ = ["AknExport", "akn_path", "export_akn"]

AKN_DIR = "data/akn"
"""Where the site publishes the documents, relative to the docs folder."""


def akn_path(resolution_id: str) -> str:
    """The docs-relative path of a resolution's Akoma Ntoso document: ``data/akn/cnd-65-2.xml``."""
    return f"{AKN_DIR}/{resolution_id}.xml"


@dataclass(frozen=True, slots=True)
class AknExport:
    documents: dict[str, str]
    """Resolution id -> the XML document, in corpus order."""
    refused: tuple[ExportError, ...]
    """The resolutions that could not be exported, each with why."""
    previous: dict[str, str]
    """Resolution id -> its previous version's id (the series the ``wId``s follow)."""


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot carry: a text holding one cannot be written as itself."""


def _texts(resolution: Resolution) -> Iterator[str]:
    yield from (resolution.symbol, resolution.title, resolution.body_name, resolution.adoption or "")
    yield from resolution.headings
    yield from (p.text for p in resolution.paragraphs())
    yield from (f.text for f in resolution.footnotes)
    yield from (t for a in resolution.annexes for t in (a.heading, a.title))


def _unwritable(resolution: Resolution) -> str | None:
    """Why the resolution cannot be an Akoma Ntoso document, or None when it can."""
    for text in _texts(resolution):
        found = NOT_XML.search(text)
        if found:
            return f"{resolution.id}: the character U+{ord(found.group()):04X} cannot be written in XML"
    missing = None
    if not resolution.body or resolution.body == "unknown":
        missing = "the issuing body is not identified"
    elif not resolution.number:
        missing = "the resolution number is not identified"
    elif not resolution.date:
        missing = "the adoption date is not known"
    return f"{resolution.id}: {missing}, and an Akoma Ntoso Work IRI needs it" if missing else None


def _work_ids(
    resolutions: dict[str, Resolution], ids: dict[str, ResolutionIds], previous: dict[str, str]
) -> dict[str, WorkIds]:
    """Every resolution's ``wId``s, oldest first, so each previous version is done before the next."""
    out: dict[str, WorkIds] = {}
    for rid in sorted(resolutions, key=lambda r: (resolutions[r].date or "", r)):
        before = previous.get(rid)
        if before is None:
            out[rid] = first_version(ids[rid])
        else:
            out[rid] = next_version(ids[rid], rid, ids[before], out[before])
    return out


def export_akn(corpus: Corpus, links: Links) -> AknExport:
    """Every resolution of ``corpus`` the format can name, as an Akoma Ntoso document."""
    resolutions: dict[str, Resolution] = {}
    refused: list[ExportError] = []
    uris: dict[str, FrbrUri] = {}
    for res in corpus.resolutions():
        where = res.source
        if res.id in resolutions:
            why = f"{res.id} is the id of an earlier resolution of the corpus too; only that one is exported"
            refused.append(ExportError(where.path, where.first_line, why))
            continue
        resolutions[res.id] = res
        why_not = _unwritable(res)
        if why_not is not None:
            refused.append(ExportError(where.path, where.first_line, why_not))
        elif res.date:
            uris[res.id] = resolution_uri(res.body, res.session, res.number, res.date)
    ids = {rid: resolution_ids(res) for rid, res in resolutions.items()}
    previous = dict(previous_versions(corpus, links))
    wids = _work_ids(resolutions, ids, previous)
    targets = Targets(uris, {rid: ids[rid].by_paragraph_id() for rid in uris})
    hrefs = reference_hrefs(links, targets)
    documents = {
        rid: resolution_document(
            Export(resolutions[rid], uri, ids[rid], wids[rid], Provenance(previous.get(rid)), hrefs)
        )
        for rid, uri in uris.items()
    }
    return AknExport(documents, tuple(refused), previous)
