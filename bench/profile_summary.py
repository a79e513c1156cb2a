"""Where the worker's time goes, from a ``py-spy record --format raw`` file (collapsed stacks).

    python -m bench.profile_summary STACKS.txt [--top 25]

Prints the share of samples per thread, the functions with the most self time, and the inclusive share
of the stages we care about (coding, JSON, sending, consuming, Faust's own machinery, idle).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

STAGES = {
    "coder (code_article)": r"code_article \(",
    "parse_article": r"parse_article \(",
    "process_record (whole pure core)": r"process_record \(",
    "deliver (our send loop)": r"deliver \(",
    "aiokafka producer send": r"send \(aiokafka/producer",
    "aiokafka sender/batching": r"aiokafka/producer/(sender|message_accumulator)",
    "aiokafka fetcher/consumer": r"aiokafka/consumer",
    "faust stream/agent machinery": r"faust/(streams|agents|channels|transport)",
    "metrics accounting": r"account \(",
    "orjson": r"orjson",
    "event loop select (idle)": r"select \(selectors|_run_once \(asyncio/base_events.py.*select",
}


def load(path: Path) -> list[tuple[list[str], int]]:
    stacks = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        head, _, count = line.rpartition(" ")
        if head and count.isdigit():
            stacks.append((head.split(";"), int(count)))
    return stacks


def summarise(stacks: list[tuple[list[str], int]], top: int) -> str:
    total = sum(c for _, c in stacks) or 1
    threads: Counter[str] = Counter()
    self_time: Counter[str] = Counter()
    stages: Counter[str] = Counter()
    for frames, count in stacks:
        threads[frames[0]] += count
        self_time[re.sub(r":\d+\)$", ")", frames[-1])] += count
        joined = ";".join(frames)
        for name, pattern in STAGES.items():
            if re.search(pattern, joined):
                stages[name] += count
    lines = [f"{total} samples", "", "threads:"]
    lines += [f"  {100 * c / total:5.1f}%  {name}" for name, c in threads.most_common(8)]
    lines += ["", "stages (inclusive):"]
    lines += [f"  {100 * stages[name] / total:5.1f}%  {name}" for name in STAGES]
    lines += ["", f"top {top} self time:"]
    lines += [f"  {100 * c / total:5.1f}%  {name}" for name, c in self_time.most_common(top)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stacks", type=Path)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    print(summarise(load(args.stacks), args.top))


if __name__ == "__main__":
    main()
