"""The state every resolver pass reads and writes: candidate mentions, token owners, actors.

Passes claim tokens with :meth:`ResolverState.add` (a mention, or ``None`` to block a span such as a
media outlet), grow mentions with :meth:`extend`, and make actors with :meth:`actor`, so that one
name is one shared :class:`~actorgraph.records.Actor` object per Doc.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc, Token

from ..gazetteer import Entry, Gazetteer
from ..records import Actor
from .gazmatch import GazMatcher
from .index import Mention
from .text import SUBJ_DEPS, affil_name, clean_surface, is_quote
from .vocab import (
    GROUP_NOUNS, HONORIFICS, LOCATIVE_PREPS, NAME_PARTICLES, ROLE_ABBREVIATIONS, ROLE_HEADS, ROLE_MODIFIERS,
    STATE_NOUNS,
)


@dataclass
class ResolverState:
    """One Doc under resolution (token-indexed tables; ``cands`` holds ``None`` for dropped spans)."""

    doc: Doc
    gaz: Gazetteer
    matcher: GazMatcher
    toks: list[Token] = field(default_factory=list)  # one Token per position, made once
    texts: list[str] = field(default_factory=list)  # each token's text, read once
    lowers: list[str] = field(default_factory=list)  # each token's lower-case form, read once (most passes scan them)
    n: int = 0
    owner: list[int] = field(default_factory=list)  # token -> index into cands, -1 if free
    cands: list[Mention | None] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    sent_of: list[int] = field(default_factory=list)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)
    gov: dict[int, int] = field(default_factory=dict)  # government-like noun token -> cand index
    gender: dict[str, str] = field(default_factory=dict)  # person actor name -> "m" | "f"
    demonym_at: dict[int, tuple[int, Entry]] = field(default_factory=dict)
    demonym_end: dict[int, tuple[int, Entry]] = field(default_factory=dict)
    demonym_tok: dict[int, tuple[int, int, Entry]] = field(default_factory=dict)  # every token of a demonym
    pending: list[tuple[int, str]] = field(default_factory=list)  # (cand index, NER label) decided after people
    person_ks: list[int] = field(default_factory=list)
    poss_affil: list[tuple[Actor, int]] = field(default_factory=list)  # (person, cand index of possessor person)
    home: dict[str, str] = field(default_factory=dict)  # person actor name -> US home state ("(D-Calif.)")
    in_quote: list[bool] = field(default_factory=list)
    shouting: list[bool] = field(default_factory=list)  # all-caps headline lines
    title_line: list[bool] = field(default_factory=list)  # title-case headline lines
    state_links_all: dict[str, list[tuple[int, Actor]]] = field(default_factory=dict)
    speaker_cache: dict[int, Actor | None] = field(default_factory=dict)
    leader_governments: set[str] = field(default_factory=set)  # "the Smith administration" made for a leader
    skip: frozenset[str] = frozenset()  # pass and rule ids left out (measurements)

    @cached_property
    def person_words(self) -> frozenset[str]:
        """Every word of a name NER calls a person ("Trump" of "Donald Trump"), read once per article."""
        return frozenset(w for e in self.doc.ents if e.label_ == "PERSON" for w in e.text.split())

    def __post_init__(self) -> None:
        self.toks = list(self.doc)
        self.texts = [t.text for t in self.toks]
        self.lowers = [t.lower_ for t in self.toks]
        self.n = len(self.doc)
        self.owner = [-1] * self.n
        self.sent_of = [0] * self.n

    # -- actors and mentions ---------------------------------------------------
    def actor(self, name: str, type_: str, entry: Entry | None = None) -> Actor:
        a = self.actors.get(name)
        if a is None:
            a = Actor(name=name, type=type_)
            if entry is not None:
                a.affiliation = entry.affiliation
                a.role = entry.role
            self.actors[name] = a
        return a

    def common_word(self, i: int) -> bool:
        """ "Conservatives rally ..." at a sentence start or in a title-case headline, in an article that
        writes "conservatives" in lower case and never capitalises the word mid-sentence: the common noun,
        not the party of that name (an article about the party writes "the Conservatives" mid-sentence; an
        acronym such as "IS" is no common noun)."""
        t = self.toks[i]
        low = t.text.lower()
        if not t.text[1:].islower() or not (self.title_line[i] or self.sent_bounds[self.sent_of[i]][0] == i):
            return False
        if re.search(rf"\b{re.escape(low)}\b", self._text) is None:
            return False
        return t.text not in self._mid_sentence_words

    @cached_property
    def _text(self) -> str:
        return self.doc.text

    @cached_property
    def _mid_sentence_words(self) -> frozenset[str]:
        """Words as written inside a sentence of the body (not a headline nor a sentence start)."""
        return frozenset(x.text for x in self.toks
                         if not self.title_line[x.i] and self.sent_bounds[self.sent_of[x.i]][0] != x.i)

    def surface_actor(self, text: str, type_: str) -> Actor | None:
        """The actor named by a text as written, or None when nothing of a name is left once quotes,
        "the" and a possessive are cut (no actor has an empty name)."""
        name = clean_surface(text)
        return self.actor(name, type_) if any(ch.isalnum() for ch in name) else None

    def entry_actor(self, e: Entry) -> Actor:
        return self.actor(e.name, e.type, e)

    def free(self, s: int, e: int) -> bool:
        return all(self.owner[i] < 0 for i in range(s, e))

    def claimed(self, s: int, e: int) -> set[int]:
        """The candidates (indexes) that own a token of [s, e)."""
        return {self.owner[i] for i in range(s, e) if self.owner[i] >= 0}

    def add(self, s: int, e: int, actors: tuple[Actor, ...] | None, kind: str, head: int | None = None) -> int:
        """Claim tokens [s, e); ``actors=None`` blocks the span (e.g. a media outlet)."""
        k = len(self.cands)
        if actors is None:
            self.cands.append(None)
        else:
            span = self.doc[s:e]
            self.cands.append(Mention(s, e, actors, kind, span.text, span.root.i if head is None else head))
            if kind in ("name", "alias", "metonym") and len(actors) == 1 and actors[0].type != "person":
                actors[0].add_alias(clean_surface(span.text))  # as written, before any extension
        for i in range(s, e):
            self.owner[i] = k
        return k

    def cand_at(self, i: int) -> Mention | None:
        k = self.owner[i] if 0 <= i < self.n else -1
        return self.cands[k] if k >= 0 else None

    def extend(self, k: int, s: int, e: int, absorb: bool = False) -> bool:
        """Grow mention k to cover [s, e); with ``absorb`` other mentions inside are dropped."""
        m = self.cands[k]
        assert m is not None
        ns, ne = min(m.start, s), max(m.end, e)
        others = {self.owner[i] for i in range(ns, ne) if self.owner[i] >= 0 and self.owner[i] != k}
        if others and not absorb:
            return False
        for o in others:
            om = self.cands[o]
            if om is not None and (om.start < ns or om.end > ne):
                return False
        for o in others:
            self.cands[o] = None
        m.start, m.end = ns, ne
        span = self.doc[ns:ne]
        m.text = span.text
        m.head = span.root.i
        for i in range(ns, ne):
            self.owner[i] = k
        return True

    def drop(self, k: int) -> None:
        """Forget candidate k and free its tokens."""
        m = self.cands[k]
        self.cands[k] = None
        if m is not None:
            for i in range(m.start, m.end):
                self.owner[i] = -1

    def alias(self, m: Mention) -> None:
        """Record a person's name as written (without its title) as an alias."""
        if m.kind not in ("name", "alias", "metonym", "surname") or len(m.actors) != 1:
            return
        if m.actors[0].type == "person":  # the name without its title
            s = m.end
            while s > m.start and self.name_token(self.doc[s - 1]):
                s -= 1
            if s < m.end:
                m.actors[0].add_alias(self.doc[s:m.end].text)

    def name_token(self, t: Token) -> bool:
        low = t.lower_
        if t.text == "-" or low in NAME_PARTICLES:
            return True
        return (t.text[:1].isupper() and low not in ROLE_HEADS and low not in ROLE_MODIFIERS
                and low not in HONORIFICS and low not in ROLE_ABBREVIATIONS and t.i not in self.demonym_at
                and not is_quote(t))

    # -- what a mention stands for ----------------------------------------------
    def unit(self, x: Token) -> tuple[int, int, tuple[Actor, ...]] | None:
        """The actor(s) a modifier token stands for: a mention, or a demonym."""
        m = self.cand_at(x.i)
        if m is not None:
            return (m.start, m.end, m.actors) if m.actors and m.actors[0].type != "person" else None
        if self.owner[x.i] < 0 and x.i in self.demonym_tok:
            ds, de, entry = self.demonym_tok[x.i]
            return ds, de, (self.entry_actor(entry),)
        return None

    def person_state(self, person: Actor) -> Actor | None:
        if not person.affiliation:
            return None
        e = self.gaz.lookup(person.affiliation)
        if e is not None:
            return self.entry_actor(e) if e.type == "country" else None
        a = self.actors.get(person.affiliation)
        return a if a is not None and a.type == "country" else None

    def affiliation_of(self, om: Mention) -> str:
        """An organisation unknown to the gazetteer whose name carries a country stands for it."""
        a = om.actors[0]
        if a.type == "organisation" and a.name not in self.gaz.entries:
            for t in self.doc[om.start:om.end]:
                if t.pos_ == "ADP":
                    break  # "the Institute for American Renewal" is not American: only what leads the name
                if t.i in self.demonym_at:
                    return self.demonym_at[t.i][1].name
        return affil_name(a)

    def caucus(self, party: Actor, noun: str, name: str | None = None) -> Actor:
        """A party's members in a legislature, one actor however the party is spelt: "Republican
        lawmakers" for "GOP lawmakers" too, "Democratic senators" for "Democrat senators"; ``name``
        when the caucus is named otherwise ("House Democrats")."""
        caucus = self.actor(name or f"{party.name.split()[0]} {noun}", "group")
        caucus.affiliation = caucus.affiliation or party.name
        return caucus

    def salience(self, m: Mention) -> int:
        """3 subject, 2 object/complement, 1 other, 0 background possessor, -1 a place ("talks in Moscow")."""
        h = self.doc[m.head]
        if h.dep_ in ("poss", "compound", "amod", "nmod") and h.head.i in self.gov \
                and self.cands[self.gov[h.head.i]] is m:
            h = h.head  # "China's foreign ministry said": China acts as the ministry does
        if h.dep_ in SUBJ_DEPS:
            return 3
        if h.dep_ == "pobj" and h.head.lower_ in LOCATIVE_PREPS and m.actors[0].type == "country" \
                and m.kind in ("name", "alias", "metonym"):
            return -1
        if h.dep_ in ("poss", "compound") and self.cand_at(h.head.i) is None:
            return 0  # "Putin's proposals": a possessor is in the background
        if h.dep_ in ("dobj", "pobj", "appos", "attr", "dative", "conj", "nsubj"):
            return 2
        return 1


def fits(a: Actor, noun: str) -> bool:
    """Can this noun stand for the actor ("the Russian government": a country; "IS fighters": a group)?"""
    if a.type == "country":
        return noun in STATE_NOUNS
    if a.type == "group":
        return noun in GROUP_NOUNS or noun in STATE_NOUNS
    return a.type == "organisation" and (noun in GROUP_NOUNS or noun in STATE_NOUNS)
