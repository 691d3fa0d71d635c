"""The ``<meta>`` block: FRBR identification, the organizations it names, and our own metadata.

Every date of the identification is the adoption date (the Manifestation too: no timestamp is written,
so the same corpus gives the same bytes). The body and Resolution Atlas are ``TLCOrganization``s with
AKN-NC non-document IRIs (``/akn/ontology/organization/un.cnd``; ``unreg.`` for an organization
registered nowhere). ``<proprietary>`` keeps what the model knows that FRBR has no place for: the site's
id, the date at its real precision, the fragment flag, the source lines, and how the ``wId``s were made.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from generator.export.frbr import LANGUAGE, NAME, SUBTYPE, FrbrUri, xsd_date
from generator.export.tree import ATLAS_NS, element
from generator.link.links import BODY_TITLES
from generator.model import Resolution

SOURCE = "resatlas"
"""The ``eId`` of Resolution Atlas as the source of the identification and the references."""
FORMAT = "application/akn+xml"


@dataclass(frozen=True, slots=True)
class Provenance:
    """How the ``wId``s of a resolution were derived."""

    previous: str | None
    """The resolution id of the previous version of the same text, or None (this one is the first)."""


def _identification(parent: etree._Element, uri: FrbrUri, author: str, component: str) -> None:
    date, date_name = xsd_date(uri.date)
    ident = element("identification", parent, {"source": f"#{SOURCE}"})
    levels = (
        ("FRBRWork", uri.work_this(component), uri.work, author),
        ("FRBRExpression", uri.expression_this(component), uri.expression, author),
        ("FRBRManifestation", uri.manifestation_this(component), uri.manifestation, f"#{SOURCE}"),
    )
    for tag, this, frbr_uri, by in levels:
        level = element(tag, ident)
        element("FRBRthis", level, {"value": this})
        element("FRBRuri", level, {"value": frbr_uri})
        element("FRBRdate", level, {"date": date, "name": date_name})
        element("FRBRauthor", level, {"href": by})
        if tag == "FRBRWork":
            element("FRBRcountry", level, {"value": "un"})
            element("FRBRsubtype", level, {"value": SUBTYPE})
            element("FRBRnumber", level, {"value": uri.number})
            element("FRBRname", level, {"value": NAME})
        elif tag == "FRBRExpression":
            element("FRBRlanguage", level, {"language": LANGUAGE})
        else:
            element("FRBRformat", level, {"value": FORMAT})


def component_meta(parent: etree._Element, uri: FrbrUri, body: str, component: str) -> None:
    """The ``<meta>`` of an attachment: its identification as a component of the resolution's Work."""
    meta = element("meta", parent)
    _identification(meta, uri, f"#{body}", component)


def resolution_meta(parent: etree._Element, resolution: Resolution, uri: FrbrUri) -> etree._Element:
    """The resolution's ``<meta>``; ``<notes>`` (footnotes no mark points to) are added after it."""
    meta = element("meta", parent)
    _identification(meta, uri, f"#{resolution.body}", "main")
    refs = element("references", meta, {"source": f"#{SOURCE}"})
    body_title = BODY_TITLES.get(resolution.body) or resolution.body_name or resolution.body
    organizations = (
        (resolution.body, f"un.{resolution.body}", body_title),
        (SOURCE, "unreg.resolution-atlas", "Resolution Atlas"),
    )
    for eid, name, shown in organizations:
        attributes = {"eId": eid, "href": f"/akn/ontology/organization/{name}", "showAs": shown}
        element("TLCOrganization", refs, attributes)
    return meta


def proprietary(meta: etree._Element, resolution: Resolution, provenance: Provenance) -> None:
    """Our metadata, last in ``<meta>`` as the schema orders it."""
    holder = element("proprietary", meta, {"source": f"#{SOURCE}"})
    record = etree.SubElement(holder, f"{{{ATLAS_NS}}}resolution", nsmap={"atlas": ATLAS_NS})
    record.set("id", resolution.id)
    record.set("symbol", resolution.symbol)
    if resolution.date:
        record.set("date", resolution.date)
    record.set("fragment", "true" if resolution.fragment else "false")
    record.set("source", str(resolution.source))
    if resolution.source_document:
        record.set("sourceDocument", resolution.source_document)
    wid = etree.SubElement(record, f"{{{ATLAS_NS}}}workIds")
    if provenance.previous:
        wid.set("method", "aligned")
        wid.set("previous", provenance.previous)
    else:
        wid.set("method", "first-version")
