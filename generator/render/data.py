"""The corpus and the comparisons as JSON files for download and reuse.

Deterministic: sorted keys, two-space indentation, no timestamps, so an unchanged corpus gives
byte-identical files.

``data/corpus.json`` is ``{"schema": 1, "documents": [...]}`` with each document exactly as
``resatlas parse`` prints it (:mod:`generator.serialise`; the schema is in the README), so the download
and the command line speak one format.

``data/comparisons/<left>--<right>.json`` is the analyse stage's comparison document as it gives it.
The agreed-language lineage (``lineage_to_dict``) is split per resolution, so no file grows with the
corpus: ``data/lineage/index.json`` holds the method and its figures and names each resolution's file,
``data/lineage/<id>.json`` is ``{"resolution": id, "paragraphs": {pid: entry}}``.
"""

from __future__ import annotations

from typing import Any

from generator.model import Corpus
from generator.serialise import SCHEMA_VERSION, document_to_dict


def corpus_data(corpus: Corpus) -> dict[str, Any]:
    """The whole corpus in the ``resatlas parse`` schema."""
    return {"schema": SCHEMA_VERSION, "documents": [document_to_dict(doc) for doc in corpus.documents]}


LINEAGE_INDEX = "data/lineage/index.json"


def lineage_files(lineage: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The lineage JSON split per resolution: docs-relative path -> document (see the module docstring)."""
    per_resolution: dict[str, Any] = lineage.get("resolutions", {})
    index = {key: value for key, value in lineage.items() if key != "resolutions"}
    index["resolutions"] = {rid: f"{rid}.json" for rid in sorted(per_resolution)}
    files = {LINEAGE_INDEX: index}
    for rid, paragraphs in per_resolution.items():
        files[f"data/lineage/{rid}.json"] = {"resolution": rid, "paragraphs": paragraphs}
    return files
