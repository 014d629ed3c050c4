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
