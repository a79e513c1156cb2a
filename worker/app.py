"""The Faust app: ``worker.app:app`` (built from the environment), or ``create_app(settings)``.

At-least-once processing runs as Faust agents (``worker.stream.agents``). ``exactly_once`` runs the
transactional aiokafka loop of ``worker.stream.transactional`` instead (see README, section worker).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import faust

from worker.observability import set_ready, start_observability
from worker.settings import Settings
from worker.stream import offset_ledger
from worker.stream.agents import register_agents
from worker.stream.kafka_config import broker_url, faust_credentials

log = logging.getLogger(__name__)


def create_app(settings: Settings) -> faust.App:
    offset_ledger.install()  # commit only past inputs whose outputs are published
    web_enabled = settings.web_port > 0
    datadir = Path(settings.worker_data_dir) / settings.app_id
    datadir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.app_id,
        broker=broker_url(settings),
        broker_credentials=faust_credentials(settings),
        broker_commit_interval=settings.commit_interval_s,
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=max(0.5, settings.session_timeout_s / 5),
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        processing_guarantee="at_least_once",
        datadir=str(datadir),
        web_enabled=web_enabled,
        web_port=settings.web_port if web_enabled else 6066,
        web_bind="127.0.0.1",
        producer_linger=settings.producer_linger_ms / 1000.0,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        stream_buffer_maxsize=max(4096, 4 * settings.batch_size),
        stream_wait_empty=False,
        autodiscover=False,
        version=1,
        # Faust must not read the environment itself: worker.settings is its only reader, and
        # several of our variables (WEB_PORT...) share names with Faust's.
        env={},
    )
    register_agents(app, settings)

    @app.on_worker_init.connect  # type: ignore[arg-type]
    def on_worker_init(sender: Any, **kwargs: Any) -> None:
        # also when started as `faust -A worker.app worker`: metrics, health and a warm coder
        # (both idempotent; `news-events worker` has already done them)
        from worker.coder import warm_up

        start_observability(settings)
        warm_up()

    @app.on_partitions_assigned.connect  # type: ignore[arg-type]
    async def on_assigned(sender: Any, assigned: Any, **kwargs: Any) -> None:
        set_ready(True)
        log.info("partitions assigned", extra={"partitions": sorted(str(tp) for tp in assigned)})

    @app.on_partitions_revoked.connect  # type: ignore[arg-type]
    async def on_revoked(sender: Any, revoked: Any, **kwargs: Any) -> None:
        set_ready(False)
        log.info("partitions revoked", extra={"partitions": sorted(str(tp) for tp in revoked)})

    @app.on_before_shutdown.connect  # type: ignore[arg-type]
    async def on_stopping(sender: Any, **kwargs: Any) -> None:
        set_ready(False)
        log.info("stopping: finishing the in-flight batch and committing")

    return app


_app: faust.App | None = None


def __getattr__(name: str) -> Any:
    """``worker.app:app`` is built on first access (from the environment), not at import."""
    global _app
    if name == "app":
        if _app is None:
            _app = create_app(Settings.from_env())
        return _app
    raise AttributeError(name)
