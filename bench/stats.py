"""Pure statistics over what the benchmark read back: throughput, percentiles, RSS slope."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Outcome:
    """One record of the outcomes topic, as the benchmark needs it."""

    ts_ms: int  # the outcome record's Kafka timestamp (LogAppendTime on the benchmark's topics)
    source_ts_ms: int | None  # the input record's timestamp (= ingested_at), copied by the worker
    events: int
    paragraphs: int
    outcome: str


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile ``q`` in [0, 100] of ``values`` (not empty)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    pos = (len(ordered) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def throughput(outcomes: Sequence[Outcome]) -> dict[str, float]:
    """Articles/s, events/s and paragraphs/s between the first and the last outcome timestamp."""
    if len(outcomes) < 2:
        return {"articles_per_s": 0.0, "events_per_s": 0.0, "paragraphs_per_s": 0.0, "seconds": 0.0}
    stamps = [o.ts_ms for o in outcomes]
    seconds = max((max(stamps) - min(stamps)) / 1000.0, 1e-3)
    # n outcomes span n-1 intervals: count all but the first article in the rate
    rest = len(outcomes) - 1
    scale = rest / len(outcomes)
    return {
        "articles_per_s": rest / seconds,
        "events_per_s": sum(o.events for o in outcomes) * scale / seconds,
        "paragraphs_per_s": sum(o.paragraphs for o in outcomes) * scale / seconds,
        "seconds": seconds,
    }


def latencies_ms(outcomes: Sequence[Outcome]) -> list[float]:
    return [float(o.ts_ms - o.source_ts_ms) for o in outcomes if o.source_ts_ms is not None]


def latency_summary(values: Sequence[float]) -> dict[str, float]:
    if not values:
        return {}
    return {
        "p50_ms": percentile(values, 50),
        "p95_ms": percentile(values, 95),
        "p99_ms": percentile(values, 99),
        "max_ms": max(values),
        "mean_ms": sum(values) / len(values),
    }


def per_second(outcomes: Sequence[Outcome]) -> list[tuple[float, int]]:
    """Outcomes per one-second bucket, seconds counted from the first outcome."""
    if not outcomes:
        return []
    start = min(o.ts_ms for o in outcomes)
    counts: dict[int, int] = {}
    for o in outcomes:
        bucket = (o.ts_ms - start) // 1000
        counts[bucket] = counts.get(bucket, 0) + 1
    return [(float(s), counts.get(s, 0)) for s in range(max(counts) + 1)]


def slope_per_minute(samples: Sequence[tuple[float, float]]) -> float:
    """Least-squares slope of ``(seconds, value)`` samples, in value units per minute."""
    if len(samples) < 2:
        return 0.0
    n = len(samples)
    mean_t = sum(t for t, _ in samples) / n
    mean_v = sum(v for _, v in samples) / n
    var = sum((t - mean_t) ** 2 for t, _ in samples)
    if var == 0:
        return 0.0
    cov = sum((t - mean_t) * (v - mean_v) for t, v in samples)
    return cov / var * 60.0


def rss_summary(samples: Sequence[tuple[float, float]], warmup_share: float = 0.25) -> dict[str, float]:
    """Peak RSS (MB) and the slope (MB/min) of the steady part (after ``warmup_share`` of the run)."""
    if not samples:
        return {}
    start = samples[0][0] + (samples[-1][0] - samples[0][0]) * warmup_share
    steady = [(t, v) for t, v in samples if t >= start]
    return {
        "peak_mb": max(v for _, v in samples),
        "steady_mean_mb": sum(v for _, v in steady) / len(steady),
        "steady_slope_mb_per_min": slope_per_minute(steady),
        "samples": float(len(samples)),
    }
