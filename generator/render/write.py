"""Writing generated files: only when their content changed, and removing what is no longer generated.

Unchanged files keep their modification time, so a rebuild after touching one seed rewrites only the
pages that depend on it and ``mkdocs serve`` or a cache sees only real changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class WriteLog:
    """What one build did to the output folder (docs-relative paths, sorted when reported)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def write_if_changed(out_dir: Path, relative: str, content: str | bytes, log: WriteLog) -> None:
    """Write ``content`` to ``out_dir/relative`` unless the file already holds exactly that."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = out_dir / relative
    if path.is_file() and path.read_bytes() == data:
        log.unchanged.append(relative)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    log.written.append(relative)


def remove_stale(out_dir: Path, generated_dirs: Iterable[str], keep: set[str], log: WriteLog) -> None:
    """Delete files under the generated folders that this build did not produce.

    Only the folders the generator owns entirely are swept (``resolutions/``, ``data/``...); hand-written
    pages elsewhere in the docs folder are never touched.
    """
    for name in generated_dirs:
        root = out_dir / name
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(out_dir).as_posix()
            if path.is_file() and relative not in keep:
                path.unlink()
                log.removed.append(relative)
        for path in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
            if not any(path.iterdir()):
                path.rmdir()
