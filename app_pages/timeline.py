"""The reader's page (its code lives in app.py, imported once so its caches are shared)."""

import app

app.reader_page()
