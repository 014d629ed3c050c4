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
        {"id": "us-x", "country": "US", "name": "X", "party": "P", "start": "2009-01-20", "end": "2017-01-20"}
    )
    assert admin.covers(dt.date(2017, 1, 20), dt.date(2017, 1, 20))
    assert not admin.covers(dt.date(2017, 1, 21), dt.date(2018, 1, 1))
    assert admin.covers(dt.date(2000, 1, 1), dt.date(2009, 1, 20))
