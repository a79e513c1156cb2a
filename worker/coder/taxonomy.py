"""The PLOVER taxonomy as used by the coder: event types, modes, contexts, quad classes, CAMEO roots.

Sources: PLOVER manual (draft 0.8) and codebook; CAMEO roots derived from CAMEO2PLOVER-2021.txt
(the CAMEO code family each PLOVER type/mode pair comes from).
"""

from __future__ import annotations

from typing import Final

EVENT_TYPES: Final = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

VERBAL_COOPERATION: Final = "verbal_cooperation"
MATERIAL_COOPERATION: Final = "material_cooperation"
VERBAL_CONFLICT: Final = "verbal_conflict"
MATERIAL_CONFLICT: Final = "material_conflict"
QUAD_CLASSES: Final = (VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT)

# The manual's numeric table "Quad categories in PLOVER" (the one quad data sets number by). The manual
# is not consistent here: the SANCTION chapter ends with "Quad category: MATERIAL CONFLICT", but the
# numeric table lists SANCTION under verbal conflict (3); we follow the table.
QUAD_CLASS: Final[dict[str, str]] = {
    "AGREE": VERBAL_COOPERATION, "CONSULT": VERBAL_COOPERATION,
    "SUPPORT": VERBAL_COOPERATION, "CONCEDE": VERBAL_COOPERATION,
    "COOPERATE": MATERIAL_COOPERATION, "AID": MATERIAL_COOPERATION, "RETREAT": MATERIAL_COOPERATION,
    "REQUEST": VERBAL_CONFLICT, "ACCUSE": VERBAL_CONFLICT,
    "REJECT": VERBAL_CONFLICT, "SANCTION": VERBAL_CONFLICT, "THREATEN": VERBAL_CONFLICT,
    "PROTEST": MATERIAL_CONFLICT, "MOBILIZE": MATERIAL_CONFLICT,
    "COERCE": MATERIAL_CONFLICT, "ASSAULT": MATERIAL_CONFLICT,
}  # fmt: skip

# Numbering of the quad classes in the CAMEO quad data sets (0 = statement / no event).
QUAD_NUMBER: Final[dict[str, int]] = {
    VERBAL_COOPERATION: 1, MATERIAL_COOPERATION: 2, VERBAL_CONFLICT: 3, MATERIAL_CONFLICT: 4,
}  # fmt: skip

MODES: Final[dict[str, tuple[str, ...]]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign", "ease"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence", "rights"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport",
        "withhold", "misinformation", "cyber",
    ),
    "ASSAULT": (
        "abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
        "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
        "crowd-control", "cleansing", "massacre", "unconventional",
    ),
}  # fmt: skip

CONTEXTS: Final = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
)  # fmt: skip

# Default CAMEO root (two digits) of each PLOVER type, from CAMEO2PLOVER-2021.txt.
CAMEO_ROOT: Final[dict[str, str]] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "18",
}  # fmt: skip

# (type, mode) pairs whose CAMEO codes sit under another root than the type's default.
CAMEO_ROOT_BY_MODE: Final[dict[tuple[str, str], str]] = {
    ("ACCUSE", "investigate"): "09",  # 090-094 Investigate
    ("COERCE", "restrict"): "17",  # 172 administrative sanctions (191 blockade is 19, see military context)
    ("ASSAULT", "firearms"): "19",  # 193 small arms
    ("ASSAULT", "heavy-weapons"): "19",  # 194/195 artillery, tanks, aerial weapons
    ("ASSAULT", "aerial"): "19",  # 195 employ aerial weapons
    ("ASSAULT", "drone"): "19",  # 195
    ("ASSAULT", "massacre"): "20",  # 200/202 mass violence, mass killings
    ("ASSAULT", "cleansing"): "20",  # 201/203 mass expulsion, ethnic cleansing
    ("ASSAULT", "unconventional"): "20",  # 204 weapons of mass destruction
    ("SANCTION", "convict"): "11",  # 116 find guilty or liable
}


def quad_class(event_type: str, carried_out: bool = False) -> str:
    """The manual's table, except for a concession carried out (``carried_out``: a CONCEDE done, not
    promised: "lifted the travel ban", "called off the strike"): CAMEO 08 YIELD, material cooperation,
    as the codebook's "immediate material consequences" also say. Promised or offered concessions
    (CAMEO 035, express intent to yield) stay verbal cooperation."""
    if carried_out and event_type == "CONCEDE":
        return MATERIAL_COOPERATION
    return QUAD_CLASS[event_type]


def cameo_root(
    event_type: str,
    mode: str | None,
    contexts: tuple[str, ...] | list[str] = (),
    carried_out: bool = False,
) -> str:
    """The CAMEO root consistent with a PLOVER type, mode and contexts; a CONCEDE is 08 YIELD when
    carried out, else 03 (035, express intent to yield)."""
    if event_type == "CONCEDE":
        return "08" if carried_out else "03"
    if mode is not None:
        root = CAMEO_ROOT_BY_MODE.get((event_type, mode))
        if root is not None:
            return root
    if event_type == "ASSAULT" and "military" in contexts:
        return "19"  # 190 use conventional military force
    if event_type == "COERCE" and mode in ("restrict", "seize") and "military" in contexts:
        return "19"  # 191 blockade, 192 occupy territory
    return CAMEO_ROOT[event_type]
