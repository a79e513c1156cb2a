"""``news-events offsets``: read and reset a consumer group's committed offsets (blocking, kafka-python)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.structs import OffsetAndMetadata

from worker.replay import broker
from worker.replay.plan import select_partitions
from worker.replay.reset import ResetRow, ResetTarget, plan_reset


class GroupActiveError(RuntimeError):
    """The group has live members: its offsets must not be changed under them."""


@dataclass(frozen=True, slots=True)
class LagRow:
    topic: str
    partition: int
    committed: int | None
    end: int

    @property
    def lag(self) -> int | None:
        return None if self.committed is None else max(0, self.end - self.committed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "partition": self.partition,
            "committed": self.committed,
            "end": self.end,
            "lag": self.lag,
        }


def show(admin: KafkaAdminClient, consumer: KafkaConsumer, group: str, topic: str | None) -> list[LagRow]:
    """Committed offset, high-water mark and lag per partition (every partition of ``topic`` when given,
    else every partition the group has committed)."""
    committed = broker.committed_offsets(admin, group, topic)
    topics = [topic] if topic is not None else sorted(committed)
    rows: list[LagRow] = []
    for t in topics:
        partitions = broker.partitions_of(consumer, t)
        _, high = broker.watermarks(consumer, t, partitions)
        by_partition = committed.get(t, {})
        for p in partitions:
            c = by_partition.get(p)
            rows.append(LagRow(t, p, None if c is None else c.offset, high[p]))
    return rows


def plan(
    admin: KafkaAdminClient,
    consumer: KafkaConsumer,
    group: str,
    topic: str,
    target: ResetTarget,
    partitions: tuple[int, ...] | None,
) -> tuple[ResetRow, ...]:
    chosen = select_partitions(broker.partitions_of(consumer, topic), partitions)
    low, high = broker.watermarks(consumer, topic, chosen)
    current = {p: c.offset for p, c in broker.committed_offsets(admin, group, topic).get(topic, {}).items()}
    by_time = (
        broker.offsets_for_time(consumer, topic, chosen, target.value) if target.kind == "datetime" else None
    )
    return plan_reset(
        chosen,
        current={p: current.get(p) for p in chosen},
        earliest=low,
        latest=high,
        target=target,
        by_time=by_time,
    )


def ensure_inactive(admin: KafkaAdminClient, group: str) -> None:
    state, members = broker.active_members(admin, group)
    if members:
        raise GroupActiveError(
            f"group {group!r} has {members} active member(s) (state {state}): stop its consumers first"
        )


def execute(admin: KafkaAdminClient, group: str, topic: str, rows: tuple[ResetRow, ...]) -> None:
    ensure_inactive(admin, group)
    offsets = {TopicPartition(topic, r.partition): OffsetAndMetadata(r.new, "", -1) for r in rows}
    result = admin.alter_group_offsets(group, offsets)
    failed = {tp.partition: err.__name__ for tp, err in result.items() if getattr(err, "errno", 0) != 0}
    if failed:
        raise RuntimeError(f"offset reset failed for partitions {failed}")
