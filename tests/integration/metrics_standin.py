"""A stand-in for the worker while its subprocess fixture is not available: consumes a topic in a group,
counts each record as one published event, and serves the real observability endpoint and lag collector.

    python tests/integration/metrics_standin.py BOOTSTRAP TOPIC GROUP   (prints the metrics port, then runs)
"""

from __future__ import annotations

import signal
import sys

from kafka import KafkaConsumer

from worker import metrics
from worker.observability import set_ready, start_observability
from worker.settings import Settings


def main(bootstrap: str, topic: str, group: str) -> None:
    settings = Settings.from_env(
        {},
        kafka_bootstrap_servers=bootstrap,
        input_topic=topic,
        app_id=group,
        metrics_host="127.0.0.1",
        metrics_port=0,
    )
    port = start_observability(settings, lag_interval_s=1.0)
    print(port, flush=True)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    while not stopping:
        batches = consumer.poll(timeout_ms=300)
        set_ready(bool(consumer.assignment()))
        for tp, records in batches.items():
            for record in records:
                metrics.ARTICLES.labels("events").inc()
                metrics.EVENTS_PUBLISHED.labels("CONSULT").inc()
                metrics.LAST_RECORD_TIMESTAMP.labels(tp.topic, str(tp.partition)).set(record.timestamp / 1000)
        if batches:
            consumer.commit()
    set_ready(False)
    consumer.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
