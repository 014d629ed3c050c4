"""The reader's page (its code lives in ui.py, imported once so its caches are shared)."""

from app_pages import ui

ui.reader_page()
