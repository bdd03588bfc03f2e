"""Rules read off a noun: a stance noun's owner toward its target ("Russia's support for Assad"), ties,
"against" phrases, wars waged in a place, and relational nouns ("its ally Turkey", "a critic of Y")."""
from __future__ import annotations

from spacy.tokens import Token

from .base import Arg, lemma
from .context import Sentence
from .registry import rule
from .verbs import given_with, vetoed_text
from .vocab import (CHOSEN_NOUNS, TRADE_MODIFIERS, CAUTION_VERBS, REFUSAL_VERBS, TIE_TROUBLE_NOUNS, CALL_VERBS, DESCRIBE_VERBS, EXIT_VERBS, LINKING_VERBS, ARMS_WORDS, TRANSFER_BLOCKERS, ADJ_CUES, BREAKERS, NEGATIVE_TIE_WORDS, NOUN_CUES, PACT_NOUNS, PACT_VERBS, PERSONAL_RELATIONS, POSITIVE_TIE_WORDS, POSTURE_ADJS, POSTURE_PREPS, QUANTITY_NOUNS, SPOKEN_POSTURES, RECEIVED_NOUNS, RECEIVE_VERBS, RELATIONAL_NOUNS, RELATIONS, RIVALRY_NOUNS, SOUGHT_VERBS, STAFF_NOUNS, VERB_CUES, slot_sign)


def _between(ctx: Sentence, n: Token, entry: dict[str, str], between: list[Arg], has_targets: bool) -> None:
    """ "cooperation between X and Y", "X and Y pledged closer cooperation": both directions."""
    rel_between = entry.get("between")
    if not rel_between:
        return
    if not has_targets and len(between) < 2 and RELATIONS[rel_between] > 0 and n.dep_ == "dobj" \
            and n.head.pos_ == "VERB" and lemma(n.head) not in BREAKERS:
        between = ctx._joint_subject(n.head)  # the joint subject is the pair
    elif not has_targets and len(between) < 2 and n.dep_ == "pobj" and n.head.lower_ in ("at", "in", "to") \
            and n.head.head.pos_ in ("AUX", "VERB"):
        between = ctx._joint_subject(n.head.head)  # "X and Y are at odds / locked in a feud / went to war": the pair
    if len(between) >= 2:
        gov = ctx._governor(n)
        if not (RELATIONS[rel_between] > 0 and gov is not None and lemma(gov) in BREAKERS):  # "ended the cooperation": none
            ctx.mutual(between, rel_between, n, "noun", rule="noun.between")


def _left_to_verb(n: Token, lem: str, gov: Token | None, explicit: bool) -> bool:
    """Is the noun read by its governing verb's rule ("backed sanctions on Mali", "won the backing of Y")?"""
    if gov is None or explicit:
        return False
    slots = VERB_CUES.get(lemma(gov), {})
    composed = ("obj" in slots) if n.dep_ == "dobj" else (n.head.lower_ in slots or any(
        f"{x.lower_} {n.head.lower_}" in slots for x in gov.children if x.dep_ in ("dobj", "prt")))
    if (composed or lemma(gov) in ADJ_CUES) and n.dep_ in ("dobj", "pobj") and lemma(gov) not in BREAKERS \
            and not (lemma(gov) in PACT_VERBS and lem in PACT_NOUNS):
        return True
    if lemma(gov) not in RECEIVE_VERBS or n.dep_ != "dobj":
        return False
    given = any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in n.children)
    if lemma(gov) == "have":
        return given and any(c.lower_ == "the" for c in n.children)  # "has the support of Y"
    # "won the backing of Y"; "faces a challenge (to her seat) from Y": received by the subject, never its own
    return given or (lemma(gov) != "be" and (lem in RECEIVED_NOUNS or n.lower_ in RECEIVED_NOUNS))


def _sought(n: Token, gov: Token | None) -> bool:
    """ "Ruritania sought the backing of Borduria", "she lost the backing of the union": the "of"/"from"
    actor would be the giver of a stance that is only wanted or is gone; nobody holds it."""
    return gov is not None and n.dep_ == "dobj" and lemma(gov) in SOUGHT_VERBS and any(
        c.dep_ == "prep" and c.lower_ in ("of", "from") for c in n.children)


@rule("noun.possessor", pos="noun", words="noun_cues", match="lemma|lower", order=10,
      emits=("noun.clause", "noun.between"))
def noun(ctx: Sentence, n: Token, lem: str) -> None:
    """ "Russia's support for Assad" (noun.possessor: possessor, compound or "by" phrase), "X voiced
    concern about Y" (noun.clause: the subject of the clause), "a row between X and Y" (noun.between).
    "Severed ties / cancelled a pact with Y" gives nothing (its rule fired in one visible article)."""
    if given_with(n):
        return  # "with the support of Y": received, read by verb.received
    entry = NOUN_CUES[lem]
    targets, between = ctx._noun_targets(n, entry)
    _between(ctx, n, entry, between, bool(targets))
    if not targets:
        return
    owners, gov, explicit = ctx._noun_owner(n, [a for a, _ in targets], targets[0][1])
    if _left_to_verb(n, lem, gov, explicit) or _sought(n, gov) or (not explicit and gov is not None
                                                                    and vetoed_text(gov)):
        return  # (what a vetoed resolution would have authorised is nobody's)
    if not explicit and gov is not None and n.dep_ == "dobj" and _judged_by(gov):
        return  # "X called the charges against Y a disgrace": judged by X, not X's own
    rid = "noun.possessor" if explicit else "noun.clause"
    cut = gov if gov is not None and lemma(gov) in BREAKERS else next(  # ("the US froze aid": "froze" as a modifier)
        (c for c in n.children if c.dep_ == "amod" and c.tag_ == "VBD" and lemma(c) in BREAKERS), None)
    if cut is not None and all(rel == "aids" for _, rel in targets):
        # "suspended / cut off / froze aid to Y": withdrawing aid is a sanction on Y
        src = ctx.subjects(cut) if cut is gov else owners  # (the one cutting, not the aid's owner)
        ctx.emit(src, [a for a, _ in targets], "sanctions", n, "noun", check=cut, rule=rid)
    if cut is not None or _left(n):
        return  # "lifted sanctions on", "ended the war against", "cancelled a pact with": no stance read
    if gov is not None and not explicit and _refused_partnership(n, gov, targets):
        # "ruled out any coalition with Y", "rejected cooperation with Y": a partnership refused opposes Y
        ctx.emit(ctx.subjects(gov), [a for a, _ in targets], "opposes", n, "noun", check=gov, rule=rid)
        return
    for a, rel in targets:
        ctx.emit(owners, [a], rel, n, "noun", rule=rid)
        if rel == "clashes":
            ctx.emit([a], owners, rel, n, "noun", rule=rid)


def _refused_partnership(n: Token, gov: Token, targets: list) -> bool:
    """A partnership noun (its cue relation "cooperates" or "allies") as the object of a verb refusing it
    (``refusal_verbs``, with a particle: "rule out")."""
    prt = next((c.lower_ for c in gov.children if c.dep_ == "prt"), "")
    refused = lemma(gov) in REFUSAL_VERBS or f"{lemma(gov)} {prt}" in REFUSAL_VERBS
    return refused and n.dep_ == "dobj" and n.head.i == gov.i and all(
        rel in ("cooperates", "allies") for _, rel in targets)


def _left(n: Token) -> bool:
    """ "pulled out of the treaty with Y", "backed away from its support for Y": what is left is no stance
    (not "resigned out of loyalty to Y": only after a verb of leaving, or "away from")."""
    if n.dep_ != "pobj" or n.head.dep_ != "prep":
        return False
    part = n.head.head  # "out" / "away", parsed as a preposition, adverb or particle
    verb = part.head if part.dep_ in ("prep", "advmod", "prt") else part
    return part.lower_ in ("out", "away") and (lemma(verb) in EXIT_VERBS or part.lower_ == "away")


def _judged_by(gov: Token) -> bool:
    """Does a naming verb pass a judgement on its object ("called the charges a disgrace", "described them
    as a sham"), rather than make it ("called a strike against Y")?"""
    if lemma(gov) not in CALL_VERBS and lemma(gov) not in DESCRIBE_VERBS:
        return False
    return any(c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as") for c in gov.children)


@rule("noun.arms", pos="noun", words="transfer_nouns", order=12)
def arms(ctx: Sentence, n: Token, lem: str) -> None:
    """ "Chile approved an arms sale to Peru", "US weapons deliveries to Kyiv": arming Y aids Y (not when the
    transfer is stopped or condemned: "froze / intercepted / condemned arms sales to Y")."""
    if not any(c.dep_ in ("compound", "amod") and c.lower_ in ARMS_WORDS for c in n.children):
        return  # ("a sale of copper to Y")
    tgt = [a for c in n.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
           for o in c.children if o.dep_ == "pobj" for a in ctx.args(o)]
    if not tgt:
        return
    owners, gov, _ = ctx._noun_owner(n, tgt, "aids")
    if gov is not None and (lemma(gov) in BREAKERS or lemma(gov) in TRANSFER_BLOCKERS
                            or slot_sign(lemma(gov), "obj") < 0):
        return  # "froze / intercepted / condemned arms sales to Y"
    ctx.emit(owners, tgt, "aids", n, "noun")


@rule("noun.posture", pos="noun", words="posture_nouns", order=14)
def posture(ctx: Sentence, n: Token, lem: str) -> None:
    """ "took a hard line against Y", "had harsh words for Y", "an aggressive tack against Y": a posture
    noun is neutral ("its line on Y", "a strong stance on Y"); its adjective gives the stance."""
    mods = [c for c in n.children if c.dep_ in ("amod", "compound")]
    mods += [c for m in mods for c in m.children if c.dep_ == "conj"]  # "a firm but friendly tone"
    rels = {POSTURE_ADJS[c.lower_] for c in mods if c.lower_ in POSTURE_ADJS}
    if len(rels) != 1:
        return  # none, or mixed signals ("a firm but friendly tone toward Y")
    rel = rels.pop()
    # "for" is in favour but for speech ("harsh words for Y"): "a firm stand for Y" is no hostility
    preps = POSTURE_PREPS if RELATIONS[rel] > 0 or lemma(n) in SPOKEN_POSTURES else POSTURE_PREPS - {"for"}
    targets, _ = ctx._noun_targets(n, {p: rel for p in preps})
    if not targets and n.dep_ == "dobj":  # "takes hard line on Y": the preposition hung on the verb
        targets = [(a, rel) for c in n.head.children if c.dep_ == "prep" and c.lower_ in preps - {"with"}
                   for o in c.children if o.dep_ == "pobj" for a in ctx.args(o, owner=True)]
    if not targets:
        return
    owners, gov, _ = ctx._noun_owner(n, [a for a, _ in targets], rel)
    if gov is not None and (lemma(gov) in BREAKERS or _sought(n, gov)):
        return  # "softened its hard line on Y", "urged Y to drop its hard line": not held
    ctx.emit(owners, [a for a, _ in targets], rel, n, "noun")


#: who a double object may name as receiving arms (not a maker or a model: "sent Patriot missiles")
RECIPIENT_TYPES = ("country", "group")


@rule("verb.arms", pos="verb", words="transfer_verbs", order=13)
def arms_sent(ctx: Sentence, v: Token, lem: str) -> None:
    """ "Chile sent weapons to Peru", "Chile supplied Peru with missiles": arming Y aids Y."""
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None:
        return
    if _arms(obj) or (lemma(obj) in QUANTITY_NOUNS and any(c.dep_ == "prep" and c.lower_ == "of" and any(
            _arms(o) for o in c.children) for c in obj.children)):
        # "sent weapons to Y" (the "to" on the verb, its object, or a dative), "sent thousands of rockets to Y"
        tgt = [a for h in (v, obj) for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
               for o in c.children if o.dep_ == "pobj" for a in ctx.args(o)]
        tgt = tgt or [a for r in _recipients(v, obj) for a in ctx.args(r) if a.actor.type in RECIPIENT_TYPES]
    else:  # "supplied Y with weapons"
        tgt = ctx.args(obj) if any(c.dep_ == "prep" and c.lower_ == "with" and any(
            o.dep_ == "pobj" and _arms(o) for o in c.children) for c in (*v.children, *obj.children)) else []
    if tgt:
        ctx.emit(ctx.subjects(v, avoid={a.actor.name for a in tgt}), tgt, "aids", v, "verb")


def _recipients(v: Token, obj: Token) -> list[Token]:
    """ "gave Y weapons", "sold the rebels missiles": the first object (a dative, or a name the parser made a
    compound of the second one) right after the verb."""
    out = [c for c in v.children if c.dep_ == "dative" and not any(g.dep_ == "pobj" for g in c.children)]
    first = v.i + 1
    if first + 1 < len(v.doc) and v.doc[first].dep_ == "det":
        first += 1  # ("sold the rebels missiles")
    return out + [c for c in obj.children if c.dep_ == "compound" and c.i == first and c.pos_ == "PROPN"]


def _arms(t: Token) -> bool:
    """ "weapons", "arms", "anti-tank missiles", "military equipment": arms, named or as a modifier."""
    return t.lower_ in ARMS_WORDS or lemma(t) in ARMS_WORDS or any(
        c.dep_ in ("compound", "amod") and c.lower_ in ARMS_WORDS for c in t.children)


@rule("verb.against", pos="verb", order=30, when=lambda t, lem, pos: lem not in VERB_CUES)
def against_verb(ctx: Sentence, t: Token, lem: str) -> None:
    """ "testified against X", "campaigned against X" (verbs without a cue of their own; not "urged X
    against further attacks on Y": an act cautioned against)."""
    if lem not in CAUTION_VERBS:
        against(ctx, t)


def against(ctx: Sentence, t: Token) -> None:
    """Any noun or verb "against" an actor: "articles of impeachment against X", "testified against X"."""
    tgt: list[Arg] = []
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "against":
            for o in c.children:
                if o.dep_ == "pobj":
                    tgt.extend(ctx.args(o, owner=True))
    if not tgt:
        return
    if t.pos_ in ("VERB", "AUX"):
        if vetoed_text(t):
            return  # "would veto any resolution authorizing war against Y": never said by its body
        if ctx.wanted_by(t) is not None:
            src = ctx.wanted_by(t)
        else:
            src = ctx.subjects(t, avoid={a.actor.name for a in tgt})
        ctx.emit(src, tgt, "opposes", t, "prep", factor=0.75)
        return
    owners, gov, explicit = ctx._noun_owner(t, tgt, "opposes")
    if gov is not None and not explicit and n_is_object(t) and (
            lemma(gov) in VERB_CUES or lemma(gov) in BREAKERS):
        return
    ctx.emit(owners, tgt, "opposes", t, "noun", factor=0.75)


@rule("noun.ties", pos="noun", words="tie_nouns", order=50)
def ties(ctx: Sentence, n: Token, lem: str) -> None:
    """ "closer ties with Chile", "severed relations with Peru", "scrapped a pact with Norway"."""
    partners: list[Arg] = []
    between: list[Arg] = []
    gov = ctx._governor(n)
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "to"):
            for o in c.children:
                if o.dep_ == "pobj":
                    partners.extend(ctx.args(o, owner=True))
        if c.dep_ == "prep" and c.lower_ == "between":
            for o in c.children:
                if o.dep_ == "pobj":
                    between.extend(ctx.args(o, owner=True))
    if not partners and gov is not None and n.dep_ == "dobj":
        # "restored full relations with Y": the parse may hang "with Y" on the verb (an actor named there, not
        # the giver of "with help from Z")
        partners = [a for c in gov.children if c.dep_ == "prep" and c.lower_ == "with"
                    for o in c.children if o.dep_ == "pobj" for a in ctx.args(o)]
    if not partners and len(between) < 2 and gov is not None and n.dep_ == "dobj":
        # "X and Y restored / severed diplomatic relations": the joint subject is the pair
        between = ctx._joint_subject(gov)
    if not partners and len(between) < 2:
        return
    words = {lemma(c) for c in n.children if c.dep_ in ("amod", "compound")} | {c.lower_ for c in n.children}
    sign = 0
    if words & POSITIVE_TIE_WORDS or (gov is not None and lemma(gov) in POSITIVE_TIE_WORDS):
        sign = 1
    elif words & NEGATIVE_TIE_WORDS:
        sign = -1
    if n.dep_ == "nsubj" and n.head.pos_ == "VERB":  # "relations between X and Y soured / improved"
        sign = 1 if lemma(n.head) in POSITIVE_TIE_WORDS else -1 if lemma(n.head) in NEGATIVE_TIE_WORDS else sign
    if n.dep_ == "pobj" and n.head.lower_ == "in" and lemma(n.head.head) in TIE_TROUBLE_NOUNS:
        sign = -1  # "deepened the crisis in Russia's relations with the West": the trouble, whatever deepened it
    broken = gov is not None and lemma(gov) in BREAKERS
    if broken:
        sign = -1
    if sign == 0:
        return
    rel = "cooperates" if sign > 0 else ("opposes" if broken else "clashes")
    cue = gov if broken else n
    if len(between) >= 2:
        ctx.mutual(between, rel, cue, "noun")
        return
    owners, gov2, _ = ctx._noun_owner(n, partners, rel)
    ctx.emit(owners, partners, rel, cue, "noun")


@rule("noun.relational", pos="noun", words="relational_nouns", match="lemma|lower", order=20)
def relational(ctx: Sentence, n: Token, lem: str) -> None:
    """ "its ally Turkey", "Hamas ally Hezbollah", "China, the North's only ally", "a critic of Trump"."""
    relation, symmetric, direction = RELATIONAL_NOUNS[lem]
    owner = _relational_owner(ctx, n, lem)
    if not owner and _joint_copula(n) and (symmetric or lem in RIVALRY_NOUNS):
        # "Chile and Peru are longtime allies / bitter rivals": each to the other
        group = ctx.subjects(n.head)
        if len(group) >= 2 and _political(n, lem, group, group):
            ctx.mutual(group, relation, n, "relational")
        return
    ref, owner = _relational_referent(ctx, n, lem, owner)
    spans = {(a.mention.start, a.mention.end) for a in ref}
    # a title word inside the name's own mention ("Democratic presidential nominee X") owns nothing
    owner = [a for a in owner if (a.mention.start, a.mention.end) not in spans]
    if not ref or not owner or not _political(n, lem, ref, owner):
        return
    src, tgt = (ref, owner) if direction == "ref" else (owner, ref)
    if len(src) > 1 and len(src) == len(tgt) and any(t.lower_ == "respectively" for t in ctx.sent):
        for a, b in zip(src, tgt):  # "They are appointees of A and B, respectively": in order
            ctx.emit([a], [b], relation, n, "relational", factor=0.8 if lem in STAFF_NOUNS else 1.0)
        return
    ctx.emit(src, tgt, relation, n, "relational", factor=0.8 if lem in STAFF_NOUNS else 1.0)
    if symmetric:
        ctx.emit(tgt, src, relation, n, "relational")


def _joint_copula(n: Token) -> bool:
    """A plural relational noun as what a subject is, of nobody else: "X and Y are allies", "have become
    rivals" (not "X and Y are opponents of the plan": on one side, against something else)."""
    return n.dep_ == "attr" and n.tag_ == "NNS" and lemma(n.head) in LINKING_VERBS and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "to") for c in n.children)


def _relational_owner(ctx: Sentence, n: Token, lem: str) -> list[Arg]:
    """Whose ally / critic: the possessor, a compound actor before the noun, the "of"/"to" phrase ("a target
    of Y's wrath", "a target of criticism by Y"), else the actor just before it ("Hamas ally Hezbollah")."""
    owner: list[Arg] = []
    for c in n.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i < n.i and lem != "target"):
            owner.extend(ctx.args(c))  # "a Russian target" is a place hit, not Russia's aim
        elif c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "to" and lem not in CHOSEN_NOUNS
                                   or c.lower_ == "for" and lem in STAFF_NOUNS):  # (not "nominee to the court")
            for o in c.children:
                if o.dep_ == "pobj":
                    got = ctx.args(o)
                    if not got and lem != "target" and o.pos_ == "NOUN":
                        got = [a for g in o.children if g.dep_ == "poss" for a in ctx.args(g)]  # "a critic of Y's plan"
                    if not got and lem == "target" and (lemma(o) in RECEIVED_NOUNS or o.lower_ in RECEIVED_NOUNS):
                        got = [a for g in o.children if g.dep_ == "poss" for a in ctx.args(g)]
                        got += [a for g in o.children if g.dep_ == "prep" and g.lower_ == "by"
                                for p in g.children if p.dep_ == "pobj" for a in ctx.args(p)]
                    owner.extend(got)
        elif c.dep_ == "prep" and c.lower_ == "by" and lem == "target":
            owner.extend(a for o in c.children if o.dep_ == "pobj" for a in ctx.args(o))
    if not owner and lem != "target":  # surface fallback: "Hamas ally Hezbollah" misparsed
        doc, j = n.doc, n.i - 1
        while j >= ctx.sent.start and doc[j].pos_ == "ADJ":
            j -= 1
        if j >= ctx.sent.start and doc[j].lower_ in ("'s", "'"):
            j -= 1
        m = ctx.index.mention_at(doc[j]) if j >= ctx.sent.start else None
        if m is not None and m.actors:
            owner = ctx._mention_args(m)
    return owner


def _relational_referent(ctx: Sentence, n: Token, lem: str, owner: list[Arg]) -> tuple[list[Arg], list[Arg]]:
    """Who the ally / critic is: an apposition either way, the name it titles, the subject of a copula ("X is
    among Y's critics", "X has become one of Y's allies"), the object of "described X as", the name after it."""
    ref = [a for c in n.children if c.dep_ == "appos" for a in ctx.args(c)]
    if not ref and n.dep_ == "appos":
        ref = ctx.args(n.head)
        if not ref and n.head.dep_ == "appos" and n.head.pos_ == "PROPN":
            ref = ctx.args(n.head.head)  # "Rep. X, R-Ill., a critic of Y": past the party-state tag
    if not ref and n.dep_ in ("compound", "nmod", "npadvmod", "amod") and lem != "target":
        ref = ctx._one(n.head, owner=False, depth=0)  # the titled name only, not "nominee X and Y"
        if ref and not owner:
            for c in n.head.children:
                if c.dep_ == "poss":
                    owner = ctx.args(c)
    if not ref and n.dep_ in ("attr",) and n.head.pos_ in ("AUX", "VERB"):
        ref = ctx.subjects(n.head)
    if not ref and n.dep_ == "nsubj" and n.tag_ == "NNS" and lemma(n.head) in ("include", "be"):
        ref = [a for c in n.head.children if c.dep_ in ("dobj", "attr") for a in ctx.args(c)]  # "Y's allies include X"
    if not ref and n.dep_ == "pobj" and n.head.lower_ == "among" and n.head.head.pos_ in ("AUX", "VERB") \
            and lemma(n.head.head) in ("be", "remain", "become", "count"):
        ref = ctx.subjects(n.head.head) or ctx.fronted_subject(n.head.head, n.head)
    if not ref and n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in ("one", "some") \
            and n.head.head.dep_ == "attr" and lemma(n.head.head.head) in ("be", "remain", "become"):
        ref = ctx.subjects(n.head.head.head)
    if not ref and n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in ("one", "some") \
            and n.head.head.dep_ == "appos":
        ref = ctx.args(n.head.head.head)  # "Cambodia, one of China's closest allies, said ..."
    top = n  # "X emerged as one of Y's staunchest backers": the "as" phrase is "one"
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in ("one", "some") \
            and n.head.head.dep_ == "pobj" and n.head.head.head.lower_ == "as":
        top = n.head.head
    if not ref and top.dep_ == "pobj" and top.head.lower_ == "as":
        ref = _described_as_what(ctx, top.head.head)
        if not ref and lemma(top.head.head) in ("emerge", "serve", "act", "remain", "become", "stand"):
            ref = ctx.subjects(top.head.head)
    if not ref and lem != "target":
        ref, owner = _modifier_referent(ctx, n, owner)
    if not ref and n.i + 1 < ctx.sent.end:
        m = ctx.index.mention_at(n.doc[n.i + 1])
        if m is not None and m.actors and m.start == n.i + 1:
            ref = ctx._mention_args(m)
    if not ref and lem != "target":
        m = ctx.index.mention_for(n)
        if m is not None and m.actors and m.start < n.i < m.end == n.i + 1 and m.kind in ("alias", "name"):
            ref = ctx._mention_args(m)  # "Kyiv's Western backers": the noun is itself the actor's name
    return ref, owner


def _modifier_referent(ctx: Sentence, n: Token, owner: list[Arg]) -> tuple[list[Arg], list[Arg]]:
    """ "Chile's Russian allies", "their Iranian backers": with a possessor present, the actor named by the
    modifier is the ally, the possessor the one allied with."""
    poss = [a for c in n.children if c.dep_ == "poss" for a in ctx.args(c)]
    mods = [a for c in n.children if c.dep_ in ("amod", "compound") and c.i < n.i for a in ctx.args(c)
            if a.mention.kind == "demonym"]
    keys = {a.actor.name for a in poss}
    mods = [a for a in mods if a.actor.name not in keys]
    if not poss or not mods:
        return [], owner
    return mods, [a for a in owner if a.actor.name in keys]


def _described_as_what(ctx: Sentence, gov: Token) -> list[Arg]:
    """ "described IS as Russia's enemy": the object of describe/see/regard ("X has been mentioned as a
    challenger to Y": the passive subject)."""
    if gov.pos_ in ("NOUN", "PROPN", "AUX") and gov.dep_ == "dobj":
        return ctx.args(gov)
    if gov.pos_ == "VERB":
        return ctx.args(next((c for c in gov.children if c.dep_ == "dobj"), None)) or ctx.args(
            next((c for c in gov.children if c.dep_ == "nsubjpass"), None))
    return []


def _political(n: Token, lem: str, ref: list[Arg], owner: list[Arg]) -> bool:
    """Is this a political tie? Not "a Trump donor" (money to a campaign), "his partner Dr. X" (private; a
    "business partner" is not), a pick that is no person, "a former Trump associate" or an office ("National
    Security Adviser X")."""
    if lem == "donor" and any(a.actor.type == "person" for a in ref):
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in TRADE_MODIFIERS for c in n.children):
        return False  # "its largest trading partner": commerce, no stance
    if lem in PERSONAL_RELATIONS and (any(a.actor.type == "person" for a in ref)
                                      or any(a.actor.type == "person" for a in owner)) and not any(
            c.dep_ in ("compound", "amod") and c.lower_ in ("business", "lobbying", "political", "campaign",
                                                            "legislative", "coalition", "strategic")
            for c in n.children):
        return False
    if lem in ("pick", "nominee", "choice") and not any(a.actor.type == "person" for a in ref):
        return False
    return not (lem in STAFF_NOUNS and (any(t.lower_ in ("former", "ex") for t in n.doc[max(n.sent.start, n.i - 4):n.i])
                                        or not n.text.islower() or any(a.actor.type == "country" for a in owner)))


def n_is_object(n: Token) -> bool:
    return n.dep_ in ("dobj", "pobj", "conj")

