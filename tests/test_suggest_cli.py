"""``python -m timeline suggest`` run in-process: the exact text and JSON it prints for small
articles written here, each error it gives (one line on standard error, exit status 1), and the
``suggest`` function behind it."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
import textwrap
from pathlib import Path

import pytest

from timeline.cli import build_parser
from timeline.errors import DataError, Problem
from timeline.suggest import find_date_expressions, suggest
from timeline.suggest.cli import cli_main, format_text
from timeline.suggest.model import coarser, first_day, precision_rank
from timeline.suggest.text import check_text_size

# A Thursday. The articles below are dated against it.
THURSDAY = "2024-03-07"

# A headline, then two sentences: a past weekday and a planned week.
PIER = textwrap.dedent(
    """\
    Harbor crews finish pier repairs

    The city reopened the north pier on Tuesday after repairs.
    Crews will paint the railings next week, the mayor said.
    """
)

# Page stamps (one ignored as an update), a date, a phrase counted from it, a span, a sentence
# wrapped over two lines and a phrase broken over a line.
STAMPED = (
    "Published March 7, 2024\n"
    "Updated March 8, 2024\n"
    "\n"
    "The council voted on March 4, 2024 to widen the road. Two days later, crews closed the lane.\n"
    "The work will go on over the next two years.\n"
    "The city reopened the north pier on Tuesday\n"
    "after repairs. Crews will paint the railings next\n"
    "week, the mayor said.\n"
)

FERRY = "The ferry to Montréal resumed service on Monday.\n"
SPANISH = "El consejo aprobó el plan el martes. Las obras empezarán el próximo lunes, según el alcalde.\n"
UNDATED = "Nothing here has a date at all.\n"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch) -> Path:
    """Work in an empty folder, so an article is named as given ("article.txt") in errors."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(name: str, text: str) -> str:
    Path(name).write_text(text, encoding="utf-8")
    return name


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """cli_main on the command line ``suggest *argv``: exit status, standard output, standard error."""
    code = cli_main(build_parser().parse_args(["suggest", *argv]))
    out, err = capsys.readouterr()
    return code, out, err


def headings(out: str) -> list[str]:
    """The numbered line of each candidate."""
    return [line for line in out.splitlines() if line[:1].isdigit() and ". " in line[:5]]


# --------------------------------------------------------------------------- the text form


def test_text_form_of_an_article_with_a_given_publication_date(capsys, in_tmp):
    code, out, err = run(capsys, write("pier.txt", PIER), "--published", THURSDAY)
    assert (code, err) == (0, "")
    assert out == textwrap.dedent(
        """\
        Published: 2024-03-07 (given, high confidence): "given"
        Language: English (en), detected from the text
        2 candidates (page stamps and restatements of the publication date last)

        1. 2024-03-05 (day)  Tuesday  [weekday:past]
           chars 34-92: The city reopened the north pier on »Tuesday« after repairs.
          - id: todo-2024-03-05
            title: TODO
            summary: TODO
            category: TODO
            actors:
              - TODO
            date: '2024-03-05'
            date_evidence:
              source: todo-source
              phrase: Tuesday
              anchor: '2024-03-07'
            excerpts:
              - source: todo-source
                quote: The city reopened the north pier on Tuesday after repairs.
            translations:
              es:
                title: TODO
                summary: TODO

        2. 2024-03-11 (week)  next week  [relative:next-week]  (scheduled: after the publication)
           chars 93-149: Crews will paint the railings »next week«, the mayor said.
          - id: todo-2024-03
            title: TODO
            status: planned
            summary: TODO
            category: TODO
            actors:
              - TODO
            date: 2024-03
            date_evidence:
              source: todo-source
              phrase: next week
              anchor: '2024-03-07'
            excerpts:
              - source: todo-source
                quote: Crews will paint the railings next week, the mayor said.
            translations:
              es:
                title: TODO
                summary: TODO
        """
    )


def test_text_form_without_a_publication_date_leaves_relative_phrases_undated(capsys, in_tmp):
    code, out, err = run(capsys, write("pier.txt", PIER))
    assert (code, err) == (0, "")
    assert out.splitlines()[:3] == [
        "Published: unknown (no publication date in the text or the address);"
        " pass --published YYYY-MM-DD to date relative phrases",
        "Language: English (en), detected from the text",
        "2 candidates (page stamps and restatements of the publication date last)",
    ]
    assert headings(out) == [
        "1. undated (day)  Tuesday  [needs-anchor]",
        "2. undated (week)  next week  [needs-anchor]",
    ]
    assert "      note: 'TODO: give the publication date as the anchor, then the date'" in out.splitlines()


def test_text_form_marks_spans_anchors_plans_and_restated_stamps(capsys, in_tmp):
    code, out, err = run(capsys, write("stamped.txt", STAMPED))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:4] == [
        'Published: 2024-03-07 (written-date, high confidence): "March 7, 2024"',
        '  ignored page stamp "Updated March 8, 2024" (not the publication date)',
        "Language: English (en), detected from the text",
        "7 candidates (page stamps and restatements of the publication date last)",
    ]
    # each heading, then the sentence with its phrase marked, whitespace (line breaks) made one space
    assert [(line, lines[i + 1]) for i, line in enumerate(lines) if line in headings(out)] == [
        (
            "1. 2024-03-04 (day)  March 4, 2024  [explicit-date]",
            "   chars 47-100: The council voted on »March 4, 2024« to widen the road.",
        ),
        (
            '2. 2024-03-06 (day)  Two days later  [anchored:+2-day]  (counted from "March 4, 2024", 2024-03-04)',
            "   chars 101-139: »Two days later«, crews closed the lane.",
        ),
        (
            "3. 2024 to 2026 (year)  over the next two years  [span:next-2-year]  (scheduled: after the publication)",
            "   chars 140-184: The work will go on »over the next two years«.",
        ),
        (
            "4. 2024-03-05 (day)  Tuesday  [weekday:past]",
            "   chars 185-243: The city reopened the north pier on »Tuesday« after repairs.",
        ),
        (
            "5. 2024-03-11 (week)  next week  [relative:next-week]  (scheduled: after the publication)",
            "   chars 244-300: Crews will paint the railings »next week«, the mayor said.",
        ),
        (
            "6. 2024-03-07 (day)  March 7, 2024  [explicit-date]  (restates the publication date)",
            "   chars 0-23: Published »March 7, 2024«",
        ),
        (
            "7. 2024-03-08 (day)  March 8, 2024  [explicit-date]  (scheduled: after the publication)"
            "  (restates the publication date)",
            "   chars 24-45: Updated »March 8, 2024«",
        ),
    ]
    # a blank line before each candidate, none after the last YAML line
    assert lines.count("") == 7
    assert out.endswith("        summary: TODO\n")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (UNDATED, "0 candidates (page stamps and restatements of the publication date last)"),
        (FERRY, "1 candidate (page stamps and restatements of the publication date last)"),
        (PIER, "2 candidates (page stamps and restatements of the publication date last)"),
    ],
)
def test_the_count_of_candidates_is_singular_only_for_one(capsys, in_tmp, text, line):
    code, out, _ = run(capsys, write("article.txt", text), "--published", THURSDAY)
    assert code == 0
    assert out.splitlines()[2] == line


def test_an_article_without_candidates_prints_only_the_three_heading_lines(capsys, in_tmp):
    code, out, err = run(capsys, write("article.txt", UNDATED))
    assert (code, err) == (0, "")
    assert out == (
        "Published: unknown (no publication date in the text or the address);"
        " pass --published YYYY-MM-DD to date relative phrases\n"
        "Language: English (en), detected from the text\n"
        "0 candidates (page stamps and restatements of the publication date last)\n"
    )


@pytest.mark.parametrize(
    ("text", "options", "line"),
    [
        (PIER, [], "Language: English (en), detected from the text"),
        (PIER, ["--language", "en"], "Language: English (en), given"),
        (SPANISH, [], "Language: Spanish (es), detected from the text"),
        (SPANISH, ["--language", "es"], "Language: Spanish (es), given"),
        (PIER, ["--language", "es"], "Language: Spanish (es), given"),
    ],
)
def test_the_language_line_says_which_and_whether_it_was_given(capsys, in_tmp, text, options, line):
    code, out, _ = run(capsys, write("article.txt", text), "--published", THURSDAY, *options)
    assert code == 0
    assert out.splitlines()[1] == line


def test_a_spanish_article_is_read_in_spanish(capsys, in_tmp):
    code, out, _ = run(capsys, write("articulo.txt", SPANISH), "--published", THURSDAY)
    assert code == 0
    assert headings(out) == [
        "1. 2024-03-05 (day)  el martes  [weekday:past]",
        "2. 2024-03-11 (day)  el próximo lunes  [weekday:next]  (scheduled: after the publication)",
    ]


def test_the_language_given_overrides_the_detected_one(capsys, in_tmp):
    # read as English, the Spanish weekdays are not dates at all
    code, out, _ = run(capsys, write("articulo.txt", SPANISH), "--published", THURSDAY, "--language", "en")
    assert code == 0
    assert out.splitlines()[1:3] == [
        "Language: English (en), given",
        "0 candidates (page stamps and restatements of the publication date last)",
    ]


def test_a_command_line_without_a_language_option_detects_the_language(capsys, in_tmp):
    # an older caller's namespace has no "language" at all
    args = argparse.Namespace(article=Path(write("articulo.txt", SPANISH)), published=None, url=None, json=False)
    assert cli_main(args) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[1] == "Language: Spanish (es), detected from the text"


def test_the_address_dates_an_article_that_does_not(capsys, in_tmp):
    article = write("article.txt", "Harbor crews finish pier repairs\n\nThe city reopened the pier after repairs.\n")
    code, out, err = run(capsys, article, "--url", "https://example.org/2024/03/07/pier")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == 'Published: 2024-03-07 (url, high confidence): "2024/03/07"'


def test_format_text_of_the_suggestions_for_one_sentence():
    result = suggest(FERRY, published=dt.date(2024, 3, 7))
    assert format_text(result).splitlines()[:6] == [
        'Published: 2024-03-07 (given, high confidence): "given"',
        "Language: English (en), detected from the text",
        "1 candidate (page stamps and restatements of the publication date last)",
        "",
        "1. 2024-03-04 (day)  Monday  [weekday:past]",
        "   chars 0-48: The ferry to Montréal resumed service on »Monday«.",
    ]


# --------------------------------------------------------------------------- the JSON form


def test_json_form_is_indented_by_two_and_keeps_accents(capsys, in_tmp):
    code, out, err = run(capsys, write("ferry.txt", FERRY), "--published", THURSDAY, "--json")
    assert (code, err) == (0, "")
    yaml_text = (
        "  - id: todo-2024-03-04\\n    title: TODO\\n    summary: TODO\\n    category: TODO\\n"
        "    actors:\\n      - TODO\\n    date: '2024-03-04'\\n    date_evidence:\\n"
        "      source: todo-source\\n      phrase: Monday\\n      anchor: '2024-03-07'\\n"
        "    excerpts:\\n      - source: todo-source\\n"
        "        quote: The ferry to Montréal resumed service on Monday.\\n"
        "    translations:\\n      es:\\n        title: TODO\\n        summary: TODO\\n"
    )
    assert out == (
        "{\n"
        '  "published": {\n'
        '    "date": "2024-03-07",\n'
        '    "evidence": "given",\n'
        '    "kind": "given"\n'
        "  },\n"
        '  "candidates": [\n'
        "    {\n"
        '      "sentence": "The ferry to Montréal resumed service on Monday.",\n'
        '      "start": 0,\n'
        '      "end": 48,\n'
        '      "phrase": "Monday",\n'
        '      "date": "2024-03-04",\n'
        '      "precision": "day",\n'
        '      "rule": "weekday:past",\n'
        '      "span_end": null,\n'
        '      "scheduled": false,\n'
        '      "anchor": null,\n'
        '      "anchor_phrase": null,\n'
        f'      "yaml": "{yaml_text}"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_json_form_without_a_publication_date(capsys, in_tmp):
    code, out, err = run(capsys, write("ferry.txt", FERRY), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["published"] == {
        "date": None,
        "evidence": "no publication date in the text or the address",
        "kind": "none",
    }
    (candidate,) = data["candidates"]
    assert {k: v for k, v in candidate.items() if k != "yaml"} == {
        "sentence": "The ferry to Montréal resumed service on Monday.",
        "start": 0,
        "end": 48,
        "phrase": "Monday",
        "date": None,
        "precision": "day",
        "rule": "needs-anchor",
        "span_end": None,
        "scheduled": False,
        "anchor": None,
        "anchor_phrase": None,
    }


def test_json_form_carries_spans_anchors_and_plans(capsys, in_tmp):
    code, out, _ = run(capsys, write("stamped.txt", STAMPED), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["published"] == {"date": "2024-03-07", "evidence": "March 7, 2024", "kind": "written-date"}
    assert [
        (c["phrase"], c["date"], c["precision"], c["span_end"], c["scheduled"], c["anchor"], c["anchor_phrase"])
        for c in data["candidates"]
    ] == [
        ("March 4, 2024", "2024-03-04", "day", None, False, None, None),
        ("Two days later", "2024-03-06", "day", None, False, "2024-03-04", "March 4, 2024"),
        ("over the next two years", "2024", "year", "2026", True, None, None),
        ("Tuesday", "2024-03-05", "day", None, False, None, None),
        ("next\nweek", "2024-03-11", "week", None, True, None, None),
        ("March 7, 2024", "2024-03-07", "day", None, False, None, None),
        ("March 8, 2024", "2024-03-08", "day", None, True, None, None),
    ]


def test_json_form_with_no_candidates(capsys, in_tmp):
    code, out, _ = run(capsys, write("article.txt", UNDATED), "--published", THURSDAY, "--json")
    assert code == 0
    assert out == (
        '{\n  "published": {\n    "date": "2024-03-07",\n    "evidence": "given",\n    "kind": "given"\n  },\n'
        '  "candidates": []\n}\n'
    )


def test_a_terminal_that_cannot_show_accents_gets_escapes_not_a_crash(capsys, in_tmp, monkeypatch):
    # an ASCII terminal: "»", "«" and "é" are written as backslash escapes
    raw = io.BytesIO()
    terminal = io.TextIOWrapper(raw, encoding="ascii", errors="strict", newline="\n")
    monkeypatch.setattr(sys, "stdout", terminal)
    code = cli_main(build_parser().parse_args(["suggest", write("ferry.txt", FERRY), "--published", THURSDAY]))
    terminal.flush()
    assert code == 0
    lines = raw.getvalue().decode("ascii").splitlines()
    assert lines[5] == "   chars 0-48: The ferry to Montr\\xe9al resumed service on \\xbbMonday\\xab."


# --------------------------------------------------------------------------- what is too much


def test_200_date_expressions_are_all_listed_without_a_warning(capsys, in_tmp):
    code, out, err = run(capsys, write("long.txt", "Talks resumed Tuesday. " * 200), "--published", THURSDAY, "--json")
    assert (code, err) == (0, "")
    assert len(json.loads(out)["candidates"]) == 200


def test_a_201st_date_expression_is_left_out_with_a_warning(capsys, in_tmp):
    code, out, err = run(capsys, write("long.txt", "Talks resumed Tuesday. " * 201), "--published", THURSDAY, "--json")
    assert code == 0
    assert err == "warning: only the first 200 date expressions are listed\n"
    assert len(json.loads(out)["candidates"]) == 200


# --------------------------------------------------------------------------- errors


def make_bad(name: str) -> str:
    """Write a bad article named ``name`` in the current folder (nothing for "missing.txt")."""
    path = Path(name)
    if name == "folder":
        path.mkdir()
    elif name == "latin1.txt":
        path.write_bytes("Talks\nin the café Tuesday".encode("latin-1"))
    elif name == "nul.bin":
        path.write_bytes(b"\x7fELF\x00\x00\x00 Tuesday")
    elif name == "huge.txt":
        path.write_bytes(b"a" * 1_500_001)
    elif name == "pipe":
        os.mkfifo(path)
    return name


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.txt", "error: missing.txt: file not found (hint: check the path)\n"),
        ("folder", "error: folder: is a folder, not a file\n"),
        (
            "latin1.txt",
            "error: latin1.txt:2: not valid UTF-8 (byte 0xe9 at column 11) (hint: re-save the file as UTF-8)\n",
        ),
        ("nul.bin", "error: nul.bin: looks like a binary file, not text (hint: give a UTF-8 text file)\n"),
        (
            "huge.txt",
            "error: huge.txt: file is 1,500,001 bytes, over the limit of 1,500,000 (hint: split it or trim it)\n",
        ),
        ("pipe", "error: pipe: is not a regular file (hint: give a plain text file)\n"),
    ],
)
def test_a_bad_article_is_one_line_on_standard_error_and_status_1(capsys, in_tmp, name, message):
    assert run(capsys, make_bad(name)) == (1, "", message)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-13-01", '"2024-13-01" is not a date YYYY-MM-DD'),
        ("2024-02-30", '"2024-02-30" is not a date YYYY-MM-DD'),
        ("2024-3-7", '"2024-3-7" is not a date YYYY-MM-DD'),
        ("07/03/2024", '"07/03/2024" is not a date YYYY-MM-DD'),
        # the error stays on one line: a line break typed is shown as an escape, and a run of
        # spaces as one
        ("2024-03-07\n2025", '"2024-03-07\\n2025" is not a date YYYY-MM-DD'),
        ("2024 03   07", '"2024 03 07" is not a date YYYY-MM-DD'),
    ],
)
def test_a_bad_published_date_is_one_line_on_standard_error_and_status_1(capsys, in_tmp, value, message):
    article = write("pier.txt", PIER)
    assert run(capsys, article, "--published", value) == (
        1,
        "",
        f"error: --published: {message} (hint: e.g. --published 2024-02-28)\n",
    )


def test_a_published_date_with_spaces_round_it_is_read(capsys, in_tmp):
    code, out, err = run(capsys, write("pier.txt", PIER), "--published", f" {THURSDAY} ")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == 'Published: 2024-03-07 (given, high confidence): "given"'


def test_every_problem_of_an_error_is_on_the_one_line(capsys, in_tmp, monkeypatch):
    # no input gives two problems today; the command must still print them on one line
    def refuse(*args, **kwargs):
        raise DataError([Problem("b.txt", None, "second  problem"), Problem("a.txt", 3, "first problem")])

    monkeypatch.setattr("timeline.suggest.suggest", refuse)
    assert run(capsys, write("pier.txt", PIER)) == (1, "", "error: a.txt:3: first problem; b.txt: second problem\n")


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(13, "Permission denied"), "error: pier.txt: Permission denied\n"),
        # an error without an operating system message is shown as it is
        (OSError("the disk went away"), "error: pier.txt: the disk went away\n"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_line_on_standard_error(capsys, in_tmp, monkeypatch, error, message):
    article = write("pier.txt", PIER)

    def fail(self):
        raise error

    monkeypatch.setattr(Path, "read_bytes", fail)
    assert run(capsys, article) == (1, "", message)


# --------------------------------------------------------------------------- the suggest function


def test_suggest_reads_a_given_date_as_text_or_as_a_date():
    as_text = suggest(PIER, published=THURSDAY)
    as_date = suggest(PIER, published=dt.date(2024, 3, 7))
    as_moment = suggest(PIER, published=dt.datetime(2024, 3, 7, 23, 59))
    for result in (as_text, as_date, as_moment):
        assert result.published.date == dt.date(2024, 3, 7)
        assert [(c.phrase, c.date) for c in result.candidates] == [
            ("Tuesday", "2024-03-05"),
            ("next week", "2024-03-11"),
        ]


def test_suggest_writes_the_source_into_each_snippet():
    (candidate,) = suggest(FERRY, published=THURSDAY, source="ferry-2024").candidates
    assert "    date_evidence:\n      source: ferry-2024\n" in candidate.yaml
    assert "      - source: ferry-2024\n" in candidate.yaml
    (placeholder,) = suggest(FERRY, published=THURSDAY).candidates
    assert "      source: todo-source\n" in placeholder.yaml


def test_suggest_records_the_language_and_whether_it_was_detected():
    detected = suggest(SPANISH, published=THURSDAY)
    given = suggest(SPANISH, published=THURSDAY, language="es")
    english = suggest(SPANISH, published=THURSDAY, language="en")
    assert (detected.language, detected.language_detected) == ("es", True)
    assert (given.language, given.language_detected) == ("es", False)
    assert (english.language, english.language_detected, english.candidates) == ("en", False, [])
    assert [c.phrase for c in detected.candidates] == ["el martes", "el próximo lunes"]


def test_suggest_lists_candidates_in_text_order_with_restated_stamps_last():
    # two phrases in one sentence keep their order; the stamp at the top goes last
    text = "Published March 7, 2024\n\nThe board met Monday and again Wednesday to settle the budget.\n"
    result = suggest(text)
    assert [(c.phrase, c.restates) for c in result.candidates] == [
        ("Monday", False),
        ("Wednesday", False),
        ("March 7, 2024", True),
    ]
    assert result.truncated is False


def test_suggest_detects_the_publication_date_from_the_address():
    result = suggest(UNDATED, url="https://example.org/2024/03/07/story")
    assert (result.published.date, result.published.kind) == (dt.date(2024, 3, 7), "url")


def test_suggest_refuses_an_unknown_language():
    with pytest.raises(DataError) as info:
        suggest(FERRY, language="fr")
    assert str(info.value) == 'language: "fr" is not a language the dates can be read in (hint: one of en, es)'


def test_suggest_refuses_a_text_over_one_and_a_half_million_characters():
    with pytest.raises(DataError) as info:
        suggest("x" * 1_500_001)
    assert str(info.value) == (
        "article: text is 1,500,001 characters, over the limit of 1,500,000 (hint: paste one article)"
    )
    # the limit itself is allowed (checked alone: reading that much text takes over a second)
    assert check_text_size("x" * 1_500_000) is None


def test_find_date_expressions_detects_the_language_unless_given():
    anchor = dt.date(2024, 3, 7)
    assert [(e.phrase, e.date) for e in find_date_expressions(SPANISH, anchor)] == [
        ("el martes", "2024-03-05"),
        ("el próximo lunes", "2024-03-11"),
    ]
    assert find_date_expressions(SPANISH, anchor, "en") == []
    assert [(e.phrase, e.date) for e in find_date_expressions(FERRY, None)] == [("Monday", None)]


# --------------------------------------------------------------------------- the model's helpers


@pytest.mark.parametrize(
    ("date", "precision", "first"),
    [
        ("2024-03-07", "day", dt.date(2024, 3, 7)),
        ("2024-03-04", "week", dt.date(2024, 3, 4)),  # a week is written as its Monday
        ("2024-03", "month", dt.date(2024, 3, 1)),
        ("2023-12", "season", dt.date(2023, 12, 1)),  # the winter of 2024 starts in December 2023
        ("2024", "year", dt.date(2024, 1, 1)),
    ],
)
def test_first_day_of_a_found_date_at_each_precision(date, precision, first):
    assert first_day(date, precision) == first


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("day", "month", "month"),
        ("month", "day", "month"),
        ("week", "week", "week"),
        ("season", "month", "season"),
        ("year", "season", "year"),
    ],
)
def test_coarser_of_two_precisions(a, b, expected):
    assert coarser(a, b) == expected


def test_precisions_rank_from_year_to_day():
    assert [precision_rank(p) for p in ("year", "season", "month", "week", "day")] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(
    ("text", "language", "detected"),
    [
        ("Publicado el 7 de marzo de 2024\n\nEl consejo aprobó el plan el martes.\n", "es", dt.date(2024, 3, 7)),
        ("Publicado el 7 de marzo de 2024\n\nEl consejo aprobó el plan el martes.\n", "en", None),
        ("Published March 7, 2024\n\nThe council approved the plan on Tuesday.\n", "en", dt.date(2024, 3, 7)),
        ("Published March 7, 2024\n\nThe council approved the plan on Tuesday.\n", "es", None),
    ],
)
def test_the_publication_date_is_read_in_the_language_given(text, language, detected):
    # a stamp in another language than the one given is not read as a date
    assert suggest(text, language=language).published.date == detected
