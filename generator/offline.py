"""``resatlas offline``: the site as a zip that works from ``file://`` with no network at all.

The bundle is the site of ``mkdocs-offline.yml`` (Material's ``offline`` plugin, theme fonts off).
What Material would fetch from the internet in the reader's browser is vendored here instead, at
build time, from the npm registry (``npm pack``, which checks the registry's integrity hashes):

* ``iframe-worker``'s shim, which lets the search worker run from ``file://``;
* ``mermaid``, which draws the citation graph (Material loads it from a CDN unless it is present).

Packages are cached under ``build/npm/`` so repeated builds do not download them again.
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

from generator.errors import ConfigError
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
    """Copy the vendored files into ``docs_dir``; returns their docs-relative paths."""
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
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return [item.target for item in VENDORED]


def zip_site(site_dir: Path, zip_path: Path, root: str = "resolution-atlas") -> int:
    """Zip ``site_dir`` under a top folder, in name order with fixed timestamps (byte-reproducible)."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(
                f"{root}/{path.relative_to(site_dir).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0)
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


def build_offline_bundle(docs_dir: Path, site_dir: Path, zip_path: Path, cache_dir: Path = NPM_CACHE) -> int:
    """Vendor the scripts, build the offline site with ``--strict`` and zip it; returns the file count."""
    vendor_scripts(docs_dir, cache_dir)
    mkdocs_build(docs_dir, site_dir, offline=True)
    return zip_site(site_dir, zip_path)


def offline_command(args: argparse.Namespace) -> int:
    zip_path = Path(args.out)
    count = build_offline_bundle(Path(args.docs), Path(args.site_dir), zip_path)
    print(
        f"resatlas offline: {count} files -> {zip_path} (unzip it and open resolution-atlas/index.html)",
        file=sys.stderr,
    )
    return 0
