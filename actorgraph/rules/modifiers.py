"""Rules read off modifiers: cue adjectives with a preposition ("critical of Y") and hyphenated
participles after an actor ("Iran-backed Houthis")."""
from __future__ import annotations

from spacy.tokens import Token

from .base import Arg, lemma
from .context import Sentence
from .registry import rule
from .vocab import ADJ_CUES, HYPHEN_CONFIDENCE, HYPHEN_CUES


@rule("adj.cue", pos="adj", words="adjective_cues", match="lemma|lower", order=20)
def adjective(ctx: Sentence, a: Token, lem: str) -> None:
    """ "opposed to", "critical of", "concerned about": the one described toward the object."""
    entry = ADJ_CUES.get(lemma(a)) or ADJ_CUES[a.lower_]
    targets: list[tuple[Arg, str]] = []
    for c in a.children:
        # "worried by X" may be parsed as a passive with an agent
        if c.dep_ in ("prep", "agent") and c.lower_ in entry:
            for o in c.children:
                if o.dep_ == "pobj":
                    for x in ctx.args(o, owner=True):
                        targets.append((x, entry[c.lower_]))
    if not targets:
        return
    if a.dep_ in ("acomp", "xcomp", "ROOT", "ccomp", "conj", "advcl"):
        # "he was concerned by X" parsed as a passive verb: the one concerned is its subject
        holders = ctx.args(next((c for c in a.children if c.dep_ == "nsubjpass"), None), owner="source")
        if not holders and a.dep_ in ("ROOT", "ccomp", "conj"):
            holders = ctx.subjects(a)
        if not holders:
            h = a.head
            holders = ctx.subjects(h) if h.i != a.i else []
    elif a.dep_ == "amod":
        holders = ctx.args(a.head)
    else:
        holders = []
    for x, rel in targets:
        ctx.emit(holders, [x], rel, a, "adjective")


@rule("hyphen.backed", pos="any", words="hyphen_cues", match="lower", order=10,
      when=lambda t, lem, pos: t.i >= 2 and t.doc[t.i - 1].text == "-")
def hyphen(ctx: Sentence, t: Token, lem: str) -> None:
    """ "Iran-backed Houthis", "US-led coalition", "Kremlin-linked Wagner Group"."""
    doc = t.doc
    m = ctx.index.mention_at(doc[t.i - 2])
    if m is None or not m.actors or m.end > t.i:
        return  # (not inside a name: "the Non-Aligned Movement")
    src = ctx._mention_args(m)
    head = t.head if t.dep_ in ("amod", "compound", "nmod", "acl") else None
    tgt: list[Arg] = []
    if head is not None and head.i > t.i:
        tgt = ctx.args(head)
    if not tgt and t.i + 1 < ctx.sent.end:
        m2 = ctx.index.mention_at(doc[t.i + 1])
        if m2 is not None and m2.actors:
            tgt = ctx._mention_args(m2)
    if not tgt:
        return
    rel = HYPHEN_CUES[t.lower_]
    ctx.emit(src, tgt, rel, t, "hyphen", factor=HYPHEN_CONFIDENCE.get(t.lower_, 1.0))


