"""`news-events status`: lag, processing rate and dead letters of the worker's consumer group."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from kafka.errors import KafkaError

from worker.observability.lag import GroupOffsetsReader
from worker.observability.status import compare, render_table, take_sample, to_json
from worker.settings import Settings

CLEAR_SCREEN = "\x1b[H\x1b[2J"


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "status",
        help="show consumer lag per partition, processing rate and dead letters",
        description="Per-partition committed offset, end offset and lag of the worker's consumer group, "
        "the processing rate (two samples --interval apart) and the dead-letter count.",
    )
    parser.add_argument("--group", help="consumer group (default: NEWS_EVENTS_APP_ID)")
    parser.add_argument(
        "--topic",
        action="append",
        default=[],
        help="topic to report even without commits (repeatable; default: the input topic)",
    )
    parser.add_argument("--metrics-url", help="a worker's /metrics URL: take rates from its counters")
    parser.add_argument(
        "--interval", type=float, default=1.0, help="seconds between the two rate samples (default 1)"
    )
    parser.add_argument(
        "--watch",
        nargs="?",
        type=float,
        const=2.0,
        metavar="SECONDS",
        help="refresh every SECONDS (default 2) until interrupted",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    try:
        return _loop(args, settings)
    except KafkaError as exc:
        print(
            f"news-events status: cannot read offsets from {settings.kafka_bootstrap_servers}: {exc!r}",
            file=sys.stderr,
        )
        return 1


def _loop(args: argparse.Namespace, settings: Settings) -> int:
    group = args.group or settings.app_id
    topics = args.topic or [settings.input_topic]
    reader = GroupOffsetsReader(settings, client_id="news-events-status")
    try:

        def sample() -> Any:
            return take_sample(reader, group, topics, settings.dlq_topic, args.metrics_url)

        before = sample()
        time.sleep(max(0.0, args.interval))
        while True:
            current = sample()
            status = compare(group, settings.dlq_topic, before, current)
            text = to_json(status).decode() + "\n" if args.json else render_table(status)
            if args.watch is not None and not args.json:
                text = (CLEAR_SCREEN if sys.stdout.isatty() else "\n") + text
            sys.stdout.write(text)
            sys.stdout.flush()
            if args.watch is None:
                return 0
            before = current
            time.sleep(max(0.1, args.watch))
    finally:
        reader.close()
