"""The synthetic generator's building blocks, called directly: date phrases, people, slot values,
slugs, labels and the output-folder marker. A scripted stand-in for random.Random puts each random
draw exactly at the edge of a branch, so the words written on each side of it are pinned."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from timeline import synth


class _Rng:
    """A stand-in for random.Random: ``random()`` returns the given rolls in turn (and fails when
    they run out, so an unexpected draw shows), ``randint``/``randrange`` give their lowest or
    highest value, ``choice`` the item at ``pick``, ``sample`` the first items, and
    ``expovariate`` the value ``expo``."""

    def __init__(self, *rolls: float, high: bool = False, pick: int = 0, expo: float = 0.0):
        self.rolls = list(rolls)
        self.high = high
        self.pick = pick
        self.expo = expo

    def random(self) -> float:
        return self.rolls.pop(0)

    def randint(self, a: int, b: int) -> int:
        return b if self.high else a

    def randrange(self, a: int, b: int) -> int:
        return b - 1 if self.high else a

    def choice(self, seq):
        return seq[self.pick]

    def sample(self, seq, k: int) -> list:
        return list(seq[:k])

    def expovariate(self, lambd: float) -> float:
        return self.expo


def _phrases(rng: _Rng, notable: tuple[dt.date, ...] = ()) -> synth._Phrases:
    """A _Phrases whose draws come from ``rng`` and whose notable days are ``notable``."""
    phrases = synth._Phrases(random.Random(0), 0)
    phrases.rng = rng
    phrases.notable = sorted(notable)
    return phrases


ANCHOR = dt.date(2020, 6, 15)


# --- full dates as reporters write them ------------------------------------------------------


@pytest.mark.parametrize(
    ("roll", "expected"),
    [
        # 70% spelled out, 15% AP style ("Sept."), 15% day first.
        (0.0, "September 5, 2021"),
        (0.6999, "September 5, 2021"),
        (0.7, "Sept. 5, 2021"),
        (0.8499, "Sept. 5, 2021"),
        (0.85, "5 September 2021"),
    ],
)
def test_a_full_date_is_written_in_one_of_three_styles(roll, expected):
    assert synth._ap_day(dt.date(2021, 9, 5), _Rng(roll)) == expected


# --- a day before the anchor -----------------------------------------------------------------


@pytest.mark.parametrize("days", [0, 1])
def test_an_anchor_at_most_one_day_after_the_floor_gives_the_floor_without_a_draw(days):
    floor = dt.date(2010, 3, 1)
    # No rolls: any draw would fail.
    assert synth._past_day(_Rng(), floor + dt.timedelta(days=days), floor) == floor


def test_an_anchor_two_days_after_the_floor_can_give_the_day_between():
    floor = dt.date(2010, 3, 1)
    # A recent gap of one day (exponential draw 0.0, plus one).
    assert synth._past_day(_Rng(0.1, expo=0.0), floor + dt.timedelta(days=2), floor) == dt.date(2010, 3, 2)


@pytest.mark.parametrize(
    ("roll", "expected"),
    [
        # Below 0.7 the gap is recent: the exponential draw 29.5 gives 30 days.
        (0.6999, dt.date(2020, 5, 16)),
        # From 0.7 the gap is uniform over the whole span: its lowest value is one day.
        (0.7, dt.date(2020, 6, 14)),
    ],
)
def test_a_past_day_is_mostly_recent_and_sometimes_anywhere(roll, expected):
    assert synth._past_day(_Rng(roll, expo=29.5), ANCHOR) == expected


def test_a_past_day_never_goes_before_the_floor():
    floor = dt.date(2020, 6, 1)
    assert synth._past_day(_Rng(0.1, expo=500.0), ANCHOR, floor) == floor


# --- fresh phrases of each family ------------------------------------------------------------


@pytest.mark.parametrize(
    ("high", "roll", "expected"),
    [
        # The month is the anchor's or up to nine months earlier; half the time with "in".
        (False, 0.4999, "in June"),
        (False, 0.5, "June"),
        (True, 0.4999, "in September"),
        (True, 0.5, "September"),
    ],
)
def test_a_month_name_is_up_to_nine_months_back(high, roll, expected):
    assert _phrases(_Rng(roll, high=high))._fresh("month_name", ANCHOR) == expected


@pytest.mark.parametrize(("high", "expected"), [(False, "June 13"), (True, "November 28")])
def test_a_month_day_is_two_to_two_hundred_days_back(high, expected):
    # 15 June 2020 minus 200 days is 28 November 2019.
    assert _phrases(_Rng(high=high))._fresh("month_day", ANCHOR) == expected


@pytest.mark.parametrize(("high", "expected"), [(False, "two days ago"), (True, "six days ago")])
def test_days_ago_counts_two_to_six_days(high, expected):
    assert _phrases(_Rng(high=high))._fresh("days_ago", ANCHOR) == expected


@pytest.mark.parametrize(("pick", "expected"), [(0, "two months ago"), (1, "three months ago"), (2, "six months ago")])
def test_months_ago_counts_two_three_or_six_months(pick, expected):
    assert _phrases(_Rng(pick=pick))._fresh("months_ago", ANCHOR) == expected


@pytest.mark.parametrize(("roll", "expected"), [(0.4999, "a year ago"), (0.5, "two years ago")])
def test_years_ago_is_one_or_two_years(roll, expected):
    assert _phrases(_Rng(roll))._fresh("years_ago", ANCHOR) == expected


def test_a_weekday_is_drawn_from_the_seven_days():
    assert _phrases(_Rng(pick=6))._fresh("weekday", ANCHOR) == "Sunday"


# --- notable days ----------------------------------------------------------------------------


def test_a_notable_day_more_than_three_years_back_is_not_chosen():
    # 1,095 days (3 × 365) before the anchor is the oldest notable day that counts.
    oldest = ANCHOR - dt.timedelta(days=1095)
    too_old = ANCHOR - dt.timedelta(days=1096)
    phrases = _phrases(_Rng(0.5999), (too_old, oldest))
    assert phrases._notable_or_past(ANCHOR) == dt.date(2017, 6, 16)


def test_a_notable_day_on_the_anchor_is_not_earlier_so_any_past_day_is_used():
    # Roll 0.1 picks a recent gap: the exponential draw 9.0 gives ten days.
    phrases = _phrases(_Rng(0.1, 0.1, expo=9.0), (ANCHOR,))
    assert phrases._notable_or_past(ANCHOR) == dt.date(2020, 6, 5)


@pytest.mark.parametrize(
    ("roll", "expected"),
    [
        (0.5999, dt.date(2019, 2, 14)),  # the notable day
        (0.6, dt.date(2020, 6, 5)),  # any past day: ten days back
    ],
)
def test_six_in_ten_dates_come_from_the_notable_days(roll, expected):
    phrases = _phrases(_Rng(roll, 0.1, expo=9.0), (dt.date(2019, 2, 14),))
    assert phrases._notable_or_past(ANCHOR) == expected


# --- the words around a phrase ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("roll", "when"),
    [
        (0.0999, "on Tuesday night"),
        (0.1, "on Tuesday"),
        (0.6999, "on Tuesday"),
        (0.7, "Tuesday"),
    ],
)
def test_a_weekday_is_written_on_its_night_with_on_or_bare(roll, when):
    # pick=1: both palette weekdays are Tuesday.
    assert _phrases(_Rng(roll, pick=1)).choose("weekday", ANCHOR) == ("Tuesday", when)


@pytest.mark.parametrize(
    ("roll", "when"),
    [
        (0.4999, "June"),
        (0.5, "in early June"),
    ],
)
def test_a_bare_month_name_is_sometimes_written_in_early(roll, when):
    # Two fresh palette phrases (each rolled 0.5: bare "June"), then the roll for the words.
    assert _phrases(_Rng(0.5, 0.5, roll)).choose("month_name", ANCHOR) == ("June", when)


def test_a_month_name_with_in_is_written_as_it_is():
    # Rolls 0.0: both palette phrases are "in June", and no further roll is drawn.
    assert _phrases(_Rng(0.0, 0.0)).choose("month_name", ANCHOR) == ("in June", "in June")


@pytest.mark.parametrize(
    ("roll", "when"),
    [
        (0.4999, "earlier this month"),
        (0.5, "this month"),
    ],
)
def test_this_month_is_half_the_time_earlier_this_month(roll, when):
    assert _phrases(_Rng(roll)).choose("this_month", ANCHOR) == ("this month", when)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("month_day", ("June 13", "on June 13")),
        ("days_ago", ("two days ago", "two days ago")),
        ("yesterday", ("yesterday", "yesterday")),
        ("last_week", ("last week", "last week")),
        ("weeks_ago", ("two weeks ago", "two weeks ago")),
        ("this_year", ("this year", "earlier this year")),
    ],
)
def test_phrases_of_the_other_families(kind, expected):
    assert _phrases(_Rng()).choose(kind, ANCHOR) == expected


def test_full_date_month_year_and_year_phrases_come_from_a_notable_or_past_day():
    notable = (dt.date(2019, 2, 14),)
    # Roll 0.0 takes the notable day; the next 0.0 writes it spelled out.
    assert _phrases(_Rng(0.0, 0.0), notable).choose("full_date", ANCHOR) == (
        "February 14, 2019",
        "on February 14, 2019",
    )
    assert _phrases(_Rng(0.0), notable).choose("month_year", ANCHOR) == ("February 2019", "in February 2019")
    # "year" draws any past day: a recent gap of ten days keeps 2020.
    assert _phrases(_Rng(0.1, expo=9.0), notable).choose("year", ANCHOR) == ("in 2020", "in 2020")


def test_an_unknown_phrase_family_is_refused_by_name():
    with pytest.raises(ValueError, match=r"^fortnight_ago$"):
        _phrases(_Rng()).choose("fortnight_ago", ANCHOR)


def test_a_seed_gives_the_same_phrases():
    # The phrases of one news day, for seed 7: pinned so that a change to any draw shows.
    # The weekday palette holds two days, so the third weekday repeats one of them.
    phrases = synth._Phrases(random.Random(7), 30)
    kinds = ("weekday", "weekday", "weekday", "month_name", "month_day", "days_ago", "months_ago", "years_ago")
    kinds += ("full_date", "month_year", "year")
    assert [phrases.choose(kind, ANCHOR) for kind in kinds] == [
        ("Monday", "on Monday night"),
        ("Friday", "on Friday night"),
        ("Friday", "on Friday"),
        ("April", "April"),
        ("January 19", "on January 19"),
        ("four days ago", "four days ago"),
        ("six months ago", "six months ago"),
        ("two years ago", "two years ago"),
        ("January 27, 2020", "on January 27, 2020"),
        ("January 2020", "in January 2020"),
        ("in 2012", "in 2012"),
    ]


# --- people ----------------------------------------------------------------------------------

ADMINS = [
    {"country": "US", "start": dt.date(2009, 1, 20), "end": dt.date(2017, 1, 20)},
    {"country": "MX", "start": dt.date(2012, 12, 1), "end": dt.date(2018, 11, 30)},
    {"country": "US", "start": dt.date(2017, 1, 20), "end": None},  # still in office
]


@pytest.mark.parametrize(
    ("country", "day", "role", "name"),
    [
        # On a handover day the earlier term is the one found first.
        ("US", dt.date(2017, 1, 20), "Ambassador", "Raymond Pryor"),
        ("US", dt.date(2017, 1, 21), "Ambassador", "Chloë McAllister"),
        # A term without an end runs through 1 January 2100.
        ("US", dt.date(2100, 1, 1), "Ambassador", "Chloë McAllister"),
        # Outside every term: the country's first cabinet.
        ("US", dt.date(2100, 1, 2), "Ambassador", "Raymond Pryor"),
        ("US", dt.date(2000, 1, 1), "Ambassador", "Raymond Pryor"),
        ("MX", dt.date(2000, 1, 1), "Foreign Minister", "Ximena Ibáñez"),
        ("MX", dt.date(2015, 5, 5), "Security Minister", "Nicolás Treviño"),
    ],
)
def test_the_cabinet_is_the_one_in_office_that_day(country, day, role, name):
    people = synth._People(random.Random(3), ADMINS)
    assert people.cabinet(country, day)[role] == name


# --- slot values -----------------------------------------------------------------------------


def _first_people() -> synth._People:
    """Every official is the first name of the lists: Margaret O’Connor, María Fernanda Ibáñez."""
    return synth._People(_Rng(), ADMINS)


def test_slot_values_with_the_lowest_draws():
    values = synth._values(_Rng(), _first_people(), dt.date(2015, 5, 5))
    assert values == {
        "us": "Homeland Security Secretary Margaret O’Connor",
        "mx": "Foreign Minister María Fernanda Ibáñez",
        "us_name": "Margaret O’Connor",
        "mx_name": "María Fernanda Ibáñez",
        "us_role": "Homeland Security Secretary",
        "mx_role": "Foreign Minister",
        # The short form keeps the last word of the name only.
        "us_short": "Homeland Security Secretary O’Connor",
        "mx_short": "Foreign Minister Ibáñez",
        "us_role_long": "the US homeland security secretary",
        "mx_role_long": "Mexico’s foreign minister",
        "city": "Tijuana",
        "city2": "Ciudad Juárez",
        "capital": "Washington",
        "topic": "border security",
        "topic2": "port-of-entry modernization",
        "us_agency": "Department of Homeland Security",
        "mx_agency": "Secretaría de Relaciones Exteriores",
        "region": "its southern border",
        "port": "Manzanillo",
        "use": "border infrastructure",
        "k": 3,
        "n": "1,000",
    }


def test_slot_numbers_with_the_highest_draws():
    values = synth._values(_Rng(high=True), _first_people(), dt.date(2015, 5, 5))
    assert (values["k"], values["n"]) == (14, "29,500")


def test_spanish_slot_values_follow_the_english_ones():
    values = synth._values(_Rng(), _first_people(), dt.date(2015, 5, 5))
    assert synth._values_es(values, None) == {
        "us_short": "secretaria de Seguridad Nacional O’Connor",
        "mx_short_the": "la canciller Ibáñez",
        "city": "Tijuana",
        "city2": "Ciudad Juárez",
        "capital": "Washington",
        "topic": "seguridad fronteriza",
        "topic_the": "la seguridad fronteriza",
        "topic2_the": "la modernización de puertos de entrada",
        "region": "su frontera sur",
        "port": "Manzanillo",
        "use": "infraestructura fronteriza",
        "k": 3,
        "n": "1,000",
        # An event without an amount has an empty amount slot.
        "amount": "",
    }
    with_amount = synth._values_es(values, (1_500_000_000, "USD", "border infrastructure"))
    assert with_amount["amount"] == "1,500 millones de dólares"


# --- slugs and labels ------------------------------------------------------------------------


PLAN = "Mexico and the United States agree five-point plan on trade"


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # Seven words unless told.
        (PLAN, None, "mexico-and-the-united-states-agree-five"),
        (PLAN, 8, "mexico-and-the-united-states-agree-five-point"),
        # Accents fold to ASCII; other signs split words or vanish.
        ("Ciudad Juárez: Peñaloza’s visit", 4, "ciudad-juarez-penalozas-visit"),
        ("Ciudad Juárez: Peñaloza’s visit", 2, "ciudad-juarez"),
        # Nothing left to slug: a placeholder.
        ("¿¡—!?", None, "item"),
        ("", 3, "item"),
    ],
)
def test_a_slug_is_the_first_words_in_lowercase_ascii(text, words, expected):
    got = synth._slug(text) if words is None else synth._slug(text, words)
    assert got == expected


@pytest.mark.parametrize(
    ("title", "label"),
    [
        # 40 characters fit as they are; 41 are cut at a word boundary, with an ellipsis.
        ("US tightens inspections at Tijuana ports", "US tightens inspections at Tijuana ports"),
        ("US tightens inspections at Tijuana ports.", "US tightens inspections at Tijuana…"),
        # A cut after a comma drops the comma.
        ("Mayors of Tijuana, Mexicali, Reynosa, Nogales and Yuma meet", "Mayors of Tijuana, Mexicali, Reynosa…"),
        ("Mayors of Tijuana and Mexicali meet; Reynosa stays away", "Mayors of Tijuana and Mexicali meet…"),
        # Only punctuation is dropped: the letters of "TX" stay.
        ("Storms close crossings at Laredo, TX and Nuevo Laredo", "Storms close crossings at Laredo, TX…"),
    ],
)
def test_a_label_fits_forty_characters(title, label):
    assert synth._label(title) == label


# --- the output-folder marker ----------------------------------------------------------------


def _marker(folder, text: str):
    folder.mkdir(exist_ok=True)
    (folder / "synth.json").write_text(text, encoding="utf-8")
    return folder


def test_a_folder_with_the_synth_marker_is_a_previous_output(tmp_path):
    assert synth._is_synth_output(_marker(tmp_path / "out", '{"generator": "timeline.synth", "seed": 3}\n'))


@pytest.mark.parametrize(
    "text",
    [
        '{"generator": "someone else"}',
        "{}",
        "[]",  # not an object
        "not json at all",
        "",
    ],
)
def test_a_marker_from_anyone_else_is_not_a_previous_output(tmp_path, text):
    assert not synth._is_synth_output(_marker(tmp_path / "out", text))


def test_a_folder_without_a_marker_is_not_a_previous_output(tmp_path):
    assert not synth._is_synth_output(tmp_path)
    (tmp_path / "synth.json").mkdir()  # a folder by that name is no marker either
    assert not synth._is_synth_output(tmp_path)


def test_a_marker_that_is_a_symlink_is_not_trusted(tmp_path):
    real = _marker(tmp_path / "elsewhere", '{"generator": "timeline.synth"}')
    out = tmp_path / "out"
    out.mkdir()
    (out / "synth.json").symlink_to(real / "synth.json")
    assert not synth._is_synth_output(out)
