"""The story at a glance, in a real Chromium: the answer in view after a click, labels that
overlap nothing, markers that hide none, the selected event ringed however it was chosen, and the
reader's zoom kept."""

from __future__ import annotations

import itertools
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import boxes_overlap, click_event, click_table_row, drawn, drawn_count, marker_of, wait_chart, wait_idle

pytestmark = pytest.mark.browser

HEADLINES = (
    "border-security-memorandum-2013",
    "smart-border-pledge-2022",
    "trilateral-ministerial-meeting-2024",
)
MARKER_DIAMETER = 12  # px, the size the chart draws an event's marker at


def open_view(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid=stApp]")
    wait_chart(page)
    wait_idle(page)


def in_viewport(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def ring(page) -> list[int]:
    return [r["idx"] for r in drawn(page)["ring"]]


def headline_ids(shipped) -> list[str]:
    return [e.id for e in shipped.events if e.headline]


def test_the_shipped_data_flags_the_four_headline_events(shipped):
    flagged = headline_ids(shipped)
    assert set(HEADLINES) <= set(flagged)
    assert any(e.id in flagged and e.date.year == 2018 and "plan" in e.title.lower() for e in shipped.events)


def test_a_click_on_desktop_shows_title_and_first_passage_without_scrolling(page, server, shipped):
    open_view(page, server.url)
    click_event(page, shipped.index_of("smart-border-pledge-2022"))
    page.wait_for_selector(".tl-event[data-event-id='smart-border-pledge-2022']")
    wait_idle(page)
    assert in_viewport(page, ".tl-event h2")
    assert in_viewport(page, ".tl-event mark")
    assert in_viewport(page, ".tl-chart")  # and the chart is still on the same screen
    # The keyboard focus moved to the event's heading, so a screen reader reads it next.
    assert page.evaluate("document.activeElement.closest('.tl-event')?.dataset.eventId") == "smart-border-pledge-2022"


def test_a_tap_on_a_phone_brings_the_details_into_view_and_back_finds_the_chart(phone, server, shipped):
    open_view(phone, server.url)
    before = drawn(phone)["range"]
    click_event(phone, shipped.index_of("trilateral-ministerial-meeting-2024"))
    phone.wait_for_selector(".tl-event[data-event-id='trilateral-ministerial-meeting-2024']")
    phone.wait_for_timeout(800)
    assert in_viewport(phone, ".tl-event h2")
    assert not in_viewport(phone, ".tl-chart")  # the page moved to the details
    phone.get_by_role("link", name="Back to the timeline").click()
    phone.wait_for_timeout(600)
    box = phone.locator(".tl-plot").bounding_box()
    assert 0 <= box["y"] < 200  # the chart is back at the top of the screen
    assert drawn(phone)["range"] == before  # as it was
    assert ring(phone) == [shipped.index_of("trilateral-ministerial-meeting-2024")]


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
def test_headline_labels_show_and_overlap_no_label_and_no_marker(browser, server, shipped, viewport):
    context = browser.new_context(viewport=viewport, is_mobile=viewport["width"] < 600)
    page = context.new_page()
    try:
        open_view(page, server.url)
        shown = drawn(page)
        labelled = {label["id"] for label in shown["labels"]}
        assert set(headline_ids(shipped)) <= labelled, shown["labels"]
        for a, b in itertools.combinations(shown["labels"], 2):
            assert not boxes_overlap(a, b), (a, b)
        for label in shown["labels"]:
            for marker in shown["events"] + shown["clusters"]:
                assert not boxes_overlap(label, marker), (label, marker)
        plot = page.locator(".tl-plot .nsewdrag").first.bounding_box()
        for label in shown["labels"]:  # inside the plotting area
            assert plot["x"] <= label["x"] and label["x"] + label["w"] <= plot["x"] + plot["width"] + 0.5
        if viewport["width"] > 1000:
            assert len(shown["labels"]) > len(headline_ids(shipped))  # width allows more
    finally:
        context.close()


def test_zooming_in_shows_more_labels(page, server, shipped):
    import datetime as dt

    window = (dt.date(2022, 5, 1), dt.date(2022, 9, 30))
    inside = {e.id for e in shipped.events if window[0] <= e.first_day() <= window[1]}
    open_view(page, server.url)
    before = {label["id"] for label in drawn(page)["labels"]} & inside
    page.evaluate("Plotly.relayout(document.querySelector('.tl-plot'), {'xaxis.range': ['2022-05-01', '2022-09-30']})")
    page.wait_for_timeout(800)
    after = {label["id"] for label in drawn(page)["labels"]}
    assert after <= inside  # labels follow the view
    assert len(after) > len(before) + 2, (before, after)


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
def test_no_marker_hides_another(browser, server, shipped, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        open_view(page, server.url)
        shown = drawn(page)
        assert drawn_count(page) == len(shipped.events)  # every event is on the chart
        markers = shown["events"] + shown["clusters"]
        for a, b in itertools.combinations(markers, 2):
            distance = ((a["cx"] - b["cx"]) ** 2 + (a["cy"] - b["cy"]) ** 2) ** 0.5
            # centres at least one diameter apart (a cluster's diameter counts half its own)
            assert distance >= (a["w"] + b["w"]) / 2 - 2.5, (a, b, distance)
            assert distance >= MARKER_DIAMETER, (a, b, distance)
    finally:
        context.close()


def test_a_cluster_lists_its_events_and_one_can_be_chosen(page, server, shipped):
    open_view(page, server.url)
    clusters = drawn(page)["clusters"]
    if not clusters:  # the shipped data has same-day crowds; at this width some must merge
        pytest.fail("expected at least one cluster at the default view")
    cluster = max(clusters, key=lambda c: c["size"])
    page.mouse.click(cluster["cx"], cluster["cy"])
    items = page.locator(".tl-cluster-list .tl-cluster-item")
    items.first.wait_for()
    assert items.count() == cluster["size"]
    heading = page.locator(".tl-cluster-head").inner_text()
    assert heading.startswith(f"{cluster['size']} events, ")
    chosen = items.nth(1).get_attribute("data-event-id")
    items.nth(1).click()
    page.wait_for_selector(f".tl-event[data-event-id='{chosen}']")
    wait_idle(page)
    assert ring(page) == [shipped.index_of(chosen)]


def test_the_selected_event_is_ringed_however_it_was_chosen(page, server, shipped):
    ids = [e.id for e in shipped.events]
    # A deep link
    open_view(page, f"{server.url}/?event={ids[3]}")
    assert ring(page) == [3]
    # Next and Previous
    page.get_by_role("button", name="Next event →").click()
    page.wait_for_selector(f".tl-event[data-event-id='{ids[4]}']")
    wait_idle(page)
    page.wait_for_function("() => document.querySelector('.tl-plot').dataset.selected === '4'")
    assert ring(page) == [4]
    # Back
    page.go_back()
    page.wait_for_selector(f".tl-event[data-event-id='{ids[3]}']", timeout=30_000)
    page.wait_for_function("() => document.querySelector('.tl-plot').dataset.selected === '3'")
    assert ring(page) == [3]
    # A marker
    click_event(page, 20)
    page.wait_for_function("() => document.querySelector('.tl-plot').dataset.selected === '20'")
    assert ring(page) == [20]
    # A table row, then back to the chart
    click_table_row(page, 2)  # the third row: the third event in time
    page.wait_for_selector(f".tl-event[data-event-id='{ids[2]}']", timeout=20_000)
    page.get_by_role("tab", name="Timeline").click()
    wait_chart(page)
    page.wait_for_function("() => document.querySelector('.tl-plot').dataset.selected === '2'")
    assert ring(page) == [2]


def test_a_zoom_survives_next_and_the_new_event_is_ringed(page, server, shipped):
    ids = [e.id for e in shipped.events]
    first_2022 = next(i for i, e in enumerate(shipped.events) if e.date.year == 2022)
    open_view(page, f"{server.url}/?event={ids[first_2022]}")
    page.evaluate("Plotly.relayout(document.querySelector('.tl-plot'), {'xaxis.range': ['2022-01-01', '2022-12-31']})")
    page.wait_for_timeout(500)
    zoomed = drawn(page)["range"]
    assert zoomed[0].startswith("2022-01-01") and zoomed[1].startswith("2022-12-31")
    page.get_by_role("button", name="Next event →").click()
    page.wait_for_selector(f".tl-event[data-event-id='{ids[first_2022 + 1]}']")
    wait_idle(page)
    page.wait_for_function(f"() => document.querySelector('.tl-plot').dataset.selected === '{first_2022 + 1}'")
    assert drawn(page)["range"] == zoomed
    assert ring(page) == [first_2022 + 1]
    assert parse_qs(urlsplit(page.url).query)["event"] == [ids[first_2022 + 1]]


def test_hover_and_labels_read_as_written(page, server, shipped):
    open_view(page, server.url)
    index = shipped.index_of("smart-border-pledge-2022")
    marker = marker_of(page, index)
    page.mouse.move(marker["cx"], marker["cy"])
    page.wait_for_selector(".hoverlayer .hovertext")
    text = page.locator(".hoverlayer .hovertext").first.text_content()
    assert text.startswith('Mexico pledges $1.5 billion for "smart" border infrastructure')
    assert "&quot;" not in text


def test_a_row_chosen_in_the_table_on_a_phone_brings_the_details_into_view(phone, server, shipped):
    open_view(phone, server.url)
    click_table_row(phone, 1)  # the second row: the second event in time
    phone.wait_for_selector(f".tl-event[data-event-id='{shipped.events[1].id}']", timeout=20_000)
    phone.wait_for_timeout(800)
    assert in_viewport(phone, ".tl-event h2")
    assert phone.evaluate("document.activeElement.closest('.tl-event')?.dataset.eventId") == shipped.events[1].id
    phone.get_by_role("link", name="Back to the timeline").click()
    phone.wait_for_timeout(600)
    assert (
        in_viewport(phone, "[data-testid=stTabs]")
        or phone.locator("[data-testid=stDataFrame]").bounding_box()["y"] < 844
    )


def test_without_plotly_js_the_chart_says_so_and_the_page_still_works(browser, server, shipped):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.route("**/app/static/plotly.min.js", lambda route: route.abort())  # as if it were missing
    try:
        page.goto(f"{server.url}/?event=smart-border-pledge-2022")
        page.wait_for_selector(".tl-chart .tl-error", timeout=60_000)
        assert "The chart could not be drawn" in page.locator(".tl-chart .tl-error").inner_text()
        assert page.locator(".tl-event[data-event-id='smart-border-pledge-2022'] mark").count() > 0
    finally:
        context.close()
