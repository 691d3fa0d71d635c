"""A preview build publishes the Changes page from a change report; any later build removes it."""

from __future__ import annotations

from pathlib import Path

from changes_repo import Repo

from generator.build import build_site_sources
from generator.changes import build_report, report_to_json

SEED = "004_024c091bda70a48a.txt"


def test_preview_build_writes_the_changes_page_and_a_plain_build_removes_it(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo", SEED)
    repo.replace(SEED, "of 1954 as amended", "of 1961 as amended")
    repo.commit("Correct the year of the Single Convention")
    report = tmp_path / "changes.json"
    report.write_text(report_to_json(build_report(repo.path, "HEAD~1", "HEAD", "seeds")), encoding="utf-8")

    docs = tmp_path / "docs"
    preview = build_site_sources(repo.path / "seeds", (), docs, changes=report)
    page = (docs / "changes.md").read_text(encoding="utf-8")
    assert "changes.md" in preview.written
    assert "<del>1954</del><ins>1961</ins>" in page
    assert "Data notes no longer raised" in page

    plain = build_site_sources(repo.path / "seeds", (), docs)
    assert plain.removed == ["changes.md"]
    assert not (docs / "changes.md").exists()
