"""The article as input (timeline.suggest.text): binary checks and reading a file, at their edges."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.errors import DataError, Problem
from timeline.languages import get
from timeline.suggest.find import find_anchor, find_expressions, select_matches
from timeline.suggest.model import Expression
from timeline.suggest.text import looks_binary, read_article_text

BELL = "\x07"  # a control character that is no whitespace


# --------------------------------------------------------------------------- looks_binary


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A line of news.\x00", True),  # a single NUL is enough
        ("\x00", True),
        ("A line of news.", False),
    ],
)
def test_a_nul_character_makes_a_text_binary(text, want):
    assert looks_binary(text) is want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("a" * 65_535 + "\x00", True),  # the last character of the 65,536 looked at
        ("a" * 65_536 + "\x00", False),  # the first one past them
    ],
)
def test_only_the_first_65536_characters_are_looked_at(text, want):
    assert looks_binary(text) is want


@pytest.mark.parametrize(
    ("controls", "want"),
    [
        (5, False),
        (8, False),  # a short text may hold up to 8 control characters
        (9, True),
    ],
)
def test_a_short_text_with_more_than_8_control_characters_is_binary(controls, want):
    assert looks_binary("Some words. " + BELL * controls + " More words.") is want


@pytest.mark.parametrize(
    ("length", "controls", "want"),
    [
        (1_000, 10, False),  # 1% of 1,000 characters is allowed
        (1_000, 11, True),
        (1_099, 10, False),  # 1,099 // 100 is still 10
        (1_099, 11, True),
        (1_100, 11, False),
    ],
)
def test_a_long_text_with_more_than_one_percent_control_characters_is_binary(length, controls, want):
    text = BELL * controls + "a" * (length - controls)
    assert len(text) == length
    assert looks_binary(text) is want


def test_whitespace_control_characters_do_not_count():
    assert looks_binary("Line one.\tTabbed.\r\n\f\v" * 20) is False


# --------------------------------------------------------------------------- read_article_text


def test_a_binary_file_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "photo.gif"
    path.write_bytes(b"GIF89a\x00\x01\x02 not an article")
    with pytest.raises(DataError) as caught:
        read_article_text(path)
    assert caught.value.problems == [
        Problem(str(path), None, "looks like a binary file, not text", hint="give a UTF-8 text file")
    ]
    assert str(caught.value) == f"{path}: looks like a binary file, not text (hint: give a UTF-8 text file)"


def test_a_text_file_is_read_as_it_is(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("WASHINGTON, March 5 (AP) - The council met.\n", encoding="utf-8")
    assert read_article_text(path) == "WASHINGTON, March 5 (AP) - The council met.\n"


def test_a_file_of_1500000_bytes_is_read(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"word " * 300_000)
    assert len(read_article_text(path)) == 1_500_000


def test_a_file_over_1500000_bytes_is_refused(tmp_path):
    # the article limit, far below the 200 MB that data files may have
    path = tmp_path / "long.txt"
    path.write_bytes(b"word " * 300_000 + b"!")
    with pytest.raises(DataError) as caught:
        read_article_text(path)
    assert caught.value.problems == [
        Problem(str(path), None, "file is 1,500,001 bytes, over the limit of 1,500,000", hint="split it or trim it")
    ]


# --------------------------------------------------------------------------- find_anchor


def _stated(text, phrase, date, precision="day", rule="explicit-date", span_end=None, sentence=None):
    """An Expression for ``phrase`` where it first occurs in ``text``."""
    start = text.index(phrase)
    s_start, s_end = sentence if sentence else (0, len(text))
    return Expression(
        phrase=phrase,
        start=start,
        end=start + len(phrase),
        date=date,
        precision=precision,
        rule=rule,
        core=phrase,
        sentence_start=s_start,
        sentence_end=s_end,
        span_end=span_end,
    )


NEWS = "The plant opened on March 3, 2022 and ran in 2023 until summer. The following day it shut."


def test_the_latest_date_stated_before_is_the_anchor():
    first = _stated(NEWS, "March 3, 2022", "2022-03-03")
    second = _stated(NEWS, "2023", "2023", precision="year", rule="year")
    assert find_anchor([first, second], NEWS, get("en")) is second


@pytest.mark.parametrize(
    "skipped",
    [
        _stated(NEWS, "2023", None, precision="year", rule="year"),  # no date of its own
        _stated(NEWS, "2023", "2023", precision="year", rule="year", span_end="2024"),  # a span
        _stated(NEWS, "summer", "2023-06", precision="season", rule="season:this"),  # a season
        _stated(NEWS, "2023", "2023", precision="year", rule="year:since"),  # "since 2023"
    ],
)
def test_an_undated_span_season_or_since_expression_is_passed_over_for_an_earlier_date(skipped):
    first = _stated(NEWS, "March 3, 2022", "2022-03-03")
    assert find_anchor([first, skipped], NEWS, get("en")) is first


def test_a_date_after_since_at_the_very_start_of_the_text_is_no_anchor():
    text = "Since 2021 the plant has grown. The following day it shut."
    assert find_anchor([_stated(text, "2021", "2021", precision="year", rule="year")], text, get("en")) is None


@pytest.mark.parametrize(
    ("cue", "want_anchor"),
    [
        ("told parliamentarians confidentially on ", False),  # 40 characters: seen, a reported date
        ("told parliamentarians unintentionally on ", True),  # 41 characters: its start is not seen
    ],
)
def test_a_reporting_cue_is_looked_for_in_the_40_characters_before_the_date(cue, want_anchor):
    text = "The minister " + cue + "March 3, 2022 that the plant would shut. The following day it did."
    stated = _stated(text, "March 3, 2022", "2022-03-03")
    assert text.index("March") - text.index("told") == len(cue)
    assert (find_anchor([stated], text, get("en")) is stated) is want_anchor


def test_a_spanish_page_stamp_is_no_anchor():
    # the stamp line "Actualizado: ..." is the top of the page: what follows counts from the publication
    text = "Actualizado: 12 de julio de 2022\nAl día siguiente cerró la planta."
    stamp = _stated(text, "12 de julio de 2022", "2022-07-12", sentence=(0, 32))
    assert find_anchor([stamp], text, get("es")) is None


def test_a_spanish_date_in_a_news_sentence_is_the_anchor():
    text = "La planta abrió el 12 de julio de 2022.\nAl día siguiente cerró."
    stated = _stated(text, "12 de julio de 2022", "2022-07-12", sentence=(0, 39))
    assert find_anchor([stated], text, get("es")) is stated


# --------------------------------------------------------------------------- find_expressions

SUNDAY = dt.date(2024, 3, 10)  # the publication date below


def _found(text, language="en", limit=None):
    found, truncated = find_expressions(text, SUNDAY, limit, get(language))
    return [(e.phrase, e.date, text[e.sentence_start : e.sentence_end]) for e in found], truncated


def test_each_expression_comes_with_its_sentence():
    assert _found("The council met. On March 3, 2024 the bridge opened.") == (
        [("March 3, 2024", "2024-03-03", "On March 3, 2024 the bridge opened.")],
        False,
    )


def test_a_phrase_running_past_its_sentence_is_its_own_sentence():
    # a short line ends the sentence after "Monday", but the date "Monday\nMarch 4, 2024" goes on
    assert _found("The council met on Monday\nMarch 4, 2024 was the day.") == (
        [("Monday\nMarch 4, 2024", "2024-03-04", "Monday\nMarch 4, 2024")],
        False,
    )


def test_sentences_are_split_in_the_articles_language():
    # "EE. UU." is one abbreviation in Spanish: the sentence starts at "Llegó", not at "El martes"
    assert _found("Llegó a EE. UU. El martes habló.", "es") == (
        [("El martes", "2024-03-05", "Llegó a EE. UU. El martes habló.")],
        False,
    )


def test_a_date_that_does_not_exist_is_passed_over_for_the_next():
    assert _found("On February 30, 2024 nothing happened. On March 3, 2024 the council met.") == (
        [("March 3, 2024", "2024-03-03", "On March 3, 2024 the council met.")],
        False,
    )


def _spaced(length, *placed):
    """A text of ``length`` spaces with each (offset, phrase) written in at its offset."""
    chars = [" "] * length
    for at, phrase in placed:
        chars[at : at + len(phrase)] = phrase
    return "".join(chars)


def test_a_limit_reached_in_one_chunk_still_says_more_were_left_out_in_the_next():
    # one date in the first 50,000 characters, one in the next chunk, at most one asked for
    text = _spaced(60_100, (10, "March 3, 2024"), (60_000, "March 5, 2024"))
    found, truncated = find_expressions(text, SUNDAY, 1, get("en"))
    assert ([e.phrase for e in found], truncated) == (["March 3, 2024"], True)


# --------------------------------------------------------------------------- select_matches


def _matched(text, limit=None):
    return [(kind, text[start:end]) for kind, _m, start, end in select_matches(text, get("en"), limit)]


def test_a_chunk_is_scanned_whole_once_started_and_the_next_is_not():
    # 50,000 characters to a chunk: the one date of the first is within the limit of one, so the
    # second chunk (from character 50,000) is read whole; a third is never started
    text = _spaced(
        100_100, (10, "March 3, 2024"), (50_000, "March 5, 2024"), (50_100, "March 7, 2024"), (100_050, "May 1, 2024")
    )
    assert _matched(text, limit=1) == [
        ("month-day", "March 3, 2024"),
        ("month-day", "March 5, 2024"),
        ("month-day", "March 7, 2024"),
    ]


def test_a_phrase_across_the_chunk_border_is_read_whole():
    text = _spaced(50_100, (49_995, "March 3, 2024"))
    assert _matched(text) == [("month-day", "March 3, 2024")]


def test_a_chunk_is_read_at_most_200_characters_past_its_end():
    # "Monday," before the border and its date 250 characters past it: too far to be one phrase
    text = _spaced(50_300, (49_990, "Monday,"), (50_250, "March 3, 2024"))
    assert _matched(text) == [("weekday", "Monday"), ("month-day", "March 3, 2024")]


def test_of_two_overlapping_phrases_of_one_length_the_first_is_kept():
    # "Sept. 5" and "5 March" share the "5"; both are seven characters
    assert _matched("The Sept. 5 March for Peace drew crowds.") == [("month-day", "Sept. 5")]


def test_two_phrases_that_touch_are_both_kept():
    # no space after the abbreviation's dot (as in text pasted from a page): "5 Dec." ends where "Tuesday" starts
    assert _matched("The fair closed on 5 Dec.Tuesday it reopened.") == [
        ("day-month", "5 Dec."),
        ("weekday", "Tuesday"),
    ]
