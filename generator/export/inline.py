"""A text with its inline spans and point marks, as mixed XML content.

The text is written as itself, every character once and in order; the markup only wraps it. Spans are
emphasis (``<i>``) and references (``<ref href>``); where two spans cross (an italic title that a
reference starts inside of), the later one is cut in two at the earlier one's end, so the elements nest.
A mark (a footnote's ``<authorialNote>``) stands at an offset: right after that many characters of the
text, outside any span that ends or starts there.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lxml import etree

from generator.export.tree import element

MarkBuilder = Callable[[etree._Element], None]
"""Appends the mark's element to the element it is given."""


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int
    tag: str = field(compare=False)
    attributes: tuple[tuple[str, str], ...] = field(default=(), compare=False)


@dataclass(slots=True)
class _Tree:
    span: Span
    children: list[_Tree] = field(default_factory=list)


def _nest(spans: Sequence[Span]) -> list[_Tree]:
    """The spans as a forest: each inside the one it starts in, cut where it would cross its end."""
    heap = [(s.start, -s.end, k, s) for k, s in enumerate(spans) if s.end > s.start]
    heapq.heapify(heap)
    roots: list[_Tree] = []
    stack: list[_Tree] = []
    counter = len(heap)
    while heap:
        _, _, _, span = heapq.heappop(heap)
        while stack and stack[-1].span.end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].span.end:
            cut = stack[-1].span.end
            counter += 1
            heapq.heappush(heap, (cut, -span.end, counter, Span(cut, span.end, span.tag, span.attributes)))
            span = Span(span.start, cut, span.tag, span.attributes)
        node = _Tree(span)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


class _Writer:
    def __init__(self, text: str, marks: Sequence[tuple[int, MarkBuilder]]) -> None:
        self.text = text
        self.marks = sorted(marks, key=lambda m: m[0])
        self.next_mark = 0

    def _marks_until(self, parent: etree._Element, offset: int, inclusive: bool) -> None:
        while self.next_mark < len(self.marks):
            at, build = self.marks[self.next_mark]
            if at > offset or (at == offset and not inclusive):
                return
            build(parent)
            self.next_mark += 1

    def _text(self, parent: etree._Element, start: int, end: int, inclusive: bool) -> None:
        """The text from ``start`` to ``end`` with the marks that stand in it."""
        cursor = start
        while self.next_mark < len(self.marks):
            at = self.marks[self.next_mark][0]
            if at > end or (at == end and not inclusive):
                break
            _append_text(parent, self.text[cursor : max(at, cursor)])
            cursor = max(at, cursor)
            self._marks_until(parent, at, True)
        _append_text(parent, self.text[cursor:end])

    def write(self, parent: etree._Element, start: int, end: int, trees: list[_Tree], outer: bool) -> None:
        cursor = start
        for tree in trees:
            self._text(parent, cursor, tree.span.start, True)
            child = element(tree.span.tag, parent, dict(tree.span.attributes))
            self.write(child, tree.span.start, tree.span.end, tree.children, False)
            cursor = tree.span.end
        self._text(parent, cursor, end, outer)


def fill(
    parent: etree._Element,
    text: str,
    spans: Sequence[Span] = (),
    marks: Sequence[tuple[int, MarkBuilder]] = (),
) -> None:
    """Write ``text`` into ``parent`` with ``spans`` as elements and ``marks`` built at their offsets.

    Marks beyond the end of the text stand at its end.
    """
    writer = _Writer(text, [(min(at, len(text)), build) for at, build in marks])
    writer.write(parent, 0, len(text), _nest(spans), True)
