"""Typed records that flow through the pipeline: articles, actors, statements.

Every stage hands the next one plain dataclasses so the CLI, the app and the
tests all see the same shapes, and a statement can be saved as one JSON line
and read back without loss.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any

#: Actor types. Parties, movements and armed groups are all "group";
#: states are "country"; inter-governmental bodies, agencies, companies and
#: media are "organisation".
ACTOR_TYPES = ("country", "person", "organisation", "group")

#: The two stances; ``sign`` is +1 for supports and -1 for opposes.
STANCES = {"supports": 1, "opposes": -1}


_BLANKS = re.compile(r"[\s\x1c-\x1f\x85]+")


def actor_name(name: str) -> str:
    """The identity of an actor name: NFC, without control or invisible format characters.

    "Putin", "Pu\u200btin" and "Putin\x07" are one actor in every format; a line break
    or tab inside a name counts as a space.
    """
    name = _BLANKS.sub(" ", unicodedata.normalize("NFC", name))
    return " ".join("".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf")).split())


#: Statement fields that hold actor names, normalised by ``actor_name`` whenever a statement is made.
NAME_FIELDS = ("source", "target", "source_affiliation", "target_affiliation")


def _unclean(value: str) -> bool:
    """Cheap test: could ``actor_name`` change this name?"""
    return not value.isascii() or not value.isprintable() or "  " in value or value != value.strip()


def clean_name(value: Any) -> Any:
    """A name field's value as ``Statement`` stores it (``actor_name`` when it may need it)."""
    return actor_name(value) if isinstance(value, str) and _unclean(value) else value


def text_id(text: str) -> str:
    """Stable id of an article: the same text always gets the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


#: The fields a statement's id is made of, in ``statement_id``'s order.
ID_PARTS = ("article_id", "start", "end", "source", "target", "stance", "relation")


def statement_id(article_id: Any, start: Any, end: Any, source: Any, target: Any, stance: Any, relation: Any) -> str:
    """``Statement.id`` from its parts: a frame of a million statements hashes them column-wise.

    An f-string of the parts is ``"\x1f".join(map(str, parts))`` (``format(x, "")`` is ``str(x)``),
    a third faster per call.
    """
    key = f"{article_id}\x1f{start}\x1f{end}\x1f{source}\x1f{target}\x1f{stance}\x1f{relation}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One news article as read from disk or a table row."""

    id: str
    title: str
    text: str
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) or None
    path: str | None = None  # the input path as given by the user
    url: str | None = None

    @property
    def source(self) -> str:
        """Where the article came from: its URL when known, else its path."""
        return self.url or self.path or ""


@dataclass
class Actor:
    """An actor as resolved within an article (or merged across articles)."""

    name: str  # canonical: full name for people, short common name for states
    type: str  # one of ACTOR_TYPES
    aliases: list[str] = field(default_factory=list)  # surface forms seen
    affiliation: str | None = None  # for people: the country/organisation they speak for
    role: str | None = None  # for people: "foreign minister", "president", ...

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


@dataclass
class Statement:
    """One reported stance of a source actor toward a target actor.

    ``quote`` is the exact sentence: ``article_text[start:end] == quote``.
    """

    source: str
    target: str
    source_type: str
    target_type: str
    stance: str  # "supports" | "opposes"
    sign: int  # +1 | -1
    relation: str  # finer kind, see actorgraph.stances.RELATIONS
    quote: str
    article_id: str
    title: str
    date: str | None
    path: str | None
    url: str | None
    sentence_index: int
    start: int
    end: int
    confidence: float
    cue: str = ""  # the word that carried the stance ("supported", "ally", ...)
    source_mention: str = ""  # the source as written in the sentence
    target_mention: str = ""
    source_affiliation: str | None = None
    source_role: str | None = None
    target_affiliation: str | None = None
    target_role: str | None = None
    rule: str = ""  # id of the registered rule that produced it ("verb.direct", ...); "" when unknown

    def __post_init__(self) -> None:
        # names are identities: normalised before the id and every export see them
        for k in NAME_FIELDS:
            value = getattr(self, k)
            if isinstance(value, str) and _unclean(value):
                setattr(self, k, actor_name(value))

    @property
    def id(self) -> str:
        """Stable statement id: same article, place, actors and relation give the same id."""
        return statement_id(self.article_id, self.start, self.end, self.source, self.target, self.stance, self.relation)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["id"] = self.id
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Statement":
        """Read a statement back from JSON/CSV; unknown keys (like ``id``) are ignored."""
        names = {f.name: f for f in fields(cls)}
        kw: dict[str, Any] = {}
        for k, v in d.items():
            if k not in names:
                continue
            if isinstance(v, float) and v != v:  # NaN from pandas/CSV
                v = None
            kw[k] = v
        for k in ("sign", "sentence_index", "start", "end"):
            if kw.get(k) is not None:
                kw[k] = int(kw[k])
        if kw.get("confidence") is not None:
            kw["confidence"] = float(kw["confidence"])
        for k in ("cue", "source_mention", "target_mention", "rule"):
            if kw.get(k) is None:
                kw[k] = ""
        return cls(**kw)


#: Column order for tables and CSV exports of statements.
STATEMENT_FIELDS = [f.name for f in fields(Statement)]

#: CSV/JSON/Parquet columns: the statement id first, then every Statement field.
STATEMENT_COLUMNS = ["id", *STATEMENT_FIELDS]
