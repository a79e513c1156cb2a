"""The worker's topics: names from settings, and their creation (kafka-python admin client)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from worker.settings import Settings
from worker.stream.kafka_config import kafka_python_kwargs

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TopicSpec:
    role: str  # input, events, outcomes, dlq
    name: str
    partitions: int
    replication: int
    config: dict[str, str]


def topic_specs(settings: Settings) -> list[TopicSpec]:
    config = {"retention.ms": str(settings.topic_retention_ms)}
    roles = {
        "input": settings.input_topic,
        "events": settings.events_topic,
        "outcomes": settings.outcomes_topic,
        "dlq": settings.dlq_topic,
    }
    return [
        TopicSpec(role, name, settings.topic_partitions, settings.topic_replication, dict(config))
        for role, name in roles.items()
    ]


def create_topics(settings: Settings, *, timeout_s: float = 30.0) -> dict[str, bool]:
    """Create the worker's topics if missing (idempotent). Topic name -> True if created now."""
    from kafka.admin import KafkaAdminClient, NewTopic
    from kafka.errors import TopicAlreadyExistsError

    admin = KafkaAdminClient(client_id=f"{settings.app_id}-admin", **kafka_python_kwargs(settings))
    try:
        existing = set(admin.list_topics())
        result: dict[str, bool] = {}
        for spec in topic_specs(settings):
            if spec.name in existing:
                result[spec.name] = False
                continue
            try:
                admin.create_topics(
                    [NewTopic(spec.name, spec.partitions, spec.replication, topic_configs=spec.config)],
                    timeout_ms=int(timeout_s * 1000),
                )
                result[spec.name] = True
            except TopicAlreadyExistsError:
                result[spec.name] = False
        return result
    finally:
        admin.close()


def list_topics(settings: Settings) -> list[str]:
    from kafka.admin import KafkaAdminClient

    admin = KafkaAdminClient(client_id=f"{settings.app_id}-admin", **kafka_python_kwargs(settings))
    try:
        return sorted(admin.list_topics())
    finally:
        admin.close()


def describe_topics(settings: Settings, names: list[str]) -> list[dict[str, object]]:
    """Partitions, replication and retention of ``names``."""
    from kafka.admin import ConfigResource, ConfigResourceType, KafkaAdminClient

    admin = KafkaAdminClient(client_id=f"{settings.app_id}-admin", **kafka_python_kwargs(settings))
    try:
        out: list[dict[str, object]] = []
        for meta in admin.describe_topics(names):
            partitions = meta.get("partitions") or []
            replicas = (
                partitions[0].get("replica_nodes") or partitions[0].get("replicas") or []
                if partitions
                else []
            )
            out.append(
                {
                    "topic": meta.get("name") or meta.get("topic"),
                    "error_code": meta.get("error_code", 0),
                    "partitions": len(partitions),
                    "replication": len(replicas),
                }
            )
        existing = [str(row["topic"]) for row in out if not row["error_code"]]
        configs = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, n) for n in existing])
        retention = _retention_by_topic(configs)
        for row in out:
            row["retention_ms"] = retention.get(str(row["topic"]))
        return out
    finally:
        admin.close()


def _retention_by_topic(response: Any) -> dict[str, str]:
    """``retention.ms`` per topic from kafka-python's ``describe_configs`` answer."""
    found: dict[str, str] = {}
    if isinstance(response, dict):  # kafka-python >= 3: {"topic": {name: {config: {"value": ...}}}}
        for name, entries in (response.get("topic") or {}).items():
            entry = entries.get("retention.ms")
            if entry is not None:
                found[name] = str(entry.get("value"))
    return found
