"""Text is data: whatever a text holds, the page shows exactly its characters and nothing else.

The escaped text goes through the same Markdown engine and extensions as the site (mkdocs.yml's
list), and what the browser would show (tags stripped, character references decoded) is the text.
"""

from __future__ import annotations

import html
import re
import string

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.invisible import show_invisible
from generator.model import Emphasis, FootnoteRef
from generator.render.escape import escape_text
from generator.render.richtext import Link, inline_markup

EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "tables",
    "admonition",
    "toc",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
HOSTILE = st.sampled_from(
    [
        "<script>",
        "</p>",
        "<img src=x onerror=alert(1)>",
        "javascript:",
        "{{ x }}",
        "{% if %}",
        "*",
        "**",
        "_",
        "`",
        "[a](b)",
        "![i](u)",
        "#",
        "|",
        "\\",
        "&amp;",
        "&#60;",
        "<!--",
        "-->",
        ":smile:",
        "$$",
        "==",
        "~~",
    ]
)
TEXT = st.lists(
    st.one_of(
        st.text(alphabet=string.ascii_letters + string.punctuation + " “”–é\u202e\u200b\u2066", max_size=8),
        HOSTILE,
    ),
    max_size=12,
).map(lambda parts: " ".join(parts).strip())


def shown(page_source: str) -> str:
    """What a reader sees of a Markdown paragraph: rendered, tags removed, references decoded, white
    space collapsed as the browser does."""
    rendered = markdown.markdown(page_source, extensions=EXTENSIONS)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


@given(TEXT)
@settings(max_examples=300, deadline=None)  # a pause of the shared machine is not a failure
def test_escaped_text_is_shown_exactly(text: str) -> None:
    if not text:
        return
    assert shown(escape_text(text)) == " ".join(show_invisible(text).split())


@given(TEXT)
def test_escaped_text_holds_no_ascii_punctuation_but_references(text: str) -> None:
    escaped = str(escape_text(text))
    leftover = re.sub(r"&#\d+;", "", escaped)
    assert not any(c in string.punctuation for c in leftover)


@given(TEXT, st.data())
@settings(max_examples=200, deadline=None)  # likewise
def test_paragraph_markup_keeps_every_character(text: str, data: st.DataObject) -> None:
    """Emphasis, links and footnote marks are added around the text; no character is lost or repeated."""
    n = len(text)
    cut = st.integers(min_value=0, max_value=n)
    emphasis = [
        Emphasis(*sorted(data.draw(st.tuples(cut, cut)))) for _ in range(data.draw(st.integers(0, 2)))
    ]
    links = []
    for _ in range(data.draw(st.integers(0, 2))):
        a, b = sorted(data.draw(st.tuples(cut, cut)))
        if a < b:
            links.append(
                Link(
                    a,
                    b,
                    data.draw(
                        st.sampled_from(
                            ["resolutions/cnd-51-11.md#op6", "https://x.org/a", "javascript:alert(1)"]
                        )
                    ),
                )
            )
    marks = [FootnoteRef("7", data.draw(cut), 1)] if data.draw(st.booleans()) else []
    source = inline_markup(
        text,
        page="resolutions/cnd-65-2.md",
        paragraph_id="op1",
        emphasis=emphasis,
        footnotes=marks,
        links=links,
    )
    expected = text
    if marks:
        expected = text[: marks[0].offset] + "7" + text[marks[0].offset :]
    if not expected.strip():
        return
    assert shown(source) == " ".join(show_invisible(expected).split())
    assert "javascript:" not in re.sub(r"&#\d+;", "?", str(source))
