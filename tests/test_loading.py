"""The YAML reader: lines kept, repeated keys refused, dates left as text, limits enforced."""

from __future__ import annotations

import os
import time

import pytest
import yaml

from timeline import loading
from timeline.errors import DataError
from timeline.loading import read_text_file, read_yaml


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


# --- reading the file ----------------------------------------------------------------------------


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "events").mkdir()
    assert problems(tmp_path / "events") == ["events: is a folder, not a file"]


def test_a_pipe_is_refused_without_reading_it(tmp_path):
    # reading a pipe nobody writes to would block forever
    os.mkfifo(tmp_path / "pipe.yaml")
    assert problems(tmp_path / "pipe.yaml") == ["pipe.yaml: is not a regular file (hint: give a plain text file)"]


def test_a_path_through_a_file_is_a_read_error(tmp_path):
    write(tmp_path, "a: 1\n")
    assert problems(tmp_path / "f.yaml" / "inner.yaml") == ["f.yaml/inner.yaml: cannot read the file: Not a directory"]


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        (1_001, None),  # one byte under the limit
        (1_000, None),  # exactly at the limit: still read
        (999, ["f.yaml: file is 1,000 bytes, over the limit of 999 (hint: split it or trim it)"]),
    ],
)
def test_the_size_limit_is_inclusive(tmp_path, monkeypatch, limit, expected):
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", limit)
    path = write(tmp_path, "a: " + "x" * 996 + "\n")  # 1,000 bytes
    if expected is None:
        assert read_yaml(path).data == {"a": "x" * 996}
    else:
        assert problems(path) == expected


def test_read_text_file_takes_its_own_limit(tmp_path):
    path = write(tmp_path, "0123456789")
    assert read_text_file(path, limit=10) == "0123456789"
    with pytest.raises(DataError) as info:
        read_text_file(path, limit=9)
    assert [str(p) for p in info.value.problems] == [
        "f.yaml: file is 10 bytes, over the limit of 9 (hint: split it or trim it)"
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xe9", "f.yaml:1: not valid UTF-8 (byte 0xe9 at column 1)"),
        (b"\nab: \xe9\n", "f.yaml:2: not valid UTF-8 (byte 0xe9 at column 5)"),  # after a first empty line
        (b"a\nb\nxy\xff\n", "f.yaml:3: not valid UTF-8 (byte 0xff at column 3)"),  # counted from the last line break
    ],
)
def test_a_byte_that_is_not_utf8_is_located(tmp_path, raw, expected):
    assert problems(write(tmp_path, raw)) == [expected + " (hint: re-save the file as UTF-8)"]


# --- what YAML refuses ---------------------------------------------------------------------------

EMPTY = "f.yaml:1: file is empty (hint: it needs a top-level mapping, see the README)"


@pytest.mark.parametrize(
    "text",
    [
        "# a note with a \x07 bell in it\n",  # only comments: empty, whatever they hold
        "   # an indented note \x07\n",
        "\n\ufeff\n",  # a stray byte-order mark: YAML finds no document at all
    ],
)
def test_a_file_without_a_document_is_empty(tmp_path, text):
    assert problems(write(tmp_path, text)) == [EMPTY]


def test_a_control_character_is_located_by_its_line(tmp_path):
    # libyaml counts bytes: the five two-byte letters before it must not move it to line 3
    text = "a: ééééé\nb\x01\nc: d\nlast: x\n"
    expected = "f.yaml:2: the character U+0001 is not allowed in YAML (hint: remove it)"
    assert problems(write(tmp_path, text)) == [expected]


def test_a_control_character_after_a_leading_blank_line_is_on_line_2(tmp_path):
    expected = "f.yaml:2: the character U+0001 is not allowed in YAML (hint: remove it)"
    assert problems(write(tmp_path, "\na: \x01\n")) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: 1\nb: [1, 2\nc: 3\n",  # where the parser gave up, not where the list began
            "f.yaml:3: YAML syntax error: while parsing a flow sequence did not find expected ',' or ']'"
            " (hint: check the indentation and quoting on this line or the one before it)",
        ),
        (
            "a: [1, 2\n",  # libyaml points past the last line: kept in the file
            "f.yaml:1: YAML syntax error: while parsing a flow sequence did not find expected ',' or ']'"
            " (hint: check the indentation and quoting on this line or the one before it)",
        ),
        (
            "a: 1\nb: c: d\n",
            "f.yaml:2: YAML syntax error: mapping values are not allowed in this context"
            " (hint: check the indentation and quoting on this line or the one before it)",
        ),
        (
            "a: 1\n\tb: 2\n",
            "f.yaml:2: YAML syntax error: while scanning a plain scalar found a tab character that violates"
            " indentation (hint: indent with spaces, not tabs)",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "f.yaml:2: YAML syntax error: expected a single document in the stream but found another document"
            " (hint: check the indentation and quoting on this line or the one before it)",
        ),
    ],
)
def test_a_syntax_error_names_its_line_and_a_hint(tmp_path, text, expected):
    assert problems(write(tmp_path, text)) == [expected]


def raise_from_the_parser(monkeypatch, error):
    """Make the YAML parser fail with ``error`` (for errors no real file is known to cause)."""

    def fail(self):
        raise error

    monkeypatch.setattr(loading._TextDateLoader, "get_single_node", fail)


def test_an_unexpected_yaml_error_becomes_a_problem_on_its_line(tmp_path, monkeypatch):
    # Whatever else PyYAML raises is still reported as a problem with the file, with its line
    # when the error has one (loading must raise only DataError).
    error = yaml.YAMLError("the parser broke")
    error.problem_mark = yaml.Mark("f.yaml", 0, 4, 0, None, None)  # line 5 (counted from 0)
    raise_from_the_parser(monkeypatch, error)
    assert problems(write(tmp_path, "a: 1\n")) == ["f.yaml:5: YAML error: the parser broke"]


def test_an_unexpected_yaml_error_without_a_place_has_no_line(tmp_path, monkeypatch):
    raise_from_the_parser(monkeypatch, yaml.YAMLError("the parser broke"))
    assert problems(write(tmp_path, "a: 1\n")) == ["f.yaml: YAML error: the parser broke"]


TABS = "(hint: indent with spaces, not tabs)"


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        # PyYAML's own (pure-Python) parser, used where libyaml is missing, names a tab this way
        (
            "found character '\\t' that cannot start any token",
            "f.yaml:3: YAML syntax error: while scanning for the next token found character '\\t' that cannot"
            " start any token " + TABS,
        ),
        # a tab itself in the message (shown escaped)
        ("found\tthis", "f.yaml:3: YAML syntax error: while scanning for the next token found\\tthis " + TABS),
        (
            "found that",
            "f.yaml:3: YAML syntax error: while scanning for the next token found that"
            " (hint: check the indentation and quoting on this line or the one before it)",
        ),
    ],
)
def test_a_syntax_error_about_a_tab_hints_at_tabs(tmp_path, monkeypatch, problem, expected):
    mark = yaml.Mark("f.yaml", 0, 2, 0, None, None)  # line 3 (counted from 0)
    raise_from_the_parser(
        monkeypatch, yaml.scanner.ScannerError("while scanning for the next token", None, problem, mark)
    )
    assert problems(write(tmp_path, "a: 1\nb: 2\nc: 3\n")) == [expected]


def test_a_syntax_error_without_a_place_has_no_line(tmp_path, monkeypatch):
    raise_from_the_parser(monkeypatch, yaml.MarkedYAMLError(problem="it broke"))
    hint = "(hint: check the indentation and quoting on this line or the one before it)"
    assert problems(write(tmp_path, "a: 1\n")) == ["f.yaml: YAML syntax error: it broke " + hint]


# --- limits --------------------------------------------------------------------------------------

DEEP = "document is nested more than 40 levels deep (hint: flatten it)"


def levels(count: int, indent: int) -> str:
    """``count`` nested mappings, one key a line, starting ``indent`` levels in, then a value."""
    return "".join("  " * (i + indent) + f"k{i}:\n" for i in range(count)) + "  " * (count + indent) + "v\n"


def test_forty_levels_are_read_and_forty_one_refused_at_the_line_that_goes_too_deep(tmp_path):
    doc = read_yaml(write(tmp_path, levels(40, 0)))
    assert doc.line_of(tuple(f"k{i}" for i in range(40))) == 40
    assert problems(write(tmp_path, levels(41, 0))) == ["f.yaml:41: " + DEEP]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # two closed collections before the deep part must not make it look shallower
        ("a: [1]\nb: {c: 1}\nd:\n" + levels(40, 1), 43),
        # nor one closed inside a mapping: after it, the mapping's own level still counts
        ("d:\n  x: [1]\n  y:\n" + levels(39, 2), 42),
    ],
)
def test_levels_are_counted_down_again_after_a_collection_ends(tmp_path, text, line):
    assert problems(write(tmp_path, text)) == [f"f.yaml:{line}: " + DEEP]


@pytest.mark.parametrize(("brackets", "ok"), [(39, True), (40, False)])
def test_flow_lists_count_as_levels(tmp_path, brackets, ok):
    # the top-level mapping is the first level: 39 lists inside it make 40
    path = write(tmp_path, "a: " + "[" * brackets + "1" + "]" * brackets + "\n")
    if ok:
        assert read_yaml(path).line_of(("a",)) == 1
    else:
        assert problems(path) == ["f.yaml:1: " + DEEP]


@pytest.mark.parametrize(("around", "ok"), [(9, True), (10, False)])
def test_an_alias_counts_the_levels_of_what_it_stands_for(tmp_path, around, ok):
    # 30 levels behind the anchor, plus the alias's own: 1 + 9 + 30 = 40 is the most allowed
    text = "a: &x " + "[" * 30 + "1" + "]" * 30 + "\nb: " + "[" * around + "*x" + "]" * around + "\n"
    path = write(tmp_path, text)
    if ok:
        assert read_yaml(path).line_of(("b",)) == 2
    else:
        assert problems(path) == ["f.yaml:1: " + DEEP]


def test_a_document_deeper_than_python_can_follow_is_refused(tmp_path, monkeypatch):
    # with the level limit lifted, 3,000 levels outrun Python's recursion limit: still a problem
    monkeypatch.setattr(loading, "MAX_DEPTH", 100_000)
    path = write(tmp_path, "a: " + "[" * 3000 + "]" * 3000 + "\n")
    assert problems(path) == ["f.yaml: document is nested too deeply (hint: flatten it)"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: 1\nb: &x\n  - 2\n  - *x\n", 2),
        ("b: &x\n  c:\n    - *x\n", 1),  # a mapping that holds itself through a list (on line 3)
        ("b: &x\n  -\n    c: *x\n", 1),  # a list that holds itself through a mapping (on line 3)
        ("a:\n  b: &x\n    c:\n      - *x\n", 2),  # found when first re-entered, not 40 levels later
    ],
)
def test_an_alias_that_contains_itself_is_refused_at_its_anchor(tmp_path, text, line):
    assert problems(write(tmp_path, text)) == [f"f.yaml:{line}: " + DEEP]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [1, 2]\nb: 3\n", None),  # five values: the mapping, the list, 1, 2, 3
        ("a: [1, 2]\nb: [3]\n", "f.yaml:1: document expands to more than 5 values"),
        # a list of five items is six values: refused where the list starts, before the whole
        ("a: 1\nb:\n  - 2\n  - 3\n  - 4\n  - 5\n  - 6\n", "f.yaml:3: document expands to more than 5 values"),
    ],
)
def test_the_value_limit_counts_every_value(tmp_path, monkeypatch, text, expected):
    monkeypatch.setattr(loading, "MAX_NODES", 5)
    path = write(tmp_path, text)
    if expected is None:
        assert read_yaml(path).data == {"a": [1, 2], "b": 3}
    else:
        assert problems(path) == [expected + " (hint: do not nest aliases (*name))"]


ALIASES = "document expands to more than 3 values through aliases (hint: do not nest aliases (*name))"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x [1, 2]\nb: *x\n", None),  # the alias adds exactly 3 values: allowed
        ("a: &x [1, 2]\nb: *x\nc: *x\n", "f.yaml:1: " + ALIASES),  # 6: refused at the anchor
        # 3 from x, then 2 from y: y's reuse is the one that passes the limit
        ("a: &x [1, 2]\nb: *x\nc: &y [5]\nd: *y\n", "f.yaml:3: " + ALIASES),
        ("a: &x [1, 2]\nb:\n  - *x\n  - &y [5]\n  - *y\n", "f.yaml:4: " + ALIASES),  # inside a list too
    ],
)
def test_values_added_by_aliases_are_limited(tmp_path, monkeypatch, text, expected):
    monkeypatch.setattr(loading, "MAX_ALIAS_VALUES", 3)
    path = write(tmp_path, text)
    if expected is None:
        assert read_yaml(path).data == {"a": [1, 2], "b": [1, 2]}
    else:
        assert problems(path) == [expected]


# --- values and keys -----------------------------------------------------------------------------


def test_each_value_keeps_the_line_of_its_key_and_items_their_own(tmp_path):
    doc = read_yaml(write(tmp_path, "# a note\na:\n  - x\n  - {b: 1}\n"))
    assert doc.data == {"a": ["x", {"b": 1}]}
    assert doc.lines == {(): 2, ("a",): 2, ("a", 0): 3, ("a", 1): 4, ("a", 1, "b"): 4}
    assert doc.line_of(()) == 2
    assert doc.line_of(("a", 1, "b", "c", "d")) == 4  # two levels missing: the nearest that exists


def test_a_document_with_no_lines_known_answers_line_1(tmp_path):
    doc = loading.YamlDoc(path=tmp_path / "f.yaml", display="f.yaml", data={})
    assert doc.line_of(("a", 0)) == 1
    assert doc.line_of(()) == 1


def test_a_quoted_number_stays_text_and_a_plain_one_is_a_number(tmp_path, monkeypatch):
    # plain values' types are remembered between files; a quoted value must never take one
    monkeypatch.setattr(loading._TextDateLoader, "_tags", {})
    doc = read_yaml(write(tmp_path, 'a: "4817"\nb: 4817\nc: "4817"\nd: 2013-07-23\ne: "true"\nf: true\n'))
    assert doc.data == {"a": "4817", "b": 4817, "c": "4817", "d": "2013-07-23", "e": "true", "f": True}


def test_a_key_repeated_three_times_is_reported_twice(tmp_path):
    assert problems(write(tmp_path, "a: 1\na: 2\na: 3\n")) == [
        f'f.yaml:{n}: key "a" is written twice in one mapping (first on line 1)'
        " (hint: YAML would silently keep only the last value; keep one of them)"
        for n in (2, 3)
    ]


def twice(line: int) -> str:
    return (
        f'f.yaml:{line}: key "a" is written twice in one mapping (first on line 1)'
        " (hint: YAML would silently keep only the last value; keep one of them)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: 1\n<<: {x: 1}\na: 2\n",
            ["f.yaml:2: merge keys (<<) are not supported (hint: write the keys out)", twice(3)],
        ),
        ("a: 1\n? [b]\n: 2\na: 2\n", ["f.yaml:2: a key must be plain text (hint: check the indentation)", twice(4)]),
        ("a: 1\n!odd b: 2\na: 2\n", ['f.yaml:2: the tag "!odd" is not supported (hint: remove it)', twice(3)]),
    ],
)
def test_a_key_that_cannot_be_used_is_reported_and_the_keys_after_it_still_read(tmp_path, text, expected):
    # the repeated "a" after the bad key is found only if reading went on past it
    assert problems(write(tmp_path, text)) == expected


def test_a_problem_inside_a_list_item_is_reported(tmp_path):
    assert problems(write(tmp_path, "events:\n  - id: a\n    id: b\n")) == [
        'f.yaml:3: key "id" is written twice in one mapping (first on line 2)'
        " (hint: YAML would silently keep only the last value; keep one of them)"
    ]


def test_the_document_knows_its_file(tmp_path):
    doc = read_yaml(write(tmp_path, "a: 1\n"))
    assert doc.path == tmp_path / "f.yaml"
    assert doc.display == "f.yaml"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("!!int abc", 'cannot read "abc" as int (hint: remove the tag, or quote the value)'),
        ("!!int", 'cannot read "" as int (hint: remove the tag, or quote the value)'),
        ("!!float abc", 'cannot read "abc" as float (hint: remove the tag, or quote the value)'),
        ("!!bool maybe", 'cannot read "maybe" as bool (hint: remove the tag, or quote the value)'),
        ("!!binary xyz", 'cannot read "xyz" as binary (hint: remove the tag, or quote the value)'),
        ("!!timestamp 2013-13-45", 'cannot read "2013-13-45" as timestamp (hint: remove the tag, or quote the value)'),
        ("!!int " + "x" * 40, f'cannot read "{"x" * 40}" as int (hint: remove the tag, or quote the value)'),
        ("!!int " + "x" * 41, f'cannot read "{"x" * 40}…" as int (hint: remove the tag, or quote the value)'),
        ("!!int -" + "9" * 100, "number is longer than 100 characters (hint: quote it if it is text)"),
        ("!thing x", 'the tag "!thing" is not supported (hint: remove it)'),
    ],
)
def test_a_value_its_tag_cannot_read_is_a_problem(tmp_path, value, expected):
    assert problems(write(tmp_path, f"ok: 1\nbad: {value}\n")) == ["f.yaml:2: " + expected]


@pytest.mark.parametrize("number", ["-" + "9" * 99, "9" * 100])
def test_a_number_of_100_characters_is_read(tmp_path, number):
    assert read_yaml(write(tmp_path, f"n: {number}\n")).data == {"n": int(number)}


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!thing [1, 2]", "!thing"),
        ("!thing {a: 1}", "!thing"),
        ("!!set {a, b}", "tag:yaml.org,2002:set"),
        ("!!omap [a: 1]", "tag:yaml.org,2002:omap"),
        ("!!str [1]", "tag:yaml.org,2002:str"),
    ],
)
def test_a_tag_on_a_list_or_mapping_is_a_problem_not_dropped(tmp_path, value, tag):
    assert problems(write(tmp_path, f"ok: 1\nbad: {value}\n")) == [
        f'f.yaml:2: the tag "{tag}" is not supported (hint: remove it)'
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("!!seq [1, 2]", [1, 2]), ("!!map {a: 1}", {"a": 1}), ("[1, 2]", [1, 2]), ("{a: 1}", {"a": 1})],
)
def test_the_plain_list_and_mapping_tags_are_read(tmp_path, value, expected):
    assert read_yaml(write(tmp_path, f"ok: 1\nfine: {value}\n")).data == {"ok": 1, "fine": expected}


def test_the_contents_of_a_refused_tagged_list_are_still_checked(tmp_path):
    assert problems(write(tmp_path, "bad: !thing\n  - !!int abc\n")) == [
        'f.yaml:1: the tag "!thing" is not supported (hint: remove it)',
        'f.yaml:2: cannot read "abc" as int (hint: remove the tag, or quote the value)',
    ]
