"""A mutation harness: real texts damaged the ways extractions damage them, a few hundred cases.

Each case takes a real text of the development corpus (a small one, so the harness stays quick) and
applies one to three mutations chosen with a fixed seed: two lines swapped, a stray rule (``____``,
``---``), a stray ``<sup>n</sup>`` or ``[^n]``, a masthead line dropped in, a paragraph number taken off
or printed twice, a blank line taken out. Whatever the damage, the parser either reads the text with
every word in exactly one place, or refuses it with a ``file:line: message`` error; never a traceback,
never a lost or doubled word.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from paths import DEV_CORPUS
from words import difference

from generator.errors import AtlasError
from generator.ingest import parse_text

SEED = 20261201
CASES = 300
SMALL = 6000
"""Bytes: texts up to this size are mutated."""

MASTHEADS = (
    "United Nations",
    "Distr.: General",
    "General Assembly",
    "Agenda item 99 (b)",
    "22-12345 (E)",
    "*2212345*",
    "2/3",
    "A/RES/77/999",
    "Resolution adopted by the General Assembly on 7 December 2022",
)


def _sources() -> list[Path]:
    files = sorted(p for p in DEV_CORPUS.rglob("*") if p.suffix in (".txt", ".md") and p.name != "SOURCES.md")
    return [p for p in files if p.stat().st_size <= SMALL]


def _swap(lines: list[str], rng: random.Random) -> None:
    if len(lines) > 2:
        k = rng.randrange(len(lines) - 1)
        lines[k], lines[k + 1] = lines[k + 1], lines[k]


def _rule(lines: list[str], rng: random.Random) -> None:
    lines.insert(rng.randrange(len(lines) + 1), rng.choice(("__________", "---", "_____")))


def _stray_mark(lines: list[str], rng: random.Random) -> None:
    k = rng.randrange(len(lines))
    mark = rng.choice((f"<sup>{rng.randint(1, 40)}</sup>", f"[^{rng.randint(1, 40)}]"))
    lines[k] = lines[k] + mark


def _masthead(lines: list[str], rng: random.Random) -> None:
    lines.insert(rng.randrange(len(lines) + 1), rng.choice(MASTHEADS))


def _number(lines: list[str], rng: random.Random) -> None:
    numbered = [k for k, line in enumerate(lines) if re.match(r"^\d{1,2}\. ", line)]
    if not numbered:
        return
    k = rng.choice(numbered)
    if rng.random() < 0.5:
        lines[k] = re.sub(r"^\d{1,2}\. ", "", lines[k])  # the number lost
    else:
        lines.insert(k + 1, lines[k].split(" ", 1)[0] + " " + "Decides to remain seized of the matter;")


def _blank(lines: list[str], rng: random.Random) -> None:
    blanks = [k for k, line in enumerate(lines) if not line.strip()]
    if blanks:
        del lines[rng.choice(blanks)]


MUTATIONS = (_swap, _rule, _stray_mark, _masthead, _number, _blank)


def _case(index: int) -> tuple[str, str]:
    rng = random.Random(SEED + index)
    sources = _sources()
    path = sources[rng.randrange(len(sources))]
    lines = path.read_text(encoding="utf-8").split("\n")
    for mutation in rng.sample(MUTATIONS, rng.randint(1, 3)):
        mutation(lines, rng)
    return f"{path.parent.name}/{path.name}#{index}", "\n".join(lines)


@pytest.mark.parametrize("index", range(CASES))
def test_a_damaged_text_is_read_whole_or_refused_with_file_and_line(index: int) -> None:
    name, text = _case(index)
    try:
        document = parse_text(text, name)
    except AtlasError as error:
        assert re.match(rf"^{re.escape(name)}:\d+: \S", str(error)), str(error)
        return
    assert difference(text, document) == ({}, {})
