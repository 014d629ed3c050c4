"""The prepared event frame, cell by cell, on a small hand-made dataset whose every value is known.

The dataset is built in memory (not loaded from files) so that each case the frame handles is
present: a ranged month event that is a headline and spans two US and two MX terms, a day
event, a planned year event with no passages and no administrations.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from conftest import shared

from timeline.models import Administration, Event, Source
from timeline.validate import Dataset, Passage
from timeline.view import Filters, _midpoint, column, date_label, filter_rows, prepare_frame


def _admin(admin_id: str, country: str, name: str, name_es: str, start: str, end: str | None) -> Administration:
    # Spanish names differ from the English ones so a column filled in the wrong language shows.
    return Administration.model_validate(
        {
            "id": admin_id,
            "country": country,
            "name": name,
            "party": "Example",
            "start": start,
            "end": end,
            "translations": {"es": {"name": name_es}},
        }
    )


def _source(source_id: str, outlet: str) -> Source:
    return Source.model_validate(
        {
            "id": source_id,
            "file": f"{source_id}.txt",
            "title": "A title",
            "outlet": outlet,
            "url": f"https://example.org/{source_id}",
            "published": {"date": "2024-03-01", "found_in": "url"},
        }
    )


def _event(**fields) -> Event:
    base = {
        "actors": ["Officials"],
        "date_evidence": {"source": "daily-one", "phrase": "today", "anchor": "2024-03-01"},
        "excerpts": [{"source": "daily-one", "quote": "something happened"}],
    }
    return Event.model_validate({**base, **fields})


ADMINISTRATIONS = [  # their order gives the mask bits: 1, 2, 4, 8
    _admin("us-first", "US", "Ann First", "Ana Primera", "2017-01-20", "2019-01-20"),
    _admin("us-second", "US", "Bob Second", "Beto Segundo", "2019-01-20", None),
    _admin("mx-first", "MX", "Carla First", "Carla Primera", "2012-12-01", "2018-11-30"),
    _admin("mx-second", "MX", "Dario Second", "Darío Segundo", "2018-12-01", None),
]
# Two sources from the same outlet: the outlet is named once.
SOURCES = {
    s.id: s
    for s in (
        _source("daily-one", "Daily Example"),
        _source("daily-two", "Daily Example"),
        _source("evening", "Evening Sample"),
    )
}
WINTER_TALKS = _event(
    id="talks-run-over-winter",
    title="Talks run over the winter",
    headline=True,
    label="Winter talks",
    summary="Delegates keep meeting.",
    category="diplomacy",
    actors=["Delegates", "Envoys"],
    date="2018-11",
    end="2019-01",
    excerpts=[
        {"source": "daily-one", "quote": "delegates met again"},
        {"source": "daily-two", "quote": "envoys kept talking"},
        {"source": "evening", "quote": "talks went on"},
    ],
    translations={
        "es": {
            "title": "Las conversaciones siguen en invierno",
            "label": "Diálogo invernal",
            "summary": "Los delegados siguen reuniéndose.",
        }
    },
)
GRANT = _event(
    id="grant-announced",
    title="Grant announced",
    summary="A grant for ports.",
    category="funding",
    date="2022-07-12",
    excerpts=[{"source": "evening", "quote": "a grant was announced"}],
    translations={"es": {"title": "Anuncian una subvención", "summary": "Una subvención para puertos."}},
)
PLAN = _event(
    id="plan-for-next-year",
    title="Plan for next year",
    status="planned",
    summary="Work will start.",
    category="context",
    date="2024",
    translations={"es": {"title": "Plan para el próximo año", "summary": "El trabajo empezará."}},
)


def small_dataset(events: list | None = None) -> Dataset:
    """The three events above (or ``events``) with their terms and passages; it spans 2018 to 2024."""
    events = [WINTER_TALKS, GRANT, PLAN] if events is None else events
    passages = {
        "talks-run-over-winter": [Passage(x, 0, len(x.quote)) for x in WINTER_TALKS.excerpts],
        "grant-announced": [Passage(GRANT.excerpts[0], 0, len(GRANT.excerpts[0].quote))],
    }  # the planned event has no entry at all: no passages, no terms
    us = {"talks-run-over-winter": ["us-first", "us-second"], "grant-announced": ["us-second"]}
    mx = {"talks-run-over-winter": ["mx-first", "mx-second"], "grant-announced": ["mx-second"]}
    return Dataset(Path("data"), Path("seeds"), SOURCES, ADMINISTRATIONS, events, {}, {}, passages, us, mx, {})


@pytest.fixture(scope=shared("module"))
def frame() -> pd.DataFrame:
    return prepare_frame(small_dataset())


def test_the_frame_has_these_columns_in_this_order(frame):
    assert list(frame.columns) == [
        "idx",
        "id",
        "category",
        "precision",
        "date",
        "x",
        "first",
        "last",
        "span_end",
        "year_first",
        "year_last",
        "us_mask",
        "mx_mask",
        "sources",
        "search",
        "headline",
        "planned",
        "title",
        "label",
        "date_label",
        "us",
        "mx",
        "title_es",
        "label_es",
        "date_label_es",
        "us_es",
        "mx_es",
        "x_ms",
        "end_ms",
    ]


def test_the_row_positions_are_32_bit_integers_in_event_order(frame):
    assert str(frame["idx"].dtype) == "int32"
    assert frame["idx"].tolist() == [0, 1, 2]
    assert frame["id"].tolist() == ["talks-run-over-winter", "grant-announced", "plan-for-next-year"]


def test_each_administration_gets_its_own_bit_in_the_order_of_the_data(frame):
    assert frame.attrs["admin_bit"] == {"us-first": 1, "us-second": 2, "mx-first": 4, "mx-second": 8}


# Expected cells, written out by hand: Timestamps are midnight unless the middle of a period
# falls at noon (November 2018 has 30 days: the 1st plus 14.5 days; 2024 has 366).
ROWS = {
    "talks-run-over-winter": {
        "category": "diplomacy",
        "precision": "month",
        "date": "2018-11",
        "x": pd.Timestamp("2018-11-15 12:00"),
        "first": pd.Timestamp("2018-11-01"),
        "last": pd.Timestamp("2019-01-31"),
        "span_end": pd.Timestamp("2019-01-31"),
        "year_first": 2018,
        "year_last": 2019,
        "us_mask": 3,
        "mx_mask": 12,
        "sources": "Daily Example; Evening Sample",
        "search": "talks run over the winter winter talks delegates keep meeting. "
        "las conversaciones siguen en invierno diálogo invernal los delegados siguen reuniéndose. "
        "delegates met again envoys kept talking talks went on delegates envoys",
        "headline": True,
        "planned": False,
        "title": "Talks run over the winter",
        "label": "Winter talks",
        "date_label": "Nov 2018 – Jan 2019",
        "us": "Ann First, Bob Second",
        "mx": "Carla First, Dario Second",
        "title_es": "Las conversaciones siguen en invierno",
        "label_es": "Diálogo invernal",
        "date_label_es": "nov 2018 – ene 2019",
        "us_es": "Ana Primera, Beto Segundo",
        "mx_es": "Carla Primera, Darío Segundo",
        "x_ms": 1542283200000.0,  # 2018-11-15T12:00Z
        "end_ms": 1548892800000.0,  # 2019-01-31T00:00Z
    },
    "grant-announced": {
        "category": "funding",
        "precision": "day",
        "date": "2022-07-12",
        "x": pd.Timestamp("2022-07-12"),
        "first": pd.Timestamp("2022-07-12"),
        "last": pd.Timestamp("2022-07-12"),
        "span_end": pd.NaT,
        "year_first": 2022,
        "year_last": 2022,
        "us_mask": 2,
        "mx_mask": 8,
        "sources": "Evening Sample",
        "search": "grant announced a grant for ports. anuncian una subvención una subvención para puertos. "
        "a grant was announced officials",
        "headline": False,
        "planned": False,
        "title": "Grant announced",
        "label": "",
        "date_label": "Jul 12, 2022",
        "us": "Bob Second",
        "mx": "Dario Second",
        "title_es": "Anuncian una subvención",
        "label_es": "",
        "date_label_es": "12 jul 2022",
        "us_es": "Beto Segundo",
        "mx_es": "Darío Segundo",
        "x_ms": 1657584000000.0,  # 2022-07-12T00:00Z
        "end_ms": math.nan,
    },
    "plan-for-next-year": {
        "category": "context",
        "precision": "year",
        "date": "2024",
        "x": pd.Timestamp("2024-07-01 12:00"),
        "first": pd.Timestamp("2024-01-01"),
        "last": pd.Timestamp("2024-12-31"),
        "span_end": pd.NaT,
        "year_first": 2024,
        "year_last": 2024,
        "us_mask": 0,
        "mx_mask": 0,
        "sources": "Daily Example",
        # no passages: the quotes are empty, between two spaces
        "search": "plan for next year work will start. plan para el próximo año el trabajo empezará.  officials",
        "headline": False,
        "planned": True,
        "title": "Plan for next year",
        "label": "",
        "date_label": "2024",
        "us": "",
        "mx": "",
        "title_es": "Plan para el próximo año",
        "label_es": "",
        "date_label_es": "2024",
        "us_es": "",
        "mx_es": "",
        "x_ms": 1719835200000.0,  # 2024-07-01T12:00Z
        "end_ms": math.nan,
    },
}


@pytest.mark.parametrize(
    ("event_id", "name"),
    [(event_id, name) for event_id, row in ROWS.items() for name in row],
)
def test_each_cell_of_the_frame_holds_the_expected_value(frame, event_id, name):
    got = frame.loc[frame["id"] == event_id, name].item()
    want = ROWS[event_id][name]
    if isinstance(want, float) and math.isnan(want):
        assert math.isnan(got)
    elif want is pd.NaT:
        assert got is pd.NaT
    else:
        assert got == want


def test_masks_select_the_events_of_a_term(frame):
    # The masks and the bits in attrs together answer the administration filters.
    assert filter_rows(frame, Filters(us=("us-first",))).tolist() == [0]
    assert filter_rows(frame, Filters(us=("us-second",))).tolist() == [0, 1]
    assert filter_rows(frame, Filters(mx=("mx-second",))).tolist() == [0, 1]
    assert filter_rows(frame, Filters(mx=("mx-first",))).tolist() == [0]


class _BareEvent:
    """An event object without ``headline`` and ``status`` (as events were before they existed)."""

    def __init__(self, event: Event) -> None:
        self._event = event

    def __getattr__(self, name: str):
        if name in ("headline", "status"):
            raise AttributeError(name)
        return getattr(self._event, name)


def test_an_event_without_headline_or_status_is_a_reported_event_that_is_no_headline():
    frame = prepare_frame(small_dataset([_BareEvent(GRANT)]))
    assert frame["headline"].tolist() == [False]
    assert frame["planned"].tolist() == [False]


@pytest.mark.parametrize(
    ("name", "lang", "want"),
    [
        ("title", "en", "title"),
        ("date_label", "en", "date_label"),
        ("title", "es", "title_es"),
        ("date_label", "es", "date_label_es"),
    ],
)
def test_english_columns_carry_the_bare_name_and_others_a_language_suffix(name, lang, want):
    assert column(name, lang) == want


@pytest.mark.parametrize(
    ("date", "end", "lang", "want"),
    [
        ("2022-07-12", None, "en", "Jul 12, 2022"),
        ("2022-07-12", None, "es", "12 jul 2022"),
        ("2018-11", None, "en", "Nov 2018"),
        ("2018-11", None, "es", "nov 2018"),
        ("2024", None, "es", "2024"),
        ("2018-11", "2019-01", "en", "Nov 2018 – Jan 2019"),
        ("2018-11", "2019-01", "es", "nov 2018 – ene 2019"),
        ("2022-07-12", "2022-08-03", "es", "12 jul 2022 – 3 ago 2022"),
    ],
)
def test_a_date_label_gives_the_date_and_its_end_at_their_precision_in_the_language(date, end, lang, want):
    event = _event(
        id="some-event",
        title="Some event",
        summary="Something.",
        category="context",
        date=date,
        end=end,
        translations={"es": {"title": "Algún evento", "summary": "Algo."}},
    )
    assert date_label(event, lang) == want


@pytest.mark.parametrize(
    ("date", "end", "want"),
    [
        ("2022-07-12", None, "2022-07-12 00:00"),  # a day: its own midnight
        ("2018-11", None, "2018-11-15 12:00"),  # 30 days: 1st + 14.5 days
        ("2023-02", None, "2023-02-14 12:00"),  # 28 days: 1st + 13.5 days
        ("2023", None, "2023-07-02 00:00"),  # 365 days: 1 Jan + 182 days
        ("2024", None, "2024-07-01 12:00"),  # 366 days: 1 Jan + 182.5 days
        ("2018-11", "2019-06", "2018-11-15 12:00"),  # the middle of the start, whatever the end
    ],
)
def test_an_event_sits_at_the_middle_of_its_start_date(date, end, want):
    event = _event(
        id="some-event",
        title="Some event",
        summary="Something.",
        category="context",
        date=date,
        end=end,
        translations={"es": {"title": "Algún evento", "summary": "Algo."}},
    )
    assert _midpoint(event) == pd.Timestamp(want)


# A dataset may have no events yet (an events.yaml of "events: []" is valid): its frame has no
# values to read column types from, and once crashed the page computing x_ms from them.
def test_a_dataset_without_events_gives_an_empty_frame_of_the_types_a_full_one_has():
    empty = prepare_frame(small_dataset(events=[]))
    full = prepare_frame(small_dataset())
    assert len(empty) == 0
    assert list(empty.columns) == list(full.columns)
    assert {name: str(kind) for name, kind in empty.dtypes.items()} == {
        name: str(kind) for name, kind in full.dtypes.items()
    }
    assert str(empty["x"].dtype) == "datetime64[s]"
    assert str(empty["idx"].dtype) == "int32"
    assert str(empty["headline"].dtype) == "bool"
    assert str(empty["year_first"].dtype) == "int64"
    assert empty["title"].dtype == "str"
    assert empty["x_ms"].tolist() == [] and str(empty["x_ms"].dtype) == "float64"
    assert filter_rows(empty, Filters(q="talks", us=("us-first",), year_from=2019)).tolist() == []
