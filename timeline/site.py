"""The timeline as a static site: ``python -m timeline export --format site --out DIR``.

The folder it writes needs no server and fetches nothing from another host: it opens from
``file://`` and from any static host. Everything the reader reads is rendered here by the same
core code the Streamlit page uses (the chart's payload from ``timeline/chart.py``, an event's
panel and a whole article from ``timeline/details.py``), so the two never disagree; the site's
own script (``timeline/site.js``) only filters, selects and keeps the view in the address.

Layout of the folder::

    index.html            the page: its words, the chart's code (inlined: a module script
                          cannot be loaded from file://), the site's script
    plotly.min.js         the plotly package's own Plotly.js
    data-<lang>.js        the chart's events and the filters' data, per language
    search.js             each event's words in every language (loaded on the first search)
    details/<lang>/N.js   the event panels, EVENTS_PER_CHUNK a file (loaded when one is opened)
    articles/<lang>/ID.js each whole article (loaded when a reader asks for it)
    downloads.js          each event's CSV line and JSON record (both languages), and
    timelinejs-<lang>.js  the TimelineJS document: the Download buttons give the events the
                          filters show (loaded on the first click)

Data files are scripts that hand their content to the page (``window.__tlSite.put(...)``):
a browser will not ``fetch`` from ``file://``, but it runs a classic script from there.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import numpy as np
import orjson

from timeline import PROJECT_DIR
from timeline.chart import chart_payload
from timeline.details import STYLE, esc, render_article, render_event
from timeline.export import export_csv, export_json, export_timelinejs
from timeline.i18n import LANGUAGE_NAMES, N_, _, category_name, language
from timeline.models import CATEGORIES, LANGUAGES
from timeline.validate import Dataset
from timeline.view import prepare_frame

HERE = Path(__file__).resolve().parent
CHART_JS = PROJECT_DIR / "app_pages" / "timeline_chart.js"  # the chart both the page and the site draw
CHART_CSS = PROJECT_DIR / "app_pages" / "timeline_chart.css"
SITE_JS = HERE / "site.js"
SITE_CSS = HERE / "site.css"
CHART_HEIGHT = 470
EVENTS_PER_CHUNK = 100
# Nothing from another host, ever: scripts, styles and images only from the site's own folder
# (inline for the page's own script and styles), no connections at all.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)

# The site's own words (the rest come from the catalog strings the page uses too).
SITE_STRINGS = {
    "title": N_("Border Cooperation Timeline"),
    "intro": N_(
        "US–Mexico border cooperation, event by event, over the administrations in Washington and Mexico City. "
        "Choose an event to read the sentences it rests on."
    ),
    "filters": N_("Filters"),
    "us": N_("US administration"),
    "mx": N_("Mexican administration"),
    "category": N_("Category"),
    "years": N_("Years"),
    "search": N_("Search titles, summaries and quotes"),
    "count": N_("{shown} of {total} events"),
    "clear": N_("Clear filters"),
    "none": N_("No event matches these filters."),
    "choose": N_("Choose an event on the timeline or in the table to read its sources."),
    "prev": N_("← Previous event"),
    "next": N_("Next event →"),
    "position": N_("Event {n} of {total} in time order"),
    "hidden": N_("Event {n} of {total} in time order (hidden by the current filters)"),
    "article": N_("Read the whole article: {outlet}, “{title}”"),
    "downloads": N_("Download CSV"),
    "download_json": N_("Download JSON"),
    "download_timelinejs": N_("Download TimelineJS JSON"),
    "language": N_("Language"),
    "all": N_("All"),
    "now": N_("now"),
    "legend": N_(
        "● day · ■ month · ◆ year: how precisely the date is known. A numbered circle holds several events: "
        "choose it to list them. Zoom in to see more labels."
    ),
    "start": N_("Start with a key event:"),
}


def site_strings(lang: str) -> dict[str, str]:
    """The site's words in ``lang``, from the page's catalog."""
    with language(lang):
        return {key: _(text) for key, text in SITE_STRINGS.items()}


def unstyled(html: str) -> str:
    """A panel or an article without the style block the core puts first (the site's page
    carries it once, not once an event)."""
    return html.removeprefix(STYLE)


def write_script(path: Path, kind: str, key: object, value: object) -> int:
    """Write one data file: a script that hands ``value`` to the page. JSON is valid
    JavaScript; ``</`` is escaped so no text can end the script early. Returns its size."""
    body = orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY).decode("utf-8").replace("</", "<\\/")
    text = f"window.__tlSite.put({json.dumps(kind)},{json.dumps(key)},{body});\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def site_data(dataset: Dataset, frame, lang: str) -> dict:
    """What the site needs in ``lang`` before any click: the chart's payload (the page's own),
    the filters' data and each event's id, key fields and chunk."""
    with language(lang):
        chart = chart_payload(frame, dataset, height=CHART_HEIGHT, lang=lang)
        admins = [
            {
                "id": a.id,
                "country": a.country,
                "name": f"{a.name_in(lang)} ({a.start.year}–{a.end.year if a.end else _('now')})",
                "bit": int(frame.attrs["admin_bit"][a.id]),
            }
            for a in dataset.administrations
        ]
        categories = [{"id": c, "name": category_name(c)} for c in CATEGORIES]
    # Days since 1970 (the years follow from them); the ids are the chart's own.
    first = frame["first"].to_numpy().astype("datetime64[D]").astype(np.int64)
    last = frame["last"].to_numpy().astype("datetime64[D]").astype(np.int64)
    source_ids = list(dataset.sources)
    return {
        "lang": lang,
        "chart": chart,
        "admins": admins,
        "categories": categories,
        "events": {
            "category": [CATEGORIES.index(c) for c in frame["category"]],
            "us": frame["us_mask"].astype(int).tolist(),
            "mx": frame["mx_mask"].astype(int).tolist(),
            "first": first.tolist(),
            "last": last.tolist(),
            "headline": np.flatnonzero(frame["headline"].to_numpy()).tolist(),
        },
        "years": list(dataset.year_range),
        "chunk": EVENTS_PER_CHUNK,
        "strings": site_strings(lang),
        "sources": [
            {"id": s.id, "outlet": s.outlet, "title": s.title, "language": s.language} for s in dataset.sources.values()
        ],
        "event_sources": [
            [source_ids.index(x) for x in dict.fromkeys(x.source for x in e.excerpts)] for e in dataset.events
        ],
    }


def download_data(dataset: Dataset) -> dict:
    """The downloads the core writes (``timeline/export.py``), cut per event so the site can
    give the reader exactly the events the filters show: each event's CSV line and JSON record
    (both carry every language), with the CSV's header."""
    header, *_ = export_csv(dataset, []).splitlines()
    lines = [export_csv(dataset, [event]).splitlines(keepends=True)[1:] for event in dataset.events]
    return {
        "csv_header": header,
        "csv": ["".join(line) for line in lines],  # a quoted field may hold a line break
        "json": json.loads(export_json(dataset))["events"],
    }


def render_index(langs: tuple[str, ...]) -> str:
    """The page: its frame, the chart's code and the site's script. It carries no data (the
    data files do), so every text from the data reaches it escaped by the core or as text."""
    chart_js = CHART_JS.read_text(encoding="utf-8").replace("export default function", "window.__tlDraw = function", 1)
    names = {lang: LANGUAGE_NAMES.get(lang, lang) for lang in langs}
    return f"""<!doctype html>
<html lang="{esc(langs[0])}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{esc(SITE_STRINGS["title"])}</title>
<style>{CHART_CSS.read_text(encoding="utf-8")}</style>
<style>{SITE_CSS.read_text(encoding="utf-8")}</style>
{STYLE}
<script>window.__tlLanguages = {json.dumps(names, ensure_ascii=False)};</script>
</head>
<body>
<div id="tl-site"></div>
<script>
window.__tlPlotly = new Promise(function (ok, fail) {{
  var s = document.createElement("script"); s.src = "plotly.min.js";
  s.onload = function () {{ ok(window.Plotly); }}; s.onerror = fail; document.head.appendChild(s);
}});
</script>
<script type="module">
{chart_js}
</script>
<script src="site.js"></script>
</body>
</html>
"""


def plotly_bundle(dataset: Dataset, given: Path | None = None) -> Path:
    """The Plotly.js file the site serves: the plotly package's own (every trace type), or a
    smaller bundle the publisher names. A bundle without WebGL scatter (such as Plotly's
    "basic" one) cannot draw more than WEBGL_THRESHOLD events: refused then, with the reason."""
    import plotly

    from timeline.chart import WEBGL_THRESHOLD

    if given is None:
        return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    given = Path(given)
    if not given.is_file():
        raise ValueError(f"--plotly {given}: no such file; give a Plotly.js bundle (plotly.min.js)")
    head = given.read_bytes()
    if b"Plotly" not in head[:4096] and b"plotly" not in head[:4096]:
        raise ValueError(f"--plotly {given}: this does not look like a Plotly.js bundle")
    # The trace type's registration ("name:"scattergl""), not any mention of it: every bundle's
    # core code names it.
    if len(dataset.events) > WEBGL_THRESHOLD and not re.search(rb"""name\s*:\s*["']scattergl["']""", head):
        raise ValueError(
            f"--plotly {given}: this bundle has no WebGL scatter (scattergl), which the chart uses past "
            f"{WEBGL_THRESHOLD:,} events ({len(dataset.events):,} here); use the full bundle (leave --plotly out)"
        )
    return given


def build_site(
    dataset: Dataset, out: Path, langs: tuple[str, ...] = LANGUAGES, plotly_js: Path | None = None
) -> dict[str, int]:
    """Write the site for ``dataset`` into the folder ``out`` (created; files of an earlier site
    there are replaced), with the plotly package's Plotly.js or the bundle ``plotly_js``.
    Returns the bytes written per part, for the report."""
    bundle = plotly_bundle(dataset, plotly_js)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for stale in ("details", "articles"):
        shutil.rmtree(out / stale, ignore_errors=True)
    frame = prepare_frame(dataset)
    sizes = {"data": 0, "search": 0, "details": 0, "articles": 0, "downloads": 0}
    for lang in langs:
        sizes["data"] += write_script(out / f"data-{lang}.js", "data", lang, site_data(dataset, frame, lang))
        with language(lang):
            for start in range(0, len(dataset.events), EVENTS_PER_CHUNK):
                chunk = {
                    e.id: unstyled(render_event(dataset, e)) for e in dataset.events[start : start + EVENTS_PER_CHUNK]
                }
                key = f"{lang}/{start // EVENTS_PER_CHUNK}"
                sizes["details"] += write_script(out / "details" / f"{key}.js", "details", key, chunk)
            for source_id in dataset.sources:
                if source_id in dataset.articles:
                    key = f"{lang}/{source_id}"
                    html = unstyled(render_article(dataset, source_id))
                    sizes["articles"] += write_script(out / "articles" / f"{key}.js", "article", key, html)
            # TimelineJS is a story for readers: in their language (its slides are cut per event by the site).
            timelinejs = json.loads(export_timelinejs(dataset))
        sizes["downloads"] += write_script(out / f"timelinejs-{lang}.js", "timelinejs", lang, timelinejs)
    sizes["search"] = write_script(out / "search.js", "search", "all", frame["search"].tolist())
    sizes["downloads"] += write_script(out / "downloads.js", "downloads", "all", download_data(dataset))
    index = render_index(tuple(langs))
    (out / "index.html").write_text(index, encoding="utf-8")
    shutil.copyfile(SITE_JS, out / "site.js")
    shutil.copyfile(bundle, out / "plotly.min.js")
    sizes["page"] = len(index.encode()) + SITE_JS.stat().st_size
    sizes["plotly"] = (out / "plotly.min.js").stat().st_size
    return sizes
