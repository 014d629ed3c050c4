"""The page, run in-process with Streamlit's AppTest."""

from __future__ import annotations

import functools
import json
import os
import re
import threading
import time

import pytest
from streamlit.testing.v1 import AppTest

from app_pages.shared import LANG_SCRIPT
from app_pages.timeline_chart import PRELOAD
from timeline import DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR, PROJECT_DIR
from timeline.models import LANGUAGES
from timeline.validate import load_dataset

APP = str(PROJECT_DIR / "app.py")


def start(monkeypatch, data_dir=None, seeds_dir=None, **query) -> AppTest:
    if data_dir:
        monkeypatch.setenv("TIMELINE_DATA_DIR", str(data_dir))
    if seeds_dir:
        monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    chart_data(at)  # the browser keeps the events of the first run
    return at


def chart_data(at: AppTest) -> dict | None:
    """What the page sends the timeline chart component (None when no chart is shown)."""
    charts = [c for c in at.get("bidi_component") if c.proto.component_name == "timeline_chart"]
    if not charts:
        return None
    data = json.loads(charts[0].proto.bytes)
    if "fig" in data:  # what the browser would keep
        at.sent_events = data["fig"]["events"]
    return data


def chart_ids(at: AppTest) -> list[str]:
    """The event ids the chart shows: the view's rows of the events the browser was sent (all of
    them, once per dataset), each checked against its index in time order."""
    data = chart_data(at)
    if data is None:
        return []
    ids = [e.id for e in load_dataset(*data_dirs_of_app()).events]
    sent = getattr(at, "sent_events", None)
    assert sent is not None, "the chart's events were never sent"
    assert [ids[i] for i in sent["idx"]] == sent["id"]
    rows = data["view"]["rows"]
    return sent["id"] if rows is None else [sent["id"][i] for i in rows]


def data_dirs_of_app():
    """The folders the page reads, as it chooses them."""
    return (
        os.environ.get("TIMELINE_DATA_DIR") or DEFAULT_DATA_DIR,
        os.environ.get("TIMELINE_SEEDS_DIR") or DEFAULT_SEEDS_DIR,
    )


def count_line(at: AppTest) -> tuple[int, int]:
    text = next(m.value for m in at.markdown if " events**" in m.value)
    shown, total = re.match(r"\*\*(\d+) of (\d+) events\*\*", text).groups()
    return int(shown), int(total)


def html_text(at: AppTest) -> str:
    """Every HTML fragment the page shows, but the page's two constant scripts (they carry no
    data): the one that preloads Plotly.js and the one that sets the document's language."""
    ours = {PRELOAD, *(LANG_SCRIPT % json.dumps(lang) for lang in LANGUAGES)}
    bodies = [h.proto.body for h in at.get("html")]
    for script in ours:
        bodies = [b.replace(script, "") for b in bodies]
    return "\n".join(bodies)


def test_page_renders_the_shipped_data(monkeypatch, shipped):
    at = start(monkeypatch)
    assert at.title[0].value == "Border Cooperation Timeline"
    assert sorted(chart_ids(at)) == sorted(e.id for e in shipped.events)  # one marker per event
    assert count_line(at) == (len(shipped.events), len(shipped.events))
    assert not at.error and not at.warning


@pytest.mark.parametrize(
    ("key", "value", "predicate"),
    [
        ("f_us", ["us-obama"], lambda ds, e: "us-obama" in ds.us_admins[e.id]),
        ("f_mx", ["mx-lopez-obrador"], lambda ds, e: "mx-lopez-obrador" in ds.mx_admins[e.id]),
        ("f_cat", ["funding", "agreement"], lambda ds, e: e.category in ("funding", "agreement")),
    ],
)
def test_each_multiselect_filter_changes_the_event_set(monkeypatch, shipped, key, value, predicate):
    at = start(monkeypatch)
    at.multiselect(key=key).set_value(value).run()
    expected = sorted(e.id for e in shipped.events if predicate(shipped, e))
    assert 0 < len(expected) < len(shipped.events)
    assert sorted(chart_ids(at)) == expected
    assert count_line(at) == (len(expected), len(shipped.events))
    assert at.query_params[key.replace("f_", "").replace("cat", "category")] is not None


def test_year_range_filter(monkeypatch, shipped):
    at = start(monkeypatch)
    at.slider(key="f_years").set_range(2018, 2018).run()
    expected = sorted(e.id for e in shipped.events if e.first_day().year <= 2018 <= e.last_day().year)
    assert sorted(chart_ids(at)) == expected
    assert at.query_params["from"] == "2018" and at.query_params["to"] == "2018"


def test_text_search_covers_titles_summaries_and_quotes(monkeypatch, shipped):
    at = start(monkeypatch)
    at.text_input(key="f_q").input("tractor-trailer").run()  # only in quotes and summaries
    ids = chart_ids(at)
    assert ids and all(
        "tractor-trailer" in (e.title + e.summary + " ".join(x.quote for x in e.excerpts)).lower()
        for e in shipped.events
        if e.id in ids
    )
    at.text_input(key="f_q").input("no such words anywhere").run()
    assert chart_ids(at) == []
    assert any("No event matches" in i.value for i in at.info)


def test_clear_filters(monkeypatch, shipped):
    at = start(monkeypatch, category=["funding"], q="Mexico")
    assert count_line(at)[0] < len(shipped.events)
    clear = next(b for b in at.sidebar.button if b.label == "Clear filters")
    clear.click().run()
    assert count_line(at) == (len(shipped.events), len(shipped.events))
    assert "category" not in at.query_params and "q" not in at.query_params


def test_deep_link_shows_the_event_passages_marked(monkeypatch, shipped):
    event = shipped.event("trilateral-ministerial-meeting-2024")
    at = start(monkeypatch, event=event.id)
    body = html_text(at)
    assert f"data-event-id='{event.id}'" in body
    for excerpt in event.excerpts:
        first_words = " ".join(excerpt.quote.split()[:4])
        assert re.search(r"<mark>[^<]*" + re.escape(first_words.replace("'", "&#x27;").replace('"', "&quot;")), body)
    assert "Derived automatically" in body
    assert any(e.label.startswith("Read the whole article") for e in at.expander)


def test_deep_link_restores_filters(monkeypatch, shipped):
    at = start(monkeypatch, us=["us-biden"], category=["diplomacy"], **{"from": "2022", "to": "2022"})
    assert at.multiselect(key="f_us").value == ["us-biden"]
    assert at.multiselect(key="f_cat").value == ["diplomacy"]
    assert at.slider(key="f_years").value == (2022, 2022)
    expected = [e for e in shipped.events if e.category == "diplomacy" and e.date.year == 2022]
    assert sorted(chart_ids(at)) == sorted(e.id for e in expected)


def test_bad_query_values_give_a_notice_not_a_crash(monkeypatch, shipped):
    at = start(monkeypatch, event="no-such-event", us=["us-nobody"], category=["gossip"], **{"from": "abc"})
    notices = " ".join(w.value for w in at.warning)
    assert "no\\-such\\-event" in notices and "us\\-nobody" in notices and "gossip" in notices and "abc" in notices
    assert count_line(at) == (len(shipped.events), len(shipped.events))
    assert "event" not in at.query_params  # the URL now says what is shown


def test_the_events_are_sent_once_then_only_the_view_and_the_selection(monkeypatch, shipped):
    ids = [e.id for e in shipped.events]
    at = start(monkeypatch, event=ids[1])
    first = chart_data(at)
    assert first["selected"] == 1 and first["fig"]["events"]["id"] == ids and first["view"]["rows"] is None
    at.button(key="next").click().run()
    second = chart_data(at)
    assert second == {"rev": first["rev"], "selected": 2, "view": first["view"]}  # no events again
    at.multiselect(key="f_cat").set_value(["funding"]).run()
    third = chart_data(at)
    assert "fig" not in third
    assert third["view"]["rows"] == [i for i, e in enumerate(shipped.events) if e.category == "funding"]
    assert third["view"]["key"] != first["view"]["key"]
    del at.session_state["_chart_sent"]  # what the browser's "missing" asks for (forget_chart)
    at.run()
    assert chart_data(at)["fig"] == first["fig"]
    at.session_state["view"] = "Table"  # the chart is unmounted, then shown again: sent again
    at.run()
    assert chart_data(at) is None
    at.session_state["view"] = "Timeline"
    at.run()
    assert "fig" in chart_data(at)


def test_prev_and_next_move_in_time(monkeypatch, shipped):
    ids = [e.id for e in shipped.events]
    at = start(monkeypatch, event=ids[1])
    at.button(key="next").click().run()
    assert at.session_state["event"] == ids[2]
    assert at.query_params["event"] == ids[2]
    at.button(key="prev").click().run()
    at.button(key="prev").click().run()
    assert at.session_state["event"] == ids[0]
    assert at.button(key="prev").disabled


def test_invalid_data_shows_the_error_list(monkeypatch, tiny):
    tiny.replace("events.yaml", "    date: 2022-07-12", "    date: 2022-07-11")
    tiny.replace("events.yaml", "category: diplomacy", "category: talks")
    at = start(monkeypatch, tiny.data_dir, tiny.seeds_dir)
    assert "did not validate: 2 problem(s)" in at.error[0].value
    body = html_text(at)
    assert "events.yaml:11</code>" in body and "events.yaml:24</code>" in body
    assert "dateparser resolves" in body
    assert chart_data(at) is None


def test_page_recovers_when_the_data_is_fixed(monkeypatch, tiny):
    at = start(monkeypatch, tiny.data_dir, tiny.seeds_dir)
    assert count_line(at) == (2, 2)
    tiny.replace("events.yaml", "category: diplomacy", "category: talks")
    at.run()
    assert at.error and "1 problem(s)" in at.error[0].value
    tiny.replace("events.yaml", "category: talks", "category: diplomacy")
    at.run()
    assert not at.error and count_line(at) == (2, 2)


def test_hostile_strings_come_out_escaped(monkeypatch, hostile):
    data_dir, seeds_dir = hostile
    at = start(monkeypatch, data_dir, seeds_dir, event="hostile-event")
    body = html_text(at)
    assert "<img src=x" not in body
    assert "<script" not in body
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in body
    assert "javascript:" not in re.findall(r"href='([^']*)'", body)[0]
    assert "href='https://example.org/a&quot;/onmouseover=&quot;window.__xss=1'" in body
    # Markdown-rendered labels carry the payload as escaped text.
    labels = " ".join(e.label for e in at.expander)
    assert "\\[click me\\]\\(javascript\\:" in labels and "\\<img" in labels
    chart = chart_data(at)["fig"]["events"]  # the first run sends every event
    # Plotly renders hover text as HTML: titles escaped there. Labels are set as text by the browser.
    assert all("<img" not in t for t in chart["title"]) and any("&lt;img" in t for t in chart["title"])


def test_a_static_folder_it_cannot_write_is_named_and_the_page_still_works(monkeypatch, shipped):
    from app_pages import timeline_chart

    def refuse():
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(timeline_chart, "component", refuse)
    at = start(monkeypatch, event="smart-border-pledge-2022")
    assert "The chart cannot be drawn" in at.error[0].value and "cp " in at.error[0].value
    assert "Permission denied" in at.error[0].value
    assert chart_data(at) is None
    assert "data-event-id='smart-border-pledge-2022'" in html_text(at)  # the passages are there


@pytest.mark.slow
def test_readers_runs_take_turns_and_the_curators_page_does_not_wait(monkeypatch):
    """While the turn is held, a reader's run waits for it (and then completes); the curator's
    page never waits for readers."""
    from app_pages.shared import READER_TURN

    start(monkeypatch)  # data verified and cached: the waits below are only the turn's
    hold = 6.0
    assert READER_TURN.acquire(timeout=5)
    began = time.monotonic()
    threading.Timer(hold, READER_TURN.release).start()
    curator = AppTest.from_file(APP, default_timeout=60)
    curator.run()  # the reader's page first (it waits), then the curator's
    reader_done = time.monotonic() - began
    curator.switch_page("app_pages/propose.py").run()
    curator_took = time.monotonic() - began - reader_done
    assert not curator.exception
    assert reader_done >= hold - 0.1
    assert curator.title[0].value != "Border Cooperation Timeline"
    # The turn is free again: holding it now makes the curator's page no slower.
    assert READER_TURN.acquire(timeout=5)
    again = time.monotonic()
    later = threading.Timer(hold, READER_TURN.release)
    later.start()
    try:
        curator.run()
        assert not curator.exception
        assert time.monotonic() - again < hold / 2
    finally:
        later.join()  # the turn is free again for the tests that follow
    assert curator_took < hold


# --- the page in Spanish ----------------------------------------------------------------------


@functools.cache
def english_catalog() -> list[str]:
    """The English interface strings that read differently in Spanish (a placeholder's message
    is checked by its longest fixed part)."""
    from babel.messages.pofile import read_po

    from timeline.i18n import LOCALE_DIR

    with (LOCALE_DIR / "es" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale="es")
    texts = []
    for m in catalog:
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        for text in ids:
            if not text or text in strings:
                continue
            part = max(re.split(r"\{[a-z_]*\}", text), key=len).strip(' .,:()“”"')
            if len(part) >= 4:
                texts.append(part)
    return texts


def page_words(at: AppTest) -> str:
    """Everything of ours the page shows: titles, captions, labels, options, buttons, notices, the
    event panel and the chart's words; not the passages and article texts (always in their own
    language) nor the data's English-only fields (marked lang='en')."""
    parts = [t.value for t in (*at.title, *at.header, *at.subheader, *at.caption, *at.markdown)]
    parts += [e.value for e in (*at.info, *at.warning, *at.error)]
    parts += [w.label for w in (*at.multiselect, *at.button, *at.slider, *at.text_input, *at.tabs)]
    parts += [str(o) for w in at.multiselect for o in w.options]
    for body in (h.proto.body for h in at.get("html")):
        body = re.sub(r"<style>.*?</style>", "", body, flags=re.S)
        body = re.sub(r"<(blockquote|div)[^>]*class='tl-(passage|article)'.*?</\1>", "", body, flags=re.S)
        body = re.sub(r"<span lang='en'>.*?</span>", "", body, flags=re.S)
        parts.append(re.sub(r"<[^>]+>", " ", body))
    chart = chart_data(at)
    if chart and "fig" in chart:
        fig = chart["fig"]
        parts += [c["name"] for c in fig["categories"]] + list(fig["strings"].values()) + fig["events"]["date"]
        parts += [a["text"] for a in fig["layout"]["annotations"]] + [
            s["label"]["text"] for s in fig["layout"]["shapes"] if "label" in s
        ]
        parts += [b["label"] for b in fig["layout"]["xaxis"]["rangeselector"]["buttons"]]
    return "\n".join(parts)


def english_found(words: str) -> list[str]:
    """The catalog's English strings that ``words`` contains as words (not inside another word
    or a file name such as data/events.yaml)."""
    return [t for t in english_catalog() if re.search(r"(?<![\w/-])" + re.escape(t) + r"(?![\w-]|\.\w)", words)]


def english_on(at: AppTest) -> list[str]:
    # Code (`events:`, a rule's name) is an identifier, not English.
    return english_found(re.sub(r"`[^`]*`|<code>.*?</code>", " ", page_words(at)))


def test_with_lang_es_no_english_interface_string_appears(monkeypatch, shipped):
    at = start(monkeypatch, lang="es", event="border-security-memorandum-2013")
    assert at.title[0].value == "Cronología de la cooperación fronteriza"
    assert english_on(at) == []
    # The same check finds English when the page is in English (so it can fail).
    english = start(monkeypatch, lang="en", event="border-security-memorandum-2013")
    assert {"Filters", "Clear filters", "About this event"} <= set(english_on(english))


def test_spanish_page_every_tab_and_the_empty_states(monkeypatch, shipped):
    at = start(monkeypatch, lang="es", q="zzzz-nothing", category="bogus")
    assert any("Se ignoró la categoría desconocida" in w.value for w in at.warning)
    assert english_on(at) == []
    at = start(monkeypatch, lang="es")
    assert "Empiece por un acontecimiento clave:" in page_words(at)
    for tab in ("Tabla", "Gobiernos"):
        at.session_state.view = tab
        at.run()
        assert not at.exception
        assert english_on(at) == []
    table = at.dataframe[0].value if at.dataframe else None
    assert table is not None and "Gobierno" in table.columns


def test_spanish_table_and_details_read_dates_in_spanish(monkeypatch, shipped):
    at = start(monkeypatch, lang="es", event="border-security-memorandum-2013")
    panel = next(h.proto.body for h in at.get("html") if "tl-event" in h.proto.body)
    assert "jul 2013" in panel and "Jul " not in panel
    assert "<div lang='en'>" in panel  # the passage stays in its article's English, marked so
    assert "en inglés" in panel
    assert "Firman memorando" in panel or shipped.event("border-security-memorandum-2013").text_in("es")[0] in panel
    at.session_state.view = "Tabla"
    at.run()
    dates = at.dataframe[0].value["Fecha"].tolist()
    assert all(not re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", d) for d in dates)
    assert any(re.fullmatch(r"\d{1,2} [a-z]{3,4}\.? \d{4}", d) for d in dates)


def test_the_browser_language_chooses_when_the_address_does_not(monkeypatch, shipped):
    monkeypatch.setattr("streamlit.runtime.context.ContextProxy.locale", property(lambda self: "es-MX"))
    at = start(monkeypatch)
    assert at.title[0].value == "Cronología de la cooperación fronteriza"
    at = start(monkeypatch, lang="en")
    assert at.title[0].value == "Border Cooperation Timeline"


def test_switching_language_keeps_the_event_and_filters_in_the_address(monkeypatch, shipped):
    at = start(monkeypatch, event="border-security-memorandum-2013", category="agreement")
    assert at.title[0].value == "Border Cooperation Timeline"
    switch = at.button_group(key="lang_switch")
    switch.set_value("es").run()
    assert not at.exception
    assert at.title[0].value == "Cronología de la cooperación fronteriza"
    assert at.query_params["lang"] == "es"
    assert at.query_params["event"] == "border-security-memorandum-2013"
    assert at.query_params["category"] == "agreement"
    assert at.multiselect(key="f_cat").value == ["agreement"]
    at.button_group(key="lang_switch").set_value("en").run()
    assert at.title[0].value == "Border Cooperation Timeline"
    assert at.query_params["event"] == "border-security-memorandum-2013"


def test_the_table_tab_offers_the_whole_site_as_a_zip(monkeypatch, shipped):
    import io
    import zipfile

    from app_pages.reader_cache import build_site_zip

    at = start(monkeypatch)
    at.session_state.view = "Table"
    at.run()
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download the whole timeline as a website (zip)" in labels
    names = zipfile.ZipFile(io.BytesIO(build_site_zip(shipped))).namelist()
    for name in ("index.html", "plotly.min.js", "site.js", "data-en.js", "data-es.js", "downloads.js"):
        assert f"border-timeline-site/{name}" in names
    assert any(n.startswith("border-timeline-site/details/es/") for n in names)


def test_a_dataset_without_events_shows_an_empty_timeline_not_an_error(monkeypatch, tiny):
    """A curator starting from "events: []" sees the page, its count at 0 and why it is empty."""
    tiny.write("events.yaml", "events: []\n")
    at = start(monkeypatch, tiny.data_dir, tiny.seeds_dir)
    assert "**0 of 0 events**" in [m.value for m in at.markdown]
    infos = [i.value for i in at.info]
    assert "This timeline has no events yet." in infos
    assert "No event matches these filters." not in infos  # there are no filters to blame
