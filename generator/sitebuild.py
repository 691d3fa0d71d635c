"""Running MkDocs on a generated docs folder: the published site or the offline variant.

``mkdocs.yml`` (and ``mkdocs-offline.yml``, which inherits it) name ``docs/`` and ``site/``. To build
another docs folder (tests, benchmarks, the offline bundle) the repository's configuration is loaded
with the folders to use given as options, so no configuration file is written anywhere.
"""

from __future__ import annotations

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


def mkdocs_build(docs_dir: Path, site_dir: Path, *, offline: bool = False, strict: bool = True) -> None:
    """``mkdocs build`` (``--strict`` by default) of ``docs_dir`` into ``site_dir``, in this process.

    Raises :class:`SiteBuildError` listing MkDocs' warnings when it aborts: under strict mode every
    warning (a broken link or anchor, a page neither in the navigation nor in ``not_in_nav``) aborts.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config_path = OFFLINE_CONFIG if offline else SITE_CONFIG
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config = load_config(
            config_file=str(config_path),
            docs_dir=str(docs_dir.resolve()),
            site_dir=str(site_dir.resolve()),
            strict=strict,
        )
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
