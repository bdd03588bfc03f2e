"""Rules for fixed phrases any verb can carry: acting "on behalf of" someone, being "at odds with" someone."""
from __future__ import annotations

from spacy.tokens import Token

from .context import Sentence
from .registry import rule
from .vocab import AT_PHRASES, SPEECH_VERBS, VERB_CUES


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


@rule("phrase.at_odds", pos="noun", words="at_phrases", match="lemma|lower", order=52)
def at_odds(ctx: Sentence, n: Token, lem: str) -> None:
    """ "X is at odds with Y", "X and Y remain at loggerheads": both sides ("at war with Y" is a noun cue)."""
    at = n.head
    if n.dep_ != "pobj" or at.lower_ != "at" or at.head.pos_ not in ("AUX", "VERB") \
            or any(c.dep_ in ("det", "poss", "amod") for c in n.children):
        return  # ("the odds", "at a war memorial")
    others = [a for o in _pobjs(n, ("with",)) + _pobjs(at.head, ("with",)) for a in ctx.args(o)]
    if others:
        side = ctx.subjects(at.head, avoid={a.actor.name for a in others})
        rel = AT_PHRASES.get(lem) or AT_PHRASES[n.lower_]
        ctx.emit(side, others, rel, n, "phrase")  # each side toward the other, not within a side
        ctx.emit(others, side, rel, n, "phrase")
        return
    pair = ctx._joint_subject(at.head)
    if len(pair) >= 2:
        ctx.mutual(pair, AT_PHRASES.get(lem) or AT_PHRASES[n.lower_], n, "phrase")
