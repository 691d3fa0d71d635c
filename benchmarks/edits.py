"""The edits a drafter makes when reusing agreed language, as pure functions of a seeded ``Random``.

Each function takes a paragraph text (lead phrase included, no closing punctuation) and returns the edited
text. None of them produces double spaces, leading/trailing spaces or line breaks, so the rendered text
parses back to exactly the same words.
"""

from __future__ import annotations

import random
import re

REWORDINGS: tuple[tuple[str, str], ...] = (
    ("combat", "counter"),
    ("fighting", "combating"),
    ("prevent", "prevent and combat"),
    ("firearms", "illicit firearms"),
    ("Member States", "States"),
    ("strengthen", "enhance"),
    ("cooperation", "collaboration"),
    ("information", "relevant information"),
    ("training", "specialized training"),
    ("promote", "foster"),
    ("measures", "appropriate measures"),
    ("efforts", "continued efforts"),
    ("links", "linkages"),
    ("drug trafficking", "illicit drug trafficking"),
    ("requests", "invites"),
    ("effective", "efficient"),
)
"""Pairs of interchangeable drafting words; either side may replace the other."""

INSERTED_CLAUSES: tuple[str, ...] = (
    "as appropriate,",
    "where appropriate,",
    "upon request,",
    "in accordance with domestic legislation,",
    "consistent with their national legal frameworks,",
    "subject to the availability of extrabudgetary resources,",
    "in particular in developing countries,",
    "within existing resources,",
)

_OPERATIVE_TO_PREAMBULAR: dict[str, str] = {
    "Notes": "Noting",
    "Recognizes": "Recognizing",
    "Reaffirms": "Reaffirming",
    "Recalls": "Recalling",
    "Welcomes": "Welcoming",
    "Stresses": "Stressing",
    "Emphasizes": "Emphasizing",
    "Acknowledges": "Acknowledging",
    "Expresses": "Expressing",
    "Encourages": "Encouraging",
    "Urges": "Urging",
    "Underlines": "Underlining",
}
_PREAMBULAR_TO_OPERATIVE = {v: k for k, v in _OPERATIVE_TO_PREAMBULAR.items()}
_ALSO_LEADS: dict[str, str] = {
    "Encourages": "Also encourages",
    "Requests": "Also requests",
    "Invites": "Also invites",
    "Recalling": "Recalling also",
    "Noting": "Noting also",
    "Urges": "Also urges",
}


def split_lead(text: str, lead: str) -> tuple[str, str]:
    """The lead phrase and the rest of a text (the rest keeps its leading space)."""
    if lead and text.startswith(lead):
        return lead, text[len(lead) :]
    return "", text


def reword(rng: random.Random, lead: str, text: str) -> tuple[str, str]:
    """Replace one drafting word by its counterpart, outside the lead phrase."""
    head, rest = split_lead(text, lead)
    choices = [
        (old, new)
        for a, b in REWORDINGS
        for old, new in ((a, b), (b, a))
        if re.search(rf"\b{re.escape(old)}\b", rest)
    ]
    if not choices:
        return lead, text
    old, new = rng.choice(choices)
    return lead, head + re.sub(rf"\b{re.escape(old)}\b", new, rest, count=1)


def insert_clause(rng: random.Random, lead: str, text: str) -> tuple[str, str]:
    """Insert a qualifying clause after a comma, or after the first few words when there is none."""
    head, rest = split_lead(text, lead)
    clause = rng.choice(INSERTED_CLAUSES)
    commas = [m.end() for m in re.finditer(r", ", rest)]
    if commas:
        at = rng.choice(commas)
        return lead, head + rest[:at] + clause + " " + rest[at:]
    words = rest.split(" ")
    if len(words) < 5:
        return lead, text
    at = rng.randrange(3, len(words) - 1)
    return lead, head + " ".join(words[:at]) + ", " + clause + " " + " ".join(words[at:])


def delete_clause(rng: random.Random, lead: str, text: str) -> tuple[str, str]:
    """Drop one clause between two commas, as a negotiator strikes a qualifier."""
    head, rest = split_lead(text, lead)
    spans = [(m.start(), m.end()) for m in re.finditer(r", [^,]{3,80},", rest)]
    if not spans:
        return lead, text
    start, end = rng.choice(spans)
    return lead, head + rest[:start] + rest[end - 1 :]


def change_lead(rng: random.Random, lead: str, text: str) -> tuple[str, str]:
    """Turn "Encourages" into "Also encourages", "Recalling" into "Recalling also" and the like."""
    _, rest = split_lead(text, lead)
    new = _ALSO_LEADS.get(lead)
    if new is None:
        return lead, text
    return new, new + rest


def convert_lead(lead: str, text: str, operative: bool) -> tuple[str, str] | None:
    """Move a paragraph between preamble and operative part: "Notes that" <-> "Noting that"."""
    table = _PREAMBULAR_TO_OPERATIVE if operative else _OPERATIVE_TO_PREAMBULAR
    new = table.get(lead)
    if new is None:
        return None
    _, rest = split_lead(text, lead)
    return new, new + rest


EDITS = (reword, reword, insert_clause, delete_clause, change_lead)
"""The edits a reuse draws from (rewording twice as likely as the others)."""


def edit(rng: random.Random, lead: str, text: str, count: int) -> tuple[str, str]:
    """Apply ``count`` random edits in turn."""
    for _ in range(count):
        lead, text = rng.choice(EDITS)(rng, lead, text)
    return lead, text
