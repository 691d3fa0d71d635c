"""The change report's renderers: text stays data in Markdown, comments stay under GitHub's limit,
JSON goes there and back, and the site's Changes page."""

from __future__ import annotations

import html
import re

import markdown
from markdown_it import MarkdownIt

from generator.analyse.diff import DiffOp, word_diff
from generator.changes import render_changes_page, render_comment, report_from_json, report_to_json
from generator.changes.markdown import COMMENT_LIMIT, COMMENT_MARKER, escape, render_markdown
from generator.changes.report import (
    ChangeReport,
    DataNote,
    DocumentChange,
    FieldChange,
    FootnoteChange,
    ParagraphChange,
    UnitChange,
)
from generator.changes.text import render_text

HOSTILE = (
    "Recalling <script>alert(1)</script> and <img src=x onerror=alert(2)>, "
    "[a link](javascript:alert(3)) **not bold** {{ jinja }} {% raw %} | a pipe | ~~x~~ ==y== 1/2 :smile: "
    '&amp; &#60; `code` \\* {: onclick="alert(4)" } !!! danger'
)


SITE_EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "tables",
    "admonition",
    "toc",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
"""The Markdown extensions of mkdocs.yml, the ones the site's Changes page goes through."""


def report_of(*paragraphs: ParagraphChange, footnotes: tuple[FootnoteChange, ...] = ()) -> ChangeReport:
    unit = UnitChange(
        "cnd-65-2",
        "CND resolution 65/2",
        "modified",
        fields=(FieldChange("title", "Old title", "New <b>title</b>", True),),
        paragraphs=paragraphs,
        footnotes=footnotes,
        paragraph_count=len(paragraphs),
    )
    document = DocumentChange(
        "seeds/001_c07e11d1e4a29cf4.txt",
        "modified",
        units=(unit,),
        notes_added=(DataNote("footnotes", "footnote mark 7 has no footnote text", "seeds/001.txt:57"),),
    )
    return ChangeReport("main", "feature/<x>", "a" * 40, "b" * 40, "seeds", (document,))


def changed(old: str, new: str, old_id: str = "op3", new_id: str = "op3") -> ParagraphChange:
    return ParagraphChange(
        "changed",
        old_id,
        new_id,
        old,
        new,
        word_diff(old, new),
        0.9,
        renumbered=old_id != new_id,
        location="x:1",
    )


def hostile_report() -> ChangeReport:
    return report_of(
        changed("Recalling its resolution 51/11,", HOSTILE),
        ParagraphChange("added", None, "op4", "", HOSTILE, location="x:2"),
        ParagraphChange("removed", "op9", None, HOSTILE, "", location="x:3"),
        footnotes=(FootnoteChange("changed", "7", "7", "Ibid.", HOSTILE, word_diff("Ibid.", HOSTILE)),),
    )


def test_escape_leaves_no_markup_character() -> None:
    escaped = escape(HOSTILE)
    assert not set(escaped) & set("<>*[]()`|~{}\\:/=_")
    assert html.unescape(escaped) == HOSTILE


def test_hostile_text_is_shown_as_text_by_github_markdown_and_python_markdown() -> None:
    page = render_changes_page(hostile_report())
    for rendered in (
        MarkdownIt("commonmark").enable("table").enable("strikethrough").render(page),
        markdown.markdown(page, extensions=SITE_EXTENSIONS),
    ):
        assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
        assert "<strong>not bold</strong>" not in rendered and "<code>" not in rendered
        assert "<b>" not in rendered and "<s>" not in rendered
        assert not re.search(r"<[^>]*\sonclick=", rendered), "an attribute made of text"
        assert rendered.count("<ins>") >= 3 and rendered.count("<del>") >= 3
        shown = html.unescape(rendered)
        assert "<script>alert(1)</script>" in shown
        assert "[a link](javascript:alert(3)) **not bold** {{ jinja }}" in shown


def test_comment_holds_the_whole_report_when_it_fits() -> None:
    comment = render_comment(
        report_of(changed("Encourages adequate measures", "Encourages appropriate measures"))
    )
    assert comment.startswith(COMMENT_MARKER + "\n## Changes to the texts\n")
    assert "Encourages <del>adequate</del><ins>appropriate</ins> measures" in comment
    assert "feature&#47;&#60;x&#62; (bbbbbbbbbbbb)" in comment
    assert "- title: <del>Old title</del> → <ins>New &#60;b&#62;title&#60;&#47;b&#62;</ins>" in comment
    assert "New data notes:" in comment and "footnote mark 7 has no footnote text" in comment


def test_long_report_becomes_a_summary_under_the_limit_pointing_to_the_full_report() -> None:
    words = " ".join(f"word{i}" for i in range(60))
    paragraphs = tuple(
        changed(words, words.replace("word7 ", "term7 "), f"op{n}", f"op{n}") for n in range(1500)
    )
    big = report_of(*paragraphs)
    assert len(render_markdown(big).encode()) > COMMENT_LIMIT
    comment = render_comment(big, full_report_url="https://github.com/o/r/actions/runs/1")
    assert len(comment.encode()) <= COMMENT_LIMIT
    assert comment.startswith(COMMENT_MARKER + "\n")
    assert "too long for a comment: see [the full report](https&#58;&#47;&#47;github.com" in comment
    assert "| 1500 paragraphs&#58; 1500 changed; title changed |" in comment
    assert "  - changed: op0, op1, op2," in comment and "op29 and 1470 more" in comment
    assert "the Changes page of the preview build" in render_comment(big)


def test_long_unchanged_stretches_are_shortened_around_the_change() -> None:
    old = " ".join(f"w{i}" for i in range(100))
    new = old.replace("w50 ", "w50 inserted ")
    line = render_markdown(report_of(changed(old, new)))
    assert "… w39 w40 w41 w42 w43 w44 w45 w46 w47 w48 w49 w50<ins> inserted</ins> w51 w52" in line
    assert "w0 " not in line and "w99" not in line


def test_renumbered_runs_are_one_line() -> None:
    runs = [
        ParagraphChange("renumbered", f"op{n}", f"op{n + 1}", "t", "t", renumbered=True) for n in range(6, 17)
    ]
    page = render_markdown(report_of(ParagraphChange("added", None, "op6", "", "New."), *runs))
    assert "- **op6**–**op16** → **op7**–**op17** renumbered (11 paragraphs), text unchanged" in page
    assert "op6..op16 -> op7..op17 renumbered (11 paragraphs), text unchanged" in render_text(
        report_of(ParagraphChange("added", None, "op6", "", "New."), *runs)
    )


def test_json_round_trip_and_text_change_flags() -> None:
    report = hostile_report()
    text = report_to_json(report)
    assert report_from_json(text) == report
    assert '"is_text_change": true' in text
    assert text == report_to_json(report_from_json(text))


def test_changes_page_for_the_site() -> None:
    page = render_changes_page(hostile_report())
    assert page.startswith("# Changes\n\nThis preview was built from a pull request.")
    assert "\n## seeds&#47;001&#95;c07e11d1e4a29cf4.txt\n" in page
    assert "\n### CND resolution 65&#47;11" not in page and "\n### CND resolution 65&#47;2" in page
    assert COMMENT_MARKER not in page
    assert "<script" not in page


def test_text_form_marks_changes_without_colour() -> None:
    text = render_text(report_of(changed("Notes the report", "Welcomes the report")))
    assert "[-Notes-]{+Welcomes+} the report" in text
    assert DiffOp("equal", " the report") in word_diff("Notes the report", "Welcomes the report")
