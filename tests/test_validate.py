"""The validator: the shipped data proves out, and each kind of bad input gets its own message
at the right line."""

from __future__ import annotations

import os

import pytest

from timeline.errors import DataError


def line_of(tiny, name: str, needle: str, nth: int = 1) -> int:
    """The line number of the nth line of a data file containing ``needle``."""
    hits = [i for i, line in enumerate((tiny.data_dir / name).read_text().splitlines(), 1) if needle in line]
    return hits[nth - 1]


def test_tiny_dataset_validates(tiny):
    dataset = tiny.load()
    assert [e.id for e in dataset.events] == ["talks-begin", "border-plan"]  # time order
    assert dataset.counts()["excerpts"] == 2
    assert dataset.derivations["border-plan"].status == "auto"
    assert dataset.us_admins["border-plan"] == ["us-biden"]
    assert dataset.mx_admins["border-plan"] == ["mx-lopez-obrador"]


def test_syntax_error_names_the_line(tiny):
    tiny.replace("events.yaml", "    title: Talks begin", "    title: [Talks begin")
    (problem,) = tiny.problems()
    assert problem.startswith(f"data/events.yaml:{line_of(tiny, 'events.yaml', 'summary: Officials')}:")
    assert "YAML syntax error" in problem


def test_tab_indentation_gets_a_hint(tiny):
    tiny.replace("events.yaml", "    title: Talks begin", "\ttitle: Talks begin")
    (problem,) = tiny.problems()
    assert f"data/events.yaml:{line_of(tiny, 'events.yaml', 'title: Talks begin')}:" in problem
    assert "tabs" in problem


def test_unknown_key_is_an_error_with_a_suggestion(tiny):
    tiny.replace("events.yaml", "    category: diplomacy", "    category: diplomacy\n    catgory: funding")
    (problem,) = tiny.problems()
    line = line_of(tiny, "events.yaml", "catgory")
    assert (
        problem
        == f'data/events.yaml:{line}: event "talks-begin": unknown key "catgory" (hint: did you mean "category"?)'
    )


def test_unknown_nested_key_names_its_mapping(tiny):
    tiny.replace("events.yaml", "      phrase: last month", "      phrase: last month\n      precision: month")
    (problem,) = tiny.problems()
    line = line_of(tiny, "events.yaml", "precision: month")
    assert problem.startswith(f'data/events.yaml:{line}: event "talks-begin": date_evidence: unknown key "precision"')


def test_key_written_twice_is_an_error_not_a_silent_overwrite(tiny):
    tiny.replace("events.yaml", "    date: 2022-06", "    date: 2022-06\n    date: 2021")
    (problem,) = tiny.problems()
    first, second = line_of(tiny, "events.yaml", "date: 2022-06"), line_of(tiny, "events.yaml", "date: 2021")
    assert problem.startswith(
        f'data/events.yaml:{second}: key "date" is written twice in one mapping (first on line {first})'
    )


def test_missing_field(tiny):
    tiny.replace("events.yaml", "    summary: Officials start talking.\n", "")
    (problem,) = tiny.problems()
    line = line_of(tiny, "events.yaml", "- id: talks-begin")
    assert problem.startswith(f'data/events.yaml:{line}: event "talks-begin": required key "summary" is missing')


def test_quote_not_verbatim_points_to_the_closest_passage(tiny):
    tiny.replace("events.yaml", "quote: The agreement follows talks", "quote: The agreement followed talks")
    (problem,) = tiny.problems()
    line = line_of(tiny, "events.yaml", "The agreement followed")
    assert problem.startswith(
        f'data/events.yaml:{line}: event "talks-begin": excerpts[1].quote: quote is not verbatim in wire.txt'
    )
    assert 'the closest passage is "The agreement follows talks that began last month' in problem


def test_quote_may_differ_in_whitespace_only(tiny):
    tiny.replace("events.yaml", "quote: agreed to spend $1.5 billion", "quote: agreed   to spend  $1.5 billion")
    assert tiny.load().counts()["excerpts"] == 2


def test_wrong_date_says_what_the_evidence_gives(tiny):
    tiny.replace("events.yaml", "    date: 2022-07-12", "    date: 2022-07-11")
    (problem,) = tiny.problems()
    line = line_of(tiny, "events.yaml", "date: 2022-07-11")
    assert problem.startswith(
        f'data/events.yaml:{line}: event "border-plan": date: dateparser resolves "Tuesday" against'
    )
    assert "to 2022-07-12, not 2022-07-11" in problem


def test_date_more_precise_than_its_evidence_needs_a_note(tiny):
    tiny.replace("events.yaml", "    date: 2022-06", "    date: 2022-06-27")
    (problem,) = tiny.problems()
    assert '"last month" gives only a month (2022-06), but 2022-06-27 is a day' in problem


def test_a_note_makes_the_date_manual_not_silently_accepted(tiny):
    tiny.replace("events.yaml", "    date: 2022-06", "    date: 2022-06-27")
    tiny.replace(
        "events.yaml", "      phrase: last month", "      phrase: last month\n      note: The record gives June 27."
    )
    dataset = tiny.load()
    assert dataset.derivations["talks-begin"].status == "manual"
    assert dataset.counts()["dates_manual"] == 1


def test_phrase_missing_from_the_article(tiny):
    tiny.replace("events.yaml", "phrase: last month", "phrase: last week")
    (problem,) = tiny.problems()
    assert 'date_evidence.phrase: "last week" is not in wire.txt' in problem


def test_anchor_must_be_the_publication_date_unless_explained(tiny):
    tiny.replace("events.yaml", "      anchor: 2022-07-13", "      anchor: 2022-07-20")
    (problem,) = tiny.problems()
    assert "anchor 2022-07-20 is not the publication date of wire-2022 (2022-07-13)" in problem


def test_unknown_source(tiny):
    tiny.replace(
        "events.yaml", "  - source: wire-2022\n        quote: The", "  - source: wire-2021\n        quote: The"
    )
    (problem,) = tiny.problems()
    line = line_of(tiny, "events.yaml", "source: wire-2021")
    assert problem == (
        f'data/events.yaml:{line}: event "talks-begin": excerpts[1].source: unknown source "wire-2021" '
        '(hint: did you mean "wire-2022"?)'
    )


def test_duplicate_id(tiny):
    tiny.replace("events.yaml", "- id: talks-begin", "- id: border-plan")
    (problem,) = tiny.problems()
    first, second = line_of(tiny, "events.yaml", "id: border-plan"), line_of(tiny, "events.yaml", "id: border-plan", 2)
    assert problem.startswith(
        f'data/events.yaml:{second}: event "border-plan": id: id "border-plan" is used twice (first on line {first})'
    )


@pytest.mark.parametrize("path", ["../outside.txt", "/etc/hostname", "sub/../../outside.txt"])
def test_source_path_may_not_leave_the_seeds_folder(tiny, path):
    (tiny.seeds_dir.parent / "outside.txt").write_text("secret")
    tiny.replace("sources.yaml", "file: wire.txt", f"file: {path}")
    problems = tiny.problems()
    line = line_of(tiny, "sources.yaml", "file:")
    assert problems[0].startswith(f'data/sources.yaml:{line}: source "wire-2022": file: "{path}"')


def test_symlink_leaving_the_seeds_folder_is_refused(tiny):
    (tiny.seeds_dir.parent / "outside.txt").write_text("secret")
    os.symlink(tiny.seeds_dir.parent / "outside.txt", tiny.seeds_dir / "link.txt")
    tiny.replace("sources.yaml", "file: wire.txt", "file: link.txt")
    assert any("leads outside the seeds folder" in p for p in tiny.problems())


def test_empty_file(tiny):
    tiny.write("events.yaml", "# nothing yet\n")
    (problem,) = tiny.problems()
    assert problem.startswith("data/events.yaml:1: file is empty")


def test_seed_that_is_not_utf8(tiny):
    (tiny.seeds_dir / "wire.txt").write_bytes("Line one\nCaf\xe9 two\n".encode("latin-1"))
    problems = tiny.problems()
    assert "seeds/wire.txt:2: not valid UTF-8 (byte 0xe9 at column 4) (hint: re-save the file as UTF-8)" in problems


def test_missing_seed_is_named(tiny):
    (tiny.seeds_dir / "wire.txt").unlink()
    problems = tiny.problems()
    assert "seeds/wire.txt: file not found (hint: check the path)" in problems
    assert any(p.startswith("data/sources.yaml:3:") for p in problems)


def test_end_must_be_after_date(tiny):
    tiny.replace("events.yaml", "    date: 2022-06\n", "    date: 2022-06\n    end: 2022-06-15\n")
    (problem,) = tiny.problems()
    assert 'event "talks-begin": end: end 2022-06-15 is not after date 2022-06' in problem


def test_date_outside_known_administrations(tiny):
    tiny.replace("events.yaml", "phrase: last month", "phrase: last month\n      note: a test")
    tiny.replace("events.yaml", "    date: 2022-06", "    date: 1990-06")
    problems = tiny.problems()
    assert any("1990-06 falls outside the known US administrations" in p for p in problems)
    assert any("1990-06 falls outside the known MX administrations" in p for p in problems)


def test_administration_gap_is_reported(tiny):
    tiny.replace("administrations.yaml", "start: 2021-01-20", "start: 2021-03-01")
    assert any('administration "us-biden": start: leaves a gap after "us-trump-1"' in p for p in tiny.problems())


def test_all_problems_are_reported_at_once(tiny):
    tiny.replace("events.yaml", "    date: 2022-07-12", "    date: 2022-07-11")
    tiny.replace("events.yaml", "quote: The agreement follows", "quote: The agreement followed")
    tiny.replace("administrations.yaml", "start: 2025-01-20\n    end: null", "start: 2025-01-20\n    end: 2025-01-01")
    problems = tiny.problems()
    assert len(problems) == 3
    assert [p.split(":")[0] for p in problems] == ["data/administrations.yaml", "data/events.yaml", "data/events.yaml"]


def test_bad_url_and_bidi_title_are_rejected(tiny):
    tiny.replace("sources.yaml", "url: https://example.org/2022/07/13/leaders-agree", "url: javascript:alert(1)")
    tiny.replace("events.yaml", "title: Talks begin", "title: Talks \u202ebegin")
    problems = tiny.problems()
    assert any('url: "javascript:alert(1)" is not an http(s) address' in p for p in problems)
    assert any('event "talks-begin": title: contains the bidirectional control U+202E' in p for p in problems)


def test_published_phrase_must_give_the_date(tiny):
    tiny.replace("sources.yaml", "date: 2022-07-13", "date: 2022-07-14")
    problems = tiny.problems()
    assert any('published.date: "2022/07/13" parses to 2022-07-13, not 2022-07-14' in p for p in problems)


def test_alias_bomb_is_refused_quickly(tiny):
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]")
    tiny.write("events.yaml", "\n".join(lines) + "\nevents: *a8\n")
    with pytest.raises(DataError) as info:
        tiny.load()
    assert "expands to more than" in str(info.value)


def test_data_error_lists_problems_in_file_order(tiny):
    tiny.replace("events.yaml", "category: diplomacy", "category: talks")
    tiny.replace("events.yaml", "category: funding", "category: money")
    with pytest.raises(DataError) as info:
        tiny.load()
    lines = [p.line for p in info.value.problems]
    assert lines == sorted(lines) and len(lines) == 2
    assert "Input should be 'agreement'" in str(info.value)
