"""Plain data passed between the stages of the event coder. No I/O, no Kafka."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Outcome = Literal["events", "no_events"]


@dataclass(frozen=True, slots=True)
class Article:
    """A validated raw article (``schemas/article.v1.json``)."""

    id: str
    body: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    published_at: str | None = None
    ingested_at: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# Sentence and Paragraph are read-only by convention, not frozen: segmentation builds one per sentence
# and paragraph, and a frozen dataclass takes three times as long to create (hashable all the same)
@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    index: int  # index inside its paragraph
    start: int  # character offsets into Article.body
    end: int
    text: str


@dataclass(slots=True, unsafe_hash=True)
class Paragraph:
    index: int  # index among the article's kept paragraphs and headings
    start: int  # character offsets into Article.body
    end: int
    text: str
    heading: bool = False
    sentences: tuple[Sentence, ...] = ()


# read-only by convention, not frozen: actor resolution builds one per mention (cached per article and
# shared), and a frozen dataclass takes about three times as long to create (hashable all the same)
@dataclass(slots=True, unsafe_hash=True)
class ActorMention:
    """A resolved actor mention inside one sentence; offsets relative to the sentence text."""

    start: int
    end: int
    text: str
    country: str | None  # ISO 3166-1 alpha-3 or IGO code
    sector: str | None  # GOV, MIL, DIP, REB, CVL, ...
    kind: str = "country"  # country | demonym | capital | person | title | igo | domestic | city | owner


@dataclass(frozen=True, slots=True)
class CodingResult:
    """Everything the coder made of one article."""

    article_id: str
    paragraphs: int  # kept paragraphs (boilerplate dropped)
    events: list[dict[str, Any]]  # event.v1 objects, ready for orjson
    outcome: Outcome
    skipped_paragraphs: int = 0  # dropped as boilerplate
    reason: str | None = None  # why no events, when the article was skipped (e.g. language)
