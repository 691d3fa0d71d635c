"""The parser's entry point: text -> Document, stages in order.

normalise -> layout (furniture, footnotes) -> blocks -> structure -> assemble -> identify (catalog).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from generator.errors import CatalogError, ParseError
from generator.ingest import grammar
from generator.ingest.assemble import Assembler, MarkQueue, explicit_marks, parse_date
from generator.ingest.blocks import split_blocks
from generator.ingest.catalog import Catalog, CatalogFile, CatalogResolution
from generator.ingest.hyphens import LineEndHyphens, Vocabulary
from generator.ingest.ids import file_slug, slug
from generator.ingest.layout import Layout, analyse_layout
from generator.ingest.normalise import normalise
from generator.ingest.repair import SplitWordRepairer
from generator.ingest.report import build_report
from generator.ingest.structure import DraftResolution, build_resolutions
from generator.model import Diagnostic, Document, Footnote, Resolution, SourceSpan


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Parsing makes millions of small objects and no reference cycles: the cyclic collector's passes
    over a growing heap would make a large text's parse superlinear (40% of the time at 8 MB)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_text(
    text: str, path: str, catalog: Catalog | None = None, vocabulary: Vocabulary | None = None
) -> Document:
    """Parse a decoded text. ``path`` names the file in messages and in every SourceSpan; ``vocabulary``
    is the corpus the text is read with (it decides line-end hyphens the text itself leaves open)."""
    with _without_cycle_collection():
        return _parse_text(text, path, catalog, vocabulary)


def _parse_text(text: str, path: str, catalog: Catalog | None, vocabulary: Vocabulary | None) -> Document:
    lines = normalise(text)
    if not any(line.text for line in lines):
        raise ParseError(path, 1, "the file has no text (only white space)")
    layout = analyse_layout(lines)
    hyphens = LineEndHyphens.for_text([line.text for line in lines], vocabulary)
    _rejoin_broken_words(layout, hyphens)
    by_number = {line.number: line.text for line in lines}
    entry = _catalog_entry(catalog, path)
    defined = sorted({n.number for n in layout.notes if n.number}, key=int)
    explicit = explicit_marks({line.number: line.text for line in layout.content})
    queue = MarkQueue([n for n in defined if n not in explicit])
    repairer = SplitWordRepairer.for_text([line.text for line in lines], vocabulary)
    assembler = Assembler(path, by_number, queue, repairer)
    for line, message in layout.warnings:
        assembler.warn(line, message, "footnotes")
    blocks = split_blocks(layout.content, layout.double_spaced)
    drafts = build_resolutions(blocks)
    is_report = (entry is not None and entry.kind == "report") or (
        entry is None and not any(d.body_name or d.heading_number for d in drafts)
    )
    if is_report:
        report = build_report(blocks, layout.notes, assembler, entry.report if entry else None)
        document = Document(
            path=path,
            kind="report",
            report=report,
            front_matter=tuple(layout.front_matter),
            skipped=tuple(layout.skipped),
        )
    else:
        resolutions = _assemble_resolutions(drafts, assembler, entry, path, catalog)
        footnotes = [assembler.footnote(n) for n in layout.notes]
        resolutions = _attach_footnotes(resolutions, footnotes, assembler)
        document = Document(
            path=path,
            kind="resolutions",
            resolutions=tuple(resolutions),
            front_matter=tuple(layout.front_matter),
            skipped=tuple(layout.skipped),
        )
    document = replace(
        document,
        repairs=tuple(sorted([*repairer.repairs, *hyphens.repairs], key=lambda r: (r.line, r.before))),
        source_lines=tuple(_LINE_BREAK.split(text.removesuffix("\n").removesuffix("\r"))),
    )
    return _with_diagnostics(document, assembler.diagnostics)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _rejoin_broken_words(layout: Layout, hyphens: LineEndHyphens) -> None:
    """Mark the line-end hyphens that break a word, in the content and in each footnote."""
    texts = hyphens.decide([(line.number, line.text) for line in layout.content])
    layout.content = [
        line if line.text == text else replace(line, text=text)
        for line, text in zip(layout.content, texts, strict=True)
    ]
    for note in layout.notes:
        texts = hyphens.decide(note.lines)
        note.lines = [(number, text) for (number, _), text in zip(note.lines, texts, strict=True)]


def _with_diagnostics(document: Document, diagnostics: list[Diagnostic]) -> Document:
    ordered = tuple(sorted(diagnostics, key=lambda d: (d.line, d.code, d.message)))
    return replace(document, diagnostics=ordered)


def _catalog_entry(catalog: Catalog | None, path: str) -> CatalogFile | None:
    if catalog is None:
        return None
    entry = catalog.entry(Path(path).name)
    if entry is None:
        raise CatalogError(
            path,
            1,
            f"{Path(path).name} is not in the catalog {catalog.path}; add an entry for it under 'files:'",
        )
    return entry


def _text_identity(draft: DraftResolution) -> tuple[str | None, str | None, str | None]:
    """(body code, session, number) as the text states them."""
    body = grammar.body_code(draft.body_name) if draft.body_name else None
    if body is None and draft.heading_year and draft.heading_number and not draft.heading_session:
        body = "sc"  # "Resolution 418 (1977)", "3 (1946). Resolution of ...": the Council's numbering
    return body, draft.heading_session, draft.heading_number


def _symbol(body: str, session: str | None, number: str, year: str | None) -> str:
    if body == "ga":
        return f"A/RES/{session}/{number}"
    if body == "sc":
        return f"S/RES/{number} ({year})" if year else f"S/RES/{number}"
    return f"{session}/{number}" if session else number


def _resolution_id(body: str, session: str | None, number: str) -> str:
    return slug(f"{body}-{session}-{number}" if session else f"{body}-{number}")


def _assemble_resolutions(
    drafts: list[DraftResolution],
    assembler: Assembler,
    entry: CatalogFile | None,
    path: str,
    catalog: Catalog | None,
) -> list[Resolution]:
    if entry is not None and len(entry.resolutions) != len(drafts):
        assert catalog is not None
        found = ", ".join(f"line {d.first_line}" for d in drafts)
        raise CatalogError(
            catalog.path,
            entry.line,
            f"the catalog lists {len(entry.resolutions)} resolution(s) for {entry.name} "
            f"but the text holds {len(drafts)} (starting at {found})",
        )
    out: list[Resolution] = []
    for k, draft in enumerate(drafts):
        cat = entry.resolutions[k] if entry is not None else None
        out.append(_assemble_one(draft, cat, assembler, path, catalog, k))
    return out


def _confirm(
    path: str,
    line: int,
    what: str,
    text_value: str | None,
    cat_value: str | None,
    catalog: Catalog | None,
    cat: CatalogResolution | None,
) -> None:
    if text_value is None or cat_value is None or cat is None or catalog is None:
        return
    if " ".join(text_value.split()).lower() != " ".join(cat_value.split()).lower():
        raise CatalogError(
            path,
            line,
            f"the text gives the {what} as {text_value!r} but the catalog ({catalog.path}:{cat.line}) "
            f"says {cat_value!r}; correct whichever is wrong",
        )


def _assemble_one(
    draft: DraftResolution,
    cat: CatalogResolution | None,
    assembler: Assembler,
    path: str,
    catalog: Catalog | None,
    index: int,
) -> Resolution:
    body, session, number = _text_identity(draft)
    heading_line = draft.headings[0][0] if draft.headings else draft.first_line
    _confirm(path, draft.body_line, "issuing body", body, cat.body if cat else None, catalog, cat)
    _confirm(
        path,
        heading_line,
        "session",
        session,
        str(cat.session) if cat and cat.session is not None else None,
        catalog,
        cat,
    )
    _confirm(path, heading_line, "resolution number", number, cat.number if cat else None, catalog, cat)
    _confirm(path, draft.title_line, "title", draft.title or None, cat.title if cat else None, catalog, cat)
    text_date = parse_date(draft.adoption) or parse_date(draft.adopted_on)
    if text_date and cat and cat.date and len(cat.date) == 10:
        _confirm(
            path, draft.adoption_line or heading_line, "adoption date", text_date, cat.date, catalog, cat
        )
    body = body or (cat.body if cat else None)
    session = session or (str(cat.session) if cat and cat.session is not None else None)
    number = number or (cat.number if cat else None)
    if body is None or number is None:
        rid = f"unidentified-{file_slug(path)}-{index + 1}"
        assembler.warn(
            draft.first_line,
            "cannot tell which resolution this is "
            "(no heading such as 'Resolution 65/2' and no catalog entry); "
            f"it is given the id {rid}",
            "identity",
        )
        symbol = rid
        body = body or "unknown"
    else:
        rid = cat.id if cat else _resolution_id(body, session, number)
        symbol = _symbol(body, session, number, draft.heading_year)
    inferred_fragment = draft.starts_inside or not draft.operative
    fragment = cat.fragment if cat else inferred_fragment
    if not draft.body_name and not draft.starts_inside and not fragment:
        assembler.warn(
            draft.first_line, "no body line such as 'The General Assembly,' before the preamble", "structure"
        )
    preamble = assembler.preamble(draft.preamble)
    operative = assembler.operative(draft.operative)
    adoption, adoption_marks = assembler.adoption(
        draft.adoption, draft.adoption_line, draft.adoption_last_line or draft.adoption_line
    )
    annexes = assembler.annexes(draft)
    return Resolution(
        id=rid,
        symbol=symbol,
        body=body,
        body_name=draft.body_name,
        session=int(session) if session and session.isdigit() else None,
        number=number or "",
        title=draft.title or (cat.title if cat and cat.title else ""),
        date=text_date or (cat.date if cat else None) or draft.heading_year,
        adoption=adoption,
        adoption_footnotes=adoption_marks,
        fragment=fragment,
        preamble=preamble,
        operative=operative,
        footnotes=(),
        source=SourceSpan(path, draft.first_line, draft.last_line or draft.first_line),
        annexes=annexes,
        headings=tuple(text for _, text in sorted(draft.headings, key=lambda h: h[0])),
        source_document=cat.source_document if cat else None,
    )


def _attach_footnotes(
    resolutions: list[Resolution], footnotes: list[Footnote], assembler: Assembler
) -> list[Resolution]:
    """Give each footnote to the resolution that marks it (else the one it is printed in)."""

    owner: dict[str, int] = {}
    for k, res in enumerate(resolutions):
        for ref in res.marks():
            owner.setdefault(ref.number, k)
    defined = {f.number for f in footnotes}
    for res in resolutions:
        for ref in res.marks():
            if ref.number not in defined:
                assembler.warn(ref.line, f"footnote mark {ref.number} has no footnote text", "footnotes")
    grouped: list[list[Footnote]] = [[] for _ in resolutions]
    for note in footnotes:
        found = owner.get(note.number)
        if found is None:
            found = next(
                (
                    i
                    for i, r in enumerate(resolutions)
                    if r.source.first_line <= note.source.first_line <= r.source.last_line
                ),
                len(resolutions) - 1,
            )
            assembler.warn(
                note.source.first_line,
                f"footnote {note.number or '?'} is not marked anywhere in the text",
                "footnotes",
            )
        if resolutions:
            grouped[found].append(note)
    return [
        replace(res, footnotes=tuple(sorted(notes, key=lambda f: int(f.number or 0))))
        for res, notes in zip(resolutions, grouped, strict=True)
    ]


__all__ = ["parse_text"]
