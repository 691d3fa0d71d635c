"""FRBR identifiers of resolutions in the AKN4UN naming convention, behind one constructor.

AKN4UN (the UN's Akoma Ntoso guidelines, Part 2, "Document Class: Deliberative Documents") models an
adopted resolution as the document type ``statement`` with the prescribed subtype ``deliberation`` and
the name ``resolution``. Its Work IRI follows the OASIS Akoma Ntoso Naming Convention 1.0 (chapter 4),
with ``un`` in the place of the country::

    /akn/un/statement/deliberation/<actor>/<date>/<number>                 the Work
    /akn/un/statement/deliberation/<actor>/<date>/<number>/eng@<date>      its English Expression
    /akn/un/statement/deliberation/<actor>/<date>/<number>/eng@<date>.xml  our XML Manifestation

``actor`` is the issuing body's code as the site names it (``cnd``, ``ga``, ``sc``, ``ctoc-cop``: the
guidelines leave the code to each organization), ``date`` the adoption date at the precision known
(``2022-03``, ``2008-03-14``; the naming convention allows a shorter date where it identifies), and
``number`` the resolution number as it is cited, ``/`` made ``-`` (``65-2``, ``77-71``; ``2482`` for the
Security Council, whose numbers run across years). The ``FRBRthis`` of each level adds the component:
``/!main`` (``/!main.xml`` for the Manifestation), ``/!annex_2`` for the second annex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.link.symbols import ResolutionNumber

COUNTRY = "un"
DOCTYPE = "statement"
SUBTYPE = "deliberation"
NAME = "resolution"
LANGUAGE = "eng"
"""Our texts are the English Expressions (ISO 639-2 alpha-3, as Akoma Ntoso writes languages)."""

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_UNSAFE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class FrbrUri:
    """The Work IRI of one resolution, and the Expression and Manifestation IRIs built on it."""

    actor: str
    date: str
    """YYYY, YYYY-MM or YYYY-MM-DD."""
    number: str

    def __post_init__(self) -> None:
        if not _DATE.match(self.date):
            raise ValueError(f"not an Akoma Ntoso work date: {self.date!r}")
        if not self.number or "/" in self.number or not self.actor:
            raise ValueError(f"not an Akoma Ntoso work: actor {self.actor!r}, number {self.number!r}")

    @property
    def work(self) -> str:
        return f"/akn/{COUNTRY}/{DOCTYPE}/{SUBTYPE}/{self.actor}/{self.date}/{self.number}"

    @property
    def expression(self) -> str:
        return f"{self.work}/{LANGUAGE}@{self.date}"

    @property
    def manifestation(self) -> str:
        return f"{self.expression}.xml"

    def work_this(self, component: str = "main") -> str:
        return f"{self.work}/!{component}"

    def expression_this(self, component: str = "main") -> str:
        return f"{self.expression}/!{component}"

    def manifestation_this(self, component: str = "main") -> str:
        return f"{self.expression}/!{component}.xml"

    def portion(self, eid: str) -> str:
        """A reference to one element of the Work ("/akn/.../51-11/~para_6")."""
        return f"{self.work}/~{eid}"


def number_slug(session: int | str | None, number: str) -> str:
    """The number part of a Work IRI: "65-2", "77-71", "s-20-2", "2482"."""
    raw = number if session is None else f"{session}/{number}"
    return _UNSAFE.sub("-", raw.lower()).strip("-")


def resolution_uri(body: str, session: int | None, number: str, date: str) -> FrbrUri:
    """The Work IRI of a resolution of the corpus."""
    return FrbrUri(body, date, number_slug(session, number))


def cited_uri(body: str | None, number: ResolutionNumber, date: str | None) -> FrbrUri | None:
    """The Work IRI of a resolution the corpus cites but does not hold, when the citation says enough:
    the issuing body, and a date (printed after the number, or the year of a Security Council number).
    Without a date there is no Work IRI to give."""
    if body is None:
        return None
    when = date or (str(number.year) if number.year else None)
    if when is None:
        return None
    return FrbrUri(body, when, number.slug())


def xsd_date(date: str) -> tuple[str, str]:
    """An ISO date as the schema's ``FRBRdate/@date`` takes it (a full ``xsd:date``), and the date's name.

    A date known to the month or the year only is given its first day, and its name says so
    (``adoption-month``, ``adoption-year``): the strict schema has no partial dates.
    """
    if len(date) == 10:
        return date, "adoption"
    if len(date) == 7:
        return f"{date}-01", "adoption-month"
    return f"{date}-01-01", "adoption-year"
