"""Scenario 1: the worker is SIGKILLed at random points of a 5,000-article stream and restarted each
time. Every article must get an outcome; exactly_once shows no duplicate (read_committed);
at_least_once may repeat outputs, but a repeated event id always carries the same content."""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from conftest import collect, create_topics, duplicate_report, produce, scenario_settings
from hostile import good_messages
from worker_fixtures import StartWorker

pytestmark = [pytest.mark.reliability, pytest.mark.integration]

ARTICLES = int(os.environ.get("REL_ARTICLES", "5000"))
KILLS = 5


@pytest.mark.parametrize("guarantee", ["exactly_once", "at_least_once"])
def test_sigkill_at_random_points(
    kafka_bootstrap: str,
    start_worker: StartWorker,
    summary: Callable[[str, dict[str, Any]], None],
    guarantee: str,
) -> None:
    rng = random.Random(hash(guarantee) & 0xFFFF)
    settings = scenario_settings(kafka_bootstrap, f"kill9-{guarantee[:2]}", processing_guarantee=guarantee)
    create_topics(settings)
    messages = [(m.key, m.value) for m in good_messages(ARTICLES, prefix=f"k9{guarantee[:2]}")]

    # The stream arrives over ~20 s while the worker is being killed.
    produced: dict[tuple[int, int], int] = {}
    producer = threading.Thread(
        target=lambda: produced.update(
            produce(kafka_bootstrap, settings.input_topic, messages, rate=ARTICLES / 20)
        )
    )
    producer.start()

    worker = start_worker(settings, log_name="kill9")
    recovery: list[float] = []
    kills_at: list[float] = []
    started = time.monotonic()
    worker.wait_ready(timeout=120)
    for n in range(KILLS):
        # a random point: after a random number of articles processed by this incarnation
        worker.wait_metric("news_events_articles_total", rng.randint(50, 400), timeout=120)
        time.sleep(rng.uniform(0.0, 0.5))
        worker.kill()
        kills_at.append(round(time.monotonic() - started, 2))
        restart = time.monotonic()
        worker = start_worker(settings, log_name=f"kill9-{n + 1}")
        worker.wait_ready(timeout=120)
        recovery.append(time.monotonic() - restart)
    producer.join(timeout=120)
    assert len(produced) == ARTICLES

    outputs = collect(settings, ARTICLES, timeout=240)
    missing = [src for src in produced if src not in outputs.by_source]
    dups = duplicate_report(outputs)
    drained = round(time.monotonic() - started, 1)
    code, _ = worker.terminate()

    summary(
        f"1-kill9-{guarantee}",
        {
            "inputs": ARTICLES,
            "kills": KILLS,
            "kills_at_s": kills_at,
            "lost": len(missing),
            "duplicate_outcomes": dups["duplicate_outcomes"],
            "duplicate_events": dups["duplicate_events"],
            "conflicting_duplicates": dups["conflicting_duplicates"],
            "distinct_events": dups["distinct_events"],
            "dead_letters": len(outputs.dead_letters),
            "recovery_s_max": round(max(recovery), 1),
            "recovery_s_mean": round(sum(recovery) / len(recovery), 1),
            "total_s": drained,
        },
    )
    assert not missing, f"{len(missing)} articles without an outcome, e.g. {missing[:5]}\n{worker.log_tail()}"
    assert outputs.dead_letters == []
    expected_ids = {eid for outs in outputs.by_source.values() for o in outs for eid in o["event_ids"]}
    assert expected_ids == {__import__("json").loads(r.value)["event_id"] for r in outputs.events}
    assert dups["conflicting_duplicates"] == 0
    if guarantee == "exactly_once":
        assert dups["duplicate_outcomes"] == 0 and dups["duplicate_events"] == 0, dups
    assert code == 0
