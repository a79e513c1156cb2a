"""Batch delivery: retries of transient failures, produce-stage dead letters, no silent loss."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError, MessageSizeTooLargeError

from worker.settings import Settings
from worker.stream.deadletter import ERROR_REASON, ERROR_STAGE
from worker.stream.delivery import DeliveryError, Item, deliver
from worker.stream.processing import process_record
from worker.stream.records import OutRecord, SourceRecord, header
from worker.stream.retry import backoff_s, is_transient

SETTINGS = Settings.from_env({}, outcomes_topic="out", dlq_topic="dlq", max_retries=2, retry_backoff_s=0.001)
GOOD = b'{"id": "a1", "body": "Russia and North Korea signed a pact."}'


class FakeProducer:
    def __init__(self, fail: dict[str, list[BaseException]]) -> None:
        self.fail = fail  # topic -> errors to raise, one per send, in order
        self.sent: list[OutRecord] = []

    async def send(self, record: OutRecord) -> Awaitable[Any]:
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        errors = self.fail.get(record.topic)
        if errors:
            fut.set_exception(errors.pop(0))
        else:
            self.sent.append(record)
            fut.set_result(None)
        return fut


def _item(offset: int = 0, value: bytes = GOOD) -> Item:
    source = SourceRecord("raw", 0, offset, 1)
    return Item(b"k", value, source, process_record(b"k", value, source, SETTINGS))


def test_all_records_of_a_batch_are_sent() -> None:
    producer = FakeProducer({})
    items = [_item(i) for i in range(5)]
    asyncio.run(deliver(items, producer.send, SETTINGS))
    assert [r.topic for r in producer.sent].count("out") == 5


def test_transient_failure_is_retried() -> None:
    producer = FakeProducer({"out": [KafkaConnectionError(), KafkaConnectionError()]})
    item = _item()
    asyncio.run(deliver([item], producer.send, SETTINGS))
    assert item.processed.outcome_name != "dead_letter"
    assert [r.topic for r in producer.sent].count("out") == 1


def test_persistent_failure_becomes_produce_dead_letter() -> None:
    producer = FakeProducer({"out": [KafkaConnectionError()] * 3})
    item = _item()
    asyncio.run(deliver([item], producer.send, SETTINGS))
    assert item.processed.outcome_name == "dead_letter"
    letter = next(r for r in producer.sent if r.topic == "dlq")
    assert letter.value == GOOD and header(letter.headers, ERROR_STAGE) == b"produce"
    assert header(letter.headers, ERROR_REASON) == b"delivery_failed"


def test_non_transient_failure_is_dead_lettered_at_once() -> None:
    producer = FakeProducer({"out": [MessageSizeTooLargeError()]})
    item = _item()
    asyncio.run(deliver([item], producer.send, SETTINGS))
    letter = next(r for r in producer.sent if r.topic == "dlq")
    assert header(letter.headers, ERROR_REASON) == b"record_too_large"


def test_unpublishable_dead_letter_stops_the_batch() -> None:
    producer = FakeProducer({"dlq": [MessageSizeTooLargeError()] * 5})
    with pytest.raises(DeliveryError):
        asyncio.run(deliver([_item(value=b"not json")], producer.send, SETTINGS))


def test_backoff_grows_and_is_capped() -> None:
    assert backoff_s(1, 0.1) <= 0.12 < backoff_s(4, 0.1) <= 0.96
    assert backoff_s(30, 0.1, cap_s=2.0) <= 2.4
    assert is_transient(KafkaConnectionError()) and not is_transient(ValueError())
