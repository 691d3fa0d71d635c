"""The grammar of a resolution, written down in one place.

A file holds one or more resolutions (the first and last may be fragments), or one report::

    document     := furniture* (resolution+ | report)
    resolution   := masthead* heading? title? body-line preamble* operative* adoption? annex*
    masthead     := "United Nations" | "General Assembly" | "Distr.: General" | "Seventy-seventh session"
                  | "Agenda item 99 (r)" ... | "Resolution adopted by the General Assembly on 7 December 2022"
                  | "[on the report of the First Committee (A/77/385, para. 110)]"
                  | "Adopted by the Security Council at its 4653rd meeting, on 4 December 2002"
    heading      := "Resolution 65/2" | "Resolution 687 (1991)" | "77/71." | "80/38. <title>"
    title        := one block of text, possibly wrapped, before the body line
    body-line    := "The Commission on Narcotic Drugs," | "The General Assembly," | "The Security Council,"
                  | "The Conference of the Parties to the United Nations Convention against ...,"
    preamble     := lead-phrase text ","            (lead: "Recalling", "Noting with concern", "Mindful")
    operative    := number "." lead-verb text (";" | ".")  (lead: "Also encourages", "Takes note")
                  | lead-verb text                  (an unnumbered operative paragraph: "Adopts ...")
                  | section-letter                  (a lettered section of the operative part: "A")
    subparagraph := "(" letter ")" text             (on its own line, or inline within an operative paragraph)
    adoption     := "10th Plenary Meeting 12 March 2010" | "52nd plenary meeting 1 December 2025"
                  | "Adopted at the 2981st meeting by 12 votes to 1 ..."
    annex        := "Annex" title? paragraph*

A paragraph cut by a page break or a footnote block continues in the next block of text when the cut
text does not end a clause and the next block does not start a paragraph.
"""

from __future__ import annotations

import re

# --- resolution headings -------------------------------------------------------------------------
RESOLUTION_HEADING = re.compile(
    r"""^(?:\#+\s*)?(?:\*\*)?
        (?:Resolution|RESOLUTION)\s+
        (?P<session>S-\d+|\d+)/(?P<number>\d+)       # 65/2, S-20/2
        (?:\*\*)?$""",
    re.VERBOSE,
)
SC_HEADING = re.compile(r"^(?:\#+\s*)?Resolution\s+(?P<number>\d+)\s+\((?P<year>\d{4})\)$")
GA_HEADING = re.compile(r"^(?P<session>\d{2,3})/(?P<number>\d{1,3})\.(?:\s+(?P<title>\S.*))?$")

# --- the body that speaks ------------------------------------------------------------------------
BODY_LINE = re.compile(
    r"""^\*?(?P<name>The\s+(?:
            General\s+Assembly
          | Security\s+Council
          | Economic\s+and\s+Social\s+Council
          | Human\s+Rights\s+Council
          | Commission\s+on\s+[A-Z][\w\s]+?
          | Conference\s+of\s+the\s+(?:States\s+)?Parties\s+to\s+the\s+[A-Z][\w\s,]+?
        )),?\*?$""",
    re.VERBOSE,
)

BODY_CODES: tuple[tuple[str, str], ...] = (
    ("Commission on Narcotic Drugs", "cnd"),
    ("Commission on Crime Prevention and Criminal Justice", "ccpcj"),
    ("General Assembly", "ga"),
    ("Security Council", "sc"),
    ("Economic and Social Council", "ecosoc"),
    ("Human Rights Council", "hrc"),
    (
        "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
        "ctoc-cop",
    ),
    ("Conference of the States Parties to the United Nations Convention against Corruption", "cosp"),
)


def body_code(body_name: str) -> str | None:
    """The body code for a body line's name ("The Commission on Narcotic Drugs" -> "cnd")."""
    name = " ".join(body_name.split()).removeprefix("The ")
    return next((code for full, code in BODY_CODES if name == full), None)


# --- masthead lines (kept as the resolution's headings) ------------------------------------------
ADOPTED_ON = re.compile(
    r"(?:Resolution adopted by the .+? on|Adopted by the Security Council at its .+? meeting,\s*on)\s+"
    r"(?P<date>\d{1,2} [A-Z][a-z]+ \d{4})"
)

# --- adoption lines ------------------------------------------------------------------------------
ADOPTION_START = re.compile(
    r"^\*?(?:\d+(?:st|nd|rd|th)\s+[Pp]lenary\s+[Mm]eeting\b|Adopted\s+at\s+the\s+\S+\s+meeting\b)"
)
ADOPTION = re.compile(
    r"""^\*?(?:
          \d+(?:st|nd|rd|th)\s+[Pp]lenary\s+[Mm]eeting\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})
        | Adopted\s+at\s+the\s+\S+\s+meeting\b.*
        )\*?$""",
    re.VERBOSE | re.DOTALL,
)

# --- paragraph starts ----------------------------------------------------------------------------
OPERATIVE_NUMBER = re.compile(r"^(?P<number>\d{1,3})\.(?:\s+(?P<rest>.*))?$")
DASH_ITEM = re.compile(r"^[—–]\s+(?P<rest>\S.*)$")
SUBPARAGRAPH = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivx]{1,5})\)\s+(?P<rest>\S.*)$")
INLINE_SUBPARAGRAPH = re.compile(r"(?:(?<=\s)|(?<=^))\((?P<label>[a-z])\)\s+")
SECTION_LETTER = re.compile(r"^(?P<letter>[A-Z])$")
ANNEX_HEADING = re.compile(r"^(?P<heading>Annex(?:\s+[A-Z]{1,4}\b|\s+[IVX]+\b)?)\s*(?P<title>.*)$")

_PREAMBLE_HEADS = (
    "Mindful",
    "Aware",
    "Conscious",
    "Concerned",
    "Alarmed",
    "Convinced",
    "Determined",
    "Cognizant",
    "Desirous",
    "Guided",
    "Deeply",
    "Gravely",
    "Seriously",
    "Further",
    "Having",
    "Bearing",
    "Taking",
    "Encouraged",
    "Disturbed",
    "Appreciative",
    "Affirming",
)
_NOT_LEADS = frozenset(
    {
        "Beijing",
        "Nothing",
        "During",
        "Notwithstanding",
        "Including",
        "Following",
        "Regarding",
        "Concerning",
        "Pending",
        "According",
        "Something",
        "Anything",
        "Everything",
        "Morning",
        "Evening",
        "Spring",
        "King",
        "Sing",
        "Thing",
        "Wing",
        "Ring",
        "Xining",
        "Nanjing",
        "Chongqing",
        "Kunming",
    }
)
_LEAD_COMPLEMENTS = re.compile(
    r"""(?:\s+(?:also|further|again))?
         (?:\s+(?:concerned|alarmed|convinced|disturbed)
          | \s+in\s+mind
          | \s+into\s+account
          | \s+note(?:\s+also)?
            (?:\s+with\s+(?:deep\s+|great\s+|grave\s+|serious\s+)?(?:appreciation|satisfaction|concern))?
          | \s+with\s+(?:deep\s+|grave\s+|serious\s+|great\s+)?(?:concern|appreciation|satisfaction|alarm)
          | \s+(?:its|their)\s+(?:deep\s+|grave\s+|serious\s+)?
            (?:concern|conviction|appreciation|gratitude|satisfaction)
          | \s+deep\s+concern
          | (?<=[Cc]alls)\s+(?:upon|on|for)
        )?(?:\s+(?:also|further))?\b""",
    re.VERBOSE,
)


PREAMBULAR_LEADS = frozenset(
    {
        "Accepting",
        "Acknowledging",
        "Acting",
        "Affirming",
        "Alarmed",
        "Appreciating",
        "Aware",
        "Bearing",
        "Believing",
        "Cognizant",
        "Commending",
        "Concerned",
        "Condemning",
        "Conscious",
        "Considering",
        "Convinced",
        "Deeply",
        "Deploring",
        "Desiring",
        "Desirous",
        "Determined",
        "Determining",
        "Emphasizing",
        "Encouraged",
        "Encouraging",
        "Endorsing",
        "Expressing",
        "Fully",
        "Further",
        "Gravely",
        "Guided",
        "Having",
        "Highlighting",
        "Keeping",
        "Mindful",
        "Noting",
        "Observing",
        "Paying",
        "Reaffirming",
        "Realizing",
        "Recalling",
        "Recognizing",
        "Referring",
        "Regretting",
        "Reiterating",
        "Reminding",
        "Seeking",
        "Seriously",
        "Stressing",
        "Strongly",
        "Taking",
        "Underlining",
        "Underscoring",
        "Urging",
        "Welcoming",
    }
)
"""The words that open preambular paragraphs (the UN's closed class of preambular leads)."""


def opens_preambular_paragraph(text: str) -> bool:
    """Does a line open a preambular paragraph, by the closed class of lead words?

    Used to split PDF text that has no blank line between paragraphs, where any capitalised participle
    after a comma would be too loose a sign ("agenda,\nSecuring Our Common Future").
    """
    word = re.match(r"^\*?([A-Z][a-z]+)\b", text)
    return word is not None and word.group(1) in PREAMBULAR_LEADS


def is_preamble_start(text: str) -> bool:
    """Does a line begin like a preambular paragraph ("Recalling", "Deeply concerned", "Mindful")?"""
    word = re.match(r"^\*?([A-Z][a-z]+)", text)
    if not word:
        return False
    head = word.group(1)
    return (head.endswith("ing") and head not in _NOT_LEADS) or head in _PREAMBLE_HEADS


def is_operative_lead(text: str) -> bool:
    """Does an unnumbered paragraph begin with an operative verb ("Adopts", "Also decides")?"""
    match = re.match(r"^(?:(?:Also|Further|Again|Strongly)\s+)?([A-Z][a-z]+s)\b", text)
    if not match or is_preamble_start(text) or match.group(1).endswith("ous"):
        return False  # "Conscious", "Desirous", "Anxious" open preambular paragraphs
    return not text.rstrip().endswith(",")


def lead_phrase(text: str) -> str:
    """The lead phrase of a paragraph's plain text, by the grammar of UN resolutions."""
    match = re.match(
        r"^(?:(?:Also|Further|Again|Strongly|Once again|Deeply|Gravely|Seriously)\s+[a-z]+|[A-Z][a-z]+)\b",
        text,
    )
    if not match:
        return ""
    end = match.end()
    rest = _LEAD_COMPLEMENTS.match(text, end)  # from ``end``, so a lookbehind can see the verb
    if rest:
        end = rest.end()
    return text[:end]


_TRAILING_MARKS = re.compile(r"(?:\ue000\d+\ue001|(?<=[,;.:])\s?\d{1,3})+$")


def ends_clause(text: str) -> bool:
    """Does the text end where a paragraph may end (",", ";", ".", ":"), footnote marks aside?"""
    return bool(re.search(r"[,;.:!?][\"”’)\]*]*$", _TRAILING_MARKS.sub("", text.rstrip())))
