"""What a language module gives: the :class:`Language` record and the pieces languages share.

A language module (``timeline/languages/<code>.py``) defines ``LANGUAGE = Language(...)``: its
month and weekday names, the words that qualify a date ("last", "early"), the patterns that
find date expressions (each a ``(kind, compiled pattern)`` pair whose named groups follow the
conventions below), the cue words of tense, the sentence rules and the publication stamps.
``timeline.suggest`` and ``timeline.dates`` read nothing language-particular from anywhere else.

Pattern kinds and their named groups (a group a language does not need may be absent):

========================  =================================================================
iso, numeric              ``y`` ``m`` ``d`` (numbers, in any order the language writes them)
month-day, day-month      ``mon`` ``d`` ``y``? ``lead``? (a word that forces the direction:
                          "el pasado 23 de julio")
month-year                ``mon`` ``y`` ``q``? (a qualifier: early, mid, late)
month-rel-year            ``mon`` ``rel``/``rel2``/``rel3`` (last/this/next year) ``q``?
month                     ``mon`` ``lead``?/``trail``? (since/last/this/next) ``q``?
weekday                   ``wd`` ``lead``?/``trail``? ``d``? (a day of the month: "el lunes 26")
relative                  ``unit`` ``rel``?/``rel2``? ``q``? (no rel and a q means "this")
season                    ``s`` ``rel``?/``rel2``? ``y``? ``q``?
ago                       ``n`` ``unit`` ``wd``?
year                      ``y`` ``lead``? ``q``?
holiday                   ``h``
near-day                  ``w`` (yesterday, today, tonight, tomorrow: a day from the anchor)
anchored                  ``n``? ``unit``*k*? ``dir``*k*? (counted from another date in
                          the text: "two days later", "the following week", "that same
                          morning"; *k* an optional suffix, as a pattern may need the group
                          in more than one of its alternatives)
span                      ``n``*k*? ``rel`` ``unit`` (a duration from the anchor: "over the
                          next two years", "en los últimos tres meses")
========================  =================================================================

Words are read through the language's maps into canonical English: ``leads`` for lead and
relative words ("pasado" -> "last"), ``units`` ("semanas" -> "week"), ``number_words``,
``seasons`` (name -> first month), ``near_days`` (word -> (canonical, offset in days)) and
``qualifier`` ("a finales de" -> "late"), ``anchor_words`` (the direction word of an anchored
phrase -> -1, 0 or +1: "later" +1, "earlier" -1, "same" 0) and ``span_words`` ("next" +1,
"últimos" -1), so the resolvers in ``timeline.suggest.resolve`` are
the same for every language.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

YEAR = r"(?:19|20)\d{2}(?!\d)"
ISO = re.compile(
    rf"(?<![\d-])(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?(?![\d-])"
)
Pattern = tuple[str, re.Pattern]


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def fourth_thursday_of_november(year: int) -> dt.date:
    """Thanksgiving in the United States."""
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def fixed(month: int, day: int) -> Callable[[int], dt.date]:
    """A holiday on the same day every year."""
    return lambda year: dt.date(year, month, day)


def opens_with_no_event(
    text: str, start: int, end: int, opens: re.Pattern, future: re.Pattern, past: re.Pattern
) -> bool:
    """True when the word at [start, end) opens its sentence (``opens`` matches just before it)
    and its clause (up to a comma, a closing quote or the sentence's end) has no verb of an event,
    past or scheduled: "Today, more trucks cross than ever" speaks of the present in general."""
    # search within the text, not a slice of it: in a slice "^" would match at the cut
    if not opens.search(text, max(0, start - 40), start):
        return False
    rest = re.split(r"[.!?\n\"”»;,]", text[end : end + 240].lstrip(", "), maxsplit=1)[0]
    return not (future.search(rest) or past.search(rest))


@dataclass(frozen=True)
class Language:
    """Everything particular to one language that ``suggest`` and the validator need."""

    code: str  # ISO 639-1, as sources.yaml writes it
    name: str
    dateparser: str  # the code dateparser knows it by

    # names and words
    months: tuple[str, ...]  # January..December as the prose writes them
    month_numbers: Mapping[str, int]  # every lower-case name and abbreviation (no dot) -> 1..12
    weekdays: tuple[str, ...]  # Monday..Sunday
    weekday_numbers: Mapping[str, int]  # every lower-case name (accented or not) -> 0..6
    number_words: Mapping[str, int]  # "three" -> 3
    units: Mapping[str, str]  # lower-case unit word -> day, week, month or year
    seasons: Mapping[str, int]  # lower-case season -> its first month
    near_days: Mapping[str, tuple[str, int]]  # "yesterday" -> ("yesterday", -1)
    holidays: Callable[[str], Callable[[int], dt.date] | None]  # name as matched -> its date in a year
    leads: Mapping[str, str] = field(default_factory=dict)  # lower-case lead/rel word -> canonical
    qualifier: Callable[[str], str] = str  # lower-case qualifier -> canonical ("early", "mid", "late")
    anchor_words: Mapping[str, int] = field(default_factory=dict)  # "later" -> 1, "earlier" -> -1, "same" -> 0
    span_words: Mapping[str, int] = field(default_factory=dict)  # "next" -> 1 (ahead), "past" -> -1 (back)

    # finding expressions
    patterns: tuple[Pattern, ...] = ()  # explicit dates first; on equal spans the earlier wins
    explicit_kinds: frozenset[str] = frozenset()  # kinds that are written dates (stamps are read with them)
    accept: Callable[[str, re.Match, str], tuple[int, int] | None] = lambda kind, m, text: m.span()
    weekday_re: re.Pattern = re.compile(r"(?!x)x")  # a weekday name, for the evidence phrase's variants
    month_re: re.Pattern = re.compile(r"(?!x)x")
    strip_lead: re.Pattern = re.compile(r"(?!x)x")  # words a curated phrase may start with before its date

    # dateparser: the phrases it reads well, in this language
    dp_month: Callable[[int], str] = str
    dp_month_year: Callable[[int, int], str] = lambda month, year: ""
    dp_relative: Callable[[str, str], str] = lambda rel, unit: ""  # ("last", "week")
    dp_ago: Callable[[int, str], str] = lambda n, unit: ""
    absolute_settings: Mapping[str, object] = field(default_factory=dict)  # e.g. DATE_ORDER for stamps
    normalize_stamp: Callable[[str], str] = str  # a stamp as dateparser reads it

    # tense
    future_cue: re.Pattern = re.compile(r"(?!x)x")
    # words right before a phrase that look ahead only when nothing else in its clause says the
    # tense ("open until Sunday", "due by Friday"; but "was closed until Sunday")
    weak_future_cue: re.Pattern = re.compile(r"(?!x)x")
    # words right before a phrase that make it look ahead whatever else the sentence says
    # ("starting Monday", "a partir del lunes")
    ahead_lead: re.Pattern = re.compile(r"(?!x)x")
    # words right before a date that make it no anchor for "the following day": an attribution
    # ("said Tuesday") or the start of a duration ("since 2021")
    not_anchor: re.Pattern = re.compile(r"(?!x)x")
    past_cue: re.Pattern = re.compile(r"(?!x)x")
    clause_break: re.Pattern = re.compile(r"(?!x)x")
    quoted: re.Pattern = re.compile(r"(?!x)x")

    # sentences
    inline_end: re.Pattern = re.compile(r"(?!x)x")  # . ! ? that ends a sentence inside a line
    abbreviations: frozenset[str] = frozenset()
    abbreviation_shape: re.Pattern = re.compile(r"(?!x)x")  # "u.s", a single letter
    line_end: re.Pattern = re.compile(r"[.!?:]$")  # a line that ends a sentence

    # publication stamps
    update_word: re.Pattern = re.compile(r"(?!x)x")  # "Updated": a page stamp, never the publication date
    published_word: re.Pattern = re.compile(r"(?!x)x")  # "Published"
    byline: re.Pattern = re.compile(r"(?!x)x")
    stamp_start: re.Pattern = re.compile(r"(?!x)x")  # a line that starts as a stamp
    stamp_words: re.Pattern = re.compile(r"(?!x)x")  # words a stamp line may hold besides its date
    residual_word: re.Pattern = re.compile(r"[A-Za-z]{2,}")  # a word left on a stamp line
    dateline: re.Pattern = re.compile(r"(?!x)x")  # groups place?, agency?, date, mon, d, y?

    # telling languages apart, and reading curated phrases
    stopwords: frozenset[str] = frozenset()  # frequent words of this language and no other registered one
    validator_rules: bool = False  # the validator reads phrases with suggest's rules, not dateparser alone
