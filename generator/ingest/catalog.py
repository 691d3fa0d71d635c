"""The catalog: what the texts do not say about themselves (seeds/catalog.yml).

The catalog is read into plain dataclasses and checked: unknown keys, missing keys and wrong types are
errors naming the catalog file and the line of the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import CatalogError
from generator.ingest.ids import SAFE_ID, slug
from generator.ingest.read import read_source


@dataclass(frozen=True, slots=True)
class CatalogResolution:
    id: str
    body: str
    session: int | None
    number: str
    date: str | None
    source_document: str | None
    fragment: bool
    title: str | None
    identified_by: str | None
    line: int


@dataclass(frozen=True, slots=True)
class CatalogReport:
    id: str
    title: str
    body: str
    body_name: str
    date: str | None
    line: int


@dataclass(frozen=True, slots=True)
class CatalogFile:
    name: str
    kind: str
    resolutions: tuple[CatalogResolution, ...]
    report: CatalogReport | None
    line: int


@dataclass(frozen=True, slots=True)
class Catalog:
    path: str
    files: dict[str, CatalogFile]

    def entry(self, file_name: str) -> CatalogFile | None:
        return self.files.get(file_name)


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records each mapping's line as the key ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping  # type: ignore[return-value]


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_RESOLUTION_KEYS = {
    "id",
    "body",
    "session",
    "number",
    "date",
    "source_document",
    "fragment",
    "title",
    "identified_by",
}
_REPORT_KEYS = {"id", "title", "body", "body_name", "date"}


def _check_keys(path: str, item: dict[str, Any], allowed: set[str], required: set[str]) -> None:
    line = int(item.get("__line__", 1))
    unknown = set(item) - allowed - {"__line__"}
    if unknown:
        raise CatalogError(
            path, line, f"unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(allowed))}"
        )
    missing = required - set(item)
    if missing:
        raise CatalogError(path, line, f"missing key(s) {', '.join(sorted(missing))}")


def _check_id(path: str, item: dict[str, Any]) -> str:
    """A catalog id is a permalink: ``a-z``, ``0-9`` and single hyphens, starting with a letter."""
    value = str(item["id"])
    if not SAFE_ID.match(value):
        raise CatalogError(
            path,
            int(item.get("__line__", 1)),
            f"id {value!r} is not a permalink: use lower-case letters, digits and single hyphens "
            f"(e.g. {slug(value)!r})",
        )
    return value


def parse_catalog_text(text: str, path: str) -> Catalog:
    """Read a catalog from its YAML text."""
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise CatalogError(path, line, f"not valid YAML: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise CatalogError(path, 1, "a catalog is a mapping with a 'files' mapping of file name -> entry")
    files: dict[str, CatalogFile] = {}
    for name, entry in data["files"].items():
        if name == "__line__":
            continue
        if not isinstance(entry, dict):
            raise CatalogError(path, int(data["files"]["__line__"]), f"entry for {name} is not a mapping")
        line = int(entry["__line__"])
        kind = entry.get("kind", "resolutions")
        resolutions: list[CatalogResolution] = []
        for item in entry.get("resolutions", []) or []:
            _check_keys(path, item, _RESOLUTION_KEYS, {"id", "body", "number"})
            resolutions.append(
                CatalogResolution(
                    id=_check_id(path, item),
                    body=str(item["body"]),
                    session=int(item["session"]) if item.get("session") is not None else None,
                    number=str(item["number"]),
                    date=str(item["date"]) if item.get("date") else None,
                    source_document=item.get("source_document"),
                    fragment=bool(item.get("fragment", False)),
                    title=item.get("title"),
                    identified_by=item.get("identified_by"),
                    line=int(item["__line__"]),
                )
            )
        report = None
        if kind == "report":
            item = entry.get("report")
            if not isinstance(item, dict):
                raise CatalogError(path, line, f"entry for {name} has kind 'report' but no 'report' mapping")
            _check_keys(path, item, _REPORT_KEYS, {"id", "title", "body"})
            report = CatalogReport(
                id=_check_id(path, item),
                title=str(item["title"]),
                body=str(item["body"]),
                body_name=str(item.get("body_name", item["body"])),
                date=str(item["date"]) if item.get("date") else None,
                line=int(item["__line__"]),
            )
        elif kind != "resolutions":
            raise CatalogError(path, line, f"kind must be 'resolutions' or 'report', not {kind!r}")
        files[str(name)] = CatalogFile(str(name), kind, tuple(resolutions), report, line)
    return Catalog(path, files)


def load_catalog(path: Path) -> Catalog:
    return parse_catalog_text(read_source(path), str(path))
