"""The benchmark's pure parts: statistics and the article generator (no broker)."""

from __future__ import annotations

import orjson
import pytest

from bench.articles import MAX_PARAGRAPHS, MIN_PARAGRAPHS, generate, stamp
from bench.stats import (
    Outcome,
    latencies_ms,
    latency_summary,
    per_second,
    percentile,
    rss_summary,
    slope_per_minute,
    throughput,
)
from worker.coder import parse_article


def test_percentile_interpolates() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0) == 1
    assert percentile(values, 100) == 100
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile([3.0], 99) == 3.0


def test_throughput_and_latency_from_timestamps() -> None:
    outcomes = [Outcome(ts_ms=1000 + 10 * i, source_ts_ms=990 + 10 * i, events=2, paragraphs=20,
                        outcome="events") for i in range(101)]  # fmt: skip
    rates = throughput(outcomes)
    assert rates["seconds"] == pytest.approx(1.0)
    assert rates["articles_per_s"] == pytest.approx(100.0)
    assert rates["events_per_s"] == pytest.approx(200.0)
    assert rates["paragraphs_per_s"] == pytest.approx(2000.0)
    assert latency_summary(latencies_ms(outcomes))["p99_ms"] == pytest.approx(10.0)
    assert [c for _, c in per_second(outcomes)] == [100, 1]


def test_rss_slope_flat_and_growing() -> None:
    flat = [(t * 0.5, 120.0) for t in range(100)]
    growing = [(t * 0.5, 100.0 + t * 0.5) for t in range(100)]  # 1 MB/s
    assert slope_per_minute(flat) == 0.0
    assert slope_per_minute(growing) == pytest.approx(60.0)
    summary = rss_summary(growing)
    assert summary["peak_mb"] == pytest.approx(149.5)
    assert summary["steady_slope_mb_per_min"] == pytest.approx(60.0)


def test_generated_articles_are_valid_unique_and_sized() -> None:
    articles = generate(40, prefix="t")
    assert len({a.key for a in articles}) == 40
    for article in articles:
        assert MIN_PARAGRAPHS <= article.paragraphs <= MAX_PARAGRAPHS
        raw = stamp(article, "2026-01-01T00:00:00.000Z")
        parsed = parse_article(raw)
        assert parsed.id == article.key.decode()
        assert parsed.ingested_at == "2026-01-01T00:00:00.000Z"
        assert orjson.loads(raw)["source"] == "bench"
    assert generate(5, prefix="t") == articles[:5]  # deterministic for a seed
