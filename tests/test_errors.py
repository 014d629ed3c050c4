"""The error family: how a problem is written, ordered, made inert and located."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import PROJECT_DIR
from timeline.errors import DataError, Problem, display_path, inert


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain “quotes” é", "plain “quotes” é"),
        ("\x00", "\\x00"),
        ("\x1b[2J", "\\x1b[2J"),
        ("\x1f \x20", "\\x1f  "),  # 0x1F is a control, 0x20 a space
        ("\x7e\x7f", "~\\x7f"),
        ("\x9f\xa0", "\\x9f\xa0"),  # the last C1 control; then a no-break space, shown as is
        ("a\nb\tc", "a\\nb\\tc"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("\u061c\u200e\u200f", "\\u061c\\u200e\\u200f"),
        ("\u200d", "\u200d"),  # a joiner does not act on the terminal
        ("\u202a\u202e\u202f", "\\u202a\\u202e\u202f"),
        ("\u2065\u2066\u2069\u206a", "\u2065\\u2066\\u2069\u206a"),
    ],
)
def test_inert_escapes_what_a_terminal_would_act_on(text, shown):
    assert inert(text) == shown


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (Problem("data/events.yaml", 42, "is wrong"), "data/events.yaml:42: is wrong"),
        (Problem("data/events.yaml", None, "is wrong"), "data/events.yaml: is wrong"),
        (Problem("data/events.yaml", 0, "is wrong"), "data/events.yaml:0: is wrong"),
        (
            Problem("f.yaml", 3, "bad", subject='event "x"', field="date", hint="write 2022"),
            'f.yaml:3: event "x": date: bad (hint: write 2022)',
        ),
        (Problem("f.yaml", 3, "bad", field="date"), "f.yaml:3: date: bad"),
        (Problem("f.yaml", 3, "bad", subject="s"), "f.yaml:3: s: bad"),
        (Problem("f.yaml", 3, "bad\x1b[0m", hint="h\u202e"), "f.yaml:3: bad\\x1b[0m (hint: h\\u202e)"),
    ],
)
def test_a_problem_reads_file_line_subject_field_message_hint(problem, text):
    assert str(problem) == text


def test_problems_are_listed_by_file_then_line_then_message():
    problems = [
        Problem("b.yaml", 1, "z"),
        Problem("a.yaml", 10, "a"),
        Problem("a.yaml", None, "m"),
        Problem("a.yaml", 2, "b"),
        Problem("a.yaml", 2, "a"),
    ]
    error = DataError(problems)
    assert [str(p) for p in error.problems] == [
        "a.yaml: m",
        "a.yaml:2: a",
        "a.yaml:2: b",
        "a.yaml:10: a",
        "b.yaml:1: z",
    ]
    assert str(error) == "a.yaml: m\na.yaml:2: a\na.yaml:2: b\na.yaml:10: a\nb.yaml:1: z"
    assert Problem("a.yaml", None, "m").sort_key() == ("a.yaml", 0, "m")


def test_display_path_names_shipped_files_from_the_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(PROJECT_DIR / "data" / "events.yaml") == "data/events.yaml"
    assert display_path(tmp_path / "mine" / "events.yaml") == "mine/events.yaml"
    assert display_path(Path("rel.yaml")) == "rel.yaml"
    elsewhere = Path("/") / "nowhere-else" / "x.yaml"
    assert display_path(elsewhere) == "/nowhere-else/x.yaml"
