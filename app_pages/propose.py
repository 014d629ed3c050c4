"""The curator's page: propose dated events from an article (code in app.py)."""

import app

app.curator_page()
