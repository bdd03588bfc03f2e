"""Statements and articles as Parquet: one file, or a folder of shards.

The statement columns are ``records.STATEMENT_COLUMNS`` with fixed types (int64 for
``sign``, ``sentence_index``, ``start`` and ``end``, float64 for ``confidence``, nullable
strings for the rest), so shards written by different workers concatenate without
casting. A shard folder (``actorgraph extract --engine dask -o OUT/``) holds
``statements/part-*.parquet`` and ``articles/part-*.parquet``, one pair per partition; a
statements shard is written last, so it marks its partition complete. Files are written
to a hidden temporary name and renamed when whole: a reader never sees half a file.

Reading a folder gives what the local engine gives on the same input: shards in
partition order, and an article that also appears in an earlier partition (the same
text in two files) is kept only the first time, as ``articles.read_articles`` does.
pyarrow is imported lazily: it comes with the ``actorgraph[dask]`` extra.
"""
from __future__ import annotations

import io
import json
import os
import uuid
from dataclasses import fields
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np
import pandas as pd

from ..records import ID_PARTS, NAME_FIELDS, STATEMENT_COLUMNS, Article, Statement, clean_name, statement_id
from .statements import StatementsError

ARTICLE_COLUMNS = ["id", "title", "text", "date", "path", "url"]
STATEMENTS_DIR, ARTICLES_DIR = "statements", "articles"
#: Key of the shard's own metadata (load errors, article count) in the Parquet footer.
META_KEY = b"actorgraph"


class ParquetError(StatementsError):
    """A file or folder that is not readable as statements or articles; one line, naming it."""


def _pa():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - the extra is installed in CI
        raise ParquetError("Parquet needs pyarrow: pip install 'actorgraph[dask]'") from None
    return pa, pq


def statement_schema():
    pa, _ = _pa()
    kinds = {f.name: str(f.type) for f in fields(Statement)}
    arrow = {"int": pa.int64(), "float": pa.float64()}
    return pa.schema([(c, arrow.get(kinds.get(c, "str"), pa.string())) for c in STATEMENT_COLUMNS])


def article_schema():
    pa, _ = _pa()
    return pa.schema([(c, pa.string()) for c in ARTICLE_COLUMNS])


def _write_atomic(table, path: str | Path) -> Path:
    """Write to a hidden temporary file beside ``path``, then rename it into place."""
    _, pq = _pa()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_statements(statements: Iterable[Statement], path: str | Path, meta: dict | None = None) -> int:
    """All statements into one Parquet file (atomically); returns how many."""
    pa, _ = _pa()
    rows = [s.to_dict() for s in statements]
    schema = statement_schema()
    if meta is not None:
        schema = schema.with_metadata({META_KEY: json.dumps(meta).encode("utf-8")})
    _write_atomic(pa.Table.from_pylist(rows, schema=schema), path)
    return len(rows)


def write_articles(articles: Iterable[Article], path: str | Path) -> int:
    pa, _ = _pa()
    rows = [{c: getattr(a, c) for c in ARTICLE_COLUMNS} for a in articles]
    _write_atomic(pa.Table.from_pylist(rows, schema=article_schema()), path)
    return len(rows)


def shard_meta(path: str | Path) -> dict | None:
    """The metadata a shard was written with (None for a plain file or an unreadable one)."""
    _, pq = _pa()
    try:
        raw = (pq.read_schema(path).metadata or {}).get(META_KEY)
    except (OSError, ValueError):
        return None
    return json.loads(raw) if raw else None


def _parquet_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".parquet" and not p.name.startswith("."))


def shards(path: str | Path, kind: str = STATEMENTS_DIR) -> list[Path]:
    """The Parquet files to read for ``kind``: the file itself, ``path/kind/*.parquet`` in a
    shard folder, or the ``*.parquet`` files of a plain folder."""
    path = Path(path)
    if not path.exists():
        raise ParquetError(f"{path}: cannot open (no such file or folder)")
    if not path.is_dir():
        return [path]
    sub = path / kind
    found = _parquet_files(sub if sub.is_dir() else path)
    if not found:
        raise ParquetError(f"{path}: no Parquet files in this folder (looked in {kind}/ and the folder itself)")
    return found


def _table(path: Path, columns: list[str] | None = None):
    _, pq = _pa()
    try:
        return pq.read_table(path, columns=columns)
    except (OSError, ValueError, KeyError) as exc:  # pyarrow's errors subclass these
        what = f"columns {', '.join(columns)}" if columns else "a table"
        raise ParquetError(f"{path}: not a Parquet file with {what} ({' '.join(str(exc).split())[:200]})") from None


def _rows(path: Path, columns: list[str]) -> list[dict[str, Any]]:
    table = _table(path)
    missing = [c for c in columns if c not in table.column_names]
    if missing:
        raise ParquetError(f"{path}: not a Parquet file of statements: no column {', '.join(missing)}")
    return table.select(columns).to_pylist()


def _sibling(shard: Path, kind_from: str, kind_to: str) -> Path | None:
    """The sibling shard of the same partition in the other folder, when it exists."""
    other = shard.parent.parent / kind_to / shard.name
    return other if shard.parent.name == kind_from and other.is_file() else None


def read_statements(path: str | Path) -> Iterator[Statement]:
    """Statements from a Parquet file or shard folder, in partition order, articles seen in an
    earlier partition left out (first one wins)."""
    seen: set[str] = set()
    for shard in shards(path, STATEMENTS_DIR):
        beside = _sibling(shard, STATEMENTS_DIR, ARTICLES_DIR)
        mine = set(_table(beside, ["id"]).column("id").to_pylist()) if beside else set()
        for row in _rows(shard, STATEMENT_COLUMNS):
            if row["article_id"] not in seen:
                try:
                    yield Statement.from_dict(row)
                except (TypeError, ValueError) as exc:
                    raise ParquetError(f"{shard}: not a statement ({exc})") from None
        seen |= mine


def read_frame(path: str | Path):
    """The statements of ``read_statements(path)`` as ``graph.statements_frame`` gives them, read
    column by column: a million statements in about a second instead of a million records.

    Text columns are read dictionary-encoded, so each distinct value becomes one Python
    string shared by its rows. Names are normalised as ``Statement`` does; the ``id`` column
    is taken as written (``write_statements`` writes ``Statement.id``) and recomputed for rows
    whose names that normalisation changed, or for a file without one.
    """
    pa, _ = _pa()
    import pyarrow.compute as pc

    from ..graph import OPTIONAL_TEXT, frame_from_columns

    parts, seen = [], set()
    for shard in shards(path, STATEMENTS_DIR):
        table = _statement_table(shard)
        if seen:
            table = table.filter(pc.invert(pc.is_in(table.column("article_id"), pa.array(sorted(seen), pa.string()))))
        parts.append(table)
        beside = _sibling(shard, STATEMENTS_DIR, ARTICLES_DIR)
        seen |= set(_table(beside, ["id"]).column("id").to_pylist()) if beside else set()
    if not parts:  # pragma: no cover - shards() raises first
        raise ParquetError(f"{path}: no statements")
    table = pa.concat_tables(parts, promote_options="permissive").unify_dictionaries()
    changed = np.zeros(table.num_rows, dtype=bool)
    columns = {}
    for c in table.column_names:
        columns[c], moved = _column_values(table.column(c), None if c in OPTIONAL_TEXT else "", c in NAME_FIELDS)
        changed |= moved
    if "id" not in columns or changed.any():
        ids = columns.get("id", np.empty(table.num_rows, dtype=object))
        rows = np.flatnonzero(changed) if "id" in columns else np.arange(table.num_rows)
        ids[rows] = list(map(statement_id, *(columns[c][rows].tolist() for c in ID_PARTS)))
        columns["id"] = ids
    return frame_from_columns(columns, unique=True, typed=True)


#: Text columns read as they are: their values are mostly distinct, so a dictionary would not pay.
_PLAIN_TEXT = ("id", "quote")


def _statement_table(shard: Path):
    """One shard's statement columns (``id`` may be missing) with the statement schema's types;
    repetitive text dictionary-encoded as it was stored."""
    pa, pq = _pa()
    try:
        names = pq.read_schema(shard).names
    except (OSError, ValueError) as exc:
        raise ParquetError(f"{shard}: not a Parquet file ({' '.join(str(exc).split())[:200]})") from None
    missing = [c for c in STATEMENT_COLUMNS if c != "id" and c not in names]
    if missing:
        raise ParquetError(f"{shard}: not a Parquet file of statements: no column {', '.join(missing)}")
    wanted = [c for c in STATEMENT_COLUMNS if c in names]
    try:
        table = pq.read_table(shard, columns=wanted, read_dictionary=[c for c in wanted if c not in _PLAIN_TEXT])
        table = table.select(wanted).cast(pa.schema([_field(f, table.schema.field(f.name)) for f in statement_schema()
                                                     if f.name in wanted]))  # fmt: skip
    except (OSError, ValueError, TypeError, KeyError) as exc:  # pyarrow's errors subclass these
        raise ParquetError(f"{shard}: not a statement table ({' '.join(str(exc).split())[:200]})") from None
    empty = [c for c in wanted if pa.types.is_integer(table.schema.field(c).type) and table.column(c).null_count]
    if empty:
        raise ParquetError(f"{shard}: not a statement table (empty {', '.join(empty)} in some rows)")
    return table


def _field(want, have):
    """The type to cast a read column to: the schema's, dictionary-encoded text kept encoded."""
    pa, _ = _pa()
    if pa.types.is_dictionary(have.type) and pa.types.is_string(want.type):
        return pa.field(want.name, pa.dictionary(pa.int32(), pa.string()))
    return want


def _column_values(column, missing: Any, names: bool) -> tuple[np.ndarray, np.ndarray]:
    """A column as numpy: numbers as they are, text as objects (``missing`` for nulls), each
    distinct string made once; ``names``: normalised as ``Statement`` does. Also the rows whose
    text that normalisation changed."""
    pa, _ = _pa()
    unchanged = np.zeros(len(column), dtype=bool)
    if not (pa.types.is_string(column.type) or pa.types.is_dictionary(column.type)):
        return column.to_numpy(), unchanged
    if pa.types.is_string(column.type) and not names:
        values = column.to_numpy(zero_copy_only=False)
        if column.null_count:
            values[pd.isna(values)] = missing
        return values, unchanged
    encoded = column.combine_chunks()
    if pa.types.is_string(encoded.type):
        encoded = encoded.dictionary_encode()
    distinct = encoded.dictionary.to_pylist()
    codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)
    cleaned = [clean_name(v) for v in distinct] if names else distinct
    values = np.array(cleaned + [missing], dtype=object)[codes]
    if cleaned == distinct:
        return values, unchanged
    moved = np.array([a != b for a, b in zip(cleaned, distinct)] + [False])
    return values, moved[codes]


def read_articles(path: str | Path) -> Iterator[Article]:
    """Articles from a Parquet file or shard folder (``articles/``), each id once."""
    seen: set[str] = set()
    for shard in shards(path, ARTICLES_DIR):
        for row in _rows(shard, ARTICLE_COLUMNS):
            if row["id"] not in seen:
                seen.add(row["id"])
                yield Article(**row)


def iter_folder(path: str | Path) -> tuple[Iterator[Article], Iterator[Statement]]:
    """Articles and statements of a shard folder, for loading it into a store
    (``actorgraph ingest --from DIR/``): both lazily, shard by shard."""
    return read_articles(path), read_statements(path)


def is_statements(path: str | Path) -> bool:
    """True for a Parquet file or folder whose (first) table has the statement columns."""
    path = Path(path)
    try:
        files = shards(path, STATEMENTS_DIR) if path.is_dir() else [path] if path.suffix == ".parquet" else []
        if not files:
            return False
        _, pq = _pa()
        names = set(pq.read_schema(files[0]).names)
    except (OSError, ValueError):
        return False
    return {"id", "source", "target", "stance", "quote", "article_id"} <= names


def table_rows(source: str | Path | bytes, start: int = 0, stop: int | None = None) -> tuple[list[str], list[dict]]:
    """Column names and rows ``start:stop`` of a Parquet table (a path, or the file's bytes),
    reading only the row groups that hold them."""
    _, pq = _pa()
    f = pq.ParquetFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    names = f.schema_arrow.names
    meta = f.metadata
    stop = meta.num_rows if stop is None else min(stop, meta.num_rows)
    groups, first, offset = [], None, 0
    for g in range(meta.num_row_groups):
        n = meta.row_group(g).num_rows
        if offset + n > start and offset < stop:
            groups.append(g)
            first = offset if first is None else first
        offset += n
    if not groups:
        return names, []
    table = f.read_row_groups(groups)
    return names, table.slice(start - first, stop - start).to_pylist()


def row_count(path: str | Path) -> int:
    _, pq = _pa()
    return pq.ParquetFile(path).metadata.num_rows
