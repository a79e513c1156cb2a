"""The benchmark's broker plumbing: the local broker (``deploy/kafka/local-kafka``), topics, pre-loading,
the paced producer, and reading the outcomes topic back."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from aiokafka import AIOKafkaProducer
from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

from bench.articles import REPO, BenchArticle, stamp
from bench.stats import Outcome

LOCAL_KAFKA = REPO / "deploy" / "kafka" / "local-kafka"
MAX_REQUEST = 8 * 1024 * 1024


class Broker:
    """A broker started (and later stopped) by this run through the project's script."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.bootstrap = f"127.0.0.1:{port}"
        self.started = False

    def _script(self, action: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "KAFKA_PORT": str(self.port)}
        return subprocess.run(
            [str(LOCAL_KAFKA), action], env=env, text=True, capture_output=True, check=False, timeout=180
        )

    def start(self) -> None:
        result = self._script("start")
        if result.returncode != 0:
            raise RuntimeError(f"broker did not start: {result.stderr.strip()[-2000:]}")
        self.started = "already running" not in result.stdout
        if not self.started:
            raise RuntimeError(f"a broker already runs on port {self.port}; pass --bootstrap to use it")

    def stop(self) -> None:
        if self.started:
            self._script("stop")
            self.started = False


def kafka_version() -> str:
    libs = REPO / ".cache" / "kafka" / "libs"
    for jar in sorted(libs.glob("kafka_2.13-*.jar")):
        return jar.name.removeprefix("kafka_2.13-").removesuffix(".jar")
    return "unknown"


def create_topics(bootstrap: str, names: dict[str, str], partitions: int) -> None:
    """Create ``names`` (role -> topic); outcomes and events topics stamp LogAppendTime."""
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="bench-admin")
    try:
        topics = []
        for role, name in names.items():
            config = {"retention.ms": str(6 * 3600 * 1000)}
            if role in ("outcomes", "events"):
                config["message.timestamp.type"] = "LogAppendTime"
            topics.append(NewTopic(name, partitions, 1, topic_configs=config))
        admin.create_topics(topics, timeout_ms=30_000)
    finally:
        admin.close()


def delete_topics(bootstrap: str, names: Sequence[str]) -> None:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="bench-admin")
    try:
        admin.delete_topics(list(names), timeout_ms=30_000)
    except Exception:  # best effort: the run's results do not depend on it
        pass
    finally:
        admin.close()


def iso_ms(epoch_ms: int) -> str:
    return datetime.fromtimestamp(epoch_ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _producer(bootstrap: str, linger_ms: int) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", linger_ms=linger_ms, max_request_size=MAX_REQUEST
    )


async def preload(bootstrap: str, topic: str, articles: Sequence[BenchArticle]) -> float:
    """Send every article (ingested_at and record timestamp = now); returns the seconds it took."""
    producer = _producer(bootstrap, linger_ms=20)
    await producer.start()
    started = time.perf_counter()
    try:
        futures: list[Any] = []
        for article in articles:
            now = int(time.time() * 1000)
            value = stamp(article, iso_ms(now))
            futures.append(await producer.send(topic, value, key=article.key, timestamp_ms=now))
            if len(futures) >= 2000:
                await asyncio.gather(*futures)
                futures.clear()
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return time.perf_counter() - started


async def paced(
    bootstrap: str, topic: str, articles: Sequence[BenchArticle], rate: float
) -> dict[str, float]:
    """Offer ``articles`` at ``rate`` per second (ticks of 10 ms); returns the achieved rate."""
    producer = _producer(bootstrap, linger_ms=1)
    await producer.start()
    sent = 0
    started = time.perf_counter()
    futures: list[Any] = []
    try:
        while sent < len(articles):
            due = min(len(articles), int((time.perf_counter() - started) * rate) + 1)
            while sent < due:
                article = articles[sent]
                now = int(time.time() * 1000)
                value = stamp(article, iso_ms(now))
                futures.append(await producer.send(topic, value, key=article.key, timestamp_ms=now))
                sent += 1
            if len(futures) >= 1000:
                await asyncio.gather(*futures)
                futures.clear()
            await asyncio.sleep(0.01)
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    seconds = time.perf_counter() - started
    return {"offered_articles": float(sent), "seconds": seconds, "achieved_rate": sent / seconds}


def _end_offsets(consumer: KafkaConsumer, topic: str) -> dict[TopicPartition, int]:
    partitions = consumer.partitions_for_topic(topic) or set()  # fetches metadata when unknown
    ends: dict[TopicPartition, int] = consumer.end_offsets([TopicPartition(topic, p) for p in partitions])
    return ends


async def wait_for_count(bootstrap: str, topic: str, expected: int, *, stall_s: float) -> int:
    """Poll the end offsets of ``topic`` every 0.5 s until ``expected`` records are there, or none
    arrive for ``stall_s`` seconds. Returns the count reached."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, client_id="bench-watch")
    try:
        count, last, last_change = 0, -1, time.monotonic()
        while True:
            ends = await asyncio.to_thread(_end_offsets, consumer, topic)
            count = sum(ends.values())
            if count >= expected:
                return count
            if count != last:
                last, last_change = count, time.monotonic()
            elif time.monotonic() - last_change > stall_s:
                return count
            await asyncio.sleep(0.5)
    finally:
        consumer.close()


def _read_outcomes(bootstrap: str, topic: str) -> list[Outcome]:
    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap,
        client_id="bench-read",
        enable_auto_commit=False,
        max_partition_fetch_bytes=MAX_REQUEST,
    )
    out: list[Outcome] = []
    try:
        ends = _end_offsets(consumer, topic)
        consumer.assign(list(ends))
        consumer.seek_to_beginning()
        remaining = {tp for tp, end in ends.items() if end > 0}
        deadline = time.monotonic() + 300
        while remaining and time.monotonic() < deadline:
            for tp, records in consumer.poll(timeout_ms=1000, max_records=5000).items():
                for record in records:
                    doc = orjson.loads(record.value)
                    out.append(
                        Outcome(
                            ts_ms=record.timestamp,
                            source_ts_ms=(doc.get("source") or {}).get("timestamp"),
                            events=int(doc.get("events") or 0),
                            paragraphs=int(doc.get("paragraphs") or 0),
                            outcome=str(doc.get("outcome")),
                        )
                    )
                    if record.offset + 1 >= ends[tp]:
                        remaining.discard(tp)
    finally:
        consumer.close()
    return out


async def read_outcomes(bootstrap: str, topic: str) -> list[Outcome]:
    """Every record of the outcomes topic, from the beginning to the current end."""
    return await asyncio.to_thread(_read_outcomes, bootstrap, topic)
