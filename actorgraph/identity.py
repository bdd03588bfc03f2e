"""One real actor, one node: a corpus pass that joins the names of one person or body.

Extraction resolves names inside one article ("Vladimir Putin" ... "Putin"); across
articles the same person is still "Chuck Schumer", "Charles Schumer" and "Schumer",
the same president "Zelensky" and "Zelenskiy". ``join_names`` reads a whole run's
statements and gives every person or body one canonical name in ``source`` and
``target`` (and in affiliations that name an actor). ``source_mention`` and
``target_mention`` keep the actor as written, so every form stays an alias of the
node (graph.py lists the mentions as aliases).

Rules, in order (vocabulary: ``lexicon/en/nicknames.csv``, ``lexicon/en/name_parts.csv``):

1. Spelling: names equal after normalising case, diacritics, dots, apostrophes,
   hyphens, a leading "the" and transliteration endings (Zelenskiy, Zelenskyy:
   Zelensky) are one actor. This is the only rule for bodies (countries, parties,
   organisations), plus the gazetteer's aliases when a gazetteer is given:
   "Democrats" never joins "Democratic Party" unless the gazetteer says so.
2. Full names of people join when they share the surname (its particles optional:
   "Bashar Assad" is "Bashar al-Assad") and the suffix ("Donald Trump Jr." is not
   "Donald Trump"), their first names are equal or nicknames of one formal name
   (Chuck, Charles; Bob, Rob), and their middle names agree where both have one (an
   initial matches its name; "George H. W. Bush" and "George W. Bush" differ). A
   name joins the group of fuller names it agrees with, member by member; one that
   agrees with two groups ("George Bush") joins neither.
3. A bare surname ("Schumer", "Sen. Schumer") joins the one person of the corpus
   with that surname. When the corpus holds several, its role in the article picks
   the only one known in that role ("President Trump": the Trump who is president),
   else the article picks the only one it names; otherwise the name stays as it is.
   A bare first name ("Margaret", and a lone nickname such as "Bill" is always taken
   as one) joins only through its article, when the article names exactly one
   person of that first name.
4. Pronouns and phrases (``not_name`` rows, names without a capital letter: "it",
   "the two sides") never join and are never joined.
5. "<Surname> regime" or "<Surname> government" that its article could not place ("the Assad
   government" in an article that never says whose president Assad is) is the one state the
   corpus gives the only person of that surname.

The canonical name is the full name (first name and surname) the corpus writes
in the most articles, then most often ("Joe Biden" over a rare "Joseph R. Biden",
"Hillary Clinton" over "Hillary Rodham Clinton"); ties go to the fuller form, then a formal first name
over a nickname, then alphabetical order; a bare surname names a node only when
no full name exists. Nothing depends on the order of the input.

Statement ids hash the actors, so a joined statement gets a new id, the same for
the same input. As the extractor does within an article, a statement that
becomes a stance of an actor on itself is dropped, and statements the join makes
identical (one new id from several old ones) are kept once.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable

from .lexicon import check, table
from .records import Statement

#: "<leader> regime" / "<leader> government" (not "administration", the US usage names an actor of its own)
LEADER_STATE_NOUNS = frozenset({"regime", "government"})

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

_KINDS = ("particle", "suffix", "title", "ending", "not_name")


@dataclass(frozen=True)
class NameRules:
    """The name vocabulary, read once from the lexicon."""

    formal: dict[str, frozenset[str]]  # nickname -> the formal given names it stands for
    particles: frozenset[str]
    suffixes: frozenset[str]
    titles: frozenset[str]
    endings: tuple[tuple[str, str], ...]  # longest first
    not_names: frozenset[str]


def _word(text: str) -> str:
    """A word without case, diacritics or apostrophes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"['\u2019\u2018`]", "", text.casefold())


@functools.lru_cache(maxsize=None)
def name_rules() -> NameRules:
    parts: dict[str, set[str]] = {k: set() for k in _KINDS}
    endings: list[tuple[str, str]] = []
    for row in table("name_parts", ("kind", "form", "normal", "note")):
        check(row["kind"] in _KINDS, row, f"kind must be one of {', '.join(_KINDS)}, not {row['kind']!r}")
        check(bool(row["form"]), row, "empty form")
        if row["kind"] == "ending":
            check(bool(row["normal"]), row, "an ending needs its normal spelling")
            endings.append((_word(row["form"]), _word(row["normal"])))
        parts[row["kind"]].add(_word(row["form"]))
    endings.sort(key=lambda e: (-len(e[0]), e))
    formal: dict[str, set[str]] = defaultdict(set)
    for row in table("nicknames", ("name", "nickname", "note")):
        check(bool(row["name"]) and bool(row["nickname"]), row, "a row needs a name and a nickname")
        formal[_ending(_word(row["nickname"]), endings)].add(_ending(_word(row["name"]), endings))
    return NameRules(
        formal={k: frozenset(v) for k, v in formal.items()},
        particles=frozenset(parts["particle"]), suffixes=frozenset(parts["suffix"]),
        titles=frozenset(parts["title"]), endings=tuple(endings), not_names=frozenset(parts["not_name"]),
    )  # fmt: skip


def _ending(word: str, endings: Iterable[tuple[str, str]]) -> str:
    if len(word) < 5:
        return word
    for end, normal in endings:
        if word.endswith(end):
            return word[: len(word) - len(end)] + normal
    return word


def spelling_key(name: str, rules: NameRules | None = None) -> str:
    """The name as compared: "Volodymyr Zelenskyy" and "volodymyr zelensky" give one key."""
    return _spelling(name, (rules or name_rules()).endings)


@functools.lru_cache(maxsize=1 << 16)
def _spelling(name: str, endings: tuple[tuple[str, str], ...]) -> str:
    text = re.sub(r"(?i)^the\s+", "", name.strip())
    text = re.sub(r"['\u2019]s$", "", text)
    text = re.sub(r"[.\-\u2010-\u2014,;:\"()\u201c\u201d]", " ", _word(text))
    return " ".join(_ending(w, endings) for w in text.split())


def is_name(name: str, rules: NameRules | None = None) -> bool:
    """False for pronouns and phrases ("it", "the two sides"): they never join anything."""
    rules = rules or name_rules()
    return any(c.isupper() for c in name) and spelling_key(name, rules) not in rules.not_names


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts, each part a spelling key."""

    first: str  # "" when only the surname is written
    middles: tuple[str, ...]
    particles: tuple[str, ...]
    surname: str  # without particles
    suffix: str

    @property
    def size(self) -> int:
        return bool(self.first) + len(self.middles) + len(self.particles) + 1


def parse_person(name: str, rules: NameRules | None = None) -> PersonName | None:
    """Split a person's name; None when nothing of a name is left."""
    rules = rules or name_rules()
    words = spelling_key(name, rules).split()
    while len(words) > 1 and words[0] in rules.titles:
        words.pop(0)
    suffix = words.pop() if len(words) > 1 and words[-1] in rules.suffixes else ""
    if not words:
        return None
    start = len(words) - 1
    while start > 0 and words[start - 1] in rules.particles:
        start -= 1
    given = words[:start]
    return PersonName(
        first=given[0] if given else "", middles=tuple(given[1:]), particles=tuple(words[start:-1]),
        surname=words[-1], suffix=suffix,
    )  # fmt: skip


def _same_given(a: str, b: str, rules: NameRules) -> bool:
    """Equal, an initial of the other, or nicknames of one formal name (Chuck, Charles)."""
    if a == b or (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return True
    return bool(({a} | rules.formal.get(a, frozenset())) & ({b} | rules.formal.get(b, frozenset())))


def _same_middles(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b or a == b:
        return True
    if any(len(w) == 1 for w in a + b):  # "H. W." against "Herbert Walker": compare initials
        return "".join(w[0] for w in a) == "".join(w[0] for w in b)
    return False


def same_person(a: PersonName, b: PersonName, rules: NameRules | None = None) -> bool:
    """Whether two full names can be one person (rule 2 of the module docstring)."""
    rules = rules or name_rules()
    if a.surname != b.surname or a.suffix != b.suffix or not (a.first and b.first):
        return False
    if a.particles and b.particles and a.particles != b.particles:
        return False
    return _same_given(a.first, b.first, rules) and _same_middles(a.middles, b.middles)


def _rank(p: PersonName, count: int, name: str, rules: NameRules, articles: int = 0) -> tuple:
    """Sort key: the canonical form first (see the module docstring), then a stable order. Articles
    count before statements: one article that repeats a form does not outvote the others."""
    informal = (p.first in rules.formal) + sum(len(w) == 1 for w in p.middles)
    return (len(p.first) < 2, -articles, -count, -p.size, informal, name)


@dataclass
class _Person:
    """Full names judged to be one person, the canonical one first."""

    index: int
    names: list[PersonName]
    members: list[str]  # the names as written in statements
    closed: bool = False  # founded by a name that fits two people: nothing else joins it
    roles: frozenset[str] = frozenset()

    @property
    def canonical(self) -> str:
        return self.members[0]


class NameJoiner:
    """The corpus's name table: built once from all statements, then asked about each mention."""

    def __init__(self, statements: Iterable[Statement], gazetteer: "Gazetteer | None" = None):
        self.rules = name_rules()
        ends = [e for s in statements for e in _ends(s)]  # (name, type, article, role, mention)
        self.count: Counter[tuple[str, bool]] = Counter((e[0], e[1] == "person") for e in ends)
        self.types: dict[str, Counter[str]] = defaultdict(Counter)  # types of the bodies of each name
        for (name, typ), n in Counter((e[0], e[1]) for e in ends if e[1] != "person").items():
            self.types[name][typ] += n
        people = {e for e in ends if e[1] == "person"}  # distinct: far fewer than the statements
        self.articles: dict[str, set[str]] = defaultdict(set)
        self.mentions: dict[str, set[str]] = defaultdict(set)
        self.roles: dict[tuple[str, str], set[str]] = defaultdict(set)  # (person name, article) -> roles
        for name, _, article, role, mention in people:
            self.articles[name].add(article)
            self.mentions[name].add(mention)
            if role:
                self.roles[(name, article)].add(role.strip().casefold())
        self.body_keys: dict[str, str] = {}  # spelling key -> canonical name of a body
        self.bodies = self._join_bodies(gazetteer)
        self.people: list[_Person] = []
        self.person_of: dict[str, _Person] = {}  # full name -> its person
        self.short: dict[str, list[_Person]] = {}  # bare surname -> the people it may be
        self.short_canonical: dict[str, str] = {}  # bare surname -> its spelling group's canonical form
        self.named_in: dict[str, set[int]] = defaultdict(set)  # article id -> indexes of the people it names
        self._resolved: dict[tuple[str, str], str] = {}
        self._join_people()
        self.leader_states = self._leader_states(statements)

    def _join_bodies(self, gazetteer: "Gazetteer | None") -> dict[str, tuple[str, str]]:
        """Rule 1 (and the gazetteer's aliases) for actors that are not people: name -> (canonical, type)."""
        groups: dict[str, list[str]] = defaultdict(list)
        known: dict[str, tuple[str, str]] = {}
        for name, person in self.count:
            if person or not is_name(name, self.rules):
                continue
            entry = gazetteer.lookup(name) if gazetteer is not None else None
            key = spelling_key(entry.name if entry else name, self.rules)
            if entry:
                known[key] = (entry.name, entry.type)
            groups[key].append(name)
        out = {}
        for key, names in groups.items():
            if key in known:
                canonical, typ = known[key]
            else:
                canonical = min(names, key=lambda n: (-self.count[(n, False)], n))
                typ = min(self.types[canonical].items(), key=lambda kv: (-kv[1], kv[0]))[0]
            out.update((n, (canonical, typ)) for n in names)
            self.body_keys[key] = canonical
        return out

    def _parsed_people(self) -> list[tuple[PersonName, str]]:
        """Every person name of the corpus, parsed, the fullest forms first."""
        parsed = []
        for name, person in self.count:
            if person and is_name(name, self.rules):
                p = parse_person(name, self.rules)
                if p is not None:
                    rank = _rank(p, self.count[(name, True)], name, self.rules, len(self.articles[name]))
                    parsed.append((rank, _as_written(p, self.mentions[name], self.rules), name))
        return [(p, name) for _, p, name in sorted(parsed, key=lambda r: r[0])]

    def _join_people(self) -> None:
        """Rules 2 and 3: group full names into people, then list the people each bare surname may be."""
        shorts: list[tuple[PersonName, str]] = []
        by_surname: dict[str, list[_Person]] = defaultdict(list)
        for p, name in self._parsed_people():
            if not p.first:
                shorts.append((p, name))
                continue
            fits = [g for g in by_surname[p.surname]
                    if not g.closed and all(same_person(p, m, self.rules) for m in g.names)]  # fmt: skip
            if len(fits) == 1:
                person = fits[0]
                person.names.append(p)
                person.members.append(name)
            else:
                person = _Person(len(self.people), [p], [name], closed=len(fits) > 1)
                by_surname[p.surname].append(person)
                self.people.append(person)
            self.person_of[name] = person
        for person in self.people:
            for n in person.members:
                for art in self.articles[n]:
                    self.named_in[art].add(person.index)
                    person.roles |= self.roles.get((n, art), frozenset())
        spelled: dict[tuple[str, str], str] = {}
        formal = {f for names in self.rules.formal.values() for f in names}
        for p, name in shorts:  # fullest first: "al-Assad" before "Assad"
            nickname = p.surname in self.rules.formal and p.surname not in formal  # "Bill" alone is a first name
            self.short[name] = [] if nickname else [g for g in by_surname[p.surname] if _short_fits(p, g.names[0])]
            self.short_canonical[name] = spelled.setdefault((p.surname, p.suffix), name)

    def _leader_states(self, statements: list[Statement]) -> dict[str, tuple[str, str]]:
        """Rule 5: "the Assad regime" that its article could not place is the state the corpus gives
        the one person of that surname ("Syrian President Bashar al-Assad" elsewhere)."""
        affs: dict[str, Counter[str]] = defaultdict(Counter)
        for s in statements:
            for name, typ, aff in ((s.source, s.source_type, s.source_affiliation),
                                   (s.target, s.target_type, s.target_affiliation)):
                if typ == "person" and aff and "country" in self.types.get(aff, ()):
                    affs[name][aff] += 1
        out = {}
        for name, person in self.count:
            words = name.split()
            if person or len(words) != 2 or words[1].lower() not in LEADER_STATE_NOUNS:
                continue
            key = spelling_key(words[0], self.rules).split()[-1]
            people = [p for p in self.people if p.names[0].surname == key]
            states = {a for p in people for m in p.members for a in affs.get(m, ())}
            if len(people) == 1 and len(states) == 1:
                state = states.pop()
                out[name] = (self.bodies.get(state, (state, "country"))[0], "country")
        return out

    def body(self, name: str) -> tuple[str, str] | None:
        """Rules 1 and 5 for an actor that is not a person: (canonical, type), or None when not joined."""
        return self.leader_states.get(name) or self.bodies.get(name)

    def person(self, name: str, article_id: str) -> str:
        """Rules 2 and 3 for a person named ``name`` in an article: the canonical name, or ``name``.

        A bare surname is one actor within its article (the extractor resolved it
        there), so its roles in the whole article choose for all its statements.
        """
        if name in self.person_of:
            return self.person_of[name].canonical
        if (name, article_id) not in self._resolved:
            self._resolved[(name, article_id)] = self._short_form(name, article_id)
        return self._resolved[(name, article_id)]

    def _short_form(self, name: str, article_id: str) -> str:
        fits = self.short.get(name)
        if fits is None:
            return name
        if len(fits) == 1:
            return fits[0].canonical
        if not fits:
            return self._by_first_name(name, article_id)
        roles = self.roles.get((name, article_id), set())
        by_role = [g for g in fits if roles & g.roles]
        named = [g for g in fits if g.index in self.named_in.get(article_id, ())]
        for chosen in (by_role, named):
            if len(chosen) == 1:
                return chosen[0].canonical
        return self.short_canonical[name]

    def _by_first_name(self, name: str, article_id: str) -> str:
        """A lone word no surname explains: the one person of that first name the article names."""
        word = spelling_key(name, self.rules)
        if " " not in word and len(word) > 1:
            people = (self.people[i] for i in sorted(self.named_in.get(article_id, ())))
            fits = [g for g in people if not g.closed and _same_given(word, g.names[0].first, self.rules)]
            if len(fits) == 1:
                return fits[0].canonical
        return self.short_canonical[name]


def _as_written(p: PersonName, mentions: Iterable[str], rules: NameRules) -> PersonName:
    """The name with the middle initials its mentions give it ("George Bush" written "George W. Bush").

    Only when every mention that writes middle names writes the same ones.
    """
    if p.middles or not p.first:
        return p
    found = set()
    for mention in mentions:
        words = spelling_key(mention, rules).split()
        if p.first in words and p.surname in words:
            i, j = words.index(p.first), len(words) - 1 - words[::-1].index(p.surname)
            middle = tuple(w for w in words[i + 1 : j] if w not in rules.particles)
            if middle:
                found.add(middle)
    return replace(p, middles=found.pop()) if len(found) == 1 else p


def _short_fits(short: PersonName, full: PersonName) -> bool:
    """Whether a bare surname ("Assad", "al-Assad", "Trump Jr.") can stand for a full name."""
    if short.surname != full.surname or (short.suffix and short.suffix != full.suffix):
        return False
    return not short.particles or not full.particles or short.particles == full.particles


def _ends(s: Statement) -> tuple[tuple, tuple]:
    return ((s.source, s.source_type, s.article_id, s.source_role, s.source_mention),
            (s.target, s.target_type, s.article_id, s.target_role, s.target_mention))  # fmt: skip


def _actor(joiner: NameJoiner, name: str, typ: str, article_id: str) -> tuple[str, str]:
    if typ == "person":
        return joiner.person(name, article_id), typ
    return joiner.body(name) or (name, typ)


def _affiliation(joiner: NameJoiner, name: str | None, article_id: str) -> str | None:
    """An affiliation names an actor too ("Trump" for a campaign aide): it follows the join."""
    if not name:
        return name
    body = joiner.body(name)
    if body:
        return body[0]
    return joiner.body_keys.get(spelling_key(name, joiner.rules)) or joiner.person(name, article_id)


def rewrite(joiner: NameJoiner, s: Statement) -> Statement:
    """``s`` with its actors (and their affiliations) under their canonical names; mentions unchanged."""
    source, source_type = _actor(joiner, s.source, s.source_type, s.article_id)
    target, target_type = _actor(joiner, s.target, s.target_type, s.article_id)
    source_aff = _affiliation(joiner, s.source_affiliation, s.article_id)
    target_aff = _affiliation(joiner, s.target_affiliation, s.article_id)
    new = (source, target, source_type, target_type, source_aff, target_aff)
    if new == (s.source, s.target, s.source_type, s.target_type, s.source_affiliation, s.target_affiliation):
        return s
    return replace(s, source=source, target=target, source_type=source_type, target_type=target_type,
                   source_affiliation=source_aff, target_affiliation=target_aff)  # fmt: skip


def _preferred(s: Statement) -> tuple:
    """Which of two statements that became one (same id) is kept: independent of input order."""
    return (-s.confidence, s.source_mention, s.target_mention, s.cue, s.rule, s.quote)


def join_names(statements: Iterable[Statement], gazetteer: "Gazetteer | None" = None) -> list[Statement]:
    """The statements with one canonical name per person or body across the whole corpus.

    Order is kept. A statement whose two actors become one is dropped; statements
    the join makes identical (one new id from several old ones) are kept once;
    statements that were identical before are left as they came.
    """
    statements = list(statements)
    joiner = NameJoiner(statements, gazetteer)
    joined = []
    best: dict[str, tuple[str, Statement]] = {}  # new id -> old id and statement of the one kept
    for s in statements:
        j = rewrite(joiner, s)
        if j.source == j.target:
            continue
        old_id = s.id
        new_id = old_id if j is s else j.id
        joined.append((old_id, new_id, j))
        kept = best.setdefault(new_id, (old_id, j))
        if kept[0] != old_id and (*_preferred(j), old_id) < (*_preferred(kept[1]), kept[0]):
            best[new_id] = (old_id, j)
    return [j for old_id, new_id, j in joined if best[new_id][0] == old_id]
