"""References as ``<ref href>``: the link stage's resolved citations, pointed at FRBR IRIs.

A span of a paragraph's (or a footnote's) text becomes a ``<ref>`` when it cites

* a resolution of the corpus: ``href`` is its Work IRI, or the IRI of the cited paragraph
  (``/akn/un/statement/deliberation/cnd/2008-03-14/51-11/~para_6``);
* a paragraph of the same resolution ("paragraph 3 above"): ``href="#para_3"``;
* a resolution outside the corpus whose Work IRI the citation gives: the body is known and a date is
  printed ("resolution 51/11 of 14 March 2008") or is part of the number ("2482 (2019)").

Everything else the link stage found (document symbols, instruments, publications, resolutions cited
without a date) stays plain text: it has no Akoma Ntoso IRI we could give without guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.export.frbr import FrbrUri, cited_uri
from generator.link.links import Citation, Links

OwnerKey = tuple[str, str]
"""(resolution id, paragraph id) or (resolution id, "fn" + footnote number)."""


@dataclass(frozen=True, slots=True)
class Href:
    start: int
    end: int
    href: str


@dataclass(frozen=True, slots=True)
class Targets:
    """What a reference can point at: the Work IRI and the ``eId``s of every exported resolution."""

    uris: Mapping[str, FrbrUri]
    eids: Mapping[str, Mapping[str, str]]
    """Resolution id -> model paragraph id -> ``eId``."""


def _href(cite: Citation, targets: Targets) -> str | None:
    target, owner = cite.target, cite.place.owner_id
    if target is None or target[0] == "url":
        return None
    if target[0] == "resolution":
        resolution_id, paragraph_id = target[1], target[2]
        eid = targets.eids.get(resolution_id, {}).get(paragraph_id or "")
        if resolution_id == owner:
            return f"#{eid}" if eid else None
        uri = targets.uris.get(resolution_id)
        if uri is None:
            return None
        return uri.portion(eid) if eid else uri.work
    span = cite.span
    if span.kind != "resolution" or span.number is None:
        return None
    uri = cited_uri(cite.body, span.number, span.cited_date)
    return uri.work if uri else None


def reference_hrefs(links: Links, targets: Targets) -> dict[OwnerKey, tuple[Href, ...]]:
    """Every paragraph's and footnote's ``<ref>`` spans, sorted, each span once."""
    found: dict[OwnerKey, dict[tuple[int, int], str]] = {}
    for cite in links.citations:
        href = _href(cite, targets)
        if href is None:
            continue
        place = cite.place
        key = (place.owner_id, f"fn{place.footnote}" if place.footnote else place.paragraph_id)
        found.setdefault(key, {}).setdefault((cite.span.start, cite.span.end), href)
    return {
        key: tuple(Href(start, end, href) for (start, end), href in sorted(spans.items()))
        for key, spans in sorted(found.items())
    }
