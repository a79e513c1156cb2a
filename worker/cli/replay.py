"""`news-events replay`: re-process a range of a topic through the live processing core (backfill,
dead-letter re-drive), resumable, rate-limited, with its own consumer group."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import time
from typing import Any

import orjson

from worker.logs import setup_logging
from worker.replay import broker
from worker.replay.broker import quiet_kafka_logs
from worker.replay.plan import PlanError, make_spec
from worker.replay.progress import Counters, ProgressReporter, summary
from worker.replay.runner import ReplayPlan, ReplayRequest, execute, graceful_stop, make_plan
from worker.settings import Settings

log = logging.getLogger("worker.replay")

EXIT_INTERRUPTED = 130


def register(sub: Any) -> None:
    p = sub.add_parser(
        "replay",
        help="re-process a topic range (backfill or dead-letter re-drive), resumable",
        description=(
            "Re-process records of --topic in [start, end) through the live processing core and publish "
            "events, outcomes and dead letters. Bounds: --from/--to (RFC 3339, resolved per partition to the "
            "first record stamped at or after the time) or --from-offset/--to-offset; the end is exclusive "
            "and defaults to the high-water mark at start. Progress is committed to the replay's own "
            "consumer group: the same command resumes where it stopped."
        ),
    )
    p.add_argument(
        "--topic", help="source topic (default: the input topic); the DLQ topic re-drives dead letters"
    )
    p.add_argument("--from", dest="from_time", metavar="RFC3339", help="first record time (inclusive)")
    p.add_argument("--to", dest="to_time", metavar="RFC3339", help="end time (exclusive)")
    p.add_argument("--from-offset", type=int, help="first offset (inclusive), every selected partition")
    p.add_argument("--to-offset", type=int, help="end offset (exclusive), every selected partition")
    p.add_argument("--partitions", help="comma-separated partitions to replay (default: all)")
    p.add_argument("--output-topic", help="events topic (default: the live events topic); created if missing")
    p.add_argument("--outcomes-topic", help="outcomes topic (default: the live outcomes topic)")
    p.add_argument("--dlq-topic", help="dead-letter topic (default: the live dead-letter topic)")
    p.add_argument("--group", help="consumer group holding the replay's progress (default: derived)")
    p.add_argument("--restart", action="store_true", help="ignore committed progress and start over")
    p.add_argument("--rate", type=float, help="limit to N articles per second")
    p.add_argument("--batch-size", type=int, help="records per produce/commit batch (default: BATCH_SIZE)")
    p.add_argument("--dry-run", action="store_true", help="print the plan and change nothing")
    p.add_argument("--json", action="store_true", help="print the plan / summary as JSON on stdout")
    p.add_argument("--bootstrap-servers", help="override KAFKA_BOOTSTRAP_SERVERS")
    p.set_defaults(func=run)


def _print_plan(plan: ReplayPlan, as_json: bool) -> None:
    data = plan.to_dict()
    if as_json:
        sys.stdout.write(orjson.dumps({"dry_run": True, "plan": data}).decode() + "\n")
        return
    out = sys.stdout
    out.write(f"replay {data['topic']} -> {data['output_topic']} (outcomes {data['outcomes_topic']}, ")
    out.write(f"dead letters {data['dlq_topic']})\ngroup {data['group']}  run {data['run_id']}\n")
    out.write(f"{'partition':>9} {'start':>12} {'end':>12} {'messages':>10} {'remaining':>10}\n")
    for row in data["partitions"]:
        cells = (row["partition"], row["start"], row["end"], row["messages"], row["remaining"])
        out.write("{:>9} {:>12} {:>12} {:>10} {:>10}\n".format(*cells))
    out.write(f"{'total':>9} {'':>12} {'':>12} {data['messages']:>10} {data['remaining']:>10}\n")


def run(args: argparse.Namespace) -> int:
    overrides: dict[str, Any] = {}
    if args.bootstrap_servers:
        overrides["kafka_bootstrap_servers"] = args.bootstrap_servers
    settings = Settings.from_env(**overrides)
    setup_logging(settings.log_level, settings.log_format)
    quiet_kafka_logs(settings.log_level)
    try:
        spec = make_spec(
            from_time=args.from_time,
            to_time=args.to_time,
            from_offset=args.from_offset,
            to_offset=args.to_offset,
            partitions=args.partitions,
        )
    except PlanError as exc:
        print(f"news-events replay: {exc}", file=sys.stderr)
        return 2
    if args.rate is not None and args.rate <= 0:
        print("news-events replay: --rate must be positive", file=sys.stderr)
        return 2
    request = ReplayRequest(
        topic=args.topic or settings.input_topic,
        output_topic=args.output_topic or settings.events_topic,
        outcomes_topic=args.outcomes_topic or settings.outcomes_topic,
        dlq_topic=args.dlq_topic or settings.dlq_topic,
        spec=spec,
        group=args.group,
        restart=args.restart,
        rate=args.rate,
        batch_size=args.batch_size or settings.batch_size,
    )
    plan = _plan(request, settings)
    if plan is None:
        return 2
    if args.dry_run:
        _print_plan(plan, args.json)
        return 0
    return _replay(request, plan, settings, as_json=args.json)


def _plan(request: ReplayRequest, settings: Settings) -> ReplayPlan | None:
    """The replay's plan, or None after reporting why there is none. The consumer has no group:
    planning (and so a dry run) cannot commit anything."""
    consumer = broker.make_consumer(settings, None)
    try:
        return make_plan(request, settings, consumer)
    except PlanError as exc:
        print(f"news-events replay: {exc}", file=sys.stderr)
        return None
    finally:
        consumer.close()


def _replay(request: ReplayRequest, plan: ReplayPlan, settings: Settings, *, as_json: bool) -> int:
    admin = broker.make_admin(settings)
    try:
        broker.ensure_topics(
            admin,
            [request.output_topic, request.outcomes_topic, request.dlq_topic],
            settings.topic_partitions,
            settings.topic_replication,
        )
    finally:
        admin.close()
    log.info(
        "replay %s -> %s: %d records left of %d (group %s, run %s)",
        request.topic,
        request.output_topic,
        plan.total,
        sum(r.count for r in plan.planned),
        plan.group,
        plan.run_id,
    )
    counters = Counters(total=plan.total)
    reporter = ProgressReporter(counters, sys.stderr)
    completed = False
    try:
        with graceful_stop() as stop:
            completed = asyncio.run(execute(plan, settings, counters, reporter=reporter, stop=stop))
    finally:
        reporter.close()
    result = summary(
        counters,
        time.monotonic(),
        completed=completed,
        group=plan.group,
        run_id=plan.run_id,
        topic=request.topic,
        output_topic=request.output_topic,
    )
    if as_json:
        sys.stdout.write(orjson.dumps(result).decode() + "\n")
    else:
        sys.stderr.write(
            f"replay {'complete' if completed else 'stopped (resume with the same command)'}: "
            f"{result['records']} records, {result['events']} events, {result['dead_letters']} dead letters "
            f"in {result['elapsed_s']:.1f} s ({result['records_per_s']} records/s); group {plan.group}\n"
        )
    return 0 if completed else EXIT_INTERRUPTED
