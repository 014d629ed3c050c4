"""Which way a phrase points: decide_direction on sentences built to sit on each of its edges."""

from __future__ import annotations

import pytest

from timeline.suggest.tense import decide_direction


def direction(text: str, phrase: str, language: str | None = None, sentence: tuple[int, int] | None = None) -> str:
    """decide_direction for the first ``phrase`` in ``text`` (the whole text one sentence, unless given)."""
    start = text.index(phrase)
    lo, hi = sentence or (0, len(text))
    args = (text, lo, hi, start, start + len(phrase))
    return decide_direction(*args) if language is None else decide_direction(*args, language)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The talks on Friday.", "past"),  # no cue: a report tells what happened
        ("The minister said the team will travel on Friday.", "future"),  # the nearest cue before decides
        ("The team will say it travelled on Friday.", "past"),
        ("On Friday the deal was signed and will be reviewed.", "past"),  # none before: the first after
        ("On Friday officials will sign what was agreed.", "future"),
        ("The summit will be held on Friday.", "future"),  # "held" belongs to "will be held"
        ("The summit was held on Friday.", "past"),
    ],
)
def test_the_nearest_cue_decides(text, want):
    assert direction(text, "Friday") == want


def test_the_language_defaults_to_english_and_can_be_spanish():
    assert direction("The board will meet on Friday.", "Friday") == "future"
    assert direction("La junta se reunirá el viernes.", "viernes", "es") == "future"
    assert direction("La junta se reunió el viernes.", "viernes", "es") == "past"


def test_a_cue_in_the_phrase_itself_does_not_count():
    # "upcoming" opens the phrase: only "were", after it, is a cue.
    assert direction("The upcoming Friday talks were short.", "upcoming Friday") == "past"
    assert direction("The upcoming Friday talks were short.", "Friday") == "future"


def _filler(n: int) -> str:
    """n characters of words that say no tense, ending in a space."""
    return ("x " * n)[: n - 1] + " "


def test_cues_are_looked_for_up_to_300_characters_before():
    head = "The minister will "
    at_300 = head + _filler(300 - len("will ") - len("on ")) + "on Friday."
    assert at_300.index("Friday") - at_300.index("will") == 300
    assert direction(at_300, "Friday") == "future"
    at_301 = head + _filler(301 - len("will ") - len("on ")) + "on Friday."
    assert at_301.index("Friday") - at_301.index("will") == 301
    assert direction(at_301, "Friday") == "past"


def test_cues_are_looked_for_up_to_300_characters_after():
    at_300 = "On Friday " + _filler(300 - len(" ") - len("will")) + "will sign."
    end = at_300.index("Friday") + len("Friday")
    assert at_300.index("will") + len("will") - end == 300
    assert direction(at_300, "Friday") == "future"
    at_301 = "On Friday " + _filler(301 - len(" ") - len("will")) + "will sign."
    assert at_301.index("will") + len("will") - end == 301
    assert direction(at_301, "Friday") == "past"


def test_cues_outside_the_sentence_do_not_count():
    text = "Officials will meet. The talks on Friday. Ministers will sign."
    second = (text.index("The talks"), text.index(" Ministers"))
    assert direction(text, "Friday", sentence=second) == "past"
    assert direction(text, "Friday") == "future"  # the same words as one sentence


def test_a_quoted_phrase_reads_only_its_quote():
    assert direction("The minister said “we will meet Friday” at the time.", "Friday") == "future"
    assert direction("The minister will say “we met Friday” to them.", "Friday") == "past"
    # an unclosed quote runs to the end of the sentence
    assert direction("He said “we will meet Friday", "Friday") == "future"


def test_an_unquoted_phrase_ignores_quotes():
    assert direction("“It will work,” he said on Friday.", "Friday") == "past"
    assert direction("“It worked,” the board will say on Friday.", "Friday") == "future"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The office stays open until Friday.", "future"),
        ("Comments are due by Friday.", "future"),
        ("until" + " " * 11 + "Friday", "future"),  # "until" 16 characters before
        ("until" + " " * 12 + "Friday", "past"),  # 17
        ("The office was open until Friday.", "past"),  # its clause has a tense
        ("Officials said; the office stays open until Friday.", "future"),  # a tense in another clause only
        ("He said “open until Friday” was too long.", "past"),  # inside a quote: no weak lead
    ],
)
def test_until_and_by_look_ahead_when_nothing_says_the_tense(text, want):
    assert direction(text, "Friday") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The rules were changed, starting Monday.", "future"),  # whatever the rest says
        ("Effective Monday, the rule was lifted.", "future"),
        ("starting" + " " * 16 + "Monday", "future"),  # "starting" 24 characters before
        ("starting" + " " * 17 + "Monday", "past"),  # 25
        ("He said “starting Monday” was too soon.", "past"),  # inside a quote: no lead
    ],
)
def test_starting_and_effective_always_look_ahead(text, want):
    assert direction(text, "Monday") == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("They will say; on Friday the deal was signed.", "past"),  # the phrase's clause first
        ("Officials will decide — on Friday; the deal was signed.", "future"),  # none in it: the sentence
        ("The deal was signed, and on Friday; the board will meet.", "past"),
        ("The deal was signed; the board will meet on Friday.", "future"),
    ],
)
def test_the_phrases_clause_is_read_before_the_sentence(text, want):
    assert direction(text, "Friday") == want


def test_a_sentence_that_does_not_start_the_text_is_read_in_its_own_offsets():
    text = "Officials met Monday. On Friday they will sign."
    assert direction(text, "Friday", sentence=(text.index("On"), len(text))) == "future"


def test_a_cue_glued_to_a_quote_or_a_phrase_counts_on_its_own_side():
    # wire copy drops spaces: the cue right after a closing quote is outside the quote
    assert direction("“The talks on Friday”will resume.", "Friday") == "past"
    assert direction("On Friday, “Yes”will be the answer.", "Friday") == "future"
    assert direction("Friday’ll be a long day.", "Friday") == "future"  # a cue right at the phrase's end


def test_a_tense_at_the_very_start_of_the_sentence_is_in_the_until_clause():
    assert direction("Closed until Friday.", "Friday") == "past"  # one cue, at offset 0
