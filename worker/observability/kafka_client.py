"""kafka-python client settings for the observability side (lag collector, ``status``).

The connection and security options mirror the worker's own clients so the collector can reach any
broker the worker can. Kept to one function so it can defer to the worker's shared Kafka config.
"""

from __future__ import annotations

from typing import Any

from worker.settings import Settings


def kafka_python_config(settings: Settings, client_id: str) -> dict[str, Any]:
    """Keyword arguments for ``KafkaConsumer`` / ``KafkaAdminClient`` built from ``settings``."""
    config: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap_servers.split(","),
        "client_id": client_id,
        "security_protocol": settings.kafka_security_protocol,
        "request_timeout_ms": 10_000,
    }
    if settings.kafka_sasl_mechanism:
        config["sasl_mechanism"] = settings.kafka_sasl_mechanism
        config["sasl_plain_username"] = settings.kafka_sasl_username
        config["sasl_plain_password"] = settings.sasl_password()
    if settings.kafka_ssl_cafile:
        config["ssl_cafile"] = settings.kafka_ssl_cafile
    if settings.kafka_ssl_certfile:
        config["ssl_certfile"] = settings.kafka_ssl_certfile
    if settings.kafka_ssl_keyfile:
        config["ssl_keyfile"] = settings.kafka_ssl_keyfile
    return config
