"""The rule registry: every stance construction is a small function registered under a stable id.

A rule declares what triggers it: the part of speech of the token (``verb``,
``noun``, ``adj``, ``any``; ``sentence`` rules run once per sentence) and the
lexicon entries its lemma (or lower-case form) must be in. The dispatcher runs,
for each token of a sentence, every rule whose trigger matches, part of speech
by part of speech (verb, noun, adjective, any) and within one in ``order``; a
rule that calls a shared construction whose statements carry their own id
declares those ids in ``emits``. Every statement carries the id of the rule
that made it, so ``benchmarks/rule_report.py`` can measure each one.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable, Iterable

from spacy.tokens import Token

from . import vocab
from .base import lemma

POS_GROUPS = ("verb", "noun", "adj", "any")


@dataclass(frozen=True)
class Rule:
    id: str
    fn: Callable
    pos: str  # verb | noun | adj | any | sentence
    words: tuple[str, ...] = ()  # lexicon tables/classes (names) whose entries trigger it
    match: str = "lemma"  # lemma | lower | lemma|lower: which form of the token is looked up
    when: Callable[[Token, str, str], bool] | None = None  # extra test on (token, lemma, part of speech)
    emits: tuple[str, ...] = ()  # ids of shared constructions it may emit through
    order: int = 0
    doc: str = ""
    lookup: tuple = field(default=(), compare=False, repr=False)

    def key(self, t: Token, lem: str) -> str | None:
        """The word the trigger matched (None when the rule is not triggered by this token); the dispatcher
        uses :meth:`key_of` through its tables, this is the one-token form the tests check."""
        return self.key_of(lem, t.lower_)

    def key_of(self, lem: str, lower: str) -> str | None:
        """:meth:`key` for a token's lemma and lower-case form."""
        if not self.lookup:
            return lem
        if "lemma" in self.match and any(lem in w for w in self.lookup):
            return lem
        if "lower" in self.match and any(lower in w for w in self.lookup):
            return lower
        return None


RULES: dict[str, Rule] = {}
#: Ids of shared constructions (emitted from inside other rules) with their docs.
SHARED: dict[str, str] = {}


def rule(rule_id: str, *, pos: str, words: str | Iterable[str] = (), match: str = "lemma",
         when: Callable[[Token, str, str], bool] | None = None, emits: Iterable[str] = (), order: int | None = None):
    """Register ``fn(ctx, token, key)`` (``fn(ctx)`` for sentence rules) under ``rule_id``."""
    names = (words,) if isinstance(words, str) else tuple(words)

    def deco(fn: Callable) -> Callable:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id!r} registered twice")
        RULES[rule_id] = Rule(rule_id, fn, pos, names, match, when, tuple(emits),
                              len(RULES) + 1000 if order is None else order,
                              (fn.__doc__ or "").strip().split("\n")[0], tuple(vocab.lookup(n) for n in names))
        return fn

    return deco


def shared(rule_id: str, doc: str) -> str:
    """Declare the id of a construction other rules call (its statements carry this id)."""
    SHARED[rule_id] = doc
    return rule_id


def rule_ids() -> list[str]:
    """Every id a statement can carry: the registered rules and the shared constructions."""
    return sorted(set(RULES) | set(SHARED) | {e for r in RULES.values() for e in r.emits})


def _by_pos() -> dict[str, list[Rule]]:
    out = {p: sorted((r for r in RULES.values() if r.pos == p), key=lambda r: r.order) for p in (*POS_GROUPS, "sentence")}
    return out


#: How many pairs of word forms the dispatch tables keep before starting afresh.
_CACHE_CAP = 100_000


@dataclass
class _Index:
    """One part of speech's rules, found by the word that triggers them: most tokens trigger no
    lexicon rule, so only the few rules without a word list are tried on them."""

    always: list[Rule]
    by_word: dict[tuple[str, str], list[Rule]]  # ("lemma" | "lower", word) -> rules it triggers
    merged: dict[tuple[str, str], list[Rule]] = field(default_factory=dict)
    keyed: dict[tuple[str, str], list[tuple[Rule, str]]] = field(default_factory=dict)

    def candidates(self, lem: str, lower: str) -> list[Rule]:
        key = (lem, lower)
        if len(self.merged) >= _CACHE_CAP:
            self.merged.clear()  # (kept per pair of word forms; a long run meets ever more of them)
        if key not in self.merged:
            hit = self.by_word.get(("lemma", lem), []) + self.by_word.get(("lower", lower), [])
            self.merged[key] = sorted({id(r): r for r in (*self.always, *hit)}.values(), key=lambda r: r.order) \
                if hit else self.always
        return self.merged[key]

    def triggered(self, lem: str, lower: str) -> list[tuple[Rule, str]]:
        """The candidates a token's forms trigger, each with the word it matched (as :meth:`Rule.key` gives
        it), kept per pair of forms: the dispatcher asks this of every token."""
        key = (lem, lower)
        got = self.keyed.get(key)
        if got is None:
            if len(self.keyed) >= _CACHE_CAP:
                self.keyed.clear()
            got = self.keyed[key] = [(r, k) for r in self.candidates(lem, lower)
                                     if (k := r.key_of(lem, lower)) is not None]
        return got


def _index(rules: list[Rule]) -> _Index:
    by_word: dict[tuple[str, str], list[Rule]] = {}
    for r in rules:
        for form in ("lemma", "lower"):
            if r.lookup and form in r.match:
                for w in {w for table_ in r.lookup for w in table_}:
                    by_word.setdefault((form, w), []).append(r)
    return _Index([r for r in rules if not r.lookup], by_word)


_TABLE: dict[str, list[Rule]] = {}
_INDEX: dict[str, _Index] = {}


def table() -> dict[str, list[Rule]]:
    if not _TABLE:
        _TABLE.update(_by_pos())
    return _TABLE


def index() -> dict[str, _Index]:
    if not _INDEX:
        _INDEX.update({p: _index(rules) for p, rules in table().items() if p != "sentence"})
    return _INDEX


def groups(t: Token) -> tuple[tuple[str, str], ...]:
    """The part-of-speech groups a token triggers rules in, each with the part of speech the rules see."""
    pos, tag = t.pos_, t.tag_  # (each read once: this runs on every token)
    if pos == "NOUN" and tag == "NNS" and t.dep_ == "ROOT" and lemma(t) in vocab.VERB_CUES and any(
            c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in t.children):
        pos = "VERB"  # a headline verb tagged as a plural noun: "Niger summons Benin envoy"
    elif pos == "ADV" and _modal_adverb(t):
        pos = "VERB"  # "they would back X" with "back" tagged as an adverb
    return _groups_of(pos, tag)


@functools.lru_cache(maxsize=None)
def _groups_of(pos: str, tag: str) -> tuple[tuple[str, str], ...]:
    """:func:`groups` for the part of speech the rules see and the tag (a few hundred pairs, built once each)."""
    out = []
    if pos in ("VERB", "AUX") or (pos == "ADJ" and tag == "VBN"):
        out.append(("verb", pos))
    if pos in ("NOUN", "PROPN"):
        out.append(("noun", pos))
    if pos == "ADJ" or tag in ("JJ", "VBN"):
        out.append(("adj", pos))
    out.append(("any", pos))
    return tuple(out)


_RULE_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ"})


def _modal_adverb(t: Token) -> bool:
    return t.pos_ == "ADV" and lemma(t) in vocab.VERB_CUES and any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children)


def run_token(ctx, t: Token) -> None:
    """Every rule the token triggers, in order."""
    rules = index()
    if not rules["any"].always and not rules["any"].by_word and t.pos_ not in _RULE_POS \
            and t.tag_ not in ("JJ", "VBN") and not _modal_adverb(t):
        return  # punctuation, determiners, prepositions...: only "any" rules could see them, and there are none
    lem, low = lemma(t), t.lower_
    for group, pos in groups(t):
        for r, key in rules[group].triggered(lem, low):
            if r.when is not None and not r.when(t, lem, pos):
                continue
            ctx.rule = r.id
            r.fn(ctx, t, key)


def run_sentence(ctx) -> None:
    for r in table()["sentence"]:
        ctx.rule = r.id
        r.fn(ctx)
