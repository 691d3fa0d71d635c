"""Comparisons: pairs with diffs and lead changes, topics, JSON, planning, and the compare command."""

from __future__ import annotations

import argparse
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from generator.analyse.commands import compare_command
from generator.analyse.compare import (
    CITED_BOUND,
    PAIR_THRESHOLD,
    SERIES_DEPTH,
    ComparisonSpec,
    compare_resolutions,
    comparison_to_dict,
    default_pairs,
    filter_comparison,
    plan_comparisons,
)
from generator.analyse.diff import new_text, old_text
from generator.analyse.similarity import normalised_words
from generator.analyse.topics import Taxonomy, load_taxonomy, make_topic, parse_taxonomy
from generator.errors import ConfigError
from generator.model import Corpus, Document, Paragraph, Resolution, SourceSpan
from generator.percent import as_percent

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PAIR_77_80 = [ROOT / "tests/corpus/A_RES_77_71.txt", ROOT / "tests/corpus/A_RES_80_38.md"]

TAXONOMY = Taxonomy(
    topics=(
        make_topic("training", "Training", "", ("train*", "capacity-building")),
        make_topic("gender", "Gender", "", ("gender*", "women")),
    )
)


def _para(pid: str, text: str, lead: str = "") -> Paragraph:
    kind = "operative" if pid.startswith("op") else "preambular"
    return Paragraph(pid, kind, pid[2:] if kind == "operative" else None, lead, text, SourceSpan("t", 1, 1))


def _resolution(
    rid: str, paras: list[Paragraph], title: str = "Links", date: str | None = None
) -> Resolution:
    return Resolution(
        id=rid,
        symbol=rid.split("-", 1)[1].replace("-", "/"),
        body=rid.split("-")[0],
        body_name="The Commission",
        session=None,
        number="1",
        title=title,
        date=date,
        adoption=None,
        fragment=False,
        preamble=tuple(p for p in paras if p.kind == "preambular"),
        operative=tuple(p for p in paras if p.kind == "operative"),
        footnotes=(),
        source=SourceSpan("t", 1, 1),
    )


OLD = _resolution(
    "cnd-1-1",
    [
        _para("pp1", "Recalling the Convention of 1988,", "Recalling"),
        _para("op1", "Notes that training for law enforcement personnel helps;", "Notes"),
        _para("op2", "Requests the Executive Director to report at its next session.", "Requests"),
        _para("op3", "Decides to remain seized of the question of obsolete stockpiles."),
    ],
    date="2008-03-14",
)
NEW = _resolution(
    "cnd-2-1",
    [
        _para("pp1", "Recalling the Convention of 1988,", "Recalling"),
        _para("op1", "Underlines that training for law enforcement personnel helps;", "Underlines"),
        _para("op2", "Calls for a gender perspective in all programmes;", "Calls for"),
        _para("op3", "Requests the Executive Director to report at its next session.", "Requests"),
    ],
    date="2022-03",
)


def test_pairs_carry_texts_diffs_scores_and_lead_changes() -> None:
    comparison = compare_resolutions(OLD, NEW, TAXONOMY)
    by_left = {p.left_ids: p for p in comparison.pairs}
    training = by_left[("op1",)]
    assert training.right_ids == ("op1",)
    assert training.status == "changed"
    assert training.lead_change == ("Notes", "Underlines")
    assert [(op.op, op.text) for op in training.ops][:2] == [("delete", "Notes"), ("insert", "Underlines")]
    assert training.left[0].topics == ("training",)
    report = by_left[("op2",)]
    assert (report.right_ids, report.status, report.lead_change, report.moved, report.renumbered) == (
        ("op3",),
        "renumbered",  # the same text under another number, in place
        None,
        False,
        True,
    )
    assert by_left[("pp1",)].status == "unchanged"  # preambular paragraphs carry no number
    assert [p.id for p in comparison.only_left] == ["op3"]
    assert [p.id for p in comparison.only_right] == ["op2"]
    assert comparison.only_right[0].topics == ("gender",)
    for pair in comparison.pairs:
        assert old_text(pair.ops) == " ".join(p.text for p in pair.left)
        assert new_text(pair.ops) == " ".join(p.text for p in pair.right)


def test_overall_similarity_weighs_pairs_by_words_and_counts_unpaired_as_zero() -> None:
    comparison = compare_resolutions(OLD, NEW, TAXONOMY)
    assert 0.5 < comparison.similarity < 0.8
    same = compare_resolutions(OLD, OLD, TAXONOMY)
    assert same.similarity == 1.0
    assert same.counts()["unchanged"] == 4


def test_filter_keeps_clauses_on_the_topic_on_either_side() -> None:
    comparison = filter_comparison(compare_resolutions(OLD, NEW, TAXONOMY), ["gender"])
    assert comparison.pairs == ()
    assert [p.id for p in comparison.only_right] == ["op2"]
    assert comparison.topics == ("gender",)
    with pytest.raises(ValueError, match="unknown topic 'nope'; known topics: gender, training"):
        filter_comparison(comparison, ["nope"])


def test_json_shape() -> None:
    data = comparison_to_dict(compare_resolutions(OLD, NEW, TAXONOMY))
    assert data["left"] == "cnd-1-1" and data["right"] == "cnd-2-1"
    assert set(data) == {
        "version", "left", "right", "resolutions", "filter", "similarity", "summary",
        "pairs", "only_left", "only_right", "topics",
    }  # fmt: skip
    pairs = data["pairs"]
    assert isinstance(pairs, list)
    training = next(p for p in pairs if p["left"] == "op1")
    assert training["lead_change"] == {"left": "Notes", "right": "Underlines"}
    assert training["left_text"] == "Notes that training for law enforcement personnel helps;"
    assert training["ops"][0] == {"op": "delete", "text": "Notes"}
    assert "lead_change" not in next(p for p in pairs if p["left"] == "pp1")
    assert data["only_right"] == [
        {
            "id": "op2",
            "kind": "operative",
            "text": "Calls for a gender perspective in all programmes;",
            "topics": ["gender"],
        }
    ]
    assert data["topics"] == {
        "gender": {"label": "Gender", "pairs": [], "left": [], "right": ["op2"]},
        "training": {"label": "Training", "pairs": [1], "left": ["op1"], "right": ["op1"]},
    }
    summary = data["summary"]
    assert isinstance(summary, dict)
    assert (
        summary["unchanged"],
        summary["renumbered"],
        summary["changed"],
        summary["only_left"],
        summary["only_right"],
    ) == (1, 1, 1, 1, 1)
    assert json.dumps(data, sort_keys=True) == json.dumps(
        comparison_to_dict(compare_resolutions(OLD, NEW, TAXONOMY)), sort_keys=True
    )


# --- topics ---------------------------------------------------------------------------------------


def test_terms_match_whole_words_prefixes_and_hyphen_variants() -> None:
    topic = make_topic("t", "T", "", ("train*", "capacity-building", "border control"))
    assert topic.matches("providing Training to officers")
    assert topic.matches("focused on capacity building")
    assert topic.matches("reinforcing border-control")
    assert not topic.matches("trace the weapons")
    assert not topic.matches("border controllers")


def test_taxonomy_errors_name_the_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        parse_taxonomy("topics:\n  - id: training\n    label: Training\n  - id: Bad Id\n", "topics.yml")
    assert str(error.value) == "topics.yml:2: topic has no 'terms'"
    with pytest.raises(ConfigError) as error:
        parse_taxonomy("topics:\n  - id: Bad Id\n    label: X\n    terms: [x]\n", "topics.yml")
    assert str(error.value) == "topics.yml:2: topic id 'Bad Id' must be lower-case words joined by hyphens"
    with pytest.raises(ConfigError) as error:
        parse_taxonomy("topics:\n  - id: a\n    label: A\n    terms: [x, '12']\n", "topics.yml")
    assert str(error.value) == "topics.yml:4: term '12' of topic 'a' has no words"
    with pytest.raises(ConfigError) as error:
        parse_taxonomy("topics: [\n", "topics.yml")
    assert str(error.value).startswith("topics.yml:2: not valid YAML")


def test_seed_taxonomy_tags_the_51_11_and_65_2_clauses(seed_corpus: Corpus) -> None:
    taxonomy = load_taxonomy(SEEDS / "topics.yml")
    old, new = seed_corpus.resolution("cnd-51-11"), seed_corpus.resolution("cnd-65-2")
    assert old is not None and new is not None

    def topics(res: Resolution, pid: str) -> tuple[str, ...]:
        para = res.paragraph(pid)
        assert para is not None
        return taxonomy.topics_of(para.full_text)

    assert "training" in topics(old, "op6") and "training" in topics(new, "op11")
    assert "information-exchange" in topics(old, "op7") and "information-exchange" in topics(new, "op8")
    assert "judicial-cooperation" in topics(new, "op8")
    assert "border-control" in topics(old, "op4") and "border-control" in topics(new, "op6")
    assert "gender" in topics(new, "op9") and "victims" in topics(new, "op3")
    assert "data-collection-and-research" in topics(new, "op12")
    assert "gender" not in topics(old, "op6")


# --- planning -------------------------------------------------------------------------------------


def _corpus(*resolutions: Resolution) -> Corpus:
    return Corpus(documents=(Document(path="t", kind="resolutions", resolutions=resolutions),))


def test_plan_reads_configured_pairs_then_adds_citations_and_shared_titles(tmp_path: Path) -> None:
    a = _resolution("cnd-1-1", [], title="Links", date="2008")
    b = _resolution("cnd-2-1", [], title="Other", date="2010")
    c = _resolution("cnd-3-1", [], title="LINKS", date="2022")
    config = tmp_path / "comparisons.yml"
    config.write_text("comparisons:\n  - left: cnd-1-1\n    right: cnd-3-1\n    views: [training]\n")
    specs = plan_comparisons(
        _corpus(a, b, c), config, {"cnd-3-1": {"cnd-2-1", "cnd-1-1", "ga-9-9"}}, TAXONOMY
    )
    assert specs == [
        ComparisonSpec("cnd-1-1", "cnd-3-1", ("training",), "configured"),
        ComparisonSpec("cnd-2-1", "cnd-3-1", (), "cites"),
    ]
    config.write_text("comparisons: []\ndefaults:\n  cites_or_same_title: false\n")
    assert plan_comparisons(_corpus(a, b, c), config, {"cnd-3-1": {"cnd-2-1"}}) == []


def test_default_pairs_put_the_older_text_left(tmp_path: Path) -> None:
    a = _resolution("cnd-1-1", [], title="Links", date="2008")
    b = _resolution("cnd-2-1", [], title="Other", date="2010")
    c = _resolution("cnd-3-1", [], title="Links.", date="2022")
    config = tmp_path / "comparisons.yml"
    config.write_text("comparisons: []\n")
    # An old text that cites a newer one (a correction, say) still puts the older text left.
    specs = plan_comparisons(_corpus(c, b, a), config, {"cnd-2-1": {"cnd-3-1"}})
    assert specs == [
        ComparisonSpec("cnd-1-1", "cnd-3-1", (), "same-title"),
        ComparisonSpec("cnd-2-1", "cnd-3-1", (), "cites"),
    ]


def test_a_series_pairs_each_resolution_with_its_two_latest_predecessors() -> None:
    years = ("2001", "2003", "2005", "2007")
    series = [_resolution(f"cnd-{k}-1", [], title="Drug control.", date=y) for k, y in enumerate(years, 1)]
    other_body = _resolution("ga-9-1", [], title="Drug control", date="2002")
    specs = default_pairs(_corpus(*reversed(series), other_body), {})
    assert [(s.left, s.right) for s in specs] == [
        ("cnd-1-1", "cnd-2-1"),
        ("cnd-1-1", "cnd-3-1"),
        ("cnd-2-1", "cnd-3-1"),
        ("cnd-2-1", "cnd-4-1"),
        ("cnd-3-1", "cnd-4-1"),
    ]
    assert {s.reason for s in specs} == {"same-title"}


@pytest.mark.parametrize(
    "title", ["", "Resolution", "RESOLUTION.", "Resolution of 4 April 1946", "Resolutions adopted on 5 May"]
)
def test_generic_or_missing_titles_never_pair(title: str) -> None:
    corpus = _corpus(*(_resolution(f"sc-{k}", [], title=title, date=f"19{k}") for k in range(10, 20)))
    assert default_pairs(corpus, {}) == []


def test_a_resolution_is_compared_with_the_latest_three_it_cites() -> None:
    cited = [_resolution(f"sc-{k}", [], title="", date=f"19{k}") for k in range(10, 16)]
    citing = _resolution("sc-99", [], title="", date="1999")
    specs = default_pairs(_corpus(*cited, citing), {"sc-99": {f"sc-{k}" for k in range(10, 16)} | {"sc-99"}})
    assert [(s.left, s.right, s.reason) for s in specs] == [
        ("sc-13", "sc-99", "cites"),
        ("sc-14", "sc-99", "cites"),
        ("sc-15", "sc-99", "cites"),
    ]


def test_default_comparisons_are_bounded_per_resolution() -> None:
    resolutions = [_resolution(f"cnd-{k}-1", [], title="Links", date=f"{1900 + k}") for k in range(60)]
    every_earlier = {r.id: {e.id for e in resolutions[:k]} for k, r in enumerate(resolutions)}
    specs = default_pairs(_corpus(*resolutions), every_earlier)
    per_right = Counter(s.right for s in specs)
    assert max(per_right.values()) <= SERIES_DEPTH + CITED_BOUND
    assert len(specs) <= (SERIES_DEPTH + CITED_BOUND) * len(resolutions)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("comparisons:\n  - left: cnd-1-1\n", "comparisons.yml:2: comparison has no 'right'"),
        (
            "comparisons:\n  - left: cnd-1-1\n    right: cnd-9-9\n",
            "comparisons.yml:3: no resolution 'cnd-9-9' in the corpus",
        ),
        (
            "comparisons:\n  - left: cnd-1-1\n    right: cnd-2-1\n    views:\n      - trainin\n",
            "comparisons.yml:5: unknown topic 'trainin'; known topics: training, gender",
        ),
        ("pairs: []\n", "comparisons.yml:1: unknown key 'pairs'; expected 'comparisons' or 'defaults'"),
        (
            "defaults:\n  cites_or_same_title: maybe\n",
            "comparisons.yml:2: expected true or false, not 'maybe'",
        ),
    ],
)
def test_plan_errors_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "comparisons.yml"
    config.write_text(text)
    corpus = _corpus(_resolution("cnd-1-1", []), _resolution("cnd-2-1", []))
    with pytest.raises(ConfigError) as error:
        plan_comparisons(corpus, config, {}, TAXONOMY)
    assert str(error.value) == f"{config}:{message.split(':', 1)[1]}"


def test_seed_plan_has_the_headline_comparison_with_its_views(seed_corpus: Corpus) -> None:
    taxonomy = load_taxonomy(SEEDS / "topics.yml")
    citations = {"cnd-65-2": {"cnd-51-11"}, "ga-80-38": {"ga-77-71"}}
    specs = plan_comparisons(seed_corpus, SEEDS / "comparisons.yml", citations, taxonomy)
    assert specs[0] == ComparisonSpec(
        "cnd-51-11", "cnd-65-2", ("training", "information-exchange"), "configured"
    )
    assert len({frozenset((s.left, s.right)) for s in specs}) == len(specs)


# --- real texts -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_corpus() -> Corpus:
    from generator.ingest import load_corpus

    return load_corpus(SEEDS, PAIR_77_80)


def test_51_11_to_65_2_headline_views(seed_corpus: Corpus) -> None:
    taxonomy = load_taxonomy(SEEDS / "topics.yml")
    old, new = seed_corpus.resolution("cnd-51-11"), seed_corpus.resolution("cnd-65-2")
    assert old is not None and new is not None
    full = compare_resolutions(old, new, taxonomy)
    op6 = next(p for p in full.pairs if p.left_ids == ("op6",))
    assert (op6.right_ids, op6.lead_change) == (("op11",), ("Notes", "Underlines"))
    assert "Notes" not in "".join(op.text for op in op6.ops if op.op == "equal")
    training = filter_comparison(full, ["training"])
    assert ("op6",) in [p.left_ids for p in training.pairs]
    assert all("training" in p.topics for p in training.pairs)
    exchange = filter_comparison(full, ["information-exchange"])
    assert (("op7",), ("op8",)) in [(p.left_ids, p.right_ids) for p in exchange.pairs]


# GA 77/71 (2022) -> 80/38 (2025), pairs checked by hand against tests/corpus/A_RES_77_71.txt and
# A_RES_80_38.md. Operative ids only (the preamble's ids depend on how the pdftotext layout is split).
HAND_CHECKED_77_71_TO_80_38 = [
    # (left, right, status, lead change)
    ("pp1", "pp1", "changed", None),  # only the resolution recalled changes: 76/232 -> 79/40 (similarity 1.0)
    ("op2", "op2", "unchanged", None),  # national controls
    ("op7", "op7", "changed", ("Reaffirms", "Recalls")),  # outcome of the third -> Fourth Review Conference
    ("op9", "op11", "changed", None),  # convene the fourth -> Fifth Review Conference
    ("op17", "op19", "changed", ("Encourages", "Reaffirms")),  # structured procedure within the Secretariat
    ("op23", "op26", "changed", ("Decides", "Recalls")),  # dedicated fellowship training programme
    ("op33", "op36", "changed", None),  # report at the seventy-eighth -> eighty-first session
]
NEW_IN_80_38 = {"op10", "op20", "op35"}  # ninth Biennial Meeting in 2026, funding mechanism, study


def test_77_71_to_80_38_hand_checked_sample(seed_corpus: Corpus) -> None:
    old, new = seed_corpus.resolution("ga-77-71"), seed_corpus.resolution("ga-80-38")
    assert old is not None and new is not None
    comparison = compare_resolutions(old, new, load_taxonomy(SEEDS / "topics.yml"))
    found = {(p.left_ids[0], p.right_ids[0]): p for p in comparison.pairs if len(p.left) == len(p.right) == 1}
    for left, right, status, lead in HAND_CHECKED_77_71_TO_80_38:
        pair = found[(left, right)]
        assert (pair.status, pair.lead_change) == (status, lead), (left, right)
    assert found[("pp1", "pp1")].similarity == 1.0
    # 80/38 op8 decides on the open-ended technical expert group that 77/71 asked States to discuss, in
    # its preamble (a recommendation recalled) and in op32: either is its counterpart, and it has moved.
    expert_group = next(p for p in comparison.pairs if p.right_ids == ("op8",))
    assert expert_group.moved
    assert "technical expert group" in " ".join(normalised_words(expert_group.left[0].text))
    assert {p.id for p in comparison.only_right} >= NEW_IN_80_38
    assert comparison.counts()["unchanged"] >= 15


# --- the command ----------------------------------------------------------------------------------


def _args(*extra: str, fmt: str = "text", topic: list[str] | None = None) -> argparse.Namespace:
    return argparse.Namespace(
        left="cnd-51-11", right="cnd-65-2", topic=topic or [], format=fmt, seeds=str(SEEDS),
        extra=list(extra), color="never",
    )  # fmt: skip


def test_compare_command_text_reads_without_colour() -> None:
    out = io.StringIO()
    assert compare_command(_args(topic=["training"]), out) == 0
    text = out.getvalue()
    assert text.startswith("51/11 (cnd-51-11) -> 65/2 (cnd-65-2)\ntopics: training\n")
    assert (
        "op6 -> op11  changed, 83%\nlead: Notes -> Underlines\n[-Notes-]{+Underlines+} that efforts" in text
    )
    assert "\x1b[" not in text


def test_compare_command_colour_keeps_the_markers() -> None:
    out = io.StringIO()
    args = _args(topic=["training"])
    args.color = "always"
    compare_command(args, out)
    assert "\x1b[31;9m[-Notes-]\x1b[0m" in out.getvalue()


def test_compare_command_json_and_markdown() -> None:
    out = io.StringIO()
    compare_command(_args(fmt="json"), out)
    data = json.loads(out.getvalue())
    assert (data["left"], data["right"]) == ("cnd-51-11", "cnd-65-2")
    assert {"left": "op6", "right": "op11"}.items() <= next(
        p for p in data["pairs"] if p["left"] == "op6"
    ).items()
    out = io.StringIO()
    compare_command(_args(fmt="markdown"), out)
    assert (
        "| op6 | op11 | changed, 83%; lead: Notes → Underlines | <del>Notes</del><ins>Underlines</ins>"
        in (out.getvalue())
    )


def test_compare_command_unknown_resolution_and_topic() -> None:
    args = _args()
    args.right = "cnd-99-1"
    with pytest.raises(ConfigError, match="no resolution 'cnd-99-1' in the corpus; known: cnd-51-11, "):
        compare_command(args, io.StringIO())
    with pytest.raises(ConfigError, match="unknown topic 'nope'; known topics: training, "):
        compare_command(_args(topic=["nope"]), io.StringIO())


def test_a_default_comparison_that_pairs_no_clause_is_not_made(tmp_path: Path) -> None:
    from generator.build_inputs import analyse_stage

    old = _resolution(
        "cnd-1-1", [_para("op1", "Urges States to exchange information on seizures;")], date="2001"
    )
    unlike = _resolution(
        "cnd-2-1", [_para("op1", "Decides to hold its next session in Vienna;")], date="2002"
    )
    like = _resolution(
        "cnd-3-1", [_para("op1", "Urges States to exchange information on seizures;")], date="2003"
    )
    citations = {"cnd-2-1": frozenset({"cnd-1-1"}), "cnd-3-1": frozenset({"cnd-1-1"})}
    analysis = analyse_stage(_corpus(old, unlike, like), tmp_path, citations)
    assert [(v.left, v.right) for v in analysis.comparisons] == [("cnd-1-1", "cnd-3-1")]


# --- honest pairs ---------------------------------------------------------------------------------


def test_the_pair_threshold_keeps_every_pair_of_the_gold_alignment(seed_corpus: Corpus) -> None:
    """The measurement behind PAIR_THRESHOLD (docs/comparison-json.md): every pair a careful reader
    makes between 51/11 and 65/2 (tests/test_align.py) scores above it."""
    from test_align import MUST_PAIR

    old, new = seed_corpus.resolution("cnd-51-11"), seed_corpus.resolution("cnd-65-2")
    assert old is not None and new is not None
    comparison = compare_resolutions(old, new, load_taxonomy(SEEDS / "topics.yml"))
    gold = {
        link: pair.similarity
        for pair in comparison.pairs
        for link in ((a, b) for a in pair.left_ids for b in pair.right_ids)
        if link in MUST_PAIR
    }
    assert set(gold) == MUST_PAIR
    assert round(min(gold.values()), 2) == 0.24  # 51/11 pp9 -> 65/2 pp1: shared responsibility
    assert min(gold.values()) > PAIR_THRESHOLD


def test_a_pair_below_the_threshold_is_shown_as_dropped_and_new(seed_corpus: Corpus) -> None:
    old, new = seed_corpus.resolution("cnd-51-11"), seed_corpus.resolution("cnd-53-8")
    assert old is not None and new is not None
    comparison = compare_resolutions(old, new, load_taxonomy(SEEDS / "topics.yml"))
    # 51/11 op3 -> 53/8 op4 + op5 would be a "split" at 0.17 that keeps only ";".
    assert not [p for p in comparison.pairs if "op3" in p.left_ids]
    dropped = next(p for p in comparison.only_left if p.id == "op3")
    assert dropped.nearest == ("op4", "op5")
    assert dropped.nearest_similarity is not None and dropped.nearest_similarity < PAIR_THRESHOLD
    new_ones = {p.id: p.nearest for p in comparison.only_right}
    assert new_ones["op4"] == new_ones["op5"] == ("op3",)
    assert all(p.similarity >= PAIR_THRESHOLD for p in comparison.pairs)
    data = comparison_to_dict(comparison)
    item = next(p for p in data["only_left"] if p["id"] == "op3")  # type: ignore[attr-defined]
    assert item["nearest"] == {"ids": ["op4", "op5"], "similarity": round(dropped.nearest_similarity, 4)}


@pytest.mark.parametrize(
    ("value", "exact", "shown"),
    [(1.0, True, "100%"), (1.0, False, "99%"), (0.996, False, "99%"), (0.004, False, "1%"),
     (0.0, False, "0%"), (0.8254, False, "83%")],
)  # fmt: skip
def test_percentages_never_round_an_edit_away(value: float, exact: bool, shown: str) -> None:
    assert as_percent(value, exact) == shown
