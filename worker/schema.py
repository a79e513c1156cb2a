"""The one place that loads the project's JSON Schemas and their compiled validators.

Schemas live in ``schemas/`` at the repository root (the published contract); a built wheel carries
them as ``worker/_schemas``. Validators are compiled once (fastjsonschema) for the hot path.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import orjson

ARTICLE_SCHEMA = "article.v1"
EVENT_SCHEMA = "event.v1"
OUTCOME_SCHEMA = "outcome.v1"

SCHEMA_VERSIONS = {"article": ARTICLE_SCHEMA, "event": EVENT_SCHEMA, "outcome": OUTCOME_SCHEMA}


def schema_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_schemas", here.parent / "schemas"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("schemas directory not found next to the worker package")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Load ``schemas/<name>.json`` (e.g. ``event.v1``)."""
    data: dict[str, Any] = orjson.loads((schema_dir() / f"{name}.json").read_bytes())
    return data


@cache
def validator(name: str) -> Callable[[Any], Any]:
    """A compiled validator for ``name``; raises ``fastjsonschema.JsonSchemaException`` on invalid data."""
    # format checks are done by our own parsers (dates), keep the compiled validator lean
    # fastjsonschema rewrites $ref values in place: compile a copy so load_schema stays the file's content
    schema = copy.deepcopy(load_schema(name))
    return fastjsonschema.compile(schema, formats={"date-time": r".*", "date": r".*"})  # type: ignore[no-any-return]
