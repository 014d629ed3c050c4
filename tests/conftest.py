"""Shared fixtures: a small hand-made dataset whose line numbers the tests know."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from timeline import DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR
from timeline.errors import DataError
from timeline.validate import load_dataset

# Cached functions whose results come from our own (mutable) code; dateparser's parsers and
# the message catalogs are kept, as nothing of ours goes into them.
CACHED_RESULTS = (
    ("timeline.dates", "resolve_phrase"),
    ("timeline.dates", "parse_absolute"),
    ("timeline.suggest.resolve", "resolve_alone"),
    ("timeline.i18n", "_format"),
)


def linking_tests() -> bool:
    """True while mutmut runs the tests once to learn which tests reach which function of the
    core ("stats"); a mutant is then checked only by the tests linked to its function."""
    return os.environ.get("MUTANT_UNDER_TEST") == "stats"


def shared(scope: str):
    """The scope of a fixture whose value the core computes: shared as asked, except while mutmut
    links tests to functions. A shared value is computed during the first test that asks for it,
    so only that test would be linked to the code that made it, and a mutant of that code would
    never meet the other tests that read the value."""

    def decide(fixture_name: str, config: pytest.Config) -> str:
        return "function" if linking_tests() else scope

    return decide


@pytest.fixture(autouse=True, scope=shared("session"))
def _forget_cached_results():
    """Under mutation testing (scripts/mutation.sh) each mutant's tests run in a process forked
    from one that ran them all unmutated: a cached result would hide the mutant. Forget them
    once per run (before each test while tests are being linked to functions: a test answered
    from the cache would not be linked to the code behind it); a normal run starts with empty
    caches anyway."""
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    # only a mutant in the code the cached functions call can be hidden by them
    if linking_tests() or mutant.startswith(
        ("timeline.dates.", "timeline.suggest.", "timeline.languages.", "timeline.i18n.")
    ):
        for module, name in CACHED_RESULTS:
            if module in sys.modules:
                getattr(sys.modules[module], name).cache_clear()
    # the YAML loader remembers which tag each plain value resolves to
    if (linking_tests() or mutant.startswith("timeline.loading.")) and "timeline.loading" in sys.modules:
        sys.modules["timeline.loading"]._TextDateLoader._tags.clear()
    yield


ARTICLE = textwrap.dedent(
    """\
    Leaders agree on border plan

    WASHINGTON — The two presidents met Tuesday at the White House and agreed
    to spend $1.5 billion on border technology.

    The agreement follows talks that began last month, officials said.
    """
)

SOURCES = textwrap.dedent(
    """\
    sources:
      - id: wire-2022
        file: wire.txt
        title: Leaders agree on border plan
        outlet: Example Wire
        url: https://example.org/2022/07/13/leaders-agree
        published:
          date: 2022-07-13
          found_in: url
          phrase: 2022/07/13
    """
)

EVENTS = textwrap.dedent(
    """\
    events:
      - id: border-plan
        title: Leaders agree on border plan
        summary: The presidents agree to spend money on border technology.
        category: funding
        actors: [United States, Mexico]
        amounts:
          - value: 1500000000
            currency: USD
            what: border technology
        date: 2022-07-12
        date_evidence:
          source: wire-2022
          phrase: Tuesday
          anchor: 2022-07-13
        excerpts:
          - source: wire-2022
            quote: agreed to spend $1.5 billion on border technology
        translations: {es: {title: Acuerdan plan fronterizo, summary: Invertirán en tecnología fronteriza.}}

      - id: talks-begin
        title: Talks begin
        summary: Officials start talking.
        category: diplomacy
        actors: [Officials]
        date: 2022-06
        date_evidence:
          source: wire-2022
          phrase: last month
          anchor: 2022-07-13
        excerpts:
          - source: wire-2022
            quote: The agreement follows talks that began last month
        translations: {es: {title: Comienzan las conversaciones, summary: Los funcionarios empiezan a dialogar.}}
    """
)


@dataclass
class Tiny:
    """A small dataset on disk, with helpers to break it."""

    data_dir: Path
    seeds_dir: Path

    @property
    def events_file(self) -> Path:
        return self.data_dir / "events.yaml"

    def write(self, name: str, text: str) -> None:
        (self.data_dir / name).write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str, count: int = 1) -> None:
        path = self.data_dir / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def load(self):
        return load_dataset(self.data_dir, self.seeds_dir)

    def problems(self) -> list[str]:
        """The problem lines the validator reports (fails the test if it reports none)."""
        with pytest.raises(DataError) as info:
            self.load()
        return [str(p) for p in info.value.problems]


@pytest.fixture
def tiny(tmp_path, monkeypatch) -> Tiny:
    monkeypatch.chdir(tmp_path)  # so files are shown as data/events.yaml
    data_dir, seeds_dir = tmp_path / "data", tmp_path / "seeds"
    data_dir.mkdir()
    seeds_dir.mkdir()
    (seeds_dir / "wire.txt").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(DEFAULT_DATA_DIR / "administrations.yaml", data_dir / "administrations.yaml")
    (data_dir / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (data_dir / "events.yaml").write_text(EVENTS, encoding="utf-8")
    return Tiny(data_dir, seeds_dir)


@pytest.fixture(scope=shared("session"))
def shipped():
    """The shipped dataset, loaded once."""
    return load_dataset(DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR)


@pytest.fixture
def shipped_copy(tmp_path, monkeypatch) -> Tiny:
    """A writable copy of the shipped data and seeds."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "data")
    shutil.copytree(DEFAULT_SEEDS_DIR, tmp_path / "seeds")
    return Tiny(tmp_path / "data", tmp_path / "seeds")


# Payloads that would run script, load a remote image or become a link if any text from the
# data were rendered as HTML or Markdown. The browser test watches the sentinel and the network.
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'
MD = "[click me](javascript:window.__xss=1) ![pixel](http://evil.invalid/p.png) **bold** :red[red]"
HOSTILE_LABEL = '<b onclick="x">O\'Neil & Peña</b>'  # 32 characters: fits a label
HOSTILE_ARTICLE = textwrap.dedent(
    f"""\
    Headline {XSS}

    WASHINGTON — The two presidents met Tuesday and agreed {XSS} to spend money {MD} on the border.

    Talks began last month, officials said.
    """
)


def write_hostile_dataset(root: Path) -> tuple[Path, Path]:
    """A valid dataset whose every text field carries script, handler, javascript: and Markdown payloads."""
    data_dir, seeds_dir = root / "data", root / "seeds"
    data_dir.mkdir(parents=True)
    seeds_dir.mkdir(parents=True)
    (seeds_dir / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    shutil.copy(DEFAULT_DATA_DIR / "administrations.yaml", data_dir / "administrations.yaml")

    def q(text: str) -> str:  # a YAML double-quoted scalar
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    (data_dir / "sources.yaml").write_text(
        "sources:\n"
        "  - id: hostile\n"
        "    file: hostile.txt\n"
        f"    title: {q('Title ' + XSS + MD)}\n"
        f"    outlet: {q('Outlet ' + XSS)}\n"
        f"    url: {q('https://example.org/a' + chr(34) + '/onmouseover=' + chr(34) + 'window.__xss=1')}\n"
        "    published: {date: 2022-07-13, found_in: record, note: " + q("Note " + XSS + MD) + "}\n",
        encoding="utf-8",
    )
    (data_dir / "events.yaml").write_text(
        "events:\n"
        "  - id: hostile-event\n"
        f"    title: {q('Event ' + XSS + MD)}\n"
        f"    label: {q(HOSTILE_LABEL)}\n"
        "    headline: true\n"
        f"    summary: {q('Summary ' + XSS + MD)}\n"
        "    category: funding\n"
        f"    actors: [{q('Actor ' + XSS)}, {q(MD)}]\n"
        f"    amounts: [{{value: 5, currency: USD, what: {q('what ' + XSS)}}}]\n"
        "    date: 2022-07-12\n"
        "    date_evidence: {source: hostile, phrase: Tuesday, anchor: 2022-07-13}\n"
        "    excerpts:\n"
        f"      - {{source: hostile, quote: {q('agreed ' + XSS + ' to spend money ' + MD)}}}\n"
        "    translations:\n"
        f"      es: {{title: {q('Evento ' + XSS + MD)}, label: {q(HOSTILE_LABEL)},\n"
        f"            summary: {q('Resumen ' + XSS + MD)}}}\n"
        "  - id: second-event\n"
        f"    title: {q('Second ' + MD)}\n"
        "    summary: Talks.\n"
        "    category: diplomacy\n"
        "    actors: [Officials]\n"
        "    date: 2022-06\n"
        "    date_evidence:\n"
        "      source: hostile\n"
        "      phrase: last month\n"
        "      anchor: 2022-07-13\n"
        f"      note: {q('Curator ' + XSS + MD)}\n"
        "    excerpts:\n"
        "      - {source: hostile, quote: Talks began last month}\n"
        f"    translations: {{es: {{title: {q('Segundo ' + MD)}, summary: {q('Conversaciones ' + XSS + MD)}}}}}\n",
        encoding="utf-8",
    )
    return data_dir, seeds_dir


@pytest.fixture
def hostile(tmp_path) -> tuple[Path, Path]:
    """Paths (data, seeds) of a valid dataset full of payloads."""
    return write_hostile_dataset(tmp_path / "hostile")


# The browser tests share one Chromium and one server of the shipped data (a module may define
# its own fixtures of these names instead).
@pytest.fixture(scope="session")
def playwright():
    from browser import require_chromium

    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright):
    from browser import launch_browser

    b = launch_browser(playwright)
    yield b
    b.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    from browser import Server

    s = Server(log_dir=tmp_path_factory.mktemp("logs"))
    yield s
    s.stop()
    assert "Traceback" not in s.log(), s.log()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    p = context.new_page()
    yield p
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    p = context.new_page()
    yield p
    context.close()
