"""The synthetic dataset generator: what it writes validates, is realistic, and is the same for a seed."""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import os
import subprocess
import sys
import types
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
            {"events": 200, "sources": 40, "excerpts": 348, "manual_dates": 13, "files": 44, "bytes": 475776},
        ),
        (
            9,
            0,
            "f7eecadb4921af06cab027c06fc8e1c1e8b100fec058bb9e7c399ce84e39c0e1",
            {"events": 9, "sources": 2, "excerpts": 10, "manual_dates": 0, "files": 6, "bytes": 24919},
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


# --- the generator's steps, with every random draw scripted --------------------------------


class _ScriptedRng:
    """A stand-in for random.Random: ``random()`` returns the given rolls in turn (and fails when
    they run out, so a step that draws more than it should is caught); every other draw takes the
    lowest choice, or the highest with ``high``; ``triangular`` returns ``target`` and records
    its arguments."""

    def __init__(self, rolls=(), high: bool = False, target: float = 0):
        self.rolls = list(rolls)
        self.high = high
        self.target = target
        self.triangles: list[tuple] = []
        self.samples: list[tuple[int, int]] = []

    def random(self) -> float:
        return self.rolls.pop(0)

    def randint(self, a: int, b: int) -> int:
        return b if self.high else a

    def randrange(self, a: int, b: int | None = None) -> int:
        lo, hi = (0, a) if b is None else (a, b)
        return hi - 1 if self.high else lo

    def choice(self, seq):
        return seq[-1] if self.high else seq[0]

    def choices(self, population, weights):
        return [self.choice(population)]

    def sample(self, population, k: int) -> list:
        items = list(population)
        self.samples.append((len(items), k))
        return items[-k:] if self.high else items[:k]

    def triangular(self, low: float, high: float, mode: float) -> float:
        self.triangles.append((low, high, mode))
        return self.target

    def expovariate(self, lambd: float) -> float:
        return 0.0


def _people():
    """One US and one Mexican administration whose every post is held by the first name on the lists."""
    from timeline.synth import _People

    admins = [
        {"country": "US", "start": dt.date(2000, 1, 1), "end": None},
        {"country": "MX", "start": dt.date(2000, 1, 1), "end": None},
    ]
    return _People(_ScriptedRng(), admins)


def _dated(kind, anchor, rolls, *, high=False, category="context", precision_roll=0.0):
    """Date one event of ``kind`` in an article published on ``anchor``; (result, event)."""
    from timeline.synth import _Article, _date_events, _Event

    articles = [_Article(0, dt.date(*anchor), 0)]
    events = [_Event(0, 0, category, kind, precision_roll=precision_roll)]
    rng = _ScriptedRng(rolls, high)
    result = _date_events(rng, articles, events, 1)
    assert rng.rolls == [], "every scripted roll is used"
    return result, events[0]


@pytest.mark.parametrize(
    ("roll", "phrase", "when", "date", "note"),
    [
        # Below 0.7 a manual event uses a phrase dateparser cannot read, dated by a note ...
        (
            0.6999,
            "earlier this year",
            "earlier this year",
            "2020-01",
            "dateparser cannot read “earlier this year”. Public record: the government’s bulletin of that "
            "day dates it to January 2020. Inferred; the article gives no exact date.",
        ),
        # ... from 0.7 on, the article names the wrong weekday and the note corrects it.
        (
            0.7,
            "Monday",
            "on Monday",
            "2020-07-12",
            "The article says “Monday”, which dateparser reads as 2020-07-13, but the public record (the "
            "signed text and wire reports) dates it to Sunday 12 July 2020, a day earlier. The outlet later "
            "ran a correction.",
        ),
    ],
)
def test_a_manual_date_is_a_phrase_with_a_note_or_a_misnamed_weekday(roll, phrase, when, date, note):
    (manual, calls), ev = _dated("manual", (2020, 7, 15), [roll])
    assert (manual, calls) == (1, 1)
    assert (ev.phrase, ev.when, str(ev.date), ev.note) == (phrase, when, date, note)


def test_a_manual_date_on_the_first_allowed_day_is_kept():
    # "earlier this year" in March 2006 may mean January 2006, which starts on 1 January 2006,
    # the first day an event may have: the phrase stands.
    (manual, _), ev = _dated("manual", (2006, 3, 10), [0.0])
    assert manual == 1
    assert (ev.phrase, ev.when, str(ev.date)) == ("earlier this year", "earlier this year", "2006-01")


def test_a_manual_date_before_the_first_allowed_day_becomes_earlier_this_month():
    # "in late March" in March 2006 means March 2005, before 2006: "earlier this month" replaces it.
    (manual, calls), ev = _dated("manual", (2006, 3, 10), [0.0], high=True)
    assert (manual, calls) == (1, 1)
    assert (ev.phrase, ev.when, str(ev.date)) == ("earlier this month", "earlier this month", "2006-03-01")
    assert ev.note == (
        "dateparser cannot read “earlier this month”. Public record: the Diario Oficial de la Federación "
        "dates it to 1 March 2006. Inferred; the article gives no exact date."
    )


def test_a_weekday_dateparser_cannot_read_is_dated_two_days_before_publication(monkeypatch):
    from timeline import synth

    monkeypatch.setattr(synth, "resolve_phrase", lambda phrase, anchor: None)
    (manual, _), ev = _dated("manual", (2020, 7, 15), [0.7])
    assert manual == 1
    assert (ev.phrase, str(ev.date)) == ("Monday", "2020-07-13")
    assert ev.note == (
        "The article says “Monday”, which dateparser reads as nothing, but the public record (the signed "
        "text and wire reports) dates it to Monday 13 July 2020, a day earlier. The outlet later ran a correction."
    )


@pytest.mark.parametrize(
    ("read_as", "manual", "has_note"),
    [
        ((2020, 1, 5), 0, False),  # a day in January 2020, read to its month: dateparser agrees
        ((2020, 2, 5), 1, True),  # February: it does not, and the note stays
    ],
)
def test_a_manual_date_that_dateparser_happens_to_agree_with_needs_no_note(monkeypatch, read_as, manual, has_note):
    from timeline import synth
    from timeline.dates import Resolution

    monkeypatch.setattr(synth, "resolve_phrase", lambda phrase, anchor: Resolution(dt.date(*read_as), "month"))
    (count, _), ev = _dated("manual", (2020, 7, 15), [0.0])
    assert (ev.phrase, str(ev.date)) == ("earlier this year", "2020-01")
    assert count == manual
    if has_note:
        assert ev.note.startswith("dateparser cannot read “earlier this year”.")
    else:
        assert ev.note is None


def test_a_relative_phrase_that_reaches_before_2006_is_replaced_by_a_full_date():
    # "two years ago" in January 2007 is 2005: the event gets the full date of the day before.
    (manual, calls), ev = _dated("years_ago", (2007, 1, 10), [0.5, 0.9, 0.0, 0.0])
    assert (manual, calls) == (0, 2)
    assert (ev.kind, ev.phrase, ev.when, str(ev.date)) == (
        "full_date",
        "January 9, 2007",
        "on January 9, 2007",
        "2007-01-09",
    )


def test_a_date_dateparser_cannot_read_even_in_full_stops_the_generator(monkeypatch):
    from timeline import synth

    monkeypatch.setattr(synth, "resolve_phrase", lambda phrase, anchor: None)
    with pytest.raises(RuntimeError) as info:
        _dated("yesterday", (2020, 7, 15), [0.9, 0.0, 0.0])
    assert str(info.value) == 'dateparser does not read "July 14, 2020" against 2020-07-15 as expected'


@pytest.mark.parametrize(
    ("kind", "anchor", "roll", "high", "date", "end"),
    [
        # A programme dated to its year runs one to three more years, never past 2025.
        ("last_year", (2025, 7, 15), 0.0999, False, "2024", "2025"),
        ("last_year", (2025, 7, 15), 0.0999, True, "2024", None),  # 2027 is too late
        ("last_year", (2025, 7, 15), 0.1, False, "2024", None),  # one event in ten has an end
        # One dated to its month runs one to thirty more months, ending by December 2025.
        ("last_month", (2023, 7, 15), 0.0, False, "2023-06", "2023-07"),
        ("last_month", (2023, 7, 15), 0.0, True, "2023-06", "2025-12"),
        ("last_month", (2023, 8, 15), 0.0, True, "2023-07", None),  # January 2026 is too late
    ],
)
def test_some_programmes_run_until_an_end_date_within_2025(kind, anchor, roll, high, date, end):
    (manual, calls), ev = _dated(kind, anchor, [roll], high=high, category="funding")
    assert (manual, calls) == (0, 1)
    assert str(ev.date) == date
    assert (None if ev.end is None else str(ev.end)) == end


@pytest.mark.parametrize(
    ("period", "roll", "precision"),
    [
        ("day", 0.0, "day"),
        ("day", 0.7199, "day"),
        ("day", 0.72, "month"),
        ("day", 0.9199, "month"),
        ("day", 0.92, "year"),
        ("week", 0.8499, "month"),
        ("week", 0.85, "year"),
        ("month", 0.0, "month"),
        ("month", 0.85, "year"),
        ("year", 0.0, "year"),
    ],
)
def test_a_curator_gives_most_dates_at_the_precision_dateparser_read(period, roll, precision):
    from timeline.synth import _precision_for

    assert _precision_for(period, roll) == precision


# --- the resolver's worker processes -------------------------------------------------------


class _FakeMultiprocessing:
    """Stands in for the multiprocessing module: records each pool and runs its map in this process."""

    def __init__(self, methods=("fork", "spawn")):
        self.methods = list(methods)
        self.pools: list[tuple[str, int, list[int]]] = []

    def get_all_start_methods(self):
        return self.methods

    def get_context(self, method):
        fake = self

        class _Pool:
            def __init__(self, processes):
                self.entry = (method, processes, [])
                fake.pools.append(self.entry)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                return False

            def map(self, func, chunks):
                self.entry[2].extend(len(c) for c in chunks)
                return [func(c) for c in chunks]

        return types.SimpleNamespace(Pool=_Pool)


def _fake_dateparser(monkeypatch):
    """Every phrase reads as the day before its anchor; the calls are counted."""
    from timeline import synth
    from timeline.dates import Resolution

    calls = []

    def read(phrase, anchor):
        calls.append((phrase, anchor))
        return Resolution(anchor - dt.timedelta(days=1), "day")

    monkeypatch.setattr(synth, "resolve_phrase", read)
    return calls


@pytest.mark.parametrize(
    ("workers", "cpus", "methods", "pools"),
    [
        (None, 8, ("fork", "spawn"), [("fork", 4, [3])]),  # at most four processes
        (None, 3, ("fork", "spawn"), [("fork", 3, [3])]),
        (None, None, ("fork", "spawn"), []),  # an unknown CPU count means one process
        (None, 1, ("fork", "spawn"), []),
        (1, 8, ("fork", "spawn"), []),  # one worker asked for: no pool
        (2, 1, ("fork", "spawn"), [("fork", 2, [3])]),  # two asked for: two, whatever the CPUs
        (2, 8, ("spawn",), []),  # without fork, dateparser runs here
    ],
)
def test_a_big_batch_is_resolved_in_a_pool_of_at_most_four_forked_processes(monkeypatch, workers, cpus, methods, pools):
    from timeline import synth
    from timeline.synth import _Resolver

    fake = _FakeMultiprocessing(methods)
    monkeypatch.setattr(synth, "multiprocessing", fake)
    monkeypatch.setattr(synth.os, "cpu_count", lambda: cpus)
    monkeypatch.setattr(synth, "PARALLEL_FROM", 3)
    _fake_dateparser(monkeypatch)
    resolver = _Resolver(workers)
    anchors = [dt.date(2020, 5, d) for d in (20, 21, 22)]
    for anchor in anchors:
        resolver.want("Tuesday", anchor)
    resolver.run()
    assert fake.pools == pools
    assert resolver.calls == 3
    assert [str(resolver.get("Tuesday", a).day) for a in anchors] == ["2020-05-19", "2020-05-20", "2020-05-21"]


def test_a_batch_below_the_parallel_threshold_stays_in_this_process(monkeypatch):
    from timeline import synth
    from timeline.synth import _Resolver

    fake = _FakeMultiprocessing()
    monkeypatch.setattr(synth, "multiprocessing", fake)
    monkeypatch.setattr(synth.os, "cpu_count", lambda: 8)
    monkeypatch.setattr(synth, "PARALLEL_FROM", 4)
    _fake_dateparser(monkeypatch)
    resolver = _Resolver(None)
    for day in (20, 21, 22):  # three pairs, one short of the threshold
        resolver.want("Tuesday", dt.date(2020, 5, day))
    resolver.run()
    assert fake.pools == []


def test_a_pool_gets_chunks_of_at_least_200_phrases_eight_per_worker(monkeypatch):
    from timeline import synth
    from timeline.synth import _Resolver

    fake = _FakeMultiprocessing()
    monkeypatch.setattr(synth, "multiprocessing", fake)
    _fake_dateparser(monkeypatch)
    resolver = _Resolver(2)
    start = dt.date(2000, 1, 1)
    anchors = [start + dt.timedelta(days=i) for i in range(3216)]  # 3216 // 16 = 201 a chunk
    for anchor in anchors:
        resolver.want("Tuesday", anchor)
    resolver.run()
    assert fake.pools == [("fork", 2, [201] * 16)]
    assert resolver.calls == 3216
    assert resolver.get("Tuesday", dt.date(2000, 1, 1)).day == dt.date(1999, 12, 31)
    assert resolver.get("Tuesday", dt.date(2008, 10, 20)).day == dt.date(2008, 10, 19)  # the last one


def test_the_resolver_never_reads_a_resolved_phrase_again(monkeypatch):
    from timeline.synth import _Resolver

    calls = _fake_dateparser(monkeypatch)
    resolver = _Resolver(1)
    anchor = dt.date(2020, 5, 20)
    resolver.want("Tuesday", anchor)
    resolver.run()
    resolver.want("Tuesday", anchor)
    resolver.run()
    assert resolver.calls == 1
    assert calls == [("Tuesday", anchor)]


@pytest.mark.parametrize(("workers", "pools"), [(1, set()), (2, {("fork", 2)})])
def test_generate_dataset_runs_dateparser_in_as_many_processes_as_asked(monkeypatch, tmp_path, workers, pools):
    from timeline import synth

    # With the threshold lowered to 2, the three (phrase, anchor) pairs of a 3-event dataset
    # would go to a pool if no worker count were given: one worker must keep them here.
    fake = _FakeMultiprocessing()
    monkeypatch.setattr(synth, "multiprocessing", fake)
    monkeypatch.setattr(synth, "PARALLEL_FROM", 2)
    summary = generate_dataset(3, tmp_path / "out", workers=workers)
    assert {(method, n) for method, n, _ in fake.pools} == pools
    assert sum(sum(chunks) for _, _, chunks in fake.pools) == (3 if pools else 0)
    assert summary["dateparser_calls"] == 3


# --- a tiny dataset, pinned ----------------------------------------------------------------

TINY_SOURCES = """\
# Synthetic sources written by `python -m timeline synth --events 3 --seed 0`.
# Fictional people, outlets and addresses, for benchmarks and tests: not real news.

sources:
  - id: valle-times-2010-03-26-mexico-sends-diplomatic-note
    file: 00000_05e438364d86ae40.txt
    title: "Mexico sends diplomatic note on fentanyl trafficking"
    outlet: "Valle Times"
    url: "https://valletimes.example/news/mexico-sends-diplomatic-note-on-fentanyl-trafficking-2010-03-26"
    published:
      date: 2010-03-26
      found_in: text
      phrase: "March 26, 2010"
"""


def test_three_events_with_the_default_seed_are_pinned(tmp_path):
    # The default seed is 0; three events make one article, so it is the whole dataset.
    out = tmp_path / "out"
    summary = generate_dataset(3, out)
    assert summary == {
        "events": 3,
        "sources": 1,
        "excerpts": 6,
        "manual_dates": 1,
        "dateparser_calls": 3,
        "files": 5,
        "bytes": 10850,
        "out": str(out),
    }
    assert (out / "synth.json").read_text(encoding="utf-8") == (
        '{\n  "generator": "timeline.synth",\n  "events": 3,\n  "seed": 0\n}\n'
    )
    assert (out / "data" / "sources.yaml").read_text(encoding="utf-8") == TINY_SOURCES
    assert sorted(p.name for p in (out / "seeds").iterdir()) == ["00000_05e438364d86ae40.txt"]
    dataset = load_dataset(out / "data", out / "seeds")
    assert [(e.id, str(e.date), e.date_evidence.phrase, bool(e.date_evidence.note)) for e in dataset.events] == [
        ("customs-officers-to-share-inspection-sites-2010", "2010-01", "earlier this year", True),
        ("mexico-sends-diplomatic-note-on-fentanyl-2010", "2010", "yesterday", False),
        ("record-seizure-of-fentanyl-precursors-at-2010", "2010", "this year", False),
    ]
    article = (out / "seeds" / "00000_05e438364d86ae40.txt").read_text(encoding="utf-8")
    assert article.startswith(
        "Mexico sends diplomatic note on fentanyl trafficking\n\n"
        "By Thomas Haddad | Published March 26, 2010\n\n"
        "NOGALES, Mexico — The Secretaría de Relaciones Exteriores sent a diplomatic\n"
        "note to Washington yesterday asking for clarification on fentanyl\n"
        "trafficking, Interior Minister Ximena Durán said.\n\n"
    )


# --- counts and folders ----------------------------------------------------------------------


@pytest.mark.parametrize("bad", [0, -3, True, 2.5])
def test_a_bad_count_is_refused_with_a_message(tmp_path, bad):
    with pytest.raises(ValueError) as info:
        generate_dataset(bad, tmp_path / "x")
    assert str(info.value) == f"the number of events must be a whole number of at least 1, not {bad!r}"


def test_more_than_a_million_events_are_refused(tmp_path):
    with pytest.raises(ValueError) as info:
        generate_dataset(1_000_001, tmp_path / "x")
    assert str(info.value) == "at most 1,000,000 events, not 1,000,001"
    assert not (tmp_path / "x").exists()


def test_the_cap_itself_is_allowed(monkeypatch, tmp_path):
    from timeline import synth

    # A cap of 2 stands in for the million: exactly the cap is written, one more is refused.
    monkeypatch.setattr(synth, "MAX_EVENTS", 2)
    assert generate_dataset(2, tmp_path / "two")["events"] == 2
    with pytest.raises(ValueError, match=r"^at most 2 events, not 3$"):
        generate_dataset(3, tmp_path / "three")


def test_the_administrations_are_read_as_utf8_whatever_the_locale(tmp_path):
    import locale

    # Under the C locale, Python's default encoding is ASCII, which cannot read "Calderón". The
    # target is a file, so the generator stops with SynthError right after reading them.
    a_file = tmp_path / "file.txt"
    a_file.write_text("keep", encoding="utf-8")
    saved = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        with pytest.raises(SynthError, match="is a file, not a folder"):
            generate_dataset(1, a_file)
    finally:
        locale.setlocale(locale.LC_CTYPE, saved)


@pytest.mark.parametrize(
    ("make", "strays"),
    [
        # Only synth.json, data/ and seeds/ belong to an output, in any order of names.
        (("file:zeta.txt",), ["zeta.txt"]),
        (("file:alpha.txt", "file:zeta.txt"), ["alpha.txt", "zeta.txt"]),
        (("dir:extra",), ["extra"]),  # an unknown folder, even empty
        (("file:data",), ["data"]),  # "data" must be a folder
        (("dir:data", "dir:data/events.yaml"), ["data/events.yaml"]),  # and hold files
        (("dir:seeds", "file:seeds/notes.md", "file:seeds/readme.txt"), ["seeds/notes.md", "seeds/readme.txt"]),
        (("dir:seeds", "dir:seeds/00000_0123456789abcdef.txt"), ["seeds/00000_0123456789abcdef.txt"]),
        (("dir:seeds", "file:seeds/00000_0123456789abcdef.txt", "file:data"), ["data"]),
        (("dir:data", "file:data/events.yaml", "file:data/sources.yaml"), []),
    ],
)
def test_the_entries_synth_did_not_write_are_listed(tmp_path, make, strays):
    from timeline.synth import _strays

    out = _previous_output(tmp_path / "out")
    for item in make:
        kind, name = item.split(":")
        if kind == "dir":
            (out / name).mkdir()
        else:
            (out / name).write_text("x", encoding="utf-8")
    assert _strays(out) == strays


def test_a_symlinked_data_folder_is_a_stray(tmp_path):
    from timeline.synth import _strays

    out = _previous_output(tmp_path / "out")
    (tmp_path / "elsewhere").mkdir()
    (out / "data").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert _strays(out) == ["data"]


# --- planning --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("high", "roll", "published", "outlet", "found_in"),
    [
        # Articles are published between 1 March 2006 and 31 October 2025, both included.
        (False, 0.2999, "2006-03-01", 0, "text"),  # Frontera Daily dates 30% of its stories in the text
        (False, 0.3, "2006-03-01", 0, "url"),  # the rest in the address ...
        (False, 0.8799, "2006-03-01", 0, "url"),
        (False, 0.88, "2006-03-01", 0, "record"),  # ... or, for 12%, only in the record
        (True, 0.1999, "2025-10-31", 8, "text"),  # Valle Times: 20% in the text
        (True, 0.2, "2025-10-31", 8, "url"),
    ],
)
def test_an_article_is_published_on_a_news_day_and_shows_its_date_somewhere(high, roll, published, outlet, found_in):
    from timeline.synth import _plan_articles

    rng = _ScriptedRng([roll], high)
    (art,) = _plan_articles(rng, 1)
    assert (str(art.published), art.outlet, art.found_in) == (published, outlet, found_in)
    assert rng.samples == [(7185, 1)]  # one news day, out of the 7,185 days of the span


@pytest.mark.parametrize(("roll", "kind"), [(0.0499, "manual"), (0.05, "weekday")])
def test_one_event_in_twenty_gets_a_manual_date(roll, kind):
    from timeline.synth import _Article, _plan_events

    articles = [_Article(0, dt.date(2020, 7, 15), 0)]
    events = _plan_events(_ScriptedRng([roll, 0.42]), articles, 1)
    assert [(e.index, e.article, e.category, e.kind, e.precision_roll) for e in events] == [
        (0, 0, "agreement", kind, 0.42)
    ]
    assert articles[0].events == [0]


# --- composing and linking -------------------------------------------------------------------


def _composed(category, rolls, high=False, phrase="Monday", when="on Monday"):
    from timeline.dates import PartialDate
    from timeline.synth import _Article, _compose_events, _Event

    art = _Article(0, dt.date(2020, 7, 15), 0)
    ev = _Event(0, 0, category, "weekday", phrase=phrase, when=when, date=PartialDate(2020, 7, 13))
    rng = _ScriptedRng(rolls, high)
    _compose_events(rng, _people(), [art], [ev])
    assert rng.rolls == []
    return ev, art


@pytest.mark.parametrize(
    ("roll", "title", "amount"),
    [
        (0.2999, "Mexico commits 500 million pesos to border infrastructure", (500_000_000, "MXN")),
        (0.3, "Mexico commits $25 million to border infrastructure", (25_000_000, "USD")),
    ],
)
def test_three_funding_events_in_ten_are_in_pesos(roll, title, amount):
    ev, art = _composed("funding", [roll])
    assert ev.title == art.title == title
    assert ev.amount == (*amount, "border infrastructure")
    assert ev.actors == ["Government of Mexico", "Government of the United States"]


@pytest.mark.parametrize(
    ("roll", "speaker", "actor"),
    [
        (0.4999, "“Our priority is the dignity of every person who crosses,” said Margaret O’Connor, "
         "the commissioner of US Customs and Border Protection.", "Margaret O’Connor"),
        (0.5, "“Our priority is the dignity of every person who crosses,” said María Fernanda Ibáñez, "
         "the head of Mexico’s National Migration Institute.", "María Fernanda Ibáñez"),
    ],
)  # fmt: skip
def test_the_quoted_statement_is_as_often_american_as_mexican(roll, speaker, actor):
    # The lead names no official, so the one quoted is the event's only actor.
    ev, _ = _composed("diplomacy", [roll], high=True)
    assert ev.sentences == [
        "The presidents of Mexico and the United States spoke by phone on Monday about money laundering, "
        "according to readouts published by both governments.",
        speaker,
        "Neither government gave a cost estimate for the plan, which covers 14 border districts.",
    ]
    assert ev.actors == [actor]


def test_an_event_whose_lead_lacks_its_date_phrase_is_refused():
    with pytest.raises(RuntimeError) as info:
        _composed("context", [], phrase="Tuesday", when="on Monday")
    assert str(info.value) == (
        '"Tuesday" is not in "Apprehensions at the southwest border rose to 1,000 on Monday, according to '
        'figures published by the Department of Homeland Security."'
    )


def test_officials_named_only_in_the_headline_are_actors(monkeypatch):
    from timeline import synth

    monkeypatch.setattr(
        synth, "TEMPLATES", {"diplomacy": (("{us_short} and {mx_short} talk", "Envoys talked {when}.", "Talks."),)}
    )
    monkeypatch.setattr(synth, "TEMPLATES_ES", {"diplomacy": (("{us_short} y {mx_short_the} conversan", "Pláticas."),)})
    ev, _ = _composed("diplomacy", [])
    assert ev.title == "Homeland Security Secretary O’Connor and Foreign Minister Ibáñez talk"
    assert ev.actors == ["Margaret O’Connor", "María Fernanda Ibáñez"]


def _linked(published, rolls, *, event_article=0, first=(2020, 7, 10), sentences=("Lead.",), high=False):
    from timeline.dates import PartialDate
    from timeline.synth import _Article, _Event, _link_second_sources

    articles = [_Article(i, dt.date(*day), 0) for i, day in enumerate(published)]
    ev = _Event(0, event_article, "context", "weekday", date=PartialDate(*first), sentences=list(sentences))
    rng = _ScriptedRng(rolls, high)
    _link_second_sources(rng, articles, [ev])
    assert rng.rolls == []
    return ev, articles


@pytest.mark.parametrize(
    ("other", "linked"),
    [
        # The other article must appear from the event's day to two weeks after the first report.
        ((2020, 7, 9), False),
        ((2020, 7, 10), True),
        ((2020, 7, 29), True),
        ((2020, 7, 30), False),
    ],
)
def test_a_second_source_is_published_within_two_weeks_of_the_first(other, linked):
    ev, articles = _linked([(2020, 7, 15), other], [0.0])
    assert ev.second == (1 if linked else None)
    assert articles[1].extra == (["Lead."] if linked else [])
    assert ev.second_quote == ("Lead." if linked else "")


def test_one_event_in_eight_has_a_second_source():
    ev, articles = _linked([(2020, 7, 15), (2020, 7, 15)], [0.125])
    assert (ev.second, articles[1].extra) == (None, [])
    ev, articles = _linked([(2020, 7, 15), (2020, 7, 15)], [0.1249])
    assert (ev.second, articles[1].extra) == (1, ["Lead."])


def test_a_second_source_is_among_the_fifteen_articles_after_the_first():
    # Eighteen articles of one day; the highest candidate for an event of article 0 is article 15.
    ev, _ = _linked([(2020, 7, 15)] * 18, [0.0], high=True)
    assert ev.second == 15


@pytest.mark.parametrize(("roll", "quote"), [(0.5999, "Lead."), (0.6, "“Quote,” said X.")])
def test_a_second_source_repeats_the_lead_or_quotes_the_statement(roll, quote):
    ev, articles = _linked(
        [(2020, 7, 15), (2020, 7, 15)], [0.0, roll], sentences=("Lead.", "“Quote,” said X.", "Detail.")
    )
    assert (ev.second, ev.second_quote, articles[1].extra) == (1, quote, [quote])
    assert ev.sentences == ["Lead.", "“Quote,” said X."]  # the detail is left out


# --- stamping and writing articles -------------------------------------------------------

FRONTERA = "https://www.fronteradaily.example"


@pytest.mark.parametrize(
    ("outlet", "found_in", "rolls", "high", "url", "stamp"),
    [
        (0, "url", [], False, f"{FRONTERA}/2020/07/15/lane-reopens/", "2020/07/15"),
        (2, "url", [], False, "https://gulfcoastwire.example/articles/107/20200715/lane-reopens.htm", "20200715"),
        (4, "url", [], False, "https://borderlandsledger.example/news/lane-reopens-2020-07-15", "2020-07-15"),
        # An address without a date shows none.
        (3, "url", [], False, "https://observadordelnorte.example/noticias/lane-reopens-1000000", ""),
        # In the text: a time stamp for 15% of the stories, the date as words for the rest.
        (0, "text", [0.1499], False, f"{FRONTERA}/2020/07/15/lane-reopens/", "2020-07-15 06:00:00"),
        (0, "text", [0.1499], True, f"{FRONTERA}/2020/07/15/lane-reopens/", "2020-07-15 22:59:59"),
        (0, "text", [0.15], False, f"{FRONTERA}/2020/07/15/lane-reopens/", "July 15, 2020"),
    ],
)
def test_an_article_shows_its_date_in_its_address_or_its_text(outlet, found_in, rolls, high, url, stamp):
    from timeline.synth import _Article, _stamp

    art = _Article(7, dt.date(2020, 7, 15), outlet, found_in=found_in, title="Lane reopens")
    rng = _ScriptedRng(rolls, high)
    _stamp(art, rng)
    assert (art.url, art.stamp, art.note) == (url, stamp, None)
    assert rng.rolls == []


def _written(tmp_path, rolls, *, found_in="url", target=0, title="Officials reopen Lane X"):
    from timeline.synth import _Article, _Event, _write_articles

    art = _Article(0, dt.date(2020, 7, 15), 0, found_in=found_in, title=title, events=[0])
    ev = _Event(
        0,
        0,
        "context",
        "weekday",
        sentences=["Officials reopened the lane on Monday.", "“It took too long,” said a driver."],
    )
    rng = _ScriptedRng(rolls, target=target)
    written = _write_articles(rng, _people(), tmp_path, [art], [ev])
    assert rng.rolls == []
    data = (tmp_path / art.file).read_bytes()
    assert written == len(data)
    return art, data, rng


PLAIN_ARTICLE = (
    "Officials reopen Lane X\n\nBy Margaret O’Connor\n\n"
    "TIJUANA, Mexico — Officials reopened the lane on Monday. “It took too long,” said a driver.\n"
)
FILLER = (
    "Cross-border trade between the two countries exceeded $3 billion last year, making Mexico one of the "
    "largest trading partners of the United States."
)


@pytest.mark.parametrize(
    ("rolls", "name", "text"),
    [
        # No filler after the lead (60%), no copyright line (30%), not wrapped (15%), LF endings (3%).
        ([0.6, 0.3, 0.15, 0.03], "00000_36274581e6fc9f26.txt", PLAIN_ARTICLE),
        ([0.6, 0.3, 0.15, 0.99], "00000_36274581e6fc9f26.txt", PLAIN_ARTICLE),
        (
            [0.5999, 0.2999, 0.1499, 0.0299],
            "00000_348ec5a6d1e7ca4d.txt",
            "Officials reopen Lane X\r\n\r\nBy Margaret O’Connor\r\n\r\n"
            "TIJUANA, Mexico — Officials reopened the lane on Monday. “It took too long,”\r\nsaid a driver.\r\n\r\n"
            "Cross-border trade between the two countries exceeded $3 billion last year,\r\n"
            "making Mexico one of the largest trading partners of the United States.\r\n"
            "Cross-border trade between the two countries exceeded $3 billion last year,\r\n"
            "making Mexico one of the largest trading partners of the United States.\r\n\r\n"
            "© 2020 Frontera Daily. All rights reserved.\r\n",
        ),
        # Above 0.99, a byte-order mark.
        ([0.6, 0.3, 0.15, 0.9901], "00000_ce671a07ea4e35e8.txt", "\ufeff" + PLAIN_ARTICLE),
    ],
)
def test_an_article_is_written_with_its_variations(tmp_path, rolls, name, text):
    art, data, rng = _written(tmp_path, rolls)
    assert art.file == name
    assert data.decode("utf-8") == text
    assert art.id == "frontera-daily-2020-07-15-officials-reopen-lane-x"
    assert rng.triangles == [(2000, 8000, 3800)]  # between 2,000 and 8,000 characters, mostly 3,800


@pytest.mark.parametrize(
    ("roll", "byline"),
    [
        (0.1499, "By Margaret O’Connor | Updated 2020-07-15 06:00:00"),
        (0.15, "By Margaret O’Connor | Published July 15, 2020"),
    ],
)
def test_a_date_in_the_text_goes_in_the_byline(tmp_path, roll, byline):
    _, data, _ = _written(tmp_path, [roll, 0.6, 0.3, 0.15, 0.5], found_in="text")
    assert data.decode("utf-8").split("\n\n")[1] == byline


@pytest.mark.parametrize(
    ("target", "fillers"),
    [
        # Title, byline and lead count 23 + 20 + 91 characters, each plus 2: 140; one filler
        # paragraph (two sentences of 147) adds 297.
        (140, 0),
        (141, 1),
        (437, 1),
        (438, 2),
    ],
)
def test_an_article_is_padded_with_background_until_it_reaches_its_size(tmp_path, target, fillers):
    _, data, _ = _written(tmp_path, [0.6, 0.3, 0.15, 0.5], target=target)
    text = data.decode("utf-8")
    assert text.startswith(PLAIN_ARTICLE)
    assert text.count(FILLER) == 2 * fillers


def test_hard_wrapping_changes_nothing_but_the_spaces_where_lines_break(tmp_path):
    # A headline pasted with a trailing tab keeps it: only the spaces at a break become newlines.
    _, data, _ = _written(tmp_path, [0.6, 0.3, 0.1499, 0.5], title="Officials reopen Lane X\t")
    assert data.decode("utf-8") == (
        "Officials reopen Lane X\t\n\nBy Margaret O’Connor\n\n"
        "TIJUANA, Mexico — Officials reopened the lane on Monday. “It took too long,”\nsaid a driver.\n"
    )
