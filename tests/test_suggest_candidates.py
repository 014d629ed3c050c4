"""Candidates (timeline.suggest.candidates): the sentence window, restating the publication date,
the anchor phrase check and dates described for people, at their edges."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from timeline.languages import get
from timeline.suggest.candidates import (
    _clip_sentence,
    _entry_date,
    _evidence_phrase,
    _states,
    build_candidate,
    build_yaml_snippet,
    describe_date,
)
from timeline.suggest.model import Expression, Published

NEWS = "Posted March 5, 2022. The council met on March 4, 2022."


def _expr(text, phrase, date, sentence):
    start = text.index(phrase)
    return Expression(
        phrase=phrase,
        start=start,
        end=start + len(phrase),
        date=date,
        precision="day",
        rule="explicit-date",
        core=phrase,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
    )


def _published(date, spans=()):
    return Published(date=date, evidence="given", kind="given", confidence="high", spans=spans)


# --------------------------------------------------------------------------- build_candidate


def test_a_candidate_is_built_in_english_when_no_language_is_given():
    expr = _expr(NEWS, "March 4, 2022", "2022-03-04", (22, 55))
    candidate = build_candidate(NEWS, expr, _published(dt.date(2022, 3, 5)), "todo-source")
    assert (candidate.sentence, candidate.start, candidate.end) == ("The council met on March 4, 2022.", 22, 55)
    assert (candidate.phrase_start, candidate.phrase_end) == (41, 54)
    assert candidate.restates is False
    assert candidate.scheduled is False


@pytest.mark.parametrize(
    ("spans", "restates"),
    [
        (((7, 41),), False),  # a stamp ending where the phrase starts
        (((54, 60),), False),  # a stamp starting where the phrase ends
        (((7, 42),), True),  # one character shared at the start
        (((53, 60),), True),  # one character shared at the end
    ],
)
def test_a_phrase_overlapping_a_publication_stamp_restates_it(spans, restates):
    expr = _expr(NEWS, "March 4, 2022", "2022-03-04", (22, 55))
    candidate = build_candidate(NEWS, expr, _published(dt.date(2022, 3, 5), spans), "todo-source", "en")
    assert candidate.restates is restates


@pytest.mark.parametrize(
    ("text", "sentence", "restates"),
    [
        ("Actualizado: 12 de julio de 2022\nLa planta cerró.", (0, 32), True),  # a Spanish page stamp
        ("La planta cerró el 12 de julio de 2022.\nNadie lo esperaba.", (0, 39), False),  # news
    ],
)
def test_a_spanish_stamp_line_restates_the_publication_date(text, sentence, restates):
    expr = _expr(text, "12 de julio de 2022", "2022-07-12", sentence)
    candidate = build_candidate(text, expr, _published(dt.date(2022, 7, 12)), "todo-source", "es")
    assert candidate.restates is restates


def test_a_very_long_sentence_is_cut_to_a_window_round_the_phrase_at_spaces():
    text = "ab " * 300 + "March 5, 2022" + " ab" * 300  # 1,813 characters, the phrase at 900
    expr = _expr(text, "March 5, 2022", "2022-03-05", (0, 1813))
    candidate = build_candidate(text, expr, _published(dt.date(2022, 3, 6)), "todo-source", "en")
    assert (candidate.start, candidate.end) == (309, 1504)
    assert candidate.sentence.startswith("ab ab ")
    assert candidate.sentence.endswith(" ab ab")
    assert len(candidate.sentence) == 1195


# --------------------------------------------------------------------------- _clip_sentence


@pytest.mark.parametrize(
    ("text", "bounds", "want"),
    [
        # 1,200 characters from 100: short enough, kept whole
        ("ab " * 500, (100, 1300, 600, 607), (100, 1300)),
        # 1,201 characters: cut after the phrase; the start is already inside the window
        ("ab " * 500, (100, 1301, 600, 607), (100, 1202)),
        # exactly 1,200 from the start of the text: kept whole
        ("ab " * 500, (0, 1200, 0, 7), (0, 1200)),
        # (1,200 - 13) // 2 = 593 characters each side, then moved in to the next space
        ("ab " * 300 + "March 5, 2022" + " ab" * 300, (0, 1813, 900, 913), (309, 1504)),
        # no space between the window start and the phrase: the word is cut
        ("x" * 900 + "March 5, 2022" + " ab" * 300, (0, 1813, 900, 913), (307, 1504)),
        # the phrase near the start: the sentence keeps its first word
        ("The March 5, 2022 meeting" + " ab" * 600, (0, 1825, 4, 17), (0, 607)),
        # a phrase longer than the window is kept, and nothing round it
        ("a" * 50 + "b" * 1200 + "c" * 50, (0, 1300, 50, 1250), (50, 1250)),
        # the window reaches the sentence end: its last word is kept whole, not cut back to a space
        ("ab " * 600 + "March 5, 2022 ends", (0, 1818, 1800, 1813), (1209, 1818)),
        # no space between the phrase and the window end: the word is cut, the phrase kept whole
        ("ab " * 300 + "March 5, 2022" + "x" * 900, (0, 1813, 900, 913), (309, 1506)),
    ],
)
def test_a_sentence_is_clipped_round_the_phrase_only_past_1200_characters(text, bounds, want):
    assert _clip_sentence(text, *bounds) == want


# --------------------------------------------------------------------------- _states

EN = get("en")
PUBLISHED = dt.date(2022, 3, 10)  # a Thursday


@pytest.mark.parametrize(
    ("phrase", "day", "planned", "language", "want"),
    [
        ("Tuesday", dt.date(2022, 3, 8), False, "en", True),  # the Tuesday before
        ("Tuesday", dt.date(2022, 3, 9), False, "en", False),  # read, but as another day
        ("Tuesday", dt.date(2022, 3, 15), False, "en", False),  # past only: not the next Tuesday
        ("Tuesday", dt.date(2022, 3, 15), True, "en", True),  # planned: read ahead too
        ("el martes", dt.date(2022, 3, 8), False, "es", True),  # read in the article's language
        ("", dt.date(2022, 3, 8), False, "en", False),
        (None, dt.date(2022, 3, 8), False, "en", False),
    ],
)
def test_an_anchor_phrase_states_its_day_only_when_read_alone_it_gives_that_day(phrase, day, planned, language, want):
    assert _states(phrase, day, PUBLISHED, get(language), planned) is want


# --------------------------------------------------------------------------- describe_date


@pytest.mark.parametrize(
    ("date", "precision", "want"),
    [
        (None, "day", "an unknown date"),
        ("2022-03-05", "day", "2022-03-05 (day)"),
        ("2022-03", "month", "2022-03 (month)"),
        ("2022-03-01", "season", "spring 2022 (Mar 2022–May 2022)"),
        ("2022-06-01", "season", "summer 2022 (Jun 2022–Aug 2022)"),
        ("2022-09-01", "season", "fall 2022 (Sep 2022–Nov 2022)"),
        ("2022-12-01", "season", "winter 2022 (Dec 2022–Feb 2023)"),  # ends in the next year
    ],
)
def test_a_date_is_described_at_its_precision_and_a_season_by_its_months(date, precision, want):
    assert describe_date(date, precision) == want


# --------------------------------------------------------------------------- build_yaml_snippet

THURSDAY = dt.date(2022, 3, 10)  # the publication date of the snippets below


def _expression(phrase, date, rule, precision="day", **more):
    """An expression as find_expressions gives it, its sentence being the phrase alone."""
    return Expression(
        phrase=phrase,
        start=0,
        end=len(phrase),
        date=date,
        precision=precision,
        rule=rule,
        core=more.pop("core", phrase),
        sentence_start=0,
        sentence_end=len(phrase),
        **more,
    )


def _evidence_of(snippet: str) -> dict:
    return yaml.safe_load(snippet)[0]["date_evidence"]


def test_a_snippet_is_one_entry_indented_under_events_its_long_quote_on_one_line():
    sentence = (
        "On Tuesday the council of the riverside town met for six hours and voted to rebuild the old stone "
        "bridge over the river."
    )  # 120 characters: wrapped at 80 columns it would not read as one quote
    expr = _expression("Tuesday", "2022-03-08", "weekday:past")
    assert build_yaml_snippet(sentence, expr, THURSDAY, "todo-source") == (
        "  - id: todo-2022-03-08\n"
        "    title: TODO\n"
        "    summary: TODO\n"
        "    category: TODO\n"
        "    actors:\n"
        "      - TODO\n"
        "    date: '2022-03-08'\n"
        "    date_evidence:\n"
        "      source: todo-source\n"
        "      phrase: Tuesday\n"
        "      anchor: '2022-03-10'\n"
        "    excerpts:\n"
        "      - source: todo-source\n"
        f"        quote: {sentence}\n"
        "    translations:\n"
        "      es:\n"
        "        title: TODO\n"
        "        summary: TODO\n"
    )


def test_a_blank_line_in_a_snippet_is_left_without_indent():
    # a source id broken by a blank line: the blank line gets no trailing spaces
    expr = _expression("Tuesday", "2022-03-08", "weekday:past")
    snippet = build_yaml_snippet("The council met.", expr, THURSDAY, "first\n\nsecond")
    assert "\n\n\n" in snippet
    assert [line for line in snippet.splitlines() if line.strip() == "" and line] == []


def test_an_expression_without_a_date_is_an_undated_entry_asking_for_the_date():
    expr = _expression("the day after", None, "anchored:+1-day")
    entry = yaml.safe_load(build_yaml_snippet("The day after, they met.", expr, THURSDAY, "src"))[0]
    assert (entry["id"], entry["date"]) == ("todo-undated", "TODO")
    assert entry["date_evidence"] == {
        "source": "src",
        "phrase": "the day after",
        "anchor": "2022-03-10",
        "note": "TODO: give the publication date as the anchor, then the date",
    }


def test_without_a_publication_date_the_anchor_is_todo():
    expr = _expression("Tuesday", "2022-03-08", "weekday:past")
    assert _evidence_of(build_yaml_snippet("On Tuesday they met.", expr, None, "src")) == {
        "source": "src",
        "phrase": "Tuesday",
        "anchor": "TODO",
        "note": "TODO: give the publication date as the anchor, then the date",
    }


def test_a_phrase_counted_from_a_planned_day_names_it_when_that_day_reads_ahead():
    # "Tuesday" read alone from Thursday 10 March looks ahead to the 15th only for what is planned
    expr = _expression(
        "Two days later",
        "2022-03-17",
        "anchored:+2-day",
        anchor="2022-03-15",
        anchor_precision="day",
        anchor_phrase="Tuesday",
    )
    entry = yaml.safe_load(build_yaml_snippet("Two days later, it opens.", expr, THURSDAY, "src"))[0]
    assert entry["status"] == "planned"
    assert entry["date_evidence"] == {
        "source": "src",
        "phrase": "Two days later",
        "anchor": "2022-03-15",
        "anchor_phrase": "Tuesday",
        "note": '"Two days later" counts from "Tuesday" (2022-03-15), a date stated earlier in the article.',
    }


def test_a_phrase_counted_from_a_day_itself_counted_asks_the_curator_to_explain():
    # "The next day" read alone from the publication is the 11th, not the 9th it stands for
    expr = _expression(
        "Two days later",
        "2022-03-11",
        "anchored:+2-day",
        anchor="2022-03-09",
        anchor_precision="day",
        anchor_phrase="The next day",
    )
    assert _evidence_of(build_yaml_snippet("Two days later, they met.", expr, THURSDAY, "src")) == {
        "source": "src",
        "phrase": "Two days later",
        "anchor": "2022-03-09",
        "note": 'TODO: explain the date. "Two days later" counts from "The next day" (2022-03-09), '
        "itself counted from another date in the article.",
    }


def test_an_unreadable_phrase_counted_from_a_stated_day_gets_both_notes():
    expr = _expression(
        "A while later",
        "2022-03-09",
        "anchored:x",
        anchor="2022-03-08",
        anchor_precision="day",
        anchor_phrase="Tuesday",
    )
    assert _evidence_of(build_yaml_snippet("A while later, they met.", expr, THURSDAY, "src"))["note"] == (
        'TODO: explain the date. "A while later" against 2022-03-08 means 2022-03-09 (day) (rule anchored:x); '
        'dateparser cannot read it. "A while later" counts from "Tuesday" (2022-03-08), a date stated earlier '
        "in the article."
    )


def test_a_span_of_weeks_ends_on_the_month_or_year_its_last_week_lies_in():
    # the week of Monday 28 March ends on Sunday 3 April: only its year is one
    expr = _expression("from the week of March 21", "2022-03-21", "span:x", "week", span_end="2022-03-28")
    entry = yaml.safe_load(build_yaml_snippet("They met from the week of March 21.", expr, THURSDAY, "src"))[0]
    assert (entry["date"], entry["end"]) == ("2022-03", "2022")


# --------------------------------------------------------------------------- _entry_date


@pytest.mark.parametrize(
    ("date", "precision", "want"),
    [
        (None, "day", "TODO"),
        ("2022-03-08", "day", "2022-03-08"),
        ("2022-07", "month", "2022-07"),
        ("2022-07-25", "week", "2022-07"),  # Monday 25 to Sunday 31 July: its month
        ("2022-02-28", "week", "2022"),  # Monday 28 February to Sunday 6 March: its year
        ("2021-12-27", "week", "2021-12-27"),  # across the new year: the Monday itself
    ],
)
def test_a_week_becomes_the_month_or_year_it_lies_in(date, precision, want):
    assert _entry_date(date, precision) == want


# --------------------------------------------------------------------------- _evidence_phrase


@pytest.mark.parametrize(
    ("expr", "want"),
    [
        # the weekday of a phrase dateparser cannot read
        (_expression("late on Tuesday", "2022-03-08", "weekday:past"), "Tuesday"),
        # the month of a month phrase and of an explicit one
        (_expression("late in March", "2022-03", "month:past", "month"), "March"),
        (_expression("early in March 2022", "2022-03", "explicit-month-year", "month"), "March"),
    ],
)
def test_the_evidence_phrase_falls_back_to_the_weekday_or_month_the_validator_reads(expr, want):
    assert _evidence_phrase(expr, expr.date, THURSDAY, EN) == (want, None)


def test_an_unreadable_phrase_keeps_no_shorter_form_when_its_rule_has_none():
    expr = _expression("late in March", "2022-03", "relative:x", "month")
    assert _evidence_phrase(expr, "2022-03", THURSDAY, EN) == (
        "late in March",
        'TODO: explain the date. "late in March" against 2022-03-10 means 2022-03 (month) (rule relative:x); '
        "dateparser cannot read it.",
    )


@pytest.mark.parametrize(
    ("planned", "note"),
    [
        (
            None,  # not given: read back only
            'TODO: explain the date. "Tuesday" against 2022-03-10 means 2022-03-15 (day) (rule weekday:future); '
            "dateparser reads it as 2022-03-08 (day).",
        ),
        (
            False,
            'TODO: explain the date. "Tuesday" against 2022-03-10 means 2022-03-15 (day) (rule weekday:future); '
            "dateparser reads it as 2022-03-08 (day).",
        ),
        (True, None),  # planned: read ahead too, where it is the 15th
    ],
)
def test_a_phrase_is_read_ahead_only_for_what_is_planned(planned, note):
    expr = _expression("Tuesday", "2022-03-15", "weekday:future")
    args = () if planned is None else (planned,)
    assert _evidence_phrase(expr, "2022-03-15", THURSDAY, EN, *args) == ("Tuesday", note)


@pytest.mark.parametrize(
    ("expr", "language", "note"),
    [
        (
            _expression("March", "2021-03", "month:past", "month"),
            "en",
            'TODO: explain the date. "March" against 2022-03-10 means 2021-03 (month) (rule month:past); '
            "dateparser reads it as 2022-03 (month).",
        ),
        (
            _expression("el martes", "2022-03-01", "weekday:past"),
            "es",
            'TODO: explain the date. "el martes" against 2022-03-10 means 2022-03-01 (day) (rule weekday:past); '
            "the validator reads it as 2022-03-08 (day).",
        ),
        (
            _expression("hace poco", "2022-03-01", "relative:x"),
            "es",
            'TODO: explain the date. "hace poco" against 2022-03-10 means 2022-03-01 (day) (rule relative:x); '
            "the validator cannot read it.",
        ),
        (
            _expression("that spring", "2021-03-01", "season:past", "season"),
            "en",
            'TODO: explain the date. "that spring" against 2022-03-10 means spring 2021 (Mar 2021–May 2021) '
            "(rule season:past); dateparser cannot read it.",
        ),
    ],
)
def test_a_date_the_phrase_does_not_give_is_explained_with_how_the_phrase_reads(expr, language, note):
    assert _evidence_phrase(expr, expr.date, THURSDAY, get(language)) == (expr.phrase, note)
