"""Actor resolution: countries, demonyms, capitals, leaders, IGOs, domestic actors. STUB."""

from __future__ import annotations

import re

from worker.coder.model import ActorMention

_STUB = {
    "South Korean": ("KOR", None), "South Korea": ("KOR", None), "Seoul": ("KOR", "GOV"),
    "North Korean": ("PRK", None), "North Korea": ("PRK", None), "Pyongyang": ("PRK", "GOV"),
    "Russian": ("RUS", None), "Russia": ("RUS", None), "Moscow": ("RUS", "GOV"),
    "Ukraine": ("UKR", None), "U.S.": ("USA", None), "Japanese": ("JPN", None),
}
_RE = re.compile("|".join(re.escape(k) for k in sorted(_STUB, key=len, reverse=True)))


def find_actors(sentence: str) -> list[ActorMention]:
    """All actor mentions in ``sentence``, longest match first, non-overlapping, in text order."""
    return [
        ActorMention(m.start(), m.end(), m.group(0), *_STUB[m.group(0)])
        for m in _RE.finditer(sentence)
    ]
