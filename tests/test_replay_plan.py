"""Pure replay planning: bounds, ranges, group names, resume bookkeeping, reset plans, the rate limiter."""

from __future__ import annotations

import pytest

from worker.replay.plan import (
    PartitionRange,
    PlanError,
    RangeSpec,
    default_group,
    make_spec,
    parse_partitions,
    parse_rfc3339,
    resolve_ranges,
    run_id_for,
    select_partitions,
)
from worker.replay.rate import TokenBucket
from worker.replay.reset import ResetTarget, plan_reset
from worker.replay.state import Committed, decode_end, encode_metadata, resume_ranges

pytestmark = pytest.mark.timeout(30)

JUNE_21 = 1_718_928_000_000  # 2024-06-21T00:00:00Z


def test_parse_rfc3339_utc_and_offsets() -> None:
    assert parse_rfc3339("2024-06-21T00:00:00Z") == JUNE_21
    assert parse_rfc3339("2024-06-21T02:00:00+02:00") == JUNE_21
    assert parse_rfc3339("2024-06-21T00:00:00.250Z") == JUNE_21 + 250


@pytest.mark.parametrize("text", ["2024-06-21T00:00:00", "yesterday", ""])
def test_parse_rfc3339_rejects_naive_or_garbage(text: str) -> None:
    with pytest.raises(PlanError):
        parse_rfc3339(text)


def test_parse_partitions() -> None:
    assert parse_partitions("2,0, 2") == (0, 2)
    assert parse_partitions(None) is None
    assert parse_partitions(" ") is None
    with pytest.raises(PlanError):
        parse_partitions("a,b")
    with pytest.raises(PlanError):
        parse_partitions("-1")


def test_make_spec_rejects_conflicting_or_reversed_bounds() -> None:
    with pytest.raises(PlanError):
        make_spec(from_time="2024-06-21T00:00:00Z", from_offset=3)
    with pytest.raises(PlanError):
        make_spec(to_time="2024-06-21T00:00:00Z", to_offset=3)
    with pytest.raises(PlanError):
        make_spec(from_time="2024-06-22T00:00:00Z", to_time="2024-06-21T00:00:00Z")
    with pytest.raises(PlanError):
        make_spec(from_offset=5, to_offset=4)
    with pytest.raises(PlanError):
        make_spec(from_offset=-1)


def test_select_partitions() -> None:
    assert select_partitions([2, 0, 1], None) == (0, 1, 2)
    assert select_partitions([0, 1, 2], (0, 2)) == (0, 2)
    with pytest.raises(PlanError, match="do not exist"):
        select_partitions([0, 1], (3,))


def test_default_range_is_everything_up_to_the_high_water_mark() -> None:
    ranges = resolve_ranges([0, 1], beginning={0: 0, 1: 5}, end={0: 10, 1: 5}, spec=RangeSpec())
    assert ranges == (PartitionRange(0, 0, 10), PartitionRange(1, 5, 5))
    assert [r.count for r in ranges] == [10, 0]


def test_time_bounds_use_offsets_for_times_and_missing_answers_mean_the_end() -> None:
    spec = make_spec(from_time="2024-06-21T00:00:00Z", to_time="2024-06-22T00:00:00Z")
    ranges = resolve_ranges(
        [0, 1, 2],
        beginning={0: 0, 1: 0, 2: 0},
        end={0: 30, 1: 30, 2: 30},
        spec=spec,
        start_by_time={0: 10, 1: 12, 2: None},  # partition 2: nothing at or after the start
        end_by_time={0: 20, 1: None, 2: None},  # partition 1: nothing after the end -> high-water mark
    )
    assert ranges == (PartitionRange(0, 10, 20), PartitionRange(1, 12, 30), PartitionRange(2, 30, 30))


def test_offset_bounds_are_clamped_to_the_log() -> None:
    spec = make_spec(from_offset=2, to_offset=100)
    ranges = resolve_ranges([0, 1], beginning={0: 5, 1: 0}, end={0: 50, 1: 1}, spec=spec)
    assert ranges == (PartitionRange(0, 5, 50), PartitionRange(1, 1, 1))


def test_run_id_is_stable_and_depends_on_every_parameter() -> None:
    spec = make_spec(from_time="2024-06-21T00:00:00Z", partitions="0,1")
    base = run_id_for("articles.raw", spec, "events.v1", "articles.outcomes", "articles.dlq", "0.1.0")
    assert base == run_id_for("articles.raw", spec, "events.v1", "articles.outcomes", "articles.dlq", "0.1.0")
    others = {
        run_id_for("articles.dlq", spec, "events.v1", "articles.outcomes", "articles.dlq", "0.1.0"),
        run_id_for("articles.raw", make_spec(), "events.v1", "articles.outcomes", "articles.dlq", "0.1.0"),
        run_id_for("articles.raw", spec, "events.v1.backfill", "articles.outcomes", "articles.dlq", "0.1.0"),
        run_id_for("articles.raw", spec, "events.v1", "articles.outcomes", "articles.dlq", "0.2.0"),
    }
    assert base not in others and len(others) == 4
    assert default_group("news-events", base) == f"news-events-replay-{base}"


def test_metadata_round_trip_and_foreign_metadata() -> None:
    meta = encode_metadata("abc", 42)
    assert decode_end(meta, "abc") == 42
    assert decode_end(meta, "other") is None
    assert decode_end("", "abc") is None
    assert decode_end("not json", "abc") is None


def test_resume_continues_from_committed_offsets_and_keeps_the_original_end() -> None:
    planned = (PartitionRange(0, 10, 50), PartitionRange(1, 0, 8), PartitionRange(2, 0, 5))
    committed = {
        0: Committed(30, encode_metadata("run", 40)),  # end pinned by an earlier run: the topic grew since
        1: Committed(8, encode_metadata("run", 8)),  # done
        # 2: nothing committed yet
    }
    assert resume_ranges(planned, committed, "run") == (
        PartitionRange(0, 30, 40),
        PartitionRange(1, 8, 8),
        PartitionRange(2, 0, 5),
    )
    assert resume_ranges(planned, committed, "run", restart=True) == planned


def test_resume_ignores_commits_outside_the_range() -> None:
    planned = (PartitionRange(0, 10, 20),)
    assert resume_ranges(planned, {0: Committed(3)}, "run") == (PartitionRange(0, 10, 20),)
    assert resume_ranges(planned, {0: Committed(99)}, "run") == (PartitionRange(0, 20, 20),)


def test_reset_plans_are_clamped() -> None:
    common = {"current": {0: 5, 1: None}, "earliest": {0: 2, 1: 0}, "latest": {0: 9, 1: 4}}
    rows = plan_reset([0, 1], target=ResetTarget("earliest"), **common)  # type: ignore[arg-type]
    assert [(r.current, r.new) for r in rows] == [(5, 2), (None, 0)]
    rows = plan_reset([0, 1], target=ResetTarget("latest"), **common)  # type: ignore[arg-type]
    assert [r.new for r in rows] == [9, 4]
    rows = plan_reset([0, 1], target=ResetTarget("shift", -10), **common)  # type: ignore[arg-type]
    assert [r.new for r in rows] == [2, 0]
    rows = plan_reset([0, 1], target=ResetTarget("shift", 3), **common)  # type: ignore[arg-type]
    assert [r.new for r in rows] == [8, 3]
    rows = plan_reset(
        [0, 1],
        target=ResetTarget("datetime", JUNE_21),
        by_time={0: 7, 1: None},
        **common,  # type: ignore[arg-type]
    )
    assert [r.new for r in rows] == [7, 4]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_token_bucket_holds_the_rate() -> None:
    clock = FakeClock()
    bucket = TokenBucket(50, clock=clock, sleep=clock.sleep)
    for _ in range(1000):
        bucket.acquire()
    assert 19.9 <= clock.now <= 20.1  # 1000 tokens at 50/s, no initial burst


def test_token_bucket_burst_is_bounded_after_idling() -> None:
    clock = FakeClock()
    bucket = TokenBucket(100, clock=clock, sleep=clock.sleep)
    clock.now = 60.0  # idle for a minute: at most a tenth of a second's worth may pass at once
    taken = 0
    while bucket.delay() == 0:
        bucket.acquire()
        taken += 1
    assert taken == 10
    with pytest.raises(ValueError):
        TokenBucket(0)
