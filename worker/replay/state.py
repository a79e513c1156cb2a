"""Resumability: a replay's progress lives in its own consumer group's committed offsets.

Each committed offset carries a small JSON metadata string with the run id and the partition's planned
end offset, so a resumed run keeps the original end bound even if the topic has grown since.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import orjson

from worker.replay.plan import PartitionRange


@dataclass(frozen=True, slots=True)
class Committed:
    offset: int
    metadata: str = ""


def encode_metadata(run_id: str, end: int) -> str:
    return orjson.dumps({"run": run_id, "end": end}).decode()


def decode_end(metadata: str, run_id: str) -> int | None:
    """The planned end offset stored by this run, or None (foreign or unreadable metadata)."""
    try:
        data = orjson.loads(metadata) if metadata else None
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict) or data.get("run") != run_id:
        return None
    end = data.get("end")
    return end if isinstance(end, int) and end >= 0 else None


def resume_ranges(
    planned: tuple[PartitionRange, ...],
    committed: Mapping[int, Committed],
    run_id: str,
    *,
    restart: bool = False,
) -> tuple[PartitionRange, ...]:
    """The work left: start from the group's committed offset when it lies inside the planned range.

    A committed offset written by this run also restores the run's original end bound. ``restart``
    ignores everything committed.
    """
    if restart:
        return planned
    out: list[PartitionRange] = []
    for r in planned:
        c = committed.get(r.partition)
        if c is None:
            out.append(r)
            continue
        stored_end = decode_end(c.metadata, run_id)
        end = stored_end if stored_end is not None else r.end
        start = min(max(c.offset, r.start), max(end, r.start))
        out.append(PartitionRange(r.partition, start, max(end, start)))
    return tuple(out)
