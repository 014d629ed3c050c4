"""The YAML reader: lines kept, repeated keys refused, dates left as text, limits enforced."""

from __future__ import annotations

import time

import pytest

from timeline import loading
from timeline.errors import DataError
from timeline.loading import read_yaml


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # files are then shown by their plain name


def write(tmp_path, text, name="f.yaml", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def problems(path) -> list[str]:
    with pytest.raises(DataError) as info:
        read_yaml(path)
    return [str(p) for p in info.value.problems]


def test_values_keep_their_lines_and_dates_stay_text(tmp_path):
    doc = read_yaml(write(tmp_path, "events:\n  - id: a\n    date: 2013-07-23\n    n: 3\n"))
    assert doc.data == {"events": [{"id": "a", "date": "2013-07-23", "n": 3}]}
    assert doc.line_of(("events", 0, "date")) == 3
    assert doc.line_of(("events", 0, "missing")) == 2  # falls back to the mapping


def test_every_repeated_key_is_reported(tmp_path):
    found = problems(write(tmp_path, "a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n"))
    assert len(found) == 2
    assert 'f.yaml:3: key "a" is written twice in one mapping (first on line 1)' in found[0]
    assert 'f.yaml:6: key "d" is written twice in one mapping (first on line 5)' in found[1]


def test_byte_order_mark_and_crlf_are_accepted(tmp_path):
    doc = read_yaml(write(tmp_path, "\ufeffa: 1\r\nb:\r\n  - x\r\n"))
    assert doc.data == {"a": 1, "b": ["x"]}
    assert doc.line_of(("b", 0)) == 3


def test_not_utf8_names_line_and_column(tmp_path):
    found = problems(write(tmp_path, b"a: 1\nb: caf\xe9\n"))
    assert found == ["f.yaml:2: not valid UTF-8 (byte 0xe9 at column 7) (hint: re-save the file as UTF-8)"]


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 100)
    found = problems(write(tmp_path, "a: " + "x" * 200 + "\n"))
    assert "over the limit of 100" in found[0]


def test_deep_nesting_is_refused(tmp_path):
    found = problems(write(tmp_path, "a: " + "[" * 100 + "]" * 100 + "\n"))
    assert "nested more than" in found[0]


def test_recursive_alias_is_refused(tmp_path):
    found = problems(write(tmp_path, "a: &x [*x]\n"))
    assert "nested more than" in found[0] or "expands" in found[0]


def test_billion_laughs_is_refused_in_well_under_a_second(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    start = time.perf_counter()
    found = problems(path)
    elapsed = time.perf_counter() - start
    assert "expands to more than" in found[0]
    assert elapsed < 5  # generous bound: a hang is the failure this guards, not speed


def test_merge_keys_are_refused(tmp_path):
    found = problems(write(tmp_path, "base: &b {x: 1}\nthing:\n  <<: *b\n  y: 2\n"))
    assert "f.yaml:3: merge keys (<<) are not supported" in found[0]


def test_syntax_error_line(tmp_path):
    found = problems(write(tmp_path, "a: 1\nb: [1, 2\nc: 3\n"))
    assert found[0].startswith("f.yaml:3: YAML syntax error") or found[0].startswith("f.yaml:2: YAML syntax error")


def test_missing_file(tmp_path):
    assert problems(tmp_path / "nope.yaml") == ["nope.yaml: file not found (hint: check the path)"]


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n"])
def test_empty_file(tmp_path, text):
    assert problems(write(tmp_path, text))[0].startswith("f.yaml:1: file is empty")
