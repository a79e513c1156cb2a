"""The streaming worker on the real broker: events, outcomes, dead letters, crash and shutdown."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
import worker_fixtures
from kafka import KafkaProducer
from worker_fixtures import StartWorker, committed_offsets, read_topic

from worker.settings import Settings
from worker.stream.topics import create_topics

pytestmark = pytest.mark.integration
start_worker = worker_fixtures.start_worker

SAMPLE = (Path(__file__).resolve().parents[2] / "samples" / "articles.jsonl").read_bytes().splitlines()[0]


def make_settings(bootstrap: str, **overrides: Any) -> Settings:
    run = uuid.uuid4().hex[:8]
    base: dict[str, Any] = {
        "kafka_bootstrap_servers": bootstrap,
        "app_id": f"worker-test-{run}",
        "input_topic": f"wt-{run}.raw",
        "events_topic": f"wt-{run}.events",
        "outcomes_topic": f"wt-{run}.outcomes",
        "dlq_topic": f"wt-{run}.dlq",
        "topic_partitions": 2,
        "batch_size": 100,
        "commit_interval_s": 0.5,
        "transaction_timeout_ms": 10_000,
        "transactional_id": f"worker-test-{run}-eos",
    }
    base.update(overrides)
    settings = Settings.from_env({}, **base)
    create_topics(settings)
    return settings


def produce(bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=20)
    for key, value in records:
        producer.send(topic, key=key, value=value)
    producer.flush(60)
    producer.close()


def sample_copy(n: int) -> tuple[bytes, bytes]:
    data = orjson.loads(SAMPLE)
    data["id"] = f"load-{n:05d}"
    return data["id"].encode(), orjson.dumps(data)


def distinct_at_least(field: str, n: int) -> Callable[[list[Any]], bool]:
    """An incremental ``until`` for ``read_topic``: true once ``n`` distinct values of ``field`` are seen."""
    seen: set[str] = set()
    done = 0

    def until(records: list[Any]) -> bool:
        nonlocal done
        for record in records[done:]:
            seen.add(orjson.loads(record.value)[field])
        done = len(records)
        return len(seen) >= n

    return until


def outcomes_of(records: list[Any]) -> list[dict[str, Any]]:
    return [orjson.loads(r.value) for r in records]


def test_sample_and_bad_inputs(kafka_bootstrap: str, start_worker: StartWorker) -> None:
    settings = make_settings(kafka_bootstrap, topic_partitions=1, max_body_bytes=4096)
    article = orjson.loads(SAMPLE)
    bad = {
        "not_json": b"this is not json",
        "schema_invalid": orjson.dumps({"id": "s1", "body": "Text.", "language": "english"}),
        "invalid_utf8": b'{"id": "u1", "body": "\xff\xfe broken"}',
        "too_large": orjson.dumps({**article, "id": "big1", "body": "Word " * 2000}),
        "empty_body": orjson.dumps({"id": "e1", "body": "   "}),
    }
    produce(kafka_bootstrap, settings.input_topic, [(name.encode(), v) for name, v in bad.items()])
    produce(kafka_bootstrap, settings.input_topic, [(b"korea-russia-pact-2024", SAMPLE)])

    worker = start_worker(settings)
    worker.wait_ready()
    outcomes = outcomes_of(
        read_topic(kafka_bootstrap, settings.outcomes_topic, until=lambda rs: len(rs) >= 6, timeout=60)
    )
    assert len(outcomes) == 6, worker.log_tail()
    good = [o for o in outcomes if o["outcome"] != "dead_letter"]
    assert [o["article_id"] for o in good] == ["korea-russia-pact-2024"]
    assert good[0]["outcome"] == "events" and good[0]["events"] > 0

    letters = read_topic(kafka_bootstrap, settings.dlq_topic, until=lambda rs: len(rs) >= 5, timeout=30)
    assert len(letters) == 5
    for letter in letters:
        name = letter.key.decode()
        assert letter.value == bad[name]  # original bytes, untouched
        headers = {k: v.decode() for k, v in letter.headers}
        assert headers["news-events.error.stage"] in ("decode", "validate")
        assert headers["news-events.error.reason"]
        assert headers["news-events.source.topic"] == settings.input_topic

    events = read_topic(
        kafka_bootstrap, settings.events_topic, until=lambda rs: len(rs) >= good[0]["events"], timeout=30
    )
    assert [orjson.loads(e.value)["event_id"] for e in events] == good[0]["event_ids"]
    assert all(e.key == b"korea-russia-pact-2024" for e in events)
    assert worker.wait_metric("news_events_dead_letters_total", 5, timeout=10) == 5
    assert worker.terminate()[0] == 0


@pytest.mark.parametrize("guarantee", ["at_least_once", "exactly_once"])
def test_kill_9_and_restart_loses_nothing(
    kafka_bootstrap: str, start_worker: StartWorker, guarantee: str
) -> None:
    total = 2000
    settings = make_settings(kafka_bootstrap, processing_guarantee=guarantee, topic_partitions=4)
    produce(kafka_bootstrap, settings.input_topic, [sample_copy(n) for n in range(total)])

    first = start_worker(settings, log_name="first")
    first.wait_ready()
    first.wait_metric("news_events_articles_total", total // 4, timeout=120)
    first.kill()
    second = start_worker(settings, log_name="second")

    all_ids = distinct_at_least("article_id", total)
    outcomes = outcomes_of(read_topic(kafka_bootstrap, settings.outcomes_topic, until=all_ids, timeout=240))
    assert {o["article_id"] for o in outcomes} == {sample_copy(n)[0].decode() for n in range(total)}, (
        second.log_tail()
    )
    expected_events = {eid for o in outcomes for eid in o["event_ids"]}
    events = read_topic(
        kafka_bootstrap,
        settings.events_topic,
        idle=3.0,
        timeout=120,
        until=distinct_at_least("event_id", len(expected_events)),
    )
    by_id: dict[str, set[bytes]] = {}
    for record in events:
        by_id.setdefault(orjson.loads(record.value)["event_id"], set()).add(record.value)
    assert set(by_id) == expected_events
    assert all(len(contents) == 1 for contents in by_id.values())  # repeats are identical
    assert second.terminate()[0] == 0
    if guarantee == "exactly_once":  # everything, once: read both topics to their end
        all_events = read_topic(kafka_bootstrap, settings.events_topic, idle=2.0, timeout=60)
        counts = Counter(orjson.loads(r.value)["event_id"] for r in all_events)
        assert max(counts.values()) == 1, "duplicate event under exactly_once"
        assert len(read_topic(kafka_bootstrap, settings.outcomes_topic, idle=2.0, timeout=60)) == total


@pytest.mark.parametrize("guarantee", ["at_least_once", "exactly_once"])
def test_sigterm_commits_and_exits_quickly(
    kafka_bootstrap: str, start_worker: StartWorker, guarantee: str
) -> None:
    total = 3000
    settings = make_settings(kafka_bootstrap, processing_guarantee=guarantee)
    produce(kafka_bootstrap, settings.input_topic, [sample_copy(n) for n in range(total)])
    worker = start_worker(settings)
    worker.wait_ready()
    worker.wait_metric("news_events_articles_total", 300, timeout=120)
    code, seconds = worker.terminate(timeout=15)
    assert code == 0 and seconds < 10, worker.log_tail()

    outcomes = outcomes_of(read_topic(kafka_bootstrap, settings.outcomes_topic, idle=2.0, timeout=30))
    processed: dict[int, int] = {}
    for o in outcomes:
        p = o["source"]["partition"]
        processed[p] = max(processed.get(p, -1), o["source"]["offset"])
    committed = committed_offsets(kafka_bootstrap, settings.app_id, settings.input_topic)
    done = {p: last + 1 for p, last in processed.items()}
    if guarantee == "exactly_once":  # outputs and offsets commit together: a restart re-processes nothing
        assert committed == done, worker.log_tail()
    else:  # nothing processed is lost; at most the in-flight batch of each actor is re-processed
        assert set(committed) <= set(done) and all(committed.get(p, 0) <= done[p] for p in done)
        behind = sum(done[p] - committed.get(p, 0) for p in done)
        assert behind <= settings.batch_size * settings.agent_concurrency, (committed, done)
    assert len(outcomes) == len({o["article_id"] for o in outcomes}) < total
