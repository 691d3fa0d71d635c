"""Find every reference in a text, with its exact span.

:func:`extract_references` runs small rules over one string (a paragraph's or a footnote's text),
each rule returning spans of one kind; where spans overlap, the earlier rule wins:

1. URLs;
2. document symbols (``A/CONF.192/15``; a ``A/RES/77/71`` symbol is a resolution reference);
3. resolutions and decisions after a keyword, lists included ("General Assembly resolutions 56/24 V
   of 24 December 2001, 57/72 ... and decision 60/519"), with the body guessed from the words around;
4. paragraphs of the same text ("paragraph 3 above");
5. United Nations Treaty Series citations ("vol. 976, No. 14152"), looked up in the registry;
6. instrument and publication names from the registry;
7. short names that stand for an instrument named before ("the Convention"), keyed ``anaphora:<kind>``.

Spans are offsets into the text given; ``text[span.start:span.end] == span.raw`` always holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from generator.link.registry import Registry, default_registry
from generator.link.symbols import (
    DOCUMENT_SYMBOL,
    RESOLUTION_NUMBER,
    ResolutionNumber,
    resolution_number_from_match,
)

ReferenceKind = Literal["resolution", "decision", "instrument", "document", "publication", "url", "paragraph"]


@dataclass(frozen=True, slots=True)
class ReferenceSpan:
    """One reference found in a text."""

    start: int
    end: int
    kind: ReferenceKind
    raw: str
    """``text[start:end]``."""
    key: str
    """Normalised: "56/24 V" (resolution, decision), "A/CONF.192/15" (document), a registry id
    (instrument, publication) or "unts-<volume>-<number>", the URL, the paragraph number."""
    body: str | None = None
    """For resolutions and decisions, the issuing body the words around name: a body code ("ga",
    "cnd", "ctoc-cop"...), "self" ("its resolution" with no other body in the clause), a generic word
    ("conference", "commission", "council", "assembly": "Conference resolutions 5/4"), or ``None``."""
    number: ResolutionNumber | None = None
    paragraph: str | None = None
    """"24" in "paragraph 24 of resolution 687 (1991)"."""
    cited_date: str | None = None
    """ISO date printed after the number ("of 14 March 2008")."""
    cited_title: str | None = None
    """The title printed after the number ("entitled “...”" or "on ...")."""
    year: int | None = None
    """For instruments: the year printed in the name ("of 1954")."""
    quote: str = ""
    """For resolutions and decisions, the words of the citation as printed, keyword and date included
    ("resolution 51/11 of 14 March 2008"); otherwise ``raw``."""
    scope: str | None = None
    """For paragraphs: "here" ("paragraph 3 above": the citing paragraph's own part, annex or
    operative) or "resolution" ("paragraph 2 of the present resolution": the operative part)."""


BODY_NAMES: dict[str, str] = {
    "General Assembly": "ga",
    "Security Council": "sc",
    "Economic and Social Council": "ecosoc",
    "Commission on Narcotic Drugs": "cnd",
    "Commission on Crime Prevention and Criminal Justice": "ccpcj",
    "Human Rights Council": "hrc",
    "Conference of the Parties to the United Nations Convention against Transnational Organized Crime": (
        "ctoc-cop"
    ),
    "UNTOC COP": "ctoc-cop",
    "Conference": "conference",
    "Commission": "commission",
    "Council": "council",
    "Assembly": "assembly",
}
"""Body names as texts print them, longest first in :data:`BODY_ALTERNATION`; the last four are
generic: they mean the issuing body when its name contains the word."""

ANAPHORA = "anaphora:"
"""Key prefix of a short name ("the Convention"): ``anaphora:convention``; the resolver decides which."""
GENERIC_BODIES = frozenset({"conference", "commission", "council", "assembly"})
_NAMES = sorted(BODY_NAMES, key=len, reverse=True)


def _alternation(names: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)


BODY_ALTERNATION = _alternation(_NAMES)
_SPECIFIC = _alternation([n for n in _NAMES if BODY_NAMES[n] not in GENERIC_BODIES])
BODY_BEFORE_KEYWORD = re.compile(
    rf"(?:\b(?P<body>{BODY_ALTERNATION})\s+|\b(?P<pron>its|their)\s+|\b(?P<verb>adopted)\s+)$"
)
BODY_MENTION = re.compile(rf"(?P<by>\bby\s+(?:the\s+)?)?\b(?P<body>{_SPECIFIC})\b")
BODY_OWNS_ITS = re.compile(
    rf"\b(?P<body>{_SPECIFIC}),?\s+(?:in|through|under|by)\s+(?:(?:section|part|paragraph)\s+[\w.]+\s+of\s+)?$"
)
KEYWORD = re.compile(r"\b(?P<kw>[Rr]esolutions?|[Dd]ecisions?)\s+(?=S-\d|\d)")
MONTHS = tuple(
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
ITEM_TAIL = re.compile(
    r"""
    (?:\s+of\s+(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]+)\s+(?P<year>\d{4}))?   # "of 14 March 2008"
    (?:
        ,\s+entitled\s+[“"](?P<entitled>[^”"]+)[”"]                           # ', entitled “...”'
      | \s+on\s+(?P<on>[^,;“”]+)     # " on the links ..." (after a comma, "on" starts a gloss)
    )?
    """,
    re.VERBOSE,
)
SEPARATOR = re.compile(r"(?:,\s+and\s+|,\s*|\s+and\s+)(?=S-\d|\d)")
LIST_JOIN = re.compile(r",?\s+and\s+|,\s*")
PARAGRAPH_BEFORE = re.compile(r"\bparagraphs?\s+(?P<number>\d+)\s+of\s+(?:(?:its|the)\s+)?$")
PARAGRAPH_REF = re.compile(
    r"""
    \bparagraphs?\s+
    (?P<numbers>\d+(?:\s*\([a-z]+\))?(?:(?:,\s+and\s+|,\s*|\s+and\s+|\s+to\s+|\s+or\s+)\d+(?:\s*\([a-z]+\))?)*)
    \s+(?:(?P<here>above|below)|of\s+(?:the\s+present|this)\s+resolution)\b
    """,
    re.VERBOSE,
)
TREATY_SERIES = re.compile(
    r"""
    (?:United\s+Nations,[\s*]+Treaty\s+Series[\s*]*,\s+|Ibid\.?[\s*]*,\s+)
    (?P<citation>vols?\.\s+(?P<volumes>\d+(?:(?:,\s+and\s+|,\s*|\s+and\s+)\d+)*),\s+No\.\s+(?P<no>\d+))
    """,
    re.VERBOSE,
)
URL = re.compile(r"https?://[^\s<>\"“”]+")


def _window_start(text: str, end: int) -> int:
    """Where the clause holding ``end`` starts: after the last ";" or sentence end."""
    cut = max(text.rfind(";", 0, end), text.rfind(". ", 0, end))
    return cut + 1


def _body_guess(text: str, keyword_start: int) -> tuple[str | None, int]:
    """The body the words before a resolution keyword name, and where those words start."""
    before = text[max(0, keyword_start - 120) : keyword_start]
    m = BODY_BEFORE_KEYWORD.search(before)
    if m is None:
        return None, keyword_start
    words_start = keyword_start - (len(before) - m.start())
    if m.group("body"):
        return BODY_NAMES[" ".join(m.group("body").split())], words_start
    if m.group("pron"):
        # "the General Assembly, in section IV of its resolution 50/148": the body owns "its"
        owner = BODY_OWNS_ITS.search(text[max(0, words_start - 160) : words_start])
        return (BODY_NAMES[" ".join(owner.group("body").split())] if owner else "self"), words_start
    # "the Commission on Narcotic Drugs that was established by the Council ... adopted resolution":
    # the subject of the clause, not the agent of a passive
    window = text[_window_start(text, words_start) : words_start]
    mentions = [b for b in BODY_MENTION.finditer(window) if not b.group("by")]
    if mentions:
        return BODY_NAMES[" ".join(mentions[-1].group("body").split())], words_start
    return None, words_start


def _iso_date(m: re.Match[str]) -> str | None:
    if not m.group("day") or m.group("month") not in MONTHS:
        return None
    month = MONTHS.index(m.group("month")) + 1
    return f"{m.group('year')}-{month:02d}-{int(m.group('day')):02d}"


def _resolution_spans(text: str) -> Iterator[ReferenceSpan]:
    previous_end, previous_body = -1, None
    for kw in KEYWORD.finditer(text):
        kind: ReferenceKind = "decision" if kw.group("kw").lower().startswith("decision") else "resolution"
        body, words_start = _body_guess(text, kw.start())
        if body is None and previous_end >= 0 and LIST_JOIN.fullmatch(text[previous_end : kw.start()]):
            # "General Assembly resolutions 56/24 V ... and decision 60/519": the body carries over
            body = previous_body
        para = PARAGRAPH_BEFORE.search(text[max(0, words_start - 40) : words_start])
        pos = kw.end()
        first = True
        previous_form: str | None = None
        while True:
            m = RESOLUTION_NUMBER.match(text, pos)
            if m is None:
                break
            number = resolution_number_from_match(m)
            if number.form == "bare" and (kind == "decision" or previous_form not in (None, "sc", "bare")):
                break  # a bare number only in a Security Council list: "1373 (2001) and 2395"
            previous_form = number.form
            tail = ITEM_TAIL.match(text, m.end())
            title = None
            if tail is not None:
                title = tail.group("entitled") or tail.group("on")
            item_end = tail.end("year") if tail is not None and tail.group("day") else m.end()
            word = kw.group("kw").lower().rstrip("s")
            yield ReferenceSpan(
                m.start(),
                m.end(),
                kind,
                m.group(0),
                number.key,
                body=body,
                number=number,
                paragraph=para.group("number") if para and first else None,
                cited_date=_iso_date(tail) if tail else None,
                cited_title=title.strip() if title else None,
                quote=" ".join(f"{word} {text[m.start() : item_end]}".split()),
            )
            first = False
            after = tail.end() if tail is not None and tail.group("day") else m.end()
            previous_end, previous_body = after, body
            sep = SEPARATOR.match(text, after)
            if sep is None:
                break
            pos = sep.end()


SYMBOL_BODIES = {"A/RES/": "ga", "S/RES/": "sc", "E/RES/": "ecosoc", "A/HRC/RES/": "hrc"}


def _document_spans(text: str) -> Iterator[ReferenceSpan]:
    for m in DOCUMENT_SYMBOL.finditer(text):
        symbol = " ".join(m.group("symbol").split())
        prefix = next((p for p in sorted(SYMBOL_BODIES, key=len, reverse=True) if symbol.startswith(p)), None)
        rest = symbol[len(prefix) :] if prefix else ""
        number_match = (
            RESOLUTION_NUMBER.fullmatch(rest.replace("(", " (").replace("  ", " ")) if prefix else None
        )
        if prefix and number_match is not None:
            number = resolution_number_from_match(number_match)
            yield ReferenceSpan(
                m.start(), m.end(), "resolution", m.group(0), number.key, SYMBOL_BODIES[prefix], number
            )
        else:
            yield ReferenceSpan(m.start(), m.end(), "document", m.group(0), symbol)


def _paragraph_spans(text: str) -> Iterator[ReferenceSpan]:
    for m in PARAGRAPH_REF.finditer(text):
        for n in re.finditer(r"\d+", m.group("numbers")):
            start = m.start("numbers") + n.start()
            scope = "here" if m.group("here") else "resolution"
            yield ReferenceSpan(
                start, start + len(n.group(0)), "paragraph", n.group(0), n.group(0), scope=scope
            )


def _treaty_spans(text: str, registry: Registry) -> Iterator[ReferenceSpan]:
    for m in TREATY_SERIES.finditer(text):
        number = int(m.group("no"))
        volumes = list(re.finditer(r"\d+", m.group("volumes")))
        for v in volumes:
            volume = int(v.group(0))
            instrument = registry.by_treaty_series(volume, number)
            key = instrument.id if instrument else f"unts-{volume}-{number}"
            if len(volumes) == 1:
                start, end = m.start("citation"), m.end("citation")
            else:
                start = m.start("volumes") + v.start()
                end = start + len(v.group(0))
            yield ReferenceSpan(start, end, "instrument", text[start:end], key)


def _name_spans(text: str, registry: Registry) -> Iterator[ReferenceSpan]:
    for found in registry.find_names(text):
        kind: ReferenceKind = "publication" if found.instrument.kind == "publication" else "instrument"
        raw = text[found.start : found.end]
        yield ReferenceSpan(found.start, found.end, kind, raw, found.instrument.id, year=found.year)


def _anaphora_spans(text: str, registry: Registry) -> Iterator[ReferenceSpan]:
    for start, end, kind in registry.find_anaphora(text):
        yield ReferenceSpan(start, end, "instrument", text[start:end], f"{ANAPHORA}{kind}")


def _url_spans(text: str) -> Iterator[ReferenceSpan]:
    for m in URL.finditer(text):
        url = m.group(0).rstrip(".,;:)")
        yield ReferenceSpan(m.start(), m.start() + len(url), "url", url, url)


def extract_references(text: str, registry: Registry | None = None) -> tuple[ReferenceSpan, ...]:
    """Every reference in ``text``, in text order, without overlaps.

    ``registry`` defaults to ``seeds/instruments.yml``.
    """
    reg = registry if registry is not None else default_registry()
    rules: tuple[Iterator[ReferenceSpan], ...] = (
        _url_spans(text),
        _document_spans(text),
        _resolution_spans(text),
        _paragraph_spans(text),
        _treaty_spans(text, reg),
        _name_spans(text, reg),
        _anaphora_spans(text, reg),
    )
    kept: list[ReferenceSpan] = []
    for rule in rules:
        for span in rule:
            if not any(span.start < k.end and k.start < span.end for k in kept):
                kept.append(span if span.quote else replace(span, quote=span.raw))
    return tuple(sorted(kept, key=lambda s: (s.start, s.end)))
