"""Metrics HTTP endpoint, health and readiness, consumer-lag collection. STUB: to be completed.

The worker calls ``start_observability`` once at start-up and ``set_ready`` when partitions are
assigned (True) or revoked/stopping (False).
"""

from __future__ import annotations

from worker.settings import Settings

_ready = False


def set_ready(ready: bool) -> None:
    global _ready
    _ready = ready


def is_ready() -> bool:
    return _ready


def start_observability(settings: Settings) -> None:
    """Serve /metrics, /healthz and /readyz on ``settings.metrics_port`` (idempotent)."""
