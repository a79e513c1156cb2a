"""Statements that look like events: long-standing positions, labels, states, capacities and the
economic sense of "demand". Pure functions of the token list and the trigger match; used by
``pipeline`` next to the no-event rules of ``rules``.
"""

from __future__ import annotations

from worker.coder.lexicon import Match
from worker.coder.roles import Mention, Roles
from worker.coder.rules import VERBAL, scan_back

PERFECT = frozenset({"has", "have", "had", "'ve"})

DURATION_UNITS = frozenset({"years", "decades", "generations", "decade", "generation"})

DURATION_FILLER = frozenset(
    {"more", "than", "nearly", "almost", "over", "about", "a", "many", "several", "two", "three", "four",
     "five", "six", "ten", "some", "the", "past", "last"}
)  # fmt: skip


def standing_position(words: list[str], match: Match) -> bool:
    """'Officials have warned for years that ...', 'has pushed for reform since 2010': a perfect tense
    over a span of years describes a position held, background to the news, not an event of the day.
    (A standing adverb alone, "has long refused talks", still reports the refusal.)"""
    i = match.start
    before = words[max(0, i - 3) : i]
    if PERFECT.isdisjoint(before) or counted_transfer(words, match):
        return False
    aux = max(k for k in range(max(0, i - 3), i) if words[k] in PERFECT)
    if any(w not in ("been", "also") for w in words[aux + 1 : i]):
        return False
    return _years_span(words, match.end)


TRANSFERS = frozenset({"AID", "COOPERATE", "RETREAT"})
AMOUNTS = frozenset({"million", "billion", "thousand", "thousands", "hundreds", "tonnes", "tons", "total"})


def counted_transfer(words: list[str], match: Match) -> bool:
    """'Sweden has spent 4.5 billion crowns on refugees since 2022', '12,000 soldiers have served in
    Cyprus since 1964': a counted total of material acts is a record of acts done, not a position."""
    if match.entry.event_type not in TRANSFERS:
        return False
    near = words[max(0, match.start - 6) : match.end + 4]
    return any(w[:1].isdigit() or w in AMOUNTS for w in near)


def _years_span(words: list[str], end: int) -> bool:
    """'for years', 'for more than a decade', 'since 2010' within a few tokens after the trigger."""
    stop = min(len(words), end + 8)
    for k in range(end, stop):
        word = words[k]
        if word in (",", ";", "that", "and", "but"):
            return False
        if word == "since" and k + 1 < len(words) and words[k + 1].isdigit() and len(words[k + 1]) == 4:
            return True
        if word != "for":
            continue
        j = k + 1
        while j < len(words) and j - k <= 4 and words[j] in DURATION_FILLER:
            j += 1
        return j < len(words) and words[j] in DURATION_UNITS
    return False


# "which Cairo sees as a threat", "regarded as an attack on": a view or label, not an act
VIEW_VERBS = frozenset(
    {"see", "sees", "saw", "seen", "regard", "regards", "regarded", "view", "views", "viewed", "consider",
     "considers", "considered", "perceive", "perceives", "perceived", "describe", "describes", "described",
     "portray", "portrays", "portrayed", "treat", "treats", "treated"}
)  # fmt: skip


def viewed_as(words: list[str], match: Match) -> bool:
    """'which Cairo sees as a threat to its water supply': the noun after 'as a' names how someone
    sees a thing (an opinion), not an act."""
    i = match.start
    if i < 3 or words[i - 1] not in ("a", "an", "the") or words[i - 2] != "as":
        return False
    return not VIEW_VERBS.isdisjoint(words[max(0, i - 9) : i - 2])


# "remained committed to", "remains opposed to": a state kept, not an act
REMAIN = frozenset({"remain", "remains", "remained"})

REMAIN_ADVERBS = frozenset({"firmly", "strongly", "fully", "deeply", "still", "staunchly", "steadfastly"})


def remains_so(words: list[str], match: Match) -> bool:
    """'Australia said it remained committed to its target', 'remains firmly opposed to the plan':
    the trigger is a state the subject is in."""
    i = match.start
    if i >= 1 and words[i - 1] in REMAIN:
        return True
    return i >= 2 and words[i - 2] in REMAIN and words[i - 1] in REMAIN_ADVERBS


# "its ability to defend", "the right to protest": a capacity or right, not the act itself
CAPACITY_NOUNS = frozenset(
    {"ability", "capacity", "capability", "capabilities", "right", "rights", "power", "means", "freedom",
     "authority"}
)  # fmt: skip


def capacity_to(words: list[str], match: Match) -> bool:
    """'confidence in its ability to defend the country', 'citizens have the right to protest': the
    infinitive after a noun of capacity or right names what could be done, not what was done."""
    i = match.start
    return i >= 2 and words[i - 1] == "to" and words[i - 2] in CAPACITY_NOUNS


MEANS_NOUNS = frozenset(
    {"consultation", "consultations", "dialogue", "negotiation", "negotiations", "talks", "mediation",
     "diplomacy"}
)  # fmt: skip

MEANS_FILLER = frozenset(
    {"and", "or", "dialogue", "peaceful", "direct", "bilateral", "diplomatic", "political", "friendly",
     "the", "negotiations", "talks", "consultation", "consultations", "mutual"}
)  # fmt: skip


def means_of(words: list[str], match: Match) -> bool:
    """'resolving disputes through dialogue and consultation': talks named as the way to do
    something are a method, not a meeting held."""
    i = match.start
    if words[i] not in MEANS_NOUNS:
        return False
    k = i - 1
    while k >= 0 and i - k <= 4 and words[k] in MEANS_FILLER:
        k -= 1
    return k >= 0 and words[k] in ("through", "via", "by")


# "weak demand from China", "demand for oil": the market's demand, not someone demanding
MARKET_DEMAND = frozenset(
    {"weak", "weaker", "weakening", "strong", "stronger", "global", "domestic", "consumer", "rising",
     "falling", "slowing", "slower", "higher", "lower", "robust", "sluggish", "soft", "softer", "firm",
     "firmer", "oil", "energy", "fuel", "power", "electricity", "gas", "export", "import", "market",
     "seasonal", "peak", "tepid", "solid", "buoyant", "subdued", "lacklustre", "lackluster", "weakness",
     "credit", "loan", "housing", "travel", "industrial", "external", "aggregate", "supply", "and"}
)  # fmt: skip

MARKET_DEMAND_WORDS = frozenset({"demand", "demands"})


def market_demand(words: list[str], match: Match) -> bool:
    """'citing power shortages and weak demand from China', 'supply and demand': the economic noun."""
    i = match.start
    if match.entry.event_type != "REQUEST" or words[i] not in MARKET_DEMAND_WORDS:
        return False
    if i >= 1 and words[i - 1] in MARKET_DEMAND:
        return words[i - 1] != "and" or (i >= 2 and words[i - 2] == "supply")
    return False


# "urged him to", "urged both sides to", "called on all parties to": an addressee without a name
OBJECT_PRONOUNS = frozenset(
    {"him", "her", "them", "us", "it", "me", "you", "both", "all", "each", "sides", "parties"}
)


DEMAND_VERBS = frozenset({"demanded", "demands", "demand", "demanding"})
CAPTIVES_FREED = frozenset({"release", "freedom", "freeing"})


def unaddressed(words: list[str], match: Match, mentions: list[Mention], roles: Roles) -> bool:
    """'Myanmar's president called for reform of the constitution', 'the minister urged restraint':
    an appeal or demand addressed to nobody states a position; CAMEO events are dyadic. Addressed are
    a recipient, an object pronoun or quantifier ('urged him to', 'urged both sides to'), a foreign
    place whose parties are meant ('a ceasefire in Gaza') or a party of another country named after
    the trigger ('a truce between the army and the RSF')."""
    if any(r not in roles.actors for r in roles.recipients):
        return False
    if words[match.start] in DEMAND_VERBS and not CAPTIVES_FREED.isdisjoint(words[match.end : match.end + 4]):
        return False  # "demanded the release of its leader": addressed to whoever holds him
    own = {m.country for m in mentions if m.tok_end <= match.start}  # the speaker's side
    if roles.location is not None and roles.location.country not in own:
        return False
    after = range(match.end, match.end + 12)
    if any(m.tok_start in after and m.country is not None and m.country not in own for m in mentions):
        return False
    return OBJECT_PRONOUNS.isdisjoint(words[match.start : match.end + 2])


# CAMEO 02 APPEAL, which the PLOVER manual's CAMEO-to-PLOVER table drops: urging, appealing, asking
APPEAL_WORDS = frozenset(
    {"urge", "urged", "urges", "urging", "appeal", "appealed", "appeals", "appealing", "plea", "pleas",
     "plead", "pleaded", "pleads", "pleading", "implore", "implored", "implores", "imploring",
     "encourage", "encouraged", "encourages", "encouraging", "invite", "invited", "invites", "inviting",
     "ask", "asked", "asks", "asking", "request", "requested", "requests", "requesting", "call",
     "called", "calls", "calling"}
)  # fmt: skip
APPEAL_NOUNS = frozenset({"appeal", "appeals", "plea", "pleas"})

# what makes an appeal a demand (CAMEO 10, PLOVER REQUEST): "called for Moscow to immediately halt"
DEMAND_MARKERS = frozenset(
    {"demand", "demanded", "demands", "demanding", "insist", "insisted", "insists", "insisting",
     "must", "immediately", "immediate", "ultimatum"}
)  # fmt: skip


def appeal(words: list[str], match: Match) -> bool:
    """'urged Europe to press Myanmar', 'called on the U.S. to lift sanctions', 'issued a plea to the
    Taliban': an appeal (CAMEO 02), which the PLOVER manual's translation table drops; REQUEST keeps
    demands and orders (CAMEO 10). An appeal that insists ('must', 'immediately', 'at once', 'without
    delay', 'demanded') is a demand."""
    trigger = words[match.start : match.end]
    if words[match.start] not in APPEAL_WORDS and APPEAL_NOUNS.isdisjoint(trigger):
        return False
    if not DEMAND_MARKERS.isdisjoint(words):
        return False
    return not (_bigram(words, "at", "once") or _bigram(words, "without", "delay"))


def _bigram(words: list[str], first: str, second: str) -> bool:
    return any(w == first and words[k + 1] == second for k, w in enumerate(words[:-1]))


# "the report, released on Wednesday, said": a document published, nobody freed
DOCUMENTS = frozenset(
    {"report", "reports", "study", "survey", "data", "figures", "statistics", "statement", "review", "audit",
     "assessment", "index", "document", "documents", "findings", "paper", "book", "poll", "forecast"}
)  # fmt: skip

WHEN_AFTER = frozenset(
    {"on", "in", "last", "this", "yesterday", "today", "earlier", "late", "at", "by", "early"}
)


def document_released(words: list[str], match: Match) -> bool:
    """'The report by the IMF, released on Wednesday, said ...': an appositive 'released' after a
    document names its publication, not a release of captives."""
    i = match.start
    if words[i] != "released" or i < 2 or words[i - 1] != ",":
        return False
    if match.end < len(words) and words[match.end] not in WHEN_AFTER:
        return False
    return not DOCUMENTS.isdisjoint(words[max(0, i - 8) : i - 1])


REFUGEES = frozenset({"refugees", "migrants", "asylum-seekers", "displaced", "evacuees"})

HOST_FORMS = frozenset({"host", "hosts", "hosted", "hosting"})


def hosts_refugees(words: list[str], match: Match) -> bool:
    """'Bangladesh has hosted a million Rohingya refugees': sheltering people, not receiving a visit."""
    if match.entry.event_type != "CONSULT" or words[match.start] not in HOST_FORMS:
        return False
    return not REFUGEES.isdisjoint(words[match.end : match.end + 8])


FIRES = frozenset({"fire", "fires", "blaze", "blazes"})


# "killed when a bus plunged into a ravine", "the ferry capsized": accidents
ACCIDENTS = frozenset(
    {"accident", "accidents", "plunged", "derailed", "derailment", "collided", "collision", "capsized",
     "overturned", "stampede"}
)  # fmt: skip


def accident(words: list[str]) -> bool:
    """'the fire, which broke out in a textile factory, killed 14 workers', 'killed when a bus
    plunged into a ravine': an accident, like a natural disaster, kills nobody by someone's attack."""
    if not ACCIDENTS.isdisjoint(words):
        return True
    if FIRES.isdisjoint(words):
        return False
    for k, word in enumerate(words):
        if word in FIRES and "out" in words[k + 2 : k + 6] and "broke" in words[k + 1 : k + 5]:
            return True  # "the fire broke out", "a fire, which broke out"
    return False


# "a UN fact-finding team issued a report": the investigators as the subject of their findings
FINDINGS_VERBS = frozenset(
    {"said", "says", "issued", "issues", "found", "finds", "reported", "reports", "concluded", "concludes",
     "published", "released", "told", "recommended", "recommends", "documented", "wrote", "estimated"}
)  # fmt: skip


VERB_BEFORE = frozenset(
    {"is", "are", "was", "were", "will", "would", "to", "has", "have", "had", "been", "be", "and", "also"}
)


def investigators_report(words: list[str], match: Match) -> bool:
    """'An independent fact-finding team issued a report that found ...': the team is the subject
    that reports; no investigation is opened in this sentence."""
    if match.entry.mode != "investigate" or match.end >= len(words):
        return False
    if match.start >= 1 and words[match.start - 1] in VERB_BEFORE:
        return False  # "is investigating reports of abuses": "reports" is the object
    return words[match.end] in FINDINGS_VERBS and words[match.start] not in FINDINGS_VERBS


# "asked whether Chile would expel", "analysts expect Turkey to criticise": a question or a forecast
QUESTION_OR_FORECAST = frozenset({"whether", "expect", "expects", "expected", "expecting"})

QUESTION_STOPS = frozenset({",", ";", ":", "said", "says", "but", "and", "that", "who", "which"})


def question_or_forecast(words: list[str], match: Match) -> bool:
    """'Asked whether Chile would expel the diplomats, the minister said ...', 'analysts expect Turkey
    to criticise the decision', 'the court is expected to convict him': the act is asked about or
    forecast, not done."""
    return scan_back(words, match.start, 6, QUESTION_OR_FORECAST, QUESTION_STOPS) >= 0


def generic_condemnation(words: list[str], match: Match) -> bool:
    """'he said he would condemn any attack on civilians': a stance on whatever may happen."""
    return match.entry.event_type == "ACCUSE" and match.end < len(words) and words[match.end] == "any"


# what stands between ", which/who" and a background trigger: "which has long accused", "who had been held"
_HISTORY_WORDS = frozenset({"long", "repeatedly", "previously", "often", "frequently", "already", "twice"})
_HISTORY_FILLER = frozenset({"been", "also", "itself", "themselves"})


def background_relative(words: list[str], match: Match) -> bool:
    """'The Commission, which has repeatedly criticised Budapest, said ...': a perfect or habitual
    verbal act in a non-restrictive relative clause is the participant's history, not the news."""
    i = match.start
    if match.entry.event_type not in VERBAL:
        return False
    for r in range(i - 1, max(-1, i - 5), -1):
        if words[r] in ("which", "who"):
            between = words[r + 1 : i]
            return (
                r >= 1
                and words[r - 1] == ","
                and bool(between)
                and all(w in PERFECT or w in _HISTORY_WORDS or w in _HISTORY_FILLER for w in between)
                and any(w in PERFECT or w in _HISTORY_WORDS for w in between)
            )
    return False


_CONDITION = frozenset({"until", "unless"})
_REFUSING = frozenset({"not", "never", "n't", "no", "refuse", "refused", "refuses", "refusing"})
_CONDITION_BREAK = frozenset({";", ":", "but", "while", "after", "before", "because", "since"})


def refusal_condition(words: list[str], match: Match) -> bool:
    """'will not end the strike until the app taxis are banned': what a refusal waits for is its
    condition, not an event; the refusal is."""
    k = scan_back(words, match.start, 11, _CONDITION, _CONDITION_BREAK)
    return k >= 0 and not _REFUSING.isdisjoint(words[max(0, k - 10) : k])


def statement_like(words: list[str], match: Match) -> bool:
    """Any of the rules of this module: the trigger describes a position, view, state, capacity or
    market, so it is no event of its own."""
    return (
        standing_position(words, match)
        or viewed_as(words, match)
        or remains_so(words, match)
        or capacity_to(words, match)
        or means_of(words, match)
        or market_demand(words, match)
        or document_released(words, match)
        or hosts_refugees(words, match)
        or investigators_report(words, match)
        or question_or_forecast(words, match)
        or generic_condemnation(words, match)
        or refusal_condition(words, match)
        or uncounted_service(words, match)
    )


SERVICE = frozenset({"served", "serve", "serving"})


def uncounted_service(words: list[str], match: Match) -> bool:
    """'soldiers who served in Iraq were honoured': service named without a count describes people;
    '12,000 soldiers served with the UN force' records a deployment."""
    return words[match.end - 1] in SERVICE and not counted_transfer(words, match)


QUESTION_OPENERS = frozenset(
    {"will", "would", "can", "could", "should", "is", "are", "was", "were", "does", "do", "did", "has",
     "have", "why", "how", "what", "who", "where", "when", "which"}
)  # fmt: skip
COMMENT_LABELS = frozenset(
    {"opinion", "analysis", "commentary", "comment", "editorial", "explainer", "factbox", "op-ed",
     "column", "view", "insight", "q&a", "timeline", "quiz"}
)  # fmt: skip
_QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "«", "»"})


def question_or_comment_line(words: list[str]) -> bool:
    """A direct question ("Will Iran Strike Back?") or a line labelled as comment ("Opinion: ...",
    "Analysis - ..."): it tells of no act."""
    if not words:
        return False
    first = 1 if words[0] in _QUOTES and len(words) > 1 else 0
    if words[first] in COMMENT_LABELS and first + 1 < len(words) and words[first + 1] in (":", "-", "|"):
        return True
    if words[first] not in QUESTION_OPENERS or "?" not in words:
        return False
    # a heading keeps its question and the title of its answer on one line: "Will X Attack? What We Know";
    # a quoted question goes on with its reporting clause: '"Will they attack?" the mayor asked, ...'
    rest = words[words.index("?") + 1 :]
    return not rest or rest[0] not in _QUOTES or all(w in _QUOTES for w in rest)
