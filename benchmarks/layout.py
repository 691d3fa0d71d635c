"""Render synthetic resolutions in the seeds' two layouts, with footnotes, and their catalog.

* ``markdown`` (seeds 000, 004): ``## Resolution 53/8``, ``### **Title**``, ``*The Commission ...,*``,
  ``*Lead*`` phrases, ``<sup>n</sup>`` marks, footnote blocks opened by a ``---`` rule;
* ``plain`` (seeds 001, 003): bare headings, italic leads in the operative part only, Unicode superscript
  marks, footnote lines ``¹³ text``.

Footnotes are numbered through a file, as in a session's report; a block of footnote texts follows one to
three paragraphs after its marks and sometimes interrupts a paragraph mid-sentence, as a page break does.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from benchmarks.synthetic import SynthParagraph, SynthResolution

BODY_NAMES = {
    "cnd": "The Commission on Narcotic Drugs",
    "ctoc-cop": "The Conference of the Parties to the United Nations Convention against Transnational"
    " Organized Crime",
}
SOURCE_DOCUMENTS = {"cnd": "E/{year}/28", "ctoc-cop": "CTOC/COP/{year}/99"}
PAGE_BREAK = 0.35
"""Chance that a footnote block interrupts the next paragraph rather than following it."""
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


class _FileWriter:
    def __init__(self, layout: str, rng: random.Random) -> None:
        self.layout = layout
        self.rng = rng
        self.lines: list[str] = ["", ""]
        self.next_note = rng.randint(1, 60)
        self.pending: list[tuple[int, str]] = []
        self.countdown = 0
        """Paragraphs to write before the pending footnote texts."""

    def mark(self, number: int) -> str:
        if self.layout == "markdown":
            return f"<sup>{number}</sup>"
        return str(number).translate(_SUPERSCRIPTS)

    def block(self) -> list[str]:
        out = ["---", ""] if self.layout == "markdown" else []
        for number, text in self.pending:
            out += [f"{self.mark(number)} {text}", ""]
        self.pending = []
        return out

    def heading(self, res: SynthResolution) -> None:
        name = BODY_NAMES[res.body]
        if self.layout == "markdown":
            self.lines += [f"## Resolution {res.session}/{res.number}", "", f"### **{res.title}**", ""]
            self.lines += [f"*{name},*", ""]
        else:
            self.lines += [f"Resolution {res.session}/{res.number}", "", res.title, "", f"{name},", ""]

    def paragraph(self, para: SynthParagraph, prefix: str, end: str, italic: bool) -> None:
        text = para.text
        note: tuple[int, str] | None = None
        if para.footnote is not None:
            offset, note_text = para.footnote
            note = (self.next_note, note_text)
            text = text[:offset] + self.mark(self.next_note) + text[offset:]
            self.next_note += 1
        if italic and para.lead:
            text = f"*{para.lead}*{text[len(para.lead) :]}"
        line = prefix + text + end
        if self.pending and self.countdown == 0:
            if self.rng.random() < PAGE_BREAK:
                self._with_page_break(line)
            else:
                self.lines += [*self.block(), line, ""]
        else:
            self.lines += [line, ""]
            self.countdown = max(0, self.countdown - 1)
        if note is not None:
            if not self.pending:
                self.countdown = self.rng.randint(0, 2)
            self.pending.append(note)

    def _with_page_break(self, line: str) -> None:
        words = line.split(" ")
        cuts = [i for i in range(4, len(words) - 2) if words[i][:1].islower() and words[i].isalpha()]
        if not cuts:
            self.lines += [*self.block(), line, ""]
            return
        cut = self.rng.choice(cuts)
        self.lines += [" ".join(words[:cut]), "", *self.block(), " ".join(words[cut:]), ""]

    def resolution(self, res: SynthResolution) -> None:
        self.heading(res)
        markdown = self.layout == "markdown"
        for para in res.preamble:
            self.paragraph(para, "", ",", italic=markdown)
        last = len(res.operative)
        for i, para in enumerate(res.operative, 1):
            self.paragraph(para, f"{i}. ", "." if i == last else ";", italic=True)
        if self.pending:
            self.lines += self.block()

    def text(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def render_corpus(resolutions: Sequence[SynthResolution], rng: random.Random) -> dict[str, str]:
    """File name -> text for every file, ``catalog.yml`` included."""
    files: dict[str, str] = {}
    catalog: dict[str, object] = {}
    index = 0
    for _, group in groupby(resolutions, key=lambda r: (r.body, r.session)):
        members = list(group)
        while members:
            chunk, members = members[:3], members[3:]
            first = chunk[0]
            name = f"{index:04d}_{first.body}_{first.session}.txt"
            index += 1
            writer = _FileWriter(rng.choice(("markdown", "plain")), rng)
            for res in chunk:
                writer.resolution(res)
            files[name] = writer.text()
            catalog[name] = {"kind": "resolutions", "resolutions": [_catalog_entry(r) for r in chunk]}
    header = "# Synthetic corpus written by benchmarks/synthetic.py; do not edit.\n"
    files["catalog.yml"] = header + yaml.safe_dump({"files": catalog}, sort_keys=True, allow_unicode=True)
    return files


def _catalog_entry(res: SynthResolution) -> dict[str, object]:
    return {
        "id": res.id,
        "body": res.body,
        "session": res.session,
        "number": str(res.number),
        "date": res.date,
        "source_document": SOURCE_DOCUMENTS[res.body].format(year=res.year),
        "fragment": False,
    }
