"""The coder without Kafka, on the benchmark's own articles.

``precompute`` runs the worker's pure core (``process_record``: parse, code, serialise the events and the
outcome) over every article once, timing it, and keeps the output payloads for the ceiling pipeline.
``bench_coder`` runs the coder engineers' ``bench/bench_coder.py`` on a sample of the same articles.
"""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.articles import REPO, BenchArticle, stamp
from bench.ceiling import Payloads
from worker.settings import Settings
from worker.stream.processing import process_record
from worker.stream.records import SourceRecord

_INGESTED = "2026-01-01T00:00:00.000Z"


def precompute(articles: Sequence[BenchArticle], settings: Settings) -> tuple[Payloads, dict[str, float]]:
    """Payloads for the ceiling (topic role, value, headers per output record) and the core's speed."""
    payloads: Payloads = {}
    events = paragraphs = no_events = dead = 0
    if articles:  # warm the lexicon, gazetteer and regex caches outside the timing
        warm = stamp(articles[0], _INGESTED)
        process_record(None, warm, SourceRecord(settings.input_topic, 0, 0), settings)
    started = time.perf_counter()
    cpu0 = time.process_time()
    for offset, article in enumerate(articles):
        value = stamp(article, _INGESTED)
        processed = process_record(
            article.key, value, SourceRecord(settings.input_topic, 0, offset, 0), settings
        )
        payloads[article.key] = [
            (record.topic == settings.outcomes_topic, record.value or b"", record.headers)
            for record in processed.records()
        ]
        events += len(processed.events)
        paragraphs += processed.paragraphs
        no_events += processed.outcome_name == "no_events"
        dead += processed.outcome_name == "dead_letter"
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu0
    n = len(articles)
    out_bytes = sum(len(v) for outs in payloads.values() for _, v, _ in outs)
    return payloads, {
        "articles": float(n),
        "seconds": seconds,
        "articles_per_s": n / seconds,
        "cpu_ms_per_article": cpu * 1000 / n,
        "paragraphs_per_s": paragraphs / seconds,
        "events_per_s": events / seconds,
        "events_per_article": events / n,
        "paragraphs_per_article": paragraphs / n,
        "no_events_share": no_events / n,
        "dead_letters": float(dead),
        "output_records_per_article": sum(len(o) for o in payloads.values()) / n,
        "output_bytes_per_article": out_bytes / n,
    }


def write_payloads(payloads: Payloads, path: Path) -> None:
    with path.open("wb") as fh:
        pickle.dump(payloads, fh, protocol=pickle.HIGHEST_PROTOCOL)


def bench_coder(articles: Sequence[BenchArticle], work_dir: Path, seconds: float) -> dict[str, Any]:
    """Run ``bench/bench_coder.py`` (if present) on up to 2,000 of the articles; its printed figures."""
    script = REPO / "bench" / "bench_coder.py"
    if not script.exists():
        return {"skipped": "bench/bench_coder.py not found"}
    sample = work_dir / "coder-sample.jsonl"
    sample.write_bytes(b"\n".join(stamp(a, _INGESTED) for a in articles[:2000]) + b"\n")
    result = subprocess.run(
        [sys.executable, str(script), "--articles", str(sample), "--seconds", str(seconds)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=seconds * 10 + 120,
        check=False,
    )
    if result.returncode != 0:
        return {"error": result.stderr.strip()[-500:]}
    figures: dict[str, Any] = {}
    for line in result.stdout.splitlines():
        match = re.match(r"([a-z /]+?)\s{2,}([\d,.]+)", line.strip())
        if match:
            name = match.group(1).strip().replace("/s", "_per_s").replace(" ", "_")
            figures[name] = float(match.group(2).replace(",", ""))
    return figures
