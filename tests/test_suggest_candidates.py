"""Candidates (timeline.suggest.candidates): the sentence window, restating the publication date,
the anchor phrase check and dates described for people, at their edges."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.languages import get
from timeline.suggest.candidates import _clip_sentence, _states, build_candidate, describe_date
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
    ],
)
def test_a_sentence_is_clipped_round_the_phrase_only_past_1200_characters(text, bounds, want):
    assert _clip_sentence(text, *bounds) == want


# --------------------------------------------------------------------------- _states

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
