"""Comparing two resolutions clause by clause, and planning which pairs the site compares.

:func:`compare_resolutions` aligns the paragraphs of two resolutions (:mod:`generator.analyse.align`),
diffs every pair word by word (:mod:`generator.analyse.diff`), reports changed lead phrases and tags
each paragraph with its topics (:mod:`generator.analyse.topics`). :func:`filter_comparison` narrows a
comparison to topics; :func:`comparison_to_dict` gives the JSON document described in
``docs/comparison-json.md``. :func:`plan_comparisons` reads ``seeds/comparisons.yml`` and adds the
default pairs (each resolution with its predecessors: the latest earlier ones of its series and the
latest corpus resolutions it cites, a bounded number per resolution).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from generator.analyse.align import align_paragraphs
from generator.analyse.diff import DiffOp, concat_diffs, word_diff
from generator.analyse.similarity import normalised_words
from generator.analyse.topics import Taxonomy
from generator.analyse.yamlnodes import boolean, line_of, mapping_items, read_yaml, scalar, sequence_items
from generator.errors import ConfigError
from generator.ingest.read import read_source
from generator.model import Corpus, Paragraph, Resolution

JSON_VERSION = 1

PAIR_THRESHOLD = 0.2
"""Lowest word similarity at which a pair is shown as one clause; below it the two paragraphs are shown
as dropped and new, each naming the other as its nearest counterpart. Measured on the gold alignment of
51/11 -> 65/2 (``tests/test_align.py``): the pair of lowest similarity a careful reader makes is 0.24
(pp9 -> pp1), so 0.2 keeps every gold pair with a margin; on the site's six default comparisons it
unpairs 4 of 101 pairs (``docs/comparison-json.md``, "The pairing threshold")."""

ClauseStatus = Literal["unchanged", "renumbered", "changed", "merged", "split", "moved"]
"""The aligner's statuses (:data:`~generator.analyse.align.PairStatus`) plus ``renumbered``: the same
text under another printed number, in place."""


@dataclass(frozen=True, slots=True)
class ParagraphInfo:
    """A paragraph as a comparison shows it."""

    id: str
    kind: str
    text: str
    """``full_text``: sub-paragraphs included."""
    topics: tuple[str, ...]
    number: str | None = None
    """The printed number ("11", "a"); ``None`` for preambular paragraphs."""
    nearest: tuple[str, ...] = ()
    """For a paragraph unpaired because its pair fell below :data:`PAIR_THRESHOLD`: the ids of that
    nearest counterpart on the other side."""
    nearest_similarity: float | None = None
    """The word similarity of that nearest counterpart."""


@dataclass(frozen=True, slots=True)
class ComparedPair:
    """Counterpart paragraphs with their word diff."""

    left: tuple[ParagraphInfo, ...]
    right: tuple[ParagraphInfo, ...]
    status: ClauseStatus
    similarity: float
    moved: bool
    ops: tuple[DiffOp, ...]
    """Word diff of the left texts joined by a space against the right texts joined by a space."""
    lead_change: tuple[str, str] | None
    """(left lead, right lead) when the lead phrases differ: ("Notes", "Underlines")."""
    renumbered: bool = False
    """True when the printed numbers differ (op5 -> op6), whatever the status."""

    @property
    def exact(self) -> bool:
        """True when the texts are identical (the diff keeps everything)."""
        return all(op.op == "equal" for op in self.ops)

    @property
    def left_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.left)

    @property
    def right_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.right)

    @property
    def topics(self) -> tuple[str, ...]:
        """Topics of either side, without repeats, in order of first appearance."""
        return tuple(dict.fromkeys(t for p in (*self.left, *self.right) for t in p.topics))


@dataclass(frozen=True, slots=True)
class ResolutionInfo:
    id: str
    symbol: str
    title: str
    date: str | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two resolutions compared clause by clause; pairs in the right resolution's reading order."""

    left: ResolutionInfo
    right: ResolutionInfo
    pairs: tuple[ComparedPair, ...]
    only_left: tuple[ParagraphInfo, ...]
    only_right: tuple[ParagraphInfo, ...]
    topic_labels: tuple[tuple[str, str], ...]
    """(id, label) of every topic of the taxonomy, in taxonomy order."""
    topics: tuple[str, ...] = ()
    """The topics this comparison is narrowed to; empty for the full comparison."""
    left_order: tuple[str, ...] = ()
    """Every left paragraph id in the left resolution's reading order (where a dropped one stood)."""
    right_order: tuple[str, ...] = ()
    """Every right paragraph id in the right resolution's reading order."""

    @property
    def similarity(self) -> float:
        """Overall similarity: the pairs' similarities weighted by their word counts, unpaired paragraphs
        counting 0, over all words shown on both sides."""
        total = 0
        weighted = 0.0
        for pair in self.pairs:
            words = sum(_word_count(p.text) for p in (*pair.left, *pair.right))
            total += words
            weighted += pair.similarity * words
        total += sum(_word_count(p.text) for p in (*self.only_left, *self.only_right))
        return weighted / total if total else 1.0

    @property
    def exact(self) -> bool:
        """True when every paragraph shown is kept word for word."""
        return not self.only_left and not self.only_right and all(p.exact for p in self.pairs)

    def counts(self) -> dict[str, int]:
        """How many pairs have each status, plus moved pairs, lead changes and unpaired paragraphs."""
        counts: Counter[str] = Counter(p.status for p in self.pairs)
        out = {s: counts[s] for s in ("unchanged", "renumbered", "changed", "moved", "merged", "split")}
        out["pairs"] = len(self.pairs)
        out["moved_any"] = sum(p.moved for p in self.pairs)
        out["lead_changes"] = sum(p.lead_change is not None for p in self.pairs)
        out["only_left"] = len(self.only_left)
        out["only_right"] = len(self.only_right)
        return out


def _word_count(text: str) -> int:
    return len(normalised_words(text))


def _info(para: Paragraph, taxonomy: Taxonomy) -> ParagraphInfo:
    return ParagraphInfo(para.id, para.kind, para.full_text, taxonomy.topics_of(para.full_text), para.number)


def _resolution_info(res: Resolution) -> ResolutionInfo:
    return ResolutionInfo(res.id, res.symbol, res.title, res.date)


def units(resolution: Resolution) -> tuple[Paragraph, ...]:
    """The paragraphs a comparison aligns: preamble, operative part and annex paragraphs, top level
    (a paragraph's sub-paragraphs travel with it in ``full_text``)."""
    return (
        *resolution.preamble,
        *resolution.operative,
        *(p for a in resolution.annexes for p in a.paragraphs),
    )


def _split_lead(para: Paragraph) -> tuple[str, str]:
    """(lead, rest) when the text starts with its lead phrase, else ("", text)."""
    text = para.full_text
    if para.lead and text.startswith(para.lead):
        return para.lead, text[len(para.lead) :]
    return "", text


def _numbers(paras: Sequence[Paragraph]) -> tuple[str | None, ...]:
    return tuple(p.number for p in paras)


def _lead_change(left: Paragraph, right: Paragraph) -> tuple[str, str] | None:
    if left.lead and right.lead and left.lead.casefold() != right.lead.casefold():
        return left.lead, right.lead
    return None


def pair_diff(left: Sequence[Paragraph], right: Sequence[Paragraph]) -> tuple[DiffOp, ...]:
    """The word diff of a pair. A changed lead phrase is diffed on its own, as one deletion and one
    insertion, so the clean-up never blends it into the body's changes."""
    if len(left) == 1 and len(right) == 1 and _lead_change(left[0], right[0]):
        left_lead, left_rest = _split_lead(left[0])
        right_lead, right_rest = _split_lead(right[0])
        if left_lead and right_lead:
            lead_ops = (DiffOp("delete", left_lead), DiffOp("insert", right_lead))
            return concat_diffs(lead_ops, word_diff(left_rest, right_rest))
    return word_diff(" ".join(p.full_text for p in left), " ".join(p.full_text for p in right))


def compare_resolutions(left: Resolution, right: Resolution, taxonomy: Taxonomy) -> Comparison:
    """Align ``left`` (the older text) with ``right`` and diff every pair."""
    left_units = units(left)
    right_units = units(right)
    by_id_left = {p.id: p for p in left_units}
    by_id_right = {p.id: p for p in right_units}
    alignment = align_paragraphs(left_units, right_units)
    pairs: list[ComparedPair] = []
    only_left = {i: _info(by_id_left[i], taxonomy) for i in alignment.only_left}
    only_right = {i: _info(by_id_right[i], taxonomy) for i in alignment.only_right}
    for pair in alignment.pairs:
        if pair.similarity < PAIR_THRESHOLD:
            for i in pair.left:
                only_left[i] = replace(
                    _info(by_id_left[i], taxonomy), nearest=pair.right, nearest_similarity=pair.similarity
                )
            for i in pair.right:
                only_right[i] = replace(
                    _info(by_id_right[i], taxonomy), nearest=pair.left, nearest_similarity=pair.similarity
                )
            continue
        lparas = [by_id_left[i] for i in pair.left]
        rparas = [by_id_right[i] for i in pair.right]
        renumbered = _numbers(lparas) != _numbers(rparas) and None not in _numbers(lparas + rparas)
        status: ClauseStatus = pair.status
        if status == "unchanged" and renumbered:
            status = "renumbered"
        pairs.append(
            ComparedPair(
                left=tuple(_info(p, taxonomy) for p in lparas),
                right=tuple(_info(p, taxonomy) for p in rparas),
                status=status,
                similarity=pair.similarity,
                moved=pair.moved,
                ops=pair_diff(lparas, rparas),
                lead_change=_lead_change(lparas[0], rparas[0]),
                renumbered=renumbered,
            )
        )
    return Comparison(
        left=_resolution_info(left),
        right=_resolution_info(right),
        pairs=tuple(pairs),
        only_left=tuple(only_left[p.id] for p in left_units if p.id in only_left),
        only_right=tuple(only_right[p.id] for p in right_units if p.id in only_right),
        topic_labels=tuple((t.id, t.label) for t in taxonomy.topics),
        left_order=tuple(p.id for p in left_units),
        right_order=tuple(p.id for p in right_units),
    )


def filter_comparison(comparison: Comparison, topics: Iterable[str]) -> Comparison:
    """The comparison narrowed to clauses on any of ``topics`` (on either side of a pair).

    The alignment is not redone: a clause keeps the counterpart it has in the full comparison.
    """
    wanted = tuple(dict.fromkeys(topics))
    known = {topic_id for topic_id, _ in comparison.topic_labels}
    unknown = [t for t in wanted if t not in known]
    if unknown:
        raise ValueError(f"unknown topic {unknown[0]!r}; known topics: {', '.join(sorted(known))}")

    def keep(topic_ids: Iterable[str]) -> bool:
        return any(t in wanted for t in topic_ids)

    return replace(
        comparison,
        pairs=tuple(p for p in comparison.pairs if keep(p.topics)),
        only_left=tuple(p for p in comparison.only_left if keep(p.topics)),
        only_right=tuple(p for p in comparison.only_right if keep(p.topics)),
        topics=wanted,
    )


def _paragraph_dict(info: ParagraphInfo) -> dict[str, object]:
    out: dict[str, object] = {
        "id": info.id,
        "kind": info.kind,
        "text": info.text,
        "topics": list(info.topics),
    }
    if info.nearest:
        out["nearest"] = {"ids": list(info.nearest), "similarity": round(info.nearest_similarity or 0.0, 4)}
    return out


def _pair_dict(pair: ComparedPair) -> dict[str, object]:
    out: dict[str, object] = {
        "left": pair.left_ids[0],
        "right": pair.right_ids[0],
        "left_ids": list(pair.left_ids),
        "right_ids": list(pair.right_ids),
        "left_kinds": [p.kind for p in pair.left],
        "right_kinds": [p.kind for p in pair.right],
        "left_text": " ".join(p.text for p in pair.left),
        "right_text": " ".join(p.text for p in pair.right),
        "status": pair.status,
        "similarity": round(pair.similarity, 4),
        "moved": pair.moved,
        "renumbered": pair.renumbered,
        "ops": [{"op": op.op, "text": op.text} for op in pair.ops],
        "left_topics": sorted({t for p in pair.left for t in p.topics}),
        "right_topics": sorted({t for p in pair.right for t in p.topics}),
        "topics": list(pair.topics),
    }
    if pair.lead_change is not None:
        out["lead_change"] = {"left": pair.lead_change[0], "right": pair.lead_change[1]}
    return out


def _topics_dict(comparison: Comparison) -> dict[str, object]:
    out: dict[str, object] = {}
    for topic_id, label in comparison.topic_labels:
        pairs = [i for i, p in enumerate(comparison.pairs) if topic_id in p.topics]
        left = [p.id for pair in comparison.pairs for p in pair.left if topic_id in p.topics]
        left += [p.id for p in comparison.only_left if topic_id in p.topics]
        right = [p.id for pair in comparison.pairs for p in pair.right if topic_id in p.topics]
        right += [p.id for p in comparison.only_right if topic_id in p.topics]
        if pairs or left or right:
            out[topic_id] = {"label": label, "pairs": pairs, "left": left, "right": right}
    return out


def comparison_to_dict(comparison: Comparison) -> dict[str, object]:
    """The comparison as the JSON document of ``docs/comparison-json.md`` (deterministic)."""
    return {
        "version": JSON_VERSION,
        "left": comparison.left.id,
        "right": comparison.right.id,
        "resolutions": {
            side: {"id": r.id, "symbol": r.symbol, "title": r.title, "date": r.date}
            for side, r in (("left", comparison.left), ("right", comparison.right))
        },
        "filter": {"topics": list(comparison.topics)},
        "similarity": round(comparison.similarity, 4),
        "summary": comparison.counts(),
        "pairs": [_pair_dict(p) for p in comparison.pairs],
        "only_left": [_paragraph_dict(p) for p in comparison.only_left],
        "only_right": [_paragraph_dict(p) for p in comparison.only_right],
        "topics": _topics_dict(comparison),
    }


# --- planning -------------------------------------------------------------------------------------

SpecReason = Literal["configured", "cites", "same-title"]


@dataclass(frozen=True, slots=True)
class ComparisonSpec:
    """One comparison the site shows: ``left`` is the older text."""

    left: str
    right: str
    views: tuple[str, ...]
    """Topic ids, each a narrowed view of the comparison besides the full one."""
    reason: SpecReason


def _age(res: Resolution) -> tuple[str, str]:
    """The sort key of "older": by date, then id; a resolution without a date counts as the newest."""
    return (res.date or "9999", res.id)


SERIES_DEPTH = 2
"""How many earlier resolutions of its series a resolution is compared with: the most recent ones."""
CITED_BOUND = 3
"""How many of the corpus resolutions it cites a resolution is compared with: the most recent ones (a
Security Council resolution may cite twenty)."""

_GENERIC_WORDS = (
    "resolution resolutions decision decisions draft adopted by at on of the its meeting session "
    "january february march april may june july august september october november december"
)
_GENERIC_TITLE_WORDS = frozenset(_GENERIC_WORDS.split())
"""Words that name no subject: a title made only of them ("Resolution", "Resolution of 4 April 1946")
is a heading, not the name of a series."""


def series_key(res: Resolution) -> tuple[str, str] | None:
    """(body, normalised title) of a resolution's series, or None when the title is missing or generic
    and so says nothing about which resolutions continue one another."""
    words = normalised_words(res.title)
    if all(w in _GENERIC_TITLE_WORDS for w in words):
        return None
    return res.body, " ".join(words)


def default_pairs(corpus: Corpus, citations: Mapping[str, set[str]]) -> list[ComparisonSpec]:
    """Each resolution with its real predecessors, older on the left: the most recent
    :data:`SERIES_DEPTH` earlier resolutions of its series (same body, same title, the title neither
    missing nor generic), then the most recent :data:`CITED_BOUND` corpus resolutions it cites. At most
    ``SERIES_DEPTH + CITED_BOUND`` comparisons per resolution, so the set grows with the corpus."""
    resolutions = corpus.resolutions()
    series: dict[tuple[str, str], list[Resolution]] = {}
    for res in sorted(resolutions, key=_age):
        key = series_key(res)
        if key is not None:
            series.setdefault(key, []).append(res)
    specs: list[ComparisonSpec] = []
    seen: set[frozenset[str]] = set()

    def add(a: Resolution, b: Resolution, reason: SpecReason) -> None:
        if frozenset((a.id, b.id)) not in seen:
            seen.add(frozenset((a.id, b.id)))
            left, right = sorted((a, b), key=_age)
            specs.append(ComparisonSpec(left.id, right.id, (), reason))

    for members in series.values():
        for k, res in enumerate(members):
            for earlier in members[max(0, k - SERIES_DEPTH) : k]:
                add(earlier, res, "same-title")
    for res in sorted(resolutions, key=lambda r: r.id):
        cited = [c for c in (corpus.resolution(i) for i in citations.get(res.id, ())) if c and c.id != res.id]
        for other in sorted(cited, key=_age, reverse=True)[:CITED_BOUND]:
            add(other, res, "cites")
    return sorted(specs, key=lambda s: (s.left, s.right))


def plan_comparisons(
    corpus: Corpus,
    comparisons_yml_path: Path | str,
    citations: Mapping[str, set[str]],
    taxonomy: Taxonomy | None = None,
) -> list[ComparisonSpec]:
    """The comparisons to publish: those ``comparisons.yml`` names (in its order), then the default ones
    (sorted), each unordered pair once. With ``taxonomy``, topic views are checked against it."""
    path = str(comparisons_yml_path)
    text = read_source(Path(comparisons_yml_path))
    configured, defaults = _parse_comparisons(text, path, corpus, taxonomy)
    specs = list(configured)
    if defaults:
        specs += default_pairs(corpus, citations)
    seen: set[frozenset[str]] = set()
    out: list[ComparisonSpec] = []
    for spec in specs:
        key = frozenset((spec.left, spec.right))
        if key not in seen:
            seen.add(key)
            out.append(spec)
    return out


def _parse_comparisons(
    text: str, path: str, corpus: Corpus, taxonomy: Taxonomy | None
) -> tuple[list[ComparisonSpec], bool]:
    top = mapping_items(read_yaml(text, path), path)
    for key, (key_node, _) in top.items():
        if key not in ("comparisons", "defaults"):
            raise ConfigError(
                path, line_of(key_node), f"unknown key {key!r}; expected 'comparisons' or 'defaults'"
            )
    defaults = True
    if "defaults" in top:
        options = mapping_items(top["defaults"][1], path)
        for key, (key_node, value_node) in options.items():
            if key != "cites_or_same_title":
                raise ConfigError(
                    path, line_of(key_node), f"unknown default {key!r}; expected 'cites_or_same_title'"
                )
            defaults = boolean(value_node, path)
    specs: list[ComparisonSpec] = []
    ids = {r.id for r in corpus.resolutions()}
    for node in sequence_items(top["comparisons"][1], path) if "comparisons" in top else []:
        fields = mapping_items(node, path)
        for required in ("left", "right"):
            if required not in fields:
                raise ConfigError(path, line_of(node), f"comparison has no '{required}'")
        left, right = (scalar(fields[k][1], path) for k in ("left", "right"))
        for side, value in (("left", left), ("right", right)):
            if value not in ids:
                raise ConfigError(path, line_of(fields[side][1]), f"no resolution {value!r} in the corpus")
        views: list[str] = []
        if "views" in fields:
            for view in sequence_items(fields["views"][1], path):
                topic = scalar(view, path)
                if taxonomy is not None and taxonomy.get(topic) is None:
                    known = ", ".join(taxonomy.ids())
                    raise ConfigError(path, line_of(view), f"unknown topic {topic!r}; known topics: {known}")
                views.append(topic)
        specs.append(ComparisonSpec(left, right, tuple(views), "configured"))
    return specs, defaults
