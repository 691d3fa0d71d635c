"""Element identifiers (``eId``) of a resolution's paragraphs, by the Akoma Ntoso Naming Convention.

The convention (OASIS AKN-NC 1.0, section 5.4) builds an ``eId`` as ``[prefix "__"] element_ref
["_" number]``: the prefix is the full ``eId`` of the context that makes it unique, ``element_ref`` the
element's name or its listed abbreviation (``rec`` for recital, ``para``, ``subpara``, ``sec``, ``att``
for attachment, ``list``), and the number the printed number, or a count for unnumbered elements. Here:

* preambular paragraph k        -> ``rec_k`` (recitals carry no number; they are counted)
* operative paragraph 11        -> ``para_11``; its sub-paragraph (a) -> ``para_11__subpara_a``
* unnumbered operative paragraph -> ``para_nn_1``, ``para_nn_2``... ("nn": no number, as Laws.Africa
  writes it)
* a sub-paragraph of a preambular paragraph -> ``rec_3__list_1__item_a`` (a recital holds blocks only)
* a lettered section (SC 687)   -> ``sec_A``; its paragraphs keep ``para_2`` while the numbering runs on
  across sections, and become ``sec_A__para_2`` when a number repeats in another section
* annex n                       -> ``att_n``; its paragraphs ``att_n__para_3``, ``att_n__para_nn_1``

A printed number is kept as printed (``subpara_iv``, ``sec_A``), characters other than letters and digits
made ``-``. Should two elements still get one ``eId`` (a paragraph number printed twice), the later is
``..._dup2``, as the parser names the paragraph ``op5-dup2``: ``eId``s are unique in every document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from generator.model import Annex, Paragraph, Resolution

_UNSAFE = re.compile(r"[^A-Za-z0-9]+")

Element = Literal["recital", "paragraph", "subparagraph", "item"]
"""The Akoma Ntoso element a paragraph becomes (``item``: a sub-paragraph of a recital)."""


@dataclass(frozen=True, slots=True)
class Node:
    """A paragraph of the model with the element it becomes and its ``eId``."""

    paragraph: Paragraph
    element: Element
    eid: str
    children: tuple[Node, ...] = ()

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Section:
    """A run of operative paragraphs under one section letter (``letter`` None: no section)."""

    letter: str | None
    eid: str | None
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class AnnexIds:
    annex: Annex
    eid: str
    """``att_1``..."""
    component: str
    """The FRBR component name: ``annex_1``..."""
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class ResolutionIds:
    """Every paragraph of a resolution as the elements it becomes, in reading order."""

    preamble: tuple[Node, ...]
    sections: tuple[Section, ...]
    annexes: tuple[AnnexIds, ...]

    def top_level(self) -> tuple[Node, ...]:
        """The nodes of the units a comparison aligns: preamble, operative part, annex paragraphs."""
        operative = tuple(n for s in self.sections for n in s.nodes)
        return (*self.preamble, *operative, *(n for a in self.annexes for n in a.nodes))

    def walk(self) -> Iterator[Node]:
        for node in self.top_level():
            yield from node.walk()

    def by_paragraph_id(self) -> dict[str, str]:
        """Model paragraph id -> ``eId`` (the first, should the model repeat an id)."""
        out: dict[str, str] = {}
        for node in self.walk():
            out.setdefault(node.paragraph.id, node.eid)
        return out


def token(number: str) -> str:
    """A printed number as the number part of an ``eId``: "11", "a", "iv", "A"."""
    return _UNSAFE.sub("-", number).strip("-")


class _Allocator:
    """Hands out ``eId``s, each once."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, wanted: str) -> str:
        eid, k = wanted, 2
        while eid in self.used:
            eid, k = f"{wanted}_dup{k}", k + 1
        self.used.add(eid)
        return eid


def _numbered(prefix: str, ref: str, paragraphs: Sequence[Paragraph]) -> list[tuple[Paragraph, str]]:
    """Each paragraph with its wanted ``eId``: the printed number, or ``nn_k`` counting the unnumbered."""
    out, unnumbered = [], 0
    for para in paragraphs:
        number = token(para.number) if para.number else ""
        if not number:
            unnumbered += 1
            number = f"nn_{unnumbered}"
        out.append((para, f"{prefix}{ref}_{number}"))
    return out


def _subparagraphs(parent: Paragraph, parent_eid: str, element: Element, ids: _Allocator) -> tuple[Node, ...]:
    if element == "item":
        prefix, ref = f"{parent_eid}__list_1__", "item"
    else:
        prefix, ref = f"{parent_eid}__", "subpara"
    return tuple(
        _node(sub, element, ids.claim(wanted), ids)
        for sub, wanted in _numbered(prefix, ref, parent.subparagraphs)
    )


def _node(paragraph: Paragraph, element: Element, eid: str, ids: _Allocator) -> Node:
    child_element: Element = "item" if element in ("recital", "item") else "subparagraph"
    return Node(paragraph, element, eid, _subparagraphs(paragraph, eid, child_element, ids))


def _sections(operative: Sequence[Paragraph], ids: _Allocator) -> tuple[Section, ...]:
    wanted = _numbered("", "para", operative)
    numbers = [p.number for p in operative if p.number]
    lettered = any(p.section for p in operative)
    prefixed = lettered and len(numbers) != len(set(numbers))
    out: list[Section] = []
    run: list[Node] = []
    letter: str | None = None
    section_eid: str | None = None
    for k, (para, eid) in enumerate(wanted):
        if k == 0 or para.section != letter:
            if run:
                out.append(Section(letter, section_eid, tuple(run)))
            letter, run = para.section, []
            section_eid = ids.claim(f"sec_{token(letter)}") if letter else None
        prefix = f"{section_eid}__" if section_eid and prefixed else ""
        run.append(_node(para, "paragraph", ids.claim(prefix + eid), ids))
    if run:
        out.append(Section(letter, section_eid, tuple(run)))
    return tuple(out)


def resolution_ids(resolution: Resolution) -> ResolutionIds:
    """The elements and ``eId``s of every paragraph of ``resolution``, unique in its document."""
    ids = _Allocator()
    preamble = tuple(
        _node(p, "recital", ids.claim(f"rec_{k}"), ids) for k, p in enumerate(resolution.preamble, start=1)
    )
    sections = _sections(resolution.operative, ids)
    annexes = []
    for k, annex in enumerate(resolution.annexes, start=1):
        att = ids.claim(f"att_{k}")
        wanted = _numbered(f"{att}__", "para", annex.paragraphs)
        nodes = tuple(_node(p, "paragraph", ids.claim(w), ids) for p, w in wanted)
        annexes.append(AnnexIds(annex, att, f"annex_{k}", nodes))
    return ResolutionIds(preamble, sections, tuple(annexes))
