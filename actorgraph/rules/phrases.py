"""Rules for fixed phrases any verb can carry: acting "on behalf of" someone, being "at odds" with someone,
and sending arms or aid "to" someone (as a verb's object or as a noun: "an arms sale to Y")."""
from __future__ import annotations

from spacy.tokens import Token

from .base import lemma
from .context import Sentence
from .registry import rule
from .vocab import (ARMS_NOUNS, BREAKERS, CONFLICT_STATES, OBJECT_BLOCKERS, SPEECH_VERBS, TRANSFER_NOUNS,
                    TRANSFER_VERBS, VERB_CUES)

_TO = ("to", "for")  # "arms to Y", "an aid package for Y"


def _pobjs(t: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of ``t``'s prepositions in ``preps``."""
    return [o for c in t.children if c.dep_ == "prep" and c.lower_ in preps for o in c.children if o.dep_ == "pobj"]


def _behalf_of(v: Token) -> list[Token]:
    """X in "<verb> on behalf of X" (the phrase on the verb, or on its object: "filed a suit on behalf of X")."""
    out = []
    for h in (v, *[c for c in v.children if c.dep_ == "dobj"]):
        for o in _pobjs(h, ("on",)):
            if o.lower_ == "behalf":
                out.extend(_pobjs(o, ("of",)))
    return out


@rule("verb.behalf", pos="verb", order=31,
      when=lambda t, lem, pos: "for" not in VERB_CUES.get(lem, {}) and lem not in SPEECH_VERBS)
def behalf(ctx: Sentence, v: Token, lem: str) -> None:
    """ "Qatar intervened on behalf of Hamas": acting for someone is siding with them, whatever the verb
    (a verb with a "for" cue of its own is read by verb.prep; speaking on behalf of one's own side is no
    stance)."""
    tgt = [a for o in _behalf_of(v) for a in ctx.args(o, owner=True)]
    if not tgt:
        return
    src = ctx.wanted_by(v) or ctx.subjects(v, avoid={a.actor.name for a in tgt})
    src = [a for a in src if not any(a.actor.affiliation == b.actor.name for b in tgt)]
    ctx.emit(src, tgt, "supports", v, "prep", factor=0.8)


def _at_state(n: Token) -> Token | None:
    """The verb of "<subject> are at odds / at loggerheads (with Y)"; None for other uses of the noun."""
    p = n.head
    if n.dep_ != "pobj" or p.lower_ != "at" or p.dep_ != "prep":
        return None
    v = p.head
    if any(c.lower_ == "longer" and any(g.dep_ == "neg" for g in c.children) for c in v.children):
        return None  # "no longer at odds": the quarrel is over
    return v if v.pos_ in ("VERB", "AUX") else None


@rule("noun.at_odds", pos="noun", words="conflict_states", match="lemma|lower", order=60)
def at_odds(ctx: Sentence, n: Token, lem: str) -> None:
    """ "Serbia is at loggerheads with Kosovo", "Sudan and Ethiopia are at odds over the dam": the two
    sides clash (both directions)."""
    v = _at_state(n)
    if v is None:
        return
    other = [a for o in _pobjs(n, ("with",)) + _pobjs(v, ("with",)) for a in ctx.args(o, owner=True)]
    if other:
        subj = ctx.subjects(v, avoid={a.actor.name for a in other})
        ctx.emit(subj, other, "clashes", n, "noun", check=v)
        ctx.emit(other, subj, "clashes", n, "noun", check=v)
        return
    group = ctx._joint_subject(v)
    if len(group) >= 2:
        ctx.mutual(group, "clashes", n, "reciprocal", check=v)


def _arms(n: Token) -> bool:
    """Is the noun arms or aid ("weapons", "fighter jets", "military aid", "an arms package")?"""
    if lemma(n) in ARMS_NOUNS or n.lower_ in ARMS_NOUNS:
        return True
    return (lemma(n) in TRANSFER_NOUNS or n.lower_ in TRANSFER_NOUNS) and any(
        c.dep_ in ("compound", "amod", "nmod") and (lemma(c) in ARMS_NOUNS or c.lower_ in ARMS_NOUNS)
        for c in n.children)


def _stopped(v: Token | None) -> bool:
    """ "halted arms sales to Y", "withheld weapons from Y": the help was stopped, not given."""
    return v is not None and (lemma(v) in BREAKERS or lemma(v) in OBJECT_BLOCKERS)


@rule("verb.transfer", pos="verb", words="transfer_verbs", order=32)
def transfer(ctx: Sentence, v: Token, lem: str) -> None:
    """ "Russia supplied arms to Syria", "sold fighter jets to Taiwan", "sent aid to Pakistan": the
    giver aids the receiver (the recipient as "to"/"for" on the verb or on the object, or a dative)."""
    objs = [c for c in v.children if c.dep_ == "dobj" and _arms(c)]
    if not objs or _stopped(v.head if v.dep_ == "xcomp" else None):
        return
    recv = _pobjs(v, _TO) + [o for c in objs for o in _pobjs(c, _TO)]
    recv += [c for c in v.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
    tgt = [a for o in recv for a in ctx.args(o, owner=True)]
    if not tgt:
        return
    src = ctx.wanted_by(v) or ctx.subjects(v, avoid={a.actor.name for a in tgt})
    ctx.emit(src, tgt, "aids", v, "verb")


@rule("noun.transfer", pos="noun", words=("transfer_nouns", "arms_nouns"), match="lemma|lower", order=61)
def transfer_noun(ctx: Sentence, n: Token, lem: str) -> None:
    """ "Germany approved arms sales to Egypt", "Iran's weapons shipments to the Houthis": the one who
    sends them aids the receiver; "halted arms sales to Y" gives nothing."""
    if not _arms(n) or (n.dep_ == "dobj" and lemma(n.head) in TRANSFER_VERBS):
        return  # a transfer verb's object: verb.transfer reads it
    tgt = [a for o in _pobjs(n, _TO) for a in ctx.args(o, owner=True)]
    if not tgt:
        return
    owners, gov, _ = ctx._noun_owner(n, tgt, "aids")
    if _stopped(gov):
        return
    ctx.emit(owners, tgt, "aids", n, "noun", check=gov if gov is not None else n)
