"""Fuzzing: whatever the data files and articles hold, loading raises only DataError.

Hypothesis writes generated YAML documents (mutated copies of the real entries, random
structures with anchors and aliases, alias towers, token soup, random edits of the text) and
article texts (mutated copies of the real article, random Unicode, random bytes) over a small
valid dataset, and asserts ``load_dataset`` either succeeds or raises DataError whose problems
are each one inert line at a line that exists. It also fuzzes the article search
(``Article.find``, ``closest``, ``paragraph_of``) and ``parse_partial_date``.

The run is bounded for CI: EXAMPLES below adds up to the number of examples (650), and the
whole file takes seconds; TIMELINE_FUZZ_SCALE multiplies them for a deeper run by hand.
Hypothesis keeps no example database (``database=None``): each run tries fresh examples, and a
failure prints the example and the seed that reproduces it.
"""

from __future__ import annotations

import copy
import difflib
import os
import re
import textwrap

import pytest
import yaml
from conftest import shared
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import DEFAULT_DATA_DIR
from timeline.dates import PartialDate, parse_partial_date
from timeline.errors import DataError, display_path
from timeline.sources import MAX_HINT_CHARS, Article
from timeline.validate import load_dataset

EXAMPLES = {
    "mutated_entries": 120,
    "random_structures": 60,
    "alias_towers": 30,
    "edited_text": 80,
    "token_soup": 60,
    "article_text": 60,
    "article_bytes": 40,
    "find_and_paragraph": 100,
    "closest": 50,
    "partial_dates": 50,
}
TOTAL_EXAMPLES = sum(EXAMPLES.values())


# A deeper run, outside CI: TIMELINE_FUZZ_SCALE=50 pytest tests/test_fuzz.py
SCALE = max(1, int(os.environ.get("TIMELINE_FUZZ_SCALE", "1")))


def fuzz_settings(name: str):
    return settings(
        max_examples=EXAMPLES[name] * SCALE,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# --------------------------------------------------------------------------- the dataset

ARTICLE = textwrap.dedent(
    """\
    Leaders agree on border plan

    WASHINGTON — The two presidents met Tuesday at the White House and agreed
    to spend $1.5 billion on border technology.

    The agreement follows talks that began last month, officials said.
    """
)
SOURCES = {
    "sources": [
        {
            "id": "wire-2022",
            "file": "wire.txt",
            "title": "Leaders agree on border plan",
            "outlet": "Example Wire",
            "url": "https://example.org/2022/07/13/leaders-agree",
            "published": {"date": "2022-07-13", "found_in": "url", "phrase": "2022/07/13"},
        }
    ]
}
EVENTS = {
    "events": [
        {
            "id": "border-plan",
            "title": "Leaders agree on border plan",
            "summary": "The presidents agree to spend money on border technology.",
            "category": "funding",
            "actors": ["United States", "Mexico"],
            "amounts": [{"value": 1500000000, "currency": "USD", "what": "border technology"}],
            "date": "2022-07-12",
            "date_evidence": {"source": "wire-2022", "phrase": "Tuesday", "anchor": "2022-07-13"},
            "excerpts": [{"source": "wire-2022", "quote": "agreed to spend $1.5 billion on border technology"}],
            "translations": {
                "es": {"title": "Acuerdan plan fronterizo", "summary": "Invertirán en tecnología fronteriza."}
            },
        },
        {
            "id": "talks-begin",
            "title": "Talks begin",
            "summary": "Officials start talking.",
            "category": "diplomacy",
            "actors": ["Officials"],
            "date": "2022-06",
            "date_evidence": {"source": "wire-2022", "phrase": "last month", "anchor": "2022-07-13"},
            "excerpts": [{"source": "wire-2022", "quote": "The agreement follows talks that began last month"}],
            "translations": {
                "es": {"title": "Comienzan las conversaciones", "summary": "Los funcionarios empiezan a dialogar."}
            },
        },
    ]
}
ADMINISTRATIONS = yaml.safe_load((DEFAULT_DATA_DIR / "administrations.yaml").read_text(encoding="utf-8"))
ORIGINAL = {"sources.yaml": SOURCES, "events.yaml": EVENTS, "administrations.yaml": ADMINISTRATIONS}


class Dataset:
    """A valid dataset on disk, written once; each example overwrites one file and restores it."""

    def __init__(self, root):
        self.data_dir, self.seeds_dir = root / "data", root / "seeds"
        self.data_dir.mkdir()
        self.seeds_dir.mkdir()
        self.originals = {}
        for name, data in ORIGINAL.items():
            self.originals[self.data_dir / name] = yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode()
        self.originals[self.seeds_dir / "wire.txt"] = ARTICLE.encode("utf-8")
        self.restore()

    def restore(self) -> None:
        for path, raw in self.originals.items():
            path.write_bytes(raw)

    def check(self, path, raw: bytes) -> None:
        """Load with ``raw`` as the file at ``path``: success or DataError, nothing else."""
        path.write_bytes(raw)
        try:
            try:
                dataset = load_dataset(self.data_dir, self.seeds_dir)
            except DataError as exc:
                check_problems(exc, {display_path(p): p for p in self.originals}, display_path(self.seeds_dir))
            else:
                assert dataset.counts()["events"] == len(dataset.events)
        finally:
            self.restore()


# Characters a terminal would act on, which a problem must show escaped (errors.inert).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def check_problems(exc: DataError, files: dict, seeds: str) -> None:
    assert exc.problems, "a DataError must say what is wrong"
    for problem in exc.problems:
        text = str(problem)
        assert not _UNSAFE.search(text), f"problem text is not inert: {text!r}"
        assert problem.file in files or problem.file.startswith(seeds), problem.file
        if problem.line is not None and problem.file in files:
            raw = files[problem.file].read_bytes()
            # YAML also breaks lines at NEL and the Unicode separators; no line past the last.
            breaks = raw.count(b"\n") + raw.count(b"\r") + raw.count(b"\xc2\x85") + raw.count(b"\xe2\x80\xa8")
            assert 1 <= problem.line <= breaks + raw.count(b"\xe2\x80\xa9") + 1, text
    assert str(exc) == "\n".join(str(p) for p in exc.problems)


@pytest.fixture(scope=shared("module"))
def dataset(tmp_path_factory):
    return Dataset(tmp_path_factory.mktemp("fuzz"))


# --------------------------------------------------------------------------- strategies

SCHEMA_KEYS = sorted(
    {
        key
        for data in (SOURCES["sources"][0], EVENTS["events"][0], ADMINISTRATIONS["administrations"][0])
        for key in data
    }
    | {"value", "currency", "what", "source", "phrase", "anchor", "note", "quote", "date", "found_in", "end"}
    | {"events", "sources", "administrations"}
)
NEAR_KEYS = [*SCHEMA_KEYS, "titel", "ID", " id", "id ", "<<", "", "?", "-", "events\u202e", "d\x00te", "summary:"]
INTERESTING = [
    "2022-07-12", "2022-06", "2022", "0001-01-01", "9999-12-31", "2022-02-30", "２０２２-07", "20220712",
    "wire-2022", "wire.txt", "../data/events.yaml", "/etc/hostname", "C:\\x", "seeds", ".", "",
    "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://x.org/2022/07/13", "https://",
    "https://example.org/2022/07/13/leaders-agree", "2022/07/13", "Tuesday", "last month", "next year",
    "funding", "diplomacy", "US", "MX", "USD", "text", "url", "record",
    ".inf", "-.inf", ".nan", "1e400", "0x" + "f" * 120, "9" * 120, "~", "null", "yes", "No", "<<",
    "agreed to spend $1.5 billion", "Talks \u202ebegin", "a\x1b[2Jb", "line\nbreak", "\ufeffbom", "tab\there",
]  # fmt: skip
short_text = st.text(st.characters(codec="utf-8"), max_size=12)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    short_text,
    st.sampled_from(INTERESTING),
)
keys = st.one_of(st.sampled_from(NEAR_KEYS), short_text, st.integers(-3, 3), st.none(), st.booleans())
structures = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)


def paths_of(value, here=(), seen=()):
    """Every path into a nested dict/list value (a shared subtree that contains itself, once)."""
    yield here
    if id(value) in seen:
        return
    seen = (*seen, id(value))
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths_of(v, (*here, k), seen)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths_of(v, (*here, i), seen)


def get(value, path):
    for part in path:
        value = value[part]
    return value


@st.composite
def mutated_entries(draw):
    """One real data file with a few of its values replaced, keys removed or added, or
    subtrees shared (which the dumper writes as anchors and aliases)."""
    name = draw(st.sampled_from(sorted(ORIGINAL)))
    data = copy.deepcopy(ORIGINAL[name])
    for _ in range(draw(st.integers(1, 4))):
        paths = list(paths_of(data))
        path = draw(st.sampled_from(paths))
        parent = get(data, path[:-1]) if path else None
        action = draw(st.sampled_from(["replace", "delete", "add", "share", "duplicate-entry"]))
        if not path:
            continue
        if action == "replace":
            parent[path[-1]] = draw(structures)
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(keys)] = draw(structures)
        elif action == "share":
            source = get(data, draw(st.sampled_from(paths)))
            if isinstance(source, (dict, list)) and source is not parent:
                parent[path[-1]] = source  # may even make the document recursive
        elif action == "duplicate-entry" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    return name, dump(draw, data)


def dump(draw, data) -> bytes:
    try:
        text = yaml.safe_dump(
            data,
            sort_keys=False,
            allow_unicode=draw(st.booleans()),
            default_flow_style=draw(st.sampled_from([False, True, None])),
            width=draw(st.sampled_from([80, 20, 10**6])),
        )
    except (yaml.YAMLError, RecursionError, ValueError):
        text = "events: []\n"  # the dumper's own limits are not under test
    return text.encode("utf-8", "surrogatepass")


@st.composite
def random_structures(draw):
    return draw(st.sampled_from(sorted(ORIGINAL))), dump(draw, draw(structures))


@st.composite
def alias_towers(draw):
    """Lists of lists of the same list: the dumper writes anchors and aliases whose expansion
    grows as width ** height (up to 10**12 values)."""
    width, height = draw(st.integers(1, 10)), draw(st.integers(1, 12))
    node = [draw(scalars)] * width
    for _ in range(height):
        node = [node] * width
    top = draw(st.sampled_from(["events", "sources", "administrations", "other"]))
    return draw(st.sampled_from(sorted(ORIGINAL))), dump(draw, {top: node})


TOKENS = [
    "\n", "\r\n", "\r", "\t", " ", "  ", "    ", "- ", "? ", ": ", ":", ",", "[", "]", "{", "}", "#", "'", '"', "|",
    ">", "&a ", "*a", "&b ", "*b", "!!int ", "!!str ", "!!binary ", "!!python/object:os.system ", "!x ", "<<: ",
    "---\n", "...\n", "%YAML 1.1\n", "\ufeff", "\x00", "\x01", "\x1b", "\x85", "\u2028", "\u202e", "\x7f", "é",
    "\\", "\\x00", "%", "@", "`", "id", "events", "sources:", "  - id: x\n", "title: ", "date: 2022-07-12",
]  # fmt: skip


@st.composite
def edited_text(draw):
    """A real data file with random tokens spliced into its text: syntax errors, tabs, stray
    characters, anchors, tags, BOMs and line ends in odd places."""
    name = draw(st.sampled_from(sorted(ORIGINAL)))
    text = yaml.safe_dump(ORIGINAL[name], sort_keys=False, allow_unicode=True)
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 3))
        text = text[:at] + draw(st.sampled_from(TOKENS) | short_text) + text[at + cut :]
    return name, text.encode("utf-8")


@st.composite
def token_soup(draw):
    lines = draw(st.lists(st.lists(st.sampled_from(TOKENS) | short_text, max_size=8).map("".join), max_size=12))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "latin-1"]))
    return draw(st.sampled_from(sorted(ORIGINAL))), "\n".join(lines).encode(encoding, "replace")


@st.composite
def article_texts(draw):
    """The real article with random text spliced in, or random text."""
    if draw(st.booleans()):
        return draw(st.text(st.characters(codec="utf-8"), max_size=400))
    article = ARTICLE
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(article)))
        cut = draw(st.integers(0, 10))
        insert = draw(
            st.sampled_from(["\x00", "\ufeff", "\r\n", "\u2028", "\x85", "\u00a0", "\t", "\n\n", "  "]) | short_text
        )
        article = article[:at] + insert + article[at + cut :]
    return article


# --------------------------------------------------------------------------- data files


@pytest.mark.slow
@fuzz_settings("mutated_entries")
@given(case=mutated_entries())
def test_mutated_entries_raise_only_data_error(dataset, case):
    name, raw = case
    dataset.check(dataset.data_dir / name, raw)


@pytest.mark.slow
@fuzz_settings("random_structures")
@given(case=random_structures())
def test_random_structures_raise_only_data_error(dataset, case):
    name, raw = case
    dataset.check(dataset.data_dir / name, raw)


@pytest.mark.slow
@fuzz_settings("alias_towers")
@given(case=alias_towers())
def test_alias_towers_raise_only_data_error(dataset, case):
    name, raw = case
    dataset.check(dataset.data_dir / name, raw)


@pytest.mark.slow
@fuzz_settings("edited_text")
@given(case=edited_text())
def test_edited_text_raises_only_data_error(dataset, case):
    name, raw = case
    dataset.check(dataset.data_dir / name, raw)


@pytest.mark.slow
@fuzz_settings("token_soup")
@given(case=token_soup())
def test_token_soup_raises_only_data_error(dataset, case):
    name, raw = case
    dataset.check(dataset.data_dir / name, raw)


# --------------------------------------------------------------------------- articles


@pytest.mark.slow
@fuzz_settings("article_text")
@given(article=article_texts())
def test_article_text_raises_only_data_error(dataset, article):
    dataset.check(dataset.seeds_dir / "wire.txt", article.encode("utf-8"))


@pytest.mark.slow
@fuzz_settings("article_bytes")
@given(raw=st.binary(max_size=400) | st.binary(max_size=40).map(lambda b: ARTICLE.encode() + b))
def test_article_bytes_raise_only_data_error(dataset, raw):
    dataset.check(dataset.seeds_dir / "wire.txt", raw)


# --------------------------------------------------------------------------- article search

WHITESPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u3000"
search_text = st.text(
    st.sampled_from("ab c\u00e9\u2014.,\n") | st.sampled_from(WHITESPACE) | st.characters(), max_size=200
)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@fuzz_settings("find_and_paragraph")
@given(data=st.data(), text=search_text)
def test_find_and_paragraph_of(data, text):
    article = Article(text)
    if text and data.draw(st.booleans()):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        quote = text[start:end]
        if data.draw(st.booleans()):  # whitespace written differently must not matter
            quote = re.sub(r"\s+", lambda m: data.draw(st.sampled_from([" ", "\n", "\t \t", "\u3000"])), quote)
    else:
        quote = data.draw(search_text)
    span = article.find(quote)
    needle = collapse(quote)
    if needle and needle in collapse(text):
        assert span is not None, "a quote in the text must be found"
    if span is None:
        assert not needle or needle not in collapse(text)
        return
    assert 0 <= span.start < span.end <= len(text)
    assert collapse(text[span.start : span.end]) == needle
    assert not text[span.start].isspace() and not text[span.end - 1].isspace()
    para = article.paragraph_of(span)
    assert 0 <= para.start <= span.start <= span.end <= para.end <= len(text)
    assert 1 <= article.line_of(span.start) <= text.count("\n") + 1


@fuzz_settings("closest")
@given(
    data=st.data(), words=st.lists(st.sampled_from(["a", "bb", "ccc", "the", "border", "plan", "é", "—"]) | short_text)
)
def test_closest(data, words):
    text = " ".join(words)
    article = Article(text)
    flat_words = article.flat.split(" ")
    if len(flat_words) > 100:
        return
    if data.draw(st.booleans()) and flat_words:
        i = data.draw(st.integers(0, len(flat_words) - 1))
        j = data.draw(st.integers(i + 1, len(flat_words)))
        quote = " ".join(flat_words[i:j])
    else:
        quote = data.draw(short_text | st.text(max_size=300))
    hint = article.closest(quote)
    needle = collapse(quote)
    if hint is not None:
        assert hint in article.flat  # a passage of the article, never invented text
        assert difflib.SequenceMatcher(None, hint, needle, autojunk=False).ratio() >= 0.5
    if needle and len(needle) <= min(200, MAX_HINT_CHARS) and f" {needle} " in f" {article.flat} ":
        assert hint == needle, "a quote present word for word is its own closest passage"


# --------------------------------------------------------------------------- dates


@fuzz_settings("partial_dates")
@given(
    value=st.one_of(
        short_text,
        st.from_regex(r"\A\d{4}(-\d{2}(-\d{2})?)?\Z"),
        st.dates().map(str),
        st.integers(),
        st.floats(),
        st.booleans(),
        st.none(),
        st.dates(),
        st.lists(st.integers(), max_size=3),
    )
)
def test_parse_partial_date_raises_only_value_error(value):
    try:
        date = parse_partial_date(value)
    except ValueError:
        return
    assert isinstance(date, PartialDate)
    assert date.first_day() <= date.last_day()
    assert parse_partial_date(str(date)) == date
    assert date.precision in ("year", "month", "day")


@pytest.mark.parametrize("value", ["2022-00", "2022-07-00", "0001-00", "２０２２", "2022-0７"])
def test_month_or_day_00_is_not_a_date(value):
    with pytest.raises(ValueError):
        parse_partial_date(value)


def test_example_budget_is_a_few_hundred():
    assert 300 <= TOTAL_EXAMPLES <= 1000


def test_fuzzed_dataset_is_valid_before_it_is_fuzzed(tmp_path):
    ds = Dataset(tmp_path)
    assert load_dataset(ds.data_dir, ds.seeds_dir).counts()["excerpts"] == 2
