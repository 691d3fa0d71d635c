"""Series of one text: which corpus resolution is the previous version of another.

UN bodies adopt the same resolution again and again, revised: the General Assembly's "The illicit trade
in small arms and light weapons in all its aspects" every year or two (77/71 in 2022, 80/38 in 2025),
a Commission's follow-up to its own earlier resolution (CND 65/2 "recalling its resolution 51/11 ... on
the links between illicit drug trafficking and illicit firearms trafficking", 51/11's title). The
previous version of a resolution is the latest corpus resolution of the same body, adopted earlier (at
the precision both dates have), that

* has the same title (case, a leading "the"/"on", spaces and punctuation aside), or
* is cited by it with its own title ("its resolution 51/11 of 14 March 2008 on <51/11's title>").

An undated resolution has none, an untitled one only through such a citation. Each resolution is still
its own Work in FRBR terms; the series is what lets ``wId`` (:mod:`generator.export.wids`) follow a
paragraph from one to the next.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.analyse.lineage import earlier
from generator.link.links import Links, normal_title
from generator.model import Corpus, Resolution


def _cited_by_title(links: Links, corpus: Corpus) -> set[tuple[str, str]]:
    """(citing id, cited id) where the citation names the cited resolution by its own title."""
    out: set[tuple[str, str]] = set()
    for cite in links.citations:
        target, title = cite.target, cite.span.cited_title
        if target is None or target[0] != "resolution" or not title:
            continue
        cited = corpus.resolution(target[1])
        if cited is not None and cited.title and normal_title(title) == normal_title(cited.title):
            out.add((cite.place.owner_id, cited.id))
    return out


def previous_versions(corpus: Corpus, links: Links) -> Mapping[str, str]:
    """Resolution id -> the id of its previous version, for every resolution that has one."""
    resolutions: dict[str, Resolution] = {}
    for res in corpus.resolutions():
        resolutions.setdefault(res.id, res)  # the first of a repeated id, as Corpus.resolution does
    by_title: dict[tuple[str, str], list[Resolution]] = {}
    for res in resolutions.values():
        if res.title and res.date:
            by_title.setdefault((res.body, normal_title(res.title)), []).append(res)
    cited: dict[str, list[Resolution]] = {}
    for citing, cited_id in sorted(_cited_by_title(links, corpus)):
        cited.setdefault(citing, []).append(resolutions[cited_id])
    out: dict[str, str] = {}
    for res in resolutions.values():
        same_title = by_title.get((res.body, normal_title(res.title)), []) if res.title else []
        candidates = [r for r in (*same_title, *cited.get(res.id, ())) if _is_earlier_of_body(r, res)]
        if candidates:
            out[res.id] = max(candidates, key=lambda r: (r.date or "", r.id)).id
    return dict(sorted(out.items()))


def _is_earlier_of_body(older: Resolution, newer: Resolution) -> bool:
    return (
        older.id != newer.id
        and older.body == newer.body
        and older.date is not None
        and newer.date is not None
        and earlier(older.date, newer.date)
    )
