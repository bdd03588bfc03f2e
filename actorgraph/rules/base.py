"""The records the stance rules pass around, and the confidence each kind of pattern starts from."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from ..records import Actor

#: base confidence per pattern kind
KIND_CONFIDENCE = {"verb": 0.9, "passive": 0.85, "prep": 0.85, "chain": 0.8, "noun": 0.75, "hyphen": 0.8,
                   "relational": 0.8, "reciprocal": 0.75, "joint": 0.7, "adjective": 0.75, "evaluation": 0.7,
                   "demand": 0.7, "compose": 0.6, "announced": 0.75}
MENTION_CONFIDENCE = {"pronoun": 0.8, "role": 0.9, "demonym": 0.9, "group": 0.85, "speaker": 0.8}
OWNER_FACTOR = 0.85  # the target/source was reached through an owned thing ("Trump's policy")

QUOTE_CHARS = "\"\u201c\u201d"


@dataclass
class Stance:
    """One stance found in one sentence."""

    source: Any  # actors.Mention (or a speaker stand-in with .text/.kind)
    target: Any
    source_actor: Actor
    target_actor: Actor
    relation: str
    sign: int
    cue: str
    sent_index: int
    confidence: float
    kind: str = ""  # the kind of pattern (sets the base confidence)
    rule: str = ""  # the id of the registered rule that found it ("verb.direct", ...)

    @property
    def stance(self) -> str:
        return "supports" if self.sign > 0 else "opposes"


@dataclass
class MentionRef:
    """A mention as plain data: a first-person pronoun standing for the quoted speaker,
    or a mention rebuilt from a Doc shipped back by a worker process."""

    start: int
    end: int
    actors: tuple
    kind: str
    text: str


@dataclass(frozen=True)
class Arg:
    """One actor reached through one mention, with a confidence factor."""

    mention: Any
    actor: Actor
    factor: float = 1.0


#: A lemma's hash -> that lemma in lower case. A hash names one string in every Doc and vocab, so no entry
#: can go stale; the table is emptied when it grows large (a long run sees many names' lemmas).
_LOWER_LEMMAS: dict[int, str] = {}


def lemma(t: Token) -> str:
    """The token's lemma in lower case. The rules ask for it some 300,000 times in a few hundred articles:
    a look-up by the lemma's hash spares reading the string store and lowering each time."""
    low = _LOWER_LEMMAS.get(t.lemma)
    if low is None:
        if len(_LOWER_LEMMAS) >= 100_000:
            _LOWER_LEMMAS.clear()
        low = _LOWER_LEMMAS[t.lemma] = t.lemma_.lower()
    return low


def not_enough(t: Token) -> bool:
    """ "Y did not do enough", "Y did too little": what Y did falls short."""
    return lemma(t) == "do" and (
        any(g.dep_ == "neg" for g in t.children) and any(g.lower_ == "enough" and g.dep_ in ("dobj", "advmod")
                                                          for g in t.children)
        or any(g.lower_ == "little" and g.dep_ == "dobj" and any(a.lower_ == "too" for a in g.children)
               for g in t.children))


def do_more(t: Token) -> bool:
    """ "urged Y to do more", "Y must do more": asking for more of Y finds Y wanting (not "could not do more")."""
    return lemma(t) == "do" and any(g.lower_ == "more" and g.dep_ in ("dobj", "advmod") for g in t.children) \
        and not any(g.dep_ == "neg" for g in t.children)
