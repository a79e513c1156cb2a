"""Dead letters, after Kafka Connect's conventions: the original key, value and headers untouched,
plus headers that say what failed, where and why (documented in ``schemas/dead-letter.v1.json``)."""

from __future__ import annotations

from worker import __version__
from worker.stream.records import Headers, OutRecord, SourceRecord

PREFIX = "news-events."
ERROR_CLASS = PREFIX + "error.class"
ERROR_MESSAGE = PREFIX + "error.message"
ERROR_STAGE = PREFIX + "error.stage"
ERROR_REASON = PREFIX + "error.reason"
SOURCE_TOPIC = PREFIX + "source.topic"
SOURCE_PARTITION = PREFIX + "source.partition"
SOURCE_OFFSET = PREFIX + "source.offset"
SOURCE_TIMESTAMP = PREFIX + "source.timestamp"
WORKER_VERSION = PREFIX + "worker.version"

STAGES = ("decode", "validate", "classify", "produce")
MAX_MESSAGE_CHARS = 1000


def truncate(message: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"


def dead_letter_headers(
    source: SourceRecord, stage: str, reason: str, error_class: str, message: str
) -> Headers:
    return [
        (ERROR_CLASS, error_class.encode()),
        (ERROR_MESSAGE, truncate(message).encode("utf-8", "replace")),
        (ERROR_STAGE, stage.encode()),
        (ERROR_REASON, reason.encode()),
        (SOURCE_TOPIC, source.topic.encode()),
        (SOURCE_PARTITION, str(source.partition).encode()),
        (SOURCE_OFFSET, str(source.offset).encode()),
        (SOURCE_TIMESTAMP, b"" if source.timestamp_ms is None else str(source.timestamp_ms).encode()),
        (WORKER_VERSION, __version__.encode()),
    ]


def dead_letter(
    dlq_topic: str,
    key: bytes | None,
    value: bytes | None,
    source: SourceRecord,
    *,
    stage: str,
    reason: str,
    error_class: str,
    message: str,
) -> OutRecord:
    """The dead letter of one input record: original bytes, original headers first, ours after
    (earlier dead-letter headers of a re-processed dead letter are replaced, not repeated)."""
    if stage not in STAGES:
        raise ValueError(f"unknown dead-letter stage {stage!r}")
    kept = [(k, v) for k, v in source.headers if not k.startswith(PREFIX)]
    return OutRecord(
        dlq_topic, key, value, kept + dead_letter_headers(source, stage, reason, error_class, message)
    )
