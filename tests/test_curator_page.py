"""The curator's page: pick a seed or paste an article, see dated candidates, copy their YAML."""

from __future__ import annotations

import re

import pytest
import yaml
from browser import wait_idle
from streamlit.testing.v1 import AppTest

from timeline import PROJECT_DIR

APP = str(PROJECT_DIR / "app.py")


@pytest.fixture
def at() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page("app_pages/propose.py").run()
    assert not app.exception
    return app


def table_html(at: AppTest) -> str:
    return next(h.proto.body for h in at.get("html") if "tl-cands" in h.proto.body)


def test_seed_gives_marked_candidates_and_pasteable_yaml(at, shipped):
    at.selectbox(key="c_seed").set_value("002_a3d27affe04262f3.txt").run()
    html = table_html(at)
    assert "<mark>This Wednesday</mark>" in html
    assert "Published 2024-02-28" in " ".join(h.proto.body for h in at.get("html"))
    snippet = at.code[0].value
    entries = yaml.safe_load(snippet)
    assert isinstance(entries, list) and entries
    trilateral = [e for e in entries if e["date_evidence"]["phrase"] == "This Wednesday"]
    assert trilateral and trilateral[0]["date"] == "2024-02-28"
    source_id = next(s.id for s in shipped.sources.values() if s.file == "002_a3d27affe04262f3.txt")
    assert {e["date_evidence"]["source"] for e in entries} == {source_id}


def test_seed_without_a_date_in_its_text_uses_the_curated_date(at):
    at.selectbox(key="c_seed").set_value("000_b656ff8e750078d7.txt").run()
    assert any("taken from data/sources.yaml" in c.value for c in at.caption)
    entries = yaml.safe_load(at.code[0].value)
    assert any(e["date"] == "2022-07-12" and e["date_evidence"]["phrase"] == "Tuesday" for e in entries)


def test_pasted_article_with_a_given_date(at):
    at.radio(key="c_mode").set_value("paste").run()
    at.text_area(key="c_text").input("The ministers met on Tuesday in Mexico City and agreed on <b>patrols</b>.").run()
    at.checkbox(key="c_override").check().run()
    import datetime as dt

    at.date_input(key="c_published").set_value(dt.date(2024, 3, 7)).run()  # a Thursday
    html = table_html(at)
    assert "<mark>Tuesday</mark>" in html and "&lt;b&gt;patrols&lt;/b&gt;" in html
    entries = yaml.safe_load(at.code[0].value)
    assert entries[0]["date"] == "2024-03-05"


def test_scheduled_spans_and_anchored_dates_are_shown_as_such(at):
    import datetime as dt

    at.radio(key="c_mode").set_value("paste").run()
    text = (
        "Officials met on Tuesday in Nogales. Two days later, the governors signed. "
        "The rules will take effect Friday. The agency will spend $5 million over the next two years."
    )
    at.text_area(key="c_text").input(text).run()
    at.checkbox(key="c_override").check().run()
    at.date_input(key="c_published").set_value(dt.date(2024, 3, 7)).run()  # a Thursday
    rows = table_html(at).split("<tr>")[2:]  # after the header
    assert len(rows) == 4
    met, signed, effect, spend = rows
    assert "tl-sched" not in met and "tl-sched" not in signed
    assert "counted from “<span lang='en'>Tuesday</span>” (2024-03-05)" in signed and "2024-03-07" in signed
    assert "2024-03-08" in effect and "<span class='tl-sched'>scheduled</span>" in effect
    assert "2024<br>to 2026" in spend and "tl-sched" in spend
    entries = yaml.safe_load(at.code[0].value)  # the kept ones: every dated candidate
    by_phrase = {e["date_evidence"]["phrase"]: e for e in entries}
    assert by_phrase["Friday"]["status"] == "planned" and "status" not in by_phrase["Tuesday"]
    assert by_phrase["over the next two years"]["end"] == "2026"
    assert by_phrase["Two days later"]["date_evidence"]["anchor_phrase"] == "Tuesday"
    assert any(o.endswith("· scheduled") for o in at.multiselect[0].options)


def test_empty_paste_asks_for_text(at):
    at.radio(key="c_mode").set_value("paste").run()
    assert any("Paste an article" in i.value for i in at.info)


@pytest.mark.browser
def test_curator_page_in_a_browser(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(server.url + "/propose")
        page.wait_for_selector(".tl-cands mark", timeout=60_000)
        wait_idle(page)
        assert page.locator(".tl-cands tbody tr").count() >= 3
        code = page.locator("[data-testid=stCode]").first.inner_text()
        assert re.search(r"date_evidence:\s+source: audacy-2022-07-smart-security", code)
        # "over the next two years": a span that lies ahead, shown as scheduled
        span = page.locator(".tl-cands tbody tr", has=page.locator("mark", has_text="over the next two years"))
        assert span.locator(".tl-sched").inner_text() == "scheduled" and span.locator(".tl-sched").is_visible()
        assert "to 2024" in span.inner_text()
        assert "status: planned" in code and re.search(r"date: '2022'\s+end: '2024'", code)
    finally:
        page.close()


def test_a_spanish_article_on_the_spanish_page():
    """A Spanish article pasted on the page in Spanish: its language is detected, its dates read
    in Spanish, its sentences shown as written (marked es), and its YAML has the Spanish block
    the validator asks for."""
    from timeline import PROJECT_DIR

    text = (PROJECT_DIR / "tests" / "articles" / "es" / "01_horarios_garitas.txt").read_text(encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "es"
    at.run()
    at.switch_page("app_pages/propose.py").run()
    assert at.title[0].value == "Proponer acontecimientos a partir de un artículo"
    at.radio(key="c_mode").set_value("paste").run()
    at.text_area(key="c_text").input(text).run()
    assert not at.exception
    assert any(c.value.startswith("El artículo está en español, según el texto.") for c in at.caption)
    html = table_html(at)
    assert "<span lang='es'>" in html and "<mark>" in html
    assert "<th>Fecha</th>" in html and "<th>Precisión</th>" in html
    entries = yaml.safe_load(at.code[0].value)
    assert entries and all(e["translations"] == {"es": {"title": "TODO", "summary": "TODO"}} for e in entries)
    assert all(e["date"] != "TODO" for e in entries[:3])
    spanish = at.header[0].value
    assert spanish == f"{len(table_html(at).split('<tr>')) - 2} candidatos"
    # Told it is English, the same text gives other (fewer) dates: the choice is used.
    at.selectbox(key="c_lang_None").set_value("en").run()
    assert any(c.value.startswith("El artículo está en inglés.") for c in at.caption)
    assert at.header[0].value != spanish
