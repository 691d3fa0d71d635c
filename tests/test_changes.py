"""``resatlas changes`` on small git repositories of real seeds: each test makes one kind of edit in a
commit and checks the report between the two commits."""

from __future__ import annotations

import argparse
import io
from collections import Counter
from pathlib import Path

import pytest
from changes_repo import SEED_000, SEED_001, SEED_003, SEED_004, Repo, git, insert_operative, rewrap

from generator.analyse.diff import DiffOp
from generator.changes import build_report, changes_command, load_report
from generator.changes.gitread import GitError
from generator.changes.report import ChangeReport, UnitChange
from generator.errors import ParseError


def report(repo: Repo, base: str = "HEAD~1", head: str = "HEAD") -> ChangeReport:
    return build_report(repo.path, base, head, "seeds")


def only_unit(result: ChangeReport) -> UnitChange:
    assert len(result.documents) == 1
    (unit,) = result.documents[0].units
    return unit


def run(repo: Repo, *extra: str) -> tuple[int, str]:
    args = argparse.Namespace(
        base="HEAD~1", head=None, repo=str(repo.path), seeds="seeds", format="text", fail_on=None, output=None
    )
    for option, value in zip(extra[::2], extra[1::2], strict=True):
        setattr(args, option.lstrip("-").replace("-", "_"), value)
    out = io.StringIO()
    status = changes_command(args, out)
    return status, out.getvalue()


def test_one_word_changed(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_000)
    repo.replace(SEED_000, "to take adequate measures", "to take appropriate measures")
    repo.commit("one word")
    result = report(repo)
    unit = only_unit(result)
    assert unit.id == "cnd-51-11"
    (change,) = unit.paragraphs
    assert (change.kind, change.old_id, change.new_id) == ("changed", "op3", "op3")
    assert [op for op in change.ops if op.op != "equal"] == [
        DiffOp("delete", "adequate"),
        DiffOp("insert", "appropriate"),
    ]
    assert unit.footnotes == () and unit.fields == ()
    assert result.is_text_change
    assert run(repo, "--fail-on", "text-change")[0] == 3
    status, text = run(repo)
    assert status == 0
    assert "[-adequate-]{+appropriate+}" in text


def test_paragraph_inserted_and_later_ones_renumbered_is_one_addition(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_001)
    new = "*Urges* Member States to share information on seized firearms with the Office;"
    repo.write(SEED_001, insert_operative(repo.read(SEED_001), after=5, new_paragraph=new, first=1, last=16))
    repo.commit("insert 65/2 op6, renumber op6-op16")
    result = report(repo)
    # The data checks read raw lines by file name: they must see this revision's lines, not the
    # working tree's (here /work/main/seeds), or 65/3's printed number is missed two lines lower.
    assert result.documents[0].notes_added == result.documents[0].notes_resolved == ()
    unit = only_unit(result)
    assert unit.id == "cnd-65-2"
    kinds = Counter(c.kind for c in unit.paragraphs)
    assert kinds == Counter({"added": 1, "renumbered": 11})
    (added,) = [c for c in unit.paragraphs if c.kind == "added"]
    assert added.new_id == "op6"
    assert added.new_text == "Urges Member States to share information on seized firearms with the Office;"
    renumbered = [(c.old_id, c.new_id) for c in unit.paragraphs if c.kind == "renumbered"]
    assert renumbered == [(f"op{n}", f"op{n + 1}") for n in range(6, 17)]
    assert not any(c.is_text_change for c in unit.paragraphs if c.kind == "renumbered")
    text = run(repo)[1]
    assert "op6..op16 -> op7..op17 renumbered (11 paragraphs), text unchanged" in text


@pytest.mark.parametrize("width", [50, 72])
def test_seeds_rewrapped_to_other_line_lengths_are_no_text_change(tmp_path: Path, width: int) -> None:
    repo = Repo(tmp_path, SEED_000, SEED_001, SEED_003, SEED_004)
    for name in (SEED_000, SEED_001, SEED_003, SEED_004):
        before = repo.read(name)
        repo.write(name, rewrap(before, width))
        assert repo.read(name) != before
    repo.commit(f"re-wrap at {width} columns")
    result = report(repo)
    assert [(d.path, d.status, d.layout) for d in result.documents] == [
        (f"seeds/{name}", "layout", "whitespace") for name in (SEED_000, SEED_001, SEED_003, SEED_004)
    ]
    assert all(d.units == () for d in result.documents)
    assert not result.is_text_change
    assert run(repo, "--fail-on", "text-change")[0] == 0
    assert run(repo, "--fail-on", "any")[0] == 3
    assert "line breaks and white space only, text unchanged" in run(repo)[1]


RESOLUTION_66_1 = """\

## Resolution 66/1

### **Promoting the marking and tracing of firearms linked to drug trafficking**

*The Commission on Narcotic Drugs,*

*Recalling* its resolution 65/2 of March 2022,

1. *Encourages* Member States to mark firearms at the time of manufacture and import;

2. *Requests* the United Nations Office on Drugs and Crime to report to the Commission
at its sixty-seventh session.
"""

CATALOG_66_1 = """\
  005_new.txt:
    kind: resolutions
    resolutions:
      - id: cnd-66-1
        body: cnd
        session: 66
        number: "1"
        date: "2023-03"
        source_document: E/2023/28
        fragment: false
"""


def test_resolution_added_and_removed(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_000)
    repo.write("005_new.txt", RESOLUTION_66_1)
    repo.write("catalog.yml", repo.read("catalog.yml") + CATALOG_66_1)
    repo.commit("add CND 66/1")
    result = report(repo)
    (document,) = result.documents
    assert (document.path, document.status) == ("seeds/005_new.txt", "added")
    (unit,) = document.units
    assert (unit.id, unit.status, unit.paragraph_count) == ("cnd-66-1", "added", 3)
    assert unit.label == "CND resolution 66/1"
    assert [(f.name, f.new) for f in unit.fields] == [
        ("title", "Promoting the marking and tracing of firearms linked to drug trafficking")
    ]
    assert result.is_text_change
    backwards = report(repo, "HEAD", "HEAD~1")
    (gone,) = backwards.documents[0].units
    assert (backwards.documents[0].status, gone.id, gone.status) == ("removed", "cnd-66-1", "removed")


def test_footnote_changed(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_004)
    repo.replace(
        SEED_004,
        "<sup>6</sup> A/64/92-E/2009/98, sect. II.A.",
        "<sup>6</sup> See *Official Records of the Economic and Social Council, 2009,"
        " Supplement No. 8* (E/2009/28).",
    )
    repo.commit("footnote 6 cites the Official Records")
    unit = only_unit(report(repo))
    assert unit.paragraphs == () and unit.fields == ()
    (note,) = unit.footnotes
    assert (note.kind, note.old_number, note.new_number) == ("changed", "6", "6")
    assert note.old_text == "A/64/92-E/2009/98, sect. II.A."
    deleted = "".join(op.text for op in note.ops if op.op == "delete")
    inserted = "".join(op.text for op in note.ops if op.op == "insert")
    assert "A/64/92-E/2009/98" in deleted and "sect. II.A" in deleted
    assert "Official Records of the Economic and Social Council" in inserted
    assert note.is_text_change and unit.is_text_change


def test_paragraph_moved_is_a_text_change_and_not_a_removal(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_000)
    text = repo.read(SEED_000)
    op2 = text[text.index("2. *Notes*") : text.index("\n", text.index("2. *Notes*"))]
    op9 = text[text.index("9. *Requests*") : text.index("\n", text.index("9. *Requests*"))]
    text = text.replace(op2 + "\n", "", 1).replace(op9, op9 + "\n\n" + op2, 1)
    repo.write(SEED_000, text)
    repo.commit("move op2 after op9, numbers left as printed")
    unit = only_unit(report(repo))
    kinds = {(c.kind, c.old_id, c.new_id) for c in unit.paragraphs}
    assert ("moved", "op2", "op2") in kinds
    assert not any(c.kind in ("added", "removed", "changed") for c in unit.paragraphs)
    assert unit.is_text_change


def test_catalog_source_changed_is_metadata_not_text(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_004)
    repo.replace("catalog.yml", "source_document: E/2010/28\n", "source_document: E/2010/28/Corr.1\n")
    repo.commit("cite the corrigendum")
    result = report(repo)
    unit = only_unit(result)
    fields = [(f.name, f.old, f.new, f.printed) for f in unit.fields]
    assert fields == [("source_document", "E/2010/28", "E/2010/28/Corr.1", False)]
    assert result.documents[0].status == "modified"
    assert not result.is_text_change


def test_new_data_note_is_reported(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_004)
    repo.replace(SEED_004, "<sup>7</sup> General Assembly resolution S-20/2, annex.\n", "")
    repo.commit("footnote 7 text lost")
    (document,) = report(repo).documents
    assert [n.message for n in document.notes_added] == ["footnote mark 7 has no footnote text"]
    assert document.notes_added[0].location.startswith(f"seeds/{SEED_004}:")
    assert document.notes_resolved == ()
    assert [(f.kind, f.old_number) for f in document.units[0].footnotes] == [("removed", "7")]


def test_no_change_between_the_same_revision(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_000)
    result = report(repo, "HEAD", "HEAD")
    assert result.is_empty and not result.is_text_change
    assert "No corpus file changed." in run(repo, "--base", "HEAD")[1]


def test_unknown_revision_is_an_error_naming_it(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_000)
    with pytest.raises(GitError) as caught:
        report(repo, "no-such-branch", "HEAD")
    assert caught.value.message == (
        "unknown revision 'no-such-branch' "
        "(no branch, tag or commit has that name, and there is no remote to fetch it from)"
    )


def test_a_text_that_does_not_parse_names_its_revision(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_000)
    repo.write(SEED_000, "")
    repo.commit("emptied")
    with pytest.raises(ParseError) as caught:
        report(repo)
    assert str(caught.value) == f"HEAD:seeds/{SEED_000}:1: the file is empty: there is no text to parse"


def test_files_are_read_from_git_not_from_the_working_tree(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_000)
    repo.replace(SEED_000, "to take adequate measures", "to take appropriate measures")
    repo.commit("one word")
    repo.write(SEED_000, "uncommitted rubbish\n")
    git(repo.path, "branch", "-q", "other", "HEAD~1")
    (change,) = only_unit(report(repo, "other", "main")).paragraphs
    assert change.new_id == "op3"
    assert repo.read(SEED_000) == "uncommitted rubbish\n"


def test_output_file_and_formats(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo", SEED_000)
    repo.replace(SEED_000, "to take adequate measures", "to take appropriate measures")
    repo.commit("one word")
    target = tmp_path / "out" / "comment.md"
    status, printed = run(repo, "--format", "markdown", "--output", str(target))
    assert (status, printed) == (0, "")
    comment = target.read_text(encoding="utf-8")
    assert comment.startswith("<!-- resatlas-changes -->\n")
    assert "<del>adequate</del><ins>appropriate</ins>" in comment
    assert '"kind": "changed"' in run(repo, "--format", "json")[1]


def test_data_check_no_longer_raised_after_a_correction(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_004)
    repo.replace(SEED_004, "Narcotic Drugs of 1954 as amended", "Narcotic Drugs of 1961 as amended")
    repo.commit("the Single Convention dates from 1961")
    (document,) = report(repo).documents
    (resolved,) = document.notes_resolved
    assert resolved.code == "instrument-year"
    assert "names the year 1954" in resolved.message
    assert document.notes_added == ()
    (change,) = document.units[0].paragraphs
    assert [op.text for op in change.ops if op.op != "equal"] == ["1954", "1961"]


def test_renamed_file_is_a_rename_not_a_removal_and_an_addition(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_000)
    repo.write("catalog.yml", repo.read("catalog.yml").replace(f"  {SEED_000}:", "  000_51-11.txt:"))
    git(repo.path, "mv", f"seeds/{SEED_000}", "seeds/000_51-11.txt")
    repo.commit("a readable file name")
    (document,) = report(repo).documents
    assert (document.path, document.old_path, document.status) == (
        "seeds/000_51-11.txt",
        f"seeds/{SEED_000}",
        "renamed",
    )
    assert document.units == () and not document.is_text_change


def test_json_report_file_reads_back(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo", SEED_000)
    repo.replace(SEED_000, "to take adequate measures", "to take appropriate measures")
    repo.commit("one word")
    target = tmp_path / "changes.json"
    assert run(repo, "--format", "json", "--output", str(target))[0] == 0
    assert load_report(target) == report(repo)


def test_not_a_repository_is_an_error_naming_the_folder(tmp_path: Path) -> None:
    with pytest.raises(GitError) as caught:
        build_report(tmp_path, "main", "HEAD", "seeds")
    assert str(caught.value) == f"{tmp_path.resolve()}: not a git repository (name one with --repo)"
