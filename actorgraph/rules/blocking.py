"""Is a stance asserted? Walks from the cue up through every clause above it.

A stance is dropped when its cue or a clause above it is negated ("not", "never", "no longer", "has yet
to"), denied, failed, refused or ruled out (``blockers``), conditional ("if", "unless"), or under
"without" / "instead of"; modal hedges ("would", "should") keep it at a lower confidence (``hedge_modals``), a
possibility ("may", "might", "could": ``possibility_modals``) drops it.
"""
from __future__ import annotations

from spacy.tokens import Token

from .base import lemma
from .vocab import (ADJUNCT_MARKS, BLOCKERS, CAUTION_VERBS, POSSIBILITY_MODALS, WEARY_ADJS, BLOCKING_PHRASALS, FALSITY_ADVERBS, HEDGE_MODALS, NEG_ADVERBS, OBJECT_BLOCKERS, REASON_NOUNS,
                    REBUTTED_NOUNS, UNCHANGED_VERBS, WARNING_VERBS, WISH_VERBS, HYPOTHETICAL_MODALS)


CONDITION_MARKS = ("if", "unless", "whether", "lest")


def blocked(cue: Token, *, skip_self_blocker: bool = True) -> tuple[bool, float]:
    """(blocked?, hedge factor) of the stance at ``cue``; the cue itself may be a blocker word only when
    ``skip_self_blocker`` is false."""
    hedge = 1.0
    t, prev, via, first = cue, cue, "", True
    aside = False  # inside ", blaming Y": the clause it hangs on is passed over, with its xcomp chain
    owner = _other_owner(cue)
    told = False  # past a time or reason adjunct: told as fact, only a condition above still holds it back
    for _ in range(30):
        own_denial = _own_denial(t, prev, via)
        if not told and _adjunct(prev, via):
            if via == "prep" and cue.pos_ == "NOUN" and not _named_owner(cue) and not (
                    prev.lower_ == "in" and cue.head.i == prev.i):
                # "refused to attend in response to the attack on Y": whose attack? ("in protest against Y",
                # "in retaliation for Y's move": the reason noun itself is the clause subject's)
                return True, 1.0
            told = True
        if told:
            if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in t.children):
                return True, 1.0  # "if Peru leaves after Chile attacks Togo"
            if t.head.i == t.i:
                break
            prev, via, t = t, t.dep_, t.head
            continue
        if via == "appos" and prev.i == cue.i and cue.pos_ == "NOUN":
            break  # "rejected X, Y's nominee": a description in apposition is told as fact, whatever the clause says
        aside = _comma_participle(prev, via) or (aside and via == "xcomp")
        if aside or _passes_over(t, prev, via):
            if t.head.i == t.i:
                break
            prev, via, t = t, t.dep_, t.head
            continue
        stop, factor = _negated_here(t, via)
        if owner is not None and t.pos_ in ("VERB", "AUX"):
            if stop and lemma(t) in UNCHANGED_VERBS and not any(
                    x.text == owner.text for c in t.children if c.dep_ in ("nsubj", "nsubjpass") for x in c.subtree):
                stop = False  # "sanctions have not changed Iran's support for Y": Iran's support stands
            owner = None  # (only the first clause above the noun)
        if stop:
            return True, 1.0
        hedge = min(hedge, factor)
        if _blocks_here(t, via, own_denial, check_word=not (first and skip_self_blocker), prev=prev):
            return True, 1.0
        first = False
        if t.head.i == t.i:
            break
        prev, via, t = t, t.dep_, t.head
    return False, hedge


def _other_owner(cue: Token) -> Token | None:
    """The named possessor of a stance noun ("Iran's support for Y"): the negation of the clause the noun
    is an object in is not the possessor's, unless the possessor is that clause's subject."""
    if cue.pos_ != "NOUN":
        return None
    return next((c for c in cue.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)


def _named_owner(n: Token) -> bool:
    """A noun whose owner is named in its own phrase: a possessor other than a pronoun ("the Obama
    campaign's attacks"), a proper-noun modifier, or a "by" phrase."""
    return any((c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ in ("compound", "amod") and c.pos_ == "PROPN")
               or (c.dep_ == "prep" and c.lower_ == "by") for c in n.children)


def _own_denial(t: Token, prev: Token, via: str) -> bool:
    """ "X denied any role and accused Y" (a denial with an object of its own does not cover its conjunct);
    "X accused Y of ..., a charge Y denies" (the rebuttal after the claim does not withdraw it)."""
    if via == "conj" and prev.i > t.i and any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.i < prev.i
                                              for c in t.children):
        return True
    return via == "ccomp" and prev.i < t.i and any(
        lemma(x) in REBUTTED_NOUNS | {"claim"} for x in t.doc[prev.right_edge.i + 1:t.i])


def _comma_participle(prev: Token, via: str) -> bool:
    """ "X refused to budge, blaming Y": a participle set off by a comma after its clause is an act of its
    own; the refusal or negation of the clause it hangs on is not its own."""
    if via != "advcl" or prev.tag_ != "VBG" or prev.i <= prev.head.i or prev.left_edge.i == 0:
        return False
    return prev.doc[prev.left_edge.i - 1].text == "," and not any(
        c.dep_ in ("mark", "nsubj", "nsubjpass") for c in prev.children)


def _passes_over(t: Token, prev: Token, via: str) -> bool:
    """The cue sits in the subject ("X's rhetoric against Y is not uncommon" still asserts it), or in a
    conjunct with its own subject or after "but" ("X never named Y but blamed Z"): this clause's negation
    is not the cue's."""
    return via in ("nsubj", "nsubjpass", "csubj") or (via == "conj" and t.pos_ in ("VERB", "AUX") and (
        any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in t.children)
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in prev.children)
        # ("said Y would not withdraw and accused Z": a conjunct in a tense of its own shares no auxiliary)
        or (prev.tag_ in ("VBD", "VBZ", "VBP") and t.tag_ == "VB"
            and any(c.dep_ == "aux" and (c.tag_ == "MD" or lemma(c) == "do") for c in t.children))))


def _adjunct(prev: Token, via: str) -> bool:
    """ "X cancelled the pact in anger over Y's sanctions on Z", "X refused to attend after Y attacked Z": a
    reason or time adjunct is told as fact; the clause it hangs on does not deny or negate it."""
    if via == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in ADJUNCT_MARKS for c in prev.children)
    if via != "prep":
        return False
    if prev.lower_ in ADJUNCT_MARKS:
        return True
    return prev.lower_ == "in" and any(c.dep_ == "pobj" and lemma(c) in REASON_NOUNS for c in prev.children)


def _negated_here(t: Token, via: str) -> tuple[bool, float]:
    """Negation, "no longer", "has yet to", "if" on ``t`` itself; else the lowest modal hedge on it."""
    hedge = 1.0
    for c in t.children:
        if c.dep_ == "neg":
            return True, 1.0
        if c.dep_ in ("advmod", "det", "preconj") and c.lower_ in NEG_ADVERBS:
            if c.lower_ == "no" and c.dep_ == "advmod" and any(g.lower_ == "longer" for g in c.head.children):
                return True, 1.0
            if c.lower_ == "no" and c.dep_ == "det" and any(g.dep_ == "prep" and g.lower_ == "but" for g in t.children):
                continue  # "had no choice but to back Y": it did back Y
            if c.lower_ != "no" or c.dep_ == "det":
                return True, 1.0
        if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS:
            return True, 1.0
        if c.dep_ == "advmod" and c.lower_ in ("longer", "more") and via != "conj" and any(
                g.lower_ in ("no", "not", "never") for g in c.children):
            return True, 1.0  # "X no longer supports Y" (parsed longer <- no)
        if c.dep_ == "advmod" and c.lower_ == "yet" and via == "xcomp" and lemma(t) in ("have", "be"):
            return True, 1.0  # "X has yet to recognise Y", "X is yet to condemn Y"
        if c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS and lemma(t.head) not in WARNING_VERBS:
            return True, 1.0  # "Turkey might back Iran" ("warned it could strike Y": a threat, kept at its hedge)
        if c.dep_ == "aux" and c.lower_ in HEDGE_MODALS:
            hedge = min(hedge, HEDGE_MODALS[c.lower_])
        if c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ == "neg" for g in c.children) and any(
                g.lower_ in ("all", "every", "each") for g in c.children):
            return True, 1.0  # "not all Republicans opposed Y": some did, the group did not
        if c.dep_ == "nsubj" and via in ("ccomp", "xcomp") and (c.lower_ in ("nobody", "none") or (
                c.lower_ == "one" and any(g.lower_ == "no" for g in c.children))):
            return True, 1.0  # "nobody expects Y to back Z": what no one thinks
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in t.children) and any(
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
            for c in t.children) and lemma(t.head) not in WARNING_VERBS:
        return True, 1.0  # "X could sever ties with Y if ...": a condition ("warned it would strike Y if ...": a threat)
    return False, hedge


def _blocks_here(t: Token, via: str, own_denial: bool, check_word: bool, prev: Token | None = None) -> bool:
    """A blocking word or shape at ``t``: "hardly possible", "refused to", "withheld aid meant to", "ruled
    out", "was not able to", "without condemning", "instead of working with"."""
    lem = lemma(t)
    # (not the acomp the cue came through: "X is opposed to Y" is the cue itself, judged below it)
    if t.pos_ in ("AUX", "VERB") and any(c.dep_ == "acomp" and (prev is None or c.i != prev.i) and (lemma(c) in BLOCKERS or any(
            g.dep_ in ("advmod", "neg") and g.lower_ in NEG_ADVERBS for g in c.children)) for c in t.children):
        return True  # "That is hardly possible after ...", "it is unlikely that ..."
    if check_word and (
            (lem in BLOCKERS and t.pos_ in ("VERB", "ADJ", "AUX", "NOUN") and not own_denial)
            or (lem in OBJECT_BLOCKERS and t.pos_ == "VERB" and via == "dobj")
            or (lem in WISH_VERBS and t.pos_ == "VERB" and via == "ccomp" and prev is not None and not any(
                c.dep_ == "nsubj" and c.pos_ == "PRON" for c in prev.children))  # ("hoped they could": their own)
            or any(c.dep_ == "prt" and (f"{lem} {c.lower_}" in BLOCKING_PHRASALS or any(
                f"{lem} {c.lower_} {p.lower_}" in BLOCKING_PHRASALS for p in t.children if p.dep_ == "prep"))
                for c in t.children)
            or (t.pos_ == "ADJ" and lem in ("able",) and any(c.dep_ == "neg" for c in t.children))):
        return True
    if prev is not None and (via == "ccomp" or (
            via == "prep" and prev.lower_ in ("of", "with") and any(c.dep_ == "pcomp" for c in prev.children))) \
            and any(c.dep_ == "advmod" and c.lower_ in FALSITY_ADVERBS for c in t.children):
        return True  # "falsely claimed that Y armed Z", "wrongly accused Y of arming Z": told as untrue
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ in ("without", "instead", "against") \
            and t.head.dep_ == "prep" and t.pos_ == "VERB":
        return True  # "warned X against joining Y", "without condemning Y" (the cue itself included)
    if t.pos_ == "ADJ" and lemma(t) in WEARY_ADJS and prev is not None and prev.dep_ == "prep" and any(
            c.dep_ == "pcomp" for c in prev.children):
        return True  # "tired of funding Y", "wary of backing Y": no longer, or not yet, willing
    if t.dep_ == "pobj" and t.pos_ == "NOUN" and t.head.lower_ == "against" and lemma(t.head.head) in CAUTION_VERBS \
            and not _named_owner(t):
        return True  # "warned X against further attacks on Y": an act warned against, nobody's yet
    if t.lower_ in ("without",) and t.dep_ == "prep":
        return True
    return t.dep_ in ("prep", "mark", "cc") and t.lower_ in ("of", "than") and any(
        c.lower_ in ("instead", "rather") for c in t.children)  # "instead of working with X"
