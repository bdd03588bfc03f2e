"""Rules for what two actors do together: a joint subject agreeing, clashing or working together, and
joint activities ("the joint drills between X and Y"); they give both directions."""
from __future__ import annotations

from spacy.tokens import Token

from .base import Arg, lemma
from .context import Sentence
from .registry import rule
from .vocab import (EXCHANGE_OBJECTS, JOINT_ACTIVITY, JOINT_MARKERS, RECIPROCAL_NEGATIVE, RECIPROCAL_POSITIVE, WORK_TOGETHER)


def _joint_group(ctx: Sentence, v: Token) -> list[Arg]:
    """The joint subject of ``v``: a headline pair, a conjoined subject, or one carried down a chain."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    pair = ctx._headline_pair(v)
    if pair:
        return pair
    if subj is not None:
        return ctx.args(subj, owner="source")
    if v.dep_ in ("xcomp", "conj"):
        return ctx.subjects(v)  # "X and Y were able to work together"
    return []


def _joint_drills(v: Token) -> bool:
    """ "X and Y held / began / conducted joint drills" (the marker may sit on a compound: "joint coast guard
    drills")."""
    for c in v.children:
        if c.dep_ == "dobj" or c.dep_ == "prep":
            objs = [c] if c.dep_ == "dobj" else [o for o in c.children if o.dep_ == "pobj"]
            for o in objs:  # (the activity noun first: it is rare, and the subtree scan runs for every verb's objects)
                if (lemma(o) in JOINT_ACTIVITY or o.lower_ in JOINT_ACTIVITY) and any(
                        g.lower_ in JOINT_MARKERS and g.dep_ in ("amod", "compound") for g in o.subtree if g.i < o.i):
                    return True
    return False


COUNTER_TOGETHER = WORK_TOGETHER | {"confront", "combat", "tackle", "counter", "defeat"}


@rule("joint.verb", pos="verb", order=20, emits=("joint.drills",))
def joint_verb(ctx: Sentence, v: Token, lem: str) -> None:
    """ "X and Y agreed / clashed" (joint.verb), "worked together", "held joint drills" (joint.drills): both directions between the joint subject."""
    if lem not in RECIPROCAL_POSITIVE and lem not in RECIPROCAL_NEGATIVE and lem not in COUNTER_TOGETHER \
            and not _joint_drills(v):
        return  # a verb no branch below reads (most verbs): the group need not be found
    group = _joint_group(ctx, v)
    if len(group) < 2:
        return
    kids = list(v.children)
    together = any(c.lower_ in JOINT_MARKERS for c in kids if c.dep_ in ("advmod", "npadvmod", "prt"))
    # (the forum of a UN text the pair drafts is no third party)
    has_actor_obj = any(ctx._not_venue(arg, ctx.args(arg)) for _, arg in ctx._slots(v))
    if lem in RECIPROCAL_POSITIVE and not has_actor_obj:
        ctx.mutual(group, RECIPROCAL_POSITIVE[lem], v, "joint")
    elif together and lem in COUNTER_TOGETHER:
        ctx.mutual(group, "cooperates", v, "joint")
    elif lem in RECIPROCAL_NEGATIVE and not has_actor_obj:
        if lem not in ("exchange", "trade") or any(c.dep_ == "dobj" and c.lower_ in EXCHANGE_OBJECTS for c in kids):
            ctx.mutual(group, RECIPROCAL_NEGATIVE[lem], v, "joint")
    elif _joint_drills(v):
        ctx.mutual(group, "cooperates", v, "joint", rule="joint.drills")


@rule("joint.activity", pos="noun", words="joint_activity", match="lemma|lower", order=80)
def joint_activity(ctx: Sentence, n: Token, lem: str) -> None:
    """ "the joint drills between X and Y", "the France-Spain drills", "an exercise by X, Y and Z"."""
    parts: list[Arg] = []
    joint = any(c.lower_ in JOINT_MARKERS for c in n.children if c.dep_ in ("amod", "advmod", "compound"))
    explicit = []
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "by", "of", "among", "involving"):
            for o in c.children:
                if o.dep_ == "pobj":
                    explicit.extend(ctx.args(o, owner=False))
    compounds = []
    for c in n.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < n.i:
            compounds.extend(ctx._mentions_at((c, *c.conjuncts)))
            # "South Korea-US": a hyphen chain under one compound
            compounds.extend(ctx._mentions_at(g for g in c.children if g.dep_ in ("compound", "amod", "nmod")))
    parts = explicit + compounds
    uniq = list({a.actor.name: a for a in parts}.values())
    if len(uniq) < 2:
        return
    hyphen_pair = any(t.text == "-" for t in n.doc[max(ctx.sent.start, n.i - 6):n.i])
    between = any(c.dep_ == "prep" and c.lower_ == "between" for c in n.children)
    if not (joint or between or (compounds and hyphen_pair)):
        return
    ctx.mutual(uniq, "cooperates", n, "joint")


