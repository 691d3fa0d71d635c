"""Reference extraction and the UN identifier parser, on strings copied from the texts."""

from __future__ import annotations

import pytest

from generator.link.extract import extract_references
from generator.link.registry import default_registry
from generator.link.symbols import (
    official_link,
    parse_document_symbol,
    parse_resolution_number,
    resolution_symbol,
)


@pytest.mark.parametrize(
    ("text", "form", "key", "slug"),
    [
        ("51/11", "session", "51/11", "51-11"),
        ("56/24 V", "session", "56/24 V", "56-24-v"),
        ("S-20/2", "special", "S-20/2", "s-20-2"),
        ("S-20/4 A–E", "special", "S-20/4 A–E", "s-20-4-a-e"),
        ("217 A (III)", "roman", "217 A (III)", "217-a-iii"),
        ("1991/38", "ecosoc", "1991/38", "1991-38"),
        ("2482 (2019)", "sc", "2482 (2019)", "2482"),
        ("2395", "bare", "2395", "2395"),
    ],
)
def test_resolution_numbers(text: str, form: str, key: str, slug: str) -> None:
    number = parse_resolution_number(text)
    assert (number.form, number.key, number.slug()) == (form, key, slug)


def test_a_resolution_number_error_names_the_text() -> None:
    with pytest.raises(ValueError, match=r"not a resolution number: '51/11/Add.1'"):
        parse_resolution_number("51/11/Add.1")


@pytest.mark.parametrize(
    ("body", "number", "symbol"),
    [
        ("ga", "56/24 V", "A/RES/56/24V"),
        ("ga", "S-20/2", "A/RES/S-20/2"),
        ("ga", "S-20/4 A–E", "A/RES/S-20/4"),
        ("ga", "217 A (III)", "A/RES/217(III)"),
        ("ecosoc", "1991/38", "E/RES/1991/38"),
        ("sc", "2482 (2019)", "S/RES/2482 (2019)"),
        ("hrc", "37/42", "A/HRC/RES/37/42"),
        ("cnd", "51/11", None),
        ("ctoc-cop", "5/4", None),
    ],
)
def test_resolution_symbols(body: str, number: str, symbol: str | None) -> None:
    assert resolution_symbol(body, parse_resolution_number(number)) == symbol


@pytest.mark.parametrize(
    ("text", "link", "parts"),
    [
        ("A/CONF.192/15", "https://undocs.org/A/CONF.192/15", ("A/CONF.192/15",)),
        ("E/2009/28", "https://undocs.org/E/2009/28", ("E/2009/28",)),
        ("CTOC/COP/WG.6/2014/4", "https://undocs.org/CTOC/COP/WG.6/2014/4", ("CTOC/COP/WG.6/2014/4",)),
        ("A/64/92-E/2009/98", "https://undocs.org/A/64/92", ("A/64/92", "E/2009/98")),
        ("A/RES/77/71", "https://undocs.org/A/RES/77/71", ("A/RES/77/71",)),
        ("S/RES/2482 (2019)", "https://undocs.org/S/RES/2482(2019)", ("S/RES/2482 (2019)",)),
        ("E/CN.7/2022/14", "https://undocs.org/E/CN.7/2022/14", ("E/CN.7/2022/14",)),
    ],
)
def test_document_symbols(text: str, link: str, parts: tuple[str, ...]) -> None:
    symbol = parse_document_symbol(text)
    assert (official_link(symbol.symbol), symbol.parts) == (link, parts)


def test_a_document_symbol_error_names_the_text() -> None:
    with pytest.raises(ValueError, match=r"not a document symbol: 'HIV/AIDS'"):
        parse_document_symbol("HIV/AIDS")


def _refs(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(s.kind, s.raw, s.key, s.body) for s in extract_references(text)]


def test_a_list_of_general_assembly_resolutions_and_a_decision() -> None:
    text = (
        "Recalling General Assembly resolutions 56/24 V of 24 December 2001, 57/72 of 22 November 2002, "
        "58/241 of 23 December 2003 and 59/86 of 3 December 2004 and decision 60/519 of 8 December 2005,"
    )
    assert _refs(text) == [
        ("resolution", "56/24 V", "56/24 V", "ga"),
        ("resolution", "57/72", "57/72", "ga"),
        ("resolution", "58/241", "58/241", "ga"),
        ("resolution", "59/86", "59/86", "ga"),
        ("decision", "60/519", "60/519", "ga"),
    ]
    assert [s.cited_date for s in extract_references(text)][:2] == ["2001-12-24", "2002-11-22"]


@pytest.mark.parametrize(
    ("text", "key", "body"),
    [
        (
            "Mindful that the Economic and Social Council, in its resolution 1991/38 of 21 June 1991,",
            "1991/38",
            "ecosoc",
        ),
        (
            "Noting that the General Assembly, in section IV of its resolution 50/148, on the proposal",
            "50/148",
            "ga",
        ),
        ("Recalling further that in its resolution 51/11 of 14 March 2008 on the links", "51/11", "self"),
        ("in Conference resolutions 5/4 of 22 October 2010", "5/4", "conference"),
        ("7 UNTOC COP resolution 10/2", "10/2", "ctoc-cop"),
        (
            "the request of the Human Rights Council, through its resolution 42/22 of 26 September 2019,",
            "42/22",
            "hrc",
        ),
        ("Recalling also Commission on Narcotic Drugs resolution 65/2 of 18 March 2022", "65/2", "cnd"),
        ("Welcoming the successful convening ... pursuant to resolution 79/54,", "79/54", None),
        (
            "the Commission on Narcotic Drugs that was established by the by Economic and Social Council, "
            "in its 65th session, adopted resolution 65/4, entitled “Strengthening”",
            "65/4",
            "cnd",
        ),
    ],
)
def test_the_body_comes_from_the_words_around(text: str, key: str, body: str | None) -> None:
    [span] = [s for s in extract_references(text) if s.kind == "resolution"]
    assert (span.key, span.body) == (key, body)


def test_cited_titles() -> None:
    text = (
        "adopted resolution 65/4, entitled “Strengthening international cooperation to address the links”. "
        "Recalling further that in its resolution 51/11 of 14 March 2008 on the links between illicit drug "
        "trafficking and illicit firearms trafficking, it had reaffirmed"
    )
    assert [s.cited_title for s in extract_references(text)] == [
        "Strengthening international cooperation to address the links",
        "the links between illicit drug trafficking and illicit firearms trafficking",
    ]


def test_security_council_lists_and_paragraphs_of_other_resolutions() -> None:
    text = (
        "Recalling its resolutions 1267 (1999), 1373 (2001) and 2395, "
        "and paragraph 24 of resolution 687 (1991) as"
    )
    spans = extract_references(text)
    assert [(s.key, s.paragraph) for s in spans] == [
        ("1267 (1999)", None),
        ("1373 (2001)", None),
        ("2395", None),
        ("687 (1991)", "24"),
    ]


def test_paragraph_references_and_their_scope() -> None:
    text = "the threat mentioned in paragraph 3 above; as set forth in paragraphs 4 and 5 of this resolution"
    assert [(s.kind, s.key, s.scope) for s in extract_references(text)] == [
        ("paragraph", "3", "here"),
        ("paragraph", "4", "resolution"),
        ("paragraph", "5", "resolution"),
    ]


def test_paragraph_of_an_instrument_is_not_a_paragraph_reference() -> None:
    text = "in particular paragraph 11 of the Political Declaration, in which"
    assert [(s.kind, s.raw, s.key) for s in extract_references(text)] == [
        ("instrument", "the Political Declaration", "anaphora:declaration"),
    ]


def test_treaty_series_citations_resolve_through_the_registry() -> None:
    text = "Ibid., vols. 2225, 2237, 2241 and 2326, No. 39574."
    assert [(s.raw, s.key) for s in extract_references(text)] == [
        ("2225", "untoc"),
        ("2237", "trafficking-in-persons-protocol"),
        ("2241", "smuggling-of-migrants-protocol"),
        ("2326", "firearms-protocol"),
    ]
    assert [s.key for s in extract_references("United Nations, Treaty Series, vol. 1, No. 2.")] == [
        "unts-1-2"
    ]


def test_symbols_inside_urls_are_not_documents() -> None:
    text = "1 https://undocs.org/CTOC/COP/WG.6/2020/4. and CTOC/COP/WG.6/2014/4."
    assert _refs(text) == [
        ("url", "https://undocs.org/CTOC/COP/WG.6/2020/4", "https://undocs.org/CTOC/COP/WG.6/2020/4", None),
        ("document", "CTOC/COP/WG.6/2014/4", "CTOC/COP/WG.6/2014/4", None),
    ]


def test_resolution_symbols_are_resolution_references() -> None:
    assert _refs("see S/RES/2482 (2019) and A/RES/77/71.") == [
        ("resolution", "S/RES/2482 (2019)", "2482 (2019)", "sc"),
        ("resolution", "A/RES/77/71", "77/71", "ga"),
    ]


def test_the_longest_instrument_name_wins_and_keeps_a_wrong_year() -> None:
    text = (
        "Mindful of the provisions of the Single Convention on Narcotic Drugs of 1954 as amended by the 1972 "
        "Protocol, the Convention on Psychotropic Substances of 1971 and the 1988 Convention"
    )
    spans = extract_references(text)
    assert [(s.key, s.year) for s in spans] == [
        ("single-convention-1961-amended", 1954),
        ("convention-1971", 1971),
        ("convention-1988", None),
    ]


def test_publications() -> None:
    text = "Taking note of the Global Study on Firearms Trafficking 2020, and the World Drug Report"
    assert [(s.kind, s.key) for s in extract_references(text)] == [
        ("publication", "global-study-firearms-2020"),
        ("publication", "world-drug-report"),
    ]


def test_the_default_registry_loads() -> None:
    registry = default_registry()
    assert registry.by_treaty_series(976, 14152) == registry.get("single-convention-1961-amended")
