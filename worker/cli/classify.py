"""``news-events classify``: code articles offline with the pure core (no Kafka).

Reads JSONL articles (one ``article.v1`` object per line) from PATH or stdin (``-``) and writes one
``event.v1`` JSON object per line to stdout; ``--text FILE`` codes a plain-text file as one article
(id = file name without extension). ``--pretty`` prints an aligned table per article instead, and
``--outcomes`` prints one summary line per article to stderr.

A bad line is reported on stderr as ``PATH:LINE: stage/reason: message`` and the remaining lines are
still processed. Exit status: 0 when every line was coded, 1 when any line failed, 2 when the input
could not be read at all (or on a usage error).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import orjson

from worker.coder.article import ArticleError, parse_article
from worker.coder.model import Article, CodingResult
from worker.coder.pipeline import code_article
from worker.settings import Settings

_MIN_EVIDENCE_WIDTH = 20
_DEFAULT_WIDTH = 120
_FLAGS = (
    ("negated", "neg"),
    ("hypothetical", "hyp"),
    ("future", "fut"),
    ("reported", "rep"),
    ("heading", "head"),
)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "classify",
        help="code JSONL articles (or a text file) into events on stdout, without Kafka",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", default="-", metavar="PATH", help="JSONL articles; - for stdin")
    parser.add_argument("--text", metavar="FILE", help="code a plain-text file as one article")
    parser.add_argument("--published-at", metavar="RFC3339", help="published_at for --text")
    parser.add_argument("--pretty", action="store_true", help="print a readable table instead of JSONL")
    parser.add_argument(
        "--outcomes", action="store_true", help="print one summary line per article to stderr"
    )
    parser.add_argument(
        "--max-body-bytes",
        type=int,
        metavar="N",
        help="body size limit (default: NEWS_EVENTS_MAX_BODY_BYTES)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    max_body = args.max_body_bytes or Settings.from_env().max_body_bytes
    out, err = sys.stdout, sys.stderr
    width = shutil.get_terminal_size((_DEFAULT_WIDTH, 24)).columns
    if args.text and args.path != "-":
        err.write("news-events classify: give either PATH or --text, not both\n")
        return 2
    try:
        if args.text:
            label = args.text
            inputs: Iterable[tuple[int, bytes | dict[str, Any]]] = [(1, _text_article(args))]
        else:
            label = "<stdin>" if args.path == "-" else args.path
            inputs = _jsonl_lines(args.path)
        failed = 0
        for line_no, raw in inputs:
            try:
                article = parse_article(raw, max_body_bytes=max_body)
            except ArticleError as exc:
                failed += 1
                err.write(f"{label}:{line_no}: {exc.stage}/{exc.reason}: {exc}\n")
                continue
            result = _code(article, label, line_no, err)
            if result is None:
                failed += 1
                continue
            if args.pretty:
                out.write("\n".join(format_article(article, result, width)) + "\n")
            else:
                _write_jsonl(out, result.events)
            if args.outcomes:
                err.write(outcome_line(result) + "\n")
        out.flush()
    except (OSError, UnicodeDecodeError) as exc:
        err.write(f"news-events classify: cannot read input: {exc}\n")
        return 2
    return 1 if failed else 0


def _write_jsonl(out: IO[str], events: list[dict[str, Any]]) -> None:
    data = b"".join(orjson.dumps(ev, option=orjson.OPT_APPEND_NEWLINE) for ev in events)
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(data)
    else:  # a text-only stream (e.g. redirected in tests)
        out.write(data.decode("utf-8"))


def _jsonl_lines(path: str) -> Iterator[tuple[int, bytes]]:
    stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    try:
        for line_no, line in enumerate(stream, 1):
            if line.strip():
                yield line_no, line
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _text_article(args: argparse.Namespace) -> dict[str, Any]:
    path = Path(args.text)
    article: dict[str, Any] = {"id": path.stem or path.name, "body": path.read_bytes().decode("utf-8")}
    if args.published_at:
        article["published_at"] = args.published_at
    return article


def _code(article: Article, label: str, line_no: int, err: IO[str]) -> CodingResult | None:
    try:
        return code_article(article)
    except Exception as exc:  # the core promises never to raise; report instead of losing the batch
        err.write(f"{label}:{line_no}: classify/internal_error: {type(exc).__name__}: {exc}\n"[:400])
        return None


def outcome_line(result: CodingResult) -> str:
    """``<id> outcome=... events=N paragraphs=N skipped=N reason=...`` for ``--outcomes``."""
    return (
        f"{result.article_id} outcome={result.outcome} events={len(result.events)} "
        f"paragraphs={result.paragraphs} skipped={result.skipped_paragraphs} reason={result.reason or '-'}"
    )


def format_article(article: Article, result: CodingResult, width: int) -> list[str]:
    """A heading line and, when there are events, an aligned table that fits ``width`` columns."""
    n = len(result.events)
    summary = f"{n} event{'s' if n != 1 else ''}" if n else f"no events ({result.reason or 'none found'})"
    lines = [f"== {article.id}: {summary}, {result.paragraphs} paragraphs =="]
    if n:
        lines += format_table(result.events, width)
    return lines


def format_table(events: list[dict[str, Any]], width: int) -> list[str]:
    """Columns: position, type, mode, quad, actor → recipient, flags, evidence (fills the rest)."""
    header = ("P.S", "TYPE", "MODE", "QUAD", "ACTOR → RECIPIENT", "FLAGS")
    rows = [_row(ev) for ev in events]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    fixed = sum(widths) + 2 * len(widths)
    evidence_width = max(_MIN_EVIDENCE_WIDTH, width - fixed)
    lines = []
    for cells, evidence in (
        (header, "EVIDENCE"),
        *((r, _snippet(ev, evidence_width)) for r, ev in zip(rows, events, strict=True)),
    ):
        left = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
        lines.append(f"{left}  {evidence}".rstrip())
    return lines


def _row(ev: dict[str, Any]) -> tuple[str, str, str, str, str, str]:
    quad = str(ev.get("quad_class") or "-").replace("_", " ")
    flags = ",".join(short for key, short in _FLAGS if ev.get(key)) or "-"
    return (
        f"{ev.get('paragraph_index', '?')}.{ev.get('sentence_index', '?')}",
        str(ev.get("event_type", "?")),
        str(ev.get("mode") or "-"),
        quad,
        f"{_actors(ev.get('actor'))} → {_actors(ev.get('recipient'))}",
        flags,
    )


def _actors(actors: Any) -> str:
    if not actors:
        return "-"
    codes = []
    for a in actors:
        code = f"{a.get('country') or ''}{a.get('sector') or ''}"
        codes.append(code or str(a.get("text", "?")))
    return "+".join(codes)


def _snippet(ev: dict[str, Any], width: int) -> str:
    evidence = ev.get("evidence") or {}
    text = " ".join(str(evidence.get("text", "")).split())
    return text if len(text) <= width else text[: width - 1] + "…"
