"""What resolution produces: ``Mention`` and the per-Doc ``ActorIndex`` (plain data, msgpack-safe)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..records import Actor


@dataclass
class Mention:
    """One stretch of tokens that refers to one or more actors."""

    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    actors: tuple[Actor, ...]
    kind: str  # name | alias | metonym | demonym | surname | role | pronoun | group
    text: str
    head: int = -1  # token index of the syntactic head

    @property
    def actor(self) -> Actor:
        """The first (usually only) actor."""
        return self.actors[0]


@dataclass
class ActorIndex:
    """The actors of one Doc and where they are mentioned."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    gov: dict[int, int] = field(default_factory=dict)  # gov-noun token -> mention index
    _at: dict[int, int] = field(default_factory=dict, repr=False)
    _heads: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self._at = {}
        self._heads = {}
        for k, m in enumerate(self.mentions):
            for i in range(m.start, m.end):
                self._at[i] = k
            if m.head >= 0:
                self._heads.setdefault(m.head, k)

    def mention_at(self, token: Token | int) -> Mention | None:
        k = self._at.get(_index(token))
        return None if k is None else self.mentions[k]

    def mention_for(self, token: Token | int) -> Mention | None:
        i = _index(token)
        k = self._heads.get(i)
        if k is None:
            k = self._at.get(i)
        if k is None:
            k = self.gov.get(i)
        return None if k is None else self.mentions[k]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside tokens [start, end) (e.g. one sentence)."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    # plain-data form (msgpack-safe) for Doc.to_bytes / multiprocessing
    def to_data(self) -> dict:
        names = list(self.actors)
        pos = {n: k for k, n in enumerate(names)}
        return {
            "actors": [[a.name, a.type, list(a.aliases), a.affiliation, a.role] for a in self.actors.values()],
            "mentions": [[m.start, m.end, [pos[a.name] for a in m.actors], m.kind, m.text, m.head] for m in self.mentions],
            "gov": [[t, k] for t, k in self.gov.items()],
        }

    @classmethod
    def from_data(cls, data: dict) -> "ActorIndex":
        actors = [Actor(name=n, type=t, aliases=list(al), affiliation=af, role=r) for n, t, al, af, r in data["actors"]]
        mentions = [
            Mention(s, e, tuple(actors[k] for k in ks), kind, text, head)
            for s, e, ks, kind, text, head in data["mentions"]
        ]
        return cls(actors={a.name: a for a in actors}, mentions=mentions, gov={int(t): int(k) for t, k in data["gov"]})


def _index(token: Token | int) -> int:
    return token if isinstance(token, int) else token.i
