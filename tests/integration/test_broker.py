"""The local broker works with both Python clients we use, including transactions."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


def test_kafka_python_round_trip(
    new_topic: Callable[..., str], produce_values: Callable[..., Any], consume_all: Callable[..., Any]
) -> None:
    topic = new_topic("broker-kp", partitions=2)
    values = [{"n": i} for i in range(10)]
    keys = [f"k{i}" for i in range(10)]
    metadata = produce_values(topic, values, keys=keys, timestamps=[1_700_000_000_000 + i for i in range(10)])
    assert len(metadata) == 10

    records = consume_all(topic, timeout=20)

    assert sorted(r.value for r in records) == sorted(f'{{"n":{i}}}'.encode() for i in range(10))
    assert {r.key for r in records} == {k.encode() for k in keys}
    assert min(r.timestamp for r in records) == 1_700_000_000_000


def test_aiokafka_round_trip(kafka_bootstrap: str, new_topic: Callable[..., str]) -> None:
    topic = new_topic("broker-aio")

    async def run() -> list[bytes]:
        producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
        await producer.start()
        try:
            for i in range(5):
                await producer.send_and_wait(topic, f"m{i}".encode(), key=b"k")
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(
            topic,
            bootstrap_servers=kafka_bootstrap,
            group_id=f"test-broker-{uuid.uuid4().hex[:8]}",
            auto_offset_reset="earliest",
        )
        await consumer.start()
        got: list[bytes] = []
        try:
            async with asyncio.timeout(30):
                async for message in consumer:
                    got.append(message.value)
                    if len(got) == 5:
                        break
            await consumer.commit()
        finally:
            await consumer.stop()
        return got

    assert asyncio.run(run()) == [f"m{i}".encode() for i in range(5)]


def test_transactions_committed_visible_aborted_not(
    kafka_bootstrap: str, new_topic: Callable[..., str], consume_all: Callable[..., Any]
) -> None:
    topic = new_topic("broker-tx")

    async def run() -> None:
        producer = AIOKafkaProducer(
            bootstrap_servers=kafka_bootstrap, transactional_id=f"test-broker-tx-{uuid.uuid4().hex[:8]}"
        )
        await producer.start()
        try:
            async with producer.transaction():
                await producer.send_and_wait(topic, b"committed-1")
                await producer.send_and_wait(topic, b"committed-2")
            await producer.begin_transaction()
            await producer.send_and_wait(topic, b"aborted")
            await producer.abort_transaction()
        finally:
            await producer.stop()

    asyncio.run(run())

    committed = consume_all(topic, timeout=20, isolation_level="read_committed")
    everything = consume_all(topic, timeout=20, isolation_level="read_uncommitted")

    assert [r.value for r in committed] == [b"committed-1", b"committed-2"]
    assert [r.value for r in everything] == [b"committed-1", b"committed-2", b"aborted"]
