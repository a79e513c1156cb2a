"""A real Prometheus server scrapes a worker every second; its HTTP API then shows the event rate and
the consumer-lag series."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic

pytestmark = [pytest.mark.integration, pytest.mark.prometheus]

PROMETHEUS = shutil.which("prometheus") or "/usr/bin/prometheus"
STANDIN = Path(__file__).with_name("metrics_standin.py")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as resp:
        return orjson.loads(resp.read())


@pytest.fixture
def topic(kafka_bootstrap: str) -> Iterator[str]:
    name = f"prom-in-{uuid.uuid4().hex[:8]}"
    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap, client_id="test-prometheus")
    admin.create_topics([NewTopic(name, 2, 1)])
    try:
        yield name
    finally:
        admin.delete_topics([name])
        admin.close()


@pytest.fixture
def worker_metrics_port(kafka_bootstrap: str, topic: str) -> Iterator[int]:
    """A process consuming ``topic`` and serving the worker's /metrics; yields its port."""
    group = f"prom-group-{uuid.uuid4().hex[:8]}"
    proc = subprocess.Popen(
        [sys.executable, str(STANDIN), kafka_bootstrap, topic, group],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        yield int(proc.stdout.readline())
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def prometheus_url(worker_metrics_port: int, tmp_path: Path) -> Iterator[str]:
    if not Path(PROMETHEUS).exists():
        pytest.skip("no prometheus binary (apt-get install prometheus)")
    config = tmp_path / "prometheus.yml"
    config.write_text(
        "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
        "scrape_configs:\n  - job_name: news-events\n"
        f"    static_configs:\n      - targets: ['127.0.0.1:{worker_metrics_port}']\n",
        encoding="utf-8",
    )
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path / "prometheus.log").open("wb")
    proc = subprocess.Popen(
        [
            PROMETHEUS,
            f"--config.file={config}",
            f"--storage.tsdb.path={tmp_path / 'data'}",
            f"--web.listen-address=127.0.0.1:{port}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/-/ready", timeout=2).close()
                break
            except OSError:
                assert proc.poll() is None, (tmp_path / "prometheus.log").read_text()
                assert time.monotonic() < deadline, "prometheus did not become ready"
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _query(url: str, expr: str) -> list[dict[str, Any]]:
    doc = _get_json(f"{url}/api/v1/query?" + urllib.parse.urlencode({"query": expr}))
    assert doc["status"] == "success", doc
    return list(doc["data"]["result"])


def _wait_for(url: str, expr: str, accept: Any, timeout_s: float = 60) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout_s
    while True:
        result = _query(url, expr)
        if accept(result):
            return result
        assert time.monotonic() < deadline, f"{expr} never satisfied; last {result}"
        time.sleep(1)


def test_prometheus_sees_event_rate_and_lag(kafka_bootstrap: str, topic: str, prometheus_url: str) -> None:
    _wait_for(prometheus_url, 'up{job="news-events"}', lambda r: r and r[0]["value"][1] == "1")
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap)
    for _ in range(4):  # spread over a few scrapes so rate() has two differing samples
        for i in range(10):
            producer.send(topic, value=b'{"i": %d}' % i, partition=i % 2)
        producer.flush(30)
        time.sleep(1)
    producer.close()

    rate = _wait_for(
        prometheus_url,
        "sum(rate(news_events_events_published_total[30s]))",
        lambda r: bool(r) and float(r[0]["value"][1]) > 0,
    )
    assert float(rate[0]["value"][1]) > 0
    lag = _wait_for(
        prometheus_url,
        f'news_events_consumer_lag_messages{{topic="{topic}"}}',
        lambda r: len(r) == 2,
    )
    assert {series["metric"]["partition"] for series in lag} == {"0", "1"}
    # everything produced gets consumed and committed: the lag drains to zero
    _wait_for(
        prometheus_url,
        f'sum(news_events_consumer_lag_messages{{topic="{topic}"}})',
        lambda r: bool(r) and float(r[0]["value"][1]) == 0,
    )
    (build,) = _query(prometheus_url, "news_events_build_info")
    assert build["metric"]["classifier"] == "news-events-plover-rules"
