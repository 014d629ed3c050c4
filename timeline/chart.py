"""The timeline figure: events as markers in category lanes over two administration bands.

Built from columns (one trace per category, WebGL past a thousand points), with the
administrations as a handful of shapes, so its size grows with the events and nothing else.
"""

from __future__ import annotations

import datetime as dt
import functools
import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline.models import CATEGORIES
from timeline.validate import Dataset

WEBGL_THRESHOLD = 1000
CATEGORY_COLOURS = {
    "agreement": "#1b7837",
    "funding": "#e08214",
    "enforcement": "#b2182b",
    "migration-pathways": "#2166ac",
    "diplomacy": "#762a83",
    "context": "#6b6b6b",
}
PRECISION_SYMBOLS = {"day": 0, "month": 1, "year": 2}  # plotly's codes for circle, square, diamond
PARTY_COLOURS = {
    "Democratic": "#9ecae1",
    "Republican": "#fcae91",
    "PAN": "#c6dbef",
    "PRI": "#c7e9c0",
    "Morena": "#e7b9c2",
}
LANE_STEP = 1.0
JITTER = 0.28  # vertical offset between events that share a day and a lane (a marker's height)
MAX_SPREAD = 0.8  # same-day events of one lane stay inside the lane
BAND_ROWS = {"US": (-1.05, -0.35), "MX": (-1.95, -1.25)}  # y0, y1 of each band row


class FigureSpec(dict):
    """A figure as plain data whose JSON text, once made, is kept (see memoise_plotly_json)."""

    json_text: str | None = None


class FrozenFigure(go.Figure):
    """A figure that is built once and then only read: ``to_dict`` is computed once.

    ``st.plotly_chart`` calls ``to_dict()`` (a deep copy of every array) and then
    ``plotly.io.to_json`` on every rerun; a cached figure needs each only once.
    """

    def to_dict(self):
        cached = getattr(self, "_frozen_dict", None)
        if cached is None:
            cached = FigureSpec(super().to_dict())
            object.__setattr__(self, "_frozen_dict", cached)
        return cached


def memoise_plotly_json() -> None:
    """Make ``plotly.io.to_json`` keep the text it makes for a FigureSpec (idempotent).

    Streamlit serialises the figure on every rerun, even when it is the same cached figure;
    for 10,000 events that is most of a rerun's cost. Other figures are not affected.
    """
    import plotly.io

    original = plotly.io.to_json
    if getattr(original, "_timeline_memo", False):
        return

    @functools.wraps(original)
    def to_json(fig, *args, **kwargs):
        if isinstance(fig, FigureSpec):
            if fig.json_text is None:
                fig.json_text = original(fig, *args, **kwargs)
            return fig.json_text
        return original(fig, *args, **kwargs)

    to_json._timeline_memo = True
    plotly.io.to_json = to_json


def lane_positions(frame: pd.DataFrame) -> np.ndarray:
    """The y of each event: its category lane, nudged so same-day events stay apart."""
    lane = frame["category"].map({c: (len(CATEGORIES) - i) * LANE_STEP for i, c in enumerate(CATEGORIES)})
    rank = frame.groupby(["category", "x"]).cumcount().to_numpy()
    count = frame.groupby(["category", "x"])["id"].transform("size").to_numpy()
    step = np.minimum(JITTER, MAX_SPREAD / np.maximum(count - 1, 1))
    return lane.to_numpy(dtype=float) + (rank - (count - 1) / 2) * step


def build_figure(frame: pd.DataFrame, dataset: Dataset, height: int = 560) -> go.Figure:
    """The timeline for the rows of ``frame`` (already filtered), with the administration bands."""
    y = lane_positions(frame) if len(frame) else np.array([])
    scatter = go.Scattergl if len(frame) > WEBGL_THRESHOLD else go.Scatter
    fig = FrozenFigure()
    # One trace per category and precision, each with one symbol (a per-point symbol array
    # doubles WebGL's drawing time). Past the WebGL threshold every marker is a circle, one
    # trace per category: each extra WebGL trace costs start-up time, and the hover label
    # ("Jul 2013") still says the precision. The legend shows one entry per category.
    webgl = scatter is go.Scattergl
    groups = {"all": None} if webgl else PRECISION_SYMBOLS
    for category in CATEGORIES:
        in_category = (frame["category"] == category).to_numpy()
        first = True
        for precision, symbol in groups.items():
            rows = in_category if webgl else in_category & (frame["precision"] == precision).to_numpy()
            if not rows.any():
                continue
            part = frame[rows]
            marker = {"size": 10 if webgl else 12, "color": CATEGORY_COLOURS[category]}
            if not webgl:
                marker.update(symbol=symbol, line={"width": 1, "color": "white"})
            fig.add_trace(
                scatter(
                    x=part["x_ms"].to_numpy(),  # ms since 1970: a typed array on a date axis
                    y=y[rows],
                    mode="markers",
                    name=category,
                    legendgroup=category,
                    showlegend=first,
                    customdata=part["idx"].to_numpy(),  # the event's index in Dataset.events
                    hovertext=part["hover"].to_numpy(),
                    # The category is the trace's name: sent once, not once per point.
                    hovertemplate="%{hovertext} · %{fullData.name}<extra></extra>",
                    marker=marker,
                )
            )
            first = False
    spans = frame[frame["span_end"].notna()]
    if len(spans):
        xs, ys = [], []
        for start, end, lane in zip(
            spans["first"], spans["span_end"], y[frame["span_end"].notna().to_numpy()], strict=True
        ):
            xs += [start, end, None]
            ys += [lane, lane, None]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                line={"width": 3, "color": "rgba(0,0,0,0.25)"},
                hoverinfo="skip",
                showlegend=False,
                name="spans",
            )
        )
    _add_bands(fig, dataset)
    _layout(fig, dataset, frame, height)
    return fig


def _add_bands(fig: go.Figure, dataset: Dataset) -> None:
    today = dt.date.today()
    for admin in dataset.administrations:
        y0, y1 = BAND_ROWS[admin.country]
        end = admin.end or today
        fig.add_shape(
            type="rect",
            xref="x",
            yref="y",
            x0=admin.start,
            x1=end,
            y0=y0,
            y1=y1,
            layer="below",
            fillcolor=PARTY_COLOURS.get(admin.party, "#dddddd"),
            line={"width": 1, "color": "white"},
            label={"text": html.escape(admin.name), "font": {"size": 11, "color": "#333"}},
        )


def _layout(fig: go.Figure, dataset: Dataset, frame: pd.DataFrame, height: int) -> None:
    lanes = [(len(CATEGORIES) - i) * LANE_STEP for i in range(len(CATEGORIES))]
    tickvals = [*lanes, sum(BAND_ROWS["US"]) / 2, sum(BAND_ROWS["MX"]) / 2]
    ticktext = [*CATEGORIES, "<b>US</b>", "<b>Mexico</b>"]
    if len(frame):
        first, last = frame["first"].min(), frame["last"].max()
        pad = max(pd.Timedelta(days=60), (last - first) * 0.04)
        x_range = [first - pad, last + pad]
    else:
        x_range = None
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        # Beneath the range slider: on a phone a legend above the plot runs into the range buttons.
        legend={"orientation": "h", "yanchor": "top", "y": -0.3, "x": 0, "title": {"text": ""}},
        hovermode="closest",
        clickmode="event+select",
        dragmode="pan",
        uirevision="timeline",  # keep zoom when only the data changes
        plot_bgcolor="white",
        xaxis={
            "type": "date",
            "range": x_range,
            "rangeslider": {"visible": True, "thickness": 0.08, **({"range": x_range} if x_range else {})},
            "showgrid": True,
            "gridcolor": "#eeeeee",
            "rangeselector": {
                "x": 0,
                "y": 1.08,
                "buttons": [
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"count": 5, "label": "5y", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ],
            },
        },
        yaxis={
            "tickvals": tickvals,
            "ticktext": ticktext,
            "range": [-2.1, len(CATEGORIES) + 0.7],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
        },
    )
