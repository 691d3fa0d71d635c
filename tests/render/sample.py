"""A small hand-made corpus for render tests: two resolutions and a report, built from model objects."""

from __future__ import annotations

from generator.model import (
    Corpus,
    Document,
    Emphasis,
    Footnote,
    FootnoteRef,
    Paragraph,
    Report,
    ReportSection,
    Resolution,
    SourceSpan,
)


def para(pid: str, kind: str, number: str | None, text: str, line: int, **kw: object) -> Paragraph:
    lead_end = text.find(" ")
    lead = text[:lead_end] if kind != "subparagraph" else ""
    emphasis = (Emphasis(0, lead_end),) if lead else ()
    return Paragraph(
        id=pid,
        kind=kind,  # type: ignore[arg-type]
        number=number,
        lead=lead,
        text=text,
        source=SourceSpan("seeds/x.txt", line, line),
        emphasis=emphasis,
        **kw,  # type: ignore[arg-type]
    )


def resolution(
    rid: str,
    symbol: str,
    date: str,
    preamble: tuple[Paragraph, ...],
    operative: tuple[Paragraph, ...],
    footnotes: tuple[Footnote, ...] = (),
    title: str = "Links between trafficking in drugs and firearms",
    fragment: bool = False,
) -> Resolution:
    session, number = symbol.split("/")
    return Resolution(
        id=rid,
        symbol=symbol,
        body="cnd",
        body_name="The Commission on Narcotic Drugs",
        session=int(session),
        number=number,
        title=title,
        date=date,
        adoption=None,
        fragment=fragment,
        preamble=preamble,
        operative=operative,
        footnotes=footnotes,
        source=SourceSpan("seeds/x.txt", 1, 40),
        source_document="E/2022/28",
    )


def sample_corpus(hostile: str = "") -> Corpus:
    old = resolution(
        "cnd-51-11",
        "51/11",
        "2008-03-14",
        (para("pp1", "preambular", None, "Recalling the Convention of 1988, in which parties agreed", 3),),
        (
            para(
                "op1", "operative", "1", "Notes the importance of training for law enforcement officers;", 5
            ),
            para("op2", "operative", "2", "Requests the Office to report to the Commission;", 6),
        ),
    )
    sub = (
        para("op2-a", "subparagraph", "a", "to exchange information on firearms;", 13),
        para("op2-b", "subparagraph", "b", "to report on the firearms seized;", 14),
    )
    new = resolution(
        "cnd-65-2",
        "65/2",
        "2022-03",
        (
            para(
                "pp1",
                "preambular",
                None,
                "Recalling the Convention of 1988, in which the parties agreed" + hostile,
                10,
                footnotes=(FootnoteRef("13", len("Recalling the Convention of 1988,"), 10),),
            ),
        ),
        (
            para(
                "op1",
                "operative",
                "1",
                "Underlines the importance of training on illicit firearms trafficking;",
                11,
            ),
            para("op2", "operative", "2", "Calls upon Member States:", 12, subparagraphs=sub),
        ),
        footnotes=(
            Footnote(
                "13",
                "United Nations, Treaty Series, vol. 1582, No. 27627." + hostile,
                SourceSpan("seeds/x.txt", 20, 20),
            ),
        ),
    )
    report = Report(
        id="report-salw-2022",
        title="International cooperation against the illicit trade in small arms",
        body="unodc",
        body_name="United Nations Office on Drugs and Crime",
        sections=(
            ReportSection(
                "s1",
                "I",
                "Introduction",
                1,
                (para("p1", "report", "1", "States reported seizures of firearms.", 30),),
                SourceSpan("seeds/y.txt", 29, 30),
            ),
        ),
        footnotes=(),
        source=SourceSpan("seeds/y.txt", 1, 40),
    )
    return Corpus(
        documents=(
            Document(path="seeds/000.txt", kind="resolutions", resolutions=(old,)),
            Document(path="seeds/001.txt", kind="resolutions", resolutions=(new,)),
            Document(path="seeds/002.txt", kind="report", report=report),
        )
    )
