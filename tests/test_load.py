"""Load: 25 concurrent browser sessions on loopback each load the page, click an event and read
its passage. Figures (p50/p95 of the whole session and of click to passage, server memory)
are printed and written to artifacts/load.json. On 2 cores the 25 Chromium renderers, not the
server, take most of the time."""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from pathlib import Path

import pytest
from browser import CHART_READY, CHROMIUM, CHROMIUM_ARGS, DRAWN_JS, Server, require_chromium

from timeline import PROJECT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.load]

SESSIONS = 25


def rss_kib(pid: int) -> int:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


async def one_session(browser, url: str, index: int, expected: dict[str, list[str]]) -> tuple[float, float, str]:
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    start = time.monotonic()
    await page.goto(url, timeout=120_000)
    await page.wait_for_selector(CHART_READY, state="attached", timeout=120_000)
    markers = (await page.evaluate(DRAWN_JS))["events"]  # one marker per event (clusters aside)
    marker = markers[index % len(markers)]
    clicked = time.monotonic()
    await page.mouse.click(marker["cx"], marker["cy"])
    await page.wait_for_selector(".tl-event .tl-passage mark", timeout=120_000)
    # The event shown is the one under the click, and its passages must be exactly that event's.
    target = await page.evaluate("document.querySelector('.tl-event').dataset.eventId")
    marks = await page.locator(".tl-passage mark").all_inner_texts()
    done = time.monotonic()
    await context.close()
    got = sorted(" ".join(m.split()) for m in marks)
    assert got == sorted(expected[target]), (target, got)
    return done - start, done - clicked, target


async def run_sessions(url: str, expected) -> list[tuple[float, float, str]]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return await asyncio.gather(*(one_session(browser, url, i, expected) for i in range(SESSIONS)))
        finally:
            await browser.close()


def test_25_concurrent_sessions_all_read_the_right_passage(tmp_path, shipped):
    require_chromium()
    expected = {e.id: [" ".join(p.excerpt.quote.split()) for p in shipped.passages[e.id]] for e in shipped.events}
    server = Server(log_dir=tmp_path)
    try:
        before = rss_kib(server.proc.pid)
        results = asyncio.run(run_sessions(server.url, expected))
        after = rss_kib(server.proc.pid)
    finally:
        server.stop()
    times = sorted(t for t, _, _ in results)
    clicks = sorted(c for _, c, _ in results)
    assert len(results) == SESSIONS
    assert len({target for _, _, target in results}) >= SESSIONS // 2  # sessions clicked different events
    figures = {
        "sessions": SESSIONS,
        "p50_s": round(statistics.median(times), 3),
        "p95_s": round(times[int(0.95 * (len(times) - 1))], 3),
        "max_s": round(times[-1], 3),
        "click_to_passage_p50_s": round(statistics.median(clicks), 3),
        "click_to_passage_p95_s": round(clicks[int(0.95 * (len(clicks) - 1))], 3),
        "server_rss_before_mib": round(before / 1024, 1),
        "server_rss_after_mib": round(after / 1024, 1),
    }
    out = PROJECT_DIR / "artifacts" / "load.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2))
    print("\nload:", figures)
    log = server.log()
    assert "Traceback" not in log and "Exception" not in log, log
