"""The Streamlit page layer: one module per page, each holding its own layout.

- ``reader.py``: the timeline for readers (filters, chart, passages, table, downloads, the
  administrations side by side);
- ``propose.py``: the curator's page (dated candidate events from a new article);
- ``shared.py``: what both use (the cached, verified dataset and the error list).

``app.py`` at the project root sets the page up and runs the navigation; ``timeline/`` is the
pure core these modules call.
"""
