"""`news-events offsets show|reset` against the real local broker."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any

import orjson
import pytest
from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.structs import OffsetAndMetadata

pytestmark = pytest.mark.integration

JUNE_21 = 1_718_928_000_000  # 2024-06-21T00:00:00Z
MINUTE = 60_000


def offsets_cli(bootstrap: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env["KAFKA_BOOTSTRAP_SERVERS"] = bootstrap
    return subprocess.run(
        [sys.executable, "-m", "worker", "offsets", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def committed(bootstrap: str, group: str, topic: str) -> dict[int, int]:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="test-offsets")
    try:
        answer = admin.list_group_offsets({group: None}).get(group, {})
    finally:
        admin.close()
    return {tp.partition: om.offset for tp, om in answer.items() if tp.topic == topic and om.offset >= 0}


def members(bootstrap: str, group: str) -> int:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="test-offsets")
    try:
        return len(admin.describe_groups([group]).get(group, {}).get("members") or [])
    finally:
        admin.close()


def commit(bootstrap: str, group: str, topic: str, offsets: dict[int, int]) -> None:
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    try:
        tps = {p: TopicPartition(topic, p) for p in offsets}
        consumer.assign(list(tps.values()))
        consumer.commit({tps[p]: OffsetAndMetadata(o, "", -1) for p, o in offsets.items()})
    finally:
        consumer.close()


@pytest.fixture
def topic_with_records(kafka_bootstrap: str, new_topic: Any, produce_values: Any) -> str:
    """Two partitions: 6 records in partition 0 (one a minute from June 21st 00:00), 3 in partition 1."""
    topic: str = new_topic("offsets", partitions=2)
    produce_values(
        topic, [{"n": i} for i in range(6)], timestamps=[JUNE_21 + i * MINUTE for i in range(6)], partition=0
    )
    produce_values(
        topic, [{"n": i} for i in range(3)], timestamps=[JUNE_21 + i * MINUTE for i in range(3)], partition=1
    )
    return topic


def test_show_reports_committed_end_and_lag(kafka_bootstrap: str, topic_with_records: str) -> None:
    topic, group = topic_with_records, f"{topic_with_records}-group"
    commit(kafka_bootstrap, group, topic, {0: 2})
    done = offsets_cli(kafka_bootstrap, "show", "--group", group, "--topic", topic, "--json")
    assert done.returncode == 0, done.stderr
    rows = {r["partition"]: r for r in orjson.loads(done.stdout)["partitions"]}
    assert (rows[0]["committed"], rows[0]["end"], rows[0]["lag"]) == (2, 6, 4)
    assert (rows[1]["committed"], rows[1]["end"], rows[1]["lag"]) == (None, 3, None)
    table = offsets_cli(kafka_bootstrap, "show", "--group", group)
    assert table.returncode == 0 and topic in table.stdout


def test_reset_is_a_dry_run_unless_executed(kafka_bootstrap: str, topic_with_records: str) -> None:
    topic, group = topic_with_records, f"{topic_with_records}-group"
    commit(kafka_bootstrap, group, topic, {0: 5, 1: 3})

    dry = offsets_cli(kafka_bootstrap, "reset", "--group", group, "--topic", topic, "--to-earliest", "--json")
    assert dry.returncode == 0, dry.stderr
    plan = {r["partition"]: (r["current"], r["new"]) for r in orjson.loads(dry.stdout)["plan"]}
    assert plan == {0: (5, 0), 1: (3, 0)}
    assert committed(kafka_bootstrap, group, topic) == {0: 5, 1: 3}

    cases: list[tuple[list[str], dict[int, int]]] = [
        (["--to-earliest"], {0: 0, 1: 0}),
        (["--shift-by", "4", "--partitions", "0"], {0: 4, 1: 0}),
        (["--shift-by", "-10"], {0: 0, 1: 0}),  # clamped to the earliest offset
        (["--to-datetime", "2024-06-21T00:02:00Z"], {0: 2, 1: 2}),
        (["--to-datetime", "2024-06-21T00:04:30Z"], {0: 5, 1: 3}),  # partition 1: no record -> latest
        (["--to-latest", "--partitions", "1"], {0: 5, 1: 3}),
    ]
    for args, expected in cases:
        done = offsets_cli(kafka_bootstrap, "reset", "--group", group, "--topic", topic, *args, "--execute")
        assert done.returncode == 0, (args, done.stderr)
        assert committed(kafka_bootstrap, group, topic) == expected, args


def test_reset_is_refused_while_the_group_has_members(kafka_bootstrap: str, topic_with_records: str) -> None:
    topic, group = topic_with_records, f"{topic_with_records}-group"
    commit(kafka_bootstrap, group, topic, {0: 5, 1: 3})
    member = KafkaConsumer(
        topic, bootstrap_servers=kafka_bootstrap, group_id=group, enable_auto_commit=False, client_id="member"
    )
    try:
        deadline = time.monotonic() + 30
        while not members(kafka_bootstrap, group) and time.monotonic() < deadline:
            member.poll(timeout_ms=200)  # joins the group (an empty assignment still makes a member)
        assert members(kafka_bootstrap, group), "the member never joined"
        done = offsets_cli(
            kafka_bootstrap, "reset", "--group", group, "--topic", topic, "--to-earliest", "--execute"
        )
        assert done.returncode == 3
        assert "active member" in done.stderr
        assert committed(kafka_bootstrap, group, topic) == {0: 5, 1: 3}
    finally:
        member.close()
