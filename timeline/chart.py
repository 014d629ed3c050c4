"""The timeline chart as plain data: events in category lanes over two administration bands.

The page draws it with Plotly.js in the browser (``app_pages/timeline_chart.js``), because
where a marker sits, which same-day markers stack or merge into a cluster, and which labels
fit all depend on the pixels the reader has, which only the browser knows, and change when
the reader zooms. This module computes everything else, once per dataset and filters: the
columns of the events, their lanes, titles, dates and labels, and the layout with the bands.

Text that Plotly renders (titles in hover labels, band and lane names) is escaped here for
Plotly's subset of HTML; labels are set as plain text by the browser code and are sent
unescaped.
"""

from __future__ import annotations

import datetime as dt
import html

import numpy as np
import orjson
import pandas as pd

from timeline.i18n import N_, _, category_name, language
from timeline.models import CATEGORIES
from timeline.validate import Dataset
from timeline.view import column

WEBGL_THRESHOLD = 1000  # past this many markers the browser draws them with WebGL
CATEGORY_COLOURS = {
    "agreement": "#1b7837",
    "funding": "#b35806",
    "enforcement": "#b2182b",
    "migration-pathways": "#2166ac",
    "diplomacy": "#762a83",
    "context": "#595959",
}
PRECISIONS = ("day", "month", "year")
PARTY_COLOURS = {
    "Democratic": "#c6dbef",
    "Republican": "#fdd0a2",
    "PAN": "#dadaeb",
    "PRI": "#c7e9c0",
    "Morena": "#f2c4ce",
}
# Lanes: the first category on top. Lane i sits at y = len(CATEGORIES) - i; the two bands
# (US above Mexico) sit beneath the lowest lane.
BAND_ROWS = {"US": (-0.05, 0.45), "MX": (-0.65, -0.15)}  # y0, y1 of each band row
Y_RANGE = (-0.7, len(CATEGORIES) + 0.55)


def plotly_text(text: object) -> str:
    """Text for a place where Plotly renders its subset of HTML: ``<``, ``>`` and ``&`` escaped,
    quotes left as they are (Plotly shows ``&quot;`` literally)."""
    return html.escape(str(text), quote=False)


def lane_of(category: str) -> int:
    """The lane index of a category (0 is the top lane)."""
    return CATEGORIES.index(category)


def lane_y(lane: int) -> float:
    """The y of a lane's centre line."""
    return float(len(CATEGORIES) - lane)


def default_x_range(frame: pd.DataFrame) -> list[str] | None:
    """The x range that shows every event in ``frame`` with a margin, as ISO dates."""
    if not len(frame):
        return None
    first, last = frame["first"].min(), frame["last"].max()
    pad = max(pd.Timedelta(days=60), (last - first) * 0.03)
    return [(first - pad).date().isoformat(), (last + pad).date().isoformat()]


def band_shapes(dataset: Dataset, today: dt.date | None = None, lang: str = "en") -> list[dict]:
    """One rectangle per administration, in its country's row, labelled with the president."""
    today = today or dt.date.today()
    shapes = []
    for admin in dataset.administrations:
        y0, y1 = BAND_ROWS[admin.country]
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "y",
                "x0": admin.start.isoformat(),
                "x1": (admin.end or today).isoformat(),
                "y0": y0,
                "y1": y1,
                "layer": "below",
                "fillcolor": PARTY_COLOURS.get(admin.party, "#dddddd"),
                "line": {"width": 1, "color": "white"},
                "label": {"text": plotly_text(admin.name_in(lang)), "font": {"size": 11, "color": "#222"}},
                "name": admin.id,
            }
        )
    return shapes


def base_layout(dataset: Dataset, frame: pd.DataFrame, height: int, lang: str = "en") -> dict:
    """The layout without events, in ``lang``: axes, bands, lane lines and names, range buttons."""
    lanes = [lane_y(i) for i in range(len(CATEGORIES))]
    shapes = band_shapes(dataset, lang=lang)
    shapes += [
        {
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
        for y in lanes
    ]
    lane_names = [
        {
            "xref": "paper",
            "yref": "y",
            "x": 0,
            "y": y + 0.5,
            "xanchor": "left",
            "yanchor": "top",
            "text": plotly_text(category_name(category, lang)),
            "showarrow": False,
            "font": {"size": 11, "color": CATEGORY_COLOURS[category]},
            "name": f"lane:{category}",
        }
        for category, y in zip(CATEGORIES, lanes, strict=True)
    ]
    band_names = [
        {
            "xref": "paper",
            "yref": "y",
            "x": 0,
            "y": sum(BAND_ROWS[country]) / 2,
            "xanchor": "right",
            "text": f"<b>{name}</b>",
            "showarrow": False,
            "font": {"size": 11, "color": "#222"},
            "name": f"band:{country}",
        }
        for country, name in (("US", _("US")), ("MX", _("MX")))
    ]
    return {
        "height": height,
        "margin": {"l": 28, "r": 8, "t": 36, "b": 24},
        "showlegend": False,
        "hovermode": "closest",
        "dragmode": "pan",
        "uirevision": "timeline",  # the reader's zoom survives new data
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
        "xaxis": {
            "type": "date",
            "range": default_x_range(frame),
            "showgrid": True,
            "gridcolor": "#f0f0f0",
            "zeroline": False,
            "rangeselector": {
                "x": 0,
                "y": 1.01,
                "yanchor": "bottom",
                "font": {"size": 11},
                "buttons": [
                    {"count": 1, "label": _("1y"), "step": "year", "stepmode": "backward"},
                    {"count": 5, "label": _("5y"), "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": _("all")},
                ],
            },
        },
        "yaxis": {
            "range": list(Y_RANGE),
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
            "showticklabels": False,
        },
        "shapes": shapes,
        "annotations": lane_names + band_names,
    }


# What the browser writes itself, in the reader's language ({n}, {when}, {error} filled there).
CHART_STRINGS = {
    "cluster": N_("{n} events, {when}"),
    "planned": N_("planned"),
    "labels": N_("Labelled events"),
    "close": N_("Close the list"),
    "failed": N_("The chart could not be drawn: {error}"),
}


def chart_payload(frame: pd.DataFrame, dataset: Dataset, height: int = 480, lang: str = "en") -> dict:
    """Everything the browser needs to draw the rows of ``frame`` in ``lang``: the events as
    columns, the categories, the layout and the chart's own words. The page sends it for all
    events, once, and then only the view (``view_payload``) for each set of filters."""
    with language(lang):
        return _chart_payload(frame, dataset, height, lang)


def _chart_payload(frame: pd.DataFrame, dataset: Dataset, height: int, lang: str) -> dict:
    lanes = frame["category"].map(lane_of).to_numpy(dtype=np.int8) if len(frame) else np.array([], np.int8)
    # Columns the browser reads for every event; the rare ones (an end, a headline, a planned
    # event) as the positions that have them, so they cost nothing for the others.
    ends = frame["end_ms"].to_numpy()
    has_end = np.flatnonzero(~np.isnan(ends)) if len(frame) else np.array([], np.int64)
    return {
        "events": {
            "idx": frame["idx"].to_numpy(dtype=np.int32),
            "id": frame["id"].tolist(),
            "x": frame["x_ms"].to_numpy(dtype=np.float64),
            "lane": lanes,
            "precision": frame["precision"].map(PRECISIONS.index).to_numpy(dtype=np.int8),
            "title": frame[column("title", lang)].map(plotly_text).tolist(),  # for the hover label: HTML
            "date": frame[column("date_label", lang)].tolist(),
            "label": frame[column("label", lang)].tolist(),
        },
        "sparse": {
            "end": {"at": has_end, "value": ends[has_end]},
            "headline": np.flatnonzero(frame["headline"].to_numpy()),
            "planned": np.flatnonzero(frame["planned"].to_numpy()),
        },
        "categories": [{"name": category_name(c, lang), "colour": CATEGORY_COLOURS[c]} for c in CATEGORIES],
        "strings": {key: _(text) for key, text in CHART_STRINGS.items()},
        "lang": lang,
        "lanes": [lane_y(i) for i in range(len(CATEGORIES))],
        "webgl": len(frame) > WEBGL_THRESHOLD,
        "layout": base_layout(dataset, frame, height, lang),
        # a band too narrow for its term's whole name shows the short one (the band's shape name)
        "short_names": {a.id: plotly_text(a.short_name) for a in dataset.administrations if a.short_name},
    }


def view_payload(shown: pd.DataFrame, total: int) -> dict:
    """What the filters let through, for a browser that holds the payload of all ``total``
    events: their rows (positions in time order; None for all), the x range that shows them and
    whether they need WebGL. A few bytes an event, so a filter change sends little."""
    every = len(shown) == total
    return {
        "rows": None if every else shown["idx"].to_numpy(dtype=np.int32),
        "range": default_x_range(shown),
        "webgl": len(shown) > WEBGL_THRESHOLD,
    }


def payload_json(payload: dict) -> bytes:
    """The payload as compact JSON (numpy arrays as plain lists)."""
    return orjson.dumps(payload, option=orjson.OPT_SERIALIZE_NUMPY)
