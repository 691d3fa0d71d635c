"""Every command over a table of bad inputs: exit status 1, one line ``file:line: message`` (or
``--option: message``) on standard error, nothing on standard output, nothing written, no traceback.

The inputs are the classes a careful or a hostile user brings: empty, binary, UTF-16 with and without
a byte-order mark, Latin-1, a NUL byte or a broken UTF-8 sequence mid-file, only a zero-width space, a
folder, a missing file, a symbolic link that loops; and the options: a missing ``--seeds``, an
``--out`` that is a file, a binary ``--catalog`` or ``--changes``. What is accepted (a UTF-8
byte-order mark, CR-only line ends, names with spaces, non-ASCII letters or a leading dash) is
checked to work on every command.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from changes_repo import SEED_003, Repo, git
from paths import SEEDS

from generator.cli import main

TEXT = (
    "Resolution 66/1\n\nA title\n\nThe Commission on Narcotic Drugs,\n\n"
    "1. Decides to remain seized of the matter.\n"
)
CONVERT = "convert the file to UTF-8 first, e.g. with iconv -f {} -t UTF-8"


@dataclass(frozen=True, slots=True)
class Bad:
    """A bad input file: how to make it at ``path``, and the message (after ``path:``) it must give."""

    name: str
    make: Callable[[Path], None]
    message: str


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _folder(path: Path) -> None:
    path.mkdir()


def _missing(path: Path) -> None:
    return None


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


LATIN1 = "Resolution 66/1\n\nRecalling the décision,\n".encode("latin-1")
BROKEN = TEXT.encode("utf-8").replace(b"Commission", b"Commi\xc3\x28sion")
BAD = [
    Bad("empty", _bytes(b""), "1: the file is empty: there is no text to parse"),
    Bad("blank", _bytes(b" \n\t\r\n"), "1: the file is empty: there is no text to parse"),
    Bad(
        "binary",
        _bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
        "3: the file is binary (it contains NUL bytes), not a text file",
    ),
    Bad(
        "utf-16",
        _bytes(TEXT.encode("utf-16")),
        "1: the text is UTF-16 (little-endian, with a byte-order mark), not UTF-8; "
        + CONVERT.format("UTF-16"),
    ),
    Bad(
        "utf-16-be",
        _bytes(b"\xfe\xff" + TEXT.encode("utf-16-be")),
        "1: the text is UTF-16 (big-endian, with a byte-order mark), not UTF-8; " + CONVERT.format("UTF-16"),
    ),
    Bad(
        "utf-16-no-bom",
        _bytes(TEXT.encode("utf-16-le")),
        "1: the text looks like UTF-16 (little-endian, no byte-order mark), not UTF-8; "
        + CONVERT.format("UTF-16LE"),
    ),
    Bad(
        "utf-32",
        _bytes(TEXT.encode("utf-32")),
        "1: the text is UTF-32 (little-endian, with a byte-order mark), not UTF-8; "
        + CONVERT.format("UTF-32"),
    ),
    Bad(
        "latin-1",
        _bytes(LATIN1),
        "3: the text is not UTF-8 (byte 0xe9 at offset 32); " + CONVERT.format("<its encoding>"),
    ),
    Bad(
        "nul",
        _bytes(TEXT.encode().replace(b"A title", b"A\x00title")),
        "3: the file is binary (it contains NUL bytes), not a text file",
    ),
    Bad(
        "broken-utf-8",
        _bytes(BROKEN),
        "5: the text is not UTF-8 (byte 0xc3 at offset 35); " + CONVERT.format("<its encoding>"),
    ),
    Bad(
        "zero-width-space",
        _bytes("\u200b".encode()),
        "1: the file has no visible text: only white space and invisible format characters "
        "(U+200B ZERO WIDTH SPACE)",
    ),
    Bad(
        "invisible-only",
        _bytes("\n \u2066\u202e\n\ufeff".encode()),
        "2: the file has no visible text: only white space and invisible format characters "
        "(U+2066 LEFT-TO-RIGHT ISOLATE)",
    ),
    Bad("folder", _folder, "1: cannot read the file: is a folder, not a file"),
    Bad("missing", _missing, "1: cannot read the file: no such file or folder"),
    Bad(
        "symlink-loop",
        _loop,
        "1: cannot read the file: is a symbolic link that loops (or one of too many links in a row)",
    ),
]


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path under ``folder`` (links not followed) with its size and modification time."""
    out: dict[str, tuple[int, int]] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            info = path.lstat()
            out[path.relative_to(folder).as_posix()] = (info.st_size, info.st_mtime_ns)
    return out


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A one-text corpus folder (CTOC/COP 7/2 with the catalog), so that each run takes little time."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEEDS / "catalog.yml", folder / "catalog.yml")
    shutil.copy(SEEDS / SEED_003, folder / SEED_003)
    return folder


def commands(seeds: Path, text: Path | str, out: Path) -> dict[str, list[str]]:
    """Each command that reads a text, reading ``text``."""
    return {
        "parse": ["parse", str(text)],
        "compare": ["compare", "ctoc-cop-7-2", "ctoc-cop-7-2", "--seeds", str(seeds), "--extra", str(text)],
        "find": ["find", "firearms", "--seeds", str(seeds), "--extra", str(text)],
        "build": ["build", "--seeds", str(seeds), "--extra", str(text), "--out", str(out)],
    }


def refused(argv: list[str], expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``resatlas ARGV`` exits 1 with exactly ``resatlas: EXPECTED``, prints nothing and writes nothing."""
    before = snapshot(tmp_path)
    status = main(argv)
    captured = capsys.readouterr()
    assert (status, captured.out) == (1, "")
    assert captured.err == f"resatlas: {expected}\n"
    assert "Traceback" not in captured.err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", ["parse", "compare", "find", "build"])
@pytest.mark.parametrize("bad", BAD, ids=lambda b: b.name)
def test_a_bad_text_is_refused_by_every_command_that_reads_texts(
    command: str, bad: Bad, seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / f"{bad.name}.txt"
    bad.make(text)
    refused(commands(seeds, text, tmp_path / "docs")[command], f"{text}:{bad.message}", tmp_path, capsys)


@pytest.mark.parametrize(
    "bad", [b for b in BAD if b.name not in ("folder", "missing", "symlink-loop")], ids=lambda b: b.name
)
def test_a_bad_text_committed_to_git_is_refused_by_changes(
    bad: Bad, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path / "repo", SEED_003)
    bad.make(repo.file("bad.txt"))
    repo.commit("a bad text")
    refused(
        ["changes", "--repo", str(repo.path), "--base", "HEAD~1"],
        f"HEAD:seeds/bad.txt:{bad.message}",
        tmp_path,
        capsys,
    )


@pytest.mark.parametrize("bad", BAD, ids=lambda b: b.name)
def test_a_bad_catalog_is_refused(bad: Bad, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = tmp_path / "catalog.yml"
    bad.make(catalog)
    text = tmp_path / "seed.txt"
    text.write_text(TEXT, encoding="utf-8")
    refused(["parse", str(text), "--catalog", str(catalog)], f"{catalog}:{bad.message}", tmp_path, capsys)


@pytest.mark.parametrize("bad", BAD, ids=lambda b: b.name)
def test_a_bad_change_report_is_refused_and_nothing_is_built(
    bad: Bad, seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "changes.json"
    bad.make(report)
    argv = ["build", "--seeds", str(seeds), "--out", str(tmp_path / "docs"), "--changes", str(report)]
    refused(argv, f"{report}:{bad.message}", tmp_path, capsys)


def test_a_bad_file_in_the_seeds_folder_is_refused(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (seeds / "loop.txt").symlink_to("loop.txt")
    loop = seeds / "loop.txt"
    message = "1: cannot read the file: is a symbolic link that loops (or one of too many links in a row)"
    for argv in (
        ["build", "--seeds", str(seeds), "--out", str(tmp_path / "docs")],
        ["find", "firearms", "--seeds", str(seeds)],
    ):
        refused(argv, f"{loop}:{message}", tmp_path, capsys)


@pytest.mark.parametrize("name", ["catalog.yml", "topics.yml", "comparisons.yml", "instruments.yml"])
def test_a_binary_configuration_file_in_the_seeds_folder_is_refused(
    name: str, seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = seeds / name
    config.write_bytes("files: {}\n".encode("utf-16"))
    expected = (
        f"{config}:1: the text is UTF-16 (little-endian, with a byte-order mark), not UTF-8; "
        + CONVERT.format("UTF-16")
    )
    refused(["build", "--seeds", str(seeds), "--out", str(tmp_path / "docs")], expected, tmp_path, capsys)


def _options(tmp_path: Path, seeds: Path) -> list[tuple[list[str], str]]:
    a_file = tmp_path / "a-file"
    a_file.write_text("x\n", encoding="utf-8")
    nowhere = tmp_path / "nowhere"
    empty_docs = tmp_path / "empty-docs"
    empty_docs.mkdir()
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    docs = tmp_path / "docs-built"
    (docs / "index.md").parent.mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main", str(tmp_path / "repo"))
    repo = Repo(tmp_path / "repo2", SEED_003)
    head = git(repo.path, "rev-parse", "HEAD").strip()[:12]
    return [
        (["build", "--seeds", str(nowhere)], f"--seeds: no such folder: {nowhere}"),
        (["build", "--seeds", str(a_file)], f"--seeds: {a_file} is a file, not a folder"),
        (
            ["build", "--seeds", str(loop)],
            f"--seeds: {loop} is a symbolic link to nothing (or one that loops)",
        ),
        (["build", "--seeds", str(seeds), "--out", str(a_file)], f"--out: {a_file} is a file, not a folder"),
        (
            ["build", "--seeds", str(seeds), "--out", str(a_file / "docs")],
            f"--out: {a_file / 'docs'}: {a_file} is a file, not a folder",
        ),
        (
            ["build", "--seeds", str(seeds), "--out", str(tmp_path / "repo")],
            f"--out: {tmp_path / 'repo'} holds a git repository; name a folder for the site's pages",
        ),
        (["compare", "a", "b", "--seeds", str(nowhere)], f"--seeds: no such folder: {nowhere}"),
        (["find", "firearms", "--seeds", str(nowhere)], f"--seeds: no such folder: {nowhere}"),
        (
            ["find", " ", "--seeds", str(seeds)],
            'PHRASE: the phrase to find is empty; give some words, e.g. "judicial cooperation"',
        ),
        (["offline", "--docs", str(nowhere)], f"--docs: no such folder: {nowhere}"),
        (["offline", "--docs", str(a_file)], f"--docs: {a_file} is a file, not a folder"),
        (
            ["offline", "--docs", str(empty_docs)],
            f"--docs: {empty_docs} has no index.md: "
            f"build the pages first (resatlas build --out {empty_docs})",
        ),
        (
            ["offline", "--docs", str(docs), "--out", str(empty_docs)],
            f"--out: {empty_docs} is a folder, not a file",
        ),
        (
            ["offline", "--docs", str(docs), "--site-dir", str(a_file)],
            f"--site-dir: {a_file} is a file, not a folder",
        ),
        (
            ["changes", "--repo", str(repo.path), "--base", "HEAD", "--seeds", "nosuchdir"],
            f"--seeds: no folder 'nosuchdir' at HEAD ({head}) or HEAD ({head}); "
            "name the corpus folder relative to the repository root",
        ),
        (
            ["changes", "--repo", str(repo.path), "--base", "no-such-branch"],
            f"{repo.path}: unknown revision 'no-such-branch' "
            "(no branch, tag or commit has that name, and there is no remote to fetch it from)",
        ),
        (["changes", "--repo", str(nowhere), "--base", "main"], f"--repo: no such folder: {nowhere}"),
        (
            ["changes", "--repo", str(empty_docs), "--base", "main"],
            f"{empty_docs}: not a git repository (name one with --repo)",
        ),
        (
            ["changes", "--repo", str(repo.path), "--base", "HEAD", "--output", str(empty_docs)],
            f"--output: {empty_docs} is a folder, not a file",
        ),
        (
            ["build", "--format", "json"],
            "resatlas: unrecognized arguments: --format json (see resatlas --help)",
        ),
    ]


def test_bad_options_are_refused_before_any_work(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv, expected in _options(tmp_path, seeds):
        before = snapshot(tmp_path)
        status = main(argv)
        captured = capsys.readouterr()
        assert (argv, status, captured.out) == (argv, 1, "")
        expected_line = expected if expected.startswith("resatlas") else f"resatlas: {expected}"
        assert captured.err == expected_line + "\n", argv
        assert snapshot(tmp_path) == before, argv


ACCEPTED = {
    "utf-8 byte-order mark": ("bom.txt", b"\xef\xbb\xbf" + TEXT.encode()),
    "CR line ends": ("cr.txt", TEXT.replace("\n", "\r").encode()),
    "CRLF line ends": ("crlf.txt", TEXT.replace("\n", "\r\n").encode()),
    "a space in the name": ("with space.txt", TEXT.encode()),
    "non-ASCII letters in the name": ("résolution ünï.txt", TEXT.encode()),
    "a leading dash in the name": ("-dash.txt", TEXT.encode()),
}


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_what_is_accepted_works_on_every_command(
    case: str,
    seeds: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name, data = ACCEPTED[case]
    monkeypatch.chdir(tmp_path)
    Path(name).write_bytes(data)
    text = f"./{name}" if name.startswith("-") else name  # (pathlib would drop the "./")
    argv = commands(seeds, text, tmp_path / "docs")
    argv["compare"][1:3] = ["cnd-66-1", "cnd-66-1"]
    argv["find"][1] = "remain seized"
    for command, args in argv.items():
        assert main(args) == 0, (command, capsys.readouterr().err)
    out = capsys.readouterr().out
    assert "»remain seized« of the matter." in out
    assert (tmp_path / "docs" / "resolutions" / "cnd-66-1.md").is_file()


def test_a_file_name_with_a_leading_dash_given_bare_gets_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("-dash.txt").write_text(TEXT, encoding="utf-8")
    assert main(["parse", "-dash.txt"]) == 1
    assert capsys.readouterr().err == (
        "resatlas parse: the following arguments are required: files (see resatlas parse --help); "
        "-dash.txt was read as an option: to name that file, write ./-dash.txt\n"
    )
    assert main(["parse", "--", "-dash.txt"]) == 0


def test_the_same_text_twice_is_refused_by_every_command(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "text.txt"
    text.write_text(TEXT, encoding="utf-8")
    again = f"{text}:1: this is the file {text} again; give each file once"
    refused(["parse", str(text), str(text)], again, tmp_path, capsys)
    for command, argv in commands(seeds, text, tmp_path / "docs").items():
        if command != "parse":
            refused([*argv, "--extra", str(text)], again, tmp_path, capsys)


def test_a_footnote_zone_that_starts_mid_sentence_is_read_not_an_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "zone.txt"
    text.write_text(TEXT + "\n__________\nlower-case start of a footnote zone\n", encoding="utf-8")
    status = main(["parse", str(text)])
    assert "internal error" not in capsys.readouterr().err
    assert status == 0
