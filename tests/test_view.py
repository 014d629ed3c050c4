"""Filters, their URL form, and the prepared frame."""

from __future__ import annotations

import pytest
from conftest import shared
from test_view_frame import small_dataset

from timeline.view import (
    Filters,
    filter_frame,
    filter_rows,
    normalise_years,
    parse_query,
    prepare_frame,
    to_query,
    year_bounds,
)


def test_query_round_trip(shipped):
    filters = Filters(
        us=("us-biden",),
        mx=("mx-lopez-obrador",),
        category=("funding", "agreement"),
        year_from=2018,
        year_to=2022,
        q="smart border",
    )
    state = parse_query(to_query(filters, "smart-border-pledge-2022"), shipped)
    assert state.filters == filters
    assert state.event == "smart-border-pledge-2022"
    assert state.notices == []


def test_unknown_values_are_dropped_with_a_notice(shipped):
    state = parse_query(
        {
            "us": ["us-biden", "us-lincoln"],
            "mx": ["mx-juarez"],
            "category": ["gossip"],
            "from": ["soon"],
            "event": ["nope"],
        },
        shipped,
    )
    assert state.filters.us == ("us-biden",) and state.filters.mx == () and state.filters.category == ()
    assert state.event is None
    assert len(state.notices) == 5


def test_years_are_clamped_and_swapped(shipped):
    lo, hi = year_bounds(shipped)
    state = parse_query({"from": ["2030"], "to": ["1990"]}, shipped)
    assert (state.filters.year_from, state.filters.year_to) == (lo, hi)
    assert any("Swapped" in n for n in state.notices)
    assert normalise_years(state.filters, shipped) == Filters()


def test_filters_match_a_plain_python_reading(shipped):
    frame = prepare_frame(shipped)
    assert list(frame["id"]) == [e.id for e in shipped.events]
    cases = [
        (Filters(us=("us-trump-1",)), lambda e: "us-trump-1" in shipped.us_admins[e.id]),
        (Filters(mx=("mx-pena-nieto",)), lambda e: "mx-pena-nieto" in shipped.mx_admins[e.id]),
        (Filters(category=("diplomacy",)), lambda e: e.category == "diplomacy"),
        (Filters(year_from=2022, year_to=2022), lambda e: e.first_day().year <= 2022 <= e.last_day().year),
        (
            Filters(q="FENTANYL"),
            lambda e: (
                "fentanyl"
                in (
                    e.title + e.summary + " ".join(p.excerpt.quote for p in shipped.passages[e.id]) + " ".join(e.actors)
                ).casefold()
            ),
        ),
        (
            Filters(q="smart border"),
            lambda e: all(
                w
                in (
                    e.title + e.summary + " ".join(p.excerpt.quote for p in shipped.passages[e.id]) + " ".join(e.actors)
                ).casefold()
                for w in ("smart", "border")
            ),
        ),
    ]
    for filters, keep in cases:
        got = list(filter_frame(frame, filters)["id"])
        want = [e.id for e in shipped.events if keep(e)]
        assert got == want, filters
        assert 0 < len(want) < len(shipped.events), filters


def test_filter_rows_are_the_positions_of_the_filtered_frame(shipped):
    frame = prepare_frame(shipped)
    for filters in (
        Filters(),
        Filters(category=("funding",)),
        Filters(q="zzzz"),
        Filters(year_from=2022, year_to=2022),
    ):
        rows = filter_rows(frame, filters)
        assert rows.dtype.kind == "i"
        assert rows.tolist() == filter_frame(frame, filters)["idx"].tolist()
    assert filter_rows(frame, Filters(q="zzzz")).tolist() == []
    assert len(filter_rows(frame, Filters())) == len(shipped.events)


# --- The same functions on the small hand-made dataset of test_view_frame.py: its terms are
# us-first, us-second, mx-first and mx-second, its events run from 2018 to 2024.


@pytest.fixture(scope=shared("module"))
def small():
    return small_dataset()


@pytest.fixture(scope=shared("module"))
def small_frame(small):
    return prepare_frame(small)


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"us": ["us-nobody"]}, 'Ignored unknown US administration "us-nobody" in the link (us=).'),
        # a Mexican term is no US administration, and the other way round
        ({"us": ["mx-first"]}, 'Ignored unknown US administration "mx-first" in the link (us=).'),
        ({"mx": ["mx-nobody"]}, 'Ignored unknown Mexican administration "mx-nobody" in the link (mx=).'),
        ({"mx": ["us-first"]}, 'Ignored unknown Mexican administration "us-first" in the link (mx=).'),
        ({"category": ["gossip"]}, 'Ignored unknown category "gossip" in the link (category=).'),
        ({"from": ["soon"]}, 'Ignored "soon" for from=: give a year such as 2018.'),
        ({"to": ["20x4"]}, 'Ignored "20x4" for to=: give a year such as 2018.'),
        ({"from": ["202"]}, 'Ignored "202" for from=: give a year such as 2018.'),  # three digits
        ({"to": ["20200"]}, 'Ignored "20200" for to=: give a year such as 2018.'),  # five digits
        ({"event": ["nope"]}, 'No event "nope" in this timeline; showing all events.'),
        # the last event named is the one shown
        ({"event": ["nope-a", "grant-announced", "nope-c"]}, 'No event "nope-c" in this timeline; showing all events.'),
        ({"q": ["x" * 201]}, "Shortened the search text to 200 characters."),
        ({"from": ["2023"], "to": ["2019"]}, "Swapped the years: from=2023 is after to=2019."),
    ],
)
def test_a_link_value_that_is_ignored_or_changed_is_told_in_exactly_one_notice(small, params, notice):
    assert parse_query(params, small).notices == [notice]


def test_known_administrations_and_categories_are_kept_once_in_the_order_given(small):
    state = parse_query(
        {
            "us": ["us-second", "us-first", "us-second"],
            "mx": ["mx-second"],
            "category": ["funding", "diplomacy", "funding"],
        },
        small,
    )
    assert state.filters == Filters(us=("us-second", "us-first"), mx=("mx-second",), category=("funding", "diplomacy"))
    assert state.notices == []


@pytest.mark.parametrize(
    ("params", "years"),
    [
        ({"from": ["2017"]}, (2018, None)),  # before the data: its first year
        ({"from": ["2018"]}, (2018, None)),
        ({"from": ["2019"]}, (2019, None)),
        ({"to": ["2023"]}, (None, 2023)),
        ({"to": ["2024"]}, (None, 2024)),
        ({"to": ["2025"]}, (None, 2024)),  # after the data: its last year
        ({"from": ["2020"], "to": ["2020"]}, (2020, 2020)),  # one year: nothing to swap
        ({"from": ["2023"], "to": ["2019"]}, (2019, 2023)),
        ({"from": ["2019", "2020", "2021"]}, (2021, None)),  # the last value counts
        ({"from": ["soon"], "to": ["2020"]}, (None, 2020)),
    ],
)
def test_years_from_a_link_are_clamped_to_the_data_and_put_in_order(small, params, years):
    filters = parse_query(params, small).filters
    assert (filters.year_from, filters.year_to) == years


def test_a_year_range_in_order_gives_no_notice(small):
    assert parse_query({"from": ["2020"], "to": ["2020"]}, small).notices == []
    assert parse_query({"from": ["2019"], "to": ["2023"]}, small).notices == []


@pytest.mark.parametrize(
    ("values", "q", "notices"),
    [
        (["  border ", "wall "], "border  wall", []),  # the values joined by a space, then trimmed
        (["x" * 200], "x" * 200, []),  # 200 characters fit
        (["x" * 199 + "yz"], "x" * 199 + "y", ["Shortened the search text to 200 characters."]),
    ],
)
def test_the_search_text_is_joined_trimmed_and_cut_at_200_characters(small, values, q, notices):
    state = parse_query({"q": values}, small)
    assert state.filters.q == q
    assert state.notices == notices


@pytest.mark.parametrize(
    ("events", "shown"),
    [
        (["grant-announced"], "grant-announced"),
        (["nope-a", "grant-announced", "plan-for-next-year"], "plan-for-next-year"),
        (["grant-announced", "nope-b", "nope-c"], None),
    ],
)
def test_the_last_event_in_the_link_is_selected_if_it_exists(small, events, shown):
    assert parse_query({"event": events}, small).event == shown


def test_a_link_without_parameters_is_the_default_view(small):
    state = parse_query({}, small)
    assert state.filters == Filters()
    assert state.filters.is_default()
    assert state.event is None
    assert state.notices == []


@pytest.mark.parametrize(
    ("filters", "event", "query"),
    [
        (Filters(), None, {}),
        (Filters(), "grant-announced", {"event": ["grant-announced"]}),
        (Filters(us=("us-first", "us-second")), None, {"us": ["us-first", "us-second"]}),
        (Filters(mx=("mx-first",)), None, {"mx": ["mx-first"]}),
        (Filters(category=("funding",)), None, {"category": ["funding"]}),
        (Filters(year_from=2019), None, {"from": ["2019"]}),
        (Filters(year_to=2023), None, {"to": ["2023"]}),
        (Filters(q="border wall"), None, {"q": ["border wall"]}),
        (
            Filters(("us-first",), ("mx-second",), ("funding",), 2019, 2023, "grant"),
            "grant-announced",
            {
                "event": ["grant-announced"],
                "us": ["us-first"],
                "mx": ["mx-second"],
                "category": ["funding"],
                "from": ["2019"],
                "to": ["2023"],
                "q": ["grant"],
            },
        ),
    ],
)
def test_a_link_names_only_what_differs_from_the_default(filters, event, query):
    assert to_query(filters, event) == query


@pytest.mark.parametrize(
    ("filters", "normal"),
    [
        (Filters(year_from=2018, year_to=2024), Filters()),  # the data's own bounds
        (Filters(year_from=2019, year_to=2023), Filters(year_from=2019, year_to=2023)),
        (Filters(year_from=2024, year_to=2018), Filters(year_from=2024, year_to=2018)),
        (Filters(us=("us-first",), year_from=2018, q="grant"), Filters(us=("us-first",), q="grant")),
    ],
)
def test_year_bounds_equal_to_the_data_are_left_out(small, filters, normal):
    assert normalise_years(filters, small) == normal


@pytest.mark.parametrize(
    ("filters", "rows"),
    [
        (Filters(us=("us-first",)), [0]),
        (Filters(us=("us-second",)), [0, 1]),
        (Filters(us=("us-first", "us-second")), [0, 1]),
        (Filters(us=("us-nobody",)), []),  # an unknown term matches nothing
        (Filters(mx=("mx-second",)), [0, 1]),
        (Filters(us=("us-first",), mx=("mx-second",)), [0]),  # every filter must pass
        (Filters(us=("us-first",), category=("funding",)), []),
        (Filters(category=("funding", "context")), [1, 2]),
        (Filters(year_from=2019), [0, 1, 2]),  # the winter talks end in 2019
        (Filters(year_from=2020), [1, 2]),
        (Filters(category=("funding",), year_from=2018), [1]),
        (Filters(year_to=2022), [0, 1]),  # the grant is in 2022
        (Filters(year_to=2021), [0]),
        (Filters(category=("funding",), year_to=2024), [1]),
        (Filters(q="Delegates"), [0]),
        (Filters(q="subvención"), [1]),  # a Spanish word finds the event too
        (Filters(q="grant ports"), [1]),
        (Filters(q="grant winter"), []),  # each word must be found
        (Filters(category=("funding",), q="talks"), []),
        (Filters(q="p.rts"), []),  # words are plain text, not patterns
    ],
)
def test_rows_pass_every_filter(small_frame, filters, rows):
    assert filter_rows(small_frame, filters).tolist() == rows
    assert filter_frame(small_frame, filters)["idx"].tolist() == rows


def test_a_frame_without_administration_bits_matches_no_administration(small_frame):
    frame = small_frame.copy()
    frame.attrs = {}
    assert filter_rows(frame, Filters(us=("us-first",))).tolist() == []
    assert filter_rows(frame, Filters()).tolist() == [0, 1, 2]
