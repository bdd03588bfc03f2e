"""Entity bounds without what NER glues to a name: determiners, quotes, titles, possessives, verbs,
repeated link text; and names NER cuts short, completed."""
from __future__ import annotations

import functools
import re

from spacy.tokens import Span

from .text import is_quote, junk_word
from .vocab import (ROLE_HEADS, ROLE_MODIFIERS, ROLE_ABBREVIATIONS, HONORIFICS, ORG_WORDS, NAME_PARTICLES, NAME_PREFIXES,
                    COMPOUND_HEADS)


def trim(ent: Span) -> tuple[int, int]:
    """Entity bounds without determiners, quotes, honorifics/titles (for people) and possessives; empty
    for an entity NER draws over a bare line break (it would be an actor without a name)."""
    s, e = ent.start, ent.end
    doc = ent.doc
    if all(t.is_space for t in ent):
        return s, s  # NER's entity over a bare line break: no name at all
    person = ent.label_ == "PERSON"
    while s < e and _lead(doc[s], person):
        s += 1
    while e > s and _tail(doc[e - 1], person):
        e -= 1  # (NER's "Joe Biden - for": no lower-case function words at a name's edges)
    for j in range(s + 1, min(s + 3, e - 1)):  # NER's "Later the Supreme Court"
        if doc[j].lower_ == "the" and all(doc[x].pos_ in ("ADV", "ADP", "SCONJ", "CCONJ") for x in range(s, j)):
            s = j + 1
            break
    if person:
        while s < e - 1 and (junk_word(doc[s]) or doc[s].is_punct or (doc[s].is_stop and doc[s].pos_ != "PROPN")):
            s += 1
    while e - s > 1 and doc[e - 1].pos_ in ("VERB", "AUX") and doc[e - 1].text[:1].islower():
        e -= 1  # NER's "Trump attacked" (ORG): no verb at a name's end
    for j in range(s + 1, e - 1):  # NER's "Lowe's 2020" (ORG): the possessor, not a name
        if doc[j].text in ("'s", "\u2019s") and all(x.like_num or x.text[:1].islower() for x in doc[j + 1:e]):
            e = j
            break
    if person:
        # "Ex-Trump", "anti-Smith": a prefix joined by a hyphen is not a first name
        while e - s > 2 and doc[s].lower_ in NAME_PREFIXES and doc[s + 1].text == "-" and not doc[s].whitespace_ \
                and not doc[s + 1].whitespace_:
            s += 2
        # web boilerplate repeats a name ("Ann Lowe Ann LoweNewsletter"): the first copy
        for j in range(s + 2, e):
            if doc[j].text == doc[s].text and doc[j].is_title:
                e = j
                break
        glued = re.fullmatch(r"([A-Z][a-z]+)[A-Z][a-z]{2,}", doc[e - 1].text) if e - s >= 2 else None
        if glued and any(t.text == glued.group(1) for t in doc[max(0, s - 3):e - 1]):
            e -= 1  # "Ann LoweNewsletter": a link's text glued to the name written just before
        glued = re.fullmatch(r"([A-Z][a-z]+)[A-Z][a-z]{2,}\.?", doc[e].text) if e - s >= 2 and e < len(doc) else None
        if glued and glued.group(1) == doc[s].text:
            e = s + 1  # "Lowe Ann LoweJan.": the surname, then the start of the name repeated with glue
        # a headline in title case glues the verb on ("Ann Lowe Goes On Trial")
        while e - s > 2 and doc[e - 1].tag_ in ("VBZ", "VBD", "VBP") and doc[e - 1].is_title:
            e -= 1
    if e - s > 1 and _glued_verb(doc, s):
        s += 1  # a title-case headline's verb glued in front of the name ("Chile, Peru Condemn Bolivia")
    if not person and e - s > 1 and doc[e - 1].lower_ in ("of", "for"):
        e = _of_tail(doc, e)
    if person:  # NER cuts "Moon Jae-in" at the hyphen (not "Ann Lowe-led", "Lowe-era": a compound's head)
        while e - s > 1 and e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ \
                and not doc[e].whitespace_ and doc[e + 1].is_alpha and doc[e + 1].tag_ not in ("VBN", "VBD", "VBG", "JJ") \
                and doc[e + 1].lower_ not in COMPOUND_HEADS:
            e += 2
    if person and e > s:
        e = name_tail(doc, s, e)
    return particle_bridge(doc, s, e, back=not person) if e > s and ent.label_ != "NORP" else (s, e)


def _lead(t, person: bool) -> bool:
    """A determiner, quote or punctuation NER put before a name; before a person's, a title too (one Token and
    one lower-case read per word: every entity is trimmed)."""
    low = t.lower_
    return low in ("the", "a", "an") or is_quote(t) or t.is_punct or (person and (
        low in HONORIFICS or low in ROLE_HEADS or low in ROLE_ABBREVIATIONS or low in ROLE_MODIFIERS))


def _tail(t, person: bool) -> bool:
    """A possessive, quote or punctuation NER put after a name; after a person's, a glued lower-case word too."""
    return t.text in ("'s", "'", "\u2019s", "\u2019") or is_quote(t) or t.is_punct or (person and junk_word(t))


def particle_bridge(doc, s: int, e: int, back: bool = True) -> tuple[int, int]:
    """NER cuts names at their lower-case particles ("Banco" | do | "Brasil", "Partido de la" | Revolucion,
    Banca dei Mercanti di | "Lucca"): the name goes on over a particle to the capitalised words beyond it
    (``back``: before it too; not for a person, whose title may stand there), within its sentence."""
    sent = doc[s].sent if doc.has_annotation("SENT_START") else doc[:]
    while e - s > 1 and _particle(doc[e - 1]):
        e -= 1
    e = _bridged(doc, e, 1, sent.end)
    return (_bridged(doc, s, -1, sent.start) if back else s), e


def _bridged(doc, edge: int, step: int, limit: int) -> int:
    """``edge`` (an exclusive end going forward, a start going back) moved over up to two particles and then
    up to three name words, as long as both are there."""
    at = (lambda i: doc[i]) if step > 0 else (lambda i: doc[i - 1])
    while True:
        j = edge
        while j != limit and abs(j - edge) < 2 and _particle(at(j)):
            j += step
        k = j
        while j != edge and k != limit and abs(k - j) < 3 and _name_word(at(k)):
            k += step
        if k == j:
            return edge
        edge = k


def _particle(t) -> bool:
    """(the tagger may take "do" in "Banco do Brasil" for an auxiliary: never one with dependents of its own,
    nor one after a word that is not a subject, "criticism of China do Republicans"; a particle that opens
    another name is that name's: "Ford" | "van Ahmed Khan")"""
    return t.lower_ in NAME_PARTICLES and t.text.islower() and t.pos_ != "PRON" and t.ent_iob_ != "B" \
        and not (
        t.pos_ in ("VERB", "AUX") and (t.dep_ == "ROOT" or t.head.i == t.i + 1 or any(True for _ in t.children)
                                       or t.i == 0 or t.doc[t.i - 1].dep_ not in ("nsubj", "compound")))


def _name_word(t) -> bool:
    return t.pos_ in ("PROPN", "NOUN") and t.is_title and t.is_alpha and t.lower_ not in ROLE_HEADS \
        and t.lower_ not in HONORIFICS and t.lower_ not in ROLE_ABBREVIATIONS


def _glued_verb(doc, s: int) -> bool:
    """A capitalised stance verb right after a name or comma in a title-case headline (a first line with a
    body after it): "Chile, Peru Condemn Bolivia" (not "UN envoy Park Ji-hoon criticised ...")."""
    t = doc[s]
    if s == 0 or not t.is_title or doc[s - 1].pos_ not in ("PROPN", "PUNCT") or s > _headline_end(doc):
        return False
    low = t.lower_
    return low in _object_verbs() or (low.endswith("s") and low[:-1] in _object_verbs())


def _headline_end(doc) -> int:
    """The last token of a title-case first line with a body after it, else -1 (once per Doc)."""
    key = "actorgraph.headline_end"
    if key not in doc.user_data:
        end = next((j for j, x in enumerate(doc) if "\n" in x.text_with_ws), -1)
        words = [x for x in doc[:end + 1] if x.is_alpha] if end >= 0 else []
        title = bool(words) and sum(x.is_title or x.is_upper for x in words) >= 0.8 * len(words)
        doc.user_data[key] = end if title else -1
    return doc.user_data[key]


@functools.lru_cache(maxsize=1)
def _object_verbs() -> frozenset[str]:
    """Verb cues with a direct object (the rules' table; read late, the rules import the resolver)."""
    from ..rules.vocab import VERB_CUES
    return frozenset(v for v, slots in VERB_CUES.items() if "obj" in slots)


def _of_tail(doc, e: int) -> int:
    """NER's "The Supreme Court of" | "Chile": the name goes on to its place, or stops before the "of"."""
    k = e
    while k < len(doc) and k - e < 3 and doc[k].pos_ == "PROPN" and doc[k].is_title:
        k += 1
    return k if k > e else e - 1


def name_tail(doc, s: int, e: int) -> int:
    """NER cuts long names short ("Min Aung" Hlaing, "Maria Corina" Machado, "Ursula von der" Leyen): when
    the name's last word is a compound of a capitalised word right after it (or a particle), that word (and
    up to one more between) ends the name. Not over another entity of several words ("Trump White House")."""
    last = doc[e - 1]
    if e + 2 < len(doc) and doc[e].lower_ in NAME_PARTICLES and doc[e].text[:1].islower() \
            and doc[e + 1].text == "-" and doc[e + 2].text[:1].isupper() and doc[e + 2].is_alpha and e - s < 4:
        return e + 3  # "Mohammad Zia" ul-Haq, "Bashar" al-Assad: the hyphened particle and name go on
    end = last.head.i if last.dep_ == "compound" else -1
    if last.lower_ in NAME_PARTICLES and last.text[:1].islower() and e < len(doc):
        end = e  # a name does not end in a particle ("Ursula von der" Leyen), however parsed
    if not e <= end <= e + 1 or e - s + (end - e + 1) > 5:
        return e
    for t in doc[e:end + 1]:
        if t.pos_ != "PROPN" or not (t.is_title and t.is_alpha) or t.lower_ in ROLE_HEADS \
                or t.lower_ in ORG_WORDS or (t.ent_iob_ != "O" and t.ent_type_ not in ("PERSON", "GPE", "NORP")) \
                or (t.ent_iob_ == "B" and t.i + 1 < len(doc) and doc[t.i + 1].ent_iob_ == "I") \
                or (t.ent_iob_ == "I" and t.i > e):
            return e
    return end + 1
