"""The actor resolver: an ordered list of named passes over one :class:`ResolverState`.

Each pass is a small function with a stable id; later passes see what earlier ones claimed
(a token belongs to at most one mention). ``resolve`` runs them and builds the ActorIndex.
``skip`` leaves passes out by id, to measure what each one earns (tests and benchmarks).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from ..gazetteer import Gazetteer
from .acronyms import acronyms
from .cue_names import cue_names
from .bodies import bare_bodies, chamber_caucuses, home_words, merge_short_names, org_references
from .gazmatch import GazMatcher
from .index import ActorIndex, Mention
from .names import base_spans, short_names
from .people import speakers, titled_names
from .references import REFERENCE_RULES, references
from .roles import party_references, role_references
from .state import ResolverState
from .states import government_phrases, hyphen_demonyms, link_states, norp_nouns, scenes
from .surnames import people
from .text import quoted, shouting_lines, title_lines
from .titles import of_phrases, titles


@dataclass(frozen=True)
class Pass:
    id: str
    run: Callable[[ResolverState], None]
    doc: str


PASSES: list[Pass] = [
    Pass("names.gazetteer_ner", base_spans, "gazetteer names and spaCy entities, longest first; demonyms noted; "
         "an outlet used as a channel (\"told the Post\"), laws, places and pro-/anti- prefixed names blocked"),
    Pass("names.titled", titled_names, "names after a title or before a party tag that NER missed or mislabelled"),
    Pass("names.speaker", speakers, "a bare capitalised name that says things is a person"),
    Pass("names.cue_argument", cue_names, "a bare capitalised proper noun nothing else knows that is the subject, "
         "object or possessor of a stance cue is a person (\"Obama slammed Romney\": NER's PRODUCT)"),
    Pass("names.surname", people, "people clustered by surname within the article: full name, surname, nickname, "
         "spelling variant; NER's ORG/GPE that are people's names; unknown ORG/GPE decided"),
    Pass("names.short", short_names, "\"the North\" after \"North Korea\""),
    Pass("names.acronym", acronyms, "a short form the article defines in brackets (\"the Palestinian Authority "
         "(PA)\") is that actor wherever it is used"),
    Pass("roles.title", titles, "titles, party tags and appositions give people role, affiliation, gender"),
    Pass("roles.reference", role_references, "\"the Russian president\": the person named with that role; nobody "
         "named: a head or minister is the state"),
    Pass("roles.party_member", party_references, "\"the California Democrat\": the latest person of that party"),
    Pass("caucus.chamber", chamber_caucuses, "\"House Democrats\": a party's members in one chamber"),
    Pass("orgs.reference", org_references, "\"the committee\": the latest organisation of that kind"),
    Pass("orgs.bare_body", bare_bodies, "\"the Senate\": that body of the state in focus"),
    Pass("orgs.home_word", home_words, "\"Congress\" in a report from India: the body or party of the state in "
         "focus whose name has that word"),
    Pass("states.scene", scenes, "a city before a violent event is its scene, no actor (\"the Paris attacks\")"),
    Pass("states.hyphen", hyphen_demonyms, "a demonym before a hyphened participle is its actor (\"Soviet-backed\", "
         "\"Iranian-led\")"),
    Pass("states.apparatus", government_phrases, "\"the Russian government\", \"Assad regime\", \"IS militants\", "
         "\"Republican lawmakers\" (caucus)"),
    Pass("roles.of_phrase", of_phrases, "affiliation from \"X of China's foreign ministry\""),
    Pass("states.link", link_states, "which state \"the junta\"/\"the government\" was last said to be"),
    Pass("groups.norp", norp_nouns, "demonyms and NORP used as nouns: \"the Kurds\", \"Republicans\""),
    Pass("refs.walk", references, "pronouns, \"the two\", \"the junta\", \"the group\" in document order "
         "(rules: " + ", ".join(r.id for r in REFERENCE_RULES) + ")"),
]

#: Every id a case or a measurement may name: the passes and the reference walk's rules.
PASS_IDS = tuple(p.id for p in PASSES) + tuple(r.id for r in REFERENCE_RULES) + ("orgs.full_name",)


def resolve(doc: Doc, gaz: Gazetteer, matcher: GazMatcher, skip: frozenset[str] = frozenset()) -> ActorIndex:
    """Run the passes (but those in ``skip``) over one Doc and index the mentions they made."""
    st = ResolverState(doc, gaz, matcher)
    # without a parser or sentencizer the whole text is one sentence (dependency rules then find nothing)
    sents = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for si, sent in enumerate(sents):
        st.sent_bounds.append((sent.start, sent.end))
        for i in range(sent.start, sent.end):
            st.sent_of[i] = si
    texts = st.texts  # (read once by the state)
    st.in_quote = quoted(doc, texts)
    st.shouting = shouting_lines(doc, texts)
    st.title_line = title_lines(doc, texts)
    st.skip = skip
    for p in PASSES:
        if p.id not in skip:
            p.run(st)
    return _index(st, skip)


def _index(st: ResolverState, skip: frozenset[str]) -> ActorIndex:
    mentions: list[Mention] = sorted((m for m in st.cands if m is not None and m.actors), key=lambda m: m.start)
    pos = {id(m): k for k, m in enumerate(mentions)}
    gov = {}
    for tok, ck in st.gov.items():
        m = st.cands[ck]
        if m is not None and id(m) in pos:
            gov[tok] = pos[id(m)]
    if "orgs.full_name" not in skip:
        merge_short_names(st, mentions)
    for m in mentions:
        st.alias(m)
    used = {a.name for m in mentions for a in m.actors}
    actors = {n: a for n, a in st.actors.items() if n in used}
    return ActorIndex(actors=actors, mentions=mentions, gov=gov)
