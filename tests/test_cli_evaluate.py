"""`news-events eval` on tiny invented files (the real dev sets are never needed by the suite)."""

from __future__ import annotations

import argparse
from pathlib import Path

import orjson
import pytest

from worker.cli.evaluate import run, scores, select


def test_select_splits_and_limits() -> None:
    items = list(range(1, 8))
    assert select(items, "odd", None) == [1, 3, 5, 7]
    assert select(items, "even", None) == [2, 4, 6]
    assert select(items, "all", 2) == [1, 2]
    assert select(items, "odd", 2) == [1, 3]


def test_scores_macro_f1_and_confusion() -> None:
    out = scores([("A", "A"), ("A", "B"), ("B", "B")], ["A", "B"])
    assert out["accuracy"] == pytest.approx(0.667, abs=1e-3)
    assert out["per_label"]["A"]["recall"] == 0.5 and out["per_label"]["B"]["precision"] == 0.5
    assert out["confusion"] == {"A": {"A": 1, "B": 1}, "B": {"B": 1}}


def _args(**kw: object) -> argparse.Namespace:
    base = {"stories": None, "quad": None, "actors": None, "headlines": None, "limit": 0, "split": "all"}
    base.update({"errors": 0, "seed": 1, "json": True})
    base.update(kw)
    return argparse.Namespace(**base)


def test_run_on_tiny_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quad = tmp_path / "quad.tsv"
    quad.write_text(
        "Spain condemned the Moroccan raids.\t3\n"
        "The weather was mild in Lisbon.\t0\n"
        "Chile sent humanitarian aid to Peru.\t2\n",
        encoding="utf-8",
    )
    stories = tmp_path / "stories.csv"
    stories.write_text(
        'text,label\n"Kenyan troops shelled the Somali town of Kismayo on Monday.",ASSAULT\n',
        encoding="utf-8",
    )
    assert run(_args(quad=quad, stories=stories, errors=2)) == 0
    captured = capsys.readouterr()
    report = orjson.loads(captured.out)
    assert report["quad"]["n"] == 3 and report["stories"]["n"] == 1
    assert report["quad"]["accuracy"] == 1.0 and report["stories"]["accuracy"] == 1.0
    assert run(_args(quad=quad, split="even")) == 0
    assert orjson.loads(capsys.readouterr().out)["quad"]["n"] == 1


def test_run_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(_args()) == 2
    assert "give --stories" in capsys.readouterr().err


ACTOR_GOLD = Path(__file__).parent / "data" / "actor-gold.tsv"


def test_actor_gold_set_is_scored(capsys: pytest.CaptureFixture[str]) -> None:
    """The committed invented actor set: a regression floor, not a quality claim (see README)."""
    assert run(_args(actors=ACTOR_GOLD)) == 0
    report = orjson.loads(capsys.readouterr().out)["actors"]
    assert report["n"] >= 60 and report["recipient_n"] >= 40
    assert report["actor_country_rate"] >= 0.85
    assert report["recipient_country_rate"] >= 0.75


def test_actor_scoring_on_a_tiny_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "# comment line\n"
        "Spain condemned Morocco over the raids.\tESP\tMAR\n"
        "Peru and Chile held talks in Lima.\tPER\tCHL\n"
        "The weather was mild in Lisbon.\tPRT\t-\n",
        encoding="utf-8",
    )
    assert run(_args(actors=gold)) == 0
    report = orjson.loads(capsys.readouterr().out)["actors"]
    assert report["n"] == 3 and report["coded"] == 2
    assert report["actor_country_rate"] == pytest.approx(0.667, abs=1e-3)
    assert report["recipient_country_rate"] == 1.0  # talks: both parties are actors


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("quad-gold-statements.tsv", 0.93),
        ("quad-gold-material.tsv", 0.88),
        ("quad-gold-conflict.tsv", 0.88),  # scored unread once at 0.850
        ("quad-gold-recipient-side.tsv", 0.90),  # scored unread once at 0.665
    ],
)
def test_invented_quad_sets_keep_a_floor(name: str, floor: float) -> None:
    """Regression floors on the invented wire-sentence sets (scored unread once, then read: README), not
    quality claims."""
    from worker.cli.evaluate import _read_quad, eval_quad

    report = eval_quad(list(_read_quad(Path(__file__).parent / "data" / name)))
    assert report["macro_f1"] >= floor


def test_headline_scoring_on_a_tiny_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "headlines.tsv"
    gold.write_text(
        "# text\tquad\ttype\tactor\trecipient\n"
        "Spain Condemns Morocco Over Border Raids\t3\tACCUSE\tESP\tMAR\n"
        "Peru, Chile Hold Talks In Lima\t1\tCONSULT\tPER\tCHL\n"
        "Shares Rise In Lisbon\t0\t-\t-\t-\n",
        encoding="utf-8",
    )
    assert run(_args(headlines=gold)) == 0
    report = orjson.loads(capsys.readouterr().out)["headlines"]
    assert report["n"] == 3 and report["event_n"] == 2 and report["recipient_n"] == 2
    assert 0 <= report["right"] <= 3 and 0.0 <= report["type_accuracy"] <= 1.0


def test_invented_headline_set_keeps_a_floor() -> None:
    """Regression floor on the invented headline set (scored unread once: 106/163 right, quad macro-F1
    0.854; 108/163 after three labels were corrected by the manual; then read), not a quality claim."""
    from worker.cli.evaluate import _read_headline_gold, eval_headlines

    items = list(_read_headline_gold(Path(__file__).parent / "data" / "headline-gold.tsv"))
    report = eval_headlines(items)
    assert report["n"] >= 150 and report["event_n"] >= 120
    assert report["macro_f1"] >= 0.93 and report["right"] >= 138
    assert report["type_accuracy"] >= 0.86 and report["actor_country_rate"] >= 0.91
    assert report["recipient_country_rate"] >= 0.88
