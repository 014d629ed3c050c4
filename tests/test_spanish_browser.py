"""The page in Spanish, in a real headless Chromium: a browser set to Spanish opens it in Spanish,
no English interface string shows, a click shows the passages in their own language, the switch
keeps the view, and the curator's page proposes events from a Spanish article."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import click_event, wait_chart, wait_idle
from test_app import english_found

pytestmark = pytest.mark.browser

TITLE_ES = "Cronología de la cooperación fronteriza"
MONTHS_EN = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d")

# What the page shows of ours: every visible text node, one a line, except code (identifiers such
# as a rule's name or a YAML key) and those in the passages
# and articles (always in their own language), in the data's English-only fields (marked
# lang='en' by the page), in the expanders named by an article's title, in the curator's kept
# candidates (named by their phrases) and in the YAML for data/events.yaml. The chart's SVG text
# counts.
VISIBLE_OURS_JS = """() => {
  const skip = 'script, style, noscript, code, .tl-passage, .tl-article, [lang=en]:not(html), '
    + '[data-testid=stExpander] summary, [data-testid=stMultiSelectTagsContainer], [data-testid=stCode]';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest(skip) || !n.textContent.trim()) continue;
    if (el.closest('svg') ? !el.closest('.tl-chart') : !el.checkVisibility()) continue;
    out.push(n.textContent.trim());
  }
  return out.join('\\n');
}"""


def english_in(page) -> list[str]:
    return english_found(page.evaluate(VISIBLE_OURS_JS))


@pytest.fixture
def spanish_page(browser):
    """A desktop browser whose language is Mexican Spanish (navigator.language and the
    Accept-Language header both say es-MX)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="es-MX")
    p = context.new_page()
    yield p
    context.close()


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid=stApp]")
    wait_chart(page)
    wait_idle(page)


def test_a_spanish_browser_opens_the_page_in_spanish(spanish_page, server, shipped):
    open_page(spanish_page, server.url)
    assert spanish_page.get_by_role("heading", name=TITLE_ES).is_visible()
    assert spanish_page.evaluate("navigator.language") == "es-MX"
    assert spanish_page.evaluate("document.documentElement.lang") == "es"  # for screen readers
    assert "lang" not in parse_qs(urlsplit(spanish_page.url).query)  # the browser chose, not the link
    assert english_in(spanish_page) == []


def test_english_browser_stays_in_english_and_the_check_can_fail(page, server):
    open_page(page, server.url)
    assert page.get_by_role("heading", name="Border Cooperation Timeline").is_visible()
    assert {"Filters", "Clear filters"} <= set(english_in(page))


def test_a_click_shows_spanish_event_and_passages_in_their_language(spanish_page, server, shipped):
    open_page(spanish_page, server.url + "?lang=es")
    event = shipped.event("smart-border-pledge-2022")
    click_event(spanish_page, shipped.index_of(event.id))
    spanish_page.wait_for_selector(f".tl-event[data-event-id='{event.id}']")
    wait_idle(spanish_page)
    panel = spanish_page.locator(".tl-event")
    title, _label, summary = event.text_in("es")
    assert panel.get_by_role("heading", level=2).inner_text() == title
    assert summary.split()[0] in panel.inner_text()
    assert panel.get_attribute("lang") == "es"
    passage = spanish_page.locator(".tl-passage [lang=en]").first
    assert passage.locator("mark").count() >= 1  # the English quote, marked, in its English paragraph
    assert "en inglés" in panel.inner_text()
    assert not MONTHS_EN.search(panel.locator(".tl-meta").inner_text())
    assert english_in(spanish_page) == []


def test_chart_lanes_bands_and_hover_dates_are_spanish(spanish_page, server, shipped):
    open_page(spanish_page, server.url + "?lang=es")
    svg = spanish_page.evaluate("[...document.querySelectorAll('.tl-chart text')].map((t) => t.textContent)")
    assert {"acuerdo", "financiamiento", "seguridad", "vías migratorias", "diplomacia", "contexto"} <= set(svg)
    assert "EU" in svg and "MX" in svg
    labels = spanish_page.evaluate(
        "[...document.querySelectorAll('.tl-labels button')].map((b) => b.getAttribute('aria-label'))"
    )
    assert labels and all(not MONTHS_EN.search(x) for x in labels)
    assert any(re.search(r"\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic)\.? \d{4}", x) for x in labels)
    group = spanish_page.locator(".tl-labels").get_attribute("aria-label")
    assert group == "Acontecimientos con etiqueta"


def test_the_switch_keeps_the_event_and_the_filters(page, server, shipped):
    open_page(page, server.url + "?event=border-security-memorandum-2013&category=agreement")
    page.get_by_role("radio", name="Español").click()
    page.get_by_role("heading", name=TITLE_ES).wait_for()
    wait_idle(page)
    q = parse_qs(urlsplit(page.url).query)
    assert q["lang"] == ["es"]
    assert q["event"] == ["border-security-memorandum-2013"]
    assert q["category"] == ["agreement"]
    assert page.locator(".tl-event").get_attribute("data-event-id") == "border-security-memorandum-2013"
    assert (
        page.locator(".tl-event h2").inner_text() == shipped.event("border-security-memorandum-2013").text_in("es")[0]
    )
    # A reload of the address keeps Spanish, the event and the filter.
    page.reload()
    page.get_by_role("heading", name=TITLE_ES).wait_for()
    wait_idle(page)
    assert page.locator(".tl-event").get_attribute("data-event-id") == "border-security-memorandum-2013"
    page.get_by_role("radio", name="English").click()
    page.get_by_role("heading", name="Border Cooperation Timeline").wait_for()
    assert parse_qs(urlsplit(page.url).query)["event"] == ["border-security-memorandum-2013"]


def test_the_curator_page_is_spanish_too(spanish_page, server):
    spanish_page.goto(server.url + "/propose?lang=es")
    spanish_page.get_by_role("heading", name="Proponer acontecimientos a partir de un artículo").wait_for()
    wait_idle(spanish_page)
    assert english_in(spanish_page) == []


def test_screenshots_in_spanish(browser, server, shipped):
    """The Spanish page as a reader meets it (browser language es-MX), on load and after choosing
    the 2022 pledge, at both sizes; it must not scroll sideways on a phone either."""
    from timeline import PROJECT_DIR

    shots = PROJECT_DIR / "artifacts" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("desktop", {"width": 1280, "height": 800}), ("phone", {"width": 390, "height": 844})):
        phone = name == "phone"
        context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone, locale="es-MX")
        p = context.new_page()
        open_page(p, server.url)
        p.screenshot(path=str(shots / f"{name}-es.png"))
        assert p.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        click_event(p, shipped.index_of("smart-border-pledge-2022"))
        p.wait_for_selector(".tl-event[data-event-id='smart-border-pledge-2022'] mark")
        p.mouse.move(1, 1)
        p.wait_for_timeout(600)
        p.screenshot(path=str(shots / f"{name}-es-selected.png"))
        assert p.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        context.close()
