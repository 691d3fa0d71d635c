"""Word features of paragraphs and the score matrix the aligner pairs them by.

Each paragraph becomes its content words (normalised, stop words dropped, crudely stemmed) and the pairs
of neighbouring content words, weighted by tf-idf over the paragraphs of both documents; two paragraphs
score the cosine of their vectors. Texts whose normalised words are equal score 1.0 whatever their
features (a paragraph of numbers only has none).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from generator.analyse.similarity import STOPWORDS

FloatArray = npt.NDArray[np.float64]

_SUFFIXES = sorted(
    "ations ation ings ing ers er edly ed es s ly ments ment ions ion ives ive al".split(),  # noqa: SIM905
    key=len,
    reverse=True,
)


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem: enough to pair "preventing" with "prevent", "traffickers" with "trafficking"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def features(content: Sequence[str]) -> Counter[str]:
    """Stemmed content words and pairs of neighbouring ones, counted."""
    feats = Counter(content)
    feats.update(f"{a} {b}" for a, b in itertools.pairwise(content))
    return feats


def content_words(words: Sequence[str]) -> list[str]:
    """Stemmed words of a normalised word sequence, without stop words and one-letter words."""
    return [stem(w) for w in words if w not in STOPWORDS and len(w) > 1]


def weights(feature_sets: Sequence[Counter[str]]) -> dict[str, float]:
    """Inverse document frequency of every feature over ``feature_sets``."""
    df: Counter[str] = Counter()
    for feats in feature_sets:
        df.update(feats.keys())
    n = len(feature_sets)
    return {f: math.log((1 + n) / d) for f, d in df.items()}


def _matrix(feature_sets: Sequence[Counter[str]], index: dict[str, int], idf: dict[str, float]) -> FloatArray:
    matrix = np.zeros((len(feature_sets), len(index)))
    for row, feats in enumerate(feature_sets):
        for f, count in feats.items():
            matrix[row, index[f]] = (1.0 + math.log(count)) * idf[f]
        norm = np.linalg.norm(matrix[row])
        if norm:
            matrix[row] /= norm
    return matrix


def cosines(left: Sequence[Counter[str]], right: Sequence[Counter[str]], idf: dict[str, float]) -> FloatArray:
    index = {f: i for i, f in enumerate(sorted(idf))}
    result: FloatArray = _matrix(left, index, idf) @ _matrix(right, index, idf).T
    return result


def pair_scores(
    left_words: Sequence[Sequence[str]],
    right_words: Sequence[Sequence[str]],
    left_content: Sequence[Sequence[str]],
    right_content: Sequence[Sequence[str]],
) -> FloatArray:
    left_counts = [features(c) for c in left_content]
    right_counts = [features(c) for c in right_content]
    idf = weights([*left_counts, *right_counts])
    scores = cosines(left_counts, right_counts, idf)
    for i, words in enumerate(left_words):
        for j, other in enumerate(right_words):
            if words == other:
                scores[i, j] = 1.0
    return scores
