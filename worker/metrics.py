"""Prometheus metrics of the worker: the one place that names them.

Names follow Prometheus conventions: ``news_events_`` prefix, ``_total`` for counters, base units.
Labels are bounded: outcome, event type (16), stage, reason (a short code), topic and partition.
Never put article ids or free text in a label.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, Info

ARTICLES = Counter(
    "news_events_articles",
    "Input articles fully handled, by outcome (events, no_events, dead_letter).",
    ["outcome"],
)
PARAGRAPHS = Counter("news_events_paragraphs", "Paragraphs segmented and classified.")
EVENTS_PUBLISHED = Counter(
    "news_events_events_published",
    "Events published to the events topic, by PLOVER event type.",
    ["event_type"],
)
DEAD_LETTERS = Counter(
    "news_events_dead_letters",
    "Messages sent to the dead-letter topic, by stage (decode, validate, classify, produce) and reason.",
    ["stage", "reason"],
)
RETRIES = Counter("news_events_retries", "Retries of transient failures, by stage.", ["stage"])
PRODUCER_ERRORS = Counter("news_events_producer_errors", "Failed sends to Kafka (before retry).", ["topic"])
CLASSIFICATION_SECONDS = Histogram(
    "news_events_classification_duration_seconds",
    "Time to segment and classify one article.",
    buckets=(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
)
END_TO_END_SECONDS = Histogram(
    "news_events_end_to_end_latency_seconds",
    "From the article's ingested_at (or the record timestamp) to publication of its outcome.",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
CONSUMER_LAG = Gauge(
    "news_events_consumer_lag_messages",
    "High-water mark minus committed offset of the worker's consumer group.",
    ["topic", "partition"],
)
LAST_RECORD_TIMESTAMP = Gauge(
    "news_events_last_processed_record_timestamp_seconds",
    "Kafka timestamp of the last record processed, per input partition.",
    ["topic", "partition"],
)
BUILD_INFO = Info("news_events_build", "Worker and classifier versions.")

# --- observability side: filled by worker.observability (lag collector, readiness) -------------------
TOPIC_END_OFFSET = Gauge(
    "news_events_topic_end_offset",
    "High-water mark (offset of the next record) of each partition the worker's group reads.",
    ["topic", "partition"],
)
COMMITTED_OFFSET = Gauge(
    "news_events_consumer_committed_offset",
    "Last offset committed by the worker's consumer group, per partition.",
    ["topic", "partition"],
)
LAG_COLLECTION_ERRORS = Counter(
    "news_events_lag_collection_errors", "Failed attempts to read the group's offsets from the broker."
)
LAG_LAST_SUCCESS = Gauge(
    "news_events_lag_last_success_timestamp_seconds",
    "Unix time of the last successful consumer-lag collection.",
)
READY = Gauge(
    "news_events_worker_ready", "1 while this worker has partitions assigned and is consuming, else 0."
)
