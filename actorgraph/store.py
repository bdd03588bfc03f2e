"""The embedded corpus store: one SQLite file with articles, statements and corrections.

Why SQLite: the corpus must outlive a Streamlit session, be shared by the app and the
CLI, and survive a crash mid-ingest. Each write is one ``BEGIN IMMEDIATE`` transaction
(so a killed ingest leaves whole batches only), the file is in WAL mode (readers never
block the writer) and every connection waits on a busy timeout instead of failing when
another process writes.

Tables:

* ``articles``: full text, title, date, path, url, content hash, and the extractor
  version that last extracted it (an article with no statement is still "done").
* ``statements``: the extracted statements with the extractor version that made them;
  title, date, path and url come from the article (one copy).
* ``corrections``: an append-only log (operation, JSON arguments, time, note);
  ``actorgraph.curation`` replays it when reading, so nothing is ever deleted.

The schema version is ``PRAGMA user_version``; an older file is migrated in place, a
newer or foreign one is refused with a one-line :class:`StoreError` naming the file.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np
import pandas as pd

from .records import STATEMENT_COLUMNS, Article, Statement

DEFAULT_DB = "actorgraph.db"
#: "AGst": marks a file as an Actorgraph store (``PRAGMA application_id``).
APPLICATION_ID = 0x41477374
BUSY_TIMEOUT_S = 60.0
#: Statement fields copied from the article, so not stored per statement.
ARTICLE_FIELDS = ("title", "date", "path", "url")
STORED_FIELDS = [c for c in STATEMENT_COLUMNS if c not in ARTICLE_FIELDS]

#: Schema scripts: the file's ``user_version`` is how many of them it has run.
MIGRATIONS: tuple[str, ...] = (
    # 1: articles, statements, corrections
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL, text TEXT NOT NULL, date TEXT, path TEXT, url TEXT,
        added_at TEXT NOT NULL
    );
    CREATE TABLE statements (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        article_id TEXT NOT NULL REFERENCES articles(id),
        extractor TEXT NOT NULL,
        source TEXT NOT NULL, target TEXT NOT NULL, source_type TEXT, target_type TEXT,
        stance TEXT NOT NULL, sign INTEGER NOT NULL, relation TEXT NOT NULL, quote TEXT NOT NULL,
        sentence_index INTEGER, start INTEGER, "end" INTEGER, confidence REAL,
        cue TEXT, source_mention TEXT, target_mention TEXT,
        source_affiliation TEXT, source_role TEXT, target_affiliation TEXT, target_role TEXT, rule TEXT
    );
    CREATE INDEX statements_article ON statements(article_id);
    CREATE TABLE corrections (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        op TEXT NOT NULL, args TEXT NOT NULL, at TEXT NOT NULL, note TEXT
    );
    """,
    # 2: the extractor that last read each article (articles without statements included)
    """
    ALTER TABLE articles ADD COLUMN extractor TEXT;
    UPDATE articles SET extractor = (SELECT MAX(extractor) FROM statements s WHERE s.article_id = articles.id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(ValueError):
    """A store file that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class Correction:
    """One entry of the corrections log."""

    seq: int
    op: str
    args: dict[str, Any]
    at: str
    note: str | None = None


def default_path() -> str:
    """``ACTORGRAPH_DB``, else ``actorgraph.db`` in the working directory."""
    return os.environ.get("ACTORGRAPH_DB") or DEFAULT_DB


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


class Store:
    """An open store file. Cheap to share across threads: each call opens its own connection."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = str(path or default_path())
        parent = Path(self.path).parent
        if not parent.is_dir():
            raise StoreError(f"{self.path}: folder {parent} does not exist")
        try:
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable Actorgraph store ({_one_line(exc)})") from None

    # ------------------------------------------------------------------ connections

    def connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, never corrupt
        return con

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front (``BEGIN IMMEDIATE``) so it never deadlocks."""
        con = self.connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several SELECTs."""
        con = self.connect()
        try:
            con.execute("BEGIN")
            yield con
            con.execute("COMMIT")
        finally:
            con.close()

    def _migrate(self) -> None:
        con = self.connect()
        try:
            current = (con.execute("PRAGMA user_version").fetchone()[0], con.execute("PRAGMA application_id").fetchone()[0])
            if current == (SCHEMA_VERSION, APPLICATION_ID):  # the usual case: no write lock to open a store
                return
            mode = con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            con.execute("BEGIN IMMEDIATE")
            try:
                version = con.execute("PRAGMA user_version").fetchone()[0]
                app_id = con.execute("PRAGMA application_id").fetchone()[0]
                tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if app_id != APPLICATION_ID and (app_id or tables):
                    raise StoreError(f"{self.path}: not an Actorgraph store (an SQLite file of another program)")
                if version > SCHEMA_VERSION:
                    raise StoreError(f"{self.path}: store schema version {version} is newer than this "
                                     f"Actorgraph ({SCHEMA_VERSION}); upgrade Actorgraph to open it")
                for v in range(version, SCHEMA_VERSION):
                    for stmt in MIGRATIONS[v].split(";"):
                        if stmt.strip():
                            con.execute(stmt)
                con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
            if mode.lower() != "wal":
                raise StoreError(f"{self.path}: cannot switch the store to WAL mode (journal mode {mode})")
        finally:
            con.close()

    # ------------------------------------------------------------------ articles

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(set(hashes))
        found: set[str] = set()
        with self.read() as con:
            for i in range(0, len(wanted), 500):
                part = wanted[i : i + 500]
                q = f"SELECT content_hash FROM articles WHERE content_hash IN ({','.join('?' * len(part))})"
                found.update(r[0] for r in con.execute(q, part))
        return found

    def add_extracted(self, done: Sequence[tuple[Article, Sequence[Statement]]], extractor: str) -> int:
        """Articles with their statements, in one transaction; statements of a re-read article
        are replaced. Returns how many articles were new."""
        added = 0
        with self.write() as con:
            for art, statements in done:
                cur = con.execute(
                    "INSERT OR IGNORE INTO articles (id, content_hash, title, text, date, path, url, added_at, extractor)"
                    " VALUES (?,?,?,?,?,?,?,?,?)",
                    (art.id, content_hash(art.text), art.title, art.text, art.date, art.path, art.url, now(), extractor),
                )
                added += cur.rowcount
                if not cur.rowcount:
                    con.execute("UPDATE articles SET extractor = ? WHERE id = ?", (extractor, art.id))
                    con.execute("DELETE FROM statements WHERE article_id = ?", (art.id,))
                con.executemany(
                    f"INSERT OR IGNORE INTO statements (extractor, {', '.join(map(_q, STORED_FIELDS))})"
                    f" VALUES (?{', ?' * len(STORED_FIELDS)})",
                    [(extractor, *_stored_values(s)) for s in statements],
                )
        return added

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        cols = "id, title, text, date, path, url"
        with self.read() as con:
            if ids is None:
                rows = con.execute(f"SELECT {cols} FROM articles ORDER BY seq").fetchall()
            else:
                wanted = list(ids)
                rows = []
                for i in range(0, len(wanted), 500):
                    part = wanted[i : i + 500]
                    rows += con.execute(f"SELECT {cols} FROM articles WHERE id IN ({','.join('?' * len(part))})", part)
        return [Article(*r) for r in rows]

    def article(self, article_id: str) -> Article | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def stale_articles(self, extractor: str) -> list[Article]:
        """Articles last extracted by another extractor version (to re-extract)."""
        with self.read() as con:
            rows = con.execute(
                "SELECT id, title, text, date, path, url FROM articles WHERE extractor IS NOT ? ORDER BY seq", (extractor,)
            ).fetchall()
        return [Article(*r) for r in rows]

    def counts(self) -> dict[str, int]:
        with self.read() as con:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("articles", "statements", "corrections")}  # fmt: skip

    def signature(self) -> str:
        """Changes whenever articles, statements or corrections change (a cache key)."""
        with self.read() as con:
            parts = [con.execute(f"SELECT count(*), coalesce(max(seq), 0) FROM {t}").fetchone()
                     for t in ("articles", "statements", "corrections")]  # fmt: skip
        return f"{self.path}|" + "|".join(f"{n}:{m}" for n, m in parts)

    # ------------------------------------------------------------------ derived frames

    def cached_frame(self, name: str, key: str) -> pd.DataFrame | None:
        """A statements frame derived from the stored ones (the corpus pass), saved for ``key``;
        None when there is none or it was made from other statements."""
        from .graph import frame_from_columns

        with self.read() as con:
            try:
                row = con.execute("SELECT key FROM derived_meta WHERE name = ?", (name,)).fetchone()
                if not row or row[0] != key:
                    return None
                rows = con.execute(f"SELECT {', '.join(map(_q, STATEMENT_COLUMNS))} FROM {_derived(name)} "
                                   "ORDER BY pos").fetchall()  # fmt: skip
            except sqlite3.OperationalError:  # no such table: never saved
                return None
        return frame_from_columns(dict(zip(STATEMENT_COLUMNS, zip(*rows) if rows else [()] * len(STATEMENT_COLUMNS))))

    def save_frame(self, name: str, key: str, df: pd.DataFrame) -> None:
        """Save a derived frame for ``key`` (a cache: the stored statements stay the truth)."""
        table, cols = _derived(name), ", ".join(map(_q, STATEMENT_COLUMNS))
        rows = zip(range(len(df)), *(df[c].tolist() for c in STATEMENT_COLUMNS))
        with self.write() as con:
            con.execute("CREATE TABLE IF NOT EXISTS derived_meta (name TEXT PRIMARY KEY, key TEXT NOT NULL)")
            con.execute(f"DROP TABLE IF EXISTS {table}")
            con.execute(f"CREATE TABLE {table} (pos INTEGER PRIMARY KEY, {cols})")
            con.executemany(f"INSERT INTO {table} VALUES (?{', ?' * len(STATEMENT_COLUMNS)})", rows)
            con.execute("INSERT OR REPLACE INTO derived_meta (name, key) VALUES (?, ?)", (name, key))

    def statements_key(self) -> str:
        """Changes whenever articles or statements change (not with corrections)."""
        return "|".join(self.signature().rsplit("|", 3)[1:3])

    # ------------------------------------------------------------------ statements

    def statements_frame(self) -> pd.DataFrame:
        """Every stored statement as extracted (columns ``STATEMENT_COLUMNS``), in insertion order.

        Built column by column with the dtypes of ``graph.statements_frame`` (ints, floats,
        text as objects with None or ""), without pandas' string inference: 100,000
        statements read in well under a second.
        """
        from .graph import FLOAT_COLUMNS, INT_COLUMNS, OPTIONAL_TEXT

        def select(c: str) -> str:
            if c in INT_COLUMNS or c in FLOAT_COLUMNS:
                return f"coalesce({_q(c)}, 0)"
            return _q(c) if c in OPTIONAL_TEXT else f"coalesce({_q(c)}, '')"

        with self.read() as con:
            rows = con.execute(f"SELECT {', '.join(map(select, STORED_FIELDS))} FROM statements ORDER BY seq").fetchall()
            meta = con.execute(f"SELECT id, {', '.join(ARTICLE_FIELDS)} FROM articles").fetchall()
        columns = dict(zip(STORED_FIELDS, zip(*rows) if rows else [()] * len(STORED_FIELDS)))
        # article fields: one string per article, shared by its statements (not one per row)
        position = {m[0]: i for i, m in enumerate(meta)}
        where = np.array([position[a] for a in columns["article_id"]], dtype="int64")
        for k, field in enumerate(ARTICLE_FIELDS, start=1):
            values = np.empty(len(meta), dtype=object)
            values[:] = [m[k] if m[k] is not None or field in OPTIONAL_TEXT else "" for m in meta]
            columns[field] = values[where] if len(where) else values[:0]
        data = {}
        for name in STATEMENT_COLUMNS:
            values = columns[name]
            if name in INT_COLUMNS or name in FLOAT_COLUMNS:
                data[name] = np.array(values, dtype="int64" if name in INT_COLUMNS else "float64")
            else:
                arr = np.empty(len(values), dtype=object)
                arr[:] = values
                data[name] = pd.Series(arr, dtype=object, copy=False)
        return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))

    def statement(self, statement_id: str) -> dict[str, Any] | None:
        """One stored statement as a dict of ``STATEMENT_COLUMNS`` (None when unknown)."""
        cols = ", ".join(f"s.{_q(c)}" if c not in ARTICLE_FIELDS else f"a.{c}" for c in STATEMENT_COLUMNS)
        with self.read() as con:
            row = con.execute(
                f"SELECT {cols} FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.id = ?", (statement_id,)
            ).fetchone()
        return dict(zip(STATEMENT_COLUMNS, row)) if row else None

    # ------------------------------------------------------------------ corrections

    def corrections(self) -> list[Correction]:
        with self.read() as con:
            return _corrections(con)

    def append(
        self, op: str, args: dict[str, Any], note: str | None = None,
        prepare: Callable[[list[Correction]], dict[str, Any]] | None = None,
    ) -> Correction:
        """Append one correction. ``prepare`` sees the log inside the same write transaction
        (undo/redo decide what they cancel there, so two sessions cannot undo the same edit)."""
        with self.write() as con:
            if prepare is not None:
                args = prepare(_corrections(con))
            at = now()
            cur = con.execute("INSERT INTO corrections (op, args, at, note) VALUES (?,?,?,?)",
                              (op, json.dumps(args, ensure_ascii=False, sort_keys=True), at, note))  # fmt: skip
            return Correction(cur.lastrowid, op, args, at, note)


def _derived(name: str) -> str:
    if not name.isidentifier():
        raise ValueError(f"bad derived frame name {name!r}")
    return f"derived_{name}"


def _q(column: str) -> str:
    return f'"{column}"'


def _stored_values(s: Statement) -> tuple:
    return tuple(s.id if c == "id" else getattr(s, c) for c in STORED_FIELDS)


def _corrections(con: sqlite3.Connection) -> list[Correction]:
    rows = con.execute("SELECT seq, op, args, at, note FROM corrections ORDER BY seq").fetchall()
    return [Correction(seq, op, json.loads(args), at, note) for seq, op, args, at, note in rows]


def open_store(path: str | os.PathLike | None = None) -> Store:
    """The store at ``path`` (default: :func:`default_path`), created or migrated as needed."""
    return Store(path)
