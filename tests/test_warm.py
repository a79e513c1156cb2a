"""warm_up: the lazily built lexicon and gazetteer are ready after it."""

from __future__ import annotations

from worker.coder import warm_up
from worker.coder.actors import gazetteer
from worker.coder.lexicon import load_lexicon


def test_warm_up_builds_the_lazy_parts() -> None:
    assert warm_up() >= 0.0
    assert load_lexicon.cache_info().currsize == 1
    assert gazetteer.cache_info().currsize == 1
