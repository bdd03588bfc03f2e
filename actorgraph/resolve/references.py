"""The reference walk (pass ``refs.walk``): in document order, pronouns (``pronouns.nearest``), "the
two"/"both" (``refs.count``), "the former"/"the latter" (``refs.latter``), "the junta"/"the government"/"the
country" (``refs.the_state``) and "the group"/"the militia" (``refs.the_group``) take the actors mentioned
before them; "the opposition"/"the protesters" (``refs.focus_group``) are that group of the state in focus;
"its neighbour" (``refs.neighbour``) the one other state named just before."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Token

from ..records import Actor
from ..rules.vocab import MESSAGE_NOUNS, NOUN_CUES
from .index import Mention
from .state import ResolverState, fits
from .text import SUBJ_DEPS, judged_of
from .vocab import (
    FORCE_NOUNS, NEIGHBOUR_NOUNS, UNNAMED_GROUP_NOUNS, COUNTRY_NOUNS, DEFINITE_STATE_NOUNS, DEFINITE_GROUP_NOUNS, DEFINITE_MEMBER_NOUNS, DEFINITE_ORG_NOUNS, RULING_LEMMAS, PERSON_STATE_NOUNS, PERSON_TEAM_NOUNS,
    ORDINAL_REFS, PLURAL_ACTOR_NOUNS, PLURAL_COUNT, PRON_PERSON, PRON_IT, PRON_THEY, SPEECH_VERBS,
)
from .bodies import focus_state
from .states import unnamed_group_actor
from .pronouns import pronoun


@dataclass
class Walk:
    """What the reference walk has seen: the mentions so far, and the sentence whose "it" was a thing."""

    history: list[Mention] = field(default_factory=list)
    thing_it: int = -1


@dataclass(frozen=True)
class RefRule:
    """A reference rule: ``id``, the words that trigger it, and the handler (the mention it made, if any)."""

    id: str
    triggers: Callable[[ResolverState, Token], bool]
    run: Callable[[ResolverState, Token, Walk], Mention | None]


def pronoun_mention(st: ResolverState, t: Token, walk: Walk) -> Mention | None:
    """A pronoun as a mention of what it refers to; "his administration", "its forces" act for it."""
    low = t.lower_
    si = st.sent_of[t.i]
    if low == "it" and walk.thing_it == si:
        return None  # "it was an abuse ... and it could disrupt": the same thing again
    actors = pronoun(st, t, walk.history)
    if low == "it" and not actors:
        walk.thing_it = si
    if not actors:
        return None
    k = st.add(t.i, t.i + 1, actors, "pronoun")
    h = t.head
    if t.dep_ == "poss" and h.i > t.i and st.owner[h.i] < 0 and h.i not in st.gov and len(actors) == 1:
        # "his administration", "its forces": the possessor's people act for it
        if actors[0].type == "person":
            ok = h.lower_ in PERSON_STATE_NOUNS or h.lower_ in PERSON_TEAM_NOUNS
        else:
            ok = fits(actors[0], h.lower_)
        if ok:
            st.gov[h.i] = k
    return st.cands[k]


#: Tried in order on every free token; the first whose trigger matches handles it.
REFERENCE_RULES: list[RefRule] = [
    RefRule("pronouns.nearest", lambda st, t: t.lower_ in PRON_PERSON or t.lower_ in PRON_IT or t.lower_ in PRON_THEY,
            pronoun_mention),
    RefRule("refs.count", lambda st, t: t.lower_ in PLURAL_COUNT, lambda st, t, w: plural(st, t, w.history)),
    RefRule("refs.latter", lambda st, t: t.lower_ in ORDINAL_REFS and (t.dep_ in SUBJ_DEPS or t.dep_ in ("dobj", "pobj"))
            and t.i > 0 and st.doc[t.i - 1].lower_ == "the", lambda st, t, w: ordinal(st, t, w.history)),
    RefRule("refs.the_state", lambda st, t: t.lower_ in DEFINITE_STATE_NOUNS and t.i not in st.gov,
            lambda st, t, w: definite_state(st, t, w.history)),
    RefRule("refs.the_group", lambda st, t: (t.lower_ in DEFINITE_GROUP_NOUNS or t.lower_ in DEFINITE_MEMBER_NOUNS)
            and t.i not in st.gov, lambda st, t, w: definite_group(st, t, w.history)),
    RefRule("refs.focus_group", lambda st, t: UNNAMED_GROUP_NOUNS.get(t.lower_, "judiciary") != "judiciary"
            and t.i not in st.gov,
            lambda st, t, w: unnamed_group(st, t, w.history)),
    RefRule("refs.neighbour", lambda st, t: t.lower_ in NEIGHBOUR_NOUNS, lambda st, t, w: neighbour(st, t, w.history)),
]


#: Every word a rule's trigger asks for (a token that is none of them triggers no rule: most tokens).
_TRIGGER_WORDS = frozenset().union(PRON_PERSON, PRON_IT, PRON_THEY, PLURAL_COUNT, ORDINAL_REFS, DEFINITE_STATE_NOUNS,
                                   DEFINITE_GROUP_NOUNS, DEFINITE_MEMBER_NOUNS, UNNAMED_GROUP_NOUNS, NEIGHBOUR_NOUNS)


def references(st: ResolverState) -> None:
    """One walk in document order, so each reference sees the mentions (and references) before it."""
    base = sorted((m for m in st.cands if m is not None and m.actors), key=lambda m: m.start)
    rules = [r for r in REFERENCE_RULES if r.id not in st.skip]
    walk = Walk()
    p = 0
    for t in st.toks:
        while p < len(base) and base[p].end <= t.i:
            walk.history.append(base[p])
            p += 1
        if st.owner[t.i] >= 0 or st.lowers[t.i] not in _TRIGGER_WORDS:
            continue
        rule = next((r for r in rules if r.triggers(st, t)), None)
        m = rule.run(st, t, walk) if rule is not None else None
        if m is not None:
            walk.history.append(m)


def the_phrase_start(st: ResolverState, t: Token, modifier: Callable[[Token], int | None]) -> int | None:
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
    return start if start < t.i and st.doc[start].lower_ == "the" else None


def definite_group(st: ResolverState, t: Token, history: list[Mention]) -> Mention | None:
    """"the group", "the Iran-backed militia", "the rebel movement": the armed group or movement named
    just before (within two sentences); "the rebels", "the militants": its members, named in a sentence
    before (in the same one they are more likely another side: "IS attacked the rebels"). With none named, an
    unnamed kind ("the rebels", "the militia") is that group of the state in focus (as ``refs.focus_group``)."""
    owned = _owned_group(st, t)
    if owned is not None:
        return owned
    members = t.lower_ in DEFINITE_MEMBER_NOUNS
    if t.tag_ != ("NNS" if members else "NN") or any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in t.children) \
            or any(c.dep_ in ("relcl", "acl") for c in t.children):
        return None
    start = the_phrase_start(st, t, lambda c: c.left_edge.i if c.dep_ in ("amod", "compound", "npadvmod")
                                   and c.pos_ in ("ADJ", "NOUN", "VERB", "PROPN") else None)
    if start is None:
        return None
    if any(st.owner[i] >= 0 and st.doc[i].dep_ != "npadvmod" and st.doc[i].head.i == t.i
           for i in range(start, t.i)):
        return None  # "the Hamas group", "the Houthi movement": named already
    s = st.sent_of[t.i]
    for m in reversed(history):
        if st.sent_of[m.start] < s - 2:
            break
        if len(m.actors) == 1 and _group_kind(m.actors[0], t) and m.end <= t.i and not _other_unnamed(m.actors[0], t) \
                and not m.actors[0].name.endswith(" Party") and st.free(t.i, t.i + 1) \
                and not (members and (st.sent_of[m.start] == s or _named_in(st, m.actors[0], s))):
            return st.cands[st.add(t.i, t.i + 1, m.actors, "role", head=t.i)]
    return _focus_group(st, t, start, history)


def _group_kind(a: Actor, t: Token) -> bool:
    """An armed group or movement, or for "the group" also an organisation of no state (a PAC, a charity)."""
    return a.type == "group" or (t.lower_ in DEFINITE_ORG_NOUNS and a.type == "organisation" and not a.affiliation)


def neighbour(st: ResolverState, t: Token, history: list[Mention]) -> Mention | None:
    """ "China defended its neighbour": the one state other than the possessor (a state) named in its sentence or
    the one before (no name beside it: "its neighbour Somalia" is named; "his neighbour" is a person's)."""
    owner = _possessor(st, t)
    if owner is None or not all(a.type == "country" for a in owner.actors) or t.tag_ != "NN" \
            or any(c.dep_ in ("appos", "compound") for c in t.children) or t.dep_ == "compound":
        return None
    own = {a.name for a in owner.actors}
    s = st.sent_of[t.i]
    others = {a.name: a for m in _recent(st, history, s - 1) for a in m.actors
              if a.type == "country" and a.name not in own}
    # (only one: "Saudi Arabia cut ties with Qatar. Iran backed its neighbour" may be either)
    return st.cands[st.add(t.i, t.i + 1, tuple(others.values()), "role", head=t.i)] if len(others) == 1 else None


def _recent(st: ResolverState, history: list[Mention], first: int):
    """The mentions of the walk so far from sentence ``first`` on, latest first."""
    for m in reversed(history):
        if st.sent_of[m.start] < first:
            break
        yield m


def _possessor(st: ResolverState, t: Token) -> Mention | None:
    """The mention of a noun's possessive ("its" in "its neighbour", "Bolivia" in "Bolivia's opposition")."""
    poss = next((c for c in t.children if c.dep_ == "poss"), None)
    m = st.cand_at(poss.i) if poss is not None else None
    return m if m is not None and m.actors else None


def _kind(a: Actor) -> str:
    """The kind of an unnamed group ("Venezuelan opposition": opposition)."""
    return a.name.split()[-1]


def _other_unnamed(a: Actor, t: Token) -> bool:
    """An unnamed group of another kind is not "the militia" or "the rebels" after it ("Venezuelan opposition",
    "Syrian rebels"); "the group" may be any ("Syrian rebels ... the group")."""
    own = UNNAMED_GROUP_NOUNS.get(t.lower_)
    return own is not None and _kind(a) in UNNAMED_GROUP_NOUNS.values() and _kind(a) != own


def unnamed_group(st: ResolverState, t: Token, history: list[Mention]) -> Mention | None:
    """ "the opposition", "the protesters": no armed group or party named before (a ruling party is no
    opposition, Hamas no crowd), but that group of the state in focus."""
    if t.tag_ not in ("NN", "NNS") or any(c.dep_ in ("relcl", "acl") or c.dep_ == "prep" and not judged_of(t)
                                          for c in t.children):
        return None  # ("accused the opposition of fraud": the "of" is the verb's)
    owned = _owned_group(st, t)
    if owned is not None:
        return owned
    start = the_phrase_start(st, t, lambda c: c.i if c.dep_ == "amod" and c.pos_ == "ADJ" else None)
    if start is None:
        return None
    kind, s = UNNAMED_GROUP_NOUNS.get(t.lower_), st.sent_of[t.i]
    # "the Bolivian opposition ... the opposition": the one group of that kind named in the three sentences before
    named = {m.actors[0].name: m.actors for m in _recent(st, history, s - 3) if len(m.actors) == 1
             and m.actors[0].type == "group" and _kind(m.actors[0]) == kind}
    if len(named) == 1 and st.free(start, t.i + 1):
        return st.cands[st.add(start, t.i + 1, next(iter(named.values())), "role", head=t.i)]
    return _focus_group(st, t, start, history)


def _owned_group(st: ResolverState, t: Token) -> Mention | None:
    """ "Syria's rebels", "Iran's protesters": that group of the one state the possessive names (not a pronoun's,
    nor a court's judge, nor a stance noun's: "criticised Chile's opposition" may be Chile's objection)."""
    m = _possessor(st, t)
    noun = UNNAMED_GROUP_NOUNS.get(t.lower_)
    if m is None or len(m.actors) != 1 or m.actors[0].type != "country" or m.kind == "pronoun" \
            or noun is None or t.tag_ not in ("NN", "NNS") or t.lemma_.lower() in NOUN_CUES:
        return None
    state = m.actors[0].name
    return st.cands[st.add(t.i, t.i + 1, (unnamed_group_actor(st, state, state, noun),), "role", head=t.i)]


def _focus_group(st: ResolverState, t: Token, start: int, history: list[Mention]) -> Mention | None:
    """An unnamed group ("the opposition", "the rebels" with none named) of the state the article is about
    ("Venezuelan opposition", one node with "Venezuelan opposition" written out), when that state is also the
    latest one named in the three sentences before (not a court: a state's judiciary is named as one)."""
    noun = UNNAMED_GROUP_NOUNS.get(t.lower_)
    s = st.sent_of[t.i]
    latest = next((m.actors[0] for m in reversed(history) if s - 3 <= st.sent_of[m.start] < s and len(m.actors) == 1
                   and m.actors[0].type == "country"), None)  # (in its own sentence, more likely the other side)
    if noun in (None, "judiciary") or latest is None or latest.name != focus_state(st) or not st.free(start, t.i + 1):
        return None
    group = unnamed_group_actor(st, latest.name, latest.name, noun)
    return st.cands[st.add(start, t.i + 1, (group,), "role", head=t.i)]


def _named_in(st: ResolverState, actor, sent: int) -> bool:
    """Is ``actor`` named in sentence ``sent`` (then "the rebels" there are another side)?"""
    return any(c is not None and actor in c.actors and st.sent_of[c.start] == sent for c in st.cands)


def definite_state(st: ResolverState, t: Token, history: list[Mention]) -> Mention | None:
    """"the junta", "the government" with nothing to say whose: the country in focus."""
    if t.tag_ not in ("NN", "NNS") or (any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in t.children)
                                       and not judged_of(t)):
        return None  # ("the government of Peru" is Peru's; "accused the government of fraud" is no "of" phrase)
    start = the_phrase_start(st, t, lambda c: c.i if c.dep_ in ("amod", "compound") and st.owner[c.i] < 0
                                   and c.i not in st.demonym_at and c.pos_ in ("ADJ", "NOUN", "VERB") else None)
    bare = start is None and _forces_of(t)
    if bare:
        start = t.i  # "government troops", "government forces": the state's own (no "the" before them)
    if start is None or not st.free(start, t.i + 1):
        return None
    found = _seat(st, t) or _linked_state(st, t) or _nearby_state(st, t, history)
    if bare and found and (found[0].name != focus_state(st) or _named_in(st, found[0], st.sent_of[t.i])):
        return None  # (only the state the report is about, not named beside them: "Russia will help government forces")
    return st.cands[st.add(start, t.i + 1, found, "role", head=t.i)] if found else None


def _seat(st: ResolverState, t: Token) -> tuple[Actor, ...] | None:
    """ "fighting the government in Luanda", the "in" hung on the verb: the state seated there."""
    seat = st.cand_at(t.i + 2) if t.i + 2 < st.n and st.doc[t.i + 1].lower_ == "in" else None
    if seat is not None and seat.start == t.i + 2 and len(seat.actors) == 1 and seat.actors[0].type == "country":
        return seat.actors
    return None


def _linked_state(st: ResolverState, t: Token) -> tuple[Actor, ...] | None:
    """ "Mali's junta" ... "the junta"; "Niger's military government" ... "the junta": the state whose rulers
    were named most often, then first."""
    links = [a for h, a in st.state_links_all.get(t.lemma_, []) if h < t.i]
    if not links and t.lemma_ in RULING_LEMMAS:
        syn = sorted((h, a) for lem in RULING_LEMMAS for h, a in st.state_links_all.get(lem, []) if h < t.i)
        if syn:
            count: dict[str, int] = {}
            for _, a in syn:
                count[a.name] = count.get(a.name, 0) + 1
            links = [max((a for _, a in syn), key=lambda a: count[a.name])]
    return (links[-1],) if links else None


def _forces_of(t: Token) -> bool:
    """ "government troops", "regime forces": a state noun as the bare modifier of its forces (not "Turkey's
    government troops")."""
    return t.dep_ in ("compound", "amod", "nmod") and t.head.lemma_.lower() in FORCE_NOUNS and t.head.i == t.i + 1 \
        and not any(c.dep_ in ("det", "poss", "amod", "compound") and c.i != t.i
                    for c in (*t.children, *t.head.children))


def _nearby_state(st: ResolverState, t: Token, history: list[Mention]) -> tuple[Actor, ...] | None:
    """The state named in the three sentences before: for "the country", the most salient of the nearest
    sentence (a state, not "the Berg administration" that acts for one); else the latest, or of several the
    one in focus ("the military" after "Britain and France urged ..." in a report from Sri Lanka) unless the
    sentence names it later as another party ("The military attacked Ukraine", Russia named just before)."""
    s = st.sent_of[t.i]
    countries = [m for m in reversed(history) if st.sent_of[m.start] >= s - 3
                 and len(m.actors) == 1 and m.actors[0].type == "country"]
    if t.lemma_ in COUNTRY_NOUNS:
        states = [m for m in countries if _a_state(st, m.actors[0])]
        for si in range(s, s - 4, -1):
            in_s = [m for m in states if st.sent_of[m.start] == si and st.salience(m) >= 0]
            if in_s:
                return max(reversed(in_s), key=st.salience).actors
        return None
    # (the subject of the same sentence is who talks about "the government", not it: then no state is meant)
    others = [m for m in countries if not (st.sent_of[m.start] == s and st.salience(m) == 3)]
    if countries and not others:
        return None
    if others:
        focus = focus_state(st) if len({m.actors[0].name for m in others}) > 1 else None
        if focus is not None and _named_after(st, t, focus):
            focus = None
        return next((m for m in others if m.actors[0].name == focus), others[0]).actors
    return _persons_state(st, t, history)


def _persons_state(st: ResolverState, t: Token, history: list[Mention]) -> tuple[Actor, ...] | None:
    """No state named nearby: the state of a person named nearby ("Former Pakistani prime minister X accused
    the army")."""
    s = st.sent_of[t.i]
    for m in reversed(history):
        if st.sent_of[m.start] < s - 3:
            break
        if len(m.actors) == 1 and m.actors[0].type == "person":
            state = st.person_state(m.actors[0])
            if state is not None:
                return (state,)
    return None


def _named_after(st: ResolverState, t: Token, name: str) -> bool:
    """Is the state ``name`` named later in ``t``'s sentence?"""
    end = st.sent_bounds[st.sent_of[t.i]][1]
    return any((m := st.cand_at(i)) is not None and m.start == i and len(m.actors) == 1 and m.actors[0].name == name
               for i in range(t.i + 1, end))


def _a_state(st: ResolverState, a: Actor) -> bool:
    """A state, not the government made for a leader whose state the article never says."""
    return a.name not in st.leader_governments


def _clause_subject(t: Token) -> list[int]:
    """The tokens of the subject of the clause a phrase is an argument of."""
    v = t
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return [x.i for c in v.children if c.dep_ in SUBJ_DEPS for x in c.subtree] if v.pos_ in ("VERB", "AUX") else []


def _opponents(st: ResolverState, pool: list[Mention], own: set[str]) -> tuple[Actor, Actor] | None:
    """ "The army is fighting the RSF. ... The UN accused both sides of atrocities": the two sides are the
    latest pair told fighting (or in a lawsuit), as a clause's subject and object ("X fights Y") or joined ("X and Y clashed"),
    not the last two names."""
    from ..rules.vocab import VERB_CUES  # (the rules' table; imported late, the rules import the resolver)
    doc = st.doc
    for m in pool:
        h = doc[m.head]
        if h.dep_ not in SUBJ_DEPS or len(m.actors) != 1:
            continue
        if not {rel for rel in VERB_CUES.get(h.head.lemma_.lower(), {}).values()} & {"attacks", "fights", "clashes", "prosecutes"}:
            continue  # ("X accused Y of ...", "X and Y expressed solidarity" make no two sides; "X sued Y" does)
        others = [c for c in h.children if c.dep_ == "conj"] + [c for c in h.head.children if c.dep_ == "dobj"] + [
            p for c in h.head.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
            for p in c.children if p.dep_ == "pobj"]
        for o in others:
            om = st.cand_at(o.i)
            if om is not None and len(om.actors) == 1 and om.actors[0] != m.actors[0] \
                    and not own & {m.actors[0].name, om.actors[0].name}:
                return m.actors[0], om.actors[0]
    return None


def _judicial(a: Actor) -> bool:
    """A court ("the Supreme Court"): a word of its name is one of the judiciary's (``unnamed_group_nouns``)."""
    return a.type == "organisation" and any(UNNAMED_GROUP_NOUNS.get(w) == "judiciary" for w in a.name.lower().split())


def _joined(st: ResolverState, pool: list[Mention], a: Actor, b: Actor) -> bool:
    """Were ``a`` and ``b`` named as one conjoined subject of a statement ("the US and the UK issued a joint
    statement", "said")? (As the subject of a clash, or named together as an object, they may well be two
    sides: "Peru and Chile exchanged fire", "urged Kenya and Somalia to keep a ceasefire".)"""
    for m in pool:
        h = st.doc[m.head]
        v = h.head
        said = v.lemma_.lower() in SPEECH_VERBS or any(c.dep_ == "dobj" and c.lemma_.lower() in MESSAGE_NOUNS
                                                        for c in v.children)
        if m.actors not in ((a,), (b,)) or h.dep_ not in SUBJ_DEPS or not said:
            continue
        other = (b,) if m.actors == (a,) else (a,)
        if any((c := st.cand_at(x.i)) is not None and c.actors == other for x in st.doc[m.head].conjuncts):
            return True
    return False


def ordinal(st: ResolverState, t: Token, history: list[Mention]) -> Mention | None:
    """ "Slovenia criticised Greece. The latter rejected ...": the first ("the former") or last ("the latter")
    of the actors named in the nearest stretch before it that names at least two."""
    s = st.sent_of[t.i]
    for back in range(3):
        named = [m for m in history if st.sent_of[m.start] == s - back and m.kind != "pronoun" and m.start < t.i]
        actors: list[Actor] = []
        for a in (a for m in sorted(named, key=lambda m: m.start) for a in m.actors):
            if all(a.name != b.name for b in actors):
                actors.append(a)
        if len(actors) >= 2:
            pick = actors[ORDINAL_REFS[t.lower_]]
            return st.cands[st.add(t.i - 1, t.i + 1, (pick,), "pronoun", head=t.i)]
    return None


def plural(st: ResolverState, t: Token, history: list[Mention]) -> Mention | None:
    doc = st.doc
    low = t.lower_
    noun: Token | None = None
    if t.dep_ in ("nummod", "det", "predet", "preconj", "quantmod") or t.head.i > t.i and t.head.tag_ in ("NNS", "NNPS"):
        noun = t.head
        if noun.i <= t.i or noun.lower_ not in PLURAL_ACTOR_NOUNS or st.owner[noun.i] >= 0:
            return None
        want = PLURAL_ACTOR_NOUNS[noun.lower_]
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children) and not judged_of(noun):
            return None  # "both sides of the spectrum": a set the phrase names ("accused the two of" is not)
    elif t.dep_ in SUBJ_DEPS or t.dep_ in ("dobj", "pobj"):
        want = None
    else:
        return None  # "Russia and the USA both agreed": the conjunction is the subject
    count = PLURAL_COUNT[low]
    if low != "both" and not (t.i > 0 and doc[t.i - 1].lower_ in ("the", "these", "those", "all")):
        return None
    start = t.i if low == "both" else t.i - 1
    end = (noun.i if noun is not None else t.i) + 1
    if not st.free(start, end):
        return None
    s = st.sent_of[t.i]
    own_toks = _clause_subject(noun if noun is not None else t)
    own = {a.name for i in own_toks if (m := st.cand_at(i)) is not None for a in m.actors}
    pool = [m for m in reversed(history) if st.sent_of[m.start] >= s - 3 and st.salience(m) >= 0
            and not own & {a.name for a in m.actors}]  # "Israel condemned the two countries": not Israel
    if noun is not None and noun.lemma_ in ("side", "party") and count == 2:
        pair = _opponents(st, pool, own)
        if pair:
            return st.cands[st.add(start, end, pair, "group", head=noun.i)]
    for strict in (True, False):
        actors: list[Actor] = []
        kind = want
        for m in pool:
            if strict and st.salience(m) == 0:
                continue
            for a in m.actors:
                if kind is None:
                    kind = "person" if a.type == "person" else "other"
                ok = a.type == kind or (kind == "other" and a.type != "person")
                if ok and a not in actors:
                    actors.append(a)
            if len(actors) >= count:
                break
        if len(actors) >= count and noun is not None and noun.lemma_ == "party" and kind == "person":
            return None  # "blamed both parties" after two candidates: the two political parties, not them
        if len(actors) >= count and noun is not None and noun.lemma_ == "side" and (
                _judicial(actors[0]) != _judicial(actors[1]) or _joined(st, pool, *actors[:2])):
            return None  # two sides are apart: not a court and a party to its case, nor "X and Y issued a statement"
        if len(actors) >= count:
            return st.cands[st.add(start, end, tuple(reversed(actors[:count])), "group",
                                       head=(noun.i if noun is not None else t.i))]
    return None
