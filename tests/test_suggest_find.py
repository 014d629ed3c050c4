"""The article as input (timeline.suggest.text): binary checks and reading a file, at their edges."""

from __future__ import annotations

import pytest

from timeline.errors import DataError, Problem
from timeline.languages import get
from timeline.suggest.find import find_anchor
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
