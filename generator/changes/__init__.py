"""Corpus at two git revisions -> a clause-level change report (``resatlas changes``).

Public API:

* :func:`changes_command` — the CLI command;
* :func:`build_report` — a :class:`ChangeReport` for two revisions of a repository;
* :func:`render_changes_page` — the site's "Changes" page (Markdown) for a report;
* :func:`report_to_json` / :func:`report_from_json` — the report as JSON and back;
  :func:`load_report` reads the file ``resatlas changes --format json --output FILE`` wrote.

The stages, in order: :mod:`.gitread` reads the files of a revision from git, :mod:`.corpus`
parses them with the ingest stage, :mod:`.compare` (with :mod:`.pairing` and :mod:`.units`) builds
the :mod:`.report`, and :mod:`.markdown`, :mod:`.text` and :mod:`.jsonio` render it.
"""

from __future__ import annotations

from generator.changes.command import build_report, changes_command
from generator.changes.jsonio import load_report, report_from_json, report_to_json
from generator.changes.markdown import render_changes_page, render_comment
from generator.changes.report import ChangeReport

__all__ = [
    "ChangeReport",
    "build_report",
    "changes_command",
    "load_report",
    "render_changes_page",
    "render_comment",
    "report_from_json",
    "report_to_json",
]
