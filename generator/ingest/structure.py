"""Structure: blocks -> resolutions with headings, preamble, operative part, sub-paragraphs, annexes.

A small state machine reads the blocks in order, following :mod:`generator.ingest.grammar`. It keeps
every block: a block it cannot place in a paragraph becomes a heading of the resolution it stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.ingest import grammar
from generator.ingest.blocks import Block, join_lines, lost_its_comma
from generator.ingest.hyphens import restore_hyphens


@dataclass(slots=True)
class DraftParagraph:
    """A paragraph being assembled: its blocks' raw text and where it stands."""

    kind: str
    number: str | None
    raw: str
    first_line: int
    last_line: int
    section: str | None = None
    subparagraphs: list[DraftParagraph] = field(default_factory=list)
    printed_label: str | None = None
    """The label or number as printed when OCR gave a digit for the letter a list expects ("6" for
    "b") or a letter for a paragraph number ("S" for "5")."""

    def extend(self, block: Block) -> None:
        self.raw = join_lines(self.raw, block.raw)
        self.last_line = block.last_line


@dataclass(slots=True)
class DraftAnnex:
    heading: str
    title: str
    first_line: int
    paragraphs: list[DraftParagraph] = field(default_factory=list)


@dataclass(slots=True)
class DraftResolution:
    first_line: int
    last_line: int = 0
    heading_session: str | None = None
    heading_number: str | None = None
    heading_year: str | None = None
    headings: list[tuple[int, str]] = field(default_factory=list)
    title: str = ""
    title_line: int = 0
    body_name: str = ""
    body_line: int = 0
    adoption: str | None = None
    adoption_line: int = 0
    adoption_last_line: int = 0
    adopted_on: str | None = None
    preamble: list[DraftParagraph] = field(default_factory=list)
    operative: list[DraftParagraph] = field(default_factory=list)
    annexes: list[DraftAnnex] = field(default_factory=list)
    starts_inside: bool = False
    section: str | None = None
    section_line: int = 0
    section_used: bool = True

    @property
    def started(self) -> bool:
        return bool(self.body_name or self.preamble or self.operative)


def _last_paragraph(res: DraftResolution) -> DraftParagraph | None:
    paragraphs = res.annexes[-1].paragraphs if res.annexes else (res.operative or res.preamble)
    if not paragraphs:
        return None
    last = paragraphs[-1]
    while last.subparagraphs:
        last = last.subparagraphs[-1]
    return last


def _continues(previous: DraftParagraph | None, block: Block) -> bool:
    """Is ``block`` the rest of a paragraph a page break or a footnote block cut?

    It is when it starts in lower case, or when the paragraph before it stopped without ending a
    clause; never when it starts with a paragraph number, a sub-paragraph letter or a dash item.
    """
    if previous is None:
        return False
    text = block.raw
    if (
        grammar.OPERATIVE_NUMBER.match(text)
        or grammar.SUBPARAGRAPH.match(text)
        or grammar.DASH_ITEM.match(text)
    ):
        return False
    if grammar.opens_operative_paragraph(text) and previous.kind == "preambular":
        return False  # a preambular paragraph that lost its comma ends where the operative part starts
    lead = previous.kind == "preambular" and grammar.opens_preambular_paragraph(text)
    if lead and lost_its_comma(previous.raw, text):
        return False  # "... fishing licences" / "Remaining concerned that ...": the comma lost
    if text.startswith(("“", '"')) and grammar.without_trailing_marks(previous.raw).endswith(":"):
        return True  # "... provides:" / "“The Security Council shall ...”": the quotation it introduces
    return text[:1].islower() or not grammar.ends_clause(previous.raw)


def build_resolutions(blocks: list[Block]) -> list[DraftResolution]:
    """Read the blocks into draft resolutions (see the module docstring)."""
    resolutions: list[DraftResolution] = []
    res = DraftResolution(first_line=blocks[0].first_line if blocks else 1)
    pending_title = False

    def start_new(block: Block) -> DraftResolution:
        nonlocal res
        if res.started or res.headings or res.title:
            res.last_line = res.last_line or block.first_line - 1
            _close_section(res)
            resolutions.append(res)
        res = DraftResolution(first_line=block.first_line)
        return res

    for block in blocks:
        text = block.raw
        plain = restore_hyphens(text.strip("*# ").strip())
        heading = grammar.match_heading(text)
        is_ga = heading is not None and grammar.GA_HEADING.match(plain) is not None
        if heading and not (is_ga and (res.operative or res.preamble)):
            if res.started:
                start_new(block)
            res.heading_session = heading["session"]
            res.heading_number = heading["number"]
            res.heading_year = heading["year"]
            if heading["date"]:
                res.adopted_on = heading["date"]
            res.headings.append((block.first_line, plain))
            title = heading["title"]
            if is_ga and title:
                res.headings[-1] = (block.first_line, plain[: plain.index(title)].strip())
                if res.title:  # a line the masthead read as a title ("Original: English") stays a heading
                    res.headings.insert(-1, (res.title_line, res.title))
                res.title, res.title_line = title, block.first_line
            else:
                pending_title = not res.heading_year
            res.last_line = block.last_line
            continue
        dated = grammar.DATE_LINE.match(plain)
        if dated and not res.started and res.heading_number:
            res.adopted_on = dated.group("date")
            if not res.heading_session and not res.heading_year:  # "Resolution 290" / "of 8 December 1970"
                res.heading_year = dated.group("date")[-4:]
            res.headings.append((block.first_line, plain))
            res.last_line = block.last_line
            continue
        body = grammar.BODY_LINE.match(text)
        if body and len(text) < 250:
            new_part = res.section is not None and res.section_line > max(
                (p.last_line for p in (*res.preamble, *res.operative)), default=0
            )
            if res.body_name and (res.operative or res.preamble) and not new_part:
                start_new(block)
            elif res.body_name and new_part:
                res.headings.append((block.first_line, plain))  # part B's own body line
                res.last_line = block.last_line
                continue
            res.body_name = " ".join(body.group("name").split())
            res.body_line = block.first_line
            res.last_line = block.last_line
            pending_title = False
            continue
        adoption = grammar.ADOPTION.match(plain) or (
            res.operative and grammar.ADOPTION_START.match(plain) and len(plain) < 400
        )
        if adoption and res.started:
            trailing = _heading_after_adoption(block)
            if trailing is not None:  # "Adopted ... meeting." / "Decisions": the yearbook's next heading
                res.headings.append((block.last_line, trailing))
                plain = restore_hyphens(" ".join(line.text for line in block.lines[:-1]))
            printed = " ".join(plain.split())
            res.adoption = f"{res.adoption} | {printed}" if res.adoption else printed
            res.adoption_line = res.adoption_line or block.first_line
            res.adoption_last_line = res.last_line = block.last_line
            continue
        just_adopted = res.adoption is not None and res.adoption_last_line == res.last_line
        if just_adopted and (grammar.MEETING_CONTINUED.match(plain) or grammar.MEETING_ORDINAL.match(plain)):
            # "Adopted unanimously at the" / "" / "2828th meeting."; "Adopted at the meeting." / "1504th"
            res.adoption = join_lines(res.adoption or "", " ".join(plain.split()))
            res.adoption_last_line = res.last_line = block.last_line
            continue
        annex_heading = grammar.ANNEX_HEADING.match(plain) is not None
        if res.adoption and not res.annexes and not annex_heading and _is_title(block) and len(plain) < 80:
            res.headings.append((block.first_line, plain))  # the yearbook's next heading: "Decisions"
            res.last_line = block.last_line
            continue
        if not res.started:
            adopted = grammar.ADOPTED_ON.search(" ".join(text.split()))
            if adopted:
                res.adopted_on = adopted.group("date")
            numbered = grammar.OPERATIVE_NUMBER.match(text)
            preambular = grammar.is_preamble_start(text) and text.rstrip("*").endswith(",")
            if res.heading_year and (
                numbered or grammar.is_preamble_start(text) or grammar.is_operative_lead(text)
            ):
                pass  # an SC yearbook text whose body line is not printed ("Whereas ...")
            elif (numbered and numbered.group("rest")) or preambular:
                res.starts_inside = True
            else:
                if pending_title or (not res.title and not res.heading_year and _looks_like_title(text)):
                    if res.title:
                        res.headings.append((res.title_line, res.title))
                    res.title, res.title_line = plain, block.first_line
                    pending_title = False
                else:
                    res.headings.append((block.first_line, plain))
                res.last_line = block.last_line
                continue
        _place_paragraph(res, block)
        res.last_line = block.last_line
    if res.started or res.headings or res.title:
        resolutions.append(res)
    for draft in resolutions:
        _close_section(draft)
        for para in _all_paragraphs(draft):
            _read_scanned_labels(para.subparagraphs)
    return resolutions


def _all_paragraphs(res: DraftResolution) -> list[DraftParagraph]:
    out: list[DraftParagraph] = []
    stack = [*res.preamble, *res.operative, *(p for annex in res.annexes for p in annex.paragraphs)]
    while stack:
        para = stack.pop()
        out.append(para)
        stack.extend(para.subparagraphs)
    return out


_MASTHEAD = re.compile(
    r"^(?:United Nations|General Assembly|Security Council|Distr\.|Resolution adopted|Adopted by|\[|"
    r"Agenda item|\w+(?:-\w+)? session\b|\d{1,2} [A-Z][a-z]+ \d{4}$|on \d{1,2} [A-Z])"
)


def _looks_like_title(text: str) -> bool:
    return not _MASTHEAD.match(text) and not grammar.ends_clause(text)


def _scanned_number_expected(res: DraftResolution, text: str) -> bool:
    """Does the block open with the number expected next, as OCR scanned it ("ll. Further requests")?"""
    return not grammar.OPERATIVE_NUMBER.match(text) and _operative_number(res, text) is not None


def _operative_number(res: DraftResolution, text: str) -> tuple[str, str] | None:
    """(number, text after it) of a numbered operative paragraph, printed or scanned."""
    numbered = grammar.OPERATIVE_NUMBER.match(text)
    if numbered:
        return numbered.group("number"), numbered.group("rest") or ""
    paragraphs = res.annexes[-1].paragraphs if res.annexes else res.operative
    last = next((int(p.number) for p in reversed(paragraphs) if p.number and p.number.isdigit()), 0)
    return grammar.scanned_operative_number(text, last + 1)


_ROMAN = re.compile(r"^[ivx]+$")
_SCANNED_LETTERS = str.maketrans({"6": "b", "0": "o", "1": "l", "5": "s"})
_SCANNED_ROMAN = str.maketrans({"1": "i", "l": "i"})
_ROMANS = tuple(
    "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()  # noqa: SIM905
)
"""Digits OCR prints for the letters of a list's labels: "(a)", "(6)", "(c)"; "(1)", "(ii)"."""


def _sequence(kind: str, count: int) -> list[str]:
    if kind == "letters":
        return [chr(ord("a") + k) if k < 26 else "" for k in range(count)]
    if kind == "roman":
        return [_ROMANS[k] if k < len(_ROMANS) else "" for k in range(count)]
    return [str(k + 1) for k in range(count)]


def _read_scanned_labels(items: list[DraftParagraph]) -> None:
    """Labels that OCR turned into digits are read as the list's sequence expects, when the digit is
    the one OCR gives for that letter; the printed label is kept for the repair report."""
    labels = [item.number or "" for item in items]
    if len(labels) < 2 or not all(labels):
        return
    kind = max(
        ("letters", "roman", "digits"),
        key=lambda k: sum(a == b for a, b in zip(labels, _sequence(k, len(labels)), strict=True)),
    )
    table = _SCANNED_LETTERS if kind == "letters" else _SCANNED_ROMAN if kind == "roman" else None
    if table is None:
        return
    for item, expected in zip(items, _sequence(kind, len(items)), strict=True):
        label = item.number or ""
        if label != expected and label.translate(table) == expected:
            item.printed_label, item.number = label, expected


def _item_parent(parent: DraftParagraph, label: str) -> DraftParagraph:
    """Where a labelled item goes: "(i)", "(ii)" under the lettered item before them; a letter, or "(i)"
    right after "(h)", under the paragraph itself; a list that opens with "(i)" is a roman list."""
    items = parent.subparagraphs
    last = items[-1] if items else None
    if last is not None and (last.number or "").isdigit() and len(label) == 1 and label.isalpha():
        children = last.subparagraphs
        follows = bool(children) and ord(label) == ord((children[-1].number or " ")[0]) + 1
        if (label == "a" and not children) or follows:
            return last  # "(3) ..." / "(a) ..." / "(b) ...": a lettered list under a numbered item
    if not items or not _ROMAN.match(label):
        return parent
    labels = [item.number or "" for item in items]
    if labels[0] == "i" and all(_ROMAN.match(x) for x in labels):
        return parent  # (i), (ii), (iii) ... at the paragraph's own level
    last_label = labels[-1]
    is_letter = len(last_label) == 1 and last_label.isalpha()
    return items[-1] if is_letter and label != chr(ord(last_label) + 1) else parent


def _continues_unlabelled_list(parent: DraftParagraph, block: Block) -> bool:
    """Is ``block`` an item of a list whose labels the extraction lost ("(a)" dropped by PyMuPDF)?

    It is when it stands under a numbered paragraph that introduces a list (its text ends with ":") and
    the items so far are unlabelled and end with ";" (a list's last item ends with "."), and the block
    itself is no heading and no adoption line.
    """
    if parent.number is None or block.heading or grammar.ADOPTION_START.match(block.raw):
        return False
    items = parent.subparagraphs
    if not items:
        return grammar.without_trailing_marks(parent.raw).endswith(":")
    last = grammar.without_trailing_marks(items[-1].raw)
    return items[-1].number is None and last.endswith((";", "; and", "; or"))


def _heading_after_adoption(block: Block) -> str | None:
    """The last line of an adoption block when it is a heading of what follows, not the statement's end."""
    if len(block.lines) < 2:
        return None
    last, before = block.lines[-1].text, block.lines[-2].text
    if (
        before.rstrip().endswith(".")
        and len(last) < 40
        and last[:1].isupper()
        and not grammar.ends_clause(last)
    ):
        return last
    return None


def _is_title(block: Block) -> bool:
    """A title under an annex heading: short, no paragraph number or sub-paragraph label, no clause end."""
    text = block.raw
    return (
        len(text) < 400
        and not grammar.OPERATIVE_NUMBER.match(text)
        and not grammar.SUBPARAGRAPH.match(text)
        and not grammar.ends_clause(text)
    )


_RUN_ON_NUMBER = r"(?<=[.;:])(?:\ue000\d+\ue001|\d{{1,3}})?(?P<gap>\s+){number}\.\s+(?=[A-Z])"


def _split_run_on_numbers(number: str, raw: str) -> list[tuple[str, str]]:
    """A numbered paragraph whose text runs on into the next numbers ("... persons.8 6. We recall ...",
    where the extraction lost a paragraph break) is split at each next number that follows a clause end."""
    out: list[tuple[str, str]] = []
    while number.isdigit():
        following = str(int(number) + 1)
        match = re.search(_RUN_ON_NUMBER.format(number=following), raw)
        if match is None:
            break
        out.append((number, raw[: match.start("gap")]))
        number, raw = following, raw[match.end() :]
    out.append((number, raw))
    return out


def _close_section(res: DraftResolution) -> None:
    """A section heading that no paragraph followed is kept as a heading of the resolution."""
    if res.section and not res.section_used:
        res.headings.append((res.section_line, res.section))
    res.section_used = False


def _place_paragraph(res: DraftResolution, block: Block) -> None:
    text = block.raw
    annex = grammar.ANNEX_HEADING.match(text)
    if annex and res.operative and len(text) < 300 and not text.rstrip().endswith((";", ",")):
        res.annexes.append(DraftAnnex(annex.group("heading"), annex.group("title") or "", block.first_line))
        _close_section(res)
        res.section = None  # an annex starts outside the operative part's sections
        return
    if res.annexes and not res.annexes[-1].title and not res.annexes[-1].paragraphs and _is_title(block):
        res.annexes[-1].title = " ".join(text.split())
        return
    if block.heading and (res.operative or res.preamble or res.annexes):
        heading = restore_hyphens(" ".join(text.split()))
        if heading == res.section:  # the same heading printed again: kept, the section goes on
            res.headings.append((block.first_line, heading))
            return
        _close_section(res)
        res.section = heading
        res.section_line = block.first_line
        return
    section = grammar.SECTION_LETTER.match(text)
    if section and not res.annexes:
        _close_section(res)
        res.section = section.group("letter")
        res.section_line = block.first_line
        return
    previous = _last_paragraph(res)
    if _continues(previous, block) and not _scanned_number_expected(res, text):
        assert previous is not None
        previous.extend(block)
        return
    numbered = _operative_number(res, text)
    sub = grammar.SUBPARAGRAPH.match(text)
    container = res.annexes[-1].paragraphs if res.annexes else None
    dash = grammar.DASH_ITEM.match(text)
    parents_list = container if container is not None else (res.operative or res.preamble)
    parent = parents_list[-1] if parents_list else None
    if dash and parent and (parent.raw.rstrip().endswith(":") or parent.subparagraphs):
        parent.subparagraphs.append(
            DraftParagraph("subparagraph", None, dash.group("rest"), block.first_line, block.last_line)
        )
        return
    if sub and parent:
        label = sub.group("label")
        item = DraftParagraph(
            "subparagraph", label, sub.group("rest") or "", block.first_line, block.last_line
        )
        _item_parent(parent, label).subparagraphs.append(item)
        return
    if parent and not numbered and _continues_unlabelled_list(parent, block):
        parent.subparagraphs.append(
            DraftParagraph("subparagraph", None, text, block.first_line, block.last_line)
        )
        return
    if previous is not None and previous.kind == "operative" and previous.number and not previous.raw:
        previous.raw = text
        previous.last_line = block.last_line
        return
    if numbered:
        for k, (number, raw) in enumerate(_split_run_on_numbers(numbered[0], numbered[1])):
            para = DraftParagraph("operative", number, raw, block.first_line, block.last_line)
            printed = re.match(r"^\S*?(?=[.,\s]|$)", text).group(0)  # type: ignore[union-attr]
            if k == 0 and printed != number and not printed.isdigit():
                para.printed_label = printed  # "S. Appeals": OCR's letter for the digit 5
            _append_paragraph(res, para, container)
        return
    else:
        in_operative = bool(res.operative) or container is not None
        kind = "operative" if in_operative or grammar.is_operative_lead(text) else "preambular"
        para = DraftParagraph(kind, None, text, block.first_line, block.last_line)
    _append_paragraph(res, para, container)


def _append_paragraph(
    res: DraftResolution, para: DraftParagraph, container: list[DraftParagraph] | None
) -> None:
    para.section = res.section
    if res.section:
        res.section_used = True
    if container is not None:
        para.kind = "annex"
        container.append(para)
    elif para.kind == "operative":
        res.operative.append(para)
    else:
        res.preamble.append(para)
