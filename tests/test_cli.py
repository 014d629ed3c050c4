"""The command line, run as a user runs it: a real subprocess, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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


def test_validate_shipped_data_prints_counts(shipped):
    result = run("validate")
    assert result.returncode == 0, result.stderr
    counts = shipped.counts()
    assert f"OK: {counts['events']} events, {counts['sources']} sources" in result.stdout
    assert f"excerpts verified verbatim: {counts['excerpts']}" in result.stdout
    assert f"{counts['dates_auto']} derived automatically, {counts['dates_manual']} manual" in result.stdout


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


def test_validate_missing_data_dir(tmp_path):
    result = run("validate", "--data-dir", str(tmp_path / "none"))
    assert result.returncode == 1
    assert "sources.yaml: file not found" in result.stderr
    assert "Traceback" not in result.stderr


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
