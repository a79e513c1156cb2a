"""Every setting is documented: a description, and a row in the README's configuration section."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from worker.settings import Settings, env_names
from worker.settings_docs import DESCRIPTIONS, markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"


def _section(name: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"<!-- section:{name} -->")
    return text[start : text.index(f"<!-- /section:{name} -->", start)]


def test_every_setting_has_a_description() -> None:
    assert {f.name for f in fields(Settings)} <= set(DESCRIPTIONS)


def test_readme_lists_every_environment_variable() -> None:
    section = _section("configuration")
    missing = [env for env in env_names().values() if f"| `{env}` |" not in section]
    assert not missing, f"README configuration section lacks {missing}; run python -m worker.settings_docs"


def test_table_has_one_row_per_setting() -> None:
    assert len(markdown_table().splitlines()) == 2 + len(fields(Settings))
