"""`news-events produce PATH|-`: send raw articles (JSONL, or one plain-text article) to the input topic."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from worker.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("produce", help="send articles (JSONL, one per line) to the input topic")
    parser.add_argument("path", nargs="?", default="-", help="JSONL file, or - for stdin (default)")
    parser.add_argument("--text", metavar="FILE", help="send FILE (plain text) as one article")
    parser.add_argument("--topic", help="target topic (default: INPUT_TOPIC)")
    parser.add_argument("--count", type=int, default=0, help="send N articles, cycling the input, unique ids")
    parser.add_argument("--repeat", type=int, default=1, help="send the input R times (unique ids)")
    parser.set_defaults(func=run)


def _text_article(path: Path) -> bytes:
    body = path.read_text(encoding="utf-8").strip("\n")
    return orjson.dumps({"id": path.stem, "body": body, "title": body.split("\n", 1)[0][:200]})


def _lines(args: argparse.Namespace) -> list[bytes]:
    if args.text:
        return [_text_article(Path(args.text))]
    raw = sys.stdin.buffer.read() if args.path == "-" else Path(args.path).read_bytes()
    return [line for line in raw.splitlines() if line.strip()]


def with_copy_id(line: bytes, copy: int) -> tuple[bytes | None, bytes]:
    """Key and value of ``line``'s copy ``copy`` (0 = as is); raw bytes if it is not a JSON object."""
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None, line
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return None, line
    if copy:
        data["id"] = f"{data['id']}~{copy}"
        line = orjson.dumps(data)
    return str(data["id"]).encode(), line


def records(lines: list[bytes], count: int, repeat: int) -> Iterator[tuple[bytes | None, bytes]]:
    total = count if count > 0 else len(lines) * max(1, repeat)
    for n in range(total):
        yield with_copy_id(lines[n % len(lines)], n // len(lines))


async def _send(settings: Settings, topic: str, items: Iterator[tuple[bytes | None, bytes]]) -> int:
    from aiokafka import AIOKafkaProducer

    from worker.stream.kafka_config import aiokafka_kwargs

    producer = AIOKafkaProducer(
        acks="all", linger_ms=20, max_request_size=8 * 1024 * 1024, **aiokafka_kwargs(settings)
    )
    await producer.start()
    sent = 0
    try:
        futures = []
        for key, value in items:
            futures.append(await producer.send(topic, value, key=key))
            if len(futures) >= 2000:
                await asyncio.gather(*futures)
                sent += len(futures)
                futures.clear()
        await asyncio.gather(*futures)
        sent += len(futures)
    finally:
        await producer.stop()
    return sent


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    lines = _lines(args)
    if not lines:
        print("nothing to send", file=sys.stderr)
        return 1
    topic = args.topic or settings.input_topic
    sent = asyncio.run(_send(settings, topic, records(lines, args.count, args.repeat)))
    print(f"sent {sent} articles to {topic}")
    return 0
