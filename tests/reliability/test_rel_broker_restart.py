"""Scenario 2: the broker is stopped and started again mid-stream (``deploy/kafka/local-kafka stop``/
``start`` on a broker of this test's own, so no other test's broker is touched). The worker is not
restarted: it must ride out the outage and finish the stream with nothing lost."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import Broker, base_port, collect, create_topics, duplicate_report, produce, scenario_settings
from hostile import good_messages
from worker_fixtures import StartWorker

pytestmark = [pytest.mark.reliability, pytest.mark.integration]

ARTICLES = int(os.environ.get("REL_RESTART_ARTICLES", "2000"))
OUTAGE_S = 8.0


@pytest.fixture(scope="module")
def restart_broker() -> Iterator[Broker]:
    """A broker on RELIABILITY_KAFKA_PORT+200 for this module alone (stopped at the end)."""
    broker = Broker(base_port() + 200)
    broker.start()
    yield broker
    broker.stop()


@pytest.mark.parametrize("guarantee", ["at_least_once", "exactly_once"])
def test_broker_restart_mid_stream(
    restart_broker: Broker,
    start_worker: StartWorker,
    summary: Callable[[str, dict[str, Any]], None],
    guarantee: str,
) -> None:
    restart_broker.start()  # in case an earlier case left it stopped
    settings = scenario_settings(
        restart_broker.bootstrap, f"restart-{guarantee[:2]}", processing_guarantee=guarantee
    )
    create_topics(settings)
    messages = [(m.key, m.value) for m in good_messages(ARTICLES, prefix=f"br{guarantee[:2]}")]
    produced = produce(restart_broker.bootstrap, settings.input_topic, messages)

    worker = start_worker(settings, log_name=f"restart-{guarantee}")
    worker.wait_ready(timeout=120)
    before = worker.wait_metric("news_events_articles_total", ARTICLES // 5, timeout=120)

    down = time.monotonic()
    restart_broker.stop()
    time.sleep(OUTAGE_S)
    assert worker.running(), f"worker died while the broker was down:\n{worker.log_tail()}"
    restart_broker.start()
    up = time.monotonic()
    during = worker.metric("news_events_articles_total")
    # recovery: the first article processed after the broker answers again
    worker.wait_metric("news_events_articles_total", during + 1, timeout=180)
    recovered = time.monotonic()

    outputs = collect(settings, ARTICLES, timeout=240)
    missing = [src for src in produced if src not in outputs.by_source]
    dups = duplicate_report(outputs)
    pid_kept = worker.running()
    summary(
        f"2-broker-restart-{guarantee}",
        {
            "inputs": ARTICLES,
            "restarts": 1,
            "processed_before_stop": int(before),
            "broker_down_s": round(up - down, 1),
            "recovery_after_broker_up_s": round(recovered - up, 1),
            "lost": len(missing),
            "duplicate_outcomes": dups["duplicate_outcomes"],
            "duplicate_events": dups["duplicate_events"],
            "conflicting_duplicates": dups["conflicting_duplicates"],
            "dead_letters": len(outputs.dead_letters),
            "worker_restarted": not pid_kept,
        },
    )
    assert pid_kept, worker.log_tail()
    assert not missing, f"{len(missing)} lost\n{worker.log_tail()}"
    assert outputs.dead_letters == []
    assert dups["conflicting_duplicates"] == 0
    if guarantee == "exactly_once":
        assert dups["duplicate_outcomes"] == 0 and dups["duplicate_events"] == 0, dups
    assert worker.terminate()[0] == 0
