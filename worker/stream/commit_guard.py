"""Never commit an input offset past a message that is still being coded (at-least-once).

faust-streaming 0.15 computes the offset to commit in ``Consumer._new_offset`` from the acknowledged
offsets of a partition. When exactly one offset is missing at their head it commits over it, taking it
for a gap in the log (a transaction marker, a compacted record). With more than one actor on the
stream (``AGENT_CONCURRENCY``) that offset is as often a message another actor is still coding; once
the commit passes it, a rebalance or a crash before that actor finishes loses the message for good
(faust-streaming issue #606; a fix is proposed upstream in pull request #707). The reliability test of
a rebalance lost one article this way.

The guard: while the lowest message of the partition that the streams still hold unacknowledged lies
below every acknowledged offset, nothing is committed for that partition; Faust's own computation runs
again at the next commit, once that message is acknowledged. Gaps Faust records for real holes in the
log are left to Faust.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from faust.transport.consumer import Consumer

_GUARDED = "_news_events_commit_guard"


def first_unacked_offset(consumer: Any, tp: Any) -> int | None:
    """The lowest offset of ``tp`` that a stream received and has not acknowledged, if any."""
    offsets = [m.offset for m in list(consumer._unacked_messages) if m.tp == tp and not m.acked]
    return min(offsets) if offsets else None


def install() -> None:
    """Wrap ``Consumer._new_offset`` once per process (idempotent)."""
    original: Callable[[Any, Any], int | None] = Consumer._new_offset
    if getattr(original, _GUARDED, False):
        return

    def guarded_new_offset(self: Any, tp: Any) -> int | None:
        acked = self._acked[tp]
        if acked:
            pending = first_unacked_offset(self, tp)
            if pending is not None and pending < min(acked):
                return None  # an actor still codes the message at the head: commit nothing yet
        return original(self, tp)

    setattr(guarded_new_offset, _GUARDED, True)
    Consumer._new_offset = guarded_new_offset  # type: ignore[method-assign]
