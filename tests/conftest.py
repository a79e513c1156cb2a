"""Shared paths for every test. Nothing here needs Kafka or slows unit tests down.

Integration fixtures (the broker, per-test topics, produce/consume helpers) live in
``tests/integration/conftest.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = REPO_ROOT / "samples"
SAMPLE_ARTICLE = SAMPLES_DIR / "korea-russia-pact-2024.txt"
SAMPLE_ARTICLES_JSONL = SAMPLES_DIR / "articles.jsonl"
SCHEMAS_DIR = REPO_ROOT / "schemas"
LOCAL_KAFKA = REPO_ROOT / "deploy" / "kafka" / "local-kafka"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def sample_article() -> Path:
    """The demo article, one paragraph a line."""
    return SAMPLE_ARTICLE


@pytest.fixture(scope="session")
def sample_articles_jsonl() -> Path:
    """The demo article as one JSON article (published_at 2024-06-21)."""
    return SAMPLE_ARTICLES_JSONL
