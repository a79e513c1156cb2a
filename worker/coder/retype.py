"""PLOVER re-typing rules: the event a trigger stands for in its context (promises, refusals,
demands, diplomatic protests, riots, material cooperation), from the manual and codebook.

Pure functions of the token list, the trigger match and its clause facts; used by ``pipeline``.
"""

from __future__ import annotations

from itertools import pairwise

from worker.coder.actors import sector_words
from worker.coder.clauses import CONDITIONAL, ClauseInfo
from worker.coder.lexicon import Lexicon, Match
from worker.coder.roles import Mention
from worker.coder.rules import MATERIAL_CONFLICT, VERBAL, scan_back

MUST = frozenset({"must", "should"})

MUST_TO = frozenset({"has", "have", "needs", "need", "ought"})

STATE_SECTORS = frozenset({None, "GOV", "DIP", "MIL", "LEG", "JUD", "SPY", "IGO"})

PROTEST_TO = frozenset({"to", "against", "over", "at", "with", "formally", "strongly", "the"})

COOPERATION = frozenset({"cooperation", "co-operation", "coordination", "partnership"})

MATERIAL_CONTEXTS = frozenset(
    {"economic", "military", "intelligence", "legal", "crime", "illegal_drugs", "migration", "cyber"}
)

PROTESTERS = frozenset(
    {"protesters", "protestors", "demonstrators", "rioters", "mob", "mobs", "crowd", "crowds", "strikers"}
)

WILL_NOT = frozenset({"will", "would", "wo", "shall", "going", "gonna"})


def demanded(words: list[str], match: Match, clause: ClauseInfo) -> bool:
    """Reported "Y must/should/has to <act>": an obligation the speaker puts on Y (a demand)."""
    if not clause.reported or clause.speaker_start < 0 or clause.negated:
        return False
    window = words[max(clause.region_start, match.start - 4) : match.start + 1]
    if not MUST.isdisjoint(window):
        return True
    if any(a in MUST_TO and b == "to" for a, b in pairwise(window)):
        return True
    return words[clause.speaker_end] in INSIST and subjunctive(words, match)


_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our", "any"}
)  # fmt: skip
# speech verbs whose "that" clause in the bare verb form is a demand ("insisted that Togo apologise")
INSIST = frozenset({"insisted", "insists", "insist", "insisting"})
_FINITE_BEFORE = frozenset(
    {"will", "would", "can", "could", "may", "might", "had", "has", "have", "did", "does", "do", "was",
     "were", "is", "are", "to", "not", "never"}
)  # fmt: skip


def subjunctive(words: list[str], match: Match) -> bool:
    """'that Togo apologise', 'that the troops withdraw': a bare verb after its subject, no auxiliary."""
    i = match.start
    verb = words[i]
    return (
        not match.entry.noun
        and i >= 2
        and words[i - 1] not in _DETERMINERS
        and words[i - 1] not in _FINITE_BEFORE
        and words[i - 1] != "that"
        and verb.isalpha()
        and not verb.endswith(("s", "ed", "ing"))
    )


def refusal(lexicon: Lexicon, words: list[str], match: Match, clause: ClauseInfo) -> bool:
    """'failed to reach', 'refused to release', 'will not end': a refusal, not a negated event."""
    window = words[max(clause.region_start, match.start - 4) : match.start]
    if not lexicon.cue_set("refusal_negators").isdisjoint(window):
        return True
    return ("not" in window or "n't" in window or "'t" in window) and not WILL_NOT.isdisjoint(window)


# aspect verbs whose object is the conflict itself ("vowed to step up attacks", "to renew its campaign
# of strikes")
ASPECT_BASE = frozenset(
    {"continue", "resume", "renew", "step", "intensify", "escalate", "launch", "carry", "wage", "expand",
     "keep", "mount", "stage", "conduct", "pursue", "increase", "widen", "extend", "rekindle", "revive",
     "restart", "redouble", "ramp", "escalating", "continuing"}
)  # fmt: skip

VOW_STOPS = frozenset({",", ";", ":", "that", "but", "while", "who", "which", "by", "after", "if", "unless"})


def conflict_after(
    words: list[str], match: Match, matches: list[Match], abstract: frozenset[str] = frozenset()
) -> Match | None:
    """The material conflict trigger in the "to"-infinitive of ``match`` ("vowed to annex", "threatened
    to impose sanctions"), or the object of an aspect verb there ("vowed to step up attacks", "to renew
    its campaign of strikes"), if any; not a metaphor ("to fight corruption", ``abstract`` objects).
    A concession ("suspended plans to impose a curfew") only through an aspect verb of its own."""
    if match.entry.event_type == "CONCEDE" and words[match.end - 1] not in ASPECT_BASE:
        return None
    for m in matches:
        if m.entry.event_type not in MATERIAL_CONFLICT or not match.end <= m.start <= match.end + 8:
            continue
        if not abstract.isdisjoint(words[m.end : m.end + 3]):
            return None
        between = words[match.end : m.start]
        if "to" not in words[match.start : m.start] or not VOW_STOPS.isdisjoint(between):
            return None
        if 0 < m.start - match.end <= 3 and "to" in between:
            return m
        if (
            m.start == match.end
            and words[match.end - 1] == "to"
            and not words[match.start].startswith("agree")
        ):
            return m  # "ready to ban", "prepared to use force" ("agreed to impose sanctions" decides them)
        return None if ASPECT_BASE.isdisjoint(words[match.start : m.start]) else m
    return None


# THREATEN modes (codebook) by the type/mode of the act threatened
_THREAT_MODES = {
    ("COERCE", "arrest"): "arrest", ("COERCE", "ban"): "ban", ("COERCE", "restrict"): "restrict",
    ("COERCE", "curfew"): "restrict", ("COERCE", "martial-law"): "restrict", ("COERCE", "seize"): "territory",
    ("COERCE", "censor"): "rights", ("SANCTION", "expel"): "expel", ("SANCTION", "discontinue"): "relations",
    ("SANCTION", "withdraw"): "relations",
}  # fmt: skip


def threat_mode(event_type: str, mode: str | None) -> str | None:
    """The codebook's THREATEN mode for a threatened act: violence for any assault."""
    if event_type == "ASSAULT":
        return "violence"
    return _THREAT_MODES.get((event_type, mode or ""))


def diplomatic_protest(
    words: list[str], match: Match, actors: list[Mention], recipients: list[Mention] | None = None
) -> bool:
    """'Japan protested to Beijing over ...', 'Manila Protests Chinese Coast Guard Actions': a state's
    verbal protest is ACCUSE; strikes, rallies and people protesting outside an embassy stay PROTEST."""
    if match.entry.mode != "demo" or not words[match.start].startswith("protest"):
        return False
    if match.end >= len(words):
        return False
    # "protested Chinese actions": a foreign party right after the verb, protested by a state (not its people)
    transitive = any(m.tok_start == match.end and m.country is not None for m in recipients or ())
    if words[match.end] not in PROTEST_TO and not transitive:
        return False
    # the state is the subject right before the verb ("Japan (formally) protested")
    near = [m for m in actors if 0 <= match.start - m.tok_end <= 2]
    if words[match.end] not in PROTEST_TO:
        near = [m for m in near if m.mention.kind not in ("demonym", "domestic")]
    return any(m.country is not None and m.sector in STATE_SECTORS for m in near)


def material_cooperation(words: list[str], match: Match, contexts: list[str]) -> bool:
    """Codebook: expanding diplomatic cooperation is SUPPORT, economic/military/judicial/intelligence
    cooperation is COOPERATE; the sentence's context cues decide."""
    if words[match.end - 1] not in COOPERATION:
        return False  # "expanded cooperation", not "signed a cooperation agreement" (SUPPORT)
    return not MATERIAL_CONTEXTS.isdisjoint(contexts) and "diplomatic" not in contexts


def protesters(actors: list[Mention], words: list[str], match: Match) -> bool:
    """The attackers are protesters (actor head noun, or the subject just before the trigger)."""
    if any(not PROTESTERS.isdisjoint(m.mention.text.lower().split()) for m in actors):
        return True
    return not PROTESTERS.isdisjoint(words[max(0, match.start - 3) : match.start])


def reported_would(lexicon: Lexicon, words: list[str], match: Match, clause: ClauseInfo) -> bool:
    """In reported speech "would" is the future seen from the past ("said it would withdraw"), not a
    hypothesis, unless another modal or a condition says so."""
    if not clause.reported or not clause.hypothetical or clause.kind == CONDITIONAL:
        return False
    window = words[max(clause.region_start, match.start - 5) : match.start]
    if "would" not in window and "'d" not in window:
        return False
    others = lexicon.cue_set("hypothetical") - {"would"}
    return others.isdisjoint(window) and "if" not in words[match.end :]


ORDER_VERBS = frozenset(
    {"ordered", "orders", "order", "ordering", "instructed", "instructs", "instruct", "directed", "directs",
     "direct", "commanded", "commands"}
)  # fmt: skip

FORCES = frozenset(
    {"troops", "soldiers", "army", "military", "forces", "police", "policemen", "officers", "security",
     "navy", "warships", "jets", "units", "tanks", "reservists", "guard", "guards", "militia", "militias",
     "commandos", "paratroopers", "marines", "gendarmes", "gendarmerie", "army's", "battalion", "brigade"}
)  # fmt: skip

POLICE = frozenset({"police", "policemen", "officers", "security", "gendarmes", "gendarmerie"})


def ordered_act(words: list[str], match: Match, matches: list[Match]) -> tuple[str, str | None] | None:
    """'ordered troops to the border', 'ordered police to disperse the crowd': an order to one's own
    armed or police forces is the act ordered (its type and mode, the one who ordered as actor),
    not a request (an investigation included); an order to go somewhere or to take positions is a
    deployment (MOBILIZE). Verbal acts ("ordered the army to negotiate") stay a REQUEST."""
    if words[match.start] not in ORDER_VERBS or FORCES.isdisjoint(words[match.start : match.end]):
        return None
    for m in matches:
        if match.end <= m.start <= match.end + 2:
            if m.entry.event_type not in VERBAL or m.entry.mode == "investigate":
                return m.entry.event_type, m.entry.mode
            return None  # "ordered the army to negotiate": a verbal act stays a REQUEST
    if match.end < len(words) and words[match.end - 1] == "to":
        # "ordered troops to the border", "ordered troops to take up positions": a deployment
        police = not POLICE.isdisjoint(words[match.start : match.end])
        return "MOBILIZE", "police" if police else "troops"
    return None


CONDITION = frozenset({"if", "unless"})

WOULD_WILL = frozenset({"would", "will", "'d", "'ll", "wo", "shall", "could", "might", "may"})

STOPPAGES = frozenset({"strike", "boycott", "obstruct"})


def conditional_threat(words: list[str], match: Match, clause: ClauseInfo) -> bool:
    """'Iran said it would strike US bases if ...', 'will arrest them unless ...', 'a strike could
    follow if ...': coercion, force or a stoppage announced on a condition is a threat (CAMEO 13), not
    a hypothetical act."""
    entry = match.entry
    if entry.event_type not in MATERIAL_CONFLICT and not (
        entry.event_type == "PROTEST" and entry.mode in STOPPAGES
    ):
        return False
    if clause.negated or clause.kind == CONDITIONAL:
        return False
    modal = words[max(clause.region_start, match.start - 4) : match.start] + words[match.end : match.end + 2]
    if WOULD_WILL.isdisjoint(modal):
        return False  # "would strike", "a strike could follow"
    return not CONDITION.isdisjoint(words[match.end : match.end + 15])


CYBER = frozenset(
    {"cyber", "cyberattack", "cyberattacks", "cyber-attack", "ransomware", "hacking", "hacker", "hackers",
     "malware", "ddos", "phishing", "computer", "computers", "online", "digital"}
)  # fmt: skip


def cyber_attack(words: list[str], match: Match) -> bool:
    """'a cyber attack', 'carried out a ransomware attack', 'an attack by hackers': no physical
    violence (COERCE cyber). The attack's modifiers just before it, its agent or target just after."""
    before = words[max(0, match.start - 2) : match.end]
    return not CYBER.isdisjoint(before) or not CYBER.isdisjoint(words[match.end : match.end + 6])


SEND_VERBS = frozenset(
    {"sent", "send", "sends", "sending", "dispatched", "dispatch", "dispatches", "dispatching", "deployed",
     "deploy", "deploys", "deploying"}
)  # fmt: skip


def sent_to_investigate(
    words: list[str], match: Match, matches: list[Match]
) -> tuple[str, str | None] | None:
    """'sent a team of engineers to investigate the bridge collapse': sending investigators is the
    investigation (ACCUSE investigate), not aid or a deployment."""
    if words[match.start] not in SEND_VERBS:
        return None
    for m in matches:
        if (
            m.entry.mode == "investigate"
            and match.end <= m.start <= match.end + 10
            and words[m.start - 1] == "to"
        ):
            return m.entry.event_type, m.entry.mode
    return None


EXERCISES = frozenset(
    {"exercise", "exercises", "drill", "drills", "games", "game", "maneuvers", "manoeuvres", "maneuver",
     "wargames", "war-games"}
)  # fmt: skip
JOINT = frozenset({"joint", "jointly", "combined", "together"})

UNARMED_PURPOSE = frozenset(
    {"train", "monitor", "observe", "supervise", "oversee", "assist", "deliver", "distribute", "rebuild",
     "evacuate", "rescue", "treat", "vaccinate", "advise", "mentor", "demine", "clear"}
)  # fmt: skip


def joint_exercise(words: list[str], match: Match, taking_part: list[Mention]) -> bool:
    """Manual: joint military exercises are COOPERATE, single-country ones MOBILIZE: an exercise held
    jointly ("combined drills"), with allies ('Chile and its allies staged naval drills') or by forces
    of two countries among ``taking_part`` (actors and partners)."""
    if EXERCISES.isdisjoint(words[match.start : match.end]):
        return False
    if not JOINT.isdisjoint(words) or "allies" in words[: match.start]:
        return True
    return len({m.country for m in taking_part if m.country is not None}) >= 2


def unarmed_purpose(words: list[str], match: Match) -> bool:
    """'a unit deployed to Bolivia to train border guards', 'a team to monitor the ceasefire':
    forces sent for training, monitoring or relief are aid, not a show of force."""
    for k in range(match.end, min(len(words) - 1, match.end + 14)):
        if words[k] in (";", "but", "while"):
            return False
        if words[k] == "to" and words[k + 1] in UNARMED_PURPOSE:
            return True
    return False


# civilians whose blockade or occupation is a protest: "fishermen blockaded the port"
CIVILIAN_GROUPS = frozenset(
    {"fishermen", "farmers", "truckers", "villagers", "miners", "dockers", "workers", "residents"}
)
DISSENTERS = PROTESTERS | {"activists", "students", "marchers", "picketers"} | CIVILIAN_GROUPS

SUBJECT_STOPS = frozenset({",", ";", ":", "that", "who", "which", "after", "when", "while", "but", "said"})

PROTEST_ACTS = frozenset({"restrict", "seize"})


def protesters_act(words: list[str], match: Match, event_type: str, mode: str | None) -> bool:
    """Manual: a blockade or occupation by demonstrators is PROTEST obstruct, and the demand of a
    protest ("activists gathered outside the palace to demand his resignation") is its topic, coded
    as the PROTEST. The subject (up to 12 tokens before, same clause) names the dissenters."""
    if not (event_type == "REQUEST" or (event_type == "COERCE" and mode in PROTEST_ACTS)):
        return False
    subjects = DISSENTERS if event_type == "COERCE" else PROTESTERS
    # activists or students who ask for something make a REQUEST
    return scan_back(words, match.start, 12, subjects, SUBJECT_STOPS) >= 0


# a CONCEDE trigger that only expresses a concession: intent, promise, offer, readiness (CAMEO 03),
# an apology or regret (CAMEO 055), or the legal acts the manual keeps under CONCEDE (pardons, amnesty)
_CONCESSION_WORDS = (
    "agree", "agreed", "agrees", "agreeing", "agreement", "willing", "willingness", "ready", "readiness",
    "prepared", "open", "promise", "promised", "promises", "promising", "pledge", "pledged", "pledges",
    "pledging", "vow", "vowed", "vows", "vowing", "offer", "offered", "offers", "offering", "commit",
    "commits", "committed", "commitment", "announce", "announced", "announces", "announcing", "signal",
    "signalled", "signaled", "signals", "express", "expressed", "expresses", "expressing", "undertake",
    "undertook", "undertakes", "propose", "proposed", "proposes", "proposing", "intention", "intend",
    "intends", "intended", "plan", "plans", "planned", "say", "said", "says", "would", "will",
    "apologize", "apologized", "apologizes", "apologise", "apologised", "apologises", "apology",
    "apologies", "regret", "regrets", "regretted", "remorse", "pardon", "pardoned", "pardons",
    "amnesty", "acquit", "acquitted", "acquits", "clemency",
)  # fmt: skip
EXPRESSED_CONCESSION = frozenset(_CONCESSION_WORDS)


def concession_carried_out(words: list[str], match: Match, clause: ClauseInfo) -> bool:
    """'lifted a travel ban on the journalist', 'called off the strike', 'repealed the boycott law',
    'conceded to the drivers' demands': a concession done, with immediate material consequences (the
    codebook's CONCEDE rows are promises and declarations; CAMEO 08 YIELD, material cooperation). The
    type stays CONCEDE; ``taxonomy`` gives it root 08 and material cooperation. Promises, offers,
    readiness, apologies and pardons are not carried out."""
    if clause.future or clause.hypothetical or clause.negated:
        return False
    return words[match.start] not in EXPRESSED_CONCESSION


PROGRAMMES = frozenset(
    {"programme", "programmes", "program", "programs", "scheme", "schemes", "project", "projects", "fund",
     "funds", "initiative", "initiatives", "facility"}
)  # fmt: skip


def domestic_programme(
    words: list[str], match: Match, actors: list[Mention], recipients: list[Mention]
) -> bool:
    """'launched a welfare programme for rural women': a programme launched for the actor's own people
    is domestic policy, no event; aid only when an IGO launches it or it reaches another country."""
    if PROGRAMMES.isdisjoint(words[match.start : match.end]):
        return False
    if any(m.sector == "IGO" for m in actors):
        return False
    own = {m.country for m in actors}
    return not any(m.country is not None and m.country not in own for m in recipients)


_SUBJECT_JOINERS = frozenset({",", "and", "'s", "’s", "&"})


def headline_future(words: list[str], mentions: list[Mention], match: Match, clause: ClauseInfo) -> bool:
    """A headline's "to"-future: "Japan to Send Troops", "EU, Canada to Hold Joint Drills" (a subject
    right before the "to" of the trigger or of its light verb, no verb of its own: it will, or plans to)."""
    if clause.future:
        return False
    to_at = match.start - 1
    if to_at >= 1 and words[to_at] != "to":
        to_at -= 1  # "to hold joint patrols"
    if to_at < 1 or words[to_at] != "to":
        return False
    covered = [False] * to_at
    ends_at_to = False
    for m in mentions:
        if m.tok_start < to_at:
            for k in range(m.tok_start, min(m.tok_end, to_at)):
                covered[k] = True
            ends_at_to = ends_at_to or m.tok_end == to_at
    if not ends_at_to:
        return False
    start = clause.region_start
    titles = sector_words()  # "Pakistan PM to Meet"
    return all(covered[k] or words[k] in _SUBJECT_JOINERS or words[k] in titles for k in range(start, to_at))
