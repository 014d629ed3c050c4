"""Render deploy/nginx.conf.template: nginx in front of N Streamlit processes.

    python3 deploy/nginx_conf.py --listen 80 --backend app-1:8501 --backend app-2:8501 > nginx.conf
    python3 deploy/nginx_conf.py --listen 127.0.0.1:8080 --backend 127.0.0.1:8601 \\
        --backend 127.0.0.1:8602 --run-dir /tmp/run > /tmp/run/nginx.conf

Without ``--run-dir`` the config is for an nginx of its own (a container): it logs to stdout
and stderr and keeps its compiled-in temporary paths. With it (scripts/serve.sh), the pid file,
the logs and every temporary path are under that directory, so an nginx started with
``-p RUN_DIR -c RUN_DIR/nginx.conf`` touches nothing of the system's configuration.

Only the standard library: the machine in front of the containers needs no project packages.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
# host:port, host being a name, an IPv4 address or a bracketed IPv6 address.
BACKEND = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$")
LISTEN = re.compile(r"^((\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):)?\d{1,5}$")


def render(
    backends: list[str],
    listen: list[str] | tuple[str, ...] = ("8080",),
    run_dir: Path | None = None,
    max_fails: int = 1,
    fail_timeout: int = 10,
) -> str:
    """The nginx config for these backends (``host:port`` each) on these listen addresses."""
    if not backends:
        raise ValueError("at least one backend is needed")
    for backend in backends:
        if not BACKEND.match(backend):
            raise ValueError(f"backend {backend!r} is not host:port")
    for address in listen:
        if not LISTEN.match(address):
            raise ValueError(f"listen address {address!r} is not [host:]port")
    if len(set(backends)) != len(backends):
        raise ValueError("a backend is listed twice")
    if run_dir is None:
        main = "pid /tmp/nginx.pid;\nerror_log stderr warn;"
        http = ""
        access = "/dev/stdout"
    else:
        run_dir = Path(run_dir).resolve()
        if any(c.isspace() or c in ";{}'\"" for c in str(run_dir)):
            raise ValueError(f"run dir {run_dir} has a character nginx would misread")
        main = f"pid {run_dir}/nginx.pid;\nerror_log {run_dir}/logs/error.log warn;"
        http = "".join(f"    {name}_temp_path {run_dir}/tmp/{name};\n" for name in TEMP_PATHS)
        access = f"{run_dir}/logs/access.log"
    servers = "\n".join(
        f"        server {backend} max_fails={max_fails} fail_timeout={fail_timeout}s;" for backend in backends
    )
    places = {
        "MAIN_PATHS": main,
        "HTTP_PATHS": http.rstrip("\n"),
        "ACCESS_LOG": access,
        "SERVERS": servers,
        "LISTEN": "\n".join(f"        listen {address};" for address in listen),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    if not http:
        text = text.replace("{{HTTP_PATHS}}\n", "")
    for name, value in places.items():
        text = text.replace("{{" + name + "}}", value)
    left = re.findall(r"\{\{\w+\}\}", text)
    if left:
        raise ValueError(f"the template has places nobody fills: {left}")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", action="append", required=True, help="host:port of one Streamlit process")
    parser.add_argument("--listen", action="append", help="[host:]port nginx listens on (default 8080)")
    parser.add_argument("--run-dir", type=Path, help="keep the pid, logs and temporary files under this directory")
    parser.add_argument("--max-fails", type=int, default=1)
    parser.add_argument("--fail-timeout", type=int, default=10, help="seconds a failed backend is left out")
    args = parser.parse_args(argv)
    try:
        text = render(args.backend, args.listen or ["8080"], args.run_dir, args.max_fails, args.fail_timeout)
    except ValueError as exc:
        parser.error(str(exc))
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
