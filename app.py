"""Border Cooperation Timeline: ``streamlit run app.py``.

Sets the page up and runs the navigation between the two pages in ``app_pages/``. The pages'
layout lives there; the pure core they call lives in ``timeline/``. ``TIMELINE_DATA_DIR`` and
``TIMELINE_SEEDS_DIR`` point the page at another dataset.
"""

import streamlit as st

from app_pages.shared import PAGES_DIR, READER_TURN, choose_language
from timeline.i18n import _

choose_language()  # before any text: every _() of this run answers in the reader's language
# No page_icon: a Material favicon is fetched from a font CDN, and the page sends nothing away.
st.set_page_config(page_title=_("Border Cooperation Timeline"), layout="wide")
page = st.navigation(
    [
        st.Page(PAGES_DIR / "reader.py", title=_("Timeline"), default=True),
        st.Page(PAGES_DIR / "propose.py", title=_("Propose events"), url_path="propose"),
    ],
    position="sidebar",
)
if page.url_path == "propose":
    page.run()  # a curator's run can take seconds (a long article): it does not hold readers up
else:
    with READER_TURN:
        page.run()
