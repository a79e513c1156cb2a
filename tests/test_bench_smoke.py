"""Smoke test of the benchmark (``python -m bench --smoke``): ~50 articles through every phase on the
real broker; asserts only that it completes and writes a result with the expected keys (not a timing)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.integration


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return True
    except OSError:
        return False


def _free_port_pair() -> int:
    """A free port whose successor (the broker's controller port) is free too."""
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port < 65535 and not _port_open(port + 1):
            return port
    raise RuntimeError("no free port pair")


def _broker_args() -> list[str]:
    """The tests' broker when one answers (as the integration fixtures find it), else a broker of the
    benchmark's own on a free port."""
    configured = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "").strip()
    if configured:
        return ["--bootstrap", configured]
    port = int(os.environ.get("TEST_KAFKA_PORT") or os.environ.get("KAFKA_PORT") or "9092")
    if _port_open(port):
        return ["--bootstrap", f"127.0.0.1:{port}"]
    return ["--kafka-port", str(_free_port_pair())]


def test_bench_smoke_writes_a_complete_result(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KAFKA_BOOTSTRAP_SERVERS"}
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--articles", "50", "--results-dir", str(tmp_path),
         *_broker_args()],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    results = list(tmp_path.glob("*.json"))
    assert len(results) == 1
    doc = orjson.loads(results[0].read_bytes())
    for key in ("date", "machine", "versions", "config", "coder", "worker", "replay", "ceiling",
                "two_workers", "paced", "ratio_worker_to_ceiling", "ratio_replay_to_worker",
                "goals"):  # fmt: skip
        assert key in doc, key
    assert doc["smoke"] is True
    for phase in ("worker", "replay", "ceiling", "two_workers", "paced"):
        assert doc[phase]["complete"], phase
        assert doc[phase]["articles_per_s"] > 0, phase
    for key in ("p50_ms", "p95_ms", "p99_ms"):
        assert key in doc["paced"]["latency"]
    assert doc["paced"]["rss"]["peak_mb"] > 0
    assert doc["replay"]["exit_code"] == 0
    assert doc["replay"]["rss"][0]["peak_mb"] > 0
    assert doc["coder"]["articles_per_s"] > 0
    assert set(doc["goals"]) == {
        "ratio_to_ceiling", "worker_articles_per_s", "paced_p99_ms", "rss_peak_mb", "rss_slope_mb_per_min",
        "replay_to_worker",
    }  # fmt: skip
