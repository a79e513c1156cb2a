"""A real Prometheus server scrapes a worker every second; its HTTP API then shows the event rate and
the consumer-lag series."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import worker_fixtures
from kafka import KafkaProducer
from worker_fixtures import StartWorker

from worker.coder.version import CLASSIFIER_NAME, CLASSIFIER_VERSION
from worker.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.prometheus]
start_worker = worker_fixtures.start_worker  # the real `news-events worker` subprocess fixture

PROMETHEUS = shutil.which("prometheus") or "/usr/bin/prometheus"
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "articles.jsonl"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=5) as resp:
        return orjson.loads(resp.read())


@pytest.fixture
def settings(make_settings: Any) -> Settings:
    """Fresh input, events, outcomes and DLQ topics (2 partitions) and a unique group."""
    settings: Settings = make_settings(partitions=2)
    return settings


@pytest.fixture
def worker_metrics_port(start_worker: StartWorker, settings: Settings) -> int:
    """The real `news-events worker` subprocess, ready (partitions assigned); its metrics port."""
    worker = start_worker(settings, log_name="prometheus-worker")
    worker.wait_ready(timeout=90)
    return int(worker.metrics_port)


@pytest.fixture
def prometheus_url(worker_metrics_port: int, tmp_path: Path) -> Iterator[str]:
    if not Path(PROMETHEUS).exists():
        if os.environ.get("CI"):
            pytest.fail("no prometheus binary in CI: deploy/install-system-deps installs Debian's prometheus")
        pytest.skip("no prometheus binary (apt-get install prometheus); CI fails instead of skipping")
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


def _articles(n: int) -> list[bytes]:
    article = orjson.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    return [orjson.dumps({**article, "id": f"{article['id']}-{i}"}) for i in range(n)]


def test_prometheus_sees_event_rate_and_lag(settings: Settings, prometheus_url: str) -> None:
    _wait_for(prometheus_url, 'up{job="news-events"}', lambda r: r and r[0]["value"][1] == "1")
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap_servers)
    articles = _articles(12)
    for batch in (articles[:4], articles[4:8], articles[8:]):  # over several scrapes: rate() sees growth
        for value in batch:
            producer.send(settings.input_topic, value=value)
        producer.flush(30)
        time.sleep(1.5)
    producer.close()

    rate = _wait_for(
        prometheus_url,
        "sum(rate(news_events_events_published_total[30s]))",
        lambda r: bool(r) and float(r[0]["value"][1]) > 0,
    )
    assert float(rate[0]["value"][1]) > 0
    topic = settings.input_topic
    lag = _wait_for(
        prometheus_url,
        f'news_events_consumer_lag_messages{{topic="{topic}"}}',
        lambda r: len(r) == settings.topic_partitions,
    )
    assert {series["metric"]["partition"] for series in lag} == {"0", "1"}
    # everything produced gets consumed and committed: the lag drains to zero
    _wait_for(
        prometheus_url,
        f'sum(news_events_consumer_lag_messages{{topic="{topic}"}})',
        lambda r: bool(r) and float(r[0]["value"][1]) == 0,
    )
    (build,) = _query(prometheus_url, "news_events_build_info")
    assert build["metric"]["classifier_name"] == CLASSIFIER_NAME
    assert build["metric"]["classifier_version"] == CLASSIFIER_VERSION
