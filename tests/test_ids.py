"""Document ids are permalinks whatever the file name, and unique by construction."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import CORPUS, SEEDS

from generator.build import build_site_sources
from generator.errors import CatalogError, ParseError
from generator.ingest import load_corpus, parse_catalog_text, parse_file
from generator.ingest.ids import SAFE_ID, slug
from generator.model import Corpus

REPORT = "Some report text\n\nI. Introduction\n\nThis is a paragraph of a report.\n"
SC_538 = (
    "Resolution 538 (1983)\n\nAdopted by the Security Council at its 2491st meeting, on 18 October 1983\n\n"
    "The Security Council,\n\nRecalling its earlier resolutions,\n\n"
    "1. Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S_RES_538_1983", "s-res-538-1983"),
        ("with space", "with-space"),
        ("répört", "report"),
        ("-dash", "dash"),
        ("A__B--c", "a-b-c"),
        ("٦٥", "65"),
    ],
)
def test_slug_keeps_only_id_characters(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_a_name_with_no_id_characters_gets_a_stable_distinct_hash() -> None:
    assert SAFE_ID.match(slug("日本")) and len(slug("日本")) == 9
    assert slug("日本") == slug("日本") != slug("中国")


@pytest.mark.parametrize("name", ["S_RES_x_y.txt", "rep ort.txt", "répört.txt", "-rep.txt", "日本.txt"])
def test_a_report_named_by_any_file_name_builds(tmp_path: Path, name: str) -> None:
    text = tmp_path / name
    text.write_text(REPORT, encoding="utf-8")
    (report,) = load_corpus(SEEDS, [text]).documents[-1:]
    assert report.report is not None and SAFE_ID.match(report.report.id)
    build = build_site_sources(SEEDS, [text], tmp_path / "docs")
    assert f"reports/{report.report.id}.md" in build.written


def test_two_texts_claiming_one_resolution_name_both_files(tmp_path: Path) -> None:
    first = tmp_path / "S_RES_538_1983.txt"
    second = tmp_path / "S_RES_542_1983.txt"
    first.write_text(SC_538, encoding="utf-8")
    second.write_text(SC_538, encoding="utf-8")
    with pytest.raises(ParseError) as error:
        load_corpus(SEEDS, [first, second])
    assert str(error.value) == (
        f"{second}:1: resolution sc-538 is already given by {first}:1; "
        "two texts cannot be one document: is one of them mis-headed, misnamed or a copy?"
    )


def test_a_seed_given_again_as_an_extra_is_refused(tmp_path: Path) -> None:
    seed = SEEDS / "001_c07e11d1e4a29cf4.txt"
    with pytest.raises(ParseError) as error:
        load_corpus(SEEDS, [seed])
    assert str(error.value) == f"{seed}:1: this is the file {seed} again; give each file once"


def test_the_same_file_under_two_names_is_refused(tmp_path: Path) -> None:
    text = CORPUS / "A_RES_77_71.txt"
    link = tmp_path / "copy.txt"
    link.symlink_to(text)
    with pytest.raises(ParseError) as error:
        load_corpus(SEEDS, [text, link])
    assert str(error.value) == f"{link}:1: this is the file {text} again; give each file once"


def test_the_same_path_twice_in_a_corpus_is_refused() -> None:
    document = parse_file(CORPUS / "A_RES_77_71.txt")
    with pytest.raises(ParseError) as error:
        Corpus((document, document))
    assert str(error.value) == f"{document.path}:1: this file is given twice; give each file once"


def test_a_catalog_id_must_be_a_permalink() -> None:
    catalog = (
        "files:\n  x.txt:\n    resolutions:\n      - id: CND 65/2\n        body: cnd\n        number: '2'\n"
    )
    with pytest.raises(CatalogError) as error:
        parse_catalog_text(catalog, "cat.yml")
    assert str(error.value) == (
        "cat.yml:4: id 'CND 65/2' is not a permalink: use lower-case letters, digits and single hyphens "
        "(e.g. 'cnd-65-2')"
    )
