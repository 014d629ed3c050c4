"""The administrations side by side: the summary's numbers and the figure that draws them.

The shipped data's numbers are checked against an independent computation from the CSV the
command line exports (parsed with pandas, administrations named as the CSV names them); the
edges are checked on a small hand-made dataset against literal values.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap

import pandas as pd
import pytest
import yaml
from conftest import shared

from timeline import DEFAULT_DATA_DIR, PROJECT_DIR
from timeline.compare import (
    build_compare_figure,
    format_money,
    format_years,
    list_currencies,
    summarise_administrations,
)
from timeline.models import CATEGORIES

US_ORDER = ["us-bush", "us-obama", "us-trump-1", "us-biden", "us-trump-2"]
MX_ORDER = ["mx-fox", "mx-calderon", "mx-pena-nieto", "mx-lopez-obrador", "mx-sheinbaum"]
AMOUNT = re.compile(r"(?:^|; )(\d+) ([A-Z]{3}) \(")  # "30000000000 USD (what); 5 MXN (what)"


# --- an independent computation from the exported CSV ---------------------------------------


def exported_csv() -> pd.DataFrame:
    """The CSV the command line prints for the shipped data, every cell a string."""
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "export", "--format", "csv"],
        capture_output=True,
        text=True,
        cwd=PROJECT_DIR,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(PROJECT_DIR)},
    )
    assert result.returncode == 0, result.stderr
    return pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)


def shipped_terms() -> pd.DataFrame:
    """administrations.yaml read directly (not through the package)."""
    text = (DEFAULT_DATA_DIR / "administrations.yaml").read_text(encoding="utf-8")
    terms = pd.DataFrame(yaml.safe_load(text)["administrations"])
    terms["start"] = pd.to_datetime(terms["start"])
    terms["end"] = pd.to_datetime(terms["end"].fillna("2262-01-01"))  # the incumbent: open
    return terms


def csv_memberships(csv: pd.DataFrame, terms: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, administration) the CSV names. The CSV names a term by its
    president, and Donald Trump has two terms: a name is resolved to the term of that name
    whose dates overlap the event's first and last day (read from the CSV's date and end)."""
    rows = []
    for _, event in csv.iterrows():
        first = pd.Period(event["date"]).start_time
        last = pd.Period(event["end"] or event["date"]).end_time
        for country, column in (("US", "us_administrations"), ("MX", "mx_administrations")):
            for name in filter(None, event[column].split("; ")):
                same = terms[(terms["country"] == country) & (terms["name"] == name)]
                overlapping = same[(same["start"] <= last) & (same["end"] >= first.normalize())]
                assert len(overlapping) == 1, (event["id"], name)
                rows.append({"event": event["id"], "id": overlapping["id"].iloc[0], "category": event["category"]})
    return pd.DataFrame(rows)


def csv_money(csv: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Money per administration and currency, from the CSV's amounts column."""
    amounts = pd.DataFrame(
        [
            {"event": event_id, "value": float(value), "currency": currency}
            for event_id, text in zip(csv["id"], csv["amounts"], strict=True)
            for value, currency in AMOUNT.findall(text)
        ]
    )
    joined = members.merge(amounts, on="event")
    return joined.pivot_table(index="id", columns="currency", values="value", aggfunc="sum")


@pytest.fixture(scope=shared("module"))
def from_csv():
    """(counts per administration and category, money per administration and currency)."""
    csv = exported_csv()
    members = csv_memberships(csv, shipped_terms())
    counts = pd.crosstab(members["id"], members["category"])
    return counts, csv_money(csv, members)


def test_shipped_counts_equal_the_exported_csv(shipped, from_csv):
    counts, _ = from_csv
    summary = summarise_administrations(shipped).set_index("id")
    assert list(summary.index) == US_ORDER + MX_ORDER
    for admin_id, row in summary.iterrows():
        for category in CATEGORIES:
            expected = counts[category].get(admin_id, 0) if category in counts else 0
            assert row[category] == expected, (admin_id, category)
        expected_total = counts.loc[admin_id].sum() if admin_id in counts.index else 0
        assert row["total"] == expected_total, admin_id


def test_shipped_money_equals_the_exported_csv(shipped, from_csv):
    _, money = from_csv
    summary = summarise_administrations(shipped).set_index("id")
    assert list_currencies(shipped) == sorted(money.columns)
    for admin_id, row in summary.iterrows():
        for currency in money.columns:
            expected = money[currency].get(admin_id, 0.0)
            assert row[currency] == (0.0 if pd.isna(expected) else expected), (admin_id, currency)


def test_shipped_numbers_for_the_two_pairs_readers_ask_about(shipped):
    """The literal numbers, so a change to the data shows here as well as in the CSV check."""
    summary = summarise_administrations(shipped).set_index("id")
    assert summary.loc["us-obama", "total"] == 2
    assert summary.loc["mx-pena-nieto", "total"] == 8
    assert summary.loc["us-biden", "total"] == 23
    assert summary.loc["mx-lopez-obrador", "total"] == 25
    assert summary.loc["us-biden", "USD"] == 4_900_000_000
    assert summary.loc["mx-lopez-obrador", "USD"] == 34_900_000_000
    assert summary.loc["us-obama", "USD"] == 0


# --- edges on a small dataset ----------------------------------------------------------------

EDGE_EVENTS = textwrap.dedent(
    """\
    events:
    {events}
    """
)
EVIDENCE = "{source: wire-2022, phrase: Tuesday, anchor: 2022-07-13, note: a test date}"
EXCERPT = "[{source: wire-2022, quote: agreed to spend $1.5 billion on border technology}]"


def edge_event(event_id: str, date: str, category: str = "agreement", end: str | None = None, amounts: str = "") -> str:
    """One event in YAML, dated by hand (the note lets any date stand)."""
    lines = [
        f"  - id: {event_id}",
        f"    title: {event_id}",
        "    summary: A test event.",
        f"    category: {category}",
        "    actors: [Officials]",
        f"    date: {date}",
        f"    date_evidence: {EVIDENCE}",
        f"    excerpts: {EXCERPT}",
    ]
    if end:
        lines.append(f"    end: {end}")
    if amounts:
        lines.append(f"    amounts: {amounts}")
    lines.append(f"    translations: {{es: {{title: Evento {event_id}, summary: Un evento de prueba.}}}}")
    return "\n".join(lines)


@pytest.fixture
def edges(tiny):
    """Events on the edges of terms, with amounts in two currencies."""
    events = [
        edge_event("last-day-of-pena-nieto", "2018-11-30", "enforcement"),
        edge_event("first-day-of-lopez-obrador", "2018-12-01", "diplomacy"),
        edge_event("inauguration-day-2017", "2017-01-20", "context"),
        edge_event("day-after-inauguration-2017", "2017-01-21", "context"),
        edge_event("span-2012-2013", "2012-11-15", "agreement", end="2013-02-01"),
        edge_event(
            "two-dollar-amounts",
            "2022-07-12",
            "funding",
            amounts="[{value: 1500000000, currency: USD, what: a}, {value: 250000000, currency: USD, what: b}]",
        ),
        edge_event("peso-amount", "2022-07-01", "funding", amounts="[{value: 3000000, currency: MXN, what: c}]"),
    ]
    tiny.write("events.yaml", EDGE_EVENTS.format(events="\n".join(events)))
    return tiny.load()


def row_of(summary: pd.DataFrame, admin_id: str) -> dict:
    return summary.set_index("id").loc[admin_id].to_dict()


def test_the_last_day_of_a_term_counts_only_there_and_the_next_day_only_in_the_next(edges):
    summary = summarise_administrations(edges)
    assert row_of(summary, "mx-pena-nieto")["enforcement"] == 1
    assert row_of(summary, "mx-lopez-obrador")["enforcement"] == 0
    assert row_of(summary, "mx-lopez-obrador")["diplomacy"] == 1
    assert row_of(summary, "mx-pena-nieto")["diplomacy"] == 0


def test_a_us_handover_day_counts_for_both_presidents(edges):
    # US terms end and start on 20 January, both ends inclusive: both presidents were in office.
    summary = summarise_administrations(edges)
    assert row_of(summary, "us-obama")["context"] == 1
    assert row_of(summary, "us-trump-1")["context"] == 2  # 20 and 21 January 2017


def test_an_event_spanning_two_terms_counts_in_both(edges):
    summary = summarise_administrations(edges)
    assert row_of(summary, "mx-calderon")["agreement"] == 1
    assert row_of(summary, "mx-pena-nieto")["agreement"] == 1
    assert row_of(summary, "us-obama")["agreement"] == 1


def test_amounts_sum_per_currency_in_their_own_columns(edges):
    summary = summarise_administrations(edges)
    assert list(summary.columns[-2:]) == ["USD", "MXN"]
    biden = row_of(summary, "us-biden")
    assert (biden["USD"], biden["MXN"], biden["funding"], biden["total"]) == (1_750_000_000, 3_000_000, 2, 2)
    assert row_of(summary, "us-obama")["USD"] == 0
    assert row_of(summary, "us-obama")["MXN"] == 0


def test_rows_come_in_term_order_with_every_column(edges):
    summary = summarise_administrations(edges)
    assert summary["id"].tolist() == US_ORDER + MX_ORDER
    assert list(summary.columns) == ["country", "id", "name", "start", "end", *CATEGORIES, "total", "USD", "MXN"]
    # Obama: the span and the inauguration day; Trump: both January days and both November
    # 2018 edges; Peña Nieto: the span, both January days and his last day.
    assert summary["total"].tolist() == [0, 2, 4, 2, 0, 0, 1, 4, 3, 0]
    assert str(row_of(summary, "us-obama")["start"]) == "2009-01-20"
    assert row_of(summary, "us-trump-2")["end"] is None


def test_only_the_events_given_are_counted(edges):
    funding = [e for e in edges.events if e.category == "funding"]
    summary = summarise_administrations(edges, funding)
    assert summary["total"].tolist() == [0, 0, 0, 2, 0, 0, 0, 0, 2, 0]
    assert summarise_administrations(edges, [])["total"].sum() == 0
    assert summarise_administrations(edges, [])["USD"].sum() == 0
    figure = build_compare_figure(summarise_administrations(edges, []))
    assert {a.text for a in figure.layout.annotations if (a.name or "").startswith("total:")} == {"no events"}
    assert figure.layout.xaxis.range == (0, 1)  # a scale even with no bar


def test_a_dataset_without_amounts_has_no_money_columns(tiny):
    tiny.replace(
        "events.yaml",
        "    amounts:\n      - value: 1500000000\n        currency: USD\n        what: border technology\n",
        "",
    )
    summary = summarise_administrations(tiny.load())
    assert list(summary.columns)[-1] == "total"
    figure = build_compare_figure(summary)
    assert [a.text for a in figure.layout.annotations if a.name == "total:us-biden"] == ["<b>2</b>"]


# --- words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "currency", "text"),
    [
        (1_500_000_000, "USD", "USD 1.5 billion"),
        (30_000_000_000, "USD", "USD 30 billion"),
        (34_900_000_000, "USD", "USD 34.9 billion"),
        (250_000_000, "MXN", "MXN 250 million"),
        (1_000_000, "USD", "USD 1 million"),
        (999_999, "USD", "USD 999,999"),
        (5, "EUR", "EUR 5"),
        (2_000_000_000_000, "USD", "USD 2 trillion"),
    ],
)
def test_money_reads_as_people_say_it(value, currency, text):
    assert format_money(value, currency) == text


def test_years_of_a_term():
    import datetime as dt

    assert format_years(dt.date(2009, 1, 20), dt.date(2017, 1, 20)) == "2009–2017"
    assert format_years(dt.date(2025, 1, 20), None) == "2025–now"
    assert format_years(dt.date(2009, 1, 20), dt.date(2017, 1, 20), short=True) == "2009–17"
    assert format_years(dt.date(2000, 12, 1), dt.date(2006, 11, 30), short=True) == "2000–06"
    assert format_years(dt.date(1994, 12, 1), dt.date(2000, 11, 30), short=True) == "1994–2000"  # across a century
    assert format_years(dt.date(2025, 1, 20), None, short=True) == "2025–now"


# --- the figure -------------------------------------------------------------------------------


def annotation(figure, name: str) -> str:
    (text,) = [a.text for a in figure.layout.annotations if a.name == name]
    return text


def test_one_bar_per_administration_in_each_panel(edges):
    figure = build_compare_figure(summarise_administrations(edges))
    by_axis = {}
    for trace in figure.data:
        by_axis.setdefault(trace.yaxis, []).append(trace)
    assert sorted(by_axis) == ["y", "y2"]  # US on top, Mexico beneath
    for axis, ids in (("y", US_ORDER), ("y2", MX_ORDER)):
        traces = by_axis[axis]
        assert [t.name for t in traces] == ["term", *CATEGORIES]
        for trace in traces:
            assert list(trace.customdata) == ids  # a click maps back to the administration
            assert list(trace.y) == [0.0, -1.0, -2.0, -3.0, -4.0]
            assert trace.orientation == "h"


def test_categories_stack_to_the_total_in_the_timeline_colours(edges):
    from timeline.chart import CATEGORY_COLOURS

    summary = summarise_administrations(edges)
    figure = build_compare_figure(summary)
    us = [t for t in figure.data if t.yaxis == "y" and t.name != "term"]
    ends = [b + x for b, x in zip(us[-1].base, us[-1].x, strict=True)]
    assert ends == [0, 2, 4, 2, 0]
    assert [t.marker.color for t in us] == [CATEGORY_COLOURS[c] for c in CATEGORIES]
    assert not any(t.showlegend for t in figure.data)  # the key is text, on two lines a phone fits
    gap = "\u2003\u2002"  # an em and an en space: SVG collapses plain spaces to one
    assert annotation(figure, "key") == (
        f"<span style='color:#1b7837'>■</span> agreement{gap}<span style='color:#b35806'>■</span> funding{gap}"
        "<span style='color:#b2182b'>■</span> enforcement<br>"
        f"<span style='color:#2166ac'>■</span> migration-pathways{gap}"
        f"<span style='color:#762a83'>■</span> diplomacy{gap}"
        "<span style='color:#595959'>■</span> context"
    )


def test_names_years_totals_and_money_are_written(edges):
    figure = build_compare_figure(summarise_administrations(edges))
    assert annotation(figure, "name:us-obama") == "<b>Barack Obama</b>  2009–2017"
    assert annotation(figure, "name:mx-sheinbaum") == "<b>Claudia Sheinbaum</b>  2024–now"
    assert annotation(figure, "total:us-biden") == "<b>2</b>  ·  USD 1.8 billion<br>MXN 3 million"
    assert annotation(figure, "total:us-obama") == "<b>2</b>"
    assert annotation(figure, "total:us-bush") == "no events"
    hover = next(t for t in figure.data if t.name == "funding" and t.yaxis == "y").hovertext[3]
    assert hover == (
        "<b>Joe Biden</b> (2021–2025)<br>funding: 2 of 2 events<br>USD 1.8 billion · MXN 3 million announced"
        "<br>Click to show this term on the timeline"
    )


def test_quotes_show_as_written_and_markup_is_escaped_once(tiny):
    tiny.replace("administrations.yaml", "name: Joe Biden", 'name: Joe "Scranton" <b>Biden</b> & Co\'s')
    figure = build_compare_figure(summarise_administrations(tiny.load()))
    assert annotation(figure, "name:us-biden") == (
        '<b>Joe "Scranton" &lt;b&gt;Biden&lt;/b&gt; &amp; Co\'s</b>  2021–2025'
    )
    text = figure.to_json()
    assert "&quot;" not in text and "&#x27;" not in text and "&amp;amp;" not in text


def test_selected_administrations_are_emphasised(edges):
    figure = build_compare_figure(summarise_administrations(edges), selected=("us-obama",))
    assert [s.name for s in figure.layout.shapes] == ["selected:us-obama"]
    assert annotation(figure, "name:us-obama").endswith("✓ filtered")
    assert not annotation(figure, "name:us-biden").endswith("✓ filtered")
    agreement_us = next(t for t in figure.data if t.name == "agreement" and t.yaxis == "y")
    assert list(agreement_us.marker.line.width) == [0, 1.5, 0, 0, 0]
    assert list(agreement_us.marker.opacity) == [0.45, 1.0, 0.45, 0.45, 0.45]
    # Mexico has no chosen term: nothing dimmed there.
    agreement_mx = next(t for t in figure.data if t.name == "agreement" and t.yaxis == "y2")
    assert list(agreement_mx.marker.opacity) == [1.0] * 5


def test_both_panels_share_one_scale_with_room_for_the_words(edges):
    figure = build_compare_figure(summarise_administrations(edges))
    assert figure.layout.xaxis.range == figure.layout.xaxis2.range == (0, 4)  # the longest bar: 4 events
    assert figure.layout.margin.r == 156  # the words after the bars, and a strip a phone can scroll on
    assert figure.layout.height == 10 * 46 + 2 * 56 + 44


# Literal layouts and words, at the edges mutation testing found unread.


def test_panel_domains_share_the_height_by_terms_plus_a_title():
    from timeline.compare import panel_domains

    # weights 6.3 and 6.3 of the 0.94 left after one 0.06 gap
    assert panel_domains([5, 5]) == [pytest.approx((0.53, 1.0)), pytest.approx((0.0, 0.47))]
    assert panel_domains([3]) == [(0.0, 1.0)]
    # weights 6.3, 5.3 and 3.3 of the 0.8 left after two 0.1 gaps
    domains = panel_domains([5, 4, 2], spacing=0.1)
    assert domains == [
        pytest.approx((1 - 0.8 * 6.3 / 14.9, 1.0)),
        pytest.approx((1 - 0.8 * 11.6 / 14.9 - 0.1, 1 - 0.8 * 6.3 / 14.9 - 0.1)),
        pytest.approx((0.0, 1 - 0.8 * 11.6 / 14.9 - 0.2)),
    ]
    assert domains[2][0] == 0.0  # the last panel reaches the bottom exactly


def test_money_lists_only_currencies_with_an_amount():
    from timeline.compare import describe_money

    row = {"USD": 1.0, "MXN": 0.0, "EUR": 2_000_000.0}
    assert describe_money(row, ["USD", "MXN", "EUR"]) == "USD 1 · EUR 2 million"
    assert describe_money({"USD": 0.0}, ["USD"]) == ""


def test_hover_text_counts_one_event_in_the_singular():
    import datetime as dt

    from timeline.compare import hover_text
    from timeline.i18n import language

    row = {"name": "A & B", "start": dt.date(2021, 1, 20), "end": None, "total": 1, "funding": 1, "USD": 0.0}
    with language("en"):
        assert hover_text(row, None, ["USD"]) == (
            "<b>A &amp; B</b> (2021–now)<br>1 event<br>Click to show this term on the timeline"
        )
        row["total"] = 2
        assert hover_text(row, "funding", ["USD"]).split("<br>")[1] == "funding: 1 of 2 events"


def test_each_panel_has_a_clear_full_width_bar_under_its_category_bars():
    import datetime as dt

    from timeline.compare import _panel_traces

    rows = [
        {"id": "a", "name": "A", "start": dt.date(2001, 1, 1), "end": dt.date(2002, 1, 1), "total": 2, "USD": 0.0}
        | dict.fromkeys(CATEGORIES, 0)
        | {"funding": 2},
    ]
    traces = _panel_traces(rows, 2, set(), 9.0)
    term = traces[0]
    assert (term["name"], term["x"], term["base"], term["width"]) == ("term", [9.0], 0, 1.0)
    assert term["marker"] == {"color": "rgba(0,0,0,0)"}
    assert (term["xaxis"], term["yaxis"], term["y"]) == ("x2", "y2", [-0.0])
    # stacked by hand: each category starts where the ones before it end
    assert [(t["name"], t["base"]) for t in traces[1:4]] == [("agreement", [0]), ("funding", [0]), ("enforcement", [2])]


def test_panel_notes_of_no_terms_and_of_one_term():
    import datetime as dt

    from timeline.compare import _panel_notes

    assert _panel_notes([], 1, set()) == ([], [])
    row = {"id": "a", "name": "A", "start": dt.date(2001, 1, 1), "end": dt.date(2002, 1, 1), "total": 0}
    row |= dict.fromkeys(CATEGORIES, 0)
    second = row | {"id": "b", "name": "B"}
    annotations, shapes = _panel_notes([row, second], 1, {"b"})
    names = [a for a in annotations if a["name"].startswith("name:")]
    assert [a["showarrow"] for a in annotations] == [False] * 4
    assert [a["y"] for a in names] == pytest.approx([0.25, -0.75])  # half a bar and a little above its row
    assert len(shapes) == 1
    assert len(_panel_notes([row], 1, set())[0]) == 2  # one term: its name and its total


def test_the_figure_leaves_room_for_the_key_and_half_a_panel_title():
    from timeline.validate import load_dataset

    figure = build_compare_figure(summarise_administrations(load_dataset(DEFAULT_DATA_DIR, PROJECT_DIR / "seeds")))
    assert figure.layout.margin.t == 72 and figure.layout.margin.l == 4 and figure.layout.margin.b == 8


# --- the remaining edges mutation testing found unread ----------------------------------------


def test_an_event_the_dataset_does_not_know_counts_for_no_term(edges):
    # The terms come from the dataset's own derivation: an event it never derived (here a copy
    # of one under a new id) belongs to no term and must not stop the summary.
    stranger = edges.events[0].model_copy(update={"id": "not-in-this-dataset"})
    summary = summarise_administrations(edges, [stranger])
    assert summary["total"].tolist() == [0] * 10
    assert summary["USD"].sum() == 0


def test_term_names_follow_the_reading_language(tiny):
    from timeline.i18n import language

    # A Spanish name that differs from the English one, so the language chosen shows.
    tiny.replace("administrations.yaml", "es:\n        name: Barack Obama", "es:\n        name: Barack H. Obama")
    dataset = tiny.load()
    with language("es"):
        assert row_of(summarise_administrations(dataset), "us-obama")["name"] == "Barack H. Obama"
    with language("en"):
        assert row_of(summarise_administrations(dataset), "us-obama")["name"] == "Barack Obama"


@pytest.mark.parametrize(
    ("usd", "text"),
    [
        (0.0, "<b>3</b>"),  # nothing announced: no money after the number
        (1.0, "<b>3</b>  ·  USD 1"),  # a single dollar is still money announced
        (2.0, "<b>3</b>  ·  USD 2"),
    ],
)
def test_the_words_after_a_bar_name_money_from_one_unit_up(usd, text):
    from timeline.compare import describe_total

    assert describe_total({"total": 3, "USD": usd}, ["USD"]) == text


def test_a_panel_without_terms_has_empty_bars():
    from timeline.compare import _panel_traces

    traces = _panel_traces([], 1, set(), 1.0)
    assert [t["name"] for t in traces] == ["term", *CATEGORIES]
    assert [(t["x"], t["y"], t["customdata"], t["hovertext"]) for t in traces] == [([], [], [], [])] * 7


def test_a_bar_shows_its_own_hover_text_and_no_trace_name():
    import datetime as dt

    from timeline.compare import _panel_traces

    row = {"id": "a", "name": "A", "start": dt.date(2001, 1, 1), "end": None, "total": 0} | dict.fromkeys(CATEGORIES, 0)
    # "<extra></extra>" hides the trace's name box that Plotly adds beside the text.
    templates = {t["hovertemplate"] for t in _panel_traces([row], 1, set(), 1.0)}
    assert templates == {"%{hovertext}<extra></extra>"}


def summary_row(admin_id: str, name: str, total: int) -> dict:
    import datetime as dt

    row = {"id": admin_id, "name": name, "start": dt.date(2001, 1, 20), "end": dt.date(2009, 1, 20)}
    return row | dict.fromkeys(CATEGORIES, 0) | {"funding": total, "total": total}


def test_the_words_and_band_of_a_chosen_term_with_no_events_and_of_a_term_with_three():
    from timeline.compare import _panel_notes

    annotations, shapes = _panel_notes([summary_row("a", "Ann", 0), summary_row("b", "Bob", 3)], 2, {"a"})
    text = {"xref": "x2", "yref": "y2", "xanchor": "left", "showarrow": False}
    assert annotations == [
        text
        | {
            "name": "name:a",
            "text": "<b>Ann</b>  2001–2009  ✓ filtered",
            "x": 0,
            "y": pytest.approx(0.25),  # half a 0.42 bar and 0.04 above the row's centre
            "yanchor": "bottom",
            "font": {"size": 12, "color": "#111"},
        },
        # No events: the words start at the axis, in grey.
        text
        | {
            "name": "total:a",
            "text": "no events",
            "x": 0,
            "y": 0.0,
            "xshift": 0,
            "font": {"size": 12, "color": "#767676"},
        },
        text
        | {
            "name": "name:b",
            "text": "<b>Bob</b>  2001–2009",
            "x": 0,
            "y": pytest.approx(-0.75),
            "yanchor": "bottom",
            "font": {"size": 12, "color": "#111"},
        },
        # Events: the words start 4 pixels after the bar's end, in black.
        text
        | {
            "name": "total:b",
            "text": "<b>3</b>",
            "x": 3,
            "y": -1.0,
            "xshift": 4,
            "font": {"size": 12, "color": "#111"},
        },
    ]
    # The band fills the chosen term's whole slot, across the panel's width, behind the bars.
    assert shapes == [
        {
            "name": "selected:a",
            "type": "rect",
            "xref": "x2 domain",
            "yref": "y2",
            "x0": 0,
            "x1": 1,
            "y0": -0.5,
            "y1": 0.5,
            "fillcolor": "#fff4c2",
            "line": {"width": 0},
            "layer": "below",
        }
    ]


def test_a_panels_axes_are_hidden_fixed_and_fit_its_terms():
    from timeline.compare import _axes

    # Five terms at y = 0 .. -4: the range leaves a little room below the last bar and for the
    # first name above the top one.
    assert _axes(2, (0.1, 0.4), 5, 7) == {
        "xaxis2": {"visible": False, "fixedrange": True, "range": [0, 7], "domain": [0, 1], "anchor": "y2"},
        "yaxis2": {
            "visible": False,
            "fixedrange": True,
            "range": [pytest.approx(-4.55), 0.6],
            "domain": [0.1, 0.4],
            "anchor": "x2",
        },
    }
    assert _axes(1, (0.5, 1.0), 1, 1)["yaxis"]["range"] == [pytest.approx(-0.55), 0.6]


def test_a_panel_title_and_the_key_sit_at_the_left_edge_above_their_top():
    from timeline.compare import _key, _title

    placed = {"xref": "paper", "yref": "paper", "x": 0, "xanchor": "left", "yanchor": "bottom", "showarrow": False}
    assert _title("A & B", 0.5) == placed | {"text": "A &amp; B", "y": 0.5, "font": {"size": 15, "color": "#111"}}
    key = _key(0.75)
    assert key == placed | {
        "text": key["text"],  # the key's words are checked in test_categories_stack_to_the_total...
        "y": 0.75,
        "font": {"size": 12, "color": "#111"},
        "name": "key",
        "yshift": 30,
        "align": "left",
    }


def test_panel_titles_the_key_and_the_clickable_bars_of_the_figure(edges):
    figure = build_compare_figure(summarise_administrations(edges))
    titles = [(a.text, a.y, a.font.size) for a in figure.layout.annotations if a.name is None]
    # Two panels of five terms share the height: the US panel's top at 1, Mexico's at 0.47.
    assert titles == [("United States", 1.0, 15), ("Mexico", pytest.approx(0.47), 15)]
    key = next(a for a in figure.layout.annotations if a.name == "key")
    assert (key.y, key.font.size, key.yshift) == (1.0, 12, 30)
    # The clear row-wide bar reaches the longest bar's end (4 events), where the words begin.
    assert [list(t.x) for t in figure.data if t.name == "term"] == [[4, 4, 4, 4, 4]] * 2


def test_the_figure_is_white_fixed_and_without_a_legend(edges):
    layout = build_compare_figure(summarise_administrations(edges)).layout
    assert (layout.barmode, layout.bargap, layout.showlegend, layout.hovermode) == ("overlay", 0, False, "closest")
    assert (layout.dragmode, layout.clickmode) == (False, "event+select")
    assert (layout.plot_bgcolor, layout.paper_bgcolor) == ("white", "white")
    assert layout.hoverlabel.to_plotly_json() == {
        "bgcolor": "white",
        "bordercolor": "#767676",
        "align": "left",
        "font": {"color": "#111", "size": 12},
    }
    assert layout.font.family == "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def test_a_summary_without_terms_draws_an_empty_figure(edges):
    figure = build_compare_figure(summarise_administrations(edges).iloc[0:0])
    assert (len(figure.data), len(figure.layout.annotations), len(figure.layout.shapes)) == (0, 0, 0)
    assert figure.layout.height == 44  # only the key's room
