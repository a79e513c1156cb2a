"""The benchmark: the real worker on the real broker, against a raw aiokafka ceiling, in one run.

    .venv/bin/python -m bench [--articles 20000] [--stories PATH.csv.zip] [--smoke] [--bootstrap H:P]

Phases (see docs/benchmarks.md): coder alone; worker drain of a pre-loaded 4-partition topic;
``news-events replay`` of the same topic; the raw ceiling pipeline on the same topic; two workers on
the same topic; one worker at a paced offered load of half the drain rate (latency). Writes
``<results-dir>/<date>.json`` and, unless ``--no-docs``, the results table of docs/benchmarks.md and its
plots.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import orjson

from bench import kafka, report
from bench.articles import REPO, BenchArticle, generate
from bench.coder_alone import bench_coder, precompute, write_payloads
from bench.procs import RssSampler, Worker, cpu_seconds, run_ceiling, run_replay
from bench.stats import (
    Outcome,
    latencies_ms,
    latency_summary,
    per_second,
    percentile,
    rss_summary,
    throughput,
)
from worker.coder import CLASSIFIER_VERSION
from worker.settings import Settings

log = logging.getLogger("bench")

PARTITIONS = 4
WARMUP_S = 2.0


def machine() -> dict[str, Any]:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "cpu_model": cpu,
        "platform": platform.platform(),
    }


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def versions() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "faust-streaming": version("faust-streaming"),
        "aiokafka": version("aiokafka"),
        "kafka-python": version("kafka-python"),
        "kafka": kafka.kafka_version(),
        "news-events": version("news-events"),
        "classifier": CLASSIFIER_VERSION,
    }


class Run:
    def __init__(self, args: argparse.Namespace, bootstrap: str, work_dir: Path) -> None:
        self.args = args
        self.bootstrap = bootstrap
        self.work_dir = work_dir
        self.tag = f"{datetime.now(UTC):%H%M%S}-{uuid.uuid4().hex[:6]}"
        self.topics: list[str] = []
        self.worker_env = dict(item.split("=", 1) for item in args.worker_env)
        if args.compiled:  # the production build: the coder compiled with mypyc (bench/compiled_coder.py)
            from bench.compiled_coder import compiled_site

            self.worker_env.setdefault("PYTHONPATH", str(compiled_site()))

    def names(self, phase: str) -> dict[str, str]:
        names = {role: f"bench.{self.tag}.{phase}.{role}" for role in ("input", "events", "outcomes", "dlq")}
        kafka.create_topics(self.bootstrap, names, PARTITIONS)
        self.topics.extend(names.values())
        return names

    def worker_env_for(self, name: str, topics: dict[str, str], group: str) -> dict[str, str]:
        return {
            "KAFKA_BOOTSTRAP_SERVERS": self.bootstrap,
            "INPUT_TOPIC": topics["input"],
            "EVENTS_TOPIC": topics["events"],
            "OUTCOMES_TOPIC": topics["outcomes"],
            "DLQ_TOPIC": topics["dlq"],
            "TOPIC_PARTITIONS": str(PARTITIONS),
            "APP_ID": group,
            "WORKER_DATA_DIR": str(self.work_dir / f"data-{name}"),
            **self.worker_env,
        }

    def worker(self, name: str, topics: dict[str, str], group: str) -> Worker:
        return Worker(self.worker_env_for(name, topics, group), self.work_dir / f"{name}.log")

    async def drain(
        self, name: str, topics: dict[str, str], outcomes_topic: str, expected: int, workers: int
    ) -> dict[str, Any]:
        """``workers`` worker processes drain the pre-loaded input; throughput, latency, RSS."""
        group = f"bench-{self.tag}-{name}"
        env_topics = {**topics, "outcomes": outcomes_topic}
        procs = [self.worker(f"{name}-{i}", env_topics, group) for i in range(workers)]
        samplers: list[RssSampler] = []
        started = time.monotonic()
        try:
            for proc in procs:
                proc.start()
                sampler = RssSampler(proc.pid)
                sampler.start()
                samplers.append(sampler)
            profiler = start_profiler(self.args.profile, procs[0].pid, name) if self.args.profile else None
            ready_s = max([await p.wait_ready() for p in procs])
            cpu_ready = [cpu_seconds(p.pid) or 0.0 for p in procs]
            # with several workers, rates count only once all of them hold partitions
            all_ready_ms = int(time.time() * 1000) if workers > 1 else 0
            reached = await kafka.wait_for_count(
                self.bootstrap, outcomes_topic, expected, stall_s=self.args.stall_seconds
            )
            per_worker = [p.articles_total() for p in procs]
            cpu_used = [(cpu_seconds(p.pid) or 0.0) - c for p, c in zip(procs, cpu_ready, strict=True)]
        finally:
            for sampler in samplers:
                await sampler.stop()
            codes = [p.stop() for p in procs]
            if profiler is not None:
                profiler.wait(60)
        log.info("%s: %d/%d outcomes in %.1fs", name, reached, expected, time.monotonic() - started)
        outcomes = await kafka.read_outcomes(self.bootstrap, outcomes_topic)
        result = self.summarise(outcomes, expected, since_ms=all_ready_ms)
        result.update(
            workers=workers,
            rate_window="outcomes after all workers were ready (all if too few)" if workers > 1 else "all",
            ready_seconds=ready_s,
            exit_codes=codes,
            articles_per_worker=per_worker,
            cpu_seconds=cpu_used,
            cpu_ms_per_article=sum(cpu_used) * 1000 / max(1, len(outcomes)),
            rss=[rss_summary(s.samples) for s in samplers],
        )
        result["_rss_samples"] = samplers[0].samples if samplers else []
        result["_outcomes"] = outcomes
        return result

    def summarise(
        self, outcomes: Sequence[Outcome], expected: int, *, since_ms: int = 0, latency: bool = True
    ) -> dict[str, Any]:
        """Counts, rates (over outcomes stamped at or after ``since_ms``), latency, per-second series."""
        window = [o for o in outcomes if o.ts_ms >= since_ms]
        if len(window) < max(2, len(outcomes) // 4):  # tiny runs: done before every worker was ready
            window = list(outcomes)
        return {
            "expected": expected,
            "outcomes": len(outcomes),
            "complete": len(outcomes) >= expected,
            "outcome_counts": dict(Counter(o.outcome for o in outcomes)),
            **throughput(window),
            "rate_outcomes": len(window),
            "latency": latency_summary(latencies_ms(outcomes)) if latency else {},
            "series_per_s": per_second(outcomes),
        }

    async def replay(self, input_topic: str, expected: int) -> dict[str, Any]:
        """``news-events replay`` of the pre-loaded input into fresh topics, with its own group."""
        topics = self.names("replay")  # its own input topic stays empty: the replay reads ``input_topic``
        group = f"bench-{self.tag}-replay"
        env = self.worker_env_for("replay", topics, group)
        args = [
            "--topic", input_topic,
            "--output-topic", topics["events"],
            "--outcomes-topic", topics["outcomes"],
            "--dlq-topic", topics["dlq"],
            "--group", group,
            "--bootstrap-servers", self.bootstrap,
        ]  # fmt: skip
        started = time.monotonic()
        summary, sampler, cpu_total, code = await run_replay(args, env, self.work_dir / "replay.log", 900.0)
        log.info("replay: exit %s after %.1fs: %s", code, time.monotonic() - started, summary)
        outcomes = await kafka.read_outcomes(self.bootstrap, topics["outcomes"])
        # no latency: the input was stamped before the worker phase, so it would only measure the wait
        result = self.summarise(outcomes, expected, latency=False)
        # like the worker's figure, CPU counts from the start of processing (not imports, plan, warm-up)
        first_s = min((o.ts_ms for o in outcomes), default=0) / 1000.0
        before = [cpu for t, cpu in sampler.cpu if t <= first_s]
        startup = before[-1] if before else 0.0
        cpu_used = max(0.0, cpu_total - startup)
        result.update(
            exit_code=code,
            summary=summary,
            cpu_seconds=cpu_used,
            cpu_seconds_startup=startup,
            cpu_ms_per_article=cpu_used * 1000 / max(1, len(outcomes)),
            rss=[rss_summary(sampler.samples)],
        )
        result["_rss_samples"] = sampler.samples
        result["_outcomes"] = outcomes
        return result

    async def ceiling(self, topics: dict[str, str], payload_path: Path, expected: int) -> dict[str, Any]:
        names = {
            "events": f"bench.{self.tag}.ceiling.events",
            "outcomes": f"bench.{self.tag}.ceiling.outcomes",
        }
        kafka.create_topics(self.bootstrap, names, PARTITIONS)
        self.topics.extend(names.values())
        stats = await asyncio.to_thread(
            run_ceiling,
            [
                self.bootstrap,
                topics["input"],
                f"bench-{self.tag}-ceiling",
                names["events"],
                names["outcomes"],
                str(payload_path),
                str(expected),
            ],
            self.work_dir / "ceiling.log",
            600.0,
        )
        outcomes = await kafka.read_outcomes(self.bootstrap, names["outcomes"])
        result = self.summarise(outcomes, expected, latency=False)  # precomputed outcomes: no source ts
        result["cpu_seconds"] = stats["cpu_seconds"]
        result["cpu_ms_per_article"] = stats["cpu_seconds"] * 1000 / max(1.0, stats["articles"])
        result["_outcomes"] = outcomes
        return result

    async def paced(self, rate: float, count: int) -> dict[str, Any]:
        topics = self.names("paced")
        articles = generate(count, stories=self.args.stories, seed=7, prefix=f"paced-{self.tag}")
        proc = self.worker("paced", topics, f"bench-{self.tag}-paced")
        proc.start()
        sampler = RssSampler(proc.pid)
        sampler.start()
        try:
            ready_s = await proc.wait_ready()
            await asyncio.sleep(3.0)  # let the fetcher settle after the assignment
            cpu_start = cpu_seconds(proc.pid) or 0.0
            offered = await kafka.paced(self.bootstrap, topics["input"], articles, rate)
            await kafka.wait_for_count(
                self.bootstrap, topics["outcomes"], count, stall_s=self.args.stall_seconds
            )
            cpu_used = (cpu_seconds(proc.pid) or 0.0) - cpu_start
        finally:
            await sampler.stop()
            code = proc.stop()
        outcomes = await kafka.read_outcomes(self.bootstrap, topics["outcomes"])
        result = self.summarise(outcomes, count)
        # latency percentiles leave out the first WARMUP_S of offered load (connections, first fetches)
        first = min((o.source_ts_ms for o in outcomes if o.source_ts_ms is not None), default=0)
        warmup_s = WARMUP_S
        steady = [o for o in outcomes if (o.source_ts_ms or 0) >= first + warmup_s * 1000]
        if len(steady) < len(outcomes) // 2:  # a tiny run is all warm-up: keep everything
            steady, warmup_s = list(outcomes), 0.0
        lat = latencies_ms(steady)
        result["latency_all"] = result["latency"]
        result["latency"] = latency_summary(lat)
        result.update(
            warmup_seconds=warmup_s,
            cpu_seconds=cpu_used,
            cpu_share=cpu_used / max(offered["seconds"], 1e-3),
            cpu_ms_per_article=cpu_used * 1000 / max(1, len(outcomes)),
            target_rate=rate,
            offered=offered,
            ready_seconds=ready_s,
            exit_code=code,
            rss=rss_summary(sampler.samples),
            latency_percentiles_ms=[percentile(lat, q) for q in range(0, 101)] if lat else [],
        )
        result["_rss_samples"] = sampler.samples
        result["_outcomes"] = outcomes
        result["_latencies"] = lat
        return result


async def run_phases(run: Run, articles: list[BenchArticle]) -> dict[str, Any]:
    args = run.args
    settings = Settings.from_env({})
    results: dict[str, Any] = {}

    log.info("coder alone: %d articles through the pure core", len(articles))
    payloads, coder_rates = precompute(articles, settings)
    coder: dict[str, Any] = dict(coder_rates)
    payload_path = run.work_dir / "payloads.pickle"
    write_payloads(payloads, payload_path)
    del payloads
    coder["bench_coder"] = bench_coder(articles, run.work_dir, 1.0 if args.smoke else 5.0)
    results["coder"] = coder

    topics = run.names("drain")
    load_s = await kafka.preload(run.bootstrap, topics["input"], articles)
    results["preload"] = {"seconds": load_s, "articles_per_s": len(articles) / load_s}
    n = len(articles)

    log.info("worker: one process drains %d articles", n)
    results["worker"] = await run.drain("worker1", topics, topics["outcomes"], n, 1)
    log.info("replay: news-events replay of the same topic")
    results["replay"] = await run.replay(topics["input"], n)
    log.info("ceiling: raw aiokafka pipeline on the same topic")
    results["ceiling"] = await run.ceiling(topics, payload_path, n)
    if not args.no_scaling:
        log.info("scaling: two worker processes on the same 4-partition topic")
        two_out = f"bench.{run.tag}.drain2.outcomes"
        kafka.create_topics(run.bootstrap, {"outcomes": two_out}, PARTITIONS)
        run.topics.append(two_out)
        results["two_workers"] = await run.drain("worker2", topics, two_out, n, 2)

    full = results["worker"]["articles_per_s"]
    rate = max(1.0, full * 0.5)
    count = max(20, int(rate * args.paced_seconds))
    if args.smoke:
        count = min(count, n)
    log.info("paced: %d articles offered at %.0f/s (half of %.0f/s)", count, rate, full)
    results["paced"] = await run.paced(rate, count)
    return results


def start_profiler(out_dir: Path, pid: int, name: str) -> subprocess.Popen[bytes] | None:
    """``py-spy record`` of the worker until it exits: collapsed stacks in ``out_dir/<name>.txt``."""
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists():
        log.warning("py-spy not installed (pip install py-spy): no profile")
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{name}.txt"
    cmd = [py_spy, "record", "--pid", str(pid), "--rate", "50", "--format", "raw", "-o", str(out)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def goals(results: dict[str, Any]) -> dict[str, Any]:
    worker, ceiling, paced = results["worker"], results["ceiling"], results["paced"]
    ratio = worker["articles_per_s"] / ceiling["articles_per_s"] if ceiling["articles_per_s"] else 0.0
    replay = results["replay"]["articles_per_s"] / max(worker["articles_per_s"], 1e-9)
    p99 = paced["latency"].get("p99_ms", float("inf"))
    rss = paced["rss"]
    return {
        "ratio_to_ceiling": {"target": ">= 0.5", "measured": ratio, "met": ratio >= 0.5},
        "worker_articles_per_s": {
            "target": ">= 600",
            "measured": worker["articles_per_s"],
            "met": worker["articles_per_s"] >= 600,
        },
        "paced_p99_ms": {"target": "<= 250", "measured": p99, "met": p99 <= 250},
        "rss_peak_mb": {
            "target": "<= 300",
            "measured": max([rss.get("peak_mb", 0.0)] + [r.get("peak_mb", 0.0) for r in worker["rss"]]),
            "met": all(r.get("peak_mb", 0.0) <= 300 for r in [rss, *worker["rss"]]),
        },
        "rss_slope_mb_per_min": {
            "target": "flat (|slope| < 5 MB/min)",
            "measured": rss.get("steady_slope_mb_per_min", 0.0),
            "met": abs(rss.get("steady_slope_mb_per_min", 0.0)) < 5,
        },
        "replay_to_worker": {"target": ">= 1.0", "measured": replay, "met": replay >= 1.0},
    }


def strip_private(results: dict[str, Any]) -> dict[str, Any]:
    """The JSON-ready results: without the raw outcome lists and samples (kept only for the plots)."""
    return {
        phase: {k: v for k, v in body.items() if not k.startswith("_")} if isinstance(body, dict) else body
        for phase, body in results.items()
    }


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    broker: kafka.Broker | None = None
    bootstrap = args.bootstrap
    if not bootstrap:
        broker = kafka.Broker(args.kafka_port)
        log.info("starting a broker on 127.0.0.1:%d", args.kafka_port)
        broker.start()
        bootstrap = broker.bootstrap
    work_dir = Path(tempfile.mkdtemp(prefix="news-events-bench-"))
    run = Run(args, bootstrap, work_dir)
    load_before = load_average()
    started = datetime.now(UTC)
    try:
        articles = generate(args.articles, stories=args.stories, prefix=f"bench-{run.tag}")
        phases = await run_phases(run, articles)
    finally:
        if run.topics:
            kafka.delete_topics(bootstrap, run.topics)
        if broker is not None:
            broker.stop()
    doc: dict[str, Any] = {
        "date": started.isoformat(timespec="seconds").replace("+00:00", "Z"),
        "smoke": args.smoke,
        "config": {
            "articles": args.articles,
            "stories": bool(args.stories),
            "partitions": PARTITIONS,
            "paced_seconds": args.paced_seconds,
            "worker_env": run.worker_env,
            "coder_build": "mypyc" if args.compiled else "python",
            "timestamps": "outcome LogAppendTime minus input CreateTime (= ingested_at)",
        },
        "machine": {**machine(), "load_before": load_before, "load_after": load_average()},
        "versions": versions(),
        **strip_private(phases),
    }
    ceiling_rate = max(doc["ceiling"]["articles_per_s"], 1e-9)
    doc["ratio_worker_to_ceiling"] = doc["worker"]["articles_per_s"] / ceiling_rate
    doc["goals"] = goals(phases)
    doc["ratio_replay_to_worker"] = doc["goals"]["replay_to_worker"]["measured"]
    out_dir = Path(args.results_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{started:%Y-%m-%d}.json"
    path.write_bytes(orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
    doc["_path"] = str(path)
    if not args.no_docs:
        images = report.plots(phases, Path(args.img_dir))
        report.write_docs(doc, Path(args.docs), images)
    if args.keep_logs:
        log.info("worker logs kept in %s", work_dir)
    else:
        shutil.rmtree(work_dir, ignore_errors=True)
    return doc


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=None, help="articles per phase (default 20,000)")
    parser.add_argument("--stories", type=Path, help="plover-synthetic-stories.csv.zip for more paragraphs")
    parser.add_argument("--smoke", action="store_true", help="tiny run (50 articles, short phases, no docs)")
    parser.add_argument("--bootstrap", help="use this broker instead of starting one")
    parser.add_argument("--kafka-port", type=int, default=49092, help="port of the broker this run starts")
    parser.add_argument("--paced-seconds", type=float, default=None, help="length of the paced phase (60)")
    parser.add_argument("--stall-seconds", type=float, default=60.0, help="give up after no progress for S s")
    parser.add_argument("--worker-env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment of the worker processes (e.g. BATCH_SIZE=1000)")  # fmt: skip
    parser.add_argument("--no-scaling", action="store_true", help="skip the two-worker phase")
    parser.add_argument("--compiled", action="store_true",
                        help="workers run the production build (coder compiled with mypyc)")  # fmt: skip
    parser.add_argument("--results-dir", default=None, help="where <date>.json goes (bench/results)")
    parser.add_argument("--docs", default=str(REPO / "docs" / "benchmarks.md"))
    parser.add_argument("--img-dir", default=str(REPO / "docs" / "img"))
    parser.add_argument("--no-docs", action="store_true", help="do not touch docs/ (smoke runs never do)")
    parser.add_argument("--profile", type=Path, help="py-spy the drain workers: stacks into this dir")
    parser.add_argument("--keep-logs", action="store_true", help="keep worker logs and the work dir")
    args = parser.parse_args(argv)
    if args.articles is None:
        args.articles = 50 if args.smoke else 20_000
    if args.paced_seconds is None:
        args.paced_seconds = 5.0 if args.smoke else 60.0
    if args.results_dir is None:
        args.results_dir = str(REPO / ("var/bench" if args.smoke else "bench/results"))
    if args.smoke:
        args.no_docs = True
        args.stall_seconds = min(args.stall_seconds, 30.0)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s", datefmt="%H:%M:%S")
    log.setLevel(logging.INFO)
    logging.getLogger("aiokafka").setLevel(logging.ERROR)
    logging.getLogger("kafka").setLevel(logging.ERROR)
    args = parse_args(argv)
    doc = asyncio.run(main_async(args))
    print(report.summary(doc))
    print(f"results: {doc['_path']}")
    return 0
