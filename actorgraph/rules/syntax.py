"""Parse shapes several rules share: a verb's slots, reciprocals, noun targets and owners, judgement words."""
from __future__ import annotations

from spacy.tokens import Token

from .base import Arg, do_more, lemma
from .holders import next_act
from .vocab import (BREAKERS, CALL_VERBS, CARRY_OUT_VERBS, COUNTER_VERBS, DESCRIBE_VERBS, DEGREE_NEUTRAL, EVAL_NOUNS, EXPRESS_VERBS, INTENSIFIER_ADJS, UNSIGNING_ADJS, LIGHT_VERBS, IN_FAVOUR, JUDGEMENT_ADJS, JUDGEMENT_WORDS, NEG_ADVERBS, OBJECT_BLOCKERS, ON_BEHALF, PACT_VERBS, RELATIONS, RESOLUTION_NOUNS, SELF_DEFENCE_VERBS, TIME_PREPS, UNDERGO_VERBS, VERB_CUES, slot_sign)


NAMING_VERBS = CALL_VERBS | DESCRIBE_VERBS  # "what it called / described as Y's ..."
ACT_LIGHT_VERBS = LIGHT_VERBS | CARRY_OUT_VERBS  # "opened a probe into X", "carried out strikes on X"


class Syntax:
    """Parse shapes several rules share: a verb's slots, reciprocals, noun targets and owners, judgement words."""

    def _slots(self, v: Token) -> list[tuple[str, Token]]:
        """(slot, argument head) pairs of a verb: "obj" for its object, prepositions with their particle."""
        # particles, and "back" parsed as an adverb ("hit back at X")
        prt = " ".join(c.lower_ for c in v.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back"))
        out = []
        if not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in v.children):
            # headlines: "Niger summons Benin envoy", "Mali expels French ambassador" leave the object as an
            # apposition / npadvmod of the verb; so does "would back Senator X" in any clause
            out.extend(("obj", c) for c in v.children if v.dep_ == "ROOT" and c.dep_ in ("appos", "npadvmod")
                       and c.i == v.right_edge.i
                       or (c.dep_ in ("appos", "npadvmod") and c.i > v.i and c.pos_ in ("NOUN", "PROPN")
                           and c.left_edge.i == v.i + 1))
        for c in v.children:
            if c.dep_ == "dative" and c.pos_ == "ADP":
                out.extend(_prep_slots(c, prt))  # "lent billions to Y": the parser calls that "to" a dative
            elif c.dep_ in ("dobj", "dative") and c.lower_ not in ("other", "another"):
                out.extend(_object_slots(v, c, prt))
            elif c.dep_ == "prep" or (c.dep_ == "agent" and not any(x.dep_ in ("auxpass", "nsubjpass")
                                                                    for x in v.children) and v.dep_ != "acl"):
                out.extend(_prep_slots(c, prt))  # ("have stood by X": an active verb's "by" parsed as an agent)
            elif c.dep_ == "ccomp" and (named := named_what(c)):
                # "condemned what it called Turkish provocations": the named thing is the object
                out.extend(("obj", g) for g in named)
            elif c.dep_ == "ccomp" and lemma(v) == "help" and lemma(v.head) not in OBJECT_BLOCKERS:
                # "sent troops to help Russia fight ...": the one helped is the clause's subject
                out.extend(("obj", g) for g in c.children if g.dep_ == "nsubj")
            elif c.dep_ == "prt":
                # "shoots down X's offer" with the object hung on the particle
                out.extend((f"{c.lower_} obj", o) for o in c.children if o.dep_ == "pobj")
            elif c.dep_ == "advmod" and c.lower_ in ("back", "out"):
                # "pushed back against X" with the preposition hung on the adverb
                out.extend((f"{c.lower_} {p.lower_}", o) for p in c.children if p.dep_ == "prep"
                           for o in p.children if o.dep_ == "pobj")
        return out

    def _each_other(self, v: Token) -> Token | None:
        for c in v.children:
            if c.dep_ in ("dobj", "pobj", "prep"):
                cands = [c] if c.dep_ != "prep" else [o for o in c.children if o.dep_ == "pobj"]
                for o in cands:
                    if o.lower_ not in ("other", "another"):
                        continue
                    if any(g.lower_ in ("each", "one", "the") for g in o.children) or (
                            o.i > 0 and o.doc[o.i - 1].lower_ == "one"):
                        return o
        return None

    def _not_venue(self, n: Token, found: list[Arg]) -> list[Arg]:
        """The actors of a slot less the forum of a resolution ("vetoed a UN resolution": not the UN)."""
        if lemma(n) not in RESOLUTION_NOUNS:
            return found
        venue = self._venue(n)
        return [a for a in found if a.actor.name not in venue]

    def _venue(self, n: Token) -> set[str]:
        """Organisations named on a resolution as its forum ("a UN resolution", "a Security Council
        statement"), as opposed to a sponsoring state ("a US resolution")."""
        return {a.actor.name for c in n.children if c.dep_ in ("compound", "nmod", "amod") and c.i < n.i
                for a in self.args(c) if a.actor.type == "organisation"}

    def _governor(self, n: Token) -> Token | None:
        t = n
        for _ in range(6):
            if t.dep_ in ("dobj", "pobj", "prep", "conj", "attr", "nsubjpass") and t.head.i != t.i:
                t = t.head
                if t.pos_ in ("VERB", "AUX"):
                    return t
            else:
                return None
        return None

    def _headline_pair(self, v: Token) -> list[Arg]:
        """Headline pairs "Kenya, Somalia restore ties", "Egypt, Turkey hold drills": the parser hangs the two
        names on the verb separately (two nsubj, or npadvmod + nsubj) with only a comma between them."""
        names = [c for c in v.children if c.i < v.i and c.dep_ in ("nsubj", "npadvmod") and c.pos_ == "PROPN"]
        if len(names) < 2 or any(c.dep_ == "nsubj" and c.pos_ != "PROPN" for c in v.children):
            return []
        names.sort(key=lambda c: c.i)
        for a, b in zip(names, names[1:]):
            if any(t.lower_ not in (",", "and") for t in v.doc[a.right_edge.i + 1:b.left_edge.i]):
                return []
        group: list[Arg] = []
        for c in names:
            got = self.args(c, owner="source")
            if not got:
                return []
            group.extend(got)
        return group

    def _joint_subject(self, v: Token) -> list[Arg]:
        """The pair in "X and Y restored ties" (a conjoined subject), or a headline's "X, Y restore ties"."""
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # ("X and Y are embroiled in")
        if subj is not None and subj.conjuncts:
            return self.args(subj, owner="source")
        if subj is None and v.dep_ == "xcomp" and v.head.pos_ in ("VERB", "AUX"):
            return self._joint_subject(v.head)  # "X and Y pledged to deepen ties"
        return self._headline_pair(v)

    def _noun_targets(self, n: Token, entry: dict[str, str]) -> tuple[list[tuple[Arg, str]], list[Arg]]:
        """(target, relation) pairs from a noun's prepositions, and the "between" group."""
        targets: list[tuple[Arg, str]] = []
        between: list[Arg] = []
        rel_between = entry.get("between")
        holders = [n] + [c for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"]  # "sanctions imposed on Mali"
        subj = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "of" else n  # ("much of the criticism ...")
        if subj.dep_ == "nsubjpass" and subj.head.tag_ == "VBN":
            holders.append(subj.head)  # "the criticism was aimed at Y", "sanctions were imposed on Mali"
        for h in holders:
            for c in h.children:
                if c.dep_ != "prep":
                    continue
                p = c.lower_
                if p == "between" and rel_between and h is n:
                    for o in c.children:
                        if o.dep_ == "pobj":
                            between.extend(self.args(o, owner=True))
                elif p in entry and p != "between":
                    # (a "pcomp" clause: "the denunciation of what it called Y's expansionism", the thing named)
                    objs = [o for o in c.children if o.dep_ == "pobj"] + [
                        g for o in c.children if o.dep_ == "pcomp" for g in named_what(o)]
                    for o in objs:
                        for a in self.args(o, owner=True):
                            targets.append((a, entry[p]))
        # "imposed sanctions on Mali": the preposition hangs on the verb
        if not targets and n.dep_ in ("dobj", "pobj") and (
                lemma(n) in ("sanction", "sanctions", "embargo", "pressure")
                or (n.dep_ == "dobj" and lemma(n.head) in EXPRESS_VERBS)  # "expressed anger with X"
                or (n.dep_ == "dobj" and lemma(n.head) in BREAKERS | PACT_VERBS)  # "revoked an accord with X"
                # "opened a probe into X", "carried out strikes on X"
                or (n.dep_ == "dobj" and lemma(n.head) in ACT_LIGHT_VERBS)
                # "pledged $100 million in aid to X", "sent millions in support to X"
                or (n.dep_ == "pobj" and n.head.lower_ == "in" and RELATIONS.get(entry.get("to", ""), 0) > 0)
                # "went to war with X"
                or (n.dep_ == "pobj" and n.head.lower_ == "to" and lemma(n.head.head) == "go")):
            gov = n.head if n.dep_ == "dobj" else (n.head.head if n.head.dep_ == "prep" else None)
            if gov is not None and n.dep_ == "pobj" and gov.pos_ == "NOUN" and gov.dep_ == "dobj":
                gov = gov.head
            if gov is not None and gov.pos_ == "VERB":
                for c in gov.children:  # (a "to" the parser calls a dative: "offered condolences to X")
                    if c.dep_ in ("prep", "dative") and c.lower_ in entry:
                        for o in c.children:
                            if o.dep_ == "pobj":
                                for a in self.args(o, owner=True):
                                    targets.append((a, entry[c.lower_]))
        if not targets and "to" in entry:
            # "offered Y a tepid endorsement", "gave Y its full support": the recipient is the dative (on which
            # the parser may hang the noun itself)
            datives = [c for c in n.head.children if c.dep_ == "dative"] if n.dep_ == "dobj" else \
                [n.head] if n.dep_ == "pobj" and n.head.dep_ == "dative" else []
            for c in datives:
                if c.pos_ in ("PROPN", "NOUN", "PRON"):
                    targets.extend((a, entry["to"]) for a in self.args(c))
        return targets, between

    def _noun_owner(self, n: Token, targets: list[Arg], relation: str) -> tuple[list[Arg], Token | None, bool]:
        """Who holds a stance noun: its possessor/compound/"by" actor, else the subject of its clause.

        Returns (owners, governing verb, explicit?)."""
        owners = self.owners(n, between_ok=False)
        got, gov = self.clause_subjects(n, avoid={a.actor.name for a in targets})
        if owners:
            return owners, gov, True
        wanter = self.wanted_by(gov) if gov is not None and gov.pos_ in ("VERB", "AUX") else None
        if wanter:
            # "asked the OAU to impose sanctions on Y", "asked the chairmen to draw up charges against X": the
            # one who asks; the asked has done nothing yet
            return wanter, gov, False
        if not got and gov is not None and any(c.dep_ == "expl" for c in gov.children) and \
                RELATIONS.get(relation, 0) > 0:
            # "we have a strong partnership with Russia", said by someone: the speaker is the partner
            got = self.holder(gov, {a.actor.name for a in targets})
        return got, gov, False

    def _judgement_score(self, content: Token, judged_tok: Token | None) -> int:
        """Sum of the judgement words said of the judged; a negated word counts the other way."""
        score = 0
        toks = self._judgement_tokens(content, judged_tok)
        if judged_tok is not None:  # "the radical Democrats are ...": what the judged is called
            toks += [c for c in judged_tok.children if c.dep_ in ("amod", "compound") and self.index.mention_at(c)
                     is None]
        negated = any(c.dep_ == "neg" for c in content.children)
        for t in toks:
            if t.dep_ == "amod" and _signed_noun(t.head) and lemma(t) in INTENSIFIER_ADJS:
                continue  # "the greatest danger", "a great friend": the adjective grades the noun's own sign
            if any(c.dep_ == "amod" and c.lower_ in UNSIGNING_ADJS for c in t.children):
                continue  # "backed the territorial integrity of Z": a state's, no praise of anyone's character
            w = JUDGEMENT_WORDS.get(t.lower_) or JUDGEMENT_WORDS.get(lemma(t))
            if not w and t.pos_ == "ADJ":
                w = JUDGEMENT_ADJS.get(t.lower_, 0)
            if not w and t.pos_ in ("ADJ", "ADV"):
                w = _degree(t, negated)
            if not w and t.i == content.i and _must_do_more(t):
                w = -1
            if not w and _right_to_defend(t):
                w = 1  # ("no right to exist": the negation below turns it)
            if w:
                neg = any(c.dep_ == "neg" or c.lower_ in NEG_ADVERBS for c in t.children) \
                    or (t.dep_ == "amod" and t.head.lower_ in NEG_ADVERBS)  # "did nothing wrong"
                score += -w if neg else w
        return score

    def _owned_by_other(self, n: Token, judged_tok: Token | None) -> bool:
        """Is the noun another actor's ("its failure" with "its" someone other than the judged)?"""
        poss = next((g for g in n.children if g.dep_ == "poss"), None)
        if poss is None or judged_tok is None:
            return False
        theirs = {a.name for a in getattr(self.index.mention_for(poss), "actors", ())}
        mine = {a.name for a in getattr(self.index.mention_for(judged_tok), "actors", ())}
        return bool(theirs) and not theirs & mine

    def _judgement_tokens(self, root: Token, judged_tok: Token | None = None) -> list[Token]:
        """The words of what is said about the judged: the content clause down to its objects, complements
        and prepositional phrases, but not into a nested clause about somebody else ("X said Y knew that
        Z lied": Z's lying is not said of Y) nor into the judged phrase itself."""
        out: list[Token] = []
        stack = [root]
        while stack:
            t = stack.pop()
            out.append(t)
            for c in t.children:
                if c is judged_tok or c.dep_ in ("nsubj", "nsubjpass", "csubj", "punct", "mark", "cc"):
                    continue
                if c.dep_ in ("ccomp", "advcl", "relcl", "acl", "parataxis") and any(
                        g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    continue
                if c.dep_ == "conj" and t.i == root.i and next_act(c, t):
                    continue  # "X said Y should resign and praised Z": the speaker's next act, not said of Y
                if c.dep_ in ("dobj", "prep", "pobj") and (lemma(t) in COUNTER_VERBS or lemma(t) in UNDERGO_VERBS
                                                           or _acts_against(t, c)):
                    continue  # "Y must condemn racism", "Y fought corruption", "Y faced a dangerous attack": not Y's
                if c.dep_ == "prep" and c.lower_ in ("against", "toward", "towards"):
                    continue  # "Y would take measures against the aggression": what Y acts on, not what Y is
                if c.dep_ in ("pobj", "dobj") and self._owned_by_other(c, judged_tok):
                    continue  # "Y will impose sanctions over Z's failure": Z's failing, not Y's
                if c.dep_ == "prep" and c.lower_ in TIME_PREPS and c.lower_ not in VERB_CUES.get(lemma(t), {}):
                    continue  # "Y has seen prices double since the disaster": when, not what Y is (not "went after")
                stack.append(c)
        return out


def _acts_against(v: Token, c: Token) -> bool:
    """ "Y went after organised crime": a verb cue that opposes what fills this slot acts against it."""
    return v.pos_ in ("VERB", "AUX") and slot_sign(lemma(v), "obj" if c.dep_ == "dobj" else c.lower_) < 0


def _signed_noun(n: Token) -> bool:
    """A noun with a sign of its own ("danger", "friend"): an intensifier on it adds none."""
    return n.pos_ == "NOUN" and bool(EVAL_NOUNS.get(lemma(n)) or JUDGEMENT_WORDS.get(lemma(n)))


def _degree(t: Token, negated: bool) -> int:
    """ "Y was too timid", "moved too slowly" (-1: too much of it); "Y was not tough enough" (+1, which
    the clause's negation turns to -1). Not "too young to remember" (a degree with its consequence)."""
    kids = list(t.children)
    if t.lower_ in DEGREE_NEUTRAL or any(c.dep_ in ("xcomp", "ccomp") for c in kids):
        return 0  # "too many Americans", "too soon to tell": an amount or a time, not a fault
    if any(c.lower_ == "too" and c.dep_ == "advmod" and c.i < t.i for c in kids):
        return -1
    if negated and any(c.lower_ == "enough" and c.dep_ == "advmod" and c.i > t.i for c in kids):
        return 1
    return 0


def _right_to_defend(t: Token) -> bool:
    """ "Y has every right to defend itself", "Y's right to exist": said of Y, it takes Y's side."""
    return t.pos_ == "NOUN" and lemma(t) == "right" and any(
        c.dep_ in ("acl", "relcl", "xcomp") and lemma(c) in SELF_DEFENCE_VERBS for c in t.children)


def _must_do_more(v: Token) -> bool:
    """ "Y should / must / could do more": what is said finds Y wanting."""
    return do_more(v) and any(a.dep_ == "aux" and a.lower_ in ("should", "must", "could", "ought") for a in v.children)


def _object_slots(v: Token, c: Token, prt: str) -> list[tuple[str, Token]]:
    """Slots of a direct object ``c``: "obj", "took on X" ("on obj"), "join forces with", "take aim at"
    (noun + preposition, on the object or on the verb), "fired missiles at X"."""
    out = [("obj", c)]
    if prt:
        out.append((f"{prt} obj", c))
    if any(g.dep_ in ("det", "neg") and g.lower_ in NEG_ADVERBS for g in c.children):
        return out  # "has no confidence in Y", "gave no credit to Y": the noun's stance is denied
    for p in c.children:
        if p.dep_ == "prep":
            for o in p.children:
                if o.dep_ == "pobj":
                    out.append((f"{c.lower_} {p.lower_}", o))
                    out.append((f"{c.lower_}_{p.lower_}", o))
                    if p.lower_ in ("at", "on", "from"):
                        out.append((p.lower_, o))  # "retook the town from X" parsed onto the object
    for p in v.children:  # ("granted asylum to X": the parser calls that "to" a dative)
        if p.dep_ in ("prep", "dative") and p.i > c.i:
            out.extend((f"{c.lower_} {p.lower_}", o) for o in p.children if o.dep_ == "pobj")
    return out


def named_what(v: Token) -> list[Token]:
    """What "what it called / described as Y" names: the clause stands for the thing it names."""
    if lemma(v) not in NAMING_VERBS or not any(g.dep_ == "dobj" and g.lower_ == "what" for g in v.children):
        return []
    return [g for g in v.children if g.dep_ == "oprd"] + [
        o for g in v.children if g.dep_ == "prep" and g.lower_ == "as" for o in g.children if o.dep_ == "pobj"]


def _prep_slots(c: Token, prt: str) -> list[tuple[str, Token]]:
    """Slots of a preposition ``c`` on the verb: "with X", "up with X", "on behalf of X" (= for), "in
    conjunction with X" (= with), "in favour of X" (= for), "served in the department under X", "up to X"."""
    out: list[tuple[str, Token]] = []
    for o in c.children:
        if o.dep_ == "pobj" and c.lower_ in ("in", "on") and lemma(o) in ON_BEHALF:
            out.extend(("for" if p.lower_ == "of" else "with", oo) for p in o.children
                       if p.dep_ == "prep" and p.lower_ in ("of", "with") for oo in p.children if oo.dep_ == "pobj")
            continue
        if o.dep_ == "pobj" and c.lower_ == "in" and lemma(o) in IN_FAVOUR:
            objs = [oo for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for oo in p.children
                    if oo.dep_ == "pobj"]
            out.extend(("for", oo) for oo in objs)
            if prt:  # "came out in favour of X" = "came out for X"
                out.extend((f"{prt} for", oo) for oo in objs)
            continue
        if o.dep_ in ("pobj", "pcomp"):
            # (a clause "what it called Y's provocations" stands for the thing it names)
            for g in (named_what(o) if o.dep_ == "pcomp" else []) or [o]:
                out.append((c.lower_, g))
                if prt:
                    out.append((f"{prt} {c.lower_}", g))
            if c.lower_ in ("in", "at"):
                out.extend(("under", oo) for p in o.children if p.dep_ == "prep" and p.lower_ == "under"
                           for oo in p.children if oo.dep_ == "pobj")
        elif o.dep_ == "prep":  # "up to", "out against"
            out.extend((f"{c.lower_} {o.lower_}", oo) for oo in o.children if oo.dep_ == "pobj")
    return out
