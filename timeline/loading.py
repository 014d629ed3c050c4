"""Read YAML the way a curator needs: line numbers kept, nothing silently dropped.

PyYAML's safe loader keeps the last of two equal keys, turns ``2013-07-23`` into a date
object and expands aliases without limit. This loader composes the node tree itself so
that every value keeps its line, a repeated key is an error, dates stay text, and
documents that are too big, too deep or expand too far are refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from timeline.errors import DataError, Problem, display_path

MAX_FILE_BYTES = 5_000_000
MAX_NODES = 500_000  # values after alias expansion: guards against "billion laughs"
MAX_DEPTH = 40

Loc = tuple  # a path into the document: ("events", 3, "date")


# libyaml's parser when PyYAML has it (ten times faster on big files), with the same
# pure-Python resolver and constructor, so the results are identical.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDateLoader(_BaseLoader):
    """Safe loader that leaves timestamps as strings (a curated date is text with a precision)."""


_TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDoc:
    """A parsed YAML file with the line of every value in it."""

    path: Path
    display: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor that exists (for a missing key)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class _Limit(Exception):
    def __init__(self, line: int, message: str, hint: str):
        self.line, self.message, self.hint = line, message, hint


def read_text_file(path: Path, limit: int | None = None) -> str:
    """Read a UTF-8 text file (a byte-order mark is allowed), raising DataError naming the line
    of the first byte that is not UTF-8, or the size limit."""
    shown = display_path(path)
    limit = limit or MAX_FILE_BYTES
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DataError([Problem(shown, None, "file not found", hint="check the path")]) from None
    except OSError as exc:
        raise DataError([Problem(shown, None, f"cannot read the file: {exc.strerror}")]) from None
    if path.is_dir():
        raise DataError([Problem(shown, None, "is a folder, not a file")])
    if size > limit:
        raise DataError(
            [Problem(shown, None, f"file is {size:,} bytes, over the limit of {limit:,}", hint="split it or trim it")]
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(
            [
                Problem(
                    shown,
                    line,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {column})",
                    hint="re-save the file as UTF-8",
                )
            ]
        ) from None


def read_yaml(path: Path) -> YamlDoc:
    """Parse one YAML file into plain Python values, keeping each value's line.

    Raises DataError listing every repeated key, or the first syntax error.
    """
    shown = display_path(path)
    text = read_text_file(path)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise DataError([Problem(shown, 1, "file is empty", hint="it needs a top-level mapping, see the README")])
    loader = _TextDateLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = "YAML syntax error: " + " ".join(s for s in (exc.context, exc.problem) if s)
        hint = (
            "indent with spaces, not tabs"
            if "tab" in message or "\\t" in message or "\t" in message
            else "check the indentation and quoting on this line or the one before it"
        )
        raise DataError([Problem(shown, line, message, hint=hint)]) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        mark = getattr(exc, "problem_mark", None)
        raise DataError([Problem(shown, mark.line + 1 if mark else None, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    doc = YamlDoc(path=path, display=shown, data=None)
    problems: list[Problem] = []
    try:
        doc.data = _to_python(node, loader, (), doc, problems, [0], 0)
    except _Limit as exc:
        raise DataError([Problem(shown, exc.line, exc.message, hint=exc.hint)]) from None
    except RecursionError:
        raise DataError([Problem(shown, None, "document is nested too deeply", hint="flatten it")]) from None
    if problems:
        raise DataError(problems)
    return doc


def _to_python(node, loader, loc: Loc, doc: YamlDoc, problems: list[Problem], count: list[int], depth: int):
    count[0] += 1
    line = node.start_mark.line + 1
    if count[0] > MAX_NODES:
        raise _Limit(line, f"document expands to more than {MAX_NODES:,} values", "do not nest aliases (*name)")
    if depth > MAX_DEPTH:
        raise _Limit(line, f"document is nested more than {MAX_DEPTH} levels deep", "flatten it")
    doc.lines.setdefault(loc, line)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem(doc.display, key_line, "merge keys (<<) are not supported", hint="write the keys out")
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    Problem(doc.display, key_line, "a key must be plain text", hint="check the indentation")
                )
                continue
            key = loader.construct_object(key_node)
            if key in first_line:
                problems.append(
                    Problem(
                        doc.display,
                        key_line,
                        f'key "{key}" is written twice in one mapping (first on line {first_line[key]})',
                        hint="YAML would silently keep only the last value; keep one of them",
                    )
                )
                continue
            first_line[key] = key_line
            doc.lines[(*loc, key)] = key_line
            result[key] = _to_python(value_node, loader, (*loc, key), doc, problems, count, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _to_python(item, loader, (*loc, i), doc, problems, count, depth + 1) for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node)
