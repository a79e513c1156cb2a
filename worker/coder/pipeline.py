"""``code_article``: one article in, its PLOVER events out.

Per sentence: tokenise once; a set test against the lexicon anchors skips sentences without any trigger;
only sentences with triggers get actor resolution, clause analysis and role assignment.
See the README ``coder`` section for the rules.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import Any

from worker.coder.actors import find_actors
from worker.coder.clauses import CONDITIONAL, RELATIVE, REPORTED, SUBORDINATE, ClauseInfo, analyse
from worker.coder.events import event_date, make_event, published_date
from worker.coder.headline import recase_headline
from worker.coder.lexicon import (
    Lexicon,
    Match,
    context_names,
    find_triggers,
    load_lexicon,
    normalise,
    token_spans,
    tokenise,
)
from worker.coder.model import ActorMention, Article, CodingResult, Paragraph, Sentence
from worker.coder.nonevents import (
    accident,
    appeal,
    background_relative,
    question_or_comment_line,
    statement_like,
    unaddressed,
)
from worker.coder.retype import (
    MUST,
    concession_carried_out,
    conditional_threat,
    conflict_after,
    cyber_attack,
    demanded,
    diplomatic_protest,
    domestic_programme,
    headline_future,
    joint_exercise,
    material_cooperation,
    ordered_act,
    protesters,
    protesters_act,
    refusal,
    reported_would,
    sent_to_investigate,
    threat_mode,
    unarmed_purpose,
)
from worker.coder.roles import (
    BE_FORMS,
    POLITICAL_SECTORS,
    Mention,
    Roles,
    assign,
    attach,
    fill_countries,
    home_country,
    is_locative,
    mark_supporters,
    refine_sectors,
    remember_groups,
    resolve_definite,
    resolve_possessed,
    resolve_speakers_forces,
)
from worker.coder.rules import (
    CONTENT_TYPES,
    FORCE_TYPES,
    JUDGED_MODES,
    MATERIAL_CONFLICT,
    PRONOUNS,
    VERBAL,
    abstract_object,
    appositive,
    background_clause,
    captive_description,
    captive_subject,
    ceased,
    claimed_own_act,
    content_scope,
    definite_background,
    governed,
    idiom_not_event,
    meeting_setting,
    modifier_or_label,
    object_of_verbal,
    opinion,
    participle_modifier,
    persuaded,
    pledge_as_participant,
    protesters_acted_on,
    reduced_relative,
    scope_end,
    stative,
    terms_of_document,
)
from worker.coder.segment import split_paragraphs
from worker.coder.taxonomy import CONTEXTS

log = logging.getLogger(__name__)
_COUNT = itemgetter(1)

_CLAUSE_FACTOR = {REPORTED: 0.95, SUBORDINATE: 0.7, RELATIVE: 0.55, CONDITIONAL: 0.5}
STATEMENT = "STATEMENT"  # lexicon pseudo-type: CAMEO 01 statements (no comment, denials, condolences, ...)
_CONTEXT_ORDER = {c: i for i, c in enumerate(CONTEXTS)}
# a verbal trigger governs the triggers of its object up to one of these ("condemned the raids")
# statements' scope ends at a new main clause
_COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_UNARMED = frozenset(
    {"observers", "monitors", "monitor", "inspectors", "experts", "doctors", "medics", "medical",
     "rescuers", "rescue", "search-and-rescue", "evacuation", "aid", "humanitarian", "relief", "engineers",
     "firefighters", "volunteers", "nurses", "train", "funds", "funding", "resources", "money", "financing",
     "donors"}
)  # fmt: skip
_PEACEKEEPING = frozenset({"peacekeeping", "peacekeepers", "peacekeeper"})
_TROOPS = frozenset(
    {"troops", "soldiers", "marines", "paratroopers", "warships", "warplanes", "jets", "battalion",
     "contingent", "units", "forces", "aircraft", "peacekeepers"}
)  # fmt: skip
_VISITORS = frozenset(
    {"chief", "commander", "head", "minister", "general", "chairman", "secretary", "delegation", "envoy",
     "president", "leader", "officials", "generals", "commanders"}
)  # fmt: skip
_DECIDED = frozenset({"decided", "decides", "voted", "votes", "opted", "chose", "moved"})
_OUTCOMES = frozenset({"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_FORCE = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})


@dataclass(slots=True)
class _ArticleState:
    article: Article
    paragraphs: list[Paragraph]
    lexicon: Lexicon
    _dominant: str | None = None
    _dominant_done: bool = False
    last_actors: list[Mention] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    counts: Counter[str] = field(default_factory=Counter)
    groups: dict[str, str] = field(default_factory=dict)  # "activists" -> KOR once "South Korean activists"
    actor_cache: dict[str, list[ActorMention]] = field(default_factory=dict)  # text -> its mentions

    def actors(self, text: str) -> list[ActorMention]:
        """``find_actors(text)``, once per distinct text of the article (a one-sentence paragraph is
        resolved for the dominant country and again as a sentence)."""
        found = self.actor_cache.get(text)
        if found is None:
            found = self.actor_cache[text] = find_actors(recase_headline(text))
        return found

    def dominant_country(self) -> str | None:
        """The most mentioned country so far (trigger sentences); the first paragraphs when none yet."""
        if self.counts:
            return max(self.counts.items(), key=_COUNT)[0]  # most_common(1): the first of the most
        if not self._dominant_done:
            counts: Counter[str] = Counter()
            for p in self.paragraphs[:6]:
                for m in self.actors(p.text):
                    home = home_country(m)
                    if home is not None:
                        counts[home] += 1
            self._dominant = counts.most_common(1)[0][0] if counts else None
            self._dominant_done = True
        return self._dominant


def code_article(article: Article) -> CodingResult:
    """Code one validated article into PLOVER events. Never raises for any ``Article``."""
    try:
        paragraphs = split_paragraphs(article.body)
    except Exception:
        log.debug("segmentation failed for article %s", article.id, exc_info=True)
        return CodingResult(
            article_id=article.id, paragraphs=0, events=[], outcome="no_events", reason="error"
        )
    state = _ArticleState(article, paragraphs, load_lexicon())
    published = published_date(article.published_at)
    add_events = state.events.extend
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            try:
                add_events(code_sentence(state, paragraph, sentence, published))
            except Exception:
                log.debug(
                    "sentence %d/%d of article %s failed",
                    paragraph.index,
                    sentence.index,
                    article.id,
                    exc_info=True,
                )
    events = drop_repeated_headings(state.events)
    return CodingResult(
        article_id=article.id,
        paragraphs=len(paragraphs),
        events=events,
        outcome="events" if events else "no_events",
    )


def code_sentence(
    state: _ArticleState, paragraph: Paragraph, sentence: Sentence, published: Any
) -> list[dict[str, Any]]:
    lexicon = state.lexicon
    norm = normalise(sentence.text)
    words = tokenise(norm)
    matches = find_triggers(lexicon, words)
    if not matches:
        return []
    nonpolitical = lexicon.cue_set("nonpolitical")
    if not nonpolitical.isdisjoint(words) or question_or_comment_line(words):
        return []
    found = state.actors(sentence.text)
    if found:
        state.counts.update(home for home in map(home_country, found) if home is not None)
        remember_groups(found, state.groups)
    elif PRONOUNS.isdisjoint(words) and _ACTORLESS.isdisjoint([m.entry.event_type for m in matches]):
        return []  # nobody to code: no mention, no pronoun to resolve, no protest of unnamed people
    survivors = _surviving_triggers(lexicon, paragraph, words, matches)
    if not survivors:
        return []
    # only now the mentions' token spans and the sentence's facts: most trigger sentences stop above
    weak_nonpolitical = not lexicon.cue_set("nonpolitical_weak").isdisjoint(words)
    starts, ends = token_spans(norm, words)
    mentions = attach(found, sentence.text, starts, ends)
    refine_sectors(lexicon, words, mentions)
    if "by" in words:
        mark_supporters(words, mentions)
    if any(m.country is None for m in mentions):
        if state.groups:
            resolve_definite(mentions, words, state.groups)
        if "'s" in words:
            resolve_possessed(mentions, words)
        unplaced = [m for m in mentions if m.country is None and m.mention.kind == "domestic"]
        places: frozenset[int] = frozenset()
        if unplaced:
            if any(m.sector in ("MIL", "COP") for m in unplaced):
                resolve_speakers_forces(mentions, words, lexicon.cue_set("speech"))
            places = frozenset(
                m.tok_start for m in mentions if m.country is not None and is_locative(lexicon, words, m)
            )
        fill_countries(mentions, state.dominant_country, places, words)
    excluded = _source_mentions(words, mentions)
    contexts_found = _contexts(lexicon, words)
    date = event_date(published, words)  # one per sentence
    out: list[dict[str, Any]] = []
    for match, clause, threatened, ordered in survivors:
        event = _build_event(
            state, paragraph, sentence, date, words, starts, ends, mentions, match, clause, excluded,
            contexts_found, weak_nonpolitical, threatened, ordered,
        )  # fmt: skip
        out.extend(event)
    return _dedupe_sentence(out)


def _surviving_triggers(
    lexicon: Lexicon, paragraph: Paragraph, words: list[str], matches: list[Match]
) -> list[tuple[Match, ClauseInfo, Match | None, tuple[str, str | None] | None]]:
    """The triggers that stand for an event of their own, in order, with their clause facts, the
    conflict they threaten and the act they order, if any. Depends on the words alone (no actors)."""
    disaster = not lexicon.cue_set("disasters").isdisjoint(words) or accident(words)
    kept: list[Match] = []
    out: list[tuple[Match, ClauseInfo, Match | None, tuple[str, str | None] | None]] = []
    scopes: list[tuple[int, int]] = []
    contents: list[tuple[int, int]] = []  # what a verbal conflict act is about ("accused X of attacking")
    history: list[tuple[int, int]] = []  # what a background act is about ("which has long accused X of ...")
    for match in matches:
        if match.entry.event_type == STATEMENT:
            scopes.append((match.start, scope_end(words, match.end)))
            continue
        if any(s <= match.start < e for s, e in scopes):
            continue  # "denied charges he ordered the attack": the content of a statement
        if (
            contents
            and match.entry.event_type not in VERBAL
            and any(s <= match.start < e for s, e in contents)
        ):
            continue  # "accused Y of shelling the town": the shelling is what is accused
        if disaster and match.entry.event_type in _FORCE:
            continue  # "the earthquake killed 40": nature, not an attack; aid for the victims stays
        clause = analyse(lexicon, words, match.start, match.end)
        if any(s <= match.start < e for s, e in history):
            continue  # what the participant's history is about
        if background_relative(words, match):  # "X, which has long accused Y of backing Z, said ..."
            history.append(content_scope(words, match, clause))
            continue
        if (
            clause.analyst
            or opinion(lexicon, words, clause)
            or claimed_own_act(lexicon, words, clause)
            or governed(match, clause, kept, matches, words)
            or (clause.infinitive and persuaded(words, clause))
            or object_of_verbal(match, words, kept)
            or stative(match, words)
            or background_clause(lexicon, words, match, clause)
            or abstract_object(lexicon, words, match)
            or (match.entry.event_type in FORCE_TYPES and ceased(words, match))
            or modifier_or_label(words, match)
            or captive_description(words, match, kept)
            or protesters_acted_on(words, match, kept)
            or captive_subject(words, match, matches)
            or meeting_setting(words, match)
            or pledge_as_participant(words, match)
            or idiom_not_event(words, match)
            or terms_of_document(words, match)
            or statement_like(words, match)
            or (match.entry.event_type in VERBAL and reduced_relative(words, match))
            or (words[match.start] in MUST and not clause.reported)  # "X must ...": only as reported demand
            or (not paragraph.heading and definite_background(lexicon, words, match))
        ):
            continue
        kept.append(match)
        judging = match.entry.event_type in CONTENT_TYPES or match.entry.mode in JUDGED_MODES
        # not a description of a participant: "students accused of spying were held"
        if judging and not (match.entry.event_type == "ACCUSE" and participle_modifier(words, match)):
            contents.append(content_scope(words, match, clause))
        threatened = None
        if match.entry.event_type in ("AGREE", "THREATEN", "CONCEDE"):
            # "vowed to annex", "vowed to step up attacks"
            threatened = conflict_after(words, match, matches, lexicon.cue_set("abstract_objects"))
        # the act the trigger stands for: "ordered police to disperse", "sent a team to investigate"
        ordered = None
        if match.entry.event_type == "REQUEST":
            ordered = ordered_act(words, match, matches)
        elif match.entry.event_type in ("AID", "MOBILIZE"):
            ordered = sent_to_investigate(words, match, matches)
        out.append((match, clause, threatened, ordered))
    return out


# the only types that yield an event without any actor mention (a protest of unnamed people; an
# assault by protesters becomes one)
_ACTORLESS = frozenset({"PROTEST", "ASSAULT"})

_DISSENT = frozenset(
    {"strike", "strikes", "protest", "protests", "boycott", "sit-in", "walkout", "demonstrations"}
)
_DISSENT_TALK = frozenset({"REJECT", "CONCEDE", "REQUEST", "AGREE", "THREATEN"})


_AUTHORITY_ACTS = frozenset({"RETREAT", "COERCE", "SANCTION"})


def _fallback_actors(
    state: _ArticleState,
    paragraph: Paragraph,
    sentence: Sentence,
    words: list[str],
    mentions: list[Mention],
    match: Match,
    clause: ClauseInfo,
    event_type: str,
    roles: Roles,
) -> None:
    """Actors when the role rules found none, in order: the mention the trigger's head sits in
    ("Japanese peacekeepers arrived"); for a subject pronoun, the speaker of reported speech ("X said
    it would ...") or else the subject of the nearest earlier sentence of the paragraph that has one
    fitting the pronoun (a person for "he/she", no person for "it"), else the previous event's actor;
    for an agentless passive release, arrest or
    conviction, the authority of the place ("prisoners were released in Tripoli")."""
    covering = [
        m
        for m in mentions
        if m.tok_start < match.start < m.tok_end and m.country is not None and m not in roles.recipients
    ]
    if covering:
        roles.actors = covering[:1]
        place = roles.location  # "UN peacekeepers arrived in Mali": the place after the trigger is reached
        if place is not None and not roles.recipients and _reached(place, event_type, match, covering[0]):
            roles.recipients = [place]
        return
    if not PRONOUNS.isdisjoint(words[clause.region_start : match.start]):
        if clause.reported and clause.speaker_start >= 0:
            speakers = [m for m in mentions if clause.speaker_start <= m.tok_start < clause.speaker_end]
            if speakers:
                roles.actors = speakers
                return
        pronoun = next(w for w in reversed(words[clause.region_start : match.start]) if w in PRONOUNS)
        subject = _previous_subject(state, paragraph, sentence, pronoun)
        # "She urged ...": the subject of an earlier sentence of the paragraph, else the previous actor
        roles.actors = [subject] if subject is not None else list(state.last_actors)
        return
    if clause.passive and event_type in _AUTHORITY_ACTS and roles.location and roles.location.country:
        roles.actors = [replace(roles.location, sector="GOV")]  # the authority of a city too


# acts of a state on its own people when no one else is named (arrests, curfews, sentences, executions)
_ON_OWN_PEOPLE = frozenset({"arrest", "curfew", "martial-law", "convict", "execute"})
_STATE_AUTHORITY = frozenset({None, "GOV", "COP", "JUD", "MIL", "LEG"})
_CIVILIANS = "CVL"
_PLACE_REACHED = frozenset({"AID", "ASSAULT", "COERCE", "MOBILIZE"})


def _reached(place: Mention, event_type: str, match: Match, actor: Mention) -> bool:
    """Aid or force reaching a place with a country after the trigger, not the actor's own."""
    return (
        event_type in _PLACE_REACHED
        and place.tok_start > match.start
        and place.country is not None
        and place.country != actor.country
    )


_PERSON_KINDS = frozenset({"person", "title"})
_NO_SUBJECT_KINDS = frozenset({"location", "ethnic"})
# a mention right after one of these is a complement, not the sentence's subject
_NOT_SUBJECT_BEFORE = frozenset(
    {"in", "at", "to", "from", "with", "by", "of", "on", "for", "into", "against", "near", "over", "and"}
)


def _previous_subject(
    state: _ArticleState, paragraph: Paragraph, sentence: Sentence, pronoun: str
) -> Mention | None:
    """The subject (first mention not governed by a preposition) of the nearest earlier sentence of the
    paragraph whose subject fits ``pronoun``: a person or titled office for "he/she", anything else for
    "it", any for "they". A subject without a country takes the article's dominant country."""
    if pronoun == "we":
        return None
    for prev in reversed(paragraph.sentences[: sentence.index]):
        for found in state.actors(prev.text):
            if found.kind in _NO_SUBJECT_KINDS:
                continue
            before = prev.text[: found.start].split()
            if before and before[-1].lower().strip(",") in _NOT_SUBJECT_BEFORE:
                continue
            person = found.kind in _PERSON_KINDS
            if (pronoun in ("he", "she") and not person) or (pronoun == "it" and person):
                break  # this sentence's subject does not fit: look further back
            country = found.country or state.dominant_country()
            if country is None:
                break
            return Mention(-1, -1, found, country, found.sector)
    return None


def _source_mentions(words: list[str], mentions: list[Mention]) -> frozenset[int]:
    """Mentions naming a source ("according to X") are never actors."""
    if "according" not in words:
        return frozenset()
    out: set[int] = set()
    for k in range(len(words) - 1):
        if words[k] == "according" and words[k + 1] == "to":
            # up to the comma that closes the source ("According to X, Turkish drones struck ...")
            stop = next((j for j in range(k + 2, min(len(words), k + 9)) if words[j] in (",", ";")), k + 9)
            out.update(m.tok_start for m in mentions if k + 1 < m.tok_start < stop)
    return frozenset(out)


def _contexts(lexicon: Lexicon, words: list[str]) -> list[str]:
    return context_names(lexicon, words)


def _actor_dict(m: Mention) -> dict[str, Any]:
    return {"text": m.mention.text, "country": m.country, "sector": m.sector}


def _political(ms: list[Mention]) -> bool:
    """A country-level actor, or a political body whose country no context gives ("rebels said", in an
    article that names no country): kept with a null country (``docs/actors.md``)."""
    return any(m.sector in POLITICAL_SECTORS or (m.sector is None and m.country is not None) for m in ms)


def _build_event(
    state: _ArticleState,
    paragraph: Paragraph,
    sentence: Sentence,
    date: str | None,
    words: list[str],
    starts: list[int],
    ends: list[int],
    mentions: list[Mention],
    match: Match,
    clause: ClauseInfo,
    excluded: frozenset[int],
    contexts_found: list[str],
    weak_nonpolitical: bool,
    threatened: Match | None = None,
    ordered: tuple[str, str | None] | None = None,
) -> list[dict[str, Any]]:
    lexicon = state.lexicon
    entry = match.entry
    event_type, mode = entry.event_type, entry.mode
    if not clause.passive and (words[match.start] in BE_FORMS or _passive_inside(words, match)):
        clause = replace(clause, passive=True)  # a pattern that starts at "was returned to" or holds one
    if reported_would(lexicon, words, match, clause):
        clause = replace(clause, hypothetical=False, future=True)  # "X said it would ...": a promise
    if headline_future(words, mentions, match, clause):
        clause = replace(clause, future=True)  # "Japan to Send Troops": a headline's future
    roles = assign(lexicon, words, mentions, match, clause, event_type, excluded)
    if not roles.actors:
        _fallback_actors(state, paragraph, sentence, words, mentions, match, clause, event_type, roles)
    if roles.actors:
        state.last_actors = list(roles.actors)

    # PLOVER re-typing rules
    if event_type == "PROTEST" and diplomatic_protest(words, match, roles.actors, roles.recipients):
        event_type, mode = "ACCUSE", "disapprove"  # a government "protests": diplomatic protest
    if threatened is not None:
        # "vowed to annex", "threatened to impose sanctions": a threat, its mode from the act threatened
        event_type = "THREATEN"
        mode = (
            mode
            if entry.event_type == "THREATEN" and mode
            else threat_mode(threatened.entry.event_type, threatened.entry.mode)
        )
    elif demanded(words, match, clause):
        # "Russia says Israel must end its strikes": the speaker demands, the subject is asked
        speakers = [m for m in mentions if clause.speaker_start <= m.tok_start < clause.speaker_end]
        if speakers:
            event_type, mode = "REQUEST", None
            roles.recipients = [m for m in roles.actors if m not in speakers] or roles.recipients
            roles.actors = speakers
            clause = replace(clause, hypothetical=False, future=False)
    if ordered is not None:
        event_type, mode = ordered  # "ordered police to disperse the crowd": the act ordered
    if event_type == "SUPPORT" and material_cooperation(words, match, contexts_found):
        event_type, mode = "COOPERATE", None  # "expanded cooperation" on trade or security
    if event_type in ("REQUEST", "COERCE") and protesters_act(words, match, event_type, mode):
        event_type, mode = "PROTEST", "obstruct" if event_type == "COERCE" else "demo"  # blockade, demand
    if event_type == "ASSAULT" and mode != "crowd-control" and protesters(roles.actors, words, match):
        event_type, mode = "PROTEST", "riot"  # protesters clashing or throwing stones: a violent protest
    if event_type == "ASSAULT" and cyber_attack(words, match):
        event_type, mode = "COERCE", "cyber"  # "carried out a ransomware attack": no physical violence
    if mode == "visit" and _troops_arrive(words, match, clause):
        event_type, mode = "MOBILIZE", "troops"  # "troops arrived in the port": a deployment, not a visit
    if event_type == "MOBILIZE" and joint_exercise(
        words, match, roles.actors + [m for group in roles.partners for m in group]
    ):
        event_type, mode = "COOPERATE", None  # joint military games and manoeuvres (manual, COOPERATE)
    if event_type == "MOBILIZE" and not _PEACEKEEPING.isdisjoint(words):
        event_type, mode = "AID", None  # sending peacekeepers is protection for the host (CAMEO 074)
    elif event_type == "MOBILIZE" and not _UNARMED.isdisjoint(words[match.start : match.end + 8]):
        event_type, mode = "AID", None  # deploying observers/doctors: no armed force
    elif event_type == "MOBILIZE" and unarmed_purpose(words, match):
        event_type, mode = "AID", None  # "a unit deployed to Bolivia to train border guards"
    if event_type in MATERIAL_CONFLICT | {"PROTEST"} and conditional_threat(words, match, clause):
        clause = replace(clause, hypothetical=False, future=True)  # "would strike ... if": a threat
        if event_type == "PROTEST":
            event_type, mode = "THREATEN", "restrict"  # "a strike could follow if ...": codebook
    if clause.negated and event_type in _COOPERATIVE and refusal(lexicon, words, match, clause):
        event_type, mode = "REJECT", None  # "will not release", "failed to agree": declining (CAMEO 12)
        clause = replace(clause, negated=False)
    elif clause.future and not clause.hypothetical and not clause.negated:
        if event_type in MATERIAL_CONFLICT:  # announced coercion ("will impose a curfew"): CAMEO 13
            event_type, mode = "THREATEN", threat_mode(event_type, mode)
        elif event_type in lexicon.cues.get("cooperative_future_agree", ()):
            event_type, mode = "AGREE", None
        elif event_type == "RETREAT":
            event_type, mode = "CONCEDE", None

    if mode in _ON_OWN_PEOPLE and not roles.recipients and roles.actors and not clause.passive:
        own = roles.actors[0]
        if own.country is not None and own.sector in _STATE_AUTHORITY:
            # "Turkey Detains 40 Suspects", "a court sentenced 12 men": the state's own people
            roles.recipients = [replace(own, sector=_CIVILIANS)]
    if event_type in VERBAL and not roles.actors:
        return []  # a statement needs its author
    if event_type == "AID" and clause.passive and clause.kind == RELATIVE:
        return []  # "fighters, who were trained by Iran, attacked": describes the participants
    if (
        event_type == "AID"
        and entry.swap
        and (clause.infinitive or (not roles.actors and "from" in words[match.start : match.end]))
    ):
        # "waited a year to receive aid from X": a receipt hoped for, not one done; "the money came
        # from drug trafficking": a receipt needs its giver
        return []
    if event_type == "AID" and domestic_programme(words, match, roles.actors, roles.recipients):
        return []  # "launched a welfare programme for rural women": domestic policy
    if event_type == "REQUEST" and unaddressed(words, match, mentions, roles):
        return []  # "called for reform", "urged restraint": a position stated to no one (CAMEO 01)
    if event_type == "REQUEST" and appeal(words, match):
        return []  # "urged Europe to press Myanmar": an appeal (CAMEO 02), dropped by PLOVER
    civilian_ok = event_type in lexicon.cues.get("civilian_ok", ()) or (
        event_type in _DISSENT_TALK and not _DISSENT.isdisjoint(words)
    )  # workers or protesters refusing, yielding or demanding about their strike or protest
    if event_type == "RETREAT" and (clause.passive or entry.noun) and not roles.actors:
        civilian_ok = True  # "an activist was released", "the handover of the hostages": no captor named
    everyone = roles.actors + roles.recipients + [m for g in roles.partners for m in g]
    if not _political(everyone):
        if event_type == "PROTEST":
            country = state.dominant_country()
            loc_country = roles.location.country if roles.location else None
            if not roles.actors:
                roles.actors = []
            synthetic = {"text": words[match.start], "country": loc_country or country, "sector": "CVL"}
            return [
                _assemble(state, paragraph, sentence, date, words, starts, ends, match, clause,
                          event_type, mode, contexts_found, [synthetic], [], roles.location,
                          weak_nonpolitical)
            ]  # fmt: skip
        if not (civilian_ok and any(m.country is not None for m in everyone)):
            return []

    groups = roles.partners or [[]]
    out = []
    for group in groups:
        actors = [_actor_dict(m) for m in _unique(roles.actors + group)]
        recipients = [_actor_dict(m) for m in _unique(roles.recipients) if m not in roles.actors]
        if not actors and not recipients:
            continue
        out.append(
            _assemble(state, paragraph, sentence, date, words, starts, ends, match, clause,
                      event_type, mode, contexts_found, actors, recipients, roles.location, weak_nonpolitical)
        )  # fmt: skip
    return out


_TRANSFERS = frozenset({"AID", "COOPERATE", "RETREAT", "MOBILIZE"})
_PASSIVE_AUX = frozenset({"was", "were", "been", "being"})


def _passive_inside(words: list[str], match: Match) -> bool:
    """A pattern that holds its own passive: a be-form and a trigger ending in a participle ("sanctions
    were lifted"), or a transfer or troop pattern with a be-form or a closing "by" ("aid was delivered
    to", "convoys were allowed into", "supplies airdropped by X", "the drill was staged by X"); its "by"
    agent acts and the mention before it receives."""
    trigger = words[match.start : match.end]
    if trigger[-1].endswith("ed") and not BE_FORMS.isdisjoint(trigger):
        return True
    if match.entry.event_type not in _TRANSFERS:
        return False
    inner = trigger[1:]
    return inner[-1:] == ["by"] or not _PASSIVE_AUX.isdisjoint(inner[:-1])


def _troops_arrive(words: list[str], match: Match, clause: ClauseInfo) -> bool:
    """The subject of a visit verb is troops or warships, not a chief or delegation of them."""
    subject = words[max(clause.region_start, match.start - 6) : match.start]
    return not _TROOPS.isdisjoint(subject) and _VISITORS.isdisjoint(subject)


def _unique(ms: list[Mention]) -> list[Mention]:
    seen: set[tuple[str | None, str | None, str]] = set()
    out = []
    for m in ms:
        key = (m.country, m.sector, m.mention.text)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _assemble(
    state: _ArticleState,
    paragraph: Paragraph,
    sentence: Sentence,
    date: str | None,
    words: list[str],
    starts: list[int],
    ends: list[int],
    match: Match,
    clause: ClauseInfo,
    event_type: str,
    mode: str | None,
    contexts_found: list[str],
    actors: list[dict[str, Any]],
    recipients: list[dict[str, Any]],
    location: Mention | None,
    weak_nonpolitical: bool,
) -> dict[str, Any]:
    entry = match.entry
    confidence = entry.weight * _CLAUSE_FACTOR.get(clause.kind, 1.0)
    if clause.infinitive and _DECIDED.isdisjoint(words[max(0, clause.to_at - 4) : clause.to_at]):
        confidence *= 0.8  # "voted (on Friday) to withdraw the troops" reports the act
    if clause.participle:
        confidence *= 0.75
    elif appositive(words, match) or reduced_relative(words, match) or participle_modifier(words, match):
        confidence *= 0.6
    if entry.noun:
        confidence *= 0.85
    if not actors and not (clause.passive and entry.event_type == "RETREAT"):
        confidence *= 0.7  # an agentless passive release names no actor by grammar, not by doubt
    if recipients:
        confidence = min(0.99, confidence * 1.05)
    if clause.negated:
        confidence *= 0.8
    if clause.hypothetical:
        confidence *= 0.8
    if weak_nonpolitical:
        confidence *= 0.7
    contexts = sorted({*entry.contexts, *contexts_found}, key=_context_rank)
    trig_start = sentence.start + starts[match.start]
    trig_end = sentence.start + ends[match.end - 1]
    trigger = state.article.body[trig_start:trig_end]
    return make_event(
        article_id=state.article.id,
        paragraph_index=paragraph.index,
        sentence_index=sentence.index,
        heading=paragraph.heading,
        event_type=event_type,
        mode=mode,
        contexts=contexts,
        actor=actors,
        recipient=recipients,
        evidence_text=sentence.text,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        trigger=trigger,
        confidence=max(0.05, confidence),
        carried_out=event_type == "CONCEDE" and concession_carried_out(words, match, clause),
        negated=clause.negated,
        hypothetical=clause.hypothetical,
        future=clause.future,
        reported=clause.reported,
        date=date,
        location={"text": location.mention.text, "country": location.country} if location else None,
    )


def _context_rank(context: str) -> int:
    return _CONTEXT_ORDER.get(context, 99)


def _key(ev: dict[str, Any]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return (
        ev["event_type"],
        tuple(sorted(str(a["country"]) for a in ev["actor"])),
        tuple(sorted(str(r["country"]) for r in ev["recipient"])),
    )


def _dedupe_sentence(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per (type, actors, recipients) in a sentence; MOBILIZE yields to ASSAULT, CONSULT to
    a diplomatic ACCUSE (summoning an ambassador), as the manual asks."""
    if len(events) <= 1:
        return events
    types = {e["event_type"] for e in events}
    keys = [_key(ev) for ev in events]
    best: dict[tuple[str, tuple[str, ...], tuple[str, ...]], dict[str, Any]] = {}
    for ev, k in zip(events, keys, strict=True):
        if ev["event_type"] == "MOBILIZE" and "ASSAULT" in types and _in_assault(ev, events):
            continue
        if ev["event_type"] == "CONSULT" and "ACCUSE" in types:
            continue
        if ev["event_type"] == "REQUEST" and _backed_by_threat(events):
            continue
        if k not in best or ev["confidence"] > best[k]["confidence"]:
            best[k] = ev
    return [e for e, k in zip(events, keys, strict=True) if best.get(k) is e]


def _backed_by_threat(events: list[dict[str, Any]]) -> bool:
    """A demand backed by a threat in the same sentence ("pressed X to ..., threatening to ...") is
    coded as the threat: the more forceful act (manual: requests are less forceful than threats)."""
    return any(e["event_type"] == "THREATEN" and e["confidence"] >= 0.6 for e in events)


def _in_assault(mobilize: dict[str, Any], events: list[dict[str, Any]]) -> bool:
    """The forces moved are the ones that use force ("units were activated and returned fire"): an
    ASSAULT of the same actor at least as confident, not one in a background or purpose clause."""
    actors = {a["country"] for a in mobilize["actor"]}
    return any(
        e["event_type"] == "ASSAULT"
        and e["confidence"] >= mobilize["confidence"]
        and not actors.isdisjoint(a["country"] for a in e["actor"])
        for e in events
    )


def drop_repeated_headings(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A heading event is dropped when a body paragraph yields the same type with (a superset of) its
    actor countries; otherwise it is kept, flagged ``heading: true``."""
    body = [(e["event_type"], {str(a["country"]) for a in e["actor"]}) for e in events if not e["heading"]]

    def repeated(ev: dict[str, Any]) -> bool:
        actors = {str(a["country"]) for a in ev["actor"]}
        return any(t == ev["event_type"] and actors <= other for t, other in body)

    return [e for e in events if not e["heading"] or not repeated(e)]


def top_event(events: list[dict[str, Any]], paragraphs: int = 1) -> dict[str, Any] | None:
    """The article's dominant event. Each type is scored by the summed confidence of its live
    (non-negated, non-hypothetical) events in the first ``paragraphs`` paragraphs that have events,
    the first of them (the lede) counting double and its first sentence with events 1.5 times; the
    best type's most confident event is returned. Earlier triggers rank slightly higher (``_rank``).
    A single sentence thus yields its most confident event (main clause before subordinate ones)."""
    live = [e for e in events if not e["negated"]]
    if not live:
        return None
    certain = [e for e in live if not e["hypothetical"]] or live
    firsts = sorted({e["paragraph_index"] for e in certain})[:paragraphs]
    lead = [e for e in certain if e["paragraph_index"] in firsts]
    min_sentence: dict[int, int] = {}
    for e in lead:
        p, k = e["paragraph_index"], e.get("sentence_index", 0)
        min_sentence[p] = min(min_sentence.get(p, k), k)
    outcomes = {
        (e["paragraph_index"], e.get("sentence_index", 0)) for e in lead if e["event_type"] in _OUTCOMES
    }
    score: dict[str, float] = {}
    for e in lead:
        weight = 2.0 if e["paragraph_index"] == firsts[0] else 1.0
        if e["event_type"] == "CONSULT" and (e["paragraph_index"], e.get("sentence_index", 0)) in outcomes:
            weight *= 0.5  # "met and agreed to ...", "talks ended with a deal": the outcome is the news
        if e.get("sentence_index") == min_sentence.get(e["paragraph_index"]):
            weight *= 1.5  # the lede sentence states the news (inverted pyramid)
        score[e["event_type"]] = score.get(e["event_type"], 0.0) + _rank(e) * weight
    best = max(
        score, key=lambda t: (score[t], -min(e["paragraph_index"] for e in lead if e["event_type"] == t))
    )
    return max((e for e in lead if e["event_type"] == best), key=_rank)


def _rank(event: dict[str, Any]) -> float:
    """Confidence with a slight preference for earlier triggers: in news sentences the main verb
    comes before its complements and adjuncts (about -1% per six characters)."""
    evidence = event.get("evidence") or {}
    pos = str(evidence.get("text", "")).find(str(evidence.get("trigger", "")))
    return float(event["confidence"]) / (1 + 0.01 * max(0, pos) / 6)
