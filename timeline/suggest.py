"""Propose dated events from a new article: its publication date, the date expressions in its
text resolved against that date, and candidates ready to paste into ``data/events.yaml``.

Pure Python (no streamlit): the command line (``python -m timeline suggest``) and the curator
page are thin layers over :func:`suggest`.

Precision and how a date is written
-----------------------------------
A precision is one of day, week, month, season, year, and the date string follows it:

- day: ``YYYY-MM-DD``; week: ``YYYY-MM-DD`` of the week's Monday (ISO weeks);
- month: ``YYYY-MM``; season: ``YYYY-MM`` of the season's first month (meteorological seasons of
  the northern hemisphere: spring 03-05, summer 06-08, fall 09-11, winter 12-02; a winter is
  named by the year of its December, so "winter 2022" is ``2021-12``);
- year: ``YYYY``.

Finding and resolving date expressions
--------------------------------------
Expressions are found with explicit patterns, never ``dateparser.search.search_dates`` (which
reads "we" as Wednesday, "$45" as 2045 and "may" as May): month and weekday names must be
capitalised, a bare month or year needs a preposition or qualifier before it, and "May" and
"March" need more than "the". dateparser (``languages=["en"]``, the anchor as
``RELATIVE_BASE``) then resolves what it reads well: bare month names, a month with its year,
"this/last/next week|month|year", "N units ago", "yesterday"/"tomorrow". A written date with its
year is read from the pattern itself (exact: 7/12/2022 is July whatever the locale). Rules resolve the rest,
because dateparser gets them wrong for news text: bare weekdays (it never returns the anchor
day, and reads "this Monday" in a Wednesday article as next week's), seasons, "January of last
year", a month and day without a year (29 February), holidays and bare years.

The direction comes from the sentence: the tense cue nearest the phrase, inside its clause when
the clause has one, decides; quoted speech has its own tense. "will", "is scheduled to",
"plans to" look ahead; anything else (past and present tense, no cue) looks back, because a
news report mostly tells what has happened. Looking back, a bare weekday is the most recent one
on or before the anchor, so the anchor's own weekday is the anchor day; "this Monday" is the
Monday of the anchor's week (Monday to Sunday), moved a week on only when the sentence looks
ahead and that Monday is past.

Publication date
----------------
Evidence is ranked: a stamp labelled "Published"/"Posted", a byline with a date or a dateline
with a year; then a date in the address and an ISO stamp near the top; then a line that is only
a written date, a dateline without a year; last an epoch stamp. Lines that say "Updated",
"Modified", "©" and the like are page stamps, never the publication date. An epoch stamp is read
in UTC, as the validator reads one (``timeline.dates.parse_absolute``), so the date it gives is
one a curator can put in ``sources.yaml``; but within three hours of midnight UTC the publisher's
own date may differ (1709165832 is 29 February 00:17 UTC, still 28 February in the Americas), so
such an epoch alone is "low" confidence, and any written or ISO stamp beats an epoch. An epoch
within a day of the chosen date is reported as agreeing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from timeline.dates import check_derivation, parse_absolute, parse_partial_date, resolve_phrase, truncate
from timeline.errors import DataError, Problem, display_path
from timeline.loading import read_text_file

MAX_FILE_BYTES = 1_500_000  # articles are tens of kilobytes; this bound keeps any input to about a second
MAX_TEXT_CHARS = 1_500_000
MAX_CANDIDATES = 200  # more than any article has; a pathological text is cut, and says so
MAX_SENTENCE_CHARS = 1_200  # a longer "sentence" (no punctuation) is cut to a window round the phrase
SOURCE_PLACEHOLDER = "todo-source"
PRECISIONS = ("year", "season", "month", "week", "day")  # coarse to fine
_RANK = {p: i for i, p in enumerate(PRECISIONS)}
_CONTEXT_CHARS = 300  # how far from a phrase tense cues are looked for
_CHUNK_CHARS = 50_000  # the text is scanned in chunks of this size ...
_CHUNK_OVERLAP = 200  # ... each read this far past its end (longer than any phrase)

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NUMBER = (
    {name.lower(): i for i, name in enumerate(MONTHS, 1)}
    | {
        abbr: i
        for i, abbrs in enumerate(
            (("jan",), ("feb",), ("mar",), ("apr",), (), ("jun",), ("jul",), ("aug",), ("sep", "sept"), ("oct",)),
            1,
        )
        for abbr in abbrs
    }
    | {"nov": 11, "dec": 12}
)
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_FIXED_HOLIDAYS = {
    "cinco de mayo": (5, 5),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "new year's": (1, 1),
    "fourth of july": (7, 4),
    "july fourth": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
}


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _names(words: tuple[str, ...]) -> str:
    return "|".join(f"{w}|{w.upper()}" for w in words)


# Patterns that open with an optional word start with \b: it rejects positions inside words
# cheaply, which halves the scan of a long text.
# Names are matched capitalised (or in capitals, as in datelines): "may" and "march" are verbs.
_MONTH = rf"\b(?:{_names(MONTHS)})\b"
_MONTH_ABBR = (
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\b\.?"
)
_MONTH_ANY = rf"(?:{_MONTH}|{_MONTH_ABBR})"
_WEEKDAY = rf"\b(?:{_names(WEEKDAYS)})\b"
_WEEKDAY_ABBR = r"\b(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b\.?"  # only as the head of a written date
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_QUAL = r"(?i:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)"

# Absolute dates; detect_published reads its stamps with the same patterns.
_EXPLICIT = (
    (
        "iso",
        re.compile(
            rf"(?<![\d-])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?(?![\d-])"
        ),
    ),
    ("numeric", re.compile(rf"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>{_YEAR})(?![/\d])")),
    (
        "month-day",
        re.compile(
            rf"(?:(?:{_WEEKDAY}|{_WEEKDAY_ABBR}),?\s+)?(?P<mon>{_MONTH_ANY})\s+(?P<d>{_DAY})"
            rf"(?:,?\s+(?P<y>{_YEAR}))?(?![.,]?\d)"
        ),
    ),
    ("day-month", re.compile(rf"(?<![\d,.$])(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH_ANY})(?:,?\s+(?P<y>{_YEAR}))?")),
)
_RELATIVE = (
    (
        "month-year",
        re.compile(rf"\b(?:(?P<q>{_QUAL})(?:-|\s+))?(?P<mon>{_MONTH_ANY})\s+(?:of\s+)?(?P<y>{_YEAR})(?![.,]\d)"),
    ),
    (
        "month-rel-year",
        re.compile(rf"\b(?:(?P<q>{_QUAL})(?:-|\s+))?(?P<mon>{_MONTH})\s+(?i:of\s+(?P<rel>last|this|next)\s+year)\b"),
    ),
    (
        "month",
        re.compile(
            rf"\b(?:(?P<lead>(?i:since|this\s+past|this|last|next))\s+)?(?:(?P<q>{_QUAL})(?:-|\s+))?(?P<mon>{_MONTH})"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<lead>(?i:this\s+past|this|last|next|late|early))\s+)?(?P<wd>{_WEEKDAY})"
            r"(?:\s+(?P<tod>(?i:morning|afternoon|evening|night))\b)?"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?i:(?:(?P<q>earlier|later|early|late)\s+)?(?P<rel>this\s+past|this|last|next)\s+(?P<unit>week|month|year)\b)"
        ),
    ),
    (
        "season",
        re.compile(
            r"\b(?i:(?:(?P<q>early|mid|late)(?:-|\s+))?(?:(?P<rel>this\s+past|this|last|next|in\s+the|the)\s+)?"
            r"(?P<s>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})(?!\d))?)"
        ),
    ),
    (
        "ago",
        re.compile(
            r"(?i:\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+"
            rf"(?P<unit>day|week|month|year)s?\s+ago\b)(?:\s+(?P<wd>{_WEEKDAY}|(?i:today)\b))?"
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?:(?P<lead>(?i:since))\s+)?(?:(?P<q>(?i:early|mid|late))(?:-|\s+))?(?<![\w$€£¥.,/])(?P<y>{_YEAR})"
            r"(?![.,/-]?\d)(?!\s*(?i:%|percent))"
        ),
    ),
    (
        "holiday",
        re.compile(
            r"\b(?P<h>Cinco de Mayo|Christmas Eve|Christmas Day|Christmas|New Year['’]s Eve|New Year['’]s Day"
            r"|New Year['’]s|Fourth of July|July Fourth|Halloween|Valentine['’]s Day|Thanksgiving Day|Thanksgiving)\b"
        ),
    ),
    ("near-day", re.compile(r"(?i:\b(?P<w>yesterday|tomorrow)\b)")),
)
_PATTERNS = _EXPLICIT + _RELATIVE
_DAY_KINDS = {"iso", "numeric", "month-day", "day-month", "weekday", "holiday", "near-day"}
_MONTH_KINDS = {"month-year", "month-rel-year", "month"}

# A bare month or year is a date only after one of these words (or a qualifier in the phrase).
_MONTH_CONTEXT = _word_set(
    "in since by from until till through throughout during before after of on around about for between and "
    "to or into the early late mid last next this"
)
_YEAR_CONTEXT = _word_set(
    "in since by from until till through during before after of for around circa the and to between or fiscal"
)

# Tense cues. Future: modal and scheduled forms; past/present: everything a report of events uses.
_FUTURE_CUE = re.compile(  # with its verb group, so "held" in "will be held" is not read as past
    r"(?i)(?:\b(?:will|won['’]t|shall|(?:is|are|am)\s+(?:going|scheduled|expected|set|due|slated|poised|planning|"
    r"supposed)\s+to|(?:is|are)\s+(?!being\b)[a-z]+ing|plans?\s+to|intends?\s+to|upcoming)\b|['’]ll\b)"
    r"(?:\s+(?:not|be|been|have|also|still|soon|likely|then|now|again|probably))*(?:\s+[a-z]+ed\b|\s+held\b)?"
)
_PAST_CUE = re.compile(
    r"(?i)\b(?:said|says|told|was|were|had|has|have|did|met|came|went|took|made|held|began|begun|fell|rose|led|"
    r"left|sent|spent|won|lost|gave|got|saw|became|brought|found|kept|knew|wrote|spoke|broke|woke|ran|stood|"
    r"sat|fought|caught|taught|paid|sold|bought|meant|felt|heard|hit|put|set out|struck|swore|chose|drove|flew|"
    r"grew|threw|ago|[a-z]{3,}ed)\b"
)
_CLAUSE_BREAK = re.compile(
    r"[;:—–]|\s-{1,2}\s|(?i:\b(?:after|because|before|when|while|although|though|but|following|whereas|until)\b)"
)
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")

# Sentences.
_INLINE_END = re.compile(r"[.!?]+[\"”’)\]]*(?=[ \t\u00a0]+[\"“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = _word_set(
    "mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm st jr sr prof rev hon pres atty supt det no vol vs "
    "etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri "
    "sat sun ft mt ave blvd approx dept univ"
)
_WS = re.compile(r"\s+")

# Publication stamps.
_UPDATE_WORD = re.compile(
    r"(?i)\b(?:last\s+)?(?:updated|modified|revised|edited)\b|\bupdate:|©|\(c\)\s*\d|\bcopyright\b|"
    r"\baccessed\b|\bretrieved\b|\bprinted\b|\bgenerated\b|\bcurrent time\b"
)
_PUBLISHED_WORD = re.compile(
    r"(?i)\b(?:published|posted|publication date|date published|first published|originally published|released)\b"
    r"|^\s*date\s*:"
)
_BYLINE = re.compile(r"^\s*By\s+[A-Z]")
_STAMP_START = re.compile(
    r"(?i)\s*(?:(?:last\s+)?(?:updated|modified|revised)|(?:first\s+|originally\s+)?published|posted|date\s*:|©|"
    r"copyright)\b"
)
_TIME = re.compile(r"(?i)\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?")
_ZONE = re.compile(r"\b(?:[ECMP][SD]?T|UTC|GMT|CET|CEST|BST|IST|Z)\b|[+-]\d{2}:?\d{2}\b")
_STAMP_WORDS = re.compile(
    rf"(?i)\b(?:published|posted|updated|last|modified|first|originally|released|date|on|at|by|de|"
    rf"{'|'.join(WEEKDAYS)}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b"
)
_EPOCH_LINE = re.compile(r"\s*(?:[A-Za-z_ -]{1,20}[:=]\s*)?(?P<n>\d{10}|\d{13})\s*")
_EPOCH_RANGE = (946_684_800, 4_102_444_800)  # 2000-01-01 .. 2100-01-01
_DATELINE = re.compile(  # "WASHINGTON, May 19 (UPI) --", "MEXICO CITY, July 12, 2022 -", "Dec. 28 (UPI) --"
    rf"^[ \t]*(?:(?P<place>[A-Z][A-Z.'’ -]{{1,40}}[A-Z.](?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?),\s+)?"
    rf"(?P<date>(?P<mon>{_MONTH_ANY})\s+(?P<d>{_DAY})(?:,\s*(?P<y>{_YEAR}))?)\s*(?P<agency>\([^)\n]{{1,40}}\)\s*)?"
    r"(?:--|—|–|-)",
    re.M,
)
_URL_DATES = (
    re.compile(r"(?<=/)(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?=/|$|[?#])"),
    re.compile(r"(?<=[/_.-])(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"(?<=[/_.-])(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
)
_KIND_ORDER = ("url", "dateline", "byline", "written-date", "iso-stamp", "epoch")  # tie-break, most trusted first


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Published:
    """An article's publication date, the evidence for it and how sure we are."""

    date: dt.date | None
    evidence: str  # the text that shows the date (or, when there is none, why)
    kind: str  # dateline, iso-stamp, written-date, byline, epoch, url, given or none
    confidence: str  # high, medium or low
    start: int | None = None  # span of the evidence in the text, when it is in the text
    end: int | None = None
    note: str = ""  # what else was seen: agreeing stamps, ignored "Updated" stamps
    spans: tuple[tuple[int, int], ...] = ()  # the text of every stamp that gives this date

    def to_json(self) -> dict:
        """The JSON form of the command line: date, evidence and kind."""
        return {"date": self.date.isoformat() if self.date else None, "evidence": self.evidence, "kind": self.kind}


@dataclass(frozen=True)
class Expression:
    """A date expression in the text and what it means against the anchor."""

    phrase: str
    start: int  # span of the phrase in the text
    end: int
    date: str | None  # at its precision (see the module docstring); None when it needs an anchor
    precision: str  # day, week, month, season or year
    rule: str  # what decided the date, e.g. "weekday:same-day", "month:past", "season:this"
    core: str  # the part dateparser reads ("this week" of "earlier this week")
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class Candidate:
    """A sentence with a date expression: a possible event for ``data/events.yaml``."""

    sentence: str  # text[start:end]
    start: int
    end: int
    phrase: str
    phrase_start: int
    phrase_end: int
    date: str | None
    precision: str
    rule: str
    yaml: str  # one events.yaml entry, indented to paste under "events:"
    restates: bool  # the sentence only restates the publication date, or is another page stamp

    def to_json(self) -> dict:
        """The JSON form of the command line."""
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "phrase": self.phrase,
            "date": self.date,
            "precision": self.precision,
            "rule": self.rule,
            "yaml": self.yaml,
        }


@dataclass(frozen=True)
class Suggestions:
    """What ``suggest`` proposes: the publication date and the candidates, best first."""

    published: Published
    candidates: list[Candidate] = field(default_factory=list)
    truncated: bool = False  # more than MAX_CANDIDATES expressions; the rest are left out

    def to_json(self) -> dict:
        """The JSON form of the command line."""
        return {"published": self.published.to_json(), "candidates": [c.to_json() for c in self.candidates]}


@dataclass(frozen=True)
class _Resolved:
    date: str | None
    precision: str
    rule: str
    core: str


@dataclass(frozen=True)
class _Evidence:
    kind: str
    date: dt.date
    phrase: str
    strength: int  # 5 labelled/byline/dated dateline, 4 url or top ISO stamp, 3 stamp line, 2 weak
    start: int | None = None
    end: int | None = None
    note: str = ""


# --------------------------------------------------------------------------- public API


def suggest(
    text: str, published: dt.date | str | None = None, url: str | None = None, source: str | None = None
) -> Suggestions:
    """Propose candidate events for an article.

    ``published`` (a date or "YYYY-MM-DD") overrides the detected publication date; ``url`` is
    evidence for it; ``source`` is the source id written into the YAML snippets (a placeholder
    when not given). Candidates come in text order, those that only restate the publication date
    (or are page stamps) last. Raises DataError for a text over MAX_TEXT_CHARS, or a bad date.
    """
    check_text_size(text)
    pub = given_published(published) if published is not None else detect_published(text, url)
    expressions, truncated = _find_expressions(text, pub.date, MAX_CANDIDATES)
    candidates = [build_candidate(text, e, pub, source or SOURCE_PLACEHOLDER) for e in expressions]
    candidates.sort(key=lambda c: (c.restates, c.start, c.phrase_start))
    return Suggestions(published=pub, candidates=candidates, truncated=truncated)


def find_date_expressions(text: str, anchor: dt.date | None) -> list[Expression]:
    """Every date expression in ``text``, in text order, resolved against ``anchor``.

    Without an anchor, relative expressions ("Tuesday", "last month") keep a precision but no
    date (rule "needs-anchor"); absolute ones are still resolved.
    """
    check_text_size(text)
    return _find_expressions(text, anchor, None)[0]


def detect_published(text: str, url: str | None = None) -> Published:
    """The publication date of an article, from its text and its address.

    See the module docstring for how evidence is ranked. A date is never taken from an "Updated"
    or copyright stamp, nor from a date inside the prose (a photo caption's date is not the
    article's).
    """
    ignored: list[str] = []
    found = _scan_stamp_lines(text, ignored)
    found += _scan_url(url)
    found += _scan_datelines(text, found)
    return _choose_published(found, ignored)


def given_published(date: dt.date | str) -> Published:
    """A publication date given by the curator (``--published``)."""
    day = parse_published_option(date) if isinstance(date, str) else date
    if isinstance(day, dt.datetime):
        day = day.date()
    return Published(day, "given", "given", "high")


def parse_published_option(value: str) -> dt.date:
    """Parse ``--published YYYY-MM-DD``; DataError saying what is wrong."""
    text = value.strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DataError(
            [Problem("--published", None, f'"{value}" is not a date YYYY-MM-DD', hint="e.g. --published 2024-02-28")]
        ) from None


def check_text_size(text: str) -> None:
    """Refuse a text too long to be an article (DataError), so every answer comes in seconds."""
    if len(text) > MAX_TEXT_CHARS:
        raise DataError(
            [
                Problem(
                    "article",
                    None,
                    f"text is {len(text):,} characters, over the limit of {MAX_TEXT_CHARS:,}",
                    hint="paste one article",
                )
            ]
        )


def read_article_text(path) -> str:
    """Read an article for ``suggest``: UTF-8 text under MAX_FILE_BYTES, not binary (DataError)."""
    text = read_text_file(path, limit=MAX_FILE_BYTES)
    if looks_binary(text):
        raise DataError(
            [Problem(display_path(path), None, "looks like a binary file, not text", hint="give a UTF-8 text file")]
        )
    return text


def looks_binary(text: str) -> bool:
    """True when the text holds NUL bytes or many control characters: not an article."""
    sample = text[:65_536]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(8, len(sample) // 100)


# --------------------------------------------------------------------------- sentences


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans [start, end) in text order, whitespace trimmed.

    A sentence ends at . ! ? before a capital (not after an abbreviation such as "U.S." or
    "Gov."), at a blank line, and at a line break after a short line (a headline, a stamp) or
    after end punctuation; a line break before a lower-case word joins the lines.
    """
    ends = {len(text)}
    for m in _INLINE_END.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        ends.add(m.end())
    for m in re.finditer(r"\n", text):
        if _is_line_break(text, m.start()):
            ends.add(m.start())
    spans, begin = [], 0
    for end in sorted(ends):
        start, stop = begin, end
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        begin = end
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    token = re.search(r"(\S+)$", text[max(0, dot - 30) : dot])
    if not token:
        return False
    word = token.group(1).lstrip('"“‘([').lower()
    return word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word) is not None


def _is_line_break(text: str, at: int) -> bool:
    rest = re.match(r"[ \t\u00a0\r]*(\n|\S|$)", text[at + 1 : at + 200])
    nxt = rest.group(1) if rest else ""
    if nxt in ("\n", ""):
        return True
    if nxt.islower():
        return False  # the sentence goes on: "the U.S.\nand Mexico"
    line = text[text.rfind("\n", 0, at) + 1 : at].strip()
    if not line or re.search(r"[.!?:\"”’)\]]$", line):
        return True
    # A short line without end punctuation is a headline, stamp or byline; a long one is wrapped prose.
    return len(line) < 70 and not line.endswith((",", ";", "-"))


# --------------------------------------------------------------------------- expressions


def _find_expressions(text: str, anchor: dt.date | None, limit: int | None) -> tuple[list[Expression], bool]:
    matches = _select_matches(text, limit)
    truncated = limit is not None and len(matches) > limit
    if truncated:
        matches = matches[:limit]
    sentences = split_sentences(text) if matches else []
    starts = [s for s, _ in sentences]
    found = []
    for kind, m, start, end in matches:
        i = bisect.bisect_right(starts, start) - 1
        s_start, s_end = sentences[i] if i >= 0 and sentences[i][1] >= end else (start, end)

        def direction(s_start=s_start, s_end=s_end, start=start, end=end) -> str:
            return decide_direction(text, s_start, s_end, start, end)

        resolved = _resolve(kind, m, anchor, direction)
        if resolved is None:
            continue
        found.append(
            Expression(
                phrase=text[start:end],
                start=start,
                end=end,
                date=resolved.date,
                precision=resolved.precision,
                rule=resolved.rule,
                core=_WS.sub(" ", resolved.core),
                sentence_start=s_start,
                sentence_end=s_end,
            )
        )
    return found, truncated


def _select_matches(text: str, limit: int | None = None) -> list[tuple[str, re.Match, int, int]]:
    """All pattern matches that pass their context check; of overlapping ones, the longest.

    The text is scanned in chunks (each read a little past its end, so a phrase across the
    border is seen whole), and scanning stops once more than ``limit`` are kept: a text dense
    with dates costs no more than its first few pages.
    """
    kept: list[tuple[str, re.Match, int, int]] = []
    for a in range(0, len(text), _CHUNK_CHARS):
        b = min(len(text), a + _CHUNK_CHARS)
        raw = []
        for kind, pattern in _PATTERNS:
            for m in pattern.finditer(text, a, min(len(text), b + _CHUNK_OVERLAP)):
                if m.start() >= b:
                    break
                span = _accept(kind, m, text)
                if span:
                    raw.append((kind, m, *span))
        raw.sort(key=lambda r: (r[2], -(r[3] - r[2])))
        for item in raw:
            if kept and item[2] < kept[-1][3]:
                if item[3] - item[2] > kept[-1][3] - kept[-1][2]:
                    kept[-1] = item
                continue
            kept.append(item)
        if limit is not None and len(kept) > limit:
            break
    return kept


def _accept(kind: str, m: re.Match, text: str) -> tuple[int, int] | None:
    """The phrase span of a match, or None when its context says it is not a date."""
    start, end = m.span()
    before = _word_before(text, start)
    if kind == "month" and not (m.group("lead") or m.group("q")):
        allowed = _MONTH_CONTEXT - {"the"} if m.group("mon").lower() in ("may", "march") else _MONTH_CONTEXT
        if before not in allowed:
            return None
    elif kind == "year" and not (m.group("lead") or m.group("q")) and before not in _YEAR_CONTEXT:
        return None
    elif kind == "relative" and before == "the":
        return None  # "over the last year" is a span, not a date
    elif kind == "season":
        rel = (m.group("rel") or "").lower()
        has_context = rel not in ("", "the") or m.group("y") or (m.group("q") and before in ("in", "by", "since"))
        if not has_context:
            return None  # "the fall of Kabul", "prices fall"
        if rel.startswith("in"):
            start += 3  # the phrase is "the spring", not "in the spring"
    return start, end


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[ \t\u00a0]+$", text[max(0, start - 24) : start])
    return m.group(1).lower() if m else ""


# --------------------------------------------------------------------------- direction


def decide_direction(text: str, sent_start: int, sent_end: int, start: int, end: int) -> str:
    """'past' or 'future': the tense of the sentence around a phrase at [start, end).

    The nearest cue before the phrase decides (else the first after it), looked for first in the
    phrase's clause and then in the sentence; a phrase in quoted speech looks only at the quote,
    one outside only outside quotes.
    No cue (or past or present tense) means past: a news report mostly tells what has happened.
    """
    lo, hi = max(sent_start, start - _CONTEXT_CHARS), min(sent_end, end + _CONTEXT_CHARS)
    window = text[lo:hi]
    p0, p1 = start - lo, end - lo
    quotes = [q.span() for q in _QUOTED.finditer(window)]
    inside = next(((a, b) for a, b in quotes if a <= p0 and p1 <= b), None)

    def usable(pos: int) -> bool:
        if p0 <= pos < p1:
            return False
        if inside:
            return inside[0] <= pos < inside[1]
        return not any(a <= pos < b for a, b in quotes)

    future = [(m.start(), "future") for m in _FUTURE_CUE.finditer(window) if usable(m.start())]
    future_spans = [m.span() for m in _FUTURE_CUE.finditer(window)]
    past = [
        (m.start(), "past")
        for m in _PAST_CUE.finditer(window)
        if usable(m.start()) and not any(a <= m.start() < b for a, b in future_spans)
    ]
    cues = future + past
    if not cues:
        return "past"
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(window)]
    c0 = max((b for b in breaks if b <= p0), default=0)
    c1 = min((b for b in breaks if b >= p1), default=len(window))
    in_clause = [c for c in cues if c0 <= c[0] < c1]
    pool = in_clause or cues
    # A verb governs the time phrase after it ("will visit ... on Oct. 8"); a cue after the
    # phrase is often an attribution ("..., the minister said Wednesday") and decides only when
    # nothing comes before.
    before = [c for c in pool if c[0] < p0]
    if before:
        return max(before, key=lambda c: (c[0], c[1] == "future"))[1]
    return min(pool, key=lambda c: (c[0], c[1] != "future"))[1]


# --------------------------------------------------------------------------- resolution


def _resolve(kind: str, m: re.Match, anchor: dt.date | None, direction: Callable[[], str]) -> _Resolved | None:
    resolver = {
        "iso": _resolve_explicit,
        "numeric": _resolve_explicit,
        "month-day": _resolve_explicit,
        "day-month": _resolve_explicit,
        "month-year": _resolve_month_year,
        "month-rel-year": _resolve_month_of_year,
        "month": _resolve_month,
        "weekday": _resolve_weekday,
        "relative": _resolve_relative,
        "season": _resolve_season,
        "ago": _resolve_ago,
        "year": _resolve_year,
        "holiday": _resolve_holiday,
        "near-day": _resolve_near_day,
    }[kind]
    return resolver(m, anchor, direction)


def _needs_anchor(precision: str, core: str) -> _Resolved:
    return _Resolved(None, precision, "needs-anchor", core)


def _resolve_explicit(m: re.Match, anchor, direction) -> _Resolved | None:
    month = _month_number(m.group("mon")) if "mon" in m.groupdict() else int(m.group("m"))
    day = int(re.match(r"\d+", m.group("d")).group())
    phrase = m.group(0)
    if m.group("y"):
        # read from the pattern's own groups: exact, and 7/12/2022 is July whatever the locale
        written = _safe_date(int(m.group("y")), month, day)
        if written is None:
            return None  # "February 30, 2024" is not a date
        return _Resolved(written.isoformat(), "day", "explicit-date", phrase)
    if _safe_date(2024, month, day) is None:
        return None
    if anchor is None:
        return _needs_anchor("day", phrase)
    way = direction()
    got = _nearest_yearly(lambda y: _safe_date(y, month, day), anchor, way)
    return _Resolved(got.isoformat(), "day", f"month-day:{way}", phrase)


def _resolve_month_year(m: re.Match, anchor, direction) -> _Resolved:
    month, year = _month_number(m.group("mon")), int(m.group("y"))
    core = f"{MONTHS[month - 1]} {year}"
    parsed = _dateparser_day(core, anchor or dt.date(year, 1, 1), "past")
    if parsed is not None:
        month, year = parsed[0].month, parsed[0].year
    return _Resolved(f"{year:04d}-{month:02d}", "month", _qualified("month-year", m), _core_from(m, "mon"))


def _resolve_month_of_year(m: re.Match, anchor, direction) -> _Resolved:
    month = _month_number(m.group("mon"))
    if anchor is None:
        return _needs_anchor("month", m.group(0))
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[m.group("rel").lower()]
    rule = _qualified(f"month-of-{m.group('rel').lower()}-year", m)
    return _Resolved(f"{year:04d}-{month:02d}", "month", rule, _core_from(m, "mon"))


def _resolve_month(m: re.Match, anchor, direction) -> _Resolved:
    month = _month_number(m.group("mon"))
    lead = _WS.sub(" ", (m.group("lead") or "").lower())
    core = _core_from(m, "lead" if lead and lead != "since" else "mon")
    if anchor is None:
        return _needs_anchor("month", core)
    if lead in ("last", "this past"):
        year, rule = (anchor.year if month < anchor.month else anchor.year - 1), "month:last"
    elif lead == "next":
        year, rule = (anchor.year if month > anchor.month else anchor.year + 1), "month:next"
    elif lead == "this":
        year, rule = anchor.year, "month:this"
    else:
        way = "past" if lead == "since" else direction()
        parsed = _dateparser_day(MONTHS[month - 1], anchor, way)
        year = parsed[0].year if parsed else anchor.year
        if way == "future" and month == anchor.month:
            year = anchor.year  # dateparser skips the current month when it looks ahead
        if parsed is None or parsed[0].month != month:
            year = _nearest_yearly(lambda y: dt.date(y, month, 1), dt.date(anchor.year, anchor.month, 1), way).year
        rule = "month:since" if lead == "since" else f"month:{way}"
    return _Resolved(f"{year:04d}-{month:02d}", "month", _qualified(rule, m), core)


def _resolve_weekday(m: re.Match, anchor, direction) -> _Resolved:
    weekday = WEEKDAYS.index(m.group("wd").capitalize())
    lead = _WS.sub(" ", (m.group("lead") or "").lower())
    core = _core_from(m, "lead" if lead in ("this", "last", "next", "this past") else "wd", "wd")
    if anchor is None:
        return _needs_anchor("day", core)
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if lead == "this":
        day = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=weekday)
        rule = "weekday:this-week"
        if day < anchor and direction() == "future":
            day, rule = day + dt.timedelta(days=7), "weekday:this-week-ahead"
    elif lead in ("last", "this past"):
        day, rule = anchor - dt.timedelta(days=back or 7), "weekday:last"
    elif lead == "next":
        day, rule = anchor + dt.timedelta(days=ahead or 7), "weekday:next"
    elif direction() == "future":
        day, rule = anchor + dt.timedelta(days=ahead), "weekday:same-day" if ahead == 0 else "weekday:future"
    else:
        day, rule = anchor - dt.timedelta(days=back), "weekday:same-day" if back == 0 else "weekday:past"
    return _Resolved(day.isoformat(), "day", rule, core)


def _resolve_relative(m: re.Match, anchor, direction) -> _Resolved:
    unit = m.group("unit").lower()
    rel = _WS.sub(" ", m.group("rel").lower())
    core = _core_from(m, "rel")
    if anchor is None:
        return _needs_anchor(unit, core)
    spoken = "last" if rel == "this past" else rel
    parsed = _dateparser_day(f"{spoken} {unit}", anchor, "past")
    day = parsed[0] if parsed else anchor
    rule = _qualified(f"relative:{spoken}-{unit}", m)
    return _Resolved(format_date(day, unit), unit, rule, core)


def _resolve_season(m: re.Match, anchor, direction) -> _Resolved:
    season = m.group("s").lower()
    first = _SEASON_START[season]
    rel = _WS.sub(" ", (m.group("rel") or "").lower())
    core = m.group(0)[3:] if rel.startswith("in ") else m.group(0)
    if m.group("y"):
        year = int(m.group("y")) - (1 if first == 12 else 0)
        return _Resolved(f"{year:04d}-{first:02d}", "season", "season:year", core)
    if anchor is None:
        return _needs_anchor("season", core)
    spans = [(y, *_season_span(y, first)) for y in range(anchor.year - 2, anchor.year + 2)]
    if rel in ("last", "this past"):
        year, rule = max(s[0] for s in spans if s[2] < anchor), "season:last"
    elif rel == "next":
        year, rule = min(s[0] for s in spans if s[1] > anchor), "season:next"
    else:
        # "this spring", "in the spring": the season the anchor is in, else the last one looking
        # back ("This spring they agreed", in December) or the next one looking ahead
        way = direction()
        if way == "past":
            year = max(s[0] for s in spans if s[1] <= anchor)
        else:
            year = min(s[0] for s in spans if s[2] >= anchor)
        rule = f"season:this-{way}" if rel == "this" else f"season:{way}"
    return _Resolved(f"{year:04d}-{first:02d}", "season", _qualified(rule, m), core)


def _resolve_ago(m: re.Match, anchor, direction) -> _Resolved:
    n_text = m.group("n").lower()
    n = _NUMBER_WORDS.get(n_text) or int(n_text)
    unit = m.group("unit").lower()
    wd = m.group("wd")
    precision = "day" if wd else unit
    if anchor is None:
        return _needs_anchor(precision, m.group(0))
    if wd:
        # "a year ago Wednesday": that Wednesday (the last one), a year earlier
        base = (
            anchor
            if wd.lower() == "today"
            else anchor - dt.timedelta(days=(anchor.weekday() - WEEKDAYS.index(wd.capitalize())) % 7)
        )
        day = _shift(base, unit, -n)
        return _Resolved(day.isoformat(), "day", "ago:weekday", m.group(0))
    core = f"{n} {unit}{'s' if n != 1 else ''} ago"
    parsed = _dateparser_day(core, anchor, "past")
    day = parsed[0] if parsed else _shift(anchor, unit, -n)
    return _Resolved(format_date(day, unit), unit, "ago", m.group(0))


def _resolve_year(m: re.Match, anchor, direction) -> _Resolved:
    rule = "year:since" if m.group("lead") else "year"
    return _Resolved(m.group("y"), "year", _qualified(rule, m), m.group("y"))


def _resolve_holiday(m: re.Match, anchor, direction) -> _Resolved:
    name = m.group("h").lower().replace("’", "'")
    if anchor is None:
        return _needs_anchor("day", m.group(0))
    way = direction()
    if name.startswith("thanksgiving"):
        day = _nearest_yearly(_thanksgiving, anchor, way)
    else:
        month, mday = _FIXED_HOLIDAYS[name]
        day = _nearest_yearly(lambda y: dt.date(y, month, mday), anchor, way)
    return _Resolved(day.isoformat(), "day", f"holiday:{way}", m.group(0))


def _resolve_near_day(m: re.Match, anchor, direction) -> _Resolved:
    word = m.group("w").lower()
    if anchor is None:
        return _needs_anchor("day", m.group(0))
    parsed = _dateparser_day(word, anchor, "past")
    day = parsed[0] if parsed else anchor + dt.timedelta(days=1 if word == "tomorrow" else -1)
    return _Resolved(day.isoformat(), "day", f"relative:{word}", m.group(0))


# --------------------------------------------------------------------------- date helpers


def format_date(day: dt.date, precision: str) -> str:
    """Write a calendar day at a precision: a week as its Monday, a season as its first month."""
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    if precision == "season":
        first = max(m for m in (12, 9, 6, 3) if m <= day.month) if day.month >= 3 else 12
        year = day.year - 1 if day.month < 3 else day.year
        return f"{year:04d}-{first:02d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def precision_rank(precision: str) -> int:
    """Order of precisions, coarse to fine: year < season < month < week < day."""
    return _RANK[precision]


def _month_number(name: str) -> int:
    return _MONTH_NUMBER[name.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_yearly(make: Callable[[int], dt.date | None], anchor: dt.date, way: str) -> dt.date:
    """The yearly date (``make(year)``) nearest the anchor in the given direction, the anchor
    day included; eight years each way reach the nearest 29 February."""
    days = [d for y in range(anchor.year - 8, anchor.year + 9) if (d := make(y)) is not None]
    if way == "past":
        return max(d for d in days if d <= anchor)
    return min(d for d in days if d >= anchor)


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def _season_span(year: int, first_month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, first_month, 1)
    end = _shift(start, "month", 3) - dt.timedelta(days=1)
    return start, end


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    """Move a day by n units; a 29 February or a 31st that does not exist becomes the month's last day."""
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for mday in range(day.day, 27, -1):
        if (got := _safe_date(year, month + 1, mday)) is not None:
            return got
    return dt.date(year, month + 1, min(day.day, 28))


def _qualified(rule: str, m: re.Match) -> str:
    q = m.groupdict().get("q")
    return f"{rule}:{_WS.sub(' ', q.lower())}" if q else rule


def _core_from(m: re.Match, first: str, last: str | None = None) -> str:
    """The phrase from group ``first`` to the end of group ``last`` (or of the match)."""
    return m.string[m.start(first) : m.end(last) if last else m.end()]


@lru_cache(maxsize=512)
def _date_parser(anchor: dt.date, prefer: str):
    # Imported here: dateparser is slow to import and not every caller needs it.
    from dateparser.date import DateDataParser

    base = dt.datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": False},
    )


@lru_cache(maxsize=8192)
def _dateparser_day(phrase: str, anchor: dt.date, prefer: str) -> tuple[dt.date, str] | None:
    """What dateparser makes of a phrase against the anchor: (day, period), or None."""
    data = _date_parser(anchor, prefer).get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


# --------------------------------------------------------------------------- candidates


def build_candidate(text: str, expr: Expression, published: Published, source: str) -> Candidate:
    """The candidate for one expression: its sentence (cut round the phrase when very long),
    whether it only restates the publication date, and its YAML snippet."""
    start, end = _clip_sentence(text, expr.sentence_start, expr.sentence_end, expr.start, expr.end)
    sentence = text[start:end]
    restates = _overlaps(expr, published) or is_stamp_line(sentence)
    snippet = build_yaml_snippet(sentence, expr, published.date, source)
    return Candidate(
        sentence=sentence,
        start=start,
        end=end,
        phrase=expr.phrase,
        phrase_start=expr.start,
        phrase_end=expr.end,
        date=expr.date,
        precision=expr.precision,
        rule=expr.rule,
        yaml=snippet,
        restates=restates,
    )


def _overlaps(expr: Expression, published: Published) -> bool:
    return any(start < expr.end and expr.start < end for start, end in published.spans)


def _clip_sentence(text: str, start: int, end: int, p0: int, p1: int) -> tuple[int, int]:
    if end - start <= MAX_SENTENCE_CHARS:
        return start, end
    half = max(0, (MAX_SENTENCE_CHARS - (p1 - p0)) // 2)
    lo, hi = max(start, p0 - half), min(end, p1 + half)
    # cut at whitespace so no word is split; the quote stays verbatim
    if lo > start and (space := text.find(" ", lo, p0)) >= 0:
        lo = space + 1
    if hi < end and (space := text.rfind(" ", p1, hi)) >= 0:
        hi = space
    return lo, hi


def is_stamp_line(sentence: str) -> bool:
    """True for a page stamp: a short line that is only a date and time, or that says
    "Updated", "Published", "©" and the like."""
    if len(sentence) > 160:
        return False
    dates = _explicit_dates(sentence)
    if not dates:
        return False
    # only at the start: "The agency updated its rules on July 12, 2022." is news, not a stamp
    return _STAMP_START.match(sentence) is not None or _residual_words(sentence, dates) <= 2


class _SnippetDumper(yaml.SafeDumper):
    """Indents lists inside mappings, as data/events.yaml does."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def build_yaml_snippet(sentence: str, expr: Expression, anchor: dt.date | None, source: str) -> str:
    """One ``data/events.yaml`` entry for a candidate, indented to paste under ``events:``.

    The title, summary, category and actors are "TODO"; a date after the publication date is
    marked ``status: planned``. The evidence phrase is the shortest form
    of the phrase from which the validator derives the date (so the entry verifies as is); when
    none does, a "TODO" note asks the curator to explain the date, as the validator requires.
    """
    entry_date = _entry_date(expr)
    phrase, note = _evidence_phrase(expr, entry_date, anchor)
    evidence = {"source": source, "phrase": phrase, "anchor": anchor.isoformat() if anchor else "TODO"}
    if note:
        evidence["note"] = note
    entry = {
        "id": "todo-" + (entry_date if entry_date != "TODO" else "undated"),
        "title": "TODO",
    }
    if anchor is not None and entry_date != "TODO" and parse_partial_date(entry_date).first_day() > anchor:
        # A date after the article's publication is something scheduled: the validator asks
        # the curator to say so (and refuses a date reported before it happened otherwise).
        entry["status"] = "planned"
    entry |= {
        "summary": "TODO",
        "category": "TODO",
        "actors": ["TODO"],
        "date": entry_date,
        "date_evidence": evidence,
        "excerpts": [{"source": source, "quote": _WS.sub(" ", sentence).strip()}],
    }
    dumped = yaml.dump(
        [entry], Dumper=_SnippetDumper, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )
    return "".join("  " + line if line.strip() else line for line in dumped.splitlines(keepends=True))


def _entry_date(expr: Expression) -> str:
    """The date events.yaml can hold: a week becomes its month (or year) when it lies in one."""
    if expr.date is None:
        return "TODO"
    if expr.precision != "week":
        return expr.date
    monday = dt.date.fromisoformat(expr.date)
    sunday = monday + dt.timedelta(days=6)
    if monday.month == sunday.month:
        return f"{monday.year:04d}-{monday.month:02d}"
    return f"{monday.year:04d}" if monday.year == sunday.year else expr.date


def _evidence_phrase(expr: Expression, entry_date: str, anchor: dt.date | None) -> tuple[str, str | None]:
    phrase = _WS.sub(" ", expr.phrase).strip()
    if anchor is None or entry_date == "TODO":
        return phrase, "TODO: give the publication date as the anchor, then the date"
    date = parse_partial_date(entry_date)
    variants = [phrase, expr.core]
    if expr.rule.startswith("weekday"):
        variants.append(re.search(_WEEKDAY, expr.phrase).group())
    if expr.rule.startswith(("month", "explicit")):
        variants += [m.group() for m in re.finditer(_MONTH, expr.phrase)]
    for variant in dict.fromkeys(_WS.sub(" ", v).strip() for v in variants if v.strip()):
        _derivation, message = check_derivation(date, variant, anchor, has_note=False)
        if message is None:
            return variant, None
    read = resolve_phrase(phrase, anchor)
    reading = "dateparser cannot read it"
    if read:
        reading = f"dateparser reads it as {truncate(read.day, read.period)} ({read.period})"
    return phrase, (
        f'TODO: explain the date. "{phrase}" against {anchor} means {describe_date(expr.date, expr.precision)} '
        f"(rule {expr.rule}); {reading}."
    )


def describe_date(date: str | None, precision: str) -> str:
    """A date at its precision for people: a season is named with its months."""
    if date is None:
        return "an unknown date"
    if precision != "season":
        return f"{date} ({precision})"
    year, first = int(date[:4]), int(date[5:7])
    name = {3: "spring", 6: "summer", 9: "fall", 12: "winter"}[first]
    last = dt.date(year + (first == 12), (first + 1) % 12 + 1, 1)
    return f"{name} {year} ({dt.date(year, first, 1):%b %Y}–{last:%b %Y})"


# --------------------------------------------------------------------------- publication date


def _explicit_dates(line: str) -> list[tuple[int, int, str, str]]:
    """Written and ISO dates with a year in a line: (start, end, phrase, kind)."""
    found = []
    for kind, pattern in _EXPLICIT:
        for m in pattern.finditer(line):
            if m.group("y"):
                found.append((m.start(), m.end(), m.group(), "iso" if kind == "iso" else "written"))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, str]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def _residual_words(line: str, dates: list[tuple[int, int, str, str]]) -> int:
    """How many words a line has besides its dates, times, zones and stamp words."""
    rest = line
    for start, end, _phrase, _kind in sorted(dates, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = _STAMP_WORDS.sub(" ", _ZONE.sub(" ", _TIME.sub(" ", rest)))
    return len(re.findall(r"[A-Za-z]{2,}", rest))


def _scan_stamp_lines(text: str, ignored: list[str]) -> list[_Evidence]:
    found = []
    for index, m in enumerate(re.finditer(r"[^\n]+", text)):
        line = m.group()
        if len(line) > 200 or not line.strip():
            continue
        cut = _UPDATE_WORD.search(line)
        head = line[: cut.start()] if cut else line
        if cut and _explicit_dates(line[cut.start() :]):
            ignored.append(line[cut.start() :].strip())
        near_top = index < 12 and m.start() < 2_000
        epoch = _epoch_evidence(head, m.start())
        if epoch:
            found.append(epoch)
            continue
        found += _stamp_evidence(head, m.start(), near_top)
    return found


def _stamp_evidence(head: str, offset: int, near_top: bool) -> list[_Evidence]:
    dates = _explicit_dates(head)
    if not dates:
        return []
    labelled = _PUBLISHED_WORD.search(head) is not None
    byline = _BYLINE.match(head) is not None
    residual = _residual_words(head, dates)
    if byline and residual <= 12:
        kind, strength = "byline", 5
    elif labelled and residual <= 6:
        kind, strength = ("iso-stamp" if dates[0][3] == "iso" else "written-date"), 5
    elif residual <= 2:
        kind = "iso-stamp" if dates[0][3] == "iso" else "written-date"
        strength = (4 if kind == "iso-stamp" else 3) if near_top else 2
    else:
        return []  # a date inside prose (a caption, a quote) is not the article's date
    start, end, phrase, _kind = dates[0]
    parsed = parse_absolute(phrase)
    if parsed is None:
        return []
    return [_Evidence(kind, parsed.date(), phrase, strength, offset + start, offset + end)]


def _epoch_evidence(head: str, offset: int) -> _Evidence | None:
    m = _EPOCH_LINE.fullmatch(head)
    if not m:
        return None
    seconds = int(m.group("n")) / (1000 if len(m.group("n")) == 13 else 1)
    if not _EPOCH_RANGE[0] <= seconds < _EPOCH_RANGE[1]:
        return None
    moment = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    near_midnight = moment.hour < 3 or moment.hour >= 21
    note = f"epoch {m.group('n')} = {moment:%Y-%m-%d %H:%M:%S} UTC"
    if near_midnight:
        note += "; within three hours of midnight UTC, so the publisher's own date may differ by a day"
    return _Evidence(
        "epoch",
        moment.date(),
        m.group("n"),
        1 if near_midnight else 2,
        offset + m.start("n"),
        offset + m.end("n"),
        note,
    )


def _scan_url(url: str | None) -> list[_Evidence]:
    if not url:
        return []
    for pattern in _URL_DATES:
        for m in pattern.finditer(url[:2_000]):
            day = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if day is not None:
                return [_Evidence("url", day, m.group(), 4)]
    return []


def _scan_datelines(text: str, others: list[_Evidence]) -> list[_Evidence]:
    found = []
    for m in _DATELINE.finditer(text[:200_000]):
        if not (m.group("place") or m.group("agency")):
            continue  # "March 5 - ..." alone could be a list item; a dateline names a place or an agency
        month, mday = _month_number(m.group("mon")), int(re.match(r"\d+", m.group("d")).group())
        if m.group("y"):
            day, strength, note = _safe_date(int(m.group("y")), month, mday), 5, ""
        else:
            day, note = _dateline_year(month, mday, text, others)
            strength = 3 if others else 2
        if day is not None:
            found.append(_Evidence("dateline", day, m.group("date"), strength, m.start("date"), m.end("date"), note))
        break  # only the first dateline is the article's own
    return found


def _dateline_year(month: int, mday: int, text: str, others: list[_Evidence]) -> tuple[dt.date | None, str]:
    """A dateline gives no year: take the one nearest the other evidence, else the latest year
    the text mentions."""
    if others:
        ref = max(others, key=lambda e: e.strength).date
        days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, mday))]
        return min(
            days, key=lambda d: abs((d - ref).days)
        ), f"the dateline has no year; {ref.year} from the other evidence"
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text[:200_000])]
    if not years:
        return None, ""
    return _safe_date(max(years), month, mday), f"the dateline has no year; {max(years)} is the latest year in the text"


def _choose_published(found: list[_Evidence], ignored: list[str]) -> Published:
    ignored_note = f'ignored page stamp "{ignored[0]}" (not the publication date)' if ignored else ""
    if not found:
        why = "no publication date in the text or the address"
        return Published(None, why + (f"; {ignored_note}" if ignored_note else ""), "none", "low", note=ignored_note)
    best = max(found, key=lambda e: (e.strength, -_KIND_ORDER.index(e.kind)))
    others = [e for e in found if e is not best]
    agree = [e for e in others if abs((e.date - best.date).days) <= 1]
    disagree = [e for e in others if e.strength >= 3 and abs((e.date - best.date).days) > 1]
    level = 2 if best.strength >= 4 else 1 if best.strength >= 2 else 0
    if agree and not disagree:
        level = min(2, level + 1)
    if disagree:
        level = max(0, level - 1)
    notes = [n for n in (best.note, ignored_note) if n]
    notes += [f'{e.kind} "{e.phrase}" ({e.date}) agrees' + (f" ({e.note})" if e.note else "") for e in agree]
    notes += [f'{e.kind} "{e.phrase}" says {e.date}' for e in disagree]
    return Published(
        best.date,
        best.phrase,
        best.kind,
        ("low", "medium", "high")[level],
        best.start,
        best.end,
        "; ".join(notes),
        tuple((e.start, e.end) for e in (best, *agree) if e.start is not None and e.end is not None),
    )


# --------------------------------------------------------------------------- measuring against labels


@dataclass
class LabelScore:
    """How candidates compare with hand labels of the date expressions of articles."""

    labels: int = 0
    candidates: int = 0
    found: int = 0  # labels whose phrase was found in their sentence
    correct: int = 0  # ... and resolved to the labelled date at the labelled precision
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.correct / self.labels if self.labels else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.candidates if self.candidates else 1.0

    def add(self, other: LabelScore) -> None:
        """Add another article's counts to these."""
        self.labels += other.labels
        self.candidates += other.candidates
        self.found += other.found
        self.correct += other.correct
        self.misses += other.misses
        self.wrong += other.wrong
        self.extras += other.extras


def score_labels(candidates: list[Candidate], labels: list[dict]) -> LabelScore:
    """Match candidates to labels (each: phrase, sentence fragment, date, precision), one to one.

    A label is found by a candidate whose sentence holds the fragment and whose phrase holds the
    label's phrase (or the other way round); it is correct when date and precision agree too.
    """
    score = LabelScore(labels=len(labels), candidates=len(candidates))
    used: set[int] = set()
    for label in labels:
        fragment = _WS.sub(" ", str(label["sentence"])).strip()
        phrase = _WS.sub(" ", str(label["phrase"])).strip().lower()
        pool = [
            i
            for i, c in enumerate(candidates)
            if i not in used
            and fragment in _WS.sub(" ", c.sentence)
            and (phrase in _WS.sub(" ", c.phrase).lower() or _WS.sub(" ", c.phrase).lower() in phrase)
        ]
        good = [
            i
            for i in pool
            if candidates[i].date == str(label["date"]) and candidates[i].precision == label["precision"]
        ]
        pick = (good or pool or [None])[0]
        if pick is None:
            score.misses.append(f'{label["phrase"]} ({label["date"]}) in "{fragment}"')
            continue
        used.add(pick)
        score.found += 1
        if good:
            score.correct += 1
        else:
            c = candidates[pick]
            score.wrong.append(f"{c.phrase}: {c.date} {c.precision}, labelled {label['date']} {label['precision']}")
    score.extras += [f"{c.phrase} ({c.date}, {c.rule})" for i, c in enumerate(candidates) if i not in used]
    return score


# --------------------------------------------------------------------------- command line


def format_text(result: Suggestions) -> str:
    """The readable form of the command line: the publication date, then each candidate with
    its phrase marked in its sentence and its YAML."""
    pub = result.published
    lines = []
    if pub.date:
        lines.append(f'Published: {pub.date} ({pub.kind}, {pub.confidence} confidence): "{pub.evidence}"')
    else:
        lines.append(f"Published: unknown ({pub.evidence}); pass --published YYYY-MM-DD to date relative phrases")
    if pub.note:
        lines.append(f"  {pub.note}")
    n = len(result.candidates)
    lines.append(f"{n} candidate{'s' if n != 1 else ''} (page stamps and restatements of the publication date last)")
    for i, c in enumerate(result.candidates, 1):
        marked = c.sentence[: c.phrase_start - c.start] + "»" + c.phrase + "«" + c.sentence[c.phrase_end - c.start :]
        lines += [
            "",
            f"{i}. {c.date or 'undated'} ({c.precision})  {_WS.sub(' ', c.phrase)}  [{c.rule}]"
            + ("  (restates the publication date)" if c.restates else ""),
            f"   chars {c.start}-{c.end}: {_WS.sub(' ', marked)}",
            c.yaml.rstrip("\n"),
        ]
    return "\n".join(lines) + "\n"


def cli_main(args) -> int:
    """``python -m timeline suggest ARTICLE [--published D] [--url U] [--json]``.

    Bad input gives a one-line error on standard error and exit status 1, never a traceback.
    """
    try:
        text = read_article_text(args.article)
        published = parse_published_option(args.published) if args.published else None
        result = suggest(text, published=published, url=args.url)
    except DataError as exc:
        print("error: " + "; ".join(_WS.sub(" ", str(p)) for p in exc.problems), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {display_path(args.article)}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # a non-UTF-8 terminal must not crash the output
    if args.json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_text(result))
    if result.truncated:
        print(f"warning: only the first {MAX_CANDIDATES} date expressions are listed", file=sys.stderr)
    return 0
