"""Word-level diffs as data.

A text is cut into tokens that are whole words, runs of white space or single punctuation marks
(:data:`TOKEN_RE` covers every character, so nothing is lost). Each distinct token is mapped to one
character, diff-match-patch diffs the two character strings and cleans the result up semantically,
and the characters are mapped back to tokens. Because an edit can only start or end between two
characters of the encoded strings, no change ever starts or ends inside a word.

Guarantees of :func:`word_diff` (checked by ``tests/property/test_diff_properties.py``):

* the ``equal`` and ``delete`` operations, concatenated in order, give back the old text exactly;
* the ``equal`` and ``insert`` operations, concatenated in order, give back the new text exactly;
* no two neighbouring operations have the same kind, and no operation is empty;
* every operation boundary falls between two tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]

OpKind = Literal["equal", "insert", "delete"]

TOKEN_RE = re.compile(r"\w+|\s+|[^\w\s]")
"""A word (letters, digits), a run of white space, or one other character."""

_DMP_KIND: dict[int, OpKind] = {0: "equal", 1: "insert", -1: "delete"}


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One operation of a diff: text kept, inserted into the new text, or deleted from the old one."""

    op: OpKind
    text: str


def tokenize(text: str) -> list[str]:
    """Cut ``text`` into words, white-space runs and single punctuation marks; ``"".join`` gives it back."""
    return TOKEN_RE.findall(text)


def _code_points(avoid: set[str]) -> Iterator[str]:
    """Characters to stand for tokens: the private use areas, skipping any the texts themselves use."""
    for start, stop in ((0xE000, 0xF900), (0xF0000, 0xFFFFE), (0x100000, 0x10FFFE)):
        for cp in range(start, stop):
            char = chr(cp)
            if char not in avoid:
                yield char


def encode_tokens(left: Sequence[str], right: Sequence[str]) -> tuple[str, str, dict[str, str]]:
    """Map each distinct token to one character; return both encoded strings and the decoding table.

    Single white-space and punctuation characters stand for themselves (so the semantic clean-up of
    diff-match-patch sees sentence and word boundaries); words get private-use characters.
    """
    avoid = {t for t in (*left, *right) if len(t) == 1 and not t.isalnum()}
    fresh = _code_points(avoid)
    table: dict[str, str] = {}
    decode: dict[str, str] = {}

    def code(token: str) -> str:
        char = table.get(token)
        if char is None:
            char = token if token in avoid else next(fresh)
            table[token] = char
            decode[char] = token
        return char

    return "".join(map(code, left)), "".join(map(code, right)), decode


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # no time limit: the same input always gives the same diff
    return dmp


def diff_encoded(left: str, right: str, *, cleanup: bool = True) -> list[tuple[int, str]]:
    """diff-match-patch on two encoded strings, with semantic clean-up unless told otherwise."""
    dmp = _dmp()
    diffs: list[tuple[int, str]] = dmp.diff_main(left, right, False)
    if cleanup:
        dmp.diff_cleanupSemantic(diffs)
    return diffs


def word_diff(old: str, new: str) -> tuple[DiffOp, ...]:
    """The word-level diff of ``old`` against ``new``, cleaned up to read like an editor's track changes."""
    if old == new:
        return (DiffOp("equal", old),) if old else ()
    a, b, decode = encode_tokens(tokenize(old), tokenize(new))
    ops: list[DiffOp] = []
    for kind, chars in diff_encoded(a, b):
        text = "".join(decode[c] for c in chars)
        _append(ops, DiffOp(_DMP_KIND[kind], text))
    return tuple(_order(ops))


def concat_diffs(*parts: Sequence[DiffOp]) -> tuple[DiffOp, ...]:
    """Join diffs of consecutive pieces of two texts into one diff of the whole texts."""
    ops: list[DiffOp] = []
    for part in parts:
        for op in part:
            _append(ops, op)
    return tuple(_order(ops))


def _append(ops: list[DiffOp], op: DiffOp) -> None:
    if not op.text:
        return
    if ops and ops[-1].op == op.op:
        ops[-1] = DiffOp(op.op, ops[-1].text + op.text)
    else:
        ops.append(op)


def _order(ops: list[DiffOp]) -> list[DiffOp]:
    """Within each run of changes between two kept spans, put the deletion before the insertion."""
    out: list[DiffOp] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for op in [*ops, DiffOp("equal", "")]:
        if op.op == "delete":
            deleted.append(op.text)
        elif op.op == "insert":
            inserted.append(op.text)
        else:
            _append(out, DiffOp("delete", "".join(deleted)))
            _append(out, DiffOp("insert", "".join(inserted)))
            _append(out, op)
            deleted, inserted = [], []
    return out


def old_text(ops: Sequence[DiffOp]) -> str:
    """The old text a diff was made from: kept and deleted spans."""
    return "".join(op.text for op in ops if op.op != "insert")


def new_text(ops: Sequence[DiffOp]) -> str:
    """The new text a diff was made from: kept and inserted spans."""
    return "".join(op.text for op in ops if op.op != "delete")
