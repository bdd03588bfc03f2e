"""Who does or owns something: subjects up clause chains, owners of nouns, holders of a judgement."""
from __future__ import annotations


from itertools import islice

from spacy.tokens import Token

from ..resolve.text import hyphened
from ..resolve.vocab import ORG_WORDS
from .arguments import companions
from .base import Arg, OWNER_FACTOR, lemma
from .vocab import (ACT_NOUNS, PACT_NOUNS, SEAT_METONYMS, REPEAT_VERBS, STATE_PARTICIPLES, INQUIRY_NOUNS, SPLIT_ADJS, LINKING_VERBS, AUTHOR_VERBS, CARRY_OUT_VERBS, SOURCE_VERBS, SPEND_VERBS, LIGHT_VERBS, MEANS_VERBS, SEEK_VERBS, WAY_NOUNS, CAUSATIVE_VERBS, DEMAND_VERBS, GERUND_OBJECT_PREPS, HYPHEN_CUES,
                    MEDIA_NOUNS, MESSAGE_NOUNS, OBJECT_CONTROL, ORIGIN_NOUNS, PATIENT_OF, RELATIONS, SPEECH_VERBS,
                    SUBJECT_GERUND_VERBS, TOPIC_NOUNS, VERB_CUES, WANT_NOUNS, WANT_THAT_VERBS, WANT_VERBS)

#: verbs whose agent makes or carries out the thing they are said of
OWN_ACT_VERBS = AUTHOR_VERBS | CARRY_OUT_VERBS


def _reaction(v: Token) -> bool:
    """ "the strikes, condemned by X", "the deal, welcomed by X": X judged the thing, it is not X's (a verb
    of making or carrying out is: "the missiles fired by X", "the accord drafted by X")."""
    lem = lemma(v)
    rel = VERB_CUES.get(lem, {}).get("obj")
    if lem in REPEAT_VERBS:
        return True  # "his proposal, later repeated by Y": repeated, not Y's own
    return rel is not None and (RELATIONS[rel] < 0 or rel == "praises") and lem not in OWN_ACT_VERBS


class Holders:
    """Who does or owns something: subjects up clause chains, owners of nouns, holders of a judgement."""

    def owners(self, n: Token, depth: int = 0, between_ok: bool = True) -> list[Arg]:
        """Whose thing a noun is: "Trump's policy", "drills by Japan", "a ban ordered by the EU"."""
        if depth > 2:
            return []
        if n.tag_ == "NNS" and any(c.dep_ == "nummod" for c in n.children):
            return []  # "the board's three newest members": some of its members, not the court itself
        split = any(c.dep_ in ("amod", "compound") and c.lower_ in SPLIT_ADJS for c in n.children)
        res: list[Arg] = []
        for c in n.children:
            d = c.dep_
            if d == "poss" and split:
                continue  # "Georgia's breakaway regions": no longer the possessor's to be backed or attacked through
            if d == "poss":
                res.extend(self.args(c, depth=depth + 1))
            elif d in ("compound", "amod", "nmod", "npadvmod") and c.i < n.i and not hyphened(c):
                if lemma(n) in TOPIC_NOUNS or n.lower_ in TOPIC_NOUNS:
                    continue  # "the Russia investigation" is about Russia, not Russia's
                if lemma(n) in ORIGIN_NOUNS and not self._employer(n, c):
                    continue  # "a Wyoming hunter" comes from there; he is not the state's
                if lemma(n) in PACT_NOUNS and self._venue_name(c):
                    continue  # "the Lusaka accord", "the Addis Ababa agreement": where it was signed, no party
                if self._mentions_at([c]):
                    # "the US-Japan drills": both halves of a hyphened pair
                    pair = [g for g in c.children if g.dep_ in ("compound", "amod") and g.i == c.i - 2
                            and c.doc[c.i - 1].text == "-"]
                    res.extend(self._mentions_at((c, *c.conjuncts, *pair)))
                elif d == "amod" and HYPHEN_CUES.get(c.lower_) == "leads":
                    # "the US-led coalition", "the rebel-held port": the leader owns it ("Iran-backed
                    # militias" are the backer's clients, not the backer: what they do is their own)
                    for g in c.children:
                        m2 = self.index.mention_at(g)
                        if m2 is not None and m2.actors and g.i < c.i:
                            res.extend(self._mention_args(m2))
            elif d == "prep" and c.lower_ in ("by", "between", "from", "among") and (
                    between_ok or c.lower_ in ("by", "from")):
                for p in c.children:
                    if p.dep_ == "pobj":
                        res.extend(self.args(p, depth=depth + 1))
            elif d == "prep" and c.lower_ == "of" and lemma(n) not in PATIENT_OF and n.lower_ not in PATIENT_OF:
                for p in c.children:
                    if p.dep_ == "pobj":
                        got = self.args(p, depth=depth + 1)
                        if not got and p.pos_ == "NOUN":
                            got = self.owners(p, depth + 1)
                        res.extend(got)
            elif d in ("acl", "relcl") and c.tag_ == "VBN" and not _reaction(c):
                # "the accord drafted by X", "the accord that was drafted under X"
                for a in c.children:
                    if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "under" and (
                            d == "acl" or any(x.dep_ == "nsubjpass" and x.lower_ in ("that", "which")
                                              for x in c.children))):
                        for p in a.children:
                            if p.dep_ == "pobj":
                                res.extend(self.args(p, depth=depth + 1))
        if not res and n.dep_ == "nsubjpass" and lemma(n.head) in CARRY_OUT_VERBS:
            # "the strikes were carried out by X", "the attack was claimed by X"
            for c in n.head.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            res.extend(self.args(p, depth=depth + 1))
        if not res and n.dep_ == "nsubj" and lemma(n.head) in SOURCE_VERBS:
            # "criticism of Y also came from X", "support for Y poured in from X"
            res.extend(a for c in n.head.children if c.dep_ == "prep" and c.lower_ == "from"
                       for p in c.children if p.dep_ == "pobj" for a in self.args(p, depth=depth + 1))
        return [Arg(a.mention, a.actor, a.factor * OWNER_FACTOR) for a in res]

    def _venue_name(self, c: Token) -> bool:
        """A city standing for its state ("Lusaka", "Addis Ababa"): not the state's own name, a seat of government
        (``seat_metonyms``: "the Pentagon agreement") or half of a hyphened pair ("the Moscow-Beijing pact")."""
        m = self.index.mention_at(c)
        if m is None or m.kind != "metonym":
            return False
        doc = c.doc
        paired = (m.start > 0 and doc[m.start - 1].text == "-") or (m.end < len(doc) and doc[m.end].text == "-")
        return not paired and m.text.lower().removeprefix("the ") not in SEAT_METONYMS

    def _employer(self, n: Token, c: Token) -> bool:
        """ "a Reuters reporter", "a Daily Mail journalist": an organisation in front is who they work for (not a
        state's body, a court or agency, or a beat: "a Pentagon reporter", "a NATO reporter for the BBC")."""
        m = self.index.mention_at(c)
        return m is not None and bool(m.actors) and all(
            a.type == "organisation" and not a.affiliation and not any(w in ORG_WORDS for w in a.name.lower().split())
            for a in m.actors) \
            and not any(x.dep_ == "prep" and x.lower_ in ("for", "at", "with") for x in n.children)

    def subjects(self, v: Token, *, avoid: set[str] | None = None, depth: int = 0) -> list[Arg]:
        """Who does ``v``: its own subject, else inherited up xcomp/conj/advcl/acl chains."""
        if depth > 6:
            return []
        got = self._own_subject(v) if not self._medium_gerund(v) else None
        if got is not None:
            return got
        got = self.absolute_subject(v)
        if got:
            return got
        # "Moscow, which ...", "the group that attacked ..."
        if v.dep_ == "relcl":
            return self.args(v.head) or self._purpose_doer(v, avoid, depth)
        h = v.head
        if h.i == v.i:
            return []
        if v.dep_ == "xcomp":
            if lemma(h) in OBJECT_CONTROL:
                for c in h.children:
                    if c.dep_ == "dobj":
                        return self.args(c, owner="source")
            if h.pos_ in ("VERB", "AUX") or h.pos_ == "ADJ":
                return self.subjects(h, avoid=avoid, depth=depth + 1)
            if h.pos_ in ("NOUN", "PROPN"):
                return self._noun_holder(h, depth)
        if v.dep_ == "acomp" and h.pos_ in ("VERB", "AUX"):
            return self.subjects(h, avoid=avoid, depth=depth + 1)
        if v.dep_ == "conj" and h.pos_ in ("VERB", "AUX"):
            passive = next((c for c in h.children if c.dep_ == "nsubjpass"), None)
            shared = v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children)
            got = self.args(passive, owner="source") if passive is not None and not shared else []
            if got:
                # "X was angered by Y and would cut ties", "... but has defended Z": the active conjunct is the
                # passive subject's, not the agent's ("funded and armed by Y" shares the passive)
                return got
            reported = self._reported_clause(v, h)
            if reported is not None:
                return self.subjects(reported, avoid=avoid, depth=depth + 1)
            got = self.subjects(h, avoid=avoid, depth=depth + 1)
            if ((not got and (lemma(h) in LINKING_VERBS or _word_act(v))) or next_act(v, h)) \
                    and self._said_then(v, h):
                # "X said the charges were serious and called on Y to resign": the parser hangs the second
                # act on the reported clause, whose subject is no actor; the speaker did it
                return self.subjects(h.head, avoid=avoid, depth=depth + 1)
            if avoid and got and all(a.actor.name in avoid for a in got):
                # "The US said the president has no legitimacy, and demanded that he step down":
                # a misattached conjunct; the clause above is the better subject
                up = h
                while up.dep_ in ("ccomp", "conj", "xcomp") and up.head.i != up.i:
                    up = up.head
                    got2 = self.subjects(up, avoid=avoid, depth=depth + 1)
                    if got2 and not all(a.actor.name in avoid for a in got2):
                        return got2
            return got
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        before = v.doc[v.i - 1] if v.i > 0 else None
        if v.dep_ == "advcl" and v.tag_ == "VBG" and h.pos_ == "VERB" and before is not None \
                and before.dep_ in ("pobj", "dobj") and before.head.i != h.i and before.tag_ in ("NNS", "NNPS") \
                and self.args(before):
            # "gave sanctuary to ZAPU guerrillas fighting Y": the participle right after a named plural describes it
            return self.args(before, owner="source")
        if v.dep_ == "advcl" and (v.tag_ in ("VBG", "VBN") or infinitive):
            if h.pos_ == "ADV" and h.dep_ == "advmod" and h.head.pos_ in ("VERB", "AUX"):
                h = h.head  # "X went so far as to condemn Y"
            got = self.subjects(h, avoid=avoid, depth=depth + 1)
            passive = next((c for c in h.children if c.dep_ == "nsubjpass"), None)
            if not got and passive is not None and v.tag_ == "VBG":
                # "X was angered by the vote, blaming Y": the grammatical subject, agent or not
                got = self.args(passive, owner="source")
            return got
        if v.dep_ == "acl":
            if h.dep_ == "pobj" and self._medium(h.head):
                return self.subjects(h.head.head, avoid=avoid, depth=depth + 1)  # "posted a video on X attacking Y"
            if h.pos_ in ("NOUN", "PROPN", "PRON"):
                return self._noun_holder(h, depth)
        if v.dep_ == "pcomp" and h.dep_ == "prep":
            gov = h.head
            if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "amod", "oprd"):
                return self.subjects(gov, avoid=avoid, depth=depth + 1)  # "glad of having stood firm against X"
            if gov.pos_ in ("VERB", "AUX"):
                if h.lower_ in GERUND_OBJECT_PREPS and lemma(gov) not in SUBJECT_GERUND_VERBS:
                    # "blasted Y for attacking Z", "accused Y of helping Z": the object does the gerund
                    # ("took credit for defeating Z": an object no actor stands for leaves it the subject's)
                    got = [a for c in gov.children if c.dep_ == "dobj" and c.i < h.i
                           for a in self.args(c, owner="source")]
                    if not got and any(c.dep_ == "agent" for c in gov.children):
                        # "Y was accused by X of arming Z": the passive's subject is the one accused
                        got = self._passive_subjects(gov)
                    if got:
                        return got
                    if any(c.dep_ == "dobj" and c.i < h.i and (c.pos_ == "PROPN" or c.text[:1].isupper())
                           for c in gov.children):
                        return []  # "accused the Fenwicks of plotting against Z": a name no actor stands for
                got = self.subjects(gov, avoid=avoid, depth=depth + 1)
                if lemma(gov) == "join" and h.lower_ == "in":  # "X joined Y in condemning Z": both do
                    got = got + [a for c in gov.children if c.dep_ == "dobj" for a in self.args(c)]
                return got
            if gov.pos_ in ("NOUN", "PROPN") and h.lower_ == "but" and gov.dep_ == "dobj":
                # "X had no choice but to back Y"; "Z left X no choice but to sue Y": the one left without one
                left = next((c for c in gov.head.children if c.dep_ in ("dative", "dobj") and c.i < gov.i), None)
                return self.args(left, owner="source") if left is not None else \
                    self.subjects(gov.head, avoid=avoid, depth=depth + 1)
            if gov.pos_ in ("NOUN", "PROPN") and h.lower_ in GERUND_OBJECT_PREPS and gov.dep_ == "pobj" \
                    and gov.head.dep_ == "agent" and VERB_CUES.get(lemma(gov.head.head), {}).get("obj") \
                    and not any(c.dep_ in ("poss", "det") and c.lower_ not in ("the", "a", "an") for c in gov.children):
                # "Y was accused by U.N. monitors of arming Z": the parser hangs "of" on the agent of a stance
                # verb; Y does it (not "alarmed by Z's plan of invading W": the plan's)
                return self._passive_subjects(gov.head.head)
            if gov.pos_ in ("NOUN", "PROPN"):
                return self._noun_holder(gov, depth)
        return []

    def _passive_subjects(self, v: Token) -> list[Arg]:
        """The actors of a passive verb's subject (the one acted on)."""
        return [a for c in v.children if c.dep_ == "nsubjpass" for a in self.args(c, owner="source")]

    def _purpose_doer(self, v: Token, avoid: set[str] | None, depth: int) -> list[Arg]:
        """ "X built a website to attack Y", "X hired a lawyer to sue Y": an infinitive hung on a means the
        subject makes or uses (``means_verbs``) is the subject's purpose, and so is one on a way the subject
        seeks (``way_nouns`` after ``seek_verbs``: "X looked for ways to block Y"; not "blocked a way to ...");
        "X became the candidate to beat Y": what the subject is."""
        n = v.head
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            return []
        gov = n.head.head if n.dep_ == "pobj" else n.head  # ("looked for ways": the verb above the "for")
        if gov.pos_ not in ("VERB", "AUX") or any(c.dep_ == "dative" for c in gov.children):
            return []  # ("gave / offered Y the means to attack Z": Y's purpose)
        if lemma(n) in WAY_NOUNS and lemma(gov) in SEEK_VERBS and n.dep_ in ("dobj", "pobj"):
            return self.subjects(gov, avoid=avoid, depth=depth + 1)
        if not (n.dep_ == "dobj" and lemma(gov) in MEANS_VERBS or n.dep_ == "attr" and lemma(gov) in LINKING_VERBS) \
                or any(c.lower_ == "last" for c in n.children) or lemma(n) in WANT_NOUNS:
            return []  # ("vetoed a bill to fund Y"; "the last to praise Y"; "a push to limit ...", "an effort
            # to ...": a wish noun's infinitive is read by verb.wanted)
        return self.subjects(gov, avoid=avoid, depth=depth + 1)

    @staticmethod
    def _reported_clause(v: Token, h: Token) -> Token | None:
        """ "X pledged arms, the official news agency reported, and called on Y ...": the deed joined to an
        outlet's report, told before it, is the reported clause's subject's, not the outlet's."""
        subj = next((c for c in h.children if c.dep_ == "nsubj"), None)
        said = next((c for c in h.children if c.dep_ == "ccomp" and c.i < h.i), None)
        if subj is None or said is None or lemma(h) not in SPEECH_VERBS or subj.pos_ != "NOUN" \
                or not (subj.lower_ in MEDIA_NOUNS or lemma(subj) in MEDIA_NOUNS) \
                or (subj.text[:1].isupper() and not subj.text.isupper()):
            return None  # (not "the Central Intelligence Agency said": an agency of its own; "TV" is an outlet)
        return said if not any(c.dep_ == "nsubjpass" for c in v.children) else None

    @staticmethod
    def _said_then(v: Token, h: Token) -> bool:
        """``v`` is a conjunct of a clause reported by a speech verb, in the speech verb's tense, with no
        subject of its own and no "that" of its own (which would make it a second thing said)."""
        said = h.head
        return (h.dep_ == "ccomp" and said.i != h.i and lemma(said) in SPEECH_VERBS and v.tag_ == said.tag_
                and v.tag_ in ("VBD", "VBZ") and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in v.children))

    @staticmethod
    def _medium(prep: Token) -> bool:
        """ "posted a clip on X": the place where a message was put out, hung on its verb of issuing."""
        return prep.lower_ in ("on", "at") and prep.head.i != prep.i and lemma(prep.head) in AUTHOR_VERBS

    def _medium_gerund(self, v: Token) -> bool:
        """ "posted a clip on Instagram attacking Y": the parser makes the medium the gerund's subject; the
        author of what was posted does it ("insisted on Moscow withdrawing" keeps its subject)."""
        return v.tag_ == "VBG" and v.dep_ == "pcomp" and self._medium(v.head)

    def absolute_subject(self, v: Token) -> list[Arg]:
        """ "with A backing X and B backing Y": the parser makes B a conjunct of X; B, just before the second
        participle, is its subject."""
        if v.tag_ != "VBG" or v.i == 0 or v.dep_ not in ("pcomp", "conj", "advcl", "acl"):
            return []
        m = self.index.mention_at(v.i - 1)
        if m is None or not m.actors or m.end != v.i:
            return []
        head = v.doc[m.head] if m.head >= 0 else v.doc[v.i - 1]
        return self._mention_args(m) if head.dep_ == "conj" else []

    def _own_subject(self, v: Token) -> list[Arg] | None:
        """``v``'s own subject (nearest first: "WASHINGTON (AP) - President X has filed ..." has two; the
        dateline is not one), its passive agent, or a name the tagger took for an auxiliary ("... that IS
        presented a common enemy"); None when it has none."""
        for c in sorted(v.children, key=lambda c: abs(c.i - v.i)):
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    return self.args(v.head) + self._one_of(v.head)
                if c.text.isupper() and len(c.text) > 2 and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text in (
                        "-", "\u2013", "\u2014", "(", "--"):
                    # "WASHINGTON - Gov. X joined ...": a dateline parsed as the subject, X as its apposition
                    app = next((g for g in c.children if g.dep_ == "appos"), None)
                    if app is not None:
                        return self.args(app, owner="source")
                got = self.args(c, owner="source") or self._trailing_members(v, c)
                if got or c.dep_ == "nsubj":
                    return got + self._co_subjects(v, c, got)
            if c.dep_ == "agent" and any(x.dep_ == "nsubjpass" for x in v.children):
                # "endorsed by X and by Y": the second "by" is the first one's conjunct
                pobjs = [p for by in [c, *c.conjuncts] for p in by.children if p.dep_ == "pobj"]
                if pobjs:
                    return [a for p in pobjs for a in self.args(p, owner="source")]
        for c in v.children:
            if c.i < v.i and c.dep_ in ("aux", "auxpass"):
                m = self.index.mention_at(c)
                if m is not None and m.actors and getattr(m, "kind", "") in ("name", "alias", "metonym"):
                    return self._mention_args(m)
        return None

    def _one_of(self, n: Token) -> list[Arg]:
        """ "X was among the senators who backed Y", "X is one of those who ...": X does it too; fronted
        ("Among the groups that condemned Y was X") the parser may make X the attribute."""
        p = n.head
        if n.dep_ != "pobj" or p.lower_ not in ("among", "of"):
            return []
        if p.lower_ == "of" and (p.head.lower_ != "one" or p.head.dep_ != "attr"):
            return []
        cop = p.head if p.lower_ == "among" else p.head.head
        if lemma(cop) != "be":
            return []
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return self.fronted_subject(cop, p)
        return self.args(subj, owner="source")

    def fronted_subject(self, cop: Token, p: Token) -> list[Arg]:
        """ "Among the groups that condemned Y was X": with the "among" phrase fronted the parser makes the
        real subject, after the copula, its attribute (or complement)."""
        if p.i > cop.i or any(c.dep_ == "nsubj" for c in cop.children):
            return []
        subj = next((c for c in cop.children if c.dep_ in ("attr", "acomp") and c.i > cop.i), None)
        return self.args(subj, owner="source") if subj is not None else []

    def _trailing_members(self, v: Token, subj: Token) -> list[Arg]:
        """ "Several ministers condemned Y, including Z": the "including" phrase hung on a named object belongs
        to the plural subject (a person or a state has no members to include)."""
        if subj.tag_ not in ("NNS", "NNPS") and not any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.children):
            return []  # ("many of the officials")
        obj = next((c for c in v.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
        inc = next((c for c in (obj.children if obj is not None else ()) if c.dep_ == "prep"
                    and c.lower_ == "including"), None)
        objs = self.args(obj) if inc is not None else []
        if not objs or any(a.actor.type not in ("person", "country") for a in objs):
            return []
        return [a for p in inc.children if p.dep_ == "pobj" for a in self.args(p, owner="source")]

    def _co_subjects(self, v: Token, subj: Token, got: list[Arg]) -> list[Arg]:
        """More doers of ``v`` beside its subject: "Germany, along with France, condemned Y" (the phrase hung on
        the verb before it), "Germany as well as France condemned Y" (parsed as two subjects)."""
        if not got:
            return []
        toks = [c for c in v.children if c.i < v.i and c.i != subj.i and (
            c.dep_ == "nsubj" and any(x.dep_ == "cc" and x.lower_ == "as" for x in list(c.children) + list(subj.children)))]
        toks += companions(v, before=v.i)  # the phrase hung on the verb ("Together with Spain, Portugal ...")
        extra = [a for t in toks for a in self.args(t, owner="source")]
        have, out = {a.actor.name for a in got}, []
        for a in extra:
            if a.actor.name not in have:
                have.add(a.actor.name)
                out.append(a)
        return out

    def takers(self, v: Token, avoid: set[str] | None = None) -> list[Arg]:
        """Who takes the stance ``v`` states: the one who wants it done ("urged the AU to hold Y accountable",
        "urged Congress to pass a resolution condemning Y"), else ``v``'s subjects."""
        return self.wanted_by(v) or self.subjects(v, avoid=avoid)

    def wanted_by(self, v: Token) -> list[Arg] | None:
        """ "urged Peru to investigate X", "X's demand that Peru look into ...": the one who
        wants it done holds the stance; None when ``v`` is not such a wanted act."""
        t = v
        for _ in range(3):
            d = t.dep_
            h = t.head
            if h.i == t.i or d not in ("xcomp", "ccomp", "acl", "advcl", "pcomp", "pobj", "prep"):
                return None
            lem = lemma(h)
            if h.pos_ in ("VERB", "AUX") and lem in CAUSATIVE_VERBS and d == "ccomp" and any(
                    c.dep_ == "nsubj" for c in t.children):
                t = h  # "to have Ukraine investigate X": look above "have" for who wants it
                continue
            if h.pos_ in ("VERB", "AUX"):
                # "asked for a senator to unseat X": the "for ... to" clause hangs as an advcl
                for_to = d == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in t.children)
                # "pressuring X to investigate Y" parsed with X as the subject of an infinitival ccomp
                to_inf = d == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
                if lem in WANT_VERBS and (d == "xcomp" or d == "ccomp" and (lem in WANT_THAT_VERBS or to_inf)
                                          or for_to):
                    controlled = any(c.dep_ == "dobj" for c in h.children) or any(
                        c.dep_ == "nsubj" for c in t.children)
                    if d == "xcomp" and not controlled:
                        return None  # "wants to protect Assad": the same subject
                    return self.subjects(h)
                if d in ("xcomp", "ccomp", "advcl"):
                    return None
            if h.pos_ == "NOUN" and (lem in WANT_NOUNS or h.lower_ in WANT_NOUNS):
                got = self.owners(h, between_ok=False)
                if not got:
                    got, _ = self.clause_subjects(h)
                return got
            t = h
        return None

    def _noun_holder(self, n: Token, depth: int) -> list[Arg]:
        """ "her way to join", "Brazil's readiness to act firmly", "the Russians fighting for IS"."""
        # "X joined the field of candidates hoping to unseat Y", "X became one of the Democrats vying to ...":
        # the one who joins the group
        t = n
        for _ in range(4):
            if t.dep_ == "pobj" and t.head.lower_ in ("of", "among", "in") and t.head.head.i != t.head.i:
                t = t.head.head
            else:
                break
        if t is not n:
            if t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX") and lemma(t.head) in (
                    "join", "enter", "be", "become", "remain"):
                return self.subjects(t.head, depth=depth + 1)
            if t.pos_ in ("VERB", "AUX") and lemma(t) in ("be", "become", "remain"):
                return self.subjects(t, depth=depth + 1)
        m = self.index.mention_for(n)
        if m is not None and m.actors:
            return self._mention_args(m)
        got = self.owners(n, depth=1, between_ok=False)
        if got:
            return got
        message = lemma(n) in MESSAGE_NOUNS or n.lower_ in MESSAGE_NOUNS
        if n.dep_ == "dobj" and lemma(n.head) in AUTHOR_VERBS and message:
            return self.subjects(n.head, depth=depth + 1)  # "X issued a statement praising Y": its author
        if message and n.dep_ == "pobj" and n.head.lower_ in ("on", "in", "into", "for"):
            gov = n.head.head  # "X spent $4 million on ads supporting Y" ("$30 million in ads attacking Y")
            gov = gov.head if gov.pos_ == "NUM" and gov.dep_ == "dobj" else gov
            if lemma(gov) in SPEND_VERBS:
                return self.subjects(gov, depth=depth + 1)
        return self._relative_author(n) if message else []

    def _relative_author(self, n: Token) -> list[Arg]:
        """ "a speech she has planned attacking Y", "the letter X wrote praising Y": the subject of a relative
        clause whose object the message is."""
        for c in n.children:
            if c.dep_ == "relcl" and not any(g.dep_ in ("dobj", "nsubjpass") for g in c.children):
                subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in ("that", "which", "who"):
                    return self.args(subj, owner="source")
        return []

    def clause_subjects(self, n: Token, avoid: set[str] | None = None) -> tuple[list[Arg], Token | None]:
        """For a noun: the subject of the clause it is an object in, and that clause's verb."""
        t = n
        for _ in range(8):
            d = t.dep_
            h = t.head
            if h.i == t.i:
                return [], None
            if d == "nsubjpass" and h.pos_ == "VERB" and lemma(h) in LIGHT_VERBS | CARRY_OUT_VERBS \
                    and any(c.dep_ == "agent" for c in h.children):
                return self.subjects(h, avoid=avoid), h  # "sanctions were imposed on Y by X" (not "opposed by X")
            if d == "prep" and t.lower_ == "over" and t.i != n.i and h.pos_ == "VERB" and any(
                    c.dep_ == "dobj" for c in h.children):
                return [], None  # "sanctioned two firms over arms sales to Y": a reason's stance is not the subject's
            if d in ("dobj", "pobj", "prep", "attr", "oprd", "conj", "appos", "dative", "npadvmod", "pcomp"):
                if h.pos_ in ("VERB", "AUX"):
                    if any(c.dep_ == "expl" for c in h.children):
                        return [], h
                    got = self.subjects(h, avoid=avoid)
                    if not got and d == "prep" and t.lower_ == "in" and lemma(h) in STATE_PARTICIPLES:
                        # "X is locked / embroiled in a dispute with Y": the one in that state
                        got = self.args(next((c for c in h.children if c.dep_ == "nsubjpass"), None), owner="source")
                    return got, h
                if h.pos_ == "ADJ" and d == "prep":
                    return self.subjects(h, avoid=avoid), h
                if h.pos_ in ("NOUN", "PROPN") and d in ("prep", "pobj"):
                    if d == "prep":
                        got = self.owners(h, depth=1, between_ok=False)  # "X's demand for an embargo on Y"
                        if got:
                            return got, None
                        if t.lower_ != "of" and (lemma(n) in ACT_NOUNS or n.lower_ in ACT_NOUNS) and (
                                lemma(h) in TOPIC_NOUNS or lemma(h) in INQUIRY_NOUNS):
                            return [], None  # "demanded the facts about the raids on Y": not the asker's raids
                t = h
                continue
            return [], None
        return [], None

    def holder(self, t: Token, exclude: set[str]) -> list[Arg]:
        """Who holds a judgement at ``t``: the subject of the saying/thinking clause above it
        ("the US said ...", "the two were in agreement that ..."), or "according to X"."""
        x = t
        for _ in range(10):
            if x.head.i == x.i:
                break
            via, x = x.dep_, x.head
            if via == "advcl":
                continue  # "X thinks of itself, while there is ...": an adverbial clause is not what X thinks
            lem = lemma(x)
            holding = lem in SPEECH_VERBS or lem in DEMAND_VERBS or (lem == "be" and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(lemma(o) in ("agreement", "accord", "consensus")
                                                               for o in c.children) for c in x.children))
            if holding and x.pos_ in ("VERB", "AUX"):
                got = [a for a in self.subjects(x) if a.actor.name not in exclude]
                if got:
                    return got
        for tok in self.sent:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                for c in tok.doc[tok.i + 1].children:
                    if c.dep_ == "pobj":
                        return [a for a in self.args(c) if a.actor.name not in exclude]
        return [a for a in self.colon_speaker() if a.actor.name not in exclude]

    def colon_speaker(self) -> list[Arg]:
        """ "Putin: the West is an enemy": a person's name that opens a sentence with a colon right after it
        speaks the rest (a headline's or a transcript's form)."""
        toks = list(islice((t for t in self.sent if not t.is_space), 6))  # (only the opening words count)
        colon = next((i for i, t in enumerate(toks) if t.text == ":"), None)
        if not colon:
            return []
        m = self.index.mention_at(toks[colon - 1])
        if m is None or not m.actors or m.start != toks[0].i or m.end != toks[colon].i \
                or any(a.type != "person" for a in m.actors):
            return []  # ("TEHRAN: ...": a dateline)
        return self._mention_args(m)


def next_act(v: Token, h: Token) -> bool:
    """ "X said the EPA had overreached and praised Y": the reported clause has its own auxiliary, the
    conjunct is a word-act in the simple past of "said" itself, so it is the speaker's next act."""
    return _word_act(v) and v.tag_ == "VBD" and any(c.dep_ in ("aux", "auxpass") for c in h.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in v.children)


def _word_act(v: Token) -> bool:
    """A verb of saying something about someone ("praised", "accused", "called on"), which a speaker does in
    the same breath (not "... had invaded Y and attacked Z", "gunmen stormed the embassy and attacked Y")."""
    return lemma(v) in DEMAND_VERBS or VERB_CUES.get(lemma(v), {}).get("obj") in (
        "praises", "criticises", "condemns", "accuses", "warns")
