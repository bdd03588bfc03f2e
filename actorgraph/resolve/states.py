"""States and groups behind nouns: "the Russian government", "IS militants" (``states.apparatus``),
which state "the junta" was (``states.link``), demonyms as nouns (``groups.norp``)."""
from __future__ import annotations

from spacy.tokens import Token

from ..records import Actor
from .index import Mention
from .state import ResolverState, fits
from .text import hyphen_cue_after, hyphened
from .trim import trim
from .vocab import (
    STATE_NOUNS, GROUP_NOUNS, DEFINITE_STATE_NOUNS, PERSON_STATE_NOUNS, GOVERNMENT_NOUNS, PERSON_TEAM_NOUNS,
    CAUCUS_NOUNS, OWNED_NOUNS, QUANTIFIERS, AIM_PREPS, RELATIONAL_HEADS, RELATION_HEADS, HOSTILE_RELATIONAL_HEADS, OFFICE_WORDS, TWO_WAY_NOUNS,
    UNNAMED_GROUP_NOUNS, SCENE_NOUNS, COLLECTIVE_ENDINGS,
)


def government_phrases(st: ResolverState) -> None:
    """A government-like noun stands for the actor that modifies it: "the Russian government" and
    "Syrian government forces" are Russia and Syria, "Assad regime" Syria, "IS militants" the group,
    "French and German officials" both; "Russia's government" and "the government of Syria" are noted
    (``st.gov``) so the stance rules can read them. A party's "lawmakers" are its caucus."""
    for h, low in zip(st.toks, st.lowers):
        if not (low in STATE_NOUNS or low in GROUP_NOUNS or low in PERSON_TEAM_NOUNS or low in UNNAMED_GROUP_NOUNS) \
                or h.pos_ not in ("NOUN", "PROPN"):
            continue
        if st.owner[h.i] >= 0:
            continue
        for c in sorted(h.children, key=lambda c: -c.i):
            if c.i > h.i:
                if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ == "in" and low in DEFINITE_STATE_NOUNS):
                    _of_state(st, h, c, low)
                continue
            if hyphened(c):
                continue
            if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and _modifier(st, h, _through_office(st, c), low):
                break


def hyphen_demonyms(st: ResolverState) -> None:
    """A state's demonym before a hyphened participle is an actor: "the Soviet-backed government" (the Soviet
    Union backs it), "Iranian-led forces" (Iran leads them); hyphen.backed and the owners read it. (Not a
    party's: "the Republican-controlled House" is how a chamber is, no stance.)"""
    for k in sorted(st.demonym_tok):
        if hyphen_cue_after(st.doc[k]) is None:
            continue
        s, e, entry = st.demonym_tok[k]
        if e == k + 1 and entry.type == "country" and st.cand_at(k) is None and st.owner[k] < 0:
            st.add(s, e, (st.entry_actor(entry),), "demonym", head=k)


def _through_office(st: ResolverState, c: Token) -> Token:
    """ "the Russian Defence Ministry": the state's demonym hangs on the office word ("Defence"), not on the
    apparatus noun; read it as the noun's own modifier."""
    if c.dep_ == "compound" and c.lower_ in OFFICE_WORDS and st.cand_at(c.i) is None and c.i not in st.demonym_tok:
        inner = [g for g in c.children if g.dep_ in ("amod", "compound") and g.i < c.i
                 and (g.i in st.demonym_tok or st.cand_at(g.i) is not None)]
        if len(inner) == 1:
            return inner[0]
    return c


def _of_state(st: ResolverState, h: Token, c: Token, low: str) -> None:
    """"the government of Syria", "the government in Bamako", "the regime in power in Chad", "the
    Ministry of Defence of Russia" (the state after the office)."""
    pobjs = [p for p in c.children if p.dep_ == "pobj"]
    pobjs += [q for p in pobjs if st.cand_at(p.i) is None for pp in p.children
              if pp.dep_ == "prep" and pp.lower_ == "of" for q in pp.children if q.dep_ == "pobj"]
    if low in DEFINITE_STATE_NOUNS:
        pobjs += [q for p in pobjs if st.cand_at(p.i) is None for pp in p.children
                  if pp.dep_ == "prep" and pp.lower_ == "in" for q in pp.children if q.dep_ == "pobj"]
    for p in pobjs:
        pm = st.cand_at(p.i)
        if pm is not None and pm.actors and fits(pm.actors[0], low):
            st.gov[h.i] = st.owner[p.i]
            break


def _modifier(st: ResolverState, h: Token, c: Token, low: str) -> bool:
    """One modifier of the noun; True when it decided the noun (no further modifier is read)."""
    cm = st.cand_at(c.i)
    if low in PERSON_TEAM_NOUNS and (cm is None or not cm.actors or cm.actors[0].type != "person"
                                     or c.dep_ not in ("poss", "compound", "amod") or cm.kind == "pronoun"):
        return True
    if cm is not None and cm.actors and cm.actors[0].type == "person":
        _person_modifier(st, h, c, cm, low)
        return True
    units = [u for u in (st.unit(x) for x in [c, *c.conjuncts] if x.i < h.i) if u is not None]
    if not units or (cm is None and c.i not in st.demonym_tok):
        return False  # "foreign" in "China's foreign ministry"
    actors: list[Actor] = []
    for _, _, acts in units:
        for a in acts:
            if fits(a, low) and a not in actors:
                actors.append(a)
    if not actors:
        named_state = cm is not None and c.dep_ != "poss" and len(cm.actors) == 1 and cm.actors[0].type == "country" \
            and not any(x.dep_ == "prep" and x.lower_ in ("to", "against") for x in h.children)  # ("Russia opposition to Y")
        if len(units) == 1 and (cm is None or named_state) and low in UNNAMED_GROUP_NOUNS:
            if named_state:
                st.drop(st.owner[c.i])  # "Congo rebels" are Congolese rebels, no part of the state they fight
            _unnamed_group(st, h, units[0], low)
        return True
    ck = st.owner[c.i]
    if len(units) == 1 and cm is not None:
        if c.dep_ != "poss" and st.free(cm.end, h.i + 1):
            adjacent = h.i == cm.end
            st.extend(ck, cm.start, h.i + 1)  # "US officials", "Syrian government forces"
            if len(actors) == 1 and actors[0].name.endswith(" Party") and low in CAUCUS_NOUNS \
                    and adjacent and not st.shouting[h.i] and len(cm.actors) == 1:
                cm.actors, cm.kind = (st.caucus(actors[0], low),), "demonym"  # "GOP lawmakers"
        else:
            st.gov[h.i] = ck  # "Russia's government"
        return True
    if c.dep_ != "poss":
        _joint_mention(st, h, units, actors, low)
    return True


def scenes(st: ResolverState) -> None:
    """ "The Paris attacks", "the Benghazi bombing": a city before a violent event (``scene_nouns``) is where
    it happened, not who did it, so that mention is blocked (and not made the event's doer by
    ``states.apparatus``). A city: a state's capital, or a name the gazetteer does not know that NER reads as a
    place somewhere in the article; not a state's own name ("the Syria strikes"), an office ("the Kremlin"),
    nor before an event that names another actor ("the Moscow strikes on Kyiv")."""
    places = {e.text for e in st.doc.ents if e.label_ in ("GPE", "LOC")}
    if not places:
        return
    for h, low in zip(st.toks, st.lowers):
        if low not in SCENE_NOUNS or any(
                c.dep_ == "prep" and any(st.cand_at(p.i) is not None for p in c.children) for c in h.children):
            continue  # ("the Moscow strikes on Kyiv": an event with an actor after it is read as the doer's)
        for c in h.children:
            k = st.owner[c.i]
            cm = st.cands[k] if k >= 0 else None
            if c.dep_ != "compound" or c.i > h.i or cm is None or not cm.actors or cm.end > h.i:
                continue
            if (cm.kind == "metonym" or cm.actors[0].name not in st.gaz.entries) \
                    and st.doc[cm.start:cm.end].text in places:
                st.cands[k] = None  # blocked: its tokens stay claimed, with no actor


def _unnamed_group(st: ResolverState, h: Token, unit: tuple, low: str) -> None:
    """ "Syrian rebels", "Iranian protesters", "a Chilean court": no proper name, and not the state either;
    the demonym and the noun name a group or body of their own, one node however written."""
    s, e, acts = unit
    if len(acts) != 1 or acts[0].type != "country" or not st.free(s, h.i + 1) or st.shouting[h.i]:
        return
    group = unnamed_group_actor(st, acts[0].name, " ".join(t.text for t in st.doc[s:e]), UNNAMED_GROUP_NOUNS[low])
    st.gov[h.i] = st.add(s, h.i + 1, (group,), "demonym", head=h.i)


def unnamed_group_actor(st: ResolverState, state: str, written: str, noun: str) -> Actor:
    """One node per state and kind however written: "Croat" and "Croatian separatists" are "Croatian
    separatists", by the state's first demonym (else as written); a judiciary is an organisation."""
    entry = st.gaz.entries.get(state)
    demonym = entry.demonyms[0] if entry is not None and entry.demonyms else written
    return st.actor(f"{demonym} {noun}", "organisation" if noun == "judiciary" else "group")


def _person_modifier(st: ResolverState, h: Token, c: Token, cm: Mention, low: str) -> None:
    """"the Assad regime" is Syria; "Putin's government" and "Mueller's team" act for the person."""
    ck = st.owner[c.i]
    if low in PERSON_STATE_NOUNS and cm.kind != "pronoun":
        state = st.person_state(cm.actors[0])
        if state is None and low in GOVERNMENT_NOUNS and c.dep_ != "poss" and h.tag_ == "NN":
            # "the Smith administration" of a leader whose state the article never says:
            # the government itself is the actor, and "the administration" later means it
            state = st.actor(f"{cm.actors[0].name.split()[-1]} {low}", "country")
            st.leader_governments.add(state.name)
        if state is not None and c.dep_ != "poss" and st.free(cm.end, h.i + 1):
            cm.actors, cm.kind = (state,), "metonym"  # "the Assad regime"
            st.extend(ck, cm.start, h.i + 1)
        else:
            st.gov[h.i] = ck
    elif low in PERSON_TEAM_NOUNS:
        st.gov[h.i] = ck  # "Mueller's team"


def _joint_mention(st: ResolverState, h: Token, units: list, actors: list[Actor], low: str) -> None:
    """"French and German officials": one mention of both; "Republican lawmakers": the party's caucus."""
    start = min(u[0] for u in units)
    inside = {st.owner[i] for i in range(start, h.i + 1) if st.owner[i] >= 0}
    mine = {st.owner[u[0]] for u in units if st.owner[u[0]] >= 0}
    if not inside <= mine:
        return
    for o in inside:
        st.cands[o] = None
    kind = "demonym" if len(actors) == 1 else "group"
    if len(actors) == 1 and actors[0].name.endswith(" Party") and low in CAUCUS_NOUNS \
            and h.i - start == 1 and not st.shouting[h.i]:
        # "Republican lawmakers": the party's members in a legislature act as a caucus of their own
        actors = [st.caucus(actors[0], low)]
    st.gov[h.i] = st.add(start, h.i + 1, tuple(actors), kind, head=h.i)


def link_states(st: ResolverState) -> None:
    """Remember which state "the junta"/"the government" was last said to be."""
    st.state_links_all = {}
    heads = [(h, st.cands[k]) for h, k in st.gov.items()]
    heads += [(m.head, m) for m in st.cands if m is not None and m.actors]
    for h, m in sorted(heads, key=lambda x: x[0]):
        if m is None or len(m.actors) != 1 or m.actors[0].type != "country":
            continue
        lemma = st.doc[h].lemma_
        if st.doc[h].lower_ in DEFINITE_STATE_NOUNS or lemma in DEFINITE_STATE_NOUNS:
            st.state_links_all.setdefault(lemma, []).append((h, m.actors[0]))


def _collective(t) -> bool:
    """ "accused the British", "the French and the Dutch": a demonym with a collective ending (data) after
    "the", and no noun after it, is the people as a whole, a plural the tagger may call singular ("the Czech"
    is one person)."""
    return t.lower_.endswith(COLLECTIVE_ENDINGS) and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)


def norp_nouns(st: ResolverState) -> None:
    """Demonyms and NORP entities used as nouns are actors ("the Kurds", "Palestinians"), and a party
    adjective on what a party owns ("the Republican demands"); as adjectives alone they are not."""
    doc = st.doc
    for s, (e, entry) in sorted(st.demonym_at.items()):
        # "the Democratic demands", "Republican efforts": the party owns what the noun names
        h = doc[e - 1]
        if h.dep_ in ("amod", "compound") and h.head.i >= e and st.free(s, e) and not st.shouting[s] \
                and not (e - s == 1 and st.common_word(s)) and not _hyphenated(doc, s, e) \
                and ((entry.type == "group" or _aimed(h.head) or h.head.lemma_.lower() not in TWO_WAY_NOUNS)
                     and h.head.lemma_.lower() in OWNED_NOUNS
                     or _owned_relation(h.head)):
            st.add(s, e, (st.entry_actor(entry),), "demonym")
    for s, (e, entry) in sorted(st.demonym_at.items()):
        root = doc[s:e].root
        if st.free(s, e) and (root.tag_ in ("NNS", "NNPS") or _collective(root)) \
                and root.dep_ not in ("amod", "compound", "nmod") and not (entry.type == "country" and _counted(root)) \
                and not (e - s == 1 and st.common_word(s)):
            st.add(s, e, (st.entry_actor(entry),), "demonym")
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        s, e = trim(ent)
        if s >= e or not st.free(s, e):
            continue
        root = doc[s:e].root
        if root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound", "nmod"):
            a = st.surface_actor(doc[s:e].text, "group")
            if a is not None:
                st.add(s, e, (a,), "demonym")


def _hyphenated(doc, s: int, e: int) -> bool:
    """ "Cuban-American opponents": one half of a compound people, not the state."""
    return (s > 0 and doc[s - 1].text == "-") or (e < len(doc) and doc[e].text == "-")


def _owned_relation(noun: Token) -> bool:
    """ "Chile's Russian allies", "his Republican critics": a people or party named as somebody's allies,
    backers or critics (plural: "his Democratic opponent" is one person, not the party); "Belarus, a Russian
    ally": whose ally a singular friendly noun beside a name is ("a Republican critic" is of that party)."""
    low = noun.lemma_.lower()
    if noun.tag_ == "NN" and low in RELATION_HEADS and low not in HOSTILE_RELATIONAL_HEADS:
        return (noun.dep_ == "appos" or any(c.dep_ == "appos" for c in noun.children)) and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)  # ("a Russian supporter of Y")
    return noun.tag_ == "NNS" and low in RELATIONAL_HEADS and any(
        c.dep_ == "poss" for c in noun.children)


def _aimed(noun: Token) -> bool:
    """ "Ruritanian support for Y", "Ruritanian pressure on Y": a state's act aimed at someone named after it
    (a bare "Ruritanian sanctions" may be aimed at the state itself; a bare "the Ruritanian proposal" is
    the state's: only ``two_way_nouns`` need the aim)."""
    return any(c.dep_ == "prep" and c.lower_ in AIM_PREPS for c in noun.children if c.i > noun.i)


def _counted(noun: Token) -> bool:
    """ "most Ruritanians", "40 percent of Ruritanians": a share of a people, not its state."""
    if any(c.dep_ == "nummod" or c.lower_ in QUANTIFIERS for c in noun.children if c.i < noun.i):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        whole = noun.head.head
        return whole.tag_ == "CD" or whole.lower_ in QUANTIFIERS or whole.lemma_.lower() in QUANTIFIERS
    return False
