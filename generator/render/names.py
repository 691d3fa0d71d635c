"""How the site names and places things: page paths and reader-facing labels, in one place."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Corpus, Paragraph, Report, Resolution

_SAFE_TITLE = re.compile(r"^[A-Za-z0-9 /().,:→—-]+$")

BODY_NAMES = {
    "cnd": "Commission on Narcotic Drugs",
    "ccpcj": "Commission on Crime Prevention and Criminal Justice",
    "ctoc-cop": "Conference of the Parties to the Organized Crime Convention",
    "ecosoc": "Economic and Social Council",
    "ga": "General Assembly",
    "sc": "Security Council",
    "unodc": "United Nations Office on Drugs and Crime",
}


def body_short(body: str) -> str:
    """ "cnd" -> "CND", "ctoc-cop" -> "CTOC COP"."""
    return body.upper().replace("-", " ")


def body_long(body: str) -> str:
    return BODY_NAMES.get(body, body_short(body))


def resolution_label(resolution: Resolution) -> str:
    """The short name a reader uses: "CND 65/2", "GA 77/71", "SC 2482" (the symbol is on the page)."""
    number = resolution.number if resolution.session is None else f"{resolution.session}/{resolution.number}"
    return f"{body_short(resolution.body)} {number}"


def is_plain_title(label: str) -> bool:
    return bool(_SAFE_TITLE.match(label))


def page_title(label: str, fallback: str) -> str:
    """A page title for the browser tab and the header, which the theme writes without escaping.

    Only labels made of plain characters are used; anything else falls back to the page id, so no
    text from a seed can reach the theme's unescaped title slots.
    """
    return label if _SAFE_TITLE.match(label) else fallback


_PARAGRAPH_ID = re.compile(
    r"^(?:(?P<annex>annex\d*)-)?(?P<kind>pp|op|p)(?P<number>[A-Z]?\d+)(?P<subs>(?:-[a-z]+)*)$"
)
_KIND_WORDS = {"pp": "preambular paragraph", "op": "operative paragraph", "p": "paragraph"}


def paragraph_label(paragraph: Paragraph) -> str:
    """How a reader names a paragraph, from its id: "operative paragraph 18 (a)", "preambular paragraph 3",
    "annex, operative paragraph 3"; ids of another form are named as they are ("paragraph op-u1")."""
    match = _PARAGRAPH_ID.match(paragraph.id)
    if match is None:
        return f"paragraph {paragraph.id}"
    subs = "".join(f" ({part})" for part in match["subs"].split("-") if part)
    label = f"{_KIND_WORDS[match['kind']]} {match['number']}{subs}"
    return f"{match['annex']}, {label}" if match["annex"] else label


def number_label(paragraph: Paragraph) -> str:
    """The number as printed before the paragraph: "11.", "(a)", "" for preambular paragraphs."""
    if paragraph.number is None:
        return ""
    if paragraph.kind == "subparagraph":
        return f"({paragraph.number})"
    return f"{paragraph.number}."


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """Where a document of the corpus lives on the site and what it is called."""

    id: str
    page: str
    label: str
    title: str
    year: str
    body: str


def year_of(date: str | None) -> str:
    return date[:4] if date else "undated"


class SitePaths:
    """Page paths (relative to the docs folder) of every document of the corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.documents: dict[str, DocumentRef] = {}
        for res in corpus.resolutions():
            self.documents[res.id] = DocumentRef(
                id=res.id,
                page=f"resolutions/{res.id}.md",
                label=resolution_label(res),
                title=res.title,
                year=year_of(res.date),
                body=res.body,
            )
        for report in corpus.reports():
            self.documents[report.id] = report_ref(report)

    def page(self, document_id: str) -> str:
        return self.documents[document_id].page

    def label(self, document_id: str) -> str:
        ref = self.documents.get(document_id)
        return ref.label if ref else document_id


def report_ref(report: Report) -> DocumentRef:
    return DocumentRef(
        id=report.id,
        page=f"reports/{report.id}.md",
        label=f"Report: {report.title}",
        title=report.title,
        year="",
        body=report.body,
    )


def comparison_page(page_id: str) -> str:
    return f"comparisons/{page_id}.md"


def topic_page(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def reference_page(reference_id: str) -> str:
    return f"references/{reference_id}.md"
