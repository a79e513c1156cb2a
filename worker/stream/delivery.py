"""Publishing a batch of processed inputs: all sends in flight at once, then retries and dead letters.

``send`` enqueues one record and returns its delivery future (aiokafka's ``producer.send``, or Faust's
``app.producer.send``): nothing waits per record. ``deliver`` returns only when every record of the batch is
acknowledged by the broker, so the caller may then acknowledge/commit the batch's input offsets.
Transient failures are retried with exponential backoff up to ``settings.max_retries``; an input whose
outputs still cannot be published becomes a dead letter of stage ``produce``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from worker.metrics import PRODUCER_ERRORS, RETRIES
from worker.settings import Settings
from worker.stream.processing import Processed, failed
from worker.stream.records import OutRecord, SourceRecord
from worker.stream.retry import backoff_s, failure_reason, is_transient

log = logging.getLogger(__name__)

SendFn = Callable[[OutRecord], Awaitable[Awaitable[Any]]]


class DeliveryError(RuntimeError):
    """Even the dead letter of an input could not be published: the batch must not be committed."""


@dataclass(slots=True)
class Item:
    """One input record and what processing made of it."""

    key: bytes | None
    value: bytes | None
    source: SourceRecord
    processed: Processed
    attempts: int = 0


async def send_round(items: list[Item], send: SendFn) -> list[tuple[Item, BaseException, str]]:
    """Send every record of ``items``; the items that failed, with their first error and its topic."""
    futures: list[tuple[Item, OutRecord, Awaitable[Any]]] = []
    failures: dict[int, tuple[Item, BaseException, str]] = {}
    for item in items:
        for record in item.processed.records():
            try:
                futures.append((item, record, await send(record)))
            except Exception as exc:  # e.g. a timeout waiting for metadata or buffer space
                failures.setdefault(id(item), (item, exc, record.topic))
                break
    results = await asyncio.gather(*(f for _, _, f in futures), return_exceptions=True)
    for (item, record, _), result in zip(futures, results, strict=True):
        if isinstance(result, BaseException):
            if isinstance(result, asyncio.CancelledError):
                raise result
            failures.setdefault(id(item), (item, result, record.topic))
    return list(failures.values())


async def deliver(
    items: list[Item], send: SendFn, settings: Settings, *, replay_id: str | None = None
) -> None:
    """Publish all outputs of ``items``; on return every one is acknowledged (or dead-lettered)."""
    pending = items
    while pending:
        failures = await send_round(pending, send)
        pending = []
        delay = 0.0
        for item, exc, topic in failures:
            PRODUCER_ERRORS.labels(topic=topic).inc()
            item.attempts += 1
            already_dead = item.processed.stage == "produce"
            if is_transient(exc) and item.attempts <= settings.max_retries:
                RETRIES.labels(stage="produce").inc()
                delay = max(delay, backoff_s(item.attempts, settings.retry_backoff_s))
                log.warning(
                    "send failed, retrying",
                    extra={"error": repr(exc), "attempt": item.attempts, "topic": topic},
                )
            elif already_dead:
                raise DeliveryError(
                    f"cannot publish the dead letter of {item.source.topic}[{item.source.partition}]"
                    f"@{item.source.offset}: {exc!r}"
                ) from exc
            else:
                log.error(
                    "giving up publishing outputs, dead-lettering the input",
                    extra={"error": repr(exc), "attempts": item.attempts, "offset": item.source.offset},
                )
                item.processed = failed(
                    item.key,
                    item.value,
                    item.source,
                    settings,
                    stage="produce",
                    reason=failure_reason(exc),
                    error_class=type(exc).__name__,
                    message=str(exc) or repr(exc),
                    article_id=item.processed.article_id,
                    replay_id=replay_id,
                )
                item.attempts = 0
            pending.append(item)
        if delay:
            await asyncio.sleep(delay)
