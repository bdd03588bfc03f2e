"""What the words around a person's name say (pass ``roles.title``): a title in front, a US party
tag, an apposition, a home state; and "X of <body>" (``roles.of_phrase``)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gazetteer import Entry
from ..records import Actor
from .index import Mention
from .state import ResolverState
from .text import is_quote, affil_name
from .vocab import (
    PARTY_MEMBER_NOUNS, ROLE_HEADS, ROLE_MODIFIERS, ROLE_ABBREVIATIONS, PARTY_TAGS, HONORIFICS, GENDERED_ROLES,
    HOME_STATE_ROLES, HOSTILE_RELATIONAL_HEADS, RELATION_HEADS, us_state,
)


def titles(st: ResolverState) -> None:
    """Every person named so far gets what the words around the name say; a possessor person
    ("Trump's lawyer X") lends its affiliation."""
    for k in list(st.person_ks):
        m = st.cands[k]
        if m is None or not m.actors or m.actors[0].type != "person":
            continue
        title_before(st, k, m)
        party_tag(st, m)
        apposition(st, m)
        home_apposition(st, m)
    for person, pk in st.poss_affil:
        pm = st.cands[pk]
        if person.affiliation is None and pm is not None and pm.actors:
            a = pm.actors[0]
            person.affiliation = a.affiliation if a.type == "person" else affil_name(a)


@dataclass
class Title:
    """What the words before a person's name say: where the title starts, its role words, the
    state or body it names, and the gender an honorific or role marks."""

    first: int
    role_idx: list[int] = field(default_factory=list)
    affil: Actor | Entry | None = None
    gender: str | None = None


def title_before(st: ResolverState, k: int, m: Mention) -> None:
    """"Russian Foreign Minister Sergey Lavrov": role, affiliation and gender, and the mention covers its title."""
    doc = st.doc
    person = m.actors[0]
    ti = _scan_title(st, m)
    if not ti.role_idx and ti.affil is None and ti.gender is None:
        return
    role = None
    if ti.role_idx and any(doc[i].lower_ in ROLE_HEADS or doc[i].lower_ in ROLE_ABBREVIATIONS for i in ti.role_idx):
        lo, hi = min(ti.role_idx), max(ti.role_idx)
        words = " ".join(ROLE_ABBREVIATIONS.get(t.lower_, t.lower_) for t in doc[lo:hi + 1])
        role = re.sub(r"\s*-\s*", "-", words)
    if role is None and ti.affil is None and ti.gender is None:
        return
    if role and person.role is None:
        person.role = role
    if ti.affil is not None and person.affiliation is None:
        person.affiliation = affil_name(ti.affil)
    if ti.gender and person.name not in st.gender:
        st.gender[person.name] = ti.gender
    # the mention covers its title: "Russian Foreign Minister Sergey Lavrov"
    first = ti.first
    while first < m.start and (is_quote(doc[first]) or doc[first].is_punct):
        first += 1
    if first < m.start:
        st.extend(k, first, m.end, absorb=True)
        m.head = st.doc[m.start:m.end].root.i


def _scan_title(st: ResolverState, m: Mention) -> Title:
    """Walk left from the name over title words, a demonym or an actor's name, within the sentence."""
    doc = st.doc
    sent = st.sent_of[m.start]
    j = m.start - 1
    ti = Title(first=m.start)
    while j >= 0 and st.sent_of[j] == sent:
        t = doc[j]
        low = t.lower_
        owner = st.cand_at(j)
        if owner is None and (low in ROLE_HEADS or (low in ROLE_MODIFIERS and t.pos_ != "VERB") or low in HONORIFICS
                              or low in ROLE_ABBREVIATIONS):
            if low in HONORIFICS:
                ti.gender = ti.gender or HONORIFICS[low]
            else:
                ti.role_idx.append(j)
                ti.gender = ti.gender or GENDERED_ROLES.get(low)
        elif owner is None and ti.role_idx and j > 0 and (
                t.text == "-" and doc[j - 1].lower_ in ROLE_HEADS | ROLE_MODIFIERS
                or low in ("of", "for") and doc[j - 1].lower_ in ROLE_HEADS):
            ti.role_idx.append(j)  # "vice-president", "Secretary of State"
        elif owner is None and j + 1 in st.demonym_end and ti.affil is None:
            ds, entry = st.demonym_end[j + 1]
            ti.affil, ti.first, j = entry, ds, ds - 1
            continue
        elif owner is not None and owner.actors and owner.end == j + 1 and ti.affil is None \
                and owner.actors[0].type != "person" and owner.kind in ("name", "alias", "metonym"):
            ti.affil, ti.first, j = owner.actors[0], owner.start, owner.start - 1
            continue
        elif is_quote(t) and ti.role_idx == [] and j > 0 and st.cand_at(j - 1) is not None:
            j -= 1  # "'IS' leader X"
            continue
        else:
            if t.text in ("'s", "\u2019s", "'") and owner is None and j > 0 and ti.affil is None:
                pm = st.cand_at(j - 1)
                if pm is not None and pm.actors and (ti.role_idx or ti.gender):
                    if pm.actors[0].type == "person":
                        st.poss_affil.append((m.actors[0], st.owner[j - 1]))
                    else:
                        ti.affil = pm.actors[0]
            break
        ti.first = j
        j -= 1
    return ti


def party_tag(st: ResolverState, m: Mention) -> None:
    """US press tags a legislator with party and state: "Adam Schiff (D-Calif.)", "Graham, R-S.C."."""
    doc = st.doc
    person = m.actors[0]
    j = m.end
    if j + 3 >= st.n or doc[j].text not in ("(", ","):
        return
    letter, dash, state = doc[j + 1], doc[j + 2], doc[j + 3]
    if letter.text in PARTY_TAGS and dash.text in ("-", "\u2013") and state.text[:1].isupper() \
            and not letter.whitespace_ and not dash.whitespace_:
        words = []
        for x in doc[j + 3:min(j + 7, st.n)]:
            if x.text in (")", ",", ";") or x.is_space:
                break
            words.append(x.text)
        home = us_state(words)
        if home:
            st.home.setdefault(person.name, home)
        if person.affiliation is not None:
            return
        entry = st.gaz.lookup(PARTY_TAGS[letter.text])
        if entry is not None:
            person.affiliation = entry.name
            if person.role is None:
                person.role = "lawmaker"  # the press tags members of Congress this way


def home_apposition(st: ResolverState, m: Mention) -> None:
    """"X, Illinois Republican", "X, a South Carolina Democrat": the person's home state."""
    doc = st.doc
    j = m.end
    if j + 2 >= st.n or doc[j].text != ",":
        return
    j += 1
    if doc[j].lower_ in ("a", "the"):
        j += 1
    words = []
    while j < st.n and len(words) < 3 and doc[j].text[:1].isupper() and doc[j].lower_ not in PARTY_MEMBER_NOUNS:
        words.append(doc[j].text)
        j += 1
    if words and j < st.n and doc[j].lower_ in PARTY_MEMBER_NOUNS:
        home = us_state(words)
        if home:
            st.home.setdefault(m.actors[0].name, home)


def of_phrase(st: ResolverState, m: Mention) -> None:
    """Affiliation from a post-modifier: "Lena Moss of Chile's interior ministry", "X of Hamas" (not a
    lawmaker's or governor's home state: "Sen. X of Washington / of Georgia")."""
    person = m.actors[0]
    if person.affiliation is not None:
        return
    h = st.doc[m.head]
    for c in h.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "at") and c.i >= m.end:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                home = us_state(t.text for t in p.subtree) if person.role in HOME_STATE_ROLES else None
                if home:
                    st.home.setdefault(person.name, home)
                    return
                k = st.owner[p.i] if st.owner[p.i] >= 0 else st.gov.get(p.i, -1)
                om = st.cands[k] if k >= 0 else None
                if om is not None and om.actors and len(om.actors) == 1 and om.actors[0].type != "person" \
                        and om.kind != "pronoun":
                    if om.actors[0].type == "country" and c.lower_ == "from" and om.head == p.i \
                            and om.kind in ("name", "alias"):
                        continue  # "a man from Syria" is not Syria's
                    person.affiliation = st.affiliation_of(om)
                    return


def apposition(st: ResolverState, m: Mention) -> None:
    doc = st.doc
    person = m.actors[0]
    if person.role is not None and person.affiliation is not None:
        return
    h = doc[m.head]
    nouns = [c for c in h.children if c.dep_ == "appos" and c.i > h.i]
    if h.dep_ == "appos" and h.head.i < h.i and st.cand_at(h.head.i) is None:
        nouns.append(h.head)  # "his US colleague, Secretary of State John Kerry"
    for a in nouns:
        if a.pos_ not in ("NOUN", "PROPN") or a.right_edge.i - a.left_edge.i > 12:
            continue
        if st.cand_at(a.i) is not None and st.cand_at(a.i).actors:
            continue
        if a.lower_ in ROLE_HEADS and person.role is None:
            mods = [c for c in a.children if c.i < a.i and c.dep_ in ("compound", "amod")
                    and (c.lower_ in ROLE_MODIFIERS or c.lower_ in ROLE_HEADS) and st.cand_at(c.i) is None]
            lo = min([c.i for c in mods] + [a.i])
            person.role = doc[lo:a.i + 1].text.lower()
            g = GENDERED_ROLES.get(a.lower_)
            if g and person.name not in st.gender:
                st.gender[person.name] = g
        if person.affiliation is None:
            # the noun with its modifiers and "of"/"from" phrase, not a clause about something else
            # ("a loyal ally who opposed the president's Syrian policy": not Syria)
            # ("X, a critic of Russia": the one a hostile noun's phrase names is not X's side; "her GOP
            # challenger, X": its modifier is)
            # ("X, a Weiss ally / a close ally of Y": the one the relation names is the other side, only a
            # party word is X's own)
            related = a.lemma_.lower() in RELATION_HEADS
            # (with an "of" phrase naming the other side, a modifier is X's own: "a GOP ally of Y")
            other_side = related and not any(c.dep_ == "prep" and c.lower_ == "of" for c in a.children)
            near = list(doc[a.left_edge.i:a.i + 1]) + [x for c in a.children if c.dep_ == "prep" and c.i > a.i
                                                     and c.lower_ in ("of", "from", "at", "for")
                                                     and not (related and c.lower_ == "of") for x in c.subtree]
            for t in near:
                if t.i in st.demonym_at and st.cand_at(t.i) is None:
                    person.affiliation = st.demonym_at[t.i][1].name
                    break
                om = st.cand_at(t.i)
                if other_side and t.i < a.i and om is not None and om.actors and om.kind not in ("demonym", "pronoun") \
                        and not (a.lemma_.lower() in HOSTILE_RELATIONAL_HEADS and om.actors[0].type == "group"):
                    continue  # (but "her GOP challenger": the party of a rival is its own)
                if om is not None and om.actors and om.actors[0].type != "person":
                    person.affiliation = st.affiliation_of(om)
                    break


def of_phrases(st: ResolverState) -> None:
    """After the apparatus phrases: "X of China's foreign ministry" reads the ministry's mention."""
    for k in st.person_ks:
        m = st.cands[k]
        if m is not None and m.actors and m.actors[0].type == "person" and m.kind != "pronoun":
            of_phrase(st, m)
