"""The chart's data: one row per event with its lane, escaped title, labels, bands."""

from __future__ import annotations

import json

import pandas as pd

from timeline import chart
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
