"""Pronouns (rule ``pronouns.nearest`` of the reference walk): he/she, it/its, they/their."""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from ..records import Actor
from .index import Mention
from .state import ResolverState
from .text import attitude_copula, SUBJ_DEPS
from .vocab import (
    BOUND_PREPS, GIVEN_NAMES, SPEECH_VERBS, JUDGED_FOR_VERBS, CAUCUS_NOUNS, ROLE_HEADS, PRON_PERSON, PRON_IT, PRON_THEY, POSS_PRON,
    THING_IT_VERBS,
)


_GO_ON = object()  # a step found no answer: the next step decides


def pronoun(st: ResolverState, t: Token, history: list[Mention]) -> tuple[Actor, ...] | None:
    """The actor(s) a pronoun refers to: same sentence first, else the most salient recent mention."""
    low = t.lower_
    s = st.sent_of[t.i]
    possessive = low in POSS_PRON and t.dep_ == "poss" or low in ("its", "their", "his")
    kind = _antecedent_kind(st, t)
    if kind is None:
        return None
    fits, window = kind
    if low in REFLEXIVES:
        return reflexive(st, t, [m for m in history if fits(m) and st.sent_of[m.start] == s])
    cands = _candidates(st, t, history, fits, window)
    # "X, speaking at a forum, said that he ...": the subject of a verb above the pronoun binds it,
    # even when another person's gender is better known
    bound = clause_subject(st, t, cands, said=possessive) if low in PRON_PERSON else None
    if low in PRON_PERSON and bound is None and unnamed_subject(st, t):
        return None  # "Ukraine's president said his forces ...": the unnamed one's, not a person before
    if low in PRON_PERSON and generic(t):
        return None  # "his or her conference": anyone's
    if low in PRON_PERSON:  # people known to be of the pronoun's gender come first
        # (after the quoted ones are set aside: '"Jim Carver is a fraud," he said' is not Carver, whose first
        # name tells his gender when the speaker's does not)
        if not possessive:
            cands = _unquoted(st, t, cands)
        pool = cands
        if possessive:  # "Lowe defended his plans": the sentence's own people before one known from before
            pool = [m for m in cands if st.sent_of[m.start] == st.sent_of[t.i]] or cands
        known = [m for m in pool if gender_of(st, m.actors[0]) == PRON_PERSON[low]]
        if known:
            cands = known
        elif pool is not cands:
            cands = pool
    if not cands:
        return None
    if low in PRON_IT or low in PRON_THEY:
        nearer = _nearer_thing(st, t, cands)
        if nearer is not _GO_ON:
            return nearer  # type: ignore[return-value]
    cands = _unquoted(st, t, cands)
    if not cands:
        return None
    same = [m for m in cands if st.sent_of[m.start] == s]
    if same and low in PRON_THEY:
        plural = [m for m in same if plural_mention(st, m)]
        if plural:  # "help the West and Arab states in their fight": not the singular subject
            same = plural
    chosen = bound if bound is not None else _choose(st, t, cands, same, possessive, window)
    if chosen is None:
        return None
    if low in PRON_PERSON and same and len({m.actors[0].name for m in same}) == 1:
        # the only person of the sentence: learn the gender ("Pelosi used her ...")
        st.gender.setdefault(chosen.actors[0].name, PRON_PERSON[low])
    if low in PRON_THEY and len(chosen.actors) == 1:
        group = coordination(st, chosen)
        if group:
            return group
    return chosen.actors


def _unquoted(st: ResolverState, t: Token, cands: list[Mention]) -> list[Mention]:
    """Outside a quotation, not the ones quoted in its sentence ('"...the U.S. ...", its spokesman said')."""
    if st.in_quote[t.i]:
        return cands
    s = st.sent_of[t.i]
    return [m for m in cands if not (st.in_quote[m.start] and st.sent_of[m.start] == s)]


def gender_of(st: ResolverState, person: Actor) -> str | None:
    """"m", "f" or None: what a title or an earlier pronoun told, else the first of two or more names
    ("Michelle Dunn"; a lone name may be a surname: "Kelly", "Graham")."""
    known = st.gender.get(person.name)
    if known is None:
        parts = person.name.split()
        if len(parts) > 1:
            known = GIVEN_NAMES.get(parts[0].lower()) or None
    return known


def _antecedent_kind(st: ResolverState, t: Token) -> tuple[Callable[[Mention], bool], int] | None:
    """What a pronoun may refer to and how many sentences back; None for an expletive or thing "it"."""
    low = t.lower_
    if low in PRON_PERSON:
        g = PRON_PERSON[low]

        def fits(m: Mention) -> bool:
            if len(m.actors) != 1 or m.actors[0].type != "person":
                return False
            known = gender_of(st, m.actors[0])
            return known is None or known == g
        return fits, 2
    if low in PRON_IT:
        if low == "it" and (t.dep_ not in ("nsubj", "nsubjpass") or t.head.pos_ != "VERB"
                            or t.head.lemma_ in THING_IT_VERBS) and not attitude_copula(t):
            return None  # expletive or a thing, not an actor
        if t.dep_ == "expl":
            return None

        def fits(m: Mention) -> bool:
            return (len(m.actors) == 1 and m.actors[0].type != "person"
                    and st.doc[m.head].tag_ not in ("NNS", "NNPS")
                    and m.actors[0].name.split()[-1].lower() not in CAUCUS_NOUNS)  # "Republican lawmakers"
        return fits, (1 if low == "it" else 2)

    def fits(m: Mention) -> bool:  # number agrees: one organisation or state named in the singular is "it"
        return len(m.actors) > 1 or m.actors[0].type == "group" or (
            m.actors[0].type != "person" and plural_mention(st, m)) or (
            m.kind != "pronoun" and st.doc[m.head].dep_ in SUBJ_DEPS and coordination(st, m) is not None)
        # ("Jo Roe and Al Lin met voters. They ...": named people together, as a subject)
    return fits, 2


def _candidates(st: ResolverState, t: Token, history: list[Mention], fits: Callable[[Mention], bool],
                window: int) -> list[Mention]:
    """Recent fitting mentions, latest first, without those the pronoun's own clause rules out."""
    low = t.lower_
    s = st.sent_of[t.i]
    cands = [m for m in reversed(history) if st.sent_of[m.start] >= s - window and m.end <= t.i and fits(m)
             and st.salience(m) >= 0]
    # principle B: an object pronoun is not the subject of its own verb
    if t.dep_ in ("dobj", "pobj", "dative"):
        # (through an argument's preposition too: "X voted against her" is not X; a place's may be, "near him")
        verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ in BOUND_PREPS else t.head
        cands = [m for m in cands if not (st.doc[m.head].head.i in (t.head.i, verb.i)
                                          and st.doc[m.head].dep_ in SUBJ_DEPS)]
        ctrl = controller(t)
        if ctrl is not None:  # "accused X of fighting alongside them", "urged X to fight them": not X
            cands = [m for m in cands if m.head != ctrl.i]
    # and a subject pronoun is not the named object of its own verb ("He faulted Mr. Smith": not Smith)
    if t.dep_ == "nsubj" and low in PRON_PERSON:
        objs = {a.name for c in t.head.children if c.dep_ == "dobj" and c.i > t.i
                for om in [st.cand_at(c.i)] if om is not None and om.kind != "pronoun" for a in om.actors}
        if objs:
            cands = [m for m in cands if m.actors[0].name not in objs]
    if low in PRON_PERSON and st.in_quote[t.i]:
        # '"He must resign," Hallow said': the speaker calls himself "I", so "he" is someone else
        speaker = quote_speaker(st, s)
        if speaker is not None:
            cands = [m for m in cands if m.actors[0] is not speaker]
    return cands


def _nearer_thing(st: ResolverState, t: Token, cands: list[Mention]) -> object:
    """A nearer subject that is a thing of the same number is the antecedent ("Trump's lawyers ... their
    own witnesses"): None; with no actor earlier in the sentence, a nearer object too ("He will defend
    the city against attacks on its name"). "Pashinyan's government froze its ...": the person's state."""
    plural = t.lower_ in PRON_THEY
    s = st.sent_of[t.i]
    sent_start = st.sent_bounds[s][0]
    nearest = max((m.end for m in cands if st.sent_of[m.start] == s), default=sent_start)
    deps = SUBJ_DEPS | {"dobj"} if nearest == sent_start else SUBJ_DEPS
    for x in st.doc[nearest:t.i]:
        gm = st.cands[st.gov[x.i]] if x.i in st.gov and x.dep_ in SUBJ_DEPS else None
        if gm is not None and gm.actors and gm.actors[0].type == "person" and gm.kind != "pronoun" \
                and (x.tag_ == "NNS") == plural:
            state = st.person_state(gm.actors[0])
            return (state,) if state is not None else None
        if x.dep_ in deps and x.pos_ == "NOUN" and st.owner[x.i] < 0 and x.i not in st.gov \
                and (x.tag_ == "NNS") == plural:
            return None
    return _GO_ON


def _choose(st: ResolverState, t: Token, cands: list[Mention], same: list[Mention], possessive: bool,
            window: int) -> Mention | None:
    """In the same sentence the possessor or the subject; else the most salient of the nearest sentence."""
    low = t.lower_
    s = st.sent_of[t.i]
    if same:
        if possessive:
            return possessor(st, t, same)
        subj = [m for m in same if st.salience(m) == 3]
        return subj[0] if subj else next((m for m in same if st.salience(m) > 0), same[0])
    if low in PRON_IT or low in PRON_THEY:
        subj = main_subject(st, s - 1)
        if subj is not None and st.owner[subj.i] < 0 and subj.pos_ in ("NOUN", "PROPN") and \
                (subj.tag_ in ("NNS", "NNPS")) == (low in PRON_THEY):
            return None  # "The vote was ... It ties into": the pronoun is the thing, not an actor
    for si in range(s - 1, s - window - 1, -1):
        in_s = [m for m in cands if st.sent_of[m.start] == si]
        if not st.in_quote[t.i]:  # '"X is brave," Lowe said. She also ...': the speaker, not who is quoted of
            in_s = [m for m in in_s if not st.in_quote[m.start]] or in_s
        if in_s:
            in_s.sort(key=lambda m: m.start)
            return max(in_s, key=st.salience)  # max keeps the leftmost on ties
    return None


def quote_speaker(st: ResolverState, si: int) -> Actor | None:
    """The person a sentence's quotation is attributed to ("...," X said), if said outside the quote."""
    cache = st.speaker_cache
    if si in cache:
        return cache[si]
    found: Actor | None = None
    s, e = st.sent_bounds[si]
    for v in st.doc[s:e]:
        if v.lemma_ not in SPEECH_VERBS or st.in_quote[v.i]:
            continue
        for c in v.children:
            if c.dep_ == "nsubj" and not st.in_quote[c.i]:
                m = st.cand_at(c.i)
                if m is not None and len(m.actors) == 1 and m.actors[0].type == "person":
                    found = m.actors[0]
        if found is not None:
            break
    cache[si] = found
    return found


def plural_mention(st: ResolverState, m: Mention) -> bool:
    h = st.doc[m.head]
    return len(m.actors) > 1 or h.tag_ in ("NNS", "NNPS") or h.dep_ == "conj" or any(c.dep_ == "conj" for c in h.children)


def clause_subject(st: ResolverState, t: Token, cands: list[Mention], said: bool = False) -> Mention | None:
    """The nearest clause above the pronoun whose subject is a candidate ("X said that he", "X
    tweeted he would not allow it", "X chided those who, he said, ..."); the pronoun's own verb aside.
    With ``said`` (a possessive), only the subject of a speech verb whose content clause holds the pronoun
    binds: "X said his plan would pass" (not "X faulted Y for his remarks", nor "X urged voters to back Y over
    his rival"); a conjoined speech verb's subject is its head's ("X met Y and said his ...")."""
    s = st.sent_of[t.i]
    byhead = {m.head: m for m in cands if st.sent_of[m.start] == s}
    if not byhead:
        return None
    own = t.head if t.dep_ in SUBJ_DEPS else None
    for came, a in zip([t, *t.ancestors], t.ancestors):
        if a is own or a.pos_ not in ("VERB", "AUX"):
            continue
        if said and (a.lemma_ not in SPEECH_VERBS or came.dep_ != "ccomp"):
            if _subject_before(a, t):
                return None  # a clause with its own subject before the pronoun
            continue  # (only what is said: not "urged voters to back Y over his rival")
        clause = a.head if said and a.dep_ == "conj" and not _subject_before(a, t) else a
        for c in clause.children:
            if c.dep_ in SUBJ_DEPS and c.i < t.i and c.tag_ not in ("WP", "WDT"):
                m = byhead.get(c.i)
                if m is None:
                    k = st.owner[c.i]
                    m = st.cands[k] if k >= 0 and st.cands[k] in cands else None
                if m is not None and st.in_quote[m.start] == st.in_quote[t.i]:
                    return m
                return None  # a clause with another subject stops the climb
    return None


def _subject_before(v: Token, t: Token) -> bool:
    """Has ``v`` a subject of its own before ``t`` (a relative "who" / "which" aside)?"""
    return any(c.dep_ in SUBJ_DEPS and c.i < t.i and c.tag_ not in ("WP", "WDT") for c in v.children)


def controller(t: Token) -> Token | None:
    """The object that is the unsaid subject of an object pronoun's verb: X in "accused X of fighting
    alongside them", "urged X to fight them"."""
    v = t.head
    while v.dep_ == "prep" and v.head.i != v.i:
        v = v.head
    if v.pos_ != "VERB":
        return None
    for _ in range(3):  # (up a chain: "urged X to stop bombing them")
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ in ("of", "for"):
            v = v.head.head
        elif v.dep_ == "xcomp":
            v = v.head
        else:
            return None
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    return None


def unnamed_subject(st: ResolverState, t: Token) -> bool:
    """Is the nearest subject above a person pronoun, before it, a new person no mention names
    ("Ukraine's president", "a senior official")?"""
    own = t.head if t.dep_ in SUBJ_DEPS else None
    for a in t.ancestors:
        if a is own or a.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in a.children if c.dep_ in SUBJ_DEPS and c.i < t.i), None)
        if subj is None:
            continue
        m = st.cand_at(subj.i) if st.owner[subj.i] >= 0 else None
        if subj.lower_ not in ROLE_HEADS or (m is not None and not (m.actors and m.actors[0].type == "country")):
            return False  # (a state's unnamed head, "Bolivia's president", is still nobody named)
        # a new person: someone's ("Ukraine's president"), a state's ("the Ukrainian president"), "a" one;
        # a bare "the general" may be the person named before
        return any(c.dep_ == "poss" or c.lower_ in ("a", "an") or c.i in st.demonym_tok
                   or (st.cand_at(c.i) is not None and c.dep_ in ("compound", "amod"))
                   for c in subj.children if c.i < subj.i)
    return False


def possessor(st: ResolverState, t: Token, same: list[Mention]) -> Mention:
    """Whose "its"/"his": "Lavrov and his colleague" the one just before; "convince Syria to
    destroy its weapons" the controller; else the nearest subject, else the nearest."""
    doc = st.doc
    if t.i >= 2 and doc[t.i - 1].lower_ in ("and", "or"):
        m = st.cand_at(t.i - 2)
        if m is not None and m in same:
            return m
    for m in same:
        h = doc[m.head]
        if h.dep_ == "dobj" and any(x.dep_ in ("xcomp", "ccomp") and x.left_edge.i <= t.i <= x.right_edge.i
                                    for x in h.head.children):
            return m
        # "thanked Britain for its support", "sanctioned Iran over its drone sales": the one judged
        if h.dep_ == "dobj" and h.head.lemma_ in JUDGED_FOR_VERBS and any(
                x.dep_ == "prep" and x.lower_ in ("for", "over") and x.left_edge.i <= t.i <= x.right_edge.i
                for x in [*h.head.children, *h.children]):
            return m
    subj = [m for m in same if st.salience(m) == 3]
    if subj:
        return subj[0]
    return next((m for m in same if st.salience(m) > 0), same[0])


def main_subject(st: ResolverState, si: int) -> Token | None:
    if si < 0:
        return None
    s, e = st.sent_bounds[si]
    root = st.doc[s:e].root
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)



def coordination(st: ResolverState, m: Mention) -> tuple[Actor, ...] | None:
    """The actors of "Russia and the USA" when m is one of the conjuncts."""
    h = st.doc[m.head]
    while h.dep_ == "conj" and h.head.i != h.i:
        h = h.head
    members = [h] + [c for c in h.subtree if c.dep_ == "conj"]
    actors: list[Actor] = []
    for x in members:
        xm = st.cand_at(x.i)
        if xm is not None and xm.actors:
            for a in xm.actors:
                if a not in actors:
                    actors.append(a)
    return tuple(actors) if len(actors) >= 2 else None


REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})


def generic(t: Token) -> bool:
    """ "his or her", "he or she": a pronoun paired with the other gender stands for anyone."""
    doc = t.doc
    pair = [doc[i + 2 * d] for d in (-1, 1) for i in [t.i] if 0 <= i + 2 * d < len(doc)
            and doc[i + d].lower_ in ("or", "and", "/")]
    return any(x.lower_ in PRON_PERSON and PRON_PERSON[x.lower_] != PRON_PERSON[t.lower_] for x in pair)


def reflexive(st: ResolverState, t: Token, cands: list[Mention]) -> tuple[Actor, ...] | None:
    """ "X allied himself with Y": a reflexive is the subject of its own verb, or nobody; "X himself"
    is X."""
    own = next((m for m in cands if m.start <= t.head.i < m.end), None)
    if own is not None and t.dep_ in ("appos", "npadvmod", "advmod"):
        return own.actors
    verb = t.head
    while verb.dep_ in ("prep", "pobj", "dobj", "dative") and verb.head is not verb:
        verb = verb.head
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            m = next((m for m in cands if m.start <= c.i < m.end), None)
            return m.actors if m is not None else None
    return None
