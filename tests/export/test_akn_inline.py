"""Inline markup: every character once, spans nested even where they cross, marks at their offsets."""

from __future__ import annotations

import pytest
from akn_helpers import text_of
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from generator.export.frbr import FrbrUri, xsd_date
from generator.export.inline import Span, fill
from generator.export.tree import AKN_NS, element


def note(marker: str):  # type: ignore[no-untyped-def]
    def build(parent: etree._Element) -> None:
        element("authorialNote", parent, {"marker": marker}).text = f"[{marker}]"

    return build


def written(text: str, spans: list[Span], marks: list[tuple[int, object]]) -> str:
    p = element("p")
    fill(p, text, spans, marks)  # type: ignore[arg-type]
    return etree.tostring(p, encoding="unicode").replace(f' xmlns="{AKN_NS}"', "")


def test_crossing_spans_are_cut_to_nest() -> None:
    spans = [Span(0, 9, "i"), Span(6, 14, "ref", (("href", "#x"),))]
    assert written("Recalls its 51/11 now", spans, []) == (
        '<p><i>Recall<ref href="#x">s i</ref></i><ref href="#x">ts 51</ref>/11 now</p>'
    )


def test_marks_stand_outside_the_spans_they_touch() -> None:
    spans = [Span(0, 4, "i")]
    assert written("1988, and", spans, [(4, note("13")), (5, note("14")), (9, note("15"))]) == (
        '<p><i>1988</i><authorialNote marker="13">[13]</authorialNote>,'
        '<authorialNote marker="14">[14]</authorialNote> and'
        '<authorialNote marker="15">[15]</authorialNote></p>'
    )


XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=40)


@settings(deadline=None)  # pure and fast; a shared machine's pauses are not failures
@given(
    XML_TEXT,
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
    st.lists(st.integers(0, 40), max_size=4),
)
def test_text_is_written_once_whatever_the_spans(
    text: str, ranges: list[tuple[int, int]], at: list[int]
) -> None:
    size = len(text)
    spans = [Span(min(a, b, size), min(max(a, b), size), "i") for a, b in ranges]
    p = element("p")
    fill(p, text, spans, [(k, note(str(k))) for k in at])  # type: ignore[arg-type]
    assert text_of(p) == text
    assert len(p.findall(f".//{{{AKN_NS}}}authorialNote")) == len(at)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2008-03-14", ("2008-03-14", "adoption")),
        ("2022-03", ("2022-03-01", "adoption-month")),
        ("1991", ("1991-01-01", "adoption-year")),
    ],
)
def test_partial_dates_get_their_first_day_and_say_so(date: str, expected: tuple[str, str]) -> None:
    assert xsd_date(date) == expected


def test_a_work_needs_a_date_and_a_number() -> None:
    with pytest.raises(ValueError, match="not an Akoma Ntoso work date"):
        FrbrUri("cnd", "March 2022", "65-2")
    assert FrbrUri("sc", "2019-07-19", "2482").portion("para_3") == (
        "/akn/un/statement/deliberation/sc/2019-07-19/2482/~para_3"
    )
