"""Clause structure around a trigger: reported speech, relative/purpose/conditional clauses, modality.

Shallow and lexical on purpose (no parser): the sentence is scanned backwards from the trigger to the
nearest clause boundary, collecting the cues that PLOVER's auxiliary modes need.
"""

from __future__ import annotations

from dataclasses import dataclass

from worker.coder.lexicon import Lexicon

MAIN = "main"
REPORTED = "reported"
RELATIVE = "relative"
CONDITIONAL = "conditional"
SUBORDINATE = "subordinate"  # after/before/when/while ... clauses

_FUTURE_BEFORE_TO = frozenset(
    {"plan", "plans", "planned", "planning", "set", "expected", "scheduled", "due", "going", "intends",
     "intend", "aims", "aim", "prepares", "preparing", "poised"}
)  # fmt: skip
_FUTURE_WORDS = frozenset({"tomorrow", "upcoming"})
_BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"})
_ADVERB_OK = frozenset({"also", "then", "further", "again", "not", "never", "soon"})
_DETERMINERS = frozenset({"the", "a", "an", "it", "he", "she", "they", "we", "i", "its", "his", "her"})
_NEG_STOP = frozenset({"and", ",", "but", "or", "then"})


@dataclass(slots=True)
class ClauseInfo:
    kind: str  # MAIN | REPORTED | RELATIVE | CONDITIONAL | SUBORDINATE
    region_start: int  # first token of the clause holding the trigger (actor search window)
    reported: bool
    speaker_start: int  # speaker tokens [speaker_start, speaker_end) when reported, else -1
    speaker_end: int
    analyst: bool  # reported opinion of analysts/experts: no event
    relative_at: int  # token index of the relative pronoun, else -1
    infinitive: bool  # trigger is introduced by "to" ("to discuss", "agreed to provide")
    to_at: int  # index of that "to", else -1
    participle: bool  # ", vowing ..." participial adjunct: subject of the main clause
    passive: bool
    negated: bool
    hypothetical: bool
    future: bool
    # a relative clause closed before the trigger ("X, which ..., agreed", "the militia that attacked Y was
    # sanctioned"): its tokens [skip_start, skip_end) hold no subject of the trigger
    skip_start: int = -1
    skip_end: int = -1


def analyse(lexicon: Lexicon, tokens: list[str], start: int, end: int) -> ClauseInfo:
    """Clause facts for a trigger occupying tokens[start:end]."""
    sets = lexicon.sets
    speech = sets.get("speech") or lexicon.cue_set("speech")
    relatives = sets.get("relatives") or lexicon.cue_set("relatives")
    conditionals = sets.get("conditionals") or lexicon.cue_set("conditionals")
    subordinators = sets.get("subordinators") or lexicon.cue_set("subordinators")
    n = len(tokens)
    kind = MAIN
    region_start = 0
    speaker_start = speaker_end = -1
    relative_at = to_at = -1
    reported = hypothetical = False
    infinitive = participle = False

    # "to <trigger>" (allowing one adverb in between)
    j = start - 1
    if j >= 0 and (tokens[j] in _ADVERB_OK or tokens[j].endswith("ly")):
        j -= 1
    if j >= 0 and tokens[j] == "to":
        infinitive = True
        to_at = j
    elif start >= 1 and tokens[start - 1] == "," and tokens[start].endswith("ing"):
        participle = True

    stops = lexicon.clause_stops or _CLAUSE_CUES.union(speech, relatives, conditionals, subordinators)
    skip_start = skip_end = -1
    for j in range(start - 1, -1, -1):
        tok = tokens[j]
        if tok not in stops:
            continue
        if skip_start < 0 and (tok in relatives or tok == "that"):
            closed = _closed_relative(tokens, j, start)
            if closed >= 0:
                skip_start, skip_end = j, closed
                continue  # the trigger is the verb of the clause the relative clause sits in
        if tok == ";" or tok == ":":
            region_start = j + 1
            break
        if tok in speech and not (j + 1 < n and tokens[j + 1] == "by"):
            kind, reported = REPORTED, True
            region_start = j + 1
            speaker_end = j
            speaker_start = _clause_start(tokens, j, speech)
            break
        if tok in relatives:
            kind, relative_at, region_start = RELATIVE, j, j + 1
            break
        if tok == "that":
            verb = _speech_before_that(tokens, j, speech)
            if verb >= 0:
                kind, reported = REPORTED, True
                region_start = j + 1
                speaker_end = verb
                speaker_start = _clause_start(tokens, verb, speech)
                break
            if start - j <= 2 and not (j + 1 < n and tokens[j + 1] in _DETERMINERS):
                kind, relative_at, region_start = RELATIVE, j, j + 1
                break
            region_start = j + 1
            break
        if tok in conditionals:
            kind, hypothetical, region_start = CONDITIONAL, True, j + 1
            break
        if tok in subordinators and (tok != "as" or (j >= 1 and tokens[j - 1] == ",")):
            kind, region_start = SUBORDINATE, j + 1
            break

    if _second_predicate(tokens, start, region_start, speaker_start):  # the speaker's own second act
        outer = speaker_start if speaker_start >= 0 else _clause_start(tokens, region_start - 1, speech)
        kind, reported, region_start = MAIN, False, outer
        speaker_start = speaker_end = -1
    if not reported:
        reported = _reported_after(tokens, end, speech) or "according" in tokens
    lo4 = max(region_start, start - 4)
    window = tokens[lo4:start]
    for k in range(len(window) - 1, -1, -1):
        if window[k] in _NEG_STOP:
            window = window[k + 1 :]
            break
    negated = _negated(lexicon, window, tokens, start) or (end - start > 2 and _no_object(tokens, start, end))
    if not hypothetical:
        hyp_cues = sets.get("hypothetical") or lexicon.cue_set("hypothetical")
        hypothetical = not hyp_cues.isdisjoint(tokens[max(region_start, start - 5) : start])
    future = _future(lexicon, tokens, region_start, start)
    passive = _passive(tokens, start)
    analyst = reported and speaker_start >= 0 and _analyst(lexicon, tokens[speaker_start:speaker_end])
    return ClauseInfo(
        kind,
        region_start,
        reported,
        speaker_start,
        speaker_end,
        analyst,
        relative_at,
        infinitive,
        to_at,
        participle,
        passive,
        negated,
        hypothetical,
        future,
        skip_start,
        skip_end,
    )


_AUX_BEFORE_MAIN = frozenset({"was", "were", "is", "are", "has", "have", "had"})
_RELATIVE_VERB_STOPS = frozenset({"and", "or", "that", "who", "which", ";", ":"})


def _closed_relative(tokens: list[str], rel: int, start: int) -> int:
    """End of a relative clause opened at ``rel`` that closes before the trigger at ``start``, else -1:
    a non-restrictive one between commas ("Saudi Arabia, which has bombed Yemen, agreed to talks"), or a
    restrictive one whose own finite verb is followed by an auxiliary opening the main predicate ("the
    militia that attacked the embassy was sanctioned", "the men who seized the ship have been freed")."""
    if rel < 1 or start - rel < 3:
        return -1
    if tokens[rel - 1] == ",":
        if tokens[rel] == "that":
            return -1
        for k in range(rel + 1, start):
            if tokens[k] == ",":
                # ", which ..., agreed": the comma closes it when the main verb follows (over an adverb)
                gap = start - k - 1
                return k + 1 if gap <= 1 and "and" not in tokens[k + 1 : start] else -1
        return -1
    verb = tokens[rel + 1]
    finite = verb.endswith("ed") or verb in _FINITE_IRREGULAR or verb in _AUX_BEFORE_MAIN
    if tokens[start - 1] in _AUX_BEFORE_MAIN:
        aux = start - 1
    elif tokens[start - 2] in _AUX_BEFORE_MAIN:
        aux = start - 2
    else:
        aux = start  # "the officers who were deployed to Haiti came under attack": a bare past verb
        main, previous = tokens[start], tokens[start - 1]
        if not (main.endswith("ed") or main in _FINITE_IRREGULAR) or previous in _NOT_BEFORE_MAIN_VERB:
            return -1  # "enrolled at Kabul's U.S.-trained academy": a participle modifying a noun
    body = rel + 1  # the relative clause's verb group ("had been recently arrested") must take words
    while body < aux and (
        tokens[body] in _AUX_BEFORE_MAIN or tokens[body] in _BE or tokens[body].endswith("ly")
    ):
        body += 1
    if not finite or aux - body < 2:
        return -1
    if not _RELATIVE_VERB_STOPS.isdisjoint(tokens[rel + 1 : aux]) or "," in tokens[rel + 1 : aux]:
        return -1
    return aux


_NOT_BEFORE_MAIN_VERB = _BE | _DETERMINERS | {"'s", "their", "our", "u.s.-", "-"}
_FINITE_IRREGULAR = frozenset(
    {
        "seized",
        "took",
        "shot",
        "struck",
        "hit",
        "sent",
        "led",
        "fought",
        "stole",
        "held",
        "made",
        "gave",
        "came",
        "met",
        "began",
        "fled",
        "won",
        "lost",
    }
)


# "denied that ... and accused X of ...": a second predicate of the speaker, outside the reported content
SECOND_PREDICATE = frozenset(
    {"accused", "blamed", "criticised", "criticized", "condemned", "denounced", "demanded"}
)


def _second_predicate(tokens: list[str], start: int, region_start: int, speaker_start: int) -> bool:
    """``denied that his troops crossed the border and accused X of lying``: the accusation is the
    denier's, not part of what is denied."""
    return (
        region_start > 0
        and tokens[start - 1] == "and"
        and tokens[start] in SECOND_PREDICATE
        and (speaker_start >= 0 or tokens[region_start - 1] == "that")
    )


# what may stand between a speech verb and its "that": "said Thursday that", "said on Monday that",
# "told reporters in a statement that", "announced last week that"
_SPEECH_GAP = frozenset(
    {"on", "in", "at", "a", "an", "the", "late", "early", "earlier", "later", "last", "this", "week", "month",
     "tonight", "night", "morning", "evening", "afternoon", "yesterday", "today", "monday", "tuesday",
     "wednesday", "thursday", "friday", "saturday", "sunday", "statement", "interview", "reporters",
     "journalists", "also", "again", "recently", "repeatedly", "publicly", "him", "her", "them", "us", "me",
     "parliament", "lawmakers"}
)  # fmt: skip


def _speech_before_that(tokens: list[str], that: int, speech: frozenset[str]) -> int:
    """Index of the speech verb whose complement "that" is at ``that`` (up to four adverbials of time,
    place and addressee may stand between), else -1."""
    for k in range(that - 1, max(-1, that - 6), -1):
        if tokens[k] in speech:
            return k
        if tokens[k] not in _SPEECH_GAP:
            return -1
    return -1


# tokens that end the backward scan besides the lexicon's speech/relative/conditional/subordinator cues
_CLAUSE_CUES = frozenset({";", ":", "that"})

_SPEAKER_STOP = frozenset(
    {";", ":", "that", "after", "before", "when", "while", "because", "since", "if", "unless", "who", "which"}
)


def _no_object(tokens: list[str], start: int, end: int) -> bool:
    """'reached no agreement', 'provided no aid': "no" inside the trigger negates it; "said no to" not."""
    if end - start < 3 or "no" not in tokens[start + 1 : end - 1]:
        return False
    return any(tokens[k] == "no" and tokens[k + 1] not in ("to", "longer") for k in range(start + 1, end - 1))


def _clause_start(tokens: list[str], j: int, speech: frozenset[str]) -> int:
    for k in range(j - 1, -1, -1):
        tok = tokens[k]
        if tok in _SPEAKER_STOP or (tok in speech and tokens[k + 1] != "by"):
            return k + 1
    return 0


def _reported_after(tokens: list[str], end: int, speech: frozenset[str]) -> bool:
    """``..., officials said.`` — a speech verb after a comma following the trigger."""
    last = len(tokens) - 1
    k = end
    while k < last:
        try:
            k = tokens.index(",", k, last)  # the commas only
        except ValueError:
            return False
        if not speech.isdisjoint(tokens[k + 1 : k + 6]):
            return True
        k += 1
    return False


def _negated(lexicon: Lexicon, window: list[str], tokens: list[str], start: int) -> bool:
    negators = lexicon.sets.get("negators") or lexicon.cue_set("negators")
    if "without" in window or "sans" in window:
        window = _drop_names(window)
    if not negators.isdisjoint(window) or "'t" in window:
        return True
    return start >= 1 and tokens[start - 1] == "no"


def _drop_names(window: list[str]) -> list[str]:
    """'Doctors Without Borders is providing aid': "without" in a name is no negation."""
    return [tok for k, tok in enumerate(window) if not (k + 1 < len(window) and window[k + 1] in _BORDERS)]


_BORDERS = frozenset({"borders", "frontieres", "frontières"})
_WILL = frozenset({"will", "ll", "shall", "'ll"})


def _future(lexicon: Lexicon, tokens: list[str], region_start: int, start: int) -> bool:
    lo = max(region_start, start - 4)
    window = tokens[lo:start]
    if not _WILL.isdisjoint(window):
        return True
    if ("tomorrow" in tokens or "upcoming" in tokens) and not _FUTURE_WORDS.isdisjoint(tokens[region_start:]):
        return True
    if "to" in window:
        for k in range(lo, start):
            if tokens[k] == "to" and k >= 1 and tokens[k - 1] in _FUTURE_BEFORE_TO:
                return True
    return "next" in tokens[start : start + 12] and not _past(tokens[start])


_IRREGULAR_PAST = frozenset(
    {"gave", "sent", "took", "held", "met", "made", "began", "struck", "paid", "flew", "froze", "broke",
     "withdrew", "forgave", "lent", "sold", "bought", "brought", "let", "put", "cut", "shot", "hit", "spoke"}
)  # fmt: skip


def _past(token: str) -> bool:
    """A past-tense trigger verb ("sent troops ahead of next week's vote"): "next" dates its
    complement, not the act."""
    return token.endswith("ed") or token in _IRREGULAR_PAST


def _passive(tokens: list[str], start: int) -> bool:
    if not tokens[start].endswith(("ed", "en", "wn", "ght", "ot", "ck")):
        return False
    return not _BE.isdisjoint(tokens[max(0, start - 3) : start])


def _analyst(lexicon: Lexicon, speaker: list[str]) -> bool:
    analysts = lexicon.sets.get("analysts") or lexicon.cue_set("analysts")
    return not analysts.isdisjoint(speaker)
