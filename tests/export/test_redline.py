"""The Word redline: accepting every tracked change gives the right-hand text, rejecting every one the
left-hand text, word for word; python-docx and LibreOffice open the file."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from paths import CORPUS, SEEDS

from generator.analyse.compare import Comparison, compare_resolutions, units
from generator.analyse.topics import load_taxonomy
from generator.build import build_site_sources
from generator.cli import main
from generator.export.redline import AUTHOR, HEADER_PARAGRAPHS, REVISION_DATE, redline_docx
from generator.model import Corpus, Paragraph, Resolution

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAIR_77_80 = [CORPUS / "A_RES_77_71.txt", CORPUS / "A_RES_80_38.md"]
COMPARISONS = [
    ("cnd-51-11", "cnd-65-2"),  # moves, merges, 9 dropped and 15 new paragraphs
    ("ga-77-71", "ga-80-38"),  # renumbering throughout, one move, long
    ("cnd-51-11", "cnd-53-8"),  # a split
]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    from generator.ingest import load_corpus

    return load_corpus(SEEDS, PAIR_77_80)


def _comparison(corpus: Corpus, left: str, right: str) -> tuple[Resolution, Resolution, Comparison]:
    old, new = corpus.resolution(left), corpus.resolution(right)
    assert old is not None and new is not None
    return old, new, compare_resolutions(old, new, load_taxonomy(SEEDS / "topics.yml"))


def _printed(para: Paragraph) -> list[str]:
    return (f"{para.number}. {para.full_text}" if para.number else para.full_text).split()


def _resolved(body: etree._Element, keep: str, drop: str) -> list[list[str]]:
    """The words of each paragraph once every ``keep`` revision is accepted and every ``drop`` one
    rejected; a paragraph whose mark is dropped joins the next one."""
    paragraphs: list[list[str]] = []
    pending = ""
    for p in body.iter(f"{W}p"):
        text = pending
        for node in p.iter(f"{W}t", f"{W}delText"):
            revision = next((a for a in node.iterancestors(f"{W}ins", f"{W}del")), None)
            if revision is None or revision.tag != f"{W}{drop}":
                text += node.text or ""
        mark = p.find(f"{W}pPr/{W}rPr/{W}{drop}")
        if mark is not None:
            pending = text
        else:
            paragraphs.append(text.split())
            pending = ""
    if pending.strip():
        paragraphs.append(pending.split())
    return paragraphs[HEADER_PARAGRAPHS:]


def _accept(body: etree._Element) -> list[list[str]]:
    return _resolved(body, "ins", "del")


def _reject(body: etree._Element) -> list[list[str]]:
    return _resolved(body, "del", "ins")


def _xml_body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    body = root.find(f"{W}body")
    assert body is not None
    return body


@pytest.mark.parametrize(("left", "right"), COMPARISONS)
def test_accept_all_gives_the_right_text_and_reject_all_the_left(
    corpus: Corpus, left: str, right: str
) -> None:
    old, new, comparison = _comparison(corpus, left, right)
    data = redline_docx(comparison)
    expected_right = [_printed(p) for p in units(new)]
    expected_left = [_printed(p) for p in units(old)]
    xml_body = _xml_body(data)
    assert _accept(xml_body) == expected_right
    assert _reject(xml_body) == expected_left
    opened = docx.Document(io.BytesIO(data))
    assert _accept(opened.element.body) == expected_right
    assert _reject(opened.element.body) == expected_left
    assert opened.paragraphs[0].text == f"{old.symbol} → {new.symbol}"
    assert opened.core_properties.author == AUTHOR


def test_a_new_paragraph_is_one_insertion_and_a_dropped_one_one_deletion(corpus: Corpus) -> None:
    _, _, comparison = _comparison(corpus, "cnd-51-11", "cnd-65-2")
    body = _xml_body(redline_docx(comparison))
    paragraphs = list(body.iter(f"{W}p"))[HEADER_PARAGRAPHS:]
    whole = {"ins": 0, "del": 0}
    for p in paragraphs:
        children = [c for c in p if c.tag != f"{W}pPr"]
        for kind in whole:
            if len(children) == 1 and children[0].tag == f"{W}{kind}":
                assert p.find(f"{W}pPr/{W}rPr/{W}{kind}") is not None  # the paragraph mark too
                whole[kind] += 1
    moved = sum(1 for pair in comparison.pairs if pair.moved)
    assert whole == {"ins": 15 + moved, "del": 9 + moved}
    revisions = [r for r in body.iter(f"{W}ins", f"{W}del")]
    assert {(r.get(f"{W}author"), r.get(f"{W}date")) for r in revisions} == {(AUTHOR, REVISION_DATE)}
    ids = [r.get(f"{W}id") for r in revisions]
    assert len(ids) == len(set(ids))


def test_a_changed_paragraph_carries_the_word_diff(corpus: Corpus) -> None:
    _, _, comparison = _comparison(corpus, "cnd-51-11", "cnd-65-2")
    body = _xml_body(redline_docx(comparison))
    # 51/11 op6 -> 65/2 op11: the lead "Notes" became "Underlines", the rest is largely kept.
    changes = [
        (
            ["".join(d.itertext()) for d in p.iter(f"{W}del")],
            ["".join(i.itertext()) for i in p.iter(f"{W}ins")],
        )
        for p in body.iter(f"{W}p")
    ]
    assert any(
        deleted[:2] == ["6", "Notes"] and inserted[:2] == ["11", "Underlines"]
        for deleted, inserted in changes
    )


def test_the_same_comparison_gives_the_same_bytes(corpus: Corpus) -> None:
    _, _, comparison = _comparison(corpus, "cnd-51-11", "cnd-65-2")
    assert redline_docx(comparison) == redline_docx(comparison)


def test_compare_command_writes_the_docx(tmp_path: Path, corpus: Corpus) -> None:
    target = tmp_path / "redline.docx"
    assert main(["compare", "cnd-51-11", "cnd-65-2", "--seeds", str(SEEDS), "--format", "docx",
                 "--output", str(target)]) == 0  # fmt: skip
    _, _, comparison = _comparison(corpus, "cnd-51-11", "cnd-65-2")
    assert target.read_bytes() == redline_docx(comparison)


def test_compare_command_refuses_docx_on_a_terminal_without_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["compare", "cnd-51-11", "cnd-65-2", "--seeds", str(SEEDS), "--format", "docx"]) == 1
    assert capsys.readouterr().err == (
        "resatlas: --output: a .docx is not for a terminal; name a file with --output FILE.docx\n"
    )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (make system-deps)")
def test_libreoffice_converts_the_redlines_to_pdf(tmp_path: Path, corpus: Corpus) -> None:
    files = []
    for left, right in COMPARISONS:
        path = tmp_path / f"{left}--{right}.docx"
        path.write_bytes(redline_docx(_comparison(corpus, left, right)[2]))
        files.append(str(path))
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *files],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for left, right in COMPARISONS:
        pdf = tmp_path / "pdf" / f"{left}--{right}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF"), result.stdout + result.stderr


def test_the_build_writes_a_redline_beside_each_comparison_and_links_it(tmp_path: Path) -> None:
    build_site_sources(SEEDS, (), tmp_path)
    folder = tmp_path / "data" / "comparisons"
    jsons = sorted(p.stem for p in folder.glob("*.json"))
    assert jsons and sorted(p.stem for p in folder.glob("*.docx")) == jsons
    docx.Document(str(folder / "cnd-51-11--cnd-65-2.docx"))
    page = (tmp_path / "comparisons" / "cnd-51-11--cnd-65-2.md").read_text(encoding="utf-8")
    assert "[Word redline (.docx)](../data/comparisons/cnd-51-11--cnd-65-2.docx)" in page
    topic_view = (tmp_path / "comparisons" / "cnd-51-11--cnd-65-2--training.md").read_text(encoding="utf-8")
    assert (
        "[Word redline (.docx)](../data/comparisons/cnd-51-11--cnd-65-2.docx) of every clause" in topic_view
    )
    by_resolution = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "lists").glob("downloads*.md"))
    assert "([Word](../data/comparisons/cnd-51-11--cnd-65-2.docx))" in by_resolution
