"""Running MkDocs on a generated docs folder: the published site or the offline variant.

``mkdocs.yml`` (and ``mkdocs-offline.yml``, which inherits it) name ``docs/`` and ``site/``. To build
another docs folder (tests, benchmarks, the offline bundle) a small configuration file inheriting the
repository's one is written next to the output, naming the folders to use.
"""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITE_CONFIG = REPO / "mkdocs.yml"
OFFLINE_CONFIG = REPO / "mkdocs-offline.yml"


def write_config(docs_dir: Path, site_dir: Path, config_path: Path, *, offline: bool = False) -> Path:
    """A configuration inheriting the repository's, for ``docs_dir`` -> ``site_dir``."""
    base = OFFLINE_CONFIG if offline else SITE_CONFIG
    lines = [
        f"INHERIT: {json.dumps(str(base))}",
        f"docs_dir: {json.dumps(str(docs_dir.resolve()))}",
        f"site_dir: {json.dumps(str(site_dir.resolve()))}",
    ]
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config_path


def mkdocs_build(docs_dir: Path, site_dir: Path, *, offline: bool = False, strict: bool = True) -> None:
    """``mkdocs build`` (``--strict`` by default) of ``docs_dir`` into ``site_dir``, in this process.

    Raises :class:`mkdocs.exceptions.Abort` when a warning was logged under strict mode: a broken link
    or anchor, a page missing from the navigation's index pages.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_path = write_config(
        docs_dir, site_dir, site_dir.parent / f".{site_dir.name}.mkdocs.yml", offline=offline
    )
    config = load_config(config_file=str(config_path), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
