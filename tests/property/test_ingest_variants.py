"""Property tests: the same text in other clothes gives the same model, and no word is lost.

Variants a user's files really differ by: CRLF line endings, no-break spaces, lines re-wrapped to
another width, footnote blocks moved from mid-page to the end of the file.
"""

from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import CORPUS, SEEDS
from words import difference

from generator.ingest import parse_catalog_text, parse_text
from generator.ingest.blocks import join_all, join_lines
from generator.ingest.normalise import MARK_PATTERN, normalise
from generator.model import Document

CATALOG = parse_catalog_text((SEEDS / "catalog.yml").read_text(encoding="utf-8"), "seeds/catalog.yml")
RESOLUTION_SEEDS = [
    "000_7ca92a6ec7d13659.txt",
    "001_c07e11d1e4a29cf4.txt",
    "003_936b90598207a6a3.txt",
    "004_024c091bda70a48a.txt",
]
MARKDOWN_CORPUS = ["A_RES_80_36.md", "A_RES_80_38.md", "A_RES_80_43.md", "A_RES_80_46.md"]
SOURCES = {name: (SEEDS / name).read_text(encoding="utf-8") for name in RESOLUTION_SEEDS} | {
    name: (CORPUS / name).read_text(encoding="utf-8") for name in MARKDOWN_CORPUS
}
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse(name: str, text: str) -> Document:
    return parse_text(text, name, CATALOG if name in RESOLUTION_SEEDS else None)


def shape(doc: Document) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """What must not change: every paragraph's id, lead, text and footnote numbers; every footnote."""
    out = []
    for res in doc.resolutions:
        for p in res.paragraphs():
            out.append((f"{res.id}#{p.id}", p.lead, p.text, tuple(f.number for f in p.footnotes)))
        out.extend((f"{res.id}#fn{f.number}", "", f.text, ()) for f in res.footnotes)
    return out


BASELINE = {name: shape(parse(name, text)) for name, text in SOURCES.items()}

names = st.sampled_from(sorted(SOURCES))


@SETTINGS
@given(name=names)
def test_crlf_line_endings_change_nothing(name: str) -> None:
    text = SOURCES[name].replace("\n", "\r\n")
    doc = parse(name, text)
    assert shape(doc) == BASELINE[name]
    assert difference(text, doc) == ({}, {})


@SETTINGS
@given(name=names, data=st.data())
def test_no_break_spaces_change_nothing(name: str, data: st.DataObject) -> None:
    text = SOURCES[name]
    spaces = [m.start() for m in re.finditer(" ", text)]
    chosen = set(data.draw(st.lists(st.sampled_from(spaces), max_size=200)))
    varied = "".join("\u00a0" if i in chosen else c for i, c in enumerate(text))
    doc = parse(name, varied)
    assert shape(doc) == BASELINE[name]
    assert difference(varied, doc) == ({}, {})


def _rewrap(text: str, width: int) -> str:
    """Re-wrap every line to ``width``, keeping what is structure in the file: the YAML front matter,
    and the indentation that continues a Markdown footnote definition."""
    lines: list[str] = []
    in_front_matter = text.startswith("---")
    for k, line in enumerate(text.split("\n")):
        if in_front_matter:
            lines.append(line)
            in_front_matter = not (k > 0 and line == "---")
            continue
        indent = line[: len(line) - len(line.lstrip(" "))]
        follow = "    " if line.startswith("[^") else indent
        if len(line) <= width:
            lines.append(line)
            continue
        # A hyphen followed by a space ("three- dimensional", a PDF artifact) must not end a line:
        # at a line end it reads as a compound broken across lines, which is what it is not.
        protected = line.replace("- ", "-\u00a0")
        wrapped = textwrap.wrap(
            protected,
            width,
            initial_indent=indent,
            subsequent_indent=follow,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines.extend(w.replace("-\u00a0", "- ") for w in wrapped)
    return "\n".join(lines) + "\n"


@SETTINGS
@given(name=names, width=st.integers(min_value=30, max_value=120))
def test_rewrapped_lines_change_nothing(name: str, width: int) -> None:
    text = _rewrap(SOURCES[name], width)
    doc = parse(name, text)
    assert shape(doc) == BASELINE[name]
    assert difference(text, doc) == ({}, {})


def _footnotes_to_end(text: str) -> str:
    """Move every footnote block (mark-led lines and their rules) to the end of the file."""
    body, notes = [], []
    for line in text.split("\n"):
        normal = normalise(line)[0].text if line.strip() else ""
        if MARK_PATTERN.match(normal) or normal == "---":
            notes.append(line)
        else:
            body.append(line)
    return "\n".join(body) + "\n\n" + "\n\n".join(n for n in notes if n.strip() != "---") + "\n"


@pytest.mark.parametrize(
    "name",
    [
        "000_7ca92a6ec7d13659.txt",
        "001_c07e11d1e4a29cf4.txt",
        "003_936b90598207a6a3.txt",
        "004_024c091bda70a48a.txt",
    ],
)
def test_footnotes_moved_to_the_end_change_nothing(name: str) -> None:
    text = _footnotes_to_end(SOURCES[name])
    doc = parse(name, text)
    assert shape(doc) == BASELINE[name]
    lost, invented = difference(text, doc)
    assert (lost, invented) == ({}, {})


@given(st.lists(st.text(alphabet="ab -\ue002", max_size=6), max_size=8))
def test_joining_all_lines_at_once_is_joining_them_two_by_two(texts: list[str]) -> None:
    folded = ""
    for text in texts:
        folded = join_lines(folded, text)
    assert join_all(texts) == folded
