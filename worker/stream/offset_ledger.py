"""Which input offset the at-least-once worker may commit: only past messages whose outputs are published.

faust-streaming 0.15 derives the offset to commit (``Consumer._new_offset``) from the offsets its streams
acknowledged, and three of its rules can commit past a message whose outputs were never published:

- one missing offset at the head of the acknowledged ones is taken for a hole in the log (issue #606);
  with several actors (``AGENT_CONCURRENCY``) it is as often a message another actor is still coding,
  or one still waiting in the stream's queue;
- a message a stream skips during a rebalance (older generation, flow suspended) is acknowledged without
  being processed, and its offset counts as done once the partition is assigned again;
- a recorded hole in the log also covers the message that arrived after it.

The reliability test of a rebalance lost one article to these rules, twice. This module replaces the
computation. It keeps a ledger per input partition and moves the commit from the committed position over
an offset only when

- an actor has published that message's outputs (``mark_processed``, called by the agent after the
  broker acknowledged every output of its batch), or
- the broker never delivered that offset: it lies between two messages delivered one after the other in
  the same consumer generation (transaction markers, compacted records), or between the position a
  generation started from and its first delivered message.

Anything else stops the commit: a message still being coded, waiting in a buffer, skipped in a rebalance
or dropped is read again after the next rebalance or restart (at-least-once, never lost). The ledger is
plain data (``OffsetLedger``, tested without Kafka); ``install`` wires it into Faust's consumer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from faust.transport.consumer import Consumer


@dataclass(slots=True)
class PartitionLedger:
    """What is known about one partition's offsets at or above the committed position."""

    processed: set[int] = field(default_factory=set)
    generation: int | None = None  # consumer generation of the deliveries below
    first: int | None = None  # first offset delivered in that generation
    last: int | None = None  # highest offset delivered in that generation
    holes: list[tuple[int, int]] = field(default_factory=list)  # [start, end) never delivered, ascending


class OffsetLedger:
    """Delivered and processed input offsets, per partition, and the offset they allow to commit."""

    def __init__(self) -> None:
        self._partitions: dict[Hashable, PartitionLedger] = {}

    def partition(self, tp: Hashable) -> PartitionLedger:
        part = self._partitions.get(tp)
        if part is None:
            part = self._partitions[tp] = PartitionLedger()
        return part

    def delivered(
        self, tp: Hashable, offset: int, generation: int, current_generation: int, committed: int | None
    ) -> None:
        """The fetcher handed the message at ``offset`` to the streams; ``committed`` is the partition's
        committed position (the next offset to read) when the message arrived."""
        if generation != current_generation:
            return  # fetched before a rebalance: the streams skip it, it is read again
        part = self.partition(tp)
        if part.generation != generation or part.last is None:
            # the first message since the partition was (re)assigned and sought to its committed position
            part.generation, part.first, part.last, part.holes = generation, offset, offset, []
            if committed is not None and offset > committed:
                part.holes.append((committed, offset))
            return
        if offset > part.last + 1:
            part.holes.append((part.last + 1, offset))
        if offset > part.last:
            part.last = offset

    def processed(self, tp: Hashable, offset: int) -> None:
        """Every output of the message at ``offset`` is on the broker."""
        self.partition(tp).processed.add(offset)

    def next_commit(self, tp: Hashable, committed: int | None, current_generation: int) -> int | None:
        """The offset to commit for ``tp`` (the next one to read), or None if the commit cannot move."""
        part = self._partitions.get(tp)
        if part is None:
            return None
        start = committed
        if start is None:  # nothing committed yet: the generation started at its first delivered offset
            if part.generation != current_generation or part.first is None:
                return None
            start = part.first
        position = start
        processed = part.processed
        holes = part.holes
        hole = 0
        while True:
            if position in processed:
                processed.discard(position)
                position += 1
                continue
            while hole < len(holes) and holes[hole][1] <= position:
                hole += 1
            if hole < len(holes) and holes[hole][0] <= position:
                position = holes[hole][1]
                continue
            break
        if processed and min(processed) < position:
            part.processed = {o for o in processed if o >= position}
        if hole:
            del holes[:hole]
        return position if position > start else None


_LEDGER = "_news_events_offset_ledger"
_INSTALLED = "_news_events_offset_ledger_installed"


def ledger_of(consumer: Any) -> OffsetLedger:
    """The ledger of a Faust consumer (created on first use)."""
    ledger: OffsetLedger | None = getattr(consumer, _LEDGER, None)
    if ledger is None:
        ledger = OffsetLedger()
        setattr(consumer, _LEDGER, ledger)
    return ledger


def mark_processed(consumer: Any, messages: Iterable[Any]) -> None:
    """Record that every output of ``messages`` (Faust messages) is published."""
    ledger = ledger_of(consumer)
    for message in messages:
        ledger.processed(message.tp, message.offset)


def _new_offset(self: Any, tp: Any) -> int | None:
    # Faust's acknowledged offsets are not used (see the module docstring); drop them so they cannot grow.
    self._acked[tp].clear()
    self._acked_index[tp].clear()
    return ledger_of(self).next_commit(tp, self._committed_offset.get(tp), self.app.consumer_generation_id)


def _recording_callback(consumer: Any, callback: Callable[[Any], Awaitable[None]]) -> Callable[[Any], Any]:
    ledger = ledger_of(consumer)

    async def on_message(message: Any) -> None:
        tp = message.tp
        ledger.delivered(
            tp,
            message.offset,
            message.generation_id,
            consumer.app.consumer_generation_id,
            consumer._committed_offset.get(tp),
        )
        await callback(message)

    return on_message


def install() -> None:
    """Make every Faust consumer of this process commit by the ledger (idempotent)."""
    if getattr(Consumer, _INSTALLED, False):
        return
    original_init = Consumer.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        self.callback = _recording_callback(self, self.callback)

    Consumer.__init__ = __init__  # type: ignore[method-assign]
    Consumer._new_offset = _new_offset  # type: ignore[method-assign]
    setattr(Consumer, _INSTALLED, True)
