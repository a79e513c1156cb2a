"""The observability endpoint, readiness and the pure parts of lag collection (no broker needed)."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import orjson
import pytest

from worker import metrics, observability
from worker.observability.lag import LagCollector, PartitionOffsets, partition_offsets, publish_lag
from worker.observability.server import ObservabilityServer
from worker.observability.status import Sample, compare, render_table, scrape_counters, to_json
from worker.settings import Settings


def _get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type", ""), err.read().decode()


@pytest.fixture
def running() -> Iterator[int]:
    settings = Settings.from_env({}, metrics_host="127.0.0.1", metrics_port=0)
    port = observability.start_observability(settings, collect_lag=False)
    observability.set_ready(False)
    yield port
    observability.set_ready(False)
    observability.stop_observability()


def test_metrics_endpoint_serves_prometheus_text(running: int) -> None:
    metrics.PARAGRAPHS.inc()
    status, content_type, body = _get(f"http://127.0.0.1:{running}/metrics")
    assert status == 200
    assert content_type.startswith("text/plain")
    assert "news_events_paragraphs_total " in body
    assert 'news_events_build_info{classifier_name="news-events-plover-rules"' in body
    assert "_created" not in body


def test_healthz_always_ok_and_readyz_follows_set_ready(running: int) -> None:
    base = f"http://127.0.0.1:{running}"
    assert _get(base + "/healthz")[0] == 200
    assert _get(base + "/readyz")[0] == 503
    observability.set_ready(True)
    assert observability.is_ready()
    assert _get(base + "/readyz")[0] == 200
    assert "news_events_worker_ready 1.0" in _get(base + "/metrics")[2]
    observability.set_ready(False)
    assert _get(base + "/readyz")[0] == 503
    assert _get(base + "/nope")[0] == 404


def test_start_is_idempotent(running: int) -> None:
    settings = Settings.from_env({}, metrics_host="127.0.0.1", metrics_port=0)
    assert observability.start_observability(settings, collect_lag=False) == running


def test_openmetrics_on_request() -> None:
    server = ObservabilityServer("127.0.0.1", 0, lambda: True)
    server.start()
    try:
        req = urllib.request.Request(
            f"http://127.0.0.1:{server.port}/metrics", headers={"Accept": "application/openmetrics-text"}
        )
        with urllib.request.urlopen(req, timeout=5) as resp:
            assert resp.headers["Content-Type"].startswith("application/openmetrics-text")
            assert resp.read().decode().rstrip().endswith("# EOF")
    finally:
        server.stop()


def test_lag_counts_from_commit_or_log_start() -> None:
    assert PartitionOffsets("t", 0, committed=7, beginning=0, end=10).lag == 3
    assert PartitionOffsets("t", 0, committed=None, beginning=4, end=10).lag == 6
    # retention deleted records past the commit: only what is still in the log counts
    assert PartitionOffsets("t", 0, committed=2, beginning=5, end=10).lag == 5
    assert PartitionOffsets("t", 0, committed=10, beginning=0, end=10).lag == 0


def test_partition_offsets_joins_and_sorts() -> None:
    rows = partition_offsets(
        committed={("a", 1): 5, ("a", 0): -1},
        beginning={("a", 0): 0, ("a", 1): 0},
        end={("a", 1): 9, ("a", 0): 3},
    )
    assert [(r.partition, r.committed, r.lag) for r in rows] == [(0, None, 3), (1, 5, 4)]


def _lag_samples() -> dict[tuple[str, str], float]:
    return {
        (s.labels["topic"], s.labels["partition"]): s.value
        for fam in metrics.CONSUMER_LAG.collect()
        for s in fam.samples
        if s.labels.get("topic", "").startswith("obs-test")
    }


def test_publish_lag_sets_and_drops_series() -> None:
    first = [
        PartitionOffsets("obs-test", 0, committed=1, beginning=0, end=4),
        PartitionOffsets("obs-test", 1, committed=None, beginning=0, end=2),
    ]
    keys = publish_lag(first, set())
    assert _lag_samples() == {("obs-test", "0"): 3.0, ("obs-test", "1"): 2.0}
    publish_lag([PartitionOffsets("obs-test", 0, committed=4, beginning=0, end=4)], keys)
    assert _lag_samples() == {("obs-test", "0"): 0.0}
    publish_lag([], {("obs-test", 0)})
    assert _lag_samples() == {}


class _FakeReader:
    def __init__(self, fail: bool) -> None:
        self.fail = fail
        self.closed = False

    def group_offsets(self, group: str, topics: list[str]) -> list[PartitionOffsets]:
        if self.fail:
            raise ConnectionError("broker down")
        return [PartitionOffsets("obs-test-collector", 0, committed=2, beginning=0, end=5)]

    def close(self) -> None:
        self.closed = True


def test_collector_survives_broker_errors() -> None:
    readers: list[_FakeReader] = []

    def factory(settings: Settings) -> _FakeReader:
        readers.append(_FakeReader(fail=len(readers) == 0))
        return readers[-1]

    errors_before = metrics.LAG_COLLECTION_ERRORS._value.get()
    collector = LagCollector(Settings.from_env({}), interval_s=0.01, reader_factory=factory)  # type: ignore[arg-type]
    collector.start()
    try:
        for _ in range(200):
            if ("obs-test-collector", "0") in {
                (s.labels["topic"], s.labels["partition"])
                for fam in metrics.CONSUMER_LAG.collect()
                for s in fam.samples
            }:
                break
            time.sleep(0.01)
    finally:
        collector.stop()
    assert metrics.LAG_COLLECTION_ERRORS._value.get() >= errors_before + 1
    assert readers[0].closed  # a failed reader is dropped and rebuilt
    assert metrics.CONSUMER_LAG.labels("obs-test-collector", "0")._value.get() == 3
    publish_lag([], {("obs-test-collector", 0)})


# --- news-events status: pure comparison and rendering ---------------------------------------------


def _sample(at: float, committed: int | None, end: int, dlq: dict[int, int]) -> Sample:
    return Sample(at, [PartitionOffsets("articles.raw", 0, committed, 0, end)], dlq)


def test_status_rates_from_offset_growth() -> None:
    status = compare("g", "dlq", _sample(10.0, 10, 50, {}), _sample(12.0, 30, 60, {0: 2, 1: 1}))
    assert status.consumed_per_s == 10.0
    assert status.input_per_s == 5.0
    assert status.total_lag == 30
    assert status.total_dead_letters == 3
    table = render_table(status)
    assert "articles.raw" in table and "30" in table and "10.0/s" in table and "p0=2, p1=1" in table
    doc = orjson.loads(to_json(status))
    assert doc["partitions"][0] == {
        "topic": "articles.raw",
        "partition": 0,
        "committed": 30,
        "beginning": 0,
        "end": 60,
        "lag": 30,
    }
    assert doc["rate"]["source"] == "offsets"
    assert doc["dead_letters"] == {"topic": "dlq", "total": 3, "partitions": {"0": 2, "1": 1}}


def test_status_rates_from_metrics_counters() -> None:
    before = Sample(0.0, [], {}, articles_total=100.0, events_total=300.0)
    after = Sample(4.0, [], {}, articles_total=120.0, events_total=340.0)
    status = compare("g", "dlq", before, after)
    assert (status.rate_source, status.consumed_per_s, status.events_per_s) == ("metrics", 5.0, 10.0)
    assert "no partitions" in render_table(status)
    assert "topic missing" in render_table(status)


def test_scrape_counters_sums_labels(running: int) -> None:
    metrics.ARTICLES.labels("events").inc(2)
    metrics.ARTICLES.labels("no_events").inc(1)
    articles, _events = scrape_counters(f"http://127.0.0.1:{running}/metrics")
    assert articles >= 3
