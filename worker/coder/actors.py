"""Actor resolution: countries, demonyms, capitals, leaders, IGOs, armed groups and domestic actors.

``find_actors(sentence)`` returns the actor mentions of one sentence, in text order, non-overlapping,
longest match first. Each mention carries a country code (ISO 3166-1 alpha-3, or an IGO code such as UNO,
EUR, NATO; ``None`` for domestic actors such as "police" whose country the caller infers from context) and
a PLOVER sector code taken from the head noun ("South Korea's military" -> KOR/MIL, "Russian Ambassador"
-> RUS/DIP) or from the entry itself ("the Kremlin" -> RUS/GOV).

The gazetteer lives in ``worker/data/actors/*.json`` and is compiled once, lazily, into one trie-shaped
regular expression plus a dictionary from surface form to entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from worker.coder.model import ActorMention

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

# Names that are also common given names or other things: skipped when a capitalised word stands
# right before ("Michael Jordan") or right after ("Jordan Peterson") them.
_PERSON_NAME_RISK = frozenset(
    {
        "Jordan", "Chad", "Georgia", "Washington", "Israel", "Sofia", "Santiago", "Florence", "Salvador",
        "Adelaide", "Alexandria", "Medina", "Finn", "Paris", "Kingston", "Lima", "Victoria", "Austin",
        "Houston", "Dallas", "Phoenix", "Denver", "Sydney", "Perth", "Cuba", "Kenya", "India", "China",
        "Wagner", "Anwar", "Abiy", "Lula", "Prabowo", "Tedros", "Sisi", "Burhan", "Assad", "Marcos",
    }
)  # fmt: skip
# Capitalised words that may stand before a risky name without making it part of a person's name.
_FUNCTION_WORDS = frozenset(
    {
        "In", "At", "From", "To", "The", "And", "But", "For", "With", "On", "By", "Of", "Both", "As", "If",
        "While", "When", "After", "Before", "Since", "Neighbouring", "Neighboring", "Meanwhile", "Like",
        "Unlike", "Across", "Inside", "Outside", "Against", "Near", "Only", "Then", "Also", "Yet", "So",
        "Or", "Nor", "Why", "How", "Where", "Did", "Does", "Will", "Would", "Can", "Could", "Should",
        "Has", "Have", "Had", "Is", "Was", "Are", "Were", "Said", "Says", "Tells", "Told", "Visit",
        "Visits", "Via", "Through", "Within", "Without", "Under", "Over", "Between", "Among", "Amid",
        "Despite", "Although", "Though", "Because", "Until", "Toward", "Towards", "Beyond", "About",
        "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "President", "Prime", "Minister",
        "King", "Queen", "Sheikh", "Crown", "Prince", "Gen.", "General", "Ambassador", "Secretary",
    }
)  # fmt: skip
# Domestic words that are also adjectives ("military cooperation", "police station"): kept only before
# punctuation, a verb-like word ("the military said", "police fired") or a head noun ("police officers").
_ADJECTIVAL = frozenset(
    {"military", "government", "opposition", "army", "court", "parliament", "congress", "senate", "police",
     "regime", "cabinet", "junta", "militia", "national assembly", "supreme court", "constitutional court",
     "ruling party", "opposition party", "security forces", "navy", "air force", "coast guard", "coastguard",
     "president", "presidency", "administration", "judiciary", "tribunal", "armed forces", "prosecutor",
     "rebel", "insurgent", "militant", "guerrilla", "jihadist", "soldier", "crowd", "mob"}
)  # fmt: skip
DOMESTIC_ADJECTIVES = _ADJECTIVAL  # read as actors only before a verb-like or capitalised word
_VERBISH = frozenset(
    {"said", "says", "say", "has", "have", "had", "is", "was", "are", "were", "will", "would", "could",
     "can", "may", "might", "must", "should", "did", "does", "do", "also", "then", "later", "which", "who",
     "that", "and", "or", "but", "on", "in", "at", "to", "for", "from", "with", "after", "before", "since",
     "over", "against", "into", "of", "claims", "denies", "warns", "insists", "confirms", "reports",
     "announces", "plans", "vows", "fires", "launches", "threatens", "accuses", "rejects", "seized", "took",
     "began", "shot", "struck", "hit", "told", "led", "sent", "held", "met", "won", "lost"}
)  # fmt: skip
# A first head that can also modify a second one ("civilian activists", "official News Agency"); the
# sector of these first heads is kept over the second's ("military officials" stays MIL).
_STRONG_FIRST = frozenset({"MIL", "COP", "SPY", "OPP", "REB", "LEG", "JUD", "PTY"})
# Capitalised words that are not part of a name after a title ("a federal judge Thursday").
_NOT_NAMES = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
     "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
     "On", "In", "At", "The", "And", "But", "For", "With", "To", "From", "By", "As", "Of", "Said", "Says",
     "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central"}
)  # fmt: skip
# The EU is meant when "Brussels" shares a sentence with one of these.
_EU_CUES = re.compile(r"\b(?:EU|E\.U\.|European|bloc|Commission|eurozone|euro zone|member states)\b")
_GEORGIA_US = re.compile(r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s$")
_CAP_WORD = re.compile(r"[A-Z][\w'’.-]*")
_PREV_WORD = re.compile(r"(\S+)\s+$")
_NEXT_WORD = re.compile(r"\s+(\S+)")

_ATTRIBUTIVE = (
    "-backed", "-made", "-based", "-born", "-funded", "-supported", "-allied", "-aligned", "-sponsored",
    "-built", "-style", "-owned", "-speaking", "-language", "-flagged", "-registered", "-bound",
)  # fmt: skip
_OWNERSHIP = ("-flagged", "-owned", "-registered")
_BLOCKER = "blocker"  # matched so that a shorter name inside it is not, never returned
_NOT_ACTOR_KINDS = frozenset({"location", "ethnic", "owner"})  # never give their country to others
_OWNER_KINDS = frozenset(
    {"country", "demonym", "capital", "seat", "igo", "group", "person", "city", "region"}
)  # kinds that can take a head noun: "Russian Embassy", "Seoul government", "Cho's ministry"


# Named organisations keep their own sector whatever the head noun: "Wagner fighters" stay RUS/MIL,
# "Pentagon officials" USA/MIL, "Hamas officials" PSE/REB.
_KEEP_OWN_SECTOR = frozenset({"group", "igo", "seat"})


@dataclass(frozen=True, slots=True)
class Entry:
    """What one surface form resolves to."""

    country: str | None
    sector: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    table: dict[str, Entry]
    # Two scanners: one regex alternation of every surface form is ~4x slower, as lowercase first
    # letters make nearly every position a candidate. Lowercase forms are searched after a space.
    find_upper: re.Pattern[str]  # surface forms that do not start with a lowercase letter
    find_lower: re.Pattern[str]  # the others, each after a space
    lower_at_start: re.Pattern[str]
    tail: re.Pattern[str]
    tail_word: re.Pattern[str]  # the word where a tail's first modifier or head noun would start
    tail_words: frozenset[str]  # the first words of modifiers and head nouns, lower-cased
    name_after_title: re.Pattern[str]
    chain: re.Pattern[str]
    possessive: re.Pattern[str]  # "Smith's ministry" with an owner not in the gazetteer
    heads: dict[str, str]
    modifiers: frozenset[str]
    person_titles: frozenset[str]
    bare_titles: frozenset[str]


def _load(name: str) -> Any:
    return orjson.loads((DATA_DIR / name).read_bytes())


def _trie_regex(words: list[str]) -> str:
    """A regex source matching exactly ``words``, longest alternative first at every branch."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _surnames(people: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Surname -> person, for surnames that are set and whose people all share one country and sector
    ("Castro": Fidel and Raul, both CUB/GOV; "Rasmussen" of Denmark and of NATO is dropped)."""
    seen: dict[str, list[dict[str, Any]]] = {}
    for person in people:
        surname = person["surname"] if "surname" in person else person["name"].split()[-1]
        if surname:
            seen.setdefault(surname, []).append(person)
    return {
        name: owners[0]
        for name, owners in seen.items()
        if len({(p["country"], p["sector"]) for p in owners}) == 1
    }


def build_table() -> dict[str, Entry]:
    """Every surface form of the gazetteer and what it resolves to. Later sources never override."""
    table: dict[str, Entry] = {}

    def add(names: list[str], entry: Entry) -> None:
        for name in names:
            table.setdefault(name, entry)

    locations = _load("locations.json")
    for group in locations["locations"]:
        add(group["names"], Entry(group["country"], None, "location"))
    for group in locations["demonym_blockers"]:
        add(group["names"], Entry(group["country"], None, _BLOCKER))
    for group in locations["ethnic"]:
        add(group["names"], Entry(group["country"], None, "ethnic"))
    for igo in _load("igos.json")["igos"]:
        add(igo["names"], Entry(igo["code"], igo["sector"], "igo"))
    for group in _load("groups.json")["groups"]:
        add(group["names"], Entry(group["country"], group["sector"], "group"))
    people = _load("people.json")["people"]
    for person in people:
        add([person["name"], *person["aliases"]], Entry(person["country"], person["sector"], "person"))
    countries = _load("countries.json")["countries"]
    for country in countries:
        code = country["code"]
        for seat, sector in country.get("seats", []):
            add([seat], Entry(code, sector, "seat"))
    for country in countries:
        code = country["code"]
        add(country["names"], Entry(code, None, "country"))
        add(country["demonyms"], Entry(code, None, "demonym"))
        add(country["capitals"], Entry(code, "GOV", "capital"))
        add(country.get("regions", []), Entry(code, None, "region"))
        add(country.get("cities", []), Entry(code, "CVL", "city"))
    table.setdefault("Brussels", Entry("BEL", "GOV", "capital"))
    for surname, person in _surnames(people).items():
        add([surname], Entry(person["country"], person["sector"], "person"))
    sectors = _load("sectors.json")
    for title, sector in sectors["title_seeds"].items():
        add([title], Entry(None, sector, "title"))
    for word in sectors["domestic"]:
        entry = Entry(None, sectors["heads"][word], "domestic")
        add([word, word[0].upper() + word[1:], word.title()], entry)  # "Supreme Court" too
    for word in sectors.get("country_references", []):  # "the country's president": a country, unnamed
        add([word, word[0].upper() + word[1:]], Entry(None, None, "domestic"))
    return table


@cache
def gazetteer() -> _Gazetteer:
    """The compiled gazetteer, built on first use."""
    table = build_table()
    sectors = _load("sectors.json")
    heads: dict[str, str] = sectors["heads"]
    lower = [w for w in table if w[0].islower()]
    upper = [w for w in table if not w[0].islower()]
    head_alt = _trie_regex([h.lower() for h in heads]).replace(r"\ ", r"\s+")
    mod_alt = _trie_regex([m.lower() for m in sectors["modifiers"]]).replace(r"\ ", r"\s+")
    # after an owner: optional possessive, up to three modifiers, then a head noun
    mods = r"((?:\s+(?i:" + mod_alt + r")(?![\w'’-])){0,3}?)"
    head = r"\s+(?i:(" + head_alt + r"))(?![\w-])"
    tail = re.compile(r"(?:['’]s?)?" + mods + head)
    possessive = re.compile(r"([A-Z][\w-]*)['’]s" + mods + head)
    chain = re.compile(r"()" + head)
    # after a person title: an appositive name ("Minister, Kim Hong Kyun" or "Minister Yoko Kamikawa")
    name_after_title = re.compile(r",?\s+((?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,2})(?![\w'’])")
    return _Gazetteer(
        table=table,
        find_upper=re.compile(_trie_regex(upper) + r"(?!\w)"),
        find_lower=re.compile(" " + _trie_regex(lower) + r"(?![\w-])"),
        lower_at_start=re.compile(_trie_regex(lower) + r"(?![\w-])"),
        tail=tail,
        tail_word=re.compile(r"(?:['’]s?)?\s+([\w-]+)"),
        tail_words=frozenset(_leading_word(w) for w in [*heads, *sectors["modifiers"]]),
        chain=chain,
        possessive=possessive,
        name_after_title=name_after_title,
        heads={h.lower(): s for h, s in heads.items()},
        modifiers=frozenset(m.lower() for m in sectors["modifiers"]) | {"civilian", "official", "student"},
        person_titles=frozenset(sectors["person_titles"]),
        bare_titles=frozenset(sectors["bare_titles"]),
    )


@cache
def sector_words() -> frozenset[str]:
    """The words of head nouns, modifiers and titles, lower-cased (matched in any case)."""
    sectors = _load("sectors.json")
    forms = [*sectors["heads"], *sectors["modifiers"], *sectors["person_titles"], *sectors["bare_titles"]]
    forms += sectors.get("title_seeds", [])
    return frozenset(w for form in forms for w in re.findall(r"[a-z]+", form.lower()))


def _leading_word(form: str) -> str:
    """The leading run of word characters and hyphens of a modifier or head noun, lower-cased: all
    that a text's next word can be where the form starts ("u.n." -> "u", "women's" -> "women")."""
    word = re.match(r"[\w-]+", form.lower())
    assert word is not None, form
    return word.group(0)


def _may_open_tail(sentence: str, end: int, gaz: _Gazetteer) -> bool:
    """False when the word after ``end`` cannot start a modifier or head noun: most words after a name
    ("the government said"). A non-ASCII word is left to the tail regex, whose case-insensitive
    matching folds a few letters that ``str.lower`` does not."""
    word = gaz.tail_word.match(sentence, end)
    if word is None:
        return False
    text = word.group(1)
    return text.lower() in gaz.tail_words or not text.isascii()


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _risky_name(sentence: str, start: int, end: int) -> bool:
    """A country or city name that is here part of a person's or other proper name."""
    before = _PREV_WORD.search(sentence, 0, start)
    if before is not None and before.end() == start:
        word = before.group(1)
        if word[0].isupper() and word not in _FUNCTION_WORDS and not word.endswith((",", ".", ":", ";")):
            return True
    after = _NEXT_WORD.match(sentence, end)
    return after is not None and _CAP_WORD.match(after.group(1)) is not None


def _adjectival_ok(sentence: str, end: int) -> bool:
    """Keep a domestic word like "military" only where it is a noun phrase, not an adjective."""
    after = _NEXT_WORD.match(sentence, end)
    if after is None:
        return True
    word = after.group(1).rstrip(',.;:!?"”)')
    if not word or word != after.group(1):
        return bool(word) and (word in _VERBISH or word.endswith("ed"))
    return not word[0].islower() or word in _VERBISH or word.endswith("ed")


def _is_us_georgia(sentence: str, start: int, table: dict[str, Entry]) -> bool:
    """ "Atlanta, Georgia" is the US state; "Tbilisi, Georgia" is the country."""
    place = _GEORGIA_US.search(sentence, 0, start)
    if place is None:
        return False
    entry = table.get(place.group(1))
    return entry is None or entry.country == "USA"


_NEEDS_CONTEXT = _PERSON_NAME_RISK | {"Brussels"}  # the names ``_resolve`` may change


def _resolve(
    sentence: str, start: int, end: int, surface: str, entry: Entry, table: dict[str, Entry]
) -> Entry | None:
    """Context rules for ambiguous names; ``None`` drops the mention."""
    if surface in _PERSON_NAME_RISK:
        if surface == "Georgia" and _is_us_georgia(sentence, start, table):
            return Entry("USA", None, "region")
        if _risky_name(sentence, start, end):
            return None
    if surface == "Brussels" and _EU_CUES.search(sentence):
        return Entry("EUR", "GOV", "igo")
    return entry


def _candidates(sentence: str, gaz: _Gazetteer) -> list[tuple[int, int]]:
    """Spans of gazetteer matches at word boundaries, in text order, longest first on ties."""
    spans: list[tuple[int, int]] = []
    for m in gaz.find_upper.finditer(sentence):
        start = m.start()
        if start:
            before = sentence[start - 1]
            if before.isalnum() or before in "_-":
                continue  # inside a word or a compound: "anti-Pyongyang"
        spans.append(m.span())
    first = len(spans)
    at_start = gaz.lower_at_start.match(sentence)
    if at_start is not None:
        spans.append(at_start.span())
    for m in gaz.find_lower.finditer(sentence):
        spans.append((m.start() + 1, m.end()))
    if len(spans) > first and first:
        # upper and lower forms never start at the same offset (their first letters differ in case),
        # so plain tuple order is start order
        spans.sort()
    return spans


def find_actors(sentence: str) -> list[ActorMention]:
    """All actor mentions in ``sentence``, longest match first, non-overlapping, in text order."""
    gaz = gazetteer()
    spans = _candidates(sentence, gaz)
    table = gaz.table
    out: list[ActorMention] = []
    taken = 0
    size = len(sentence)
    for start, end in spans:
        if start < taken:
            continue
        if end < size and sentence[end] == "-" and sentence.startswith(_ATTRIBUTIVE, end):
            owner = table[sentence[start:end]]
            if sentence.startswith(_OWNERSHIP, end) and owner.kind in ("country", "demonym"):
                # "a British-flagged tanker": the owner is hit when the vessel is, but never acts
                out.append(ActorMention(start, end, sentence[start:end], owner.country, None, "owner"))
                taken = end
            continue  # "Iranian-backed Houthis", "Russian-made drones": not the actor
        surface = sentence[start:end]
        entry = table[surface]
        if surface in _NEEDS_CONTEXT:
            resolved = _resolve(sentence, start, end, surface, entry, table)
            if resolved is None:
                continue
            entry = resolved
        if entry.kind == _BLOCKER:  # "Latin American", "Cold War": not an actor, but not "American" either
            taken = end
            continue
        mention = _extend(sentence, start, end, entry, gaz)
        if mention is not None:
            out.append(mention)
            taken = mention.end
    if "'s" in sentence or "’s" in sentence:
        _add_unknown_possessives(sentence, out, gaz)
    return out


def _possessive_matches(sentence: str, gaz: _Gazetteer) -> list[re.Match[str]]:
    """Matches of the possessive pattern, tried only at words that end in 's (cheaper than a scan)."""
    out: list[re.Match[str]] = []
    for apostrophe in ("'s", "’s"):
        at = sentence.find(apostrophe)
        while at > 0:
            start = at
            while start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] in "_-"):
                start -= 1
            owner = sentence[start:at]
            known = owner in gaz.table or owner in _NOT_NAMES
            after_the = sentence.endswith(("the ", "The "), 0, start)  # "the North's leader"
            if (
                owner[:1].isupper()
                and not known
                and not after_the
                and (start == 0 or sentence[start - 1] not in "'’.")
            ):
                m = gaz.possessive.match(sentence, start)
                if m is not None:
                    out.append(m)
            at = sentence.find(apostrophe, at + 2)
    return out


def _add_unknown_possessives(sentence: str, out: list[ActorMention], gaz: _Gazetteer) -> None:
    """ "Smith's ministry": an unknown owner with a head noun. Its country is the sentence's only
    country when there is exactly one, else ``None``."""
    found: list[ActorMention] = []
    for m in _possessive_matches(sentence, gaz):
        start, end = m.start(1), m.end()
        inside = [a for a in out if a.start < end and start < a.end]
        if any(a.kind != "domestic" or a.start < start for a in inside):
            continue
        for a in inside:  # "Han's government" replaces the bare "government"
            out.remove(a)
        sector = gaz.heads.get(_normal_head(m.group(3)))
        found.append(ActorMention(start, end, sentence[start:end], None, sector, "title"))
    if not found:
        return
    countries = {a.country for a in out if a.country is not None and a.kind not in _NOT_ACTOR_KINDS}
    country = countries.pop() if len(countries) == 1 else None
    for mention in found:
        out.append(
            ActorMention(mention.start, mention.end, mention.text, country, mention.sector, mention.kind)
        )
    out.sort(key=lambda a: a.start)


def _extend(sentence: str, start: int, end: int, entry: Entry, gaz: _Gazetteer) -> ActorMention | None:
    """Grow a match by its head noun ("Russian Embassy") and a following name; build the mention."""
    country, sector, kind = entry.country, entry.sector, entry.kind
    extended = False
    if kind == "title":  # a bare title: "President Michel Temer", "Minister Cho Tae-yul"
        title_end = end
        end, person = _absorb_name(sentence, end, gaz)
        if person is not None:
            country = person.country
        elif end == title_end and sentence[start:end] not in gaz.bare_titles:
            return None  # "Justice!", "the King's office": not an actor without a name
    elif kind in _OWNER_KINDS or kind == "domestic":
        # the tail opens with an optional 's and then whitespace: nothing else can start it
        nxt = sentence[end : end + 1]
        tail = None
        if nxt and (nxt in "'’" or nxt.isspace()) and _may_open_tail(sentence, end, gaz):
            tail = gaz.tail.match(sentence, end)
        if tail is not None:
            head = _normal_head(tail.group(2))
            keep = kind in _KEEP_OWN_SECTOR or (kind == "domestic" and sector in _STRONG_FIRST)
            if sector is None or not keep:
                sector = gaz.heads.get(head, sector)
            end = tail.end()
            extended = True
            while head in gaz.modifiers:  # "civilian activists", "official News Agency"
                chained = gaz.chain.match(sentence, end)
                if chained is None:
                    break
                head = _normal_head(chained.group(2))
                if sector not in _STRONG_FIRST:
                    sector = gaz.heads.get(head, sector)
                end = chained.end()
            if kind != "domestic":
                kind = "title"
            if head in gaz.person_titles:
                end, person = _absorb_name(sentence, end, gaz)
                if country is None and person is not None:
                    country = person.country  # "opposition leader Juan Guaido" -> VEN
    adjectival = kind == "domestic" and not extended and sentence[start:end].lower() in _ADJECTIVAL
    if adjectival and not _adjectival_ok(sentence, end):
        return None
    return ActorMention(start, end, sentence[start:end], country, sector, kind)


def _normal_head(text: str) -> str:
    head = text.lower()
    return head if head.count(" ") == len(head.split()) - 1 else " ".join(head.split())


def _absorb_name(sentence: str, end: int, gaz: _Gazetteer) -> tuple[int, Entry | None]:
    """End of a person's name standing right after a title (and the person when known)."""
    name = gaz.name_after_title.match(sentence, end)
    if name is None:
        return end, None
    text = name.group(1)
    known = gaz.find_upper.match(sentence, name.start(1))  # may run past the capitalised words
    if known is not None:
        entry = gaz.table[known.group(0)]
        if entry.kind != "person":
            return end, None  # a place or organisation, not a name: "Ambassador to Seoul"
        return known.end(), entry  # "Crown Prince Mohammed bin Salman"
    if name.group(0).startswith(","):
        return end, None  # an unknown appositive after a comma is too risky to take
    last = end
    for word in re.finditer(r"\S+", text):
        token = word.group(0)
        if token.rstrip(".,") in _NOT_NAMES:
            break
        cut = len(token)
        if token.endswith(("'s", "’s")):
            cut -= 2  # "President Francois Hollande's government": the name ends before the possessive
        elif token.endswith(".") and len(token) > 3:
            cut -= 1  # a full stop, not an initial ("W.", "Jr.")
        last = name.start(1) + word.start() + cut
        if cut < len(token):
            break
    return last, None


def country_of(text: str) -> str | None:
    """The country a single name resolves to ("Seoul" -> KOR), or ``None``."""
    entry = gazetteer().table.get(text)
    return entry.country if entry is not None else None


def is_location_only(mention: ActorMention) -> bool:
    """True for places (cities, regions, seas, world regions) that are rarely actors by themselves."""
    return mention.kind in ("city", "region", "location")
