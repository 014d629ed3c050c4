"""Publication-date detection: the year a dateline without one is given, and the months named with a year."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.errors import DataError, Problem
from timeline.languages import get
from timeline.suggest.model import Published
from timeline.suggest.published import (
    _dateline_year,
    _Evidence,
    _has_verb,
    _months_named,
    detect_published,
    explicit_dates,
    given_published,
    parse_published_option,
)

EN = get("en")
ES = get("es")
LIMIT = 200_000  # how far into the text the year and month scans look


def _evidence(date: dt.date, strength: int, kind: str = "url") -> _Evidence:
    return _Evidence(kind, date, date.isoformat(), strength)


# --------------------------------------------------------------------------- a dateline with other evidence


@pytest.mark.parametrize(
    ("month", "mday", "ref", "want"),
    [
        (12, 30, dt.date(2024, 1, 5), dt.date(2023, 12, 30)),  # the year before is nearest
        (6, 9, dt.date(2024, 6, 10), dt.date(2024, 6, 9)),  # the same year
        (1, 2, dt.date(2024, 12, 28), dt.date(2025, 1, 2)),  # the year after is nearest
    ],
)
def test_a_dateline_takes_the_year_nearest_the_other_evidence(month, mday, ref, want):
    got = _dateline_year(month, mday, "No year in this text.", [_evidence(ref, 4)], EN)
    assert got == (want, f"the dateline has no year; {ref.year} from the other evidence")


@pytest.mark.parametrize("order", [1, -1])
def test_a_dateline_takes_its_year_from_the_strongest_other_evidence(order):
    # a weak epoch from 2010 and a labelled stamp from 2024: the stamp decides, in either order
    others = [_evidence(dt.date(2010, 6, 1), 2, "epoch"), _evidence(dt.date(2024, 1, 5), 5, "written-date")][::order]
    got = _dateline_year(12, 30, "In 2010 and 2024.", others, EN)
    assert got == (dt.date(2023, 12, 30), "the dateline has no year; 2024 from the other evidence")


def test_a_dateline_in_december_of_an_article_addressed_in_january_is_the_year_before():
    text = "WASHINGTON, Dec. 30 (AP) - The council met on Tuesday.\n"
    got = detect_published(text, url="https://news.example/2024/01/05/council", language="en")
    assert (got.date, got.kind) == (dt.date(2024, 1, 5), "url")
    assert got.note == 'dateline "Dec. 30" says 2023-12-30'


# --------------------------------------------------------------------------- a dateline alone: the years in the text


def test_a_dateline_in_a_text_with_no_year_has_no_date_and_no_note():
    assert _dateline_year(3, 5, "The council met on Tuesday.", [], EN) == (None, "")


def test_a_dateline_takes_the_latest_year_the_text_mentions():
    got = _dateline_year(3, 5, "In 2019 they spoke; in 2020 they met; in 2018 they parted.", [], EN)
    assert got == (dt.date(2020, 3, 5), "the dateline has no year; 2020 is the latest year in the text")


@pytest.mark.parametrize(
    ("text", "want", "note"),
    [
        # a month named with the latest year, before the dateline's month: the same year
        (
            "In February 2020 they met.",
            dt.date(2020, 3, 5),
            "the dateline has no year; 2020 is the latest year in the text",
        ),
        # the dateline's own month: still the same year
        (
            "In March 2020 they met.",
            dt.date(2020, 3, 5),
            "the dateline has no year; 2020 is the latest year in the text",
        ),
        # a later month: the article is written after it, so the next year
        (
            "In April 2020 they met.",
            dt.date(2021, 3, 5),
            "the dateline has no year; 2021, the first 5/3 after the latest month named (4/2020)",
        ),
    ],
)
def test_a_month_named_after_the_datelines_month_moves_it_to_the_next_year(text, want, note):
    assert _dateline_year(3, 5, text, [], EN) == (want, note)


@pytest.mark.parametrize(
    "text",
    [
        "On 3 December, 2020 they met.",  # day first (the comma keeps it from reading as "December 2020")
        "Filed 03-Dec-2020 by the clerk.",  # a stamp's day-month
    ],
)
def test_a_month_named_day_first_counts(text):
    assert _months_named(text, 2020, EN) == [12]
    assert _dateline_year(3, 5, text, [], EN) == (
        dt.date(2021, 3, 5),
        "the dateline has no year; 2021, the first 5/3 after the latest month named (12/2020)",
    )


def test_the_months_named_are_those_with_the_year_asked():
    text = "On December 3, 2019 and in May 2020 and on 7 June, 2020 and in July 2021."
    # listed pattern by pattern (a Spanish month may be read twice): only which months counts
    assert set(_months_named(text, 2020, EN)) == {5, 6}
    assert set(_months_named("El 3 de diciembre de 2021 y en mayo de 2021.", 2021, ES)) == {5, 12}


def test_a_spanish_dateline_without_a_year_after_december_is_the_next_year():
    text = "MADRID, 7 feb (EFE).- El consejo se reunió. En diciembre de 2021 hubo elecciones.\n"
    got = detect_published(text, language="es")
    assert (got.date, got.kind, got.evidence) == (dt.date(2022, 2, 7), "dateline", "7 feb")
    assert got.note == "the dateline has no year; 2022, the first 7/2 after the latest month named (12/2021)"


# --------------------------------------------------------------------------- the 200,000-character scan


def _with_tail_at(offset: int, tail: str) -> str:
    """A text that mentions 2020 early and has ``tail`` starting at ``offset``."""
    head = "In 2020 the council met."
    return head + " " * (offset - len(head)) + tail


@pytest.mark.parametrize(
    ("offset", "want"),
    [
        (LIMIT - 4, dt.date(2031, 3, 5)),  # "2031" ends at character 200,000: read
        (LIMIT - 3, dt.date(2020, 3, 5)),  # its last digit is past the limit: not a year
    ],
)
def test_a_year_counts_only_within_the_first_200000_characters(offset, want):
    day, _note = _dateline_year(3, 5, _with_tail_at(offset, "2031"), [], EN)
    assert day == want


@pytest.mark.parametrize(
    ("offset", "want"),
    [
        (LIMIT - len("December 2020"), [12]),  # the phrase ends at character 200,000
        (LIMIT - len("December 2020") + 1, []),  # one character past the limit
    ],
)
def test_a_month_counts_only_within_the_first_200000_characters(offset, want):
    text = _with_tail_at(offset, "December 2020")
    assert _months_named(text, 2020, EN) == want
    # so the dateline's year moves on only when the month is read
    day, _note = _dateline_year(3, 5, text, [], EN)
    assert day == (dt.date(2021, 3, 5) if want else dt.date(2020, 3, 5))


# --------------------------------------------------------------------------- --published


@pytest.mark.parametrize(
    ("value", "want"),
    [("2024-02-29", dt.date(2024, 2, 29)), ("  2024-02-28\n", dt.date(2024, 2, 28))],  # spaces round it are dropped
)
def test_a_published_option_is_a_day_written_yyyy_mm_dd(value, want):
    assert parse_published_option(value) == want


@pytest.mark.parametrize(
    "value",
    [
        "2023-02-29",  # the right shape, but no such day
        "2024-2-28",  # the shape is YYYY-MM-DD exactly
        "20240228",  # a form fromisoformat would take
        "x2024-02-28",
        "2024-02-28x",
        "",
    ],
)
def test_a_published_option_that_is_no_date_is_refused_saying_so(value):
    with pytest.raises(DataError) as caught:
        parse_published_option(value)
    assert caught.value.problems == [
        Problem("--published", None, f'"{value}" is not a date YYYY-MM-DD', hint="e.g. --published 2024-02-28")
    ]


@pytest.mark.parametrize(
    "given",
    ["2024-02-28", " 2024-02-28 ", dt.date(2024, 2, 28), dt.datetime(2024, 2, 28, 23, 59)],
)
def test_a_given_publication_date_is_high_confidence(given):
    got = given_published(given)
    assert got == Published(dt.date(2024, 2, 28), "given", "given", "high")
    assert type(got.date) is dt.date  # a datetime is cut to its day


def test_a_given_publication_date_that_is_no_date_is_refused():
    with pytest.raises(DataError) as caught:
        given_published("28/02/2024")
    assert str(caught.value) == '--published: "28/02/2024" is not a date YYYY-MM-DD (hint: e.g. --published 2024-02-28)'


# --------------------------------------------------------------------------- a verb makes a stamp-like line news


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Construction began on March 3, 2022.", True),  # a past verb
        ("The city plans on March 3, 2022 to open the bridge.", True),  # a future one, across a date and "on"
        ("From March 3, 2022 to March 5, 2022 they met.", True),  # two dates cut out, the verb after them kept
        ("Published March 3, 2022", False),  # stamp words that end in -ed are no verbs
        ("Posted on Monday, March 3, 2022 at 10:00", False),
        ("March 3, 2022 - March 5, 2022", False),
    ],
)
def test_a_line_has_a_verb_besides_its_dates_and_stamp_words(line, want):
    assert _has_verb(line, explicit_dates(line, EN), EN) is want


def test_a_yearless_feb_29_dateline_far_from_a_leap_year_is_left_out_not_a_crash():
    from timeline.suggest.published import detect_published

    text = "WASHINGTON, Feb. 29 (AP) - The council met.\n"
    found = detect_published(text, url="https://x.org/2022/03/01/story", language="en")
    assert found.date == dt.date(2022, 3, 1)  # the address's date; the dateline gives none
    leap = detect_published(text, url="https://x.org/2024/03/01/story", language="en")
    assert leap.date == dt.date(2024, 3, 1)
