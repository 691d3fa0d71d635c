"""The reading view of a comparison: the right-hand text in its own order, each paragraph marked.

Every paragraph of the right-hand resolution that the view shows appears once, in reading order, marked
kept, renumbered, reworded (with its word diff), moved (from where), merged or split (the boundary
between the source paragraphs marked in the diff) or new; every dropped left-hand paragraph is placed
where it stood: after the last pair kept in place that preceded it in the left-hand text. A summary per
part (preamble, operative part, annex) counts each mark, each count linking to its first clause.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from markupsafe import Markup

from generator.model import Resolution
from generator.percent import as_percent
from generator.render.context import Context
from generator.render.escape import escape_text, safe_id
from generator.render.inputs import ClausePair, DiffPiece

MARKS = ("kept", "renumbered", "reworded", "moved", "merged", "split", "dropped", "new")
"""The marks of the reading view, in the order the summary counts them."""
_MARK_OF_STATUS = {
    "unchanged": "kept",
    "renumbered": "renumbered",
    "changed": "reworded",
    "moved": "moved",
    "merged": "merged",
    "split": "split",
    "only-left": "dropped",
    "only-right": "new",
}
PARTS = (("preamble", "Preamble"), ("operative", "Operative part"), ("annex", "Annexes"))

DIFF_MARKUP = {
    "equal": Markup("{}"),
    "insert": Markup('<ins title="inserted">{}</ins>'),
    "delete": Markup('<del title="deleted">{}</del>'),
}
BOUNDARY = Markup('<span class="source-boundary" title="{title}">¦ {label}</span>')


def reading_order(res: Resolution | None) -> list[str]:
    """Paragraph ids as the comparison engine reads them: preamble, operative part, annexes."""
    if res is None:
        return []
    return [p.id for p in (*res.preamble, *res.operative, *(p for a in res.annexes for p in a.paragraphs))]


def _part(res: Resolution | None, pid: str) -> str:
    """The part a paragraph belongs to: "preamble", "operative" or "annex"."""
    para = res.paragraph(pid) if res is not None else None
    kind = para.kind if para is not None else ("preambular" if pid.startswith("pp") else "operative")
    return {"preambular": "preamble", "annex": "annex"}.get(kind, "operative")


def _with_boundaries(
    pieces: Sequence[DiffPiece], lengths: Sequence[int], labels: Sequence[str], side: str
) -> Markup:
    """The inline diff with a mark where one source paragraph ends and the next begins.

    ``lengths`` are the texts' lengths on ``side`` ("left" for a merge, "right" for a split), joined by
    one space in the diff; the mark goes at each joining space.
    """
    counted = {"left": ("equal", "delete"), "right": ("equal", "insert")}[side]
    cuts: list[int] = []
    offset = 0
    for length in lengths[:-1]:
        offset += length
        cuts.append(offset)
        offset += 1
    out: list[Markup] = []
    position = 0
    next_cut = 0
    for piece in pieces:
        text = piece.text
        if piece.op not in counted:
            out.append(DIFF_MARKUP[piece.op].format(escape_text(text)))
            continue
        start = 0
        while next_cut < len(cuts) and position + len(text) > cuts[next_cut] >= position:
            cut = cuts[next_cut] - position
            out.append(DIFF_MARKUP[piece.op].format(escape_text(text[start:cut])))
            label = labels[next_cut + 1]
            out.append(BOUNDARY.format(title=f"{label} starts here", label=label))
            start = cut
            next_cut += 1
        out.append(DIFF_MARKUP[piece.op].format(escape_text(text[start:])))
        position += len(text)
    return Markup("").join(out)


def _text(res: Resolution | None, ids: Sequence[str]) -> list[str]:
    if res is None:
        return []
    return [p.full_text for p in (res.paragraph(i) for i in ids) if p is not None]


def _body(pair: ClausePair, left: Resolution | None, right: Resolution | None) -> Markup:
    if pair.status == "only-left":
        return DIFF_MARKUP["delete"].format(escape_text(" ".join(_text(left, pair.left))))
    if pair.status == "only-right":
        return DIFF_MARKUP["insert"].format(escape_text(" ".join(_text(right, pair.right))))
    if len(pair.left) > 1:
        return _with_boundaries(pair.diff, [len(t) for t in _text(left, pair.left)], pair.left, "left")
    if len(pair.right) > 1:
        return _with_boundaries(pair.diff, [len(t) for t in _text(right, pair.right)], pair.right, "right")
    return Markup("").join(DIFF_MARKUP[p.op].format(escape_text(p.text)) for p in pair.diff)


def _note(pair: ClausePair, mark: str) -> str:
    """What the mark says besides its name: where from, into what, how similar."""
    similarity = "" if pair.similarity is None else as_percent(pair.similarity, pair.exact)
    if mark in ("dropped", "new"):
        if pair.nearest:
            return f"nearest {' + '.join(pair.nearest)}, {similarity} similar, not paired"
        return "" if mark == "new" else "no counterpart"
    source = " + ".join(pair.left)
    if mark == "kept":
        return f"{source}" if pair.left != pair.right else ""
    if mark == "renumbered":
        return f"was {source}"
    if mark == "moved":
        return f"from {source}" + ("" if pair.exact else f", {similarity} similar")
    if mark == "merged":
        return f"from {source}, {similarity} similar"
    if mark == "split":
        return f"{source} split into {' + '.join(pair.right)}, {similarity} similar"
    return f"from {source}, {similarity} similar" if pair.left != pair.right else f"{similarity} similar"


IdLinks = Callable[[str, Sequence[str]], list[Context]]
"""(side, paragraph ids) -> each id with the permalink of its paragraph, side "left" or "right"."""


def reading_context(
    pairs: Sequence[ClausePair], left: Resolution | None, right: Resolution | None, links: IdLinks
) -> tuple[list[Context], list[Context]]:
    """The reading view's entries in order, and the summary per part."""
    left_index = {pid: i for i, pid in enumerate(reading_order(left))}
    right_index = {pid: i for i, pid in enumerate(reading_order(right))}
    shown = sorted((p for p in pairs if p.right), key=lambda p: right_index.get(p.right[0], len(right_index)))
    anchors = [i for i, p in enumerate(shown) if p.left and not p.moved and p.status != "moved"]
    keys = [max(left_index.get(pid, -1) for pid in shown[i].left) for i in anchors]
    dropped: dict[int, list[ClausePair]] = {}
    for pair in sorted((p for p in pairs if not p.right), key=lambda p: left_index.get(p.left[0], -1)):
        slot = bisect_left(keys, left_index.get(pair.left[0], -1)) - 1
        dropped.setdefault(anchors[slot] if slot >= 0 else -1, []).append(pair)
    ordered: list[ClausePair] = list(dropped.get(-1, []))
    for i, pair in enumerate(shown):
        ordered.append(pair)
        ordered += dropped.get(i, [])
    entries: list[Context] = []
    for pair in ordered:
        mark = _MARK_OF_STATUS.get(pair.status, pair.status)
        if pair.moved and mark in ("kept", "renumbered", "reworded"):
            mark = "moved"
        own = pair.right or pair.left
        side = right if pair.right else left
        entries.append(
            {
                "anchor": safe_id("read-" + ("dropped-" if not pair.right else "") + own[0]),
                "ids": links("right" if pair.right else "left", own),
                "mark": mark,
                "note": _note(pair, mark),
                "part": _part(side, own[0]),
                "body": _body(pair, left, right),
            }
        )
    return entries, _summary(entries)


def _summary(entries: Sequence[Context]) -> list[Context]:
    out: list[Context] = []
    for part, label in PARTS:
        in_part = [e for e in entries if e["part"] == part]
        if not in_part:
            continue
        counts = []
        for mark in MARKS:
            of_mark = [e for e in in_part if e["mark"] == mark]
            if of_mark:
                counts.append(
                    {"mark": mark, "count": len(of_mark), "href": Markup("#") + of_mark[0]["anchor"]}
                )
        out.append({"label": label, "counts": counts})
    return out
