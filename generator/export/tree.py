"""Akoma Ntoso elements with lxml: the namespace, one element constructor, the serialiser."""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
"""The Akoma Ntoso 3.0 namespace (the OASIS standard's, which the strict schema validates)."""
ATLAS_NS = "urn:x-resolution-atlas:akn:1"
"""Our own metadata, inside ``<proprietary>``: what the model knows that FRBR has no place for."""


def element(
    tag: str, parent: etree._Element | None = None, attributes: Mapping[str, str] | None = None
) -> etree._Element:
    """An element of the Akoma Ntoso namespace, appended to ``parent`` when one is given."""
    name = f"{{{AKN_NS}}}{tag}"
    attrs = dict(attributes or {})
    if parent is None:
        return etree.Element(name, attrs, nsmap={None: AKN_NS})
    return etree.SubElement(parent, name, attrs)


def text_element(
    tag: str, parent: etree._Element, text: str, attributes: Mapping[str, str] | None = None
) -> etree._Element:
    node = element(tag, parent, attributes)
    node.text = text
    return node


MIXED = frozenset({"p", "num", "heading", "docNumber", "docTitle", "i", "ref"})
"""Elements whose content is text: indenting never reaches inside them, so no white space is added to it."""


def _indent(node: etree._Element, level: int) -> None:
    if etree.QName(node).localname in MIXED or not len(node):
        return
    inner = "\n" + "  " * (level + 1)
    node.text = inner
    for child in node:
        _indent(child, level + 1)
        child.tail = inner
    node[-1].tail = "\n" + "  " * level


def serialise(root: etree._Element) -> str:
    """The document as UTF-8 XML text, indented, with its XML declaration: byte-identical every run.

    Only elements that hold elements are indented (structure, metadata); text is written as it is.
    """
    _indent(root, 0)
    body = etree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
