"""`news-events topics create|list|describe`: the worker's topics (input, events, outcomes, dlq)."""

from __future__ import annotations

import argparse
from typing import Any

from worker.settings import Settings


def register(sub: Any) -> None:
    parser = sub.add_parser("topics", help="create, list or describe the worker's topics")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser(
        "create", help="create input, events, outcomes and dlq topics if missing (idempotent)"
    )
    create.set_defaults(func=run_create)
    listing = actions.add_parser("list", help="list all topics on the broker")
    listing.set_defaults(func=run_list)
    describe = actions.add_parser("describe", help="partitions, replication, retention of the topics")
    describe.add_argument("topics", nargs="*", help="topic names (default: the worker's four topics)")
    describe.set_defaults(func=run_describe)


def run_create(args: argparse.Namespace) -> int:
    from worker.stream.topics import create_topics

    for name, created in create_topics(Settings.from_env()).items():
        print(f"{name}\t{'created' if created else 'exists'}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from worker.stream.topics import list_topics

    for name in list_topics(Settings.from_env()):
        print(name)
    return 0


def run_describe(args: argparse.Namespace) -> int:
    from worker.stream.topics import describe_topics, topic_specs

    settings = Settings.from_env()
    names = args.topics or [spec.name for spec in topic_specs(settings)]
    print("topic\tpartitions\treplication\tretention.ms")
    status = 0
    for row in describe_topics(settings, names):
        if row["error_code"]:
            print(f"{row['topic']}\t(missing: error {row['error_code']})")
            status = 1
            continue
        print(f"{row['topic']}\t{row['partitions']}\t{row['replication']}\t{row['retention_ms']}")
    return status
