"""The reader page's caches, shared by every session.

They live in a module of their own because a page file is executed again on every rerun, and
defining a cached function has a cost (Streamlit reads the function's source to name its
cache): here they are defined once per server process.
"""

from __future__ import annotations

import streamlit as st

from app_pages.shared import Loaded
from timeline.view import Filters, filter_rows


# The caches below are keyed by short strings that name the dataset version and the filters:
# Streamlit hashes every argument of a cached call on every rerun, and a string is the cheapest
# thing to hash (the objects themselves are passed with a leading underscore, unhashed).
def name_of(*parts) -> str:
    """A short name for a dataset version, filters or both (stable within the server process)."""
    return f"{hash(parts) & 0xFFFFFFFFFFFF:012x}"


@st.cache_resource(max_entries=8)
def chart_for(_loaded: Loaded, data_name: str, height: int, lang: str) -> tuple[bytes, str]:
    """The chart's data for every event in ``lang`` as JSON bytes, and a name for it (cached per
    dataset and language: the browser gets it once and then only the view of each set of
    filters)."""
    from timeline.chart import chart_payload, payload_json

    payload = chart_payload(_loaded.frame, _loaded.dataset, height=height, lang=lang)
    return payload_json(payload), f"{data_name}-{height}-{lang}"


@st.cache_resource(max_entries=64)
def view_for(_loaded: Loaded, _filters: Filters, view_name: str) -> bytes:
    """Which events the filters let through, as the chart's JSON."""
    from timeline.chart import payload_json, view_payload

    rows = shown_for(_loaded, _filters, view_name)
    # Only the columns the view reads: slicing every text column of every language costs more.
    shown = _loaded.frame[["idx", "first", "last"]].iloc[rows]
    return payload_json(view_payload(shown, len(_loaded.frame)))


@st.cache_resource(max_entries=256)
def shown_for(_loaded: Loaded, _filters: Filters, view_name: str):
    """The positions (in time order) of the events that pass the filters; a few bytes an
    event, so many views stay cached and switching back to one costs nothing."""
    return filter_rows(_loaded.frame, _filters)


@st.cache_resource(max_entries=2, show_spinner=False)
def site_zip_for(_dataset, data_name: str) -> bytes:
    """The dataset's static site as a zip (``timeline/site.py``), built in a temporary folder,
    once per dataset version (``data_name``)."""
    return build_site_zip(_dataset)


def build_site_zip(dataset) -> bytes:
    """The static site of ``dataset``, zipped under a folder ``border-timeline-site/``."""
    import io
    import tempfile
    import zipfile
    from pathlib import Path

    from timeline.site import build_site

    with tempfile.TemporaryDirectory(prefix="timeline-site-") as tmp:
        root = Path(tmp) / "border-timeline-site"
        build_site(dataset, root)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for path in sorted(root.rglob("*")):
                if path.is_file():
                    zf.write(path, path.relative_to(root.parent).as_posix())
        return buffer.getvalue()
