from importlib import resources
from itertools import pairwise

import orjson

from worker.coder.lexicon import (
    LEXICON_FILE,
    TOKEN_RE,
    build_lexicon,
    find_triggers,
    load_lexicon,
    normalise,
    parse_pattern,
    parse_variants,
    verb_forms,
)
from worker.coder.taxonomy import EVENT_TYPES, MODES


def _types(sentence: str) -> list[str]:
    lex = load_lexicon()
    return [m.entry.event_type for m in find_triggers(lex, TOKEN_RE.findall(normalise(sentence)))]


def test_verb_forms() -> None:
    assert {"attack", "attacks", "attacked", "attacking"} <= verb_forms("attack")
    assert {"seizes", "seized", "seizing"} <= verb_forms("seize")
    assert {"banned", "banning"} <= verb_forms("ban")
    assert {"denies", "denied"} <= verb_forms("deny")


def test_pattern_gap() -> None:
    lex = build_lexicon({"version": "t", "entries": [{"t": "SANCTION", "p": ["impose~v *3 sanctions"]}]})
    toks = TOKEN_RE.findall("the eu imposed fresh economic sanctions on x")
    assert [m.entry.event_type for m in find_triggers(lex, toks)] == ["SANCTION"]
    assert not find_triggers(lex, TOKEN_RE.findall("the eu imposed a fine ; sanctions later"))


def test_packaged_lexicon_is_consistent() -> None:
    lex = load_lexicon()
    for entry in lex.entries:
        assert entry.event_type in EVENT_TYPES or entry.event_type == "STATEMENT"
        assert entry.mode is None or entry.mode in MODES.get(entry.event_type, ()), entry
        assert 0 < entry.weight <= 1
    assert parse_pattern("a|b *2 c~n")[1] == 2


def test_triggers_per_type() -> None:
    assert _types("Ottawa imposed sanctions on Minsk") == ["SANCTION"]
    assert _types("Police arrested two opposition leaders") == ["COERCE"]
    assert _types("Artillery shelled the town overnight") == ["ASSAULT"]
    assert _types("Lagos urged Accra to reopen the border") == ["REQUEST", "RETREAT"]
    assert _types("Peru recalled its ambassador") == ["SANCTION"]
    assert _types("The ministers spoke by phone") == ["CONSULT"]


def test_specific_pattern_wins_overlap() -> None:
    assert _types("The rebels vowed revenge") == ["THREATEN"]
    assert _types("Kenya summoned the Ugandan envoy") == ["ACCUSE"]


def test_sentence_without_trigger() -> None:
    assert _types("The weather was mild in the capital on Sunday") == []


# An alternative set followed by a lone word reads "(a|b|c d)" as "(a|b|c) d": each such pair must be
# intended. Function words and these heads are; anything else is probably a multi-word alternative.
_INTENDED_HEADS = {
    "to", "of", "with", "on", "in", "for", "from", "at", "against", "into", "out", "off", "up", "down",
    "over", "by", "that", "the", "a", "law", "fire", "strike~n", "gas", "cannon~n", "bullets", "shot~n",
    "behind", "alert", "standby", "light", "weapons", "arms", "attack~n", "talks", "trial", "responsible",
    "accountable", "meet", "call~n", "visit~n", "back", "office", "aside", "aim", "charges", "no", "accept",
    "work", "tools", "themselves", "custody", "control", "bomb~n", "alive", "not", "charge", "part", "free",
    "hesitate", "effect", "package~n", "supplies", "proceedings", "travel",
    "scorn", "received", "delivery", "trained", "bailed", "home", "under", "beaten",
}  # fmt: skip


def test_no_accidental_multiword_alternatives() -> None:
    raw = orjson.loads(resources.files("worker.data").joinpath(LEXICON_FILE).read_bytes())
    suspicious = []
    for entry in raw["entries"]:
        for pattern in entry["p"]:
            parts = pattern.split()
            for a, b in pairwise(parts):
                if "|" in a and "|" not in b and not b.startswith("*") and b not in _INTENDED_HEADS:
                    suspicious.append(pattern)
    assert suspicious == []


def test_gap_steps_over_a_short_parenthesised_acronym() -> None:
    lex = build_lexicon({"version": "t", "entries": [{"t": "AID", "p": ["ask~v *4 to deliver"]}]})
    toks = TOKEN_RE.findall("they asked the world food program ( wfp ) to deliver food")
    assert [m.entry.event_type for m in find_triggers(lex, toks)] == ["AID"]
    # a longer parenthesis still stops the gap
    long_aside = "they asked the agency ( which runs many camps ) to deliver"
    assert not find_triggers(lex, TOKEN_RE.findall(long_aside))


def test_multi_token_alternatives_expand_to_whole_phrases() -> None:
    assert len(parse_variants("hold~v peace+talks|negotiations")) == 2
    entry = {"t": "CONSULT", "p": ["hold~v|held peace+talks|negotiations"]}
    lex = build_lexicon({"version": "t", "entries": [entry]})
    hits = lambda text: [m.entry.event_type for m in find_triggers(lex, TOKEN_RE.findall(text))]  # noqa: E731
    assert hits("they held peace talks") == ["CONSULT"]
    assert hits("they held negotiations") == ["CONSULT"]
    assert hits("they held peace") == [] and hits("they held talks") == []
