"""`news-events status` against the real local broker: lag from committed offsets, DLQ counts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator

import orjson
import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.structs import OffsetAndMetadata

pytestmark = pytest.mark.integration


@pytest.fixture
def topics(kafka_bootstrap: str) -> Iterator[tuple[str, str]]:
    suffix = uuid.uuid4().hex[:8]
    names = (f"status-in-{suffix}", f"status-dlq-{suffix}")
    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap, client_id="test-status")
    admin.create_topics([NewTopic(name, 2, 1) for name in names])
    try:
        yield names
    finally:
        admin.delete_topics(list(names))
        admin.close()


def _produce(bootstrap: str, topic: str, counts: dict[int, int]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap)
    for partition, n in counts.items():
        for i in range(n):
            producer.send(topic, value=b'{"n": %d}' % i, partition=partition)
    producer.flush(30)
    producer.close()


def _commit(bootstrap: str, group: str, offsets: dict[TopicPartition, int]) -> None:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    consumer.assign(list(offsets))
    consumer.commit({tp: OffsetAndMetadata(o, "", -1) for tp, o in offsets.items()})
    consumer.close()


def _status(bootstrap: str, dlq: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "DLQ_TOPIC": dlq}
    return subprocess.run(
        [sys.executable, "-m", "worker", "status", "--interval", "0.2", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_status_shows_lag_and_dead_letters(kafka_bootstrap: str, topics: tuple[str, str]) -> None:
    topic, dlq = topics
    group = f"status-group-{uuid.uuid4().hex[:8]}"
    _produce(kafka_bootstrap, topic, {0: 10, 1: 6})
    _produce(kafka_bootstrap, dlq, {0: 2, 1: 1})
    _commit(kafka_bootstrap, group, {TopicPartition(topic, 0): 4, TopicPartition(topic, 1): 6})

    result = _status(kafka_bootstrap, dlq, "--group", group, "--topic", topic, "--json")
    assert result.returncode == 0, result.stderr
    doc = orjson.loads(result.stdout)
    rows = {(p["topic"], p["partition"]): (p["committed"], p["end"], p["lag"]) for p in doc["partitions"]}
    assert rows == {(topic, 0): (4, 10, 6), (topic, 1): (6, 6, 0)}
    assert doc["total_lag"] == 6
    assert doc["group"] == group
    assert doc["dead_letters"] == {"topic": dlq, "total": 3, "partitions": {"0": 2, "1": 1}}

    table = _status(kafka_bootstrap, dlq, "--group", group, "--topic", topic)
    assert table.returncode == 0, table.stderr
    assert f"consumer group {group}" in table.stdout
    assert re.search(r"^total lag +6$", table.stdout, re.M)
    assert re.search(r"^dead letters +3 in ", table.stdout, re.M)


def test_status_without_commits_counts_from_log_start(kafka_bootstrap: str, topics: tuple[str, str]) -> None:
    topic, dlq = topics
    _produce(kafka_bootstrap, topic, {1: 5})
    result = _status(kafka_bootstrap, dlq, "--group", "never-committed", "--topic", topic, "--json")
    assert result.returncode == 0, result.stderr
    doc = orjson.loads(result.stdout)
    rows = [(p["partition"], p["committed"], p["lag"]) for p in doc["partitions"]]
    assert rows == [(0, None, 0), (1, None, 5)]


def test_status_reports_unreachable_broker() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "worker", "status", "--interval", "0"],
        env={**os.environ, "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
