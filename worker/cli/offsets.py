"""`news-events offsets show|reset`: a consumer group's committed offsets and lag; reset them safely
(dry run by default, refused while the group has active members), like kafka-consumer-groups."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson

from worker.logs import setup_logging
from worker.replay import broker, offsets
from worker.replay.plan import PlanError, parse_partitions, parse_rfc3339
from worker.replay.reset import ResetTarget
from worker.settings import Settings

EXIT_USAGE = 2
EXIT_REFUSED = 3


def register(sub: Any) -> None:
    p = sub.add_parser("offsets", help="show or reset a consumer group's committed offsets")
    p.add_argument("--bootstrap-servers", help="override KAFKA_BOOTSTRAP_SERVERS")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    show = actions.add_parser("show", help="committed offset, end offset and lag per partition")
    show.add_argument("--group", required=True)
    show.add_argument("--topic", help="only this topic (and list its partitions without commits too)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    reset = actions.add_parser(
        "reset",
        help="reset committed offsets (dry run unless --execute)",
        description="Prints the plan (current -> new per partition); changes offsets only with --execute, "
        "and refuses while the group has active members. New offsets are clamped to [earliest, latest].",
    )
    reset.add_argument("--group", required=True)
    reset.add_argument("--topic", required=True)
    target = reset.add_mutually_exclusive_group(required=True)
    target.add_argument("--to-datetime", metavar="RFC3339", help="first record at or after this time")
    target.add_argument("--to-earliest", action="store_true")
    target.add_argument("--to-latest", action="store_true")
    target.add_argument("--shift-by", type=int, metavar="N", help="move by N (negative: back)")
    reset.add_argument("--partitions", help="comma-separated partitions (default: all)")
    reset.add_argument("--execute", action="store_true", help="apply the plan")
    reset.add_argument("--json", action="store_true")
    reset.set_defaults(func=run_reset)


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    if args.bootstrap_servers:
        overrides["kafka_bootstrap_servers"] = args.bootstrap_servers
    settings = Settings.from_env(**overrides)
    setup_logging(settings.log_level, settings.log_format)
    broker.quiet_kafka_logs(settings.log_level)
    return settings


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def run_show(args: argparse.Namespace) -> int:
    settings = _settings(args)
    admin, consumer = broker.make_admin(settings), broker.make_consumer(settings, None)
    try:
        rows = offsets.show(admin, consumer, args.group, args.topic)
    except LookupError as exc:
        print(f"news-events offsets: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        consumer.close()
        admin.close()
    if args.json:
        sys.stdout.write(
            orjson.dumps({"group": args.group, "partitions": [r.to_dict() for r in rows]}).decode()
        )
        sys.stdout.write("\n")
        return 0
    print(f"{'topic':<30} {'partition':>9} {'committed':>12} {'end':>12} {'lag':>10}")
    for r in rows:
        print(f"{r.topic:<30} {r.partition:>9} {_cell(r.committed):>12} {r.end:>12} {_cell(r.lag):>10}")
    if not rows:
        print(f"(group {args.group!r} has no committed offsets)")
    return 0


def _target(args: argparse.Namespace) -> ResetTarget:
    if args.to_datetime is not None:
        return ResetTarget("datetime", parse_rfc3339(args.to_datetime))
    if args.to_earliest:
        return ResetTarget("earliest")
    if args.to_latest:
        return ResetTarget("latest")
    return ResetTarget("shift", int(args.shift_by))


def run_reset(args: argparse.Namespace) -> int:
    settings = _settings(args)
    try:
        target = _target(args)
        partitions = parse_partitions(args.partitions)
    except PlanError as exc:
        print(f"news-events offsets: {exc}", file=sys.stderr)
        return EXIT_USAGE
    admin, consumer = broker.make_admin(settings), broker.make_consumer(settings, None)
    try:
        try:
            rows = offsets.plan(admin, consumer, args.group, args.topic, target, partitions)
        except (LookupError, PlanError) as exc:
            print(f"news-events offsets: {exc}", file=sys.stderr)
            return EXIT_USAGE
        state, members = broker.active_members(admin, args.group)
        if args.json:
            plan = [{"partition": r.partition, "current": r.current, "new": r.new} for r in rows]
            out = {"group": args.group, "topic": args.topic, "execute": args.execute, "plan": plan}
            sys.stdout.write(orjson.dumps(out).decode() + "\n")
        else:
            print(f"group {args.group} topic {args.topic} ({'EXECUTE' if args.execute else 'dry run'})")
            print(f"{'partition':>9} {'current':>12} {'new':>12}")
            for r in rows:
                print(f"{r.partition:>9} {_cell(r.current):>12} {r.new:>12}")
        if members:
            print(
                f"news-events offsets: group {args.group!r} has {members} active member(s) (state {state}); "
                "offsets can only be reset while it is inactive: stop its consumers first",
                file=sys.stderr,
            )
            return EXIT_REFUSED
        if not args.execute:
            print("dry run: nothing changed (add --execute to apply)", file=sys.stderr)
            return 0
        try:
            offsets.execute(admin, args.group, args.topic, rows)
        except offsets.GroupActiveError as exc:
            print(f"news-events offsets: {exc}", file=sys.stderr)
            return EXIT_REFUSED
        print(f"reset {len(rows)} partition(s) of {args.topic} for group {args.group}", file=sys.stderr)
        return 0
    finally:
        consumer.close()
        admin.close()
