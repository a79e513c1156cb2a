"""`news-events topics|produce|consume` against the real broker (the commands `make run` uses)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import orjson
import pytest
from worker_fixtures import read_topic

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worker", *args],
        env={**os.environ, **env},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_topics_produce_consume(kafka_bootstrap: str) -> None:
    run = uuid.uuid4().hex[:8]
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "INPUT_TOPIC": f"cli-{run}.raw",
        "EVENTS_TOPIC": f"cli-{run}.events",
        "OUTCOMES_TOPIC": f"cli-{run}.outcomes",
        "DLQ_TOPIC": f"cli-{run}.dlq",
        "TOPIC_PARTITIONS": "3",
        "TOPIC_RETENTION_MS": "3600000",
    }
    first = _cli(env, "topics", "create")
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("created") == 4
    again = _cli(env, "topics", "create")
    assert again.returncode == 0 and again.stdout.count("exists") == 4  # idempotent
    described = _cli(env, "topics", "describe")
    assert described.returncode == 0
    assert f"cli-{run}.raw\t3\t1\t3600000" in described.stdout

    sent = _cli(env, "produce", "samples/articles.jsonl", "--count", "3")
    assert sent.returncode == 0 and "sent 3 articles" in sent.stdout, sent.stderr
    text = _cli(env, "produce", "--text", "samples/korea-russia-pact-2024.txt")
    assert text.returncode == 0 and "sent 1 articles" in text.stdout
    records = read_topic(kafka_bootstrap, env["INPUT_TOPIC"], until=lambda rs: len(rs) >= 4, timeout=30)
    keys = sorted(r.key for r in records)
    assert keys == [
        b"korea-russia-pact-2024",
        b"korea-russia-pact-2024",
        b"korea-russia-pact-2024~1",
        b"korea-russia-pact-2024~2",
    ]
    plain = next(orjson.loads(r.value) for r in records if b"title" in r.value and b"~" not in r.value)
    assert plain["body"]

    shown = _cli(
        env, "consume", "--topic", env["INPUT_TOPIC"], "--from-beginning", "--max", "4", "--max-wait", "20"
    )
    assert shown.returncode == 0, shown.stderr
    lines = [orjson.loads(line) for line in shown.stdout.splitlines()]
    assert len(lines) == 4 and {line["id"] for line in lines} >= {"korea-russia-pact-2024~1"}
