"""Scenario 4: 1,000 hostile messages interleaved with good articles. Every bad one becomes a dead letter
carrying its reason, every good one gives its events, and the worker's RSS stays bounded. A 10 MB record
never reaches the worker: it is rejected at produce time (client size check, then the broker's
``message.max.bytes``)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import orjson
import pytest
from conftest import RssSampler, collect, create_topics, produce, scenario_settings
from hostile import MAX_BODY_BYTES, good_messages, hostile_messages, interleave
from kafka import KafkaProducer
from kafka.errors import KafkaTimeoutError, MessageSizeTooLargeError
from worker_fixtures import StartWorker

from worker.settings import Settings
from worker.stream.processing import process_record
from worker.stream.records import SourceRecord

pytestmark = [pytest.mark.reliability, pytest.mark.integration]

BAD = 1000
GOOD = 300
RSS_GROWTH_LIMIT_KIB = 150 * 1024


def test_generator_messages_are_dead_letters_with_their_reason() -> None:
    """The generator's labels hold for the pure core (no broker): a fast check of the oracle."""
    settings = Settings.from_env({}, max_body_bytes=MAX_BODY_BYTES)
    wrong = Counter()
    for n, msg in enumerate(hostile_messages(BAD)):
        done = process_record(msg.key, msg.value, SourceRecord("t", 0, n, None, []), settings)
        if done.outcome_name != "dead_letter" or done.reason not in msg.reasons:
            wrong[(msg.kind, done.outcome_name, done.reason)] += 1
    assert not wrong
    kinds = Counter(m.kind for m in hostile_messages(BAD))
    assert len(kinds) >= 20 and min(kinds.values()) >= 40


def _header(record: Any, name: str) -> str:
    return next((v.decode() for k, v in record.headers if k == name), "")


def test_hostile_input_is_dead_lettered_with_bounded_memory(
    kafka_bootstrap: str, start_worker: StartWorker, summary: Callable[[str, dict[str, Any]], None]
) -> None:
    settings = scenario_settings(kafka_bootstrap, "hostile", max_body_bytes=MAX_BODY_BYTES)
    create_topics(settings)
    messages = interleave(hostile_messages(BAD), good_messages(GOOD, prefix="hg"))
    where = produce(kafka_bootstrap, settings.input_topic, [(m.key, m.value) for m in messages])
    by_source = {src: messages[n] for src, n in where.items()}

    worker = start_worker(settings, log_name="hostile")
    worker.wait_ready(timeout=120)
    rss = RssSampler(worker.pid)
    started = time.monotonic()
    outputs = collect(settings, len(messages), timeout=180)
    elapsed = time.monotonic() - started
    rss.stop()

    lost = [src for src in by_source if src not in outputs.by_source]
    wrong: Counter[tuple[str, str, str | None]] = Counter()
    expected_events: set[str] = set()
    for src, msg in by_source.items():
        for outcome in outputs.by_source.get(src, [])[:1]:
            if msg.bad and (outcome["outcome"] != "dead_letter" or outcome["reason"] not in msg.reasons):
                wrong[(msg.kind, outcome["outcome"], outcome["reason"])] += 1
            if not msg.bad:
                if outcome["outcome"] == "dead_letter":
                    wrong[(msg.kind, "dead_letter", outcome["reason"])] += 1
                expected_events.update(outcome["event_ids"])
    event_ids = {orjson.loads(r.value)["event_id"] for r in outputs.events}

    letters_ok = 0
    for letter in outputs.dead_letters:
        src = (
            int(_header(letter, "news-events.source.partition")),
            int(_header(letter, "news-events.source.offset")),
        )
        msg = by_source[src]
        if (
            msg.bad
            and _header(letter, "news-events.error.reason") in msg.reasons
            and (letter.value or b"") == msg.value
        ):
            letters_ok += 1
    baseline, peak = rss.baseline, rss.peak
    summary(
        "4-hostile",
        {
            "inputs": len(messages),
            "bad": BAD,
            "good": GOOD,
            "kinds": len({m.kind for m in messages if m.bad}),
            "input_mb": round(sum(len(m.value) for m in messages) / 1e6, 1),
            "lost": len(lost),
            "dead_letters": len(outputs.dead_letters),
            "dead_letters_matching_input_and_reason": letters_ok,
            "wrong_outcomes": sum(wrong.values()),
            "good_events": len(expected_events),
            "rss_kib_ready": baseline,
            "rss_kib_peak": peak,
            "rss_samples": len(rss.samples),
            "drain_s": round(elapsed, 1),
            "reasons": dict(Counter(_header(r, "news-events.error.reason") for r in outputs.dead_letters)),
        },
    )
    assert not lost, worker.log_tail()
    assert not wrong, wrong
    assert len(outputs.dead_letters) == BAD and letters_ok == BAD
    assert expected_events and expected_events <= event_ids
    assert peak - baseline < RSS_GROWTH_LIMIT_KIB, (baseline, peak)
    assert worker.running()
    assert worker.terminate()[0] == 0


def test_ten_megabyte_record_is_rejected_at_produce_time(
    kafka_bootstrap: str, summary: Callable[[str, dict[str, Any]], None]
) -> None:
    """The local broker keeps Kafka's default ``message.max.bytes`` (~1 MiB): a 10 MB article is refused
    by the producer's own ``max_request_size`` check, and by the broker when a producer allows it."""
    settings = scenario_settings(kafka_bootstrap, "huge")
    create_topics(settings, [settings.input_topic])
    body = orjson.dumps({"id": "ten-mb", "body": "word " * 2_000_000})
    assert len(body) > 10_000_000
    outcomes = {}
    for name, max_request in (("client_default_1MiB", 1_048_576), ("client_16MiB", 16 * 1_048_576)):
        producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, max_request_size=max_request, retries=0)
        try:
            with pytest.raises((MessageSizeTooLargeError, KafkaTimeoutError)) as err:
                producer.send(settings.input_topic, body).get(timeout=60)
            outcomes[name] = type(err.value).__name__
        finally:
            producer.close()
    summary("4-ten-megabytes", {"bytes": len(body), "rejected_by": outcomes})
    assert outcomes["client_default_1MiB"] == "MessageSizeTooLargeError"
