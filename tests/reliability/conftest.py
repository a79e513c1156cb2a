"""Fixtures for the fault-injection scenarios: brokers started by ``deploy/kafka/local-kafka`` on
ports of their own, per-test topics, bulk production, reading every output back, and the JSON summary
(``var/reliability/summary.json``) that ``docs/reliability.md`` quotes.

Ports: ``RELIABILITY_KAFKA_PORT`` (default 28092) is the shared broker of this folder, started with a SASL
listener on port+2; the broker-restart scenario uses its own broker on port+200 so stopping it never
touches anyone else's. Both stay below the kernel's ephemeral range (32768-60999): a client that keeps
reconnecting to a stopped broker on an ephemeral port can connect to itself and steal the port.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "integration"))

from worker_fixtures import read_topic, start_worker  # noqa: E402, F401 (fixture re-exported)

from worker.settings import Settings  # noqa: E402

LOCAL_KAFKA = REPO / "deploy" / "kafka" / "local-kafka"
SUMMARY = REPO / "var" / "reliability" / "summary.json"
SASL_USERNAME = "news-events"
SASL_PASSWORD = "rel-secret-Zq8wP3"  # test-only credential of the local broker


def base_port() -> int:
    return int(os.environ.get("RELIABILITY_KAFKA_PORT", "28092"))


def broker_env(port: int, sasl: bool = False) -> dict[str, str]:
    env = {**os.environ, "KAFKA_PORT": str(port)}
    if sasl:
        env.update(KAFKA_SASL="1", KAFKA_SASL_USERNAME=SASL_USERNAME, KAFKA_SASL_PASSWORD=SASL_PASSWORD)
    return env


def local_kafka(action: str, port: int, *, sasl: bool = False, timeout: float = 180) -> str:
    args = [str(LOCAL_KAFKA), action] + (["--sasl"] if sasl and action == "start" else [])
    done = subprocess.run(
        args, env=broker_env(port, sasl), capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"local-kafka {action} on {port} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


class Broker:
    """A broker on ``port`` owned by this test session (stopped at the end if we started it)."""

    def __init__(self, port: int, *, sasl: bool = False) -> None:
        self.port = port
        self.sasl = sasl
        self.bootstrap = f"127.0.0.1:{port}"
        self.sasl_bootstrap = f"127.0.0.1:{port + 2}"
        self.started_here = False

    def running(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1.0):
                return True
        except OSError:
            return False

    def start(self) -> None:
        if not self.running():
            self.started_here = True
        local_kafka("start", self.port, sasl=self.sasl)

    def stop(self) -> None:
        local_kafka("stop", self.port)


@pytest.fixture(scope="session")
def broker() -> Iterator[Broker]:
    """The folder's broker (PLAINTEXT on RELIABILITY_KAFKA_PORT, SASL_PLAINTEXT SCRAM-SHA-512/PLAIN on +2)."""
    b = Broker(base_port(), sasl=True)
    b.start()
    yield b
    if b.started_here and not os.environ.get("TEST_KAFKA_KEEP"):
        b.stop()


@pytest.fixture(scope="session")
def kafka_bootstrap(broker: Broker) -> str:
    return broker.bootstrap


# --- topics and traffic ----------------------------------------------------------------------------


def scenario_settings(bootstrap: str, name: str, **overrides: Any) -> Settings:
    """Settings of one scenario: its own topics and consumer group, small batches, quick retries."""
    suffix = uuid.uuid4().hex[:6]
    values: dict[str, Any] = {
        "kafka_bootstrap_servers": bootstrap,
        "input_topic": f"rel-{name}-in-{suffix}",
        "events_topic": f"rel-{name}-events-{suffix}",
        "outcomes_topic": f"rel-{name}-outcomes-{suffix}",
        "dlq_topic": f"rel-{name}-dlq-{suffix}",
        "app_id": f"rel-{name}-{suffix}",
        "topic_partitions": 4,
        "batch_size": 100,
        "commit_interval_s": 0.5,
        "retry_backoff_s": 0.1,
        "shutdown_timeout_s": 5.0,
        "web_port": 0,
        "metrics_host": "127.0.0.1",
        "transactional_id": f"rel-{name}-{suffix}-eos",
        "transaction_timeout_ms": 10_000,
    }
    values.update(overrides)
    return Settings.from_env({}, **values)


def create_topics(settings: Settings, names: list[str] | None = None) -> None:
    admin = KafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers, client_id="rel-admin")
    try:
        wanted = names or [
            settings.input_topic,
            settings.events_topic,
            settings.outcomes_topic,
            settings.dlq_topic,
        ]
        admin.create_topics([NewTopic(n, settings.topic_partitions, 1) for n in wanted])
    finally:
        admin.close()


def produce(
    bootstrap: str, topic: str, messages: list[tuple[bytes | None, bytes]], *, rate: float = 0.0
) -> dict[tuple[int, int], int]:
    """Send ``(key, value)`` pairs in order (``rate`` per second if > 0); (partition, offset) -> index."""
    producer = KafkaProducer(
        bootstrap_servers=bootstrap, acks="all", linger_ms=10, max_request_size=1_048_576
    )
    futures = []
    started = time.monotonic()
    try:
        for n, (key, value) in enumerate(messages):
            futures.append(
                producer.send(topic, key=key, value=value, partition=n % 4 if key is None else None)
            )
            if rate:
                ahead = started + n / rate - time.monotonic()
                if ahead > 0:
                    time.sleep(ahead)
        producer.flush(60)
        where = {}
        for n, fut in enumerate(futures):
            meta = fut.get(timeout=30)
            where[(meta.partition, meta.offset)] = n
        return where
    finally:
        producer.close()


@dataclass
class Outputs:
    """Everything the worker published for one scenario, read back with read_committed."""

    outcomes: list[Any]
    events: list[Any]
    dead_letters: list[Any]
    by_source: dict[tuple[int, int], list[dict[str, Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for rec in self.outcomes:
            body = json.loads(rec.value)
            src = body["source"]
            self.by_source.setdefault((src["partition"], src["offset"]), []).append(body)


def collect(
    settings: Settings, expected: int, *, timeout: float = 120.0, read_committed: bool = True
) -> Outputs:
    """Read outcomes until ``expected`` distinct inputs have one (or ``timeout``), then events and DLQ."""
    bootstrap = settings.kafka_bootstrap_servers

    seen: set[tuple[int, int]] = set()
    done = 0

    def complete(records: list[Any]) -> bool:
        nonlocal done
        for rec in records[done:]:
            src = json.loads(rec.value)["source"]
            seen.add((src["partition"], src["offset"]))
        done = len(records)
        return len(seen) >= expected

    outcomes = read_topic(
        bootstrap, settings.outcomes_topic, until=complete, timeout=timeout, read_committed=read_committed
    )
    events = read_topic(bootstrap, settings.events_topic, timeout=30, idle=2.0, read_committed=read_committed)
    letters = read_topic(bootstrap, settings.dlq_topic, timeout=30, idle=2.0, read_committed=read_committed)
    return Outputs(outcomes, events, letters)


def duplicate_report(outputs: Outputs) -> dict[str, int]:
    """Counts of repeated outcomes / event ids, and of repeated ids whose content differs."""
    event_ids: dict[str, bytes] = {}
    dup_events = conflicting = 0
    for rec in outputs.events:
        event = json.loads(rec.value)
        eid = event["event_id"]
        if eid in event_ids:
            dup_events += 1
            if _stable(event_ids[eid]) != _stable(rec.value):
                conflicting += 1
        else:
            event_ids[eid] = rec.value
    dup_outcomes = sum(len(v) - 1 for v in outputs.by_source.values())
    return {
        "duplicate_outcomes": dup_outcomes,
        "duplicate_events": dup_events,
        "conflicting_duplicates": conflicting,
        "distinct_events": len(event_ids),
    }


_VOLATILE = ("processed_at", "coded_at", "emitted_at", "produced_at")


def _stable(value: bytes) -> dict[str, Any]:
    """An event without the fields that legitimately change when it is produced again (timestamps)."""
    data: dict[str, Any] = json.loads(value)
    return {k: v for k, v in data.items() if k not in _VOLATILE}


# --- summary ---------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def summary() -> Iterator[Callable[[str, dict[str, Any]], None]]:
    """``summary(scenario, figures)`` records one scenario's figures; written to SUMMARY at the end."""
    results: dict[str, Any] = {}

    def record(scenario: str, figures: dict[str, Any]) -> None:
        results[scenario] = figures

    yield record
    if results:
        SUMMARY.parent.mkdir(parents=True, exist_ok=True)
        old: dict[str, Any] = {}
        if SUMMARY.exists():
            try:
                old = json.loads(SUMMARY.read_text())
            except ValueError:
                old = {}
        old.update(results)
        old["_written_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        SUMMARY.write_text(json.dumps(old, indent=2, sort_keys=True) + "\n")


def rss_kib(pid: int) -> int:
    """Resident set size of ``pid`` in KiB (0 if gone)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


class RssSampler:
    """Samples the RSS of ``pid`` every 0.2 s in a thread, from the moment it is made until ``stop()``."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.baseline = rss_kib(pid)
        self.samples: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(rss_kib(self.pid))
            time.sleep(0.2)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak(self) -> int:
        return max(self.samples, default=self.baseline)
