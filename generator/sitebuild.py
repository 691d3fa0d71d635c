"""Running MkDocs on a generated docs folder: the published site or the offline variant.

``mkdocs.yml`` (and ``mkdocs-offline.yml``, which inherits it) name ``docs/`` and ``site/``. To build
another docs folder (tests, benchmarks, the offline bundle) a small configuration file inheriting the
repository's one is written next to the output, naming the folders to use.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from generator.errors import AtlasError

REPO = Path(__file__).resolve().parents[1]
SITE_CONFIG = REPO / "mkdocs.yml"
OFFLINE_CONFIG = REPO / "mkdocs-offline.yml"


class SiteBuildError(AtlasError):
    """MkDocs refused the generated pages: a broken link or anchor under ``--strict``, a bad config."""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


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

    Raises :class:`SiteBuildError` listing MkDocs' warnings when it aborts: under strict mode every
    warning (a broken link or anchor, a page neither in the navigation nor in ``not_in_nav``) aborts.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config_path = write_config(
        docs_dir, site_dir, site_dir.parent / f".{site_dir.name}.mkdocs.yml", offline=offline
    )
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(config_file=str(config_path), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except Abort as error:
        details = "".join(f"\n  {message}" for message in collect.messages)
        raise SiteBuildError(str(config_path), 0, f"mkdocs build failed: {error}{details}") from None
    finally:
        logger.removeHandler(collect)
