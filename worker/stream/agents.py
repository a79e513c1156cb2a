"""The Faust agent: a thin shell over ``process_record`` and ``deliver`` (at-least-once).

Each actor takes up to ``batch_size`` events (or what arrived within ``batch_timeout_s``), processes
them, sends every output without waiting per record, and waits for the whole batch's delivery before
returning to ``take_events``, which then acknowledges the batch's events. The input offsets Faust commits
come from ``worker.stream.offset_ledger``: only past messages whose outputs the broker has acknowledged.
Actors share the input stream (``agent_concurrency``): while one waits for the broker, another
classifies. An article's events are sent by one actor in order and keyed by its id, so they stay ordered
in one partition.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable
from typing import Any

from worker.settings import Settings
from worker.stream.accounting import account
from worker.stream.delivery import DeliveryError, Item, deliver
from worker.stream.offset_ledger import mark_processed
from worker.stream.processing import process_record
from worker.stream.records import Headers, OutRecord, SourceRecord

log = logging.getLogger(__name__)

EXIT_DELIVERY_FAILED = 70


def _headers(raw: Any) -> Headers:
    if not raw:
        return []
    items = raw.items() if isinstance(raw, dict) else raw
    return [(str(k), bytes(v) if v is not None else b"") for k, v in items]


def source_of(message: Any) -> SourceRecord:
    ts = message.timestamp
    return SourceRecord(
        message.topic,
        message.partition,
        message.offset,
        None if ts is None else int(ts * 1000),
        _headers(message.headers),
    )


def process_events(events: list[Any], settings: Settings) -> list[Item]:
    items = []
    for event in events:
        message = event.message
        source = source_of(message)
        processed = process_record(message.key, message.value, source, settings)
        items.append(Item(message.key, message.value, source, processed))
    return items


#: articles coded between two returns to the event loop (a few ms of CPU each)
YIELD_EVERY = 16


async def process_events_yielding(
    events: list[Any], settings: Settings, every: int = YIELD_EVERY
) -> list[Item]:
    """``process_events`` in chunks of ``every``, returning to the event loop between chunks.

    Coding a whole batch in one go blocks the loop for up to ``batch_size`` articles (about a second
    at 500): Faust's fetcher hand-off, the producer's sender and the other actor's acknowledgements all
    wait, batches grow, and the worker settles at seconds of latency even at half its capacity
    (measured in docs/benchmarks.md). Yielding keeps them flowing at no cost in throughput.
    """
    items: list[Item] = []
    for start in range(0, len(events), every):
        if start:
            await asyncio.sleep(0)
        items.extend(process_events(events[start : start + every], settings))
    return items


def register_agents(app: Any, settings: Settings) -> Any:
    """Add the article-coding agent to ``app``; returns the agent."""
    input_topic = app.topic(settings.input_topic, key_type=bytes, value_type=bytes, value_serializer="raw")

    async def send(record: OutRecord) -> Awaitable[Any]:
        fut: Awaitable[Any] = await app.producer.send(
            record.topic, record.key, record.value, None, None, record.headers
        )
        return fut

    async def handle_batch(events: list[Any]) -> None:
        items = await process_events_yielding(events, settings)
        await deliver(items, send, settings)
        mark_processed(app.consumer, [event.message for event in events])  # before take_events acks them
        account(items)

    async def code_articles(stream: Any) -> None:
        batches = stream.take_events(settings.batch_size, within=settings.batch_timeout_s)
        async for events in batches:
            # Shielded: a stop request lets the in-flight batch finish; closing the generator then
            # acknowledges it at once, before the consumer's final commit.
            task = asyncio.ensure_future(handle_batch(list(events)))
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                await _finish_or_die(task, settings.shutdown_timeout_s)
                await batches.aclose()
                raise
            except DeliveryError:
                _die("outputs of a batch cannot be published; exiting without committing it")

    return app.agent(
        input_topic, name=f"{settings.app_id}.code-articles", concurrency=settings.agent_concurrency
    )(code_articles)


async def _finish_or_die(task: asyncio.Future[None], timeout_s: float) -> None:
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=timeout_s)
    except (TimeoutError, DeliveryError, asyncio.CancelledError):
        _die("in-flight batch not delivered at shutdown; exiting without committing it")


def _die(message: str) -> None:
    """Exit at once, before Faust can acknowledge or commit undelivered inputs (they are redelivered)."""
    log.critical(message)
    logging.shutdown()
    os._exit(EXIT_DELIVERY_FAILED)
