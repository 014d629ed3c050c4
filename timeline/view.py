"""What the reader is looking at: filters, their URL form, and the prepared event frame.

The page keeps its state in the URL (``event``, ``us``, ``mx``, ``category``, ``from``, ``to``,
``q``); this module turns query parameters into filters and back, ignoring unknown values
with a notice, and filters a frame prepared once per dataset with vectorised operations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import pandas as pd

from timeline.dates import format_partial_date
from timeline.models import CATEGORIES
from timeline.validate import Dataset

MAX_QUERY_CHARS = 200


@dataclass(frozen=True)
class Filters:
    """The reader's filters; empty means "all"."""

    us: tuple[str, ...] = ()
    mx: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    q: str = ""

    def is_default(self) -> bool:
        return self == Filters()


@dataclass
class ViewState:
    """Filters and the selected event, parsed from a URL, with notices for what was ignored."""

    filters: Filters = field(default_factory=Filters)
    event: str | None = None
    notices: list[str] = field(default_factory=list)


def year_bounds(dataset: Dataset) -> tuple[int, int]:
    """The first and last year any event touches."""
    return dataset.year_range


def parse_query(params: Mapping[str, Sequence[str]], dataset: Dataset) -> ViewState:
    """Read the view from query parameters; unknown values are dropped with a notice."""
    state = ViewState()
    known = {
        "US": {a.id for a in dataset.administrations if a.country == "US"},
        "MX": {a.id for a in dataset.administrations if a.country == "MX"},
    }

    def pick(key: str, allowed: set[str] | Sequence[str], what: str) -> tuple[str, ...]:
        kept = []
        for value in params.get(key, []):
            if value in allowed:
                if value not in kept:
                    kept.append(value)
            else:
                state.notices.append(f'Ignored unknown {what} "{value}" in the link ({key}=).')
        return tuple(kept)

    us, mx = pick("us", known["US"], "US administration"), pick("mx", known["MX"], "Mexican administration")
    category = pick("category", CATEGORIES, "category")
    lo, hi = year_bounds(dataset)
    years = {}
    for key in ("from", "to"):
        values = params.get(key, [])
        if not values:
            continue
        raw = values[-1]
        if raw.isdigit() and len(raw) == 4:
            years[key] = min(max(int(raw), lo), hi)
        else:
            state.notices.append(f'Ignored "{raw}" for {key}=: give a year such as {lo}.')
    if "from" in years and "to" in years and years["from"] > years["to"]:
        state.notices.append(f"Swapped the years: from={years['from']} is after to={years['to']}.")
        years["from"], years["to"] = years["to"], years["from"]
    q = " ".join(params.get("q", [])).strip()
    if len(q) > MAX_QUERY_CHARS:
        state.notices.append(f"Shortened the search text to {MAX_QUERY_CHARS} characters.")
        q = q[:MAX_QUERY_CHARS]
    state.filters = Filters(us, mx, category, years.get("from"), years.get("to"), q)
    events = params.get("event", [])
    if events:
        if dataset.event(events[-1]) is not None:
            state.event = events[-1]
        else:
            state.notices.append(f'No event "{events[-1]}" in this timeline; showing all events.')
    return state


def to_query(filters: Filters, event: str | None) -> dict[str, list[str]]:
    """The query parameters that say what is shown (defaults left out)."""
    query: dict[str, list[str]] = {}
    if event:
        query["event"] = [event]
    for key in ("us", "mx", "category"):
        if getattr(filters, key):
            query[key] = list(getattr(filters, key))
    if filters.year_from is not None:
        query["from"] = [str(filters.year_from)]
    if filters.year_to is not None:
        query["to"] = [str(filters.year_to)]
    if filters.q:
        query["q"] = [filters.q]
    return query


def normalise_years(filters: Filters, dataset: Dataset) -> Filters:
    """Drop year bounds equal to the data's own bounds, so the URL stays clean."""
    lo, hi = year_bounds(dataset)
    return replace(
        filters,
        year_from=None if filters.year_from in (None, lo) else filters.year_from,
        year_to=None if filters.year_to in (None, hi) else filters.year_to,
    )


def _midpoint(event) -> pd.Timestamp:
    first, last = event.date.first_day(), event.date.last_day()
    return pd.Timestamp(first) + (pd.Timestamp(last) - pd.Timestamp(first)) / 2


def prepare_frame(dataset: Dataset) -> pd.DataFrame:
    """One row an event with everything filtering, the chart and the table need."""
    admin_bit = {a.id: 1 << i for i, a in enumerate(dataset.administrations)}
    rows = []
    for index, event in enumerate(dataset.events):
        quotes = " ".join(p.excerpt.quote for p in dataset.passages.get(event.id, []))
        us, mx = dataset.us_admins.get(event.id, []), dataset.mx_admins.get(event.id, [])
        rows.append(
            {
                "idx": index,
                "id": event.id,
                "title": event.title,
                "category": event.category,
                "precision": event.date.precision,
                "date": str(event.date),
                "date_label": format_partial_date(event.date)
                + (f" – {format_partial_date(event.end)}" if event.end else ""),
                "x": _midpoint(event),
                "first": pd.Timestamp(event.first_day()),
                "last": pd.Timestamp(event.last_day()),
                "span_end": pd.Timestamp(event.end.last_day()) if event.end else pd.NaT,
                "year_first": event.first_day().year,
                "year_last": event.last_day().year,
                "us_mask": sum(admin_bit[a] for a in us),
                "mx_mask": sum(admin_bit[a] for a in mx),
                "us": ", ".join(dataset.administration(a).name for a in us),
                "mx": ", ".join(dataset.administration(a).name for a in mx),
                "sources": "; ".join(dict.fromkeys(dataset.sources[x.source].outlet for x in event.excerpts)),
                "search": " ".join([event.title, event.summary, quotes, " ".join(event.actors)]).casefold(),
                "label": getattr(event, "label", None) or "",
                "headline": bool(getattr(event, "headline", False)),
                "planned": getattr(event, "status", "reported") == "planned",
            }
        )
    columns = [
        "idx",
        "id",
        "title",
        "category",
        "precision",
        "date",
        "date_label",
        "x",
        "first",
        "last",
        "span_end",
        "year_first",
        "year_last",
        "us_mask",
        "mx_mask",
        "us",
        "mx",
        "sources",
        "search",
        "label",
        "headline",
        "planned",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["idx"] = frame["idx"].astype("int32")
    # What the chart sends, computed once: times as milliseconds since 1970.
    frame["x_ms"] = (frame["x"] - pd.Timestamp("1970-01-01")) / pd.Timedelta(milliseconds=1)
    frame["end_ms"] = (frame["span_end"] - pd.Timestamp("1970-01-01")) / pd.Timedelta(milliseconds=1)
    frame.attrs["admin_bit"] = admin_bit
    return frame


def filter_frame(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows that pass every filter (vectorised: no Python loop over events)."""
    keep = pd.Series(True, index=frame.index)
    bits = frame.attrs.get("admin_bit", {})
    for key, column in (("us", "us_mask"), ("mx", "mx_mask")):
        chosen = getattr(filters, key)
        if chosen:
            mask = sum(bits.get(a, 0) for a in chosen)
            keep &= (frame[column].to_numpy() & mask) != 0
    if filters.category:
        keep &= frame["category"].isin(filters.category)
    if filters.year_from is not None:
        keep &= frame["year_last"] >= filters.year_from
    if filters.year_to is not None:
        keep &= frame["year_first"] <= filters.year_to
    for word in filters.q.casefold().split():
        keep &= frame["search"].str.contains(word, regex=False)
    return frame[keep]
