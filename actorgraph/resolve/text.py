"""Small token and span tests shared by the passes (no state): quotes, headline lines, name shapes,
places, media, role matching."""
from __future__ import annotations

import re
import difflib

from typing import Callable
from spacy.tokens import Doc, Span, Token

from ..gazetteer import Entry
from ..records import Actor
from .vocab import (
    AGENT_PREPS, COPULA_VERBS, STANCE_PREFIXES, TOP_ROLES, LESSER_WORDS, LEGISLATOR_WORDS, LOWER_HOUSE,
    MEDIA_VERBS, ORG_WORDS, NAME_PARTICLES, NAME_SUFFIXES, PLACE_PREPS, PLACE_OF_NOUNS,
    PLACE_ATTACK_VERBS, PERSON_ATTACK_VERBS, REGION_PLURAL_LEMMAS, ATTITUDE_ADJECTIVES, NICKNAMES, JUDGED_OF_VERBS,
    HYPHEN_CUES, DATELINE_DASHES,
)


SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def dateline_dash(doc: Doc, s: int) -> tuple[int, int] | None:
    """A dateline's shape from token ``s`` ("LAS VEGAS (AP) \u2014", "NAIROBI, March 3 (Reuters) -"): (the end of
    its run of capitals, its dash), a spaced dash (not a hyphen: "UN Secretary-General") within ten tokens with
    only punctuation, numbers and capitalised words before it."""
    e = s
    while e < len(doc) and doc[e].is_upper and doc[e].is_alpha and len(doc[e]) > 1:
        e += 1
    if e == s:
        return None
    dash = next((j for j in range(e, min(e + 10, len(doc))) if doc[j].text in DATELINE_DASHES
                 and doc[j - 1].whitespace_ and doc[j].whitespace_), None)
    if dash is None or not all(t.is_punct or t.like_num or t.is_title or t.is_upper for t in doc[e:dash]):
        return None
    return e, dash


def hyphen_cue_after(t: Token) -> str | None:
    """The relation of a hyphened cue right after ``t`` ("UN-backed": backs, "US-led": leads), else None."""
    doc = t.doc
    return HYPHEN_CUES.get(doc[t.i + 2].lower_) if t.i + 2 < len(doc) and doc[t.i + 1].text == "-" else None


def hyphened(c: Token) -> bool:
    """Does a modifier stand before a hyphenated cue other than a leader's ("the UN-backed government of
    Libya", not "the US-led coalition")? The noun is not the modifier's (hyphen.backed reads the tie)."""
    rel = hyphen_cue_after(c)
    return rel is not None and rel != "leads"
SHORT_CAPS = re.compile(r"(?:[A-Z]\.?){1,5}")

QUOTE_CHARS = set("\"'\u2018\u2019\u201c\u201d`")


_SURFACE_POSSESSIVE = re.compile(r"\s*['\u2019]s?$")
_SURFACE_THE = re.compile(r"(?i)^the\s+")
_QUOTE_STRIP = "".join(QUOTE_CHARS)


def clean_surface(text: str) -> str:
    """A name as written without quotes, "the" and a possessive (patterns compiled once: every mention's text)."""
    t = text.strip().strip(_QUOTE_STRIP).strip()
    t = _SURFACE_POSSESSIVE.sub("", t)
    return _SURFACE_THE.sub("", t).strip()


def is_quote(tok: Token) -> bool:
    return tok.text in QUOTE_CHARS or tok.text in ("``", "''")


def line_flags(texts: list[str], min_len: int, capital: Callable[[str], bool], share: float) -> list[bool]:
    """Per token (given as its text): is its line a headline, i.e. are at least 3 and ``share`` of its
    words of at least ``min_len`` letters written with ``capital``?"""
    out = [False] * len(texts)
    start = 0
    n = len(texts)
    for i in range(n + 1):
        if i == n or "\n" in texts[i]:
            words = [w for w in texts[start:i] if len(w) >= min_len and w.isalpha()]
            caps = sum(1 for w in words if capital(w))
            if caps >= 3 and caps >= share * len(words):
                for k in range(start, i):
                    out[k] = True
            start = i + 1
    return out


def shouting_lines(doc: Doc, texts: list[str] | None = None) -> list[bool]:
    """Per token: is it in an all-caps line (a headline), where "IS"/"US" are plain words?"""
    return line_flags(texts if texts is not None else [t.text for t in doc], 2, str.isupper, 0.6)


def title_lines(doc: Doc, texts: list[str] | None = None) -> list[bool]:
    """Per token: is it in a title-case line (a headline: "Senators Warn Lowe Over Tariffs")?"""
    return line_flags(texts if texts is not None else [t.text for t in doc], 4, lambda w: w[:1].isupper(), 0.8)


_OPEN_QUOTES = {"\u201c", "``"}


_CLOSE_QUOTES = {"\u201d", "''"}


def quoted(doc: Doc, texts: list[str] | None = None) -> list[bool]:
    """Per token: inside double quotation marks (straight quotes toggle; a new paragraph closes)."""
    out = [False] * len(doc)
    inside = False
    for i, txt in enumerate(texts if texts is not None else [t.text for t in doc]):
        if "\n" in txt and txt.isspace():
            inside = False
        elif txt in _OPEN_QUOTES:
            inside = True
        elif txt in _CLOSE_QUOTES:
            inside = False
        elif txt == '"':
            inside = not inside
        else:
            out[i] = inside
    return out


def attitude_copula(t: Token) -> bool:
    """"it was concerned", "it is ready to talk": "it" is someone, not an expletive."""
    h = t.head
    if t.dep_ != "nsubj" or h.lemma_ not in COPULA_VERBS:
        return False
    return any(c.dep_ == "acomp" and c.lower_ in ATTITUDE_ADJECTIVES for c in h.children)


def stance_prefixed(doc: Doc, i: int) -> bool:
    """Is the word at i joined by a hyphen to "pro"/"anti" ("pro-Russian", "anti-Israel")?"""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES \
        and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_


def junk_word(t: Token) -> bool:
    """A lower-case word or a dash that NER glued to a name's edge ("Joe Biden - for")."""
    return (t.text[:1].islower() and t.lower_ not in NAME_PARTICLES) or t.text in ("-", "\u2013", "\u2014")


def name_words(toks: list) -> list:
    """A name's words without a generational suffix (and its comma) at the end; Tokens or strings."""
    def text(t) -> str:
        return t if isinstance(t, str) else t.text
    out = list(toks)
    while len(out) > 2 and text(out[-1]).lower() in NAME_SUFFIXES:
        out.pop()
        if out and text(out[-1]) == ",":
            out.pop()
    return out


def display_name(span: Span) -> str:
    """A person's canonical name: as written, without middle initials or a generational suffix
    ("Adam B. Schiff" -> "Adam Schiff", "Robert S. Mueller III" -> "Robert Mueller")."""
    toks = name_words(list(span))
    keep = [t for k, t in enumerate(toks) if not (0 < k < len(toks) - 1 and re.fullmatch(r"[A-Z]\.", t.text))]
    out = ""
    for k, t in enumerate(keep):
        out += t.text
        if k < len(keep) - 1:
            out += t.whitespace_ if t.whitespace_ or keep[k + 1].i == t.i + 1 else " "
    return out


def person_name_ok(span: Span) -> bool:
    if not 1 <= len(span) <= 6:
        return False
    for t in span:
        if any(ch.isdigit() for ch in t.text):
            return False
        if t.text in ("-", ".") or t.lower_ in NAME_PARTICLES or (t.i > span.start and span.doc[t.i - 1].text == "-"):
            continue
        if not t.text[:1].isupper():
            return False
    return span[0].text[:1].isupper()


def looks_like_org(span: Span) -> bool:
    return any(t.lower_ in ORG_WORDS for t in span)


def is_media(doc: Doc, s: int, e: int) -> bool:
    """A news outlet used as the channel ("told the Post"): no actor there. An outlet that takes or meets a
    stance ("Trump attacked the Post", "the Times endorsed Clinton") is an organisation like any other."""
    root = doc[s:e].root
    return root.dep_ in ("dobj", "dative") and root.head.lower_ in MEDIA_VERBS


def place_use(span: Span, person: bool = False) -> bool:
    """Is an unknown name used as a place ("in the Sahel", "control of Sagaing", "Sahel juntas")?"""
    root = span.root
    if root.dep_ == "pobj":
        prep = root.head
        return prep.lower_ in PLACE_PREPS or (prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_OF_NOUNS
                                               and prep.head.pos_ == "NOUN")
    if root.dep_ == "dobj" and root.head.lemma_ in PLACE_ATTACK_VERBS \
            and not (person and root.head.lemma_ in PERSON_ATTACK_VERBS):
        return True  # "shelled Zaporizhzhia", "captured Pokrovsk": a town fought over ("He strikes Obama")
    return root.dep_ == "compound" and root.head.tag_ == "NNS" and root.head.lemma_ in REGION_PLURAL_LEMMAS


def agentive(span: Span) -> bool:
    """Is a place name used as a doer ("Texas sued"), not as a location ("in Texas")?"""
    root = span.root
    if root.dep_ in SUBJ_DEPS or root.dep_ in ("dobj", "poss"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in AGENT_PREPS


def judged_of(t: Token) -> bool:
    """ "accused the bureau of bias", "accused the two of lying": the "of" phrase after the object of a verb
    that judges someone of something belongs to the verb, not to the object."""
    return t.dep_ == "dobj" and t.head.lemma_.lower() in JUDGED_OF_VERBS


def same_office(ref: str, head: str) -> bool:
    """"the lawmaker" for a senator, "the congresswoman" for a representative."""
    if ref in ("lawmaker", "legislator"):
        return head in LEGISLATOR_WORDS
    if ref in LOWER_HOUSE:
        return head in LOWER_HOUSE or head == "lawmaker"
    return ref == "senator" and head == "lawmaker"


def role_match(ref: str, role: str | None) -> bool:
    if not role:
        return False
    if ref == role:
        return True
    rw, pw = ref.split(), role.split(" of ")[0].split()  # "the secretary": the secretary of state
    lesser = any(w in LESSER_WORDS for w in pw[:-1])
    if len(rw) == 1 and (pw[-1] == rw[0] or same_office(rw[0], pw[-1])):
        return not lesser
    if ref == "leader":  # "the Ukrainian leader": the head of state or government
        return not lesser and (pw[-1] in TOP_ROLES or role == "prime minister")
    if len(rw) > 1 and pw and (pw[-1] == rw[-1] or same_office(rw[-1], pw[-1])) and set(rw[:-1]) <= set(pw[:-1]) \
            and set(rw) & LESSER_WORDS == set(pw) & LESSER_WORDS:
        return True  # "the former prime minister" for the "former Pakistani prime minister"
    return False


def affil_name(a: Actor | Entry) -> str:
    """Whom a person of this body speaks for: a state body's state ("State Duma" -> Russia)."""
    return a.affiliation if a.type == "organisation" and a.affiliation else a.name


def spelling_variant(a: str, b: str) -> bool:
    """Transliteration variants of one surname: "zelenskiy"/"zelensky", "mirsky"/"mirski"."""
    if a == b or len(a) < 5 or len(b) < 5 or a[:4] != b[:4] or abs(len(a) - len(b)) > 2:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def first_compatible(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    a, b = NICKNAMES.get(a, a), NICKNAMES.get(b, b)
    return a == b or a[:3] == b[:3] or (len(a) <= 2 and b.startswith(a.rstrip("."))) or (len(b) <= 2 and a.startswith(b.rstrip(".")))


def name_suffix(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A shorter form that is the end of a full name: "Aung Hlaing" of "Min Aung Hlaing", "Von der Leyen"
    of "Ursula von der Leyen" (a particle capitalised at a sentence's start)."""
    return 1 < len(short) < len(full) and [w.lower() for w in full[-len(short):]] == [w.lower() for w in short]
