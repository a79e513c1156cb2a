"""Headline case: "Turkey Detains 40 Suspects Over Alleged Coup Plot" read like the sentence it abbreviates.

Title Case and ALL CAPS hide names: "China Accuses U.S. Of Meddling" looks like a three-word name, "Sea Of
Japan" is not the gazetteer's "Sea of Japan". ``recase_headline`` returns a text of the same length (every
offset stays valid) with ALL CAPS words in Title Case unless the gazetteer knows them as written ("US",
"NATO"), and, when common words are mostly capitalised, those words in lower case: function words first,
then the lexicon's words outside gazetteer names. Head nouns and titles ("Police", "President") keep their
case: the gazetteer reads them in either. Sentences in ordinary case come back unchanged.
"""

from __future__ import annotations

import re
from functools import cache

from worker.coder.actors import DOMESTIC_ADJECTIVES, gazetteer, sector_words
from worker.coder.lexicon import load_lexicon

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_FUNCTION = frozenset(
    {"of", "in", "on", "at", "to", "for", "with", "from", "by", "as", "amid", "over", "after", "before",
     "against", "near", "into", "onto", "and", "or", "but", "the", "a", "an", "its", "his", "her", "their",
     "new", "says", "say", "said", "is", "are", "be", "will", "not", "no", "up", "down", "out", "off",
     "back", "about", "under", "between", "despite", "ahead", "during", "until", "than", "that", "this",
     "who", "what", "why", "how", "more", "most", "all", "some", "two", "three", "first", "last", "next"}
)  # fmt: skip
_LOWER_START = re.compile(r"\s[a-z]")  # a word in lower case
# a wire slug glued to the headline: "UPDATE 2-Germany Expels ..."; its dash becomes a space
_WIRE_SLUG = re.compile(r"(?:UPDATE|WRAPUP|REFILE|CORRECTED|RPT|EXCLUSIVE|URGENT)(?: \d+)?-(?=[A-Z])")
_MIN_CAPITALISED = 1  # common words in Title Case (and more than in lower case) make a headline


@cache
def vocabulary() -> frozenset[str]:
    """Lower-case common words: the lexicon's pattern and cue words and function words, without head
    nouns, modifiers and titles (read in either case) and without the gazetteer's capitalised names."""
    lexicon = load_lexicon()
    words: set[str] = set(_FUNCTION)
    for patterns in lexicon.anchors.values():
        for pattern in patterns:
            for element in pattern.elements:
                if not isinstance(element, int):
                    words.update(element)
    for cue in lexicon.sets.values():
        words.update(cue)
    names = {name.lower() for name in gazetteer().table if not name[0].islower()}
    common = frozenset(w for w in words if w.isalpha() and w.isascii()) - sector_words() - names
    return common | _FUNCTION


def _all_caps(text: str) -> bool:
    return text.isupper() and len(text) >= 10


def _title(word: str) -> str:
    """ "PAKISTAN'S" -> "Pakistan's", "AL-SHABAAB" -> "Al-Shabaab"."""
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def _untitle_caps(text: str) -> str:
    table = gazetteer().table
    parts: list[str] = []
    last = 0
    for m in re.finditer(r"[A-Za-z][\w'’.-]*", text):
        word = m.group(0).rstrip(".")
        if word.isupper() and len(word) > 1 and word not in table and m.group(0) not in table:
            parts.append(text[last : m.start()])
            parts.append(_title(word))
            last = m.start() + len(word)
    parts.append(text[last:])
    return "".join(parts)


def _lowered(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = text[start:end].lower()
    return "".join(chars)


def recase_headline(text: str) -> str:
    """``text`` as a sentence-case line when it is written in Title Case or ALL CAPS, else unchanged."""
    slug = _WIRE_SLUG.match(text) if text[1:2].isupper() else None
    if slug is not None:
        text = text[: slug.end() - 1] + " " + text[slug.end() :]
    if " the " in text or " a " in text:
        return text  # headlines have no articles (a quick test first)
    if _all_caps(text):
        text = _untitle_caps(text)
    elif 3 * len(_LOWER_START.findall(text)) >= text.count(" "):
        return text  # a third of the words or more in lower case: ordinary case
    common_words = vocabulary()
    function: list[tuple[int, int]] = []
    common: list[tuple[int, int]] = []
    lower = 0
    previous = before = ""
    for m in _WORD.finditer(text):
        word = m.group(0)
        key = word.lower()
        # "Police Arrest", "Opposition Party Ahead": the capital keeps the noun before an actor
        after_domestic = previous in DOMESTIC_ADJECTIVES or f"{before} {previous}" in DOMESTIC_ADJECTIVES
        before, previous = previous, key
        if key not in common_words:
            continue
        if word[0].islower():
            lower += 1
        elif m.start() and (word[1:].islower() or len(word) == 1) and not after_domestic:
            (function if key in _FUNCTION else common).append(m.span())
    capitalised = len(function) + len(common)
    if capitalised < _MIN_CAPITALISED or capitalised <= lower:
        return text
    text = _lowered(text, function)
    if not common:
        return text
    names = [m.span() for m in gazetteer().find_upper.finditer(text)]
    free = [s for s in common if not any(a <= s[0] < b for a, b in names)]
    return _lowered(text, free)
