"""``code_article``: one article in, its events out. STUB: classification to be completed."""

from __future__ import annotations

from worker.coder.model import Article, CodingResult
from worker.coder.segment import split_paragraphs


def code_article(article: Article) -> CodingResult:
    """Code one validated article into PLOVER events. Never raises for any ``Article``."""
    paragraphs = split_paragraphs(article.body)
    return CodingResult(article_id=article.id, paragraphs=len(paragraphs), events=[], outcome="no_events")
