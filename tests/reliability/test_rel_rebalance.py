"""Scenario 3: a second worker joins the group mid-stream and later leaves (SIGTERM). Nothing is lost,
both workers process part of the stream, and every input partition ends fully committed."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from conftest import collect, create_topics, duplicate_report, produce, scenario_settings
from hostile import good_messages
from kafka import KafkaConsumer, TopicPartition
from worker_fixtures import StartWorker, committed_offsets

pytestmark = [pytest.mark.reliability, pytest.mark.integration]

ARTICLES = int(os.environ.get("REL_REBALANCE_ARTICLES", "2000"))
STREAM_S = 20.0


def end_offsets(bootstrap: str, topic: str, partitions: int) -> dict[int, int]:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    try:
        ends = consumer.end_offsets([TopicPartition(topic, p) for p in range(partitions)])
        return {tp.partition: off for tp, off in ends.items()}
    finally:
        consumer.close()


@pytest.mark.parametrize("guarantee", ["at_least_once", "exactly_once"])
def test_worker_joins_and_leaves_mid_stream(
    kafka_bootstrap: str,
    start_worker: StartWorker,
    summary: Callable[[str, dict[str, Any]], None],
    guarantee: str,
) -> None:
    settings = scenario_settings(kafka_bootstrap, f"rebal-{guarantee[:2]}", processing_guarantee=guarantee)
    create_topics(settings)
    messages = [(m.key, m.value) for m in good_messages(ARTICLES, prefix=f"rb{guarantee[:2]}")]
    produced: dict[tuple[int, int], int] = {}
    producer = threading.Thread(
        target=lambda: produced.update(
            produce(kafka_bootstrap, settings.input_topic, messages, rate=ARTICLES / STREAM_S)
        )
    )
    producer.start()

    first = start_worker(settings, log_name="first")
    first.wait_ready(timeout=120)
    first.wait_metric("news_events_articles_total", ARTICLES // 10, timeout=120)
    joined = time.monotonic()
    second = start_worker(settings, log_name="second", TRANSACTIONAL_ID=settings.transactional_id + "-second")
    second.wait_ready(timeout=120)
    second_ready_s = time.monotonic() - joined
    second_done = second.wait_metric("news_events_articles_total", ARTICLES // 10, timeout=120)
    left = time.monotonic()
    code2, leave_s = second.terminate()
    producer.join(timeout=120)
    assert len(produced) == ARTICLES

    outputs = collect(settings, ARTICLES, timeout=240)
    missing = [src for src in produced if src not in outputs.by_source]
    dups = duplicate_report(outputs)
    ends = end_offsets(kafka_bootstrap, settings.input_topic, settings.topic_partitions)
    deadline = time.monotonic() + 30
    committed = committed_offsets(kafka_bootstrap, settings.app_id, settings.input_topic)
    while committed != ends and time.monotonic() < deadline:
        time.sleep(0.5)
        committed = committed_offsets(kafka_bootstrap, settings.app_id, settings.input_topic)
    first_done = first.metric("news_events_articles_total")
    drained_after_leave = time.monotonic() - left
    code1, _ = first.terminate()
    summary(
        f"3-rebalance-{guarantee}",
        {
            "inputs": ARTICLES,
            "rebalances": 2,
            "second_ready_after_join_s": round(second_ready_s, 1),
            "second_exit": code2,
            "second_leave_s": round(leave_s, 1),
            "processed_by_second": int(second_done),
            "processed_by_first": int(first_done),
            "lost": len(missing),
            "duplicate_outcomes": dups["duplicate_outcomes"],
            "duplicate_events": dups["duplicate_events"],
            "conflicting_duplicates": dups["conflicting_duplicates"],
            "dead_letters": len(outputs.dead_letters),
            "partitions_fully_committed": sum(committed.get(p) == e for p, e in ends.items()),
            "partitions": settings.topic_partitions,
            "drained_after_leave_s": round(drained_after_leave, 1),
        },
    )
    assert not missing, f"{len(missing)} lost\n{first.log_tail()}"
    assert code2 == 0 and code1 == 0
    assert committed == ends, (committed, ends)
    assert dups["conflicting_duplicates"] == 0 and outputs.dead_letters == []
    if guarantee == "exactly_once":
        assert dups["duplicate_outcomes"] == 0 and dups["duplicate_events"] == 0, dups
