"""Sentence-level rules that decide a trigger is no event of its own: states and background,
statements, opinions, the object of another trigger, descriptions of a participant.

Pure functions of the token list, the trigger match and its clause facts; used by ``pipeline``.
"""

from __future__ import annotations

from worker.coder.clauses import CONDITIONAL, RELATIVE, SECOND_PREDICATE, SUBORDINATE, ClauseInfo
from worker.coder.lexicon import Lexicon, Match

VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})

PRONOUNS = frozenset({"he", "she", "they", "it", "we"})

MATERIAL_CONFLICT = frozenset({"SANCTION", "COERCE", "ASSAULT"})

STATIVE = frozenset(
    {"pose", "poses", "posed", "posing", "constitute", "constitutes", "represents", "face", "faces",
     "faced", "facing", "under", "fear", "fears", "feared", "amid"}
)  # fmt: skip

BACKGROUND_PREP = frozenset({"after", "before", "following", "amid", "despite", "since", "during"})

DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})

NOT_CAPTIVES = frozenset(
    {"statement", "report", "video", "reports", "statements", "videos", "data", "figures", "details",
     "results", "footage", "images", "photos", "album", "song", "film", "list", "document", "documents",
     "findings", "version", "funds", "press"}
)  # fmt: skip

BACK_ADVERB = frozenset(
    {"come", "came", "comes", "coming", "go", "went", "goes", "going", "date", "dates", "dating", "dated",
     "bring", "brought", "get", "got", "pushed", "push", "fought", "fight", "hit", "hits", "step", "stepped",
     "way", "turn", "turned", "send", "sent", "flew", "fly", "moved", "move", "pulled", "pull", "brings",
     "roll", "rolled", "rolls", "rolling", "scale", "scaled", "scales", "scaling"}
)  # fmt: skip

BACK_NEXT = frozenset({"to", "into", "from", "home", "in", "on", "down", "off", "out", "then"})

CLAUSE_BREAK = frozenset(
    {",", ";", ":", "and", "but", "or", "that", "which", "who", "whom", "whose", "where", "while", "after",
     "before", "when", "because", "as", "since", "said", "says", "saying", "told", "until", "if"}
)  # fmt: skip

SCOPE_BREAK = frozenset({";", ":", "but", "while", "whereas"})

COPULA = frozenset({"is", "was", "are", "were"})

DEFINITE = frozenset({"the", "this", "these", "those", "its", "their", "his", "her", "our", "such", "'s"})

IRREGULAR_PARTICIPLES = frozenset(
    {"held", "kept", "taken", "seized", "shot", "caught", "sent", "built", "bought", "left", "found", "hit",
     "struck", "brought", "led", "known", "given", "made", "fought", "won", "lost"}
)  # fmt: skip

NOT_ADVERBS = frozenset(
    {"italy", "family", "july", "ally", "rally", "assembly", "supply", "monopoly", "anomaly", "folly"}
)  # fmt: skip

OBJECT_STARTS = frozenset(
    {"to", "that", "by", "it", "them", "him", "this", "these", "those", "on", "in", "for"}
)

PERSUADE = frozenset(
    {"persuade", "persuaded", "persuades", "persuading", "convince", "convinced", "convinces", "convincing",
     "encourage", "encouraged", "encourages", "encouraging", "pressure", "pressured", "pressuring",
     "pressures", "induce", "induced", "coax", "coaxed", "lobbying", "lobbied"}
)  # fmt: skip

NEWS_PREDICATES = frozenset(
    {"took", "takes", "taken", "held", "holds", "holding", "came", "went", "entered", "lifted", "eased",
     "removed", "scrapped", "effect", "force", "reopened", "transferred", "repatriated", "left"}
)  # fmt: skip

AUXILIARY = frozenset({"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "got", "get"})


def scan_back(words: list[str], start: int, window: int, cues: frozenset[str], stops: frozenset[str]) -> int:
    """Walk back from the word before ``start`` over at most ``window`` words: the index of the nearest
    cue word, or -1 when a stop word comes first (a word in both sets stops) or no cue is in reach."""
    for k in range(start - 1, max(-1, start - 1 - window), -1):
        word = words[k]
        if word in stops:
            return -1
        if word in cues:
            return k
    return -1


def stative(match: Match, words: list[str]) -> bool:
    """'poses a threat', 'under attack', 'amid protests', 'after the warning shots': a state or a
    background reference, not an act."""
    i = match.start
    if any(w in STATIVE for w in words[max(0, i - 3) : i]):
        return True
    if i >= 2 and words[i - 1] in ("the", "a", "an") and words[i - 2] in BACKGROUND_PREP:
        return True
    adjective = i >= 1 and match.end - i == 1 and words[i].endswith("ed")
    if adjective and (words[i - 1] in DETERMINERS or words[i - 1] == "'s"):
        return True  # "the detained journalists", "the country's outlawed militia": an adjective
    if i >= 2 and words[i - 1].endswith("ly") and attributive_participle(words, i):
        return True  # "the internationally recognised government": a description, not an act
    after = words[match.end] if match.end < len(words) else ""
    if words[i] == "back" and ((i >= 1 and words[i - 1] in BACK_ADVERB) or after in BACK_NEXT):
        return True  # "came back", "date back to", "back home": the adverb, not "to back" someone
    if match.entry.mode == "release" and not NOT_CAPTIVES.isdisjoint(words[max(0, i - 2) : match.end + 4]):
        return True  # "released a statement": publishing, not freeing anyone
    return match.entry.noun and i >= 1 and words[i - 1] in BACKGROUND_PREP


def attributive_participle(words: list[str], i: int) -> bool:
    """A participle after an -ly adverb that opens a noun phrase ("the internationally recognised
    government", "its democratically elected leader") describes the noun; a subject before the
    adverb ("Chile formally recognised ...") makes it a finite verb."""
    if i < 2 or i + 1 >= len(words) or not words[i].endswith("ed") or not words[i - 1].endswith("ly"):
        return False
    if words[i - 1] in NOT_ADVERBS or words[i + 1] in DETERMINERS or words[i + 1] in OBJECT_STARTS:
        return False  # "the family issued a warning": a subject noun, then the verb and its object
    return words[i - 2] in DETERMINERS or words[i - 2] in ("'s", ",", "of", "by", "with")


def governed(
    match: Match, clause: ClauseInfo, kept: list[Match], matches: list[Match], words: list[str] | None = None
) -> bool:
    """An infinitive whose governing verb is itself a trigger ("urged X to release", "vowed to
    strengthen", "summoned ... to protest", "held calls to discuss") is that trigger's content, and so is
    a bare verb coordinated with it ("called on him to resign and hand power to ...")."""
    if clause.infinitive:
        to_at = clause.to_at
        return any(m.end <= to_at and to_at - m.end <= 16 for m in matches if m is not match)
    to_at = coordinated_infinitive(words, match.start) if words is not None else -1
    if to_at < 0:
        return False  # the governing trigger may hold the first infinitive ("called on X to resign")
    return any(m.start < to_at and m.end <= match.start and to_at - m.start <= 20 for m in matches)


# past forms that look like bare verbs: a verb after "and" in one of these forms is a finite verb
_IRREGULAR_PAST = frozenset(
    {"sent", "gave", "took", "held", "met", "made", "left", "fled", "fought", "struck", "shot", "won",
     "led", "brought", "began", "froze", "withdrew", "laid", "set", "put", "let", "cut", "hit", "kept",
     "paid", "sold", "bought", "seized", "broke", "drove", "flew", "threw", "told", "said", "went", "came"}
)  # fmt: skip


def coordinated_infinitive(words: list[str], start: int) -> int:
    """The "to" of an infinitive a bare verb at ``start`` is coordinated with ("to stop the attacks and
    withdraw its troops"), else -1: "and" right before it, the verb in its base form, a "to" before it
    followed by a verb (not "agreed to a ceasefire and released"), no clause break in between."""
    if start < 3 or words[start - 1] != "and":
        return -1
    verb = words[start]
    if verb.endswith(("ed", "s")) or verb in _IRREGULAR_PAST:
        return -1
    k = scan_back(words, start - 1, 10, _TO, CLAUSE_BREAK)
    if k < 0 or words[k + 1] in DETERMINERS or words[k + 1][:1].isdigit():
        return -1
    return k


_TO = frozenset({"to"})


def persuaded(words: list[str], clause: ClauseInfo) -> bool:
    """'will try to persuade Havana to free the prisoners', 'encouraged Peru to release': the
    infinitive is what someone is brought to do, not an act done."""
    return clause.infinitive and not PERSUADE.isdisjoint(words[max(0, clause.to_at - 10) : clause.to_at])


def object_of_verbal(match: Match, words: list[str], kept: list[Match]) -> bool:
    """The governing verb decides: in "condemned the raids", "called for sanctions", "accused X of
    attacking", "demanded that X lift the sanctions" the later trigger is the object of a verbal event
    (no clause break in between, but the "that" opening a demand's content clause)."""
    if words[match.start] in COPULA:
        return False  # "the decision to host him was a violation of": a predicate, no object
    for m in reversed(kept):
        if m.entry.event_type not in VERBAL or m.end > match.start:
            continue
        if match.start - m.end > 10 or participle_modifier(words, m):
            return False  # too far, or "students accused of spying were arrested": a description
        between = words[m.end : match.start]
        if m.entry.event_type == "REQUEST" and between[:1] == ["that"]:
            between = between[1:]  # "urged that Russia release ...": what is requested
        return CLAUSE_BREAK.isdisjoint(between) or coordinated_modifiers(between)
    return False


def coordinated_modifiers(between: list[str]) -> bool:
    """'called for the immediate and unconditional release': the one "and" joins two modifiers of
    the object noun (a determiner before it, the noun right after the second modifier)."""
    if between.count("and") != 1 or not CLAUSE_BREAK.isdisjoint(w for w in between if w != "and"):
        return False
    k = between.index("and")
    return len(between) - k == 2 and not DETERMINERS.isdisjoint(between[:k])


def definite_background(lexicon: Lexicon, words: list[str], match: Match) -> bool:
    """A definite event noun ("the attack", "its withdrawal", "Russia's invasion") refers back to an
    event told elsewhere: background, not a new event (headings excepted), unless it is the object of
    a reporting verb ("announced the release of", "approved the deployment of")."""
    i = match.start
    if i == 0 or words[i - 1] not in DEFINITE:
        return False
    if i >= 2 and words[i - 2] in lexicon.cue_set("complement_verbs"):
        return False
    if not NEWS_PREDICATES.isdisjoint(words[i + 1 : match.end]):
        return False  # "the truce took effect", "the sanctions were lifted": the noun's fate is the news
    if done_predicate(words, match.end):
        return False  # "the release of the sailors took place on Monday": reported as done now
    if not PASSIVE_AUX.isdisjoint(words[i + 1 : match.end - 1]):
        return False  # "the wanted man was extradited": a passive clause of its own, not a noun
    if words[i] in COUNT_NOUNS:
        return False  # "the number of nationals evacuated has risen to 900": a count of acts done
    return not (words[i].endswith("ed") and match.end - i == 1) or match.entry.noun


def background_clause(lexicon: Lexicon, words: list[str], match: Match, clause: ClauseInfo) -> bool:
    """Triggers in a prepositional background phrase ("amid renewed fighting", "despite the Houthi
    strikes", "following talks") are circumstances of the main event, not events."""
    preps = lexicon.cue_set("background_preps")
    window = words[max(clause.region_start, match.start - 6) : match.start]
    if "," in window:  # "Amid concerns over the fighting, Kenya sent troops": the phrase has ended
        window = window[len(window) - window[::-1].index(",") :]
    return not preps.isdisjoint(window) and words[match.start - 1] not in (",", "and")


def abstract_object(lexicon: Lexicon, words: list[str], match: Match) -> bool:
    """'fighting terrorism', 'war on drugs', 'attack on corruption': metaphorical conflict. Sanctions,
    arrests, sentences and executions name their reason that way ('jailed for graft'): no metaphor."""
    if match.entry.event_type not in MATERIAL_CONFLICT or match.entry.event_type == "SANCTION":
        return False
    if match.entry.mode in ("arrest", "deport", "execute"):
        return False
    return not lexicon.cue_set("abstract_objects").isdisjoint(words[match.end : match.end + 3])


def reduced_relative(words: list[str], match: Match) -> bool:
    """'government forces backed by Russian warplanes': a participle with its agent modifying a noun
    describes a participant, it is not the sentence's event. A verb with its object before the "by"
    ("welcomed the decision by X") is finite."""
    i = match.start
    return (
        match.end < len(words)
        and words[match.end] == "by"
        and words[i].endswith("ed")
        and i >= 1
        and words[i - 1] not in AUXILIARY
        and words[i - 1] not in (",", "and")
        and DETERMINERS.isdisjoint(words[i + 1 : match.end])
    )


def appositive(words: list[str], match: Match) -> bool:
    """'The fishermen, held captive for months, were freed': a participle set off by commas
    describes a participant; the finite verb after it is the main event."""
    i = match.start
    participle = words[i].endswith(("ed", "en")) or words[i] in IRREGULAR_PARTICIPLES
    return i >= 1 and words[i - 1] == "," and participle and "," in words[i + 1 : i + 12]


def opinion(lexicon: Lexicon, words: list[str], clause: ClauseInfo) -> bool:
    """Reported beliefs and assessments ("X believes/suggested that Y is an attempt to ...") are
    statements, not events."""
    if not clause.reported or clause.speaker_end < 0 or clause.speaker_end >= len(words):
        return False
    return words[clause.speaker_end] in lexicon.cue_set("opinion_verbs")


def claimed_own_act(lexicon: Lexicon, words: list[str], clause: ClauseInfo) -> bool:
    """'The rebels claimed that they had attacked the base': a claim of responsibility (CAMEO 015)."""
    if not clause.reported or clause.speaker_end < 0 or clause.speaker_end >= len(words):
        return False
    if words[clause.speaker_end] not in lexicon.cue_set("claim_verbs"):
        return False
    return clause.region_start < len(words) and words[clause.region_start] in PRONOUNS


def scope_end(words: list[str], end: int) -> int:
    for k in range(end, min(len(words), end + 30)):
        if words[k] in SCOPE_BREAK or (words[k] == "," and k + 1 < len(words) and words[k + 1] == "and"):
            return k
        if words[k] == "and" and k + 1 < len(words) and words[k + 1] in SECOND_PREDICATE:
            return k
    return min(len(words), end + 30)


CONTENT_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN"})

# judicial acts whose complement is the deed judged ("convicted of the killings", "found guilty of torture")
JUDGED_MODES = frozenset({"convict"})

CONTENT_STOPS = frozenset({"after", "before", "when", "because", "since", "although", "though", "then"})


def content_scope(words: list[str], match: Match, clause: ClauseInfo) -> tuple[int, int]:
    """Tokens that are the content of a verbal conflict act or a verdict ("accused X of ordering the
    attack on Y", "condemned the raids, which killed ten", "convicted of the slaying of"): the deed is
    what is accused or judged, not an event of the sentence. The scope runs to the end of the clause:
    a new main clause (";", "but", ", and", "and" + a finite verb, a subordinator) or, for a trigger
    in a subordinate or conditional clause, its first comma."""
    end = scope_end(words, match.end)
    nonrestrictive = (
        clause.kind == RELATIVE and clause.relative_at >= 1 and words[clause.relative_at - 1] == ","
    )
    if (clause.kind in (SUBORDINATE, CONDITIONAL) or nonrestrictive) and "," in words[match.end : end]:
        end = words.index(",", match.end)  # ", which X accuses of rigging the vote, freed ...": closed
    for k in range(match.end, end):
        if words[k] in CONTENT_STOPS:
            return match.end, k
        if words[k] == "and" and k + 1 < len(words):
            after = words[k + 1]
            if after.endswith("ed") or after in IRREGULAR_PARTICIPLES or after in ("then", "also"):
                return match.end, k  # "condemned the attack and sent troops": a second act
    return match.end, end


CESSATION = frozenset(
    {"suspension", "suspend", "suspended", "suspends", "suspending", "halt", "halted", "halting", "halts",
     "end", "ended", "ending", "ends", "cessation", "cease", "ceased", "stop", "stopped", "stopping", "stops",
     "cancel", "cancelled", "canceled", "cancels", "cancellation", "postpone", "postponed", "postponement",
     "abandon", "abandoned", "renounce", "renounced", "lift", "lifted", "lifting", "lifts", "ease", "eased",
     "easing"}
)  # fmt: skip

CESSATION_FILLER = frozenset(
    {"of", "to", "the", "a", "an", "its", "their", "his", "her", "all", "any", "further", "planned", "off",
     "on", "new", "ongoing", "military"}
)  # fmt: skip

CALL = frozenset({"call", "calls", "called", "calling"})

FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION"})


def ceased(words: list[str], match: Match) -> bool:
    """'announced a suspension of raids', 'an end to the protests', 'called off the strike': the
    conflict named is what stops, not an event of its own."""
    if match.entry.event_type not in FORCE_TYPES:
        return False
    k = match.start - 1
    while k >= 0 and match.start - k <= 4 and words[k] in CESSATION_FILLER:
        if words[k] == "off" and k >= 1 and words[k - 1] in CALL:
            return True
        k -= 1
    return k >= 0 and words[k] in CESSATION


# head nouns an event noun can modify: "protest leaders", "attack helicopters"; "riot police"
MODIFIED_HEADS = frozenset(
    {"helicopter", "helicopters", "aircraft", "jets", "leaders", "leader", "organizers", "organisers", "camp",
     "camps", "victims", "survivors", "zone", "zones", "site", "sites"}
)  # fmt: skip

RIOT_HEADS = frozenset(
    {"police", "policemen", "gear", "squad", "squads", "officers", "shields", "control", "unit"}
)

LABEL_VERBS = frozenset(
    {"call", "calls", "called", "describe", "describes", "described", "term", "terms", "termed"}
)


def modifier_or_label(words: list[str], match: Match) -> bool:
    """An event noun modifying another noun ("riot police", "protest leaders", "attack helicopters")
    names no event; nor does a label someone gives ("what rights groups call ethnic cleansing")."""
    start = match.start
    if match.end - start == 1 and match.end < len(words):
        head = words[match.end]
        if head in RIOT_HEADS and words[start] == "riot":
            return True
        if head in MODIFIED_HEADS and not words[start].endswith(("ed", "s", "ing")):
            return True
    window = words[start - 6 if start > 6 else 0 : start]
    return "what" in window and not LABEL_VERBS.isdisjoint(window[window.index("what") :])


PASSIVE_PREPS = frozenset({"of", "with", "for"})
DESCRIBING_PARTICIPLE_TYPES = frozenset({"ACCUSE", "SANCTION"})  # accused of, charged with, convicted of


def participle_modifier(words: list[str], match: Match) -> bool:
    """'ten activists accused of spying were arrested', 'two men convicted of spying were hanged': a
    participle with its passive complement right after a noun (no auxiliary, no object between) describes
    a participant."""
    i = match.start
    if match.entry.event_type not in DESCRIBING_PARTICIPLE_TYPES or not words[i].endswith("ed"):
        return False
    if i + 1 >= len(words) or words[i + 1] not in PASSIVE_PREPS:
        return False
    k = i - 1
    if k >= 0 and words[k].endswith("ly"):
        k -= 1
    return k >= 1 and words[k] not in AUXILIARY and words[k] not in PRONOUNS and words[k] not in (",", "and")


# a meeting named as the setting or the time of another act: "at a summit", "ahead of talks with"
SETTING_PREPS = frozenset({"at", "ahead", "before", "after", "for", "on", "sidelines"})

MEETING_NOUNS = frozenset(
    {"meeting", "meetings", "summit", "summits", "talks", "negotiations", "negotiation", "consultations",
     "consultation", "session", "conference", "dialogue", "visit", "visits", "trip"}
)  # fmt: skip

SETTING_FILLER = DETERMINERS | frozenset(
    {"of", "this", "that", "next", "last", "weekend", "week's", "special", "critical", "cabinet", "two-day",
     "high-level", "planned", "upcoming", "emergency", "annual", "regional", "peace", "leaders'", "bilateral"}
)  # fmt: skip


def meeting_setting(words: list[str], match: Match) -> bool:
    """'leaders at a special summit vowed ...', 'ahead of a meeting with', 'before negotiations
    begin': a meeting noun after a preposition of place or time is the setting of another act, not a
    consultation reported."""
    if match.entry.event_type != "CONSULT" or words[match.start] not in MEETING_NOUNS:
        return False
    k = match.start - 1
    while k >= 0 and match.start - k <= 4 and words[k] in SETTING_FILLER and words[k] != "of":
        k -= 1
    if k >= 1 and words[k] == "of" and words[k - 1] in ("ahead", "sidelines", "eve"):
        return True
    return k >= 0 and words[k] in SETTING_PREPS and k < match.start


# verb forms of pledges and demands that are nouns after a determiner ("a French offer", "their demands")
PLEDGE_NOUNS = frozenset(
    {"offer", "offers", "promise", "promises", "pledge", "pledges", "vow", "vows", "commitment",
     "commitments", "agreement", "agreements", "invitation", "demand", "demands", "request", "requests",
     "appeal", "appeals", "plea", "pleas"}
)  # fmt: skip

NOUN_DETERMINERS = DETERMINERS | frozenset({"'s", "this", "that", "any", "such", "no", "every"})

# prepositions and verbs whose noun phrase names an act told elsewhere ("in return for a promise",
# "to fulfil a pledge", "gave in to demands")
PARTICIPANT_HEADS = frozenset(
    {"for", "of", "with", "to", "into", "in", "on", "from", "by", "under", "without", "after", "before",
     "fulfil", "fulfill", "fulfilled", "fulfils", "fulfills", "honour", "honor", "honoured", "honored",
     "abandon", "abandoned", "dropped", "drop", "kept", "keep", "broke", "broken", "break", "approved",
     "granted", "accepted", "rejected", "denied"}
)  # fmt: skip


def pledge_as_participant(words: list[str], match: Match) -> bool:
    """'in return for an American promise not to ...', 'to fulfil a pledge of support', 'abandon their
    longstanding demands': an offer, promise or demand named as a noun inside another act's phrase is
    a reference to it, not the act reported."""
    i = match.start
    if words[i] not in PLEDGE_NOUNS or match.entry.event_type not in ("AGREE", "REQUEST", "CONCEDE"):
        return False
    for k in range(i - 1, max(-1, i - 5), -1):
        if words[k] in NOUN_DETERMINERS:
            return k >= 1 and words[k - 1] in PARTICIPANT_HEADS
        if words[k] in CLAUSE_BREAK or words[k] in AUXILIARY:
            return False
    return False


BE_FORMS = frozenset({"was", "were", "is", "are", "be", "been", "being"})

# what makes a bare "pressure" a verb: "to pressure", "will pressure", "they pressure"
PRESSURE_VERB_BEFORE = frozenset(
    {"to", "will", "would", "could", "can", "may", "might", "must", "should", "shall", "not", "n't", "and",
     "they", "we", "i", "you", "also", "continue", "continues"}
)  # fmt: skip


# what one "meets" that is no meeting: "to meet the targets", "met its obligations"
MET_GOALS = frozenset(
    {"target", "targets", "goal", "goals", "deadline", "deadlines", "needs", "need", "requirements",
     "requirement", "obligations", "obligation", "expectations", "criteria", "criterion", "standards",
     "standard", "challenge", "challenges", "costs", "cost", "commitments", "quota", "quotas", "threshold",
     "payments", "payroll", "benchmarks", "benchmark", "conditions", "shortfall", "fate", "death",
     "deaths"}
)  # fmt: skip

MEET_FORMS = frozenset({"meet", "meets", "met"})

MEET_OBJECT_STOPS = frozenset({"to", "on", "in", "at", "for", "with", "and", ",", "over", "about"})


def idiom_not_event(words: list[str], match: Match) -> bool:
    """Verb forms that are no act here: 'the plan was met with criticism' (received, not a meeting),
    'failed to meet the targets', 'would meet its targets', 'met their deaths' (reached, not a
    meeting); 'as pressure grows for X to ...' (the noun, not someone pressing)."""
    i = match.start
    if words[i] == "pressure" and match.entry.event_type == "REQUEST":
        return i == 0 or words[i - 1] not in PRESSURE_VERB_BEFORE
    if match.entry.event_type not in ("CONSULT", "AGREE"):
        return False
    if words[i] == "met" and 1 <= i < len(words) - 1 and words[i - 1] in BE_FORMS and words[i + 1] == "with":
        return True
    if words[i] in MEET_FORMS:
        verb = i
    elif words[match.end - 1] in MEET_FORMS:
        verb = match.end - 1
    else:
        return False
    for word in words[verb + 1 : verb + 4]:  # the object, after a determiner or modifier at most
        if word in MET_GOALS:
            return True
        if word in MEET_OBJECT_STOPS:
            return False
    return False


# documents whose terms "call for" or "require" something: their content, not a new demand
TERMS_NOUNS = frozenset(
    {"agreement", "agreements", "deal", "deals", "accord", "accords", "treaty", "treaties", "plan", "plans",
     "framework", "roadmap", "road-map", "pact", "law", "laws", "bill", "bills", "constitution", "charter",
     "proposal", "proposals", "deal's", "agreement's", "plan's", "memorandum", "protocol", "truce",
     "ceasefire", "cease-fire", "arrangement", "compromise", "blueprint", "budget", "legislation"}
)  # fmt: skip

TERMS_STOPS = frozenset({",", ";", ":", "and", "but", "that", "which", "who", "said", "says"})


def terms_of_document(words: list[str], match: Match) -> bool:
    """'The agreement also calls for new talks', 'the plan calls on both sides to withdraw': what a
    deal, plan or law provides is its content (coded with the deal), not a request someone makes."""
    if match.entry.event_type != "REQUEST" or words[match.start] not in CALL:
        return False
    return scan_back(words, match.start, 4, TERMS_NOUNS, TERMS_STOPS) >= 0


# acts whose object can be people described by what was done to them ("freed a journalist jailed in 2019")
TRANSFER_TYPES = frozenset({"RETREAT", "AID", "COOPERATE"})


def captive_description(words: list[str], match: Match, kept: list[Match]) -> bool:
    """'freed six jailed executives', 'exchanged fishermen detained for straying', 'handed over the
    remains of soldiers killed in the war': a conflict participle inside the object of a release,
    return, exchange or handover describes the people transferred; it is no event of its own."""
    if match.entry.event_type not in MATERIAL_CONFLICT:
        return False
    i = match.start
    word = words[i]
    if not (word.endswith("ed") or word in IRREGULAR_PARTICIPLES) or (i >= 1 and words[i - 1] in AUXILIARY):
        return False
    for m in reversed(kept):
        if m.end > i or i - m.end > 8:
            continue
        return m.entry.event_type in TRANSFER_TYPES and CLAUSE_BREAK.isdisjoint(words[m.end : i])
    return False


PASSIVE_AUX = frozenset({"was", "were", "been", "being"})

# what follows a participle that modifies a noun ("kidnapped in May", "held since 2019", "seized by")
PARTICIPLE_NEXT = frozenset(
    {"in", "on", "at", "for", "since", "during", "by", "from", "near", "off", "last", "earlier", "after",
     "over", "inside", ","}
)  # fmt: skip


def captive_subject(words: list[str], match: Match, matches: list[Match]) -> bool:
    """'Twelve sailors held captive in Nigeria for two months were freed', 'the hostages, seized in
    May, have been released': a conflict participle after the subject noun describes the people
    whom a later passive release, return or handover acts on; it is no event of its own."""
    if match.entry.event_type not in MATERIAL_CONFLICT:
        return False
    i = match.start
    word = words[i]
    if i < 1 or not (word.endswith("ed") or word in IRREGULAR_PARTICIPLES):
        return False
    if words[i - 1] in AUXILIARY or words[i - 1] in PRONOUNS or words[i - 1] in CLAUSE_BREAK - {","}:
        return False
    if match.end < len(words) and words[match.end] not in PARTICIPLE_NEXT:
        return attributive_captive(words, match, matches)
    if match.end >= len(words):
        return False  # "police arrested 20 people, and five were released": a finite verb and its object
    for m in matches:
        if m.start < match.end or m.start - match.end > 15:
            continue
        return (
            m.entry.event_type in TRANSFER_TYPES
            and words[m.start - 1] in PASSIVE_AUX
            and SCOPE_BREAK.isdisjoint(words[match.end : m.start])
        )
    return False


COUNT_BEFORE = DETERMINERS | frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens",
     "hundreds", "several", "some", "all", "many", "those", "these"}
)  # fmt: skip


def attributive_captive(words: list[str], match: Match, matches: list[Match]) -> bool:
    """'Twelve detained aid workers were freed', 'the kidnapped engineers have been released': a
    conflict participle before the noun of a passive release describes the people released."""
    i = match.start
    counted = i == 0 or words[i - 1] in COUNT_BEFORE or words[i - 1][:1].isdigit()
    if not counted:
        return False
    for m in matches:
        if m.start < match.end:
            continue
        between = words[match.end : m.start - 1]
        return (
            m.entry.event_type in TRANSFER_TYPES
            and 1 <= len(between) <= 3
            and words[m.start - 1] in PASSIVE_AUX
            and CLAUSE_BREAK.isdisjoint(between)
            and "and" not in between
        )
    return False


# predicates that report the act a definite noun names as done: (word before, word)
DONE_PREDICATES = frozenset(
    {("took", "place"), ("was", "completed"), ("were", "completed"), ("been", "completed"),
     ("went", "ahead"), ("got", "underway"), ("was", "carried"), ("were", "carried"), ("been", "carried"),
     ("was", "confirmed"), ("were", "confirmed"), ("was", "marked"), ("was", "concluded"),
     ("was", "finished"), ("were", "finished")}
)  # fmt: skip


def done_predicate(words: list[str], end: int) -> bool:
    """'The release of 30 sailors held by rebels took place on Monday', 'the delivery of the tanks was
    completed': the noun phrase is the subject of a predicate that reports the act done."""
    for k in range(end, min(len(words), end + 14)):
        if words[k] in SCOPE_BREAK or words[k] == ",":
            return False
        if k > end and ((words[k - 1], words[k]) in DONE_PREDICATES or words[k] in DONE_STARTED):
            return True
    return False


COUNT_NOUNS = frozenset({"number", "total", "tally"})

# a verb that reports the act a definite noun names as under way ("the evacuation began on Monday")
DONE_STARTED = frozenset({"began", "begun", "started", "resumed"})


PEOPLE_PROTESTING = frozenset(
    {"protesters", "protestors", "demonstrators", "rioters", "strikers", "marchers", "protester",
     "protestor", "demonstrator"}
)  # fmt: skip
FORCE_ON_PEOPLE = frozenset({"COERCE", "ASSAULT"})


def protesters_acted_on(words: list[str], match: Match, kept: list[Match]) -> bool:
    """'Police arrested 30 protesters', 'fired tear gas at demonstrators': the protesters named as the
    object of an arrest or attack are the people it hits, not a protest event of their own."""
    if match.entry.event_type != "PROTEST" or match.end - match.start != 1:
        return False
    i = match.start
    if words[i] not in PEOPLE_PROTESTING:
        return False
    for m in reversed(kept):
        if m.end > i or i - m.end > 5:
            continue
        return m.entry.event_type in FORCE_ON_PEOPLE and CLAUSE_BREAK.isdisjoint(words[m.end : i])
    return False
