"""Bare names around a stance cue (pass ``names.cue_argument``).

Without a fuller name in the article, spaCy's small model leaves many bare surnames without a
PERSON tag ("Obama slammed Romney": Romney is a PRODUCT; "Trump criticized Kelly": Trump is no
entity, or an ORG) and the stance is lost for want of an actor. A capitalised proper noun that
is an argument of a stance cue (its subject, object, prepositional object or possessor) and that
nothing else knows (no gazetteer name, no demonym, no date, no word of the lexicon) is a person.
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from ..lexicon import word_classes
from ..rules.vocab import ADJ_CUES, NOUN_CUES, VERB_CUES
from .state import ResolverState
from .text import looks_like_org
from .vocab import NAME_PARTICLES, POLICY_WORDS, ROLE_HEADS

#: NER labels a bare surname is mistaken for that no other pass takes up; the rest (DATE, NORP, LOC,
#: MONEY ...) are never people, and ORG/GPE ("Apple", "Texas") are decided by ``names.surname``.
MISTAKEN_LABELS = ("", "PRODUCT", "WORK_OF_ART")
#: word classes that hold names, not common words
NAME_CLASSES = ("nicknames", "name_particles", "name_prefixes", "name_suffixes")
SUBJ = ("nsubj", "nsubjpass")
#: a person pronoun after a bare subject in its sentence: the subject is a person ("X has said he backs Y")
PERSON_PRONOUNS = ("he", "she", "him", "his", "her")


@functools.lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Every common word the lexicon knows (a capitalised one is a role, body or group, not a name)."""
    out = {w for cls, ws in word_classes().items() if cls not in NAME_CLASSES for w in ws}
    return frozenset(out | set(VERB_CUES) | set(NOUN_CUES) | set(ADJ_CUES) | POLICY_WORDS)


def _cue_verb(t: Token) -> bool:
    return t.pos_ in ("VERB", "AUX") and (t.lemma_.lower() in VERB_CUES or t.lower_ in VERB_CUES)


def _cue_adj(t: Token) -> bool:
    return t.pos_ == "ADJ" and t.lower_ in ADJ_CUES


def cue_argument(t: Token, depth: int = 0) -> bool:
    """Is the token a subject, object, prepositional object or possessor of a stance cue (a verb,
    a noun, or an adjective after "be": "X was critical of Y")?"""
    h, dep = t.head, t.dep_
    if dep in SUBJ and any(c.dep_ == "acomp" and _cue_adj(c) for c in h.children):
        return True
    if dep in SUBJ or dep == "dobj":
        return _cue_verb(h)
    if dep == "pobj" and h.dep_ in ("prep", "agent"):
        return _cue_verb(h.head) or _cue_adj(h.head) or (h.head.pos_ == "NOUN" and h.head.lemma_.lower() in NOUN_CUES)
    if dep == "poss":
        return h.pos_ == "NOUN" and h.lemma_.lower() in NOUN_CUES
    return dep == "conj" and depth == 0 and h.i < t.i and cue_argument(h, 1)


def _name_shape(t: Token) -> bool:
    """One capitalised singular word, not all capitals (acronyms are organisations; "Latinos" is a
    group), no digits."""
    w = t.text
    return len(w) >= 3 and w.isalpha() and w[0].isupper() and any(c.islower() for c in w[1:]) and t.tag_ != "NNPS"


def _sentence_initial(st: ResolverState, t: Token) -> bool:
    s = st.sent_bounds[st.sent_of[t.i]][0]
    return all(st.doc[j].is_punct for j in range(s, t.i))


def _named_elsewhere(st: ResolverState, t: Token) -> bool:
    """The same word capitalised mid-sentence as a proper noun elsewhere in the article."""
    return any(u.text == t.text and u.i != t.i and u.pos_ == "PROPN" and not _sentence_initial(st, u)
               for u in st.toks)


def _looks_like_name(st: ResolverState, t: Token, lowered: set[str]) -> bool:
    """A proper noun by evidence (of a token of a name's shape, ``_name_shape``): NER's entity, or tagged so
    mid-sentence; at a sentence start (where every word is capitalised) tagged so and never written in lower
    case here, or a proper noun elsewhere."""
    if t.lower_ in _lexicon_words() or t.lower_ in lowered \
            or re.search(r"[a-z](?:care|caid)$", t.lower_):  # a programme ("Obamacare"), not a doer
        return False
    if st.owner[t.i] >= 0:
        return True  # NER's ORG/GPE (with a person pronoun or office): a name, however tagged
    if st.title_line[t.i] or st.shouting[t.i] or st.in_quote[t.i] and t.i > 0 and st.doc[t.i - 1].is_quote:
        return False
    if _sentence_initial(st, t):
        return t.pos_ == "PROPN" or _named_elsewhere(st, t)
    return t.pos_ == "PROPN"


def _claimable(st: ResolverState, t: Token, pend: set[int]) -> bool:
    """Free (or, with a person pronoun or office near it, NER's one-word ORG/GPE guess), one word, and not a
    gazetteer name, a demonym, part of a longer name or an org-like word."""
    k = st.owner[t.i]
    if k >= 0 and not (k in pend and st.cands[k].end - st.cands[k].start == 1 and _person_evidence(st, t)):
        return False
    if (k < 0 and t.ent_type_ not in MISTAKEN_LABELS) or t.i in st.demonym_tok or st.gaz.lookup(t.text) is not None:
        return False
    particles = _particles(st, t)
    return not (any(c.dep_ in ("compound", "det", "amod", "nummod", "flat") and c.i not in particles
                    for c in t.children)
                or t.dep_ == "compound" or looks_like_org(st.doc[t.i:t.i + 1]))


def _particles(st: ResolverState, t: Token) -> list[int]:
    """The name particles right before a surname, part of it ("De Blasio", "van der Berg")."""
    out: list[int] = []
    j = t.i - 1
    while j >= 0 and st.doc[j].lower_ in NAME_PARTICLES and st.owner[j] < 0 and (
            st.doc[j].head.i == t.i or st.doc[j].text[:1].isupper()) and st.sent_of[j] == st.sent_of[t.i]:
        out.append(j)
        j -= 1
    return out


def _person_evidence(st: ResolverState, t: Token) -> bool:
    """A bare subject with an office in apposition ("X, the former mayor,") or with "he"/"his"/"she"/
    "her" after it in its sentence (and no other name between)."""
    if t.dep_ not in SUBJ:
        return False
    if any(c.dep_ == "appos" and c.lower_ in ROLE_HEADS for c in t.children):
        return True
    end = st.sent_bounds[st.sent_of[t.i]][1]
    for u in st.toks[t.i + 1:end]:
        if u.lower_ in PERSON_PRONOUNS and u.pos_ == "PRON":
            return True
        if u.pos_ == "PROPN" or u.ent_type_:  # another name in between may be the one meant
            return False
    return False


def cue_names(st: ResolverState) -> None:
    """Make each unknown bare proper noun that is an argument of a stance cue, or a subject a person
    pronoun follows or an office is in apposition with, a person candidate."""
    lowered = {w for w in st.texts if w.islower()}
    pend = {k for k, _ in st.pending}
    for t in st.toks:
        if not _name_shape(t):
            continue  # (no name, whatever its place: the cheap test first, most words fail it)
        if not (cue_argument(t) or _person_evidence(st, t)) or not _claimable(st, t, pend) \
                or not _looks_like_name(st, t, lowered):
            continue
        k = st.owner[t.i]
        if k >= 0:  # NER's ORG/GPE: a person now, not decided later
            st.pending = [(pk, label) for pk, label in st.pending if pk != k]
            pend.discard(k)
            st.person_ks.append(k)
        else:
            st.person_ks.append(st.add(min([t.i, *_particles(st, t)]), t.i + 1, (), "name"))
