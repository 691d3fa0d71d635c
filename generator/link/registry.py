"""The instrument registry: conventions, protocols, declarations and publications the texts cite by name.

It is read from an editable YAML file (``seeds/instruments.yml``; its header documents the fields).
:meth:`Registry.find_names` finds every alias in a text, longest name first, so that
"Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol" is one reference, not
two. An alias written with " of <year>" also matches the same name with any other year; the match
keeps the printed year so that a data check can compare it with the registry's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError
from generator.ingest.read import decode_source, read_bytes

DEFAULT_REGISTRY = Path(__file__).resolve().parents[2] / "seeds" / "instruments.yml"

KINDS = frozenset(
    {
        "convention",
        "protocol",
        "treaty",
        "declaration",
        "programme",
        "agenda",
        "rules",
        "charter",
        "framework",
        "publication",
    }
)


@dataclass(frozen=True, slots=True)
class TreatySeries:
    """A United Nations Treaty Series citation: "vol. 976, No. 14152"."""

    volume: int
    number: int

    def __str__(self) -> str:
        return f"United Nations, Treaty Series, vol. {self.volume}, No. {self.number}"


@dataclass(frozen=True, slots=True)
class Instrument:
    """One registry entry."""

    id: str
    name: str
    kind: str
    year: int | None
    aliases: tuple[str, ...]
    treaty_series: tuple[TreatySeries, ...] = ()
    document: str | None = None
    link: str | None = None
    line: int = 0
    """The line of the registry file where the entry starts (for error messages)."""


@dataclass(frozen=True, slots=True)
class NameMatch:
    """An alias found in a text."""

    start: int
    end: int
    instrument: Instrument
    year: int | None
    """The year printed in the name ("of 1954"), when the alias carries one."""


def _alias_pattern(alias: str, year: int | None) -> re.Pattern[str]:
    words = [re.escape(w) for w in alias.split()]
    body = r"\s+".join(words)
    if year is not None:
        body = body.replace(rf"of\s+{year}", r"of\s+(?P<year>(?:1[89]|20)\d\d)")
    return re.compile(rf"(?<![A-Za-z0-9-]){body}(?![A-Za-z0-9-])")


@dataclass(frozen=True, slots=True)
class Registry:
    """Every instrument, with the compiled alias patterns, longest alias first."""

    path: str
    instruments: tuple[Instrument, ...]
    patterns: tuple[tuple[re.Pattern[str], Instrument], ...]
    anaphora: tuple[tuple[re.Pattern[str], str], ...] = ()
    """Short names ("the Convention") and the kind of instrument they stand for."""

    def get(self, instrument_id: str) -> Instrument | None:
        return next((i for i in self.instruments if i.id == instrument_id), None)

    def by_treaty_series(self, volume: int, number: int) -> Instrument | None:
        wanted = TreatySeries(volume, number)
        return next((i for i in self.instruments if wanted in i.treaty_series), None)

    def find_anaphora(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """Every short name in ``text`` as (start, end, kind of instrument it stands for)."""
        found = [
            (m.start(), m.end(), kind) for pattern, kind in self.anaphora for m in pattern.finditer(text)
        ]
        return tuple(sorted(found))

    def find_names(self, text: str) -> tuple[NameMatch, ...]:
        """Every alias in ``text``; where names overlap, the longer (earlier-listed) one wins."""
        taken: list[tuple[int, int]] = []
        found: list[NameMatch] = []
        for pattern, instrument in self.patterns:
            for m in pattern.finditer(text):
                if any(m.start() < end and start < m.end() for start, end in taken):
                    continue
                taken.append((m.start(), m.end()))
                printed = m.groupdict().get("year")
                found.append(NameMatch(m.start(), m.end(), instrument, int(printed) if printed else None))
        return tuple(sorted(found, key=lambda n: n.start))


def _field(entry: dict[str, Any], name: str, path: str, line: int) -> Any:
    if name not in entry:
        raise ConfigError(path, line, f"instrument entry has no '{name}'")
    return entry[name]


def _entry_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if re.match(r"\s*-\s+id:", line)]


def _instrument(entry: Any, path: str, line: int) -> Instrument:
    if not isinstance(entry, dict):
        raise ConfigError(path, line, "each instrument must be a mapping with id, name, kind, aliases")
    kind = str(_field(entry, "kind", path, line))
    if kind not in KINDS:
        raise ConfigError(path, line, f"unknown kind {kind!r}; use one of {', '.join(sorted(KINDS))}")
    aliases = _field(entry, "aliases", path, line)
    if not isinstance(aliases, list) or not aliases:
        raise ConfigError(path, line, "'aliases' must be a non-empty list of names")
    series = []
    for item in entry.get("treaty_series") or ():
        if not isinstance(item, dict) or not {"volume", "number"} <= item.keys():
            raise ConfigError(path, line, "each treaty_series item needs 'volume' and 'number'")
        series.append(TreatySeries(int(item["volume"]), int(item["number"])))
    year = entry.get("year")
    return Instrument(
        id=str(_field(entry, "id", path, line)),
        name=str(_field(entry, "name", path, line)),
        kind=kind,
        year=int(year) if year is not None else None,
        aliases=tuple(str(a) for a in aliases),
        treaty_series=tuple(series),
        document=str(entry["document"]) if entry.get("document") else None,
        link=str(entry["link"]) if entry.get("link") else None,
        line=line,
    )


def parse_registry(text: str, path: str) -> Registry:
    """Read the registry from YAML text; raise :class:`ConfigError` naming the entry's line."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(path, mark.line + 1 if mark else 1, f"not valid YAML: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("instruments"), list):
        raise ConfigError(path, 1, "expected a mapping with an 'instruments' list")
    lines = _entry_lines(text)
    instruments: list[Instrument] = []
    seen: set[str] = set()
    for index, entry in enumerate(data["instruments"]):
        line = lines[index] if index < len(lines) else 1
        instrument = _instrument(entry, path, line)
        if instrument.id in seen:
            raise ConfigError(path, line, f"instrument id {instrument.id!r} is used twice")
        seen.add(instrument.id)
        instruments.append(instrument)
    pairs = [(alias, i) for i in instruments for alias in i.aliases]
    pairs.sort(key=lambda pair: -len(pair[0]))
    patterns = tuple((_alias_pattern(alias, i.year), i) for alias, i in pairs)
    anaphora = data.get("anaphora") or {}
    if not isinstance(anaphora, dict) or not all(v in KINDS for v in anaphora.values()):
        raise ConfigError(
            path, 1, f"'anaphora' maps short names to a kind: one of {', '.join(sorted(KINDS))}"
        )
    short = tuple((_alias_pattern(str(name), None), str(kind)) for name, kind in sorted(anaphora.items()))
    return Registry(path, tuple(instruments), patterns, short)


def load_registry(path: Path = DEFAULT_REGISTRY, name: str | None = None) -> Registry:
    """Read the registry file (``seeds/instruments.yml`` by default); ``name`` is how messages cite it."""
    return parse_registry(decode_source(read_bytes(path), name or str(path)), name or str(path))


@lru_cache(maxsize=4)
def default_registry() -> Registry:
    """The registry in ``seeds/instruments.yml``, read once per process."""
    return load_registry(DEFAULT_REGISTRY, "seeds/instruments.yml")
