"""``exactly_once``: consume → process → produce outputs and input offsets in ONE Kafka transaction.

Faust's own ``exactly_once`` path (one transactional producer per partition, driven by its consumer
thread) is not reliable with aiokafka 0.14 and Kafka 4, so this mode uses aiokafka directly:
a read_committed consumer without auto-commit and one transactional producer per worker process.
For each polled batch: begin, send every output without waiting per record, add the batch's next
offsets with ``send_offsets_to_transaction``, commit. A kill -9 leaves an open transaction that the
restarted worker (same ``transactional.id``) fences and aborts, so read_committed readers see every
event once. Failed transactions are aborted and retried with backoff (the producer is restarted, as
aiokafka can leave it unusable); while the broker is unreachable the worker keeps waiting for it. After
``max_retries`` non-transient failures the batch is retried one input per transaction, and an input that
still fails is dead-lettered (stage produce).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import Awaitable
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.structs import OffsetAndMetadata

from worker.observability import set_ready
from worker.settings import Settings
from worker.stream.accounting import account
from worker.stream.delivery import DeliveryError, Item, send_round
from worker.stream.kafka_config import aiokafka_kwargs
from worker.stream.processing import failed, process_record
from worker.stream.records import Headers, OutRecord, SourceRecord
from worker.stream.retry import backoff_s, failure_reason, is_transient

log = logging.getLogger(__name__)


def transactional_id(settings: Settings) -> str:
    """Stable per worker instance: a restart fences (and aborts) its predecessor's open transaction."""
    return settings.transactional_id or f"{settings.app_id}-eos-{socket.gethostname()}"


class _Readiness(ConsumerRebalanceListener):  # type: ignore[misc]
    """Readiness, and no commit for a partition that has moved on: a revocation first waits for the
    batch being committed (``in_flight``), and bumps ``generation`` so that a batch fetched before it is
    dropped, not committed, and fetched again. Without this a
    batch committed after its partition went to another worker is processed twice (aiokafka's
    ``send_offsets_to_transaction`` carries no group generation to fence it)."""

    def __init__(self, worker: TransactionalWorker) -> None:
        self.worker = worker

    async def on_partitions_revoked(self, revoked: Any) -> None:
        set_ready(False)
        self.worker.generation += 1
        async with self.worker.in_flight:
            pass

    async def on_partitions_assigned(self, assigned: Any) -> None:
        set_ready(bool(assigned))
        log.info(
            "partitions assigned",
            extra={"partitions": sorted(f"{tp.topic}-{tp.partition}" for tp in assigned)},
        )


def _headers(raw: Any) -> Headers:
    return [(k, v if v is not None else b"") for k, v in (raw or ())]


class TransactionalWorker:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.stopping = asyncio.Event()
        self.consumer = AIOKafkaConsumer(
            group_id=settings.app_id,
            enable_auto_commit=False,
            isolation_level="read_committed",
            auto_offset_reset="earliest",
            max_poll_records=settings.batch_size,
            session_timeout_ms=int(settings.session_timeout_s * 1000),
            heartbeat_interval_ms=int(max(0.5, settings.session_timeout_s / 5) * 1000),
            **aiokafka_kwargs(settings),
        )
        self.producer = self._new_producer()
        self._producer_broken = False
        self.generation = 0  # bumped on every revocation
        self.in_flight = asyncio.Lock()  # held while a batch is processed and committed

    def _new_producer(self) -> AIOKafkaProducer:
        return AIOKafkaProducer(
            transactional_id=transactional_id(self.settings),
            enable_idempotence=True,
            acks="all",
            linger_ms=self.settings.producer_linger_ms,
            transaction_timeout_ms=self.settings.transaction_timeout_ms,
            **aiokafka_kwargs(self.settings),
        )

    async def _restart_producer(self) -> None:
        """A fresh transactional producer with the same id: a failed transaction can leave aiokafka's
        producer in FATAL_ERROR for good (e.g. the broker went away mid-FindCoordinator); the new one
        fences the old and aborts its open transaction. Raises while the broker is unreachable."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.producer.stop(), self.settings.shutdown_timeout_s)
        self.producer = self._new_producer()
        await self.producer.start()
        self._producer_broken = False
        log.info("transactional producer restarted")

    async def _send(self, record: OutRecord) -> Awaitable[Any]:
        fut: Awaitable[Any] = await self.producer.send(
            record.topic, record.value, key=record.key, headers=record.headers
        )
        return fut

    async def run(self) -> None:
        await self.producer.start()
        await self.consumer.start()
        self.consumer.subscribe([self.settings.input_topic], listener=_Readiness(self))
        log.info("exactly-once worker started", extra={"transactional_id": transactional_id(self.settings)})
        try:
            while not self.stopping.is_set():
                generation = self.generation
                batch = await self.consumer.getmany(
                    timeout_ms=int(self.settings.batch_timeout_s * 1000) or 1,
                    max_records=self.settings.batch_size,
                )
                if not batch:
                    continue
                async with self.in_flight:
                    if generation != self.generation:
                        self._refetch(batch)
                        continue
                    await self._handle(batch)
        finally:
            set_ready(False)
            await self.consumer.stop()
            await self.producer.stop()

    def _refetch(self, batch: dict[TopicPartition, list[Any]]) -> None:
        """Drop a batch fetched across a rebalance: rewind the partitions still ours to its first
        offsets (the ones no longer ours are fetched by their new owner from the committed offsets)."""
        owned = self.consumer.assignment()
        for tp, messages in batch.items():
            if tp in owned and messages:
                self.consumer.seek(tp, messages[0].offset)
        log.info("rebalance during fetch: batch dropped and fetched again")

    async def _handle(self, batch: dict[TopicPartition, list[Any]]) -> None:
        items: list[Item] = []
        offsets: dict[TopicPartition, OffsetAndMetadata] = {}
        for tp, messages in batch.items():
            for m in messages:
                source = SourceRecord(m.topic, m.partition, m.offset, m.timestamp, _headers(m.headers))
                items.append(
                    Item(m.key, m.value, source, process_record(m.key, m.value, source, self.settings))
                )
            offsets[tp] = OffsetAndMetadata(messages[-1].offset + 1, "")
        attempt = 0
        while True:
            attempt += 1
            try:
                await self._transaction(items, offsets)
                account(items)
                return
            except Exception as exc:
                transient = _unreachable(exc)
                log.warning(
                    "transaction failed",
                    extra={"error": repr(exc), "attempt": attempt, "transient": transient},
                )
                if self.stopping.is_set():
                    raise  # not committed: the batch is consumed again after the restart
                if attempt > self.settings.max_retries and not transient:
                    break
                # the broker is away: wait for it (no dead letter could be written either)
                await asyncio.sleep(backoff_s(min(attempt, 8), self.settings.retry_backoff_s))
        await self._one_by_one(items)

    async def _transaction(self, items: list[Item], offsets: dict[TopicPartition, OffsetAndMetadata]) -> None:
        if self._producer_broken:
            await self._restart_producer()
        try:
            async with self.producer.transaction():
                failures = await send_round(items, self._send)
                if failures:
                    raise failures[0][1]
                await self.producer.send_offsets_to_transaction(offsets, self.settings.app_id)
        except BaseException:
            self._producer_broken = True
            raise

    async def _one_by_one(self, items: list[Item]) -> None:
        for item in items:
            offsets = {
                TopicPartition(item.source.topic, item.source.partition): OffsetAndMetadata(
                    item.source.offset + 1, ""
                )
            }
            try:
                await self._transaction([item], offsets)
            except Exception as exc:
                item.processed = failed(
                    item.key,
                    item.value,
                    item.source,
                    self.settings,
                    stage="produce",
                    reason=failure_reason(exc),
                    error_class=type(exc).__name__,
                    message=str(exc) or repr(exc),
                    article_id=item.processed.article_id,
                )
                try:
                    await self._transaction([item], offsets)
                except Exception as final:
                    raise DeliveryError(f"cannot publish dead letter: {final!r}") from final
            account([item])


def _unreachable(exc: BaseException) -> bool:
    """A transient failure (broker away, timeout), possibly wrapped by aiokafka's sender."""
    return is_transient(exc) or (exc.__cause__ is not None and is_transient(exc.__cause__))


async def run_exactly_once(settings: Settings, stop: asyncio.Event | None = None) -> None:
    worker = TransactionalWorker(settings)
    if stop is not None:
        worker.stopping = stop
    await worker.run()
