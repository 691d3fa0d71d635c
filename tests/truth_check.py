"""Compare a parse with the ground truth a person read from the text (``tests/truth/README.md``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import yaml

from generator.model import Document, Paragraph, Resolution

TRUTH = Path(__file__).parent / "truth"
CORPUS_REAL = Path(__file__).parent / "corpus-real"
_ENTRY = re.compile(r"^(?P<kind>pp|op|ap)(?: (?P<number>\S+))?: (?P<words>.*?)(?: \[(?P<items>\d+)\])?$")


def truth_files() -> list[Path]:
    return sorted(TRUTH.glob("*/*.yml"))


def _words(text: str) -> str:
    tokens = [re.sub(r"[\W_]+", "", w.replace("*", "")).lower() for w in text.split()]
    return " ".join([t for t in tokens if t][:3])


def normalise_entry(entry: str) -> str:
    """A truth entry in a form the parse can be compared with: kind, number, three words, items."""
    entry = " ".join(entry.split())
    match = _ENTRY.match(entry)
    if not match:
        return entry.lower()
    number = match.group("number") or ""
    items = match.group("items")
    tail = f" [{items}]" if items and items != "0" else ""
    return f"{match.group('kind')} {number}: {_words(match.group('words'))}{tail}".replace(" :", ":")


def truth_entries(resolution: dict[str, object]) -> list[str]:
    """The truth's paragraph entries, normalised; headings of parts and sections are left out on both
    sides (readers record unlettered headings differently), a heading read as a paragraph still shows."""
    entries = resolution.get("paragraphs") or []
    assert isinstance(entries, list)
    return [normalise_entry(str(e)) for e in entries if not str(e).startswith("section")]


def _entry(para: Paragraph, kind: str) -> str:
    items = f" [{len(para.subparagraphs)}]" if para.subparagraphs else ""
    number = f" {para.number}" if para.number else ""
    return f"{kind}{number}: {_words(para.text)}{items}"


def parsed_entries(res: Resolution) -> list[str]:
    """The parse of one resolution as truth entries, in reading order."""
    body: list[tuple[int, str, Paragraph]] = [(p.source.first_line, "pp", p) for p in res.preamble]
    body += [(p.source.first_line, "op", p) for p in res.operative]
    body.sort(key=lambda item: item[0])
    out: list[str] = []
    for _, kind, para in body:
        out.append(_entry(para, kind))
    for annex in res.annexes:
        out.append("annex")
        out.extend(_entry(p, "ap") for p in annex.paragraphs)
    return out


@dataclass
class Mismatch:
    field: str
    expected: object
    found: object


def compare(document: Document, truth: dict[str, object]) -> list[Mismatch]:
    """Every field of the truth that the parse gets wrong (empty when the file is exact)."""
    expected = truth["resolutions"]
    assert isinstance(expected, list)
    found = list(document.resolutions)
    out: list[Mismatch] = []
    if len(found) != len(expected):
        out.append(Mismatch("resolutions", [r.get("symbol") for r in expected], [r.symbol for r in found]))
    for k, (res, want) in enumerate(zip(found, expected, strict=False)):
        prefix = f"[{k}]." if len(expected) > 1 else ""
        if res.symbol != want.get("symbol"):
            out.append(Mismatch(prefix + "symbol", want.get("symbol"), res.symbol))
        date = None if want.get("date") is None else str(want.get("date"))
        if res.date != date:
            out.append(Mismatch(prefix + "date", date, res.date))
        adoption = want.get("adoption")
        if _norm(res.adoption) != _norm(adoption):
            out.append(Mismatch(prefix + "adoption", adoption, res.adoption))
        if len(res.footnotes) != int(want.get("footnotes") or 0):
            out.append(Mismatch(prefix + "footnotes", want.get("footnotes"), len(res.footnotes)))
        wanted = truth_entries(want)
        got = parsed_entries(res)
        if wanted != got:
            out.append(Mismatch(prefix + "paragraphs", wanted, got))
    return out


def paragraph_starts_right(document: Document, truth: dict[str, object]) -> tuple[int, int]:
    """(truth paragraphs whose start the parse finds in order, truth paragraphs)."""
    right = total = 0
    for res, want in zip(document.resolutions, truth["resolutions"], strict=False):  # type: ignore[call-overload]
        wanted = truth_entries(want)
        got = parsed_entries(res)
        matcher = SequenceMatcher(a=wanted, b=got, autojunk=False)
        right += sum(block.size for block in matcher.get_matching_blocks())
        total += len(wanted)
    return right, total


def _norm(text: object) -> str | None:
    if text is None:
        return None
    return " ".join(str(text).replace("*", "").split()).rstrip(".").lower()


def load_truth(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data
