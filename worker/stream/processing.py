"""The pure processing core: one input record in, its events, outcome and dead letter out.

No Kafka, no metrics, no I/O: the worker agents and the replay command are thin shells around
``process_record``. Every input ends as events, an explicit ``no_events`` outcome, or a dead letter;
nothing raised by the coder escapes (an unexpected exception is a dead letter of stage ``classify``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import orjson

from worker.coder import CLASSIFIER_NAME, CLASSIFIER_VERSION, ArticleError, code_article, parse_article
from worker.schema import EVENT_SCHEMA, OUTCOME_SCHEMA
from worker.settings import Settings
from worker.stream.deadletter import STAGES, dead_letter
from worker.stream.records import CONTENT_TYPE_JSON, Headers, OutRecord, SourceRecord

OutcomeName = Literal["events", "no_events", "dead_letter"]

_CLASSIFIER = {"name": CLASSIFIER_NAME, "version": CLASSIFIER_VERSION}
_EVENT_HEADERS: Headers = [
    ("content-type", CONTENT_TYPE_JSON),
    ("schema-version", EVENT_SCHEMA.encode()),
    ("classifier-name", CLASSIFIER_NAME.encode()),
    ("classifier-version", CLASSIFIER_VERSION.encode()),
]
_OUTCOME_HEADERS: Headers = [("content-type", CONTENT_TYPE_JSON), ("schema-version", OUTCOME_SCHEMA.encode())]


@dataclass(slots=True)
class Processed:
    """What became of one input record: records to publish plus facts for metrics and logs."""

    outcome_name: OutcomeName
    outcome: OutRecord
    events: list[OutRecord] = field(default_factory=list)
    dead_letter: OutRecord | None = None
    article_id: str | None = None
    paragraphs: int = 0
    event_types: list[str] = field(default_factory=list)
    stage: str | None = None
    reason: str | None = None
    classification_seconds: float = 0.0
    origin_ts: float | None = None  # epoch seconds the article entered the system (end-to-end latency)

    def records(self) -> list[OutRecord]:
        """All records to publish, events first and the outcome last."""
        out = list(self.events)
        if self.dead_letter is not None:
            out.append(self.dead_letter)
        out.append(self.outcome)
        return out


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _origin_ts(ingested_at: str | None, source: SourceRecord) -> float | None:
    if ingested_at:
        try:
            return datetime.fromisoformat(ingested_at).timestamp()
        except ValueError:
            pass
    return None if source.timestamp_ms is None else source.timestamp_ms / 1000.0


def _with_replay(headers: Headers, replay_id: str | None) -> Headers:
    return headers if replay_id is None else [*headers, ("replay", replay_id.encode())]


def outcome_record(
    settings: Settings,
    source: SourceRecord,
    key: bytes | None,
    *,
    article_id: str | None,
    outcome: OutcomeName,
    paragraphs: int = 0,
    event_ids: list[str] | None = None,
    stage: str | None = None,
    reason: str | None = None,
    replay_id: str | None = None,
) -> OutRecord:
    """The one outcome record (``schemas/outcome.v1.json``) of an input record."""
    ids = event_ids or []
    payload: dict[str, Any] = {
        "schema_version": OUTCOME_SCHEMA,
        "article_id": article_id,
        "source": {
            "topic": source.topic,
            "partition": source.partition,
            "offset": source.offset,
            "timestamp": source.timestamp_ms,
        },
        "outcome": outcome,
        "paragraphs": paragraphs,
        "events": len(ids),
        "event_ids": ids,
        "stage": stage,
        "reason": reason,
        "classifier": _CLASSIFIER,
        "replay": replay_id,
        "processed_at": utc_now_iso(),
    }
    out_key = article_id.encode() if article_id is not None else key
    return OutRecord(
        settings.outcomes_topic, out_key, orjson.dumps(payload), _with_replay(_OUTCOME_HEADERS, replay_id)
    )


def failed(
    key: bytes | None,
    value: bytes | None,
    source: SourceRecord,
    settings: Settings,
    *,
    stage: str,
    reason: str,
    error_class: str,
    message: str,
    article_id: str | None = None,
    paragraphs: int = 0,
    replay_id: str | None = None,
) -> Processed:
    """A dead letter for the input plus its ``dead_letter`` outcome (also used by the shell when
    delivery keeps failing: stage ``produce``)."""
    letter = dead_letter(
        settings.dlq_topic,
        key,
        value,
        source,
        stage=stage,
        reason=reason,
        error_class=error_class,
        message=message,
    )
    outcome = outcome_record(
        settings,
        source,
        key,
        article_id=article_id,
        outcome="dead_letter",
        paragraphs=paragraphs,
        stage=stage,
        reason=reason,
        replay_id=replay_id,
    )
    return Processed(
        outcome_name="dead_letter",
        outcome=outcome,
        dead_letter=letter,
        article_id=article_id,
        stage=stage,
        reason=reason,
        origin_ts=_origin_ts(None, source),
    )


def process_record(
    key: bytes | None,
    value: bytes | None,
    source: SourceRecord,
    settings: Settings,
    *,
    replay_id: str | None = None,
) -> Processed:
    """Decode, validate and code one raw article record. Never raises for any input bytes."""
    if not value:
        return failed(
            key,
            value,
            source,
            settings,
            stage="decode",
            reason="empty_value",
            error_class="EmptyValue",
            message="record has no value",
            replay_id=replay_id,
        )
    started = time.perf_counter()
    article_id: str | None = None
    try:
        article = parse_article(value, max_body_bytes=settings.max_body_bytes)
        article_id = article.id
        result = code_article(article)
    except ArticleError as exc:
        stage = exc.stage if exc.stage in STAGES else "validate"
        article_id = getattr(exc, "article_id", None) or article_id
        return failed(
            key,
            value,
            source,
            settings,
            stage=stage,
            reason=exc.reason,
            error_class=type(exc).__name__,
            message=str(exc),
            article_id=article_id,
            replay_id=replay_id,
        )
    except Exception as exc:  # a bug in the coder must not stop the stream: dead-letter the input
        return failed(
            key,
            value,
            source,
            settings,
            stage="classify",
            reason="internal_error",
            error_class=type(exc).__name__,
            message=str(exc),
            article_id=article_id,
            replay_id=replay_id,
        )
    elapsed = time.perf_counter() - started

    out_key = article.id.encode()
    event_headers = _with_replay(_EVENT_HEADERS, replay_id)
    events_topic = settings.events_topic
    events: list[OutRecord] = []
    event_ids: list[str] = []
    event_types: list[str] = []
    for event in result.events:
        events.append(OutRecord(events_topic, out_key, orjson.dumps(event), event_headers))
        event_ids.append(str(event.get("event_id")))
        event_types.append(str(event.get("event_type")))
    outcome_name: OutcomeName = "events" if events else "no_events"
    outcome = outcome_record(
        settings,
        source,
        key,
        article_id=article.id,
        outcome=outcome_name,
        paragraphs=result.paragraphs,
        event_ids=event_ids,
        reason=result.reason,
        replay_id=replay_id,
    )
    return Processed(
        outcome_name=outcome_name,
        outcome=outcome,
        events=events,
        article_id=article.id,
        paragraphs=result.paragraphs,
        event_types=event_types,
        reason=result.reason,
        classification_seconds=elapsed,
        origin_ts=_origin_ts(article.ingested_at, source),
    )
