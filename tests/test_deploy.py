"""Many readers at once: N Streamlit processes behind nginx (scripts/serve.sh renders
deploy/nginx.conf.template and runs Debian's nginx), and the image (deploy/Dockerfile).

No container runs here, so the Dockerfile is checked for what it promises (a non-root USER, a
HEALTHCHECK, Plotly.js copied at build time) and its layout is run the way the image runs it:
only the files it copies, its build step, its CMD and its health check, writing nothing there.

The failover test opens six readers on two processes, kills one process and measures how long
each of its readers takes to get its view back from the survivor (printed; run with -s).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from browser import free_port, wait_chart, wait_idle

from timeline import PROJECT_DIR
from timeline.view import filter_frame, parse_query, prepare_frame

SERVE = PROJECT_DIR / "scripts" / "serve.sh"
DOCKERFILE = PROJECT_DIR / "deploy" / "Dockerfile"
NGINX = "/usr/sbin/nginx"
COOKIE = "timeline_sticky"
VENV_BIN = PROJECT_DIR / ".venv" / "bin"


def renderer():
    """deploy/nginx_conf.py, imported from its path (deploy/ is not a package)."""
    spec = importlib.util.spec_from_file_location("nginx_conf", PROJECT_DIR / "deploy" / "nginx_conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def require_nginx() -> None:
    """Skip without Debian's nginx on a developer machine; in CI a missing nginx fails."""
    if not os.path.exists(NGINX):
        message = f"{NGINX} is missing: install Debian's nginx (bash scripts/test.sh does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def get(url: str, headers: dict[str, str] | None = None, timeout: float = 5):
    """GET a URL: (status, headers, body)."""
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, response.headers, response.read()


# One line of the access log (the log_format "timeline" of the template).
LOG_LINE = re.compile(
    r'^\S+ \[[^\]]+\] "(?P<method>\S+) (?P<path>\S+)[^"]*" (?P<status>\d+) \d+ '
    r"upstream=(?P<upstream>.*?) upstream_status=(?P<upstream_status>.*?) sticky=(?P<sticky>\S+) rt=\S+$"
)


class Serve:
    """``bash scripts/serve.sh N PORT`` in its own process group, its run files in ``run_dir``."""

    def __init__(self, n: int, run_dir: Path, timeout: float = 180):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.run_dir = run_dir
        self.out_path = run_dir.parent / f"serve-{self.port}.out"
        self._out = open(self.out_path, "w")  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            ["bash", str(SERVE), str(n), str(self.port)],
            cwd=PROJECT_DIR,
            env={**os.environ, "SERVE_RUN_DIR": str(run_dir)},
            stdout=self._out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            self._wait(timeout)
        except BaseException:
            self.stop()
            raise
        # "127.0.0.1:PORT PID" a line: which streamlit process is which backend.
        lines = (run_dir / "backends.txt").read_text().split()
        self.backends = {addr: int(pid) for addr, pid in zip(lines[::2], lines[1::2], strict=True)}

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve.sh exited {self.proc.returncode}: {self.output()}")
            if (self.run_dir / "ready").exists():
                return
            time.sleep(0.3)
        raise RuntimeError(f"serve.sh was not ready in {timeout} s: {self.output()}")

    def output(self) -> str:
        if not self._out.closed:
            self._out.flush()
        return self.out_path.read_text()

    def backend_log(self, addr: str) -> str:
        return (self.run_dir / "logs" / f"streamlit-{addr.rsplit(':', 1)[1]}.log").read_text()

    def access_log(self) -> list[dict[str, str]]:
        path = self.run_dir / "logs" / "access.log"
        lines = path.read_text().splitlines() if path.exists() else []
        return [m.groupdict() for m in map(LOG_LINE.match, lines) if m]

    def upstream_of(self, sticky: str, timeout: float = 5) -> str:
        """The backend the request(s) with this sticky key went to (waits for the log line)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = [line for line in self.access_log() if line["sticky"] == sticky]
            if lines:
                return lines[0]["upstream"]
            time.sleep(0.1)
        raise AssertionError(f"no access log line for {sticky}")

    def stop(self) -> int | None:
        """SIGTERM to the group (serve.sh cleans up), SIGKILL to whatever is left after 30 s."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            code = self.proc.wait(30)
        except subprocess.TimeoutExpired:
            code = None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(5)
        self._out.close()
        return code


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (killed, not yet reaped by serve.sh) is dead for our purposes.
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    return False


@pytest.fixture(scope="module")
def serve2(tmp_path_factory):
    require_nginx()
    s = Serve(2, tmp_path_factory.mktemp("serve") / "run")
    yield s
    s.stop()
    for addr in s.backends:
        assert "Traceback" not in s.backend_log(addr), s.backend_log(addr)


def new_reader(browser, url: str, sticky: str | None = None):
    """A reader of its own (its own cookies), optionally holding a sticky cookie already."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    if sticky:
        context.add_cookies([{"name": COOKIE, "value": sticky, "url": url}])
    return context, context.new_page()


def sticky_of(headers) -> str | None:
    """The sticky key nginx set in a response (Streamlit sets a cookie of its own beside it)."""
    for header in headers.get_all("Set-Cookie") or []:
        cookie = SimpleCookie(header)
        if COOKIE in cookie:
            return cookie[COOKIE].value
    return None


def sticky_cookie(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == COOKIE)


# (c) The config, rendered; no nginx needed.


def test_rendered_config_has_websocket_upgrade_backends_and_failover(tmp_path):
    backends = ["127.0.0.1:8601", "127.0.0.1:8602", "127.0.0.1:8603"]
    text = renderer().render(backends, ["127.0.0.1:8080"], run_dir=tmp_path)
    upstream = re.search(r"upstream timeline \{(.*?)\n    \}", text, re.S).group(1)
    servers = re.findall(r"^\s*server (\S+) max_fails=1 fail_timeout=10s;", upstream, re.M)
    assert servers == backends
    assert re.search(r"^\s*hash \$timeline_sticky consistent;", upstream, re.M)
    # The websocket: HTTP/1.1, the Upgrade and Connection headers passed on, a long read timeout.
    assert "proxy_http_version 1.1;" in text
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert "proxy_set_header Connection $connection_upgrade;" in text
    stream = re.search(r"location = /_stcore/stream \{(.*?)\}", text, re.S).group(1)
    assert "proxy_pass http://timeline;" in stream
    assert re.search(r"proxy_read_timeout 1d;", stream)
    assert "location = /_stcore/health" in text
    assert "proxy_next_upstream error timeout http_502" in text
    # The sticky cookie is set on the first response (and only then: the value is empty after).
    assert "add_header Set-Cookie $timeline_sticky_set always;" in text
    assert "listen 127.0.0.1:8080;" in text
    # A local run keeps its files under the run dir; nothing is left to fill in.
    for line in ("pid", "error_log", "access_log", "proxy_temp_path", "client_body_temp_path"):
        found = re.search(rf"^\s*{line} (\S+)", text, re.M).group(1)
        assert found.startswith(str(tmp_path)), (line, found)
    assert "{{" not in text.replace("{{...}}", "")


def test_production_config_logs_to_the_container_and_rejects_bad_input():
    nginx_conf = renderer()
    text = nginx_conf.render(["app-1:8501", "app-2:8501"], ["80"])
    assert "access_log /dev/stdout timeline;" in text and "error_log stderr" in text
    assert "_temp_path" not in text  # the nginx image's own temporary paths
    assert re.findall(r"server (app-\d:8501) max_fails", text) == ["app-1:8501", "app-2:8501"]
    for bad in ([], ["app-1"], ["app-1:8501; evil"], ["a:1", "a:1"]):
        with pytest.raises(ValueError):
            nginx_conf.render(bad)


@pytest.mark.parametrize("local", [True, False], ids=["serve.sh", "production"])
def test_rendered_config_passes_nginx_t(tmp_path, local):
    """nginx itself accepts both configs (``nginx -t``, under a prefix of its own)."""
    require_nginx()
    (tmp_path / "logs").mkdir()
    (tmp_path / "tmp").mkdir()
    conf = tmp_path / "nginx.conf"
    backends = ["127.0.0.1:8601", "127.0.0.1:8602"]
    conf.write_text(renderer().render(backends, [f"127.0.0.1:{free_port()}"], run_dir=tmp_path if local else None))
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "logs" / "error.log"), "-c", str(conf)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr


def test_serve_sh_is_valid_bash():
    subprocess.run(["bash", "-n", str(SERVE)], check=True, timeout=10)
    if shutil.which("shellcheck"):
        result = subprocess.run(["shellcheck", str(SERVE)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout


# (d) The Dockerfile.


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of each instruction, continuation lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), " ".join(rest.split())))
    return out


def test_dockerfile_runs_as_non_root_with_healthcheck_and_plotly_at_build_time():
    steps = dockerfile_instructions()
    kinds = [kind for kind, _ in steps]
    assert steps[0] == ("FROM", "python:3.11-slim")
    users = [args for kind, args in steps if kind == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0"), users
    health = [args for kind, args in steps if kind == "HEALTHCHECK"]
    assert len(health) == 1 and "/_stcore/health" in health[0]
    assert ("EXPOSE", "8501") in steps
    cmd = json.loads(next(args for kind, args in steps if kind == "CMD"))
    assert cmd[:3] == ["streamlit", "run", "app.py"]
    for flag in ("--server.port=8501", "--server.address=0.0.0.0", "--server.headless=true"):
        assert flag in cmd
    assert "--server.fileWatcherType=none" in cmd
    # Plotly.js is copied into static/ by a RUN step: after the code it needs, before USER
    # (the running container cannot, and need not, write there).
    plotly = next(i for i, (kind, args) in enumerate(steps) if kind == "RUN" and "ensure_plotly_js()" in args)
    copied = [i for i, (kind, args) in enumerate(steps) if kind == "COPY" and args.split()[0] == "app_pages/"]
    assert copied and copied[0] < plotly < kinds.index("USER")
    installs = [args for kind, args in steps if kind == "RUN" and "pip install" in args]
    assert any("-r requirements.txt" in args for args in installs) and any(" -e ." in args for args in installs)
    # Every file it copies is in the project; the ignore file beside it keeps none of them out.
    lines = (PROJECT_DIR / "deploy" / "Dockerfile.dockerignore").read_text().splitlines()
    ignored = {line.strip().rstrip("/") for line in lines if line.strip() and not line.startswith("#")}
    for kind, args in steps:
        if kind == "COPY":
            *sources, _ = args.split()
            for source in sources:
                assert (PROJECT_DIR / source).exists(), source
                assert source.rstrip("/") not in ignored, source


def test_the_image_build_step_copies_plotly_js():
    """The Dockerfile's own build step imports without a Streamlit runtime and puts the file in place."""
    run = next(args for kind, args in dockerfile_instructions() if kind == "RUN" and "ensure_plotly_js()" in args)
    with tempfile.TemporaryDirectory() as tmp:
        code = (
            re.search(r'python -c "([^"]+)"', run)
            .group(1)
            .replace("ensure_plotly_js()", f"ensure_plotly_js(__import__('pathlib').Path({tmp!r}))")
        )
        result = subprocess.run(
            [str(VENV_BIN / "python"), "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
        assert "Warning" not in result.stderr, result.stderr
        from app_pages.timeline_chart import plotly_js_source

        assert (Path(tmp) / "plotly.min.js").read_bytes() == plotly_js_source().read_bytes()


def tree_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``folder``: (size, modification time)."""
    return {str(f.relative_to(folder)): (f.stat().st_size, f.stat().st_mtime_ns) for f in folder.rglob("*")}


@pytest.mark.browser
@pytest.mark.timeout(300)
def test_the_image_layout_runs_without_writing_to_its_files(browser):
    """What can be checked of the image without Docker: only the files the Dockerfile copies,
    its build step (Plotly.js, validation), then its CMD (on loopback) and its HEALTHCHECK, and
    the page with its chart drawn, while nothing under /app is written. The page runs as the
    image's USER, on files it cannot write, where this machine lets that user run the venv's
    Python (here it may live under root's home; then it runs as this user)."""
    steps = dockerfile_instructions()
    uid, _, gid = next(args for kind, args in steps if kind == "USER").partition(":")
    uid, gid = int(uid), int(gid or uid)
    root = Path(tempfile.mkdtemp(prefix="timeline-image-"))
    proc = None
    try:
        root.chmod(0o755)
        app, home = root / "app", root / "home"
        app.mkdir()
        home.mkdir()
        for kind, args in steps:
            if kind != "COPY":
                continue
            *sources, target = args.split()
            for source in sources:  # Docker's rules: a folder's contents go into the target
                src, dst = PROJECT_DIR / source, app / target
                if src.is_dir():
                    shutil.copytree(src, dst, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
                elif target.endswith("/"):
                    dst.mkdir(parents=True, exist_ok=True)
                    shutil.copy(src, dst / src.name)
                else:
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(src, dst)
        env = {
            **os.environ,
            "PATH": f"{VENV_BIN}:{os.environ['PATH']}",
            "PYTHONDONTWRITEBYTECODE": "1",
            "HOME": str(home),
        }
        build = next(args for kind, args in steps if kind == "RUN" and "ensure_plotly_js()" in args)
        result = subprocess.run(["bash", "-c", build], cwd=app, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (app / "static" / "plotly.min.js").exists()
        before = tree_state(app)

        as_user: dict = {}
        if os.geteuid() == 0:
            os.chown(home, uid, gid)
            as_user = {"user": uid, "group": gid, "extra_groups": []}
            try:
                subprocess.run([str(VENV_BIN / "python"), "-c", ""], **as_user, check=True, timeout=30)
            except (PermissionError, subprocess.CalledProcessError):
                print(f"\nthe venv's Python cannot run as uid {uid} here: the page runs as root")
                as_user = {}
        if as_user:  # the image's user can read the files and write none of them
            probe = subprocess.run(
                [str(VENV_BIN / "python"), "-c", "open('static/probe', 'w')"],
                cwd=app,
                capture_output=True,
                timeout=30,
                **as_user,
            )
            assert probe.returncode != 0 and b"PermissionError" in probe.stderr

        port = free_port()
        cmd = json.loads(next(args for kind, args in steps if kind == "CMD"))
        loopback = {
            "--server.port=8501": f"--server.port={port}",
            "--server.address=0.0.0.0": "--server.address=127.0.0.1",
        }
        cmd = [loopback.get(a, a) for a in cmd]
        log = root / "streamlit.log"
        with open(log, "w") as out:
            proc = subprocess.Popen(cmd, cwd=app, env=env, stdout=out, stderr=subprocess.STDOUT, **as_user)
        health = next(args for kind, args in steps if kind == "HEALTHCHECK")
        check = json.loads(health.split(" CMD ", 1)[1].replace(":8501/", f":{port}/"))
        deadline = time.monotonic() + 60
        while subprocess.run(check, env=env, capture_output=True, timeout=10).returncode != 0:
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)

        context = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/?event=smart-border-pledge-2022", timeout=60_000)
            wait_chart(page)
            page.wait_for_selector(".tl-event[data-event-id='smart-border-pledge-2022'] mark", timeout=30_000)
            assert page.locator("[data-testid=stException], [data-testid=stAlertContentError]").count() == 0
        finally:
            context.close()
        assert "Traceback" not in log.read_text(), log.read_text()
        assert tree_state(app) == before  # the running page wrote nothing under /app
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        shutil.rmtree(root, ignore_errors=True)


# (a) The page through nginx.


def test_health_and_sticky_cookie_through_nginx(serve2):
    status, headers, body = get(serve2.url + "/_stcore/health")
    assert status == 200 and body == b"ok"
    cookie = sticky_of(headers)
    first = serve2.upstream_of(cookie)
    assert first in serve2.backends
    # With the cookie, every request goes to that process again, and nginx sets no new cookie.
    for _ in range(5):
        _, again, _ = get(serve2.url + "/_stcore/health", {"Cookie": f"{COOKIE}={cookie}"})
        assert sticky_of(again) is None
    assert {line["upstream"] for line in serve2.access_log() if line["sticky"] == cookie} == {first}
    # New readers spread over both processes.
    keys = [sticky_of(get(serve2.url + "/_stcore/health")[1]) for _ in range(16)]
    assert {serve2.upstream_of(k) for k in keys} == set(serve2.backends)


@pytest.mark.browser
def test_page_draws_and_deep_link_works_through_nginx(serve2, browser):
    context, page = new_reader(browser, serve2.url)
    try:
        page.goto(serve2.url, timeout=60_000)
        wait_chart(page)
        page.goto(serve2.url + "/?event=smart-border-pledge-2022", timeout=60_000)
        wait_chart(page)
        page.wait_for_selector(".tl-event[data-event-id='smart-border-pledge-2022'] mark", timeout=30_000)
        assert page.locator("[data-testid=stException]").count() == 0
        sticky = sticky_cookie(context)
    finally:
        context.close()
    # The first request (no cookie yet) was hashed by the key the cookie then carried, so the
    # page, its scripts and its websockets all went to one process; a websocket is logged when
    # it closes.
    deadline = time.monotonic() + 10
    while True:
        lines = [line for line in serve2.access_log() if line["sticky"] == sticky]
        streams = [line for line in lines if line["path"] == "/_stcore/stream"]
        if len(streams) >= 2 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert len(streams) >= 2 and all(s["status"] == "101" for s in streams), streams
    assert len({line["upstream"] for line in lines}) == 1, lines
    assert any(line["path"] == "/app/static/plotly.min.js" for line in lines)


# (b) Failover.

# Six readers, each on a deep link, some with filters: the query, and the event after it.
READERS = [
    {"event": ["smart-border-pledge-2022"]},
    {"event": ["pompeo-praises-incoming-government-2018"], "category": ["diplomacy"]},
    {"event": ["land-ports-funding-2022"], "category": ["funding"]},
    {"event": ["border-arrests-record-2023"]},
    {"event": ["cinco-de-mayo-first-ladies-2022"], "category": ["diplomacy"], "from": ["2020"]},
    {"event": ["anti-smuggling-operation-2022"], "category": ["enforcement", "agreement"]},
]

# What the page shows, read in the browser: the connection, the script, the event, the URL.
STATE_JS = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  const event = document.querySelector('.tl-event');
  const count = [...document.querySelectorAll('[data-testid=stSidebar] p')]
      .map(p => p.textContent).find(t => / of \\d+ events$/.test(t)) || null;
  return {
    connection: app && app.getAttribute('data-test-connection-state'),
    script: app && app.getAttribute('data-test-script-state'),
    event: event ? event.dataset.eventId : null,
    count,
    query: location.search,
    errors: document.querySelectorAll('[data-testid=stException]').length,
    stale: document.querySelectorAll('[data-stale=true]').length,
  };
}"""


# Notes every change of the connection and of the script's state, and every click on a
# button, with the wall clock (the test's own clock, on the same machine): when the page lost
# its process, was pressed, reconnected, and finished the survivor's first run.
WATCH_JS = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  const notes = window.__tlStates = [];
  const note = (click) => notes.push({t: Date.now(), click: click || null,
      connection: app.getAttribute('data-test-connection-state'), script: app.getAttribute('data-test-script-state')});
  new MutationObserver(() => note()).observe(app, {attributes: true,
      attributeFilter: ['data-test-connection-state', 'data-test-script-state']});
  document.addEventListener('click', (e) => {
    const b = e.target.closest('button'); if (b) note(b.textContent); }, true);
}"""


def recovery(states: list[dict], killed_ms: float) -> dict[str, float | None]:
    """From the page's notes: seconds after the kill it saw the connection drop, was connected
    again, and had the survivor's first run finished (its view back); and when it was pressed."""
    out: dict[str, float | None] = {"dropped": None, "connected": None, "view": None, "click": None}
    ran = False
    for s in states:
        t = round((s["t"] - killed_ms) / 1000, 2)
        if s["click"]:
            out["click"] = t if out["click"] is None else out["click"]
        elif out["dropped"] is None:
            if s["connection"] != "CONNECTED":
                out["dropped"] = t
        elif out["connected"] is None:
            if s["connection"] == "CONNECTED":
                out["connected"] = t
        elif s["script"] == "running":
            ran = True
        elif ran and s["script"] == "notRunning":
            out["view"] = t
            break
    return out


def expected_view(shipped, frame, search: str) -> tuple[str | None, str]:
    """The event and the "N of M events" line the page must show for this query string."""
    query = urllib.parse.parse_qs(search.lstrip("?"))
    state = parse_query(query, shipped)
    shown = filter_frame(frame, state.filters)
    return state.event, f"{len(shown)} of {len(frame)} events"


def next_event(shipped, frame, query: dict[str, list[str]]) -> str:
    """The event "Next event →" moves to from this view (the next one the filters show)."""
    state = parse_query(query, shipped)
    order = list(filter_frame(frame, state.filters)["idx"])
    here = order.index(shipped.index_of(state.event))
    return shipped.events[order[here + 1]].id


def query_of(search: str) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(search.lstrip("?"))


@pytest.mark.browser
@pytest.mark.timeout(420)
def test_readers_of_a_killed_process_get_their_view_back_from_the_survivor(tmp_path, browser, shipped):
    """Six readers, three on each of two processes, each on a deep link (some with filters).
    One process is killed (SIGKILL) and at once every reader presses "Next event →".

    What happens, as measured: the survivor's readers move on and see no error. The killed
    process's readers lose their websocket; Streamlit's frontend pings the server again, nginx
    sends the ping and then the new websocket to the survivor (the dead process refuses the
    connection, proxy_next_upstream), and the survivor starts a new session whose first run
    reads the view from the URL: the same event and filters. Their press is lost: it was made
    while the page was disconnected or before the new session's first run, and a button's
    on_click belongs to the session that drew the button. Pressed again, it works."""
    require_nginx()
    frame = prepare_frame(shipped)
    serve = Serve(2, tmp_path / "run")
    contexts = []
    readers: list[dict] = []
    (a, pid_a), (b, _) = sorted(serve.backends.items())
    try:
        # Sticky keys for each process, got the way a new browser gets one (the first
        # response's cookie), so that three readers sit on each process.
        keys: dict[str, list[str]] = {a: [], b: []}
        for _ in range(64):
            if min(len(v) for v in keys.values()) >= len(READERS) // 2:
                break
            key = sticky_of(get(serve.url + "/_stcore/health")[1])
            keys[serve.upstream_of(key)].append(key)
        for i, query in enumerate(READERS):
            backend = (a, b)[i % 2]
            sticky = keys[backend].pop()
            context, page = new_reader(browser, serve.url, sticky)
            contexts.append(context)
            search = "?" + urllib.parse.urlencode(query, doseq=True)
            page.goto(serve.url + "/" + search, timeout=60_000)
            page.wait_for_selector(f".tl-event[data-event-id='{query['event'][0]}']", timeout=60_000)
            wait_chart(page)
            wait_idle(page)
            assert page.get_by_text(expected_view(shipped, frame, search)[1], exact=True).is_visible()
            r = {"i": i, "page": page, "backend": backend, "sticky": sticky, "query": query}
            r["next"] = next_event(shipped, frame, query)
            readers.append(r)
        # Every request of each reader so far went to its process (the page, Plotly.js, the
        # component files); its websocket is checked from the log once it closes.
        for r in readers:
            seen = {line["upstream"] for line in serve.access_log() if line["sticky"] == r["sticky"]}
            assert seen == {r["backend"]}, (r["i"], seen)
        on_a = [r for r in readers if r["backend"] == a]
        on_b = [r for r in readers if r["backend"] == b]
        assert len(on_a) == len(on_b) == len(READERS) // 2
        for r in readers:
            r["page"].evaluate(WATCH_JS)

        # Kill process A; every reader presses "Next event →" straight away.
        os.kill(pid_a, signal.SIGKILL)
        killed, killed_ms = time.monotonic(), time.time() * 1000
        for r in readers:
            try:
                r["page"].get_by_role("button", name="Next event →").click(timeout=5_000)
                r["pressed"] = f"at {time.monotonic() - killed:.2f} s"
            except Exception:  # the button stayed disabled (the page was disconnected)
                r["pressed"] = "not possible (disabled)"

        # Readers on B: the next event, no error. Readers on A: the survivor's first run done
        # (from the page's notes) and the event and "N of M events" the URL says.
        deadline = killed + 30
        pending = list(readers)
        while pending and time.monotonic() < deadline:
            for r in list(pending):
                state = r["state"] = r["page"].evaluate(STATE_JS)
                assert state["errors"] == 0, (r["i"], state)
                if r["backend"] == b:
                    done = state["event"] == r["next"] and state["script"] != "running" and not state["stale"]
                else:
                    r["times"] = recovery(r["page"].evaluate("window.__tlStates"), killed_ms)
                    want_event, want_count = expected_view(shipped, frame, state["query"])
                    done = (
                        r["times"]["view"] is not None
                        and state["connection"] == "CONNECTED"
                        and state["script"] == "notRunning"
                        and not state["stale"]
                        and (state["event"], state["count"]) == (want_event, want_count)
                    )
                if done:
                    r["seen"] = time.monotonic() - killed
                    pending.remove(r)
            time.sleep(0.1)
        assert not pending, [(r["i"], r["backend"], r.get("state"), r.get("times")) for r in pending]

        for r in on_b:
            assert query_of(r["state"]["query"])["event"] == [r["next"]]
        for r in on_a:
            # The filters came back from the URL; the event is the one the URL names, which is
            # the one the reader was on (the press was lost) or the next one (it was kept).
            shown = query_of(r["state"]["query"])
            assert {k: v for k, v in shown.items() if k != "event"} == {
                k: v for k, v in r["query"].items() if k != "event"
            }
            assert shown["event"][0] in (r["query"]["event"][0], r["next"]), (r["i"], shown)
            r["kept"] = shown["event"][0] == r["next"]
        # A reader whose press was lost presses again, and the survivor moves on.
        for r in on_a:
            if not r["kept"]:
                r["page"].get_by_role("button", name="Next event →").click(timeout=10_000)
                r["page"].wait_for_selector(f".tl-event[data-event-id='{r['next']}']", timeout=30_000)
                wait_idle(r["page"])
                assert r["page"].locator("[data-testid=stException]").count() == 0

        print(f"\nfailover: {len(on_a)} readers on the killed process {a}, {len(on_b)} on the survivor {b}")
        for r in readers:
            line = f"  reader {r['i']} ({r['query']['event'][0]}) on the "
            if r["backend"] == a:
                times = r["times"]
                line += (
                    f"killed process: lost its connection at {times['dropped']} s, connected to the survivor "
                    f"at {times['connected']} s, view back at {times['view']} s; pressed at {times['click']} s: "
                    f"{'kept' if r['kept'] else 'lost, pressed again: worked'}"
                )
            else:
                line += f"survivor: pressed {r['pressed']}; next event shown by {r['seen']:.2f} s"
            print(line)
        views = [r["times"]["view"] for r in on_a]
        median, worst = statistics.median(views), max(views)
        print(f"  view back on the survivor: median {median:.2f} s, max {worst:.2f} s after the kill")
        assert worst < 30
        assert alive(serve.backends[b]) and not alive(pid_a)
        assert get(serve.url + "/_stcore/health")[0] == 200
    finally:
        for context in contexts:
            with contextlib.suppress(Exception):
                context.close()
        # nginx logs a websocket when it closes: wait for the readers' last ones before stopping.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            streams = [line for line in serve.access_log() if line["path"] == "/_stcore/stream"]
            if len(streams) >= len(READERS) + len(READERS) // 2:
                break
            time.sleep(0.2)
        log_b = serve.backend_log(b)
        code = serve.stop()
    assert code is not None, "serve.sh did not stop on SIGTERM"
    assert "Traceback" not in log_b, log_b
    # The websockets, logged as they closed: each reader's first one went to its own process;
    # the killed process's readers then opened one on the survivor.
    streams = [line for line in serve.access_log() if line["path"] == "/_stcore/stream"]
    for r in readers:
        mine = [line["upstream"] for line in streams if line["sticky"] == r["sticky"]]
        assert mine and mine[0] == r["backend"], (r["i"], mine)
        if r["backend"] == a:
            assert any(u.split(", ")[-1] == b for u in mine[1:]), (r["i"], mine)


@pytest.mark.timeout(120)
def test_serve_sh_stops_everything_on_sigterm(tmp_path):
    require_nginx()
    serve = Serve(1, tmp_path / "run")
    pids = list(serve.backends.values())
    nginx_pid = int((tmp_path / "run" / "nginx.pid").read_text())
    # Only the script gets the signal (as from `kill`), not its whole group.
    serve.proc.send_signal(signal.SIGTERM)
    serve.proc.wait(30)
    assert "== stopped" in serve.output()
    assert not any(alive(pid) for pid in [*pids, nginx_pid])
    assert not (tmp_path / "run" / "ready").exists()
    serve.stop()


def test_serve_sh_rejects_bad_arguments():
    for args in (["0"], ["x"], ["2", "70000"]):
        result = subprocess.run(["bash", str(SERVE), *args], capture_output=True, text=True, timeout=10)
        assert result.returncode == 2 and "usage" in result.stderr, args


def test_readme_says_how_to_run_many_processes():
    readme = (PROJECT_DIR / "README.md").read_text()
    section = readme.split("## Running many processes", 1)[1].split("\n## ", 1)[0]
    assert "bash scripts/serve.sh 2 8080" in section and "deploy/Dockerfile" in section
    assert readme.index("## The page") < readme.index("## Running many processes") < readme.index("## The command line")
