"""Phrase search across the corpus: ``resatlas find "exchange information and provide judicial cooperation"``.

Every occurrence of the phrase in a paragraph of a resolution (sub-paragraphs and annexes included), oldest
first, with the resolution, the paragraph id and its permalink ``/resolutions/<id>/#<paragraph-id>``.

Matching is forgiving where printing varies and exact where it counts: any run of white space in the phrase
(a line break in a pasted quotation) matches any run of white space in the text, case does not count, straight
and curly quotes match each other and so do hyphens and dashes; the phrase must start and end on word
boundaries ("exchange information" does not match "exchange informational"). Each occurrence reports the text
exactly as printed in the paragraph.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from generator.errors import OptionError
from generator.invisible import show_invisible
from generator.model import Corpus
from generator.options import input_folder

_EQUIVALENT = (
    "'‘’`´",
    '"“”„«»',
    "-‐‑‒–—−",
)
CONTEXT = 60
"""Characters of the paragraph shown on either side of a match in the text output."""


@dataclass(frozen=True, slots=True)
class Occurrence:
    resolution_id: str
    symbol: str
    body: str
    date: str | None
    paragraph_id: str
    start: int
    """Offset of the match in the paragraph's ``text``."""
    end: int
    text: str
    """The paragraph's whole text."""

    @property
    def match(self) -> str:
        """The phrase as printed in the paragraph."""
        return self.text[self.start : self.end]

    @property
    def permalink(self) -> str:
        return f"/resolutions/{self.resolution_id}/#{self.paragraph_id}"


def _char_pattern(char: str) -> str:
    for group in _EQUIVALENT:
        if char in group:
            return "[" + re.escape(group) + "]"
    return re.escape(char)


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """The regular expression a phrase stands for (see the module docstring)."""
    words = phrase.split()
    if not words:
        raise OptionError(
            "PHRASE", 'the phrase to find is empty; give some words, e.g. "judicial cooperation"'
        )
    body = r"\s+".join("".join(_char_pattern(c) for c in word) for word in words)
    head = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
    tail = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
    return re.compile(head + body + tail, re.IGNORECASE)


def find_phrase(corpus: Corpus, phrase: str) -> tuple[Occurrence, ...]:
    """Every occurrence of ``phrase`` in the corpus's resolutions, oldest first (undated last), then by
    resolution id and reading order."""
    pattern = phrase_pattern(phrase)
    found: list[tuple[tuple[bool, str, str, int, int], Occurrence]] = []
    for res in corpus.resolutions():
        for order, para in enumerate(res.paragraphs()):
            for m in pattern.finditer(para.text):
                occ = Occurrence(
                    res.id, res.symbol, res.body, res.date, para.id, m.start(), m.end(), para.text
                )
                found.append(((res.date is None, res.date or "", res.id, order, m.start()), occ))
    return tuple(occ for _, occ in sorted(found, key=lambda item: item[0]))


def occurrences_to_dict(phrase: str, occurrences: tuple[Occurrence, ...]) -> dict[str, object]:
    """JSON-ready result: ``{"phrase", "count", "occurrences": [...]}`` in the search's order."""
    return {
        "phrase": " ".join(phrase.split()),
        "count": len(occurrences),
        "occurrences": [
            {
                "resolution": o.resolution_id,
                "symbol": o.symbol,
                "body": o.body,
                "date": o.date,
                "paragraph": o.paragraph_id,
                "permalink": o.permalink,
                "match": o.match,
                "start": o.start,
                "end": o.end,
            }
            for o in occurrences
        ],
    }


def format_text(phrase: str, occurrences: tuple[Occurrence, ...]) -> str:
    """A readable listing: one block per occurrence, the match between » « inside its context."""
    count = len(occurrences)
    lines = [f'{count} occurrence{"" if count == 1 else "s"} of "{" ".join(phrase.split())}"']
    for o in occurrences:
        before = o.text[max(0, o.start - CONTEXT) : o.start]
        after = o.text[o.end : o.end + CONTEXT]
        lead = "…" if o.start > CONTEXT else ""
        trail = "…" if o.end + CONTEXT < len(o.text) else ""
        lines.append("")
        lines.append(f"{o.date or 'undated'}  {o.resolution_id} {o.paragraph_id}  {o.permalink}")
        lines.append(f"    {lead}{before}»{o.match}«{after}{trail}")
    return "\n".join(lines) + "\n"


def find_command(args: argparse.Namespace, out: TextIO) -> int:
    """``resatlas find PHRASE [--seeds DIR] [--extra FILE] [--format text|json]``."""
    from generator.ingest import load_corpus

    phrase_pattern(args.phrase)
    corpus = load_corpus(input_folder("--seeds", args.seeds), [Path(p) for p in args.extra])
    occurrences = find_phrase(corpus, args.phrase)
    if args.format == "json":
        out.write(
            json.dumps(occurrences_to_dict(args.phrase, occurrences), indent=2, ensure_ascii=False) + "\n"
        )
    else:
        out.write(show_invisible(format_text(args.phrase, occurrences)))
    return 0
