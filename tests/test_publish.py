"""Output replaced as a whole or not at all: folders swapped in one step, files renamed into place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import publish
from generator.build import OWNED
from generator.publish import clean_stale, replaced_folder, write_file_atomically
from generator.render.write import write_folder


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name != folder.name)


def test_a_folder_is_swapped_in_whole_and_the_old_one_removed(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "old.md").write_text("old\n", encoding="utf-8")
    with replaced_folder(out) as stage:
        (stage / "new.md").write_text("new\n", encoding="utf-8")
        assert tree(out) == {"old.md": b"old\n"}
    assert tree(out) == {"new.md": b"new\n"}
    assert beside(out) == []


def test_an_error_while_filling_leaves_the_old_folder_and_nothing_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "old.md").write_text("old\n", encoding="utf-8")
    with pytest.raises(OSError, match="disk full"), replaced_folder(out) as stage:
        (stage / "half.md").write_text("half", encoding="utf-8")
        raise OSError(28, "disk full")
    assert tree(out) == {"old.md": b"old\n"}
    assert beside(out) == []


def test_without_an_exchange_the_folder_is_renamed_aside_and_put_back_after_a_kill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    out = tmp_path / "docs"
    out.mkdir()
    (out / "a.md").write_text("one\n", encoding="utf-8")
    with replaced_folder(out) as stage:
        (stage / "a.md").write_text("two\n", encoding="utf-8")
    assert tree(out) == {"a.md": b"two\n"}
    assert beside(out) == []
    # A kill between the two renames: the complete old output is aside, the new one half-made.
    aside = tmp_path / ".docs.old-0123456789ab"
    os.rename(out, aside)
    (tmp_path / ".docs.new-ba9876543210").mkdir()
    assert sorted(clean_stale(out)) == [".docs.new-ba9876543210", ".docs.old-0123456789ab -> docs"]
    assert tree(out) == {"a.md": b"two\n"}
    assert beside(out) == []


def test_clean_stale_removes_only_what_an_interrupted_command_left(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    for name in (".docs.new-0123456789ab", ".docs.work-0123456789ab", ".docs.old-0123456789ab"):
        (tmp_path / name).mkdir()
    (tmp_path / ".docs.0123456789ab.tmp").write_text("half", encoding="utf-8")
    for name in (".docs.new-mine", "docs.bak", ".docsx.new-0123456789ab"):
        (tmp_path / name).mkdir()
    clean_stale(out)
    assert beside(out) == [".docs.new-mine", ".docsx.new-0123456789ab", "docs.bak"]


def test_a_file_is_written_beside_and_renamed_into_place(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    write_file_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert beside(target) == []


def test_write_folder_keeps_hand_written_pages_drops_stale_ones_and_links_unchanged_files(
    tmp_path: Path,
) -> None:
    out = tmp_path / "docs"
    (out / "resolutions").mkdir(parents=True)
    (out / "about.md").write_text("hand-written\n", encoding="utf-8")
    (out / "index.md").write_text("home\n", encoding="utf-8")
    (out / "index.md.tmp").write_text("half a home", encoding="utf-8")
    (out / "resolutions" / "gone.md").write_text("gone\n", encoding="utf-8")
    (out / "resolutions" / "kept.md").write_text("kept\n", encoding="utf-8")
    kept = (out / "resolutions" / "kept.md").stat()
    log = write_folder(out, {"index.md": "home, new\n", "resolutions/kept.md": "kept\n"}, OWNED)
    assert tree(out) == {
        "about.md": b"hand-written\n",
        "index.md": b"home, new\n",
        "resolutions/kept.md": b"kept\n",
    }
    assert (log.written, log.unchanged) == (["index.md"], ["resolutions/kept.md"])
    assert log.removed == ["index.md.tmp", "resolutions/gone.md"]
    now = (out / "resolutions" / "kept.md").stat()
    assert (now.st_ino, now.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    assert beside(out) == []


def test_write_folder_never_writes_through_a_link_to_a_folder_elsewhere(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "docs"
    out.mkdir()
    (out / "assets").symlink_to(elsewhere)
    write_folder(out, {"assets/stylesheets/atlas.css": "body {}\n"}, OWNED)
    assert list(elsewhere.iterdir()) == []
    assert (out / "assets" / "stylesheets" / "atlas.css").read_text(encoding="utf-8") == "body {}\n"
