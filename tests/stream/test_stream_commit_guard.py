"""The commit guard keeps Faust from committing past a message an actor is still coding."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace
from typing import Any

from faust.transport.consumer import Consumer
from faust.types import TP

from worker.stream import commit_guard

PARTITION = TP("articles", 0)


def _consumer(committed: int, acked: list[int], in_flight: list[int]) -> Any:
    messages = [SimpleNamespace(tp=PARTITION, offset=o, acked=False) for o in in_flight]
    return SimpleNamespace(
        _acked=defaultdict(list, {PARTITION: list(acked)}),
        _acked_index=defaultdict(set, {PARTITION: set(acked)}),
        _gap=defaultdict(list),  # no holes in the log recorded
        _committed_offset=defaultdict(lambda: None, {PARTITION: committed}),
        _unacked_messages=messages,
    )


def test_no_commit_past_the_message_still_coded() -> None:
    commit_guard.install()
    # committed 2585 = the next offset to read; 2585 is still being coded, 2586-2589 are done
    consumer = _consumer(2585, [2586, 2587, 2588, 2589], in_flight=[2585])
    assert Consumer._new_offset(consumer, PARTITION) is None
    consumer._unacked_messages.clear()  # the actor finished and acknowledged 2585
    consumer._acked[PARTITION].insert(0, 2585)
    consumer._acked_index[PARTITION].add(2585)
    assert Consumer._new_offset(consumer, PARTITION) == 2590


def test_commits_as_before_otherwise() -> None:
    commit_guard.install()
    commit_guard.install()  # idempotent: one wrapper
    consumer = _consumer(2585, [2585, 2586, 2587], in_flight=[2588, 2589])
    assert Consumer._new_offset(consumer, PARTITION) == 2588
    # a one-offset hole nobody holds (a transaction marker) is still stepped over, as Faust does
    marker = _consumer(2585, [2586, 2587], in_flight=[])
    assert Consumer._new_offset(marker, PARTITION) == 2588
