"""`news-events replay` against the real local broker: exact time ranges, idempotent re-runs, resume
after SIGKILL, rate limit, dry run, dead-letter re-drive. The CLI runs as a subprocess, as users run it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest
from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.structs import OffsetAndMetadata

from worker.settings import Settings, env_names
from worker.stream.processing import process_record
from worker.stream.records import SourceRecord, header

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
PARAGRAPHS = [
    line.strip()
    for line in (REPO / "samples" / "korea-russia-pact-2024.txt").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
JUNE_20 = 1_718_841_600_000  # 2024-06-20T00:00:00Z
HOUR = 3_600_000
DAY = 24 * HOUR


def article(article_id: str, body: str) -> dict[str, Any]:
    return {"id": article_id, "title": None, "source": "sample", "language": "en", "body": body}


def env_for(settings: Settings, **extra: str) -> dict[str, str]:
    names = env_names()
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "PYTHONPATH")}
    for name in ("kafka_bootstrap_servers", "input_topic", "events_topic", "outcomes_topic", "dlq_topic"):
        env[names[name]] = str(getattr(settings, name))
    env[names["app_id"]] = settings.app_id
    env[names["topic_partitions"]] = str(settings.topic_partitions)
    env.update(extra)
    return env


def replay_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "worker", "replay", "--json", *args]


def replay(settings: Settings, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    done = subprocess.run(
        replay_cmd(*args), env=env or env_for(settings), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = orjson.loads(done.stdout.strip().splitlines()[-1])
    return result


def outcome_ids(records: Sequence[Any]) -> list[str]:
    return [orjson.loads(r.value)["article_id"] for r in records]


def event_ids(records: Sequence[Any]) -> list[str]:
    return [orjson.loads(r.value)["event_id"] for r in records]


def expected_event_ids(settings: Settings, articles: Sequence[dict[str, Any]]) -> set[str]:
    """The ids live processing gives these articles (the source position does not enter the id)."""
    ids: set[str] = set()
    for a in articles:
        processed = process_record(a["id"].encode(), orjson.dumps(a), SourceRecord("x", 0, 0), settings)
        ids.update(orjson.loads(e.value or b"{}")["event_id"] for e in processed.events)
    return ids


def committed(bootstrap: str, group: str) -> dict[tuple[str, int], int]:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="test-replay")
    try:
        answer = admin.list_group_offsets({group: None}).get(group, {})
    finally:
        admin.close()
    return {(tp.topic, tp.partition): om.offset for tp, om in answer.items() if om.offset >= 0}


def commit_group(bootstrap: str, group: str, offsets: dict[TopicPartition, int]) -> None:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        consumer.assign(list(offsets))
        consumer.commit({tp: OffsetAndMetadata(o, "", -1) for tp, o in offsets.items()})
    finally:
        consumer.close()


@pytest.mark.kafka_partitions(2)
def test_replay_of_the_middle_day_leaves_the_live_group_alone(
    kafka_settings: Settings, produce_values: Any, consume_all: Any
) -> None:
    s = kafka_settings
    days = {d: [article(f"day{d}-{i}", PARAGRAPHS[i % len(PARAGRAPHS)]) for i in range(6)] for d in range(3)}
    for d, arts in days.items():
        stamps = [JUNE_20 + d * DAY + (i + 1) * HOUR for i in range(len(arts))]
        produce_values(s.input_topic, arts, keys=[a["id"] for a in arts], timestamps=stamps)
    live_group = f"{s.app_id}-live"
    live = {TopicPartition(s.input_topic, 0): 2, TopicPartition(s.input_topic, 1): 1}
    commit_group(s.kafka_bootstrap_servers, live_group, live)
    before = committed(s.kafka_bootstrap_servers, live_group)

    result = replay(s, "--from", "2024-06-21T00:00:00Z", "--to", "2024-06-22T00:00:00Z")

    assert result["completed"] is True and result["records"] == 6
    outcomes = consume_all(s.outcomes_topic)
    assert sorted(outcome_ids(outcomes)) == sorted(a["id"] for a in days[1])
    assert all(header(list(r.headers), "replay") == result["run_id"].encode() for r in outcomes)
    events = consume_all(s.events_topic)
    assert events, "the sample paragraphs code into events"
    assert {r.key.decode() for r in events} <= {a["id"] for a in days[1]}
    assert set(event_ids(events)) == expected_event_ids(s, days[1])
    assert committed(s.kafka_bootstrap_servers, live_group) == before
    replay_offsets = committed(s.kafka_bootstrap_servers, result["group"])
    assert set(replay_offsets) == {(s.input_topic, 0), (s.input_topic, 1)}


@pytest.mark.kafka_partitions(2)
def test_rerun_adds_no_ids_and_a_killed_replay_resumes_without_gaps(
    kafka_settings: Settings, produce_values: Any, consume_all: Any
) -> None:
    s = kafka_settings
    arts = [article(f"kill-{i}", PARAGRAPHS[i % len(PARAGRAPHS)]) for i in range(200)]
    produce_values(s.input_topic, arts, keys=[a["id"] for a in arts])
    args = ("--rate", "25", "--batch-size", "10")  # about 8 s: time to kill it midway
    proc = subprocess.Popen(
        replay_cmd(*args), env=env_for(s), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    group = None
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            outcomes_so_far = len(consume_all(s.outcomes_topic, timeout=2))
            if outcomes_so_far >= 40:
                break
            time.sleep(0.3)
        assert proc.poll() is None, "the replay finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    partial = consume_all(s.outcomes_topic)
    assert 40 <= len(partial) < len(arts)

    first = replay(s, *args[2:])  # same range and outputs -> same group; no rate limit this time
    group = first["group"]
    assert first["completed"] is True and 0 < first["records"] < len(arts)
    outcomes = consume_all(s.outcomes_topic)
    assert set(outcome_ids(outcomes)) == {a["id"] for a in arts}  # no gap
    ids = event_ids(consume_all(s.events_topic))
    assert set(ids) == expected_event_ids(s, arts)

    again = replay(s, *args[2:])
    assert again["group"] == group and again["records"] == 0
    assert set(event_ids(consume_all(s.events_topic))) == set(ids)  # nothing new

    restarted = replay(s, *args[2:], "--restart")
    assert restarted["records"] == len(arts)
    assert set(event_ids(consume_all(s.events_topic))) == set(ids)  # duplicates only repeat ids


@pytest.mark.kafka_partitions(1)
def test_rate_limit_holds_within_ten_percent(kafka_settings: Settings, produce_values: Any) -> None:
    s = kafka_settings
    arts = [article(f"rate-{i}", "Russia condemned Ukraine.") for i in range(600)]
    produce_values(s.input_topic, arts)
    result = replay(s, "--rate", "50")
    assert result["records"] == 600
    rate = result["records"] / result["elapsed_s"]
    assert result["elapsed_s"] >= 10
    assert 45 <= rate <= 55, result


@pytest.mark.kafka_partitions(2)
def test_dry_run_changes_nothing(kafka_settings: Settings, produce_values: Any, kafka_admin: Any) -> None:
    s = kafka_settings
    produce_values(s.input_topic, [article(f"dry-{i}", PARAGRAPHS[0]) for i in range(5)], partition=0)
    target = f"{s.events_topic}-backfill"
    done = subprocess.run(
        replay_cmd("--dry-run", "--output-topic", target, "--from-offset", "1"),
        env=env_for(s),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    plan = orjson.loads(done.stdout)["plan"]
    rows = {row["partition"]: row for row in plan["partitions"]}
    assert (rows[0]["start"], rows[0]["end"], rows[0]["messages"]) == (1, 5, 4)
    assert rows[1]["messages"] == 0 and plan["messages"] == 4
    assert target not in set(kafka_admin.list_topics())
    assert committed(s.kafka_bootstrap_servers, plan["group"]) == {}

    missing = f"{s.input_topic}-missing"
    done = subprocess.run(
        replay_cmd("--dry-run", "--topic", missing),
        env=env_for(s),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "does not exist" in done.stderr
    assert missing not in set(kafka_admin.list_topics())


@pytest.mark.kafka_partitions(1)
def test_dead_letter_redrive_turns_fixed_messages_into_events(
    kafka_settings: Settings, produce_values: Any, consume_all: Any
) -> None:
    s = kafka_settings
    arts = [article(f"big-{i}", PARAGRAPHS[0]) for i in range(3)]
    produce_values(s.input_topic, arts)
    # first pass with a body limit too small: every article is dead-lettered
    tight = env_for(s, **{env_names()["max_body_bytes"]: "20"})
    first = replay(s, env=tight)
    assert first["dead_letters"] == 3 and first["events"] == 0
    letters = consume_all(s.dlq_topic)
    assert [orjson.loads(r.value)["id"] for r in letters] == [a["id"] for a in arts]  # original bytes

    # the fix (a larger limit) is deployed: re-drive the dead-letter topic
    redrive = replay(s, "--topic", s.dlq_topic)
    assert redrive["records"] == 3 and redrive["dead_letters"] == 0 and redrive["events"] > 0
    assert set(event_ids(consume_all(s.events_topic))) == expected_event_ids(s, arts)
