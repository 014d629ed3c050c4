"""The static site (``python -m timeline export --format site``) in a real headless Chromium, opened
from file:// and over HTTP: it draws every event, filters, selects, keeps the view in the
address, reads in both languages, loads articles on demand, sends nothing away, runs no script
from a hostile dataset and embeds in an iframe."""

from __future__ import annotations

import functools
import http.server
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import click_event, drawn_count
from conftest import HOSTILE_LABEL

from timeline import PROJECT_DIR
from timeline.details import STYLE, render_event
from timeline.i18n import language
from timeline.site import build_site

pytestmark = pytest.mark.browser

DRAWN = "() => performance.getEntriesByName('tl-drawn').length > 0"


@pytest.fixture(scope="module")
def site(tmp_path_factory, shipped) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(shipped, out)
    return out


@pytest.fixture(scope="module")
def http_site(site):
    """The site served by a plain static file server on loopback."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def open_site(page, url: str) -> list[str]:
    """Open the site and wait for every marker; returns the requests it made."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_function(DRAWN, timeout=30_000)
    page.wait_for_function("() => document.querySelector('.tl-count')?.textContent")
    assert errors == []
    return requests


def hash_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).fragment)


@pytest.mark.parametrize("where", ["file", "http"])
def test_every_event_drawn_and_a_click_shows_its_passage(page, site, http_site, shipped, where):
    url = site.as_uri() + "/index.html" if where == "file" else http_site
    requests = open_site(page, url)
    assert drawn_count(page) == len(shipped.events)
    assert page.locator(".tl-count").inner_text() == f"{len(shipped.events)} of {len(shipped.events)} events"
    click_event(page, shipped.index_of("smart-border-pledge-2022"))
    page.wait_for_selector(".tl-event[data-event-id='smart-border-pledge-2022'] .tl-passage mark")
    event = shipped.event("smart-border-pledge-2022")
    marks = page.locator(".tl-passage mark").all_inner_texts()
    assert any(" ".join(m.split()) == " ".join(x.quote.split()) for m in marks for x in event.excerpts)
    assert hash_of(page)["event"] == ["smart-border-pledge-2022"]
    # Nothing from another host: every request stays in the site's folder (or its server).
    base = site.as_uri() if where == "file" else http_site.rstrip("/")
    assert requests and all(r.startswith(base) or r.startswith("data:") for r in requests), requests


def test_the_panel_is_the_cores_html(page, site, shipped):
    """The same HTML for the same event on the page and in the site (one source of truth)."""
    open_site(page, site.as_uri() + "/index.html#event=border-security-memorandum-2013")
    page.wait_for_selector(".tl-event[data-event-id='border-security-memorandum-2013']")
    html = page.evaluate("document.querySelector('.tl-event-box').innerHTML")
    with language("en"):
        expected = render_event(shipped, shipped.event("border-security-memorandum-2013")).removeprefix(STYLE)
    # The browser re-serialises the fragment: compare what it makes of the core's HTML.
    same = page.evaluate(
        "(html) => { const d = document.createElement('div'); d.innerHTML = html; return d.innerHTML; }", expected
    )
    assert html == same


def test_filters_count_and_clear(page, site, shipped):
    open_site(page, site.as_uri() + "/index.html")
    total = len(shipped.events)
    funding = sum(e.category == "funding" for e in shipped.events)
    page.get_by_label("funding", exact=True).check()
    page.wait_for_function(f"() => document.querySelector('.tl-count').textContent.startsWith('{funding} of')")
    assert drawn_count(page) == funding
    assert hash_of(page)["category"] == ["funding"]
    page.get_by_label("Search titles, summaries and quotes").fill("zzzz-nothing")
    page.wait_for_function(f"() => document.querySelector('.tl-count').textContent.startsWith('0 of {total}')")
    assert page.locator(".tl-empty").is_visible()
    page.get_by_role("button", name="Clear filters").click()
    page.wait_for_function(f"() => document.querySelector('.tl-count').textContent.startsWith('{total} of')")
    assert page.get_by_role("button", name="Clear filters").is_disabled()
    biden = [e for e in shipped.events if "us-biden" in shipped.us_admins.get(e.id, [])]
    page.get_by_label("Joe Biden (2021–2025)").check()
    page.wait_for_function(f"() => document.querySelector('.tl-count').textContent.startsWith('{len(biden)} of')")
    page.get_by_label("Joe Biden (2021–2025)").uncheck()
    page.locator(".tl-years input").first.fill("2022")
    page.locator(".tl-years input").first.dispatch_event("change")
    since = sum(e.last_day().year >= 2022 for e in shipped.events)
    page.wait_for_function(f"() => document.querySelector('.tl-count').textContent.startsWith('{since} of')")


def test_search_reads_both_languages_and_quotes(page, site, shipped):
    from timeline.view import prepare_frame

    open_site(page, site.as_uri() + "/index.html")
    search = prepare_frame(shipped)["search"].tolist()
    for words in ("patrulla fronteriza", "smuggling"):  # Spanish words on the English page; English ones
        expected = sum(all(w in s for w in words.split()) for s in search)
        assert expected
        page.get_by_label("Search titles, summaries and quotes").fill(words)
        page.wait_for_function(f"() => document.querySelector('.tl-count').textContent.startsWith('{expected} of')")
        assert drawn_count(page) == expected


def test_deep_link_restores_the_view_and_back_works(page, site, shipped):
    open_site(page, site.as_uri() + "/index.html#event=smart-border-pledge-2022&category=funding&from=2018")
    page.wait_for_selector(".tl-event[data-event-id='smart-border-pledge-2022']")
    assert page.get_by_label("funding", exact=True).is_checked()
    assert page.locator(".tl-years input").first.input_value() == "2018"
    page.get_by_role("button", name="← Previous event").click()
    page.wait_for_function("() => !location.hash.includes('smart-border-pledge-2022')")
    after = hash_of(page)["event"][0]
    assert after != "smart-border-pledge-2022"
    page.wait_for_selector(f".tl-event[data-event-id='{after}']")
    page.go_back()
    page.wait_for_selector(".tl-event[data-event-id='smart-border-pledge-2022']")
    page.go_forward()
    page.wait_for_selector(f".tl-event[data-event-id='{after}']")


def test_whole_article_loads_when_asked(page, site, shipped):
    requests = open_site(page, site.as_uri() + "/index.html#event=smart-border-pledge-2022")
    page.wait_for_selector(".tl-event")
    assert not any("/articles/" in r for r in requests)  # not before it is asked for
    page.locator(".tl-whole summary").first.click()
    page.wait_for_selector(".tl-article mark")
    assert any("/articles/en/" in r for r in requests)
    assert page.locator(".tl-article").get_attribute("lang") == "en"


def test_spanish_from_the_browser_and_the_switch_keeps_the_view(browser, site, shipped):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="es-MX")
    page = context.new_page()
    try:
        open_site(page, site.as_uri() + "/index.html#event=border-security-memorandum-2013&category=agreement")
        assert page.locator("h1").inner_text() == "Cronología de la cooperación fronteriza"
        assert page.evaluate("document.documentElement.lang") == "es"
        page.wait_for_selector(".tl-event h2")
        title = shipped.event("border-security-memorandum-2013").text_in("es")[0]
        assert page.locator(".tl-event h2").inner_text() == title
        assert "23 jul 2013" in page.locator(".tl-event .tl-meta").inner_text()
        svg = page.evaluate("[...document.querySelectorAll('.tl-chart text')].map((t) => t.textContent)")
        assert "acuerdo" in svg and "vías migratorias" in svg
        # No English word of ours on the Spanish site (passages and articles aside), as on the page.
        from test_app import english_found
        from test_spanish_browser import VISIBLE_OURS_JS

        page.locator(".tl-whole summary").first.click()
        page.wait_for_selector(".tl-article")
        assert english_found(page.evaluate(VISIBLE_OURS_JS)) == []
        page.get_by_role("button", name="English").click()
        page.wait_for_function("() => document.querySelector('h1').textContent === 'Border Cooperation Timeline'")
        q = hash_of(page)
        assert q["lang"] == ["en"] and q["event"] == ["border-security-memorandum-2013"]
        assert q["category"] == ["agreement"]
        page.wait_for_selector(".tl-event h2")
        assert page.locator(".tl-event h2").inner_text() == shipped.event("border-security-memorandum-2013").title
    finally:
        context.close()


def test_embedded_in_an_iframe_without_its_chrome(page, site, http_site, tmp_path):
    host = site / "embed-test.html"
    host.write_text(
        "<!doctype html><title>story</title><p>Our story.</p>"
        "<iframe id=f src='index.html#embed=1' style='width:700px;height:900px;border:0'></iframe>",
        encoding="utf-8",
    )
    try:
        page.goto(http_site + "embed-test.html")
        frame = page.frame_locator("#f")
        inner = page.wait_for_selector("#f").content_frame()
        inner.wait_for_load_state()
        inner.wait_for_function(DRAWN, timeout=30_000)
        assert not frame.locator("h1").is_visible()  # the page's title is the story's, not ours
        assert frame.locator(".tl-count").is_visible()
        width = inner.evaluate("document.querySelector('.tl-plot').getBoundingClientRect().width")
        assert width <= 700
        page.evaluate("document.getElementById('f').style.width = '420px'")  # the story's column narrows
        inner.wait_for_function(
            f"() => document.querySelector('.tl-plot').getBoundingClientRect().width < {width - 150}"
        )
        inner.wait_for_function("() => document.documentElement.scrollWidth - window.innerWidth <= 1")  # redrawn to fit
    finally:
        host.unlink()


def test_downloads_give_the_events_shown(page, site, shipped):
    import csv
    import io
    import json

    from timeline.export import export_csv, export_json

    open_site(page, site.as_uri() + "/index.html#category=funding")
    funding = [e for e in shipped.events if e.category == "funding"]
    page.wait_for_function(f"() => document.querySelector('.tl-count').textContent.startsWith('{len(funding)} of')")
    with page.expect_download() as got:
        page.get_by_role("button", name="Download CSV").click()
    text = Path(got.value.path()).read_text(encoding="utf-8")
    assert got.value.suggested_filename == "border-timeline.csv"
    assert text == export_csv(shipped, funding)  # exactly what the page's own download gives
    assert [r["id"] for r in csv.DictReader(io.StringIO(text))] == [e.id for e in funding]
    with page.expect_download() as got:
        page.get_by_role("button", name="Download JSON").click()
    records = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))["events"]
    assert records == json.loads(export_json(shipped, funding))["events"]
    with page.expect_download() as got:
        page.get_by_role("button", name="Download TimelineJS JSON").click()
    slides = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))["events"]
    assert [s["unique_id"] for s in slides] == [e.id for e in funding]


def test_a_hostile_dataset_runs_nothing_and_reads_as_written(browser, hostile, tmp_path):
    from timeline.validate import load_dataset

    data_dir, seeds_dir = hostile
    out = tmp_path / "site"
    build_site(load_dataset(data_dir, seeds_dir), out)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        requests = open_site(page, out.as_uri() + "/index.html#event=hostile-event")
        page.wait_for_selector(".tl-event[data-event-id='hostile-event']")
        page.locator(".tl-whole summary").first.click()
        page.wait_for_selector(".tl-article")
        page.get_by_label("Search titles, summaries and quotes").fill("<img")
        page.wait_for_timeout(500)
        assert page.evaluate("window.__xss") is None
        assert dialogs == []
        label = page.locator(".tl-label[data-event-id='hostile-event']")
        if label.count():
            assert label.text_content() == HOSTILE_LABEL
        assert page.locator(".tl-event img, .tl-article img, .tl-event script").count() == 0
        assert all(r.startswith(out.as_uri()) for r in requests), requests
    finally:
        context.close()


def test_the_command_writes_the_site(tmp_path):
    out = tmp_path / "published"
    run = subprocess.run(
        [sys.executable, "-m", "timeline", "export", "--format", "site", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert re.search(r"wrote the site to .*\(\d[\d,]* bytes", run.stderr)
    for name in ("index.html", "plotly.min.js", "site.js", "data-en.js", "data-es.js", "search.js", "downloads.js"):
        assert (out / name).is_file(), name
    missing = subprocess.run(
        [sys.executable, "-m", "timeline", "export", "--format", "site"],
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
    )
    assert missing.returncode == 2 and "needs --out DIR" in missing.stderr


def test_screenshots_of_the_site(browser, site, shipped):
    """The site at 1280×800 and on a 390×844 phone, on load and after choosing the 2022 pledge
    (artifacts/screenshots/site-*.png); a phone never scrolls sideways."""
    shots = PROJECT_DIR / "artifacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("desktop", {"width": 1280, "height": 800}), ("phone", {"width": 390, "height": 844})):
        phone = name == "phone"
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
        page = context.new_page()
        open_site(page, site.as_uri() + "/index.html")
        page.screenshot(path=str(shots / f"site-{name}.png"))
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        click_event(page, shipped.index_of("smart-border-pledge-2022"))
        page.wait_for_selector(".tl-event[data-event-id='smart-border-pledge-2022'] mark")
        page.mouse.move(1, 1)
        page.wait_for_timeout(400)
        page.screenshot(path=str(shots / f"site-{name}-selected.png"))
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        context.close()


@pytest.mark.parametrize("phone", [False, True])
def test_no_axe_violations_in_the_site(browser, site, phone):
    from test_a11y import axe_violations, describe, require_axe

    require_axe()
    viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 800}
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        open_site(page, site.as_uri() + "/index.html#event=smart-border-pledge-2022")
        page.wait_for_selector(".tl-event")
        page.locator(".tl-whole summary").first.click()
        page.wait_for_selector(".tl-article")
        violations = axe_violations(page)
        assert not violations, describe(violations)
    finally:
        context.close()
