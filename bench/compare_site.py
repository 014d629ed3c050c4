"""The static site against vis-timeline and TimelineJS3, side by side in headless Chromium.

    python bench/compare_site.py [--sizes 33,1000,10000] [--repeat 5] [--out bench/results/site_compare.json]
    python bench/run.py --site-compare [--sizes ...] [--repeat ...]      (the same)

For each size (33 is the shipped data/ and seeds/; any other N a synthetic dataset from
``python -m timeline synth --events N --seed 0``) it builds three pages that show the same
events and serves them from one ``http.server`` on loopback:

- **site**: ``python -m timeline export --format site`` (the project's static site);
- **vis-timeline**: the standalone UMD build, one item per event (the title as its content,
  start and end dates, a box or a range), the categories as groups, and a panel that shows
  the event's quotes when an item is selected (vis has no passage view of its own);
- **TimelineJS3**: fed with the file ``python -m timeline export --format timelinejs`` writes.

vis-timeline and TimelineJS3 are installed from the npm registry at exact versions into a
cache folder outside the repository (``~/.cache/border-timeline-bench/npm``, or
``--npm-cache``), once; every file a page loads is served from loopback, and the browser
refuses any request to another host (the count of refused requests is reported: it should
be 0).

Every load is in a new browser context (cold cache: nothing cached, no code cache); the tools
take turns within each repeat, so a noisy minute hits all three. One first, uncounted load of
each page warms the machine's file cache and the server. Two figures per load, medians
reported:

**navigation start → all markers drawn**, as times the page itself records (marks, event
handlers, animation frames), so the harness's polling is never counted:

- site: the chart's own ``tl-drawn`` mark (set when Plotly has drawn the markers and the labels
  are placed; nothing on the page changes after it), then checked: the events on the chart, one
  per event marker plus each cluster marker's count, number N (``DRAWN_JS`` of tests/browser.py).
  The JSON keeps the chart's other marks: ``tl-data`` (its data script ran) and ``tl-plotly``
  (Plotly.js loaded).
- vis-timeline: vis draws only the items inside its window; on its first draw it fits the window
  to all the items (its default), so every item gets an element. That first ``changed`` event
  (vis's "redrawn") comes before the items are placed: with groups, vis 8 places them on its
  next redraw, which only its autoResize watcher would ask for, up to a second later; the page
  asks for it on ``onInitialDrawComplete`` (vis's best case). "Drawn" is the first ``changed``
  after which one ``.vis-item`` (box, range or point) is in the document for every event and no
  later redraw moves any of them (a hash of their inline styles, which hold their places; the
  load is watched until 1.5 s pass without a redraw). Every redraw is in the JSON (``changed``).
- TimelineJS3: the first animation frame after its ``loaded`` event (the slides and the time
  navigation are built; the same task then places the markers) with one ``.tl-timemarker`` for
  every event. ``markers_moved_after_drawn`` in the JSON checks that no marker's inline style
  changed after that frame (afterwards TimelineJS3 only slides the whole navigation to the first
  slide, animated, which is not counted).

**click → passage shown** on the same load, once the page is idle: a real mouse click on the
marker nearest the middle of the chart's first view, timed from the click's ``pointerdown`` to
the first animation frame in which the passage is shown. On the site that is a single event's
marker; where every event in view is in a numbered cluster (1,000 events and more), the cluster
nearest the middle is opened first (not timed) and the timed click is on the first event of its
list (``clicked_via`` in the JSON says which). Shown means:

- site: ``.tl-event[data-event-id=ID] .tl-passage mark`` has a box (the panel's passages, the
  quoted words highlighted; its chunk of event details is fetched on the click);
- vis-timeline: the bench page's panel shows that event's quotes (``mark``), written on vis's
  ``select`` event: vis's own part is the hit test and the select event;
- TimelineJS3: that event's slide stands in the story slider (its left edge at the slider's),
  which is when its text can be read: TimelineJS3 slides the new slide in with a 1-second
  animation (its default ``duration``). The time to its ``change`` event, when the slide starts
  to move, is in the JSON as ``change_ms``.

Prints a table and writes JSON. Exits non-zero only when it cannot set up (npm, the export,
the browser); a load that fails or times out is reported as such and the run goes on.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

NPM_PACKAGES = {"vis-timeline": "8.5.4", "@knight-lab/timelinejs": "3.9.11"}
NPM_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "border-timeline-bench" / "npm"
TOOLS = ("site", "vis-timeline", "TimelineJS3")
SHIPPED = 33  # the size that means the shipped data/ and seeds/
VIEWPORT = {"width": 1280, "height": 800}


class SetupError(Exception):
    """Something the comparison needs could not be made: exit non-zero."""


# ---------------------------------------------------------------------------------------------
# npm


def npm_install(cache: Path) -> dict[str, str]:
    """Install the pinned packages into ``cache`` (outside the repository) unless they are there.
    Returns the installed versions."""
    cache = cache.expanduser().resolve()
    if cache.is_relative_to(ROOT):
        raise SetupError(f"the npm cache {cache} must be outside the repository")

    def installed() -> dict[str, str]:
        found = {}
        for name in NPM_PACKAGES:
            manifest = cache / "node_modules" / name / "package.json"
            if manifest.exists():
                found[name] = json.loads(manifest.read_text())["version"]
        return found

    if installed() != NPM_PACKAGES:
        npm = shutil.which("npm")
        if not npm:
            raise SetupError("npm is missing (Debian: apt-get install npm)")
        cache.mkdir(parents=True, exist_ok=True)
        manifest = {"private": True, "description": "border-timeline bench", "dependencies": NPM_PACKAGES}
        (cache / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
        print(f"npm install into {cache}", file=sys.stderr, flush=True)
        # Both ship standalone builds: their peer dependencies (for bundlers) are not needed.
        cmd = [npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund", "--legacy-peer-deps"]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0 or installed() != NPM_PACKAGES:
            raise SetupError(f"npm install failed: {done.stderr.strip() or done.stdout.strip()}")
    return installed()


def copy_libraries(cache: Path, root: Path) -> None:
    """The files the vis-timeline and TimelineJS3 pages load, under root/lib/."""
    modules = cache.expanduser().resolve() / "node_modules"
    vis = root / "lib" / "vis"
    vis.mkdir(parents=True)
    shutil.copy(modules / "vis-timeline" / "standalone" / "umd" / "vis-timeline-graph2d.min.js", vis)
    shutil.copy(modules / "vis-timeline" / "styles" / "vis-timeline-graph2d.min.css", vis)
    # TimelineJS3 finds its fonts' CSS, icons and locales beside its script (script_path).
    tl = root / "lib" / "tl"
    dist = modules / "@knight-lab" / "timelinejs" / "dist"
    shutil.copytree(dist / "js", tl / "js", ignore=shutil.ignore_patterns("*.map"))
    shutil.copytree(dist / "css", tl / "css", ignore=shutil.ignore_patterns("*.map"))


# ---------------------------------------------------------------------------------------------
# the pages


def timeline_cli(*args: str) -> None:
    """``python -m timeline ARGS``; a failure is a setup error."""
    done = subprocess.run([sys.executable, "-m", "timeline", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SetupError(f"python -m timeline {' '.join(args)} failed:\n{done.stderr.strip()}")


def dataset_dirs(n: int, work: Path) -> tuple[Path, Path]:
    """The data and seeds folders of the size-n dataset."""
    if n == SHIPPED:
        return ROOT / "data", ROOT / "seeds"
    out = work / f"synth-{n}"
    timeline_cli("synth", "--events", str(n), "--out", str(out), "--seed", "0")
    return out / "data", out / "seeds"


def first_day(date: str) -> str:
    """2018 → 2018-01-01, 2018-10 → 2018-10-01 (the start of the date's period)."""
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def last_day(date: str) -> str:
    """2018 → 2018-12-31, 2018-10 → 2018-10-31 (the end of the date's period)."""
    import calendar

    parts = [int(p) for p in date.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-{day:02d}"


def vis_data(events: list[dict]) -> dict:
    """vis-timeline's items and groups for the exported events, and each event's quotes."""
    from timeline.i18n import category_name
    from timeline.models import CATEGORIES

    items = []
    for i, e in enumerate(events):
        item = {
            "id": i,
            "group": e["category"],
            "content": html.escape(e["title"]),
            "start": first_day(e["date"]),
            "className": f"ev-{i}",
        }
        if e.get("end"):
            item["end"] = last_day(e["end"])
        items.append(item)
    return {
        "groups": [{"id": c, "content": category_name(c, "en")} for c in CATEGORIES],
        "items": items,
        "ids": [e["id"] for e in events],
        "titles": [e["title"] for e in events],
        "quotes": [[c["quote"] for c in e["citations"]] for e in events],
    }


VIS_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>vis-timeline: {n} events</title>
<link rel="stylesheet" href="../lib/vis/vis-timeline-graph2d.min.css">
<style>
body {{ margin: 0; font: 14px sans-serif; display: flex; align-items: flex-start; }}
#tl {{ flex: 1 1 auto; min-width: 0; }}
#panel {{ flex: 0 0 360px; padding: 0 12px; position: sticky; top: 0; max-height: 100vh; overflow: auto; }}
#panel blockquote {{ margin: 8px 0; padding-left: 8px; border-left: 3px solid #ccc; }}
</style>
</head>
<body>
<div id="tl"></div>
<aside id="panel"></aside>
<script src="../lib/vis/vis-timeline-graph2d.min.js"></script>
<script src="vis-data.js"></script>
<script>{style_hash}</script>
<script>
var ITEMS = "#tl .vis-item.vis-box, #tl .vis-item.vis-range, #tl .vis-item.vis-point";
(function () {{
  var d = window.VIS_DATA, changed = window.__visChanged = [];
  // With groups, vis 8 leaves the items unplaced on its first draw and places them on its next
  // redraw, which only its autoResize watcher (every second) would ask for: ask at once.
  var options = {{ onInitialDrawComplete: function () {{ timeline.redraw(); }} }};
  var timeline = new vis.Timeline(document.getElementById("tl"), d.items, d.groups, options);
  // Each redraw vis completes: when, how many items it has in the document, and where (a hash
  // of their inline styles, which hold each item's position).
  timeline.on("changed", function () {{
    var t = performance.now(), items = document.querySelectorAll(ITEMS);
    changed.push([t, items.length, styleHash(items)]);
  }});
  timeline.on("select", function (props) {{
    var i = props.items[0], panel = document.getElementById("panel");
    panel.textContent = "";
    if (i === undefined) return;
    panel.dataset.eventId = d.ids[i];
    var h = document.createElement("h2"); h.textContent = d.titles[i]; panel.appendChild(h);
    d.quotes[i].forEach(function (q) {{
      var b = document.createElement("blockquote"), m = document.createElement("mark");
      m.textContent = q; b.appendChild(m); panel.appendChild(b);
    }});
  }});
  window.__visTimeline = timeline;
}})();
</script>
</body>
</html>
"""

TIMELINEJS_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TimelineJS3: {n} events</title>
<link rel="stylesheet" href="../lib/tl/css/timeline.css">
<style>body {{ margin: 0; }} #tl {{ width: 100%; height: 800px; }}</style>
</head>
<body>
<div id="tl"></div>
<script src="../lib/tl/js/timeline.js"></script>
<script>{style_hash}</script>
<script>
(function () {{
  // The first animation frame after "loaded" with every marker in the document (the task that
  // fires "loaded" goes on to position them), and where the markers were then.
  var n = {n};
  function check() {{
    var markers = document.querySelectorAll("#tl .tl-timemarker");
    if (markers.length !== n) return requestAnimationFrame(check);
    performance.mark("tljs-drawn");
    window.__tlDrawnHash = styleHash(markers);
  }}
  // script_path must be absolute (TimelineJS3 builds URLs on it): where its fonts and locales are.
  // font: null, since its default font theme loads Google Fonts; timeline.css has its own font stacks.
  var options = {{ script_path: new URL("../lib/tl/js/", location.href).href, font: null }};
  var timeline = new TL.Timeline("tl", "timelinejs.json", options);
  timeline.on("loaded", function () {{ requestAnimationFrame(check); }});
  timeline.on("change", function () {{ performance.mark("tljs-change"); }});
  window.__tlTimeline = timeline;
}})();
</script>
</body>
</html>
"""


# A hash of the elements' inline styles (vis-timeline and TimelineJS3 position their items
# and markers with them): tells whether a later redraw moved anything.
STYLE_HASH_JS = """function styleHash(els) {
  var h = 0;
  for (var k = 0; k < els.length; k++) {
    var s = els[k].style.cssText;
    for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  }
  return h;
}"""


def build_pages(n: int, work: Path, root: Path) -> dict[str, str]:
    """Write the three pages of the size-n dataset under root/nN/; returns their paths."""
    data, seeds = dataset_dirs(n, work)
    folder = root / f"n{n}"
    folder.mkdir(parents=True)
    src = ("--data-dir", str(data), "--seeds-dir", str(seeds))
    # BENCH_SITE_PLOTLY names a smaller Plotly.js bundle for the site (the exporter's --plotly).
    bundle = ("--plotly", os.environ["BENCH_SITE_PLOTLY"]) if os.environ.get("BENCH_SITE_PLOTLY") else ()
    timeline_cli("export", "--format", "site", "--out", str(folder / "site"), *src, *bundle)
    timeline_cli("export", "--format", "timelinejs", "--out", str(folder / "timelinejs.json"), *src)
    events_json = work / f"events-{n}.json"
    timeline_cli("export", "--format", "json", "--out", str(events_json), *src)
    events = json.loads(events_json.read_text(encoding="utf-8"))["events"]
    if len(events) != n:
        raise SetupError(f"the export of the {n}-event dataset has {len(events)} events")
    body = json.dumps(vis_data(events), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    (folder / "vis-data.js").write_text(f"window.VIS_DATA = {body};\n", encoding="utf-8")
    (folder / "vis.html").write_text(VIS_HTML.format(n=n, style_hash=STYLE_HASH_JS), encoding="utf-8")
    (folder / "timelinejs.html").write_text(TIMELINEJS_HTML.format(n=n, style_hash=STYLE_HASH_JS), encoding="utf-8")
    return {
        "site": f"n{n}/site/index.html",
        "vis-timeline": f"n{n}/vis.html",
        "TimelineJS3": f"n{n}/timelinejs.html",
    }


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A static server of root on a free loopback port, in a daemon thread."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# ---------------------------------------------------------------------------------------------
# measuring

# Installed in every page before its own scripts: the click's start and the passage's frame.
HARNESS_JS = """
window.__bench = { clickAt: null, shownAt: null, armed: false, pred: null, errors: 0 };
addEventListener("error", () => { __bench.errors += 1; });
addEventListener("unhandledrejection", () => { __bench.errors += 1; });
addEventListener("pointerdown", (e) => {
  if (__bench.armed && __bench.clickAt === null) __bench.clickAt = e.timeStamp;
}, true);
__bench.shown = (el) => {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
};
__bench.arm = (pred) => {
  Object.assign(__bench, { clickAt: null, shownAt: null, armed: true, pred });
  const frame = () => {
    if (__bench.clickAt !== null && __bench.pred()) { __bench.shownAt = performance.now(); return; }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};
"""

# When each page had drawn every marker (ms since navigation start), or null while it has not.
DRAWN_AT_JS = {
    "site": "(n) => performance.getEntriesByName('tl-drawn')[0]?.startTime ?? null",
    # vis lays its items out over several redraws (the first before it has placed them): once 1.5 s
    # have passed without another, the first "changed" from which no item moved again.
    "vis-timeline": """(n) => {
  const c = window.__visChanged || [], last = c[c.length - 1];
  if (!last || last[1] !== n || performance.now() - last[0] <= 1500) return null;
  return c.find((x) => x[1] === n && x[2] === last[2])[0];
}""",
    "TimelineJS3": "(n) => performance.getEntriesByName('tljs-drawn')[0]?.startTime ?? null",
}

# How many events each page shows, once its mark is set.
COUNT_JS = {
    "vis-timeline": "() => document.querySelectorAll(ITEMS).length",
    "TimelineJS3": "() => document.querySelectorAll('#tl .tl-timemarker').length",
}

# The marker to click: nearest the middle of the first view; returns {x, y, id} or null.
TARGET_JS = {
    "site": """(drawn) => {
  // A single event's marker if one is in view; else a cluster (its list is opened first).
  const plot = document.querySelector('.tl-plot').getBoundingClientRect();
  const mid = plot.x + plot.width / 2;
  const near = (ms) => ms.reduce((a, b) => (Math.abs(b.cx - mid) < Math.abs(a.cx - mid) ? b : a));
  const inView = (ms) => ms.filter((m) => m.cy > 0 && m.cy < innerHeight && m.cx > plot.x && m.cx < plot.right);
  const s = document.querySelector('.tl-chart').parentElement.__timeline;
  const singles = inView(drawn.events), clusters = inView(drawn.clusters);
  if (singles.length) {
    const m = near(singles);
    return { x: m.cx, y: m.cy, id: s.fig.events.id[s.fig.events.idx.indexOf(m.idx)], cluster: false };
  }
  if (!clusters.length) return null;
  const c = near(clusters);
  return { x: c.cx, y: c.cy, id: null, cluster: true };
}""",
    "vis-timeline": """() => {
  const center = document.querySelector('#tl .vis-panel.vis-center').getBoundingClientRect();
  const mid = center.x + center.width / 2;
  let best = null, bestD = Infinity;
  for (const el of document.querySelectorAll(ITEMS)) {
    const r = el.getBoundingClientRect();
    const d = Math.abs(r.x + r.width / 2 - mid);
    if (d < bestD) { best = el; bestD = d; }
  }
  if (!best) return null;
  best.scrollIntoView({ block: 'center', inline: 'nearest' });
  const r = best.getBoundingClientRect();
  const x = Math.max(r.x + 4, Math.min(r.x + r.width / 2, innerWidth - 8)), y = r.y + r.height / 2;
  const hit = document.elementFromPoint(x, y)?.closest('.vis-item');
  const cls = hit && Array.from(hit.classList).find((c) => c.startsWith('ev-'));
  return cls ? { x, y, id: window.VIS_DATA.ids[Number(cls.slice(3))] } : null;
}""",
    "TimelineJS3": """() => {
  const nav = document.querySelector('#tl .tl-timenav').getBoundingClientRect();
  const mid = nav.x + nav.width / 2;
  let best = null, bestD = Infinity;
  for (const el of document.querySelectorAll('#tl .tl-timemarker')) {
    const r = el.querySelector('.tl-timemarker-content-container').getBoundingClientRect();
    if (r.width === 0 || r.right < nav.x + 8 || r.x > nav.right - 8) continue;
    const d = Math.abs(r.x + Math.min(r.width, 40) / 2 - mid);
    if (d < bestD) { best = r; bestD = d; }
  }
  if (!best) return null;
  const x = Math.max(best.x + 4, Math.min(best.x + 20, nav.right - 8)), y = best.y + Math.min(best.height / 2, 12);
  const hit = document.elementFromPoint(x, y)?.closest('.tl-timemarker');
  return hit ? { x, y, id: hit.id.replace(/-marker$/, '') } : null;
}""",
}

# Armed before the click: true once the clicked event's passage is shown.
ARM_JS = {
    "site": """(id) => __bench.arm(() => __bench.shown(
  document.querySelector(`.tl-event[data-event-id="${CSS.escape(id)}"] .tl-passage mark`)))""",
    "vis-timeline": """(id) => __bench.arm(() => document.getElementById('panel').dataset.eventId === id
  && __bench.shown(document.querySelector('#panel mark')))""",
    "TimelineJS3": """(id) => __bench.arm(() => {
  const slide = document.getElementById(id), slider = document.querySelector('#tl .tl-storyslider');
  if (!slide || !slider) return false;
  const a = slide.getBoundingClientRect(), b = slider.getBoundingClientRect();
  return Math.abs(a.x - b.x) < 2 && __bench.shown(slide.querySelector('blockquote') || slide);
})""",
}


def measure_load(browser, url: str, tool: str, n: int, timeout_ms: int) -> dict:
    """One cold load of a page: navigation → drawn, then click → passage."""
    from browser import DRAWN_JS

    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.add_init_script(HARNESS_JS)
    refused, errors, fetched = [], [], [0]

    def route(r):
        if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: fetched.__setitem__(0, fetched[0] + int(r.headers.get("content-length") or 0)))
    out: dict = {}
    try:
        page.goto(url, timeout=timeout_ms, wait_until="commit")
        drawn_at = DRAWN_AT_JS[tool]
        # Until drawn, or an uncaught error; a page that failed gets 10 more seconds to draw.
        page.wait_for_function(
            f"(n) => ({drawn_at})(n) !== null || __bench.errors > 0", arg=n, timeout=timeout_ms, polling=100
        )
        if page.evaluate(drawn_at, n) is None:
            page.wait_for_function(f"(n) => ({drawn_at})(n) !== null", arg=n, timeout=10_000, polling=100)
        out["drawn_ms"] = page.evaluate(drawn_at, n)
        if tool == "vis-timeline":  # every redraw: [ms, items in the document, hash of their places]
            out["changed"] = page.evaluate("() => __visChanged.map(([t, n]) => [Math.round(t), n])")
        if tool == "site":  # where the time went: the chart's data arrived, Plotly.js was loaded
            marks = "() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]))"
            out["marks"] = page.evaluate(marks)
            shown = page.evaluate(DRAWN_JS)
            out["count"] = len(shown["events"]) + sum(c["size"] for c in shown["clusters"])
        else:
            out["count"] = page.evaluate(COUNT_JS[tool])
        if out["count"] != n:
            out["error"] = f"{out['count']} of {n} events drawn"
            return out
        page.wait_for_load_state("networkidle", timeout=timeout_ms)
        page.wait_for_timeout(500)
        if tool == "TimelineJS3":  # did a marker move after the frame counted as drawn?
            moved = "() => styleHash(document.querySelectorAll('#tl .tl-timemarker')) !== __tlDrawnHash"
            out["markers_moved_after_drawn"] = page.evaluate(moved)
        target = page.evaluate(TARGET_JS[tool], page.evaluate(DRAWN_JS) if tool == "site" else None)
        if not target:
            out["error"] = "no marker to click in the first view"
            return out
        out["clicked_via"] = "marker"
        if target.get("cluster"):
            # Every event is in a cluster: open the one nearest the middle (not timed), then the
            # timed click is on the first event of its list, as a reader would choose it.
            page.mouse.click(target["x"], target["y"])
            item = page.locator(".tl-cluster-list:not([hidden]) .tl-cluster-item").first
            item.wait_for(timeout=30_000)
            box = item.bounding_box()
            target = {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}
            target["id"] = item.get_attribute("data-event-id")
            out["clicked_via"] = "cluster list"
            page.wait_for_timeout(300)
        out["clicked"] = target["id"]
        page.evaluate(ARM_JS[tool], target["id"])
        page.mouse.click(target["x"], target["y"])
        page.wait_for_function("() => __bench.shownAt !== null", timeout=30_000, polling=50)
        times = page.evaluate("() => [__bench.clickAt, __bench.shownAt]")
        out["click_ms"] = times[1] - times[0]
        if tool == "TimelineJS3":
            marks = page.evaluate("() => performance.getEntriesByName('tljs-change').map((m) => m.startTime)")
            after = [m for m in marks if m >= times[0]]  # TimelineJS3 also fires one on load
            out["change_ms"] = after[0] - times[0] if after else None
    except Exception as exc:  # a failed or slow load is a result, not a setup error
        out["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    finally:
        out["fetched_bytes"] = fetched[0]
        if refused:
            out["refused"] = refused
        if errors:
            out["page_errors"] = errors[:5]
        context.close()
    return out


def median(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def compare_size(browser, base: str, pages: dict[str, str], n: int, repeat: int, timeout_ms: int) -> list[dict]:
    """Every tool's loads at one size, the tools taking turns; one warm-up load each first."""
    loads: dict[str, list[dict]] = {tool: [] for tool in TOOLS}
    for attempt in range(repeat + 1):
        for tool in TOOLS:
            print(f"   {n:,} events, {tool}, load {attempt}/{repeat}", file=sys.stderr, flush=True)
            result = measure_load(browser, base + pages[tool], tool, n, timeout_ms)
            if "error" in result:
                print(f"     {result['error']}", file=sys.stderr, flush=True)
            if attempt:  # the first load only warms the file cache and the server
                loads[tool].append(result)
    rows = []
    for tool in TOOLS:
        runs = loads[tool]
        rows.append(
            {
                "events": n,
                "tool": tool,
                "page": pages[tool],
                "runs": len(runs),
                "ok": sum("error" not in r for r in runs),
                "drawn_median_ms": median([r.get("drawn_ms") if r.get("count") == n else None for r in runs]),
                "click_median_ms": median([r.get("click_ms") for r in runs]),
                "change_median_ms": median([r.get("change_ms") for r in runs]) if tool == "TimelineJS3" else None,
                "fetched_median_bytes": median([r["fetched_bytes"] for r in runs]),
                "refused_requests": sum(len(r.get("refused", [])) for r in runs),
                "loads": runs,
            }
        )
    return rows


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def print_table(rows: list[dict]) -> None:
    def ms(v):
        return "–" if v is None else f"{v:,.0f}"

    header = (
        f"{'events':>7}  {'tool':<13} {'drawn (ms)':>11} {'click→passage (ms)':>19} {'runs ok':>8} {'MB fetched':>11}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        mb = "–" if r["fetched_median_bytes"] is None else f"{r['fetched_median_bytes'] / 1e6:.2f}"
        print(
            f"{r['events']:>7,}  {r['tool']:<13} {ms(r['drawn_median_ms']):>11} {ms(r['click_median_ms']):>19}"
            f" {r['ok']:>4}/{r['runs']:<3} {mb:>11}"
        )
    for r in rows:
        errors = sorted({x["error"] for x in r["loads"] if "error" in x})
        for e in errors:
            print(f"  {r['events']:,} {r['tool']}: {e}")
        if r["refused_requests"]:
            print(f"  {r['events']:,} {r['tool']}: {r['refused_requests']} requests to other hosts refused")


def run(sizes: list[int], repeat: int, out: Path, npm_cache: Path, timeout_s: float) -> int:
    from browser import launch_browser
    from playwright.sync_api import sync_playwright

    from bench.run import machine

    try:
        versions = npm_install(npm_cache)
    except SetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report: dict = {
        "machine": machine(),
        "load_average_before": load_average(),
        "versions": versions,
        "repeat": repeat,
        "viewport": VIEWPORT,
        "results": [],
    }
    with tempfile.TemporaryDirectory(prefix="timeline-site-compare-") as tmp:
        work, root = Path(tmp) / "work", Path(tmp) / "www"
        work.mkdir()
        root.mkdir()
        copy_libraries(npm_cache, root)
        server, base = serve(root)
        try:
            with sync_playwright() as p:
                try:
                    browser = launch_browser(p)
                except Exception as exc:
                    raise SetupError(f"Chromium did not start: {exc}") from exc
                report["chromium"] = browser.version
                for n in sizes:
                    print(f"== {n:,} events: building the pages", file=sys.stderr, flush=True)
                    pages = build_pages(n, work, root)
                    rows = compare_size(browser, base, pages, n, repeat, int(timeout_s * 1000))
                    report["results"].extend(rows)
                    report["load_average_after"] = load_average()
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_text(json.dumps(report, indent=2))
                browser.close()
        except SetupError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        finally:
            server.shutdown()
            server.server_close()
    print(f"machine: {report['machine']}; Chromium {report['chromium']}")
    print(f"versions: {', '.join(f'{k} {v}' for k, v in versions.items())}")
    print(f"load average before: {report['load_average_before']}, after: {report['load_average_after']}")
    print(f"medians of {repeat} cold loads each (fresh browser context), after one uncounted warm-up load\n")
    print_table(report["results"])
    print(f"\nwrote {out}")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--npm-cache", type=Path, default=NPM_CACHE, help=f"where npm installs (default: {NPM_CACHE})")
    parser.add_argument("--timeout", type=float, default=300, help="seconds one page may take to draw (default: 300)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="33,1000,10000", help="event counts; 33 is the shipped data")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "site_compare.json")
    add_arguments(parser)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    start = time.perf_counter()
    code = run(sizes, args.repeat, args.out, args.npm_cache, args.timeout)
    print(f"({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
