"""The ``news-events`` command line. Each sub-command lives in its own module with a ``register``."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from worker import __version__

# sub-command name -> module under worker.cli; each module defines register(subparsers)
COMMANDS = {
    "classify": "classify",
    "eval": "evaluate",
    "worker": "run_worker",
    "topics": "topics",
    "produce": "produce",
    "status": "status",
    "replay": "replay",
    "offsets": "offsets",
    "consume": "consume",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="news-events", description="Turn raw news articles into structured PLOVER political events."
    )
    parser.add_argument("--version", action="version", version=f"news-events {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMANDS.values():
        module = importlib.import_module(f"worker.cli.{module_name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
