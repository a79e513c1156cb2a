"""Plain records passed between the Kafka shell and the pure processing core."""

from __future__ import annotations

from dataclasses import dataclass, field

Headers = list[tuple[str, bytes]]

CONTENT_TYPE_JSON = b"application/json"


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """Where an input record came from (for outcomes and dead-letter headers)."""

    topic: str
    partition: int
    offset: int
    timestamp_ms: int | None = None
    headers: Headers = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class OutRecord:
    """One record to publish. ``key``/``value`` are ``None`` only in dead letters of tombstones."""

    topic: str
    key: bytes | None
    value: bytes | None
    headers: Headers = field(default_factory=list)


def header(headers: Headers, name: str) -> bytes | None:
    """The last value of header ``name`` (Kafka allows repeats), or ``None``."""
    found = None
    for key, value in headers:
        if key == name:
            found = value
    return found
