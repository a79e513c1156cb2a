"""Blocking kafka-python clients for the replay and offset tools (a CLI, not the asyncio worker).

Everything here talks to the broker; the decisions live in ``plan``, ``state`` and ``reset``.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterable
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.admin import NewTopic
from kafka.errors import CoordinatorNotAvailableError, TopicAlreadyExistsError

from worker.replay.state import Committed
from worker.settings import Settings
from worker.stream.kafka_config import aiokafka_kwargs, kafka_python_kwargs

log = logging.getLogger("worker.replay")

TIMEOUT_MS = 30_000


def client_options(settings: Settings) -> dict[str, Any]:
    """Connection and security options (SASL/TLS) for kafka-python clients, shared with the worker."""
    return kafka_python_kwargs(settings)


def quiet_kafka_logs(level: str) -> None:
    """kafka-python and aiokafka log every connection at INFO: keep it to warnings unless we debug."""
    if level.upper() != "DEBUG":
        for name in ("kafka", "aiokafka"):
            logging.getLogger(name).setLevel(logging.WARNING)


def make_admin(settings: Settings) -> KafkaAdminClient:
    return KafkaAdminClient(client_id="news-events-admin", **client_options(settings))


def make_consumer(settings: Settings, group: str | None) -> KafkaConsumer:
    """A consumer for manual assignment (``assign`` + ``seek``): it never joins the group, it only commits
    offsets to it, so it cannot disturb any other member."""
    return KafkaConsumer(
        group_id=group,
        client_id="news-events-replay",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
        max_poll_records=500,
        allow_auto_create_topics=False,  # looking at a missing topic must not create it
        **client_options(settings),
    )


def make_async_consumer(settings: Settings, group: str) -> AIOKafkaConsumer:
    """The replay's reader (aiokafka, like the live worker): manual assignment, commits to ``group``
    without ever joining it, so no other member is disturbed."""
    return AIOKafkaConsumer(
        group_id=group,
        client_id="news-events-replay",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
        **aiokafka_kwargs(settings),
    )


def make_async_producer(settings: Settings) -> AIOKafkaProducer:
    """Batched, idempotent producer: a batch's sends are in flight together, awaited once.

    aiokafka rather than kafka-python here: on this hot path it sends several times faster.
    """
    return AIOKafkaProducer(
        client_id="news-events-replay",
        acks="all",
        enable_idempotence=True,
        linger_ms=20,
        max_batch_size=256 * 1024,
        **aiokafka_kwargs(settings),
    )


def partitions_of(consumer: KafkaConsumer, topic: str) -> list[int]:
    found = consumer.partitions_for_topic(topic)
    if not found:
        raise LookupError(f"topic {topic!r} does not exist")
    return sorted(found)


def topic_exists(consumer: KafkaConsumer, topic: str) -> bool:
    return bool(consumer.partitions_for_topic(topic))


def watermarks(
    consumer: KafkaConsumer, topic: str, partitions: Iterable[int]
) -> tuple[dict[int, int], dict[int, int]]:
    tps = [TopicPartition(topic, p) for p in partitions]
    low = consumer.beginning_offsets(tps, timeout_ms=TIMEOUT_MS)
    high = consumer.end_offsets(tps, timeout_ms=TIMEOUT_MS)
    return {tp.partition: o for tp, o in low.items()}, {tp.partition: o for tp, o in high.items()}


def offsets_for_time(
    consumer: KafkaConsumer, topic: str, partitions: Iterable[int], ms: int
) -> dict[int, int | None]:
    """First offset per partition whose record timestamp is >= ``ms`` (None: no such record)."""
    found = consumer.offsets_for_times(
        {TopicPartition(topic, p): ms for p in partitions}, timeout_ms=TIMEOUT_MS
    )
    return {tp.partition: (None if ot is None else ot.offset) for tp, ot in found.items()}


def committed_offsets(
    admin: KafkaAdminClient, group: str, topic: str | None = None
) -> dict[str, dict[int, Committed]]:
    """The group's committed offsets, by topic then partition."""
    answer = admin.list_group_offsets({group: None}).get(group, {})
    out: dict[str, dict[int, Committed]] = {}
    for tp, om in answer.items():
        if om is None or om.offset is None or om.offset < 0 or (topic is not None and tp.topic != topic):
            continue
        out.setdefault(tp.topic, {})[tp.partition] = Committed(om.offset, om.metadata or "")
    return out


def active_members(admin: KafkaAdminClient, group: str) -> tuple[str, int]:
    """The group's state and number of members (a group that never existed: ``("Dead", 0)``)."""
    for attempt in range(10):
        try:
            described = admin.describe_groups([group]).get(group, {})
            break
        except CoordinatorNotAvailableError:  # e.g. __consumer_offsets still being created
            if attempt == 9:
                raise
            time.sleep(0.5)
    state = str(described.get("group_state") or described.get("state") or "Dead")
    return state, len(described.get("members") or [])


def ensure_topics(
    admin: KafkaAdminClient, names: Iterable[str], partitions: int, replication: int
) -> list[str]:
    """Create the topics that do not exist yet; returns the names created."""
    existing = set(admin.list_topics())
    missing = sorted({n for n in names if n not in existing})
    if not missing:
        return []
    with contextlib.suppress(TopicAlreadyExistsError):  # a concurrent creator won the race
        admin.create_topics(
            [NewTopic(n, num_partitions=partitions, replication_factor=replication) for n in missing],
            timeout_ms=TIMEOUT_MS,
        )
    log.info("created topics %s (%d partitions)", missing, partitions)
    return missing
