"""UN identifiers behind one parser: resolution numbers and document symbols.

Two families of identifiers appear in resolution texts:

* **resolution numbers** as a body cites its own or another body's resolutions:
  ``51/11``, ``56/24 V``, ``S-20/2``, ``S-20/4 A–E``, ``217 A (III)``, ``1991/38``, ``2482 (2019)``;
* **document symbols**: ``A/CONF.192/15``, ``E/2009/28``, ``CTOC/COP/WG.6/2014/4``,
  ``A/64/92-E/2009/98``, ``A/RES/77/71``, ``S/RES/2482 (2019)``, ``E/CN.7/2022/14``.

Each family has one verbose, commented regular expression; :func:`parse_resolution_number` and
:func:`parse_document_symbol` are the only ways in. :func:`official_link` turns a symbol into the
UN's official document link (``https://undocs.org/<symbol>``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

NumberForm = Literal["session", "special", "ecosoc", "sc", "roman", "bare"]

UNDOCS = "https://undocs.org/"

RESOLUTION_NUMBER = re.compile(
    r"""
    (?:
        # Security Council: number and year in brackets, "2482 (2019)", "687 (1991)"
        (?P<sc_number>\d{2,4})\s?\((?P<sc_year>(?:19|20)\d\d)\)
      |
        # General Assembly before 1976: number, optional part letter, roman session,
        # "217 A (III)", "2200 A (XXI)"
        (?P<rm_number>\d{1,4})(?:\s(?P<rm_part>[A-Z]))?\s?\((?P<rm_session>[IVXL]+)\)
      |
        # special session of the General Assembly: "S-20/2", "S-30/1", "S-20/4 A–E"
        S-(?P<sp_session>\d{1,2})/(?P<sp_number>\d{1,3})
        (?:\s(?P<sp_part>[A-Z](?:[–-][A-Z])?)(?![A-Za-z0-9/]))?
      |
        # Economic and Social Council since 1978: year and number, "1991/38", "2009/23"
        (?P<ec_year>(?:19|20)\d\d)/(?P<ec_number>\d{1,3})
      |
        # session and number, with an optional part: "51/11", "56/24 V", "52/38 J", "5/4"
        (?P<session>\d{1,2})/(?P<number>\d{1,3})
        (?:\s(?P<part>[A-Z](?:[–-][A-Z])?)(?![A-Za-z0-9/]))?
      |
        # a bare number after "resolution" in Security Council texts: "resolution 1325"
        (?P<bare>\d{3,4})
    )
    (?![A-Za-z0-9/])      # not the start of a longer token ("51/11/Add.1", "2482a")
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class ResolutionNumber:
    """A resolution or decision number as printed, split into its parts."""

    form: NumberForm
    """Which family the number belongs to; it hints at the issuing body."""
    session: str | None
    """The session: "51", "S-20", "III"; the year for ECOSOC ("1991"); ``None`` for the Security Council."""
    number: str
    part: str | None = None
    """A part letter or range of parts ("V", "A", "A–E")."""
    year: int | None = None
    """The year printed with a Security Council resolution."""

    @property
    def key(self) -> str:
        """The normalised number: "51/11", "56/24 V", "217 A (III)", "2482 (2019)", "2395"."""
        if self.form == "sc":
            return f"{self.number} ({self.year})"
        if self.form == "bare":
            return self.number
        if self.form == "roman":
            middle = f" {self.part}" if self.part else ""
            return f"{self.number}{middle} ({self.session})"
        suffix = f" {self.part}" if self.part else ""
        return f"{self.session}/{self.number}{suffix}"

    def slug(self) -> str:
        """The number as part of an id: "51-11", "56-24-v", "s-20-2", "217-a-iii", "2482"."""
        if self.form in ("sc", "bare"):
            return self.number
        raw = "-".join(p for p in (self.session, self.number, self.part) if p)
        if self.form == "roman":
            raw = "-".join(p for p in (self.number, self.part, self.session) if p)
        return re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")


def parse_resolution_number(text: str) -> ResolutionNumber:
    """Parse a whole resolution number; raise ``ValueError`` naming the text when it is not one."""
    match = RESOLUTION_NUMBER.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a resolution number: {text!r}")
    return resolution_number_from_match(match)


def resolution_number_from_match(match: re.Match[str]) -> ResolutionNumber:
    """Build the number from a match of :data:`RESOLUTION_NUMBER` (or a pattern embedding it)."""
    g = match.group
    if g("sc_number"):
        return ResolutionNumber("sc", None, g("sc_number"), year=int(g("sc_year")))
    if g("rm_number"):
        return ResolutionNumber("roman", g("rm_session"), g("rm_number"), g("rm_part"))
    if g("sp_session"):
        return ResolutionNumber("special", f"S-{g('sp_session')}", g("sp_number"), g("sp_part"))
    if g("ec_year"):
        return ResolutionNumber("ecosoc", g("ec_year"), g("ec_number"))
    if g("session"):
        return ResolutionNumber("session", g("session"), g("number"), g("part"))
    return ResolutionNumber("bare", None, g("bare"))


DOCUMENT_SYMBOL = re.compile(
    r"""
    (?<![\w/.])                         # starts a token
    (?P<symbol>
        (?P<series>A|S|E|CTOC|ST|CCPCJ|UNODC|UNCAC|CAC|ATT|TD|DP|UNEP|HRC)  # issuing organ
        (?:/(?:                          # then slash-separated elements, each one of:
            RES|PRST|CONF\.\d+|CN\.\d+|AC\.\d+|C\.\d+|WG\.\d+|COP|HRC|INF|PV\.\d+|L\.\d+
          | CRP\.\d+ | Add\.\d+ | Corr\.\d+ | Rev\.\d+ | Part\s[IVX]+
          | S-\d+                        # special session ("A/RES/S-20/2")
          | \d+                          # a session, year or serial number
          | [A-Z]{2,4}                   # another organ code ("CTOC/COP/WG.6")
        )){2,}
        (?:\s\((?:19|20)\d\d\))?         # the year of a Security Council resolution
        (?:-(?P<second>[A-Z]+(?:/[\w.]+)+))?   # joint symbol: "A/64/92-E/2009/98"
    )
    (?![A-Za-z0-9/])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class DocumentSymbol:
    """An official document symbol."""

    symbol: str
    """As printed, spaces normalised: "A/64/92-E/2009/98", "S/RES/2482 (2019)"."""
    series: str
    """The issuing organ: "A", "E", "S", "CTOC"."""

    @property
    def parts(self) -> tuple[str, ...]:
        """The symbols a joint symbol names ("A/64/92", "E/2009/98"); else the symbol alone."""
        return tuple(self.symbol.split("-", 1)) if _is_joint(self.symbol) else (self.symbol,)

    @property
    def is_resolution(self) -> bool:
        return "/RES/" in self.symbol

    def slug(self) -> str:
        return "doc-" + re.sub(r"[^a-z0-9]+", "-", self.symbol.lower()).strip("-")


def _is_joint(symbol: str) -> bool:
    return re.search(r"\d-[A-Z]", symbol) is not None


def parse_document_symbol(text: str) -> DocumentSymbol:
    """Parse a whole document symbol; raise ``ValueError`` naming the text when it is not one."""
    match = DOCUMENT_SYMBOL.fullmatch(" ".join(text.split()))
    if match is None:
        raise ValueError(f"not a document symbol: {text!r}")
    return DocumentSymbol(match.group("symbol"), match.group("series"))


def official_link(symbol: str) -> str:
    """The UN's official link for a document symbol: ``https://undocs.org/A/CONF.192/15``.

    Spaces are dropped ("S/RES/2482 (2019)" -> ``S/RES/2482(2019)``); a joint symbol links its
    first part.
    """
    first = symbol.split("-", 1)[0] if _is_joint(symbol) else symbol
    return UNDOCS + first.replace(" ", "")


BODY_SERIES = {"ga": "A/RES/", "sc": "S/RES/", "ecosoc": "E/RES/", "hrc": "A/HRC/RES/"}
"""The symbol prefix of the bodies whose resolutions carry their own document symbol."""


def resolution_symbol(body: str, number: ResolutionNumber) -> str | None:
    """The document symbol of a resolution, when its body issues resolutions under one.

    Commission resolutions (CND, CCPCJ) and those of the Conference of the Parties have no symbol of
    their own (they are printed in the body's report), so they get ``None``.
    """
    prefix = BODY_SERIES.get(body)
    if prefix is None:
        return None
    if body == "sc":
        if number.form == "sc":
            return f"{prefix}{number.number} ({number.year})"
        return f"{prefix}{number.number}" if number.form == "bare" else None
    if number.form == "roman":
        return f"{prefix}{number.number}({number.session})"
    if number.form in ("session", "special", "ecosoc") and number.session:
        part = "" if number.part is None or len(number.part) > 1 else number.part  # "A–E" spans parts
        return f"{prefix}{number.session}/{number.number}{part}"
    return None
