"""The Administrations tab: in-process with AppTest, and in a real headless Chromium."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import wait_idle
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from timeline import PROJECT_DIR
from timeline.models import CATEGORIES

APP = str(PROJECT_DIR / "app.py")
SCREENSHOTS = PROJECT_DIR / "artifacts" / "screenshots"
BARS = ".js-plotly-plot .barlayer .point path"


# --- in-process ------------------------------------------------------------------------------


def start(**query) -> AppTest:
    """The app on the Administrations tab, with ``query`` in the URL."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.session_state["view"] = "Administrations"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def compare_chart(at: AppTest):
    (chart,) = [c for c in at.get("plotly_chart") if c.proto.id.endswith("compare_chart")]
    return chart


def count_line(at: AppTest) -> tuple[int, int]:
    text = next(m.value for m in at.markdown if " events**" in m.value)
    shown, total = re.match(r"\*\*(\d+) of (\d+) events\*\*", text).groups()
    return int(shown), int(total)


def click_bar(at: AppTest, admin_id: str) -> AppTest:
    """Run the app as after a click on ``admin_id``'s bar: the browser sends the chart's new
    selection as a widget state, and Streamlit calls the chart's on_select callback before the
    rerun. AppTest has no API for a Plotly selection, so the state is added by hand."""
    states = at._tree.get_widget_states()
    selection = {"selection": {"points": [{"customdata": admin_id}], "point_indices": [0], "box": [], "lasso": []}}
    states.widgets.append(WidgetState(id=compare_chart(at).proto.id, string_value=json.dumps(selection)))
    at._run(states)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_tab_shows_the_chart_and_the_table(shipped):
    at = start()
    spec = json.loads(compare_chart(at).proto.spec)
    ids = {i for trace in spec["data"] for i in trace["customdata"]}
    assert ids == {a.id for a in shipped.administrations}
    texts = [a["text"] for a in spec["layout"]["annotations"]]
    assert "<b>23</b>  ·  USD 4.9 billion" in texts  # Joe Biden
    assert "<b>2</b>" in texts  # Barack Obama
    (table,) = at.dataframe
    assert list(table.value.columns) == ["Administration", "Events", "USD", *CATEGORIES, "Country"]
    rows = table.value.set_index("Administration")
    assert rows.loc["Barack Obama 2009–17", "Events"] == 2
    assert rows.loc["Barack Obama 2009–17", "agreement"] == 1
    assert rows.loc["Andrés Manuel López Obrador 2018–24", "Events"] == 25
    assert rows.loc["Andrés Manuel López Obrador 2018–24", "USD"] == "34.9 billion"
    assert rows.loc["Enrique Peña Nieto 2012–18", "USD"] == ""
    assert rows.loc["Donald Trump 2025–now", "Country"] == "US"
    assert len(rows) == 10
    assert "administration filters don't" in at.caption[1].value
    assert not at.error and not at.warning


def test_clicking_obamas_bar_filters_the_timeline_and_opens_it(shipped):
    at = click_bar(start(), "us-obama")
    assert at.session_state["f_us"] == ["us-obama"]
    assert at.session_state["view"] == "Timeline"
    assert at.query_params["us"] == "us-obama"
    obama = [e for e in shipped.events if "us-obama" in shipped.us_admins[e.id]]
    assert len(obama) == 2
    assert count_line(at) == (2, len(shipped.events))
    assert not at.get("plotly_chart")  # the Administrations tab is closed: its chart is not built


def test_clicking_a_mexican_term_sets_the_mexican_filter_and_keeps_the_others(shipped):
    at = click_bar(start(category="funding"), "mx-lopez-obrador")
    assert at.session_state["f_mx"] == ["mx-lopez-obrador"]
    assert at.session_state["f_us"] == []
    assert at.query_params["mx"] == "mx-lopez-obrador" and at.query_params["category"] == "funding"
    assert count_line(at) == (3, len(shipped.events))  # the 2018 plan and the two 2022 pledges


def test_an_unknown_id_in_a_selection_changes_nothing(shipped):
    at = click_bar(start(), "us-nobody")
    assert at.session_state["f_us"] == [] and at.session_state["view"] == "Administrations"
    assert count_line(at) == (len(shipped.events), len(shipped.events))


def test_the_summary_keeps_category_filters_but_not_administration_filters():
    at = start(us="us-biden", category="funding")
    rows = at.dataframe[0].value.set_index("Administration")
    # Every term is still there, counting only funding events.
    assert rows["Events"].tolist() == [0, 0, 1, 2, 0, 0, 0, 0, 3, 0]
    assert rows.loc["Joe Biden 2021–25", "USD"] == "4.9 billion"
    spec = json.loads(compare_chart(at).proto.spec)
    assert [s["name"] for s in spec["layout"]["shapes"]] == ["selected:us-biden"]


# --- in a browser -----------------------------------------------------------------------------


# Chromium, the server and the pages are conftest's (one Playwright for the whole run).


def open_administrations(browser, server, viewport: dict, **options):
    """A new page on the Administrations tab, its chart drawn."""
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.goto(server.url, timeout=60_000)
    page.wait_for_selector("[data-testid=stApp]")
    wait_idle(page)
    page.get_by_role("tab", name="Administrations").click()
    page.wait_for_selector(BARS, timeout=60_000)
    wait_idle(page)
    return context, page


def bar_centre(page, admin_id: str, term: bool = False) -> dict:
    """The centre of the visible bar of ``admin_id`` (the first category it has), or with
    ``term`` a point in its row right of its bars (the row-wide, transparent bar)."""
    return page.evaluate(
        """([id, term]) => {
          for (const t of document.querySelectorAll('.js-plotly-plot .barlayer .trace')) {
            const trace = t.__data__[0].trace;
            if ((trace.name === 'term') !== term) continue;
            for (const p of t.querySelectorAll('.point')) {
              if (trace.customdata[p.__data__.i] !== id) continue;
              const path = p.querySelector('path');
              if (path.getBoundingClientRect().width < 1) continue;
              path.scrollIntoView({block: 'center'});  // the Mexican rows start below the fold
              const box = path.getBoundingClientRect();
              return {x: term ? box.right - 10 : box.x + box.width / 2, y: box.y + box.height / 2};
            }
          }
          return null;
        }""",
        [admin_id, term],
    )


def click_at(page, point: dict) -> None:
    """Click like a person: Plotly answers a click with the point it found on hover, so the
    pointer rests on the bar before the button goes down."""
    page.mouse.move(point["x"], point["y"])
    page.wait_for_timeout(250)
    page.mouse.click(point["x"], point["y"])


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.mark.browser
def test_clicking_obamas_bar_filters_the_timeline(browser, server, shipped):
    context, page = open_administrations(browser, server, {"width": 1280, "height": 800})
    point = bar_centre(page, "us-obama")
    assert point is not None
    click_at(page, point)
    page.wait_for_function("location.search.includes('us=us-obama')", timeout=30_000)
    wait_idle(page)
    assert query(page)["us"] == ["us-obama"]
    assert page.get_by_text(f"2 of {len(shipped.events)} events").is_visible()
    assert page.get_by_role("tab", name="Timeline").get_attribute("aria-selected") == "true"
    context.close()


@pytest.mark.browser
def test_clicking_anywhere_in_a_row_picks_that_term(browser, server, shipped):
    context, page = open_administrations(browser, server, {"width": 1280, "height": 800})
    point = bar_centre(page, "mx-pena-nieto", term=True)
    click_at(page, point)
    page.wait_for_function("location.search.includes('mx=mx-pena-nieto')", timeout=30_000)
    wait_idle(page)
    assert page.get_by_text(f"8 of {len(shipped.events)} events").is_visible()
    context.close()


def scroll_chart_to_top(page) -> None:
    """Scroll the page so the whole chart, legend included, starts just under the app's header."""
    page.evaluate(
        """() => {
          const chart = document.querySelector('[data-testid=stPlotlyChart]');
          let box = chart.parentElement;
          const scrolls = (el) =>
            /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight;
          while (box && !scrolls(box)) box = box.parentElement;
          const header = document.querySelector('[data-testid=stHeader]')?.getBoundingClientRect().bottom ?? 0;
          (box || document.scrollingElement).scrollTop += chart.getBoundingClientRect().top - header - 8;
        }"""
    )
    page.wait_for_timeout(300)


@pytest.mark.browser
def test_screenshots_desktop_and_phone(browser, server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("desktop", {"width": 1280, "height": 800}), ("phone", {"width": 390, "height": 844})):
        phone = name == "phone"
        context, page = open_administrations(browser, server, viewport, is_mobile=phone, has_touch=phone)
        scroll_chart_to_top(page)
        page.screenshot(path=str(SCREENSHOTS / f"admins-{name}.png"))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name}: {overflow}px of horizontal overflow"
        # No label may run past the chart's right edge (it would be cut off).
        spill = page.evaluate(
            """() => {
              const gd = document.querySelector('.js-plotly-plot');
              const right = gd.getBoundingClientRect().right;
              return Math.max(...[...gd.querySelectorAll('.annotation-text, .legendtext')]
                .map(t => t.getBoundingClientRect().right - right));
            }"""
        )
        assert spill <= 0, f"{name}: a label runs {spill}px past the chart"
        if phone:
            assert swipe_scrolls_the_page(page), "a swipe on the chart's right strip must scroll the page"
        context.close()


def swipe_scrolls_the_page(page) -> bool:
    """Swipe up with a finger on the chart's right-hand strip (the words after the bars): does
    the page scroll? Plotly keeps touches that start on its plot area, so the strip must not be
    plot area."""
    box = page.locator(".js-plotly-plot").first.bounding_box()
    x, y = box["x"] + box["width"] - 30, min(box["y"] + box["height"] / 2, 700)
    before = page.evaluate(SCROLL_TOP)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 30 * step}]})
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(500)
    return page.evaluate(SCROLL_TOP) > before


SCROLL_TOP = """() => {
  let box = document.querySelector('.js-plotly-plot');
  while (box && !(/auto|scroll/.test(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight))
    box = box.parentElement;
  return (box || document.scrollingElement).scrollTop;
}"""
