"""`news-events consume --topic T`: print records as they arrive (JSON lines, or a table with --pretty)."""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from typing import Any

import orjson

from worker.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("consume", help="print records of a topic (events by default) as they arrive")
    parser.add_argument("--topic", help="topic to read (default: EVENTS_TOPIC)")
    parser.add_argument("--pretty", action="store_true", help="a readable table instead of JSON lines")
    parser.add_argument("--max", type=int, default=0, metavar="N", help="stop after N records")
    parser.add_argument(
        "--max-wait", type=float, default=0.0, metavar="S", help="stop after S seconds without a record"
    )
    parser.add_argument("--from-beginning", action="store_true", help="start at the earliest offset")
    parser.add_argument("--group", help="consumer group (commits offsets); default: none, nothing committed")
    parser.add_argument("--headers", action="store_true", help="include record headers (JSON mode)")
    parser.set_defaults(func=run)


def _text(raw: bytes | None) -> str | None:
    return None if raw is None else raw.decode("utf-8", "replace")


def json_line(record: Any, with_headers: bool) -> bytes:
    """A record as one JSON line: its JSON value if it has one, else a wrapper with the raw text."""
    try:
        value: Any = orjson.loads(record.value) if record.value is not None else None
    except orjson.JSONDecodeError:
        value = None
    if value is not None and not with_headers:
        return orjson.dumps(value)
    wrapped: dict[str, Any] = {
        "topic": record.topic,
        "partition": record.partition,
        "offset": record.offset,
        "key": _text(record.key),
        "value": value if value is not None else _text(record.value),
    }
    if with_headers:
        wrapped["headers"] = {k: _text(v) for k, v in (record.headers or [])}
    return orjson.dumps(wrapped)


def _actors(actors: list[dict[str, Any]]) -> str:
    return "+".join(
        f"{a.get('country') or '?'}{('/' + a['sector']) if a.get('sector') else ''}" for a in actors
    )


def pretty_line(record: Any) -> str:
    """One readable line: events as type/actor/recipient/evidence, other records summarised."""
    try:
        v = orjson.loads(record.value) if record.value is not None else None
    except orjson.JSONDecodeError:
        v = None
    where = f"{record.partition}@{record.offset}"
    if isinstance(v, dict) and v.get("schema_version") == "event.v1":
        evidence = str(v.get("evidence", {}).get("text", ""))[:70]
        return (
            f"{where:<9} {v.get('event_type', ''):<10} {v.get('quad_class', ''):<20} "
            f"{_actors(v.get('actor', [])):<14} -> {_actors(v.get('recipient', [])):<14} {evidence}"
        )
    if isinstance(v, dict) and v.get("schema_version") == "outcome.v1":
        return (
            f"{where:<9} {v.get('outcome', ''):<11} {v.get('article_id')!s:<30} "
            f"events={v.get('events')} paragraphs={v.get('paragraphs')} {v.get('reason') or ''}"
        )
    headers = {k: _text(h) for k, h in (record.headers or [])}
    if "news-events.error.stage" in headers:
        return (
            f"{where:<9} dead-letter {headers.get('news-events.error.stage')}/"
            f"{headers.get('news-events.error.reason')} key={_text(record.key)} "
            f"{(headers.get('news-events.error.message') or '')[:60]}"
        )
    return f"{where:<9} key={_text(record.key)} {(_text(record.value) or '')[:90]}"


def run(args: argparse.Namespace) -> int:
    from kafka import KafkaConsumer

    from worker.stream.kafka_config import kafka_python_kwargs

    settings = Settings.from_env()
    topic = args.topic or settings.events_topic
    consumer = KafkaConsumer(
        topic,
        group_id=args.group,
        client_id=f"news-events-consume-{uuid.uuid4().hex[:6]}",
        auto_offset_reset="earliest" if args.from_beginning else "latest",
        enable_auto_commit=args.group is not None,
        isolation_level="read_committed",
        **kafka_python_kwargs(settings),
    )
    out = sys.stdout
    count = 0
    last = time.monotonic()
    if args.pretty:
        print(f"# {topic}", file=out, flush=True)
    try:
        while True:
            batch = consumer.poll(timeout_ms=200)
            for records in batch.values():
                for record in records:
                    if args.pretty:
                        out.write(pretty_line(record) + "\n")
                    else:
                        out.write(json_line(record, args.headers).decode() + "\n")
                    count += 1
                    if args.max and count >= args.max:
                        out.flush()
                        return 0
            if batch:
                out.flush()
                last = time.monotonic()
            elif args.max_wait and time.monotonic() - last >= args.max_wait:
                break
    finally:
        consumer.close()
        print(f"{count} records from {topic}", file=sys.stderr)
    return 0
