"""Every resolution and decision reference in the five seed texts, listed from reading the texts.

The seeds are read here as raw files (mark-up blanked out, offsets kept) so that the list checks
extraction and body attribution on its own; tests/test_link_corpus.py checks the same references
through the parser's model.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.link.extract import ReferenceSpan, extract_references
from generator.link.resolve import decide_body

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# file -> (issuing body of the file's resolutions or None for the report, the body's printed name)
OWNERS = {
    "000": ("cnd", "The Commission on Narcotic Drugs"),
    "001": ("cnd", "The Commission on Narcotic Drugs"),
    "002": (None, "United Nations Office on Drugs and Crime"),
    "003": (
        "ctoc-cop",
        "The Conference of the Parties to the United Nations Convention against Transnational "
        "Organized Crime",
    ),
    "004": ("cnd", "The Commission on Narcotic Drugs"),
}

# (file, line, kind, number, issuing body) -- from reading seeds/000..004
EXPECTED = [
    ("000", 9, "resolution", "56/24 V", "ga"),
    ("000", 9, "resolution", "57/72", "ga"),
    ("000", 9, "resolution", "58/241", "ga"),
    ("000", 9, "resolution", "59/86", "ga"),
    ("000", 9, "decision", "60/519", "ga"),
    ("000", 11, "resolution", "1991/38", "ecosoc"),
    ("000", 13, "resolution", "50/148", "ga"),
    ("000", 15, "resolution", "50/148", "ga"),
    ("000", 23, "resolution", "S-17/2", "ga"),
    ("000", 25, "resolution", "S-20/2", "ga"),
    ("001", 25, "resolution", "76/188", "ga"),
    ("001", 27, "resolution", "51/11", "cnd"),
    ("001", 53, "resolution", "S-30/1", "ga"),
    ("001", 61, "resolution", "70/1", "ga"),
    ("001", 115, "resolution", "217 A (III)", "ga"),
    ("002", 11, "resolution", "65/4", "cnd"),
    # a section heading of the report; nothing in the text says which body adopted them
    ("002", 280, "resolution", "76/32", None),
    ("002", 280, "resolution", "76/232", None),
    ("002", 362, "resolution", "10/2", "ctoc-cop"),
    ("003", 9, "decision", "4/6", "ctoc-cop"),
    ("003", 33, "decision", "60/519", "ga"),
    ("003", 77, "resolution", "5/4", "ctoc-cop"),
    ("003", 77, "resolution", "6/2", "ctoc-cop"),
    ("003", 85, "resolution", "5/4", "ctoc-cop"),
    ("004", 13, "resolution", "64/182", "ga"),
    ("004", 15, "resolution", "51/11", "cnd"),
    ("004", 15, "resolution", "52/9", "cnd"),
    ("004", 15, "resolution", "64/179", "ga"),
    ("004", 15, "resolution", "64/182", "ga"),
    ("004", 35, "resolution", "S-20/2", "ga"),
    ("004", 57, "resolution", "217 A (III)", "ga"),
]


HEADING = re.compile(r"#*\s*Resolution \d+/\d+\s*")


def _raw_text(path: Path) -> str:
    """The file with mark-up and line breaks blanked to spaces: offsets and line numbers stay valid."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<sup>\d+</sup>|[*#]", lambda m: " " * len(m.group(0)), text)
    return text.replace("\n", " ")


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def _found(prefix: str) -> list[tuple[str, int, str, str, str | None]]:
    path = _seed(prefix)
    original = path.read_text(encoding="utf-8")
    body, name = OWNERS[prefix]
    out = []
    lines = original.splitlines()
    for span in extract_references(_raw_text(path)):
        line = original.count("\n", 0, span.start) + 1
        if HEADING.fullmatch(lines[line - 1]):
            continue  # "Resolution 65/2" above a title names the resolution itself
        if span.kind in ("resolution", "decision"):
            out.append((prefix, line, span.kind, span.key, decide_body(span, body, name)))
    return out


def test_every_resolution_reference_in_the_seeds_is_found_with_its_body() -> None:
    found = [item for prefix in sorted(OWNERS) for item in _found(prefix)]
    assert found == EXPECTED


def _spans(prefix: str) -> list[ReferenceSpan]:
    return list(extract_references(_raw_text(_seed(prefix))))


@pytest.mark.parametrize(
    ("prefix", "kind", "key"),
    [
        ("000", "instrument", "convention-1988"),
        ("000", "instrument", "programme-of-action-salw"),
        ("000", "instrument", "political-declaration-1998"),
        ("000", "instrument", "global-programme-of-action-1990"),
        ("000", "document", "A/CONF.192/15"),
        ("000", "publication", "world-drug-report"),
        ("001", "instrument", "political-declaration-2009"),
        ("001", "instrument", "joint-ministerial-statement-2014"),
        ("001", "instrument", "ungass-2016-outcome"),
        ("001", "instrument", "ministerial-declaration-2019"),
        ("001", "instrument", "agenda-2030"),
        ("001", "instrument", "single-convention-1961-amended"),
        ("001", "instrument", "convention-1971"),
        ("001", "instrument", "udhr"),
        ("001", "instrument", "un-charter"),
        ("001", "publication", "global-study-firearms-2020"),
        ("001", "document", "E/2009/28"),
        ("001", "document", "E/2014/28"),
        ("001", "document", "E/2019/28"),
        ("002", "instrument", "firearms-protocol"),
        ("002", "instrument", "untoc"),
        ("002", "instrument", "international-tracing-instrument"),
        ("002", "url", "https://undocs.org/CTOC/COP/WG.6/2020/4"),
        ("003", "instrument", "arms-trade-treaty"),
        ("003", "instrument", "international-tracing-instrument"),
        ("003", "document", "CTOC/COP/WG.6/2014/4"),
        ("003", "document", "A/60/88"),
        ("003", "publication", "model-law-firearms"),
        ("003", "publication", "legislative-guides-untoc"),
        ("004", "instrument", "uncac"),
        ("004", "instrument", "smuggling-of-migrants-protocol"),
        ("004", "document", "A/64/92-E/2009/98"),
        ("004", "paragraph", "3"),
    ],
)
def test_seed_cites(prefix: str, kind: str, key: str) -> None:
    assert (kind, key) in {(s.kind, s.key) for s in _spans(prefix)}


def test_the_single_convention_of_1954_is_found_with_its_printed_year() -> None:
    spans = [s for s in _spans("004") if s.key == "single-convention-1961-amended"]
    assert (spans[0].raw.split(" as ")[0], spans[0].year) == (
        "Single Convention on Narcotic Drugs of 1954",
        1954,
    )
    assert any(s.raw == "vol. 976, No. 14152" for s in spans)
