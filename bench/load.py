"""Many readers at once: a load client that speaks Streamlit's own protocol, not a browser.

    python bench/load.py --start-server [--readers 25] [--arrival 3] [--actions 5] [--think 0.5-1.5]
    python bench/load.py --url http://127.0.0.1:8501 --pid PID [--seed 0] [--max-seconds 120] [--json out.json]
    python bench/load.py --start-server --sweep 5,10,25,50,100

Each reader is one asyncio task with its own websocket to ``/_stcore/stream`` (subprotocols
``streamlit`` and the frontend's placeholder auth token, as Streamlit's frontend opens it). It
opens the page with a ``rerun_script`` BackMsg carrying the page's query string, then makes
``--actions`` actions with a seeded random think time between them, then closes the socket. An
action selects another event or changes a filter: a new ``rerun_script`` with the new query
string (what the page gets when the reader presses Back or Forward), or, for a category, the
sidebar's "Category" multiselect driven through WidgetStates with the widget id the server sent.

Every run is checked against the dataset loaded here: the selected event's panel (its
``data-event-id`` and one of its quotes inside a ``<mark>``) and the sidebar's "**N of M
events**" (N from ``filter_frame``). A wrong answer is an error; a socket closed by the server, a
run that does not finish within ``--timeout`` or an exception on the page drops the session.

Latency: a first load from opening the socket to its run's ``script_finished``; an action from
sending its BackMsg to its run's ``script_finished``. With ``--pid`` (or ``--start-server``) the
server's resident memory is read from /proc before the readers come (after one uncounted warm-up
load), every 0.25 s while they are there (the peak), and ``--settle`` seconds after they left.

Only loopback URLs are accepted; readers, seconds, actions and timeouts are capped.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import html
import ipaddress
import json
import math
import os
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from timeline.view import Filters, filter_frame, prepare_frame, to_query  # noqa: E402

MAX_READERS = 500
MAX_SECONDS = 600
MAX_ACTIONS = 50
MAX_TIMEOUT = 120.0
MAX_THINK = 30.0
MAX_SWEEP_SIZES = 10
RSS_SAMPLE_SECONDS = 0.25
FINISHED = ForwardMsg.ScriptFinishedStatus
COUNT_RE = re.compile(r"^\*\*(\d+) of (\d+) events\*\*$")
EVENT_ID_RE = re.compile(r"class='tl-event'(?: lang='[^']*')? data-event-id='([^']*)'")
MARK_RE = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


class Dropped(Exception):
    """The session ended before its reader left: closed by the server, timed out, or an
    exception on the page."""


# --- the URL -------------------------------------------------------------------------------------


def loopback_url(url: str) -> str:
    """The URL without a trailing slash, if its host is this machine's loopback; ValueError
    otherwise (the client never sends traffic anywhere else)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss"):
        raise ValueError(f"{url!r}: give an http:// URL on 127.0.0.1 or localhost")
    host = parts.hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"{url!r}: only a loopback host (127.0.0.1, ::1, localhost) is allowed, not {host!r}")
    return url.rstrip("/")


def stream_url(url: str) -> str:
    """The page's websocket: ``/_stcore/stream`` under the page's URL."""
    parts = urlsplit(loopback_url(url))
    scheme = "wss" if parts.scheme in ("https", "wss") else "ws"
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"


# --- what the page must show ------------------------------------------------------------------


def normalise(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Expect:
    """What the page must answer, from the dataset loaded here: each event's quotes as they
    appear inside a <mark> (escaped, whitespace normalised), and how many events a set of
    filters lets through."""

    quotes: dict[str, tuple[str, ...]]
    frame: object
    us: tuple[str, ...]
    mx: tuple[str, ...]
    years: tuple[int, int]
    _counts: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_dataset(cls, dataset) -> Expect:
        quotes = {
            e.id: tuple(normalise(html.escape(p.excerpt.quote, quote=True)) for p in dataset.passages.get(e.id, []))
            for e in dataset.events
        }
        return cls(
            quotes=quotes,
            frame=prepare_frame(dataset),
            us=tuple(a.id for a in dataset.administrations if a.country == "US"),
            mx=tuple(a.id for a in dataset.administrations if a.country == "MX"),
            years=tuple(dataset.year_range),
        )

    @classmethod
    def load(cls, data_dir: Path, seeds_dir: Path) -> Expect:
        from timeline.validate import load_dataset

        return cls.from_dataset(load_dataset(data_dir, seeds_dir))

    @property
    def event_ids(self) -> list[str]:
        return list(self.quotes)

    @property
    def total(self) -> int:
        return len(self.frame)

    def shown(self, filters: Filters) -> list[str]:
        """The ids of the events the filters let through (cached per filters)."""
        if filters not in self._counts:
            self._counts[filters] = filter_frame(self.frame, filters)["id"].tolist()
        return self._counts[filters]

    def count(self, filters: Filters) -> int:
        return len(self.shown(filters))


@dataclass(frozen=True)
class View:
    """What a reader has asked for: the selected event and the filters."""

    event: str | None = None
    filters: Filters = field(default_factory=Filters)

    def query_string(self) -> str:
        return urlencode(to_query(self.filters, self.event), doseq=True)


@dataclass
class Run:
    """What the server sent for one script run, as far as the checks need it."""

    html: list[str] = field(default_factory=list)
    markdown: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    widgets: dict[str, str] = field(default_factory=dict)  # widget key -> widget id
    inputs: list = field(default_factory=list)  # the filter widgets' elements (see WidgetMirror)
    query: str | None = None  # the query string the page wrote (page_info_changed)
    status: int | None = None
    messages: int = 0
    bytes: int = 0


def absorb(run: Run, msg: ForwardMsg) -> None:
    """Note what a ForwardMsg of the run says (a ref_hash message must be resolved first)."""
    kind = msg.WhichOneof("type")
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        which = element.WhichOneof("type")
        if which == "html":
            run.html.append(element.html.body)
        elif which == "markdown":
            run.markdown.append(element.markdown.body)
        elif which == "exception":
            run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
        else:
            ident = getattr(getattr(element, which), "id", "") if which else ""
            if isinstance(ident, str) and ident.startswith("$$ID-") and ident.count("-") >= 2:
                run.widgets[ident.split("-", 2)[2]] = ident
            if which in WidgetMirror.KINDS:
                run.inputs.append((which, getattr(element, which)))
    elif kind == "page_info_changed":
        run.query = msg.page_info_changed.query_string
    elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
        exc = msg.session_event.script_compilation_exception
        run.exceptions.append(f"{exc.type}: {exc.message}")
    elif kind == "script_finished":
        run.status = msg.script_finished


def check_run(run: Run, view: View, expect: Expect) -> list[str]:
    """Everything wrong with the run's answer to the view (empty when it is right): the
    selected event's panel and the sidebar's count."""
    problems = []
    panels = [(m.group(1), body) for body in run.html for m in [EVENT_ID_RE.search(body)] if m]
    if view.event is None:
        if panels:
            problems.append(f"no event asked for, but the panel shows {[ident for ident, _ in panels]}")
    else:
        wanted = html.escape(view.event, quote=True)
        ours = [body for ident, body in panels if ident == wanted]
        others = [ident for ident, _ in panels if ident != wanted]
        if others or len(ours) != 1:
            problems.append(f"asked for {view.event}, the panel shows {[ident for ident, _ in panels]}")
        elif expect.quotes.get(view.event):
            marks = [normalise(m) for m in MARK_RE.findall(ours[0])]
            if not any(quote in mark for quote in expect.quotes[view.event] for mark in marks):
                shown = marks[0][:60] if marks else "no <mark>"
                problems.append(f"{view.event}: no quote of it inside a <mark> (first mark: {shown!r})")
    counts = [m for body in run.markdown for m in [COUNT_RE.match(body.strip())] if m]
    wanted_n = expect.count(view.filters)
    if len(counts) != 1:
        problems.append(f"expected one 'N of M events' line, found {len(counts)}")
    elif (int(counts[0].group(1)), int(counts[0].group(2))) != (wanted_n, expect.total):
        problems.append(
            f"filters {view.query_string() or '(none)'}: the page says {counts[0].group(1)} of "
            f"{counts[0].group(2)}, expected {wanted_n} of {expect.total}"
        )
    return problems


# --- the protocol ----------------------------------------------------------------------------


class MessageCache:
    """The frontend's cache of large ForwardMsgs: the reader tells the server which ones it
    holds (``cached_message_hashes``), the server then sends only a ``ref_hash`` for them, and
    a message not used for ``max_age`` finished runs is dropped."""

    def __init__(self) -> None:
        self.messages: dict[str, list] = {}  # hash -> [serialized message, run count when last used]
        self.runs = 0
        self.max_age = 2

    def resolve(self, msg: ForwardMsg, data: bytes) -> ForwardMsg:
        if msg.WhichOneof("type") == "ref_hash":
            entry = self.messages.get(msg.ref_hash)
            if entry is None:
                raise Dropped(f"cached message {msg.ref_hash} missing")
            entry[1] = self.runs
            full = ForwardMsg()
            full.ParseFromString(entry[0])
            return full
        if msg.metadata.cacheable and msg.hash and msg.hash not in self.messages:
            self.messages[msg.hash] = [data, self.runs]
        return msg

    def run_finished(self) -> None:
        self.runs += 1
        for key in [k for k, (_, used) in self.messages.items() if self.runs - used > self.max_age]:
            del self.messages[key]

    def hashes(self) -> list[str]:
        return list(self.messages)


class WidgetMirror:
    """The values of the page's input widgets as Streamlit's frontend holds them: a widget
    seen for the first time takes its default, a value the script set (``set_value``) replaces
    the held one, and a widget gone from the page is forgotten. The frontend sends all of them
    with every rerun; so does the reader. (Buttons are triggers, sent only when clicked; the
    tabs', expanders' and components' states are left to the server, as a reader who never
    touches them.)"""

    KINDS = ("multiselect", "slider", "text_input")

    def __init__(self) -> None:
        self.states: dict[str, object] = {}  # widget id -> WidgetState

    def update(self, run: Run) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        seen = set()
        for which, el in run.inputs:
            seen.add(el.id)
            known = el.id in self.states
            if known and not el.set_value:
                continue
            state = WidgetState(id=el.id)
            if which == "multiselect":
                values = el.raw_values if el.set_value else [el.options[i] for i in el.default]
                state.string_array_value.data.extend(values)
            elif which == "slider":
                state.double_array_value.data.extend(el.value if el.set_value else el.default)
            else:
                field_name = "value" if el.set_value else "default"
                if not el.HasField(field_name):
                    self.states.pop(el.id, None)
                    continue
                state.string_value = getattr(el, field_name)
            self.states[el.id] = state
        if run.inputs:  # a run that drew the page: what it did not draw is gone
            for ident in [i for i in self.states if i not in seen]:
                del self.states[ident]

    def with_value(self, widget_id: str, state) -> list:
        """Every held state, with one widget's new value."""
        return [state if ident == widget_id else held for ident, held in self.states.items()] + (
            [] if widget_id in self.states else [state]
        )


class Session:
    """One reader's websocket to the page."""

    def __init__(self, ws, url: str, timeout: float):
        self.ws = ws
        self.url = url
        self.timeout = timeout
        self.cache = MessageCache()
        self.page_script_hash = ""
        self.query = ""  # the query string in the reader's address bar
        self.widgets: dict[str, str] = {}  # widget key -> widget id
        self.mirror = WidgetMirror()

    def back_msg(self, query: str, widgets=(), history: bool = False) -> BackMsg:
        """A rerun_script BackMsg as Streamlit's frontend sends it."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        state.page_script_hash = self.page_script_hash
        state.is_history_navigation = history
        state.cached_message_hashes.extend(self.cache.hashes())
        for widget in widgets:
            state.widget_states.widgets.append(widget)
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "UTC", 0, "en-US"
        info.url = f"{self.url}/?{query}" if query else f"{self.url}/"
        info.is_embedded, info.color_scheme = False, "light"
        return msg

    async def rerun(self, query: str, widgets=None, history: bool = False) -> Run:
        """Ask for a run and wait for its end (``widgets``: the states to send, by default
        every held one)."""
        from websockets.exceptions import ConnectionClosed

        self.query = query
        try:
            states = list(self.mirror.states.values()) if widgets is None else widgets
            await self.ws.send(self.back_msg(query, states, history).SerializeToString())
        except ConnectionClosed as exc:
            raise Dropped(closed_reason(exc)) from None
        return await self.collect()

    async def collect(self) -> Run:
        """Every ForwardMsg until the run's script_finished (bounded by the timeout)."""
        from websockets.exceptions import ConnectionClosed

        run = Run()
        try:
            async with asyncio.timeout(self.timeout):
                while True:
                    data = await self.ws.recv()
                    msg = ForwardMsg()
                    msg.ParseFromString(data)
                    msg = self.cache.resolve(msg, data)
                    run.messages += 1
                    run.bytes += len(data)
                    kind = msg.WhichOneof("type")
                    if kind == "new_session":
                        self.page_script_hash = msg.new_session.page_script_hash
                        self.cache.max_age = msg.new_session.config.max_cached_message_age or 2
                    absorb(run, msg)
                    if kind == "script_finished":
                        if run.status == FINISHED.FINISHED_EARLY_FOR_RERUN:
                            continue  # another run follows
                        self.cache.run_finished()
                        break
        except TimeoutError:
            raise Dropped(f"no script_finished within {self.timeout:g} s") from None
        except ConnectionClosed as exc:
            raise Dropped(closed_reason(exc)) from None
        self.widgets.update(run.widgets)
        self.mirror.update(run)
        if run.query is not None:
            self.query = run.query
        if run.exceptions:
            raise Dropped(f"exception on the page: {run.exceptions[0][:200]}")
        if run.status != FINISHED.FINISHED_SUCCESSFULLY:
            raise Dropped(f"run ended with status {run.status}")
        return run


def closed_reason(exc) -> str:
    return f"socket closed by the server ({exc.rcvd.code if exc.rcvd else 'no close frame'})"


def category_widget(widget_id: str, categories) -> object:
    """The WidgetState the frontend sends when the reader picks categories in the multiselect."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    state = WidgetState(id=widget_id)
    state.string_array_value.data.extend(categories)
    return state


# --- the reader --------------------------------------------------------------------------------


@dataclass
class Config:
    readers: int = 25
    arrival: float = 3.0
    actions: int = 5
    think: tuple[float, float] = (0.5, 1.5)
    seed: int = 0
    timeout: float = 30.0
    max_seconds: float = 120.0
    widgets: bool = True  # category changes through the multiselect's WidgetState


@dataclass
class ReaderResult:
    index: int
    first_load: float | None = None
    actions: list[float] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line per wrong answer
    run_bytes: list[int] = field(default_factory=list)  # what the server sent for each run
    dropped: str | None = None
    unfinished: bool = False  # still there when --max-seconds ran out


def first_view(rng: random.Random, expect: Expect) -> View:
    """Where a reader lands: a shared link to an event, a filtered view, or both, or the bare page."""
    from timeline.models import CATEGORIES

    event = rng.choice(expect.event_ids) if rng.random() < 0.7 else None
    filters = Filters(category=(rng.choice(CATEGORIES),)) if rng.random() < 0.35 else Filters()
    return View(event, filters)


def next_action(rng: random.Random, view: View, expect: Expect) -> tuple[str, View]:
    """The reader's next step: select another event (one the filters show, if any) or change a
    filter. Returns the kind ("event", "category", "us", "years", "clear") and the new view."""
    from timeline.models import CATEGORIES

    if rng.random() < 0.6:
        shown = [i for i in expect.shown(view.filters) if i != view.event] or [
            i for i in expect.event_ids if i != view.event
        ]
        return "event", replace(view, event=rng.choice(shown))
    f = view.filters
    kind = rng.choices(["category", "us", "years", "clear"], weights=[45, 20, 20, 15])[0]
    if kind == "clear" and f.is_default():
        kind = "category"
    if kind == "category":
        chosen = list(f.category)
        if chosen and (len(chosen) >= 2 or rng.random() < 0.4):
            chosen.remove(rng.choice(chosen))
        else:
            chosen.append(rng.choice([c for c in CATEGORIES if c not in chosen]))
        f = replace(f, category=tuple(chosen))
    elif kind == "us":
        options = [a for a in expect.us if (a,) != f.us]
        f = replace(f, us=() if f.us and rng.random() < 0.3 else (rng.choice(options),))
    elif kind == "years":
        lo, hi = expect.years
        start = rng.randint(lo, hi)
        f = replace(f, year_from=start, year_to=rng.randint(start, hi))
    else:
        f = Filters()
    return kind, replace(view, filters=f)


def wrong(result: ReaderResult, what: str, problems: list[str]) -> None:
    if problems:
        result.errors.append(f"reader {result.index}, {what}: " + "; ".join(problems))


async def reader(index: int, url: str, cfg: Config, expect: Expect, result: ReaderResult, delay: float) -> None:
    """One reader: open the page, make the actions with think times between them, leave."""
    from websockets.asyncio.client import connect

    rng = random.Random(f"{cfg.seed}-{index}")
    view = first_view(rng, expect)
    await asyncio.sleep(delay)
    opened = time.monotonic()
    try:
        try:
            async with asyncio.timeout(cfg.timeout):
                ws = await connect(
                    stream_url(url),
                    subprotocols=["streamlit", "PLACEHOLDER_AUTH_TOKEN"],
                    origin=url,
                    max_size=None,
                    open_timeout=None,
                    close_timeout=2,
                )
        except (OSError, TimeoutError) as exc:
            raise Dropped(f"could not open the socket: {exc!r}") from None
        async with ws:
            session = Session(ws, url, cfg.timeout)
            run = await session.rerun(view.query_string())
            result.first_load = time.monotonic() - opened
            result.run_bytes.append(run.bytes)
            wrong(result, f"load ?{view.query_string()}", check_run(run, view, expect))
            for _ in range(cfg.actions):
                await asyncio.sleep(rng.uniform(*cfg.think))
                kind, new = next_action(rng, view, expect)
                widget_id = session.widgets.get("f_cat")
                sent = time.monotonic()
                if kind == "category" and cfg.widgets and widget_id and new.filters.category != view.filters.category:
                    # The reader picks in the sidebar's multiselect: the address bar stays, the
                    # widget's new value goes with the rerun.
                    changed = category_widget(widget_id, new.filters.category)
                    run = await session.rerun(session.query, session.mirror.with_value(widget_id, changed))
                    kind = "category (widget)"
                else:
                    run = await session.rerun(new.query_string(), history=True)
                result.actions.append(time.monotonic() - sent)
                result.kinds.append(kind)
                result.run_bytes.append(run.bytes)
                view = new
                wrong(result, f"{kind} -> ?{view.query_string()}", check_run(run, view, expect))
    except Dropped as exc:
        result.dropped = str(exc)
    except Exception as exc:  # a socket error of any other kind still drops the session
        result.dropped = f"{type(exc).__name__}: {exc}"


# --- memory and figures ---------------------------------------------------------------------


def rss_mib(pid: int | None) -> float | None:
    """Resident memory of a process in MiB, from /proc (None without a pid or a process)."""
    if not pid:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def sample_rss(pid: int | None, peak: list[float]) -> None:
    while True:
        value = rss_mib(pid)
        if value is not None:
            peak[0] = max(peak[0], value)
        await asyncio.sleep(RSS_SAMPLE_SECONDS)


def percentile(values: list[float], p: float) -> float | None:
    """The nearest-rank percentile (p in 0..100) of the values, None for none."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def spread(values: list[float]) -> dict:
    def r(value):
        return None if value is None else round(value, 3)

    return {
        "n": len(values),
        "p50": r(percentile(values, 50)),
        "p95": r(percentile(values, 95)),
        "max": r(max(values, default=None)),
    }


def summarise(results: list[ReaderResult], duration: float, rss: dict | None = None) -> dict:
    """The run's figures: latencies, throughput, wrong answers and dropped sessions."""
    actions = [t for r in results for t in r.actions]
    rss = rss or {}
    before, peak = rss.get("before"), rss.get("peak")
    per_session = (peak - before) / len(results) if results and before is not None and peak is not None else None
    errors = [line for r in results for line in r.errors]
    sizes = [b for r in results for b in r.run_bytes]
    return {
        "readers": len(results),
        "duration_s": round(duration, 2),
        "first_load_s": spread([r.first_load for r in results if r.first_load is not None]),
        "action_s": spread(actions),
        "actions_per_s": round(len(actions) / duration, 2) if duration > 0 else None,
        "actions_by_kind": dict(Counter(k for r in results for k in r.kinds)),
        "kib_per_run_p50": None if not sizes else round(percentile(sizes, 50) / 1024, 1),
        "errors": len(errors),
        "dropped": sum(1 for r in results if r.dropped),
        "unfinished": sum(1 for r in results if r.unfinished),
        "server_rss_mib": {k: None if v is None else round(v, 1) for k, v in rss.items()},
        "rss_per_session_mib": None if per_session is None else round(per_session, 2),
        "error_examples": errors[:10],
        "drop_reasons": dict(Counter(r.dropped for r in results if r.dropped)),
    }


async def warm_up(url: str, expect: Expect, timeout: float) -> None:
    """One uncounted page load, so the figures are those of a server that has served someone."""
    result = ReaderResult(-1)
    await reader(-1, url, Config(readers=1, actions=0, timeout=timeout), expect, result, 0.0)
    if result.dropped:
        raise RuntimeError(f"the warm-up load failed: {result.dropped}")


def arrival_times(cfg: Config) -> list[float]:
    """When each reader comes, seconds after the start: seeded, uniform over ``cfg.arrival``."""
    rng = random.Random(f"{cfg.seed}-arrivals")
    return sorted(rng.uniform(0, cfg.arrival) for _ in range(cfg.readers))


async def run_load(
    url: str, cfg: Config, expect: Expect, pid: int | None = None, settle: float = 2.0, warm: bool = True
) -> dict:
    """Run the readers against the page at ``url`` and return the figures (see summarise)."""
    url = loopback_url(url)
    check_config(cfg)
    if warm:
        await warm_up(url, expect, cfg.timeout)
    before = rss_mib(pid)
    load_before = round(os.getloadavg()[0], 2)
    peak = [before or 0.0]
    sampler = asyncio.create_task(sample_rss(pid, peak))
    arrivals = arrival_times(cfg)
    results = [ReaderResult(i) for i in range(cfg.readers)]
    start, cpu = time.monotonic(), time.process_time()
    tasks = [asyncio.create_task(reader(i, url, cfg, expect, results[i], arrivals[i])) for i in range(cfg.readers)]
    _, pending = await asyncio.wait(tasks, timeout=cfg.max_seconds)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    for task, result in zip(tasks, results, strict=True):
        if task in pending:
            result.unfinished = True
    duration, cpu = time.monotonic() - start, time.process_time() - cpu
    if settle > 0:
        await asyncio.sleep(settle)
    sampler.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await sampler
    rss = {"before": before, "peak": peak[0] if before is not None else None, "after": rss_mib(pid)} if pid else {}
    summary = summarise(results, duration, rss)
    summary["client_cpu_s"] = round(cpu, 2)  # this process, all readers: the client's share of the cores
    summary["load_average_before"] = load_before  # the machine's 1-minute load before the readers came
    return summary


def check_config(cfg: Config) -> None:
    """Refuse an unbounded run."""
    if not 1 <= cfg.readers <= MAX_READERS:
        raise ValueError(f"--readers must be 1..{MAX_READERS}")
    if not 0 < cfg.max_seconds <= MAX_SECONDS:
        raise ValueError(f"--max-seconds must be in (0, {MAX_SECONDS}]")
    if not 0 <= cfg.actions <= MAX_ACTIONS:
        raise ValueError(f"--actions must be 0..{MAX_ACTIONS}")
    if not 0 < cfg.timeout <= MAX_TIMEOUT:
        raise ValueError(f"--timeout must be in (0, {MAX_TIMEOUT:g}]")
    if not 0 <= cfg.think[0] <= cfg.think[1] <= MAX_THINK:
        raise ValueError(f"--think must be A-B with 0 <= A <= B <= {MAX_THINK:g}")
    if not 0 <= cfg.arrival <= MAX_SECONDS:
        raise ValueError(f"--arrival must be 0..{MAX_SECONDS}")


# --- printing ------------------------------------------------------------------------------------


def fmt(value, unit: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:.2f}{unit}" if isinstance(value, float) else f"{value}{unit}"


def table_rows(summary: dict) -> list[tuple[str, str]]:
    fl, ac, rss = summary["first_load_s"], summary["action_s"], summary["server_rss_mib"]
    rows = [
        ("readers", fmt(summary["readers"])),
        ("duration", fmt(summary["duration_s"], " s")),
        ("first load p50 / p95 / max", " / ".join(fmt(fl[k], " s") for k in ("p50", "p95", "max"))),
        ("action p50 / p95 / max", " / ".join(fmt(ac[k], " s") for k in ("p50", "p95", "max"))),
        ("actions", f"{ac['n']} ({', '.join(f'{k} {v}' for k, v in sorted(summary['actions_by_kind'].items()))})"),
        ("actions per second", fmt(summary["actions_per_s"])),
        ("sent by the server per run, p50", fmt(summary["kib_per_run_p50"], " KiB")),
        ("errors (wrong answers)", fmt(summary["errors"])),
        ("dropped sessions", fmt(summary["dropped"])),
        ("unfinished at --max-seconds", fmt(summary["unfinished"])),
        ("client CPU (all readers)", fmt(summary.get("client_cpu_s"), " s")),
    ]
    if rss:
        rows.append(
            (
                "server RSS before / peak / after",
                " / ".join(fmt(rss.get(k), " MiB") for k in ("before", "peak", "after")),
            )
        )
        rows.append(("RSS per session (peak − before)", fmt(summary["rss_per_session_mib"], " MiB")))
    return rows


def print_summary(summary: dict) -> None:
    rows = table_rows(summary)
    width = max(len(k) for k, _ in rows)
    print(f"| {'figure'.ljust(width)} | value |\n|{'-' * (width + 2)}|---|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")
    for line in summary["error_examples"]:
        print("wrong:", line)
    for reason, n in summary["drop_reasons"].items():
        print(f"dropped ({n}): {reason}")


SWEEP_HEADER = (
    "| readers | first load p50 / p95 | action p50 / p95 | actions/s | errors | dropped | unfinished "
    "| RSS before / peak / after (MiB) | RSS per session (MiB) |"
)


def sweep_row(s: dict) -> str:
    fl, ac, rss = s["first_load_s"], s["action_s"], s["server_rss_mib"]
    mem = " / ".join(fmt(rss.get(k)) for k in ("before", "peak", "after")) if rss else "–"
    return (
        f"| {s['readers']} | {fmt(fl['p50'])} / {fmt(fl['p95'])} s | {fmt(ac['p50'])} / {fmt(ac['p95'])} s "
        f"| {fmt(s['actions_per_s'])} | {s['errors']} | {s['dropped']} | {s['unfinished']} | {mem} "
        f"| {fmt(s['rss_per_session_mib'])} |"
    )


def print_sweep(summaries: list[dict]) -> None:
    print(SWEEP_HEADER)
    print("|---:" * (SWEEP_HEADER.count("|") - 1) + "|")
    for s in summaries:
        print(sweep_row(s))


# --- the command line ------------------------------------------------------------------------------


def parse_think(text: str) -> tuple[float, float]:
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def parse_sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or len(sizes) > MAX_SWEEP_SIZES or not all(1 <= n <= MAX_READERS for n in sizes):
        raise ValueError(f"--sweep takes up to {MAX_SWEEP_SIZES} sizes, each 1..{MAX_READERS}")
    return sizes


def data_dirs(args) -> tuple[Path, Path]:
    from timeline import DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR

    data = args.data_dir or os.environ.get("TIMELINE_DATA_DIR") or DEFAULT_DATA_DIR
    seeds = args.seeds_dir or os.environ.get("TIMELINE_SEEDS_DIR") or DEFAULT_SEEDS_DIR
    return Path(data).resolve(), Path(seeds).resolve()


def start_server(data_dir: Path, seeds_dir: Path):
    """``streamlit run app.py`` on a free loopback port (tests/browser.py's Server)."""
    from browser import Server

    return Server(env={"TIMELINE_DATA_DIR": str(data_dir), "TIMELINE_SEEDS_DIR": str(seeds_dir)})


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--readers", type=int, default=25, help=f"readers at once (1..{MAX_READERS})")
    p.add_argument("--arrival", type=float, default=3.0, help="readers arrive spread over this many seconds")
    p.add_argument("--actions", type=int, default=5, help="actions per reader after the first load")
    p.add_argument("--think", type=parse_think, default=(0.5, 1.5), help="think time between actions, A-B seconds")
    p.add_argument("--url", default=None, help="the page (loopback only), default http://127.0.0.1:8501")
    p.add_argument("--pid", type=int, default=None, help="the server's process id, for its memory")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-seconds", type=float, default=120.0, help=f"stop the run after this long (<= {MAX_SECONDS})")
    p.add_argument("--timeout", type=float, default=30.0, help="a run not finished after this long drops the session")
    p.add_argument("--settle", type=float, default=2.0, help="seconds after the readers left to read the memory again")
    p.add_argument("--no-warmup", action="store_true", help="no uncounted page load before the readers")
    p.add_argument("--no-widgets", action="store_true", help="change categories through the URL, not the multiselect")
    p.add_argument(
        "--start-server", action="store_true", help="start `streamlit run app.py` on a free port; stop it after"
    )
    p.add_argument("--sweep", type=parse_sizes, default=None, help="sizes such as 5,10,25,50,100 (a fresh server each)")
    p.add_argument("--data-dir", type=Path, default=None, help="the data the server shows (default: the shipped data)")
    p.add_argument("--seeds-dir", type=Path, default=None)
    p.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    cfg = Config(
        readers=args.readers,
        arrival=args.arrival,
        actions=args.actions,
        think=args.think,
        seed=args.seed,
        timeout=args.timeout,
        max_seconds=args.max_seconds,
        widgets=not args.no_widgets,
    )
    try:
        if args.url is not None:
            loopback_url(args.url)
        if args.sweep and args.url is not None:
            raise ValueError("--sweep starts a fresh server for each size: leave out --url")
        if args.start_server and args.url is not None:
            raise ValueError("--start-server picks its own loopback URL: leave out --url")
        for n in args.sweep or [cfg.readers]:
            check_config(replace(cfg, readers=n))
        if not 0 <= args.settle <= 60:
            raise ValueError("--settle must be 0..60 seconds")
    except ValueError as exc:
        parser.error(str(exc))
    data_dir, seeds_dir = data_dirs(args)
    expect = Expect.load(data_dir, seeds_dir)
    settings = {
        "actions": cfg.actions,
        "arrival_s": cfg.arrival,
        "think_s": list(cfg.think),
        "seed": cfg.seed,
        "timeout_s": cfg.timeout,
        "max_seconds": cfg.max_seconds,
        "widgets": cfg.widgets,
        "events": expect.total,
    }

    if args.sweep:
        summaries = []
        for n in args.sweep:
            server = start_server(data_dir, seeds_dir)
            try:
                sized = replace(cfg, readers=n)
                summary = asyncio.run(
                    run_load(server.url, sized, expect, server.proc.pid, args.settle, not args.no_warmup)
                )
            finally:
                server.stop()
            summaries.append(summary)
            print(sweep_row(summary), flush=True)
        print()
        print_sweep(summaries)
        out = {"settings": settings, "sweep": summaries}
        bad = any(s["errors"] or s["dropped"] or s["unfinished"] for s in summaries)
    else:
        server = start_server(data_dir, seeds_dir) if args.start_server else None
        try:
            url = server.url if server else (args.url or "http://127.0.0.1:8501")
            pid = server.proc.pid if server else args.pid
            summary = asyncio.run(run_load(url, cfg, expect, pid, args.settle, not args.no_warmup))
        finally:
            if server:
                server.stop()
        print_summary(summary)
        out = {"settings": settings, **summary}
        bad = bool(summary["errors"] or summary["dropped"] or summary["unfinished"])
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
