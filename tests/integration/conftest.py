"""Integration fixtures: one real local Kafka broker per test session, per-test topics and settings,
and the produce/consume helpers every integration test uses.

Broker: ``KAFKA_BOOTSTRAP_SERVERS`` if set (waited for, never started or stopped); otherwise
127.0.0.1:``TEST_KAFKA_PORT`` (else ``KAFKA_PORT``, else 9092), reused if something already answers
there, else started with ``deploy/kafka/local-kafka start`` and stopped at the end of the session
that started it.

Every test item under tests/integration/ gets the ``integration`` marker automatically.

    def test_x(kafka_settings, produce_values, consume_all):
        produce_values(kafka_settings.input_topic, [{"id": "a"}], keys=[b"a"])
        records = consume_all(kafka_settings.input_topic, expected=1)

    def test_y(make_settings):
        settings = make_settings(partitions=8, processing_guarantee="exactly_once")

    @pytest.mark.kafka_partitions(2)        # partitions of ``kafka_settings``'s topics
    def test_z(kafka_settings): ...
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import orjson
import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import KafkaError, TopicAlreadyExistsError

from worker.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCAL_KAFKA = REPO_ROOT / "deploy" / "kafka" / "local-kafka"
INTEGRATION_DIR = Path(__file__).resolve().parent
BROKER_WAIT_S = 90.0

Value = bytes | str | dict[str, Any] | list[Any] | None


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "kafka_partitions(n): partitions of the topics made by the kafka_settings fixture"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if INTEGRATION_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.integration)


# --- the broker --------------------------------------------------------------------------------


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1.0):
            return True
    except OSError:
        return False


def wait_for_broker(bootstrap: str, timeout_s: float = BROKER_WAIT_S) -> None:
    """Return once the broker answers a metadata request; fail the session after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            consumer = KafkaConsumer(bootstrap_servers=bootstrap, request_timeout_ms=5000)
            try:
                consumer.topics()
                return
            finally:
                consumer.close()
        except KafkaError as exc:  # NoBrokersAvailable while it boots
            last_error = exc
            time.sleep(0.5)
    pytest.fail(f"Kafka at {bootstrap} did not answer within {timeout_s:.0f}s: {last_error!r}")


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    """``host:port`` of a running broker, started by this session only if nothing listens."""
    configured = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "").strip()
    if configured:
        wait_for_broker(configured)
        yield configured
        return
    port = int(os.environ.get("TEST_KAFKA_PORT") or os.environ.get("KAFKA_PORT") or "9092")
    bootstrap = f"127.0.0.1:{port}"
    started_here = False
    if not port_open("127.0.0.1", port):
        env = {**os.environ, "KAFKA_PORT": str(port)}
        env.pop("KAFKA_CONTROLLER_PORT", None)
        done = subprocess.run(
            [str(LOCAL_KAFKA), "start"], env=env, capture_output=True, text=True, timeout=600, check=False
        )
        if done.returncode != 0:
            pytest.fail(f"local-kafka start on port {port} failed:\n{done.stdout}\n{done.stderr}")
        started_here = True
    wait_for_broker(bootstrap)
    try:
        yield bootstrap
    finally:
        if started_here:
            subprocess.run(
                [str(LOCAL_KAFKA), "stop"],
                env={**os.environ, "KAFKA_PORT": str(port)},
                capture_output=True,
                timeout=60,
                check=False,
            )


@pytest.fixture(scope="session")
def kafka_admin(kafka_bootstrap: str) -> Iterator[KafkaAdminClient]:
    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap, client_id="tests-admin")
    try:
        yield admin
    finally:
        admin.close()


# --- topics and settings ---------------------------------------------------------------------------


def unique_suffix() -> str:
    return uuid.uuid4().hex[:10]


def create_topics(admin: KafkaAdminClient, names: Sequence[str], partitions: int) -> None:
    """Create ``names`` (ignoring ones that exist) and wait until every partition has a leader."""
    # no time-based retention: tests produce records with historical timestamps (2024), which the
    # broker's periodic retention check would otherwise delete mid-test
    keep = {"retention.ms": "-1"}
    new = [NewTopic(n, partitions, 1, topic_configs=keep) for n in names]
    with contextlib.suppress(TopicAlreadyExistsError):
        admin.create_topics(new, timeout_ms=30_000)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        described = admin.describe_topics(list(names))
        ready = [
            t
            for t in described
            if t.get("error_code", 0) == 0
            and len(t.get("partitions", [])) == partitions
            and all(p.get("leader_id", -1) >= 0 for p in t["partitions"])
        ]
        if len(ready) == len(names):
            return
        time.sleep(0.2)
    raise TimeoutError(f"topics {list(names)} have no leaders after 30s")


def delete_topics(admin: KafkaAdminClient, names: Sequence[str]) -> None:
    """Best effort: a test that failed half-way must not fail its teardown too."""
    with contextlib.suppress(Exception):
        admin.delete_topics(list(names), timeout_ms=10_000, raise_errors=False)


class MakeSettings(Protocol):
    def __call__(self, partitions: int = ..., create: bool = ..., **overrides: Any) -> Settings: ...


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def make_settings(
    kafka_bootstrap: str, kafka_admin: KafkaAdminClient, tmp_path: Path
) -> Iterator[MakeSettings]:
    """Factory of ``Settings`` for this broker with unique topics, app id, data dir and ports.

    The four topics (input, events, outcomes, DLQ) are created with ``partitions`` partitions
    (``create=False`` skips that) and deleted at teardown. Keyword overrides win, e.g.
    ``make_settings(partitions=8, processing_guarantee="exactly_once")``.
    """
    created: list[str] = []

    def make(partitions: int = 4, create: bool = True, **overrides: Any) -> Settings:
        suffix = unique_suffix()
        values: dict[str, Any] = {
            "kafka_bootstrap_servers": kafka_bootstrap,
            "input_topic": f"test-articles-{suffix}",
            "events_topic": f"test-events-{suffix}",
            "outcomes_topic": f"test-outcomes-{suffix}",
            "dlq_topic": f"test-dlq-{suffix}",
            "topic_partitions": partitions,
            "app_id": f"test-app-{suffix}",
            "transactional_id": f"test-tx-{suffix}",
            "worker_data_dir": str(tmp_path / f"worker-{suffix}"),
            "metrics_host": "127.0.0.1",
            "metrics_port": free_port(),
            "web_port": free_port(),
        }
        values.update(overrides)
        # A clean environment: a developer's INPUT_TOPIC etc. must not leak into tests.
        settings = Settings.from_env({}, **values)
        if create:
            topics = [
                settings.input_topic,
                settings.events_topic,
                settings.outcomes_topic,
                settings.dlq_topic,
            ]
            created.extend(topics)
            create_topics(kafka_admin, topics, partitions)
        return settings

    yield make
    if created:
        delete_topics(kafka_admin, created)


@pytest.fixture
def kafka_settings(request: pytest.FixtureRequest, make_settings: MakeSettings) -> Settings:
    """Settings with fresh topics (4 partitions, or ``@pytest.mark.kafka_partitions(n)``)."""
    marker = request.node.get_closest_marker("kafka_partitions")
    partitions = int(marker.args[0]) if marker else 4
    return make_settings(partitions=partitions)


@pytest.fixture
def new_topic(kafka_admin: KafkaAdminClient) -> Iterator[Callable[..., str]]:
    """``new_topic(prefix="t", partitions=1) -> name``: a unique topic, deleted at teardown."""
    created: list[str] = []

    def make(prefix: str = "test", partitions: int = 1) -> str:
        name = f"{prefix}-{unique_suffix()}"
        created.append(name)
        create_topics(kafka_admin, [name], partitions)
        return name

    yield make
    if created:
        delete_topics(kafka_admin, created)


# --- producing and consuming -------------------------------------------------------------------------


def encode(value: Value) -> bytes | None:
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return orjson.dumps(value)


class ProduceValues(Protocol):
    def __call__(
        self,
        topic: str,
        values: Sequence[Value],
        keys: Sequence[bytes | str | None] | None = ...,
        timestamps: Sequence[int | None] | None = ...,
        headers: Sequence[list[tuple[str, bytes]] | None] | None = ...,
        partition: int | None = ...,
    ) -> list[Any]: ...


class ConsumeAll(Protocol):
    def __call__(
        self,
        topic: str,
        timeout: float = ...,
        isolation_level: str = ...,
        expected: int | None = ...,
    ) -> list[ConsumerRecord]: ...


@pytest.fixture(scope="session")
def kafka_producer(kafka_bootstrap: str) -> Iterator[KafkaProducer]:
    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all", linger_ms=0, client_id="tests")
    try:
        yield producer
    finally:
        producer.close(timeout=5)


@pytest.fixture
def produce_values(kafka_producer: KafkaProducer) -> ProduceValues:
    """``produce_values(topic, values, keys=None, timestamps=None, headers=None, partition=None)``.

    Values may be bytes, str (UTF-8) or JSON-able dicts/lists (orjson); ``keys`` bytes or str;
    ``timestamps`` epoch milliseconds. Sends in order, flushes, returns the ``RecordMetadata`` list.
    """

    def produce(
        topic: str,
        values: Sequence[Value],
        keys: Sequence[bytes | str | None] | None = None,
        timestamps: Sequence[int | None] | None = None,
        headers: Sequence[list[tuple[str, bytes]] | None] | None = None,
        partition: int | None = None,
    ) -> list[Any]:
        count = len(values)
        for name, given in (("keys", keys), ("timestamps", timestamps), ("headers", headers)):
            if given is not None and len(given) != count:
                raise ValueError(f"{name} has {len(given)} items for {count} values")
        futures = []
        for i, value in enumerate(values):
            key = keys[i] if keys is not None else None
            futures.append(
                kafka_producer.send(
                    topic,
                    value=encode(value),
                    key=key.encode("utf-8") if isinstance(key, str) else key,
                    timestamp_ms=timestamps[i] if timestamps is not None else None,
                    headers=headers[i] if headers is not None else None,
                    partition=partition,
                )
            )
        kafka_producer.flush(timeout=30)
        return [f.get(timeout=30) for f in futures]

    return produce


def read_topic(
    bootstrap: str,
    topic: str,
    timeout: float = 10.0,
    isolation_level: str = "read_committed",
    expected: int | None = None,
) -> list[ConsumerRecord]:
    """Every record of ``topic`` from the beginning, without a consumer group.

    Without ``expected``: reads up to the end offsets seen at the start (the last stable offset
    under read_committed) and returns. With ``expected``: keeps polling until that many records
    arrived (output of a worker still running). Either way stops after ``timeout`` seconds and
    returns what it has, ordered by partition then offset.
    """
    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        isolation_level=isolation_level,
        client_id="tests-reader",
    )
    records: list[ConsumerRecord] = []
    try:
        deadline = time.monotonic() + timeout
        partitions: set[int] | None = None
        while partitions is None and time.monotonic() < deadline:
            partitions = consumer.partitions_for_topic(topic)
            if partitions is None:
                time.sleep(0.2)
        if not partitions:
            return records
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps) if expected is None else {}
        while time.monotonic() < deadline:
            batch = consumer.poll(timeout_ms=200)
            for tp_records in batch.values():
                records.extend(tp_records)
            if expected is not None:
                if len(records) >= expected:
                    break
            elif all(consumer.position(tp) >= end[tp] for tp in tps):
                break
    finally:
        consumer.close()
    records.sort(key=lambda r: (r.partition, r.offset))
    return records


@pytest.fixture
def consume_all(kafka_bootstrap: str) -> ConsumeAll:
    """``consume_all(topic, timeout=10.0, isolation_level="read_committed", expected=None)``;
    see ``read_topic``. read_committed by default: aborted transactional records never show."""

    def consume(
        topic: str,
        timeout: float = 10.0,
        isolation_level: str = "read_committed",
        expected: int | None = None,
    ) -> list[ConsumerRecord]:
        return read_topic(kafka_bootstrap, topic, timeout, isolation_level, expected)

    return consume
