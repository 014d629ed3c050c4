"""Filters, their URL form, and the prepared frame."""

from __future__ import annotations

from timeline.view import Filters, filter_frame, normalise_years, parse_query, prepare_frame, to_query, year_bounds


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
    from timeline.view import filter_rows

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
