"""What the command-line options name, checked before any work is done.

Each check raises :class:`~generator.errors.OptionError` (``--option: message``) for a folder that
is missing or a file, an output that is a folder, or an output folder the build must never replace
(one that holds a git repository or the current folder). Checking first means a refused command has
read nothing heavy and written nothing.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import OptionError


def input_folder(option: str, value: str | Path) -> Path:
    """A folder to read (``--seeds``, ``--docs``): it must exist and be a folder."""
    path = Path(value)
    if path.is_dir():
        return path
    if path.exists():
        raise OptionError(option, f"{value} is a file, not a folder")
    if path.is_symlink():
        raise OptionError(option, f"{value} is a symbolic link to nothing (or one that loops)")
    raise OptionError(option, f"no such folder: {value}")


def output_folder(option: str, value: str | Path) -> Path:
    """A folder the command replaces with its output (``resatlas build --out``).

    It may be missing (it is created) or an earlier output; it must not be a file, hold a git
    repository, or contain the current folder: the build replaces the folder as a whole.
    """
    path = Path(value)
    if path.is_symlink() and not path.exists():
        raise OptionError(option, f"{value} is a symbolic link to nothing (or one that loops)")
    if path.exists() and not path.is_dir():
        raise OptionError(option, f"{value} is a file, not a folder")
    _parent_is_folder(option, path, value)
    if path.is_dir():
        resolved = path.resolve()
        if (resolved / ".git").exists():
            raise OptionError(option, f"{value} holds a git repository; name a folder for the site's pages")
        if resolved == Path(resolved.anchor) or Path.cwd().resolve().is_relative_to(resolved):
            raise OptionError(
                option, f"{value} contains the current folder; name a folder for the site's pages"
            )
    return path


def output_file(option: str, value: str | Path) -> Path:
    """A file the command writes (``--out site-offline.zip``, ``--output report.json``)."""
    path = Path(value)
    if path.is_dir():
        raise OptionError(option, f"{value} is a folder, not a file")
    if path.is_symlink() and not path.exists():
        raise OptionError(option, f"{value} is a symbolic link to nothing (or one that loops)")
    _parent_is_folder(option, path, value)
    return path


def _parent_is_folder(option: str, path: Path, value: str | Path) -> None:
    """Every existing ancestor of ``path`` must be a folder (it is created when missing)."""
    for parent in path.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise OptionError(option, f"{value}: {parent} is a file, not a folder")
            return
