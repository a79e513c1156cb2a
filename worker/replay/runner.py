"""The replay loop: assign + seek a topic range, run every record through ``process_record`` (the live
worker's pure core, so events get the same ids), publish in batches, commit progress to the replay's
own consumer group after each flushed batch.

Crash safety: offsets are committed only after the batch's sends are acknowledged, so a kill at any
point redoes at most one batch (which only repeats event ids). Ctrl-C (SIGINT) or SIGTERM finishes the
current batch, commits it and stops; the same command later resumes from the committed offsets.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from kafka import KafkaConsumer

from worker.coder.version import CLASSIFIER_VERSION
from worker.replay import broker
from worker.replay.plan import PartitionRange, PlanError, RangeSpec, default_group, resolve_ranges, run_id_for
from worker.replay.plan import select_partitions as select
from worker.replay.progress import Counters, ProgressReporter
from worker.replay.rate import TokenBucket
from worker.replay.state import encode_metadata, resume_ranges
from worker.settings import Settings
from worker.stream.delivery import Item, deliver
from worker.stream.processing import process_record
from worker.stream.records import OutRecord, SourceRecord

log = logging.getLogger("worker.replay")


@dataclass(frozen=True, slots=True)
class ReplayRequest:
    topic: str
    output_topic: str
    outcomes_topic: str
    dlq_topic: str
    spec: RangeSpec
    group: str | None = None  # None: derived from the parameters
    restart: bool = False
    rate: float | None = None  # articles per second
    batch_size: int = 500


@dataclass(frozen=True, slots=True)
class ReplayPlan:
    request: ReplayRequest
    run_id: str
    group: str
    planned: tuple[PartitionRange, ...]  # the whole range
    remaining: tuple[PartitionRange, ...]  # what is left after the group's committed progress

    @property
    def total(self) -> int:
        return sum(r.count for r in self.remaining)

    def to_dict(self) -> dict[str, Any]:
        done = {r.partition: r for r in self.remaining}
        return {
            "topic": self.request.topic,
            "output_topic": self.request.output_topic,
            "outcomes_topic": self.request.outcomes_topic,
            "dlq_topic": self.request.dlq_topic,
            "group": self.group,
            "run_id": self.run_id,
            "partitions": [
                {
                    "partition": r.partition,
                    "start": r.start,
                    "end": r.end,
                    "messages": r.count,
                    "resume_from": done[r.partition].start,
                    "remaining": done[r.partition].count,
                }
                for r in self.planned
            ],
            "messages": sum(r.count for r in self.planned),
            "remaining": self.total,
        }


def make_plan(request: ReplayRequest, settings: Settings, consumer: KafkaConsumer) -> ReplayPlan:
    """Resolve the request against the broker (read-only: nothing is created or committed)."""
    if request.output_topic == request.topic:
        raise PlanError("--output-topic must differ from the source topic")
    try:
        available = broker.partitions_of(consumer, request.topic)
    except LookupError as exc:
        raise PlanError(str(exc)) from exc
    partitions = select(available, request.spec.partitions)
    low, high = broker.watermarks(consumer, request.topic, partitions)
    spec = request.spec
    start_by_time = (
        broker.offsets_for_time(consumer, request.topic, partitions, spec.from_ms)
        if spec.from_ms is not None
        else None
    )
    end_by_time = (
        broker.offsets_for_time(consumer, request.topic, partitions, spec.to_ms)
        if spec.to_ms is not None
        else None
    )
    planned = resolve_ranges(
        partitions, beginning=low, end=high, spec=spec, start_by_time=start_by_time, end_by_time=end_by_time
    )
    run_id = run_id_for(
        request.topic,
        spec,
        request.output_topic,
        request.outcomes_topic,
        request.dlq_topic,
        CLASSIFIER_VERSION,
    )
    group = request.group or default_group(settings.app_id, run_id)
    admin = broker.make_admin(settings)
    try:
        committed = broker.committed_offsets(admin, group, request.topic).get(request.topic, {})
    finally:
        admin.close()
    remaining = resume_ranges(planned, committed, run_id, restart=request.restart)
    return ReplayPlan(request, run_id, group, planned, remaining)


@dataclass(slots=True)
class StopFlag:
    requested: bool = False
    signals: list[int] = field(default_factory=list)


@contextmanager
def graceful_stop() -> Iterator[StopFlag]:
    """SIGINT/SIGTERM ask the loop to stop after the current batch; a second SIGINT interrupts at once."""
    flag = StopFlag()
    previous: dict[signal.Signals, Any] = {}

    def handler(signum: int, frame: FrameType | None) -> None:
        if flag.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt
        flag.requested = True
        flag.signals.append(signum)
        log.warning("stop requested: finishing the current batch and committing progress")

    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, handler)
    try:
        yield flag
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


async def execute(
    plan: ReplayPlan,
    settings: Settings,
    counters: Counters,
    *,
    reporter: ProgressReporter | None = None,
    stop: StopFlag | None = None,
    poll_timeout_ms: int = 500,
    idle_timeout_s: float = 30.0,
    clock: Callable[[], float] = time.monotonic,
) -> bool:
    """Run the plan; returns True when every partition reached its end, False when stopped early.

    aiokafka clients, like the live worker's: a batch's sends all go out at once and are awaited
    together (``worker.stream.delivery.deliver``: the worker's retries and produce dead letters).
    """
    consumer = broker.make_async_consumer(settings, plan.group)
    producer = broker.make_async_producer(settings)
    await consumer.start()
    try:
        await producer.start()
        try:
            return await _run(
                plan,
                settings,
                consumer,
                producer,
                counters,
                reporter,
                stop or StopFlag(),
                poll_timeout_ms,
                idle_timeout_s,
                clock,
            )
        finally:
            await producer.stop()
    finally:
        await consumer.stop()


async def _run(
    plan: ReplayPlan,
    settings: Settings,
    consumer: AIOKafkaConsumer,
    producer: AIOKafkaProducer,
    counters: Counters,
    reporter: ProgressReporter | None,
    stop: StopFlag,
    poll_timeout_ms: int,
    idle_timeout_s: float,
    clock: Callable[[], float],
) -> bool:
    req = plan.request
    topic = req.topic
    out_settings = settings.with_overrides(
        events_topic=req.output_topic, outcomes_topic=req.outcomes_topic, dlq_topic=req.dlq_topic
    )
    ends = {r.partition: r.end for r in plan.remaining}
    meta = {p: encode_metadata(plan.run_id, end) for p, end in ends.items()}
    positions = {r.partition: r.start for r in plan.remaining}
    tps = {p: TopicPartition(topic, p) for p in ends}

    async def commit(partitions: Iterable[int]) -> None:
        await consumer.commit({tps[p]: (positions[p], meta[p]) for p in partitions})

    async def send(record: OutRecord) -> Awaitable[Any]:
        delivery: Awaitable[Any] = await producer.send(
            record.topic, key=record.key, value=record.value, headers=record.headers
        )
        return delivery

    if not tps:
        return True
    consumer.assign(list(tps.values()))  # aiokafka commits only for assigned partitions
    pending = {p for p, end in ends.items() if positions[p] < end}
    for p, tp in tps.items():
        consumer.seek(tp, positions[p])
        if p not in pending:
            consumer.pause(tp)
    await commit(ends)  # pin the plan (start and end bound of every partition) in the group first
    limiter: TokenBucket | None = None  # made at the first record: connecting does not earn tokens
    # rate-limited: about one second's worth per batch, so progress is committed about every second
    batch_size = max(1, min(req.batch_size, int(req.rate))) if req.rate else req.batch_size
    last_progress = clock()

    while pending and not stop.requested:
        polled = await consumer.getmany(timeout_ms=poll_timeout_ms, max_records=batch_size)
        items: list[Item] = []
        touched: set[int] = set()
        for tp, records in polled.items():
            p = tp.partition
            if p not in pending:
                continue
            for rec in records:
                if rec.offset >= ends[p] or stop.requested:
                    break
                counters.mark_first(clock())
                if req.rate:
                    limiter = limiter or TokenBucket(req.rate)
                    limiter.acquire()
                source = SourceRecord(topic, p, rec.offset, rec.timestamp, list(rec.headers or []))
                processed = process_record(rec.key, rec.value, source, out_settings, replay_id=plan.run_id)
                items.append(Item(rec.key, rec.value, source, processed))
                positions[p] = rec.offset + 1
                touched.add(p)
                counters.records += 1
                if reporter is not None:
                    reporter.update()  # throttled; keeps the bar moving inside slow (rate-limited) batches
        if items:
            await deliver(items, send, out_settings, replay_id=plan.run_id)
            for item in items:
                counters.articles += 1
                counters.events += len(item.processed.events)
                counters.dead_letters += item.processed.dead_letter is not None
        for p in list(pending):
            # the fetch position may jump past records we never see (transaction markers, compaction)
            if positions[p] < ends[p] and p not in touched:
                pos = await consumer.position(tps[p])
                if pos >= ends[p]:
                    positions[p] = ends[p]
                    touched.add(p)
            if positions[p] >= ends[p]:
                positions[p] = ends[p]
                pending.discard(p)
                consumer.pause(tps[p])
        if touched:
            await commit(touched)
            last_progress = clock()
        elif clock() - last_progress > idle_timeout_s:
            raise TimeoutError(f"no progress for {idle_timeout_s:.0f} s on partitions {sorted(pending)}")
        if reporter is not None:
            reporter.update()
    return not pending
