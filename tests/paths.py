"""Where the test inputs are: the repository root, the seeds and the real corpus."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "corpus"

DEV_CORPUS_CANDIDATES = (
    ROOT / "tests" / "corpus-real",
    ROOT.parent / "shared" / "corpus-large",
    Path("/work/shared/corpus-large"),
)
"""The development corpus of real texts (read-only): in the repository once it is added as
``tests/corpus-real/``, until then the team's shared copy beside the clone. The first that exists is used."""
DEV_CORPUS = next((p for p in DEV_CORPUS_CANDIDATES if p.is_dir()), None)
