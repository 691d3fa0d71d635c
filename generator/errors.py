"""Errors a user can act on: each names the file and line it is about.

The hierarchy is small on purpose. Each stage raises its own type; the CLI prints ``str(error)``,
which is always ``path:line: message``, and exits with status 1.
"""

from __future__ import annotations

import errno


class AtlasError(Exception):
    """Base of every error Resolution Atlas reports to a user."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}")


class ParseError(AtlasError):
    """The input text cannot be read as a resolution or report."""


class CatalogError(AtlasError):
    """The catalog is malformed or disagrees with what the text says."""


class ConfigError(AtlasError):
    """A YAML configuration file (comparisons, topics, instruments) is malformed."""


class ExportError(AtlasError):
    """A resolution cannot be written in an export format (it lacks what the format requires)."""


class StrictModeError(AtlasError):
    """Warnings were raised while ``--strict`` was in force."""


class OptionError(AtlasError):
    """A command-line option names something unusable (a missing folder, an output that is a file).

    It is about an option, not a line of a text, so it reads ``--option: message``.
    """

    def __init__(self, option: str, message: str) -> None:
        super().__init__(option, 0, message)
        self.args = (f"{option}: {message}",)


_OS_REASONS = {
    errno.ENOENT: "no such file or folder",
    errno.EISDIR: "is a folder, not a file",
    errno.ELOOP: "is a symbolic link that loops (or one of too many links in a row)",
    errno.EACCES: "permission denied",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENAMETOOLONG: "the file name is too long",
}


def os_reason(error: OSError) -> str:
    """What an operating-system error means for a file we were asked to read, in words."""
    if error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    return (error.strerror or str(error)).lower()
