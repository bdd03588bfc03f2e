"""The actor gazetteer: known actors, their aliases, metonyms and demonyms.

The bundled file is ``actorgraph/data/gazetteer/actors.csv`` (documented in
``actorgraph/data/gazetteer/README.md``), package data, so it ships in the wheel. Users add their own CSV files with the same
columns; later files override earlier ones for the same canonical name.
"""
from __future__ import annotations

import csv
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_GAZETTEER = DATA_DIR / "gazetteer" / "actors.csv"
ERAS = DATA_DIR / "gazetteer" / "eras.csv"
COLUMNS = ("name", "type", "aliases", "metonyms", "demonyms", "affiliation", "role")
_TYPES = ("country", "person", "organisation", "group")


class GazetteerError(ValueError):
    pass


@dataclass
class Entry:
    """One known actor."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)  # capitals, seats: "Moscow", "the Kremlin"
    demonyms: list[str] = field(default_factory=list)  # "Russian", "Russians"
    affiliation: str | None = None
    role: str | None = None


_QUOTES = "\"'\u2018\u2019\u201c\u201d`"


# (compiled once: every look-up normalises its text, some ten thousand times per few hundred articles)
_POSSESSIVE = re.compile(r"'s?$")
_THE = re.compile(r"(?i)^the\s+")
_SPACES = re.compile(r"\s+")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.?){1,5}")
_INITIAL_DOT = re.compile(r"(?<=\b[A-Za-z])\.")


def normalise(text: str) -> str:
    """Key for name matching: case-folded, no leading "the", no possessive, no dots.

    Short all-capital abbreviations ("IS", "US") keep their case so that the
    word "is" or "us" never matches them.
    """
    t = text.strip().strip(_QUOTES).strip()
    t = t.replace("\u2019", "'")
    t = _POSSESSIVE.sub("", t)
    t = _THE.sub("", t)
    t = _SPACES.sub(" ", t).strip(" .,;:-")
    t = t.strip(_QUOTES)
    if _ABBREVIATION.fullmatch(t):
        return t.replace(".", "")  # keep case: "U.S." -> "US", "IS" stays "IS"
    t = _INITIAL_DOT.sub("", t)  # "U.N. Security Council" -> "UN Security Council"
    return t.casefold()


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


class Gazetteer:
    """Look-ups from surface names to known actors."""

    def __init__(self, entries: list[Entry] | None = None):
        self.entries: dict[str, Entry] = {}
        self._names: dict[str, Entry] = {}
        self._demonyms: dict[str, Entry] = {}
        for e in entries or []:
            self.add(e)

    def add(self, e: Entry) -> None:
        if e.type not in _TYPES:
            raise GazetteerError(f"{e.name}: type {e.type!r} is not one of {', '.join(_TYPES)}")
        old = self.entries.get(e.name)
        if old is not None:  # an override replaces the old row wholly: drop its stale surface forms
            self._names = {k: v for k, v in self._names.items() if v is not old}
            self._demonyms = {k: v for k, v in self._demonyms.items() if v is not old}
        self.entries[e.name] = e
        for n in [e.name, *e.aliases, *e.metonyms]:
            self._names[normalise(n)] = e
        for d in e.demonyms:
            self._demonyms[normalise(d)] = e

    def lookup(self, text: str) -> Entry | None:
        """The actor a name, alias or metonym stands for."""
        return self._names.get(normalise(text))

    def demonym(self, word: str) -> Entry | None:
        """The actor a demonym ("Russian", "Syrians") refers to."""
        return self._demonyms.get(normalise(word))

    def __contains__(self, name: str) -> bool:
        return normalise(name) in self._names

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def read_csv(
        cls, path: str | Path, into: "Gazetteer | None" = None, errors: list[str] | None = None
    ) -> "Gazetteer":
        """Read one gazetteer file.

        With an ``errors`` list, a bad row is reported there (one line naming the file and row)
        and the good rows around it still load; without one, the first bad row raises.
        """
        gaz = into if into is not None else cls()
        path = Path(path)
        try:
            with path.open(encoding="utf-8-sig", newline="") as fh:  # -sig: spreadsheet exports start with a BOM
                kept = [(i, r) for i, r in enumerate(fh, start=1) if r.strip() and not r.lstrip().startswith("#")]
        except (OSError, UnicodeDecodeError) as exc:
            raise GazetteerError(f"{path}: cannot read gazetteer ({exc})") from None
        reader = csv.DictReader([r for _, r in kept])
        missing = [c for c in ("name", "type") if c not in (reader.fieldnames or [])]
        if missing:
            raise GazetteerError(f"{path}: missing column(s) {', '.join(missing)}; found {reader.fieldnames}")
        for row in reader:
            lineno = kept[reader.line_num - 1][0]  # the file's own line number, comments counted
            name = (row.get("name") or "").strip()
            if not name:
                continue
            try:
                gaz.add(
                    Entry(
                        name=name,
                        type=(row.get("type") or "").strip(),
                        aliases=_split(row.get("aliases")),
                        metonyms=_split(row.get("metonyms")),
                        demonyms=_split(row.get("demonyms")),
                        affiliation=(row.get("affiliation") or "").strip() or None,
                        role=(row.get("role") or "").strip() or None,
                    )
                )
            except GazetteerError as exc:
                if errors is None:
                    raise GazetteerError(f"{path}, row {lineno}: {exc}") from None
                errors.append(f"{path}, row {lineno}: {exc}")
        return gaz


def load_gazetteer(extra: list[str | Path] | tuple = (), errors: list[str] | None = None) -> Gazetteer:
    """The bundled gazetteer plus the user's files (``ACTORGRAPH_GAZETTEER`` too, ``os.pathsep``-separated).

    With an ``errors`` list, bad rows and unreadable user files are reported there and skipped.
    """
    files: list[str | Path] = [DEFAULT_GAZETTEER, *extra]
    env = os.environ.get("ACTORGRAPH_GAZETTEER")
    if env:
        files.extend(p for p in env.split(os.pathsep) if p)
    gaz = Gazetteer()
    for f in files:
        try:
            Gazetteer.read_csv(f, into=gaz, errors=errors)
        except GazetteerError as exc:
            if errors is None or f == DEFAULT_GAZETTEER:
                raise
            errors.append(str(exc))
    return gaz


@functools.lru_cache(maxsize=None)
def _eras() -> dict[str, tuple[str, str]]:
    rows = csv.DictReader(ln for ln in ERAS.read_text(encoding="utf-8").splitlines() if not ln.startswith("#"))
    return {r["name"]: (r["until"], r["then"]) for r in rows}


def era_name(name: str, date: str | None, implied: frozenset[str] = frozenset()) -> str:
    """The name a state had when the article was written ("Russia" in a 1985 article is the Soviet Union,
    ``data/gazetteer/eras.csv``); ``name`` itself when the article is later. An undated article is of a
    former state's era when that state is in ``implied`` (see ``implied_eras``)."""
    era = _eras().get(name)
    if era is None:
        return name
    return era[1] if (date and date[:10] < era[0]) or (not date and era[1] in implied) else name


def implied_eras(acting: Iterable[str], written: Iterable[str]) -> frozenset[str]:
    """The former states an undated article is of: one that itself takes or meets a stance ("the Soviet
    Union accused ..."), while its successor is never written as itself ("Russia"), only as a capital, a
    seat or a pronoun: that article's "Moscow" and "the Kremlin" are the Soviet Union too."""
    acting, written = set(acting), set(written)
    return frozenset(then for name, (_, then) in _eras().items() if then in acting and name not in written)

