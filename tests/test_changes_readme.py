"""The README's example of ``resatlas changes`` beside ``git diff --word-diff``, kept true by this test.

The edit is what a delegation's revised draft of CND resolution 65/2 (seed 001) could look like:

* a new operative paragraph 6 on sharing information on seized firearms, so that operative
  paragraphs 6 to 16 become 7 to 17;
* in the paragraph on training (operative 11, now 12) "complemented" becomes "strengthened";
* footnote 19 names the publisher: "United Nations Office on Drugs and Crime publication, 2020."

Run ``python tests/test_changes_readme.py`` to print both outputs for the README.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from changes_repo import ROOT, SEED_001, Repo, git, insert_operative

from generator.changes import build_report
from generator.changes.text import render_text

NEW_PARAGRAPH = (
    "*Urges* Member States to share information on seized firearms and ammunition with the United Nations "
    "Office on Drugs and Crime, in order to identify trafficking routes;"
)
SECTION = "## Pull-request previews: `resatlas changes`"


def example(folder: Path) -> tuple[str, str]:
    """``git diff --word-diff`` and the text report of the revised draft against main."""
    repo = Repo(folder, SEED_001)
    git(folder, "checkout", "-q", "-b", "revised-draft")
    text = insert_operative(repo.read(SEED_001), after=5, new_paragraph=NEW_PARAGRAPH, first=1, last=16)
    repo.write(SEED_001, text)
    repo.replace(
        SEED_001, "can be complemented by providing training", "can be strengthened by providing training"
    )
    repo.replace(
        SEED_001,
        "¹⁹ United Nations publication, 2020.",
        "¹⁹ United Nations Office on Drugs and Crime publication, 2020.",
    )
    repo.commit("Revised draft of 65/2")
    word_diff = git(folder, "diff", "--word-diff", "main", "revised-draft")
    report = render_text(build_report(folder, "main", "revised-draft", "seeds"))
    return word_diff, report


def readme_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    return text[start : end if end != -1 else len(text)]


def _without_ids(text: str) -> str:
    """Commit and blob ids depend on the catalog and seeds of the day; the example does not."""
    return re.sub(r"\b[0-9a-f]{7,40}\b", "<id>", text)


def test_readme_shows_the_report_and_git_word_diff_of_the_same_edit(tmp_path: Path) -> None:
    word_diff, report = example(tmp_path)
    section = _without_ids(readme_section())
    assert _without_ids(report.rstrip()) in section
    assert _without_ids(word_diff.rstrip()) in section


def test_the_report_is_the_edit_and_git_word_diff_is_not(tmp_path: Path) -> None:
    word_diff, report = example(tmp_path)
    assert "12 paragraphs: 1 changed, 1 added, 10 renumbered; 1 footnote: 1 changed" in report
    assert "can be [-complemented-]{+strengthened+} by providing" in report
    assert "op12..op16 -> op13..op17 renumbered (5 paragraphs), text unchanged" in report
    # git matches the words of neighbouring paragraphs across the renumbering instead:
    assert "6. [-*Encourages*-]{+*Urges*+} Member States" in word_diff
    assert word_diff.count("[-") > 30


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        diff, text = example(Path(folder))
    sys.stdout.write(text + "\n=====\n" + diff)
