"""Data checks: places where the corpus disagrees with itself, reported and never silently fixed.

Each check is a small function over the corpus and its resolved links that yields :class:`DataNote`
values; :func:`check_corpus` runs them in order. The notes are shown on the site's "Data notes" page
and printed as warnings by the build. The checks are general; what they find in the seeds is written
down in tests/test_link_checks.py.

* ``title-mismatch`` -- a resolution is cited with a title that is another resolution's, or not its own;
* ``instrument-year`` -- an instrument is named with a year that is not the registry's (and the
  footnote on the name, when it cites the Treaty Series, is given as evidence);
* ``instrument-footnote`` -- an instrument's name carries a footnote citing another instrument;
* ``unprinted-number`` -- a resolution whose text prints no number: only the catalog identifies it;
* ``date-mismatch`` -- a resolution of the corpus cited with an adoption date that is not its own;
* ``missing-paragraph`` -- "paragraph 12 above" where the resolution has no operative paragraph 12;
* ``number-form`` -- a number attributed to a body whose resolutions are not numbered that way
  ("Economic and Social Council resolution 65/2");
* ``ibid-without-antecedent`` -- a file's first footnote says "Ibid.": what it repeats is not in the file;
* ``invisible-character`` -- a line holds a character a reader cannot see (a right-to-left override, a
  zero-width space, a control character): the pages show it as a mark, ``⟨U+202E⟩``, never apply it;
* ``reserved-character`` -- a line holds U+E000 or U+E001, the private-use characters the parser keeps
  for footnote marks: shown as ``⟨U+E000⟩``, never read as a mark.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.ingest.normalise import MARK_CLOSE, MARK_OPEN, RESERVED
from generator.invisible import MARK, describe, invisible_characters, show_invisible
from generator.link.extract import extract_references
from generator.link.links import BODY_SHORT, BODY_TITLES, Citation, Links, normal_title
from generator.link.registry import Registry
from generator.model import Corpus, Footnote, Resolution


@dataclass(frozen=True, slots=True)
class DataNote:
    """One doubtful datum: where it is, what is wrong, and the text that shows it."""

    path: str
    line: int
    message: str
    evidence: tuple[str, ...]
    """Quotations and places that show the problem, each naming its file and line."""
    code: str

    def __str__(self) -> str:
        lines = [f"{self.path}:{self.line}: {self.message}"]
        lines += [f"    {item}" for item in self.evidence]
        return "\n".join(lines)


def locate(lines: tuple[str, ...], first: int, last: int, needle: str) -> int:
    """The first line in ``first..last`` of an input's ``lines`` that contains ``needle`` (else ``first``)."""
    squeezed = re.sub(r"\s+", "", needle)
    for number in range(first, min(last, len(lines)) + 1):
        if needle in lines[number - 1] or (squeezed and squeezed in re.sub(r"\s+", "", lines[number - 1])):
            return number
    return first


def _label(r: Resolution) -> str:
    number = r.number if r.session is None else f"{r.session}/{r.number}"
    return f"{BODY_SHORT.get(r.body, r.body.upper())} {number}"


def _where(c: Citation, corpus: Corpus) -> tuple[str, int]:
    span_line = c.place.line
    if c.place.footnote is None:
        span_line = locate(corpus.source_lines(c.place.path), c.place.line, c.place.line + 60, c.span.raw)
    return c.place.path, span_line


def _cited_as(c: Citation, corpus: Corpus) -> str:
    date = f" of {c.span.cited_date}" if c.span.cited_date else ""
    title = f" “{c.span.cited_title}”" if c.span.cited_title else ""
    path, line = _where(c, corpus)
    return (
        f"{path}:{line}: {c.place.owner_id} {c.place.paragraph_id} cites resolution {c.span.key}{date}{title}"
    )


def check_titles(corpus: Corpus, links: Links, registry: Registry) -> Iterator[DataNote]:
    titled = {normal_title(r.title): r for r in corpus.resolutions() if r.title}
    for c in links.citations:
        if c.span.kind != "resolution" or not c.span.cited_title or c.target is None:
            continue
        cited = normal_title(c.span.cited_title)
        path, line = _where(c, corpus)
        if c.target[0] == "resolution":
            target = corpus.resolution(c.target[1])
            if target is None or not target.title or normal_title(target.title) == cited:
                continue
            other = titled.get(cited)
            also = f"; that is the title of {_label(other)}" if other else ""
            yield DataNote(
                path,
                line,
                f"resolution {c.span.key} is cited with a title that is not its own{also}",
                (_cited_as(c, corpus), f"{target.source}: {_label(target)} is entitled “{target.title}”"),
                "title-mismatch",
            )
            continue
        other = titled.get(cited)
        if other is not None:
            yield DataNote(
                path,
                line,
                f"resolution {c.span.key} is cited with the title of {_label(other)}; "
                f"{c.span.key} is not in the corpus, so the number or the title is wrong",
                (_cited_as(c, corpus), f"{other.source}: {_label(other)} is entitled “{other.title}”"),
                "title-mismatch",
            )


def _footnote_after(corpus: Corpus, c: Citation) -> Footnote | None:
    """The footnote whose mark follows the cited name (allowing a comma between)."""
    for r in corpus.resolutions():
        if r.id != c.place.owner_id:
            continue
        para = r.paragraph(c.place.paragraph_id)
        if para is None:
            return None
        for mark in para.footnotes:
            if c.span.end <= mark.offset <= c.span.end + 2:
                return next((f for f in r.footnotes if f.number == mark.number), None)
    return None


def _treaty_refs(footnote: Footnote, registry: Registry) -> list[str]:
    return [s.key for s in extract_references(footnote.text, registry) if s.kind == "instrument" and s.key]


def check_instruments(corpus: Corpus, links: Links, registry: Registry) -> Iterator[DataNote]:
    for c in links.citations:
        if c.span.kind != "instrument" or c.place.footnote is not None:
            continue
        instrument = registry.get(c.span.key)
        if instrument is None:
            continue
        path, line = _where(c, corpus)
        footnote = _footnote_after(corpus, c)
        cited = _treaty_refs(footnote, registry) if footnote else []
        fn_evidence = (
            (f"{footnote.source}: footnote {footnote.number} cites “{footnote.text}”",) if footnote else ()
        )
        if c.span.year is not None and instrument.year is not None and c.span.year != instrument.year:
            series = "; ".join(str(t) for t in instrument.treaty_series)
            yield DataNote(
                path,
                line,
                f"“{c.span.raw}” names the year {c.span.year}, "
                f"but {instrument.name} dates from {instrument.year}",
                (
                    f"{path}:{line}: {c.place.owner_id} {c.place.paragraph_id}: “{c.span.raw}”",
                    *fn_evidence,
                    f"{registry.path}:{instrument.line}: {instrument.name}"
                    + (f" is {series}" if series else ""),
                ),
                "instrument-year",
            )
        others = [k for k in cited if k != instrument.id and registry.get(k) is not None]
        if footnote is not None and others and instrument.id not in cited:
            names = ", ".join(i.name for k in others if (i := registry.get(k)) is not None)
            yield DataNote(
                path,
                line,
                f"“{c.span.raw}” carries footnote {footnote.number}, which cites another instrument: {names}",
                (f"{path}:{line}: “{c.span.raw}”", *fn_evidence),
                "instrument-footnote",
            )


def _number_printed(r: Resolution, corpus: Corpus) -> bool:
    """Whether the lines above the resolution's first paragraph print its number (true if unknown)."""
    every_line = corpus.source_lines(r.source.path)
    if not every_line:
        return True
    paragraphs = r.paragraphs()
    last = paragraphs[0].source.first_line - 1 if paragraphs else r.source.last_line
    lines = every_line[r.source.first_line - 1 : max(last, r.source.first_line - 1)]
    number = r.number if r.session is None else f"{r.session}/{r.number}"
    pattern = re.compile(rf"(?<![\d/]){re.escape(number)}(?![\d/])")
    return any(pattern.search(line) for line in lines)


def check_unprinted_numbers(corpus: Corpus, links: Links, registry: Registry) -> Iterator[DataNote]:
    for r in corpus.resolutions():
        if _number_printed(r, corpus):
            continue
        cites = [c for c in links.citations if c.target is not None and c.target[:2] == ("resolution", r.id)]
        cites = [c for c in cites if c.place.owner_id != r.id]
        by_title = [
            c
            for c in cites
            if c.span.cited_title and r.title and normal_title(c.span.cited_title) == normal_title(r.title)
        ]
        evidence = [f"{r.source}: the text of {r.id} prints no resolution number above its first paragraph"]
        if by_title:
            evidence += [f"{_cited_as(c, corpus)} -- this text's title" for c in by_title]
            how = (
                "through the catalog and through "
                + ", ".join(sorted({c.place.owner_id for c in by_title}))
                + "'s citation of it by title"
            )
        elif cites:
            evidence += [_cited_as(c, corpus) for c in cites]
            how = "through the catalog; citations of that number do not quote its title"
        else:
            how = "through the catalog; no text of the corpus cites it"
        yield DataNote(
            r.source.path,
            r.source.first_line,
            f"{r.id} is identified as {_label(r)} only {how}",
            tuple(evidence),
            "unprinted-number",
        )


def check_dates(corpus: Corpus, links: Links, registry: Registry) -> Iterator[DataNote]:
    for c in links.citations:
        if c.target is None or c.target[0] != "resolution" or not c.span.cited_date:
            continue
        target = corpus.resolution(c.target[1])
        if target is None or not target.date or c.span.cited_date.startswith(target.date):
            continue
        path, line = _where(c, corpus)
        yield DataNote(
            path,
            line,
            f"resolution {c.span.key} is cited as adopted on {c.span.cited_date}, "
            f"but {target.id} is dated {target.date}",
            (_cited_as(c, corpus), f"{target.source}: {target.id} date {target.date}"),
            "date-mismatch",
        )


def check_paragraphs(corpus: Corpus, links: Links, registry: Registry) -> Iterator[DataNote]:
    for c in links.citations:
        if c.span.kind == "paragraph" and c.target is None and corpus.resolution(c.place.owner_id):
            path, line = _where(c, corpus)
            yield DataNote(
                path,
                line,
                f"paragraph {c.span.key} is cited, "
                f"but {c.place.owner_id} has no operative paragraph {c.span.key}",
                (f"{path}:{line}: {c.place.owner_id} {c.place.paragraph_id}",),
                "missing-paragraph",
            )


FORMS_OF_BODY = {
    "ecosoc": frozenset({"ecosoc"}),
    "sc": frozenset({"sc", "bare"}),
    "ga": frozenset({"session", "special", "roman"}),
}
"""The number forms each body's resolutions take (ECOSOC has numbered by year since 1978)."""


def check_number_forms(corpus: Corpus, links: Links, registry: Registry) -> Iterator[DataNote]:
    for c in links.citations:
        number = c.span.number
        forms = FORMS_OF_BODY.get(c.body or "")
        if number is None or forms is None or number.form in forms or c.span.kind != "resolution":
            continue
        path, line = _where(c, corpus)
        yield DataNote(
            path,
            line,
            f"resolution {c.span.key} is attributed to the {BODY_TITLES.get(c.body or '', c.body)}, "
            f"whose resolutions are not numbered like that",
            (_cited_as(c, corpus),),
            "number-form",
        )


def check_ibid(corpus: Corpus, links: Links, registry: Registry) -> Iterator[DataNote]:
    for document in corpus.documents:
        footnotes = [f for r in document.resolutions for f in r.footnotes]
        if document.report is not None:
            footnotes += list(document.report.footnotes)
        if not footnotes:
            continue
        first = min(footnotes, key=lambda f: f.source.first_line)
        if re.match(r"\W*Ibid\b", first.text):
            yield DataNote(
                first.source.path,
                first.source.first_line,
                f"footnote {first.number}, the first of the file, says “Ibid.”: "
                "the citation it repeats is not in this file (the text is an excerpt)",
                (f"{first.source}: footnote {first.number}: “{first.text}”",),
                "ibid-without-antecedent",
            )


_EVIDENCE_WIDTH = 160


def _evidence(path: str, number: int, line: str) -> str:
    shown = show_invisible(line.strip())
    if len(shown) > _EVIDENCE_WIDTH:
        shown = shown[:_EVIDENCE_WIDTH] + "…"
    return f"{path}:{number}: {shown}"


def check_invisible(corpus: Corpus, links: Links, registry: Registry) -> Iterator[DataNote]:
    for document in corpus.documents:
        for number, line in enumerate(document.source_lines, start=1):
            if line.isascii() and line.isprintable():
                continue
            found = invisible_characters(line)
            if found:
                one = len(found) == 1
                names = ", ".join(describe(c) for c in found)
                marks = ", ".join(MARK.format(ord(c)) for c in found)
                yield DataNote(
                    document.path,
                    number,
                    f"invisible character{'' if one else 's'} {names} in the text: the pages show "
                    f"{'it' if one else 'them'} as {marks} and never apply {'it' if one else 'them'}",
                    (_evidence(document.path, number, line),),
                    "invisible-character",
                )
            reserved = [c for c in (MARK_OPEN, MARK_CLOSE) if c in line]
            if reserved:
                one = len(reserved) == 1
                names = " and ".join(f"U+{ord(c):04X}" for c in reserved)
                marks = " and ".join(MARK.format(ord(c)) for c in reserved)
                yield DataNote(
                    document.path,
                    number,
                    f"private-use character{'' if one else 's'} {names} in the text "
                    f"{'is' if one else 'are'} the parser's own for footnote marks: the pages show "
                    f"{'it' if one else 'them'} as {marks}, never as a footnote mark",
                    (_evidence(document.path, number, line.translate(RESERVED)),),
                    "reserved-character",
                )


Check = Callable[[Corpus, Links, Registry], Iterator[DataNote]]
CHECKS: tuple[Check, ...] = (
    check_titles,
    check_instruments,
    check_unprinted_numbers,
    check_dates,
    check_paragraphs,
    check_number_forms,
    check_ibid,
    check_invisible,
)


def check_corpus(corpus: Corpus, links: Links, registry: Registry) -> tuple[DataNote, ...]:
    """Every data note, sorted by file, line and check; duplicates removed."""
    notes = {note for check in CHECKS for note in check(corpus, links, registry)}
    return tuple(sorted(notes, key=lambda n: (n.path, n.line, n.code, n.message)))
