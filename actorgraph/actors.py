"""Actor recognition and in-article resolution: the spaCy component ``actorgraph_actors``.

API (the stances stage codes against exactly this)::

    import actorgraph.actors  # registers the factory and the Doc extension
    nlp.add_pipe("actorgraph_actors", after="ner")          # bundled gazetteer
    nlp.add_pipe("actorgraph_actors", config={"gazetteer_files": ["mine.csv"]})
    nlp.get_pipe("actorgraph_actors").gazetteer = gaz       # or any Gazetteer object
    nlp.add_pipe("actorgraph_actors", config={"skip_passes": ["names.short"]})  # measure a pass
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

How: ``actorgraph/resolve/`` runs an ordered list of named passes (``resolve.passes.PASSES``,
ids such as ``names.surname``, ``roles.title``, ``states.apparatus``, ``refs.walk``) over one
``ResolverState``; every word class they read is data in ``actorgraph/lexicon/en/words/``.

Decisions (general rules, not per article):
- The gazetteer names the actor whenever it knows the name; NER adds people and unknown
  organisations. Unknown GPE are actors only as doers ("Texas sued"), unknown LOC/FAC never;
  regions are not actors unless the gazetteer lists them. A news outlet told something ("told
  the Post") is the channel, no actor; one that takes or meets a stance is an organisation.
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
  -> the group; "French and German officials" -> both). "<Person> regime" -> the person's state.
  A bare "the junta"/"the government" is the state last called so, else the nearest country
  that is not the speaker; "the country"/"the kingdom" the most salient recent country.
  "The group" is the armed group named just before; "the rebels"/"the militants" its members, when
  it was named in an earlier sentence and not in theirs (there they are another side).
- Role references ("the Russian president", "the Ukrainian leader") resolve to a named person with
  that role (and affiliation) in the article; with nobody named, a state's head or minister ("the
  Iranian foreign minister", `state_offices`) is the state, a party's nominee or leader named before
  any person ("the Republican nominee", `party_offices`) is the party, and any other role stays
  unresolved.
- Pronouns: he/she -> a person (gender from Mr./Ms., gendered roles, else a first name with a clear
  gender, lexicon ``words/given_names.csv``), it/its -> one state or
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
- Agreement and scope: "they"/"their" never stand for one organisation or state named in the
  singular; "his or her" is anyone's; a reflexive ("allied himself") is its own verb's subject; a
  possessive prefers the people of its own sentence to a person whose gender was known before. A
  one-word place NER also calls a person ("in Lowestown" ... "Lowestown officials") stays a place;
  "the Lowestown police" is an organisation of its own; "Congressional Republicans" is the party's
  lawmakers; "the next president" and "the Utah attorney general" (no Utah person named) stay
  unresolved; "most Ruritanians", "40 percent of Ruritanians" are the people, not the state.
- Bodies and communities: a state body's word after another state's demonym or possessive is that
  state's body ("the Peruvian Congress", "Peru's Congress": Peru, not the US Congress), and a longer
  name of capitalised words ending in it is its own organisation ("the All Progressives Congress"); "the
  state Senate" is not the national one; "the alliance" after NATO and "the bloc" after the EU are
  those (``org_kinds``), a capitalised short form ("the Parliament") the organisation named before;
  "the Bosnian Serbs", "the Turkish Cypriots" are communities of their own (a group); a state's demonym
  on its own proposal, statement, veto or strikes is the state, on a two-way act (sanctions, embargo)
  only with the aim named; what is annexed, occupied or besieged is a place.
- References, more: a bare "the president" prefers the one who holds the role for no company or other
  body; a demonym inside an organisation's "of"/"for" phrase is not its country ("the Institute for American
  Renewal"); "the Illinois Democrat" may be the name in apposition to the last subject; "the two
  countries" is never the subject of its own clause, and "both sides of X" names its own set; "the
  country" is a state, not an administration; outside quotation marks a pronoun prefers, in the sentence
  before, the speaker to the people the quotation names. A title or a name particle never ends a
  sentence ("President | Trump", "Van | Dyke"), and a hyphened particle goes on a name where NER stopped
  ("Mohammad Zia" ul-Haq).
"""
from __future__ import annotations

import functools
import weakref
from typing import Iterable

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from .gazetteer import Gazetteer, load_gazetteer
from .resolve.gazmatch import GazMatcher, matcher_for
from .resolve.index import ActorIndex, Mention
from .resolve.passes import PASS_IDS, PASSES, resolve  # noqa: F401  (the pass registry, importable from here)
from .resolve.text import SUBJ_DEPS, clean_surface as _clean_surface  # noqa: F401
from .resolve.trim import trim as _trim  # noqa: F401  (tests import it from here)
from .lexicon import mapping
from .resolve.vocab import (  # noqa: F401  (the word classes stay importable from here)
    CAUCUS_NOUNS, GROUP_NOUNS, HONORIFICS, ORG_WORDS, PRON_IT, PRON_PERSON, PRON_THEY, ROLE_ABBREVIATIONS, ROLE_HEADS,
    ROLE_MODIFIERS, SPEECH_VERBS, STATE_NOUNS,
)

__all__ = ["Mention", "ActorIndex", "ActorRecognizer", "default_gazetteer", "USER_DATA_KEY"]

USER_DATA_KEY = "actorgraph.actors"

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
# The component
# ---------------------------------------------------------------------------


@Language.factory(
    "actorgraph_actors",
    default_config={"gazetteer_files": [], "skip_passes": []},
    requires=["doc.ents", "token.dep", "token.tag"],
    assigns=["doc._.actors"],
)
def make_actor_recognizer(nlp: Language, name: str, gazetteer_files: list[str],
                          skip_passes: list[str]) -> "ActorRecognizer":
    return ActorRecognizer(nlp, name, default_gazetteer(tuple(str(f) for f in gazetteer_files)), skip_passes)


LEMMA_FIXES = mapping("lemma_fixes")
_FIX_HASHES = frozenset(hash_string(w) for w in LEMMA_FIXES)


def fix_lemmas(doc: Doc) -> None:
    """The few forms whose lemma the English model gets wrong ("hated" -> "hat"; ``lemma_fixes`` in
    lexicon/en/words/lemmas.csv), set right once, before the resolver and the stance rules read lemmas.
    The forms are found by their lower-case hashes, read in one array (a Token for every word cost more)."""
    for i, low in enumerate(doc.to_array(LOWER).tolist()):
        if low in _FIX_HASHES:
            t = doc[i]
            t.lemma_ = LEMMA_FIXES[t.lower_]


class ActorRecognizer:
    """Finds actor mentions and resolves them within the Doc (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "actorgraph_actors", gazetteer: Gazetteer | None = None,
                 skip_passes: Iterable[str] = ()):
        self.nlp = nlp
        self.name = name
        unknown = sorted(set(skip_passes) - set(PASS_IDS))
        if unknown:
            raise ValueError(f"unknown actor pass(es) {', '.join(unknown)}; known: {', '.join(PASS_IDS)}")
        self.skip_passes = frozenset(skip_passes)  # passes left out, to measure what each one earns
        self._gaz: Gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        self._matcher: GazMatcher | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gaz

    @gazetteer.setter
    def gazetteer(self, gaz: Gazetteer) -> None:
        self._gaz = gaz
        self._matcher = None

    @property
    def matcher(self) -> GazMatcher:
        if self._matcher is None:
            self._matcher = matcher_for(self.nlp, self._gaz)
        return self._matcher

    def __call__(self, doc: Doc) -> Doc:
        fix_lemmas(doc)
        doc._.actors = resolve(doc, self._gaz, self.matcher, self.skip_passes)
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
