"""Pure planning of a replay: which offsets of which partitions, under which consumer group.

Ranges are half-open ``[start, end)``: ``end`` is the first offset NOT replayed. Time bounds are resolved
per partition (``offsets_for_times``: the first offset whose record timestamp is >= the time), so
``--from 2024-06-21T00:00:00Z --to 2024-06-22T00:00:00Z`` replays exactly the records stamped on that day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson


class PlanError(ValueError):
    """A replay or reset request that cannot be planned (bad bound, unknown partition...)."""


@dataclass(frozen=True, slots=True)
class PartitionRange:
    partition: int
    start: int  # first offset replayed
    end: int  # first offset NOT replayed (exclusive)

    @property
    def count(self) -> int:
        return max(0, self.end - self.start)


@dataclass(frozen=True, slots=True)
class RangeSpec:
    """The user's bounds, before resolution. At most one start and one end kind is set."""

    from_ms: int | None = None
    to_ms: int | None = None
    from_offset: int | None = None
    to_offset: int | None = None
    partitions: tuple[int, ...] | None = None  # None: all partitions of the topic

    def canonical(self) -> dict[str, object]:
        return {
            "from_ms": self.from_ms,
            "to_ms": self.to_ms,
            "from_offset": self.from_offset,
            "to_offset": self.to_offset,
            "partitions": list(self.partitions) if self.partitions is not None else None,
        }


def parse_rfc3339(text: str) -> int:
    """An RFC 3339 timestamp -> epoch milliseconds. A timezone is required (``Z`` or ``+hh:mm``)."""
    raw = text.strip()
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise PlanError(f"not an RFC 3339 timestamp: {text!r}") from exc
    if parsed.tzinfo is None:
        raise PlanError(f"timestamp needs a timezone (Z or +hh:mm): {text!r}")
    return int(parsed.timestamp() * 1000)


def format_ms(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_partitions(text: str | None) -> tuple[int, ...] | None:
    """``"0,2"`` -> ``(0, 2)``; empty or None -> None (all partitions)."""
    if text is None or not text.strip():
        return None
    try:
        values = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError as exc:
        raise PlanError(f"partitions must be comma-separated integers: {text!r}") from exc
    if any(v < 0 for v in values):
        raise PlanError(f"partitions must be >= 0: {text!r}")
    return tuple(values)


def make_spec(
    *,
    from_time: str | None = None,
    to_time: str | None = None,
    from_offset: int | None = None,
    to_offset: int | None = None,
    partitions: str | None = None,
) -> RangeSpec:
    if from_time is not None and from_offset is not None:
        raise PlanError("give either --from or --from-offset, not both")
    if to_time is not None and to_offset is not None:
        raise PlanError("give either --to or --to-offset, not both")
    for name, value in (("--from-offset", from_offset), ("--to-offset", to_offset)):
        if value is not None and value < 0:
            raise PlanError(f"{name} must be >= 0")
    spec = RangeSpec(
        from_ms=parse_rfc3339(from_time) if from_time is not None else None,
        to_ms=parse_rfc3339(to_time) if to_time is not None else None,
        from_offset=from_offset,
        to_offset=to_offset,
        partitions=parse_partitions(partitions),
    )
    if spec.from_ms is not None and spec.to_ms is not None and spec.to_ms < spec.from_ms:
        raise PlanError("--to is before --from")
    if spec.from_offset is not None and spec.to_offset is not None and spec.to_offset < spec.from_offset:
        raise PlanError("--to-offset is before --from-offset")
    return spec


def select_partitions(available: Iterable[int], wanted: tuple[int, ...] | None) -> tuple[int, ...]:
    have = sorted(set(available))
    if wanted is None:
        return tuple(have)
    missing = [p for p in wanted if p not in have]
    if missing:
        raise PlanError(f"partitions {missing} do not exist (topic has {have})")
    return wanted


def resolve_ranges(
    partitions: Iterable[int],
    *,
    beginning: Mapping[int, int],
    end: Mapping[int, int],
    spec: RangeSpec,
    start_by_time: Mapping[int, int | None] | None = None,
    end_by_time: Mapping[int, int | None] | None = None,
) -> tuple[PartitionRange, ...]:
    """Turn a spec into concrete ranges, clamped to ``[beginning, end)`` of each partition.

    ``beginning``/``end``: log-start offset and high-water mark per partition (``end`` is the default upper
    bound, so a replay always ends). ``start_by_time``/``end_by_time``: ``offsets_for_times`` answers for
    ``spec.from_ms``/``spec.to_ms`` (None: no record at or after that time -> the high-water mark).
    """
    out: list[PartitionRange] = []
    for p in partitions:
        low, high = beginning[p], end[p]
        if spec.from_ms is not None:
            found = (start_by_time or {}).get(p)
            start = high if found is None else found
        elif spec.from_offset is not None:
            start = spec.from_offset
        else:
            start = low
        if spec.to_ms is not None:
            found = (end_by_time or {}).get(p)
            stop = high if found is None else found
        elif spec.to_offset is not None:
            stop = spec.to_offset
        else:
            stop = high
        start = min(max(start, low), high)
        stop = min(max(stop, start), high)
        out.append(PartitionRange(p, start, stop))
    return tuple(out)


def run_id_for(
    topic: str, spec: RangeSpec, output_topic: str, outcomes_topic: str, dlq_topic: str, classifier: str
) -> str:
    """A short stable id of the replay's parameters: the same command derives the same id (and group)."""
    payload = orjson.dumps(
        {
            "topic": topic,
            "range": spec.canonical(),
            "output": [output_topic, outcomes_topic, dlq_topic],
            "classifier": classifier,
        },
        option=orjson.OPT_SORT_KEYS,
    )
    return hashlib.sha256(payload).hexdigest()[:12]


def default_group(app_id: str, run_id: str) -> str:
    return f"{app_id}-replay-{run_id}"
