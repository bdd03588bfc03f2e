"""Rules for fixed phrases any verb can carry (acting "on behalf of" someone), and for a headline's "X Verbs
Y" that the parser reads as nouns."""
from __future__ import annotations

from spacy.tokens import Token

from .base import QUOTE_CHARS, lemma
from .context import Sentence
from .registry import rule
from .vocab import SIDE_NOUNS, SPEECH_VERBS, VERB_CUES


def _pobjs(t: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of ``t``'s prepositions in ``preps``."""
    return [o for c in t.children if c.dep_ == "prep" and c.lower_ in preps for o in c.children if o.dep_ == "pobj"]


def _behalf_of(v: Token) -> list[Token]:
    """X in "<verb> on behalf of X", "on the side of X", "on X's side" (the phrase on the verb, or on its
    object: "filed a suit on behalf of X", "entered the war on X's side")."""
    out = []
    for h in (v, *[c for c in v.children if c.dep_ == "dobj"]):
        for o in _pobjs(h, ("on",)):
            side = o.lower_ in SIDE_NOUNS and not any(c.dep_ == "amod" for c in o.children)
            # (not "on the far side of the island", "on the Syrian side": a place)
            of = _pobjs(o, ("of",))
            if o.lower_ == "behalf" or side:
                out.extend(of)
            if side and not of:  # ("on Syria's side of the frontier" is a place)
                out.extend(c for c in o.children if c.dep_ == "poss")
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


def _headline_verb(t: Token, plural: bool) -> str | None:
    """The verb cue a headline word spells ("slams", "sues"; "blast" after a plural subject) when the parser
    took it for a noun: headlines drop the articles that would tell the parser it is a verb."""
    if t.pos_ in ("VERB", "AUX"):
        return None
    if t.lower_.endswith("s"):
        forms: tuple[str, ...] = (lemma(t), t.lower_[:-1], t.lower_[:-2] if t.lower_.endswith("es") else "")
    elif plural:
        forms = (t.lower_,)
    else:
        return None
    return next((lem for lem in forms if "obj" in VERB_CUES.get(lem, {})), None)


@rule("headline.svo", pos="sentence", order=300)
def headline_svo(ctx: Sentence) -> None:
    """A headline's "Dobbs rips Lowe over wall", "Senate Democrats blast Lowe", which the parser may read as a
    run of nouns ("rips" a plural, "Lowe" a verb): an actor, one word that is a verb cue, an actor. Only
    the first sentence (the headline), where this shape is the norm and the parser is least reliable."""
    if ctx.sent_index != 0:
        return
    ms = sorted(ctx.index.mentions_in(ctx.sent.start, ctx.sent.end), key=lambda m: m.start)
    doc = ctx.sent.doc
    for a, b in zip(ms, ms[1:]):
        words = _unquoted(doc[a.end:b.start])
        if len(words) != 1 or not a.actors or not b.actors or doc[b.end - 1].dep_ == "compound":
            continue  # ("Chile arms Peru rebels": the second is a modifier of what is armed)
        subjects = _listed_before(ms, a, doc)  # "Russia, China Back Iran": a plural subject
        lem = _headline_verb(words[0], len(subjects) > 1 or _plural(doc, a))
        v = words[0]
        if lem is None and v.pos_ == "VERB" and "obj" in VERB_CUES.get(lemma(v), {}) and v.dep_ == "ROOT" \
                and doc[a.end - 1].head.i == v.i and doc[b.end - 1].head.i != v.i \
                and not any(c.dep_ == "dobj" and c.left_edge.i <= b.start <= c.right_edge.i for c in v.children):
            lem = lemma(v)  # a verb the parser saw, but not its object ("Lowe slams 'extremist' Harris")
        if lem is not None:
            src = ctx.args(doc[a.end - 1]) if len(subjects) == 1 else [x for m in subjects for x in ctx._mention_args(m)]
            tgt = ctx.args(doc[b.end - 1]) if len(subjects) == 1 else ctx._mention_args(b)
            ctx.emit(src, tgt, VERB_CUES[lem]["obj"], words[0], "verb")


def _unquoted(span) -> list[Token]:
    """The words between two names but articles, punctuation and what is quoted ("Slams 'Extremist'")."""
    out, inside = [], False
    for t in span:
        if t.text in QUOTE_CHARS or t.text in ("'", "\u2018", "\u2019"):
            inside = not inside
        elif not inside and t.pos_ not in ("DET", "PUNCT"):
            out.append(t)
    return out


def _listed_before(ms: list, a, doc) -> list:
    """``a`` and the mentions listed before it with "," or "and" ("U.S., EU Condemn ...")."""
    out = [a]
    for m in reversed(ms[:ms.index(a)]):
        if m.end + 1 != out[-1].start or doc[m.end].lower_ not in (",", "and", "&") or not m.actors:
            break
        out.append(m)
    return out


def _plural(doc, m) -> bool:
    """A plural subject takes the base form ("Senate Dems blast"): a plural noun, or a party or caucus
    written in the plural (not the singular "Hamas")."""
    last = doc[m.end - 1]
    actor = m.actors[0]
    return last.tag_ in ("NNS", "NNPS") or bool(actor.type == "group" and actor.affiliation and last.lower_.endswith("s"))
