"""Benchmark: validation, load, figure, page reruns against a floor, browser draw time, memory.

    python bench/run.py [--sizes 100,1000,10000,100000] [--repeat 5] [--out bench/results.json]
    python bench/run.py --site-compare [--sizes 33,1000,10000] [--repeat 5]   (bench/compare_site.py)

Prints a table and writes JSON. Every figure is a median over repeated runs; the page's rerun
times are also given as a ratio to the floor (a bare Streamlit page with one WebGL scatter of
the same N points, rerun the same way), since ratios survive a noisy machine better than seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from timeline.synth import generate_dataset  # noqa: E402

BROWSER_SIZES = {1000, 10000}  # the targets name these; 100 and 100,000 get one load each
MARKERS_DRAWN_JS = """(n) => {
  // Every event is drawn: one per event marker, plus each cluster marker's count. On the page
  // the chart also says when its labels are placed (data-ready); the floor has no labels.
  const gd = document.querySelector('.js-plotly-plot');
  if (!gd || !gd._fullData || !gd._fullLayout || gd._transitioning) return false;
  if (gd.classList.contains('tl-plot') && !gd.dataset.ready) return false;
  let drawn = 0;
  for (const t of gd._fullData) {
    if (t.meta === 'clusters') drawn += Array.from(t.text || []).reduce((a, s) => a + Number(s), 0);
    else if ((t.mode || '').includes('markers') && t.meta !== 'selected') drawn += t._length || 0;
  }
  return drawn === n;
}"""


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def validate_cold(data: Path, seeds: Path, repeat: int) -> float:
    """load_dataset in a fresh interpreter (imports and caches cold), timed inside it."""
    code = (
        "import time; t = time.perf_counter(); from timeline.validate import load_dataset; "
        f"load_dataset({str(data)!r}, {str(seeds)!r}); print(time.perf_counter() - t)"
    )
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def apptest_reruns(script: str, env: dict, ids: list[str], repeat: int) -> dict:
    """First run, filter change and selection reruns of a page under AppTest (medians)."""
    from streamlit.testing.v1 import AppTest

    os.environ.update(env)
    at = AppTest.from_file(script, default_timeout=600)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    assert not at.exception, [e.value for e in at.exception]
    filters, selects = [], []
    for i in range(repeat):
        at.multiselect(key="f_cat").set_value(["funding"] if i % 2 == 0 else [])
        start = time.perf_counter()
        at.run()
        filters.append(time.perf_counter() - start)
    for i in range(repeat):
        at.session_state["event"] = ids[(i * 7919) % len(ids)]
        start = time.perf_counter()
        at.run()
        selects.append(time.perf_counter() - start)
    for key in env:
        os.environ.pop(key, None)
    return {"first": first, "filter": statistics.median(filters), "select": statistics.median(selects)}


def browser_draw(url: str, n: int, repeat: int, timeout_ms: int = 600_000) -> float:
    """Seconds from navigation start until all n markers are drawn (median), with the data
    already loaded on the server (a first, uncounted load warms it)."""
    from browser import launch_browser
    from playwright.sync_api import sync_playwright

    runs = []
    with sync_playwright() as p:
        browser = launch_browser(p)
        for attempt in range(repeat + 1):  # the first load warms the server's cache: not counted
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.goto(url, timeout=timeout_ms)
            page.wait_for_function(MARKERS_DRAWN_JS, arg=n, timeout=timeout_ms, polling=50)
            if attempt:
                runs.append(page.evaluate("performance.now()") / 1000)
            context.close()
        browser.close()
    return statistics.median(runs)


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def bench_size(n: int, workdir: Path, repeat: int, browser: bool) -> dict:
    from browser import Server

    from timeline.chart import chart_payload, payload_json
    from timeline.validate import load_dataset
    from timeline.view import Filters, filter_frame, prepare_frame
    from timeline.watch import stat_tree

    out = workdir / f"synth-{n}"
    start = time.perf_counter()
    generate_dataset(n, out, seed=0)
    result: dict = {"events": n, "generate_s": time.perf_counter() - start}
    data, seeds = out / "data", out / "seeds"
    result["articles"] = sum(1 for _ in seeds.iterdir())
    result["validate_cold_s"] = validate_cold(data, seeds, max(1, min(repeat, 3)))
    load_dataset(data, seeds)
    result["validate_warm_s"] = median_time(lambda: load_dataset(data, seeds), max(1, min(repeat, 3)))
    result["validate_cold_per_1000_s"] = result["validate_cold_s"] / n * 1000
    dataset = load_dataset(data, seeds)
    result["load_cached_s"] = median_time(lambda: (stat_tree(data), stat_tree(seeds)), repeat)
    frame = prepare_frame(dataset)
    result["prepare_frame_s"] = median_time(lambda: prepare_frame(dataset), max(1, min(repeat, 3)))
    result["filter_s"] = median_time(lambda: filter_frame(frame, Filters(category=("funding",), q="border")), repeat)
    build = lambda: payload_json(chart_payload(frame, dataset))  # noqa: E731
    result["figure_build_s"] = median_time(build, max(1, min(repeat, 3)))
    size = len(build())
    result["figure_bytes"] = size
    result["figure_bytes_per_event"] = size / n
    ids = [e.id for e in dataset.events]
    env = {"TIMELINE_DATA_DIR": str(data), "TIMELINE_SEEDS_DIR": str(seeds)}
    result["page"] = apptest_reruns(str(ROOT / "app.py"), env, ids, repeat)
    result["floor"] = apptest_reruns(
        str(ROOT / "bench" / "floor_app.py"), {"FLOOR_EVENTS": str(n)}, [f"event-{i}" for i in range(n)], repeat
    )
    result["ratio"] = {k: result["page"][k] / result["floor"][k] for k in ("first", "filter", "select")}
    if browser:
        page_server = Server(env=env)
        floor_server = Server(env={"FLOOR_EVENTS": str(n)}, script=ROOT / "bench" / "floor_app.py")
        try:
            draws = max(1, min(repeat, 3)) if n in BROWSER_SIZES else 1
            result["browser_page_s"] = browser_draw(page_server.url, n, draws)
            result["browser_floor_s"] = browser_draw(floor_server.url, n, draws)
            result["browser_ratio"] = result["browser_page_s"] / result["browser_floor_s"]
            result["server_peak_rss_mib"] = peak_rss_mib(page_server.proc.pid)
            result["floor_peak_rss_mib"] = peak_rss_mib(floor_server.proc.pid)
        finally:
            page_server.stop()
            floor_server.stop()
    return result


def machine() -> str:
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in Path("/proc/cpuinfo").read_text().splitlines()
            if ln.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal"))
    return f"{os.cpu_count()} cores, {cpu}, {int(mem) // 1024 // 1024} GiB, Python {platform.python_version()}"


def print_table(results: list[dict]) -> None:
    rows = [
        ("events", "{events:,}"),
        ("articles", "{articles:,}"),
        ("validate cold (s)", "{validate_cold_s:.2f}"),
        ("validate warm (s)", "{validate_warm_s:.2f}"),
        ("validate cold per 1,000 (s)", "{validate_cold_per_1000_s:.3f}"),
        ("load when cached (ms)", "{load_cached_ms:.1f}"),
        ("figure build (s)", "{figure_build_s:.3f}"),
        ("figure bytes/event", "{figure_bytes_per_event:.0f}"),
        ("page first run (s)", "{page_first:.3f}"),
        ("floor first run (s)", "{floor_first:.3f}"),
        ("page filter rerun (s)", "{page_filter:.3f}"),
        ("floor filter rerun (s)", "{floor_filter:.3f}"),
        ("  ratio filter", "{ratio_filter:.2f}"),
        ("page select rerun (s)", "{page_select:.3f}"),
        ("floor select rerun (s)", "{floor_select:.3f}"),
        ("  ratio select", "{ratio_select:.2f}"),
        ("browser: page markers drawn (s)", "{browser_page_s}"),
        ("browser: floor markers drawn (s)", "{browser_floor_s}"),
        ("  ratio browser", "{browser_ratio}"),
        ("server peak RSS (MiB)", "{server_peak_rss_mib}"),
    ]
    flat = []
    for r in results:
        f = {**r, "load_cached_ms": r["load_cached_s"] * 1000}
        for k in ("first", "filter", "select"):
            f[f"page_{k}"], f[f"floor_{k}"], f[f"ratio_{k}"] = r["page"][k], r["floor"][k], r["ratio"][k]
        for k in ("browser_page_s", "browser_floor_s", "browser_ratio", "server_peak_rss_mib"):
            f[k] = f"{r[k]:.2f}" if k in r else "–"
        flat.append(f)
    width = max(len(label) for label, _ in rows)
    for label, fmt in rows:
        print(f"{label:<{width}}  " + "  ".join(f"{fmt.format(**f):>12}" for f in flat))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", help="default 100,1000,10000,100000 (with --site-compare: 33,1000,10000)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, help="default bench/results.json (--site-compare: see compare_site.py)")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless-Chromium measurements")
    parser.add_argument(
        "--site-compare",
        action="store_true",
        help="instead, the static site against vis-timeline and TimelineJS3 in headless Chromium "
        "(bench/compare_site.py, which also runs alone and has more options)",
    )
    args = parser.parse_args(argv)
    if args.site_compare:
        from bench import compare_site

        given = [("--sizes", args.sizes), ("--out", args.out and str(args.out))]
        return compare_site.main(["--repeat", str(args.repeat)] + [x for k, v in given if v for x in (k, v)])
    sizes = [int(s) for s in (args.sizes or "100,1000,10000,100000").split(",")]
    args.out = args.out or ROOT / "bench" / "results.json"
    results = []
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        for n in sizes:
            print(f"== {n:,} events", file=sys.stderr, flush=True)
            results.append(bench_size(n, Path(tmp), args.repeat, browser=not args.no_browser))
            args.out.write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    print(f"machine: {machine()}")
    print_table(results)
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
