"""The production build (the coder compiled with mypyc, see pyproject.toml) codes exactly as the pure
package: `news-events classify` on the same lines gives the same events, errors and exit status.

The first run builds the wheel (~40 s; cached under .cache/compiled-coder/ by the sources' hash). Needs a C
compiler: skipped without one, except in CI, where the production build must be checked.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from bench.articles import generate
from bench.compiled_coder import compiled_site

REPO = Path(__file__).resolve().parents[1]

_ODD_PIECES = [
    "Seoul", "Moscow", "summoned", "the", "ambassador", "to", "protest", "North Korean", "troops", "attacked",
    "U.S.", "Kim Jong Un's", "\"", "'", ",", ".", "?", "\n", "\n\n", " ", "\t", "\u00a0", "é", "—", "(", ")",
    "READ ALSO:", "2024", "did not", "would", "by", "-backed", "\u200b", "\x07", "ß", "İ", "🙂",
]  # fmt: skip


def _odd_articles(count: int) -> list[bytes]:
    rng = random.Random(606)
    out = []
    for i in range(count):
        body = "".join(rng.choice(_ODD_PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(0, 60)))
        out.append(orjson.dumps({"id": f"odd-{i}", "body": body, "published_at": "2024-06-21T09:00:00Z"}))
    return out


def _corpus() -> bytes:
    lines = [line for line in (REPO / "samples" / "articles.jsonl").read_bytes().splitlines() if line.strip()]
    lines += [a.body_json for a in generate(150, seed=7, prefix="mix")]
    lines += _odd_articles(300)
    lines += [b"not json", b"[1, 2]", b'{"id": "x"}', b'{"id": 5, "body": "Seoul protested."}']
    return b"\n".join(lines) + b"\n"


def _classify(corpus: bytes, pythonpath: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": pythonpath}
    return subprocess.run(
        [sys.executable, "-P", "-m", "worker", "classify", "-"],
        input=corpus,
        capture_output=True,
        env=env,
        cwd=REPO,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def compiled() -> Path:
    if shutil.which(os.environ.get("CC", "cc")) is None and not os.environ.get("CI"):
        pytest.skip("no C compiler: the compiled build is checked in CI")
    return compiled_site()


def test_compiled_build_codes_like_the_pure_package(compiled: Path) -> None:
    probe = subprocess.run(
        [sys.executable, "-P", "-c", "from worker.coder import coder_build; print(coder_build())"],
        env={**os.environ, "PYTHONPATH": str(compiled)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip() == "mypyc", probe.stdout  # the compiled modules are the ones imported

    corpus = _corpus()
    pure = _classify(corpus, str(REPO))  # this tree, whichever checkout the venv was installed from
    native = _classify(corpus, str(compiled))
    assert pure.returncode == native.returncode == 1  # the bad lines at the end
    assert native.stderr.decode() == pure.stderr.decode()
    assert pure.stdout.count(b"\n") > 300  # events of the demo and the generated articles
    assert native.stdout == pure.stdout
