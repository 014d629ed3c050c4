"""Strict models: unknown keys, bad slugs, bad addresses and hidden characters are errors."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from timeline.models import Administration, Event, Source

EVENT = {
    "id": "a-b",
    "title": "Title",
    "summary": "Summary.",
    "category": "funding",
    "actors": ["Mexico"],
    "date": "2022-07",
    "date_evidence": {"source": "s", "phrase": "last month", "anchor": "2022-08-01"},
    "excerpts": [{"source": "s", "quote": "q"}],
    "translations": {"es": {"title": "Título", "summary": "Resumen."}},
}


def labelled(label: str, es_label: str = "Etiqueta", **change) -> dict:
    """EVENT with an English label and its Spanish one."""
    return {
        **EVENT,
        **change,
        "label": label,
        "translations": {"es": {"title": "Título", "summary": "Resumen.", "label": es_label}},
    }


def errors(model, data):
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return {(".".join(map(str, e["loc"])), e["type"]) for e in info.value.errors()}


def test_valid_event():
    event = Event.model_validate(EVENT)
    assert str(event.date) == "2022-07" and event.date.precision == "month"
    assert event.model_dump(mode="json")["date_evidence"]["anchor"] == "2022-08-01"


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"extra": 1}, "extra"),
        ({"id": "Not A Slug"}, "id"),
        ({"category": "gossip"}, "category"),
        ({"actors": []}, "actors"),
        ({"date": "2022-7"}, "date"),
        ({"title": "two\nlines"}, "title"),
        ({"title": "zero\u200b\u0007bell"}, "title"),
        ({"summary": "hidden \u2067 isolate"}, "summary"),
        ({"amounts": [{"value": -1, "currency": "USD", "what": "x"}]}, "amounts.0.value"),
        ({"amounts": [{"value": 1, "currency": "dollars", "what": "x"}]}, "amounts.0.currency"),
        ({"date_evidence": {"source": "s", "phrase": "p", "anchor": "2022-08"}}, "date_evidence.anchor"),
    ],
)
def test_event_rejects(change, loc):
    assert loc in {name for name, _ in errors(Event, {**EVENT, **change})}


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.org/a", "https://", "http://a b.org/"]
)
def test_source_url_must_be_http(url):
    data = {
        "id": "s",
        "file": "a.txt",
        "title": "t",
        "outlet": "o",
        "url": url,
        "published": {"date": "2022-01-01", "found_in": "record", "note": "n"},
    }
    assert ("url", "value_error") in errors(Source, data)


def test_administration_covers_inclusive_days():
    import datetime as dt

    admin = Administration.model_validate(
        {
            "id": "us-x",
            "country": "US",
            "name": "X",
            "party": "P",
            "start": "2009-01-20",
            "end": "2017-01-20",
            "translations": {"es": {"name": "X"}},
        }
    )
    assert admin.covers(dt.date(2017, 1, 20), dt.date(2017, 1, 20))
    assert not admin.covers(dt.date(2017, 1, 21), dt.date(2018, 1, 1))
    assert admin.covers(dt.date(2000, 1, 1), dt.date(2009, 1, 20))


def messages(model, data) -> dict[str, str]:
    """Each error's message by location, as the validator shows it (without pydantic's prefix)."""
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return {".".join(map(str, e["loc"])): e["msg"].removeprefix("Value error, ") for e in info.value.errors()}


def test_new_fields_default_to_an_unlabelled_reported_event():
    event = Event.model_validate(EVENT)
    assert (event.label, event.headline, event.status) == (None, False, "reported")


def test_label_of_40_characters_is_accepted():
    label = "x" * 40
    assert Event.model_validate(labelled(label)).label == label


def test_label_of_41_characters_is_refused_saying_length_and_limit():
    assert messages(Event, {**EVENT, "label": "x" * 41}) == {"label": "is 41 characters long; keep it to 40 or fewer"}


def test_label_length_counts_characters_not_bytes():
    label = "Arévalo takes office in Guatemala, Bárce"  # 40 characters, 42 bytes in UTF-8
    assert Event.model_validate(labelled(label, label)).label == label


@pytest.mark.parametrize("label", ["two\nlines", "   ", "hidden \u202e override"])
def test_label_must_be_one_clean_line(label):
    assert "label" in messages(Event, {**EVENT, "label": label})


def test_headline_without_label_is_refused():
    assert messages(Event, {**EVENT, "headline": True}) == {"label": "a headline event needs a label"}


def test_headline_with_label_is_accepted():
    event = Event.model_validate(labelled("Key event", headline=True))
    assert event.headline and event.label == "Key event"


def test_planned_status_is_accepted():
    assert Event.model_validate({**EVENT, "status": "planned"}).status == "planned"


@pytest.mark.parametrize("status", ["done", "Planned", "", None])
def test_unknown_status_is_refused(status):
    assert ("status", "literal_error") in errors(Event, {**EVENT, "status": status})


def test_cited_sources_are_the_excerpts_and_the_date_evidence_once_each():
    event = Event.model_validate(
        {
            **EVENT,
            "excerpts": [{"source": "b", "quote": "q"}, {"source": "s", "quote": "r"}, {"source": "b", "quote": "t"}],
        }
    )
    assert event.cited_sources() == ["b", "s"]
