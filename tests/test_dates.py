"""Date derivation for every phrase kind the shipped data uses, and the partial-date type."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import (
    PartialDate,
    check_derivation,
    format_partial_date,
    parse_absolute,
    parse_partial_date,
    resolve_phrase,
)

D = dt.date


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected", "period"),
    [
        ("Tuesday", D(2022, 7, 13), "2022-07-12", "day"),  # weekday before a Wednesday anchor
        ("This Wednesday", D(2024, 2, 28), "2024-02-28", "day"),  # 'this' + the anchor's own weekday
        ("this Thursday", D(2024, 2, 28), "2024-02-29", "day"),  # 'this' looks ahead within the week
        ("last month", D(2022, 7, 12), "2022-06", "month"),
        ("this month", D(2024, 2, 28), "2024-02", "month"),
        ("last year", D(2022, 7, 13), "2021", "year"),
        ("this year", D(2024, 2, 28), "2024", "year"),
        ("June", D(2022, 7, 13), "2022-06", "month"),  # a bare month is the latest one before
        ("April", D(2022, 7, 12), "2022-04", "month"),
        ("January", D(2024, 2, 28), "2024-01", "month"),
        ("December", D(2024, 2, 28), "2023-12", "month"),  # December in a February article: last year
        ("November", D(2018, 12, 13), "2018-11", "month"),
        ("July 12, 2022", D(2022, 7, 13), "2022-07-12", "day"),
        ("2024", D(2024, 2, 28), "2024", "year"),
        # read by the date rules, as dateparser reads none of them
        ("January of last year", D(2024, 2, 28), "2023-01", "month"),
        ("tonight", D(2024, 2, 28), "2024-02-28", "day"),
        ("two days later", D(2024, 2, 27), "2024-02-29", "day"),  # the anchor is the date it counts from
        ("the following week", D(2024, 2, 28), "2024-03", "week"),  # the week of 4 March
        ("a year earlier", D(2024, 2, 28), "2023", "year"),
        ("that same morning", D(2024, 2, 28), "2024-02-28", "day"),
        ("over the next two years", D(2024, 2, 28), "2024", "year"),  # a span: its start
        ("in the last seven months", D(2018, 12, 13), "2018-05", "month"),
    ],
)
def test_resolve_phrase_kinds(phrase, anchor, expected, period):
    res = resolve_phrase(phrase, anchor)
    assert res is not None
    assert res.period == period
    derivation, message = check_derivation(parse_partial_date(expected), phrase, anchor, has_note=False)
    assert message is None
    assert derivation.status == "auto"
    assert str(derivation.resolved).startswith(expected)


TESTED_PHRASES = {
    "tuesday",
    "this wednesday",
    "this thursday",
    "last month",
    "this month",
    "last year",
    "this year",
    "june",
    "april",
    "january",
    "december",
    "november",
    "july 12, 2022",
    "2024",
    "this week",
    "january of last year",
}


def test_every_automatic_phrase_kind_in_the_shipped_data_is_tested_here(shipped):
    used = {e.date_evidence.phrase.lower() for e in shipped.events if shipped.derivations[e.id].status == "auto"}
    assert used - TESTED_PHRASES == set(), "add the new phrase kind to test_resolve_phrase_kinds"


def test_week_phrase_supports_a_month_but_not_a_day():
    anchor = D(2018, 12, 13)
    assert check_derivation(PartialDate(2018, 12), "this week", anchor, False)[0].status == "auto"
    derivation, message = check_derivation(PartialDate(2018, 12, 12), "this week", anchor, False)
    assert derivation is None and "gives only a week" in message


@pytest.mark.parametrize("phrase", ["this fall", "months ago", "in recent weeks"])
def test_phrases_no_reader_can_date_need_a_note(phrase):
    anchor = D(2018, 12, 13)
    assert resolve_phrase(phrase, anchor) is None
    derivation, message = check_derivation(PartialDate(2018, 7, 1), phrase, anchor, has_note=False)
    assert derivation is None and "cannot resolve" in message
    derivation, message = check_derivation(PartialDate(2018, 7, 1), phrase, anchor, has_note=True)
    assert derivation.status == "manual" and message is None


def test_a_phrase_looks_ahead_only_when_asked():
    # "Friday" in a Thursday article: the Friday before, unless the event is planned
    thursday = D(2024, 3, 7)
    assert resolve_phrase("Friday", thursday).day == D(2024, 3, 1)
    assert resolve_phrase("Friday", thursday, way="future").day == D(2024, 3, 8)
    derivation, message = check_derivation(PartialDate(2024, 3, 8), "Friday", thursday, False, "en", "future")
    assert message is None and derivation.status == "auto"
    assert check_derivation(PartialDate(2024, 3, 8), "Friday", thursday, False, "en")[1] is not None
    # Spanish is read with the rules, both ways
    assert resolve_phrase("el viernes", thursday, "es").day == D(2024, 3, 1)
    assert resolve_phrase("el viernes", thursday, "es", "future").day == D(2024, 3, 8)


def test_starts_on_gives_the_first_day_of_each_period():
    from timeline.dates import Resolution, starts_on

    assert starts_on(Resolution(D(2024, 3, 7), "day")) == D(2024, 3, 7)
    assert starts_on(Resolution(D(2024, 3, 7), "week")) == D(2024, 3, 4)  # its Monday
    assert starts_on(Resolution(D(2024, 3, 4), "week")) == D(2024, 3, 4)
    assert starts_on(Resolution(D(2024, 3, 10), "week")) == D(2024, 3, 4)  # Sunday: the same week
    assert starts_on(Resolution(D(2024, 3, 7), "month")) == D(2024, 3, 1)
    assert starts_on(Resolution(D(2024, 3, 7), "year")) == D(2024, 1, 1)


def test_same_weekday_as_anchor_is_read_as_the_week_before():
    # A bare "Tuesday" in a Tuesday article means the week before to dateparser: such a
    # date needs a note (the validator reports it rather than accepting it).
    derivation, message = check_derivation(PartialDate(2022, 7, 12), "Tuesday", D(2022, 7, 12), has_note=False)
    assert derivation is None and "to 2022-07-05, not 2022-07-12" in message


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2024-02-28 23:10:56", dt.datetime(2024, 2, 28, 23, 10, 56)),
        ("1709165832", dt.datetime(2024, 2, 29, 0, 17, 12)),  # epoch seconds are UTC
        ("20130725", dt.datetime(2013, 7, 25)),
        ("2018/12/13", dt.datetime(2018, 12, 13)),
        ("Thu, Mar 28, 2024", dt.datetime(2024, 3, 28)),
    ],
)
def test_parse_absolute_stamps(stamp, expected):
    assert parse_absolute(stamp) == expected


def test_epoch_is_utc_whatever_the_machine_zone(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/Mexico_City")
    time.tzset()
    try:
        parse_absolute.cache_clear()
        assert parse_absolute("1709165832") == dt.datetime(2024, 2, 29, 0, 17, 12)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
        parse_absolute.cache_clear()


@pytest.mark.parametrize(
    ("text", "precision", "label", "first", "last"),
    [
        ("2013", "year", "2013", D(2013, 1, 1), D(2013, 12, 31)),
        ("2024-02", "month", "Feb 2024", D(2024, 2, 1), D(2024, 2, 29)),
        ("2013-07-23", "day", "Jul 23, 2013", D(2013, 7, 23), D(2013, 7, 23)),
        (2021, "year", "2021", D(2021, 1, 1), D(2021, 12, 31)),
    ],
)
def test_partial_dates(text, precision, label, first, last):
    date = parse_partial_date(text)
    assert date.precision == precision
    assert format_partial_date(date) == label
    assert (date.first_day(), date.last_day()) == (first, last)
    assert str(date) == str(text)


@pytest.mark.parametrize("bad", ["2013-7", "13-07-2013", "2013-02-30", "July 2013", "", None, True, "2013-13"])
def test_bad_partial_dates(bad):
    with pytest.raises(ValueError):
        parse_partial_date(bad)


# --------------------------------------------------------------------------- Spanish phrases

WEDNESDAY = D(2024, 2, 28)


@pytest.mark.parametrize(
    ("phrase", "expected", "period"),
    [
        # weekdays: "el martes" and "este miércoles" dateparser cannot read; the anchor's own
        # weekday is the anchor day, as suggest reads it
        ("el martes", "2024-02-27", "day"),
        ("martes", "2024-02-27", "day"),
        ("el miércoles", "2024-02-28", "day"),
        ("este miércoles", "2024-02-28", "day"),
        ("este jueves", "2024-02-29", "day"),  # 'este' is the anchor's week, as 'this Thursday'
        ("el pasado martes", "2024-02-27", "day"),
        ("el martes pasado", "2024-02-27", "day"),
        ("el próximo lunes", "2024-03-04", "day"),
        ("el lunes 26", "2024-02-26", "day"),
        ("el martes por la mañana", "2024-02-27", "day"),
        # weeks, months and years, this, last and next
        ("la semana pasada", "2024-02", "week"),
        ("esta semana", "2024-02", "week"),
        ("la próxima semana", "2024-03", "week"),
        ("la semana que viene", "2024-03", "week"),
        ("el mes pasado", "2024-01", "month"),
        ("este mes", "2024-02", "month"),
        ("el próximo mes", "2024-03", "month"),
        ("el año pasado", "2023", "year"),
        ("este año", "2024", "year"),
        ("el año que viene", "2025", "year"),
        ("a principios de mes", "2024-02", "month"),
        ("a finales del año pasado", "2023", "year"),
        # counted back, and the days next to the anchor
        ("hace tres días", "2024-02-25", "day"),
        ("hace 3 días", "2024-02-25", "day"),
        ("hace dos semanas", "2024-02", "week"),
        ("hace un mes", "2024-01", "month"),
        ("hace dos años", "2022", "year"),
        ("ayer", "2024-02-27", "day"),
        ("anteayer", "2024-02-26", "day"),
        ("mañana", "2024-02-29", "day"),
        ("pasado mañana", "2024-03-01", "day"),
        # months and written dates
        ("en julio", "2023-07", "month"),
        ("julio", "2023-07", "month"),
        ("febrero", "2024-02", "month"),
        ("desde marzo", "2023-03", "month"),
        ("a mediados de enero", "2024-01", "month"),
        ("julio de 2023", "2023-07", "month"),
        ("julio del año pasado", "2023-07", "month"),
        ("el 23 de julio", "2023-07-23", "day"),
        ("el pasado 23 de julio", "2023-07-23", "day"),
        ("el próximo 5 de marzo", "2024-03-05", "day"),
        ("1º de marzo", "2023-03-01", "day"),
        ("23 de julio de 2023", "2023-07-23", "day"),
        ("28/02/2024", "2024-02-28", "day"),
        ("05/03/2024", "2024-03-05", "day"),  # day first
        # years and holidays
        ("en 2020", "2020", "year"),
        ("desde 2020", "2020", "year"),
        ("a finales de 2023", "2023", "year"),
        ("2023", "2023", "year"),
        ("Navidad", "2023-12-25", "day"),
    ],
)
def test_resolve_spanish_phrase_kinds(phrase, expected, period):
    res = resolve_phrase(phrase, WEDNESDAY, "es")
    assert res is not None, phrase
    assert res.period == period
    derivation, message = check_derivation(parse_partial_date(expected), phrase, WEDNESDAY, False, "es")
    assert message is None
    assert derivation.status == "auto"
    assert str(derivation.resolved).startswith(expected)


@pytest.mark.parametrize("phrase", ["el martes", "este miércoles", "hace tres días", "el pasado 23 de julio"])
def test_dateparser_alone_cannot_read_these_spanish_phrases(phrase):
    # Why Spanish is read with suggest's rules: dateparser's Spanish reads none of these.
    from dateparser.date import DateDataParser

    base = dt.datetime(2024, 2, 28)
    data = DateDataParser(languages=["es"], settings={"RELATIVE_BASE": base}).get_date_data(phrase)
    assert data.date_obj is None
    assert resolve_phrase(phrase, WEDNESDAY, "es") is not None


@pytest.mark.parametrize("phrase", ["el verano", "este verano", "la semana", "durante meses", "el mes de julio"])
def test_spanish_phrases_the_validator_does_not_read_need_a_note(phrase):
    assert resolve_phrase(phrase, WEDNESDAY, "es") is None
    derivation, message = check_derivation(PartialDate(2023, 7), phrase, WEDNESDAY, has_note=False, language="es")
    assert derivation is None and "cannot resolve" in message
    derivation, message = check_derivation(PartialDate(2023, 7), phrase, WEDNESDAY, has_note=True, language="es")
    assert derivation.status == "manual"


def test_a_spanish_phrase_finer_than_its_period_or_wrong_is_reported():
    derivation, message = check_derivation(PartialDate(2024, 2, 20), "la semana pasada", WEDNESDAY, False, "es")
    assert derivation is None and "gives only a week" in message
    derivation, message = check_derivation(PartialDate(2024, 2, 20), "el martes", WEDNESDAY, False, "es")
    assert derivation is None
    assert 'resolves "el martes" against 2024-02-28 to 2024-02-27, not 2024-02-20' in message


def test_english_phrases_are_still_read_by_dateparser_alone():
    # the rules are the Spanish reading; in English the same weekday is still the week before
    assert resolve_phrase("Wednesday", WEDNESDAY) == resolve_phrase("Wednesday", WEDNESDAY, "en")
    assert resolve_phrase("Wednesday", WEDNESDAY).day == D(2024, 2, 21)
    assert resolve_phrase("el martes", WEDNESDAY) is None  # not English


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("28 de febrero de 2024", dt.datetime(2024, 2, 28)),
        ("miércoles, 28 de febrero de 2024", dt.datetime(2024, 2, 28)),
        ("28/02/2024", dt.datetime(2024, 2, 28)),
        ("05/03/2024", dt.datetime(2024, 3, 5)),  # day first: 5 March
        ("1º de marzo de 2024", dt.datetime(2024, 3, 1)),
        ("28 feb 2024", dt.datetime(2024, 2, 28)),
        ("2024-02-28 23:10:56", dt.datetime(2024, 2, 28, 23, 10, 56)),
        ("1709165832", dt.datetime(2024, 2, 29, 0, 17, 12)),
    ],
)
def test_parse_absolute_spanish_stamps(stamp, expected):
    assert parse_absolute(stamp, "es") == expected


def test_a_numeric_stamp_is_read_in_its_language_order():
    assert parse_absolute("05/03/2024", "en") == dt.datetime(2024, 5, 3)
    assert parse_absolute("05/03/2024", "es") == dt.datetime(2024, 3, 5)


# --------------------------------------------------------------------------- the validator on a Spanish source

ES_ARTICLE = """\
Comisión fronteriza revisa su calendario

Publicado el 28 de febrero de 2024

Los equipos se reunieron el martes en Nogales. Este miércoles firmaron el acta. Las pláticas empezaron la semana
pasada y el mes pasado hubo una ronda técnica. El año pasado se creó la comisión. Hace tres días llegó la
delegación; ayer revisaron el texto y mañana lo publicarán. El pasado 23 de julio se anunció el plan, y el 23 de
julio se presentó en Tijuana. A principios de mes se publicaron cifras. A finales de 2023 cayeron los cruces. En
julio se firmó el convenio. Durante el verano hubo más cruces. El próximo lunes viajarán a Tucson y la próxima
semana se reunirán en Phoenix. Hace 2 semanas hablaron por teléfono. Desde 2020 cooperan. El lunes 26 se instaló
la mesa técnica. En julio del año pasado se habló de ampliar los horarios.
"""

# phrase -> (curated date, planned): every kind of phrase the validator reads in Spanish
ES_EVENTS = {
    "el martes": ("2024-02-27", False),
    "Este miércoles": ("2024-02-28", False),
    "la semana pasada": ("2024-02", False),
    "el mes pasado": ("2024-01", False),
    "El año pasado": ("2023", False),
    "Hace tres días": ("2024-02-25", False),
    "ayer": ("2024-02-27", False),
    "mañana": ("2024-02-29", True),
    "El pasado 23 de julio": ("2023-07-23", False),
    "el 23 de julio": ("2023-07-23", False),
    "A principios de mes": ("2024-02", False),
    "A finales de 2023": ("2023", False),
    "En julio": ("2023-07", False),
    "El próximo lunes": ("2024-03-04", True),
    "la próxima semana": ("2024-03", True),
    "Hace 2 semanas": ("2024-02", False),
    "Desde 2020": ("2020", False),
    "El lunes 26": ("2024-02-26", False),
    "julio del año pasado": ("2023-07", False),
    "28 de febrero de 2024": ("2024-02-28", False),
}


def es_event(index: int, phrase: str, date: str, planned: bool, note: str | None = None) -> str:
    lines = [
        f"  - id: es-event-{index}",
        f"    title: Evento {index}",
        *(["    status: planned"] if planned else []),
        "    summary: Un evento de prueba.",
        "    category: diplomacy",
        "    actors: [Comisión]",
        f"    date: {date}",
        "    date_evidence:",
        "      source: es-wire",
        f"      phrase: {phrase}",
        "      anchor: 2024-02-28",
        *([f"      note: {note}"] if note else []),
        "    excerpts:",
        f"      - {{source: es-wire, quote: {phrase}}}",
        "    translations:",
        f"      es: {{title: Evento {index}, summary: Un evento de prueba.}}",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def spanish_dataset(tmp_path, monkeypatch):
    """A tiny dataset: a Spanish source (and a second whose stamp is day first) and one event
    for each kind of Spanish date phrase."""
    import shutil

    from conftest import Tiny

    from timeline import DEFAULT_DATA_DIR

    monkeypatch.chdir(tmp_path)
    data_dir, seeds_dir = tmp_path / "data", tmp_path / "seeds"
    data_dir.mkdir()
    seeds_dir.mkdir()
    (seeds_dir / "es-wire.txt").write_text(ES_ARTICLE, encoding="utf-8")
    (seeds_dir / "es-dayfirst.txt").write_text("Titular\n\n05/03/2024\n\nLos equipos se reunieron ayer.\n", "utf-8")
    shutil.copy(DEFAULT_DATA_DIR / "administrations.yaml", data_dir / "administrations.yaml")
    source = (
        "  - id: {id}\n    file: {id}.txt\n    title: Titular\n    outlet: Agencia de prueba\n"
        "    url: https://example.org/{id}\n    language: es\n"
        "    published: {{date: {date}, found_in: text, phrase: '{phrase}'}}\n"
    )
    (data_dir / "sources.yaml").write_text(
        "sources:\n"
        + source.format(id="es-wire", date="2024-02-28", phrase="28 de febrero de 2024")
        + source.format(id="es-dayfirst", date="2024-03-05", phrase="05/03/2024"),
        encoding="utf-8",
    )
    events = [es_event(i, phrase, date, planned) for i, (phrase, (date, planned)) in enumerate(ES_EVENTS.items())]
    events.append(
        es_event(len(events), "el verano", "2023-06", False, note="The summer of 2023, the article's verano.")
    )
    (data_dir / "events.yaml").write_text("events:\n" + "\n".join(events), encoding="utf-8")
    return Tiny(data_dir, seeds_dir)


def test_the_validator_reads_every_spanish_phrase_kind(spanish_dataset):
    dataset = spanish_dataset.load()
    assert dataset.sources["es-wire"].language == "es"
    assert dataset.published_status == {"es-wire": "auto", "es-dayfirst": "auto"}  # 05/03/2024 read day first
    by_phrase = {e.date_evidence.phrase: dataset.derivations[e.id] for e in dataset.events}
    for phrase, (date, _planned) in ES_EVENTS.items():
        assert by_phrase[phrase].status == "auto", phrase
        assert str(by_phrase[phrase].resolved).startswith(date), phrase
    assert by_phrase["el verano"].status == "manual"  # a season needs its note, as in English


def test_the_validator_reports_a_wrong_spanish_date(spanish_dataset):
    spanish_dataset.replace("events.yaml", "date: 2024-02-27\n", "date: 2024-02-20\n")  # "el martes"
    spanish_dataset.replace("events.yaml", "date: 2023-07-23\n", "date: 2022-07-23\n")  # "El pasado 23 de julio"
    problems = spanish_dataset.problems()
    assert len(problems) == 2, problems
    assert 'resolves "el martes" against 2024-02-28 to 2024-02-27, not 2024-02-20' in problems[0]
    assert 'resolves "El pasado 23 de julio" against 2024-02-28 to 2023-07-23, not 2022-07-23' in problems[1]


def test_the_validator_reads_a_spanish_phrase_in_english_only_when_the_source_says_so(spanish_dataset):
    spanish_dataset.replace("sources.yaml", "    language: es\n", "")  # es-wire becomes English
    problems = spanish_dataset.problems()
    assert 'dateparser cannot resolve "el martes" against 2024-02-28' in problems[0]
    assert sum("dateparser cannot resolve" in p for p in problems) == len(ES_EVENTS)  # read as English, none is
    assert problems[-1].startswith('data/sources.yaml:7: source "es-wire": published.date: "28 de febrero de 2024"')


# Boundary tests for issue 14: what mutation testing showed no test read (scripts/mutation.sh).


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "True is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),  # a bool is no year
        (3.5, "3.5 is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2024-00", "2024-00 is not a real date (month or day 00)"),
        ("2024-00-05", "2024-00-05 is not a real date (month or day 00)"),  # month 00, day fine
        ("2024-05-00", "2024-05-00 is not a real date (month or day 00)"),  # day 00, month fine
        ("2023-02-29", "2023-02-29 is not a real date (day is out of range for month)"),
    ],
)
def test_partial_date_errors_say_what_is_wrong(value, message):
    with pytest.raises(ValueError) as info:
        parse_partial_date(value)
    assert str(info.value) == message


def test_a_year_may_be_written_as_a_number():
    assert str(parse_partial_date(2024)) == "2024" and str(parse_partial_date(" 2024-02-29 ")) == "2024-02-29"


def test_derivation_messages_name_the_reader_and_the_fix():
    anchor = D(2018, 12, 13)
    _d, message = check_derivation(PartialDate(2018, 7, 1), "this fall", anchor, False)
    assert message == (
        'dateparser cannot resolve "this fall" against 2018-12-13; '
        "use a phrase it reads or add a note that explains the date"
    )
    _d, message = check_derivation(PartialDate(2018, 7, 1), "el otoño", anchor, False, "es")
    assert message.startswith('the date rules cannot resolve "el otoño" against 2018-12-13')
    _d, message = check_derivation(PartialDate(2018, 12, 12), "this week", anchor, False)
    assert message == '"this week" gives only a week (2018-12-13), but 2018-12-12 is a day; write 2018-12 or add a note'
    _d, message = check_derivation(PartialDate(2018, 11, 5), "last month", anchor, False)
    assert message == '"last month" gives only a month (2018-11), but 2018-11-05 is a day; write 2018-11 or add a note'
    _d, message = check_derivation(PartialDate(2017, 5), "last year", anchor, False)
    assert message == '"last year" gives only a year (2017), but 2017-05 is a month; write 2017 or add a note'
    _d, message = check_derivation(PartialDate(2018, 10), "last month", anchor, False)
    assert message == (
        'dateparser resolves "last month" against 2018-12-13 to 2018-11, not 2018-10; '
        "fix the date, the phrase or the anchor, or add a note that explains the date"
    )
    _d, message = check_derivation(PartialDate(2018, 10), "el mes pasado", anchor, False, "es")
    assert message.startswith('the date rules resolves "el mes pasado"')


def test_a_derivation_keeps_what_the_phrase_gave():
    anchor = D(2018, 12, 13)
    auto, _m = check_derivation(PartialDate(2018, 11), "last month", anchor, False)
    assert (auto.status, str(auto.resolved), auto.period) == ("auto", "2018-11", "month")
    finer, _m = check_derivation(PartialDate(2018, 11, 5), "last month", anchor, True)
    assert (finer.status, str(finer.resolved), finer.period) == ("manual", "2018-11", "month")
    other, _m = check_derivation(PartialDate(2018, 10), "last month", anchor, True)
    assert (other.status, str(other.resolved), other.period) == ("manual", "2018-11", "month")
    unread, _m = check_derivation(PartialDate(2018, 10), "this fall", anchor, True)
    assert (unread.status, unread.resolved, unread.period) == ("manual", None, None)
