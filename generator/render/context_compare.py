"""Contexts of comparison pages (inline and side-by-side views) and of topic pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from markupsafe import Markup

from generator.model import Paragraph, Resolution
from generator.percent import as_percent
from generator.render.context import Context, href
from generator.render.context_reading import reading_context
from generator.render.escape import escape_text, safe_id
from generator.render.inputs import ClausePair, ComparisonView, DiffPiece, SiteData, Topic
from generator.render.names import SitePaths, comparison_page, page_title, paragraph_label, topic_page
from generator.render.richtext import inline_markup

COMPARISONS_INDEX = "comparisons/index.md"
TOPICS_INDEX = "topics/index.md"

DIFF_MARKUP = {
    "equal": Markup("{}"),
    "insert": Markup('<ins title="inserted">{}</ins>'),
    "delete": Markup('<del title="deleted">{}</del>'),
}
"""The one table from diff operations to markup. ``<ins>``/``<del>`` are underlined and struck through by
the stylesheet, so changes read without colour (print, colour-blind readers)."""

STATUS_ORDER = ("unchanged", "renumbered", "changed", "moved", "merged", "split", "only-left", "only-right")


def diff_markup(pieces: Sequence[DiffPiece], keep: frozenset[str]) -> Markup:
    """The diff as inline markup, keeping the operations in ``keep`` (all three for the inline view;
    equal+delete for the left column, equal+insert for the right one)."""
    return Markup("").join(
        DIFF_MARKUP[piece.op].format(escape_text(piece.text)) for piece in pieces if piece.op in keep
    )


INLINE = frozenset({"equal", "insert", "delete"})
LEFT = frozenset({"equal", "delete"})
RIGHT = frozenset({"equal", "insert"})


def _texts(res: Resolution | None, ids: Sequence[str]) -> str:
    if res is None:
        return ""
    paras = [p for p in (res.paragraph(i) for i in ids) if p is not None]
    return " ".join(p.full_text for p in paras)


def _plain(res: Resolution | None, ids: Sequence[str], op: str) -> Markup:
    text = _texts(res, ids)
    return DIFF_MARKUP[op].format(escape_text(text)) if text else Markup("")


def _ids(page: str, paths: SitePaths, document_id: str, ids: Sequence[str]) -> list[Context]:
    if document_id not in paths.documents:
        return [{"id": i, "href": None} for i in ids]
    target = paths.page(document_id)
    return [{"id": i, "href": href(page, f"{target}#{i}")} for i in ids]


def clause_context(
    pair: ClausePair, view: ComparisonView, page: str, data: SiteData, paths: SitePaths, index: int
) -> Context:
    left_res = data.corpus.resolution(view.left)
    right_res = data.corpus.resolution(view.right)
    if pair.diff:
        inline = diff_markup(pair.diff, INLINE)
        left = diff_markup(pair.diff, LEFT)
        right = diff_markup(pair.diff, RIGHT)
    else:
        left = _plain(left_res, pair.left, "delete" if not pair.right else "equal")
        right = _plain(right_res, pair.right, "insert" if not pair.left else "equal")
        inline = left if pair.left else right
    lead = Markup("")
    if pair.lead_change:
        lead = Markup(' <span class="clause-lead">lead changed: “{}” → “{}”</span>').format(
            escape_text(pair.lead_change[0]), escape_text(pair.lead_change[1])
        )
    return {
        "anchor": safe_id(f"clause-{index}"),
        "lead": lead,
        "status": pair.status,
        "similarity": "—" if pair.similarity is None else as_percent(pair.similarity, pair.exact),
        "nearest": _ids(page, paths, view.right if pair.left else view.left, pair.nearest),
        "left": _ids(page, paths, view.left, pair.left),
        "right": _ids(page, paths, view.right, pair.right),
        "inline": inline,
        "left_text": left,
        "right_text": right,
        "lead_change": pair.lead_change,
        "moved": pair.moved and pair.status != "moved",
        "topics": list(pair.topics),
    }


def comparison_context(view: ComparisonView, data: SiteData, paths: SitePaths) -> Context:
    page_id = view.page_id
    page = comparison_page(page_id)
    counts = Counter(p.status for p in view.pairs)
    topic_labels = {t.id: t.label for t in data.topics}
    clauses = [clause_context(p, view, page, data, paths, i) for i, p in enumerate(view.pairs, start=1)]
    matched = [c for c in clauses if c["left"] and c["right"]]
    views = [
        {
            "label": topic_labels.get(v.topic, v.topic) if v.topic else "All clauses",
            "href": href(page, comparison_page(v.page_id)),
            "current": v.page_id == view.page_id,
        }
        for v in data.comparisons
        if (v.left, v.right) == (view.left, view.right)
    ]
    left_label, right_label = paths.label(view.left), paths.label(view.right)
    reading, reading_summary = reading_context(
        view.pairs,
        data.corpus.resolution(view.left),
        data.corpus.resolution(view.right),
        lambda side, ids: _ids(page, paths, view.left if side == "left" else view.right, ids),
    )
    redline = any(
        v.redline for v in data.comparisons if (v.left, v.right, v.topic) == (view.left, view.right, None)
    )
    topic = topic_labels.get(view.topic, view.topic) if view.topic else None
    return {
        "title": page_title(
            f"{left_label} → {right_label}" + (f" ({view.topic})" if view.topic else ""), page_id
        ),
        "left_label": left_label,
        "right_label": right_label,
        "left_href": href(page, paths.page(view.left)) if view.left in paths.documents else None,
        "right_href": href(page, paths.page(view.right)) if view.right in paths.documents else None,
        "topic": topic,
        "similarity": as_percent(view.similarity, view.exact),
        "counts": [(_status_label(s, left_label, right_label), counts[s]) for s in STATUS_ORDER if counts[s]],
        "views": views if len(views) > 1 else [],
        "matched": matched,
        "reading": reading,
        "reading_summary": reading_summary,
        "only_left": [c for c in clauses if c["left"] and not c["right"]],
        "only_right": [c for c in clauses if c["right"] and not c["left"]],
        "json_href": href(page, f"data/comparisons/{view.left}--{view.right}.json"),
        "docx_href": href(page, f"data/comparisons/{view.left}--{view.right}.docx") if redline else None,
    }


def _status_label(status: str, left_label: str, right_label: str) -> str:
    if status == "only-left":
        return f"only in {left_label}"
    if status == "only-right":
        return f"only in {right_label}"
    return status


def comparisons_index_context(data: SiteData, paths: SitePaths) -> Context:
    page = COMPARISONS_INDEX
    rows = []
    for view in data.comparisons:
        if view.topic is not None:
            continue
        counts = Counter(p.status for p in view.pairs)
        rows.append(
            {
                "label": f"{paths.label(view.left)} → {paths.label(view.right)}",
                "href": href(page, comparison_page(view.page_id)),
                "similarity": as_percent(view.similarity, view.exact),
                "summary": ", ".join(f"{counts[s]} {s}" for s in STATUS_ORDER if counts[s]),
            }
        )
    return {"rows": rows}


def _quote(para: Paragraph, page: str) -> Markup:
    return inline_markup(para.full_text, page=page, emphasis=para.emphasis if not para.subparagraphs else ())


def topic_context(topic: Topic, data: SiteData, paths: SitePaths) -> Context:
    page = topic_page(topic.id)
    documents: list[Context] = []
    dated = sorted(data.corpus.resolutions(), key=lambda r: (r.date or "9999", r.id))
    for res in dated:
        paras = [p for p in res.paragraphs() if topic.id in data.paragraph_topics.get((res.id, p.id), ())]
        if not paras:
            continue
        target = paths.page(res.id)
        documents.append(
            {
                "label": paths.label(res.id),
                "date": res.date or "undated",
                "href": href(page, target),
                "paragraphs": [
                    {
                        "id": p.id,
                        "label": paragraph_label(p),
                        "href": href(page, f"{target}#{p.id}"),
                        "text": _quote(p, page),
                    }
                    for p in paras
                ],
            }
        )
    views = [
        {
            "label": f"{paths.label(v.left)} → {paths.label(v.right)}",
            "href": href(page, comparison_page(v.page_id)),
        }
        for v in data.comparisons
        if v.topic == topic.id
    ]
    return {
        "title": page_title(topic.label, topic.id),
        "label": topic.label,
        "id": topic.id,
        "description": topic.description,
        "documents": documents,
        "views": views,
    }


def topics_index_context(data: SiteData, paths: SitePaths) -> Context:
    page = TOPICS_INDEX
    counts = Counter(t for topics in data.paragraph_topics.values() for t in topics)
    return {
        "topics": [
            {
                "label": t.label,
                "href": href(page, topic_page(t.id)),
                "count": counts[t.id],
                "description": t.description,
            }
            for t in data.topics
        ]
    }
