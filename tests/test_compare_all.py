"""Many comparisons run in two processes and give exactly what one process gives, in the same order."""

from __future__ import annotations

import itertools

from paths import CORPUS, SEEDS

from generator.analyse.compare import compare_resolutions, comparison_to_dict
from generator.analyse.topics import load_taxonomy
from generator.build_inputs import PARALLEL_FROM, compare_all
from generator.ingest import load_corpus


def test_parallel_comparisons_equal_serial_ones() -> None:
    extra = sorted(p for p in CORPUS.iterdir() if p.suffix == ".md")
    corpus = load_corpus(SEEDS, extra)
    taxonomy = load_taxonomy(SEEDS / "topics.yml")
    pairs = list(itertools.combinations(corpus.resolutions(), 2))[: PARALLEL_FROM + 5]
    assert len(pairs) > PARALLEL_FROM
    serial = [comparison_to_dict(compare_resolutions(left, right, taxonomy)) for left, right in pairs]
    assert [comparison_to_dict(c) for c in compare_all(pairs, taxonomy)] == serial
