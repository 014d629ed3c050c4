"""The administrations side by side (the third tab of the reader's page).

For every US and Mexican term: its events per category and the money they announce, as a
chart and as a table. Clicking a term's bar filters the timeline to that term and opens the
Timeline tab.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from app_pages.shared import Loaded, current_data
from timeline.compare import build_compare_figure, format_money, format_years, money_columns, summarise_administrations
from timeline.models import CATEGORIES
from timeline.view import Filters, filter_frame

CHART_KEY = "compare_chart"
TIMELINE_TAB = "Timeline"  # the label of the reader's first tab (st.tabs key "view")
FILTER_KEYS = {"US": "f_us", "MX": "f_mx"}  # the sidebar's widget keys in reader.py


def summary_filters(filters: Filters) -> Filters:
    """The reader's filters without the administration filters: every term stays in the
    comparison, and clicking one narrows the timeline to something that was visible here."""
    return replace(filters, us=(), mx=())


def summarise(loaded: Loaded, filters: Filters) -> pd.DataFrame:
    """The summary of the events passing the category, year and search filters."""
    shown = filter_frame(loaded.frame, summary_filters(filters))
    events = [loaded.dataset.events[i] for i in shown["idx"]]
    return summarise_administrations(loaded.dataset, events)


def on_compare_select() -> None:
    """A bar was clicked: filter the timeline to its administration and show the timeline.

    The tabs have a key and track their state (``on_change="rerun"``), so writing a label to
    ``st.session_state.view`` before the rerun selects that tab.
    """
    points = (st.session_state.get(CHART_KEY) or {}).get("selection", {}).get("points", [])
    if not points:
        return
    data = points[0].get("customdata")
    admin_id = data[0] if isinstance(data, list) else data
    loaded, _ = current_data()
    if loaded.dataset is None:
        return
    admin = next((a for a in loaded.dataset.administrations if a.id == admin_id), None)
    if admin is None:
        return
    st.session_state[FILTER_KEYS[admin.country]] = [admin.id]
    st.session_state.view = TIMELINE_TAB


def table_of(summary: pd.DataFrame) -> pd.DataFrame:
    """The summary as the table shows it: who, when, the counts, and the money in words."""
    currencies = money_columns(summary)
    table = pd.DataFrame(
        {
            "Country": summary["country"].map({"US": "US", "MX": "Mexico"}),
            "Administration": summary["name"],
            "Years": [format_years(s, e) for s, e in zip(summary["start"], summary["end"], strict=True)],
            "Events": summary["total"],
        }
    )
    for category in CATEGORIES:
        table[category] = summary[category]
    for currency in currencies:
        table[currency] = [format_money(v, currency) if v > 0 else "" for v in summary[currency]]
    return table


def render(loaded: Loaded, filters: Filters) -> None:
    """The caption, the chart (a click filters the timeline) and the table of the same numbers."""
    st.caption(
        "Each bar is one presidential term: its events by category, the number of events and the money "
        "announced (summed per currency, not converted). An event counts for every term its dates overlap, "
        "so a handover day or an event dated only by its year counts for both. The category, year and search "
        "filters apply here; the administration filters do not, so every term stays in view. "
        "Click a bar to show that term's events on the timeline."
    )
    summary = summarise(loaded, filters)
    figure = build_compare_figure(summary, selected=filters.us + filters.mx)
    st.plotly_chart(
        figure,
        key=CHART_KEY,
        on_select=on_compare_select,
        selection_mode="points",
        config={"displayModeBar": False, "displaylogo": False},
    )
    st.dataframe(
        table_of(summary),
        hide_index=True,
        column_config={c: st.column_config.NumberColumn(c, width="small") for c in CATEGORIES},
    )
