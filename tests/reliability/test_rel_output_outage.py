"""Scenario 5: the events topic refuses writes for a while. The fault is injected into the worker
subprocess by a test-only ``sitecustomize`` (``inject/``): while a flag file exists, every send to the
events topic fails with a transient ``KafkaConnectionError``. (Raising the topic's
``min.insync.replicas`` above its replication factor does nothing on Kafka 4: the broker uses
min(min.insync.replicas, replication factor).) The worker must apply backpressure (no progress,
bounded memory, no dead letters while the outage fits its retry budget), lose nothing, and resume."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import RssSampler, collect, create_topics, duplicate_report, produce, scenario_settings
from hostile import good_messages
from worker_fixtures import StartWorker

pytestmark = [pytest.mark.reliability, pytest.mark.integration]

ARTICLES = int(os.environ.get("REL_OUTAGE_ARTICLES", "2000"))
OUTAGE_S = 12.0
RSS_GROWTH_LIMIT_KIB = 150 * 1024


INJECT = Path(__file__).resolve().parent / "inject"


@pytest.mark.parametrize("guarantee", ["at_least_once", "exactly_once"])
def test_events_topic_unwritable_for_a_while(
    kafka_bootstrap: str,
    start_worker: StartWorker,
    summary: Callable[[str, dict[str, Any]], None],
    guarantee: str,
    tmp_path: Path,
) -> None:
    # retry budget (backoff 0.2 s doubling, capped at 10 s) of ~30 s > the outage
    settings = scenario_settings(
        kafka_bootstrap,
        f"outage-{guarantee[:2]}",
        processing_guarantee=guarantee,
        max_retries=8,
        retry_backoff_s=0.2,
    )
    create_topics(settings)
    messages = [(m.key, m.value) for m in good_messages(ARTICLES, prefix=f"ou{guarantee[:2]}")]
    half = ARTICLES // 2
    produced = produce(kafka_bootstrap, settings.input_topic, messages[:half])

    flag = tmp_path / "events-down"
    worker = start_worker(
        settings,
        log_name=f"outage-{guarantee}",
        PYTHONPATH=str(INJECT),
        REL_FAIL_EVENTS_FLAG=str(flag),
        REL_FAIL_EVENTS_TOPIC=settings.events_topic,
    )
    worker.wait_ready(timeout=120)
    worker.wait_metric("news_events_articles_total", ARTICLES // 10, timeout=120)

    rss = RssSampler(worker.pid)
    flag.touch()
    outage_started = time.monotonic()
    time.sleep(2.0)  # in-flight batches settle
    at_stall = worker.metric("news_events_articles_total")
    # the second half arrives during the outage: the worker must not run ahead of its outputs
    for src, n in produce(kafka_bootstrap, settings.input_topic, messages[half:]).items():
        produced[src] = half + n
    time.sleep(max(0.0, OUTAGE_S - (time.monotonic() - outage_started)))
    during = worker.metric("news_events_articles_total")
    alive_during = worker.running()
    flag.unlink()
    restored = time.monotonic()
    worker.wait_metric("news_events_articles_total", during + 1, timeout=180)
    resumed_s = time.monotonic() - restored

    outputs = collect(settings, ARTICLES, timeout=240)
    rss.stop()
    missing = [src for src in produced if src not in outputs.by_source]
    dups = duplicate_report(outputs)
    baseline, peak = rss.baseline, rss.peak
    summary(
        f"5-output-outage-{guarantee}",
        {
            "inputs": ARTICLES,
            "outage_s": round(restored - outage_started, 1),
            "processed_during_outage": int(during - at_stall),
            "worker_alive_during_outage": alive_during,
            "recovery_after_restore_s": round(resumed_s, 1),
            "lost": len(missing),
            "duplicate_outcomes": dups["duplicate_outcomes"],
            "duplicate_events": dups["duplicate_events"],
            "conflicting_duplicates": dups["conflicting_duplicates"],
            "dead_letters": len(outputs.dead_letters),
            "rss_kib_before": baseline,
            "rss_kib_peak": peak,
        },
    )
    assert alive_during, worker.log_tail()
    assert during - at_stall <= settings.batch_size * settings.agent_concurrency, "no backpressure"
    assert not missing, f"{len(missing)} lost\n{worker.log_tail()}"
    assert outputs.dead_letters == []
    assert dups["conflicting_duplicates"] == 0
    if guarantee == "exactly_once":
        assert dups["duplicate_outcomes"] == 0 and dups["duplicate_events"] == 0, dups
    assert peak - baseline < RSS_GROWTH_LIMIT_KIB, (baseline, peak)
    assert worker.terminate()[0] == 0
