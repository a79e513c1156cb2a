"""Consumer lag: committed offsets of the worker's group against each partition's high-water mark.

``PartitionOffsets`` and ``partition_offsets`` are pure; ``GroupOffsetsReader`` asks the broker (kafka-python,
same connection settings as the worker); ``LagCollector`` is a daemon thread that refreshes the lag gauges
every few seconds and never lets a broker problem reach the worker.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from worker import metrics
from worker.observability.kafka_client import kafka_python_config
from worker.settings import Settings

log = logging.getLogger(__name__)

TopicPartitionKey = tuple[str, int]
BOOTSTRAP_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class PartitionOffsets:
    topic: str
    partition: int
    committed: int | None  # None: the group never committed on this partition
    beginning: int
    end: int

    @property
    def lag(self) -> int:
        """Records the group still has to consume (from the log start when it never committed)."""
        position = self.beginning if self.committed is None else max(self.committed, self.beginning)
        return max(0, self.end - position)


def partition_offsets(
    committed: Mapping[TopicPartitionKey, int],
    beginning: Mapping[TopicPartitionKey, int],
    end: Mapping[TopicPartitionKey, int],
) -> list[PartitionOffsets]:
    """Join the three offset maps into rows sorted by topic and partition (negative commits = none)."""
    rows = []
    for key in sorted(end):
        topic, partition = key
        offset = committed.get(key)
        rows.append(
            PartitionOffsets(
                topic=topic,
                partition=partition,
                committed=offset if offset is not None and offset >= 0 else None,
                beginning=beginning.get(key, 0),
                end=end[key],
            )
        )
    return rows


class GroupOffsetsReader:
    """Reads committed, beginning and end offsets with one admin client and one group-less consumer."""

    def __init__(self, settings: Settings, client_id: str = "news-events-observability") -> None:
        from kafka import KafkaAdminClient, KafkaConsumer

        config = kafka_python_config(settings, client_id)
        self._admin: Any = KafkaAdminClient(**_supported(KafkaAdminClient, config))
        self._consumer: Any = KafkaConsumer(
            group_id=None, enable_auto_commit=False, **_supported(KafkaConsumer, config)
        )

    def close(self) -> None:
        for client in (self._consumer, self._admin):
            try:
                client.close()
            except Exception:  # closing is best effort
                log.debug("closing kafka client failed", exc_info=True)

    def committed(self, group: str, attempts: int = 10) -> dict[TopicPartitionKey, int]:
        """The group's committed offsets; retries retriable errors (a new broker's coordinator warming up)."""
        for attempt in range(attempts):
            try:
                offsets = self._list_group_offsets(group)
                return {(tp.topic, tp.partition): int(meta.offset) for tp, meta in offsets.items()}
            except Exception as exc:
                if not getattr(exc, "retriable", False) or attempt == attempts - 1:
                    raise
                time.sleep(0.5)
        raise AssertionError("unreachable")

    def _list_group_offsets(self, group: str) -> dict[Any, Any]:
        if hasattr(self._admin, "list_group_offsets"):  # kafka-python >= 3
            return dict(self._admin.list_group_offsets({group: None}).get(group, {}))
        return dict(self._admin.list_consumer_group_offsets(group))

    def partitions(self, topics: Iterable[str]) -> list[Any]:
        from kafka import TopicPartition

        known = self._consumer.topics()  # refreshes metadata: partition counts may grow
        found = []
        for topic in sorted(set(topics)):
            if topic not in known:
                continue
            for partition in sorted(self._consumer.partitions_for_topic(topic) or ()):
                found.append(TopicPartition(topic, partition))
        return found

    def end_offsets(self, topics: Iterable[str]) -> dict[TopicPartitionKey, int]:
        tps = self.partitions(topics)
        if not tps:
            return {}
        return {(tp.topic, tp.partition): int(o) for tp, o in self._consumer.end_offsets(tps).items()}

    def group_offsets(self, group: str, topics: Sequence[str] = ()) -> list[PartitionOffsets]:
        """Offsets of every partition of ``topics`` and of every topic the group committed on."""
        committed = self.committed(group)
        tps = self.partitions(set(topics) | {topic for topic, _ in committed})
        if not tps:
            return []
        end = self._consumer.end_offsets(tps)
        beginning = self._consumer.beginning_offsets(tps)
        return partition_offsets(
            committed,
            {(tp.topic, tp.partition): int(o) for tp, o in beginning.items()},
            {(tp.topic, tp.partition): int(o) for tp, o in end.items()},
        )


def _supported(client: Any, config: dict[str, Any]) -> dict[str, Any]:
    """Fail fast on an unreachable broker where the kafka-python version allows it (3.x)."""
    if "bootstrap_timeout_ms" in getattr(client, "DEFAULT_CONFIG", {}):
        return {**config, "bootstrap_timeout_ms": BOOTSTRAP_TIMEOUT_MS}
    return config


ReaderFactory = Callable[[Settings], GroupOffsetsReader]


def publish_lag(rows: Sequence[PartitionOffsets], previous: set[TopicPartitionKey]) -> set[TopicPartitionKey]:
    """Set the lag gauges from ``rows``; drop series of partitions no longer seen. Returns the keys set."""
    current = set()
    for row in rows:
        labels = (row.topic, str(row.partition))
        metrics.CONSUMER_LAG.labels(*labels).set(row.lag)
        metrics.TOPIC_END_OFFSET.labels(*labels).set(row.end)
        if row.committed is not None:
            metrics.COMMITTED_OFFSET.labels(*labels).set(row.committed)
        current.add((row.topic, row.partition))
    for topic, partition in previous - current:
        for gauge in (metrics.CONSUMER_LAG, metrics.TOPIC_END_OFFSET, metrics.COMMITTED_OFFSET):
            with contextlib.suppress(KeyError):
                gauge.remove(topic, str(partition))
    return current


class LagCollector:
    """Background thread polling the group's lag every ``interval_s`` seconds."""

    def __init__(
        self,
        settings: Settings,
        interval_s: float = 5.0,
        reader_factory: ReaderFactory = GroupOffsetsReader,
    ) -> None:
        self._settings = settings
        self._interval_s = interval_s
        self._reader_factory = reader_factory
        self._reader: GroupOffsetsReader | None = None
        self._keys: set[TopicPartitionKey] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="news-events-lag", daemon=True)
        self._failures = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout_s)

    def collect_once(self) -> list[PartitionOffsets]:
        if self._reader is None:
            self._reader = self._reader_factory(self._settings)
        rows = self._reader.group_offsets(self._settings.app_id, [self._settings.input_topic])
        self._keys = publish_lag(rows, self._keys)
        metrics.LAG_LAST_SUCCESS.set(time.time())
        return rows

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.collect_once()
                self._failures = 0
            except Exception as exc:
                self._failures += 1
                metrics.LAG_COLLECTION_ERRORS.inc()
                # one warning per streak of failures, details at DEBUG
                level = logging.WARNING if self._failures == 1 else logging.DEBUG
                log.log(level, "consumer lag collection failed: %r", exc, exc_info=level == logging.DEBUG)
                self._close_reader()
            self._stop.wait(self._interval_s)
        self._close_reader()

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
