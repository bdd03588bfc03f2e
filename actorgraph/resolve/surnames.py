"""People within one article: name forms clustered by surname (pass ``names.surname``)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Actor
from .index import Mention
from .state import ResolverState
from .text import (
    name_words, display_name, person_name_ok, looks_like_org, place_use, agentive, spelling_variant,
    first_compatible, name_suffix,
)
from .vocab import (NAME_PARTICLES, ROLE_HEADS, ROLE_ABBREVIATIONS, HONORIFICS, GENDERED_ROLES, NAME_PREFIXES, COMPASS_WORDS, POLICE_NOUNS,
                    PERSON_NOUNS, FIGHTER_NOUNS)


class Cluster:
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


@dataclass
class People:
    """The people pass's working tables: name forms per candidate, and the person clusters."""

    forms: dict[int, tuple[str, ...]] = field(default_factory=dict)  # cand index -> name words
    clusters: list[Cluster] = field(default_factory=list)
    by_surname: dict[str, list[Cluster]] = field(default_factory=dict)
    cluster_of: dict[int, Cluster] = field(default_factory=dict)
    namesakes: set[str] = field(default_factory=set)
    intro: dict[int, int] = field(default_factory=dict)  # id(cluster) -> first token
    cgender: dict[int, str] = field(default_factory=dict)  # id(cluster) -> gender from an honorific

    def new_cluster(self, c: Cluster) -> None:
        self.clusters.append(c)
        self.by_surname.setdefault(c.surname, []).append(c)


def _form(st: ResolverState, s: int, e: int) -> tuple[str, ...]:
    return tuple(name_words([t.text for t in st.doc[s:e] if t.text != "-"]))


def people(st: ResolverState) -> None:
    """People within the article: every name form of one person is one actor."""
    w = People()
    for k in st.person_ks:
        m = st.cands[k]
        if m is not None:
            w.forms[k] = _form(st, m.start, m.end)
    places_not_people(st, w.forms)
    decide_pending(st, w.forms)
    headline_forms(st, w.forms)
    # clusters: gazetteer people first (their name is canonical), then long forms, then short
    for k in st.person_ks:
        m = st.cands[k]
        if m is not None and m.actors:  # gazetteer person
            a = m.actors[0]
            c = Cluster(tuple(a.name.replace("-", " - ").split()), a.name)
            c.forms = [tuple(t for t in c.forms[0] if t != "-")]
            c.actor = a
            if not any(x.actor is a for x in w.by_surname.get(c.surname, [])):
                w.new_cluster(c)
    w.namesakes = titled_namesakes(st, w.forms)
    cluster_forms(st, w)
    for c in w.clusters:
        if c.actor is None:
            c.actor = st.actor(c.display, "person")
    known_as(st, w.cluster_of, w.clusters, w.by_surname)
    bare_surnames(st, w)
    surname_tokens(st, w)
    family_plurals(st, w)


def _titled(st: ResolverState, m: Mention) -> bool:
    """Whether a name carries an honorific or a title ("Mr. Lowe", "Sen. Lowe", "Lowe, the senator")."""
    doc = st.doc
    near = [doc[i] for i in (m.start - 1, m.start) if 0 <= i < len(doc)]
    return any(t.lower_ in HONORIFICS or t.lower_.rstrip(".") in ROLE_ABBREVIATIONS or t.lower_ in ROLE_ABBREVIATIONS
               or t.lower_ in ROLE_HEADS for t in near)


def local_police(st: ResolverState, forms: dict[int, tuple[str, ...]]) -> None:
    """ "the Lowestown police": a one-word name before a police noun is the town's police, an
    organisation of its own, not a person (NER's PERSON) nor the town."""
    doc = st.doc
    ks = [k for k in st.person_ks if len(forms.get(k, ())) == 1] + [k for k, label in st.pending]
    done = set()
    for k in ks:
        m = st.cands[k]
        if m is None or m.actors or m.end - m.start != 1 or m.end >= st.n:
            continue
        nxt = doc[m.end]
        if nxt.lower_ not in POLICE_NOUNS or st.owner[nxt.i] >= 0 or not doc[m.start].text[:1].isupper() \
                or _titled(st, m) or not st.extend(k, m.start, m.end + 1):
            continue
        m.actors = (st.actor(f"{doc[m.start].text} police", "organisation"),)
        m.kind = "name"
        done.add(k)
    st.pending[:] = [(k, label) for k, label in st.pending if k not in done]
    st.person_ks[:] = [k for k in st.person_ks if k not in done]
    for k in done:
        forms.pop(k, None)


def places_not_people(st: ResolverState, forms: dict[int, tuple[str, ...]]) -> None:
    """A one-word name the article uses as a place ("shot in Lowestown") is that place wherever NER
    calls it a person ("the Lowestown officials"), unless the article writes it with a first name or a title."""
    local_police(st, forms)
    doc = st.doc
    places = {doc[st.cands[k].start:st.cands[k].end].text for k, label in st.pending
              if label == "GPE" and st.cands[k] is not None and st.cands[k].end - st.cands[k].start == 1
              and place_use(doc[st.cands[k].start:st.cands[k].end])}
    if not places:
        return
    for k, f in forms.items():
        if len(f) > 1 and f[-1] in places:
            places.discard(f[-1])  # "Jim Lowestown" is named: the word is his surname
    for k in st.person_ks:
        m = st.cands[k]
        if m is not None and not m.actors and forms.get(k, ())[-1:] == (m.text,) and m.text in places \
                and _titled(st, m):
            places.discard(m.text)
    for k in list(st.person_ks):
        m = st.cands[k]
        if m is not None and not m.actors and len(forms.get(k, ())) == 1 and m.text in places:
            st.drop(k)
            forms.pop(k, None)


def _fighters(st: ResolverState, m: Mention) -> bool:
    """Is a name's last word, or the word after it, a fighter noun ("ZANU guerrillas", "FLN fighters")?"""
    return any(st.doc[i].lemma_.lower() in FIGHTER_NOUNS for i in (m.end - 1, m.end) if m.start < i < st.n)


def decide_pending(st: ResolverState, forms: dict[int, tuple[str, ...]]) -> None:
    """NER often tags a surname as ORG/GPE ("Lavrov said"): a form matching a person's name or surname
    in the same article is that person; so is a nickname ("X, known as Y"). Other unknown ORG are
    organisations, GPE that act are countries, the rest are dropped."""
    doc = st.doc
    for k, label in list(st.pending):
        m = st.cands[k]
        if m is not None and label == "ORG" and _beside_person_noun(st, m):
            _pending_person(st, k, m, m.start, _form(st, m.start, m.end), forms, set())
            st.pending.remove((k, label))
    person_surnames = {f[-1].lower() for k, f in forms.items()}
    person_full = {" ".join(f).lower() for f in forms.values()}
    person_firsts = {f[0].lower() for f in forms.values() if len(f) > 1}
    nick_at = {known_as_at(st, st.cands[k].end) for k in st.person_ks if st.cands[k] is not None}
    for k, label in st.pending:
        m = st.cands[k]
        if m is not None and m.start in nick_at:
            person_full.add(" ".join(_form(st, m.start, m.end)).lower())
    for k, label in st.pending:
        m = st.cands[k]
        if m is None:
            continue
        span = doc[m.start:m.end]
        ts = m.start
        while ts < m.end - 1 and (doc[ts].lower_ in HONORIFICS or doc[ts].lower_ in ROLE_ABBREVIATIONS):
            ts += 1  # NER's "Mr Addison" (ORG): the name without its honorific
        while ts < m.end - 2 and doc[ts].lower_ in NAME_PREFIXES and doc[ts + 1].text == "-":
            ts += 2  # NER's "Ex-Trump" (ORG): the name without the prefix
        f = _form(st, ts, m.end)
        if (" ".join(f).lower() in person_full or f[-1].lower() in person_surnames
                or (len(f) == 1 and f[0].lower() in person_firsts)
                or (len(f) == 1 and any(spelling_variant(f[0].lower(), x) for x in person_surnames))) \
                and person_name_ok(span) \
                and not looks_like_org(span):
            _pending_person(st, k, m, ts, f, forms, person_full)
        elif label == "ORG" and not place_use(span) \
                and (org := st.surface_actor(span.text, "group" if _fighters(st, m) else "organisation")):
            # (an unknown "organisation" one is "in" is a place: "fighting in the Caucasus", "took
            # control of Sagaing"); one whose fighters are named with it is an armed group ("ZANU guerrillas")
            m.actors = (org,)
        elif label == "GPE" and agentive(span) and span.root.tag_ == "NNP" and not place_use(span) \
                and st.surface_actor(span.text, "country"):  # not "the Bidens"
            m.actors = (st.surface_actor(span.text, "country"),)
        else:
            st.drop(k)


def _beside_person_noun(st: ResolverState, m: Mention) -> bool:
    """NER's "Dana Roe, a close friend of the senator" (ORG): a name of two or three capitalised words with a
    noun only a person can be in apposition either way is a person (not a title: "Morgan Lane, the adviser")."""
    span = st.doc[m.start:m.end]
    if not 2 <= len(span) <= 3 or not person_name_ok(span) or looks_like_org(span):
        return False
    root = span.root
    near = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(t.pos_ == "NOUN" and (t.lower_ in PERSON_NOUNS or t.lower_ in GENDERED_ROLES) for t in near)


def _pending_person(st: ResolverState, k: int, m: Mention, ts: int, f: tuple[str, ...],
                    forms: dict[int, tuple[str, ...]], person_full: set[str]) -> None:
    """An NER ORG/GPE that is a person's name: a person candidate, cut to the name."""
    doc = st.doc
    if " ".join(f).lower() not in person_full and len(f) > 2:
        # NER's "the House Ann Lowe" (ORG): the person's name without the body in front
        cut = next((j for j in range(1, len(f) - 1) if " ".join(f[j:]).lower() in person_full), None)
        if cut is None:
            cut = 0
            while cut < len(f) - 2 and not st.name_token(doc[ts + cut]):
                cut += 1
        if cut and all(doc[i].text != "-" for i in range(ts, ts + cut)):
            ts += cut
            f = f[cut:]
    forms[k] = f
    st.person_ks.append(k)
    if ts > m.start:
        for i in range(m.start, ts):
            st.owner[i] = -1
        m.start, m.text, m.head = ts, doc[ts:m.end].text, doc[ts:m.end].root.i


def _find_cluster(w: People, f: tuple[str, ...]) -> tuple[Cluster | None, list[Cluster]]:
    """The cluster a name form belongs to, and the surname's clusters still in question."""
    sur = f[-1].lower()
    options = w.by_surname.get(sur, [])
    found = None
    if len(f) > 1:
        found = next((c for c in options if f in c.forms or c.first is None
                      or first_compatible(f[0], c.first) or name_suffix(f, c.forms[0])), None)
    elif sur in w.namesakes and not any(c.first is None for c in options):
        options = []  # "President Trump" long before "Eric Trump" is named: another Trump
    elif len(options) == 1:
        found = options[0]
    elif not options:
        # family name first ("Moon" for Moon Jae-in, "Hong" for Hong Lei): a bare name that
        # is no one's surname but exactly one person's first name
        # then a spelling variant of a surname ("Zelenskiy" for Zelensky); then a middle name the person goes
        # by ("Vila" for Ana Maria Vila da Costa; not after a particle: "bin Rashid" names a father)
        kinds = (lambda c: c.first is not None and c.first.lower() == sur,
                 lambda c: c.ntok > 1 and spelling_variant(sur, c.surname),
                 lambda c: c.ntok > 2 and any(t.lower() == sur and c.forms[0][k].lower() not in NAME_PARTICLES
                                              for k, t in enumerate(c.forms[0][1:-1])))
        found = next((g[0] for g in ([c for c in w.clusters if fits(c)] for fits in kinds) if len(g) == 1), None)
    # else: several people share the surname; decided by position (bare_surnames)
    return found, options


def cluster_forms(st: ResolverState, w: People) -> None:
    """Long forms first, then short: each joins the cluster it fits or starts one."""
    doc = st.doc
    order = sorted((k for k in w.forms if st.cands[k] is not None and not st.cands[k].actors),
                   key=lambda k: (-len(w.forms[k]), st.cands[k].start))
    for k in order:
        f = w.forms[k]
        m = st.cands[k]
        found, options = _find_cluster(w, f)
        if found is None and (len(f) > 1 or not options):
            found = Cluster(f, display_name(doc[m.start:m.end]))
            w.new_cluster(found)
        if found is not None:
            if f not in found.forms:
                first = found.forms[0]
                if found.actor is None and len(f) == len(first) > 1 and len(f[0]) > len(first[0]) \
                        and f[0].lower().startswith(first[0].lower()):
                    found.display = display_name(doc[m.start:m.end])  # "Gregory Craig" over "Greg Craig"
                found.forms.append(f)
            w.cluster_of[k] = found


def bare_surnames(st: ResolverState, w: People) -> None:
    """Ambiguous bare surnames ("Biden" with Joe and Hunter Biden): an honorific's gender decides
    ("Mrs. Trump"); else the person of that surname introduced first (news names the principal by
    surname and relatives or namesakes in full)."""
    doc = st.doc

    def gender_before(m: Mention) -> str | None:
        j = m.start - 1
        return HONORIFICS.get(doc[j].lower_) or GENDERED_ROLES.get(doc[j].lower_) if j >= 0 else None

    for k, c in w.cluster_of.items():
        m = st.cands[k]
        if m is not None:
            w.intro[id(c)] = min(w.intro.get(id(c), m.start), m.start)
            g = gender_before(m)
            if g and len(w.forms[k]) > 1:
                w.cgender.setdefault(id(c), g)
    for k in sorted(w.forms, key=lambda k: st.cands[k].start if st.cands[k] else -1):
        m = st.cands[k]
        if m is None or m.actors:
            continue
        c = w.cluster_of.get(k)
        sur = w.forms[k][-1].lower()
        if c is None:
            options = w.by_surname.get(sur, [])
            g = gender_before(m)
            if g and any(w.cgender.get(id(o)) == g for o in options):
                options = [o for o in options if w.cgender.get(id(o)) == g]
            c = min(options, key=lambda o: w.intro.get(id(o), -1)) if options else None
        if c is None:
            continue
        m.actors = (c.actor,)
        m.kind = "name" if len(w.forms[k]) > 1 else "surname"


def surname_tokens(st: ResolverState, w: People) -> None:
    """Surnames NER missed ("Putin Plan", a sentence-initial name), and one-word country or
    organisation names that are the surname of a person named in full ("Rep. Jim Jordan ... Jordan said")."""
    doc = st.doc
    surnames = {}
    for c in w.clusters:
        same = w.by_surname.get(c.surname, [])
        if len(same) > 1 and c is min(same, key=lambda o: w.intro.get(id(o), st.n)) \
                and c.surname in w.namesakes and c.actor is not None:
            surnames[c.forms[0][-1]] = c.actor  # the namesake met first, as for the bare names
        if len(same) == 1 and c.actor is not None and c.actor.type == "person":
            surnames[c.forms[0][-1]] = c.actor
            if c.first and (c.first,) in c.forms:  # family name first: "Hong" for Hong Lei
                surnames[c.first] = c.actor
    full_surnames = {c.forms[0][-1]: c.actor for c in w.clusters if c.ntok > 1 and c.actor is not None
                     and len(w.by_surname.get(c.surname, [])) == 1}
    if full_surnames:
        for k, m in enumerate(st.cands):
            if m is not None and m.end - m.start == 1 and m.kind in ("name", "alias") and m.actors \
                    and m.actors[0].type != "person" and doc[m.start].text in full_surnames \
                    and doc[m.start].i not in st.demonym_at:
                m.actors, m.kind = (full_surnames[doc[m.start].text],), "surname"
                st.person_ks.append(k)
    if surnames:
        for t, text in zip(st.toks, st.texts):
            if st.owner[t.i] < 0 and text in surnames and t.pos_ in ("PROPN", "NOUN", "X"):
                st.person_ks.append(st.add(t.i, t.i + 1, (surnames[text],), "surname"))


def family_plurals(st: ResolverState, w: People) -> None:
    """ "the Obamas", "the Bidens": the people of that surname the article names (a family is its members;
    with one of them named, that one)."""
    for t in st.toks:
        if t.i == 0 or st.lowers[t.i - 1] != "the" or t.text[-1:] != "s" or not t.text[:1].isupper() \
                or t.pos_ not in ("PROPN", "NOUN") or t.i in st.demonym_tok or st.title_line[t.i] or st.shouting[t.i]:
            continue  # (a people, "the Germans"; a headline's capitals, "Praise the Farmers")
        sur = t.text[:-2] if t.text.endswith("es") and t.text[:-2].lower() in w.by_surname else t.text[:-1]
        people = tuple(c.actor for c in w.by_surname.get(sur.lower(), [])
                       if c.actor is not None and c.actor.type == "person")
        if not people:
            continue
        k = st.owner[t.i]
        if k < 0:
            st.person_ks.append(st.add(t.i, t.i + 1, people, "surname"))
        elif st.cands[k] is not None and st.cands[k].end - st.cands[k].start == 1 \
                and all(a.type == "person" and a not in people for a in st.cands[k].actors):
            st.cands[k].actors, st.cands[k].kind = people, "surname"  # (NER's guess, a person "Bidens")


def known_as_at(st: ResolverState, j: int) -> int:
    """Where a nickname starts after a name ending at j (", known as", "(better known as"), else -1."""
    doc = st.doc
    start = j
    while j < st.n and j - start < 3 and (doc[j].text in (",", "(") or doc[j].pos_ == "ADV"):
        j += 1
    if j + 2 >= st.n or doc[j].lower_ != "known" or doc[j + 1].lower_ != "as":
        return -1
    return j + 2


def known_as(st: ResolverState, cluster_of: dict[int, Cluster], clusters: list[Cluster],
              by_surname: dict[str, list[Cluster]]) -> None:
    """"Mohamed Hamdan Dagalo, known as Hemedti", "(better known as Hemedti)": the nickname is the same
    person, and so is every later bare use of it."""
    doc = st.doc
    at = {st.cands[k].start: c for k, c in cluster_of.items() if st.cands[k] is not None}
    for k, c in list(cluster_of.items()):
        m = st.cands[k]
        if m is None:
            continue
        j = known_as_at(st, m.end)
        nick = at.get(j) if j >= 0 else None
        if nick is None or nick is c or nick.actor is None or nick.actor.name in st.gaz.entries:
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


def headline_forms(st: ResolverState, forms: dict[int, tuple[str, ...]]) -> None:
    """Title-case headlines glue words to names: "Senators Warn Lowe Over Tariff" gives NER's
    "Warn Lowe", "Lowe Ukraine adviser" gives "Lowe Ukraine". A headline form whose surname is that of
    a person named in full in the body, but whose first word fits none of the body's first names, is the
    bare surname; one whose first word is such a surname and whose last word is a known actor is that
    surname and that actor (in any line). A name starting with a compass word ("East Hartley") is a place."""
    doc = st.doc
    body = [f for k, f in forms.items() if st.cands[k] is not None and not st.title_line[st.cands[k].start]]
    full_by_sur: dict[str, list[tuple[str, ...]]] = {}
    for f in body:
        if len(f) > 1:
            full_by_sur.setdefault(f[-1], []).append(f)
    for k in list(forms):
        m = st.cands[k]
        f = forms[k]
        if m is None or m.actors:
            continue
        if f[0].lower() in COMPASS_WORDS and len(f) > 1:
            st.cands[k] = None  # (its tokens stay claimed: "Hartley" in "East Hartley" is no surname)
            del forms[k]
            continue
        if len(f) != 2 or m.end - m.start != 2 or body.count(f) > (0 if st.title_line[m.start] else 1):
            continue  # (a form written so elsewhere in the body is a name)
        if st.title_line[m.start] and f[-1] in full_by_sur \
                and not any(first_compatible(f[0], b[0]) for b in full_by_sur[f[-1]]):
            st.owner[m.start] = -1
            m.start = m.end - 1
            m.text, m.head = doc[m.start].text, m.start
            forms[k] = (f[-1],)
        elif f[0] in full_by_sur:
            entry = st.gaz.lookup(f[-1])
            if entry is None or entry.type == "person":
                continue
            st.owner[m.end - 1] = -1
            m.end = m.start + 1
            m.text, m.head = doc[m.start].text, m.start
            forms[k] = (f[0],)
            st.add(m.end, m.end + 1, (st.entry_actor(entry),), "name")


def titled_namesakes(st: ResolverState, forms: dict[int, tuple[str, ...]]) -> set[str]:
    """Surnames first met bare behind a title that the full-named person of that surname does not
    carry ("President Trump" ... later "Eric Trump"): news names a second person of a famous
    surname in full, so the titled bare one is somebody else."""
    doc = st.doc
    first_full: dict[str, int] = {}
    titles_full: dict[str, set[str]] = {}
    bare: dict[str, list[tuple[int, str]]] = {}
    for k, f in forms.items():
        m = st.cands[k]
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
