"""A deterministic synthetic corpus: N resolutions in the seeds' layouts, for measuring scale.

The paragraphs come from the real texts (the seeds and ``tests/corpus/``, read by the parser) in three ways,
as drafters write:

* **reuse** (the agreed language the lineage stage must find): an earlier synthetic paragraph, from a session
  of the last few years, with 0-3 drafting edits (reworded words, an inserted or struck clause, "Also ...");
  now and then moved between preamble and operative part ("Notes that" -> "Noting that");
* **import**: a real paragraph with 1-3 edits;
* **fresh** text: words from an order-2 Markov chain over the real paragraphs, so it reads like UN prose but
  repeats no clause.

Every resolution is rendered in one of the seeds' two layouts (``layout.py``): Markdown-ish like seeds 000 and
004, or plain text with Unicode superscripts like 001 and 003, several resolutions of one session per file,
with footnotes (some interrupting a paragraph at a "page break"). ``write_corpus`` also writes
``catalog.yml`` and ``truth.json`` (each reused paragraph's origin). Same arguments, byte-identical files.

Run ``python -m benchmarks.synthetic OUT_DIR N`` to write one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.edits import convert_lead, edit
from benchmarks.layout import render_corpus
from generator.model import Corpus

DEFAULT_SEED = 2008
PER_YEAR, LAST_YEAR = 25, 2025
"""Resolutions a year (two thirds CND, a third COP in even years) and the last year: N resolutions span the
last N / 25 years, so a larger corpus is a longer history, not a denser one."""
REUSE, IMPORT = 0.3, 0.12
"""Chances that a paragraph reuses an earlier synthetic one or imports a real one (else fresh text)."""
IMPORTS_PER_SOURCE = 2
"""Real paragraphs are imported in a shuffled cycle, about this many times each at most: the import chance
falls below ``IMPORT`` for large N, so the near-matches per paragraph stay about the same as the corpus grows
(a corpus grows in time, not in density); otherwise a fixed pool's copies would make lineage quadratic."""
PARAGRAPHS_PER_RESOLUTION = 21.5
RECENT_YEARS = 6
"""A reused paragraph comes from a session of the last ``RECENT_YEARS`` years."""
FOOTNOTE = 0.12
SERIES = 0.3
"""Chance that a resolution continues a series: the title of one of its body's last few years' resolutions."""
TITLE_OPENINGS = (
    "Strengthening international cooperation to address",
    "Promoting",
    "Countering",
    "Preventing and combating",
    "Enhancing regional cooperation on",
    "Addressing",
    "Follow-up to the work on",
    "Improving the collection of data on",
    "Technical assistance to counter",
    "International cooperation against",
    "Measures to address",
    "Supporting national efforts against",
)
TITLE_SUBJECTS = (
    "the links between illicit drug trafficking and illicit firearms trafficking",
    "the illicit manufacturing of and trafficking in firearms",
    "the diversion of precursor chemicals",
    "the world drug problem",
    "transnational organized crime at sea",
    "money-laundering related to drug trafficking",
    "the illicit trade in small arms and light weapons",
    "the tracing of illicit firearms",
    "the smuggling of migrants",
    "corruption in border control",
    "the misuse of the Internet for drug trafficking",
    "alternative development",
    "drug use prevention among young people",
    "the rehabilitation of offenders",
    "trafficking in cultural property",
)
TITLE_SETTINGS = (
    "",
    " in Africa",
    " in Central America",
    " in West Asia",
    " at the regional level",
    " on the seas",
)
MARKOV_ORDER = 1

_UNSAFE = re.compile(r"[*_<>#`\[\]|\\⁰¹²³⁴⁵⁶⁷⁸⁹]|\s{2}|^\d")
"""Characters that the layouts give a meaning to; paragraphs holding them are not used as material."""


@dataclass(frozen=True, slots=True)
class Pool:
    """The real material: paragraphs as (lead, text without closing punctuation) and footnote texts."""

    preamble: tuple[tuple[str, str], ...]
    operative: tuple[tuple[str, str], ...]
    footnotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SynthParagraph:
    lead: str
    text: str
    """Lead phrase included, without closing punctuation or footnote marks."""
    footnote: tuple[int, str] | None
    """A footnote: the offset in ``text`` after which its mark stands, and its text."""
    origin: str | None
    """``<resolution id>#<paragraph id>`` of the earlier synthetic paragraph this one reuses."""


@dataclass(frozen=True, slots=True)
class SynthResolution:
    id: str
    body: str
    session: int
    number: int
    year: int
    date: str
    title: str
    preamble: tuple[SynthParagraph, ...]
    operative: tuple[SynthParagraph, ...]

    def paragraph_ids(self) -> list[tuple[str, SynthParagraph]]:
        pre = [(f"pp{i}", p) for i, p in enumerate(self.preamble, 1)]
        return pre + [(f"op{i}", p) for i, p in enumerate(self.operative, 1)]


BODIES: tuple[tuple[str, int, str], ...] = (
    # body code, first session's year offset (session = year - offset), adoption month-day
    ("cnd", 1957, "03-14"),
    ("ctoc-cop", 1982, "10-17"),  # sessions every other year
)


def pool_from_corpus(corpus: Corpus) -> Pool:
    """Collect the material from a parsed corpus: leaded paragraphs without sub-paragraphs or markup."""
    pre: list[tuple[str, str]] = []
    ops: list[tuple[str, str]] = []
    notes: list[str] = []
    for res in corpus.resolutions():
        for para in (*res.preamble, *res.operative):
            text = para.text.rstrip(",;.: ")
            if para.subparagraphs or not para.lead or _UNSAFE.search(text) or len(text.split()) < 6:
                continue
            (ops if para.kind == "operative" else pre).append((para.lead, text))
        notes.extend(f.text for f in res.footnotes if f.text and not _UNSAFE.search(f.text))
    return Pool(tuple(pre), tuple(ops), tuple(dict.fromkeys(notes)))


class _Markov:
    """A word chain over the bodies (after the lead) of the pool's paragraphs."""

    def __init__(self, paragraphs: Sequence[tuple[str, str]], order: int | None = None) -> None:
        self.order = order or MARKOV_ORDER
        self.leads = [lead for lead, _ in paragraphs]
        self.starts: list[tuple[str, ...]] = []
        self.next: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for lead, text in paragraphs:
            words = text[len(lead) :].split()
            if len(words) <= self.order:
                continue
            self.starts.append(tuple(words[: self.order]))
            for k in range(len(words) - self.order):
                self.next[tuple(words[k : k + self.order])].append(words[k + self.order])

    def paragraph(self, rng: random.Random) -> tuple[str, str]:
        lead = rng.choice(self.leads)
        words = list(rng.choice(self.starts))
        target = rng.randint(18, 70)
        while len(words) < 110:
            follow = self.next.get(tuple(words[-self.order :]))
            if not follow or (len(words) >= target and words[-1][-1] in ",;"):
                break
            words.append(rng.choice(follow))
        body = " ".join(words).rstrip(",;.:")
        return lead, f"{lead} {body}"


class _Imports:
    """Real paragraphs handed out in shuffled cycles, so each is imported about as often as the others."""

    def __init__(self, pool: Pool, chance: float) -> None:
        self.chance = chance
        self.sources = (pool.preamble, pool.operative)
        self.queues: tuple[list[tuple[str, str]], list[tuple[str, str]]] = ([], [])

    def next(self, rng: random.Random, operative: bool) -> tuple[str, str]:
        queue = self.queues[operative]
        if not queue:
            queue.extend(self.sources[operative])
            rng.shuffle(queue)
        return queue.pop()


def _pick_origin(
    rng: random.Random, history: dict[int, list[SynthResolution]], year: int
) -> tuple[SynthResolution, str, SynthParagraph] | None:
    years = [y for y in range(year - RECENT_YEARS, year) if history.get(y)]
    if not years:
        return None
    res = rng.choice(history[rng.choice(years)])
    pid, para = rng.choice(res.paragraph_ids())
    return res, pid, para


def _paragraph(
    rng: random.Random,
    pool: Pool,
    chains: tuple[_Markov, _Markov],
    imports: _Imports,
    history: dict[int, list[SynthResolution]],
    year: int,
    operative: bool,
) -> SynthParagraph:
    roll = rng.random()
    origin: str | None = None
    picked = _pick_origin(rng, history, year) if roll < REUSE else None
    if picked is not None:
        res, pid, source = picked
        origin = f"{res.id}#{pid}"
        lead, text = source.lead, source.text
        was_operative = pid.startswith("op")
        if was_operative != operative:
            converted = convert_lead(lead, text, operative)
            if converted is None:
                return _paragraph(rng, pool, chains, imports, history, year, operative)
            lead, text = converted
        lead, text = edit(rng, lead, text, rng.randint(0, 3))
    elif roll < REUSE + imports.chance:
        lead, text = imports.next(rng, operative)
        lead, text = edit(rng, lead, text, rng.randint(1, 3))
    else:
        lead, text = chains[operative].paragraph(rng)
    footnote = None
    if pool.footnotes and rng.random() < FOOTNOTE:
        commas = [m.start() + 1 for m in re.finditer(r",", text)]
        footnote = (rng.choice(commas) if commas else len(text), rng.choice(pool.footnotes))
    return SynthParagraph(lead, text, footnote, origin)


class _Titles:
    """Titles: a series' title again (same body, last ``RECENT_YEARS`` years), or a new one. New titles are
    dealt from the shuffled combinations of openings, subjects and settings, so two series share a title
    only once all 2,520 are used; series stay short, as the comparison stage compares every two resolutions
    of one title."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.deck: list[str] = []

    def next(self, history: dict[int, list[SynthResolution]], year: int, body: str) -> str:
        if self.rng.random() < SERIES:
            earlier = [
                r.title
                for y in range(year - RECENT_YEARS, year)
                for r in history.get(y, ())
                if r.body == body
            ]
            if earlier:
                return self.rng.choice(earlier)
        if not self.deck:
            self.deck = [
                f"{a} {b}{c}" for a in TITLE_OPENINGS for b in TITLE_SUBJECTS for c in TITLE_SETTINGS
            ]
            self.rng.shuffle(self.deck)
        return self.deck.pop()


def generate(pool: Pool, n: int, seed: int = DEFAULT_SEED) -> tuple[SynthResolution, ...]:
    """``n`` resolutions, oldest first, ``PER_YEAR`` a year up to ``LAST_YEAR``."""
    rng = random.Random(seed)
    chains = (_Markov(pool.preamble), _Markov(pool.operative))
    expected = n * PARAGRAPHS_PER_RESOLUTION
    imports = _Imports(
        pool, min(IMPORT, IMPORTS_PER_SOURCE * (len(pool.preamble) + len(pool.operative)) / expected)
    )
    titles = _Titles(rng)
    first_year = LAST_YEAR - (n - 1) // PER_YEAR
    history: dict[int, list[SynthResolution]] = defaultdict(list)
    numbers: dict[tuple[str, int], int] = defaultdict(int)
    out: list[SynthResolution] = []
    for index in range(n):
        year = first_year + index // PER_YEAR
        cop = year % 2 == 0 and index % PER_YEAR >= PER_YEAR * 2 // 3
        body, offset, month_day = BODIES[1] if cop else BODIES[0]
        session = year - offset if body == "cnd" else (year - offset) // 2
        numbers[body, session] += 1
        number = numbers[body, session]
        res_id = f"{body}-{session}-{number}"
        preamble = tuple(
            _paragraph(rng, pool, chains, imports, history, year, False) for _ in range(rng.randint(4, 14))
        )
        operative = tuple(
            _paragraph(rng, pool, chains, imports, history, year, True) for _ in range(rng.randint(5, 20))
        )
        res = SynthResolution(
            res_id,
            body,
            session,
            number,
            year,
            f"{year}-{month_day}",
            titles.next(history, year, body),
            preamble,
            operative,
        )
        history[year].append(res)
        out.append(res)
    return tuple(out)


def truth(resolutions: Sequence[SynthResolution]) -> dict[str, str]:
    """Each reused paragraph (``id#pid``) and the earlier paragraph it reuses."""
    return {
        f"{res.id}#{pid}": para.origin
        for res in resolutions
        for pid, para in res.paragraph_ids()
        if para.origin is not None
    }


def write_corpus(out_dir: Path, pool: Pool, n: int, seed: int = DEFAULT_SEED) -> tuple[Path, ...]:
    """Write ``n`` resolutions as text files, ``catalog.yml`` and ``truth.json``; return the text files."""
    resolutions = generate(pool, n, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = render_corpus(resolutions, random.Random(seed + 1))
    paths = []
    for name, text in files.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        if name.endswith(".txt"):
            paths.append(path)
    (out_dir / "truth.json").write_text(json.dumps(truth(resolutions), indent=1, sort_keys=True) + "\n")
    return tuple(paths)


def default_pool(root: Path) -> Pool:
    """The pool from the project's seeds and ``tests/corpus/`` texts."""
    from generator.ingest import load_corpus

    corpus_dir = root / "tests" / "corpus"
    extra = sorted(p for p in corpus_dir.iterdir() if p.suffix in {".txt", ".md"} and p.name != "SOURCES.md")
    return pool_from_corpus(load_corpus(root / "seeds", extra))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    paths = write_corpus(args.out, default_pool(root), args.n, args.seed)
    print(f"{len(paths)} files, {args.n} resolutions in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
