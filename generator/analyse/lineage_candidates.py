"""Candidate pairs of near-identical paragraphs, found without comparing every pair.

Two indexes, chosen between by measurement (``benchmarks/run.py`` reports both; see benchmarks/README.md):

* ``tfidf`` — sparse TF-IDF vectors of word unigrams and bigrams, the most frequent features dropped
  (they carry no evidence and make the product dense), cosine by sparse matrix product in row blocks;
* ``minhash`` — MinHash signatures of word bigrams in ``datasketch``'s LSH index (banded buckets).

Each takes the texts as their normalised words (``generator.analyse.similarity.normalised_words``: the
words the similarity counts) and returns pairs ``(i, j)`` with ``i < j`` as an ``(n, 2)`` int64 array,
sorted. They only propose: the caller confirms each pair with the comparison engine's similarity.
``bound_pairs`` is the reference they are measured against: every pair whose word overlap could reach a
similarity threshold at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from typing import Literal

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]

Method = Literal["tfidf", "minhash"]
Pairs = npt.NDArray[np.int64]

TFIDF_THRESHOLD = 0.15
"""Cosine above which a TF-IDF pair is proposed (low: confirmation is exact, a missed pair is lost)."""
MAX_DF, MIN_DF_CAP, MAX_DF_COUNT = 0.2, 50, 1000
"""Features in more than ``MAX_DF`` of the paragraphs are dropped ("of the", "member states"): they are no
evidence of shared language, and they make the product quadratic. The cut never falls below ``MIN_DF_CAP``
paragraphs (a small corpus keeps its "united nations") nor above ``MAX_DF_COUNT`` (a large one drops it)."""
MINHASH_THRESHOLD = 0.2
MINHASH_PERMUTATIONS = 128
BLOCK = 1024
THREADS = 2


Words = Sequence[str]


def _feature_counts(texts: Sequence[Words]) -> sparse.csr_matrix:
    """Counts of each text's words and word pairs (bigrams), one column per distinct feature.

    Words become integers once; a bigram is ``size + first * size + second``, computed by numpy over all
    texts at once (pairs across two texts left out), so no feature string is ever built."""
    vocab: dict[str, int] = {}
    ids = np.fromiter((vocab.setdefault(w, len(vocab)) for toks in texts for w in toks), dtype=np.int64)
    lengths = np.fromiter((len(toks) for toks in texts), dtype=np.int64, count=len(texts))
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    size = max(1, len(vocab))
    inside = rows[:-1] == rows[1:]
    bigrams = size + ids[:-1][inside] * size + ids[1:][inside]
    features = np.concatenate([ids, bigrams])
    columns, inverse = np.unique(features, return_inverse=True)
    data = np.ones(len(features), dtype=np.float32)
    matrix = sparse.csr_matrix(
        (data, (np.concatenate([rows, rows[:-1][inside]]), inverse)),
        shape=(len(texts), len(columns)),
        dtype=np.float32,
    )
    matrix.sum_duplicates()
    return matrix


def _binary_matrix(docs: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """One row per document, one column per distinct feature, 1 where the document has it."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, feats in enumerate(docs):
        for feat in set(feats):
            rows.append(row)
            cols.append(vocab.setdefault(feat, len(vocab)))
    data = np.ones(len(rows), dtype=np.float32)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(docs), len(vocab)), dtype=np.float32)
    matrix.sum_duplicates()
    return matrix


def _upper_pairs(product: sparse.csr_matrix, offset: int, threshold: float) -> Pairs:
    coo = product.tocoo()
    keep = (coo.data >= threshold) & (coo.col > coo.row)
    return np.stack([coo.row[keep] + offset, coo.col[keep] + offset], axis=1).astype(np.int64)


def _blockwise(matrix: sparse.csr_matrix, threshold: float, threads: int = THREADS) -> Pairs:
    """Pairs ``i < j`` with ``matrix[i] . matrix[j] >= threshold``: each block of rows against the rows
    from it on. SciPy's sparse product releases the GIL, so blocks run in ``threads`` threads (two threads
    take 54% of one thread's time at N = 1,000)."""
    columns = matrix.T.tocsc()

    def block(start: int) -> Pairs:
        product = matrix[start : start + BLOCK] @ columns[:, start:]
        return _upper_pairs(product.tocsr(), start, threshold)

    starts = range(0, matrix.shape[0], BLOCK)
    with ThreadPoolExecutor(max(1, threads)) as pool:
        found = [np.empty((0, 2), dtype=np.int64), *pool.map(block, starts)]
    pairs = np.concatenate(found)
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]


def tfidf_pairs(texts: Sequence[Words], threshold: float = TFIDF_THRESHOLD) -> Pairs:
    """Pairs whose TF-IDF cosine (unigrams + bigrams, sublinear tf) reaches ``threshold``."""
    n = len(texts)
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    counts = _feature_counts(texts)
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    keep = np.flatnonzero(df <= min(max(MAX_DF * n, MIN_DF_CAP), MAX_DF_COUNT))
    counts = counts[:, keep]
    df = df[keep]
    counts.data = 1.0 + np.log(counts.data)
    weighted = counts @ sparse.diags((1.0 + np.log(n / df)).astype(np.float32))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sparse.diags((1.0 / norms).astype(np.float32)) @ weighted
    return _blockwise(unit.tocsr(), threshold)


def minhash_pairs(texts: Sequence[Words], threshold: float = MINHASH_THRESHOLD) -> Pairs:
    """Pairs that share an LSH bucket of word-bigram MinHash signatures (estimated Jaccard >= threshold)."""
    from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

    shingles = []
    for toks in texts:
        grams = {f"{a} {b}".encode() for a, b in pairwise(toks)} or {b" ".join(t.encode() for t in toks)}
        shingles.append(sorted(grams))
    signatures = MinHash.bulk(shingles, num_perm=MINHASH_PERMUTATIONS, seed=1)
    lsh = MinHashLSH(threshold=threshold, num_perm=MINHASH_PERMUTATIONS)
    for index, signature in enumerate(signatures):
        lsh.insert(index, signature, check_duplication=False)
    found: set[tuple[int, int]] = set()
    for index, signature in enumerate(signatures):
        for other in lsh.query(signature):
            if other != index:
                found.add((min(index, other), max(index, other)))
    pairs = np.array(sorted(found), dtype=np.int64).reshape(-1, 2)
    return pairs


def candidate_pairs(texts: Sequence[Words], method: Method = "tfidf") -> Pairs:
    if method == "minhash":
        return minhash_pairs(texts)
    return tfidf_pairs(texts)


def occurrence_matrix(texts: Sequence[Words]) -> sparse.csr_matrix:
    """One column per (word, k-th occurrence): the dot product of two rows is their multiset word overlap."""
    docs = []
    for toks in texts:
        seen: dict[str, int] = {}
        feats = []
        for word in toks:
            seen[word] = seen.get(word, 0) + 1
            feats.append(f"{word}#{seen[word]}")
        docs.append(feats)
    return _binary_matrix(docs)


def bound_pairs(texts: Sequence[Words], threshold: float) -> Pairs:
    """Every pair with ``2 * overlap / (len_a + len_b) >= threshold``, overlap the multiset word overlap.

    That ratio bounds from above any similarity counting matched words over both lengths (a longest common
    subsequence or a diff's equal words cannot match more words than the two texts share), so no pair left
    out here can be confirmed: this is the exhaustive all-pairs reference, computed as one sparse product.
    """
    matrix = occurrence_matrix(texts)
    lengths = np.asarray(matrix.sum(axis=1)).ravel()
    found = [np.empty((0, 2), dtype=np.int64)]
    for start in range(0, matrix.shape[0], BLOCK):
        coo = (matrix[start : start + BLOCK] @ matrix[start:].T.tocsc()).tocoo()
        rows, cols = coo.row + start, coo.col + start
        total = lengths[rows] + lengths[cols]
        keep = (cols > rows) & (2 * coo.data >= threshold * np.maximum(total, 1))
        found.append(np.stack([rows[keep], cols[keep]], axis=1).astype(np.int64))
    pairs = np.concatenate(found)
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]


def word_overlaps(texts: Sequence[Words], pairs: Sequence[tuple[int, int]]) -> npt.NDArray[np.int64]:
    """For each pair, how many words the two texts share, counting repeats (the multiset overlap)."""
    if not pairs:
        return np.zeros(0, dtype=np.int64)
    vocab: dict[str, int] = {}
    ids = np.fromiter((vocab.setdefault(w, len(vocab)) for toks in texts for w in toks), dtype=np.int64)
    lengths = np.fromiter((len(toks) for toks in texts), dtype=np.int64, count=len(texts))
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    counts = sparse.csr_matrix(
        (np.ones(len(ids), dtype=np.int32), (rows, ids)), shape=(len(texts), max(1, len(vocab)))
    )
    counts.sum_duplicates()
    index = np.asarray(pairs, dtype=np.int64)
    out = []
    for start in range(0, len(index), BLOCK * 32):
        part = index[start : start + BLOCK * 32]
        shared = counts[part[:, 0]].minimum(counts[part[:, 1]])
        out.append(np.asarray(shared.sum(axis=1), dtype=np.int64).ravel())
    return np.concatenate(out)
