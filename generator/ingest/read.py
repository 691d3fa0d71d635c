"""Reading an input file: bytes -> str, refusing what is not a text we can trust.

Refuses, with the file and line named: an empty file, a binary file (NUL bytes), text that is not
UTF-8. A UTF-8 byte-order mark is dropped.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import ParseError


def decode_source(data: bytes, path: str) -> str:
    """Decode an input file's bytes, or raise :class:`ParseError` saying why it cannot be read."""
    if not data.strip():
        raise ParseError(path, 1, "the file is empty: there is no text to parse")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ParseError(path, line, "the file is binary (it contains NUL bytes), not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ParseError(
            path,
            line,
            f"the text is not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert the file to UTF-8 first, e.g. with iconv -f <its encoding> -t UTF-8",
        ) from error
    return text.removeprefix("\ufeff")


def read_source(path: Path) -> str:
    """Read and decode a file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(str(path), 1, f"cannot read the file: {error.strerror}") from error
    return decode_source(data, str(path))
