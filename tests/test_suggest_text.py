"""Sentence splitting (timeline.suggest.text.split_sentences): abbreviations and line breaks, at their edges."""

from __future__ import annotations

import pytest

from timeline.suggest.text import split_sentences

# A line of 71 characters without end punctuation: wrapped prose, not a headline.
LONG_LINE = "The council spent the whole of the long afternoon discussing the budget"


# --------------------------------------------------------------------------- abbreviations


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "Gov." at the very start of the text is still read whole
        ("Gov. Lee spoke. He left.", [(0, 15), (16, 24)]),
        # an opening quote before the abbreviation is looked through
        ('He said "Gov. Lee will go." Then he left.', [(0, 27), (28, 41)]),
        # "Xi" is a name, not a single-letter initial: its dot ends the sentence
        ("They met Xi. The talks ended.", [(0, 12), (13, 29)]),
        # a dot after a space has no word before it: it ends the sentence
        ("Prices rose . Then they fell.", [(0, 13), (14, 29)]),
    ],
)
def test_a_dot_ends_the_sentence_unless_it_follows_an_abbreviation(text, want):
    assert split_sentences(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a dotted initialism of 29 characters is seen whole: no sentence end
        ("x b.c.d.e.f.g.h.i.j.k.l.m.n.o.p. Next one.", [(0, 42)]),
        # one of 31 characters is seen only by its last 30 (".b.c..."), no abbreviation
        ("x a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p. Next one.", [(0, 34), (35, 44)]),
    ],
)
def test_only_the_last_30_characters_before_a_dot_are_read_as_an_abbreviation(text, want):
    assert split_sentences(text) == want


# --------------------------------------------------------------------------- line breaks


def test_a_line_break_before_a_lower_case_word_joins_the_lines():
    # the line ends in a capital ("US"), yet the next word goes on with the sentence
    assert split_sentences("The talks took place in the US\nand then moved to Canada.") == [(0, 56)]


@pytest.mark.parametrize(
    ("spaces", "want"),
    [
        (198, [(0, 217)]),  # the lower-case word is seen: the lines are joined
        (199, [(0, 10), (210, 218)]),  # only spaces within 199 characters: the line ends there
    ],
)
def test_a_line_break_looks_199_characters_ahead_for_the_next_word(spaces, want):
    assert split_sentences("Short line\n" + " " * spaces + "and more") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an em space opening the next line is no word: the line ends
        ("First line\n\u2003Indented paragraph.", [(0, 10), (12, 31)]),
        ("We met the mayor,\n\u2003who spoke.", [(0, 17), (19, 29)]),
    ],
)
def test_a_line_break_before_an_em_space_ends_the_sentence(text, want):
    assert split_sentences(text) == want


def test_a_blank_line_ends_the_sentence_even_before_a_lower_case_word():
    assert split_sentences("The mayor said,\n\nand then he left.") == [(0, 15), (17, 34)]


@pytest.mark.parametrize(
    ("line", "length", "want"),
    [
        ("The council spent the whole of the long afternoon debating the budget", 69, [(0, 69), (70, 89)]),  # headline
        ("The council spent the whole of the long afternoon debating the budgets", 70, [(0, 90)]),  # joined
        (LONG_LINE, 71, [(0, 91)]),
    ],
)
def test_a_line_of_70_characters_or_more_is_wrapped_prose(line, length, want):
    assert len(line) == length
    assert split_sentences(line + "\nMembers then voted.") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The mayor spoke\nBut nobody listened.", [(0, 15), (16, 36)]),  # a short line: a headline
        ("The mayor spoke,\nBut nobody listened.", [(0, 37)]),
        ("The mayor spoke;\nBut nobody listened.", [(0, 37)]),
        ("The mayor spoke-\nBut nobody listened.", [(0, 37)]),
        ("The mayor spoke.\nBut nobody listened.", [(0, 16), (17, 37)]),
    ],
)
def test_a_short_line_ending_in_a_comma_semicolon_or_dash_goes_on(text, want):
    assert split_sentences(text) == want


def test_only_the_line_before_the_break_is_measured():
    # the long second line is joined to the short third one; the break after the short
    # third line is measured on that line alone (the joined text is long)
    text = "Intro.\n" + LONG_LINE + "\nShort headline\nNext line here."
    assert split_sentences(text) == [(0, 6), (7, 93), (94, 109)]


# --------------------------------------------------------------------------- whitespace round a sentence


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Bridge reopens \nThe bridge reopened on Tuesday.", [(0, 14), (16, 47)]),  # one space before the break
        ("Bridge reopens  \t\nThe bridge reopened.\n\n", [(0, 14), (18, 38)]),  # three, and blank lines at the end
        ("  Bridge reopens\n", [(2, 16)]),  # spaces before the first word
    ],
)
def test_a_sentence_is_trimmed_of_the_whitespace_round_it(text, want):
    assert split_sentences(text) == want
