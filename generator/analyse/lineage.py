"""Agreed-language lineage: for every paragraph, its earlier near-matches anywhere in the corpus.

A drafter reuses language that passed before; for each paragraph we list the earlier paragraphs (any body,
any resolution) whose text is a near-match, oldest first, each with its date, similarity and the comparison
of the two resolutions. The oldest is the paragraph's *first appearance* in the corpus.

How: every paragraph of every dated resolution is a unit (sub-paragraphs too; texts of fewer than
``MIN_WORDS`` words are left out: "Decides to remain seized of the matter" matches everything). Candidate
pairs come from an index (``lineage_candidates``) instead of comparing all pairs; each candidate is confirmed
with the comparison engine's similarity (``generator.analyse.similarity``, computed by ``lcs``) at
``THRESHOLD``. "Earlier" means an earlier date at the precision both dates have ("2008-03-14" is earlier
than "2014-10"; "2022-03" and "2022-03-14" are the same session, neither earlier). Resolutions without a
date have no lineage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from generator.analyse.lcs import lcs_similarity, match_masks
from generator.analyse.lineage_candidates import Method, Pairs, candidate_pairs, word_overlaps
from generator.analyse.similarity import normalised_words
from generator.model import Corpus

Similarity = Callable[[str, str], float]

THRESHOLD = 0.5
"""Similarity from which an earlier paragraph counts as the same language."""
MIN_WORDS = 6
PARALLEL_FROM = 20000
"""Fewer candidate pairs than this are scored in-process: starting workers would cost more."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph as lineage sees it."""

    resolution_id: str
    paragraph_id: str
    symbol: str
    body: str
    date: str
    text: str
    words: tuple[str, ...]
    """The text's normalised words: what the similarity counts."""


@dataclass(frozen=True, slots=True)
class Ancestor:
    """An earlier near-match of a paragraph."""

    resolution_id: str
    paragraph_id: str
    symbol: str
    body: str
    date: str
    similarity: float
    """The comparison engine's similarity of the two paragraph texts, in [0, 1]."""


@dataclass(frozen=True, slots=True)
class ParagraphLineage:
    """A paragraph and its earlier near-matches, oldest first (ties by resolution and paragraph id)."""

    resolution_id: str
    paragraph_id: str
    date: str
    ancestors: tuple[Ancestor, ...]

    @property
    def first_appearance(self) -> Ancestor:
        return self.ancestors[0]


@dataclass(frozen=True, slots=True)
class Lineage:
    """The lineage of every paragraph that has an earlier near-match, by resolution then reading order."""

    paragraphs: tuple[ParagraphLineage, ...]
    method: str
    threshold: float
    units: int
    """Paragraphs considered."""
    candidates: int
    """Candidate pairs the index proposed (older, newer, different resolutions) and the similarity scored."""
    _index: dict[tuple[str, str], ParagraphLineage] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {(p.resolution_id, p.paragraph_id): p for p in self.paragraphs}
        object.__setattr__(self, "_index", index)

    def of(self, resolution_id: str, paragraph_id: str) -> ParagraphLineage | None:
        return self._index.get((resolution_id, paragraph_id))

    def for_resolution(self, resolution_id: str) -> tuple[ParagraphLineage, ...]:
        return tuple(p for p in self.paragraphs if p.resolution_id == resolution_id)


def earlier(a: str, b: str) -> bool:
    """True when date ``a`` is before date ``b`` at the precision both have."""
    size = min(len(a), len(b))
    return a[:size] < b[:size]


def units(corpus: Corpus) -> tuple[Unit, ...]:
    """Every paragraph of a dated resolution with at least ``MIN_WORDS`` words, in corpus order."""
    out = []
    for res in corpus.resolutions():
        if res.date is None:
            continue
        for para in res.paragraphs():
            words = normalised_words(para.text)
            if len(words) >= MIN_WORDS:
                out.append(Unit(res.id, para.id, res.symbol, res.body, res.date, para.text, words))
    return tuple(out)


def comparable_pairs(found: Pairs, items: Sequence[Unit]) -> list[tuple[int, int]]:
    """Candidate pairs ordered (older, newer), dropping pairs within a resolution or of the same date."""
    out = []
    for i, j in found.tolist():
        a, b = items[i], items[j]
        if a.resolution_id == b.resolution_id:
            continue
        if earlier(a.date, b.date):
            out.append((i, j))
        elif earlier(b.date, a.date):
            out.append((j, i))
    return out


def _lcs_scores(words: Sequence[tuple[str, ...]], pairs: Sequence[tuple[int, int]]) -> list[float]:
    masks: dict[int, dict[str, int]] = {}
    scores = []
    for i, j in pairs:
        mask = masks.get(i)
        if mask is None:
            mask = masks[i] = match_masks(words[i])
        scores.append(lcs_similarity(words[i], words[j], mask))
    return scores


_worker_words: list[tuple[tuple[str, ...], ...]] = []
"""A worker process's copy of the units' words, set once by its initializer (never in the main process)."""


def _init_worker(words: tuple[tuple[str, ...], ...]) -> None:
    _worker_words.append(words)


def _worker_scores(pairs: list[tuple[int, int]]) -> list[float]:
    return _lcs_scores(_worker_words[0], pairs)


def score(
    pairs: Sequence[tuple[int, int]],
    items: Sequence[Unit],
    similarity: Similarity | None = None,
    workers: int = 1,
) -> list[float]:
    """The similarity of each pair's texts: the comparison engine's measure
    (``generator.analyse.similarity``: ``lcs_similarity`` of the normalised words, each text's match masks
    built once) unless another function of two texts is given; ``workers > 1`` spreads the pairs over that
    many processes."""
    if similarity is not None:
        return [similarity(items[i].text, items[j].text) for i, j in pairs]
    words = tuple(u.words for u in items)
    if workers <= 1 or len(pairs) < PARALLEL_FROM:
        return _lcs_scores(words, pairs)
    ordered = sorted(pairs)
    size = -(-len(ordered) // (workers * 4))
    chunks = [ordered[k : k + size] for k in range(0, len(ordered), size)]
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(words,)) as pool:
        by_pair = dict(
            zip(ordered, (s for part in pool.map(_worker_scores, chunks) for s in part), strict=True)
        )
    return [by_pair[p] for p in pairs]


def confirm(
    pairs: Sequence[tuple[int, int]],
    items: Sequence[Unit],
    similarity: Similarity | None = None,
    workers: int = 1,
    threshold: float = THRESHOLD,
) -> list[tuple[int, int, float]]:
    """The pairs whose similarity reaches ``threshold``, with it.

    Pairs that cannot reach it are not scored: the similarity counts words kept in order, so it is at most
    ``2 * overlap / (la + lb)`` with ``overlap`` the words the two texts share (an exact bound, computed for
    all pairs at once; it leaves about one candidate in fourteen to score on the synthetic corpus)."""
    lengths = [len(u.words) for u in items]
    overlaps = word_overlaps([u.words for u in items], pairs).tolist()
    pairs = [
        (i, j)
        for (i, j), shared in zip(pairs, overlaps, strict=True)
        if 2 * shared >= threshold * (lengths[i] + lengths[j])
    ]
    scores = score(pairs, items, similarity, workers)
    return [(i, j, s) for (i, j), s in zip(pairs, scores, strict=True) if s >= threshold]


def build_lineage(
    corpus: Corpus,
    *,
    similarity: Similarity | None = None,
    method: Method = "tfidf",
    workers: int = 1,
    threshold: float = THRESHOLD,
) -> Lineage:
    """The lineage of every paragraph of ``corpus`` (see the module docstring)."""
    items = units(corpus)
    found = candidate_pairs([u.words for u in items], method)
    pairs = comparable_pairs(found, items)
    confirmed = confirm(pairs, items, similarity, workers, threshold)
    return assemble(items, confirmed, method, threshold, len(pairs))


def assemble(
    items: Sequence[Unit],
    confirmed: Sequence[tuple[int, int, float]],
    method: str,
    threshold: float,
    candidates: int,
) -> Lineage:
    """Group confirmed (older, newer, similarity) triples by the newer paragraph, oldest ancestor first."""
    by_newer: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for old, new, score in confirmed:
        by_newer[new].append((old, score))
    out = []
    for new in sorted(by_newer):
        unit = items[new]
        ancestors = sorted(
            (
                Ancestor(o.resolution_id, o.paragraph_id, o.symbol, o.body, o.date, round(score, 4))
                for o, score in ((items[k], s) for k, s in by_newer[new])
            ),
            key=lambda a: (a.date, a.resolution_id, a.paragraph_id),
        )
        out.append(ParagraphLineage(unit.resolution_id, unit.paragraph_id, unit.date, tuple(ancestors)))
    return Lineage(tuple(out), method, threshold, len(items), candidates)


def comparison_id(older: str, newer: str) -> str:
    """The comparison of two resolutions, as the comparison stage names its pages and JSON."""
    return f"{older}--{newer}"


def lineage_to_dict(lineage: Lineage) -> dict[str, object]:
    """JSON-ready lineage: ``{"method", "threshold", "units", "candidates", "resolutions": {id: {pid: …}}}``.

    Each paragraph entry: ``{"date", "first_appearance": ancestor, "earlier": [ancestor, ...]}`` oldest
    first; an ancestor is ``{"resolution", "paragraph", "symbol", "body", "date", "similarity",
    "comparison", "permalink"}`` with ``comparison`` the id of the two resolutions' comparison
    (``cnd-51-11--cnd-65-2``, the render stage's ``ComparisonView.page_id``; a page exists only for the
    comparisons the build plans) and ``permalink`` ``/resolutions/<id>/#<paragraph>``.
    """
    resolutions: dict[str, dict[str, object]] = defaultdict(dict)
    for para in lineage.paragraphs:
        earlier_list = [
            {
                "resolution": a.resolution_id,
                "paragraph": a.paragraph_id,
                "symbol": a.symbol,
                "body": a.body,
                "date": a.date,
                "similarity": a.similarity,
                "comparison": comparison_id(a.resolution_id, para.resolution_id),
                "permalink": f"/resolutions/{a.resolution_id}/#{a.paragraph_id}",
            }
            for a in para.ancestors
        ]
        resolutions[para.resolution_id][para.paragraph_id] = {
            "date": para.date,
            "first_appearance": earlier_list[0],
            "earlier": earlier_list,
        }
    return {
        "method": lineage.method,
        "threshold": lineage.threshold,
        "units": lineage.units,
        "candidates": lineage.candidates,
        "resolutions": {k: resolutions[k] for k in sorted(resolutions)},
    }
