"""Border Cooperation Timeline: ``streamlit run app.py``.

The entry script only starts the navigation; the pages' layout, caching and calls into the
pure core ``timeline/`` live in ``app_pages/ui.py``, a module imported once, so a rerun does
not recompile it. ``TIMELINE_DATA_DIR`` and ``TIMELINE_SEEDS_DIR`` point the page at another
dataset.
"""

from app_pages.ui import main

main()
