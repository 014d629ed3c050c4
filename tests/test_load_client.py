"""The protocol load client (bench/load.py): its checks, its figures, its bounds, and a short run
of 24 readers against a real server of the shipped data (no browser: it speaks Streamlit's
websocket protocol). Timing figures are printed, never asserted."""

from __future__ import annotations

import asyncio
import html
import importlib.util
import json
import sys
from urllib.parse import parse_qs

import pytest
from browser import Server
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from timeline import PROJECT_DIR
from timeline.details import render_event
from timeline.view import Filters, parse_query

_spec = importlib.util.spec_from_file_location("bench_load", PROJECT_DIR / "bench" / "load.py")
load = importlib.util.module_from_spec(_spec)
sys.modules["bench_load"] = load
_spec.loader.exec_module(load)


def run_async(coroutine):
    """Run a coroutine to the end in a thread of its own: the browser tests' Playwright keeps an
    event loop running in this thread for the whole session, and asyncio.run refuses to nest."""
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def expect(shipped):
    return load.Expect.from_dataset(shipped)


def count_line(n: int, total: int) -> str:
    return f"**{n} of {total} events**"


def page_run(shipped, expect, view, event_html: str | None = None, count: int | None = None):
    """A Run as the page answers the view (optionally with another panel or count)."""
    run = load.Run(status=0)
    if view.event:
        run.html.append(event_html or render_event(shipped, shipped.event(view.event), position="Event 1 of 1"))
    run.markdown.append(count_line(expect.count(view.filters) if count is None else count, expect.total))
    return run


# --- the checker -------------------------------------------------------------------------------


def test_every_event_as_the_page_renders_it_passes(shipped, expect):
    for event in shipped.events:
        view = load.View(event.id, Filters(category=(event.category,)))
        assert load.check_run(page_run(shipped, expect, view), view, expect) == [], event.id


def test_a_panel_marking_another_events_quote_is_a_wrong_answer(shipped, expect):
    x, y = shipped.events[0], shipped.events[1]
    view = load.View(x.id)
    other_quote = html.escape(shipped.passages[y.id][0].excerpt.quote, quote=True)
    forged = f"<article class='tl-event' data-event-id='{x.id}'><blockquote><mark>{other_quote}</mark></blockquote>"
    problems = load.check_run(page_run(shipped, expect, view, event_html=forged), view, expect)
    assert len(problems) == 1 and "no quote of it inside a <mark>" in problems[0]
    # X's quote outside a <mark> is not enough either.
    own_quote = html.escape(shipped.passages[x.id][0].excerpt.quote, quote=True)
    unmarked = f"<article class='tl-event' data-event-id='{x.id}'><p>{own_quote}</p><mark>x</mark>"
    assert load.check_run(page_run(shipped, expect, view, event_html=unmarked), view, expect)


def test_the_panel_of_another_event_or_of_none_is_a_wrong_answer(shipped, expect):
    x, y = shipped.events[0], shipped.events[1]
    other = render_event(shipped, y)
    problems = load.check_run(page_run(shipped, expect, load.View(x.id), event_html=other), load.View(x.id), expect)
    assert problems and f"asked for {x.id}" in problems[0]
    no_panel = load.Run(status=0, markdown=[count_line(expect.total, expect.total)])
    assert load.check_run(no_panel, load.View(x.id), expect)
    # A panel where the reader asked for none.
    assert load.check_run(page_run(shipped, expect, load.View(x.id)), load.View(None), expect)


def test_a_wrong_or_missing_count_is_a_wrong_answer(shipped, expect):
    view = load.View(None, Filters(category=("funding",)))
    n = expect.count(view.filters)
    assert 0 < n < expect.total
    assert load.check_run(page_run(shipped, expect, view), view, expect) == []
    problems = load.check_run(page_run(shipped, expect, view, count=expect.total), view, expect)
    assert problems == [f"filters category=funding: the page says {expect.total} of 33, expected {n} of 33"]
    assert load.check_run(load.Run(status=0), view, expect) == ["expected one 'N of M events' line, found 0"]


def test_expected_count_is_filter_frame_of_the_filters(shipped, expect):
    from timeline.view import filter_frame, prepare_frame

    frame = prepare_frame(shipped)
    for filters in (Filters(), Filters(us=("us-biden",)), Filters(year_from=2019, year_to=2021, category=("funding",))):
        assert expect.count(filters) == len(filter_frame(frame, filters))


def test_absorb_reads_the_deltas_the_checks_need():
    run = load.Run()
    for build in (
        lambda m: setattr(m.delta.new_element.html, "body", "<p>hi</p>"),
        lambda m: setattr(m.delta.new_element.markdown, "body", "**3 of 33 events**"),
        lambda m: setattr(m.delta.new_element.multiselect, "id", "$$ID-abc123-f_cat"),
        lambda m: setattr(m.delta.new_element.exception, "message", "boom"),
        lambda m: setattr(m.page_info_changed, "query_string", "event=x"),
        lambda m: setattr(m, "script_finished", ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY),
    ):
        msg = ForwardMsg()
        build(msg)
        load.absorb(run, msg)
    assert run.html == ["<p>hi</p>"] and run.markdown == ["**3 of 33 events**"]
    assert run.widgets == {"f_cat": "$$ID-abc123-f_cat"} and run.exceptions == [": boom"]
    assert run.query == "event=x" and run.status == 0


def test_message_cache_resolves_references_and_forgets_old_messages():
    cache = load.MessageCache()
    big = ForwardMsg(hash="h1")
    big.metadata.cacheable = True
    big.delta.new_element.html.body = "x" * 20
    assert cache.resolve(big, big.SerializeToString()) is big and cache.hashes() == ["h1"]
    resolved = cache.resolve(ForwardMsg(ref_hash="h1"), b"")
    assert resolved.delta.new_element.html.body == "x" * 20
    for _ in range(3):
        cache.run_finished()
    assert cache.hashes() == []
    with pytest.raises(load.Dropped):
        cache.resolve(ForwardMsg(ref_hash="h1"), b"")


# --- the figures -----------------------------------------------------------------------------------


def test_percentiles_and_summary_count_errors_and_drops():
    assert load.percentile([], 50) is None
    assert load.percentile([3, 1, 2], 50) == 2
    assert load.percentile(list(range(1, 101)), 95) == 95
    assert load.percentile([1.0, 9.0], 95) == 9.0
    results = [
        load.ReaderResult(0, first_load=0.2, actions=[0.1, 0.3], kinds=["event", "us"]),
        load.ReaderResult(1, first_load=0.4, actions=[0.2], kinds=["event"], errors=["a", "b"]),
        load.ReaderResult(2, dropped="socket closed by the server (1012)"),
        load.ReaderResult(3, first_load=0.5, unfinished=True),
    ]
    s = load.summarise(results, duration=2.0, rss={"before": 100.0, "peak": 140.0, "after": 120.0})
    assert (s["readers"], s["errors"], s["dropped"], s["unfinished"]) == (4, 2, 1, 1)
    assert s["action_s"] == {"n": 3, "p50": 0.2, "p95": 0.3, "max": 0.3}
    assert s["first_load_s"]["n"] == 3 and s["actions_per_s"] == 1.5
    assert s["rss_per_session_mib"] == 10.0
    assert s["drop_reasons"] == {"socket closed by the server (1012)": 1}
    assert s["actions_by_kind"] == {"event": 2, "us": 1}
    load.print_summary(s)
    load.print_sweep([s])


def test_readers_arrive_spread_over_the_arrival_window():
    times = load.arrival_times(load.Config(readers=50, arrival=3.0, seed=1))
    assert times == sorted(times) and times[0] >= 0 and times[-1] <= 3.0
    assert len(set(times)) == 50 and times[-1] - times[0] > 2.0
    assert times == load.arrival_times(load.Config(readers=50, arrival=3.0, seed=1))  # seeded


# --- the bounds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com:8501",
        "http://10.0.0.1:8501",
        "http://127.0.0.1.example.com",
        "http://[::ffff:8.8.8.8]:8501",
        "http://0.0.0.0:8501",
        "ftp://127.0.0.1",
        "127.0.0.1:8501",
    ],
)
def test_refuses_a_url_that_is_not_loopback(url, capsys):
    with pytest.raises(ValueError):
        load.loopback_url(url)
    with pytest.raises(SystemExit) as exit_info:
        load.main(["--url", url, "--readers", "1"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "loopback" in err or "give an http:// URL" in err


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8501", "http://localhost:8501/", "http://[::1]:8501", "http://127.0.0.9"]
)
def test_accepts_loopback(url):
    assert load.loopback_url(url) == url.rstrip("/")
    assert load.stream_url(url).endswith("/_stcore/stream") and load.stream_url(url).startswith("ws://")


@pytest.mark.parametrize(
    "args",
    [
        ["--readers", "501"],
        ["--readers", "0"],
        ["--max-seconds", "601"],
        ["--actions", "51"],
        ["--timeout", "0"],
        ["--think", "2-1"],
        ["--sweep", "5,501"],
        ["--sweep", "5", "--url", "http://127.0.0.1:8501"],
    ],
)
def test_refuses_an_unbounded_run(args):
    with pytest.raises(SystemExit) as exit_info:
        load.main([*args, "--url", "http://127.0.0.1:1"] if "--url" not in args else args)
    assert exit_info.value.code == 2


# --- a fake server: the reader loop's own accounting, without Streamlit ----------------------------


def fake_page(shipped, expect, behaviour: str):
    """A websocket handler that answers rerun_script BackMsgs as the page would (or not)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    def finished() -> bytes:
        return ForwardMsg(script_finished=ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY).SerializeToString()

    async def handler(ws):
        async for data in ws:
            back = BackMsg()
            back.ParseFromString(data)
            if behaviour == "close":
                await ws.close(code=1011)
                return
            if behaviour == "silent":
                continue
            if behaviour == "exception":
                msg = ForwardMsg()
                msg.delta.new_element.exception.message = "boom"
                await ws.send(msg.SerializeToString())
                await ws.send(finished())
                continue
            state = parse_query(parse_qs(back.rerun_script.query_string), shipped)
            view = load.View(state.event, state.filters)
            run = page_run(shipped, expect, view)
            if behaviour == "wrong-quote" and view.event:
                y = next(e for e in shipped.events if e.id != view.event)
                quote = html.escape(shipped.passages[y.id][0].excerpt.quote, quote=True)
                run.html = [f"<article class='tl-event' data-event-id='{view.event}'><mark>{quote}</mark>"]
            for body in run.html:
                msg = ForwardMsg()
                msg.delta.new_element.html.body = body
                await ws.send(msg.SerializeToString())
            for body in run.markdown:
                msg = ForwardMsg()
                msg.delta.new_element.markdown.body = body
                await ws.send(msg.SerializeToString())
            await ws.send(finished())

    return handler


def run_against_fake(shipped, expect, behaviour: str, readers: int = 3, actions: int = 2) -> dict:
    from websockets.asyncio.server import serve

    async def main() -> dict:
        async with serve(fake_page(shipped, expect, behaviour), "127.0.0.1", 0) as server:
            port = server.sockets[0].getsockname()[1]
            cfg = load.Config(
                readers=readers, arrival=0.2, actions=actions, think=(0.0, 0.05), timeout=0.5, max_seconds=20
            )
            return await load.run_load(f"http://127.0.0.1:{port}", cfg, expect, warm=False, settle=0)

    return run_async(main())


def test_fake_page_answering_right_gives_no_error(shipped, expect):
    s = run_against_fake(shipped, expect, "right")
    assert (s["errors"], s["dropped"], s["unfinished"]) == (0, 0, 0), s
    assert s["action_s"]["n"] == 6 and s["first_load_s"]["n"] == 3


def test_fake_page_marking_another_quote_counts_wrong_answers(shipped, expect):
    s = run_against_fake(shipped, expect, "wrong-quote", readers=4, actions=3)
    assert s["errors"] > 0 and s["dropped"] == 0, s
    assert all("no quote of it inside a <mark>" in line for line in s["error_examples"])


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [("close", "socket closed by the server"), ("silent", "no script_finished"), ("exception", "exception")],
)
def test_fake_page_dropping_sessions_is_counted(shipped, expect, behaviour, reason):
    s = run_against_fake(shipped, expect, behaviour)
    assert s["dropped"] == 3 and s["errors"] == 0, s
    assert all(why.startswith(reason) for why in s["drop_reasons"]), s["drop_reasons"]


def test_nothing_listening_is_a_dropped_session(expect):
    from browser import free_port

    cfg = load.Config(readers=2, arrival=0, actions=1, timeout=2, max_seconds=10)
    s = run_async(load.run_load(f"http://127.0.0.1:{free_port()}", cfg, expect, warm=False, settle=0))
    assert s["dropped"] == 2 and all(r.startswith("could not open the socket") for r in s["drop_reasons"])


# --- a real server ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(log_dir=tmp_path_factory.mktemp("load-client"))
    yield srv
    srv.stop()


def test_24_readers_against_the_real_page_all_answered_right(server, expect, tmp_path):
    cfg = load.Config(readers=24, arrival=3, actions=5, think=(0.5, 1.5), seed=0, timeout=20, max_seconds=60)
    s = run_async(load.run_load(server.url, cfg, expect, pid=server.proc.pid, settle=0.5))
    print("\nload client, 24 readers:", json.dumps({k: v for k, v in s.items() if k != "error_examples"}))
    load.print_summary(s)
    assert s["errors"] == 0, s["error_examples"]
    assert s["dropped"] == 0, s["drop_reasons"]
    assert s["unfinished"] == 0
    assert s["first_load_s"]["n"] == 24 and s["action_s"]["n"] == 24 * 5
    assert any(kind.endswith("(widget)") for kind in s["actions_by_kind"]), s["actions_by_kind"]
    assert "Traceback" not in server.log()


def test_real_page_checked_against_other_events_quotes_counts_errors(server, shipped):
    # Each event's expected quotes are the next event's: every answer that shows an event is wrong.
    expect = load.Expect.from_dataset(shipped)
    ids = expect.event_ids
    expect.quotes = {ident: expect.quotes[ids[(i + 1) % len(ids)]] for i, ident in enumerate(ids)}
    cfg = load.Config(readers=3, arrival=0.5, actions=3, think=(0.1, 0.2), timeout=20, max_seconds=30)
    s = run_async(load.run_load(server.url, cfg, expect, settle=0))
    assert s["dropped"] == 0 and s["errors"] > 0, s
    assert all("no quote of it inside a <mark>" in line for line in s["error_examples"])


def test_server_stopped_mid_run_drops_the_sessions(expect, tmp_path):
    srv = Server(log_dir=tmp_path)

    async def main() -> dict:
        cfg = load.Config(readers=4, arrival=0.3, actions=5, think=(0.8, 1.0), timeout=10, max_seconds=40)
        run = asyncio.create_task(load.run_load(srv.url, cfg, expect, pid=srv.proc.pid, settle=0, warm=False))
        await asyncio.sleep(2.5)  # after the first loads, before the readers are done
        await asyncio.to_thread(srv.stop)
        return await run

    try:
        s = run_async(main())
    finally:
        if srv.proc.poll() is None:
            srv.stop()
    assert s["dropped"] == 4 and s["errors"] == 0, s
    assert all(why.startswith(("socket closed by the server", "could not open")) for why in s["drop_reasons"]), s
