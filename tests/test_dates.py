"""Date derivation for every phrase kind the shipped data uses, and the partial-date type."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import (
    PartialDate,
    check_derivation,
    format_partial_date,
    parse_absolute,
    parse_partial_date,
    resolve_phrase,
)

D = dt.date


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected", "period"),
    [
        ("Tuesday", D(2022, 7, 13), "2022-07-12", "day"),  # weekday before a Wednesday anchor
        ("This Wednesday", D(2024, 2, 28), "2024-02-28", "day"),  # 'this' + the anchor's own weekday
        ("this Thursday", D(2024, 2, 28), "2024-02-29", "day"),  # 'this' looks ahead within the week
        ("last month", D(2022, 7, 12), "2022-06", "month"),
        ("this month", D(2024, 2, 28), "2024-02", "month"),
        ("last year", D(2022, 7, 13), "2021", "year"),
        ("this year", D(2024, 2, 28), "2024", "year"),
        ("June", D(2022, 7, 13), "2022-06", "month"),  # a bare month is the latest one before
        ("April", D(2022, 7, 12), "2022-04", "month"),
        ("January", D(2024, 2, 28), "2024-01", "month"),
        ("December", D(2024, 2, 28), "2023-12", "month"),  # December in a February article: last year
        ("November", D(2018, 12, 13), "2018-11", "month"),
        ("July 12, 2022", D(2022, 7, 13), "2022-07-12", "day"),
        ("2024", D(2024, 2, 28), "2024", "year"),
    ],
)
def test_resolve_phrase_kinds(phrase, anchor, expected, period):
    res = resolve_phrase(phrase, anchor)
    assert res is not None
    assert res.period == period
    derivation, message = check_derivation(parse_partial_date(expected), phrase, anchor, has_note=False)
    assert message is None
    assert derivation.status == "auto"
    assert str(derivation.resolved).startswith(expected)


TESTED_PHRASES = {
    "tuesday",
    "this wednesday",
    "this thursday",
    "last month",
    "this month",
    "last year",
    "this year",
    "june",
    "april",
    "january",
    "december",
    "november",
    "july 12, 2022",
    "2024",
    "this week",
}


def test_every_automatic_phrase_kind_in_the_shipped_data_is_tested_here(shipped):
    used = {e.date_evidence.phrase.lower() for e in shipped.events if shipped.derivations[e.id].status == "auto"}
    assert used - TESTED_PHRASES == set(), "add the new phrase kind to test_resolve_phrase_kinds"


def test_week_phrase_supports_a_month_but_not_a_day():
    anchor = D(2018, 12, 13)
    assert check_derivation(PartialDate(2018, 12), "this week", anchor, False)[0].status == "auto"
    derivation, message = check_derivation(PartialDate(2018, 12, 12), "this week", anchor, False)
    assert derivation is None and "gives only a week" in message


@pytest.mark.parametrize("phrase", ["in the last seven months", "this fall", "months ago", "January of last year"])
def test_phrases_dateparser_cannot_read_need_a_note(phrase):
    anchor = D(2018, 12, 13)
    assert resolve_phrase(phrase, anchor) is None
    derivation, message = check_derivation(PartialDate(2018, 7, 1), phrase, anchor, has_note=False)
    assert derivation is None and "cannot resolve" in message
    derivation, message = check_derivation(PartialDate(2018, 7, 1), phrase, anchor, has_note=True)
    assert derivation.status == "manual" and message is None


def test_same_weekday_as_anchor_is_read_as_the_week_before():
    # A bare "Tuesday" in a Tuesday article means the week before to dateparser: such a
    # date needs a note (the validator reports it rather than accepting it).
    derivation, message = check_derivation(PartialDate(2022, 7, 12), "Tuesday", D(2022, 7, 12), has_note=False)
    assert derivation is None and "to 2022-07-05, not 2022-07-12" in message


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2024-02-28 23:10:56", dt.datetime(2024, 2, 28, 23, 10, 56)),
        ("1709165832", dt.datetime(2024, 2, 29, 0, 17, 12)),  # epoch seconds are UTC
        ("20130725", dt.datetime(2013, 7, 25)),
        ("2018/12/13", dt.datetime(2018, 12, 13)),
        ("Thu, Mar 28, 2024", dt.datetime(2024, 3, 28)),
    ],
)
def test_parse_absolute_stamps(stamp, expected):
    assert parse_absolute(stamp) == expected


def test_epoch_is_utc_whatever_the_machine_zone(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/Mexico_City")
    time.tzset()
    try:
        parse_absolute.cache_clear()
        assert parse_absolute("1709165832") == dt.datetime(2024, 2, 29, 0, 17, 12)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
        parse_absolute.cache_clear()


@pytest.mark.parametrize(
    ("text", "precision", "label", "first", "last"),
    [
        ("2013", "year", "2013", D(2013, 1, 1), D(2013, 12, 31)),
        ("2024-02", "month", "Feb 2024", D(2024, 2, 1), D(2024, 2, 29)),
        ("2013-07-23", "day", "Jul 23, 2013", D(2013, 7, 23), D(2013, 7, 23)),
        (2021, "year", "2021", D(2021, 1, 1), D(2021, 12, 31)),
    ],
)
def test_partial_dates(text, precision, label, first, last):
    date = parse_partial_date(text)
    assert date.precision == precision
    assert format_partial_date(date) == label
    assert (date.first_day(), date.last_day()) == (first, last)
    assert str(date) == str(text)


@pytest.mark.parametrize("bad", ["2013-7", "13-07-2013", "2013-02-30", "July 2013", "", None, True, "2013-13"])
def test_bad_partial_dates(bad):
    with pytest.raises(ValueError):
        parse_partial_date(bad)
