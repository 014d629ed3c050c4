"""Border Cooperation Timeline: the page layer (both pages), run through ``app.py``.

Lays out widgets, caches, and calls the pure core in ``timeline/``. It is a module, imported
once, rather than the script Streamlit executes on every rerun: the entry script ``app.py``
stays a few lines long. The view lives in the URL (``event``, ``us``, ``mx``, ``category``,
``from``, ``to``, ``q``) so any view can be shared, and the selected event lives in session
state, not in the figure, so a click survives reruns.

Run with ``streamlit run app.py``. ``TIMELINE_DATA_DIR`` and ``TIMELINE_SEEDS_DIR`` point the
page at another dataset.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import streamlit as st

from timeline import DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR
from timeline.chart import memoise_plotly_json
from timeline.details import esc, escape_markdown, render_article, render_event
from timeline.errors import DataError, Problem
from timeline.models import CATEGORIES
from timeline.view import Filters, filter_frame, normalise_years, parse_query, prepare_frame, to_query, year_bounds
from timeline.watch import stat_tree

PAGES_DIR = Path(__file__).resolve().parent
SEEDS_RESCAN_SECONDS = 5.0  # big seed folders are re-listed at most this often per session
WIDGET_KEYS = ("f_us", "f_mx", "f_cat", "f_years", "f_q")
# A title that fits a phone in one or two lines.
PAGE_STYLE = "<style>h1{font-size:clamp(1.7rem,6vw,2.6rem)!important;padding-top:0!important}</style>"


@dataclass(frozen=True)
class Loaded:
    """A verified dataset with its prepared frame, or the problems that stopped it."""

    dataset: object = None
    frame: object = None
    problems: tuple[Problem, ...] = ()


def data_dirs() -> tuple[Path, Path]:
    """The data and seeds folders: the environment's, or the shipped ones."""
    data = os.environ.get("TIMELINE_DATA_DIR") or DEFAULT_DATA_DIR
    seeds = os.environ.get("TIMELINE_SEEDS_DIR") or DEFAULT_SEEDS_DIR
    return Path(data).resolve(), Path(seeds).resolve()


def fingerprint(data_dir: Path, seeds_dir: Path) -> tuple:
    """What changes when any data file or article changes (sizes and modification times)."""
    data = stat_tree(data_dir)
    key = ("seeds_fp", str(seeds_dir))
    cached = st.session_state.get(key)
    now = time.monotonic()
    if cached is None or len(cached[1]) < 2000 or now - cached[0] > SEEDS_RESCAN_SECONDS:
        cached = (now, stat_tree(seeds_dir))
        st.session_state[key] = cached
    return (data, cached[1])


@st.cache_resource(max_entries=4, show_spinner="Verifying the data…")
def load(data_dir: str, seeds_dir: str, fingerprint_hash: int) -> Loaded:
    """Load, verify and prepare the dataset once per change of its files (the hash is part of
    the cache key: a changed file means a new entry)."""
    from timeline.validate import load_dataset

    try:
        dataset = load_dataset(Path(data_dir), Path(seeds_dir))
    except DataError as exc:
        return Loaded(problems=tuple(exc.problems))
    return Loaded(dataset=dataset, frame=prepare_frame(dataset))


def current_data() -> tuple[Loaded, tuple]:
    """The verified dataset for the configured folders (cached until a file changes), and the
    key that names this version of it."""
    data_dir, seeds_dir = data_dirs()
    key = (str(data_dir), str(seeds_dir), hash(fingerprint(data_dir, seeds_dir)))
    return load(*key), key


@st.cache_resource(max_entries=64)
def figure_for(_loaded: Loaded, load_key: tuple, filters: Filters, height: int):
    """The figure for one set of filters (cached: switching back is free)."""
    from timeline.chart import build_figure

    return build_figure(filter_frame(_loaded.frame, filters), _loaded.dataset, height=height)


def show_problems(problems: tuple[Problem, ...], data_dir: Path) -> None:
    """The validator's error list, instead of a traceback or a blank page."""
    st.error(
        f"The data in {escape_markdown(str(data_dir))} did not validate: {len(problems)} problem(s). "
        "Fix them and the page reloads on its own."
    )
    items = "".join(
        f"<li><code>{esc(p.file)}{':' + str(p.line) if p.line else ''}</code> {esc(str(p).split(': ', 1)[-1])}</li>"
        for p in problems
    )
    st.html(f"<ol class='tl-problems' style='line-height:1.6'>{items}</ol>")


def current_query() -> dict[str, list[str]]:
    """The URL's query parameters, every value of every key."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def sync_from_url(dataset, lo: int, hi: int) -> None:
    """Apply the URL to the widgets on a session's first run, or when the URL changed under us
    (the browser's Back and Forward buttons, or a pasted link)."""
    query = current_query()
    if st.session_state.get("_url") == query:
        return
    state = parse_query(query, dataset)
    f = state.filters
    st.session_state.f_us = list(f.us)
    st.session_state.f_mx = list(f.mx)
    st.session_state.f_cat = list(f.category)
    st.session_state.f_years = (f.year_from or lo, f.year_to or hi)
    st.session_state.f_q = f.q
    st.session_state.event = state.event
    st.session_state._notices = state.notices
    st.session_state._url = query


def sync_to_url(filters: Filters, event: str | None) -> None:
    """Write the view into the URL when it differs (one history entry per real change)."""
    wanted = to_query(filters, event)
    if wanted != current_query():
        st.query_params.from_dict(wanted)
    st.session_state._url = wanted


def clear_filters() -> None:
    """Reset every filter (the selected event stays)."""
    for key in WIDGET_KEYS:
        st.session_state.pop(key, None)
    st.session_state._clear = True


def select_event(event_id: str | None) -> None:
    """Make ``event_id`` the selected event."""
    st.session_state.event = event_id


def on_chart_select() -> None:
    """A marker was clicked: its customdata is the event's index in time order."""
    points = (st.session_state.get("chart") or {}).get("selection", {}).get("points", [])
    if not points:
        return
    data = points[0].get("customdata")
    index = data[0] if isinstance(data, list) else data
    loaded, _ = current_data()
    if loaded.dataset is not None and isinstance(index, (int, float)) and 0 <= int(index) < len(loaded.dataset.events):
        select_event(loaded.dataset.events[int(index)].id)


def on_table_select() -> None:
    """A table row was selected: map its position back to the event id."""
    rows = (st.session_state.get("table") or {}).get("selection", {}).get("rows", [])
    ids = st.session_state.get("_table_ids", [])
    if rows and rows[0] < len(ids):
        select_event(ids[rows[0]])


def sidebar_filters(dataset, lo: int, hi: int) -> Filters:
    """The filter widgets; returns the filters they say."""
    us = [a for a in dataset.administrations if a.country == "US"]
    mx = [a for a in dataset.administrations if a.country == "MX"]
    names = {a.id: f"{a.name} ({a.start.year}–{a.end.year if a.end else 'now'})" for a in dataset.administrations}
    if st.session_state.pop("_clear", False):
        st.session_state.update(f_us=[], f_mx=[], f_cat=[], f_years=(lo, hi), f_q="")
    for key, empty in (("f_us", []), ("f_mx", []), ("f_cat", []), ("f_years", (lo, hi)), ("f_q", "")):
        st.session_state.setdefault(key, empty)
    with st.sidebar:
        st.header("Filters")
        st.multiselect("US administration", [a.id for a in us], format_func=names.get, key="f_us", placeholder="All")
        st.multiselect(
            "Mexican administration", [a.id for a in mx], format_func=names.get, key="f_mx", placeholder="All"
        )
        st.multiselect("Category", list(CATEGORIES), key="f_cat", placeholder="All")
        if lo < hi:
            st.slider("Years", min_value=lo, max_value=hi, key="f_years")
        st.text_input("Search titles, summaries and quotes", key="f_q", max_chars=200)
    years = st.session_state.f_years
    filters = Filters(
        us=tuple(st.session_state.f_us),
        mx=tuple(st.session_state.f_mx),
        category=tuple(st.session_state.f_cat),
        year_from=years[0],
        year_to=years[1],
        q=st.session_state.f_q.strip(),
    )
    return normalise_years(filters, dataset)


def export_later(dataset, fmt: str, ids: tuple[str, ...]):
    """A callable that builds the export only when its button is clicked."""

    def build() -> str:
        from timeline.export import export_events

        return export_events(dataset, fmt, [dataset.event(i) for i in ids])

    return build


def reader_page() -> None:
    """The timeline: filters, chart, event details with passages, table and exports."""
    data_dir, _ = data_dirs()
    st.html(PAGE_STYLE)
    st.title("Border Cooperation Timeline")
    st.caption(
        "US–Mexico border cooperation, event by event. Each marker is an event reported in the news; the bands "
        "beneath show who governed in Washington and Mexico City. Click a marker or a table row to read the "
        "sentences it rests on. "
        "● day · ■ month · ◆ year: the precision of the date."
    )
    loaded, load_key = current_data()
    if loaded.problems:
        show_problems(loaded.problems, data_dir)
        return
    dataset, frame = loaded.dataset, loaded.frame
    lo, hi = year_bounds(dataset)
    sync_from_url(dataset, lo, hi)
    filters = sidebar_filters(dataset, lo, hi)
    shown = filter_frame(frame, filters)
    with st.sidebar:
        st.markdown(f"**{len(shown)} of {len(frame)} events**")
        st.button(
            "Clear filters", on_click=clear_filters, disabled=filters.is_default(), icon=":material/filter_alt_off:"
        )
    for notice in st.session_state.get("_notices", []):
        st.warning(escape_markdown(notice), icon=":material/link_off:")

    event_id = st.session_state.get("event")
    if event_id and dataset.event(event_id) is None:
        event_id = None
    # Only the open tab is built: the table of every filtered event is not marshalled on a
    # rerun that shows the chart, and the other way round.
    tab_chart, tab_table = st.tabs(["Timeline", "Table"], key="view", on_change="rerun")
    if tab_chart.open:
        with tab_chart:
            show_chart(loaded, load_key, filters, shown)
    if tab_table.open:
        with tab_table:
            show_table(dataset, shown)
    event_details(dataset, shown, event_id)
    sync_to_url(filters, event_id)


def show_chart(loaded: Loaded, load_key: tuple, filters: Filters, shown) -> None:
    """The timeline figure; a click selects the event."""
    if not len(shown):
        st.info("No event matches these filters.")
        return
    st.plotly_chart(
        figure_for(loaded, load_key, filters, 560),
        key="chart",
        on_select=on_chart_select,
        selection_mode="points",
        config={"displaylogo": False, "scrollZoom": True},
    )


def show_table(dataset, shown) -> None:
    """The filtered events as a sortable table (a row selects its event) and the downloads."""
    table = shown[["date_label", "title", "category", "us", "mx", "sources"]].rename(
        columns={
            "date_label": "Date",
            "title": "Title",
            "category": "Category",
            "us": "US administration",
            "mx": "Mexican administration",
            "sources": "Sources",
        }
    )
    st.session_state._table_ids = shown["id"].tolist()
    st.dataframe(table, key="table", on_select=on_table_select, selection_mode="single-row", hide_index=True)
    st.caption("Select a row to read the event's sources. Click a column header to sort.")
    ids = tuple(shown["id"])
    formats = (
        ("csv", "CSV", "csv", "text/csv"),
        ("json", "JSON", "json", "application/json"),
        ("timelinejs", "TimelineJS JSON", "timelinejs.json", "application/json"),
    )
    for col, (fmt, label, ext, mime) in zip(st.columns(3), formats, strict=True):
        col.download_button(
            f"Download {label}",
            export_later(dataset, fmt, ids),
            file_name=f"border-timeline.{ext}",
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
            key=f"dl_{fmt}",
        )


def event_details(dataset, shown, event_id: str | None) -> None:
    """The selected event's passages, the whole articles, and previous/next in time."""
    st.divider()
    if not event_id:
        st.info("Select an event (a marker on the timeline or a row in the table) to read its sources.")
        return
    index = dataset.index_of(event_id)
    # Neighbours among the shown events (positions in time order, found by bisection), or
    # among all events when the filters hide this one.
    order = shown["idx"].to_numpy()
    pos = int(np.searchsorted(order, index))
    hidden = pos >= len(order) or order[pos] != index
    if hidden:
        order, pos = np.arange(len(dataset.events)), index
    prev_id = dataset.events[order[pos - 1]].id if pos > 0 else None
    next_id = dataset.events[order[pos + 1]].id if pos + 1 < len(order) else None
    prev_col, pos_col, next_col = st.columns([1, 2, 1])
    prev_col.button(
        "← Previous event",
        on_click=select_event,
        args=(prev_id,),
        disabled=prev_id is None,
        key="prev",
        width="stretch",
    )
    pos_col.markdown(
        f"<div style='text-align:center'>Event {pos + 1} of {len(order)} in time order</div>", unsafe_allow_html=True
    )
    next_col.button(
        "Next event →",
        on_click=select_event,
        args=(next_id,),
        disabled=next_id is None,
        key="next",
        width="stretch",
    )
    if hidden:
        st.caption("This event is hidden by the current filters.")
    event = dataset.event(event_id)
    st.html(render_event(dataset, event))
    for source_id in dict.fromkeys(x.source for x in event.excerpts):
        source = dataset.sources[source_id]
        with st.expander(
            f"Read the whole article: {escape_markdown(source.outlet)}, “{escape_markdown(source.title)}”",
            icon=":material/article:",
        ):
            st.html(render_article(dataset, source_id))


@st.cache_data(max_entries=32, show_spinner=False)
def suggest_cached(text: str, published: str | None, url: str | None, source: str | None):
    """suggest() once per distinct input."""
    from timeline.suggest import suggest

    return suggest(text, published=published, url=url or None, source=source)


def candidate_table(suggestions) -> str:
    """The candidates as an HTML table, each phrase marked inside its sentence (all escaped)."""
    rows = []
    for i, c in enumerate(suggestions.candidates, 1):
        a, b = c.phrase_start - c.start, c.phrase_end - c.start
        sentence = esc(c.sentence[:a]) + f"<mark>{esc(c.sentence[a:b])}</mark>" + esc(c.sentence[b:])
        restates = " <em>(restates the publication date)</em>" if c.restates else ""
        rows.append(
            f"<tr><td>{i}</td><td style='white-space:nowrap'>{esc(c.date or '?')}</td><td>{esc(c.precision)}</td>"
            f"<td>{sentence}{restates}</td><td><code>{esc(c.rule)}</code></td></tr>"
        )
    return (
        "<style>.tl-cands{border-collapse:collapse;width:100%;font-size:.9rem}"
        ".tl-cands td,.tl-cands th{border-bottom:1px solid #e5e5e5;padding:.35rem .4rem;vertical-align:top;"
        "text-align:left}.tl-cands mark{background:#ffe066}</style>"
        "<table class='tl-cands'><thead><tr><th>#</th><th>Date</th><th>Precision</th><th>Sentence</th>"
        "<th>Rule</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def curator_page() -> None:
    """Propose dated events from a new article, with YAML ready for data/events.yaml."""
    st.html(PAGE_STYLE)
    st.title("Propose events from an article")
    st.caption(
        "Paste an article or pick a seed. Each sentence with a date expression becomes a candidate, its date "
        "resolved against the publication date. Keep the ones you want and copy their YAML into data/events.yaml."
    )
    _, seeds_dir = data_dirs()
    known = {}
    loaded, _ = current_data()
    if not loaded.problems:
        known = {s.file: s for s in loaded.dataset.sources.values()}
    seeds = sorted(p.name for p in seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []
    mode = st.radio("Article", ["Pick a seed", "Paste text"], horizontal=True, key="c_mode")
    source_id, url = None, ""
    if mode == "Pick a seed" and seeds:
        name = st.selectbox("Seed article", seeds, key="c_seed")
        text = (seeds_dir / name).read_text(encoding="utf-8", errors="replace")
        if name in known:
            source_id, url = known[name].id, known[name].url
        url = st.text_input("Address of the original page (optional)", value=url, key=f"c_url_{name}")
    else:
        text = st.text_area("Article text", height=260, key="c_text", max_chars=1_500_000)
        url = st.text_input("Address of the original page (optional)", key="c_url")
    override = st.checkbox("Set the publication date myself", key="c_override")
    published = st.date_input("Publication date", key="c_published", format="YYYY-MM-DD") if override else None
    if not text.strip():
        st.info("Paste an article to see its candidate events.")
        return
    try:
        result = suggest_cached(text, published.isoformat() if published else None, url or None, source_id)
    except DataError as exc:
        st.error(escape_markdown("; ".join(str(p) for p in exc.problems)))
        return
    pub = result.published
    if pub.date is None and not published and source_id in (loaded.dataset.sources if loaded.dataset else {}):
        # The text does not say when it was published, but the curated record does.
        curated = loaded.dataset.sources[source_id].published.date
        result = suggest_cached(text, curated.isoformat(), url or None, source_id)
        st.caption(f"Publication date {curated.isoformat()} taken from data/sources.yaml (not found in the text).")
        pub = result.published
    if pub.date:
        st.html(
            f"<p><b>Published {esc(pub.date.isoformat())}</b> ({esc(pub.kind)}, {esc(pub.confidence)} confidence): "
            f"“{esc(pub.evidence)}”</p>" + (f"<p style='color:#555'>{esc(pub.note)}</p>" if pub.note else "")
        )
    else:
        st.warning(
            "No publication date found in the text or the address: relative dates cannot be resolved. "
            "Set the publication date above."
        )
    st.subheader(f"{len(result.candidates)} candidates")
    if not result.candidates:
        return
    st.html(candidate_table(result))
    labels = {i: f"#{i} {c.date or '?'} · {c.phrase}" for i, c in enumerate(result.candidates, 1)}
    default = [i for i, c in enumerate(result.candidates, 1) if not c.restates and c.date]
    keep = st.multiselect(
        "Candidates to keep",
        list(labels),
        default=default,
        format_func=labels.get,
        key=f"c_keep_{hash(text)}_{published}",
    )
    snippet = "\n".join(result.candidates[i - 1].yaml.rstrip() for i in keep)
    st.caption("Paste under `events:` in data/events.yaml, then fill in title, summary, category and actors.")
    st.code(snippet or "# nothing kept", language="yaml")


def main() -> None:
    """Page setup and navigation."""
    memoise_plotly_json()  # a cached figure is serialised once, not on every rerun
    # No page_icon: a Material favicon is fetched from a font CDN, and the page sends nothing away.
    st.set_page_config(page_title="Border Cooperation Timeline", layout="wide")
    page = st.navigation(
        [
            st.Page(PAGES_DIR / "reader.py", title="Timeline", default=True),
            st.Page(PAGES_DIR / "propose.py", title="Propose events", url_path="propose"),
        ],
        position="sidebar",
    )
    page.run()
