"""The model as plain dictionaries, one per page: everything a template shows, already decided.

Templates hold no logic beyond loops and conditionals on these values. Text values are plain strings
(templates escape them on output); values that are page source already (paragraph bodies with their
emphasis, footnote marks and links) are :class:`~markupsafe.Markup` built by ``richtext``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from generator.model import Footnote, Paragraph, Report, Resolution
from generator.percent import as_percent
from generator.render.escape import escape_text, safe_href, safe_id
from generator.render.inputs import Citation, EarlierUse, SiteData
from generator.render.names import (
    SitePaths,
    body_long,
    comparison_page,
    number_label,
    page_title,
    resolution_label,
)
from generator.render.richtext import footnote_anchor, footnote_mark_anchor, inline_markup, relative_target

Context = dict[str, Any]

UN_DOCUMENT_LINK = "https://docs.un.org/en/{symbol}"


def href(page: str, target: str) -> Markup:
    """A link target from ``page`` to a docs-relative ``target``, safe to write into a Markdown link."""
    return safe_href(relative_target(page, target))


def paragraph_context(
    paragraph: Paragraph, document_id: str, page: str, data: SiteData, paths: SitePaths, level: int = 0
) -> list[Context]:
    """The paragraph and its sub-paragraphs, flattened in reading order with their depth and history."""
    links = data.paragraph_links.get((document_id, paragraph.id), ())
    body = inline_markup(
        paragraph.text,
        page=page,
        paragraph_id=paragraph.id,
        emphasis=paragraph.emphasis,
        footnotes=paragraph.footnotes,
        links=links,
    )
    own: Context = {
        "id": safe_id(paragraph.id),
        "number": number_label(paragraph),
        "body": body,
        "level": level,
        "kind": paragraph.kind,
        "history": history_context(data.lineage.get((document_id, paragraph.id), ()), page, paths),
    }
    out = [own]
    for sub in paragraph.subparagraphs:
        out.extend(paragraph_context(sub, document_id, page, data, paths, level + 1))
    return out


def part_context(
    paragraphs: Sequence[Paragraph], document_id: str, page: str, data: SiteData, paths: SitePaths
) -> list[Context]:
    """A part's paragraphs in reading order, each heading printed inside the part ("Arms Embargo and
    Inspections", "Article 3 Scope of application", a part letter) standing before the first paragraph
    it heads."""
    out: list[Context] = []
    section: str | None = None
    for paragraph in paragraphs:
        if paragraph.section and paragraph.section != section:
            out.append({"heading": escape_text(paragraph.section)})
        section = paragraph.section
        out.extend(paragraph_context(paragraph, document_id, page, data, paths))
    return out


def history_context(earlier: Sequence[EarlierUse], page: str, paths: SitePaths) -> Context | None:
    """A paragraph's language history: where its wording first appeared, and every earlier near-match
    with its similarity, a link to it and, when the build has one, to the comparison of the two texts."""
    uses: list[Context] = []
    for use in earlier:
        if use.document_id not in paths.documents:
            continue
        uses.append(
            {
                "label": f"{paths.label(use.document_id)} {use.paragraph_id}",
                "href": href(page, f"{paths.page(use.document_id)}#{use.paragraph_id}"),
                "date": use.date,
                "similarity": f"{use.similarity:.0%}",
                "comparison_href": href(page, comparison_page(use.comparison)) if use.comparison else None,
            }
        )
    if not uses:
        return None
    return {"first": uses[0]["label"], "first_date": uses[0]["date"], "earlier": uses}


def footnotes_context(
    footnotes: Sequence[Footnote],
    paragraphs: Sequence[Paragraph],
    document_id: str,
    page: str,
    data: SiteData,
) -> list[Context]:
    """Footnote texts with links back to every mark that refers to them."""
    marks: dict[str, list[str]] = {}
    for para in paragraphs:
        for ref in para.footnotes:
            marks.setdefault(ref.number, []).append(footnote_mark_anchor(para.id, ref.number))
    out: list[Context] = []
    for note in footnotes:
        links = data.footnote_links.get((document_id, note.number), ())
        out.append(
            {
                "anchor": safe_id(footnote_anchor(note.number)),
                "number": note.number,
                "body": inline_markup(note.text, page=page, emphasis=note.emphasis, links=links),
                "backrefs": [safe_id(m) for m in marks.get(note.number, [])],
            }
        )
    return out


def cited_by_context(citations: Sequence[Citation], page: str, paths: SitePaths) -> list[Context]:
    out: list[Context] = []
    for cite in citations:
        if cite.document_id not in paths.documents:
            continue
        target = f"{paths.page(cite.document_id)}#{cite.anchor}"
        out.append({"label": cite.label, "href": href(page, target), "quote": cite.quote})
    return out


def compare_with_context(document_id: str, page: str, data: SiteData, paths: SitePaths) -> list[Context]:
    out: list[Context] = []
    for view in data.comparisons:
        if view.topic is not None or document_id not in (view.left, view.right):
            continue
        other = view.right if view.left == document_id else view.left
        out.append(
            {
                "label": f"{paths.label(view.left)} → {paths.label(view.right)}",
                "other": paths.label(other),
                "href": href(page, comparison_page(view.page_id)),
                "similarity": as_percent(view.similarity, view.exact),
            }
        )
    return out


def resolution_context(res: Resolution, data: SiteData, paths: SitePaths) -> Context:
    page = paths.page(res.id)
    sections: list[Context] = []
    if res.preamble:
        sections.append(
            {
                "id": "preamble",
                "heading": "Preamble",
                "subtitle": "",
                "paragraphs": part_context(res.preamble, res.id, page, data, paths),
            }
        )
    if res.operative:
        sections.append(
            {
                "id": "operative",
                "heading": "Operative part",
                "subtitle": "",
                "paragraphs": part_context(res.operative, res.id, page, data, paths),
            }
        )
    for annex in res.annexes:
        sections.append(
            {
                "id": safe_id(annex.id),
                "heading": annex.heading or "Annex",
                "subtitle": annex.title,
                "paragraphs": part_context(annex.paragraphs, res.id, page, data, paths),
            }
        )
    label = resolution_label(res)
    meta: list[tuple[str, str | Markup]] = [
        ("Body", res.body_name or body_long(res.body)),
        ("Session", str(res.session) if res.session is not None else "—"),
        ("Resolution", res.symbol),
        ("Date", res.date or "unknown"),
        ("Adoption", res.adoption or "not printed in the source text"),
    ]
    return {
        "id": res.id,
        "page": page,
        "title": page_title(f"Resolution {label}", res.id),
        "heading": f"Resolution {res.symbol}",
        "label": label,
        "subtitle": res.title,
        "headings": [h for h in res.headings if h != f"Resolution {res.symbol}"],
        "body_name": res.body_name or body_long(res.body),
        "body_line": res.body_name if res.preamble else "",
        "meta": meta,
        "source_document": res.source_document,
        "source_document_link": _document_link(res.source_document),
        "source_file": str(res.source),
        "fragment": res.fragment,
        "sections": sections,
        "footnotes": footnotes_context(res.footnotes, res.paragraphs(), res.id, page, data),
        "compare_with": compare_with_context(res.id, page, data, paths),
        "akn_href": href(page, data.akn[res.id].path) if res.id in data.akn else None,
        "cited_by": cited_by_context(data.cited_by.get(res.id, ()), page, paths),
        "topics": _document_topics(res.id, [p.id for p in res.paragraphs()], page, data),
    }


def report_context(report: Report, data: SiteData, paths: SitePaths) -> Context:
    page = paths.page(report.id)
    sections: list[Context] = []
    paragraphs: list[Paragraph] = []
    for section in report.sections:
        number = f"{section.number}. " if section.number else ""
        sections.append(
            {
                "id": safe_id(section.id),
                "heading": f"{number}{section.heading}" if section.heading or number else "",
                "hashes": Markup("#" * min(6, max(2, section.level + 1))),
                "level": section.level,
                "paragraphs": [
                    c for p in section.paragraphs for c in paragraph_context(p, report.id, page, data, paths)
                ],
            }
        )
        for para in section.paragraphs:
            paragraphs.extend(para.walk())
    return {
        "id": report.id,
        "page": page,
        "title": page_title(f"Report {report.id}", report.id),
        "heading": "Report",
        "subtitle": report.title,
        "body_name": report.body_name or body_long(report.body),
        "source_file": str(report.source),
        "sections": sections,
        "footnotes": footnotes_context(report.footnotes, paragraphs, report.id, page, data),
        "cited_by": cited_by_context(data.cited_by.get(report.id, ()), page, paths),
    }


def _document_link(symbol: str | None) -> Markup | None:
    if not symbol:
        return None
    try:
        return safe_href(UN_DOCUMENT_LINK.format(symbol=symbol))
    except ValueError:
        return None


def _document_topics(
    document_id: str, paragraph_ids: Sequence[str], page: str, data: SiteData
) -> list[Context]:
    labels = {t.id: t.label for t in data.topics}
    counts: dict[str, int] = {}
    for pid in paragraph_ids:
        for topic in data.paragraph_topics.get((document_id, pid), ()):
            counts[topic] = counts.get(topic, 0) + 1
    return [
        {"label": labels.get(t, t), "count": n, "href": href(page, f"topics/{t}.md")}
        for t, n in sorted(counts.items())
        if t in labels
    ]
