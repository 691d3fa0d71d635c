"""Comparing two versions of one resolution, on hand-made model objects: footnote renumbering,
footnote marks, merges, sub-paragraphs, emphasis."""

from __future__ import annotations

from generator.changes.compare import compare_footnotes, compare_paragraphs, compare_units
from generator.changes.units import Field, Unit
from generator.model import Emphasis, Footnote, FootnoteRef, Paragraph, SourceSpan

SPAN = SourceSpan("seeds/x.txt", 1, 1)

SENTENCES = [
    "Recognizing that the world drug problem remains a common and shared responsibility",
    "Deeply concerned that drug traffickers are heavily arming themselves with trafficked firearms",
    "Noting with concern that traffickers accept firearms as payment in kind for drugs",
    "Expressing deep concern at the high price paid by society and by individuals and families",
    "Recalling the United Nations Convention against Illicit Traffic in Narcotic Drugs of 1988",
    "Bearing in mind the relevant international and regional instruments on firearms trafficking",
]


def para(pid: str, text: str, marks: tuple[str, ...] = (), emphasis: tuple[Emphasis, ...] = ()) -> Paragraph:
    refs = tuple(FootnoteRef(m, len(text), 1) for m in marks)
    return Paragraph(pid, "preambular", None, "", text, SPAN, footnotes=refs, emphasis=emphasis)


def note(number: str, text: str) -> Footnote:
    return Footnote(number, text, SPAN)


def test_footnote_inserted_early_renumbers_later_ones_and_their_marks_are_no_change() -> None:
    old_notes = [
        note("13", "Ibid., vol. 1582, No. 27627."),
        note("14", "See E/2009/28."),
        note("15", "S-30/1."),
    ]
    new_notes = [
        old_notes[0],
        note("14", "A/RES/76/188."),
        note("15", "See E/2009/28."),
        note("16", "S-30/1."),
    ]
    changes, numbering = compare_footnotes(old_notes, new_notes)
    assert numbering == {"13": "13", "14": "15", "15": "16"}
    assert [(c.kind, c.old_number, c.new_number) for c in changes] == [
        ("renumbered", "14", "15"),
        ("renumbered", "15", "16"),
        ("added", None, "14"),
    ]
    assert [c.is_text_change for c in changes] == [False, False, True]
    old = [
        para("pp1", SENTENCES[0], ("13",)),
        para("pp2", SENTENCES[1]),
        para("pp3", SENTENCES[2], ("14", "15")),
    ]
    new = [old[0], para("pp2", SENTENCES[1], ("14",)), para("pp3", SENTENCES[2], ("15", "16"))]
    (change,) = compare_paragraphs(old, new, numbering)
    assert (change.kind, change.new_id, change.old_marks, change.new_marks) == ("marks", "pp2", (), ("14",))
    assert change.is_text_change


def test_footnote_reworded_keeps_its_number() -> None:
    changes, numbering = compare_footnotes(
        [note("1", "Ibid., vol. 976.")], [note("1", "Ibid., vol. 976, No. 14152.")]
    )
    (change,) = changes
    assert (change.kind, numbering) == ("changed", {"1": "1"})
    assert [op.text for op in change.ops if op.op == "insert"] == [", No. 14152"]


def test_two_paragraphs_merged_into_one_are_one_change() -> None:
    old = [para(f"pp{i + 1}", s) for i, s in enumerate(SENTENCES)]
    merged = SENTENCES[2] + ", and expressing deep concern at the high price paid by society and by families"
    new = [para("pp1", SENTENCES[0]), para("pp2", SENTENCES[1]), para("pp3", merged)]
    new += [para("pp4", SENTENCES[4]), para("pp5", SENTENCES[5])]
    changes = compare_paragraphs(old, new, {})
    kinds = [(c.kind, c.old_id, c.new_id) for c in changes]
    assert kinds == [
        ("changed", "pp3 + pp4", "pp3"),
        ("renumbered", "pp5", "pp4"),
        ("renumbered", "pp6", "pp5"),
    ]
    (merge,) = [c for c in changes if c.kind == "changed"]
    assert merge.old_text == SENTENCES[2] + " " + SENTENCES[3]


def test_removed_paragraph_is_listed_where_it_stood() -> None:
    old = [para(f"pp{i + 1}", s) for i, s in enumerate(SENTENCES)]
    new = [para(f"pp{i + 1}", s) for i, s in enumerate(SENTENCES[:2] + SENTENCES[3:])]
    changes = compare_paragraphs(old, new, {})
    assert [(c.kind, c.old_id, c.new_id) for c in changes] == [
        ("removed", "pp3", None),
        ("renumbered", "pp4", "pp3"),
        ("renumbered", "pp5", "pp4"),
        ("renumbered", "pp6", "pp5"),
    ]


def test_emphasis_only_is_not_a_text_change() -> None:
    old = [para("pp1", SENTENCES[0])]
    new = [para("pp1", SENTENCES[0], emphasis=(Emphasis(0, 11),))]
    (change,) = compare_paragraphs(old, new, {})
    assert change.kind == "emphasis" and not change.is_text_change


def test_sub_paragraph_changed_alone() -> None:
    subs = (
        Paragraph("op18-a", "subparagraph", "a", "", "To exchange information on seizures;", SPAN),
        Paragraph("op18-b", "subparagraph", "b", "", "To trace firearms found at crime scenes;", SPAN),
    )
    parent = Paragraph(
        "op18", "operative", "18", "Requests", "Requests the Office:", SPAN, subparagraphs=subs
    )
    edited = (subs[0], Paragraph("op18-b", "subparagraph", "b", "", "To trace seized firearms;", SPAN))
    new_parent = Paragraph(
        "op18", "operative", "18", "Requests", "Requests the Office:", SPAN, subparagraphs=edited
    )
    (change,) = compare_paragraphs(parent.walk(), new_parent.walk(), {})
    assert (change.kind, change.new_id) == ("changed", "op18-b")


def test_unit_with_printed_title_changed() -> None:
    def unit(title: str) -> Unit:
        return Unit(
            "cnd-65-2",
            "CND resolution 65/2",
            (Field("title", title, True), Field("date", "2022", False)),
            (),
            (),
        )

    change = compare_units(unit("Strengthening cooperation"), unit("Strengthening international cooperation"))
    (field,) = change.fields
    assert (field.name, field.printed) == ("title", True)
    assert change.is_text_change
