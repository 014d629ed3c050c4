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


# Each validator's exact words: the curator reads them, so a changed message is a changed behaviour.


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("bell \u0007 here", "contains the control character U+0007; remove it"),
        ("delete \x7f", "contains the control character U+007F; remove it"),
        ("c1 \x85 next line", "contains the control character U+0085; remove it"),
        ("hidden \u2067 isolate", "contains the bidirectional control U+2067; remove it"),
        ("override \u202e", "contains the bidirectional control U+202E; remove it"),
        ("", "must not be empty"),
        (" \t ", "must not be empty"),
        ("two\nlines", "must be one line"),
    ],
)
def test_a_title_is_refused_with_its_reason(title, message):
    assert messages(Event, {**EVENT, "title": title}) == {"title": message}


@pytest.mark.parametrize("title", ["tab\tinside", " spaced ", "line end\n", "\u00a0no-break\u00a0space", "Año ñ é"])
def test_tabs_outer_newlines_and_accents_are_allowed_in_a_line(title):
    # A tab and a newline at either end are not hidden characters; the title is kept as written.
    assert Event.model_validate({**EVENT, "title": title}).title == title


def test_a_label_is_kept_without_its_outer_spaces_and_counted_without_them():
    label = " " + "x" * 40 + " "
    assert Event.model_validate(labelled(label)).label == "x" * 40


@pytest.mark.parametrize("slug", ["Not-A-Slug", "a--b", "-a", "a-", "a_b", "a b", ""])
def test_a_bad_id_is_refused_with_the_rule(slug):
    assert messages(Event, {**EVENT, "id": slug}) == {
        "id": f'"{slug}" is not a slug: use lower-case letters, digits and single hyphens'
    }


@pytest.mark.parametrize("slug", ["a", "a-b", "x9-2022", "0"])
def test_a_good_id_is_kept(slug):
    assert Event.model_validate({**EVENT, "id": slug}).id == slug


SOURCE = {
    "id": "s",
    "file": "a.txt",
    "title": "t",
    "outlet": "o",
    "url": "https://example.org/a",
    "published": {"date": "2022-01-01", "found_in": "record", "note": "n"},
}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://x.org/a", '"ftp://x.org/a" is not an http(s) address; only http:// and https:// links are allowed'),
        ("https://", '"https://" is not an http(s) address; only http:// and https:// links are allowed'),
        ("example.org/a", '"example.org/a" is not an http(s) address; only http:// and https:// links are allowed'),
        ("http://a b.org/", "an address must not contain spaces"),
        ("https://a.org/\u202ex", "contains the bidirectional control U+202E; remove it"),
    ],
)
def test_a_bad_address_is_refused_with_its_reason(url, message):
    assert messages(Source, {**SOURCE, "url": url}) == {"url": message}


def test_an_address_is_kept_without_its_outer_spaces():
    source = Source.model_validate({**SOURCE, "url": "  http://example.org/a?b=1&c=2  "})
    assert source.url == "http://example.org/a?b=1&c=2"
    assert source.language == "en"


def test_a_publication_date_must_be_a_day():
    data = {**SOURCE, "published": {"date": "2022-01", "found_in": "text"}}
    assert messages(Source, data) == {"published.date": "2022-01 must be a full date YYYY-MM-DD"}
    published = Source.model_validate({**SOURCE, "published": {"date": "2022-01-31", "found_in": "url"}}).published
    assert published.date.isoformat() == "2022-01-31" and (published.phrase, published.note) == (None, None)
    assert Source.model_validate(SOURCE).model_dump(mode="json")["published"]["date"] == "2022-01-01"


def test_a_publication_date_keeps_a_partial_date_given_as_one():
    from timeline.dates import PartialDate

    data = {**SOURCE, "published": {"date": PartialDate(2022, 3, 4), "found_in": "text"}}
    assert Source.model_validate(data).published.date.isoformat() == "2022-03-04"
    data = {**SOURCE, "published": {"date": PartialDate(2022, 3), "found_in": "text"}}
    assert messages(Source, data) == {"published.date": "2022-03 must be a full date YYYY-MM-DD"}


ADMIN = {
    "id": "us-x",
    "country": "US",
    "name": "X",
    "party": "P",
    "start": "2009-01-20",
    "translations": {"es": {"name": "Equis"}},
}


def test_an_administration_may_have_a_short_name_on_one_line():
    assert Administration.model_validate(ADMIN).short_name is None
    assert Administration.model_validate({**ADMIN, "short_name": "Equis"}).short_name == "Equis"
    assert set(errors(Administration, {**ADMIN, "short_name": "two\nlines"})) == {("short_name", "value_error")}


def test_an_administration_names_itself_in_each_language():
    admin = Administration.model_validate(ADMIN)
    assert (admin.name_in("en"), admin.name_in("es"), admin.end) == ("X", "Equis", None)


def test_an_administration_without_a_translation_is_told_what_to_write():
    assert messages(Administration, {**ADMIN, "translations": {}}) == {
        "translations": "no es translation; add translations: {es: {name: ...}}"
    }
    assert messages(Administration, {k: v for k, v in ADMIN.items() if k != "translations"}) == {
        "translations": "no es translation; add translations: {es: {name: ...}}"
    }


def test_a_translation_in_an_unknown_language_is_named():
    data = {**ADMIN, "translations": {"es": {"name": "Equis"}, "fr": {"name": "Iks"}}}
    assert messages(Administration, data) == {
        "translations": '"fr" is not a language of this timeline; translations are written under es'
    }


def test_with_two_translated_languages_every_one_is_named(monkeypatch):
    # One translated language today (es): a second one must be listed, comma-separated, in both
    # messages, which a single language never shows.
    import timeline.models

    monkeypatch.setattr(timeline.models, "TRANSLATED", ("es", "fr"))
    assert messages(Administration, {**ADMIN, "translations": {}}) == {
        "translations": "no es, fr translation; add translations: {es: {name: ...}}"
    }
    assert messages(Administration, {**ADMIN, "translations": {"fr": {"name": "Iks"}}}) == {
        "translations": "no es translation; add translations: {es: {name: ...}}"
    }
    assert messages(Administration, {**ADMIN, "translations": {"de": {"name": "Iks"}}}) == {
        "translations": '"de" is not a language of this timeline; translations are written under es, fr'
    }


def test_an_open_term_covers_every_later_day():
    import datetime as dt

    admin = Administration.model_validate(ADMIN)
    assert admin.covers(dt.date(2030, 1, 1), dt.date(2030, 1, 2))
    assert admin.covers(dt.date(2009, 1, 19), dt.date(2009, 1, 20))
    assert not admin.covers(dt.date(2009, 1, 18), dt.date(2009, 1, 19))


def test_an_event_without_a_translation_is_told_what_to_write():
    unlabelled = {**EVENT, "translations": {}}
    assert messages(Event, unlabelled) == {
        "translations": "no es translation; add translations: {es: {title: ..., summary: ...}}"
    }
    with_label = {**EVENT, "label": "L", "translations": {}}
    assert messages(Event, with_label) == {
        "translations": "no es translation; add translations: {es: {title: ..., summary: ..., label: ...}}"
    }


def test_labels_must_be_in_both_languages_or_neither():
    no_es_label = {**EVENT, "label": "L"}
    assert messages(Event, no_es_label) == {
        "translations": "es: no label; the event has one, so give its translation one too"
    }
    only_es_label = {**EVENT, "translations": {"es": {"title": "T", "summary": "R.", "label": "E"}}}
    assert messages(Event, only_es_label) == {
        "translations": "es: a label, but the event has none; add the English label too, or remove this"
    }


def test_an_event_gives_its_words_in_each_language():
    event = Event.model_validate(labelled("Label", "Etiqueta"))
    assert event.text_in("en") == ("Title", "Label", "Summary.")
    assert event.text_in("es") == ("Título", "Etiqueta", "Resumen.")


@pytest.mark.parametrize(
    ("value", "ok"),
    [(0, False), (-0.5, False), (0.01, True), (1.5e9, True), (float("inf"), False), (float("nan"), False)],
)
def test_an_amount_must_be_a_positive_finite_number(value, ok):
    data = {**EVENT, "amounts": [{"value": value, "currency": "USD", "what": "x"}]}
    if ok:
        assert Event.model_validate(data).amounts[0].value == value
    else:
        assert "amounts.0.value" in messages(Event, data)


@pytest.mark.parametrize(
    ("currency", "ok"), [("USD", True), ("MXN", True), ("usd", False), ("US", False), ("USDX", False)]
)
def test_a_currency_is_three_capital_letters(currency, ok):
    data = {**EVENT, "amounts": [{"value": 1, "currency": currency, "what": "x"}]}
    if ok:
        assert Event.model_validate(data).amounts[0].currency == currency
    else:
        assert set(messages(Event, data)) == {"amounts.0.currency"}


def test_an_event_spans_its_first_to_its_last_day():
    import datetime as dt

    event = Event.model_validate({**EVENT, "date": "2022-07", "end": "2023"})
    assert (event.first_day(), event.last_day()) == (dt.date(2022, 7, 1), dt.date(2023, 12, 31))
    event = Event.model_validate({**EVENT, "date": "2022-02"})
    assert (event.first_day(), event.last_day()) == (dt.date(2022, 2, 1), dt.date(2022, 2, 28))
    assert event.model_dump(mode="json")["date"] == "2022-02" and event.model_dump(mode="json")["end"] is None


def test_models_are_frozen():
    event = Event.model_validate(EVENT)
    with pytest.raises(ValidationError):
        event.title = "changed"


def test_an_anchor_phrase_is_one_line():
    evidence = {**EVENT["date_evidence"], "anchor_phrase": "on July 12"}
    assert Event.model_validate({**EVENT, "date_evidence": evidence}).date_evidence.anchor_phrase == "on July 12"
    evidence = {**EVENT["date_evidence"], "anchor_phrase": "a\nb"}
    assert messages(Event, {**EVENT, "date_evidence": evidence}) == {"date_evidence.anchor_phrase": "must be one line"}
