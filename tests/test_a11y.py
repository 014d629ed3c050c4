"""Every reader, every device: axe-core finds no accessibility violation on either page, at a
laptop's and a phone's size, on load and after a choice; and the timeline works from the keyboard.

axe-core is the npm package in package.json (``npm ci`` installs it into node_modules/, as
scripts/test.sh does). Every rule axe runs by default is on (the WCAG 2.x A and AA rules and its
best practices).
"""

from __future__ import annotations

import os

import pytest
from browser import wait_chart, wait_idle

from timeline import PROJECT_DIR

pytestmark = pytest.mark.browser

AXE_JS = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
EVENT = "smart-border-pledge-2022"
SIZES = {"desktop": "page", "phone": "phone"}  # the conftest fixtures: 1280×800 and 390×844

# Violations that come from Streamlit's own markup and cannot be fixed from the app: (rule id,
# a CSS selector of the element axe names). Each is explained where it is listed.
EXCLUSIONS: list[tuple[str, str]] = []


# Chromium, the server and the pages are conftest's (one Playwright for the whole run).


def require_axe() -> None:
    """Skip without node_modules/ on a developer machine; in CI a missing axe-core fails."""
    if not AXE_JS.exists():
        message = f"{AXE_JS} is missing: run `npm ci` (bash scripts/test.sh does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now (every default rule)."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        """async (exclusions) => {
          const results = await axe.run(document, {resultTypes: ['violations']});
          const excluded = (rule, node) => exclusions.some(([id, selector]) => {
            if (id !== rule) return false;
            const el = document.querySelector(node.target.flat(Infinity).join(' '));
            return !!el && !!el.closest(selector);
          });
          return results.violations
            .map((v) => ({id: v.id, impact: v.impact, help: v.help,
                          nodes: v.nodes.filter((n) => !excluded(v.id, n))
                                        .map((n) => ({target: n.target, summary: n.failureSummary}))}))
            .filter((v) => v.nodes.length);
        }""",
        EXCLUSIONS,
    )


def describe(violations: list[dict]) -> str:
    """A failure message a person can act on: each rule, its impact, where and why."""
    lines = [f"{len(violations)} axe violation(s):"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)")
        for node in v["nodes"][:3]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)


def open_reader(page, url: str) -> None:
    page.goto(url, timeout=60_000)
    page.wait_for_selector("[data-testid=stApp]")
    wait_chart(page)
    wait_idle(page)


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    page.wait_for_function(
        "(name) => [...document.querySelectorAll('[role=tab]')]"
        ".some((t) => t.textContent.trim() === name && t.getAttribute('aria-selected') === 'true')",
        arg=name,
    )
    wait_idle(page)


def reader_on_load(page, server) -> None:
    open_reader(page, server.url)


def reader_with_event(page, server) -> None:
    """An event selected, and its first whole article opened below its passages."""
    open_reader(page, f"{server.url}/?event={EVENT}")
    page.wait_for_selector(f".tl-event[data-event-id='{EVENT}']")
    page.get_by_text("Read the whole article").first.click()
    page.wait_for_selector(".tl-article", state="visible")
    wait_idle(page)


def reader_zoomed_to_a_gap(page, server) -> None:
    """The chart zoomed to years without an event: no label is drawn (an empty layer of labels
    must still be valid markup)."""
    open_reader(page, server.url)
    page.evaluate("Plotly.relayout(document.querySelector('.tl-plot'), {'xaxis.range': ['1990-01-01', '1991-01-01']})")
    page.wait_for_function("() => document.querySelector('.tl-labels')?.childElementCount === 0")
    wait_idle(page)


def reader_table(page, server) -> None:
    open_reader(page, server.url)
    open_tab(page, "Table")
    page.wait_for_selector("[data-testid=stDataFrame]", state="visible", timeout=30_000)
    wait_idle(page)


def reader_administrations(page, server) -> None:
    open_reader(page, server.url)
    open_tab(page, "Administrations")
    if page.locator(".js-plotly-plot").count():
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    wait_idle(page)


def curator(page, server) -> None:
    """The curator's page with its default seed: the candidates, the multiselect and the YAML."""
    page.goto(server.url + "/propose", timeout=60_000)
    page.wait_for_selector(".tl-cands mark", timeout=60_000)
    page.wait_for_selector("[data-testid=stCode]", timeout=30_000)
    wait_idle(page)


def reader_in_spanish(page, server) -> None:
    """The page in Spanish with an event selected and its article open (the document's language
    is Spanish; the passages and the article are marked English)."""
    open_reader(page, f"{server.url}/?lang=es&event={EVENT}")
    page.wait_for_selector(f".tl-event[data-event-id='{EVENT}']")
    page.get_by_text("Leer el artículo completo").first.click()
    page.wait_for_selector(".tl-article", state="visible")
    page.wait_for_function("() => document.documentElement.lang === 'es'")
    wait_idle(page)


VIEWS = {
    "reader": reader_on_load,
    "reader-es": reader_in_spanish,
    "reader-event": reader_with_event,
    "reader-zoomed-to-a-gap": reader_zoomed_to_a_gap,
    "reader-table": reader_table,
    "reader-administrations": reader_administrations,
    "curator": curator,
}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("view", list(VIEWS))
def test_no_axe_violations(request, server, view, size):
    require_axe()
    page = request.getfixturevalue(SIZES[size])
    VIEWS[view](page, server)
    violations = axe_violations(page)
    assert not violations, f"{view} at {size} size: " + describe(violations)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_timeline_works_from_the_keyboard(request, server, size):
    """Tab from the top of the page reaches a chart label, a <button>; Enter selects its event
    and moves the focus to the heading of the event's panel."""
    page = request.getfixturevalue(SIZES[size])
    open_reader(page, server.url)
    page.locator("body").focus()
    label, trail = None, []
    for _ in range(80):
        page.keyboard.press("Tab")
        label, name = page.evaluate(
            """() => {
              const e = document.activeElement;
              if (!e) return [null, 'nothing'];
              const name = (e.getAttribute('aria-label') || e.textContent).slice(0, 40);
              return [e.matches('button.tl-label') ? e.dataset.eventId : null,
                      `${e.tagName.toLowerCase()}.${e.className}: ${name}`];
            }"""
        )
        trail.append(name)
        if label:
            break
    assert label, "Tab never reached a label of the chart; the focus went to:\n" + "\n".join(trail)
    page.keyboard.press("Enter")
    page.wait_for_selector(f".tl-event[data-event-id='{label}']", timeout=30_000)
    wait_idle(page)
    page.wait_for_function(
        "(id) => document.activeElement?.matches('.tl-event h2')"
        " && document.activeElement.closest('.tl-event').dataset.eventId === id",
        arg=label,
        timeout=10_000,
    )
