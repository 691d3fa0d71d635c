"""``resatlas changes`` refuses what it cannot compare, with a message that says what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from changes_repo import SEED_000, Repo, git

from generator.changes import build_report
from generator.changes.gitread import GitError, fetch_hint
from generator.cli import main


def test_a_corpus_folder_at_neither_revision_is_an_error_even_without_fail_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path, SEED_000)
    repo.commit("second")
    commit = git(repo.path, "rev-parse", "HEAD").strip()[:12]
    parent = git(repo.path, "rev-parse", "HEAD~1").strip()[:12]
    for extra in ([], ["--fail-on", "any"]):
        status = main(
            ["changes", "--repo", str(repo.path), "--base", "HEAD~1", "--seeds", "nosuchdir", *extra]
        )
        assert status == 1
        assert capsys.readouterr().err == (
            f"resatlas: --seeds: no folder 'nosuchdir' at HEAD~1 ({parent}) or HEAD ({commit}); "
            "name the corpus folder relative to the repository root\n"
        )


def test_a_corpus_folder_added_by_the_change_lists_its_files_as_added(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_000)
    (repo.path / "more").mkdir()
    (repo.path / "more" / SEED_000).write_bytes(repo.file(SEED_000).read_bytes())
    (repo.path / "more" / "catalog.yml").write_bytes(repo.file("catalog.yml").read_bytes())
    repo.commit("a second corpus folder")
    result = build_report(repo.path, "HEAD~1", "HEAD", "more")
    assert [(d.path, d.status) for d in result.documents] == [(f"more/{SEED_000}", "added")]


def test_the_hint_for_a_remote_branch_fetches_the_branch_from_its_remote(tmp_path: Path) -> None:
    upstream = Repo(tmp_path / "upstream", SEED_000)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--no-local", str(upstream.path), str(clone))
    git(clone, "remote", "set-branches", "origin", "nothing")
    git(clone, "update-ref", "-d", "refs/remotes/origin/main")
    with pytest.raises(GitError) as caught:
        build_report(clone, "origin/main", "HEAD", "seeds")
    assert caught.value.message == "unknown revision 'origin/main' (fetch it first: git fetch origin main)"
    assert fetch_hint(clone, "release") == "fetch it first: git fetch origin release:release"
    sha = "0123456789abcdef0123456789abcdef01234567"
    assert (
        fetch_hint(clone, sha) == f"the commit is not in this clone; fetch it first: git fetch origin {sha}"
    )


def test_a_text_committed_as_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    repo = Repo(tmp_path, SEED_000)
    os.symlink(SEED_000, repo.file("link.txt"))
    repo.commit("a link")
    commit = git(repo.path, "rev-parse", "HEAD").strip()[:12]
    with pytest.raises(GitError) as caught:
        build_report(repo.path, "HEAD~1", "HEAD", "seeds")
    assert caught.value.message == (
        f"seeds/link.txt is a symbolic link in {commit}: texts are read from git, which keeps only the "
        "link, not the text; commit the file itself"
    )


def test_an_output_that_is_a_folder_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path / "repo", SEED_000)
    target = tmp_path / "out"
    target.mkdir()
    assert main(["changes", "--repo", str(repo.path), "--base", "HEAD", "--output", str(target)]) == 1
    assert capsys.readouterr().err == f"resatlas: --output: {target} is a folder, not a file\n"
    assert list(target.iterdir()) == []
