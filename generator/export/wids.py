"""Work-level identifiers (``wId``): a paragraph's identity across the versions of one text.

An ``eId`` names an element where it stands in this version (``para_7``); a ``wId`` names the same
paragraph in every version, so it survives renumbering (OASIS AKN-NC 1.0, section 5.5, "renumbering of
a bill": the inserted article takes ``art_2``, the old article 2, now ``art_3``, keeps ``wId="art_2"``).
The first version of a series is its own master: its ``wId``s are its ``eId``s. Each later version is
paired with the previous one (:mod:`generator.export.series`) by the comparison engine
(:func:`generator.analyse.align.align_paragraphs`: by content, never by number or position):

* a paragraph paired with one of the previous version keeps that paragraph's ``wId`` whatever its
  number now; a merge keeps the first merged paragraph's, a split gives it to the first part;
* sub-paragraphs of a paired paragraph are paired the same way among themselves;
* a paragraph with no counterpart (new in this version, or the second part of a split) takes its own
  ``eId``, or under a paired parent the parent's ``wId`` with its own last step (``para_6__subpara_c``);
  should that name be another paragraph's ``wId`` already, it is suffixed with this resolution's id
  (``para_6-cnd-65-2``: born as paragraph 6 of CND 65/2), so ``wId``s are unique in every document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.analyse.align import align_paragraphs
from generator.export.eids import Node, ResolutionIds

WorkIds = dict[str, str]
"""``eId`` -> ``wId`` of one resolution."""


def first_version(ids: ResolutionIds) -> WorkIds:
    """The master version of a series: every ``wId`` is the ``eId``."""
    return {node.eid: node.eid for node in ids.walk()}


def _by_id(nodes: Sequence[Node]) -> dict[str, Node] | None:
    """Nodes by model paragraph id; None when an id repeats (then nothing can be paired by id)."""
    out = {node.paragraph.id: node for node in nodes}
    return out if len(out) == len(nodes) else None


def _inherit(old: Sequence[Node], new: Sequence[Node], old_wids: Mapping[str, str], out: WorkIds) -> None:
    """Give each node of ``new`` paired with one of ``old`` that node's ``wId``, then their children's."""
    old_by_id, new_by_id = _by_id(old), _by_id(new)
    if not old or not new or old_by_id is None or new_by_id is None:
        return
    alignment = align_paragraphs([n.paragraph for n in old], [n.paragraph for n in new])
    for pair in alignment.pairs:
        before, after = old_by_id[pair.left[0]], new_by_id[pair.right[0]]
        if before.eid in old_wids:
            out[after.eid] = old_wids[before.eid]
            _inherit(before.children, after.children, old_wids, out)


def _name_new(node: Node, parent: Node | None, out: WorkIds, used: set[str], resolution_id: str) -> None:
    if node.eid not in out:
        wanted = node.eid
        if parent is not None and out[parent.eid] != parent.eid:
            wanted = out[parent.eid] + node.eid.removeprefix(parent.eid)
        wid = wanted if wanted not in used else f"{wanted}-{resolution_id}"
        out[node.eid] = wid
        used.add(wid)
    for child in node.children:
        _name_new(child, node, out, used, resolution_id)


def next_version(
    ids: ResolutionIds, resolution_id: str, previous: ResolutionIds, previous_wids: Mapping[str, str]
) -> WorkIds:
    """The ``wId``s of a resolution whose previous version is ``previous`` (with its ``wId``s)."""
    out: WorkIds = {}
    _inherit(previous.top_level(), ids.top_level(), previous_wids, out)
    used = set(out.values())
    for node in ids.top_level():
        _name_new(node, None, out, used, resolution_id)
    return out
