"""The corpus and the comparisons as JSON files for download and reuse.

Deterministic: sorted keys, two-space indentation, no timestamps, so an unchanged corpus gives
byte-identical files.

``data/corpus.json`` is ``{"schema": 1, "documents": [...]}`` with each document exactly as
``resatlas parse`` prints it (:mod:`generator.serialise`; the schema is in the README), so the download
and the command line speak one format.

``data/comparisons/<left>--<right>.json`` is the analyse stage's comparison document as it gives it, and
``data/lineage.json`` its agreed-language lineage (``lineage_to_dict``), likewise.
"""

from __future__ import annotations

from typing import Any

from generator.model import Corpus
from generator.serialise import SCHEMA_VERSION, document_to_dict


def corpus_data(corpus: Corpus) -> dict[str, Any]:
    """The whole corpus in the ``resatlas parse`` schema."""
    return {"schema": SCHEMA_VERSION, "documents": [document_to_dict(doc) for doc in corpus.documents]}
