"""``resatlas build --corpus DIR --list FILE``: folders read recursively, list files, and their refusals."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from paths import CORPUS, SEEDS

from generator.cli import main
from generator.errors import AtlasError
from generator.textfiles import folder_texts, input_texts, list_texts

GA_77_71 = CORPUS / "A_RES_77_71.txt"
GA_80_38 = CORPUS / "A_RES_80_38.md"


def _tree(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    (folder / "ga" / "deeper").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    for name in ("b.txt", "ga/a.md", "ga/deeper/c.txt", "SOURCES.md", "ga/README.md", "notes.yml", ".x.txt"):
        (folder / name).write_text("text\n")
    (folder / ".hidden" / "d.txt").write_text("text\n")
    return folder


def test_a_folder_gives_its_texts_recursively_sorted_without_notes_or_hidden_files(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    assert [p.relative_to(folder).as_posix() for p in folder_texts(folder)] == [
        "b.txt",
        "ga/a.md",
        "ga/deeper/c.txt",
    ]


def test_a_list_names_texts_and_folders_relative_to_itself(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    listing = folder / "ga" / "corpus.list"
    listing.write_text("# the corpus\n\ndeeper\n../b.txt\n  a.md  \n")
    assert list_texts(listing) == [folder / "ga/deeper/c.txt", folder / "ga/../b.txt", folder / "ga/a.md"]
    assert input_texts(["x.txt"], [folder / "ga"], [listing])[:3] == [
        Path("x.txt"),
        folder / "ga/a.md",
        folder / "ga/deeper/c.txt",
    ]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("a.md\nmissing.txt\n", "2: no such file or folder: missing.txt (in {base})"),
        ("a.md\n# two\na.md\n", "3: a.md is listed already, at line 1"),
        ("../notes.yml\n", "1: ../notes.yml is not a text: expected .txt or .md"),
        ("# nothing\n\n", "1: the list names no text (one path a line, relative to the list)"),
    ],
)
def test_a_bad_list_line_is_refused_with_its_line(tmp_path: Path, lines: str, message: str) -> None:
    folder = _tree(tmp_path)
    listing = folder / "ga" / "corpus.list"
    listing.write_text(lines)
    with pytest.raises(AtlasError) as error:
        list_texts(listing)
    assert str(error.value) == f"{listing}:{message.format(base=listing.parent)}"


def test_a_list_line_naming_a_folder_without_texts_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    listing = tmp_path / "corpus.list"
    listing.write_text("empty\n")
    with pytest.raises(AtlasError) as error:
        list_texts(listing)
    assert str(error.value) == f"{listing}:1: the folder empty holds no .txt or .md text"


def _refused(argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"resatlas: {expected}\n")


def test_bad_corpus_and_list_options_are_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "docs"
    (tmp_path / "empty").mkdir()
    (tmp_path / "a.txt").write_text("text\n")
    build = ["build", "--seeds", str(SEEDS), "--out", str(out)]
    _refused(
        [*build, "--corpus", str(tmp_path / "nowhere")],
        f"--corpus: no such folder: {tmp_path}/nowhere",
        capsys,
    )
    _refused(
        [*build, "--corpus", str(tmp_path / "a.txt")],
        f"--corpus: {tmp_path}/a.txt is a file, not a folder",
        capsys,
    )
    _refused(
        [*build, "--corpus", str(tmp_path / "empty")],
        f"--corpus: {tmp_path}/empty holds no .txt or .md text",
        capsys,
    )
    _refused(
        [*build, "--list", str(tmp_path / "none.list")],
        f"{tmp_path}/none.list:1: cannot read the file: no such file or folder",
        capsys,
    )
    (tmp_path / "utf16.list").write_bytes("a.txt\n".encode("utf-16"))
    _refused(
        [*build, "--list", str(tmp_path / "utf16.list")],
        f"{tmp_path}/utf16.list:1: the text is UTF-16 (little-endian, with a byte-order mark), not UTF-8; "
        "convert the file to UTF-8 first, e.g. with iconv -f UTF-16 -t UTF-8",
        capsys,
    )
    assert not out.exists()


def test_a_text_named_by_a_folder_and_a_list_is_refused_as_one_file_given_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    shutil.copy(GA_77_71, folder / GA_77_71.name)
    listing = tmp_path / "corpus.list"
    listing.write_text(f"texts/{GA_77_71.name}\n")
    text = folder / GA_77_71.name
    argv = ["build", "--seeds", str(SEEDS), "--out", str(tmp_path / "docs"), "--corpus", str(folder)]
    _refused(
        [*argv, "--list", str(listing)],
        f"{text}:1: this is the file {text} again; give each file once",
        capsys,
    )


def test_a_build_from_a_folder_and_a_list_reads_the_same_texts_as_from_extra_files(tmp_path: Path) -> None:
    folder = tmp_path / "texts" / "ga-77"
    folder.mkdir(parents=True)
    shutil.copy(GA_77_71, folder / GA_77_71.name)
    (tmp_path / "texts" / "SOURCES.md").write_text("# where the texts come from\n")
    listing = tmp_path / "corpus.list"
    listing.write_text(f"# one text\n{os.path.relpath(GA_80_38, tmp_path)}\n")
    seeds = ["build", "--seeds", str(SEEDS)]
    assert (
        main([*seeds, "--extra", str(GA_77_71), "--extra", str(GA_80_38), "--out", str(tmp_path / "a")]) == 0
    )
    assert (
        main(
            [
                *seeds,
                "--corpus",
                str(tmp_path / "texts"),
                "--list",
                str(listing),
                "--out",
                str(tmp_path / "b"),
            ]
        )
        == 0
    )
    a = sorted(p.relative_to(tmp_path / "a").as_posix() for p in (tmp_path / "a").rglob("*.md"))
    b = sorted(p.relative_to(tmp_path / "b").as_posix() for p in (tmp_path / "b").rglob("*.md"))
    assert a == b and "comparisons/ga-77-71--ga-80-38.md" in a
