"""Role references: "the Russian president" (``roles.reference``), "the California Democrat"
(``roles.party_member``)."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from ..records import Actor
from .index import Mention
from .state import ResolverState
from .text import judged_of, role_match, SUBJ_DEPS
from .vocab import BODY_OFFICES, NOMINATING_VERBS, PARTY_MEMBER_NOUNS, ROLE_HEADS, ROLE_MODIFIERS, ROLE_UNREAL, OFFICE_WORDS, PARTY_OFFICES, STATE_OFFICES, us_state


def role_references(st: ResolverState) -> None:
    """"the Russian president", "the secretary of state": the person named with that role (and
    affiliation) in the article; when there is none, a state's head or minister is the state, and any
    other role stays unresolved."""
    doc = st.doc
    people = [m for m in st.cands if m is not None and m.actors and m.actors[0].type == "person"]
    people.sort(key=lambda m: m.start)
    home = _home_state(st)
    for t, low in zip(st.toks, st.lowers):
        if low not in ROLE_HEADS or t.tag_ not in ("NN", "NNP") or st.owner[t.i] >= 0:
            continue
        nxt = doc[t.i + 1] if t.i + 1 < st.n else None
        if nxt is not None and nxt.pos_ == "PROPN" and st.owner[nxt.i] >= 0:
            continue  # a title in front of a name, handled by titles()
        det = [c for c in t.children if c.i < t.i and (c.lower_ in ("the", "this") or c.dep_ == "poss")]
        if not det or _named_beside(st, t):
            continue
        affil, of_part, start, mods, qualified = _role_phrase(st, t)
        if affil == "":
            continue
        lo = min(mods + [t.i])
        role = doc[lo:t.i + 1].text.lower()
        end = t.i + 1
        if of_part:
            role += " " + of_part
            end = max(x.right_edge.i for x in t.children if x.dep_ == "prep" and x.lower_ == "of") + 1
        target = person_with_role(people, t.i, role, affil, st.sent_of,
                                  lambda a: _of_body(st, a) or _abroad(st, a, home)) if people else None
        if target is None and role == "nominee":
            target = _nominated(st, people, t.i)
        kinds = () if qualified or target is not None or not affil else \
            _office_kinds(role, not any(m.start < t.i for m in people))
        if kinds:
            # "the Peruvian president", "the Republican nominee" (nobody named before it), "the NATO chief",
            # "the Hamas chief", "the Kurdish leader": the state, party, body or group
            _office_of(st, start, end, t, affil, kinds)
            continue
        if target is None or not _claim(st, start, end, affil):
            continue
        k = st.add(start, end, (target,), "role", head=t.i)
        st.person_ks.append(k)


def _named_beside(st: ResolverState, t: Token) -> bool:
    """ "Their leader, Sam Pike, said", "Sam Pike, the party's leader, said": the name in apposition says who
    holds the role here, not whoever held it earlier in the article."""
    near = [c for c in t.children if c.dep_ == "appos"] + ([t.head] if t.dep_ == "appos" else [])
    return any(m is not None and m.actors and m.actors[0].type == "person" and m.kind != "pronoun"
               for m in map(st.cand_at, (c.i for c in near)))


def _nominated(st: ResolverState, people: list[Mention], i: int) -> Actor | None:
    """ "Harris nominated Judge Ann Hollis ... Dawes defended the nominee": the latest person named before
    as the object of a verb of nominating."""
    for m in reversed(people):
        h = st.doc[m.head]
        if m.end <= i and h.dep_ == "dobj" and h.head.lemma_.lower() in NOMINATING_VERBS and len(m.actors) == 1:
            return m.actors[0]
    return None


def _claim(st: ResolverState, start: int, end: int, affil: str | None) -> bool:
    """Free the role phrase for its holder: "the NATO chief" is the person, not NATO inside it."""
    inside = st.claimed(start, end)
    for k in inside:
        m = st.cands[k]
        if m is None or len(m.actors) != 1 or m.actors[0].name != affil:
            return False
    for k in inside:
        st.drop(k)
    return True


def _office_of(st: ResolverState, start: int, end: int, t: Token, affil: str, kinds: tuple[str, ...]) -> None:
    """A state's head or minister, or a party's nominee or leader, the article never names ("the Iranian
    foreign minister said ...") acts for the state or party, as its officials do; so does the unnamed head of
    a body the gazetteer lacks ("the MFT chief") when the name in front is one."""
    entry = st.gaz.lookup(affil)
    inside = st.claimed(start, end)
    m = st.cands[min(inside)] if len(inside) == 1 else None
    if entry is not None:
        if entry.type not in kinds:
            return
        actor = st.entry_actor(entry)
    elif m is not None and len(m.actors) == 1 and m.actors[0].name == affil and m.actors[0].type in kinds:
        actor = m.actors[0]
    else:
        return
    if st.free(start, end):
        st.add(start, end, (actor,), "metonym", head=t.i)
        return
    if m is not None and m.actors == (actor,) and st.extend(min(inside), start, end):
        m.kind = "metonym"  # "the US president", "the NATO chief": the name in front grows into the office


def _whose(st: ResolverState, c: Token) -> Mention | None:
    """ "Peru, whose president ...": the one the relative clause hangs on."""
    v = next((a for a in c.ancestors if a.dep_ == "relcl"), None)
    return st.cand_at(v.head.i) if v is not None else None


def _role_phrase(st: ResolverState, t: Token) -> tuple[str | None, str, int, list[int], bool]:
    """The affiliation a role noun's modifiers give ("" when an "of" office cannot be matched), the
    office after "of" that is part of the role, where the phrase starts, the role's modifiers, and whether an
    unknown modifier qualifies the role (then it is no unnamed office of the affiliation)."""
    doc = st.doc
    affil: str | None = None
    of_part = ""
    start = t.i
    mods = []
    qualified = False
    for c in sorted(t.children, key=lambda c: c.i):
        if c.i > t.i:
            if c.dep_ == "prep" and c.lower_ == "of" and affil is None and not _verb_of(t, c):
                affil = ""  # "the Minister of Foreign Affairs": an office we cannot match
                for p in c.children:
                    pm = st.cand_at(p.i)
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
            pm = st.cand_at(c.i) if c.lower_ != "whose" else _whose(st, c)
            if pm is not None and pm.actors and pm.actors[0].type != "person":
                affil = pm.actors[0].name
        elif c.i in st.demonym_at and st.owner[c.i] < 0:
            affil = st.demonym_at[c.i][1].name
            start = min(start, c.i)
        elif c.i + 1 in st.demonym_end and st.demonym_end[c.i + 1][0] < c.i and st.owner[c.i] < 0:
            s0, entry = st.demonym_end[c.i + 1]  # "the North Korean president": a demonym of two words
            affil = entry.name
            start = min(start, s0)
        elif c.dep_ in ("compound", "amod") and (c.lower_ in ROLE_MODIFIERS or c.lower_ in ROLE_HEADS):
            mods.append(c.i)
            start = min(start, c.i)
        elif c.lower_ in ROLE_UNREAL:
            return "", of_part, start, mods, False  # "the next president": nobody named
        else:
            pm = st.cand_at(c.i)
            if c.dep_ == "compound" and pm is not None and pm.actors and pm.actors[0].type != "person":
                affil = pm.actors[0].name  # "the US president"
                continue
            if pm is None and _foreign_place(st, c):
                return "", of_part, start, mods, False
            qualified = bool(affil) and c.dep_ in ("amod", "compound", "nmod")  # "the Syrian rebel leader":
            break  # no office of Syria's (but a person so described may hold the role)
    return affil, of_part, start, mods, qualified


def _office_kinds(role: str, first: bool) -> tuple[str, ...]:
    """The kinds of actor whose unnamed office ``role`` may be: a state's, a party's (only with nobody named
    before it: ``first``), a body's or group's."""
    kinds: tuple[str, ...] = ("country",) if role in STATE_OFFICES else ()
    if role in BODY_OFFICES:
        kinds += ("organisation",)
    if (role in PARTY_OFFICES and first) or (role in BODY_OFFICES and role not in PARTY_OFFICES):
        kinds += ("group",)  # (a party's chair or leader only with nobody named before it)
    return kinds


def _subject(h: Token) -> bool:
    """A subject, or a name in apposition to one ("his deputy, Sen. Jo Roe, said")."""
    return h.dep_ in SUBJ_DEPS or (h.dep_ == "appos" and h.head.dep_ in SUBJ_DEPS)


def _of_body(st: ResolverState, a: Actor) -> bool:
    """Does the person speak for a company, party office or other body rather than a state?"""
    if not a.affiliation:
        return False
    e = st.gaz.lookup(a.affiliation)
    kind = e.type if e is not None else getattr(st.actors.get(a.affiliation), "type", None)
    return kind == "organisation"


def _home_state(st: ResolverState) -> str | None:
    """The country the article names most, if one does."""
    counts = Counter(m.actors[0].name for m in st.cands if m is not None and len(m.actors) == 1
                     and m.actors[0].type == "country")
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


def _abroad(st: ResolverState, a: Actor, home: str | None) -> bool:
    """Does the person hold the office for a state other than the one the article names most ("Brazil's
    president, X" in a report on Washington)? A bare "the president" is then rather the other one."""
    e = st.gaz.entries.get(a.affiliation or "")
    return home is not None and e is not None and e.type == "country" and a.affiliation != home


def _verb_of(t: Token, of: Token) -> bool:
    """ "accused the president of lying": the "of" phrase belongs to the verb (what the role is charged
    with or told), not to the role as an office."""
    if judged_of(t):
        return True
    return not any(p.dep_ == "pobj" for p in of.children)  # "of misleading": a gerund, no office


def _foreign_place(st: ResolverState, c: Token) -> bool:
    """A place in front of a role that no person of the article is from ("the Utah attorney general"
    when only another state's attorney general is named): the role is someone else's."""
    if c.dep_ not in ("compound", "nmod", "amod") or c.pos_ != "PROPN" or c.ent_type_ != "GPE":
        return False
    words = [x.text for x in st.doc[c.left_edge.i:c.i + 1]]
    state = us_state(words)
    return state is None or state not in st.home.values()


def party_references(st: ResolverState) -> None:
    """"the California Democrat", "the Republican": the latest person named before who is of that party."""
    doc = st.doc
    people = sorted((m for m in st.cands if m is not None and m.actors and m.actors[0].type == "person"
                     and m.kind != "pronoun"), key=lambda m: m.start)
    if not people:
        return
    for t, low in zip(st.toks, st.lowers):
        if low not in PARTY_MEMBER_NOUNS or t.tag_ not in ("NN", "NNP") or t.i not in st.demonym_at \
                or st.owner[t.i] >= 0 and (st.cand_at(t.i) is None or st.cand_at(t.i).kind != "demonym"):
            continue
        if t.dep_ in ("compound", "amod", "nmod") or st.shouting[t.i]:
            continue  # "the Republican side", "Republican senators"
        left = sorted((c for c in t.children if c.i < t.i), key=lambda c: c.i)
        if not left or left[0].lower_ not in ("the", "this", "that"):
            continue
        start = left[0].i
        # anything between the article and the noun is a place name ("the South Carolina Republican")
        if not all(x.text[:1].isupper() and x.pos_ == "PROPN" for x in doc[start + 1:t.i]):
            continue
        inside = {st.owner[i] for i in range(start, t.i + 1) if st.owner[i] >= 0}
        if any(st.cands[k] is not None and (st.cands[k].start < start or st.cands[k].end > t.i + 1
                                               or st.cands[k].actors and st.cands[k].actors[0].type == "person")
               for k in inside):
            continue
        party = st.demonym_at[t.i][1].name
        home = us_state(x.text for x in doc[start + 1:t.i]) if t.i > start + 1 else None

        def at_home(a: Actor) -> bool:  # "the Maryland Democrat" is not a Democrat from California
            return home is None or st.home.get(a.name, home) == home
        before = [m.actors[0] for m in people if m.end <= start and m.actors[0].affiliation == party
                  and at_home(m.actors[0])]
        if home is not None and any(st.home.get(a.name) == home for a in before):
            before = [a for a in before if st.home.get(a.name) == home]
        if not before:
            # nobody known to be of the party: the person the last sentences were about, if their
            # party is unknown ("Senate leader X said ... The Kentucky Republican added")
            si = st.sent_of[t.i]
            recent = [m for m in people if m.end <= start and si - 2 <= st.sent_of[m.start] <= si
                      and _subject(st.doc[m.head]) and at_home(m.actors[0])]
            if not recent or recent[-1].actors[0].affiliation is not None:
                continue
            before = [recent[-1].actors[0]]
            before[0].affiliation = party
        for k in inside:
            st.cands[k] = None
            for i in range(st.n):
                if st.owner[i] == k:
                    st.owner[i] = -1
        if home is not None:
            st.home.setdefault(before[-1].name, home)
        k = st.add(start, t.i + 1, (before[-1],), "role", head=t.i)
        st.person_ks.append(k)


def person_with_role(people: list[Mention], i: int, role: str, affil: str | None,
                      sent_of: list[int] | None = None, of_body=lambda a: False) -> Actor | None:
    """The person "the president" is: the one named most often before with that role (the latest of them on a
    tie: a foreign president named once in passing is not the article's "the president"), else one named
    just after.
    A bare role prefers a person who holds it for no company or other body, nor for a state other than the
    article's ("the president" is the head of state even after "Jo Roe, president of a think tank"; in a
    report on Washington it is not "Brazil's president, X"), unless only such a person holds it."""
    def ok(a: Actor) -> bool:
        return role_match(role, a.role) and (affil is None or a.affiliation in (None, affil))

    def plain(found: list[Mention]) -> list[Mention]:
        return ([m for m in found if not of_body(m.actors[0])] or found) if affil is None else found

    before = plain([m for m in people if m.start < i and ok(m.actors[0])])
    if before:  # the one named most often so far, the latest of them on a tie
        counts = Counter(m.actors[0].name for m in before)
        top = max(counts.values())
        return next(m.actors[0] for m in reversed(before) if counts[m.actors[0].name] == top)
    after = plain([m for m in people if m.start > i and ok(m.actors[0])])
    if not after or (sent_of is not None and sent_of[after[0].start] > sent_of[i] + 2):
        return None  # a person introduced with the title much later is not who "the president" was
    return after[0].actors[0]
