"""Publication-date detection: the year a dateline without one is given, and the months named with a year."""

from __future__ import annotations

import datetime as dt
import re
import time
from types import SimpleNamespace

import pytest

from timeline.errors import DataError, Problem
from timeline.languages import get
from timeline.suggest.model import Published
from timeline.suggest.published import (
    _dateline_year,
    _Evidence,
    _has_verb,
    _months_named,
    _residual_words,
    detect_published,
    explicit_dates,
    given_published,
    is_stamp_line,
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


# --------------------------------------------------------------------------- words besides the dates


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # two dates cut out back to front, so the first cut does not shift the second
        ("March 3, 2022 - March 5, 2022", 0),
        ("March 3, 2022 10:00 EST", 0),  # a time and a zone are no words
        ("March 3, 2022 at 9 pm GMT", 0),
        ("March 3, 2022 10:00 EST city hall", 2),
    ],
)
def test_a_stamp_lines_residual_words_leave_out_dates_times_and_zones(line, want):
    assert _residual_words(line, explicit_dates(line, EN), EN) == want


# --------------------------------------------------------------------------- stamp lines


def _en(text: str, url: str | None = None) -> Published:
    return detect_published(text, url=url, language="en")


@pytest.mark.parametrize(
    ("length", "want"),
    [
        (200, dt.date(2024, 3, 3)),  # a line of 200 characters is read
        (201, None),  # a longer one is prose, not a stamp
    ],
)
def test_a_stamp_line_is_at_most_200_characters(length, want):
    line = "Published March 3, 2024 "
    assert _en(line + "-" * (length - len(line))).date == want


def test_the_date_and_its_place_in_the_text_are_those_of_the_stamp():
    got = _en("Headline here\nPublished March 3, 2024\n")
    assert got == Published(dt.date(2024, 3, 3), "March 3, 2024", "written-date", "high", 24, 37, "", ((24, 37),))


def test_a_labelled_iso_stamp_is_an_iso_stamp():
    got = _en("Published: 2024-03-03\n")
    assert (got.date, got.kind, got.confidence) == (dt.date(2024, 3, 3), "iso-stamp", "high")


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # "for", "the", "Riverside", "County", "Water", "Board": six words beside the label
        ("Published for the Riverside County Water Board March 3, 2024", dt.date(2024, 3, 3)),
        ("Published for the Riverside County Water Board Annual March 3, 2024", None),  # seven
    ],
)
def test_a_labelled_stamp_holds_at_most_six_other_words(line, want):
    assert _en(line + "\n").date == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("By Jane Doe and Sam Roe of the City Desk staff team here March 3, 2024", dt.date(2024, 3, 3)),  # 12 words
        ("By Jane Doe and Sam Roe of the City Desk staff team here today March 3, 2024", None),  # 13
    ],
)
def test_a_byline_holds_at_most_twelve_other_words(line, want):
    got = _en(line + "\n")
    assert (got.date, got.kind) == (want, "byline" if want else "none")


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("March 3, 2024 city hall", dt.date(2024, 3, 3)),  # two words beside an unlabelled date: a stamp
        ("March 3, 2024 city hall notice", None),  # three: prose
        ("Rain fell across the city March 3, 2024.", None),  # a date in a sentence is not the article's
    ],
)
def test_an_unlabelled_stamp_line_holds_at_most_two_other_words(line, want):
    assert _en(line + "\n").date == want


def _prose(lines: int) -> str:
    return "The council met.\n" * lines


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (_prose(11) + "2024-03-03\n", "high"),  # the 12th line is near the top
        (_prose(12) + "2024-03-03\n", "medium"),  # the 13th is not
        ("x" * 1998 + "\n2024-03-03\n", "high"),  # starting at character 1,999
        ("x" * 1999 + "\n2024-03-03\n", "medium"),  # starting at character 2,000
        ("March 3, 2024\n", "medium"),  # a written date at the top is weaker than an ISO stamp
    ],
)
def test_an_unlabelled_stamp_near_the_top_is_stronger(text, want):
    got = _en(text)
    assert (got.date, got.confidence) == (dt.date(2024, 3, 3), want)


def test_a_dated_dateline_beats_a_byline_and_a_labelled_stamp_of_equal_strength():
    text = "WASHINGTON, March 3, 2024 (AP) - The council met.\nBy Jane Doe March 5, 2024\nPublished March 7, 2024\n"
    got = _en(text)
    assert (got.date, got.kind, got.confidence) == (dt.date(2024, 3, 3), "dateline", "medium")
    assert got.note == 'byline "March 5, 2024" says 2024-03-05; written-date "March 7, 2024" says 2024-03-07'


def test_a_labelled_stamp_beats_the_address():
    got = _en("Published March 5, 2024\n", url="https://x.org/2024/03/01/story")
    assert (got.date, got.kind, got.confidence) == (dt.date(2024, 3, 5), "written-date", "medium")
    assert got.note == 'url "2024/03/01" says 2024-03-01'


def test_the_address_beats_an_iso_stamp_at_the_top():
    got = _en("2024-03-05\n", url="https://x.org/2024/03/01/story")
    assert (got.date, got.kind, got.confidence) == (dt.date(2024, 3, 1), "url", "medium")
    assert got.note == 'iso-stamp "2024-03-05" says 2024-03-05'


def test_a_weak_stamp_far_down_does_not_lower_the_confidence():
    got = _en(_prose(12) + "March 20, 2024\n", url="https://x.org/2024/03/10/story")
    assert (got.date, got.kind, got.confidence, got.note) == (dt.date(2024, 3, 10), "url", "high", "")


def test_an_epoch_line_does_not_end_the_scan():
    got = _en("ts: 1709200000\nPublished March 1, 2024\n")
    assert (got.date, got.kind, got.confidence) == (dt.date(2024, 3, 1), "written-date", "high")
    assert got.note == 'epoch "1709200000" (2024-02-29) agrees (epoch 1709200000 = 2024-02-29 09:46:40 UTC)'


# --------------------------------------------------------------------------- epoch stamps

NEAR_MIDNIGHT = "; within three hours of midnight UTC, so the publisher's own date may differ by a day"


@pytest.mark.parametrize(
    ("stamp", "date", "confidence", "note"),
    [
        ("1709200000", dt.date(2024, 2, 29), "medium", "epoch 1709200000 = 2024-02-29 09:46:40 UTC"),
        # milliseconds
        ("1709200000000", dt.date(2024, 2, 29), "medium", "epoch 1709200000000 = 2024-02-29 09:46:40 UTC"),
        # the hours round midnight UTC, at their edges
        ("1709175599", dt.date(2024, 2, 29), "low", "epoch 1709175599 = 2024-02-29 02:59:59 UTC" + NEAR_MIDNIGHT),
        ("1709175600", dt.date(2024, 2, 29), "medium", "epoch 1709175600 = 2024-02-29 03:00:00 UTC"),
        ("1709240399", dt.date(2024, 2, 29), "medium", "epoch 1709240399 = 2024-02-29 20:59:59 UTC"),
        ("1709240400", dt.date(2024, 2, 29), "low", "epoch 1709240400 = 2024-02-29 21:00:00 UTC" + NEAR_MIDNIGHT),
        # the range read: 2000-01-01 included, 2100-01-01 not
        ("946684800", None, "low", ""),  # nine digits: no epoch
        ("0946684800", dt.date(2000, 1, 1), "low", "epoch 0946684800 = 2000-01-01 00:00:00 UTC" + NEAR_MIDNIGHT),
        ("0946684799", None, "low", ""),
        ("4102444799", dt.date(2099, 12, 31), "low", "epoch 4102444799 = 2099-12-31 23:59:59 UTC" + NEAR_MIDNIGHT),
        ("4102444800", None, "low", ""),
    ],
)
def test_an_epoch_stamp_is_read_in_utc(stamp, date, confidence, note):
    got = _en(f"Headline\nts: {stamp}\n")
    assert (got.date, got.confidence) == (date, confidence)
    if date is not None:
        assert (got.evidence, got.kind, got.note) == (stamp, "epoch", note)
        assert (got.start, got.end) == (13, 13 + len(stamp))


@pytest.fixture
def new_york_clock(monkeypatch):
    """The machine's clock set five hours behind UTC."""
    monkeypatch.setenv("TZ", "EST+05")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_an_epoch_stamp_is_read_in_utc_whatever_the_machines_zone(new_york_clock):
    assert time.localtime(1709165832).tm_mday == 28  # the machine's own day is still the 28th
    got = _en("ts: 1709165832\n")
    assert got.date == dt.date(2024, 2, 29)
    assert got.note == "epoch 1709165832 = 2024-02-29 00:17:12 UTC" + NEAR_MIDNIGHT


def test_an_epoch_far_from_the_address_does_not_lower_the_confidence():
    got = _en("ts: 1709200000\n", url="https://x.org/2024/03/10/story")
    assert (got.date, got.kind, got.confidence, got.note) == (dt.date(2024, 3, 10), "url", "high", "")


@pytest.mark.parametrize(
    ("stamp", "confidence", "note"),
    [
        # 4 March 12:00 UTC, a day after the written date: it agrees
        (
            "1709553600",
            "high",
            'epoch "1709553600" (2024-03-04) agrees (epoch 1709553600 = 2024-03-04 12:00:00 UTC)',
        ),
        ("1709640000", "medium", ""),  # 5 March: two days after, and too weak to disagree
    ],
)
def test_an_epoch_within_a_day_of_a_written_date_raises_the_confidence(stamp, confidence, note):
    got = _en(f"March 3, 2024\nts: {stamp}\n")
    assert (got.date, got.kind, got.confidence, got.note) == (dt.date(2024, 3, 3), "written-date", confidence, note)


def test_two_agreeing_epochs_near_midnight_are_medium_confidence():
    got = _en("ts: 1709165832\nid: 1709166000\n")
    assert (got.date, got.evidence, got.confidence) == (dt.date(2024, 2, 29), "1709165832", "medium")
    assert got.note == (
        "epoch 1709165832 = 2024-02-29 00:17:12 UTC" + NEAR_MIDNIGHT + '; epoch "1709166000" (2024-02-29) agrees '
        "(epoch 1709166000 = 2024-02-29 00:20:00 UTC" + NEAR_MIDNIGHT + ")"
    )
    assert got.spans == ((4, 14), (19, 29))


# --------------------------------------------------------------------------- agreeing and disagreeing evidence


@pytest.mark.parametrize(
    ("url", "confidence", "note"),
    [
        ("https://x.org/2024/03/03/story", "high", 'url "2024/03/03" (2024-03-03) agrees'),
        ("https://x.org/2024/03/04/story", "high", 'url "2024/03/04" (2024-03-04) agrees'),  # a day apart
        ("https://x.org/2024/03/05/story", "medium", 'url "2024/03/05" says 2024-03-05'),  # two days: disagrees
    ],
)
def test_a_strong_stamp_and_the_address_agree_within_a_day(url, confidence, note):
    got = _en("Published March 3, 2024\n", url=url)
    assert (got.date, got.kind, got.confidence, got.note) == (dt.date(2024, 3, 3), "written-date", confidence, note)
    assert got.spans == ((10, 23),)  # the address is not in the text


def test_two_stamps_that_disagree_make_the_confidence_low():
    got = _en("March 3, 2024\nMarch 20, 2024\n")
    assert (got.date, got.confidence) == (dt.date(2024, 3, 3), "low")
    assert got.note == 'written-date "March 20, 2024" says 2024-03-20'


def test_the_notes_are_joined_with_semicolons():
    got = _en("Published March 3, 2024\nUpdated March 9, 2024\n", url="https://x.org/2024/03/04/story")
    assert got.note == (
        'ignored page stamp "Updated March 9, 2024" (not the publication date); url "2024/03/04" (2024-03-04) agrees'
    )


# --------------------------------------------------------------------------- the address


@pytest.mark.parametrize(
    ("length", "want"),
    [
        (2000, dt.date(2024, 3, 5)),  # the date ends at character 2,000: read
        (2001, None),  # its last digit is past the first 2,000 characters
    ],
)
def test_a_date_counts_only_within_the_first_2000_characters_of_the_address(length, want):
    url = "https://x.org/" + "a" * (length - 25) + "/2024/03/05"
    assert len(url) == length
    assert _en("The council met.\n", url=url).date == want


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("length", "kind"),
    [
        (200_000, "dateline"),  # its dash is character 200,000: a dateline
        (200_001, "written-date"),  # past it: only a weak stamp line
    ],
)
def test_a_dateline_counts_only_within_the_first_200000_characters(length, kind):
    line = "WASHINGTON, March 3, 2024 -"
    text = "x" * (length - len(line) - 1) + "\n" + line
    assert len(text) == length
    got = _en(text)
    assert (got.date, got.kind) == (dt.date(2024, 3, 3), kind)


def test_a_dated_dateline_alone_is_high_confidence_with_no_note():
    got = _en("WASHINGTON, March 3, 2024 (AP) - The council met.\n")
    assert got == Published(dt.date(2024, 3, 3), "March 3, 2024", "dateline", "high", 12, 25, "", ((12, 25),))


def test_a_date_with_no_place_or_agency_is_no_dateline_but_a_later_one_is():
    got = _en("March 5 - the list begins\nWASHINGTON, March 3, 2024 (AP) - The council met.\n")
    assert (got.date, got.kind, got.evidence) == (dt.date(2024, 3, 3), "dateline", "March 3, 2024")


def test_a_spanish_dateline_day_may_be_written_primero():
    got = detect_published("MADRID, primero de marzo (EFE).- El consejo se reunió en 2024.\n", language="es")
    assert (got.date, got.kind, got.evidence) == (dt.date(2024, 3, 1), "dateline", "primero de marzo")
    assert got.note == "the dateline has no year; 2024 is the latest year in the text"


def test_a_yearless_dateline_with_a_weak_epoch_beside_it_is_medium_confidence():
    # the epoch gives the year but, three days off and weak, neither agrees nor disagrees
    got = _en("WASHINGTON, March 3 (AP) - The council met.\nts: 1709200000\n")
    assert (got.date, got.kind, got.confidence) == (dt.date(2024, 3, 3), "dateline", "medium")
    assert got.note == "the dateline has no year; 2024 from the other evidence"


def test_a_yearless_feb_29_dateline_beside_no_leap_year_has_no_date_and_no_note():
    assert _dateline_year(2, 29, "No year.", [_evidence(dt.date(2022, 3, 1), 4)], EN) == (None, "")


# --------------------------------------------------------------------------- is_stamp_line


@pytest.mark.parametrize(
    ("length", "want"),
    [
        (159, True),
        (160, True),  # a line of 160 characters can be a stamp
        (161, False),  # a longer one is prose, however it starts
    ],
)
def test_a_stamp_line_is_at_most_160_characters(length, want):
    line = "Published March 3, 2024"
    assert is_stamp_line(line + "." * (length - len(line))) is want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("March 3, 2024", True),
        ("March 3, 2024 city", True),
        ("March 3, 2024 city hall", True),  # two words beside the date: still a stamp
        ("March 3, 2024 city hall notice", False),  # three: a line of prose
        ("Rain fell March 3, 2024", False),  # a verb: news
        ("The city hall", False),  # no date: no stamp
    ],
)
def test_an_unlabelled_line_is_a_stamp_with_at_most_two_words_beside_its_date(line, want):
    assert is_stamp_line(line) is want


def test_a_line_starting_with_a_stamp_word_is_a_stamp_whatever_follows():
    assert is_stamp_line("Updated March 3, 2024 after the council voted on the bridge budget") is True


def test_a_spanish_stamp_line_is_read_in_spanish():
    assert is_stamp_line("Actualizado: 12 de julio de 2022", "es") is True
    assert is_stamp_line("La planta cerró el 12 de julio de 2022.", "es") is False


# --------------------------------------------------------------------------- explicit_dates


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("March 3, 2024", [(0, 13, "March 3, 2024", "written")]),
        ("On 3 March 2024 at noon", [(3, 15, "3 March 2024", "written")]),
        ("03/03/2024", [(0, 10, "03/03/2024", "written")]),  # numeric dates are written ones too
        ("2024-03-03", [(0, 10, "2024-03-03", "iso")]),
        ("On March 3 they met", []),  # no year: not an explicit date
        ("2024-03-03 and March 4, 2024", [(0, 10, "2024-03-03", "iso"), (15, 28, "March 4, 2024", "written")]),
        # a numeric date and an ISO one sharing "2024": the earlier is kept, the overlapping one dropped
        ("3/3/2024-03-05", [(0, 8, "3/3/2024", "written")]),
    ],
)
def test_explicit_dates_are_the_written_and_iso_dates_with_a_year(line, want):
    assert explicit_dates(line, EN) == want


def _stub_language(*patterns: tuple[str, str]) -> SimpleNamespace:
    """A language with only these patterns, for the overlap rules alone; "near-day" is not an
    explicit kind, the others are."""
    return SimpleNamespace(
        patterns=[(kind, re.compile(pattern)) for kind, pattern in patterns],
        explicit_kinds=frozenset({"iso", "numeric", "month-day"}),
    )


def test_a_pattern_of_another_kind_listed_first_does_not_stop_the_explicit_ones():
    lang = _stub_language(("near-day", r"(?P<y>today)"), ("iso", r"(?P<y>\d{4})-\d\d-\d\d"))
    assert explicit_dates("today 2024-03-03", lang) == [(6, 16, "2024-03-03", "iso")]


@pytest.mark.parametrize("order", [1, -1])
def test_of_two_dates_starting_together_the_longer_is_kept(order):
    # "2024-03" (a short pattern) and "2024-03-03" start at the same place, listed either way round
    patterns = [("numeric", r"(?P<y>\d{4})-\d\d"), ("iso", r"(?P<y>\d{4})-\d\d-\d\d")][::order]
    assert explicit_dates("On 2024-03-03.", _stub_language(*patterns)) == [(3, 13, "2024-03-03", "iso")]


def test_a_date_inside_a_longer_one_is_dropped():
    # "March 3, 2024" lies inside "Sunday, March 3, 2024 10:00", found first by another pattern
    lang = _stub_language(
        ("numeric", r"(?P<y>March 3, 2024)"),
        ("month-day", r"Sunday, (?P<y>March 3, 2024) 10:00"),
    )
    assert explicit_dates("Sunday, March 3, 2024 10:00", lang) == [(0, 27, "Sunday, March 3, 2024 10:00", "written")]


def test_two_dates_side_by_side_are_both_kept():
    # the second starts exactly where the first ends
    lang = _stub_language(("iso", r"(?P<y>\d{4})-\d\d-\d\d"))
    assert explicit_dates("2024-03-032024-03-04", lang) == [
        (0, 10, "2024-03-03", "iso"),
        (10, 20, "2024-03-04", "iso"),
    ]
