"""The extraction vocabulary, kept as data: documented CSV files under ``en/``.

Rules read word classes and cue tables from here, never from lists in code, so
a user can add a cue with one row and every class is defined once and shared by
the actor resolver and the stance rules. ``en/README.md`` documents each file.

Files:

* ``relations.csv`` (``relation,sign,description``): the relation vocabulary.
* ``word_classes.csv`` (``class,description``): the declared word classes.
* ``words/*.csv`` (``class,entry,note``, optionally ``value``): the members of
  the classes; a class may be filled from one file only, so it is defined once.
  Classes that map an entry to something ("sen." -> senator) fill ``value``
  and are read with :func:`mapping`.
* other tables (cue lexicons) are read with :func:`table`, which checks their
  columns and lets callers validate each row with :func:`check`,
  :func:`check_relation`, :func:`check_class` and :func:`check_number`.

Every problem is a :class:`LexiconError` naming the file and line.
"""
from __future__ import annotations

import csv
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

LANG_DIR = Path(__file__).with_name("en")


class LexiconError(ValueError):
    """A bad lexicon row or file; the message names the file and line."""


@dataclass(frozen=True)
class Row:
    """One data row of a lexicon table, with where it came from."""

    values: dict[str, str]
    file: str
    line: int

    def __getitem__(self, key: str) -> str:
        return self.values.get(key) or ""

    def where(self) -> str:
        return f"{self.file}, line {self.line}"


def _rows(path: Path, columns: Iterable[str]) -> list[Row]:
    """Rows of one CSV; ``#`` lines are comments; missing columns are an error."""
    wanted = tuple(columns)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read ({exc})") from None
    numbered = [(i, ln) for i, ln in enumerate(text.splitlines(), start=1) if ln.strip() and not ln.lstrip().startswith("#")]
    if not numbered:
        return []
    reader = csv.reader([ln for _, ln in numbered])
    header = [h.strip() for h in next(reader)]
    missing = [c for c in wanted if c not in header]
    if missing:
        raise LexiconError(f"{path}, line {numbered[0][0]}: missing column(s) {', '.join(missing)}")
    out = []
    for (lineno, _), cells in zip(numbered[1:], reader):
        if len(cells) > len(header):
            raise LexiconError(f"{path}, line {lineno}: {len(cells)} cells for {len(header)} columns")
        values = {h: c.strip() for h, c in zip(header, cells)}
        out.append(Row(values, str(path), lineno))
    return out


def table(name: str, columns: Iterable[str], lang_dir: Path | None = None) -> list[Row]:
    """The rows of ``en/<name>.csv`` (and of the same name in each extra folder)."""
    rows: list[Row] = []
    for folder in _folders(lang_dir):
        path = folder / f"{name}.csv"
        if path.is_file():
            rows.extend(_rows(path, columns))
    return rows


def _folders(lang_dir: Path | None) -> list[Path]:
    """The package folder, then user folders from ``ACTORGRAPH_LEXICON`` (os.pathsep list)."""
    extra = [Path(p) for p in os.environ.get("ACTORGRAPH_LEXICON", "").split(os.pathsep) if p]
    return [lang_dir or LANG_DIR, *extra]


def check(ok: bool, row: Row, message: str) -> None:
    """Raise a LexiconError for ``row`` unless ``ok``."""
    if not ok:
        raise LexiconError(f"{row.where()}: {message}")


@functools.lru_cache(maxsize=None)
def relations() -> dict[str, int]:
    """Relation name -> sign (+1 supports, -1 opposes)."""
    out: dict[str, int] = {}
    for row in table("relations", ("relation", "sign", "description")):
        check(row["sign"] in ("1", "+1", "-1"), row, f"sign must be +1 or -1, not {row['sign']!r}")
        check(row["relation"] not in out, row, f"relation {row['relation']!r} defined twice")
        out[row["relation"]] = -1 if row["sign"] == "-1" else 1
    return out


def check_relation(row: Row, relation: str) -> str:
    """``relation`` if it is in the vocabulary, else a LexiconError naming the row."""
    check(relation in relations(), row, f"unknown relation {relation!r} (see relations.csv)")
    return relation


@functools.lru_cache(maxsize=None)
def _declared() -> frozenset[str]:
    return frozenset(r["class"] for r in table("word_classes", ("class", "description")))


def check_class(row: Row, cls: str) -> str:
    """``cls`` if it is a declared word class, else a LexiconError naming the row."""
    check(cls in _declared(), row, f"unknown word class {cls!r} (declare it in word_classes.csv)")
    return cls


def check_number(row: Row, column: str, allowed: Iterable[str] | None = None) -> float:
    """The number in ``column`` of ``row`` (optionally one of ``allowed``), else a LexiconError."""
    text = row[column]
    try:
        value = float(text)
    except ValueError:
        value = None
    ok = value is not None and (allowed is None or text in tuple(allowed))
    check(ok, row, f"{column} must be {' or '.join(allowed) if allowed else 'a number'}, not {text!r}")
    return value


@functools.lru_cache(maxsize=None)
def _classes() -> dict[str, frozenset[str]]:
    declared = {r["class"]: r for r in table("word_classes", ("class", "description"))}
    members: dict[str, set[str]] = {c: set() for c in declared}
    owner: dict[str, str] = {}
    for folder in _folders(None):
        for path in sorted((folder / "words").glob("*.csv")):
            for row in _rows(path, ("class", "entry")):
                cls = row["class"]
                check(cls in declared, row, f"unknown word class {cls!r} (declare it in word_classes.csv)")
                if folder == LANG_DIR:
                    check(owner.setdefault(cls, row.file) == row.file, row,
                          f"word class {cls!r} is already filled in {owner.get(cls)}")
                check(bool(row["entry"]), row, "empty entry")
                members[cls].add(row["entry"])
    return {c: frozenset(m) for c, m in members.items()}


def words(cls: str) -> frozenset[str]:
    """The entries of one declared word class (lower-case lemmas or phrases, as written)."""
    classes = _classes()
    if cls not in classes:
        raise KeyError(f"unknown word class {cls!r}")
    return classes[cls]


def word_classes() -> dict[str, frozenset[str]]:
    """Every declared class with its entries."""
    return dict(_classes())


@functools.lru_cache(maxsize=None)
def _values() -> dict[str, dict[str, str]]:
    """``value`` cells of the words files: class -> entry -> value; one entry, one value."""
    declared = _classes()
    out: dict[str, dict[str, str]] = {}
    for folder in _folders(None):
        for path in sorted((folder / "words").glob("*.csv")):
            for row in _rows(path, ("class", "entry")):
                if "value" not in row.values or row["class"] not in declared:
                    continue
                seen = out.setdefault(row["class"], {})
                check(seen.setdefault(row["entry"], row["value"]) == row["value"], row,
                      f"{row['class']!r} entry {row['entry']!r} has two values")
    return out


def mapping(cls: str) -> dict[str, str]:
    """A declared class read as entry -> value ("" where the row has none), sorted by entry."""
    values = _values().get(cls, {})
    return {e: values.get(e, "") for e in sorted(words(cls))}


def clear_cache() -> None:
    """Forget loaded files (tests and users who edit a file at run time)."""
    relations.cache_clear()
    _classes.cache_clear()
    _declared.cache_clear()
    _values.cache_clear()
