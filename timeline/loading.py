"""Read YAML the way a curator needs: line numbers kept, nothing silently dropped.

PyYAML's safe loader keeps the last of two equal keys, turns ``2013-07-23`` into a date
object and expands aliases without limit. This loader composes the node tree itself so
that every value keeps its line, a repeated key is an error, dates stay text, and
documents that are too big, too deep or expand too far are refused.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from timeline.errors import DataError, Problem, display_path

MAX_FILE_BYTES = 200_000_000  # ~200,000 events; a guard against absurd files, not a quota
MAX_NODES = 20_000_000  # values after alias expansion: guards against "billion laughs"
MAX_DEPTH = 40
MAX_ALIAS_VALUES = 100_000  # values aliases may add: curated data needs few, a bomb needs millions
MAX_INT_CHARS = 100  # Python will not turn an int of over 4,300 digits into text, and no field needs one

Loc = tuple  # a path into the document: ("events", 3, "date")
_UNREADABLE = object()  # what _scalar gives for a value it could not read (a problem says why)


# libyaml's parser when PyYAML has it (ten times faster on big files), with the same
# pure-Python resolver and constructor, so the results are identical.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDateLoader(_BaseLoader):
    """Safe loader that leaves timestamps as strings (a curated date is text with a precision)."""

    _tags: dict = {}  # noqa: RUF012 (a shared cache: plain scalars repeat, keys above all)

    def resolve(self, kind, value, implicit):
        # The resolver tries a dozen regular expressions per plain scalar; the answer depends
        # only on the text, and keys and vocabulary repeat thousands of times.
        if kind is yaml.ScalarNode and implicit == (True, False):
            tag = self._tags.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(self._tags) < 200_000:
                    self._tags[value] = tag
            return tag
        return super().resolve(kind, value, implicit)


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
        info = path.stat()
        size = info.st_size
    except FileNotFoundError:
        raise DataError([Problem(shown, None, "file not found", hint="check the path")]) from None
    except OSError as exc:
        raise DataError([Problem(shown, None, f"cannot read the file: {exc.strerror}")]) from None
    if path.is_dir():
        raise DataError([Problem(shown, None, "is a folder, not a file")])
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device: reading it could block or never end
        raise DataError([Problem(shown, None, "is not a regular file", hint="give a plain text file")])
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
        deep = _too_deep(text)
        if deep:
            message = f"document is nested more than {MAX_DEPTH} levels deep"
            raise DataError([Problem(shown, deep, message, hint="flatten it")])
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, such as a raw control character
        offset = exc.position
        if _BaseLoader is not yaml.SafeLoader:  # libyaml counts the bytes of the UTF-8 text
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
        line = text.count("\n", 0, offset) + 1
        message = f"the character U+{exc.character:04X} is not allowed in YAML"
        raise DataError([Problem(shown, line, message, hint="remove it")]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # libyaml puts an error at the very end one line past the last: keep it in the file.
        line = min(mark.line + 1, len(text.splitlines()) or 1) if mark else None
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
    if node is None:  # no document at all, e.g. a line break and a stray byte-order mark
        raise DataError([Problem(shown, 1, "file is empty", hint="it needs a top-level mapping, see the README")])
    doc = YamlDoc(path=path, display=shown, data=None)
    problems: list[Problem] = []
    try:
        # Measure before expanding: aliases make the tree a graph whose expansion can be
        # exponential ("billion laughs"), but its size is computed in time linear in the nodes.
        sizes: dict[int, int] = {}
        _expanded_size(node, sizes, set(), 0)
        if sizes[id(node)] - len(sizes) > MAX_ALIAS_VALUES:  # all values less the distinct ones
            _find_alias_excess(node, sizes, set(), [0])
        doc.data = _to_python(node, loader, (), doc, problems, [0], 0)
    except _Limit as exc:
        raise DataError([Problem(shown, exc.line, exc.message, hint=exc.hint)]) from None
    except RecursionError:
        raise DataError([Problem(shown, None, "document is nested too deeply", hint="flatten it")]) from None
    if problems:
        raise DataError(problems)
    return doc


def _too_deep(text: str) -> int | None:
    """The line of the first value nested more than MAX_DEPTH levels deep, from the parser's
    events: libyaml's composer recurses in C and crashes the process on some 30,000 levels."""
    depth = 0
    for event in yaml.parse(text, Loader=_TextDateLoader):
        if isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.NodeEvent):
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1
            depth += isinstance(event, yaml.CollectionStartEvent)
    return None


def _expanded_size(node, sizes: dict[int, int], open_nodes: set[int], depth: int) -> int:
    """How many values the document holds once every alias is expanded (memoised per node);
    raises _Limit past MAX_NODES or MAX_DEPTH, or for an alias that contains itself."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH or key in open_nodes:
        raise _Limit(line, f"document is nested more than {MAX_DEPTH} levels deep", "flatten it")
    if isinstance(node, yaml.MappingNode):
        open_nodes.add(key)
        size = 1 + sum(_expanded_size(v, sizes, open_nodes, depth + 1) for _, v in node.value)
        open_nodes.discard(key)
    elif isinstance(node, yaml.SequenceNode):
        open_nodes.add(key)
        size = 1 + sum(_expanded_size(v, sizes, open_nodes, depth + 1) for v in node.value)
        open_nodes.discard(key)
    else:
        size = 1
    if size > MAX_NODES:
        raise _Limit(line, f"document expands to more than {MAX_NODES:,} values", "do not nest aliases (*name)")
    sizes[key] = size
    return size


def _find_alias_excess(node, sizes: dict[int, int], seen: set[int], added: list[int]) -> None:
    """Raise _Limit at the anchored node whose reuse, in document order, takes the values
    aliases add past MAX_ALIAS_VALUES (below MAX_NODES, expanding them would still take seconds)."""
    if id(node) in seen:  # a second use: an alias
        added[0] += sizes[id(node)]
        if added[0] > MAX_ALIAS_VALUES:
            message = f"document expands to more than {MAX_ALIAS_VALUES:,} values through aliases"
            raise _Limit(node.start_mark.line + 1, message, "do not nest aliases (*name)")
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            _find_alias_excess(value, sizes, seen, added)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _find_alias_excess(item, sizes, seen, added)


_PLAIN_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _to_python(node, loader, loc: Loc, doc: YamlDoc, problems: list[Problem], count: list[int], depth: int):
    count[0] += 1
    line = node.start_mark.line + 1
    if count[0] > MAX_NODES:
        raise _Limit(line, f"document expands to more than {MAX_NODES:,} values", "do not nest aliases (*name)")
    if depth > MAX_DEPTH:
        raise _Limit(line, f"document is nested more than {MAX_DEPTH} levels deep", "flatten it")
    doc.lines.setdefault(loc, line)
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_COLLECTION_TAGS:
        # a tag on a list or mapping (`!thing [1]`, `!!set {a}`) would otherwise be dropped
        # without a word; its contents are still read, so their own problems are reported too
        problems.append(Problem(doc.display, line, f'the tag "{node.tag}" is not supported', hint="remove it"))
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
            key = _scalar(key_node, loader, doc, problems)
            if key is _UNREADABLE:
                continue
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
    if node.tag == "tag:yaml.org,2002:str":
        return node.value  # the common case, without the constructor's bookkeeping
    value = _scalar(node, loader, doc, problems)
    return None if value is _UNREADABLE else value


def _scalar(node, loader, doc: YamlDoc, problems: list[Problem]):
    """A scalar's value, or a problem and _UNREADABLE for a tag the safe loader does not know
    (``!python/object``), a value its tag cannot read (``!!int abc``) or a giant number, which
    would otherwise escape as ConstructorError, ValueError, KeyError, IndexError (``!!int`` with no
    value) or AttributeError."""
    line = node.start_mark.line + 1
    shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
    if node.tag not in loader.yaml_constructors:
        problems.append(Problem(doc.display, line, f'the tag "{node.tag}" is not supported', hint="remove it"))
        return _UNREADABLE
    if node.tag == "tag:yaml.org,2002:int" and len(node.value) > MAX_INT_CHARS:
        message = f"number is longer than {MAX_INT_CHARS} characters"
        problems.append(Problem(doc.display, line, message, hint="quote it if it is text"))
        return _UNREADABLE
    try:
        return loader.construct_object(node)
    except (yaml.YAMLError, ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError):
        kind = node.tag.rsplit(":", 1)[-1]
        message = f'cannot read "{shown}" as {kind}'
        problems.append(Problem(doc.display, line, message, hint="remove the tag, or quote the value"))
        return _UNREADABLE
