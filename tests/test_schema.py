"""The published JSON Schemas: valid 2020-12, loaded from one place, matched by samples and coder output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest

from worker.coder.article import parse_article
from worker.coder.pipeline import code_article
from worker.schema import SCHEMA_VERSIONS, load_schema, schema_dir, validator

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILES = sorted((ROOT / "schemas").glob("*.json"))
FORMAT_CHECKER = jsonschema.Draft202012Validator.FORMAT_CHECKER


def _strict(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(load_schema(name), format_checker=FORMAT_CHECKER)


def test_format_checker_checks_dates() -> None:
    # guards the tests below: without rfc3339-validator jsonschema silently skips date-time
    assert not FORMAT_CHECKER.conforms("yesterday", "date-time")
    assert not FORMAT_CHECKER.conforms("2024-13-40", "date")


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_schema_is_valid_2020_12(path: Path) -> None:
    schema = orjson.loads(path.read_bytes())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith("/" + path.name)


def test_schemas_load_from_one_place() -> None:
    assert schema_dir() == ROOT / "schemas"
    for path in SCHEMA_FILES:
        assert load_schema(path.stem) == orjson.loads(path.read_bytes())
    for name in SCHEMA_VERSIONS.values():
        assert (schema_dir() / f"{name}.json").is_file()


def test_no_module_compiles_schemas_itself() -> None:
    for path in (ROOT / "worker").rglob("*.py"):
        if path.name == "schema.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "fastjsonschema.compile" not in text, path
        assert "schema_dir()" not in text, path


def _sample_articles() -> list[dict[str, Any]]:
    lines = (ROOT / "samples" / "articles.jsonl").read_bytes().splitlines()
    return [orjson.loads(line) for line in lines if line.strip()]


def test_sample_articles_validate() -> None:
    strict = _strict("article.v1")
    for article in _sample_articles():
        strict.validate(article)
        validator("article.v1")(dict(article))


def test_article_schema_rejects_what_parse_article_rejects() -> None:
    strict = _strict("article.v1")
    for bad in ({"body": "x"}, {"id": "", "body": "x"}, {"id": "a", "body": "x", "published_at": "June"}):
        assert not strict.is_valid(bad)


def test_events_for_the_sample_validate() -> None:
    strict = _strict("event.v1")
    for raw in _sample_articles():
        result = code_article(parse_article(raw))
        for event in result.events:
            strict.validate(orjson.loads(orjson.dumps(event)))
            assert event["article_id"] == raw["id"]


def test_compiling_a_validator_leaves_the_loaded_schema_intact() -> None:
    for path in SCHEMA_FILES:
        validator(path.stem)
        assert load_schema(path.stem) == orjson.loads(path.read_bytes())
