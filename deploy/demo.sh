#!/usr/bin/env bash
# End-to-end demo (`make run`): local broker, topics, the worker in the background, the sample
# article in, the coded events out. The worker and the broker keep running afterwards so the
# metrics can be looked at; `make stop` (deploy/demo.sh stop) stops both.
#
# Environment: KAFKA_PORT (default 9092), METRICS_PORT (default 9464), WEB_PORT (default 6066),
# DEMO_WAIT (seconds without a new event before the printout ends, default 15).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

export KAFKA_PORT="${KAFKA_PORT:-9092}"
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
export METRICS_HOST="${METRICS_HOST:-127.0.0.1}"
export METRICS_PORT="${METRICS_PORT:-9464}"
export WEB_PORT="${WEB_PORT:-6066}"
DEMO_WAIT="${DEMO_WAIT:-15}"

DEMO_DIR="$REPO/var/demo"
WORKER_PID="$DEMO_DIR/worker.pid"
WORKER_LOG="$DEMO_DIR/worker.log"
CLI="$REPO/.venv/bin/news-events"
LOCAL_KAFKA="$REPO/deploy/kafka/local-kafka"
EVENTS_TOPIC="${EVENTS_TOPIC:-events.v1}"

say() { printf '\n==> %s\n' "$*"; }

worker_pid() {
    [[ -f "$WORKER_PID" ]] || return 1
    local pid
    pid="$(cat "$WORKER_PID")"
    kill -0 "$pid" 2>/dev/null || return 1
    echo "$pid"
}

stop_worker() {
    local pid
    if ! pid="$(worker_pid)"; then
        rm -f "$WORKER_PID"
        echo "demo worker: not running"
        return 0
    fi
    echo "demo worker: stopping (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$WORKER_PID"
}

start_worker() {
    local pid
    if pid="$(worker_pid)"; then
        echo "worker already running (pid $pid); log: $WORKER_LOG"
        return 0
    fi
    mkdir -p "$DEMO_DIR"
    # setsid: the worker outlives this script and the terminal's Ctrl-C; `make stop` ends it.
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$WORKER_PID" "$CLI" worker \
        >"$WORKER_LOG" 2>&1 </dev/null &
    local waited=0
    while [[ ! -s "$WORKER_PID" ]] && ((waited < 50)); do sleep 0.1; waited=$((waited + 1)); done
    echo "worker started (pid $(cat "$WORKER_PID")); log: $WORKER_LOG"
}

wait_worker_ready() {
    # /readyz answers 200 once the worker has its input partitions.
    local deadline=$((SECONDS + 90))
    while ((SECONDS < deadline)); do
        if ! worker_pid >/dev/null; then
            echo "the worker exited; last lines of $WORKER_LOG:" >&2
            tail -n 30 "$WORKER_LOG" >&2
            exit 1
        fi
        if curl -fsS -o /dev/null "http://127.0.0.1:$METRICS_PORT/readyz" 2>/dev/null; then
            return 0
        fi
        sleep 0.5
    done
    echo "the worker was not ready after 90s; last lines of $WORKER_LOG:" >&2
    tail -n 30 "$WORKER_LOG" >&2
    exit 1
}

demo() {
    [[ -x "$CLI" ]] || { echo "run 'make venv' first (no $CLI)" >&2; exit 1; }

    say "Kafka broker on $KAFKA_BOOTSTRAP_SERVERS"
    "$LOCAL_KAFKA" start

    say "Topics"
    "$CLI" topics create

    say "Worker"
    start_worker
    wait_worker_ready

    say "Producing samples/articles.jsonl"
    "$CLI" produce samples/articles.jsonl

    say "Events on $EVENTS_TOPIC (stops after ${DEMO_WAIT}s without a new one)"
    # A named group remembers what the demo already showed: a rerun prints only new events.
    "$CLI" consume --topic "$EVENTS_TOPIC" --pretty --from-beginning --group news-events-demo-viewer \
        --max-wait "$DEMO_WAIT"

    local env_prefix=""
    if [[ "$KAFKA_PORT" != 9092 ]]; then env_prefix="KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS "; fi
    local stop_cmd="make stop"
    if [[ "$KAFKA_PORT" != 9092 ]]; then stop_cmd="KAFKA_PORT=$KAFKA_PORT make stop"; fi
    cat <<EOF

The worker keeps running in the background (log: ${WORKER_LOG#"$REPO"/}).
  metrics:  http://127.0.0.1:$METRICS_PORT/metrics   (curl -s http://127.0.0.1:$METRICS_PORT/metrics | grep news_events)
  events:   ${env_prefix}.venv/bin/news-events consume --topic $EVENTS_TOPIC --pretty --from-beginning
  status:   ${env_prefix}.venv/bin/news-events status
  more:     ${env_prefix}.venv/bin/news-events produce --count 100 samples/articles.jsonl
  stop:     $stop_cmd   (worker and broker)
EOF
}

case "${1:-run}" in
    run) demo ;;
    stop)
        stop_worker
        "$LOCAL_KAFKA" stop
        ;;
    *)
        echo "usage: $0 [run|stop]" >&2
        exit 2
        ;;
esac
