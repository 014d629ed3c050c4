"""What the pages share: the verified dataset (cached until a file changes), the folders it
comes from, the error list shown instead of a page, and the page style.

Imported once per server process, so its caches are shared by every session and page.
``TIMELINE_DATA_DIR`` and ``TIMELINE_SEEDS_DIR`` point the pages at another dataset.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from timeline import DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR
from timeline.details import esc, escape_markdown
from timeline.errors import DataError, Problem
from timeline.i18n import LANGUAGE_NAMES, _, current_language, pick_language, use_language
from timeline.models import LANGUAGES
from timeline.view import prepare_frame
from timeline.watch import stat_tree

PAGES_DIR = Path(__file__).resolve().parent
SEEDS_RESCAN_SECONDS = 5.0  # big seed folders are re-listed at most this often per session
# Readers' runs take turns, one at a time in this process. Python runs one thread at a time
# anyway (the GIL); when every session's script thread runs at once they only share the core,
# so a burst of runs all finish late together, and the server's event loop, which sends the
# answers, gets no bigger a share than any of them. Taking turns (a semaphore wakes its waiters
# first come, first served) finishes each run in its own few milliseconds: at 100 readers the
# action p95 went from 0.2-0.9 s to 0.05 s (bench/RESULTS.md), and an overload queues everyone
# evenly.
READER_TURN = threading.Semaphore(1)

# A title that fits a phone in one or two lines, and not much of a laptop screen.
PAGE_STYLE = (
    "<style>h1{font-size:clamp(1.5rem,5vw,2.1rem)!important;padding:0!important}"
    # Less padding around the page than Streamlit's default, so the chart and the selected
    # event's panel fit side by side on one laptop screen.
    "[data-testid=stMainBlockContainer]{padding:3.4rem 1.5rem 2rem 1.5rem!important;max-width:1600px}"
    # Captions: Streamlit draws them at 60% opacity (#828180 on white, 3.9:1); 80% keeps them
    # lighter than the text but readable (7:1 on white, and as clear on the dark theme).
    "[data-testid=stCaptionContainer]{opacity:.8!important}"
    # The chosen option of a segmented control (the language switch) in a red dark enough to
    # read on its pale background (Streamlit's own is 4.47:1; WCAG AA asks 4.5:1).
    "button[role=radio][aria-checked=true] p{color:#9e1c2a!important}"
    "</style>"
)
# The document's language, for screen readers, hyphenation and translation tools (Streamlit's
# page says lang="en" whatever the text).
LANG_SCRIPT = "<script>document.documentElement.lang=%s</script>"


def page_head() -> None:
    """The page's style and its language (the first element of each page)."""
    st.html(PAGE_STYLE + LANG_SCRIPT % json.dumps(current_language()), unsafe_allow_javascript=True)


@dataclass(frozen=True)
class Loaded:
    """A verified dataset with its prepared frame, or the problems that stopped it."""

    dataset: object = None
    frame: object = None
    problems: tuple[Problem, ...] = ()


def data_dirs() -> tuple[Path, Path]:
    """The data and seeds folders: the environment's, or the shipped ones."""
    data = os.environ.get("TIMELINE_DATA_DIR") or DEFAULT_DATA_DIR
    seeds = os.environ.get("TIMELINE_SEEDS_DIR") or DEFAULT_SEEDS_DIR
    return resolve_dirs(str(data), str(seeds))


@functools.lru_cache(maxsize=16)
def resolve_dirs(data: str, seeds: str) -> tuple[Path, Path]:
    """The folders as absolute paths (remembered: resolving costs a system call a path part,
    on every rerun of every session)."""
    return Path(data).resolve(), Path(seeds).resolve()


def fingerprint(data_dir: Path, seeds_dir: Path) -> tuple:
    """What changes when any data file or article changes (sizes and modification times)."""
    data = stat_tree(data_dir)
    key = ("seeds_fp", str(seeds_dir))
    cached = st.session_state.get(key)
    now = time.monotonic()
    if cached is None or len(cached[1]) < 2000 or now - cached[0] > SEEDS_RESCAN_SECONDS:
        cached = (now, stat_tree(seeds_dir))
        st.session_state[key] = cached
    return (data, cached[1])


@st.cache_resource(max_entries=4, show_spinner="Verifying the data…")
def load(data_dir: str, seeds_dir: str, fingerprint_hash: int) -> Loaded:
    """Load, verify and prepare the dataset once per change of its files (the hash is part of
    the cache key: a changed file means a new entry)."""
    from timeline.validate import load_dataset

    try:
        dataset = load_dataset(Path(data_dir), Path(seeds_dir))
    except DataError as exc:
        return Loaded(problems=tuple(exc.problems))
    loaded = Loaded(dataset=dataset, frame=prepare_frame(dataset))
    # Everything alive now (the modules and the dataset) lives as long as the server: move it
    # out of the collector's sight, so the collections that readers' reruns set off stay short.
    gc.freeze()
    return loaded


def current_data() -> tuple[Loaded, tuple]:
    """The verified dataset for the configured folders (cached until a file changes), and the
    key that names this version of it."""
    data_dir, seeds_dir = data_dirs()
    key = (str(data_dir), str(seeds_dir), hash(fingerprint(data_dir, seeds_dir)))
    return load(*key), key


def show_problems(problems: tuple[Problem, ...], data_dir: Path) -> None:
    """The validator's error list, instead of a traceback or a blank page."""
    st.error(
        _("The data in {folder} did not validate: {n} problem(s). Fix them and the page reloads on its own.").format(
            folder=escape_markdown(str(data_dir)), n=len(problems)
        )
    )
    items = "".join(
        f"<li><code>{esc(p.file)}{':' + str(p.line) if p.line else ''}</code> {esc(str(p).split(': ', 1)[-1])}</li>"
        for p in problems
    )
    st.html(f"<ol class='tl-problems' style='line-height:1.6'>{items}</ol>")


def choose_language() -> str:
    """This run's language, made the thread's language: the address's ``lang=`` when it names
    one we have, else the browser's (``navigator.language``, then ``Accept-Language``)."""
    try:
        accept = st.context.headers.get("Accept-Language")
    except Exception:  # no request behind this run (AppTest): only the address and the locale count
        accept = None
    return use_language(pick_language(st.query_params.get("lang"), st.context.locale, accept))


def switch_language() -> None:
    """The reader chose a language: it goes into the address with the rest of the view."""
    chosen = st.session_state.get("lang_switch")
    if chosen in LANGUAGES:
        st.query_params["lang"] = chosen
        use_language(chosen)


def language_switch() -> None:
    """The visible English / Español switch (it shows the language the page is in)."""
    lang = current_language()
    st.session_state.lang_switch = lang
    st.segmented_control(
        _("Language"),
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key="lang_switch",
        on_change=switch_language,
        label_visibility="collapsed",
        required=True,
    )
