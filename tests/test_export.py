"""Exports round-trip: what goes out as CSV, JSON or TimelineJS comes back the same."""

from __future__ import annotations

import csv
import io
import json

import pytest

from timeline.export import CSV_COLUMNS, export_csv, export_events, export_json, export_timelinejs


def test_json_round_trips_every_event(shipped):
    records = json.loads(export_json(shipped))["events"]
    assert [r["id"] for r in records] == [e.id for e in shipped.events]
    for record, event in zip(records, shipped.events, strict=True):
        assert record["date"] == str(event.date)
        assert record["title"] == event.title
        assert record["excerpts"] == [x.model_dump() for x in event.excerpts]
        assert record["us_administrations"] and record["mx_administrations"]
        assert {c["source"] for c in record["citations"]} == {x.source for x in event.excerpts}
        assert all(c["url"].startswith("http") for c in record["citations"])


def test_csv_round_trips_and_names_administrations(shipped):
    rows = list(csv.DictReader(io.StringIO(export_csv(shipped))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [e.id for e in shipped.events]
    by_id = {r["id"]: r for r in rows}
    assert by_id["smart-border-pledge-2022"]["date"] == "2022-07-12"
    assert by_id["smart-border-pledge-2022"]["us_administrations"] == "Joe Biden"
    assert by_id["smart-border-pledge-2022"]["mx_administrations"] == "Andrés Manuel López Obrador"
    assert by_id["border-security-memorandum-2013"]["date_derivation"] == "manual"
    for row, event in zip(rows, shipped.events, strict=True):
        assert row["title"] == event.title and row["summary"] == event.summary
        assert row["actors"].split("; ") == list(event.actors)


def test_events_spanning_a_handover_name_both_administrations(shipped):
    year_2018 = [e for e in shipped.events if str(e.date) == "2018"]
    for event in year_2018:
        assert shipped.mx_admins[event.id] == ["mx-pena-nieto", "mx-lopez-obrador"]


def test_timelinejs_has_dates_at_their_precision_and_eras(shipped):
    doc = json.loads(export_timelinejs(shipped))
    assert len(doc["events"]) == len(shipped.events)
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert slides["smart-border-pledge-2022"]["start_date"] == {"year": 2022, "month": 7, "day": 12}
    month_event = next(e for e in shipped.events if e.date.precision == "month")
    assert "day" not in slides[month_event.id]["start_date"]
    assert len(doc["eras"]) == len(shipped.administrations)
    assert all("end_date" in era for era in doc["eras"])


def test_timelinejs_escapes_html(tiny):
    tiny.replace("events.yaml", "title: Talks begin", "title: <img src=x onerror=alert(1)>")
    doc = json.loads(export_timelinejs(tiny.load()))
    headline = next(s for s in doc["events"] if s["unique_id"] == "talks-begin")["text"]["headline"]
    assert headline == "&lt;img src=x onerror=alert(1)&gt;"


def test_export_a_subset(shipped):
    subset = shipped.events[:3]
    assert len(json.loads(export_events(shipped, "json", subset))["events"]) == 3


def test_titles_read_as_written_in_csv_and_json(tiny):
    written = "Talks on \"smart\" <ports> & O'Neil's Peña"
    tiny.replace("events.yaml", "title: Talks begin", f"title: '{written.replace(chr(39), chr(39) * 2)}'")
    dataset = tiny.load()
    rows = list(csv.DictReader(io.StringIO(export_events(dataset, "csv", dataset.events))))
    assert written in [r["title"] for r in rows]
    assert written in [e["title"] for e in json.loads(export_events(dataset, "json", dataset.events))["events"]]


def test_csv_and_json_carry_both_languages(shipped):
    event = shipped.event("smart-border-pledge-2022")
    title_es, label_es, summary_es = event.text_in("es")
    row = next(r for r in csv.DictReader(io.StringIO(export_csv(shipped))) if r["id"] == event.id)
    assert (row["title"], row["label"], row["summary"]) == (event.title, event.label, event.summary)
    assert (row["title_es"], row["label_es"], row["summary_es"]) == (title_es, label_es, summary_es)
    assert (
        row["title_es"]
        == 'México se compromete a invertir 1,500 millones de dólares en infraestructura fronteriza "inteligente"'
    )
    record = next(r for r in json.loads(export_json(shipped))["events"] if r["id"] == event.id)
    assert record["translations"]["es"] == {"title": title_es, "label": label_es, "summary": summary_es}
    # The column names do not change with the reader's language: a script reading them keeps working.
    from timeline.i18n import language

    with language("es"):
        assert tuple(next(csv.reader(io.StringIO(export_csv(shipped))))) == CSV_COLUMNS


def test_timelinejs_speaks_the_readers_language(shipped):
    from timeline.i18n import language

    with language("es"):
        doc = json.loads(export_timelinejs(shipped))
    event = shipped.event("border-security-memorandum-2013")
    slide = next(s for s in doc["events"] if s["unique_id"] == event.id)
    assert slide["text"]["headline"] == event.text_in("es")[0]
    assert slide["display_date"] == "23 jul 2013"
    assert slide["group"] == "acuerdo"
    assert doc["title"]["text"]["headline"] == "Cooperación fronteriza entre México y Estados Unidos"
    english = json.loads(export_timelinejs(shipped))
    slide = next(s for s in english["events"] if s["unique_id"] == event.id)
    assert (slide["display_date"], slide["group"]) == ("Jul 23, 2013", "agreement")
    assert slide["text"]["headline"] == event.title


def test_timelinejs_open_term_ends_today(shipped):
    import datetime as dt

    doc = json.loads(export_timelinejs(shipped))
    today = dt.date.today()
    open_terms = [a for a in shipped.administrations if a.end is None]
    assert open_terms
    ends = [e["end_date"] for e in doc["eras"]]
    assert {"year": today.year, "month": today.month, "day": today.day} in ends
    assert all(e["year"] <= today.year for e in ends)  # no era runs into a far year


# Boundary test for issue 14: the header is written out here, not read from CSV_COLUMNS, so a
# column dropped from (or added to) the export is noticed; the same in either reader's language.
EXPECTED_CSV_HEADER = [
    "id",
    "date",
    "end",
    "precision",
    "title",
    "title_es",
    "label",
    "label_es",
    "category",
    "summary",
    "summary_es",
    "actors",
    "amounts",
    "us_administrations",
    "mx_administrations",
    "date_phrase",
    "date_source",
    "date_anchor",
    "date_derivation",
    "date_note",
    "sources",
    "citations",
]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_csv_header_is_every_column_in_order(tiny, lang):
    from timeline.i18n import language

    dataset = tiny.load()
    with language(lang):
        rows = list(csv.reader(io.StringIO(export_csv(dataset))))
    assert rows[0] == EXPECTED_CSV_HEADER
    assert [len(row) for row in rows] == [22, 22, 22]  # the header and two events, no cell missing
    by_id = {row[0]: dict(zip(EXPECTED_CSV_HEADER, row, strict=True)) for row in rows[1:]}
    assert by_id["border-plan"]["amounts"] == "1500000000 USD (border technology)"
    assert by_id["border-plan"]["title_es"] == "Acuerdan plan fronterizo"
    assert by_id["talks-begin"]["date_phrase"] == "last month"


# Boundary tests for issue 14: what mutation testing (scripts/mutation.sh) showed no test read:
# every cell of a row, the empty cells, the separators, and the JSON's layout.


def enrich(tiny) -> None:
    """border-plan gets an end, a label and a curator's note; talks-begin stays bare."""
    tiny.replace("events.yaml", "    date: 2022-07-12\n", "    date: 2022-07-12\n    end: 2022-07-20\n")
    tiny.replace(
        "events.yaml", "title: Leaders agree on border plan\n", "title: Leaders agree on border plan\n    label: Plan\n"
    )
    tiny.replace(
        "events.yaml", "{es: {title: Acuerdan plan fronterizo,", "{es: {title: Acuerdan plan fronterizo, label: Plan,"
    )
    tiny.replace("events.yaml", "      phrase: Tuesday\n", "      phrase: Tuesday\n      note: The wire's own day.\n")


def test_every_cell_of_the_csv(tiny):
    enrich(tiny)
    rows = export_csv(tiny.load()).splitlines(keepends=True)
    assert rows[1] == (
        "talks-begin,2022-06,,month,Talks begin,Comienzan las conversaciones,,,diplomacy,Officials start talking.,"
        "Los funcionarios empiezan a dialogar.,Officials,,Joe Biden,Andrés Manuel López Obrador,last month,"
        'wire-2022,2022-07-13,auto,,wire-2022,"Example Wire, ""Leaders agree on border plan"", 2022-07-13, '
        'https://example.org/2022/07/13/leaders-agree"\n'
    )
    assert rows[2] == (
        "border-plan,2022-07-12,2022-07-20,day,Leaders agree on border plan,Acuerdan plan fronterizo,Plan,Plan,"
        "funding,The presidents agree to spend money on border technology.,Invertirán en tecnología fronteriza.,"
        "United States; Mexico,1500000000 USD (border technology),Joe Biden,Andrés Manuel López Obrador,Tuesday,"
        "wire-2022,2022-07-13,auto,The wire's own day.,wire-2022,"
        '"Example Wire, ""Leaders agree on border plan"", 2022-07-13, https://example.org/2022/07/13/leaders-agree"\n'
    )
    assert len(rows) == 3  # lines end in \n, never \r\n


def test_csv_joins_with_semicolons_and_bars(shipped):
    rows = list(csv.DictReader(io.StringIO(export_csv(shipped))))
    by_id = {r["id"]: r for r in rows}
    spanning = [r for r in rows if "; " in r["us_administrations"]]
    assert spanning, "an event across a handover names both terms"
    assert all(not r["us_administrations"].startswith(";") for r in rows)
    cited = [r for r in rows if " | " in r["citations"]]
    assert cited and all(r["sources"].count("; ") == len(set(r["sources"].split("; "))) - 1 for r in cited)
    assert by_id  # every row has its id


def test_json_is_indented_by_two_and_keeps_accents(tiny):
    text = export_json(tiny.load())
    assert text.startswith('{\n  "events": [\n    {\n      "id": "talks-begin",\n')
    assert '"summary": "Invertirán en tecnología fronteriza."' in text  # not \u00e1
    assert text.endswith("\n  ]\n}\n")


def test_export_events_picks_each_format(tiny):
    dataset = tiny.load()
    assert export_events(dataset, "csv") == export_csv(dataset)
    assert export_events(dataset, "json") == export_json(dataset)
    assert export_events(dataset, "timelinejs") == export_timelinejs(dataset)
    subset = [dataset.event("border-plan")]
    assert export_events(dataset, "csv", subset).count("\n") == 2


# The exact separators: a second amount, a second quote from the same article, a second source and
# a date across the January 2021 handover (a note makes that date the curator's own).
SECOND_SOURCE = """
  - id: gazette-2022
    file: gazette.txt
    title: Border plan "explained"
    outlet: The Gazette
    url: https://example.org/gazette?a=1&b=2
    published: {date: 2022-07-14, found_in: record, note: From the print edition.}
"""


def widen(tiny) -> None:
    """border-plan: two amounts, two quotes from the wire and one from a second source."""
    (tiny.seeds_dir / "gazette.txt").write_text("The plan puts money into border technology.\n", encoding="utf-8")
    tiny.write("sources.yaml", (tiny.data_dir / "sources.yaml").read_text(encoding="utf-8") + SECOND_SOURCE)
    tiny.replace(
        "events.yaml",
        "        what: border technology\n",
        "        what: border technology\n      - value: 2000000\n        currency: MXN\n        what: staff\n",
    )
    tiny.replace(
        "events.yaml",
        "        quote: agreed to spend $1.5 billion on border technology\n",
        "        quote: agreed to spend $1.5 billion on border technology\n"
        "      - source: gazette-2022\n        quote: The plan puts money into border technology.\n"
        "      - source: wire-2022\n        quote: The agreement follows talks\n",
    )
    # talks-begin: from 2018 to January 2021, across both countries' handovers; a date its
    # phrase does not give, so a note says why
    tiny.replace("events.yaml", "    date: 2022-06\n", "    date: 2018\n    end: 2021-01\n")
    tiny.replace(
        "events.yaml", "      phrase: last month\n", "      phrase: last month\n      note: Per the archive.\n"
    )


def test_csv_lists_are_joined_by_semicolons_and_citations_by_bars(tiny):
    widen(tiny)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export_csv(tiny.load())))}
    plan, talks = rows["border-plan"], rows["talks-begin"]
    assert plan["amounts"] == "1500000000 USD (border technology); 2000000 MXN (staff)"
    assert plan["sources"] == "wire-2022; gazette-2022"  # each source once, in the order cited
    assert plan["citations"] == (
        'Example Wire, "Leaders agree on border plan", 2022-07-13, https://example.org/2022/07/13/leaders-agree'
        ' | The Gazette, "Border plan "explained"", 2022-07-14, https://example.org/gazette?a=1&b=2'
        ' | Example Wire, "Leaders agree on border plan", 2022-07-13, https://example.org/2022/07/13/leaders-agree'
    )
    assert talks["us_administrations"] == "Donald Trump; Joe Biden"
    assert talks["mx_administrations"] == "Enrique Peña Nieto; Andrés Manuel López Obrador"
    assert (talks["date_derivation"], talks["date_note"]) == ("manual", "Per the archive.")


def test_a_record_of_an_event_outside_the_dataset_has_no_derivation_citations_or_terms(tiny):
    from timeline.export import event_record
    from timeline.models import Event

    dataset = tiny.load()
    outsider = Event.model_validate(
        {
            **dataset.event("talks-begin").model_dump(mode="json"),
            "id": "not-loaded",
        }
    )
    record = event_record(dataset, outsider)
    assert (record["date_derivation"], record["citations"]) == (None, [])
    assert (record["us_administrations"], record["mx_administrations"]) == ([], [])
    assert (record["date_evidence"]["anchor"], record["date"]) == ("2022-07-13", "2022-06")
    (row,) = csv.DictReader(io.StringIO(export_csv(dataset, [outsider])))
    assert (row["date_derivation"], row["sources"], row["citations"], row["us_administrations"]) == ("", "", "", "")


def test_timelinejs_document_in_full(tiny):
    from timeline.i18n import language

    enrich(tiny)
    widen(tiny)
    with language("en"):
        text = export_timelinejs(tiny.load())
    assert text.startswith('{\n  "title": {\n    "text": {\n      "headline": "US–Mexico border cooperation",\n')
    assert text.endswith("\n}\n")
    doc = json.loads(text)
    assert doc["title"] == {
        "text": {
            "headline": "US–Mexico border cooperation",
            "text": "Every event linked to the sentences that report it.",
        }
    }
    talks, plan = doc["events"]
    assert talks == {
        "unique_id": "talks-begin",
        "start_date": {"year": 2018},
        "display_date": "2018",
        "text": {
            "headline": "Talks begin",
            "text": "<p>Officials start talking.</p><blockquote>The agreement follows talks that began last month"
            '</blockquote><p>— <a href="https://example.org/2022/07/13/leaders-agree">Example Wire, '
            "Leaders agree on border plan</a> (2022-07-13)</p>",
        },
        "group": "diplomacy",
        "end_date": {"year": 2021, "month": 1},
    }
    assert plan["start_date"] == {"year": 2022, "month": 7, "day": 12}
    assert plan["end_date"] == {"year": 2022, "month": 7, "day": 20}
    assert plan["text"]["text"].count("<blockquote>") == 3
    assert plan["text"]["text"].count("(2022-07-13)</p><blockquote>") == 1  # one citation after another
    assert (
        '<a href="https://example.org/gazette?a=1&amp;b=2">The Gazette, Border plan &quot;explained&quot;</a>'
        in (plan["text"]["text"])
    )
    eras = {era["text"]["headline"]: era for era in doc["eras"]}
    assert len(doc["eras"]) == 10
    assert eras["US: Barack Obama"] == {
        "start_date": {"year": 2009, "month": 1, "day": 20},
        "text": {"headline": "US: Barack Obama"},
        "end_date": {"year": 2017, "month": 1, "day": 20},
    }
    assert eras["MX: Andrés Manuel López Obrador"]["end_date"] == {"year": 2024, "month": 9, "day": 30}


def test_timelinejs_in_spanish_names_terms_and_title_in_spanish(tiny):
    from timeline.i18n import language

    # a Spanish name unlike the English one, so the era's name shows which was taken
    tiny.replace(
        "administrations.yaml", "      es:\n        name: Barack Obama\n", "      es:\n        name: B. Obama\n"
    )
    with language("es"):
        doc = json.loads(export_timelinejs(tiny.load()))
    headlines = [era["text"]["headline"] for era in doc["eras"]]
    assert "US: B. Obama" in headlines and "US: Barack Obama" not in headlines
    assert doc["title"]["text"]["headline"] == "Cooperación fronteriza entre México y Estados Unidos"
    assert len(json.loads(export_timelinejs(tiny.load(), []))["events"]) == 0  # the events given, even none
    assert doc["events"][0]["text"]["headline"] == "Comienzan las conversaciones"
    assert len(json.loads(export_timelinejs(tiny.load(), []))["events"]) == 0  # the events given, even none
