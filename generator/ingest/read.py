"""Reading an input file: bytes -> str, refusing what is not a text we can trust.

Every input the commands read (texts, the catalog, ``topics.yml``, ``comparisons.yml``,
``instruments.yml``, a change report) goes through :func:`read_source` or :func:`decode_source`.
Refused, with the file and line named and what to do about it:

* a path that is a folder, missing, a symbolic link that loops, or a device;
* an empty file, or one with no visible character at all (only white space and invisible format
  characters such as U+200B ZERO WIDTH SPACE);
* UTF-16 and UTF-32, with or without a byte-order mark, named as such (not as "binary");
* a binary file (NUL bytes), and text that is not UTF-8 (Latin-1, a broken byte mid-file).

A UTF-8 byte-order mark at the start is accepted and dropped; ``\\r\\n``, ``\\r`` and ``\\n`` are all
line ends (:mod:`generator.ingest.normalise` numbers the lines).
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path

from generator.errors import ParseError, os_reason

_UTF32_BOMS = ((b"\xff\xfe\x00\x00", "little-endian"), (b"\x00\x00\xfe\xff", "big-endian"))
_UTF16_BOMS = ((b"\xff\xfe", "little-endian"), (b"\xfe\xff", "big-endian"))
_SAMPLE = 4096
"""Bytes looked at to tell UTF-16 without a byte-order mark from a binary file."""


def _convert_hint(encoding: str) -> str:
    return f"convert the file to UTF-8 first, e.g. with iconv -f {encoding} -t UTF-8"


def _utf16_without_bom(data: bytes) -> str | None:
    """ "little-endian" or "big-endian" when the bytes read as UTF-16 text with no byte-order mark:
    most characters of a Latin-script text have a NUL high byte, on the same side every time."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    half = len(sample) // 2
    if half < 2:
        return None
    odd_nuls = sample[1::2].count(0)
    even_nuls = sample[0::2].count(0)
    for nuls, other, order, codec in (
        (odd_nuls, even_nuls, "little-endian", "utf-16-le"),
        (even_nuls, odd_nuls, "big-endian", "utf-16-be"),
    ):
        if nuls >= half * 0.4 and other <= half * 0.05:
            try:
                sample.decode(codec)
            except UnicodeDecodeError:
                return None
            return order
    return None


def _wide_encoding(data: bytes, path: str) -> None:
    """Refuse UTF-32 and UTF-16 by name (both are full of NUL bytes, so they would read as binary)."""
    for boms, name in ((_UTF32_BOMS, "UTF-32"), (_UTF16_BOMS, "UTF-16")):
        for bom, order in boms:
            if data.startswith(bom):
                raise ParseError(
                    path,
                    1,
                    f"the text is {name} ({order}, with a byte-order mark), not UTF-8; {_convert_hint(name)}",
                )
    guessed = _utf16_without_bom(data)
    if guessed is not None:
        codec = "UTF-16LE" if guessed == "little-endian" else "UTF-16BE"
        raise ParseError(
            path,
            1,
            f"the text looks like UTF-16 ({guessed}, no byte-order mark), not UTF-8; {_convert_hint(codec)}",
        )


def _invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Cf"


def _no_visible_text(text: str, path: str) -> None:
    for char in text:
        if not _invisible(char):
            return
    first = next((c for c in text if not c.isspace()), None)
    if first is None:
        raise ParseError(path, 1, "the file is empty: there is no text to parse")
    line = text[: text.index(first)].count("\n") + 1
    name = unicodedata.name(first, "FORMAT CHARACTER")
    raise ParseError(
        path,
        line,
        f"the file has no visible text: only white space and invisible format characters "
        f"(U+{ord(first):04X} {name})",
    )


def decode_source(data: bytes, path: str) -> str:
    """Decode an input file's bytes, or raise :class:`ParseError` saying why it cannot be read."""
    if not data.strip():
        raise ParseError(path, 1, "the file is empty: there is no text to parse")
    _wide_encoding(data, path)
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
            f"{_convert_hint('<its encoding>')}",
        ) from error
    text = text.removeprefix("\ufeff")
    _no_visible_text(text, path)
    return text


def read_bytes(path: Path) -> bytes:
    """A file's bytes; :class:`ParseError` (``path:1: reason``) when it is not a file one can read.

    Folders, devices and sockets are refused before reading (``/dev/zero`` never ends); a named pipe
    (``<(command)``) is read like a file.
    """
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise ParseError(str(path), 1, "is not a regular file (a device or a socket); name a text file")
        return path.read_bytes()
    except OSError as error:
        raise ParseError(str(path), 1, f"cannot read the file: {os_reason(error)}") from error


def read_source(path: Path) -> str:
    """Read and decode a file."""
    return decode_source(read_bytes(path), str(path))
