"""``news-events classify`` in-process and once as ``python -m worker``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from worker.cli import main
from worker.cli.classify import format_table
from worker.schema import validator

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _event(**over: Any) -> dict[str, Any]:
    ev: dict[str, Any] = {
        "schema_version": "event.v1",
        "event_id": "0" * 32,
        "article_id": "a",
        "paragraph_index": 0,
        "sentence_index": 1,
        "event_type": "THREATEN",
        "mode": None,
        "contexts": [],
        "quad_class": "verbal_conflict",
        "cameo_root": "13",
        "actor": [{"text": "Kim Yo Jong", "country": "PRK", "sector": "GOV"}],
        "recipient": [{"text": "activists", "country": "KOR", "sector": "CVL"}],
        "evidence": {"text": "Kim Yo Jong issued a vague threat of retaliation " * 4, "start": 0, "end": 10},
        "confidence": 0.8,
        "negated": False,
        "hypothetical": False,
        "future": True,
        "date": "2024-06-21",
        "location": None,
        "classifier": {"name": "rules", "version": "1"},
    }
    ev.update(over)
    return ev


def _jsonl(tmp_path: Path, *lines: bytes) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_good_and_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = (SAMPLES / "articles.jsonl").read_bytes().strip()
    path = _jsonl(
        tmp_path,
        sample,
        b"",
        b"not json",
        b'{"id": "e", "body": "  "}',
        b'{"id": "k", "body": "x", "language": "ko"}',
    )
    assert main(["classify", str(path), "--outcomes"]) == 1
    out, err = capsys.readouterr()
    check = validator("event.v1")
    for line in out.splitlines():
        check(orjson.loads(line))
    assert f"{path}:3: decode/not_json:" in err
    assert f"{path}:4: validate/empty_body:" in err
    assert "korea-russia-pact-2024 outcome=" in err
    assert "k outcome=no_events" in err


def test_all_good_lines_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _jsonl(
        tmp_path, b'{"id": "a", "body": "Seoul protested the deal."}', b'{"id": "b", "body": "Hi."}'
    )
    assert main(["classify", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_text_file_and_published_at(capsys: pytest.CaptureFixture[str]) -> None:
    text = str(SAMPLES / "korea-russia-pact-2024.txt")
    assert main(["classify", "--text", text, "--published-at", "2024-06-21T09:00:00Z", "--outcomes"]) == 0
    out, err = capsys.readouterr()
    assert "korea-russia-pact-2024 outcome=" in err
    for line in out.splitlines():
        ev = orjson.loads(line)
        assert ev["article_id"] == "korea-russia-pact-2024"


def test_text_file_with_bad_timestamp_fails(capsys: pytest.CaptureFixture[str]) -> None:
    text = str(SAMPLES / "korea-russia-pact-2024.txt")
    assert main(["classify", "--text", text, "--published-at", "June 21"]) == 1
    assert "validate/invalid_timestamp" in capsys.readouterr().err


def test_pretty_on_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", str(SAMPLES / "articles.jsonl"), "--pretty"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== korea-russia-pact-2024: ")
    assert "21 paragraphs" in out


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read input" in capsys.readouterr().err


def test_table_is_aligned_and_fits_width() -> None:
    events = [
        _event(),
        _event(event_type="AGREE", quad_class="verbal_cooperation", negated=True, mode="phone"),
    ]
    lines = format_table(events, 100)
    assert lines[0].startswith("P.S")
    assert all(len(line) <= 100 for line in lines)
    starts = [lines[0].index(name) for name in ("TYPE", "MODE", "QUAD", "ACTOR", "FLAGS", "EVIDENCE")]
    assert all(line[c - 1] == " " and line[c] != " " for line in lines for c in starts)
    col = lines[0].index("ACTOR")
    assert all(line[col:].startswith("PRKGOV → KORCVL") for line in lines[1:])
    assert "fut" in lines[1] and "neg" in lines[2] and "phone" in lines[2]
    assert lines[1].endswith("…")


def test_python_dash_m_worker(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, (SAMPLES / "articles.jsonl").read_bytes().strip(), b"[1]")
    proc = subprocess.run(
        [sys.executable, "-m", "worker", "classify", str(path)],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1
    assert b":2: validate/not_object:" in proc.stderr
    for line in proc.stdout.splitlines():
        validator("event.v1")(orjson.loads(line))
