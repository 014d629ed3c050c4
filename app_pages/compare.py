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
from timeline.compare import (
    build_compare_figure,
    format_amount,
    format_years,
    money_columns,
    summarise_administrations,
)
from timeline.i18n import _, category_name
from timeline.models import CATEGORIES
from timeline.view import Filters, filter_frame

CHART_KEY = "compare_chart"
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
    loaded, _key = current_data()
    if loaded.dataset is None:
        return
    admin = next((a for a in loaded.dataset.administrations if a.id == admin_id), None)
    if admin is None:
        return
    st.session_state[FILTER_KEYS[admin.country]] = [admin.id]
    st.session_state.view = _("Timeline")  # the label of the reader's first tab (st.tabs key "view")


def table_of(summary: pd.DataFrame) -> pd.DataFrame:
    """The summary as the table shows it: who and when, the number of events and the money in
    words (its currency in the header) first, then the counts per category and the country."""
    table = pd.DataFrame(
        {
            _("Administration"): [
                # Two-digit end years keep the longest name short enough to read whole on a phone.
                f"{name} {format_years(start, end, short=True)}"
                for name, start, end in zip(summary["name"], summary["start"], summary["end"], strict=True)
            ],
            _("Events"): summary["total"],
        }
    )
    for currency in money_columns(summary):
        table[currency] = [format_amount(v) if v > 0 else "" for v in summary[currency]]
    for category in CATEGORIES:
        table[category_name(category)] = summary[category]
    table[_("Country")] = summary["country"]
    return table


def table_columns(currencies: list[str]) -> dict:
    """Column widths that keep a term's whole name, its events and its money in view on a
    desktop; a phone scrolls sideways to the money and the categories."""
    config = {
        _("Administration"): st.column_config.TextColumn(width=236),
        _("Events"): st.column_config.NumberColumn(width=56),
        _("Country"): st.column_config.TextColumn(width=70),
    }
    config.update({c: st.column_config.TextColumn(width=84) for c in currencies})
    config.update({category_name(c): st.column_config.NumberColumn(width="small") for c in CATEGORIES})
    return config


def render(loaded: Loaded, filters: Filters) -> None:
    """The caption, the chart (a click filters the timeline) and the table of the same numbers."""
    st.caption(
        _(
            "Events per presidential term, by category, and the money they announce (summed per currency). "
            "An event counts for every term it overlaps. The category, year and search filters apply; the "
            "administration filters don't, so every term stays in view. Click a bar to show that term on the "
            "timeline."
        )
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
    st.dataframe(table_of(summary), hide_index=True, column_config=table_columns(money_columns(summary)))
