"""The Streamlit page layer: one module per page, each holding its own layout.

- ``reader.py``: the timeline for readers (filters, chart, passages, table, downloads, the
  administrations side by side);
- ``propose.py``: the curator's page (dated candidate events from a new article);
- ``reader_cache.py``: the reader page's caches (chart data, views), defined once per process;
- ``compare.py``: the reader's Administrations tab; ``timeline_chart.py``: the chart component;
- ``shared.py``: what both use (the cached, verified dataset, the error list, the language
  and its switch, and the turn readers' runs take).

``app.py`` at the project root sets the page up and runs the navigation; ``timeline/`` is the
pure core these modules call.
"""
