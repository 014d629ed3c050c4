"""The article as input (timeline.suggest.text): binary checks and reading a file, at their edges."""

from __future__ import annotations

import pytest

from timeline.errors import DataError, Problem
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
