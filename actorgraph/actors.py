"""Actor recognition and in-article resolution: the spaCy component ``actorgraph_actors``.

API (the stances stage codes against exactly this)::

    import actorgraph.actors  # registers the factory and the Doc extension
    nlp.add_pipe("actorgraph_actors", after="ner")          # bundled gazetteer
    nlp.add_pipe("actorgraph_actors", config={"gazetteer_files": ["mine.csv"]})
    nlp.get_pipe("actorgraph_actors").gazetteer = gaz       # or any Gazetteer object
    doc = nlp(text)
    index: ActorIndex = doc._.actors
    index.actors            # canonical name -> records.Actor (one shared object per name)
    index.mentions          # list[Mention], document order, non-overlapping
    index.mention_at(tok)   # mention covering a token (Token or token index)
    index.mention_for(tok)  # mention headed by / covering the token, or the actor a
                            # government-like NP stands for ("the Russian government" -> Russia)

``Mention(start, end, actors, kind, text, head)``: token offsets (end exclusive), the
actor(s) it refers to (two for "the two", a conjunction for "they"), kind one of
name | alias | metonym | demonym | surname | role | pronoun | group, surface text,
and the index of its syntactic head token.

Why the shapes: spaCy's multiprocessing ships Docs back with ``Doc.to_bytes`` (msgpack),
so the component stores a plain-data form in ``doc.user_data`` and ``doc._.actors`` is a
getter that rebuilds (and caches) the ``ActorIndex``; the index itself is plain
dataclasses with token indices, so it also pickles.

Decisions (general rules, not per article):
- The gazetteer names the actor whenever it knows the name; NER adds people and unknown
  organisations. Unknown GPE are actors only as doers ("Texas sued"), unknown LOC/FAC never;
  regions are not actors unless the gazetteer lists them. Media outlets (an ORG next to
  "newspaper", "agency", "told" ...) are not actors: quotes come from them, stances do not.
- Short all-caps abbreviations ("IS", "US") match case-sensitively, and not in all-caps lines
  (headlines) where they are ordinary words.
- People: canonical name = the longest form in the article without middle initials; a bare name
  is the person with that surname (several: the one named last before), else, for family-name-
  first names, the one with that first name ("Moon" -> Moon Jae-in), else a spelling variant
  ("Zelenskiy"). The title in front ("Russian Foreign Minister") or an apposition ("X, the
  Kremlin spokesman") gives role and affiliation; a state body's affiliation is its state.
  Person mentions cover their title.
- Demonyms alone ("Russian media") are not actors; heading a government-like noun they are
  ("the Russian government", "Syrian government forces" -> the country, "Kurdish fighters"
  -> the group; "Chinese and US officials" -> both). "<Person> regime" -> the person's state.
  A bare "the junta"/"the government" is the state last called so, else the nearest country
  that is not the speaker; "the country"/"the kingdom" the most salient recent country.
- Role references ("the Russian president", "the Ukrainian leader") resolve only to a named
  person with that role (and affiliation) in the article; otherwise they stay unresolved.
- Pronouns: he/she -> a person (gender from Mr./Ms., gendered roles), it/its -> one state or
  organisation, they/their -> a group, a conjunction or a plural mention; same sentence first
  (possessives: "X and his" -> X, object control, else the subject), else the most salient
  mention (subject > object > other) of the previous two sentences. Expletive/thing "it" and
  pronouns that a nearer non-actor subject explains stay unresolved; a pronoun outside quotes
  does not refer into the quote of its own sentence.
- "the two", "both (sides)", "the three countries": that many recent distinct actors of the
  fitting type.
- Short references: "the North" is the one actor named earlier whose name starts with "North".
  A bare capitalised name that "said"/"told" something is a person even when NER missed it; a
  one-word country name that is the surname of a person named in full is that person ("Rep. Jim
  Jordan ... Jordan said"). A surname shared by relatives is the person introduced first, unless
  Mr./Mrs./Ms. points to the other; nicknames ("Bob"/"Robert") and fuller first names join one person.
- Affiliation also from "X of <actor>" and US party tags ("(D-Calif.)", "R-S.C." -> the party);
  "it was concerned" (an attitude) is not an expletive. A person's gender is learned from a
  pronoun when the person is the only one in its sentence, and known genders come first, except
  that the subject of a verb above a he/she ("X, speaking ..., said that he") binds it.
- A bare "the Senate", "the House", "the Navy" is that body of the state in focus (the one the
  article's countries, state bodies and national parties point to most, at least twice), when the
  gazetteer has one.
- Names the model mangles: a title right before ("House Financial Services Chair Jane Roe") or a
  party tag right after ("Jane Roe (D-Calif.)") marks a person the model missed or took for an
  organisation; generational suffixes ("III", "Jr.") are not surnames; hyphen prefixes ("Ex-"),
  repeated or glued link text ("Ann Lowe Ann LoweNewsletter"), a headline's verb
  ("... Lowe Goes On Trial"), a body in front ("the House Ann Lowe") are cut off; a title-case
  headline form that fits no first name of the body's person of that surname ("Warn Lowe") is the
  surname; "<surname> <country>" ("Lowe Ukraine") is two actors; "East Hartley" is a place.
  Laws and programmes NER takes for organisations ("... Act", "... Resolution", "Medicare") are not actors.
- "GOP lawmakers" and "Republican lawmakers" are one caucus actor. "the Maryland Democrat" is never
  a party member whose home state ("(D-Calif.)", "X, Illinois Republican") is another. A role
  reference reaches a person first named with the title at most two sentences later. A second "it"
  in a sentence whose first "it" was a thing is that thing; "its" is never a caucus; a subject
  he/she is not the named object of its own verb ("He faulted Mr. X").
- Conflict-news names and places: a name NER cut short is completed when its last word is a compound
  of the capitalised word after it, or a particle ("Min Aung" Hlaing, "Ursula von der" Leyen); a shorter
  end of a full name is that person ("Aung Hlaing"); "X, known as Y" makes Y the same person. Unknown
  names used as places are not actors: "in the Sahel", "control of Sagaing", "Sahel juntas", the
  object of "shelled"/"captured"/"raided"; "pro-Russian", "anti-Israel" are not Russia or Israel.
  "the junta" may take the state whose "government"/"regime"/"authorities" were named (not the US
  "administration"); with no state named nearby, "the army" is the state of a person named nearby.
  Several-word role references match a fuller title ("the former prime minister" for a "former
  Pakistani prime minister"). A he/his whose clause subject is a new unnamed person ("Ukraine's
  president said his ...") stays unresolved; "its" after "<person>'s government" is that person's
  state; an object pronoun is not the object that controls its verb ("accused X of fighting
  alongside them"); with no actor earlier in its sentence a pronoun explained by a nearer non-actor
  object ("defend the city against attacks on its name") stays unresolved. A lower-case title after
  a modifier ("army spokesman Jean Roe") marks a person the model took for an organisation.
"""
from __future__ import annotations

import difflib
import functools
import re
import weakref
from dataclasses import dataclass, field
from typing import Callable, Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .gazetteer import Entry, Gazetteer, load_gazetteer
from .records import Actor
from .resolve.vocab import (  # noqa: F401  (the names stay importable from here)
    ATTITUDE_ADJECTIVES, CAUCUS_NOUNS, CHAMBER_WORDS, COMPASS_WORDS, DEFINITE_GROUP_NOUNS, DEFINITE_STATE_NOUNS,
    GENDERED_ROLES, GOVERNMENT_NOUNS, GROUP_NOUNS, HONORIFICS, JUDGED_FOR_VERBS, LEGISLATOR_WORDS, LESSER_WORDS,
    LOCATIVE_PREPS, MEDIA_NAME_WORDS, MEDIA_NOUNS, MEDIA_VERBS, NAME_PARTICLES, NAME_PREFIXES, NAME_SUFFIXES,
    NICKNAMES, OFFICE_WORDS, ORG_HEAD_NOUNS, ORG_WORDS, OWNED_NOUNS, PARTY_MEMBER_NOUNS, PARTY_TAGS,
    PERSON_ATTACK_VERBS, PERSON_STATE_NOUNS, PERSON_TEAM_NOUNS, PLACE_ATTACK_VERBS, PLACE_OF_NOUNS, PLACE_PREPS,
    PLURAL_ACTOR_NOUNS, POLICY_WORDS, PRON_IT, PRON_PERSON, PRON_THEY, REGION_PLURAL_LEMMAS, ROLE_ABBREVIATIONS,
    ROLE_HEADS, ROLE_MODIFIERS, RULING_LEMMAS, SPEECH_VERBS, STATE_NOUNS, TOP_ROLES, US_STATES,
)
from .resolve.vocab import LOWER_HOUSE as _LOWER_HOUSE, PLURAL_COUNT as _PLURAL_COUNT, POSS_PRON as _POSS_PRON
from .resolve.vocab import us_state as _us_state

__all__ = ["Mention", "ActorIndex", "ActorRecognizer", "default_gazetteer", "USER_DATA_KEY"]

USER_DATA_KEY = "actorgraph.actors"

# ---------------------------------------------------------------------------
# Lexicons (general English; no article-specific entries)
# ---------------------------------------------------------------------------







SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_SHORT_CAPS = re.compile(r"(?:[A-Z]\.?){1,5}")


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


@dataclass
class Mention:
    """One stretch of tokens that refers to one or more actors."""

    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    actors: tuple[Actor, ...]
    kind: str  # name | alias | metonym | demonym | surname | role | pronoun | group
    text: str
    head: int = -1  # token index of the syntactic head

    @property
    def actor(self) -> Actor:
        """The first (usually only) actor."""
        return self.actors[0]


@dataclass
class ActorIndex:
    """The actors of one Doc and where they are mentioned."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    gov: dict[int, int] = field(default_factory=dict)  # gov-noun token -> mention index
    _at: dict[int, int] = field(default_factory=dict, repr=False)
    _heads: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self._at = {}
        self._heads = {}
        for k, m in enumerate(self.mentions):
            for i in range(m.start, m.end):
                self._at[i] = k
            if m.head >= 0:
                self._heads.setdefault(m.head, k)

    def mention_at(self, token: Token | int) -> Mention | None:
        k = self._at.get(_index(token))
        return None if k is None else self.mentions[k]

    def mention_for(self, token: Token | int) -> Mention | None:
        i = _index(token)
        k = self._heads.get(i)
        if k is None:
            k = self._at.get(i)
        if k is None:
            k = self.gov.get(i)
        return None if k is None else self.mentions[k]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside tokens [start, end) (e.g. one sentence)."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    # plain-data form (msgpack-safe) for Doc.to_bytes / multiprocessing
    def to_data(self) -> dict:
        names = list(self.actors)
        pos = {n: k for k, n in enumerate(names)}
        return {
            "actors": [[a.name, a.type, list(a.aliases), a.affiliation, a.role] for a in self.actors.values()],
            "mentions": [[m.start, m.end, [pos[a.name] for a in m.actors], m.kind, m.text, m.head] for m in self.mentions],
            "gov": [[t, k] for t, k in self.gov.items()],
        }

    @classmethod
    def from_data(cls, data: dict) -> "ActorIndex":
        actors = [Actor(name=n, type=t, aliases=list(al), affiliation=af, role=r) for n, t, al, af, r in data["actors"]]
        mentions = [
            Mention(s, e, tuple(actors[k] for k in ks), kind, text, head)
            for s, e, ks, kind, text, head in data["mentions"]
        ]
        return cls(actors={a.name: a for a in actors}, mentions=mentions, gov={int(t): int(k) for t, k in data["gov"]})


def _index(token: Token | int) -> int:
    return token if isinstance(token, int) else token.i


_CACHE: "weakref.WeakKeyDictionary[Doc, ActorIndex]" = weakref.WeakKeyDictionary()


def _get_actors(doc: Doc) -> ActorIndex | None:
    idx = _CACHE.get(doc)
    if idx is None:
        data = doc.user_data.get(USER_DATA_KEY)
        if data is None:
            return None
        idx = ActorIndex.from_data(data)
        _CACHE[doc] = idx
    return idx


def _set_actors(doc: Doc, index: ActorIndex | None) -> None:
    if index is None:
        doc.user_data.pop(USER_DATA_KEY, None)
        _CACHE.pop(doc, None)
        return
    doc.user_data[USER_DATA_KEY] = index.to_data()
    _CACHE[doc] = index


if not Doc.has_extension("actors"):
    Doc.set_extension("actors", getter=_get_actors, setter=_set_actors)


@functools.lru_cache(maxsize=8)
def default_gazetteer(files: tuple[str, ...] = ()) -> Gazetteer:
    """The bundled gazetteer (plus extra files), loaded once per process."""
    return load_gazetteer(list(files))


# ---------------------------------------------------------------------------
# Gazetteer matcher
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pattern:
    entry: Entry
    kind: str  # name | alias | metonym | demonym
    caps: tuple[bool, ...]  # which pattern tokens start upper-case (must match upper-case)
    short_caps: bool  # an all-caps abbreviation (matched by ORTH)


class _GazMatcher:
    """PhraseMatchers over a gazetteer's names, built once per (vocab, gazetteer)."""

    def __init__(self, nlp: Language, gaz: Gazetteer):
        self.gaz = gaz
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.patterns: dict[int, _Pattern] = {}
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
            short = bool(_SHORT_CAPS.fullmatch(text))
            key = f"ag\x1f{kind}\x1f{e.name}\x1f{text}"
            pdoc = nlp.make_doc(text)
            self.patterns[nlp.vocab.strings.add(key)] = _Pattern(e, kind, tuple(t.text[:1].isupper() for t in pdoc), short)
            if short:
                variants = {text}
                letters = text.replace(".", "")
                if len(letters) >= 4 and "." not in text:
                    variants.add(letters.title())  # "Nato", "Isil"
                orth_docs.setdefault(key, []).extend(nlp.make_doc(v) for v in variants)
            else:
                lower_docs.setdefault(key, []).append(pdoc)
        for key, docs in lower_docs.items():
            self.lower.add(key, docs)
        for key, docs in orth_docs.items():
            self.orth.add(key, docs)

    def __call__(self, doc: Doc, shouting: list[bool]) -> list[tuple[int, int, _Pattern]]:
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


_MATCHERS: "weakref.WeakKeyDictionary[Gazetteer, dict[int, _GazMatcher]]" = weakref.WeakKeyDictionary()


def _matcher_for(nlp: Language, gaz: Gazetteer) -> _GazMatcher:
    per_vocab = _MATCHERS.setdefault(gaz, {})
    m = per_vocab.get(id(nlp.vocab))
    if m is None:
        m = per_vocab[id(nlp.vocab)] = _GazMatcher(nlp, gaz)
    return m


# ---------------------------------------------------------------------------
# The component
# ---------------------------------------------------------------------------


@Language.factory(
    "actorgraph_actors",
    default_config={"gazetteer_files": []},
    requires=["doc.ents", "token.dep", "token.tag"],
    assigns=["doc._.actors"],
)
def make_actor_recognizer(nlp: Language, name: str, gazetteer_files: list[str]) -> "ActorRecognizer":
    return ActorRecognizer(nlp, name, default_gazetteer(tuple(str(f) for f in gazetteer_files)))


class ActorRecognizer:
    """Finds actor mentions and resolves them within the Doc (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "actorgraph_actors", gazetteer: Gazetteer | None = None):
        self.nlp = nlp
        self.name = name
        self._gaz: Gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        self._matcher: _GazMatcher | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gaz

    @gazetteer.setter
    def gazetteer(self, gaz: Gazetteer) -> None:
        self._gaz = gaz
        self._matcher = None

    @property
    def matcher(self) -> _GazMatcher:
        if self._matcher is None:
            self._matcher = _matcher_for(self.nlp, self._gaz)
        return self._matcher

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = _Resolver(doc, self._gaz, self.matcher).run()
        return doc

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_matcher"] = None  # rebuilt lazily where it runs (spawned workers)
        return state

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # spaCy serialisation hooks: nothing to save (the gazetteer is data on disk)
    def to_bytes(self, **kw) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kw) -> "ActorRecognizer":
        return self

    def to_disk(self, path, **kw) -> None:
        pass

    def from_disk(self, path, **kw) -> "ActorRecognizer":
        return self


# ---------------------------------------------------------------------------
# Resolution within one Doc
# ---------------------------------------------------------------------------


_QUOTE_CHARS = set("\"'\u2018\u2019\u201c\u201d`")


def _clean_surface(text: str) -> str:
    t = text.strip().strip("".join(_QUOTE_CHARS)).strip()
    t = re.sub(r"\s*['\u2019]s?$", "", t)
    return re.sub(r"(?i)^the\s+", "", t).strip()


def _is_quote(tok: Token) -> bool:
    return tok.text in _QUOTE_CHARS or tok.text in ("``", "''")


def _line_flags(doc: Doc, min_len: int, capital: Callable[[str], bool], share: float) -> list[bool]:
    """Per token: is its line a headline, i.e. are at least 3 and ``share`` of its words of at least
    ``min_len`` letters written with ``capital``?"""
    out = [False] * len(doc)
    start = 0
    n = len(doc)
    for i in range(n + 1):
        if i == n or "\n" in doc[i].text:
            words = [t for t in doc[start:i] if t.is_alpha and len(t.text) >= min_len]
            caps = sum(1 for t in words if capital(t.text))
            if caps >= 3 and caps >= share * len(words):
                for k in range(start, i):
                    out[k] = True
            start = i + 1
    return out


def _shouting_lines(doc: Doc) -> list[bool]:
    """Per token: is it in an all-caps line (a headline), where "IS"/"US" are plain words?"""
    return _line_flags(doc, 2, str.isupper, 0.6)


def _title_lines(doc: Doc) -> list[bool]:
    """Per token: is it in a title-case line (a headline: "Senators Warn Lowe Over Tariffs")?"""
    return _line_flags(doc, 4, lambda w: w[:1].isupper(), 0.8)



_OPEN_QUOTES = {"\u201c", "``"}
_CLOSE_QUOTES = {"\u201d", "''"}


def _quoted(doc: Doc) -> list[bool]:
    """Per token: inside double quotation marks (straight quotes toggle; a new paragraph closes)."""
    out = [False] * len(doc)
    inside = False
    for t in doc:
        txt = t.text
        if "\n" in txt and t.is_space:
            inside = False
        elif txt in _OPEN_QUOTES:
            inside = True
        elif txt in _CLOSE_QUOTES:
            inside = False
        elif txt == '"':
            inside = not inside
        else:
            out[t.i] = inside
    return out




def _attitude_copula(t: Token) -> bool:
    """"it was concerned", "it is ready to talk": "it" is someone, not an expletive."""
    h = t.head
    if t.dep_ != "nsubj" or h.lemma_ not in ("be", "remain", "seem", "appear"):
        return False
    return any(c.dep_ == "acomp" and c.lower_ in ATTITUDE_ADJECTIVES for c in h.children)


def _stance_prefixed(doc: Doc, i: int) -> bool:
    """Is the word at i joined by a hyphen to "pro"/"anti" ("pro-Russian", "anti-Israel")?"""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("pro", "anti") \
        and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_


def _junk_word(t: Token) -> bool:
    """A lower-case word or a dash that NER glued to a name's edge ("Joe Biden - for")."""
    return (t.text[:1].islower() and t.lower_ not in NAME_PARTICLES) or t.text in ("-", "\u2013", "\u2014")


def _trim(ent: Span) -> tuple[int, int]:
    """Entity bounds without determiners, quotes, honorifics/titles (for people) and possessives."""
    s, e = ent.start, ent.end
    doc = ent.doc
    person = ent.label_ == "PERSON"
    while s < e and (doc[s].lower_ in ("the", "a", "an") or _is_quote(doc[s]) or doc[s].is_punct
                     or (person and (doc[s].lower_ in HONORIFICS or doc[s].lower_ in ROLE_HEADS
                                     or doc[s].lower_ in ROLE_ABBREVIATIONS
                                     or doc[s].lower_ in ROLE_MODIFIERS))):
        s += 1
    while e > s and (doc[e - 1].text in ("'s", "'", "\u2019s", "\u2019") or _is_quote(doc[e - 1]) or doc[e - 1].is_punct
                     or (person and _junk_word(doc[e - 1]))):
        e -= 1  # (NER's "Joe Biden - for": no lower-case function words at a name's edges)
    for j in range(s + 1, min(s + 3, e - 1)):  # NER's "Later the Supreme Court"
        if doc[j].lower_ == "the" and all(doc[x].pos_ in ("ADV", "ADP", "SCONJ", "CCONJ") for x in range(s, j)):
            s = j + 1
            break
    if person:
        while s < e - 1 and (_junk_word(doc[s]) or doc[s].is_punct or (doc[s].is_stop and doc[s].pos_ != "PROPN")):
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
    if person:  # NER cuts "Moon Jae-in" at the hyphen
        while e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ and not doc[e].whitespace_ \
                and doc[e + 1].is_alpha:
            e += 2
    if person and e > s:
        e = _name_tail(doc, s, e)
    return s, e


def _name_tail(doc, s: int, e: int) -> int:
    """NER cuts long names short ("Min Aung" Hlaing, "Maria Corina" Machado, "Ursula von der" Leyen): when
    the name's last word is a compound of a capitalised word right after it (or a particle), that word (and
    up to one more between) ends the name. Not over another entity of several words ("Trump White House")."""
    last = doc[e - 1]
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




def _name_words(toks: list) -> list:
    """A name's words without a generational suffix (and its comma) at the end; Tokens or strings."""
    def text(t) -> str:
        return t if isinstance(t, str) else t.text
    out = list(toks)
    while len(out) > 2 and text(out[-1]).lower() in NAME_SUFFIXES:
        out.pop()
        if out and text(out[-1]) == ",":
            out.pop()
    return out


def _display_name(span: Span) -> str:
    """A person's canonical name: as written, without middle initials or a generational suffix
    ("Adam B. Schiff" -> "Adam Schiff", "Robert S. Mueller III" -> "Robert Mueller")."""
    toks = _name_words(list(span))
    keep = [t for k, t in enumerate(toks) if not (0 < k < len(toks) - 1 and re.fullmatch(r"[A-Z]\.", t.text))]
    out = ""
    for k, t in enumerate(keep):
        out += t.text
        if k < len(keep) - 1:
            out += t.whitespace_ if t.whitespace_ or keep[k + 1].i == t.i + 1 else " "
    return out


def _person_name_ok(span: Span) -> bool:
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


def _looks_like_org(span: Span) -> bool:
    return any(t.lower_ in ORG_WORDS for t in span)


def _is_media(doc: Doc, s: int, e: int) -> bool:
    span = doc[s:e]
    if any(t.lower_ in MEDIA_NAME_WORDS for t in span):
        return True
    root = span.root
    if root.dep_ in ("appos", "compound", "nmod") and root.head.lower_ in MEDIA_NOUNS:
        return True
    if any(c.lower_ in MEDIA_NOUNS and c.dep_ in ("appos", "compound", "amod", "nmod") for c in root.children):
        return True
    if s > 0 and doc[s - 1].lower_ in MEDIA_NOUNS:
        return True
    if root.dep_ in ("dobj", "dative") and root.head.lower_ in MEDIA_VERBS:
        return True
    return False




def _place_use(span: Span, person: bool = False) -> bool:
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


def _agentive(span: Span) -> bool:
    """Is a place name used as a doer ("Texas sued"), not as a location ("in Texas")?"""
    root = span.root
    if root.dep_ in SUBJ_DEPS or root.dep_ in ("dobj", "poss"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("by", "against", "with", "between")




def _same_office(ref: str, head: str) -> bool:
    """"the lawmaker" for a senator, "the congresswoman" for a representative."""
    if ref in ("lawmaker", "legislator"):
        return head in LEGISLATOR_WORDS
    if ref in _LOWER_HOUSE:
        return head in _LOWER_HOUSE or head == "lawmaker"
    return ref == "senator" and head == "lawmaker"


_LONG_NAMES: "weakref.WeakKeyDictionary[Gazetteer, dict[str, list[Entry]]]" = weakref.WeakKeyDictionary()


def _long_names(gaz: Gazetteer) -> dict[str, list[Entry]]:
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


def _body_words(gaz: Gazetteer) -> dict[tuple[str, str], list[Entry]]:
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




def _role_match(ref: str, role: str | None) -> bool:
    if not role:
        return False
    if ref == role:
        return True
    rw, pw = ref.split(), role.split(" of ")[0].split()  # "the secretary": the secretary of state
    lesser = any(w in LESSER_WORDS for w in pw[:-1])
    if len(rw) == 1 and (pw[-1] == rw[0] or _same_office(rw[0], pw[-1])):
        return not lesser
    if ref == "leader":  # "the Ukrainian leader": the head of state or government
        return not lesser and (pw[-1] in TOP_ROLES or role == "prime minister")
    if len(rw) > 1 and pw and (pw[-1] == rw[-1] or _same_office(rw[-1], pw[-1])) and set(rw[:-1]) <= set(pw[:-1]) \
            and set(rw) & LESSER_WORDS == set(pw) & LESSER_WORDS:
        return True  # "the former prime minister" for the "former Pakistani prime minister"
    return False


def _affil_name(a: Actor | Entry) -> str:
    """Whom a person of this body speaks for: a state body's state ("State Duma" -> Russia)."""
    return a.affiliation if a.type == "organisation" and a.affiliation else a.name


def _spelling_variant(a: str, b: str) -> bool:
    """Transliteration variants of one surname: "zelenskiy"/"zelensky", "mirsky"/"mirski"."""
    if a == b or len(a) < 5 or len(b) < 5 or a[:4] != b[:4] or abs(len(a) - len(b)) > 2:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85




def _first_compatible(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    a, b = NICKNAMES.get(a, a), NICKNAMES.get(b, b)
    return a == b or a[:3] == b[:3] or (len(a) <= 2 and b.startswith(a.rstrip("."))) or (len(b) <= 2 and a.startswith(b.rstrip(".")))


def _name_suffix(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A shorter form that is the end of a full name: "Aung Hlaing" of "Min Aung Hlaing", "Von der Leyen"
    of "Ursula von der Leyen" (a particle capitalised at a sentence's start)."""
    return 1 < len(short) < len(full) and [w.lower() for w in full[-len(short):]] == [w.lower() for w in short]


class _Cluster:
    """One person within an article: all name forms sharing a surname."""

    def __init__(self, form: tuple[str, ...], display: str):
        self.forms = [form]
        self.display = display
        self.ntok = len(form)
        self.actor: Actor | None = None

    @property
    def surname(self) -> str:
        return self.forms[0][-1].lower()

    @property
    def first(self) -> str | None:
        longest = max(self.forms, key=len)
        return longest[0] if len(longest) > 1 else None


class _Resolver:
    def __init__(self, doc: Doc, gaz: Gazetteer, matcher: _GazMatcher):
        self.doc = doc
        self.toks = list(doc)  # one Token per position, made once (each pass over the Doc makes new ones)
        self.gaz = gaz
        self.matcher = matcher
        self.n = n = len(doc)
        self.owner: list[int] = [-1] * n  # token -> index into self.cands
        self.cands: list[Mention | None] = []
        self.actors: dict[str, Actor] = {}
        self.sent_of: list[int] = [0] * n
        self.sent_bounds: list[tuple[int, int]] = []
        self.gov: dict[int, int] = {}
        self.gender: dict[str, str] = {}  # person actor name -> "m" | "f"
        self.demonym_at: dict[int, tuple[int, Entry]] = {}
        self.demonym_end: dict[int, tuple[int, Entry]] = {}
        self.demonym_tok: dict[int, tuple[int, int, Entry]] = {}  # every token of a demonym
        self.pending: list[tuple[int, str]] = []  # (cand index, NER label) decided after people
        self.person_ks: list[int] = []
        self.poss_affil: list[tuple[Actor, int]] = []  # (person, cand index of possessor person)
        self.home: dict[str, str] = {}  # person actor name -> US home state ("(D-Calif.)")

    # -- helpers --------------------------------------------------------------
    def actor(self, name: str, type_: str, entry: Entry | None = None) -> Actor:
        a = self.actors.get(name)
        if a is None:
            a = Actor(name=name, type=type_)
            if entry is not None:
                a.affiliation = entry.affiliation
                a.role = entry.role
            self.actors[name] = a
        return a

    def entry_actor(self, e: Entry) -> Actor:
        return self.actor(e.name, e.type, e)

    def free(self, s: int, e: int) -> bool:
        return all(self.owner[i] < 0 for i in range(s, e))

    def add(self, s: int, e: int, actors: tuple[Actor, ...] | None, kind: str, head: int | None = None) -> int:
        """Claim tokens [s, e); ``actors=None`` blocks the span (e.g. a media outlet)."""
        k = len(self.cands)
        if actors is None:
            self.cands.append(None)
        else:
            span = self.doc[s:e]
            self.cands.append(Mention(s, e, actors, kind, span.text, span.root.i if head is None else head))
            if kind in ("name", "alias", "metonym") and len(actors) == 1 and actors[0].type != "person":
                actors[0].add_alias(_clean_surface(span.text))  # as written, before any extension
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

    def alias(self, m: Mention) -> None:
        if m.kind not in ("name", "alias", "metonym", "surname") or len(m.actors) != 1:
            return
        if m.actors[0].type == "person":  # the name without its title
            s = m.end
            while s > m.start and self._name_token(self.doc[s - 1]):
                s -= 1
            if s < m.end:
                m.actors[0].add_alias(self.doc[s:m.end].text)

    def _name_token(self, t: Token) -> bool:
        low = t.lower_
        if t.text == "-" or low in NAME_PARTICLES:
            return True
        return (t.text[:1].isupper() and low not in ROLE_HEADS and low not in ROLE_MODIFIERS
                and low not in HONORIFICS and low not in ROLE_ABBREVIATIONS and t.i not in self.demonym_at
                and not _is_quote(t))

    # -- main -----------------------------------------------------------------
    def run(self) -> ActorIndex:
        doc = self.doc
        # without a parser or sentencizer the whole text is one sentence (dependency rules then find nothing)
        sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for si, sent in enumerate(sents):
            self.sent_bounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.sent_of[i] = si
        self.in_quote = _quoted(doc)
        self.base_spans()
        self.people()
        self.short_names()
        self.titles()
        self.role_references()
        self.party_references()
        self.chamber_caucuses()
        self.org_references()
        self.bare_bodies()
        self.government_phrases()
        for k in self.person_ks:  # after government_phrases: "of China's foreign ministry"
            m = self.cands[k]
            if m is not None and m.actors and m.actors[0].type == "person" and m.kind != "pronoun":
                self._of_phrase(m)
        self.link_states()
        self.norp_nouns()
        self.references()
        mentions = sorted((m for m in self.cands if m is not None and m.actors), key=lambda m: m.start)
        pos = {id(m): k for k, m in enumerate(mentions)}
        gov = {}
        for tok, ck in self.gov.items():
            m = self.cands[ck]
            if m is not None and id(m) in pos:
                gov[tok] = pos[id(m)]
        self._merge_short_names(mentions)
        for m in mentions:
            self.alias(m)
        used = {a.name for m in mentions for a in m.actors}
        actors = {n: a for n, a in self.actors.items() if n in used}
        return ActorIndex(actors=actors, mentions=mentions, gov=gov)

    def _merge_short_names(self, mentions: list[Mention]) -> None:
        """An organisation the article also names in full is one actor: "the Supreme Court" after
        "the Supreme Court of Ruritania", "the Fifth Circuit" with "the Fifth Circuit Court of Appeals"."""
        orgs = {a.name: a for m in mentions for a in m.actors if a.type in ("organisation", "group")}
        if not orgs:
            return
        repl: dict[str, Actor] = {}
        for name, a in orgs.items():
            if name in self.gaz.entries or len(name.split()) < 2:
                continue
            longer = [b for n, b in orgs.items() if n != name and n.startswith(name + " ") and b.type == a.type]
            if len(longer) == 1:
                repl[name] = longer[0]
        # "the Supreme Court" in an article about Ruritania: the gazetteer's "Supreme Court of Ruritania"
        counts: dict[str, int] = {}
        for m in mentions:
            if len(m.actors) == 1 and m.actors[0].type == "country":
                counts[m.actors[0].name] = counts.get(m.actors[0].name, 0) + 1
        focus = max(counts, key=lambda n: counts[n]) if counts else None
        if focus is not None:
            for name, a in orgs.items():
                if name in repl or name in self.gaz.entries or len(name.split()) < 2:
                    continue
                full = [e for e in _long_names(self.gaz).get(name.lower(), []) if e.affiliation == focus]
                if len(full) == 1:
                    repl[name] = self.entry_actor(full[0])
        if not repl:
            return
        for m in mentions:
            if any(a.name in repl for a in m.actors):
                new: list[Actor] = []
                for a in m.actors:
                    b = repl.get(a.name, a)
                    if b not in new:
                        new.append(b)
                    if b is not a:
                        b.add_alias(a.name)
                m.actors = tuple(new)

    # -- 1. gazetteer + NER ---------------------------------------------------
    def base_spans(self) -> None:
        doc = self.doc
        self.shouting = shouting = _shouting_lines(doc)
        self.title_line = _title_lines(doc)
        hits = self.matcher(doc, shouting)
        names = []
        for s, e, pat in hits:
            if _stance_prefixed(doc, s):
                self.add(s, e, None, "blocked")  # "pro-Russian separatists", "anti-Israel protesters": not them
                continue
            if pat.kind == "demonym":
                if s not in self.demonym_at or self.demonym_at[s][0] < e:
                    self.demonym_at[s] = (e, pat.entry)
                if e not in self.demonym_end or self.demonym_end[e][0] > s:
                    self.demonym_end[e] = (s, pat.entry)
                for i in range(s, e):
                    if i not in self.demonym_tok or self.demonym_tok[i][1] - self.demonym_tok[i][0] < e - s:
                        self.demonym_tok[i] = (s, e, pat.entry)
            else:
                names.append((s, e, pat))
        cands: list[tuple[int, int, int, object]] = [(s, e, 2, pat) for s, e, pat in names]
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
                s, e = _trim(ent)
                if s < e:
                    cands.append((s, e, 1, ent))
        # longest first; on equal length the gazetteer wins; then earliest
        cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
        gaz_spans = [(s, e) for s, e, _ in names]
        for s, e, _prio, payload in cands:
            if not self.free(s, e):
                continue
            if isinstance(payload, _Pattern):
                e_ = payload.entry
                k = self.add(s, e, (self.entry_actor(e_),), payload.kind)
                if e_.type == "person":
                    self.person_ks.append(k)
            else:
                self.ner_span(s, e, payload, gaz_spans)  # type: ignore[arg-type]

    def ner_span(self, s: int, e: int, ent: Span, gaz_spans: list[tuple[int, int]]) -> None:
        doc = self.doc
        label = ent.label_
        span = doc[s:e]
        if e - s == 1 and self.shouting[s] and span[0].is_stop:
            return  # "IS"/"US" in an all-caps headline
        entry = self.gaz.lookup(span.text)
        if entry is not None and (entry.type != "person" or label == "PERSON"):
            kind = "name" if _clean_surface(span.text).lower() == entry.name.lower() else "alias"
            k = self.add(s, e, (self.entry_actor(entry),), kind)
            if entry.type == "person":
                self.person_ks.append(k)
            return
        if s in self.demonym_at and self.demonym_at[s][0] >= e:
            return  # a demonym ("Azerbaijani") NER took for a name
        if label == "NORP":
            if any(s <= gs and ge <= e and (gs, ge) != (s, e) for gs, ge in gaz_spans):
                self.add(s, e, None, "blocked")  # "West African" is not the West
            return  # only noun uses are actors: see norp_nouns
        if label == "ORG" and span[0].lower_ in ROLE_HEADS:
            return  # "Minister of Foreign Affairs": an office, not an organisation
        if label in ("ORG", "GPE") and (span[-1].lower_ in POLICY_WORDS
                                        or re.search(r"[a-z](?:care|caid)$", span[-1].lower_)):
            self.add(s, e, None, "blocked")  # a law or programme ("War Powers Resolution", "Medicare"): no doer
            return
        root = span.root
        if root.lower_ in STATE_NOUNS or root.lower_ in GROUP_NOUNS:
            if any(t.i in self.demonym_at for t in span) or any(s <= gs and ge <= e for gs, ge in gaz_spans):
                return  # "the Syrian government": see government_phrases
        if all(t.lower_ in ROLE_HEADS or t.lower_ in ROLE_MODIFIERS or t.is_punct for t in span):
            return  # NER's "State" in "Secretary of State": part of a title
        if label == "PERSON":
            ands = [t.i for t in span[1:-1] if t.lower_ in ("and", "&")]
            if len(ands) == 1:
                # "Smith and Jones" taken as one name: two people
                a = ands[0]
                for ps, pe in ((s, a), (a + 1, e)):
                    if _person_name_ok(doc[ps:pe]) and self.free(ps, pe):
                        self.person_ks.append(self.add(ps, pe, (), "name"))
                return
            # "Trump White House": a name in front of a known actor, two mentions (one-word
            # names inside stay: "Jim Jordan", "Chad Wolf" are people)
            inner = [(gs, ge) for gs, ge in gaz_spans if s <= gs and ge <= e and (gs, ge) != (s, e) and ge - gs >= 2]
            if inner:
                gs, ge = max(inner, key=lambda g: g[1] - g[0])
                ps, pe = (s, gs) if ge == e else (ge, e) if gs == s else (s, s)
                if ps < pe and _person_name_ok(doc[ps:pe]) and self.free(ps, pe):
                    self.person_ks.append(self.add(ps, pe, (), "name"))
                return
            prep = span.root.head if span.root.dep_ == "pobj" else None
            if _place_use(span, person=True) and (prep is None or prep.lower_ not in PLACE_PREPS or doc[s - 1].lower_ == "the"
                                     or prep.head.pos_ == "VERB"):
                # NER's person in "jihadists in the Sahel", "fighting near Zaporizhzhia", "Sahel juntas": a
                # place ("faith in Trump" aside)
                self.add(s, e, None, "blocked")
            elif _looks_like_org(span):
                self.add(s, e, (self.actor(_clean_surface(span.text), "organisation"),), "name")
            elif s > 0 and doc[s - 1].lower_ == "the" and span.root.dep_ not in ("compound", "amod", "nmod", "poss"):
                self.add(s, e, (self.actor(_clean_surface(span.text), "group"),), "name")  # "the Houthis"
            elif _person_name_ok(span):
                self.person_ks.append(self.add(s, e, (), "name"))
            return
        inner = [(gs, ge) for gs, ge in gaz_spans if s <= gs and ge <= e]
        if inner and self._rest_is_modifiers(s, e, inner):
            return  # the gazetteer names inside stand for it ("US State Department")
        if label == "ORG":
            if _is_media(doc, s, e):
                self.add(s, e, None, "blocked")
            else:
                self.pending.append((self.add(s, e, (), "name"), label))
        elif label == "GPE":
            # unknown places are locations; keep only doers, and names that may be people
            self.pending.append((self.add(s, e, (), "name"), label))
        # LOC / FAC unknown to the gazetteer: places, not actors

    def _rest_is_modifiers(self, s: int, e: int, inner: list[tuple[int, int]]) -> bool:
        covered = set()
        for gs, ge in inner:
            covered.update(range(gs, ge))
        for i in range(s, e):
            if i in covered:
                continue
            t = self.doc[i]
            if t.is_punct or t.lower_ in ("the", "'s", "of"):
                continue
            return False
        return True

    # -- 2. people ------------------------------------------------------------
    def speakers(self) -> None:
        """A bare capitalised name NER missed or took for a place that says things is a person
        ("Pelosi said ...", tagged GPE or nothing): every bare use of that name becomes one."""
        doc = self.doc
        names: set[str] = set()
        for t in self.toks:
            if t.tag_ != "NNP" or t.dep_ != "nsubj" or t.head.lemma_ not in SPEECH_VERBS or not t.is_title \
                    or len(t.text) < 3 or t.i in self.demonym_tok or t.lower_ in ROLE_HEADS or t.lower_ in HONORIFICS:
                continue
            if any(c.dep_ in ("compound", "det", "amod", "poss", "nmod") for c in t.children):
                continue
            k = self.owner[t.i]
            if k < 0 or any(pk == k and label == "GPE" for pk, label in self.pending):
                names.add(t.text)
        if not names:
            return
        pend = {pk for pk, label in self.pending if label == "GPE"}
        for t in self.toks:
            if t.text not in names or t.pos_ != "PROPN":
                continue
            k = self.owner[t.i]
            if k < 0:
                self.person_ks.append(self.add(t.i, t.i + 1, (), "name"))
            elif k in pend and self.cands[k] is not None and self.cands[k].end - self.cands[k].start == 1:
                self.pending = [(pk, label) for pk, label in self.pending if pk != k]
                self.person_ks.append(k)

    def _name_run(self, i: int, step: int) -> list[int]:
        """Up to four capitalised name words from token i on (step +1 forwards, -1 backwards)."""
        doc = self.doc
        out: list[int] = []
        while 0 <= i < self.n and len(out) < 4:
            t = doc[i]
            low = t.lower_
            initial = re.fullmatch(r"[A-Z]\.", t.text) is not None
            if not (initial or (t.is_alpha and t.is_title)) or low in ROLE_HEADS or low in ROLE_MODIFIERS \
                    or low in HONORIFICS or low in ROLE_ABBREVIATIONS or i in self.demonym_tok or t.pos_ != "PROPN":
                break
            m = self.cand_at(i)
            if m is not None and m.actors:
                break
            out.append(i)
            i += step
        return sorted(out)

    def titled_names(self) -> None:
        """Names the model missed or took for an organisation or a place, found by the US press's own
        cues: a title right before ("House Financial Services Chair Maxine Waters", "Rep. Elijah
        Cummings") or a party tag right after ("Jane Roe (D-Calif.)", "John Doe, R-Texas")."""
        doc = self.doc
        runs: list[list[int]] = []
        # in a title-case headline every word is capitalised: there only a surname the model knows ends a name
        surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and not self.title_line[e.start]}
        for t in self.toks:
            low = t.lower_
            if self.shouting[t.i]:
                continue
            # a lower-case title needs a modifier in front ("army spokesman Jean Dupont", "foreign minister ...")
            titled = t.is_title or t.i > 0 and (doc[t.i - 1].lower_ in ROLE_MODIFIERS or t.i - 1 in self.demonym_tok)
            if (low in ROLE_ABBREVIATIONS or (low in ROLE_HEADS and titled)) and self.cand_at(t.i) is None:
                run = self._name_run(t.i + 1, 1)
                if len(run) >= 2 and (run[-1] + 1 >= self.n or not doc[run[-1] + 1].text[:1].isupper()) \
                        and (not self.title_line[t.i] or doc[run[-1]].text in surnames):
                    runs.append(run)
                continue
            if self.title_line[t.i]:
                continue
            if t.text in ("(", ",") and t.i + 3 < self.n and doc[t.i + 1].text in PARTY_TAGS \
                    and doc[t.i + 2].text in ("-", "\u2013") and not doc[t.i + 1].whitespace_ \
                    and doc[t.i + 3].text[:1].isupper():
                run = self._name_run(t.i - 1, -1)
                if len(run) >= 2:
                    runs.append(run)
        for run in runs:
            s, e = run[0], run[-1] + 1
            if doc[s].text.endswith(".") or not _person_name_ok(doc[s:e]):
                continue
            owners = {self.owner[i] for i in range(s, e)}
            if len(owners) == 1 and next(iter(owners)) in self.person_ks:
                continue  # already a person
            pend = {k for k, _ in self.pending}
            if any(o >= 0 and (o not in pend or self.cands[o] is None) for o in owners):
                continue
            for o in owners:  # NER's "House Financial Services Chair Maxine Waters" (ORG): not an organisation
                if o >= 0:
                    m = self.cands[o]
                    self.cands[o] = None
                    for i in range(m.start, m.end):
                        self.owner[i] = -1
            self.pending = [(k, label) for k, label in self.pending if self.cands[k] is not None]
            self.person_ks.append(self.add(s, e, (), "name"))

    def people(self) -> None:
        doc = self.doc
        self.titled_names()
        self.speakers()
        forms: dict[int, tuple[str, ...]] = {}
        for k in self.person_ks:
            m = self.cands[k]
            if m is not None:
                forms[k] = tuple(_name_words([t.text for t in doc[m.start:m.end] if t.text != "-"]))
        person_surnames = {f[-1].lower() for k, f in forms.items()}
        person_full = {" ".join(f).lower() for f in forms.values()}
        person_firsts = {f[0].lower() for f in forms.values() if len(f) > 1}
        # NER often tags a surname as ORG/GPE ("Lavrov said"): a form matching a person's
        # name or surname in the same article is that person; so is a nickname ("X, known as Y")
        nick_at = {self._known_as_at(self.cands[k].end) for k in self.person_ks if self.cands[k] is not None}
        for k, label in self.pending:
            m = self.cands[k]
            if m is not None and m.start in nick_at:
                person_full.add(" ".join(_name_words([t.text for t in doc[m.start:m.end] if t.text != "-"])).lower())
        for k, label in self.pending:
            m = self.cands[k]
            if m is None:
                continue
            span = doc[m.start:m.end]
            ts = m.start
            while ts < m.end - 1 and (doc[ts].lower_ in HONORIFICS or doc[ts].lower_ in ROLE_ABBREVIATIONS):
                ts += 1  # NER's "Mr Addison" (ORG): the name without its honorific
            while ts < m.end - 2 and doc[ts].lower_ in NAME_PREFIXES and doc[ts + 1].text == "-":
                ts += 2  # NER's "Ex-Trump" (ORG): the name without the prefix
            f = tuple(_name_words([t.text for t in doc[ts:m.end] if t.text != "-"]))
            if (" ".join(f).lower() in person_full or f[-1].lower() in person_surnames
                    or (len(f) == 1 and f[0].lower() in person_firsts)
                    or (len(f) == 1 and any(_spelling_variant(f[0].lower(), x) for x in person_surnames))) \
                    and _person_name_ok(span) \
                    and not _looks_like_org(span):
                if " ".join(f).lower() not in person_full and len(f) > 2:
                    # NER's "the House Ann Lowe" (ORG): the person's name without the body in front
                    cut = next((j for j in range(1, len(f) - 1) if " ".join(f[j:]).lower() in person_full), None)
                    if cut is None:
                        cut = 0
                        while cut < len(f) - 2 and not self._name_token(doc[ts + cut]):
                            cut += 1
                    if cut and all(doc[i].text != "-" for i in range(ts, ts + cut)):
                        ts += cut
                        f = f[cut:]
                forms[k] = f
                self.person_ks.append(k)
                if ts > m.start:
                    for i in range(m.start, ts):
                        self.owner[i] = -1
                    m.start, m.text, m.head = ts, doc[ts:m.end].text, doc[ts:m.end].root.i
            elif label == "ORG" and not _place_use(span):
                # (an unknown "organisation" one is "in" is a place: "fighting in the Caucasus", "took
                # control of Sagaing")
                m.actors = (self.actor(_clean_surface(span.text), "organisation"),)
            elif label == "GPE" and _agentive(span) and span.root.tag_ == "NNP" and not _place_use(span):  # not "the Bidens"
                m.actors = (self.actor(_clean_surface(span.text), "country"),)
            else:
                self.cands[k] = None
                for i in range(m.start, m.end):
                    self.owner[i] = -1
        self._headline_forms(forms)
        # clusters: gazetteer people first (their name is canonical), then long forms, then short
        clusters: list[_Cluster] = []
        by_surname: dict[str, list[_Cluster]] = {}
        for k in self.person_ks:
            m = self.cands[k]
            if m is not None and m.actors:  # gazetteer person
                a = m.actors[0]
                c = _Cluster(tuple(a.name.replace("-", " - ").split()), a.name)
                c.forms = [tuple(t for t in c.forms[0] if t != "-")]
                c.actor = a
                if not any(x.actor is a for x in by_surname.get(c.surname, [])):
                    clusters.append(c)
                    by_surname.setdefault(c.surname, []).append(c)
        order = sorted((k for k in forms if self.cands[k] is not None and not self.cands[k].actors),
                       key=lambda k: (-len(forms[k]), self.cands[k].start))
        cluster_of: dict[int, _Cluster] = {}
        namesakes = self._titled_namesakes(forms)
        for k in order:
            f = forms[k]
            m = self.cands[k]
            sur = f[-1].lower()
            options = by_surname.get(sur, [])
            found = None
            if len(f) > 1:
                found = next((c for c in options if f in c.forms or c.first is None
                              or _first_compatible(f[0], c.first) or _name_suffix(f, c.forms[0])), None)
            elif sur in namesakes and not any(c.first is None for c in options):
                options = []  # "President Trump" long before "Eric Trump" is named: another Trump
            elif len(options) == 1:
                found = options[0]
            elif not options:
                # family name first ("Moon" for Moon Jae-in, "Hong" for Hong Lei): a bare name that
                # is no one's surname but exactly one person's first name
                firsts = [c for c in clusters if c.first is not None and c.first.lower() == sur]
                if len(firsts) == 1:
                    found = firsts[0]
                else:  # a spelling variant of a surname ("Zelenskiy" for Zelensky)
                    near = [c for c in clusters if c.ntok > 1 and _spelling_variant(sur, c.surname)]
                    if len(near) == 1:
                        found = near[0]
            # else: several people share the surname; decided by position below
            if found is None and (len(f) > 1 or not options):
                found = _Cluster(f, _display_name(doc[m.start:m.end]))
                clusters.append(found)
                by_surname.setdefault(sur, []).append(found)
            if found is not None:
                if f not in found.forms:
                    first = found.forms[0]
                    if found.actor is None and len(f) == len(first) > 1 and len(f[0]) > len(first[0]) \
                            and f[0].lower().startswith(first[0].lower()):
                        found.display = _display_name(doc[m.start:m.end])  # "Gregory Craig" over "Greg Craig"
                    found.forms.append(f)
                cluster_of[k] = found
        for c in clusters:
            if c.actor is None:
                c.actor = self.actor(c.display, "person")
        self._known_as(cluster_of, clusters, by_surname)
        # ambiguous bare surnames ("Biden" with Joe and Hunter Biden): an honorific's gender
        # decides ("Mrs. Trump"); else the person of that surname introduced first (news names
        # the principal by surname and relatives or namesakes in full)
        def gender_before(m: Mention) -> str | None:
            j = m.start - 1
            return HONORIFICS.get(doc[j].lower_) or GENDERED_ROLES.get(doc[j].lower_) if j >= 0 else None

        intro: dict[int, int] = {}
        cgender: dict[int, str] = {}
        for k, c in cluster_of.items():
            m = self.cands[k]
            if m is not None:
                intro[id(c)] = min(intro.get(id(c), m.start), m.start)
                g = gender_before(m)
                if g and len(forms[k]) > 1:
                    cgender.setdefault(id(c), g)
        for k in sorted(forms, key=lambda k: self.cands[k].start if self.cands[k] else -1):
            m = self.cands[k]
            if m is None or m.actors:
                continue
            c = cluster_of.get(k)
            sur = forms[k][-1].lower()
            if c is None:
                options = by_surname.get(sur, [])
                g = gender_before(m)
                if g and any(cgender.get(id(o)) == g for o in options):
                    options = [o for o in options if cgender.get(id(o)) == g]
                c = min(options, key=lambda o: intro.get(id(o), -1)) if options else None
            if c is None:
                continue
            m.actors = (c.actor,)
            m.kind = "name" if len(forms[k]) > 1 else "surname"
        # surnames NER missed ("Putin Plan", a sentence-initial name)
        surnames = {}
        for c in clusters:
            same = by_surname.get(c.surname, [])
            if len(same) > 1 and c is min(same, key=lambda o: intro.get(id(o), self.n)) \
                    and c.surname in namesakes and c.actor is not None:
                surnames[c.forms[0][-1]] = c.actor  # the namesake met first, as for the bare names above
            if len(same) == 1 and c.actor is not None and c.actor.type == "person":
                surnames[c.forms[0][-1]] = c.actor
                if c.first and (c.first,) in c.forms:  # family name first: "Hong" for Hong Lei
                    surnames[c.first] = c.actor
        # a one-word country/organisation name that is the surname of a person named in full
        # here is that person ("Rep. Jim Jordan ... Jordan said")
        full_surnames = {c.forms[0][-1]: c.actor for c in clusters if c.ntok > 1 and c.actor is not None
                         and len(by_surname.get(c.surname, [])) == 1}
        if full_surnames:
            for k, m in enumerate(self.cands):
                if m is not None and m.end - m.start == 1 and m.kind in ("name", "alias") and m.actors \
                        and m.actors[0].type != "person" and doc[m.start].text in full_surnames \
                        and doc[m.start].i not in self.demonym_at:
                    m.actors, m.kind = (full_surnames[doc[m.start].text],), "surname"
                    self.person_ks.append(k)
        if surnames:
            for t in self.toks:
                if self.owner[t.i] < 0 and t.text in surnames and t.pos_ in ("PROPN", "NOUN", "X"):
                    self.person_ks.append(self.add(t.i, t.i + 1, (surnames[t.text],), "surname"))

    def _known_as_at(self, j: int) -> int:
        """Where a nickname starts after a name ending at j (", known as", "(better known as"), else -1."""
        doc = self.doc
        start = j
        while j < self.n and j - start < 3 and (doc[j].text in (",", "(") or doc[j].pos_ == "ADV"):
            j += 1
        if j + 2 >= self.n or doc[j].lower_ != "known" or doc[j + 1].lower_ != "as":
            return -1
        return j + 2

    def _known_as(self, cluster_of: dict[int, _Cluster], clusters: list[_Cluster],
                  by_surname: dict[str, list[_Cluster]]) -> None:
        """"Mohamed Hamdan Dagalo, known as Hemedti", "(better known as Hemedti)": the nickname is the same
        person, and so is every later bare use of it."""
        doc = self.doc
        at = {self.cands[k].start: c for k, c in cluster_of.items() if self.cands[k] is not None}
        for k, c in list(cluster_of.items()):
            m = self.cands[k]
            if m is None:
                continue
            j = self._known_as_at(m.end)
            nick = at.get(j) if j >= 0 else None
            if nick is None or nick is c or nick.actor is None or nick.actor.name in self.gaz.entries:
                continue
            for kk, cc in cluster_of.items():
                if cc is nick:
                    cluster_of[kk] = c
            if nick in clusters:
                clusters.remove(nick)
            same = by_surname.get(nick.surname, [])
            if nick in same:
                same[same.index(nick)] = c
            c.actor.add_alias(nick.display)

    def _headline_forms(self, forms: dict[int, tuple[str, ...]]) -> None:
        """Title-case headlines glue words to names: "Senators Warn Lowe Over Tariff" gives NER's
        "Warn Lowe", "Lowe Ukraine adviser" gives "Lowe Ukraine". A headline form whose surname is that of
        a person named in full in the body, but whose first word fits none of the body's first names, is the
        bare surname; one whose first word is such a surname and whose last word is a known actor is that
        surname and that actor (in any line). A name starting with a compass word ("East Hartley") is a place."""
        doc = self.doc
        body = [f for k, f in forms.items() if self.cands[k] is not None and not self.title_line[self.cands[k].start]]
        full_by_sur: dict[str, list[tuple[str, ...]]] = {}
        for f in body:
            if len(f) > 1:
                full_by_sur.setdefault(f[-1], []).append(f)
        for k in list(forms):
            m = self.cands[k]
            f = forms[k]
            if m is None or m.actors:
                continue
            if f[0].lower() in COMPASS_WORDS and len(f) > 1:
                self.cands[k] = None  # (its tokens stay claimed: "Hartley" in "East Hartley" is no surname)
                del forms[k]
                continue
            if len(f) != 2 or m.end - m.start != 2 or body.count(f) > (0 if self.title_line[m.start] else 1):
                continue  # (a form written so elsewhere in the body is a name)
            if self.title_line[m.start] and f[-1] in full_by_sur \
                    and not any(_first_compatible(f[0], b[0]) for b in full_by_sur[f[-1]]):
                self.owner[m.start] = -1
                m.start = m.end - 1
                m.text, m.head = doc[m.start].text, m.start
                forms[k] = (f[-1],)
            elif f[0] in full_by_sur:
                entry = self.gaz.lookup(f[-1])
                if entry is None or entry.type == "person":
                    continue
                self.owner[m.end - 1] = -1
                m.end = m.start + 1
                m.text, m.head = doc[m.start].text, m.start
                forms[k] = (f[0],)
                self.add(m.end, m.end + 1, (self.entry_actor(entry),), "name")

    def _titled_namesakes(self, forms: dict[int, tuple[str, ...]]) -> set[str]:
        """Surnames first met bare behind a title that the full-named person of that surname does not
        carry ("President Trump" ... later "Eric Trump"): news names a second person of a famous
        surname in full, so the titled bare one is somebody else."""
        doc = self.doc
        first_full: dict[str, int] = {}
        titles_full: dict[str, set[str]] = {}
        bare: dict[str, list[tuple[int, str]]] = {}
        for k, f in forms.items():
            m = self.cands[k]
            if m is None or m.actors:
                continue
            sur = f[-1].lower()
            before = doc[m.start - 1].lower_ if m.start > 0 else ""
            if len(f) > 1:
                first_full[sur] = min(first_full.get(sur, m.start), m.start)
                titles_full.setdefault(sur, set()).update(t.lower_ for t in doc[max(0, m.start - 3):m.start])
            elif before in ROLE_ABBREVIATIONS or before in ROLE_HEADS:  # (TOP_ROLES are role heads too)
                bare.setdefault(sur, []).append((m.start, before))
        out = set()
        for sur, hits in bare.items():
            if sur in first_full and any(i < first_full[sur] and t not in titles_full[sur] for i, t in hits):
                out.add(sur)
        return out

    def short_names(self) -> None:
        """"the North" after "North Korea": "the <Word>" where exactly one actor named earlier
        has a name starting with that word."""
        doc = self.doc
        earlier: list[Mention] = sorted((m for m in self.cands if m is not None and m.actors
                                         and m.actors[0].type != "person"), key=lambda m: m.start)
        if not earlier:
            return
        for t in self.toks:
            if t.i == 0 or self.owner[t.i] >= 0 or not t.is_alpha or not t.text[:1].isupper() or t.is_upper \
                    or doc[t.i - 1].lower_ != "the" or self.owner[t.i - 1] >= 0 or t.i in self.demonym_tok \
                    or t.dep_ in ("compound", "nmod") or t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN") \
                    or self.shouting[t.i]:
                continue
            nxt = doc[t.i + 1] if t.i + 1 < self.n else None
            if nxt is not None and nxt.is_alpha and nxt.text[:1].isupper():
                continue  # "the North Atlantic": a longer name
            found = {a.name: a for m in earlier if m.end <= t.i for a in m.actors
                     if len(a.name.split()) >= 2 and a.name.split()[0] == t.text
                     and a.name.split()[-1].lower() not in ORG_WORDS | ORG_HEAD_NOUNS}
            # (not "the House" for "the House Ethics Committee": a body named after its parent)
            if len(found) == 1:
                self.add(t.i - 1, t.i + 1, tuple(found.values()), "alias", head=t.i)

    # -- 3. titles and appositions --------------------------------------------
    def titles(self) -> None:
        for k in list(self.person_ks):
            m = self.cands[k]
            if m is None or not m.actors or m.actors[0].type != "person":
                continue
            self._title_before(k, m)
            self._party_tag(m)
            self._apposition(m)
            self._home_apposition(m)
        for person, pk in self.poss_affil:
            pm = self.cands[pk]
            if person.affiliation is None and pm is not None and pm.actors:
                a = pm.actors[0]
                person.affiliation = a.affiliation if a.type == "person" else _affil_name(a)

    def _title_before(self, k: int, m: Mention) -> None:
        doc = self.doc
        sent = self.sent_of[m.start]
        person = m.actors[0]
        j = m.start - 1
        first = m.start  # leftmost token of the title
        role_idx: list[int] = []
        affil: Actor | Entry | None = None
        gender = None
        while j >= 0 and self.sent_of[j] == sent:
            t = doc[j]
            low = t.lower_
            owner = self.cand_at(j)
            if owner is None and (low in ROLE_HEADS or (low in ROLE_MODIFIERS and t.pos_ != "VERB") or low in HONORIFICS
                                  or low in ROLE_ABBREVIATIONS):
                if low in HONORIFICS:
                    gender = gender or HONORIFICS[low]
                else:
                    role_idx.append(j)
                    gender = gender or GENDERED_ROLES.get(low)
                first = j
                j -= 1
                continue
            if owner is None and t.text == "-" and j > 0 and doc[j - 1].lower_ in ROLE_HEADS | ROLE_MODIFIERS and role_idx:
                role_idx.append(j)
                first = j
                j -= 1
                continue
            if owner is None and low in ("of", "for") and role_idx and j > 0 and doc[j - 1].lower_ in ROLE_HEADS:
                role_idx.append(j)
                first = j
                j -= 1
                continue
            if owner is None and j + 1 in self.demonym_end and affil is None:
                ds, entry = self.demonym_end[j + 1]
                affil = entry
                first = ds
                j = ds - 1
                continue
            if owner is not None and owner.actors and owner.end == j + 1 and affil is None \
                    and owner.actors[0].type != "person" and owner.kind in ("name", "alias", "metonym"):
                affil = owner.actors[0]
                first = owner.start
                j = owner.start - 1
                continue
            if _is_quote(t) and role_idx == [] and j > 0 and self.cand_at(j - 1) is not None:
                j -= 1  # "'IS' leader X"
                continue
            if t.text in ("'s", "\u2019s", "'") and owner is None and j > 0 and affil is None:
                pm = self.cand_at(j - 1)
                if pm is not None and pm.actors and (role_idx or gender):
                    if pm.actors[0].type == "person":
                        self.poss_affil.append((person, self.owner[j - 1]))
                    else:
                        affil = pm.actors[0]
            break
        if not role_idx and affil is None and gender is None:
            return
        role = None
        if role_idx and any(doc[i].lower_ in ROLE_HEADS or doc[i].lower_ in ROLE_ABBREVIATIONS for i in role_idx):
            lo, hi = min(role_idx), max(role_idx)
            words = " ".join(ROLE_ABBREVIATIONS.get(t.lower_, t.lower_) for t in doc[lo:hi + 1])
            role = re.sub(r"\s*-\s*", "-", words)
        if role is None and affil is None and gender is None:
            return
        if role and person.role is None:
            person.role = role
        if affil is not None and person.affiliation is None:
            person.affiliation = _affil_name(affil)
        if gender and person.name not in self.gender:
            self.gender[person.name] = gender
        # the mention covers its title: "Russian Foreign Minister Sergey Lavrov"
        while first < m.start and (_is_quote(doc[first]) or doc[first].is_punct):
            first += 1
        if first < m.start:
            self.extend(k, first, m.end, absorb=True)
            m.head = self.doc[m.start:m.end].root.i

    def _party_tag(self, m: Mention) -> None:
        """US press tags a legislator with party and state: "Adam Schiff (D-Calif.)", "Graham, R-S.C."."""
        doc = self.doc
        person = m.actors[0]
        j = m.end
        if j + 3 >= self.n or doc[j].text not in ("(", ","):
            return
        letter, dash, state = doc[j + 1], doc[j + 2], doc[j + 3]
        if letter.text in PARTY_TAGS and dash.text in ("-", "\u2013") and state.text[:1].isupper() \
                and not letter.whitespace_ and not dash.whitespace_:
            words = []
            for x in doc[j + 3:min(j + 7, self.n)]:
                if x.text in (")", ",", ";") or x.is_space:
                    break
                words.append(x.text)
            home = _us_state(words)
            if home:
                self.home.setdefault(person.name, home)
            if person.affiliation is not None:
                return
            entry = self.gaz.lookup(PARTY_TAGS[letter.text])
            if entry is not None:
                person.affiliation = entry.name
                if person.role is None:
                    person.role = "lawmaker"  # the press tags members of Congress this way

    def _home_apposition(self, m: Mention) -> None:
        """"X, Illinois Republican", "X, a South Carolina Democrat": the person's home state."""
        doc = self.doc
        j = m.end
        if j + 2 >= self.n or doc[j].text != ",":
            return
        j += 1
        if doc[j].lower_ in ("a", "the"):
            j += 1
        words = []
        while j < self.n and len(words) < 3 and doc[j].text[:1].isupper() and doc[j].lower_ not in PARTY_MEMBER_NOUNS:
            words.append(doc[j].text)
            j += 1
        if words and j < self.n and doc[j].lower_ in PARTY_MEMBER_NOUNS:
            home = _us_state(words)
            if home:
                self.home.setdefault(m.actors[0].name, home)

    def _of_phrase(self, m: Mention) -> None:
        """Affiliation from a post-modifier: "Hua Chunying of China's foreign ministry", "X of Hamas"."""
        person = m.actors[0]
        if person.affiliation is not None:
            return
        h = self.doc[m.head]
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "at") and c.i >= m.end:
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    k = self.owner[p.i] if self.owner[p.i] >= 0 else self.gov.get(p.i, -1)
                    om = self.cands[k] if k >= 0 else None
                    if om is not None and om.actors and len(om.actors) == 1 and om.actors[0].type != "person" \
                            and om.kind != "pronoun":
                        if om.actors[0].type == "country" and c.lower_ == "from" and om.head == p.i \
                                and om.kind in ("name", "alias"):
                            continue  # "a man from Syria" is not Syria's
                        person.affiliation = self._affiliation_of(om)
                        return

    def _apposition(self, m: Mention) -> None:
        doc = self.doc
        person = m.actors[0]
        if person.role is not None and person.affiliation is not None:
            return
        h = doc[m.head]
        nouns = [c for c in h.children if c.dep_ == "appos" and c.i > h.i]
        if h.dep_ == "appos" and h.head.i < h.i and self.cand_at(h.head.i) is None:
            nouns.append(h.head)  # "his US colleague, Secretary of State John Kerry"
        for a in nouns:
            if a.pos_ not in ("NOUN", "PROPN") or a.right_edge.i - a.left_edge.i > 12:
                continue
            if self.cand_at(a.i) is not None and self.cand_at(a.i).actors:
                continue
            if a.lower_ in ROLE_HEADS and person.role is None:
                mods = [c for c in a.children if c.i < a.i and c.dep_ in ("compound", "amod")
                        and (c.lower_ in ROLE_MODIFIERS or c.lower_ in ROLE_HEADS) and self.cand_at(c.i) is None]
                lo = min([c.i for c in mods] + [a.i])
                person.role = doc[lo:a.i + 1].text.lower()
                g = GENDERED_ROLES.get(a.lower_)
                if g and person.name not in self.gender:
                    self.gender[person.name] = g
            if person.affiliation is None:
                # the noun with its modifiers and "of"/"from" phrase, not a clause about something else
                # ("a loyal ally who opposed the president's Syrian policy": not Syria)
                near = list(doc[a.left_edge.i:a.i + 1]) + [x for c in a.children if c.dep_ == "prep" and c.i > a.i
                                                         and c.lower_ in ("of", "from", "at", "for") for x in c.subtree]
                for t in near:
                    if t.i in self.demonym_at and self.cand_at(t.i) is None:
                        person.affiliation = self.demonym_at[t.i][1].name
                        break
                    om = self.cand_at(t.i)
                    if om is not None and om.actors and om.actors[0].type != "person":
                        person.affiliation = self._affiliation_of(om)
                        break

    def _affiliation_of(self, om: Mention) -> str:
        """An organisation unknown to the gazetteer whose name carries a country stands for it."""
        a = om.actors[0]
        if a.type == "organisation" and a.name not in self.gaz.entries:
            for t in self.doc[om.start:om.end]:
                if t.i in self.demonym_at:
                    return self.demonym_at[t.i][1].name
        return _affil_name(a)

    # -- 4. role references: "the Russian president" ----------------------------
    def role_references(self) -> None:
        doc = self.doc
        people = [m for m in self.cands if m is not None and m.actors and m.actors[0].type == "person"]
        if not people:
            return
        people.sort(key=lambda m: m.start)
        for t in self.toks:
            if t.lower_ not in ROLE_HEADS or t.tag_ not in ("NN", "NNP") or self.owner[t.i] >= 0:
                continue
            nxt = doc[t.i + 1] if t.i + 1 < self.n else None
            if nxt is not None and nxt.pos_ == "PROPN" and self.owner[nxt.i] >= 0:
                continue  # a title in front of a name, handled by titles()
            det = [c for c in t.children if c.i < t.i and (c.lower_ in ("the", "this") or c.dep_ == "poss")]
            if not det:
                continue
            affil: str | None = None
            of_part = ""
            start = t.i
            mods = []
            for c in sorted(t.children, key=lambda c: c.i):
                if c.i > t.i:
                    if c.dep_ == "prep" and c.lower_ == "of" and affil is None:
                        affil = ""  # "the Minister of Foreign Affairs": an office we cannot match
                        for p in c.children:
                            pm = self.cand_at(p.i)
                            if p.dep_ == "pobj" and pm is not None and pm.actors and pm.actors[0].type != "person":
                                affil = pm.actors[0].name
                            elif p.dep_ == "pobj" and pm is None and p.right_edge.i - c.i <= 3 and all(
                                    x.lower_ in ROLE_MODIFIERS or x.lower_ in OFFICE_WORDS for x in doc[c.i + 1:p.right_edge.i + 1]):
                                affil = None  # "the secretary of state": the office is part of the role
                                of_part = doc[c.i:p.right_edge.i + 1].text.lower()
                    continue
                if c.lower_ in ("the", "this"):
                    start = min(start, c.i)
                elif c.dep_ == "poss":
                    pm = self.cand_at(c.i)
                    if pm is not None and pm.actors and pm.actors[0].type != "person":
                        affil = pm.actors[0].name
                elif c.i in self.demonym_at and self.owner[c.i] < 0:
                    affil = self.demonym_at[c.i][1].name
                    start = min(start, c.i)
                elif c.dep_ in ("compound", "amod") and (c.lower_ in ROLE_MODIFIERS or c.lower_ in ROLE_HEADS):
                    mods.append(c.i)
                    start = min(start, c.i)
                else:
                    pm = self.cand_at(c.i)
                    if c.dep_ == "compound" and pm is not None and pm.actors and pm.actors[0].type != "person":
                        affil = pm.actors[0].name  # "the US president"
                        continue
                    break
            if affil == "":
                continue
            lo = min(mods + [t.i])
            role = doc[lo:t.i + 1].text.lower()
            end = t.i + 1
            if of_part:
                role += " " + of_part
                end = max(x.right_edge.i for x in t.children if x.dep_ == "prep" and x.lower_ == "of") + 1
            target = self._person_with_role(people, t.i, role, affil, self.sent_of)
            if target is None or not self.free(start, end):
                continue
            k = self.add(start, end, (target,), "role", head=t.i)
            self.person_ks.append(k)

    def party_references(self) -> None:
        """"the California Democrat", "the Republican": the latest person named before who is of that party."""
        doc = self.doc
        people = sorted((m for m in self.cands if m is not None and m.actors and m.actors[0].type == "person"
                         and m.kind != "pronoun"), key=lambda m: m.start)
        if not people:
            return
        for t in self.toks:
            if t.lower_ not in PARTY_MEMBER_NOUNS or t.tag_ not in ("NN", "NNP") or t.i not in self.demonym_at \
                    or self.owner[t.i] >= 0 and (self.cand_at(t.i) is None or self.cand_at(t.i).kind != "demonym"):
                continue
            if t.dep_ in ("compound", "amod", "nmod") or self.shouting[t.i]:
                continue  # "the Republican side", "Republican senators"
            left = sorted((c for c in t.children if c.i < t.i), key=lambda c: c.i)
            if not left or left[0].lower_ not in ("the", "this", "that"):
                continue
            start = left[0].i
            # anything between the article and the noun is a place name ("the South Carolina Republican")
            if not all(x.text[:1].isupper() and x.pos_ == "PROPN" for x in doc[start + 1:t.i]):
                continue
            inside = {self.owner[i] for i in range(start, t.i + 1) if self.owner[i] >= 0}
            if any(self.cands[k] is not None and (self.cands[k].start < start or self.cands[k].end > t.i + 1
                                                   or self.cands[k].actors and self.cands[k].actors[0].type == "person")
                   for k in inside):
                continue
            party = self.demonym_at[t.i][1].name
            home = _us_state(x.text for x in doc[start + 1:t.i]) if t.i > start + 1 else None

            def at_home(a: Actor) -> bool:  # "the Maryland Democrat" is not a Democrat from California
                return home is None or self.home.get(a.name, home) == home
            before = [m.actors[0] for m in people if m.end <= start and m.actors[0].affiliation == party
                      and at_home(m.actors[0])]
            if home is not None and any(self.home.get(a.name) == home for a in before):
                before = [a for a in before if self.home.get(a.name) == home]
            if not before:
                # nobody known to be of the party: the person the last sentences were about, if their
                # party is unknown ("Senate leader X said ... The Kentucky Republican added")
                si = self.sent_of[t.i]
                recent = [m for m in people if m.end <= start and si - 2 <= self.sent_of[m.start] <= si
                          and self.doc[m.head].dep_ in SUBJ_DEPS and at_home(m.actors[0])]
                if not recent or recent[-1].actors[0].affiliation is not None:
                    continue
                before = [recent[-1].actors[0]]
                before[0].affiliation = party
            for k in inside:
                self.cands[k] = None
                for i in range(self.n):
                    if self.owner[i] == k:
                        self.owner[i] = -1
            if home is not None:
                self.home.setdefault(before[-1].name, home)
            k = self.add(start, t.i + 1, (before[-1],), "role", head=t.i)
            self.person_ks.append(k)

    def org_references(self) -> None:
        """"the committee" after "the House Ethics Committee": the latest organisation of that kind."""
        doc = self.doc
        orgs = sorted((m for m in self.cands if m is not None and len(m.actors) == 1
                       and m.actors[0].type in ("organisation", "group")), key=lambda m: m.start)
        if not orgs:
            return
        for t in self.toks:
            low = t.lower_
            if low not in ORG_HEAD_NOUNS or t.tag_ != "NN" or t.text[:1].isupper() or self.owner[t.i] >= 0 \
                    or t.i == 0 or doc[t.i - 1].lower_ != "the" or self.owner[t.i - 1] >= 0:
                continue
            if any(c.dep_ == "prep" and c.lower_ in ("of", "on", "for") for c in t.children):
                continue  # "the committee of experts": a new one
            found = [m.actors[0] for m in orgs if m.end <= t.i
                     and low in m.actors[0].name.lower().split() and m.actors[0].name.split()[0].lower() != low]
            if found:
                self.add(t.i - 1, t.i + 1, (found[-1],), "alias", head=t.i)

    def bare_bodies(self) -> None:
        """"the Senate", "the House", "the Navy" with no state named: that body of the state the
        article is about (the country its mentions and its state bodies point to most), if just one."""
        doc = self.doc
        table = _body_words(self.gaz)
        counts: dict[str, int] = {}
        for m in self.cands:
            if m is None or len(m.actors) != 1:
                continue
            a = m.actors[0]
            name = a.name if a.type == "country" else a.affiliation if a.type in ("organisation", "group") else None
            if name is not None and name in self.gaz.entries and self.gaz.entries[name].type == "country":
                counts[name] = counts.get(name, 0) + 1
        if not counts:
            return
        best = max(counts.values())
        focus = [n for n, c in counts.items() if c == best]
        if len(focus) != 1 or best < 2:
            return
        for t in self.toks:
            if self.owner[t.i] >= 0 or not t.text[:1].isupper() or not t.is_alpha or self.shouting[t.i] \
                    or t.dep_ in ("compound", "amod", "nmod"):
                continue
            if t.i + 1 < self.n and (doc[t.i + 1].lower_ in ("of", "for") or doc[t.i + 1].pos_ == "PROPN"):
                continue  # "the House of Lords", "Senate Majority Leader": a longer name
            found = table.get((focus[0], t.lower_), [])
            if len(found) != 1:
                continue
            s = t.i - 1 if t.i > 0 and doc[t.i - 1].lower_ == "the" and self.owner[t.i - 1] < 0 else t.i
            if s == t.i and t.dep_ not in SUBJ_DEPS and t.dep_ != "poss":
                continue  # without "the", only as a doer ("Senate votes"): else an ordinary word
            self.add(s, t.i + 1, (self.entry_actor(found[0]),), "alias", head=t.i)

    @staticmethod
    def _person_with_role(people: list[Mention], i: int, role: str, affil: str | None,
                          sent_of: list[int] | None = None) -> Actor | None:
        def ok(a: Actor) -> bool:
            return _role_match(role, a.role) and (affil is None or a.affiliation in (None, affil))

        before = [m.actors[0] for m in people if m.start < i and ok(m.actors[0])]
        if before:
            return before[-1]
        after = [m for m in people if m.start > i and ok(m.actors[0])]
        if not after or (sent_of is not None and sent_of[after[0].start] > sent_of[i] + 2):
            return None  # a person introduced with the title much later is not who "the president" was
        return after[0].actors[0]

    # -- 5. "the Russian government", "Assad regime", "IS militants" ------------------
    def government_phrases(self) -> None:
        doc = self.doc
        for h in doc:
            low = h.lower_
            if h.pos_ not in ("NOUN", "PROPN") or not (low in STATE_NOUNS or low in GROUP_NOUNS
                                                       or low in PERSON_TEAM_NOUNS):
                continue
            hk = self.owner[h.i]
            if hk >= 0:
                continue
            for c in sorted(h.children, key=lambda c: -c.i):
                if c.i > h.i:
                    if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "in" and low in DEFINITE_STATE_NOUNS):
                        # "the government of Syria", "the government in Bamako"
                        pobjs = [p for p in c.children if p.dep_ == "pobj"]
                        if low in DEFINITE_STATE_NOUNS:  # "the junta in power in Mali"
                            pobjs += [q for p in pobjs if self.cand_at(p.i) is None for pp in p.children
                                      if pp.dep_ == "prep" and pp.lower_ == "in" for q in pp.children if q.dep_ == "pobj"]
                        for p in pobjs:
                            pm = self.cand_at(p.i)
                            if pm is not None and pm.actors and self._fits(pm.actors[0], low):
                                self.gov[h.i] = self.owner[p.i]
                                break
                    continue
                if c.dep_ not in ("amod", "compound", "poss", "nmod", "npadvmod"):
                    continue
                ck = self.owner[c.i]
                cm = self.cand_at(c.i)
                if low in PERSON_TEAM_NOUNS and (cm is None or not cm.actors or cm.actors[0].type != "person"
                                                 or c.dep_ not in ("poss", "compound", "amod") or cm.kind == "pronoun"):
                    break
                if cm is not None and cm.actors and cm.actors[0].type == "person":
                    if low in PERSON_STATE_NOUNS and cm.kind != "pronoun":
                        state = self._person_state(cm.actors[0])
                        if state is None and low in GOVERNMENT_NOUNS and c.dep_ != "poss" and h.tag_ == "NN":
                            # "the Smith administration" of a leader whose state the article never says:
                            # the government itself is the actor, and "the administration" later means it
                            state = self.actor(f"{cm.actors[0].name.split()[-1]} {low}", "country")
                        if state is not None and c.dep_ != "poss" and self.free(cm.end, h.i + 1):
                            cm.actors, cm.kind = (state,), "metonym"  # "the Assad regime"
                            self.extend(ck, cm.start, h.i + 1)
                        else:
                            self.gov[h.i] = ck
                    elif low in PERSON_TEAM_NOUNS:
                        self.gov[h.i] = ck  # "Mueller's team"
                    break
                units = [u for u in (self._unit(x) for x in [c, *c.conjuncts] if x.i < h.i) if u is not None]
                if not units or (cm is None and c.i not in self.demonym_tok):
                    continue  # "foreign" in "China's foreign ministry"
                actors: list[Actor] = []
                for _, _, acts in units:
                    for a in acts:
                        if self._fits(a, low) and a not in actors:
                            actors.append(a)
                if not actors:
                    break
                if len(units) == 1 and cm is not None:
                    if c.dep_ != "poss" and self.free(cm.end, h.i + 1):
                        adjacent = h.i == cm.end
                        self.extend(ck, cm.start, h.i + 1)  # "US officials", "Syrian government forces"
                        if len(actors) == 1 and actors[0].name.endswith(" Party") and low in CAUCUS_NOUNS \
                                and adjacent and not self.shouting[h.i] and len(cm.actors) == 1:
                            cm.actors, cm.kind = (self._caucus(actors[0], low),), "demonym"  # "GOP lawmakers"
                    else:
                        self.gov[h.i] = ck  # "Russia's government"
                    break
                if c.dep_ == "poss":
                    break
                start = min(u[0] for u in units)
                inside = {self.owner[i] for i in range(start, h.i + 1) if self.owner[i] >= 0}
                mine = {self.owner[u[0]] for u in units if self.owner[u[0]] >= 0}
                if not inside <= mine:
                    break
                for o in inside:  # "Chinese and US officials": one mention of both
                    self.cands[o] = None
                kind = "demonym" if len(actors) == 1 else "group"
                if len(actors) == 1 and actors[0].name.endswith(" Party") and low in CAUCUS_NOUNS \
                        and h.i - start == 1 and not self.shouting[h.i]:
                    # "Republican lawmakers": the party's members in a legislature act as a caucus of their own
                    actors = [self._caucus(actors[0], low)]
                self.gov[h.i] = self.add(start, h.i + 1, tuple(actors), kind, head=h.i)
                break

    def _caucus(self, party: Actor, noun: str, name: str | None = None) -> Actor:
        """A party's members in a legislature, one actor however the party is spelt: "Republican
        lawmakers" for "GOP lawmakers" too, "Democratic senators" for "Democrat senators"; ``name``
        when the caucus is named otherwise ("House Democrats")."""
        caucus = self.actor(name or f"{party.name.split()[0]} {noun}", "group")
        caucus.affiliation = caucus.affiliation or party.name
        return caucus

    def chamber_caucuses(self) -> None:
        """ "House Democrats", "Senate Republicans": a party's members in one chamber act as a caucus
        of their own (as "Republican lawmakers" does), affiliated with the party."""
        doc = self.doc
        for k, m in enumerate(self.cands):
            if m is None or len(m.actors) != 1 or m.actors[0].type != "group" or m.start == 0 \
                    or m.end - m.start != 1 or not doc[m.start].text.endswith("s") or self.shouting[m.start]:
                continue
            ch = doc[m.start - 1]
            if ch.text not in CHAMBER_WORDS or self.owner[ch.i] >= 0 and self.cand_at(ch.i) is not m:
                continue
            if self.extend(k, ch.i, m.end):
                m.actors = (self._caucus(m.actors[0], doc[m.end - 1].lower_, name=m.text),)
                m.kind = "name"

    def link_states(self) -> None:
        """Remember which state "the junta"/"the government" was last said to be."""
        self.state_links_all: dict[str, list[tuple[int, Actor]]] = {}
        heads = [(h, self.cands[k]) for h, k in self.gov.items()]
        heads += [(m.head, m) for m in self.cands if m is not None and m.actors]
        for h, m in sorted(heads, key=lambda x: x[0]):
            if m is None or len(m.actors) != 1 or m.actors[0].type != "country":
                continue
            lemma = self.doc[h].lemma_
            if self.doc[h].lower_ in DEFINITE_STATE_NOUNS or lemma in DEFINITE_STATE_NOUNS:
                self.state_links_all.setdefault(lemma, []).append((h, m.actors[0]))

    def _unit(self, x: Token) -> tuple[int, int, tuple[Actor, ...]] | None:
        """The actor(s) a modifier token stands for: a mention, or a demonym."""
        m = self.cand_at(x.i)
        if m is not None:
            return (m.start, m.end, m.actors) if m.actors and m.actors[0].type != "person" else None
        if self.owner[x.i] < 0 and x.i in self.demonym_tok:
            ds, de, entry = self.demonym_tok[x.i]
            return ds, de, (self.entry_actor(entry),)
        return None

    @staticmethod
    def _fits(a: Actor, noun: str) -> bool:
        if a.type == "country":
            return noun in STATE_NOUNS
        if a.type == "group":
            return noun in GROUP_NOUNS or noun in STATE_NOUNS
        return a.type == "organisation" and (noun in GROUP_NOUNS or noun in STATE_NOUNS)

    def _person_state(self, person: Actor) -> Actor | None:
        if not person.affiliation:
            return None
        e = self.gaz.lookup(person.affiliation)
        if e is not None:
            return self.entry_actor(e) if e.type == "country" else None
        a = self.actors.get(person.affiliation)
        return a if a is not None and a.type == "country" else None

    # -- 6. demonyms and NORP used as nouns: "the Kurds", "Republicans" -------------
    def norp_nouns(self) -> None:
        doc = self.doc
        for s, (e, entry) in sorted(self.demonym_at.items()):
            # "the Democratic demands", "Republican efforts": the party owns what the noun names
            h = doc[e - 1]
            if entry.type == "group" and h.dep_ in ("amod", "compound") and h.head.i >= e \
                    and h.head.lemma_.lower() in OWNED_NOUNS and self.free(s, e) and not self.shouting[s]:
                self.add(s, e, (self.entry_actor(entry),), "demonym")
        for s, (e, entry) in sorted(self.demonym_at.items()):
            root = doc[s:e].root
            if self.free(s, e) and root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound", "nmod"):
                self.add(s, e, (self.entry_actor(entry),), "demonym")
        for ent in doc.ents:
            if ent.label_ != "NORP":
                continue
            s, e = _trim(ent)
            if s >= e or not self.free(s, e):
                continue
            root = doc[s:e].root
            if root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound", "nmod"):
                self.add(s, e, (self.actor(_clean_surface(doc[s:e].text), "group"),), "demonym")

    # -- 7. pronouns and "the two" ----------------------------------------------------
    def references(self) -> None:
        doc = self.doc
        base = sorted((m for m in self.cands if m is not None and m.actors), key=lambda m: m.start)
        history: list[Mention] = []
        p = 0
        thing_it = -1  # the sentence whose "it" was a thing, not an actor
        for t in self.toks:
            while p < len(base) and base[p].end <= t.i:
                history.append(base[p])
                p += 1
            if self.owner[t.i] >= 0:
                continue
            low = t.lower_
            m = None
            if low in PRON_PERSON or low in PRON_IT or low in PRON_THEY:
                si = self.sent_of[t.i]
                if low == "it" and thing_it == si:
                    continue  # "it was an abuse ... and it could disrupt": the same thing again
                actors = self._pronoun(t, history)
                if low == "it" and not actors:
                    thing_it = si
                if actors:
                    k = self.add(t.i, t.i + 1, actors, "pronoun")
                    m = self.cands[k]
                    h = t.head
                    if t.dep_ == "poss" and h.i > t.i and self.owner[h.i] < 0 and h.i not in self.gov and len(actors) == 1:
                        # "his administration", "its forces": the possessor's people act for it
                        if actors[0].type == "person":
                            ok = h.lower_ in PERSON_STATE_NOUNS or h.lower_ in PERSON_TEAM_NOUNS
                        else:
                            ok = self._fits(actors[0], h.lower_)
                        if ok:
                            self.gov[h.i] = k
            elif low in _PLURAL_COUNT:
                m = self._plural(t, history)
            elif low in DEFINITE_STATE_NOUNS and t.i not in self.gov:
                m = self._definite_state(t, history)
            elif low in DEFINITE_GROUP_NOUNS and t.i not in self.gov:
                m = self._definite_group(t, history)
            if m is not None:
                history.append(m)

    def _salience(self, m: Mention) -> int:
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

    def _pronoun(self, t: Token, history: list[Mention]) -> tuple[Actor, ...] | None:
        low = t.lower_
        s = self.sent_of[t.i]
        possessive = low in _POSS_PRON and t.dep_ == "poss" or low in ("its", "their", "his")
        if low in PRON_PERSON:
            g = PRON_PERSON[low]

            def fits(m: Mention) -> bool:
                if len(m.actors) != 1 or m.actors[0].type != "person":
                    return False
                known = self.gender.get(m.actors[0].name)
                return known is None or known == g
            window = 2
        elif low in PRON_IT:
            if low == "it" and (t.dep_ not in ("nsubj", "nsubjpass") or t.head.pos_ != "VERB" or t.head.lemma_ in
                                ("be", "seem", "appear", "become", "remain", "happen", "matter", "take", "make")) \
                    and not _attitude_copula(t):
                return None  # expletive or a thing, not an actor
            if t.dep_ == "expl":
                return None

            def fits(m: Mention) -> bool:
                return (len(m.actors) == 1 and m.actors[0].type != "person"
                        and self.doc[m.head].tag_ not in ("NNS", "NNPS")
                        and m.actors[0].name.split()[-1].lower() not in CAUCUS_NOUNS)  # "Republican lawmakers"
            window = 1 if low == "it" else 2
        else:
            def fits(m: Mention) -> bool:
                return len(m.actors) > 1 or m.actors[0].type != "person"
            window = 2
        cands = [m for m in reversed(history) if self.sent_of[m.start] >= s - window and m.end <= t.i and fits(m)
                 and self._salience(m) >= 0]
        # principle B: an object pronoun is not the subject of its own verb
        if t.dep_ in ("dobj", "pobj", "dative"):
            cands = [m for m in cands if not (self.doc[m.head].head.i == t.head.i and self.doc[m.head].dep_ in SUBJ_DEPS)]
            ctrl = self._controller(t)
            if ctrl is not None:  # "accused X of fighting alongside them", "urged X to fight them": not X
                cands = [m for m in cands if m.head != ctrl.i]
        # and a subject pronoun is not the named object of its own verb ("He faulted Mr. Smith": not Smith)
        if t.dep_ == "nsubj" and low in PRON_PERSON:
            objs = {a.name for c in t.head.children if c.dep_ == "dobj" and c.i > t.i
                    for om in [self.cand_at(c.i)] if om is not None and om.kind != "pronoun" for a in om.actors}
            if objs:
                cands = [m for m in cands if m.actors[0].name not in objs]
        if low in PRON_PERSON and self.in_quote[t.i]:
            # '"He must resign," Hallow said': the speaker calls himself "I", so "he" is someone else
            speaker = self._quote_speaker(s)
            if speaker is not None:
                cands = [m for m in cands if m.actors[0] is not speaker]
        # "X, speaking at a forum, said that he ...": the subject of a verb above the pronoun binds it,
        # even when another person's gender is better known
        bound = self._clause_subject(t, cands) if low in PRON_PERSON and not possessive else None
        if low in PRON_PERSON and bound is None and self._unnamed_subject(t):
            return None  # "Ukraine's president said his forces ...": the unnamed one's, not a person before
        if low in PRON_PERSON:  # people known to be of the pronoun's gender come first
            known = [m for m in cands if self.gender.get(m.actors[0].name) == PRON_PERSON[low]]
            if known:
                cands = known
        if not cands:
            return None
        if low in PRON_IT or low in PRON_THEY:
            # a nearer subject that is a thing of the same number is the antecedent ("Trump's lawyers ...
            # their own witnesses"); with no actor earlier in the sentence, a nearer object too ("He will
            # defend the city against attacks on its name": not the country of the sentence before)
            plural = low in PRON_THEY
            sent_start = self.sent_bounds[s][0]
            nearest = max((m.end for m in cands if self.sent_of[m.start] == s), default=sent_start)
            deps = SUBJ_DEPS | {"dobj"} if nearest == sent_start else SUBJ_DEPS
            for x in self.doc[nearest:t.i]:
                gm = self.cands[self.gov[x.i]] if x.i in self.gov and x.dep_ in SUBJ_DEPS else None
                if gm is not None and gm.actors and gm.actors[0].type == "person" and gm.kind != "pronoun" \
                        and (x.tag_ == "NNS") == plural:
                    # "Pashinyan's government froze its participation": the person's state, not a state before
                    state = self._person_state(gm.actors[0])
                    return (state,) if state is not None else None
                if x.dep_ in deps and x.pos_ == "NOUN" and self.owner[x.i] < 0 and x.i not in self.gov \
                        and (x.tag_ == "NNS") == plural:
                    return None
        if not self.in_quote[t.i]:  # '"...the U.S. ...", its spokesman said': not the quoted ones
            cands = [m for m in cands if not (self.in_quote[m.start] and self.sent_of[m.start] == s)]
            if not cands:
                return None
        same = [m for m in cands if self.sent_of[m.start] == s]
        chosen: Mention | None = None
        if same and low in PRON_THEY:
            plural = [m for m in same if self._plural_mention(m)]
            if plural:  # "help the West and Arab states in their fight": not the singular subject
                same = plural
        if bound is not None:
            chosen = bound
        elif same:
            if possessive:
                chosen = self._possessor(t, same)
            else:
                subj = [m for m in same if self._salience(m) == 3]
                chosen = subj[0] if subj else next((m for m in same if self._salience(m) > 0), same[0])
        else:
            if low in PRON_IT or low in PRON_THEY:
                subj = self._main_subject(s - 1)
                if subj is not None and self.owner[subj.i] < 0 and subj.pos_ in ("NOUN", "PROPN") and \
                        (subj.tag_ in ("NNS", "NNPS")) == (low in PRON_THEY):
                    return None  # "The vote was ... It ties into": the pronoun is the thing, not an actor
            for si in range(s - 1, s - window - 1, -1):
                in_s = [m for m in cands if self.sent_of[m.start] == si]
                if in_s:
                    in_s.sort(key=lambda m: m.start)
                    chosen = max(in_s, key=self._salience)  # max keeps the leftmost on ties
                    break
        if chosen is None:
            return None
        if low in PRON_PERSON and same and len({m.actors[0].name for m in same}) == 1:
            # the only person of the sentence: learn the gender ("Pelosi used her ...")
            self.gender.setdefault(chosen.actors[0].name, PRON_PERSON[low])
        if low in PRON_THEY and len(chosen.actors) == 1:
            group = self._coordination(chosen)
            if group:
                return group
        return chosen.actors

    def _quote_speaker(self, si: int) -> Actor | None:
        """The person a sentence's quotation is attributed to ("...," X said), if said outside the quote."""
        cache = self.__dict__.setdefault("_speaker_cache", {})
        if si in cache:
            return cache[si]
        found: Actor | None = None
        s, e = self.sent_bounds[si]
        for v in self.doc[s:e]:
            if v.lemma_ not in SPEECH_VERBS or self.in_quote[v.i]:
                continue
            for c in v.children:
                if c.dep_ == "nsubj" and not self.in_quote[c.i]:
                    m = self.cand_at(c.i)
                    if m is not None and len(m.actors) == 1 and m.actors[0].type == "person":
                        found = m.actors[0]
            if found is not None:
                break
        cache[si] = found
        return found

    def _plural_mention(self, m: Mention) -> bool:
        h = self.doc[m.head]
        return len(m.actors) > 1 or h.tag_ in ("NNS", "NNPS") or h.dep_ == "conj" or any(c.dep_ == "conj" for c in h.children)

    def _clause_subject(self, t: Token, cands: list[Mention]) -> Mention | None:
        """The nearest clause above the pronoun whose subject is a candidate ("X said that he", "X
        tweeted he would not allow it", "X chided those who, he said, ..."); the pronoun's own verb aside."""
        doc = self.doc
        s = self.sent_of[t.i]
        byhead = {m.head: m for m in cands if self.sent_of[m.start] == s}
        if not byhead:
            return None
        own = t.head if t.dep_ in SUBJ_DEPS else None
        for a in t.ancestors:
            if a is own or a.pos_ not in ("VERB", "AUX"):
                continue
            for c in a.children:
                if c.dep_ in SUBJ_DEPS and c.i < t.i and c.tag_ not in ("WP", "WDT"):
                    m = byhead.get(c.i)
                    if m is None:
                        k = self.owner[c.i]
                        m = self.cands[k] if k >= 0 and self.cands[k] in cands else None
                    if m is not None and self.in_quote[m.start] == self.in_quote[t.i]:
                        return m
                    return None  # a clause with another subject stops the climb
        return None

    @staticmethod
    def _controller(t: Token) -> Token | None:
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

    def _unnamed_subject(self, t: Token) -> bool:
        """Is the nearest subject above a person pronoun, before it, a new person no mention names
        ("Ukraine's president", "a senior official")?"""
        own = t.head if t.dep_ in SUBJ_DEPS else None
        for a in t.ancestors:
            if a is own or a.pos_ not in ("VERB", "AUX"):
                continue
            subj = next((c for c in a.children if c.dep_ in SUBJ_DEPS and c.i < t.i), None)
            if subj is None:
                continue
            if subj.lower_ not in ROLE_HEADS or self.owner[subj.i] >= 0:
                return False
            # a new person: someone's ("Ukraine's president"), a state's ("the Ukrainian president"), "a" one;
            # a bare "the general" may be the person named before
            return any(c.dep_ == "poss" or c.lower_ in ("a", "an") or c.i in self.demonym_tok
                       or (self.cand_at(c.i) is not None and c.dep_ in ("compound", "amod"))
                       for c in subj.children if c.i < subj.i)
        return False

    def _possessor(self, t: Token, same: list[Mention]) -> Mention:
        """Whose "its"/"his": "Lavrov and his colleague" the one just before; "convince Syria to
        destroy its weapons" the controller; else the nearest subject, else the nearest."""
        doc = self.doc
        if t.i >= 2 and doc[t.i - 1].lower_ in ("and", "or"):
            m = self.cand_at(t.i - 2)
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
        subj = [m for m in same if self._salience(m) == 3]
        if subj:
            return subj[0]
        return next((m for m in same if self._salience(m) > 0), same[0])

    def _main_subject(self, si: int) -> Token | None:
        if si < 0:
            return None
        s, e = self.sent_bounds[si]
        root = self.doc[s:e].root
        return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    def _the_phrase_start(self, t: Token, modifier: Callable[[Token], int | None]) -> int | None:
        """Where "the <modifiers> <t>" starts ("the Iran-backed group", "the military junta"): None unless
        it opens with "the" and every word before ``t`` is "the" or a modifier that ``modifier`` takes
        (it gives the modifier's first token)."""
        start = t.i
        for c in t.children:
            if c.i > t.i:
                continue
            if c.lower_ == "the" and c.dep_ == "det":
                start = min(start, c.i)
                continue
            first = modifier(c)
            if first is None:
                return None
            start = min(start, first)
        return start if start < t.i and self.doc[start].lower_ == "the" else None

    def _definite_group(self, t: Token, history: list[Mention]) -> Mention | None:
        """"the group", "the Iran-backed militia", "the rebel movement": the armed group or movement named
        just before (within two sentences)."""
        if t.tag_ != "NN" or any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in t.children) \
                or any(c.dep_ in ("relcl", "acl") for c in t.children):
            return None
        start = self._the_phrase_start(t, lambda c: c.left_edge.i if c.dep_ in ("amod", "compound", "npadvmod")
                                       and c.pos_ in ("ADJ", "NOUN", "VERB", "PROPN") else None)
        if start is None:
            return None
        if any(self.owner[i] >= 0 and self.doc[i].dep_ != "npadvmod" and self.doc[i].head.i == t.i
               for i in range(start, t.i)):
            return None  # "the Hamas group", "the Houthi movement": named already
        s = self.sent_of[t.i]
        for m in reversed(history):
            if self.sent_of[m.start] < s - 2:
                break
            if len(m.actors) == 1 and m.actors[0].type == "group" and m.end <= t.i \
                    and not m.actors[0].name.endswith(" Party") and self.free(t.i, t.i + 1):
                return self.cands[self.add(t.i, t.i + 1, m.actors, "role", head=t.i)]
        return None

    def _definite_state(self, t: Token, history: list[Mention]) -> Mention | None:
        """"the junta", "the government" with nothing to say whose: the country in focus."""
        if t.tag_ not in ("NN", "NNS") or any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in t.children):
            return None
        start = self._the_phrase_start(t, lambda c: c.i if c.dep_ in ("amod", "compound") and self.owner[c.i] < 0
                                       and c.i not in self.demonym_at and c.pos_ in ("ADJ", "NOUN", "VERB") else None)
        if start is None or not self.free(start, t.i + 1):
            return None
        s = self.sent_of[t.i]
        links = [a for h, a in self.state_links_all.get(t.lemma_, []) if h < t.i]
        if not links and t.lemma_ in RULING_LEMMAS:
            # "Niger's military government" ... "the junta": the state whose rulers were named most often, then first
            syn = sorted((h, a) for lem in RULING_LEMMAS for h, a in self.state_links_all.get(lem, []) if h < t.i)
            if syn:
                count: dict[str, int] = {}
                for _, a in syn:
                    count[a.name] = count.get(a.name, 0) + 1
                links = [max((a for _, a in syn), key=lambda a: count[a.name])]
        if links:  # "Mali's junta" ... "the junta"
            return self.cands[self.add(start, t.i + 1, (links[-1],), "role", head=t.i)]
        countries = [m for m in reversed(history) if self.sent_of[m.start] >= s - 3
                     and len(m.actors) == 1 and m.actors[0].type == "country"]
        if t.lemma_ in ("country", "nation", "kingdom", "republic"):
            # "the country": the country in focus, the most salient one of the nearest sentence
            for si in range(s, s - 4, -1):
                in_s = [m for m in countries if self.sent_of[m.start] == si and self._salience(m) >= 0]
                if in_s:
                    best = max(reversed(in_s), key=self._salience)
                    return self.cands[self.add(start, t.i + 1, best.actors, "role", head=t.i)]
            return None
        for m in countries:
            if not (self.sent_of[m.start] == s and self._salience(m) == 3):
                # (the subject of the same sentence is who talks about "the government", not it)
                return self.cands[self.add(start, t.i + 1, m.actors, "role", head=t.i)]
        if not countries:
            # no state named nearby: the state of a person named nearby ("Former Pakistani prime minister
            # X accused the army")
            for m in reversed(history):
                if self.sent_of[m.start] < s - 3:
                    break
                if len(m.actors) == 1 and m.actors[0].type == "person":
                    state = self._person_state(m.actors[0])
                    if state is not None:
                        return self.cands[self.add(start, t.i + 1, (state,), "role", head=t.i)]
        return None

    def _coordination(self, m: Mention) -> tuple[Actor, ...] | None:
        """The actors of "Russia and the USA" when m is one of the conjuncts."""
        h = self.doc[m.head]
        while h.dep_ == "conj" and h.head.i != h.i:
            h = h.head
        members = [h] + [c for c in h.subtree if c.dep_ == "conj"]
        actors: list[Actor] = []
        for x in members:
            xm = self.cand_at(x.i)
            if xm is not None and xm.actors:
                for a in xm.actors:
                    if a not in actors:
                        actors.append(a)
        return tuple(actors) if len(actors) >= 2 else None

    def _plural(self, t: Token, history: list[Mention]) -> Mention | None:
        doc = self.doc
        low = t.lower_
        noun: Token | None = None
        if t.dep_ in ("nummod", "det", "predet", "preconj", "quantmod") or t.head.i > t.i and t.head.tag_ in ("NNS", "NNPS"):
            noun = t.head
            if noun.i <= t.i or noun.lower_ not in PLURAL_ACTOR_NOUNS or self.owner[noun.i] >= 0:
                return None
            want = PLURAL_ACTOR_NOUNS[noun.lower_]
        elif t.dep_ in SUBJ_DEPS or t.dep_ in ("dobj", "pobj"):
            want = None
        else:
            return None  # "Russia and the USA both agreed": the conjunction is the subject
        count = _PLURAL_COUNT[low]
        if low != "both" and not (t.i > 0 and doc[t.i - 1].lower_ in ("the", "these", "those", "all")):
            return None
        start = t.i if low == "both" else t.i - 1
        end = (noun.i if noun is not None else t.i) + 1
        if not self.free(start, end):
            return None
        s = self.sent_of[t.i]
        pool = [m for m in reversed(history) if self.sent_of[m.start] >= s - 3 and self._salience(m) >= 0]
        for strict in (True, False):
            actors: list[Actor] = []
            kind = want
            for m in pool:
                if strict and self._salience(m) == 0:
                    continue
                for a in m.actors:
                    if kind is None:
                        kind = "person" if a.type == "person" else "other"
                    ok = a.type == kind or (kind == "other" and a.type != "person")
                    if ok and a not in actors:
                        actors.append(a)
                if len(actors) >= count:
                    break
            if len(actors) >= count:
                return self.cands[self.add(start, end, tuple(reversed(actors[:count])), "group",
                                           head=(noun.i if noun is not None else t.i))]
        return None
