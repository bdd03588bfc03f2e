"""Who an argument token stands for: mentions, apparatus owners, quoted speakers."""
from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..resolve.text import hyphened
from ..resolve.vocab import COUNTRY_NOUNS, POSS_PRON
from .base import Arg, MENTION_CONFIDENCE, MentionRef, QUOTE_CHARS, lemma
from .vocab import (SIDE_NOUNS, LED_BODY_NOUNS, SUMMARY_NOUNS, ACT_NOUNS, ACT_VERBS, NOUN_CUES, AUTHOR_VERBS, CARRY_OUT_VERBS, SPEECH_ACT_NOUNS, CAMP_NOUNS, ECHOED_ACT_NOUNS, LOYAL_NOUNS, MAKE_ACT_VERBS, PROXY_NOUNS, QUANTITY_NOUNS, REBUTTED_NOUNS, RELATIONAL_NOUNS,
                    SOURCE_OWNED, SPEECH_VERBS, STATE_WORDS)


def _homeland_pronoun(t: Token) -> Token | None:
    """The possessive pronoun of "his country" / "their homeland", for the pronoun or for the noun."""
    if t.dep_ == "poss" and lemma(t.head) in COUNTRY_NOUNS:
        pron: Token | None = t
    elif lemma(t) in COUNTRY_NOUNS:
        pron = next((c for c in t.children if c.dep_ == "poss"), None)
    else:
        return None
    return pron if pron is not None and pron.lower_ in POSS_PRON else None


def companions(t: Token, before: int | None = None) -> list[Token]:
    """The ones joined to ``t`` by "along with", "together with", "alongside" or "as well as" (spaCy hangs them
    on ``t`` as a preposition or a "cc", not as conjuncts), with their own conjuncts; ``before``: only phrases
    standing before that token (a verb's co-doers, not its objects)."""
    out: list[Token] = []
    for c in t.children:
        if before is not None and c.i >= before:
            continue
        if c.dep_ == "prep" and c.lower_ in ("along", "together"):
            objs = [o for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for o in w.children
                    if o.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "alongside" or c.dep_ == "cc" and c.lower_ == "as" and any(
                x.lower_ == "well" for x in t.doc[max(0, c.i - 2):c.i]) or c.dep_ == "prep" and c.lower_ == "with" \
                and any(x.lower_ in ("together", "along") for x in c.children):  # "Together with Spain, ..."
            objs = [o for o in c.children if o.dep_ == "pobj"]
        else:
            continue
        for o in objs:
            out.extend([o, *o.conjuncts])
    return out


class Arguments:
    """Who an argument token stands for: mentions, apparatus owners, quoted speakers."""

    def args(self, tok: Token | None, *, owner: bool | str = False, depth: int = 0) -> list[Arg]:
        """The actors an argument token stands for: its mention, conjuncts, apparatus owners."""
        if tok is None or depth > 3:
            return []
        out: list[Arg] = []
        for t in [tok, *tok.conjuncts]:
            own = self._one(t, owner=owner, depth=depth)
            out.extend(own)
            # "Germany, along with France", "Iran as well as Syria" (not "voted against the resolution alongside
            # Russia": a companion of whoever voted, misattached to the thing voted on)
            for c in companions(t) if own or t.dep_ not in ("dobj", "pobj") else ():
                out.extend(self._one(c, owner=owner, depth=depth))
        seen: set[str] = set()
        res = []
        for a in out:
            if a.actor.name not in seen:
                seen.add(a.actor.name)
                res.append(a)
        return res

    def _in_quotes(self, t: Token) -> bool:
        """Inside quotation marks opened in this sentence: '"He lied," X said' quotes X on somebody else."""
        return sum(1 for x in t.doc[self.sent.start:t.i] if x.text in QUOTE_CHARS) % 2 == 1

    def _mentions_at(self, toks: Any, factor: float = 1.0) -> list[Arg]:
        """The actors of the mentions that start at each token ("South Korean and US" modifiers)."""
        out: list[Arg] = []
        for t in toks:
            m = self.index.mention_at(t)
            if m is not None and m.actors:
                out.extend(self._mention_args(m, factor))
        return out

    def _mention_args(self, m: Any, factor: float = 1.0) -> list[Arg]:
        f = factor * MENTION_CONFIDENCE.get(getattr(m, "kind", ""), 1.0)
        return [Arg(m, a, f) for a in m.actors]

    def _one(self, t: Token, *, owner: bool | str, depth: int) -> list[Arg]:
        """One token's actors: "I"/"we" in a quotation, its mention, a pronoun standing for the sayer, a
        group named by example or quantity, an apparatus's state, or (``owner``) the owner of a thing."""
        got = self._first_person_arg(t)
        if got is not None:
            return got
        pron = _homeland_pronoun(t)
        if pron is not None:
            # "waging war on his country": the person's state, never the person ("their homeland": a group's own)
            m = self.index.mention_at(pron)
            return self._states_of(self._mention_args(m), own=True) if m is not None and m.actors else []
        if t.lower_ == "whose" and t.dep_ == "poss":  # "Syria, whose army Russia backs": the relative's antecedent
            rel = next((a for a in t.ancestors if a.dep_ == "relcl"), None)
            return self._one(rel.head, owner=False, depth=depth + 1) if rel is not None and depth < 3 else []
        m = self.index.mention_for(t)
        if m is not None and not (m.start <= t.i < m.end) and t.tag_ == "NNS" \
                and any(c.dep_ == "nummod" for c in t.children):
            return []  # "the board's three newest members": some of its members, not the court itself
        if t.pos_ == "NOUN" and t.tag_ == "NNS" and (m is None or not m.start <= t.i < m.end):
            got = self._named_members(t)
            if got:
                return got
        m = self._described_mention(t, m)
        got = self._sayer_pronoun(t, m)
        if got is not None:
            return got
        if m is not None and m.actors:
            return self._mention_and_list(t, m, depth)
        lem = lemma(t)
        got = self._named_group(t, lem, owner, depth)
        if got is not None:
            return got
        if owner == "source":
            if lem in SOURCE_OWNED or t.lower_ in SOURCE_OWNED:
                return self.owners(t, depth=depth, between_ok=False)
            return []
        if owner is True and lem in ("way", "manner") and t.pos_ == "NOUN":
            # "frustration with the way X has handled the report": X's conduct
            for c in t.children:
                if c.dep_ == "relcl":
                    return self.args(next((g for g in c.children if g.dep_ == "nsubj"), None), depth=depth + 1)
        if owner and t.pos_ in ("NOUN", "PROPN", "PRON", "VERB") and lem not in RELATIONAL_NOUNS:
            got = self._owner_of_thing(t, lem, owner, depth)  # ("his rival" is somebody else, not his)
            # ("X's group", "X's organization": a body X leads is one of its own, not X)
            return [a for a in got if a.actor.type != "person"] if lem in LED_BODY_NOUNS else got
        return []

    def _listed(self, toks: Any, m: Any) -> list[Arg]:
        """The actors of the other mentions of a list, of the same type as the first one's (``m``)."""
        out: list[Arg] = []
        kind = m.actors[0].type
        for x in toks:
            mm = self.index.mention_for(x)
            if mm is not None and mm is not m and mm.actors and mm.actors[0].type == kind:
                out.extend(self._mention_args(mm))
        return out

    def _named_members(self, t: Token) -> list[Arg]:
        """ "the two presidents -- X and Y -- praised Z": a plural noun's apposition names its members (all
        of them, not its first; nor the party of "Democratic presidents")."""
        out: list[Arg] = []
        for c in t.children:
            if c.dep_ == "appos":
                for x in (c, *c.conjuncts):
                    mm = self.index.mention_for(x)
                    if mm is not None and mm.actors and mm.start <= x.i < mm.end:
                        out.extend(self._mention_args(mm))
        return out

    def _first_person_arg(self, t: Token) -> list[Arg] | None:
        """ "I", "we" (not "US"): their mention, else the quoted speaker; None for other words."""
        low = t.lower_
        if low not in ("i", "me", "we", "us", "my", "our") or t.tag_ not in ("PRP", "PRP$"):
            return None
        if low == "us" and t.text == "US":
            return None
        m = self.index.mention_at(t)
        got = self._mention_args(m) if m is not None and m.actors else self._first_person(t)
        if low == "our" and t.dep_ == "poss" and lemma(t.head) in STATE_WORDS:
            # "'... against our country,' the minister said": the speaker's state if the article has it as an
            # actor, never the speaker
            return self._states_of(got)
        return got

    def _states_of(self, got: list[Arg], own: bool = False) -> list[Arg]:
        """The states of people (their affiliation, when the article has it as a country) and states (with
        ``own``, any actor but a person stands for itself: a group's homeland is the group's)."""
        states = [(a, self.index.actors.get(a.actor.affiliation or "")) if a.actor.type == "person" else (a, a.actor)
                  for a in got]
        return [Arg(a.mention, s, a.factor) for a, s in states
                if s is not None and (s.type == "country" or own and s.type != "person")]

    def _described_mention(self, t: Token, m: Any) -> Any:
        """The mention a description stands beside: "X, a former party chairman who ...", "the president's
        attorney, Rudolph W. Giuliani, ..." (apposition either way)."""
        idx = self.index
        if m is None and t.dep_ == "appos" and t.pos_ == "NOUN" and lemma(t) not in ACT_NOUNS:
            # (not "annexed Western Sahara, a move opposed by Y": the act, not the place)
            m2 = idx.mention_at(t.head)
            if m2 is not None and m2.actors:
                m = m2
        if m is None or (t.pos_ == "NOUN" and not all(a.type == "person" for a in m.actors)):
            # ("the FBI's director, Walter Haig, ...": the person named, not the body the post is in)
            for c in t.children:
                if c.dep_ == "appos":
                    m2 = idx.mention_for(c)
                    if m2 is not None and m2.actors and (m is None or all(a.type == "person" for a in m2.actors)):
                        return m2
        return m

    def _sayer_pronoun(self, t: Token, m: Any) -> list[Arg] | None:
        """ "X said he would ...": the reported clause's pronoun subject is, nearly always, the sayer."""
        if t.lower_ == "they":
            return self._sayers(t, m)
        if not (t.lower_ in ("he", "she") and (m is None or getattr(m, "kind", "") == "pronoun")
                and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ccomp"
                and lemma(t.head.head) in SPEECH_VERBS and not self._in_quotes(t)):
            return None
        sayer = next((c for c in t.head.head.children if c.dep_ == "nsubj"), None)
        ms = self.index.mention_for(sayer) if sayer is not None and sayer.lower_ not in ("he", "she") else None
        if ms is not None and len(ms.actors) == 1 and ms.actors[0].type == "person" \
                and (m is None or all(a.type == "person" for a in m.actors)):
            ref = m if m is not None else MentionRef(t.i, t.i + 1, ms.actors, "pronoun", t.text)
            return [Arg(ref, ms.actors[0], MENTION_CONFIDENCE["pronoun"])]
        return None

    def _sayers(self, t: Token, m: Any) -> list[Arg] | None:
        """ "X and other senators said they backed Y": a plural sayer's named members are "they" (and
        voters or analysts who say "they" are nobody the article names as an actor)."""
        if not ((m is None or getattr(m, "kind", "") == "pronoun") and t.dep_ in ("nsubj", "nsubjpass")
                and t.head.dep_ == "ccomp" and lemma(t.head.head) in SPEECH_VERBS and not self._in_quotes(t)):
            return None
        sayer = next((c for c in t.head.head.children if c.dep_ == "nsubj"), None)
        if sayer is None or sayer.pos_ == "PRON":
            return None
        if not sayer.conjuncts:
            # "96 percent of voters said they ...": plural sayers no actor stands for are "they" themselves
            plural = sayer.tag_ == "NNS" or any(c.dep_ == "prep" and c.lower_ == "of" for c in sayer.children)
            return [] if sayer.pos_ == "NOUN" and plural and not self._one(sayer, owner=False, depth=1) else None
        got = [a for x in (sayer, *sayer.conjuncts) for a in self._one(x, owner=False, depth=1)]
        if not got:
            return None
        return [Arg(MentionRef(t.i, t.i + 1, (a.actor,), "pronoun", t.text), a.actor, MENTION_CONFIDENCE["pronoun"])
                for a in got]

    def _mention_and_list(self, t: Token, m: Any, depth: int) -> list[Arg]:
        """A mention's actors, with the states or people of a list parsed as its apposition ("Mali, Burkina
        Faso and Niger quit ...", "the filmmaker A, the writer B, C and others attacked ...") and the
        conjoined modifiers of an apparatus noun ("South Korean and US troops")."""
        idx = self.index
        res = self._mention_args(m)
        kind = m.actors[0].type
        if kind in ("country", "person") and depth == 0:
            for c in t.children:
                if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children) and c.left_edge.i <= m.end + 1:
                    # (right after it: not a list after a colon at the clause's end the parser hung on it)
                    res.extend(self._listed((c, *c.conjuncts), m))
        if idx.mention_at(t) is None:
            for c in t.children:
                if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts:
                    for cc in c.conjuncts:
                        mm = idx.mention_at(cc)
                        if mm is not None and mm.actors:
                            res.extend(self._mention_args(mm))
                elif c.dep_ == "prep" and c.lower_ == "of" and t.tag_ == "NNS" and kind == "country":
                    # "the leaders of Chile, Peru and Brazil": each state's
                    res.extend(self._listed([x for o in c.children if o.dep_ == "pobj" for x in o.conjuncts], m))
        if depth == 0:  # "Republicans, including Sen. X, ...", "every Democrat, including X": X too
            res.extend(self._examples(t, depth))
        return res

    def _examples(self, t: Token, depth: int) -> list[Arg]:
        """The actors a word is illustrated by: "critics including X", "Democrats such as X", "rivals like X"."""
        return [a for c in t.children if c.dep_ == "prep" and (c.lower_ in ("like", "including") or (
                c.lower_ == "as" and any(g.lower_ == "such" for g in c.children)))
                for p in c.children if p.dep_ == "pobj" for a in self.args(p, depth=depth + 1)]

    def _named_group(self, t: Token, lem: str, owner: bool | str, depth: int) -> list[Arg] | None:
        """ "rivals like X", "forces loyal to X", "thousands of Russian troops", "the government in
        Bamako": the actors a group word is made of or stands for; None when it names none."""
        if t.pos_ in ("NOUN", "PROPN") and depth == 0:
            got = self._examples(t, depth)  # "rivals like X", "Democrats such as X", "critics including X"
            if got:
                return got
        if t.pos_ == "NOUN" and lem in LOYAL_NOUNS:
            for c in t.children:  # "forces loyal to X", "fighters allied to X": X's own
                if c.dep_ == "amod" and c.lower_ in ("loyal", "allied", "affiliated"):
                    got = [a for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")
                           for o in p.children if o.dep_ == "pobj" for a in self.args(o, depth=depth + 1)]
                    if got:
                        return got
        if lem in QUANTITY_NOUNS or t.pos_ == "NUM":
            for c in t.children:  # "thousands of Russian troops", "some of the rebels"
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.args(p, owner=owner, depth=depth + 1)
        if t.lower_ in SIDE_NOUNS and t.dep_ == "pobj" and t.head.lower_ == "on":
            return []  # "the fight on Y's side": a side taken (verb.behalf), no target of the fight
        if lem in PROXY_NOUNS or t.lower_ in PROXY_NOUNS or (owner is True and t.lower_ in CAMP_NOUNS):
            return self._apparatus_of(t) or None  # (an actor's allies stand for it only as an object)
        return None

    def _apparatus_of(self, t: Token) -> list[Arg]:
        """ "the Russian government", "the junta of Mali", "the regime in Damascus", "the regime in power in
        Chad": the state an apparatus noun stands for."""
        idx = self.index
        res: list[Arg] = []
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod", "poss") and not hyphened(c):
                if self._mentions_at([c]):  # "South Korean and US forces": the conjuncts too
                    res.extend(self._mentions_at((c, *c.conjuncts), 0.9))
            elif c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
                for p in [x for o in c.children if o.dep_ == "pobj"
                          for x in ((o, *o.conjuncts) if c.lower_ == "from" else (o,))]:
                    # ("troops from Kenya and Uganda": both; not "the government in Kabul and the Taliban")
                    mm = idx.mention_for(p)
                    if mm is not None and mm.actors:
                        res.extend(self._mention_args(mm, 0.9))
                    elif c.lower_ == "in":
                        res.extend(a for c2 in p.children if c2.dep_ == "prep" and c2.lower_ in ("in", "of")
                                   for p2 in c2.children if p2.dep_ == "pobj"
                                   for m2 in [idx.mention_for(p2)] if m2 is not None and m2.actors
                                   for a in self._mention_args(m2, 0.85))
        return res

    def _owner_of_thing(self, t: Token, lem: str, owner: bool | str, depth: int) -> list[Arg]:
        """Whose thing ``t`` is: its owners; for "..., a move that Y rejected" the clause's own subject; for a
        bare "the move" the act told just before."""
        got = self.owners(t, depth=depth)
        if not got and owner is True and depth == 0 and lem in SUMMARY_NOUNS and t.i > 1 \
                and t.dep_ in ("appos", "dobj", "npadvmod") and t.head.i < t.i and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) \
                and t.doc[t.i - 2].text in (",", "\u2014", "--", "-", "\u2013"):
            h = t.head
            while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i and h.i >= self.sent.start:
                h = h.head
            if h.pos_ in ("VERB", "AUX"):
                got = [Arg(a.mention, a.actor, a.factor * 0.7) for a in self.subjects(h)]
        bare = owner is True and depth == 0 and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                    for c in t.children) and not any(
            c.dep_ in ("prep", "acl", "relcl") and self.index.mention_at(c) is None for c in t.children) and not any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)
        # ("the Paris attacks": an event named by a proper noun is no act told just before)
        if not got and bare and (lem in ECHOED_ACT_NOUNS or t.lower_ in ECHOED_ACT_NOUNS):
            got = self._echoed_agent(t)  # (the same noun told before first: "an embargo ... the embargo")
        if not got and bare and (lem in ACT_NOUNS or t.lower_ in ACT_NOUNS or t.lower_ in ACT_VERBS):
            # ("Y accused X ... X rejected the charge", "X bombed Y ... Z condemned the attack": a charge, or an act
            # whose verbs are known, only where one tells it, never whatever the last subject did)
            charge = lem in REBUTTED_NOUNS and lem not in ACT_NOUNS and t.lower_ not in ACT_NOUNS
            # (an act known only through its verbs, "the incident", is never whatever was done last)
            hostile = (lem in ACT_VERBS or t.lower_ in ACT_VERBS) and (
                lem in NOUN_CUES or t.lower_ in NOUN_CUES or not (lem in ACT_NOUNS or t.lower_ in ACT_NOUNS))
            got = self._act_agent(t, told_only=charge or hostile)  # (not "the decision": any act is one)
        return got

    def _echoed_agent(self, n: Token) -> list[Arg]:
        """ "X imposed an embargo on Y. Z welcomed the embargo": the doer of the act told before with the same
        noun (earlier in the sentence, else in the two sentences before it in its paragraph)."""
        doc, lem = n.doc, lemma(n)
        first = n.sent.start
        for _ in range(2):  # this sentence's start, then up to two sentences back in the paragraph
            j = first - 1
            while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
                j -= 1
            if j < 0 or doc[j].is_space or "\n" in doc[j].whitespace_:
                break
            first = doc[j].sent.start
        for x in reversed(doc[first:n.i]):
            if lemma(x) == lem and x.dep_ == "dobj" and x.head.pos_ in ("VERB", "AUX"):
                # its owner ("backed Y's plan"), else who made it ("imposed an embargo", not "backed a plan")
                got = self.owners(x) or (self.subjects(x.head) if lemma(x.head) in MAKE_ACT_VERBS else [])
                return [Arg(a.mention, a.actor, a.factor * 0.7) for a in got]
        return []

    def _act_agent(self, n: Token, told_only: bool = False) -> list[Arg]:
        """"X vetoed the bill. Y condemned the move": an act named by a bare definite noun is the act
        told just before it — the subject of an earlier clause of this sentence, else of one of the two
        sentences before (through "said" to what was said; wire copy gives each sentence its paragraph).
        A reaction to an act ("Z criticised the strikes") is not the act."""
        doc = n.doc
        above = {n.i}
        for a in n.ancestors:  # the clause the noun is in (its verb and that verb's xcomp heads)
            above.add(a.i)
            if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("xcomp",):
                break
        got = self._act_by_verb(n, above)
        if got is not None:
            return got
        for x in reversed(doc[self.sent.start:n.i]):  # "answered Peru's sanctions by condemning the measures"
            if x.pos_ == "VERB" and x.i not in above and x.dep_ in ("ROOT", "conj"):
                break  # ("citing Iran's tests, the US imposed sanctions, and Russia condemned the move": the imposing)
            if x.pos_ == "NOUN" and (lemma(x) in ACT_NOUNS or lemma(x) in ECHOED_ACT_NOUNS):
                got = self.owners(x, depth=1)
                if got:
                    return [Arg(a.mention, a.actor, a.factor * 0.7) for a in got]
        cands = [v for v in reversed(doc[self.sent.start:n.i]) if v.pos_ == "VERB" and v.i not in above
                 and v.dep_ in ("ROOT", "conj") and lemma(v) not in SPEECH_VERBS]
        cands += _told_before(doc, self.sent.start, 2, lemma(n) in SPEECH_ACT_NOUNS)
        for v in cands[:3]:
            if _reacts_to_act(v) or told_only and lemma(v) not in MAKE_ACT_VERBS:
                continue  # (a known act only where a verb makes or carries it out: "carried out the strikes")
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            got = self.args(subj, depth=1)
            return [Arg(a.mention, a.actor, a.factor * 0.7) for a in got]
        return []

    def _act_by_verb(self, n: Token, above: set[int]) -> list[Arg] | None:
        """ "Britain and France invaded Egypt. Canada proposed a peace force. Moscow condemned the invasion":
        the subject of the latest verb that tells the same act, in this sentence or the four before it;
        None when no such verb is told."""
        verbs = ACT_VERBS.get(n.lower_) or ACT_VERBS.get(lemma(n))
        if not verbs:
            return None
        doc = n.doc
        start = n.sent.start
        for _ in range(5):
            for v in reversed(doc[start:n.i]):
                if v.pos_ == "VERB" and v.i not in above and lemma(v) in verbs and not _reacts_to_act(v):
                    got = self.subjects(v)
                    return [Arg(a.mention, a.actor, a.factor * 0.7) for a in got] if got else None
            if start == 0:
                break
            start = doc[start - 1].sent.start
        return None

    def _first_person(self, t: Token) -> list[Arg]:
        if not self.speaker:
            return []
        out = []
        for a in self.speaker:
            actor = a.actor
            if t.lower_ in ("we", "us", "our") and actor.type == "person" and actor.affiliation:
                aff = self.index.actors.get(actor.affiliation)
                if aff is not None:
                    actor = aff
            m = MentionRef(t.i, t.i + 1, (actor,), "speaker", t.text)
            out.append(Arg(m, actor, MENTION_CONFIDENCE["speaker"]))
        return out


def _told_before(doc, start: int, k: int, spoken: bool = False) -> list[Token]:
    """The main verbs of up to ``k`` sentences before ``start``, nearest first: what a speech verb reports,
    unless the act is itself ``spoken`` ("She suggested Y did it. The statement was rejected": hers)."""
    out = []
    j = start - 1
    for _ in range(k):
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j < 0:
            break
        sent = doc[j].sent
        root = sent.root
        while lemma(root) in SPEECH_VERBS and not spoken:
            nxt = next((c for c in root.children if c.dep_ == "ccomp"), None)
            if nxt is None:
                break
            root = nxt
        if root.pos_ in ("VERB", "AUX") and (spoken or lemma(root) not in SPEECH_VERBS):
            out.append(root)
        j = sent.start - 1
    return out


def _reacts_to_act(v: Token) -> bool:
    """ "Russia criticised the strikes": a verb whose object is itself a bare act noun reacts to an act (not
    one of carrying it out: "Israel carried out the strikes")."""
    return lemma(v) not in CARRY_OUT_VERBS and lemma(v) not in AUTHOR_VERBS and any(c.dep_ == "dobj" and (lemma(c) in ACT_NOUNS or lemma(c) in ECHOED_ACT_NOUNS or c.lower_ in ACT_VERBS)
               and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)
               for c in v.children)
