"""Invisible characters in a text are shown as marks and reported, never applied; the parser's own
private-use characters in a text never become footnote marks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from paths import SEEDS

from generator.analyse.phrase import find_command
from generator.build import build_site_sources
from generator.cli import build_parser
from generator.ingest import parse_file
from generator.invisible import describe, invisible_characters, show_invisible
from generator.render.escape import escape_text
from generator.sitebuild import mkdocs_build

RLO, PDF, ZWSP, LRI, PDI = "\u202e", "\u202c", "\u200b", "\u2066", "\u2069"
TEXT = (
    "Resolution 66/1\n\nA title\n\nThe Commission on Narcotic Drugs,\n\n"
    f"1. Decides that {RLO}desrever{PDF} words{ZWSP} and {LRI}isolates{PDI} stay visible;\n\n"
    "2. Notes that \ue00012\ue001 is text and not footnote 12.\n\n"
    "10th plenary meeting\n17 March 2023\n"
)


def write(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_invisible_characters_are_written_as_marks() -> None:
    assert show_invisible(f"a{RLO}b{ZWSP}c\x1bd\te") == "a⟨U+202E⟩b⟨U+200B⟩c⟨U+001B⟩d\te"
    assert invisible_characters(f"{RLO}x{RLO}\u00ad") == [RLO, "\u00ad"]
    assert describe(RLO) == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert describe("\x1b") == "U+001B ESCAPE"
    assert escape_text(f"x{RLO}y") == "x⟨U&#43;202E⟩y"


def test_the_model_keeps_the_characters_and_private_use_ones_are_not_marks(tmp_path: Path) -> None:
    document = parse_file(write(tmp_path))
    op1, op2 = document.resolutions[0].operative
    assert op1.text == f"Decides that {RLO}desrever{PDF} words{ZWSP} and {LRI}isolates{PDI} stay visible;"
    assert op2.text == "Notes that ⟨U+E000⟩12⟨U+E001⟩ is text and not footnote 12."
    assert op2.footnotes == ()
    assert not [d for d in document.diagnostics if d.code == "footnotes"]


def test_pages_show_the_marks_and_the_data_notes_name_each_line(tmp_path: Path) -> None:
    text = write(tmp_path)
    docs, site = tmp_path / "docs", tmp_path / "site"
    build = build_site_sources(SEEDS, [text], docs)
    assert (
        f"{text}:7: invisible characters U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING, "
        in ("\n".join(build.warnings))
    )
    notes = [w for w in build.warnings if w.startswith(str(text))]
    assert notes == [
        f"{text}:7: invisible characters U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING, "
        "U+200B ZERO WIDTH SPACE, U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE in the text: "
        "the pages show them as ⟨U+202E⟩, ⟨U+202C⟩, ⟨U+200B⟩, ⟨U+2066⟩, ⟨U+2069⟩ and never apply them",
        f"{text}:9: private-use characters U+E000 and U+E001 in the text are the parser's own for footnote "
        "marks: the pages show them as ⟨U+E000⟩ and ⟨U+E001⟩, never as a footnote mark",
    ]
    mkdocs_build(docs, site)
    page = (site / "resolutions" / "cnd-66-1" / "index.html").read_text(encoding="utf-8")
    assert "⟨U&#43;202E⟩desrever⟨U&#43;202C⟩" in page
    for char in (RLO, PDF, ZWSP, LRI, PDI, "\ue000", "\ue001"):
        assert char not in page
    notes_page = (site / "data-notes" / "index.html").read_text(encoding="utf-8")
    assert RLO not in notes_page and "ZERO WIDTH SPACE" in notes_page


def test_terminal_output_shows_the_marks(tmp_path: Path) -> None:
    text = write(tmp_path)
    args = build_parser().parse_args(["find", "stay visible", "--seeds", str(SEEDS), "--extra", str(text)])
    out = io.StringIO()
    assert find_command(args, out) == 0
    assert "⟨U+2066⟩isolates⟨U+2069⟩ »stay visible«" in out.getvalue()
    assert RLO not in out.getvalue()


@pytest.mark.parametrize("char", ["\u00ad", "\ufeff", "\u2060", "\x07"])
def test_other_invisible_characters_are_shown_too(char: str) -> None:
    assert show_invisible(f"a{char}b") == f"a⟨U+{ord(char):04X}⟩b"
