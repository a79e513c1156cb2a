"""``warm_up()``: build everything the coder loads lazily, so the first article is not the slow one."""

from __future__ import annotations

import time

import orjson

from worker.coder.actors import gazetteer
from worker.coder.article import parse_article
from worker.coder.headline import vocabulary
from worker.coder.lexicon import load_lexicon
from worker.coder.pipeline import code_article

_WARM_UP_BODY = (
    "Leaders Meet\n"
    "South Korea's foreign minister met his Japanese counterpart in Seoul on Monday, officials said.\n"
    "Police fired tear gas at protesters in the capital."
)


def warm_up() -> float:
    """Load the lexicon, compile the gazetteer (0.2-0.5 s) and the article validator, then parse and code
    a tiny article; the seconds taken. Call it once at worker start; later calls cost one tiny article."""
    started = time.perf_counter()
    load_lexicon()
    gazetteer()
    vocabulary()  # the common words of headline case
    raw = {"id": "warm-up", "body": _WARM_UP_BODY, "published_at": "2024-01-01T00:00:00Z"}
    code_article(parse_article(orjson.dumps(raw)))
    return time.perf_counter() - started
