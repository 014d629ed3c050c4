"""Reading date phrases against an anchor: the resolvers of timeline.suggest.resolve at their edges."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import pytest

from timeline.languages import get
from timeline.suggest import resolve as resolve_module
from timeline.suggest.model import Resolved
from timeline.suggest.resolve import (
    _resolve_anchored,
    _resolve_holiday,
    _resolve_month,
    _resolve_near_day,
    _resolve_span,
    _resolve_weekday,
    _way,
    _weekday_and_day,
    format_date,
    resolve,
    resolve_alone,
)

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = 0, 1, 2, 3, 4


# --------------------------------------------------------------------------- a weekday with its day ("el lunes 18")


@pytest.mark.parametrize(
    ("weekday", "mday", "anchor", "way", "want"),
    [
        # this month, looking back: Monday 18 March from Wednesday 20 March
        (MONDAY, 18, dt.date(2024, 3, 20), "past", "2024-03-18"),
        # the anchor day itself counts, both ways
        (MONDAY, 18, dt.date(2024, 3, 18), "past", "2024-03-18"),
        (MONDAY, 18, dt.date(2024, 3, 18), "future", "2024-03-18"),
        # looking ahead, next month: Monday 1 April from Wednesday 20 March
        (MONDAY, 1, dt.date(2024, 3, 20), "future", "2024-04-01"),
        # looking back, last month: Thursday 29 February from Saturday 30 March
        (THURSDAY, 29, dt.date(2024, 3, 30), "past", "2024-02-29"),
    ],
)
def test_a_weekday_and_day_is_the_nearest_such_day_in_its_direction(weekday, mday, anchor, way, want):
    assert _weekday_and_day(weekday, mday, anchor, way, "el lunes 18") == Resolved(
        want, "day", f"weekday-day:{way}", "el lunes 18"
    )


def test_a_weekday_and_day_already_past_is_not_taken_looking_ahead():
    # Monday 18 March is two days before the anchor; 18 April is a Thursday: nothing ahead fits
    assert _weekday_and_day(MONDAY, 18, dt.date(2024, 3, 20), "future", "lunes 18") is None


def test_a_weekday_and_day_still_ahead_is_not_taken_looking_back():
    # Friday 22 March is after the anchor; 22 February is a Thursday: nothing back fits
    assert _weekday_and_day(FRIDAY, 22, dt.date(2024, 3, 20), "past", "viernes 22") is None


@pytest.mark.parametrize(
    ("weekday", "mday", "anchor", "way", "want"),
    [
        # looking back: 30 and 31 days away are taken, 32 days away is too far
        (THURSDAY, 29, dt.date(2024, 3, 30), "past", "2024-02-29"),  # 30 days
        (THURSDAY, 29, dt.date(2024, 3, 31), "past", "2024-02-29"),  # 31 days
        (WEDNESDAY, 28, dt.date(2024, 3, 31), "past", None),  # Wednesday 28 February: 32 days
        # looking ahead: the same edge
        (WEDNESDAY, 31, dt.date(2024, 1, 1), "future", "2024-01-31"),  # 30 days
        (THURSDAY, 1, dt.date(2024, 1, 1), "future", "2024-02-01"),  # 31 days
        (FRIDAY, 2, dt.date(2024, 1, 1), "future", None),  # Friday 2 February: 32 days
    ],
)
def test_a_weekday_and_day_is_at_most_31_days_from_the_anchor(weekday, mday, anchor, way, want):
    got = _weekday_and_day(weekday, mday, anchor, way, "core")
    assert (got.date if got else None) == want


def test_a_weekday_and_day_read_in_spanish_keeps_the_whole_phrase_as_its_core():
    got = resolve_alone("el lunes 18", dt.date(2024, 3, 20), "es")
    assert got == Resolved("2024-03-18", "day", "weekday-day:past", "el lunes 18")


# --------------------------------------------------------------------------- holidays


def _holiday_match(text: str, language: str = "en") -> re.Match:
    pattern = next(p for kind, p in get(language).patterns if kind == "holiday")
    m = pattern.search(text)
    assert m is not None
    return m


@pytest.mark.parametrize(
    ("text", "phrase"), [("They met on Christmas Eve.", "Christmas Eve"), ("on Halloween", "Halloween")]
)
def test_a_holiday_without_an_anchor_needs_one_and_keeps_its_name(text, phrase):
    got = resolve("holiday", _holiday_match(text), None, lambda: "past", get("en"))
    assert got == Resolved(None, "day", "needs-anchor", phrase)


def test_a_holiday_read_alone_without_an_anchor_needs_one():
    assert resolve_alone("Nochebuena", None, "es") == Resolved(None, "day", "needs-anchor", "Nochebuena")


# A language's holiday pattern may take words round the name (here a leading "on"): the core
# the validator reads is the whole match, not the first group.
_ON_HOLIDAY = re.compile(r"(?P<lead>on\s+)(?P<h>Christmas)")


@pytest.mark.parametrize(
    ("anchor", "want"),
    [
        (None, Resolved(None, "day", "needs-anchor", "on Christmas")),
        (dt.date(2024, 1, 10), Resolved("2023-12-25", "day", "holiday:past", "on Christmas")),
    ],
)
def test_a_holiday_core_is_the_whole_match(anchor, want):
    m = _ON_HOLIDAY.search("They met on Christmas.")
    assert _resolve_holiday(m, anchor, lambda: "past", get("en")) == want


def test_a_holiday_looking_ahead_is_the_next_one():
    got = resolve("holiday", _holiday_match("on Halloween"), dt.date(2024, 11, 1), lambda: "future", get("en"))
    assert got == Resolved("2025-10-31", "day", "holiday:future", "Halloween")


def test_a_name_that_is_no_holiday_of_the_language_is_no_date():
    m = re.compile(r"(?P<h>Boxing Day)").search("on Boxing Day")
    assert _resolve_holiday(m, dt.date(2024, 1, 10), lambda: "past", get("en")) is None


# --------------------------------------------------------------------------- anchored phrases ("two days later")


def _anchored(text: str, anchor: dt.date | None, anchor_precision: str = "day", language: str = "en") -> Resolved:
    lang = get(language)
    pattern = next(p for kind, p in lang.patterns if kind == "anchored")
    m = pattern.search(text)
    assert m is not None
    return resolve("anchored", m, anchor, lambda: "past", lang, anchor_precision)


@pytest.mark.parametrize(
    ("text", "anchor", "want"),
    [
        # a shift forward, across a month's end
        (
            "They met two days later.",
            dt.date(2024, 1, 30),
            Resolved("2024-02-01", "day", "anchored:+2-day", "two days later"),
        ),
        # a shift back, written as the week's Monday
        (
            "They met three weeks earlier.",
            dt.date(2024, 3, 1),
            Resolved("2024-02-05", "week", "anchored:-3-week", "three weeks earlier"),
        ),
        # no shift: the anchor day itself
        (
            "They met that same day.",
            dt.date(2024, 3, 1),
            Resolved("2024-03-01", "day", "anchored:same-day", "that same day"),
        ),
        # no count written: one unit
        (
            "They met the following year.",
            dt.date(2024, 2, 29),
            Resolved("2025", "year", "anchored:+1-year", "the following year"),
        ),
        (
            "They met the day before.",
            dt.date(2024, 3, 1),
            Resolved("2024-02-29", "day", "anchored:-1-day", "the day before"),
        ),
        # no direction word at all: the anchor day itself
        (
            "They met that morning.",
            dt.date(2024, 3, 1),
            Resolved("2024-03-01", "day", "anchored:same-day", "that morning"),
        ),
    ],
)
def test_an_anchored_phrase_moves_the_anchor_by_its_count_of_units(text, anchor, want):
    assert _anchored(text, anchor) == want


@pytest.mark.parametrize(
    ("text", "anchor", "want"),
    [
        # "la víspera" says its direction in the unit word itself: the day before
        (
            "Se reunieron la víspera.",
            dt.date(2024, 3, 1),
            Resolved("2024-02-29", "day", "anchored:-1-day", "la víspera"),
        ),
        (
            "Se reunieron un año antes.",
            dt.date(2024, 2, 29),
            Resolved("2023", "year", "anchored:-1-year", "un año antes"),
        ),
        # a direction of two words, however spaced
        (
            "Se reunieron dos días más  tarde.",
            dt.date(2024, 2, 28),
            Resolved("2024-03-01", "day", "anchored:+2-day", "dos días más  tarde"),
        ),
    ],
)
def test_a_spanish_anchored_phrase_moves_the_anchor(text, anchor, want):
    assert _anchored(text, anchor, language="es") == want


def test_a_shift_finer_than_the_anchor_stays_in_the_anchors_period():
    # "in January" then "two days later": 31 January + 2 days would be February, but nothing says so
    assert _anchored("They met two days later.", dt.date(2024, 1, 31), "month") == Resolved(
        "2024-01", "month", "anchored:+2-day", "two days later"
    )


@pytest.mark.parametrize(("anchor_precision", "precision"), [("day", "day"), ("month", "month"), ("year", "year")])
def test_an_anchored_phrase_without_an_anchor_needs_one_at_the_coarser_precision(anchor_precision, precision):
    got = _anchored("They met two days later.", None, anchor_precision)
    assert got == Resolved(None, precision, "needs-anchor", "two days later")


# --------------------------------------------------------------------------- "N units ago"


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("three days ago", Resolved("2024-02-26", "day", "ago", "three days ago")),
        ("a year ago", Resolved("2023", "year", "ago", "a year ago")),
    ],
)
def test_units_ago_count_back_from_the_anchor(phrase, want):
    assert resolve_alone(phrase, dt.date(2024, 2, 29), "en") == want


def test_units_ago_count_back_by_the_rules_when_dateparser_reads_nothing(monkeypatch):
    # dateparser is asked first; should it fail, the rule counts back itself (29 February - 1 month)
    monkeypatch.setattr(resolve_module, "_dateparser_day", lambda *args: None)
    m = next(p for kind, p in get("en").patterns if kind == "ago").search("It began a month ago.")
    assert resolve("ago", m, dt.date(2024, 3, 31), lambda: "past", get("en")) == Resolved(
        "2024-02", "month", "ago", "a month ago"
    )


@pytest.mark.parametrize(
    ("anchor", "want"),
    [
        (None, Resolved(None, "day", "needs-anchor", "two days later")),
        (dt.date(2024, 1, 30), Resolved("2024-02-01", "day", "anchored:+2-day", "two days later")),
    ],
)
def test_the_anchored_resolver_keeps_the_whole_phrase_as_its_core(anchor, want):
    # called on its own, not through resolve() (which sets the core again for the validator)
    m = next(p for kind, p in get("en").patterns if kind == "anchored").search("They met two days later.")
    assert _resolve_anchored(m, anchor, get("en"), "day") == want


# --------------------------------------------------------------------------- matches of the languages' own patterns


def _first(kind: str, text: str, language: str = "en") -> re.Match:
    """The first match in ``text`` of the language's pattern of this kind."""
    pattern = next(p for k, p in get(language).patterns if k == kind)
    m = pattern.search(text)
    assert m is not None
    return m


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("three days ago", Resolved(None, "day", "needs-anchor", "three days ago")),
        ("two years ago", Resolved(None, "year", "needs-anchor", "two years ago")),
        # with a weekday or "today" the phrase names a day, whatever its unit
        ("two years ago Wednesday", Resolved(None, "day", "needs-anchor", "two years ago Wednesday")),
        ("a year ago today", Resolved(None, "day", "needs-anchor", "a year ago today")),
    ],
)
def test_units_ago_without_an_anchor_need_one_at_their_precision(phrase, want):
    assert resolve_alone(phrase, None, "en") == want


@pytest.mark.parametrize(
    ("phrase", "anchor", "want"),
    [
        # "today": the anchor day itself, a year back (29 February becomes the 28th)
        ("a year ago today", dt.date(2024, 2, 29), "2023-02-28"),
        # a weekday later in the week than the anchor (Wednesday 13 March): the Friday before, 8 March
        ("a year ago Friday", dt.date(2024, 3, 13), "2023-03-08"),
        # a weekday earlier in the week: Monday 11 March, two weeks back
        ("two weeks ago Monday", dt.date(2024, 3, 13), "2024-02-26"),
        # the anchor's own weekday: the anchor day itself
        ("a week ago Wednesday", dt.date(2024, 3, 13), "2024-03-06"),
    ],
)
def test_units_ago_with_a_weekday_count_back_from_the_last_such_day(phrase, anchor, want):
    assert resolve_alone(phrase, anchor, "en") == Resolved(want, "day", "ago:weekday", phrase)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("It began three days ago.", Resolved("2024-03-28", "day", "ago", "three days ago")),
        ("It began two weeks ago.", Resolved("2024-03-11", "week", "ago", "two weeks ago")),
        ("It began a year ago.", Resolved("2023", "year", "ago", "a year ago")),
    ],
)
def test_units_ago_count_back_in_their_own_unit_when_dateparser_reads_nothing(monkeypatch, text, want):
    # the fallback moves the anchor (Sunday 31 March 2024) by days, weeks or years, not by months
    monkeypatch.setattr(resolve_module, "_dateparser_day", lambda *args: None)
    assert resolve("ago", _first("ago", text), dt.date(2024, 3, 31), lambda: "past", get("en")) == want


# --------------------------------------------------------------------------- a month with its year


@pytest.mark.parametrize(
    ("text", "anchor", "want"),
    [
        # no publication date needed: the year is written
        ("It opened in March 2019.", None, Resolved("2019-03", "month", "month-year", "March 2019")),
        (
            "It opened in February 2019.",
            dt.date(2024, 3, 31),
            Resolved("2019-02", "month", "month-year", "February 2019"),
        ),
        # a qualifier names the part of the month; the core starts at the month
        ("It opened in late July 2023.", None, Resolved("2023-07", "month", "month-year:late", "July 2023")),
        (
            "It opened in early Dec. 2023.",
            dt.date(2024, 1, 5),
            Resolved("2023-12", "month", "month-year:early", "Dec. 2023"),
        ),
    ],
)
def test_a_month_with_its_year_is_that_month(text, anchor, want):
    assert resolve("month-year", _first("month-year", text), anchor, lambda: "past", get("en")) == want


def test_a_month_with_its_year_stands_as_written_when_dateparser_reads_nothing(monkeypatch):
    monkeypatch.setattr(resolve_module, "_dateparser_day", lambda *args: None)
    m = _first("month-year", "It opened in July 2023.")
    assert resolve("month-year", m, dt.date(2024, 3, 31), lambda: "past", get("en")) == Resolved(
        "2023-07", "month", "month-year", "July 2023"
    )


# --------------------------------------------------------------------------- a bare year


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        ("It has grown since 2019.", "en", Resolved("2019", "year", "year:since", "2019")),
        ("It opened in 2019.", "en", Resolved("2019", "year", "year", "2019")),
        ("It opened in late 2019.", "en", Resolved("2019", "year", "year:late", "2019")),
        # Spanish: the validator reads the whole phrase, lead included
        ("Ha crecido desde 2020.", "es", Resolved("2020", "year", "year:since", "desde 2020")),
        ("Abrió en 2020.", "es", Resolved("2020", "year", "year", "2020")),
    ],
)
def test_a_year_is_that_year_and_since_says_so_in_its_rule(text, language, want):
    got = resolve("year", _first("year", text, language), dt.date(2024, 3, 31), lambda: "past", get(language))
    assert got == want


# --------------------------------------------------------------------------- yesterday, today, tomorrow


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        ("It rained yesterday.", "en", Resolved(None, "day", "needs-anchor", "yesterday")),
        ("It rains today.", "en", Resolved(None, "day", "needs-anchor", "today")),
        ("Llovió ayer.", "es", Resolved(None, "day", "needs-anchor", "ayer")),
    ],
)
def test_a_near_day_without_an_anchor_needs_one(text, language, want):
    got = resolve("near-day", _first("near-day", text, language), None, lambda: "past", get(language))
    assert got == want


# A language's near-day pattern may take words round the day word (here a leading "late"): the
# core is the whole match, not the day word's group.
_LATE_YESTERDAY = re.compile(r"(?P<lead>late\s+)(?P<w>yesterday)")


@pytest.mark.parametrize(
    ("anchor", "want"),
    [
        (None, Resolved(None, "day", "needs-anchor", "late yesterday")),
        (dt.date(2024, 3, 1), Resolved("2024-02-29", "day", "relative:yesterday", "late yesterday")),
    ],
)
def test_a_near_day_core_is_the_whole_match(anchor, want):
    m = _LATE_YESTERDAY.search("It rained late yesterday.")
    assert _resolve_near_day(m, anchor, lambda: "past", get("en")) == want


@pytest.mark.parametrize(
    ("text", "misread", "want"),
    [
        # dateparser reading "yesterday" as the anchor day itself (an hour's rounding) is not trusted
        ("It rained yesterday.", dt.date(2024, 3, 1), Resolved("2024-02-29", "day", "relative:yesterday", "yesterday")),
        # nor "tomorrow" two days ahead
        ("It rains tomorrow.", dt.date(2024, 3, 3), Resolved("2024-03-02", "day", "relative:tomorrow", "tomorrow")),
    ],
)
def test_a_near_day_ignores_a_dateparser_reading_at_the_wrong_distance(monkeypatch, text, misread, want):
    monkeypatch.setattr(resolve_module, "_dateparser_day", lambda *args: (misread, "day"))
    got = resolve("near-day", _first("near-day", text), dt.date(2024, 3, 1), lambda: "past", get("en"))
    assert got == want


# --------------------------------------------------------------------------- a lead word's direction


@pytest.mark.parametrize(
    ("lead", "way"),
    [("last", "past"), ("this past", "past"), ("next", "future"), ("this", None), ("since", None), ("", None)],
)
def test_a_lead_word_forces_its_direction(lead, way):
    assert _way(lead) == way


@pytest.mark.parametrize(
    ("phrase", "way", "want"),
    [
        # "el pasado" looks back even in an article looking ahead (anchor Wednesday 20 March 2024)
        ("el pasado 23 de julio", "future", Resolved("2023-07-23", "day", "month-day:past", "el pasado 23 de julio")),
        # "el próximo" looks ahead even in one looking back
        (
            "el próximo 23 de julio",
            "past",
            Resolved("2024-07-23", "day", "month-day:future", "el próximo 23 de julio"),
        ),
        ("el próximo lunes 25", "past", Resolved("2024-03-25", "day", "weekday-day:future", "el próximo lunes 25")),
    ],
)
def test_a_spanish_lead_word_overrides_the_articles_direction(phrase, way, want):
    assert resolve_alone(phrase, dt.date(2024, 3, 20), "es", way) == want


@pytest.mark.parametrize(
    ("anchor", "way", "expected"),
    [
        (dt.date(9999, 6, 1), "past", dt.date(9999, 3, 1)),
        (dt.date(9991, 2, 1), "future", dt.date(9991, 3, 1)),
        (dt.date(9992, 2, 1), "future", dt.date(9992, 3, 1)),
        (dt.date(1, 6, 1), "past", dt.date(1, 3, 1)),
        (dt.date(9, 2, 1), "past", dt.date(8, 3, 1)),
        (dt.date(8, 2, 1), "past", dt.date(7, 3, 1)),
    ],
)
def test_the_nearest_yearly_date_is_found_at_the_ends_of_the_calendar(anchor, way, expected):
    # eight years each way would reach year 0 or 10000, which no date has
    assert resolve_module._nearest_yearly(lambda y: dt.date(y, 3, 1), anchor, way) == expected


def test_the_nearest_yearly_date_reaches_a_29_february_eight_years_away():
    # 2096 and 2104 are leap years; 2100 is not: from 2100 the nearest are 8 years away, and
    # that is why the scan reaches eight years each way
    def leap_day(y):
        return dt.date(y, 2, 29) if calendar.isleap(y) else None

    assert resolve_module._nearest_yearly(leap_day, dt.date(2100, 3, 1), "past") == dt.date(2096, 2, 29)
    assert resolve_module._nearest_yearly(leap_day, dt.date(2100, 2, 28), "future") == dt.date(2104, 2, 29)


# --------------------------------------------------------------------------- seasons


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        # a winter is named by the year of its January and February: "winter 2023" began in December 2022
        ("winter 2023", "2022-12"),
        ("winter of 2023", "2022-12"),
        # every other season lies in its own year
        ("summer 2023", "2023-06"),
        ("fall 2023", "2023-09"),
    ],
)
def test_a_season_with_its_year_starts_in_that_year_but_a_winter_the_december_before(phrase, want):
    # the publication date plays no part: the year is written
    assert resolve_alone(phrase, dt.date(2024, 5, 1), "en") == Resolved(want, "season", "season:year", phrase)
    assert resolve_alone(phrase, None, "en") == Resolved(want, "season", "season:year", phrase)


@pytest.mark.parametrize(
    ("anchor", "want"),
    [
        # on the last day of the winter of 2023-24 (29 February 2024) that winter is not over: the one before
        (dt.date(2024, 2, 29), "2022-12"),
        # one day later it is
        (dt.date(2024, 3, 1), "2023-12"),
        # the same edge in a year with no 29 February
        (dt.date(2023, 2, 28), "2021-12"),
        (dt.date(2023, 3, 1), "2022-12"),
    ],
)
def test_last_winter_is_the_last_winter_that_has_ended(anchor, want):
    assert resolve_alone("last winter", anchor, "en") == Resolved(want, "season", "season:last", "last winter")


@pytest.mark.parametrize(
    ("anchor", "want"),
    [
        # the day before spring begins: the spring about to begin
        (dt.date(2024, 2, 29), "2024-03"),
        # on its first day, in it, and on its last day spring has begun: next year's
        (dt.date(2024, 3, 1), "2025-03"),
        (dt.date(2024, 4, 1), "2025-03"),
        (dt.date(2024, 5, 31), "2025-03"),
    ],
)
def test_next_spring_is_the_next_spring_not_yet_begun(anchor, want):
    assert resolve_alone("next spring", anchor, "en") == Resolved(want, "season", "season:next", "next spring")


@pytest.mark.parametrize(
    ("phrase", "way", "want"),
    [
        # "this" says so in the rule; "in the" does not, and its core leaves the "in " out
        ("this winter", "past", Resolved("2023-12", "season", "season:this-past", "this winter")),
        ("this winter", "future", Resolved("2024-12", "season", "season:this-future", "this winter")),
        ("in the winter", "past", Resolved("2023-12", "season", "season:past", "the winter")),
        ("in the winter", "future", Resolved("2024-12", "season", "season:future", "the winter")),
        ("in the spring", "past", Resolved("2024-03", "season", "season:past", "the spring")),
    ],
)
def test_this_winter_in_july_is_the_last_one_looking_back_and_the_next_looking_ahead(phrase, way, want):
    assert resolve_alone(phrase, dt.date(2024, 7, 1), "en", way) == want


# --------------------------------------------------------------------------- a bare month with its lead


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        # "since" and a qualifier are left out of the core: it starts at the month
        ("since March", Resolved("2024-03", "month", "month:since", "March")),
        ("early March", Resolved("2024-03", "month", "month:past:early", "March")),
        ("since early March", Resolved("2024-03", "month", "month:since:early", "March")),
        # "last", "this past", "next" are kept
        ("this past March", Resolved("2024-03", "month", "month:last", "this past March")),
        ("next March", Resolved("2025-03", "month", "month:next", "next March")),
    ],
)
def test_a_month_core_starts_at_its_lead_unless_the_lead_is_since(phrase, want):
    assert resolve_alone(phrase, dt.date(2024, 5, 1), "en") == want


@pytest.mark.parametrize(
    ("anchor", "want"),
    [
        # "this past March" in March is last year's, even looking back from the first of the month
        (dt.date(2024, 3, 1), "2023-03"),
        (dt.date(2024, 3, 31), "2023-03"),
        # from April on it is this year's
        (dt.date(2024, 4, 1), "2024-03"),
    ],
)
def test_this_past_march_is_the_last_march_before_the_anchors_month(anchor, want):
    got = resolve_alone("this past March", anchor, "en")
    assert got == Resolved(want, "month", "month:last", "this past March")


@pytest.mark.parametrize(
    ("anchor", "want"),
    [
        # in February: this year's
        (dt.date(2024, 2, 29), "2024-03"),
        # in March itself (first and last day): next year's
        (dt.date(2024, 3, 1), "2025-03"),
        (dt.date(2024, 3, 31), "2025-03"),
        (dt.date(2024, 4, 1), "2025-03"),
    ],
)
def test_next_march_is_the_first_march_after_the_anchors_month(anchor, want):
    assert resolve_alone("next March", anchor, "en") == Resolved(want, "month", "month:next", "next March")


@pytest.mark.parametrize("phrase", ["last March", "next March", "this past March", "since March"])
def test_a_month_with_its_lead_needs_an_anchor_at_month_precision(phrase):
    core = "March" if phrase == "since March" else phrase
    assert resolve_alone(phrase, None, "en") == Resolved(None, "month", "needs-anchor", core)


# --------------------------------------------------------------------------- "January of last year"


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("March of last year", Resolved("2023-03", "month", "month-of-last-year", "March of last year")),
        ("March of this year", Resolved("2024-03", "month", "month-of-this-year", "March of this year")),
        ("March of next year", Resolved("2025-03", "month", "month-of-next-year", "March of next year")),
    ],
)
def test_a_month_of_last_this_or_next_year_is_that_month_of_the_anchors_year_moved_by_one(phrase, want):
    assert resolve_alone(phrase, dt.date(2024, 5, 1), "en") == want


@pytest.mark.parametrize("phrase", ["March of last year", "March of next year"])
def test_a_month_of_a_relative_year_without_an_anchor_needs_one_and_keeps_the_whole_phrase(phrase):
    assert resolve_alone(phrase, None, "en") == Resolved(None, "month", "needs-anchor", phrase)


@pytest.mark.parametrize(
    ("dateparser_reads", "anchor", "way", "text", "want"),
    [
        # dateparser reads nothing: the rule finds the month itself, the anchor's own month included
        (None, dt.date(2024, 3, 15), "past", "It opened in March.", "2024-03"),
        (None, dt.date(2024, 3, 15), "past", "It opened in April.", "2023-04"),
        (None, dt.date(2024, 3, 15), "future", "It opens in March.", "2024-03"),
        (None, dt.date(2024, 3, 15), "future", "It opens in February.", "2025-02"),
        # dateparser reads another month (it keeps the anchor's day: 31 March + "February"): not trusted
        ((dt.date(2024, 3, 2), "day"), dt.date(2024, 3, 31), "past", "It opened in February.", "2024-02"),
        # dateparser reads the right month but twelve months or more from the anchor's: not trusted either
        ((dt.date(2025, 4, 1), "day"), dt.date(2024, 3, 15), "future", "It opens in April.", "2024-04"),
        ((dt.date(2022, 2, 1), "day"), dt.date(2024, 3, 15), "past", "It opened in February.", "2024-02"),
        # twelve months away exactly is too far; eleven is not
        ((dt.date(2023, 3, 1), "day"), dt.date(2024, 3, 15), "past", "It opened in March.", "2024-03"),
        ((dt.date(2023, 4, 1), "day"), dt.date(2024, 3, 15), "past", "It opened in April.", "2023-04"),
        # a misread month is not kept, even a month from the anchor's
        ((dt.date(2024, 3, 2), "day"), dt.date(2024, 1, 31), "past", "It opened in February.", "2023-02"),
    ],
)
def test_a_bare_month_is_found_by_the_rules_when_dateparser_fails(
    monkeypatch, dateparser_reads, anchor, way, text, want
):
    monkeypatch.setattr(resolve_module, "_dateparser_day", lambda *args: dateparser_reads)
    got = resolve("month", _first("month", text), anchor, lambda: way, get("en"))
    assert got == Resolved(want, "month", f"month:{way}", text.split()[-1].rstrip("."))


@pytest.mark.parametrize("phrase", ["July 23", "23 July"])
def test_a_month_and_day_without_a_year_or_anchor_needs_one_at_day_precision(phrase):
    assert resolve_alone(phrase, None, "en") == Resolved(None, "day", "needs-anchor", phrase)


# --------------------------------------------------------------------------- moving a day by units


@pytest.mark.parametrize(
    ("day", "unit", "n", "want"),
    [
        # the same day of the month when it exists, 28th and below included
        (dt.date(2024, 1, 15), "month", -1, dt.date(2023, 12, 15)),
        (dt.date(2024, 1, 28), "month", 1, dt.date(2024, 2, 28)),
        (dt.date(2024, 12, 31), "month", 1, dt.date(2025, 1, 31)),
        (dt.date(2024, 1, 31), "month", 2, dt.date(2024, 3, 31)),
        # else the target month's last day: 29, 30 or 28
        (dt.date(2024, 1, 31), "month", 1, dt.date(2024, 2, 29)),
        (dt.date(2024, 1, 30), "month", 1, dt.date(2024, 2, 29)),
        (dt.date(2023, 1, 31), "month", 1, dt.date(2023, 2, 28)),
        (dt.date(2024, 3, 31), "month", 1, dt.date(2024, 4, 30)),
        (dt.date(2024, 5, 31), "month", -1, dt.date(2024, 4, 30)),
        (dt.date(2024, 3, 31), "month", -1, dt.date(2024, 2, 29)),
        (dt.date(2024, 2, 29), "year", 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), "year", 4, dt.date(2028, 2, 29)),
        # days and weeks move by their count of days
        (dt.date(2024, 2, 28), "day", 2, dt.date(2024, 3, 1)),
        (dt.date(2024, 3, 1), "week", -1, dt.date(2024, 2, 23)),
    ],
)
def test_a_shift_by_months_keeps_the_day_of_the_month_or_takes_the_months_last(day, unit, n, want):
    assert resolve_module._shift(day, unit, n) == want


# --------------------------------------------------------------------------- a weekday with its lead


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        # the lead is part of the core, whichever it is (anchor Wednesday 13 March 2024)
        ("next Monday", Resolved("2024-03-18", "day", "weekday:next", "next Monday")),
        ("next Wednesday", Resolved("2024-03-20", "day", "weekday:next", "next Wednesday")),
        ("last Monday", Resolved("2024-03-11", "day", "weekday:last", "last Monday")),
        ("this past Monday", Resolved("2024-03-11", "day", "weekday:last", "this past Monday")),
    ],
)
def test_a_weekday_with_a_lead_keeps_the_lead_in_its_core(phrase, want):
    assert resolve_alone(phrase, dt.date(2024, 3, 13), "en") == want


# A language's weekday pattern may take words before the lead (here "on"): the core starts at the
# lead, not at the match's start.
_ON_LAST_MONDAY = re.compile(r"(?P<pre>on\s+)(?P<lead>last)\s+(?P<wd>Monday)")


def test_a_weekday_core_starts_at_its_lead_not_at_the_match():
    m = _ON_LAST_MONDAY.search("They met on last Monday.")
    got = _resolve_weekday(m, dt.date(2024, 3, 13), lambda: "past", get("en"))
    assert got == Resolved("2024-03-11", "day", "weekday:last", "last Monday")


# --------------------------------------------------------------------------- "this past week"


@pytest.mark.parametrize("phrase", ["this past week", "last week"])
def test_this_past_week_is_read_as_last_week(phrase):
    # anchor Wednesday 13 March 2024: the week before starts on Monday 4 March
    got = resolve_alone(phrase, dt.date(2024, 3, 13), "en")
    assert got == Resolved("2024-03-04", "week", "relative:last-week", phrase)


# --------------------------------------------------------------------------- writing a day as a season


@pytest.mark.parametrize(
    ("day", "want"),
    [
        # January and February belong to the winter that began the December before
        (dt.date(2024, 1, 1), "2023-12"),
        (dt.date(2024, 2, 29), "2023-12"),
        # each season runs from its first month to the day before the next one's
        (dt.date(2024, 3, 1), "2024-03"),
        (dt.date(2024, 5, 31), "2024-03"),
        (dt.date(2024, 6, 1), "2024-06"),
        (dt.date(2024, 7, 15), "2024-06"),
        (dt.date(2024, 8, 31), "2024-06"),
        (dt.date(2024, 9, 1), "2024-09"),
        (dt.date(2024, 11, 30), "2024-09"),
        (dt.date(2024, 12, 1), "2024-12"),
        (dt.date(2024, 12, 31), "2024-12"),
    ],
)
def test_a_day_written_as_a_season_is_its_seasons_first_month(day, want):
    assert format_date(day, "season") == want


def test_a_shift_after_a_date_known_to_its_season_stays_in_that_season():
    # "last summer" then "two days later": the summer of 2024, written as its first month
    assert _anchored("They met two days later.", dt.date(2024, 6, 1), "season") == Resolved(
        "2024-06", "season", "anchored:+2-day", "two days later"
    )


# --------------------------------------------------------------------------- more seasons and months, by their words


@pytest.mark.parametrize(
    ("phrase", "language", "anchor", "way", "want"),
    [
        # "this past" looks back like "last"
        (
            "this past winter",
            "en",
            dt.date(2024, 5, 1),
            "past",
            Resolved("2023-12", "season", "season:last", "this past winter"),
        ),
        # a qualifier says which part of the season
        (
            "late last summer",
            "en",
            dt.date(2024, 5, 1),
            "past",
            Resolved("2023-06", "season", "season:last:late", "late last summer"),
        ),
        # a Spanish lead may come after the season
        (
            "el invierno pasado",
            "es",
            dt.date(2024, 5, 1),
            "past",
            Resolved("2023-12", "season", "season:last", "el invierno pasado"),
        ),
        # "this spring" on its first day, looking back: this year's, already begun
        (
            "this spring",
            "en",
            dt.date(2024, 3, 1),
            "past",
            Resolved("2024-03", "season", "season:this-past", "this spring"),
        ),
        # on its last day, looking ahead: this year's, not yet over
        (
            "this spring",
            "en",
            dt.date(2024, 5, 31),
            "future",
            Resolved("2024-03", "season", "season:this-future", "this spring"),
        ),
        ("last winter", "en", None, "past", Resolved(None, "season", "needs-anchor", "last winter")),
    ],
)
def test_a_season_is_read_through_its_lead_and_qualifier(phrase, language, anchor, way, want):
    assert resolve_alone(phrase, anchor, language, way) == want


@pytest.mark.parametrize(
    ("phrase", "language", "anchor", "way", "want"),
    [
        ("this March", "en", dt.date(2024, 1, 5), "past", Resolved("2024-03", "month", "month:this", "this March")),
        ("this March", "en", dt.date(2024, 5, 1), "future", Resolved("2024-03", "month", "month:this", "this March")),
        # "since" looks back even in an article looking ahead
        ("since March", "en", dt.date(2024, 2, 1), "future", Resolved("2023-03", "month", "month:since", "March")),
        # a Spanish lead after the month ("marzo pasado")
        (
            "marzo pasado",
            "es",
            dt.date(2024, 5, 1),
            "future",
            Resolved("2024-03", "month", "month:last", "marzo pasado"),
        ),
        # a qualifier stays out of the core of "March of last year" but in its rule
        (
            "early March of last year",
            "en",
            dt.date(2024, 5, 1),
            "past",
            Resolved("2023-03", "month", "month-of-last-year:early", "March of last year"),
        ),
        # the Spanish year word may stand before or after its lead
        (
            "marzo del año pasado",
            "es",
            dt.date(2024, 5, 1),
            "past",
            Resolved("2023-03", "month", "month-of-last-year", "marzo del año pasado"),
        ),
        (
            "marzo del próximo año",
            "es",
            dt.date(2024, 5, 1),
            "past",
            Resolved("2025-03", "month", "month-of-next-year", "marzo del próximo año"),
        ),
    ],
)
def test_a_month_is_read_through_its_lead_and_qualifier(phrase, language, anchor, way, want):
    assert resolve_alone(phrase, anchor, language, way) == want


# --------------------------------------------------------------------------- spans


def test_a_span_back_runs_from_the_shifted_anchor_up_to_it():
    assert resolve_alone("in the past three months", dt.date(2024, 5, 31), "en") == Resolved(
        "2024-02", "month", "span:past-3-month", "in the past three months", "2024-05"
    )


@pytest.mark.parametrize(
    ("anchor", "want"),
    [
        (None, Resolved(None, "month", "needs-anchor", "over the past three months")),
        (
            dt.date(2024, 5, 31),
            Resolved("2024-02", "month", "span:past-3-month", "over the past three months", "2024-05"),
        ),
    ],
)
def test_the_span_resolver_keeps_the_whole_phrase_as_its_core(anchor, want):
    # called on its own, not through resolve() (which sets the core again for the validator)
    m = _first("span", "It grew over the past three months.")
    assert _resolve_span(m, anchor, lambda: "past", get("en")) == want


# A language's month pattern may take words before the lead (here "in"): the core starts at the lead.
_IN_LAST_MARCH = re.compile(r"(?P<pre>in\s+)(?P<lead>last)\s+(?P<mon>March)")


def test_a_month_core_starts_at_its_lead_not_at_the_match():
    m = _IN_LAST_MARCH.search("It opened in last March.")
    got = _resolve_month(m, dt.date(2024, 5, 1), lambda: "past", get("en"))
    assert got == Resolved("2024-03", "month", "month:last", "last March")


# --------------------------------------------------------------------------- a relative phrase dateparser cannot read


@pytest.mark.parametrize(
    ("phrase", "anchor", "want"),
    [
        # dateparser cannot step past the calendar's ends: the phrase stays in the anchor's period
        ("next year", dt.date(9999, 12, 31), Resolved("9999", "year", "relative:next-year", "next year")),
        ("next month", dt.date(9999, 12, 25), Resolved("9999-12", "month", "relative:next-month", "next month")),
        ("last year", dt.date(1, 1, 3), Resolved("0001", "year", "relative:last-year", "last year")),
    ],
)
def test_a_relative_phrase_dateparser_cannot_read_falls_back_to_the_anchors_period(phrase, anchor, want):
    assert resolve_alone(phrase, anchor, "en") == want


def test_a_relative_phrase_dateparser_reads_is_its_reading():
    # one step in from the edge above dateparser does read it
    assert resolve_alone("next year", dt.date(9998, 12, 31), "en") == Resolved(
        "9999", "year", "relative:next-year", "next year"
    )


# --------------------------------------------------------------------------- a weekday, rule by rule
# Anchor Wednesday 13 March 2024. The resolver is called directly: for Spanish, resolve() puts
# the whole match in place of the core, which would hide the core the resolver gives.
WEDNESDAY_13_MARCH = dt.date(2024, 3, 13)


@pytest.mark.parametrize(
    ("text", "language", "way", "want"),
    [
        # "this": the day of the anchor's week, moved a week on only when it has passed looking ahead
        ("this Monday", "en", "past", ("2024-03-11", "weekday:this-week", "this Monday")),
        ("this Monday", "en", "future", ("2024-03-18", "weekday:this-week-ahead", "this Monday")),
        ("this Wednesday", "en", "future", ("2024-03-13", "weekday:this-week", "this Wednesday")),
        ("this Friday", "en", "future", ("2024-03-15", "weekday:this-week", "this Friday")),
        # a bare weekday: the anchor's own day is "same-day", one day off is not
        ("Wednesday", "en", "future", ("2024-03-13", "weekday:same-day", "Wednesday")),
        ("Thursday", "en", "future", ("2024-03-14", "weekday:future", "Thursday")),
        ("Tuesday", "en", "future", ("2024-03-19", "weekday:future", "Tuesday")),
        ("Wednesday", "en", "past", ("2024-03-13", "weekday:same-day", "Wednesday")),
        ("Tuesday", "en", "past", ("2024-03-12", "weekday:past", "Tuesday")),
        ("Thursday", "en", "past", ("2024-03-07", "weekday:past", "Thursday")),
        # a word before the weekday that is no lead of a direction stays out of the core, and so
        # does the time of day after it
        ("late Monday", "en", "past", ("2024-03-11", "weekday:past", "Monday")),
        ("Monday morning", "en", "past", ("2024-03-11", "weekday:past", "Monday")),
        # a Spanish direction word after the weekday is its lead, whatever the article's direction;
        # the core then runs from the article to the weekday
        ("el miércoles pasado", "es", "past", ("2024-03-06", "weekday:last", "el miércoles")),
        ("el martes pasado", "es", "future", ("2024-03-12", "weekday:last", "el martes")),
        ("el lunes que viene", "es", "past", ("2024-03-18", "weekday:next", "el lunes")),
        # with no article the core starts where the match does
        ("martes pasado", "es", "past", ("2024-03-12", "weekday:last", "martes")),
        # with its day of the month: that day, and the same core
        ("el lunes 11", "es", "past", ("2024-03-11", "weekday-day:past", "lunes")),
    ],
)
def test_a_weekday_gives_its_day_rule_and_core(text, language, way, want):
    m = _first("weekday", text, language)
    got = _resolve_weekday(m, WEDNESDAY_13_MARCH, lambda: way, get(language))
    assert got == Resolved(want[0], "day", want[1], want[2])
