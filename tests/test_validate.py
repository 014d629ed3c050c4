"""The validator: the shipped data proves out, and each kind of bad input gets its own message
at the right line."""

from __future__ import annotations

import gc
import os

import pytest
from pydantic import BaseModel
from test_hostile_corpus import CASES as HOSTILE_CASES
from test_hostile_corpus import build_case as build_hostile_case
from test_hostile_corpus import expected_stderr as hostile_expected

from timeline.errors import DataError
from timeline.loading import read_yaml
from timeline.models import Event, Source
from timeline.sources import read_article
from timeline.validate import _allowed_keys, _EventChecker, load_dataset


def line_of(tiny, name: str, needle: str, nth: int = 1) -> int:
    """The line number of the nth line of a data file containing ``needle``."""
    hits = [i for i, line in enumerate((tiny.data_dir / name).read_text().splitlines(), 1) if needle in line]
    return hits[nth - 1]


def add_spanish_label(tiny, es_title: str, label: str) -> None:
    """Give the Spanish translation of the event whose Spanish title is ``es_title`` a label."""
    tiny.replace("events.yaml", f"{{es: {{title: {es_title},", f"{{es: {{title: {es_title}, label: {label},")


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


def test_every_bad_excerpt_of_an_event_is_reported_not_only_the_first(tiny):
    # a second excerpt whose quote the article does not hold either
    quote = "        quote: The agreement follows talks that began last month"
    second = "\n      - source: wire-2022\n        quote: The talks never began at all"
    tiny.replace("events.yaml", quote, quote + second)
    tiny.replace("events.yaml", "quote: The agreement follows talks", "quote: The agreement followed talks")
    problems = tiny.problems()
    assert len(problems) == 2
    assert 'event "talks-begin": excerpts[1].quote: quote is not verbatim' in problems[0]
    assert 'event "talks-begin": excerpts[2].quote: quote is not verbatim' in problems[1]


def test_every_excerpt_with_an_unknown_source_is_reported(tiny):
    quote = "        quote: The agreement follows talks that began last month"
    second = "\n      - source: wire-2099\n        quote: The agreement follows talks"
    tiny.replace("events.yaml", quote, quote + second)
    tiny.replace(
        "events.yaml",
        "  - source: wire-2022\n        quote: The agreement follows talks that",
        "  - source: wire-2098\n        quote: The agreement follows talks that",
    )
    problems = tiny.problems()
    assert len(problems) == 2
    assert 'excerpts[1].source: unknown source "wire-2098"' in problems[0]
    assert 'excerpts[2].source: unknown source "wire-2099"' in problems[1]


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


def test_an_unknown_source_written_after_the_quote_is_reported_on_its_own_line(tiny):
    tiny.replace(
        "events.yaml",
        "  - source: wire-2022\n        quote: The agreement follows talks that began last month",
        "  - quote: The agreement follows talks that began last month\n        source: wire-2021",
    )
    (problem,) = tiny.problems()
    line = line_of(tiny, "events.yaml", "source: wire-2021")
    assert line == line_of(tiny, "events.yaml", "quote: The agreement follows") + 1
    assert problem.startswith(f'data/events.yaml:{line}: event "talks-begin": excerpts[1].source: unknown source')


def test_an_unknown_date_evidence_source_is_reported_on_its_own_line(tiny):
    tiny.replace(
        "events.yaml",
        "      source: wire-2022\n      phrase: last month",
        "      phrase: last month\n      source: wire-2021",
    )
    (problem,) = tiny.problems()
    line = line_of(tiny, "events.yaml", "source: wire-2021")
    assert line == line_of(tiny, "events.yaml", "phrase: last month") + 1
    assert problem == (
        f'data/events.yaml:{line}: event "talks-begin": date_evidence.source: unknown source "wire-2021" '
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


# --- label, headline, status ------------------------------------------------------------


def test_label_headline_and_status_load(tiny):
    tiny.replace(
        "events.yaml",
        "    title: Leaders agree on border plan\n",
        "    title: Leaders agree on border plan\n    label: Border plan agreed\n    headline: true\n",
    )
    add_spanish_label(tiny, "Acuerdan plan fronterizo", "Plan fronterizo")
    dataset = tiny.load()
    plan, talks = dataset.event("border-plan"), dataset.event("talks-begin")
    assert (plan.label, plan.headline, plan.status) == ("Border plan agreed", True, "reported")
    assert (talks.label, talks.headline, talks.status) == (None, False, "reported")


def test_label_of_40_characters_is_accepted(tiny):
    tiny.replace("events.yaml", "    title: Talks begin\n", "    title: Talks begin\n    label: " + "x" * 40 + "\n")
    add_spanish_label(tiny, "Comienzan las conversaciones", "Inicia el diálogo")
    assert tiny.load().event("talks-begin").label == "x" * 40


def test_label_of_41_characters_is_refused_at_its_line(tiny):
    tiny.replace("events.yaml", "    title: Talks begin\n", "    title: Talks begin\n    label: " + "x" * 41 + "\n")
    (problem,) = tiny.problems()
    line = line_of(tiny, "events.yaml", "label:")
    assert line == 23
    assert problem == (
        'data/events.yaml:23: event "talks-begin": label: is 41 characters long; keep it to 40 or fewer '
        f"(got {'x' * 41!r})"
    )


def test_headline_without_label_is_refused(tiny):
    tiny.replace("events.yaml", "    title: Talks begin\n", "    title: Talks begin\n    headline: true\n")
    (problem,) = tiny.problems()
    assert problem == 'data/events.yaml:21: event "talks-begin": label: a headline event needs a label'


def test_unknown_status_is_refused(tiny):
    tiny.replace("events.yaml", "    title: Talks begin\n", "    title: Talks begin\n    status: done\n")
    (problem,) = tiny.problems()
    assert problem == (
        "data/events.yaml:23: event \"talks-begin\": status: Input should be 'reported' or 'planned' (got 'done')"
    )


# --- no event reported before it happened ---------------------------------------------
# wire-2022 was published on 2022-07-13. With a note any date passes the derivation check
# (a manual date is trusted as written), so only the publication rule is left to judge it.

HINT = "(hint: check the date and its evidence; if it was scheduled, say status: planned)"


def set_plan_date(tiny, date: str) -> None:
    """Give border-plan (line 11: its date) a manual date."""
    tiny.replace("events.yaml", "    date: 2022-07-12\n", f"    date: {date}\n")
    tiny.replace("events.yaml", "      phrase: Tuesday\n", "      phrase: Tuesday\n      note: From the record.\n")


def set_talks_date(tiny, date: str) -> None:
    """Give talks-begin (line 26: its date) a manual date."""
    tiny.replace("events.yaml", "    date: 2022-06\n", f"    date: {date}\n")
    tiny.replace(
        "events.yaml", "      phrase: last month\n", "      phrase: last month\n      note: From the record.\n"
    )


def test_event_on_the_publication_day_is_fine(tiny):
    set_plan_date(tiny, "2022-07-13")
    assert str(tiny.load().event("border-plan").date) == "2022-07-13"


def test_event_the_day_after_publication_is_an_error(tiny):
    set_plan_date(tiny, "2022-07-14")
    (problem,) = tiny.problems()
    assert line_of(tiny, "events.yaml", "date: 2022-07-14") == 11
    assert problem == (
        'data/events.yaml:11: event "border-plan": date: 2022-07-14 is after the publication of every source '
        f"that reports it (2022-07-13) {HINT}"
    )


def test_event_the_day_before_publication_is_fine(tiny):
    set_plan_date(tiny, "2022-07-12")
    assert str(tiny.load().event("border-plan").date) == "2022-07-12"


def test_month_after_the_publication_month_is_an_error(tiny):
    set_talks_date(tiny, "2022-08")
    (problem,) = tiny.problems()
    assert problem == (
        'data/events.yaml:26: event "talks-begin": date: 2022-08 is after the publication of every source '
        f"that reports it (2022-07-13) {HINT}"
    )


def test_month_of_publication_is_fine(tiny):
    set_talks_date(tiny, "2022-07")  # runs past 2022-07-13, but its first day does not
    assert str(tiny.load().event("talks-begin").date) == "2022-07"


def test_year_after_publication_is_an_error(tiny):
    set_talks_date(tiny, "2023")
    (problem,) = tiny.problems()
    assert problem.startswith('data/events.yaml:26: event "talks-begin": date: 2023 is after the publication')


def test_automatic_date_after_publication_is_an_error_too(tiny):
    (tiny.seeds_dir / "wire.txt").write_text(
        (tiny.seeds_dir / "wire.txt").read_text() + "\nThey meet again tomorrow.\n", encoding="utf-8"
    )
    set_plan_date(tiny, "2022-07-14")
    tiny.replace("events.yaml", "      phrase: Tuesday\n      note: From the record.\n", "      phrase: tomorrow\n")
    problems = tiny.problems()
    assert problems == [
        'data/events.yaml:11: event "border-plan": date: 2022-07-14 is after the publication of every source '
        f"that reports it (2022-07-13) {HINT}"
    ]


LATER_SOURCE = """\
  - id: wire-later
    file: later.txt
    title: A later report
    outlet: Example Wire
    url: https://example.org/2022/07/15/later-report
    published:
      date: 2022-07-15
      found_in: url
      phrase: 2022/07/15
"""


def add_later_excerpt(tiny) -> None:
    """Cite border-plan also in an excerpt of an article published 2022-07-15, two days after wire-2022
    (which still dates it)."""
    (tiny.seeds_dir / "later.txt").write_text("Later\n\nThe border plan was signed last week.\n", encoding="utf-8")
    (tiny.data_dir / "sources.yaml").write_text(
        (tiny.data_dir / "sources.yaml").read_text() + LATER_SOURCE, encoding="utf-8"
    )
    tiny.replace(
        "events.yaml",
        "        quote: agreed to spend $1.5 billion on border technology\n",
        "        quote: agreed to spend $1.5 billion on border technology\n"
        "      - source: wire-later\n"
        "        quote: The border plan was signed last week.\n",
    )


def test_two_sources_only_the_earlier_exceeded_is_fine(tiny):
    add_later_excerpt(tiny)
    set_plan_date(tiny, "2022-07-14")  # after wire-2022 (07-13), not after wire-later (07-15)
    assert tiny.load().event("border-plan").first_day().isoformat() == "2022-07-14"


def test_two_sources_both_exceeded_names_the_latest(tiny):
    add_later_excerpt(tiny)
    set_plan_date(tiny, "2022-07-16")
    (problem,) = tiny.problems()
    assert problem == (
        'data/events.yaml:11: event "border-plan": date: 2022-07-16 is after the publication of every source '
        f"that reports it (2022-07-15) {HINT}"
    )


def test_planned_event_may_come_after_publication(tiny):
    set_plan_date(tiny, "2022-07-14")
    tiny.replace(
        "events.yaml",
        "    title: Leaders agree on border plan\n",
        "    title: Leaders agree on border plan\n    status: planned\n",
    )
    event = tiny.load().event("border-plan")
    assert (str(event.date), event.status) == ("2022-07-14", "planned")


def test_every_event_after_publication_is_reported_at_once(tiny):
    set_plan_date(tiny, "2022-07-14")
    set_talks_date(tiny, "2022-08")
    tiny.replace("events.yaml", "quote: The agreement follows", "quote: The agreement followed")
    problems = tiny.problems()
    lines = [line_of(tiny, "events.yaml", needle) for needle in ("date: 2022-07-14", "date: 2022-08", "followed")]
    assert [p.split(": ")[0] for p in problems] == [f"data/events.yaml:{line}" for line in lines]
    assert problems[0].endswith(
        f"date: 2022-07-14 is after the publication of every source that reports it (2022-07-13) {HINT}"
    )
    assert problems[1].endswith(
        f"date: 2022-08 is after the publication of every source that reports it (2022-07-13) {HINT}"
    )
    assert "quote is not verbatim" in problems[2]


def test_an_unknown_source_leaves_the_publication_rule_unjudged(tiny):
    set_plan_date(tiny, "2022-07-14")
    tiny.replace(
        "events.yaml", "  - source: wire-2022\n        quote: agreed", "  - source: wire-2099\n        quote: agreed"
    )
    (problem,) = tiny.problems()
    assert 'unknown source "wire-2099"' in problem


# --- the shipped data --------------------------------------------------------------------


def test_shipped_key_events_are_headlines_with_labels(shipped):
    for event_id in (
        "border-security-memorandum-2013",
        "mexico-central-america-plan-2018",
        "smart-border-pledge-2022",
        "trilateral-ministerial-meeting-2024",
    ):
        event = shipped.event(event_id)
        assert event is not None and event.headline and event.label, event_id
    headlines = [e for e in shipped.events if e.headline]
    assert 5 <= len(headlines) <= 7
    assert len({e.first_day().year for e in headlines}) >= 4  # spread over the years


def test_shipped_events_all_have_short_labels(shipped):
    for event in shipped.events:
        assert event.label, event.id
        assert len(event.label) <= 40, (event.id, event.label)
        assert event.label != event.title, event.id


# --- translations ------------------------------------------------------------------------
# In the tiny dataset each event's Spanish words are its last line, in flow style: border-plan's
# on line 19, talks-begin's on line 34 (talks-begin starts on line 21).

TALKS_ES = (
    "    translations: {es: {title: Comienzan las conversaciones, summary: Los funcionarios empiezan a dialogar.}}\n"
)


def label_talks(tiny, label: str = "Talks begin") -> None:
    """Give talks-begin an English label (line 23), which moves its translations to line 35."""
    tiny.replace("events.yaml", "    title: Talks begin\n", f"    title: Talks begin\n    label: {label}\n")


def spell_out_talks_es(tiny, label: str) -> None:
    """Write talks-begin's Spanish as a block with a label: translations, es, title, summary, label
    on lines 34-38, or 35-39 once :func:`label_talks` has added the English label."""
    tiny.replace(
        "events.yaml",
        TALKS_ES,
        "    translations:\n"
        "      es:\n"
        "        title: Comienzan las conversaciones\n"
        "        summary: Los funcionarios empiezan a dialogar.\n"
        f"        label: {label}\n",
    )


def test_tiny_events_carry_their_spanish(tiny):
    dataset = tiny.load()
    assert dataset.event("talks-begin").text_in("es") == (
        "Comienzan las conversaciones",
        None,
        "Los funcionarios empiezan a dialogar.",
    )
    assert dataset.event("talks-begin").text_in("en") == ("Talks begin", None, "Officials start talking.")
    assert line_of(tiny, "events.yaml", "translations:", 2) == 34


def test_missing_spanish_translation_is_reported_at_the_event(tiny):
    tiny.replace("events.yaml", TALKS_ES, "")
    assert tiny.problems() == [
        'data/events.yaml:21: event "talks-begin": translations: no es translation; '
        "add translations: {es: {title: ..., summary: ...}}"
    ]


def test_missing_spanish_translation_of_a_labelled_event_asks_for_a_label_too(tiny):
    label_talks(tiny)
    tiny.replace("events.yaml", TALKS_ES, "")
    assert tiny.problems() == [
        'data/events.yaml:21: event "talks-begin": translations: no es translation; '
        "add translations: {es: {title: ..., summary: ..., label: ...}}"
    ]


def test_empty_translations_mapping_is_a_missing_translation(tiny):
    tiny.replace("events.yaml", TALKS_ES, "    translations: {}\n")
    assert tiny.problems() == [
        'data/events.yaml:34: event "talks-begin": translations: no es translation; '
        "add translations: {es: {title: ..., summary: ...}}"
    ]


def test_missing_spanish_label_when_the_event_has_a_label(tiny):
    label_talks(tiny)
    assert tiny.problems() == [
        'data/events.yaml:35: event "talks-begin": translations: es: no label; '
        "the event has one, so give its translation one too"
    ]


def test_spanish_label_without_an_english_one(tiny):
    add_spanish_label(tiny, "Comienzan las conversaciones", "Inicia el diálogo")
    assert tiny.problems() == [
        'data/events.yaml:34: event "talks-begin": translations: es: a label, but the event has none; '
        "add the English label too, or remove this"
    ]


def test_spanish_label_of_40_characters_is_accepted(tiny):
    label_talks(tiny)
    spell_out_talks_es(tiny, "y" * 40)
    assert tiny.load().event("talks-begin").text_in("es")[1] == "y" * 40


def test_spanish_label_of_40_accented_characters_is_accepted(tiny):
    label = "Diálogo bilateral en Mérida, según Peñón"  # 40 characters, 45 bytes in UTF-8
    assert (len(label), len(label.encode("utf-8"))) == (40, 45)
    label_talks(tiny)
    spell_out_talks_es(tiny, label)
    assert tiny.load().event("talks-begin").text_in("es")[1] == label


def test_spanish_label_of_41_characters_is_refused_at_its_line(tiny):
    label_talks(tiny)
    spell_out_talks_es(tiny, "y" * 41)
    assert line_of(tiny, "events.yaml", "y" * 41) == 39  # the English label moved it down one line
    assert tiny.problems() == [
        'data/events.yaml:39: event "talks-begin": translations.es.label: is 41 characters long; '
        f"keep it to 40 or fewer (got {'y' * 41!r})"
    ]


def test_spanish_title_must_be_one_line(tiny):
    tiny.replace(
        "events.yaml", TALKS_ES, '    translations: {es: {title: "Comienzan\\nlas conversaciones", summary: Hablan.}}\n'
    )
    assert tiny.problems() == [
        'data/events.yaml:34: event "talks-begin": translations.es.title: must be one line '
        "(got 'Comienzan\\nlas conversaciones')"
    ]


def test_spanish_summary_is_required(tiny):
    tiny.replace("events.yaml", TALKS_ES, "    translations: {es: {title: Comienzan las conversaciones}}\n")
    assert tiny.problems() == [
        'data/events.yaml:34: event "talks-begin": translations.es: required key "summary" is missing '
        "(hint: add summary: …)"
    ]


def test_unknown_language_is_refused(tiny):
    tiny.replace("events.yaml", "{es: {title: Comienzan", "{fr: {title: Comienzan")
    assert tiny.problems() == [
        'data/events.yaml:34: event "talks-begin": translations: "fr" is not a language of this timeline; '
        "translations are written under es"
    ]


def test_unknown_language_beside_spanish_is_refused_too(tiny):
    tiny.replace(
        "events.yaml",
        TALKS_ES,
        TALKS_ES.replace("}}\n", "}, fr: {title: Les discussions commencent, summary: Ils parlent.}}\n"),
    )
    assert tiny.problems() == [
        'data/events.yaml:34: event "talks-begin": translations: "fr" is not a language of this timeline; '
        "translations are written under es"
    ]


def test_unknown_key_in_a_translation_is_refused(tiny):
    tiny.replace(
        "events.yaml",
        "{es: {title: Comienzan las conversaciones,",
        "{es: {titulo: X, title: Comienzan las conversaciones,",
    )
    (problem,) = tiny.problems()
    assert problem.startswith('data/events.yaml:34: event "talks-begin": translations.es: unknown key "titulo"')


def test_missing_administration_translation(tiny):
    tiny.replace("administrations.yaml", "    translations:\n      es:\n        name: Claudia Sheinbaum\n", "")
    assert line_of(tiny, "administrations.yaml", "id: mx-sheinbaum") == 112
    assert tiny.problems() == [
        'data/administrations.yaml:112: administration "mx-sheinbaum": translations: no es translation; '
        "add translations: {es: {name: ...}}"
    ]


def test_administration_name_in_spanish(tiny):
    tiny.replace("administrations.yaml", "        name: Andrés Manuel López Obrador\n", "        name: AMLO\n")
    admins = {a.id: a for a in tiny.load().administrations}
    assert admins["mx-lopez-obrador"].name_in("es") == "AMLO"
    assert admins["mx-lopez-obrador"].name_in("en") == "Andrés Manuel López Obrador"


# --- dates counted from another date, and what is planned -----------------------------
# wire-2022 (published Wednesday 2022-07-13) with two more sentences: "The day before" counts
# from "Tuesday" (2022-07-12), and "Friday" is scheduled.

MORE = "The day before, aides met to draft it. The new rules will take effect Friday.\n"


def add_event(tiny, date: str, phrase: str, anchor: str, extra: str = "", status: str = "") -> None:
    """An event "aides-meet" whose date rests on ``phrase``, with ``extra`` evidence lines."""
    (tiny.seeds_dir / "wire.txt").write_text(
        (tiny.seeds_dir / "wire.txt").read_text(encoding="utf-8") + MORE, encoding="utf-8"
    )
    tiny.events_file.write_text(
        tiny.events_file.read_text(encoding="utf-8")
        + f"""
  - id: aides-meet
    title: Aides meet
    summary: Aides draft the plan.{status}
    category: diplomacy
    actors: [Aides]
    date: {date}
    date_evidence:
      source: wire-2022
      phrase: {phrase}
      anchor: {anchor}{extra}
    excerpts:
      - source: wire-2022
        quote: aides met to draft it
    translations: {{es: {{title: Se reúnen asesores, summary: Los asesores redactan el plan.}}}}
""",
        encoding="utf-8",
    )


def test_a_date_counted_from_a_stated_date_is_derived(tiny):
    add_event(tiny, "2022-07-11", "The day before", "2022-07-12", "\n      anchor_phrase: Tuesday")
    dataset = tiny.load()
    assert dataset.derivations["aides-meet"].status == "auto"
    assert str(dataset.derivations["aides-meet"].resolved) == "2022-07-11"


def test_the_anchor_must_be_what_its_phrase_states(tiny):
    add_event(tiny, "2022-07-10", "The day before", "2022-07-11", "\n      anchor_phrase: Tuesday")
    (problem,) = tiny.problems()
    assert problem.endswith(
        'date_evidence.anchor: anchor 2022-07-11 is not the date "Tuesday" states against 2022-07-13 (2022-07-12) '
        "(hint: write anchor: 2022-07-12)"
    )


def test_an_anchor_phrase_must_be_in_the_article(tiny):
    add_event(tiny, "2022-07-11", "The day before", "2022-07-12", "\n      anchor_phrase: Monday")
    (problem,) = tiny.problems()
    assert 'date_evidence.anchor_phrase: "Monday" is not in wire.txt' in problem


def test_a_note_does_not_excuse_a_wrong_date_counted_from_a_stated_one(tiny):
    extra = "\n      anchor_phrase: Tuesday\n      note: Counted from Tuesday."
    add_event(tiny, "2022-07-10", "The day before", "2022-07-12", extra)
    (problem,) = tiny.problems()
    assert 'resolves "The day before" against 2022-07-12 to 2022-07-11, not 2022-07-10' in problem


def test_a_date_cannot_be_finer_than_the_date_it_counts_from(tiny):
    add_event(tiny, "2022-06-02", "The day before", "2022-06-01", "\n      anchor_phrase: last month")
    (problem,) = tiny.problems()
    assert '"last month" gives only a month, so 2022-06-02 cannot be a day (hint: write 2022-06)' in problem


def test_a_month_counted_from_a_month_is_derived(tiny):
    add_event(tiny, "2022-06", "The day before", "2022-06-01", "\n      anchor_phrase: last month")
    assert tiny.load().derivations["aides-meet"].status == "auto"


def test_what_is_planned_is_read_looking_ahead(tiny):
    add_event(tiny, "2022-07-15", "Friday", "2022-07-13", status="\n    status: planned")
    assert tiny.load().derivations["aides-meet"].status == "auto"


def test_a_scheduled_date_not_marked_planned_is_refused(tiny):
    add_event(tiny, "2022-07-15", "Friday", "2022-07-13")
    problems = tiny.problems()
    assert any('resolves "Friday" against 2022-07-13 to 2022-07-08, not 2022-07-15' in p for p in problems)
    assert any("is after the publication of every source" in p for p in problems)


# --- boundary tests for issue 14: the validator's edges --------------------------------
# border-plan's date is on line 11 (an end written under it is line 12); talks-begin's on line 26.


# Boundary test for issue 14: an end on the date's own day (or month) is not after it.
@pytest.mark.parametrize(
    ("end", "problems"),
    [
        ("2022-07-11", ['data/events.yaml:12: event "border-plan": end: end 2022-07-11 is not after date 2022-07-12']),
        ("2022-07-12", ['data/events.yaml:12: event "border-plan": end: end 2022-07-12 is not after date 2022-07-12']),
        ("2022-07-13", []),
    ],
)
def test_end_must_be_after_a_day_not_on_it(tiny, end, problems):
    tiny.replace("events.yaml", "    date: 2022-07-12\n", f"    date: 2022-07-12\n    end: {end}\n")
    if problems:
        assert tiny.problems() == problems
    else:
        assert str(tiny.load().event("border-plan").end) == end


# Boundary test for issue 14 (same rule, month precision).
@pytest.mark.parametrize(
    ("end", "problems"),
    [
        ("2022-07-31", ['data/events.yaml:27: event "talks-begin": end: end 2022-07-31 is not after date 2022-07']),
        ("2022-08-01", []),
    ],
)
def test_end_must_be_after_the_whole_month(tiny, end, problems):
    """A month runs to its last day: an end on it is inside the date, not after it."""
    set_talks_date(tiny, "2022-07")
    tiny.replace("events.yaml", "    date: 2022-07\n", f"    date: 2022-07\n    end: {end}\n")
    if problems:
        assert tiny.problems() == problems
    else:
        assert str(tiny.load().event("talks-begin").end) == end


# Boundary test for issue 14: terms must meet; one missing day between them is a gap.
@pytest.mark.parametrize(
    ("biden_start", "problems"),
    [
        ("2021-01-20", []),  # the day after us-trump-1's last day: no gap
        (
            "2021-01-21",  # 2021-01-20 belongs to no one
            [
                'data/administrations.yaml:50: administration "us-biden": start: leaves a gap after "us-trump-1" '
                "(ended 2021-01-19)"
            ],
        ),
    ],
)
def test_a_one_day_gap_between_terms_is_reported(tiny, biden_start, problems):
    tiny.replace("administrations.yaml", "end: 2021-01-20", "end: 2021-01-19")
    tiny.replace("administrations.yaml", "start: 2021-01-20", f"start: {biden_start}")
    assert line_of(tiny, "administrations.yaml", f"start: {biden_start}") == 50
    if problems:
        assert tiny.problems() == problems
    else:
        assert tiny.load().administration("us-biden").start.isoformat() == "2021-01-20"


# Boundary test for issue 14: an event that starts inside the terms but ends after the last one.
# Closed terms only (no incumbent): the last US term ends on 2022-07-20, Mexico's runs on past it.
CLOSED_TERMS = """\
administrations:
  - id: us-trump-1
    country: US
    name: Donald Trump
    party: Republican
    start: 2017-01-20
    end: 2021-01-20
    translations: {es: {name: Donald Trump}}
  - id: us-biden
    country: US
    name: Joe Biden
    party: Democratic
    start: 2021-01-20
    end: 2022-07-20
    translations: {es: {name: Joe Biden}}
  - id: mx-lopez-obrador
    country: MX
    name: Andrés Manuel López Obrador
    party: Morena
    start: 2018-12-01
    end: 2024-09-30
    translations: {es: {name: Andrés Manuel López Obrador}}
"""


@pytest.mark.parametrize(
    ("end", "problems"),
    [
        ("2022-07-19", []),
        ("2022-07-20", []),  # the last term's last day
        (
            "2022-07-21",
            [
                'data/events.yaml:11: event "border-plan": date: 2022-07-12 falls outside the known US '
                "administrations (hint: extend administrations.yaml)"
            ],
        ),
    ],
)
def test_an_event_ending_after_the_last_closed_term_is_outside(tiny, end, problems):
    tiny.write("administrations.yaml", CLOSED_TERMS)
    tiny.replace("events.yaml", "    date: 2022-07-12\n", f"    date: 2022-07-12\n    end: {end}\n")
    if problems:
        assert tiny.problems() == problems
    else:
        assert tiny.load().us_admins["border-plan"] == ["us-biden"]


# Boundary test for issue 14: two errors in one event are two problems, each at its own line.
@pytest.mark.parametrize(
    ("old", "new", "problems"),
    [
        (
            "    category: diplomacy\n",
            "    catgory: diplomacy\n    category: talks\n",
            [
                'data/events.yaml:24: event "talks-begin": unknown key "catgory" (hint: did you mean "category"?)',
                "data/events.yaml:25: event \"talks-begin\": category: Input should be 'agreement', 'funding', "
                "'enforcement', 'migration-pathways', 'diplomacy' or 'context' (got 'talks')",
            ],
        ),
        (
            "    summary: Officials start talking.\n    category: diplomacy\n",
            "    category: diplomacy\n    headline: maybe\n",
            [
                'data/events.yaml:21: event "talks-begin": required key "summary" is missing (hint: add summary: …)',
                'data/events.yaml:24: event "talks-begin": headline: Input should be a valid boolean, '
                "unable to interpret input (got 'maybe')",
            ],
        ),
    ],
    ids=["unknown-key-and-bad-category", "missing-key-and-bad-boolean"],
)
def test_every_error_in_one_event_is_reported_at_its_own_line(tiny, old, new, problems):
    tiny.replace("events.yaml", old, new)
    assert tiny.problems() == problems


# --- the anchor_phrase check, line by line ----------------------------------------------
# A date counted from another date the article states: the anchor_phrase must be in the
# article, be readable against the publication date, give the anchor, and be at least as
# precise as the date. Each problem is reported at its own line with its own hint.
# ``add_counted_event`` appends a sentence to an article and an event "rules-start" resting on
# it, always on the same lines of events.yaml: the event on 36, its date on 41, the anchor on 45,
# the anchor_phrase on 46.

ANCHOR_PHRASE_HINT = (
    "(hint: give a phrase that states the anchor's date, or drop anchor_phrase and explain the anchor in a note)"
)


def add_source(tiny, source_id: str, file: str, text: str, published: str, language: str = "en") -> None:
    """A second source, published on ``published`` (known from the record), whose article is ``text``."""
    (tiny.seeds_dir / file).write_text(text, encoding="utf-8")
    (tiny.data_dir / "sources.yaml").write_text(
        (tiny.data_dir / "sources.yaml").read_text(encoding="utf-8")
        + f"""\
  - id: {source_id}
    file: {file}
    title: A second report
    outlet: Example Wire
    url: https://example.org/second-report
    published: {{date: {published}, found_in: record, note: The outlet's archive gives it.}}
    language: {language}
""",
        encoding="utf-8",
    )


def add_counted_event(
    tiny,
    sentence: str,
    date: str,
    phrase: str,
    anchor: str,
    anchor_phrase: str,
    planned: bool = False,
    source: str = "wire-2022",
) -> None:
    """Append ``sentence`` to wire.txt (for wire-2022) and an event "rules-start" quoting it, dated
    by ``phrase`` counted from ``anchor``, which ``anchor_phrase`` states."""
    if source == "wire-2022":
        wire = tiny.seeds_dir / "wire.txt"
        wire.write_text(wire.read_text(encoding="utf-8") + sentence + "\n", encoding="utf-8")
    status = "\n    status: planned" if planned else ""  # last, so the lines above do not move
    tiny.events_file.write_text(
        tiny.events_file.read_text(encoding="utf-8")
        + f"""
  - id: rules-start
    title: Rules start
    summary: New rules take effect.
    category: enforcement
    actors: [Officials]
    date: {date}
    date_evidence:
      source: {source}
      phrase: {phrase}
      anchor: {anchor}
      anchor_phrase: {anchor_phrase}
    excerpts:
      - source: {source}
        quote: {sentence}
    translations: {{es: {{title: Entran en vigor las reglas, summary: Las nuevas reglas entran en vigor.}}}}{status}
""",
        encoding="utf-8",
    )


def test_counted_event_lines_are_where_the_tests_expect(tiny):
    add_counted_event(tiny, "Crews were hired in May.", "2021-05", "in May", "2021-05-03", "Crews were hired")
    needles = ("id: rules-start", "date: 2021-05", "anchor: 2021-05-03", "anchor_phrase: Crews")
    assert [line_of(tiny, "events.yaml", needle) for needle in needles] == [36, 41, 45, 46]


@pytest.mark.parametrize(
    ("anchor_phrase", "hint"),
    [
        ("Thursday", 'the closest passage is "Tuesday"'),  # one letter off a word of the article
        ("zzzz", "copy the words exactly from the article"),  # like nothing in it
    ],
)
def test_an_anchor_phrase_missing_from_the_article_is_reported_at_its_line(tiny, anchor_phrase, hint):
    sentence = "The day before, aides met to draft the plan."
    add_counted_event(tiny, sentence, "2022-07-11", "The day before", "2022-07-12", anchor_phrase)
    assert tiny.problems() == [
        f'data/events.yaml:46: event "rules-start": date_evidence.anchor_phrase: "{anchor_phrase}" '
        f"is not in wire.txt (hint: {hint})"
    ]


def test_an_anchor_phrase_that_is_no_date_is_reported_at_its_line(tiny):
    sentence = "Aides met the day before, officials said again."
    add_counted_event(tiny, sentence, "2022-07-11", "the day before", "2022-07-12", "officials said again")
    assert tiny.problems() == [
        'data/events.yaml:46: event "rules-start": date_evidence.anchor_phrase: "officials said again" '
        f"cannot be read as a date against 2022-07-13 {ANCHOR_PHRASE_HINT}"
    ]


def test_an_anchor_phrase_read_past_the_end_of_the_calendar_cannot_be_read(tiny):
    # "tomorrow" from the last day dateparser knows overflows: reported like an unreadable phrase.
    sentence = "The vote is tomorrow and the count the day after."
    add_source(tiny, "far-future", "far.txt", f"Far\n\n{sentence}\n", "9999-12-31")
    add_counted_event(tiny, sentence, "2022-07-12", "the day after", "2022-07-12", "tomorrow", source="far-future")
    assert tiny.problems() == [
        'data/events.yaml:46: event "rules-start": date_evidence.anchor_phrase: "tomorrow" '
        f"cannot be read as a date against 9999-12-31 {ANCHOR_PHRASE_HINT}"
    ]


def test_an_anchor_other_than_what_its_phrase_states_is_reported_at_the_anchor(tiny):
    sentence = "The day before, aides met to draft the plan."
    add_counted_event(tiny, sentence, "2022-07-10", "The day before", "2022-07-11", "Tuesday")
    assert tiny.problems() == [
        'data/events.yaml:45: event "rules-start": date_evidence.anchor: anchor 2022-07-11 is not the date '
        '"Tuesday" states against 2022-07-13 (2022-07-12) (hint: write anchor: 2022-07-12)'
    ]


# The hint gives the date at what the anchor_phrase states; a week, which a date cannot be
# written as, gives its month.
@pytest.mark.parametrize(
    ("sentence", "date", "phrase", "anchor", "anchor_phrase", "message"),
    [
        (
            "Crews were hired last week and trained the day after.",
            "2022-07-05",
            "the day after",
            "2022-07-04",  # the Monday of the week "last week" gives (2022-07-06)
            "last week",
            '"last week" gives only a week, so 2022-07-05 cannot be a day (hint: write 2022-07)',
        ),
        (
            "Funding began last year and grew the month after.",
            "2021-03",
            "the month after",
            "2021-01-01",
            "last year",
            '"last year" gives only a year, so 2021-03 cannot be a month (hint: write 2021)',
        ),
        (
            "Talks resumed last month; the day before, envoys had met.",
            "2022-06-02",
            "the day before",
            "2022-06-01",
            "last month",
            '"last month" gives only a month, so 2022-06-02 cannot be a day (hint: write 2022-06)',
        ),
    ],
    ids=["week", "year", "month"],
)
def test_a_date_finer_than_its_anchor_phrase_is_reported_at_the_date(
    tiny, sentence, date, phrase, anchor, anchor_phrase, message
):
    add_counted_event(tiny, sentence, date, phrase, anchor, anchor_phrase)
    assert tiny.problems() == [f'data/events.yaml:41: event "rules-start": date: {message}']


FRIDAY = "The new rules take effect Friday and inspections start the day after."


def test_a_planned_events_anchor_phrase_is_read_looking_ahead(tiny):
    # "Friday" in an article of Wednesday 2022-07-13: looking back 2022-07-08, ahead 2022-07-15.
    add_counted_event(tiny, FRIDAY, "2022-07-16", "the day after", "2022-07-15", "Friday", planned=True)
    derivation = tiny.load().derivations["rules-start"]
    assert (derivation.status, str(derivation.resolved), derivation.period) == ("auto", "2022-07-16", "day")


def test_a_reported_events_anchor_phrase_is_read_looking_back(tiny):
    add_counted_event(tiny, FRIDAY, "2022-07-16", "the day after", "2022-07-15", "Friday")
    assert tiny.problems() == [
        'data/events.yaml:41: event "rules-start": date: 2022-07-16 is after the publication of every source '
        f"that reports it (2022-07-13) {HINT}",
        'data/events.yaml:45: event "rules-start": date_evidence.anchor: anchor 2022-07-15 is not the date '
        '"Friday" states against 2022-07-13 (2022-07-08) (hint: write anchor: 2022-07-08)',
    ]


def test_a_planned_events_anchor_phrase_stating_a_past_date_is_kept(tiny):
    # Looking ahead is only a second try: a phrase whose past reading is the anchor keeps it.
    sentence = "Talks resumed Tuesday and the ban starts the day after."
    add_counted_event(tiny, sentence, "2022-07-13", "the day after", "2022-07-12", "Tuesday", planned=True)
    assert str(tiny.load().derivations["rules-start"].resolved) == "2022-07-13"


SPANISH = (
    "Cable\n\n"
    "Las nuevas reglas entran en vigor el viernes y las inspecciones empiezan el día siguiente.\n\n"
    "Las conversaciones comenzaron el mes pasado; el día anterior hubo una reunión.\n"
)


def test_a_spanish_anchor_phrase_is_read_in_spanish_looking_ahead_when_planned(tiny):
    add_source(tiny, "cable-es", "cable.txt", SPANISH, "2022-07-13", language="es")
    sentence = "Las nuevas reglas entran en vigor el viernes y las inspecciones empiezan el día siguiente."
    add_counted_event(
        tiny, sentence, "2022-07-16", "el día siguiente", "2022-07-15", "el viernes", planned=True, source="cable-es"
    )
    derivation = tiny.load().derivations["rules-start"]
    assert (derivation.status, str(derivation.resolved), derivation.period) == ("auto", "2022-07-16", "day")


def test_a_spanish_day_counted_from_a_month_stays_in_that_month(tiny):
    add_source(tiny, "cable-es", "cable.txt", SPANISH, "2022-07-13", language="es")
    sentence = "Las conversaciones comenzaron el mes pasado; el día anterior hubo una reunión."
    add_counted_event(tiny, sentence, "2022-06", "el día anterior", "2022-06-01", "el mes pasado", source="cable-es")
    derivation = tiny.load().derivations["rules-start"]
    assert (derivation.status, str(derivation.resolved), derivation.period) == ("auto", "2022-06", "month")


# "The day before" a month stays in that month (as suggest reads it): 2022-06, resolved at a month.
TALKS_RESUMED = "Talks resumed last month; the day before, envoys had met."


def test_a_day_counted_from_a_month_is_derived_as_that_month(tiny):
    add_counted_event(tiny, TALKS_RESUMED, "2022-06", "the day before", "2022-06-01", "last month")
    derivation = tiny.load().derivations["rules-start"]
    assert (derivation.status, str(derivation.resolved), derivation.period) == ("auto", "2022-06", "month")


def test_a_day_counted_from_a_month_may_not_be_any_other_month(tiny):
    add_counted_event(tiny, TALKS_RESUMED, "2022-04", "the day before", "2022-06-01", "last month")
    assert tiny.problems() == [
        'data/events.yaml:41: event "rules-start": date: dateparser resolves "the day before" against 2022-06-01 '
        "to 2022-05-31, not 2022-04; fix the date, the phrase or the anchor, or add a note that explains the date"
    ]


def test_a_phrase_coarser_than_its_anchor_phrase_is_not_kept_in_the_anchors_period(tiny):
    # "that year" says less than "last month": the date is held to the year it gives.
    sentence = "Talks resumed last month; that year, envoys met often."
    add_counted_event(tiny, sentence, "2022-06", "that year", "2022-06-01", "last month")
    assert tiny.problems() == [
        'data/events.yaml:41: event "rules-start": date: "that year" gives only a year (2022), but 2022-06 is a '
        "month; write 2022 or add a note"
    ]


# --- the hostile-input corpus, in process ------------------------------------------------
# tests/test_hostile_corpus.py runs each case through the command line, in a subprocess: right
# for the user's view, but the mutation run only counts the tests that call the validator in
# this process. The same cases and their exact problem lines, through load_dataset itself.


@pytest.mark.parametrize("case", HOSTILE_CASES, ids=[c["name"] for c in HOSTILE_CASES])
def test_each_hostile_case_gives_exactly_its_problems_in_process(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # files are shown as data/events.yaml, as the command line shows them
    build_hostile_case(case, tmp_path)
    with pytest.raises(DataError) as info:
        load_dataset(tmp_path / "data", tmp_path / "seeds")
    lines = hostile_expected(case).splitlines()[1:]  # after the command line's "N problems found:"
    assert [str(p) for p in info.value.problems] == lines


# --- the figures validate prints ------------------------------------------------------


def test_counts_on_the_tiny_dataset(tiny):
    assert tiny.load().counts() == {
        "events": 2,
        "sources": 1,
        "administrations": 10,  # the shipped administrations.yaml
        "excerpts": 2,
        "dates_auto": 2,
        "dates_manual": 0,
        "published_auto": 1,
        "published_manual": 0,
    }


def test_counts_tell_automatic_from_manual(tiny):
    # dates: border-plan and rules-start derived, talks-begin manual (a note); publication dates:
    # wire-2022's read from its url, three others known from the record.
    set_talks_date(tiny, "2022-06-27")
    add_counted_event(tiny, TALKS_RESUMED, "2022-06", "the day before", "2022-06-01", "last month")
    for name in ("record-a", "record-b", "record-c"):
        add_source(tiny, name, f"{name}.txt", "A report\n\nNothing dated here.\n", "2022-07-13")
    assert tiny.load().counts() == {
        "events": 3,
        "sources": 4,
        "administrations": 10,
        "excerpts": 3,
        "dates_auto": 2,
        "dates_manual": 1,
        "published_auto": 1,
        "published_manual": 3,
    }


# --- the garbage collector, off while loading ---------------------------------------------


@pytest.mark.parametrize("valid", [True, False], ids=["valid", "with-problems"])
def test_loading_turns_the_garbage_collector_back_on(tiny, valid):
    if not valid:
        tiny.replace("events.yaml", "    date: 2022-07-12", "    date: 2022-07-11")
    assert gc.isenabled()
    if valid:
        tiny.load()
    else:
        tiny.problems()
    assert gc.isenabled()


def test_loading_leaves_a_disabled_garbage_collector_disabled(tiny):
    gc.disable()
    try:
        tiny.load()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_each_event_knows_the_line_it_starts_on(tiny):
    add_counted_event(tiny, TALKS_RESUMED, "2022-06", "the day before", "2022-06-01", "last month")
    assert tiny.load().lines == {"border-plan": 2, "talks-begin": 21, "rules-start": 36}


def test_the_dataset_keeps_its_folders_as_paths_and_its_articles(tiny):
    dataset = load_dataset(str(tiny.data_dir), str(tiny.seeds_dir))  # folders given as plain strings
    assert (dataset.data_dir, dataset.seeds_dir) == (tiny.data_dir, tiny.seeds_dir)
    assert list(dataset.articles) == ["wire-2022"]
    assert dataset.articles["wire-2022"].text.startswith("Leaders agree on border plan\n\nWASHINGTON")


# --- the shape of a data file -----------------------------------------------------------

NO_EVENTS_LIST = (
    'data/events.yaml:1: the file must be a mapping with a top-level "events:" list (hint: start it with events:)'
)


@pytest.mark.parametrize(
    "text",
    [
        "evnts:\n  - id: talks-begin\n",  # a mapping, misspelt key
        "- id: talks-begin\n",  # a list without its key
        "events are listed here\n",  # plain text
    ],
    ids=["mapping-without-the-key", "bare-list", "text"],
)
def test_a_data_file_without_its_top_level_list_says_how_to_start_it(tiny, text):
    tiny.write("events.yaml", text)
    assert tiny.problems() == [NO_EVENTS_LIST]


def test_a_top_level_key_that_is_not_a_list_is_reported_at_the_key(tiny):
    tiny.write("events.yaml", "# none yet\nevents:\n  id: talks-begin\n")
    assert tiny.problems() == ['data/events.yaml:2: "events" must be a list of entries, each starting with "- "']


# --- entries that cannot be built, and those after them ---------------------------------
# The wrong anchor of "rules-start" (line 45, see add_counted_event) is reported only if the
# entries before it did not stop the checks.

RULES_START_WRONG_ANCHOR = (
    'data/events.yaml:45: event "rules-start": date_evidence.anchor: anchor 2022-07-11 is not the date '
    '"Tuesday" states against 2022-07-13 (2022-07-12) (hint: write anchor: 2022-07-12)'
)


def add_wrong_anchor_event(tiny) -> None:
    """rules-start, with an anchor (2022-07-11) other than the day "Tuesday" gives (2022-07-12)."""
    add_counted_event(
        tiny, "The day before, aides met to draft the plan.", "2022-07-10", "The day before", "2022-07-11", "Tuesday"
    )


def test_an_entry_that_is_not_a_mapping_is_reported_and_the_next_ones_still_checked(tiny):
    # In place of the blank line 20 between the two events: their lines stay as they were.
    tiny.replace("events.yaml", "\n\n  - id: talks-begin", "\n  - a sentence, not an event\n  - id: talks-begin")
    add_wrong_anchor_event(tiny)
    assert tiny.problems() == [
        "data/events.yaml:20: event #2: each event must be a mapping of keys",
        RULES_START_WRONG_ANCHOR,
    ]


def test_a_repeated_id_is_reported_at_its_id_line_and_the_next_ones_still_checked(tiny):
    # talks-begin, renamed border-plan, with its id on its second line (22), not its first (21)
    tiny.replace(
        "events.yaml", "  - id: talks-begin\n    title: Talks begin\n", "  - title: Talks begin\n    id: border-plan\n"
    )
    add_wrong_anchor_event(tiny)
    assert tiny.problems() == [
        'data/events.yaml:22: event "border-plan": id: id "border-plan" is used twice (first on line 2) '
        "(hint: ids must be unique; rename one)",
        RULES_START_WRONG_ANCHOR,
    ]


# --- an unknown key with nothing like it: the hint lists the keys of its own mapping -------

EVENT_KEYS = (
    "id, title, headline, status, label, summary, category, actors, amounts, date, end, date_evidence, excerpts, "
    "translations"
)


@pytest.mark.parametrize(
    ("name", "after", "problem"),
    [
        (
            "events.yaml",
            "    category: diplomacy\n",
            f'data/events.yaml:25: event "talks-begin": unknown key "zzz" (hint: allowed keys: {EVENT_KEYS})',
        ),
        (
            "events.yaml",
            "      phrase: last month\n",
            'data/events.yaml:30: event "talks-begin": date_evidence: unknown key "zzz" '
            "(hint: allowed keys: source, phrase, anchor, anchor_phrase, note)",
        ),
        (
            "events.yaml",
            "        quote: The agreement follows talks that began last month\n",
            'data/events.yaml:34: event "talks-begin": excerpts[1]: unknown key "zzz" '
            "(hint: allowed keys: source, quote)",
        ),
        (
            "events.yaml",
            "        what: border technology\n",
            'data/events.yaml:11: event "border-plan": amounts[1]: unknown key "zzz" '
            "(hint: allowed keys: value, currency, what)",
        ),
        (
            "sources.yaml",
            "      phrase: 2022/07/13\n",
            'data/sources.yaml:11: source "wire-2022": published: unknown key "zzz" '
            "(hint: allowed keys: date, found_in, phrase, note)",
        ),
    ],
    ids=["event", "date_evidence", "excerpt", "amount", "published"],
)
def test_an_unknown_key_like_no_other_gets_the_keys_its_mapping_allows(tiny, name, after, problem):
    indent = after[: len(after) - len(after.lstrip())]  # the new key sits beside the line it follows
    tiny.replace(name, after, f"{after}{indent}zzz: 1\n")
    assert tiny.problems() == [problem]


# The hint walks the model down the path of the unknown key. Today's models nest one level
# (list[Excerpt], dict[str, EventText]); the walk must also find a model inside an optional
# list, inside a list item, or behind an optional, for the model a later field might bring.


class _Leaf(BaseModel):
    first: int
    second: int


class _Item(BaseModel):
    leaf: _Leaf
    count: int


class _Root(BaseModel):
    items: list[_Item] | None = None
    maybe: _Leaf | None = None
    name: str = ""
    tags: dict[str, int] = {}


@pytest.mark.parametrize(
    ("loc", "keys"),
    [
        ((), ["items", "maybe", "name", "tags"]),
        (("items", 0), ["leaf", "count"]),  # a model in a list that may be missing
        (("items", 2, "leaf"), ["first", "second"]),  # a model in a list item
        (("maybe",), ["first", "second"]),  # a model that may be missing
        (("name",), []),  # not a mapping
        (("tags",), []),  # a mapping of plain values, not a model
        (("nothing", "first"), []),  # no such field
    ],
)
def test_the_allowed_keys_are_those_of_the_model_at_the_path(loc, keys):
    assert _allowed_keys(_Root, loc) == keys


def test_two_unknown_keys_in_one_event_are_both_reported(tiny):
    tiny.replace("events.yaml", "    category: diplomacy\n", "    category: diplomacy\n    catgory: x\n    sumary: y\n")
    assert tiny.problems() == [
        'data/events.yaml:25: event "talks-begin": unknown key "catgory" (hint: did you mean "category"?)',
        'data/events.yaml:26: event "talks-begin": unknown key "sumary" (hint: did you mean "summary"?)',
    ]


# --- quotes and date phrases not in the article: exact lines and hints ---------------------


@pytest.mark.parametrize(
    ("quote", "hint"),
    [
        ("The agreement followed talks", 'the closest passage is "The agreement follows talks"'),
        ("zzzz qqqq", "copy the words exactly from the article"),
    ],
)
def test_a_quote_not_in_the_article_is_reported_at_the_quote(tiny, quote, hint):
    tiny.replace("events.yaml", "quote: The agreement follows talks that began last month", f"quote: {quote}")
    assert tiny.problems() == [
        f'data/events.yaml:33: event "talks-begin": excerpts[1].quote: quote is not verbatim in wire.txt (hint: {hint})'
    ]


@pytest.mark.parametrize(
    ("phrase", "hint"),
    [
        ("last week", 'the closest passage is "at the"'),  # two words, like the phrase
        ("zzzz", "copy the words exactly from the article"),
    ],
)
def test_a_date_phrase_not_in_the_article_is_reported_at_the_phrase(tiny, phrase, hint):
    tiny.replace("events.yaml", "phrase: last month", f"phrase: {phrase}")
    assert tiny.problems() == [
        f'data/events.yaml:29: event "talks-begin": date_evidence.phrase: "{phrase}" is not in wire.txt (hint: {hint})'
    ]


def test_an_unknown_source_like_no_other_is_to_be_added(tiny):
    tiny.replace("events.yaml", "  - source: wire-2022\n        quote: The", "  - source: zzzz\n        quote: The")
    assert tiny.problems() == [
        'data/events.yaml:32: event "talks-begin": excerpts[1].source: unknown source "zzzz" '
        "(hint: add it to sources.yaml)"
    ]


# --- the anchor is the publication date, unless a note explains it --------------------------

OTHER_ANCHOR_HINT = (
    "(hint: use the publication date, give the anchor_phrase that states it, or explain the anchor in a note)"
)


def test_an_anchor_other_than_the_publication_date_is_reported_at_the_anchor(tiny):
    tiny.replace(
        "events.yaml", "phrase: last month\n      anchor: 2022-07-13", "phrase: last month\n      anchor: 2022-07-20"
    )
    assert tiny.problems() == [
        'data/events.yaml:30: event "talks-begin": date_evidence.anchor: anchor 2022-07-20 is not the publication '
        f"date of wire-2022 (2022-07-13) {OTHER_ANCHOR_HINT}"
    ]


def test_an_anchor_explained_in_a_note_is_read_as_given(tiny):
    # "last month" from 2022-07-20 is still June: the date follows, and is derived, not manual.
    tiny.replace(
        "events.yaml",
        "phrase: last month\n      anchor: 2022-07-13",
        "phrase: last month\n      anchor: 2022-07-20\n      note: Counted from the day the talks were announced.",
    )
    derivation = tiny.load().derivations["talks-begin"]
    assert (derivation.status, str(derivation.resolved), derivation.period) == ("auto", "2022-06", "month")


# --- how a source's publication date is known ---------------------------------------------
# In the tiny sources.yaml: published on line 7, its date on 8, found_in on 9, phrase on 10.

STAMP_HINT = "(hint: a page stamp is not always the publication date; check the evidence)"


@pytest.mark.parametrize(
    ("old", "new", "problems"),
    [
        (
            "      found_in: url\n      phrase: 2022/07/13\n",
            "      found_in: record\n",
            [
                'data/sources.yaml:7: source "wire-2022": published.note: a date found in the record needs a note '
                "saying how it is known"
            ],
        ),
        (
            "      phrase: 2022/07/13\n",
            "",
            [
                'data/sources.yaml:7: source "wire-2022": published.phrase: give the phrase in the url '
                "that shows the date"
            ],
        ),
        (
            "      found_in: url\n      phrase: 2022/07/13\n",
            "      found_in: text\n",
            [
                'data/sources.yaml:7: source "wire-2022": published.phrase: give the phrase in the text '
                "that shows the date"
            ],
        ),
        (
            "phrase: 2022/07/13",
            "phrase: 2022/07/14",
            ['data/sources.yaml:10: source "wire-2022": published.phrase: "2022/07/14" is not in the url'],
        ),
        (
            "found_in: url\n      phrase: 2022/07/13",
            "found_in: text\n      phrase: July 13, 2022",
            ['data/sources.yaml:10: source "wire-2022": published.phrase: "July 13, 2022" is not in the article'],
        ),
        (
            "phrase: 2022/07/13",
            "phrase: leaders-agree",  # in the url, but no date
            [
                'data/sources.yaml:8: source "wire-2022": published.date: "leaders-agree" parses to nothing, '
                f"not 2022-07-13 {STAMP_HINT}"
            ],
        ),
        (
            "date: 2022-07-13",
            "date: 2022-07-14",
            [
                'data/events.yaml:15: event "border-plan": date_evidence.anchor: anchor 2022-07-13 is not the '
                f"publication date of wire-2022 (2022-07-14) {OTHER_ANCHOR_HINT}",
                'data/events.yaml:30: event "talks-begin": date_evidence.anchor: anchor 2022-07-13 is not the '
                f"publication date of wire-2022 (2022-07-14) {OTHER_ANCHOR_HINT}",
                'data/sources.yaml:8: source "wire-2022": published.date: "2022/07/13" parses to 2022-07-13, '
                f"not 2022-07-14 {STAMP_HINT}",
            ],
        ),
    ],
    ids=[
        "record-without-note",
        "url-without-phrase",
        "text-without-phrase",
        "phrase-not-in-url",
        "phrase-not-in-article",
        "phrase-no-date",
        "phrase-another-date",
    ],
)
def test_a_publication_date_must_show_how_it_is_known(tiny, old, new, problems):
    tiny.replace("sources.yaml", old, new)
    assert tiny.problems() == problems


@pytest.mark.parametrize(
    ("old", "new", "status"),
    [
        ("phrase: 2022/07/13", "phrase: 2022/07/13", "auto"),  # read from the url
        ("found_in: url\n      phrase: 2022/07/13", "found_in: text\n      phrase: July 13, 2022", "auto"),
        ("found_in: url\n      phrase: 2022/07/13", "found_in: record\n      note: The outlet's archive.", "manual"),
    ],
    ids=["url", "text", "record"],
)
def test_a_publication_date_read_from_the_page_is_automatic_from_the_record_manual(tiny, old, new, status):
    wire = tiny.seeds_dir / "wire.txt"
    wire.write_text(wire.read_text(encoding="utf-8") + "\nPublished July 13, 2022.\n", encoding="utf-8")
    tiny.replace("sources.yaml", old, new)
    assert tiny.load().published_status == {"wire-2022": status}


# --- administrations: terms that meet, and the events they cover ---------------------------
# Two terms a country, written out of order (the checks sort them): us-second on lines 2-8
# (start 6, end 7), mx-second 9-15, us-first 16-22 (start 20, end 21), mx-first 23-29.
# US terms hand over on the day (both in office), Mexican ones the day after.

US_SECOND = """\
  - id: us-second
    country: US
    name: Second President
    party: Red
    start: 2021-01-20
    end: null
    translations: {es: {name: Segundo presidente}}
"""
MX_SECOND = """\
  - id: mx-second
    country: MX
    name: Segunda Presidenta
    party: Green
    start: 2024-10-01
    end: null
    translations: {es: {name: Segunda presidenta}}
"""
US_FIRST = """\
  - id: us-first
    country: US
    name: First President
    party: Blue
    start: 2017-01-20
    end: 2021-01-20
    translations: {es: {name: Primer presidente}}
"""
MX_FIRST = """\
  - id: mx-first
    country: MX
    name: Primera Presidenta
    party: Green
    start: 2018-12-01
    end: 2024-09-30
    translations: {es: {name: Primera presidenta}}
"""
TERMS = "administrations:\n" + US_SECOND + MX_SECOND + US_FIRST + MX_FIRST


def test_administrations_are_kept_by_country_then_start(tiny):
    tiny.write("administrations.yaml", TERMS)
    dataset = tiny.load()
    assert [a.id for a in dataset.administrations] == ["mx-first", "mx-second", "us-first", "us-second"]
    assert dataset.administration("us-first").name == "First President"
    assert dataset.administration("us-second").name == "Second President"


@pytest.mark.parametrize(
    ("start", "problems"),
    [
        (
            "2021-01-19",
            ['data/administrations.yaml:6: administration "us-second": start: overlaps "us-first" (ended 2021-01-20)'],
        ),
        ("2021-01-20", []),  # the day the last one ends
        ("2021-01-21", []),  # the day after
        (
            "2021-01-22",
            [
                'data/administrations.yaml:6: administration "us-second": start: leaves a gap after "us-first" '
                "(ended 2021-01-20)"
            ],
        ),
    ],
)
def test_a_term_starts_on_or_the_day_after_the_end_of_the_one_before(tiny, start, problems):
    tiny.write("administrations.yaml", TERMS.replace("start: 2021-01-20", f"start: {start}"))
    if problems:
        assert tiny.problems() == problems
    else:
        assert tiny.load().administration("us-second").start.isoformat() == start


def test_a_term_cannot_follow_one_without_an_end(tiny):
    tiny.write("administrations.yaml", TERMS.replace("end: 2021-01-20", "end: null"))
    assert tiny.problems() == [
        'data/administrations.yaml:6: administration "us-second": start: starts while "us-first" has no end '
        '(hint: give "us-first" an end date)'
    ]


@pytest.mark.parametrize(
    ("end", "problems"),
    [
        (
            "2024-09-30",
            [
                'data/administrations.yaml:14: administration "mx-second": end: end 2024-09-30 is before start '
                "2024-10-01"
            ],
        ),
        ("2024-10-01", []),  # a one-day term
    ],
)
def test_a_term_may_not_end_before_it_starts(tiny, end, problems):
    # mx-second is the last Mexican term; a 2022 event is in mx-first whatever its end.
    tiny.write(
        "administrations.yaml", TERMS.replace("start: 2024-10-01\n    end: null", f"start: 2024-10-01\n    end: {end}")
    )
    if problems:
        assert tiny.problems() == problems
    else:
        assert str(tiny.load().administration("mx-second").end) == end


def test_an_event_on_a_handover_day_belongs_to_both_terms_in_order(tiny):
    tiny.write("administrations.yaml", TERMS)
    set_plan_date(tiny, "2021-01-20")
    dataset = tiny.load()
    assert dataset.us_admins == {"border-plan": ["us-first", "us-second"], "talks-begin": ["us-second"]}
    assert dataset.mx_admins == {"border-plan": ["mx-first"], "talks-begin": ["mx-first"]}


OUTSIDE_HINT = "(hint: extend administrations.yaml)"


@pytest.mark.parametrize(
    ("date", "countries"),
    [
        ("2017-01-19", ["MX", "US"]),  # the day before the first US term
        ("2017-01-20", ["MX"]),  # the first US term's first day
        ("2018-11-30", ["MX"]),  # the day before the first Mexican term
        ("2018-12-01", []),
    ],
)
def test_an_event_before_the_first_term_is_outside_the_administrations(tiny, date, countries):
    tiny.write("administrations.yaml", TERMS)
    set_plan_date(tiny, date)
    if countries:
        assert tiny.problems() == [
            f'data/events.yaml:11: event "border-plan": date: {date} falls outside the known {country} '
            f"administrations {OUTSIDE_HINT}"
            for country in countries
        ]
    else:
        assert tiny.load().us_admins["border-plan"] == ["us-first"]


def test_a_country_without_terms_leaves_every_event_outside(tiny):
    tiny.write("administrations.yaml", "administrations:\n" + US_SECOND + US_FIRST)
    assert tiny.problems() == [
        'data/events.yaml:11: event "border-plan": date: 2022-07-12 falls outside the known MX administrations '
        f"{OUTSIDE_HINT}",
        'data/events.yaml:26: event "talks-begin": date: 2022-06 falls outside the known MX administrations '
        f"{OUTSIDE_HINT}",
    ]


def test_without_administrations_no_event_is_placed(tiny):
    # An empty list loads: with no term to place them in, the events are in none (and not "outside").
    tiny.write("administrations.yaml", "administrations: []\n")
    dataset = tiny.load()
    assert (dataset.us_admins, dataset.mx_admins) == (
        {"border-plan": [], "talks-begin": []},
        {"border-plan": [], "talks-begin": []},
    )


def test_two_missing_keys_in_one_event_are_both_reported(tiny):
    tiny.replace("events.yaml", "    summary: Officials start talking.\n    category: diplomacy\n", "")
    assert tiny.problems() == [
        'data/events.yaml:21: event "talks-begin": required key "category" is missing (hint: add category: …)',
        'data/events.yaml:21: event "talks-begin": required key "summary" is missing (hint: add summary: …)',
    ]


# --- what the value was: shown when short and not already in the message ----------------

CATEGORIES = "Input should be 'agreement', 'funding', 'enforcement', 'migration-pathways', 'diplomacy' or 'context'"


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            "category: diplomacy",
            "category: " + "x" * 60,
            f"data/events.yaml:24: event \"talks-begin\": category: {CATEGORIES} (got '{'x' * 60}')",
        ),
        (
            "category: diplomacy",
            "category: " + "x" * 61,  # too long to repeat
            f'data/events.yaml:24: event "talks-begin": category: {CATEGORIES}',
        ),
        (
            "title: Talks begin",
            "title: 42",
            'data/events.yaml:22: event "talks-begin": title: Input should be a valid string (got 42)',
        ),
        (
            "title: Talks begin",
            "title: 4.5",
            'data/events.yaml:22: event "talks-begin": title: Input should be a valid string (got 4.5)',
        ),
        # a yes/no value is not repeated: it would show as Python's True
        (
            "title: Talks begin",
            "title: true",
            'data/events.yaml:22: event "talks-begin": title: Input should be a valid string',
        ),
        (
            "title: Talks begin",
            "title: [a]",
            'data/events.yaml:22: event "talks-begin": title: Input should be a valid string',
        ),
        # the message already names it
        (
            "id: talks-begin",
            "id: Talks",
            'data/events.yaml:21: event "Talks": id: "Talks" is not a slug: use lower-case letters, digits and '
            "single hyphens",
        ),
    ],
    ids=["60-characters", "61-characters", "integer", "float", "boolean", "list", "named-in-message"],
)
def test_a_wrong_value_is_repeated_only_when_short_and_not_already_named(tiny, old, new, problem):
    tiny.replace("events.yaml", old, new)
    assert tiny.problems() == [problem]


# --- an event citing a source that failed its own checks ----------------------------------
# Each case also misquotes wire-2022 in talks-begin: the quote is judged only when wire-2022
# itself loaded and every source's id could be read.

MISQUOTE = 'data/events.yaml:33: event "talks-begin": excerpts[1].quote: quote is not verbatim in wire.txt'
OTHER_MISSING = [
    f'data/sources.yaml:2: source "other": required key "{key}" is missing (hint: add {key}: …)'
    for key in ("file", "outlet", "published", "title", "url")
]


@pytest.mark.parametrize(
    ("old", "new", "problems"),
    [
        (
            "url: https://example.org/2022/07/13/leaders-agree",
            "url: ftp://example.org/report",  # wire-2022 is broken: nothing is judged against it
            [
                'data/sources.yaml:6: source "wire-2022": url: "ftp://example.org/report" is not an http(s) address; '
                "only http:// and https:// links are allowed"
            ],
        ),
        (
            "sources:\n",
            "sources:\n  - 42\n",  # an entry without an id: any cited source may be that one
            ["data/sources.yaml:2: source #1: each source must be a mapping of keys"],
        ),
        (
            "sources:\n",
            "sources:\n  - {id: other}\n",  # a broken source with an id: wire-2022 is still judged
            [
                MISQUOTE + ' (hint: the closest passage is "The agreement follows talks that began last month,")',
                *OTHER_MISSING,
            ],
        ),
        (
            "sources:\n",
            "nothing:\n",  # no sources at all could be read
            [
                'data/sources.yaml:1: the file must be a mapping with a top-level "sources:" list '
                "(hint: start it with sources:)"
            ],
        ),
    ],
    ids=["broken-source", "source-without-id", "other-source-broken", "no-sources-list"],
)
def test_quotes_are_judged_only_against_sources_that_loaded(tiny, old, new, problems):
    tiny.replace("sources.yaml", old, new)
    tiny.replace(
        "events.yaml",
        "quote: The agreement follows talks that began last month",
        "quote: The agreement followed talks that began last month",
    )
    assert tiny.problems() == problems


def test_citing_a_broken_source_is_not_citing_an_unknown_one(tiny):
    tiny.replace("sources.yaml", "sources:\n", "sources:\n  - {id: other}\n")
    tiny.replace("events.yaml", "  - source: wire-2022\n        quote: The", "  - source: other\n        quote: The")
    assert tiny.problems() == OTHER_MISSING


def test_a_planned_date_that_neither_way_gives_is_reported_as_read_looking_back(tiny):
    # Tuesday from Wednesday 2022-07-13: 2022-07-12 looking back, 2022-07-19 ahead; 2022-07-20 is neither.
    tiny.replace(
        "events.yaml",
        "    title: Leaders agree on border plan\n",
        "    title: Leaders agree on border plan\n    status: planned\n",
    )
    tiny.replace("events.yaml", "    date: 2022-07-12\n", "    date: 2022-07-20\n")
    assert tiny.problems() == [
        'data/events.yaml:12: event "border-plan": date: dateparser resolves "Tuesday" against 2022-07-13 to '
        "2022-07-12, not 2022-07-20; fix the date, the phrase or the anchor, or add a note that explains the date"
    ]


def test_a_spanish_page_stamp_is_read_day_first(tiny):
    # 12/07/2022 is 12 July in a Spanish article (in English it would be 7 December)
    (tiny.seeds_dir / "cable.txt").write_text("Cable\n\nPublicado el 12/07/2022.\n", encoding="utf-8")
    (tiny.data_dir / "sources.yaml").write_text(
        (tiny.data_dir / "sources.yaml").read_text(encoding="utf-8")
        + """\
  - id: cable-es
    file: cable.txt
    title: Un cable
    outlet: Agencia de Ejemplo
    url: https://example.org/cable
    published: {date: 2022-07-12, found_in: text, phrase: 12/07/2022}
    language: es
""",
        encoding="utf-8",
    )
    assert tiny.load().published_status == {"wire-2022": "auto", "cable-es": "auto"}


def test_one_event_checked_on_its_own_is_judged_against_its_sources(tiny):
    # The checker's defaults: no source is broken and every source's id was read.
    doc = read_yaml(tiny.events_file)
    event = Event.model_validate(doc.data["events"][1])  # talks-begin
    source = Source.model_validate(read_yaml(tiny.data_dir / "sources.yaml").data["sources"][0])
    article = read_article(tiny.seeds_dir / "wire.txt")
    problems = []
    checker = _EventChecker(event, 1, doc, {"wire-2022": source}, {"wire-2022": article}, problems)
    passages = checker.check_excerpts()
    assert [(p.excerpt.quote, p.at, p.length) for p in passages] == [
        ("The agreement follows talks that began last month", 147, 49)
    ]
    assert problems == []
