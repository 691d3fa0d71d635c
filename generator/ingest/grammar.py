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
MONTHS = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August"}
    | {"September", "October", "November", "December"}
)
MONTH = "(?:" + "|".join(sorted(MONTHS)) + ")"
"""The English month names, as a set and as a regular expression."""
_DATE = r"\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}"  # OCR may print a stray period: "15 August. 1991"
SC_HEADING = re.compile(
    rf"""^(?:\#+\s*)?(?:Resolution|RESOLUTION)\s+(?P<number>\d+)
        (?:\s*\((?P<year>\d{{3}}-?\d|\d-?\d{{3}}|\d\d-?\d\d)\))?    # the year; OCR may slip a hyphen in
        (?:\s+of\s+(?P<date>{_DATE}))?$""",
    re.VERBOSE,
)
SC_YEARBOOK_HEADING = re.compile(
    rf"^(?P<number>\d{{1,4}})\s+\((?P<year>\d{{4}})\)\.?\s+Resolutions?\s+of\s+(?P<date>{_DATE})(?:\s+\d{{1,3}})?$"
)
"""The Security Council's early yearbook heading: "3 (1946). Resolution of 4 April 1946"."""
DATE_LINE = re.compile(rf"^(?:(?:[A-Za-z]f|[Oo]n)\s+)?(?P<date>{_DATE})(?:\s+\d{{1,3}})?$")
"""The date printed under a heading: "of 31 October 1977" (OCR "ef 15 June 1965"; a footnote mark may
follow)."""
GA_HEADING = re.compile(r"^(?P<session>\d{2,3})/(?P<number>\d{1,3})\.(?:\s+(?P<title>\S.*))?$")


def match_heading(text: str) -> dict[str, str | None] | None:
    """A resolution heading's parts (session, number, year, date, title), whatever its form, or None.

    "Resolution 65/2", "Resolution 687 (1991)", "RESOLUTION 767 (1992)", "Resolution 598 (1987) of 20 July
    1987", "3 (1946). Resolution of 4 April 1946" and "77/71." / "80/38. <title>" are all headings.
    """
    plain = text.strip("*# ").strip()
    for pattern in (RESOLUTION_HEADING, SC_HEADING, SC_YEARBOOK_HEADING, GA_HEADING):
        match = pattern.match(text if pattern is not GA_HEADING else plain)
        if match:
            groups: dict[str, str | None] = {"session": None, "number": None, "year": None, "date": None}
            groups.update(match.groupdict())
            if groups["year"]:
                groups["year"] = groups["year"].replace("-", "")
            groups.setdefault("title", None)
            return groups
    return None


# --- the body that speaks ------------------------------------------------------------------------
BODY_LINE = re.compile(
    r"""^\*?(?P<name>The\s+(?:
            General\s+Assembly
          | Security\s+Council
          | Economic\s+and\s+Social\s+Council
          | Human\s+Rights\s+Council
          | Commission\s+on\s+[A-Z][\w\s]+?
          | Conference\s+of\s+the\s+(?:States\s+)?Parties\s+to\s+the\s+[A-Z][\w\s,]+?
        ))[,.]?\*?$""",  # OCR may print the comma as a period: "The Security Council."
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
    r"(?:Resolution adopted by the .+? on"
    r"|Adopted by the Security(?: Council)?\b(?:.{0,60}?\bmeeting,?)?\s*[Oo]n)\s+"
    r"(?P<date>\d{1,2} [A-Z][a-z]+ \d{4})"
)

# --- adoption lines ------------------------------------------------------------------------------
_PLENARY = r"\d+(?:st|nd|rd|th|d)\s+(?:\((?:resumed|closed)\)\s+)?[Pp]lenary\s+[Mm]eeting\b"
ADOPTION_START = re.compile(rf"^\*?(?:{_PLENARY}|Adopted\s+(?!under\b|by\s+the\b)\S)")
"""A line that opens an adoption statement: "52nd plenary meeting", "Adopted unanimously at the",
"Adopted at the 942nd meeting", "Adopted without a vote" (OCR slips such as "Adopted ut the" included)."""
ADOPTION = re.compile(
    rf"""^\*?(?:
          {_PLENARY}(?:[\s,]+(?:on\s+)?(?P<date>{_DATE}))?\*?[.,]?
        | Adopted\s+(?!under\b|by\s+the\b)(?=.{{0,80}}?\bmeet-?ings?\b).*
        )$""",
    re.VERBOSE | re.DOTALL,
)
"""A whole adoption statement: the plenary meeting and its date, or "Adopted ... meeting ..." to its end."""
MEETING_CONTINUED = re.compile(r"^\d+\w{0,3}\s+meetings?\b")
"""The rest of an adoption line after a stray blank line ("Adopted unanimously at the" / "" / "2828th
meeting.")."""

MEETING_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|d)\.?$")
"""A meeting's number printed apart from its adoption line ("Adopted at the meeting." / "1504th")."""

# --- paragraph starts ----------------------------------------------------------------------------
OPERATIVE_NUMBER = re.compile(r"^(?P<number>\d{1,3})\.(?:\s+(?P<rest>.*))?$")
COMMA_NUMBER = re.compile(r"^(?P<number>\d{1,3}),\s+(?P<rest>[A-Z][a-z]+.*)$", re.DOTALL)
"""An operative number printed (or scanned) with a comma for its period: "4, Decides"; it counts only
where it is the next number of the operative part."""
_SCANNED_NUMBER = re.compile(r"^(?P<number>[0-9SlIOiZ]{1,3})\.\s*(?P<rest>[A-Z][a-z]+.*)$", re.DOTALL)
SCANNED_NUMBER_START = re.compile(r"^(?:\d{1,3},\s+|[0-9SlIOiZ]{1,3}\.\s*)(?=[A-Z][a-z])")
"""A line that may open a paragraph whose number OCR scanned ("4, Extends", "ll. Further"); the
structure decides whether it is the number expected next."""
_BARE_NUMBER = re.compile(r"^(?P<number>\d{1,3})\s+(?P<rest>[A-Z][a-z]+.*)$", re.DOTALL)
_SCANNED_DIGITS = str.maketrans("SlIOiZ", "511012")


def scanned_operative_number(text: str, expected: int) -> tuple[str, str] | None:
    """An operative number as OCR prints it: "4, Decides" (a comma for the period), "S. Appeals" or
    "ll. Requests", "i9. Calls", "Z. Demands" (letters for digits), "6.Calls" (no space), "7 Calls upon"
    (no period, before an operative verb). Only the
    number the operative part expects next is read so, since "5, Requests" may be running text."""
    for pattern in (COMMA_NUMBER, _SCANNED_NUMBER):
        match = pattern.match(text)
        if match and match.group("number").translate(_SCANNED_DIGITS) == str(expected):
            return str(expected), match.group("rest")
    bare = _BARE_NUMBER.match(text)  # "7 Calls upon all States": the period lost
    if bare and bare.group("number") == str(expected) and opens_operative_paragraph(bare.group("rest")):
        return str(expected), bare.group("rest")
    return None


DASH_ITEM = re.compile(r"^[—–•●▪]\s+(?P<rest>\S.*)$")
SUBPARAGRAPH = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)(?:\s+(?P<rest>\S.*))?$", re.DOTALL)
"""A sub-paragraph's label and text; pdftotext may print the label alone on its line ("(1)")."""
INLINE_SUBPARAGRAPH = re.compile(r"(?:(?<=\s)|(?<=^))\((?P<label>[a-z])\)\s+")
SECTION_LETTER = re.compile(r"^(?P<letter>[A-Z])$")
ANNEX_HEADING = re.compile(
    r"^(?P<heading>(?:Annex|ANNEX)(?:\s+[A-Z]{1,4}\b|\s+[IVX]+\b)?)(?:\s+(?P<title>\S.*))?$", re.DOTALL
)
ANNEX_LINE = re.compile(r"^(?:Annex|ANNEX)(?:\s+(?:[IVX]+|[A-Z]{1,2}))?\*?$")
"""An annex heading alone on its line: it ends the block before it, and its title block runs to the
first numbered paragraph."""

_PREAMBLE_HEADS = (
    "Whereas",
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


_PREAMBULAR_WORDS = frozenset(
    (
        "Accepting",
        "Acknowledging",
        "Acting",
        "Addressing",
        "Affirming",
        "Agreeing",
        "Alarmed",
        "Animated",
        "Anxious",
        "Appealing",
        "Appreciating",
        "Approving",
        "Aspiring",
        "Asserting",
        "Attaching",
        "Aware",
        "Bearing",
        "Believing",
        "Calling",
        "Cognizant",
        "Commemorating",
        "Commending",
        "Committed",
        "Concerned",
        "Condemning",
        "Confident",
        "Confirming",
        "Congratulating",
        "Conscious",
        "Considering",
        "Contemplating",
        "Continuing",
        "Convinced",
        "Declaring",
        "Deeply",
        "Deploring",
        "Desiring",
        "Desirous",
        "Determined",
        "Determining",
        "Disturbed",
        "Eager",
        "Emphasizing",
        "Encouraged",
        "Encouraging",
        "Endorsing",
        "Envisaging",
        "Expecting",
        "Expressing",
        "Firmly",
        "Fulfilling",
        "Fully",
        "Further",
        "Gratified",
        "Gravely",
        "Greatly",
        "Grieved",
        "Guided",
        "Having",
        "Highlighting",
        "Hoping",
        "Indignant",
        "Insisting",
        "Inspired",
        "Keeping",
        "Looking",
        "Mindful",
        "Noting",
        "Observing",
        "Particularly",
        "Paying",
        "Perturbed",
        "Pleased",
        "Pointing",
        "Profoundly",
        "Reaffirming",
        "Realizing",
        "Reasserting",
        "Recalling",
        "Recognizing",
        "Reconfirming",
        "Referring",
        "Reflecting",
        "Regretting",
        "Reiterating",
        "Rejecting",
        "Relying",
        "Remaining",
        "Reminding",
        "Renewing",
        "Repeating",
        "Responding",
        "Restating",
        "Reviewing",
        "Satisfied",
        "Seeking",
        "Seized",
        "Seriously",
        "Sharing",
        "Shocked",
        "Stressing",
        "Striving",
        "Strongly",
        "Supporting",
        "Taking",
        "Thanking",
        "Troubled",
        "Underlining",
        "Underscoring",
        "Understanding",
        "Urging",
        "Viewing",
        "Welcoming",
        "Whereas",
        "Wishing",
    )
)
PREAMBULAR_LEADS = _PREAMBULAR_WORDS | {w.replace("izing", "ising") for w in _PREAMBULAR_WORDS}
"""The words that open preambular paragraphs: the closed class of the UN editorial manual's preambular
phrases (participles and adjectives), with the British spellings ("Recognising") that Security Council
texts use."""


def opens_preambular_paragraph(text: str) -> bool:
    """Does a line open a preambular paragraph, by the closed class of lead words?

    Used to split PDF text that has no blank line between paragraphs, where any capitalised participle
    after a comma would be too loose a sign ("agenda,\nSecuring Our Common Future").
    """
    word = re.match(r"^\*?(?:(?:Also|Further|Again|Once again)\s+)?([A-Za-z][a-z]+)\b", text)
    if word is None or text.startswith(("also", "further", "again")):
        return False
    lead = word.group(1)
    return lead[0].upper() + lead[1:] in PREAMBULAR_LEADS and (lead[0].isupper() or word.start(1) > 0)


def is_preamble_start(text: str) -> bool:
    """Does a line begin like a preambular paragraph ("Recalling", "Deeply concerned", "Mindful")?"""
    word = re.match(r"^\*?([A-Z][a-z]+)", text)
    if not word:
        return False
    head = word.group(1)
    return (head.endswith("ing") and head not in _NOT_LEADS) or head in _PREAMBLE_HEADS


OPERATIVE_VERBS = frozenset(
    (
        "Accepts",
        "Acknowledges",
        "Adopts",
        "Affirms",
        "Agrees",
        "Appeals",
        "Applauds",
        "Appoints",
        "Approves",
        "Asks",
        "Assures",
        "Authorizes",
        "Believes",
        "Calls",
        "Censures",
        "Commends",
        "Condemns",
        "Confirms",
        "Congratulates",
        "Considers",
        "Declares",
        "Decides",
        "Deems",
        "Demands",
        "Denounces",
        "Deplores",
        "Designates",
        "Determines",
        "Directs",
        "Draws",
        "Emphasizes",
        "Encourages",
        "Endorses",
        "Establishes",
        "Expresses",
        "Extends",
        "Finds",
        "Highlights",
        "Insists",
        "Instructs",
        "Invites",
        "Notes",
        "Proclaims",
        "Reaffirms",
        "Recalls",
        "Recognizes",
        "Recommends",
        "Regrets",
        "Reiterates",
        "Rejects",
        "Reminds",
        "Renews",
        "Repeats",
        "Requests",
        "Resolves",
        "Stresses",
        "Strongly",
        "Supports",
        "Takes",
        "Transmits",
        "Trusts",
        "Underlines",
        "Underscores",
        "Urges",
        "Welcomes",
        "Wishes",
    )
)
"""The verbs that open operative paragraphs (the present-tense class of the UN editorial manual's
operative phrases; "Strongly condemns" opens with its adverb)."""


def opens_operative_paragraph(text: str) -> bool:
    """Does a line open an operative paragraph, by the closed class of operative verbs?"""
    match = re.match(r"^\*?(?:(?:Also|Further|Again|Once again|Strongly|Solemnly)\s+)?([A-Z][a-z]+s)\b", text)
    return match is not None and match.group(1) in OPERATIVE_VERBS


def is_operative_lead(text: str) -> bool:
    """Does an unnumbered paragraph begin with an operative verb ("Adopts", "Also decides")?"""
    match = re.match(r"^\*?(?:(?:Also|Further|Again|Once again|Strongly|Solemnly)\s+)?([A-Z][a-z]+s)\b", text)
    if not match or is_preamble_start(text) or match.group(1).endswith("ous"):
        return False  # "Conscious", "Desirous", "Anxious" open preambular paragraphs
    return match.group(1) in OPERATIVE_VERBS or not text.rstrip().endswith(",")


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


_TRAILING_MARK = re.compile(r"(?:\ue000\d+\ue001|(?<=[,;.:])\s?\d{1,3})$")
_MARK_WINDOW = 24
"""Characters enough to hold one mark and what stands before it."""


def without_trailing_marks(text: str) -> str:
    """The text without the footnote marks (tokens or bare digits after punctuation) that end it, in time
    linear in their number (a run of marks is taken off one by one from the end)."""
    text = text.rstrip()
    end = len(text)
    while True:
        start = max(0, end - _MARK_WINDOW)
        match = _TRAILING_MARK.search(text[start:end])
        if match is None:
            return text[:end]
        end = len(text[: start + match.start()].rstrip())


def ends_clause(text: str) -> bool:
    """Does the text end where a paragraph may end (",", ";", ".", ":"), footnote marks aside?"""
    return bool(re.search(r"[,;.:!?][\"”’)\]*]*$", without_trailing_marks(text)[-_MARK_WINDOW:]))
