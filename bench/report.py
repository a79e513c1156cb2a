"""Printing the results, the PNG plots and the generated part of docs/benchmarks.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

BEGIN = "<!-- bench:results -->"
END = "<!-- /bench:results -->"


def _f(value: Any, digits: int = 0) -> str:
    if isinstance(value, int | float):
        return f"{value:,.{digits}f}"
    return str(value)


def _row(name: str, phase: dict[str, Any], peak: Any = "") -> tuple[Any, ...]:
    lat = phase.get("latency") or {}
    rates = (phase["articles_per_s"], phase["paragraphs_per_s"], phase["events_per_s"])
    cpu = phase.get("cpu_ms_per_article", "")
    return (name, *rates, cpu, *(lat.get(k, "") for k in ("p50_ms", "p95_ms", "p99_ms")), peak)


def _peak(rss: list[dict[str, float]] | dict[str, float]) -> Any:
    items = rss if isinstance(rss, list) else [rss]
    return max((r.get("peak_mb", 0.0) for r in items), default="")


def table(doc: dict[str, Any]) -> str:
    paced = doc["paced"]
    rows = [
        _row("Coder alone (process_record, 1 core, no Kafka)", doc["coder"]),
        _row("Raw aiokafka ceiling (precomputed payloads)", doc["ceiling"]),
        _row("Worker, 1 process, drain (pre-loaded topic)", doc["worker"], _peak(doc["worker"]["rss"])),
    ]
    if doc.get("replay"):
        replay = doc["replay"]
        rows.append(_row("`news-events replay` of the same topic", replay, _peak(replay["rss"])))
    if doc.get("two_workers"):
        rows.append(_row("Workers, 2 processes, drain", doc["two_workers"], _peak(doc["two_workers"]["rss"])))
    name = f"Worker, 1 process, paced at {paced['target_rate']:.0f}/s (half load)"
    rows.append(_row(name, paced, _peak(paced["rss"])))
    lines = [
        "| Phase | articles/s | paragraphs/s | events/s | CPU ms/article "
        "| p50 ms | p95 ms | p99 ms | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, *values in rows:
        cells = [_f(v, 2 if i == 3 else 0) for i, v in enumerate(values)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def goals_table(doc: dict[str, Any]) -> str:
    lines = ["| Goal | Target | Measured | Met |", "|---|---|---:|---|"]
    for name, goal in doc["goals"].items():
        digits = 2 if "ratio" in name or "slope" in name or "_to_" in name else 0
        lines.append(f"| {name} | {goal['target']} | {_f(goal['measured'], digits)} | "
                     f"{'yes' if goal['met'] else '**no**'} |")  # fmt: skip
    return "\n".join(lines)


def replay_line(doc: dict[str, Any]) -> str:
    """Replay against the live worker: rate ratio and CPU per article of both."""
    replay, worker = doc.get("replay"), doc["worker"]
    if not replay:
        return "replay not run"
    return (
        f"replay {replay['articles_per_s']:,.0f} articles/s vs worker {worker['articles_per_s']:,.0f}/s: "
        f"replay / worker = **{doc['ratio_replay_to_worker']:.2f}** (CPU per article "
        f"{replay['cpu_ms_per_article']:.2f} ms vs {worker['cpu_ms_per_article']:.2f} ms)"
    )


def summary(doc: dict[str, Any]) -> str:
    two = doc.get("two_workers")
    scaling = ""
    if two:
        per = ", ".join(_f(a) for a in two["articles_per_worker"])
        scaling = f"\n2 workers: {two['articles_per_s']:,.0f} articles/s (articles per worker: {per})"
    return (
        f"{table(doc)}\n\nworker/ceiling = {doc['ratio_worker_to_ceiling']:.2f}{scaling}\n"
        f"{replay_line(doc).replace('**', '')}\n"
        f"paced RSS slope {doc['paced']['rss'].get('steady_slope_mb_per_min', 0):+.2f} MB/min; "
        f"load {doc['machine']['load_before']} -> {doc['machine']['load_after']}\n\n{goals_table(doc)}"
    )


def plots(phases: dict[str, Any], img_dir: Path) -> list[Path]:
    """Throughput over time, latency distribution and RSS over time, as PNGs in ``img_dir``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from bench.stats import latencies_ms

    img_dir.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []

    fig, ax = plt.subplots(figsize=(8, 4.2))
    labels = {"ceiling": "raw aiokafka ceiling", "worker": "worker ×1 (drain)",
              "replay": "news-events replay", "two_workers": "workers ×2 (drain)",
              "paced": "worker ×1 (paced, half load)"}  # fmt: skip
    for phase, label in labels.items():
        if phase in phases:
            series = phases[phase]["series_per_s"]
            ax.plot([s for s, _ in series], [c for _, c in series], label=label, linewidth=1.4)
    ax.set_xlabel("seconds since the phase's first outcome")
    ax.set_ylabel("articles/s (outcomes per second)")
    ax.set_title("Throughput over time")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    out.append(img_dir / "bench-throughput.png")
    fig.savefig(out[-1], dpi=110)
    plt.close(fig)

    lat = sorted(phases["paced"].get("_latencies") or latencies_ms(phases["paced"]["_outcomes"]))
    if lat:
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.8))
        ax1.hist(lat, bins=60, color="tab:blue")
        ax1.set_xlabel("end-to-end latency, ms")
        ax1.set_ylabel("articles")
        ax1.set_title("Latency at half load (histogram)")
        ax2.plot(lat, [(i + 1) / len(lat) for i in range(len(lat))])
        ax2.set_xscale("log")
        for q in (0.5, 0.95, 0.99):
            ax2.axhline(q, color="grey", linewidth=0.6, linestyle=":")
        ax2.set_xlabel("end-to-end latency, ms (log)")
        ax2.set_ylabel("cumulative share")
        ax2.set_title("Latency at half load (CDF)")
        ax2.grid(alpha=0.3)
        fig.tight_layout()
        out.append(img_dir / "bench-latency.png")
        fig.savefig(out[-1], dpi=110)
        plt.close(fig)

    fig, ax = plt.subplots(figsize=(8, 3.6))
    for phase, label in (("worker", "drain"), ("replay", "replay"), ("paced", "paced, half load")):
        samples = phases.get(phase, {}).get("_rss_samples") or []
        ax.plot([t for t, _ in samples], [v for _, v in samples], label=label)
    ax.set_xlabel("seconds since the process started")
    ax.set_ylabel("VmRSS, MB")
    ax.set_title("Worker and replay resident memory")
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    out.append(img_dir / "bench-rss.png")
    fig.savefig(out[-1], dpi=110)
    plt.close(fig)
    return out


def results_block(doc: dict[str, Any], images: list[Path], docs_path: Path) -> str:
    m, v = doc["machine"], doc["versions"]
    coder = doc["coder"]
    two = doc.get("two_workers")
    scaling = "not run"
    if two:
        per = " / ".join(_f(a) for a in two["articles_per_worker"])
        one, both = doc["worker"]["articles_per_s"], two["articles_per_s"]
        scaling = (
            f"1 process {one:,.0f} articles/s; 2 processes {both:,.0f} articles/s together "
            f"(articles handled per process: {per})"
        )
    paced = doc["paced"]
    stories = "yes" if doc["config"]["stories"] else "no"
    out_bytes = coder["output_bytes_per_article"]
    steady, slope = paced["rss"].get("steady_mean_mb", 0), paced["rss"].get("steady_slope_mb_per_min", 0)
    pics = "\n".join(
        f"![{p.stem}]({p.relative_to(docs_path.parent.resolve()) if p.is_absolute() else p})" for p in images
    )
    return f"""{BEGIN}
_Generated by `python -m bench` on {doc["date"]}; raw figures in `bench/results/{doc["date"][:10]}.json`._

Machine: {m["cores"]} cores, {m["memory_gb"]} GB, {m["cpu_model"]}; load average {m["load_before"]} before,
{m["load_after"]} after. Versions: Python {v["python"]}, faust-streaming {v["faust-streaming"]},
aiokafka {v["aiokafka"]}, kafka-python {v["kafka-python"]}, Apache Kafka {v["kafka"]} (single-node KRaft,
same machine), classifier {v["classifier"]}. Articles: {doc["config"]["articles"]:,} per phase,
{coder["paragraphs_per_article"]:.1f} paragraphs and {coder["events_per_article"]:.2f} events each on average,
{coder["no_events_share"]:.0%} without events; {coder["output_records_per_article"]:.2f} output records
({out_bytes:,.0f} bytes) per article. Synthetic stories mixed in: {stories}.

{table(doc)}

Worker / ceiling: **{doc["ratio_worker_to_ceiling"]:.2f}**. Scaling (4 partitions): {scaling}.
Replay: {replay_line(doc)}.
Paced phase: {paced["offered"]["offered_articles"]:,.0f} articles offered at
{paced["offered"]["achieved_rate"]:,.0f}/s; worker RSS steady mean {steady:.0f} MB,
slope {slope:+.2f} MB/min.

{goals_table(doc)}

{pics}
{END}"""


def write_docs(doc: dict[str, Any], docs_path: Path, images: list[Path]) -> None:
    """Replace the generated block of ``docs_path`` (or append it), leaving the prose alone."""
    docs_path = docs_path.resolve()
    images = [p.resolve() for p in images]
    block = results_block(doc, images, docs_path)
    text = docs_path.read_text(encoding="utf-8") if docs_path.exists() else "# Benchmarks\n\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    docs_path.write_text(text, encoding="utf-8")
