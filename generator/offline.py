"""``resatlas offline``: the site as a zip that works from ``file://`` with no network at all.

The bundle is the site of ``mkdocs-offline.yml`` (Material's ``offline`` plugin, theme fonts off).
What Material would fetch from the internet in the reader's browser is vendored here instead, at
build time, from the npm registry (``npm pack``, which checks the registry's integrity hashes):

* ``iframe-worker``'s shim, which lets the search worker run from ``file://``;
* ``mermaid``, which draws the citation graph (Material loads it from a CDN unless it is present).

Packages are cached under ``build/npm/`` so repeated builds do not download them again.

Nothing is written into the docs folder: the bundle is built from a private copy of it (hard links,
taken under the docs folder's lock so a concurrent ``resatlas build`` cannot swap it mid-copy) with the
vendored scripts added. The site folder is replaced in one step and the zip is written beside its
place and renamed into it (:mod:`generator.publish`), so a failed or killed run leaves the previous
bundle whole, and the next run removes what it left.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ConfigError, OptionError
from generator.options import input_folder, output_file, output_folder
from generator.publish import (
    clean_stale,
    copy_tree,
    output_lock,
    replaced_file,
    replaced_folder,
    work_folder,
    write_file_atomically,
)
from generator.sitebuild import REPO, mkdocs_build

NPM_CACHE = REPO / "build" / "npm"


@dataclass(frozen=True, slots=True)
class VendoredFile:
    """One file of an npm package, copied into the docs folder."""

    package: str
    version: str
    member: str
    """Path inside the package tarball."""
    target: str
    """Path relative to the docs folder."""


VENDORED = (
    VendoredFile("iframe-worker", "1.0.4", "package/shim/index.js", "assets/vendor/iframe-worker/shim.js"),
    VendoredFile("iframe-worker", "1.0.4", "package/LICENSE", "assets/vendor/iframe-worker/LICENSE"),
    VendoredFile("mermaid", "11.12.0", "package/dist/mermaid.min.js", "assets/vendor/mermaid/mermaid.min.js"),
    VendoredFile("mermaid", "11.12.0", "package/LICENSE", "assets/vendor/mermaid/LICENSE"),
)


def npm_tarball(package: str, version: str, cache_dir: Path) -> Path:
    """The package's tarball from the npm registry, downloaded once into ``cache_dir``."""
    tarball = cache_dir / f"{package}-{version}.tgz"
    if tarball.is_file():
        return tarball
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Packed into a private folder, then moved into place: builds running side by side (pytest -n 2)
    # never read a half-written tarball.
    with tempfile.TemporaryDirectory(dir=cache_dir) as private:
        result = subprocess.run(
            ["npm", "pack", f"{package}@{version}", "--pack-destination", private],
            capture_output=True,
            text=True,
            check=False,
        )
        packed = Path(private) / tarball.name
        if result.returncode == 0 and packed.is_file():
            os.replace(packed, tarball)
    if not tarball.is_file():
        raise ConfigError(
            "mkdocs-offline.yml",
            0,
            f"cannot fetch {package}@{version} from the npm registry (is npm installed?): "
            f"{result.stderr.strip()[-400:]}",
        )
    return tarball


def vendor_scripts(docs_dir: Path, cache_dir: Path = NPM_CACHE) -> list[str]:
    """Copy the vendored files into ``docs_dir`` (each written beside and renamed into place); returns
    their docs-relative paths."""
    for item in VENDORED:
        tarball = npm_tarball(item.package, item.version, cache_dir)
        with tarfile.open(tarball) as archive:
            member = archive.extractfile(item.member)
            if member is None:
                raise ConfigError(
                    str(tarball), 0, f"{item.member} is missing from {item.package}@{item.version}"
                )
            data = member.read()
        target = docs_dir / item.target
        if not (target.is_file() and target.read_bytes() == data):
            write_file_atomically(target, data)
    return [item.target for item in VENDORED]


def zip_site(site_dir: Path, zip_path: Path, root: str = "resolution-atlas") -> int:
    """Zip ``site_dir`` under a top folder, in name order with fixed timestamps (byte-reproducible).

    The zip is written beside ``zip_path`` and renamed over it once complete."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    with (
        replaced_file(zip_path) as partial,
        zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for path in files:
            info = zipfile.ZipInfo(
                f"{root}/{path.relative_to(site_dir).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0)
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


def build_offline_bundle(docs_dir: Path, site_dir: Path, zip_path: Path, cache_dir: Path = NPM_CACHE) -> int:
    """Build the offline site (``--strict``) from a copy of ``docs_dir`` with the vendored scripts, and
    zip it; ``site_dir`` and ``zip_path`` are each replaced in one step. Returns the file count."""
    with output_lock(docs_dir, site_dir, zip_path):
        clean_stale(site_dir)
        clean_stale(zip_path)
        with work_folder(site_dir) as work, replaced_folder(site_dir) as site:
            docs = work / "docs"
            docs.mkdir()
            copy_tree(docs_dir, docs)
            vendor_scripts(docs, cache_dir)
            mkdocs_build(docs, site, offline=True)
            return zip_site(site, zip_path)


def check_docs(value: str) -> Path:
    """``--docs`` names a docs folder that ``resatlas build`` has filled."""
    docs = input_folder("--docs", value)
    if not (docs / "index.md").is_file():
        raise OptionError(
            "--docs", f"{value} has no index.md: build the pages first (resatlas build --out {value})"
        )
    return docs


def offline_command(args: argparse.Namespace) -> int:
    docs = check_docs(args.docs)
    site_dir = output_folder("--site-dir", args.site_dir)
    zip_path = output_file("--out", args.out)
    count = build_offline_bundle(docs, site_dir, zip_path)
    print(
        f"resatlas offline: {count} files -> {zip_path} (unzip it and open resolution-atlas/index.html)",
        file=sys.stderr,
    )
    return 0
