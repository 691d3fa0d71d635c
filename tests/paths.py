"""Where the test inputs are: the repository root, the seeds and the real corpus."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "tests" / "corpus"

DEV_CORPUS = ROOT / "tests" / "corpus-real"
"""The development corpus of real texts (tests/corpus-real/SOURCES.md), byte for byte as its sources."""
