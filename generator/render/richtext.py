"""A paragraph's text with its emphasis, footnote marks and reference links, as inline page source.

The text itself is escaped by :func:`~generator.render.escape.escape_text`; the only markup written
around it is the generator's own: ``<em>`` for the model's emphasis spans, a ``<sup>`` footnote mark
at each :class:`~generator.model.FootnoteRef` offset, and Markdown links for reference spans (Markdown
links, not HTML ones, so that MkDocs rewrites them for the offline build and fails ``--strict`` on a
broken target). Spans may overlap; the text is cut at every span boundary and each piece is wrapped
in what covers it, so no character is ever dropped or repeated.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Emphasis, FootnoteRef
from generator.render.escape import escape_text, safe_href, safe_id

_URL = re.compile(r"^https?://")


@dataclass(frozen=True, slots=True)
class Link:
    """A span of a text that links somewhere."""

    start: int
    end: int
    target: str
    """A page of the site relative to the docs folder (``resolutions/cnd-51-11.md#op6``) or an
    ``http(s)`` URL."""


def relative_target(page: str, target: str) -> str:
    """``target`` (docs-relative, optionally with ``#anchor``) as a link from ``page``."""
    if _URL.match(target):
        return target
    path, _, anchor = target.partition("#")
    if not path:
        return f"#{anchor}"
    rel = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return f"{rel}#{anchor}" if anchor else rel


def footnote_anchor(number: str) -> str:
    """The id of a footnote's text on its page: ``fn-13``."""
    return f"fn-{_id_part(number)}"


def footnote_mark_anchor(paragraph_id: str, number: str) -> str:
    """The id of a footnote mark in a paragraph, the target of the footnote's back link."""
    return f"fnref-{paragraph_id}-{_id_part(number)}"


def _id_part(value: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", value).strip("-")
    return cleaned or "x"


def _footnote_mark(paragraph_id: str, ref: FootnoteRef) -> Markup:
    return Markup('<sup class="fn-mark" id="{mark}"><a href="#{target}">{number}</a></sup>').format(
        mark=safe_id(footnote_mark_anchor(paragraph_id, ref.number)),
        target=safe_id(footnote_anchor(ref.number)),
        number=escape_text(ref.number),
    )


def _accepted_links(links: Sequence[Link], length: int) -> list[Link]:
    """Non-overlapping links, longest first where two compete; spans outside the text are refused."""
    accepted: list[Link] = []
    for link in sorted(links, key=lambda lk: (lk.start, -(lk.end - lk.start))):
        if not 0 <= link.start < link.end <= length:
            raise ValueError(f"link span {link.start}-{link.end} outside a text of {length} characters")
        if accepted and link.start < accepted[-1].end:
            continue
        accepted.append(link)
    return accepted


def _link_markup(label: Sequence[Markup], target: str, page: str) -> Markup:
    text = Markup("").join(label)
    try:
        href = safe_href(relative_target(page, target))
    except ValueError:
        return text
    return Markup("[{text}]({href})").format(text=text, href=href)


def inline_markup(
    text: str,
    *,
    page: str,
    paragraph_id: str | None = None,
    emphasis: Sequence[Emphasis] = (),
    footnotes: Sequence[FootnoteRef] = (),
    links: Sequence[Link] = (),
) -> Markup:
    """``text`` as inline page source for the page at ``page`` (docs-relative path).

    ``paragraph_id`` names the paragraph for footnote-mark ids; without it footnote marks still
    link to their footnote but carry no id.
    """
    accepted = _accepted_links(links, len(text))
    bounds = {0, len(text)}
    for em in emphasis:
        bounds.update((max(0, min(em.start, len(text))), max(0, min(em.end, len(text)))))
    for link in accepted:
        bounds.update((link.start, link.end))
    marks: dict[int, list[FootnoteRef]] = {}
    for ref in footnotes:
        offset = max(0, min(ref.offset, len(text)))
        marks.setdefault(offset, []).append(ref)
        bounds.add(offset)
    cuts = sorted(bounds)

    out: list[Markup] = []
    group: list[Markup] = []
    group_link: Link | None = None

    def flush() -> None:
        nonlocal group, group_link
        if group:
            out.append(_link_markup(group, group_link.target, page) if group_link else Markup("").join(group))
        group, group_link = [], None

    for start, end in zip(cuts, [*cuts[1:], None], strict=True):
        if start in marks:
            flush()
            for ref in marks[start]:
                out.append(_footnote_mark(paragraph_id or "p", ref) if paragraph_id else _plain_mark(ref))
        if end is None or start == end:
            continue
        piece = escape_text(text[start:end])
        if any(em.start <= start and end <= em.end for em in emphasis):
            piece = Markup("<em>{}</em>").format(piece)
        covering: Link | None = next((lk for lk in accepted if lk.start <= start and end <= lk.end), None)
        if covering is not group_link:
            flush()
            group_link = covering
        group.append(piece)
    flush()
    return Markup("").join(out)


def _plain_mark(ref: FootnoteRef) -> Markup:
    return Markup('<sup class="fn-mark"><a href="#{target}">{number}</a></sup>').format(
        target=safe_id(footnote_anchor(ref.number)), number=escape_text(ref.number)
    )
