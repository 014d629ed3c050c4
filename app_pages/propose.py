"""The curator's page: propose dated events from an article (code in ui.py)."""

from app_pages import ui

ui.curator_page()
