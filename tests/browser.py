"""Helpers for the headless-Chromium tests: a real Streamlit server and Debian's Chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from timeline import PROJECT_DIR

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def require_chromium() -> None:
    """Skip without Debian's Chromium on a developer machine; in CI a missing browser fails."""
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing: install Debian's chromium (bash scripts/test.sh does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``streamlit run app.py`` on a free loopback port, with its log kept for inspection."""

    def __init__(self, env: dict[str, str] | None = None, log_dir: Path | None = None, script: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        log_dir = log_dir or Path(os.environ.get("TMPDIR", "/tmp"))
        self.log_path = log_dir / f"streamlit-{self.port}.log"
        self._log = open(self.log_path, "w")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script or PROJECT_DIR / "app.py"),
                "--server.headless=true",
                f"--server.port={self.port}",
                "--server.address=127.0.0.1",
                "--browser.gatherUsageStats=false",
                "--server.fileWatcherType=none",
            ],
            cwd=PROJECT_DIR,
            env={**os.environ, **(env or {})},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait()

    def _wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited: {self.log()}")
            with contextlib.suppress(OSError), urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
            time.sleep(0.3)
        raise RuntimeError(f"streamlit did not start: {self.log()}")

    def log(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_path.read_text()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._log.close()


def launch_browser(playwright):
    """Debian's Chromium, headless, never a downloaded browser."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_idle(page, timeout: float = 30_000) -> None:
    """Wait until the script run the last interaction started has finished."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " && document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') !== 'running'",
        timeout=timeout,
    )
    page.wait_for_timeout(300)


# What the chart has drawn, read from the page: every marker's box (events, clusters, the ring
# around the selected event) with the event index it carries, every label's box, and the x range.
DRAWN_JS = """() => {
  const gd = document.querySelector('.tl-plot');
  if (!gd || !gd._fullLayout) return null;
  const out = {events: [], clusters: [], ring: [], labels: [], range: gd._fullLayout.xaxis.range.slice()};
  for (const el of gd.querySelectorAll('.scatterlayer .trace')) {
    const trace = el.__data__ && el.__data__[0] && el.__data__[0].trace;
    if (!trace) continue;
    const kind = {events: 'events', clusters: 'clusters', selected: 'ring'}[trace.meta];
    if (!kind) continue;
    for (const p of el.querySelectorAll('path.point')) {
      const r = p.getBoundingClientRect();
      out[kind].push({idx: p.__data__.data, size: Number(p.__data__.tx || 1), x: r.x, y: r.y, w: r.width, h: r.height,
                      cx: r.x + r.width / 2, cy: r.y + r.height / 2});
    }
  }
  for (const b of document.querySelectorAll('.tl-label')) {
    const r = b.getBoundingClientRect();
    out.labels.push({id: b.dataset.eventId, text: b.textContent, headline: !!b.dataset.headline,
                     x: r.x, y: r.y, w: r.width, h: r.height});
  }
  return out;
}"""
CHART_READY = ".tl-plot[data-ready]"


def wait_chart(page, timeout: float = 60_000) -> None:
    """Wait until the chart has drawn its events and placed its labels."""
    page.wait_for_selector(CHART_READY, state="attached", timeout=timeout)
    page.wait_for_function("() => !!document.querySelector('.tl-plot .scatterlayer')", timeout=timeout)
    page.wait_for_timeout(200)


def drawn(page) -> dict:
    """What the chart shows now (see DRAWN_JS)."""
    return page.evaluate(DRAWN_JS)


def drawn_count(page) -> int:
    """How many events the chart shows: one per event marker, and each cluster's count."""
    shown = drawn(page)
    return len(shown["events"]) + sum(c["size"] for c in shown["clusters"])


def boxes_overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]
    )


def marker_of(page, index: int) -> dict | None:
    """The drawn marker (or cluster) that holds the event with this index in time order."""
    shown = drawn(page)
    for marker in shown["events"]:
        if marker["idx"] == index:
            return marker
    members = page.evaluate(
        "(i) => { const s = document.querySelector('.tl-chart').parentElement.__timeline;"
        " const k = s.fig.events.idx.indexOf(i); return s.placed.cluster[k]; }",
        index,
    )
    return next((c for c in shown["clusters"] if c["idx"] == -1 - members), None)


def click_event(page, index: int) -> None:
    """Click the event's marker (or its cluster, then its line in the list)."""
    marker = marker_of(page, index)
    assert marker is not None, f"event {index} is not drawn"
    page.mouse.click(marker["cx"], marker["cy"])
    if marker["idx"] < 0:
        page.locator(".tl-cluster-list").wait_for()
        ident = page.evaluate(
            "(i) => { const s = document.querySelector('.tl-chart').parentElement.__timeline;"
            " return s.fig.events.id[s.fig.events.idx.indexOf(i)]; }",
            index,
        )
        page.locator(f".tl-cluster-item[data-event-id='{ident}']").click()
    wait_idle(page)


def click_table_row(page, row: int) -> None:
    """Open the Table tab and click the row'th row (0 is the first; unsorted, it is time order)."""
    page.get_by_role("tab", name="Table").click()
    grid = page.locator("[data-testid=stDataFrame]")
    grid.wait_for()
    page.wait_for_timeout(800)  # the grid draws on a canvas after it appears
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 * (row + 1) + 17)  # 35 px rows under the header
