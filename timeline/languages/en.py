"""English: names, patterns, tense cues and stamps for articles written in English.

Names are matched capitalised (or in capitals, as in datelines): "may" and "march" are verbs.
A bare month or year is a date only after a preposition or qualifier; "May" and "March" need
more than "the". The validator reads English phrases with dateparser alone (its documented
behaviour); ``suggest`` resolves them with the rules in ``timeline.suggest.resolve``.
"""

from __future__ import annotations

import re

from timeline.languages.base import (
    ISO,
    YEAR,
    Language,
    fixed,
    fourth_thursday_of_november,
    opens_with_no_event,
    word_set,
)

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
MONTH_NUMBERS = (
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
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
NUMBER_WORDS = {
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
FIXED_HOLIDAYS = {
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


def holiday(name: str):
    """The date of a holiday in a year, by its name as matched."""
    key = name.lower().replace("’", "'")
    if key.startswith("thanksgiving"):
        return fourth_thursday_of_november
    return fixed(*FIXED_HOLIDAYS[key]) if key in FIXED_HOLIDAYS else None


def _names(words: tuple[str, ...]) -> str:
    return "|".join(f"{w}|{w.upper()}" for w in words)


# Patterns that open with an optional word start with \b: it rejects positions inside words
# cheaply, which halves the scan of a long text.
_MONTH = rf"\b(?:{_names(MONTHS)})\b"
_MONTH_ABBR = (
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\b\.?"
)
_MONTH_ANY = rf"(?:{_MONTH}|{_MONTH_ABBR})"
_WEEKDAY = rf"\b(?:{_names(WEEKDAYS)})\b"
_WEEKDAY_ABBR = r"\b(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\b\.?"  # only as the head of a written date
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
_QUAL = r"(?i:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)"
_N_COUNT = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}"
_N = rf"an?|{_N_COUNT}"

# Absolute dates; the publication stamps are read with the same patterns.
EXPLICIT = (
    ("iso", ISO),
    ("numeric", re.compile(rf"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>{YEAR})(?![/\d])")),
    (
        "month-day",
        re.compile(
            rf"(?:(?:{_WEEKDAY}|{_WEEKDAY_ABBR}),?\s+)?(?P<mon>{_MONTH_ANY})\s+(?P<d>{_DAY})"
            rf"(?:,?\s+(?P<y>{YEAR}))?(?![.,]?\d)"
        ),
    ),
    ("day-month", re.compile(rf"(?<![\d,.$])(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH_ANY})(?:,?\s+(?P<y>{YEAR}))?")),
    (
        "day-month",  # a stamp's "06/Dec/2022", "06-Dec-2022"
        re.compile(
            r"(?<![\d/.-])(?P<d>3[01]|[12]\d|0?[1-9])(?P<sep>[/-])"
            rf"(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec))(?P=sep)(?P<y>{YEAR})(?![/.-]?\d)"
        ),
    ),
)
RELATIVE = (
    (
        "month-year",
        re.compile(rf"\b(?:(?P<q>{_QUAL})(?:-|\s+))?(?P<mon>{_MONTH_ANY})\s+(?:of\s+)?(?P<y>{YEAR})(?![.,]\d)"),
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
            r"\b(?i:(?:(?P<q>earlier|later|early|late)\s+)?(?P<rel>this\s+past|this|last|next)\s+(?P<unit>week|month|year)\b"
            # "at the start of the year": of this year
            r"|(?P<q2>the\s+(?:start|beginning|end|middle)\s+of)\s+the\s+(?P<unit2>week|month|year)\b)"
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
            rf"\b(?:(?P<lead>(?i:since))\s+)?(?:(?P<q>(?i:early|mid|late))(?:-|\s+))?(?<![\w$€£¥.,/])(?P<y>{YEAR})"
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
    (
        "near-day",  # "today" and "tonight" are the publication day (or, in a photo caption, the caption's)
        re.compile(r"(?i:\b(?P<w>yesterday|tomorrow|today|tonight|this\s+(?:morning|afternoon|evening))\b)"),
    ),
    (
        "anchored",  # counted from the date the sentence refers to, not from the publication
        re.compile(
            rf"(?i:\b(?:(?P<n>{_N})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|afterwards?|after|before)\b"
            r"|(?:the|that)\s+(?:(?P<dir2>following|previous|prior|preceding|same)\s+(?P<unit2>day|morning|afternoon|"
            r"evening|night|week|month|year)|(?P<dir3>next)\s+(?P<unit3>day|morning|afternoon|evening|night))\b"
            r"|the\s+(?P<unit4>day|morning|night|week|month|year)\s+(?P<dir4>before|after)\b(?!\s+(?:yesterday|tomorrow))"
            r"|(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?P<unit5>day|morning|afternoon|evening|night|week|month|year)\b))"
        ),
    ),
    (
        "span",  # "over the next two years", "in the past three months", "for the next 90 days"
        re.compile(
            r"(?i:\b(?:(?:over|in|during|for|within|throughout|across)\s+)?the\s+(?P<rel>next|past|last|coming)\s+"
            rf"(?:(?P<n>{_N_COUNT})\s+)?(?P<unit>day|week|month|year)s?\b)"
        ),
    ),
)

# A bare month or year is a date only after one of these words (or a qualifier in the phrase).
MONTH_CONTEXT = word_set(
    "in since by from until till through throughout during before after of on around about for between and "
    "to or into the early late mid last next this"
)
YEAR_CONTEXT = word_set(
    "in since by from until till through during before after of for around circa the and to between or fiscal"
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t\u00a0]+$")


def word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - 24) : start])
    return m.group(1).lower() if m else ""


# Before a month in a noun phrase ("an April summit", "its October talks", "Mexico's June vote"):
# a date only when a lower-case word follows, the noun the month qualifies.
DETERMINERS = word_set("the a an its their his her our whose that")
_NOUN_AFTER = re.compile(r"[ \t\u00a0]+(?!of\b|and\b|or\b|to\b)[a-z]{3,}")
_POSSESSIVE = re.compile(r"[A-Za-z]['’]s[ \t\u00a0]+$")


_HABITUAL = re.compile(
    r"(?i)\b(?:usually|typically|normally|generally|every\s+year|each\s+year|annually|tends?\s+to)\b"
)


def _habitual(text: str, start: int) -> bool:
    """The sentence tells what happens every year ("traffic usually peaks between November and
    April"): its months are no dates."""
    head = re.split(r"[.!?\n]", text[max(0, start - 200) : start])[-1]
    tail = re.split(r"[.!?\n]", text[start : start + 200], maxsplit=1)[0]
    return _HABITUAL.search(head + tail) is not None


def _month_context(m: re.Match, text: str, before: str) -> bool:
    """A bare month is a date after a preposition or qualifier ("in April", "since June"), or as
    the head of a noun phrase ("the June agreement"); "May" and "March" need the noun."""
    start, end = m.span()
    noun_phrase = (before in DETERMINERS or _POSSESSIVE.search(text[max(0, start - 30) : start])) and bool(
        _NOUN_AFTER.match(text, end)
    )
    if m.group("mon").lower() in ("may", "march"):
        return noun_phrase or before in MONTH_CONTEXT - {"the"}
    return noun_phrase or before in MONTH_CONTEXT


_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:\"“\n])[ \t\u00a0]*$")


def accept(kind: str, m: re.Match, text: str) -> tuple[int, int] | None:
    """The phrase span of a match, or None when its context says it is not a date."""
    start, end = m.span()
    before = word_before(text, start)
    if kind == "month" and not (m.group("lead") or m.group("q")):
        if not _month_context(m, text, before) or _habitual(text, start):
            return None
    elif kind == "weekday" and not m.group("lead") and before in ("every", "each"):
        return None  # "every Monday" is a habit, not a day
    elif (
        kind == "near-day"
        and m.group("w").lower() == "today"
        and opens_with_no_event(text, start, end, _OPENS_SENTENCE, FUTURE_CUE, PAST_CUE)
    ):
        return None
    elif kind == "span":
        plural = m.group(0).lower().endswith("s")
        if not m.group("n") and (plural or m.group("unit").lower() == "day"):
            return None  # "in the coming months" is no span a reader can date; "the next day" is anchored
        if not plural and re.match(r"\s+of\b", text[end : end + 6]):
            return None  # "the last week of March"
    elif kind == "year" and not (m.group("lead") or m.group("q")) and before not in YEAR_CONTEXT:
        return None
    elif kind == "relative" and before == "the":
        return None  # "over the last year" is a span, not a date
    elif kind == "season":
        rel = (m.group("rel") or "").lower()
        has_context = rel not in ("", "the") or m.group("y") or (m.group("q") and before in ("in", "by", "since"))
        if not has_context:
            return None  # "the fall of Kabul", "prices fall"
        if rel.startswith("in") and not m.group("q"):
            # the phrase is "the spring", not "in the spring" (however many spaces between);
            # "early in the spring" keeps its "early", so it keeps its "in" too
            start = m.start("rel") + rel.rindex("the")
    return start, end


# Tense cues. Future: modal and scheduled forms; past/present: everything a report of events uses.
FUTURE_CUE = re.compile(  # with its verb group, so "held" in "will be held" is not read as past
    r"(?i)(?:\b(?:will|won['’]t|shall|(?:is|are|am)\s+(?:going|scheduled|expected|set|due|slated|poised|planning|"
    r"supposed)\s+to|(?:is|are)\s+(?!being\b)[a-z]+ing|plans?\s+to|intends?\s+to|upcoming|"
    # what is scheduled, in the present tense: "the programme starts Wednesday", "takes effect Friday"
    r"(?:starts|begins|opens|reopens|resumes|expires|ends|closes|kicks\s+off|takes\s+effect|goes\s+into\s+effect|"
    r"comes\s+into\s+force|(?:is|are)\s+due|due\s+to|(?:is|are)\s+to)|"
    r"from\s+(?=next\b))\b|['’]ll\b)"
    r"(?:\s+(?:not|be|been|have|also|still|soon|likely|then|now|again|probably|remain|stay|get))*"
    r"(?:\s+[a-z]+ed\b|\s+held\b|\s+shut\b)?"
)
PAST_CUE = re.compile(
    r"(?i)\b(?:said|says|told|was|were|had|has|have|did|met|came|went|took|made|held|began|begun|fell|rose|led|"
    r"left|sent|spent|won|lost|gave|got|saw|became|brought|found|kept|knew|wrote|spoke|broke|woke|ran|stood|"
    r"sat|fought|caught|taught|paid|sold|bought|meant|felt|heard|hit|put|set out|struck|swore|chose|drove|flew|"
    r"grew|threw|ago|[a-z]{3,}ed)\b"
)
WEAK_FUTURE_CUE = re.compile(r"(?i)\b(?:until|till|through|by|from)\s+$")
AHEAD_LEAD = re.compile(r"(?i)\b(?:starting|beginning|effective|as\s+of|as\s+from)\s+(?:on\s+)?$")
NOT_ANCHOR = re.compile(
    r"(?i)\b(?:said|says|told(?:\s+[A-Za-z]+){0,2}|added|wrote|since)\s+(?:on\s+)?(?:earlier\s+|late\s+|early\s+)?$"
)
CLAUSE_BREAK = re.compile(
    r"[;:—–]|\s-{1,2}\s|(?i:\b(?:after|because|before|when|while|although|though|but|following|whereas|until)\b)"
)
QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")

# Sentences.
INLINE_END = re.compile(r"[.!?]+[\"”’)\]]*(?=[ \t\u00a0]+[\"“‘(\[]?[A-Z0-9])")
ABBREVIATIONS = word_set(
    "mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm st jr sr prof rev hon pres atty supt det no vol vs "
    "etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri "
    "sat sun ft mt ave blvd approx dept univ"
)

# Publication stamps.
UPDATE_WORD = re.compile(
    r"(?i)\b(?:last\s+)?(?:updated|modified|revised|edited)\b|\bupdate:|©|\(c\)\s*\d|\bcopyright\b|"
    r"\baccessed\b|\bretrieved\b|\bprinted\b|\bgenerated\b|\bcurrent time\b"
)
PUBLISHED_WORD = re.compile(
    r"(?i)\b(?:published|posted|publication date|date published|first published|originally published|released|"
    r"release\s+date|for\s+immediate\s+release)\b"
    r"|^\s*date\s*:"
)
BYLINE = re.compile(r"^\s*By\s+[A-Z]")
STAMP_START = re.compile(
    r"(?i)\s*(?:(?:last\s+)?(?:updated|modified|revised)|(?:first\s+|originally\s+)?published|posted|date\s*:|©|"
    r"copyright)\b"
)
STAMP_WORDS = re.compile(
    rf"(?i)\b(?:published|posted|updated|last|modified|first|originally|released|release|for\s+immediate|"
    rf"press|news|date|on|at|by|de|"
    rf"{'|'.join(WEEKDAYS)}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b"
)
DATELINE = re.compile(  # "WASHINGTON, May 19 (UPI) --", "MEXICO CITY, July 12, 2022 -", "Dec. 28 (UPI) --"
    rf"^[ \t]*(?:(?P<place>[A-Z][A-Z.'’ -]{{1,40}}[A-Z.](?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?),\s+)?"
    rf"(?P<date>(?P<mon>{_MONTH_ANY})\s+(?P<d>{_DAY})(?:,\s*(?P<y>{YEAR}))?)\s*(?P<agency>\([^)\n]{{1,40}}\)\s*)?"
    r"(?:--|—|–|-)",
    re.M,
)

# Frequent English words that are not Spanish ones ("a", "no", "me" are both).
STOPWORDS = word_set(
    "the of and to in is that for on with as was by at from it an be has have are were said will this which "
    "their they its not but or been would after who we he she his her more than about also had into over"
)

LANGUAGE = Language(
    code="en",
    name="English",
    dateparser="en",
    months=MONTHS,
    month_numbers=MONTH_NUMBERS,
    weekdays=WEEKDAYS,
    weekday_numbers={name.lower(): i for i, name in enumerate(WEEKDAYS)},
    number_words=NUMBER_WORDS,
    units={unit: unit for unit in ("day", "week", "month", "year")}
    | {part: "day" for part in ("morning", "afternoon", "evening", "night")},
    anchor_words={
        **dict.fromkeys(("later", "after", "afterward", "afterwards", "following", "next"), 1),
        **dict.fromkeys(("earlier", "before", "previous", "prior", "preceding"), -1),
        **dict.fromkeys(("same", ""), 0),
    },
    span_words={"next": 1, "coming": 1, "past": -1, "last": -1},
    seasons=SEASONS,
    near_days={
        "yesterday": ("yesterday", -1),
        "tomorrow": ("tomorrow", 1),
        "today": ("today", 0),
        "tonight": ("today", 0),
        "this morning": ("today", 0),
        "this afternoon": ("today", 0),
        "this evening": ("today", 0),
    },
    holidays=holiday,
    patterns=EXPLICIT + RELATIVE,
    explicit_kinds=frozenset(kind for kind, _pattern in EXPLICIT),
    accept=accept,
    weekday_re=re.compile(_WEEKDAY),
    month_re=re.compile(_MONTH),
    dp_month=lambda month: MONTHS[month - 1],
    dp_month_year=lambda month, year: f"{MONTHS[month - 1]} {year}",
    dp_relative=lambda rel, unit: f"{rel} {unit}",
    dp_ago=lambda n, unit: f"{n} {unit}{'s' if n != 1 else ''} ago",
    future_cue=FUTURE_CUE,
    weak_future_cue=WEAK_FUTURE_CUE,
    ahead_lead=AHEAD_LEAD,
    not_anchor=NOT_ANCHOR,
    past_cue=PAST_CUE,
    clause_break=CLAUSE_BREAK,
    quoted=QUOTED,
    inline_end=INLINE_END,
    abbreviations=ABBREVIATIONS,
    abbreviation_shape=re.compile(r"(?:[a-z]\.)*[a-z]"),
    line_end=re.compile(r"[.!?:\"”’)\]]$"),
    update_word=UPDATE_WORD,
    published_word=PUBLISHED_WORD,
    byline=BYLINE,
    stamp_start=STAMP_START,
    stamp_words=STAMP_WORDS,
    residual_word=re.compile(r"[A-Za-z]{2,}"),
    dateline=DATELINE,
    stopwords=STOPWORDS,
    validator_rules=False,
)
