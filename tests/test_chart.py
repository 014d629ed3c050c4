"""The chart's data: one row per event with its lane, escaped title, labels, bands."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pandas as pd
import pytest

from timeline import chart
from timeline.i18n import language
from timeline.models import Administration
from timeline.view import Filters, filter_frame, prepare_frame

LANES = ["agreement", "funding", "enforcement", "migration-pathways", "diplomacy", "context"]


def payload(dataset, frame=None, **kwargs) -> dict:
    frame = prepare_frame(dataset) if frame is None else frame
    return json.loads(chart.payload_json(chart.chart_payload(frame, dataset, **kwargs)))


def test_one_row_per_event_carrying_its_index_and_lane(shipped):
    events = payload(shipped)["events"]
    assert events["idx"] == list(range(len(shipped.events)))
    assert events["id"] == [e.id for e in shipped.events]
    assert events["lane"] == [LANES.index(e.category) for e in shipped.events]
    assert [["day", "month", "year"][p] for p in events["precision"]] == [e.date.precision for e in shipped.events]


def test_lanes_top_to_bottom_with_the_bands_beneath(shipped):
    data = payload(shipped)
    assert data["lanes"] == [6.0, 5.0, 4.0, 3.0, 2.0, 1.0]
    assert [c["name"] for c in data["categories"]] == LANES
    rows = {s["name"]: (s["y0"], s["y1"]) for s in data["layout"]["shapes"] if s["type"] == "rect"}
    assert all(y1 < 1.0 for _, y1 in rows.values())  # every band below the lowest lane
    us = {a.id for a in shipped.administrations if a.country == "US"}
    assert all(rows[a][0] > rows[b][1] for a in us for b in rows if b not in us)  # US row above Mexico's


def test_webgl_past_a_thousand_markers(shipped):
    frame = prepare_frame(shipped)
    big = pd.concat([frame] * 31, ignore_index=True)  # 33 × 31 = 1023 rows
    assert payload(shipped, big.iloc[:1000])["webgl"] is False
    assert payload(shipped, big.iloc[:1001])["webgl"] is True
    assert payload(shipped, big.iloc[:999])["webgl"] is False


def test_bands_one_per_administration_labelled_with_the_president(shipped):
    shapes = [s for s in payload(shipped)["layout"]["shapes"] if s["type"] == "rect"]
    assert len(shapes) == len(shipped.administrations)
    labels = {s["label"]["text"] for s in shapes}
    assert "Joe Biden" in labels and "Andrés Manuel López Obrador" in labels


def test_titles_are_escaped_for_plotly_but_read_as_written(tiny):
    tiny.replace("events.yaml", "title: Talks begin", 'title: Talks on "smart" <b>borders</b> & ports, O\'Neil')
    dataset = tiny.load()
    events = payload(dataset)["events"]
    title = next(t for t in events["title"] if "Talks" in t)
    assert title == 'Talks on "smart" &lt;b&gt;borders&lt;/b&gt; &amp; ports, O\'Neil'
    assert events["date"] == ["Jun 2022", "Jul 12, 2022"]  # each date at its precision


def test_labels_and_headlines_travel_unescaped(tiny):
    tiny.replace("events.yaml", "title: Talks begin", 'title: Talks begin\n    label: Talks on "smart" <b>ports</b>')
    tiny.replace("events.yaml", "title: Talks begin", "title: Talks begin\n    headline: true", count=1)
    tiny.replace(
        "events.yaml",
        "{es: {title: Comienzan las conversaciones,",
        "{es: {title: Comienzan las conversaciones, label: Diálogo,",
    )
    dataset = tiny.load()
    events = payload(dataset)["events"]
    row = events["id"].index(next(e.id for e in dataset.events if e.title == "Talks begin"))
    assert events["label"][row] == 'Talks on "smart" <b>ports</b>'  # set as text by the browser
    assert payload(dataset)["sparse"]["headline"] == [row]  # only the headline's position
    assert events["label"][1 - row] == ""


def test_default_range_pads_the_events(tiny):
    dataset = tiny.load()
    layout = payload(dataset)["layout"]
    # Events on 2022-06 (the month) and 2022-07-12: 60 days of margin either side.
    assert layout["xaxis"]["range"] == ["2022-04-02", "2022-09-10"]
    assert layout["uirevision"] == "timeline"


def test_filtered_payload_has_only_the_filtered_events(shipped):
    frame = prepare_frame(shipped)
    part = filter_frame(frame, Filters(category=("funding",)))
    events = payload(shipped, part)["events"]
    assert events["id"] == [e.id for e in shipped.events if e.category == "funding"]
    assert set(events["lane"]) == {1}


def test_spans_carry_their_end_and_planned_events_their_flag(tiny, shipped):
    tiny.replace("events.yaml", "    date: 2022-07-12", "    date: 2022-07-12\n    end: 2022-07-20")
    data = payload(tiny.load())
    # Only the second event in time (the border plan) has an end: the last millisecond-day of it.
    assert data["sparse"]["end"] == {"at": [1], "value": [pd.Timestamp("2022-07-20").value / 1e6]}
    planned = [i for i, e in enumerate(shipped.events) if e.status == "planned"]
    assert payload(shipped)["sparse"]["planned"] == planned and planned
    assert payload(shipped)["sparse"]["end"] == {"at": [], "value": []}  # no spans in the shipped data


def view(frame, total: int) -> dict:
    return json.loads(chart.payload_json(chart.view_payload(frame, total)))


def test_the_view_names_the_rows_the_filters_let_through(shipped):
    frame = prepare_frame(shipped)
    assert view(frame, len(frame))["rows"] is None  # everything: no list to send
    part = filter_frame(frame, Filters(category=("funding",)))
    shown = view(part, len(frame))
    assert shown["rows"] == [i for i, e in enumerate(shipped.events) if e.category == "funding"]
    assert shown["range"] == chart.default_x_range(part)
    assert view(frame.iloc[:0], len(frame)) == {"rows": [], "range": None, "webgl": False}


def test_the_view_asks_for_webgl_past_a_thousand_markers(shipped):
    big = pd.concat([prepare_frame(shipped)] * 31, ignore_index=True)  # 1023 rows
    assert view(big.iloc[:1000], 1023)["webgl"] is False
    assert view(big.iloc[:1001], 1023)["webgl"] is True


def test_the_chart_speaks_the_readers_language(shipped):
    frame = prepare_frame(shipped)
    es = chart.chart_payload(frame, shipped, lang="es")
    en = chart.chart_payload(frame, shipped, lang="en")
    assert [c["name"] for c in es["categories"]] == [
        "acuerdo",
        "financiamiento",
        "seguridad",
        "vías migratorias",
        "diplomacia",
        "contexto",
    ]
    assert [c["name"] for c in en["categories"]][3] == "migration-pathways"
    assert es["strings"]["cluster"] == "{n} acontecimientos, {when}"
    assert en["strings"]["cluster"] == "{n} events, {when}"
    assert es["lang"] == "es" and en["lang"] == "en"
    i = shipped.index_of("border-security-memorandum-2013")
    event = shipped.event("border-security-memorandum-2013")
    assert es["events"]["title"][i] == chart.plotly_text(event.text_in("es")[0])
    assert es["events"]["label"][i] == event.text_in("es")[1]
    assert en["events"]["title"][i] == chart.plotly_text(event.title)
    assert es["events"]["date"][i] == "23 jul 2013"
    assert en["events"]["date"][i] == "Jul 23, 2013"
    bands = {a["name"]: a["text"] for a in es["layout"]["annotations"] if a.get("name", "").startswith("band:")}
    assert bands == {"band:US": "<b>EU</b>", "band:MX": "<b>MX</b>"}  # as the Mexican press writes it
    buttons = [b["label"] for b in es["layout"]["xaxis"]["rangeselector"]["buttons"]]
    assert buttons == ["1 a", "5 a", "todo"]
    lanes = [a["text"] for a in es["layout"]["annotations"] if a.get("name", "").startswith("lane:")]
    assert lanes[2] == "seguridad"


# Boundary test for issue 14: a marker sits on its own lane's line, with its lane's name at the
# top of that lane. The browser draws each event at ``lanes[lane]`` (timeline_chart.js) and
# places its label beside that marker; the layout draws the lane lines and names. Each y is
# written out here, so a lane shifted by one, in either place, is noticed.
LANE_Y = {
    "agreement": 6.0,
    "funding": 5.0,
    "enforcement": 4.0,
    "migration-pathways": 3.0,
    "diplomacy": 2.0,
    "context": 1.0,
}


def test_each_marker_sits_in_its_categorys_lane_under_that_lanes_name(shipped):
    data = payload(shipped)
    events = data["events"]
    layout = data["layout"]
    names = {a["name"].removeprefix("lane:"): a["y"] for a in layout["annotations"] if a["name"].startswith("lane:")}
    lines = sorted(s["y0"] for s in layout["shapes"] if s["type"] == "line")
    assert names == {category: y + 0.5 for category, y in LANE_Y.items()}
    assert lines == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    labelled = [i for i, label in enumerate(events["label"]) if label]
    assert len(labelled) == len(shipped.events)  # every shipped event has a label
    for i in labelled:
        category = shipped.events[i].category
        marker_y = data["lanes"][events["lane"][i]]
        assert marker_y == LANE_Y[category], (events["id"][i], category)
        assert names[category] == marker_y + 0.5, events["id"][i]  # the lane's name, just above it
        assert marker_y in lines
    assert {shipped.events[i].category for i in labelled} == set(LANE_Y)  # every lane is tried


def test_a_tiny_datasets_markers_sit_in_their_lanes(tiny):
    tiny.replace("events.yaml", "title: Talks begin", "title: Talks begin\n    label: Talks")
    tiny.replace(
        "events.yaml",
        "{es: {title: Comienzan las conversaciones,",
        "{es: {title: Comienzan las conversaciones, label: Diálogo,",
    )
    data = payload(tiny.load())
    events = data["events"]
    assert events["id"] == ["talks-begin", "border-plan"]
    assert [data["lanes"][lane] for lane in events["lane"]] == [2.0, 5.0]  # diplomacy, funding
    assert events["label"] == ["Talks", ""]


# ---- The administration bands, the layout and the default range, written out in full ----
# These call the layout functions with a stand-in dataset (only its administrations are read)
# so every key Plotly reads is pinned: a renamed key or value draws nothing, or the wrong thing.


def term(
    id_: str, country: str, name: str, party: str, start: str, end: str | None, es: str, short_name: str | None = None
) -> Administration:
    return Administration(
        id=id_,
        country=country,
        name=name,
        short_name=short_name,
        party=party,
        start=start,
        end=end,
        translations={"es": {"name": es}},
    )


def terms(*administrations: Administration) -> SimpleNamespace:
    return SimpleNamespace(administrations=list(administrations))


FIRST_TERM = term("us-ann", "US", "Ann & Bo <Lee>", "Democratic", "2021-01-20", "2025-01-20", "Ana & Bo")
SITTING_TERM = term("mx-cy", "MX", "Cy Doe", "Green", "2024-10-01", None, "Ci Doe")


def test_each_band_is_a_rectangle_in_its_countrys_row_coloured_by_party():
    shapes = chart.band_shapes(terms(FIRST_TERM, SITTING_TERM), today=dt.date(2023, 5, 6))
    assert shapes == [
        {
            "type": "rect",
            "xref": "x",
            "yref": "y",
            "x0": "2021-01-20",
            "x1": "2025-01-20",
            "y0": -0.05,
            "y1": 0.45,
            "layer": "below",
            "fillcolor": "#c6dbef",
            "line": {"width": 1, "color": "white"},
            "label": {"text": "Ann &amp; Bo &lt;Lee&gt;", "font": {"size": 11, "color": "#222"}},
            "name": "us-ann",
        },
        {
            "type": "rect",
            "xref": "x",
            "yref": "y",
            "x0": "2024-10-01",
            "x1": "2023-05-06",  # the sitting president's band runs to the day given as today
            "y0": -0.65,
            "y1": -0.15,
            "layer": "below",
            "fillcolor": "#dddddd",  # a party without a colour of its own
            "line": {"width": 1, "color": "white"},
            "label": {"text": "Cy Doe", "font": {"size": 11, "color": "#222"}},
            "name": "mx-cy",
        },
    ]


@pytest.mark.parametrize(
    ("party", "colour"),
    [
        ("Democratic", "#c6dbef"),
        ("Republican", "#fdd0a2"),
        ("PAN", "#dadaeb"),
        ("PRI", "#c7e9c0"),
        ("Morena", "#f2c4ce"),
        ("Green", "#dddddd"),
        ("democratic", "#dddddd"),  # party names are matched as written
    ],
)
def test_a_band_is_filled_with_its_partys_colour(party, colour):
    band = term("us-x", "US", "X", party, "2001-01-20", "2009-01-20", "X")
    assert chart.band_shapes(terms(band))[0]["fillcolor"] == colour


def test_a_sitting_presidents_band_runs_to_today_when_no_day_is_given():
    # The only place the real clock is read: the band of a term without an end reaches it.
    assert chart.band_shapes(terms(SITTING_TERM))[0]["x1"] == dt.date.today().isoformat()
    # An ended term keeps its own end whatever today is.
    assert chart.band_shapes(terms(FIRST_TERM), today=dt.date(2030, 1, 1))[0]["x1"] == "2025-01-20"


def test_band_labels_are_the_presidents_names_in_the_readers_language():
    shapes = chart.band_shapes(terms(FIRST_TERM, SITTING_TERM), today=dt.date(2023, 5, 6), lang="es")
    assert [s["label"]["text"] for s in shapes] == ["Ana &amp; Bo", "Ci Doe"]


def one_day(first: str, last: str | None = None) -> pd.DataFrame:
    return pd.DataFrame({"first": [pd.Timestamp(first)], "last": [pd.Timestamp(last or first)]})


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        # A single day: 60 days of margin either side.
        ("2020-01-01", None, ["2019-11-02", "2020-03-01"]),
        # 1,999 and 2,000 days: 3% of the span is at most 60 days, so the margin stays 60 days.
        ("2000-01-01", "2005-06-22", ["1999-11-02", "2005-08-21"]),
        ("2000-01-01", "2005-06-23", ["1999-11-02", "2005-08-22"]),
        # 2,001 days: 3% is 60 days and 43 minutes, a margin just past 60 days.
        ("2000-01-01", "2005-06-24", ["1999-11-01", "2005-08-23"]),
        # 2,100 days: 3% is 63 days.
        ("2000-01-01", "2005-10-01", ["1999-10-30", "2005-12-03"]),
    ],
)
def test_the_default_range_pads_by_60_days_or_3_percent_of_the_span(first, last, expected):
    assert chart.default_x_range(one_day(first, last)) == expected


def test_the_default_range_runs_from_the_earliest_first_day_to_the_latest_last_day():
    frame = pd.DataFrame(
        {
            # The span that starts first is not the one that ends last.
            "first": [pd.Timestamp("2020-03-01"), pd.Timestamp("2020-01-01")],
            "last": [pd.Timestamp("2020-12-31"), pd.Timestamp("2020-02-01")],
        }
    )
    assert chart.default_x_range(frame) == ["2019-11-02", "2021-03-01"]
    assert chart.default_x_range(frame.iloc[:0]) is None


def lane_line(y: float) -> dict:
    return {
        "type": "line",
        "xref": "paper",
        "yref": "y",
        "x0": 0,
        "x1": 1,
        "y0": y,
        "y1": y,
        "layer": "below",
        "line": {"width": 1, "color": "#e6e6e6"},
    }


def lane_name(category: str, text: str, y: float, colour: str) -> dict:
    return {
        "xref": "paper",
        "yref": "y",
        "x": 0,
        "y": y,
        "xanchor": "left",
        "yanchor": "top",
        "text": text,
        "showarrow": False,
        "font": {"size": 11, "color": colour},
        "name": f"lane:{category}",
    }


def band_name(country: str, text: str, y: float) -> dict:
    return {
        "xref": "paper",
        "yref": "y",
        "x": 0,
        "y": y,
        "xanchor": "right",
        "text": text,
        "showarrow": False,
        "font": {"size": 11, "color": "#222"},
        "name": f"band:{country}",
    }


def test_the_layout_draws_axes_bands_lane_lines_lane_names_and_range_buttons():
    ended = term("us-ann", "US", "Ann Lee", "Republican", "2017-01-20", "2021-01-20", "Ana Lee")
    layout = chart.base_layout(terms(ended), one_day("2020-01-01"), 480)
    assert layout == {
        "height": 480,
        "margin": {"l": 28, "r": 8, "t": 36, "b": 24},
        "showlegend": False,
        "hovermode": "closest",
        "dragmode": "pan",
        "uirevision": "timeline",
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
        "xaxis": {
            "type": "date",
            "range": ["2019-11-02", "2020-03-01"],
            "showgrid": True,
            "gridcolor": "#f0f0f0",
            "zeroline": False,
            "rangeselector": {
                "x": 0,
                "y": 1.01,
                "yanchor": "bottom",
                "font": {"size": 11},
                "buttons": [
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"count": 5, "label": "5y", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ],
            },
        },
        # Six lanes at y = 6 .. 1 and the two band rows beneath them.
        "yaxis": {
            "range": [-0.7, 6.55],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
            "showticklabels": False,
        },
        "shapes": [
            {
                "type": "rect",
                "xref": "x",
                "yref": "y",
                "x0": "2017-01-20",
                "x1": "2021-01-20",
                "y0": -0.05,
                "y1": 0.45,
                "layer": "below",
                "fillcolor": "#fdd0a2",
                "line": {"width": 1, "color": "white"},
                "label": {"text": "Ann Lee", "font": {"size": 11, "color": "#222"}},
                "name": "us-ann",
            },
            lane_line(6.0),
            lane_line(5.0),
            lane_line(4.0),
            lane_line(3.0),
            lane_line(2.0),
            lane_line(1.0),
        ],
        "annotations": [
            # Each lane's name half a lane above its line, in its category's colour.
            lane_name("agreement", "agreement", 6.5, "#1b7837"),
            lane_name("funding", "funding", 5.5, "#b35806"),
            lane_name("enforcement", "enforcement", 4.5, "#b2182b"),
            lane_name("migration-pathways", "migration-pathways", 3.5, "#2166ac"),
            lane_name("diplomacy", "diplomacy", 2.5, "#762a83"),
            lane_name("context", "context", 1.5, "#595959"),
            # Each country's name beside the middle of its band row.
            band_name("US", "<b>US</b>", 0.2),
            band_name("MX", "<b>MX</b>", -0.4),
        ],
    }


def test_the_layout_in_spanish_names_lanes_bands_and_buttons_in_spanish():
    with language("es"):
        layout = chart.base_layout(terms(), one_day("2020-01-01").iloc[:0], 300, lang="es")
    assert layout["height"] == 300
    assert layout["xaxis"]["range"] is None  # no events: Plotly picks the range
    assert layout["shapes"] == [lane_line(y) for y in (6.0, 5.0, 4.0, 3.0, 2.0, 1.0)]  # no terms: no bands
    assert [a["text"] for a in layout["annotations"]] == [
        "acuerdo",
        "financiamiento",
        "seguridad",
        "vías migratorias",
        "diplomacia",
        "contexto",
        "<b>EU</b>",
        "<b>MX</b>",
    ]
    assert [b["label"] for b in layout["xaxis"]["rangeselector"]["buttons"]] == ["1 a", "5 a", "todo"]


def test_lane_names_and_band_labels_follow_the_language_asked_for_not_the_current_one():
    # The page asks for the reader's language; the lanes and the presidents' names must not fall
    # back to whatever language the thread happens to speak (English here).
    layout = chart.base_layout(terms(FIRST_TERM), one_day("2020-01-01"), 300, lang="es")
    assert [a["text"] for a in layout["annotations"] if a["name"].startswith("lane:")] == [
        "acuerdo",
        "financiamiento",
        "seguridad",
        "vías migratorias",
        "diplomacia",
        "contexto",
    ]
    assert layout["shapes"][0]["label"]["text"] == "Ana &amp; Bo"


def test_the_events_sit_at_their_dates_in_milliseconds(tiny):
    events = payload(tiny.load())["events"]
    assert events["id"] == ["talks-begin", "border-plan"]
    # June 2022 (a month) sits at the middle of it, noon on 15 June; 12 July 2022 at its midnight.
    assert events["x"] == [1655294400000.0, 1657584000000.0]


def test_a_payload_of_no_events_has_empty_columns(tiny):
    dataset = tiny.load()
    data = payload(dataset, prepare_frame(dataset).iloc[:0])
    assert data["events"] == {
        "idx": [],
        "id": [],
        "x": [],
        "lane": [],
        "precision": [],
        "title": [],
        "date": [],
        "label": [],
    }
    assert data["sparse"] == {"end": {"at": [], "value": []}, "headline": [], "planned": []}
    assert data["webgl"] is False
    assert data["layout"]["xaxis"]["range"] is None


def test_the_chart_is_480_pixels_high_unless_asked_otherwise(tiny):
    dataset = tiny.load()
    assert payload(dataset)["layout"]["height"] == 480
    assert payload(dataset, height=360)["layout"]["height"] == 360


def test_each_category_comes_with_its_name_and_colour(tiny):
    assert payload(tiny.load())["categories"] == [
        {"name": "agreement", "colour": "#1b7837"},
        {"name": "funding", "colour": "#b35806"},
        {"name": "enforcement", "colour": "#b2182b"},
        {"name": "migration-pathways", "colour": "#2166ac"},
        {"name": "diplomacy", "colour": "#762a83"},
        {"name": "context", "colour": "#595959"},
    ]


def test_the_category_names_follow_the_language_asked_for_not_the_current_one(tiny):
    # The payload's own builder, called while the thread speaks English: the legend must still
    # be in the language the payload is built for.
    dataset = tiny.load()
    data = chart._chart_payload(prepare_frame(dataset), dataset, 480, "es")
    assert [c["name"] for c in data["categories"]] == [
        "acuerdo",
        "financiamiento",
        "seguridad",
        "vías migratorias",
        "diplomacia",
        "contexto",
    ]


def test_the_bands_of_a_spanish_chart_carry_the_spanish_names():
    # the shipped names are the same in both languages, so a stand-in whose aren't
    dataset = SimpleNamespace(administrations=[FIRST_TERM, SITTING_TERM], events=[])
    frame = prepare_frame(dataset)
    payload = chart.chart_payload(frame, dataset, lang="es")
    labels = [s["label"]["text"] for s in payload["layout"]["shapes"] if s.get("label")]
    assert labels == ["Ana &amp; Bo", "Ci Doe"]  # Plotly reads label text as markup: shows "&"


def test_a_band_too_narrow_for_its_name_has_the_short_one_escaped_for_plotly():
    name = "Andrés Manuel López Obrador"
    short = term("mx-amlo", "MX", name, "Morena", "2018-12-01", "2024-09-30", name, short_name="López & <Obrador>")
    # a term without a short name (FIRST_TERM) has none: the browser leaves its band unnamed
    dataset = SimpleNamespace(administrations=[FIRST_TERM, short], events=[])
    got = chart.chart_payload(prepare_frame(dataset), dataset, lang="es")["short_names"]
    assert got == {"mx-amlo": "López &amp; &lt;Obrador&gt;"}
