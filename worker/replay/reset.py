"""Pure planning of ``news-events offsets reset``: current -> new committed offset per partition."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

ResetKind = Literal["datetime", "earliest", "latest", "shift"]


@dataclass(frozen=True, slots=True)
class ResetTarget:
    kind: ResetKind
    value: int = 0  # epoch ms for "datetime", N for "shift"


@dataclass(frozen=True, slots=True)
class ResetRow:
    partition: int
    current: int | None  # committed offset (None: nothing committed)
    new: int


def plan_reset(
    partitions: Iterable[int],
    *,
    current: Mapping[int, int | None],
    earliest: Mapping[int, int],
    latest: Mapping[int, int],
    target: ResetTarget,
    by_time: Mapping[int, int | None] | None = None,
) -> tuple[ResetRow, ...]:
    """New offsets, clamped to each partition's ``[earliest, latest]``, like kafka-consumer-groups.

    ``by_time``: ``offsets_for_times`` answers for a datetime target (None: no record at or after it ->
    latest). ``shift`` moves the committed offset by N (negative: back); with nothing committed it shifts
    from the earliest offset.
    """
    rows: list[ResetRow] = []
    for p in partitions:
        low, high, cur = earliest[p], latest[p], current.get(p)
        if target.kind == "earliest":
            new = low
        elif target.kind == "latest":
            new = high
        elif target.kind == "datetime":
            found = (by_time or {}).get(p)
            new = high if found is None else found
        else:
            new = (low if cur is None else cur) + target.value
        rows.append(ResetRow(p, cur, min(max(new, low), high)))
    return tuple(rows)
