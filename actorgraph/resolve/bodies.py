"""Organisations referred to again: "the committee" (``orgs.reference``), "the Senate" of the state in
focus (``orgs.bare_body``), "House Democrats" (``caucus.chamber``), and a short name merged with the
full one named in the article or the gazetteer (``orgs.full_name``, when the index is built)."""
from __future__ import annotations

from spacy.tokens import Token

from ..records import Actor
from .index import Mention
from .state import ResolverState
from .text import SUBJ_DEPS, judged_of
from .gazmatch import long_names, body_words, name_words
from .vocab import CHAMBER_WORDS, LEGISLATURE_WORDS, ORG_HEAD_NOUNS, ORG_KINDS


def org_references(st: ResolverState) -> None:
    """"the committee" after "the House Ethics Committee": the latest organisation of that kind."""
    doc = st.doc
    orgs = sorted((m for m in st.cands if m is not None and len(m.actors) == 1
                   and m.actors[0].type in ("organisation", "group")), key=lambda m: m.start)
    if not orgs:
        return
    last_seen: dict[str, int] = {}  # word -> its latest position before the token at hand
    for t, low in zip(st.toks, st.lowers):
        before, last_seen[low] = last_seen.get(low, -1), t.i
        if low not in ORG_HEAD_NOUNS or t.tag_ not in ("NN", "NNP") or t.i == 0 or doc[t.i - 1].lower_ != "the" \
                or st.owner[t.i - 1] >= 0 or (st.owner[t.i] >= 0 and not _bare_name(st, t)) \
                or (t.text[:1].isupper() and st.owner[t.i] < 0 and st.title_line[t.i]):
            continue
        if any(c.dep_ == "prep" and c.lower_ in ("of", "on", "for") for c in t.children) and not judged_of(t):
            continue  # "the committee of experts": a new one (not "accused the bureau of bias")
        found = [m.actors[0] for m in orgs if m.end <= t.i and m.actors[0].name != t.text and (
            (low in m.actors[0].name.lower().split() and m.actors[0].name.split()[0].lower() != low)
            or (ORG_KINDS.get(m.actors[0].name.lower()) == low and before < m.end))]  # (not "formed an alliance" between)
        if found:
            if st.owner[t.i] >= 0:  # "the Parliament" after "the European Parliament": not an organisation of its own
                st.drop(st.owner[t.i])
            st.add(t.i - 1, t.i + 1, (found[-1],), "alias", head=t.i)


def _bare_name(st: ResolverState, t) -> bool:
    """NER's one-word organisation named by the noun itself ("the Parliament")."""
    m = st.cand_at(t.i)
    return m is not None and m.end - m.start == 1 and len(m.actors) == 1 and m.actors[0].name == t.text


def _state_counts(st: ResolverState, skip: frozenset[int] = frozenset()) -> dict[str, int]:
    """How often the article points at each state: its name, its bodies and parties, its people's parties."""
    counts: dict[str, int] = {}
    for k, m in enumerate(st.cands):
        if m is None or len(m.actors) != 1 or k in skip:
            continue
        a = m.actors[0]
        name = a.name if a.type == "country" else a.affiliation if a.type in ("organisation", "group") else None
        if a.type == "person" and a.affiliation in st.gaz.entries:  # "Rep. Jo Doe (R-Ky.)": her party's state
            party = st.gaz.entries[a.affiliation]
            name = party.name if party.type == "country" else party.affiliation if party.type == "group" else None
        if name is not None and name in st.gaz.entries and st.gaz.entries[name].type == "country":
            counts[name] = counts.get(name, 0) + 1
    return counts


def focus_state(st: ResolverState) -> str | None:
    """The state the article is about, if one stands out."""
    return _focus(_state_counts(st))


def _focus(counts: dict[str, int]) -> str | None:
    """The one state the article points at most (at least twice)."""
    best = max(counts.values(), default=0)
    focus = [n for n, c in counts.items() if c == best]
    return focus[0] if len(focus) == 1 and best >= 2 else None


def home_words(st: ResolverState) -> None:
    """ "Congress" in a report from India is the Indian National Congress, in one from China the National
    People's Congress: a one-word name of another state's body or party is the body or party of the state in
    focus whose name has that word, if just one (and the other state is not named otherwise)."""
    doc = st.doc
    found: dict[int, tuple[str, dict[str, list]]] = {}
    words: dict[str, set[str]] = {}  # the other state -> its one-word names in the article
    for k, m in enumerate(st.cands):
        if m is None or len(m.actors) != 1:
            continue
        e = st.gaz.entries.get(m.actors[0].name)  # (the entry before the words: most mentions are no state's body)
        if e is None or e.type not in ("organisation", "group") or not e.affiliation or not _bare_word(doc, m):
            continue
        word = doc[m.end - 1].lower_
        alts = {state: xs for state, xs in name_words(st.gaz).get(word, {}).items() if state != e.affiliation}
        if alts:
            found[k] = (e.affiliation, alts)
            words.setdefault(e.affiliation, set()).add(word)
    if not found:
        return
    counts = _state_counts(st, frozenset(found))
    focus = _focus(counts)
    # (only in a report on the focus state's own politics, one of its bodies or parties named, and the
    # other state not named at all, nor by two such words: "Congress passed a bill on China ... the Communist
    # Party said" is still the US Congress when Washington is named once, and so are "Democrats in Congress")
    domestic = focus is not None and any(
        m is not None and k not in found and len(m.actors) == 1 and m.actors[0].type in ("organisation", "group")
        and m.actors[0].affiliation == focus for k, m in enumerate(st.cands))
    for k, (own, alts) in found.items():
        if domestic and len(alts.get(focus, ())) == 1 and not counts.get(own) and len(words[own]) == 1:
            st.cands[k].actors = (st.entry_actor(alts[focus][0]),)


def _bare_word(doc, m: Mention) -> bool:
    """A one-word mention, with "the" at most ("Congress", "the Congress")."""
    words = [t for t in doc[m.start:m.end] if t.lower_ != "the"]
    return len(words) == 1 and words[0].is_alpha


def bare_bodies(st: ResolverState) -> None:
    """"the Senate", "the House", "the Navy" with no state named: that body of the state the
    article is about (the country its mentions and its state bodies point to most), if just one."""
    doc = st.doc
    table = body_words(st.gaz)
    focus = focus_state(st)
    if focus is None:
        return
    for t in st.toks:
        if st.owner[t.i] >= 0 or not st.texts[t.i][:1].isupper() or not t.is_alpha or st.shouting[t.i] \
                or t.dep_ in ("compound", "amod", "nmod"):
            continue
        if t.i + 1 < st.n and (doc[t.i + 1].lower_ == "of" or doc[t.i + 1].pos_ == "PROPN" or (
                doc[t.i + 1].lower_ == "for" and t.i + 2 < st.n and doc[t.i + 2].text[:1].isupper())):
            continue  # "the House of Lords", "Senate Majority Leader", "Committee for Peace": a longer name
        if t.i > 0 and doc[t.i - 1].lower_ in ("state", "provincial", "regional", "city"):
            continue  # "the state Senate", "the provincial assembly": not the state's national body
        found = table.get((focus, t.lower_), [])
        if len(found) != 1:
            continue
        s = t.i - 1 if t.i > 0 and doc[t.i - 1].lower_ == "the" and st.owner[t.i - 1] < 0 else t.i
        if s == t.i and t.dep_ not in SUBJ_DEPS and t.dep_ != "poss":
            continue  # without "the", only as a doer ("Senate votes"): else an ordinary word
        st.add(s, t.i + 1, (st.entry_actor(found[0]),), "alias", head=t.i)


def chamber_caucuses(st: ResolverState) -> None:
    """ "House Democrats", "Senate Republicans": a party's members in one chamber act as a caucus
    of their own (as "Republican lawmakers" does), affiliated with the party."""
    doc = st.doc
    for k, m in enumerate(st.cands):
        if m is None or len(m.actors) != 1 or st.shouting[m.start]:
            continue
        if m.end - m.start == 2 and doc[m.start].text in CHAMBER_WORDS and m.actors[0].type != "person":
            party = st.gaz.lookup(doc[m.start + 1].text)  # "Senate Dems" that NER took for a body of its own
            if party is not None and party.type == "group" and doc[m.start + 1].text.endswith("s"):
                m.actors, m.kind = (_caucus(st, st.entry_actor(party), doc[m.start], doc[m.start + 1]),), "name"
            continue
        if m.actors[0].type != "group" or m.start == 0 or m.end - m.start != 1 or not doc[m.start].text.endswith("s"):
            continue
        ch = doc[m.start - 1]
        if ch.text not in CHAMBER_WORDS or st.owner[ch.i] >= 0 and st.cand_at(ch.i) is not m:
            continue
        if st.extend(k, ch.i, m.end):
            m.actors, m.kind = (_caucus(st, m.actors[0], ch, doc[m.end - 1]),), "name"


def _caucus(st: ResolverState, party: Actor, chamber: Token, members: Token) -> Actor:
    """The caucus "Senate Democrats" however the members are written ("Dems"): the party's plural as the
    gazetteer first names it; "Congressional Republicans" are the party's lawmakers."""
    if chamber.text in LEGISLATURE_WORDS:
        return st.caucus(party, "lawmakers")
    entry = st.gaz.entries.get(party.name)
    plural = next((a for a in (entry.aliases if entry else ()) if a.endswith("s") and " " not in a), members.text)
    caucus = st.caucus(party, members.lower_, name=f"{chamber.text} {plural}")
    caucus.add_alias(f"{chamber.text} {members.text}")
    return caucus


def merge_short_names(st: ResolverState, mentions: list[Mention]) -> None:
    """An organisation the article also names in full is one actor: "the Supreme Court" after
    "the Supreme Court of Ruritania", "the Fifth Circuit" with "the Fifth Circuit Court of Appeals"."""
    orgs = {a.name: a for m in mentions for a in m.actors if a.type in ("organisation", "group")}
    if not orgs:
        return
    repl: dict[str, Actor] = {}
    for name, a in orgs.items():
        if name in st.gaz.entries or len(name.split()) < 2:
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
            if name in repl or name in st.gaz.entries or len(name.split()) < 2:
                continue
            full = [e for e in long_names(st.gaz).get(name.lower(), []) if e.affiliation == focus]
            if len(full) == 1:
                repl[name] = st.entry_actor(full[0])
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
