"""Faults while the page is running: broken, fixed and deleted files; nothing the reader does
writes to the data."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from browser import Server, wait_idle
from streamlit.testing.v1 import AppTest

from timeline import DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR, PROJECT_DIR

APP = str(PROJECT_DIR / "app.py")


def run_app(monkeypatch, data_dir: Path, seeds_dir: Path) -> AppTest:
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("TIMELINE_SEEDS_DIR", str(seeds_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def problems_shown(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html") if "tl-problems" in h.proto.body)


def test_invalid_file_while_open_shows_errors_then_recovers(monkeypatch, shipped_copy):
    at = run_app(monkeypatch, shipped_copy.data_dir, shipped_copy.seeds_dir)
    assert not at.error
    original = shipped_copy.events_file.read_text(encoding="utf-8")
    shipped_copy.events_file.write_text(original.replace("category: funding", "category: fundng", 1), encoding="utf-8")
    at.run()
    assert "did not validate" in at.error[0].value
    assert "fundng" in problems_shown(at)
    shipped_copy.events_file.write_text(original, encoding="utf-8")
    at.run()
    assert not at.error
    assert any(c.proto.component_name == "timeline_chart" for c in at.get("bidi_component"))  # the chart is back


def test_deleted_article_is_named(monkeypatch, shipped_copy):
    at = run_app(monkeypatch, shipped_copy.data_dir, shipped_copy.seeds_dir)
    (shipped_copy.seeds_dir / "003_8daeb831cf6be08f.txt").unlink()
    at.run()
    shown = problems_shown(at)
    assert "seeds/003_8daeb831cf6be08f.txt</code> file not found" in shown
    assert "data/sources.yaml:" in shown


def test_yaml_syntax_error_while_open(monkeypatch, shipped_copy):
    at = run_app(monkeypatch, shipped_copy.data_dir, shipped_copy.seeds_dir)
    with shipped_copy.events_file.open("a", encoding="utf-8") as f:
        f.write("  - id: [broken\n")
    at.run()
    assert re.search(r"data/events\.yaml:\d+</code> YAML syntax error", problems_shown(at))


def tree_digest(*folders: Path) -> dict[str, str]:
    """Every file under the folders with the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder.parent)): hashlib.sha256(path.read_bytes()).hexdigest()
        for folder in folders
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.browser
def test_a_session_using_every_feature_leaves_data_and_seeds_byte_identical(tmp_path, browser):
    before = tree_digest(DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR)
    server = Server(log_dir=tmp_path)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        page.goto(server.url + "/?event=smart-border-pledge-2022")
        page.wait_for_selector(".tl-event")
        wait_idle(page)
        page.get_by_text("Read the whole article: Audacy").click()
        page.get_by_role("button", name="Next event →").click()
        wait_idle(page)
        page.get_by_role("button", name="← Previous event").click()
        wait_idle(page)
        search = page.get_by_label("Search titles, summaries and quotes")
        search.fill("border")
        search.press("Enter")
        wait_idle(page)
        page.get_by_role("tab", name="Table").click()
        for label in ("Download CSV", "Download JSON", "Download TimelineJS JSON"):
            with page.expect_download() as info:
                page.get_by_role("button", name=label).click()
            download = info.value
            assert Path(download.path()).stat().st_size > 100
        page.get_by_role("button", name="Clear filters").click()
        wait_idle(page)
        page.close()
    finally:
        server.stop()
    assert tree_digest(DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR) == before
    assert "Traceback" not in server.log()
