"""Do two versions of the coder code every article identically? A check for engine rewrites, not a test.

    .venv/bin/python bench/coder_equivalence.py REF_DIR [--stories PATH.csv.zip] [--dev PATH.tsv] [--mix N]

``REF_DIR`` is a checkout of the reference commit (e.g. ``git worktree add /tmp/ref <commit>``). The
corpus (the demo article, one article per synthetic story, one article per line of a TSV whose first
column is a sentence, ``--mix`` generated articles) is coded by the reference in a subprocess
(``PYTHONPATH=REF_DIR``) and by this tree; every event is compared as sorted JSON, event ids included.
Exit status 0 when all are identical, 1 otherwise (the first differing articles are printed).
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = "2024-06-21T09:00:00Z"


def corpus(stories: Path | None, dev: Path | None, mix: int) -> list[tuple[str, dict[str, str]]]:
    """(name, raw article) pairs of the whole check corpus, in a fixed order."""
    sys.path.insert(0, str(ROOT))
    from bench.articles import generate
    from bench.bench_coder import story_articles

    out: list[tuple[str, dict[str, str]]] = []
    for line in (ROOT / "samples" / "articles.jsonl").read_bytes().splitlines():
        if line.strip():
            doc = orjson.loads(line)
            out.append((f"demo:{doc['id']}", doc))
    if stories is not None:
        for a in story_articles(stories, 1_000_000):
            out.append((f"story:{a.id}", {"id": a.id, "body": a.body, "published_at": PUBLISHED}))
    if dev is not None:
        with dev.open(encoding="utf-8") as fh:
            for i, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)):
                if row and row[0].strip():
                    doc = {"id": f"dev-{i:05d}", "body": row[0], "published_at": PUBLISHED}
                    out.append((f"dev:{i}", doc))
    if mix:
        for k, a in enumerate(generate(mix, stories=stories)):
            out.append((f"mix:{k}", orjson.loads(a.body_json)))
    return out


def code_all(docs_path: Path, out_path: Path) -> None:
    """Code every article of ``docs_path`` (JSON lines of [name, raw]) with the coder on sys.path."""
    import worker
    from worker.coder import code_article, parse_article

    print(f"coding with {Path(worker.__file__).parent.parent}", file=sys.stderr)
    with out_path.open("wb") as out:
        for line in docs_path.read_bytes().splitlines():
            name, raw = orjson.loads(line)
            events = code_article(parse_article(raw)).events
            body = b"[" + b",".join(orjson.dumps(e, option=orjson.OPT_SORT_KEYS) for e in events) + b"]"
            out.write(orjson.dumps(name) + b"\t" + body + b"\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("ref", type=Path, help="checkout of the reference commit")
    parser.add_argument("--stories", type=Path, help="plover-synthetic-stories.csv.zip (all stories)")
    parser.add_argument("--dev", type=Path, help="TSV: one article per line, its first column")
    parser.add_argument("--mix", type=int, default=300, help="generated articles (default 300)")
    parser.add_argument("--show", type=int, default=3, help="differing articles to print")
    parser.add_argument("--_code", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._code:
        code_all(*args._code)
        return
    with tempfile.TemporaryDirectory(prefix="coder-eq-") as tmp:
        docs, mine, theirs = Path(tmp, "docs.jsonl"), Path(tmp, "mine.tsv"), Path(tmp, "ref.tsv")
        pairs = corpus(args.stories, args.dev, args.mix)
        docs.write_bytes(b"".join(orjson.dumps(pair) + b"\n" for pair in pairs))
        env = {**os.environ, "PYTHONPATH": str(args.ref.resolve())}
        # this script, with the reference first on the path: ``worker`` is imported from REF_DIR
        ref_run = subprocess.Popen(
            [sys.executable, __file__, str(args.ref), "--_code", str(docs), str(theirs)], env=env
        )
        code_all(docs, mine)
        if ref_run.wait() != 0:
            raise SystemExit("the reference run failed")
        a, b = mine.read_bytes().splitlines(), theirs.read_bytes().splitlines()
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    events = sum(len(orjson.loads(line.split(b"\t", 1)[1])) for line in a)
    print(f"{len(a)} articles, {events} events: {len(differing)} articles differ")
    for x, y in differing[: args.show]:
        print(f"--- ref  {y[:600].decode()}\n+++ mine {x[:600].decode()}")
    raise SystemExit(1 if differing else 0)


if __name__ == "__main__":
    main()
