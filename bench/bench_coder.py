"""Throughput and memory of the event coder on one core: paragraphs/s, sentences/s, articles/s, RSS.

    .venv/bin/python bench/bench_coder.py [--articles PATH.jsonl | --mix N] [--stories PATH.csv.zip]
        [--limit 1000] [--seconds 3] [--repeat 3] [--cpu N] [--profile] [--compiled]

Without --articles/--stories/--mix it uses samples/articles.jsonl (the dense demo article, repeated).
``--stories`` builds one article per synthetic PLOVER story (``plover-synthetic-stories.csv.zip``) at run
time, so the repository needs no copy of the data. ``--mix N`` codes N articles of the end-to-end
benchmark's generator (``bench/articles.py``: eventful paragraphs from the sample, and from the stories
when given, among neutral ones). The process is pinned to one core (the last allowed one, or ``--cpu``);
each of ``--repeat`` rounds codes the corpus for ``--seconds``; the best and the median round are
printed, and paragraphs per CPU second (steadier on a shared machine). ``--compiled`` measures the
production build (the coder compiled with mypyc, as in the image) instead of the venv's pure-Python
package. Not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from worker.coder import Article, code_article, coder_build, parse_article
from worker.coder.segment import split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = "2024-06-21T09:00:00Z"


def rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pin(cpu: int | None) -> int | None:
    """Pin the process to one core; the chosen core, or None where affinity is unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    core = cpu if cpu is not None else allowed[-1]
    os.sched_setaffinity(0, {core})
    return core


def read_articles(path: Path) -> list[Article]:
    return [parse_article(line) for line in path.read_bytes().splitlines() if line.strip()]


def story_articles(path: Path, limit: int) -> list[Article]:
    """One article per synthetic story (its paragraphs as lines), skipping unfilled templates."""
    out: list[Article] = []
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.endswith(".csv")]
        for name in names:
            with archive.open(name) as raw:
                for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
                    text = row.get("text") or ""
                    if not text.strip() or "{" in text:
                        continue
                    body = "\n".join(p.strip() for p in text.split("\n") if p.strip())
                    doc = {"id": f"story-{len(out):05d}", "body": body, "published_at": PUBLISHED}
                    out.append(parse_article(doc))
                    if len(out) >= limit:
                        return out
    return out


def mixed_articles(n: int, stories: Path | None) -> list[Article]:
    """The end-to-end benchmark's realistic mix (``bench/articles.py``): 10-30 paragraphs an article,
    30% of articles without any political paragraph, 15-50% eventful paragraphs in the others."""
    sys.path.insert(0, str(ROOT))
    from bench.articles import generate  # the script runs without the repository on sys.path

    return [parse_article(a.body_json) for a in generate(n, stories=stories)]


_COMPILED_ENV = "BENCH_CODER_COMPILED"


def run_compiled(argv: list[str]) -> int:
    """Run this script again on the production build of the coder (the mypyc-compiled wheel of
    ``bench/compiled_coder.py``, built once per source hash); its exit status."""
    from bench.compiled_coder import compiled_site

    print("building (or reusing) the compiled wheel of this tree ...", flush=True)
    try:
        site = compiled_site()
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    env = {**os.environ, "PYTHONPATH": str(site), _COMPILED_ENV: "1"}
    return subprocess.run([sys.executable, "-P", __file__, *argv], env=env, check=False).returncode


def one_round(articles: list[Article], seconds: float) -> tuple[float, float, int, int]:
    """Code the corpus repeatedly for about ``seconds``: (elapsed, CPU seconds, passes, events)."""
    passes = events = 0
    t0, c0 = time.perf_counter(), time.process_time()
    while True:
        for a in articles:
            events += len(code_article(a).events)
        passes += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= seconds:
            return elapsed, time.process_time() - c0, passes, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--articles", type=Path, help="JSON lines of raw articles")
    source.add_argument("--mix", type=int, metavar="N", help="N generated articles (bench/articles.py)")
    parser.add_argument(
        "--stories",
        type=Path,
        help="plover-synthetic-stories.csv.zip: one article per story, or with --mix the eventful paragraphs",
    )
    parser.add_argument("--limit", type=int, default=1000, help="stories to use (default 1000)")
    parser.add_argument("--seconds", type=float, default=3.0, help="length of one round")
    parser.add_argument("--repeat", type=int, default=3, help="rounds")
    parser.add_argument("--cpu", type=int, default=None, help="core to pin to (default: last allowed)")
    parser.add_argument("--profile", action="store_true", help="cProfile one extra round")
    parser.add_argument(
        "--compiled",
        action="store_true",
        help="measure the production build: the coder compiled with mypyc (bench/compiled_coder.py; needs a\n"
        "C compiler, built once per source hash). Without it: the pure-Python package of the venv",
    )
    args = parser.parse_args()
    if args.compiled and os.environ.get(_COMPILED_ENV) is None:
        raise SystemExit(run_compiled([a for a in sys.argv[1:] if a != "--compiled"]))

    core = pin(args.cpu)
    rss_start = rss_mb()
    if args.mix is not None:
        articles = mixed_articles(args.mix, args.stories)
        label = f"{args.mix} generated articles" + (f" with {args.stories.name}" if args.stories else "")
    elif args.stories is not None:
        articles = story_articles(args.stories, args.limit)
        label = f"{args.stories.name} ({len(articles)} stories)"
    else:
        path = args.articles or ROOT / "samples" / "articles.jsonl"
        articles = read_articles(path)
        label = path.name
    t0 = time.perf_counter()
    code_article(articles[0])  # loads the lexicon and builds the gazetteer
    first = time.perf_counter() - t0
    rss_loaded = rss_mb()

    segmented = [split_paragraphs(a.body) for a in articles]
    paras = sum(len(ps) for ps in segmented)
    sents = sum(len(p.sentences) for ps in segmented for p in ps)
    eventful = sum(len({e["paragraph_index"] for e in code_article(a).events}) for a in articles)

    rates: list[tuple[float, float, float]] = []  # (articles/s, events/s, articles/CPU-s) per round
    for _ in range(args.repeat):
        elapsed, cpu, passes, events = one_round(articles, args.seconds)
        done = passes * len(articles)
        rates.append((done / elapsed, events / elapsed, done / cpu))
    per_article = [r[0] for r in rates]
    best, median = max(per_article), statistics.median(per_article)
    best_cpu = max(r[2] for r in rates)
    scale_p, scale_s = paras / len(articles), sents / len(articles)

    print(f"corpus       {label}: {len(articles)} articles, {paras} paragraphs, {sents} sentences")
    build = "compiled with mypyc (production build)" if coder_build() == "mypyc" else "pure Python"
    print(f"coder        {build}")
    print(f"eventful     {eventful / paras:.0%} of paragraphs yield an event")
    load = os.getloadavg()[0]
    print(f"core         {core}   load average {load:.2f}   rounds {args.repeat} x {args.seconds}s")
    print(f"first call   {first * 1000:,.0f} ms (lexicon + gazetteer build)")
    print(f"articles/s   {best:,.0f} (median {median:,.0f})")
    print(f"paragraphs/s {best * scale_p:,.0f} (median {median * scale_p:,.0f})")
    print(f"sentences/s  {best * scale_s:,.0f} (median {median * scale_s:,.0f})")
    print(f"events/s     {max(r[1] for r in rates):,.0f}")
    print(f"per CPU-s    {best_cpu * scale_p:,.0f} paragraphs (less sensitive to other load on the core)")
    print(f"loaded RSS   {rss_loaded:.1f} MB (before loading {rss_start:.1f} MB)")
    print(f"max RSS      {rss_mb():.1f} MB")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        one_round(articles, args.seconds)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
