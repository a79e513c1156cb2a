"""Prometheus accounting of delivered inputs (the metric objects live in ``worker.metrics``)."""

from __future__ import annotations

import time
from collections.abc import Iterable

from worker.metrics import (
    ARTICLES,
    CLASSIFICATION_SECONDS,
    DEAD_LETTERS,
    END_TO_END_SECONDS,
    EVENTS_PUBLISHED,
    LAST_RECORD_TIMESTAMP,
    PARAGRAPHS,
)
from worker.stream.delivery import Item


def account(items: Iterable[Item]) -> None:
    """Count the inputs of a batch whose outputs have all been published."""
    now = time.time()
    last_ts: dict[tuple[str, int], int] = {}
    for item in items:
        p = item.processed
        ARTICLES.labels(outcome=p.outcome_name).inc()
        if p.paragraphs:
            PARAGRAPHS.inc(p.paragraphs)
        for event_type in p.event_types:
            EVENTS_PUBLISHED.labels(event_type=event_type).inc()
        if p.dead_letter is not None:
            DEAD_LETTERS.labels(stage=p.stage or "unknown", reason=p.reason or "unknown").inc()
        if p.classification_seconds:
            CLASSIFICATION_SECONDS.observe(p.classification_seconds)
        if p.origin_ts is not None:
            END_TO_END_SECONDS.observe(max(0.0, now - p.origin_ts))
        if item.source.timestamp_ms is not None:
            last_ts[(item.source.topic, item.source.partition)] = item.source.timestamp_ms
    for (topic, partition), ts in last_ts.items():
        LAST_RECORD_TIMESTAMP.labels(topic=topic, partition=str(partition)).set(ts / 1000.0)
