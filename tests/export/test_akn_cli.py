"""``resatlas export --format akn``: output, errors as ``file:line: message``, nothing written on error."""

from __future__ import annotations

from pathlib import Path

import pytest
from akn_helpers import schema_errors
from paths import CORPUS, SEEDS

from generator.cli import main

SC_2482 = str(CORPUS / "S_RES_2482_2019.txt")
SEED_65 = str(SEEDS / "001_c07e11d1e4a29cf4.txt")
CATALOG = str(SEEDS / "catalog.yml")


def test_one_resolution_goes_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", SC_2482, "--format", "akn"]) == 0
    xml = capsys.readouterr().out
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso')
    assert "/akn/un/statement/deliberation/sc/2019-07-19/2482" in xml
    assert schema_errors(xml) == []


def test_several_go_to_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    assert main(["export", *files, "--format", "akn", "--catalog", CATALOG, "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == [
        "cnd-51-11.xml",
        "cnd-53-8.xml",
        "cnd-65-1.xml",
        "cnd-65-2.xml",
        "cnd-65-3.xml",
        "ctoc-cop-7-2.xml",
    ]
    err = capsys.readouterr().err
    assert (
        f"resatlas: warning: {SEEDS / '002_d242e9daf6675937.txt'}:1: a report, not a resolution: skipped"
        in err
    )
    assert 'wId="para_3"' in (tmp_path / "cnd-65-2.xml").read_text(encoding="utf-8")


def test_unidentified_resolutions_are_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", SEED_65, "--format", "akn", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.splitlines()
    why = "the adoption date is not known, and an Akoma Ntoso Work IRI needs it"
    assert f"resatlas: {SEED_65}:9: cnd-65-2: {why}" in err
    assert err[-1] == (
        "resatlas: nothing written: 3 resolution(s) cannot be exported "
        "(a catalog, --catalog FILE, can name what the texts do not say)"
    )
    assert not (tmp_path / "out").exists()


def test_several_resolutions_need_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", SEED_65, "--format", "akn", "--catalog", CATALOG]) == 1
    assert capsys.readouterr().err == f"resatlas: {SEED_65}:1: 3 resolutions to export: give --out DIR\n"


def test_an_unreadable_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["export", str(empty), "--format", "akn"]) == 1
    assert capsys.readouterr().err.startswith(f"resatlas: {empty}:")
