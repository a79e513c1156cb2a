"""All Kafka client connection and security settings, in one place, for every client we use:
Faust (``broker_credentials``), aiokafka (consumer/producer kwargs) and kafka-python (admin).

PLAINTEXT, SSL, SASL_PLAINTEXT and SASL_SSL are supported; SASL mechanisms PLAIN and SCRAM-SHA-256/512.
Secrets come from ``Settings.sasl_password()`` and are never logged.
"""

from __future__ import annotations

import ssl
from typing import Any

from worker.settings import Settings

PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")


def bootstrap_servers(settings: Settings) -> list[str]:
    return [s.strip() for s in settings.kafka_bootstrap_servers.split(",") if s.strip()]


def broker_url(settings: Settings) -> str:
    """Faust broker URL: ``kafka://host1:port1;host2:port2``."""
    return "kafka://" + ";".join(bootstrap_servers(settings))


def _protocol(settings: Settings) -> str:
    protocol = settings.kafka_security_protocol.upper()
    if protocol not in PROTOCOLS:
        raise ValueError(f"KAFKA_SECURITY_PROTOCOL must be one of {', '.join(PROTOCOLS)}, not {protocol!r}")
    return protocol


def uses_ssl(settings: Settings) -> bool:
    return _protocol(settings) in ("SSL", "SASL_SSL")


def uses_sasl(settings: Settings) -> bool:
    return _protocol(settings).startswith("SASL_")


def sasl_mechanism(settings: Settings) -> str:
    return (settings.kafka_sasl_mechanism or "PLAIN").upper()


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if not uses_ssl(settings):
        return None
    context = ssl.create_default_context(cafile=settings.kafka_ssl_cafile or None)
    if settings.kafka_ssl_certfile:
        context.load_cert_chain(settings.kafka_ssl_certfile, settings.kafka_ssl_keyfile or None)
    return context


def aiokafka_kwargs(settings: Settings) -> dict[str, Any]:
    """Connection kwargs for ``AIOKafkaProducer``/``AIOKafkaConsumer``/``AIOKafkaAdminClient``."""
    kwargs: dict[str, Any] = {
        "bootstrap_servers": bootstrap_servers(settings),
        "security_protocol": _protocol(settings),
    }
    context = ssl_context(settings)
    if context is not None:
        kwargs["ssl_context"] = context
    if uses_sasl(settings):
        kwargs["sasl_mechanism"] = sasl_mechanism(settings)
        kwargs["sasl_plain_username"] = settings.kafka_sasl_username
        kwargs["sasl_plain_password"] = settings.sasl_password()
    return kwargs


def kafka_python_kwargs(settings: Settings) -> dict[str, Any]:
    """Connection kwargs for kafka-python clients (``KafkaAdminClient``, ``KafkaConsumer``...)."""
    kwargs: dict[str, Any] = {
        "bootstrap_servers": bootstrap_servers(settings),
        "security_protocol": _protocol(settings),
    }
    if uses_ssl(settings):
        kwargs["ssl_cafile"] = settings.kafka_ssl_cafile or None
        kwargs["ssl_certfile"] = settings.kafka_ssl_certfile or None
        kwargs["ssl_keyfile"] = settings.kafka_ssl_keyfile or None
    if uses_sasl(settings):
        kwargs["sasl_mechanism"] = sasl_mechanism(settings)
        kwargs["sasl_plain_username"] = settings.kafka_sasl_username
        kwargs["sasl_plain_password"] = settings.sasl_password()
    return kwargs


def faust_credentials(settings: Settings) -> Any:
    """``broker_credentials`` for ``faust.App`` (``None`` for PLAINTEXT)."""
    import faust

    protocol = _protocol(settings)
    if protocol == "PLAINTEXT":
        return None
    if protocol == "SSL":
        return faust.SSLCredentials(ssl_context(settings))
    return faust.SASLCredentials(
        username=settings.kafka_sasl_username,
        password=settings.sasl_password(),
        ssl_context=ssl_context(settings),
        mechanism=sasl_mechanism(settings),
    )
