"""Word accounting shared by the conservation tests: the words of an input and of its model."""

from __future__ import annotations

import re
from collections import Counter

from generator.ingest.normalise import MARK_PATTERN, normalise
from generator.model import Document, Paragraph

_WORD = re.compile(r"[^\W\d_]+|\d")
"""Words, and digits one by one: a footnote mark glued to a year ("of 19881") is the year and a mark."""


def words(text: str) -> list[str]:
    return _WORD.findall(MARK_PATTERN.sub(lambda m: f" {m.group(1)} ", text))


def input_words(text: str) -> Counter[str]:
    """Every word of the input, after normalising (superscripts and <sup> become plain numbers)."""
    counter: Counter[str] = Counter()
    for line in normalise(text):
        counter.update(words(line.text))
    return counter


def _paragraph_words(p: Paragraph, counter: Counter[str]) -> None:
    counter.update(words(p.text))
    if p.number and p.kind != "preambular":
        counter.update(words(p.number))
    for ref in p.footnotes:
        counter.update(words(ref.number))
    for sub in p.subparagraphs:
        _paragraph_words(sub, counter)


def model_words(doc: Document) -> Counter[str]:
    """Every word the model holds, in paragraphs, titles, headings, footnotes and skipped lines."""
    counter: Counter[str] = Counter()
    for res in doc.resolutions:
        for text in (res.title, res.body_name, res.adoption or "", *res.headings):
            counter.update(words(text))
        for ref in res.adoption_footnotes:
            counter.update(words(ref.number))
        previous = None  # a section heading is printed once, above the run of paragraphs it heads
        annexed = [p for annex in res.annexes for p in annex.paragraphs]
        for p in sorted((*res.preamble, *res.operative, *annexed), key=lambda p: p.source.first_line):
            if p.section and p.section != previous:
                counter.update(words(p.section))
            previous = p.section
        for p in (*res.preamble, *res.operative):
            _paragraph_words(p, counter)
        for annex in res.annexes:
            counter.update(words(annex.heading) + words(annex.title))
            for p in annex.paragraphs:
                _paragraph_words(p, counter)
        for note in res.footnotes:
            counter.update(words(note.number) + words(note.text))
            for ref in note.marks:
                counter.update(words(ref.number))
    if doc.report:
        for text in doc.report.heading_lines:
            counter.update(words(text))
        for section in doc.report.sections:
            counter.update(words(section.number or "") + words(section.heading))
            for p in section.paragraphs:
                _paragraph_words(p, counter)
        for note in doc.report.footnotes:
            counter.update(words(note.number) + words(note.text))
            for ref in note.marks:
                counter.update(words(ref.number))
    for skipped in doc.skipped:
        counter.update(words(skipped.text))
    for repair in doc.repairs:  # a rejoined word counts as the pieces it was printed as
        counter.subtract(words(repair.after))
        counter.update(words(repair.before))
    return +counter


def difference(text: str, doc: Document) -> tuple[Counter[str], Counter[str]]:
    """(words lost, words invented): both empty when every word is in exactly one place."""
    source, model = input_words(text), model_words(doc)
    return source - model, model - source
