"""Invariants of reference extraction, on clause-like texts mixed with reference-like fragments."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.link.extract import extract_references
from generator.link.symbols import parse_resolution_number

FRAGMENTS = [
    "Recalling its resolution 51/11 of 14 March 2008",
    "General Assembly resolutions 56/24 V, 57/72 and decision 60/519",
    "resolution 2482 (2019)",
    "Resolution 217 A (III).",
    "Ibid., vols. 2225 and 2326, No. 39574.",
    "A/64/92-E/2009/98, sect. II.A.",
    "https://undocs.org/CTOC/COP/WG.6/2020/4.",
    "paragraph 3 above",
    "the Convention",
    "Firearms Protocol",
    "Single Convention on Narcotic Drugs of 1954 as amended by the 1972 Protocol",
    "Member States",
    "and",
    ",",
    "of 1988",
    "S-20/2",
    "1991/38",
    "Conference resolutions 5/4 and 6/2",
]

texts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=12).map(" ".join)


@given(texts)
@settings(max_examples=150, deadline=None)
def test_spans_are_the_text_they_claim_sorted_and_disjoint(text: str) -> None:
    spans = extract_references(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.raw
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start


@given(texts)
@settings(max_examples=100, deadline=None)
def test_extraction_is_deterministic_and_local(text: str) -> None:
    """A reference found in a text is found at the same place with a prefix before it."""
    spans = extract_references(text)
    assert extract_references(text) == spans
    shifted = extract_references("Noting. " + text)
    assert [(s.start - 8, s.kind, s.key) for s in shifted if s.kind != "resolution"] == [
        (s.start, s.kind, s.key) for s in spans if s.kind != "resolution"
    ]


@given(
    st.integers(min_value=1, max_value=99),
    st.integers(min_value=1, max_value=999),
    st.sampled_from(["", " A", " V"]),
)
def test_resolution_number_key_round_trips(session: int, number: int, part: str) -> None:
    key = f"{session}/{number}{part}"
    assert parse_resolution_number(key).key == key
    assert parse_resolution_number(parse_resolution_number(key).key) == parse_resolution_number(key)
