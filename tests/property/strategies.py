"""Shared hypothesis strategies: texts that look like resolution clauses, and lists of paragraphs."""

from __future__ import annotations

from hypothesis import strategies as st

from generator.model import Paragraph, SourceSpan

WORDS = (  # noqa: SIM905
    "Recalling Notes Underlines Encourages Member States to exchange information and provide judicial "
    "cooperation in order identify investigate possible links between drug trafficking illicit firearms "
    "ammunition training law enforcement personnel border control capacity-building Office on Drugs Crime "
    "the of a in with for report Secretary-General resolution Programme Action women girls victims données "
    "Übereinkommen"
).split()
"""Words of clauses (and two non-English ones: normalisation must not trip on them)."""

OTHER_WORDS = "zebra quokka narwhal axolotl pangolin okapi tapir wombat ibis gecko lemur marmot kiwi".split()  # noqa: SIM905
"""Words no clause of :data:`WORDS` uses: text built from them shares nothing with those clauses."""

PUNCTUATION = [",", ";", ".", ":", "(", ")", "“", "”", "’", "-", "/", "\u00a0", "¹³", "\ue000"]
SPACES = [" ", " ", " ", "  ", "\n"]
NUMBERS = ["1", "16", "2021", "76/188", "(a)", "3D"]


@st.composite
def clause_texts(draw: st.DrawFn, words: list[str] = WORDS, min_words: int = 3, max_words: int = 25) -> str:
    """A clause: words separated by spaces, with some punctuation and numbers."""
    count = draw(st.integers(min_words, max_words))
    parts: list[str] = []
    for i in range(count):
        if i:
            parts.append(" ")
        parts.append(draw(st.sampled_from(words)))
        if draw(st.integers(0, 6)) == 0:
            parts.append(draw(st.sampled_from(PUNCTUATION)))
        if draw(st.integers(0, 9)) == 0:
            parts.append(" " + draw(st.sampled_from(NUMBERS)))
    return "".join(parts)


@st.composite
def messy_texts(draw: st.DrawFn) -> str:
    """Any mix of words, punctuation, numbers and odd white space, or arbitrary text."""
    if draw(st.booleans()):
        return draw(st.text(max_size=80))
    pieces = st.sampled_from([*WORDS, *PUNCTUATION, *SPACES, *NUMBERS])
    return "".join(draw(st.lists(pieces, max_size=40)))


@st.composite
def edited_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A text and an edited copy: words deleted, inserted and replaced."""
    old = draw(clause_texts(max_words=30))
    tokens = old.split(" ")
    for _ in range(draw(st.integers(0, 5))):
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        position = draw(st.integers(0, max(0, len(tokens) - 1)))
        if action == "delete" and len(tokens) > 1:
            del tokens[position]
        elif action == "insert":
            tokens.insert(position, draw(st.sampled_from(WORDS)))
        else:
            tokens[position] = draw(st.sampled_from(WORDS))
    return old, " ".join(tokens)


def paragraphs(texts: list[str]) -> list[Paragraph]:
    """Operative paragraphs numbered 1, 2, ... with these texts."""
    return [
        Paragraph(f"op{n}", "operative", str(n), "", text, SourceSpan("generated", n, n))
        for n, text in enumerate(texts, start=1)
    ]


def distinct_clause_lists(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[list[str]]:
    """Clauses whose normalised words all differ, so each has exactly one identical counterpart."""
    from generator.analyse.similarity import normalised_words

    return st.lists(clause_texts(), min_size=min_size, max_size=max_size, unique_by=normalised_words)
