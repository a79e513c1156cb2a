"""Throughput and memory of the event coder on one core: paragraphs/s, sentences/s, articles/s, RSS.

    .venv/bin/python bench/bench_coder.py [--articles PATH.jsonl] [--seconds 5] [--profile]

Without --articles it uses samples/articles.jsonl (repeated). Not a test: prints figures.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import time
from pathlib import Path

from worker.coder import code_article, parse_article
from worker.coder.lexicon import load_lexicon
from worker.coder.segment import split_paragraphs

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=Path, default=ROOT / "samples" / "articles.jsonl")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    articles = [parse_article(line) for line in args.articles.read_bytes().splitlines() if line.strip()]
    load_lexicon()
    code_article(articles[0])  # warm caches (gazetteer, lexicon)
    paras = sum(len(split_paragraphs(a.body)) for a in articles)
    sents = sum(len(p.sentences) for a in articles for p in split_paragraphs(a.body))
    profiler = cProfile.Profile() if args.profile else None
    n_articles = n_events = 0
    if profiler:
        profiler.enable()
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < args.seconds:
        for a in articles:
            n_events += len(code_article(a).events)
        n_articles += len(articles)
    elapsed = time.perf_counter() - t0
    if profiler:
        profiler.disable()
    rounds = n_articles / len(articles)
    print(f"articles/s   {n_articles / elapsed:,.0f}")
    print(f"paragraphs/s {rounds * paras / elapsed:,.0f}")
    print(f"sentences/s  {rounds * sents / elapsed:,.0f}")
    print(f"events/s     {n_events / elapsed:,.0f}")
    print(f"max RSS      {rss_mb():.1f} MB")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
