"""Layout: separating the document's own text from what the page put around it.

Small recognisers run in order over the normalised lines (see :func:`analyse_layout`):

1. ``front_matter``   — a YAML block between ``---`` lines at the top of a Markdown file;
2. ``markdown_notes`` — ``[^n]: text`` footnote definitions with indented continuation lines;
3. ``pdf_note_zones`` — a ``____`` rule opens a pdftotext footnote zone that runs to the page break;
   its entries and their detached numbers are paired up, page furniture inside is skipped;
4. ``marked_notes``   — a line that starts with a footnote mark (``¹³ Ibid.``, ``<sup>68</sup> Ibid.``)
   is a footnote, with the lines that continue it;
5. ``numbered_notes`` — in double-spaced PDF text, a line after a paragraph break that starts with the
   next expected footnote number (``1 https://...``) opens a footnote block;
   ``end_notes``      — the Security Council's yearbook layout prints its footnotes after the adoption
   line at the end of the text (``16 United Nations publication, Sales No. E.77.XIV.2``): each opens
   with a number greater than the last one's that the text before marks as a bare number;
   ``loose_notes``    — and, in a text with no other sign of its footnotes (no form feed, rule or
   ``[^n]:``), a block of its own that opens with a bare number and a capitalised word that is no
   paragraph's lead ("18 Resolutions or decisions on this question ...") is a footnote: paragraph
   numbers carry a period;
6. ``title_heads``    — the title printed again at the top of a page (alone, after the page's symbol
   line, equal to the title as the front matter or the heading ``77/5. <title>`` gives it, or to its
   first words);
7. ``furniture``      — running heads, job numbers, barcodes, page counters, Markdown rules and
   link annotations that repeat a footnote's URL.

What is left is the content, in order, with its blank lines. Nothing is dropped: every line ends up
in the content, in a footnote, or in ``skipped`` with the reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.ingest.grammar import (
    ADOPTION_START,
    GA_HEADING,
    MEETING_CONTINUED,
    MONTH,
    MONTHS,
    opens_operative_paragraph,
    opens_preambular_paragraph,
)
from generator.ingest.normalise import MARK_CLOSE, MARK_OPEN, Line
from generator.model import SkippedLine

_FURNITURE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\d{2}-\d{5}X?(?: \([A-Z]\))?$"), "job number"),
    (re.compile(r"^\d{6}$"), "print date code"),
    (re.compile(r"^\*\d{6,}\*$"), "barcode"),
    (re.compile(r"^(?:\d{1,3}/\d{1,3}|Page \d{1,3}(?: of \d{1,3})?)$"), "page counter"),
    (re.compile(r"^[AES]/(?:RES/)?[\w.]+(?:/[\w.-]+)*(?: \(\d{4}\))?$"), "document symbol running head"),
    (re.compile(r"^Please recycle.*$"), "recycling notice"),
)
_ANYWHERE = ("job number", "print date code", "barcode", "page counter")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_PDF_NOTE_RULE = re.compile(r"^_{5,}$")
_LONE_NUMBER = re.compile(r"^\d{1,3}$")
_PARAGRAPH_NUMBER = re.compile(r"^(?:\d{1,3}\.\s+\S|\([a-z]{1,2}\)\s)")
_NUMBERED_ENTRY = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_MARKED_ENTRY = re.compile(f"^{MARK_OPEN}(\\d+){MARK_CLOSE}\\s*(.*)$")
_MD_NOTE = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
_URL_ONLY = re.compile(r"^https?://\S+$")
_SENTENCE_END = re.compile(r"[.;:!?)\]”\"']$")
_NEAR_PAGE_BREAK = 6


@dataclass(slots=True)
class NoteEntry:
    """A footnote as the layout found it: its number and its text lines."""

    number: str
    lines: list[tuple[int, str]]
    explicit: bool = True
    """False when the number was paired from a detached number line rather than printed with the text."""

    @property
    def line(self) -> int:
        return self.lines[0][0]


@dataclass(slots=True)
class Layout:
    content: list[Line]
    notes: list[NoteEntry] = field(default_factory=list)
    skipped: list[SkippedLine] = field(default_factory=list)
    front_matter: list[tuple[str, str]] = field(default_factory=list)
    double_spaced: bool = False
    warnings: list[tuple[int, str]] = field(default_factory=list)


def is_double_spaced(lines: list[Line]) -> bool:
    """True for PDF extractions that put an empty line after every printed line (002).

    Such a text wraps lines mid-sentence, so most lines that an empty line follows end without
    punctuation; a text with one paragraph per line ends them with punctuation.
    """
    followed = [
        lines[i].text
        for i in range(len(lines) - 1)
        if lines[i].text and lines[i + 1].blank and not lines[i + 1].spaces_only
    ]
    texts = sum(1 for line in lines if line.text)
    if len(followed) < 10 or len(followed) < 0.8 * texts:
        return False  # double spacing puts a blank line after (nearly) every printed line
    unfinished = sum(1 for text in followed if not _SENTENCE_END.search(text))
    return unfinished / len(followed) > 0.5 and any(line.spaces_only for line in lines)


def _front_matter(lines: list[Line], layout: Layout, used: set[int]) -> None:
    first = next((i for i, line in enumerate(lines) if not line.blank), None)
    if first is None or lines[first].text != "---":
        return
    end = next((i for i in range(first + 1, len(lines)) if lines[i].text == "---"), None)
    if end is None:
        return
    for i in range(first, end + 1):
        used.add(i)
        layout.skipped.append(SkippedLine(lines[i].number, lines[i].text, "front matter"))
        key, sep, value = lines[i].text.partition(":")
        if sep and i not in (first, end):
            layout.front_matter.append((key.strip(), value.strip().strip('"')))


def _collect_notes(
    lines: list[Line],
    layout: Layout,
    used: set[int],
    opens: re.Pattern[str],
    continues: Callable[[Line], bool],
) -> None:
    """Footnotes that start at a line matching ``opens`` (groups: number, text) and run on over the
    following non-blank lines for which ``continues`` holds."""
    i = 0
    while i < len(lines):
        match = opens.match(lines[i].text)
        if not match or i in used:
            i += 1
            continue
        entry = NoteEntry(match.group(1), [(lines[i].number, match.group(2))])
        used.add(i)
        j = i + 1
        while j < len(lines) and lines[j].text and j not in used and continues(lines[j]):
            entry.lines.append((lines[j].number, lines[j].text))
            used.add(j)
            j += 1
        layout.notes.append(entry)
        i = j


def _markdown_notes(lines: list[Line], layout: Layout, used: set[int]) -> None:
    """``[^n]: text`` with continuation lines indented."""
    _collect_notes(lines, layout, used, _MD_NOTE, lambda line: line.indent >= 2)


def _marked_notes(lines: list[Line], layout: Layout, used: set[int]) -> None:
    """A line that starts with a footnote mark, and the lines that continue it."""
    _collect_notes(lines, layout, used, _MARKED_ENTRY, lambda line: not _MARKED_ENTRY.match(line.text))


def _classify_furniture(text: str) -> str | None:
    for pattern, reason in _FURNITURE_PATTERNS:
        if pattern.match(text):
            return reason
    return None


def _page_break_indices(lines: list[Line]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.page_break]


def _raw_page_breaks(lines: list[Line]) -> list[int]:
    """Page breaks of raw PDF text without form feeds: where blank lines inside a page hold spaces
    (PyMuPDF keeps a space on them) and a truly empty line stands only between pages."""
    empty = [i for i, line in enumerate(lines) if line.blank and not line.spaces_only]
    spaced = sum(1 for line in lines if line.spaces_only)
    if not empty or spaced < 4 * len(empty):
        return []
    return [i + 1 for i in empty if i + 1 < len(lines)]


def _running_heads(lines: list[Line], breaks: list[int]) -> set[str]:
    """Lines printed again and again at the top of pages: running titles and heads."""
    counts: Counter[str] = Counter()
    for b in breaks:
        seen: set[str] = set()
        i, found = b, 0
        while i < len(lines) and found < _NEAR_PAGE_BREAK:
            text = lines[i].text
            if text and text not in seen:
                seen.add(text)
                counts[text] += 1
                found += 1
            i += 1
    return {text for text, n in counts.items() if n >= 2 and len(text) < 160}


def _near_breaks(lines: list[Line], breaks: list[int]) -> set[int]:
    """Indices of the lines within a few non-blank lines before or after a page break."""
    near: set[int] = set()
    for b in breaks:
        for step in (1, -1):
            seen = 0
            i = b if step == 1 else b - 1
            while 0 <= i < len(lines) and seen <= _NEAR_PAGE_BREAK:
                near.add(i)
                if lines[i].text:
                    seen += 1
                i += step
    return near


_PAGE_SHAPES = ("job number", "page counter", "barcode", "print date code")
_PAGE_WINDOW = 4


def _page_furniture_by_shape(lines: list[Line], layout: Layout, used: set[int]) -> None:
    """Page furniture in text with no form feeds (raw PDF text): job numbers, page counters, barcodes
    anywhere, and a document symbol line that stands within a few lines of one of them (a page's head
    or foot: "A/RES/80/1" / title / "25-15106" / "2/2")."""
    shapes = {
        i: _classify_furniture(line.text) for i, line in enumerate(lines) if i not in used and line.text
    }
    anchors = [i for i, reason in shapes.items() if reason in _PAGE_SHAPES]
    for i, reason in shapes.items():
        if reason is None:
            continue
        near = any(abs(i - a) <= _PAGE_WINDOW * 2 for a in anchors)
        if reason in _PAGE_SHAPES or (reason == "document symbol running head" and near):
            used.add(i)
            layout.skipped.append(SkippedLine(lines[i].number, lines[i].text, reason))


def _zone_end(lines: list[Line], used: set[int], breaks: list[int], start: int) -> int:
    """Where a footnote zone that opens at ``start`` ends: at the page break, or, in text without form
    feeds, at the next page's furniture."""
    if breaks:
        return next((b for b in breaks if b > start), len(lines))
    return next((j for j in range(start + 1, len(lines)) if j in used), len(lines))


def _opens_notes(lines: list[Line], used: set[int], start: int, end: int, paged: bool) -> bool:
    """Does the first line after a rule open footnotes? Never a numbered paragraph ("2. Calls for") or a
    lower-case line; in a text without pages, only a number (alone or before a text) or a mark."""
    first = next((lines[j].text for j in range(start, end) if j not in used and lines[j].text), "")
    if not first or _PARAGRAPH_NUMBER.match(first) or first[0].islower():
        return False
    if paged:
        return True
    numbered = _NUMBERED_ENTRY.match(first)
    return bool(
        _LONE_NUMBER.match(first)
        or (numbered and not numbered.group(2)[0].islower())
        or _MARKED_ENTRY.match(first)
    )


def _pdf_note_zones(lines: list[Line], layout: Layout, used: set[int], breaks: list[int]) -> None:
    i = 0
    while i < len(lines):
        if not _PDF_NOTE_RULE.match(lines[i].text) or i in used:
            i += 1
            continue
        end = _zone_end(lines, used, breaks, i)
        if not _opens_notes(lines, used, i + 1, end, paged=bool(breaks)):
            i += 1  # a rule not followed by notes is a plain rule (furniture)
            continue
        used.add(i)
        layout.skipped.append(SkippedLine(lines[i].number, lines[i].text, "footnote rule"))
        numbers: list[int] = []
        detached: list[Line] = []
        entries: list[NoteEntry] = []
        for j in range(i + 1, end):
            line = lines[j]
            if j in used:
                continue
            used.add(j)
            if line.blank:
                continue
            reason = _classify_furniture(line.text)
            if reason == "document symbol running head":
                reason = None
            if reason:
                layout.skipped.append(SkippedLine(line.number, line.text, reason))
                continue
            if _LONE_NUMBER.match(line.text):
                numbers.append(int(line.text))
                detached.append(line)
                continue
            numbered = _NUMBERED_ENTRY.match(line.text)
            starts_entry = not entries or _SENTENCE_END.search(entries[-1].lines[-1][1]) is not None
            if numbered and starts_entry and not numbered.group(2)[0].islower():
                numbers.append(int(numbered.group(1)))
                entries.append(NoteEntry(numbered.group(1), [(line.number, numbered.group(2))]))
            elif entries and not (starts_entry and not line.text[0].islower()):
                entries[-1].lines.append((line.number, line.text))
            elif not entries and line.text[0].islower() and layout.notes:
                layout.notes[-1].lines.append((line.number, line.text))  # a note continued from a page before
            else:
                entries.append(NoteEntry("", [(line.number, line.text)], explicit=False))
        _pair_numbers(entries, numbers, layout)
        leftover = sorted(numbers)[len(entries) :]
        for line in detached:
            if int(line.text) in leftover:
                leftover.remove(int(line.text))
                layout.skipped.append(
                    SkippedLine(line.number, line.text, "detached footnote number with no text")
                )
        layout.notes.extend(entries)
        i = end


def _pair_numbers(entries: list[NoteEntry], numbers: list[int], layout: Layout) -> None:
    """Entries of a zone are printed in number order: give them the zone's numbers, sorted."""
    ordered = sorted(numbers)
    if len(ordered) != len(entries):
        line = entries[0].line if entries else 0
        layout.warnings.append(
            (line, f"footnote zone has {len(entries)} footnote texts but {len(ordered)} footnote numbers")
        )
    for k, entry in enumerate(entries):
        number = str(ordered[k]) if k < len(ordered) else ""
        if entry.explicit and entry.number != number:
            layout.warnings.append(
                (entry.line, f"footnote printed as {entry.number} stands where {number or '?'} is expected")
            )
            continue
        entry.number = number


def _numbered_notes(lines: list[Line], layout: Layout, used: set[int]) -> None:
    """Footnote blocks of double-spaced PDF text: ``N text`` lines after a paragraph break."""
    expected = 1
    i = 0
    while i < len(lines):
        match = _NUMBERED_ENTRY.match(lines[i].text)
        after_break = i > 0 and (lines[i - 1].spaces_only or (i - 1) in used)
        if i in used or not match or int(match.group(1)) != expected or not after_break:
            i += 1
            continue
        j = i
        while j < len(lines):
            match = _NUMBERED_ENTRY.match(lines[j].text)
            if match and int(match.group(1)) == expected and j not in used:
                layout.notes.append(NoteEntry(match.group(1), [(lines[j].number, match.group(2))]))
                expected += 1
            elif lines[j].text and lines[j].indent == 0 and not _URL_ONLY.match(lines[j].text):
                layout.notes[-1].lines.append((lines[j].number, lines[j].text))
            elif lines[j].text or lines[j].spaces_only:
                break
            used.add(j)
            j += 1
        i = j


_DATE_ONLY = re.compile(rf"^\*?\d{{1,2}} {MONTH} \d{{4}}\b")
"""A line that opens with a date ("12 March 2010*", under an adoption line) is no footnote."""


def _next_text(lines: list[Line], i: int) -> str:
    return next((line.text for line in lines[i:] if line.text), "")


_END_NOTE = re.compile(r"^(?P<number>\d{1,3})(?P<period>\.?)\s+(?P<text>\S.*)$")
"""A footnote printed at the end: "16 United Nations publication ..." (OCR may add a period: "5. Ibid.")."""


def _end_notes(lines: list[Line], layout: Layout, used: set[int]) -> None:
    """Footnotes printed after the adoption line at the end of a text (see the module docstring)."""
    starts = [i for i, line in enumerate(lines) if i not in used and ADOPTION_START.match(line.text)]
    if not starts:
        return
    block_end = next((j for j in range(starts[-1], len(lines)) if not lines[j].text), len(lines))
    before = " ".join(lines[j].text for j in range(block_end) if j not in used)
    marked = set(re.findall(r"(?<![\d/.-])(\d{1,3})(?![\d/])", before))  # the adoption line's marks too
    i = starts[-1] + 1
    while i < len(lines) and (lines[i].text or MEETING_CONTINUED.match(_next_text(lines, i))):
        note = _END_NOTE.match(lines[i].text)
        if (
            note
            and note.group("number") in marked
            and note.group("text")[0].isupper()
            and not _DATE_ONLY.match(lines[i].text)
        ):
            break  # a note printed right under the adoption line, with no blank line between
        i += 1
    rest = [j for j in range(i, len(lines)) if j not in used and lines[j].text]
    first = _END_NOTE.match(lines[rest[0]].text) if rest else None
    if first is None or _DATE_ONLY.match(lines[rest[0]].text):
        return
    if first.group("period") and first.group("number") not in marked:
        return  # "1. ..." after the adoption line is a paragraph, unless the text marks note 1
    last = 0
    entries: list[NoteEntry] = []
    for j in rest:
        match = _END_NOTE.match(lines[j].text)
        number = int(match.group("number")) if match else 0
        if match and match.group("period") and str(number) not in marked and number != last + 1:
            match = None  # "47. S/20758." after note 46 goes on the sequence
        if match and number > last and (str(number) in marked or not entries or number == last + 1):
            entries.append(NoteEntry(match.group("number"), [(lines[j].number, match.group("text"))]))
            last = number
        elif entries:
            entries[-1].lines.append((lines[j].number, lines[j].text))
        else:
            return
    for j in range(i, len(lines)):
        if j not in used and lines[j].text:
            used.add(j)
    layout.notes.extend(entries)


_TITLE_WORD = re.compile(r"[^\W_]+")
_MAX_HEAD_LINES = 8


def _title_words(text: str) -> list[str]:
    return [w.lower() for w in _TITLE_WORD.findall(text)]


def _printed_title(lines: list[Line], used: set[int]) -> tuple[list[str], int]:
    """The title as the heading ``77/5. <title>`` prints it (with its wrapped lines), and the index of
    the line after it; ([], 0) when there is none."""
    for i, line in enumerate(lines):
        match = GA_HEADING.match(line.text.strip("*# "))
        if i in used or not match:
            continue
        parts = [match.group("title") or ""]
        j = i + 1
        while j < len(lines) and (lines[j].text or not "".join(parts)) and j - i <= _MAX_HEAD_LINES:
            if lines[j].text.startswith(("The ", "*The ")):
                break
            parts.append(lines[j].text)
            j += 1
        return _title_words(" ".join(parts)), j
    return [], 0


def _stands_alone(lines: list[Line], used: set[int], breaks: set[int], start: int, end: int) -> bool:
    """Do lines ``start:end`` stand alone: a blank line or a page break on each side, furniture aside?"""
    before = start - 1
    while before >= 0 and before in used and before not in breaks:
        before -= 1
    after = end
    while after < len(lines) and after in used:
        after += 1
    page_top = any(before <= b <= start for b in breaks)
    return (before < 0 or lines[before].blank or page_top) and (
        after >= len(lines) or lines[after].blank or after in breaks
    )


def _title_heads(lines: list[Line], layout: Layout, used: set[int], breaks: list[int]) -> None:
    """The title printed again as a page head (see the module docstring)."""
    front = dict(layout.front_matter).get("title", "")
    printed, after_title = _printed_title(lines, used)
    titles = [t for t in (_title_words(front), printed) if len(t) >= 2]
    if not titles:
        return
    page_breaks = set(breaks)
    i = after_title
    while i < len(lines):
        if i in used or lines[i].blank:
            i += 1
            continue
        found = 0
        words: list[str] = []
        for k in range(i, min(i + _MAX_HEAD_LINES, len(lines))):
            if k in used or lines[k].blank:
                break
            words += _title_words(lines[k].text)
            complete = any(words == t for t in titles)
            prefix = len(words) >= 2 and any(t[: len(words)] == words and len(t) > len(words) for t in titles)
            if (complete or prefix) and _stands_alone(lines, used, page_breaks, i, k + 1):
                found = k + 1
            if not (complete or prefix):
                break
        if found:
            for k in range(i, found):
                used.add(k)
                layout.skipped.append(SkippedLine(lines[k].number, lines[k].text, "running head (the title)"))
            i = found
        else:
            i += 1


_LOOSE_NOTE = re.compile(r"^(?P<number>\d{1,3}) (?P<text>[A-Z“\"][^\s,.;:]*.*)$")


def _loose_notes(lines: list[Line], layout: Layout, used: set[int]) -> None:
    """Footnotes printed between paragraphs as blocks of their own (see the module docstring)."""
    i = 0
    while i < len(lines):
        match = _LOOSE_NOTE.match(lines[i].text)
        after_break = i == 0 or lines[i - 1].blank or (i - 1) in used
        first = match.group("text").split()[0].strip('“"') if match else ""
        if (
            i in used
            or not match
            or not after_break
            or first in MONTHS
            or opens_operative_paragraph(match.group("text"))
            or opens_preambular_paragraph(match.group("text"))
        ):
            i += 1
            continue
        entry = NoteEntry(match.group("number"), [(lines[i].number, match.group("text"))])
        used.add(i)
        j = i + 1
        while j < len(lines) and lines[j].text and j not in used and not _LOOSE_NOTE.match(lines[j].text):
            entry.lines.append((lines[j].number, lines[j].text))
            used.add(j)
            j += 1
        layout.notes.append(entry)
        i = j


def _furniture(lines: list[Line], layout: Layout, used: set[int], heads: set[str], breaks: list[int]) -> None:
    near = _near_breaks(lines, breaks)
    note_urls = {text for entry in layout.notes for _, text in entry.lines for text in text.split()}
    joined_urls = {"".join(t for _, t in entry.lines).replace(" ", "") for entry in layout.notes}
    for i, line in enumerate(lines):
        if i in used or line.blank:
            continue
        reason = None
        if _RULE.match(line.text):
            reason = "rule"
        elif _URL_ONLY.match(line.text) and (
            line.text in note_urls or any(line.text in url for url in joined_urls)
        ):
            reason = "link annotation repeating a footnote URL"
        elif _classify_furniture(line.text) in _ANYWHERE:
            reason = _classify_furniture(line.text)
        elif i in near:
            reason = _classify_furniture(line.text) or ("running head" if line.text in heads else None)
        elif i < 3 and _classify_furniture(line.text) == "document symbol running head":
            reason = "document symbol running head"
        if reason:
            used.add(i)
            layout.skipped.append(SkippedLine(line.number, line.text, reason))


def analyse_layout(lines: list[Line]) -> Layout:
    """Run the layout recognisers in order; see the module docstring."""
    layout = Layout(content=[], double_spaced=is_double_spaced(lines))
    used: set[int] = set()
    breaks = _page_break_indices(lines)
    if not breaks and not layout.double_spaced:
        breaks = _raw_page_breaks(lines)
    heads = _running_heads(lines, breaks)
    _front_matter(lines, layout, used)
    if not breaks:
        _page_furniture_by_shape(lines, layout, used)
    _markdown_notes(lines, layout, used)
    _pdf_note_zones(lines, layout, used, breaks)
    _marked_notes(lines, layout, used)
    if layout.double_spaced:
        _numbered_notes(lines, layout, used)
    other_notes = bool(layout.notes) or any(_PDF_NOTE_RULE.match(line.text) for line in lines)
    _end_notes(lines, layout, used)
    if not breaks and not other_notes:
        _loose_notes(lines, layout, used)
    _furniture(lines, layout, used, heads, breaks)
    _title_heads(lines, layout, used, breaks)
    layout.content = [line for i, line in enumerate(lines) if i not in used]
    layout.skipped.sort(key=lambda s: s.line)
    return layout
