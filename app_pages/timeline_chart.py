"""The timeline chart on the page: a Streamlit v2 component that draws the core's chart data
(``timeline/chart.py``) with Plotly.js and sends back the event a reader selects; and a small
one that brings the selected event's panel into view.

Plotly.js is the plotly package's own ``plotly.min.js``, served by Streamlit's static file
route from ``static/`` beside ``app.py`` (copied there on first use, never committed), so the
page fetches nothing from another host. The components' own modules are served from there too:
what travels with every rerun is a three-line loader, not the whole chart code.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import orjson
import streamlit as st

from timeline import PROJECT_DIR
from timeline.i18n import _

HERE = Path(__file__).resolve().parent
STATIC_DIR = PROJECT_DIR / "static"


# Started by the first element of the page, so Plotly.js downloads and compiles while the rest
# of the page arrives; the chart's own code waits on the same promise (see loadPlotly there).
PRELOAD = (
    "<script>window.__tlPlotly=window.__tlPlotly||new Promise(function(ok,fail){"
    "var s=document.createElement('script');s.src='app/static/plotly.min.js';"
    "s.onload=function(){ok(window.Plotly)};s.onerror=fail;document.head.appendChild(s)})</script>"
)


def preload_plotly() -> bool:
    """Start fetching Plotly.js now (call it before the widgets that come ahead of the chart).
    If it cannot be put in static/, say so and how to fix it, and return False: the rest of the
    page still works without the chart."""
    try:
        component()  # makes sure the file is in static/
    except OSError as exc:
        st.error(
            _(
                "The chart cannot be drawn: Plotly.js could not be copied to {folder} ({error}). "
                "Make that folder writable by the server, or copy it once: {command}"
            ).format(
                folder=STATIC_DIR,
                error=exc.strerror,
                command=f"cp {plotly_js_source()} {STATIC_DIR / 'plotly.min.js'}",
            ),
            icon=":material/error:",
        )
        return False
    st.html(PRELOAD, unsafe_allow_javascript=True)
    return True


def plotly_js_source() -> Path:
    """The plotly package's bundled Plotly.js."""
    import plotly

    return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def static_sources() -> dict[str, Path]:
    """What the page serves from static/, and where each file comes from."""
    return {
        "plotly.min.js": plotly_js_source(),
        "timeline_chart.js": HERE / "timeline_chart.js",
        "panel_focus.js": HERE / "panel_focus.js",
    }


def ensure_static(static_dir: Path = STATIC_DIR) -> dict[str, str]:
    """Copy the page's scripts into the static folder unless identical copies are there, and
    return a short content hash of each (the browser caches them; the hash in the address makes
    a new version a new file)."""
    versions = {}
    for name, source in static_sources().items():
        data = source.read_bytes()
        target = static_dir / name
        if not target.exists() or target.read_bytes() != data:
            static_dir.mkdir(exist_ok=True)
            partial = target.with_suffix(f".{os.getpid()}.tmp")  # several servers may start at once
            partial.write_bytes(data)
            partial.replace(target)  # atomic: a reader never gets half a file
        versions[name] = hashlib.sha256(data).hexdigest()[:12]
    return versions


def ensure_plotly_js(static_dir: Path = STATIC_DIR) -> Path:
    """Make sure Plotly.js (and the page's own scripts) are in the static folder."""
    ensure_static(static_dir)
    return static_dir / "plotly.min.js"


# A component's code travels in every message that draws it; this loader is all that travels,
# and the browser fetches the real module from static/ once (the version makes a new one new).
LOADER = """export default function (component) {
  import(new URL("app/static/%s?v=%s", document.baseURI).href)
    .then((module) => module.default(component))
    .catch((err) => { component.parentElement.textContent = "The chart could not be drawn: " + err.message; });
}"""


@functools.cache
def versions() -> dict[str, str]:
    """The static files' versions (copied once per process)."""
    return ensure_static()


@functools.cache
def focus_component():
    """The panel's helper (once per process): scroll to it and focus it after a choice."""
    return st.components.v2.component(
        "timeline_panel_focus", js=LOADER % ("panel_focus.js", versions()["panel_focus.js"]), isolate_styles=False
    )


def panel_focus(event_id: str | None, token: int | None) -> None:
    """Mount the panel's helper: when ``token`` is new, the browser brings the panel of
    ``event_id`` into view and moves the focus to its heading."""
    focus_component()(data={"id": event_id, "token": token}, key="panel_focus", height=0)


@functools.cache
def component():
    """The registered component (once per process)."""
    return st.components.v2.component(
        "timeline_chart",
        js=LOADER % ("timeline_chart.js", versions()["timeline_chart.js"]),
        css=(HERE / "timeline_chart.css").read_text(encoding="utf-8"),
        isolate_styles=False,  # Plotly.js styles live in the document, which a shadow root hides
    )


SENT_KEY = "_chart_sent"  # the rev of the figure this session's browser holds


def timeline_chart(figure: bytes, rev: str, view: bytes, view_key: str, selected: int | None, on_select):
    """Mount the chart. ``figure`` is the core's payload of every event as JSON bytes and ``rev``
    names it; ``view`` (JSON bytes, named by ``view_key``) says which of them the filters let
    through; ``selected`` is the index of the event to ring.

    The events travel only when the browser does not hold them already: a filter change sends
    the view, and a selection a few bytes. Should the browser have lost them (the chart was
    remounted), it asks for them and the next run sends them."""
    head = orjson.dumps({"rev": rev, "selected": selected})
    data = head[:-1] + b',"view":' + view[:-1] + b',"key":' + orjson.dumps(view_key) + b"}"
    if st.session_state.get(SENT_KEY) != rev:
        data += b',"fig":' + figure
        st.session_state[SENT_KEY] = rev
    return component()(
        data=data + b"}", key="chart", on_select_change=on_select, on_missing_change=forget_chart, height="content"
    )


def forget_chart() -> None:
    """The browser does not hold the figure (the chart was not drawn, or it asked again): send
    it with the next mount."""
    st.session_state.pop(SENT_KEY, None)
