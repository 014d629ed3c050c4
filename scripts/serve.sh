#!/usr/bin/env bash
# N processes of the page behind one nginx on this machine, without containers:
#   bash scripts/serve.sh 2 8080        # then open http://localhost:8080
# Starts N `streamlit run app.py` on free loopback ports, renders deploy/nginx.conf.template
# into a run directory (never into /etc) and runs Debian's nginx from there (-p/-c: its pid,
# logs and temporary files all stay in the run directory). Ctrl-C or SIGTERM stops everything.
#   SERVE_RUN_DIR=DIR   keep the run directory (config, logs, backends.txt) there, not in a
#                       temporary directory removed on exit
#   SERVE_HOST=ADDR     the address nginx listens on (default 127.0.0.1; 0.0.0.0 for the network)
# It installs Debian's nginx with apt-get if /usr/sbin/nginx is missing (as root or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: bash scripts/serve.sh N [PORT]   (N processes, 1-32; PORT default 8080)" >&2; exit 2; }
N=${1:-2}
PORT=${2:-8080}
if ! [[ $N =~ ^[0-9]+$ ]] || ((N < 1 || N > 32)); then usage; fi
if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then usage; fi
N=$((10#$N)) PORT=$((10#$PORT))
HOST=${SERVE_HOST:-127.0.0.1}
NGINX=/usr/sbin/nginx
if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi

if [ ! -x "$NGINX" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "== installing Debian's nginx"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q nginx >/dev/null
fi

if [ -n "${SERVE_RUN_DIR:-}" ]; then
  RUN_DIR=$SERVE_RUN_DIR
  KEEP_RUN_DIR=1
  mkdir -p "$RUN_DIR"
else
  RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/timeline-serve.XXXXXX")
  KEEP_RUN_DIR=0
fi
RUN_DIR=$(cd "$RUN_DIR" && pwd)
mkdir -p "$RUN_DIR/logs" "$RUN_DIR/tmp"
# nginx's workers run as an unprivileged user when it is started as root: they must reach
# the temporary directories (nginx creates and hands them over) through the run directory.
chmod 755 "$RUN_DIR" "$RUN_DIR/tmp"
rm -f "$RUN_DIR/ready" "$RUN_DIR/backends.txt"

PIDS=()
NGINX_PID=""
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
  trap - EXIT INT TERM
  local pid
  if [ -n "$NGINX_PID" ]; then kill -TERM "$NGINX_PID" 2>/dev/null || true; fi
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # Ten seconds to stop on their own, then they are killed.
  for _ in $(seq 50); do
    local alive=0
    for pid in $NGINX_PID "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in $NGINX_PID "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -f "$RUN_DIR/ready"
  if [ "$KEEP_RUN_DIR" = 0 ]; then rm -rf "$RUN_DIR"; fi
  echo "== stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Plotly.js into static/ once, before N processes would each copy it on their first page.
"$PYTHON" -c "from app_pages.timeline_chart import ensure_plotly_js; ensure_plotly_js()"

# N free loopback ports (asked of the kernel, all at once so they differ).
read -r -a PORTS <<<"$("$PYTHON" - "$N" <<'EOF'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
)"

BACKENDS=()
for p in "${PORTS[@]}"; do
  "$PYTHON" -m streamlit run app.py \
    --server.port="$p" --server.address=127.0.0.1 \
    --server.headless=true --server.fileWatcherType=none --browser.gatherUsageStats=false \
    >"$RUN_DIR/logs/streamlit-$p.log" 2>&1 &
  PIDS+=("$!")
  BACKENDS+=("127.0.0.1:$p")
  echo "127.0.0.1:$p $!" >>"$RUN_DIR/backends.txt"
done

ARGS=(--listen "$HOST:$PORT" --run-dir "$RUN_DIR")
for b in "${BACKENDS[@]}"; do ARGS+=(--backend "$b"); done
"$PYTHON" deploy/nginx_conf.py "${ARGS[@]}" >"$RUN_DIR/nginx.conf"
"$NGINX" -q -t -p "$RUN_DIR" -e "$RUN_DIR/logs/error.log" -c "$RUN_DIR/nginx.conf"
"$NGINX" -p "$RUN_DIR" -e "$RUN_DIR/logs/error.log" -c "$RUN_DIR/nginx.conf" -g "daemon off;" &
NGINX_PID=$!

# healthy HOST PORT: Streamlit's health endpoint answers 200 (bash's /dev/tcp, no curl needed).
# shellcheck disable=SC2016  # the inner script expands its own arguments
healthy() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2" &&
    printf "GET /_stcore/health HTTP/1.0\r\nHost: %s:%s\r\n\r\n" "$1" "$2" >&3 && head -n1 <&3' _ "$1" "$2" \
    2>/dev/null | grep -q " 200 "
}

deadline=$((SECONDS + 120))
# wait_healthy HOST PORT PID LOG WHAT: until HOST:PORT answers /_stcore/health, or PID has exited
# (show the end of LOG), or the deadline has passed.
wait_healthy() {
  until healthy "$1" "$2"; do
    if ! kill -0 "$3" 2>/dev/null; then
      echo "$5 exited:" >&2
      tail -n 20 "$4" >&2
      exit 1
    fi
    if ((SECONDS > deadline)); then echo "$5 did not answer on $1:$2 in 120 s" >&2; exit 1; fi
    sleep 0.3
  done
}
for i in "${!PORTS[@]}"; do
  wait_healthy 127.0.0.1 "${PORTS[$i]}" "${PIDS[$i]}" "$RUN_DIR/logs/streamlit-${PORTS[$i]}.log" "streamlit on port ${PORTS[$i]}"
done
CHECK_HOST=$HOST
if [ "$HOST" = 0.0.0.0 ]; then CHECK_HOST=127.0.0.1; fi
wait_healthy "$CHECK_HOST" "$PORT" "$NGINX_PID" "$RUN_DIR/logs/error.log" nginx

touch "$RUN_DIR/ready"
if ((N == 1)); then WHAT="1 process"; else WHAT="$N processes"; fi
echo "== $WHAT (${BACKENDS[*]}) behind nginx, run files in $RUN_DIR"
echo "== open http://localhost:$PORT  (Ctrl-C stops everything)"

# Runs until nginx stops or a signal arrives. A backend that dies is not restarted: nginx
# sends its readers to the others (this is what tests/test_deploy.py checks).
wait "$NGINX_PID" || true
NGINX_PID=""
echo "nginx stopped:" >&2
tail -n 20 "$RUN_DIR/logs/error.log" >&2
exit 1
