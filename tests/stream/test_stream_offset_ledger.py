"""The offset ledger commits only past inputs whose outputs are published, or that the log never had."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace
from typing import Any

from faust.transport.consumer import Consumer
from faust.types import TP
from hypothesis import given
from hypothesis import strategies as st

from worker.stream import offset_ledger
from worker.stream.offset_ledger import OffsetLedger

TP0 = TP("articles", 0)
GEN = 3


def delivered(ledger: OffsetLedger, offsets: list[int], committed: int | None, generation: int = GEN) -> None:
    for offset in offsets:
        ledger.delivered(TP0, offset, generation, GEN, committed)


def test_commits_the_processed_run_from_the_committed_position() -> None:
    ledger = OffsetLedger()
    delivered(ledger, list(range(100, 110)), committed=100)
    for offset in (100, 101, 102, 104):
        ledger.processed(TP0, offset)
    assert ledger.next_commit(TP0, 100, GEN) == 103
    assert ledger.next_commit(TP0, 103, GEN) is None  # 103 is still being coded
    ledger.processed(TP0, 103)
    assert ledger.next_commit(TP0, 103, GEN) == 105


def test_a_message_at_the_head_still_coded_stops_the_commit() -> None:
    # faust-streaming #606: one missing offset at the head is not a hole when it was delivered
    ledger = OffsetLedger()
    delivered(ledger, [2585, 2586, 2587, 2588, 2589], committed=2585)
    for offset in (2586, 2587, 2588, 2589):
        ledger.processed(TP0, offset)
    assert ledger.next_commit(TP0, 2585, GEN) is None
    ledger.processed(TP0, 2585)
    assert ledger.next_commit(TP0, 2585, GEN) == 2590


def test_offsets_the_broker_never_delivered_are_stepped_over() -> None:
    ledger = OffsetLedger()
    # 200 and 201 are transaction markers before the first delivery; 205 one between two deliveries
    delivered(ledger, [202, 203, 204, 206], committed=200)
    for offset in (202, 203, 204, 206):
        ledger.processed(TP0, offset)
    assert ledger.next_commit(TP0, 200, GEN) == 207


def test_the_message_after_a_hole_is_not_part_of_the_hole() -> None:
    ledger = OffsetLedger()
    delivered(ledger, [10, 11, 15], committed=10)
    ledger.processed(TP0, 10)
    ledger.processed(TP0, 11)
    assert ledger.next_commit(TP0, 10, GEN) == 15  # over the hole 12-14, not over 15
    ledger.processed(TP0, 15)
    assert ledger.next_commit(TP0, 15, GEN) == 16


def test_messages_skipped_in_a_rebalance_do_not_count() -> None:
    ledger = OffsetLedger()
    delivered(ledger, [50, 51, 52], committed=50, generation=GEN - 1)  # fetched before the rebalance
    delivered(ledger, [50, 51, 52], committed=50)  # read again after it
    ledger.processed(TP0, 51)
    ledger.processed(TP0, 52)
    assert ledger.next_commit(TP0, 50, GEN) is None
    ledger.processed(TP0, 50)
    assert ledger.next_commit(TP0, 50, GEN) == 53


def test_a_new_generation_starts_from_its_committed_position() -> None:
    ledger = OffsetLedger()
    delivered(ledger, [0, 1, 2, 3], committed=None, generation=GEN - 1)
    ledger.processed(TP0, 0)
    # reassigned: sought back to 1, delivered again from there; no hole between 3 and 1
    delivered(ledger, [1, 2, 3], committed=1)
    ledger.processed(TP0, 2)
    assert ledger.next_commit(TP0, 1, GEN) is None
    ledger.processed(TP0, 1)
    assert ledger.next_commit(TP0, 1, GEN) == 3


def test_nothing_committed_yet_starts_at_the_first_delivered_offset() -> None:
    ledger = OffsetLedger()
    delivered(ledger, [7, 8, 9], committed=None)
    ledger.processed(TP0, 8)
    assert ledger.next_commit(TP0, None, GEN) is None
    ledger.processed(TP0, 7)
    assert ledger.next_commit(TP0, None, GEN) == 9
    assert ledger.next_commit(TP0, None, GEN - 1) is None  # deliveries of another generation


def test_unknown_partition_commits_nothing() -> None:
    assert OffsetLedger().next_commit(TP0, 5, GEN) is None


@given(
    st.lists(st.booleans(), min_size=1, max_size=60),
    st.lists(st.booleans(), min_size=1, max_size=60),
    st.integers(0, 5),
)
def test_never_commits_past_an_unprocessed_delivered_message(
    in_log: list[bool], done: list[bool], start: int
) -> None:
    """Any log with holes, any processed subset: the commit is the first delivered, unprocessed offset
    (or the end of what was delivered)."""
    ledger = OffsetLedger()
    offsets = [start + i for i, present in enumerate(in_log) if present]
    delivered(ledger, offsets, committed=start)
    processed = {o for o, d in zip(offsets, done * 60, strict=False) if d}
    for offset in processed:
        ledger.processed(TP0, offset)
    pending = [o for o in offsets if o not in processed]
    expected = pending[0] if pending else (offsets[-1] + 1 if offsets else start)
    got = ledger.next_commit(TP0, start, GEN)
    assert got == (expected if expected > start else None)


def _consumer(committed: int | None) -> Any:
    return SimpleNamespace(
        app=SimpleNamespace(consumer_generation_id=GEN),
        _acked=defaultdict(list, {TP0: [2586, 2587]}),
        _acked_index=defaultdict(set, {TP0: {2586, 2587}}),
        _committed_offset=defaultdict(lambda: None, {TP0: committed}),
    )


def test_installed_into_faust_consumer() -> None:
    offset_ledger.install()
    offset_ledger.install()  # idempotent
    consumer = _consumer(2585)
    ledger = offset_ledger.ledger_of(consumer)
    assert offset_ledger.ledger_of(consumer) is ledger
    delivered(ledger, [2585, 2586, 2587], committed=2585)
    offset_ledger.mark_processed(consumer, [SimpleNamespace(tp=TP0, offset=o) for o in (2586, 2587)])
    assert Consumer._new_offset(consumer, TP0) is None  # Faust's own rule would commit 2588
    assert consumer._acked[TP0] == [] and not consumer._acked_index[TP0]
    offset_ledger.mark_processed(consumer, [SimpleNamespace(tp=TP0, offset=2585)])
    assert Consumer._new_offset(consumer, TP0) == 2588


def test_the_fetcher_callback_records_deliveries() -> None:
    import asyncio

    consumer = _consumer(40)
    seen: list[int] = []

    async def callback(message: Any) -> None:
        seen.append(message.offset)

    on_message = offset_ledger._recording_callback(consumer, callback)
    for offset in (40, 42):
        asyncio.run(on_message(SimpleNamespace(tp=TP0, offset=offset, generation_id=GEN)))
    assert seen == [40, 42]
    part = offset_ledger.ledger_of(consumer).partition(TP0)
    assert (part.first, part.last, part.holes) == (40, 42, [(41, 42)])
