"""One sentence's rule context: its actors, the speaker it quotes, and the stances found so far.

The rules (registered functions in the modules of this package) read arguments
through the mixins (``Arguments``, ``Holders``, ``Syntax``) and report through
``emit``, which drops blocked stances (negated, denied, conditional, asked) and
tags each stance with the id of the rule that made it.
"""
from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Span, Token

from . import blocking, registry
from .arguments import Arguments
from .base import KIND_CONFIDENCE, Arg, Stance, lemma
from .holders import Holders
from .syntax import Syntax
from .vocab import ANNOUNCE_VERBS, COMBATANT_NOUNS, PAIR_PLURALS, PART_QUANTIFIERS, RELATIONS

ANNOUNCED = registry.shared("announce.institution", "a person announcing an institution's act shares its stance")


def counted_members(t: Token) -> bool:
    """ "35 Democrats joined Republicans", "some Republicans disputed it": a number or a part of a party's
    or group's members is not the party or group (a pair stays whole: "the two sides agreed")."""
    return t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NNS", "NNPS") and t.lower_ not in PAIR_PLURALS and any(
        c.dep_ in ("nummod", "quantmod") or (c.dep_ in ("det", "amod") and c.lower_ in PART_QUANTIFIERS)
        for c in t.children)


def _some_members(a: Arg, doc: Any, target: bool = False) -> bool:
    """A counted mention of a party or group (a state's "12 Chilean drones" are still the state's; so are a
    group's "twelve militants" that are fought: ``combatant_nouns`` as a target)."""
    t = doc[max(a.mention.start, a.mention.end - 1)]
    return a.actor.type != "country" and counted_members(t) and not (target and lemma(t) in COMBATANT_NOUNS)


def _neither(a: Arg, doc: Any) -> bool:
    """ "Neither Germany nor France backed Y", "backed neither X nor Y": a coordination that denies each member."""
    i = getattr(a.mention, "head", -1)
    if not isinstance(i, int) or i < 0:
        i = a.mention.end - 1
    if not 0 <= i < len(doc):
        return False
    t = doc[i]
    for _ in range(4):
        if t.dep_ != "conj" or t.head.i == t.i:
            break
        t = t.head
    return any(c.lower_ in ("neither", "nor") and c.dep_ in ("det", "preconj", "cc") for c in t.children)


class Sentence(Arguments, Holders, Syntax):
    """The rules' view of one sentence; collects the stances its rules emit."""

    def __init__(self, sent: Span, index: Any, sent_index: int, speaker: list[Arg], stext: str = "",
                 quoted: bool = False):
        self.sent = sent
        self.index = index
        self.sent_index = sent_index
        self.speaker = speaker
        # the whole sentence is the speaker's words (a quotation whose speaker is named in another sentence)
        self.quoted = quoted and bool(speaker)
        self.hits: list[Stance] = []
        self.rule = ""  # the id of the rule running now (set by the registry)
        # (Doc.text joins every token each time it is read: callers pass the sentence text in)
        self.question = stext.rstrip().rstrip("\"'\u201d\u2019)").endswith("?")

    def blocked(self, cue: Token, *, skip_self_blocker: bool = True) -> tuple[bool, float]:
        """Is the stance at ``cue`` negated, denied, failed, conditional, asked? And its hedge factor."""
        if self.question:
            return True, 1.0
        return blocking.blocked(cue, skip_self_blocker=skip_self_blocker)

    def emit(self, sources: list[Arg], targets: list[Arg], relation: str, cue: Token, kind: str,
             *, sign: int | None = None, factor: float = 1.0, check: Token | None = None,
             hedge: float | None = None, rule: str | None = None) -> None:
        doc = cue.doc
        sources = [a for a in sources if not _some_members(a, doc) and not _neither(a, doc)]
        targets = [b for b in targets if not _some_members(b, doc, target=True) and not _neither(b, doc)]
        if not sources or not targets:
            return
        if hedge is None:
            blocked, hedge = self.blocked(check if check is not None else cue)
            if blocked:
                return
        s = RELATIONS[relation] if sign is None else sign
        if s != RELATIONS[relation]:
            relation = "supports" if s > 0 else "opposes"
        base = KIND_CONFIDENCE.get(kind, 0.7) * factor * hedge
        if kind != "announced":
            self._announcer(sources, targets, relation, cue, s, base)
        for a in sources:
            for b in targets:
                if a.actor.name == b.actor.name or _own_side(a, b):
                    continue
                conf = round(max(0.05, min(1.0, base * a.factor * b.factor)), 3)
                self.hits.append(Stance(a.mention, b.mention, a.actor, b.actor, relation, s, cue.text,
                                        self.sent_index, conf, kind, rule or self.rule))

    def _announcer(self, sources: list[Arg], targets: list[Arg], relation: str, cue: Token, sign: int,
                   base: float) -> None:
        """ "Jane Roe announced that the Senate would open hearings on X": a person announcing what an
        institution will do holds its stance too (not so for a person's deeds: "X said Y attacked Z")."""
        if not sources or any(a.actor.type == "person" for a in sources):
            return
        t = cue
        for _ in range(8):
            if t.head.i == t.i:
                return
            clause, d, t = t, t.dep_, t.head
            if d == "ccomp":
                break
        else:
            return
        if lemma(t) not in ANNOUNCE_VERBS or t.pos_ != "VERB":
            return
        doers = {a.actor.name for a in self.subjects(clause)}
        if doers and not {a.actor.name for a in sources} & doers:
            return  # "X announced that Y had seized Z's firms, a move denounced by Z": not the announced act
        skip = {a.actor.name for a in sources} | {a.actor.name for a in targets}
        who = [a for a in self.subjects(t) if a.actor.type == "person" and a.actor.name not in skip]
        if who and not self.blocked(t)[0]:
            self.emit(who, targets, relation, t, "announced", sign=sign, factor=0.85, hedge=1.0, rule=ANNOUNCED)

    def mutual(self, group: list[Arg], relation: str, cue: Token, kind: str, factor: float = 1.0,
               check: Token | None = None, rule: str | None = None) -> None:
        blocked, hedge = self.blocked(check if check is not None else cue)
        if blocked:
            return
        for a in group:
            self.emit([a], [b for b in group if b.actor.name != a.actor.name], relation, cue, kind, factor=factor,
                      hedge=hedge, rule=rule)

    def within(self, rule_id: str, fn: Callable, *args: Any) -> None:
        """Run a shared construction so that what it emits carries ``rule_id``."""
        saved, self.rule = self.rule, rule_id
        try:
            fn(self, *args)
        finally:
            self.rule = saved

    def run(self) -> list[Stance]:
        """Every registered rule over the sentence's tokens, then the sentence-level rules."""
        for t in self.sent:
            try:
                registry.run_token(self, t)
            except RecursionError:  # pragma: no cover - pathological parse
                continue
        registry.run_sentence(self)
        return self.hits


def _own_side(a: Arg, b: Arg) -> bool:
    """ "Britain and France fear attacks on their troops": "their" is the two together, each its own
    side, not each the other's."""
    m = b.mention
    return getattr(m, "kind", "") == "pronoun" and len(m.actors) > 1 and any(x.name == a.actor.name for x in m.actors)
