"""kafka-python client settings for the observability side (lag collector, ``status``).

Connection and security options come from the worker's shared Kafka config, so the collector reaches any
broker the worker can; only client id and timeouts are ours.
"""

from __future__ import annotations

from typing import Any

from worker.settings import Settings
from worker.stream.kafka_config import kafka_python_kwargs


def kafka_python_config(settings: Settings, client_id: str) -> dict[str, Any]:
    """Keyword arguments for ``KafkaConsumer`` / ``KafkaAdminClient`` built from ``settings``."""
    return {**kafka_python_kwargs(settings), "client_id": client_id, "request_timeout_ms": 10_000}
