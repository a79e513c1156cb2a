"""The event coder: a pure, Kafka-free core. Raw article in, PLOVER events out."""

from worker.coder import pipeline as _pipeline
from worker.coder.article import ArticleError, parse_article
from worker.coder.model import ActorMention, Article, CodingResult, Paragraph, Sentence
from worker.coder.pipeline import code_article
from worker.coder.version import CLASSIFIER_NAME, CLASSIFIER_VERSION
from worker.coder.warm import warm_up

__all__ = [
    "CLASSIFIER_NAME",
    "CLASSIFIER_VERSION",
    "ActorMention",
    "Article",
    "ArticleError",
    "CodingResult",
    "Paragraph",
    "Sentence",
    "code_article",
    "coder_build",
    "parse_article",
    "warm_up",
]


def coder_build() -> str:
    """``mypyc`` for the production build (coder modules compiled, see pyproject.toml), else ``python``.
    Both code every article identically (tests/test_compiled_coder.py)."""
    return "mypyc" if str(_pipeline.__file__).endswith((".so", ".pyd")) else "python"
