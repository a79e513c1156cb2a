"""`news-events worker`: run the streaming worker until SIGTERM/SIGINT."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from typing import Any

from worker.logs import setup_logging
from worker.settings import Settings

log = logging.getLogger("worker.run")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "worker",
        help="run the streaming worker: raw articles in; events, outcomes, dead letters out",
        description="Run the streaming worker. All settings come from environment variables (see README).",
    )
    parser.add_argument(
        "--guarantee",
        choices=["at_least_once", "exactly_once"],
        help="override PROCESSING_GUARANTEE",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    overrides: dict[str, Any] = {}
    if args.guarantee:
        overrides["processing_guarantee"] = args.guarantee
    settings = Settings.from_env(**overrides)
    setup_logging(settings.log_level, settings.log_format)
    log.info("starting worker", extra={"settings": settings.redacted()})

    from worker.observability import start_observability

    start_observability(settings)
    from worker.coder import CLASSIFIER_VERSION, coder_build, warm_up

    warm_up()  # build lexicon and gazetteer now, not on the first article
    log.info("coder ready", extra={"classifier_version": CLASSIFIER_VERSION, "coder_build": coder_build()})
    if settings.processing_guarantee == "exactly_once":
        return _run_exactly_once(settings)
    return _run_faust(settings)


def _run_faust(settings: Settings) -> int:
    import faust

    from worker.app import create_app

    app = create_app(settings)
    worker = faust.Worker(
        app,
        loglevel=settings.log_level,
        override_logging=False,
        redirect_stdouts=False,
        quiet=True,  # no banner or progress spinner on stdout: logs only
    )
    worker.execute_from_commandline()


def _run_exactly_once(settings: Settings) -> int:
    from worker.stream.transactional import run_exactly_once

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await run_exactly_once(settings, stop)

    asyncio.run(main())
    log.info("worker stopped")
    return 0
