"""Bad input: a clear error naming file and line, and no partial output; doubtful structure: warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from paths import SEEDS

from generator.cli import main
from generator.errors import CatalogError, ParseError
from generator.ingest import load_catalog, parse_catalog_text, parse_file, parse_text


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"\n \n")
    with pytest.raises(ParseError) as error:
        parse_file(path)
    assert str(error.value) == f"{path}:1: the file is empty: there is no text to parse"


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path, "image.txt", b"PNG\n\x89\x00\x01")
    with pytest.raises(ParseError) as error:
        parse_file(path)
    assert str(error.value) == f"{path}:2: the file is binary (it contains NUL bytes), not a text file"


def test_text_that_is_not_utf8(tmp_path: Path) -> None:
    path = write(
        tmp_path, "latin1.txt", "The General Assembly,\n\nRecalling the d\xe9cision,\n".encode("latin-1")
    )
    with pytest.raises(ParseError) as error:
        parse_file(path)
    assert str(error.value) == (
        f"{path}:3: the text is not UTF-8 (byte 0xe9 at offset 38); "
        "convert the file to UTF-8 first, e.g. with iconv -f <its encoding> -t UTF-8"
    )


def test_file_absent_from_the_catalog(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "new.txt",
        b"Resolution 66/1\n\nA title\n\nThe Commission on Narcotic Drugs,\n\n1. Decides;\n",
    )
    with pytest.raises(CatalogError) as error:
        parse_file(path, load_catalog(SEEDS / "catalog.yml"))
    assert str(error.value) == (
        f"{path}:1: new.txt is not in the catalog {SEEDS / 'catalog.yml'}; add an entry for it under 'files:'"
    )


CATALOG = """files:
  x.txt:
    resolutions:
      - id: cnd-65-3
        body: cnd
        session: 65
        number: "3"
"""


def test_catalog_disagreeing_with_the_text_names_both() -> None:
    catalog = parse_catalog_text(CATALOG, "cat.yml")
    text = "Resolution 65/2\n\nA title\n\nThe Commission on Narcotic Drugs,\n\n1. Decides to act.\n"
    with pytest.raises(CatalogError) as error:
        parse_text(text, "x.txt", catalog)
    assert str(error.value) == (
        "x.txt:1: the text gives the resolution number as '2' but the catalog (cat.yml:4) says '3'; "
        "correct whichever is wrong"
    )


def test_catalog_with_an_unknown_key() -> None:
    with pytest.raises(CatalogError) as error:
        parse_catalog_text(CATALOG.replace("number:", "numbr:"), "cat.yml")
    assert str(error.value).startswith("cat.yml:4: unknown key(s) numbr; allowed:")


def test_numbering_gap_and_duplicate_are_warnings() -> None:
    text = (
        "Resolution 66/1\n\nA title\n\nThe Commission on Narcotic Drugs,\n\n"
        "1. Decides one;\n\n2. Decides two;\n\n4. Decides four;\n\n4. Decides four again.\n"
    )
    doc = parse_text(text, "gap.txt")
    assert [str(d) for d in doc.diagnostics] == [
        "gap.txt:11: paragraph numbering skips from 2 to 4",
        "gap.txt:13: paragraph numbering repeats 4 to 4",
    ]
    assert [p.id for p in doc.resolutions[0].operative] == ["op1", "op2", "op4", "op4-dup2"]


def test_footnote_mark_without_footnote_text_is_a_warning() -> None:
    text = (
        "Resolution 66/1\n\nA title\n\nThe Commission on Narcotic Drugs,\n\n"
        "1. Recalls the Convention,¹⁹ and decides.\n"
    )
    doc = parse_text(text, "mark.txt")
    assert [str(d) for d in doc.diagnostics] == ["mark.txt:7: footnote mark 19 has no footnote text"]


def test_cli_prints_json_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["parse", str(SEEDS / "003_936b90598207a6a3.txt"), "--catalog", str(SEEDS / "catalog.yml")]) == 0
    )
    payload = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in payload["resolutions"]] == ["ctoc-cop-7-2"]


def test_cli_error_exits_1_with_file_and_line_and_no_partial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.txt", b"\xff\xfd")  # (\xff\xfe is the UTF-16 byte-order mark)
    assert main(["parse", str(SEEDS / "003_936b90598207a6a3.txt"), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"resatlas: {bad}:1: the text is not UTF-8")


def test_cli_strict_turns_warnings_into_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path, "gap.txt", b"Resolution 66/1\n\nT\n\nThe Commission on Narcotic Drugs,\n\n1. A;\n\n3. B.\n"
    )
    assert main(["parse", "--strict", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:9: paragraph numbering skips from 1 to 3" in err
    assert f"resatlas: {path}:9: 1 warning(s) under --strict" in err


def test_strong_emphasis_is_kept_as_an_emphasis_span_and_other_markup_as_text() -> None:
    text = (
        "Resolution 66/1\n\nA title\n\nThe Commission on Narcotic Drugs,\n\n"
        "1. *Decides* that **not bold** stays text, as do <b>tags</b>, `code` and [a](javascript:x);\n"
    )
    (op1,) = parse_text(text, "x.txt").resolutions[0].operative
    assert op1.text == "Decides that not bold stays text, as do <b>tags</b>, `code` and [a](javascript:x);"
    assert [op1.text[e.start : e.end] for e in op1.emphasis] == ["Decides", "not bold"]
