"""The exactly-once loop's failure handling, with the broker calls replaced (no Kafka needed)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from aiokafka import TopicPartition
from aiokafka.errors import KafkaConnectionError, MessageSizeTooLargeError

from worker.settings import Settings
from worker.stream import transactional
from worker.stream.delivery import DeliveryError, Item

SETTINGS = Settings.from_env({}, input_topic="raw", dlq_topic="dlq", max_retries=2, retry_backoff_s=0.001)
GOOD = b'{"id": "a%d", "body": "Russia and North Korea signed a pact."}'


def _batch(n: int) -> dict[TopicPartition, list[Any]]:
    messages = [
        SimpleNamespace(topic="raw", partition=0, offset=i, timestamp=1, headers=(), key=b"k", value=GOOD % i)
        for i in range(n)
    ]
    return {TopicPartition("raw", 0): messages}


def _run(fail: Any, n: int = 3) -> list[tuple[list[Item], dict[TopicPartition, Any]]]:
    """Run ``_handle`` on ``n`` records; ``fail(items)`` says whether a transaction fails."""
    committed: list[tuple[list[Item], dict[TopicPartition, Any]]] = []

    async def main() -> None:
        worker = transactional.TransactionalWorker(SETTINGS)

        async def transaction(items: list[Item], offsets: dict[TopicPartition, Any]) -> None:
            if fail(items):
                raise MessageSizeTooLargeError()  # not transient: no waiting for the broker
            committed.append((list(items), offsets))

        worker._transaction = transaction  # type: ignore[method-assign]
        await worker._handle(_batch(n))

    asyncio.run(main())
    return committed


def test_batch_commits_outputs_and_next_offsets_together() -> None:
    committed = _run(lambda items: False)
    assert len(committed) == 1
    items, offsets = committed[0]
    assert len(items) == 3 and offsets[TopicPartition("raw", 0)].offset == 3


def test_failing_batch_is_retried_one_input_per_transaction() -> None:
    committed = _run(lambda items: len(items) > 1)
    assert [len(items) for items, _ in committed] == [1, 1, 1]
    assert [offsets[TopicPartition("raw", 0)].offset for _, offsets in committed] == [1, 2, 3]


def test_input_whose_outputs_keep_failing_is_dead_lettered() -> None:
    def fail(items: list[Item]) -> bool:
        return len(items) > 1 or (items[0].source.offset == 1 and items[0].processed.stage != "produce")

    committed = _run(fail)
    assert len(committed) == 3
    letter = committed[1][0][0].processed
    assert letter.outcome_name == "dead_letter" and letter.stage == "produce"
    assert letter.dead_letter is not None and letter.dead_letter.value == GOOD % 1


def test_transient_failure_waits_for_the_broker_instead_of_dead_lettering() -> None:
    calls = []

    def fail(items: list[Item]) -> bool:
        calls.append(len(items))
        if len(calls) <= SETTINGS.max_retries + 3:
            raise KafkaConnectionError()  # the broker is away for a while
        return False

    committed = _run(fail)
    assert len(committed) == 1 and committed[0][0][0].processed.outcome_name != "dead_letter"


def test_unpublishable_dead_letter_raises() -> None:
    with pytest.raises(DeliveryError):
        _run(lambda items: True, n=1)
