"""The figure: one marker per event, same-day events apart, bands as a handful of shapes."""

from __future__ import annotations

import base64
import json

import numpy as np
import plotly.io as pio

from timeline import chart
from timeline.view import Filters, filter_frame, prepare_frame


def values(array) -> list:
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"])).tolist()
    return list(array)


def marker_traces(fig) -> list[dict]:
    spec = json.loads(pio.to_json(fig, validate=False))
    return [t for t in spec["data"] if t.get("mode") == "markers"]


def test_one_marker_per_event_carrying_its_index(shipped):
    fig = chart.build_figure(prepare_frame(shipped), shipped)
    indices = sorted(i for t in marker_traces(fig) for i in values(t["customdata"]))
    assert indices == list(range(len(shipped.events)))
    assert {t["type"] for t in marker_traces(fig)} == {"scatter"}


def test_webgl_past_the_threshold(shipped, monkeypatch):
    monkeypatch.setattr(chart, "WEBGL_THRESHOLD", 10)
    fig = chart.build_figure(prepare_frame(shipped), shipped)
    assert {t["type"] for t in marker_traces(fig)} == {"scattergl"}


def test_same_day_events_in_a_lane_get_distinct_positions(shipped):
    frame = prepare_frame(shipped)
    y = chart.lane_positions(frame)
    seen = {}
    for (category, x), yy in zip(zip(frame["category"], frame["x"], strict=True), y, strict=True):
        seen.setdefault((category, x), []).append(yy)
    crowded = [v for v in seen.values() if len(v) > 1]
    assert crowded, "the shipped data has same-day events in one lane"
    for ys in crowded:
        assert len(set(ys)) == len(ys)
        assert max(ys) - min(ys) <= chart.MAX_SPREAD + 1e-9


def test_bands_are_shapes_one_per_administration_and_nothing_per_event(shipped):
    fig = chart.build_figure(prepare_frame(shipped), shipped)
    assert len(fig.layout.shapes) == len(shipped.administrations)
    assert not fig.layout.annotations
    labels = {s.label.text for s in fig.layout.shapes}
    assert "Joe Biden" in labels and "Andrés Manuel López Obrador" in labels


def test_date_axis_range_slider_and_escaped_hover(tiny):
    tiny.replace("events.yaml", "title: Talks begin", "title: <b onmouseover=x>Talks</b>")
    dataset = tiny.load()
    fig = chart.build_figure(prepare_frame(dataset), dataset)
    assert fig.layout.xaxis.type == "date"
    assert fig.layout.xaxis.rangeslider.visible
    hover = " ".join(h for t in marker_traces(fig) for h in t["hovertext"])
    assert "&lt;b onmouseover=x&gt;Talks&lt;/b&gt;" in hover and "<b onmouseover" not in hover
    assert "Jun 2022" in hover  # the date at its precision


def test_filtered_figure_and_size_per_event(shipped):
    frame = prepare_frame(shipped)
    part = filter_frame(frame, Filters(category=("funding",)))
    fig = chart.build_figure(part, shipped)
    assert sum(len(values(t["customdata"])) for t in marker_traces(fig)) == len(part)


def test_a_cached_figure_is_serialised_once(shipped, monkeypatch):
    import plotly.io

    calls = []
    real = plotly.io.to_json
    monkeypatch.setattr(plotly.io, "to_json", lambda fig, *a, **k: calls.append(1) or real(fig, *a, **k))
    chart.memoise_plotly_json()
    fig = chart.build_figure(prepare_frame(shipped), shipped)
    first = plotly.io.to_json(fig.to_dict(), validate=False)
    again = plotly.io.to_json(fig.to_dict(), validate=False)
    assert first is again and len(calls) == 1
    other = {"data": [{"type": "scatter", "x": [1], "y": [2]}], "layout": {}}
    plotly.io.to_json(other, validate=False)
    plotly.io.to_json(other, validate=False)
    assert len(calls) == 3  # plain figures are not memoised


def test_webgl_figures_use_one_trace_per_category(shipped, monkeypatch):
    monkeypatch.setattr(chart, "WEBGL_THRESHOLD", 10)
    fig = chart.build_figure(prepare_frame(shipped), shipped)
    names = [t["name"] for t in marker_traces(fig)]
    assert len(names) == len(set(names)) == len({e.category for e in shipped.events})
