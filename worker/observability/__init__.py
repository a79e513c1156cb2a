"""Metrics HTTP endpoint, health and readiness, consumer-lag collection.

The worker calls ``start_observability`` once at start-up and ``set_ready`` when partitions are
assigned (True) or revoked/stopping (False). ``/readyz`` answers 200 only while ready.
"""

from __future__ import annotations

import logging
import threading

from prometheus_client import disable_created_metrics

from worker import __version__, metrics
from worker.coder import coder_build
from worker.coder import version as coder_version
from worker.observability.lag import LagCollector
from worker.observability.server import ObservabilityServer
from worker.settings import Settings

log = logging.getLogger(__name__)

_ready = False
_lock = threading.Lock()
_server: ObservabilityServer | None = None
_collector: LagCollector | None = None


def set_ready(ready: bool) -> None:
    global _ready
    _ready = ready
    metrics.READY.set(1 if ready else 0)


def is_ready() -> bool:
    return _ready


def set_build_info() -> None:
    metrics.BUILD_INFO.info(
        {
            "version": __version__,
            "classifier_name": coder_version.CLASSIFIER_NAME,
            "classifier_version": coder_version.CLASSIFIER_VERSION,
            "coder_build": coder_build(),
        }
    )


def start_observability(settings: Settings, *, lag_interval_s: float = 5.0, collect_lag: bool = True) -> int:
    """Serve /metrics, /healthz and /readyz on ``settings.metrics_port`` and start the lag collector.

    Idempotent: later calls return the port already served. Returns the bound port (useful with port 0).
    """
    global _server, _collector
    with _lock:
        if _server is not None:
            return _server.port
        # the *_created series double the series count for no use here
        disable_created_metrics()  # type: ignore[no-untyped-call]
        set_build_info()
        metrics.READY.set(1 if _ready else 0)
        _server = ObservabilityServer(settings.metrics_host, settings.metrics_port, is_ready)
        _server.start()
        log.info("metrics on http://%s:%d/metrics", settings.metrics_host, _server.port)
        if collect_lag:
            _collector = LagCollector(settings, interval_s=lag_interval_s)
            _collector.start()
        return _server.port


def stop_observability() -> None:
    """Stop the HTTP server and the lag collector (tests, clean shutdown)."""
    global _server, _collector
    with _lock:
        if _collector is not None:
            _collector.stop()
            _collector = None
        if _server is not None:
            _server.stop()
            _server = None
