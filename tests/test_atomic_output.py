"""A killed or concurrent ``resatlas build`` or ``resatlas offline`` leaves the old complete output or
the new one, never a mix, and MkDocs builds it with ``--strict``.

The corpus is small on purpose (the seeds, and one real text for the new version), so that killing
the commands at a dozen points stays within seconds. "Old" is the seeds as they are; "new" is one
word changed in 53/8 and GA 77/71 added: going from one to the other writes, links and removes pages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from killing import KillPoint, killed_after, killed_at, resatlas
from paths import CORPUS, SEEDS

from generator.publish import output_lock
from generator.sitebuild import mkdocs_build

pytestmark = pytest.mark.kill

Tree = dict[str, bytes]


def tree(folder: Path) -> Tree:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@dataclass
class Sites:
    root: Path
    old_seeds: Path
    new_seeds: Path
    docs: dict[str, Tree]
    docs_folder: dict[str, Path]
    zips: dict[str, bytes]
    sites: dict[str, Tree]
    build_seconds: float
    offline_seconds: float
    strict_ok: set[str] = field(default_factory=set)

    def build_args(self, version: str, out: Path) -> list[str]:
        if version == "old":
            return ["build", "--seeds", str(self.old_seeds), "--out", str(out)]
        return [
            "build",
            "--seeds",
            str(self.new_seeds),
            "--extra",
            str(CORPUS / "A_RES_77_71.txt"),
            "--out",
            str(out),
        ]

    def version_of(self, docs: Path) -> str:
        """ "old" or "new": which complete output ``docs`` is (a failing assert if it is neither)."""
        found = tree(docs)
        matches = [name for name, expected in self.docs.items() if found == expected]
        assert matches, f"{docs} is neither the old nor the new output: {_difference(found, self.docs)}"
        return matches[0]

    def assert_complete(self, docs: Path) -> str:
        """``docs`` is the old or the new output, and ``mkdocs build --strict`` builds it."""
        version = self.version_of(docs)
        if version not in self.strict_ok:
            mkdocs_build(docs, self.root / f"strict-{version}")
            self.strict_ok.add(version)
        return version


def _difference(found: Tree, expected: dict[str, Tree]) -> str:
    parts = []
    for name, files in expected.items():
        missing = sorted(set(files) - set(found))[:5]
        extra = sorted(set(found) - set(files))[:5]
        changed = sorted(k for k in set(files) & set(found) if files[k] != found[k])[:5]
        parts.append(f"against {name}: missing {missing}, extra {extra}, changed {changed}")
    return "; ".join(parts)


def _timed(args: list[str], cwd: Path) -> float:
    start = time.monotonic()
    done = resatlas(args, cwd)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - start


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    root = tmp_path_factory.mktemp("atomic")
    old_seeds, new_seeds = root / "seeds-old", root / "seeds-new"
    shutil.copytree(SEEDS, old_seeds)
    shutil.copytree(SEEDS, new_seeds)
    seed = new_seeds / "004_024c091bda70a48a.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(
        text.replace("all aspects of the world drug problem", "every aspect of the world drug problem"),
        encoding="utf-8",
    )
    result = Sites(root, old_seeds, new_seeds, {}, {}, {}, {}, 0.0, 0.0)
    for version in ("old", "new"):
        docs = root / f"ref-{version}" / "docs"
        result.build_seconds = _timed(result.build_args(version, docs), root)
        result.docs[version] = tree(docs)
        result.docs_folder[version] = docs
        site, bundle = root / f"ref-{version}" / "site-offline", root / f"ref-{version}" / "site-offline.zip"
        offline = ["offline", "--docs", str(docs), "--site-dir", str(site), "--out", str(bundle)]
        result.offline_seconds = _timed(offline, root)
        result.zips[version] = bundle.read_bytes()
        result.sites[version] = tree(site)
    assert result.docs["old"] != result.docs["new"]
    return result


def _reset(work: Path) -> None:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()


def _leftovers(work: Path, names: tuple[str, ...]) -> list[str]:
    """What lies in ``work`` besides the outputs; each must be one of publish's hidden work names."""
    others = sorted(p.name for p in work.iterdir() if p.name not in names)
    pattern = re.compile(
        r"^\.(?:"
        + "|".join(re.escape(n) for n in names)
        + r")\.(?:(?:new|old|work)-[0-9a-f]{12}|[0-9a-f]{12}\.tmp)$"
    )
    assert all(pattern.match(name) for name in others), others
    return others


BUILD_POINTS = [
    KillPoint("generator.ingest:parse_text", 3, "while reading the texts", "old"),
    KillPoint("pathlib:Path.write_bytes", 1, "writing the first changed page into the new folder", "old"),
    KillPoint("pathlib:Path.write_bytes", 8, "writing the eighth changed page", "old"),
    KillPoint("generator.render.write:link_or_copy", 30, "linking the thirtieth unchanged page", "old"),
    KillPoint("generator.publish:swap_in", 1, "with the new folder complete, just before the swap", "old"),
    KillPoint("generator.publish:_remove", 1, "after the swap, before the old folder is removed", "new"),
    KillPoint("os:unlink", 5, "while the old folder is being removed", "new"),
]


@pytest.mark.parametrize("point", BUILD_POINTS, ids=str)
def test_a_build_killed_at_any_point_leaves_the_old_or_the_new_site(
    sites: Sites, point: KillPoint, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    _reset(work)
    shutil.copytree(sites.docs_folder["old"], work / "docs")
    killed_at(point, sites.build_args("new", work / "docs"), work)
    assert sites.assert_complete(work / "docs") == point.leaves
    _leftovers(work, ("docs",))


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.8, 0.95])
def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_site(
    sites: Sites, fraction: float, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    _reset(work)
    shutil.copytree(sites.docs_folder["old"], work / "docs")
    killed_after(sites.build_seconds * fraction, sites.build_args("new", work / "docs"), work)
    sites.assert_complete(work / "docs")
    _leftovers(work, ("docs",))


def test_the_next_build_removes_what_a_killed_one_left(sites: Sites, tmp_path: Path) -> None:
    work = tmp_path / "work"
    _reset(work)
    shutil.copytree(sites.docs_folder["old"], work / "docs")
    killed_at(
        KillPoint("generator.publish:_remove", 1, "after the swap", "new"),
        sites.build_args("new", work / "docs"),
        work,
    )
    assert _leftovers(work, ("docs",))
    done = resatlas(sites.build_args("new", work / "docs"), work)
    assert done.returncode == 0, done.stderr
    assert sites.assert_complete(work / "docs") == "new"
    assert _leftovers(work, ("docs",)) == []


OFFLINE_POINTS = [
    KillPoint("generator.publish:link_or_copy", 10, "copying the docs folder", "old"),
    KillPoint("generator.offline:write_file_atomically", 2, "vendoring the scripts", "old"),
    KillPoint("mkdocs.commands.build:_build_page", 20, "while MkDocs writes the pages", "old"),
    KillPoint("zipfile:ZipFile.writestr", 40, "halfway through the zip", "old"),
    KillPoint("os:replace", 5, "with the zip complete, just before it is renamed into place", "old"),
    KillPoint("generator.publish:swap_in", 1, "zip in place, before the site folder is swapped", "new"),
    KillPoint("generator.publish:_remove", 1, "after the site folder's swap, before cleaning up", "new"),
]
OUTPUTS = ("docs", "site-offline", "site-offline.zip")


def _offline_work(sites: Sites, work: Path) -> list[str]:
    """A folder with the new docs and the old bundle, and the arguments of an offline run in it."""
    _reset(work)
    shutil.copytree(sites.docs_folder["new"], work / "docs")
    shutil.copytree(sites.root / "ref-old" / "site-offline", work / "site-offline")
    (work / "site-offline.zip").write_bytes(sites.zips["old"])
    return [
        "offline",
        "--docs",
        str(work / "docs"),
        "--site-dir",
        str(work / "site-offline"),
        "--out",
        str(work / "site-offline.zip"),
    ]


def _assert_bundle(sites: Sites, work: Path) -> str:
    """The zip and the site folder are each the old bundle or the new one; docs/ is untouched.
    Returns which one the zip is."""
    data = (work / "site-offline.zip").read_bytes()
    versions = [v for v, zipped in sites.zips.items() if data == zipped]
    assert versions, "the zip is neither the old bundle nor the new one"
    with zipfile.ZipFile(work / "site-offline.zip") as archive:
        assert archive.testzip() is None
    assert tree(work / "site-offline") in (sites.sites["old"], sites.sites["new"])
    assert sites.version_of(work / "docs") == "new", "offline changed the docs folder"
    _leftovers(work, OUTPUTS)
    return versions[0]


@pytest.mark.parametrize("point", OFFLINE_POINTS, ids=str)
def test_offline_killed_at_any_point_leaves_the_old_or_the_new_bundle(
    sites: Sites, point: KillPoint, tmp_path: Path
) -> None:
    args = _offline_work(sites, tmp_path / "work")
    killed_at(point, args, tmp_path / "work")
    assert _assert_bundle(sites, tmp_path / "work") == point.leaves


@pytest.mark.parametrize("fraction", [0.3, 0.7, 0.95])
def test_offline_killed_at_any_moment_leaves_the_old_or_the_new_bundle(
    sites: Sites, fraction: float, tmp_path: Path
) -> None:
    args = _offline_work(sites, tmp_path / "work")
    killed_after(sites.offline_seconds * fraction, args, tmp_path / "work")
    _assert_bundle(sites, tmp_path / "work")


def test_the_next_offline_run_removes_what_a_killed_one_left(sites: Sites, tmp_path: Path) -> None:
    args = _offline_work(sites, tmp_path / "work")
    killed_at(
        KillPoint("zipfile:ZipFile.writestr", 40, "halfway through the zip", "old"), args, tmp_path / "work"
    )
    assert _leftovers(tmp_path / "work", OUTPUTS)
    done = resatlas(args, tmp_path / "work")
    assert done.returncode == 0, done.stderr
    assert _assert_bundle(sites, tmp_path / "work") == "new"
    assert _leftovers(tmp_path / "work", OUTPUTS) == []


def _read_while(running: threading.Event, pages: list[Path], problems: list[str]) -> None:
    """A reader of the site (a web server, say): every page it opens is there and complete."""
    while running.is_set():
        for page in pages:
            try:
                if not page.read_bytes().strip():
                    problems.append(f"{page.name} was empty")
            except OSError as error:
                problems.append(f"{page.name}: {error}")


@contextmanager
def reader(pages: list[Path]) -> Iterator[list[str]]:
    problems: list[str] = []
    running = threading.Event()
    running.set()
    thread = threading.Thread(target=_read_while, args=(running, pages, problems), daemon=True)
    thread.start()
    try:
        yield problems
    finally:
        running.clear()
        thread.join(timeout=10)


def _popen(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_builds_at_once_serialise_and_readers_only_ever_see_complete_pages(
    sites: Sites, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    _reset(work)
    shutil.copytree(sites.docs_folder["old"], work / "docs")
    pages = [work / "docs" / "index.md", work / "docs" / "resolutions" / "cnd-53-8.md"]
    with reader(pages) as problems:
        for _ in range(2):
            children = [_popen(sites.build_args(v, work / "docs"), work) for v in ("new", "old", "new")]
            for child in children:
                _, err = child.communicate(timeout=120)
                assert child.returncode == 0, err
            sites.assert_complete(work / "docs")
    assert problems == []
    assert _leftovers(work, ("docs",)) == []


def test_a_second_build_waits_for_the_first_and_says_so(sites: Sites, tmp_path: Path) -> None:
    work = tmp_path / "work"
    _reset(work)
    shutil.copytree(sites.docs_folder["old"], work / "docs")
    with output_lock(work / "docs"):
        child = _popen(sites.build_args("new", work / "docs"), work)
        assert child.stderr is not None
        notice = child.stderr.readline()
        assert notice == f"resatlas: waiting for another resatlas command writing into {work}\n"
        assert child.poll() is None
        assert sites.version_of(work / "docs") == "old"
    _, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    assert sites.assert_complete(work / "docs") == "new"


def test_offline_while_the_docs_are_rebuilt_zips_the_old_or_the_new_docs(
    sites: Sites, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    args = _offline_work(sites, work)
    shutil.rmtree(work / "docs")
    shutil.copytree(sites.docs_folder["old"], work / "docs")
    children = [_popen(sites.build_args("new", work / "docs"), work), _popen(args, work)]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    assert sites.assert_complete(work / "docs") == "new"
    assert (work / "site-offline.zip").read_bytes() in (sites.zips["old"], sites.zips["new"])
    assert _leftovers(work, OUTPUTS) == []
