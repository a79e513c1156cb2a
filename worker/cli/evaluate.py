"""`news-events eval`: measure the coder on labelled dev data (paths given as arguments).

--stories: PLOVER synthetic stories (.csv or .csv.zip, columns text,label): top-1 type per story.
--quad: sentences with CAMEO quad labels (.tsv: text<TAB>label, 0 = no event): top event's quad class.
--actors: sentences with gold actor/recipient countries (.tsv: text<TAB>actor<TAB>recipient, "-" = none;
  "#" lines are comments), e.g. the invented set ``tests/data/actor-gold.tsv``: the top event's countries.
--headlines: headlines with gold labels (.tsv: text<TAB>quad<TAB>type<TAB>actor<TAB>recipient,
  "-" = none, "#" lines are comments), e.g. ``tests/data/headline-gold.tsv``: quad scores, and on event rows
  the top event's type, actor and recipient country; an item is right when all of them are.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from worker.coder.model import Article
from worker.coder.pipeline import code_article, top_event
from worker.coder.taxonomy import EVENT_TYPES, QUAD_CLASSES, QUAD_NUMBER

NONE = "NONE"


def register(sub: Any) -> None:
    parser = sub.add_parser("eval", help="evaluate the event coder on labelled dev data")
    parser.add_argument("--stories", type=Path, help="synthetic stories .csv or .csv.zip (text,label)")
    parser.add_argument("--quad", type=Path, help="quad-labelled sentences .tsv (text<TAB>label 0-4)")
    parser.add_argument(
        "--actors", type=Path, help="sentences with gold countries .tsv (text<TAB>actor<TAB>recipient)"
    )
    parser.add_argument(
        "--headlines",
        type=Path,
        help="headlines with gold labels .tsv (text<TAB>quad<TAB>type<TAB>actor<TAB>recipient)",
    )
    parser.add_argument("--limit", type=int, default=0, help="use only the first N items of each file")
    parser.add_argument(
        "--split",
        choices=("all", "odd", "even"),
        default="all",
        help="odd: items 1, 3, 5, ... (error reading); even: items 2, 4, 6, ... (held out)",
    )
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="print N random errors per confusion cell"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed of the --errors sample")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def _read_stories(path: Path) -> Iterator[tuple[str, str]]:
    csv.field_size_limit(10_000_000)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist() if n.endswith(".csv"))
            text = zf.read(name).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        label = (row.get("label") or "").strip().upper()
        if label in EVENT_TYPES and row.get("text"):
            yield row["text"], label


def _read_quad(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if len(row) >= 2 and row[-1].strip().isdigit():
                yield row[0], row[-1].strip()


def scores(pairs: list[tuple[str, str]], labels: list[str]) -> dict[str, Any]:
    """Per-label precision/recall/F1, macro-F1 over ``labels``, accuracy and a confusion matrix."""
    confusion: dict[str, Counter[str]] = {}
    for gold, pred in pairs:
        confusion.setdefault(gold, Counter())[pred] += 1
    per: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = confusion.get(label, Counter())[label]
        predicted = sum(c[label] for c in confusion.values())
        actual = sum(confusion.get(label, Counter()).values())
        p = tp / predicted if predicted else 0.0
        r = tp / actual if actual else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[label] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "support": actual}
    present = [lab for lab in labels if per[lab]["support"]]
    macro = sum(per[lab]["f1"] for lab in present) / len(present) if present else 0.0
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    return {
        "n": len(pairs),
        "accuracy": round(accuracy, 3),
        "macro_f1": round(macro, 3),
        "per_label": per,
        "confusion": {g: dict(c) for g, c in sorted(confusion.items())},
    }


def _code(text: str, i: int) -> tuple[list[dict[str, Any]], int]:
    result = code_article(Article(id=f"eval-{i}", body=text, published_at="2020-01-01"))
    return result.events, result.paragraphs


def select(items: list[Any], split: str, limit: int | None) -> list[Any]:
    """``odd`` keeps items 1, 3, 5, ... (1-based), ``even`` items 2, 4, 6, ...; then the first ``limit``."""
    if split == "odd":
        items = items[0::2]
    elif split == "even":
        items = items[1::2]
    return items[:limit]


def eval_stories(items: list[tuple[str, str]], errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    pairs: list[tuple[str, str]] = []
    paragraphs = 0
    t0 = time.perf_counter()
    for i, (text, label) in enumerate(items):
        events, n = _code(text, i)
        paragraphs += n
        top = top_event(events)
        pairs.append((label, top["event_type"] if top else NONE))
        if errors is not None and pairs[-1][1] != label:
            errors.append(_error(label, pairs[-1][1], text, top))
    elapsed = time.perf_counter() - t0
    out = scores(pairs, list(EVENT_TYPES))
    out["paragraphs_per_second"] = round(paragraphs / elapsed) if elapsed else None
    return out


def _error(gold: str, pred: str, text: str, top: dict[str, Any] | None) -> dict[str, Any]:
    detail = None
    if top:
        actors = ",".join(str(a["country"]) for a in top["actor"])
        recipients = ",".join(str(r["country"]) for r in top["recipient"])
        detail = f"{top['event_type']} [{top['evidence']['trigger']}] {actors} -> {recipients}"
    return {"gold": gold, "pred": pred, "text": text, "top": detail}


def eval_quad(items: list[tuple[str, str]], errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    pairs: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    for i, (text, label) in enumerate(items):
        events, _ = _code(text, i)
        top = top_event(events)
        pred = str(QUAD_NUMBER[top["quad_class"]]) if top else "0"
        pairs.append((label, pred))
        if errors is not None and pred != label:
            errors.append(_error(label, pred, text, top))
    elapsed = time.perf_counter() - t0
    out = scores(pairs, ["0", *(str(QUAD_NUMBER[q]) for q in QUAD_CLASSES)])
    event_labels = [str(QUAD_NUMBER[q]) for q in QUAD_CLASSES]
    present = [lab for lab in event_labels if out["per_label"][lab]["support"]]
    out["macro_f1_event_classes"] = round(
        sum(out["per_label"][lab]["f1"] for lab in present) / len(present), 3
    ) if present else 0.0  # fmt: skip
    out["paragraphs_per_second"] = round(len(items) / elapsed) if elapsed else None
    return out


def _read_actor_gold(path: Path) -> Iterator[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            row = line.rstrip("\n").split("\t")
            if len(row) >= 3 and not line.startswith("#"):
                yield row[0], row[1].strip(), row[2].strip()


def eval_actors(
    items: list[tuple[str, str, str]], errors: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Share of sentences whose top event has the gold actor (recipient) country among its actors
    (recipients): over all sentences and over those with an event; recipients where gold names one
    (both parties among the actors of a reciprocal event count as right)."""
    coded = actor_ok = recipient_ok = recipient_n = 0
    for i, (text, actor, recipient) in enumerate(items):
        events, _ = _code(text, i)
        top = top_event(events)
        got_actor = {str(a["country"]) for a in top["actor"]} if top else set()
        got_recipient = {str(r["country"]) for r in top["recipient"]} if top else set()
        coded += top is not None
        actor_ok += actor in got_actor
        # a reciprocal event ("X and Y held talks") has both parties as actors and no recipient
        reciprocal = recipient != actor and {recipient, actor} <= got_actor
        recipient_right = recipient in got_recipient or reciprocal
        if recipient != "-":
            recipient_n += 1
            recipient_ok += recipient_right
        if errors is not None and (actor not in got_actor or (recipient != "-" and not recipient_right)):
            errors.append(_error(f"{actor}->{recipient}", "wrong" if top else "none", text, top))
    n = len(items)
    return {
        "n": n,
        "coded": coded,
        "actor_country_rate": round(actor_ok / n, 3) if n else 0.0,
        "actor_country_rate_coded": round(actor_ok / coded, 3) if coded else 0.0,
        "recipient_n": recipient_n,
        "recipient_country_rate": round(recipient_ok / recipient_n, 3) if recipient_n else 0.0,
    }


def _read_headline_gold(path: Path) -> Iterator[tuple[str, str, str, str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            row = [cell.strip() for cell in line.rstrip("\n").split("\t")]
            if len(row) >= 5 and not line.startswith("#") and row[1].isdigit():
                yield row[0], row[1], row[2], row[3], row[4]


def eval_headlines(
    items: list[tuple[str, str, str, str, str]], errors: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Quad scores of the top event, and on rows with a gold event the share with the right type, actor
    country and recipient country (where gold names one; reciprocal as in ``eval_actors``); an item is
    right when its quad and, for event rows, type and both countries are."""
    pairs: list[tuple[str, str]] = []
    events_n = type_ok = actor_ok = recipient_ok = recipient_n = right = 0
    for i, (text, quad, event_type, actor, recipient) in enumerate(items):
        events, _ = _code(text, i)
        top = top_event(events)
        pred = str(QUAD_NUMBER[top["quad_class"]]) if top else "0"
        pairs.append((quad, pred))
        ok = pred == quad
        if quad != "0":
            events_n += 1
            got_actor = {str(a["country"]) for a in top["actor"]} if top else set()
            got_recipient = {str(r["country"]) for r in top["recipient"]} if top else set()
            type_right = top is not None and top["event_type"] == event_type
            reciprocal = recipient != actor and {recipient, actor} <= got_actor
            recipient_right = recipient == "-" or recipient in got_recipient or reciprocal
            type_ok += type_right
            actor_ok += actor in got_actor
            if recipient != "-":
                recipient_n += 1
                recipient_ok += recipient_right
            ok = ok and type_right and actor in got_actor and recipient_right
        right += ok
        if errors is not None and not ok:
            gold = f"{quad} {event_type} {actor}->{recipient}"
            errors.append(_error(quad, pred, text, top) | {"text": f"{text}  [gold {gold}]"})
    out = scores(pairs, ["0", *(str(QUAD_NUMBER[q]) for q in QUAD_CLASSES)])
    out["right"] = right
    out["event_n"] = events_n
    out["type_accuracy"] = round(type_ok / events_n, 3) if events_n else 0.0
    out["actor_country_rate"] = round(actor_ok / events_n, 3) if events_n else 0.0
    out["recipient_n"] = recipient_n
    out["recipient_country_rate"] = round(recipient_ok / recipient_n, 3) if recipient_n else 0.0
    return out


def _print_report(name: str, report: dict[str, Any]) -> None:
    if "coded" in report:
        print(
            f"== {name}: n={report['n']} with an event={report['coded']} "
            f"actor country right={report['actor_country_rate']} "
            f"(of coded {report['actor_country_rate_coded']}) "
            f"recipient country right={report['recipient_country_rate']} (n={report['recipient_n']})"
        )
        return
    print(f"== {name}: n={report['n']} accuracy={report['accuracy']} macro-F1={report['macro_f1']}")
    if "type_accuracy" in report:
        print(
            f"   all right: {report['right']}/{report['n']}; on {report['event_n']} event rows: "
            f"type {report['type_accuracy']} actor country {report['actor_country_rate']} "
            f"recipient country {report['recipient_country_rate']} (n={report['recipient_n']})"
        )
    if "macro_f1_event_classes" in report:
        print(f"   macro-F1 over the four event classes: {report['macro_f1_event_classes']}")
    if "paragraphs_per_second" in report:
        print(f"   paragraphs/s: {report['paragraphs_per_second']}")
    print(f"   {'label':<12} {'P':>6} {'R':>6} {'F1':>6} {'n':>6}")
    for label, s in report["per_label"].items():
        print(f"   {label:<12} {s['precision']:>6} {s['recall']:>6} {s['f1']:>6} {s['support']:>6}")
    labels = sorted({p for c in report["confusion"].values() for p in c} | set(report["confusion"]))
    short = {lab: lab[:4] for lab in labels}
    print("   confusion (rows gold, columns predicted):")
    print("   " + " " * 10 + "".join(f"{short[lab]:>5}" for lab in labels))
    for gold in labels:
        row = report["confusion"].get(gold, {})
        print(f"   {gold[:10]:<10}" + "".join(f"{row.get(lab, 0):>5}" for lab in labels))


def _print_errors(errors: dict[str, list[dict[str, Any]]], per_cell: int, seed: int) -> None:
    """A random sample of errors per (gold, predicted) cell, to read failure modes rather than items."""
    rng = random.Random(seed)
    for name, found in errors.items():
        cells: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for err in found:
            cells.setdefault((err["gold"], err["pred"]), []).append(err)
        for (gold, pred), errs in sorted(cells.items(), key=lambda kv: -len(kv[1])):
            print(f"## {name}: gold {gold} predicted {pred} ({len(errs)})", file=sys.stderr)
            for err in rng.sample(errs, min(per_cell, len(errs))):
                print(f"   - {err['text'][:400]!r}\n     top: {err['top']}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if not (args.stories or args.quad or getattr(args, "actors", None) or getattr(args, "headlines", None)):
        print("news-events eval: give --stories, --quad, --actors and/or --headlines", file=sys.stderr)
        return 2
    limit = args.limit if args.limit and args.limit > 0 else None
    reports: dict[str, Any] = {}
    errors: dict[str, list[dict[str, Any]]] = {"stories": [], "quad": [], "actors": [], "headlines": []}
    if args.stories:
        items = select(list(_read_stories(args.stories)), args.split, limit)
        reports["stories"] = eval_stories(items, errors["stories"])
    if args.quad:
        reports["quad"] = eval_quad(select(list(_read_quad(args.quad)), args.split, limit), errors["quad"])
    if getattr(args, "actors", None):
        items3 = select(list(_read_actor_gold(args.actors)), args.split, limit)
        reports["actors"] = eval_actors(items3, errors["actors"])
    if getattr(args, "headlines", None):
        items5 = select(list(_read_headline_gold(args.headlines)), args.split, limit)
        reports["headlines"] = eval_headlines(items5, errors["headlines"])
    if args.errors > 0:
        _print_errors(errors, args.errors, args.seed)
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(reports, option=orjson.OPT_INDENT_2) + b"\n")
    else:
        for name, report in reports.items():
            _print_report(name, report)
    return 0
