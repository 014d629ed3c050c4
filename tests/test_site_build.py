"""Building the static site (timeline/site.py), without a browser: the files it writes, the
Plotly.js it serves, and data that can never end its script early."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest

from timeline.details import STYLE, render_event
from timeline.site import EVENTS_PER_CHUNK, build_site, plotly_bundle, write_script

PUT = re.compile(r'^window\.__tlSite\.put\("(\w+)",("[^"]*"),(.*)\);\n$', re.S)


def read_put(path):
    kind, key, body = PUT.match(path.read_text(encoding="utf-8")).groups()
    return kind, json.loads(key), json.loads(body)


def test_the_site_folder(tmp_path, shipped):
    sizes = build_site(shipped, tmp_path)
    assert sizes["data"] > 0 and sizes["plotly"] > 1_000_000
    kind, key, data = read_put(tmp_path / "data-es.js")
    assert (kind, key, data["lang"]) == ("data", "es", "es")
    assert data["chart"]["categories"][0]["name"] == "acuerdo"
    assert len(data["chart"]["events"]["id"]) == len(data["events"]["first"]) == len(shipped.events)
    # Panels: the core's HTML (its style block once in the page, not in every panel), in files of 100.
    kind, key, chunk = read_put(tmp_path / "details" / "en" / "0.js")
    assert (kind, key) == ("details", "en/0")
    assert len(chunk) == min(len(shipped.events), EVENTS_PER_CHUNK)
    event = shipped.events[0]
    assert chunk[event.id] == render_event(shipped, event).removeprefix(STYLE)
    assert STYLE in (tmp_path / "index.html").read_text(encoding="utf-8")
    articles = sorted(p.name for p in (tmp_path / "articles" / "es").iterdir())
    assert articles == sorted(f"{s}.js" for s in shipped.articles)
    # Building again over it replaces it.
    build_site(shipped, tmp_path)
    assert read_put(tmp_path / "data-en.js")[2]["lang"] == "en"


def test_data_never_ends_its_script(tmp_path):
    path = tmp_path / "x.js"
    write_script(path, "details", "en/0", {"a": "</script><script>alert(1)</script>", "b": "é \u2028"})
    text = path.read_text(encoding="utf-8")
    assert "</script" not in text and "<\\/script>" in text
    assert read_put(path)[2] == {"a": "</script><script>alert(1)</script>", "b": "é \u2028"}


def fake(n: int):
    return SimpleNamespace(events=[None] * n)


def test_plotly_bundle_default_and_given(tmp_path):
    assert plotly_bundle(fake(10)).name == "plotly.min.js"
    basic = tmp_path / "plotly-basic.min.js"
    basic.write_text(
        '/* plotly.js v4 */ var Plotly={};register({moduleType:"trace",name:"scatter"});', encoding="utf-8"
    )
    assert plotly_bundle(fake(1000), basic) == basic  # up to the WebGL threshold: fine
    with pytest.raises(ValueError, match=r"no WebGL scatter .* past 1,000 events \(1,001 here\)"):
        plotly_bundle(fake(1001), basic)
    full = tmp_path / "full.js"
    full.write_text('/* plotly.js */ x={moduleType:"trace",name:"scattergl"}', encoding="utf-8")
    assert plotly_bundle(fake(1001), full) == full
    with pytest.raises(ValueError, match="no such file"):
        plotly_bundle(fake(1), tmp_path / "missing.js")
    other = tmp_path / "other.js"
    other.write_text("console.log(1)", encoding="utf-8")
    with pytest.raises(ValueError, match=r"does not look like a Plotly\.js bundle"):
        plotly_bundle(fake(1), other)


def test_the_given_bundle_is_served(tmp_path, shipped):
    basic = tmp_path / "plotly-basic.min.js"
    basic.write_text("/* plotly.js */ var Plotly={};", encoding="utf-8")
    sizes = build_site(shipped, tmp_path / "site", plotly_js=basic)
    assert (tmp_path / "site" / "plotly.min.js").read_text(encoding="utf-8") == basic.read_text(encoding="utf-8")
    assert sizes["plotly"] == basic.stat().st_size
