"""What the reader is looking at: filters, their URL form, and the prepared event frame.

The page keeps its state in the URL (``event``, ``us``, ``mx``, ``category``, ``from``, ``to``,
``q``); this module turns query parameters into filters and back, ignoring unknown values
with a notice, and filters a frame prepared once per dataset with vectorised operations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from timeline.i18n import N_, _, format_date
from timeline.models import CATEGORIES, LANGUAGES
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

    def pick(key: str, allowed: set[str] | Sequence[str], notice: str) -> tuple[str, ...]:
        kept = []
        for value in params.get(key, []):
            if value in allowed:
                if value not in kept:
                    kept.append(value)
            else:
                state.notices.append(_(notice).format(value=value, key=key))
        return tuple(kept)

    us = pick("us", known["US"], N_('Ignored unknown US administration "{value}" in the link ({key}=).'))
    mx = pick("mx", known["MX"], N_('Ignored unknown Mexican administration "{value}" in the link ({key}=).'))
    category = pick("category", CATEGORIES, N_('Ignored unknown category "{value}" in the link ({key}=).'))
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
            notice = _('Ignored "{raw}" for {key}=: give a year such as {lo}.')
            state.notices.append(notice.format(raw=raw, key=key, lo=lo))
    if "from" in years and "to" in years and years["from"] > years["to"]:
        state.notices.append(
            _("Swapped the years: from={start} is after to={end}.").format(start=years["from"], end=years["to"])
        )
        years["from"], years["to"] = years["to"], years["from"]
    q = " ".join(params.get("q", [])).strip()
    if len(q) > MAX_QUERY_CHARS:
        state.notices.append(_("Shortened the search text to {n} characters.").format(n=MAX_QUERY_CHARS))
        q = q[:MAX_QUERY_CHARS]
    state.filters = Filters(us, mx, category, years.get("from"), years.get("to"), q)
    events = params.get("event", [])
    if events:
        if dataset.event(events[-1]) is not None:
            state.event = events[-1]
        else:
            state.notices.append(_('No event "{id}" in this timeline; showing all events.').format(id=events[-1]))
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


TEXT_COLUMNS = ("title", "label", "date_label", "us", "mx")  # one of each per language


def column(name: str, lang: str) -> str:
    """The frame's column of ``name`` in ``lang``: ``title`` in English, ``title_es`` in Spanish."""
    return name if lang == LANGUAGES[0] else f"{name}_{lang}"


def date_label(event, lang: str) -> str:
    """An event's date (and end) at its precision, in ``lang``."""
    label = format_date(event.date, lang)
    return f"{label} – {format_date(event.end, lang)}" if event.end else label


# The types of a frame's columns that are not text (for a dataset without events).
_EMPTY_TYPES = {
    "idx": "int32",
    **dict.fromkeys(("x", "first", "last", "span_end"), "datetime64[s]"),
    **dict.fromkeys(("year_first", "year_last", "us_mask", "mx_mask"), "int64"),
    **dict.fromkeys(("headline", "planned"), "bool"),
}


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
                "category": event.category,
                "precision": event.date.precision,
                "date": str(event.date),
                "x": _midpoint(event),
                "first": pd.Timestamp(event.first_day()),
                "last": pd.Timestamp(event.last_day()),
                "span_end": pd.Timestamp(event.end.last_day()) if event.end else pd.NaT,
                "year_first": event.first_day().year,
                "year_last": event.last_day().year,
                "us_mask": sum(admin_bit[a] for a in us),
                "mx_mask": sum(admin_bit[a] for a in mx),
                "sources": "; ".join(dict.fromkeys(dataset.sources[x.source].outlet for x in event.excerpts)),
                # A search finds an event by its words in either language.
                "search": " ".join(
                    [*(w for lang in LANGUAGES for w in event.text_in(lang) if w), quotes, " ".join(event.actors)]
                ).casefold(),
                "headline": bool(getattr(event, "headline", False)),
                "planned": getattr(event, "status", "reported") == "planned",
            }
        )
        for lang in LANGUAGES:  # what the reader reads, in each language
            title, label, _summary = event.text_in(lang)
            rows[-1].update(
                {
                    column("title", lang): title,
                    column("label", lang): label or "",
                    column("date_label", lang): date_label(event, lang),
                    column("us", lang): ", ".join(dataset.administration(a).name_in(lang) for a in us),
                    column("mx", lang): ", ".join(dataset.administration(a).name_in(lang) for a in mx),
                }
            )
    columns = [
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
        *(column(name, lang) for lang in LANGUAGES for name in TEXT_COLUMNS),
    ]
    frame = pd.DataFrame(rows, columns=columns)
    if not rows:
        # With no events there are no values to read the types from: give the columns the
        # types they have with events, so the filters, the chart and the site read them alike.
        frame = frame.astype(_EMPTY_TYPES | {name: "str" for name in columns if name not in _EMPTY_TYPES})
    frame["idx"] = frame["idx"].astype("int32")
    # What the chart sends, computed once: times as milliseconds since 1970.
    frame["x_ms"] = (frame["x"] - pd.Timestamp("1970-01-01")) / pd.Timedelta(milliseconds=1)
    frame["end_ms"] = (frame["span_end"] - pd.Timestamp("1970-01-01")) / pd.Timedelta(milliseconds=1)
    frame.attrs["admin_bit"] = admin_bit
    return frame


def filter_rows(frame: pd.DataFrame, filters: Filters) -> np.ndarray:
    """The positions of the rows that pass every filter, in order (vectorised: no Python loop
    over events). Cheaper than the rows themselves: the page slices the frame only for what it
    shows."""
    keep = np.ones(len(frame), dtype=bool)
    bits = frame.attrs.get("admin_bit", {})
    for key, column in (("us", "us_mask"), ("mx", "mx_mask")):
        chosen = getattr(filters, key)
        if chosen:
            mask = sum(bits.get(a, 0) for a in chosen)
            keep &= (frame[column].to_numpy() & mask) != 0
    if filters.category:
        keep &= frame["category"].isin(filters.category).to_numpy(dtype=bool)
    if filters.year_from is not None:
        keep &= frame["year_last"].to_numpy() >= filters.year_from
    if filters.year_to is not None:
        keep &= frame["year_first"].to_numpy() <= filters.year_to
    for word in filters.q.casefold().split():
        keep &= frame["search"].str.contains(word, regex=False).to_numpy(dtype=bool)
    return np.flatnonzero(keep)


def filter_frame(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows that pass every filter."""
    return frame.iloc[filter_rows(frame, filters)]
