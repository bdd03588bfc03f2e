"""The gazetteer's names as spaCy PhraseMatchers (built once per vocab and gazetteer), and tables
derived from the gazetteer that some passes need (long organisation names, state bodies)."""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..gazetteer import Entry, Gazetteer
from .text import SHORT_CAPS


@dataclass(frozen=True)
class Pattern:
    entry: Entry
    kind: str  # name | alias | metonym | demonym
    caps: tuple[bool, ...]  # which pattern tokens start upper-case (must match upper-case)
    short_caps: bool  # an all-caps abbreviation (matched by ORTH)


class GazMatcher:
    """PhraseMatchers over a gazetteer's names, built once per (vocab, gazetteer)."""

    def __init__(self, nlp: Language, gaz: Gazetteer):
        self.gaz = gaz
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.patterns: dict[int, Pattern] = {}
        # surface form -> (entry, kind); later rows win, as in Gazetteer.lookup
        surface: dict[tuple[bool, str], tuple[Entry, str]] = {}
        for e in gaz.entries.values():
            groups = (("name", [e.name]), ("alias", e.aliases), ("metonym", e.metonyms), ("demonym", e.demonyms))
            for kind, names in groups:
                for raw in names:
                    text = re.sub(r"(?i)^the\s+", "", raw.strip().strip("\"'")).strip()
                    if text:
                        k = (kind == "demonym", text)
                        surface.pop(k, None)
                        surface[k] = (e, kind)
        lower_docs: dict[str, list[Doc]] = {}
        orth_docs: dict[str, list[Doc]] = {}
        for (_, text), (e, kind) in surface.items():
            short = bool(SHORT_CAPS.fullmatch(text))
            key = f"ag\x1f{kind}\x1f{e.name}\x1f{text}"
            pdoc = nlp.make_doc(text)
            self.patterns[nlp.vocab.strings.add(key)] = Pattern(e, kind, tuple(t.text[:1].isupper() for t in pdoc), short)
            if short:
                variants = {text}
                letters = text.replace(".", "")
                if len(letters) >= 4 and "." not in text and kind != "metonym":
                    variants.add(letters.title())  # "Nato", "Isil" (not an agency's "Irna", a given name)
                if "." not in text and letters.isalpha():
                    variants.add(".".join(letters) + ".")  # older copy's "P.L.O.", "N.A.T.O."
                orth_docs.setdefault(key, []).extend(nlp.make_doc(v) for v in variants)
            else:
                lower_docs.setdefault(key, []).append(pdoc)
        for key, docs in lower_docs.items():
            self.lower.add(key, docs)
        for key, docs in orth_docs.items():
            self.orth.add(key, docs)

    def __call__(self, doc: Doc, shouting: list[bool]) -> list[tuple[int, int, Pattern]]:
        out = []
        for mid, s, e in self.lower(doc):
            pat = self.patterns[mid]
            if all(doc[s + k].text[:1].isupper() or not up for k, up in enumerate(pat.caps)):
                out.append((s, e, pat))
        for mid, s, e in self.orth(doc):
            pat = self.patterns[mid]
            if shouting[s] and doc[s].is_stop:
                continue  # "IS" / "US" in an all-caps headline are the words
            out.append((s, e, pat))
        return out


_MATCHERS: "weakref.WeakKeyDictionary[Gazetteer, dict[int, GazMatcher]]" = weakref.WeakKeyDictionary()


def matcher_for(nlp: Language, gaz: Gazetteer) -> GazMatcher:
    per_vocab = _MATCHERS.setdefault(gaz, {})
    m = per_vocab.get(id(nlp.vocab))
    if m is None:
        m = per_vocab[id(nlp.vocab)] = GazMatcher(nlp, gaz)
    return m


_LONG_NAMES: "weakref.WeakKeyDictionary[Gazetteer, dict[str, list[Entry]]]" = weakref.WeakKeyDictionary()


def long_names(gaz: Gazetteer) -> dict[str, list[Entry]]:
    """Gazetteer organisations by the words before their "of"/"for" ("supreme court": Supreme Court of X)."""
    table = _LONG_NAMES.get(gaz)
    if table is None:
        table = {}
        for e in gaz.entries.values():
            if e.type in ("organisation", "group"):
                m = re.match(r"(.+?) (?:of|for) ", e.name)
                if m:
                    table.setdefault(m.group(1).lower(), []).append(e)
        _LONG_NAMES[gaz] = table
    return table


_BODY_WORDS: "weakref.WeakKeyDictionary[Gazetteer, dict[tuple[str, str], list[Entry]]]" = weakref.WeakKeyDictionary()


def body_words(gaz: Gazetteer) -> dict[tuple[str, str], list[Entry]]:
    """State bodies by (state, first word after the state's name): ("United States", "senate") ->
    United States Senate, ("United States", "house") -> ... House of Representatives."""
    table = _BODY_WORDS.get(gaz)
    if table is None:
        table = {}
        for e in gaz.entries.values():
            state = gaz.entries.get(e.affiliation) if e.affiliation else None
            if e.type != "organisation" or state is None or state.type != "country":
                continue
            prefixes = sorted({n.lower() for n in (state.name, *state.aliases)}, key=len, reverse=True)
            words: set[str] = set()
            for n in (e.name, *e.aliases):
                low = n.lower()
                for pre in prefixes:
                    if low.startswith(pre + " "):
                        rest = low[len(pre) + 1:].split()
                        if rest and rest[0].isalpha() and rest[0] not in ("of", "for", "and", "the"):
                            words.add(rest[0])
                        break
            for w in words:
                table.setdefault((state.name, w), []).append(e)
        _BODY_WORDS[gaz] = table
    return table


_NAME_WORDS: "weakref.WeakKeyDictionary[Gazetteer, dict[str, dict[str, list[Entry]]]]" = weakref.WeakKeyDictionary()


def name_words(gaz: Gazetteer) -> dict[str, dict[str, list[Entry]]]:
    """The states' bodies and parties by a word of their name: "congress" -> {"India": [Indian National
    Congress], "China": [National People's Congress], ...} (``orgs.home_word``)."""
    table = _NAME_WORDS.get(gaz)
    if table is None:
        table = {}
        for e in gaz.entries.values():
            if e.affiliation and e.type in ("organisation", "group"):
                for w in set(e.name.lower().split()):
                    table.setdefault(w, {}).setdefault(e.affiliation, []).append(e)
        _NAME_WORDS[gaz] = table
    return table
