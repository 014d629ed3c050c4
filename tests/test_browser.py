"""The page in a real headless Chromium (Debian's), driven by Playwright against a real server."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import Server, click_event, click_table_row, drawn, drawn_count, wait_chart, wait_idle
from conftest import HOSTILE_LABEL

from timeline import PROJECT_DIR

pytestmark = pytest.mark.browser

SCREENSHOTS = PROJECT_DIR / "artifacts" / "screenshots"


def open_page(page, url: str, markers: bool = True) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid=stApp]")
    if markers:
        wait_chart(page)
    wait_idle(page)


def shown_event(page) -> str | None:
    return page.evaluate("document.querySelector('.tl-event')?.dataset.eventId ?? null")


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_page_loads_with_one_marker_per_event(page, server, shipped):
    open_page(page, server.url)
    assert drawn_count(page) == len(shipped.events)
    assert page.get_by_role("heading", name="Border Cooperation Timeline").is_visible()
    assert page.get_by_text(f"{len(shipped.events)} of {len(shipped.events)} events").is_visible()


def test_clicking_a_marker_shows_its_passage_marked(page, server, shipped):
    open_page(page, server.url)
    click_event(page, shipped.index_of("smart-border-pledge-2022"))
    page.wait_for_selector(".tl-event[data-event-id='smart-border-pledge-2022']")
    marks = page.locator(".tl-passage mark").all_inner_texts()
    event = shipped.event("smart-border-pledge-2022")
    assert any(" ".join(m.split()) == " ".join(x.quote.split()) for m in marks for x in event.excerpts)
    assert query(page)["event"] == ["smart-border-pledge-2022"]


def test_a_filter_changes_the_markers(page, server, shipped):
    open_page(page, server.url)
    box = page.get_by_label("Search titles, summaries and quotes")
    box.fill("smuggling")
    box.press("Enter")
    wait_idle(page)
    expected = [
        e
        for e in shipped.events
        if "smuggling" in (e.title + e.summary + " ".join(x.quote for x in e.excerpts) + " ".join(e.actors)).lower()
    ]
    page.wait_for_function(
        f"() => document.querySelector('.tl-chart').parentElement.__timeline.fig.events.idx.length === {len(expected)}"
    )
    wait_chart(page)
    assert drawn_count(page) == len(expected)
    assert 0 < len(expected) < len(shipped.events)
    assert query(page)["q"] == ["smuggling"]


def test_deep_link_restores_the_view(page, server, shipped):
    event_id = "trilateral-ministerial-meeting-2024"
    open_page(page, f"{server.url}/?event={event_id}&category=diplomacy&category=agreement")
    expected = [e for e in shipped.events if e.category in ("diplomacy", "agreement")]
    assert drawn_count(page) == len(expected)
    assert shown_event(page) == event_id
    assert page.locator(".tl-passage mark").count() == len(shipped.event(event_id).excerpts)
    assert page.get_by_text(f"{len(expected)} of {len(shipped.events)} events").is_visible()


def test_back_button_returns_to_the_previous_event(page, server, shipped):
    ids = [e.id for e in shipped.events]
    open_page(page, f"{server.url}/?event={ids[4]}")
    page.get_by_role("button", name="Next event →").click()
    page.wait_for_selector(f".tl-event[data-event-id='{ids[5]}']")
    assert query(page)["event"] == [ids[5]]
    page.go_back()
    page.wait_for_selector(f".tl-event[data-event-id='{ids[4]}']", timeout=30_000)
    assert query(page)["event"] == [ids[4]]


def test_previous_and_next_work_from_the_keyboard(page, server, shipped):
    ids = [e.id for e in shipped.events]
    open_page(page, f"{server.url}/?event={ids[10]}")
    page.get_by_role("button", name="Next event →").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(f".tl-event[data-event-id='{ids[11]}']")


def test_whole_article_opens_with_all_cited_passages_marked(page, server, shipped):
    event = shipped.event("smart-border-pledge-2022")
    open_page(page, f"{server.url}/?event={event.id}")
    page.get_by_text("Read the whole article: Audacy").click()
    article = page.locator(".tl-article[data-source='audacy-2022-07-smart-security']")
    article.wait_for()
    cited = {
        " ".join(x.quote.split())
        for e in shipped.events
        for x in e.excerpts
        if x.source == "audacy-2022-07-smart-security"
    }
    marked = {" ".join(t.split()) for t in article.locator("mark").all_inner_texts()}
    assert cited <= marked or all(any(c in m for m in marked) for c in cited)


# Each term's name on the chart, with its left and right edge, and the plot area's, in pixels.
TERM_NAMES_JS = """() => {
  const gd = document.querySelector('.tl-plot');
  const area = gd.querySelector('.nsewdrag').getBoundingClientRect();
  const names = [];
  gd.layout.annotations.forEach((a, i) => {
    if (!String(a.name).startsWith('term:')) return;
    const box = gd.querySelector(`g.annotation[data-index="${i}"]`).getBoundingClientRect();
    names.push([a.text, box.left, box.right]);
  });
  return {left: area.left, right: area.right, names};
}"""


def term_names(page) -> tuple[dict[str, tuple[float, float]], tuple[float, float]]:
    got = page.evaluate(TERM_NAMES_JS)
    return {text: (left, right) for text, left, right in got["names"]}, (got["left"], got["right"])


def test_the_terms_in_view_are_named_whole_inside_the_chart(page, server):
    # Obama's term began in 2009, before the axis (2013): his name sits in the part of his band in
    # view, not on the band's middle, which is at the axis's edge. Sheinbaum's is out of view.
    open_page(page, server.url)
    names, (left, right) = term_names(page)
    assert set(names) == {
        "Barack Obama",
        "Donald Trump",
        "Joe Biden",
        "Enrique Peña Nieto",
        "Andrés Manuel López Obrador",
    }
    assert all(left <= a and b <= right for a, b in names.values()), (names, left, right)


def test_a_term_with_too_little_of_its_band_in_view_is_not_named(page, server):
    open_page(page, server.url)
    # Obama's last ten days and López Obrador's first month: too narrow for their names
    page.evaluate("Plotly.relayout(document.querySelector('.tl-plot'), {'xaxis.range': ['2017-01-10', '2019-01-01']})")
    page.wait_for_function(
        """() => document.querySelector('.tl-plot').layout.annotations
             .filter((a) => String(a.name).startsWith('term:')).map((a) => a.text).sort().join('|')
             === 'Donald Trump|Enrique Peña Nieto'"""
    )
    names, (left, right) = term_names(page)
    assert all(left <= a and b <= right for a, b in names.values()), (names, left, right)


def test_on_a_phone_a_band_too_narrow_for_the_whole_name_shows_the_short_one(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        phone = context.new_page()
        open_page(phone, server.url)
        names, (left, right) = term_names(phone)
        # "Andrés Manuel López Obrador" is wider than his band on a phone; "Barack Obama" is not
        assert set(names) == {"Barack Obama", "Donald Trump", "Joe Biden", "Enrique Peña Nieto", "López Obrador"}
        assert all(left <= a and b <= right for a, b in names.values()), (names, left, right)
    finally:
        context.close()


def test_table_row_selects_the_event(page, server, shipped):
    open_page(page, server.url)
    row = 2  # third row of the unsorted table: the third event in time
    click_table_row(page, row)
    wait_idle(page)
    page.wait_for_selector(f".tl-event[data-event-id='{shipped.events[row].id}']", timeout=20_000)


def test_screenshots_desktop_and_phone(browser, server, shipped):
    """The page as a reader meets it, on load and after choosing the 2022 pledge, at both sizes."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("desktop", {"width": 1280, "height": 800}), ("phone", {"width": 390, "height": 844})):
        context = browser.new_context(viewport=viewport, is_mobile=name == "phone", has_touch=name == "phone")
        p = context.new_page()
        open_page(p, server.url)
        p.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
        # The page must not scroll sideways on a phone.
        overflow = p.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name}: {overflow}px of horizontal overflow"
        click_event(p, shipped.index_of("smart-border-pledge-2022"))
        p.wait_for_selector(".tl-event[data-event-id='smart-border-pledge-2022'] mark")
        p.mouse.move(1, 1)  # no hover label over the chart in the picture
        p.wait_for_timeout(600)
        p.screenshot(path=str(SCREENSHOTS / f"{name}-selected.png"))
        context.close()
    assert (SCREENSHOTS / "desktop.png").stat().st_size > 10_000


def test_hostile_dataset_runs_no_script_and_sends_nothing_away(browser, hostile, tmp_path):
    data_dir, seeds_dir = hostile
    server = Server(env={"TIMELINE_DATA_DIR": str(data_dir), "TIMELINE_SEEDS_DIR": str(seeds_dir)}, log_dir=tmp_path)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        open_page(page, f"{server.url}/?event=hostile-event")
        page.get_by_text(re.compile("Read the whole article")).first.click()
        page.wait_for_selector(".tl-article")
        hovers = []
        page.locator(".tl-chart").scroll_into_view_if_needed()
        for marker in drawn(page)["events"]:  # hover every marker: hover text is HTML to plotly
            page.mouse.move(marker["cx"], marker["cy"])
            page.wait_for_timeout(300)
            hovers.append(page.evaluate("document.querySelector('.hoverlayer .hovertext')?.textContent ?? ''"))
        # The hover label reads as written: quotes and angle brackets as themselves, nothing run.
        assert any('Event <img src=x onerror="window.__xss=1">' in h for h in hovers), hovers
        # So does the chart's label, and it is text, not an element.
        label = page.locator(".tl-label[data-event-id='hostile-event']")
        assert label.text_content() == HOSTILE_LABEL
        assert label.locator("b").count() == 0
        page.get_by_role("tab", name="Table").click()
        page.wait_for_timeout(1000)
        assert page.evaluate("window.__xss") is None
        assert dialogs == []
        title = page.locator(".tl-event h2").inner_text()
        assert '<img src=x onerror="window.__xss=1">' in title and "[click me](javascript:" in title
        assert page.locator(".tl-event img, .tl-article img, .tl-event script").count() == 0
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in hrefs if h.lower().startswith("javascript")]
        # The component's own code arrives as a same-origin blob: module; nothing leaves the host.
        local = (server.url, "data:", f"blob:{server.url}")
        foreign = [u for u in requests if not u.startswith(local)]
        assert foreign == []
        context.close()
    finally:
        server.stop()
    assert "Traceback" not in Path(server.log_path).read_text()
