"""The synthetic dataset generator: what it writes validates, is realistic, and is the same for a seed."""

from __future__ import annotations

import collections
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import shared

from timeline import PROJECT_DIR
from timeline.dates import check_derivation
from timeline.synth import MARKER, SynthError, generate_dataset
from timeline.validate import load_dataset


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_DIR)}
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=240
    )


@pytest.fixture(scope=shared("module"))
def medium(tmp_path_factory):
    """500 events, generated and loaded once for the tests that look at their content."""
    out = tmp_path_factory.mktemp("synth") / "d500"
    summary = generate_dataset(500, out, seed=3)
    return summary, out, load_dataset(out / "data", out / "seeds")


@pytest.mark.parametrize("n", [1, 2, 7, 50])
def test_small_datasets_validate(tmp_path, n):
    summary = generate_dataset(n, tmp_path / "out", seed=n)
    dataset = load_dataset(tmp_path / "out" / "data", tmp_path / "out" / "seeds")
    counts = dataset.counts()
    assert counts["events"] == summary["events"] == n
    assert counts["sources"] == summary["sources"] == max(1, round(n / 5))
    assert counts["excerpts"] == summary["excerpts"]
    assert counts["dates_manual"] == summary["manual_dates"]


def test_medium_dataset_validates_with_every_date_explained(medium):
    summary, _, dataset = medium
    counts = dataset.counts()
    assert counts["events"] == 500 and counts["sources"] == 100
    assert counts["excerpts"] == summary["excerpts"]
    for event in dataset.events:
        evidence = event.date_evidence
        status = dataset.derivations[event.id].status
        # A date without a note is exactly what dateparser makes of the phrase; a note marks the rest.
        assert (status == "manual") == bool(evidence.note), event.id
        derivation, message = check_derivation(event.date, evidence.phrase, evidence.anchor, bool(evidence.note))
        assert message is None and derivation.status == status
        assert evidence.anchor == dataset.sources[evidence.source].published.date


def test_medium_dataset_is_varied(medium):
    _, _, dataset = medium
    events = dataset.events
    assert {e.category for e in events} == {
        "agreement",
        "funding",
        "enforcement",
        "migration-pathways",
        "diplomacy",
        "context",
    }
    precisions = collections.Counter(e.date.precision for e in events)
    assert set(precisions) == {"year", "month", "day"}
    assert all(count >= 25 for count in precisions.values()), precisions
    manual = sum(d.status == "manual" for d in dataset.derivations.values())
    assert 0.02 * len(events) <= manual <= 0.09 * len(events)
    assert any(e.end is not None for e in events)
    assert any(e.amounts for e in events)
    assert {e.amounts[0].currency for e in events if e.amounts} == {"USD", "MXN"}
    assert any(len({x.source for x in e.excerpts}) == 2 for e in events)
    assert collections.Counter(len(e.excerpts) for e in events).keys() == {1, 2, 3}
    phrases = {e.date_evidence.phrase for e in events}
    assert len(phrases) > 60
    assert {"last month", "last year", "this week"} <= phrases
    assert any(p in phrases for p in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"))
    assert any(p[-4:].isdigit() and "," in p for p in phrases)  # e.g. "July 12, 2022"
    # "this week" names a week, so the date says no more than its month.
    assert all(e.date.precision != "day" for e in events if e.date_evidence.phrase == "this week")
    years = {e.date.year for e in events}
    assert min(years) >= 2006 and max(years) <= 2025 and len(years) >= 15
    assert {s.published.found_in for s in dataset.sources.values()} == {"text", "url", "record"}
    quotes = [x.quote for e in events for x in e.excerpts]
    assert any("“" in q and "”" in q for q in quotes)
    assert any(ch in q for q in quotes for ch in "áéíóúñÁÉÍÓÚÑ")


def test_articles_are_news_sized(medium):
    _, out, dataset = medium
    sizes = [(out / "seeds" / s.file).stat().st_size for s in dataset.sources.values()]
    assert min(sizes) >= 2000
    assert max(sizes) <= 12_000
    assert 3000 <= sorted(sizes)[len(sizes) // 2] <= 6000
    assert sorted(p.name for p in (out / "seeds").iterdir()) == sorted(s.file for s in dataset.sources.values())


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path):
    generate_dataset(120, tmp_path / "a", seed=11)
    generate_dataset(120, tmp_path / "b", seed=11)
    generate_dataset(120, tmp_path / "c", seed=12)
    a, b, c = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert a == b
    assert a["data/events.yaml"] != c["data/events.yaml"]
    assert sorted(name for name in a if name.startswith("seeds/")) != sorted(
        name for name in c if name.startswith("seeds/")
    )


def test_parallel_and_serial_dateparser_give_the_same_dataset(tmp_path):
    generate_dataset(300, tmp_path / "serial", seed=5, workers=1)
    generate_dataset(300, tmp_path / "parallel", seed=5, workers=2)
    assert _files(tmp_path / "serial") == _files(tmp_path / "parallel")


def test_bad_counts_are_refused(tmp_path):
    for bad in (0, -3, True, 2.5):
        with pytest.raises(ValueError):
            generate_dataset(bad, tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_a_folder_with_other_files_is_never_overwritten(tmp_path):
    user = tmp_path / "user"
    (user / "data").mkdir(parents=True)
    (user / "data" / "events.yaml").write_text("events: []\n", encoding="utf-8")
    with pytest.raises(SynthError, match="not a previous synth output"):
        generate_dataset(5, user)
    assert (user / "data" / "events.yaml").read_text(encoding="utf-8") == "events: []\n"
    assert sorted(p.name for p in user.rglob("*")) == ["data", "events.yaml"]

    a_file = tmp_path / "file.txt"
    a_file.write_text("keep", encoding="utf-8")
    with pytest.raises(SynthError, match="is a file"):
        generate_dataset(5, a_file)
    assert a_file.read_text(encoding="utf-8") == "keep"


def test_a_previous_output_is_replaced_but_not_if_someone_added_files(tmp_path):
    out = tmp_path / "out"
    generate_dataset(40, out, seed=1)
    generate_dataset(10, out, seed=2)  # smaller: the old articles must go
    dataset = load_dataset(out / "data", out / "seeds")
    assert len(dataset.events) == 10
    assert sorted(p.name for p in (out / "seeds").iterdir()) == sorted(s.file for s in dataset.sources.values())

    (out / "seeds" / "notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(SynthError, match=r"seeds/notes\.md"):
        generate_dataset(10, out, seed=3)
    assert (out / "seeds" / "notes.md").read_text(encoding="utf-8") == "mine"
    assert len(load_dataset(out / "data", out / "seeds").events) == 10  # the previous output is intact


def test_empty_existing_folder_is_used(tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    generate_dataset(3, out)
    assert (out / MARKER).is_file()
    assert len(load_dataset(out / "data", out / "seeds").events) == 3


@pytest.mark.slow
def test_cli_writes_a_dataset_that_validate_accepts(tmp_path):
    result = _run("synth", "--events", "25", "--out", "ds", "--seed", "4", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "25 events" in lines[0] and "5 sources" in lines[0]
    check = _run("validate", "--data-dir", "ds/data", "--seeds-dir", "ds/seeds", cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("OK: 25 events, 5 sources")


@pytest.mark.slow
def test_cli_refuses_bad_input(tmp_path):
    for count in ("0", "-1"):
        result = _run("synth", "--events", count, "--out", "ds", cwd=tmp_path)
        assert result.returncode == 1
        assert "--events must be at least 1" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "ds").exists()

    result = _run("synth", "--events", "lots", "--out", "ds", cwd=tmp_path)
    assert result.returncode == 2  # argparse: not a number

    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "draft.yaml").write_text("x: 1\n", encoding="utf-8")
    result = _run("synth", "--events", "5", "--out", "mine", cwd=tmp_path)
    assert result.returncode == 1
    assert "refusing to overwrite" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["draft.yaml"]


# --- Spanish -------------------------------------------------------------------------------


def test_every_event_and_administration_carries_its_spanish(medium):
    _, _, dataset = medium
    for event in dataset.events:
        title, label, summary = event.text_in("es")
        assert title and summary and label, event.id
        assert title != event.title and summary != event.summary, event.id
        assert len(label) <= 40, (event.id, label)
        assert (event.label is None) == (label is None), event.id
    assert all(a.name_in("es") for a in dataset.administrations)


def test_spanish_follows_the_english_slot_for_slot(medium):
    _, _, dataset = medium
    for event in dataset.events:
        title_es, _, summary_es = event.text_in("es")
        if event.amounts:  # e.g. "$1.5 billion" is "1,500 millones de dólares"
            amount = event.amounts[0]
            unit = "pesos" if amount.currency == "MXN" else "dólares"
            assert f"{int(amount.value) // 1_000_000:,} millones de {unit}" in title_es, event.id
        if "National Guard" in event.title:
            assert "Guardia Nacional" in title_es and "Guardia Nacional" in summary_es
        if event.end is not None:
            assert "Estaba previsto que se mantuviera hasta" in summary_es, event.id
    titles_es = {e.text_in("es")[0] for e in dataset.events}
    assert any(t.startswith(("Secretaria ", "Comisionada ", "Embajadora ")) for t in titles_es)
    assert any(t.startswith(("Secretario ", "Comisionado ", "Embajador ")) for t in titles_es)


def test_spanish_vocabulary_covers_every_english_value():
    from timeline import synth

    assert set(synth.TEMPLATES) == set(synth.TEMPLATES_ES) == set(synth.CATEGORIES)
    for category, templates in synth.TEMPLATES.items():
        assert len(synth.TEMPLATES_ES[category]) == len(templates), category
    assert set(synth.TOPICS_ES) == set(synth.TOPICS)
    assert set(synth.FUNDING_USES_ES) == set(synth.FUNDING_USES)
    assert set(synth.REGIONS_ES) == set(synth.REGIONS)
    assert set(synth.CAPITALS_ES) == {name for name, _ in synth.CAPITALS}
    assert set(synth.ROLES_ES) == {role for role, _ in synth.US_ROLES + synth.MX_ROLES}
    assert synth.FEMININE_FIRST.issubset(synth.US_FIRST + synth.MX_FIRST)
    assert len(synth.MONTHS_ES) == 12


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        (25_000_000, "USD", "25 millones de dólares"),
        (1_500_000_000, "USD", "1,500 millones de dólares"),
        (2_200_000_000, "USD", "2,200 millones de dólares"),
        (12_000_000_000, "MXN", "12,000 millones de pesos"),
    ],
)
def test_spanish_amounts_are_written_as_mexican_papers_write_them(value, currency, expected):
    from timeline.synth import _amount_es

    assert _amount_es(value, currency) == expected


def test_spanish_roles_agree_with_the_person():
    from timeline.synth import _role_es

    assert _role_es("Interior Minister", "Lucía Ortiz Beltrán", article=True) == "la secretaria de Gobernación Beltrán"
    assert _role_es("Interior Minister", "Raúl Núñez", article=True) == "el secretario de Gobernación Núñez"
    assert _role_es("Foreign Minister", "Inés Solís") == "canciller Solís"
    assert _role_es("Ambassador", "Margaret Pryor") == "embajadora Pryor"


def _digest(root: Path) -> str:
    """One sha256 over every file's path and bytes (administrations.yaml is a copy of ours, so left out)."""
    h = hashlib.sha256()
    for name, data in _files(root).items():
        if name != "data/administrations.yaml":
            h.update(name.encode("utf-8") + b"\0" + data + b"\0")
    return h.hexdigest()


@pytest.mark.parametrize(
    ("n", "seed", "digest", "summary"),
    [
        (
            200,
            7,
            "c3dd5eacf242bf3529464c507c7882bf3e6262b45067584eac5ec901efdf4044",
            {"events": 200, "sources": 40, "excerpts": 348, "manual_dates": 13, "files": 44, "bytes": 475455},
        ),
        (
            9,
            0,
            "f7eecadb4921af06cab027c06fc8e1c1e8b100fec058bb9e7c399ce84e39c0e1",
            {"events": 9, "sources": 2, "excerpts": 10, "manual_dates": 0, "files": 6, "bytes": 24598},
        ),
    ],
)
def test_a_seed_gives_the_same_dataset_in_every_version(tmp_path, n, seed, digest, summary):
    # Benchmark figures from two commits compare only if both ran on the same bytes, so the
    # output for a seed is pinned here. A deliberate change to the generator changes these
    # digests: say so in the commit, and write the new ones.
    got = generate_dataset(n, tmp_path / "out", seed=seed, workers=1)
    assert {k: got[k] for k in summary} == summary
    assert got["out"] == str(tmp_path / "out")
    assert _digest(tmp_path / "out") == digest
    copied = (tmp_path / "out" / "data" / "administrations.yaml").read_bytes()
    assert copied == (PROJECT_DIR / "data" / "administrations.yaml").read_bytes()


# --- manual dates --------------------------------------------------------------------------


class _EdgeRng:
    """A stand-in for random.Random that always takes the lowest or the highest choice."""

    def __init__(self, high: bool):
        self.high = high

    def randint(self, a: int, b: int) -> int:
        return b if self.high else a

    def choice(self, seq):
        return seq[-1] if self.high else seq[0]


@pytest.mark.parametrize(
    ("phrase", "anchor", "high", "expected"),
    [
        # "earlier this year" in January can only mean January; in March, January or February.
        ("earlier this year", (2020, 1, 15), True, "2020-01"),
        ("earlier this year", (2020, 3, 15), True, "2020-02"),
        ("earlier this year", (2020, 3, 15), False, "2020-01"),
        ("late last year", (2020, 3, 15), False, "2019-11"),
        ("late last year", (2020, 3, 15), True, "2019-12"),
        # A season counts as "last" in this year only once it is over.
        ("last spring", (2020, 6, 30), False, "2019-04"),
        ("last spring", (2020, 7, 1), True, "2020-05"),
        ("last summer", (2020, 9, 30), False, "2019-07"),
        ("last summer", (2020, 10, 1), True, "2020-08"),
        ("last fall", (2020, 10, 1), False, "2019-10"),
        ("last fall", (2020, 10, 1), True, "2019-11"),
        ("earlier this month", (2020, 5, 20), False, "2020-05-19"),
        ("earlier this month", (2020, 5, 20), True, "2020-05-10"),
        ("earlier this month", (2020, 5, 4), True, "2020-05-01"),
        ("mid-June", (2020, 6, 30), False, "2019-06-13"),
        ("mid-June", (2020, 7, 1), True, "2020-06-17"),
        ("in late March", (2020, 3, 31), False, "2019-03-24"),
        ("in late March", (2020, 4, 1), True, "2020-03-31"),
    ],
)
def test_a_manual_phrase_is_dated_within_its_span(phrase, anchor, high, expected):
    import datetime as dt

    from timeline.synth import _manual_date

    date, _ = _manual_date(phrase, dt.date(*anchor), _EdgeRng(high))
    assert str(date) == expected


@pytest.mark.parametrize(
    ("phrase", "high", "note"),
    [
        (
            "last summer",
            False,
            "dateparser cannot read “last summer”. Public record: the government’s bulletin of that day "
            "dates it to July 2019. Inferred; the article gives no exact date.",
        ),
        (
            "mid-June",
            True,
            "dateparser cannot read “mid-June”. Public record: the Diario Oficial de la Federación "
            "dates it to 17 June 2019. Inferred; the article gives no exact date.",
        ),
    ],
)
def test_a_manual_date_note_names_the_record_and_the_day(phrase, high, note):
    import datetime as dt

    from timeline.synth import _manual_date

    assert _manual_date(phrase, dt.date(2020, 2, 10), _EdgeRng(high))[1] == note


# --- output folder -------------------------------------------------------------------------


def _previous_output(root: Path, *strays: str) -> Path:
    """A folder that looks like an earlier synth run, plus the given extra top-level files."""
    root.mkdir()
    (root / "synth.json").write_text('{"generator": "timeline.synth"}\n', encoding="utf-8")
    for name in strays:
        (root / name).write_text("mine", encoding="utf-8")
    return root


def test_a_folder_that_is_not_synth_output_is_refused_with_a_clear_message(tmp_path):
    from timeline.synth import _prepare_out_dir

    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SynthError) as info:
        _prepare_out_dir(tmp_path)
    assert str(info.value) == (
        f"{tmp_path} is not empty and is not a previous synth output (synth.json missing); "
        "refusing to overwrite it: give a new or empty folder"
    )


@pytest.mark.parametrize(
    ("n", "shown"),
    [
        (5, "a.txt, b.txt, c.txt, d.txt, e.txt"),
        (6, "a.txt, b.txt, c.txt, d.txt, e.txt and 1 more"),
        (7, "a.txt, b.txt, c.txt, d.txt, e.txt and 2 more"),
    ],
)
def test_stray_files_are_named_five_at_most(tmp_path, n, shown):
    from timeline.synth import _prepare_out_dir

    out = _previous_output(tmp_path / "out", *(f"{c}.txt" for c in "abcdefg"[:n]))
    with pytest.raises(SynthError) as info:
        _prepare_out_dir(out)
    assert str(info.value) == f"{out} holds files synth did not write ({shown}); refusing to overwrite it"


def test_a_previous_output_is_emptied_before_writing(tmp_path):
    from timeline.synth import _prepare_out_dir

    out = _previous_output(tmp_path / "out")
    (out / "data").mkdir()
    (out / "data" / "events.yaml").write_text("events: []\n", encoding="utf-8")
    (out / "seeds").mkdir()
    (out / "seeds" / "00000_0123456789abcdef.txt").write_text("old", encoding="utf-8")
    _prepare_out_dir(out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["data", "seeds", "synth.json"]


def test_a_previous_output_holding_only_its_marker_is_reused(tmp_path):
    from timeline.synth import _prepare_out_dir

    # An interrupted run may leave the marker without data/ or seeds/: nothing to clear, no error.
    out = _previous_output(tmp_path / "out")
    _prepare_out_dir(out)
    assert sorted(p.name for p in out.iterdir()) == ["data", "seeds", "synth.json"]


# --- command line (in-process) -------------------------------------------------------------


def _cli(monkeypatch, capsys, events, out, seed=4, summary=None, clock=(100.0, 102.5)):
    """Run cli_main with a fixed clock and, when given, a stand-in for generate_dataset."""
    import argparse
    import types

    from timeline import synth

    calls = []
    if summary is not None:

        def fake(n, out_dir, seed):
            calls.append((n, out_dir, seed))
            return summary

        monkeypatch.setattr(synth, "generate_dataset", fake)
    monkeypatch.setattr(synth, "time", types.SimpleNamespace(perf_counter=iter(clock).__next__))
    code = synth.cli_main(argparse.Namespace(events=events, out=out, seed=seed))
    captured = capsys.readouterr()
    return code, captured.out, captured.err, calls


@pytest.mark.parametrize("events", [0, -1])
def test_cli_refuses_a_count_below_one(monkeypatch, capsys, tmp_path, events):
    code, out, err, _ = _cli(monkeypatch, capsys, events, tmp_path / "ds")
    assert (code, out) == (1, "")
    assert err == f"error: --events must be at least 1, not {events}\n"
    assert not (tmp_path / "ds").exists()


def test_cli_writes_one_event_and_prints_its_summary(monkeypatch, capsys, tmp_path):
    code, out, err, _ = _cli(monkeypatch, capsys, 1, tmp_path / "ds", seed=4)
    assert (code, err) == (0, "")
    marker = (tmp_path / "ds" / "synth.json").read_text(encoding="utf-8")
    assert '"events": 1' in marker and '"seed": 4' in marker
    assert out.startswith("wrote 1 events, 1 sources and their articles (0.0 MB, 0 manual dates) ")
    assert out.endswith(f" to {tmp_path / 'ds'} in 2.5 s (seed 4)\n")


def test_cli_summary_uses_thousands_and_megabytes(monkeypatch, capsys, tmp_path):
    # 1,050,001 bytes is just over 1.05 MB (decimal megabytes), so it rounds up to 1.1.
    summary = {"events": 12345, "sources": 2469, "bytes": 1_050_001, "manual_dates": 1234}
    code, out, err, calls = _cli(monkeypatch, capsys, 12345, Path("big"), seed=9, summary=summary, clock=(5.0, 5.04))
    assert calls == [(12345, Path("big"), 9)]
    assert (code, err) == (0, "")
    assert out == (
        "wrote 12,345 events, 2,469 sources and their articles (1.1 MB, 1,234 manual dates) to big in 0.0 s (seed 9)\n"
    )


def test_cli_reports_a_refused_folder_as_an_error(monkeypatch, capsys, tmp_path):
    (tmp_path / "draft.yaml").write_text("x: 1\n", encoding="utf-8")
    code, out, err, _ = _cli(monkeypatch, capsys, 5, tmp_path)
    assert (code, out) == (1, "")
    assert err == (
        f"error: {tmp_path} is not empty and is not a previous synth output (synth.json missing); "
        "refusing to overwrite it: give a new or empty folder\n"
    )


def test_the_resolver_counts_every_distinct_phrase_once_across_runs():
    import datetime as dt

    from timeline.synth import _Resolver

    resolver = _Resolver(1)
    anchor = dt.date(2020, 5, 20)
    resolver.want("yesterday", anchor)
    resolver.want("yesterday", anchor)
    # A phrase that names its year reads the same from any anchor: one call for both.
    resolver.want("June 2019", anchor)
    resolver.want("June 2019", dt.date(2021, 1, 1))
    resolver.run()
    assert resolver.calls == 2
    assert str(resolver.get("yesterday", anchor).day) == "2020-05-19"
    resolver.want("last year", anchor)
    resolver.run()
    assert resolver.calls == 3  # the second run adds to the first
