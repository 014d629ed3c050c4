"""The administrations side by side: events per category and money announced, per term.

``summarise_administrations`` counts, for every US and Mexican administration, the events
whose dates overlap its term (exactly the administrations the dataset derives for each event,
which the CSV export also writes) and sums the amounts they announce, per currency.
``build_compare_figure`` draws that summary as two panels of horizontal stacked bars.

Pure: no streamlit here. Text that Plotly renders goes through ``plotly_text`` (``html.escape``
without quotes) exactly once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from timeline.chart import CATEGORY_COLOURS, plotly_text
from timeline.i18n import N_, _, category_name, current_language, ngettext
from timeline.i18n import format_amount as format_amount
from timeline.i18n import format_money as format_money
from timeline.models import CATEGORIES, Administration, Event
from timeline.validate import Dataset

COUNTRIES = (("US", N_("United States")), ("MX", N_("Mexico")))
PREFERRED_CURRENCIES = ("USD", "MXN")  # first in the table, in this order; others follow alphabetically
# The number and the money after each bar ("23 · USD 4.9 billion") are written in the right
# margin, beyond the longest bar. On a phone that strip is also where a swipe scrolls the page:
# Plotly keeps the touches that start on its plot area for itself.
TEXT_MARGIN_PX = 156
BAR_WIDTH = 0.42  # in slots (one slot per administration): the name sits in the rest
SLOT_PX = 46  # the height of one administration's slot, in pixels
PANEL_EXTRA_PX = 56  # each panel's title and padding
KEY_PX = 44  # the colour key's two lines above the panels
KEY_ROWS = (CATEGORIES[:3], CATEGORIES[3:])  # two lines that fit a phone's width
KEY_GAP = "\u2003\u2002"  # an em and an en space between entries: plain spaces collapse to one in SVG
SELECTED_FILL = "#fff4c2"
# The summary's columns before the money columns (one per currency) begin.
SUMMARY_FIXED = ("country", "id", "name", "start", "end", *CATEGORIES, "total")


def order_administrations(dataset: Dataset) -> list[Administration]:
    """US terms then Mexican terms, each by start date."""
    rank = {country: i for i, (country, _name) in enumerate(COUNTRIES)}
    return sorted(dataset.administrations, key=lambda a: (rank.get(a.country, len(rank)), a.start, a.id))


def list_currencies(dataset: Dataset) -> list[str]:
    """Every currency any event of the dataset announces: USD and MXN first, then the others.

    Taken from the whole dataset, not the filtered events, so the columns stay put while the
    reader filters.
    """
    found = {amount.currency for event in dataset.events for amount in event.amounts}
    return [c for c in PREFERRED_CURRENCIES if c in found] + sorted(found - set(PREFERRED_CURRENCIES))


def format_years(start: dt.date, end: dt.date | None, short: bool = False) -> str:
    """A term's years, e.g. "2009–2017" ("2009–17" when ``short``), or "2025–now" for the
    incumbent."""
    if end is None:
        return f"{start.year}–" + _("now")
    last = f"{end.year % 100:02d}" if short and end.year // 100 == start.year // 100 else str(end.year)
    return f"{start.year}–{last}"


def describe_money(row: Mapping, currencies: Sequence[str]) -> str:
    """The money an administration's events announce, one currency after another ("" when none)."""
    return " · ".join(format_money(row[c], c) for c in currencies if row[c] > 0)


def summarise_administrations(dataset: Dataset, events: Iterable[Event] | None = None) -> pd.DataFrame:
    """One row per administration (US then MX, each by start): country, id, name, start, end,
    one count column per category, ``total`` events, and one column per currency with the sum
    of the amounts announced (0 when none).

    An event counts for every administration its dates overlap, as the dataset derives them
    (``dataset.us_admins`` and ``dataset.mx_admins``): a handover day or an event dated only by
    its year counts for both terms. ``events`` defaults to every event of the dataset.
    """
    admins = order_administrations(dataset)
    currencies = list_currencies(dataset)
    counted, money = [], []
    for event in dataset.events if events is None else events:
        for admin_id in dataset.us_admins.get(event.id, []) + dataset.mx_admins.get(event.id, []):
            counted.append((admin_id, event.category))
            money.extend((admin_id, a.currency, a.value) for a in event.amounts)
    ids = [a.id for a in admins]
    counts = (
        pd.DataFrame(counted, columns=["id", "category"])
        .pipe(lambda f: pd.crosstab(f["id"], f["category"]))
        .reindex(index=ids, columns=list(CATEGORIES), fill_value=0)
        .astype(int)
    )
    sums = (
        pd.DataFrame(money, columns=["id", "currency", "value"])
        .pivot_table(index="id", columns="currency", values="value", aggfunc="sum")
        .reindex(index=ids, columns=currencies)
        .fillna(0.0)
        .astype(float)
    )
    summary = pd.DataFrame(
        {
            "country": [a.country for a in admins],
            "id": ids,
            "name": [a.name_in(current_language()) for a in admins],
            "start": [a.start for a in admins],
            "end": [a.end for a in admins],
        }
    )
    summary[list(CATEGORIES)] = counts.to_numpy()
    summary["total"] = counts.sum(axis=1).to_numpy()
    summary[currencies] = sums.to_numpy()
    return summary


def money_columns(summary: pd.DataFrame) -> list[str]:
    """The summary's currency columns, in order."""
    return [c for c in summary.columns if c not in SUMMARY_FIXED]


def hover_text(row: Mapping, category: str | None, currencies: Sequence[str]) -> str:
    """What a bar shows under the pointer (escaped once, for Plotly)."""
    head = f"<b>{plotly_text(row['name'])}</b> ({format_years(row['start'], row['end'])})"
    lines = [head]
    total = ngettext("{n} event", "{n} events", row["total"]).format(n=row["total"])
    if category is not None:
        count = _("{category}: {n} of {total}").format(category=category_name(category), n=row[category], total=total)
        lines.append(plotly_text(count))
    else:
        lines.append(plotly_text(total))
    money = describe_money(row, currencies)
    if money:
        lines.append(plotly_text(_("{money} announced").format(money=money)))
    lines.append(plotly_text(_("Click to show this term on the timeline")))
    return "<br>".join(lines)


def describe_total(row: Mapping, currencies: Sequence[str]) -> str:
    """What follows a bar: its number of events and the money announced (escaped for Plotly)."""
    if row["total"] == 0:
        return plotly_text(_("no events"))
    # One currency a line: the text must fit the right margin.
    money = "<br>".join(plotly_text(format_money(row[c], c)) for c in currencies if row[c] > 0)
    return f"<b>{row['total']}</b>" + (f"  ·  {money}" if money else "")


def category_key() -> str:
    """The colour key as text: a coloured square before each category, on two fixed lines.

    Plotly's own legend wraps to the width of the plot area, which leaves out the wide right
    margin: on a phone it would take one line per category and run over the first panel.
    """
    return "<br>".join(
        KEY_GAP.join(f"<span style='color:{CATEGORY_COLOURS[c]}'>■</span> {plotly_text(category_name(c))}" for c in row)
        for row in KEY_ROWS
    )


def _axis_ids(row: int) -> tuple[str, str]:
    """The axis ids of panel ``row`` (1-based), as traces name them ("x", "y2", ...)."""
    suffix = "" if row == 1 else str(row)
    return f"x{suffix}", f"y{suffix}"


def panel_domains(slots: Sequence[int], spacing: float = 0.06) -> list[tuple[float, float]]:
    """The vertical extent (paper coordinates) of each panel, the first on top: each as tall as
    its administrations plus about one more for its title."""
    weights = [n + 1.3 for n in slots]
    usable = 1 - spacing * (len(slots) - 1)
    domains, top = [], 1.0
    for weight in weights:
        height = usable * weight / sum(weights)
        domains.append((max(top - height, 0.0), top))
        top -= height + spacing
    return domains


def _panel_traces(rows: list[dict], row: int, selected: set[str], x_max: float) -> list[dict]:
    """One country's bars: a transparent bar across each administration's row (the whole row is
    clickable), then one trace per category, stacked by hand with ``base``."""
    xaxis, yaxis = _axis_ids(row)
    currencies = [c for c in (rows[0] if rows else ()) if c not in SUMMARY_FIXED]
    y = [-float(i) for i in range(len(rows))]  # the first term on top
    ids = [r["id"] for r in rows]
    chosen = [i in selected for i in ids]
    # Dimmed bars make the chosen term stand out when the filter names some of this country.
    opacity = [1.0 if (c or not any(chosen)) else 0.45 for c in chosen]
    common = {"type": "bar", "orientation": "h", "y": y, "customdata": ids, "xaxis": xaxis, "yaxis": yaxis}
    common |= {"hovertemplate": "%{hovertext}<extra></extra>", "showlegend": False}
    traces = [
        common
        | {
            "name": "term",
            "x": [x_max] * len(rows),
            "base": 0,
            "width": 1.0,
            "marker": {"color": "rgba(0,0,0,0)"},
            "hovertext": [hover_text(r, None, currencies) for r in rows],
        }
    ]
    base = [0] * len(rows)
    for category in CATEGORIES:
        counts = [r[category] for r in rows]
        traces.append(
            common
            | {
                "name": category,
                "x": counts,
                "base": list(base),
                "width": BAR_WIDTH,
                "marker": {
                    "color": CATEGORY_COLOURS[category],
                    "opacity": opacity,
                    "line": {"width": [1.5 if c else 0 for c in chosen], "color": "#111"},
                },
                "hovertext": [hover_text(r, category, currencies) for r in rows],
            }
        )
        base = [b + c for b, c in zip(base, counts, strict=True)]
    return traces


def _panel_notes(rows: list[dict], row: int, selected: set[str]) -> tuple[list[dict], list[dict]]:
    """One country's words and highlights: each administration's name and years above its bar,
    its number of events and money after it, and a band behind each selected one."""
    xref, yref = _axis_ids(row)
    currencies = [c for c in (rows[0] if rows else ()) if c not in SUMMARY_FIXED]
    text = {"xref": xref, "yref": yref, "xanchor": "left", "showarrow": False}
    annotations, shapes = [], []
    for i, r in enumerate(rows):
        y, is_chosen = -float(i), r["id"] in selected
        name = f"<b>{plotly_text(r['name'])}</b>  {format_years(r['start'], r['end'])}"
        annotations.append(
            text
            | {
                "name": f"name:{r['id']}",
                "text": name + ("  " + plotly_text(_("✓ filtered")) if is_chosen else ""),
                "x": 0,
                "y": y + BAR_WIDTH / 2 + 0.04,
                "yanchor": "bottom",
                "font": {"size": 12, "color": "#111"},
            }
        )
        annotations.append(
            text
            | {
                "name": f"total:{r['id']}",
                "text": describe_total(r, currencies),
                "x": r["total"],
                "y": y,
                "xshift": 4 if r["total"] else 0,
                "font": {"size": 12, "color": "#111" if r["total"] else "#767676"},
            }
        )
        if is_chosen:
            shapes.append(
                {
                    "name": f"selected:{r['id']}",
                    "type": "rect",
                    "xref": f"{xref} domain",
                    "yref": yref,
                    "x0": 0,
                    "x1": 1,
                    "y0": y - 0.5,
                    "y1": y + 0.5,
                    "fillcolor": SELECTED_FILL,
                    "line": {"width": 0},
                    "layer": "below",
                }
            )
    return annotations, shapes


def _axes(row: int, domain: tuple[float, float], slots: int, x_max: float) -> dict:
    """The hidden, fixed axes of panel ``row``, as layout keys ("xaxis2": {...})."""
    xaxis, yaxis = _axis_ids(row)
    hidden = {"visible": False, "fixedrange": True}
    return {
        xaxis.replace("x", "xaxis"): hidden | {"range": [0, x_max], "domain": [0, 1], "anchor": yaxis},
        yaxis.replace("y", "yaxis"): hidden | {"range": [-slots + 0.45, 0.6], "domain": list(domain), "anchor": xaxis},
    }


def _note(html_text: str, top: float, size: int) -> dict:
    """Text (already in Plotly's HTML) at the left edge, just above ``top`` (paper coordinates)."""
    return {
        "text": html_text,
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": top,
        "xanchor": "left",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": size, "color": "#111"},
    }


def _title(text: str, top: float) -> dict:
    """A panel's title, above its top edge."""
    return _note(plotly_text(text), top, 15)


def _key(top: float) -> dict:
    """The colour key, above the first panel's title."""
    return {**_note(category_key(), top, 12), "name": "key", "yshift": 30, "align": "left"}


def build_compare_figure(summary: pd.DataFrame, selected: Sequence[str] = ()) -> go.Figure:
    """Two panels of horizontal bars, US above Mexico: one bar per administration stacked by
    category in the timeline's colours, its name and years above it, the number of events and
    the money announced after it. Administrations in ``selected`` are highlighted.

    Every bar carries its administration's id in ``customdata``, so a click maps back to it.
    Both panels share one scale, so the bars of the two countries compare by length.
    """
    panels = [(title, summary[summary["country"] == country].to_dict("records")) for country, title in COUNTRIES]
    panels = [(title, rows) for title, rows in panels if rows]
    slots = [len(rows) for _, rows in panels]
    x_max = max(int(summary["total"].max()) if len(summary) else 0, 1)  # the longest bar reaches the margin
    chosen = set(selected)
    traces, layout = [], {"annotations": [], "shapes": []}
    for row, ((title, rows), domain) in enumerate(zip(panels, panel_domains(slots), strict=True), start=1):
        traces += _panel_traces(rows, row, chosen, x_max)
        annotations, shapes = _panel_notes(rows, row, chosen)
        layout["annotations"] += [_title(_(title), domain[1]), *annotations]
        layout["shapes"] += shapes
        layout |= _axes(row, domain, len(rows), x_max)
    if panels:
        layout["annotations"].append(_key(1.0))
    layout |= {
        "height": sum(slots) * SLOT_PX + len(panels) * PANEL_EXTRA_PX + KEY_PX,
        "barmode": "overlay",  # the categories are stacked by hand (base), over the row-wide hit area
        "bargap": 0,
        "margin": {"l": 4, "r": TEXT_MARGIN_PX, "t": KEY_PX + PANEL_EXTRA_PX // 2, "b": 8},
        "showlegend": False,
        "hovermode": "closest",
        # The row-wide bar is transparent: the hover label takes its own colours, not the bar's.
        "hoverlabel": {
            "bgcolor": "white",
            "bordercolor": "#767676",
            "align": "left",
            "font": {"color": "#111", "size": 12},
        },
        "dragmode": False,
        "clickmode": "event+select",
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"},
    }
    return go.Figure(data=traces, layout=layout)
