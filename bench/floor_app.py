"""The floor: a bare Streamlit page drawing one WebGL scatter of N points from a prebuilt frame.

The benchmark reruns it the same ways as the real page (a filter change, a selection), so the
page's cost can be quoted as a ratio to the least any Streamlit + Plotly page of N points costs.
"""

import os

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

N = int(os.environ.get("FLOOR_EVENTS", "1000"))
CATEGORIES = ["agreement", "funding", "enforcement", "migration-pathways", "diplomacy", "context"]


@st.cache_resource
def prebuilt(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    days = rng.integers(0, 7000, n)
    return pd.DataFrame(
        {
            "x": pd.Timestamp("2006-01-01") + pd.to_timedelta(days, unit="D"),
            "y": rng.random(n) * 6,
            "id": [f"event-{i}" for i in range(n)],
            "category": rng.choice(CATEGORIES, n),
        }
    )


frame = prebuilt(N)
chosen = st.multiselect("Category", CATEGORIES, key="f_cat")
shown = frame[frame["category"].isin(chosen)] if chosen else frame
st.plotly_chart(
    go.Figure(go.Scattergl(x=shown["x"], y=shown["y"], mode="markers", customdata=shown["id"])),
    key="chart",
    on_select="rerun",
    selection_mode="points",
)
st.write(st.session_state.get("event"))
