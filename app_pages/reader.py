"""The reader's page: filters, the timeline, the selected event's passages, the table and the
downloads, and the administrations side by side.

The view lives in the URL (``event``, ``us``, ``mx``, ``category``, ``from``, ``to``, ``q``) so
any view can be shared; the selected event lives in session state, so it survives reruns.
"""

from __future__ import annotations

import numpy as np
import streamlit as st

from app_pages.reader_cache import chart_for, name_of, shown_for, site_zip_for, view_for
from app_pages.shared import Loaded, current_data, data_dirs, language_switch, page_head, show_problems
from app_pages.timeline_chart import forget_chart, panel_focus, preload_plotly, timeline_chart
from timeline.details import escape_markdown, render_article, render_event
from timeline.i18n import _, category_name, current_language
from timeline.models import CATEGORIES, LANGUAGES
from timeline.view import Filters, column, normalise_years, parse_query, to_query, year_bounds

WIDGET_KEYS = ("f_us", "f_mx", "f_cat", "f_years", "f_q")


CHART_HEIGHT = 470


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
    lang = st.query_params.get("lang")
    if lang in LANGUAGES:  # chosen with the switch or given in the link: it stays in the address
        wanted["lang"] = [lang]
    if wanted != current_query():
        st.query_params.from_dict(wanted)
    st.session_state._url = wanted


def clear_filters() -> None:
    """Reset every filter (the selected event stays)."""
    for key in WIDGET_KEYS:
        st.session_state.pop(key, None)
    st.session_state._clear = True


def select_event(event_id: str | None, reveal: bool = False) -> None:
    """Make ``event_id`` the selected event; ``reveal`` asks the browser to bring its panel into
    view and give it the keyboard focus (a choice on the chart or in the table, not Previous/Next,
    whose buttons keep the focus)."""
    st.session_state.event = event_id
    if reveal:
        st.session_state._reveal = st.session_state.get("_reveal", 0) + 1


def on_chart_select() -> None:
    """A marker, a label or an item of a cluster's list was chosen: the value is the event's
    index in time order."""
    index = (st.session_state.get("chart") or {}).get("select")
    loaded, _key = current_data()
    if loaded.dataset is not None and isinstance(index, int) and 0 <= index < len(loaded.dataset.events):
        select_event(loaded.dataset.events[index].id, reveal=True)


def on_table_select() -> None:
    """A table row was selected: map its position back to the event id."""
    rows = (st.session_state.get("table") or {}).get("selection", {}).get("rows", [])
    ids = st.session_state.get("_table_ids", [])
    if rows and rows[0] < len(ids):
        select_event(ids[rows[0]], reveal=True)


def sidebar_filters(dataset, lo: int, hi: int) -> Filters:
    """The filter widgets; returns the filters they say."""
    us = [a for a in dataset.administrations if a.country == "US"]
    mx = [a for a in dataset.administrations if a.country == "MX"]
    lang, now = current_language(), _("now")
    names = {
        a.id: f"{a.name_in(lang)} ({a.start.year}–{a.end.year if a.end else now})" for a in dataset.administrations
    }
    if st.session_state.pop("_clear", False):
        st.session_state.update(f_us=[], f_mx=[], f_cat=[], f_years=(lo, hi), f_q="")
    for key, empty in (("f_us", []), ("f_mx", []), ("f_cat", []), ("f_years", (lo, hi)), ("f_q", "")):
        st.session_state.setdefault(key, empty)
    with st.sidebar:
        st.header(_("Filters"))
        every = _("All")
        st.multiselect(_("US administration"), [a.id for a in us], format_func=names.get, key="f_us", placeholder=every)
        st.multiselect(
            _("Mexican administration"), [a.id for a in mx], format_func=names.get, key="f_mx", placeholder=every
        )
        st.multiselect(_("Category"), list(CATEGORIES), format_func=category_name, key="f_cat", placeholder=every)
        if lo < hi:
            st.slider(_("Years"), min_value=lo, max_value=hi, key="f_years")
        st.text_input(_("Search titles, summaries and quotes"), key="f_q", max_chars=200)
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


def site_later(dataset, data_name: str):
    """A callable that builds the static site of ``dataset`` as a zip, only when clicked (once
    per dataset version: the zip is cached)."""

    def build() -> bytes:
        return site_zip_for(dataset, data_name)

    return build


def export_later(dataset, fmt: str, ids: tuple[str, ...], lang: str):
    """A callable that builds the export (in ``lang``) only when its button is clicked."""

    def build() -> str:
        from timeline.export import export_events
        from timeline.i18n import language

        with language(lang):  # the click's run may be another thread's
            return export_events(dataset, fmt, [dataset.event(i) for i in ids])

    return build


def render() -> None:
    """The timeline: filters, chart, event details with passages, table and exports."""
    data_dir, _seeds = data_dirs()
    page_head()
    can_draw = preload_plotly()
    title, switch = st.columns([4, 1], vertical_alignment="center")
    title.title(_("Border Cooperation Timeline"))
    with switch:
        language_switch()
    st.caption(
        _(
            "US–Mexico border cooperation, event by event, over the administrations in Washington and Mexico City. "
            "Choose an event to read the sentences it rests on."
        )
    )
    loaded, load_key = current_data()
    if loaded.problems:
        show_problems(loaded.problems, data_dir)
        return
    dataset, frame = loaded.dataset, loaded.frame
    lo, hi = year_bounds(dataset)
    sync_from_url(dataset, lo, hi)
    filters = sidebar_filters(dataset, lo, hi)
    data_name = name_of(load_key)
    view_name = name_of(load_key, filters)
    rows = shown_for(loaded, filters, view_name)
    with st.sidebar:
        st.markdown("**" + _("{shown} of {total} events").format(shown=len(rows), total=len(frame)) + "**")
        st.button(
            _("Clear filters"), on_click=clear_filters, disabled=filters.is_default(), icon=":material/filter_alt_off:"
        )
    for notice in st.session_state.get("_notices", []):
        st.warning(escape_markdown(notice), icon=":material/link_off:")

    event_id = st.session_state.get("event")
    if event_id and dataset.event(event_id) is None:
        event_id = None
    # The chart (or table) and the selected event's panel side by side on a wide screen, so a
    # click answers on the same screen; on a phone the columns stack and the browser scrolls
    # to the panel.
    main_col, panel_col = st.columns([3, 2], gap="medium")
    with main_col:
        # Only the open tab is built: the table of every filtered event is not marshalled on a
        # rerun that shows the chart, and the other way round.
        tab_chart, tab_table, tab_admins = st.tabs(
            [_("Timeline"), _("Table"), _("Administrations")], key="view", on_change="rerun"
        )
        if tab_chart.open and can_draw:
            with tab_chart:
                show_chart(loaded, data_name, filters, view_name, rows, event_id)
        else:
            forget_chart()  # the chart is unmounted: it will need its figure again
        if tab_table.open:
            with tab_table:
                show_table(dataset, frame.iloc[rows], data_name)
        if tab_admins.open:
            with tab_admins:
                from app_pages import compare

                compare.render(loaded, filters)
    with panel_col:
        event_details(dataset, frame, rows, event_id)
        panel_focus(event_id, st.session_state.get("_reveal") if event_id else None)
    sync_to_url(filters, event_id)


def show_chart(loaded: Loaded, data_name: str, filters: Filters, view_name: str, rows, event_id: str | None) -> None:
    """The timeline; choosing a marker, a label or an item of a cluster selects the event."""
    if not len(rows):
        forget_chart()
        if loaded.dataset.events:
            st.info(_("No event matches these filters."))
        else:  # a curator starting out, not a reader's filters
            st.info(_("This timeline has no events yet."))
        return
    figure, rev = chart_for(loaded, data_name, CHART_HEIGHT, current_language())
    view, view_key = view_for(loaded, filters, view_name), view_name
    index = loaded.dataset.index_of(event_id) if event_id else None
    timeline_chart(figure, rev, view, view_key, index, on_chart_select)
    st.caption(
        _(
            "● day · ■ month · ◆ year: how precisely the date is known. A numbered circle holds several events: "
            "choose it to list them. Zoom in to see more labels."
        )
    )


def show_table(dataset, shown, data_name: str) -> None:
    """The filtered events as a sortable table (a row selects its event) and the downloads."""
    lang = current_language()
    headers = {
        column("date_label", lang): _("Date"),
        column("title", lang): _("Title"),
        "category": _("Category"),
        column("us", lang): _("US administration"),
        column("mx", lang): _("Mexican administration"),
        "sources": _("Sources"),
    }
    table = shown[list(headers)].rename(columns=headers)
    table[_("Category")] = table[_("Category")].map(category_name)
    st.session_state._table_ids = shown["id"].tolist()
    st.dataframe(table, key="table", on_select=on_table_select, selection_mode="single-row", hide_index=True)
    st.caption(_("Select a row to read the event's sources. Click a column header to sort."))
    ids = tuple(shown["id"])
    formats = (
        ("csv", _("Download CSV"), "csv", "text/csv"),
        ("json", _("Download JSON"), "json", "application/json"),
        ("timelinejs", _("Download TimelineJS JSON"), "timelinejs.json", "application/json"),
    )
    for col, (fmt, label, ext, mime) in zip(st.columns(3), formats, strict=True):
        col.download_button(
            label,
            export_later(dataset, fmt, ids, current_language()),
            file_name=f"border-timeline.{ext}",
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
            key=f"dl_{fmt}",
        )
    st.download_button(
        _("Download the whole timeline as a website (zip)"),
        site_later(dataset, data_name),
        file_name="border-timeline-site.zip",
        mime="application/zip",
        on_click="ignore",
        icon=":material/public:",
        key="dl_site",
        help=_("A folder that opens in any browser and on any static host, with no server: see the README."),
    )


KEY_EVENTS_SHOWN = 8  # a curated timeline has five to seven headlines; a huge one, a sample


def key_events(frame, shown) -> None:
    """Before anything is selected: the headline events among the rows ``shown`` (at most
    KEY_EVENTS_SHOWN of them, spread over time), each a button that opens it."""
    rows = shown[frame["headline"].to_numpy()[shown]]
    if not len(rows):
        return
    if len(rows) > KEY_EVENTS_SHOWN:
        rows = rows[np.linspace(0, len(rows) - 1, KEY_EVENTS_SHOWN).round().astype(int)]
    st.markdown("**" + _("Start with a key event:") + "**")
    picked, lang = frame.iloc[rows], current_language()
    for event_id, date, label, title in zip(
        picked["id"],
        picked[column("date_label", lang)],
        picked[column("label", lang)],
        picked[column("title", lang)],
        strict=True,
    ):
        st.button(
            f"{date} · {label or title}",
            on_click=select_event,
            args=(event_id, True),
            key=f"key_{event_id}",
            type="tertiary",
        )


def event_details(dataset, frame, rows, event_id: str | None) -> None:
    """The selected event's passages, the whole articles, and previous/next in time."""
    if not event_id:
        st.info(_("Choose an event on the timeline or in the table to read its sources."), icon=":material/touch_app:")
        key_events(frame, rows)
        return
    index = dataset.index_of(event_id)
    # Neighbours among the shown events (positions in time order, found by bisection), or
    # among all events when the filters hide this one.
    order = rows  # positions in the frame are positions in time order
    pos = int(np.searchsorted(order, index))
    hidden = pos >= len(order) or order[pos] != index
    if hidden:
        order, pos = np.arange(len(dataset.events)), index
    prev_id = dataset.events[order[pos - 1]].id if pos > 0 else None
    next_id = dataset.events[order[pos + 1]].id if pos + 1 < len(order) else None
    steps = ((_("← Previous event"), prev_id, "prev"), (_("Next event →"), next_id, "next"))
    for place, (label, target, key) in zip(st.columns(2), steps, strict=True):
        place.button(label, on_click=select_event, args=(target,), disabled=target is None, key=key, width="stretch")
    if hidden:
        where = _("Event {n} of {total} in time order (hidden by the current filters)")
    else:
        where = _("Event {n} of {total} in time order")
    where = where.format(n=pos + 1, total=len(order))
    event = dataset.event(event_id)
    st.html(render_event(dataset, event, position=where))
    for source_id in dict.fromkeys(x.source for x in event.excerpts):
        source = dataset.sources[source_id]
        article = st.expander(
            _("Read the whole article: {outlet}, “{title}”").format(
                outlet=escape_markdown(source.outlet), title=escape_markdown(source.title)
            ),
            icon=":material/article:",
            key=f"article_{source_id}",
            on_change="rerun",
        )
        if article.open:  # built only when asked for: most readers never open it
            with article:
                st.html(render_article(dataset, source_id))


if __name__ == "__main__":
    render()
