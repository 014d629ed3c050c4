"""What is scheduled, months in noun phrases, dates counted from other dates, spans and
"today": each kind of issue 13 at its edges, in English and in Spanish, and the held-out set
the figures in the README come from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from timeline.suggest import find_date_expressions, suggest
from timeline.suggest.labels import evaluate_articles

D = dt.date
THURSDAY = D(2024, 3, 7)
HELDOUT = Path(__file__).parent / "articles" / "heldout"


def read(text: str, anchor: dt.date = THURSDAY, language: str = "en") -> dict[str, tuple]:
    """phrase -> (date, precision, span end, anchor) for every expression found."""
    return {
        e.phrase: (e.date, e.precision, e.span_end, e.anchor) for e in find_date_expressions(text, anchor, language)
    }


def day_of(text: str, phrase: str, anchor: dt.date = THURSDAY, language: str = "en") -> str | None:
    return read(text, anchor, language)[phrase][0]


# --------------------------------------------------------------------------- what is scheduled


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The new rules will take effect Friday.", "Friday", "2024-03-08"),  # the day after a Thursday
        ("The programme starts Wednesday.", "Wednesday", "2024-03-13"),  # present tense of a schedule
        ("The programme runs from next Wednesday.", "next Wednesday", "2024-03-13"),
        ("Starting Monday, trucks use the new lane.", "Monday", "2024-03-11"),
        ("Effective Tuesday, the port opens at six.", "Tuesday", "2024-03-12"),
        ("The bridge will remain closed until Sunday.", "Sunday", "2024-03-10"),  # "closed" is no past here
        ("The office stays open until Sunday.", "Sunday", "2024-03-10"),  # "until", and no other cue
        ("The office was closed until Sunday.", "Sunday", "2024-03-03"),  # a past verb in its clause
        ("Officials met Friday.", "Friday", "2024-03-01"),  # no cue: looking back
        ("The talks are due to resume Thursday.", "Thursday", "2024-03-07"),  # ahead, the day itself
    ],
)
def test_a_scheduled_weekday_lies_ahead(text, phrase, expected):
    assert day_of(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Las nuevas reglas entrarán en vigor el viernes.", "el viernes", "2024-03-08"),
        ("La medida entra en vigor el martes.", "el martes", "2024-03-12"),
        ("La garita abre a partir del lunes.", "lunes", "2024-03-11"),
        ("El programa funciona hasta el domingo.", "el domingo", "2024-03-10"),
        ("Los funcionarios se reunieron el martes.", "el martes", "2024-03-05"),
    ],
)
def test_a_scheduled_weekday_lies_ahead_in_spanish(text, phrase, expected):
    assert day_of(text, phrase, language="es") == expected


def test_a_candidate_ahead_of_publication_is_scheduled_and_planned_in_its_yaml():
    text = "Officials met Wednesday. The rules will take effect Friday."
    met, effect = suggest(text, published=THURSDAY).candidates
    assert (met.date, met.scheduled, "status: planned" in met.yaml) == ("2024-03-06", False, False)
    assert (effect.date, effect.scheduled, "status: planned" in effect.yaml) == ("2024-03-08", True, True)
    entry = yaml.safe_load(effect.yaml)[0]
    assert entry["date_evidence"]["phrase"] == "Friday" and "note" not in entry["date_evidence"]


# --------------------------------------------------------------------------- months in noun phrases


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (D(2024, 3, 31), "2023-04"),  # April not yet come: last year's
        (D(2024, 4, 1), "2024-04"),  # the publication's own month counts
        (D(2024, 5, 1), "2024-04"),
    ],
)
def test_a_month_in_a_noun_phrase_is_the_latest_one(anchor, expected):
    assert day_of("An April summit set the agenda.", "April", anchor) == expected


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The June agreement held.", "June"),
        ("Its October talks went well.", "October"),
        ("Mexico's September vote mattered.", "September"),
        ("The May elections mattered.", "May"),
        ("The March summit opened.", "March"),
    ],
)
def test_months_heading_a_noun_phrase_are_dates(text, phrase):
    assert read(text, D(2024, 12, 1))[phrase][1] == "month"


@pytest.mark.parametrize(
    "text",
    [
        "The March of Dimes gave money.",  # a name
        "A June Carter song played.",  # a name, capitalised after the month
        "Traffic usually peaks between November and April.",  # every year
    ],
)
def test_months_that_are_no_date(text):
    assert read(text, D(2024, 12, 1)) == {}


def test_a_scheduled_month_in_a_noun_phrase_lies_ahead():
    assert day_of("The commission will hold its October talks in Laredo.", "October", D(2024, 3, 7)) == "2024-10"
    assert day_of("La reunión de marzo fijó la agenda.", "marzo", D(2024, 2, 7), "es") == "2023-03"
    assert day_of("La reunión de marzo será en Monterrey.", "marzo", D(2024, 2, 7), "es") == "2024-03"


# --------------------------------------------------------------------------- counted from another date


def test_dates_counted_from_the_date_before_them():
    got = read(
        "On March 3 the talks opened. The following day, delegates toured the bridge. "
        "Two days later, they signed. A year earlier, a first round failed.",
        D(2024, 3, 20),
    )
    assert got["March 3"] == ("2024-03-03", "day", None, None)
    assert got["The following day"] == ("2024-03-04", "day", None, "2024-03-03")
    assert got["Two days later"] == ("2024-03-06", "day", None, "2024-03-04")  # from the date just before
    assert got["A year earlier"] == ("2023", "year", None, "2024-03-06")


def test_an_attribution_or_a_start_is_no_anchor():
    got = read("Officers found the rifles on Saturday, officials said Monday. The next morning, agents searched.")
    assert got["The next morning"][0] == "2024-03-03"  # after Saturday, not after the attribution
    got = read("The team, at work since 2021, met on Tuesday. The day before, it had rained.")
    assert got["The day before"][0] == "2024-03-04"


def test_an_anchor_coarser_than_the_phrase_gives_its_own_precision():
    got = read("In January the plan stalled. Two days later, it moved.", D(2024, 3, 7))
    assert got["Two days later"] == ("2024-01", "month", None, "2024-01-01")
    got = read("In January the plan stalled. A month later, it moved.", D(2024, 3, 7))
    assert got["A month later"] == ("2024-02", "month", None, "2024-01-01")


def test_with_no_date_before_it_an_anchored_phrase_counts_from_the_publication():
    assert read("The following day, the port reopened.")["The following day"] == ("2024-03-08", "day", None, None)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Al día siguiente", "2024-03-04"),
        ("Tres semanas después", "2024-03-18"),  # the week of 24 March ... its Monday
        ("La víspera", "2024-03-02"),
        ("El mismo día", "2024-03-03"),
        ("Esa misma mañana", "2024-03-03"),
        ("Un año antes", "2023"),
    ],
)
def test_spanish_dates_counted_from_the_date_before_them(phrase, expected):
    text = f"El 3 de marzo comenzaron las pláticas. {phrase}, los delegados recorrieron el puente."
    assert read(text, D(2024, 3, 30), "es")[phrase][0] == expected


def test_an_anchored_candidate_carries_its_anchor_into_its_yaml():
    text = "Officials met on Tuesday in Nogales. Two days later, the governors signed the accord."
    _met, signed = suggest(text, published=D(2024, 3, 8), source="wire").candidates
    evidence = yaml.safe_load(signed.yaml)[0]["date_evidence"]
    assert (signed.anchor, signed.anchor_phrase, signed.date) == ("2024-03-05", "Tuesday", "2024-03-07")
    assert evidence["anchor"] == "2024-03-05" and evidence["anchor_phrase"] == "Tuesday"
    assert (
        evidence["note"] == '"Two days later" counts from "Tuesday" (2024-03-05), a date stated earlier in the article.'
    )


# --------------------------------------------------------------------------- spans


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("It will spend $20 million over the next two years.", "over the next two years", ("2024", "2026")),
        ("In the past three months, seizures doubled.", "In the past three months", ("2023-12", "2024-03")),
        ("For the next 90 days, a pilot runs.", "For the next 90 days", ("2024-03-07", "2024-06-05")),
        ("Over the past year, crossings fell.", "Over the past year", ("2023", "2024")),
    ],
)
def test_a_span_runs_from_or_to_the_publication(text, phrase, expected):
    date, _precision, end, _anchor = read(text)[phrase]
    assert (date, end) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In the coming months, more lanes open.",
        "In the last week of March, lanes closed.",
        "The next few years matter.",
    ],
)
def test_vague_durations_are_no_span(text):
    assert all(end is None for _d, _p, end, _a in read(text).values())


def test_spanish_spans():
    got = read(
        "Invertirá 20 millones durante los próximos dos años. En los últimos tres meses bajaron los cruces. "
        "En los próximos meses habrá más carriles.",
        language="es",
    )
    assert got["durante los próximos dos años"][::2] == ("2024", "2026")
    assert got["En los últimos tres meses"][::2] == ("2023-12", "2024-03")
    assert "En los próximos meses" not in got and "meses" not in got


def test_a_span_candidate_has_an_end_in_its_yaml():
    (c,) = suggest("The agency will spend $5 million over the next two years.", published=THURSDAY).candidates
    entry = yaml.safe_load(c.yaml)[0]
    assert (entry["date"], entry["end"], entry["status"], c.scheduled) == ("2024", "2026", "planned", True)


# --------------------------------------------------------------------------- today


@pytest.mark.parametrize("phrase", ["today", "tonight", "this morning", "this evening"])
def test_today_and_tonight_are_the_publication_day(phrase):
    assert day_of(f"The ministers said {phrase} that talks will go on.", phrase) == "2024-03-07"


@pytest.mark.parametrize(
    "text",
    [
        "Today, more trucks cross at Pharr than anywhere else.",
        '"Today there are patrols on both sides that act on information, and that will help," he said.',
        "Hoy, la frontera es otra.",
        "Hoy en día la cooperación es diaria.",
    ],
)
def test_today_meaning_nowadays_is_no_date(text):
    assert read(text, language="es" if text.startswith("Hoy") else "en") == {}


def test_today_of_a_sentence_that_tells_an_event_is_a_date():
    assert day_of("Today, officials announced a deal.", "Today") == "2024-03-07"
    assert day_of("Hoy, los funcionarios anunciaron un acuerdo.", "Hoy", language="es") == "2024-03-07"


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ("March 7, 2024", "2024-03-07"),  # the publication day itself: nothing to move
        ("March 6, 2024", "2024-03-06"),  # a caption a day older than its page
        ("February 29, 2024", "2024-02-29"),  # seven days: still the caption's own day
        ("February 28, 2024", "2024-03-07"),  # eight: too old to be the caption's; the page's day
    ],
)
def test_today_in_a_paragraph_that_opens_with_its_own_date(stated, expected):
    text = f"Harris greets the president on {stated} in Washington. Today, the president is scheduled to meet Biden."
    assert day_of(text, "Today") == expected


def test_a_new_paragraph_has_the_page_date():
    text = (
        "Harris greets the president on March 6, 2024 in Washington.\nToday, the president is scheduled to meet Biden."
    )
    assert day_of(text, "Today") == "2024-03-07"


# --------------------------------------------------------------------------- the held-out set


def heldout(language: str) -> list[dict]:
    return yaml.safe_load((HELDOUT / f"labels_{language}.yaml").read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_heldout_set_is_big_enough_and_covers_every_kind(language):
    articles = heldout(language)
    labels = [label for a in articles for label in a["labels"]]
    assert len(articles) >= 8 and len(labels) >= 60
    assert {a["style"] for a in articles} == {"wire", "statement", "analysis"}
    kinds = {label["kind"] for label in labels}
    assert kinds == {"stamp", "absolute", "relative", "scheduled", "month-np", "anchored", "span", "today"}
    assert {a["part"] for a in articles} == {"dev", "test"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_suggest_reads_the_heldout_set(language):
    """The figures in the README (bench/suggest_eval.py): recall and precision at least 0.9 in
    each language, and each kind of date at least 0.85."""
    result = evaluate_articles(heldout(language), HELDOUT)
    score = result.score
    assert score.recall >= 0.9, score.misses + score.wrong
    assert score.precision >= 0.9, score.wrong + score.extras
    for kind, (labels, correct) in score.kinds.items():
        assert correct / labels >= 0.85, (kind, score.misses, score.wrong)
    assert result.published_accuracy >= 0.6, result.published_wrong


# --------------------------------------------------------------------------- publication stamps


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("AGENCY\n\nFOR IMMEDIATE RELEASE — September 30, 2020\n\nThe commission said.", "en", "2020-09-30"),
        ("Release date: 06/16/2023\n\nThe bridge opened.", "en", "2023-06-16"),
        ("Posted 06-Dec-2022 13:05\n\nThe port opened.", "en", "2022-12-06"),
        ("Título\n\n06/Dic/2022 13:05\n\nLa garita abrió.", "es", "2022-12-06"),
        ("SECRETARÍA\nComunicado 112/2024 · 27-04-2024 · Ciudad de México\n\nLa reunión terminó.", "es", "2024-04-27"),
    ],
)
def test_release_and_bulletin_stamps(text, language, expected):
    from timeline.suggest import detect_published

    assert str(detect_published(text, language=language).date) == expected


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        ("in January 2021", "2021-02-07"),  # an earlier month: that year can hold the dateline
        ("in February 2021", "2021-02-07"),  # the same month: still that year
        ("in March 2021", "2022-02-07"),  # a later month named: the article is a year on
        ("on December 3, 2021", "2022-02-07"),
    ],
)
def test_a_dateline_without_a_year_follows_the_latest_month_named(named, expected):
    from timeline.suggest import detect_published

    text = f"LAREDO, Texas, Feb. 7 (Frontera Wire) — Officers found rifles. The pledge was made {named}."
    assert str(detect_published(text).date) == expected


def test_a_short_sentence_with_a_verb_is_news_not_a_stamp():
    from timeline.suggest import is_stamp_line

    assert is_stamp_line("Posted March 3, 2022")
    assert is_stamp_line("March 3, 2022 10:40 AM")
    assert not is_stamp_line("Construction began on March 3, 2022.")
    assert not is_stamp_line("Work will start on March 3, 2022.")
