"""All configuration, read from environment variables once, in one place.

Every setting has a sane default for the local broker started by ``deploy/kafka/local-kafka``.
The README documents each variable; ``Settings.from_env`` is the only reader of the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

ProcessingGuarantee = Literal["at_least_once", "exactly_once"]


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Worker, CLI and replay settings. Field ``foo_bar`` is read from ``NEWS_EVENTS_FOO_BAR``
    unless ``env`` metadata names another variable (e.g. ``KAFKA_BOOTSTRAP_SERVERS``)."""

    # --- broker connection ---------------------------------------------------------------
    kafka_bootstrap_servers: str = field(
        default="127.0.0.1:9092", metadata={"env": "KAFKA_BOOTSTRAP_SERVERS"}
    )
    kafka_security_protocol: str = field(default="PLAINTEXT", metadata={"env": "KAFKA_SECURITY_PROTOCOL"})
    kafka_sasl_mechanism: str = field(default="", metadata={"env": "KAFKA_SASL_MECHANISM"})
    kafka_sasl_username: str = field(default="", metadata={"env": "KAFKA_SASL_USERNAME"})
    kafka_sasl_password: str = field(default="", metadata={"env": "KAFKA_SASL_PASSWORD", "secret": True})
    kafka_sasl_password_file: str = field(default="", metadata={"env": "KAFKA_SASL_PASSWORD_FILE"})
    kafka_ssl_cafile: str = field(default="", metadata={"env": "KAFKA_SSL_CAFILE"})
    kafka_ssl_certfile: str = field(default="", metadata={"env": "KAFKA_SSL_CERTFILE"})
    kafka_ssl_keyfile: str = field(default="", metadata={"env": "KAFKA_SSL_KEYFILE"})

    # --- topics ----------------------------------------------------------------------------
    input_topic: str = field(default="articles.raw", metadata={"env": "INPUT_TOPIC"})
    events_topic: str = field(default="events.v1", metadata={"env": "EVENTS_TOPIC"})
    outcomes_topic: str = field(default="articles.outcomes", metadata={"env": "OUTCOMES_TOPIC"})
    dlq_topic: str = field(default="articles.dlq", metadata={"env": "DLQ_TOPIC"})
    topic_partitions: int = field(default=4, metadata={"env": "TOPIC_PARTITIONS"})
    topic_replication: int = field(default=1, metadata={"env": "TOPIC_REPLICATION"})
    topic_retention_ms: int = field(default=7 * 24 * 3600 * 1000, metadata={"env": "TOPIC_RETENTION_MS"})

    # --- worker ----------------------------------------------------------------------------
    app_id: str = field(default="news-events", metadata={"env": "APP_ID"})
    processing_guarantee: ProcessingGuarantee = field(
        default="at_least_once", metadata={"env": "PROCESSING_GUARANTEE"}
    )
    max_body_bytes: int = field(default=1_000_000, metadata={"env": "MAX_BODY_BYTES"})
    batch_size: int = field(default=500, metadata={"env": "BATCH_SIZE"})
    batch_timeout_s: float = field(default=0.05, metadata={"env": "BATCH_TIMEOUT_S"})
    max_retries: int = field(default=5, metadata={"env": "MAX_RETRIES"})
    retry_backoff_s: float = field(default=0.2, metadata={"env": "RETRY_BACKOFF_S"})
    worker_data_dir: str = field(default="var/worker", metadata={"env": "WORKER_DATA_DIR"})
    shutdown_timeout_s: float = field(default=8.0, metadata={"env": "SHUTDOWN_TIMEOUT_S"})
    agent_concurrency: int = field(default=2, metadata={"env": "AGENT_CONCURRENCY"})
    commit_interval_s: float = field(default=1.0, metadata={"env": "COMMIT_INTERVAL_S"})
    producer_linger_ms: int = field(default=5, metadata={"env": "PRODUCER_LINGER_MS"})
    transactional_id: str = field(default="", metadata={"env": "TRANSACTIONAL_ID"})
    transaction_timeout_ms: int = field(default=30_000, metadata={"env": "TRANSACTION_TIMEOUT_MS"})
    session_timeout_s: float = field(default=10.0, metadata={"env": "SESSION_TIMEOUT_S"})

    # --- observability ---------------------------------------------------------------------
    metrics_port: int = field(default=9464, metadata={"env": "METRICS_PORT"})
    metrics_host: str = field(default="0.0.0.0", metadata={"env": "METRICS_HOST"})
    web_port: int = field(default=6066, metadata={"env": "WEB_PORT"})
    log_level: str = field(default="INFO", metadata={"env": "LOG_LEVEL"})
    log_format: Literal["text", "json"] = field(default="text", metadata={"env": "LOG_FORMAT"})

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            name = f.metadata.get("env", f"NEWS_EVENTS_{f.name.upper()}")
            raw = env.get(name)
            if raw is None or raw == "":
                continue
            default = f.default
            if isinstance(default, bool):
                values[f.name] = _bool(raw)
            elif isinstance(default, int):
                values[f.name] = int(raw)
            elif isinstance(default, float):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        values.update(overrides)
        settings = cls(**values)
        settings.validate()
        return settings

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **overrides)

    def validate(self) -> None:
        if self.processing_guarantee not in ("at_least_once", "exactly_once"):
            raise ValueError(
                "PROCESSING_GUARANTEE must be at_least_once or exactly_once, "
                f"not {self.processing_guarantee!r}"
            )
        if self.log_format not in ("text", "json"):
            raise ValueError(f"LOG_FORMAT must be text or json, not {self.log_format!r}")
        if self.max_body_bytes <= 0:
            raise ValueError("MAX_BODY_BYTES must be positive")

    def sasl_password(self) -> str:
        """The SASL password, from the variable or the file it names (never logged)."""
        from worker.logs import register_secret

        password = self.kafka_sasl_password
        if self.kafka_sasl_password_file:
            with open(self.kafka_sasl_password_file, encoding="utf-8") as fh:
                password = fh.read().strip()
        register_secret(password)
        return password

    def redacted(self) -> dict[str, Any]:
        """A dict of the settings safe to log: secrets replaced."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = "***" if f.metadata.get("secret") and value else value
        return out


def env_names() -> dict[str, str]:
    """Setting name -> environment variable, for docs and deployment-file checks."""
    return {f.name: f.metadata.get("env", f"NEWS_EVENTS_{f.name.upper()}") for f in fields(Settings)}
