"""Names: gazetteer matches and spaCy entities become candidate mentions (pass ``names.gazetteer_ner``),
and "the North" after "North Korea" (``names.short``)."""
from __future__ import annotations

import re

import numpy
from spacy.attrs import POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span

from ..gazetteer import Entry, Gazetteer
from .index import Mention
from .state import ResolverState
from .text import clean_surface, dateline_dash, stance_prefixed, person_name_ok, looks_like_org, is_media, place_use
from .trim import trim
from .gazmatch import Pattern
from .vocab import (
    STATE_NOUNS, GROUP_NOUNS, ORG_HEAD_NOUNS, ROLE_HEADS, ROLE_MODIFIERS, POLICY_WORDS, ORG_WORDS, PLACE_PREPS,
    PORTFOLIO_HEADS, OFFICE_METONYMS, UNREAL_NAMES, PARTY_FAMILIES, JUDGED_FOR_VERBS, COMPASS_WORDS, REGION_PREFIXES,
    CONTINENTAL_DEMONYMS,
)


def _datelines(st: ResolverState) -> None:
    """ "LAS VEGAS (AP) \u2014", "NAIROBI, March 3 (Reuters) -": where a story was filed and who filed it
    open its paragraph; they are no actors (nor the subject the parser may make of them)."""
    doc, texts = st.doc, st.texts
    for s in range(len(doc)):
        if s and "\n" not in texts[s - 1] and not texts[s - 1].isspace():
            continue  # (a token's trailing whitespace is a space or none: a line break is a token of its own)
        got = dateline_dash(doc, s)
        if got is None:
            continue
        e, end = got
        if end == e and _named_actor(st, doc[s:e].text):
            continue  # "NATO \u2014 the Western alliance \u2014 criticised ...": an actor, not where a story was filed
        line = next((j for j in range(end, len(doc)) if "\n" in doc[j].text_with_ws), len(doc))
        if line - end > 8 and st.free(s, end):  # a sentence follows ("US - Chile talks fail" is a headline)
            st.add(s, end, None, "blocked")


def _named_actor(st: ResolverState, caps: str) -> bool:
    """Is an all-capitals word run an actor's name or alias (not a place standing for one, as a dateline's is)?"""
    for text in (caps, caps.title()):
        entry = st.gaz.lookup(text)
        if entry is not None:
            return text not in entry.metonyms and text.title() not in entry.metonyms
    return False


def base_spans(st: ResolverState) -> None:
    """Gazetteer hits and NER entities, longest first (the gazetteer wins ties); demonyms are noted, not claimed."""
    doc = st.doc
    _datelines(st)
    shouting = st.shouting
    hits = st.matcher(doc, shouting)
    names = []
    starts = {s for s, _, _ in hits}
    for s, e, pat in hits:
        if _region_word(doc, s, e, pat, starts):
            continue  # "Latin American governments", "Central America": a region's, no state's
        if stance_prefixed(doc, s):
            st.add(s, e, None, "blocked")  # "pro-Russian separatists", "anti-Israel protesters": not them
            continue
        family = _family_before(doc, st.gaz, s, e)
        if family is not None:  # "the Social Democrats", "a Social Democrat leader": no party the gazetteer names
            plural = family == doc[s - 1:e].text  # (a group as a noun; as a modifier, nobody)
            st.add(s - 1, e, (st.actor(_family_name(family), "group"),) if plural else None,
                   "demonym" if plural else "blocked")
            continue
        if pat.kind == "demonym":
            if s not in st.demonym_at or st.demonym_at[s][0] < e:
                st.demonym_at[s] = (e, pat.entry)
            if e not in st.demonym_end or st.demonym_end[e][0] > s:
                st.demonym_end[e] = (s, pat.entry)
            for i in range(s, e):
                if i not in st.demonym_tok or st.demonym_tok[i][1] - st.demonym_tok[i][0] < e - s:
                    st.demonym_tok[i] = (s, e, pat.entry)
        else:
            names.append((s, e, pat))
    _compound_peoples(st)
    names += _bare_possessives(st, {i for s, e, _ in names for i in range(s, e)})
    cands: list[tuple[int, int, int, object]] = [(s, e, 2, pat) for s, e, pat in names]
    for ent in [*doc.ents, *_cause_names(st), *_untagged_org_names(st)]:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            s, e = trim(ent)
            if s < e:
                cands.append((s, e, 1, ent))
    # longest first; on equal length the gazetteer wins; then earliest
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    gaz_spans = [(s, e) for s, e, _ in names]
    for s, e, _prio, payload in cands:
        if not st.free(s, e):
            continue
        if isinstance(payload, Pattern):
            e_ = payload.entry
            if e - s == 1 and e_.type != "person" and st.common_word(s):
                continue
            if _foreign_body(st, s, e_):
                continue  # "the Peruvian Congress", "Peru's Congress": that state's body (states.apparatus)
            other = _other_state(st, s, e_.name) if e_.type == "country" and doc[s:e].text.lower() in OFFICE_METONYMS \
                else None
            if other is not None:  # "Pakistan's Foreign Office", "the Kenyan State House": that state's office
                st.add(s, e, (st.entry_actor(other),), "metonym")
                continue
            k = st.add(s, e, (st.entry_actor(e_),), payload.kind)
            if e_.type == "person":
                st.person_ks.append(k)
        else:
            ner_span(st, s, e, payload, gaz_spans)  # type: ignore[arg-type]


def _region_word(doc: Doc, s: int, e: int, pat: Pattern, starts: set[int]) -> bool:
    """ "Latin American governments", "South American", "Central America": a demonym or a continent's name
    after a capitalised region word no other name starts with is the region's, not the state's (after a
    compass word only a continent's: "South Australian officials", "Eastern Ukrainian separatists" are the
    state's)."""
    j = s - 2 if s >= 2 and doc[s - 1].text == "-" else s - 1  # ("Anglo-American", "Pan-African")
    if j < 0 or e - s != 1 or not doc[j].text[:1].isupper() or any(x in starts for x in range(j, s)):
        return False
    before, low = doc[j], doc[s].lower_
    if low in CONTINENTAL_DEMONYMS:
        return before.lower_ in COMPASS_WORDS or before.lower_ in REGION_PREFIXES
    return pat.kind == "demonym" and before.lower_ in REGION_PREFIXES


def _cause_names(st: ResolverState) -> list[Span]:
    """ "Americans for Fiscal Integrity": a capitalised plural, "for" and a capitalised run in which NER found an
    ORG, no gazetteer name, is one organisation's name (NER cuts it into a people and an ORG; "turned Europeans
    against Russia", "Americans for Russia", "lawyers for X", "blamed Republicans for Tuesday's vote" are none)."""
    doc, out = st.doc, []
    for i in range(st.n - 2):
        if st.texts[i + 1] != "for" or not st.texts[i][:1].isupper():
            continue
        t = st.toks[i]
        if t.tag_ not in ("NNPS", "NNS") or st.title_line[i] or st.shouting[i] \
                or (i > 0 and st.texts[i - 1][:1].isupper()) \
                or t.lemma_.lower() in ROLE_HEADS or t.lower_ in GROUP_NOUNS \
                or (t.dep_ == "dobj" and t.head.lemma_.lower() in JUDGED_FOR_VERBS):
            continue  # ("officials for Exxon", "blamed Republicans for Tuesday's vote": no name)
        e = i + 2
        while e < st.n and (st.texts[e][:1].isupper() or (st.texts[e] in ("of", "and", "the") and e + 1 < st.n
                                                          and st.texts[e + 1][:1].isupper())):
            e += 1
        run = doc[i + 2:e]
        if len(run) and e < st.n and st.texts[e] not in ("'s", "\u2019s") and st.gaz.lookup(run.text) is None \
                and any(x.ent_type_ == "ORG" for x in run):  # (NER's ORG inside: "Fiscal Integrity")
            out.append(Span(doc, i, e, label="ORG"))
    return out


def _untagged_org_names(st: ResolverState) -> list[Span]:
    """ "the Northern Farmers Federation": "the" and a run of capitalised proper nouns ending in a word that
    makes a name an organisation's, where NER tagged none of it, is one organisation's name (NER misses
    many; not in a title-case headline, not a gazetteer name)."""
    doc, out = st.doc, []
    for i in range(st.n - 2):
        if st.lowers[i] != "the" or st.title_line[i] or st.shouting[i]:
            continue
        e = i + 1
        while e < st.n and st.texts[e][:1].isupper() and st.toks[e].tag_ in ("NNP", "NNPS") and st.texts[e].isalpha():
            e += 1
        if e - i < 3 or st.lowers[e - 1] not in ORG_WORDS:
            continue
        run = doc[i + 1:e]
        if all(t.ent_iob_ == "O" for t in run) and st.gaz.lookup(run.text) is None and run[0].lower_ not in ROLE_HEADS:
            out.append(Span(doc, i + 1, e, label="ORG"))
    return out


def _bare_possessives(st: ResolverState, taken: set[int]) -> list[tuple[int, int, Pattern]]:
    """ "Ruritanias closest partners", "Bordurias cabinet": a possessive whose apostrophe was lost (copied or
    stripped text) is the state, group or organisation it names; never a person, never "the Koreas" or
    "the Americas" (a plural with an article), never a name that is itself in the gazetteer ("Bahamas")."""
    doc = st.doc
    out = []
    for i in numpy.flatnonzero(doc.to_array(POS) == PROPN):  # (making a Token of every word cost more)
        t = doc[int(i)]
        text = t.text
        if len(text) < 4 or text[-1] != "s" or not text[0].isupper() or text[-2] in "sS'" or t.i in taken \
                or t.head.i <= t.i or t.head.pos not in (NOUN, PROPN) or st.gaz.lookup(text) is not None:
            continue
        for start in (t.i - 1, t.i):
            if start < 0 or (start < t.i and (start in taken or not doc[start].text[:1].isupper()
                                               or doc[start].lower_ == "the")):
                continue
            if start > 0 and doc[start - 1].lower_ == "the":
                break
            entry = st.gaz.lookup(" ".join([x.text for x in doc[start:t.i]] + [t.text[:-1]]))
            if entry is not None and entry.type != "person":
                out.append((start, t.i + 1, Pattern(entry, "name", (), False)))
                break
    return out


def _family_before(doc: Doc, gaz: Gazetteer, s: int, e: int) -> str | None:
    """The party family a gazetteer hit ends ("Democrats" of "Social Democrats"), its plural as written."""
    if s == 0 or not doc[s - 1].text[:1].isupper():
        return None
    words = doc[s - 1:e].text
    family = words if words.lower() in PARTY_FAMILIES else words + "s" if words.lower() + "s" in PARTY_FAMILIES else None
    if family is None or gaz.lookup(words) is not None:
        return None  # ("Christian Democrats": the gazetteer's own name for a party)
    return family


def _family_name(text: str) -> str:
    """One node however a line writes it ("SOCIAL DEMOCRATS" in a headline is "Social Democrats")."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def _party_family(span: Span) -> bool:
    """A party family's name used as a noun ("the Greens said", "criticised the Social Democrats")."""
    return span.text.lower() in PARTY_FAMILIES and span.root.dep_ not in ("amod", "compound", "nmod")


def ner_span(st: ResolverState, s: int, e: int, ent: Span, gaz_spans: list[tuple[int, int]]) -> None:
    """One trimmed NER entity: a gazetteer actor, blocked (media, laws), or a candidate decided later."""
    doc = st.doc
    label = ent.label_
    span = doc[s:e]
    if e - s == 1 and st.shouting[s] and span[0].is_stop:
        return  # "IS"/"US" in an all-caps headline
    if span[-1].lower_ in UNREAL_NAMES and clean_surface(span.text).lower() in UNREAL_NAMES:
        st.add(s, e, None, "blocked")  # "May God help us": no actor of this world
        return
    entry = st.gaz.lookup(span.text)
    if entry is not None and entry.type != "person" and e - s == 1 and st.common_word(s):
        return
    if entry is not None and _foreign_body(st, s, entry):
        return  # "Peru's Congress": Peru's body (states.apparatus), not the gazetteer's
    if entry is not None and (entry.type != "person" or label == "PERSON"):
        kind = "name" if clean_surface(span.text).lower() == entry.name.lower() else "alias"
        k = st.add(s, e, (st.entry_actor(entry),), kind)
        if entry.type == "person":
            st.person_ks.append(k)
        return
    if s in st.demonym_at and st.demonym_at[s][0] >= e:
        return  # a demonym ("Azerbaijani") NER took for a name
    if label == "NORP":
        if _party_family(span):  # "the Social Democrats": no one party, and not the "Democrats" inside
            st.add(s, e, (st.actor(_family_name(clean_surface(span.text)), "group"),), "demonym")
        elif any(s <= gs and ge <= e and (gs, ge) != (s, e) for gs, ge in gaz_spans):
            st.add(s, e, None, "blocked")  # "West African" is not the West
        return  # only noun uses are actors: see norp_nouns
    if label == "ORG" and (span[0].lower_ in ROLE_HEADS or _office_name(span)):
        return  # "Minister of Foreign Affairs": an office, not an organisation
    if label in ("ORG", "GPE") and (span[-1].lower_ in POLICY_WORDS
                                    or re.search(r"[a-z](?:care|caid)$", span[-1].lower_)):
        st.add(s, e, None, "blocked")  # a law or programme ("War Powers Resolution", "Medicare"): no doer
        return
    root = span.root
    if root.lower_ in STATE_NOUNS or root.lower_ in GROUP_NOUNS:
        if any(t.i in st.demonym_at and not _inner_party_word(st, s, t.i) for t in span) \
                or any(s <= gs and ge <= e and not _own_name(st, span, gs, ge) for gs, ge in gaz_spans) \
                or any(c.dep_ == "poss" and any(gs <= c.i < ge for gs, ge in gaz_spans) for c in root.children):
            return  # "the Syrian government", "Russia's Ministry of Defence": see government_phrases
    if all(t.lower_ in ROLE_HEADS or t.lower_ in ROLE_MODIFIERS or t.is_punct for t in span):
        return  # NER's "State" in "Secretary of State": part of a title
    if label == "PERSON":
        ner_person(st, s, e, gaz_spans)
        return
    inner = [(gs, ge) for gs, ge in gaz_spans if s <= gs and ge <= e]
    if inner and rest_is_modifiers(st, s, e, inner):
        return  # the gazetteer names inside stand for it ("US State Department")
    if label == "ORG":
        if is_media(doc, s, e):
            st.add(s, e, None, "blocked")
        else:
            st.pending.append((st.add(s, e, (), "name"), label))
    elif label == "GPE":
        # unknown places are locations; keep only doers, and names that may be people
        st.pending.append((st.add(s, e, (), "name"), label))



def _inner_party_word(st: ResolverState, s: int, i: int) -> bool:
    """A party's demonym inside a longer proper name ("the National Democratic Congress", Ghana's): part of
    that name, not the party's ("the Democratic Congress" would be)."""
    return st.demonym_at[i][1].type != "country" and any(
        st.doc[j].is_title and st.doc[j].lower_ != "the" and j not in st.demonym_tok for j in range(s, i))


def _compound_peoples(st: ResolverState) -> None:
    """ "Bosnian Serb forces", "the Turkish Cypriots": one state's people named after another state's demonym
    are a community of their own (a group affiliated with the first state), neither state."""
    for s, (e, entry) in sorted(st.demonym_at.items()):
        if s not in st.demonym_end or entry.type != "country":
            continue
        s0, first = st.demonym_end[s]
        if first.type != "country" or first.name == entry.name or st.demonym_at.get(s0, (0, None))[1] is not first:
            continue
        words = st.doc[s0:e].text
        people = Entry(name=words if words.endswith("s") else words + "s", type="group", affiliation=first.name)
        del st.demonym_at[s], st.demonym_end[s]
        st.demonym_at[s0] = (e, people)
        st.demonym_end[e] = (s0, people)
        for i in range(s0, e):
            st.demonym_tok[i] = (s0, e, people)


def _foreign_body(st: ResolverState, s: int, entry) -> bool:
    """A state body's name ("Congress") right after another state's demonym or possessive, or after a
    capitalised word of a longer name of its own ("the Action Congress"; not a person's: "the Trump Congress")."""
    if entry.type != "organisation" or not entry.affiliation or s == 0:
        return False
    doc = st.doc
    j = s - 1
    if doc[j].text in ("'s", "\u2019s", "'", "\u2019") or j in st.demonym_tok:
        return _other_state(st, s, entry.affiliation) is not None
    # "the opposition Action Congress": a longer name of capitalised words ends in the body's word
    t = doc[j]
    return t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.head.i == s and t.dep_ == "compound" \
        and t.lower_ not in ROLE_HEADS and st.gaz.lookup(t.text) is None and t.text not in st.person_words


def _other_state(st: ResolverState, s: int, own: str):
    """The country (entry) whose possessive or demonym stands right before token ``s``, if not ``own``."""
    doc = st.doc
    j = s - 1
    if j > 0 and doc[j].text in ("'s", "\u2019s", "'", "\u2019"):
        other = st.gaz.lookup(doc[j - 1].text)
    elif j >= 0 and j in st.demonym_tok:
        other = st.demonym_tok[j][2]
    else:
        return None
    return other if other is not None and other.type == "country" and other.name != own else None


def _own_name(st: ResolverState, span: Span, gs: int, ge: int) -> bool:
    """ "the All Progressives Congress": a body's word ("Congress") inside a longer proper name of capitalised
    words is that name's, not the gazetteer's body of the same word."""
    root = span.root
    rest = [t for t in span if not gs <= t.i < ge]
    return gs <= root.i < ge and bool(rest) and all(
        t.is_alpha and t.text[:1].isupper() and t.lower_ not in ROLE_HEADS
        and (t.i not in st.demonym_tok or t.i in st.demonym_at and _inner_party_word(st, span.start, t.i))
        and t.text not in st.person_words for t in rest)  # (not "the Trump Congress")


def _office_name(span: Span) -> bool:
    """ "the Minister of Fisheries and Maritime Cooperation": a bare name after a minister's or
    ministry's "of" (no article of its own) is the office's portfolio, not an organisation."""
    t = span.root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in PORTFOLIO_HEADS \
        and not any(x.dep_ == "det" for x in span.root.children)


def ner_person(st: ResolverState, s: int, e: int, gaz_spans: list[tuple[int, int]]) -> None:
    """An NER person: two people joined by "and", a name in front of a known actor, a place, an
    organisation or group NER took for a person, else a person candidate for the people pass."""
    doc = st.doc
    span = doc[s:e]
    ands = [t.i for t in span[1:-1] if t.lower_ in ("and", "&")]
    if len(ands) == 1:
        # "Smith and Jones" taken as one name: two people
        a = ands[0]
        for ps, pe in ((s, a), (a + 1, e)):
            if person_name_ok(doc[ps:pe]) and st.free(ps, pe):
                st.person_ks.append(st.add(ps, pe, (), "name"))
        return
    # "Trump White House": a name in front of a known actor, two mentions (one-word
    # names inside stay: "Jim Jordan", "Chad Wolf" are people)
    inner = [(gs, ge) for gs, ge in gaz_spans if s <= gs and ge <= e and (gs, ge) != (s, e) and ge - gs >= 2]
    if inner:
        gs, ge = max(inner, key=lambda g: g[1] - g[0])
        ps, pe = (s, gs) if ge == e else (ge, e) if gs == s else (s, s)
        if ps < pe and person_name_ok(doc[ps:pe]) and st.free(ps, pe):
            st.person_ks.append(st.add(ps, pe, (), "name"))
        return
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if place_use(span, person=True) and (prep is None or prep.lower_ not in PLACE_PREPS or doc[s - 1].lower_ == "the"
                                         or prep.head.pos_ == "VERB"):
        # NER's person in "jihadists in the Sahel", "fighting near Zaporizhzhia", "Sahel juntas": a
        # place ("faith in Trump" aside)
        st.add(s, e, None, "blocked")
    elif looks_like_org(span):
        a = st.surface_actor(span.text, "organisation")
        st.add(s, e, (a,) if a else None, "name")
    elif s > 0 and doc[s - 1].lower_ == "the" and span.root.dep_ not in ("compound", "amod", "nmod", "poss"):
        a = st.surface_actor(span.text, "group")  # "the Houthis"
        st.add(s, e, (a,) if a else None, "name")
    elif person_name_ok(span):
        st.person_ks.append(st.add(s, e, (), "name"))


def rest_is_modifiers(st: ResolverState, s: int, e: int, inner: list[tuple[int, int]]) -> bool:
    covered = set()
    for gs, ge in inner:
        covered.update(range(gs, ge))
    for i in range(s, e):
        if i in covered:
            continue
        t = st.doc[i]
        if t.is_punct or t.lower_ in ("the", "'s", "of"):
            continue
        return False
    return True


def short_names(st: ResolverState) -> None:
    """"the North" after "North Korea": "the <Word>" where exactly one actor named earlier
    has a name starting with that word."""
    doc = st.doc
    earlier: list[Mention] = sorted((m for m in st.cands if m is not None and m.actors
                                     and m.actors[0].type != "person"), key=lambda m: m.start)
    if not earlier:
        return
    for t in st.toks:  # (the word before first: few words follow "the")
        if t.i == 0 or st.lowers[t.i - 1] != "the" or st.owner[t.i] >= 0 or not t.is_alpha \
                or not st.texts[t.i][:1].isupper() or t.is_upper or st.owner[t.i - 1] >= 0 or t.i in st.demonym_tok \
                or t.dep_ in ("compound", "nmod") or t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN") \
                or st.shouting[t.i]:
            continue
        nxt = doc[t.i + 1] if t.i + 1 < st.n else None
        if nxt is not None and nxt.is_alpha and nxt.text[:1].isupper():
            continue  # "the North Atlantic": a longer name
        found = {a.name: a for m in earlier if m.end <= t.i for a in m.actors
                 if len(a.name.split()) >= 2 and a.name.split()[0] == t.text
                 and a.name.split()[-1].lower() not in ORG_WORDS | ORG_HEAD_NOUNS}
        # (not "the House" for "the House Ethics Committee": a body named after its parent)
        if len(found) == 1:
            st.add(t.i - 1, t.i + 1, tuple(found.values()), "alias", head=t.i)
