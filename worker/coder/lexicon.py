"""Trigger lexicon: token patterns per PLOVER type and mode, loaded once from ``worker/data/lexicon.v1.json``.

Matching is token based: a sentence is tokenised once, a set lookup tells whether any pattern anchor
occurs (sentences without one cost almost nothing), anchors none of whose patterns can match (each
multi-word pattern needs a word of its rarest later element) are dropped by one more set test, and only
the patterns anchored on the tokens left are tried. Pattern syntax (see the JSON ``source`` field):
``a|b`` alternatives, ``w~v`` verb inflections, ``w~n`` noun plural, ``*N`` a gap of up to N tokens,
``a+b|c`` a multi-token alternative ("peace+talks|negotiations": either both words in a row, or the one):
the pattern is expanded into one pattern per multi-token choice, so a phrase can never be split across
two elements by accident. Gaps step over a short parenthesised acronym ("the World Food Program (WFP)
to deliver") without counting it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import product
from typing import Any

import orjson

LEXICON_FILE = "lexicon.v1.json"

# Words, hyphenated words, possessive/negation clitics, single punctuation marks. A token holds together
# what a reader takes for one word, so that it counts once in a pattern gap: numbers with separators or
# decimals ("1,000", "2.5", "9/11", "10:30"), a currency sign before a number ("$2.5"), a percent sign
# after one ("20%"), dotted acronyms ("u.s.", "u.n.", "a.m.", "u.s.-led") and the abbreviations below
# with their full stop ("gen.", "sept."; "no." only before a number). On normalised (lower-case) text.
_ABBREVIATED = {  # by length: a look-behind has a fixed width
    2: "mr ms dr lt st mt jr sr co vs",
    3: "mrs gen col maj sgt cpl pvt adm cdr gov sen rep rev hon amb jan feb mar apr jun jul aug sep oct nov"
    " dec inc ltd llc plc",
    4: "capt cmdr brig pres sept corp bros govt dept",
}
_ABBREVIATION = (
    "|".join(rf"(?<=\b(?:{'|'.join(words.split())})\.)" for words in _ABBREVIATED.values())
    + r"|(?:(?<=\bno\.)|(?<=\bnos\.))(?=\s?\d)"
)
# a word's first run of word characters, then what may hold on to it: one character test skips the
# loop for most words
_WORD = (
    r"\w++(?:[-.,/:%](?:(?<=-)\w++|(?<=\d[.,/:])(?=\d)\w++|(?<=\d%)"
    r"|(?<=\.)(?:(?<=\b[a-z]\.)(?:[a-z]\.)++|" + _ABBREVIATION + ")))*+"
)
_TOKEN = _WORD + r"|'s\b|'t\b|[$€£¥](?=\d)" + _WORD
TOKEN_RE = re.compile(_TOKEN + r"|[^\w\s]")  # possessive: never backtracks
# the same for ASCII text, a quarter faster: ASCII classes, plus the separators \x1c-\x1f that Unicode
# counts as whitespace
_ASCII_TOKEN_RE = re.compile(_TOKEN + r"|[^\w\s\x1c-\x1f]", re.ASCII)
_START = re.Match.start


def tokenise(norm: str) -> list[str]:
    """``TOKEN_RE.findall(norm)``, faster on ASCII text."""
    return (_ASCII_TOKEN_RE if norm.isascii() else TOKEN_RE).findall(norm)


def token_starts(norm: str) -> list[int]:
    """Character offsets of the tokens of ``tokenise(norm)``."""
    return list(map(_START, (_ASCII_TOKEN_RE if norm.isascii() else TOKEN_RE).finditer(norm)))


def token_spans(norm: str, tokens: list[str]) -> tuple[list[int], list[int]]:
    """Start and end offsets of ``tokens == tokenise(norm)``, as ``token_starts`` gives the starts. Each
    token is the first occurrence of its text after the previous one: the tokeniser skips only
    whitespace (and the separators U+001C-U+001F), which no token contains or starts with."""
    starts: list[int] = []
    ends: list[int] = []
    find = norm.find
    pos = 0
    for tok in tokens:
        pos = find(tok, pos)
        starts.append(pos)
        pos += len(tok)
        ends.append(pos)
    return starts, ends


Element = frozenset[str] | int  # a set of accepted tokens, or a gap of up to N tokens


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: an event type/mode with its patterns' strength and flags."""

    index: int
    event_type: str
    mode: str | None
    weight: float
    contexts: tuple[str, ...]
    noun: bool  # noun trigger: no verb tense of its own
    reciprocal: bool  # clash/fighting: all parties are actors
    swap: bool  # host/receive: the object is the actor (visitor), the subject the recipient


@dataclass(frozen=True, slots=True)
class Pattern:
    entry: Entry
    elements: tuple[Element, ...]
    text: str
    gapless: bool = False  # no ``*N`` element: matched by a plain loop
    # words of its rarest later element: a sentence without any of them cannot match (empty: no such test)
    required: frozenset[str] = frozenset()


class Match:
    """A trigger found in a sentence: token span [start, end). Compared by identity (built in the hot
    loop: a plain slots class with its own ``__init__`` is several times cheaper to create than a frozen
    dataclass, and cheaper than a dataclass with ``__post_init__``)."""

    __slots__ = ("end", "entry", "pattern", "start")

    def __init__(self, start: int, end: int, pattern: Pattern) -> None:
        self.start = start
        self.end = end
        self.pattern = pattern
        self.entry = pattern.entry

    def __repr__(self) -> str:
        return f"Match(start={self.start}, end={self.end}, pattern={self.pattern.text!r})"


@dataclass(frozen=True, slots=True)
class Lexicon:
    version: str
    anchors: dict[str, tuple[Pattern, ...]]
    cues: dict[str, Any]
    entries: tuple[Entry, ...]
    sets: dict[str, frozenset[str]] = field(default_factory=dict)  # cue lists as sets, filled at build
    # anchor -> the words one of which a sentence needs for any of its patterns to match (the union of
    # their ``required`` sets); None when a pattern is the anchor alone
    gates: dict[str, frozenset[str] | None] = field(default_factory=dict)
    # the words a sentence is looked up by (``_live_anchors``): anchors, except the common words among them
    # (said, was, in, ...) that have a gate: these are reached through their gates' words (``unlocks``)
    lookup: frozenset[str] = frozenset()
    direct: frozenset[str] = frozenset()  # anchors looked up themselves
    unlocks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # gate word -> common anchors
    # every token that can end the backward clause scan of ``clauses.analyse``
    clause_stops: frozenset[str] = frozenset()
    # the ``context_cues`` lists as sets, in lexicon order, and all their words
    context_sets: tuple[tuple[str, frozenset[str]], ...] = ()
    context_words: frozenset[str] = frozenset()

    def cue_set(self, name: str) -> frozenset[str]:
        found = self.sets.get(name)
        return found if found is not None else _cue_set(self, name)


_CVC = re.compile(r"[^aeiou][aeiou][bdgklmnprt]$")


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of an English verb (over-generation is harmless: forms are set members)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if _CVC.search(lemma):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def noun_forms(noun: str) -> set[str]:
    if len(noun) > 1 and noun.endswith("y") and noun[-2] not in "aeiou":
        return {noun, noun[:-1] + "ies"}
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return {noun, noun + "es"}
    return {noun, noun + "s"}


def _expand(alt: str) -> set[str]:
    if alt.endswith("~v"):
        return verb_forms(alt[:-2])
    if alt.endswith("~n"):
        return noun_forms(alt[:-2])
    return {alt}


def parse_variants(text: str) -> list[tuple[Element, ...]]:
    """The element tuples of a pattern: one per choice among its multi-token (``a+b``) alternatives."""
    if "+" not in text:
        return [parse_pattern(text)]
    choices: list[list[str]] = []
    for part in text.lower().split():
        alts = part.split("|")
        single = [a for a in alts if "+" not in a]
        multi = [a.replace("+", " ") for a in alts if "+" in a]
        choices.append((["|".join(single)] if single else []) + multi)
    return [parse_pattern(" ".join(pick)) for pick in product(*choices)]


def parse_pattern(text: str) -> tuple[Element, ...]:
    if "+" in text:
        raise ValueError(f"pattern with multi-token alternatives has several variants: {text!r}")
    elements: list[Element] = []
    for part in text.lower().split():
        if part.startswith("*") and part[1:].isdigit():
            elements.append(int(part[1:]))
        else:
            words: set[str] = set()
            for alt in part.split("|"):
                words |= _expand(alt)
            elements.append(frozenset(words))
    if not elements or isinstance(elements[0], int) or isinstance(elements[-1], int):
        raise ValueError(f"pattern must start and end with words: {text!r}")
    return tuple(elements)


def build_lexicon(data: dict[str, Any]) -> Lexicon:
    anchors: dict[str, list[Pattern]] = {}
    entries: list[Entry] = []
    for i, raw in enumerate(data["entries"]):
        entry = Entry(
            index=i,
            event_type=raw["t"],
            mode=raw.get("m"),
            weight=float(raw.get("w", 0.7)),
            contexts=tuple(raw.get("c", ())),
            noun=bool(raw.get("n", False)),
            reciprocal=bool(raw.get("r", False)),
            swap=bool(raw.get("swap", False)),
        )
        entries.append(entry)
        for text in raw["p"]:
            for elements in parse_variants(text):
                gapless = not any(isinstance(e, int) for e in elements)
                pattern = Pattern(entry, elements, text, gapless, _required(elements))
                first = elements[0]
                assert not isinstance(first, int)
                for word in first:
                    anchors.setdefault(word, []).append(pattern)
    cues = dict(data.get("cues", {}))
    stop_cues = ("speech", "relatives", "conditionals", "subordinators")
    gates = {word: _gate(patterns) for word, patterns in anchors.items()}
    gated_common = sorted(w for w, gate in gates.items() if gate is not None and w in _COMMON_WORDS)
    direct = frozenset(anchors.keys() - set(gated_common))
    unlocks: dict[str, tuple[str, ...]] = {}
    for word in gated_common:
        for gate_word in sorted(gates[word] or ()):
            unlocks[gate_word] = (*unlocks.get(gate_word, ()), word)
    clause_stops = frozenset({";", ":", "that"}).union(*(cues.get(name, ()) for name in stop_cues))
    return Lexicon(
        version=str(data["version"]),
        anchors={k: tuple(v) for k, v in anchors.items()},
        cues=cues,
        entries=tuple(entries),
        sets={name: frozenset(words) for name, words in cues.items() if isinstance(words, list)},
        gates=gates,
        lookup=direct.union(unlocks),
        direct=direct,
        unlocks=unlocks,
        clause_stops=clause_stops,
        context_sets=_context_sets(cues),
        context_words=frozenset().union(*(ws for _, ws in _context_sets(cues))),
    )


def _context_sets(cues: dict[str, Any]) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((name, frozenset(words)) for name, words in cues.get("context_cues", {}).items())


def context_names(lexicon: Lexicon, words: list[str]) -> list[str]:
    """The ``context_cues`` lists that have a word among ``words``, in lexicon order."""
    if lexicon.context_sets:
        present = lexicon.context_words.intersection(words)  # few words: cheap tests below
        if not present:
            return []
        sets = lexicon.context_sets
    else:  # a Lexicon built by hand
        sets = _context_sets(lexicon.cues)
        present = frozenset(words)
    return [name for name, ws in sets if not ws.isdisjoint(present)]


def _gate(patterns: list[Pattern]) -> frozenset[str] | None:
    if any(len(p.elements) == 1 for p in patterns):
        return None
    return frozenset().union(*(p.required for p in patterns))


def _required(elements: tuple[Element, ...]) -> frozenset[str]:
    """The words of the later element a sentence is least likely to have: fewest very common words,
    then fewest words. Every match of the pattern contains one of them."""
    later = [e for e in elements[1:] if not isinstance(e, int)]
    if not later:
        return frozenset()
    return min(later, key=lambda e: (len(e & _COMMON_WORDS), len(e)))


# function words and the most frequent news words: poor evidence that a pattern can match
_COMMON_WORDS_TEXT = """
    the a an of to in on for with by at from as that this and or but not no is are was were be been
    being has have had do does did will would can could may might must shall should it its he she they
    we i you his her their our them him us who which what when where while after before over under
    into out up down off about than then there here so if also more most other some any all one two
    new said says say told year years time people percent million billion per day week month last
    first next
"""
_COMMON_WORDS = frozenset(_COMMON_WORDS_TEXT.split())


@cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon, parsed once per process."""
    raw = resources.files("worker.data").joinpath(LEXICON_FILE).read_bytes()
    return build_lexicon(orjson.loads(raw))


def _cue_set(lexicon: Lexicon, name: str) -> frozenset[str]:
    found = lexicon.sets.get(name)
    if found is None:
        found = frozenset(lexicon.cues.get(name, ()))
        lexicon.sets[name] = found
    return found


def normalise(text: str) -> str:
    """Lower-case and straighten quotes; keeps length so offsets stay valid."""
    return text.lower().replace("’", "'").replace("‘", "'")


def _match_from(tokens: list[str], elements: tuple[Element, ...], ei: int, ti: int) -> int:
    """End token index of a match of elements[ei:] at tokens[ti:], or -1."""
    if ei == len(elements):
        return ti
    element = elements[ei]
    if isinstance(element, int):
        nxt = elements[ei + 1]
        assert not isinstance(nxt, int)
        n = len(tokens)
        limit = min(n, ti + element + 1)
        j = ti
        while j < limit:
            tok = tokens[j]
            if tok in nxt:
                end = _match_from(tokens, elements, ei + 2, j + 1)
                if end >= 0:
                    return end
            elif tok == "(" and j + 2 < n and (tokens[j + 2] == ")" or (j + 3 < n and tokens[j + 3] == ")")):
                # "(WFP)", "(U.N. agency)": a short parenthesis does not count against the gap
                skip = 3 if tokens[j + 2] == ")" else 4
                j += skip
                limit = min(n, limit + skip)
                continue
            elif tok == "(" and (skip := _amount_aside(tokens, j)):
                # "23 billion euros ($25.65 billion)": a converted amount does not count either
                j += skip
                limit = min(n, limit + skip)
                continue
            elif tok in _GAP_STOP:
                break
            j += 1
        return -1
    if ti < len(tokens) and tokens[ti] in element:
        return _match_from(tokens, elements, ei + 1, ti + 1)
    return -1


# gaps never run across clause punctuation
_GAP_STOP = frozenset({";", ":", "(", ")"})
_CURRENCY = frozenset({"$", "£", "€", "¥", "us", "usd", "eur"})


def _amount_aside(tokens: list[str], j: int) -> int:
    """Length of a parenthesised amount opening at ``j`` ("($25.65 billion)"), else 0."""
    if j + 1 >= len(tokens):
        return 0
    first = tokens[j + 1]
    if not (first in _CURRENCY or first[:1].isdigit() or first[:1] in _CURRENCY):  # "$25.65" is one token
        return 0
    for k in range(j + 2, min(len(tokens), j + 10)):
        if tokens[k] == ")":
            return k - j + 1
        if tokens[k] in _GAP_STOP:
            return 0
    return 0


def find_triggers(lexicon: Lexicon, tokens: list[str]) -> list[Match]:
    """All pattern matches in a token list, overlapping ones resolved (strongest, then longest wins)."""
    anchors = lexicon.anchors
    present, words = _live_anchors(lexicon, tokens)
    if not present:
        return []  # most sentences: their anchors are common words ("said", "in") whose patterns fail
    n = len(tokens)
    found: list[Match] = []
    for i in [i for i, tok in enumerate(tokens) if tok in present]:
        for pattern in anchors[tokens[i]]:
            elements = pattern.elements
            size = len(elements)
            if size == 1:
                found.append(Match(i, i + 1, pattern))
            elif pattern.required and pattern.required.isdisjoint(words):
                continue
            elif pattern.gapless:
                if i + size <= n:
                    for k in range(1, size):
                        if tokens[i + k] not in elements[k]:  # type: ignore[operator]  # gapless: sets
                            break
                    else:
                        found.append(Match(i, i + size, pattern))
            else:
                end = _match_from(tokens, elements, 1, i + 1)
                if end > 0:
                    found.append(Match(i, end, pattern))
    if len(found) <= 1:
        return found
    # resolve overlaps: strongest pattern, then longest span, wins
    found.sort(key=_strength)
    kept: list[Match] = [found[0]]
    for m in found[1:]:
        start, end = m.start, m.end
        for other in kept:
            if end > other.start and start < other.end:
                break
        else:
            kept.append(m)
    kept.sort(key=_start)
    return kept


def _live_anchors(lexicon: Lexicon, tokens: list[str]) -> tuple[set[str], set[str]]:
    """The anchors of ``tokens`` one of whose patterns may match (the anchor is there and, if it has a
    gate, a word of its gate), and the set of the tokens when it was needed."""
    gates = lexicon.gates
    if not lexicon.lookup:  # a Lexicon built by hand: every anchor looked up itself
        present = lexicon.anchors.keys() & tokens
        for word in list(present):
            gate = gates.get(word)
            if gate is not None and gate.isdisjoint(tokens):
                present.discard(word)
        return present, set(tokens) if present else set()
    hits = lexicon.lookup.intersection(tokens)
    live: set[str] = set()
    if not hits:
        return live, live
    direct, unlocks = lexicon.direct, lexicon.unlocks
    words: set[str] | None = None
    for word in hits:
        if word in direct:
            gate = gates.get(word)
            if gate is None or not gate.isdisjoint(tokens):
                live.add(word)
        common = unlocks.get(word)
        if common is not None:  # a gate word: its common anchors are live if present
            if words is None:
                words = set(tokens)
            live.update(words.intersection(common))
    if not live:
        return live, live
    return live, words if words is not None else set(tokens)


def _strength(m: Match) -> tuple[float, int, int]:
    return (-m.entry.weight, m.start - m.end, m.start)


def _start(m: Match) -> int:
    return m.start
