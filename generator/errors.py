"""Errors a user can act on: each names the file and line it is about.

The hierarchy is small on purpose. Each stage raises its own type; the CLI prints ``str(error)``,
which is always ``path:line: message``, and exits with status 1.
"""

from __future__ import annotations


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
