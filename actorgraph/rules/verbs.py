"""Rules read off a cue verb: its subject acts on its object or on a preposition's object (direct, passive,
wanted, composed with a stance noun, aimed at a purpose), and the verbs of receiving, replying and demanding."""
from __future__ import annotations

from spacy.tokens import Token

from .base import Arg, do_more, lemma
from .context import Sentence
from .registry import rule, shared
from .vocab import (ACHIEVED_VERBS, POSSIBILITY_MODALS, CONFIRM_VERBS, WANT_VERBS, STRIVING_VERBS, ADJ_CUES, ACT_NOUNS, EXPULSION_VERBS, CARRY_OUT_VERBS, ECHOED_ACT_NOUNS, JOINT_ACTIVITY, LIGHT_VERBS, MAKE_ACT_VERBS, ANSWERED_NOUNS, CONTACT_VERBS, PAIR_PLURALS, STOP_NOUNS, BATCH_NOUNS, CAMP_NOUNS, CHARGE_VERBS, CORRECTIVE_VERBS, DEMAND_VERBS, EXIT_VERBS, GIVEN_NOUNS, HEDGE_MODALS, HOSTILE_MANNER, NOUN_CUES, OUSTER_NOUNS, OUSTER_VERBS, RELEASE_NOUNS, THREAT_VERBS, PACT_NOUNS, PACT_VERBS, PURPOSE_NOUNS, RAISING_VERBS, RECEIVE_VERBS, RECEIVED_NOUNS, REBUTTED_NOUNS, REFLEXIVE_VERBS, POST_VERBS, POST_NOUNS, RELATIONS, RESOLUTION_NOUNS, ROLE_HEADS, SETBACK_NOUNS, SHIELD_VERBS, SPEAK_OUT_VERBS, VERB_CUES,
                    VOTE_VERBS)

COMPOSE = shared("verb.compose", "a verb over a stance noun: \"backed sanctions on Mali\"")
PURPOSE = "verb.purpose"  # registered below (launch verbs); verb.direct reaches it through its objects


def _passive(v: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
        _participle(v) and v.dep_ in ("acl", "amod") and not _misread_predicate(v)) or _fronted_participle(v) \
        or _shared_passive(v)


def _misread_predicate(v: Token) -> bool:
    """ "The Greens, the junior partner, sided with Y": the parser, finding no verb, hangs the sentence's own
    past tense on its subject as a participle; after a comma, with no "by", on the sentence's root."""
    return v.dep_ == "acl" and v.head.dep_ == "ROOT" and v.i > 0 and v.doc[v.i - 1].text == "," \
        and not any(c.dep_ == "agent" for c in v.children)


def _participle(v: Token) -> bool:
    """A past participle, or one the tagger calls an adjective ("Hezbollah, armed and funded by Iran")."""
    return v.tag_ == "VBN" or (v.tag_ == "JJ" and v.lower_.endswith("ed") and v.dep_ in ("acl", "amod"))


def _shared_passive(v: Token) -> bool:
    """ "funded and armed by Iran": a participle joined to a passive, sharing its subject."""
    return v.dep_ == "conj" and v.tag_ == "VBN" and _participle(v.head) and _passive(v.head) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in v.children)


def _fronted_participle(v: Token) -> bool:
    """ "Backed by Russia, Syria launched ...": a participle before its clause, said of the clause's subject."""
    return v.tag_ == "VBN" and v.dep_ == "advcl" and v.i < v.head.i and v.head.pos_ in ("VERB", "AUX") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux", "mark") for c in v.children)


def _agent(v: Token) -> Token | None:
    """The ``by`` phrase of a passive verb (or of its predicate: "was named the chief judge by X")."""
    agent = None
    for c in v.children:
        if c.dep_ == "agent":
            agent = next((p for p in c.children if p.dep_ == "pobj"), None)
    if agent is None:
        agent = next((p for c in v.children if c.dep_ in ("oprd", "attr", "dobj") for g in c.children
                      if g.dep_ in ("prep", "agent") and g.lower_ == "by"
                      for p in g.children if p.dep_ == "pobj"), None)
    if agent is None:  # "funded and armed by Iran": the last participle's "by" is the first one's too
        agent = next((a for c in v.children if c.dep_ == "conj" and _shared_passive(c) for a in [_agent(c)]
                      if a is not None), None)
    return agent


def _passive_subject(v: Token) -> Token | None:
    subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if subj is None:  # "which ... are backed by": the relative pronoun parsed as a plain subject
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that")), None)
    if subj is None and v.dep_ == "xcomp" and (v.head.pos_ == "ADJ" or lemma(v.head) in RAISING_VERBS):
        # "Y is expected / likely to be endorsed by X": the raised subject (not "Y wants to be backed")
        h = v.head.head if v.head.dep_ == "acomp" else v.head
        subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
        subj = v.head
    elif subj is not None and subj.lower_ in ("who", "which", "that") and v.dep_ == "ccomp" \
            and v.head.dep_ == "relcl":
        subj = v.head.head  # "the rebels, which Kinshasa says are backed by Rwanda"
    return subj


@rule("verb.passive", pos="verb", words="verb_cues", match="lemma|lower", order=10)
def verb_passive(ctx: Sentence, v: Token, lem: str) -> None:
    """ "Assad is backed by Russia", "the rebels backed by Rwanda": the agent acts on the subject."""
    slots = VERB_CUES[lem]
    if not _passive(v):
        return
    agent = _agent(v)
    if agent is None and lemma(v) in EXPULSION_VERBS:
        agent = _body_left(ctx, v)  # "Cuba was expelled from the OAS": the body expels
    if agent is None or "obj" not in slots or agent.lower_ in CAMP_NOUNS:
        return  # ("criticized by Russia's allies" is no stance of Russia)
    src = ctx.args(agent, owner=True)
    for by in agent.head.conjuncts:  # "endorsed by X and by Y": the second "by" is the first one's conjunct
        src += [a for p in by.children if p.dep_ == "pobj" for a in ctx.args(p, owner=True)]
    base = v
    while _shared_passive(base):
        base = base.head  # (the joined participle's subject is the first one's)
    n = _passive_subject(base)
    if base.dep_ in ("acl", "amod") and base.head.pos_ in ("NOUN", "PROPN"):
        tgt = ctx.args(base.head, owner=True)
    elif _fronted_participle(base):
        tgt = ctx.subjects(base.head)
    else:
        poss = [c for c in n.children if c.dep_ == "poss"] if n is not None and n.pos_ == "NOUN" and _act_noun(n) \
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in n.children) else []
        # "X's rejection of Y's plan was backed by Z": X's act is backed; what it is aimed at is not its owner
        tgt = [a for c in poss for a in ctx.args(c)] if poss else ctx.args(n, owner=True)
    by = {a.actor.name for a in src}  # ("the rebels, backed by X and Y": the backers own them, are not backed)
    tgt = [a for a in tgt if a.actor.name not in by]
    prt = " ".join(c.lower_ for c in v.children if c.dep_ == "prt")
    rel = slots.get(f"{prt} obj") if prt else slots["obj"]  # "was shot down by X" is not "was shot"
    if rel is not None:
        ctx.emit(src, tgt, rel, v, "passive")
        if n is not None and n.pos_ == "NOUN" and _stance_noun(n):
            ctx.within(COMPOSE, compose, v, n, RELATIONS[rel], src)  # "X's criticism of Y was echoed by Z"


def _stance_noun(n: Token) -> bool:
    return bool(NOUN_CUES.get(lemma(n)) or NOUN_CUES.get(n.lower_))


def _act_noun(n: Token) -> bool:
    """A stance or an act ("rejection", "denunciation", "invasion"), not a person or body ("X's minister")."""
    return _stance_noun(n) or lemma(n) in ACT_NOUNS or lemma(n) in ECHOED_ACT_NOUNS or lemma(n) in REBUTTED_NOUNS


def _body_left(ctx: Sentence, v: Token) -> Token | None:
    """The organisation a passive expulsion is "from" ("suspended from the African Union"), not a place."""
    return next((p for c in v.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
                 if p.dep_ == "pobj" and any(a.actor.type in ("organisation", "group") for a in ctx.args(p))), None)


def vetoed_text(v: Token) -> bool:
    """Is the verb what a stopped resolution says ("vetoed a UN resolution condemning Y")?"""
    return v.dep_ in ("acl", "relcl") and lemma(v.head) in RESOLUTION_NOUNS and v.head.dep_ in ("dobj", "pobj") \
        and (lemma(v.head.head) in SHIELD_VERBS or v.head.head.lower_ == "against"
             or lemma(v.head.head.head) in SHIELD_VERBS and v.head.head.dep_ != "conj")


def _shielded(ctx: Sentence, v: Token) -> list[Arg] | None:
    """ "vetoed a UN resolution condemning Y": the text was stopped, so its body did not condemn Y; its
    subject is then the sponsors, not the venue."""
    if vetoed_text(v):
        venue = ctx._venue(v.head)
        if venue:
            return [a for a in ctx.subjects(v) if a.actor.name not in venue]
    return None


def _slot_targets(ctx: Sentence, v: Token, slot: str, arg: Token, rel: str) -> list[Arg]:
    """The actors in one slot, after the nouns the verb composes with have had their say."""
    entry = (NOUN_CUES.get(lemma(arg)) or NOUN_CUES.get(arg.lower_)) if arg.pos_ == "NOUN" else None
    if entry:
        ctx.within(COMPOSE, compose, v, arg, RELATIONS[rel])
    if arg.pos_ == "NOUN" and lemma(arg) in PURPOSE_NOUNS | RESOLUTION_NOUNS and slot in ("obj", "for", "against"):
        ctx.within(PURPOSE, purpose, v, arg, RELATIONS[rel])  # "voted for / in favour of / against a resolution"
    if slot == "obj" and arg.lower_ in ("that", "which", "whom", "who") and v.dep_ == "relcl":
        arg = v.head  # "the plan, which Germany rejected", "X, who Y endorsed": the noun the clause is about
    # ("named the US attorney", "sacked the army's most senior official": the person, not the body owning the post)
    post = slot == "obj" and lemma(v) in POST_VERBS and (lemma(arg) in ROLE_HEADS or lemma(arg) in POST_NOUNS)
    tgt = [a for a in ctx.args(arg, owner=not post) if not post or a.actor.type == "person"]
    if not tgt and arg.i == v.head.i and arg.dep_ == "dobj" and lemma(arg.head) in MAKE_ACT_VERBS \
            and (lemma(arg) in ACT_NOUNS or lemma(arg) in ECHOED_ACT_NOUNS or lemma(arg) in JOINT_ACTIVITY):
        tgt = ctx.subjects(arg.head)  # "X and Y held joint drills, which Z denounced": the ones who held them
    acted_on: set[str] = set()
    if entry:  # "welcomed the conviction of Y": Y is what the noun acts on (composed above), not its owner
        acted_on = {a.actor.name for c in arg.children if c.dep_ == "prep" and c.lower_ in entry
                    for p in c.children if p.dep_ == "pobj" for a in ctx.args(p, owner=True)}
    if slot == "obj" and arg.pos_ == "NOUN" and lemma(arg) in SETBACK_NOUNS:
        hit = [a for a in _sufferers(ctx, arg) if a.actor.name not in acted_on]
        ctx.within(COMPOSE, _setback, v, hit, RELATIONS[rel])
        acted_on |= {a.actor.name for a in hit}
    tgt = [a for a in tgt if a.actor.name not in acted_on]
    return ctx._not_venue(arg, tgt)  # "vetoed a UN / Security Council resolution": the body is no target


def _sufferers(ctx: Sentence, n: Token) -> list[Arg]:
    """Whom a setback noun befalls: the "of" object ("the ouster of Y", "X's firing of Y"), else the
    possessor ("Y's resignation")."""
    of = [a for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
          for p in c.children if p.dep_ == "pobj" for a in ctx.args(p)]
    return of or [a for c in n.children if c.dep_ == "poss" for a in ctx.args(c)]


def _setback(ctx: Sentence, v: Token, hit: list[Arg], vsign: int) -> None:
    """ "celebrated Y's resignation" opposes Y, "condemned the arrest of Y" defends Y: a stance toward a
    loss that befalls Y is the opposite stance toward Y."""
    if hit:
        ctx.emit(ctx.subjects(v, avoid={a.actor.name for a in hit}), hit, "opposes", v, "compose",
                 sign=-vsign, check=v)


@rule("verb.chosen", pos="verb", words="choose_verbs", order=14)
def chosen(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X picked Y to head the agency", "X named Y as ambassador": choosing a person for a post backs
    them (the post must be there: "picked Y's brain", "named Y in the lawsuit" are no choice of Y; a vote
    is for one: "voted to confirm Y")."""
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    # (a vote is for one, and so is a call to confirm: "voted / urged the Senate to confirm Y")
    post = (v.dep_ == "xcomp" and (lemma(v.head) in VOTE_VERBS or lemma(v.head) in WANT_VERBS
                                   and lemma(v) in CONFIRM_VERBS)) or any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               or c.dep_ == "prep" and c.lower_ == "as" and any(
                   o.dep_ == "pobj" and (o.lower_ in ROLE_HEADS or lemma(o) in ROLE_HEADS) for o in c.children)
               for c in v.children)  # ("named Y as a suspect" is no post)
    chosen_ = [a for a in ctx.args(obj) if a.actor.type == "person"] if obj is not None and post else []
    if chosen_ and not _passive(v):
        ctx.emit(ctx.takers(v, avoid={a.actor.name for a in chosen_}), chosen_, "supports", v, "verb", factor=0.8)


@rule("verb.direct", pos="verb", words="verb_cues", match="lemma|lower", order=11,
      emits=("verb.prep", "verb.wanted", "verb.compose", "verb.purpose", "announce.institution"))
def verb_direct(ctx: Sentence, v: Token, lem: str) -> None:
    """ "Germany condemned Iran" (verb.direct), "sided with Y" (verb.prep), "urged X to investigate Y"
    (verb.wanted: the urger's stance): the subject acts on the object or the preposition's object; with
    "each other" as the object, every member of the joint subject on the others."""
    slots = VERB_CUES[lem]
    if _passive(v):
        return
    wanter = ctx.wanted_by(v)
    subj = _shielded(ctx, v)
    prt = " ".join(c.lower_ for c in v.children if c.dep_ == "prt")
    for slot, arg in ctx._slots(v):
        rel = slots.get(slot)
        if rel is None or (slot == "obj" and lem in PACT_VERBS and lemma(arg) in PACT_NOUNS):
            continue  # "struck a deal with X" is no strike: the noun's own rule reads it
        if slot == "obj" and prt and f"{prt} obj" in slots:
            continue  # "shot down X's offer": the phrasal verb's sense replaces the plain verb's
        if slot != "obj" and lem in REFLEXIVE_VERBS and _other_object(v):
            continue  # "sought to distance Z from Y": Z's distance, not the subject's
        tgt = _slot_targets(ctx, v, slot, arg, rel)
        # "with A backing X and B backing Y": B is the next participle's subject, not a second object
        tgt = [a for a in tgt if a.mention.end >= len(v.doc) or not ctx.absolute_subject(v.doc[a.mention.end])]
        if not tgt:
            continue
        kind = "verb" if slot == "obj" else "prep"
        rid = "verb.direct" if slot == "obj" else "verb.prep"
        if wanter is not None:
            # "convinced Syria to destroy its weapons": what the urged one does to its own is no stance
            urged = {a.actor.name for a in ctx.subjects(v)}
            ctx.emit(wanter, [a for a in tgt if a.actor.name not in urged], rel, v, "chain", factor=0.85,
                     rule="verb.wanted")
            continue
        if subj is None:
            subj = ctx.subjects(v, avoid={a.actor.name for a in tgt})
        if not any(c.dep_ == "nsubj" for c in v.children):
            kind = "chain"
        ctx.emit(subj, tgt, rel, v, kind, rule=rid)
        if rel == "clashes":  # "X clashed with Y": Y clashed with X too
            ctx.emit(tgt, subj, rel, v, kind, rule=rid)
    if ctx._each_other(v) is not None:  # "the two sides accused each other"
        group = ctx.subjects(v)
        if len(group) >= 2:
            ctx.mutual(group, next(iter(slots.values())), v, "reciprocal")


def _other_object(v: Token) -> bool:
    """Has the verb an object other than a reflexive ("allied himself with Y" is the subject's own)?"""
    return any(c.dep_ == "dobj" and not c.lower_.endswith(("self", "selves")) for c in v.children)


def purpose(ctx: Sentence, v: Token, n: Token, vsign: int) -> None:
    """ "X backed a measure to overturn Y's decree": backing what is meant to act on Y takes that act's
    side (opposing it is not read: rejecting a plan to sanction Y need not mean backing Y).

    Resolutions are read in both directions: voting for / sponsoring "a resolution condemning Y" opposes Y,
    and vetoing or voting against one shields Y (a weaker, "supports" reading: Russia vetoing resolutions
    condemning Syria). "... demanding that Y withdraw" opposes Y."""
    resolution = lemma(n) in RESOLUTION_NOUNS
    if vsign < 0 and not (resolution and (lemma(v) in SHIELD_VERBS or any(
            c.dep_ == "prep" and c.lower_ == "against" for c in v.children))):
        return
    # ("urged Congress to pass a resolution condemning Y": the one who urges; Congress has not yet)
    doers = ctx.takers(v)
    for c in n.children:
        if resolution and c.dep_ in ("amod", "acl") and c.pos_ == "ADJ" and lemma(c) in ADJ_CUES:
            # "a draft resolution critical of Israel"
            for p in c.children:
                rel = ADJ_CUES[lemma(c)].get(p.lower_) if p.dep_ == "prep" else None
                tgt = [a for o in p.children if o.dep_ == "pobj" for a in ctx.args(o, owner=True)] if rel else []
                if tgt:
                    ex = {a.actor.name for a in tgt}
                    ctx.emit([a for a in doers if a.actor.name not in ex], tgt, rel, v, "compose",
                              sign=vsign * RELATIONS[rel], factor=0.75 if vsign < 0 else 0.85, check=v)
            continue
        if c.dep_ not in ("acl", "relcl") or c.pos_ != "VERB":
            continue
        infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        # "a resolution condemning Y", "a motion that condemns Y" (not "a resolution Y rejected")
        clause = resolution and not any(a.dep_ == "nsubj" and a.lower_ not in ("that", "which")
                                        for a in c.children) and (c.tag_ in ("VBG", "VBZ", "VBP") or (
            c.tag_ == "VBD" and any(a.dep_ == "nsubj" for a in c.children)))
        if not infinitive and not clause:
            continue
        if vsign < 0 and not clause:
            continue
        factor = 0.75 if vsign < 0 else 0.85
        if clause and lemma(c) in DEMAND_VERBS:
            # "a resolution demanding that Russia withdraw / calling on Israel to halt ..."
            for cc in c.children:
                x = cc if cc.dep_ in ("ccomp", "xcomp") else None
                if x is None or lemma(x) not in EXIT_VERBS | OUSTER_VERBS | {"halt", "stop", "cease", "end"}:
                    continue
                who = [a for s2 in x.children if s2.dep_ == "nsubj" for a in ctx.args(s2)]
                who += [a for s2 in c.children if s2.dep_ == "prep" and s2.lower_ == "on"
                        for o in s2.children if o.dep_ == "pobj" for a in ctx.args(o)]
                if who:
                    ex = {a.actor.name for a in who}
                    ctx.emit([a for a in doers if a.actor.name not in ex], who, "opposes", v,
                              "compose", sign=-vsign, factor=factor, check=v)
            continue
        rel = VERB_CUES.get(lemma(c), {}).get("obj")
        # "a resolution criticising Azerbaijan" is sometimes parsed with the object as npadvmod
        obj = next((o for o in c.children if o.dep_ == "dobj" or (
            clause and o.dep_ == "npadvmod" and o.pos_ == "PROPN" and o.i > c.i)), None)
        if obj is None or any(a.dep_ == "neg" for a in c.children):
            continue
        if rel is None:  # "a resolution imposing sanctions on Y": the stance noun the clause carries out
            rel, tgt = _carried_noun(ctx, obj) if lemma(c) in LIGHT_VERBS or lemma(c) in CARRY_OUT_VERBS else (None, [])
        else:
            tgt = ctx.args(obj, owner=True)
        if rel is None or not tgt:
            continue
        sign = vsign * RELATIONS[rel]
        ex = {a.actor.name for a in tgt}
        ctx.emit([a for a in doers if a.actor.name not in ex], tgt, rel, v, "compose", sign=sign,
                  factor=factor, check=v)
        if vsign > 0:  # "a Green measure to ...": its owners mean it
            ctx.emit(ctx.owners(n, between_ok=False), tgt, rel, c, "compose", factor=0.85, check=v)


def _carried_noun(ctx: Sentence, n: Token) -> tuple[str | None, list[Arg]]:
    """A stance noun's relation and targets ("sanctions on Y"), for a clause that would carry it out."""
    entry = NOUN_CUES.get(lemma(n)) or NOUN_CUES.get(n.lower_)
    pairs = ctx._noun_targets(n, entry)[0] if entry else []
    return (pairs[0][1], [a for a, r in pairs if r == pairs[0][1]]) if pairs else (None, [])


@rule(PURPOSE, pos="verb", words="launch_verbs", order=150,
      when=lambda t, lem, pos: "obj" not in VERB_CUES.get(lem, {}))
def purpose_launch(ctx: Sentence, v: Token, lem: str) -> None:
    """ "filed a motion to block X's decree", "joined the race to unseat X", and (from verb.direct)
    "voted for a resolution condemning X": backing what is meant to act on X takes that act's side."""
    for c in v.children:
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and lemma(c) in PURPOSE_NOUNS:
            purpose(ctx, v, c, 1)


def compose(ctx: Sentence, v: Token, n: Token, vsign: int, doers: list[Arg] | None = None) -> None:
    """ "backed sanctions on Mali", "shared the EU's worry over X": a verb over a stance noun (``doers``: a
    passive's agents, "X's criticism of Y was echoed by Z")."""
    lem = lemma(n)
    entry = NOUN_CUES.get(lem) or NOUN_CUES.get(n.lower_)
    if not entry:
        return
    targets: list[Arg] = []
    nrel = None
    if lemma(v) == "blame" and vsign < 0:
        # "blamed the attack on X": X is the culprit blamed, not the attack's victim
        culprits = [a for c in n.children if c.dep_ == "prep" and c.lower_ == "on"
                    for p in c.children if p.dep_ == "pobj" for a in ctx.args(p, owner=True)]
        if culprits:
            subj = ctx.subjects(v, avoid={a.actor.name for a in culprits})
            ctx.emit(subj, culprits, "accuses", v, "verb")
            return
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in entry and c.lower_ != "between":
            for p in c.children:
                if p.dep_ == "pobj":
                    got = ctx.args(p, owner=True)
                    if got:
                        targets.extend(got)
                        nrel = entry[c.lower_]
    if not targets or nrel is None:
        return
    subj = ctx.subjects(v) if doers is None else doers
    # "threatened sanctions on Y": a hostile act threatened is the subject's own (not "threatened its alliance");
    # so is a fight fought ("fought a war against / with Y"), unlike "fought sanctions on Y"
    waged = nrel in ("fights", "clashes") and VERB_CUES.get(lemma(v), {}).get("obj") == "fights"
    own = waged or lemma(v) in THREAT_VERBS and RELATIONS[nrel] < 0
    sign = RELATIONS[nrel] if own else vsign * RELATIONS[nrel]
    ctx.emit(subj, targets, nrel, v, "compose", sign=sign, check=v)
    if waged and nrel == "clashes":  # "fought a war with Y": Y fought it too
        ctx.emit(targets, subj, nrel, v, "compose", sign=sign, check=v)


def _plain_negation(v: Token) -> bool:
    """Is the verb itself plainly negated ("did not endorse", "never backed"), not "not only backed" nor
    asked about or put as a condition?"""
    negs = [c for c in v.children if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")]
    if not negs or any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in v.children):
        return False
    doc = v.doc
    return not any(n.i + 1 < len(doc) and doc[n.i + 1].lower_ in ("only", "just", "merely", "simply")
                   for n in negs)


@rule("verb.withheld", pos="verb", words="withheld_verbs", order=12,
      when=lambda t, lem, pos: lem in VERB_CUES)
def withheld(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X did not endorse Y", "X said he would not vote for Y": withholding support in plain words opposes
    Y (a negation further up still blocks: "did not rule out backing Y" gives nothing)."""
    if ctx.question or _passive(v) or not _plain_negation(v):
        return
    if any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in v.children):
        return  # "X could not endorse Y", "X may not back Y": a possibility, nothing withheld yet
    hedge = min([HEDGE_MODALS[c.lower_] for c in v.children if c.dep_ == "aux" and c.lower_ in HEDGE_MODALS]
                or [1.0])
    if v.head.i != v.i and v.dep_ not in ("nsubj", "nsubjpass", "csubj"):
        blocked, above = ctx.blocked(v.head)
        if blocked:
            return
        hedge = min(hedge, above)
    slots = VERB_CUES[lem]
    for slot, arg in ctx._slots(v):
        rel = slots.get(slot)
        if rel is None or RELATIONS[rel] < 0 or slot not in ("obj", "for", "with", "behind", "by"):
            continue
        tgt = ctx.args(arg, owner=True)
        if tgt:
            subj = ctx.subjects(v, avoid={a.actor.name for a in tgt})
            ctx.emit(subj, tgt, "opposes", v, "verb", factor=0.7, hedge=hedge)


def _received_objects(v: Token) -> list[Token]:
    """The received nouns of a verb: its objects and what it is "under" ("came under fire from Y")."""
    objs = [c for c in v.children if c.dep_ == "dobj"]
    objs.extend(o for c in v.children if c.dep_ == "prep" and c.lower_ == "under"
                for o in c.children if o.dep_ == "pobj")
    return [o for o in objs if o.lower_ in RECEIVED_NOUNS or lemma(o) in RECEIVED_NOUNS]


def _givers(ctx: Sentence, v: Token | None, o: Token, of: bool = True) -> list[Arg]:
    """Who gives a received noun: "from Y" (on the noun or the verb; no verb: a "from" there is a place),
    "of Y" (unless ``of`` is False) / "by Y" on the noun, "Y's"."""
    out: list[Arg] = []
    for holder in (o, v) if v is not None else (o,):
        for c in holder.children:
            if c.dep_ in ("prep", "agent") and (c.lower_ == "from" or (holder is o and (
                    c.lower_ == "by" or (c.lower_ == "of" and of)))):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(ctx.args(p, owner="source"))
    out.extend(a for c in o.children if c.dep_ == "poss" for a in ctx.args(c))
    return out


def given_with(n: Token) -> bool:
    """ "launched an offensive with the support of Y", "Peru, with Y's blessing, ...": a stance received by
    the one acting. Only with a giver: "Y's" or "from Y", or "of Y" after a noun of something given (in
    "responded with criticism of Y" Y is the target, read by the noun rules)."""
    if n.dep_ != "pobj" or n.head.lower_ != "with" or not (n.lower_ in RECEIVED_NOUNS or lemma(n) in RECEIVED_NOUNS):
        return False
    if any(c.dep_ == "compound" for c in n.children):
        return False  # "with the secretary's IT support"
    preps = ("from", "by", "of") if lemma(n) in GIVEN_NOUNS else ("from", "by")
    if not any((c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ == "prep" and c.lower_ in preps)
               for c in n.children):
        return False
    h = n.head.head
    if h.pos_ in ("VERB", "AUX"):  # not the verb's own "with" ("agreed with", "took issue with")
        return not any(slot == "with" or slot.endswith(" with") for slot in VERB_CUES.get(lemma(h), {}))
    return h.dep_ in ("nsubj", "nsubjpass")


def _with_support(ctx: Sentence, v: Token) -> None:
    """ "with the backing of Y" on the verb or on its subject: received from Y."""
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
    for h in (v, *subjects):
        for n in (o for c in h.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children):
            givers = _givers(ctx, None, n, of=lemma(n) in GIVEN_NOUNS) if given_with(n) else []
            if givers:
                rel = RECEIVED_NOUNS.get(n.lower_) or RECEIVED_NOUNS[lemma(n)]
                ctx.emit(givers, ctx.subjects(v, avoid={a.actor.name for a in givers}), rel, n, "noun", check=v)


def _aimed_at(v: Token) -> bool:
    """An infinitive of purpose or aim ("used X to win Y's support", "went there to win it"), not one of
    what came about ("managed to win", "went on to win", "began to draw") or is said to be ("seems to have")."""
    if v.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    h = lemma(v.head)
    prt = next((c.lower_ for c in v.head.children if c.dep_ == "prt"), "")
    return h not in ACHIEVED_VERBS and f"{h} {prt}" not in ACHIEVED_VERBS and h not in RAISING_VERBS


@rule("verb.received", pos="verb", order=40)
def received(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X drew criticism from Y", "X won the backing of Y", "X came under fire from Y", "X has the support
    of Y", and on any verb "X attacked with the backing of Y" / "X, with Y's support, attacked": the giver
    holds the stance toward the receiver (the verb's subject), not the other way round."""
    _with_support(ctx, v)
    if lem not in RECEIVE_VERBS or (v.dep_ == "xcomp" and lemma(v.head) in STRIVING_VERBS) or _aimed_at(v):
        return  # ("hoped to win the endorsement of Y", "used its arms to win recognition from Y": not won yet)
    for o in _received_objects(v):
        if lem == "be" and o.dep_ == "dobj":
            continue
        if lem == "have" and not any(c.lower_ == "the" for c in o.children):
            continue  # "has criticism of Y" is X's own; "has the support of Y" is received
        givers = _givers(ctx, v, o)
        if givers:
            rel = RECEIVED_NOUNS.get(o.lower_) or RECEIVED_NOUNS[lemma(o)]
            got = ctx.subjects(v, avoid={a.actor.name for a in givers}) or _subject_owners(ctx, v)
            ctx.emit(givers, got, rel, o, "noun", check=v)


@rule("verb.react", pos="verb", words="react_verbs", order=90)
def react(ctx: Sentence, v: Token, lem: str) -> None:
    """ "reacted angrily to the ban ordered by the EU", "responded to X's attacks / comments"."""
    hostile = any(c.dep_ == "advmod" and c.lower_ in HOSTILE_MANNER for c in v.children)
    tgt: list[Arg] = []
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "against"):
            for o in c.children:
                if o.dep_ != "pobj":
                    continue
                if hostile:
                    tgt.extend(ctx.args(o, owner=True))
                elif lemma(o) in REBUTTED_NOUNS or o.lower_ in REBUTTED_NOUNS:
                    # answering someone's attacks or remarks is taking issue with them
                    tgt.extend(a for g in o.children if g.dep_ == "poss" for a in ctx.args(g))
    if tgt:
        ctx.emit(ctx.subjects(v, avoid={a.actor.name for a in tgt}), tgt, "criticises", v, "verb")


def _subject_owners(ctx: Sentence, v: Token) -> list[Arg]:
    """ "Iran's support for Y has drawn criticism from Z": an act as the subject stands for its owner."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or any(c.dep_ in ("dative", "iobj") for c in v.children):
        return []  # ("his work won him the contempt of Z": the one it won it for)
    return ctx.owners(subj, between_ok=False)


@rule("verb.angered", pos="verb", words="anger_verbs", order=92)
def angered(ctx: Sentence, v: Token, lem: str) -> None:
    """ "Moscow's support for the Serbs angered Washington", "Beijing angered Tokyo by ...": the one angered
    holds it against the doer (the subject, or the owner of the act that is the subject)."""
    if any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in v.children):
        return  # "everyone should be alarmed by Y": a call to be, no one's reaction
    if _passive(v):  # "X was angered by Y's remarks"
        angry, subj = ctx.args(_passive_subject(v)), _agent(v)
    else:
        angry = [a for c in v.children if c.dep_ == "dobj" for a in ctx.args(c)]
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
    if not angry or subj is None:
        return
    doers = ctx.args(subj) or ctx.owners(subj, between_ok=False)  # (an owned act; not a bare "the move")
    ex = {x.actor.name for x in angry}
    ctx.emit(angry, [a for a in doers if a.actor.name not in ex], "opposes", v, "verb")


def _counted(o: Token) -> list[Token]:
    """What a batch noun counts ("a barrage of accusations": the accusations), else the noun itself."""
    if lemma(o) not in BATCH_NOUNS:
        return [o]
    return [p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def _answered(ctx: Sentence, v: Token) -> list[Token]:
    """The hostile things a verb answers: "responded to Y's attacks", "denied / brushed off Y's allegations"
    (not those aimed at somebody named: "Y's attacks on Z")."""
    objs = [o for c in v.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    objs += [c for c in v.children if c.dep_ == "dobj"]
    objs = [p for o in objs for p in _counted(o)]
    return [o for o in objs if (o.lower_ in ANSWERED_NOUNS or lemma(o) in ANSWERED_NOUNS)
            and not any(c.dep_ == "prep" and c.lower_ in ("on", "against", "of") and ctx.args(p)
                        for c in o.children for p in c.children if p.dep_ == "pobj")]


@rule("verb.answered", pos="verb", words=("react_verbs", "answer_verbs"), order=91)
def answered(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X rejected Y's accusations", "X declined to respond to Y's charges": the one whose charges are
    answered holds them against the one answering (whether or not X answers: the charges were made)."""
    if ctx.question:
        return
    for o in _answered(ctx, v):
        owners = [a for c in o.children if c.dep_ == "poss" for a in ctx.args(c)]
        owners += [a for c in o.children if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
                   for p in c.children if p.dep_ == "pobj" for a in ctx.args(p, owner="source")]
        # "dismissed accusations made by Y": the agent of the participle (not when the charges name
        # another target: "accusations made against Z by Y")
        made = [c for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) in CHARGE_VERBS]
        if not any(c.dep_ == "prep" and c.lower_ in ("on", "against") for h in (o, *made) for c in h.children):
            owners += [a for c in made for g in c.children if g.dep_ == "agent"
                       for p in g.children if p.dep_ == "pobj" for a in ctx.args(p, owner="source")]
        if owners:
            rel = ANSWERED_NOUNS.get(o.lower_) or ANSWERED_NOUNS[lemma(o)]
            # (not blocked by the denial itself: the charges were made, whatever the answer)
            ctx.emit(owners, ctx.subjects(v, avoid={a.actor.name for a in owners}), rel, o, "noun",
                     hedge=1.0)


def _demanded_of(v: Token, c: Token) -> Token | None:
    """Who is to do the demanded act: its own subject, else the object or "on X" of the demand."""
    tgt_tok = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    if tgt_tok is None and c.dep_ == "xcomp":
        tgt_tok = next((g for g in v.children if g.dep_ == "dobj"), None)
    if tgt_tok is None and c.dep_ in ("xcomp", "advcl"):  # "called on X to resign"
        tgt_tok = next((p for g in v.children if g.dep_ == "prep" and g.lower_ in ("on", "upon")
                        for p in g.children if p.dep_ == "pobj"), None)
    return tgt_tok


def _to_clause_on(v: Token, c: Token) -> bool:
    """ "called on Y to stop ...", with the infinitive parsed as an adverbial clause of the verb."""
    return c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and any(
        g.dep_ == "prep" and g.lower_ in ("on", "upon") for g in v.children)


def _for_clause(c: Token) -> bool:
    """ "called for Y to resign", "pushed for Y to be removed": the infinitive with its own subject after
    "for", parsed as an adverbial clause of the verb."""
    return c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children) and any(
        g.dep_ in ("nsubj", "nsubjpass") for g in c.children)


def _corrective(ctx: Sentence, v: Token, c: Token, rule: str = "demand.corrective") -> None:
    """ "called on X to apologise", "urged X to retract the claim": X is in the wrong."""
    tgt_tok = _demanded_of(v, c)
    if any(g.dep_ == "dobj" and getattr(ctx.index.mention_at(g), "actors", None) for g in c.children) \
            and VERB_CUES.get(lemma(c), {}).get("obj"):
        return  # "urged Congress to condemn Y": a stance wanted on Y (verb.wanted), no fault of Congress's
    if tgt_tok is not None and not any(g.dep_ == "neg" for g in c.children) and not _both_sides(tgt_tok):
        tgt = ctx.args(tgt_tok)
        src = ctx.subjects(v, avoid={a.actor.name for a in tgt})
        ctx.emit(src, tgt, "opposes", v, "demand", factor=0.9, rule=rule)


def _both_sides(t: Token) -> bool:
    """ "urged both sides to show restraint", "called on all parties to comply": an even-handed appeal takes
    no side."""
    return t.lower_ in PAIR_PLURALS and any(
        c.lower_ in ("both", "all", "two") for c in t.children)


def _ouster(ctx: Sentence, v: Token, c: Token) -> None:
    """ "demanded that he step down", "demanded X face charges", "want him removed"."""
    lc = lemma(c)
    if lc == "step" and not any(g.dep_ == "prt" and g.lower_ in ("down", "aside") for g in c.children):
        return
    if lc == "face" and not any(g.dep_ == "dobj" for g in c.children):
        return
    if lc in ("go", "leave") and any(g.dep_ in ("dobj", "prep") for g in c.children):
        return
    if lc not in ("face", "step", "resign", "quit", "go", "leave") and not any(
            g.dep_ == "auxpass" for g in c.children):
        return  # "urged Ukraine to investigate X": the verb rule gives the urger's stance on X
    tgt = ctx.args(_demanded_of(v, c))
    src = ctx.subjects(v, avoid={a.actor.name for a in tgt})
    ctx.emit(src, tgt, "delegitimises" if lc in ("resign", "quit", "step", "go", "leave") else "opposes", v,
             "demand")


def _ouster_noun(ctx: Sentence, v: Token, c: Token) -> None:
    """ "called for his resignation", "demanded the removal of X"."""
    objs = [c] if c.dep_ == "dobj" else [o for o in c.children if o.dep_ == "pobj"]
    for o in objs:
        if lemma(o) in STOP_NOUNS:  # "demanded a halt to Israel's offensive": against whoever does it
            acts = [p for g in o.children if g.dep_ == "prep" and g.lower_ in ("to", "of") for p in g.children
                    if p.dep_ == "pobj"]
            # (not the sides of "a halt to the fighting between X and Y": a call on both takes no side)
            sides = {a.actor.name for p in acts for b in p.children if b.dep_ == "prep" and b.lower_ in (
                "between", "among") for x in b.children if x.dep_ == "pobj" for a in ctx.args(x)}
            tgt = [a for p in acts for a in ctx.args(p, owner=True) if a.actor.name not in sides]
            ctx.emit(ctx.subjects(v, avoid={a.actor.name for a in tgt}), tgt, "opposes", v, "demand",
                     rule="demand.ouster_noun")
        # "called for his resignation" opposes him; "called for the release of Y" takes Y's side (the one
        # named, not an owner: "of Y's tax returns")
        for nouns, rel, rid in ((RELEASE_NOUNS, "defends", "demand.release"),
                                (OUSTER_NOUNS, "opposes", "demand.ouster_noun")):
            if lemma(o) in nouns or o.lower_ in nouns:
                tgt = [a for g in o.children for p in _patient_slot(g) for a in ctx.args(p)]
                ctx.emit(ctx.subjects(v, avoid={a.actor.name for a in tgt}), tgt, rel, v, "demand", rule=rid)


def _patient_slot(g: Token) -> list[Token]:
    """The one a removal or release befalls, from a child of its noun: "his" / "of Y"."""
    if g.dep_ == "poss":
        return [g]
    return [p for p in g.children if p.dep_ == "pobj"][:1] if g.dep_ == "prep" and g.lower_ == "of" else []


@rule("demand.ouster", pos="verb", words="demand_verbs", order=200,
      emits=("demand.corrective", "demand.ouster_noun", "demand.release"))
def demand(ctx: Sentence, v: Token, lem: str) -> None:
    """ "demanded that he step down", "called for his resignation", "called on X to apologise"."""
    for c in v.children:
        corrective = lemma(c) in CORRECTIVE_VERBS or do_more(c)
        clause = c.dep_ in ("ccomp", "xcomp") or _for_clause(c)
        if clause and corrective and lem != "want" or (_to_clause_on(v, c) and corrective):
            _corrective(ctx, v, c)
        if clause and lemma(c) in OUSTER_VERBS:
            _ouster(ctx, v, c)
        if c.dep_ in ("dobj", "prep"):
            _ouster_noun(ctx, v, c)


def _third_party(ctx: Sentence, c: Token) -> bool:
    """Is the demanded act done to another actor ("Y must stop Z's advance", "release Z's prisoners")? Then
    the demand is about Z, not a correction of Y ("Y must withdraw its troops" is)."""
    doer = {a.actor.name for a in ctx.args(next((g for g in c.children if g.dep_ == "nsubj"), None))}
    obj = next((g for g in c.children if g.dep_ == "dobj"), None)
    return any(a.actor.name not in doer for a in ctx.args(obj, owner=True))


@rule("demand.should", pos="verb", words="report_verbs", order=201)
def said_should(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X said Y should resign", "X said Y must withdraw its troops": a call for someone's going or for a
    correction, put as what ought to happen, is the same demand as "X demanded that Y resign / withdraw"."""
    for c in v.children:
        if c.dep_ == "ccomp" and not any(g.dep_ == "neg" for g in c.children) \
                and any(g.dep_ == "aux" and g.lower_ in ("should", "must", "ought") for g in c.children):
            if lemma(c) in OUSTER_VERBS:
                _ouster(ctx, v, c)
            elif lemma(c) in CORRECTIVE_VERBS and lemma(c) not in SPEAK_OUT_VERBS and not _third_party(ctx, c):
                _corrective(ctx, v, c, rule="demand.should")


@rule("verb.refused", pos="verb", when=lambda t, lem, pos: lem in ("refuse", "decline"))
def refused(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X refused to endorse Y", "X declined to negotiate with Y": refusing support or contact is a stance
    against Y (only support verbs: "refused to condemn Y" may be caution as much as sympathy)."""
    act = next((c for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if act is None or any(c.dep_ == "neg" for c in act.children):
        return
    rel = VERB_CUES.get(lemma(act), {}).get("obj")
    obj = next((c for c in act.children if c.dep_ == "dobj"), None)
    if rel is None or obj is None:
        # "refused to negotiate with Y", "declined to work with Y": refusing contact or work together
        prep = next((c for c in act.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                     and (lemma(act) in CONTACT_VERBS or VERB_CUES.get(lemma(act), {}).get(c.lower_))), None)
        rel = VERB_CUES.get(lemma(act), {}).get(prep.lower_, "cooperates") if prep is not None else None
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if rel is None or RELATIONS[rel] < 0 or obj is None:
        return
    tgt = ctx.args(obj, owner=True)
    if not tgt:
        return
    ex = {a.actor.name for a in tgt}
    ctx.emit([a for a in ctx.subjects(v) if a.actor.name not in ex], tgt, "opposes", v, "verb", factor=0.8,
             check=v)
