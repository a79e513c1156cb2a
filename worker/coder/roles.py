"""Actor and recipient assignment from actor mentions, the trigger and its clause.

Rules (positional, no parser):
- actor: the nearest non-locative mention before the trigger inside its clause, with mentions coordinated
  to it ("X and Y"); a relative clause takes its antecedent, an infinitive/participle the subject of the
  governing clause, reported content with no subject of its own takes the speaker ("Seoul said it would ...").
- passive ("was attacked by X"): X is the actor, the subject the recipient (the possessor of a named act:
  "X's strike on Y was condemned by Z" hits X); an agentless passive act ("were expelled from X", "were
  arrested in X", "were killed in an attack in X") has the subject as recipient and the government of
  the place as actor.
- a relative clause closed before the trigger (", which ..., agreed", "the militia that attacked Y was
  sanctioned") holds no subject; "ambassador to X", "rapporteur on X" are titles, not subjects.
- "received X from Y", "came under fire from Y", "drew condemnation from Y": Y acts.
- recipient: the nearest mention after the trigger in the clause (with its coordination).
- "with X" for CONSULT/AGREE/SUPPORT and "between X and Y", and two-sided violence: all are actors,
  no recipient (PLOVER reciprocal events); "with X" for COOPERATE/AID stays the recipient.
- host/receive patterns swap the roles (visitor = actor, host = recipient).
- locative mentions ("in X", "at X") are not actors; for material conflict they become the recipient
  when nothing else is, and the event's location.
- domestic actors without a country get the nearest country in the sentence, else the article's
  dominant country.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from worker.coder.clauses import ClauseInfo
from worker.coder.lexicon import Lexicon, Match
from worker.coder.model import ActorMention
from worker.coder.rules import DETERMINERS

_COORD = frozenset({"and", ",", "&", "the", "its", "their"})
_CLAUSE_END = frozenset({";", ":", "who", "which", "while", "whereas", "although", "but"})
_MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION"})
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "DIP", "REB", "OPP", "PTY", "COP", "JUD", "LEG", "SPY", "IGO", "INS", "UAF", "MOD", "HRI"}
    | {"PRM"}  # militias and paramilitaries are armed political actors
)


@dataclass(slots=True)
class Mention:
    tok_start: int
    tok_end: int
    mention: ActorMention
    country: str | None
    sector: str | None
    against: bool = False  # "anti-X", "pro-X": a stance, never the actor
    supporter: bool = False  # "forces backed by X": the agent of a participle, not the subject


@dataclass(slots=True)
class Roles:
    actors: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    location: Mention | None = None
    partners: list[list[Mention]] = field(default_factory=list)  # "separate" calls: one event per group


def attach(mentions: list[ActorMention], text: str, starts: list[int], ends: list[int]) -> list[Mention]:
    """Map sentence-relative character spans of mentions to token spans."""
    out: list[Mention] = []
    for m in mentions:
        ts = bisect_right(ends, m.start)  # the first token ending after the mention starts
        te = max(ts, bisect_left(starts, m.end))  # the first token starting at or after its end
        if te > ts:
            against = m.kind == "owner" or (
                m.start > 0 and text[max(0, m.start - 5) : m.start].lower().endswith(_STANCE)
            )
            out.append(Mention(ts, te, m, m.country, m.sector, against))
    return out


_STANCE = ("anti-", "pro-", "anti ", "non-")


def refine_sectors(lexicon: Lexicon, tokens: list[str], mentions: list[Mention]) -> None:
    """'North Korean soldiers', "South Korea's military": the head noun after a mention sets its sector."""
    nouns: dict[str, str] = lexicon.cues.get("sector_nouns", {})
    for m in mentions:
        k = m.tok_end
        if k < len(tokens) and tokens[k] == "'s":
            k += 1
        for width in (2, 1):
            if k + width <= len(tokens):
                phrase = " ".join(tokens[k : k + width])
                sector = nouns.get(phrase)
                if sector is not None:
                    m.sector = sector
                    break


# seas, world regions ("South China Sea") and ethnic groups ("Kurdish") have no country on purpose
_NEVER_FILLED = frozenset({"location", "ethnic"})
# mentions whose code is no home country for a domestic actor next to them
_NO_COUNTRY_SOURCE = frozenset({"igo", "owner"})


# "a coalition led by Saudi Arabia": the leader's country is the group's; other words are no participles
_NOT_PARTICIPLES = frozenset(
    {"need", "speed", "seed", "feed", "bed", "red", "shed", "hundred", "led", "headed"}
)
_AUXILIARIES = frozenset(
    {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "get", "got", ",", "and"}
)


# participles whose agent performs the act itself: "missiles fired by the Armenian army struck a village"
_AGENT_ACTS = frozenset(
    {"fired", "launched", "dropped", "flown", "driven", "carried", "conducted", "operated", "deployed",
     "sent", "planted", "detonated", "thrown", "shot"}
)  # fmt: skip


def mark_supporters(tokens: list[str], mentions: list[Mention]) -> None:
    """ "Forces backed by Russian warplanes", "rebels armed by Iran": the by-agent of a participle that
    modifies a noun (no auxiliary before it) describes a backer; it neither acts in the main clause nor
    gives its country to the domestic mention it modifies."""
    for m in mentions:
        k = m.tok_start - 1
        if k >= 0 and tokens[k] in ("the", "its", "their"):
            k -= 1
        if k < 2 or tokens[k] != "by":
            continue
        verb = tokens[k - 1]
        participle = verb.endswith(("ed", "en")) and verb not in _NOT_PARTICIPLES
        if participle and verb not in _AGENT_ACTS and tokens[k - 2] not in _AUXILIARIES:
            m.supporter = True


_COUNTRY_REFERENCES = ("the country", "the nation", "the kingdom", "the island nation", "the republic")


def home_country(m: ActorMention) -> str | None:
    """The country a mention can lend to a domestic actor: none for IGOs and flag states."""
    return None if m.kind in _NO_COUNTRY_SOURCE else m.country


_PEOPLE_KINDS = frozenset({"demonym", "title"})  # "Chinese engineers", "Nepali workers"
# adjuncts that set a later mention apart from the clause ("freed prisoners after U.S. mediation")
_ADJUNCT_OPENERS = frozenset({"after", "following", "amid", "despite", "before"})


def _distance(o: Mention, m: Mention, words: list[str] | None) -> int:
    """Token distance, farther across an adjunct opener between the two mentions."""
    lo, hi = (o.tok_end, m.tok_start) if o.tok_start < m.tok_start else (m.tok_end, o.tok_start)
    apart = words is not None and not _ADJUNCT_OPENERS.isdisjoint(words[lo:hi])
    return abs(o.tok_start - m.tok_start) + (20 if apart else 0)


def fill_countries(
    mentions: list[Mention],
    default_country: str | Callable[[], str | None] | None,
    places: frozenset[int] = frozenset(),
    words: list[str] | None = None,
) -> None:
    """Mentions without a country take the nearest country mention in the sentence, else the default
    (a code, or a function giving it, called only when needed: the article's dominant country).
    Places and ethnic groups stay without one (see ``docs/actors.md``); backers named in a participle
    ("forces backed by Russia") give none, nor do IGOs ("rebels attacked a UN convoy") and flag states
    ("police boarded a Panama-flagged ship"). An unnamed domestic actor acts where the sentence places
    the act: a place after "in", "at" (token starts in ``places``) goes before a nearer nationality of
    other people ("gunmen kidnapped three Chinese engineers in Nigeria": Nigerian gunmen), not before a
    nearer country name ("South Africa's ANC-led government criticised Israel over the war in Gaza")."""
    located = [
        m
        for m in mentions
        if m.country is not None and not m.supporter and m.mention.kind not in _NO_COUNTRY_SOURCE
    ]
    for m in mentions:
        if m.country is None and m.mention.kind not in _NEVER_FILLED:
            if located and m.mention.text.lower().startswith(_COUNTRY_REFERENCES):
                # "Bangladesh said ... the first time the country has ...": the sentence's first country
                m.country = located[0].country
            elif located:
                nearest = min(located, key=lambda o: _distance(o, m, words))
                if m.mention.kind == "domestic" and nearest.mention.kind in _PEOPLE_KINDS:
                    # the nearest country word is other people's nationality: the place of the act
                    at_place = [o for o in located if o.tok_start in places]
                    if at_place:
                        nearest = min(at_place, key=lambda o: abs(o.tok_start - m.tok_start))
                m.country = nearest.country
            else:
                if callable(default_country):
                    default_country = default_country()
                m.country = default_country


def remember_groups(found: Iterable[ActorMention], known: dict[str, str]) -> None:
    """Note the country of each group named with one ("South Korean activists": activists → KOR), for
    ``resolve_definite`` in later sentences of the article; the latest naming wins."""
    for m in found:
        if m.kind == "title" and m.country is not None and " " in m.text:
            known[m.text.rsplit(" ", 1)[1].lower()] = m.country


_LED = frozenset({"led", "backed", "run", "controlled", "dominated", "allied", "aligned", "supported"})


def resolve_possessed(mentions: list[Mention], words: list[str]) -> None:
    """ "Chile's Socialist-led government": a domestic head after a possessive country and hyphenated
    "-led"/"-backed" modifiers is that country's, before ``fill_countries`` could give it a nearer one."""
    ends = {m.tok_end: m for m in mentions if m.country is not None and m.mention.kind in _OWNERS}
    for m in mentions:
        if m.country is not None or m.mention.kind != "domestic":
            continue
        k = m.tok_start - 1
        while k >= 1 and words[k].rpartition("-")[2] in _LED and "-" in words[k]:
            k -= 1
        owner = ends.get(k) if k < m.tok_start - 1 and words[k] == "'s" else None
        if owner is not None:
            m.country = owner.country


_OWNERS = frozenset({"country", "capital", "seat"})


_OWN_FORCES = frozenset({"MIL", "COP"})
_SPEAKER_KINDS = frozenset({"country", "title", "seat", "capital"})


def resolve_speakers_forces(mentions: list[Mention], words: list[str], speech: frozenset[str]) -> None:
    """ "Israel's military said Hamas fighters attacked troops near Rafah": unnamed troops or police in
    what a national speaker reports are the speaker's own, before a nearer place could claim them."""
    said = next((k for k in range(min(len(words), 10)) if words[k] in speech), -1)
    if said < 1:
        return
    speakers = [
        m
        for m in mentions
        if m.tok_end <= said and m.country is not None and m.mention.kind in _SPEAKER_KINDS
    ]
    if not speakers:
        return
    for m in mentions:
        if (
            m.country is None
            and m.tok_start > said
            and m.mention.kind == "domestic"
            and m.sector in _OWN_FORCES
        ):
            m.country = speakers[0].country


def resolve_definite(mentions: list[Mention], words: list[str], known: dict[str, str]) -> None:
    """A definite domestic group without a country ("the activists") is the group of that name the
    article named with a country before ("South Korean activists"): it takes that country, before the
    nearest-country rule of ``fill_countries`` could give it a neighbour's ("the activists" next to
    "North Korea's news agency")."""
    for m in mentions:
        definite = m.tok_start > 0 and words[m.tok_start - 1] == "the"
        if m.country is None and m.mention.kind == "domestic" and definite:
            country = known.get(m.mention.text.rsplit(" ", 1)[-1].lower())
            if country is not None:
                m.country = country


def is_locative(lexicon: Lexicon, tokens: list[str], m: Mention) -> bool:
    k = _skip_determiners(tokens, m.tok_start - 1)
    return k >= 0 and tokens[k] in (lexicon.sets.get("locative") or lexicon.cue_set("locative"))


_DIRECTIONS = frozenset(
    {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
     "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
     "south-eastern", "south-western", "northwest", "northeast", "southwest", "southeast"}
)  # fmt: skip


def _skip_determiners(tokens: list[str], k: int) -> int:
    """Index of the word before "the", "northern", "the northern" ending at ``k``."""
    if k >= 0 and tokens[k] in _DIRECTIONS:
        k -= 1
    if k >= 0 and tokens[k] == "the":
        k -= 1
    return k


def _group_before(cands: list[Mention], tokens: list[str]) -> list[Mention]:
    """The last candidate plus those coordinated with it ("X and Y", "X, Y and Z")."""
    group = [cands[-1]]
    for m in reversed(cands[:-1]):
        gap = tokens[m.tok_end : group[-1].tok_start]
        if (gap and all(t in _COORD for t in gap) and "and" in gap) or gap == [","]:
            group.append(m)
        else:
            break
    group.reverse()
    return group


def _group_after(cands: list[Mention], tokens: list[str]) -> list[Mention]:
    group = [cands[0]]
    for m in cands[1:]:
        gap = tokens[group[-1].tok_end : m.tok_start]
        if len(gap) <= 8 and ("and" in gap or gap == [","]) and ";" not in gap and "," not in gap[1:]:
            group.append(m)
        else:
            break
    return group


_CLAUSE_END_OR_COMMA = _CLAUSE_END | {","}


def _clause_end(tokens: list[str], end: int) -> int:
    n = len(tokens)
    for k in range(end, n):
        tok = tokens[k]
        if tok in _CLAUSE_END_OR_COMMA:  # one set test a token: most are neither
            if tok != ",":
                return k
            if k + 1 < n and tokens[k + 1] in ("and", "but", "while", "as"):
                return k
    return n


_MOVES_FORCES = frozenset({"RETREAT", "MOBILIZE"})  # one's own troops are what is moved, not the recipient


def assign(
    lexicon: Lexicon,
    tokens: list[str],
    mentions: list[Mention],
    match: Match,
    clause: ClauseInfo,
    event_type: str,
    excluded: frozenset[int] = frozenset(),
) -> Roles:
    roles = Roles()
    if not mentions:
        return roles
    locatives = lexicon.sets.get("locative") or lexicon.cue_set("locative")
    loc: list[Mention] = []  # "in X", "at the X"
    usable: list[Mention] = []
    targets: list[Mention] = []  # "anti-X"
    sources: list[Mention] = []  # "received aid from X": the giver
    for m in mentions:
        k = _skip_determiners(tokens, m.tok_start - 1)
        if (
            k >= 0
            and tokens[k] in locatives
            and not _source(tokens, match, k)
            and not _asked_from(tokens, k, m, match, event_type)
            and not (k == match.end - 1 and tokens[k] == "from")  # "withdrawal from X": the trigger's object
        ):
            loc.append(m)
        elif k >= 0 and tokens[k] == "from" and match.entry.swap:
            sources.append(m)
            usable.append(m)
        elif m.tok_start in excluded:
            continue
        elif m.against:
            targets.append(m)
        else:
            usable.append(m)
    start, end = match.start, match.end
    clause_end = _clause_end(tokens, end)

    # "between X and Y": all parties are actors
    between = _between(tokens, usable, start, clause_end)

    before = [m for m in usable if clause.region_start <= m.tok_end <= start and not m.supporter]
    after = [m for m in usable if start < m.tok_start < min(clause_end, end + 12)]
    if after and not _DESCRIBED.isdisjoint(tokens[end : after[-1].tok_start]):
        # "executed three men accused of collaborating with Israel": what the victims are accused of
        after = [m for m in after if not _described_before(tokens, end, m.tok_start)]
    if clause.reported and clause.speaker_start >= 0:
        before = [m for m in before if m.tok_start >= clause.region_start]
    if len(before) > 1 and any(m.sector in _POSTS for m in before):
        # "Russia's ambassador to the UN vetoed": the place of a post is part of its holder's title
        before = [m for m in before if not _post_of(tokens, before, m)]
    if clause.skip_start >= 0:  # "the militia that attacked the embassy was sanctioned": not the embassy
        before = [m for m in before if not clause.skip_start <= m.tok_start < clause.skip_end]
    if clause.infinitive and before:
        # "sent a delegation to Costa Rica to discuss": a destination controls no infinitive (but
        # "appealed to Russia to stop" does)
        before = [m for m in before if not _destination(tokens, m)] or before

    subject: list[Mention] = []
    # "two Chinese nationals were killed in an attack on a convoy": the noun restates the passive act
    if clause.passive or (
        start >= 3
        and not _PASSIVE_ADJUNCT.isdisjoint(tokens[start - 3 : start])
        and _adjunct_of_passive(tokens, start)
    ):
        by = [m for m in after if _after_word(tokens, m, "by")]  # the agent of a passive
        # "the Moldovan ambassador was summoned": a trigger pattern that opens inside its subject
        covering = [m for m in usable if m.tok_start < start < m.tok_end][:1]
        if by:
            # "staged by U.S. marines and Jordanian forces": the agents coordinated after "by"
            roles.actors = _group_after([m for m in after if m.tok_start >= by[0].tok_start], tokens)
            if before:
                roles.recipients = _passive_subject(tokens, before)
            elif covering:
                roles.recipients = covering
            _set_location(roles, loc)
            return roles
        released = (
            match.entry.mode in _HANDED_BACK
            and before[-1:]
            and (before[-1].sector in _PATIENTS or before[-1].mention.kind in _PERSON_MENTIONS)
        )  # "a Rwandan dissident was freed": a person handed back, whatever their role
        if released or (
            before and all(m.mention.kind == "domestic" and m.sector in _PATIENTS for m in before[-1:])
        ):
            # "prisoners were released in Tripoli", "a Kenyan journalist was freed": the subject of an
            # agentless passive is acted on
            roles.recipients = _group_before(before, tokens)
            _set_location(roles, loc)
            return roles
        patients = _passive_subject(tokens, before) if before else covering
        acted_on = event_type in _ACTED_ON or event_type == "ACCUSE"
        authority = _authority_of_place(tokens, mentions, start, clause_end, patients) if acted_on else []
        political = authority or any(m.sector in POLITICAL_SECTORS or m.sector is None for m in patients)
        if patients and political and (event_type in _ACTED_ON or (authority and event_type == "ACCUSE")):
            # "Russian diplomats were expelled from Slovakia", "migrants were arrested in Libya": the
            # subject of an agentless passive is acted on; the authority of the place whence or where acts
            # (civilians acted on by no one named keep the older reading: the event must stay political)
            roles.recipients = patients
            roles.actors = authority
            _set_location(roles, loc)
            return roles
    if match.entry.noun:
        # "Russian airstrikes", "Russia's invasion": the modifier right before the noun is the actor
        adj = [m for m in before if start - m.tok_end <= 2]
        if adj:
            subject = [adj[-1]]
    purpose_object: list[Mention] = []
    if not subject and before:
        subject = _group_before(before, tokens)
        if clause.infinitive:
            # "Macron called Putin on Friday to discuss": the object of a verb that does not pass its
            # object on to the infinitive is the partner; the verb's subject acts
            verb = _verb_before(tokens, subject[0])
            if verb >= 0 and tokens[verb] not in _OBJECT_CONTROL:
                earlier = [m for m in before if m.tok_end <= verb]
                if earlier and _subject_of(tokens, earlier[-1], verb):
                    purpose_object = subject
                    subject = _group_before(earlier, tokens)
    if not subject:
        # "Protesters in Lagos marched": a trigger pattern that opens with its own actor
        subject = [m for m in usable if m.tok_start == start and m.tok_end <= end and not m.supporter][:1]
    if not subject and clause.relative_at >= 0:
        ante = [m for m in usable if m.tok_end <= clause.relative_at and clause.relative_at - m.tok_end <= 3]
        if ante:
            subject = [ante[-1]]
    if not subject and (clause.infinitive or clause.participle or clause.kind == "subordinate"):
        earlier = [m for m in usable if m.tok_end <= clause.region_start or m.tok_end <= start]
        earlier = [m for m in earlier if m.tok_end <= start]
        if earlier:
            subject = _group_before(earlier, tokens)
    if not subject and clause.reported and clause.speaker_start >= 0:
        spk = [m for m in usable if clause.speaker_start <= m.tok_start < clause.speaker_end]
        if spk:
            subject = _group_before(spk, tokens)
    if clause.participle:
        # ", smashing roof tiles": the main-clause subject acts, not a mention inside the object
        subject = _main_subject(lexicon, tokens, usable, start, 0)
    elif _coordinated_verb(tokens, start, match.entry.noun):
        # "X did A and warned of B": the clause's first subject
        subject = _main_subject(lexicon, tokens, usable, start, clause.region_start)

    objects = _group_after(after, tokens) if after else []
    if purpose_object and not objects:
        objects = purpose_object
    own = {m.country for m in subject} if objects else set()
    if objects and all(_own_forces(m, own) for m in objects):
        # "Kenya sent troops to Haiti": the actor's own troops are the theme; the next party is hit
        rest = [m for m in after if m.tok_start >= objects[-1].tok_end and m.country not in own]
        near = rest and rest[0].tok_start - objects[-1].tok_end <= 4 and rest[0].mention.kind != "domestic"
        if near and rest[0].country is not None:
            objects = _group_after(rest, tokens)
        elif event_type in _MOVES_FORCES:
            objects = []  # "withdrew troops from a town in Lebanon": the place, if any, is hit
    if not objects and targets:
        objects = [t for t in targets if t.tok_start > start] or [
            t for t in targets[-1:] if t.mention.kind != "owner"
        ]
    with_objs: list[Mention] = []
    if objects and _preceded_by(tokens, objects[0], "with", start):
        with_objs = objects
    elif after:
        first_with = [m for m in after if _preceded_by(tokens, m, "with", start)]
        if first_with:
            with_objs = _group_after([m for m in after if m.tok_start >= first_with[0].tok_start], tokens)

    reciprocal_types = lexicon.sets.get("reciprocal_with") or lexicon.cue_set("reciprocal_with")
    if between:
        roles.actors = between
    elif match.entry.reciprocal:
        roles.actors = subject + [m for m in objects if m not in subject]
    elif match.entry.swap:
        givers = sources or _givers(tokens, after, start, end)
        # "came under fire from X": "from" marks a place elsewhere, here the attacker
        source = [m for m in loc if start < m.tok_start < clause_end and _after_word(tokens, m, "from")]
        roles.actors = (
            _group_after(givers, tokens)
            if givers
            else []
            if "from" in tokens[start:end]
            else objects or source[:1]
        )
        roles.recipients = _passive_subject(tokens, before) if before else subject
    elif event_type in reciprocal_types and with_objs and match.entry.mode != "visit":
        roles.actors = subject
        separate = "separate" in tokens or "separately" in tokens
        roles.partners = [[m] for m in with_objs] if separate else [with_objs]
    else:
        roles.actors = subject
        roles.recipients = objects
    if roles.actors and not match.entry.swap and "from" in tokens and _received(tokens, start):
        # "Sri Lanka received debt relief from Japan", "Sisi received a phone call from Erdogan": the giver
        # or caller after "from" acts, the subject receives
        donors = [
            m for m in loc + after if start < m.tok_start < clause_end and _after_word(tokens, m, "from")
        ]
        if donors:
            roles.recipients = roles.actors
            roles.actors = donors[:1]
    if not roles.recipients and roles.actors and clause.reported and clause.speaker_start >= 0:
        # "the Philippine military said a Chinese vessel fired a water cannon at its boat": the speaker's;
        # "the governor of Belgorod said Ukrainian drones struck a depot": a local speaker's place is hit
        hit_own = _speakers_own_target(tokens, usable, clause, end, clause_end)
        if not hit_own and event_type == "ASSAULT":
            hit_own = [
                m
                for m in mentions
                if clause.speaker_start <= m.tok_start < clause.speaker_end and m.mention.kind == "domestic"
            ][:1]
        if hit_own and hit_own[0].country not in {m.country for m in roles.actors}:
            roles.recipients = hit_own
    placeless = all(m.country is None for m in roles.recipients)  # none, or "Kurdish militants"
    if placeless and loc and roles.actors and _place_is_recipient(event_type, match):
        # "shelled positions in Idlib", "sent aid to victims in Bangladesh", "arrived in Tokyo"
        actor_countries = {m.country for m in roles.actors}
        target = [m for m in loc if m.tok_start >= clause.region_start and m.country is not None]
        foreign = [m for m in target if m.country not in actor_countries]
        if foreign and event_type != "PROTEST":  # exiles protesting in Paris do not protest at France
            roles.recipients = foreign[:1]
        elif target and target[0].country in actor_countries and event_type in _DOMESTIC_PLACE_TYPES:
            # "militants attacked a church in Peshawar", "police arrested supporters in Nairobi": the
            # people of the place, in the actor's own country
            place = target[0]
            sector = "GOV" if event_type == "PROTEST" else _PEOPLE_OF_PLACE  # protesters address authority
            roles.recipients = [replace(place, sector=sector)]
        elif not target and clause.reported and event_type in ("ASSAULT", "COERCE"):
            # "officials in Kyiv said Russian drones had struck power stations": the reporting place
            hit = [m for m in loc if m.country is not None and m.country not in actor_countries]
            roles.recipients = hit[:1] or roles.recipients
    if roles.recipients and roles.actors:
        actor_keys = {(m.country, m.sector) for m in roles.actors}
        actor_texts = {m.mention.text.lower() for m in roles.actors}
        roles.recipients = [
            m
            for m in roles.recipients
            if (m.country, m.sector) not in actor_keys
            or (m.mention.kind == "domestic" and m.mention.text.lower() not in actor_texts)
        ]  # "the junta detained the president": one country, two bodies
    _set_location(roles, loc)
    return roles


_PERSON_MENTIONS = frozenset({"person", "title"})

# acts whose agentless passive subject is the recipient ("were expelled", "was shelled", "was fined")
_ACTED_ON = frozenset({"ASSAULT", "COERCE", "SANCTION"})
_PLACE_OF_AUTHORITY = frozenset({"from", "in", "at"})
_NOT_AUTHORITY_KINDS = frozenset({"location", "ethnic", "igo", "owner"})


def _authority_of_place(
    tokens: list[str], mentions: list[Mention], start: int, clause_end: int, patients: list[Mention]
) -> list[Mention]:
    """The government of the place an agentless passive happens in or is sent from ("were deported from
    Saudi Arabia", "was summoned to the ministry in Vilnius"): a foreign place before one of the
    patients' own country."""
    places = [
        m
        for m in mentions
        if start < m.tok_start < clause_end
        and m.country is not None
        and m.mention.kind not in _NOT_AUTHORITY_KINDS
        and tokens[_skip_determiners(tokens, m.tok_start - 1)] in _PLACE_OF_AUTHORITY
    ]
    own = {m.country for m in patients}
    foreign = [m for m in places if m.country not in own]
    chosen = foreign[:1] or places[:1]
    return [replace(m, sector="GOV") for m in chosen]


# modes of a passive whose subject, a person, is handed back ("was freed", "were repatriated")
_HANDED_BACK = frozenset({"release", "return"})

# sectors of people who are acted on rather than act when they are the subject of a passive
_PATIENTS = frozenset({"CVL", "REL", "REF", "EDU", "JRN", "LAB", "AGR", "MED", "SOC"})

# acts whose people of a place in the actor's own country are the recipient (domestic violence, arrests,
# sentences, aid, protests); troop moves and visits at home have no recipient
_DOMESTIC_PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "AID", "PROTEST"})
_PEOPLE_OF_PLACE = "CVL"


def _givers(tokens: list[str], after: list[Mention], start: int, end: int) -> list[Mention]:
    """ "benefit from a 2 billion euro EU programme": a mention in the phrase "from" opens inside a
    receiving trigger (up to six tokens on, no comma between) is the giver."""
    if "from" not in tokens[start:end]:
        return []
    k = tokens.index("from", start, end)
    return [m for m in after if k < m.tok_start <= k + 6 and "," not in tokens[k : m.tok_start]][:1]


def _source(tokens: list[str], match: Match, k: int) -> bool:
    """ "received aid from X", "took delivery of boats from X": after a receiving trigger "from" names
    the giver, not a place."""
    return match.entry.swap and tokens[k] == "from" and match.start < k < match.end + 8


# participles describing a person by a deed ("men accused of spying for X"): X is no party to the act
_DESCRIBED = frozenset({"accused", "suspected", "charged", "convicted", "wanted"})


def _described_before(tokens: list[str], lo: int, hi: int) -> bool:
    """ "accused of", "charged with", "wanted for" in tokens [lo, hi) ("suspected gang members": no)."""
    return any(tokens[k] in _DESCRIBED and tokens[k + 1] in ("of", "with", "for") for k in range(lo, hi - 1))


_PASSIVE_ADJUNCT = frozenset({"in", "during"})
BE_FORMS = frozenset({"was", "were", "been", "being", "is", "are"})


def _adjunct_of_passive(tokens: list[str], start: int) -> bool:
    """ "were killed in a (bomb) attack": the noun at ``start`` heads an adjunct of a passive verb."""
    for k in range(start - 1, max(1, start - 4), -1):
        if tokens[k] in _PASSIVE_ADJUNCT:
            verb = tokens[k - 1]
            return verb.endswith(("ed", "en")) and k >= 2 and tokens[k - 2] in BE_FORMS
    return False


_ACT_NOUN_LINKS = frozenset({"of", "on", "against"})  # "X's seizure of", "X's strike on"


def _passive_subject(tokens: list[str], before: list[Mention]) -> list[Mention]:
    """The subject of a passive: "Turkey's purchase of Russian arms was criticised": the possessor of an
    act named by a noun ("X's <noun> of Y"), else the mentions right before the verb."""
    head = before[0]
    k = head.tok_end
    if len(before) > 1 and k + 2 < len(tokens) and tokens[k] == "'s" and tokens[k + 2] in _ACT_NOUN_LINKS:
        return [head]
    return _group_before(before, tokens)


def _post_of(tokens: list[str], before: list[Mention], m: Mention) -> bool:
    """ "ambassador to the UN", "envoy for Yemen", "rapporteur on Myanmar": ``m`` follows "to", "for" or
    "on" right after a diplomat or a rights monitor."""
    k = m.tok_start - 1
    if k >= 1 and tokens[k] == "the":
        k -= 1
    return k >= 1 and tokens[k] in _POST_OF and any(o.tok_end == k and o.sector in _POSTS for o in before)


_POST_OF = frozenset({"to", "for", "on"})
_POSTS = frozenset({"DIP", "HRI"})


_AT_TARGET = frozenset({"at", "on", "against", "toward", "towards", "into"})
_SPEAKERS_OWN = frozenset({"its", "their", "our"})


def _speakers_own_target(
    tokens: list[str], usable: list[Mention], clause: ClauseInfo, end: int, clause_end: int
) -> list[Mention]:
    """The speaker, when the reported act is aimed "at its boat", "on our positions"."""
    for k in range(end, min(clause_end, end + 6) - 1):
        if tokens[k] in _AT_TARGET and tokens[k + 1] in _SPEAKERS_OWN:
            speakers = [m for m in usable if clause.speaker_start <= m.tok_start < clause.speaker_end]
            return speakers[-1:]
    return []


_RECEIVE = frozenset(
    {"received", "receive", "receives", "receiving", "obtained", "secured", "accepted", "accepts", "got"}
)


def _received(tokens: list[str], start: int) -> bool:
    """A receiving verb opens the trigger or stands up to three words before it."""
    return not _RECEIVE.isdisjoint(tokens[max(0, start - 3) : start + 1])


def _after_word(tokens: list[str], m: Mention, word: str) -> bool:
    """ "from X", "from the X"."""
    k = m.tok_start - 1
    if k >= 1 and tokens[k] == "the":
        k -= 1
    return k >= 0 and tokens[k] == word


# verbs whose object is the subject of a following infinitive ("urged Russia to withdraw")
_OBJECT_CONTROL = frozenset(
    {"urged", "asked", "invited", "pressed", "pressured", "encouraged", "persuaded", "forced", "allowed",
     "helped", "told", "ordered", "wanted", "expected", "warned", "advised", "authorized", "authorised",
     "requested", "required", "permitted", "compelled", "convinced", "instructed", "reminded",
     "challenged", "pushed", "lobbied", "appealed", "implored", "begged", "enabled", "empowered",
     "caused", "got", "let", "needed", "demanded", "prompted", "tasked", "mandated"}
)  # fmt: skip
_IRREGULAR_PAST = frozenset({"met", "saw", "took", "brought", "sought", "phoned", "rang", "hosted"})


def _own_forces(m: Mention, own: set[str | None]) -> bool:
    """Troops or police without a country word of their own, in the actor's country ("its troops")."""
    return m.mention.kind == "domestic" and m.sector in ("MIL", "COP") and m.country in own


_NOT_IN_SUBJECT_GAP = frozenset(
    {"to", "will", "would", "could", "should", "may", "might", ",", "and", "newly"}
)


def _subject_of(tokens: list[str], m: Mention, verb: int) -> bool:
    """ "Boric phoned", "Putin has phoned": ``m`` ends at most three plain words before ``verb``."""
    gap = tokens[m.tok_end : verb]
    return len(gap) <= 3 and _NOT_IN_SUBJECT_GAP.isdisjoint(gap)


def _verb_before(tokens: list[str], m: Mention) -> int:
    """Index of a past-tense verb right before mention ``m`` (over a determiner), else -1."""
    k = m.tok_start - 1
    if k >= 0 and tokens[k] in DETERMINERS:
        k -= 1
    if k < 0:
        return -1
    word = tokens[k]
    return k if word.endswith("ed") or word in _IRREGULAR_PAST else -1


def _asked_from(tokens: list[str], k: int, m: Mention, match: Match, event_type: str) -> bool:
    """ "demanded an apology from Tokyo": the party a demand is made of, right after its object."""
    return tokens[k] == "from" and event_type == "REQUEST" and 0 <= m.tok_start - match.end <= 4


def _place_is_recipient(event_type: str, match: Match) -> bool:
    """Material conflict and aid reach the people of the place; a visit, its host; a withdrawal, the
    place left; criticism of what happened in a foreign place, its government ("criticised the conduct
    of the election in Kazakhstan")."""
    return (
        event_type in _MATERIAL_CONFLICT
        or event_type in _DOMESTIC_PLACE_TYPES
        or match.entry.mode in ("visit", "withdraw")
        or event_type == "ACCUSE"
    )


_APPEAL_TO = frozenset({"appeal", "appeals", "appealed", "appealing", "pleaded", "turned", "wrote", "writes"})


def _destination(tokens: list[str], m: Mention) -> bool:
    """ "to (the) X" after anything but an appeal verb: a destination."""
    k = m.tok_start - 1
    if k >= 0 and tokens[k] == "the":
        k -= 1
    return k >= 1 and tokens[k] == "to" and tokens[k - 1] not in _APPEAL_TO


def _coordinated_verb(tokens: list[str], start: int, noun: bool) -> bool:
    return not noun and start >= 1 and tokens[start - 1] == "and" and tokens[start].endswith("ed")


def _main_subject(
    lexicon: Lexicon, tokens: list[str], usable: list[Mention], upto: int, region_start: int
) -> list[Mention]:
    """The subject of the sentence's main clause: the first mention, after a fronted subordinate
    clause ("After ..., X did"), when it opens the clause (within its first four tokens)."""
    begin = region_start
    if (
        region_start == 0
        and tokens
        and tokens[0] in lexicon.cue_set("subordinators") | {"in", "on", "earlier", "later", "also"}
    ):
        begin = tokens.index(",") + 1 if "," in tokens[:upto] else 0
    cands = [m for m in usable if begin <= m.tok_start < min(upto, begin + 5) and m.tok_end <= upto]
    return cands[:1]


def _preceded_by(tokens: list[str], m: Mention, word: str, floor: int) -> bool:
    for k in range(m.tok_start - 1, max(floor, m.tok_start - 6) - 1, -1):
        if tokens[k] == word:
            return True
        if tokens[k] in (",", ";"):
            return False
    return False


def _between(tokens: list[str], usable: list[Mention], start: int, clause_end: int) -> list[Mention]:
    if "between" not in tokens:
        return []  # most sentences: one scan in C instead of a loop
    lo = max(0, start - 8)
    for k in range(lo, min(clause_end, start + 8)):
        if tokens[k] == "between":
            parts = [m for m in usable if k < m.tok_start < k + 14]
            if len(parts) >= 2:
                return _group_after(parts, tokens)
    return []


def _set_location(roles: Roles, loc: list[Mention]) -> None:
    if loc:
        roles.location = loc[0]
