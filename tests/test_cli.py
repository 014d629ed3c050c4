"""The command line, run as a user runs it: a real subprocess, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from timeline import PROJECT_DIR


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        capture_output=True,
        text=True,
        cwd=cwd or PROJECT_DIR,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(PROJECT_DIR)},
    )


@pytest.mark.slow
def test_validate_shipped_data_prints_counts(shipped):
    result = run("validate")
    assert result.returncode == 0, result.stderr
    counts = shipped.counts()
    assert f"OK: {counts['events']} events, {counts['sources']} sources" in result.stdout
    assert f"excerpts verified verbatim: {counts['excerpts']}" in result.stdout
    assert f"{counts['dates_auto']} derived automatically, {counts['dates_manual']} manual" in result.stdout


@pytest.mark.slow
def test_validate_bad_data_exits_1_with_the_list_and_no_traceback(tiny):
    tiny.replace("events.yaml", "    date: 2022-07-12", "    date: 2022-07-11")
    tiny.replace("events.yaml", "category: diplomacy", "category: talks")
    result = run(
        "validate", "--data-dir", str(tiny.data_dir), "--seeds-dir", str(tiny.seeds_dir), cwd=tiny.data_dir.parent
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("2 problems found:")
    assert 'data/events.yaml:11: event "border-plan": date: dateparser resolves "Tuesday"' in result.stderr
    assert 'data/events.yaml:24: event "talks-begin": category: Input should be' in result.stderr


@pytest.mark.slow
def test_validate_missing_data_dir(tmp_path):
    result = run("validate", "--data-dir", str(tmp_path / "none"))
    assert result.returncode == 1
    assert "sources.yaml: file not found" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_export_formats_to_a_file(tmp_path, shipped):
    for fmt in ("csv", "json", "timelinejs"):
        out = tmp_path / f"events.{fmt}"
        result = run("export", "--format", fmt, "--out", str(out))
        assert result.returncode == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        if fmt == "csv":
            assert text.count("\n") >= len(shipped.events) + 1
        else:
            assert len(json.loads(text)["events"]) == len(shipped.events)


@pytest.mark.slow
def test_export_to_stdout():
    result = run("export", "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["events"]


# --------------------------------------------------------------------------- in-process
# The same commands through timeline.cli.main in this process: what they print, line by line.
# (Mutation testing, scripts/mutation.sh, sees which tests reach the command line only here.)


def call(capsys, *args: str) -> tuple[int, str, str]:
    from timeline.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_prints_every_count_in_process(capsys, shipped):
    code, out, err = call(capsys, "validate")
    c = shipped.counts()
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:4] == [
        f"OK: {c['events']} events, {c['sources']} sources, {c['administrations']} administrations",
        f"  excerpts verified verbatim: {c['excerpts']}",
        f"  event dates: {c['dates_auto']} derived automatically, {c['dates_manual']} manual (explained by a note)",
        f"  publication dates: {c['published_auto']} parsed from text or address, "
        f"{c['published_manual']} from the record",
    ]
    manual = [e.id for e in shipped.events if shipped.derivations[e.id].status == "manual"]
    assert len(manual) == 10  # the shipped data's manual dates: all listed, none left to "more"
    assert lines[4] == "  manual dates: " + ", ".join(manual)


def test_validate_names_twelve_manual_dates_and_counts_the_rest(capsys, monkeypatch, shipped):
    """Past twelve, the manual dates are counted, not named (a synthetic dataset has thousands)."""
    import types

    import timeline.validate

    def fake(n: int):
        events = [types.SimpleNamespace(id=f"e{i}") for i in range(n)]
        derivations = {f"e{i}": types.SimpleNamespace(status="manual") for i in range(n)}
        return types.SimpleNamespace(counts=shipped.counts, events=events, derivations=derivations)

    for n, last in ((12, "  manual dates: " + ", ".join(f"e{i}" for i in range(12))), (13, None), (1012, None)):
        monkeypatch.setattr(timeline.validate, "load_dataset", lambda *_a, n=n: fake(n))
        code, out, _err = call(capsys, "validate")
        line = out.splitlines()[-1]
        if last:
            assert line == last
        else:
            assert line == "  manual dates: " + ", ".join(f"e{i}" for i in range(12)) + f", and {n - 12:,} more"
        assert code == 0


def test_one_problem_is_singular_and_goes_to_stderr(capsys, tiny):
    tiny.replace("events.yaml", "category: diplomacy", "category: talks")
    code, out, err = call(capsys, "validate", "--data-dir", str(tiny.data_dir), "--seeds-dir", str(tiny.seeds_dir))
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == "1 problem found:"
    assert err.splitlines()[1].startswith('data/events.yaml:24: event "talks-begin": category: Input should be')


def test_two_problems_are_plural(capsys, tiny):
    tiny.replace("events.yaml", "    date: 2022-07-12", "    date: 2022-07-11")
    tiny.replace("events.yaml", "category: diplomacy", "category: talks")
    code, _out, err = call(capsys, "validate", "--data-dir", str(tiny.data_dir), "--seeds-dir", str(tiny.seeds_dir))
    assert code == 1 and err.splitlines()[0] == "2 problems found:" and len(err.splitlines()) == 3


def test_a_missing_folder_is_an_error_not_a_traceback(capsys, tmp_path):
    code, out, err = call(capsys, "validate", "--data-dir", str(tmp_path / "none"))
    assert (code, out) == (1, "") and "sources.yaml: file not found" in err


def test_export_writes_the_file_and_says_its_size(capsys, tmp_path, shipped):
    out_file = tmp_path / "events.json"
    code, out, err = call(capsys, "export", "--format", "json", "--out", str(out_file))
    text = out_file.read_text(encoding="utf-8")
    assert (code, out) == (0, "")
    assert err == f"wrote {out_file} ({len(text.encode()):,} bytes)\n"
    assert len(json.loads(text)["events"]) == len(shipped.events)


def test_export_to_standard_output_in_process(capsys, shipped):
    code, out, err = call(capsys, "export", "--format", "csv")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("id,") and len(out.splitlines()) == len(shipped.events) + 1


def test_export_site_needs_a_folder(capsys, tmp_path):
    code, out, err = call(capsys, "export", "--format", "site")
    assert (code, out) == (2, "")
    assert err == "export --format site needs --out DIR: the folder to write the site into\n"
    afile = tmp_path / "a-file"
    afile.write_text("x", encoding="utf-8")
    code, _out, err = call(capsys, "export", "--format", "site", "--out", str(afile))
    assert code == 2 and err == f"{afile} is a file; give a folder for the site\n"


def test_suggest_in_process_prints_json(capsys):
    code, out, err = call(capsys, "suggest", str(PROJECT_DIR / "seeds" / "002_a3d27affe04262f3.txt"), "--json")
    data = json.loads(out)
    assert (code, err) == (0, "")
    assert data["published"] == {"date": "2024-02-28", "evidence": "2024-02-28 23:10:56", "kind": "iso-stamp"}
    assert data["candidates"][0]["phrase"] == "this Thursday"


# The help is the command line's own documentation: each command's words, options, choices and
# defaults, as a reader sees them (wide enough not to wrap).
HELP = {
    (): """usage: python -m timeline [-h] {validate,export,suggest,synth} ...

Border Cooperation Timeline tools.

positional arguments:
  {validate,export,suggest,synth}
    validate            verify every quote and date; exit 1 with the problem list
    export              write the events as csv, json or TimelineJS JSON
    suggest             propose dated candidate events from an article
    synth               write a synthetic, valid dataset of N events (for benchmarks)

options:
  -h, --help            show this help message and exit
""",
    ("validate",): """usage: python -m timeline validate [-h] [--data-dir DATA_DIR] [--seeds-dir SEEDS_DIR]

options:
  -h, --help            show this help message and exit
  --data-dir DATA_DIR   folder of the YAML files (default: data/)
  --seeds-dir SEEDS_DIR
                        folder of the articles (default: seeds/)
""",
    ("export",): """usage: python -m timeline export [-h] [--data-dir DATA_DIR] [--seeds-dir SEEDS_DIR] \
[--format {csv,json,timelinejs,site}] [--out OUT] [--plotly PLOTLY]

options:
  -h, --help            show this help message and exit
  --data-dir DATA_DIR   folder of the YAML files (default: data/)
  --seeds-dir SEEDS_DIR
                        folder of the articles (default: seeds/)
  --format {csv,json,timelinejs,site}
                        site: a folder with the whole timeline as a static site (needs --out DIR)
  --out OUT             file (for site: folder) to write (default: standard output)
  --plotly PLOTLY       site only: a smaller Plotly.js bundle to serve (such as plotly-basic.min.js; up to 1,000 events)
""",
    ("suggest",): """usage: python -m timeline suggest [-h] [--published PUBLISHED] [--url URL] [--json] \
[--language {en,es}] article

positional arguments:
  article               the article as a UTF-8 text file

options:
  -h, --help            show this help message and exit
  --published PUBLISHED
                        the publication date YYYY-MM-DD (default: detected from the text)
  --url URL             the article's address (a date in it is evidence of publication)
  --json                print JSON instead of text
  --language {en,es}    the article's language (default: detected from the text)
""",
    ("synth",): """usage: python -m timeline synth [-h] --events EVENTS --out OUT [--seed SEED]

options:
  -h, --help       show this help message and exit
  --events EVENTS  how many events
  --out OUT        folder to write data/ and seeds/ into
  --seed SEED      random seed (same seed, same dataset)
""",
}


def test_help_of_each_command_documents_its_options(capsys, monkeypatch):
    import pytest

    from timeline.cli import main

    monkeypatch.setenv("COLUMNS", "200")
    for command, text in HELP.items():
        with pytest.raises(SystemExit) as exit_info:
            main([*command, "--help"])
        assert exit_info.value.code == 0
        assert capsys.readouterr().out == text, command


def test_a_command_is_required(capsys, monkeypatch):
    import pytest

    from timeline.cli import main

    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.endswith(
        "python -m timeline: error: the following arguments are required: command\n"
    )


def test_options_default_to_the_shipped_data_and_read_paths():
    from pathlib import Path

    from timeline.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["validate"])
    assert (args.data_dir, args.seeds_dir) == (PROJECT_DIR / "data", PROJECT_DIR / "seeds")
    args = parser.parse_args(["export", "--data-dir", "d", "--seeds-dir", "s", "--out", "o", "--plotly", "p.js"])
    assert (args.data_dir, args.seeds_dir, args.out, args.plotly) == (Path("d"), Path("s"), Path("o"), Path("p.js"))
    assert args.format == "json"
    assert parser.parse_args(["export"]).out is None
    args = parser.parse_args(["suggest", "a.txt"])
    assert (args.article, args.published, args.url, args.json, args.language) == (
        Path("a.txt"),
        None,
        None,
        False,
        None,
    )
    args = parser.parse_args(["suggest", "a.txt", "--json", "--language", "es", "--published", "2022-01-02"])
    assert (args.json, args.language, args.published) == (True, "es", "2022-01-02")
    args = parser.parse_args(["synth", "--events", "3", "--out", "x"])
    assert (args.events, args.out, args.seed) == (3, Path("x"), 0)
    assert parser.parse_args(["synth", "--events", "3", "--out", "x", "--seed", "5"]).seed == 5  # a number


@pytest.mark.parametrize("events", [2, 1])
def test_export_site_in_process_reports_what_each_part_weighs(capsys, tmp_path, tiny, events):
    if events == 1:  # one event: its bytes are the whole of the events' bytes
        text = tiny.events_file.read_text(encoding="utf-8")
        tiny.write("events.yaml", text[: text.index("\n  - id: talks-begin")] + "\n")
    out_dir = tmp_path / "site"
    out_dir.mkdir()  # an existing folder is used
    args = ("export", "--format", "site", "--data-dir", str(tiny.data_dir), "--seeds-dir", str(tiny.seeds_dir))
    code, out, err = call(capsys, *args, "--out", str(out_dir))
    assert (code, out) == (0, "")

    def size(*patterns: str) -> int:
        return sum(p.stat().st_size for pattern in patterns for p in out_dir.glob(pattern))

    parts = {
        "page": size("index.html", "site.js"),
        "plotly": size("plotly.min.js"),
        "data": size("data-*.js"),
        "details": size("details/**/*.js"),
        "articles": size("articles/**/*.js"),
        "search": size("search.js"),
        "downloads": size("timelinejs-*.js", "downloads.js"),
    }
    assert all(parts.values()), parts
    assert len(tiny.load().events) == events
    assert err == (
        f"wrote the site to {out_dir}/ ({sum(parts.values()):,} bytes: page {parts['page']:,}, "
        f"Plotly.js {parts['plotly']:,}, events {parts['data']:,} for 2 languages "
        f"({parts['data'] // events // 2:,} bytes an event in each), panels {parts['details']:,}, "
        f"articles {parts['articles']:,}, search {parts['search']:,}, downloads {parts['downloads']:,}); "
        f"open {out_dir}/index.html\n"
    )


def test_export_site_with_a_missing_plotly_bundle_says_so(capsys, tmp_path, tiny):
    args = ("export", "--format", "site", "--data-dir", str(tiny.data_dir), "--seeds-dir", str(tiny.seeds_dir))
    missing = tmp_path / "nope.js"
    code, out, err = call(capsys, *args, "--out", str(tmp_path / "site"), "--plotly", str(missing))
    assert (code, out) == (2, "")
    assert err == f"--plotly {missing}: no such file; give a Plotly.js bundle (plotly.min.js)\n"


def test_export_reads_the_folders_it_is_given_in_process(capsys, tiny):
    folders = ("--data-dir", str(tiny.data_dir), "--seeds-dir", str(tiny.seeds_dir))
    code, out, err = call(capsys, "export", "--format", "json", *folders)
    assert (code, err) == (0, "")
    assert [e["id"] for e in json.loads(out)["events"]] == ["talks-begin", "border-plan"]


def test_export_writes_utf8_whatever_the_machines_locale(capsys, tmp_path, monkeypatch, shipped):
    import io

    # a machine whose locale encoding is ASCII: a file opened without an encoding could not hold "é"
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "ascii")
    out_file = tmp_path / "events.csv"
    code, _out, _err = call(capsys, "export", "--format", "csv", "--out", str(out_file))
    assert code == 0
    assert "México" in out_file.read_bytes().decode("utf-8")


def test_a_file_that_cannot_be_written_is_an_error_line(capsys, tmp_path):
    target = tmp_path / "no-such-folder" / "events.json"
    code, out, err = call(capsys, "export", "--out", str(target))
    assert (code, out) == (1, "")
    assert err == f"error: [Errno 2] No such file or directory: '{target}'\n"


def test_synth_in_process_writes_and_summarises(capsys, tmp_path):
    code, out, err = call(capsys, "synth", "--events", "3", "--out", str(tmp_path / "ds"), "--seed", "2")
    assert (code, err) == (0, "")
    assert out.startswith(
        f"wrote 3 events, 1 sources and their articles (0.0 MB, 0 manual dates) to {tmp_path / 'ds'} in "
    )
    assert out.endswith(" s (seed 2)\n")
    code, out, err = call(capsys, "synth", "--events", "0", "--out", str(tmp_path / "none"))
    assert (code, out, err) == (1, "", "error: --events must be at least 1, not 0\n")
