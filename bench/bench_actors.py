"""Time ``find_actors`` per sentence: none, a few, and the demo article's mentions.

Usage: .venv/bin/python bench/bench_actors.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

from worker.coder.actors import find_actors, gazetteer

NO_MENTIONS = (
    "The committee said on Tuesday that the new rules would take effect next month after a long review "
    "of the costs, and that most of the changes were expected to reduce delays for ordinary users."
)
FEW_MENTIONS = (
    "South Korea's Foreign Ministry said Minister Cho Tae-yul spoke with U.S. Secretary of State Antony "
    "Blinken about the pact between Moscow and Pyongyang on Friday."
)
TYPICAL = (
    "Russian troops shelled the outskirts of Kharkiv on Tuesday night, Ukraine's military said, as talks "
    "on a ceasefire stalled and more civilians fled the region."
)
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "korea-russia-pact-2024.txt"


def per_call_us(sentences: list[str], repeat: int, rounds: int = 5) -> float:
    """CPU time per call, best of ``rounds`` (the machine is shared: the least disturbed run)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(repeat):
            for sentence in sentences:
                find_actors(sentence)
        best = min(best, time.process_time() - start)
    return best / (repeat * len(sentences)) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=4000)
    args = parser.parse_args()
    start = time.perf_counter()
    gaz = gazetteer()
    build_s = time.perf_counter() - start
    gazetteer.cache_clear()
    tracemalloc.start()
    gazetteer()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"build {build_s * 1000:.0f} ms, {len(gaz.table)} surface forms, peak {peak / 1e6:.1f} MB")
    cases = (("no mentions", NO_MENTIONS), ("typical, 3 mentions", TYPICAL), ("5 mentions", FEW_MENTIONS))
    for label, sentence in cases:
        words = len(sentence.split())
        print(f"{label} ({words} words): {per_call_us([sentence], args.repeat):.2f} us")
    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"demo article lines ({len(lines)}): {per_call_us(lines, max(1, args.repeat // 20)):.2f} us/line")


if __name__ == "__main__":
    main()
