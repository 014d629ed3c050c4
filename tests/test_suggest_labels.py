"""Scoring ``suggest`` against hand labels: matching candidates to labels one to one, the counts
and the messages a score keeps, per kind and per article, and the evaluation of a labelled set
of article files."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.suggest.labels import Evaluation, LabelScore, evaluate_articles, score_article, score_labels
from timeline.suggest.model import Candidate


def cand(
    sentence: str,
    phrase: str,
    date: str | None,
    precision: str = "day",
    span_end: str | None = None,
    rule: str = "weekday:past",
) -> Candidate:
    """A candidate for ``phrase`` in ``sentence`` (the phrase need not be in it, for the edge cases)."""
    at = max(sentence.find(phrase), 0)
    return Candidate(
        sentence=sentence,
        start=0,
        end=len(sentence),
        phrase=phrase,
        phrase_start=at,
        phrase_end=at + len(phrase),
        date=date,
        precision=precision,
        rule=rule,
        yaml="",
        restates=False,
        span_end=span_end,
    )


def label(phrase: str, sentence: str, date, precision: str = "day", **more) -> dict:
    return {"phrase": phrase, "sentence": sentence, "date": date, "precision": precision, **more}


PIER = "The city reopened the north pier on Tuesday."
PAINT = "Crews will paint the railings next week."


# --------------------------------------------------------------------------- LabelScore


@pytest.mark.parametrize(
    ("labels", "candidates", "correct", "recall", "precision"),
    [
        (0, 0, 0, 1.0, 1.0),  # nothing labelled, nothing proposed: nothing missed or wrong
        (4, 5, 3, 0.75, 0.6),
        (1, 1, 0, 0.0, 0.0),
        (2, 2, 2, 1.0, 1.0),
    ],
)
def test_recall_is_correct_over_labels_and_precision_correct_over_candidates(
    labels, candidates, correct, recall, precision
):
    score = LabelScore(labels=labels, candidates=candidates, correct=correct)
    assert (score.recall, score.precision) == (recall, precision)


@pytest.mark.parametrize(
    ("kinds", "kind", "expected"),
    [
        ({}, "weekday", 1.0),  # a kind without labels has nothing to miss
        ({"weekday": [4, 3]}, "span", 1.0),
        ({"weekday": [4, 3]}, "weekday", 0.75),
        ({"weekday": [1, 0]}, "weekday", 0.0),
        ({"weekday": [1, 1]}, "weekday", 1.0),
        ({"weekday": [0, 0]}, "weekday", 1.0),
    ],
)
def test_kind_recall_is_the_share_of_labels_of_that_kind_resolved(kinds, kind, expected):
    assert LabelScore(kinds=kinds).kind_recall(kind) == expected


def test_adding_scores_sums_counts_lists_and_kinds():
    total = LabelScore(
        labels=2,
        candidates=3,
        found=2,
        correct=1,
        misses=["m1"],
        wrong=["w1"],
        extras=["e1"],
        kinds={"weekday": [2, 1]},
    )
    total.add(
        LabelScore(
            labels=5,
            candidates=7,
            found=4,
            correct=3,
            misses=["m2", "m3"],
            wrong=["w2"],
            extras=["e2"],
            kinds={"weekday": [3, 2], "span": [2, 1]},
        )
    )
    assert (total.labels, total.candidates, total.found, total.correct) == (7, 10, 6, 4)
    assert (total.misses, total.wrong, total.extras) == (["m1", "m2", "m3"], ["w1", "w2"], ["e1", "e2"])
    assert total.kinds == {"weekday": [5, 3], "span": [2, 1]}


def test_adding_to_an_empty_score_copies_the_counts_without_sharing_them():
    part = LabelScore(labels=1, candidates=1, found=1, correct=1, kinds={"month": [1, 1]})
    total = LabelScore()
    total.add(part)
    total.add(part)
    assert (total.labels, total.candidates, total.found, total.correct) == (2, 2, 2, 2)
    assert total.kinds == {"month": [2, 2]}
    assert part.kinds == {"month": [1, 1]}  # the added score is left as it was


# --------------------------------------------------------------------------- score_labels


def test_a_label_resolved_exactly_is_found_and_correct():
    score = score_labels([cand(PIER, "Tuesday", "2024-03-05")], [label("Tuesday", "north pier", "2024-03-05")])
    assert (score.labels, score.candidates, score.found, score.correct) == (1, 1, 1, 1)
    assert (score.misses, score.wrong, score.extras) == ([], [], [])
    assert score.kinds == {"other": [1, 1]}


@pytest.mark.parametrize(
    ("fragment", "found"),
    [
        ("north pier", True),
        ("  the  north\npier ", True),  # whitespace in the label is read as single spaces
        (" The city reopened", True),  # ... and trimmed at its ends
        ("on Tuesday. ", True),
        ("south pier", False),
        ("THE CITY", False),  # the fragment is matched as written
    ],
)
def test_a_label_is_found_in_the_sentence_holding_its_fragment(fragment, found):
    score = score_labels([cand(PIER, "Tuesday", "2024-03-05")], [label("Tuesday", fragment, "2024-03-05")])
    assert (score.found, score.correct) == ((1, 1) if found else (0, 0))


def test_a_sentence_broken_over_lines_still_holds_the_fragment():
    candidate = cand("The city reopened the north\n  pier on Tuesday.", "Tuesday", "2024-03-05")
    assert score_labels([candidate], [label("Tuesday", "north pier on", "2024-03-05")]).correct == 1


@pytest.mark.parametrize(
    ("labelled", "proposed", "found"),
    [
        ("Tuesday", "Tuesday", True),
        ("tuesday", "Tuesday", True),  # case does not matter, either way round
        ("TUESDAY", "Tuesday", True),
        ("on Tuesday", "Tuesday", True),  # the label holds the phrase
        ("week", "next week", True),  # the phrase holds the label
        ("next  week", "next\nweek", True),  # whitespace read as single spaces in both
        (" next week ", "next week", True),
        ("Wednesday", "Tuesday", False),
        ("next month", "next week", False),
    ],
)
def test_a_label_is_found_by_a_phrase_holding_it_or_held_by_it(labelled, proposed, found):
    sentence = "Crews said on Tuesday they will paint the railings next week."
    score = score_labels([cand(sentence, proposed, "2024-03-05")], [label(labelled, "Crews said", "2024-03-05")])
    assert score.found == (1 if found else 0)


def test_a_missed_label_is_named_with_its_date_and_fragment():
    score = score_labels([cand(PIER, "Tuesday", "2024-03-05")], [label("next week", "  railings\nnext ", "2024-03-11")])
    assert (score.found, score.correct) == (0, 0)
    assert score.misses == ['next week (2024-03-11) in "railings next"']
    assert score.extras == ["Tuesday (2024-03-05, weekday:past)"]
    assert score.kinds == {"other": [1, 0]}


@pytest.mark.parametrize(
    ("candidate", "message"),
    [
        (cand(PIER, "Tuesday", "2024-02-27"), "Tuesday: 2024-02-27 day, labelled 2024-03-05 day"),
        (cand(PIER, "Tuesday", "2024-03-04", "week"), "Tuesday: 2024-03-04 week, labelled 2024-03-05 day"),
        (cand(PIER, "Tuesday", None), "Tuesday: None day, labelled 2024-03-05 day"),
    ],
)
def test_a_label_found_with_another_date_or_precision_is_wrong(candidate, message):
    score = score_labels([candidate], [label("Tuesday", "north pier", "2024-03-05")])
    assert (score.found, score.correct, score.wrong, score.extras) == (1, 0, [message], [])
    assert score.kinds == {"other": [1, 0]}


def test_a_label_date_read_by_yaml_as_a_date_matches_the_candidate_text():
    # a YAML label file gives dates as datetime.date, the candidates give text
    score = score_labels([cand(PIER, "Tuesday", "2024-03-05")], [label("Tuesday", "north pier", dt.date(2024, 3, 5))])
    assert score.correct == 1


@pytest.mark.parametrize(
    ("labelled_end", "proposed_end", "correct", "wrong"),
    [
        ("2026", "2026", 1, []),
        (2026, "2026", 1, []),  # a year YAML read as a number
        ("2027", "2026", 0, ["over the next two years: 2024..2026 year, labelled 2024..2027 year"]),
        (None, "2026", 0, ["over the next two years: 2024..2026 year, labelled 2024 year"]),
        ("2026", None, 0, ["over the next two years: 2024 year, labelled 2024..2026 year"]),
    ],
)
def test_a_span_is_correct_only_with_its_end(labelled_end, proposed_end, correct, wrong):
    sentence = "The work will go on over the next two years."
    candidate = cand(sentence, "over the next two years", "2024", "year", span_end=proposed_end, rule="span")
    labelled = label("over the next two years", "The work", "2024", "year", end=labelled_end)
    score = score_labels([candidate], [labelled])
    assert (score.found, score.correct, score.wrong) == (1, correct, wrong)


def test_a_label_prefers_the_candidate_with_its_date_over_an_earlier_one():
    # two readings of the same phrase: the right one is taken, the other left as an extra
    first = cand(PIER, "Tuesday", "2024-02-27", rule="weekday:last")
    second = cand(PIER, "Tuesday", "2024-03-05", rule="weekday:past")
    score = score_labels([first, second], [label("Tuesday", "north pier", "2024-03-05")])
    assert (score.found, score.correct, score.wrong) == (1, 1, [])
    assert score.extras == ["Tuesday (2024-02-27, weekday:last)"]


def test_without_a_right_candidate_a_label_takes_the_first_found():
    first = cand(PIER, "Tuesday", "2024-02-27", rule="weekday:last")
    second = cand(PIER, "Tuesday", "2024-02-20", rule="weekday:before-last")
    score = score_labels([first, second], [label("Tuesday", "north pier", "2024-03-05")])
    assert score.wrong == ["Tuesday: 2024-02-27 day, labelled 2024-03-05 day"]
    assert score.extras == ["Tuesday (2024-02-20, weekday:before-last)"]


def test_each_candidate_answers_one_label_only():
    # two labels of the same phrase and one candidate: one found, one missed
    labels = [label("Tuesday", "north pier", "2024-03-05"), label("Tuesday", "north pier", "2024-03-05")]
    score = score_labels([cand(PIER, "Tuesday", "2024-03-05")], labels)
    assert (score.labels, score.found, score.correct) == (2, 1, 1)
    assert score.misses == ['Tuesday (2024-03-05) in "north pier"']
    assert score.extras == []


def test_labels_are_counted_per_kind_and_unkinded_ones_as_other():
    candidates = [cand(PIER, "Tuesday", "2024-03-05"), cand(PAINT, "next week", "2024-03-04", "week")]
    labels = [
        label("Tuesday", "north pier", "2024-03-05", kind="weekday"),
        label("next week", "railings", "2024-03-11", "week", kind="relative"),
        label("next month", "railings", "2024-04", "month"),
        label("Monday", "north pier", "2024-03-04", kind="weekday"),
    ]
    score = score_labels(candidates, labels)
    assert score.kinds == {"weekday": [2, 1], "relative": [1, 0], "other": [1, 0]}
    assert (score.labels, score.candidates, score.found, score.correct) == (4, 2, 2, 1)
    assert (score.kind_recall("weekday"), score.kind_recall("relative"), score.kind_recall("other")) == (0.5, 0.0, 0.0)
    assert score.misses == ['next month (2024-04) in "railings"', 'Monday (2024-03-04) in "north pier"']
    assert score.wrong == ["next week: 2024-03-04 week, labelled 2024-03-11 week"]


def test_no_labels_leaves_every_candidate_an_extra():
    candidates = [cand(PIER, "Tuesday", "2024-03-05"), cand(PAINT, "next week", None, "week", rule="needs-anchor")]
    score = score_labels(candidates, [])
    assert (score.labels, score.candidates, score.found, score.correct, score.kinds) == (0, 2, 0, 0, {})
    assert score.extras == ["Tuesday (2024-03-05, weekday:past)", "next week (None, needs-anchor)"]


# --------------------------------------------------------------------------- score_article


def test_score_article_names_the_file_in_each_miss_wrong_date_and_extra():
    candidates = [cand(PIER, "Tuesday", "2024-02-27"), cand(PAINT, "next week", "2024-03-11", "week")]
    article = {
        "file": "pier.txt",
        "labels": [label("Tuesday", "north pier", "2024-03-05"), label("Monday", "north pier", "2024-03-04")],
    }
    score = score_article(candidates, article)
    assert (score.labels, score.candidates, score.found, score.correct) == (2, 2, 1, 0)
    assert score.misses == ['pier.txt: Monday (2024-03-04) in "north pier"']
    assert score.wrong == ["pier.txt: Tuesday: 2024-02-27 day, labelled 2024-03-05 day"]
    assert score.extras == ["pier.txt: next week (2024-03-11, weekday:past)"]


# --------------------------------------------------------------------------- evaluate_articles


@pytest.mark.parametrize(
    ("articles", "right", "expected"),
    [(0, 0, 1.0), (2, 1, 0.5), (3, 3, 1.0), (4, 0, 0.0)],
)
def test_published_accuracy_is_right_dates_over_articles(articles, right, expected):
    assert Evaluation(articles=articles, published_right=right).published_accuracy == expected


# Three articles: one with a stamp giving its date, one whose stamp is a day off the labelled
# date, one without any date; the first two in part "a".
STAMPED = "Published March 7, 2024\n\nThe city reopened the north pier on Tuesday.\n"
DAY_OFF = "Published March 6, 2024\n\nCrews will paint the railings next week.\n"
UNDATED = "The ferry resumed service on Monday.\n"


@pytest.fixture
def labelled(tmp_path) -> list[dict]:
    for name, text in (("stamped.txt", STAMPED), ("day-off.txt", DAY_OFF), ("undated.txt", UNDATED)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [
        {
            "file": "stamped.txt",
            "part": "a",
            "published": dt.date(2024, 3, 7),
            "labels": [label("Tuesday", "north pier", "2024-03-05", kind="weekday")],
        },
        {"file": "undated.txt", "published": "2024-03-07", "labels": [label("Monday", "ferry", "2024-03-04")]},
        {
            "file": "day-off.txt",
            "part": "a",
            "published": "2024-03-07",
            "labels": [label("next week", "railings", "2024-03-11", "week", kind="relative")],
        },
    ]


def test_evaluate_articles_scores_every_article_against_its_labelled_date(labelled, tmp_path):
    result = evaluate_articles(labelled, tmp_path)
    assert (result.articles, result.published_right, result.published_accuracy) == (3, 1, 1 / 3)
    assert result.published_wrong == [
        "undated.txt: None, labelled 2024-03-07",
        "day-off.txt: 2024-03-06, labelled 2024-03-07",
    ]
    score = result.score
    # the candidates are read against the labelled date, not the detected one: all three right
    assert (score.labels, score.found, score.correct) == (3, 3, 3)
    assert score.kinds == {"weekday": [1, 1], "other": [1, 1], "relative": [1, 1]}
    # each stamp restates its article's date: an extra, named with its file
    assert score.extras == [
        "stamped.txt: March 7, 2024 (2024-03-07, explicit-date)",
        "day-off.txt: March 6, 2024 (2024-03-06, explicit-date)",
    ]
    assert score.candidates == 5


def test_evaluate_articles_keeps_only_the_part_asked_for(labelled, tmp_path):
    result = evaluate_articles(labelled, tmp_path, part="a")
    assert (result.articles, result.published_right) == (2, 1)
    assert result.published_wrong == ["day-off.txt: 2024-03-06, labelled 2024-03-07"]
    assert result.score.kinds == {"weekday": [1, 1], "relative": [1, 1]}


def test_evaluate_articles_of_a_part_no_article_has_is_empty(labelled, tmp_path):
    result = evaluate_articles(labelled, tmp_path, part="b")
    assert (result.articles, result.published_right, result.published_wrong) == (0, 0, [])
    assert (result.score.labels, result.score.candidates) == (0, 0)
    assert result.published_accuracy == 1.0
