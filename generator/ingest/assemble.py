"""Assembly: draft resolutions -> model resolutions, with ids, lead phrases, marks and footnotes.

Footnote marks printed as bare digits (Markdown extractions: ``outcome,3``, ``of 20242`` = 2024 and
mark 2, ``Parties, 8and``; pdftotext: ``Aspects, 1``; the Security Council's yearbook: ``Congo,28 29``,
``S/10182 11``; double-spaced PDF text: ``corridors7``) are told apart from numbers (``350 illegal
weapons``, ``target 3.4``, ``C-24/DEC.4``, ``resolution 242 (1967)``) by sequence: only footnote numbers
still waiting for their marks, near the front of the queue, standing where a mark stands (after a word,
a punctuation mark, a year, a document symbol or another mark; not after "No.", "vol." or "resolution").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from generator.ingest import grammar
from generator.ingest.blocks import join_lines
from generator.ingest.inline import InlineParser, InlineText
from generator.ingest.layout import NoteEntry
from generator.ingest.normalise import MARK_PATTERN, mark
from generator.ingest.repair import SplitWordRepairer
from generator.ingest.structure import DraftParagraph, DraftResolution
from generator.model import Annex, Diagnostic, Footnote, FootnoteRef, Paragraph, Repair, SourceSpan

_NOT_A_MARK_BEFORE = {
    "no",
    "nos",
    "vol",
    "vols",
    "para",
    "paras",
    "paragraph",
    "paragraphs",
    "resolution",
    "resolutions",
    "decision",
    "decisions",
    "article",
    "articles",
    "chapter",
    "chap",
    "goal",
    "goals",
    "annex",
    "item",
    "session",
    "page",
    "pages",
    "rule",
    "rules",
    "part",
    "sect",
    "section",
    "corr",
    "add",
    "rev",
    "protocol",
    "target",
    "targets",
    "principle",
    "principles",
    "step",
    "phase",
    "level",
    "meeting",
    "meetings",
}
_PREPOSITIONS = {
    "on",
    "of",
    "in",
    "at",
    "by",
    "to",
    "from",
    "and",
    "or",
    "for",
    "with",
    "than",
    "between",
    "some",
    "all",
    "the",
    "a",
    "an",
    "about",
    "over",
    "under",
    "per",
    "nearly",
    "almost",
    "least",
    "most",
    "only",
}
_URL = re.compile(r"https?://[^\s<>\"”]+")


_LOOKAHEAD = 3
"""How far out of order marks may stand, and how many waiting numbers a claim may leave behind: a mark
the extraction lost must not block the rest."""
_WINDOW = 2 * _LOOKAHEAD


@dataclass(slots=True)
class MarkQueue:
    """Footnote numbers whose marks are printed as bare digits, waiting in reading order."""

    numbers: list[str]
    position: int = 0
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)

    def _pattern(self, number: str) -> re.Pattern[str]:
        if number not in self.patterns:
            self.patterns[number] = _bare_mark_pattern(number)
        return self.patterns[number]

    def _take(self, index: int) -> None:
        self.claimed.add(index)
        self.position = max(self.position, index - _WINDOW + 1)  # older waiting numbers are lost
        while self.position in self.claimed:
            self.position += 1

    def claim(self, raw: str) -> str:
        """Replace the bare-digit marks of ``raw`` by mark tokens: the waiting numbers near the front
        of the queue, each at its first place in the text, in the order the text prints them."""
        start = 0
        while True:
            window = [
                k
                for k in range(self.position, min(self.position + _WINDOW, len(self.numbers)))
                if k not in self.claimed
            ]
            found = [
                (match, k)
                for k in window
                for match in [_find_bare_mark(raw, self._pattern(self.numbers[k]), start)]
                if match is not None
            ]
            if not found:
                return raw
            (begin, end), k = min(found)
            number = self.numbers[k]
            glued = raw[end : end + 1].isalpha()  # "Parties, 8and": the mark, then the word
            raw = raw[:begin] + mark(number) + (" " if glued else "") + raw[end:]
            start = begin + len(mark(number)) - 1  # the mark's end may stand before the next mark
            self._take(k)

    def claim_trailing(self, raw: str) -> str:
        """Replace the bare marks that end ``raw`` ("Adopted at the 2nd meeting. 22", "... meeting 25"):
        after an adoption statement, a waiting footnote number is a mark whatever word precedes it."""
        waiting = {  # the adoption line is the last place a mark can stand
            self.numbers[k]: k for k in range(self.position, len(self.numbers)) if k not in self.claimed
        }
        match = re.search(r"(?:(?<=[^\W\d_])|(?<=[.,;:)])|(?<=\d)(?=\s))\s?(?P<num>\d{1,3})$", raw)
        if match is None or match.group("num") not in waiting:
            return raw
        self._take(waiting[match.group("num")])
        return raw[: match.start()] + mark(match.group("num"))


def _bare_mark_pattern(number: str) -> re.Pattern[str]:
    return re.compile(
        r"(?P<pre>[^\W\d_]|[,.;:)\]”’\"\ue001]|\d(?=\s)|(?<=\b(?:19|20)\d)\d)"
        r"(?P<space>\s{0,2})(?P<num>" + number + r")(?P<after>(?=\s{2,}|\s*$)|(?=[\s,.;:)\]])|(?=[a-z]))"
    )


def _word_before(raw: str, end: int) -> str:
    """The letters that stand right before ``end``."""
    start = end
    while start > 0 and raw[start - 1].isalpha():
        start -= 1
    return raw[start:end]


_ABBREVIATIONS = frozenset(
    {"no", "nos", "para", "paras", "vol", "vols", "chap", "sect", "art", "p", "pp", "add", "rev", "corr"}
)
_REFERENCE_FOLLOWERS = frozenset({"of", "and", "or", "to", "above", "below", "in", "on", "at", "by", "bis"})


def _reads_as_mark_after_noun(word: str, following: str) -> bool:
    """ "resolutions 31 adopted": after a plural noun, a number followed by a lower-case word that does
    not continue a reference ("of", "and", "above") is a mark; "resolution 242 (1967)" is not."""
    next_word = following.split(maxsplit=1)[0] if following.strip() else ""
    return (
        word.endswith("s")
        and next_word.isalpha()
        and next_word.islower()
        and next_word not in _REFERENCE_FOLLOWERS
    )


def _ends_year_or_symbol(raw: str, last_digit: int) -> bool:
    """Does the digit at ``last_digit`` end a year or a symbol ("1990 3", "Add.1 1", "S/10182 11")?"""
    token = raw[: last_digit + 1].rsplit(maxsplit=1)[-1]
    return bool(re.search(r"(?:^|\D)\d{4}$", token)) or "/" in token or "." in token  # "2021–2026 3"


def _glued_to_year(raw: str, last_digit: int) -> bool:
    """Is the digit at ``last_digit`` the end of a year ("of 19881": 1988 and mark 1)?"""
    year = raw[last_digit - 3 : last_digit + 1]
    return bool(re.fullmatch(r"(?:19|20)\d\d", year)) and (
        last_digit < 4 or not raw[last_digit - 4].isdigit()
    )


def _bare_mark_candidates(raw: str, pattern: re.Pattern[str], start: int) -> Iterator[re.Match[str]]:
    """Every place the pattern matches, overlapping ones too ("Add.1 1": the first "1" is no mark)."""
    number = pattern.pattern.split("(?P<num>", 1)[1].split(")", 1)[0]
    if number not in raw[start:]:
        return
    position = start
    while (match := pattern.search(raw, position)) is not None:
        yield match
        position = match.start("num")


def _find_bare_mark(raw: str, pattern: re.Pattern[str], start: int) -> tuple[int, int] | None:
    for match in _bare_mark_candidates(raw, pattern, start):
        pre = match.group("pre")
        word = (_word_before(raw, match.start("pre")) + (pre if pre.isalpha() else "")).lower()
        following = raw[match.end("num") :]
        spaced = bool(match.group("space"))
        if pre == "." and word in _ABBREVIATIONS:
            continue  # "No. 4", "para. 3"; after a sentence's period ("meeting.11") a number is a mark
        if pre.isalpha() and word in _NOT_A_MARK_BEFORE and not _reads_as_mark_after_noun(word, following):
            continue
        before_pre = raw[match.start("pre") - 1 : match.start("pre")]
        if pre == "." and not spaced and (before_pre.isdigit() or before_pre.isupper()):
            continue  # "target 3.4", "C-24/DEC.4": the digit belongs to a number or a symbol
        if pre.isdigit() and not spaced and not _glued_to_year(raw, match.start("pre")):
            continue
        if pre.isdigit() and spaced and not _ends_year_or_symbol(raw, match.start("pre")):
            continue  # "20 127": two numbers
        if following[:1].isalpha() and not (spaced or pre in ",;"):
            continue  # a digit glued to the next word ("Parties, 8and") is a mark after a space or comma
        if spaced and pre.isalpha():
            next_word = following.split(maxsplit=1)[0].strip(",.;:") if following.strip() else ""
            if word in _PREPOSITIONS or next_word in grammar.MONTHS:
                continue
        if following[:1].isdigit():
            continue
        return match.start("space"), match.end("num")
    return None


@dataclass(slots=True)
class Assembler:
    """Turns drafts into model objects for one file."""

    path: str
    lines: dict[int, str]
    queue: MarkQueue
    repairer: SplitWordRepairer
    inline: InlineParser = field(default_factory=InlineParser)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def warn(self, line: int, message: str, code: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, message, code))

    def _inline(self, raw: str, first_line: int, last_line: int) -> InlineText:
        span = [(n, self.lines.get(n, "")) for n in range(first_line, last_line + 1)]
        return self.inline.parse(self.repairer.repair(self.queue.claim(raw), span))

    def _mark_line(self, number: str, first: int, last: int) -> int:
        token = mark(number)
        for n in range(first, last + 1):
            text = self.lines.get(n, "")
            if token in text or re.search(rf"(?<!\d){number}(?!\d)", text):
                return n
        return first

    def paragraph(self, draft: DraftParagraph, pid: str, kind: str) -> Paragraph:
        if draft.printed_label is not None:
            numbered = draft.kind != "subparagraph"
            self.repairer.repairs.append(
                Repair(
                    draft.first_line,
                    f"{draft.printed_label}." if numbered else f"({draft.printed_label})",
                    f"{draft.number}." if numbered else f"({draft.number})",
                    "OCR letter in a paragraph number read as the digit expected next"
                    if numbered
                    else "OCR digit in a list's label read as the letter the list expects",
                )
            )
        first_label = draft.subparagraphs[0].number if draft.subparagraphs else None
        raw, inline_subs = _split_inline_subparagraphs(draft, first_label)
        subs = _expand_inline_siblings(inline_subs + list(draft.subparagraphs))
        parsed = self._inline(raw, draft.first_line, draft.last_line)
        refs = tuple(
            FootnoteRef(number, offset, self._mark_line(number, draft.first_line, draft.last_line))
            for number, offset in parsed.marks
        )
        children = tuple(
            self.paragraph(sub, f"{pid}-{sub.number or f'item{k}'}", "subparagraph")
            for k, sub in enumerate(subs, start=1)
        )
        return Paragraph(
            id=pid,
            kind=kind,  # type: ignore[arg-type]
            number=draft.number,
            lead=grammar.lead_phrase(parsed.text) if kind != "subparagraph" else "",
            text=parsed.text,
            source=SourceSpan(self.path, draft.first_line, draft.last_line),
            footnotes=refs,
            emphasis=parsed.emphasis,
            subparagraphs=children,
            section=draft.section,
        )

    def adoption(
        self, raw: str | None, first_line: int, last_line: int
    ) -> tuple[str | None, tuple[FootnoteRef, ...]]:
        """The adoption statement as plain text, and the footnote marks printed after it."""
        if raw is None:
            return None, ()
        parsed = self._inline(self.queue.claim_trailing(raw), first_line, last_line)
        refs = tuple(
            FootnoteRef(number, offset, self._mark_line(number, first_line, last_line))
            for number, offset in parsed.marks
        )
        return parsed.text, refs

    def preamble(self, drafts: list[DraftParagraph]) -> tuple[Paragraph, ...]:
        return tuple(self.paragraph(d, f"pp{i}", "preambular") for i, d in enumerate(drafts, start=1))

    def operative(
        self, drafts: list[DraftParagraph], prefix: str = "op", kind: str = "operative"
    ) -> tuple[Paragraph, ...]:
        out: list[Paragraph] = []
        seen: set[str] = set()
        unnumbered = 0
        previous: int | None = None
        section: str | None = None
        for draft in drafts:
            if draft.section != section and draft.section:
                previous = None  # a lettered part, or a quoted text's article, may number again from 1
            section = draft.section
            if draft.number is None:
                unnumbered += 1
                pid = f"op-u{unnumbered}" if prefix == "op" else f"{prefix.removesuffix('-op')}-p{unnumbered}"
            else:
                number = int(draft.number)
                if previous is not None and number != previous + 1:
                    what = "repeats" if number <= previous else "skips from"
                    self.warn(
                        draft.first_line,
                        f"paragraph numbering {what} {previous} to {number}",
                        "numbering",
                    )
                previous = number
                pid = f"{prefix}{draft.number}"
                if pid in seen and draft.section and len(draft.section) == 1:
                    pid = f"{prefix}{draft.section}{draft.number}"  # part B numbers again from 1: opB1
                if pid in seen:
                    k = 2
                    while f"{pid}-dup{k}" in seen:
                        k += 1
                    pid = f"{pid}-dup{k}"
            seen.add(pid)
            out.append(self.paragraph(draft, pid, kind))
        return tuple(out)

    def annexes(self, drafts: DraftResolution) -> tuple[Annex, ...]:
        out: list[Annex] = []
        for k, annex in enumerate(drafts.annexes, start=1):
            aid = "annex" if k == 1 else f"annex{k}"
            paragraphs = self.operative(annex.paragraphs, prefix=f"{aid}-op", kind="annex")
            last = max((p.source.last_line for p in paragraphs), default=annex.first_line)
            out.append(
                Annex(
                    id=aid,
                    heading=annex.heading,
                    title=self.inline.parse(annex.title).text,
                    paragraphs=paragraphs,
                    source=SourceSpan(self.path, annex.first_line, last),
                )
            )
        return tuple(out)

    def _inline_note(self, raw: str, entry: NoteEntry) -> InlineText:
        return self.inline.parse(self.repairer.repair(raw, entry.lines))

    def footnote(self, entry: NoteEntry) -> Footnote:
        raw = ""
        for _, text in entry.lines:
            raw = join_lines(raw, text)
        parsed = self._inline_note(raw, entry)
        urls = tuple(u.rstrip(".,;)") for u in _URL.findall(parsed.text))
        first, last = entry.lines[0][0], entry.lines[-1][0]
        return Footnote(
            number=entry.number,
            text=parsed.text,
            source=SourceSpan(self.path, first, last),
            urls=urls,
            emphasis=parsed.emphasis,
            marks=tuple(
                FootnoteRef(n, offset, self._mark_line(n, first, last)) for n, offset in parsed.marks
            ),
        )


def _split_inline_subparagraphs(
    draft: DraftParagraph, next_label: str | None
) -> tuple[str, list[DraftParagraph]]:
    """Split ``... about (a) the activities ...; (b) ...`` into a chapeau and lettered sub-paragraphs.

    A run (a), (b)... of two or more is split; so is a shorter run that the paragraph's own
    sub-paragraph lines continue (``next_label`` is the letter of the first of those).
    """
    raw = draft.raw
    matches = list(grammar.INLINE_SUBPARAGRAPH.finditer(raw))
    sequence: list[re.Match[str]] = []
    for match in matches:
        expected = chr(ord("a") + len(sequence))
        if match.group("label") == expected:
            sequence.append(match)
    continued = bool(sequence) and next_label == chr(ord("a") + len(sequence))
    if len(sequence) < 2 and not continued:
        return raw, []
    subs: list[DraftParagraph] = []
    for k, match in enumerate(sequence):
        end = sequence[k + 1].start() if k + 1 < len(sequence) else len(raw)
        subs.append(
            DraftParagraph(
                "subparagraph",
                match.group("label"),
                raw[match.end() : end].strip(),
                draft.first_line,
                draft.last_line,
            )
        )
    return raw[: sequence[0].start()].rstrip(), subs


def _expand_inline_siblings(subs: list[DraftParagraph]) -> list[DraftParagraph]:
    """Split a lettered sub-paragraph whose text runs on into the next letters: ``(c) ... and (d) ...``.

    Only letters that no later sub-paragraph line carries are split off, so a text that merely
    mentions "(d)" next to a printed (d) is left whole.
    """
    out: list[DraftParagraph] = []
    for index, sub in enumerate(subs):
        later = {s.number for s in subs[index + 1 :]}
        out.append(sub)
        label = sub.number
        while label is not None and len(label) == 1 and label.isalpha() and label != "z":
            following = chr(ord(label) + 1)
            match = re.search(rf"(?:(?<=\s)|(?<=^))\({following}\)\s+", out[-1].raw)
            if match is None or following in later:
                break
            current = out[-1]
            out[-1] = DraftParagraph(
                current.kind,
                current.number,
                current.raw[: match.start()].rstrip(),
                current.first_line,
                current.last_line,
                subparagraphs=current.subparagraphs,
            )
            out.append(
                DraftParagraph(
                    "subparagraph",
                    following,
                    current.raw[match.end() :].strip(),
                    current.first_line,
                    current.last_line,
                )
            )
            label = following
    return out


def parse_date(text: str | None) -> str | None:
    """ "12 March 2010" -> "2010-03-12"; None when there is no date to read."""
    if not text:
        return None
    match = re.search(r"(\d{1,2})\s+([A-Z][a-z]+)\.?\s+(\d{4})", text)
    if not match:
        return None
    try:
        return datetime.strptime(" ".join(match.groups()), "%d %B %Y").date().isoformat()
    except ValueError:
        return None


def explicit_marks(lines: dict[int, str]) -> set[str]:
    return {m.group(1) for text in lines.values() for m in MARK_PATTERN.finditer(text)}
