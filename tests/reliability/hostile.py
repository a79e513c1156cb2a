"""Deterministic generator of hostile raw-article messages, each labelled with the dead-letter reasons
the worker may give it, and of small good articles whose events we can check.

The oracle for "bad" is independent of the worker's own validation where it can be (``orjson`` for fuzzed
JSON); every other case is bad by the article contract (``schemas/article.v1.json``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

import orjson

GOOD_SENTENCES = (
    "South Korea summoned the Russian ambassador to protest the defence pact with North Korea.",
    "Police arrested dozens of protesters outside the parliament in Nairobi on Tuesday.",
    "The United States imposed new sanctions on Iran over its nuclear programme.",
    "France and Germany signed an agreement to cooperate on energy security.",
    "Rebels attacked a military base in northern Mali, killing several soldiers.",
)

#: body limit the hostile scenario runs the worker with (MAX_BODY_BYTES), so "huge" stays small on the wire
MAX_BODY_BYTES = 200_000


@dataclass(frozen=True, slots=True)
class Message:
    kind: str
    key: bytes | None
    value: bytes
    reasons: frozenset[str]  # empty: a good article (events or no_events, never a dead letter)

    @property
    def bad(self) -> bool:
        return bool(self.reasons)


def good_article(article_id: str, rng: random.Random, sentences: int = 2) -> bytes:
    body = "\n".join(rng.choice(GOOD_SENTENCES) for _ in range(sentences))
    return orjson.dumps(
        {"id": article_id, "title": "t", "body": body, "published_at": "2024-06-21T09:00:00Z"}
    )


def _fuzzed_json(rng: random.Random, base: bytes) -> bytes:
    """Random byte edits of a good article until orjson rejects the result."""
    while True:
        data = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            pos = rng.randrange(len(data))
            op = rng.random()
            if op < 0.4:
                del data[pos]
            elif op < 0.7:
                data.insert(pos, rng.choice(b'{}[]":,\\'))
            else:
                data[pos] = rng.randrange(256)
        try:
            orjson.loads(bytes(data))
        except orjson.JSONDecodeError:
            return bytes(data)


def _deep(depth: int, opener: str, closer: str) -> bytes:
    return (opener * depth + closer * depth).encode()


def _cases(rng: random.Random, n: int) -> Iterator[Message]:
    """The n-th hostile message (cycling through kinds; randomised within each kind)."""
    base = good_article(f"fuzz-{n}", rng)
    aid = f"bad-{n}"
    kinds = [
        ("fuzzed_json", lambda: (_fuzzed_json(rng, base), {"not_json", "invalid_utf8"})),
        (
            "random_bytes",
            lambda: (rng.randbytes(rng.randint(1, 512)) + b"\xff", {"not_json", "invalid_utf8"}),
        ),
        ("truncated_json", lambda: (base[: rng.randint(1, len(base) - 2)], {"not_json", "invalid_utf8"})),
        ("deep_array", lambda: (_deep(rng.randint(2_000, 50_000), "[", "]"), {"too_deeply_nested"})),
        (
            "deep_field",
            lambda: (
                b'{"id":"%s","body":"x","extra":' % aid.encode()
                + _deep(5_000, '{"a":', "}")[:-5_000]
                + b"1"
                + b"}" * 5_000
                + b"}",
                {"too_deeply_nested"},
            ),
        ),
        (
            "huge_id",
            lambda: (orjson.dumps({"id": "i" * rng.randint(513, 100_000), "body": "x"}), {"invalid_field"}),
        ),
        (
            "huge_body",
            lambda: (
                orjson.dumps({"id": aid, "body": "word " * (MAX_BODY_BYTES // 5 + rng.randint(1, 5_000))}),
                {"body_too_large"},
            ),
        ),
        (
            "huge_message",
            lambda: (
                orjson.dumps({"id": aid, "body": "x", "junk": "j" * (MAX_BODY_BYTES + 70_000)}),
                {"message_too_large"},
            ),
        ),
        (
            "invalid_utf8",
            lambda: (base.replace(b"the", b"th\xc3\x28", 1).replace(b"t", b"\xff", 1), {"invalid_utf8"}),
        ),
        (
            "lone_surrogate",
            lambda: (b'{"id":"%s","body":"a \\ud800 b"}' % aid.encode(), {"invalid_utf8"}),
        ),
        ("body_number", lambda: (orjson.dumps({"id": aid, "body": rng.randint(0, 10**9)}), {"wrong_type"})),
        ("id_list", lambda: (orjson.dumps({"id": [aid], "body": "x"}), {"wrong_type"})),
        ("title_object", lambda: (orjson.dumps({"id": aid, "body": "x", "title": {"a": 1}}), {"wrong_type"})),
        (
            "date_number",
            lambda: (orjson.dumps({"id": aid, "body": "x", "published_at": 20240621}), {"wrong_type"}),
        ),
        (
            "bad_date",
            lambda: (
                orjson.dumps({"id": aid, "body": "x", "published_at": "yesterday"}),
                {"invalid_timestamp"},
            ),
        ),
        ("nul_outside_json", lambda: (b"\x00" + base, {"not_json"})),
        (
            "nul_only_body",
            lambda: (orjson.dumps({"id": aid, "body": "\x00" * rng.randint(1, 64)}), {"empty_body"}),
        ),
        ("missing_body", lambda: (orjson.dumps({"id": aid, "title": "no body"}), {"missing_field"})),
        ("missing_id", lambda: (orjson.dumps({"body": "x"}), {"missing_field"})),
        ("not_object", lambda: (rng.choice([b"[]", b'"s"', b"42", b"null", b"true"]), {"not_object"})),
        ("empty_value", lambda: (b"", {"empty_value"})),
        ("empty_id", lambda: (orjson.dumps({"id": "", "body": "x"}), {"invalid_field"})),
    ]
    kind, make = kinds[n % len(kinds)]
    value, reasons = make()
    key = None if rng.random() < 0.3 else rng.randbytes(rng.randint(0, 40))
    yield Message(kind, key, value, frozenset(reasons))


def hostile_messages(count: int, seed: int = 20240621) -> list[Message]:
    rng = random.Random(seed)
    return [m for n in range(count) for m in _cases(rng, n)]


def good_messages(count: int, seed: int = 1, prefix: str = "good") -> list[Message]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        aid = f"{prefix}-{n}"
        out.append(Message("good", aid.encode(), good_article(aid, rng), frozenset()))
    return out


def interleave(bad: list[Message], good: list[Message], seed: int = 7) -> list[Message]:
    """All messages of both lists, shuffled together (each list keeps its own order)."""
    rng = random.Random(seed)
    out: list[Message] = []
    i = j = 0
    while i < len(bad) or j < len(good):
        take_bad = j >= len(good) or (i < len(bad) and rng.random() < len(bad) / (len(bad) + len(good)))
        if take_bad:
            out.append(bad[i])
            i += 1
        else:
            out.append(good[j])
            j += 1
    return out
